//! Parser of memcached binary replies: a total function over bytes, the
//! binary twin of [`ReplyParser`](super::ReplyParser).
//!
//! Same contract as the ASCII parser: it knows which reply kind the
//! command expects ([`Expect`]) and which opaque it was sent with (its
//! position in the batch), so a reply to another command is refused
//! instead of being paired with this one; it works on partial input and
//! consumes complete frames as it goes (one item, one stat); it never
//! trusts a length: the announced body length is checked against
//! [`Limits`] before anything is buffered for it.
//!
//! Binary statuses are mapped onto the ASCII replies, so callers see the
//! same [`Reply`] whatever the protocol: `add` on an existing key and
//! `replace`/`append`/`prepend` on a missing one are `NotStored` (ASCII
//! `NOT_STORED`), a cas mismatch is `Exists`, a cas on a missing key is
//! `NotFound`; other error statuses become [`Reply::Error`] with the
//! server's message.

use super::binary::{decode_header, op, status, Header, HeaderError, HEADER_LEN};
use super::request::MAX_KEY_LEN;
use super::reply::{ErrorKind, Expect, Item, Limits, ProtocolError, Reply};

/// Incremental parser for one binary reply at a time.
#[derive(Debug, Default)]
pub struct BinaryParser {
    items: Vec<Item>,
    stats: Vec<(String, String)>,
    /// First error status seen in a quiet multi-get (reported at its noop).
    error: Option<Reply>,
    key_cursor: usize,
    /// Bytes of the current reply consumed so far (for `max_reply`).
    total: usize,
}

/// Parse one binary reply, sent with `opaque`, at the front of `buf`
/// (stateless; see [`super::parse`] for the meaning of the result).
pub fn parse_binary(
    expect: &Expect<'_>,
    opaque: u32,
    buf: &[u8],
    limits: &Limits,
) -> Result<Option<(Reply, usize)>, ProtocolError> {
    let mut parser = BinaryParser::new();
    match parser.advance(expect, opaque, buf, limits)? {
        (Some(reply), consumed) => Ok(Some((reply, consumed))),
        (None, _) => Ok(None),
    }
}

