//! Which server holds a key: pecl memcache's `memcache.hash_strategy` (consistent or standard)
//! and its failover sequence.
//!
//! During a rolling upgrade, web servers running pecl memcache and web servers running this
//! extension share one memcached pool, so both must send every key to the same server and put
//! mirrors (memcache.redundancy / memcache.session_redundancy) on the same servers. Everything here
//! reproduces pecl memcache 4.0.x (`memcache_consistent_hash.c`, `memcache_standard_hash.c`,
//! `mmc_pool_find_next`, `mmc_pool_schedule_key`, `ps_write_memcache`) and is pinned by vectors
//! observed on the real extension (`tests/vectors/gen_ring_vectors.php`).
//!
//! **Nodes.** A node is named `"{host}:{port}"` with the host exactly as the user wrote it
//! (`localhost` and `127.0.0.1` are different rings; case is kept; an IPv6 host keeps its
//! brackets, `[::1]:11211`) and the port as a decimal number, `0` when the save path gives none.
//! A unix socket (`unix:///path`, `unix:/path`, `file:///path` in a save path, or the host
//! `unix:///path` given to addServer) is named `unix:///path:0`. [`node_name`] builds it.
//!
//! **Consistent** (the default). Node n contributes `weight x 160` points; point i is
//! `hash("{name}-{i}")`, i counting from 0. 1024 buckets are precomputed: bucket b belongs to the
//! node owning the smallest point >= `b x 4194303` (`0xffffffff / 1024`), or the smallest point
//! of all when there is none. A key goes to bucket `hash(key) % 1024`. One node takes every key.
//!
//! **Standard.** The nodes in order, each repeated weight times, form the bucket list;
//! `h = (hash(key) >> 16) & 0x7fff`, 0 counts as 1, and the key goes to bucket `h % len`.
//!
//! **Failover sequence.** Position n (n = 0, 1, ...) is the node of the key `"{key}-{n}"`
//! ([`Ring::server_at`]). Sessions take their servers from position 0 on
//! ([`Ring::session_sequence`]); the Memcache API takes the node of `key` itself, then positions
//! 0, 1, ... for its mirrors ([`Ring::api_sequence`]).
//!
//! Lookups are one hash plus a table index. Bad input (no node, a zero weight, absurd weights) is
//! a [`RingError`], never a panic. Which servers are alive is the caller's business: this module
//! only says which server pecl would pick.

use std::fmt;

use super::hash::HashFunction;

/// Points per unit of weight on the consistent ring (`MMC_CONSISTENT_POINTS`).
pub const CONSISTENT_POINTS: u32 = 160;
/// Buckets of the consistent ring (`MMC_CONSISTENT_BUCKETS`).
pub const CONSISTENT_BUCKETS: usize = 1024;
/// Largest accepted sum of weights. pecl has no limit (it allocates `weight x 160` points per
/// server); the cap keeps a typo like `weight=100000000` from stalling ring construction.
pub const MAX_TOTAL_WEIGHT: u64 = 65_536;

/// Distance between two consecutive bucket targets: `0xffffffff / 1024`.
const BUCKET_STEP: u32 = u32::MAX / CONSISTENT_BUCKETS as u32;
/// Number of distinct values of the standard strategy's 15-bit hash.
const STANDARD_HASH_SPACE: usize = 0x8000;

/// A `memcache.hash_strategy` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Strategy {
    /// `consistent` (pecl's default).
    #[default]
    Consistent,
    /// `standard`.
    Standard,
}

/// One server as the ring sees it, in the order the servers were added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RingNode<'a> {
    /// `"{host}:{port}"`, see [`node_name`].
    pub name: &'a str,
    /// Weight (> 0).
    pub weight: u32,
}

/// The name pecl gives a server on the ring: `"{host}:{port}"` (its `"%s:%d"`).
///
/// `host` must be exactly as written in `session.save_path` (after the scheme, brackets kept for
/// IPv6) or as passed to addServer(); `port` is the port actually parsed, 0 when a `tcp://` URL
/// has none (pecl does not substitute memcache.default_port there). Unix sockets: host
/// `unix:///path`, port 0.
pub fn node_name(host: &str, port: u16) -> String {
    format!("{host}:{port}")
}

/// Why a ring cannot be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RingError {
    /// No node at all.
    NoNodes,
    /// The node at this index has weight 0 (pecl refuses such a server).
    ZeroWeight { index: usize },
    /// The weights add up to more than [`MAX_TOTAL_WEIGHT`].
    WeightTooLarge { total: u64 },
}

impl fmt::Display for RingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RingError::NoNodes => write!(f, "no memcached server configured"),
            RingError::ZeroWeight { index } => {
                write!(
                    f,
                    "memcached server #{index} has weight 0, weight must be > 0"
                )
            }
            RingError::WeightTooLarge { total } => write!(
                f,
                "server weights add up to {total}, more than the supported {MAX_TOTAL_WEIGHT}"
            ),
        }
    }
}

impl std::error::Error for RingError {}

