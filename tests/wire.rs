//! Integration tests of the wire layer against real memcached daemons the
//! tests start themselves (ports 21231-21239 on 127.0.0.1, a unix socket
//! under /tmp), plus tiny hand-written servers for the failure cases.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::thread;
use std::time::{Duration, Instant};

use php_memcache::wire::*;

mod common;
use common::Daemon;

const TIMEOUT: Duration = Duration::from_secs(2);


fn batch(build: impl FnOnce(&mut Batch) -> Result<&mut Batch, WireError>) -> Batch {
    let mut b = Batch::new();
    build(&mut b).expect("valid batch");
    b
}

fn item(key: &[u8], flags: u32, data: &[u8]) -> Item {
    Item {
        key: key.to_vec(),
        flags,
        cas: None,
        data: data.to_vec(),
    }
}

fn lock_batch(key: &str) -> Batch {
    let lock = format!("{key}.lock");
    batch(|b| {
        b.incr(lock.as_bytes(), 1)?
            .add(lock.as_bytes(), 0, 30, b"1")?
            .get(key.as_bytes())
    })
}

fn write_batch(key: &str, data: &[u8]) -> Batch {
    let lock = format!("{key}.lock");
    batch(|b| {
        b.set(key.as_bytes(), 0, 1440, data)?
            .set(lock.as_bytes(), 0, 30, b"0")
    })
}

#[test]
fn lock_and_read_in_one_batch() {
    let d = Daemon::start(21231);
    let mut a = d.conn(TIMEOUT);
    let mut b = d.conn(TIMEOUT);
    assert_eq!(
        execute(&mut a, &batch(|b| b.set(b"sess", 7, 0, b"data1")))
            .unwrap(),
        vec![Reply::Stored]
    );

    let lock = lock_batch("sess");
    // First acquirer: no lock key yet, so incr misses and add creates it.
    assert_eq!(
        execute(&mut a, &lock).unwrap(),
        vec![
            Reply::NotFound,
            Reply::Stored,
            Reply::Values(vec![item(b"sess", 7, b"data1")])
        ]
    );
    // Second acquirer: lock held.
    assert_eq!(
        execute(&mut b, &lock).unwrap(),
        vec![
            Reply::Number(2),
            Reply::NotStored,
            Reply::Values(vec![item(b"sess", 7, b"data1")])
        ]
    );
    // Write back and release (lock value "0").
    assert_eq!(
        execute(&mut a, &write_batch("sess", b"data2")).unwrap(),
        vec![Reply::Stored, Reply::Stored]
    );
    // Next acquirer: incr of the released lock answers 1 = acquired.
    assert_eq!(
        execute(&mut b, &lock).unwrap(),
        vec![
            Reply::Number(1),
            Reply::NotStored,
            Reply::Values(vec![item(b"sess", 0, b"data2")])
        ]
    );
    // Missing session: lock acquired, empty read.
    assert_eq!(
        execute(&mut a, &lock_batch("nosess")).unwrap(),
        vec![Reply::NotFound, Reply::Stored, Reply::Values(vec![])]
    );
    assert!(a.is_reusable() && b.is_reusable());
}

