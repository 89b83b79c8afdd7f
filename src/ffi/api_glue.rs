//! Engine glue: the raw handlers of every method and function, their
//! argument info (pecl memcache's names and order), and the dispatch that
//! parses arguments, finds the object's pool (its `connection` property),
//! runs the operation inside the panic guard and then, with every borrow
//! dropped, delivers its warnings and failure callbacks.
//!
//! User code can run during an operation (serialize's `__sleep`,
//! unserialize's `__wakeup`) and while it is reported (failure callbacks,
//! error handlers). Each such call catches the engine's bailout
//! ([`crate::ffi::engine`]); a caught bailout is resumed by [`run`] once
//! everything Rust holds is dropped.

use ext_php_rs::args::Arg;
use ext_php_rs::builders::{ClassBuilder, FunctionBuilder, ModuleBuilder};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::flags::{DataType, MethodFlags};
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::{ce, ExecuteData};

use crate::api::classes::{self, Connection};
use crate::api::object::Handle;
use crate::api::ops::{self, Args, StoreVerb};
use crate::api::report::{deliver, Out};
use crate::api::servers;
use crate::ffi::{api_object, engine, zpp};
use std::ffi::{CStr, CString};

/// The engine's handler type (`FunctionHandler`, not re-exported by ext-php-rs).
type Handler = extern "C" fn(&mut ExecuteData, &mut Zval);

type Body = fn(&Handle, Args, &mut Zval, &mut Out);

/// Placeholder type of the raw argument parser (zpp does the real checks).
const M: DataType = DataType::Mixed;

/// What an operation needs of the object before it runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Its pool (pecl's mmc_get_pool): "No servers added to memcache
    /// connection" when it has none, "Invalid MemcachePool->connection
    /// member variable" when the property holds something else.
    Pool,
    /// Its pool, created on first use (addServer, connect).
    Create,
}

/// The class the procedural form's first argument must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Pool,
    Memcache,
}

/// What the first phase hands to the reporting phase.
struct Done {
    obj: Option<*mut ZendObject>,
    handle: Option<Handle>,
    out: Out,
}

fn args_of<'a>(ex: &'a mut ExecuteData, placeholders: &'a mut Vec<Arg<'a>>) -> Option<(Vec<Option<&'a mut Zval>>, Option<*mut ZendObject>)> {
    let (parser, this) = ex.parser_object();
    let this = this.map(std::ptr::from_mut);
    let mut parser = parser.required_args(0);
    for a in placeholders.iter_mut() {
        parser = parser.arg(a);
    }
    parser.parse().ok()?;
    let mut args: Vec<Option<&'a mut Zval>> = placeholders.iter_mut().map(|a| a.zval().map(|z| &mut **z)).collect();
    while matches!(args.last(), Some(None)) {
        args.pop();
    }
    Some((args, this))
}


/// Runs an entry point in two phases: `work` (inside the panic guard)
/// computes the result and collects what to report; then the report is
/// delivered (warnings, notices, failure callbacks), and a bailout caught
/// on the way is resumed here, the last thing this frame does.
fn run(name: &str, ret: &mut Zval, work: impl FnOnce(&mut Zval) -> Option<Done>) {
    let done = crate::ffi::guard(name, None, || {
        ret.set_bool(false);
        work(ret)
    });
    let (bailed, return_false) = match done {
        Some(d) => {
            let return_false = d.out.return_false;
            (
                crate::ffi::guard(name, false, move || {
                    // SAFETY: `obj` is `$this`, the first argument or the
                    // return value of the running call; the engine keeps it
                    // alive until this handler returns, and nothing else
                    // borrows it during the report.
                    let obj = d.obj.map(|o| unsafe { &mut *o });
                    deliver(obj, d.handle.as_ref(), d.out)
                }),
                return_false,
            )
        }
        None => (false, false),
    };
    if return_false {
        ret.set_bool(false);
    }
    if bailed {
        // SAFETY: every value of this frame and of the closures above is
        // dropped; only `name` (a borrowed &str) and `ret` (the engine's)
        // remain, neither with a destructor to skip.
        unsafe { engine::resume_bailout() }
    }
}

