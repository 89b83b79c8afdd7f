//! The wire layer: a small pipelined client for memcached's ASCII and
//! binary protocols.
//!
//! Why our own instead of the `memcache` crate: the session handler needs
//! lock + read (`incr K.lock`, `add K.lock`, `get K`) in one round trip
//! and writes mirrored to several servers in one round trip. The crate's
//! classic `Client` sends one command per round trip (plus an r2d2
//! `version` health check per checkout), cannot address a given server,
//! and its binary `incr` auto-creates the counter, which breaks the lock
//! protocol; its `exp::MetaClient` pipelines, but only meta commands (no
//! stats / flush_all / version / cachedump, needs memcached >= 1.6), and
//! runs per-server groups one after another. Measurements and the full
//! reasoning are in docs/DESIGN.md ("Wire layer: why our own pipelined client").
//!
//! Layout, one concept per file:
//! - [`endpoint`][]: where a server listens.
//! - [`conn`][]: one socket with its read buffer and timeouts.
//! - [`request`][]: [`Batch`] of [`Command`]s, encoded back to back in one protocol.
//! - [`ascii`][]: a command in the text protocol (request side).
//! - [`reply`][]: [`Reply`], [`Expect`], [`Limits`]: what both parsers produce and check.
//! - [`ascii_reply`][]: the total, incremental ASCII reply parser.
//! - [`binary`][]: a command as binary frames; frame layout, opcodes, statuses.
//! - [`binary_reply`][]: the binary reply parser (same [`Reply`] values).
//! - [`sasl`][]: SASL PLAIN authentication (binary protocol).
//! - [`sock`][]: socket calls std lacks, through socket2 (no unsafe).
//! - [`tls`][]: TLS sessions (rustls, ring provider) and their settings.
//! - [`exec`][]: running one batch, or many on many connections at once.
//! - [`error`][]: [`WireError`].
//!
//! No unsafe here (socket options go through socket2's safe API), no
//! async runtime, no process-wide state but the per-process TLS configs.
//! Nothing here panics on any input.

pub mod ascii;
pub mod ascii_reply;
pub mod binary;
pub mod binary_reply;
pub mod conn;
pub mod endpoint;
pub mod error;
pub mod exec;
pub mod reply;
pub mod request;
pub mod sasl;
pub mod sock;
pub mod tls;

pub use conn::Conn;
pub use endpoint::Endpoint;
pub use error::WireError;
pub use exec::{execute, execute_parallel, INLINE_WRITE_MAX};
pub use binary_reply::{parse_binary, BinaryParser};
pub use request::{check_key, ArithOp, Batch, Command, Dialect, Framing, Protocol, StoreOp, MAX_KEY_LEN};
pub use ascii_reply::{parse, ReplyParser};
pub use reply::{ErrorKind, Expect, Item, KeyList, Limits, ProtocolError, Reply};
pub use sasl::Credentials;
pub use tls::TlsOptions;
