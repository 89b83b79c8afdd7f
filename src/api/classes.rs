//! The `MemcachePool` and `Memcache` classes. Both objects carry the same
//! state ([`Handle`]); the methods are raw handlers (see [`super::glue`])
//! so that parameter names, optional arguments and by-reference flags match
//! pecl memcache's reflection, and so that every method works on either
//! class and on user subclasses (whose objects are created by the parent's
//! handler and so carry one of these two layouts).

use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendObject;

use crate::ffi::api_object::class_object;

use super::glue;
use super::object::Handle;

#[php_class]
#[php(name = "MemcachePool", modifier = pool_modifier)]
pub struct MemcachePoolObject {
    pub(crate) state: Handle,
}

#[php_impl]
impl MemcachePoolObject {
    pub fn __construct() -> Self {
        Self { state: Handle::default() }
    }
}

#[php_class]
#[php(name = "Memcache", modifier = memcache_modifier)]
#[php(extends(MemcachePoolObject))]
pub struct MemcacheObject {
    pub(crate) state: Handle,
}

#[php_impl]
impl MemcacheObject {
    pub fn __construct() -> Self {
        Self { state: Handle::default() }
    }
}

fn pool_modifier(b: ClassBuilder) -> ClassBuilder {
    glue::pool_methods(b)
}

fn memcache_modifier(b: ClassBuilder) -> ClassBuilder {
    glue::memcache_methods(b)
}

/// The state of a MemcachePool/Memcache object (or of a user subclass,
/// created on first use when its constructor did not call the parent's).
///
/// The classes deliberately implement no `Default`: ext-php-rs would then
/// build every object, including a subclass's, as the base class itself.
pub fn handle_of(obj: &mut ZendObject) -> Option<Handle> {
    if let Some(o) = class_object::<MemcachePoolObject>(obj, || MemcachePoolObject::__construct()) {
        return Some(o.state.clone());
    }
    class_object::<MemcacheObject>(obj, || MemcacheObject::__construct()).map(|o| o.state.clone())
}
