//! The ini entries (src/config/ini.rs): names, defaults, validation and
//! the key rules that depend on them.

use php_memcache::config::ini::*;
use php_memcache::pool::hash::HashFunction;
use php_memcache::pool::ring::Strategy;
use php_memcache::wire::{Protocol, MAX_KEY_LEN};

/// Applies `value` and checks it is refused, the message names the
/// entry, and nothing changed.
fn refused(name: &str, value: &str) -> String {
    // Start from a state where every field differs from its default, so
    // "old value stays" cannot pass as "reset to default".
    let mut s = altered();
    let before = s.clone();
    let err = match s.apply(name, value) {
        Ok(()) => panic!("{name}={value:?} should be refused"),
        Err(e) => e,
    };
    assert_eq!(s, before, "{name}={value:?} changed the settings");
    let msg = err.to_string();
    assert!(msg.starts_with(name), "{msg}");
    msg
}

fn altered() -> Settings {
    let mut s = Settings::default();
    for (name, value) in [
        ("memcache.allow_failover", "0"),
        ("memcache.max_failover_attempts", "3"),
        ("memcache.default_port", "21221"),
        ("memcache.chunk_size", "100"),
        ("memcache.protocol", "binary"),
        ("memcache.hash_strategy", "standard"),
        ("memcache.hash_function", "fnv"),
        ("memcache.redundancy", "4"),
        ("memcache.session_redundancy", "5"),
        ("memcache.compress_threshold", "6"),
        ("memcache.lock_timeout", "7"),
        ("memcache.select_api", "poll"),
        ("memcache.session_save_path", "tcp://h:1"),
        ("memcache.session_prefix_static_key", "S"),
        ("memcache.session_prefix_host_key", "1"),
        ("memcache.session_prefix_host_key_remove_www", "0"),
        ("memcache.session_prefix_host_key_remove_subdomain", "1"),
        ("memcache.prefix_static_key", "A"),
        ("memcache.prefix_host_key", "1"),
        ("memcache.prefix_host_key_remove_www", "0"),
        ("memcache.prefix_host_key_remove_subdomain", "1"),
    ] {
        s.apply(name, value).unwrap();
    }
    s
}

#[test]
fn altered_differs_everywhere() {
    let (a, d) = (altered(), Settings::default());
    assert!(
        a.allow_failover != d.allow_failover
            && a.max_failover_attempts != d.max_failover_attempts
    );
    assert!(
        a.default_port != d.default_port
            && a.chunk_size != d.chunk_size
            && a.protocol != d.protocol
    );
    assert!(a.hash_strategy != d.hash_strategy && a.hash_function != d.hash_function);
    assert!(a.redundancy != d.redundancy && a.session_redundancy != d.session_redundancy);
    assert!(a.compress_threshold != d.compress_threshold && a.lock_timeout != d.lock_timeout);
    assert!(a.select_api != d.select_api && a.session_save_path != d.session_save_path);
    assert!(a.session_prefix_static_key != d.session_prefix_static_key);
    assert!(a.session_prefix_host_key != d.session_prefix_host_key);
    assert!(a.session_prefix_host_key_remove_www != d.session_prefix_host_key_remove_www);
    assert!(
        a.session_prefix_host_key_remove_subdomain
            != d.session_prefix_host_key_remove_subdomain
    );
    assert!(
        a.prefix_static_key != d.prefix_static_key && a.prefix_host_key != d.prefix_host_key
    );
    assert!(a.prefix_host_key_remove_www != d.prefix_host_key_remove_www);
    assert!(a.prefix_host_key_remove_subdomain != d.prefix_host_key_remove_subdomain);
}

fn applied(name: &str, value: &str) -> Settings {
    let mut s = Settings::default();
    if let Err(e) = s.apply(name, value) {
        panic!("{name}={value:?} refused: {e}");
    }
    s
}

