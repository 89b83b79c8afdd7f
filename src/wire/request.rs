//! Request batches: many commands in one buffer, written at once.
//!
//! Why: the session handler's lock+read (`incr K.lock 1`, `add K.lock`,
//! `get K`) and mirrored writes must cost one round trip, which means the
//! commands are encoded back to back into one `Vec<u8>` and written with a
//! single `write_all`, and the batch remembers, in order, which reply kind
//! each command expects so the replies can be parsed (and checked) in
//! order.
//!
//! The batch is also the last line of defence against command injection:
//! even though callers validate keys, every key is re-checked here (no
//! control bytes, no space, 1..=250 bytes) and a bad one is
//! refused as a value, leaving the batch unchanged.

use std::ops::Range;

use super::error::WireError;
use super::{ascii, binary};
use super::reply::{Expect, KeyList};
use super::sasl::Credentials;

/// memcached's key length limit.
pub const MAX_KEY_LEN: usize = 250;
/// Longest `stats` argument accepted (`cachedump 1 100` and friends).
pub const MAX_STATS_ARG_LEN: usize = 256;

/// Reply kind of one queued command; `Values` points at its key list in
/// the batch buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Store,
    Arith,
    Delete,
    Touch,
    FlushAll,
    Version,
    Stats,
    Values { cas: bool, keys: Range<usize> },
}

/// Which protocol a batch is encoded in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Protocol {
    /// memcached's text protocol.
    #[default]
    Ascii,
    /// memcached's binary protocol (see [`super::binary`]).
    Binary,
}

/// How one reply is framed, which tells a connection the parser to read it
/// with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// A text reply (lines, `VALUE` blocks, `END`).
    Ascii,
    /// Binary frames carrying the command's `opaque`.
    Binary { opaque: u32 },
}

