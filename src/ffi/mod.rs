//! The unsafe seam between PHP and the extension. Every `unsafe` block of the
//! crate lives under this module, each with a comment saying why it is sound.
//!
//! Everything above this module is safe Rust that works on bytes, settings and
//! errors as values. The seam does three jobs:
//! - converts engine types (zend_string, C strings, out-pointers) to and from
//!   Rust types;
//! - stops panics: every entry point the engine calls runs inside
//!   [`guard`], so a panic becomes a PHP warning and a FAILURE return, never an
//!   unwind into C;
//! - emits warnings only after the Rust call has returned and dropped its
//!   borrows: a user error handler may throw or bail out, and nothing Rust
//!   owns may be live on the stack when it does.

pub mod api_engine;
pub mod api_glue;
pub mod api_object;
pub mod engine;
pub mod ini;
pub mod log;
pub mod module;
pub mod session_module;
pub mod var;
pub mod zpp;

use std::any::Any;
use std::ffi::CStr;
use std::os::raw::c_char;
use std::ptr;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ext_php_rs::error::php_error;
use ext_php_rs::ffi::zend_string;
use ext_php_rs::flags::ErrorType;
use ext_php_rs::types::ZendStr;

/// `zend_result` values.
pub const SUCCESS: i32 = 0;
pub const FAILURE: i32 = -1;

/// Emits an E_WARNING carrying `message` verbatim (it is passed as a `%s`
/// argument, never as a format).
pub fn warn(message: &str) {
    php_error(&ErrorType::Warning, message);
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Testing hook (cargo feature `test-hooks` only, see `crate::test_hooks`):
/// `PHP_MEMCACHE_TEST_PANIC` makes the entry points it names panic inside
/// the guard (php-tests/407). Without the feature nothing is read.
fn injected_panic(what: &str) -> bool {
    #[cfg(feature = "test-hooks")]
    {
        crate::test_hooks::injected_panic(what)
    }
    #[cfg(not(feature = "test-hooks"))]
    {
        let _ = what;
        false
    }
}

/// Runs `f`, turning a panic into a warning naming `what` plus `on_panic`.
/// This is the only way the engine enters Rust code during a request.
pub fn guard<T>(what: &str, on_panic: T, f: impl FnOnce() -> T) -> T {
    guard_reporting(what, on_panic, warn, f)
}

/// [`guard`] for the hooks PHP calls after the request's error state is
/// gone (post-deactivate): a panic is written to the error log by
/// [`log_after_request`], never raised as a PHP error.
pub fn guard_after_request<T>(what: &str, on_panic: T, f: impl FnOnce() -> T) -> T {
    guard_reporting(what, on_panic, log_after_request, f)
}

fn guard_reporting<T>(what: &str, on_panic: T, report: fn(&str), f: impl FnOnce() -> T) -> T {
    let f = || {
        if injected_panic(what) {
            panic!("fault injected by PHP_MEMCACHE_TEST_PANIC");
        }
        f()
    };
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) => {
            report(&format!(
                "memcache: internal error in {what}: {} (the operation failed; please report this)",
                panic_message(payload.as_ref())
            ));
            on_panic
        }
    }
}

/// Reports `message` as a warning once the request is over, where
/// [`warn`] must not be used.
///
/// PHP's post-deactivate hooks run after `php_free_request_globals()` has
/// released the request's last error and before the request heap is
/// discarded wholesale. A PHP error raised there (php_error_docref) stores
/// a new request-heap string in `PG(last_error_message)` /
/// `PG(last_error_file)` that nothing frees before the heap is reset: the
/// debug build reports it as leaked, and the next `clear_last_error()`
/// (the next request, or module shutdown) frees the dangling pointers —
/// "zend_mm_heap corrupted". PHP's own logger is no way out either: with
/// `error_log` set it formats the time through ext/date, whose timezone
/// cache was already destroyed by its own post-deactivate hook and would be
/// rebuilt on the dying heap.
///
/// So this writes the line PHP would log ("PHP Warning:  ... in Unknown on
/// line 0") itself, to where PHP logs: the `error_log` file (with a UTC
/// timestamp, formatted here), syslog when `error_log = syslog`, else the
/// SAPI's logger (stderr for the CLI, the php-fpm / Apache log otherwise).
/// No engine memory is allocated.
pub fn log_after_request(message: &str) {
    let line = format!("PHP Warning:  {message} in Unknown on line 0");
    let error_log: Option<Vec<u8>> = {
        let pg = ext_php_rs::zend::ProcessGlobals::get();
        // SAFETY: error_log is null or the ini entry's value (a NUL-terminated
        // string; a zend_string from PHP 8.6 on), owned by the engine and
        // unchanged for the duration of this call.
        #[cfg(not(php_error_log_zend_string))]
        let value = (!pg.error_log.is_null()).then(|| unsafe { CStr::from_ptr(pg.error_log) }.to_bytes().to_vec());
        // SAFETY: as above.
        #[cfg(php_error_log_zend_string)]
        let value = (!pg.error_log.is_null()).then(|| unsafe { zstr_bytes(pg.error_log) }.to_vec());
        value
    };
    match error_log.as_deref() {
        Some(b"syslog") => {
            if let Ok(c) = std::ffi::CString::new(line.replace('\0', " ")) {
                // SAFETY: a constant "%s" format with one valid C string argument.
                unsafe { libc::syslog(libc::LOG_WARNING, c"%s".as_ptr(), c.as_ptr()) };
            }
        }
        Some(path) if !path.is_empty() && append_to_log(path, &line) => {}
        _ => sapi_log(&line),
    }
}

