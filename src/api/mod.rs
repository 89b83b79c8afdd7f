//! The Memcache API: `Memcache` / `MemcachePool` classes and `memcache_*`
//! functions, data-compatible with pecl memcache (same keys, servers, flags
//! and value encodings, so both extensions read what the other wrote).
//!
//! One concept per file:
//! - [`values`]: zvals to/from the codec, PHP's serialize/unserialize;
//! - [`object`]: the per-object state (servers, callbacks, thresholds);
//! - [`exec`]: placement, failover and parallel execution of keyed commands;
//! - [`ops`]: the data operations (store, get, delete, arith, stats, ...);
//! - [`servers`]: server management (connect, addServer, params, status);
//! - [`report`]: warnings and failure callbacks, delivered after borrows end;
//! - [`classes`]: the PHP classes; their raw handlers and argument info are
//!   the seam's (`ffi::api_glue`), the only unsafe code of the API.

pub mod classes;
pub mod exec;
pub mod object;
pub mod ops;
pub mod report;
pub mod servers;
pub mod values;

use ext_php_rs::builders::ModuleBuilder;

/// Adds the API's classes, functions and constants to the module.
pub fn register(builder: ModuleBuilder<'_>) -> ModuleBuilder<'_> {
    // The classes are registered at MINIT (classes::register), as plain
    // classes rather than ext-php-rs ones.
    let b = crate::ffi::api_glue::functions(builder);
    b.constant(("MEMCACHE_COMPRESSED", crate::codec::FLAG_COMPRESSED as i64, &[]))
        .constant(("MEMCACHE_USER1", 0x10000_i64, &[]))
        .constant(("MEMCACHE_USER2", 0x20000_i64, &[]))
        .constant(("MEMCACHE_USER3", 0x40000_i64, &[]))
        .constant(("MEMCACHE_USER4", 0x80000_i64, &[]))
        .constant(("MEMCACHE_HAVE_SESSION", 1_i64, &[]))
}
