//! The Memcache API's objects: reaching the Rust state of a `MemcachePool`
//! / `Memcache` object, including objects of user subclasses whose own
//! constructor never called the parent's (pecl's classes have no
//! constructor, so such code is common): their Rust part is created on
//! first use.

use std::ptr;

use ext_php_rs::class::RegisteredClass;
use ext_php_rs::types::{ZendClassObject, ZendObject};

/// The `ZendClassObject<T>` around `obj`, created with `init()` if the
/// object was allocated by `T`'s handler but never constructed. None when
/// `obj` is not a `T` object.
pub fn class_object<T: RegisteredClass>(obj: &mut ZendObject, init: impl FnOnce() -> T) -> Option<&mut T> {
    if !ptr::eq(obj.handlers, T::get_metadata().handlers()) {
        return None;
    }
    // SAFETY: objects whose handlers are `T`'s were allocated by `T`'s
    // create_object handler as a `ZendClassObject<T>` (`#[repr(C)]`), whose
    // `std` field sits `handlers.offset` bytes from its start (ext-php-rs
    // sets `offset` to exactly that, and the engine relies on it to free the
    // object). `obj` is a live, exclusively borrowed object, so the
    // containing struct is too, for the same lifetime.
    let this: &mut ZendClassObject<T> = unsafe {
        let offset = (*obj.handlers).offset as usize;
        &mut *ptr::from_mut(obj).cast::<u8>().sub(offset).cast::<ZendClassObject<T>>()
    };
    if this.obj.is_none() {
        this.obj = Some(init());
    }
    this.obj.as_mut()
}
