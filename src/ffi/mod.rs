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

pub mod api_object;
pub mod engine;
pub mod ini;
pub mod log;
pub mod module;
pub mod session_module;
pub mod sys;
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

/// Emits one E_WARNING per message, in order.
pub fn warn_all(messages: &[String]) {
    for m in messages {
        warn(m);
    }
}

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

/// Testing hook, not a feature: when the environment variable
/// `PHP_MEMCACHE_TEST_PANIC` names an entry point as [`guard`] calls it
/// (`session read`, `session open`, ...; several separated by commas), that
/// entry point panics inside the guard, so a test can prove a panic becomes a
/// warning and a failure return (php-tests/4xx_*fault*). The variable is
/// read once per process; when it is unset the cost is one atomic load.
fn injected_panic(what: &str) -> bool {
    static NAMES: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| std::env::var("PHP_MEMCACHE_TEST_PANIC").ok())
        .as_deref()
        .is_some_and(|names| names.split(',').any(|n| n.trim() == what))
}

/// Runs `f`, turning a panic into a warning naming `what` plus `on_panic`.
/// This is the only way the engine enters Rust code.
pub fn guard<T>(what: &str, on_panic: T, f: impl FnOnce() -> T) -> T {
    let f = || {
        if injected_panic(what) {
            panic!("fault injected by PHP_MEMCACHE_TEST_PANIC");
        }
        f()
    };
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) => {
            warn(&format!(
                "memcache: internal error in {what}: {} (the operation failed; please report this)",
                panic_message(payload.as_ref())
            ));
            on_panic
        }
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

/// Makes sure a write to a unix socket whose daemon went away returns EPIPE
/// instead of killing the worker with SIGPIPE (std's TcpStream already sends
/// with MSG_NOSIGNAL; its UnixStream writes with write(2)). PHP's CLI
/// ignores SIGPIPE itself; this covers SAPIs that leave it at the default.
/// A handler someone installed is left alone. Checked once per process
/// (php-fpm workers reset signals after the fork).
pub fn ignore_sigpipe_if_default() {
    use std::sync::atomic::{AtomicU32, Ordering};
    static CHECKED_PID: AtomicU32 = AtomicU32::new(0);
    let pid = crate::pool::health::process_id();
    if CHECKED_PID.swap(pid, Ordering::Relaxed) == pid {
        return;
    }
    // SAFETY: sigaction with a null new action only reads the current
    // disposition into `old`, a zeroed sigaction we own; setting SIG_IGN
    // for SIGPIPE installs no handler code, so no async-signal-safety
    // concerns arise.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGPIPE, ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_DFL {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        }
    }
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
