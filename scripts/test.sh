#!/usr/bin/env bash
# The whole test run (what `make test`, .ci/run and the Dockerfile run):
#   1. scripts/deps.sh            missing system packages
#   2. cargo test --release       the pure-Rust core (unit tests, tests/ against daemons it starts)
#   3. cargo build --release      target/release/libphp_memcache.so, checked to load as `memcache`
#      (both with the cargo feature test-hooks: fault injection some tests use, e.g. php-tests/407;
#      production builds - make build, make install, phpize/PIE - are built without it)
#   4. scripts/daemons.sh start   memcached on 127.0.0.1:11311-11313 + a unix socket (stopped on exit)
#   5. run-tests.php php-tests/   the phpt suite, `php -n` + our extension only
# The last line printed is "N passed, M failed" (cargo tests + phpt), with ", K skipped" when some
# were skipped; the exit status is non-zero when anything failed.
#
# Environment:
#   MEMCACHE_SUITE_EXT=pecl   run the phpt suite against pecl memcache instead (no cargo phases):
#                             validates the tests themselves. Tests about deliberate improvements
#                             over pecl are skipped then (MEMCACHE_SUITE_NO_SKIP=1 runs them too).
#   PHPT=path                 run only these phpt files/dirs (default: php-tests/)
#   PHP, PHP_CONFIG           the PHP to build for and test with (default: php, php-config on PATH)
#   CARGO_TARGET_DIR          where cargo builds (default: target/); one per PHP build
#   CARGO_FEATURES            cargo features of steps 2 and 3 (default: test-hooks)
#   TEST_TIMEOUT_DEPS / _CARGO_TEST / _BUILD / _PHPT / _PER_PHPT   seconds (900/1500/1500/900/300)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
export CARGO_TERM_COLOR=never

SUITE_EXT="${MEMCACHE_SUITE_EXT:-ours}"
T_DEPS="${TEST_TIMEOUT_DEPS:-900}"
T_CARGO_TEST="${TEST_TIMEOUT_CARGO_TEST:-1500}"
T_BUILD="${TEST_TIMEOUT_BUILD:-1500}"
T_PHPT="${TEST_TIMEOUT_PHPT:-900}"
T_PER_PHPT="${TEST_TIMEOUT_PER_PHPT:-300}"
FEATURES="${CARGO_FEATURES-test-hooks}"
LOGDIR="$ROOT/.run"
mkdir -p "$LOGDIR"

passed=0
failed=0
skipped=0
problems=()
daemons_started=0

say() { printf '\n==== %s\n' "$*"; }
problem() { problems+=("$*"); printf 'test.sh: %s\n' "$*"; }

stop_daemons() {
    if [ "$daemons_started" = 1 ]; then
        timeout 60 bash scripts/daemons.sh stop >/dev/null 2>&1 || true
        daemons_started=0
    fi
}
trap stop_daemons EXIT
trap 'stop_daemons; exit 130' INT
trap 'stop_daemons; exit 143' TERM

# Two runs at once would flush each other's daemons: take a lock (bounded wait).
LOCKFILE="${MEMCACHE_TEST_DIR:-/tmp/php-memcache-tests}.lock"
if command -v flock >/dev/null 2>&1 && { exec 9>>"$LOCKFILE"; } 2>/dev/null; then
    if ! flock -w 1200 9; then
        echo "test.sh: another test run holds $LOCKFILE"
        echo "0 passed, 1 failed"
        exit 1
    fi
fi

# ---- 1. system packages ------------------------------------------------------------------------
say "deps (scripts/deps.sh)"
if ! timeout "$T_DEPS" bash scripts/deps.sh; then
    failed=$((failed + 1))
    problem "scripts/deps.sh failed"
fi
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi

# Which PHP: $PHP and $PHP_CONFIG when set (ext-php-rs's build script reads the same two
# variables, so the extension is built for the PHP that runs the suite), else the ones on PATH.
PHP="${PHP:-$(command -v php || true)}"
PHP_CONFIG="${PHP_CONFIG:-$(command -v php-config || true)}"
export PHP PHP_CONFIG
EXTDIR="$("$PHP_CONFIG" --extension-dir 2>/dev/null || true)"
PHP_PREFIX="$("$PHP_CONFIG" --prefix 2>/dev/null || true)"
API="$("$PHP_CONFIG" --phpapi 2>/dev/null || true)"
RUNTESTS=""
for c in ${EXTDIR:+"$EXTDIR/build/run-tests.php"} ${PHP_PREFIX:+"$PHP_PREFIX/lib/php/build/run-tests.php"} \
         ${PHP_PREFIX:+${API:+"$PHP_PREFIX/lib/php/$API/build/run-tests.php"}} \
         ${API:+"/usr/lib/php/$API/build/run-tests.php"} /usr/lib/php/*/build/run-tests.php /usr/local/lib/php/build/run-tests.php; do
    if [ -f "$c" ]; then RUNTESTS="$c"; break; fi
done
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SO_OURS="${MEMCACHE_EXT_OURS:-$TARGET_DIR/release/libphp_memcache.so}"
SO_PECL="${MEMCACHE_EXT_PECL:-${EXTDIR:-/nonexistent}/memcache.so}"

# ---- 2. cargo test -----------------------------------------------------------------------------
if [ "$SUITE_EXT" = pecl ]; then
    say "cargo test: skipped (MEMCACHE_SUITE_EXT=pecl)"
else
    say "cargo test --release --features '$FEATURES'"
    log="$LOGDIR/cargo-test.log"
    timeout "$T_CARGO_TEST" cargo test --release --features "$FEATURES" 2>&1 | tee "$log"
    rc="${PIPESTATUS[0]}"
    p=0; f=0; ig=0; n=0
    while read -r line; do
        # test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s
        if [[ "$line" =~ ^test\ result:.*\ ([0-9]+)\ passed\;\ ([0-9]+)\ failed\;\ ([0-9]+)\ ignored ]]; then
            p=$((p + BASH_REMATCH[1])); f=$((f + BASH_REMATCH[2])); ig=$((ig + BASH_REMATCH[3])); n=$((n + 1))
        fi
    done < <(grep -a '^test result:' "$log" || true)
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + ig))
    echo "cargo test: $p passed, $f failed, $ig ignored ($n test binaries), exit $rc"
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        failed=$((failed + 1))
        if [ "$rc" = 124 ]; then problem "cargo test timed out after ${T_CARGO_TEST}s"; else problem "cargo test exited $rc (build error?) - see $log"; fi
    elif [ "$f" != 0 ]; then
        problem "cargo test: $f failed"
    fi
fi

# ---- 3. build ----------------------------------------------------------------------------------
EXT=""
if [ "$SUITE_EXT" = pecl ]; then
    say "cargo build: skipped (MEMCACHE_SUITE_EXT=pecl); the suite runs against $SO_PECL"
    EXT="$SO_PECL"
else
    say "cargo build --release --features '$FEATURES'"
    log="$LOGDIR/cargo-build.log"
    timeout "$T_BUILD" cargo build --release --features "$FEATURES" 2>&1 | tee "$log"
    rc="${PIPESTATUS[0]}"
    if [ "$rc" != 0 ]; then
        if [ "$rc" = 124 ]; then problem "cargo build timed out after ${T_BUILD}s"; else problem "cargo build --release failed (exit $rc)"; fi
    elif [ ! -f "$SO_OURS" ]; then
        problem "cargo build succeeded but $SO_OURS is missing"
    else
        EXT="$SO_OURS"
    fi
fi
if [ -n "$EXT" ]; then
    mods="$(timeout 30 "$PHP" -n -d "extension=$EXT" -m 2>&1)"
    if ! grep -qx memcache <<<"$mods"; then
        problem "$EXT does not load as module 'memcache': $(grep -iv '^\[\|^$' <<<"$mods" | grep -i 'warn\|error\|memcache' | head -5)"
        EXT=""
    fi
fi

# ---- 4 + 5. daemons and the phpt suite ---------------------------------------------------------
PHPT_TARGETS=(${PHPT:-php-tests/})
nphpt=0
for t in "${PHPT_TARGETS[@]}"; do
    if [ -d "$t" ]; then nphpt=$((nphpt + $(find "$t" -maxdepth 1 -name '*.phpt' | wc -l))); else nphpt=$((nphpt + 1)); fi
done

if [ -z "$EXT" ]; then
    failed=$((failed + nphpt))
    problem "phpt suite not run ($nphpt tests counted as failed): no loadable extension"
elif [ -z "$PHP" ] || [ -z "$RUNTESTS" ]; then
    failed=$((failed + nphpt))
    problem "phpt suite not run: php or run-tests.php not found (php-dev missing?)"
else
    say "memcached daemons (scripts/daemons.sh start)"
    # daemons somebody else had already started (by hand) are left running at the end
    if timeout 30 bash scripts/daemons.sh status >/dev/null 2>&1; then
        echo "(already running: they will be left running)"
    else
        daemons_started=1
    fi
    if ! timeout 120 bash scripts/daemons.sh start; then
        failed=$((failed + nphpt))
        problem "memcached daemons did not start: phpt suite not run ($nphpt tests counted as failed)"
    else
        say "phpt suite: run-tests.php -n -d extension=$EXT ${PHPT_TARGETS[*]}"
        find php-tests -maxdepth 1 \( -name '*.diff' -o -name '*.out' -o -name '*.exp' -o -name '*.log' -o -name '*.php' -o -name '*.sh' \) -delete 2>/dev/null || true
        log="$LOGDIR/phpt.log"
        # -j1: the tests share the daemons (and flush them), so they run one at a time; PHP 8.6's
        # run-tests.php runs selected tests on nproc workers unless told otherwise
        NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TEST_PHP_EXECUTABLE="$PHP" \
            MEMCACHE_SUITE_EXT="$SUITE_EXT" MEMCACHE_EXT_OURS="$SO_OURS" MEMCACHE_EXT_PECL="$SO_PECL" \
            timeout "$T_PHPT" "$PHP" -n "$RUNTESTS" -j1 -n -d "extension=$EXT" -p "$PHP" -q --no-color \
            --show-diff --set-timeout "$T_PER_PHPT" "${PHPT_TARGETS[@]}" >"$log" 2>&1
        rc=$?
        # the run, without the environment banner
        sed -n '/^Running selected tests/,$p' "$log"
        p="$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        f="$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        s="$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        w="$(sed -n 's/^Tests warned *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        # a result follows run-tests' "TEST n/m [file]" progress line, which ends in \r
        b="$(tr '\r' '\n' <"$log" | grep -ac '^BORK' || true)"
        l="$(tr '\r' '\n' <"$log" | grep -ac '^LEAK' || true)"
        x="$(sed -n 's/^Expected fail *: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
        if [ -z "$p" ] || [ -z "$f" ]; then
            failed=$((failed + 1))
            if [ "$rc" = 124 ]; then problem "phpt suite timed out after ${T_PHPT}s - see $log"; else problem "run-tests.php printed no summary (exit $rc) - see $log"; tail -30 "$log"; fi
        else
            passed=$((passed + p + ${x:-0}))
            failed=$((failed + f + ${w:-0} + b + l))
            skipped=$((skipped + ${s:-0}))
            echo "phpt: $p passed, $f failed, ${s:-0} skipped, ${w:-0} warned, $b borked, $l leaked, ${x:-0} expected-fail (run-tests exit $rc)"
            if [ "$((f + ${w:-0} + b + l))" != 0 ]; then
                problem "phpt: $(tr '\r' '\n' <"$log" | grep -ao '^\(FAIL\|BORK\|LEAK\|WARN\) .*\[[^]]*\.phpt\]' | sort -u | sed 's/^\([A-Z]*\) .*\[\(.*\)\]$/\1 \2/' | tr '\n' ' ')"
                for d in php-tests/*.diff; do
                    [ -f "$d" ] || continue
                    printf '\n---- %s\n' "$d"
                    head -n 120 "$d"
                done
            fi
        fi
    fi
    stop_daemons
fi

if [ "${#problems[@]}" -gt 0 ]; then
    say "problems"
    printf '  - %s\n' "${problems[@]}"
fi
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