/// The lookup table.
#[derive(Clone, Debug)]
enum Table {
    /// One node: pecl returns it without hashing.
    Single,
    /// Consistent: node index of each of the 1024 buckets.
    Consistent(Box<[u32; CONSISTENT_BUCKETS]>),
    /// Standard: node index of the first `min(total weight, 32768)` buckets (the 15-bit hash
    /// never reaches further) and the real bucket count, the modulus.
    Standard { buckets: Vec<u32>, modulus: u32 },
}

/// A built ring: maps keys to node indexes (indexes into the `nodes` given to [`Ring::new`]).
#[derive(Clone, Debug)]
pub struct Ring {
    strategy: Strategy,
    hash: HashFunction,
    nodes: usize,
    /// Number of distinct nodes some key can reach (a node may own no bucket at all).
    reachable: usize,
    table: Table,
}

impl Ring {
    /// Build the ring for `nodes`, in the order the servers were added.
    pub fn new(
        strategy: Strategy,
        hash: HashFunction,
        nodes: &[RingNode<'_>],
    ) -> Result<Ring, RingError> {
        if nodes.is_empty() {
            return Err(RingError::NoNodes);
        }
        if let Some(index) = nodes.iter().position(|n| n.weight == 0) {
            return Err(RingError::ZeroWeight { index });
        }
        let total: u64 = nodes.iter().map(|n| u64::from(n.weight)).sum();
        if total > MAX_TOTAL_WEIGHT {
            return Err(RingError::WeightTooLarge { total });
        }
        let table = if nodes.len() == 1 {
            Table::Single
        } else {
            match strategy {
                Strategy::Consistent => Table::Consistent(consistent_buckets(hash, nodes)),
                Strategy::Standard => standard_buckets(nodes, total),
            }
        };
        let reachable = match &table {
            Table::Single => 1,
            Table::Consistent(buckets) => count_distinct(buckets.iter().copied(), nodes.len()),
            Table::Standard { buckets, modulus } => count_distinct(
                (1..STANDARD_HASH_SPACE as u32).map(|h| buckets[(h % modulus) as usize]),
                nodes.len(),
            ),
        };
        Ok(Ring {
            strategy,
            hash,
            nodes: nodes.len(),
            reachable,
            table,
        })
    }

    /// The strategy this ring was built with.
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }

    /// The hash function this ring was built with.
    pub fn hash_function(&self) -> HashFunction {
        self.hash
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes
    }

    /// The node holding `key` (pecl's `find_server`): one hash and a table lookup.
    pub fn server_for(&self, key: &[u8]) -> usize {
        self.lookup(self.hash.hash(key))
    }

    /// Position `position` of the failover sequence of `key`: the node of `"{key}-{position}"`
    /// (pecl's `sprintf("%s-%d", key, index)`; the index is a C `unsigned int` printed with `%d`,
    /// reproduced here although no real sequence gets that long).
    ///
    /// Building block for liveness-aware walks. pecl, for the Memcache API: when the node of
    /// `key` is down (and allow_failover is on) it tries positions 0, 1, ... until a live node,
    /// at least one and at most memcache.max_failover_attempts positions, without skipping
    /// anything; a request failing on a server continues through positions, skipping the servers
    /// that already failed, up to max_failover_attempts.
    pub fn server_at(&self, key: &[u8], position: usize) -> usize {
        let mut digits = [0u8; 11];
        let digits = format_c_int(position as u32 as i32, &mut digits);
        self.lookup(self.hash.hash_parts(&[key, b"-", digits]))
    }

    /// Distinct nodes for a session key: positions 0, 1, 2, ... of the failover sequence (the
    /// node of the bare key is NOT used), skipping repeats, until `want` nodes are found, every
    /// reachable node is found, or `max_attempts` positions were looked at.
    ///
    /// pecl's session write (`ps_write_memcache`) stores the session on exactly
    /// `min(memcache.session_redundancy, number of servers)` distinct servers in this order, and
    /// does NOT stop after memcache.max_failover_attempts positions (a repeat never counts); pass
    /// `usize::MAX` to reproduce it. Note that pecl counts a dead server as one of the copies
    /// (it is taken from the sequence, then skipped because it is down).
    pub fn session_sequence(&self, key: &[u8], max_attempts: usize, want: usize) -> Vec<usize> {
        let want = want.min(self.reachable);
        let mut out = Vec::with_capacity(want);
        let mut position = 0;
        while out.len() < want && position < max_attempts {
            let server = self.server_at(key, position);
            if !out.contains(&server) {
                out.push(server);
            }
            position += 1;
        }
        out
    }

