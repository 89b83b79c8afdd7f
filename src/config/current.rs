//! The settings in force for this PHP process right now.
//!
//! The engine tells us of every change to a `memcache.*` ini entry (startup,
//! `ini_set`, per-directory values, the restore at request end) through the
//! seam's `on_modify`; this module keeps the typed result. PHP runs one
//! request at a time per process (NTS builds), so a process-wide lock is
//! uncontended; it exists to make the state `Sync`, not for concurrency.

use once_cell::sync::Lazy;
use parking_lot::Mutex;

use super::ini::{IniError, Settings};

static SETTINGS: Lazy<Mutex<Settings>> = Lazy::new(|| Mutex::new(Settings::default()));

/// Validates and applies one entry; on error the old value stays.
pub fn apply(name: &str, value: &str) -> Result<(), IniError> {
    SETTINGS.lock().apply(name, value)
}

/// A copy of the settings in force.
pub fn snapshot() -> Settings {
    SETTINGS.lock().clone()
}
