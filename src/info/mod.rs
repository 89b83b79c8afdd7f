//! What operators see of the extension: the phpinfo() section and the
//! statistics function `memcache_session_stats()`.
//!
//! Both read [`crate::pool::health`]: the state and counters this worker
//! process keeps for every memcached server it has talked to. They are per
//! process (php-fpm and mod_php workers each have their own, a CLI run starts
//! from nothing) and live until the process exits.

pub mod builds;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ext_php_rs::builders::ModuleBuilder;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;
use ext_php_rs::{info_table_end, info_table_header, info_table_row, info_table_start};

use crate::pool::health::{self, ServerStats};

/// Adds the statistics functions to the module.
pub fn register(builder: ModuleBuilder<'_>) -> ModuleBuilder<'_> {
    builder.function(wrap_function!(memcache_session_stats))
}

/// One server as `memcache_session_stats()` reports it.
#[derive(Debug, Clone)]
pub struct ServerReport {
    /// `tcp://host:port` or `unix:///path`.
    pub id: String,
    /// Unix time (seconds) until which the server is skipped; `None` = up.
    pub down_until: Option<f64>,
    pub last_error: Option<String>,
    pub stats: ServerStats,
}

impl ServerReport {
    pub fn state(&self) -> &'static str {
        if self.down_until.is_some() {
            "down"
        } else {
            "up"
        }
    }

    /// Total time spent waiting for session locks, in seconds.
    pub fn lock_wait_time(&self) -> f64 {
        Duration::from_micros(self.stats.lock_wait_micros).as_secs_f64()
    }
}

/// Every server this process knows, sorted by id, with "down for" turned
/// into an absolute unix time relative to `now`.
pub fn reports_at(
    now: SystemTime,
    snapshot: Vec<(String, Option<Duration>, Option<String>, ServerStats)>,
) -> Vec<ServerReport> {
    let now_unix = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    snapshot
        .into_iter()
        .map(|(id, down_for, last_error, stats)| ServerReport {
            id,
            down_until: down_for.map(|d| (now_unix + d).as_secs_f64()),
            last_error,
            stats,
        })
        .collect()
}

/// [`reports_at`] for the current state of this process.
pub fn reports() -> Vec<ServerReport> {
    reports_at(SystemTime::now(), health::snapshot())
}

fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn server_array(r: &ServerReport) -> PhpResult<ZBox<ZendHashTable>> {
    let mut a = ZendHashTable::new();
    a.insert("state", r.state())?;
    a.insert("down_until", r.down_until)?;
    a.insert("requests", int(r.stats.requests))?;
    a.insert("failures", int(r.stats.failures))?;
    a.insert("failovers", int(r.stats.failovers))?;
    a.insert("lock_waits", int(r.stats.lock_waits))?;
    a.insert("lock_wait_time", r.lock_wait_time())?;
    a.insert("read_repairs", int(r.stats.read_repairs))?;
    a.insert("stale_copies", int(r.stats.stale_copies))?;
    a.insert("stranded_locks", int(r.stats.stranded_locks))?;
    a.insert("connects", int(r.stats.connects))?;
    a.insert("last_error", r.last_error.clone())?;
    Ok(a)
}

/// `memcache_session_stats(): array` — per server this worker process has
/// used: `[id => ['state' => 'up'|'down', 'down_until' => ?float,
/// 'requests' => int, 'failures' => int, 'failovers' => int,
/// 'lock_waits' => int, 'lock_wait_time' => float, 'read_repairs' => int,
/// 'stale_copies' => int, 'stranded_locks' => int, 'connects' => int,
/// 'last_error' => ?string]]`.
#[php_function]
pub fn memcache_session_stats() -> PhpResult<ZBox<ZendHashTable>> {
    let mut out = ZendHashTable::new();
    for r in reports() {
        out.insert(r.id.as_str(), server_array(&r)?)?;
    }
    Ok(out)
}

/// The `memcache` section of phpinfo() (the ini table follows it).
pub fn print_module_info() {
    info_table_start!();
    info_table_row!("memcache support", "enabled");
    info_table_row!("Version", crate::VERSION);
    info_table_row!("Implementation", "Rust (php-memcache), drop-in for pecl memcache");
    info_table_row!("Session support", "enabled");
    info_table_row!("Session save handler", "memcache (registered)");
    info_table_row!("Session locking", "pecl-compatible lock records; fast handoff; released on abort and fatal errors");
    info_table_row!("Session redundancy", "mirrored writes in one round trip; read-repair of missing copies");
    // The protocol in force (memcache.protocol): sessions and the Memcache API both use it.
    let protocol = match crate::config::current::snapshot().protocol {
        crate::wire::Protocol::Ascii => "ascii (memcached text protocol), pipelined; TCP and unix sockets",
        crate::wire::Protocol::Binary => "binary (memcached binary protocol, SASL), pipelined; TCP and unix sockets",
    };
    info_table_row!("Protocol", protocol);
    info_table_row!("Hash strategies", "consistent, standard (crc32, fnv), pecl-compatible placement");
    info_table_row!("Statistics", "memcache_session_stats()");
    info_table_row!("Built for PHP", env!("PHP_MEMCACHE_BUILT_FOR_PHP"));
    info_table_row!("Compiler", env!("PHP_MEMCACHE_RUSTC"));
    info_table_row!("ext-php-rs", env!("PHP_MEMCACHE_EXT_PHP_RS"));
    info_table_end!();

    let servers = reports();
    if !servers.is_empty() {
        info_table_start!();
        info_table_header!(
            "Server (this process)",
            "State",
            "Requests",
            "Failures",
            "Failovers",
            "Lock waits",
            "Read-repairs"
        );
        for r in &servers {
            let state = match r.down_until {
                Some(t) => format!("down until {t:.0}"),
                None => "up".to_string(),
            };
            info_table_row!(
                r.id.as_str(),
                state.as_str(),
                r.stats.requests.to_string().as_str(),
                r.stats.failures.to_string().as_str(),
                r.stats.failovers.to_string().as_str(),
                format!("{} ({:.3} s)", r.stats.lock_waits, r.lock_wait_time()).as_str(),
                r.stats.read_repairs.to_string().as_str()
            );
        }
        info_table_end!();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn down_until_is_absolute_and_state_follows_it() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let stats = ServerStats {
            lock_waits: 2,
            lock_wait_micros: 1_500_000,
            ..ServerStats::default()
        };
        let r = reports_at(
            now,
            vec![
                ("tcp://a:1".into(), Some(Duration::from_millis(2_500)), Some("refused".into()), stats),
                ("tcp://b:2".into(), None, None, ServerStats::default()),
            ],
        );
        assert_eq!(r[0].down_until, Some(1_002.5));
        assert_eq!(r[0].state(), "down");
        assert_eq!(r[0].lock_wait_time(), 1.5);
        assert_eq!(r[1].down_until, None);
        assert_eq!(r[1].state(), "up");
    }
}
