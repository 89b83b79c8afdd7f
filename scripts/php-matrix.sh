#!/usr/bin/env bash
# The whole test suite on other PHP versions, each in a Debian root with Debian's own PHP packages.
#
#   bash scripts/php-matrix.sh [-j N] [VERSION...]      (make matrix; default: 8.4 8.5 8.6)
#
#   8.2  Debian bookworm      php8.2-dev, php8.2-memcache (pecl memcache 4.0.5.2) as the reference
#   8.4  Debian trixie        php8.4-dev, php8.4-memcache (pecl memcache 8.2) as the reference
#   8.5  sid + experimental   php8.5-dev; the reference is pecl memcache 8.2 (Debian's php-memcache
#                             source package) built for that PHP with phpize (scripts/pecl-ref-build.sh)
#   8.6  sid + experimental   php8.6-dev (RC); the reference likewise, built with stand-ins for what
#                             8.6's headers dropped or changed (INI_INT, zval_dtor, WRONG_PARAM_COUNT,
#                             open()'s zend_string arguments, PS_MOD): scripts/pecl-ref-build.sh
#
# For each version, with the network: a root (debootstrap --variant=minbase, once per Debian suite,
# shared by the versions on it) with the build tools, memcached and that PHP. Then, in a private
# mount and network namespace (unshare --mount --net: the daemons of parallel runs never collide,
# nothing is left mounted), inside the root, from a clean copy of this tree:
#   1. the PIE path: phpize && ./configure && make && make install (into a staging root), and the
#      installed memcache.so loads as module "memcache" - ours;
#   2. make test: deps check, cargo test, build (cargo reuses step 1's), the whole phpt suite.
# Rust is the host's (~/.cargo, ~/.rustup bind-mounted), crates are fetched on the host first.
# Up to N versions run at once (-j, default 2: a suite run mostly waits on sockets while the next
# version compiles). Each version prints one summary line; the last line is the total,
# "N passed, M failed" (a version that cannot be set up or built counts as failed).
#
# Environment: PHP_MEMCACHE_CACHE (default /var/cache/php-memcache): roots/<suite>, one cargo
# target directory per PHP build inside each root; delete a root to rebuild it. MATRIX_LOGS
# (default .run/matrix): one log per version. MIRROR (default http://deb.debian.org/debian).
set -uo pipefail
export LC_ALL=C DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
REPO="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi

JOBS=2
if [ "${1:-}" = -j ]; then JOBS="$2"; shift 2; fi
VERSIONS=("$@")
[ "${#VERSIONS[@]}" -gt 0 ] || VERSIONS=(8.4 8.5 8.6)
CACHE="${PHP_MEMCACHE_CACHE:-/var/cache/php-memcache}"
LOGS="${MATRIX_LOGS:-$REPO/.run/matrix}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
mkdir -p "$LOGS" "$CACHE/roots"
T0=$(date +%s)
log() { printf 'matrix: %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

# ---- versions ----------------------------------------------------------------------------------------
suite_of() {
    case "$1" in
        8.2) echo bookworm ;;
        8.4) echo trixie ;;
        8.5|8.6) echo sid ;;
        *) return 1 ;;
    esac
}
# Debian packages every root gets: what scripts/deps.sh would install, plus what the matrix uses
COMMON_PKGS=(build-essential pkg-config clang libclang-dev memcached sasl2-bin libsasl2-modules
             netcat-openbsd curl procps iproute2 ca-certificates zlib1g-dev autoconf automake libtool
             file xz-utils)
php_pkgs_of() { # the PHP packages of version $1 (the reference too, where Debian packages it)
    case "$1" in
        8.2|8.4) echo "php$1-dev php$1-cli php$1-memcache" ;;
        # experimental's php-common (2:102~) Breaks php8.5-common; sid's serves 8.5 and 8.6
        *) echo "php$1-dev php$1-cli php-common/sid" ;;
    esac
}
apt_target_of() { case "$1" in 8.5|8.6) echo "-t experimental" ;; esac; }

