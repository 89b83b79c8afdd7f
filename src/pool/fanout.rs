//! Group the commands by server, run the groups in parallel, map the
//! replies back: the one place this is written.
//!
//! Every caller with work for several servers (the Memcache API's keyed
//! commands, its multi-get and its mirrors; the session handler's
//! mirrored operations) fills a [`Fanout`]: one [`Group`] per server, each
//! with its batch and the caller's tags (which key, which command) in the
//! order their commands were added. [`Fanout::run`] sends every batch
//! before reading any reply ([`Pool::execute_parallel`]), so the whole
//! fan-out costs one round trip, and hands each group back with its
//! server's outcome, so the caller maps replies to its tags without index
//! arithmetic of its own.
//!
//! What it must not do: decide placement or failover (the caller routes
//! each command to a server) or interpret replies.

use std::borrow::Borrow;

use super::{Outcome, Pool};
use crate::wire::Batch;

/// The commands for one server: its batch and what each command was for.
///
/// `B` is the batch itself, or a reference to a batch several servers
/// share (a session's servers usually get the very same commands).
#[derive(Debug)]
pub struct Group<B, T> {
    pub server: usize,
    pub batch: B,
    pub tags: Vec<T>,
}

/// Groups keyed by server, in the order they were first asked for.
#[derive(Debug)]
pub struct Fanout<B = Batch, T = usize> {
    groups: Vec<Group<B, T>>,
}

impl<B: Borrow<Batch>, T> Default for Fanout<B, T> {
    fn default() -> Self {
        Fanout { groups: Vec::new() }
    }
}

impl<B: Borrow<Batch>, T> Fanout<B, T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The group of `server`; made with the batch `new_batch()` returns the
    /// first time the server is asked for.
    pub fn group(&mut self, server: usize, new_batch: impl FnOnce() -> B) -> &mut Group<B, T> {
        let at = match self.groups.iter().position(|g| g.server == server) {
            Some(at) => at,
            None => {
                self.groups.push(Group { server, batch: new_batch(), tags: Vec::new() });
                self.groups.len() - 1
            }
        };
        &mut self.groups[at]
    }

    /// Every group, in order (to finish their batches).
    pub fn groups_mut(&mut self) -> impl Iterator<Item = &mut Group<B, T>> {
        self.groups.iter_mut()
    }

    /// Drops the groups whose batch holds no command (nothing to send, so
    /// no connection is made for them).
    pub fn without_empty(mut self) -> Self {
        self.groups.retain(|g| !g.batch.borrow().is_empty());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Runs every group's batch on its server, all in one round trip, and
    /// returns each group with its server's outcome, in group order.
    pub fn run(self, pool: &Pool) -> Vec<(Group<B, T>, Outcome)> {
        let results = {
            let jobs: Vec<(usize, &Batch)> = self.groups.iter().map(|g| (g.server, g.batch.borrow())).collect();
            pool.execute_parallel(&jobs)
        };
        debug_assert_eq!(results.len(), self.groups.len());
        self.groups.into_iter().zip(results).collect()
    }
}
