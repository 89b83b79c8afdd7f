//! Running keyed commands on the servers that hold the keys, pecl style:
//! the server of the bare key first; when it is down (and
//! memcache.allow_failover is on) the failover positions `{key}-0`,
//! `{key}-1`, ... up to memcache.max_failover_attempts; a server that fails
//! during the request is skipped for the rest of it and its keys move on.
//! All servers of one round are written before any reply is read
//! ([`Pool::execute_parallel`]).
//!
//! Failures are collected as values ([`Failures`]); the glue reports them
//! (notice + failure callbacks) after every borrow is dropped.

use std::collections::HashMap;

use super::object::Snapshot;
use crate::config::ini::Settings;
use crate::pool::Failure;
use crate::wire::{Batch, Item, Reply, WireError};

/// One server failure seen during an operation.
#[derive(Debug, Clone)]
pub struct ServerFailure {
    pub server: usize,
    pub message: String,
    pub errnum: i64,
}

pub type Failures = Vec<ServerFailure>;

/// pecl's wording of a failure, as its failure callbacks get it (the error
/// text, "Connection failed: Connection refused", and the errno, 111); its
/// notices and warnings print both: "... failed with: {text} ({errnum})".
pub fn describe(error: &WireError) -> (String, i64) {
    fn os(e: &std::io::Error) -> (String, i64) {
        let code = e.raw_os_error().unwrap_or(0);
        let mut text = e.to_string();
        if let Some(i) = text.find(" (os error") {
            text.truncate(i);
        }
        (text, i64::from(code))
    }
    match error {
        WireError::Connect(e) => {
            let (t, c) = os(e);
            (format!("Connection failed: {t}"), c)
        }
        WireError::Io(e) => {
            let (t, c) = os(e);
            (format!("Read failed: {t}"), c)
        }
        WireError::Unsent(e) => {
            let (t, c) = os(e);
            (format!("Write failed: {t}"), c)
        }
        WireError::Timeout => ("Read failed: Connection timed out".into(), 110),
        WireError::Closed => ("Read failed: Connection reset by peer".into(), 104),
        WireError::Protocol(m) => (format!("Malformed server response: {m}"), 0),
        WireError::Auth(m) => (m.clone(), 0),
        WireError::TlsHandshake(m) => (format!("TLS handshake failed: {m}"), 0),
        WireError::Tls(m) => (format!("TLS: {m}"), 0),
        WireError::Refused(m) => (m.clone(), 0),
    }
}

fn usable(snap: &Snapshot, i: usize, failed: &[usize]) -> bool {
    !failed.contains(&i) && snap.servers[i].3 && !snap.pool.is_down(i)
}

/// The server for `key` now, skipping `failed` ones; None when none is left.
pub fn route(snap: &Snapshot, s: &Settings, key: &[u8], failed: &[usize]) -> Option<usize> {
    let ring = snap.pool.ring();
    let first = ring.server_for(key);
    if usable(snap, first, failed) {
        return Some(first);
    }
    if !s.allow_failover {
        return None;
    }
    (0..s.max_failover_attempts.max(1) as usize)
        .map(|pos| ring.server_at(key, pos))
        .find(|&c| usable(snap, c, failed))
}

fn note_failure(f: Failure, server: usize, failures: &mut Failures) -> bool {
    match f {
        Failure::Failed { error, .. } => {
            let (message, errnum) = describe(&error);
            failures.push(ServerFailure { server, message, errnum });
            true
        }
        Failure::Down { .. } => true,
        Failure::Refused { .. } => false,
    }
}

