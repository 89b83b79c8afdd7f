//! Session locks: pecl memcache's lock records, taken on every server that
//! holds the session, together with the read, in one round trip.
//!
//! The record is `{key}.lock`, an ASCII integer living `lock_timeout`
//! seconds. To acquire it on a server, send `incr {key}.lock 1` and
//! `add {key}.lock 0 T 1`: it is ours if the incr answered 1 (the record
//! said "0": released) or the add stored (there was none). Release sets it
//! to "0". These are pecl's records byte for byte, so a fleet mixing pecl
//! memcache and this extension serializes requests on one session.
//!
//! **Where the lock lives.** pecl locks only the first server it can
//! reach. That splits the lock whenever two requests disagree about whether
//! that server is up — which they do for a while every time a daemon hangs
//! or comes back, because every worker learns it on its own: one request
//! locks the first server, another its mirror, and both write. Here a
//! request locks *every* server it will write (the first
//! `session_redundancy` live servers of the session's failover order), in
//! parallel, in the same round trip as the read of every copy: `incr`,
//! `add`, `get` on each. Two requests that disagree about one server still
//! share the others, so at most one of them holds them all.
//!
//! **Crossed attempts.** Sent in parallel, two requests can each win one
//! server. The failover order breaks the tie: a request keeps what it won
//! only up to the first server it did not get, gives back the later ones
//! and waits for that one, then asks again for the rest. Locks are thus
//! taken in one global order, so waits cannot form a cycle.
//!
//! **Stranded records.** A daemon that hung and resumes holds lock records
//! nobody will release: taken before the hang by requests that moved on,
//! or applied on resume from commands queued in its socket buffers by
//! requests that timed out (memcached executes buffered commands of a
//! connection even after the client closed it). Such a record guards a
//! copy the session has moved past: the requests that moved on wrote newer
//! copies elsewhere (a request that saw a server fail always writes, see
//! `handler`). So a held record on a server whose copy is provably older
//! than the newest (or missing while another server has one) is taken over
//! when this request won every server holding the newest copy; a live
//! holder of that session would hold those too. What cannot be ordered
//! (copies pecl wrote, no copy anywhere) is never taken over: it is waited
//! for, up to `lock_timeout`, as pecl waits.
//!
//! **Waiting.** pecl memcache sleeps 5 ms, 10 ms, 20 ms ... up to 1 s
//! between tries. Here the pause is an eighth of the time waited so far,
//! clamped to [100 µs, 1 ms], so a lock is handed over within about a
//! millisecond of its release. The wait ends after `memcache.lock_timeout`
//! seconds, the lifetime of a record: running out means another request
//! really holds the session, and the caller fails instead of handing out an
//! empty session.

use std::time::{Duration, Instant};

use super::copies::judge;
use super::value::LOCK_FLAGS;
pub use crate::config::ini::lock_key;
use crate::pool::{Failure, Pool};
use crate::wire::{Batch, Dialect, Item, Reply, WireError};

/// One server's lock record, as far as this request knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockState {
    /// Ours.
    Got,
    /// Held by someone else when last asked.
    Held,
    /// Ours once, given back to let an earlier server's holder finish.
    Released,
    /// Not asked yet (a server that joined the session's targets).
    Unasked,
}

/// One server's answer to a lock attempt with read.
#[derive(Debug, Clone)]
pub struct Answer {
    pub lock: LockState,
    /// The session's copy there, read under the attempt.
    pub copy: Option<Item>,
}

/// What to do next with the answers of a session's servers (in failover
/// order).
#[derive(Debug, PartialEq, Eq)]
pub enum Decision {
    /// The session is ours; `taken` are the positions whose record was
    /// stranded and is taken over.
    Acquired { taken: Vec<usize> },
    /// Ask these positions (not asked yet, or given back earlier and now
    /// clear to take).
    Ask(Vec<usize>),
    /// Another request holds position `wait_on`: give back `release` (won,
    /// but ordered after it) and wait.
    Contended { wait_on: usize, release: Vec<usize> },
    /// The records at `taken` look stranded: held over copies older than
    /// the newest, which is ours. Taken over only when that lasts
    /// [`STRANDED_GRACE`]: until then, as `Contended`.
    Stranded { taken: Vec<usize>, wait_on: usize, release: Vec<usize> },
}

