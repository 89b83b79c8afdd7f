dnl php-memcache for phpize and PIE: `phpize && ./configure && make && make install`.
dnl
dnl The extension is Rust (a cdylib built by cargo), not C: configure finds cargo and checks the
dnl toolchain; make runs `cargo build --release` for the PHP that phpize belongs to (Makefile.frag)
dnl and puts the library at modules/memcache.so; make install copies it into that PHP's extension
dnl directory, like any extension. The module is "memcache", as pecl memcache's: enable it with
dnl extension=memcache (PIE does) and do not enable pecl memcache as well.

PHP_ARG_ENABLE([memcache],
  [whether to build php-memcache (the Rust drop-in for pecl memcache)],
  [AS_HELP_STRING([--disable-memcache], [Do not build php-memcache])],
  [yes], [no])

PHP_ARG_WITH([cargo],
  [for the cargo to build with],
  [AS_HELP_STRING([--with-cargo=PATH],
    [cargo to build with (default: cargo on PATH, else $CARGO_HOME/bin or ~/.cargo/bin)])],
  [no], [no])

if test "$PHP_MEMCACHE" != "no"; then
  dnl ---- cargo, and a Rust new enough for the crates (edition 2024: Rust 1.85) ----------------------
  AC_MSG_CHECKING([for cargo])
  MEMCACHE_CARGO=""
  if test "$PHP_CARGO" != "no" && test "$PHP_CARGO" != "yes"; then
    MEMCACHE_CARGO="$PHP_CARGO"
  elif command -v cargo >/dev/null 2>&1; then
    MEMCACHE_CARGO=`command -v cargo`
  else
    for c in "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" "$HOME/.cargo/bin/cargo"; do
      if test -x "$c"; then MEMCACHE_CARGO="$c"; break; fi
    done
  fi
  if test -z "$MEMCACHE_CARGO" || test ! -x "$MEMCACHE_CARGO"; then
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([cargo not found. php-memcache is written in Rust: install a recent stable Rust with rustup
  (curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh), or pass --with-cargo=/path/to/cargo])
  fi
  AC_MSG_RESULT([$MEMCACHE_CARGO])

  AC_MSG_CHECKING([for Rust >= 1.85])
  memcache_cargo_version=`"$MEMCACHE_CARGO" --version 2>/dev/null`
  memcache_rust_major=`echo "$memcache_cargo_version" | sed -n 's/^cargo \([[0-9]][[0-9]]*\)\..*/\1/p'`
  memcache_rust_minor=`echo "$memcache_cargo_version" | sed -n 's/^cargo [[0-9]][[0-9]]*\.\([[0-9]][[0-9]]*\).*/\1/p'`
  if test -z "$memcache_rust_major" || test -z "$memcache_rust_minor" || test "$memcache_rust_major" -lt 1 || \
     { test "$memcache_rust_major" -eq 1 && test "$memcache_rust_minor" -lt 85; }; then
    AC_MSG_RESULT([no: $memcache_cargo_version])
    AC_MSG_ERROR([Rust 1.85 or newer is needed (Debian's packaged rustc is older): install stable Rust with rustup])
  fi
  AC_MSG_RESULT([yes, $memcache_rust_major.$memcache_rust_minor])

  dnl ---- libclang: bindgen reads the PHP headers through it --------------------------------------
  AC_MSG_CHECKING([for libclang])
  memcache_libclang=""
  if test -n "$LIBCLANG_PATH"; then
    memcache_libclang=`ls "$LIBCLANG_PATH"/libclang*.so* 2>/dev/null | head -1`
  fi
  if test -z "$memcache_libclang"; then
    memcache_libclang=`ls /usr/lib/llvm-*/lib/libclang.so* /usr/lib/*/libclang*.so* /usr/lib64/libclang.so* /usr/lib/libclang.so* /usr/local/lib/libclang.so* 2>/dev/null | head -1`
  fi
  if test -z "$memcache_libclang"; then
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([libclang not found: install libclang-dev and clang (Debian/Ubuntu), clang-devel (Fedora), or set LIBCLANG_PATH])
  fi
  AC_MSG_RESULT([$memcache_libclang])

  dnl ---- the PHP to build for: the one phpize belongs to (ext-php-rs reads PHP and PHP_CONFIG) -----
  MEMCACHE_PHP_CONFIG=`command -v "$PHP_CONFIG" 2>/dev/null || echo "$PHP_CONFIG"`
  MEMCACHE_PHP="$PHP_EXECUTABLE"
  memcache_php_version=`"$MEMCACHE_PHP_CONFIG" --version 2>/dev/null`
  AC_MSG_CHECKING([for the PHP to build for])
  AC_MSG_RESULT([$memcache_php_version ($MEMCACHE_PHP)])

  PHP_SUBST([MEMCACHE_CARGO])
  PHP_SUBST([MEMCACHE_PHP_CONFIG])
  PHP_SUBST([MEMCACHE_PHP])
  dnl (no C sources, so no PHP_NEW_EXTENSION: the fragment's paths are given here)
  PHP_ADD_BUILD_DIR([modules])
  PHP_ADD_MAKEFILE_FRAGMENT([$abs_srcdir/Makefile.frag], [$abs_srcdir], [$abs_builddir])
fi
