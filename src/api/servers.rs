//! Server management: connect/pconnect/addServer (both argument orders),
//! setServerParams, setFailureCallback, getServerStatus, findServer, close,
//! setCompressThreshold, setSaslAuthData — with pecl memcache's checks,
//! messages and return values.

use std::time::Duration;

use ext_php_rs::types::Zval;

use super::exec;
use super::object::{make_spec, Handle, PrivateSlot, ServerEntry};
use super::ops::{prepare, wire_key, Args};
use super::report::Out;
use super::values::{bytes_zval, zval_bool, zval_bytes, zval_double, zval_long};
use crate::config::current;
use crate::pool::health;
use crate::wire::Reply;

fn arg<'a>(args: &'a [Option<&mut Zval>], i: usize) -> Option<&'a Zval> {
    args.get(i).and_then(|a| a.as_deref())
}

fn secs(v: f64) -> Duration {
    if v.is_finite() && v > 0.0 {
        Duration::from_secs_f64(v.min(1e9))
    } else {
        Duration::from_secs(1)
    }
}

/// pecl's retry_interval: seconds; negative means never retry a server
/// that failed (for as long as the object's pool lives).
fn retry(v: i64) -> Duration {
    if v < 0 {
        Duration::from_secs(100 * 365 * 86_400)
    } else {
        Duration::from_secs(v as u64)
    }
}

/// Parameters of one added server, whatever the argument order.
pub struct NewServer {
    pub host: String,
    pub port: i64,
    pub udp_port: i64,
    pub persistent: bool,
    pub weight: i64,
    pub timeout: f64,
    pub retry_interval: i64,
    pub status: bool,
    /// Memcache::addServer's failure_callback (the object's, not the server's).
    pub callback: Option<Zval>,
}

impl NewServer {
    fn defaults(host: String) -> NewServer {
        let s = current::snapshot();
        NewServer {
            host,
            port: i64::from(s.default_port),
            udp_port: 0,
            persistent: true,
            weight: 1,
            timeout: 1.0,
            retry_interval: 15,
            status: true,
            callback: None,
        }
    }
}

fn host_arg(args: Args) -> String {
    arg(args, 0).map(|z| String::from_utf8_lossy(&zval_bytes(z)).into_owned()).unwrap_or_default()
}

/// MemcachePool::addServer / connect(host, tcp_port, udp_port, persistent, weight, timeout, retry_interval, status)
pub fn pool_order(args: Args) -> NewServer {
    let mut n = NewServer::defaults(host_arg(args));
    n.port = zval_long(arg(args, 1), n.port);
    n.udp_port = zval_long(arg(args, 2), 0);
    n.persistent = zval_bool(arg(args, 3), true);
    n.weight = zval_long(arg(args, 4), 1);
    n.timeout = zval_double(arg(args, 5), 1.0);
    n.retry_interval = zval_long(arg(args, 6), 15);
    n.status = zval_bool(arg(args, 7), true);
    n
}

/// Memcache::addServer / memcache_add_server(host, port, persistent, weight, timeout, retry_interval, status, failure_callback)
pub fn legacy_order(args: Args) -> NewServer {
    let mut n = NewServer::defaults(host_arg(args));
    n.port = zval_long(arg(args, 1), n.port);
    n.persistent = zval_bool(arg(args, 2), true);
    n.weight = zval_long(arg(args, 3), 1);
    n.timeout = zval_double(arg(args, 4), 1.0);
    n.retry_interval = zval_long(arg(args, 5), 15);
    n.status = zval_bool(arg(args, 6), true);
    n.callback = arg(args, 7).map(|z| z.dereference()).filter(|z| !z.is_null()).map(|z| z.shallow_clone());
    n
}

/// Memcache::connect / pconnect / memcache_connect(host, port, timeout)
pub fn connect_order(args: Args, persistent: bool) -> NewServer {
    let mut n = NewServer::defaults(host_arg(args));
    n.port = zval_long(arg(args, 1), n.port);
    n.timeout = zval_double(arg(args, 2), 1.0);
    n.persistent = persistent;
    n
}

/// pecl's checks of a server to add, before the object gets a pool: false
/// (after the warning) when it is refused.
pub fn check(n: &NewServer, out: &mut Out) -> bool {
    if n.callback.as_ref().is_some_and(|c| !c.is_callable()) {
        out.warn("Invalid failure callback");
        return false;
    }
    if n.weight < 1 {
        out.warn("weight must be a positive integer");
        return false;
    }
    if !n.host.starts_with("unix://") && !(0..=65535).contains(&n.port) {
        out.warn("invalid tcp port number");
        return false;
    }
    if !(0..=65535).contains(&n.udp_port) {
        out.warn("invalid udp port number");
        return false;
    }
    true
}

