//! The `memcache` session save handler: PHP's session module calls the entry
//! points of [`handler`] (through the FFI seam) for open, read, write,
//! destroy, create_sid, validate_sid and update_timestamp.
//!
//! - [`handler`]: the entry points, one short function each.
//! - [`state`]: what is kept between calls (the open save path, the
//!   session held under its lock).
//! - [`lock`]: pecl memcache's lock records, taken on every server of the
//!   session together with the read of every copy, in one round trip.
//! - [`copies`]: which copy is current when the servers disagree (write
//!   stamps in the client flags), tombstones.
//! - [`store`]: what each server gets on write, touch, release and
//!   destroy, and the count of what happened.
//! - [`replicate`]: one operation over several servers in one round trip.
//! - [`value`]: the stored form of session data (pecl's compression).
//!
//! What this layer must not do: touch sockets (the pool and wire do) or
//! engine types (the seam hands it bytes and calls it back), or raise PHP
//! errors itself: every entry point returns an [`Outcome`] whose warnings
//! the seam raises after the call has returned.
//!
//! Where a session lives: the first `session_redundancy` distinct servers
//! of its failover sequence (`{key}-0`, `{key}-1`, ...), exactly as pecl
//! memcache places them; while one is marked down (or has not answered
//! since), the sequence supplies the next.

pub mod copies;
pub mod handler;
pub mod lock;
pub mod replicate;
pub mod state;
pub mod store;
pub mod value;

/// The result of an entry point, plus what to tell about it (the seam emits
/// both after the Rust call has returned):
/// - `warnings` are PHP warnings: the request could not get what it asked
///   for; the reason of a failure is always among them;
/// - `notes` go to the operator's error log only: the request got what it
///   asked for, but not as well as configured (a session stored on fewer
///   servers than `session_redundancy`, a lock record left to expire on a
///   server that failed). A warning there would break pages whose framework
///   turns warnings into exceptions, for a request that succeeded.
#[derive(Debug)]
pub struct Outcome<T> {
    pub result: Result<T, ()>,
    pub warnings: Vec<String>,
    pub notes: Vec<String>,
}

impl<T> Outcome<T> {
    pub fn ok(value: T, warnings: Vec<String>) -> Self {
        Outcome { result: Ok(value), warnings, notes: Vec::new() }
    }

    pub fn fail(warnings: Vec<String>) -> Self {
        Outcome { result: Err(()), warnings, notes: Vec::new() }
    }

    /// The same outcome with these lines for the error log.
    pub fn noting(mut self, notes: Vec<String>) -> Self {
        self.notes.extend(notes);
        self
    }

    /// A failure with no message (used where a panic was already reported).
    pub fn failed() -> Self {
        Outcome { result: Err(()), warnings: Vec::new(), notes: Vec::new() }
    }
}

/// Expiry to send for a session of `maxlifetime` seconds: memcached takes
/// values up to 30 days as relative seconds and larger ones as a unix time.
/// Relative values keep working when the web server's and the daemon's
/// clocks disagree, so they are used whenever memcached allows.
pub fn session_exptime(maxlifetime: i64) -> u32 {
    const THIRTY_DAYS: i64 = 60 * 60 * 24 * 30;
    if maxlifetime <= 0 {
        0
    } else if maxlifetime <= THIRTY_DAYS {
        maxlifetime as u32
    } else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        u32::try_from(now.saturating_add(maxlifetime)).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::session_exptime;

    #[test]
    fn session_exptime_relative_up_to_thirty_days_then_absolute() {
        assert_eq!(session_exptime(1440), 1440);
        assert_eq!(session_exptime(2_592_000), 2_592_000);
        assert!(session_exptime(2_592_001) > 1_700_000_000);
        assert_eq!(session_exptime(0), 0);
        assert_eq!(session_exptime(-5), 0);
    }
}
