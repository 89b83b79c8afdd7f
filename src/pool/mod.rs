//! A pool of memcached servers as one save_path (or one Memcache object)
//! names them: the consistent/standard ring that maps keys to servers, and
//! the execution of request batches on those servers with health tracking.
//!
//! Sending goes through [`Pool::execute_parallel`]: every batch is written to
//! its server before any reply is read, so mirrored writes to N servers cost
//! one round trip, not N. A server that fails is marked down (see [`health`])
//! and its result is an error value the caller can fail over from.

pub mod fanout;
pub mod hash;
pub mod health;
pub mod probe;
pub mod ring;
pub mod spec;

pub use spec::ServerSpec;

use std::fmt;
use std::time::Instant;

use crate::wire::{self, Batch, Conn, Endpoint, Reply, WireError};
use hash::HashFunction;
use ring::{Ring, RingError, RingNode, Strategy};

/// One server of a pool: what the save_path said, and the key of its
/// per-process state.
pub struct Server {
    pub spec: ServerSpec,
    pub endpoint: Endpoint,
    /// `tcp://host:port`, `tls://host:port` or `unix:///path`: the key of
    /// its health state.
    pub id: String,
    /// Where that state lives in this process's registry.
    pub slot: health::Slot,
}

impl Server {
    fn new(spec: ServerSpec, slot: Option<health::Slot>) -> Server {
        let endpoint = spec.endpoint.clone();
        let id = match &endpoint {
            Endpoint::Tcp { host, port } if host.contains(':') => format!("tcp://[{host}]:{port}"),
            Endpoint::Tcp { host, port } => format!("tcp://{host}:{port}"),
            Endpoint::Tls { host, port, .. } if host.contains(':') => format!("tls://[{host}]:{port}"),
            Endpoint::Tls { host, port, .. } => format!("tls://{host}:{port}"),
            Endpoint::Unix { path } => format!("unix://{}", path.display()),
        };
        let slot = slot.unwrap_or_else(|| health::slot(&id));
        Server { spec, endpoint, id, slot }
    }
}

/// What one server made of one batch: its replies, or why it gave none.
pub type Outcome = Result<Vec<Reply>, Failure>;

/// Why a server did not answer a batch.
#[derive(Debug)]
pub enum Failure {
    /// Marked down by an earlier failure; skipped until its retry_interval passes.
    Down { server: String },
    /// Failed now (connect, timeout, reset, protocol error); it is now marked down.
    Failed { server: String, error: WireError },
    /// The request itself was refused before sending (e.g. a bad key); the
    /// server is fine.
    Refused { server: String, error: WireError },
}

impl Failure {
    /// Whether the server is unavailable (as opposed to the request being bad).
    pub fn is_server_down(&self) -> bool {
        !matches!(self, Failure::Refused { .. })
    }

    /// Whether the request may have reached the server before it failed
    /// (so the server may have applied it, now or when it resumes).
    pub fn may_have_reached_server(&self) -> bool {
        match self {
            Failure::Down { .. } | Failure::Refused { .. } => false,
            Failure::Failed { error, .. } => {
                !matches!(
                    error,
                    WireError::Connect(_) | WireError::Unsent(_) | WireError::Auth(_) | WireError::Refused(_) | WireError::TlsHandshake(_)
                )
            }
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Down { server } => {
                write!(f, "server {server} is marked down after a recent failure (retried after its retry_interval)")
            }
            Failure::Failed { server, error } => write!(f, "server {server} failed: {error}"),
            Failure::Refused { server, error } => write!(f, "request to server {server} refused: {error}"),
        }
    }
}

/// How long a pooled connection may sit idle before it is probed on reuse.
const PROBE_AFTER_IDLE: std::time::Duration = std::time::Duration::from_secs(1);
/// The same for a batch that must not run twice (the lock's incr/add): a
/// daemon restarted since the last use is found before sending, unless it
/// died and came back within this (then the batch fails and the server
/// counts as failed: safe, only not as smooth). A busy worker reuses its
/// connections more often than this and pays no probe.
const PROBE_UNREPEATABLE_AFTER_IDLE: std::time::Duration = std::time::Duration::from_millis(50);

pub struct Pool {
    servers: Vec<Server>,
    ring: Ring,
}

