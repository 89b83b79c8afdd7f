//! php-memcache: a drop-in replacement for pecl memcache, written in Rust.
//!
//! This file is module wiring only: the module entry (name `memcache`, its
//! dependency on the session extension), startup (ini entries, the
//! `memcache` save handler), request end, and phpinfo. The work is done in:
//! - [`config`]: ini entries → typed settings; the save_path parser;
//! - [`pool`]: servers, the hash ring, failover order, per-process health;
//! - [`wire`]: the memcached ASCII protocol, pipelined;
//! - [`session`]: the save handler (locking, mirroring, read-repair);
//! - `ffi`: the unsafe seam to the engine.

pub mod config;
mod ffi;
pub mod pool;
pub mod session;
pub mod wire;

use ext_php_rs::builders::ModuleBuilder;
use ext_php_rs::zend::{ModuleEntry, StaticModuleEntry};
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

/// The extension's version, as `phpversion('memcache')` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

unsafe extern "C" fn module_startup(_ty: i32, module_number: i32) -> i32 {
    ffi::guard("module startup", ffi::FAILURE, || {
        ffi::install_quiet_panic_hook();
        ffi::ini::register(module_number);
        if !ffi::session_module::register() {
            ffi::warn("memcache: could not register the 'memcache' session save handler with the session extension");
            return ffi::FAILURE;
        }
        ffi::SUCCESS
    })
}

unsafe extern "C" fn post_deactivate() -> i32 {
    ffi::guard("request end", ffi::SUCCESS, || {
        // The request is over: nothing can show a warning now.
        let _ = session::handler::request_end();
        ffi::SUCCESS
    })
}

unsafe extern "C" fn module_info(module: *mut ModuleEntry) {
    ffi::guard("phpinfo", (), || {
        info_table_start!();
        info_table_row!("memcache support", "enabled");
        info_table_row!("Version", VERSION);
        info_table_row!("Implementation", "Rust (php-memcache), drop-in for pecl memcache");
        info_table_row!("Session save handler", "memcache");
        info_table_row!("Built for", env!("PHP_MEMCACHE_BUILT_FOR_PHP"));
        info_table_row!("Compiler", env!("PHP_MEMCACHE_RUSTC"));
        info_table_row!("ext-php-rs", env!("PHP_MEMCACHE_EXT_PHP_RS"));
        info_table_end!();
        ffi::display_ini_entries_of(module);
    })
}

/// The entry point PHP looks up after dlopen().
#[unsafe(no_mangle)]
pub extern "C" fn get_module() -> *mut ModuleEntry {
    static MODULE: StaticModuleEntry = StaticModuleEntry::new();
    MODULE.get_or_init(|| {
        let built = ModuleBuilder::new("memcache", VERSION)
            .startup_function(module_startup)
            .post_deactivate_function(post_deactivate)
            .info_function(module_info)
            .try_into();
        let (mut entry, _startup, owned) = match built {
            Ok(parts) => parts,
            Err(e) => panic!("memcache: module definition is invalid: {e}"),
        };
        entry.deps = ffi::module_deps();
        (entry, owned)
    })
}
