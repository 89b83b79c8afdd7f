//! Integration tests of the binary protocol against real memcached daemons
//! (ports 21240-21241 on 127.0.0.1): `-B binary` so an ASCII request would
//! fail, and `-B auto` (memcached's default) for the mixed case.

use std::time::Duration;

use php_memcache::wire::*;

mod common;
use common::Daemon;

// Per-syscall timeout of ordinary operations: generous, so a loaded CI machine
// does not turn a slow transfer of a large value into a failure.
const TIMEOUT: Duration = Duration::from_secs(10);


fn bin() -> Batch {
    Batch::with_protocol(Protocol::Binary)
}

fn item(key: &[u8], flags: u32, data: &[u8]) -> Item {
    Item { key: key.to_vec(), flags, cas: None, data: data.to_vec() }
}

#[test]
fn every_command_against_a_binary_only_daemon() {
    let d = Daemon::start_with(21240, &["-t", "2", "-B", "binary"]);
    let mut c = d.conn(TIMEOUT);
    let mut b = bin();
    b.flush_all(0).unwrap();
    b.set(b"k", 7, 0, b"v\r\nEND\r\n").unwrap();
    b.get(b"k").unwrap();
    b.get(b"missing").unwrap();
    b.add(b"k", 0, 0, b"x").unwrap();
    b.replace(b"nope", 0, 0, b"x").unwrap();
    b.append(b"nope", 0, 0, b"x").unwrap();
    b.set(b"n", 0, 0, b"5").unwrap();
    b.incr(b"n", 3).unwrap();
    b.decr(b"n", 100).unwrap();
    b.incr(b"no-counter", 1).unwrap(); // not created
    b.get(b"no-counter").unwrap();
    b.incr(b"k", 1).unwrap(); // non-numeric
    b.get_multi(&[b"k", b"missing", b"n"]).unwrap();
    b.touch(b"k", 100).unwrap();
    b.touch(b"missing", 100).unwrap();
    b.delete(b"n").unwrap();
    b.delete(b"n").unwrap();
    b.version().unwrap();
    let r = execute(&mut c, &b).unwrap();
    use Reply::*;
    assert_eq!(r[0], Ok);
    assert_eq!(r[1], Stored);
    assert_eq!(r[2], Values(vec![item(b"k", 7, b"v\r\nEND\r\n")]));
    assert_eq!(r[3], Values(vec![]));
    assert_eq!(r[4], NotStored);
    assert_eq!(r[5], NotStored);
    assert_eq!(r[6], NotStored);
    assert_eq!(r[7], Stored);
    assert_eq!(r[8], Number(8));
    assert_eq!(r[9], Number(0));
    assert_eq!(r[10], NotFound);
    assert_eq!(r[11], Values(vec![]));
    assert!(matches!(r[12], Error(ErrorKind::ClientError, _)), "{:?}", r[12]);
    assert_eq!(r[13], Values(vec![item(b"k", 7, b"v\r\nEND\r\n"), item(b"n", 0, b"0")]));
    assert_eq!(r[14], Touched);
    assert_eq!(r[15], NotFound);
    assert_eq!(r[16], Deleted);
    assert_eq!(r[17], NotFound);
    assert!(matches!(&r[18], Version(v) if !v.is_empty()));
    assert_eq!(r.len(), b.len());
    assert!(c.is_reusable());

    // gets + cas.
    let mut b = bin();
    b.gets(&[b"k"]).unwrap();
    let r = execute(&mut c, &b).unwrap();
    let Values(items) = &r[0] else { panic!("{r:?}") };
    let unique = items[0].cas.unwrap();
    let mut b = bin();
    b.cas(b"k", 1, 0, b"new", unique).unwrap();
    b.cas(b"k", 1, 0, b"newer", unique).unwrap();
    b.cas(b"gone", 1, 0, b"x", unique).unwrap();
    assert_eq!(execute(&mut c, &b).unwrap(), vec![Stored, Exists, NotFound]);

    // stats, with and without an argument; an unknown one is an error reply.
    let mut b = bin();
    b.stats(None).unwrap().stats(Some("settings")).unwrap().stats(Some("bogus")).unwrap();
    let r = execute(&mut c, &b).unwrap();
    assert!(matches!(&r[0], Stats(s) if s.iter().any(|(k, _)| k == "pid")));
    assert!(matches!(&r[1], Stats(s) if s.iter().any(|(k, _)| k == "maxconns")));
    assert!(matches!(&r[2], Error(..)));
    assert!(c.is_reusable());

    // A large value and a large multi-get.
    let big = vec![b'x'; 900_000];
    let keys: Vec<Vec<u8>> = (0..2000).map(|i| format!("key{i}").into_bytes()).collect();
    let mut b = bin();
    b.set(b"big", 0, 0, &big).unwrap();
    for k in &keys {
        b.set(k, 0, 0, k).unwrap();
    }
    let refs: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    b.get_multi(&refs).unwrap();
    b.get(b"big").unwrap();
    let r = execute(&mut c, &b).unwrap();
    assert!(matches!(&r[2001], Values(v) if v.len() == 2000));
    assert!(matches!(&r[2002], Values(v) if v[0].data == big));

    // An ASCII batch on this daemon fails (it only speaks binary).
    let mut a = Batch::new();
    a.version().unwrap();
    assert!(execute(&mut d.conn(TIMEOUT), &a).is_err());
}

