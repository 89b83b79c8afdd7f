//! The save handler's entry points and the state of the open session.
//!
//! PHP's session module drives a request through open → (validate_sid) →
//! read → write or update_timestamp → close, with destroy, create_sid and
//! session_regenerate_id in between. The handler keeps, per process, the
//! open session's pool and the lock it holds; the lock is released by write,
//! update_timestamp, destroy and close (so `session_abort()` releases it),
//! and, as a last resort, at request end ([`request_end`]) — after a fatal
//! error, `exit` or an uncaught exception.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use super::lock::{self, LockError};
use super::replicate::{self, describe, found, targets};
use crate::wire::Protocol;
use super::{exptime, value, Outcome};
use crate::config::ini::{session_key, Settings};
use crate::config::save_path::parse_save_path;
use crate::config::current;
use crate::pool::health;
use crate::pool::Pool;
use crate::wire::Reply;

/// The open session of this request.
struct Open {
    pool: Rc<Pool>,
    settings: Settings,
    /// The static/host prefix of session keys.
    prefix: Vec<u8>,
    /// The session key whose lock we hold, and the server holding the lock.
    lock: Option<(Vec<u8>, usize)>,
    /// Copies of the session read but not yet verified on its other
    /// servers: a write or touch reaches them anyway; a request that ends
    /// without one (read_and_close, session_abort) checks them at close.
    unverified: Option<Unverified>,
    /// The session key that existed when it was read: its write uses
    /// `replace`, which memcached refuses without deleting the stored copy
    /// (a refused `set`, e.g. over the item size limit, deletes it).
    existing: Option<Vec<u8>>,
}

/// A session read from one server whose mirrors have not been checked.
struct Unverified {
    key: Vec<u8>,
    /// The stored form (bytes and flags) to copy to a mirror that lost it.
    item: crate::wire::Item,
    exp: u32,
    mirrors: Vec<usize>,
}

/// A parsed pool and what it was built from: save path, default port,
/// strategy, hash function.
struct CachedPool {
    path: String,
    ring: (u16, u8, u8),
    pool: Rc<Pool>,
}

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
    /// Parsed pools by save path and ring settings: the ring is built once
    /// per worker, not per request.
    /// (A worker uses one or two save paths: a short list compared by value
    /// beats hashing the path on every open.)
    static POOLS: RefCell<Vec<CachedPool>> = const { RefCell::new(Vec::new()) };
}


fn pool_for(path: &str, entry: &'static str, s: &Settings) -> Result<Rc<Pool>, String> {
    let ring = (s.default_port, s.hash_strategy as u8, s.hash_function as u8);
    let cached = POOLS.with(|m| m.borrow().iter().find(|c| c.path == path && c.ring == ring).map(|c| c.pool.clone()));
    if let Some(p) = cached {
        return Ok(p);
    }
    let specs = parse_save_path(path, s.default_port).map_err(|e| e.in_setting(entry).to_string())?;
    if specs.is_empty() {
        return Err(format!("{entry} names no memcached server (it is '{path}')"));
    }
    let pool = Rc::new(Pool::new(specs, s.hash_strategy.into(), s.hash_function.into()).map_err(|e| format!("{entry}: {e}"))?);
    POOLS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 16 {
            m.remove(0);
        }
        m.push(CachedPool { path: path.to_string(), ring, pool: pool.clone() });
    });
    Ok(pool)
}

/// The key prefix from `memcache.session_prefix_*`; `server_name` gives
/// `$_SERVER['SERVER_NAME']` and is only asked when the host prefix is on.
fn prefix(s: &Settings, server_name: impl FnOnce() -> Option<String>) -> Vec<u8> {
    let mut p = Vec::new();
    if let Some(stat) = &s.session_prefix_static_key {
        p.extend_from_slice(stat.as_bytes());
    }
    if s.session_prefix_host_key {
        if let Some(host) = server_name() {
            p.extend_from_slice(
                crate::config::ini::host_prefix(
                    &host,
                    s.session_prefix_host_key_remove_www,
                    s.session_prefix_host_key_remove_subdomain,
                )
                .as_bytes(),
            );
        }
    }
    p
}

