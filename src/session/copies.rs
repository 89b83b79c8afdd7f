//! Which copy of a session is current when its servers disagree.
//!
//! Every copy this extension writes carries a *write stamp* in the high 16
//! bits of its client flags: the stamp of the copy it was based on plus one.
//! Writes of a session are serialized by its lock, so stamps grow with each
//! write; a copy that missed writes (its daemon hung, or was down and came
//! back with what it held before) carries an older stamp than the copies
//! that took them. The reader asks every server of the session in the same
//! round trip as the lock (see `lock`), compares the stamps here and serves
//! the newest; the servers behind are repaired by the request's write.
//!
//! Why the flags: they are stored and returned atomically with the data (a
//! separate version record could be evicted or written apart from it), and
//! pecl memcache's reader ignores everything above its own low 16 bits
//! (`mmc_unpack_value` looks at 0x1, 0x2 and 0x0f00 only), so pecl reads
//! stamped copies unharmed. pecl writes flags 0: a copy without a stamp
//! cannot be ordered, and when any copy lacks one the reader falls back to
//! pecl's own rule (the first server's copy), so a mixed fleet never does
//! worse than pecl.
//!
//! Stamps run 1..=65535 and wrap to 1 (0 means "no stamp"); they are
//! compared in serial-number arithmetic (RFC 1982) on that ring, which is
//! exact while two copies are less than 32768 writes apart — a copy that
//! missed 32768 or more consecutive writes of its session would look newer.
//!
//! A destroyed session leaves a *tombstone* on its servers: an empty copy
//! with the next stamp and [`TOMBSTONE`] set, so a daemon that was
//! unreachable during the destroy and comes back with the old copy cannot
//! bring a logged-out session back. pecl reads a tombstone as the empty
//! session it stands for.
//!
//! Nothing here does I/O: it is the pure decision, tested below.

use crate::wire::Item;

/// Client flag of a tombstone (a destroyed session).
pub const TOMBSTONE: u32 = crate::codec::FLAG_TOMBSTONE;

/// Where the stamp lives in the client flags.
const STAMP_SHIFT: u32 = 16;

/// A copy's write stamp; `None` for a copy without one (written by pecl
/// memcache, or by a version of this extension before stamps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(u16);

impl Stamp {
    /// The stamp of a first write (no copy to follow).
    pub const FIRST: Stamp = Stamp(1);

    /// The stamp in client flags `flags`, if any.
    pub fn of_flags(flags: u32) -> Option<Stamp> {
        match (flags >> STAMP_SHIFT) as u16 {
            0 => None,
            s => Some(Stamp(s)),
        }
    }

    /// The stamp of the write that follows a copy stamped `self`.
    pub fn next(self) -> Stamp {
        Stamp(if self.0 == u16::MAX { 1 } else { self.0 + 1 })
    }

    /// `flags` with this stamp in the stamp bits.
    pub fn apply(self, flags: u32) -> u32 {
        (flags & 0xffff) | (u32::from(self.0) << STAMP_SHIFT)
    }

    /// Whether `self` is newer than `other` (serial-number order on the
    /// ring 1..=65535).
    pub fn is_newer_than(self, other: Stamp) -> bool {
        const RING: u32 = u16::MAX as u32; // 65535 values
        let d = (u32::from(self.0) + RING - u32::from(other.0)) % RING;
        d != 0 && d < RING.div_ceil(2)
    }

    pub fn value(self) -> u16 {
        self.0
    }
}

/// The stamp that follows the newest of what was read (a first stamp when
/// nothing stamped was read).
pub fn next_stamp(newest: Option<Stamp>) -> Stamp {
    newest.map_or(Stamp::FIRST, Stamp::next)
}

/// The stamp of a write after reading copies stamped up to `seen`, at
/// `clock`: the later of "one past what was read" and the clock (a hybrid
/// logical clock). The counter part orders writes of one session, however
/// fast; the clock part makes a write newer than any copy written earlier
/// even when what was read had no stamp — pecl memcache's writes in a mixed
/// fleet, or ours before stamps — so a copy left behind on a daemon that
/// was away cannot overtake it.
pub fn stamp_after(seen: Option<Stamp>, clock: Stamp) -> Stamp {
    match seen {
        None => clock,
        Some(s) if clock.is_newer_than(s.next()) => clock,
        Some(s) => s.next(),
    }
}

/// The clock of [`stamp_after`]: unix seconds on the stamp ring. Web
/// servers' clocks must agree within hours (NTP) for it to help; when they
/// do not, the counter part still orders what each server reads.
pub fn clock_now() -> Stamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Stamp((secs % u64::from(u16::MAX)) as u16 + 1)
}

