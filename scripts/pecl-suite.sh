#!/usr/bin/env bash
# pecl memcache's own phpt suite, run against our extension (or against pecl memcache itself).
#
#   scripts/pecl-suite.sh            (make pecl-suite)       against ours
#   PECL_SUITE_EXT=pecl scripts/pecl-suite.sh  (make pecl-suite-baseline)   against pecl's .so
#
# 1. Gets pecl memcache's sources by package name: Debian's source package `php-memcache`
#    (trixie: pecl memcache 8.2, with its tests/) through `apt-get source --download-only` with a
#    private apt configuration (its own deb-src list, lists and cache dirs; the system's apt sources
#    are not touched). Kept in $PECL_SUITE_CACHE; nothing of it goes into this repository.
# 2. Starts the daemons pecl's tests/connect.inc expects: memcached on 127.0.0.1:11211 and
#    127.0.0.1:11212 and on the unix socket /var/run/memcached/memcached.sock; nothing on :11213
#    (its "non-existing server"). With isolation (the default when `unshare --net --mount` works)
#    all of that lives in a private network and mount namespace: loopback of its own, a private
#    directory mounted over /var/run/memcached, and a route to 10.254.254.0/24 over a veth pair
#    with nobody at the other end, so connect.inc's "unreachable host" 10.254.254.254 really times
#    out (test 056) instead of failing at once with "network unreachable".
# 3. Runs its tests/ (a fresh copy per protocol) through PHP's run-tests.php with `php -n` plus
#    the one extension, once per protocol (MEMCACHE_PROTOCOL=ascii / binary, which connect.inc
#    reads), and prints per protocol the failing tests and "<protocol>: N passed, M failed,
#    K skipped" (each test's result: .run/pecl-suite/<protocol>-<extension>.results). The last
#    line is the sum: "N passed, M failed, K skipped".
#
# Environment:
#   PECL_SUITE_EXT=ours|pecl     which extension (default ours; ours is built with cargo if needed)
#   MEMCACHE_EXT_OURS / MEMCACHE_EXT_PECL   the .so files (defaults: target/release/libphp_memcache.so;
#                                for pecl, pecl memcache built with phpize from the same source
#                                package, cached beside it: the tests are that version's)
#   PECL_SUITE_PROTOCOLS         default "ascii binary"
#   PECL_SUITE_TESTS             only these tests, by name without .phpt (e.g. "001 027a pecl16536")
#   PECL_SUITE_ISOLATE=auto|1|0  private namespaces (auto: when unshare works; 1: required)
#   PECL_SUITE_CACHE             where the source package is kept (default .run/pecl-src)
#   PECL_SUITE_SUITE             Debian suite to take the source package from (default trixie)
#   PECL_SUITE_TIMEOUT           seconds per test (default 60)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi

WHICH="${PECL_SUITE_EXT:-ours}"
PROTOCOLS="${PECL_SUITE_PROTOCOLS:-ascii binary}"
CACHE="${PECL_SUITE_CACHE:-$ROOT/.run/pecl-src}"
SUITE="${PECL_SUITE_SUITE:-trixie}"
ISOLATE="${PECL_SUITE_ISOLATE:-auto}"
PER_TEST="${PECL_SUITE_TIMEOUT:-60}"
RUN="$ROOT/.run/pecl-suite"
SOCK_DIR=/var/run/memcached
SOCK="$SOCK_DIR/memcached.sock"
PORTS="11211 11212"

