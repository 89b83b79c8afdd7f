//! One server as a pool is given it: where it listens, the name it has on
//! the ring, and its options. Defined here, not in the save_path parser,
//! because the pool consumes it (the config layer above produces it, and
//! so does addServer()).

use std::time::Duration;

use crate::wire::Endpoint;

/// One server of a pool, with its options: what a `session.save_path` entry
/// or an `addServer()` call said (the config layer parses those into this).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSpec {
    pub endpoint: Endpoint,
    /// The `host:port` string pecl hashes for this server's ring points:
    /// host exactly as written (`localhost` and `127.0.0.1` differ, an IPv6
    /// literal keeps its brackets: `[::1]:11211`); `unix:///path:0` for a unix
    /// socket.
    pub ring_name: String,
    /// Whether the worker keeps the connection for its next requests. The
    /// default is yes (pecl memcache's is no): reconnecting to every server
    /// on every request costs about 40 % of the CPU of a php-fpm request
    /// with the Tip 3 config (docs/BENCHMARKS.md), and the connections a
    /// fleet needs at peak load are the same either way (one per busy
    /// worker and server). `persistent=0` closes them at request end.
    pub persistent: bool,
    /// 1..=`config::save_path::MAX_WEIGHT`.
    pub weight: u32,
    /// Greater than zero.
    pub timeout: Duration,
    pub retry_interval: Duration,
    /// 0 = no UDP (always 0 for unix sockets, as in pecl).
    pub udp_port: u16,
}

