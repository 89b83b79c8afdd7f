//! Engine glue: the raw handlers of every method and function, their
//! argument info (pecl memcache's names and order), and the dispatch that
//! parses arguments, finds the object's state, runs the operation inside
//! the panic guard and then delivers its warnings and failure callbacks.

use ext_php_rs::args::Arg;
use ext_php_rs::builders::{ClassBuilder, FunctionBuilder, ModuleBuilder};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::flags::{DataType, MethodFlags};
use ext_php_rs::types::Zval;
use ext_php_rs::zend::{ce, ExecuteData};

use super::classes::{handle_of, MemcacheObject};
use super::object::Handle;
use super::ops::{self, Args, StoreVerb};
use super::report::{deliver, Out};
use super::servers;

/// The engine's handler type (`FunctionHandler`, not re-exported by ext-php-rs).
type H = extern "C" fn(&mut ExecuteData, &mut Zval);

type Body = fn(&Handle, Args, &mut Zval, &mut Out);

/// (name, type, by reference)
type P = (&'static str, DataType, bool);

const M: DataType = DataType::Mixed;
const L: DataType = DataType::Long;
const S: DataType = DataType::String;
const D: DataType = DataType::Double;
const B: DataType = DataType::Bool;

fn args_of<'a>(ex: &'a mut ExecuteData, n: usize, placeholders: &'a mut Vec<Arg<'a>>) -> Option<(Vec<Option<&'a mut Zval>>, Option<Handle>)> {
    let _ = n;
    let (parser, this) = ex.parser_object();
    let handle = this.and_then(|o| handle_of(o));
    let mut parser = parser.required_args(0);
    for a in placeholders.iter_mut() {
        parser = parser.arg(a);
    }
    parser.parse().ok()?;
    let mut args: Vec<Option<&'a mut Zval>> = placeholders.iter_mut().map(|a| a.zval().map(|z| &mut **z)).collect();
    while matches!(args.last(), Some(None)) {
        args.pop();
    }
    Some((args, handle))
}

fn too_few(name: &str, min: usize, max: usize, given: usize) {
    let msg = if min == max {
        format!("{name}() expects exactly {min} argument{}, {given} given", if min == 1 { "" } else { "s" })
    } else {
        format!("{name}() expects at least {min} argument{}, {given} given", if min == 1 { "" } else { "s" })
    };
    PhpException::new(msg, 0, ce::argument_count_error()).throw();
}

/// A method: `$this` is the object.
pub fn method(ex: &mut ExecuteData, ret: &mut Zval, name: &str, n: usize, req: usize, body: Body) {
    crate::ffi::guard(name, (), || {
        ret.set_bool(false);
        let mut ph: Vec<Arg> = (0..n).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let Some((mut args, handle)) = args_of(ex, n, &mut ph) else { return };
        if args.len() < req {
            too_few(name, req, n, args.len());
            return;
        }
        let Some(h) = handle else {
            PhpException::new(format!("{name}(): object is not initialized"), 0, ce::exception()).throw();
            return;
        };
        let mut out = Out::default();
        body(&h, &mut args, ret, &mut out);
        drop(args);
        deliver(Some(&h), out);
    })
}

/// A procedural function: the first argument is the object.
pub fn function(ex: &mut ExecuteData, ret: &mut Zval, name: &str, n: usize, req: usize, body: Body) {
    crate::ffi::guard(name, (), || {
        ret.set_bool(false);
        let mut ph: Vec<Arg> = (0..n + 1).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let Some((mut args, _)) = args_of(ex, n + 1, &mut ph) else { return };
        if args.len() < req + 1 {
            too_few(name, req + 1, n + 1, args.len());
            return;
        }
        let h = args[0].as_deref_mut().map(|z| z.dereference_mut()).and_then(|z| z.object_mut()).and_then(handle_of);
        let Some(h) = h else {
            let given = args[0].as_deref().map(|z| type_name(z.dereference())).unwrap_or("null");
            PhpException::new(
                format!("{name}(): Argument #1 ($memcache) must be of type MemcachePool, {given} given"),
                0,
                ce::type_error(),
            )
            .throw();
            return;
        };
        let mut out = Out::default();
        body(&h, &mut args[1..], ret, &mut out);
        drop(args);
        deliver(Some(&h), out);
    })
}

