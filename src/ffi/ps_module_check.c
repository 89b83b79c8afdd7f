/* Compile-time check (build.rs, `cc -fsyntax-only`) that the `ps_module` of the PHP headers we
 * build for is the struct src/ffi/session_module.rs declares by hand (`PsModule`): the same
 * fields in the same order, at the same offsets, with the same function types. The Rust side
 * asserts the same offsets and size (const assertions next to `PsModule`), so a PHP that changes
 * the struct fails the build instead of calling through a wrong function pointer.
 *
 * PHP_MEMCACHE_OPEN_ZSTR is defined when build.rs sets the php_ps_open_zend_string cfg (8.6+:
 * open() gets zend_string* arguments). */
#include "php.h"
#include "ext/session/php_session.h"
#include <stddef.h>

#define P sizeof(void *)
#define SAME(field, type) __builtin_types_compatible_p(__typeof__(((ps_module *)0)->field), type)

#ifdef PHP_MEMCACHE_OPEN_ZSTR
typedef zend_result (*open_mut_t)(void **, zend_string *, zend_string *);
typedef zend_result (*open_const_t)(void **, const zend_string *, const zend_string *);
#else
typedef zend_result (*open_mut_t)(void **, const char *, const char *);
typedef open_mut_t open_const_t;
#endif

_Static_assert(sizeof(ps_module) == 10 * P, "ps_module: size is not 10 pointers");
_Static_assert(offsetof(ps_module, s_name) == 0 * P && SAME(s_name, const char *), "ps_module.s_name");
_Static_assert(offsetof(ps_module, s_open) == 1 * P && (SAME(s_open, open_mut_t) || SAME(s_open, open_const_t)), "ps_module.s_open");
_Static_assert(offsetof(ps_module, s_close) == 2 * P && SAME(s_close, zend_result (*)(void **)), "ps_module.s_close");
_Static_assert(offsetof(ps_module, s_read) == 3 * P && SAME(s_read, zend_result (*)(void **, zend_string *, zend_string **, zend_long)), "ps_module.s_read");
_Static_assert(offsetof(ps_module, s_write) == 4 * P && SAME(s_write, zend_result (*)(void **, zend_string *, zend_string *, zend_long)), "ps_module.s_write");
_Static_assert(offsetof(ps_module, s_destroy) == 5 * P && SAME(s_destroy, zend_result (*)(void **, zend_string *)), "ps_module.s_destroy");
_Static_assert(offsetof(ps_module, s_gc) == 6 * P && SAME(s_gc, zend_long (*)(void **, zend_long, zend_long *)), "ps_module.s_gc");
_Static_assert(offsetof(ps_module, s_create_sid) == 7 * P && SAME(s_create_sid, zend_string *(*)(void **)), "ps_module.s_create_sid");
_Static_assert(offsetof(ps_module, s_validate_sid) == 8 * P && SAME(s_validate_sid, zend_result (*)(void **, zend_string *)), "ps_module.s_validate_sid");
_Static_assert(offsetof(ps_module, s_update_timestamp) == 9 * P && SAME(s_update_timestamp, zend_result (*)(void **, zend_string *, zend_string *, zend_long)), "ps_module.s_update_timestamp");
/* src/ffi/zpp.rs hands zend_parse_parameters' 'f' two buffers of FCALL_BUF bytes, aligned to 16,
 * for the zend_fcall_info and zend_fcall_info_cache it writes (ext-php-rs has no binding of
 * zend_fcall_info for every PHP: none for 8.6). */
#define FCALL_BUF 128
_Static_assert(sizeof(zend_fcall_info) <= FCALL_BUF && _Alignof(zend_fcall_info) <= 16, "zend_fcall_info outgrew zpp.rs's buffer");
_Static_assert(sizeof(zend_fcall_info_cache) <= FCALL_BUF && _Alignof(zend_fcall_info_cache) <= 16, "zend_fcall_info_cache outgrew zpp.rs's buffer");
/* zend_result is an int-sized enum: the Rust side returns c_int. */
_Static_assert(sizeof(zend_result) == sizeof(int), "zend_result is not int-sized");