    /// Distinct nodes the Memcache API writes `key` to with memcache.redundancy = `want` and
    /// memcache.max_failover_attempts = `max_attempts` (pecl's `mmc_pool_schedule_key`): first
    /// [`server_for`](Self::server_for)`(key)`, then the failover sequence from position 0 on,
    /// skipping nodes already chosen.
    ///
    /// Exactly pecl's loop: `min(want, nodes) - 1` mirror lookups; each one walks positions
    /// while it hits an already chosen node and fewer than `max_attempts` positions were used
    /// in total, but always looks at one position even when the budget is spent. A lookup that
    /// ends on an already chosen node adds nothing (pecl sends a duplicate request to it). So
    /// with small `max_attempts` fewer than `want` nodes may come back.
    pub fn api_sequence(&self, key: &[u8], max_attempts: usize, want: usize) -> Vec<usize> {
        if want == 0 {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(want.min(self.nodes));
        out.push(self.server_for(key));
        let mut position = 0;
        for _ in 1..want.min(self.nodes) {
            let mut server;
            loop {
                server = self.server_at(key, position);
                position += 1;
                if !out.contains(&server) || position >= max_attempts {
                    break;
                }
            }
            if !out.contains(&server) {
                out.push(server);
            }
        }
        out
    }

    fn lookup(&self, hash: u32) -> usize {
        match &self.table {
            Table::Single => 0,
            Table::Consistent(buckets) => buckets[hash as usize % CONSISTENT_BUCKETS] as usize,
            Table::Standard { buckets, modulus } => {
                let h = match (hash >> 16) & 0x7fff {
                    0 => 1,
                    h => h,
                };
                buckets[(h % modulus) as usize] as usize
            }
        }
    }
}

/// Consistent buckets without sorting: keep the smallest point (first one added on ties) of each
/// interval `[k x step, (k+1) x step)`; bucket b then belongs to the first non-empty interval
/// k >= b, or to the smallest point of all. This equals pecl's qsort (glibc's is a stable merge
/// sort) followed by its binary search for the first point >= `b x step`.
fn consistent_buckets(
    hash: HashFunction,
    nodes: &[RingNode<'_>],
) -> Box<[u32; CONSISTENT_BUCKETS]> {
    let mut interval_min: [Option<(u32, u32)>; CONSISTENT_BUCKETS] = [None; CONSISTENT_BUCKETS];
    let mut key = Vec::with_capacity(64);
    for (index, node) in nodes.iter().enumerate() {
        key.clear();
        key.extend_from_slice(node.name.as_bytes());
        key.push(b'-');
        let prefix = key.len();
        for i in 0..node.weight * CONSISTENT_POINTS {
            key.truncate(prefix);
            let mut digits = [0u8; 11];
            key.extend_from_slice(format_c_int(i as i32, &mut digits));
            let point = hash.hash(&key);
            // Points at or above 1024 x step still only serve bucket 1023 and below.
            let k = ((point / BUCKET_STEP) as usize).min(CONSISTENT_BUCKETS - 1);
            match interval_min[k] {
                Some((p, _)) if p <= point => {}
                _ => interval_min[k] = Some((point, index as u32)),
            }
        }
    }
    // The smallest point of all: the minimum of the first non-empty interval.
    let wrap = interval_min
        .iter()
        .flatten()
        .next()
        .map_or(0, |&(_, node)| node);
    let mut buckets = Box::new([0u32; CONSISTENT_BUCKETS]);
    let mut next = wrap;
    for b in (0..CONSISTENT_BUCKETS).rev() {
        if let Some((_, node)) = interval_min[b] {
            next = node;
        }
        buckets[b] = next;
    }
    buckets
}

/// Standard buckets: each node repeated weight times, truncated to the reachable prefix.
fn standard_buckets(nodes: &[RingNode<'_>], total: u64) -> Table {
    let len = (total as usize).min(STANDARD_HASH_SPACE);
    let mut buckets = Vec::with_capacity(len);
    'fill: for (index, node) in nodes.iter().enumerate() {
        for _ in 0..node.weight {
            if buckets.len() == len {
                break 'fill;
            }
            buckets.push(index as u32);
        }
    }
    // total <= MAX_TOTAL_WEIGHT, which fits in u32.
    Table::Standard {
        buckets,
        modulus: total as u32,
    }
}

fn count_distinct(indexes: impl Iterator<Item = u32>, nodes: usize) -> usize {
    let mut seen = vec![false; nodes];
    let mut count = 0;
    for i in indexes {
        if !std::mem::replace(&mut seen[i as usize], true) {
            count += 1;
        }
    }
    count
}

/// C's `%d` of a 32-bit int, into `buf`; returns the digits.
fn format_c_int(value: i32, buf: &mut [u8; 11]) -> &[u8] {
    let mut n = value.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

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
                let target = b * BUCKET_STEP;
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
                let Table::Consistent(buckets) = &r.table else {
                    panic!("not consistent")
                };
                let reference = reference_consistent(hash, list);
                let ours: Vec<usize> = buckets.iter().map(|&n| n as usize).collect();
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
        assert_eq!(r.reachable, 1);
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

    #[test]
    fn format_c_int_matches_printf() {
        let mut buf = [0u8; 11];
        assert_eq!(format_c_int(0, &mut buf), b"0");
        assert_eq!(format_c_int(159, &mut buf), b"159");
        assert_eq!(format_c_int(i32::MAX, &mut buf), b"2147483647");
        assert_eq!(format_c_int(i32::MIN, &mut buf), b"-2147483648");
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
        use super::super::{HashFunction, Strategy};

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
}
