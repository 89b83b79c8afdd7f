//! Server management: connect/pconnect/addServer (both argument orders),
//! setServerParams, setFailureCallback, getServerStatus, findServer, close,
//! setCompressThreshold.

use std::time::Duration;

use ext_php_rs::types::Zval;

use super::exec;
use super::object::{make_spec, Handle, ServerEntry};
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

/// MemcachePool::addServer(host, tcp_port, udp_port, persistent, weight, timeout, retry_interval, status)
pub fn pool_order(args: Args) -> NewServer {
    let mut n = NewServer::defaults(arg(args, 0).map(|z| String::from_utf8_lossy(&zval_bytes(z)).into_owned()).unwrap_or_default());
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
    let mut n = NewServer::defaults(arg(args, 0).map(|z| String::from_utf8_lossy(&zval_bytes(z)).into_owned()).unwrap_or_default());
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
    let mut n = NewServer::defaults(arg(args, 0).map(|z| String::from_utf8_lossy(&zval_bytes(z)).into_owned()).unwrap_or_default());
    n.port = zval_long(arg(args, 1), n.port);
    n.timeout = zval_double(arg(args, 2), 1.0);
    n.persistent = persistent;
    n
}

/// Adds the server; false (with a warning) when its parameters are invalid.
pub fn add_server(h: &Handle, n: NewServer, out: &mut Out) -> Option<usize> {
    if n.weight < 1 {
        out.warn("weight must be a positive integer");
        return None;
    }
    if n.callback.as_ref().is_some_and(|c| !c.is_callable()) {
        out.warn("Invalid failure callback");
        return None;
    }
    let port = if n.host.starts_with("unix://") { 0 } else { n.port };
    let Ok(port) = u16::try_from(port) else {
        out.warn("Invalid tcp port number");
        return None;
    };
    let udp = u16::try_from(n.udp_port).unwrap_or(0);
    let retry = Duration::from_secs(n.retry_interval.max(0) as u64);
    match make_spec(&n.host, port, udp, n.persistent, n.weight as u32, secs(n.timeout), retry) {
        Ok((host, port, spec)) => {
            let mut st = h.borrow_mut();
            let sasl = st.sasl.clone();
            st.add(ServerEntry { host, port, spec, enabled: n.status, callback: n.callback, last_status: 1, sasl });
            Some(st.servers.len() - 1)
        }
        Err(e) => {
            out.warn(e);
            None
        }
    }
}

/// connect(): add the server, then check that it answers (pecl connects
/// at once). Warns "Can't connect to host:port, reason" when it does not.
pub fn connect(h: &Handle, n: NewServer, ret: &mut Zval, out: &mut Out) -> bool {
    ret.set_bool(false);
    let name = format!("{}:{}", n.host, n.port);
    let Some(i) = add_server(h, n, out) else { return false };
    let Some((_, snap)) = prepare(h, out) else { return false };
    let server = snap.pool.server(i);
    let mut b = snap.batch(i);
    let _ = b.version();
    // An explicit connect probes the server even when an earlier failure
    // marked it down.
    let result = crate::wire::Conn::connect(&server.endpoint, server.spec.timeout).and_then(|mut c| {
        let r = c.execute(&b);
        if r.is_ok() {
            health::put_conn(&server.id, c, server.spec.persistent);
        }
        r
    });
    match result {
        Ok(r) if matches!(r.first(), Some(Reply::Version(_))) => {
            ret.set_bool(true);
            true
        }
        Ok(_) => {
            out.warn(format!("Can't connect to {name}, unexpected reply"));
            false
        }
        Err(error) => {
            let (m, errnum) = exec::describe(&error);
            health::mark_failed(&server.id, server.spec.retry_interval, &error.to_string());
            out.failures.push(exec::ServerFailure { server: i, message: m.clone(), errnum });
            out.msgs.push((super::report::Level::Warning, format!("Can't connect to {name}, {m}")));
            false
        }
    }
}