/// How long a record must look stranded before it is taken over. A live
/// holder's write lands on its servers one after the other: for a moment
/// one of them has the new copy (and is released) while another still has
/// the old copy under the holder's record — which looks exactly
/// like a stranded record. That moment is short: the pool checks out every
/// connection of a batch before it writes any, then writes them back to
/// back, so only the scheduler (or a batch too large to write at once) can
/// stretch it; a stranded record lasts until it expires. 150 ms is far
/// above the first and costs the first request that meets a stranded
/// record well under one `timeout`.
pub const STRANDED_GRACE: Duration = Duration::from_millis(150);

/// The decision for answers in failover order (see the module docs).
pub fn decide(answers: &[Answer]) -> Decision {
    let positions = |s: LockState| -> Vec<usize> {
        answers.iter().enumerate().filter(|(_, a)| a.lock == s).map(|(i, _)| i).collect()
    };
    let any = |s: LockState| answers.iter().any(|a| a.lock == s);
    let Some(first) = answers.iter().position(|a| a.lock != LockState::Got) else {
        return Decision::Acquired { taken: Vec::new() };
    };
    if any(LockState::Unasked) {
        return Decision::Ask(positions(LockState::Unasked));
    }
    if answers[first].lock == LockState::Released {
        return Decision::Ask(positions(LockState::Released));
    }
    // answers[first] is Held.
    if !any(LockState::Released) {
        let held = positions(LockState::Held);
        let copies: Vec<Option<&Item>> = answers.iter().map(|a| a.copy.as_ref()).collect();
        let v = judge(&copies);
        let stranded = v.ordered
            && v.chosen.is_some()
            && v.current.iter().all(|&i| answers[i].lock == LockState::Got)
            && held.iter().all(|i| v.superseded.contains(i));
        let release = (first + 1..answers.len()).filter(|&i| answers[i].lock == LockState::Got).collect();
        if stranded {
            return Decision::Stranded { taken: held, wait_on: first, release };
        }
        return Decision::Contended { wait_on: first, release };
    }
    let release = (first + 1..answers.len()).filter(|&i| answers[i].lock == LockState::Got).collect();
    Decision::Contended { wait_on: first, release }
}

/// The pause before the next try after waiting `waited`.
pub fn pause(waited: Duration) -> Duration {
    (waited / 8).clamp(Duration::from_micros(100), Duration::from_millis(1))
}

/// Adds a lock attempt with the read to a batch: `incr` and `add` of the
/// lock record `lkey` ([`lock_key`] of `key`), `get` of `key` (three
/// replies, read by [`answer`]).
pub fn push_attempt(batch: &mut Batch, key: &[u8], lkey: &[u8], lock_timeout: u32) -> Result<(), WireError> {
    batch.incr(lkey, 1)?;
    batch.add(lkey, LOCK_FLAGS, lock_timeout, b"1")?;
    batch.get(key)?;
    Ok(())
}

/// Reads the replies of [`push_attempt`]; `None` if they are not its shape.
pub fn answer(replies: Vec<Reply>) -> Option<Answer> {
    if replies.len() != 3 {
        return None;
    }
    let mut it = replies.into_iter();
    let (incr, add, get) = (it.next()?, it.next()?, it.next()?);
    let ours = matches!(incr, Reply::Number(1)) || matches!(add, Reply::Stored);
    let copy = match get {
        Reply::Values(items) => items.into_iter().next(),
        _ => None,
    };
    Some(Answer { lock: if ours { LockState::Got } else { LockState::Held }, copy })
}

/// Adds the release of a lock to a batch (its record `lkey` set to "0").
pub fn push_release(batch: &mut Batch, lkey: &[u8], lock_timeout: u32) -> Result<(), WireError> {
    batch.set(lkey, LOCK_FLAGS, lock_timeout, b"0").map(|_| ())
}

/// A session's lock, held on `servers`, with what was read under it.
#[derive(Debug)]
pub struct Locked {
    /// The servers whose record is ours, in failover order.
    pub servers: Vec<usize>,
    /// The copy each of them holds (same order).
    pub copies: Vec<Option<Item>>,
    /// Servers whose stranded record was taken over.
    pub taken: Vec<usize>,
    /// Servers that failed after our lock commands were sent to them: a
    /// record of ours may appear there later (memcached runs what was
    /// buffered when it resumes). The request must leave a newer copy on
    /// the servers it writes, so that record is recognisably stranded.
    pub suspect: Vec<usize>,
    /// Every server failure met on the way (they are marked down).
    pub failures: Vec<(usize, Failure)>,
    /// Time spent waiting for another holder; None when uncontended.
    pub waited: Option<Duration>,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another request held the session for the whole wait.
    Timeout { waited: Duration, failures: Vec<(usize, Failure)> },
    /// No server of the session could be asked.
    NoServer { failures: Vec<(usize, Failure)> },
    /// The request was refused before sending (a key the wire layer
    /// refuses): nothing to fail over to.
    Refused(Failure),
}

