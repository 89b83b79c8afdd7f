//! The module entry PHP loads: `get_module()` and the engine callbacks
//! (MINIT, RINIT, post-deactivate, phpinfo), each a thin shim over the safe
//! wiring in `lib.rs` behind [`guard`].

use ext_php_rs::builders::{ModuleBuilder, ModuleStartup};
use ext_php_rs::zend::{ModuleEntry, StaticModuleEntry};
use once_cell::sync::OnceCell;
use parking_lot::Mutex;

use super::{guard, warn, FAILURE, SUCCESS};

/// The classes/constants ext-php-rs registers at MINIT, kept from
/// get_module() until then.
static STARTUP: OnceCell<Mutex<ModuleStartup>> = OnceCell::new();

extern "C" fn module_startup(ty: i32, module_number: i32) -> i32 {
    guard("module startup", FAILURE, || {
        if let Err(why) = crate::info::builds::check(crate::info::builds::built_for()) {
            warn(&why);
            return FAILURE;
        }
        super::install_quiet_panic_hook();
        super::register_fork_handler();
        super::ini::register(module_number);
        super::api_object::register_resource_type(module_number);
        if let Some(startup) = STARTUP.get() {
            ext_php_rs::internal::ext_php_rs_startup();
            if let Err(e) = startup.lock().startup(ty, module_number) {
                warn(&format!("memcache: could not register classes and constants: {e}"));
                return FAILURE;
            }
        }
        super::api_engine::install();
        if let Err(e) = super::api_glue::register_classes() {
            warn(&format!("memcache: could not register the Memcache classes: {e}"));
            return FAILURE;
        }
        if !super::session_module::register() {
            warn("memcache: could not register the 'memcache' session save handler with the session extension");
            return FAILURE;
        }
        SUCCESS
    })
}

extern "C" fn request_startup(_ty: i32, _module_number: i32) -> i32 {
    // Nothing to do per request: sends use MSG_NOSIGNAL (wire::sock), so
    // the process's SIGPIPE disposition is left as PHP and the script set it.
    guard("request startup", SUCCESS, || SUCCESS)
}

extern "C" fn post_deactivate() -> i32 {
    // After the request: PHP errors can no longer be raised (see log_after_request).
    super::guard_after_request("request end", SUCCESS, || {
        crate::request_end();
        SUCCESS
    })
}

extern "C" fn module_info(module: *mut ModuleEntry) {
    guard("phpinfo", (), || {
        crate::module_info();
        super::display_ini_entries_of(module);
    })
}

/// Why the module definition was refused, for the placeholder's MINIT.
static BUILD_ERROR: OnceCell<String> = OnceCell::new();

extern "C" fn failed_startup(_ty: i32, _module_number: i32) -> i32 {
    guard("module startup", FAILURE, || {
        let why = BUILD_ERROR.get().map_or("unknown error", String::as_str);
        warn(&format!("memcache: the module definition is invalid: {why}"));
        FAILURE
    })
}

/// The entry point PHP looks up after dlopen().
// SAFETY (of the attribute): `get_module` is the one symbol PHP expects from
// an extension; no other symbol of the process has this name.
#[unsafe(no_mangle)]
pub extern "C" fn get_module() -> *mut ModuleEntry {
    static MODULE: StaticModuleEntry = StaticModuleEntry::new();
    MODULE.get_or_init(|| {
        let builder = ModuleBuilder::new("memcache", crate::VERSION)
            .startup_function(module_startup)
            .request_startup_function(request_startup)
            .post_deactivate_function(post_deactivate)
            .info_function(module_info);
        let built: Result<(ModuleEntry, ModuleStartup, _), _> = crate::areas(builder).try_into();
        match built {
            Ok((mut entry, startup, owned)) => {
                let _ = STARTUP.set(Mutex::new(startup));
                entry.deps = super::module_deps();
                (entry, owned)
            }
            Err(e) => {
                // get_module cannot fail: hand PHP a bare module whose MINIT
                // reports the error and fails, so PHP says "Unable to start
                // memcache module" instead of the process aborting here.
                let _ = BUILD_ERROR.set(e.to_string());
                let bare = ModuleBuilder::new("memcache", crate::VERSION).startup_function(failed_startup);
                let (entry, _, owned) = bare.try_into().unwrap_or_else(|_| std::process::abort());
                (entry, owned)
            }
        }
    })
}
