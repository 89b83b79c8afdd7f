//! Running batches: write everything first, then read every reply.
//!
//! Why: round trips, not bytes, are what a session request pays for.
//! [`execute`] writes a whole [`Batch`] and then parses its replies
//! in order, so lock+read is one round trip; [`execute_parallel`] writes
//! the batches of *all* connections before reading any reply, so a write
//! mirrored to N servers costs about one round trip (the slowest server),
//! not N. Failures are per connection: one server timing out or sending
//! garbage poisons only its own connection and result.
//!
//! A batch larger than [`INLINE_WRITE_MAX`] is written by a scoped helper
//! thread on a clone of the socket while this thread reads replies: with
//! plain write-then-read, a huge multi-get could fill both directions'
//! socket buffers (the server blocks sending replies nobody reads, we
//! block sending requests it no longer reads) and stall until the timeout.

use std::sync::Arc;
use std::thread::{self, ScopedJoinHandle};
use std::time::Instant;

use super::conn::{Conn, Start};
use super::error::WireError;
use super::reply::Reply;
use super::request::Batch;

/// Batches up to this size are written inline: they fit the kernel socket
/// buffers, so the write never waits for the server to read.
pub const INLINE_WRITE_MAX: usize = 64 << 10;

/// Send `batch` on `conn` and return its replies, one per command, in
/// order. Any error poisons the connection (see [`Conn::is_reusable`]).
pub fn execute(conn: &mut Conn, batch: &Batch) -> Result<Vec<Reply>, WireError> {
    let mut jobs = [(conn, batch)];
    execute_parallel(&mut jobs).pop().unwrap_or(Err(WireError::Closed))
}

enum Sent<'scope> {
    /// Failed before or while writing (result known).
    Failed(WireError),
    /// Nothing to send.
    Empty,
    /// Fully written inline.
    Written,
    /// Being written by a helper thread.
    Writing(ScopedJoinHandle<'scope, Result<(), WireError>>),
}

/// Starts the helper thread that writes a large batch, if the OS gives one:
/// `thread::Scope::spawn` panics when it does not (thread limit, memory),
/// so the fallible builder is used and the caller falls back to writing
/// inline.
fn spawn_writer<'scope, 'env>(
    scope: &'scope thread::Scope<'scope, 'env>,
    write: impl FnOnce() -> Result<(), WireError> + Send + 'scope,
) -> std::io::Result<ScopedJoinHandle<'scope, Result<(), WireError>>> {
    #[cfg(feature = "test-hooks")]
    if crate::test_hooks::refuse_thread() {
        return Err(std::io::Error::other("thread refused by the test-hooks feature"));
    }
    thread::Builder::new().name("memcache-writer".into()).spawn_scoped(scope, write)
}

/// Run several batches on several connections at once: every batch is
/// written first (the last job's first), then each connection's replies are
/// read in job order. Results are in job order; an error on one connection
/// does not affect the others.
pub fn execute_parallel(jobs: &mut [(&mut Conn, &Batch)]) -> Vec<Result<Vec<Reply>, WireError>> {
    // Every session request's batches are small: written inline, they need
    // no thread scope (whose bookkeeping allocates on every call).
    if jobs.iter().all(|(_, batch)| batch.as_bytes().len() <= INLINE_WRITE_MAX) {
        return run(None, jobs);
    }
    thread::scope(|scope| run(Some(scope), jobs))
}

/// [`execute_parallel`]'s work; a batch over [`INLINE_WRITE_MAX`] goes to a
/// writer thread of `scope` (without one, or when the OS refuses a thread,
/// it is written inline).
fn run<'scope, 'env, 'b: 'scope>(
    scope: Option<&'scope thread::Scope<'scope, 'env>>,
    jobs: &mut [(&mut Conn, &'b Batch)],
) -> Vec<Result<Vec<Reply>, WireError>> {
    // Written last job first, read first job first. The pool puts the
    // server expected to answer last at the end: it starts first and is
    // read last, after the others. Read in the order written, a request
    // often slept twice per round (first for the server written first,
    // then again for the next): measured with two daemons, 2.5-3.8
    // context switches per session cycle instead of 2.0 (docs/DESIGN.md,
    // "Cost").
    let mut sent = Vec::with_capacity(jobs.len());
    for (conn, batch) in jobs.iter_mut().rev() {
        let batch: &'b Batch = batch;
        #[cfg(feature = "test-hooks")]
        crate::test_hooks::wrote(|| conn.peer_port());
        let state = match conn.start(batch, INLINE_WRITE_MAX) {
            Err(e) => Sent::Failed(e),
            Ok(Start::Empty) => Sent::Empty,
            Ok(Start::Written) => Sent::Written,
            Ok(Start::Offload { mut writer, wire }) => {
                let wire = Arc::new(wire);
                let queued = Arc::clone(&wire);
                let spawned = match scope {
                    Some(scope) => spawn_writer(scope, move || writer.write_all_bytes(&queued, &[])).ok(),
                    None => None,
                };
                match spawned {
                    Some(handle) => {
                        conn.writer_started();
                        Sent::Writing(handle)
                    }
                    // No thread to be had (the OS refused one): write
                    // inline, then read. Only a batch whose replies also
                    // overflow the socket buffers can then stall, and
                    // the timeout bounds that.
                    None => match conn.write_sealed(&wire) {
                        Ok(()) => Sent::Written,
                        Err(e) => Sent::Failed(e),
                    },
                }
            }
        };
        sent.push(state);
    }
    sent.reverse(); // back to job order
    let mut clock = Instant::now();
    jobs.iter_mut()
        .zip(sent)
        .map(|((conn, batch), state)| match state {
            Sent::Failed(e) => Err(e),
            Sent::Empty => Ok(Vec::new()),
            Sent::Written => conn.receive(batch, &mut clock),
            Sent::Writing(writer) => {
                let read = conn.receive(batch, &mut clock);
                if read.is_err() {
                    // Unblock a writer still stuck on a dead peer.
                    conn.interrupt();
                }
                let wrote = writer
                    .join()
                    .unwrap_or_else(|_| Err(WireError::Io(std::io::Error::other("writer thread panicked"))));
                conn.writer_finished(wrote).and(read)
            }
        })
        .collect()
}