#[test]
fn mirrored_write_to_two_servers() {
    let d1 = Daemon::start(21232);
    let mut d2 = Daemon::start(21233);
    let mut c1 = d1.conn(TIMEOUT);
    let mut c2 = d2.conn(TIMEOUT);
    let w = write_batch("m", b"mirrored");
    let results = execute_parallel(&mut [(&mut c1, &w), (&mut c2, &w)]);
    assert_eq!(results.len(), 2);
    for r in &results {
        assert_eq!(r.as_ref().unwrap(), &vec![Reply::Stored, Reply::Stored]);
    }
    let read = batch(|b| b.get_multi(&[b"m", b"m.lock"]));
    for c in [&mut c1, &mut c2] {
        assert_eq!(
            execute(c, &read).unwrap(),
            vec![Reply::Values(vec![
                item(b"m", 0, b"mirrored"),
                item(b"m.lock", 0, b"0")
            ])]
        );
    }
    // Different batches per connection, empty batch allowed.
    let empty = Batch::new();
    let v = batch(|b| b.version());
    let r = execute_parallel(&mut [(&mut c1, &v), (&mut c2, &empty)]);
    assert!(matches!(&r[0], Ok(replies) if matches!(replies[..], [Reply::Version(_)])));
    assert_eq!(r[1].as_ref().unwrap(), &Vec::<Reply>::new());

    // One server dies: the other's result is unaffected.
    d2.kill();
    thread::sleep(Duration::from_millis(50));
    let r = execute_parallel(&mut [(&mut c1, &w), (&mut c2, &w)]);
    assert_eq!(r[0].as_ref().unwrap(), &vec![Reply::Stored, Reply::Stored]);
    let e = r[1].as_ref().unwrap_err();
    assert!(e.is_server_failure(), "{e}");
    assert!(c1.is_reusable());
    assert!(!c2.is_reusable());
    // A poisoned connection refuses further batches without I/O.
    let r = execute_parallel(&mut [(&mut c2, &w), (&mut c1, &w)]);
    assert!(r[0].is_err() && r[1].is_ok());
}

#[test]
fn every_command_and_gets_cas() {
    let d = Daemon::start(21234);
    let mut c = d.conn(TIMEOUT);
    let r = execute(&mut c,
        &batch(|b| {
            b.flush_all(0)?
                .set(b"k", 42, 0, b"v1")?
                .add(b"k", 0, 0, b"x")?
                .replace(b"k", 43, 0, b"v2")?
                .replace(b"absent", 0, 0, b"x")?
                .append(b"k", 0, 0, b">")?
                .prepend(b"k", 0, 0, b"<")?
                .set(b"n", 0, 0, b"10")?
                .incr(b"n", 5)?
                .decr(b"n", 100)?
                .incr(b"absent", 1)?
                .incr(b"k", 1)?
                .touch(b"k", 100)?
                .touch(b"absent", 100)?
                .delete(b"n")?
                .delete(b"n")?
                .version()
        }))
        .unwrap();
    assert_eq!(r.len(), 17);
    assert_eq!(
        r[..16],
        [
            Reply::Ok,
            Reply::Stored,
            Reply::NotStored,
            Reply::Stored,
            Reply::NotStored,
            Reply::Stored,
            Reply::Stored,
            Reply::Stored,
            Reply::Number(15),
            Reply::Number(0),
            Reply::NotFound,
            Reply::Error(
                ErrorKind::ClientError,
                "cannot increment or decrement non-numeric value".into()
            ),
            Reply::Touched,
            Reply::NotFound,
            Reply::Deleted,
            Reply::NotFound,
        ]
    );
    assert!(matches!(&r[16], Reply::Version(v) if v.starts_with("1.")));
    assert!(
        c.is_reusable(),
        "a CLIENT_ERROR to incr does not desync the stream"
    );

    // gets + cas: the right cas stores, a stale one answers EXISTS.
    let r = execute(&mut c, &batch(|b| b.gets(&[b"k", b"absent"]))).unwrap();
    let Reply::Values(items) = &r[0] else {
        panic!("{r:?}")
    };
    assert_eq!(items.len(), 1);
    assert_eq!(
        (
            items[0].key.as_slice(),
            items[0].flags,
            items[0].data.as_slice()
        ),
        (&b"k"[..], 43, &b"<v2>"[..])
    );
    let cas = items[0].cas.expect("gets returns cas");
    let r = execute(&mut c,
        &batch(|b| {
            b.cas(b"k", 1, 0, b"v3", cas)?
                .cas(b"k", 1, 0, b"v4", cas)?
                .cas(b"absent", 1, 0, b"v", cas)?
                .get_multi(&[b"absent", b"k", b"k"])
        }))
        .unwrap();
    assert_eq!(
        r,
        vec![
            Reply::Stored,
            Reply::Exists,
            Reply::NotFound,
            Reply::Values(vec![item(b"k", 1, b"v3"), item(b"k", 1, b"v3")]),
        ]
    );
    // Binary-safe data and non-ASCII keys.
    let data: Vec<u8> = (0..=255u8).chain(b"\r\nEND\r\n".iter().copied()).collect();
    let r = execute(&mut c,
        &batch(|b| {
            b.set("ключ".as_bytes(), u32::MAX, 0, &data)?
                .get("ключ".as_bytes())
        }))
        .unwrap();
    assert_eq!(
        r,
        vec![
            Reply::Stored,
            Reply::Values(vec![item("ключ".as_bytes(), u32::MAX, &data)])
        ]
    );
    // A refused key never reaches the server.
    let mut b = Batch::new();
    assert!(matches!(b.get(b"bad key"), Err(WireError::Refused(_))));
    assert!(c.is_reusable());
}

