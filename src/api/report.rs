//! Warnings, notices and failure callbacks of one call, collected as values
//! and delivered after the operation has returned and dropped every borrow
//! (a user error handler or a failure callback may throw, or call back into
//! the same object).

use ext_php_rs::error::php_error;
use ext_php_rs::flags::ErrorType;
use ext_php_rs::types::{ZendCallable, Zval};

use super::exec::Failures;
use super::object::Handle;

pub enum Level {
    Warning,
    Notice,
}

#[derive(Default)]
pub struct Out {
    pub msgs: Vec<(Level, String)>,
    pub failures: Failures,
}

impl Out {
    pub fn warn(&mut self, m: impl Into<String>) {
        self.msgs.push((Level::Warning, m.into()));
    }
    pub fn notice(&mut self, m: impl Into<String>) {
        self.msgs.push((Level::Notice, m.into()));
    }
}

/// Reports each server failure (pecl's notice, then the server's failure
/// callback or the object's), then emits the other messages, in pecl's order.
pub fn deliver(handle: Option<&Handle>, out: Out) {
    if let Some(handle) = handle {
        failures(handle, out.failures);
    }
    for (level, m) in &out.msgs {
        let t = match level {
            Level::Warning => ErrorType::Warning,
            Level::Notice => ErrorType::Notice,
        };
        php_error(&t, m);
    }
}

fn failures(handle: &Handle, list: Failures) {
    for f in list {
        // Copy what is needed, then release the borrow before calling PHP.
        let info = {
            let st = handle.borrow();
            st.servers.get(f.server).map(|e| {
                let cb = e.callback.as_ref().or(st.callback.as_ref()).map(|z| z.shallow_clone());
                (e.host.clone(), e.port, e.spec.udp_port, cb)
            })
        };
        let Some((host, port, udp, cb)) = info else { continue };
        if let Ok(mut st) = handle.try_borrow_mut() {
            if let Some(e) = st.servers.get_mut(f.server) {
                e.last_status = 0;
            }
        }
        // As pecl: a failure callback replaces the notice.
        if cb.is_none() {
            php_error(
                &ErrorType::Notice,
                &format!("Server {host} (tcp {port}, udp {udp}) failed with: {}", f.message),
            );
        }
        if let Some(cb) = cb {
            if let Ok(c) = ZendCallable::new(&cb) {
                let h = host.clone();
                let (p, u, m, n) = (i64::from(port), i64::from(udp), f.message.clone(), f.errnum);
                let _ = c.try_call(vec![&h, &p, &u, &m, &n]);
            }
            if ext_php_rs::zend::ExecutorGlobals::has_exception() {
                return;
            }
        }
    }
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
