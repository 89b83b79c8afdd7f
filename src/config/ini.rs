//! The `memcache.*` ini entries as typed values, and the key rules that
//! depend on them (prefixes, session keys).
//!
//! Why: sites move from pecl memcache by swapping the `extension=` line, so
//! every entry pecl has must exist here under the same name and default, and
//! every value pecl accepts must mean the same thing. Where pecl accepts a
//! value only to misbehave later (a default_port of 0 or 70000, a session
//! redundancy message naming the wrong entry) we refuse it with a message
//! naming the entry and the allowed values; the old value then stays, as
//! PHP does when an `on_modify` handler fails.
//!
//! Facts checked against pecl memcache 4.0.5.2 (Debian `php-memcache`):
//! * The numeric entries pecl validates use `strtol` over the whole string:
//!   leading C whitespace and a sign are allowed, anything after the digits
//!   is refused (`"7 "`, `"1k"`, `"1e3"`, `"0x10"`), and `""` reads as 0.
//! * `protocol`, `hash_strategy` and `hash_function` compare case-insensitively.
//! * A static key prefix may not contain a dot.
//! * `allow_failover` is an integer for pecl (so `ini_set(..., "on")` is 0
//!   there); php.ini turns `On` into "1" anyway, and we parse it as PHP
//!   parses booleans, like the other on/off entries.
//! * pecl has no `memcache.select_api`; the project's compatibility doc
//!   lists it, so it exists here and accepts `select` and `poll`.
//! * The host key prefix is `$_SERVER['SERVER_NAME']` glued to the static
//!   prefix and the key with no separator: `SP_` + `example.com` + `abc123`.
//!
//! No PHP types here: the FFI layer passes names and values as strings.

use std::fmt;

// The values of memcache.protocol, memcache.hash_strategy and
// memcache.hash_function are the enums of the layers that act on them (one
// definition each): the wire protocol, the ring's strategy, the key hash.
use crate::pool::hash::HashFunction;
use crate::pool::ring::Strategy;
use crate::wire::Protocol;
// memcached's key limit (pecl cuts keys there), as the wire layer enforces it.
use crate::wire::MAX_KEY_LEN;

/// pecl's I/O multiplexing call; accepted for compatibility, it changes
/// nothing observable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SelectApi {
    Select,
    Poll,
}

/// Every `memcache.*` entry, typed. `Default` gives pecl's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub allow_failover: bool,
    pub max_failover_attempts: u32,
    pub default_port: u16,
    pub chunk_size: u32,
    pub protocol: Protocol,
    pub hash_strategy: Strategy,
    pub hash_function: HashFunction,
    pub redundancy: u32,
    pub session_redundancy: u32,
    /// 0 is allowed (pecl accepts it).
    pub compress_threshold: u32,
    /// Seconds.
    pub lock_timeout: u32,
    pub select_api: SelectApi,
    /// `None` when unset or empty: then `session.save_path` is used.
    pub session_save_path: Option<String>,
    /// `None` when unset or empty. Never contains a dot.
    pub session_prefix_static_key: Option<String>,
    pub session_prefix_host_key: bool,
    pub session_prefix_host_key_remove_www: bool,
    pub session_prefix_host_key_remove_subdomain: bool,
    /// `None` when unset or empty. Never contains a dot.
    pub prefix_static_key: Option<String>,
    pub prefix_host_key: bool,
    pub prefix_host_key_remove_www: bool,
    pub prefix_host_key_remove_subdomain: bool,
    /// How `tls://` servers are dialled (`memcache.tls_*`).
    pub tls: crate::wire::TlsOptions,
    /// `memcache.session_sasl_username`: sessions authenticate (SASL PLAIN,
    /// binary protocol) when set.
    pub session_sasl_username: Option<String>,
    pub session_sasl_password: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allow_failover: true,
            max_failover_attempts: 20,
            default_port: 11211,
            chunk_size: 32768,
            protocol: Protocol::Ascii,
            hash_strategy: Strategy::Consistent,
            hash_function: HashFunction::Crc32,
            redundancy: 1,
            session_redundancy: 2,
            compress_threshold: 20000,
            lock_timeout: 15,
            select_api: SelectApi::Select,
            session_save_path: None,
            session_prefix_static_key: None,
            session_prefix_host_key: false,
            session_prefix_host_key_remove_www: true,
            session_prefix_host_key_remove_subdomain: false,
            prefix_static_key: None,
            prefix_host_key: false,
            prefix_host_key_remove_www: true,
            prefix_host_key_remove_subdomain: false,
            tls: crate::wire::TlsOptions::default(),
            session_sasl_username: None,
            session_sasl_password: String::new(),
        }
    }
}

