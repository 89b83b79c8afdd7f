//! Parsing of `session.save_path` / `memcache.session_save_path` into a list
//! of memcached servers.
//!
//! Why this is its own module: the save path decides which servers a session
//! lives on *and* (through [`ServerSpec::ring_name`]) where on the consistent
//! hash ring each server sits. During a rolling upgrade pecl memcache and this
//! extension read the same save path and must place every session on the same
//! server, so the ring name has to be the exact `host:port` string pecl
//! hashes. Everything else here is about refusing, with a message an operator
//! can act on, the paths pecl either crashes on, silently mis-parses or only
//! fails on at connect time.
//!
//! What pecl memcache 4.0.5.2 (Debian's `php-memcache`) does, checked against
//! the real extension, and what we do:
//!
//! * Servers are separated by commas and/or C-locale whitespace (space, tab,
//!   newline, vertical tab, form feed, carriage return). Empty items (`,,`,
//!   leading or trailing separators) are skipped, as pecl does: a trailing
//!   comma is common in real configs.
//! * A path with no server at all crashes pecl ("stack smashing detected");
//!   here it is an error.
//! * `tcp://host:port`, `host:port`, `//host:port` and `tcp://[v6]:port` are
//!   TCP servers. pecl ignores the scheme of non-unix URLs entirely (`udp://`,
//!   `http://` ... all mean TCP); so do we, saying so in a warning, except
//!   for `tls://` and `ssl://` (PHP's stream spellings), which mean TLS
//!   (memcached `-Z`; pecl memcache has no TLS: a pecl fleet never names
//!   them). A TLS server's ring name is `host:port` as for TCP, so a
//!   server moved from `tcp://` to `tls://` keeps its keys.
//! * `unix:///path`, `unix:/path`, `file:///path` and `file:/path` are unix
//!   sockets; a trailing `:0` is dropped from the path. pecl names such a
//!   server `unix:///path` with port 0, so its ring name is
//!   `unix:///path:0` (verified by where pecl stores sessions).
//! * A TCP URL without a port (or with an empty one, `host:`): pecl connects
//!   to port 0 and fails every request, so no working pecl config has one;
//!   we use `default_port` for the connection and the ring name. A bare
//!   `host` and `[v6]:port` without a scheme are refused by pecl; we accept
//!   them (the documented syntax).
//!
//! Leniency: a save path pecl accepts must keep working after the swap,
//! because refusing it fails every session_start() and logs every user out.
//! Where pecl silently drops or reinterprets part of a server URL, we do
//! the same and return a note ([`Ignored`]) that the session handler turns
//! into a warning naming exactly what was ignored:
//! * a query parameter value with trailing text reads as its leading number,
//!   as PHP's conversions read it (`udp_port=0;tcp://...` is 0, `weight=2abc`
//!   is 2, `timeout=1s` is 1) — pecl's test suite relies on this;
//! * a port is read as PHP's URL parser reads it: up to 5 characters, the
//!   leading number (`host:11x` is port 11; `host:11211x` is refused, by PHP
//!   and pecl too); port 0 is accepted (no daemon can listen there: the
//!   server never answers, as with pecl);
//! * a path, a fragment and `user:password@` are ignored (the password is
//!   not repeated in the warning);
//! * unknown parameters are ignored (names are matched case-sensitively as
//!   pecl does, so `Weight` is unknown: treating it as `weight` would move
//!   keys to other servers than pecl's); the last of a repeated one wins;
//! * `persistent` takes 1/0, true/false, on/off, yes/no by their meaning and
//!   anything else as on (pecl: every string but "" and "0" is on);
//!   `udp_port` outside 0..65535 is ignored (sessions never use UDP);
//!   a negative `retry_interval` means "never retry a failed server", as in
//!   pecl.
//!
//! What pecl refuses stays an error, with a message an operator can act on:
//! no server at all (pecl crashes), a port over 65535 or a URL PHP cannot
//! parse (`tcp://:11211`), `weight` or `timeout` that is not above 0 (pecl
//! fails the session without a word).
//!
//! The parser is total: any `&str` gives `Ok` or `Err`, never a panic.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// Default weight of a server: its share of the ring (pecl: 1).
pub const DEFAULT_WEIGHT: u32 = 1;
/// Largest accepted weight. Each unit of weight is 160 ring points, so this
/// bounds the ring at about 10 million points per server.
pub const MAX_WEIGHT: u32 = 65_535;
/// Connections are kept across the worker's requests unless `persistent=0`
/// (see `ServerSpec::persistent`).
pub const DEFAULT_PERSISTENT: bool = true;
/// Default connect/read timeout (pecl `MMC_DEFAULT_TIMEOUT`, 1 s).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);
/// Default time a failed server is left alone (pecl `MMC_DEFAULT_RETRY`, 15 s).
pub const DEFAULT_RETRY_INTERVAL: Duration = Duration::from_secs(15);