#[test]
fn session_lock_protocol_and_mixed_protocols_on_auto() {
    let d = Daemon::start_with(21241, &["-t", "2", "-B", "auto"]);
    let mut c = d.conn(TIMEOUT);
    // lock + read as the session handler does: incr (not created), add, get.
    let lock = |b: &mut Batch| {
        b.incr(b"s.lock", 1).unwrap();
        b.add(b"s.lock", 0, 15, b"1").unwrap();
        b.get(b"s").unwrap();
    };
    let mut b = bin();
    lock(&mut b);
    assert_eq!(execute(&mut c, &b).unwrap(), vec![Reply::NotFound, Reply::Stored, Reply::Values(vec![])]);
    // Held: the second attempt's incr answers a number, add fails.
    let r = execute(&mut c, &b).unwrap();
    assert_eq!(r[0], Reply::Number(2));
    assert_eq!(r[1], Reply::NotStored);
    // A binary write is read back in ASCII, and the other way round.
    let mut w = bin();
    w.set(b"s", 3, 0, b"data").unwrap();
    execute(&mut c, &w).unwrap();
    let mut a = Batch::new();
    a.get(b"s").unwrap().set(b"t", 4, 0, b"ascii").unwrap();
    let mut ac = d.conn(TIMEOUT);
    assert_eq!(execute(&mut ac, &a).unwrap()[0], Reply::Values(vec![item(b"s", 3, b"data")]));
    let mut g = bin();
    g.get(b"t").unwrap();
    assert_eq!(execute(&mut c, &g).unwrap()[0], Reply::Values(vec![item(b"t", 4, b"ascii")]));
    // Parallel execution across connections keeps replies paired.
    let (mut c1, mut c2) = (d.conn(TIMEOUT), d.conn(TIMEOUT));
    let mut jobs = [(&mut c1, &g), (&mut c2, &b)];
    let rs = execute_parallel(&mut jobs);
    assert!(rs.iter().all(|r| r.is_ok()));
}

#[test]
fn binary_batch_golden_bytes_and_key_rules() {
    let mut b = bin();
    b.incr(b"n", 1).unwrap();
    assert_eq!(
        b.as_bytes(),
        [
            0x80, 0x05, 0, 1, 20, 0, 0, 0, 0, 0, 0, 21, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
            0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, b'n'
        ]
    );
    b.clear();
    b.get_multi(&[b"a", b"b"]).unwrap();
    let hdr = |op: u8, klen: u8, opaque: u8| {
        [0x80, op, 0, klen, 0, 0, 0, 0, 0, 0, 0, klen, 0, 0, 0, opaque, 0, 0, 0, 0, 0, 0, 0, 0]
    };
    let mut want = hdr(0x0d, 1, 0).to_vec();
    want.push(b'a');
    want.extend_from_slice(&hdr(0x0d, 1, 0));
    want.push(b'b');
    want.extend_from_slice(&hdr(0x0a, 0, 0));
    assert_eq!(b.as_bytes(), want.as_slice());
    assert_eq!(b.expect(0), Some(Expect::Values { cas: false, keys: KeyList::new(b"a b") }));
    b.clear();
    b.set(b"k", 1, 2, b"v").unwrap().append(b"k", 9, 9, b"w").unwrap().touch(b"k", 5).unwrap();
    let s = b.as_bytes();
    assert_eq!(&s[..24], &[0x80, 0x01, 0, 1, 8, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(&s[24..34], &[0, 0, 0, 1, 0, 0, 0, 2, b'k', b'v']);
    // append: no extras, opaque 1.
    assert_eq!(&s[34..58], &[0x80, 0x0e, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // touch: 4 bytes of exptime, opaque 2.
    assert_eq!(&s[60..84], &[0x80, 0x1c, 0, 1, 4, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(&s[84..], &[0, 0, 0, 5, b'k']);
    // Same key rules as ASCII.
    let before = b.clone();
    assert!(b.get(b"a b").is_err() && b.set(b"a\n", 0, 0, b"").is_err() && b.incr(b"", 1).is_err());
    assert!(b.stats(Some("a\r\n")).is_err());
    assert_eq!(b, before);
    // Credentials are only used in binary.
    let creds = Credentials::new(b"u", b"p");
    assert_eq!(bin().set_credentials(Some(creds.clone())).credentials(), Some(&creds));
    assert_eq!(Batch::new().set_credentials(Some(creds)).credentials(), None);
}