#[test]
fn stats_and_subcommands() {
    // Without the LRU maintainer new items sit in the LRU cachedump reads.
    let d = Daemon::start_with(21235, &["-t", "2", "-o", "no_lru_maintainer"]);
    let mut c = d.conn(TIMEOUT);
    execute(&mut c, &batch(|b| b.set(b"dumped", 0, 0, b"12345")))
        .unwrap();
    let r = execute(&mut c,
        &batch(|b| {
            b.stats(None)?
                .stats(Some("items"))?
                .stats(Some("slabs"))?
                .stats(Some("sizes"))?
                .stats(Some("settings"))?
                .stats(Some("cachedump 1 10"))?
                .stats(Some("conns"))?
                .stats(Some("detail on"))?
                .stats(Some("detail dump"))?
                .stats(Some("detail off"))?
                .stats(Some("reset"))?
                .stats(Some("nonsense"))
        }))
        .unwrap();
    let stats = |i: usize| match &r[i] {
        Reply::Stats(s) => s.clone(),
        other => panic!("reply {i}: {other:?}"),
    };
    let general = stats(0);
    assert!(general
        .iter()
        .any(|(k, v)| k == "pid" && v.parse::<u32>().is_ok()));
    assert!(general.iter().any(|(k, _)| k == "curr_items"));
    assert!(stats(1).iter().any(|(k, _)| k == "items:1:number"));
    assert!(stats(2).iter().any(|(k, _)| k == "active_slabs"));
    assert!(!stats(3).is_empty());
    assert!(stats(4).iter().any(|(k, _)| k == "maxbytes"));
    assert_eq!(
        stats(5),
        vec![("dumped".to_string(), "[5 b; 0 s]".to_string())]
    );
    assert!(!stats(6).is_empty());
    assert_eq!(r[7], Reply::Ok);
    let _ = stats(8);
    assert_eq!(r[9], Reply::Ok);
    assert_eq!(r[10], Reply::Ok);
    assert_eq!(r[11], Reply::Error(ErrorKind::Error, String::new()));
    assert!(
        c.is_reusable(),
        "ERROR to a stats argument does not desync the stream"
    );
}

#[test]
fn unix_socket() {
    let path = PathBuf::from(format!(
        "/tmp/php-memcache-wire-test-{}.sock",
        std::process::id()
    ));
    let d = Daemon::unix(path);
    let mut c = d.conn(TIMEOUT);
    assert_eq!(
        execute(&mut c, &write_batch("u", b"over unix")).unwrap(),
        vec![Reply::Stored, Reply::Stored]
    );
    assert_eq!(
        execute(&mut c, &lock_batch("u")).unwrap(),
        vec![
            Reply::Number(1),
            Reply::NotStored,
            Reply::Values(vec![item(b"u", 0, b"over unix")])
        ]
    );
    assert!(c.is_reusable());
    drop(d);
    thread::sleep(Duration::from_millis(50));
    assert!(!c.is_reusable());
}