fn type_name(z: &Zval) -> &'static str {
    if z.is_null() {
        "null"
    } else if z.is_bool() {
        "bool"
    } else if z.is_long() {
        "int"
    } else if z.is_double() {
        "float"
    } else if z.is_string() {
        "string"
    } else if z.is_array() {
        "array"
    } else if z.is_object() {
        "object"
    } else {
        "mixed"
    }
}

fn build(name: &str, h: H, params: &[P], req: usize, ret: Option<DataType>) -> FunctionBuilder<'static> {
    let mut f = FunctionBuilder::new(name, h);
    for (i, (pname, t, by_ref)) in params.iter().enumerate() {
        let mut a = Arg::new(*pname, *t);
        if *by_ref {
            a = a.as_ref();
        }
        let _ = i;
        f = f.arg(a);
    }
    f = f.required_args(req);
    if let Some(t) = ret {
        f = f.returns(t, false, false);
    }
    f
}

macro_rules! handlers {
    ($( $m:ident / $f:ident : $name:literal, $fname:literal, $n:expr, $req:expr, $body:expr; )*) => {
        $(
            extern "C" fn $m(ex: &mut ExecuteData, ret: &mut Zval) {
                method(ex, ret, concat!("MemcachePool::", $name), $n, $req, $body)
            }
            extern "C" fn $f(ex: &mut ExecuteData, ret: &mut Zval) {
                function(ex, ret, $fname, $n, $req, $body)
            }
        )*
    };
}

fn set(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Set, a, r, o) }
fn add(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Add, a, r, o) }
fn replace(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Replace, a, r, o) }
fn cas(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Cas, a, r, o) }
fn append(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Append, a, r, o) }
fn prepend(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Prepend, a, r, o) }
fn incr(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::arith(h, true, a, r, o) }
fn decr(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::arith(h, false, a, r, o) }
fn pool_add_server(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) {
    let n = servers::pool_order(a);
    r.set_bool(servers::add_server(h, n, o).is_some());
}
fn legacy_add_server(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) {
    let n = servers::legacy_order(a);
    r.set_bool(servers::add_server(h, n, o).is_some());
}
fn pool_connect(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) {
    let n = servers::pool_order(a);
    servers::connect(h, n, r, o);
}
fn legacy_connect(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) {
    let n = servers::connect_order(a, false);
    servers::connect(h, n, r, o);
}
fn legacy_pconnect(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) {
    let n = servers::connect_order(a, true);
    servers::connect(h, n, r, o);
}

handlers! {
    m_set / f_set: "set", "memcache_set", 5, 1, set;
    m_add / f_add: "add", "memcache_add", 5, 1, add;
    m_replace / f_replace: "replace", "memcache_replace", 5, 1, replace;
    m_cas / f_cas: "cas", "memcache_cas", 5, 1, cas;
    m_append / f_append: "append", "memcache_append", 5, 1, append;
    m_prepend / f_prepend: "prepend", "memcache_prepend", 5, 1, prepend;
    m_get / f_get: "get", "memcache_get", 3, 1, ops::get;
    m_delete / f_delete: "delete", "memcache_delete", 2, 1, ops::delete;
    m_incr / f_incr: "increment", "memcache_increment", 4, 1, incr;
    m_decr / f_decr: "decrement", "memcache_decrement", 4, 1, decr;
    m_flush / f_flush: "flush", "memcache_flush", 1, 0, ops::flush;
    m_version / f_version: "getVersion", "memcache_get_version", 0, 0, ops::version;
    m_stats / f_stats: "getStats", "memcache_get_stats", 3, 0, ops::stats;
    m_xstats / f_xstats: "getExtendedStats", "memcache_get_extended_stats", 3, 0, ops::extended_stats;
    m_threshold / f_threshold: "setCompressThreshold", "memcache_set_compress_threshold", 2, 1, servers::set_compress_threshold;
    m_close / f_close: "close", "memcache_close", 0, 0, servers::close;
    m_params / f_params: "setServerParams", "memcache_set_server_params", 6, 1, servers::set_server_params;
    m_callback / f_callback: "setFailureCallback", "memcache_set_failure_callback", 1, 1, servers::set_failure_callback;
    m_status / f_status: "getServerStatus", "memcache_get_server_status", 2, 1, servers::server_status;
    m_find / f_find: "findServer", "memcache_find_server", 1, 1, servers::find_server;
    m_sasl / f_sasl: "setSaslAuthData", "memcache_set_sasl_auth_data", 2, 2, servers::set_sasl;
    m_pool_add / f_legacy_add: "addServer", "memcache_add_server", 8, 1, pool_add_server;
    m_pool_connect / f_unused_connect: "connect", "memcache_pool_connect", 7, 1, pool_connect;
}

