//! The save handler's entry points, one short function each: what PHP's
//! session module calls, in the order it calls them.
//!
//! | PHP calls          | here                | does                                             |
//! |--------------------|---------------------|--------------------------------------------------|
//! | PS_OPEN            | [`open`]            | parse the save path into a pool (cached)         |
//! | PS_VALIDATE_SID    | [`validate_sid`]    | does a (not destroyed) session exist?            |
//! | PS_CREATE_SID      | [`create_sid`]      | a new id no session uses                         |
//! | PS_READ            | [`read`]            | lock every copy and read them: `lock_and_read`   |
//! | PS_WRITE           | [`write()`]         | store every copy, release: [`store`]             |
//! | PS_UPDATE_TIMESTAMP| [`update_timestamp`]| touch every copy, release: [`store`]             |
//! | PS_DESTROY         | [`destroy`]         | tombstone every copy, delete the lock            |
//! | PS_CLOSE           | [`close`]           | release a lock still held (read_and_close, abort)|
//! | (request end)      | [`request_end`]     | the same after a fatal error, `exit`, exception  |
//!
//! The work is done by [`super::lock`] (which server holds the lock, and
//! the wait), [`super::copies`] (which copy is current), [`super::store`]
//! (what each server gets) and [`super::replicate`] (running it).

use std::time::Duration;

use super::copies::{clock_now, is_tombstone, judge};
use super::lock::{self, LockError};
use super::replicate::{self, describe_failures, found};
use super::state::{self, Held, Open};
use super::store::{self, Action, Tally};
use super::{session_exptime, value, Outcome};
use crate::config::current;
use crate::config::ini::{lock_key, session_key, LOCK_SUFFIX};
use crate::wire::MAX_KEY_LEN;
use crate::pool::{health, Failure};

/// Runs `f` on the open save path, or fails with a warning naming `what`.
fn opened<T>(what: &str, f: impl FnOnce(&mut Open) -> Outcome<T>) -> Outcome<T> {
    state::with_open(|o| match o {
        Some(open) => f(open),
        None => Outcome::fail(vec![format!("memcache session handler: {what} called before open")]),
    })
}

fn sid_text(sid: &[u8]) -> String {
    String::from_utf8_lossy(sid).into_owned()
}

/// PS_OPEN: parses the save path (or memcache.session_save_path) into a pool.
pub fn open(save_path: &str, server_name: impl FnOnce() -> Option<String>) -> Outcome<()> {
    let settings = current::snapshot();
    let (path, entry) = match &settings.session_save_path {
        Some(p) if !p.trim().is_empty() => (p.as_str(), "memcache.session_save_path"),
        _ => (save_path, "session.save_path"),
    };
    if path.trim().is_empty() {
        return Outcome::fail(vec![format!(
            "{entry} is empty: set it to the memcached servers, e.g. \"tcp://127.0.0.1:11211\""
        )]);
    }
    let pool = match state::pool_for(path, entry, &settings) {
        Ok(p) => p,
        Err(msg) => return Outcome::fail(vec![msg]),
    };
    let mut notes = Vec::new();
    // Logged, not displayed: output before the headers would cost the cookie.
    if !settings.tls.verify_peer {
        if let Some(s) = (0..pool.len()).map(|i| pool.server(i)).find(|s| matches!(s.endpoint, crate::wire::Endpoint::Tls { .. })) {
            if crate::wire::tls::first_unverified_use() {
                notes.push(crate::wire::tls::unverified_warning(&s.id));
            }
        }
    }
    // $_SERVER['SERVER_NAME'] is only looked up when the host prefix is on.
    let host = if settings.session_prefix_host_key { server_name() } else { None };
    let prefix = settings.session_key_prefix(host.as_deref()).into_bytes();
    // A session still open (open called twice) gives its lock back first.
    end_held(&mut notes);
    state::set_open(Some(Open { pool, dialect: state::dialect_of(&settings), settings, prefix, held: None, last_exp: session_exptime(1440) }));
    Outcome::ok((), Vec::new()).noting(notes)
}

