#!/usr/bin/env bash
# php-memcache benchmark: ours vs Debian's pecl memcache and pecl memcached, in ONE run, on the
# same two memcached daemons. Run it with `make bench` (or `bash bench/run.sh`); it prints one
# table and rewrites docs/BENCHMARKS.md with it (BENCH_WRITE_DOC=0 to skip that).
#
# What it measures (details in docs/BENCHMARKS.md, "How it is measured"):
#   1. session cycle cost (µs per session_id+session_start+change+session_write_close, 1 KiB session)
#      in three configs: tip3 (the seed's Tip 3 save_path as written), r1 (session_redundancy 1),
#      persistent (persistent=1, session_redundancy 2); plus the floor: two raw `get` round trips of
#      a 1 KiB value per cycle, from PHP over one kept-open stream socket (for information also
#      floor2, the second round trip to both daemons, and floor_sess, a locking session's own
#      commands sent by hand: what memcached itself does for one). Each (extension, config)
#      runs in its own `php -n` process; ROUNDS rounds interleave all of them; medians are shown.
#   2. lock contention: 4 processes x 50 requests on one session id, each holding it 1 ms
#      (usleep(1000)), wall time vs the back-to-back ideal measured in the same run (one process
#      doing the same 200 requests serially).
#   3. end to end: nginx + php-fpm (4 static workers) serving bench/e2e/page.php, loaded with
#      wrk -t2 -c8 (each request a distinct session of a per-thread set): requests/s and p99, CPU
#      per request of each process, connections and syscalls per request; Tip 3 config, then
#      persistent connections, then a page without session (the stack's baseline).
#   4. CPU: callgrind instructions per cycle ((Ir of N cycles - Ir of 0 cycles) / N).
#   5. memory: VmRSS of one process before and after 100k cycles.
#
# Environment:
#   BENCH_QUICK=1         smoke run (~1-2 min): fewer rounds/cycles, short wrk
#   BENCH_SKIP="e2e cg"   skip sections (any of: cycle contend e2e cg rss)
#   BENCH_OURS=path       our extension (default target/release/libphp_memcache.so; built if missing)
#   BENCH_WRITE_DOC=0     do not rewrite docs/BENCHMARKS.md
#   BENCH_NOTE="..."      a note printed after the load averages in docs/BENCHMARKS.md
#   BENCH_OURS_REV=commit BENCH_OURS was built from exactly this commit (docs/BENCHMARKS.md says so)
#   BENCH_PORTS="11611 11612"  the two memcached daemons this script starts (and stops)
#   BENCH_E2E_PORTS="11680 11690"  nginx and php-fpm listen ports (127.0.0.1)
#   BENCH_E2E_ROWS="ours/tip3 ours/persistent"  only these end-to-end rows (ext/config; none/baseline)
#   BENCH_E2E_STRACE=0    no strace'd extra run per end-to-end row (the syscalls/request column)
#   BENCH_E2E_PERF=1      also perf-record (cpu-clock, kernel included) the fpm workers during a 3 s
#                         extra run per row: .run/bench/e2e-perf-{self,children}-<row>.txt
#
# Everything it starts (memcached x2, nginx, php-fpm) runs from a temp dir and is stopped by pid on
# exit; every loop is bounded by a count and a time limit. Raw results: .run/bench/.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi

QUICK="${BENCH_QUICK:-0}"
SKIP=" ${BENCH_SKIP:-} "
if [ "$QUICK" = 1 ]; then
    ROUNDS=3; N_CYCLE=500; N_CONTEND=50; WRK_SECS=3; N_CG=200; N_RSS=5000
else
    ROUNDS=7; N_CYCLE=3000; N_CONTEND=50; WRK_SECS=10; N_CG=2000; N_RSS=100000
fi
HOLD_US=1000
NPROC_CONTEND=4
read -r PORT_A PORT_B <<<"${BENCH_PORTS:-11611 11612}"
read -r PORT_NGINX PORT_FPM <<<"${BENCH_E2E_PORTS:-11680 11690}"
PHP="$(command -v php)"
EXTDIR="$("$PHP" -n -r 'echo ini_get("extension_dir");')"
SO_OURS="${BENCH_OURS:-$ROOT/target/release/libphp_memcache.so}"
SO_PECL="$EXTDIR/memcache.so"
SO_MEMCACHED="$EXTDIR/memcached.so"
EXTS=(ours pecl memcached)
CONFIGS=(tip3 r1 persistent)
OUT="$ROOT/.run/bench"
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.log 2>/dev/null
TMP="$(mktemp -d /tmp/php-memcache-bench.XXXXXX)"
T_START=$SECONDS
export BENCH_LOOP_LIMIT=120

log() { printf '[bench %3ds] %s\n' "$((SECONDS - T_START))" "$*" >&2; }
skip() { [[ "$SKIP" == *" $1 "* ]]; }

# ---- what we started, stopped by pid on exit -----------------------------------------------------
PIDS=()
stop_all() {
    local pid i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        pid="${PIDS[$i]}"
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    PIDS=()
}
cleanup() { stop_all; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null; }
wait_port() { # $1 port, $2 seconds
    local deadline=$((SECONDS + $2))
    until port_busy "$1"; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}

