//! The seam's side of [`crate::api::engine`]: the engine services the
//! Memcache API names, each forwarded to the seam function that makes the
//! call (and carries its safety argument). Installed at MINIT.

use ext_php_rs::flags::ErrorType;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;

use super::{api_object, engine, var};
use crate::api::engine::{Bailout, Engine, VarError};
use crate::api::object::Handle;

struct Seam;

impl Engine for Seam {
    fn serialize(&self, z: &Zval) -> Result<Vec<u8>, VarError> {
        var::serialize(z)
    }
    fn unserialize(&self, data: &[u8]) -> Result<Zval, VarError> {
        var::unserialize(data)
    }
    fn server_name(&self) -> Option<String> {
        super::server_name()
    }
    fn raise(&self, level: &ErrorType, message: &str) -> Result<(), Bailout> {
        engine::raise(level, message)
    }
    fn call_user(&self, callable: &Zval, args: &mut [Zval]) -> Result<(), Bailout> {
        engine::call_user(callable, args)
    }
    fn wrong_param_count(&self) {
        api_object::wrong_param_count();
    }
    fn property<'a>(&self, obj: &'a ZendObject, name: &str) -> Option<&'a Zval> {
        api_object::property(obj, name)
    }
    fn set_property(&self, obj: &mut ZendObject, name: &str, value: Zval) -> Result<bool, Bailout> {
        api_object::set_property(obj, name, value)
    }
    fn pool_zval(&self, h: Handle) -> Zval {
        api_object::pool_zval(h)
    }
    fn zval_pool(&self, z: &Zval) -> Option<Handle> {
        api_object::zval_pool(z)
    }
    fn pool_ce(&self) -> Option<&'static ClassEntry> {
        api_object::pool_ce()
    }
    fn memcache_ce(&self) -> Option<&'static ClassEntry> {
        api_object::memcache_ce()
    }
}

/// Hands the API its engine. Called once, from MINIT.
pub fn install() {
    static SEAM: Seam = Seam;
    crate::api::engine::install(&SEAM);
}
