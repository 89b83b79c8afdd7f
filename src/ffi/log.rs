//! Notes for the operator's error log only.
//!
//! Some things deserve a line in the log but must not change the request:
//! what a save path said that pecl memcache also ignores (see
//! `config::save_path`), a session stored on fewer servers than configured
//! (see `session::Outcome`). Shown as a PHP warning during session_start() it
//! would be output before the headers, so with display_errors on the
//! session cookie could no longer be sent (the very breakage leniency is
//! there to avoid), and a page would show it to visitors. So these notes
//! go to PHP's error log (error_log, or the SAPI's log) as a warning line,
//! when log_errors is on, and are never displayed.

use std::ffi::{c_char, c_int, CString};

unsafe extern "C" {
    fn php_log_err_with_severity(message: *const c_char, syslog_type: c_int);
    fn zend_ini_long(name: *const c_char, name_length: usize, orig: c_int) -> i64;
}

/// syslog's LOG_WARNING.
const LOG_WARNING: c_int = 4;

/// Writes "PHP Warning:  memcache: {message}" to the error log when
/// log_errors is on. No user code runs (the SAPI logger and the log file
/// only), so this may be called from any Rust frame.
pub fn note(message: &str) {
    // SAFETY: reads an ini value by a static name; zend_ini_long only reads.
    let log_errors = unsafe { zend_ini_long(c"log_errors".as_ptr(), "log_errors".len(), 0) };
    if log_errors == 0 {
        return;
    }
    let line = format!("PHP Warning:  memcache: {message}").replace('\0', "\\0");
    if let Ok(c) = CString::new(line) {
        // SAFETY: a valid NUL-terminated string, live for the call; the
        // engine copies what it writes.
        unsafe { php_log_err_with_severity(c.as_ptr(), LOG_WARNING) };
    }
}