# ---- dependencies -------------------------------------------------------------------------------
need_pkgs=()
command -v memcached >/dev/null 2>&1 || need_pkgs+=(memcached)
[ -f "$SO_PECL" ] || need_pkgs+=(php8.2-memcache)
[ -f "$SO_MEMCACHED" ] || need_pkgs+=(php8.2-memcached)
skip e2e || { command -v nginx >/dev/null 2>&1 || need_pkgs+=(nginx-light); }
skip e2e || { command -v php-fpm8.2 >/dev/null 2>&1 || need_pkgs+=(php8.2-fpm); }
skip e2e || { command -v wrk >/dev/null 2>&1 || need_pkgs+=(wrk); }
skip cg || { command -v valgrind >/dev/null 2>&1 || need_pkgs+=(valgrind); }
if [ "${#need_pkgs[@]}" -gt 0 ]; then
    log "installing ${need_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # policy-rc.d keeps the packages' own services (nginx, php-fpm) from being started
    if [ "$(id -u)" = 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
    fi
    timeout 600 apt-get update -qq >"$OUT/apt.log" 2>&1
    timeout 900 apt-get install -y -qq "${need_pkgs[@]}" >>"$OUT/apt.log" 2>&1 || log "apt-get install failed (see $OUT/apt.log)"
    [ "${added_policy:-0}" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
if [ ! -f "$SO_OURS" ]; then
    log "building $SO_OURS"
    timeout 1500 cargo build --release >"$OUT/build.log" 2>&1 || { log "cargo build failed (see $OUT/build.log)"; exit 1; }
fi
for f in "$SO_OURS" "$SO_PECL" "$SO_MEMCACHED"; do
    [ -f "$f" ] || { log "missing $f"; exit 1; }
done

# ---- php command lines per extension and config -------------------------------------------------
# Every php runs with -n (no php.ini, no conf.d): exactly one session extension is loaded.
SESSION_INI=(-d session.gc_probability=0 -d session.use_cookies=0 -d session.use_strict_mode=0
    -d session.serialize_handler=php -d session.lazy_write=1 -d session.gc_maxlifetime=1440)
ext_args() { # $1 ext -> EXT_ARGS
    case "$1" in
        ours) EXT_ARGS=(-d "extension=$SO_OURS") ;;
        pecl) EXT_ARGS=(-d "extension=$SO_PECL") ;;
        memcached) EXT_ARGS=(-d extension=igbinary.so -d extension=msgpack.so -d "extension=$SO_MEMCACHED") ;;
    esac
}
# The seed's Tip 3: save_path "tcp://A, tcp://B", hash_strategy consistent, allow_failover 1,
# session_redundancy 2. pecl memcached's nearest equivalent: save_path "A,B", consistent (ketama)
# hashing, binary protocol, sess_number_of_replicas=1 (= 2 copies); persistent: sess_persistent=1.
cfg_args() { # $1 ext, $2 config -> CFG_ARGS
    local red=2 pers=""
    [ "$2" = r1 ] && red=1
    [ "$2" = persistent ] && pers="?persistent=1"
    if [ "$1" = memcached ]; then
        CFG_ARGS=(-d session.save_handler=memcached
            -d "session.save_path=127.0.0.1:$PORT_A,127.0.0.1:$PORT_B"
            -d memcached.sess_consistent_hash=1 -d memcached.sess_binary_protocol=1
            -d memcached.sess_number_of_replicas=$((red - 1))
            -d memcached.sess_persistent=$([ -n "$pers" ] && echo 1 || echo 0)
            -d memcached.sess_locking=1)
    else
        CFG_ARGS=(-d session.save_handler=memcache
            -d "session.save_path=\"tcp://127.0.0.1:$PORT_A$pers, tcp://127.0.0.1:$PORT_B$pers\""
            -d memcache.hash_strategy=consistent -d memcache.allow_failover=1
            -d memcache.session_redundancy=$red)
    fi
}
php_cmd() { # $1 ext, $2 config -> PHP_CMD
    ext_args "$1"
    cfg_args "$1" "$2"
    PHP_CMD=("$PHP" -n "${EXT_ARGS[@]}" "${SESSION_INI[@]}" "${CFG_ARGS[@]}")
}
kv() { # $1 key, $2 "k=v k=v" line -> v ("" when missing)
    sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2" | head -n1
}
kv0() { local v; v="$(kv "$@")"; echo "${v:-0}"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
minmax() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR==1{lo=$1} {hi=$1} END {printf "%s %s", lo, hi}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "nan" || b == "nan" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }

