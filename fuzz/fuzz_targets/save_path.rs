//! The save_path parser is total: any string gives Ok or Err, never a panic;
//! an Ok result satisfies the invariants the pool relies on, and an Err's
//! message is one line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use php_memcache::config::save_path::{parse_save_path, MAX_WEIGHT};
use php_memcache::wire::Endpoint;

fuzz_target!(|data: &[u8]| {
    let Some((&port_byte, rest)) = data.split_first() else { return };
    let path = String::from_utf8_lossy(rest);
    // Mostly the usual default port, sometimes 0 (which forbids port-less servers).
    let default_port = if port_byte == 0 { 0 } else { 11211 };
    match parse_save_path(&path, default_port) {
        Ok(servers) => {
            assert!(!servers.is_empty());
            for s in &servers {
                assert!((1..=MAX_WEIGHT).contains(&s.weight));
                assert!(!s.timeout.is_zero());
                match &s.endpoint {
                    Endpoint::Tcp { host, port } => {
                        assert!(!host.is_empty());
                        assert!(*port != 0);
                        assert!(!host.bytes().any(|b| b.is_ascii_control() || b == b',' || b == b' '));
                    }
                    Endpoint::Unix { path } => assert!(path.is_absolute()),
                }
                assert!(!s.ring_name.is_empty());
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n') && !msg.contains('\r'), "multi-line message: {msg:?}");
            assert!(e.offset <= path.len());
        }
    }
});
