//! The Memcache API operations, pecl memcache's semantics. Each takes the
//! object's handle and its arguments (after `$memcache` for the procedural
//! functions), writes the return value and collects messages in [`Out`].
//! No borrow of the object's state is held across I/O or PHP calls.

use ext_php_rs::types::Zval;

use crate::codec;
use super::exec::{self, Failures};
use super::object::{Handle, Snapshot};
use super::report::{bool_zval, long_zval, Out};
use super::values::{self, array_zval, bytes_zval, entries, new_array, zval_bytes, zval_long};
use crate::config::current;
use crate::config::ini::{session_key, Settings};
use crate::pool::fanout::Fanout;
use crate::wire::{Batch, Reply};

pub type Args<'a, 'b> = &'a mut [Option<&'b mut Zval>];

fn arg<'a>(args: &'a [Option<&mut Zval>], i: usize) -> Option<&'a Zval> {
    args.get(i).and_then(|a| a.as_deref())
}

/// Settings and a snapshot of the object; None when it has no server (pecl
/// then answers false without a warning: the object's pool exists, its
/// servers were closed or never added successfully).
pub fn prepare(h: &Handle) -> Option<(Settings, Snapshot)> {
    let s = current::snapshot();
    let snap = h.borrow_mut().snapshot(&s)?;
    Some((s, snap))
}

/// The memcached key for a user key: memcache.prefix_* + key, bytes <= 0x20
/// mapped to `_`, cut at 250 bytes. None for an empty key.
pub fn wire_key(s: &Settings, user: &[u8]) -> Option<Vec<u8>> {
    if user.is_empty() {
        return None;
    }
    let server_name = if s.prefix_host_key { super::engine::engine().server_name() } else { None };
    let prefix = s.api_key_prefix(server_name.as_deref());
    Some(session_key(prefix.as_bytes(), user))
}

/// The keys of a `key|array` argument, as the caller wrote them.
fn user_keys(key_z: &Zval) -> Vec<Vec<u8>> {
    match key_z.array() {
        Some(ht) => entries(ht).into_iter().map(|(_, v)| zval_bytes(v)).collect(),
        None => vec![zval_bytes(key_z)],
    }
}

/// Those keys as stored. An invalid (empty) key is left out after pecl's
/// "Invalid key" warning; the others still go to the servers.
fn wire_keys(s: &Settings, user_keys: &[Vec<u8>], out: &mut Out) -> Vec<Vec<u8>> {
    let mut keys = Vec::with_capacity(user_keys.len());
    for k in user_keys {
        match wire_key(s, k) {
            Some(wk) => keys.push(wk),
            None => out.warn("Invalid key"),
        }
    }
    keys
}

