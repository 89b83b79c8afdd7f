#!/usr/bin/env bash
# `make valgrind`: the phpt suite (or the tests given as arguments) with every php process under
# valgrind memcheck, and a verdict on the extension's own memory errors and leaks.
#
#   scripts/valgrind.sh [php-tests/4*.phpt ...]
#
# The phpts run most of their work in child php processes (run_php()/run_session() in
# php-tests/config.inc), so run-tests.php's own -m mode (valgrind on the test file only) would
# miss it. Instead run-tests.php gets a wrapper as its php binary that starts php under
# `valgrind --trace-children=yes`, so the children are checked too (the fake memcached and
# memcached itself are skipped). Zend's allocator is off (USE_ZEND_ALLOC=0) so valgrind sees
# every allocation, and modules stay mapped at exit (ZEND_DONT_UNLOAD_MODULES=1) so leak stacks
# name our functions.
#
# Verdict (last line "valgrind: N invalid reads/writes, M definite leaks from the extension"):
# counts only errors and definite leaks whose stack has a frame in libphp_memcache.so; noise of
# php and libc is listed in the per-process logs under .run/valgrind/ but not counted (see
# scripts/valgrind.supp for what is suppressed outright). Exit status 1 when either count is > 0.
# Slow: about 20-50x the normal suite; the phpts' child processes get 10x their usual timeout
# through MEMCACHE_TEST_TIMEOUT_FACTOR when config.inc supports it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed; installing it (apt-get install -y valgrind)" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y valgrind >/dev/null || { apt-get update >/dev/null && apt-get install -y valgrind >/dev/null; }
    else
        sudo apt-get install -y valgrind >/dev/null
    fi
fi

PHP="${PHP:-$(command -v php)}"
SO="$PWD/target/release/libphp_memcache.so"
OUT="$PWD/.run/valgrind"
RUN_TESTS="${RUN_TESTS:-$("$PHP" -n -r 'echo dirname(PHP_BINARY);' >/dev/null; ls /usr/lib/php/*/build/run-tests.php 2>/dev/null | head -1)}"
# the suite includes fault-injection tests (php-tests/407): the test-hooks build
cargo build --release --features test-hooks
[ -n "$RUN_TESTS" ] && [ -f "$RUN_TESTS" ] || { echo "valgrind: run-tests.php not found (install php-dev)" >&2; exit 2; }

rm -rf "$OUT"
mkdir -p "$OUT"
WRAPPER="$OUT/php-under-valgrind"
cat >"$WRAPPER" <<WRAP
#!/bin/sh
export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
exec valgrind --tool=memcheck --trace-children=yes \\
    --trace-children-skip='*memcached*,/bin/sh,/usr/bin/sh,/bin/bash,/usr/bin/bash,*/id,*/nc' \\
    --trace-children-skip-by-arg='*fake_memcached.php*' \\
    --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \\
    --suppressions="$PWD/scripts/valgrind.supp" --num-callers=30 \\
    --log-file="$OUT/vg.%p.log" "$PHP" "\$@"
WRAP
chmod +x "$WRAPPER"

bash scripts/daemons.sh start >/dev/null 2>&1 || echo "valgrind: scripts/daemons.sh start failed; tests needing daemons will fail" >&2

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(php-tests)
set +e
NO_INTERACTION=1 TEST_PHP_EXECUTABLE="$WRAPPER" "$PHP" -n "$RUN_TESTS" -j1 -n \
    -d "extension=$SO" -p "$WRAPPER" -q --set-timeout 1800 "${tests[@]}" >"$OUT/run-tests.log" 2>&1
rc=$?
set -e
grep -aE '^(Tests (passed|failed|skipped)|FAIL |BORK )' "$OUT/run-tests.log" || true

# Per process log: invalid reads/writes and definite leaks with a frame in our .so.
"$PHP" -n -r '
$inv = $leak = $other = 0; $logs = 0; $ours = [];
foreach (glob($argv[1] . "/vg.*.log") as $f) {
    $logs++;
    $text = file_get_contents($f);
    // one record = from "==PID== <headline>" to the next blank "==PID== " line
    foreach (preg_split("/^==\d+== \n/m", $text) as $rec) {
        if (!preg_match("/^==\d+== (Invalid (read|write)|Conditional jump|Use of uninitialised|Invalid free|Mismatched free|Syscall param|Source and destination overlap|[\d,]+ (\([\d,]+ direct, [\d,]+ indirect\) )?bytes in [\d,]+ blocks are definitely lost)/m", $rec, $m)) {
            continue;
        }
        $mine = strpos($rec, "libphp_memcache") !== false || strpos($rec, "php_memcache::") !== false;
        if (!$mine) { $other++; continue; }
        if (strpos($m[1], "Invalid read") === 0 || strpos($m[1], "Invalid write") === 0) { $inv++; }
        elseif (strpos($m[1], "definitely lost") !== false) { $leak++; }
        else { $inv++; }
        $ours[] = basename($f) . ": " . trim(substr($rec, 0, 2000));
    }
}
if ($ours) { file_put_contents($argv[1] . "/ours.txt", implode("\n\n", $ours)); echo "details: ", $argv[1], "/ours.txt\n"; }
echo "valgrind: $logs processes checked; $other error/leak records outside the extension (php, libc; see the logs)\n";
echo "valgrind: $inv invalid reads/writes (or other memory errors), $leak definite leaks from the extension\n";
exit($inv + $leak > 0 ? 1 : 0);
' "$OUT" || rc=1
exit $rc
