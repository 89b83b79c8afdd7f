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

use std::panic::AssertUnwindSafe;

use ext_php_rs::zend::{try_catch, CatchError};

/// The engine bailed out during a call into user code: stop, drop
/// everything, and resume it from the outermost handler frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bailout;

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
