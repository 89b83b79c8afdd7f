//! memcached's binary protocol: frame layout, opcodes, status codes.
//!
//! Why: `memcache.protocol = binary` must put binary frames on the wire
//! (pecl memcache does, and SASL authentication exists only there). The
//! [`Batch`](super::Batch) builder encodes its commands with [`encode`]; the
//! replies are decoded by [`BinaryParser`](super::binary_reply::BinaryParser)
//! into the same [`Reply`](super::Reply) values as the ASCII ones.
//!
//! Every frame starts with a 24-byte header (big endian):
//! magic, opcode, key length (2), extras length (1), data type (1),
//! vbucket (request) / status (response) (2), total body length (4),
//! opaque (4), cas (8); then extras, key, value.
//!
//! Every command of a batch carries its position in the batch as opaque,
//! and the reply parser checks it, so a reply can never be paired with
//! the wrong command.

use std::ops::Range;

use super::request::{ArithOp, Command, StoreOp};

/// First byte of a request frame.
pub const MAGIC_REQUEST: u8 = 0x80;
/// First byte of a response frame.
pub const MAGIC_RESPONSE: u8 = 0x81;
/// Size of the fixed frame header.
pub const HEADER_LEN: usize = 24;

/// Opcodes used here.
pub mod op {
    pub const GET: u8 = 0x00;
    pub const SET: u8 = 0x01;
    pub const ADD: u8 = 0x02;
    pub const REPLACE: u8 = 0x03;
    pub const DELETE: u8 = 0x04;
    pub const INCREMENT: u8 = 0x05;
    pub const DECREMENT: u8 = 0x06;
    pub const FLUSH: u8 = 0x08;
    pub const GETQ: u8 = 0x09;
    pub const NOOP: u8 = 0x0a;
    pub const VERSION: u8 = 0x0b;
    pub const GETK: u8 = 0x0c;
    pub const GETKQ: u8 = 0x0d;
    pub const APPEND: u8 = 0x0e;
    pub const PREPEND: u8 = 0x0f;
    pub const STAT: u8 = 0x10;
    pub const TOUCH: u8 = 0x1c;
    pub const SASL_AUTH: u8 = 0x21;
}

/// Response status codes.
pub mod status {
    pub const OK: u16 = 0x0000;
    pub const KEY_NOT_FOUND: u16 = 0x0001;
    pub const KEY_EXISTS: u16 = 0x0002;
    pub const TOO_LARGE: u16 = 0x0003;
    pub const INVALID_ARGUMENTS: u16 = 0x0004;
    pub const NOT_STORED: u16 = 0x0005;
    pub const NON_NUMERIC: u16 = 0x0006;
    pub const AUTH_ERROR: u16 = 0x0020;
    pub const AUTH_CONTINUE: u16 = 0x0021;
    pub const UNKNOWN_COMMAND: u16 = 0x0081;
    pub const OUT_OF_MEMORY: u16 = 0x0082;
}

/// Expiration sent with incr/decr: "do not create a missing counter"
/// (the counter is then answered as not found, which the session lock
/// protocol relies on).
pub const ARITH_NO_CREATE: u32 = 0xffff_ffff;

/// Append one request frame to `buf`. Callers keep `key.len()` within
/// u16 and `extras.len()` within u8 (keys are at most 250 bytes, stats
/// arguments 256, extras 20); larger ones are clamped in the header and
/// would be refused by the server, never overflow here.
pub fn push_request(
    buf: &mut Vec<u8>,
    opcode: u8,
    extras: &[u8],
    key: &[u8],
    value: &[u8],
    opaque: u32,
    cas: u64,
) {
    let body = extras.len() + key.len() + value.len();
    buf.reserve(HEADER_LEN + body);
    buf.push(MAGIC_REQUEST);
    buf.push(opcode);
    buf.extend_from_slice(&(key.len().min(u16::MAX as usize) as u16).to_be_bytes());
    buf.push(extras.len().min(u8::MAX as usize) as u8);
    buf.push(0); // data type: raw bytes
    buf.extend_from_slice(&0u16.to_be_bytes()); // vbucket
    buf.extend_from_slice(&(body.min(u32::MAX as usize) as u32).to_be_bytes());
    buf.extend_from_slice(&opaque.to_be_bytes());
    buf.extend_from_slice(&cas.to_be_bytes());
    buf.extend_from_slice(extras);
    buf.extend_from_slice(key);
    buf.extend_from_slice(value);
}