/// setServerParams(host, tcp_port, timeout, retry_interval, status, failure_callback)
pub fn set_server_params(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let host = arg(args, 0).map(|z| String::from_utf8_lossy(&zval_bytes(z)).into_owned()).unwrap_or_default();
    let port = zval_long(arg(args, 1), i64::from(current::snapshot().default_port));
    let port = if host.starts_with("unix://") { 0 } else { port };
    let callback = arg(args, 5).map(|z| z.dereference());
    if let Some(cb) = callback {
        if !cb.is_null() && !cb.is_callable() {
            out.warn("Invalid failure callback");
            return;
        }
    }
    let mut st = h.borrow_mut();
    let Some(i) = st.find(&host, port as u16) else {
        drop(st);
        out.warn("Server not found in pool");
        return;
    };
    let e = &mut st.servers[i];
    if let Some(t) = arg(args, 2) {
        e.spec.timeout = secs(zval_double(Some(t), 1.0));
    }
    if let Some(r) = arg(args, 3) {
        e.spec.retry_interval = Duration::from_secs(zval_long(Some(r), 15).max(0) as u64);
    }
    if let Some(s) = arg(args, 4) {
        e.enabled = zval_bool(Some(s), true);
    }
    if let Some(cb) = callback {
        e.callback = if cb.is_null() { None } else { Some(cb.shallow_clone()) };
    }
    st.invalidate();
    ret.set_bool(true);
}

/// setFailureCallback(?callable)
pub fn set_failure_callback(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let cb = arg(args, 0).map(|z| z.dereference());
    match cb {
        Some(z) if z.is_null() => h.borrow_mut().callback = None,
        Some(z) if z.is_callable() => h.borrow_mut().callback = Some(z.shallow_clone()),
        _ => {
            out.warn("Invalid failure callback");
            return;
        }
    }
    ret.set_bool(true);
}

/// getServerStatus(host, tcp_port): 0 failed, else pecl's status code.
pub fn server_status(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let host = arg(args, 0).map(|z| String::from_utf8_lossy(&zval_bytes(z)).into_owned()).unwrap_or_default();
    let port = zval_long(arg(args, 1), i64::from(current::snapshot().default_port));
    let port = if host.starts_with("unix://") { 0 } else { port };
    let found = {
        let st = h.borrow();
        st.find(&host, port as u16).map(|i| {
            let e = &st.servers[i];
            (e.enabled, e.last_status, i)
        })
    };
    let Some((enabled, last, i)) = found else {
        out.warn("Server not found in pool");
        return;
    };
    let down = {
        let s = current::snapshot();
        h.borrow_mut().snapshot(&s).map(|snap| snap.pool.is_down(i)).unwrap_or(false)
    };
    ret.set_long(if !enabled || down { 0 } else { last });
}

/// findServer(key): "host:port" of the server holding key.
pub fn find_server(h: &Handle, args: Args, ret: &mut Zval, out: &mut Out) {
    ret.set_bool(false);
    let key = arg(args, 0).map(zval_bytes).unwrap_or_default();
    let Some((s, snap)) = prepare(h, out) else { return };
    let Some(wk) = wire_key(&s, &key) else {
        out.warn("Invalid key");
        return;
    };
    // pecl names the key's server whatever its state.
    if let Some(i) = Some(snap.pool.ring().server_for(&wk)) {
        let name = h.borrow().servers.get(i).map(|e| e.name());
        if let Some(n) = name {
            *ret = bytes_zval(n.as_bytes());
        }
    }
}

/// close(): drops this process's connections to the object's servers.
pub fn close(h: &Handle, _args: Args, ret: &mut Zval, _out: &mut Out) {
    let s = current::snapshot();
    if let Some(snap) = h.borrow_mut().snapshot(&s) {
        for i in 0..snap.pool.len() {
            drop(health::take_conn(&snap.pool.server(i).id));
        }
    }
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
    let m = zval_double(arg(args, 1), super::codec::DEFAULT_MIN_SAVINGS);
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
pub fn set_sasl(h: &Handle, args: Args, ret: &mut Zval, _out: &mut Out) {
    let user = arg(args, 0).map(super::values::zval_bytes).unwrap_or_default();
    let pass = arg(args, 1).map(super::values::zval_bytes).unwrap_or_default();
    h.borrow_mut().sasl = Some(crate::wire::Credentials::new(&user, &pass));
    ret.set_bool(true);
}