/// Runs one command per key; `add` appends the command for a key to a batch.
/// Returns each key's reply and the server that gave it (None: no server
/// could answer it).
pub fn run_keyed(
    snap: &Snapshot,
    s: &Settings,
    keys: &[&[u8]],
    add: &dyn Fn(usize, &mut Batch) -> Result<(), WireError>,
    failures: &mut Failures,
) -> Vec<Option<(Reply, usize)>> {
    let mut results: Vec<Option<(Reply, usize)>> = (0..keys.len()).map(|_| None).collect();
    let mut pending: Vec<usize> = (0..keys.len()).collect();
    let mut failed: Vec<usize> = Vec::new();
    while !pending.is_empty() {
        let mut groups: Vec<(usize, Batch, Vec<usize>)> = Vec::new();
        for &op in &pending {
            let Some(server) = route(snap, s, keys[op], &failed) else { continue };
            let g = match groups.iter().position(|g| g.0 == server) {
                Some(g) => g,
                None => {
                    groups.push((server, snap.batch(server), Vec::new()));
                    groups.len() - 1
                }
            };
            let before = groups[g].1.len();
            if add(op, &mut groups[g].1).is_ok() && groups[g].1.len() == before + 1 {
                groups[g].2.push(op);
            }
        }
        groups.retain(|g| !g.1.is_empty());
        if groups.is_empty() {
            break;
        }
        let jobs: Vec<(usize, &Batch)> = groups.iter().map(|g| (g.0, &g.1)).collect();
        let outcome = snap.pool.execute_parallel(&jobs);
        let mut next = Vec::new();
        for ((server, _, ops), r) in groups.into_iter().zip(outcome) {
            match r {
                Ok(replies) => {
                    for (op, reply) in ops.into_iter().zip(replies) {
                        results[op] = Some((reply, server));
                    }
                }
                Err(f) => {
                    if note_failure(f, server, failures) {
                        failed.push(server);
                        if s.allow_failover {
                            next.extend(ops);
                        }
                    }
                }
            }
        }
        pending = next;
    }
    results
}

/// Multi-get: one `get`/`gets` per server holding some of `keys`. Returns
/// the items found by wire key, and whether every key was asked of some
/// server that answered.
pub fn run_get(
    snap: &Snapshot,
    s: &Settings,
    keys: &[&[u8]],
    with_cas: bool,
    failures: &mut Failures,
) -> (HashMap<Vec<u8>, Item>, bool) {
    let mut found: HashMap<Vec<u8>, Item> = HashMap::new();
    let mut pending: Vec<usize> = (0..keys.len()).collect();
    let mut failed: Vec<usize> = Vec::new();
    let mut complete = true;
    while !pending.is_empty() {
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for &op in &pending {
            match route(snap, s, keys[op], &failed) {
                Some(server) => match groups.iter_mut().find(|g| g.0 == server) {
                    Some(g) => g.1.push(op),
                    None => groups.push((server, vec![op])),
                },
                None => complete = false,
            }
        }
        if groups.is_empty() {
            break;
        }
        let mut batches: Vec<Batch> = Vec::with_capacity(groups.len());
        for (server, ops) in &groups {
            let mut b = snap.batch(*server);
            let mut ks: Vec<&[u8]> = ops.iter().map(|&o| keys[o]).collect();
            ks.dedup();
            let _ = if with_cas { b.gets(&ks) } else { b.get_multi(&ks) };
            batches.push(b);
        }
        let jobs: Vec<(usize, &Batch)> = groups.iter().zip(&batches).map(|(g, b)| (g.0, b)).collect();
        let outcome = snap.pool.execute_parallel(&jobs);
        let mut next = Vec::new();
        for ((server, ops), r) in groups.into_iter().zip(outcome) {
            match r {
                Ok(replies) => {
                    for reply in replies {
                        if let Reply::Values(items) = reply {
                            for item in items {
                                found.insert(item.key.clone(), item);
                            }
                        }
                    }
                }
                Err(f) => {
                    if note_failure(f, server, failures) {
                        failed.push(server);
                        if s.allow_failover {
                            next.extend(ops);
                        } else {
                            complete = false;
                        }
                    } else {
                        complete = false;
                    }
                }
            }
        }
        pending = next;
    }
    (found, complete)
}

/// Runs one batch on every usable server (flush, stats, version).
pub fn run_all(
    snap: &Snapshot,
    make: &dyn Fn(&mut Batch) -> Result<(), WireError>,
    failures: &mut Failures,
) -> Vec<Option<Vec<Reply>>> {
    let n = snap.servers.len();
    let mut batches = Vec::with_capacity(n);
    for i in 0..n {
        let mut b = snap.batch(i);
        let _ = make(&mut b);
        batches.push(b);
    }
    let servers: Vec<usize> = (0..n).filter(|&i| snap.servers[i].3).collect();
    let jobs: Vec<(usize, &Batch)> = servers.iter().map(|&i| (i, &batches[i])).collect();
    let outcome = snap.pool.execute_parallel(&jobs);
    let mut out: Vec<Option<Vec<Reply>>> = (0..n).map(|_| None).collect();
    for (i, r) in servers.into_iter().zip(outcome) {
        match r {
            Ok(replies) => out[i] = Some(replies),
            Err(f) => {
                note_failure(f, i, failures);
            }
        }
    }
    out
}
