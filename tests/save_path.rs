//! The save_path parser (src/config/save_path.rs): what pecl memcache
//! accepts, what it refuses, and the messages.

use std::time::Duration;

use php_memcache::config::save_path::*;
use php_memcache::pool::ServerSpec;
use php_memcache::wire::Endpoint;

fn ok(path: &str) -> Vec<ServerSpec> {
    match parse_save_path(path, 11211) {
        Ok(v) => v,
        Err(e) => panic!("{path:?} should parse, got: {e}"),
    }
}

fn one(path: &str) -> ServerSpec {
    let mut v = ok(path);
    assert_eq!(v.len(), 1, "{path:?}");
    v.remove(0)
}

/// The notes of a path that parses.
fn notes(path: &str) -> Vec<String> {
    match parse_save_path_lenient(path, 11211) {
        Ok((_, ignored)) => ignored.into_iter().map(|i| i.what).collect(),
        Err(e) => panic!("{path:?} should parse, got: {e}"),
    }
}

fn err(path: &str) -> SavePathError {
    match parse_save_path(path, 11211) {
        Ok(v) => panic!("{path:?} should fail, got {v:?}"),
        Err(e) => e,
    }
}

fn tcp(host: &str, port: u16) -> Endpoint {
    Endpoint::Tcp {
        host: host.into(),
        port,
    }
}

// ---- the documented "tips" paths ----

#[test]
fn tip_single_tcp() {
    let s = one("tcp://192.168.0.1:11211");
    assert_eq!(s.endpoint, tcp("192.168.0.1", 11211));
    assert_eq!(s.ring_name, "192.168.0.1:11211");
    assert!(s.persistent, "connections are reused by default");
    assert_eq!(s.weight, 1);
    assert_eq!(s.timeout, Duration::from_secs(1));
    assert_eq!(s.retry_interval, Duration::from_secs(15));
    assert_eq!(s.udp_port, 0);
}

#[test]
fn tip_two_tcp() {
    let v = ok("tcp://192.168.0.1:11211, tcp://192.168.0.2:11211");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].ring_name, "192.168.0.1:11211");
    assert_eq!(v[1].ring_name, "192.168.0.2:11211");
}

#[test]
fn tip_all_options() {
    let s = one("tcp://h:1?persistent=1&weight=2&timeout=1.5&retry_interval=15&udp_port=0");
    assert!(s.persistent);
    assert_eq!(s.weight, 2);
    assert_eq!(s.timeout, Duration::from_millis(1500));
    assert_eq!(s.retry_interval, Duration::from_secs(15));
    assert_eq!(s.udp_port, 0);
}

// ---- valid forms ----

#[test]
fn bare_host_port() {
    let s = one("localhost:21222");
    assert_eq!(s.endpoint, tcp("localhost", 21222));
    assert_eq!(s.ring_name, "localhost:21222");
}

#[test]
fn bare_host_uses_default_port() {
    let v = parse_save_path("memcache1", 21221).unwrap();
    assert_eq!(v[0].endpoint, tcp("memcache1", 21221));
    assert_eq!(v[0].ring_name, "memcache1:21221");
}

#[test]
fn tcp_without_port_uses_default_port() {
    let v = parse_save_path("tcp://10.0.0.1", 12345).unwrap();
    assert_eq!(v[0].endpoint, tcp("10.0.0.1", 12345));
    assert_eq!(v[0].ring_name, "10.0.0.1:12345");
}

#[test]
fn host_kept_as_written_in_ring_name() {
    assert_eq!(one("tcp://LocalHost:1").ring_name, "LocalHost:1");
    assert_eq!(one("tcp://127.0.0.1:1").ring_name, "127.0.0.1:1");
}

#[test]
fn whitespace_separated() {
    let v = ok("a:1 b:2\tc:3\nd:4\r\ne:5\x0bf:6\x0cg:7");
    let names: Vec<_> = v.iter().map(|s| s.ring_name.as_str()).collect();
    assert_eq!(names, ["a:1", "b:2", "c:3", "d:4", "e:5", "f:6", "g:7"]);
}

#[test]
fn stray_separators_are_skipped_like_pecl() {
    let v = ok("  ,tcp://a:1,, ,\tb:2 , ");
    assert_eq!(v.len(), 2);
    assert_eq!(v[1].ring_name, "b:2");
}

#[test]
fn duplicates_kept() {
    assert_eq!(ok("a:1,a:1").len(), 2);
}

#[test]
fn ipv6_with_scheme() {
    let s = one("tcp://[::1]:11211");
    assert_eq!(s.endpoint, tcp("::1", 11211));
    assert_eq!(s.ring_name, "[::1]:11211");
}

