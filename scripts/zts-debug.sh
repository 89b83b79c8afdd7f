#!/usr/bin/env bash
# The whole test suite on a debug + thread-safe (ZTS) PHP built from Debian's source package
# (make zts-debug; the CI leg zts-debug).
#
#   bash scripts/zts-debug.sh
#
# 1. scripts/php-source-build.sh: PHP 8.2 --enable-debug --enable-zts (+ embed) from Debian's
#    php8.2 source package, and pecl memcache (the reference) built for it with phpize;
# 2. scripts/test.sh against it (PHP/PHP_CONFIG pointed at that build, its own cargo target dir):
#    cargo test, the extension built for that PHP, the whole phpt suite - inside a private network
#    namespace. A debug PHP prints the leaks of every request and aborts on a failed assertion, into
#    the output the tests compare: any leak or assertion of ours fails a test (the reference's
#    leaks are kept out of the comparison, see php-tests/config.inc).
#    php-tests/700 (two PHP threads in one process, embed SAPI) must run here, not skip.
# Last line: "N passed, M failed". Environment: PHP_MEMCACHE_CACHE (default /var/cache/php-memcache).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
CACHE="${PHP_MEMCACHE_CACHE:-/var/cache/php-memcache}"
PREFIX="$CACHE/php-8.2-debug-zts"
T0=$(date +%s)

echo "==== PHP 8.2 debug + ZTS from Debian's source package (scripts/php-source-build.sh)"
if ! bash scripts/php-source-build.sh "$PREFIX"; then
    echo "zts-debug: the PHP or reference build failed"
    echo "0 passed, 1 failed"
    exit 1
fi
t_php=$(( $(date +%s) - T0 ))
API="$("$PREFIX/bin/php-config" --phpapi)"
REF="$(ls "$PREFIX"/lib/php/extensions/*/memcache.so 2>/dev/null | head -1)"
"$PREFIX/bin/php" -n -r 'echo "PHP ", PHP_VERSION, ", ZTS ", PHP_ZTS ? "yes" : "no", ", debug ", PHP_DEBUG ? "yes" : "no", "\n";'

echo "==== scripts/test.sh on it (private network namespace)"
(cd . && cargo fetch --locked -q) || true
log=".run/zts-debug.log"
mkdir -p .run
t=$(date +%s)
PHP="$PREFIX/bin/php" PHP_CONFIG="$PREFIX/bin/php-config" \
    CARGO_TARGET_DIR="$CACHE/target-8.2-debug-zts" CARGO_NET_OFFLINE=true \
    MEMCACHE_EXT_PECL="$REF" MEMCACHE_TEST_DIR=/tmp/php-memcache-tests-zts-debug \
    unshare --net bash -c 'ip link set lo up; exec bash scripts/test.sh' </dev/null 2>&1 | tee "$log"
rc="${PIPESTATUS[0]}"
t_suite=$(( $(date +%s) - t ))

last="$(grep -aE '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
p=0; f=0; s=0
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)? ]]; then
    p="${BASH_REMATCH[1]}"; f="${BASH_REMATCH[2]}"; s="${BASH_REMATCH[4]:-0}"
else
    f=1
fi
[ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
# the threaded test is why this build exists: it must have run. (run-tests.php writes its
# "TEST n/m [file]" progress line ending in \r, so a result starts after a \r, not a newline.)
if tr '\r' '\n' <"$log" | grep -aq '^PASS .*\[php-tests/700_'; then
    echo "zts-debug: php-tests/700 (threads) ran and passed"
else
    echo "zts-debug: php-tests/700 (threads) did not pass here (skipped or failed): counted as a failure"
    f=$((f + 1))
fi
leaks="$(grep -ac 'memory leaks detected\|Assertion .* failed' "$log" || true)"
echo "zts-debug: leak or assertion reports in the whole run: $leaks"
printf 'zts-debug timing: PHP + reference %ss, test.sh %ss, total %ss\n' "$t_php" "$t_suite" "$(( $(date +%s) - T0 ))"
if [ "$s" -gt 0 ]; then echo "$p passed, $f failed, $s skipped"; else echo "$p passed, $f failed"; fi
[ "$f" -eq 0 ]