/// Adds the server (already [`check`]ed); its index, or None (with a
/// warning) when the host is unusable.
pub fn add_server(h: &Handle, mut n: NewServer, out: &mut Out) -> Option<usize> {
    let port = if n.host.starts_with("unix://") { 0 } else { n.port as u16 };
    let mut udp = n.udp_port as u16;
    if udp != 0 && current::snapshot().protocol == crate::wire::Protocol::Binary {
        out.notice("binary protocol isn't support over UDP, defaulting to TCP");
        udp = 0;
    }
    // pecl keeps one server struct per daemon for persistent servers and a
    // struct of the pool's own otherwise (a server added as failed too).
    let shared = n.persistent && n.status;
    match make_spec(&n.host, port, udp, n.persistent, n.weight as u32, secs(n.timeout), retry(n.retry_interval)) {
        Ok((host, port, mut spec)) => {
            // A tls:// server is verified as the memcache.tls_* entries say
            // when it is added (as its other parameters are fixed then).
            let tls = current::snapshot().tls;
            spec.endpoint.set_tls_options(&tls);
            if !tls.verify_peer && matches!(spec.endpoint, crate::wire::Endpoint::Tls { .. }) && crate::wire::tls::first_unverified_use() {
                out.warn(crate::wire::tls::unverified_warning(&host));
            }
            if let Some(cb) = n.callback.take() {
                out.callback = Some(Some(cb));
            }
            let private = (!shared).then(|| PrivateSlot::new(&format!("{host}:{port}")));
            let mut st = h.borrow_mut();
            let sasl = st.sasl.clone();
            st.add(ServerEntry { host, port, spec, enabled: n.status, last_status: 1, sasl, private });
            Some(st.servers.len() - 1)
        }
        Err(e) => {
            out.warn(e);
            None
        }
    }
}

/// connect(): add the server, then open a connection to it (pecl connects
/// at once). Warns "Can't connect to host:port, error (errno)" when it
/// cannot, after the failure's notice or callback.
pub fn connect(h: &Handle, n: NewServer, ret: &mut Zval, out: &mut Out) -> bool {
    ret.set_bool(false);
    let name = format!("{}:{}", n.host, if n.host.starts_with("unix://") { 0 } else { n.port });
    let Some(i) = add_server(h, n, out) else { return false };
    let Some((_, snap)) = prepare(h) else { return false };
    let server = snap.pool.server(i);
    let mut b = snap.batch(i);
    let _ = b.version();
    // An explicit connect probes the server even when an earlier failure
    // marked it down.
    let result = crate::wire::Conn::connect(&server.endpoint, server.spec.timeout).and_then(|mut c| {
        let r = crate::wire::execute(&mut c, &b);
        if r.is_ok() {
            health::put_conn(server.slot, Box::new(c), server.spec.persistent);
        }
        r
    });
    match result {
        Ok(r) if matches!(r.first(), Some(Reply::Version(_))) => {
            health::clear_down(server.slot);
            ret.set_bool(true);
            true
        }
        Ok(_) => {
            out.warn(format!("Can't connect to {name}, Malformed server response (0)"));
            false
        }
        Err(error) => {
            let (m, errnum) = exec::pecl_wording(&error);
            health::mark_failed(server.slot, server.spec.retry_interval, &error.to_string());
            out.failures.push(exec::ServerFailure { server: i, message: m.clone(), errnum });
            out.warn(format!("Can't connect to {name}, {m} ({errnum})"));
            false
        }
    }
}