impl Pool {
    pub fn new(specs: Vec<ServerSpec>, strategy: Strategy, hash_fn: HashFunction) -> Result<Pool, RingError> {
        Pool::with_slots(specs, &[], strategy, hash_fn)
    }

    /// A pool whose server `i` keeps its state in `slots[i]` when that is
    /// given (a [`health::private_slot`]), else in the state shared by every
    /// pool naming the same daemon.
    pub fn with_slots(
        specs: Vec<ServerSpec>,
        slots: &[Option<health::Slot>],
        strategy: Strategy,
        hash_fn: HashFunction,
    ) -> Result<Pool, RingError> {
        let servers: Vec<Server> = specs
            .into_iter()
            .enumerate()
            .map(|(i, spec)| Server::new(spec, slots.get(i).copied().flatten()))
            .collect();
        let nodes: Vec<RingNode> = servers
            .iter()
            .map(|s| RingNode { name: &s.spec.ring_name, weight: s.spec.weight })
            .collect();
        let ring = Ring::new(strategy, hash_fn, &nodes)?;
        Ok(Pool { servers, ring })
    }

    pub fn len(&self) -> usize {
        self.servers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.servers.is_empty()
    }

    pub fn server(&self, i: usize) -> &Server {
        &self.servers[i]
    }

    /// The distinct servers of the session failover sequence of `key`, in
    /// order (pecl memcache's `{key}-0`, `{key}-1`, ... positions). Like pecl
    /// memcache, sessions walk the sequence until every server is found,
    /// whatever `memcache.max_failover_attempts` says; the walk ends because
    /// the ring stops once no server is left to find.
    pub fn session_sequence(&self, key: &[u8]) -> Vec<usize> {
        self.ring.session_sequence(key, usize::MAX, self.servers.len())
    }

    /// The ring (for the Memcache API's own placement: the server of the
    /// bare key, then the failover positions).
    pub fn ring(&self) -> &Ring {
        &self.ring
    }

    /// Updates the counters of server `i`.
    pub fn count(&self, i: usize, f: impl FnOnce(&mut health::ServerStats)) {
        health::count(self.servers[i].slot, f);
    }

    /// True while server `i` is marked down (the Memcache API: once its
    /// retry interval has passed, the next request tries it, as in pecl).
    pub fn is_down(&self, i: usize) -> bool {
        health::is_down(self.servers[i].slot)
    }

    /// True while server `i` is not to be used by sessions: marked down,
    /// or past its retry interval but not yet answering a probe (a session
    /// request never pays a timeout to find a hung daemon still hung).
    pub fn is_down_for_sessions(&self, i: usize) -> bool {
        let s = &self.servers[i];
        health::is_down_probed(s.slot, &s.endpoint, s.spec.retry_interval)
    }

    /// Runs one batch on one server.
    pub fn execute(&self, i: usize, batch: &Batch) -> Outcome {
        self.execute_parallel(&[(i, batch)]).pop().unwrap_or_else(|| {
            Err(Failure::Down { server: self.servers[i].spec.ring_name.clone() })
        })
    }