// What a parsed entry becomes: the pool's description of one server.
use crate::pool::ServerSpec;
use crate::wire::Endpoint;

/// What is wrong with one server entry (or the whole path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing but separators (or nothing at all).
    NoServers,
    /// A scheme other than tcp, udp, unix or file.
    UnsupportedScheme { scheme: String },
    /// `tcp://:11211`, `tcp://`, `:11211` ...
    EmptyHost,
    /// More than one `:` without brackets (`::1:11211`, `tcp:host:1`).
    UnbracketedIpv6 { host: String },
    /// `[` without `]`, or bracket contents that are not an IPv6 address.
    BadIpv6 { host: String },
    /// No digits, or a number over 65535.
    BadPort { port: String },
    /// Text after `]` that is not `:port`.
    JunkAfterIpv6 { junk: String },
    /// A host with a character no host name has (`[`, `]`, a control byte...).
    BadHost { host: String },
    /// `unix://` / `unix:` with no path.
    MissingUnixPath,
    /// `unix:relative/path` or `unix://host/path`.
    UnixPathNotAbsolute { path: String },
    /// A known query parameter with a value we refuse.
    BadParam {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
    /// A server without a port while the default port given is 0.
    NoDefaultPort,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoServers => write!(
                f,
                "it names no memcached server; list servers separated by commas, \
                 e.g. 'tcp://127.0.0.1:11211, tcp://127.0.0.2:11211'"
            ),
            Problem::UnsupportedScheme { scheme } => write!(
                f,
                "unsupported scheme '{}://'; use tcp://host:port, tls://host:port, host:port or unix:///path/to/socket",
                Escaped(scheme)
            ),
            Problem::EmptyHost => write!(f, "the host name is missing; expected host:port"),
            Problem::UnbracketedIpv6 { host } => write!(
                f,
                "'{}' has more than one ':'; write an IPv6 address in brackets (tcp://[::1]:11211) \
                 and a URL as tcp://host:port",
                Escaped(host)
            ),
            Problem::BadIpv6 { host } => write!(
                f,
                "'{}' is not a valid bracketed IPv6 address, e.g. [::1] or [fe80::1%eth0]",
                Escaped(host)
            ),
            Problem::BadPort { port } => {
                write!(f, "port must be a number from 0 to 65535, got '{}'", Escaped(port))
            }
            Problem::JunkAfterIpv6 { junk } => write!(
                f,
                "unexpected '{}' after the IPv6 address; expected ':port' or nothing",
                Escaped(junk)
            ),
            Problem::BadHost { host } => write!(f, "'{}' is not a valid host name", Escaped(host)),
            Problem::MissingUnixPath => {
                write!(f, "the unix socket path is missing; expected unix:///path/to/memcached.sock")
            }
            Problem::UnixPathNotAbsolute { path } => write!(
                f,
                "unix socket path '{}' is not absolute; expected unix:///path/to/memcached.sock",
                Escaped(path)
            ),
            Problem::BadParam { name, value, expected } => {
                write!(f, "{name} must be {expected}, got '{}'", Escaped(value))
            }
            Problem::NoDefaultPort => {
                write!(f, "no port given and the default port is 0; write host:port")
            }
        }
    }
}

/// A save path that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavePathError {
    /// The ini setting the path came from, for the message
    /// (`session.save_path` unless changed with [`SavePathError::in_setting`]).
    pub setting: &'static str,
    /// The whole path.
    pub path: String,
    /// Byte offset of the offending entry in `path` (pecl reports the same).
    pub offset: usize,
    /// 1-based number of the offending server entry (0 for [`Problem::NoServers`]).
    pub server: usize,
    /// The offending entry, as written.
    pub entry: String,
    pub problem: Problem,
}

impl SavePathError {
    /// Names another setting (e.g. `memcache.session_save_path`) in the message.
    pub fn in_setting(mut self, setting: &'static str) -> Self {
        self.setting = setting;
        self
    }
}

