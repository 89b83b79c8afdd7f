//! TLS against real `memcached -Z` daemons this test starts, with
//! certificates made by scripts/tls-certs.sh (openssl CLI): the wire layer's
//! handshake, batches in both protocols, pooled reuse and resumption, and
//! every failure an operator must be told about, each within the timeout.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::Daemon;

use php_memcache::wire::{execute, Batch, Conn, Endpoint, Protocol, Reply, TlsOptions, WireError};

/// The certificates, made once per test process.
fn certs() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("php-memcache-tls-wire-{}", std::process::id()));
        let ok = Command::new("bash")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/tls-certs.sh"))
            .arg(&dir)
            .status()
            .map(|s| s.success());
        assert_eq!(ok.ok(), Some(true), "scripts/tls-certs.sh failed (openssl CLI installed?)");
        dir
    })
}

fn file(name: &str) -> PathBuf {
    certs().join(name)
}

/// A memcached -Z the test started (certificate `cert`, more `-o` options
/// in `extra`); killed when dropped.
fn tls_daemon(port: u16, cert: &str, extra: &str) -> Daemon {
    let opts = format!(
        "ssl_chain_cert={},ssl_key={}{extra}",
        file(&format!("{cert}.pem")).display(),
        file(&format!("{cert}.key")).display()
    );
    Daemon::start_with(port, &["-Z", "-o", &opts])
}

fn trusting(ca: &str) -> TlsOptions {
    TlsOptions { ca_file: Some(file(ca)), ..TlsOptions::default() }
}

fn tls(host: &str, port: u16, options: TlsOptions) -> Endpoint {
    Endpoint::Tls { host: host.into(), port, tls: Box::new(options) }
}

fn set_get(conn: &mut Conn, protocol: Protocol, key: &[u8], value: &[u8]) -> Result<Vec<Reply>, WireError> {
    let mut b = Batch::with_protocol(protocol);
    b.set(key, 0, 0, value).unwrap();
    b.get(key).unwrap();
    execute(conn, &b)
}

fn expect_value(replies: &[Reply], value: &[u8]) {
    assert_eq!(replies.len(), 2, "{replies:?}");
    match &replies[1] {
        Reply::Values(items) => assert_eq!(items[0].data, value),
        other => panic!("expected the value, got {other:?}"),
    }
}

fn handshake_error(endpoint: &Endpoint) -> String {
    let t0 = Instant::now();
    let r = Conn::connect(endpoint, Duration::from_millis(700));
    assert!(t0.elapsed() < Duration::from_secs(3), "failure took {:?}", t0.elapsed());
    match r {
        Err(e @ WireError::TlsHandshake(_)) => e.to_string(),
        Err(other) => panic!("expected a TLS handshake error, got {other:?}"),
        Ok(_) => panic!("expected a TLS handshake error, got a connection"),
    }
}

#[test]
fn ascii_and_binary_over_tls_with_pipelining_and_large_batches() {
    let d = tls_daemon(22401, "server", "");
    let ep = tls("127.0.0.1", d.port, trusting("ca.pem"));
    for protocol in [Protocol::Ascii, Protocol::Binary] {
        let mut c = Conn::connect(&ep, Duration::from_secs(2)).expect("TLS connect");
        assert!(c.tls_state().is_some(), "a TLS connection");
        expect_value(&set_get(&mut c, protocol, b"k", b"over tls").unwrap(), b"over tls");
        // a 300 KiB value: many records each way, and the helper-thread writer (> 64 KiB)
        let big = vec![b'x'; 300 << 10];
        expect_value(&set_get(&mut c, protocol, b"big", &big).unwrap(), &big);
        // idle and reused: still fine (no stray bytes, the probe sees nothing pending)
        assert!(c.is_reusable());
        expect_value(&set_get(&mut c, protocol, b"k2", b"again").unwrap(), b"again");
    }
}

#[test]
fn a_second_connection_resumes_the_session() {
    let d = tls_daemon(22402, "server", "");
    let ep = tls("localhost", d.port, trusting("ca.pem"));
    let mut first = Conn::connect(&ep, Duration::from_secs(2)).unwrap();
    // the tickets arrive after the handshake: one exchange reads them
    expect_value(&set_get(&mut first, Protocol::Ascii, b"r", b"1").unwrap(), b"1");
    assert_eq!(first.tls_state(), Some(false), "the first handshake is a full one");
    let second = Conn::connect(&ep, Duration::from_secs(2)).unwrap();
    assert_eq!(second.tls_state(), Some(true), "the second connection resumes");
    // a pooled connection is only reused under the settings it was verified with
    assert!(second.dialled_as(&ep));
    assert!(!second.dialled_as(&tls("localhost", d.port, TlsOptions { verify_peer: false, ..trusting("ca.pem") })));
    assert!(!second.dialled_as(&Endpoint::Tcp { host: "localhost".into(), port: d.port }));
}

