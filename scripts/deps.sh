#!/usr/bin/env bash
# Install what building and testing php-memcache needs on Debian/Ubuntu, and nothing that is
# already there. Idempotent: a second run only checks (dpkg -s) and exits.
#
#   bash scripts/deps.sh
#
# Installs when missing: PHP headers (php8.2-dev, else php-dev), the PHP CLI, memcached, clang +
# libclang-dev (bindgen), sasl2-bin (saslpasswd2, for the SASL test's sasldb) and
# openssl (the CLI: scripts/tls-certs.sh makes the TLS tests' certificates), ca-certificates (the
# system trust store, memcache.tls_ca_file's default), libsasl2-modules (memcached -S needs its PLAIN mechanism; --no-install-recommends leaves it
# out), pecl memcache (the reference the tests compare against), curl and netcat-openbsd (demo,
# daemon checks), a C toolchain; pecl memcached (bench/ only) where the archive has it for this
# PHP. Runs apt-get update once, only when something is missing. Needs root or sudo for that. Rust
# is not installed here: the script checks that cargo exists and says how to get it.
#
# The PHP series is $PHP_CONFIG's when set (scripts/test.sh passes the PHP it tests), else the
# installed php8.x-cli/-dev, else 8.2. MEMCACHE_EXT_PECL naming an existing .so (a reference
# built by hand, as for PHP versions Debian has no php8.x-memcache for) replaces the package;
# MEMCACHE_EXT_PECL=none (no reference can be had for this PHP) needs none.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

log() { printf 'deps: %s\n' "$*" >&2; }

installed() { # any of the given packages installed?
    local p
    for p in "$@"; do
        if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            return 0
        fi
    done
    return 1
}

has_candidate() { # does apt know an installable version of $1?
    local c
    c="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')"
    [ -n "$c" ] && [ "$c" != "(none)" ]
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    log "not a Debian/Ubuntu system (no dpkg/apt-get): install by hand php-dev, php-cli, memcached, clang, libclang-dev, php-memcache, php-memcached, curl, netcat"
    exit 1
fi

# Each requirement: alternatives separated by '|', the preferred first. The PHP series is picked
# from what is installed (php8.2-* first), else what the archive offers.
PHPV=""
if [ -n "${PHP_CONFIG:-}" ]; then
    PHPV="$("$PHP_CONFIG" --version 2>/dev/null | cut -d. -f1,2 || true)"
fi
if [ -z "$PHPV" ]; then
    for v in 8.2 8.3 8.4 8.5 8.6 8.1; do
        if installed "php$v-cli" || installed "php$v-dev"; then PHPV="$v"; break; fi
    done
fi
versioned() { # $1 = package suffix -> "php8.2-dev|php-dev" (the installed series if not 8.2)
    printf 'php%s-%s|php-%s' "${PHPV:-8.2}" "$1" "$1"
}

REQS=(
    "$(versioned dev)"
    "$(versioned cli)"
    "memcached"
    "libclang-dev"
    "clang"
    "curl"
    "netcat-openbsd"
    "sasl2-bin"
    "libsasl2-modules"
    "openssl"
    "ca-certificates"
)
# MEMCACHE_EXT_PECL=none: no reference for this PHP (none packaged or built yet); the tests that
# compare with it skip, saying so.
if [ "${MEMCACHE_EXT_PECL:-}" != none ] && { [ -z "${MEMCACHE_EXT_PECL:-}" ] || [ ! -f "${MEMCACHE_EXT_PECL:-}" ]; }; then
    REQS+=("$(versioned memcache)")
fi
# wanted but not required: pecl memcached is only for bench/ (absent from Debian for new PHPs)
OPTIONAL=("php${PHPV:-8.2}-memcached")
# a C compiler and linker for cargo (the rust image has them; a bare Debian may not)
if ! command -v cc >/dev/null 2>&1; then REQS+=("build-essential"); fi
# pkg-config is used by some -sys crates
if ! command -v pkg-config >/dev/null 2>&1; then REQS+=("pkg-config|pkgconf"); fi

missing=()
for req in "${REQS[@]}"; do
    IFS='|' read -r -a alts <<<"$req"
    if ! installed "${alts[@]}"; then missing+=("$req"); fi
done
optional=()
for o in "${OPTIONAL[@]}"; do installed "$o" || optional+=("$o"); done

if [ "${#missing[@]}" -eq 0 ]; then
    log "all system packages present"
else
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO="sudo"
        else
            log "missing: ${missing[*]}; run this script as root (or install sudo)"
            exit 1
        fi
    fi
    log "missing: ${missing[*]}"
    log "apt-get update"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    pkgs=()
    for req in "${missing[@]}"; do
        IFS='|' read -r -a alts <<<"$req"
        pick=""
        for a in "${alts[@]}"; do
            if has_candidate "$a"; then pick="$a"; break; fi
        done
        if [ -z "$pick" ]; then
            log "ERROR: none of ${alts[*]} is available from apt"
            exit 1
        fi
        pkgs+=("$pick")
    done
    for o in "${optional[@]}"; do
        if has_candidate "$o"; then pkgs+=("$o"); else log "note: $o is not in the archive (only bench/ uses it)"; fi
    done
    log "apt-get install ${pkgs[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2
fi

# (memcached's own service, if apt started one, listens on 11211; the suite uses its own daemons.)

# Rust
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    log "note: cargo is in $HOME/.cargo/bin but not on PATH (scripts/test.sh adds it)"
    PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
    log "cargo not found. Install a recent stable Rust (Debian's packaged rustc is too old) with rustup:"
    log "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y && . \"\$HOME/.cargo/env\""
    log "or build in Docker (see Dockerfile: it starts FROM rust:1-bookworm)."
    exit 1
fi
log "ok: $(cargo --version 2>/dev/null), PHP $("${PHP:-php}" -n -r 'echo PHP_VERSION;' 2>/dev/null || echo '?')"
