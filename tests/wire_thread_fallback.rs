//! A batch over `INLINE_WRITE_MAX` is written by a helper thread; when the
//! OS refuses the thread (simulated with the test-hooks feature), the batch
//! is written inline instead and still answered, rather than panicking
//! (`thread::Scope::spawn` panics on a refused thread).

mod common;

use std::time::Duration;

use php_memcache::test_hooks;
use php_memcache::wire::{execute, execute_parallel, Batch, Conn, Endpoint, Reply, INLINE_WRITE_MAX};

#[test]
fn refused_writer_thread_falls_back_to_inline_write() {
    let d = common::Daemon::start(22361);
    let ep = Endpoint::Tcp { host: "127.0.0.1".into(), port: d.port };
    let mut conn = Conn::connect(&ep, Duration::from_secs(5)).expect("connect");
    let value = vec![b'v'; INLINE_WRITE_MAX + 4096];
    let mut batch = Batch::new();
    batch.set(b"big", 0, 0, &value).unwrap();
    batch.get(b"big").unwrap();
    assert!(batch.as_bytes().len() > INLINE_WRITE_MAX);

    test_hooks::refuse_threads(1);
    let replies = execute(&mut conn, &batch).expect("the batch runs without its helper thread");
    assert_eq!(test_hooks::threads_to_refuse(), 0, "a helper thread was asked for (and refused)");
    assert_eq!(replies[0], Reply::Stored);
    match &replies[1] {
        Reply::Values(items) => assert_eq!(items[0].data, value),
        other => panic!("get after set: {other:?}"),
    }
    assert!(conn.is_reusable());

    // Two connections at once, both refused: each still gets its replies.
    let mut other = Conn::connect(&ep, Duration::from_secs(5)).expect("connect");
    test_hooks::refuse_threads(2);
    let mut jobs = [(&mut conn, &batch), (&mut other, &batch)];
    let results = execute_parallel(&mut jobs);
    assert_eq!(test_hooks::threads_to_refuse(), 0);
    for r in results {
        assert_eq!(r.expect("parallel batch")[0], Reply::Stored);
    }
}

#[test]
fn writer_thread_is_used_when_available() {
    let d = common::Daemon::start(22362);
    let ep = Endpoint::Tcp { host: "127.0.0.1".into(), port: d.port };
    let mut conn = Conn::connect(&ep, Duration::from_secs(5)).expect("connect");
    let value = vec![b'w'; INLINE_WRITE_MAX * 2];
    let mut batch = Batch::new();
    batch.set(b"big2", 0, 0, &value).unwrap();
    let replies = execute(&mut conn, &batch).expect("batch");
    assert_eq!(replies, vec![Reply::Stored]);
}
