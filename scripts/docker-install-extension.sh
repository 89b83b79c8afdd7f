#!/bin/sh
# Installs the extension from /opt/php-memcache (the Docker image's artifact) into the PHP of the
# image it runs in: /opt/php-memcache/install.sh in a Dockerfile (docs/INSTALL.md).
#
# Refuses (exit 1, saying why) a PHP the .so was not built for: another minor version (Zend
# module API), ZTS vs NTS, debug vs release; PHP itself would refuse to load it anyway, with a
# less clear message at every start. Then copies php_memcache_rs.so into the extension
# directory, enables it for every SAPI (Debian's phpenmod where /etc/php/X.Y/mods-available
# exists, else an ini file in the scan directory `php --ini` names), and checks that `php`
# now loads php-memcache.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
PHP="${PHP:-php}"
want="$(cat "$HERE/BUILT-FOR")"            # e.g. "20220829 NTS release"
have="$("$PHP" -n -r 'ob_start(); phpinfo(INFO_GENERAL); preg_match("/^PHP Extension => (\d+)/m", ob_get_clean(), $m);
    echo $m[1] ?? "?", " ", PHP_ZTS ? "ZTS" : "NTS", " ", PHP_DEBUG ? "debug" : "release";')"
if [ "$want" != "$have" ]; then
    echo "php-memcache: this php_memcache_rs.so was built for PHP API $want; $PHP is API $have." >&2
    echo "php-memcache: build it for this PHP instead (docs/INSTALL.md: PIE, or make build)." >&2
    exit 1
fi
extdir="$("$PHP" -n -r 'echo PHP_EXTENSION_DIR;')"
install -d "$extdir"
install -m 0644 "$HERE/php_memcache_rs.so" "$extdir/php_memcache_rs.so"
series="$("$PHP" -n -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
if [ -d "/etc/php/$series/mods-available" ] && command -v phpenmod >/dev/null 2>&1; then
    install -m 0644 "$HERE/memcache-rs.ini" "/etc/php/$series/mods-available/memcache-rs.ini"
    phpenmod -v "$series" memcache-rs
    where="/etc/php/$series/mods-available/memcache-rs.ini (phpenmod: every SAPI)"
else
    scan="$("$PHP" --ini | sed -n 's/^Scan for additional .ini files in: *//p' | cut -d: -f1)"
    if [ -z "$scan" ] || [ "$scan" = "(none)" ]; then
        echo "php-memcache: $PHP has no ini scan directory: add extension=php_memcache_rs.so to its php.ini" >&2
        exit 1
    fi
    install -d "$scan"
    install -m 0644 "$HERE/memcache-rs.ini" "$scan/20-memcache-rs.ini"
    where="$scan/20-memcache-rs.ini"
fi
if "$PHP" -m 2>&1 | grep -q 'Module "memcache" is already loaded'; then
    echo "php-memcache: pecl memcache is enabled too (both are module \"memcache\"): remove it from this image" >&2
    exit 1
fi
"$PHP" -r 'exit(function_exists("memcache_session_stats") ? 0 : 1);' || {
    echo "php-memcache: installed, but $PHP does not load it (see php --ini)" >&2; exit 1; }
echo "php-memcache $("$PHP" -r 'echo phpversion("memcache");') installed: $extdir/php_memcache_rs.so, enabled by $where"
