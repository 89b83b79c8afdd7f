#!/usr/bin/env bash
# Build the reference, pecl memcache (Debian's php-memcache source package, unchanged), with
# phpize for a PHP that Debian ships no php-memcache for. Runs inside a matrix root
# (scripts/php-matrix.sh calls it through in_root).
#
#   bash scripts/pecl-ref-build.sh VERSION SRC_DIR OUT_DIR      -> OUT_DIR/memcache.so
#
# pecl memcache 8.2 (the newest there is) predates PHP 8.5 and 8.6. Its source is compiled as
# Debian ships it; what the newer headers no longer provide is supplied from outside, in a
# directory of stand-ins put on the include path and one header forced in with `-include`:
#   8.5+  ext/standard/php_smart_string{,_public}.h are gone: one-line headers that include
#         Zend's zend_smart_string{,_public}.h (which is all they ever did).
#   8.6   INI_INT, zval_dtor and WRONG_PARAM_COUNT are gone: their 8.5 definitions.
#         The session module's open() takes its save path and name as zend_string* (pecl's
#         PS_OPEN_FUNC reads them as char*): pecl's function is compiled under another name with
#         the old signature and ps_open_memcache becomes a wrapper passing ZSTR_VAL() of both.
#         PS_MOD() now names ps_create_sid_X / ps_validate_sid_X and no update_timestamp: it gets
#         its 8.5 definition back (PHP's default id creation, validation and timestamp update),
#         which is what pecl memcache 8.2 registers on 8.5.
# Nothing of pecl's code is changed or kept: the stand-ins are written here, at build time.
set -euo pipefail
v="$1"; src="$2"; out="$3"
phpize="phpize$v"; config="php-config$v"
cd "$src"
[ -f config.m4 ] || cd memcache-*/
inc="$("$config" --include-dir)"
shim="$out-shim"
rm -rf "$shim"; mkdir -p "$shim/ext/standard"
for h in php_smart_string php_smart_string_public; do
    [ -f "$inc/ext/standard/$h.h" ] || echo "#include \"zend_${h#php_}.h\"" >"$shim/ext/standard/$h.h"
done
forced=""
if ! grep -q 'define INI_INT' "$inc/Zend/zend_ini.h"; then
    forced="$shim/php86-compat.h"
    cat >"$forced" <<'EOF'
/* PHP 8.6 stand-ins for pecl memcache 8.2 (scripts/pecl-ref-build.sh says why) */
#define zval_dtor(zv) zval_ptr_dtor_nogc(zv)
#define WRONG_PARAM_COUNT { zend_wrong_param_count(); return; }
#define INI_INT(name) zend_ini_long((name), strlen(name), 0)
#include "php.h"
#include "ext/session/php_session.h"
#undef PS_OPEN_FUNC
#define PS_OPEN_FUNC(x) zend_result ps_open_##x##_cstr(void **mod_data, const char *save_path, const char *session_name)
#undef PS_MOD
#define PS_MOD(x) #x, ps_open_##x, ps_close_##x, ps_read_##x, ps_write_##x, ps_delete_##x, ps_gc_##x, \
    php_session_create_id, php_session_validate_sid, php_session_update_timestamp
zend_result ps_open_memcache_cstr(void **mod_data, const char *save_path, const char *session_name);
static inline zend_result ps_open_memcache(PS_OPEN_ARGS)
{
    return ps_open_memcache_cstr(mod_data, ZSTR_VAL(save_path), ZSTR_VAL(session_name));
}
EOF
fi
make distclean >/dev/null 2>&1 || true
"$phpize" >/dev/null 2>&1
CPPFLAGS="-I$shim" ./configure --with-php-config="$config" >/dev/null
make -j"$(nproc)" ${forced:+EXTRA_CFLAGS="-include $forced"} >/dev/null 2>make.err || { cat make.err; exit 1; }
mkdir -p "$out"
cp modules/memcache.so "$out/"
# it must load, and be pecl memcache
"php$v" -n -d "extension=$out/memcache.so" -r 'exit(class_exists("MemcachePool") && !function_exists("memcache_session_stats") ? 0 : 1);' \
    || { echo "pecl-ref-build: $out/memcache.so does not load as pecl memcache on PHP $v"; exit 1; }
echo "pecl-ref-build: pecl memcache $("php$v" -n -d "extension=$out/memcache.so" -r 'echo phpversion("memcache");') for PHP $v: $out/memcache.so"