/// setServerParams(host, tcp_port, timeout, retry_interval, status, failure_callback)
pub fn set_server_params(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let host = host_arg(args);
    let port = zval_long(arg(args, 1), i64::from(current::snapshot().default_port));
    let port = if host.starts_with("unix://") { 0 } else { port };
    let found = u16::try_from(port).ok().and_then(|p| h.borrow().find(&host, p));
    let Some(i) = found else {
        out.warn("Server not found in pool");
        return;
    };
    let callback = arg(args, 5).map(|z| z.dereference());
    if let Some(cb) = callback {
        if !cb.is_null() && !cb.is_callable() {
            out.warn("Invalid failure callback");
            return;
        }
    }
    let status = zval_bool(arg(args, 4), true);
    {
        let mut st = h.borrow_mut();
        let e = &mut st.servers[i];
        // pecl resets timeout and retry_interval to their defaults when
        // they are not given.
        e.spec.timeout = secs(zval_double(arg(args, 2), 1.0));
        e.spec.retry_interval = retry(zval_long(arg(args, 3), 15));
        e.enabled = status;
        st.invalidate();
    }
    if status {
        // A failed server is tried again at once (pecl: FAILED -> DISCONNECTED).
        let s = current::snapshot();
        if let Some(snap) = h.borrow_mut().snapshot(&s) {
            health::clear_down(snap.pool.server(i).slot);
        }
    }
    if let Some(cb) = callback {
        out.callback = Some((!cb.is_null()).then(|| cb.shallow_clone()));
    }
    ret.set_bool(true);
}

/// setFailureCallback(?callable)
pub fn set_failure_callback(_h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    match arg(args, 0).map(|z| z.dereference()) {
        Some(z) if z.is_null() => out.callback = Some(None),
        Some(z) if z.is_callable() => out.callback = Some(Some(z.shallow_clone())),
        _ => {
            out.warn("Invalid failure callback");
            return;
        }
    }
    ret.set_bool(true);
}

/// getServerStatus(host, tcp_port): 0 while the server is failed (or was
/// added with status false), else 1.
pub fn server_status(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let host = host_arg(args);
    let port = zval_long(arg(args, 1), i64::from(current::snapshot().default_port));
    let port = if host.starts_with("unix://") { 0 } else { port };
    let found = u16::try_from(port).ok().and_then(|p| {
        let st = h.borrow();
        st.find(&host, p).map(|i| (st.servers[i].enabled, i))
    });
    let Some((enabled, i)) = found else {
        out.warn("Server not found in pool");
        return;
    };
    let down = {
        let s = current::snapshot();
        h.borrow_mut().snapshot(&s).map(|snap| snap.pool.is_down(i)).unwrap_or(false)
    };
    ret.set_long(i64::from(enabled && !down));
}

/// findServer(key): "host:port" of the server holding key.
pub fn find_server(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let key = arg(args, 0).map(zval_bytes).unwrap_or_default();
    let Some((s, snap)) = prepare(h) else { return };
    let Some(wk) = wire_key(&s, &key) else {
        out.warn("Invalid key");
        return;
    };
    // pecl names the key's server whatever its state.
    let i = snap.pool.ring().server_for(&wk);
    let name = h.borrow().servers.get(i).map(|e| e.name());
    if let Some(n) = name {
        *ret = bytes_zval(n.as_bytes());
    }
}

/// close(): every server leaves the object's pool, as with pecl (a get
/// afterwards answers false until servers are added again); the
/// connections of its non-persistent servers close.
pub fn close(h: &Handle, _args: Args, ret: &mut Zval, _out: &mut Out) {
    h.borrow_mut().clear();
    ret.set_bool(true);
}

/// setCompressThreshold(threshold, min_savings = 0.2)
pub fn set_compress_threshold(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let t = zval_long(arg(args, 0), 0);
    if t < 0 {
        out.warn("threshold must be a positive integer");
        return;
    }
    let m = zval_double(arg(args, 1), crate::codec::DEFAULT_MIN_SAVINGS);
    if !(0.0..=1.0).contains(&m) {
        out.warn("min_savings must be a float in the 0..1 range");
        return;
    }
    h.borrow_mut().threshold = Some((t.min(i64::from(u32::MAX)) as u32, m));
    ret.set_bool(true);
}

/// setSaslAuthData(username, password): like pecl, the credentials go to
/// the servers added afterwards, which authenticate (SASL PLAIN) on every
/// new connection when memcache.protocol is binary; ASCII ignores them.
/// An empty username or password is refused (false).
pub fn set_sasl(h: &Handle, args: Args, ret: &mut Zval, _out: &mut Out) {
    let user = arg(args, 0).map(super::values::zval_bytes).unwrap_or_default();
    let pass = arg(args, 1).map(super::values::zval_bytes).unwrap_or_default();
    if user.is_empty() || pass.is_empty() {
        ret.set_bool(false);
        return;
    }
    h.borrow_mut().sasl = Some(crate::wire::Credentials::new(&user, &pass));
    ret.set_bool(true);
}