#[test]
fn daemon_killed_makes_idle_connection_unreusable() {
    let mut d = Daemon::start(21236);
    let mut c = d.conn(TIMEOUT);
    assert_eq!(execute(&mut c, &batch(|b| b.version())).unwrap().len(), 1);
    assert!(c.is_reusable());
    d.kill();
    let deadline = Instant::now() + Duration::from_secs(2);
    while c.is_reusable() {
        assert!(
            Instant::now() < deadline,
            "is_reusable never noticed the closed peer"
        );
        thread::sleep(Duration::from_millis(10));
    }
    assert!(!c.is_reusable(), "sticky");
    let e = execute(&mut c, &batch(|b| b.version())).unwrap_err();
    assert!(e.is_server_failure());
    // Reconnecting to a dead port is a connect failure.
    match Conn::connect(&d.endpoint, TIMEOUT) {
        Err(WireError::Connect(_)) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn large_values_and_large_multi_get() {
    let d = Daemon::start_with(21237, &["-t", "2", "-I", "4m", "-m", "256"]);
    // A longer timeout than the other tests: on a loaded 2-core machine one
    // read of 45 MiB of replies (or the daemon answering 150k sets) can
    // pause for more than 2 s; the timeout bounds a hang, it is not a speed
    // assertion.
    let mut c = Conn::connect(&d.endpoint, Duration::from_secs(15)).expect("connect to test memcached");
    // 3 MiB value: written by the helper thread, read through buffer growth.
    let big: Vec<u8> = (0..3 << 20).map(|i: u32| (i % 251) as u8).collect();
    let r = execute(&mut c,
        &batch(|b| b.set(b"big", 1, 0, &big)?.get(b"big")))
        .unwrap();
    assert_eq!(
        r,
        vec![Reply::Stored, Reply::Values(vec![item(b"big", 1, &big)])]
    );
    // Too large for the server: SERVER_ERROR, data swallowed, stream in step.
    let huge = vec![b'h'; 5 << 20];
    let r = execute(&mut c,
        &batch(|b| b.set(b"huge", 0, 0, &huge)?.version()))
        .unwrap();
    assert!(
        matches!(r[0], Reply::Error(ErrorKind::ServerError, _)),
        "{:?}",
        r[0]
    );
    assert!(matches!(r[1], Reply::Version(_)));
    assert!(c.is_reusable());
    // A multi-get whose request (~2.5 MiB) and replies (~45 MiB) both
    // exceed the socket buffers: with write-all-then-read this deadlocks
    // (the server stops reading while its replies are not read); the
    // helper writer thread must make it complete.
    let keys: Vec<String> = (0..150_000).map(|i| format!("lm-key-{i:07}")).collect();
    let value = vec![b'v'; 256];
    let mut fill = Batch::new();
    for k in &keys {
        fill.set(k.as_bytes(), 0, 0, &value).unwrap();
    }
    let r = execute(&mut c, &fill).unwrap();
    assert_eq!(r.len(), keys.len());
    assert!(r.iter().all(|x| *x == Reply::Stored));
    let refs: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
    let get = batch(|b| b.get_multi(&refs));
    assert!(get.as_bytes().len() > INLINE_WRITE_MAX);
    let r = execute(&mut c, &get).unwrap();
    let Reply::Values(items) = &r[0] else {
        panic!()
    };
    assert_eq!(items.len(), keys.len());
    assert!(items
        .iter()
        .zip(&keys)
        .all(|(i, k)| i.key == k.as_bytes() && i.data == value));
    // A deadlock would not end in a slow success: every read and write is
    // bounded by the connection's timeout, so the execute above would have
    // failed (and unwrap panicked). No wall-clock assertion: on a loaded
    // machine 45 MiB of replies can take longer than one timeout to parse.
    assert!(c.is_reusable());
    // A small item limit on our side refuses what the server sends.
    c.set_limits(Limits {
        max_item: 1000,
        ..Limits::default()
    });
    assert!(matches!(
        execute(&mut c, &batch(|b| b.get(b"big"))),
        Err(WireError::Protocol(_))
    ));
    assert!(!c.is_reusable());
}

#[test]
fn parallel_with_one_failing_connection() {
    let d = Daemon::start(21238);
    let mut good = d.conn(TIMEOUT);
    // A fake server that answers garbage.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 1024];
        let _ = s.read(&mut buf);
        let _ = s.write_all(b"HELLO THERE\r\n");
        thread::sleep(Duration::from_millis(200));
    });
    let mut bad = Conn::connect(
        &Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        TIMEOUT,
    )
    .unwrap();
    let w = write_batch("p", b"x");
    let r = execute_parallel(&mut [(&mut bad, &w), (&mut good, &w)]);
    assert!(matches!(r[0], Err(WireError::Protocol(_))), "{:?}", r[0]);
    assert_eq!(r[1].as_ref().unwrap(), &vec![Reply::Stored, Reply::Stored]);
    assert!(!bad.is_reusable());
    assert!(good.is_reusable());
    server.join().unwrap();
    // Nothing listens on 21239: connect failure, a server failure.
    let e = Conn::connect(
        &Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port: 21239,
        },
        TIMEOUT,
    )
    .unwrap_err();
    assert!(matches!(e, WireError::Connect(_)) && e.is_server_failure());
    // A hostname resolving to several addresses (::1 may refuse first).
    let mut byname = Conn::connect(
        &Endpoint::Tcp {
            host: "localhost".into(),
            port: 21238,
        },
        TIMEOUT,
    )
    .unwrap();
    assert_eq!(
        execute(&mut byname, &batch(|b| b.get(b"p"))).unwrap(),
        vec![Reply::Values(vec![item(b"p", 0, b"x")])]
    );
}