/// The pool for an operation on `obj`; None (after the warning) when it
/// has none usable.
fn pool_for(obj: *mut ZendObject, need: Need, out: &mut Out) -> Option<Handle> {
    // SAFETY: `obj` is `$this` or the first argument of the running call,
    // which the engine keeps alive until the handler returns.
    let obj = unsafe { &mut *obj };
    match need {
        Need::Pool => match classes::connection(obj) {
            Connection::Pool(h) => Some(h),
            Connection::Missing => {
                out.warn("No servers added to memcache connection");
                None
            }
            Connection::Invalid => {
                api_object::connection_type_error(obj, false);
                out.warn("Invalid MemcachePool->connection member variable");
                None
            }
        },
        Need::Create => match classes::connection_or_new(obj) {
            Ok(Some(h)) => Some(h),
            Ok(None) => {
                api_object::connection_type_error(obj, true);
                out.warn("Unknown connection identifier");
                None
            }
            Err(engine::Bailout) => {
                out.bailout = true;
                None
            }
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn method_impl(ex: &mut ExecuteData, ret: &mut Zval, name: &str, n: usize, req: usize, spec: &CStr, need: Need, body: Body) {
    run(name, ret, |ret| {
        let _ = req;
        if let Err(r) = zpp(ex, spec, None) {
            return r;
        }
        let mut out = Out::default();
        let mut ph: Vec<Arg> = (0..n).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let (mut args, this) = args_of(ex, &mut ph)?;
        let obj = this?;
        let handle = pool_for(obj, need, &mut out);
        if let Some(h) = &handle {
            body(h, &mut args, ret, &mut out);
        }
        Some(Done { obj: Some(obj), handle, out })
    })
}

/// Runs the engine's argument parser with pecl's spec: Continue, or what
/// the entry point returns right away (nothing: zpp threw; a Done that
/// carries a caught bailout).
fn zpp(ex: &ExecuteData, spec: &CStr, class: Option<Class>) -> Result<(), Option<Done>> {
    let ce = class.and_then(|c| match c {
        Class::Pool => api_object::pool_ce(),
        Class::Memcache => api_object::memcache_ce(),
    });
    match zpp::check(ex, spec, ce) {
        Ok(true) => Ok(()),
        Ok(false) => Err(None),
        Err(engine::Bailout) => Err(Some(Done::bailout())),
    }
}

impl Done {
    fn bailout() -> Done {
        Done { obj: None, handle: None, out: Out { bailout: true, ..Out::default() } }
    }
}

#[allow(clippy::too_many_arguments)]
fn function_impl(ex: &mut ExecuteData, ret: &mut Zval, name: &str, n: usize, req: usize, spec: &CStr, need: Need, class: Class, body: Body) {
    run(name, ret, |ret| {
        let _ = req;
        if let Err(r) = zpp(ex, spec, Some(class)) {
            return r;
        }
        let mut ph: Vec<Arg> = (0..n + 1).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let (mut args, _) = args_of(ex, &mut ph)?;
        if args.is_empty() {
            return None;
        }
        let obj = first_object(name, class, &mut args)?;
        let mut out = Out::default();
        let handle = pool_for(obj, need, &mut out);
        if let Some(h) = &handle {
            body(h, &mut args[1..], ret, &mut out);
        }
        Some(Done { obj: Some(obj), handle, out })
    })
}

/// The object a procedural function works on (its first argument); None
/// after PHP's TypeError when it is not one of `class`.
fn first_object(name: &str, class: Class, args: &mut [Option<&mut Zval>]) -> Option<*mut ZendObject> {
    let first = args[0].as_deref_mut().map(|z| z.dereference_mut());
    let obj = first.and_then(|z| z.object_mut()).filter(|o| match class {
        Class::Pool => classes::is_pool(o),
        Class::Memcache => classes::is_memcache(o),
    });
    if let Some(o) = obj {
        return Some(std::ptr::from_mut(o));
    }
    let given = args[0].as_deref().map(|z| api_object::type_name(z.dereference())).unwrap_or_else(|| "null".into());
    let want = match class {
        Class::Pool => "MemcachePool",
        Class::Memcache => "Memcache",
    };
    PhpException::new(format!("{name}(): Argument #1 ($memcache) must be of type {want}, {given} given"), 0, ce::type_error())
        .throw();
    None
}


macro_rules! handlers {
    ($( $m:ident / $f:ident : $name:literal, $fname:literal, $n:expr, $req:expr, $spec:expr, $body:expr; )*) => {
        $(
            extern "C" fn $m(ex: &mut ExecuteData, ret: &mut Zval) {
                method_impl(ex, ret, concat!("MemcachePool::", $name), $n, $req, $spec, Need::Pool, $body)
            }
            extern "C" fn $f(ex: &mut ExecuteData, ret: &mut Zval) {
                function_impl(ex, ret, $fname, $n, $req, &with_object($spec), Need::Pool, Class::Pool, $body)
            }
        )*
    };
}

/// The procedural form's zpp spec: the object first.
fn with_object(spec: &CStr) -> CString {
    let mut v = b"O".to_vec();
    v.extend_from_slice(spec.to_bytes());
    CString::new(v).unwrap_or_default()
}

fn set(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Set, a, r, o) }
fn add(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Add, a, r, o) }
fn replace(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Replace, a, r, o) }
fn cas(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Cas, a, r, o) }
fn append(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Append, a, r, o) }
fn prepend(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::store(h, StoreVerb::Prepend, a, r, o) }
fn incr(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::arith(h, true, a, r, o) }
fn decr(h: &Handle, a: Args, r: &mut Zval, o: &mut Out) { ops::arith(h, false, a, r, o) }
fn connect_np(a: Args) -> servers::NewServer {
    servers::connect_order(a, false)
}
fn connect_p(a: Args) -> servers::NewServer {
    servers::connect_order(a, true)
}

