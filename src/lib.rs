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

pub mod api;
pub mod config;
mod ffi;
pub mod info;
pub mod pool;
pub mod session;
pub mod wire;

use ext_php_rs::builders::{ModuleBuilder, ModuleStartup};
use ext_php_rs::zend::{ModuleEntry, StaticModuleEntry};
use once_cell::sync::OnceCell;
use parking_lot::Mutex;

/// The classes/constants ext-php-rs registers at MINIT, kept from
/// get_module() until then.
static STARTUP: OnceCell<Mutex<ModuleStartup>> = OnceCell::new();

/// The extension's version, as `phpversion('memcache')` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

unsafe extern "C" fn module_startup(ty: i32, module_number: i32) -> i32 {
    ffi::guard("module startup", ffi::FAILURE, || {
        ffi::install_quiet_panic_hook();
        ffi::register_fork_handler();
        ffi::ini::register(module_number);
        if let Some(startup) = STARTUP.get() {
            ext_php_rs::internal::ext_php_rs_startup();
            if let Err(e) = startup.lock().startup(ty, module_number) {
                ffi::warn(&format!("memcache: could not register classes and constants: {e}"));
                return ffi::FAILURE;
            }
        }
        if !ffi::session_module::register() {
            ffi::warn("memcache: could not register the 'memcache' session save handler with the session extension");
            return ffi::FAILURE;
        }
        ffi::SUCCESS
    })
}

unsafe extern "C" fn request_startup(_ty: i32, _module_number: i32) -> i32 {
    ffi::guard("request startup", ffi::SUCCESS, || {
        ffi::ignore_sigpipe_if_default();
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
        info::print_module_info();
        ffi::display_ini_entries_of(module);
    })
}

/// The entry point PHP looks up after dlopen().
#[unsafe(no_mangle)]
pub extern "C" fn get_module() -> *mut ModuleEntry {
    static MODULE: StaticModuleEntry = StaticModuleEntry::new();
    MODULE.get_or_init(|| {
        let builder = ModuleBuilder::new("memcache", VERSION)
            .startup_function(module_startup)
            .request_startup_function(request_startup)
            .post_deactivate_function(post_deactivate)
            .info_function(module_info);
        // Each area adds its own functions, classes and constants.
        let builder = api::register(builder);
        let builder = info::register(builder);
        let (mut entry, startup, owned) = match builder.try_into() {
            Ok(parts) => parts,
            Err(e) => panic!("memcache: module definition is invalid: {e}"),
        };
        let _ = STARTUP.set(Mutex::new(startup));
        entry.deps = ffi::module_deps();
        (entry, owned)
    })
}