impl fmt::Display for SavePathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.problem == Problem::NoServers {
            return write!(
                f,
                "Failed to parse {} '{}': {}",
                self.setting,
                Escaped(&self.path),
                self.problem
            );
        }
        write!(
            f,
            "Failed to parse {} (error at offset {}, server {} '{}'): {}; the whole path was '{}'",
            self.setting,
            self.offset,
            self.server,
            Escaped(&self.entry),
            self.problem,
            Escaped(&self.path)
        )
    }
}

impl std::error::Error for SavePathError {}

/// Shows text with control characters escaped, so a path with a newline or
/// a stray byte still gives a one-line message.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() => write!(f, "\\x{{{:x}}}", c as u32)?,
                c => write!(f, "{c}")?,
            }
        }
        Ok(())
    }
}

/// Separators between servers: what pecl's `isspace()` (C locale) and `,` match.
fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b',')
}

/// Something a save path said that was ignored or reinterpreted, as pecl
/// memcache ignores it (see the module docs), reported with
/// [`Ignored::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// 1-based number of the server entry.
    pub server: usize,
    /// The entry as written (a `user:password@` replaced by `***@`).
    pub entry: String,
    /// What was ignored, and what is used instead.
    pub what: String,
}

impl Ignored {
    /// The warning, naming the setting the path came from.
    pub fn message(&self, setting: &str) -> String {
        format!(
            "{setting}: server {} '{}': {} (pecl memcache ignores it too)",
            self.server,
            Escaped(&self.entry),
            self.what
        )
    }
}

/// Parses a save path into its servers, in the order written (the order the
/// standard strategy and failover rely on). Duplicates are kept, as in pecl.
// The error is built at most once per session_start, and its fields are
// public for callers that format their own message: not worth a Box.
#[allow(clippy::result_large_err)]
///
/// What was ignored on the way goes to this thread's [`take_ignored`]
/// queue: the session handler keeps its signature (servers or an error),
/// and the FFI seam, which owns the error log, reports the notes after the
/// handler returns.
pub fn parse_save_path(path: &str, default_port: u16) -> Result<Vec<ServerSpec>, SavePathError> {
    let (servers, ignored) = parse_save_path_lenient(path, default_port)?;
    if !ignored.is_empty() {
        IGNORED.with(|q| {
            let mut q = q.borrow_mut();
            // bounded: a caller that never drains cannot grow it forever
            if q.len() < 64 {
                q.extend(ignored);
            }
        });
    }
    Ok(servers)
}