extern "C" fn m_legacy_add(ex: &mut ExecuteData, ret: &mut Zval) {
    method(ex, ret, "Memcache::addServer", 8, 1, legacy_add_server)
}
extern "C" fn f_add_server(ex: &mut ExecuteData, ret: &mut Zval) {
    function(ex, ret, "memcache_add_server", 9, 1, legacy_add_server)
}
extern "C" fn m_legacy_connect(ex: &mut ExecuteData, ret: &mut Zval) {
    method(ex, ret, "Memcache::connect", 8, 1, legacy_connect)
}
extern "C" fn m_legacy_pconnect(ex: &mut ExecuteData, ret: &mut Zval) {
    method(ex, ret, "Memcache::pconnect", 8, 1, legacy_pconnect)
}

/// memcache_connect / memcache_pconnect: a new Memcache object, or false.
fn connect_function(ex: &mut ExecuteData, ret: &mut Zval, name: &str, persistent: bool) {
    crate::ffi::guard(name, (), || {
        ret.set_bool(false);
        let mut ph: Vec<Arg> = (0..8).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let Some((mut args, _)) = args_of(ex, 8, &mut ph) else { return };
        if args.is_empty() {
            too_few(name, 1, 8, 0);
            return;
        }
        let obj = MemcacheObject::__construct();
        let h = obj.state.clone();
        let mut out = Out::default();
        let n = servers::connect_order(&mut args, persistent);
        let ok = servers::connect(&h, n, ret, &mut out);
        drop(args);
        deliver(Some(&h), out);
        if ok {
            if let Ok(z) = obj.into_zval(false) {
                *ret = z;
            }
        }
    })
}

extern "C" fn f_connect(ex: &mut ExecuteData, ret: &mut Zval) {
    connect_function(ex, ret, "memcache_connect", false)
}
extern "C" fn f_pconnect(ex: &mut ExecuteData, ret: &mut Zval) {
    connect_function(ex, ret, "memcache_pconnect", true)
}

extern "C" fn f_debug(ex: &mut ExecuteData, ret: &mut Zval) {
    crate::ffi::guard("memcache_debug", (), || {
        let mut ph: Vec<Arg> = vec![Arg::new("on_off", M)];
        let _ = args_of(ex, 1, &mut ph);
        ext_php_rs::error::php_error(
            &ext_php_rs::flags::ErrorType::Warning,
            "memcache_debug() is deprecated, please use a debugger (like Eclipse + CDT)",
        );
        ret.set_bool(false);
    })
}

const STORE: &[P] = &[("key", M, false), ("value", M, false), ("flags", L, false), ("exptime", L, false), ("cas", L, false)];
const GET: &[P] = &[("key", M, false), ("flags", M, true), ("cas", M, true)];
const DELETE: &[P] = &[("key", M, false), ("exptime", L, false)];
const ARITH: &[P] = &[("key", M, false), ("value", L, false), ("defval", L, false), ("exptime", L, false)];
const STATS: &[P] = &[("type", S, false), ("slabid", L, false), ("limit", L, false)];
const PARAMS: &[P] = &[("host", S, false), ("tcp_port", L, false), ("timeout", D, false), ("retry_interval", L, false), ("status", B, false), ("failure_callback", M, false)];
const LEGACY_CONNECT: &[P] = &[("host", M, false), ("port", M, false), ("timeout", M, false), ("unused4", M, false), ("unused5", M, false), ("unused6", M, false), ("unused7", M, false), ("unugsed8", M, false)];
const POOL_CONNECT: &[P] = &[("host", M, false), ("tcp_port", M, false), ("udp_port", M, false), ("persistent", M, false), ("weight", M, false), ("timeout", M, false), ("retry_interval", M, false)];
const POOL_ADD: &[P] = &[("host", M, false), ("tcp_port", M, false), ("udp_port", M, false), ("persistent", M, false), ("weight", M, false), ("timeout", M, false), ("retry_interval", M, false), ("status", M, false)];
const LEGACY_ADD: &[P] = &[("host", M, false), ("tcp_port", M, false), ("persistent", M, false), ("weight", M, false), ("timeout", M, false), ("retry_interval", M, false), ("status", M, false), ("failure_callback", M, false)];
const FN_ADD: &[P] = &[("host", M, false), ("port", M, false), ("tcp_port", M, false), ("persistent", M, false), ("weight", M, false), ("timeout", M, false), ("retry_interval", M, false), ("status", M, false), ("failure_callback", M, false)];



