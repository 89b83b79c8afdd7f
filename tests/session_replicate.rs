//! `session::replicate` (one operation over several servers in one round
//! trip) and the pool's `Fanout` under it, against real memcached daemons.

mod common;

use common::{pool, raw, Daemon};
use php_memcache::pool::fanout::Fanout;
use php_memcache::pool::Failure;
use php_memcache::session::replicate;
use php_memcache::wire::{Batch, Dialect, Protocol, Reply};

const ASCII: Dialect = Dialect { protocol: Protocol::Ascii, credentials: None };

#[test]
fn run_stores_on_every_server_and_reports_each() {
    let (a, b) = (Daemon::start(22371), Daemon::start(22372));
    let p = pool(&[&a, &b], "");
    let m = replicate::run(&p, &ASCII, &[0, 1], |bt| bt.set(b"rep-k", 7, 0, b"v1").map(|_| ()));
    assert!(m.failed.is_empty(), "{}", replicate::describe_failures(&m.failed));
    assert_eq!(m.ok.iter().map(|(s, r)| (*s, r.clone())).collect::<Vec<_>>(), vec![(0, vec![Reply::Stored]), (1, vec![Reply::Stored])]);
    for d in [&a, &b] {
        assert_eq!(raw(d.port, "get rep-k\r\n", "END\r\n"), "VALUE rep-k 7 2\r\nv1\r\nEND\r\n");
    }
    let got = replicate::run_each(&p, &ASCII, &[1, 0], |_, bt| bt.get(b"rep-k").map(|_| ()));
    assert_eq!(got.iter().map(|(s, _)| *s).collect::<Vec<_>>(), vec![1, 0], "outcomes in the order asked");
    for (_, r) in &got {
        let replies = r.as_ref().expect("get");
        assert_eq!(replicate::found(replies).map(|i| i.data.clone()), Some(b"v1".to_vec()));
    }
}

#[test]
fn a_dead_server_fails_alone() {
    let (a, b) = (Daemon::start(22373), Daemon::start(22374));
    let p = pool(&[&a, &b], "?timeout=0.5");
    drop(b);
    let m = replicate::run(&p, &ASCII, &[0, 1], |bt| bt.set(b"rep-dead", 0, 0, b"x").map(|_| ()));
    assert_eq!(m.ok.len(), 1);
    assert_eq!(m.ok[0].0, 0);
    assert_eq!(m.failed.len(), 1);
    assert_eq!(m.failed[0].0, 1);
    assert!(matches!(m.failed[0].1, Failure::Failed { .. }), "{}", replicate::describe_failures(&m.failed));
    assert!(replicate::describe_failures(&m.failed).contains("127.0.0.1:22374"), "{}", replicate::describe_failures(&m.failed));
    // Marked down now: the next operation skips it without trying.
    let m = replicate::run(&p, &ASCII, &[0, 1], |bt| bt.get(b"rep-dead").map(|_| ()));
    assert!(matches!(m.failed[0].1, Failure::Down { .. }));
}

#[test]
fn run_shared_builds_one_batch_per_kind_and_refuses_bad_keys_per_server() {
    let (a, b, c) = (Daemon::start(22375), Daemon::start(22376), Daemon::start(22377));
    let p = pool(&[&a, &b, &c], "");
    let built = std::cell::Cell::new(0);
    // servers 0 and 2 get value "even", server 1 gets a key the wire layer refuses
    let res = replicate::run_shared(&p, &ASCII, &[0, 1, 2], |s| s % 2, |&kind, bt| {
        built.set(built.get() + 1);
        if kind == 0 { bt.set(b"rep-shared", 0, 0, b"even").map(|_| ()) } else { bt.set(b"bad key", 0, 0, b"odd").map(|_| ()) }
    });
    assert_eq!(built.get(), 2, "one batch per kind");
    assert_eq!(res.iter().map(|(s, _)| *s).collect::<Vec<_>>(), vec![0, 1, 2]);
    assert_eq!(res[0].1.as_ref().unwrap(), &vec![Reply::Stored]);
    assert!(matches!(&res[1].1, Err(Failure::Refused { .. })), "a refused key fails only its server");
    assert_eq!(res[2].1.as_ref().unwrap(), &vec![Reply::Stored]);
    assert_eq!(raw(c.port, "get rep-shared\r\n", "END\r\n"), "VALUE rep-shared 0 4\r\neven\r\nEND\r\n");
    assert_eq!(raw(b.port, "get rep-shared\r\n", "END\r\n"), "END\r\n", "nothing sent to the refused server");
}

#[test]
fn fanout_groups_by_server_and_maps_replies_back() {
    let (a, b) = (Daemon::start(22378), Daemon::start(22379));
    let p = pool(&[&a, &b], "");
    let mut fan: Fanout = Fanout::new();
    // keys for server 1, 0, 1 (in that order): two groups, tags in command order
    for (server, key) in [(1usize, "f-a"), (0, "f-b"), (1, "f-c")] {
        let g = fan.group(server, Batch::new);
        g.batch.set(key.as_bytes(), 0, 0, key.as_bytes()).unwrap();
        g.tags.push(key.len() + server);
    }
    fan.group(0, Batch::new); // no new command: same group
    let _ = fan.group(5, Batch::new); // an empty group is dropped before running
    assert_eq!(fan.len(), 3);
    let fan = fan.without_empty();
    assert_eq!(fan.len(), 2);
    let out = fan.run(&p);
    assert_eq!(out.iter().map(|(g, _)| g.server).collect::<Vec<_>>(), vec![1, 0], "groups in first-use order");
    assert_eq!(out[0].0.tags, vec![4, 4]);
    assert_eq!(out[0].1.as_ref().unwrap(), &vec![Reply::Stored, Reply::Stored]);
    assert_eq!(out[1].1.as_ref().unwrap(), &vec![Reply::Stored]);
    assert_eq!(raw(b.port, "get f-a f-c\r\n", "END\r\n"), "VALUE f-a 0 3\r\nf-a\r\nVALUE f-c 0 3\r\nf-c\r\nEND\r\n");
    assert_eq!(raw(a.port, "get f-b\r\n", "END\r\n"), "VALUE f-b 0 3\r\nf-b\r\nEND\r\n");
}