#[test]
fn server_name_and_verification_settings() {
    let d = tls_daemon(22403, "server", "");
    // the certificate names localhost and 127.0.0.1, not 127.0.0.2's other names
    let wrong = TlsOptions { server_name: Some("memcached.example".into()), ..trusting("ca.pem") };
    let e = handshake_error(&tls("127.0.0.1", d.port, wrong));
    assert!(e.contains("does not match the host name"), "{e}");
    let right = TlsOptions { server_name: Some("localhost".into()), ..trusting("ca.pem") };
    assert!(Conn::connect(&tls("127.0.0.1", d.port, right), Duration::from_secs(2)).is_ok());
    // unknown CA
    let e = handshake_error(&tls("127.0.0.1", d.port, trusting("other-ca.pem")));
    assert!(e.contains("unknown CA"), "{e}");
    // verification off: any certificate
    let off = TlsOptions { verify_peer: false, ..trusting("other-ca.pem") };
    let mut c = Conn::connect(&tls("127.0.0.1", d.port, off), Duration::from_secs(2)).unwrap();
    expect_value(&set_get(&mut c, Protocol::Ascii, b"v", b"unverified").unwrap(), b"unverified");
    // a CA file that is no PEM
    let bad = TlsOptions { ca_file: Some(file("ca.srl")), ..TlsOptions::default() };
    let e = handshake_error(&tls("127.0.0.1", d.port, bad));
    assert!(e.contains("memcache.tls_ca_file"), "{e}");
}

#[test]
fn an_expired_certificate_is_named() {
    let d = tls_daemon(22404, "expired", "");
    std::thread::sleep(Duration::from_millis(1100)); // made with notAfter = now
    let e = handshake_error(&tls("127.0.0.1", d.port, trusting("ca.pem")));
    assert!(e.contains("expired"), "{e}");
}

#[test]
fn a_plain_server_is_not_taken_for_tls_and_costs_at_most_the_timeout() {
    let d = Daemon::start(22405);
    let port = d.port;
    let e = handshake_error(&tls("127.0.0.1", port, trusting("ca.pem")));
    assert!(e.contains("does not speak TLS") || e.contains("timed out"), "{e}");
}

#[test]
fn mutual_tls_needs_a_certificate_the_server_trusts() {
    let ca = file("ca.pem");
    let d = tls_daemon(22406, "server", &format!(",ssl_ca_cert={},ssl_verify_mode=2", ca.display()));
    let with = |cert: Option<&str>| TlsOptions {
        cert_file: cert.map(|c| file(&format!("{c}.pem"))),
        key_file: cert.map(|c| file(&format!("{c}.key"))),
        ..trusting("ca.pem")
    };
    let mut c = Conn::connect(&tls("127.0.0.1", d.port, with(Some("client"))), Duration::from_secs(2)).unwrap();
    expect_value(&set_get(&mut c, Protocol::Ascii, b"m", b"mutual").unwrap(), b"mutual");
    for refused in [None, Some("other-client")] {
        // TLS 1.3: the client finishes first; the refusal is an alert on the first exchange
        let t0 = Instant::now();
        let r = Conn::connect(&tls("127.0.0.1", d.port, with(refused)), Duration::from_millis(700))
            .and_then(|mut c| set_get(&mut c, Protocol::Ascii, b"m", b"x"));
        assert!(t0.elapsed() < Duration::from_secs(3), "{:?}", t0.elapsed());
        let e = r.expect_err("refused").to_string();
        assert!(e.contains("refused the client certificate") || e.contains("closed the connection"), "{refused:?}: {e}");
    }
}

#[test]
fn a_dead_tls_server_is_a_connect_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    match Conn::connect(&tls("127.0.0.1", port, trusting("ca.pem")), Duration::from_secs(1)) {
        Err(WireError::Connect(e)) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionRefused),
        other => panic!("{other:?}"),
    }
}

/// memcached reads a large data block straight into the item; commands
/// after it in the same TLS record would wait in OpenSSL's buffer until the
/// timeout (Batch::record_ends). Every size, both protocols, one batch.
#[test]
fn commands_after_a_large_value_in_one_batch_do_not_hang() {
    let d = tls_daemon(22409, "server", "");
    let ep = tls("127.0.0.1", d.port, trusting("ca.pem"));
    for protocol in [Protocol::Ascii, Protocol::Binary] {
        for size in [10_000usize, 60_000, 70_000, 200_000] {
            let mut c = Conn::connect(&ep, Duration::from_secs(2)).expect("TLS connect");
            let big = vec![b'y'; size];
            let t0 = Instant::now();
            expect_value(&set_get(&mut c, protocol, b"big", &big).unwrap(), &big);
            assert!(t0.elapsed() < Duration::from_secs(1), "{protocol:?} {size}: {:?}", t0.elapsed());
        }
    }
}
