#!/usr/bin/env bash
# php-memcache failover drill (issue 11): `make drill` (= `bash bench/drill.sh`).
#
# For each (extension, config) it starts N memcached daemons, php-fpm (4 static workers, the
# extension as session.save_handler) behind nginx, all on loopback, and drives a steady load with
# bench/drill/load.rs (private users whose session counters must go 1, 2, 3, ... and shared "busy"
# sessions with several concurrent clients whose final count must equal their successful
# increments) through a schedule of faults, one phase each:
#
#   baseline  no fault
#   kill9     kill -9 of one daemon (the "victim"), left dead for the phase
#   restart   the victim started again, empty, on the same port
#   sigstop   SIGSTOP of the victim for DRILL_STOP_S (longer than the timeout), then SIGCONT
#   flap      several SIGSTOP/SIGCONT cycles of ~0.8-1.5 s
#   drop      the victim's established connections destroyed (ss -K) every DRILL_DROP_EVERY_MS
#
# Each phase ends with a settle period under load; its shared sessions are then read once. Per
# phase it prints requests, failed requests, stale reads, lost updates, lost sessions, gaps and the
# client-side latency p50/p99/max, one table per (extension, config), and rewrites
# docs/RELIABILITY.md with them (full mode). Exit status 1 when OUR extension shows any stale read,
# lost update, lost session, gap or failed request, or a request slower than timeout + 50 ms (the
# page's own wall time; DRILL_SLOW_BY=client: the client-side latency); pecl rows are informational.
#
# When run as root it re-execs itself inside a private network namespace (unshare --net, lo up):
# the fixed ports below never collide with anything else on the machine. Installing packages and
# building happen before that, with the network.
#
# Environment (defaults in brackets):
#   DRILL_QUICK=1            smoke run (< 3 min): ours only, config 3:2, short phases; prints
#                            "N passed, M failed" last (one check per phase x metric for ours)
#   DRILL_OURS=path          our extension [target/release/libphp_memcache.so; built if missing]
#   DRILL_EXTS               extensions ["ours pecl memcached"; quick: "ours"]
#   DRILL_CONFIGS            daemons:redundancy ["3:2 2:2 5:3"; quick: "3:2"]
#   DRILL_PHASES             subset/order of the phases ["baseline kill9 restart sigstop flap drop"]
#   DRILL_TIMEOUT, DRILL_RETRY  save_path timeout (s) and retry_interval (s) [0.5, 2]
#   DRILL_USERS [200], DRILL_THINK_MS [800]: private users and their mean think time
#   DRILL_SHARED ["3x6"]     shared sessions per phase x concurrent clients on each
#   DRILL_SHARED_THINK_MS [100]  mean think time of a shared-session client
#   DRILL_CLIENT_TIMEOUT_MS [20000]  a request not answered by then is failed (and slow)
#   DRILL_SLOW_BY [php]      php: a request is slow when the page's own wall time exceeds
#                            timeout + 50 ms; client: when the client-side latency does
#   phase lengths (s): DRILL_BASELINE_S [10], DRILL_LEAD_S [2] (load before each fault),
#     DRILL_KILL_S [10], DRILL_RESTART_S [10], DRILL_STOP_S [3], DRILL_STOP_TAIL_S [8],
#     DRILL_FLAP ["1.2/0.9 0.8/1.4 1.5/1.0 1.0/0.8 1.3/1.2": stopped/running seconds per cycle],
#     DRILL_FLAP_TAIL_S [5], DRILL_DROP_S [8], DRILL_DROP_EVERY_MS [150], DRILL_DROP_TAIL_S [4]
#   DRILL_WRITE_DOC [1]      full mode: rewrite docs/RELIABILITY.md (0: leave it)
#   DRILL_NETNS [1]          0: do not enter a private network namespace
#   DRILL_MC_PORT [21211] (daemon i listens on +i), DRILL_NGINX_PORT [18080], DRILL_FPM_PORT [19000]
#
# Everything it starts (memcached, php-fpm, nginx, the load client) runs from a temp dir and is
# stopped by pid on exit (a stopped daemon is continued first); every wait is bounded. Raw results
# per run (records, anomalies, slowest requests, logs): .run/drill/<ext>-<config>/.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
QUICK="${DRILL_QUICK:-0}"
OUT="$ROOT/.run/drill"
SO_OURS="${DRILL_OURS:-$ROOT/target/release/libphp_memcache.so}"
case "$SO_OURS" in /*) ;; *) SO_OURS="$ROOT/$SO_OURS" ;; esac
LOAD_BIN="$ROOT/target/drill/release/drill-load"
T_START=$SECONDS
log() { printf '[drill %4ds] %s\n' "$((SECONDS - T_START))" "$*" >&2; }

# ---- outside the namespace: packages and builds (they need the network) ------------------------
if [ "${DRILL_IN_NETNS:-0}" != 1 ]; then
    mkdir -p "$OUT"
    PHP_EXTDIR="$(php -n -r 'echo ini_get("extension_dir");' 2>/dev/null)"
    need=()
    command -v php >/dev/null 2>&1 || need+=(php8.2-cli)
    command -v memcached >/dev/null 2>&1 || need+=(memcached)
    command -v nginx >/dev/null 2>&1 || need+=(nginx)
    command -v php-fpm8.2 >/dev/null 2>&1 || need+=(php8.2-fpm)
    command -v ss >/dev/null 2>&1 || need+=(iproute2)
    command -v unshare >/dev/null 2>&1 || need+=(util-linux)
    { [ -n "$PHP_EXTDIR" ] && [ -f "$PHP_EXTDIR/memcache.so" ]; } || need+=(php8.2-memcache)
    { [ -n "$PHP_EXTDIR" ] && [ -f "$PHP_EXTDIR/memcached.so" ]; } || need+=(php8.2-memcached)
    if [ "${#need[@]}" -gt 0 ]; then
        if [ "$(id -u)" != 0 ]; then
            log "missing ${need[*]}: run as root (or install them) first"
            exit 1
        fi
        log "installing ${need[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # policy-rc.d keeps the packages' own services (nginx, php-fpm, memcached) from starting
        added_policy=0
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
        fi
        timeout 900 apt-get -o DPkg::Lock::Timeout=900 update -qq >"$OUT/apt.log" 2>&1
        timeout 1200 apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${need[@]}" >>"$OUT/apt.log" 2>&1 \
            || log "apt-get install failed (see $OUT/apt.log)"
        [ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
    fi
    if [ ! -f "$SO_OURS" ]; then
        log "building $SO_OURS (cargo build --release)"
        nice -n 10 timeout 1800 cargo build --release >"$OUT/build.log" 2>&1 || { log "cargo build failed (see $OUT/build.log)"; exit 1; }
    fi
    if [ ! -x "$LOAD_BIN" ] || [ -n "$(find bench/drill/load.rs bench/drill/Cargo.toml -newer "$LOAD_BIN" 2>/dev/null)" ]; then
        log "building the load client (bench/drill/load.rs)"
        nice -n 10 timeout 600 cargo build --release --manifest-path bench/drill/Cargo.toml --target-dir target/drill \
            >"$OUT/build-load.log" 2>&1 || { log "building the load client failed (see $OUT/build-load.log)"; exit 1; }
    fi
    if [ "${DRILL_NETNS:-1}" = 1 ] && [ "$(id -u)" = 0 ]; then
        export DRILL_IN_NETNS=1
        exec unshare --net -- bash -c 'ip link set lo up || exit 1; exec bash "$@"' _ "$0" "$@"
    fi
    [ "${DRILL_NETNS:-1}" = 1 ] && log "not root: no private network namespace; using the ports as they are"
fi

# ---- settings -----------------------------------------------------------------------------------
if [ "$QUICK" = 1 ]; then
    d_exts="ours"; d_configs="3:2"
    d_base=4; d_lead=1; d_kill=5; d_restart=5; d_stop=3; d_stop_tail=5; d_flap="1.2/0.9 0.8/1.4 1.5/1.0"; d_flap_tail=3
    d_drop=4; d_drop_tail=3
else
    d_exts="ours pecl memcached"; d_configs="3:2 2:2 5:3"
    d_base=10; d_lead=2; d_kill=10; d_restart=10; d_stop=3; d_stop_tail=8; d_flap="1.2/0.9 0.8/1.4 1.5/1.0 1.0/0.8 1.3/1.2"; d_flap_tail=5
    d_drop=8; d_drop_tail=4
fi
read -r -a EXTS <<<"${DRILL_EXTS:-$d_exts}"
read -r -a CONFIGS <<<"${DRILL_CONFIGS:-$d_configs}"
read -r -a PHASES <<<"${DRILL_PHASES:-baseline kill9 restart sigstop flap drop}"
TIMEOUT="${DRILL_TIMEOUT:-0.5}"
RETRY="${DRILL_RETRY:-2}"
USERS="${DRILL_USERS:-200}"
THINK_MS="${DRILL_THINK_MS:-800}"
SHARED="${DRILL_SHARED:-3x6}"
N_SHARED="${SHARED%x*}"
SHARED_CLIENTS="${SHARED#*x}"
SHARED_THINK_MS="${DRILL_SHARED_THINK_MS:-100}"
CLIENT_TIMEOUT_MS="${DRILL_CLIENT_TIMEOUT_MS:-20000}"
SLOW_BY="${DRILL_SLOW_BY:-php}"
SLOW_MS="$(awk -v t="$TIMEOUT" 'BEGIN { printf "%d", t * 1000 + 50 }')"
T_BASE="${DRILL_BASELINE_S:-$d_base}"
T_LEAD="${DRILL_LEAD_S:-$d_lead}"
T_KILL="${DRILL_KILL_S:-$d_kill}"
T_RESTART="${DRILL_RESTART_S:-$d_restart}"
T_STOP="${DRILL_STOP_S:-$d_stop}"
T_STOP_TAIL="${DRILL_STOP_TAIL_S:-$d_stop_tail}"
FLAP="${DRILL_FLAP:-$d_flap}"
T_FLAP_TAIL="${DRILL_FLAP_TAIL_S:-$d_flap_tail}"
T_DROP="${DRILL_DROP_S:-$d_drop}"
DROP_EVERY_MS="${DRILL_DROP_EVERY_MS:-150}"
T_DROP_TAIL="${DRILL_DROP_TAIL_S:-$d_drop_tail}"
MC_PORT="${DRILL_MC_PORT:-21211}"
NGINX_PORT="${DRILL_NGINX_PORT:-18080}"
FPM_PORT="${DRILL_FPM_PORT:-19000}"
PHP="$(command -v php)"
EXTDIR="$("$PHP" -n -r 'echo ini_get("extension_dir");')"
mkdir -p "$OUT"
TMP="$(mktemp -d /tmp/php-memcache-drill.XXXXXX)"

for f in "$SO_OURS" "$LOAD_BIN" "$EXTDIR/memcache.so" "$EXTDIR/memcached.so"; do
    [ -e "$f" ] || { log "missing $f"; exit 1; }
done

# ---- what we started, stopped by pid on exit ----------------------------------------------------
PIDS=()
stop_pids() { # pids: continue (a SIGSTOPped daemon cannot die), TERM, wait, KILL
    local p
    for p in "$@"; do kill -CONT "$p" 2>/dev/null; kill -TERM "$p" 2>/dev/null; done
    for p in "$@"; do
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    return 0
}
forget_pids() { # drop these from PIDS
    local q keep=()
    for q in "${PIDS[@]}"; do [[ " $* " == *" $q "* ]] || keep+=("$q"); done
    PIDS=("${keep[@]}")
}
cleanup() {
    local i rev=()
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do rev+=("${PIDS[$i]}"); done
    [ "${#rev[@]}" -gt 0 ] && stop_pids "${rev[@]}"
    PIDS=()
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null; }
wait_port() { # $1 port, $2 seconds
    local deadline=$((SECONDS + $2))
    until port_busy "$1"; do
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}
mc_cmd() { # $1 port, $2 command: the reply's first line
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1; printf "%s\r\n" "$2" >&3; IFS= read -r -t 2 l <&3; printf "%s" "${l%$'"'"'\r'"'"'}"' _ "$1" "$2" 2>/dev/null
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---- daemons ------------------------------------------------------------------------------------
declare -a MC_PIDS
start_daemon() { # $1 index
    local i="$1" port=$((MC_PORT + $1)) args
    if port_busy "$port"; then log "127.0.0.1:$port is in use by something this script did not start: set DRILL_MC_PORT"; return 1; fi
    args=(-U 0 -l 127.0.0.1 -p "$port" -m 64 -c 4096 -t 1)
    [ "$(id -u)" = 0 ] && args+=(-u root)
    memcached "${args[@]}" >>"$RUN/memcached-$port.log" 2>&1 &
    MC_PIDS[$i]=$!
    PIDS+=($!)
    wait_port "$port" 10 || { log "memcached on $port did not come up"; return 1; }
}

# ---- php command lines per extension and config -------------------------------------------------
SESSION_INI=(-d session.gc_probability=0 -d session.use_strict_mode=0 -d session.use_cookies=1
    -d session.cache_limiter= -d session.serialize_handler=php -d session.lazy_write=1
    -d session.gc_maxlifetime=1440 -d max_execution_time=30)
ext_args() { # $1 ext -> EXT_ARGS
    case "$1" in
        ours) EXT_ARGS=(-d "extension=$SO_OURS") ;;
        pecl) EXT_ARGS=(-d "extension=$EXTDIR/memcache.so") ;;
        memcached) EXT_ARGS=(-d extension=igbinary.so -d extension=msgpack.so -d "extension=$EXTDIR/memcached.so") ;;
    esac
}
# ours and pecl memcache: the issue's config. pecl memcached: its replication and failover ini,
# the same connect timeout and a lock wait as long as memcache.lock_timeout (its default gives up
# after 5 x 150 ms and fails the request).
cfg_args() { # $1 ext, $2 daemons, $3 redundancy -> CFG_ARGS
    local i sp=""
    if [ "$1" = memcached ]; then
        for ((i = 0; i < $2; i++)); do sp+="${sp:+,}127.0.0.1:$((MC_PORT + i))"; done
        CFG_ARGS=(-d session.save_handler=memcached -d "session.save_path=\"$sp\""
            -d memcached.sess_consistent_hash=1 -d memcached.sess_binary_protocol=1
            -d memcached.sess_number_of_replicas=$(($3 - 1))
            -d memcached.sess_remove_failed_servers=1 -d memcached.sess_server_failure_limit=1
            -d memcached.sess_connect_timeout="$(awk -v t="$TIMEOUT" 'BEGIN { printf "%d", t * 1000 }')"
            -d memcached.sess_locking=1 -d memcached.sess_lock_wait_min=5 -d memcached.sess_lock_wait_max=150
            -d memcached.sess_lock_retries=100 -d memcached.sess_lock_expire=15 -d memcached.sess_persistent=0)
    else
        for ((i = 0; i < $2; i++)); do sp+="${sp:+, }tcp://127.0.0.1:$((MC_PORT + i))?timeout=$TIMEOUT&retry_interval=$RETRY"; done
        CFG_ARGS=(-d session.save_handler=memcache -d "session.save_path=\"$sp\""
            -d memcache.hash_strategy=consistent -d memcache.allow_failover=1
            -d memcache.session_redundancy="$3")
    fi
}
ext_label() { case "$1" in ours) echo "ours" ;; pecl) echo "pecl memcache" ;; memcached) echo "pecl memcached" ;; *) echo "$1" ;; esac; }

# ---- web tier -----------------------------------------------------------------------------------
start_web() { # $1 ext, $2 daemons, $3 redundancy
    local d="$RUN/web"
    mkdir -p "$d"
    for p in "$NGINX_PORT" "$FPM_PORT"; do
        if port_busy "$p"; then log "127.0.0.1:$p is in use: set DRILL_NGINX_PORT / DRILL_FPM_PORT"; return 1; fi
    done
    cat >"$d/php-fpm.conf" <<EOF
[global]
error_log = $d/fpm-error.log
daemonize = no
[drill]
listen = 127.0.0.1:$FPM_PORT
listen.allowed_clients = 127.0.0.1
listen.backlog = 1024
pm = static
pm.max_children = 4
pm.max_requests = 0
request_terminate_timeout = 60
catch_workers_output = yes
EOF
    cat >"$d/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/nginx-error.log warn;
$([ "$(id -u)" = 0 ] && echo "user root;")
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_timeout 600s;
    keepalive_requests 10000000;
    client_body_temp_path $d/tmp-body;
    fastcgi_temp_path $d/tmp-fastcgi;
    proxy_temp_path $d/tmp-proxy;
    uwsgi_temp_path $d/tmp-uwsgi;
    scgi_temp_path $d/tmp-scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT backlog=1024;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME $ROOT/bench/drill/app.php;
            fastcgi_read_timeout 60s;
            fastcgi_pass 127.0.0.1:$FPM_PORT;
        }
    }
}
EOF
    ext_args "$1"
    cfg_args "$1" "$2" "$3"
    local fpm_args=(-n -d zend_extension=opcache.so -d opcache.enable=1 "${EXT_ARGS[@]}" "${SESSION_INI[@]}" "${CFG_ARGS[@]}")
    [ "$(id -u)" = 0 ] && fpm_args+=(-R)
    printf '%q ' php-fpm8.2 "${fpm_args[@]}" >"$RUN/fpm-cmdline.txt"
    php-fpm8.2 -F -O -y "$d/php-fpm.conf" "${fpm_args[@]}" >"$RUN/fpm.log" 2>&1 &
    PID_FPM=$!
    PIDS+=("$PID_FPM")
    nginx -c "$d/nginx.conf" -p "$d" >"$RUN/nginx.log" 2>&1 &
    PID_NGINX=$!
    PIDS+=("$PID_NGINX")
    wait_port "$FPM_PORT" 15 && wait_port "$NGINX_PORT" 15 || { log "nginx/php-fpm did not come up (see $RUN/*.log)"; return 1; }
}
http_get() { # $1 query, $2 session id: the body's first line
    timeout 10 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "GET /?%s HTTP/1.0\r\nHost: drill\r\nCookie: PHPSESSID=%s\r\n\r\n" "$2" "$3" >&3
        sed -n "/^DRILL /p" <&3' _ "$NGINX_PORT" "$1" "$2" 2>/dev/null | head -n1
}

# ---- faults (on the victim, daemon 0) -----------------------------------------------------------
NOTE=""
victim_pid() { echo "${MC_PIDS[0]}"; }
event() { echo "$(now) $*" >>"$RUN/events.txt"; } # unix time + what happened, to line up with the anomalies
fault_kill9() {
    local p; p="$(victim_pid)"
    kill -KILL "$p" 2>/dev/null; event "kill -9 :$MC_PORT"; wait "$p" 2>/dev/null; forget_pids "$p"
    NOTE="kill -9 at +$(since "$PH_T0") s, dead for ${T_KILL} s"
    log "  kill -9 memcached :$MC_PORT (pid $p)"
    sleep "$T_KILL"
}
fault_restart() {
    if kill -0 "$(victim_pid)" 2>/dev/null; then # the kill9 phase was skipped: kill it here first
        local p; p="$(victim_pid)"; kill -KILL "$p"; wait "$p" 2>/dev/null; forget_pids "$p"
    fi
    NOTE="restarted empty at +$(since "$PH_T0") s, then ${T_RESTART} s"
    start_daemon 0 || return 1
    event "restarted :$MC_PORT empty"
    log "  memcached :$MC_PORT restarted empty (pid $(victim_pid))"
    sleep "$T_RESTART"
}
fault_sigstop() {
    local p; p="$(victim_pid)"
    NOTE="SIGSTOP at +$(since "$PH_T0") s for ${T_STOP} s, SIGCONT, then ${T_STOP_TAIL} s"
    kill -STOP "$p"; event "SIGSTOP :$MC_PORT"; log "  SIGSTOP memcached :$MC_PORT for ${T_STOP} s"
    sleep "$T_STOP"
    kill -CONT "$p"; event "SIGCONT :$MC_PORT"; log "  SIGCONT memcached :$MC_PORT"
    sleep "$T_STOP_TAIL"
}
fault_flap() {
    local p c n=0 a b; p="$(victim_pid)"
    NOTE="from +$(since "$PH_T0") s:"
    for c in $FLAP; do
        a="${c%/*}"; b="${c#*/}"
        kill -STOP "$p"; event "SIGSTOP :$MC_PORT"; sleep "$a"; kill -CONT "$p"; event "SIGCONT :$MC_PORT"; sleep "$b"
        n=$((n + 1)); NOTE+=" stop ${a} s/run ${b} s"
    done
    log "  $n SIGSTOP/SIGCONT cycles of memcached :$MC_PORT ($FLAP)"
    NOTE+=", then ${T_FLAP_TAIL} s"
    sleep "$T_FLAP_TAIL"
}
fault_drop() {
    local end killed=0 k t0
    t0="$(since "$PH_T0")"
    end=$(awk -v a="$(now)" -v d="$T_DROP" 'BEGIN { printf "%.3f", a + d }')
    while awk -v e="$end" -v n="$(now)" 'BEGIN { exit !(n < e) }'; do
        k=$(timeout 5 ss -K -tnH state established "( sport = :$MC_PORT )" 2>/dev/null | grep -c .)
        [ "$k" -gt 0 ] && event "ss -K: $k connections of :$MC_PORT dropped"
        killed=$((killed + k))
        sleep "$(awk -v m="$DROP_EVERY_MS" 'BEGIN { printf "%.3f", m / 1000 }')"
    done
    NOTE="ss -K every ${DROP_EVERY_MS} ms for ${T_DROP} s from +$t0 s: $killed connections dropped, then ${T_DROP_TAIL} s"
    log "  dropped $killed established connections of memcached :$MC_PORT"
    sleep "$T_DROP_TAIL"
}
fault_baseline() { NOTE="no fault, ${T_BASE} s"; sleep "$T_BASE"; }

