//! The `MemcachePool` and `Memcache` classes, as pecl memcache defines
//! them: plain internal classes without a constructor (registered, with
//! their methods' raw handlers, by the seam: `ffi::api_glue`), whose objects
//! keep their servers in the `connection` property (a "memcache connection"
//! resource, made and read through [`super::engine`]). Every method works
//! on either class and on user subclasses, constructed or not.

use ext_php_rs::types::ZendObject;

use super::engine::{engine, Bailout};
use super::object::{Handle, PoolState};

/// What an object's `connection` property holds.
pub enum Connection {
    /// No `connection` property: no server was ever added.
    Missing,
    /// Something else than a "memcache connection" resource.
    Invalid,
    Pool(Handle),
}

/// The pool of `obj`, as pecl's `mmc_get_pool` finds it.
pub fn connection(obj: &ZendObject) -> Connection {
    match engine().property(obj, "connection") {
        None => Connection::Missing,
        Some(z) => match engine().zval_pool(z) {
            Some(h) => Connection::Pool(h),
            None => Connection::Invalid,
        },
    }
}

/// The pool of `obj`, created (and stored in its `connection` property)
/// when it has none yet: what addServer()/connect() work on. Ok(None) when
/// the property holds something else (pecl: "Unknown connection
/// identifier").
pub fn connection_or_new(obj: &mut ZendObject) -> Result<Option<Handle>, Bailout> {
    match connection(obj) {
        Connection::Pool(h) => Ok(Some(h)),
        Connection::Invalid => Ok(None),
        Connection::Missing => {
            let h: Handle = Handle::new(PoolState::default().into());
            let stored = engine().set_property(obj, "connection", engine().pool_zval(h.clone()))?;
            Ok(stored.then_some(h))
        }
    }
}

/// Whether `obj` is a MemcachePool (or a subclass: Memcache, user classes).
pub fn is_pool(obj: &ZendObject) -> bool {
    engine().pool_ce().is_some_and(|ce| obj.instance_of(ce))
}

/// Whether `obj` is a Memcache (or a subclass).
pub fn is_memcache(obj: &ZendObject) -> bool {
    engine().memcache_ce().is_some_and(|ce| obj.instance_of(ce))
}

/// A new, empty `Memcache` object (memcache_connect()).
pub fn new_memcache() -> Option<ext_php_rs::boxed::ZBox<ZendObject>> {
    engine().memcache_ce().map(ZendObject::new)
}