# ---- daemons ------------------------------------------------------------------------------------
MC_PIDS=()
start_memcached() {
    local p
    for p in "$PORT_A" "$PORT_B"; do
        if port_busy "$p"; then
            log "127.0.0.1:$p is in use by something this script did not start: set BENCH_PORTS"
            exit 1
        fi
        local args=(-U 0 -l 127.0.0.1 -p "$p" -m 128 -c 1024 -t 1)
        [ "$(id -u)" = 0 ] && args+=(-u root)
        memcached "${args[@]}" >"$OUT/memcached-$p.log" 2>&1 &
        PIDS+=($!)
        MC_PIDS+=($!)
    done
    for p in "$PORT_A" "$PORT_B"; do
        wait_port "$p" 10 || { log "memcached on $p did not come up"; exit 1; }
    done
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "start (quick=$QUICK, load average $LOAD_BEFORE); raw results in $OUT"
start_memcached

declare -A CYC   # "ext/config" or "floor" -> space-separated µs per round
declare -A FAILS # same keys -> failures summed
declare -A RES   # misc results

# ---- 1. session cycle ---------------------------------------------------------------------------
run_cycle() { # $1 ext, $2 config
    local key="$1/$2" line
    php_cmd "$1" "$2"
    line="$(timeout 180 "${PHP_CMD[@]}" bench/bench.php cycle "bench-$1-$2-$$" "$N_CYCLE" 2>>"$OUT/cycle-$1-$2.log")"
    echo "$line" >>"$OUT/cycle-$1-$2.txt"
    CYC[$key]+=" $(kv us_per_cycle "$line")"
    FAILS[$key]=$(( ${FAILS[$key]:-0} + $(kv0 fails "$line") ))
}
run_floor() {
    local line
    line="$(timeout 180 "$PHP" -n bench/bench.php floor "$PORT_A" "$N_CYCLE" 2>>"$OUT/floor.log")"
    echo "$line" >>"$OUT/floor.txt"
    CYC[floor]+=" $(kv us_per_cycle "$line")"
}
run_floor2() {
    local line
    line="$(timeout 180 "$PHP" -n bench/bench.php floor2 "$PORT_A,$PORT_B" "$N_CYCLE" 2>>"$OUT/floor2.log")"
    echo "$line" >>"$OUT/floor2.txt"
    CYC[floor2]+=" $(kv us_per_cycle "$line")"
}
run_floor_sess() {
    local line
    line="$(timeout 180 "$PHP" -n bench/bench.php floor_sess "$PORT_A" "$N_CYCLE" 2>>"$OUT/floor_sess.log")"
    echo "$line" >>"$OUT/floor_sess.txt"
    CYC[floor_sess]+=" $(kv us_per_cycle "$line")"
}
if ! skip cycle; then
    log "session cycle: $ROUNDS rounds x ${#EXTS[@]} extensions x ${#CONFIGS[@]} configs + floor, $N_CYCLE cycles each"
    jobs_list=(floor floor2 floor_sess)
    for e in "${EXTS[@]}"; do for c in "${CONFIGS[@]}"; do jobs_list+=("$e/$c"); done; done
    for ((r = 0; r < ROUNDS; r++)); do
        # rotate the order each round so drift in machine load spreads over everyone
        n=${#jobs_list[@]}
        for ((k = 0; k < n; k++)); do
            j="${jobs_list[$(((k + r * 3) % n))]}"
            case "$j" in
                floor) run_floor ;;
                floor2) run_floor2 ;;
                floor_sess) run_floor_sess ;;
                *) run_cycle "${j%/*}" "${j#*/}" ;;
            esac
        done
    done
fi

# ---- 2. lock contention -------------------------------------------------------------------------
contend_run() { # $1 ext, $2 nprocs, $3 requests per proc -> prints "wall_us fails"
    local ext="$1" np="$2" n="$3" sid="benchlock-$1-$2-$$-$RANDOM" i start_at lines=()
    php_cmd "$ext" tip3
    start_at="$(awk -v t="$(date +%s.%N)" 'BEGIN { printf "%.6f", t + 1.5 }')"
    for ((i = 0; i < np; i++)); do
        timeout 150 "${PHP_CMD[@]}" bench/bench.php contend "$sid" "$n" "$HOLD_US" "$start_at" \
            >"$TMP/contend-$ext-$np-$i.txt" 2>>"$OUT/contend-$ext.log" &
    done
    wait
    cat "$TMP"/contend-"$ext"-"$np"-*.txt >>"$OUT/contend-$ext.txt"
    # wall = first start to last end; waits = every session_start() of every process
    grep -h '^waits=' "$TMP"/contend-"$ext"-"$np"-*.txt | sed 's/^waits=//' | tr ',' '\n' | grep -v '^$' | sort -n >"$TMP/waits"
    local p99 wmax nw
    nw=$(wc -l <"$TMP/waits")
    p99=$(awk -v n="$nw" 'NR == int(n * 0.99 + 0.999) { print; exit }' "$TMP/waits")
    wmax=$(tail -n1 "$TMP/waits")
    grep -h '^start=' "$TMP"/contend-"$ext"-"$np"-*.txt | awk -v p99="${p99:-nan}" -v wmax="${wmax:-nan}" '
        { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
          if (s == "" || v["start"] < s) s = v["start"]; if (v["end"] > e) e = v["end"]; f += v["fails"]; c++ }
        END { if (c == 0) print "nan 0 nan nan"; else printf "%.0f %d %s %s\n", (e - s) * 1e6, f, p99, wmax }'
    rm -f "$TMP"/contend-"$ext"-"$np"-*.txt
}
if ! skip contend; then
    total=$((NPROC_CONTEND * N_CONTEND))
    log "lock contention: $NPROC_CONTEND processes x $N_CONTEND requests on one session, hold ${HOLD_US} µs; back-to-back: 1 process x $total"
    for e in "${EXTS[@]}"; do
        read -r w f p99 wmax < <(contend_run "$e" 1 "$total")
        RES[serial_$e]=$w; RES[serial_fails_$e]=$f
        read -r w f p99 wmax < <(contend_run "$e" "$NPROC_CONTEND" "$N_CONTEND")
        RES[contend_$e]=$w; RES[contend_fails_$e]=$f; RES[wait_p99_$e]=$p99; RES[wait_max_$e]=$wmax
        log "  $e: contended ${RES[contend_$e]} µs (fails $f, session_start p99 $p99 µs, max $wmax µs), back-to-back ${RES[serial_$e]} µs"
    done
fi

