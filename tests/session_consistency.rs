//! The session's consistency logic against real memcached daemons: locking
//! every copy, crossed attempts, stranded records, disagreeing views. Each
//! thread stands for a php-fpm worker (health is per thread, as per
//! process in production).

mod common;

use std::time::{Duration, Instant};

use common::{pool, raw, Daemon};
use php_memcache::pool::Pool;
use php_memcache::session::copies::{clock_now, Stamp};
use php_memcache::session::lock::{self, Spec};
use php_memcache::session::state::Held;
use php_memcache::session::store::{self, Action};
use php_memcache::wire::{Dialect, Protocol};

static ASCII: Dialect = Dialect { protocol: Protocol::Ascii, credentials: None };

const LT: u32 = 10;

fn spec<'a>(pool: &'a Pool, key: &'a [u8], lock_key: &'a [u8], seq: &'a [usize], wait: Duration) -> Spec<'a> {
    Spec { pool, proto: &ASCII, key, lock_key, sequence: seq, redundancy: 2, lock_timeout: LT, wait_limit: wait }
}

/// One request: lock + read, `f` on the session string, write + release.
fn request(pool: &Pool, key: &[u8], usable: &dyn Fn(usize) -> bool, f: impl Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let seq = pool.session_sequence(key);
    let locked = lock::acquire(&spec(pool, key, &lock::lock_key(key), &seq, Duration::from_secs(LT.into())), usable).expect("lock");
    if std::env::var("ITEST_DEBUG").is_ok() {
        eprintln!("DBG {:?} taken={:?} waited={:?} copies={:?}", std::thread::current().id(), locked.taken, locked.waited.is_some(),
            locked.copies.iter().map(|c| c.as_ref().map(|i| (String::from_utf8_lossy(&i.data).into_owned(), i.flags >> 16))).collect::<Vec<_>>());
    }
    let failures: Vec<usize> = locked.failures.iter().map(|(i, _)| *i).collect();
    let held = Held::new(key.to_vec(), locked, 60);
    let now = held.chosen().map(|i| i.data.clone()).unwrap_or_default();
    let next = f(&now);
    let servers = held.servers.clone();
    let parts = store::plan(Action::Write(&next), Some(&held), &servers, Some((&next, 0)), clock_now());
    let tally = store::commit(pool, &ASCII, key, &parts, LT, 60);
    assert_eq!(tally.stored.len(), servers.len(), "every copy stored: {tally:?} (sequence {seq:?}, locked {servers:?}, lock failures {failures:?})");
    next
}

fn incr(v: &[u8]) -> Vec<u8> {
    let n: u64 = std::str::from_utf8(v).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    (n + 1).to_string().into_bytes()
}

fn count(pool: &Pool, key: &[u8]) -> u64 {
    let v = request(pool, key, &|_| true, |v| v.to_vec());
    std::str::from_utf8(&v).unwrap().parse().unwrap_or(0)
}

#[test]
fn every_copy_is_locked_and_read_in_one_round_trip() {
    let (a, b, c) = (Daemon::start(22301), Daemon::start(22302), Daemon::start(22303));
    let p = pool(&[&a, &b, &c], "");
    let key = b"itest-lock-all";
    request(&p, key, &|_| true, |_| b"7".to_vec());
    let seq = p.session_sequence(key);
    let locked = lock::acquire(&spec(&p, key, &lock::lock_key(key), &seq, Duration::from_secs(1)), |_| true).unwrap();
    assert_eq!(locked.servers, seq[..2].to_vec(), "the session's first two servers");
    assert!(locked.waited.is_none() && locked.taken.is_empty() && locked.suspect.is_empty());
    let ports = [a.port, b.port, c.port];
    for &s in &locked.servers {
        assert!(raw(ports[s], "get itest-lock-all.lock\r\n", "END\r\n").contains("\r\n1\r\n"), "record held on {s}");
    }
    let stamps: Vec<_> = locked.copies.iter().map(|c| Stamp::of_flags(c.as_ref().unwrap().flags)).collect();
    assert!(stamps[0].is_some() && stamps[0] == stamps[1], "both copies current: {stamps:?}");
}

