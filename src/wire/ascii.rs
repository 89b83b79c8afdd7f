//! memcached's text protocol, request side: a [`Command`] as its command
//! line (and data block). The other protocol's encoding is
//! [`super::binary::encode`]; a [`super::Batch`] picks one by its protocol.
//!
//! What this file must not do: check keys (the batch refused bad ones
//! before) or keep any state; it appends bytes.

use std::ops::Range;

use super::request::{ArithOp, Command, StoreOp};

/// Appends `cmd` to `buf`. For a retrieval, returns where its key list
/// (the bytes after `get `/`gets `, which the reply is checked against) is
/// in `buf`; an empty range otherwise.
pub fn encode(cmd: &Command<'_>, buf: &mut Vec<u8>) -> Range<usize> {
    match *cmd {
        Command::Retrieve { cas, keys } => {
            buf.extend_from_slice(if cas { b"gets " } else { b"get " });
            let start = buf.len();
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    buf.push(b' ');
                }
                buf.extend_from_slice(key);
            }
            let end = buf.len();
            buf.extend_from_slice(b"\r\n");
            return start..end;
        }
        Command::Store { op, key, flags, exptime, data } => {
            let verb: &[u8] = match op {
                StoreOp::Set => b"set ",
                StoreOp::Add => b"add ",
                StoreOp::Replace => b"replace ",
                StoreOp::Append => b"append ",
                StoreOp::Prepend => b"prepend ",
                StoreOp::Cas(_) => b"cas ",
            };
            buf.reserve(verb.len() + key.len() + 48 + data.len());
            buf.extend_from_slice(verb);
            buf.extend_from_slice(key);
            push_num(buf, u64::from(flags));
            push_num(buf, u64::from(exptime));
            push_num(buf, data.len() as u64);
            if let StoreOp::Cas(unique) = op {
                push_num(buf, unique);
            }
            buf.extend_from_slice(b"\r\n");
            buf.extend_from_slice(data);
            buf.extend_from_slice(b"\r\n");
        }
        Command::Arith { op, key, delta } => {
            buf.extend_from_slice(match op {
                ArithOp::Incr => b"incr ",
                ArithOp::Decr => b"decr ",
            });
            buf.extend_from_slice(key);
            push_num(buf, delta);
            buf.extend_from_slice(b"\r\n");
        }
        Command::Delete { key } => {
            buf.extend_from_slice(b"delete ");
            buf.extend_from_slice(key);
            buf.extend_from_slice(b"\r\n");
        }
        Command::Touch { key, exptime } => {
            buf.extend_from_slice(b"touch ");
            buf.extend_from_slice(key);
            push_num(buf, u64::from(exptime));
            buf.extend_from_slice(b"\r\n");
        }
        Command::FlushAll { delay } => {
            buf.extend_from_slice(b"flush_all");
            if delay > 0 {
                push_num(buf, u64::from(delay));
            }
            buf.extend_from_slice(b"\r\n");
        }
        Command::Version => buf.extend_from_slice(b"version\r\n"),
        Command::Stats { arg } => {
            buf.extend_from_slice(b"stats");
            if let Some(arg) = arg {
                buf.push(b' ');
                buf.extend_from_slice(arg.as_bytes());
            }
            buf.extend_from_slice(b"\r\n");
        }
    }
    0..0
}

/// Appends ` <n>` in decimal.
fn push_num(buf: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.push(b' ');
    buf.extend_from_slice(&digits[i..]);
}
