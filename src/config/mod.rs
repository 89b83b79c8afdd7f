//! Configuration: the `memcache.*` ini entries and the session save path.
//!
//! Why a module of its own: the settings decide byte-for-byte compatibility
//! with pecl memcache (which server holds a key, what the key is), so they
//! are parsed and validated once, in pure Rust with no PHP types, where they
//! can be unit-tested and fuzzed. The FFI layer only hands strings in.
//!
//! * [`ini`]: the typed entries with pecl's names and defaults, their
//!   validation, and the key rules that depend on them (prefixes, session
//!   and lock keys).
//! * [`save_path`]: `session.save_path` / `memcache.session_save_path` into
//!   servers, with the ring name pecl hashes for each.
//! * [`current`]: the settings in force for this process (per thread
//!   under ZTS).
//!
//! What this layer must not do: I/O, or touch PHP types. It turns strings
//! into the typed values the layers below define (`wire::Protocol`,
//! `pool::ServerSpec`, `pool::ring::Strategy`, `pool::hash::HashFunction`)
//! and refuses what pecl refuses, with the entry's name in the error.

pub mod current;
pub mod ini;
pub mod save_path;

pub use ini::{IniError, SelectApi, Settings};
pub use save_path::{parse_save_path, SavePathError};
