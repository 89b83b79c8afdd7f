//! The state behind a `MemcachePool` / `Memcache` object: its servers (with
//! their per-object parameters) and compression settings, and the [`Pool`]
//! (ring + execution) built from them. (Its failure callback is a property
//! of the object, as in pecl: see [`super::report`].)
//!
//! What a process knows about a server (down until when, its pooled
//! connection) is shared, as pecl shares its persistent server structs, by
//! every persistent server naming the same daemon; a non-persistent server
//! (`persistent = false`, or added with `status = false`) has state of its
//! own that lives as long as the object's pool, as pecl's per-pool server
//! structs do: a failure seen by one object does not make another object's
//! non-persistent server skip the daemon.
//!
//! The state sits in an `Rc<RefCell<..>>` held by the object's
//! "memcache connection" resource. Every
//! operation borrows it only to take a snapshot ([`Snapshot`]) and drops the
//! borrow before any network I/O or call back into PHP (serialize,
//! unserialize → `__wakeup`, failure callbacks), so re-entrant calls on the
//! same object work.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use crate::config::ini::Settings;
use crate::pool::ServerSpec;
use crate::wire::Endpoint;
use crate::pool::health::{self, Slot};
use crate::pool::Pool;
use crate::wire::{Batch, Credentials, Protocol};

/// One server added to an object.
pub struct ServerEntry {
    /// Host as given (`unix:///path` for a socket), for callbacks and stats keys.
    pub host: String,
    pub port: u16,
    pub spec: ServerSpec,
    /// `status` of addServer/setServerParams: false = treated as failed.
    pub enabled: bool,
    /// pecl's per-server status: 1 disconnected, 3 connected, 0 failed.
    pub last_status: i64,
    /// The server's own health state when it is not persistent (None: the
    /// state shared by every persistent server of the daemon).
    pub private: Option<PrivateSlot>,
    /// SASL credentials of the object when the server was added (pecl
    /// takes them at addServer time); used with the binary protocol.
    pub sasl: Option<Credentials>,
}