#[test]
fn timeout_against_a_silent_server() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (s, _) = listener.accept().unwrap();
        thread::sleep(Duration::from_millis(1200));
        drop(s);
    });
    let timeout = Duration::from_millis(300);
    let mut c = Conn::connect(
        &Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        timeout,
    )
    .unwrap();
    assert_eq!(c.timeout(), timeout);
    let started = Instant::now();
    let r = execute(&mut c, &batch(|b| b.get(b"k")));
    let took = started.elapsed();
    assert!(matches!(r, Err(WireError::Timeout)), "{r:?}");
    assert!(took >= timeout && took < timeout * 3, "took {took:?}");
    assert!(!c.is_reusable());
    server.join().unwrap();
}

/// Issue 7 regression (fake server mode "trickle"): a server that sends one
/// byte every 50 ms never trips the per-read timeout; the whole reply is
/// bounded (REPLY_TIMEOUTS x timeout) instead of running forever.
#[test]
fn reply_that_never_ends_is_bounded() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 1024];
        let _ = s.read(&mut buf);
        let _ = s.write_all(b"VALUE k 0 100000\r\n");
        for _ in 0..200 {
            if s.write_all(b"x").is_err() {
                break;
            }
            thread::sleep(Duration::from_millis(50));
        }
    });
    let timeout = Duration::from_millis(200);
    let mut c = Conn::connect(&Endpoint::Tcp { host: "127.0.0.1".into(), port }, timeout).unwrap();
    let started = Instant::now();
    let r = execute(&mut c, &batch(|b| b.get(b"k")));
    let took = started.elapsed();
    assert!(matches!(&r, Err(WireError::Protocol(m)) if m.contains("still incomplete")), "{r:?}");
    assert!(took < timeout * 6, "took {took:?}");
    assert!(!c.is_reusable());
    drop(c);
    server.join().unwrap();
}