# ---- a root per Debian suite ---------------------------------------------------------------------------
# run a command inside root $1 (private mount namespace: /proc, /dev, /sys and the Rust toolchain
# mounted for the command only); with MATRIX_NET=0 also without network (a private loopback)
in_root() {
    local root="$1"; shift
    local net=()
    [ "${MATRIX_NET:-1}" = 0 ] && net=(--net)
    unshare --mount --propagation private "${net[@]}" bash -c '
        set -e
        root="$1"; shift
        [ "${MATRIX_NET:-1}" = 0 ] && ip link set lo up
        mount -t proc proc "$root/proc"
        mount -t sysfs sys "$root/sys"
        mount --rbind /dev "$root/dev"
        for d in "$CARGO_HOME" "$RUSTUP_HOME"; do
            mkdir -p "$root$d"; mount --bind "$d" "$root$d"
        done
        exec chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 CI="${CI:-}" \
            PATH="$CARGO_HOME/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
            CARGO_HOME="$CARGO_HOME" RUSTUP_HOME="$RUSTUP_HOME" DEBIAN_FRONTEND=noninteractive \
            ${MATRIX_ENV:-} bash -c "$@"
    ' in_root "$root" "$@"
}

sources_of() { # the apt sources of suite $1
    case "$1" in
        sid) printf 'Types: deb\nURIs: %s\nSuites: sid experimental\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$MIRROR" ;;
        *) printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n' "$MIRROR" "$1" "$1"
           printf 'Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$1" ;;
    esac
}

# minbase roots have no /etc/hosts: "localhost" must resolve offline (the wire tests use it)
hosts_file() {
    [ -s "$1/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$1/etc/hosts"
}

make_root() { # $1 suite -> $CACHE/roots/$1 with COMMON_PKGS (reused while its stamp matches)
    local suite="$1" root="$CACHE/roots/$1" t
    local stamp="$suite: ${COMMON_PKGS[*]}"
    if [ -f "$root/.matrix-stamp" ] && [ "$(cat "$root/.matrix-stamp")" = "$stamp" ]; then
        log "root $suite: reused ($root)"
        return 0
    fi
    t=$(date +%s)
    command -v debootstrap >/dev/null || apt-get -o DPkg::Lock::Timeout=900 install -y -q debootstrap >/dev/null
    rm -rf "$root"
    log "root $suite: debootstrap --variant=minbase"
    debootstrap --variant=minbase "$suite" "$root" "$MIRROR" >"$LOGS/debootstrap-$suite.log" 2>&1 \
        || { tail -20 "$LOGS/debootstrap-$suite.log"; return 1; }
    rm -f "$root/etc/apt/sources.list"
    sources_of "$suite" >"$root/etc/apt/sources.list.d/debian.sources"
    # the clock here runs ahead of sid's and experimental's Release files
    echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99matrix"
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"; chmod +x "$root/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    hosts_file "$root"
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /etc/ssl/certs/ca-certificates.crt "$root/usr/local/share/ca-certificates/host-ca.crt" 2>/dev/null || true
    log "root $suite: apt-get install ${COMMON_PKGS[*]}"
    in_root "$root" "apt-get update -q && apt-get install -y -q --no-install-recommends ${COMMON_PKGS[*]} \
        && (update-ca-certificates >/dev/null 2>&1 || true) && apt-get clean" \
        >"$LOGS/root-$suite.log" 2>&1 || { tail -30 "$LOGS/root-$suite.log"; return 1; }
    echo "$stamp" >"$root/.matrix-stamp"
    log "root $suite: ready in $(elapsed "$t")"
}

add_php() { # $1 version: its packages in its root, and the reference built if Debian has none
    local v="$1" suite root pkgs t
    suite="$(suite_of "$v")"; root="$CACHE/roots/$suite"
    # every requested version of this root at once: no apt run while a build runs in the root
    local w
    pkgs=""
    for w in "${VERSIONS[@]}"; do
        if [ "$(suite_of "$w")" = "$suite" ] && [ "$(apt_target_of "$w")" = "$(apt_target_of "$v")" ]; then
            pkgs="$pkgs $(php_pkgs_of "$w")"
        fi
    done
    t=$(date +%s)
    local names
    names="$(tr ' ' '\n' <<<"$pkgs" | sed 's#/.*##' | sort -u | tr '\n' ' ')"
    if ! in_root "$root" "dpkg-query -W -f='\${Status}\n' $names 2>/dev/null | grep -c 'install ok installed' | grep -qx $(wc -w <<<"$names")"; then
        log "PHP $v: apt-get install $(apt_target_of "$v") $pkgs"
        pkgs="$(tr ' ' '\n' <<<"$pkgs" | awk 'NF && !seen[$0]++' | tr '\n' ' ')"
        in_root "$root" "apt-get update -q && apt-get install -y -q --allow-downgrades --no-install-recommends $(apt_target_of "$v") $pkgs && apt-get clean" \
            >"$LOGS/php-$v-apt.log" 2>&1 || { tail -30 "$LOGS/php-$v-apt.log"; return 1; }
    fi
    case "$v" in
        8.2|8.4) ;;
        *)  # the reference: Debian's php-memcache source (pecl memcache 8.2), built with phpize$v
            # (scripts/pecl-ref-build.sh: stand-ins for what the newer headers dropped)
            local ref="/build/ref-$v"
            if [ ! -f "$root$ref/memcache.so" ]; then
                local mcv
                mcv="$(bash scripts/debian-source.sh php-memcache "$root$ref-src" trixie)" || return 1
                log "PHP $v: reference pecl memcache ($mcv) with phpize$v"
                cp scripts/pecl-ref-build.sh "$root/build/pecl-ref-build.sh"
                in_root "$root" "bash /build/pecl-ref-build.sh $v $ref-src $ref" >"$LOGS/php-$v-reference.log" 2>&1 \
                    || { tail -30 "$LOGS/php-$v-reference.log"; return 1; }
            fi ;;
    esac
    log "PHP $v: $(in_root "$root" "php$v -n -r 'echo PHP_VERSION;'") ready in $(elapsed "$t")"
}

