//! Running keyed commands on the servers that hold the keys, pecl style:
//! the server of the bare key first; when it is down (and
//! memcache.allow_failover is on) the failover positions `{key}-0`,
//! `{key}-1`, ... up to memcache.max_failover_attempts; a server that fails
//! during the request is skipped for the rest of it and its keys move on.
//! All servers of one round are written before any reply is read
//! ([`Fanout`]).
//!
//! Failures are collected as values ([`Failures`]); the glue reports them
//! (notice + failure callbacks) after every borrow is dropped.

use std::collections::HashMap;

use super::object::Snapshot;
use crate::config::ini::Settings;
use crate::pool::fanout::Fanout;
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
pub fn pecl_wording(error: &WireError) -> (String, i64) {
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
    !failed.contains(&i) && snap.servers[i].enabled && !snap.pool.is_down(i)
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
            let (message, errnum) = pecl_wording(&error);
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
        let mut fan: Fanout = Fanout::new();
        for &op in &pending {
            let Some(server) = route(snap, s, keys[op], &failed) else { continue };
            let g = fan.group(server, || snap.batch(server));
            let before = g.batch.len();
            if add(op, &mut g.batch).is_ok() && g.batch.len() == before + 1 {
                g.tags.push(op);
            }
        }
        let fan = fan.without_empty();
        if fan.is_empty() {
            break;
        }
        let mut next = Vec::new();
        for (g, r) in fan.run(&snap.pool) {
            match r {
                Ok(replies) => {
                    for (op, reply) in g.tags.into_iter().zip(replies) {
                        results[op] = Some((reply, g.server));
                    }
                }
                Err(f) => {
                    if note_failure(f, g.server, failures) {
                        failed.push(g.server);
                        if s.allow_failover {
                            next.extend(g.tags);
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
        let mut fan: Fanout = Fanout::new();
        for &op in &pending {
            match route(snap, s, keys[op], &failed) {
                Some(server) => fan.group(server, || snap.batch(server)).tags.push(op),
                None => complete = false,
            }
        }
        if fan.is_empty() {
            break;
        }
        for g in fan.groups_mut() {
            let mut ks: Vec<&[u8]> = g.tags.iter().map(|&o| keys[o]).collect();
            ks.dedup();
            let _ = if with_cas { g.batch.gets(&ks) } else { g.batch.get_multi(&ks) };
        }
        let mut next = Vec::new();
        for (g, r) in fan.run(&snap.pool) {
            let (server, ops) = (g.server, g.tags);
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
    let mut fan: Fanout<Batch, ()> = Fanout::new();
    for i in (0..n).filter(|&i| snap.servers[i].enabled) {
        let _ = make(&mut fan.group(i, || snap.batch(i)).batch);
    }
    let mut out: Vec<Option<Vec<Reply>>> = (0..n).map(|_| None).collect();
    for (g, r) in fan.run(&snap.pool) {
        match r {
            Ok(replies) => out[g.server] = Some(replies),
            Err(f) => {
                note_failure(f, g.server, failures);
            }
        }
    }
    out
}
