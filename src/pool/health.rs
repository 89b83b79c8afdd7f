//! Per-process state of each memcached server: its pooled connection, whether
//! it is marked down and until when, and counters for the statistics.
//!
//! PHP workers (php-fpm, mod_php) serve many requests each, so what we learn
//! about a server outlives the request: a server that failed is skipped for
//! its `retry_interval` by every later request of this worker instead of
//! costing each one a timeout; after the interval one request probes it.
//!
//! Fork safety: php-fpm forks workers after module startup. A connection
//! remembers the pid that opened it, and a process never uses a connection it
//! did not open itself (it drops it, closing only its own descriptor).
//!
//! The state is keyed by the server's endpoint (`tcp://host:port`,
//! `unix:///path`), so every pool naming the same daemon shares what is known
//! about it. The Memcache API's non-persistent servers are the exception
//! ([`private_slot`]): as with pecl memcache, each has state of its own for
//! the life of its object's pool.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use super::probe::{Probe, Status};
use crate::wire::{Conn, Endpoint};

/// Counters of one server, for `memcache_session_stats()` and phpinfo.
#[derive(Debug, Default, Clone)]
pub struct ServerStats {
    pub requests: u64,
    pub failures: u64,
    pub failovers: u64,
    pub lock_waits: u64,
    pub lock_wait_micros: u64,
    pub read_repairs: u64,
    /// Lock records found stranded (over a superseded copy) and taken over.
    pub stranded_locks: u64,
    /// Copies found older than the session's newest (not served).
    pub stale_copies: u64,
    pub connects: u64,
}

#[derive(Default)]
struct ServerState {
    /// The pooled connection, the pid that opened it, whether it outlives
    /// the request (`persistent=1`); how long it sat idle is measured from
    /// its last read ([`Conn::last_used`]).
    /// (Boxed: a connection is handed between the registry, the pool's
    /// batch bookkeeping and back twice per session request; moving a
    /// pointer instead of the whole struct saved ~3k instructions a cycle.)
    conn: Option<(Box<Conn>, u32, bool)>,
    down_until: Option<Instant>,
    /// A probe of the server (sessions): started once its retry interval
    /// has passed, looked at without blocking until it answers.
    probe: Option<Probe>,
    /// Whether this down period's "fewer copies" warning was given.
    degraded_warned: bool,
    last_error: Option<String>,
    stats: ServerStats,
}

/// This process's pid, cached; 0 means "ask the kernel".
static PID: AtomicU32 = AtomicU32::new(0);
/// Set once a fork handler clears [`PID`] in every child: only then is the
/// cache trustworthy (getpid() is a real syscall with today's glibc).
static FORK_AWARE: AtomicBool = AtomicBool::new(false);

/// The pid that owns connections opened now.
pub fn process_id() -> u32 {
    let cached = PID.load(Ordering::Relaxed);
    if cached != 0 && FORK_AWARE.load(Ordering::Relaxed) {
        return cached;
    }
    let pid = std::process::id();
    PID.store(pid, Ordering::Relaxed);
    pid
}

/// Declares that [`forked_child`] runs in every child after fork().
pub fn set_fork_aware() {
    FORK_AWARE.store(true, Ordering::Relaxed);
}

/// Called in the child right after fork() (async-signal-safe: one atomic
/// store): the next [`process_id`] asks the kernel again.
pub fn forked_child() {
    PID.store(0, Ordering::Relaxed);
}

/// Every server this process knows: states in a vector, found by id once
/// (when a pool is built) and by [`Slot`] afterwards, so the hot path does
/// no string hashing.
#[derive(Default)]
struct Registry {
    ids: HashMap<String, usize>,
    names: Vec<String>,
    states: Vec<ServerState>,
    /// Per state: true for a private slot (not found by id, not listed in
    /// the statistics).
    private: Vec<bool>,
    /// Released private slots, reused by the next [`private_slot`].
    free: Vec<usize>,
}

thread_local! {
    static SERVERS: RefCell<Registry> = RefCell::new(Registry::default());
}

/// A server's index in this process's registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot(usize);

/// Anything that names a server: its id (`tcp://host:port`) or its [`Slot`].
pub trait ServerKey {
    fn slot(&self) -> Slot;
}

impl ServerKey for Slot {
    fn slot(&self) -> Slot {
        *self
    }
}

impl ServerKey for str {
    fn slot(&self) -> Slot {
        slot(self)
    }
}

impl ServerKey for String {
    fn slot(&self) -> Slot {
        slot(self)
    }
}

impl<T: ServerKey + ?Sized> ServerKey for &T {
    fn slot(&self) -> Slot {
        (**self).slot()
    }
}

/// The slot of server `id`, registering it on first sight.
pub fn slot(id: &str) -> Slot {
    SERVERS.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(&i) = r.ids.get(id) {
            return Slot(i);
        }
        let i = r.states.len();
        r.ids.insert(id.to_string(), i);
        r.names.push(id.to_string());
        r.states.push(ServerState::default());
        r.private.push(false);
        Slot(i)
    })
}

/// A slot of its own for one server (named `id` in messages), shared with
/// no other pool and not found by [`slot`]: the Memcache API's
/// non-persistent servers. Give it back with [`release`].
pub fn private_slot(id: &str) -> Slot {
    SERVERS.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.free.pop() {
            r.names[i] = id.to_string();
            r.states[i] = ServerState::default();
            return Slot(i);
        }
        let i = r.states.len();
        r.names.push(id.to_string());
        r.states.push(ServerState::default());
        r.private.push(true);
        Slot(i)
    })
}