/// Appends `cmd` as binary request frames carrying `opaque` (the command's
/// position in its batch). A retrieval's keys are also recorded in `keys`,
/// space-separated, for checking the reply; their range there is returned
/// (an empty range for other commands). One key is a `getk`; several are a
/// quiet `getkq` each (only hits answer) and a `noop` that ends the reply.
/// Keys were checked by the batch.
pub fn encode(cmd: &Command<'_>, opaque: u32, buf: &mut Vec<u8>, keys: &mut Vec<u8>) -> Range<usize> {
    match *cmd {
        Command::Retrieve { keys: list, .. } => {
            let start = keys.len();
            for (i, key) in list.iter().enumerate() {
                if i > 0 {
                    keys.push(b' ');
                }
                keys.extend_from_slice(key);
                let code = if list.len() == 1 { op::GETK } else { op::GETKQ };
                push_request(buf, code, &[], key, &[], opaque, 0);
            }
            if list.len() > 1 {
                push_request(buf, op::NOOP, &[], &[], &[], opaque, 0);
            }
            return start..keys.len();
        }
        Command::Store { op: store, key, flags, exptime, data } => {
            let (code, cas) = match store {
                StoreOp::Set => (op::SET, 0),
                StoreOp::Add => (op::ADD, 0),
                StoreOp::Replace => (op::REPLACE, 0),
                StoreOp::Append => (op::APPEND, 0),
                StoreOp::Prepend => (op::PREPEND, 0),
                // a set that carries the cas unique
                StoreOp::Cas(unique) => (op::SET, unique),
            };
            let mut extras = [0u8; 8];
            extras[..4].copy_from_slice(&flags.to_be_bytes());
            extras[4..].copy_from_slice(&exptime.to_be_bytes());
            // memcached refuses extras on append/prepend.
            let extras: &[u8] = if matches!(store, StoreOp::Append | StoreOp::Prepend) { &[] } else { &extras };
            push_request(buf, code, extras, key, data, opaque, cas);
        }
        Command::Arith { op: arith, key, delta } => {
            // delta, initial value, expiration "never create".
            let mut extras = [0u8; 20];
            extras[..8].copy_from_slice(&delta.to_be_bytes());
            extras[16..].copy_from_slice(&ARITH_NO_CREATE.to_be_bytes());
            let code = match arith {
                ArithOp::Incr => op::INCREMENT,
                ArithOp::Decr => op::DECREMENT,
            };
            push_request(buf, code, &extras, key, &[], opaque, 0);
        }
        Command::Delete { key } => push_request(buf, op::DELETE, &[], key, &[], opaque, 0),
        Command::Touch { key, exptime } => push_request(buf, op::TOUCH, &exptime.to_be_bytes(), key, &[], opaque, 0),
        Command::FlushAll { delay } => {
            let extras = delay.to_be_bytes();
            let extras: &[u8] = if delay > 0 { &extras } else { &[] };
            push_request(buf, op::FLUSH, extras, &[], &[], opaque, 0);
        }
        Command::Version => push_request(buf, op::VERSION, &[], &[], &[], opaque, 0),
        // The argument travels as the key.
        Command::Stats { arg } => push_request(buf, op::STAT, &[], arg.map(str::as_bytes).unwrap_or(&[]), &[], opaque, 0),
    }
    0..0
}

/// A decoded response header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub opcode: u8,
    pub key_len: usize,
    pub extras_len: usize,
    pub status: u16,
    pub body_len: usize,
    pub opaque: u32,
    pub cas: u64,
}

/// Why a response header is unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderError {
    BadMagic,
    /// Extras plus key longer than the whole body.
    BadLengths,
}

/// Decode the response header at the front of `buf`; `Ok(None)` if fewer
/// than [`HEADER_LEN`] bytes are there.
pub fn decode_header(buf: &[u8]) -> Result<Option<Header>, HeaderError> {
    let Some(h) = buf.get(..HEADER_LEN) else {
        return Ok(None);
    };
    if h[0] != MAGIC_RESPONSE {
        return Err(HeaderError::BadMagic);
    }
    let be16 = |i: usize| u16::from_be_bytes([h[i], h[i + 1]]);
    let be32 = |i: usize| u32::from_be_bytes([h[i], h[i + 1], h[i + 2], h[i + 3]]);
    let header = Header {
        opcode: h[1],
        key_len: usize::from(be16(2)),
        extras_len: usize::from(h[4]),
        status: be16(6),
        body_len: be32(8) as usize,
        opaque: be32(12),
        cas: (u64::from(be32(16)) << 32) | u64::from(be32(20)),
    };
    if header.key_len + header.extras_len > header.body_len {
        return Err(HeaderError::BadLengths);
    }
    Ok(Some(header))
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn request_frame_layout() {
        let mut b = Vec::new();
        push_request(&mut b, op::SET, &[0, 0, 0, 1, 0, 0, 0, 2], b"k", b"xy", 7, 9);
        assert_eq!(
            b,
            [
                0x80, 0x01, 0, 1, 8, 0, 0, 0, 0, 0, 0, 11, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 9, //
                0, 0, 0, 1, 0, 0, 0, 2, b'k', b'x', b'y'
            ]
        );
    }

    #[test]
    fn header_decoding() {
        let mut r = vec![0x81, 0x0c, 0, 1, 4, 0, 0, 1, 0, 0, 0, 6, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2];
        assert_eq!(decode_header(&r[..23]), Ok(None));
        assert_eq!(
            decode_header(&r),
            Ok(Some(Header {
                opcode: op::GETK,
                key_len: 1,
                extras_len: 4,
                status: status::KEY_NOT_FOUND,
                body_len: 6,
                opaque: 3,
                cas: (1 << 32) | 2,
            }))
        );
        r[11] = 4;
        assert_eq!(decode_header(&r), Err(HeaderError::BadLengths));
        r[0] = 0x80;
        assert_eq!(decode_header(&r), Err(HeaderError::BadMagic));
    }
}