/// Appends "[02-Dec-2026 11:38:00 UTC] line" to the error_log file, as PHP
/// does (there in date.timezone; here always UTC, named). False when the
/// file cannot be written (PHP then falls back to the SAPI logger too).
fn append_to_log(path: &[u8], line: &str) -> bool {
    use std::io::Write;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(path));
    let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).mode(0o644).open(path) else {
        return false;
    };
    let record = format!("[{}] {line}\n", utc_timestamp(std::time::SystemTime::now()));
    f.write_all(record.as_bytes()).is_ok()
}

/// `d-M-Y H:i:s e` of PHP's log lines, in UTC.
fn utc_timestamp(t: std::time::SystemTime) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let secs = t.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // civil-from-days (Howard Hinnant's algorithm), days since 1970-01-01
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{day:02}-{}-{year} {:02}:{:02}:{:02} UTC",
        MONTHS[(month - 1) as usize],
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The SAPI's own logger (`sapi_module.log_message`), which every SAPI
/// keeps usable until its deactivation, after the post-deactivate hooks.
fn sapi_log(line: &str) {
    let Ok(c) = std::ffi::CString::new(line.replace('\0', " ")) else { return };
    let log = ext_php_rs::zend::SapiModule::get().log_message;
    if let Some(log) = log {
        // SAFETY: the SAPI's callback takes a NUL-terminated message, which
        // it only reads during the call, and a syslog priority.
        unsafe { log(c.as_ptr(), libc::LOG_WARNING) };
    }
}

/// Installs a panic hook that keeps panics off stderr: [`guard`] reports them
/// as PHP warnings instead, where the operator's error log sees them.
pub fn install_quiet_panic_hook() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// Borrows the bytes of an engine string.
///
/// # Safety
/// `s` must be null or point to a live zend_string that outlives `'a`.
pub unsafe fn zstr_bytes<'a>(s: *const zend_string) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    // SAFETY: the caller guarantees a live zend_string; ZendStr is the same
    // type (a type alias), and as_bytes reads `len` bytes of its inline buffer.
    unsafe { (*s.cast::<ZendStr>()).as_bytes() }
}

/// Borrows a NUL-terminated C string's bytes.
///
/// # Safety
/// `s` must be null or a valid NUL-terminated string that outlives `'a`.
pub unsafe fn cstr_bytes<'a>(s: *const c_char) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    // SAFETY: the caller guarantees a valid NUL-terminated string.
    unsafe { CStr::from_ptr(s).to_bytes() }
}

/// A new request-lifetime (non-persistent) engine string holding `bytes`,
/// owned by the caller (the engine releases it).
pub fn new_zstr(bytes: &[u8]) -> *mut zend_string {
    ZendStr::new(bytes, false).into_raw()
}

/// `zend_module_dep` list: the session extension must start before us,
/// since MINIT registers the save handler with it.
#[repr(C)]
struct ModuleDep {
    name: *const c_char,
    rel: *const c_char,
    version: *const c_char,
    kind: u8,
}

struct ModuleDeps([ModuleDep; 2]);

// SAFETY: immutable static data whose pointers are to static C strings.
unsafe impl Sync for ModuleDeps {}

const MODULE_DEP_REQUIRED: u8 = 1;

static DEPS: ModuleDeps = ModuleDeps([
    ModuleDep { name: c"session".as_ptr(), rel: ptr::null(), version: ptr::null(), kind: MODULE_DEP_REQUIRED },
    ModuleDep { name: ptr::null(), rel: ptr::null(), version: ptr::null(), kind: 0 },
]);

/// The module's dependency table, for `zend_module_entry.deps`.
pub fn module_deps() -> *const ext_php_rs::ffi::_zend_module_dep {
    DEPS.0.as_ptr().cast()
}

unsafe extern "C" {
    fn display_ini_entries(module: *mut ext_php_rs::zend::ModuleEntry);
}

/// Prints the module's ini entries table in phpinfo(), as C extensions do
/// with DISPLAY_INI_ENTRIES().
pub fn display_ini_entries_of(module: *mut ext_php_rs::zend::ModuleEntry) {
    // SAFETY: called from the module's info function with the module entry
    // the engine passed in, which is live for the call.
    unsafe { display_ini_entries(module) }
}

/// `$_SERVER['SERVER_NAME']` of the current request, if set.
pub fn server_name() -> Option<String> {
    let globals = ext_php_rs::zend::ProcessGlobals::get();
    let server = globals.http_server_vars()?;
    server.get("SERVER_NAME").and_then(|v| v.string())
}

extern "C" fn child_after_fork() {
    crate::pool::health::forked_child();
}

/// Registers a fork handler so the pool can cache its pid (getpid() is a
/// syscall per call with today's glibc, and connections are checked against
/// the pid on every use). Called once, from MINIT.
pub fn register_fork_handler() {
    // SAFETY: pthread_atfork only records the function pointers; the child
    // handler performs a single atomic store, which is async-signal-safe as
    // required after fork() in a multithreaded parent.
    let rc = unsafe { libc::pthread_atfork(None, None, Some(child_after_fork)) };
    if rc == 0 {
        crate::pool::health::set_fork_aware();
    }
}

#[cfg(test)]
mod tests {
    use super::utc_timestamp;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn log_timestamps_are_php_format_in_utc() {
        for (secs, want) in [
            (0, "01-Jan-1970 00:00:00 UTC"),
            (951_782_400, "29-Feb-2000 00:00:00 UTC"),
            (1_796_212_680, "02-Dec-2026 11:58:00 UTC"),
            (4_107_542_399, "28-Feb-2100 23:59:59 UTC"),
        ] {
            assert_eq!(utc_timestamp(UNIX_EPOCH + Duration::from_secs(secs)), want);
        }
    }
}