#[test]
fn ipv6_bare_and_default_port() {
    assert_eq!(one("[::1]:21223").endpoint, tcp("::1", 21223));
    let s = one("[2001:db8::7]");
    assert_eq!(s.endpoint, tcp("2001:db8::7", 11211));
    assert_eq!(s.ring_name, "[2001:db8::7]:11211");
    assert_eq!(one("[fe80::1%eth0]:5").endpoint, tcp("fe80::1%eth0", 5));
    assert_eq!(
        one("[::ffff:10.0.0.1]:5").endpoint,
        tcp("::ffff:10.0.0.1", 5)
    );
}

#[test]
fn udp_scheme_means_tcp_like_pecl() {
    assert_eq!(one("udp://h:5").endpoint, tcp("h", 5));
    assert_eq!(one("TCP://h:5").endpoint, tcp("h", 5));
}

#[test]
fn scheme_relative() {
    assert_eq!(one("//h:5").endpoint, tcp("h", 5));
}

#[test]
fn trailing_slash_allowed() {
    assert_eq!(one("tcp://h:5/").endpoint, tcp("h", 5));
    assert_eq!(one("h:5/?weight=2").weight, 2);
}

#[test]
fn unix_forms() {
    for p in [
        "unix:///tmp/mc.sock",
        "unix:/tmp/mc.sock",
        "file:///tmp/mc.sock",
        "file:/tmp/mc.sock",
        "unix:///tmp/mc.sock:0",
        "UNIX:///tmp/mc.sock",
    ] {
        let s = one(p);
        assert_eq!(
            s.endpoint,
            Endpoint::Unix {
                path: "/tmp/mc.sock".into()
            },
            "{p}"
        );
        assert_eq!(s.ring_name, "unix:///tmp/mc.sock:0", "{p}");
        assert_eq!(s.udp_port, 0);
    }
}

#[test]
fn unix_with_options_and_other_port_kept_in_path() {
    let s = one("unix:///var/run/m.sock?weight=3&timeout=0.25&persistent=1&udp_port=9");
    assert_eq!(s.weight, 3);
    assert_eq!(s.timeout, Duration::from_millis(250));
    assert!(s.persistent);
    assert_eq!(s.udp_port, 0, "pecl ignores udp_port for unix sockets");
    // pecl only chops ":0"; anything else is part of the file name.
    let s = one("unix:///tmp/m.sock:11211");
    assert_eq!(
        s.endpoint,
        Endpoint::Unix {
            path: "/tmp/m.sock:11211".into()
        }
    );
    assert_eq!(s.ring_name, "unix:///tmp/m.sock:11211:0");
}

#[test]
fn mixed_list() {
    let v = ok("127.0.0.1:21222 unix:/tmp/pt/mc.sock:0\ttcp://[::1]:21223");
    let names: Vec<_> = v.iter().map(|s| s.ring_name.as_str()).collect();
    assert_eq!(
        names,
        ["127.0.0.1:21222", "unix:///tmp/pt/mc.sock:0", "[::1]:21223"]
    );
}

#[test]
fn fractional_and_exponent_timeouts() {
    assert_eq!(one("h:1?timeout=0.5").timeout, Duration::from_millis(500));
    assert_eq!(one("h:1?timeout=.5").timeout, Duration::from_millis(500));
    assert_eq!(one("h:1?timeout=1e-3").timeout, Duration::from_millis(1));
    assert_eq!(one("h:1?timeout=2").timeout, Duration::from_secs(2));
    assert_eq!(one("h:1?timeout=0%2E5").timeout, Duration::from_millis(500));
    assert_eq!(one("h:1?timeout=%2B1").timeout, Duration::from_secs(1));
}

#[test]
fn persistent_values() {
    for (v, want) in [
        ("1", true),
        ("0", false),
        ("", false),
        ("true", true),
        ("FALSE", false),
        ("on", true),
        ("off", false),
        ("yes", true),
        ("no", false),
        ("2", true),
    ] {
        assert_eq!(one(&format!("h:1?persistent={v}")).persistent, want, "{v}");
    }
}

#[test]
fn unknown_params_ignored_like_pecl() {
    let s = one("h:1?foo=bar&garbage&Weight=0&&");
    assert_eq!(s.weight, 1, "names are case-sensitive, as in pecl");
    assert_eq!(one("h:1?").weight, 1);
}

#[test]
fn last_repeated_param_wins() {
    assert_eq!(one("h:1?weight=1&weight=4").weight, 4);
}

