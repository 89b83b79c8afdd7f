//! The hash ring (src/pool/ring.rs) against pecl memcache: its own algorithm
//! re-implemented literally, and placements observed on the real pecl
//! memcache (tests/vectors/gen_ring_vectors.php).

use php_memcache::pool::hash::HashFunction;
use php_memcache::pool::ring::*;

fn nodes<'a>(list: &[(&'a str, u32)]) -> Vec<RingNode<'a>> {
    list.iter()
        .map(|&(name, weight)| RingNode { name, weight })
        .collect()
}

fn ring(strategy: Strategy, hash: HashFunction, list: &[(&str, u32)]) -> Ring {
    Ring::new(strategy, hash, &nodes(list)).expect("valid ring")
}

/// pecl's own algorithm, literally: all points sorted (stable), binary search per bucket.
fn reference_consistent(hash: HashFunction, list: &[(&str, u32)]) -> Vec<usize> {
    let mut points = Vec::new();
    for (index, &(name, weight)) in list.iter().enumerate() {
        for i in 0..weight * CONSISTENT_POINTS {
            points.push((hash.hash(format!("{name}-{i}").as_bytes()), index));
        }
    }
    points.sort_by_key(|&(p, _)| p);
    (0..CONSISTENT_BUCKETS as u32)
        .map(|b| {
            let target = b * (u32::MAX / CONSISTENT_BUCKETS as u32);
            let at = points.partition_point(|&(p, _)| p < target);
            points.get(at).unwrap_or(&points[0]).1
        })
        .collect()
}

#[test]
fn placement_matches_pecl() {
    for (case, &(strategy, hash, list, expect)) in vectors::PLACEMENT.iter().enumerate() {
        assert_eq!(expect.len(), vectors::KEYS.len());
        let r = ring(strategy, hash, list);
        for (key, &want) in vectors::KEYS.iter().zip(expect) {
            assert_eq!(
                r.server_for(key),
                want,
                "case {case} {strategy:?} {hash:?} {list:?}, key {key:x?}"
            );
        }
    }
}

#[test]
fn session_sequence_matches_pecl() {
    for &(strategy, hash, list, id, order) in vectors::SESSION {
        let r = ring(strategy, hash, list);
        for want in 1..=order.len() {
            assert_eq!(
                r.session_sequence(id, usize::MAX, want),
                &order[..want],
                "{list:?} {id:x?}"
            );
        }
        // More copies asked than servers: each server once.
        assert_eq!(r.session_sequence(id, usize::MAX, order.len() + 2), order);
        // The first server is the node of "{id}-0", not of the id.
        assert_eq!(r.server_at(id, 0), order[0]);
    }
}

#[test]
fn api_sequence_matches_pecl() {
    for &(strategy, hash, list, max, key, redundancy, holders) in vectors::API_REDUNDANCY {
        let r = ring(strategy, hash, list);
        let seq = r.api_sequence(key, max, redundancy);
        assert_eq!(seq[0], r.server_for(key));
        let mut sorted = seq.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted, holders,
            "{list:?} max {max} key {key:x?} redundancy {redundancy}"
        );
    }
}

#[test]
fn consistent_table_equals_sorted_points_search() {
    let cases: &[&[(&str, u32)]] = &[
        &[("127.0.0.1:11211", 1), ("127.0.0.1:11212", 1)],
        &[("a:1", 1), ("b:2", 2), ("c:3", 3), ("d:4", 1)],
        &[("unix:///tmp/m.sock:0", 1), ("localhost:11211", 5)],
        &[
            ("10.0.0.1:11211", 1),
            ("10.0.0.2:11211", 1),
            ("10.0.0.3:11211", 1),
            ("10.0.0.4:11211", 1),
            ("10.0.0.5:11211", 1),
            ("10.0.0.6:11211", 1),
            ("10.0.0.7:11211", 1),
            ("10.0.0.8:11211", 1),
        ],
        // Duplicated server: every point ties, the first one added wins.
        &[("h:1", 1), ("h:1", 1)],
    ];
    for hash in [HashFunction::Crc32, HashFunction::Fnv] {
        for list in cases {
            let r = ring(Strategy::Consistent, hash, list);
            let ours = r.consistent_buckets().expect("a consistent ring");
            let reference = reference_consistent(hash, list);
            assert_eq!(ours, reference, "{hash:?} {list:?}");
        }
    }
}