say() { printf '\n==== %s\n' "$*"; }
die() { # a leg that cannot run still ends with a count line (CI counts it as failed)
    printf 'pecl-suite: %s\n' "$*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

# ---- inner part: daemons + run-tests (possibly inside the private namespaces) ----------------
if [ "${1:-}" = --inner ]; then
    EXT="$2"; SRC="$3"; ISOLATED="$4"
    PHP="$(command -v php)"
    RUNTESTS="$5"
    pids=()
    cleanup() {
        local p
        for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
        for p in "${pids[@]}"; do
            for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$p" 2>/dev/null || true
        done
        pids=()
        if [ "$ISOLATED" != 1 ]; then rm -f "$SOCK"; fi
    }
    trap cleanup EXIT
    trap 'cleanup; exit 130' INT
    trap 'cleanup; exit 143' TERM

    if [ "$ISOLATED" = 1 ]; then
        ip link set lo up || die "cannot bring up loopback in the private network namespace"
        # An address nobody answers: ARP for 10.254.254.254 goes out v0 to a peer without address.
        if ip link add pecl0 type veth peer name pecl1 2>/dev/null \
            && ip link set pecl1 up && ip addr add 10.254.254.1/24 dev pecl0 && ip link set pecl0 up; then
            echo "network: private namespace; 10.254.254.254 (connect.inc's unreachable host) is routed into a silent veth"
        else
            echo "network: private namespace; no veth support: 10.254.254.254 is unreachable at once (test 056 cannot pass)"
        fi
        mkdir -p "$RUN/varrun"
        mkdir -p "$SOCK_DIR" && mount --bind "$RUN/varrun" "$SOCK_DIR" || die "cannot mount a private $SOCK_DIR"
    fi

    answers() { # port or socket path
        timeout 3 "$PHP" -n -r '$t = $argv[1]; $u = preg_match("/^[0-9]+$/", $t) ? "tcp://127.0.0.1:$t" : "unix://$t";
            $s = @stream_socket_client($u, $e, $m, 1); if (!$s) exit(1); stream_set_timeout($s, 1);
            fwrite($s, "version\r\n"); exit(strncmp((string)fgets($s), "VERSION", 7) === 0 ? 0 : 1);' "$1" 2>/dev/null
    }
    MEMCACHED="$(command -v memcached || echo /usr/bin/memcached)"
    [ -x "$MEMCACHED" ] || die "memcached not found (scripts/deps.sh installs it)"
    user=(); if [ "$(id -u)" = 0 ]; then user=(-u root); fi
    start_daemons() {
        local p
        for p in $PORTS; do
            if answers "$p" || timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$p" 2>/dev/null; then
                die "127.0.0.1:$p is already in use (not by us): run isolated (PECL_SUITE_ISOLATE=1, as root) or free it"
            fi
            "$MEMCACHED" -U 0 -m 64 -c 256 -l 127.0.0.1 -p "$p" "${user[@]}" >"$RUN/memcached-$p.log" 2>&1 &
            pids+=($!)
        done
        if [ -S "$SOCK" ] && answers "$SOCK"; then
            die "$SOCK is served by a process we did not start: run isolated (PECL_SUITE_ISOLATE=1, as root)"
        fi
        mkdir -p "$SOCK_DIR" 2>/dev/null || die "cannot create $SOCK_DIR (run as root, or isolated)"
        rm -f "$SOCK"
        "$MEMCACHED" -U 0 -m 64 -c 256 -s "$SOCK" -a 0777 "${user[@]}" >"$RUN/memcached-sock.log" 2>&1 &
        pids+=($!)
        local t deadline=$((SECONDS + 15))
        for t in $PORTS "$SOCK"; do
            until answers "$t"; do
                [ "$SECONDS" -lt "$deadline" ] || die "memcached at $t did not come up (see $RUN/memcached-*.log)"
                sleep 0.1
            done
        done
        if timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/11213"' _ 2>/dev/null; then
            die "something listens on 127.0.0.1:11213, connect.inc's non-existing server"
        fi
    }

    tp=0; tf=0; ts=0
    for proto in $PROTOCOLS; do
        say "pecl memcache's tests, memcache.protocol=$proto, extension=$EXT"
        cleanup
        start_daemons
        work="$RUN/$proto"
        rm -rf "$work"; mkdir -p "$work"
        cp -a "$SRC/tests" "$work/tests"
        targets=("$work/tests")
        if [ -n "${PECL_SUITE_TESTS:-}" ]; then
            targets=()
            for t in $PECL_SUITE_TESTS; do targets+=("$work/tests/$t.phpt"); done
        fi
        log="$RUN/$proto.log"
        # --set-timeout bounds each test; the outer timeout bounds the whole protocol run; -j1: the
        # tests share the daemons, one at a time (PHP 8.6's run-tests.php defaults to nproc workers)
        ( cd "$work/tests" && NO_INTERACTION=1 MEMCACHE_PROTOCOL="$proto" TEST_PHP_EXECUTABLE="$PHP" \
            timeout 1200 "$PHP" -n "$RUNTESTS" -j1 -n -d "extension=$EXT" -p "$PHP" -q --no-color \
            --show-diff --set-timeout "$PER_TEST" "${targets[@]}" ) >"$log" 2>&1
        rc=$?
        # one line per test, "<test> PASS|FAIL|SKIP|BORK|LEAK|WARN" (docs/COMPATIBILITY.md's table)
        tr '\r' '\n' <"$log" | grep -aoE '^(PASS|FAIL|SKIP|BORK|LEAK|WARN|XFAIL) .*\[[^]]*\.phpt\]' \
            | sed -E 's/^([A-Z]+) .*\[([^]]*)\.phpt\]$/\2 \1/' | sort -u >"$RUN/$proto-$(basename "$EXT" .so).results"
        tr '\r' '\n' <"$log" | grep -aE '^(FAIL|BORK|LEAK|WARN) ' || true
        p="$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        f="$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        s="$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        w="$(sed -n 's/^Tests warned *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        b="$(grep -ac '^BORK' "$log" || true)"
        l="$(grep -ac '^LEAK' "$log" || true)"
        if [ -z "$p" ] || [ -z "$f" ]; then
            echo "run-tests.php printed no summary (exit $rc): see $log"; tail -20 "$log"
            p=0; f=1; s=0; w=0
        fi
        f=$((f + ${w:-0} + b + l))
        echo "$proto: $p passed, $f failed, ${s:-0} skipped"
        tp=$((tp + p)); tf=$((tf + f)); ts=$((ts + ${s:-0}))
    done
    cleanup
    # the parent prints the total; hand it over on a line of our own
    echo "PECL_SUITE_TOTAL $tp $tf $ts"
    exit 0
fi

# ---- outer part: packages, sources, extension, isolation ----------------------------------------
mkdir -p "$RUN" "$CACHE"

# What this script needs beyond scripts/deps.sh (a clean CI machine has only what the repo's
# scripts install): "test|package", test = a command on PATH or an absolute file.
need=("memcached|memcached" "ip|iproute2" "unshare|util-linux" "/usr/share/keyrings/debian-archive-keyring.gpg|debian-archive-keyring")
if [ "$WHICH" = pecl ] && [ -z "${MEMCACHE_EXT_PECL:-}" ]; then
    need+=("phpize|php8.2-dev" "cc|build-essential" "make|build-essential" "/usr/include/zlib.h|zlib1g-dev")
fi
missing=()
for n in "${need[@]}"; do
    t="${n%%|*}"; pkg="${n#*|}"
    if [[ "$t" == /* ]]; then [ -e "$t" ] && continue; else command -v "$t" >/dev/null 2>&1 && continue; fi
    [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        timeout 900 apt-get -o DPkg::Lock::Timeout=900 -q update >/dev/null 2>&1
        timeout 900 apt-get -o DPkg::Lock::Timeout=900 -y -q --no-install-recommends install "${missing[@]}" >"$RUN/apt-install.log" 2>&1 \
            || { tail -5 "$RUN/apt-install.log"; die "apt-get install ${missing[*]} failed"; }
    else
        echo "pecl-suite: missing ${missing[*]} (run as root to have them installed)"
    fi
fi

# 1. pecl memcache's source package
find_src() { find "$CACHE/src" -mindepth 3 -maxdepth 3 -name connect.inc -path '*/tests/*' -printf '%h\n' 2>/dev/null | head -1; }
SRC="$(find_src)"
SRC="${SRC%/tests}"
if [ -z "$SRC" ]; then
    say "fetching Debian $SUITE's source package php-memcache (private apt configuration)"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script gets pecl memcache's sources from Debian"
    A="$CACHE/apt"
    mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/dl"
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    [ -f "$keyring" ] || die "$keyring missing (package debian-archive-keyring)"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
        "$SUITE" "$keyring" >"$A/src.sources"
    O=(-o "Dir::State::Lists=$A/lists" -o "Dir::Etc::sourcelist=$A/src.sources" -o "Dir::Etc::sourceparts=-"
       -o "Dir::Cache=$A/cache" -o "Dir::State::status=/var/lib/dpkg/status" -o "Debug::NoLocking=1")
    if [ "$(id -u)" = 0 ]; then O+=(-o APT::Sandbox::User=root); fi
    timeout 300 apt-get "${O[@]}" -q update >"$A/update.log" 2>&1 || { tail -5 "$A/update.log"; die "apt-get update (private deb-src $SUITE) failed"; }
    ( cd "$A/dl" && timeout 300 apt-get "${O[@]}" -q source --download-only php-memcache ) >"$A/source.log" 2>&1 \
        || { tail -5 "$A/source.log"; die "apt-get source --download-only php-memcache failed"; }
    orig="$(ls "$A/dl"/php-memcache_*.orig.tar.* 2>/dev/null | head -1)"
    [ -n "$orig" ] || die "no php-memcache_*.orig.tar.* downloaded (see $A/source.log)"
    rm -rf "$CACHE/src"; mkdir -p "$CACHE/src"
    tar -xf "$orig" -C "$CACHE/src" || die "cannot unpack $orig"
    SRC="$(find_src)"
    SRC="${SRC%/tests}"
    [ -n "$SRC" ] || die "$orig has no tests/connect.inc"
    echo "got $(basename "$orig") (checked by apt against the signed Sources index) -> $SRC"
fi
echo "pecl memcache sources: $SRC ($(sed -n 's/.*<release>\([^<]*\)<.*/\1/p' "$SRC/../package.xml" 2>/dev/null | head -1))"
ntests=$(ls "$SRC"/tests/*.phpt | wc -l)

# 2. the extension
PHP="$(command -v php || true)"
[ -n "$PHP" ] || die "php not found (scripts/deps.sh installs php-cli / php-dev)"
EXTDIR="$(php-config --extension-dir 2>/dev/null || true)"
RUNTESTS=""
for c in ${EXTDIR:+"$EXTDIR/build/run-tests.php"} /usr/lib/php/*/build/run-tests.php /usr/local/lib/php/build/run-tests.php; do
    if [ -f "$c" ]; then RUNTESTS="$c"; break; fi
done
[ -n "$RUNTESTS" ] || die "run-tests.php not found (php-dev missing? scripts/deps.sh)"
case "$WHICH" in
    pecl)
        # The baseline is pecl memcache built from the very source package whose tests run:
        # bookworm's binary php-memcache is 4.0.5.2, whose Memcache objects get a dynamic
        # `connection` property that PHP 8.2 reports as deprecated in every test (all BORK).
        EXT="${MEMCACHE_EXT_PECL:-}"
        if [ -z "$EXT" ]; then
            api="$(php-config --phpapi 2>/dev/null || php-config --version)"
            B="$CACHE/build-$api"
            EXT="$B/modules/memcache.so"
            if [ ! -f "$EXT" ] || [ "$EXT" -ot "$SRC/config.m4" ]; then
                say "building pecl memcache from the source package with phpize (PHP API $api) -> $B"
                command -v phpize >/dev/null 2>&1 || die "phpize not found (php-dev; scripts/deps.sh installs it)"
                rm -rf "$B"; cp -a "$SRC" "$B"
                ( cd "$B" && phpize && ./configure --enable-memcache --with-php-config="$(command -v php-config)" \
                    && nice -n 10 make -j"$(nproc)" ) >"$CACHE/build-$api.log" 2>&1 \
                    || { tail -20 "$CACHE/build-$api.log"; die "building pecl memcache failed (see $CACHE/build-$api.log)"; }
            fi
        fi
        [ -f "$EXT" ] || die "pecl memcache not found at $EXT"
        ;;
    ours)
        EXT="${MEMCACHE_EXT_OURS:-$ROOT/target/release/libphp_memcache.so}"
        if [ -z "${MEMCACHE_EXT_OURS:-}" ]; then
            say "cargo build --release"
            timeout 1500 cargo build --release 2>&1 | tail -3
            [ "${PIPESTATUS[0]}" = 0 ] || die "cargo build --release failed"
        fi
        [ -f "$EXT" ] || die "$EXT missing"
        ;;
    *) die "PECL_SUITE_EXT must be ours or pecl, not '$WHICH'" ;;
esac
# (not "php -m | grep -q": with pipefail, grep's early exit can make php die of SIGPIPE)
mods="$("$PHP" -n -d "extension=$EXT" -m 2>&1)"
grep -qx memcache <<<"$mods" || die "$EXT does not load as module 'memcache': $(grep -i 'warn\|error' <<<"$mods" | head -3)"
echo "extension: $WHICH = $EXT ($("$PHP" -n -d "extension=$EXT" -r 'echo phpversion("memcache");'))"

# 3. isolation
isolated=0
if [ "$ISOLATE" != 0 ]; then
    if unshare --net --mount true 2>/dev/null && command -v ip >/dev/null 2>&1; then
        isolated=1
    elif [ "$ISOLATE" = 1 ]; then
        die "PECL_SUITE_ISOLATE=1 but 'unshare --net --mount' (and ip) do not work here (root needed)"
    else
        echo "network: no private namespace (unshare --net --mount failed): using this machine's loopback and $SOCK_DIR"
    fi
fi

t0=$(date +%s)
inner=(bash "$ROOT/scripts/pecl-suite.sh" --inner "$EXT" "$SRC" "$isolated" "$RUNTESTS")
if [ "$isolated" = 1 ]; then inner=(unshare --net --mount --propagation private "${inner[@]}"); fi
"${inner[@]}" 2>&1 | tee "$RUN/inner.out" | grep -av '^PECL_SUITE_TOTAL '
total="$(grep -a '^PECL_SUITE_TOTAL ' "$RUN/inner.out" | tail -1)"
echo "($ntests phpt files in pecl's tests/, $(( $(date +%s) - t0 ))s; logs and diffs under $RUN)"
if [ -z "$total" ]; then
    grep -aq '^[0-9]* passed, [0-9]* failed$' "$RUN/inner.out" && exit 1
    die "the test run ended without a result"
fi
read -r _ tp tf ts <<<"$total"
echo "$tp passed, $tf failed, $ts skipped"
[ "$tf" -eq 0 ] && [ "$tp" -gt 0 ]