/// Every entry with its default as PHP shows it (`ini_get`), in pecl
/// memcache's order (phpinfo(), `php --re`, ini_get_all() list them so). All
/// are `PHP_INI_ALL`. The three string entries default to "" here; pecl
/// registers them with a NULL default (see [`NULL_DEFAULT`]).
pub const ENTRIES: &[(&str, &str)] = &[
    ("memcache.allow_failover", "1"),
    ("memcache.max_failover_attempts", "20"),
    ("memcache.default_port", "11211"),
    ("memcache.chunk_size", "32768"),
    ("memcache.protocol", "ascii"),
    ("memcache.hash_strategy", "consistent"),
    ("memcache.hash_function", "crc32"),
    ("memcache.redundancy", "1"),
    ("memcache.session_redundancy", "2"),
    ("memcache.compress_threshold", "20000"),
    ("memcache.lock_timeout", "15"),
    ("memcache.session_prefix_host_key", "0"),
    ("memcache.session_prefix_host_key_remove_www", "1"),
    ("memcache.session_prefix_host_key_remove_subdomain", "0"),
    ("memcache.session_prefix_static_key", ""),
    ("memcache.session_save_path", ""),
    ("memcache.prefix_host_key", "0"),
    ("memcache.prefix_host_key_remove_www", "1"),
    ("memcache.prefix_host_key_remove_subdomain", "0"),
    ("memcache.prefix_static_key", ""),
    ("memcache.select_api", "select"),
    // ours (pecl memcache has no TLS and no session SASL)
    ("memcache.tls_ca_file", ""),
    ("memcache.tls_cert_file", ""),
    ("memcache.tls_key_file", ""),
    ("memcache.tls_verify_peer", "1"),
    ("memcache.tls_server_name", ""),
    ("memcache.session_sasl_username", ""),
    ("memcache.session_sasl_password", ""),
];

/// Entries whose pecl default is NULL rather than "" (`ini_get_all()` shows
/// `NULL` for them; `ini_get()` shows "" either way).
pub const NULL_DEFAULT: &[&str] = &[
    "memcache.session_save_path",
    "memcache.session_prefix_static_key",
    "memcache.prefix_static_key",
];

/// A refused ini value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IniError {
    /// The value is not allowed; `expected` says what is.
    Invalid {
        entry: &'static str,
        value: String,
        expected: &'static str,
    },
    /// A static key prefix with a dot in it.
    DotInPrefix { entry: &'static str, value: String },
    /// Not one of [`ENTRIES`].
    Unknown { entry: String },
}

impl fmt::Display for IniError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IniError::Invalid {
                entry,
                value,
                expected,
            } => {
                write!(f, "{entry} must be {expected} ('{}' given)", escape(value))
            }
            IniError::DotInPrefix { entry, value } => {
                let _ = value;
                write!(f, "{entry} cannot have dot inside (.)")
            }
            IniError::Unknown { entry } => write!(f, "unknown ini entry '{}'", escape(entry)),
        }
    }
}

impl std::error::Error for IniError {}

/// Control characters escaped, so the warning stays on one line (how every
/// refused value is quoted in a message).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

// pecl memcache's own wording ("memcache.redundancy must be a positive
// integer ('0' given)"); scripts and log filters written against pecl see
// the same messages. (pecl words compress_threshold, which may be 0, the
// same way.)
const POSITIVE: &str = "a positive integer";
const POSITIVE_SECONDS: &str = POSITIVE;
const POSITIVE_BYTES: &str = POSITIVE;
const NON_NEGATIVE_BYTES: &str = POSITIVE;
const PORT: &str = "a port number from 1 to 65535";

