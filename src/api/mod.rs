//! The Memcache API: `Memcache` / `MemcachePool` classes and `memcache_*`
//! functions, data-compatible with pecl memcache (same keys, servers, flags
//! and value encodings, so both extensions read what the other wrote).
//!
//! One concept per file:
//! - [`engine`]: what the API needs from the engine (implemented by the seam);
//! - [`values`]: zvals to/from the codec, PHP's serialize/unserialize;
//! - [`object`]: the per-object state (servers, callbacks, thresholds);
//! - [`exec`]: placement, failover and parallel execution of keyed commands;
//! - [`ops`]: the data operations (store, get, delete, arith, stats, ...);
//! - [`servers`]: server management (connect, addServer, params, status);
//! - [`report`]: warnings and failure callbacks, delivered after borrows end;
//! - [`classes`]: the PHP classes; their raw handlers and argument info are
//!   the seam's (`ffi::api_glue`), the only unsafe code of the API.
//!
//! What this layer must not do: touch sockets (the pool does), call into
//! the seam (what it needs of the engine it asks through [`engine`]), or
//! deliver a warning or a failure callback while it holds a borrow of an
//! object's state ([`report`] collects them; they go out after the
//! operation returned).

pub mod classes;
pub mod engine;
pub mod exec;
pub mod object;
pub mod ops;
pub mod report;
pub mod servers;
pub mod values;

use ext_php_rs::builders::ModuleBuilder;

/// Adds the API's constants to the module. (Its functions' and classes'
/// raw handlers are the seam's: `ffi::api_glue` adds the functions, and
/// registers the classes at MINIT as plain classes, not ext-php-rs ones.)
pub fn register(builder: ModuleBuilder<'_>) -> ModuleBuilder<'_> {
    builder.constant(("MEMCACHE_COMPRESSED", crate::codec::FLAG_COMPRESSED as i64, &[]))
        .constant(("MEMCACHE_USER1", 0x10000_i64, &[]))
        .constant(("MEMCACHE_USER2", 0x20000_i64, &[]))
        .constant(("MEMCACHE_USER3", 0x40000_i64, &[]))
        .constant(("MEMCACHE_USER4", 0x80000_i64, &[]))
        .constant(("MEMCACHE_HAVE_SESSION", 1_i64, &[]))
}
