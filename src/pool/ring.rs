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

    /// The server of each of the 1024 buckets of a consistent ring of two
    /// or more servers (None otherwise): what tests/ring.rs compares against
    /// pecl's own algorithm.
    pub fn consistent_buckets(&self) -> Option<Vec<usize>> {
        match &self.table {
            Table::Consistent(buckets) => Some(buckets.iter().map(|&n| n as usize).collect()),
            _ => None,
        }
    }

    /// How many servers some key can reach (the standard strategy's 15-bit
    /// hash never reaches buckets past 32767, so huge weights hide servers).
    pub fn reachable(&self) -> usize {
        self.reachable
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

    /// The server of an already hashed key (the hash of [`Ring::hash_function`]).
    pub fn lookup(&self, hash: u32) -> usize {
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

// The ring's behaviour is tested in tests/ring.rs (against pecl's algorithm
// and placements observed on pecl memcache); this private helper here.
#[cfg(test)]
mod tests {
    use super::format_c_int;

    #[test]
    fn format_c_int_matches_printf() {
        let mut buf = [0u8; 11];
        assert_eq!(format_c_int(0, &mut buf), b"0");
        assert_eq!(format_c_int(159, &mut buf), b"159");
        assert_eq!(format_c_int(i32::MAX, &mut buf), b"2147483647");
        assert_eq!(format_c_int(i32::MIN, &mut buf), b"-2147483648");
    }
}
