//! Warnings, notices and failure callbacks of one call, collected as values
//! and delivered after the operation has returned and dropped every borrow
//! (a user error handler or a failure callback may throw, call back into
//! the same object, or end the script).
//!
//! As in pecl memcache, an object's failure callback is its
//! `_failureCallback` property (set by addServer(), setServerParams() and
//! setFailureCallback(), shown by var_dump()), called with
//! `(host, tcp_port, udp_port, error, errnum)`; without one a failure is a
//! notice "Server host (tcp N, udp N) failed with: error (errnum)".

use ext_php_rs::flags::ErrorType;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ExecutorGlobals;

use super::exec::Failures;
use super::object::Handle;
use super::engine::{engine, Bailout};

/// The property that holds an object's failure callback.
pub const CALLBACK_PROPERTY: &str = "_failureCallback";

pub enum Level {
    Warning,
    Notice,
}

#[derive(Default)]
pub struct Out {
    pub msgs: Vec<(Level, String)>,
    pub failures: Failures,
    /// Some(cb): set the object's failure callback to `cb` (None: null).
    pub callback: Option<Option<Zval>>,
    /// The call lacks a value it needs: throw PHP's "Wrong parameter
    /// count" ArgumentCountError (and report nothing else).
    pub wrong_params: bool,
    /// After the report, the return value is false (memcache_connect()
    /// that could not connect drops the object it made).
    pub return_false: bool,
    /// The engine bailed out inside user code during the operation.
    pub bailout: bool,
}

impl Out {
    pub fn warn(&mut self, m: impl Into<String>) {
        self.msgs.push((Level::Warning, m.into()));
    }
    pub fn notice(&mut self, m: impl Into<String>) {
        self.msgs.push((Level::Notice, m.into()));
    }
}

/// Delivers what one call collected, in pecl's order: the failure
/// callback change, each server failure (the callback, or pecl's notice),
/// then the other messages. Every step that may run user code goes
/// through the engine's `raise` / `call_user` (a bailout in user code is
/// caught with nothing of ours alive inside the try); true when it bailed out (the caller
/// resumes it once everything is dropped).
pub fn deliver(obj: Option<&mut ZendObject>, handle: Option<&Handle>, out: Out) -> bool {
    deliver_inner(obj, handle, out).is_err()
}

fn deliver_inner(mut obj: Option<&mut ZendObject>, handle: Option<&Handle>, out: Out) -> Result<(), Bailout> {
    if out.bailout {
        return Err(Bailout);
    }
    if out.wrong_params {
        engine().wrong_param_count();
        return Ok(());
    }
    if let (Some(o), Some(cb)) = (obj.as_deref_mut(), out.callback) {
        engine().set_property(o, CALLBACK_PROPERTY, cb.unwrap_or_else(Zval::null))?;
    }
    if let Some(handle) = handle {
        failures(obj, handle, out.failures)?;
    }
    for (level, m) in &out.msgs {
        let t = match level {
            Level::Warning => ErrorType::Warning,
            Level::Notice => ErrorType::Notice,
        };
        engine().raise(&t, m)?;
    }
    Ok(())
}

fn failures(mut obj: Option<&mut ZendObject>, handle: &Handle, list: Failures) -> Result<(), Bailout> {
    for f in list {
        // Copy what is needed, then release the borrow before calling PHP.
        let info = {
            let mut st = handle.borrow_mut();
            st.servers.get_mut(f.server).map(|e| {
                e.last_status = 0;
                (e.host.clone(), e.port, e.spec.udp_port)
            })
        };
        let Some((host, port, udp)) = info else { continue };
        let cb = obj
            .as_deref()
            .and_then(|o| engine().property(o, CALLBACK_PROPERTY))
            .filter(|z| !z.is_null())
            .map(Zval::shallow_clone);
        match cb {
            None => {
                let m = format!("Server {host} (tcp {port}, udp {udp}) failed with: {} ({})", f.message, f.errnum);
                engine().raise(&ErrorType::Notice, &m)?;
            }
            Some(cb) if cb.is_callable() => {
                let mut args = [
                    str_zval(&host),
                    long_zval(i64::from(port)),
                    long_zval(i64::from(udp)),
                    str_zval(&f.message),
                    long_zval(f.errnum),
                ];
                engine().call_user(&cb, &mut args)?;
            }
            Some(_) => {
                // pecl forgets a callback that stopped being callable.
                if let Some(o) = obj.as_deref_mut() {
                    engine().set_property(o, CALLBACK_PROPERTY, Zval::null())?;
                }
                engine().raise(&ErrorType::Warning, "Invalid failure callback")?;
            }
        }
        if ExecutorGlobals::has_exception() {
            break;
        }
    }
    Ok(())
}

/// A PHP string zval of `s`.
pub fn str_zval(s: &str) -> Zval {
    let mut z = Zval::new();
    let _ = z.set_string(s, false);
    z
}

/// A zval from a Rust value that cannot fail to convert.
pub fn long_zval(n: i64) -> Zval {
    let mut z = Zval::new();
    z.set_long(n);
    z
}

pub fn bool_zval(b: bool) -> Zval {
    let mut z = Zval::new();
    z.set_bool(b);
    z
}
