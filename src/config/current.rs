//! The settings in force right now, for this PHP thread.
//!
//! The engine tells us of every change to a `memcache.*` ini entry (startup,
//! `ini_set`, per-directory values, the restore at request end) through the
//! seam's `on_modify`; this module keeps the typed result.
//!
//! Why per thread: PHP keeps ini values per thread. An NTS build runs one
//! request at a time per process, on one thread. A ZTS build (Apache's
//! threaded MPMs, FrankenPHP, embed) gives every thread its own copy of the
//! ini table, and calls `on_modify` with the current values in each new
//! thread before its first request (`zend_ini_refresh_caches` from the TSRM
//! new-thread hook); an `ini_set` in one thread changes only that thread's
//! copy, and its request-end restore only that thread's. A process-wide
//! value here would let one thread's `ini_set` change the servers, prefixes
//! or locking of every other thread's requests. Thread-local storage keeps
//! exactly PHP's semantics, and costs no lock.

use std::cell::RefCell;

use super::ini::{IniError, Settings};

thread_local! {
    static SETTINGS: RefCell<Settings> = RefCell::new(Settings::default());
}

/// Validates and applies one entry for this thread; on error the old value stays.
pub fn apply(name: &str, value: &str) -> Result<(), IniError> {
    SETTINGS.with(|s| s.borrow_mut().apply(name, value))
}

/// A copy of this thread's settings in force.
pub fn snapshot() -> Settings {
    SETTINGS.with(|s| s.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One thread's change is invisible to another, as PHP's own ini values.
    #[test]
    fn settings_are_per_thread() {
        apply("memcache.session_redundancy", "3").unwrap();
        let other = std::thread::spawn(|| {
            let before = snapshot().session_redundancy;
            apply("memcache.session_redundancy", "5").unwrap();
            (before, snapshot().session_redundancy)
        })
        .join()
        .unwrap();
        assert_eq!(other, (Settings::default().session_redundancy, 5));
        assert_eq!(snapshot().session_redundancy, 3);
    }
}
