//! Writing a session's copies: PHP's write, the lazy-write touch, the end
//! of a request that did not write (lock release, with repair), and the
//! destroy. Each is one parallel round trip over the session's servers
//! that also gives the lock back; a copy found vanished on the way costs
//! one more.
//!
//! [`plan`] decides what each server gets (pure, tested below); [`commit`]
//! sends it and counts what happened as values (the handler turns the
//! count into warnings).
//!
//! Rules that keep copies ordered (see `copies`):
//! - every write is stamped one past the newest copy read (or the clock,
//!   if later), so it supersedes every copy the read saw;
//! - an existing copy is written with `replace`: memcached refuses an
//!   oversized `set` by deleting the stored item, a `replace` leaves it;
//! - a request whose lock commands may linger on a server that failed
//!   (`Held::suspect`) leaves a *newer* copy on the servers it reaches even
//!   when PHP wrote nothing — the same data restamped, or a tombstone when
//!   there is no session — so the record it may have left there guards a
//!   superseded copy and is taken over instead of waited for;
//! - a destroy leaves a stamped tombstone instead of deleting, so a daemon
//!   that missed it cannot bring the old session back.

use std::borrow::Cow;

use super::copies::{stamp_after, Stamp, TOMBSTONE};
use super::lock;
use super::replicate;
use super::state::Held;
use crate::pool::{Failure, Pool};
use crate::wire::{Batch, Dialect, Item, Reply, WireError};

/// What PHP asked for.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// PS_WRITE: store this session string.
    Write(&'a [u8]),
    /// PS_UPDATE_TIMESTAMP: the session is unchanged (this is its string).
    Touch(&'a [u8]),
    /// The request ends without writing: give the lock back.
    Release,
    /// PS_DESTROY.
    Destroy,
}

/// Bytes and client flags of a stored copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content<'a> {
    pub bytes: Cow<'a, [u8]>,
    pub flags: u32,
}

impl<'a> Content<'a> {
    fn of(item: &'a Item) -> Content<'a> {
        Content { bytes: Cow::Borrowed(&item.data), flags: item.flags }
    }

    fn restamped(item: &'a Item, stamp: Stamp) -> Content<'a> {
        Content { bytes: Cow::Borrowed(&item.data), flags: stamp.apply(item.flags) }
    }

    fn tombstone(stamp: Stamp) -> Content<'static> {
        Content { bytes: Cow::Borrowed(b""), flags: stamp.apply(TOMBSTONE) }
    }
}

/// What one server gets for the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op<'a> {
    None,
    Set(Content<'a>),
    /// Replace the copy the read found there; if it vanished since, `set`.
    Replace(Content<'a>),
    /// Touch the current copy; if it vanished since, `set` this.
    Touch(Content<'a>),
}

/// What one server gets for the lock record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlock {
    /// Set it to "0" (pecl's release).
    Release,
    /// Not ours there (a server that replaces one that failed, or that came
    /// back during the request): set to "0" too. A copy written under a
    /// record nobody will release — a stranded one, left while that server
    /// hung — would make the record look live and every later request wait
    /// for it; and any live holder of that record also needs one of the
    /// servers this request holds, so it is not writing.
    Reset,
    /// Delete it (pecl's destroy).
    Delete,
}

/// One server's part of a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    pub server: usize,
    pub op: Op<'a>,
    pub unlock: Unlock,
    /// The copy there was behind (or missing): storing it repairs it.
    pub repairs: bool,
}

/// Decides what each server gets. `servers` are the session's servers now,
/// in failover order: the held ones that are still up, then replacements
/// for those that are not (no lock there). `encoded` is PHP's session
/// string as stored (compressed when large), without stamp.
pub fn plan<'a>(
    action: Action<'_>,
    held: Option<&'a Held>,
    servers: &[usize],
    encoded: Option<(&'a [u8], u32)>,
    clock: Stamp,
) -> Vec<Part<'a>> {
    let stamp = stamp_after(held.and_then(|h| h.verdict.seen), clock);
    let holds = |s: usize| held.is_some_and(|h| h.holds_lock_on(s));
    let unlock = |s: usize| if holds(s) { Unlock::Release } else { Unlock::Reset };
    let restamp = held.is_some_and(|h| !h.suspect.is_empty());
    let behind = |s: usize| held.is_none_or(|h| !h.holds_lock_on(s) || h.is_behind_on(s));
    let fresh = || {
        let (bytes, flags) = encoded.unwrap_or((b"", 0));
        Content { bytes: Cow::Borrowed(bytes), flags: stamp.apply(flags) }
    };
    let write = |s: usize| {
        let c = fresh();
        let op = if held.and_then(|h| h.copy_on(s)).is_some() { Op::Replace(c) } else { Op::Set(c) };
        Part { server: s, op, unlock: unlock(s), repairs: false }
    };
    match action {
        Action::Write(_) => servers.iter().map(|&s| write(s)).collect(),
        Action::Touch(_) if restamp || held.is_none() => servers.iter().map(|&s| write(s)).collect(),
        Action::Touch(_) => {
            let h = held.expect("checked above");
            // A copy that is not current gets the current one (a repair);
            // with no copy anywhere, PHP's (empty) session: a first write, not
            // a repair (PHP 8.6 touches a new empty session where 8.5 wrote it).
            let repairs = h.chosen().is_some();
            let current = h.chosen().map(Content::of).unwrap_or_else(fresh);
            servers
                .iter()
                .map(|&s| {
                    if h.is_current_on(s) {
                        Part { server: s, op: Op::Touch(current.clone()), unlock: unlock(s), repairs: false }
                    } else {
                        Part { server: s, op: Op::Set(current.clone()), unlock: unlock(s), repairs }
                    }
                })
                .collect()
        }
        Action::Release => {
            let Some(h) = held else { return Vec::new() };
            if restamp {
                let c = match h.chosen() {
                    Some(item) => Content::restamped(item, stamp),
                    None => Content::tombstone(stamp),
                };
                return servers
                    .iter()
                    .map(|&s| Part { server: s, op: Op::Set(c.clone()), unlock: unlock(s), repairs: behind(s) })
                    .collect();
            }
            servers
                .iter()
                .filter(|&&s| h.holds_lock_on(s))
                .map(|&s| match h.chosen() {
                    Some(item) if h.is_behind_on(s) => {
                        Part { server: s, op: Op::Set(Content::of(item)), unlock: Unlock::Release, repairs: true }
                    }
                    _ => Part { server: s, op: Op::None, unlock: Unlock::Release, repairs: false },
                })
                .collect()
        }
        Action::Destroy => servers
            .iter()
            .map(|&s| Part { server: s, op: Op::Set(Content::tombstone(stamp)), unlock: Unlock::Delete, repairs: false })
            .collect(),
    }
}