/// Runs `f` on the open session, or fails with a warning naming `what`.
fn with_open<T>(what: &str, f: impl FnOnce(&mut Open) -> Outcome<T>) -> Outcome<T> {
    OPEN.with(|o| match o.borrow_mut().as_mut() {
        Some(open) => f(open),
        None => Outcome::fail(vec![format!("memcache session handler: {what} called before open")]),
    })
}

fn redundancy(open: &Open) -> usize {
    (open.settings.session_redundancy.max(1) as usize).min(open.pool.len())
}

/// The servers to use for a session of sequence `seq` now (see
/// [`targets`]).
fn live_servers(open: &Open, seq: &[usize]) -> Vec<usize> {
    targets(&open.pool, seq, redundancy(open), open.settings.allow_failover)
}

/// Takes the lock the open session holds on `key`, if any, adding its
/// server to `servers` (the operation sent there releases or deletes it).
fn take_lock_on(open: &mut Open, key: &[u8], servers: &mut Vec<usize>) -> Option<usize> {
    match &open.lock {
        Some((k, s)) if k.as_slice() == key => {
            let s = *s;
            if !servers.contains(&s) {
                servers.push(s);
            }
            open.lock = None;
            Some(s)
        }
        _ => None,
    }
}

fn sid_text(sid: &[u8]) -> String {
    String::from_utf8_lossy(sid).into_owned()
}

/// PS_OPEN: parses the save path (or memcache.session_save_path) into a pool.
pub fn open(save_path: &str, server_name: impl FnOnce() -> Option<String>) -> Outcome<()> {
    let settings = current::snapshot();
    let (path, entry) = match &settings.session_save_path {
        Some(p) if !p.trim().is_empty() => (p.clone(), "memcache.session_save_path"),
        _ => (save_path.to_string(), "session.save_path"),
    };
    if path.trim().is_empty() {
        return Outcome::fail(vec![format!(
            "{entry} is empty: set it to the memcached servers, e.g. \"tcp://127.0.0.1:11211\""
        )]);
    }
    let pool = match pool_for(&path, entry, &settings) {
        Ok(p) => p,
        Err(msg) => return Outcome::fail(vec![msg]),
    };
    let prefix = prefix(&settings, server_name);
    // A session still open (open called twice) gives its lock back first.
    let mut warnings = Vec::new();
    release_held(&mut warnings);
    OPEN.with(|o| *o.borrow_mut() = Some(Open { pool, settings, prefix, lock: None, unverified: None, existing: None }));
    Outcome::ok((), warnings)
}

/// PS_CLOSE: releases a lock still held (session_abort, read-only use).
pub fn close() -> Outcome<()> {
    let mut warnings = Vec::new();
    release_held(&mut warnings);
    OPEN.with(|o| *o.borrow_mut() = None);
    Outcome::ok((), warnings)
}

/// Ends the open session's hold on its servers: releases the lock, if it
/// holds one, and checks the session's other copies if nothing wrote them,
/// both in one round trip; a copy found missing is written back.
fn release_held(warnings: &mut Vec<String>) {
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let Some(open) = o.as_mut() else { return };
        let lock = open.lock.take();
        let check = open.unverified.take();
        if lock.is_none() && check.is_none() {
            return;
        }
        let lt = open.settings.lock_timeout;
        let mut servers: Vec<usize> = lock.iter().map(|(_, s)| *s).collect();
        if let Some(c) = &check {
            for &m in &c.mirrors {
                if !servers.contains(&m) {
                    servers.push(m);
                }
            }
        }
        let res = replicate::run_each(&open.pool, open.settings.protocol.into(), &servers, |i, b| {
            if let Some((key, s)) = &lock {
                if *s == i {
                    lock::push_release(b, key, lt)?;
                }
            }
            if let Some(c) = &check {
                if c.mirrors.contains(&i) {
                    b.touch(&c.key, c.exp)?;
                }
            }
            Ok(())
        });
        let mut missing = Vec::new();
        for (i, outcome) in res {
            let releases_here = matches!(&lock, Some((_, s)) if *s == i);
            match outcome {
                Ok(replies) => {
                    let touch = replies.get(usize::from(releases_here));
                    if check.is_some() && matches!(touch, Some(Reply::NotFound)) {
                        missing.push(i);
                    }
                }
                Err(f) if releases_here => {
                    let (key, _) = lock.as_ref().expect("releases_here");
                    warnings.push(format!(
                        "could not release the lock of session key '{}' ({f}); it expires after memcache.lock_timeout = {lt} s",
                        String::from_utf8_lossy(key),
                    ));
                }
                Err(_) => {}
            }
        }
        if let (Some(c), false) = (&check, missing.is_empty()) {
            repair(&open.pool, open.settings.protocol.into(), &missing, &c.key, &c.item, c.exp, warnings);
        }
    });
}

