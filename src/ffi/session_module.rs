//! The `ps_module` of PHP's session extension (ext/session/php_session.h):
//! the C shims PHP calls for `session.save_handler = memcache`, and its
//! registration.
//!
//! Each shim converts arguments, calls the safe handler in
//! [`crate::session::handler`] inside [`guard`], then — with the handler's
//! frames gone — raises the warnings it returned and maps its result to
//! `zend_result`. A warning may run the user's error handler, which may end
//! the script (`exit()`, a fatal error): [`engine::raise`] catches that
//! bailout, the shim drops what it holds and resumes it as its last step, so
//! the engine's longjmp never skips a Rust value.
//!
//! PHP writes and closes a session only when `PS(mod_data)` is non-null, so
//! open stores a pointer to a static marker there; the session's own state
//! lives in the handler (per process, per request), not behind that pointer.

use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

use ext_php_rs::ffi::{zend_long, zend_string};

use ext_php_rs::flags::ErrorType;

use super::{engine, guard, new_zstr, zstr_bytes, FAILURE, SUCCESS};
use crate::session::{handler, Outcome};

type ModData = *mut *mut c_void;

/// The save path and session name `open` receives: C strings up to PHP 8.5,
/// engine strings from 8.6 on (`PS_OPEN_ARGS`; build.rs sets the cfg from
/// the PHP version it builds for).
#[cfg(not(php_ps_open_zend_string))]
type OpenArg = *const c_char;
#[cfg(php_ps_open_zend_string)]
type OpenArg = *mut zend_string;

/// The bytes of an `open` argument.
///
/// # Safety
/// `s` must be null or the live argument PHP passed to `open`.
unsafe fn open_arg_bytes<'a>(s: OpenArg) -> &'a [u8] {
    // SAFETY: by the caller; cstr_bytes / zstr_bytes accept null.
    #[cfg(not(php_ps_open_zend_string))]
    let bytes = unsafe { super::cstr_bytes(s) };
    // SAFETY: as above.
    #[cfg(php_ps_open_zend_string)]
    let bytes = unsafe { zstr_bytes(s) };
    bytes
}

/// `ps_module_struct` of PHP 8.x: the same layout from 7.1 to 8.6; only
/// `open`'s argument types changed in 8.6 ([`OpenArg`]). Checked at build
/// time against the headers of the PHP built for: build.rs compiles
/// src/ffi/ps_module_check.c, which asserts these fields, offsets and function
/// types, and the const block below asserts the same offsets here.
#[repr(C)]
pub struct PsModule {
    name: *const c_char,
    s_open: unsafe extern "C" fn(ModData, OpenArg, OpenArg) -> c_int,
    s_close: unsafe extern "C" fn(ModData) -> c_int,
    s_read: unsafe extern "C" fn(ModData, *mut zend_string, *mut *mut zend_string, zend_long) -> c_int,
    s_write: unsafe extern "C" fn(ModData, *mut zend_string, *mut zend_string, zend_long) -> c_int,
    s_destroy: unsafe extern "C" fn(ModData, *mut zend_string) -> c_int,
    s_gc: unsafe extern "C" fn(ModData, zend_long, *mut zend_long) -> zend_long,
    s_create_sid: unsafe extern "C" fn(ModData) -> *mut zend_string,
    s_validate_sid: unsafe extern "C" fn(ModData, *mut zend_string) -> c_int,
    s_update_timestamp:
        unsafe extern "C" fn(ModData, *mut zend_string, *mut zend_string, zend_long) -> c_int,
}

const _: () = {
    use std::mem::{offset_of, size_of};
    const P: usize = size_of::<*const c_void>();
    assert!(size_of::<PsModule>() == 10 * P);
    assert!(offset_of!(PsModule, name) == 0);
    assert!(offset_of!(PsModule, s_open) == P);
    assert!(offset_of!(PsModule, s_close) == 2 * P);
    assert!(offset_of!(PsModule, s_read) == 3 * P);
    assert!(offset_of!(PsModule, s_write) == 4 * P);
    assert!(offset_of!(PsModule, s_destroy) == 5 * P);
    assert!(offset_of!(PsModule, s_gc) == 6 * P);
    assert!(offset_of!(PsModule, s_create_sid) == 7 * P);
    assert!(offset_of!(PsModule, s_validate_sid) == 8 * P);
    assert!(offset_of!(PsModule, s_update_timestamp) == 9 * P);
    // zend_result and the int returns are C ints (asserted on the C side too).
    assert!(size_of::<c_int>() == 4);
};

