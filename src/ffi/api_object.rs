//! The engine side of the Memcache API's objects, laid out as pecl memcache
//! lays them out, because scripts see the layout:
//! - `MemcachePool` and `Memcache` are plain internal classes (no
//!   constructor, dynamic properties allowed, serializable), so reflection,
//!   `var_dump()`, subclasses and `clone` behave as with pecl;
//! - an object's servers live in a resource of type "memcache connection"
//!   held by its `connection` property, created by the first
//!   addServer()/connect(). `var_dump()` shows it, a clone shares it, and a
//!   script that overwrites the property gets pecl's "Invalid
//!   MemcachePool->connection member variable" warning.
//!
//! Also here: the engine's own wording of a value's type (for argument
//! errors) and its "Wrong parameter count" error.

use std::ffi::{c_char, c_int, c_void};
use std::ptr;
use std::sync::atomic::{AtomicI32, AtomicPtr, Ordering};

use ext_php_rs::args::ArgInfoTables;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::ffi::{zend_resource, zval, ZEND_MODULE_API_NO};
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;

use crate::api::object::Handle;

/// `ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES` (PHP 8.2+; before 8.2 every class
/// allowed them and the bit meant something else).
const ALLOW_DYNAMIC_PROPERTIES: u32 = 1 << 15;

static POOL_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(ptr::null_mut());
static MEMCACHE_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(ptr::null_mut());

/// The resource type id of "memcache connection" (-1 before MINIT).
static LE_POOL: AtomicI32 = AtomicI32::new(-1);

unsafe extern "C" {
    fn zend_register_list_destructors_ex(
        ld: Option<unsafe extern "C" fn(*mut zend_resource)>,
        pld: Option<unsafe extern "C" fn(*mut zend_resource)>,
        type_name: *const c_char,
        module_number: c_int,
    ) -> c_int;
    fn zend_register_resource(ptr: *mut c_void, kind: c_int) -> *mut zend_resource;
    fn zend_zval_type_name(arg: *const zval) -> *const c_char;
    fn zend_fetch_resource_ex(res: *mut zval, resource_type_name: *const c_char, resource_type: c_int) -> *mut c_void;
    fn zend_wrong_param_count();
}

/// The class entry of `MemcachePool` (None before MINIT).
pub fn pool_ce() -> Option<&'static ClassEntry> {
    // SAFETY: set once in MINIT to a class entry the engine keeps for the
    // life of the process (internal classes are never freed before MSHUTDOWN).
    unsafe { POOL_CE.load(Ordering::Acquire).as_ref() }
}

/// The class entry of `Memcache` (None before MINIT).
pub fn memcache_ce() -> Option<&'static ClassEntry> {
    // SAFETY: as in pool_ce.
    unsafe { MEMCACHE_CE.load(Ordering::Acquire).as_ref() }
}

fn pool_ce_or_panic() -> &'static ClassEntry {
    // Only called by the engine while registering `Memcache`, after
    // `MemcachePool` was registered (register_classes orders them).
    pool_ce().expect("MemcachePool is registered before Memcache")
}

fn park(tables: ArgInfoTables) {
    // The engine keeps pointers into the argument info of internal methods
    // for the life of the process: the tables are never freed.
    std::mem::forget(tables);
}

fn allow_dynamic_properties(ce: &mut ClassEntry) {
    if ZEND_MODULE_API_NO >= 20220829 {
        ce.ce_flags |= ALLOW_DYNAMIC_PROPERTIES;
    }
}

/// Registers `MemcachePool` (from `pool`) and `Memcache extends
/// MemcachePool` (from `memcache`), both plain classes as pecl registers
/// them. Called from MINIT.
pub fn register_classes(pool: ClassBuilder, memcache: ClassBuilder) -> Result<(), String> {
    pool.flags(ClassFlags::empty())
        .registration(|ce, tables| {
            allow_dynamic_properties(ce);
            POOL_CE.store(ptr::from_mut(ce), Ordering::Release);
            park(tables);
        })
        .register()
        .map_err(|e| format!("MemcachePool: {e}"))?;
    memcache
        .flags(ClassFlags::empty())
        .extends((pool_ce_or_panic, "MemcachePool"))
        .registration(|ce, tables| {
            allow_dynamic_properties(ce);
            MEMCACHE_CE.store(ptr::from_mut(ce), Ordering::Release);
            park(tables);
        })
        .register()
        .map_err(|e| format!("Memcache: {e}"))
}