/// Writes the stored form of a session back to servers that lost it.
fn repair(pool: &Pool, proto: Protocol, servers: &[usize], key: &[u8], item: &crate::wire::Item, exp: u32, warnings: &mut Vec<String>) {
    let repaired = replicate::run(pool, proto, servers, |b| b.set(key, item.flags, exp, &item.data).map(|_| ()));
    for (i, rep) in &repaired.ok {
        if matches!(rep.first(), Some(Reply::Stored)) {
            pool.count(*i, |s| s.read_repairs += 1);
        }
    }
    if !repaired.failed.is_empty() {
        warnings.push(format!(
            "session key '{}': could not restore its copy on every server ({})",
            String::from_utf8_lossy(key),
            describe(&repaired.failed)
        ));
    }
}

/// PS_READ: takes the session's lock and reads it in one round trip, falling
/// over to mirrors when a server fails or misses, and writing a copy found on
/// a mirror back to the servers that miss it (read-repair).
pub fn read(sid: &[u8], maxlifetime: i64) -> Outcome<Vec<u8>> {
    with_open("read", |open| read_open(open, sid, maxlifetime))
}

fn read_open(open: &mut Open, sid: &[u8], maxlifetime: i64) -> Outcome<Vec<u8>> {
    // A read of another id while a session is held (regenerate without
    // close, which wrote or destroyed the old one): give its lock back.
    let mut warnings = Vec::new();
    open.unverified = None;
    if let Some((key, server)) = open.lock.take() {
        let lt = open.settings.lock_timeout;
        replicate::run(&open.pool, open.settings.protocol.into(), &[server], |b| lock::push_release(b, &key, lt));
    }
    if sid.is_empty() {
        return Outcome::fail(vec!["cannot read a session with an empty id".into()]);
    }
    let key = session_key(&open.prefix, sid);
    if lock::lock_key(&key).len() > crate::config::ini::MAX_KEY_LEN {
        let max = crate::config::ini::MAX_KEY_LEN;
        let culprit = if open.prefix.len() + 6 > max {
            format!(
                "the session key prefix (memcache.session_prefix_static_key / _host_key) is {} bytes, leaving no room for a session id",
                open.prefix.len()
            )
        } else {
            format!(
                "session id '{}' is too long: with the {}-byte key prefix its key is {} bytes",
                sid_text(sid),
                open.prefix.len(),
                key.len()
            )
        };
        return Outcome::fail(vec![format!(
            "{culprit}, and its lock record '{{key}}.lock' would exceed memcached's {max}-byte key limit"
        )]);
    }
    let seq = open.pool.session_sequence(&key);
    let allow_failover = open.settings.allow_failover;
    let lock_timeout = open.settings.lock_timeout.max(1);
    let wait_limit = Duration::from_secs(u64::from(lock_timeout));
    let exp = exptime(maxlifetime);

    // Lock + read in one round trip on the session's first server that is
    // up: every request of the session, pecl memcache's included, meets on
    // the same lock record. A failed server is marked down, and the next
    // pass moves on to the next server of the session's sequence.
    let mut failures = Vec::new();
    let (primary, mirrors, first) = loop {
        let live = live_servers(open, &seq);
        let Some(&primary) = live.first() else {
            return Outcome::fail(vec![no_server(sid, &failures, allow_failover)]);
        };
        let mut batch = crate::wire::Batch::with_protocol(open.settings.protocol.into());
        if let Err(e) = lock::push_acquire(&mut batch, &key, lock_timeout) {
            return Outcome::fail(vec![format!("cannot read session '{}': {e}", sid_text(sid))]);
        }
        match open.pool.execute(primary, &batch) {
            Ok(replies) => break (primary, live[1..].to_vec(), replies),
            Err(f) => {
                let down = f.is_server_down();
                failures.push((primary, f));
                if !down {
                    return Outcome::fail(vec![no_server(sid, &failures, allow_failover)]);
                }
            }
        }
    };
    for (i, _) in &failures {
        open.pool.count(*i, |s| s.failovers += 1);
    }

    let stored = match lock::first_attempt(first) {
        Some(data) => data,
        None => match lock::wait(&open.pool, open.settings.protocol.into(), primary, &key, lock_timeout, wait_limit) {
            Ok(acq) => {
                open.pool.count(primary, |s| {
                    s.lock_waits += 1;
                    s.lock_wait_micros += acq.waited.as_micros() as u64;
                });
                acq.data
            }
            Err(LockError::Timeout { waited }) => {
                return Outcome::fail(vec![format!(
                    "session '{}' is locked by another request: gave up after waiting {:.1} s (memcache.lock_timeout = {} s); the session was not read and will not be written",
                    sid_text(sid),
                    waited.as_secs_f64(),
                    lock_timeout
                )]);
            }
            Err(LockError::Server(f)) => {
                return Outcome::fail(vec![format!(
                    "cannot read session '{}' while waiting for its lock: {f}",
                    sid_text(sid)
                )]);
            }
        },
    };
    open.lock = Some((key.clone(), primary));
    open.existing = None;

    // The stored form (bytes + flags) is what gets copied back; the session
    // string PHP gets is its decoding.
    let (item, source) = match stored {
        Some(item) => {
            // Found where we locked: its mirrors are checked when the
            // request ends without writing (a write reaches them anyway).
            if !mirrors.is_empty() {
                open.unverified = Some(Unverified { key: key.clone(), item: item.clone(), exp, mirrors });
            }
            (item, primary)
        }
        None => {
            // Missing where we locked (a new session, or this server
            // restarted empty, or was down during the last write): ask the
            // session's other servers in one round trip.
            let got = replicate::run(&open.pool, open.settings.protocol.into(), &mirrors, |b| b.get(&key).map(|_| ()));
            let Some((from, item)) = got.ok.iter().find_map(|(i, rep)| found(rep).map(|item| (*i, item.clone())))
            else {
                return Outcome::ok(Vec::new(), warnings);
            };
            // Read-repair: every server of the session that answered
            // without it gets it back.
            let missing: Vec<usize> = std::iter::once(primary)
                .chain(got.ok.iter().filter(|(_, rep)| found(rep).is_none()).map(|(i, _)| *i))
                .collect();
            repair(&open.pool, open.settings.protocol.into(), &missing, &key, &item, exp, &mut warnings);
            (item, from)
        }
    };
    open.existing = Some(key);
    match value::decode(item.data, item.flags) {
        Ok(data) => Outcome::ok(data, warnings),
        Err(why) => Outcome::fail(vec![format!(
            "cannot read session '{}' from server {}: {why}",
            sid_text(sid),
            open.pool.server(source).spec.ring_name
        )]),
    }
}

