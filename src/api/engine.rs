//! What the Memcache API needs from the PHP engine beyond ext-php-rs's safe
//! types: PHP's own serializer, errors and failure callbacks that may run
//! user code (and end the script), the objects' `connection` and
//! `_failureCallback` properties, and the two class entries.
//!
//! The API sits below the unsafe seam. It names these operations here, and
//! the seam implements them (`ffi::api_engine`, over `ffi::engine`,
//! `ffi::var` and `ffi::api_object`) and installs the implementation at
//! module startup: the seam calls down into the API, the API never calls up
//! into the seam.
//!
//! What this module must not do: hold any logic. Each operation is one
//! engine call, made by the seam under its own safety argument.

use ext_php_rs::flags::ErrorType;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;
use once_cell::sync::OnceCell;

use super::object::Handle;

/// The engine bailed out (`exit()`, a fatal error, memory_limit) during a
/// call into user code: stop, drop everything, and let the outermost handler
/// frame resume it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bailout;

/// Why PHP's serializer or unserializer gave no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarError {
    /// Nothing produced, the payload is invalid, or user code threw (the
    /// exception is pending).
    Failed,
    /// The engine bailed out inside user code.
    Bailout,
}

impl From<Bailout> for VarError {
    fn from(_: Bailout) -> VarError {
        VarError::Bailout
    }
}

/// The engine's services the API calls. Every method that may run user code
/// returns [`Bailout`] instead of unwinding or jumping over the caller.
pub trait Engine: Sync + Send {
    /// `serialize($z)`'s bytes, as pecl calls it (`php_var_serialize`).
    fn serialize(&self, z: &Zval) -> Result<Vec<u8>, VarError>;
    /// `unserialize($data)` as pecl calls it (`php_var_unserialize`).
    fn unserialize(&self, data: &[u8]) -> Result<Zval, VarError>;
    /// `$_SERVER['SERVER_NAME']` of the current request, if set.
    fn server_name(&self) -> Option<String>;
    /// Raises a PHP error carrying `message` verbatim (may run the user's
    /// error handler).
    fn raise(&self, level: &ErrorType, message: &str) -> Result<(), Bailout>;
    /// Calls a PHP callable, discarding its return value.
    fn call_user(&self, callable: &Zval, args: &mut [Zval]) -> Result<(), Bailout>;
    /// Throws PHP's "Wrong parameter count" ArgumentCountError.
    fn wrong_param_count(&self);
    /// A declared or dynamic property of `obj`, as the object holds it.
    fn property<'a>(&self, obj: &'a ZendObject, name: &str) -> Option<&'a Zval>;
    /// Writes a property of `obj`; false when the engine refused.
    fn set_property(&self, obj: &mut ZendObject, name: &str, value: Zval) -> Result<bool, Bailout>;
    /// A "memcache connection" resource holding `h`.
    fn pool_zval(&self, h: Handle) -> Zval;
    /// The pool of a "memcache connection" resource zval.
    fn zval_pool(&self, z: &Zval) -> Option<Handle>;
    /// `MemcachePool`'s class entry, once registered.
    fn pool_ce(&self) -> Option<&'static ClassEntry>;
    /// `Memcache`'s class entry, once registered.
    fn memcache_ce(&self) -> Option<&'static ClassEntry>;
}

static ENGINE: OnceCell<&'static dyn Engine> = OnceCell::new();

/// Installs the engine's implementation; called once, at module startup,
/// before any class or function of the API can be called.
pub fn install(engine: &'static dyn Engine) {
    let _ = ENGINE.set(engine);
}

/// The installed engine. The API's classes and functions exist only after
/// module startup has installed it, so every caller finds it; a call without
/// it is a bug, reported by the seam's guard as a warning naming the call.
pub fn engine() -> &'static dyn Engine {
    match ENGINE.get() {
        Some(e) => *e,
        None => panic!("the Memcache API was called before module startup installed the engine"),
    }
}