/// addServer/connect: the new server is checked first; only then does
/// the object get a pool (its `connection` property), as with pecl.
#[allow(clippy::too_many_arguments)]
fn add_impl(ex: &mut ExecuteData, ret: &mut Zval, name: &str, n: usize, spec: &CStr, class: Option<Class>, order: fn(Args) -> servers::NewServer, connect: bool) {
    run(name, ret, |ret| {
        if let Err(r) = zpp(ex, spec, class) {
            return r;
        }
        let extra = usize::from(class.is_some());
        let mut ph: Vec<Arg> = (0..n + extra).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let (mut args, this) = args_of(ex, &mut ph)?;
        if args.len() < extra {
            return None;
        }
        let obj = match class {
            None => this?,
            Some(class) => first_object(name, class, &mut args)?,
        };
        let args = &mut args[extra..];
        let mut out = Out::default();
        let ns = order(args);
        if !servers::check(&ns, &mut out) {
            return Some(Done { obj: Some(obj), handle: None, out });
        }
        let handle = pool_for(obj, Need::Create, &mut out);
        if let Some(h) = &handle {
            if connect {
                servers::connect(h, ns, ret, &mut out);
            } else {
                ret.set_bool(servers::add_server(h, ns, &mut out).is_some());
            }
        }
        Some(Done { obj: Some(obj), handle, out })
    })
}

/// setFailureCallback()'s zpp spec. pecl's is "z": anything is accepted, and
/// what is not callable gets a warning and false. But its arginfo (ours too,
/// pecl's exactly) declares `?callable`, and a debug PHP holds an internal
/// function to its arginfo: a call with a non-callable that returns without
/// an exception stops the script with "Arginfo / zpp mismatch" (pecl memcache
/// dies there). On a debug PHP the engine's "f!" checks the argument instead:
/// the TypeError the arginfo promises, in PHP's words.
const CALLBACK_SPEC: &CStr = if ext_php_rs::ffi::ZEND_DEBUG != 0 { c"f!" } else { c"z" };

