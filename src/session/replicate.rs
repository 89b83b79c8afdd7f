//! Which servers hold a session, and the mirrored operations over them.
//!
//! Running one operation on several servers of a session: every batch is
//! sent before any reply is read, so it costs one round trip whatever the
//! redundancy; each server's outcome comes back on its own.

use crate::pool::{Failure, Pool};
use crate::wire::{Batch, Protocol, Reply};

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
    proto: Protocol,
    servers: &[usize],
    build: impl Fn(&mut Batch) -> Result<(), crate::wire::WireError>,
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
    proto: Protocol,
    servers: &[usize],
    build: impl Fn(usize, &mut Batch) -> Result<(), crate::wire::WireError>,
) -> Vec<(usize, Result<Vec<Reply>, Failure>)> {
    let mut out: Vec<(usize, Option<Result<Vec<Reply>, Failure>>)> = Vec::with_capacity(servers.len());
    let mut batches: Vec<(usize, usize, Batch)> = Vec::with_capacity(servers.len());
    for (slot, &i) in servers.iter().enumerate() {
        let mut b = Batch::with_protocol(proto);
        match build(i, &mut b) {
            Ok(()) => {
                out.push((i, None));
                batches.push((slot, i, b));
            }
            Err(error) => out.push((
                i,
                Some(Err(Failure::Refused { server: pool.server(i).spec.ring_name.clone(), error })),
            )),
        }
    }
    let jobs: Vec<(usize, &Batch)> = batches.iter().map(|(_, i, b)| (*i, b)).collect();
    for ((slot, _, _), result) in batches.iter().zip(pool.execute_parallel(&jobs)) {
        out[*slot].1 = Some(result);
    }
    out.into_iter().map(|(i, r)| (i, r.expect("every server has an outcome"))).collect()
}

/// The item of the first reply of a `get`, if it found the key.
pub fn found(replies: &[Reply]) -> Option<&crate::wire::Item> {
    match replies.first() {
        Some(Reply::Values(items)) => items.first(),
        _ => None,
    }
}

/// "server a failed: ...; server b is marked down ..." for warnings.
pub fn describe(failed: &[(usize, Failure)]) -> String {
    failed.iter().map(|(_, f)| f.to_string()).collect::<Vec<_>>().join("; ")
}
