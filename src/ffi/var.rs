//! PHP's own serializer and unserializer, called as pecl memcache calls
//! them (`php_var_serialize` / `php_var_unserialize`), not through the
//! `serialize()` / `unserialize()` functions: a stack trace from a
//! throwing `__sleep` or `__wakeup` then shows the Memcache method, not an
//! extra internal frame, and a bad payload raises only the caller's own
//! notice. Both may run user code; both run it through [`engine::call`].

use std::ptr;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::ffi::{zend_string, zval};
use ext_php_rs::types::{ZendStr, Zval};
use ext_php_rs::zend::ExecutorGlobals;

use super::engine;

/// `smart_str` (Zend/zend_smart_str_public.h).
#[repr(C)]
struct SmartStr {
    s: *mut zend_string,
    a: usize,
}

/// Opaque `php_serialize_data` / `php_unserialize_data`.
#[repr(C)]
struct VarData {
    _private: [u8; 0],
}

unsafe extern "C" {
    fn php_var_serialize_init() -> *mut VarData;
    fn php_var_serialize(buf: *mut SmartStr, struc: *mut zval, data: *mut *mut VarData);
    fn php_var_serialize_destroy(d: *mut VarData);
    fn php_var_unserialize_init() -> *mut VarData;
    fn php_var_unserialize(rval: *mut zval, p: *mut *const u8, max: *const u8, var_hash: *mut *mut VarData) -> i32;
    fn php_var_unserialize_destroy(d: *mut VarData);
}

/// Why a value did not (un)serialize (the API's type: it is the caller).
pub use crate::api::engine::VarError;

/// `serialize($z)`'s bytes.
pub fn serialize(z: &Zval) -> Result<Vec<u8>, VarError> {
    // php_var_serialize takes a mutable zval but does not change a value it
    // serializes; a shallow copy (refcount +1) keeps `z` itself untouched.
    let mut copy = z.shallow_clone();
    let out = engine::call(|| {
        let mut buf = SmartStr { s: ptr::null_mut(), a: 0 };
        // SAFETY: the data handle is created and destroyed here, around one
        // php_var_serialize call on a live zval; `buf` starts empty and the
        // engine allocates its string, which we take over below.
        unsafe {
            let mut data = php_var_serialize_init();
            php_var_serialize(&mut buf, ptr::from_mut(&mut copy).cast(), &mut data);
            php_var_serialize_destroy(data);
        }
        buf.s
    })?;
    if out.is_null() {
        return Err(VarError::Failed);
    }
    // SAFETY: a non-null smart_str buffer is an engine string we now own;
    // ZBox releases it when dropped.
    let s: ZBox<ZendStr> = unsafe { ZBox::from_raw(out.cast()) };
    if ExecutorGlobals::has_exception() || s.is_empty() {
        return Err(VarError::Failed);
    }
    Ok(s.as_bytes().to_vec())
}

/// `unserialize($data)` as a zval; Failed for a payload that is not a
/// whole serialized value, or when user code (`__wakeup`, `__unserialize`)
/// threw.
pub fn unserialize(data: &[u8]) -> Result<Zval, VarError> {
    let mut out = Zval::new();
    let ok = engine::call(|| {
        // SAFETY: `p`/`max` delimit `data`, which outlives the call; the
        // unserialize state is created and destroyed here (destroying it runs
        // the delayed `__wakeup` calls); `out` is a live zval we own.
        unsafe {
            let mut p = data.as_ptr();
            let max = p.add(data.len());
            let mut hash = php_var_unserialize_init();
            let ok = php_var_unserialize(ptr::from_mut(&mut out).cast(), &mut p, max, &mut hash) != 0;
            php_var_unserialize_destroy(hash);
            ok
        }
    })?;
    if !ok || ExecutorGlobals::has_exception() {
        return Err(VarError::Failed);
    }
    Ok(out)
}