unsafe extern "C" fn pool_dtor(res: *mut zend_resource) {
    super::guard("memcache connection destructor", (), || {
        // SAFETY: the engine calls this once per resource of our type, whose
        // `ptr` we set to a Box<Handle> in `pool_zval` (or null after a
        // previous run); taking it out makes a second call a no-op.
        unsafe {
            let p = std::mem::replace(&mut (*res).ptr, ptr::null_mut());
            if !p.is_null() {
                drop(Box::from_raw(p.cast::<Handle>()));
            }
        }
    });
}

/// Registers the "memcache connection" resource type. Called from MINIT.
pub fn register_resource_type(module_number: i32) {
    // SAFETY: called in MINIT with our module number; the name is a static
    // C string the engine only reads.
    let id = unsafe {
        zend_register_list_destructors_ex(Some(pool_dtor), None, c"memcache connection".as_ptr(), module_number)
    };
    LE_POOL.store(id, Ordering::Release);
}

/// A new "memcache connection" resource holding `h`, as a zval that owns
/// the resource's one reference.
pub fn pool_zval(h: Handle) -> Zval {
    let raw = Box::into_raw(Box::new(h));
    let mut z = Zval::new();
    // SAFETY: zend_register_resource takes ownership of nothing but the
    // pointer value; it returns a new resource with refcount 1 in the
    // request's resource list. The zval takes that reference (set_resource
    // does not add one), and the engine calls pool_dtor, which frees the
    // box, when the last reference goes or the request ends.
    unsafe {
        let res = zend_register_resource(raw.cast(), LE_POOL.load(Ordering::Acquire));
        z.set_resource(res);
    }
    z
}

/// The pool held by a "memcache connection" resource zval; None for any
/// other value.
pub fn zval_pool(z: &Zval) -> Option<Handle> {
    let res = z.resource()?;
    // SAFETY: `resource()` returned the live resource of a live zval; a
    // resource of our type carries a Box<Handle> (or null once destroyed).
    unsafe {
        if (*res).type_ != LE_POOL.load(Ordering::Acquire) || (*res).ptr.is_null() {
            return None;
        }
        Some((*(*res).ptr.cast::<Handle>()).clone())
    }
}

/// What pecl does with a `connection` property that holds no pool of
/// ours: `zend_fetch_resource_ex`, which throws the engine's TypeError
/// ("...(): supplied argument is not a valid connection resource", or
/// "supplied resource is not ..." for another kind of resource). pecl asks
/// it for any value when adding a server, and only for resources when it
/// looks the pool up for an operation (`always` false).
pub fn connection_type_error(obj: &ZendObject, always: bool) {
    let Some(z) = property(obj, "connection") else { return };
    if !always && !z.is_resource() {
        return;
    }
    if zval_pool(z).is_some() {
        return;
    }
    let mut copy = z.shallow_clone();
    // SAFETY: zend_fetch_resource_ex only reads the zval (a copy we own)
    // and, as it fails here, throws a TypeError naming the running
    // function; no user code runs.
    unsafe {
        zend_fetch_resource_ex(ptr::from_mut(&mut copy).cast(), c"connection".as_ptr(), LE_POOL.load(Ordering::Acquire));
    }
}

/// Property `name` of `obj` as the engine stores it (dynamic or declared),
/// references and indirections resolved; None when the object has no such
/// property. Reads the property table directly, so a missing property
/// raises no "Undefined property" warning and no `__get` runs.
pub fn property<'a>(obj: &'a ZendObject, name: &str) -> Option<&'a Zval> {
    let props = obj.get_properties().ok()?;
    let z = props.get(name)?;
    let z = if z.is_indirect() { z.indirect()? } else { z };
    // An unset declared property is an UNDEF slot.
    if z.get_type() == ext_php_rs::flags::DataType::Undef {
        return None;
    }
    Some(z.dereference())
}