/// The user's expiration as memcached's 32-bit exptime, truncated to 32
/// bits as pecl passes it (not the session rule, `session::session_exptime`).
fn user_exptime(n: i64) -> u32 {
    n as u32
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StoreVerb {
    Set,
    Add,
    Replace,
    Cas,
    Append,
    Prepend,
}

/// set/add/replace/cas/append/prepend(key|array, value, flags, exptime, cas)
pub fn store(h: &Handle, verb: StoreVerb, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let Some((s, snap)) = prepare(h) else { return };
    let flags = zval_long(arg(args, 2), 0);
    let exp = user_exptime(zval_long(arg(args, 3), 0));
    let cas = zval_long(arg(args, 4), 0) as u64;
    let Some(key_z) = arg(args, 0) else { return };
    let key_z = key_z.dereference();
    // (user key, value) pairs
    let items: Vec<(Vec<u8>, &Zval)> = match (key_z.array(), arg(args, 1)) {
        (Some(ht), _) => entries(ht),
        (None, Some(v)) => vec![(zval_bytes(key_z), v)],
        (None, None) => {
            // pecl: a single key needs a value ("Wrong parameter count").
            out.wrong_params = true;
            return;
        }
    };
    let single = key_z.array().is_none();
    let mut keys = Vec::with_capacity(items.len());
    let mut data = Vec::with_capacity(items.len());
    // As pecl, a bad key or value is reported and skipped; the rest are
    // stored (a single key fails at once).
    for (k, v) in &items {
        let Some(wk) = wire_key(&s, k) else {
            out.warn("Invalid key");
            if single {
                return;
            }
            continue;
        };
        if !codec::user_flags_ok(flags) {
            out.warn("The lowest two bytes of the flags array is reserved for pecl/memcache internal use");
            if single {
                return;
            }
            continue;
        }
        match values::encode(v, flags as u32, snap.threshold, snap.min_savings) {
            Ok(d) => data.push(d),
            Err(values::EncodeError::Bailout) => {
                out.bailout = true;
                return;
            }
            Err(values::EncodeError::Serialize) => {
                out.warn("Failed to serialize value");
                if single {
                    return;
                }
                continue;
            }
        }
        keys.push(wk);
    }
    if keys.is_empty() {
        return;
    }
    let key_refs: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    let add = |i: usize, b: &mut Batch| -> Result<(), crate::wire::WireError> {
        let (bytes, fl) = &data[i];
        let k = key_refs[i];
        match verb {
            StoreVerb::Set => b.set(k, *fl, exp, bytes),
            StoreVerb::Add => b.add(k, *fl, exp, bytes),
            StoreVerb::Replace => b.replace(k, *fl, exp, bytes),
            StoreVerb::Cas => b.cas(k, *fl, exp, bytes, cas),
            StoreVerb::Append => b.append(k, *fl, exp, bytes),
            StoreVerb::Prepend => b.prepend(k, *fl, exp, bytes),
        }
        .map(|_| ())
    };
    let replies = exec::run_keyed(&snap, &s, &key_refs, &add, &mut out.failures);
    mirror(&snap, &s, &key_refs, &add, &mut out.failures);
    let ok = replies.iter().all(|r| matches!(r, Some((Reply::Stored, _))));
    note_errors(&snap, &replies, out);
    ret.set_bool(ok);
}

/// memcache.redundancy > 1: the same commands on the next servers of each
/// key's sequence (pecl's mirrors); their results do not change the
/// return value.
fn mirror(
    snap: &Snapshot,
    s: &Settings,
    keys: &[&[u8]],
    add: &dyn Fn(usize, &mut Batch) -> Result<(), crate::wire::WireError>,
    failures: &mut Failures,
) {
    if s.redundancy <= 1 || snap.servers.len() < 2 {
        return;
    }
    let ring = snap.pool.ring();
    let mut fan: Fanout<Batch, ()> = Fanout::new();
    for (i, k) in keys.iter().enumerate() {
        let seq = ring.api_sequence(k, s.max_failover_attempts.max(1) as usize, s.redundancy as usize);
        for &srv in seq.iter().skip(1) {
            if !snap.servers[srv].enabled || snap.pool.is_down(srv) {
                continue;
            }
            let _ = add(i, &mut fan.group(srv, || snap.batch(srv)).batch);
        }
    }
    for (g, r) in fan.without_empty().run(&snap.pool) {
        if let Err(crate::pool::Failure::Failed { error, .. }) = r {
            let (message, errnum) = exec::pecl_wording(&error);
            failures.push(exec::ServerFailure { server: g.server, message, errnum });
        }
    }
}

/// pecl reports an error reply as a server failure notice
/// ("... failed with: CLIENT_ERROR cannot increment ... (6)").
fn note_errors(snap: &Snapshot, replies: &[Option<(Reply, usize)>], out: &mut Out) {
    for (r, srv) in replies.iter().flatten() {
        if let Reply::Error(kind, m) = r {
            let crate::api::object::ServerView { host, port, udp_port: udp, .. } = &snap.servers[*srv];
            let word = match kind {
                crate::wire::ErrorKind::Error => "ERROR",
                crate::wire::ErrorKind::ClientError => "CLIENT_ERROR",
                crate::wire::ErrorKind::ServerError => "SERVER_ERROR",
            };
            let text = if m.is_empty() { word.to_string() } else { format!("{word} {m}") };
            out.notice(format!("Server {host} (tcp {port}, udp {udp}) failed with: {text} (6)"));
        }
    }
}

/// get(key|array, &flags, &cas)
pub fn get(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let with_cas = args.len() >= 3;
    let Some(key_z) = arg(args, 0) else { return };
    let key_z = key_z.dereference();
    let multi = key_z.array().is_some();
    let user_keys = user_keys(key_z);
    let Some((s, snap)) = prepare(h) else { return };
    let keys = wire_keys(&s, &user_keys, out);
    if !multi && keys.is_empty() {
        return;
    }
    if keys.is_empty() {
        *ret = array_zval(new_array());
        return;
    }
    let key_refs: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    let (mut found, _) = exec::run_get(&snap, &s, &key_refs, with_cas, &mut out.failures);
    // A destroyed session's tombstone (see session::copies) is no value: a
    // get answers as for a deleted key, as after pecl memcache's destroy.
    found.retain(|_, item| item.flags & crate::codec::FLAG_TOMBSTONE == 0);
    // pecl answers a multi-get server by server, each server's keys in
    // request order, the servers in the order their replies arrive (not
    // deterministic). Ours: the same grouping, servers in the order their
    // first key appears in the request.
    let order: Vec<usize> = if multi && snap.pool.len() > 1 {
        let servers: Vec<usize> = keys.iter().map(|k| snap.pool.ring().server_for(k)).collect();
        let mut first_seen: Vec<usize> = Vec::new();
        for &srv in &servers {
            if !first_seen.contains(&srv) {
                first_seen.push(srv);
            }
        }
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        idx.sort_by_key(|&i| (first_seen.iter().position(|&s| s == servers[i]), i));
        idx
    } else {
        (0..keys.len()).collect()
    };
    drop(snap);
    if !multi {
        let Some(item) = found.remove(&keys[0]) else { return };
        let (flags, cas) = (item.flags, item.cas.unwrap_or(0));
        match values::decode(item.data, flags) {
            Ok(v) => {
                // pecl returns false for a stored null.
                *ret = if v.is_null() { bool_zval(false) } else { v };
                set_ref(args, 1, long_zval(i64::from(flags)));
                if with_cas {
                    set_ref(args, 2, long_zval(cas as i64));
                }
            }
            Err(values::DecodeError::Bailout) => out.bailout = true,
            Err(e) if e.message().is_empty() => {}
            Err(e) => out.notice(e.message()),
        }
        return;
    }
    let mut result = new_array();
    let mut flags_arr = new_array();
    let mut cas_arr = new_array();
    let mut any = false;
    // pecl keys the results by the key as stored (prefix included, bytes
    // <= 0x20 mapped to '_'), not as the caller wrote it.
    for wire in order.iter().map(|&i| &keys[i]) {
        let Some(item) = found.remove(wire) else { continue };
        let (flags, cas) = (item.flags, item.cas.unwrap_or(0));
        match values::decode(item.data, flags) {
            Ok(v) => {
                values::insert(&mut result, wire, v);
                values::insert(&mut flags_arr, wire, long_zval(i64::from(flags)));
                values::insert(&mut cas_arr, wire, long_zval(cas as i64));
                any = true;
            }
            Err(values::DecodeError::Bailout) => {
                out.bailout = true;
                return;
            }
            Err(e) if e.message().is_empty() => {}
            Err(e) => out.notice(e.message()),
        }
    }
    *ret = array_zval(result);
    if args.len() >= 2 && any {
        set_ref(args, 1, array_zval(flags_arr));
    }
    if with_cas && any {
        set_ref(args, 2, array_zval(cas_arr));
    }
}

/// Assigns to a by-reference argument.
fn set_ref(args: Args, i: usize, v: Zval) {
    if let Some(Some(z)) = args.get_mut(i) {
        let target = z.dereference_mut();
        *target = v;
    }
}

/// delete(key|array, exptime)
pub fn delete(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let Some(key_z) = arg(args, 0) else { return };
    let key_z = key_z.dereference();
    let user_keys = user_keys(key_z);
    let Some((s, snap)) = prepare(h) else { return };
    let keys = wire_keys(&s, &user_keys, out);
    let key_refs: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    let add = |i: usize, b: &mut Batch| b.delete(key_refs[i]).map(|_| ());
    let replies = exec::run_keyed(&snap, &s, &key_refs, &add, &mut out.failures);
    mirror(&snap, &s, &key_refs, &add, &mut out.failures);
    ret.set_bool(!replies.is_empty() && replies.iter().all(|r| matches!(r, Some((Reply::Deleted, _)))));
}

/// increment/decrement(key|array, value = 1, defval, exptime)
pub fn arith(h: &Handle, incr: bool, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let delta = zval_long(arg(args, 1), 1);
    let Some(key_z) = arg(args, 0) else { return };
    let key_z = key_z.dereference();
    let multi = key_z.array().is_some();
    let user_keys = user_keys(key_z);
    let Some((s, snap)) = prepare(h) else { return };
    let keys = wire_keys(&s, &user_keys, out);
    if keys.is_empty() {
        if multi {
            *ret = array_zval(new_array());
        }
        return;
    }
    // A negative delta runs the opposite command (memcached takes unsigned deltas).
    let (up, d) = if delta < 0 { (!incr, delta.unsigned_abs()) } else { (incr, delta as u64) };
    let key_refs: Vec<&[u8]> = keys.iter().map(|k| k.as_slice()).collect();
    let add = |i: usize, b: &mut Batch| {
        if up { b.incr(key_refs[i], d) } else { b.decr(key_refs[i], d) }.map(|_| ())
    };
    let replies = exec::run_keyed(&snap, &s, &key_refs, &add, &mut out.failures);
    mirror(&snap, &s, &key_refs, &add, &mut out.failures);
    note_errors(&snap, &replies, out);
    let val = |r: &Option<(Reply, usize)>| match r {
        Some((Reply::Number(n), _)) => long_zval(*n as i64),
        _ => bool_zval(false),
    };
    if multi {
        let mut arr = new_array();
        // keyed by the key as stored, as pecl memcache keys them (pecl also
        // appends a NUL byte to the keys that were not found: not copied)
        for (wire, r) in keys.iter().zip(&replies) {
            values::insert(&mut arr, wire, val(r));
        }
        *ret = array_zval(arr);
    } else if let Some(r) = replies.first() {
        *ret = val(r);
    }
}

/// flush(delay)
pub fn flush(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let delay = zval_long(arg(args, 0), 0).max(0) as u32;
    // pecl: flushing an object without servers (all closed) succeeds.
    let Some((_, snap)) = prepare(h) else {
        ret.set_bool(true);
        return;
    };
    let r = exec::run_all(&snap, &|b| b.flush_all(delay).map(|_| ()), &mut out.failures);
    ret.set_bool(r.iter().all(|x| matches!(x.as_deref(), Some([Reply::Ok]))));
}

/// getVersion(): the version of the first server that answers.
pub fn version(h: &Handle, _args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let Some((_, snap)) = prepare(h) else { return };
    let r = exec::run_all(&snap, &|b| b.version().map(|_| ()), &mut out.failures);
    for x in r.into_iter().flatten() {
        if let Some(Reply::Version(v)) = x.into_iter().next() {
            *ret = bytes_zval(v.as_bytes());
            return;
        }
    }
}

/// The `stats` argument for getStats(type, slabid, limit), or None for an
/// invalid type.
fn stats_arg(args: Args) -> Result<Option<String>, ()> {
    let Some(t) = arg(args, 0).filter(|z| !z.dereference().is_null()) else { return Ok(None) };
    let t = String::from_utf8_lossy(&zval_bytes(t)).into_owned();
    let slab = zval_long(arg(args, 1), 0);
    let limit = zval_long(arg(args, 2), 100);
    match t.as_str() {
        "reset" | "malloc" | "maps" | "slabs" | "items" | "sizes" | "settings" | "conns" => Ok(Some(t)),
        "cachedump" => Ok(Some(format!("cachedump {slab} {limit}"))),
        "detail" => Ok(Some("detail dump".into())),
        _ => Err(()),
    }
}

fn stats_zval(lines: Vec<(String, String)>) -> Zval {
    let mut top = new_array();
    // Nested keys ("items:1:number", "1:chunk_size") become nested arrays,
    // as pecl builds them.
    let mut nested: Vec<(Vec<String>, String)> = Vec::new();
    for (name, value) in lines {
        let parts: Vec<String> = name.split(':').map(|p| p.to_string()).collect();
        nested.push((parts, value));
    }
    fn put(ht: &mut ext_php_rs::types::ZendHashTable, path: &[String], value: &str) {
        if path.len() == 1 {
            values::insert(ht, path[0].as_bytes(), bytes_zval(value.as_bytes()));
            return;
        }
        let key = path[0].as_bytes();
        let existing = match values::canonical_key(key) {
            Ok(n) => ht.get_index_mut(n),
            Err(k) => ht.get_mut(k),
        };
        if let Some(z) = existing {
            if let Some(inner) = z.array_mut() {
                put(inner, &path[1..], value);
                return;
            }
        }
        let mut inner = new_array();
        put(&mut inner, &path[1..], value);
        values::insert(ht, key, array_zval(inner));
    }
    for (path, value) in &nested {
        put(&mut top, path, value);
    }
    array_zval(top)
}

fn cachedump_zval(lines: Vec<(String, String)>) -> Zval {
    // "ITEM key [5 b; 1700000000 s]" -> key => ["5", "1700000000"] (strings,
    // as pecl gives them)
    let mut top = new_array();
    for (key, info) in lines {
        let mut arr = new_array();
        for part in info.trim_matches(|c| c == '[' || c == ']').split(';') {
            if let Some(n) = part.split_whitespace().next() {
                let _ = arr.push(bytes_zval(n.as_bytes()));
            }
        }
        values::insert(&mut top, key.as_bytes(), array_zval(arr));
    }
    array_zval(top)
}

fn stats_reply(arg: &Option<String>, reply: Reply) -> Zval {
    match reply {
        Reply::Stats(lines) => {
            if lines.is_empty() {
                // pecl builds its array from the first line: none, false
                bool_zval(false)
            } else if arg.as_deref().is_some_and(|a| a.starts_with("cachedump")) {
                cachedump_zval(lines)
            } else {
                stats_zval(lines)
            }
        }
        Reply::Ok => bool_zval(true),
        _ => bool_zval(false),
    }
}

/// getStats(type, slabid, limit): the stats of the first server that answers.
pub fn stats(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let Some((s, snap)) = prepare(h) else { return };
    let Ok(sarg) = stats_arg(args) else {
        out.warn("Invalid stats type");
        return;
    };
    if Batch::new().stats(sarg.as_deref()).is_err() {
        out.warn("Invalid stats type");
        return;
    }
    let binary = s.protocol == crate::wire::Protocol::Binary;
    // The first server, in the order added, that answers.
    for i in 0..snap.servers.len() {
        if !snap.servers[i].enabled {
            continue;
        }
        let mut b = snap.batch(i);
        let _ = if binary { b.version() } else { b.stats(sarg.as_deref()) };
        match snap.pool.execute(i, &b) {
            Ok(replies) => {
                // pecl's binary protocol has no stats: it sends a no-op and
                // answers false (so does this, after a round trip).
                if !binary {
                    if let Some(reply) = replies.into_iter().next() {
                        *ret = stats_reply(&sarg, reply);
                    }
                    return;
                }
            }
            Err(crate::pool::Failure::Failed { error, .. }) => {
                let (message, errnum) = exec::pecl_wording(&error);
                out.failures.push(exec::ServerFailure { server: i, message, errnum });
            }
            Err(_) => {}
        }
    }
}

/// getExtendedStats(type, slabid, limit): "host:port" => stats or false.
pub fn extended_stats(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let Some((s, snap)) = prepare(h) else { return };
    let Ok(sarg) = stats_arg(args) else {
        out.warn("Invalid stats type");
        return;
    };
    let binary = s.protocol == crate::wire::Protocol::Binary;
    let names: Vec<String> = h.borrow().servers.iter().map(|e| e.name()).collect();
    let a = sarg.clone();
    let make = move |b: &mut Batch| if binary { b.version() } else { b.stats(a.as_deref()) }.map(|_| ());
    let r = exec::run_all(&snap, &make, &mut out.failures);
    let mut top = new_array();
    for (name, x) in names.iter().zip(r) {
        let v = match x.and_then(|v| v.into_iter().next()) {
            Some(reply) if !binary => stats_reply(&sarg, reply),
            // pecl's binary protocol has no stats (see stats()).
            _ => bool_zval(false),
        };
        let _ = top.insert(name.as_str(), v);
    }
    *ret = array_zval(top);
}
