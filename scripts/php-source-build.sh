#!/usr/bin/env bash
# Builds a debug + ZTS PHP from Debian's PHP source package, and pecl memcache (the reference the
# phpt suite compares against) for it with phpize. Used by scripts/zts-debug.sh (the CI leg).
#
#   bash scripts/php-source-build.sh [PREFIX]
#
# PREFIX (default $PHP_MEMCACHE_CACHE/php-8.2-debug-zts, PHP_MEMCACHE_CACHE defaulting to
# /var/cache/php-memcache) receives bin/php, bin/php-config, bin/phpize, lib/libphp.so (the embed
# SAPI, for the threaded test), lib/php/build/run-tests.php and the reference
# lib/php/extensions/<api>/memcache.so. A finished build is reused while PREFIX/.stamp matches
# this script and the source versions; delete PREFIX to rebuild.
#
# Sources, without touching the system's apt configuration (a private apt state under the cache):
#   php8.2        Debian bookworm source package, Debian's patches applied (dpkg-source)
#   php-memcache  Debian trixie source package (pecl memcache 8.2; bookworm's tarball is not on
#                 the mirror)
# The configure line is minimal on purpose (--disable-all plus what the suite and run-tests.php
# use): the build is about the engine's debug checks and thread safety, not about extensions.
# openssl is there because php-tests/800 checks with PHP's own tls:// stream that items are on the
# TLS daemons; pcntl because php-tests/805 forks.
# Environment: PHP_SOURCE_SERIES (8.2), PHP_SOURCE_SUITE (bookworm), MAKE_JOBS (nproc).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

SERIES="${PHP_SOURCE_SERIES:-8.2}"
SUITE="${PHP_SOURCE_SUITE:-bookworm}"
CACHE="${PHP_MEMCACHE_CACHE:-/var/cache/php-memcache}"
PREFIX="${1:-$CACHE/php-$SERIES-debug-zts}"
WORK="$CACHE/src"
JOBS="${MAKE_JOBS:-$(nproc)}"
log() { printf 'php-source-build: %s\n' "$*" >&2; }
t0=$(date +%s)

# ---- build tools (the host's own apt: these are ordinary Debian packages) ------------------------
need=()
for p in build-essential pkg-config autoconf automake libtool bison re2c zlib1g-dev libssl-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
    log "apt-get install ${need[*]}"
    apt-get -o DPkg::Lock::Timeout=900 update -q >&2
    apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${need[@]}" >&2
fi

# ---- source packages (scripts/debian-source.sh: a private apt configuration) -----------------------
mkdir -p "$WORK"
PHP_SRC_VER="$(bash scripts/debian-source.sh "php$SERIES" "$WORK/php-src-$SERIES" "$SUITE")"
MC_SRC_VER="$(bash scripts/debian-source.sh php-memcache "$WORK/memcache-src" trixie)"
log "sources: php$SERIES $PHP_SRC_VER, php-memcache $MC_SRC_VER (Debian's patches applied)"

# What the suite needs beyond the engine: session (the save handler), posix (posix_kill in the
# harness), the CLI (run-tests.php), embed (the threaded test links libphp.so).
CONFIGURE=(--prefix="$PREFIX" --with-config-file-path="$PREFIX/etc"
    --with-config-file-scan-dir="$PREFIX/etc/conf.d"
    --enable-debug --enable-zts --disable-all --disable-cgi --disable-phpdbg --without-pear
    --enable-cli --enable-embed=shared --enable-session --enable-posix --enable-pcntl --with-openssl)
PHP_STAMP="php$SERIES=$PHP_SRC_VER configure=$(printf '%s\n' "${CONFIGURE[@]}" | sha1sum | cut -c1-12)"
STAMP="$PHP_STAMP php-memcache=$MC_SRC_VER script=$(sha1sum "$0" | cut -c1-12)"
if [ -f "$PREFIX/.stamp" ] && [ "$(cat "$PREFIX/.stamp")" = "$STAMP" ] && [ -x "$PREFIX/bin/php" ]; then
    log "reusing $PREFIX ($STAMP)"
    exit 0
fi

# ---- PHP: debug + ZTS, minimal ---------------------------------------------------------------------
if [ -f "$PREFIX/.php-stamp" ] && [ "$(cat "$PREFIX/.php-stamp")" = "$PHP_STAMP" ] && [ -x "$PREFIX/bin/php" ]; then
    log "reusing the PHP build in $PREFIX ($PHP_STAMP)"
else
    cd "$WORK/php-src-$SERIES"
    log "buildconf (Debian's patches change the build system)"
    PHP_AUTOCONF=autoconf PHP_AUTOHEADER=autoheader ./buildconf --force >/dev/null 2>&1
    rm -rf "$PREFIX"
    log "configure ${CONFIGURE[*]}"
    ./configure "${CONFIGURE[@]}" >"$WORK/php-configure.log" 2>&1 || { tail -30 "$WORK/php-configure.log"; exit 1; }
    log "make -j$JOBS"
    t=$(date +%s)
    nice -n 10 make -j"$JOBS" >"$WORK/php-make.log" 2>&1 || { tail -40 "$WORK/php-make.log"; exit 1; }
    make install >"$WORK/php-install.log" 2>&1 || { tail -30 "$WORK/php-install.log"; exit 1; }
    log "PHP built and installed in $(( $(date +%s) - t ))s"
    mkdir -p "$PREFIX/etc/conf.d" "$PREFIX/share"
    # Debian's phpize (patched for /usr) takes libtool's and pkg-config's m4 files from
    # PREFIX/share/aclocal: that is /usr/share/aclocal here too.
    ln -sfn /usr/share/aclocal "$PREFIX/share/aclocal"
    echo "$PHP_STAMP" >"$PREFIX/.php-stamp"
fi
"$PREFIX/bin/php" -n -r 'echo PHP_VERSION, " ZTS=", PHP_ZTS, " DEBUG=", PHP_DEBUG, "\n";' >&2

# ---- the reference: pecl memcache for this PHP, with phpize ----------------------------------------
cd "$WORK/memcache-src"
[ -f config.m4 ] || cd memcache-*/
log "pecl memcache $(sed -n 's/.*<release>\(.*\)<\/release>.*/\1/p' ../package.xml 2>/dev/null | head -1): phpize && configure && make"
"$PREFIX/bin/phpize" >"$WORK/memcache-phpize.log" 2>&1 || { cat "$WORK/memcache-phpize.log"; exit 1; }
./configure --with-php-config="$PREFIX/bin/php-config" --enable-memcache --enable-memcache-session \
    >"$WORK/memcache-configure.log" 2>&1 || { tail -30 "$WORK/memcache-configure.log"; exit 1; }
nice -n 10 make -j"$JOBS" >"$WORK/memcache-make.log" 2>&1 || { tail -40 "$WORK/memcache-make.log"; exit 1; }
make install >/dev/null
"$PREFIX/bin/php" -n -d extension=memcache.so -r 'echo "reference pecl memcache ", phpversion("memcache"), " loads\n";' >&2

echo "$STAMP" >"$PREFIX/.stamp"
log "done in $(( $(date +%s) - t0 ))s: $PREFIX"
