//! Build script: records what the extension was built with (shown by phpinfo())
//! and lets the pure-Rust unit tests link.
//!
//! The extension is a cdylib that PHP dlopen()s; the Zend engine's symbols
//! (php_session_register_module, zend_register_ini_entries, ...) are resolved
//! against the php binary at load time. A `cargo test` binary has no php to
//! resolve them against, so unresolved symbols are allowed at link time. Tests
//! only exercise the pure-Rust core (config, pool, wire, session logic), never
//! code that calls into PHP.
use std::process::Command;

fn run(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The version of a dependency as locked in Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let needle = format!("name = \"{name}\"\n");
    let at = lock.find(&needle)? + needle.len();
    let line = lock[at..].lines().next()?;
    Some(line.strip_prefix("version = ")?.trim_matches('"').to_string())
}

/// The session extension's `ps_module` is declared by hand in src/ffi/session_module.rs
/// (ext-php-rs has no binding for it). src/ffi/ps_module_check.c asserts, against the headers of
/// the PHP this is built for, that the struct has the fields, offsets and function types that
/// declaration assumes (the Rust side asserts the same offsets), and that zpp's `f` outputs
/// (zend_fcall_info, zend_fcall_info_cache) fit src/ffi/zpp.rs's buffers; a PHP that changed them
/// fails the build here instead of corrupting memory at run time.
fn check_ps_module(php_config: &str, open_zstr: bool) {
    println!("cargo:rerun-if-changed=src/ffi/ps_module_check.c");
    println!("cargo:rerun-if-env-changed=CC");
    let includes = run(php_config, &["--includes"])
        .unwrap_or_else(|| panic!("ps_module layout check: `{php_config} --includes` failed (php-dev missing?)"));
    let mut tried = Vec::new();
    let compilers: Vec<String> = match std::env::var("CC") {
        Ok(cc) if !cc.is_empty() => vec![cc],
        _ => vec!["cc".into(), "clang".into(), "gcc".into()],
    };
    for cc in &compilers {
        let mut cmd = Command::new(cc);
        cmd.args(["-fsyntax-only", "-std=gnu11"]).args(includes.split_whitespace());
        if open_zstr {
            cmd.arg("-DPHP_MEMCACHE_OPEN_ZSTR");
        }
        cmd.arg("src/ffi/ps_module_check.c");
        match cmd.output() {
            Ok(out) if out.status.success() => return,
            Ok(out) => panic!(
                "engine layout check failed: the PHP headers ({php_config}) declare a ps_module that \
                 src/ffi/session_module.rs does not match, or fcall structs larger than src/ffi/zpp.rs's \
                 buffers; update them and src/ffi/ps_module_check.c:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(e) => tried.push(format!("{cc}: {e}")),
        }
    }
    panic!("ps_module layout check: no C compiler ({}); set CC", tried.join("; "));
}

fn main() {
    println!("cargo:rustc-link-arg=-Wl,--unresolved-symbols=ignore-all");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");

    let php_config = std::env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".to_string());
    let php = run(&php_config, &["--version"]).unwrap_or_else(|| "unknown".into());
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = run(&rustc, &["--version"]).unwrap_or_else(|| "unknown".into());
    let lock = std::fs::read_to_string("Cargo.lock").unwrap_or_default();
    let ext_php_rs = locked_version(&lock, "ext-php-rs").unwrap_or_else(|| "unknown".into());
    let memcache = locked_version(&lock, "memcache").unwrap_or_else(|| "unknown".into());

    // the PHP_VERSION_ID this is built for: module startup refuses unsupported ones (src/info/builds.rs)
    let vernum = run(&php_config, &["--vernum"]).unwrap_or_else(|| "0".into());
    println!("cargo:rustc-env=PHP_MEMCACHE_BUILT_FOR_PHP={php}");
    println!("cargo:rustc-env=PHP_MEMCACHE_PHP_VERNUM={vernum}");
    // Engine interfaces that changed between supported PHP versions (src/ffi/session_module.rs):
    // PHP 8.6 passes the save handler's open() its save_path and session name as zend_string*.
    // PHP 8.6 also keeps PG(error_log) as a zend_string* (src/ffi/mod.rs, log_after_request).
    println!("cargo::rustc-check-cfg=cfg(php_ps_open_zend_string)");
    println!("cargo::rustc-check-cfg=cfg(php_error_log_zend_string)");
    let open_zstr = vernum.parse::<u32>().unwrap_or(0) >= 80600;
    if open_zstr {
        println!("cargo:rustc-cfg=php_ps_open_zend_string");
        println!("cargo:rustc-cfg=php_error_log_zend_string");
    }
    check_ps_module(&php_config, open_zstr);
    println!("cargo:rustc-env=PHP_MEMCACHE_RUSTC={rustc_version}");
    println!("cargo:rustc-env=PHP_MEMCACHE_EXT_PHP_RS={ext_php_rs}");
    println!("cargo:rustc-env=PHP_MEMCACHE_MEMCACHE_CRATE={memcache}");
}