/// Sets property `name` of `obj` (creating a dynamic property if needed).
/// The engine's write handler may run user code (a subclass's `__set`),
/// so this goes through [`super::engine::call`]. Ok(false) when the engine
/// refused the write (e.g. a readonly property).
pub fn set_property(obj: &mut ZendObject, name: &str, value: Zval) -> Result<bool, super::engine::Bailout> {
    super::engine::call(|| obj.set_property(name, value).is_ok())
}

/// The type of `z` as the engine's own argument errors name it
/// (`zend_zval_type_name`: the class name for objects on PHP 8.2, "int",
/// "string", "null", ...).
pub fn type_name(z: &Zval) -> String {
    // SAFETY: zend_zval_type_name only reads the zval and returns a pointer
    // to a static string or to the class name, live while the zval is.
    unsafe {
        let p = zend_zval_type_name(ptr::from_ref(z).cast());
        if p.is_null() {
            return "mixed".into();
        }
        String::from_utf8_lossy(super::cstr_bytes(p)).into_owned()
    }
}

/// The type bits of a zend_type mask that say how an argument is passed
/// (by reference, variadic), kept when the type itself is rewritten.
const SEND_BITS: u32 = (3 << ext_php_rs::ffi::_ZEND_SEND_MODE_SHIFT) | ext_php_rs::ffi::_ZEND_IS_VARIADIC_BIT;

/// Rewrites the declared types of a registered internal function (`scope`
/// None) or method: `params[i]` is the MAY_BE_* mask of parameter i (0:
/// untyped; None: leave it, e.g. a class type), `ret` the return type's.
/// Called in MINIT, before any script runs.
pub fn set_arg_types(scope: Option<&ClassEntry>, name: &str, params: &[Option<u32>], ret: Option<u32>) {
    let table: *const ext_php_rs::ffi::HashTable = match scope {
        Some(ce) => ptr::from_ref(&ce.function_table),
        // SAFETY: the compiler globals exist from engine startup on (the
        // wrapper finds this thread's under ZTS); in MINIT their function
        // table holds every internal function (EG(function_table) is only
        // set per request).
        None => unsafe {
            ext_php_rs::ffi::ext_php_rs_compiler_globals()
                .as_ref()
                .map_or(ptr::null(), |cg| cg.function_table.cast_const())
        },
    };
    if table.is_null() {
        return;
    }
    // SAFETY: in MINIT the function tables are complete and nothing else
    // runs. A found entry is a zend_function registered by us (internal);
    // its arg_info array has num_args entries after a return-type entry at
    // index -1 (the engine's layout for internal functions), in memory the
    // engine or ext-php-rs allocated for the life of the process. Only the
    // type masks of untyped/scalar entries are written (class types, whose
    // `ptr` names the class, are skipped).
    unsafe {
        let f = ext_php_rs::ffi::zend_hash_str_find_ptr_lc(table, name.as_ptr().cast(), name.len())
            .cast::<ext_php_rs::ffi::zend_function>();
        if f.is_null() {
            return;
        }
        let func = &mut (*f).internal_function;
        if func.arg_info.is_null() {
            return;
        }
        for (i, mask) in params.iter().enumerate().take(func.num_args as usize) {
            if let Some(mask) = mask {
                let t = &mut (*func.arg_info.add(i)).type_;
                if t.ptr.is_null() {
                    t.type_mask = (t.type_mask & SEND_BITS) | mask;
                }
            }
        }
        if let Some(mask) = ret {
            let t = &mut (*func.arg_info.sub(1)).type_;
            if t.ptr.is_null() {
                t.type_mask = (t.type_mask & SEND_BITS) | mask;
            }
        }
    }
}

/// Throws the engine's ArgumentCountError "Wrong parameter count for
/// Class::method()" for the function being called.
pub fn wrong_param_count() {
    // SAFETY: called from inside one of our function handlers, where the
    // engine's current execute data names the function; it only throws.
    unsafe { zend_wrong_param_count() }
}