/// (method name, method handler, function name, function handler, params, required, returns)
fn table() -> Vec<(&'static str, H, &'static str, H, &'static [P], usize, Option<DataType>)> {
    vec![
        ("setserverparams", m_params, "memcache_set_server_params", f_params, PARAMS, 1, Some(B)),
        ("setfailurecallback", m_callback, "memcache_set_failure_callback", f_callback, &[("failure_callback", M, false)], 1, Some(B)),
        ("getserverstatus", m_status, "memcache_get_server_status", f_status, &[("host", S, false), ("tcp_port", L, false)], 1, None),
        ("findserver", m_find, "", f_find, &[("key", S, false)], 1, None),
        ("getversion", m_version, "memcache_get_version", f_version, &[], 0, None),
        ("add", m_add, "memcache_add", f_add, STORE, 1, Some(B)),
        ("set", m_set, "memcache_set", f_set, STORE, 1, Some(B)),
        ("replace", m_replace, "memcache_replace", f_replace, STORE, 1, Some(B)),
        ("cas", m_cas, "memcache_cas", f_cas, STORE, 1, Some(B)),
        ("append", m_append, "memcache_append", f_append, STORE, 1, Some(B)),
        ("prepend", m_prepend, "memcache_prepend", f_prepend, STORE, 1, Some(B)),
        ("get", m_get, "memcache_get", f_get, GET, 1, Some(M)),
        ("delete", m_delete, "memcache_delete", f_delete, DELETE, 1, None),
        ("getstats", m_stats, "memcache_get_stats", f_stats, STATS, 0, None),
        ("getextendedstats", m_xstats, "memcache_get_extended_stats", f_xstats, STATS, 0, None),
        ("setcompressthreshold", m_threshold, "memcache_set_compress_threshold", f_threshold, &[("threshold", L, false), ("min_savings", D, false)], 1, Some(B)),
        ("increment", m_incr, "memcache_increment", f_incr, ARITH, 1, None),
        ("decrement", m_decr, "memcache_decrement", f_decr, ARITH, 1, None),
        ("close", m_close, "memcache_close", f_close, &[], 0, Some(B)),
        ("flush", m_flush, "memcache_flush", f_flush, &[("delay", L, false)], 0, Some(B)),
        ("setSaslAuthData", m_sasl, "memcache_set_sasl_auth_data", f_sasl, &[("username", S, false), ("password", S, false)], 2, Some(B)),
    ]
}

pub fn pool_methods(mut b: ClassBuilder) -> ClassBuilder {
    b = b.method(build("connect", m_pool_connect, POOL_CONNECT, 1, None), MethodFlags::Public);
    b = b.method(build("addserver", m_pool_add, POOL_ADD, 1, Some(B)), MethodFlags::Public);
    for (name, h, _, _, params, req, ret) in table() {
        b = b.method(build(name, h, params, req, ret), MethodFlags::Public);
    }
    let _ = (f_unused_connect, f_legacy_add);
    b
}

pub fn memcache_methods(mut b: ClassBuilder) -> ClassBuilder {
    b = b.method(build("connect", m_legacy_connect, LEGACY_CONNECT, 1, None), MethodFlags::Public);
    b = b.method(build("pconnect", m_legacy_pconnect, LEGACY_CONNECT, 1, None), MethodFlags::Public);
    b = b.method(build("addserver", m_legacy_add, LEGACY_ADD, 1, Some(B)), MethodFlags::Public);
    b
}

pub fn functions(mut m: ModuleBuilder<'_>) -> ModuleBuilder<'_> {
    let obj: P = ("memcache", DataType::object("MemcachePool"), false);
    let with_obj = |params: &[P]| -> Vec<P> {
        let mut v = vec![obj];
        v.extend_from_slice(params);
        v
    };
    m = m.function(build("memcache_connect", f_connect, LEGACY_CONNECT, 1, None));
    m = m.function(build("memcache_pconnect", f_pconnect, LEGACY_CONNECT, 1, None));
    m = m.function(build("memcache_add_server", f_add_server, &with_obj(FN_ADD), 2, Some(B)));
    for (_, _, fname, fh, params, req, ret) in table() {
        if fname.is_empty() {
            continue;
        }
        m = m.function(build(fname, fh, &with_obj(params), req + 1, ret));
    }
    m = m.function(build("memcache_debug", f_debug, &[("on_off", M, false)], 1, Some(B)));
    m
}