fn no_server(sid: &[u8], failures: &[(usize, crate::pool::Failure)], allow_failover: bool) -> String {
    let tried = if failures.is_empty() {
        "every server of the session is marked down after recent failures".to_string()
    } else {
        describe(failures)
    };
    let hint = if allow_failover { "" } else { " (memcache.allow_failover = 0)" };
    format!("cannot read session '{}': no memcached server answered{hint}: {tried}", sid_text(sid))
}

/// PS_WRITE: stores the session on its servers in parallel and releases the
/// lock in the same round trip. Succeeds when at least one copy is stored;
/// warns when fewer than `session_redundancy` copies are.
pub fn write(sid: &[u8], data: &[u8], maxlifetime: i64) -> Outcome<()> {
    with_open("write", |open| store(open, sid, data, maxlifetime, false))
}

/// PS_UPDATE_TIMESTAMP (session.lazy_write, unchanged data): touches every
/// copy and releases the lock in one round trip; a copy found missing (its
/// server restarted empty) is written back from the data PHP holds.
pub fn update_timestamp(sid: &[u8], data: &[u8], maxlifetime: i64) -> Outcome<()> {
    with_open("update_timestamp", |open| store(open, sid, data, maxlifetime, true))
}

fn store(open: &mut Open, sid: &[u8], data: &[u8], maxlifetime: i64, touch: bool) -> Outcome<()> {
    let key = session_key(&open.prefix, sid);
    let seq = open.pool.session_sequence(&key);
    let r = redundancy(open);
    let mut servers = live_servers(open, &seq);
    let lt = open.settings.lock_timeout;
    let held = take_lock_on(open, &key, &mut servers);
    // Every copy is written or touched now (a touch that misses rewrites it).
    open.unverified = None;
    let exp = exptime(maxlifetime);
    let (bytes, flags) = value::encode(data, open.settings.compress_threshold);
    // An existing session is written with `replace`: memcached refuses an
    // oversized `set` by deleting the stored copy, a `replace` leaves it.
    let replace = !touch && open.existing.as_deref() == Some(&key[..]);
    let proto = open.settings.protocol.into();
    let mut result = replicate::run(&open.pool, proto, &servers, |b| {
        if touch {
            b.touch(&key, exp).map(|_| ())?;
        } else if replace {
            b.replace(&key, flags, exp, &bytes).map(|_| ())?;
        } else {
            b.set(&key, flags, exp, &bytes).map(|_| ())?;
        }
        if held.is_some() {
            lock::push_release(b, &key, lt)?;
        }
        Ok(())
    });

    // Copies that vanished (a touch finds nothing, a replace is not stored)
    // are written back in full.
    let missing: Vec<usize> = result
        .ok
        .iter()
        .filter(|(_, rep)| matches!(rep.first(), Some(Reply::NotFound) | Some(Reply::NotStored)))
        .map(|(i, _)| *i)
        .collect();
    if !missing.is_empty() {
        let repaired = replicate::run(&open.pool, proto, &missing, |b| b.set(&key, flags, exp, &bytes).map(|_| ()));
        result.ok.retain(|(i, _)| !missing.contains(i));
        for (i, rep) in &repaired.ok {
            if matches!(rep.first(), Some(Reply::Stored)) {
                open.pool.count(*i, |s| s.read_repairs += 1);
            }
        }
        result.ok.extend(repaired.ok);
        result.failed.extend(repaired.failed);
    }

    let mut stored = 0usize;
    let mut reasons = Vec::new();
    for (i, rep) in &result.ok {
        let name = &open.pool.server(*i).spec.ring_name;
        match rep.first() {
            Some(Reply::Stored) | Some(Reply::Touched) => stored += 1,
            Some(Reply::Error(_, msg)) => reasons.push(format!("server {name} refused it: {msg}")),
            other => reasons.push(format!("server {name} answered {other:?}")),
        }
    }
    if !result.failed.is_empty() {
        reasons.push(describe(&result.failed));
    }
    let what = if touch { "update the timestamp of" } else { "write" };
    if stored == 0 {
        if reasons.is_empty() {
            reasons.push("every server of the session is marked down after recent failures".into());
        }
        return Outcome::fail(vec![format!(
            "failed to {what} session '{}' ({} bytes): {}; the data stored before is unchanged",
            sid_text(sid),
            data.len(),
            reasons.join("; ")
        )]);
    }
    let mut warnings = Vec::new();
    if stored < r {
        // The session's own servers skipped because they are known to be down.
        let skipped: Vec<usize> =
            seq.iter().take(r).copied().filter(|i| !servers.contains(i) && open.pool.is_down(*i)).collect();
        for &i in &skipped {
            reasons.push(format!(
                "server {} is marked down after a recent failure",
                open.pool.server(i).spec.ring_name
            ));
        }
        // Warn on a fresh failure always; for known-down servers once per
        // down period, so a dead daemon does not flood the error log.
        let fresh = !result.failed.is_empty() || reasons.iter().any(|r| r.contains("refused it"));
        // Every skipped server is asked (and so marked warned): no short-circuit.
        let mut first = false;
        for &i in &skipped {
            first |= health::first_degraded_warning(open.pool.server(i).slot);
        }
        // A server that failed just now is warned about here: that is this
        // down period's warning, so later writes skipping it stay quiet.
        for (i, f) in &result.failed {
            if f.is_server_down() {
                health::first_degraded_warning(open.pool.server(*i).slot);
            }
        }
        if fresh || first {
            if reasons.is_empty() {
                reasons.push("not enough servers are up".into());
            }
            warnings.push(format!(
                "session '{}' stored on {} of {} servers (memcache.session_redundancy = {}): {}",
                sid_text(sid),
                stored,
                r,
                open.settings.session_redundancy,
                reasons.join("; ")
            ));
        }
    }
    Outcome::ok((), warnings)
}