#[test]
fn php_name_mangling() {
    assert_eq!(one("h:1?udp.port=7").udp_port, 7);
    assert_eq!(
        one("h:1?retry%20interval=3").retry_interval,
        Duration::from_secs(3)
    );
}

#[test]
fn retry_and_udp_bounds() {
    assert_eq!(one("h:1?retry_interval=0").retry_interval, Duration::ZERO);
    assert_eq!(one("h:1?udp_port=65535").udp_port, 65535);
    assert_eq!(one("h:1?weight=65535").weight, 65535);
}

#[test]
fn port_edges() {
    assert_eq!(one("h:1").endpoint, tcp("h", 1));
    assert_eq!(one("h:65535").endpoint, tcp("h", 65535));
    assert_eq!(one("h:00080").endpoint, tcp("h", 80));
}

#[test]
fn non_ascii_host_is_total() {
    let s = one("tcp://héllo:5");
    assert_eq!(s.ring_name, "héllo:5");
}

// ---- invalid ----

#[test]
fn empty_path() {
    for p in ["", " ", ",", " , \t,\n"] {
        let e = err(p);
        assert_eq!(e.problem, Problem::NoServers, "{p:?}");
        assert!(e.to_string().contains("names no memcached server"), "{e}");
    }
}

#[test]
fn tls_servers() {
    for p in ["tls://h:1", "ssl://h:1", "TLS://h:1?weight=2"] {
        let spec = one(p);
        assert_eq!(spec.endpoint, Endpoint::Tls { host: "h".into(), port: 1, tls: Box::default() }, "{p}");
        assert_eq!(spec.ring_name, "h:1", "{p}: ring name as for tcp://");
    }
    assert_eq!(one("TLS://h:1?weight=2").weight, 2);
    assert_eq!(one("tls://[::1]:5").endpoint, Endpoint::Tls { host: "::1".into(), port: 5, tls: Box::default() });
    assert_eq!(one("tls://[::1]:5").ring_name, "[::1]:5");
    assert_eq!(err("tls://:1").problem, Problem::EmptyHost);
}

#[test]
fn bad_schemes() {
    assert_eq!(err("://h:1").problem, Problem::UnsupportedScheme { scheme: "".into() });
}

#[test]
fn empty_host() {
    for p in ["tcp://:11211", "tcp://", ":11211", "tcp:///", "//"] {
        assert_eq!(err(p).problem, Problem::EmptyHost, "{p}");
    }
}

#[test]
fn other_schemes_mean_tcp_like_pecl() {
    for p in ["http://h:1", "foo://h:1"] {
        assert_eq!(one(p).endpoint, tcp("h", 1), "{p}");
        assert!(notes(p)[0].contains("ignored the scheme"), "{p}");
    }
    assert!(notes("udp://h:1").is_empty(), "udp:// means TCP in pecl, silently");
}

#[test]
fn port_zero_parses_and_is_noted() {
    assert_eq!(one("tcp://a:0").endpoint, tcp("a", 0));
    assert!(notes("tcp://a:0")[0].contains("port 0"));
}

#[test]
fn port_out_of_range() {
    for (p, port) in [
        ("a:65536", "65536"),
        ("a:99999", "99999"),
        ("a:021222", "021222"),
    ] {
        assert_eq!(
            err(p).problem,
            Problem::BadPort { port: port.into() },
            "{p}"
        );
    }
}

#[test]
fn port_with_trailing_text_is_its_digits_like_php() {
    assert_eq!(one("a:12x").endpoint, tcp("a", 12));
    assert_eq!(one("a:12x").ring_name, "a:12");
    assert_eq!(notes("a:12x"), vec!["ignored 'x' after the port 12".to_string()]);
    assert_eq!(one("a:+1").endpoint, tcp("a", 1), "strtol takes a sign");
}

#[test]
fn non_numeric_port() {
    for (p, port) in [("tcp://a:abc", "abc"), ("a:-1", "-1"), ("a:11211x", "11211x"), ("a:+", "+")] {
        assert_eq!(
            err(p).problem,
            Problem::BadPort { port: port.into() },
            "{p}"
        );
    }
}

#[test]
fn empty_port_after_colon_uses_the_default() {
    assert_eq!(one("tcp://a:").endpoint, tcp("a", 11211));
    assert_eq!(one("[::1]:").ring_name, "[::1]:11211");
    assert!(notes("tcp://a:")[0].contains("empty port"));
}

#[test]
fn weight_invalid() {
    for w in ["0", "-1", "abc", "", "65536", "99999999999999999999999"] {
        let e = err(&format!("h:1?weight={w}"));
        assert!(
            matches!(e.problem, Problem::BadParam { name: "weight", .. }),
            "{w}: {e}"
        );
    }
}