# ---- 3. end to end: nginx + php-fpm + wrk -------------------------------------------------------
# Rows (key = ext/config): the Tip 3 config of each extension, then the same with persistent
# connections (ours and pecl memcache: "?persistent=1" on both servers; pecl memcached:
# sess_persistent=1), then the baseline: the same page without a session (bench/e2e/nosession.php,
# our extension loaded but unused). For each row: requests/s and p99 of the measured wrk run, the
# CPU time per request of php-fpm (master + 4 workers), nginx, both memcached and wrk over that run
# (utime+stime deltas from /proc/<pid>/stat; wrk's from bash's `time`), the connections accepted by
# the daemons per request (memcached `stats` total_connections delta), and, from a short extra wrk
# run with the fpm workers under `strace -c -f` (BENCH_E2E_STRACE=0 to skip), the syscalls per
# request of php-fpm and the connect/socket/close/setsockopt/poll... ones among them.
read -r -a E2E_ROWS <<<"${BENCH_E2E_ROWS:-ours/tip3 pecl/tip3 memcached/tip3 ours/persistent pecl/persistent memcached/persistent none/baseline}"
E2E_STRACE="${BENCH_E2E_STRACE:-1}"
[ "$QUICK" = 1 ] && E2E_STRACE_SECS=1 || E2E_STRACE_SECS=3
command -v strace >/dev/null 2>&1 || E2E_STRACE=0
e2e_label() { # $1 key -> row label
    local e="${1%/*}" c="${1#*/}" name
    case "$e" in pecl) name="pecl memcache" ;; memcached) name="pecl memcached" ;; *) name="$e" ;; esac
    case "$c" in
        tip3) echo "$name" ;;
        persistent) echo "$name (persistent)" ;;
        baseline) echo "no session (nginx + php-fpm baseline)" ;;
    esac
}
proc_ticks() { # pids -> "utime+stime utime" ticks summed over those still alive
    local p t u sum=0 usum=0
    for p in "$@"; do
        read -r t u < <(awk '{ print $14 + $15, $14 }' "/proc/$p/stat" 2>/dev/null) && { sum=$((sum + ${t:-0})); usum=$((usum + ${u:-0})); }
    done
    echo "$sum $usum"
}
mc_conns() { # total_connections summed over both daemons
    local p n sum=0
    for p in "$PORT_A" "$PORT_B"; do
        n="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; printf "stats\r\nquit\r\n" >&3; cat <&3' _ "$p" 2>/dev/null \
            | tr -d '\r' | awk '$2 == "total_connections" { print $3 }')"
        sum=$((sum + ${n:-0}))
    done
    echo "$sum"
}
e2e_run() { # $1 key (ext/config)
    local key="$1" ext="${1%/*}" cfg="${1#*/}" tag="${1//\//-}" d pid_fpm pid_nginx line page
    d="$TMP/e2e-$tag"
    mkdir -p "$d"
    page="$ROOT/bench/e2e/page.php"
    [ "$cfg" = baseline ] && page="$ROOT/bench/e2e/nosession.php"
    for p in "$PORT_NGINX" "$PORT_FPM"; do
        if port_busy "$p"; then log "127.0.0.1:$p is in use: set BENCH_E2E_PORTS"; return 1; fi
    done
    cat >"$d/php-fpm.conf" <<EOF
[global]
error_log = $d/fpm-error.log
daemonize = no
[bench]
listen = 127.0.0.1:$PORT_FPM
listen.allowed_clients = 127.0.0.1
pm = static
pm.max_children = 4
pm.max_requests = 0
catch_workers_output = yes
EOF
    cat >"$d/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/nginx-error.log warn;
$([ "$(id -u)" = 0 ] && echo "user root;")
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $d/tmp-body;
    fastcgi_temp_path $d/tmp-fastcgi;
    proxy_temp_path $d/tmp-proxy;
    uwsgi_temp_path $d/tmp-uwsgi;
    scgi_temp_path $d/tmp-scgi;
    server {
        listen 127.0.0.1:$PORT_NGINX;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME $page;
            # one FastCGI connection per request, as Debian's snippet does (with fastcgi_keep_conn,
            # 4 static workers would each hold one of nginx's connections and starve the rest)
            fastcgi_pass 127.0.0.1:$PORT_FPM;
        }
    }
}
EOF
    # php-fpm with -n: no php.ini, no conf.d; the extension and session ini come from -d;
    # opcache on, as on a production server.
    if [ "$ext" = none ]; then
        ext_args ours
        CFG_ARGS=()
    else
        ext_args "$ext"
        cfg_args "$ext" "$cfg"
    fi
    local fpm_args=(-n -d zend_extension=opcache.so -d opcache.enable=1 "${EXT_ARGS[@]}"
        -d session.gc_probability=0 -d session.use_strict_mode=0 -d session.lazy_write=1
        "${CFG_ARGS[@]}")
    [ "$(id -u)" = 0 ] && fpm_args+=(-R)
    php-fpm8.2 -F -O -y "$d/php-fpm.conf" "${fpm_args[@]}" >"$OUT/e2e-fpm-$tag.log" 2>&1 &
    pid_fpm=$!
    PIDS+=("$pid_fpm")
    nginx -c "$d/nginx.conf" -p "$d" >"$OUT/e2e-nginx-$tag.log" 2>&1 &
    pid_nginx=$!
    PIDS+=("$pid_nginx")
    if ! wait_port "$PORT_FPM" 15 || ! wait_port "$PORT_NGINX" 15; then
        log "  $key: nginx/php-fpm did not come up (see $OUT/e2e-*-$tag.log)"
        stop_all_e2e "$pid_nginx" "$pid_fpm"
        return 1
    fi
    # sanity: the page keeps a session across two requests
    local a b
    a="$(timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$PORT_NGINX"'; printf "GET / HTTP/1.0\r\nCookie: PHPSESSID=benchcheck'"$$$tag"'\r\n\r\n" >&3; cat <&3' 2>/dev/null | tail -n1)"
    b="$(timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$PORT_NGINX"'; printf "GET / HTTP/1.0\r\nCookie: PHPSESSID=benchcheck'"$$$tag"'\r\n\r\n" >&3; cat <&3' 2>/dev/null | tail -n1)"
    RES[e2e_check_$key]="$a -> $b"
    # warm-up (workers open connections, opcache fills), then the measured run
    timeout 30 wrk -t2 -c8 -d1s -s bench/e2e/session.lua "http://127.0.0.1:$PORT_NGINX/" -- 64 >/dev/null 2>&1
    # every process of the run, for the CPU split: fpm master + workers, nginx master + worker
    local fpm_pids nginx_pids mc_pids c0 c1 t0 t1 n0 n1 m0 m1
    fpm_pids=("$pid_fpm" $(cat "/proc/$pid_fpm/task/$pid_fpm/children" 2>/dev/null))
    nginx_pids=("$pid_nginx" $(cat "/proc/$pid_nginx/task/$pid_nginx/children" 2>/dev/null))
    mc_pids=("${MC_PIDS[@]}")
    c0="$(mc_conns)"
    local tu0 tu1 nu0 nu1 mu0 mu1
    read -r t0 tu0 < <(proc_ticks "${fpm_pids[@]}"); read -r n0 nu0 < <(proc_ticks "${nginx_pids[@]}"); read -r m0 mu0 < <(proc_ticks "${mc_pids[@]}")
    local TIMEFORMAT='%U %S'
    { time timeout $((WRK_SECS + 30)) wrk -t2 -c8 -d"${WRK_SECS}s" --timeout 5s -s bench/e2e/session.lua \
        "http://127.0.0.1:$PORT_NGINX/" -- 64 >"$OUT/e2e-wrk-$tag.txt" 2>&1; } 2>"$TMP/wrk-time"
    read -r t1 tu1 < <(proc_ticks "${fpm_pids[@]}"); read -r n1 nu1 < <(proc_ticks "${nginx_pids[@]}"); read -r m1 mu1 < <(proc_ticks "${mc_pids[@]}")
    c1="$(mc_conns)"
    line="$(grep '^WRK ' "$OUT/e2e-wrk-$tag.txt")"
    local nreq hz
    nreq="$(kv0 requests "$line")"
    hz="$(getconf CLK_TCK 2>/dev/null || echo 100)"
    RES[e2e_rps_$key]="$(awk -v r="$nreq" -v d="$(kv duration_us "$line")" 'BEGIN { if (d > 0) printf "%.0f", r / (d / 1e6); else print "nan" }')"
    RES[e2e_p99_$key]="$(awk -v v="$(kv p99_us "$line")" 'BEGIN { if (v == "") print "nan"; else printf "%.2f", v / 1000 }')"
    RES[e2e_err_$key]=$(( $(kv0 err_status "$line") + $(kv0 err_read "$line") + $(kv0 err_timeout "$line") + $(kv0 err_connect "$line") ))
    per_req_ticks() { awk -v a="$1" -v b="$2" -v n="$nreq" -v hz="$hz" 'BEGIN { if (n > 0) printf "%.0f", (b - a) / hz * 1e6 / n; else print "nan" }'; }
    RES[e2e_cpu_fpm_$key]="$(per_req_ticks "$t0" "$t1")"
    RES[e2e_cpu_nginx_$key]="$(per_req_ticks "$n0" "$n1")"
    RES[e2e_cpu_mc_$key]="$(per_req_ticks "$m0" "$m1")"
    # raw: the user-space part of each (the rest is the kernel's)
    echo "requests=$nreq fpm_us=${RES[e2e_cpu_fpm_$key]} fpm_user_us=$(per_req_ticks "$tu0" "$tu1") nginx_us=${RES[e2e_cpu_nginx_$key]} nginx_user_us=$(per_req_ticks "$nu0" "$nu1") memcached_us=${RES[e2e_cpu_mc_$key]} memcached_user_us=$(per_req_ticks "$mu0" "$mu1") wrk_user_sys_s=$(cat "$TMP/wrk-time")" >"$OUT/e2e-cpu-$tag.txt"
    RES[e2e_cpu_wrk_$key]="$(awk -v n="$nreq" '{ if (n > 0) printf "%.0f", ($1 + $2) * 1e6 / n; else print "nan" }' "$TMP/wrk-time")"
    # minus the 2 connections of the stats reading itself
    RES[e2e_conns_$key]="$(awk -v a="$c0" -v b="$c1" -v n="$nreq" 'BEGIN { if (n > 0) printf "%.2f", (b - a - 2) / n; else print "nan" }')"
    # syscalls per request of the fpm workers: a short extra run with them under strace -c -f
    RES[e2e_sys_$key]="n/a"
    if [ "$E2E_STRACE" = 1 ]; then
        local sargs=() wp pid_strace sline sn
        for wp in "${fpm_pids[@]:1}"; do sargs+=(-p "$wp"); done
        timeout $((E2E_STRACE_SECS + 30)) strace -c -f -o "$OUT/e2e-strace-$tag.txt" "${sargs[@]}" 2>/dev/null &
        pid_strace=$!
        sleep 0.5
        sline="$(timeout $((E2E_STRACE_SECS + 30)) wrk -t2 -c8 -d"${E2E_STRACE_SECS}s" --timeout 5s -s bench/e2e/session.lua \
            "http://127.0.0.1:$PORT_NGINX/" -- 64 2>&1 | grep '^WRK ')"
        kill -INT "$pid_strace" 2>/dev/null
        wait "$pid_strace" 2>/dev/null
        sn="$(kv0 requests "$sline")"
        # "calls" column of every syscall row and of the total; per request
        RES[e2e_sys_$key]="$(awk -v n="$sn" '
            $NF == "total" { tot = $4 }
            $NF ~ /^(connect|socket|close|setsockopt|getsockopt|poll|ioctl|fcntl|shutdown)$/ { net[$NF] = $4 }
            END { if (n <= 0 || tot == "") { print "n/a"; exit }
                  printf "%.1f (", tot / n; sep = ""
                  split("socket connect setsockopt getsockopt poll ioctl fcntl shutdown close", o, " ")
                  for (i = 1; i <= 9; i++) if (o[i] in net) { printf "%s%s %.1f", sep, o[i], net[o[i]] / n; sep = ", " }
                  printf ")" }' "$OUT/e2e-strace-$tag.txt" 2>/dev/null)"
        [ -n "${RES[e2e_sys_$key]}" ] || RES[e2e_sys_$key]="n/a"
    fi
    # optional: where the fpm workers' CPU goes (kernel included), perf with a software clock
    if [ "${BENCH_E2E_PERF:-0}" = 1 ] && command -v perf >/dev/null 2>&1; then
        local pw=() pid_perf
        for wp in "${fpm_pids[@]:1}"; do pw+=("$wp"); done
        timeout 60 perf record -q -e cpu-clock -F 4000 -g -o "$TMP/perf-$tag.data" -p "$(IFS=,; echo "${pw[*]}")" >/dev/null 2>&1 &
        pid_perf=$!
        sleep 0.5
        timeout 40 wrk -t2 -c8 -d3s --timeout 5s -s bench/e2e/session.lua "http://127.0.0.1:$PORT_NGINX/" -- 64 >/dev/null 2>&1
        kill -INT "$pid_perf" 2>/dev/null
        wait "$pid_perf" 2>/dev/null
        timeout 120 perf report -i "$TMP/perf-$tag.data" --no-children --sort dso,sym --stdio 2>/dev/null | grep -v '^$' | grep -E '^ +[0-9]' | head -60 >"$OUT/e2e-perf-self-$tag.txt"
        timeout 120 perf report -i "$TMP/perf-$tag.data" --children --sort sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -80 >"$OUT/e2e-perf-children-$tag.txt"
    fi
    grep -c -i -E 'warning|error' "$d/fpm-error.log" >"$TMP/fpmwarn" 2>/dev/null || true
    RES[e2e_warn_$key]="$(cat "$TMP/fpmwarn" 2>/dev/null || echo 0)"
    cp "$d/fpm-error.log" "$OUT/e2e-fpm-error-$tag.log" 2>/dev/null || true
    stop_all_e2e "$pid_nginx" "$pid_fpm"
    log "  $key: ${RES[e2e_rps_$key]} req/s, p99 ${RES[e2e_p99_$key]} ms, errors ${RES[e2e_err_$key]}, CPU µs/req fpm ${RES[e2e_cpu_fpm_$key]} nginx ${RES[e2e_cpu_nginx_$key]} memcached ${RES[e2e_cpu_mc_$key]} wrk ${RES[e2e_cpu_wrk_$key]}, memcached connections/req ${RES[e2e_conns_$key]}, fpm syscalls/req ${RES[e2e_sys_$key]}, page check ${RES[e2e_check_$key]}"
}
stop_all_e2e() { # pids: stop them and drop them from PIDS
    local p q keep=()
    for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "$@"; do
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    for q in "${PIDS[@]}"; do
        [[ " $* " == *" $q "* ]] || keep+=("$q")
    done
    PIDS=("${keep[@]}")
}
if ! skip e2e; then
    log "end to end: nginx + php-fpm (4 static workers, opcache) + wrk -t2 -c8 -d${WRK_SECS}s, 64 sessions per wrk thread; rows: ${E2E_ROWS[*]}"
    for k in "${E2E_ROWS[@]}"; do e2e_run "$k"; done