/// What a commit did, server by server.
#[derive(Debug, Default)]
pub struct Tally {
    /// Servers whose copy is stored (or touched) now.
    pub stored: Vec<usize>,
    /// Of those, servers whose copy was behind or had vanished.
    pub repaired: Vec<usize>,
    /// Servers that answered the data command with an error (too large...).
    pub refused: Vec<(usize, String)>,
    /// Servers that failed.
    pub failed: Vec<(usize, Failure)>,
    /// Servers whose lock record we could not give back.
    pub unlock_failed: Vec<usize>,
}

impl Tally {
    /// Adds what a further commit (to other servers) did.
    pub fn absorb(&mut self, other: Tally) {
        self.stored.extend(other.stored);
        self.repaired.extend(other.repaired);
        self.refused.extend(other.refused);
        self.failed.extend(other.failed);
        self.unlock_failed.extend(other.unlock_failed);
    }
}

/// Sends the plan: one round trip, plus one for copies found vanished
/// (a `replace` not stored, a `touch` not found), which get a `set`.
pub fn commit(pool: &Pool, proto: &Dialect, key: &[u8], parts: &[Part<'_>], lock_timeout: u32, exp: u32) -> Tally {
    let lkey = lock::lock_key(key);
    let servers: Vec<usize> = parts.iter().map(|p| p.server).collect();
    let part_of = |s: usize| parts.iter().find(|p| p.server == s).expect("a part per server");
    // Servers that get the same commands share one batch.
    let results = replicate::run_shared(pool, proto, &servers, |s| { let p = part_of(s); (&p.op, p.unlock) }, |&(op, unlock), b| {
        push_op(b, key, op, exp)?;
        match unlock {
            Unlock::Release | Unlock::Reset => lock::push_release(b, &lkey, lock_timeout)?,
            Unlock::Delete => {
                b.delete(&lkey)?;
            }
        }
        Ok(())
    });
    let mut tally = Tally::default();
    let mut vanished: Vec<(usize, Content<'_>)> = Vec::new();
    for (s, result) in results {
        let p = part_of(s);
        let replies = match result {
            Ok(r) => r,
            Err(f) => {
                if p.unlock == Unlock::Release {
                    tally.unlock_failed.push(s);
                }
                if p.op != Op::None {
                    tally.failed.push((s, f));
                }
                continue;
            }
        };
        let (first, unlock_reply) = match p.op {
            Op::None => (None, replies.first()),
            _ => (replies.first(), replies.get(1)),
        };
        if p.unlock == Unlock::Release && unlock_reply.is_none() {
            tally.unlock_failed.push(s);
        }
        match (&p.op, first) {
            (Op::None, _) => {}
            (Op::Replace(c), Some(Reply::NotStored)) | (Op::Touch(c), Some(Reply::NotFound)) => {
                vanished.push((s, c.clone()));
            }
            (_, Some(Reply::Stored | Reply::Touched)) => {
                tally.stored.push(s);
                if p.repairs {
                    tally.repaired.push(s);
                }
            }
            (_, Some(Reply::Error(_, msg))) => tally.refused.push((s, msg.clone())),
            (_, other) => tally.refused.push((s, format!("unexpected reply {other:?}"))),
        }
    }
    if !vanished.is_empty() {
        let servers: Vec<usize> = vanished.iter().map(|(s, _)| *s).collect();
        let content = |s: usize| &vanished.iter().find(|(k, _)| *k == s).expect("listed").1;
        for (s, result) in replicate::run_each(pool, proto, &servers, |s, b| {
            let c = content(s);
            b.set(key, c.flags, exp, &c.bytes).map(|_| ())
        }) {
            match result {
                Ok(r) if matches!(r.first(), Some(Reply::Stored)) => {
                    tally.stored.push(s);
                    tally.repaired.push(s);
                }
                Ok(r) => tally.refused.push((s, match r.first() {
                    Some(Reply::Error(_, m)) => m.clone(),
                    other => format!("unexpected reply {other:?}"),
                })),
                Err(f) => tally.failed.push((s, f)),
            }
        }
    }
    tally
}

fn push_op(b: &mut Batch, key: &[u8], op: &Op<'_>, exp: u32) -> Result<(), WireError> {
    match op {
        Op::None => {}
        Op::Set(c) => {
            b.set(key, c.flags, exp, &c.bytes)?;
        }
        Op::Replace(c) => {
            b.replace(key, c.flags, exp, &c.bytes)?;
        }
        Op::Touch(_) => {
            b.touch(key, exp)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::copies::judge;
    use super::*;

    fn item(data: &str, stamp: u16) -> Item {
        Item { key: b"k".to_vec(), flags: u32::from(stamp) << 16, cas: None, data: data.as_bytes().to_vec() }
    }

    fn held(servers: &[usize], copies: Vec<Option<Item>>, suspect: &[usize]) -> Held {
        let verdict = judge(&copies.iter().map(Option::as_ref).collect::<Vec<_>>());
        Held { key: b"k".to_vec(), servers: servers.to_vec(), copies, verdict, suspect: suspect.to_vec(), exp: 60 }
    }

    fn stamp_of(p: &Part<'_>) -> Option<u16> {
        match &p.op {
            Op::Set(c) | Op::Replace(c) | Op::Touch(c) => Stamp::of_flags(c.flags).map(|s| s.value()),
            Op::None => None,
        }
    }

    const CLOCK: Stamp = Stamp::FIRST;

    #[test]
    fn a_write_replaces_existing_copies_sets_missing_ones_one_stamp_past_the_newest() {
        let h = held(&[3, 5], vec![Some(item("a", 7)), None], &[]);
        let p = plan(Action::Write(b"new"), Some(&h), &[3, 5, 8], Some((b"new", 0)), CLOCK);
        assert!(matches!(&p[0].op, Op::Replace(c) if &*c.bytes == b"new"));
        assert!(matches!(&p[1].op, Op::Set(_)));
        assert!(matches!(&p[2].op, Op::Set(_)), "a replacement server");
        assert!(p.iter().all(|x| stamp_of(x) == Some(8)));
        assert_eq!(p.iter().map(|x| x.unlock).collect::<Vec<_>>(), vec![Unlock::Release, Unlock::Release, Unlock::Reset]);
    }

    #[test]
    fn a_touch_touches_current_copies_and_rewrites_the_others_from_the_current_one() {
        let h = held(&[1, 2], vec![Some(item("old", 3)), Some(item("cur", 9))], &[]);
        let p = plan(Action::Touch(b"cur"), Some(&h), &[1, 2], Some((b"cur", 0)), CLOCK);
        assert!(matches!(&p[0].op, Op::Set(c) if &*c.bytes == b"cur" && Stamp::of_flags(c.flags).unwrap().value() == 9));
        assert!(p[0].repairs);
        assert!(matches!(&p[1].op, Op::Touch(_)));
    }

    #[test]
    fn a_request_that_left_a_lock_behind_leaves_newer_copies_even_without_writing() {
        // The read's attempt on server 4 timed out (it may apply it when it
        // resumes); the request then held 1 and 2 and wrote nothing.
        let h = held(&[1, 2], vec![Some(item("cur", 9)), Some(item("cur", 9))], &[4]);
        let p = plan(Action::Release, Some(&h), &[1, 2], None, CLOCK);
        assert!(p.iter().all(|x| matches!(&x.op, Op::Set(c) if &*c.bytes == b"cur")));
        assert!(p.iter().all(|x| stamp_of(x) == Some(10)));
        let t = plan(Action::Touch(b"cur"), Some(&h), &[1, 2], Some((b"cur", 0)), CLOCK);
        assert!(t.iter().all(|x| matches!(x.op, Op::Replace(_)) && stamp_of(x) == Some(10)));
        // No session at all: a tombstone stands for it.
        let h = held(&[1, 2], vec![None, None], &[4]);
        let p = plan(Action::Release, Some(&h), &[1, 2], None, CLOCK);
        assert!(p.iter().all(|x| matches!(&x.op, Op::Set(c) if c.bytes.is_empty() && c.flags & TOMBSTONE != 0)));
    }

    #[test]
    fn touching_a_session_with_no_copy_stores_it_without_counting_a_repair() {
        let h = held(&[1, 2], vec![None, None], &[]);
        let p = plan(Action::Touch(b""), Some(&h), &[1, 2], Some((b"", 0)), CLOCK);
        assert!(p.iter().all(|x| matches!(&x.op, Op::Set(c) if c.bytes.is_empty()) && !x.repairs));
        // one copy missing while the other is current: that one is a repair
        let h = held(&[1, 2], vec![None, Some(item("cur", 9))], &[]);
        let p = plan(Action::Touch(b"cur"), Some(&h), &[1, 2], Some((b"cur", 0)), CLOCK);
        assert!(matches!(&p[0].op, Op::Set(c) if &*c.bytes == b"cur") && p[0].repairs);
        assert!(matches!(p[1].op, Op::Touch(_)) && !p[1].repairs);
    }

    #[test]
    fn a_read_only_request_repairs_what_is_behind_and_releases_everywhere() {
        let h = held(&[1, 2], vec![None, Some(item("cur", 9))], &[]);
        let p = plan(Action::Release, Some(&h), &[1, 2], None, CLOCK);
        assert!(matches!(&p[0].op, Op::Set(c) if &*c.bytes == b"cur") && p[0].repairs);
        assert_eq!(p[1].op, Op::None);
        assert!(p.iter().all(|x| x.unlock == Unlock::Release));
        // nothing held: nothing to do
        assert!(plan(Action::Release, None, &[1, 2], None, CLOCK).is_empty());
    }

    #[test]
    fn a_destroy_leaves_stamped_tombstones_and_deletes_the_lock() {
        let h = held(&[1, 2], vec![Some(item("x", 30)), Some(item("x", 30))], &[]);
        let p = plan(Action::Destroy, Some(&h), &[1, 2], None, CLOCK);
        for x in &p {
            assert!(matches!(&x.op, Op::Set(c) if c.bytes.is_empty() && c.flags & TOMBSTONE != 0));
            assert_eq!(stamp_of(x), Some(31));
            assert_eq!(x.unlock, Unlock::Delete);
        }
    }

    #[test]
    fn the_clock_overtakes_a_slow_counter() {
        let h = held(&[1], vec![Some(item("x", 30))], &[]);
        let p = plan(Action::Write(b"y"), Some(&h), &[1], Some((b"y", 2)), Stamp::of_flags(500 << 16).unwrap());
        assert_eq!(stamp_of(&p[0]), Some(500));
        assert!(matches!(&p[0].op, Op::Replace(c) if c.flags & 0xffff == 2), "pecl's own flags stay");
    }
}