    /// Runs each batch on its server, all in one round trip: every batch is
    /// sent before any reply is read, the server slowest to answer lately
    /// first. Results come back in job order.
    pub fn execute_parallel(&self, jobs: &[(usize, &Batch)]) -> Vec<Outcome> {
        let now = Instant::now();
        // Jobs that get a connection hold a placeholder until they are read.
        let mut results: Vec<Outcome> = Vec::with_capacity(jobs.len());
        // (job index, connection, reused?)
        let mut live: Vec<(usize, Box<Conn>, bool)> = Vec::with_capacity(jobs.len());
        for (j, (i, _)) in jobs.iter().enumerate() {
            let server = &self.servers[*i];
            health::count(server.slot, |s| s.requests += 1);
            if health::is_down(server.slot) {
                results.push(Err(Failure::Down { server: server.spec.ring_name.clone() }));
                continue;
            }
            match self.checkout(server, jobs[j].1, now) {
                Ok((conn, reused)) => {
                    results.push(Ok(Vec::new()));
                    live.push((j, conn, reused));
                }
                Err(f) => results.push(Err(f)),
            }
        }

        // The server slowest to answer lately goes last, so it is written
        // first and read last (wire::execute_parallel writes the last job
        // first and reads in job order): started first, it works while the
        // others are written and read, and the one read that still waits
        // is the one for it. The caller's order only breaks ties. With
        // both daemons on the web server's machine this decides whether the
        // daemon sharing the request's CPU runs while the other one works:
        // the session cycle went from bimodal (25-28 or 37-51 µs) to
        // 25-28 µs in 19 runs of 20 (docs/DESIGN.md, "Cost").
        live.sort_by_key(|(_, conn, _)| conn.reply_wait());
        let outcomes = {
            let mut work: Vec<(&mut Conn, &Batch)> = Vec::with_capacity(live.len());
            for (j, conn, _) in live.iter_mut() {
                work.push((&mut **conn, jobs[*j].1));
            }
            wire::execute_parallel(&mut work)
        };

        for ((j, conn, reused), outcome) in live.into_iter().zip(outcomes) {
            let server = &self.servers[jobs[j].0];
            let result = match outcome {
                Ok(replies) => {
                    health::put_conn(server.slot, conn, server.spec.persistent);
                    Ok(replies)
                }
                Err(e) if !e.is_server_failure() => {
                    // The request was refused before anything was sent: the
                    // connection and the server are fine.
                    health::put_conn(server.slot, conn, server.spec.persistent);
                    Err(Failure::Refused { server: server.spec.ring_name.clone(), error: e })
                }
                Err(e)
                    if reused
                        && (matches!(&e, WireError::Unsent(io) if !matches!(io.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut))
                            || (jobs[j].1.is_repeatable() && matches!(e, WireError::Closed | WireError::Io(_)))) =>
                {
                    // A pooled connection went stale (daemon restarted, idle
                    // timeout, connection reset): retry once on a fresh
                    // connection. EOF/reset on a connection that passed the
                    // reuse probe means the daemon closed it before reading
                    // our batch (memcached never closes a healthy connection
                    // mid-batch; a daemon dying mid-batch loses its items
                    // anyway), so the batch was most likely not applied. A
                    // batch whose repetition would answer differently (the
                    // lock's incr/add) is resent only when nothing of it was
                    // written: a connection cut after the server applied it
                    // (a daemon dropping connections) would otherwise make
                    // us wait for our own lock. Timeouts are never retried:
                    // the batch may have been applied.
                    drop(conn);
                    self.retry_fresh(server, jobs[j].1)
                }
                Err(e) => Err(self.fail(server, e)),
            };
            results[j] = result;
        }
        results
    }

    fn retry_fresh(&self, server: &Server, batch: &Batch) -> Outcome {
        let mut conn = self.connect(server)?;
        match wire::execute(&mut conn, batch) {
            Ok(replies) => {
                health::put_conn(server.slot, conn, server.spec.persistent);
                Ok(replies)
            }
            Err(e) => Err(self.fail(server, e)),
        }
    }

    /// A connection to `server`: the pooled one of this process if it is
    /// still usable, else a new one. The flag tells whether it was reused.
    fn checkout(&self, server: &Server, batch: &Batch, now: Instant) -> Result<(Box<Conn>, bool), Failure> {
        if let Some((mut conn, idle)) =
            health::take_conn(server.slot, now).filter(|(c, _)| c.suits(batch) && c.dialled_as(&server.endpoint))
        {
            // A connection used moments ago is taken as is; one that sat
            // idle is probed first (no round trip: a non-blocking peek). A
            // stale one that slips through fails with EOF/reset and is
            // retried once on a fresh connection (execute_parallel).
            // A batch that must not run twice (the lock's incr/add) is
            // never sent on a connection the daemon already closed: after
            // a restart the write would succeed locally and the failure
            // could not tell "not applied" from "applied, reply lost".
            let probe_after = if batch.is_repeatable() { PROBE_AFTER_IDLE } else { PROBE_UNREPEATABLE_AFTER_IDLE };
            if idle < probe_after || conn.is_reusable() {
                return Ok((conn, true));
            }
        }
        self.connect(server).map(|c| (c, false))
    }

    fn connect(&self, server: &Server) -> Result<Box<Conn>, Failure> {
        health::count(server.slot, |s| s.connects += 1);
        Conn::connect(&server.endpoint, server.spec.timeout).map(Box::new).map_err(|e| self.fail(server, e))
    }

    fn fail(&self, server: &Server, error: WireError) -> Failure {
        health::mark_failed(server.slot, server.spec.retry_interval, &error.to_string());
        Failure::Failed { server: server.spec.ring_name.clone(), error }
    }
}