fi

# ---- 4. CPU: callgrind instructions per cycle ---------------------------------------------------
cg_ir() { # $1 ext, $2 cycles -> total Ir
    local out="$TMP/cg-$1-$2.out"
    php_cmd "$1" tip3
    timeout 600 valgrind --tool=callgrind --callgrind-out-file="$out" \
        "${PHP_CMD[@]}" bench/bench.php count "benchcg-$1-$$" "$2" >>"$OUT/callgrind-$1.log" 2>&1
    # the "summary:"/"totals:" line of the profile is the total instruction count
    awk '/^(summary|totals):/ { print $2; exit }' "$out" 2>/dev/null
    [ "$2" -gt 0 ] && cp "$out" "$OUT/callgrind-$1.out" 2>/dev/null
}
if ! skip cg; then
    log "callgrind: Tip 3, (Ir of $N_CG cycles - Ir of 0) / $N_CG, after 5 warm-up cycles"
    for e in "${EXTS[@]}"; do
        ir0="$(BENCH_WARMUP=5 cg_ir "$e" 0)"
        irn="$(BENCH_WARMUP=5 cg_ir "$e" "$N_CG")"
        RES[cg_$e]="$(awk -v a="$irn" -v b="$ir0" -v n="$N_CG" 'BEGIN { if (a == "" || b == "") print "nan"; else printf "%.0f", (a - b) / n }')"
        log "  $e: ${RES[cg_$e]} instructions per cycle"
    done