/// PS_DESTROY: deletes the data and lock records from every server of the
/// session.
pub fn destroy(sid: &[u8]) -> Outcome<()> {
    with_open("destroy", |open| {
        let key = session_key(&open.prefix, sid);
        let seq = open.pool.session_sequence(&key);
        let mut servers = live_servers(open, &seq);
        take_lock_on(open, &key, &mut servers);
        open.unverified = None;
        open.existing = None;
        let lkey = lock::lock_key(&key);
        let res = replicate::run(&open.pool, open.settings.protocol.into(), &servers, |b| {
            b.delete(&key).map(|_| ())?;
            b.delete(&lkey).map(|_| ())
        });
        if res.ok.is_empty() {
            return Outcome::fail(vec![format!(
                "failed to destroy session '{}': {}",
                sid_text(sid),
                if res.failed.is_empty() { "no server of the session is up".to_string() } else { describe(&res.failed) }
            )]);
        }
        let mut warnings = Vec::new();
        if !res.failed.is_empty() {
            warnings.push(format!(
                "session '{}' destroyed on {} of {} servers: {}",
                sid_text(sid),
                res.ok.len(),
                servers.len(),
                describe(&res.failed)
            ));
        }
        Outcome::ok((), warnings)
    })
}

/// Whether a session with this id exists on any of its servers; None when no
/// server could be asked.
fn exists(open: &Open, sid: &[u8]) -> Option<bool> {
    let key = session_key(&open.prefix, sid);
    let seq = open.pool.session_sequence(&key);
    let servers = live_servers(open, &seq);
    let res = replicate::run(&open.pool, open.settings.protocol.into(), &servers, |b| b.get(&key).map(|_| ()));
    if res.ok.is_empty() {
        return None;
    }
    Some(res.ok.iter().any(|(_, rep)| found(rep).is_some()))
}

