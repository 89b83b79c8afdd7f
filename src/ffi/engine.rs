//! Calls that may run user PHP code (serialize's `__sleep`, unserialize's
//! `__wakeup`, failure callbacks, error handlers behind a warning) made so
//! that the engine's bailout (`exit()`, a fatal error, memory_limit: a
//! longjmp) never jumps over a Rust frame.
//!
//! Each such call runs inside the engine's own `zend_try` (ext-php-rs's
//! `try_catch`). A bailout lands there and comes back as [`Bailout`]; the
//! caller drops what it holds, returns up to its `extern "C"` handler, and
//! that handler — with nothing of Rust's left alive on its frame — resumes
//! the bailout with [`resume_bailout`].

use std::ffi::CString;
use std::os::raw::c_int;
use std::panic::AssertUnwindSafe;
use std::ptr;

use ext_php_rs::ffi::{_call_user_function_impl, php_error_docref};
use ext_php_rs::flags::ErrorType;
use ext_php_rs::types::Zval;
use ext_php_rs::zend::{try_catch, CatchError};

/// The engine bailed out during a call into user code: stop, drop
/// everything, and resume it from the outermost handler frame. (Defined
/// with the API's view of the engine, which names it too.)
pub use crate::api::engine::Bailout;

/// Runs `f`, which may call into user PHP code, catching the engine's
/// bailout. A panic inside `f` is re-raised as a panic (the caller's guard
/// reports it).
pub fn call<R>(f: impl FnOnce() -> R) -> Result<R, Bailout> {
    match try_catch(AssertUnwindSafe(f)) {
        Ok(r) => Ok(r),
        Err(CatchError::Bailout) => Err(Bailout),
        Err(e) => std::panic::panic_any(e.to_string()),
    }
}

/// Raises a PHP error (`level`) carrying `message` verbatim, which may run
/// the user's error handler; a bailout there comes back as [`Bailout`].
///
/// Unlike `call(|| php_error(..))`, nothing with a destructor lives between
/// the engine's `zend_try` and the error call: the C string is owned by this
/// frame, outside the try, so a longjmp out of the handler skips only frames
/// holding plain pointers and integers.
pub fn raise(level: &ErrorType, message: &str) -> Result<(), Bailout> {
    let Ok(text) = CString::new(message) else { return Ok(()) };
    let Ok(bits) = c_int::try_from(level.bits()) else { return Ok(()) };
    let text_ptr = text.as_ptr();
    let r = call(move || {
        // SAFETY: a constant "%s" format with one NUL-terminated argument,
        // which `text` (alive until after this call) owns.
        unsafe { php_error_docref(ptr::null(), bits, c"%s".as_ptr(), text_ptr) }
    });
    drop(text);
    r
}

/// Calls the PHP callable `callable` with `args` (its return value is
/// discarded), catching a bailout in user code as [`Bailout`].
///
/// The arguments and the return value live in this frame and the caller's,
/// outside the `zend_try`: a longjmp out of the callback skips no frame
/// holding a value with a destructor (ext-php-rs's `try_call` keeps both on
/// its own frame, inside).
pub fn call_user(callable: &Zval, args: &mut [Zval]) -> Result<(), Bailout> {
    let mut retval = Zval::new();
    let Ok(count) = u32::try_from(args.len()) else { return Ok(()) };
    let f = ptr::from_ref(callable).cast_mut().cast();
    let ret = (&raw mut retval).cast();
    let params = args.as_mut_ptr().cast();
    let r = call(move || {
        // SAFETY: `f` is a live callable zval, `ret` a live zval for the
        // result and `params` `count` live zvals, all owned outside this
        // closure and alive until after the call; the engine only reads the
        // callable and the parameters and writes the result.
        unsafe { _call_user_function_impl(ptr::null_mut(), f, ret, count, params, ptr::null_mut()) };
    });
    drop(retval);
    r
}

/// Resumes a bailout caught by [`call`].
///
/// # Safety
/// The caller's frame and every Rust frame below the engine must hold no
/// value with a destructor: the longjmp skips them. Call it as the last
/// statement of an `extern "C"` handler whose locals are all dropped.
pub unsafe fn resume_bailout() -> ! {
    // SAFETY: forwarded to the caller.
    unsafe { ext_php_rs::zend::bailout() }
}
