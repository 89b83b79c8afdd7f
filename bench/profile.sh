#!/usr/bin/env bash
# Where does a session cycle's time go? For one extension and config (default: ours, tip3):
#   1. syscalls per cycle: strace -f -c over N cycles minus 0 cycles, divided by N;
#   2. the syscall sequence of one steady-state cycle (strace of a run with 3 cycles, last cycle);
#   3. user-space instructions per cycle inside session_start() + session_write_close() only
#      (callgrind toggled on php_session_start / php_session_flush), top functions inclusive and
#      self, and the share spent in malloc/free.
#
#   bash bench/profile.sh [ours|pecl|memcached] [tip3|r1|persistent]
#   BENCH_PROFILE_N=1000   cycles per measurement
#
# Starts its own two memcached (BENCH_PORTS, default 11611 11612) and stops them; writes the raw
# files to .run/bench-profile/.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
EXT="${1:-ours}"
CFG="${2:-tip3}"
N="${BENCH_PROFILE_N:-1000}"
OUTP="$PWD/.run/bench-profile"
mkdir -p "$OUTP"
read -r PORT_A PORT_B <<<"${BENCH_PORTS:-11611 11612}"
PHP="$(command -v php)"
EXTDIR="$("$PHP" -n -r 'echo ini_get("extension_dir");')"
SO_OURS="${BENCH_OURS:-$PWD/target/release/libphp_memcache.so}"
SO_PECL="$EXTDIR/memcache.so"
SO_MEMCACHED="$EXTDIR/memcached.so"
for t in strace valgrind callgrind_annotate memcached; do
    command -v "$t" >/dev/null 2>&1 || { echo "profile.sh: $t is missing (apt-get install strace valgrind memcached)"; exit 1; }
done

# the same command lines as bench/run.sh
eval "$(sed -n '/^SESSION_INI=/,/^}$/p; /^cfg_args()/,/^}$/p; /^php_cmd()/,/^}$/p' bench/run.sh)"

PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT
for p in "$PORT_A" "$PORT_B"; do
    if timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$p" 2>/dev/null; then
        echo "profile.sh: 127.0.0.1:$p is in use: set BENCH_PORTS"; exit 1
    fi
    args=(-U 0 -l 127.0.0.1 -p "$p" -m 64 -t 1)
    [ "$(id -u)" = 0 ] && args+=(-u root)
    memcached "${args[@]}" &
    PIDS+=($!)
done
sleep 0.5

php_cmd "$EXT" "$CFG"
sid="prof-$EXT-$CFG-$$"
export BENCH_WARMUP=5

echo "== $EXT / $CFG: syscalls per cycle (strace -c, ($N cycles - 0 cycles) / $N)"
timeout 300 strace -f -c -o "$OUTP/strace-0.txt" "${PHP_CMD[@]}" bench/bench.php count "$sid" 0 >/dev/null 2>&1
timeout 600 strace -f -c -o "$OUTP/strace-n.txt" "${PHP_CMD[@]}" bench/bench.php count "$sid" "$N" >/dev/null 2>&1
awk -v n="$N" '
    FNR == 1 { f++ }
    /^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+/ {
        name = $NF; calls = $4; errs = (NF == 6) ? $5 : 0
        if (f == 1) { c0[name] = calls; e0[name] = errs } else { c1[name] = calls; e1[name] = errs }
    }
    END {
        for (k in c1) { if (k == "total") continue; d = (c1[k] - c0[k]) / n; if (d >= 0.05) { printf "  %-12s %6.2f per cycle", k, d; de = (e1[k] - e0[k]) / n; if (de >= 0.05) printf " (%.2f failed)", de; printf "\n"; tot += d } }
        printf "  %-12s %6.2f per cycle\n", "TOTAL", tot
    }' "$OUTP/strace-0.txt" "$OUTP/strace-n.txt" | sort -k2 -gr

echo
echo "== one steady-state cycle (the last of 3), syscalls in order"
timeout 120 strace -e trace='!newfstatat,openat,read,close,mmap,munmap,mprotect,brk,fstat,lseek,getdents64,rt_sigaction,rt_sigprocmask,futex,readlink,getcwd,prlimit64,sysinfo,getrandom,pread64,access,statx' \
    -s 60 -o "$OUTP/strace-3.txt" "${PHP_CMD[@]}" bench/bench.php count "$sid" 3 >/dev/null 2>&1
# the last cycle is the tail of the trace (before the result line is written)

grep -v -E '^(write\(1|exit_group|\+\+\+)' "$OUTP/strace-3.txt" | tail -n 30 | sed 's/^/  /' | cut -c1-150

echo
echo "== user-space instructions inside session_start() + session_write_close() (callgrind)"
timeout 600 valgrind --tool=callgrind --collect-atstart=no --toggle-collect=php_session_start \
    --toggle-collect=php_session_flush --callgrind-out-file="$OUTP/callgrind.out" \
    "${PHP_CMD[@]}" bench/bench.php count "$sid" "$N" >"$OUTP/callgrind.log" 2>&1
total=$(awk '/^(summary|totals):/ { print $2; exit }' "$OUTP/callgrind.out")
echo "  total: $((total / N)) instructions per cycle"
callgrind_annotate --inclusive=yes "$OUTP/callgrind.out" 2>/dev/null >"$OUTP/inclusive.txt"
callgrind_annotate --inclusive=no "$OUTP/callgrind.out" 2>/dev/null >"$OUTP/self.txt"
show() { # top rows of a callgrind_annotate listing, as instructions per cycle
    awk -v n="$N" -v max="$2" '/^-+$/ { sep++; next } sep >= 3 && /^ *[0-9,]+ / {
        v = $1; gsub(",", "", v); $1 = ""; sub(/^ +\([ 0-9.%]+\) +/, "", $0); sub(/^ */, "", $0)
        sub(/ \[[^]]*\]$/, "", $0); printf "  %8d  %s\n", v / n, substr($0, 1, 110); if (++k >= max) exit }' "$1"
}
echo "  -- inclusive (per cycle), top 30"
show "$OUTP/inclusive.txt" 30
echo "  -- self (per cycle), top 20"
show "$OUTP/self.txt" 20
echo "  -- malloc/free/realloc family, self, per cycle:"
grep -E 'malloc\.c:|__rust_(alloc|dealloc|realloc)|__rdl_' "$OUTP/self.txt" | awk -v n="$N" '{ v = $1; gsub(",", "", v); s += v } END { printf "  %8d\n", s / n }'