// SAFETY: the struct is immutable after construction; its only pointer is to
// a static NUL-terminated string.
unsafe impl Sync for PsModule {}

static MODULE: PsModule = PsModule {
    name: c"memcache".as_ptr(),
    s_open: ps_open,
    s_close: ps_close,
    s_read: ps_read,
    s_write: ps_write,
    s_destroy: ps_destroy,
    s_gc: ps_gc,
    s_create_sid: ps_create_sid,
    s_validate_sid: ps_validate_sid,
    s_update_timestamp: ps_update_timestamp,
};

/// What `PS(mod_data)` points to while a session is open: only its address
/// matters (non-null tells PHP the handler is open).
static OPEN_MARKER: u8 = 0;

unsafe extern "C" {
    fn php_session_register_module(module: *const PsModule) -> c_int;
    fn php_session_create_id(mod_data: ModData) -> *mut zend_string;
}

/// Registers the `memcache` save handler. Called from MINIT, after the
/// session extension started (our module entry declares the dependency).
pub fn register() -> bool {
    // SAFETY: MODULE is a static with the exact layout of ps_module, whose
    // function pointers stay valid for the life of the process.
    unsafe { php_session_register_module(&MODULE) == SUCCESS }
}

/// Logs the outcome's notes, then raises its warnings in order, consuming
/// both. Returns the result and whether a user error handler behind one of
/// the warnings bailed out (the remaining warnings are not raised then, as
/// PHP would not have reached them). The caller drops the result and calls
/// [`resume`] when it did.
fn deliver<T>(outcome: Outcome<T>) -> (Result<T, ()>, bool) {
    let Outcome { result, warnings, notes } = outcome;
    for n in &notes {
        super::log::note(n);
    }
    let bailed = warnings.iter().any(|w| engine::raise(&ErrorType::Warning, w).is_err());
    (result, bailed)
}

/// Resumes a bailout caught while delivering warnings.
///
/// # Safety
/// Call it as the last statement of a shim, once every local with a
/// destructor is dropped (see [`engine::resume_bailout`]).
unsafe fn resume() -> ! {
    // SAFETY: forwarded to the caller.
    unsafe { engine::resume_bailout() }
}

/// Delivers the outcome, then maps it to `zend_result` (resuming a bailout
/// when a user error handler ended the script).
fn finish(outcome: Outcome<()>) -> c_int {
    let (result, bailed) = deliver(outcome);
    if bailed {
        // SAFETY: `result` is a Result<(), ()>, nothing to drop; this frame
        // holds no other value, and the shims calling finish() hold only
        // borrowed pointers of the engine's.
        unsafe { resume() }
    }
    if result.is_ok() { SUCCESS } else { FAILURE }
}

/// Logs what the session handler left to note at request end (a lock it
/// could not release after a fatal error): the request is over, nothing can
/// be displayed, and PHP's own logger must not run any more (see
/// [`super::log_after_request`]).
pub fn log_request_end(notes: &[String]) {
    for n in notes {
        super::log_after_request(&format!("memcache: {n}"));
    }
}

unsafe extern "C" fn ps_open(mod_data: ModData, save_path: OpenArg, _name: OpenArg) -> c_int {
    // SAFETY: PHP passes its save_path ini value, live for the call.
    let path = unsafe { open_arg_bytes(save_path) };
    let outcome = guard("session open", Outcome::failed(), || {
        // Valid UTF-8 (always, in practice) is checked on the fast path.
        let path = std::str::from_utf8(path).map_or_else(|_| String::from_utf8_lossy(path), std::borrow::Cow::Borrowed);
        handler::open(&path, super::server_name)
    });
    let opened = outcome.result.is_ok();
    let rc = finish(outcome);
    log_ignored_save_path_parts();
    if opened && !mod_data.is_null() {
        // SAFETY: mod_data points to PS(mod_data), a live void* slot; we store
        // the address of a static, which never dangles.
        unsafe { *mod_data = ptr::addr_of!(OPEN_MARKER).cast_mut().cast() };
    }
    rc
}

/// What the save path parser ignored while opening (as pecl ignores it):
/// a line each in the error log (see [`super::log`]).
fn log_ignored_save_path_parts() {
    guard("session open (save path notes)", (), || {
        let ignored = crate::config::save_path::take_ignored();
        if ignored.is_empty() {
            return;
        }
        let setting = if crate::config::current::snapshot().session_save_path.is_some() {
            "memcache.session_save_path"
        } else {
            "session.save_path"
        };
        for i in ignored {
            super::log::note(&i.message(setting));
        }
    })
}

