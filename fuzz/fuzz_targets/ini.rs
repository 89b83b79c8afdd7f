//! ini validation is total: any value for any entry is accepted or refused
//! with a one-line message, and a refused value leaves the settings as they were.
#![no_main]

use libfuzzer_sys::fuzz_target;
use php_memcache::config::ini::{session_key, Settings};

const ENTRIES: &[&str] = &[
    "memcache.allow_failover",
    "memcache.max_failover_attempts",
    "memcache.default_port",
    "memcache.chunk_size",
    "memcache.protocol",
    "memcache.hash_strategy",
    "memcache.hash_function",
    "memcache.redundancy",
    "memcache.session_redundancy",
    "memcache.compress_threshold",
    "memcache.lock_timeout",
    "memcache.select_api",
    "memcache.session_save_path",
    "memcache.session_prefix_static_key",
    "memcache.session_prefix_host_key",
    "memcache.prefix_static_key",
    "memcache.prefix_host_key",
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else { return };
    let value = String::from_utf8_lossy(rest);
    let name = ENTRIES[usize::from(sel) % ENTRIES.len()];
    let mut s = Settings::default();
    let before = format!("{s:?}");
    match s.apply(name, &value) {
        Ok(()) => {
            let prefix = s.session_key_prefix(Some(&value));
            let key = session_key(prefix.as_bytes(), rest);
            assert!(key.len() <= 250);
            assert!(!key.iter().any(|&b| b <= 0x20));
        }
        Err(e) => {
            assert_eq!(before, format!("{s:?}"), "refused value changed settings");
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "multi-line message: {msg:?}");
        }
    }
});
