#!/usr/bin/env bash
# Fetches a Debian source package without touching the system's apt configuration (a private apt
# state under the cache directory) and unpacks it with Debian's patches applied.
#
#   bash scripts/debian-source.sh PACKAGE DEST [SUITE...]      (default suites: bookworm trixie)
#
# Prints the version unpacked into DEST (replaced). Not every version the index lists has its
# files on the mirror (the security archive's source files often are not): the newest that
# downloads wins. Downloads are kept in $PHP_MEMCACHE_CACHE/src (default /var/cache/php-memcache).
set -euo pipefail
export LC_ALL=C
PKG="$1"; DEST="$2"; shift 2
SUITES="${*:-bookworm trixie}"
CACHE="${PHP_MEMCACHE_CACHE:-/var/cache/php-memcache}"
APTDIR="$CACHE/apt-src"
WORK="$CACHE/src"
log() { printf 'debian-source: %s\n' "$*" >&2; }

need=()
for p in dpkg-dev debian-archive-keyring xz-utils; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
    apt-get -o DPkg::Lock::Timeout=900 update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${need[@]}" >&2
fi

mkdir -p "$APTDIR/lists/partial" "$WORK"
key="$(echo "$SUITES" | tr ' ' '-')"
src="$APTDIR/$key.sources"
lists="$APTDIR/lists-$key"
mkdir -p "$lists/partial"
{
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\n' "$SUITES"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n'
    sec=""
    for s in $SUITES; do case "$s" in sid|unstable|experimental) ;; *) sec="$sec $s-security" ;; esac; done
    if [ -n "$sec" ]; then
        printf 'Types: deb-src\nURIs: http://deb.debian.org/debian-security\nSuites:%s\nComponents: main\n' "$sec"
        printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
} >"$src"
APTOPT=(-o "Dir::State::Lists=$lists" -o "Dir::Etc::sourcelist=$src" -o Dir::Etc::sourceparts=-
        -o Dir::State::status=/dev/null -o APT::Sandbox::User=root -o Acquire::Check-Valid-Until=false)
# the index, at most once an hour
if [ -z "$(find "$lists" -maxdepth 1 -name '*Sources*' -mmin -60 2>/dev/null | head -1)" ]; then
    apt-get -q "${APTOPT[@]}" update >/dev/null 2>"$APTDIR/update-$key.err" \
        || { cat "$APTDIR/update-$key.err" >&2; exit 1; }
fi
for v in $(apt-cache "${APTOPT[@]}" showsrc "$PKG" 2>/dev/null | awk '/^Version:/ {print $2}' | sort -Vr | uniq); do
    dsc="$WORK/${PKG}_${v#*:}.dsc"
    if [ ! -f "$dsc" ] && ! (cd "$WORK" && apt-get -q "${APTOPT[@]}" source --download-only "$PKG=$v" >/dev/null 2>&1); then
        log "$PKG $v: not on the mirror, trying an older version"
        continue
    fi
    rm -rf "$DEST"; mkdir -p "$(dirname "$DEST")"
    dpkg-source --no-check -x "$dsc" "$DEST" >/dev/null
    echo "$v"
    exit 0
done
log "no fetchable source package $PKG in: $SUITES"
exit 1
