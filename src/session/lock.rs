//! Session locks, with pecl memcache's lock records so that a fleet mixing
//! pecl memcache and this extension serializes requests on one session.
//!
//! The record is `{key}.lock`, an ASCII integer living `lock_timeout`
//! seconds. To acquire, send `incr {key}.lock 1` and `add {key}.lock 0 T 1`
//! (value "1"): the lock is ours if the incr answered 1 (the record said "0":
//! released) or the add stored (there was no record). Release sets the record
//! to "0". The first attempt carries `get {key}` in the same batch, so an
//! uncontended lock + read is one round trip (memcached runs one
//! connection's commands in order, so the get sees the data under the lock).
//!
//! Waiting: pecl memcache sleeps 5 ms, 10 ms, 20 ms ... up to 1 s between
//! tries, so a page waits far longer than the lock is held. Here the pause is
//! an eighth of the time waited so far, clamped to [100 µs, 1 ms]: a lock
//! held for a millisecond is handed over within a few hundred microseconds,
//! and any lock within about a millisecond of its release. The price is at
//! most ~1000 small `incr`+`add` round trips per second per waiting request,
//! only while it waits. The wait ends after `memcache.lock_timeout` seconds,
//! the lifetime of a lock record: by then a lock left by a crashed request
//! has expired, so running out means another request really holds the
//! session, and the caller fails instead of handing out an empty session.

use std::time::{Duration, Instant};

pub use crate::config::ini::lock_key;
use crate::pool::{Failure, Pool};
use super::value::LOCK_FLAGS;
use crate::wire::{Batch, Item, Protocol, Reply, WireError};

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another request held the lock for the whole wait.
    Timeout { waited: Duration },
    /// The server failed (or refused the request).
    Server(Failure),
}

/// A lock taken, with the session data read under it.
#[derive(Debug)]
pub struct Acquired {
    pub data: Option<Item>,
    /// Time spent waiting for another holder (zero when uncontended).
    pub waited: Duration,
}

fn is_ours(incr: Option<&Reply>, add: Option<&Reply>) -> bool {
    matches!(incr, Some(Reply::Number(1))) || matches!(add, Some(Reply::Stored))
}

fn value_of(reply: Option<Reply>) -> Option<Item> {
    match reply {
        Some(Reply::Values(items)) => items.into_iter().next(),
        _ => None,
    }
}

fn malformed(server: &Pool, i: usize, what: &str) -> LockError {
    LockError::Server(Failure::Refused {
        server: server.server(i).spec.ring_name.clone(),
        error: WireError::Protocol(format!("unexpected reply to {what}")),
    })
}

/// The pause before the next try after waiting `waited`.
pub fn pause(waited: Duration) -> Duration {
    (waited / 8).clamp(Duration::from_micros(100), Duration::from_millis(1))
}

/// Adds the first lock attempt and the read to a batch: `incr`, `add`,
/// `get` (three replies, read by [`first_attempt`]).
pub fn push_acquire(batch: &mut Batch, key: &[u8], lock_timeout: u32) -> Result<(), WireError> {
    let lkey = lock_key(key);
    batch.incr(&lkey, 1)?;
    batch.add(&lkey, LOCK_FLAGS, lock_timeout, b"1")?;
    batch.get(key)?;
    Ok(())
}

/// Reads the replies of [`push_acquire`]: `Some(item)` when the lock is
/// ours (the item is None when the session does not exist there), `None`
/// when another request holds it.
pub fn first_attempt(replies: Vec<Reply>) -> Option<Option<Item>> {
    if is_ours(replies.first(), replies.get(1)) {
        Some(value_of(replies.into_iter().nth(2)))
    } else {
        None
    }
}

/// Waits for the lock of `key` on server `i`, held by another request, and
/// reads the data once it is ours; gives up after `wait_limit`.
pub fn wait(
    pool: &Pool,
    proto: Protocol,
    i: usize,
    key: &[u8],
    lock_timeout: u32,
    wait_limit: Duration,
) -> Result<Acquired, LockError> {
    let lkey = lock_key(key);
    let start = Instant::now();
    let mut poll = Batch::with_protocol(proto);
    poll.incr(&lkey, 1).map_err(|e| refused(pool, i, e))?;
    poll.add(&lkey, LOCK_FLAGS, lock_timeout, b"1").map_err(|e| refused(pool, i, e))?;
    loop {
        let waited = start.elapsed();
        if waited >= wait_limit {
            return Err(LockError::Timeout { waited });
        }
        std::thread::sleep(pause(waited).min(wait_limit - waited));
        let r = pool.execute(i, &poll).map_err(LockError::Server)?;
        if r.len() != 2 {
            return Err(malformed(pool, i, "lock attempt"));
        }
        if is_ours(r.first(), r.get(1)) {
            let mut get = Batch::with_protocol(proto);
            get.get(key).map_err(|e| refused(pool, i, e))?;
            let g = pool.execute(i, &get).map_err(LockError::Server)?;
            return Ok(Acquired { data: value_of(g.into_iter().next()), waited: start.elapsed() });
        }
    }
}

fn refused(pool: &Pool, i: usize, error: WireError) -> LockError {
    LockError::Server(Failure::Refused { server: pool.server(i).spec.ring_name.clone(), error })
}

/// Adds the release of `key`'s lock to a batch (record set to "0").
pub fn push_release(batch: &mut Batch, key: &[u8], lock_timeout: u32) -> Result<(), WireError> {
    batch.set(&lock_key(key), LOCK_FLAGS, lock_timeout, b"0").map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pause_is_an_eighth_of_the_wait_clamped() {
        assert_eq!(pause(Duration::ZERO), Duration::from_micros(100));
        assert_eq!(pause(Duration::from_millis(4)), Duration::from_micros(500));
        assert_eq!(pause(Duration::from_secs(10)), Duration::from_millis(1));
    }
}