impl Settings {
    /// Validates `value` (the PHP ini string) for entry `name` and sets it.
    /// On error nothing changes.
    pub fn apply(&mut self, name: &str, value: &str) -> Result<(), IniError> {
        let invalid = |entry: &'static str, expected: &'static str| IniError::Invalid {
            entry,
            value: value.to_owned(),
            expected,
        };
        match name {
            "memcache.allow_failover" => self.allow_failover = parse_bool(value),
            "memcache.max_failover_attempts" => {
                self.max_failover_attempts = strtol_u32(value, 1)
                    .ok_or_else(|| invalid("memcache.max_failover_attempts", POSITIVE))?
            }
            "memcache.default_port" => {
                self.default_port =
                    parse_port(value).ok_or_else(|| invalid("memcache.default_port", PORT))?
            }
            "memcache.chunk_size" => {
                self.chunk_size = strtol_u32(value, 1)
                    .ok_or_else(|| invalid("memcache.chunk_size", POSITIVE_BYTES))?
            }
            "memcache.protocol" => {
                self.protocol = match_word(
                    value,
                    &[("ascii", Protocol::Ascii), ("binary", Protocol::Binary)],
                )
                .ok_or_else(|| invalid("memcache.protocol", "in set {ascii, binary}"))?
            }
            "memcache.hash_strategy" => {
                self.hash_strategy = match_word(
                    value,
                    &[
                        ("consistent", Strategy::Consistent),
                        ("standard", Strategy::Standard),
                    ],
                )
                .ok_or_else(|| invalid("memcache.hash_strategy", "in set {standard, consistent}"))?
            }
            "memcache.hash_function" => {
                self.hash_function =
                    match_word(value, &[("crc32", HashFunction::Crc32), ("fnv", HashFunction::Fnv)])
                        .ok_or_else(|| invalid("memcache.hash_function", "in set {crc32, fnv}"))?
            }
            "memcache.redundancy" => {
                self.redundancy =
                    strtol_u32(value, 1).ok_or_else(|| invalid("memcache.redundancy", POSITIVE))?
            }
            "memcache.session_redundancy" => {
                self.session_redundancy = strtol_u32(value, 1)
                    .ok_or_else(|| invalid("memcache.session_redundancy", POSITIVE))?
            }
            "memcache.compress_threshold" => {
                self.compress_threshold = strtol_u32(value, 0)
                    .ok_or_else(|| invalid("memcache.compress_threshold", NON_NEGATIVE_BYTES))?
            }
            "memcache.lock_timeout" => {
                self.lock_timeout = strtol_u32(value, 1)
                    .ok_or_else(|| invalid("memcache.lock_timeout", POSITIVE_SECONDS))?
            }
            "memcache.select_api" => {
                self.select_api = match_word(
                    value,
                    &[("select", SelectApi::Select), ("poll", SelectApi::Poll)],
                )
                .ok_or_else(|| invalid("memcache.select_api", "in set {select, poll}"))?
            }
            "memcache.session_save_path" => self.session_save_path = non_empty(value),
            "memcache.session_prefix_static_key" => {
                self.session_prefix_static_key =
                    static_prefix("memcache.session_prefix_static_key", value)?
            }
            "memcache.session_prefix_host_key" => self.session_prefix_host_key = parse_bool(value),
            "memcache.session_prefix_host_key_remove_www" => {
                self.session_prefix_host_key_remove_www = parse_bool(value)
            }
            "memcache.session_prefix_host_key_remove_subdomain" => {
                self.session_prefix_host_key_remove_subdomain = parse_bool(value)
            }
            "memcache.prefix_static_key" => {
                self.prefix_static_key = static_prefix("memcache.prefix_static_key", value)?
            }
            "memcache.prefix_host_key" => self.prefix_host_key = parse_bool(value),
            "memcache.prefix_host_key_remove_www" => {
                self.prefix_host_key_remove_www = parse_bool(value)
            }
            "memcache.prefix_host_key_remove_subdomain" => {
                self.prefix_host_key_remove_subdomain = parse_bool(value)
            }
            "memcache.tls_ca_file" => self.tls.ca_file = readable_file("memcache.tls_ca_file", value)?,
            "memcache.tls_cert_file" => self.tls.cert_file = readable_file("memcache.tls_cert_file", value)?,
            "memcache.tls_key_file" => self.tls.key_file = readable_file("memcache.tls_key_file", value)?,
            "memcache.tls_verify_peer" => self.tls.verify_peer = parse_bool(value),
            "memcache.tls_server_name" => {
                self.tls.server_name = match non_empty(value) {
                    None => None,
                    Some(name) => {
                        if rustls::pki_types::ServerName::try_from(name.as_str()).is_err() {
                            return Err(invalid("memcache.tls_server_name", "a DNS name or an IP address"));
                        }
                        Some(name)
                    }
                }
            }
            "memcache.session_sasl_username" => {
                if value.contains('\0') {
                    return Err(invalid("memcache.session_sasl_username", "a user name without NUL bytes"));
                }
                self.session_sasl_username = non_empty(value)
            }
            "memcache.session_sasl_password" => {
                if value.contains('\0') {
                    return Err(invalid("memcache.session_sasl_password", "a password without NUL bytes"));
                }
                self.session_sasl_password = value.to_owned()
            }
            _ => {
                return Err(IniError::Unknown {
                    entry: name.to_owned(),
                })
            }
        }
        Ok(())
    }