/// What the lock needs to know of the session and its settings.
pub struct Spec<'a> {
    pub pool: &'a Pool,
    pub proto: &'a Dialect,
    pub key: &'a [u8],
    /// Its lock record's key ([`lock_key`] of `key`).
    pub lock_key: &'a [u8],
    /// The servers the session may use, in failover order.
    pub sequence: &'a [usize],
    /// How many of them hold it (`session_redundancy`).
    pub redundancy: usize,
    pub lock_timeout: u32,
    pub wait_limit: Duration,
}

/// Takes the session's lock on the first `redundancy` servers of its
/// sequence that are `usable` (not marked down), reading every copy under
/// it. A server that fails on the way is replaced by the next usable one;
/// a server once asked stays until it fails (one that comes back up
/// meanwhile does not displace it: a record won is never left behind).
pub fn acquire(spec: &Spec<'_>, usable: impl Fn(usize) -> bool) -> Result<Locked, LockError> {
    let mut st = Acquisition::default();
    let started = Instant::now();
    loop {
        let want = st.targets(spec, &usable);
        if want.is_empty() {
            st.release_all(spec);
            return Err(LockError::NoServer { failures: st.failures });
        }
        st.follow(want);
        let mut decision = decide(&st.states);
        // A record that looks stranded is taken over only once it has
        // looked so for STRANDED_GRACE. (The Released arm keeps its inner
        // `if`: as one guard the case would need a second, empty arm to
        // keep it from the reset below.)
        #[allow(clippy::collapsible_match)]
        match decision {
            Decision::Stranded { ref taken, wait_on, ref release } => {
                let since = *st.stranded_since.get_or_insert_with(Instant::now);
                decision = if since.elapsed() >= STRANDED_GRACE {
                    Decision::Acquired { taken: taken.clone() }
                } else {
                    Decision::Contended { wait_on, release: release.clone() }
                };
            }
            Decision::Contended { .. } if st.has(LockState::Released) => {
                if st.stranded_since.is_some_and(|t| t.elapsed() >= STRANDED_GRACE) {
                    // What was given back is needed to judge it again.
                    decision = Decision::Ask(st.positions(LockState::Released));
                }
            }
            Decision::Contended { .. } => st.stranded_since = None,
            _ => {}
        }
        match decision {
            Decision::Acquired { taken } => {
                let taken: Vec<usize> = taken.iter().map(|&i| st.servers[i]).collect();
                if st.waited.is_some() {
                    st.reread(spec);
                }
                return Ok(st.into_locked(taken));
            }
            Decision::Stranded { .. } => unreachable!("resolved above"),
            Decision::Ask(positions) => {
                let servers: Vec<usize> = positions.iter().map(|&i| st.servers[i]).collect();
                if let Err(e) = st.attempt(spec, &servers, &[]) {
                    st.release_all(spec);
                    return Err(e);
                }
            }
            Decision::Contended { wait_on, release } => {
                let waited = started.elapsed();
                if waited >= spec.wait_limit {
                    st.release_all(spec);
                    return Err(LockError::Timeout { waited, failures: st.failures });
                }
                let give_back: Vec<usize> = release.iter().map(|&i| st.servers[i]).collect();
                if !give_back.is_empty() {
                    // Give back at once: the holder of `wait_on` may be
                    // waiting for exactly these.
                    if let Err(e) = st.attempt(spec, &[], &give_back) {
                        st.release_all(spec);
                        return Err(e);
                    }
                }
                st.waited = Some(waited);
                std::thread::sleep(pause(waited).min(spec.wait_limit - waited));
                let poll = st.servers[wait_on];
                if let Err(e) = st.attempt(spec, &[poll], &[]) {
                    st.release_all(spec);
                    return Err(e);
                }
                st.waited = Some(started.elapsed());
                st.won_wait(poll);
            }
        }
    }
}

