//! The engine's own argument parser (`zend_parse_parameters`), run with
//! pecl memcache's exact type specifications before an API function looks
//! at its arguments: the argument count errors, TypeErrors ("Argument #2
//! ($host) must be of type string, stdClass given"), the deprecations
//! (null to a non-nullable scalar, floats losing precision) and the weak
//! conversions are then PHP's own, word for word, as pecl's are.
//!
//! The values zpp extracts are not used (the API reads the argument zvals
//! itself, after zpp has converted them in place where PHP does); zpp only
//! decides whether the call may proceed.

use std::ffi::{c_char, c_int, c_void, CStr};
use std::mem::MaybeUninit;
use std::ptr;

use ext_php_rs::zend::{ClassEntry, ExecuteData};

use super::engine::{self, Bailout};

unsafe extern "C" {
    fn zend_parse_parameters(num_args: u32, type_spec: *const c_char, ...) -> c_int;
}

/// Room for the outputs of pecl's longest spec ("Os|lbldlbz": 12 values).
const SLOTS: usize = 36;

/// Room for a `zend_fcall_info` or a `zend_fcall_info_cache`, which zpp's
/// `f` writes and nothing here reads: ext-php-rs does not bind
/// `zend_fcall_info` for every PHP (not for 8.6), so the buffer is ours;
/// src/ffi/ps_module_check.c asserts at build time, against the headers of
/// the PHP built for, that both structs fit in it (size and alignment).
#[repr(C, align(16))]
struct FcallBuf([u8; 128]);

/// Checks the arguments of the running call against `spec` (a
/// `zend_parse_parameters` type specification using `s l d b z O f ! / |`;
/// at most one `f`).
/// `class` is the class entry an `O` specifier requires. Ok(false) when zpp
/// refused the arguments: it has thrown the engine's exception then.
pub fn check(ex: &ExecuteData, spec: &CStr, class: Option<&ClassEntry>) -> Result<bool, Bailout> {
    // SAFETY: all fields of the u2 union are the same integer.
    let num_args = unsafe { ex.This.u2.num_args };
    // Each output slot is 8 bytes: enough for a pointer, zend_long, double,
    // bool or size_t.
    let mut slots = [0u64; SLOTS];
    let base = slots.as_mut_ptr();
    let mut ptrs: [*mut c_void; SLOTS] = [ptr::null_mut(); SLOTS];
    // An `f`'s outputs: a zend_fcall_info and a zend_fcall_info_cache, filled
    // in place. zpp copies the callable zval into the fcall info without a
    // reference (and releases trampolines itself): nothing to free, and the
    // copy must never be dropped as a Zval (ext-php-rs's Drop would release
    // the caller's reference and free the closure or object). So both stay
    // MaybeUninit buffers, written by zpp, never read or dropped here.
    let mut fci = MaybeUninit::<FcallBuf>::zeroed();
    let mut fcc = MaybeUninit::<FcallBuf>::zeroed();
    let mut seen_f = false;
    let mut n = 0;
    let mut prev = 0u8;
    for &c in spec.to_bytes() {
        let outputs = match c {
            b'|' | b'/' => 0,
            b's' => 2, // char **, size_t *
            b'l' | b'd' | b'b' | b'z' => 1,
            // bool *is_null after l, d, b; nothing after the pointer types
            b'!' => usize::from(matches!(prev, b'l' | b'd' | b'b')),
            b'O' => 1, // zval **, then the class entry (below)
            b'f' if !seen_f => 0, // the two structs (below)
            _ => return Ok(true), // a specifier this checker does not know
        };
        prev = c;
        if n + outputs + 2 > SLOTS {
            return Ok(true); // longer than any spec of ours: do not check
        }
        for _ in 0..outputs {
            // SAFETY: n < SLOTS, so the pointer stays inside `slots`.
            ptrs[n] = unsafe { base.add(n) }.cast();
            n += 1;
        }
        if c == b'O' {
            ptrs[n] = class.map_or(ptr::null_mut(), |ce| ptr::from_ref(ce).cast_mut().cast());
            n += 1;
        }
        if c == b'f' {
            seen_f = true;
            ptrs[n] = fci.as_mut_ptr().cast();
            ptrs[n + 1] = fcc.as_mut_ptr().cast();
            n += 2;
        }
    }
    let p = ptrs;
    engine::call(|| {
        // SAFETY: zend_parse_parameters reads the running call's arguments
        // and writes one output per specifier through the pointers given,
        // in order; every pointer points into `slots`, or for an `f` to
        // `fci` / `fcc`, buffers at least as large and as aligned as the
        // structs it writes there (asserted at build time against the PHP
        // headers, src/ffi/ps_module_check.c), all of which outlive the
        // call, except an `O`'s class entry, which it only reads. Unused trailing arguments of a
        // C variadic call are never read.
        let rc = unsafe {
            zend_parse_parameters(
                num_args, spec.as_ptr(), p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
                p[12], p[13], p[14], p[15], p[16], p[17], p[18], p[19], p[20], p[21], p[22], p[23], p[24], p[25],
                p[26], p[27], p[28], p[29], p[30], p[31], p[32], p[33], p[34], p[35],
            )
        };
        rc == super::SUCCESS
    })
}