    /// The prefix of session keys: the static key, then (when enabled) the
    /// host part of `server_name` (`$_SERVER['SERVER_NAME']`, if a string).
    pub fn session_key_prefix(&self, server_name: Option<&str>) -> String {
        key_prefix(
            self.session_prefix_static_key.as_deref(),
            server_name.filter(|_| self.session_prefix_host_key),
            self.session_prefix_host_key_remove_www,
            self.session_prefix_host_key_remove_subdomain,
        )
    }

    /// The prefix of Memcache API keys, from the `memcache.prefix_*` entries.
    pub fn api_key_prefix(&self, server_name: Option<&str>) -> String {
        key_prefix(
            self.prefix_static_key.as_deref(),
            server_name.filter(|_| self.prefix_host_key),
            self.prefix_host_key_remove_www,
            self.prefix_host_key_remove_subdomain,
        )
    }
}

fn key_prefix(
    static_key: Option<&str>,
    server_name: Option<&str>,
    www: bool,
    subdomain: bool,
) -> String {
    let mut prefix = static_key.unwrap_or("").to_owned();
    if let Some(name) = server_name {
        prefix.push_str(&host_prefix(name, www, subdomain));
    }
    prefix
}

/// A file entry: empty (unset), or the path of a regular file that exists.
/// Checked when set, so a typo is named by its entry at startup rather than
/// at the first TLS connect.
fn readable_file(entry: &'static str, value: &str) -> Result<Option<std::path::PathBuf>, IniError> {
    if value.is_empty() {
        return Ok(None);
    }
    match std::fs::metadata(value) {
        Ok(m) if m.is_file() => Ok(Some(value.into())),
        _ => Err(IniError::Invalid { entry, value: value.to_owned(), expected: "the path of a readable PEM file" }),
    }
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn static_prefix(entry: &'static str, value: &str) -> Result<Option<String>, IniError> {
    if value.contains('.') {
        return Err(IniError::DotInPrefix {
            entry,
            value: value.to_owned(),
        });
    }
    Ok(non_empty(value))
}

/// Case-insensitive exact match, as pecl's `strcasecmp`.
fn match_word<T: Copy>(value: &str, words: &[(&str, T)]) -> Option<T> {
    words
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(value))
        .map(|(_, t)| *t)
}