# ---- one version: PIE path + make test, offline, in its root ---------------------------------------------
run_version() { # $1 version; prints its summary line last; the log is $LOGS/$1.log
    local v="$1" suite root src t
    suite="$(suite_of "$v")"; root="$CACHE/roots/$suite"
    src="/build/src-$v"
    t=$(date +%s)
    hosts_file "$root"
    rm -rf "$root$src" "$root/build/pie-root-$v"
    mkdir -p "$root$src"
    # a clean copy of this tree (tracked and new files, as a checkout would have them)
    (cd "$REPO" && git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -cf - -T - 2>/dev/null) \
        | tar -xf - -C "$root$src"
    local ref_env="" reference
    case "$v" in
        8.2|8.4) reference="php$v-memcache (Debian)" ;;
        *) reference="pecl memcache built with phpize$v"; ref_env="MEMCACHE_EXT_PECL=/build/ref-$v/memcache.so" ;;
    esac
    MATRIX_NET=0 MATRIX_ENV="PHP=/usr/bin/php$v PHP_CONFIG=/usr/bin/php-config$v CARGO_TARGET_DIR=/build/target-$v \
        CARGO_NET_OFFLINE=true MEMCACHE_TEST_DIR=/tmp/php-memcache-tests-$v $ref_env" in_root "$root" '
        cd '"$src"'
        ver="$(php'"$v"' -n -r "echo PHP_VERSION;")"
        echo "==== PHP $ver ('"$suite"'), reference: '"$reference"'"
        echo "==== PIE path: phpize && ./configure && make && make install (INSTALL_ROOT=/build/pie-root-'"$v"')"
        pie=fail
        if phpize'"$v"' >/tmp/pie-'"$v"'-phpize.log 2>&1 && ./configure --with-php-config=php-config'"$v"' >/tmp/pie-'"$v"'-configure.log 2>&1 \
            && make >/tmp/pie-'"$v"'-make.log 2>&1 && make install INSTALL_ROOT=/build/pie-root-'"$v"' >/tmp/pie-'"$v"'-install.log 2>&1; then
            so="/build/pie-root-'"$v"'$(php-config'"$v"' --extension-dir)/memcache.so"
            if [ -f "$so" ] && php'"$v"' -n -d "extension=$so" -r "exit(extension_loaded(\"memcache\") && function_exists(\"memcache_session_stats\") ? 0 : 1);"; then
                pie=ok; echo "installed $so: loads as module memcache (php-memcache $(php'"$v"' -n -d extension=$so -r "echo phpversion(\"memcache\");"))"
            else
                echo "installed extension missing or not ours: $so"
            fi
        else
            tail -30 /tmp/pie-'"$v"'-phpize.log /tmp/pie-'"$v"'-configure.log /tmp/pie-'"$v"'-make.log /tmp/pie-'"$v"'-install.log 2>/dev/null
        fi
        echo "pie: $pie"
        echo "==== make test"
        make --no-print-directory test
    ' >"$LOGS/$v.log" 2>&1
    local rc=$?
    local last pie p=0 f=0 s=0
    last="$(grep -aE '^[0-9]+ passed, [0-9]+ failed' "$LOGS/$v.log" | tail -1)"
    pie="$(sed -n 's/^pie: //p' "$LOGS/$v.log" | tail -1)"
    if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)? ]]; then
        p="${BASH_REMATCH[1]}"; f="${BASH_REMATCH[2]}"; s="${BASH_REMATCH[4]:-0}"
    else
        f=1
    fi
    if [ "$pie" = ok ]; then p=$((p + 1)); else f=$((f + 1)); fi
    [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
    local ver
    ver="$(sed -n 's/^==== PHP \([^ ]*\) .*/\1/p' "$LOGS/$v.log" | head -1)"
    printf 'PHP %-5s %-14s %s passed, %s failed, %s skipped (phpize/PIE build+install: %s; %s, log %s)\n' \
        "$v" "${ver:-?}" "$p" "$f" "$s" "${pie:-not run}" "$(elapsed "$t")" "$LOGS/$v.log"
}