handlers! {
    m_set / f_set: "set", "memcache_set", 5, 1, c"z|zlll", set;
    m_add / f_add: "add", "memcache_add", 5, 1, c"z|zlll", add;
    m_replace / f_replace: "replace", "memcache_replace", 5, 1, c"z|zlll", replace;
    m_cas / f_cas: "cas", "memcache_cas", 5, 1, c"z|zlll", cas;
    m_append / f_append: "append", "memcache_append", 5, 1, c"z|zlll", append;
    m_prepend / f_prepend: "prepend", "memcache_prepend", 5, 1, c"z|zlll", prepend;
    m_get / f_get: "get", "memcache_get", 3, 1, c"z|z/z/", ops::get;
    m_delete / f_delete: "delete", "memcache_delete", 2, 1, c"z|l", ops::delete;
    m_incr / f_incr: "increment", "memcache_increment", 4, 1, c"z|lll", incr;
    m_decr / f_decr: "decrement", "memcache_decrement", 4, 1, c"z|lll", decr;
    m_flush / f_flush: "flush", "memcache_flush", 1, 0, c"|l", ops::flush;
    m_version / f_version: "getVersion", "memcache_get_version", 0, 0, c"", ops::version;
    m_stats / f_stats: "getStats", "memcache_get_stats", 3, 0, c"|sll", ops::stats;
    m_xstats / f_xstats: "getExtendedStats", "memcache_get_extended_stats", 3, 0, c"|sll", ops::extended_stats;
    m_threshold / f_threshold: "setCompressThreshold", "memcache_set_compress_threshold", 2, 1, c"l|d", servers::set_compress_threshold;
    m_close / f_close: "close", "memcache_close", 0, 0, c"", servers::close;
    m_params / f_params: "setServerParams", "memcache_set_server_params", 6, 1, c"s|ldlbz", servers::set_server_params;
    m_callback / f_callback: "setFailureCallback", "memcache_set_failure_callback", 1, 1, CALLBACK_SPEC, servers::set_failure_callback;
    m_status / f_status: "getServerStatus", "memcache_get_server_status", 2, 1, c"s|l", servers::server_status;
    m_find / f_find: "findServer", "memcache_find_server", 1, 1, c"z", servers::find_server;
}

extern "C" fn m_legacy_add(ex: &mut ExecuteData, ret: &mut Zval) {
    add_impl(ex, ret, "Memcache::addServer", 8, c"s|lbldlbz", None, servers::legacy_order, false)
}
extern "C" fn f_add_server(ex: &mut ExecuteData, ret: &mut Zval) {
    // pecl checks this one's first argument against Memcache, not MemcachePool.
    add_impl(ex, ret, "memcache_add_server", 8, c"Os|lbldlbz", Some(Class::Memcache), servers::legacy_order, false)
}
extern "C" fn m_legacy_connect(ex: &mut ExecuteData, ret: &mut Zval) {
    add_impl(ex, ret, "Memcache::connect", 8, c"s|l!d", None, connect_np, true)
}
extern "C" fn m_legacy_pconnect(ex: &mut ExecuteData, ret: &mut Zval) {
    add_impl(ex, ret, "Memcache::pconnect", 8, c"s|l!d", None, connect_p, true)
}
extern "C" fn m_pool_add(ex: &mut ExecuteData, ret: &mut Zval) {
    add_impl(ex, ret, "MemcachePool::addServer", 8, c"s|llbldlb", None, servers::pool_order, false)
}
extern "C" fn m_pool_connect(ex: &mut ExecuteData, ret: &mut Zval) {
    add_impl(ex, ret, "MemcachePool::connect", 7, c"s|llbldl", None, servers::pool_order, true)
}
extern "C" fn m_sasl(ex: &mut ExecuteData, ret: &mut Zval) {
    method_impl(ex, ret, "MemcachePool::setSaslAuthData", 2, 2, c"ss", Need::Create, servers::set_sasl)
}
extern "C" fn f_sasl(ex: &mut ExecuteData, ret: &mut Zval) {
    function_impl(ex, ret, "memcache_set_sasl_auth_data", 2, 2, c"Oss", Need::Create, Class::Pool, servers::set_sasl)
}

/// memcache_connect / memcache_pconnect: a new Memcache object, or false.
fn connect_function(ex: &mut ExecuteData, ret: &mut Zval, name: &str, persistent: bool) {
    run(name, ret, |ret| {
        if let Err(r) = zpp(ex, c"s|l!d", None) {
            return r;
        }
        let mut ph: Vec<Arg> = (0..8).map(|i| Arg::new(format!("a{i}"), M)).collect();
        let (mut args, _) = args_of(ex, &mut ph)?;
        let n = servers::connect_order(&mut args, persistent);
        let mut out = Out::default();
        if !servers::check(&n, &mut out) {
            return Some(Done { obj: None, handle: None, out });
        }
        let mut obj = classes::new_memcache()?;
        let raw = std::ptr::from_mut(&mut *obj);
        let handle = pool_for(raw, Need::Create, &mut out);
        let mut ok = false;
        if let Some(h) = &handle {
            ok = servers::connect(h, n, ret, &mut out);
        }
        // The object lives in `ret` from here on, so that the report can
        // still reach it (its failure callback); on failure it is replaced
        // by false after the report (see below).
        if let Ok(z) = obj.into_zval(false) {
            *ret = z;
        }
        if !ok {
            out.return_false = true;
        }
        let obj = ret.object_mut().map(std::ptr::from_mut)?;
        Some(Done { obj: Some(obj), handle, out })
    })
}