/// One command as the caller means it, before a protocol encodes it
/// ([`super::ascii::encode`], [`super::binary::encode`]).
#[derive(Debug, Clone, Copy)]
pub enum Command<'a> {
    /// get/gets of one or more keys: one reply holding the hits.
    Retrieve { cas: bool, keys: &'a [&'a [u8]] },
    Store { op: StoreOp, key: &'a [u8], flags: u32, exptime: u32, data: &'a [u8] },
    Arith { op: ArithOp, key: &'a [u8], delta: u64 },
    Delete { key: &'a [u8] },
    Touch { key: &'a [u8], exptime: u32 },
    FlushAll { delay: u32 },
    Version,
    Stats { arg: Option<&'a str> },
}

/// Which store: they differ only in the condition the server applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreOp {
    Set,
    Add,
    Replace,
    Append,
    Prepend,
    /// Store only if the item's cas unique is still this one.
    Cas(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Incr,
    Decr,
}

impl Command<'_> {
    /// Refuses what memcached's protocols cannot carry safely: every key is
    /// checked here, whatever the caller checked before.
    fn check(&self) -> Result<(), WireError> {
        match *self {
            Command::Retrieve { keys, .. } => {
                if keys.is_empty() {
                    return Err(WireError::Refused("retrieval without keys".into()));
                }
                keys.iter().try_for_each(|k| check_key(k))
            }
            Command::Store { key, .. } | Command::Arith { key, .. } | Command::Delete { key } | Command::Touch { key, .. } => {
                check_key(key)
            }
            Command::Stats { arg: Some(arg) } => check_stats_arg(arg),
            Command::FlushAll { .. } | Command::Version | Command::Stats { arg: None } => Ok(()),
        }
    }

    /// Whether running it twice leaves the server as running it once would,
    /// with the same reply: not so for incr, decr, add, append, prepend and
    /// cas.
    fn is_repeatable(&self) -> bool {
        match self {
            Command::Store { op, .. } => matches!(op, StoreOp::Set | StoreOp::Replace),
            Command::Arith { .. } => false,
            _ => true,
        }
    }

    /// The reply kind it expects; `keys` is where a retrieval's key list
    /// was recorded.
    fn kind(&self, keys: Range<usize>) -> Kind {
        match self {
            Command::Retrieve { cas, .. } => Kind::Values { cas: *cas, keys },
            Command::Store { .. } => Kind::Store,
            Command::Arith { .. } => Kind::Arith,
            Command::Delete { .. } => Kind::Delete,
            Command::Touch { .. } => Kind::Touch,
            Command::FlushAll { .. } => Kind::FlushAll,
            Command::Version => Kind::Version,
            Command::Stats { .. } => Kind::Stats,
        }
    }
}

/// Commands accumulated for one connection, sent in one write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    buf: Vec<u8>,
    kinds: Vec<Kind>,
    protocol: Protocol,
    /// Binary: the keys of retrievals, space-separated (ASCII key lists
    /// point into `buf`).
    keys: Vec<u8>,
    /// Binary: credentials the connection must be authenticated with.
    credentials: Option<Credentials>,
    /// Holds a command whose second run would answer differently (incr,
    /// decr, add, append, prepend, cas): not to be resent blindly after a
    /// failure that may have come after the server applied it.
    unrepeatable: bool,
    /// Offsets in `buf` just after each store's data block: over TLS a
    /// record ends there (see [`Batch::record_ends`]).
    record_ends: Vec<usize>,
}

/// Refuse any key memcached's ASCII protocol cannot carry safely.
pub fn check_key(key: &[u8]) -> Result<(), WireError> {
    if key.is_empty() {
        return Err(WireError::Refused("empty key".into()));
    }
    if key.len() > MAX_KEY_LEN {
        return Err(WireError::Refused(format!(
            "key of {} bytes exceeds {MAX_KEY_LEN}",
            key.len()
        )));
    }
    // Exactly the bytes memcached's ASCII protocol cannot carry in a key:
    // space and the control bytes (CR, LF ...). DEL (0x7f) is an ordinary
    // key byte for memcached, and pecl memcache sends it unchanged (its key
    // mapping turns only bytes <= 0x20 into '_'), so refusing it would make
    // sessions pecl stores unreadable here.
    // Checked without an early exit (the loop vectorizes); the culprit is
    // looked for only when there is one.
    if key.iter().fold(false, |bad, &b| bad | (b <= 0x20)) {
        let b = key.iter().copied().find(|&b| b <= 0x20).unwrap_or(0);
        return Err(WireError::Refused(format!(
            "key contains byte 0x{b:02x} (control or space)"
        )));
    }
    Ok(())
}

fn check_stats_arg(arg: &str) -> Result<(), WireError> {
    let bytes = arg.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_STATS_ARG_LEN {
        return Err(WireError::Refused(
            "stats argument empty or too long".into(),
        ));
    }
    if bytes.iter().any(|&b| (b < 0x20) || b == 0x7f) {
        return Err(WireError::Refused(
            "stats argument contains a control byte".into(),
        ));
    }
    Ok(())
}

/// The protocol and identity a group of batches is spoken in: what the
/// session handler hands its lock, read and write code, so that every batch
/// of a session carries the session's SASL credentials.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dialect {
    pub protocol: Protocol,
    pub credentials: Option<Credentials>,
}

impl Dialect {
    /// An empty batch in this protocol, with these credentials.
    pub fn batch(&self) -> Batch {
        let mut b = Batch::with_protocol(self.protocol);
        if self.credentials.is_some() {
            b.set_credentials(self.credentials.clone());
        }
        b
    }
}

