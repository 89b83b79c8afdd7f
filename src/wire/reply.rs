//! What a command may answer and what it answered: the reply values both
//! parsers produce ([`Reply`], [`Item`]), what each command of a batch
//! expects ([`Expect`], with the keys a retrieval asked for), and the
//! [`Limits`] every parser enforces. Shared by the ASCII parser
//! ([`super::ascii_reply`]) and the binary one ([`super::binary_reply`]),
//! so the layers above never see which protocol was spoken.
//!
//! What this file must not do: parse bytes. It holds values.

use std::fmt;

use super::error::WireError;

/// Default cap on one item's data length (memcached's own hard cap is
/// 1 GiB with `-I`; the default item size is 1 MiB).
pub const DEFAULT_MAX_ITEM: usize = 128 << 20;
/// Default cap on one reply line (memcached lines are < 300 bytes).
pub const DEFAULT_MAX_LINE: usize = 16 << 10;
/// Default cap on the wire size of one whole reply (a multi-get or a
/// stats dump).
pub const DEFAULT_MAX_REPLY: usize = 512 << 20;

/// Sizes the parser refuses to go beyond, so a broken or hostile server
/// cannot make the process allocate without bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest data block of one `VALUE`.
    pub max_item: usize,
    /// Longest reply line, CRLF excluded.
    pub max_line: usize,
    /// Largest whole reply (sum of its lines and data blocks).
    pub max_reply: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_item: DEFAULT_MAX_ITEM,
            max_line: DEFAULT_MAX_LINE,
            max_reply: DEFAULT_MAX_REPLY,
        }
    }
}

/// One item of a `get`/`gets` reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: Vec<u8>,
    pub flags: u32,
    /// Present for `gets` (always) and when a server volunteers it.
    pub cas: Option<u64>,
    pub data: Vec<u8>,
}

/// Which of memcached's three error lines was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ERROR`: unknown command.
    Error,
    /// `CLIENT_ERROR msg`: the request was malformed or not applicable.
    ClientError,
    /// `SERVER_ERROR msg`: the server could not serve it (out of memory,
    /// object too large, ...).
    ServerError,
}

/// One parsed reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Stored,
    NotStored,
    Exists,
    NotFound,
    Deleted,
    Touched,
    /// `OK` (flush_all, stats detail on/off) or `RESET` (stats reset).
    Ok,
    /// incr/decr result.
    Number(u64),
    /// get/gets: the hits, in server order (misses are absent).
    Values(Vec<Item>),
    Version(String),
    /// `STAT name value` lines (`ITEM key info` for cachedump, `PREFIX
    /// name info` for detail dump), in server order.
    Stats(Vec<(String, String)>),
    Error(ErrorKind, String),
}

/// The reply bytes are not a valid reply to the expected command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolError(String);

impl ProtocolError {
    pub(crate) fn new(what: &str, line: &[u8]) -> ProtocolError {
        ProtocolError(format!("{what}: \"{}\"", snippet(line)))
    }

    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProtocolError {}

impl From<ProtocolError> for WireError {
    fn from(e: ProtocolError) -> WireError {
        WireError::Protocol(e.0)
    }
}

/// Escaped, truncated view of offending bytes for error messages.
fn snippet(bytes: &[u8]) -> String {
    const MAX: usize = 48;
    let cut = &bytes[..bytes.len().min(MAX)];
    let mut s = cut.escape_ascii().to_string();
    if bytes.len() > MAX {
        s.push_str("...");
    }
    s
}

/// The keys a retrieval command asked for, as written on the wire:
/// space-separated, exactly the bytes after `get `/`gets `.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyList<'a> {
    wire: &'a [u8],
}

impl<'a> KeyList<'a> {
    pub fn new(wire: &'a [u8]) -> KeyList<'a> {
        KeyList { wire }
    }

    #[cfg(test)]
    pub(crate) const fn new_const(wire: &'a [u8]) -> KeyList<'a> {
        KeyList { wire }
    }

    /// Number of keys requested (a key asked for twice counts twice:
    /// memcached then answers it twice).
    pub(crate) fn count(&self) -> usize {
        if self.wire.is_empty() {
            0
        } else {
            self.wire.iter().filter(|&&b| b == b' ').count() + 1
        }
    }

    /// Offset just past the first requested key equal to `key` at or after
    /// byte offset `from`. Servers answer in request order, so scanning
    /// from the previous match makes a multi-get check linear; `from = 0`
    /// is the order-agnostic fallback.
    pub(crate) fn find_from(&self, key: &[u8], from: usize) -> Option<usize> {
        let mut pos = from.min(self.wire.len());
        while pos < self.wire.len() {
            let rest = &self.wire[pos..];
            let len = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
            if &rest[..len] == key {
                return Some(pos + len);
            }
            pos += len + 1;
        }
        None
    }
}

/// What the command at this position of a batch can legitimately answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect<'a> {
    /// set/add/replace/append/prepend/cas: STORED, NOT_STORED, EXISTS,
    /// NOT_FOUND.
    Store,
    /// incr/decr: a number or NOT_FOUND.
    Arith,
    /// delete: DELETED or NOT_FOUND.
    Delete,
    /// touch: TOUCHED or NOT_FOUND.
    Touch,
    /// flush_all: OK.
    FlushAll,
    /// version: VERSION x.
    Version,
    /// stats \[arg\]: STAT/ITEM/PREFIX lines then END, or a lone OK/RESET.
    Stats,
    /// get/gets: VALUE blocks for requested keys, then END.
    Values { cas: bool, keys: KeyList<'a> },
}