#[test]
fn timeout_invalid() {
    for t in ["0", "-1", "abc", "", "inf", "nan", "1e400", "1e-400", "0.0", "0x10"] {
        let e = err(&format!("h:1?timeout={t}"));
        assert!(
            matches!(
                e.problem,
                Problem::BadParam {
                    name: "timeout",
                    ..
                }
            ),
            "{t}: {e}"
        );
    }
}

#[test]
fn retry_interval_invalid() {
    for r in ["abc", ""] {
        let e = err(&format!("h:1?retry_interval={r}"));
        assert!(
            matches!(e.problem, Problem::BadParam { name: "retry_interval", .. }),
            "{r}: {e}"
        );
    }
}

#[test]
fn negative_retry_interval_is_never_like_pecl() {
    assert_eq!(one("h:1?retry_interval=-5").retry_interval, NEVER_RETRY);
    assert!(notes("h:1?retry_interval=-5")[0].contains("never tried again"));
}

#[test]
fn numbers_with_trailing_text_read_as_php_reads_them() {
    assert_eq!(one("h:1?weight=2abc").weight, 2);
    assert_eq!(one("h:1?weight=1.5").weight, 1);
    assert_eq!(one("h:1?timeout=1s").timeout, Duration::from_secs(1));
    assert_eq!(one("h:1?timeout=1e").timeout, Duration::from_secs(1));
    assert_eq!(one("h:1?retry_interval=1.5").retry_interval, Duration::from_secs(1));
    assert_eq!(notes("h:1?weight=2abc"), vec!["ignored 'abc' after weight=2".to_string()]);
    // pecl memcache's own test suite (057): everything after the first
    // number of the query is one value, and ignored
    let v = ok("tcp://localhost:11211?udp_port=0;tcp://localhost:localhost?udp_port=0;tcp://localhost:11213");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].ring_name, "localhost:11211");
    assert_eq!(v[0].udp_port, 0);
    let n = notes("tcp://localhost:11211?udp_port=0;tcp://localhost:localhost?udp_port=0;tcp://localhost:11213");
    assert_eq!(n, vec!["ignored ';tcp://localhost:localhost?udp_port=0;tcp://localhost:11213' after udp_port=0".to_string()]);
}

#[test]
fn udp_port_out_of_range_is_ignored() {
    for u in ["70000", "abc", "-1", ""] {
        assert_eq!(one(&format!("h:1?udp_port={u}")).udp_port, 0, "{u}");
        assert!(notes(&format!("h:1?udp_port={u}"))[0].contains("udp_port"), "{u}");
    }
}

#[test]
fn persistent_garbage_is_on_like_pecl() {
    assert!(one("h:1?persistent=maybe").persistent);
    assert!(notes("h:1?persistent=maybe")[0].contains("read as on"));
}

#[test]
fn unknown_params_are_noted() {
    assert_eq!(notes("h:1?foo=bar"), vec!["ignored the unknown parameter 'foo'".to_string()]);
    assert!(notes("h:1?&&").is_empty());
}

#[test]
fn unbracketed_ipv6() {
    assert!(matches!(
        err("tcp://::1:11211").problem,
        Problem::UnbracketedIpv6 { .. }
    ));
    assert!(matches!(
        err("::1").problem,
        Problem::UnbracketedIpv6 { .. }
    ));
    assert!(matches!(
        err("fe80::1").problem,
        Problem::UnbracketedIpv6 { .. }
    ));
    assert!(matches!(
        err("tcp:h:1").problem,
        Problem::UnbracketedIpv6 { .. }
    ));
}

#[test]
fn bad_ipv6() {
    for p in [
        "[::1",
        "[]:1",
        "[abc]:1",
        "[g::1]:1",
        "[::1%]:1",
        "tcp://[::1",
    ] {
        assert!(matches!(err(p).problem, Problem::BadIpv6 { .. }), "{p}");
    }
    assert!(matches!(
        err("[::1]x").problem,
        Problem::JunkAfterIpv6 { .. }
    ));
    assert!(matches!(err("[::1]:1:2").problem, Problem::BadPort { .. }));
}

#[test]
fn bad_host_chars() {
    assert!(matches!(err("a]b:1").problem, Problem::BadHost { .. }));
    assert!(matches!(err("a\x01b:1").problem, Problem::BadHost { .. }));
}

