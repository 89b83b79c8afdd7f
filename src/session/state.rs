//! What the handler keeps between PHP's calls: the open save path (its pool
//! and settings) and the session read under its lock.
//!
//! Per process (per thread under ZTS): PHP runs one request at a time on a
//! thread, and a session lives from read to write/close within it. Pools
//! outlive the request (the ring is built once per worker per save path);
//! the open session and its lock do not.

use std::cell::RefCell;
use std::rc::Rc;

use super::copies::{judge, Verdict};
use super::lock::Locked;
use crate::config::ini::Settings;
use crate::config::save_path::parse_save_path;
use crate::pool::Pool;
use crate::wire::{Batch, Credentials, Dialect, Item, Protocol, TlsOptions};

/// The save path opened for this request.
pub struct Open {
    pub pool: Rc<Pool>,
    pub settings: Settings,
    /// Protocol and SASL identity of every batch (see [`dialect_of`]).
    pub dialect: Dialect,
    /// The prefix of this request's session keys.
    pub prefix: Vec<u8>,
    /// The session read and locked, until written, destroyed or closed.
    pub held: Option<Held>,
    /// Expiry of the last session read or written (a destroy, which PHP
    /// gives no lifetime, leaves its tombstone this long).
    pub last_exp: u32,
}

impl Open {
    pub fn protocol(&self) -> Protocol {
        self.dialect.protocol
    }

    /// A batch for this session's servers (carrying the session SASL
    /// credentials, if any).
    pub fn batch(&self) -> Batch {
        self.dialect.batch()
    }

    /// `session_redundancy`, at most the number of servers.
    pub fn redundancy(&self) -> usize {
        (self.settings.session_redundancy.max(1) as usize).min(self.pool.len())
    }

    /// The servers a session of `key` may use, in failover order: its whole
    /// failover sequence, or only its own servers with
    /// `memcache.allow_failover = 0`.
    pub fn sequence(&self, key: &[u8]) -> Vec<usize> {
        let mut seq = self.pool.session_sequence(key);
        if !self.settings.allow_failover {
            seq.truncate(self.redundancy());
        }
        seq
    }

    /// The servers to use for a session now: the first `redundancy` of its
    /// sequence that sessions may use (not marked down, and answering
    /// since their last failure).
    pub fn live_servers(&self, key: &[u8]) -> Vec<usize> {
        self.sequence(key).into_iter().filter(|&i| !self.pool.is_down_for_sessions(i)).take(self.redundancy()).collect()
    }

    /// The held session, if it is `key`'s.
    pub fn take_held(&mut self, key: &[u8]) -> Option<Held> {
        match &self.held {
            Some(h) if h.key == key => self.held.take(),
            _ => None,
        }
    }
}

/// What session batches are spoken in: `memcache.protocol`, but binary
/// whenever sessions authenticate (`memcache.session_sasl_username`): SASL
/// exists only in the binary protocol.
pub fn dialect_of(settings: &Settings) -> Dialect {
    match &settings.session_sasl_username {
        Some(user) => Dialect {
            protocol: Protocol::Binary,
            credentials: Some(Credentials::new(user.as_bytes(), settings.session_sasl_password.as_bytes())),
        },
        None => Dialect { protocol: settings.protocol, credentials: None },
    }
}

/// A session read under its lock.
#[derive(Debug)]
pub struct Held {
    pub key: Vec<u8>,
    /// The servers whose lock record is ours, in failover order.
    pub servers: Vec<usize>,
    /// The copy each of them held (same order).
    pub copies: Vec<Option<Item>>,
    /// Which copy is current (indexes into `copies`).
    pub verdict: Verdict,
    /// Servers that may show a lock record of ours later (see
    /// [`Locked::suspect`]): the request must leave newer copies.
    pub suspect: Vec<usize>,
    pub exp: u32,
}

impl Held {
    pub fn new(key: Vec<u8>, locked: Locked, exp: u32) -> Held {
        let verdict = judge(&locked.copies.iter().map(Option::as_ref).collect::<Vec<_>>());
        Held { key, servers: locked.servers, copies: locked.copies, verdict, suspect: locked.suspect, exp }
    }

    fn position(&self, server: usize) -> Option<usize> {
        self.servers.iter().position(|&s| s == server)
    }

    /// The copy to serve.
    pub fn chosen(&self) -> Option<&Item> {
        self.verdict.chosen.and_then(|i| self.copies[i].as_ref())
    }

    /// The copy `server` held when read (None: none, or not a server of the lock).
    pub fn copy_on(&self, server: usize) -> Option<&Item> {
        self.position(server).and_then(|i| self.copies[i].as_ref())
    }

    pub fn holds_lock_on(&self, server: usize) -> bool {
        self.position(server).is_some()
    }

    /// Whether `server` held the current copy.
    pub fn is_current_on(&self, server: usize) -> bool {
        self.position(server).is_some_and(|i| self.verdict.current.contains(&i))
    }

    /// Whether `server`'s copy is missing or differs from the chosen one.
    pub fn is_behind_on(&self, server: usize) -> bool {
        self.position(server).is_some_and(|i| self.verdict.behind.contains(&i))
    }
}

/// A parsed pool and what it was built from: save path and ring settings.
struct CachedPool {
    path: String,
    ring: (u16, u8, u8),
    tls: TlsOptions,
    pool: Rc<Pool>,
}

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
    /// Parsed pools by save path and ring settings: the ring is built once
    /// per worker, not per request. (A worker uses one or two save paths:
    /// a short list compared by value beats hashing the path every open.)
    static POOLS: RefCell<Vec<CachedPool>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the open save path, if any.
pub fn with_open<T>(f: impl FnOnce(Option<&mut Open>) -> T) -> T {
    OPEN.with(|o| f(o.borrow_mut().as_mut()))
}

/// Replaces the open save path (None: closed).
pub fn set_open(open: Option<Open>) {
    OPEN.with(|o| *o.borrow_mut() = open);
}

/// The pool for `path` (parsed once per worker), or the warning naming
/// `entry` when it does not parse.
pub fn pool_for(path: &str, entry: &'static str, s: &Settings) -> Result<Rc<Pool>, String> {
    let ring = (s.default_port, s.hash_strategy as u8, s.hash_function as u8);
    let cached = POOLS.with(|m| {
        m.borrow().iter().find(|c| c.path == path && c.ring == ring && c.tls == s.tls).map(|c| c.pool.clone())
    });
    if let Some(p) = cached {
        return Ok(p);
    }
    let mut specs = parse_save_path(path, s.default_port).map_err(|e| e.in_setting(entry).to_string())?;
    for spec in &mut specs {
        spec.endpoint.set_tls_options(&s.tls);
    }
    if specs.is_empty() {
        return Err(format!("{entry} names no memcached server (it is '{path}')"));
    }
    let pool = Rc::new(Pool::new(specs, s.hash_strategy, s.hash_function).map_err(|e| format!("{entry}: {e}"))?);
    POOLS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 16 {
            m.remove(0);
        }
        m.push(CachedPool { path: path.to_string(), ring, tls: s.tls.clone(), pool: pool.clone() });
    });
    Ok(pool)
}
