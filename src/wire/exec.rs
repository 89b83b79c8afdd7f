//! Running batches: write everything first, then read every reply.
//!
//! Why: round trips, not bytes, are what a session request pays for.
//! [`Conn::execute`] writes a whole [`Batch`] and then parses its replies
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

use std::thread::{self, ScopedJoinHandle};

use super::conn::Conn;
use super::error::WireError;
use super::request::{Batch, Protocol};
use super::reply::{ErrorKind, Expect, Reply};

/// Batches up to this size are written inline: they fit the kernel socket
/// buffers, so the write never waits for the server to read.
pub const INLINE_WRITE_MAX: usize = 64 << 10;

impl Conn {
    /// Send `batch` and return its replies, one per command, in order.
    /// Any error poisons the connection (see [`Conn::is_reusable`]).
    pub fn execute(&mut self, batch: &Batch) -> Result<Vec<Reply>, WireError> {
        let mut jobs = [(self, batch)];
        execute_parallel(&mut jobs)
            .pop()
            .unwrap_or(Err(WireError::Closed))
    }

    /// Read the replies of an already written batch.
    fn receive(&mut self, batch: &Batch) -> Result<Vec<Reply>, WireError> {
        let mut replies = Vec::with_capacity(batch.len());
        for (i, expect) in batch.expects().enumerate() {
            let reply = self.read_reply(&expect, batch.opaque(i))?;
            // Binary frames carry their lengths: an error never desyncs.
            if batch.protocol() == Protocol::Ascii && may_desync(&expect, &reply) {
                self.poison();
            }
            replies.push(reply);
        }
        self.finish_batch();
        Ok(replies)
    }
}

/// Replies after which the stream may be out of step even though they
/// parsed: an `ERROR` or `CLIENT_ERROR` to a store means the server may
/// not have swallowed the data block and may read it as commands
/// (memcached itself swallows it after `SERVER_ERROR`). The replies are
/// still returned; the connection just is not reused. Errors to commands
/// without a data block (`ERROR` to an unknown `stats` argument, a
/// `CLIENT_ERROR` to `incr` on a non-number) leave the stream in step.
fn may_desync(expect: &Expect<'_>, reply: &Reply) -> bool {
    matches!(
        (expect, reply),
        (
            Expect::Store,
            Reply::Error(ErrorKind::Error | ErrorKind::ClientError, _)
        )
    )
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
/// written first, then each connection's replies are read. Results are in
/// job order; an error on one connection does not affect the others.
pub fn execute_parallel(jobs: &mut [(&mut Conn, &Batch)]) -> Vec<Result<Vec<Reply>, WireError>> {
    thread::scope(|scope| {
        let mut sent = Vec::with_capacity(jobs.len());
        for (conn, batch) in jobs.iter_mut() {
            let batch: &Batch = batch;
            let bytes = batch.as_bytes();
            let state = if conn.is_poisoned() {
                Sent::Failed(WireError::Io(std::io::Error::new(
                    std::io::ErrorKind::NotConnected,
                    "connection poisoned by an earlier failure",
                )))
            } else if batch.is_empty() {
                Sent::Empty
            } else if let Some(Err(e)) = batch.credentials().map(|c| conn.authenticate(c)) {
                // A new connection authenticates before its first batch.
                Sent::Failed(e)
            } else if conn.protocol.is_some_and(|p| p != batch.protocol()) {
                conn.poison();
                Sent::Failed(WireError::Refused(
                    "a batch in one protocol on a connection already speaking the other".into(),
                ))
            } else if bytes.len() <= INLINE_WRITE_MAX {
                match conn.write_all(bytes, batch.record_ends()) {
                    Ok(()) => Sent::Written,
                    Err(e) => Sent::Failed(e),
                }
            } else {
                // TLS: encrypted here; the helper only sends the records.
                match conn.stream.seal(bytes, batch.record_ends()).and_then(|wire| {
                    conn.stream.try_clone().map(|w| (w, wire)).map_err(WireError::Io)
                }) {
                    Ok((mut writer, wire)) => {
                        let wire = std::sync::Arc::new(wire);
                        let queued = std::sync::Arc::clone(&wire);
                        match spawn_writer(scope, move || writer.write_all_bytes(&queued, &[])) {
                            Ok(handle) => {
                                conn.writer_active = true;
                                Sent::Writing(handle)
                            }
                            // No thread to be had (the OS refused one):
                            // write inline, then read. Only a batch whose
                            // replies also overflow the socket buffers can
                            // then stall, and the timeout bounds that.
                            Err(_) => match conn
                                .stream
                                .try_clone()
                                .map_err(WireError::Io)
                                .and_then(|mut w| w.write_all_bytes(&wire, &[]))
                            {
                                Ok(()) => Sent::Written,
                                Err(e) => {
                                    conn.poison();
                                    Sent::Failed(e)
                                }
                            },
                        }
                    }
                    Err(e) => {
                        conn.poison();
                        Sent::Failed(e)
                    }
                }
            };
            if matches!(state, Sent::Written | Sent::Writing(_)) {
                conn.protocol = Some(batch.protocol());
            }
            sent.push(state);
        }
        jobs.iter_mut()
            .zip(sent)
            .map(|((conn, batch), state)| match state {
                Sent::Failed(e) => Err(e),
                Sent::Empty => Ok(Vec::new()),
                Sent::Written => conn.receive(batch),
                Sent::Writing(writer) => {
                    let read = conn.receive(batch);
                    if read.is_err() {
                        // Unblock a writer still stuck on a dead peer.
                        conn.stream.shutdown();
                    }
                    let wrote = writer.join().unwrap_or_else(|_| {
                        Err(WireError::Io(std::io::Error::other(
                            "writer thread panicked",
                        )))
                    });
                    conn.writer_active = false;
                    match (wrote, read) {
                        (Err(e), _) => {
                            conn.poison();
                            Err(e)
                        }
                        (Ok(()), read) => read,
                    }
                }
            })
            .collect()
    })
}
