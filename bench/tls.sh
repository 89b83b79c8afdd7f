#!/usr/bin/env bash
# TLS vs plain TCP: the session cycle (bench/bench.php: session_start + a change + write_close,
# Tip 3: two servers, session_redundancy 2) over tcp:// and tls://, persistent and not.
# Per configuration: syscalls per cycle (strace -f -c, (N - 0 cycles) / N), user-space
# instructions per cycle inside session_start() + session_write_close() (callgrind, as
# bench/profile.sh), and wall clock: the median of BENCH_TLS_ROUNDS (7) interleaved rounds of
# 2000 cycles per configuration, with the TLS/TCP ratio (issue 14's target: <= 1.2 persistent).
#
#   bash bench/tls.sh          BENCH_TLS_N=300 cycles per measurement
#
# Starts its own memcached (2 plain, 2 -Z) on BENCH_TLS_PORTS (default 11621-11624), makes
# certificates with scripts/tls-certs.sh into .run/bench-tls/, stops everything on exit.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
N="${BENCH_TLS_N:-300}"
OUT="$PWD/.run/bench-tls"
mkdir -p "$OUT"
read -r PA PB TA TB <<<"${BENCH_TLS_PORTS:-11621 11622 11623 11624}"
PHP="$(command -v php)"
SO="${BENCH_OURS:-$PWD/target/release/libphp_memcache.so}"
bash scripts/tls-certs.sh "$OUT/certs" || exit 1
PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT
root=(); [ "$(id -u)" = 0 ] && root=(-u root)
for p in "$PA" "$PB"; do memcached -U 0 -l 127.0.0.1 -p "$p" -m 64 -t 1 "${root[@]}" & PIDS+=($!); done
for p in "$TA" "$TB"; do
    memcached -U 0 -l 127.0.0.1 -p "$p" -m 64 -t 1 "${root[@]}" -Z \
        -o "ssl_chain_cert=$OUT/certs/server.pem,ssl_key=$OUT/certs/server.key" & PIDS+=($!)
done
sleep 0.5
ROUNDS="${BENCH_TLS_ROUNDS:-7}"
cmd_for() { # $1 transport, $2 persistent -> the php command line in CMD
    local a b
    if [ "$1" = tcp ]; then a=$PA; b=$PB; else a=$TA; b=$TB; fi
    CMD=("$PHP" -n -d "extension=$SO" -d session.gc_probability=0 -d session.use_cookies=0
        -d session.use_strict_mode=0 -d session.serialize_handler=php -d session.lazy_write=1
        -d session.save_handler=memcache -d memcache.session_redundancy=2
        -d memcache.tls_ca_file="$OUT/certs/ca.pem"
        -d "session.save_path=\"$1://127.0.0.1:$a?persistent=$2, $1://127.0.0.1:$b?persistent=$2\"")
}
CONFIGS=("tcp 1" "tcp 0" "tls 1" "tls 0")
declare -A SYS INS WALL
for c in "${CONFIGS[@]}"; do
    read -r transport pers <<<"$c"
    cmd_for "$transport" "$pers"
    sid="tls-bench-$transport-$pers-$$"
    export BENCH_WARMUP=5
    timeout 300 strace -f -c -o "$OUT/s0.txt" "${CMD[@]}" bench/bench.php count "$sid" 0 >/dev/null 2>&1
    timeout 600 strace -f -c -o "$OUT/sn.txt" "${CMD[@]}" bench/bench.php count "$sid" "$N" >/dev/null 2>&1
    SYS[$c]=$(awk -v n="$N" 'FNR == 1 { f++ } /^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+/ && $NF != "total" { if (f == 1) c0[$NF] = $4; else c1[$NF] = $4 }
        END { for (k in c1) t += c1[k] - c0[k]; printf "%.1f", t / n }' "$OUT/s0.txt" "$OUT/sn.txt")
    timeout 900 valgrind --tool=callgrind --collect-atstart=no --toggle-collect=php_session_start \
        --toggle-collect=php_session_flush --callgrind-out-file="$OUT/cg-$transport-$pers.out" \
        "${CMD[@]}" bench/bench.php count "$sid" "$N" >/dev/null 2>&1
    INS[$c]=$(awk -v n="$N" '/^(summary|totals):/ { printf "%d", $2 / n; exit }' "$OUT/cg-$transport-$pers.out")
done
# Wall clock: ROUNDS rounds, each running every configuration once (2000 cycles in one process),
# interleaved so that a slow moment of the machine hits all of them alike; the median per config.
# The daemons' CPU time (user + system, clock ticks) over the wall-clock runs, per transport:
# what the servers' side of TLS costs per cycle.
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$t"; }
HZ=$(getconf CLK_TCK)
declare -A SRV
for ((r = 1; r <= ROUNDS; r++)); do
    for c in "${CONFIGS[@]}"; do
        read -r transport pers <<<"$c"
        cmd_for "$transport" "$pers"
        if [ "$transport" = tcp ]; then daemons=("${PIDS[0]}" "${PIDS[1]}"); else daemons=("${PIDS[2]}" "${PIDS[3]}"); fi
        t0=$(ticks "${daemons[@]}")
        us=$("${CMD[@]}" bench/bench.php cycle "tls-wall-$transport-$pers-$$" 2000 2>/dev/null | sed -n 's/.*us_per_cycle=\([0-9.]*\).*/\1/p')
        SRV[$c]=$(( ${SRV[$c]:-0} + $(ticks "${daemons[@]}") - t0 ))
        WALL[$c]="${WALL[$c]:-} ${us:-nan}"
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; else printf "?" }'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f", lo, hi }'; }
printf '| transport | persistent | syscalls / cycle | instructions / cycle | µs / cycle (median of %s rounds, range) | tls / tcp (same persistence) | both daemons CPU µs / cycle |\n|---|---|---|---|---|---|---|\n' "$ROUNDS"
declare -A MED
for c in "${CONFIGS[@]}"; do MED[$c]=$(median <<<"${WALL[$c]}"); done
for c in "${CONFIGS[@]}"; do
    read -r transport pers <<<"$c"
    ratio=$(awk -v a="${MED[$c]}" -v b="${MED[tcp $pers]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "?" }')
    srv=$(awk -v t="${SRV[$c]}" -v hz="$HZ" -v n=$((ROUNDS * 2000)) 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
    printf '| %s | %s | %s | %s | %s [%s] | %s | %s |\n' "$transport" "$pers" "${SYS[$c]}" "${INS[$c]}" "${MED[$c]}" "$(range <<<"${WALL[$c]}")" "$ratio" "$srv"
done