/// `Reply::Error` for an error status, with the server's message (or a
/// description of the status when the body is empty).
fn error_reply(status: u16, message: &[u8]) -> Reply {
    let kind = match status {
        status::UNKNOWN_COMMAND => ErrorKind::Error,
        status::INVALID_ARGUMENTS | status::NON_NUMERIC => ErrorKind::ClientError,
        _ => ErrorKind::ServerError,
    };
    let text = if message.is_empty() {
        match status {
            status::TOO_LARGE => "object too large for cache".to_string(),
            status::OUT_OF_MEMORY => "out of memory".to_string(),
            status::AUTH_ERROR => "authentication required".to_string(),
            _ => format!("status 0x{status:04x}"),
        }
    } else {
        String::from_utf8_lossy(message).into_owned()
    };
    Reply::Error(kind, text)
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl BinaryParser {
    pub fn new() -> BinaryParser {
        BinaryParser::default()
    }

    /// Forget any partial reply.
    pub fn reset(&mut self) {
        self.items.clear();
        self.stats.clear();
        self.error = None;
        self.key_cursor = 0;
        self.total = 0;
    }

    /// Feed the bytes not yet consumed; same contract as
    /// [`ReplyParser::advance`](super::ReplyParser::advance).
    pub fn advance(
        &mut self,
        expect: &Expect<'_>,
        opaque: u32,
        buf: &[u8],
        limits: &Limits,
    ) -> Result<(Option<Reply>, usize), ProtocolError> {
        let result = self.advance_inner(expect, opaque, buf, limits);
        match &result {
            Ok((Some(_), _)) | Err(_) => self.reset(),
            Ok((None, _)) => {}
        }
        result
    }

    fn advance_inner(
        &mut self,
        expect: &Expect<'_>,
        opaque: u32,
        buf: &[u8],
        limits: &Limits,
    ) -> Result<(Option<Reply>, usize), ProtocolError> {
        let mut pos = 0;
        loop {
            let rest = buf.get(pos..).unwrap_or(&[]);
            let head = &rest[..rest.len().min(HEADER_LEN)];
            let h = match decode_header(rest) {
                Ok(Some(h)) => h,
                Ok(None) => return Ok((None, pos)),
                Err(HeaderError::BadMagic) => {
                    return Err(ProtocolError::new("not a binary response frame", head))
                }
                Err(HeaderError::BadLengths) => {
                    return Err(ProtocolError::new("frame lengths inconsistent", head))
                }
            };
            if h.opaque != opaque {
                return Err(ProtocolError::new(
                    &format!("reply opaque {} does not match request {opaque}", h.opaque),
                    head,
                ));
            }
            if !answers(expect, h.opcode) {
                return Err(ProtocolError::new(
                    &format!("reply opcode 0x{:02x} does not answer this command", h.opcode),
                    head,
                ));
            }
            self.check_frame(expect, &h, limits, head)?;
            let frame_len = HEADER_LEN + h.body_len;
            if rest.len() < frame_len {
                return Ok((None, pos));
            }
            let body = &rest[HEADER_LEN..frame_len];
            let extras = &body[..h.extras_len];
            let key = &body[h.extras_len..h.extras_len + h.key_len];
            let value = &body[h.extras_len + h.key_len..];
            let done = |reply: Reply| Ok((Some(reply), pos + frame_len));
            let ok = h.status == status::OK;
            let not_found = h.status == status::KEY_NOT_FOUND;
            match expect {
                Expect::Store => {
                    return done(match (h.status, h.opcode) {
                        (status::OK, _) => Reply::Stored,
                        (status::NOT_STORED, _) => Reply::NotStored,
                        (status::KEY_EXISTS, op::ADD) => Reply::NotStored,
                        (status::KEY_EXISTS, _) => Reply::Exists,
                        (status::KEY_NOT_FOUND, op::REPLACE | op::APPEND | op::PREPEND) => {
                            Reply::NotStored
                        }
                        (status::KEY_NOT_FOUND, _) => Reply::NotFound,
                        (s, _) => error_reply(s, value),
                    })
                }
                Expect::Arith => {
                    return done(if ok {
                        let n: [u8; 8] = value.try_into().map_err(|_| {
                            ProtocolError::new("incr/decr value is not 8 bytes", head)
                        })?;
                        Reply::Number(u64::from_be_bytes(n))
                    } else if not_found {
                        Reply::NotFound
                    } else {
                        error_reply(h.status, value)
                    })
                }
                Expect::Delete | Expect::Touch => {
                    return done(if ok {
                        if matches!(expect, Expect::Delete) {
                            Reply::Deleted
                        } else {
                            Reply::Touched
                        }
                    } else if not_found {
                        Reply::NotFound
                    } else {
                        error_reply(h.status, value)
                    })
                }
                Expect::FlushAll => {
                    return done(if ok { Reply::Ok } else { error_reply(h.status, value) })
                }
                Expect::Version => {
                    return done(if ok {
                        Reply::Version(lossy(value))
                    } else {
                        error_reply(h.status, value)
                    })
                }
                Expect::Stats => {
                    if !ok {
                        // An error ends the reply, even mid-dump.
                        return done(error_reply(h.status, value));
                    }
                    if key.is_empty() {
                        return done(Reply::Stats(std::mem::take(&mut self.stats)));
                    }
                    self.stats.push((lossy(key), lossy(value)));
                }
                Expect::Values { cas, keys } => {
                    let single = keys.count() == 1;
                    if h.opcode == op::NOOP {
                        let reply = match self.error.take() {
                            Some(e) => e,
                            None => Reply::Values(std::mem::take(&mut self.items)),
                        };
                        return done(reply);
                    }
                    if ok {
                        if self.items.len() >= keys.count() {
                            return Err(ProtocolError::new("more items than keys requested", head));
                        }
                        let cursor = keys
                            .find_from(key, self.key_cursor)
                            .or_else(|| keys.find_from(key, 0))
                            .ok_or_else(|| {
                                ProtocolError::new("item for a key that was not requested", key)
                            })?;
                        self.key_cursor = cursor;
                        let flags: [u8; 4] = extras.try_into().map_err(|_| {
                            ProtocolError::new("item without 4 bytes of flags", head)
                        })?;
                        self.items.push(Item {
                            key: key.to_vec(),
                            flags: u32::from_be_bytes(flags),
                            cas: cas.then_some(h.cas),
                            data: value.to_vec(),
                        });
                    } else if !not_found && self.error.is_none() {
                        self.error = Some(error_reply(h.status, value));
                    }
                    if single {
                        let reply = match self.error.take() {
                            Some(e) => e,
                            None => Reply::Values(std::mem::take(&mut self.items)),
                        };
                        return done(reply);
                    }
                }
            }
            self.total = self.total.saturating_add(frame_len);
            pos += frame_len;
        }
    }

    /// Refuse a frame whose announced size is beyond the limits, before
    /// waiting for its body.
    fn check_frame(
        &self,
        expect: &Expect<'_>,
        h: &Header,
        limits: &Limits,
        head: &[u8],
    ) -> Result<(), ProtocolError> {
        let is_item = matches!(expect, Expect::Values { .. })
            && h.status == status::OK
            && h.opcode != op::NOOP;
        if is_item {
            if h.key_len > MAX_KEY_LEN || h.extras_len != 4 {
                return Err(ProtocolError::new("item frame with a bad key or flags", head));
            }
            if h.body_len - h.key_len - h.extras_len > limits.max_item {
                return Err(ProtocolError::new("item length exceeds the item size limit", head));
            }
        } else {
            let cap = if matches!(expect, Expect::Stats) { limits.max_item } else { limits.max_line };
            if h.body_len > cap {
                return Err(ProtocolError::new("reply body exceeds the size limit", head));
            }
        }
        if self.total.saturating_add(HEADER_LEN).saturating_add(h.body_len) > limits.max_reply {
            return Err(ProtocolError::new("reply exceeds the size limit", head));
        }
        Ok(())
    }
}

/// Whether a response with `opcode` can answer a command expecting `expect`.
fn answers(expect: &Expect<'_>, opcode: u8) -> bool {
    match expect {
        Expect::Store => matches!(opcode, op::SET | op::ADD | op::REPLACE | op::APPEND | op::PREPEND),
        Expect::Arith => matches!(opcode, op::INCREMENT | op::DECREMENT),
        Expect::Delete => opcode == op::DELETE,
        Expect::Touch => opcode == op::TOUCH,
        Expect::FlushAll => opcode == op::FLUSH,
        Expect::Version => opcode == op::VERSION,
        Expect::Stats => opcode == op::STAT,
        Expect::Values { keys, .. } => {
            if keys.count() == 1 {
                opcode == op::GETK
            } else {
                matches!(opcode, op::GETKQ | op::NOOP)
            }
        }
    }
}

#[cfg(test)]
mod unit {
    use super::*;
    use crate::wire::reply::KeyList;

    const KEYS: KeyList<'static> = KeyList::new_const(b"a b k");
    const ONE: KeyList<'static> = KeyList::new_const(b"k");

    /// A response frame.
    fn frame(opcode: u8, status: u16, opaque: u32, cas: u64, extras: &[u8], key: &[u8], value: &[u8]) -> Vec<u8> {
        let mut r = vec![0x81, opcode];
        r.extend_from_slice(&(key.len() as u16).to_be_bytes());
        r.push(extras.len() as u8);
        r.push(0);
        r.extend_from_slice(&status.to_be_bytes());
        r.extend_from_slice(&((extras.len() + key.len() + value.len()) as u32).to_be_bytes());
        r.extend_from_slice(&opaque.to_be_bytes());
        r.extend_from_slice(&cas.to_be_bytes());
        r.extend_from_slice(extras);
        r.extend_from_slice(key);
        r.extend_from_slice(value);
        r
    }

    fn simple(opcode: u8, status: u16, value: &[u8]) -> Vec<u8> {
        frame(opcode, status, 3, 0, &[], &[], value)
    }

    fn item(k: &[u8], f: u32, c: Option<u64>, d: &[u8]) -> Item {
        Item { key: k.to_vec(), flags: f, cas: c, data: d.to_vec() }
    }

    /// Every reply kind (all sent with opaque 3), with its expected parse.
    fn corpus() -> Vec<(Expect<'static>, Vec<u8>, Reply)> {
        use Reply::*;
        let multi = |cas| Expect::Values { cas, keys: KEYS };
        let single = |cas| Expect::Values { cas, keys: ONE };
        let hit = |op, k: &[u8], f: u32, d: &[u8]| frame(op, 0, 3, 77, &f.to_be_bytes(), k, d);
        let noop = simple(op::NOOP, 0, b"");
        vec![
            (Expect::Store, simple(op::SET, 0, b""), Stored),
            (Expect::Store, simple(op::ADD, 2, b"Data exists for key."), NotStored),
            (Expect::Store, simple(op::REPLACE, 1, b"Not found"), NotStored),
            (Expect::Store, simple(op::APPEND, 5, b"Not stored."), NotStored),
            (Expect::Store, simple(op::SET, 2, b""), Exists),
            (Expect::Store, simple(op::SET, 1, b""), NotFound),
            (Expect::Store, simple(op::SET, 3, b"Too large."), Error(ErrorKind::ServerError, "Too large.".into())),
            (Expect::Arith, simple(op::INCREMENT, 0, &42u64.to_be_bytes()), Number(42)),
            (Expect::Arith, simple(op::DECREMENT, 0, &u64::MAX.to_be_bytes()), Number(u64::MAX)),
            (Expect::Arith, simple(op::INCREMENT, 1, b"Not found"), NotFound),
            (
                Expect::Arith,
                simple(op::INCREMENT, 6, b"Non-numeric server-side value for incr or decr"),
                Error(ErrorKind::ClientError, "Non-numeric server-side value for incr or decr".into()),
            ),
            (Expect::Delete, simple(op::DELETE, 0, b""), Deleted),
            (Expect::Delete, simple(op::DELETE, 1, b"Not found"), NotFound),
            (Expect::Touch, frame(op::TOUCH, 0, 3, 0, &[0, 0, 0, 0], b"", b""), Touched),
            (Expect::Touch, simple(op::TOUCH, 1, b""), NotFound),
            (Expect::FlushAll, simple(op::FLUSH, 0, b""), Ok),
            (Expect::FlushAll, simple(op::FLUSH, 0x81, b""), Error(ErrorKind::Error, "status 0x0081".into())),
            (Expect::Version, simple(op::VERSION, 0, b"1.6.18"), Version("1.6.18".into())),
            (
                Expect::Stats,
                [frame(op::STAT, 0, 3, 0, &[], b"pid", b"1"), frame(op::STAT, 0, 3, 0, &[], b"empty", b""), simple(op::STAT, 0, b"")]
                    .concat(),
                Stats(vec![("pid".into(), "1".into()), ("empty".into(), String::new())]),
            ),
            (Expect::Stats, simple(op::STAT, 0, b""), Stats(vec![])),
            (Expect::Stats, simple(op::STAT, 1, b"Not found"), Error(ErrorKind::ServerError, "Not found".into())),
            (single(false), hit(op::GETK, b"k", 5, b"abc"), Values(vec![item(b"k", 5, None, b"abc")])),
            (single(true), hit(op::GETK, b"k", 0, b""), Values(vec![item(b"k", 0, Some(77), b"")])),
            (single(false), frame(op::GETK, 1, 3, 0, &[], b"k", b"Not found"), Values(vec![])),
            (single(false), simple(op::GETK, 0x82, b"Out of memory"), Error(ErrorKind::ServerError, "Out of memory".into())),
            (multi(false), noop.clone(), Values(vec![])),
            (
                multi(true),
                [hit(op::GETKQ, b"b", u32::MAX, b"\r\nEND\r\n"), hit(op::GETKQ, b"a", 1, b"x"), noop.clone()].concat(),
                Values(vec![item(b"b", u32::MAX, Some(77), b"\r\nEND\r\n"), item(b"a", 1, Some(77), b"x")]),
            ),
            (
                multi(false),
                [hit(op::GETKQ, b"a", 1, b"x"), simple(op::GETKQ, 0x82, b"Out of memory"), noop.clone()].concat(),
                Error(ErrorKind::ServerError, "Out of memory".into()),
            ),
        ]
    }

    fn lim() -> Limits {
        Limits::default()
    }

    #[test]
    fn every_kind_parses_whole_and_leaves_trailing_bytes() {
        for (expect, bytes, reply) in corpus() {
            assert_eq!(parse_binary(&expect, 3, &bytes, &lim()).unwrap(), Some((reply.clone(), bytes.len())));
            let mut more = bytes.clone();
            more.extend_from_slice(&simple(op::SET, 0, b""));
            assert_eq!(parse_binary(&expect, 3, &more, &lim()).unwrap(), Some((reply, bytes.len())));
        }
    }

    #[test]
    fn split_at_every_byte_boundary() {
        for (expect, bytes, reply) in corpus() {
            for k in 0..bytes.len() {
                assert_eq!(parse_binary(&expect, 3, &bytes[..k], &lim()).unwrap(), None, "prefix {k}");
            }
            for k in 0..=bytes.len() {
                let mut p = BinaryParser::new();
                let mut pending = bytes[..k].to_vec();
                let (r, n) = p.advance(&expect, 3, &pending, &lim()).unwrap();
                if k == bytes.len() {
                    assert_eq!(r.as_ref(), Some(&reply));
                    continue;
                }
                assert_eq!(r, None);
                pending.drain(..n);
                pending.extend_from_slice(&bytes[k..]);
                let (r, n) = p.advance(&expect, 3, &pending, &lim()).unwrap();
                assert_eq!(r, Some(reply.clone()), "split {k}");
                assert_eq!(n, pending.len());
            }
            let mut p = BinaryParser::new();
            let mut pending = Vec::new();
            let mut done = None;
            for &b in &bytes {
                pending.push(b);
                let (r, n) = p.advance(&expect, 3, &pending, &lim()).unwrap();
                pending.drain(..n);
                if r.is_some() {
                    done = r;
                }
            }
            assert_eq!(done, Some(reply));
            assert!(pending.is_empty());
        }
    }

    #[test]
    fn garbage_is_refused() {
        let multi = Expect::Values { cas: false, keys: KEYS };
        let single = Expect::Values { cas: false, keys: ONE };
        let hit = |k: &[u8]| frame(op::GETKQ, 0, 3, 0, &[0; 4], k, b"v");
        let bad: Vec<(Expect<'static>, Vec<u8>)> = vec![
            (Expect::Store, b"STORED\r\n".repeat(3)),
            (Expect::Store, frame(op::SET, 0, 4, 0, &[], b"", b"")), // wrong opaque
            (Expect::Store, simple(op::DELETE, 0, b"")),             // wrong opcode
            (Expect::Arith, simple(op::INCREMENT, 0, b"1234")),      // not 8 bytes
            (Expect::Delete, simple(op::GETK, 0, b"")),
            (Expect::Version, simple(op::STAT, 0, b"")),
            (single, frame(op::GETK, 0, 3, 0, &[0; 4], b"zz", b"v")),      // key not asked
            (single, frame(op::GETK, 0, 3, 0, &[], b"k", b"v")),          // no flags
            (single, frame(op::GETKQ, 0, 3, 0, &[0; 4], b"k", b"v")),     // quiet for single
            (multi, [hit(b"a"), hit(b"b"), hit(b"k"), hit(b"a")].concat()), // more than asked
            (multi, frame(op::GETK, 0, 3, 0, &[0; 4], b"a", b"v")),
            (multi, {
                let mut f = simple(op::NOOP, 0, b"");
                f[4] = 1; // extras longer than the body
                f
            }),
            (Expect::Stats, [frame(op::STAT, 0, 3, 0, &[], b"a", b"1"), simple(op::SET, 0, b"")].concat()),
        ];
        for (expect, bytes) in bad {
            assert!(parse_binary(&expect, 3, &bytes, &lim()).is_err(), "accepted {:?}", bytes.escape_ascii().to_string());
        }
    }

    #[test]
    fn oversized_lengths_fail_before_data_arrives() {
        let l = Limits { max_item: 10, max_line: 16, max_reply: 100 };
        let single = Expect::Values { cas: false, keys: ONE };
        let big = frame(op::GETK, 0, 3, 0, &[0; 4], b"k", &[b'x'; 11]);
        assert!(parse_binary(&single, 3, &big[..24], &l).is_err());
        let ok = frame(op::GETK, 0, 3, 0, &[0; 4], b"k", &[b'x'; 10]);
        assert_eq!(parse_binary(&single, 3, &ok[..24], &l).unwrap(), None);
        assert!(parse_binary(&Expect::Version, 3, &simple(op::VERSION, 0, &[b'1'; 17])[..24], &l).is_err());
        let mut huge = simple(op::SET, 0, b"");
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(parse_binary(&Expect::Store, 3, &huge, &lim()).is_err());
        let stats: Vec<u8> = (0..10).flat_map(|_| frame(op::STAT, 0, 3, 0, &[], b"a", b"1")).collect();
        assert!(parse_binary(&Expect::Stats, 3, &stats, &l).is_err());
    }

    #[test]
    fn total_over_random_bytes() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let corpus = corpus();
        let tight = Limits { max_item: 8, max_line: 8, max_reply: 64 };
        for round in 0..100_000u32 {
            let (expect, bytes, _) = &corpus[(rnd() as usize) % corpus.len()];
            let mut input = bytes.clone();
            for _ in 0..(rnd() % 4) {
                let r = rnd();
                let pos = (r as usize >> 8) % (input.len() + 1);
                match r % 3 {
                    0 => input.insert(pos, (r >> 40) as u8),
                    1 if pos < input.len() => input[pos] = (r >> 40) as u8,
                    _ if pos < input.len() => {
                        input.remove(pos);
                    }
                    _ => {}
                }
            }
            let limits = if round % 2 == 0 { tight } else { lim() };
            if let Ok(Some((_, n))) = parse_binary(expect, 3, &input, &limits) {
                assert!(n > 0 && n <= input.len());
            }
            let mut p = BinaryParser::new();
            let cut = (rnd() as usize) % (input.len() + 1);
            if let Ok((None, n)) = p.advance(expect, 3, &input[..cut], &limits) {
                assert!(n <= cut);
                let _ = p.advance(expect, 3, &input[n..], &limits);
            }
        }
    }
}