thread_local! {
    static IGNORED: std::cell::RefCell<Vec<Ignored>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What [`parse_save_path`] ignored since the last call, oldest first.
pub fn take_ignored() -> Vec<Ignored> {
    IGNORED.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

/// [`parse_save_path`], also returning what was ignored on the way.
#[allow(clippy::result_large_err)]
pub fn parse_save_path_lenient(path: &str, default_port: u16) -> Result<(Vec<ServerSpec>, Vec<Ignored>), SavePathError> {
    let bytes = path.as_bytes();
    let mut servers = Vec::new();
    let mut ignored = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && is_separator(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !is_separator(bytes[i]) {
            i += 1;
        }
        if start == i {
            continue;
        }
        // Separators are ASCII, so both ends are char boundaries.
        let entry = &path[start..i];
        let mut notes = Vec::new();
        match parse_entry(entry, default_port, &mut notes) {
            Ok(spec) => {
                let shown = mask_userinfo(entry);
                for what in notes {
                    ignored.push(Ignored { server: servers.len() + 1, entry: shown.clone(), what });
                }
                servers.push(spec);
            }
            Err(problem) => {
                return Err(SavePathError {
                    setting: "session.save_path",
                    path: path.to_owned(),
                    offset: start,
                    server: servers.len() + 1,
                    entry: entry.to_owned(),
                    problem,
                })
            }
        }
    }
    if servers.is_empty() {
        return Err(SavePathError {
            setting: "session.save_path",
            path: path.to_owned(),
            offset: 0,
            server: 0,
            entry: String::new(),
            problem: Problem::NoServers,
        });
    }
    Ok((servers, ignored))
}

/// `tcp://user:pw@host:1` -> `tcp://***@host:1`: a password does not go
/// into a warning.
fn mask_userinfo(entry: &str) -> String {
    let (main, rest) = match entry.find(['?', '#']) {
        Some(i) => (&entry[..i], &entry[i..]),
        None => (entry, ""),
    };
    let auth_start = main.find("://").map_or(0, |i| i + 3);
    match main[auth_start..].find('@') {
        Some(at) => format!("{}***{}{rest}", &main[..auth_start], &main[auth_start + at..]),
        None => entry.to_owned(),
    }
}

/// Options of one entry, from its query string.
struct Options {
    persistent: bool,
    weight: u32,
    timeout: Duration,
    retry_interval: Duration,
    udp_port: u16,
}

fn parse_entry(entry: &str, default_port: u16, notes: &mut Vec<String>) -> Result<ServerSpec, Problem> {
    let (entry, fragment) = split_once_char(entry, '#');
    if let Some(fragment) = fragment {
        notes.push(format!("ignored the fragment '#{}'", Escaped(fragment)));
    }
    let (main, query) = split_once_char(entry, '?');
    let options = parse_query(query.unwrap_or(""), notes)?;

    if let Some(rest) = strip_prefix_ci(main, "unix:").or_else(|| strip_prefix_ci(main, "file:")) {
        return unix_server(rest, options);
    }
    let authority = if let Some(pos) = main.find("://") {
        let scheme = &main[..pos];
        if scheme.eq_ignore_ascii_case("tls") || scheme.eq_ignore_ascii_case("ssl") {
            let mut spec = tcp_server(&main[pos + 3..], default_port, options, notes)?;
            if let Endpoint::Tcp { host, port } = spec.endpoint {
                spec.endpoint = Endpoint::Tls { host, port, tls: Box::default() };
            }
            return Ok(spec);
        }
        if scheme.is_empty() {
            return Err(Problem::UnsupportedScheme {
                scheme: scheme.to_owned(),
            });
        }
        if !scheme.eq_ignore_ascii_case("tcp") && !scheme.eq_ignore_ascii_case("udp") {
            notes.push(format!("ignored the scheme '{}://': the server is reached over TCP", Escaped(scheme)));
        }
        &main[pos + 3..]
    } else if let Some(rest) = main.strip_prefix("//") {
        rest
    } else {
        main
    };
    tcp_server(authority, default_port, options, notes)
}

fn unix_server(rest: &str, options: Options) -> Result<ServerSpec, Problem> {
    // unix:///p -> "///p" -> "/p"; unix:/p -> "/p"; unix://host/p -> "host/p".
    let path = rest.strip_prefix("//").unwrap_or(rest);
    // pecl chops a trailing ":0" port specifier off the socket name.
    let path = path.strip_suffix(":0").unwrap_or(path);
    if path.is_empty() {
        return Err(Problem::MissingUnixPath);
    }
    if !path.starts_with('/') {
        return Err(Problem::UnixPathNotAbsolute {
            path: path.to_owned(),
        });
    }
    Ok(ServerSpec {
        endpoint: Endpoint::Unix {
            path: PathBuf::from(path),
        },
        ring_name: format!("unix://{path}:0"),
        persistent: options.persistent,
        weight: options.weight,
        timeout: options.timeout,
        retry_interval: options.retry_interval,
        udp_port: 0,
    })
}

fn tcp_server(authority: &str, default_port: u16, options: Options, notes: &mut Vec<String>) -> Result<ServerSpec, Problem> {
    let authority = match authority.rfind('@') {
        Some(at) => {
            notes.push("ignored the 'user:password@' part: memcached has no login in this protocol".into());
            &authority[at + 1..]
        }
        None => authority,
    };
    let (authority, path) = match authority.find('/') {
        Some(pos) => (&authority[..pos], &authority[pos..]),
        None => (authority, ""),
    };
    if !path.is_empty() && path != "/" {
        notes.push(format!("ignored the path '{}' after host:port", Escaped(path)));
    }

    let (host, written_host, port_text) = if let Some(inner) = authority.strip_prefix('[') {
        let Some(close) = inner.find(']') else {
            return Err(Problem::BadIpv6 {
                host: authority.to_owned(),
            });
        };
        let host = &inner[..close];
        if !is_ipv6_literal(host) {
            return Err(Problem::BadIpv6 {
                host: authority.to_owned(),
            });
        }
        let after = &inner[close + 1..];
        let port = if after.is_empty() {
            None
        } else if let Some(port) = after.strip_prefix(':') {
            Some(port)
        } else {
            return Err(Problem::JunkAfterIpv6 {
                junk: after.to_owned(),
            });
        };
        (host, &authority[..close + 2], port)
    } else {
        let (host, port) = split_once_char(authority, ':');
        if port.is_some_and(|p| p.contains(':')) {
            return Err(Problem::UnbracketedIpv6 {
                host: authority.to_owned(),
            });
        }
        if host.is_empty() {
            return Err(Problem::EmptyHost);
        }
        if host
            .bytes()
            .any(|b| b == b'[' || b == b']' || b.is_ascii_control())
        {
            return Err(Problem::BadHost {
                host: host.to_owned(),
            });
        }
        (host, host, port)
    };

    let port = match port_text {
        None if default_port == 0 => return Err(Problem::NoDefaultPort),
        None => default_port,
        Some("") if default_port == 0 => return Err(Problem::NoDefaultPort),
        Some("") => {
            notes.push(format!("ignored the empty port after ':'; port {default_port} (memcache.default_port) is used"));
            default_port
        }
        Some(text) => {
            let port = parse_port(text)
                .filter(|_| !text.contains(':'))
                .ok_or_else(|| Problem::BadPort {
                    port: text.to_owned(),
                })?;
            let body = text.strip_prefix('+').unwrap_or(text);
            let digits = text.len() - body.len() + body.bytes().take_while(u8::is_ascii_digit).count();
            if digits < text.len() {
                notes.push(format!("ignored '{}' after the port {port}", Escaped(&text[digits..])));
            }
            if port == 0 {
                notes.push("port 0: no memcached can listen there, this server never answers".into());
            }
            port
        }
    };
    Ok(ServerSpec {
        endpoint: Endpoint::Tcp {
            host: host.to_owned(),
            port,
        },
        ring_name: format!("{written_host}:{port}"),
        persistent: options.persistent,
        weight: options.weight,
        timeout: options.timeout,
        retry_interval: options.retry_interval,
        udp_port: options.udp_port,
    })
}

/// The port as PHP's URL parser reads it (and pecl uses it): at most 5
/// characters, read by strtol (an optional sign, then digits; what follows
/// them is dropped: `11x` is 11), from 0 to 65535. None otherwise (`11211x`
/// is 6 characters: PHP refuses the URL, and so does pecl).
fn parse_port(text: &str) -> Option<u16> {
    if text.len() > 5 {
        return None;
    }
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    body[..digits].parse::<u16>().ok()
}

/// Hex digits, `:` and `.` (embedded IPv4), at least two colons' worth of
/// shape, and an optional `%zone` of name characters.
fn is_ipv6_literal(host: &str) -> bool {
    let (addr, zone) = split_once_char(host, '%');
    let addr_ok = addr.contains(':')
        && addr
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    let zone_ok = zone.is_none_or(|z| {
        !z.is_empty()
            && z.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    });
    addr_ok && zone_ok
}

/// A value read as its leading number, as PHP converts it (and pecl uses
/// it): the number, and a note when text after it was dropped.
fn leading<T>(name: &str, value: &str, parse: impl Fn(&str) -> Option<(T, usize)>, notes: &mut Vec<String>) -> Option<T> {
    let (n, used) = parse(value)?;
    if used < value.len() {
        notes.push(format!(
            "ignored '{}' after {name}={}",
            Escaped(&value[used..]),
            Escaped(&value[..used])
        ));
    }
    Some(n)
}

/// Leading C whitespace, a sign and decimal digits: (value, bytes used).
fn leading_int(s: &str) -> Option<(i64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        i += 1;
    }
    let sign_at = i;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits_at = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == digits_at {
        return None;
    }
    let n: i64 = s[sign_at..i].trim_start_matches('+').parse().ok()?;
    Some((n, i))
}

/// Leading `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
fn leading_float(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        i += 1;
    }
    let start = i;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if digits + (j - frac_start) > 0 {
            digits += j - frac_start;
            i = j;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let v: f64 = s[start..i].parse().ok()?;
    Some((v, i))
}

fn parse_query(query: &str, notes: &mut Vec<String>) -> Result<Options, Problem> {
    let mut options = Options {
        persistent: DEFAULT_PERSISTENT,
        weight: DEFAULT_WEIGHT,
        timeout: DEFAULT_TIMEOUT,
        retry_interval: DEFAULT_RETRY_INTERVAL,
        udp_port: 0,
    };
    for pair in query.split('&') {
        if pair.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = split_once_char(pair, '=');
        let name = php_param_name(&url_decode(raw_name));
        let value = url_decode(raw_value.unwrap_or(""));
        match name.as_str() {
            "persistent" => options.persistent = parse_persistent(&value, notes),
            "weight" => {
                options.weight = leading("weight", &value, leading_int, notes)
                    .filter(|w| (1..=i64::from(MAX_WEIGHT)).contains(w))
                    .and_then(|w| u32::try_from(w).ok())
                    .ok_or_else(|| bad("weight", &value, "a whole number from 1 to 65535"))?;
            }
            "timeout" => options.timeout = parse_timeout(&value, notes)?,
            "retry_interval" => {
                let secs = leading("retry_interval", &value, leading_int, notes).ok_or_else(|| {
                    bad("retry_interval", &value, "a whole number of seconds (negative: never retry)")
                })?;
                options.retry_interval = if secs < 0 {
                    notes.push(format!("retry_interval={secs}: a server that fails is never tried again by this worker"));
                    NEVER_RETRY
                } else {
                    Duration::from_secs(secs.min(i64::from(u32::MAX)) as u64)
                };
            }
            "udp_port" => {
                options.udp_port = match leading("udp_port", &value, leading_int, notes) {
                    Some(p) => u16::try_from(p).unwrap_or_else(|_| {
                        notes.push(format!("ignored udp_port={p}: not a port number (sessions never use UDP)"));
                        0
                    }),
                    None => {
                        notes.push(format!("ignored udp_port='{}': not a number", Escaped(&value)));
                        0
                    }
                };
            }
            "" => {}
            other => notes.push(format!("ignored the unknown parameter '{}'", Escaped(other))),
        }
    }
    Ok(options)
}

/// A retry interval meaning "never" (pecl's negative retry_interval).
pub const NEVER_RETRY: Duration = Duration::from_secs(100 * 365 * 86_400);

fn bad(name: &'static str, value: &str, expected: &'static str) -> Problem {
    Problem::BadParam {
        name,
        value: value.to_owned(),
        expected,
    }
}

/// `persistent`: pecl casts the string to bool, so only "" and "0" are off
/// (even "false" and "off" turn it on). We take the words by their meaning
/// (persistence does not affect key placement) and anything else as on, as
/// pecl does, with a note.
fn parse_persistent(value: &str, notes: &mut Vec<String>) -> bool {
    let lower = value.to_ascii_lowercase();
    match lower.as_str() {
        "" | "false" | "off" | "no" => false,
        "true" | "on" | "yes" => true,
        _ => match parse_uint(value) {
            Some(n) => n != 0,
            None => {
                notes.push(format!("persistent='{}' is not 1/0, on/off, true/false or yes/no: read as on", Escaped(value)));
                true
            }
        },
    }
}

/// A positive number of seconds, fractions allowed (`0.5`, `1e-3`), read as
/// PHP reads a number (leading number; text after it noted).
fn parse_timeout(value: &str, notes: &mut Vec<String>) -> Result<Duration, Problem> {
    const EXPECTED: &str = "a number of seconds greater than 0, e.g. 1 or 0.5";
    let err = || bad("timeout", value, EXPECTED);
    let secs = leading("timeout", value, leading_float, notes).ok_or_else(err)?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(err());
    }
    match Duration::try_from_secs_f64(secs) {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => Err(err()),
    }
}

/// An optional `+` and decimal digits; `None` for anything else (a minus
/// sign, garbage, empty) or a value past `u64`.
fn parse_uint(s: &str) -> Option<u64> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// PHP's `urldecode`: `+` is a space, `%XX` a byte, a malformed `%` stays.
fn url_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                b.get(i + 1).and_then(|&h| hex(h)),
                b.get(i + 2).and_then(|&l| hex(l)),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// PHP turns ` ` and `.` in a request variable name into `_` (up to the
/// first `[`), so pecl reads `udp.port=` as `udp_port`.
fn php_param_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_brackets = false;
    for c in name.chars() {
        if c == '[' {
            in_brackets = true;
        }
        out.push(if !in_brackets && (c == ' ' || c == '.') {
            '_'
        } else {
            c
        });
    }
    out
}

fn split_once_char(s: &str, c: char) -> (&str, Option<&str>) {
    match s.split_once(c) {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

// Tested in tests/save_path.rs.