/// The state of one acquisition: the servers of the session in failover
/// order and what each said.
#[derive(Default)]
struct Acquisition {
    servers: Vec<usize>,
    states: Vec<Answer>,
    /// The round trip in which each state's copy was read.
    read_in: Vec<u32>,
    /// Round trips so far.
    round: u32,
    /// The round trip in which the last wait ended (its server was won):
    /// copies read before it may have changed while we waited.
    wait_ended: Option<u32>,
    /// Since when the session's records have looked stranded.
    stranded_since: Option<Instant>,
    suspect: Vec<usize>,
    failures: Vec<(usize, Failure)>,
    waited: Option<Duration>,
}

impl Acquisition {
    /// The servers to hold now: those already asked that did not fail, then
    /// the next usable servers of the sequence, up to the redundancy, in
    /// sequence order.
    fn targets(&self, spec: &Spec<'_>, usable: &impl Fn(usize) -> bool) -> Vec<usize> {
        let failed = |s: usize| self.failures.iter().any(|(f, _)| *f == s);
        let mut want: Vec<usize> = Vec::with_capacity(spec.redundancy.max(self.servers.len()));
        want.extend_from_slice(&self.servers);
        for &s in spec.sequence {
            if want.len() >= spec.redundancy {
                break;
            }
            if !want.contains(&s) && !failed(s) && usable(s) {
                want.push(s);
            }
        }
        want.sort_by_key(|s| spec.sequence.iter().position(|k| k == s));
        want
    }

    /// Adopts the current target list: servers that left it (failed, now
    /// marked down) are dropped, new ones are unasked.
    fn follow(&mut self, want: Vec<usize>) {
        if want == self.servers {
            return;
        }
        let mut old: Vec<(usize, (Answer, u32))> =
            self.servers.drain(..).zip(self.states.drain(..).zip(self.read_in.drain(..))).collect();
        self.states.reserve(want.len());
        self.read_in.reserve(want.len());
        for &s in &want {
            let (answer, read_in) = match old.iter().position(|(k, _)| *k == s) {
                Some(i) => old.swap_remove(i).1,
                None => (Answer { lock: LockState::Unasked, copy: None }, 0),
            };
            self.states.push(answer);
            self.read_in.push(read_in);
        }
        self.servers = want;
    }

    fn set(&mut self, server: usize, answer: Answer) {
        if let Some(i) = self.servers.iter().position(|&k| k == server) {
            self.states[i] = answer;
            self.read_in[i] = self.round;
        }
    }

    fn drop_server(&mut self, i: usize) {
        self.servers.remove(i);
        self.states.remove(i);
        self.read_in.remove(i);
    }