/// PS_CLOSE: releases a lock still held (session_abort, read-only use).
pub fn close() -> Outcome<()> {
    let mut notes = Vec::new();
    end_held(&mut notes);
    state::set_open(None);
    Outcome::ok((), Vec::new()).noting(notes)
}

/// At request end, after every module's shutdown: releases a lock left held
/// (fatal error, exit, uncaught exception) and closes non-persistent
/// connections. Returns notes for the error log; the request is over.
pub fn request_end() -> Vec<String> {
    let mut notes = Vec::new();
    end_held(&mut notes);
    state::set_open(None);
    health::close_non_persistent();
    notes
}

/// PS_READ: takes the session's lock on every server it lives on and reads
/// every copy in the same round trip; serves the newest.
pub fn read(sid: &[u8], maxlifetime: i64) -> Outcome<Vec<u8>> {
    opened("read", |open| {
        let mut notes = Vec::new();
        // A read of another id while a session is held (regenerate without
        // close, which wrote or destroyed the old one): give it back.
        end_held_in(open, &mut notes);
        if sid.is_empty() {
            return Outcome::fail(vec!["cannot read a session with an empty id".into()]);
        }
        let key = match checked_key(open, sid) {
            Ok(k) => k,
            Err(msg) => return Outcome::fail(vec![msg]),
        };
        let exp = session_exptime(maxlifetime);
        open.last_exp = exp;
        let held = match lock_and_read(open, sid, key, exp) {
            Ok(h) => h,
            Err(msg) => return Outcome::fail(vec![msg]),
        };
        let served = served(open, &held, sid);
        open.held = Some(held);
        match served {
            Ok(data) => Outcome::ok(data, Vec::new()).noting(notes),
            Err(msg) => Outcome::fail(vec![msg]).noting(notes),
        }
    })
}

/// PS_WRITE: stores the session on its servers in parallel and releases
/// the lock in the same round trip. Succeeds when at least one copy is
/// stored; warns when fewer than `session_redundancy` copies are.
pub fn write(sid: &[u8], data: &[u8], maxlifetime: i64) -> Outcome<()> {
    opened("write", |open| store(open, sid, data, maxlifetime, false))
}

/// PS_UPDATE_TIMESTAMP (session.lazy_write, unchanged data): touches every
/// current copy and releases the lock in one round trip; a copy behind or
/// found missing is rewritten from the current one.
pub fn update_timestamp(sid: &[u8], data: &[u8], maxlifetime: i64) -> Outcome<()> {
    opened("update_timestamp", |open| store(open, sid, data, maxlifetime, true))
}

/// PS_DESTROY: replaces every copy by a tombstone and deletes the lock
/// records, on every server of the session.
pub fn destroy(sid: &[u8]) -> Outcome<()> {
    opened("destroy", |open| {
        let key = session_key(&open.prefix, sid);
        let held = open.take_held(&key);
        let exp = held.as_ref().map_or(open.last_exp, |h| h.exp);
        let servers = servers_for(open, &key, held.as_ref());
        if servers.is_empty() {
            return Outcome::fail(vec![format!("failed to destroy session '{}': no server of the session is up", sid_text(sid))]);
        }
        let parts = store::plan(Action::Destroy, held.as_ref(), &servers, None, clock_now());
        let tally = store::commit(&open.pool, &open.dialect, &key, &parts, open.settings.lock_timeout, exp);
        if tally.stored.is_empty() {
            return Outcome::fail(vec![format!("failed to destroy session '{}': {}", sid_text(sid), reasons(open, &tally).join("; "))]);
        }
        let mut notes = Vec::new();
        if tally.stored.len() < servers.len() {
            notes.push(format!(
                "session '{}' destroyed on {} of {} servers: {}",
                sid_text(sid),
                tally.stored.len(),
                servers.len(),
                reasons(open, &tally).join("; ")
            ));
        }
        Outcome::ok((), Vec::new()).noting(notes)
    })
}