#[test]
fn consistent_uses_hash_mod_1024() {
    let list = [
        ("127.0.0.1:21211", 1),
        ("127.0.0.1:21212", 1),
        ("127.0.0.1:21213", 1),
    ];
    let r = ring(Strategy::Consistent, HashFunction::Crc32, &list);
    let reference = reference_consistent(HashFunction::Crc32, &list);
    for i in 0..2000 {
        let key = format!("k{i}");
        let h = HashFunction::Crc32.hash(key.as_bytes());
        assert_eq!(r.server_for(key.as_bytes()), reference[h as usize % 1024]);
    }
}

#[test]
fn standard_buckets_and_zero_hash() {
    let r = ring(
        Strategy::Standard,
        HashFunction::Crc32,
        &[("a:1", 2), ("b:1", 1), ("c:1", 3)],
    );
    let buckets = [0, 0, 1, 2, 2, 2];
    for i in 0..2000 {
        let key = format!("k{i}");
        let mut h = (HashFunction::Crc32.hash(key.as_bytes()) >> 16) & 0x7fff;
        if h == 0 {
            h = 1;
        }
        assert_eq!(r.server_for(key.as_bytes()), buckets[h as usize % 6]);
    }
    // h == 0 is read as 1: with two single-weight nodes, 1 % 2 picks the second.
    let r = ring(
        Strategy::Standard,
        HashFunction::Crc32,
        &[("a:1", 1), ("b:1", 1)],
    );
    assert_eq!(r.lookup(0x0000_1234), 1);
    assert_eq!(r.lookup(0x8000_ffff), 1);
    assert_eq!(r.lookup(0x0002_0000), 0);
}

#[test]
fn standard_large_weights_only_reach_first_32767_buckets() {
    let r = ring(
        Strategy::Standard,
        HashFunction::Fnv,
        &[("a:1", 40_000), ("b:1", 10)],
    );
    assert_eq!(r.reachable(), 1);
    for i in 0..500 {
        assert_eq!(r.server_for(format!("k{i}").as_bytes()), 0);
    }
    assert_eq!(r.session_sequence(b"x", usize::MAX, 2), vec![0]);
}

#[test]
fn single_node_takes_everything() {
    for strategy in [Strategy::Consistent, Strategy::Standard] {
        let r = ring(strategy, HashFunction::Crc32, &[("127.0.0.1:11211", 3)]);
        for i in 0..100 {
            assert_eq!(r.server_for(format!("k{i}").as_bytes()), 0);
        }
        assert_eq!(r.session_sequence(b"s", usize::MAX, 2), vec![0]);
        assert_eq!(r.api_sequence(b"s", 20, 3), vec![0]);
    }
}