/// PS_CREATE_SID: a new id from PHP's generator that no session uses yet.
pub fn create_sid(mut generate: impl FnMut() -> Option<Vec<u8>>) -> Outcome<Vec<u8>> {
    with_open("create_sid", |open| {
        for _ in 0..3 {
            let Some(id) = generate() else {
                return Outcome::fail(vec!["PHP could not generate a session id".into()]);
            };
            match exists(open, &id) {
                Some(true) => continue,
                // Unknown (no server up): the read will report the outage.
                Some(false) | None => return Outcome::ok(id, Vec::new()),
            }
        }
        Outcome::fail(vec![
            "could not create a session id that is not in use after 3 tries".into(),
        ])
    })
}

/// PS_VALIDATE_SID (session.use_strict_mode): an id is valid when a session
/// with it exists.
pub fn validate_sid(sid: &[u8]) -> Outcome<()> {
    with_open("validate_sid", |open| match exists(open, sid) {
        Some(true) => Outcome::ok((), Vec::new()),
        _ => Outcome::fail(Vec::new()),
    })
}

/// At request end, after every module's shutdown: releases a lock left held
/// (fatal error, exit, uncaught exception) and closes non-persistent
/// connections. Returns warnings only for logging; the request is over.
pub fn request_end() -> Vec<String> {
    let mut warnings = Vec::new();
    release_held(&mut warnings);
    OPEN.with(|o| *o.borrow_mut() = None);
    health::close_non_persistent();
    warnings
}