/// PS_CREATE_SID: a new id from PHP's generator that no session uses yet.
pub fn create_sid(mut generate: impl FnMut() -> Option<Vec<u8>>) -> Outcome<Vec<u8>> {
    opened("create_sid", |open| {
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
        Outcome::fail(vec!["could not create a session id that is not in use after 3 tries".into()])
    })
}

/// PS_VALIDATE_SID (session.use_strict_mode): an id is valid when a session
/// with it exists (and was not destroyed).
pub fn validate_sid(sid: &[u8]) -> Outcome<()> {
    opened("validate_sid", |open| match exists(open, sid) {
        Some(true) => Outcome::ok((), Vec::new()),
        _ => Outcome::fail(Vec::new()),
    })
}

// ---- lock and read ------------------------------------------------------------------------

/// The session key of `sid`, refused (with the reason) when its lock
/// record would not fit memcached's key limit.
fn checked_key(open: &Open, sid: &[u8]) -> Result<Vec<u8>, String> {
    let key = session_key(&open.prefix, sid);
    if key.len() + LOCK_SUFFIX.len() <= MAX_KEY_LEN {
        return Ok(key);
    }
    let culprit = if open.prefix.len() + 6 > MAX_KEY_LEN {
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
    Err(format!("{culprit}, and its lock record '{{key}}.lock' would exceed memcached's {MAX_KEY_LEN}-byte key limit"))
}

/// Takes the lock on the session's servers with the read of every copy
/// (one round trip when uncontended), counting what happened.
fn lock_and_read(open: &Open, sid: &[u8], key: Vec<u8>, exp: u32) -> Result<Held, String> {
    let lock_timeout = open.settings.lock_timeout.max(1);
    let sequence = open.sequence(&key);
    let lkey = lock_key(&key);
    let spec = lock::Spec {
        pool: &open.pool,
        proto: &open.dialect,
        key: &key,
        lock_key: &lkey,
        sequence: &sequence,
        redundancy: open.redundancy(),
        lock_timeout,
        wait_limit: Duration::from_secs(u64::from(lock_timeout)),
    };
    let pool = &open.pool;
    let locked = lock::acquire(&spec, |i| !pool.is_down_for_sessions(i)).map_err(|e| lock_failed(open, sid, e))?;
    for (i, _) in &locked.failures {
        pool.count(*i, |s| s.failovers += 1);
    }
    if let (Some(w), Some(&first)) = (locked.waited, locked.servers.first()) {
        pool.count(first, |s| {
            s.lock_waits += 1;
            s.lock_wait_micros += w.as_micros() as u64;
        });
    }
    for &i in &locked.taken {
        pool.count(i, |s| s.stranded_locks += 1);
    }
    let held = Held::new(key, locked, exp);
    for &i in &held.verdict.superseded {
        if held.copies[i].is_some() {
            pool.count(held.servers[i], |s| s.stale_copies += 1);
        }
    }
    Ok(held)
}

fn lock_failed(open: &Open, sid: &[u8], e: LockError) -> String {
    match e {
        LockError::Timeout { waited, .. } => format!(
            "session '{}' is locked by another request: gave up after waiting {:.1} s (memcache.lock_timeout = {} s); the session was not read and will not be written",
            sid_text(sid),
            waited.as_secs_f64(),
            open.settings.lock_timeout.max(1)
        ),
        LockError::NoServer { failures } => no_server(sid, &failures, open.settings.allow_failover),
        LockError::Refused(f) => format!("cannot read session '{}': {f}", sid_text(sid)),
    }
}

fn no_server(sid: &[u8], failures: &[(usize, Failure)], allow_failover: bool) -> String {
    let tried = if failures.is_empty() {
        "every server of the session is marked down after recent failures".to_string()
    } else {
        describe_failures(failures)
    };
    let hint = if allow_failover { "" } else { " (memcache.allow_failover = 0)" };
    format!("cannot read session '{}': no memcached server answered{hint}: {tried}", sid_text(sid))
}

/// The session string of the current copy (empty for none or a tombstone);
/// an error naming the server when the copy does not decode.
fn served(open: &Open, held: &Held, sid: &[u8]) -> Result<Vec<u8>, String> {
    let Some(item) = held.chosen() else { return Ok(Vec::new()) };
    if is_tombstone(item) {
        return Ok(Vec::new());
    }
    let from = held.servers[held.verdict.chosen.expect("chosen")];
    value::decode(item.data.clone(), item.flags).map_err(|why| {
        format!("cannot read session '{}' from server {}: {why}", sid_text(sid), open.pool.server(from).spec.ring_name)
    })
}

/// Whether a session with this id exists (a tombstone does not count);
/// None when no server could be asked.
fn exists(open: &Open, sid: &[u8]) -> Option<bool> {
    let key = session_key(&open.prefix, sid);
    let servers = open.live_servers(&key);
    let res = replicate::run(&open.pool, &open.dialect, &servers, |b| b.get(&key).map(|_| ()));
    if res.ok.is_empty() {
        return None;
    }
    let copies: Vec<Option<&crate::wire::Item>> = res.ok.iter().map(|(_, rep)| found(rep)).collect();
    let v = judge(&copies);
    Some(v.chosen.and_then(|i| copies[i]).is_some_and(|item| !is_tombstone(item)))
}

// ---- store and release --------------------------------------------------------------------

/// The servers a commit goes to: the held ones still up, then the next
/// usable servers of the sequence for those that are not (no session held:
/// the session's live servers).
fn servers_for(open: &Open, key: &[u8], held: Option<&Held>) -> Vec<usize> {
    let Some(h) = held else { return open.live_servers(key) };
    let mut servers: Vec<usize> = h.servers.iter().copied().filter(|&s| !open.pool.is_down_for_sessions(s)).collect();
    if servers.len() < open.redundancy() {
        for s in open.sequence(key) {
            if servers.len() >= open.redundancy() {
                break;
            }
            if !servers.contains(&s) && !open.pool.is_down_for_sessions(s) {
                servers.push(s);
            }
        }
    }
    servers
}

/// PS_WRITE and PS_UPDATE_TIMESTAMP.
fn store(open: &mut Open, sid: &[u8], data: &[u8], maxlifetime: i64, touch: bool) -> Outcome<()> {
    let key = session_key(&open.prefix, sid);
    let held = open.take_held(&key);
    let exp = session_exptime(maxlifetime);
    open.last_exp = exp;
    let mut servers = servers_for(open, &key, held.as_ref());
    let (bytes, flags) = value::encode(data, open.settings.compress_threshold);
    let action = if touch { Action::Touch(data) } else { Action::Write(data) };
    let clock = clock_now();
    let parts = store::plan(action, held.as_ref(), &servers, Some((&bytes, flags)), clock);
    let mut tally = store::commit(&open.pool, &open.dialect, &key, &parts, open.settings.lock_timeout, exp);
    // A server that failed during the write (it hung since the read): the
    // copy goes to the next usable server of the sequence instead, in one
    // more round trip, so the session keeps its redundancy.
    let missing = open.redundancy().saturating_sub(tally.stored.len());
    if missing > 0 && !tally.failed.is_empty() {
        let extra: Vec<usize> = open
            .sequence(&key)
            .into_iter()
            .filter(|s| !servers.contains(s) && !open.pool.is_down_for_sessions(*s))
            .take(missing)
            .collect();
        if !extra.is_empty() {
            let parts = store::plan(action, held.as_ref(), &extra, Some((&bytes, flags)), clock);
            tally.absorb(store::commit(&open.pool, &open.dialect, &key, &parts, open.settings.lock_timeout, exp));
            servers.extend(extra);
        }
    }
    count_repairs(open, &tally);
    let what = if touch { "update the timestamp of" } else { "write" };
    if tally.stored.is_empty() {
        let mut why = reasons(open, &tally);
        if why.is_empty() {
            why.push("every server of the session is marked down after recent failures".into());
        }
        return Outcome::fail(vec![format!(
            "failed to {what} session '{}' ({} bytes): {}; the data stored before is unchanged",
            sid_text(sid),
            data.len(),
            why.join("; ")
        )]);
    }
    Outcome::ok((), Vec::new()).noting(degraded(open, sid, &key, &tally, &servers))
}

/// The log note for a write that stored fewer copies than
/// `session_redundancy`: always for a fresh failure, once per down period
/// and worker for a server known to be down (a dead daemon must not flood
/// the log).
fn degraded(open: &Open, sid: &[u8], key: &[u8], tally: &Tally, servers: &[usize]) -> Vec<String> {
    let r = open.redundancy();
    if tally.stored.len() >= r {
        return Vec::new();
    }
    let mut why = reasons(open, tally);
    // The session's own servers skipped because they are known to be down.
    let skipped: Vec<usize> =
        open.sequence(key).into_iter().take(r).filter(|i| !servers.contains(i) && open.pool.is_down_for_sessions(*i)).collect();
    for &i in &skipped {
        why.push(format!("server {} is marked down after a recent failure", open.pool.server(i).spec.ring_name));
    }
    let fresh = !tally.failed.is_empty() || !tally.refused.is_empty();
    // Every skipped server is asked (and so marked warned): no short-circuit.
    let mut first = false;
    for &i in &skipped {
        first |= health::first_degraded_warning(open.pool.server(i).slot);
    }
    // A server that failed just now is warned about here: that is this
    // down period's warning, so later writes skipping it stay quiet.
    for (i, f) in &tally.failed {
        if f.is_server_down() {
            health::first_degraded_warning(open.pool.server(*i).slot);
        }
    }
    if !(fresh || first) {
        return Vec::new();
    }
    if why.is_empty() {
        why.push("not enough servers are up".into());
    }
    vec![format!(
        "session '{}' stored on {} of {} servers (memcache.session_redundancy = {}): {}",
        sid_text(sid),
        tally.stored.len(),
        r,
        open.settings.session_redundancy,
        why.join("; ")
    )]
}

/// "server a refused it: ...; server b failed: ..." for warnings.
fn reasons(open: &Open, tally: &Tally) -> Vec<String> {
    let mut why: Vec<String> = tally
        .refused
        .iter()
        .map(|(i, msg)| format!("server {} refused it: {msg}", open.pool.server(*i).spec.ring_name))
        .collect();
    if !tally.failed.is_empty() {
        why.push(describe_failures(&tally.failed));
    }
    why
}

fn count_repairs(open: &Open, tally: &Tally) {
    for &i in &tally.repaired {
        open.pool.count(i, |s| s.read_repairs += 1);
    }
}

/// Ends the held session of the open save path, if any (see [`end_held_in`]).
fn end_held(notes: &mut Vec<String>) {
    state::with_open(|o| {
        if let Some(open) = o {
            end_held_in(open, notes);
        }
    });
}

/// A session held but not written (read_and_close, session_abort, a fatal
/// error, a regenerate that moved on): gives its lock back on every server,
/// repairing copies found behind in the same round trip.
fn end_held_in(open: &mut Open, notes: &mut Vec<String>) {
    let Some(held) = open.held.take() else { return };
    let servers = servers_for(open, &held.key, Some(&held));
    let parts = store::plan(Action::Release, Some(&held), &servers, None, clock_now());
    if parts.is_empty() {
        return;
    }
    let lt = open.settings.lock_timeout;
    let tally = store::commit(&open.pool, &open.dialect, &held.key, &parts, lt, held.exp);
    count_repairs(open, &tally);
    if !tally.unlock_failed.is_empty() {
        notes.push(format!(
            "could not release the lock of session key '{}' on {}; it expires after memcache.lock_timeout = {lt} s",
            String::from_utf8_lossy(&held.key),
            tally.unlock_failed.iter().map(|&i| open.pool.server(i).spec.ring_name.clone()).collect::<Vec<_>>().join(", "),
        ));
    }
    if !tally.failed.is_empty() || !tally.refused.is_empty() {
        notes.push(format!(
            "session key '{}': could not restore its copy on every server ({})",
            String::from_utf8_lossy(&held.key),
            reasons(open, &tally).join("; ")
        ));
    }
}