/// Gives a [`private_slot`] back: its connection closes, its state is
/// forgotten and the slot is reused. Shared slots are never released.
pub fn release(slot: Slot) {
    // try_with: a pool dropped while the thread exits finds the registry gone.
    let _ = SERVERS.try_with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else { return };
        let Slot(i) = slot;
        if r.private.get(i) == Some(&true) && !r.free.contains(&i) {
            r.states[i] = ServerState::default();
            r.free.push(i);
        }
    });
}

/// Forgets that the server is down (setServerParams() with status true).
pub fn clear_down(id: impl ServerKey) {
    with_state(id, |s| s.down_until = None);
}

fn with_state<T>(key: impl ServerKey, f: impl FnOnce(&mut ServerState) -> T) -> T {
    let Slot(i) = key.slot();
    SERVERS.with(|r| f(&mut r.borrow_mut().states[i]))
}

/// True while the server is marked down.
pub fn is_down(id: impl ServerKey) -> bool {
    with_state(id, |s| match s.down_until {
        // The clock is read only for a server marked down: a session
        // cycle asks this a dozen times (clock reads cost a VM 20-40 ns).
        Some(t) if Instant::now() < t => true,
        Some(_) => {
            // The retry interval has passed: this request probes the server.
            s.down_until = None;
            false
        }
        None => false,
    })
}

/// True while the server is not to be used by sessions: marked down, or
/// past its retry interval but not yet answering a probe (see
/// [`super::probe`]). Never waits: the first call after the interval
/// starts a probe, later calls look at it.
pub fn is_down_probed(id: impl ServerKey, endpoint: &Endpoint, retry_interval: Duration) -> bool {
    let pid = process_id();
    with_state(id, |s| {
        let Some(until) = s.down_until else { return false };
        let now = Instant::now();
        if now < until {
            return true;
        }
        if s.probe.as_ref().is_some_and(|p| p.owner() != pid || now.duration_since(p.started()) >= retry_interval) {
            // Opened by the parent before a fork, or unanswered for a whole
            // interval (the daemon still hangs): start afresh.
            s.probe = None;
        }
        let Some(probe) = s.probe.as_mut() else {
            match Probe::start(endpoint, pid) {
                Ok(p) => s.probe = Some(p),
                Err(e) => {
                    s.down_until = Some(now + retry_interval);
                    s.last_error = Some(format!("probe: {e}"));
                }
            }
            return true;
        };
        match probe.check() {
            Status::Pending => true,
            Status::Alive => {
                s.probe = None;
                s.down_until = None;
                false
            }
            Status::Dead(e) => {
                s.probe = None;
                s.down_until = Some(now + retry_interval);
                s.last_error = Some(format!("probe: {e}"));
                true
            }
        }
    })
}

/// Marks the server down for `retry_interval` and drops its connection.
pub fn mark_failed(id: impl ServerKey, retry_interval: Duration, error: &str) {
    with_state(id, |s| {
        s.conn = None;
        s.probe = None;
        s.stats.failures += 1;
        s.last_error = Some(error.to_string());
        // A retry_interval too large for the clock (pecl's -1: never retry)
        // keeps the server down for as long as the process lives.
        let now = Instant::now();
        s.down_until = now.checked_add(retry_interval).or_else(|| now.checked_add(Duration::from_secs(100 * 365 * 86_400)));
        s.degraded_warned = false;
    });
}

/// True the first time it is asked during the server's current down period:
/// writes that store fewer copies because a server is known to be down warn
/// once per period and worker, not on every request.
pub fn first_degraded_warning(id: impl ServerKey) -> bool {
    with_state(id, |s| !std::mem::replace(&mut s.degraded_warned, true))
}

/// Takes the pooled connection of this process, if any, out of the
/// registry, with how long it sat idle. A connection opened by another
/// process (before a fork) is dropped unused.
pub fn take_conn(id: impl ServerKey, now: Instant) -> Option<(Box<Conn>, Duration)> {
    let pid = process_id();
    with_state(id, |s| match s.conn.take() {
        Some((c, owner, _)) if owner == pid => {
            let idle = now.saturating_duration_since(c.last_used());
            Some((c, idle))
        }
        _ => None,
    })
}

/// Gives a healthy connection back for reuse, within this request or, when
/// `persistent`, across requests.
pub fn put_conn(id: impl ServerKey, conn: Box<Conn>, persistent: bool) {
    let pid = process_id();
    with_state(id, |s| s.conn = Some((conn, pid, persistent)));
}

/// Updates the server's counters.
pub fn count(id: impl ServerKey, f: impl FnOnce(&mut ServerStats)) {
    with_state(id, |s| f(&mut s.stats));
}

/// Closes every non-persistent pooled connection (at request end).
pub fn close_non_persistent() {
    SERVERS.with(|r| {
        for s in r.borrow_mut().states.iter_mut() {
            if !matches!(s.conn, Some((_, _, true))) {
                s.conn = None;
            }
        }
    });
}

/// A snapshot of every known server: (id, down until, last error, stats).
pub fn snapshot() -> Vec<(String, Option<Duration>, Option<String>, ServerStats)> {
    let now = Instant::now();
    SERVERS.with(|r| {
        let r = r.borrow();
        let mut v: Vec<_> = r
            .names
            .iter()
            .zip(r.states.iter())
            .zip(r.private.iter())
            .filter(|(_, private)| !**private)
            .map(|((id, s), _)| {
                let down = s.down_until.filter(|t| *t > now).map(|t| t - now);
                (id.clone(), down, s.last_error.clone(), s.stats.clone())
            })
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    })
}