#[test]
fn peer_closes_mid_reply() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 1024];
        let _ = s.read(&mut buf);
        let _ = s.write_all(b"VALUE k 0 10\r\nabc");
        // dropped: closes mid data block
    });
    let mut c = Conn::connect(
        &Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        TIMEOUT,
    )
    .unwrap();
    let r = execute(&mut c, &batch(|b| b.get(b"k")));
    assert!(matches!(r, Err(WireError::Closed)), "{r:?}");
    assert!(c.is_poisoned() && !c.is_reusable());
    server.join().unwrap();
}

#[test]
fn idle_connection_holding_garbage_is_not_reusable() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let _ = s.write_all(b"STORED\r\n");
        thread::sleep(Duration::from_millis(300));
    });
    let mut c = Conn::connect(
        &Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        TIMEOUT,
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(2);
    while c.is_reusable() {
        assert!(Instant::now() < deadline);
        thread::sleep(Duration::from_millis(10));
    }
    server.join().unwrap();
}

#[test]
fn ipv6_literal_if_available() {
    let Ok(listener) = TcpListener::bind("[::1]:0") else {
        return; // no IPv6 loopback in this environment
    };
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        for _ in 0..2 {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = [0u8; 64];
            let _ = s.read(&mut buf);
            let _ = s.write_all(b"VERSION 9.9\r\n");
        }
    });
    for host in ["::1", "[::1]"] {
        let mut c = Conn::connect(
            &Endpoint::Tcp {
                host: host.into(),
                port,
            },
            TIMEOUT,
        )
        .unwrap();
        assert_eq!(
            execute(&mut c, &batch(|b| b.version())).unwrap(),
            vec![Reply::Version("9.9".into())]
        );
    }
    server.join().unwrap();
}

/// A fake server that, like memcached, stops reading while its replies are
/// not being read: one 1 MiB VALUE per `get` line. The batch is 40 lines
/// of 250 KiB (10 MiB of request, 40 MiB of replies), beyond what the
/// socket buffers absorb: written inline before reading, both sides would
/// block until the timeout. The helper writer thread makes it complete.
#[test]
fn big_batch_does_not_deadlock() {
    use std::io::{BufRead, BufReader};
    const LINES: usize = 40;
    const VALUE: usize = 1 << 20;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (s, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(s.try_clone().unwrap());
        let mut out = s;
        let value = vec![b'x'; VALUE];
        let mut line = Vec::new();
        for _ in 0..LINES {
            line.clear();
            if reader.read_until(b'\n', &mut line).unwrap_or(0) == 0 {
                return;
            }
            let key_end = line[4..]
                .iter()
                .position(|&b| b == b' ' || b == b'\r')
                .unwrap()
                + 4;
            let mut reply = format!(
                "VALUE {} 0 {VALUE}\r\n",
                String::from_utf8_lossy(&line[4..key_end])
            )
            .into_bytes();
            reply.extend_from_slice(&value);
            reply.extend_from_slice(b"\r\nEND\r\n");
            if out.write_all(&reply).is_err() {
                return;
            }
        }
        let _ = reader.read_until(b'\n', &mut line);
    });
    let mut c = Conn::connect(
        &Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        TIMEOUT,
    )
    .unwrap();
    let keys: Vec<Vec<u8>> = (0..1000)
        .map(|i| format!("{i:0>250}").into_bytes())
        .collect();
    let refs: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    let mut b = Batch::new();
    for _ in 0..LINES {
        b.get_multi(&refs).unwrap();
    }
    assert!(b.as_bytes().len() > 10_000_000);
    let started = Instant::now();
    let r = execute(&mut c, &b).unwrap();
    assert_eq!(r.len(), LINES);
    for reply in &r {
        let Reply::Values(items) = reply else {
            panic!("{reply:?}")
        };
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].data.len(), VALUE);
    }
    assert!(started.elapsed() < TIMEOUT, "took {:?}", started.elapsed());
    drop(c);
    server.join().unwrap();
}