    /// Sends a lock attempt with read to each of `ask` and a release to
    /// each of `give_back`, in one round trip. A server that fails is
    /// dropped from the targets (the pool marked it down); one that got our
    /// lock commands before failing is suspect.
    fn attempt(&mut self, spec: &Spec<'_>, ask: &[usize], give_back: &[usize]) -> Result<(), LockError> {
        let servers: std::borrow::Cow<'_, [usize]> = if give_back.is_empty() {
            ask.into()
        } else {
            ask.iter().chain(give_back).copied().collect::<Vec<_>>().into()
        };
        self.round += 1;
        let results = super::replicate::run_shared(spec.pool, spec.proto, &servers, |s| ask.contains(&s), |&asked, b| {
            if asked {
                push_attempt(b, spec.key, spec.lock_key, spec.lock_timeout)
            } else {
                push_release(b, spec.lock_key, spec.lock_timeout)
            }
        });
        for (s, result) in results {
            let asked = ask.contains(&s);
            match result {
                Ok(replies) if asked => match answer(replies) {
                    Some(a) => self.set(s, a),
                    None => {
                        let server = spec.pool.server(s).spec.ring_name.clone();
                        return Err(LockError::Refused(Failure::Refused {
                            server,
                            error: WireError::Protocol("unexpected replies to a lock attempt".into()),
                        }));
                    }
                },
                Ok(_) => self.set(s, Answer { lock: LockState::Released, copy: self.copy_of(s) }),
                Err(f) if !f.is_server_down() => return Err(LockError::Refused(f)),
                Err(f) => {
                    if f.may_have_reached_server() && !self.suspect.contains(&s) {
                        self.suspect.push(s);
                    }
                    self.failures.push((s, f));
                    // The pool marked it down: the next targets() replaces it.
                    if let Some(i) = self.servers.iter().position(|&k| k == s) {
                        if self.states[i].lock == LockState::Got && !self.suspect.contains(&s) {
                            self.suspect.push(s);
                        }
                        self.drop_server(i);
                    }
                }
            }
        }
        Ok(())
    }

    fn has(&self, s: LockState) -> bool {
        self.states.iter().any(|a| a.lock == s)
    }

    fn positions(&self, s: LockState) -> Vec<usize> {
        self.states.iter().enumerate().filter(|(_, a)| a.lock == s).map(|(i, _)| i).collect()
    }

    /// After a poll of `server`: if it is ours now, what the later servers
    /// said before the wait is stale (its holder likely released them in
    /// the same round trip): ask them again at once instead of waiting.
    fn won_wait(&mut self, server: usize) {
        let Some(i) = self.servers.iter().position(|&k| k == server) else { return };
        if self.states[i].lock != LockState::Got {
            return;
        }
        self.wait_ended = Some(self.round);
        for a in &mut self.states[i + 1..] {
            if a.lock == LockState::Held {
                a.lock = LockState::Unasked;
            }
        }
    }

    fn copy_of(&self, server: usize) -> Option<Item> {
        self.servers.iter().position(|&k| k == server).and_then(|i| self.states[i].copy.clone())
    }

    /// After a wait, a copy read before the wait ended may be older than the
    /// lock (a server won early can be written meanwhile by a request that
    /// took its record over, or by pecl): read those again, under the lock
    /// now held. Usually there are none: a waiter wins the session's servers
    /// in order, after the wait.
    fn reread(&mut self, spec: &Spec<'_>) {
        let Some(ended) = self.wait_ended else { return };
        let servers: Vec<usize> =
            self.servers.iter().zip(&self.read_in).filter(|(_, &r)| r < ended).map(|(&s, _)| s).collect();
        if servers.is_empty() {
            return;
        }
        self.round += 1;
        let got = super::replicate::run_each(spec.pool, spec.proto, &servers, |_, b| b.get(spec.key).map(|_| ()));
        for (s, result) in got {
            match result {
                Ok(replies) => {
                    let copy = super::replicate::found(&replies).cloned();
                    self.set(s, Answer { lock: LockState::Got, copy });
                }
                Err(f) => {
                    if !self.suspect.contains(&s) {
                        self.suspect.push(s);
                    }
                    self.failures.push((s, f));
                    if let Some(i) = self.servers.iter().position(|&k| k == s) {
                        self.drop_server(i);
                    }
                }
            }
        }
    }

    /// Gives back every record won (the acquisition failed).
    fn release_all(&mut self, spec: &Spec<'_>) {
        let mine: Vec<usize> = self
            .servers
            .iter()
            .zip(&self.states)
            .filter(|(_, a)| a.lock == LockState::Got)
            .map(|(s, _)| *s)
            .collect();
        if !mine.is_empty() {
            super::replicate::run(spec.pool, spec.proto, &mine, |b| push_release(b, spec.lock_key, spec.lock_timeout));
        }
    }

    fn into_locked(self, taken: Vec<usize>) -> Locked {
        Locked {
            copies: self.states.into_iter().map(|a| a.copy).collect(),
            servers: self.servers,
            taken,
            suspect: self.suspect,
            failures: self.failures,
            waited: self.waited,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::copies::Stamp;
    use super::*;
    use LockState::*;

    fn copy(stamp: u16) -> Option<Item> {
        let flags = u32::from(stamp) << 16;
        assert!(Stamp::of_flags(flags).is_some());
        Some(Item { key: b"k".to_vec(), flags, cas: None, data: vec![b'x'; usize::from(stamp % 7)] })
    }

    fn a(lock: LockState, copy: Option<Item>) -> Answer {
        Answer { lock, copy }
    }

    #[test]
    fn pause_is_an_eighth_of_the_wait_clamped() {
        assert_eq!(pause(Duration::ZERO), Duration::from_micros(100));
        assert_eq!(pause(Duration::from_millis(4)), Duration::from_micros(500));
        assert_eq!(pause(Duration::from_secs(10)), Duration::from_millis(1));
    }

    #[test]
    fn won_everywhere_is_acquired() {
        assert_eq!(decide(&[a(Got, copy(3)), a(Got, copy(3))]), Decision::Acquired { taken: vec![] });
        assert_eq!(decide(&[a(Got, None)]), Decision::Acquired { taken: vec![] });
    }

    #[test]
    fn a_live_holder_is_waited_for() {
        // Equal copies: the record on the first server guards current data.
        assert_eq!(
            decide(&[a(Held, copy(3)), a(Held, copy(3))]),
            Decision::Contended { wait_on: 0, release: vec![] }
        );
        assert_eq!(
            decide(&[a(Got, copy(3)), a(Held, copy(3))]),
            Decision::Contended { wait_on: 1, release: vec![] }
        );
    }

    #[test]
    fn crossed_attempts_give_way_to_the_earlier_server() {
        // Request 1 won A, request 2 won B: 2 gives B back and waits for A;
        // 1 waits for B. Nobody takes over anything (copies are current).
        assert_eq!(
            decide(&[a(Held, copy(5)), a(Got, copy(5))]),
            Decision::Contended { wait_on: 0, release: vec![1] }
        );
        assert_eq!(
            decide(&[a(Got, copy(5)), a(Held, copy(5))]),
            Decision::Contended { wait_on: 1, release: vec![] }
        );
        // Brand-new session (no copy anywhere): the same.
        assert_eq!(
            decide(&[a(Held, None), a(Got, None)]),
            Decision::Contended { wait_on: 0, release: vec![1] }
        );
    }

    #[test]
    fn a_record_over_an_older_copy_looks_stranded() {
        // A resumed with its old copy (stamp 3) and a record nobody will
        // release; B holds the newest (stamp 9) and is ours.
        assert_eq!(
            decide(&[a(Held, copy(3)), a(Got, copy(9))]),
            Decision::Stranded { taken: vec![0], wait_on: 0, release: vec![1] }
        );
        // ... or A has no copy at all (the session was created while it hung).
        assert_eq!(
            decide(&[a(Held, None), a(Got, copy(1))]),
            Decision::Stranded { taken: vec![0], wait_on: 0, release: vec![1] }
        );
        // A stranded mirror, the same.
        assert_eq!(
            decide(&[a(Got, copy(9)), a(Held, copy(2))]),
            Decision::Stranded { taken: vec![1], wait_on: 1, release: vec![] }
        );
    }

    #[test]
    fn never_taken_over_without_proof() {
        // The newest copy is behind a held record: wait.
        assert_eq!(
            decide(&[a(Held, copy(9)), a(Got, copy(3))]),
            Decision::Contended { wait_on: 0, release: vec![1] }
        );
        // Copies pecl wrote cannot be ordered: wait, as pecl does.
        let pecl = Some(Item { key: b"k".to_vec(), flags: 0, cas: None, data: b"p".to_vec() });
        assert_eq!(
            decide(&[a(Held, pecl.clone()), a(Got, copy(9))]),
            Decision::Contended { wait_on: 0, release: vec![1] }
        );
        assert_eq!(
            decide(&[a(Held, None), a(Got, pecl)]),
            Decision::Contended { wait_on: 0, release: vec![1] }
        );
    }

    #[test]
    fn unasked_servers_are_asked_before_deciding() {
        assert_eq!(decide(&[a(Got, copy(2)), a(Unasked, None)]), Decision::Ask(vec![1]));
        assert_eq!(decide(&[a(Held, copy(2)), a(Got, copy(2)), a(Unasked, None)]), Decision::Ask(vec![2]));
    }

    #[test]
    fn given_back_servers_are_asked_again_once_the_way_is_clear() {
        assert_eq!(
            decide(&[a(Held, copy(2)), a(Released, copy(2))]),
            Decision::Contended { wait_on: 0, release: vec![] }
        );
        assert_eq!(decide(&[a(Got, copy(2)), a(Released, copy(2))]), Decision::Ask(vec![1]));
    }

    #[test]
    fn attempt_replies_are_read_as_pecl_reads_them() {
        let item = Item { key: b"k".to_vec(), flags: 0, cas: None, data: b"d".to_vec() };
        let ours = answer(vec![Reply::Number(1), Reply::NotStored, Reply::Values(vec![item.clone()])]).unwrap();
        assert_eq!((ours.lock, ours.copy), (Got, Some(item)));
        let added = answer(vec![Reply::NotFound, Reply::Stored, Reply::Values(vec![])]).unwrap();
        assert_eq!((added.lock, added.copy), (Got, None));
        let held = answer(vec![Reply::Number(2), Reply::NotStored, Reply::Values(vec![])]).unwrap();
        assert_eq!(held.lock, Held);
        assert!(answer(vec![Reply::Number(1)]).is_none());
    }
}