#[test]
fn concurrent_workers_never_lose_an_update() {
    // Four workers hammer one session: their parallel attempts cross all
    // the time (each wins one server); the failover order settles them.
    let (a, b) = (Daemon::start(22311), Daemon::start(22312));
    let key: &[u8] = b"itest-crossed";
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let ports = (a.port, b.port);
            std::thread::spawn(move || {
                let p = common::pool_ports(&[ports.0, ports.1]);
                for _ in 0..150 {
                    request(&p, key, &|_| true, incr);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(count(&pool(&[&a, &b], ""), key), 600);
}

#[test]
fn workers_that_disagree_about_a_server_still_serialize() {
    // One worker believes the session's first server is down (it saw it
    // hang), the other does not: they lock {2nd, 3rd} and {1st, 2nd}.
    let (a, b, c) = (Daemon::start(22321), Daemon::start(22322), Daemon::start(22323));
    let key: &[u8] = b"itest-views";
    let ports = [a.port, b.port, c.port];
    let first = pool(&[&a, &b, &c], "").session_sequence(key)[0];
    let workers: Vec<_> = [true, false]
        .into_iter()
        .map(|sees_first| {
            std::thread::spawn(move || {
                let p = common::pool_ports(&ports);
                for _ in 0..150 {
                    request(&p, key, &|s| sees_first || s != first, incr);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(count(&pool(&[&a, &b, &c], ""), key), 300);
}

#[test]
fn a_stranded_record_over_an_older_copy_is_taken_over_at_once() {
    let (a, b) = (Daemon::start(22331), Daemon::start(22332));
    let p = pool(&[&a, &b], "");
    let key = b"itest-stranded";
    request(&p, key, &|_| true, |_| b"5".to_vec());
    let seq = p.session_sequence(key);
    let ports = [a.port, b.port];
    // The first server "resumed" with an older copy and a record nobody releases.
    let old = ports[seq[0]];
    let cur = raw(old, "get itest-stranded\r\n", "END\r\n");
    let flags: u32 = cur.split_whitespace().nth(2).unwrap().parse().unwrap();
    let older = ((flags >> 16) - 1) << 16;
    assert!(raw(old, &format!("set itest-stranded {older} 60 1\r\n4\r\n"), "\r\n").starts_with("STORED"));
    assert!(raw(old, "set itest-stranded.lock 768 10 1\r\n1\r\n", "\r\n").starts_with("STORED"));
    let t = Instant::now();
    let locked = lock::acquire(&spec(&p, key, &lock::lock_key(key), &seq, Duration::from_secs(5)), |_| true).unwrap();
    // not waited for: the record would live 10 s (lock_timeout); the wait is the 150 ms grace
    assert!(t.elapsed() < Duration::from_secs(3), "not waited for: {:?}", t.elapsed());
    assert_eq!(locked.taken, vec![seq[0]]);
    let held = Held::new(key.to_vec(), locked, 60);
    assert_eq!(held.chosen().unwrap().data, b"5", "the newer copy is served");
}

#[test]
fn a_live_holder_over_the_current_copy_is_waited_for() {
    let (a, b) = (Daemon::start(22341), Daemon::start(22342));
    let key: &[u8] = b"itest-live";
    request(&pool(&[&a, &b], ""), key, &|_| true, |_| b"1".to_vec());
    let ports = [a.port, b.port];
    let holder = std::thread::spawn(move || {
        let p = common::pool_ports(&ports);
        request(&p, key, &|_| true, |v| {
            std::thread::sleep(Duration::from_millis(300));
            incr(v)
        });
    });
    std::thread::sleep(Duration::from_millis(100));
    let t = Instant::now();
    let seen = request(&pool(&[&a, &b], ""), key, &|_| true, incr);
    assert!(t.elapsed() >= Duration::from_millis(150), "waited: {:?}", t.elapsed());
    holder.join().unwrap();
    assert_eq!(seen, b"3", "the holder's write was read under the lock");
}

#[test]
fn a_request_that_timed_out_on_a_hung_server_leaves_newer_copies() {
    // The lock attempt on a hung daemon stays queued in its socket and runs
    // when it resumes; the request moved on and wrote elsewhere, so the
    // record it left guards a superseded copy.
    let (a, b, c) = (Daemon::start(22351), Daemon::start(22352), Daemon::start(22353));
    let p = pool(&[&a, &b, &c], "?timeout=0.8&retry_interval=30");
    let key = b"itest-hung";
    request(&p, key, &|_| true, |_| b"1".to_vec());
    let seq = p.session_sequence(key);
    let ds = [&a, &b, &c];
    ds[seq[0]].signal("-STOP");
    let t = Instant::now();
    let v = request(&p, key, &|s| !p.is_down_for_sessions(s), incr);
    assert_eq!(v, b"2");
    assert!(t.elapsed() < Duration::from_secs(3), "a timeout, not a lock wait: {:?}", t.elapsed());
    ds[seq[0]].signal("-CONT");
    std::thread::sleep(Duration::from_millis(200));
    let resumed = raw(ds[seq[0]].port, "get itest-hung itest-hung.lock\r\n", "END\r\n");
    assert!(resumed.contains("\r\n1\r\nVALUE itest-hung.lock"), "old copy and a stranded record: {resumed:?}");
    // A fresh worker, for which the resumed server is up.
    let fresh = common::pool_ports(&[a.port, b.port, c.port]);
    let t = Instant::now();
    assert_eq!(request(&fresh, key, &|_| true, incr), b"3");
    assert!(t.elapsed() < Duration::from_secs(3), "stranded record not waited for (10 s): {:?}", t.elapsed());
}