#[test]
fn errors_are_values() {
    let none: [RingNode<'_>; 0] = [];
    assert_eq!(
        Ring::new(Strategy::Consistent, HashFunction::Crc32, &none).unwrap_err(),
        RingError::NoNodes
    );
    assert_eq!(
        Ring::new(
            Strategy::Standard,
            HashFunction::Crc32,
            &nodes(&[("a:1", 1), ("b:1", 0)])
        )
        .unwrap_err(),
        RingError::ZeroWeight { index: 1 }
    );
    assert_eq!(
        Ring::new(
            Strategy::Consistent,
            HashFunction::Fnv,
            &nodes(&[("a:1", 65_536), ("b:1", 1)])
        )
        .unwrap_err(),
        RingError::WeightTooLarge { total: 65_537 }
    );
    assert!(!RingError::NoNodes.to_string().is_empty());
}

#[test]
fn sequence_positions_are_key_dash_n() {
    let list = [
        ("127.0.0.1:21211", 1),
        ("127.0.0.1:21212", 1),
        ("127.0.0.1:21213", 1),
    ];
    for strategy in [Strategy::Consistent, Strategy::Standard] {
        let r = ring(strategy, HashFunction::Fnv, &list);
        for n in [0usize, 1, 9, 10, 12345] {
            assert_eq!(
                r.server_at(b"key", n),
                r.server_for(format!("key-{n}").as_bytes())
            );
        }
        // pecl prints its unsigned index with %d.
        assert_eq!(
            r.server_at(b"key", 0x8000_0000),
            r.server_for(b"key--2147483648")
        );
    }
}

#[test]
fn session_sequence_respects_limits() {
    let r = ring(
        Strategy::Consistent,
        HashFunction::Crc32,
        vectors::PLACEMENT[13].2,
    );
    assert_eq!(r.session_sequence(b"abc", 0, 3), Vec::<usize>::new());
    assert_eq!(
        r.session_sequence(b"abc", 1, 3),
        vec![r.server_at(b"abc", 0)]
    );
    assert_eq!(
        r.session_sequence(b"abc", usize::MAX, 0),
        Vec::<usize>::new()
    );
    let all = r.session_sequence(b"abc", usize::MAX, 100);
    let mut sorted = all.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn node_name_format() {
    assert_eq!(node_name("127.0.0.1", 11211), "127.0.0.1:11211");
    assert_eq!(
        node_name("unix:///var/run/memcached.sock", 0),
        "unix:///var/run/memcached.sock:0"
    );
    assert_eq!(node_name("[::1]", 11211), "[::1]:11211");
}

/// `cargo test -- --ignored --nocapture timing`: build and lookup cost, printed only.
#[test]
#[ignore]
fn timing() {
    use std::time::Instant;
    let names: Vec<String> = (0..20).map(|i| format!("10.0.0.{i}:11211")).collect();
    let list: Vec<RingNode<'_>> = names
        .iter()
        .map(|n| RingNode { name: n, weight: 1 })
        .collect();
    let keys: Vec<String> = (0..1_000_000)
        .map(|i| format!("user:session:{i}"))
        .collect();
    for strategy in [Strategy::Consistent, Strategy::Standard] {
        for hash in [HashFunction::Crc32, HashFunction::Fnv] {
            let t = Instant::now();
            let r = Ring::new(strategy, hash, &list).unwrap();
            let build = t.elapsed();
            let t = Instant::now();
            let mut acc = 0usize;
            for k in &keys {
                acc = acc.wrapping_add(r.server_for(k.as_bytes()));
            }
            let per = t.elapsed() / keys.len() as u32;
            let t = Instant::now();
            for k in keys.iter().take(100_000) {
                acc = acc.wrapping_add(r.session_sequence(k.as_bytes(), usize::MAX, 2).len());
            }
            let seq = t.elapsed() / 100_000;
            println!("{strategy:?}/{hash:?}: 20 nodes build {build:?}, server_for {per:?}/key, session_sequence(2) {seq:?} ({acc})");
        }
    }
    let big: Vec<RingNode<'_>> = names
        .iter()
        .map(|n| RingNode {
            name: n,
            weight: 100,
        })
        .collect();
    let t = Instant::now();
    let _ = Ring::new(Strategy::Consistent, HashFunction::Crc32, &big).unwrap();
    println!(
        "consistent build, 20 nodes x weight 100 (320k points): {:?}",
        t.elapsed()
    );
}

/// Observed on the real pecl memcache. Regenerate with tests/vectors/gen_ring_vectors.php.
#[rustfmt::skip]
#[allow(clippy::type_complexity)]
mod vectors {
    use php_memcache::pool::hash::HashFunction;
    use php_memcache::pool::ring::Strategy;

    // ---- generated by tests/vectors/gen_ring_vectors.php (pecl memcache 4.0.5.2) ----
    pub const KEYS: &[&[u8]] = &[
        b"key0",
        b"key1",
        b"key2",
        b"key3",
        b"key4",
        b"key5",
        b"key6",
        b"key7",
        b"key8",
        b"key9",
        b"key10",
        b"key11",
        b"key12",
        b"key13",
        b"key14",
        b"key15",
        b"key16",
        b"key17",
        b"key18",
        b"key19",
        b"a",
        b"0",
        b"Key0",
        b"user:1",
        b"user:1000",
        b"session_abc123",
        b"foo.bar",
        b"~!@#$%^&*()",
        b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        b"ring-94",
        b"ring-144",
        b"ring-214",
        b"ring-223",
        b"ring-40",
        b"ring-272",
        b"\xc3\xa9-0",
        b"\xc3\xa9-1",
        b"\xe9-0",
        b"\xe9-1",
        b"\xe9-3",
        b"\xe2\x82\xac-0",
        b"\xe2\x82\xac-2",
        b"\xff",
        b"\x80\xff",
        b"\x7f",
        b"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
        b"\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87",
        b"a-0",
        b"key0-0",
        b"ZZZ",
        b"127.0.0.1:21211-0",
    ];

    /// (strategy, hash, nodes (name, weight), server index of each KEYS entry): MemcachePool::set
    pub const PLACEMENT: &[(Strategy, HashFunction, &[(&str, u32)], &[usize])] = &[
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)],
         &[1, 1, 1, 1, 2, 2, 2, 1, 0, 2, 1, 2, 0, 1, 0, 0, 2, 0, 1, 0, 2, 1, 2, 1, 1, 2, 2, 1, 0, 2, 2, 2, 1, 0, 2, 2, 0, 2, 0, 0, 1, 2, 2, 2, 1, 0, 2, 0, 2, 0, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)],
         &[0, 1, 2, 1, 1, 2, 1, 1, 0, 2, 0, 1, 1, 1, 0, 1, 1, 2, 1, 0, 1, 2, 1, 2, 1, 1, 0, 1, 1, 2, 0, 2, 0, 0, 0, 0, 2, 1, 0, 0, 2, 2, 1, 0, 1, 2, 1, 0, 2, 1, 1]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)],
         &[2, 1, 0, 1, 2, 2, 1, 0, 0, 1, 1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 2, 2, 0, 0, 0, 2, 1, 0, 2, 2, 2, 2, 2, 0, 2, 2, 2, 2, 0, 2, 0, 2, 1, 1, 1, 0, 1, 2, 2, 0, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)],
         &[2, 0, 1, 2, 1, 2, 0, 1, 0, 1, 2, 1, 0, 2, 1, 0, 2, 1, 1, 0, 1, 2, 2, 0, 0, 1, 1, 0, 0, 0, 2, 0, 0, 0, 2, 2, 0, 0, 2, 0, 0, 1, 1, 2, 2, 2, 0, 1, 0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)],
         &[1, 1, 1, 1, 2, 2, 1, 1, 2, 1, 1, 2, 2, 1, 2, 0, 1, 0, 1, 1, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 1, 2, 2, 1, 0, 2, 0, 0, 2, 1, 1, 2, 2, 2, 2, 0, 2, 2, 1]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)],
         &[0, 1, 2, 2, 1, 2, 1, 1, 0, 1, 0, 2, 1, 1, 0, 2, 2, 2, 1, 0, 2, 2, 2, 2, 2, 2, 0, 1, 1, 2, 0, 1, 0, 0, 0, 0, 2, 1, 0, 0, 2, 2, 2, 0, 1, 2, 1, 0, 1, 2, 1]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)],
         &[2, 2, 2, 2, 1, 2, 2, 2, 0, 1, 2, 1, 2, 2, 1, 0, 1, 0, 1, 2, 2, 2, 2, 2, 0, 2, 1, 2, 1, 1, 1, 2, 1, 2, 1, 1, 2, 2, 0, 1, 2, 2, 2, 2, 2, 2, 1, 2, 1, 0, 1]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 3), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 2)],
         &[0, 0, 2, 0, 2, 0, 0, 2, 0, 2, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1, 2, 0, 0, 0, 0, 0, 2, 0, 0, 1, 0, 1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("localhost:21212", 1), ("localhost:21213", 1)],
         &[0, 2, 1, 2, 0, 1, 0, 0, 2, 1, 2, 1, 1, 2, 1, 0, 0, 0, 0, 0, 1, 2, 1, 0, 2, 0, 0, 1, 0, 2, 2, 0, 0, 0, 0, 0, 0, 2, 2, 1, 2, 1, 1, 2, 2, 1, 1, 1, 0, 0, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)],
         &[0, 1, 2, 0, 1, 2, 1, 0, 1, 2, 0, 0, 1, 1, 2, 0, 0, 2, 1, 2, 0, 2, 0, 2, 0, 0, 0, 1, 1, 2, 0, 2, 1, 2, 2, 1, 2, 1, 2, 0, 2, 2, 0, 2, 1, 2, 1, 2, 2, 1, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)],
         &[2, 2, 2, 0, 2, 0, 0, 2, 0, 2, 2, 2, 0, 2, 1, 1, 1, 1, 0, 1, 1, 2, 0, 0, 0, 0, 1, 2, 1, 0, 0, 2, 2, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 2, 0, 0, 1, 0, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)],
         &[0, 2, 1, 2, 1, 1, 2, 1, 0, 0, 0, 1, 2, 1, 0, 1, 1, 1, 2, 0, 1, 0, 1, 0, 2, 1, 0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 1, 2, 0, 0, 1, 0, 2, 0, 2, 2, 2, 0, 0, 2, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)],
         &[2, 1, 0, 1, 2, 2, 1, 0, 0, 1, 1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 2, 2, 0, 0, 0, 2, 1, 0, 2, 2, 2, 2, 2, 0, 2, 2, 2, 2, 0, 2, 0, 2, 1, 1, 1, 0, 1, 2, 2, 0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)],
         &[1, 4, 1, 4, 5, 5, 2, 1, 3, 4, 1, 2, 4, 1, 0, 5, 2, 0, 1, 5, 2, 1, 2, 1, 4, 4, 2, 1, 0, 4, 5, 5, 5, 3, 2, 2, 0, 2, 0, 0, 4, 4, 4, 5, 4, 5, 2, 5, 5, 0, 3]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)],
         &[2, 0, 4, 2, 4, 2, 0, 4, 0, 4, 5, 1, 3, 5, 1, 3, 5, 1, 1, 3, 4, 2, 2, 0, 0, 1, 4, 0, 0, 3, 2, 3, 3, 0, 2, 5, 3, 0, 2, 0, 3, 1, 1, 5, 2, 2, 0, 1, 3, 4, 2]),
    ];

    /// (strategy, hash, nodes, session id, distinct servers in sequence order): session writes with
    /// memcache.session_redundancy = 1, 2, 3 hold exactly the first 1, 2, 3 of these.
    pub const SESSION: &[(Strategy, HashFunction, &[(&str, u32)], &[u8], &[usize])] = &[
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess0", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess1", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess2", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess3", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess4", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess5", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess6", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess7", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"abcdef0123456789abcdef0123", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"S-1", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"a,b", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess0", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess1", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess2", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess3", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess4", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess5", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess6", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess7", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"abcdef0123456789abcdef0123", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"S-1", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"a,b", &[1, 2, 0]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess0", &[0, 2, 1]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess1", &[0, 1, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess2", &[1, 0, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess3", &[1, 0, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess4", &[1, 2, 0]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess5", &[0, 1, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess6", &[0, 2, 1]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess7", &[1, 2, 0]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"abcdef0123456789abcdef0123", &[1, 2, 0]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[1, 0, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"S-1", &[0, 1, 2]),
        (Strategy::Standard, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"a,b", &[1, 2, 0]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess0", &[0, 1, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess1", &[2, 1, 0]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess2", &[2, 0, 1]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess3", &[2, 1, 0]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess4", &[1, 2, 0]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess5", &[2, 1, 0]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess6", &[2, 0, 1]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"sess7", &[0, 2, 1]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"abcdef0123456789abcdef0123", &[1, 0, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[0, 1, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"S-1", &[2, 1, 0]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], b"a,b", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess0", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess1", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess2", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess3", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess4", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess5", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess6", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"sess7", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"abcdef0123456789abcdef0123", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"q1w2e3r4t5y6u7i8o9p0", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"S-1", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 2), ("127.0.0.1:21213", 3)], b"a,b", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess0", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess1", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess2", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess3", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess4", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess5", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess6", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"sess7", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"abcdef0123456789abcdef0123", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"S-1", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("localhost:21211", 1), ("127.0.0.1:21212", 1), ("localhost:21213", 1)], b"a,b", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess0", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess1", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess2", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess3", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess4", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess5", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess6", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"sess7", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"abcdef0123456789abcdef0123", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"S-1", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Crc32, &[("unix:///tmp/gen_ring_vectors_mc.sock:0", 1), ("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1)], b"a,b", &[2, 0, 1]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess0", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess1", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess2", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess3", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess4", &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess5", &[1, 0, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess6", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"sess7", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"abcdef0123456789abcdef0123", &[2, 1, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"q1w2e3r4t5y6u7i8o9p0", &[0, 2, 1]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"S-1", &[1, 2, 0]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("unix:///tmp/gen_ring_vectors_mc.sock:0", 2), ("127.0.0.1:21212", 1)], b"a,b", &[2, 1, 0]),
    ];

    /// (strategy, hash, nodes, max_failover_attempts, key, redundancy, servers holding a copy, sorted):
    /// MemcachePool::set with memcache.redundancy.
    pub const API_REDUNDANCY: &[(Strategy, HashFunction, &[(&str, u32)], usize, &[u8], usize, &[usize])] = &[
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key0", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key0", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key1", 2, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key1", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key2", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key2", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key3", 2, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key3", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key4", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key4", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key5", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key5", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key6", 2, &[0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key6", 3, &[0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key7", 2, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key7", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key8", 2, &[0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key8", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key9", 2, &[0, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key9", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key10", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key10", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key11", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1)], 20, b"key11", 3, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key0", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key0", 3, &[0, 1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key0", 4, &[0, 1, 3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key1", 2, &[3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key1", 3, &[0, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key1", 4, &[0, 3, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key2", 2, &[1, 3]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key2", 3, &[1, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key2", 4, &[0, 1, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key3", 2, &[0, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key3", 3, &[0, 1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key3", 4, &[0, 1, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key4", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key4", 3, &[1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key4", 4, &[1, 2, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key5", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key5", 3, &[1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key5", 4, &[0, 1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key6", 2, &[2, 3]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key6", 3, &[2, 3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key6", 4, &[2, 3, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key7", 2, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key7", 3, &[0, 1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key7", 4, &[0, 1, 2, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key8", 2, &[3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key8", 3, &[1, 3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key8", 4, &[1, 3, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key9", 2, &[3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key9", 3, &[0, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key9", 4, &[0, 3, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key10", 2, &[1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key10", 3, &[0, 1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key10", 4, &[0, 1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key11", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key11", 3, &[1, 2, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key11", 4, &[0, 1, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key0", 2, &[2, 3]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key0", 3, &[2, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key0", 4, &[1, 2, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key1", 2, &[0, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key1", 3, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key1", 4, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key2", 2, &[0, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key2", 3, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key2", 4, &[0, 2, 3, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key3", 2, &[2, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key3", 3, &[2, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key3", 4, &[1, 2, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key4", 2, &[0, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key4", 3, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key4", 4, &[0, 1, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key5", 2, &[1, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key5", 3, &[1, 2, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key5", 4, &[1, 2, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key6", 2, &[0, 3]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key6", 3, &[0, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key6", 4, &[0, 1, 3, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key7", 2, &[2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key7", 3, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key7", 4, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key8", 2, &[0, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key8", 3, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key8", 4, &[0, 2, 4, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key9", 2, &[2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key9", 3, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key9", 4, &[0, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key10", 2, &[4, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key10", 3, &[2, 4, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key10", 4, &[0, 2, 4, 5]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key11", 2, &[1, 2]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key11", 3, &[1, 2, 4]),
        (Strategy::Standard, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 20, b"key11", 4, &[0, 1, 2, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key0", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key0", 3, &[0, 1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key0", 4, &[0, 1, 3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key1", 2, &[3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key1", 3, &[3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key1", 4, &[0, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key2", 2, &[1, 3]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key2", 3, &[1, 3]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key2", 4, &[1, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key3", 2, &[0, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key3", 3, &[0, 1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key3", 4, &[0, 1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key4", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key4", 3, &[1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key4", 4, &[1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key5", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key5", 3, &[1, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key5", 4, &[1, 4, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key6", 2, &[2, 3]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key6", 3, &[2, 3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key6", 4, &[2, 3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key7", 2, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key7", 3, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key7", 4, &[0, 1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key8", 2, &[3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key8", 3, &[3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key8", 4, &[3, 5]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key9", 2, &[3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key9", 3, &[3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key9", 4, &[0, 3, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key10", 2, &[1]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key10", 3, &[1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key10", 4, &[1, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key11", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key11", 3, &[1, 2, 4]),
        (Strategy::Consistent, HashFunction::Crc32, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 1, b"key11", 4, &[1, 2, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key0", 2, &[0, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key0", 3, &[0, 2, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key0", 4, &[0, 1, 2, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key1", 2, &[2, 3]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key1", 3, &[1, 2, 3]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key1", 4, &[1, 2, 3, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key2", 2, &[4, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key2", 3, &[4, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key2", 4, &[0, 4, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key3", 2, &[1, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key3", 3, &[1, 2, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key3", 4, &[1, 2, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key4", 2, &[3, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key4", 3, &[3, 4, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key4", 4, &[2, 3, 4, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key5", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key5", 3, &[1, 3, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key5", 4, &[1, 3, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key6", 2, &[1, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key6", 3, &[1, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key6", 4, &[1, 2, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key7", 2, &[0, 3]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key7", 3, &[0, 3]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key7", 4, &[0, 3, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key8", 2, &[0, 3]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key8", 3, &[0, 3, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key8", 4, &[0, 1, 3, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key9", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key9", 3, &[1, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key9", 4, &[0, 1, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key10", 2, &[0, 3]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key10", 3, &[0, 3, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key10", 4, &[0, 1, 3, 5]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key11", 2, &[1, 2]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key11", 3, &[1, 2, 4]),
        (Strategy::Consistent, HashFunction::Fnv, &[("127.0.0.1:21211", 1), ("127.0.0.1:21212", 1), ("127.0.0.1:21213", 1), ("127.0.0.1:21214", 1), ("127.0.0.1:21215", 1), ("127.0.0.1:21216", 1)], 2, b"key11", 4, &[1, 2, 4, 5]),
    ];
    // ---- end of generated vectors ----
}
