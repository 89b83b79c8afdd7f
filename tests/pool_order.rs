//! The pool starts the slowest server of a round first: a round's batch
//! for the server whose replies have taken longest lately is written before
//! the others, and its replies are read last (docs/DESIGN.md, "Cost":
//! on a machine where a daemon shares the client's CPU, the wrong order
//! doubles a session cycle). Which server was slow is real: a daemon the
//! test SIGSTOPs and resumes some milliseconds later, in the middle of a
//! round. The order is what the wire layer actually wrote, recorded by the
//! test-hooks feature.

mod common;

use std::time::Duration;

use php_memcache::test_hooks;
use php_memcache::wire::{Batch, Endpoint, Reply};

fn round(pool: &php_memcache::pool::Pool, servers: &[usize], batch: &Batch) -> Vec<u16> {
    test_hooks::record_writes(true);
    let jobs: Vec<(usize, &Batch)> = servers.iter().map(|&s| (s, batch)).collect();
    let results = pool.execute_parallel(&jobs);
    let written = test_hooks::take_writes();
    test_hooks::record_writes(false);
    for r in results {
        assert!(matches!(r.expect("every server answers")[0], Reply::Version(_)));
    }
    written
}

/// Round trips while `daemon` is stopped for `ms` milliseconds (it answers
/// that late, without failing: the pool's timeout is 5 s).
fn round_with_late(pool: &php_memcache::pool::Pool, servers: &[usize], batch: &Batch, daemon: &common::Daemon, ms: u64) {
    daemon.signal("-STOP");
    let pid = daemon.pid();
    let resume = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(ms));
        common::signal_pid(pid, "-CONT");
    });
    round(pool, servers, batch);
    resume.join().unwrap();
}

#[test]
fn the_server_slowest_to_answer_is_written_first() {
    let a = common::Daemon::start(22411);
    let b = common::Daemon::start(22412);
    let pool = common::pool(&[&a, &b], "?timeout=5");
    let mut batch = Batch::new();
    batch.version().unwrap();
    let (sa, sb) = (0usize, 1usize);
    assert!(matches!(pool.server(sa).spec.endpoint, Endpoint::Tcp { port: 22411, .. }));

    // Fresh connections, nothing known yet: the caller's order stands (its
    // last job is written first). (From the second round on, which of two
    // prompt servers looks slower is noise.)
    assert_eq!(round(&pool, &[sa, sb], &batch), vec![22412, 22411]);

    // a answers 300 ms late once: for the next rounds it is written first,
    // in whichever order the caller lists the servers (the average halves
    // each round: still ~10 ms after four, far above a prompt answer).
    round_with_late(&pool, &[sa, sb], &batch, &a, 300);
    for _ in 0..2 {
        assert_eq!(round(&pool, &[sa, sb], &batch), vec![22411, 22412]);
        assert_eq!(round(&pool, &[sb, sa], &batch), vec![22411, 22412]);
    }

    // Now b is the slow one (400 ms late once): it takes the lead.
    round_with_late(&pool, &[sa, sb], &batch, &b, 400);
    assert_eq!(round(&pool, &[sa, sb], &batch), vec![22412, 22411]);
    assert_eq!(round(&pool, &[sb, sa], &batch), vec![22412, 22411]);
}