# ---- main ---------------------------------------------------------------------------------------------------
for v in "${VERSIONS[@]}"; do
    suite_of "$v" >/dev/null || { echo "php-matrix: unknown PHP version $v (known: 8.2 8.4 8.5 8.6)"; echo "0 passed, 1 failed"; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "php-matrix: needs root (debootstrap, chroot, unshare)"; echo "0 passed, 1 failed"; exit 1; }

log "crates: cargo fetch --locked (the builds run offline)"
(cd "$REPO" && cargo fetch --locked -q) || log "cargo fetch failed: builds will fail if a crate is missing"

results=()
total_p=0; total_f=0; total_s=0
declare -A suites_done=()
# Set up each version (network: debootstrap, apt) and start its build and suite as soon as its
# root is ready, so one version compiles while the next root is being made.
outs=()
for v in "${VERSIONS[@]}"; do
    s="$(suite_of "$v")"
    t=$(date +%s)
    if [ -z "${suites_done[$s]:-}" ]; then
        if make_root "$s"; then suites_done[$s]=ok; else suites_done[$s]=failed; fi
    fi
    if [ "${suites_done[$s]}" = ok ] && add_php "$v"; then
        while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
        log "PHP $v: building and testing (log $LOGS/$v.log)"
        run_version "$v" >"$LOGS/$v.summary" 2>&1 &
        outs+=("$LOGS/$v.summary")
    else
        results+=("$(printf 'PHP %-5s %-14s 0 passed, 1 failed (the root or its PHP could not be set up: see %s)' "$v" "?" "$LOGS")")
        total_f=$((total_f + 1))
    fi
done
wait
log "all versions done: $(elapsed "$T0")"

for o in "${outs[@]}"; do
    line="$(tail -1 "$o")"
    results+=("$line")
    if [[ "$line" =~ \ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
        total_p=$((total_p + BASH_REMATCH[1])); total_f=$((total_f + BASH_REMATCH[2])); total_s=$((total_s + BASH_REMATCH[3]))
    else
        total_f=$((total_f + 1))
    fi
done
for o in "${outs[@]}"; do
    v="$(basename "$o" .summary)"
    if ! grep -q ' 0 failed' "$o"; then
        printf '\n---- PHP %s: failures (from %s)\n' "$v" "$LOGS/$v.log"
        grep -aE '^(FAIL|BORK|LEAK|SKIP) |test.sh: |^pie: |installed ' "$LOGS/$v.log" | head -40
        sed -n '/^==== problems/,$p' "$LOGS/$v.log" | head -40
    fi
done
printf '\n######## PHP matrix (%s)\n' "$(elapsed "$T0")"
printf '  %s\n' "${results[@]}"
if [ "$total_s" -gt 0 ]; then
    echo "$total_p passed, $total_f failed, $total_s skipped"
else
    echo "$total_p passed, $total_f failed"
fi
[ "$total_f" -eq 0 ]