/// C `isspace` in the C locale.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// A boolean as PHP parses ini booleans (`zend_ini_parse_bool`): "true",
/// "yes", "on" (any case) are true; anything else is `atoi(value) != 0`, so
/// "", "0", "off", "no", "false" and garbage are false, " 1" and "2x" true.
pub fn parse_bool(value: &str) -> bool {
    if ["true", "yes", "on"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(value))
    {
        return true;
    }
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    b[i..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .any(|&c| c != b'0')
}

/// pecl's check for its validated integers: `strtol(value)` must consume
/// the whole string (leading whitespace and a sign allowed; "" reads as 0),
/// and the result must be in `min..=u32::MAX`.
fn strtol_u32(value: &str, min: u32) -> Option<u32> {
    if value.is_empty() {
        return (min == 0).then_some(0);
    }
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    let negative = i < b.len() && b[i] == b'-';
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits = &value[i..];
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.len() > 10 {
        return None;
    }
    let n: u64 = if trimmed.is_empty() {
        0
    } else {
        trimmed.parse().ok()?
    };
    if negative && n != 0 {
        return None;
    }
    u32::try_from(n).ok().filter(|n| *n >= min)
}

/// default_port: whitespace around allowed (as PHP's integer ini parsing
/// does), a decimal number from 1 to 65535.
fn parse_port(value: &str) -> Option<u16> {
    let t = value.trim_matches(|c: char| c.is_ascii() && is_c_space(c as u8));
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let t = t.trim_start_matches('0');
    if t.is_empty() || t.len() > 5 {
        return None;
    }
    t.parse::<u16>().ok()
}


/// What pecl appends to a session key to name its lock record.
pub const LOCK_SUFFIX: &[u8] = b".lock";

/// The memcached key of a session (the Memcache API uses the same rule with
/// its own prefix): `prefix` + `sid`, every byte <= 0x20 (space, controls)
/// replaced by `_`, cut at [`MAX_KEY_LEN`] bytes — byte for byte what pecl
/// stores. pecl refuses an empty `sid` (key); callers must too: for an empty
/// `sid` this returns just the mapped prefix.
pub fn session_key(prefix: &[u8], sid: &[u8]) -> Vec<u8> {
    prefix
        .iter()
        .chain(sid.iter())
        .take(MAX_KEY_LEN)
        .map(|&b| if b <= b' ' { b'_' } else { b })
        .collect()
}

/// The lock record key of a session key: `key` + `.lock`, as pecl names it.
/// pecl does not shorten it: with a session key over 245 bytes the lock key
/// exceeds [`MAX_KEY_LEN`], memcached refuses it, and pecl then fails to
/// write the session. Callers should check `len() <= MAX_KEY_LEN` and fail
/// with a clear message instead.
pub fn lock_key(session_key: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(session_key.len() + LOCK_SUFFIX.len());
    key.extend_from_slice(session_key);
    key.extend_from_slice(LOCK_SUFFIX);
    key
}

/// The host part of a key prefix, from `$_SERVER['SERVER_NAME']`, exactly as
/// pecl computes it:
/// * `remove_www`: a leading `www.` (any case) is dropped.
/// * `remove_subdomain`: then everything up to and including the
///   second-to-last dot is dropped, keeping the last two labels
///   (`a.b.example.com` -> `example.com`, `127.0.0.1` -> `0.1`). A dot at
///   position 0 does not count (`.example.com` stays as it is).
///
/// No separator is added: the prefix is glued to the key as it is.
pub fn host_prefix(server_name: &str, remove_www: bool, remove_subdomain: bool) -> String {
    let mut name = server_name;
    if remove_www
        && name
            .get(..4)
            .is_some_and(|head| head.eq_ignore_ascii_case("www."))
    {
        name = &name[4..];
    }
    if remove_subdomain {
        let b = name.as_bytes();
        let mut dots = 0;
        for i in (1..b.len()).rev() {
            if b[i] == b'.' {
                dots += 1;
                if dots == 2 {
                    name = &name[i + 1..];
                    break;
                }
            }
        }
    }
    name.to_owned()
}

// Tested in tests/ini.rs.
