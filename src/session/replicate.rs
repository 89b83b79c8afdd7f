//! Running one operation on several servers of a session: every batch is
//! sent before any reply is read ([`Pool::execute_parallel`]), so it costs one round trip
//! whatever the redundancy; each server's outcome comes back on its own.

use crate::pool::{Failure, Outcome, Pool};
use crate::wire::{Batch, Dialect, Reply, WireError};

/// What one mirrored operation did on each server.
pub struct Mirrored {
    pub ok: Vec<(usize, Vec<Reply>)>,
    pub failed: Vec<(usize, Failure)>,
}

/// Runs `build(server)` on every server of `servers` in one round trip.
/// A batch that cannot be built (a key the wire layer refuses) counts as a
/// refused request on that server.
pub fn run(
    pool: &Pool,
    proto: &Dialect,
    servers: &[usize],
    build: impl Fn(&mut Batch) -> Result<(), WireError>,
) -> Mirrored {
    let mut out = Mirrored { ok: Vec::new(), failed: Vec::new() };
    for (i, result) in run_each(pool, proto, servers, |_, b| build(b)) {
        match result {
            Ok(replies) => out.ok.push((i, replies)),
            Err(f) => out.failed.push((i, f)),
        }
    }
    out
}

/// Runs `build(server, batch)` on every server of `servers` in one round
/// trip and returns each server's outcome in order (a batch that cannot be
/// built counts as refused on its server).
pub fn run_each(
    pool: &Pool,
    proto: &Dialect,
    servers: &[usize],
    build: impl Fn(usize, &mut Batch) -> Result<(), WireError>,
) -> Vec<(usize, Outcome)> {
    run_shared(pool, proto, servers, |s| s, |&s, b| build(s, b))
}

/// Like [`run_each`], but servers whose `kind` is equal get one batch,
/// built once: a session's servers usually get the very same commands, and
/// building (and encoding the data into) a batch per server was a tenth of
/// a session cycle's instructions.
///
/// The jobs go to the pool as they are (a session's servers are distinct:
/// no grouping by server is needed, unlike the Memcache API's
/// [`crate::pool::fanout::Fanout`]); a server listed twice is refused the
/// second time rather than sent the batch twice.
pub fn run_shared<K: PartialEq>(
    pool: &Pool,
    proto: &Dialect,
    servers: &[usize],
    kind: impl Fn(usize) -> K,
    build: impl Fn(&K, &mut Batch) -> Result<(), WireError>,
) -> Vec<(usize, Outcome)> {
    let mut batches: Vec<(K, Result<Batch, String>)> = Vec::with_capacity(1);
    // Per server: which batch it gets, or None when it is listed before.
    let mut of_server: Vec<Option<usize>> = Vec::with_capacity(servers.len());
    for (n, &s) in servers.iter().enumerate() {
        if servers[..n].contains(&s) {
            of_server.push(None);
            continue;
        }
        let k = kind(s);
        let at = match batches.iter().position(|(b, _)| *b == k) {
            Some(at) => at,
            None => {
                let mut b = proto.batch();
                let built = build(&k, &mut b).map(|()| b).map_err(|e| match e {
                    WireError::Refused(m) => m,
                    other => other.to_string(),
                });
                batches.push((k, built));
                batches.len() - 1
            }
        };
        of_server.push(Some(at));
    }
    let jobs: Vec<(usize, &Batch)> = servers
        .iter()
        .zip(&of_server)
        .filter_map(|(&s, at)| match at.map(|at| &batches[at].1) {
            Some(Ok(b)) => Some((s, b)),
            _ => None,
        })
        .collect();
    let mut results = pool.execute_parallel(&jobs).into_iter();
    let refused = |s: usize, m: String| -> Outcome {
        Err(Failure::Refused { server: pool.server(s).spec.ring_name.clone(), error: WireError::Refused(m) })
    };
    servers
        .iter()
        .zip(&of_server)
        .map(|(&s, at)| match at.map(|at| &batches[at].1) {
            Some(Ok(_)) => (s, results.next().unwrap_or_else(|| refused(s, "no result from the pool".into()))),
            Some(Err(m)) => (s, refused(s, m.clone())),
            None => (s, refused(s, "server listed twice in one operation".into())),
        })
        .collect()
}

/// The item of the first reply of a `get`, if it found the key.
pub fn found(replies: &[Reply]) -> Option<&crate::wire::Item> {
    match replies.first() {
        Some(Reply::Values(items)) => items.first(),
        _ => None,
    }
}

/// "server a failed: ...; server b is marked down ..." for warnings.
pub fn describe_failures(failed: &[(usize, Failure)]) -> String {
    failed.iter().map(|(_, f)| f.to_string()).collect::<Vec<_>>().join("; ")
}
