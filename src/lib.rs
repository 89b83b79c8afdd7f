//! php-memcache: a drop-in replacement for pecl memcache, written in Rust.
//!
//! This file is module wiring only: the module entry (name `memcache`, its
//! dependency on the session extension), startup (ini entries, the
//! `memcache` save handler), request end, and phpinfo. The work is done in:
//! - [`config`]: ini entries → typed settings; the save_path parser;
//! - [`pool`]: servers, the hash ring, failover order, per-process health;
//! - [`codec`]: pecl's value flags and encodings (API values, session data);
//! - [`wire`]: the memcached ASCII and binary protocols, pipelined;
//! - [`session`]: the save handler (locking, mirroring, read-repair);
//! - `ffi`: the unsafe seam to the engine.

#![deny(unsafe_code)]

pub mod api;
pub mod codec;
pub mod config;
// The unsafe seam: the only module allowed unsafe code (every block with a
// SAFETY comment); everything else is safe Rust by construction.
#[allow(unsafe_code)]
mod ffi;
pub mod info;
pub mod pool;
pub mod session;
#[cfg(feature = "test-hooks")]
pub mod test_hooks;
pub mod wire;

use ext_php_rs::builders::ModuleBuilder;

/// The extension's version, as `phpversion('memcache')` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the module is made of, beyond the ini entries and the save handler
/// (which `ffi::module` registers at MINIT): each area adds its own
/// functions, classes and constants.
fn areas(builder: ModuleBuilder<'_>) -> ModuleBuilder<'_> {
    let builder = api::register(ffi::api_glue::functions(builder));
    info::register(builder)
}

/// At the very end of every request, after every module's shutdown: the
/// session handler releases what a fatal error, `exit` or an uncaught
/// exception left held, and non-persistent connections close.
fn request_end() {
    // The request is over: nothing can be displayed now, only logged.
    ffi::session_module::log_request_end(&session::handler::request_end());
}

/// The `memcache` section of phpinfo() (the ini table follows it).
fn module_info() {
    info::print_module_info();
}