# ---- one run: an extension with a config --------------------------------------------------------
declare -A RES # "<run>|<phase>|<key>" -> value;  "<run>|..." misc
RUNS=()
set_phase() { # $1 index, $2 name (or "stop")
    if [ "$2" = stop ]; then echo stop >"$RUN/ctl/phase.tmp"; else echo "$1 $2" >"$RUN/ctl/phase.tmp"; fi
    mv "$RUN/ctl/phase.tmp" "$RUN/ctl/phase"
}
wait_ack() { # $1 phase index: its shared sessions have been read (bounded)
    local deadline=$((SECONDS + CLIENT_TIMEOUT_MS / 1000 + 20))
    until [ -e "$RUN/ctl/ack.$1" ]; do
        [ "$SECONDS" -ge "$deadline" ] && { log "  (no settle ack for phase $1)"; return 1; }
        kill -0 "$PID_LOAD" 2>/dev/null || return 1
        sleep 0.05
    done
}
run_one() { # $1 ext, $2 "daemons:redundancy"
    local ext="$1" nd="${2%:*}" red="${2#*:}" key="$1-${2/:/r}" i
    RUN="$OUT/$key"
    rm -rf "$RUN"; mkdir -p "$RUN/ctl" "$RUN/out"
    RUNS+=("$key")
    RES[$key|ext]="$ext"; RES[$key|daemons]="$nd"; RES[$key|red]="$red"
    RES[$key|load_before]="$(loadavg)"
    log "run $key: $(ext_label "$ext"), $nd daemons, session redundancy $red, timeout=$TIMEOUT retry_interval=$RETRY; load average $(loadavg)"
    MC_PIDS=()
    for ((i = 0; i < nd; i++)); do start_daemon "$i" || { RES[$key|error]="memcached did not start"; return 1; }; done
    # the shared sessions of each phase: mostly with the victim as first server (probe.php)
    local ports=() prefix=""
    for ((i = 0; i < nd; i++)); do ports+=($((MC_PORT + i))); done
    ext_args "$ext"
    if [ "$ext" = memcached ]; then
        cfg_args "$ext" "$nd" 1; prefix="memc.sess.key."
    else
        cfg_args "$ext" "$nd" 1
    fi
    if ! timeout 120 "$PHP" -n "${EXT_ARGS[@]}" "${SESSION_INI[@]}" -d session.use_cookies=0 "${CFG_ARGS[@]}" \
        bench/drill/probe.php "$prefix" "$MC_PORT" "${#PHASES[@]}" "$N_SHARED" "${ports[@]}" >"$RUN/shared-ids" 2>"$RUN/probe.log"; then
        log "  probe failed: $(head -c 300 "$RUN/probe.log")"
        RES[$key|error]="probe failed"
        stop_pids "${MC_PIDS[@]}"; forget_pids "${MC_PIDS[@]}"
        return 1
    fi
    for p in "${ports[@]}"; do mc_cmd "$p" flush_all >/dev/null; done
    start_web "$ext" "$nd" "$red" || { RES[$key|error]="web tier did not start"; stop_pids "$PID_NGINX" "$PID_FPM" "${MC_PIDS[@]}"; forget_pids "$PID_NGINX" "$PID_FPM" "${MC_PIDS[@]}"; return 1; }
    # sanity: the page keeps a session across two requests
    local a b
    a="$(http_get op=inc "drillcheck$$")"; b="$(http_get op=inc "drillcheck$$")"
    if [[ "$a" != "DRILL v=1 ok=1"* || "$b" != "DRILL v=2 ok=1"* ]]; then
        log "  sanity check failed: '$a' then '$b' (see $RUN/web/fpm-error.log)"
        RES[$key|error]="sanity check failed: $a / $b"
        stop_pids "$PID_NGINX" "$PID_FPM" "${MC_PIDS[@]}"; forget_pids "$PID_NGINX" "$PID_FPM" "${MC_PIDS[@]}"
        return 1
    fi
    # the load, for as long as the schedule takes (+ margin)
    set_phase 0 "${PHASES[0]}"
    local bound=$((600 + 60 * ${#PHASES[@]}))
    "$LOAD_BIN" --addr "127.0.0.1:$NGINX_PORT" --ctl "$RUN/ctl" --out "$RUN/out" --shared-ids "$RUN/shared-ids" \
        --users "$USERS" --think-ms "$THINK_MS" --shared-clients "$SHARED_CLIENTS" --shared-think-ms "$SHARED_THINK_MS" \
        --timeout-ms "$CLIENT_TIMEOUT_MS" --slow-ms "$SLOW_MS" --slow-by "$SLOW_BY" --run "drill${key//[^a-z0-9]/}" \
        --max-secs "$bound" >"$RUN/client.txt" 2>"$RUN/client.log" &
    PID_LOAD=$!
    PIDS+=("$PID_LOAD")
    local idx=0 ph
    for ph in "${PHASES[@]}"; do
        # the phase begins for the load now; its fault waits until the previous phase's shared
        # sessions are settled (read), then for the lead-in
        [ "$idx" -gt 0 ] && set_phase "$idx" "$ph"
        PH_T0="$(now)"
        event "phase $idx $ph"
        log "  phase $idx $ph (load average $(loadavg))"
        [ "$idx" -gt 0 ] && wait_ack $((idx - 1))
        NOTE=""
        if [ "$ph" = baseline ]; then
            fault_baseline
        else
            sleep "$T_LEAD"
            "fault_$ph" || log "  fault $ph failed"
        fi
        RES[$key|$idx|note]="$NOTE"
        idx=$((idx + 1))
    done
    set_phase "$idx" stop
    local deadline=$((SECONDS + CLIENT_TIMEOUT_MS / 1000 + 60))
    while kill -0 "$PID_LOAD" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    if kill -0 "$PID_LOAD" 2>/dev/null; then log "  the load client did not finish: stopping it"; fi
    stop_pids "$PID_LOAD"; forget_pids "$PID_LOAD"
    stop_pids "$PID_NGINX" "$PID_FPM"; forget_pids "$PID_NGINX" "$PID_FPM"
    stop_pids "${MC_PIDS[@]}"; forget_pids "${MC_PIDS[@]}"
    RES[$key|load_after]="$(loadavg)"
    RES[$key|log_warnings]="$(grep -c -i -E 'warning|error|notice' "$RUN/web/fpm-error.log" 2>/dev/null)"
    RES[$key|total]="$(grep '^TOTAL ' "$RUN/client.txt")"
    if ! grep -q '^PHASE ' "$RUN/client.txt"; then
        RES[$key|error]="the load client reported nothing (see $RUN/client.log)"
        log "  ${RES[$key|error]}"
        return 1
    fi
    while read -r line; do
        i="$(sed -n 's/.*\bidx=\([0-9]*\).*/\1/p' <<<"$line")"
        for k in name requests failed stale lost_updates lost_sessions gaps slow p50_ms p99_ms max_ms php_max_ms shared_ok shared_final dups fails private shared; do
            RES[$key|$i|$k]="$(sed -n "s/.*\\b$k=\\([^ ]*\\).*/\\1/p" <<<"$line")"
        done
    done < <(grep '^PHASE ' "$RUN/client.txt")
    log "  done: ${RES[$key|total]}; load average $(loadavg)"
    if [ -s "$RUN/out/anomalies.txt" ]; then
        log "  anomalies ($(wc -l <"$RUN/out/anomalies.txt"), first 5; all in $RUN/out/anomalies.txt):"
        head -n 5 "$RUN/out/anomalies.txt" | sed 's/^/      /' >&2
    fi
}

LOAD_BEFORE="$(loadavg)"
log "start: quick=$QUICK, extensions ${EXTS[*]}, configs ${CONFIGS[*]} (daemons:redundancy), phases ${PHASES[*]}; load average $LOAD_BEFORE"
log "load: $USERS private users (think ~${THINK_MS} ms), $N_SHARED shared sessions per phase x $SHARED_CLIENTS clients (think ~${SHARED_THINK_MS} ms)"
for c in "${CONFIGS[@]}"; do
    for e in "${EXTS[@]}"; do
        run_one "$e" "$c"
    done
done
LOAD_AFTER="$(loadavg)"

# ---- tables and checks --------------------------------------------------------------------------
TABLE="$TMP/table.md"
CHECK_P=0; CHECK_F=0
FAIL_LINES=()
check() { # $1 run, $2 phase name, $3 metric label, $4 value (must be 0)
    if [ "$4" = 0 ]; then CHECK_P=$((CHECK_P + 1)); else CHECK_F=$((CHECK_F + 1)); FAIL_LINES+=("$1 $2: $3 = $4"); fi
}
sum_phases() { # $1 run, $2 metric: summed over the phases ("unknown" if any is)
    local i v t=0
    for ((i = 0; i < ${#PHASES[@]}; i++)); do
        v="${RES[$1|$i|$2]:-}"
        [[ "$v" =~ ^[0-9]+$ ]] || { echo unknown; return; }
        t=$((t + v))
    done
    echo "$t"
}
max_phases() { # $1 run, $2 metric: the largest over the phases
    local i m=0
    for ((i = 0; i < ${#PHASES[@]}; i++)); do m="$(awk -v a="$m" -v b="${RES[$1|$i|$2]:-0}" 'BEGIN { print (b + 0 > a + 0) ? b : a }')"; done
    echo "$m"
}
{
    echo "### Summary: all phases (${PHASES[*]}) of each run"
    echo
    echo "| extension | daemons:redundancy | requests | failed | stale reads | lost updates | lost sessions | gaps | slow (> $SLOW_MS ms) | page max ms |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for key in "${RUNS[@]}"; do
        if [ -n "${RES[$key|error]:-}" ]; then
            echo "| $(ext_label "${RES[$key|ext]}") | ${RES[$key|daemons]}:${RES[$key|red]} | did not run: ${RES[$key|error]} | | | | | | | |"
            continue
        fi
        echo "| $(ext_label "${RES[$key|ext]}") | ${RES[$key|daemons]}:${RES[$key|red]} | $(sum_phases "$key" requests) | $(sum_phases "$key" failed) | $(sum_phases "$key" stale) | $(sum_phases "$key" lost_updates) | $(sum_phases "$key" lost_sessions) | $(sum_phases "$key" gaps) | $(sum_phases "$key" slow) | $(max_phases "$key" php_max_ms) |"
    done
    echo
    for key in "${RUNS[@]}"; do
        ext="${RES[$key|ext]}"
        echo "### $(ext_label "$ext"): ${RES[$key|daemons]} daemons, session redundancy ${RES[$key|red]}"
        echo
        if [ -n "${RES[$key|error]:-}" ]; then
            echo "Did not run: ${RES[$key|error]}."
            echo
            [ "$ext" = ours ] && { CHECK_F=$((CHECK_F + 1)); FAIL_LINES+=("$key: did not run (${RES[$key|error]})"); }
            continue
        fi
        echo "| phase | fault | requests | failed | stale reads | lost updates | lost sessions | gaps | p50 ms | p99 ms | max ms | page max ms | slow (> $SLOW_MS ms) |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        details=()
        for ((i = 0; i < ${#PHASES[@]}; i++)); do
            name="${RES[$key|$i|name]:-${PHASES[$i]}}"
            echo "| $name | ${RES[$key|$i|note]:-} | ${RES[$key|$i|requests]:-0} | ${RES[$key|$i|failed]:-n/a} | ${RES[$key|$i|stale]:-n/a} | ${RES[$key|$i|lost_updates]:-n/a} | ${RES[$key|$i|lost_sessions]:-n/a} | ${RES[$key|$i|gaps]:-n/a} | ${RES[$key|$i|p50_ms]:-} | ${RES[$key|$i|p99_ms]:-} | ${RES[$key|$i|max_ms]:-} | ${RES[$key|$i|php_max_ms]:-} | ${RES[$key|$i|slow]:-n/a} |"
            f="${RES[$key|$i|fails]:-}"
            [ -n "$f" ] && [ "$f" != "-" ] && details+=("$name: ${f//,/, }")
            if [ "$ext" = ours ]; then
                check "$key" "$name" "failed requests" "${RES[$key|$i|failed]:-missing}"
                check "$key" "$name" "stale reads" "${RES[$key|$i|stale]:-missing}"
                check "$key" "$name" "lost updates" "${RES[$key|$i|lost_updates]:-missing}"
                check "$key" "$name" "lost sessions" "${RES[$key|$i|lost_sessions]:-missing}"
                check "$key" "$name" "gaps" "${RES[$key|$i|gaps]:-missing}"
                check "$key" "$name" "requests slower than $SLOW_MS ms" "${RES[$key|$i|slow]:-missing}"
            fi
        done
        echo
        tot="${RES[$key|total]}"
        shared_sum=""
        for ((i = 0; i < ${#PHASES[@]}; i++)); do shared_sum+="${shared_sum:+, }${RES[$key|$i|name]:-?} ${RES[$key|$i|shared_ok]:-?}/${RES[$key|$i|shared_final]:-?}"; done
        echo "$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$tot") requests in $(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$tot") s ($(sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$tot")/s); load average before / after: ${RES[$key|load_before]} / ${RES[$key|load_after]}. Shared sessions, successful increments / final count per phase: $shared_sum.${details[*]:+ Failed requests by cause: $(IFS=';'; echo "${details[*]}" | sed 's/;/; /g').} PHP diagnostics in the php-fpm log: ${RES[$key|log_warnings]:-0}."
        echo
    done
} >"$TABLE"

cat "$TABLE"
cp "$TABLE" "$OUT/table.md"
log "done in $((SECONDS - T_START)) s; load average before $LOAD_BEFORE, after $LOAD_AFTER; raw results in $OUT/"

if [ "$QUICK" != 1 ] && [ "${DRILL_WRITE_DOC:-1}" = 1 ]; then
    DRILL_SLOW_MS="$SLOW_MS" bash bench/drill/write_doc.sh "$TABLE" "$LOAD_BEFORE" "$LOAD_AFTER" "$((SECONDS - T_START))" "$SO_OURS" \
        >"$ROOT/docs/RELIABILITY.md.new" && mv "$ROOT/docs/RELIABILITY.md.new" "$ROOT/docs/RELIABILITY.md" && log "wrote docs/RELIABILITY.md"
fi

if [ "${#FAIL_LINES[@]}" -gt 0 ]; then
    echo "ours failed these checks:"
    printf '  %s\n' "${FAIL_LINES[@]}"
fi
[ "$QUICK" = 1 ] && echo "$CHECK_P passed, $CHECK_F failed"
[ "$CHECK_F" = 0 ]