#[test]
fn entries_defaults_match_default_settings() {
    let mut s = Settings::default();
    for (name, default) in ENTRIES {
        s.apply(name, default)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    assert_eq!(s, Settings::default());
    assert_eq!(ENTRIES.len(), 21 + 7, "pecl's 21 and our 5 TLS + 2 session SASL entries");
    for n in NULL_DEFAULT {
        assert!(ENTRIES.iter().any(|(e, d)| e == n && d.is_empty()), "{n}");
    }
    // No duplicates.
    for (i, (a, _)) in ENTRIES.iter().enumerate() {
        assert!(ENTRIES[i + 1..].iter().all(|(b, _)| a != b), "{a}");
    }
}

#[test]
fn every_entry_is_applicable() {
    for (name, _) in ENTRIES {
        let r = Settings::default().apply(name, "1");
        assert!(!matches!(r, Err(IniError::Unknown { .. })), "{name}");
    }
}

#[test]
fn unknown_entry() {
    let mut s = Settings::default();
    let e = s.apply("memcache.bogus", "1").unwrap_err();
    assert_eq!(e.to_string(), "unknown ini entry 'memcache.bogus'");
    assert_eq!(s, Settings::default());
}

// ---- allow_failover ----

#[test]
fn allow_failover() {
    assert!(Settings::default().allow_failover);
    for v in ["0", "", "off", "no", "false", "abc", "0x1", "-0"] {
        assert!(!applied("memcache.allow_failover", v).allow_failover, "{v}");
    }
    for v in ["1", "on", "ON", "yes", "true", "2", "-1", " 1", "1abc"] {
        let mut s = Settings {
            allow_failover: false,
            ..Settings::default()
        };
        s.apply("memcache.allow_failover", v).unwrap();
        assert!(s.allow_failover, "{v}");
    }
}

// ---- max_failover_attempts ----

#[test]
fn max_failover_attempts() {
    assert_eq!(Settings::default().max_failover_attempts, 20);
    assert_eq!(
        applied("memcache.max_failover_attempts", "5").max_failover_attempts,
        5
    );
    assert_eq!(
        applied("memcache.max_failover_attempts", " 7").max_failover_attempts,
        7
    );
    assert_eq!(
        applied("memcache.max_failover_attempts", "+7").max_failover_attempts,
        7
    );
    assert_eq!(
        applied("memcache.max_failover_attempts", "007").max_failover_attempts,
        7
    );
    for v in [
        "0",
        "-1",
        "abc",
        "5abc",
        "1e3",
        "0x10",
        "",
        " ",
        "7 ",
        "1.5",
        "4294967296",
        "99999999999999999999",
    ] {
        let msg = refused("memcache.max_failover_attempts", v);
        assert_eq!(msg, format!("memcache.max_failover_attempts must be a positive integer ('{v}' given)"));
    }
}

// ---- default_port ----

#[test]
fn default_port() {
    assert_eq!(Settings::default().default_port, 11211);
    assert_eq!(
        applied("memcache.default_port", "21221").default_port,
        21221
    );
    assert_eq!(
        applied("memcache.default_port", "65535").default_port,
        65535
    );
    assert_eq!(applied("memcache.default_port", "1").default_port, 1);
    assert_eq!(applied("memcache.default_port", " 80 ").default_port, 80);
    for v in ["0", "-1", "65536", "70000", "abc", "", "80x", "1e3", "0x50"] {
        let msg = refused("memcache.default_port", v);
        assert_eq!(
            msg,
            format!("memcache.default_port must be a port number from 1 to 65535 ('{v}' given)")
        );
    }
}

// ---- chunk_size ----

#[test]
fn chunk_size() {
    assert_eq!(Settings::default().chunk_size, 32768);
    assert_eq!(applied("memcache.chunk_size", "1024").chunk_size, 1024);
    for v in ["0", "-5", "abc", "1k", "1K", "1M", ""] {
        refused("memcache.chunk_size", v);
    }
}

// ---- protocol ----

#[test]
fn protocol() {
    assert_eq!(Settings::default().protocol, Protocol::Ascii);
    assert_eq!(
        applied("memcache.protocol", "binary").protocol,
        Protocol::Binary
    );
    assert_eq!(
        applied("memcache.protocol", "Binary").protocol,
        Protocol::Binary
    );
    let mut s = applied("memcache.protocol", "binary");
    s.apply("memcache.protocol", "ASCII").unwrap();
    assert_eq!(s.protocol, Protocol::Ascii);
    for v in ["bogus", "", " ascii", "ascii "] {
        let msg = refused("memcache.protocol", v);
        assert_eq!(
            msg,
            format!("memcache.protocol must be in set {{ascii, binary}} ('{v}' given)")
        );
    }
}

// ---- hash_strategy ----

#[test]
fn hash_strategy() {
    assert_eq!(Settings::default().hash_strategy, Strategy::Consistent);
    assert_eq!(
        applied("memcache.hash_strategy", "standard").hash_strategy,
        Strategy::Standard
    );
    assert_eq!(
        applied("memcache.hash_strategy", "CONSISTENT").hash_strategy,
        Strategy::Consistent
    );
    assert_eq!(
        refused("memcache.hash_strategy", "bogus"),
        "memcache.hash_strategy must be in set {standard, consistent} ('bogus' given)"
    );
    refused("memcache.hash_strategy", "");
}

// ---- hash_function ----

#[test]
fn hash_function() {
    assert_eq!(Settings::default().hash_function, HashFunction::Crc32);
    assert_eq!(
        applied("memcache.hash_function", "fnv").hash_function,
        HashFunction::Fnv
    );
    assert_eq!(
        applied("memcache.hash_function", "FNV").hash_function,
        HashFunction::Fnv
    );
    assert_eq!(
        refused("memcache.hash_function", "md5"),
        "memcache.hash_function must be in set {crc32, fnv} ('md5' given)"
    );
    refused("memcache.hash_function", "");
}

// ---- redundancy / session_redundancy ----

#[test]
fn redundancy() {
    assert_eq!(Settings::default().redundancy, 1);
    assert_eq!(applied("memcache.redundancy", "2").redundancy, 2);
    for v in ["0", "-1", "abc", ""] {
        refused("memcache.redundancy", v);
    }
}

#[test]
fn session_redundancy() {
    assert_eq!(Settings::default().session_redundancy, 2);
    assert_eq!(
        applied("memcache.session_redundancy", "3").session_redundancy,
        3
    );
    assert_eq!(
        applied("memcache.session_redundancy", "1").session_redundancy,
        1
    );
    for v in ["0", "-1", "abc", ""] {
        // pecl's message names memcache.redundancy here; ours the right entry.
        let msg = refused("memcache.session_redundancy", v);
        assert!(
            msg.starts_with("memcache.session_redundancy must be"),
            "{msg}"
        );
    }
}

// ---- compress_threshold ----

#[test]
fn compress_threshold() {
    assert_eq!(Settings::default().compress_threshold, 20000);
    assert_eq!(
        applied("memcache.compress_threshold", "100").compress_threshold,
        100
    );
    assert_eq!(
        applied("memcache.compress_threshold", "0").compress_threshold,
        0
    );
    assert_eq!(
        applied("memcache.compress_threshold", "").compress_threshold,
        0,
        "pecl reads '' as 0"
    );
    assert_eq!(
        applied("memcache.compress_threshold", "-0").compress_threshold,
        0
    );
    for v in ["-1", "abc", " ", "0 ", "4294967296"] {
        let msg = refused("memcache.compress_threshold", v);
        assert!(msg.contains("must be a positive integer"), "{msg}");
    }
}

// ---- lock_timeout ----

#[test]
fn lock_timeout() {
    assert_eq!(Settings::default().lock_timeout, 15);
    assert_eq!(applied("memcache.lock_timeout", "30").lock_timeout, 30);
    assert_eq!(applied("memcache.lock_timeout", "\t7").lock_timeout, 7);
    for v in ["0", "-1", "abc", "", "7 ", "7\n", "1.5", "-0"] {
        let msg = refused("memcache.lock_timeout", v);
        assert_eq!(msg, format!("memcache.lock_timeout must be a positive integer ('{}' given)", escape(v)));
    }
}

// ---- select_api ----

#[test]
fn select_api() {
    assert_eq!(Settings::default().select_api, SelectApi::Select);
    assert_eq!(
        applied("memcache.select_api", "poll").select_api,
        SelectApi::Poll
    );
    assert_eq!(
        applied("memcache.select_api", "SELECT").select_api,
        SelectApi::Select
    );
    for v in ["epoll", ""] {
        refused("memcache.select_api", v);
    }
}

// ---- session_save_path ----

#[test]
fn session_save_path() {
    assert_eq!(Settings::default().session_save_path, None);
    assert_eq!(
        applied("memcache.session_save_path", "tcp://x:1")
            .session_save_path
            .as_deref(),
        Some("tcp://x:1")
    );
    let mut s = applied("memcache.session_save_path", "tcp://x:1");
    // Empty crashes pecl; here it means "use session.save_path".
    s.apply("memcache.session_save_path", "").unwrap();
    assert_eq!(s.session_save_path, None);
}

// ---- static prefixes ----

#[test]
fn session_prefix_static_key() {
    assert_eq!(Settings::default().session_prefix_static_key, None);
    let s = applied("memcache.session_prefix_static_key", "SP_");
    assert_eq!(s.session_prefix_static_key.as_deref(), Some("SP_"));
    assert_eq!(
        applied("memcache.session_prefix_static_key", "a b")
            .session_prefix_static_key
            .as_deref(),
        Some("a b")
    );
    assert_eq!(
        applied("memcache.session_prefix_static_key", "").session_prefix_static_key,
        None
    );
    assert_eq!(
        refused("memcache.session_prefix_static_key", "a.b"),
        "memcache.session_prefix_static_key cannot have dot inside (.)"
    );
}

#[test]
fn prefix_static_key() {
    assert_eq!(Settings::default().prefix_static_key, None);
    assert_eq!(
        applied("memcache.prefix_static_key", "AP_")
            .prefix_static_key
            .as_deref(),
        Some("AP_")
    );
    assert_eq!(
        refused("memcache.prefix_static_key", "x."),
        "memcache.prefix_static_key cannot have dot inside (.)"
    );
    let mut s = applied("memcache.prefix_static_key", "AP_");
    assert!(s.apply("memcache.prefix_static_key", ".").is_err());
    assert_eq!(
        s.prefix_static_key.as_deref(),
        Some("AP_"),
        "old value stays"
    );
}

// ---- host key booleans ----

#[test]
fn host_key_bools() {
    let d = Settings::default();
    assert!(!d.session_prefix_host_key && d.session_prefix_host_key_remove_www);
    assert!(!d.session_prefix_host_key_remove_subdomain);
    assert!(
        !d.prefix_host_key
            && d.prefix_host_key_remove_www
            && !d.prefix_host_key_remove_subdomain
    );

    assert!(applied("memcache.session_prefix_host_key", "1").session_prefix_host_key);
    assert!(applied("memcache.session_prefix_host_key", "yes").session_prefix_host_key);
    assert!(
        !applied("memcache.session_prefix_host_key_remove_www", "0")
            .session_prefix_host_key_remove_www
    );
    assert!(
        !applied("memcache.session_prefix_host_key_remove_www", "off")
            .session_prefix_host_key_remove_www
    );
    assert!(
        applied("memcache.session_prefix_host_key_remove_subdomain", "On")
            .session_prefix_host_key_remove_subdomain
    );
    assert!(applied("memcache.prefix_host_key", "true").prefix_host_key);
    assert!(!applied("memcache.prefix_host_key_remove_www", "").prefix_host_key_remove_www);
    assert!(
        applied("memcache.prefix_host_key_remove_subdomain", "1")
            .prefix_host_key_remove_subdomain
    );
    // Booleans never fail (PHP's rule): garbage is false.
    assert!(!applied("memcache.prefix_host_key", "abc").prefix_host_key);
}

#[test]
fn parse_bool_like_php() {
    for v in [
        "1", "On", "YES", "tRuE", "2", "-3", " 1", "\n1", "+1", "10", "1abc", "007",
    ] {
        assert!(parse_bool(v), "{v:?}");
    }
    for v in [
        "", "0", "off", "no", "false", "none", "abc", "0x1", " ", "-", "00", "true ", " on",
    ] {
        assert!(!parse_bool(v), "{v:?}");
    }
}

// ---- prefixes ----

#[test]
fn host_prefix_matches_pecl() {
    // (server name, remove_www, remove_subdomain, pecl's prefix)
    let cases = [
        ("www.foo.example.com", true, false, "foo.example.com"),
        ("www.foo.example.com", false, false, "www.foo.example.com"),
        ("www.foo.example.com", true, true, "example.com"),
        ("www.foo.example.com", false, true, "example.com"),
        ("WWW.Foo.Example.com", true, false, "Foo.Example.com"),
        ("example.com", true, true, "example.com"),
        ("localhost", true, true, "localhost"),
        ("www.", true, false, ""),
        ("www.", false, false, "www."),
        ("www", true, false, "www"),
        ("a.b.c.d", true, true, "c.d"),
        ("foo.example.com.", true, true, "com."),
        (".example.com", true, true, ".example.com"),
        ("..", true, true, ".."),
        ("wwwx.example.com", true, false, "wwwx.example.com"),
        ("www.www.example.com", true, false, "www.example.com"),
        ("127.0.0.1", true, true, "0.1"),
        ("www.localhost", true, false, "localhost"),
        ("www.localhost", false, true, "www.localhost"),
        ("a..b", true, true, ".b"),
        (".a.b.c", true, true, "b.c"),
        ("x.www.a", true, true, "www.a"),
        ("www.x", true, true, "x"),
        ("www.www.", true, true, "www."),
        ("www.a..", true, true, "."),
        ("www..a.b", true, true, ".a.b"),
        ("", true, true, ""),
        ("é.ü.ö", true, true, "ü.ö"),
    ];
    for (name, www, sub, want) in cases {
        assert_eq!(
            host_prefix(name, www, sub),
            want,
            "{name:?} www={www} sub={sub}"
        );
    }
}

#[test]
fn settings_prefixes() {
    let mut s = Settings::default();
    assert_eq!(s.session_key_prefix(Some("www.foo.example.com")), "");
    s.apply("memcache.session_prefix_static_key", "SP_")
        .unwrap();
    s.apply("memcache.session_prefix_host_key", "1").unwrap();
    s.apply("memcache.prefix_static_key", "AP_").unwrap();
    assert_eq!(
        s.session_key_prefix(Some("WWW.Foo.Example.com")),
        "SP_Foo.Example.com"
    );
    assert_eq!(s.session_key_prefix(None), "SP_");
    assert_eq!(
        s.api_key_prefix(Some("www.foo.example.com")),
        "AP_",
        "API host key is off"
    );
    s.apply("memcache.prefix_host_key", "1").unwrap();
    s.apply("memcache.prefix_host_key_remove_subdomain", "1")
        .unwrap();
    assert_eq!(
        s.api_key_prefix(Some("www.foo.example.com")),
        "AP_example.com"
    );
}

// ---- keys ----

#[test]
fn session_key_rules() {
    assert_eq!(session_key(b"", b"abc123"), b"abc123");
    assert_eq!(session_key(b"SP_", b"abc123"), b"SP_abc123");
    assert_eq!(
        session_key(b"a b", b"c\td\x00e\x7f\x80!"),
        b"a_bc_d_e\x7f\x80!"
    );
    assert_eq!(session_key(b" ", b""), b"_");
    let long = vec![b'z'; 300];
    assert_eq!(session_key(b"", &long).len(), MAX_KEY_LEN);
    let prefix = vec![b'p'; 260];
    let k = session_key(&prefix, b"sid");
    assert_eq!(k, vec![b'p'; 250]);
    let k = session_key(b"k", &vec![b'z'; 249]);
    assert_eq!(k.len(), 250);
}

#[test]
fn lock_key_rules() {
    assert_eq!(lock_key(b"abc"), b"abc.lock");
    let k = session_key(b"", &vec![b'x'; 245]);
    assert_eq!(lock_key(&k).len(), 250);
    let k = session_key(b"", &vec![b'y'; 249]);
    assert!(
        lock_key(&k).len() > MAX_KEY_LEN,
        "pecl's lock key overflows here"
    );
}

#[test]
fn error_escapes_control_chars() {
    let msg = refused("memcache.protocol", "a\nb");
    assert_eq!(
        msg,
        "memcache.protocol must be in set {ascii, binary} ('a\\nb' given)"
    );
}

#[test]
fn tls_and_session_sasl_entries() {
    let mut s = Settings::default();
    assert!(s.tls.verify_peer && s.tls.ca_file.is_none());
    s.apply("memcache.tls_ca_file", "/etc/hostname").unwrap();
    assert_eq!(s.tls.ca_file.as_deref(), Some(std::path::Path::new("/etc/hostname")));
    for bad in ["/nonexistent", "/"] {
        let e = s.apply("memcache.tls_ca_file", bad).unwrap_err().to_string();
        assert!(e.contains("memcache.tls_ca_file must be the path of a readable PEM file"), "{e}");
    }
    assert_eq!(s.tls.ca_file.as_deref(), Some(std::path::Path::new("/etc/hostname")), "old value kept");
    s.apply("memcache.tls_ca_file", "").unwrap();
    assert!(s.tls.ca_file.is_none());
    s.apply("memcache.tls_verify_peer", "off").unwrap();
    assert!(!s.tls.verify_peer);
    s.apply("memcache.tls_server_name", "cache.example.org").unwrap();
    s.apply("memcache.tls_server_name", "10.0.0.1").unwrap();
    assert!(s.apply("memcache.tls_server_name", "a b").is_err());
    assert_eq!(s.tls.server_name.as_deref(), Some("10.0.0.1"));
    s.apply("memcache.session_sasl_username", "alice").unwrap();
    s.apply("memcache.session_sasl_password", "pw").unwrap();
    assert!(s.apply("memcache.session_sasl_password", "p\0w").is_err());
    assert_eq!((s.session_sasl_username.as_deref(), s.session_sasl_password.as_str()), (Some("alice"), "pw"));
}