extern "C" fn f_connect(ex: &mut ExecuteData, ret: &mut Zval) {
    connect_function(ex, ret, "memcache_connect", false)
}
extern "C" fn f_pconnect(ex: &mut ExecuteData, ret: &mut Zval) {
    connect_function(ex, ret, "memcache_pconnect", true)
}

extern "C" fn f_debug(ex: &mut ExecuteData, ret: &mut Zval) {
    run("memcache_debug", ret, |ret| {
        let mut ph: Vec<Arg> = vec![Arg::new("on_off", M)];
        args_of(ex, &mut ph)?;
        let mut out = Out::default();
        out.warn("memcache_debug() is deprecated, please use a debugger (like Eclipse + CDT)");
        // pecl answers whether PHP is a debug build.
        ret.set_bool(ext_php_rs::ffi::ZEND_DEBUG != 0);
        Some(Done { obj: None, handle: None, out })
    })
}

// ---- argument info: pecl memcache 8.2's arginfo, exactly ----------------------------------
//
// Parameter and return types are type masks (MAY_BE_*), as the engine stores them: reflection,
// IDE stubs and user subclasses (whose overriding methods must be compatible) see pecl's
// declarations. ext-php-rs cannot express untyped parameters or union types, so the functions
// are registered with placeholder types and the masks written afterwards
// (api_object::set_arg_types, at MINIT).

/// Untyped (pecl's ZEND_ARG_INFO).
const UNTYPED: u32 = 0;
const MIXED: u32 = ext_php_rs::ffi::MAY_BE_ANY;
const NULL: u32 = 1 << 1;
const BOOL: u32 = ext_php_rs::ffi::MAY_BE_BOOL;
const INT: u32 = 1 << 4;
const FLOAT: u32 = 1 << 5;
const STRING: u32 = 1 << 6;
const ARRAY: u32 = 1 << 7;
const CALLABLE: u32 = 1 << 12;
const KEY: u32 = ARRAY | STRING;
/// The `MemcachePool $memcache` first parameter of the procedural functions.
const OBJ: u32 = u32::MAX;