impl Batch {
    /// An ASCII batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// A batch whose commands are encoded in `protocol`.
    pub fn with_protocol(protocol: Protocol) -> Batch {
        // The buffer is sized by the first command (see `push`).
        Batch { protocol, kinds: Vec::with_capacity(4), ..Batch::default() }
    }

    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// Binary protocol: run this batch on a connection authenticated
    /// (SASL PLAIN) with `credentials`. Ignored in ASCII, which has no
    /// authentication (as pecl memcache ignores them there).
    pub fn set_credentials(&mut self, credentials: Option<Credentials>) -> &mut Batch {
        self.credentials = credentials;
        self
    }

    /// The credentials to authenticate with before sending (binary only).
    pub fn credentials(&self) -> Option<&Credentials> {
        match self.protocol {
            Protocol::Binary => self.credentials.as_ref(),
            Protocol::Ascii => None,
        }
    }

    /// How the reply to command `i` is framed: a binary frame carries the
    /// command's position in the batch as its opaque.
    pub fn framing(&self, i: usize) -> Framing {
        match self.protocol {
            Protocol::Ascii => Framing::Ascii,
            Protocol::Binary => Framing::Binary { opaque: i as u32 },
        }
    }

    /// Empty the batch, keeping its allocations (and protocol and
    /// credentials) for reuse.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.kinds.clear();
        self.keys.clear();
        self.unrepeatable = false;
    }

    /// Whether running the batch twice leaves the server as running it
    /// once would, with the same replies (get, set, replace, delete, touch,
    /// ...): only such a batch may be resent on a fresh connection when a
    /// reused one fails after it was written.
    pub fn is_repeatable(&self) -> bool {
        !self.unrepeatable
    }

    /// Number of commands (= replies expected).
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The encoded request bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Where a TLS record must end: after every store's data block.
    /// memcached (1.6, `-Z`) reads a data block that did not arrive with its
    /// command line straight into the item, asking OpenSSL for exactly its
    /// length; commands after it in the same record then sit in OpenSSL's
    /// buffer, the socket has nothing more to read, and memcached waits
    /// for bytes that never come (a set + get of 60 KB hung until the
    /// timeout). A record boundary there leaves the rest in the socket,
    /// where memcached's poll sees it.
    pub fn record_ends(&self) -> &[usize] {
        &self.record_ends
    }

    /// The reply kind expected for command `i`.
    pub fn expect(&self, i: usize) -> Option<Expect<'_>> {
        self.kinds.get(i).map(|k| self.to_expect(k))
    }

    /// The reply kinds, in command order.
    pub fn expects(&self) -> impl Iterator<Item = Expect<'_>> + '_ {
        self.kinds.iter().map(move |k| self.to_expect(k))
    }

    fn to_expect(&self, kind: &Kind) -> Expect<'_> {
        match kind {
            Kind::Store => Expect::Store,
            Kind::Arith => Expect::Arith,
            Kind::Delete => Expect::Delete,
            Kind::Touch => Expect::Touch,
            Kind::FlushAll => Expect::FlushAll,
            Kind::Version => Expect::Version,
            Kind::Stats => Expect::Stats,
            Kind::Values { cas, keys } => {
                let list = match self.protocol {
                    Protocol::Ascii => &self.buf,
                    Protocol::Binary => &self.keys,
                };
                Expect::Values {
                    cas: *cas,
                    keys: KeyList::new(list.get(keys.clone()).unwrap_or(&[])),
                }
            }
        }
    }

    /// `get key`
    pub fn get(&mut self, key: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Retrieve { cas: false, keys: &[key] })
    }

    /// `get k1 k2 ...` (one reply holding the hits).
    pub fn get_multi(&mut self, keys: &[&[u8]]) -> Result<&mut Batch, WireError> {
        self.push(Command::Retrieve { cas: false, keys })
    }

    /// `gets k1 k2 ...` (hits carry their cas unique).
    pub fn gets(&mut self, keys: &[&[u8]]) -> Result<&mut Batch, WireError> {
        self.push(Command::Retrieve { cas: true, keys })
    }

    /// `set key flags exptime len` + data.
    pub fn set(&mut self, key: &[u8], flags: u32, exptime: u32, data: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Store { op: StoreOp::Set, key, flags, exptime, data })
    }

    /// `add`: store only if absent.
    pub fn add(&mut self, key: &[u8], flags: u32, exptime: u32, data: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Store { op: StoreOp::Add, key, flags, exptime, data })
    }

    /// `replace`: store only if present.
    pub fn replace(&mut self, key: &[u8], flags: u32, exptime: u32, data: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Store { op: StoreOp::Replace, key, flags, exptime, data })
    }

    /// `append` (memcached ignores flags and exptime for it).
    pub fn append(&mut self, key: &[u8], flags: u32, exptime: u32, data: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Store { op: StoreOp::Append, key, flags, exptime, data })
    }

    /// `prepend` (memcached ignores flags and exptime for it).
    pub fn prepend(&mut self, key: &[u8], flags: u32, exptime: u32, data: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Store { op: StoreOp::Prepend, key, flags, exptime, data })
    }

    /// `cas key flags exptime len unique` + data.
    pub fn cas(&mut self, key: &[u8], flags: u32, exptime: u32, data: &[u8], cas: u64) -> Result<&mut Batch, WireError> {
        self.push(Command::Store { op: StoreOp::Cas(cas), key, flags, exptime, data })
    }

    /// `incr key delta`
    pub fn incr(&mut self, key: &[u8], delta: u64) -> Result<&mut Batch, WireError> {
        self.push(Command::Arith { op: ArithOp::Incr, key, delta })
    }

    /// `decr key delta` (memcached floors at 0).
    pub fn decr(&mut self, key: &[u8], delta: u64) -> Result<&mut Batch, WireError> {
        self.push(Command::Arith { op: ArithOp::Decr, key, delta })
    }

    /// `delete key`
    pub fn delete(&mut self, key: &[u8]) -> Result<&mut Batch, WireError> {
        self.push(Command::Delete { key })
    }

    /// `touch key exptime`
    pub fn touch(&mut self, key: &[u8], exptime: u32) -> Result<&mut Batch, WireError> {
        self.push(Command::Touch { key, exptime })
    }

    /// `flush_all` (delay 0) or `flush_all delay`.
    pub fn flush_all(&mut self, delay: u32) -> Result<&mut Batch, WireError> {
        self.push(Command::FlushAll { delay })
    }

    /// `version`
    pub fn version(&mut self) -> Result<&mut Batch, WireError> {
        self.push(Command::Version)
    }

    /// `stats` or `stats <arg>` (`items`, `slabs`, `sizes`,
    /// `cachedump 1 100`, `reset`, ...). The argument may contain spaces
    /// but no control byte.
    pub fn stats(&mut self, arg: Option<&str>) -> Result<&mut Batch, WireError> {
        self.push(Command::Stats { arg })
    }

    /// Checks `cmd` (a refused one leaves the batch unchanged), encodes it
    /// in the batch's protocol and records the reply it expects.
    fn push(&mut self, cmd: Command<'_>) -> Result<&mut Batch, WireError> {
        cmd.check()?;
        if self.buf.capacity() == 0 {
            // Room for a session's lock attempt (three commands), or for a
            // store and a short command after it (a session write and its
            // lock release), without growing: a buffer grown from a small
            // one is copied (a session write's data was, every time).
            let data = match cmd {
                Command::Store { data, .. } => data.len(),
                _ => 0,
            };
            self.buf.reserve(160 + data);
        }
        let keys = match self.protocol {
            Protocol::Ascii => ascii::encode(&cmd, &mut self.buf),
            Protocol::Binary => binary::encode(&cmd, self.kinds.len() as u32, &mut self.buf, &mut self.keys),
        };
        self.unrepeatable |= !cmd.is_repeatable();
        if matches!(cmd, Command::Store { .. }) {
            self.record_ends.push(self.buf.len());
        }
        self.kinds.push(cmd.kind(keys));
        Ok(self)
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    fn text(b: &Batch) -> String {
        String::from_utf8(b.as_bytes().to_vec()).unwrap()
    }

    /// One of every command, in both tests' order.
    fn every_command(b: &mut Batch) {
        b.get(b"k").unwrap();
        b.get_multi(&[b"a", b"b"]).unwrap();
        b.gets(&[b"c"]).unwrap();
        b.set(b"k", 1, 2, b"xy").unwrap();
        b.add(b"k", 0, 0, b"").unwrap();
        b.replace(b"k", 3, 4, b"z").unwrap();
        b.append(b"k", 0, 0, b"a").unwrap();
        b.prepend(b"k", 0, 0, b"p").unwrap();
        b.cas(b"k", u32::MAX, 5, b"c", u64::MAX).unwrap();
        b.incr(b"n", 1).unwrap();
        b.decr(b"n", 0).unwrap();
        b.delete(b"k").unwrap();
        b.touch(b"k", 60).unwrap();
        b.flush_all(0).unwrap().flush_all(10).unwrap();
        b.version().unwrap();
        b.stats(None).unwrap().stats(Some("cachedump 1 10")).unwrap();
    }

    #[test]
    fn encodes_every_command() {
        let mut b = Batch::new();
        every_command(&mut b);
        assert_eq!(
            text(&b),
            "get k\r\nget a b\r\ngets c\r\nset k 1 2 2\r\nxy\r\nadd k 0 0 0\r\n\r\n\
             replace k 3 4 1\r\nz\r\nappend k 0 0 1\r\na\r\nprepend k 0 0 1\r\np\r\n\
             cas k 4294967295 5 1 18446744073709551615\r\nc\r\nincr n 1\r\ndecr n 0\r\n\
             delete k\r\ntouch k 60\r\nflush_all\r\nflush_all 10\r\nversion\r\nstats\r\n\
             stats cachedump 1 10\r\n"
        );
        assert_eq!(b.len(), 18);
        let e: Vec<_> = b.expects().collect();
        assert_eq!(
            e[1],
            Expect::Values {
                cas: false,
                keys: KeyList::new(b"a b")
            }
        );
        assert_eq!(
            e[2],
            Expect::Values {
                cas: true,
                keys: KeyList::new(b"c")
            }
        );
        assert_eq!(e[3], Expect::Store);
        assert_eq!(e[9], Expect::Arith);
        assert_eq!(e[17], Expect::Stats);
        assert_eq!(b.expect(18), None);
        b.clear();
        assert!(b.is_empty() && b.as_bytes().is_empty());
    }

    #[test]
    fn refuses_injecting_keys_and_leaves_batch_unchanged() {
        let mut b = Batch::new();
        b.get(b"ok").unwrap();
        let before = b.clone();
        let long = vec![b'a'; 251];
        let bad: Vec<&[u8]> = vec![
            b"",
            b"a b",
            b"a\r\nflush_all",
            b"a\nb",
            b"a\x00",
            b"\x1f",
            b"tab\t",
            &long,
        ];
        for key in &bad {
            assert!(matches!(b.get(key), Err(WireError::Refused(_))));
            assert!(matches!(
                b.get_multi(&[b"fine", key]),
                Err(WireError::Refused(_))
            ));
            assert!(matches!(b.gets(&[key]), Err(WireError::Refused(_))));
            assert!(b.set(key, 0, 0, b"x").is_err());
            assert!(b.add(key, 0, 0, b"x").is_err());
            assert!(b.replace(key, 0, 0, b"x").is_err());
            assert!(b.append(key, 0, 0, b"x").is_err());
            assert!(b.prepend(key, 0, 0, b"x").is_err());
            assert!(b.cas(key, 0, 0, b"x", 1).is_err());
            assert!(b.incr(key, 1).is_err());
            assert!(b.decr(key, 1).is_err());
            assert!(b.delete(key).is_err());
            assert!(b.touch(key, 1).is_err());
        }
        assert!(b.get_multi(&[]).is_err());
        assert!(b.gets(&[]).is_err());
        assert!(b.stats(Some("items\r\nflush_all")).is_err());
        assert!(b.stats(Some("")).is_err());
        assert!(b.stats(Some(&"x".repeat(MAX_STATS_ARG_LEN + 1))).is_err());
        assert_eq!(b, before);
        // DEL and bytes above it (as pecl memcache sends them), and the
        // 250-byte maximum, are fine.
        assert!(b.get(b"x\x7fy").is_ok());
        let max = vec![b'k'; 250];
        assert!(b.get(&max).is_ok());
        assert!(b.get("ключ".as_bytes()).is_ok());
        assert!(!WireError::Refused(String::new()).is_server_failure());
    }

    /// Every command in the binary protocol, byte for byte (each frame's
    /// opaque is its position in the batch).
    #[test]
    fn binary_encodes_every_command() {
        let mut b = Batch::with_protocol(Protocol::Binary);
        every_command(&mut b);
        let hex: String = b.as_bytes().iter().map(|x| format!("{x:02x}")).collect();
        assert_eq!(hex, GOLDEN_BINARY);
        assert_eq!(b.len(), 18);
        let e: Vec<_> = b.expects().collect();
        assert_eq!(e[1], Expect::Values { cas: false, keys: KeyList::new(b"a b") });
        assert_eq!(e[2], Expect::Values { cas: true, keys: KeyList::new(b"c") });
        assert_eq!((e[3], e[9], e[11], e[12], e[13], e[15], e[16]), (Expect::Store, Expect::Arith, Expect::Delete, Expect::Touch, Expect::FlushAll, Expect::Version, Expect::Stats));
        assert!(!b.is_repeatable());
        assert_eq!(b.record_ends().len(), 6);
        let mut r = Batch::with_protocol(Protocol::Binary);
        r.get(b"k").unwrap().set(b"k", 0, 0, b"v").unwrap().replace(b"k", 0, 0, b"v").unwrap().delete(b"k").unwrap().touch(b"k", 1).unwrap();
        assert!(r.is_repeatable());
    }

    const GOLDEN_BINARY: &str = concat!(
        "800c000100000000000000010000000000000000000000006b800d000100000000000000010000000100000000000000",
        "0061800d0001000000000000000100000001000000000000000062800a00000000000000000000000000010000000000",
        "000000800c000100000000000000010000000200000000000000006380010001080000000000000b0000000300000000",
        "0000000000000001000000026b787980020001080000000000000900000004000000000000000000000000000000006b",
        "80030001080000000000000a00000005000000000000000000000003000000046b7a800e000100000000000000020000",
        "000600000000000000006b61800f000100000000000000020000000700000000000000006b7080010001080000000000",
        "000a00000008ffffffffffffffffffffffff000000056b63800500011400000000000015000000090000000000000000",
        "00000000000000010000000000000000ffffffff6e8006000114000000000000150000000a0000000000000000000000",
        "00000000000000000000000000ffffffff6e8004000100000000000000010000000b00000000000000006b801c000104",
        "000000000000050000000c00000000000000000000003c6b8008000000000000000000000000000d0000000000000000",
        "8008000004000000000000040000000e00000000000000000000000a800b000000000000000000000000000f00000000",
        "000000008010000000000000000000000000001000000000000000008010000e000000000000000e0000001100000000",
        "00000000636163686564756d702031203130",
    );

    #[test]
    fn data_may_contain_anything() {
        let mut b = Batch::new();
        b.set(b"k", 0, 0, b"\r\nEND\r\nget x\r\n").unwrap();
        assert_eq!(text(&b), "set k 0 0 14\r\n\r\nEND\r\nget x\r\n\r\n");
    }
}
