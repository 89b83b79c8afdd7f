//! Registers the `memcache.*` ini entries with the engine and routes every
//! change of one (php.ini, ini_set, .user.ini, request-end restore) through
//! the typed, validating settings in [`crate::config::current`].
//!
//! A value the settings refuse makes `on_modify` return FAILURE: the engine
//! then keeps the old value (or the default, at startup), and the warning
//! names the entry and the allowed values.

use std::ffi::{CStr, CString};
use std::os::raw::{c_int, c_void};

use ext_php_rs::ffi::{zend_ini_entry, zend_string};
use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::IniEntryDef;

use super::{guard, warn, zstr_bytes, FAILURE, SUCCESS};
use crate::config::current;
use crate::config::ini::{ENTRIES, NULL_DEFAULT};

fn leak_cstr(s: &str) -> &'static CStr {
    // Names and defaults are compile-time constants without NUL bytes.
    let owned = CString::new(s).unwrap_or_default();
    Box::leak(owned.into_boxed_c_str())
}

/// Registers every entry of [`ENTRIES`]. The table lives for the whole
/// process, as the engine requires (it keeps pointers into it).
pub fn register(module_number: i32) {
    let mut defs: Vec<IniEntryDef> = ENTRIES
        .iter()
        .map(|(name, default)| {
            let null_default = NULL_DEFAULT.contains(name);
            // A NULL default needs no string (one leaked for it would be lost).
            let default = if null_default { c"" } else { leak_cstr(default) };
            let mut def = IniEntryDef::new(leak_cstr(name), default, IniEntryPermission::All);
            def.on_modify = Some(on_modify);
            if null_default {
                // pecl memcache's default for these is NULL, not "".
                def.value = std::ptr::null();
                def.value_length = 0;
            }
            def
        })
        .collect();
    defs.push(IniEntryDef::end());
    let table: &'static [IniEntryDef] = Box::leak(defs.into_boxed_slice());
    // Keep the table (and, through it, the leaked names and defaults)
    // reachable from a static: it lives for the process by design, and
    // valgrind (scripts/valgrind.sh) then does not count it as lost.
    TABLE.store(table.as_ptr().cast_mut(), std::sync::atomic::Ordering::Relaxed);
    IniEntryDef::register(table, module_number);
}

/// The registered ini entry table (see [`register`]). Never read: `#[used]`
/// keeps the optimizer from dropping the write-only static.
#[used]
static TABLE: std::sync::atomic::AtomicPtr<IniEntryDef> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// `ZEND_INI_MH` for every memcache.* entry.
unsafe extern "C" fn on_modify(
    entry: *mut zend_ini_entry,
    new_value: *mut zend_string,
    _mh_arg1: *mut c_void,
    _mh_arg2: *mut c_void,
    _mh_arg3: *mut c_void,
    _stage: c_int,
) -> c_int {
    // SAFETY: the engine calls this with its live entry (whose `name` is a
    // zend_string it owns) and a live new value or null; both outlive the call
    // and are only read here.
    let (name, value) = unsafe {
        let name = if entry.is_null() { &[][..] } else { zstr_bytes((*entry).name) };
        (name, zstr_bytes(new_value))
    };
    let outcome = guard("ini update", Err(String::new()), || {
        let name = String::from_utf8_lossy(name);
        let value = String::from_utf8_lossy(value);
        current::apply(&name, &value).map_err(|e| e.to_string())
    });
    match outcome {
        Ok(()) => SUCCESS,
        Err(msg) => {
            if !msg.is_empty() {
                warn(&msg);
            }
            FAILURE
        }
    }
}