unsafe extern "C" fn ps_close(mod_data: ModData) -> c_int {
    if !mod_data.is_null() {
        // SAFETY: mod_data points to PS(mod_data), a live void* slot.
        unsafe { *mod_data = ptr::null_mut() };
    }
    finish(guard("session close", Outcome::failed(), handler::close))
}

unsafe extern "C" fn ps_read(
    _mod_data: ModData,
    key: *mut zend_string,
    val: *mut *mut zend_string,
    maxlifetime: zend_long,
) -> c_int {
    // SAFETY: PHP passes the live session id string for the duration of the call.
    let sid = unsafe { zstr_bytes(key) };
    let (result, bailed) = deliver(guard("session read", Outcome::failed(), || handler::read(sid, maxlifetime)));
    if bailed {
        drop(result);
        // SAFETY: the data read was just dropped; `sid` borrows the engine's
        // string and the arguments are raw pointers: nothing left to skip.
        unsafe { resume() }
    }
    match result {
        Ok(data) => {
            if !val.is_null() {
                // SAFETY: val points to PHP's zend_string* out slot; the new
                // string's ownership passes to PHP, which releases it.
                unsafe { *val = new_zstr(&data) };
            }
            SUCCESS
        }
        Err(()) => FAILURE,
    }
}

unsafe extern "C" fn ps_write(
    _mod_data: ModData,
    key: *mut zend_string,
    val: *mut zend_string,
    maxlifetime: zend_long,
) -> c_int {
    // SAFETY: PHP passes live id and data strings for the duration of the call.
    let (sid, data) = unsafe { (zstr_bytes(key), zstr_bytes(val)) };
    finish(guard("session write", Outcome::failed(), || handler::write(sid, data, maxlifetime)))
}

unsafe extern "C" fn ps_destroy(_mod_data: ModData, key: *mut zend_string) -> c_int {
    // SAFETY: PHP passes the live session id string for the duration of the call.
    let sid = unsafe { zstr_bytes(key) };
    finish(guard("session destroy", Outcome::failed(), || handler::destroy(sid)))
}

unsafe extern "C" fn ps_gc(_mod_data: ModData, _maxlifetime: zend_long, nrdels: *mut zend_long) -> zend_long {
    // memcached expires sessions itself: there is never anything to collect.
    if !nrdels.is_null() {
        // SAFETY: nrdels points to a live zend_long owned by the caller.
        unsafe { *nrdels = 0 };
    }
    0
}

unsafe extern "C" fn ps_create_sid(mod_data: ModData) -> *mut zend_string {
    let outcome = guard("session create_sid", Outcome::failed(), || {
        handler::create_sid(|| {
            // SAFETY: php_session_create_id only reads mod_data and returns a
            // new string we own; we copy it and release it at once.
            unsafe {
                let id = php_session_create_id(mod_data);
                if id.is_null() {
                    return None;
                }
                // ZBox releases the engine string when dropped.
                let owned = ext_php_rs::boxed::ZBox::<ext_php_rs::types::ZendStr>::from_raw(id);
                Some(owned.as_bytes().to_vec())
            }
        })
    });
    let (result, bailed) = deliver(outcome);
    if bailed {
        drop(result);
        // SAFETY: the new id was just dropped; only raw pointers remain.
        unsafe { resume() }
    }
    match result {
        Ok(id) => new_zstr(&id),
        // PHP treats a NULL id as "failed to create session ID" and says so.
        Err(()) => ptr::null_mut(),
    }
}

unsafe extern "C" fn ps_validate_sid(_mod_data: ModData, key: *mut zend_string) -> c_int {
    // SAFETY: PHP passes the live session id string for the duration of the call.
    let sid = unsafe { zstr_bytes(key) };
    finish(guard("session validate_sid", Outcome::failed(), || handler::validate_sid(sid)))
}

unsafe extern "C" fn ps_update_timestamp(
    _mod_data: ModData,
    key: *mut zend_string,
    val: *mut zend_string,
    maxlifetime: zend_long,
) -> c_int {
    // SAFETY: PHP passes live id and data strings for the duration of the call.
    let (sid, data) = unsafe { (zstr_bytes(key), zstr_bytes(val)) };
    finish(guard("session update_timestamp", Outcome::failed(), || {
        handler::update_timestamp(sid, data, maxlifetime)
    }))
}