fi

# ---- 5. RSS over many cycles --------------------------------------------------------------------
if ! skip rss; then
    log "RSS: one process, VmRSS after 200 warm-up cycles, after $((N_RSS / 10)) and after $N_RSS more (Tip 3)"
    for e in "${EXTS[@]}"; do
        php_cmd "$e" tip3
        line="$(BENCH_LOOP_LIMIT=240 timeout 300 "${PHP_CMD[@]}" bench/bench.php rss "benchrss-$e-$$" "$N_RSS" 2>>"$OUT/rss-$e.log")"
        echo "$line" >"$OUT/rss-$e.txt"
        RES[rss0_$e]="$(kv rss_before_kb "$line")"
        RES[rss1_$e]="$(kv rss_after_kb "$line")"
        RES[rssm_$e]="$(kv rss_mid_kb "$line")"
        RES[rss_done_$e]="$(kv done "$line")"
        RES[rss_fails_$e]="$(kv fails "$line")"
        log "  $e: ${RES[rss0_$e]} -> ${RES[rssm_$e]} -> ${RES[rss1_$e]} KiB over ${RES[rss_done_$e]} cycles"
    done
fi

stop_all
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- the table ----------------------------------------------------------------------------------
TABLE="$TMP/table.md"
{
    if ! skip cycle; then
        floor_med="$(median <<<"${CYC[floor]}")"
        read -r flo fhi < <(minmax <<<"${CYC[floor]}")
        floor2_med="$(median <<<"${CYC[floor2]}")"
        read -r f2lo f2hi < <(minmax <<<"${CYC[floor2]}")
        fs_med="$(median <<<"${CYC[floor_sess]}")"
        read -r fslo fshi < <(minmax <<<"${CYC[floor_sess]}")
        echo "### Session cycle, µs per cycle (median of $ROUNDS runs x $N_CYCLE cycles; range in brackets)"
        echo
        echo "| config | ours | pecl memcache | pecl memcached | floor | ours/pecl memcache | ours/pecl memcached | ours/floor (target ≤ 1.15) |"
        echo "|---|---|---|---|---|---|---|---|"
        FLOOR_NOTE="Floor: 2 raw \`get\` round trips (1 KiB) per cycle from PHP, one server: $(printf '%.1f' "$floor_med") µs [$(printf '%.0f–%.0f' "$flo" "$fhi")]. For information, the same with the second round trip sent to both daemons (what session_redundancy 2 needs at least): $(printf '%.1f' "$floor2_med") µs [$(printf '%.0f–%.0f' "$f2lo" "$f2hi")]; ours tip3 / that: $(ratio "$(median <<<"${CYC[ours/tip3]:-}")" "$floor2_med"). And the commands of a locking session handler's cycle sent by hand to one server (\`incr\` + \`add\` of the lock with the \`get\`, then \`replace\` of the data + the lock's release \`set\`: memcached's own work for such a session): $(printf '%.1f' "$fs_med") µs [$(printf '%.0f–%.0f' "$fslo" "$fshi")]; ours r1 / that: $(ratio "$(median <<<"${CYC[ours/r1]:-}")" "$fs_med")."
        for c in "${CONFIGS[@]}"; do
            row="| $c"
            for e in "${EXTS[@]}"; do
                m="$(median <<<"${CYC[$e/$c]:-}")"
                read -r lo hi < <(minmax <<<"${CYC[$e/$c]:-}")
                RES[cyc_${e}_$c]=$m
                f="${FAILS[$e/$c]:-0}"
                row+=" | $(printf '%.1f' "$m" 2>/dev/null || echo "$m") [$(printf '%.0f–%.0f' "$lo" "$hi" 2>/dev/null)]$([ "$f" != 0 ] && echo " ($f failed)")"
            done
            row+=" | $(printf '%.1f' "$floor_med") [$(printf '%.0f–%.0f' "$flo" "$fhi")]"
            row+=" | $(ratio "${RES[cyc_ours_$c]}" "${RES[cyc_pecl_$c]}") | $(ratio "${RES[cyc_ours_$c]}" "${RES[cyc_memcached_$c]}") | $(ratio "${RES[cyc_ours_$c]}" "$floor_med") |"
            echo "$row"
        done
        echo
        echo "$FLOOR_NOTE"
        echo
    fi
    if ! skip contend; then
        echo "### Lock contention: $NPROC_CONTEND processes x $N_CONTEND requests on one session, each holding it ${HOLD_US} µs"
        echo
        echo "| extension | wall ms | back-to-back ms (1 process x $((NPROC_CONTEND * N_CONTEND))) | wall / back-to-back | session_start p99 / max ms (lock wait) | failed requests |"
        echo "|---|---|---|---|---|---|"
        for e in "${EXTS[@]}"; do
            echo "| $e | $(awk -v v="${RES[contend_$e]}" 'BEGIN{printf "%.1f", v/1000}') | $(awk -v v="${RES[serial_$e]}" 'BEGIN{printf "%.1f", v/1000}') | $(ratio "${RES[contend_$e]}" "${RES[serial_$e]}") | $(awk -v a="${RES[wait_p99_$e]}" -v b="${RES[wait_max_$e]}" 'BEGIN{printf "%.1f / %.1f", a/1000, b/1000}') | ${RES[contend_fails_$e]} (back-to-back: ${RES[serial_fails_$e]}) |"
        done
        echo
    fi
    if ! skip e2e; then
        echo "### End to end: nginx + php-fpm (4 workers) + wrk -t2 -c8 -d${WRK_SECS}s, Tip 3 config as written (each extension's default connections) and with persistent connections"
        echo
        echo "| row | requests/s | p99 ms | ours/this (req/s; target ≥ 1.3 vs pecl memcache) | CPU µs/request: php-fpm / nginx / memcached ×2 / wrk | memcached connections/request | php-fpm syscalls/request (of which) | errors |"
        echo "|---|---|---|---|---|---|---|---|"
        for k in "${E2E_ROWS[@]}"; do
            echo "| $(e2e_label "$k") | ${RES[e2e_rps_$k]:-n/a} | ${RES[e2e_p99_$k]:-n/a} | $(ratio "${RES[e2e_rps_ours/tip3]:-}" "${RES[e2e_rps_$k]:-}") | ${RES[e2e_cpu_fpm_$k]:-n/a} / ${RES[e2e_cpu_nginx_$k]:-n/a} / ${RES[e2e_cpu_mc_$k]:-n/a} / ${RES[e2e_cpu_wrk_$k]:-n/a} | ${RES[e2e_conns_$k]:-n/a} | ${RES[e2e_sys_$k]:-n/a} | ${RES[e2e_err_$k]:-n/a} |"
        done
        echo
        b_fpm="${RES[e2e_cpu_fpm_none/baseline]:-}"
        echo "Session share of a request, php-fpm CPU µs/request above the no-session baseline ($b_fpm µs):$(for k in "${E2E_ROWS[@]}"; do
            [ "$k" = none/baseline ] && continue
            printf ' %s +%s;' "$(e2e_label "$k")" "$(awk -v a="${RES[e2e_cpu_fpm_$k]:-nan}" -v b="$b_fpm" 'BEGIN { if (a == "nan" || b == "" || b == "nan") print "n/a"; else printf "%.0f", a - b }')"
        done | sed 's/;$/./') With persistent connections each php-fpm worker keeps one connection per daemon open for its lifetime (here 4 per daemon; memcached's default limit, \`-c\`, is 1024 connections per daemon)."
        echo
    fi
    if ! skip cg; then
        echo "### CPU: instructions per session cycle (callgrind, Tip 3, $N_CG cycles)"
        echo
        echo "| extension | instructions/cycle | ours/this (target ≤ 0.7 vs pecl memcache) |"
        echo "|---|---|---|"
        for e in "${EXTS[@]}"; do
            echo "| $e | ${RES[cg_$e]} | $(ratio "${RES[cg_ours]}" "${RES[cg_$e]}") |"
        done
        echo
    fi
    if ! skip rss; then
        echo "### Memory: VmRSS of one process, Tip 3"
        echo
        echo "| extension | cycles | RSS after warm-up KiB | after 10 % KiB | after 100 % KiB | growth 10 %→100 % KiB |"
        echo "|---|---|---|---|---|---|"
        for e in "${EXTS[@]}"; do
            echo "| $e | ${RES[rss_done_$e]:-n/a} | ${RES[rss0_$e]:-n/a} | ${RES[rssm_$e]:-n/a} | ${RES[rss1_$e]:-n/a} | $(awk -v a="${RES[rss1_$e]:-0}" -v b="${RES[rssm_$e]:-0}" 'BEGIN{print a-b}') |"
        done
        echo
    fi
    # the issue's targets
    echo "### Targets"
    echo
    t() { # $1 label, $2 value, $3 op, $4 bound
        local ok
        ok="$(awk -v v="$2" -v b="$4" -v op="$3" 'BEGIN { if (v == "n/a" || v == "") print "n/a"; else if ((op == "<=" && v <= b) || (op == ">=" && v >= b)) print "PASS"; else print "FAIL" }')"
        echo "- $1: $2 (target $3 $4): **$ok**"
    }
    if ! skip cycle; then
        for c in "${CONFIGS[@]}"; do t "cycle $c, ours/floor" "$(ratio "${RES[cyc_ours_$c]}" "$floor_med")" "<=" 1.15; done
    fi
    skip e2e || t "end to end req/s, ours/pecl memcache" "$(ratio "${RES[e2e_rps_ours/tip3]:-}" "${RES[e2e_rps_pecl/tip3]:-}")" ">=" 1.3
    skip e2e || t "end to end req/s with persistent connections, ours/pecl memcache" "$(ratio "${RES[e2e_rps_ours/persistent]:-}" "${RES[e2e_rps_pecl/persistent]:-}")" ">=" 1.3
    skip cg || t "instructions per cycle, ours/pecl memcache" "$(ratio "${RES[cg_ours]:-}" "${RES[cg_pecl]:-}")" "<=" 0.7
    skip rss || t "RSS flat: ours' growth from 10 % to 100 % of ${RES[rss_done_ours]:-?} cycles (KiB)" "$(awk -v a="${RES[rss1_ours]:-0}" -v b="${RES[rssm_ours]:-0}" 'BEGIN{print a-b}')" "<=" 128
} >"$TABLE"

cat "$TABLE"
cp "$TABLE" "$OUT/table.md"
log "done in $((SECONDS - T_START))s; load average before $LOAD_BEFORE, after $LOAD_AFTER"

# ---- docs/BENCHMARKS.md -------------------------------------------------------------------------
if [ "${BENCH_WRITE_DOC:-1}" = 1 ] && [ "$QUICK" != 1 ] && [ "$SKIP" = "  " ]; then
    bash bench/write_doc.sh "$TABLE" "$LOAD_BEFORE" "$LOAD_AFTER" "$((SECONDS - T_START))" "$SO_OURS" >"$ROOT/docs/BENCHMARKS.md.new" \
        && mv "$ROOT/docs/BENCHMARKS.md.new" "$ROOT/docs/BENCHMARKS.md" \
        && log "wrote docs/BENCHMARKS.md"
fi