/// Whether a stored copy is a tombstone.
pub fn is_tombstone(item: &Item) -> bool {
    item.flags & TOMBSTONE != 0
}

/// What the copies of one session say, read from its servers in their
/// failover order. `copies[i]` is server `i`'s copy (`None`: it has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Index (into the copies) of the copy to serve; `None` when no server
    /// has one.
    pub chosen: Option<usize>,
    /// Its stamp, when every copy is stamped (the copies could be ordered).
    pub newest: Option<Stamp>,
    /// Whether every copy read carries a stamp (no copy of pecl's).
    pub ordered: bool,
    /// The newest stamp among the stamped copies, ordered or not: what a
    /// write after this read must follow.
    pub seen: Option<Stamp>,
    /// Indexes of the copies that are current: the stamp of the chosen one
    /// when ordered, else just the chosen one.
    pub current: Vec<usize>,
    /// Indexes of the servers whose copy is missing or differs from the
    /// chosen one: they get the session back (repair).
    pub behind: Vec<usize>,
    /// Indexes of the servers whose copy is *provably* older than the
    /// chosen one (ordered stamps, strictly older) or missing while another
    /// server has one: what a lock record there can no longer be guarding.
    pub superseded: Vec<usize>,
}

/// Picks the copy to serve. With every copy stamped: the newest stamp (the
/// first server of the order among equals). With any unstamped copy:
/// pecl's rule, the first server's copy that exists.
pub fn judge(copies: &[Option<&Item>]) -> Verdict {
    let ordered = copies.iter().flatten().all(|c| Stamp::of_flags(c.flags).is_some());
    let mut chosen: Option<usize> = None;
    for (i, c) in copies.iter().enumerate() {
        let Some(c) = c else { continue };
        chosen = match chosen {
            None => Some(i),
            Some(j) if ordered => {
                let (si, sj) = (stamp_of(c), stamp_of(copies[j].expect("chosen exists")));
                if si.is_newer_than(sj) { Some(i) } else { Some(j) }
            }
            keep => keep,
        };
    }
    let seen = copies.iter().flatten().filter_map(|c| Stamp::of_flags(c.flags)).reduce(|a, b| if b.is_newer_than(a) { b } else { a });
    let Some(ch) = chosen else {
        return Verdict {
            chosen: None,
            newest: None,
            ordered: true,
            seen: None,
            current: Vec::new(),
            behind: Vec::new(),
            superseded: Vec::new(),
        };
    };
    let best = copies[ch].expect("chosen exists");
    let newest = if ordered { Stamp::of_flags(best.flags) } else { None };
    let mut current = Vec::new();
    let mut behind = Vec::new();
    let mut superseded = Vec::new();
    for (i, c) in copies.iter().enumerate() {
        match c {
            None => {
                behind.push(i);
                superseded.push(i);
            }
            Some(c) => {
                let same_stamp = ordered && stamp_of(c) == stamp_of(best);
                if i == ch || same_stamp {
                    current.push(i);
                } else if ordered {
                    superseded.push(i);
                }
                if i != ch && (c.flags != best.flags || c.data != best.data) {
                    behind.push(i);
                }
            }
        }
    }
    Verdict { chosen: Some(ch), newest, ordered, seen, current, behind, superseded }
}