impl ServerEntry {
    /// `host:port` as pecl names a server in getExtendedStats and findServer
    /// (a unix socket too: `unix:///path:0`).
    pub fn name(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// A health slot of one non-persistent server, released (its connection
/// closed, its state forgotten) when the server leaves the pool.
pub struct PrivateSlot(Slot);

impl PrivateSlot {
    pub fn new(name: &str) -> PrivateSlot {
        PrivateSlot(health::private_slot(name))
    }

    pub fn slot(&self) -> Slot {
        self.0
    }
}

impl Drop for PrivateSlot {
    fn drop(&mut self) {
        health::release(self.0);
    }
}

#[derive(Default)]
pub struct PoolState {
    pub servers: Vec<ServerEntry>,
    pool: Option<(Rc<Pool>, u8, u8)>,
    /// setCompressThreshold(); None = memcache.compress_threshold.
    pub threshold: Option<(u32, f64)>,
    /// setSaslAuthData(): given to servers added afterwards.
    pub sasl: Option<Credentials>,
}

pub type Handle = Rc<RefCell<PoolState>>;

/// One server as an operation sees it (copied out of its [`ServerEntry`]).
#[derive(Debug, Clone)]
pub struct ServerView {
    pub host: String,
    pub port: u16,
    pub udp_port: u16,
    /// Not disabled by setServerParams(status = false).
    pub enabled: bool,
}

/// What an operation needs, taken out of the object so no borrow is held
/// while it runs.
pub struct Snapshot {
    pub pool: Rc<Pool>,
    /// Per server, in pool order.
    pub servers: Vec<ServerView>,
    pub threshold: u32,
    pub min_savings: f64,
    /// memcache.protocol when the operation started.
    pub protocol: Protocol,
    /// Per server: its SASL credentials.
    pub sasl: Vec<Option<Credentials>>,
}

impl Snapshot {
    /// An empty batch for server `i`, in memcache.protocol, carrying the
    /// server's SASL credentials: every batch of the Memcache API starts here.
    pub fn batch(&self, i: usize) -> Batch {
        let mut b = Batch::with_protocol(self.protocol);
        b.set_credentials(self.sasl.get(i).cloned().flatten());
        b
    }
}


impl PoolState {
    pub fn add(&mut self, entry: ServerEntry) {
        self.servers.push(entry);
        self.pool = None;
    }

    /// The snapshot for one operation; None when no server was added.
    pub fn snapshot(&mut self, s: &Settings) -> Option<Snapshot> {
        if self.servers.is_empty() {
            return None;
        }
        let key = (s.hash_strategy as u8, s.hash_function as u8);
        let pool = match &self.pool {
            Some((p, a, b)) if (*a, *b) == key => p.clone(),
            _ => {
                let specs = self.servers.iter().map(|e| e.spec.clone()).collect();
                let slots: Vec<Option<Slot>> =
                    self.servers.iter().map(|e| e.private.as_ref().map(PrivateSlot::slot)).collect();
                let p = Rc::new(Pool::with_slots(specs, &slots, s.hash_strategy, s.hash_function).ok()?);
                self.pool = Some((p.clone(), key.0, key.1));
                p
            }
        };
        let (threshold, min_savings) =
            self.threshold.unwrap_or((s.compress_threshold, crate::codec::DEFAULT_MIN_SAVINGS));
        Some(Snapshot {
            pool,
            servers: self
                .servers
                .iter()
                .map(|e| ServerView { host: e.host.clone(), port: e.port, udp_port: e.spec.udp_port, enabled: e.enabled })
                .collect(),
            threshold,
            min_savings,
            protocol: s.protocol,
            sasl: self.servers.iter().map(|e| e.sasl.clone()).collect(),
        })
    }

    /// Forget the built pool (server parameters changed).
    pub fn invalidate(&mut self) {
        self.pool = None;
    }

    pub fn find(&self, host: &str, port: u16) -> Option<usize> {
        self.servers.iter().position(|e| e.host == host && e.port == port)
    }

    /// close(): every server leaves the pool (non-persistent ones close
    /// their connections); the object can add servers again afterwards.
    pub fn clear(&mut self) {
        self.servers.clear();
        self.pool = None;
    }
}

/// Builds the spec of a server given to addServer/connect. `host` may be
/// `unix:///path` (port ignored, 0), `tcp://host` or `tls://host` /
/// `ssl://host` (TLS with the default [`crate::wire::TlsOptions`]; the caller
/// sets the ini's).
pub fn make_spec(
    host: &str,
    port: u16,
    udp_port: u16,
    persistent: bool,
    weight: u32,
    timeout: Duration,
    retry_interval: Duration,
) -> Result<(String, u16, ServerSpec), String> {
    if let Some(path) = host.strip_prefix("unix://") {
        if path.is_empty() {
            return Err("Invalid unix socket path".into());
        }
        let spec = ServerSpec {
            endpoint: Endpoint::Unix { path: path.into() },
            ring_name: format!("{host}:0"),
            persistent,
            weight,
            timeout,
            retry_interval,
            udp_port: 0,
        };
        return Ok((host.to_string(), 0, spec));
    }
    let tls = host.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("tls://") || s.eq_ignore_ascii_case("ssl://"));
    let bare = if tls { &host[6..] } else { host.strip_prefix("tcp://").unwrap_or(host) };
    let bare_host = bare.trim_start_matches('[').trim_end_matches(']');
    if bare_host.is_empty() {
        return Err("Invalid host".into());
    }
    let endpoint = if tls {
        Endpoint::Tls { host: bare_host.to_string(), port, tls: Box::default() }
    } else {
        Endpoint::Tcp { host: bare_host.to_string(), port }
    };
    let spec = ServerSpec {
        endpoint,
        ring_name: format!("{bare}:{port}"),
        persistent,
        weight,
        timeout,
        retry_interval,
        udp_port,
    };
    Ok((host.to_string(), port, spec))
}