#[test]
fn userinfo_path_fragment_are_ignored_like_pecl() {
    assert_eq!(one("tcp://user:pw@h:1").endpoint, tcp("h", 1));
    assert_eq!(one("tcp://h:1/foo").endpoint, tcp("h", 1));
    assert_eq!(one("tcp://h:1#x").endpoint, tcp("h", 1));
    assert_eq!(one("unix:///tmp/s#x").endpoint, Endpoint::Unix { path: "/tmp/s".into() });
    let (_, ignored) = parse_save_path_lenient("tcp://user:pw@h:1", 11211).unwrap();
    assert_eq!(ignored[0].entry, "tcp://***@h:1", "the password is not repeated");
    assert!(!ignored[0].message("session.save_path").contains("pw"));
    assert!(notes("tcp://h:1/foo")[0].contains("'/foo'"));
    assert!(notes("tcp://h:1#x")[0].contains("'#x'"));
}

#[test]
fn parse_save_path_queues_its_notes() {
    let _ = take_ignored();
    ok("tcp://h:1?foo=1, tcp://h:2");
    let q = take_ignored();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].server, 1);
    assert!(take_ignored().is_empty());
}

#[test]
fn unix_invalid() {
    assert_eq!(err("unix://").problem, Problem::MissingUnixPath);
    assert_eq!(err("unix:").problem, Problem::MissingUnixPath);
    // "unix:///:0" chops to "/", which is absolute: it parses (and fails at connect).
    assert_eq!(
        one("unix:///:0").endpoint,
        Endpoint::Unix { path: "/".into() }
    );
    assert_eq!(
        err("unix://tmp/mc.sock").problem,
        Problem::UnixPathNotAbsolute {
            path: "tmp/mc.sock".into()
        }
    );
    assert_eq!(
        err("unix:tmp/mc.sock").problem,
        Problem::UnixPathNotAbsolute {
            path: "tmp/mc.sock".into()
        }
    );
    assert!(matches!(
        err("unix:///s?weight=0").problem,
        Problem::BadParam { name: "weight", .. }
    ));
    assert!(matches!(
        err("unix:///s?timeout=0").problem,
        Problem::BadParam {
            name: "timeout",
            ..
        }
    ));
}

#[test]
fn no_default_port() {
    assert_eq!(
        parse_save_path("h", 0).unwrap_err().problem,
        Problem::NoDefaultPort
    );
    assert_eq!(parse_save_path("h:5", 0).unwrap()[0].endpoint, tcp("h", 5));
}

#[test]
fn error_names_offset_entry_and_path() {
    let e = err("tcp://192.168.0.1:11211, tcp://a:70000");
    assert_eq!(e.offset, 25);
    assert_eq!(e.server, 2);
    assert_eq!(e.entry, "tcp://a:70000");
    let msg = e.to_string();
    assert_eq!(
        msg,
        "Failed to parse session.save_path (error at offset 25, server 2 'tcp://a:70000'): \
         port must be a number from 0 to 65535, got '70000'; \
         the whole path was 'tcp://192.168.0.1:11211, tcp://a:70000'"
    );
    let e = err("tcp://127.0.0.1:21222,,  tcp://a:x");
    assert_eq!(e.offset, 25, "same offset pecl reports");
}

#[test]
fn error_message_for_params_and_setting_name() {
    let e = err("h:1?weight=abc").in_setting("memcache.session_save_path");
    assert_eq!(
        e.to_string(),
        "Failed to parse memcache.session_save_path (error at offset 0, server 1 'h:1?weight=abc'): \
         weight must be a whole number from 1 to 65535, got 'abc'; the whole path was 'h:1?weight=abc'"
    );
}

#[test]
fn error_message_escapes_control_chars() {
    let e = err("a:1\nb:99999");
    let msg = e.to_string();
    assert!(msg.contains("'a:1\\nb:99999'"), "{msg}");
    assert!(!msg.contains('\n'));
}

#[test]
fn total_on_odd_input() {
    // A crude fuzz: every prefix of a nasty string, and a few byte soups.
    let nasty =
        "tcp://[fe80::1%eth0]:11211?weight=2&timeout=0.5#x, unix:///é:0?%zz=%4 ,[:]::@/?#&=%";
    for (i, _) in nasty.char_indices() {
        let _ = parse_save_path(&nasty[..i], 11211);
        let _ = parse_save_path(&nasty[i..], 0);
    }
    for s in [
        "%", "?", "?=", "#", "[", "]", "@", "unix", "unix:/", "file:", "//[", "[::1]:", "é:é",
        "\u{0}",
    ] {
        let _ = parse_save_path(s, 11211).map_err(|e| e.to_string());
    }
}