fn stamp_of(item: &Item) -> Stamp {
    Stamp::of_flags(item.flags).unwrap_or(Stamp(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(data: &str, flags: u32) -> Item {
        Item { key: b"k".to_vec(), flags, cas: None, data: data.as_bytes().to_vec() }
    }

    fn stamped(data: &str, s: u16) -> Item {
        item(data, Stamp(s).apply(0))
    }

    #[test]
    fn stamps_live_in_the_high_half_and_keep_pecls_bits() {
        assert_eq!(Stamp(7).apply(0x0002), 0x0007_0002);
        assert_eq!(Stamp::of_flags(0x0007_0002), Some(Stamp(7)));
        assert_eq!(Stamp::of_flags(0x0002), None);
        assert_eq!(Stamp::of_flags(TOMBSTONE), None);
        assert_eq!(Stamp(u16::MAX).next(), Stamp(1));
        assert_eq!(next_stamp(None), Stamp::FIRST);
        assert_eq!(next_stamp(Some(Stamp(41))), Stamp(42));
    }

    #[test]
    fn a_write_follows_what_was_read_and_the_clock() {
        // the counter wins while writes come faster than the clock
        assert_eq!(stamp_after(Some(Stamp(500)), Stamp(400)), Stamp(501));
        // the clock wins after a pause, or after an unstamped read
        assert_eq!(stamp_after(Some(Stamp(500)), Stamp(900)), Stamp(900));
        assert_eq!(stamp_after(None, Stamp(900)), Stamp(900));
        // nothing stamped read: the clock, wherever it is on the ring
        assert_eq!(stamp_after(None, Stamp(40000)), Stamp(40000));
        // across the wrap
        assert_eq!(stamp_after(Some(Stamp(65535)), Stamp(3)), Stamp(3));
        assert_eq!(stamp_after(Some(Stamp(2)), Stamp(65530)), Stamp(3));
        let c = clock_now();
        assert!(c.value() >= 1);
    }

    #[test]
    fn a_pecl_write_in_between_does_not_let_an_old_copy_overtake() {
        // ours wrote stamp 40 at time 40 on C; pecl then rewrote A and B
        // (no stamp); ours reads A and B at time 100 and writes them.
        let w = stamp_after(judge(&[Some(&item("p", 0)), Some(&item("p", 0))]).seen, Stamp(100));
        assert!(w.is_newer_than(Stamp(40)));
    }

    #[test]
    fn serial_order_across_the_wrap() {
        assert!(Stamp(2).is_newer_than(Stamp(1)));
        assert!(!Stamp(1).is_newer_than(Stamp(2)));
        assert!(!Stamp(5).is_newer_than(Stamp(5)));
        // 65535 -> 1 is one write
        assert!(Stamp(1).is_newer_than(Stamp(u16::MAX)));
        assert!(Stamp(3).is_newer_than(Stamp(65534)));
        // up to 32767 writes apart is exact
        assert!(Stamp(32768).is_newer_than(Stamp(1)));
        assert!(Stamp(100).is_newer_than(Stamp(100u16.wrapping_sub(32767).max(1))));
        // every pair: exactly one of newer/older/equal
        for a in [1u16, 2, 100, 32767, 32768, 40000, 65534, 65535] {
            for b in [1u16, 2, 100, 32767, 32768, 40000, 65534, 65535] {
                let (x, y) = (Stamp(a), Stamp(b));
                let n = [x.is_newer_than(y), y.is_newer_than(x), a == b].iter().filter(|v| **v).count();
                assert_eq!(n, 1, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn newest_stamp_wins_wherever_it_is() {
        let (old, new) = (stamped("n|i:3;", 3), stamped("n|i:9;", 9));
        let v = judge(&[Some(&old), Some(&new)]);
        assert_eq!(v.chosen, Some(1));
        assert_eq!(v.newest, Some(Stamp(9)));
        assert_eq!(v.current, vec![1]);
        assert_eq!(v.behind, vec![0]);
        assert_eq!(v.superseded, vec![0]);
        let v = judge(&[Some(&new), None, Some(&old)]);
        assert_eq!(v.chosen, Some(0));
        assert_eq!(v.behind, vec![1, 2]);
        assert_eq!(v.superseded, vec![1, 2]);
    }

    #[test]
    fn equal_stamps_are_all_current_the_first_is_served() {
        let (a, b) = (stamped("x", 4), stamped("x", 4));
        let v = judge(&[Some(&a), Some(&b)]);
        assert_eq!((v.chosen, v.current.clone(), v.behind.clone()), (Some(0), vec![0, 1], vec![]));
        assert!(v.superseded.is_empty());
    }

    #[test]
    fn a_copy_without_stamp_falls_back_to_pecls_first_server() {
        let (pecl, ours) = (item("pecl", 0), stamped("ours", 12));
        let v = judge(&[Some(&pecl), Some(&ours)]);
        assert_eq!((v.chosen, v.ordered, v.newest), (Some(0), false, None));
        assert_eq!(v.behind, vec![1]);
        assert!(v.superseded.is_empty(), "unordered copies prove nothing");
        let v = judge(&[None, Some(&pecl), Some(&ours)]);
        assert_eq!(v.chosen, Some(1));
        assert_eq!(v.superseded, vec![0], "a missing copy is behind any copy");
    }

    #[test]
    fn nothing_anywhere() {
        let v = judge(&[None, None]);
        assert_eq!(v.chosen, None);
        assert!(v.behind.is_empty() && v.superseded.is_empty() && v.current.is_empty());
    }

    #[test]
    fn tombstones_are_copies_like_others() {
        let tomb = item("", Stamp(6).apply(TOMBSTONE));
        let old = stamped("user|s:5:\"alice\";", 5);
        assert!(is_tombstone(&tomb) && !is_tombstone(&old));
        let v = judge(&[Some(&old), Some(&tomb)]);
        assert_eq!(v.chosen, Some(1), "the destroy is newer than the copy a hung daemon kept");
    }
}