/// (name, type mask, by reference)
type Param = (&'static str, u32, bool);

const STORE: &[Param] = &[("key", KEY, false), ("value", MIXED, false), ("flags", INT, false), ("exptime", INT, false), ("cas", INT, false)];
const GET_M: &[Param] = &[("key", KEY, false), ("flags", MIXED, true), ("cas", MIXED, true)];
const GET_F: &[Param] = &[("key", UNTYPED, false), ("flags", UNTYPED, true), ("cas", UNTYPED, true)];
const DELETE_M: &[Param] = &[("key", KEY, false), ("exptime", INT, false)];
const DELETE_F: &[Param] = &[("key", UNTYPED, false), ("exptime", UNTYPED, false)];
const ARITH: &[Param] = &[("key", KEY, false), ("value", INT, false), ("defval", INT, false), ("exptime", INT, false)];
const STATS: &[Param] = &[("type", STRING, false), ("slabid", INT, false), ("limit", INT, false)];
const PARAMS: &[Param] = &[("host", STRING, false), ("tcp_port", INT, false), ("timeout", FLOAT, false), ("retry_interval", INT, false), ("status", BOOL, false), ("failure_callback", UNTYPED, false)];
const CALLBACK: &[Param] = &[("failure_callback", CALLABLE | NULL, false)];
const STATUS: &[Param] = &[("host", STRING, false), ("tcp_port", INT, false)];
const THRESHOLD: &[Param] = &[("threshold", INT, false), ("min_savings", FLOAT, false)];
const SASL: &[Param] = &[("username", STRING, false), ("password", STRING, false)];
const LEGACY_CONNECT: &[Param] = &[("host", UNTYPED, false), ("port", UNTYPED, false), ("timeout", UNTYPED, false), ("unused4", UNTYPED, false), ("unused5", UNTYPED, false), ("unused6", UNTYPED, false), ("unused7", UNTYPED, false), ("unugsed8", UNTYPED, false)];
const POOL_CONNECT: &[Param] = &[("host", UNTYPED, false), ("tcp_port", UNTYPED, false), ("udp_port", UNTYPED, false), ("persistent", UNTYPED, false), ("weight", UNTYPED, false), ("timeout", UNTYPED, false), ("retry_interval", UNTYPED, false)];
const POOL_ADD: &[Param] = &[("host", UNTYPED, false), ("tcp_port", UNTYPED, false), ("udp_port", UNTYPED, false), ("persistent", UNTYPED, false), ("weight", UNTYPED, false), ("timeout", UNTYPED, false), ("retry_interval", UNTYPED, false), ("status", UNTYPED, false)];
const LEGACY_ADD: &[Param] = &[("host", UNTYPED, false), ("tcp_port", UNTYPED, false), ("persistent", UNTYPED, false), ("weight", UNTYPED, false), ("timeout", UNTYPED, false), ("retry_interval", UNTYPED, false), ("status", UNTYPED, false), ("failure_callback", UNTYPED, false)];
const FN_ADD: &[Param] = &[("memcache", OBJ, false), ("host", UNTYPED, false), ("port", UNTYPED, false), ("tcp_port", UNTYPED, false), ("persistent", UNTYPED, false), ("weight", UNTYPED, false), ("timeout", UNTYPED, false), ("retry_interval", UNTYPED, false), ("status", UNTYPED, false), ("failure_callback", UNTYPED, false)];

/// One registered function or method: (name, handler, params, required, return type mask or
/// None for no return type).
type Sig = (&'static str, Handler, Vec<Param>, usize, Option<u32>);

/// MemcachePool's methods and, where pecl has one, the procedural twin (its own parameter
/// list when pecl's arginfo differs from the method's).
#[allow(clippy::type_complexity)]
fn table() -> Vec<(&'static str, Handler, &'static [Param], &'static str, Handler, &'static [Param], usize, Option<u32>)> {
    vec![
        ("setserverparams", m_params, PARAMS, "memcache_set_server_params", f_params, PARAMS, 1, Some(BOOL)),
        ("setfailurecallback", m_callback, CALLBACK, "memcache_set_failure_callback", f_callback, CALLBACK, 1, Some(BOOL)),
        ("getserverstatus", m_status, STATUS, "memcache_get_server_status", f_status, STATUS, 1, Some(BOOL | INT)),
        ("findserver", m_find, &[("key", STRING, false)], "", f_find, &[], 1, Some(STRING | BOOL)),
        ("getversion", m_version, &[], "memcache_get_version", f_version, &[], 0, Some(STRING | BOOL)),
        ("add", m_add, STORE, "memcache_add", f_add, STORE, 1, Some(BOOL)),
        ("set", m_set, STORE, "memcache_set", f_set, STORE, 1, Some(BOOL)),
        ("replace", m_replace, STORE, "memcache_replace", f_replace, STORE, 1, Some(BOOL)),
        ("cas", m_cas, STORE, "memcache_cas", f_cas, STORE, 1, Some(BOOL)),
        ("append", m_append, STORE, "memcache_append", f_append, STORE, 1, Some(BOOL)),
        ("prepend", m_prepend, STORE, "memcache_prepend", f_prepend, STORE, 1, Some(BOOL)),
        ("get", m_get, GET_M, "memcache_get", f_get, GET_F, 1, Some(MIXED)),
        ("delete", m_delete, DELETE_M, "memcache_delete", f_delete, DELETE_F, 1, Some(BOOL | ARRAY)),
        ("getstats", m_stats, STATS, "memcache_get_stats", f_stats, STATS, 0, Some(BOOL | ARRAY)),
        ("getextendedstats", m_xstats, STATS, "memcache_get_extended_stats", f_xstats, STATS, 0, Some(BOOL | ARRAY)),
        ("setcompressthreshold", m_threshold, THRESHOLD, "memcache_set_compress_threshold", f_threshold, THRESHOLD, 1, Some(BOOL)),
        ("increment", m_incr, ARITH, "memcache_increment", f_incr, ARITH, 1, Some(BOOL | ARRAY | INT)),
        ("decrement", m_decr, ARITH, "memcache_decrement", f_decr, ARITH, 1, Some(BOOL | ARRAY | INT)),
        ("close", m_close, &[], "memcache_close", f_close, &[], 0, Some(BOOL)),
        ("flush", m_flush, &[("delay", INT, false)], "memcache_flush", f_flush, &[("delay", INT, false)], 0, Some(BOOL)),
        ("setSaslAuthData", m_sasl, SASL, "memcache_set_sasl_auth_data", f_sasl, SASL, 2, Some(BOOL)),
    ]
}

fn pool_sigs() -> Vec<Sig> {
    let mut v: Vec<Sig> = vec![
        ("connect", m_pool_connect, POOL_CONNECT.to_vec(), 1, None),
        ("addserver", m_pool_add, POOL_ADD.to_vec(), 1, Some(BOOL)),
    ];
    for (name, h, params, _, _, _, req, ret) in table() {
        v.push((name, h, params.to_vec(), req, ret));
    }
    v
}

fn memcache_sigs() -> Vec<Sig> {
    vec![
        ("connect", m_legacy_connect, LEGACY_CONNECT.to_vec(), 1, None),
        ("pconnect", m_legacy_pconnect, LEGACY_CONNECT.to_vec(), 1, None),
        ("addserver", m_legacy_add, LEGACY_ADD.to_vec(), 1, Some(BOOL)),
    ]
}

fn function_sigs() -> Vec<Sig> {
    let with_obj = |params: &[Param]| -> Vec<Param> {
        let mut v = vec![("memcache", OBJ, false)];
        v.extend_from_slice(params);
        v
    };
    let mut v: Vec<Sig> = vec![
        ("memcache_connect", f_connect, LEGACY_CONNECT.to_vec(), 1, None),
        ("memcache_pconnect", f_pconnect, LEGACY_CONNECT.to_vec(), 1, None),
        ("memcache_add_server", f_add_server, FN_ADD.to_vec(), 2, Some(BOOL)),
    ];
    for (_, _, _, fname, fh, params, req, ret) in table() {
        if !fname.is_empty() {
            v.push((fname, fh, with_obj(params), req + 1, ret));
        }
        // pecl's order of functions (get_extension_funcs() shows it)
        if fname == "memcache_delete" {
            v.push(("memcache_debug", f_debug, vec![("on_off", UNTYPED, false)], 1, Some(BOOL)));
        }
    }
    v
}

fn build((name, h, params, req, ret): &Sig) -> FunctionBuilder<'static> {
    let mut f = FunctionBuilder::new(*name, *h);
    for (pname, mask, by_ref) in params {
        // Placeholder types (see above), except the object parameter's class.
        let t = if *mask == OBJ { DataType::object("MemcachePool") } else { DataType::Mixed };
        let mut a = Arg::new(*pname, t);
        if *by_ref {
            a = a.as_ref();
        }
        f = f.arg(a);
    }
    f = f.required_args(*req);
    if ret.is_some() {
        f = f.returns(DataType::Mixed, false, false);
    }
    f
}

/// Registers both classes with their methods' handlers. Called from MINIT.
pub fn register_classes() -> Result<(), String> {
    let pool = pool_methods(ClassBuilder::new("MemcachePool"));
    let memcache = memcache_methods(ClassBuilder::new("Memcache"));
    super::api_object::register_classes(pool, memcache)?;
    set_arg_types();
    Ok(())
}

/// Writes pecl's type masks into the registered argument info (MINIT, after the classes are
/// registered).
fn set_arg_types() {
    let masks = |params: &[Param]| -> Vec<Option<u32>> { params.iter().map(|p| (p.1 != OBJ).then_some(p.1)).collect() };
    let pool = api_object::pool_ce();
    let memcache = api_object::memcache_ce();
    for (name, _, params, _, ret) in pool_sigs() {
        api_object::set_arg_types(pool, name, &masks(&params), ret);
    }
    for (name, _, params, _, ret) in memcache_sigs() {
        api_object::set_arg_types(memcache, name, &masks(&params), ret);
    }
    for (name, _, params, _, ret) in function_sigs() {
        api_object::set_arg_types(None, name, &masks(&params), ret);
    }
}

fn pool_methods(mut b: ClassBuilder) -> ClassBuilder {
    for sig in pool_sigs() {
        b = b.method(build(&sig), MethodFlags::Public);
    }
    b
}

fn memcache_methods(mut b: ClassBuilder) -> ClassBuilder {
    for sig in memcache_sigs() {
        b = b.method(build(&sig), MethodFlags::Public);
    }
    b
}

pub fn functions(mut m: ModuleBuilder<'_>) -> ModuleBuilder<'_> {
    for sig in function_sigs() {
        m = m.function(build(&sig));
    }
    m
}
