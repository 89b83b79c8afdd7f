#!/usr/bin/env bash
# Start / stop / query the memcached daemons the phpt suite (and the demo) talks to.
#
#   scripts/daemons.sh start|stop|status|restart
#
# Defaults (the phpt suite's; php-tests/config.inc reads the same variables):
#   MEMCACHE_TEST_PORTS="11311 11312 11313"       TCP daemons, bound to 127.0.0.1 only
#   MEMCACHE_TEST_SOCK=/tmp/php-memcache-tests/mc.sock   unix-socket daemon ("" = none)
#   MEMCACHE_TEST_DIR=/tmp/php-memcache-tests     pidfiles live here
#
# TLS daemons (memcached -Z, certificates from scripts/tls-certs.sh in $MEMCACHE_TEST_DIR/tls):
#   MEMCACHE_TEST_TLS_PORTS="11331 11332 11333 11334" (default: first TCP port + 20 ..)
#     1st, 2nd: TLS with server.pem (a mirrored pair)   3rd: mutual TLS (client cert required,
#     signed by ca.pem)   4th: TLS with an expired certificate       ("" = no TLS daemons)
#
# Every daemon runs `memcached -d -U 0 -l 127.0.0.1 -P <pidfile>` (plus `-u root` when run as
# root). A port that is already taken by a process we did not start (no pidfile of ours naming
# it) is never touched: start fails instead. stop only signals pids read from our pidfiles whose
# command line is a memcached started with that very pidfile.
set -euo pipefail

DIR="${MEMCACHE_TEST_DIR:-/tmp/php-memcache-tests}"
PORTS="${MEMCACHE_TEST_PORTS:-11311 11312 11313}"
SOCK="${MEMCACHE_TEST_SOCK-$DIR/mc.sock}"
FIRST_PORT="${PORTS%% *}"
TLS_PORTS="${MEMCACHE_TEST_TLS_PORTS-$((FIRST_PORT + 20)) $((FIRST_PORT + 21)) $((FIRST_PORT + 22)) $((FIRST_PORT + 23))}"
TLS_DIR="$DIR/tls"
MEM_MB="${MEMCACHE_TEST_MEM_MB:-64}"
START_WAIT="${MEMCACHE_TEST_START_WAIT:-10}"   # seconds, per daemon
STOP_WAIT="${MEMCACHE_TEST_STOP_WAIT:-10}"     # seconds, per daemon

log() { printf 'daemons: %s\n' "$*" >&2; }

MEMCACHED="$(command -v memcached || echo /usr/sbin/memcached)"

# name of a daemon -> pidfile
pidfile_for() { # $1 = port number or "sock"
    printf '%s/memcached-%s.pid' "$DIR" "$1"
}

# true if pid $1 is alive and is a memcached started with pidfile $2
is_ours() {
    local pid="$1" pf="$2" cmd
    [ -n "$pid" ] && [ "$pid" -gt 0 ] 2>/dev/null || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    case "$cmd" in
        *memcached*"-P $pf "*|*memcached*"-P $pf") return 0 ;;
    esac
    return 1
}

read_pid() { # $1 pidfile
    [ -f "$1" ] && tr -dc '0-9' <"$1" || true
}

# the role of TLS daemon $1 (a port of TLS_PORTS): tls, mtls or expired
tls_role() {
    local i=0 p
    for p in $TLS_PORTS; do
        if [ "$p" = "$1" ]; then
            case "$i" in 0|1) echo tls ;; 2) echo mtls ;; *) echo expired ;; esac
            return
        fi
        i=$((i + 1))
    done
}

# does something answer the memcached protocol at this endpoint? ($1 = port, tls:PORT or socket path)
answers() {
    local target="$1" reply=""
    if [[ "$target" == tls:* ]]; then
        local port="${target#tls:}" extra=()
        # the expired daemon is checked without verification; the mTLS one with our client cert
        case "$(tls_role "$port")" in
            mtls) extra=(-cert "$TLS_DIR/client.pem" -key "$TLS_DIR/client.key") ;;
        esac
        reply="$(printf 'version\r\nquit\r\n' | timeout 3 openssl s_client -connect "127.0.0.1:$port" -quiet \
            "${extra[@]}" 2>/dev/null | grep -a '^VERSION' | head -n1 || true)"
    elif [[ "$target" =~ ^[0-9]+$ ]]; then
        # bash's /dev/tcp: no external tool needed
        reply="$(timeout 2 bash -c '
            exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
            printf "version\r\n" >&3
            IFS= read -r -t 1 line <&3 && printf "%s" "$line"
            exec 3>&-' _ "$target" 2>/dev/null || true)"
    else
        [ -S "$target" ] || return 1
        if command -v nc >/dev/null 2>&1; then
            reply="$(printf 'version\r\nquit\r\n' | timeout 2 nc -U "$target" 2>/dev/null | head -n1 || true)"
        else
            reply="$(timeout 3 php -n -r '$s=@stream_socket_client("unix://".$argv[1],$e,$m,1); if(!$s) exit(1); fwrite($s,"version\r\n"); echo fgets($s);' "$target" 2>/dev/null || true)"
        fi
    fi
    [[ "$reply" == VERSION* ]]
}

# is a TCP port taken by anyone (listening on any address)?
port_busy() {
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

endpoints() {
    local p
    for p in $PORTS; do echo "$p"; done
    if [ -n "$SOCK" ]; then echo "sock"; fi
    for p in $TLS_PORTS; do echo "tls-$p"; done
}

target_of() { # endpoint name -> port, tls:PORT or socket path
    case "$1" in
        sock) echo "$SOCK" ;;
        tls-*) echo "tls:${1#tls-}" ;;
        *) echo "$1" ;;
    esac
}

start_one() {
    local name="$1" pf pid target args
    pf="$(pidfile_for "$name")"
    target="$(target_of "$name")"
    pid="$(read_pid "$pf")"
    if is_ours "$pid" "$pf"; then
        if answers "$target"; then
            log "$name already running (pid $pid)"
            return 0
        fi
    else
        rm -f "$pf"
        if [ "$name" = sock ]; then
            if [ -S "$target" ] && answers "$target"; then
                log "ERROR: $target is served by a process we did not start; refusing to touch it"
                return 1
            fi
            rm -f "$target"
        elif port_busy "${target#tls:}"; then
            log "ERROR: 127.0.0.1:$target is already in use by a process we did not start; refusing to touch it (set MEMCACHE_TEST_PORTS to use other ports)"
            return 1
        fi
    fi
    args=(-d -U 0 -m "$MEM_MB" -c 256 -P "$pf")
    if [ "$name" = sock ]; then
        args+=(-s "$target" -a 0777)
    elif [[ "$target" == tls:* ]]; then
        local port="${target#tls:}" opts
        case "$(tls_role "$port")" in
            tls) opts="ssl_chain_cert=$TLS_DIR/server.pem,ssl_key=$TLS_DIR/server.key" ;;
            mtls) opts="ssl_chain_cert=$TLS_DIR/server.pem,ssl_key=$TLS_DIR/server.key,ssl_ca_cert=$TLS_DIR/ca.pem,ssl_verify_mode=2" ;;
            *) opts="ssl_chain_cert=$TLS_DIR/expired.pem,ssl_key=$TLS_DIR/expired.key" ;;
        esac
        args+=(-l 127.0.0.1 -p "$port" -Z -o "$opts")
    else
        args+=(-l 127.0.0.1 -p "$target")
    fi
    if [ "$(id -u)" = 0 ]; then args+=(-u root); fi
    if ! is_ours "$pid" "$pf"; then
        "$MEMCACHED" "${args[@]}" || { log "ERROR: memcached ${args[*]} failed"; return 1; }
    fi
    local deadline=$((SECONDS + START_WAIT))
    until answers "$target"; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "ERROR: memcached at $target did not answer within ${START_WAIT}s"
            return 1
        fi
        sleep 0.1
    done
    log "$name up at $target (pid $(read_pid "$pf"))"
}

stop_one() {
    local name="$1" pf pid target
    pf="$(pidfile_for "$name")"
    target="$(target_of "$name")"
    pid="$(read_pid "$pf")"
    if ! is_ours "$pid" "$pf"; then
        rm -f "$pf"
        if [ "$name" = sock ] && [ -S "$target" ] && ! answers "$target"; then rm -f "$target"; fi
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_WAIT))
    while is_ours "$pid" "$pf"; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "$name (pid $pid) ignored SIGTERM for ${STOP_WAIT}s: SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
            break
        fi
        sleep 0.1
    done
    rm -f "$pf"
    if [ "$name" = sock ]; then rm -f "$target"; fi
    log "$name stopped"
}

status_one() {
    local name="$1" pf pid target
    pf="$(pidfile_for "$name")"
    target="$(target_of "$name")"
    pid="$(read_pid "$pf")"
    if is_ours "$pid" "$pf" && answers "$target"; then
        echo "$name: up at $target (pid $pid)"
        return 0
    fi
    echo "$name: down ($target)"
    return 1
}

cmd="${1:-status}"
case "$cmd" in
    start)
        [ -x "$MEMCACHED" ] || { log "ERROR: memcached not found (run scripts/deps.sh)"; exit 1; }
        mkdir -p "$DIR"
        if [ -n "$TLS_PORTS" ]; then
            bash "$(dirname "$0")/tls-certs.sh" "$TLS_DIR" || { log "ERROR: could not make the TLS test certificates"; exit 1; }
        fi
        rc=0
        for e in $(endpoints); do start_one "$e" || rc=1; done
        exit "$rc"
        ;;
    stop)
        for e in $(endpoints); do stop_one "$e"; done
        ;;
    restart)
        "$0" stop
        exec "$0" start
        ;;
    status)
        rc=0
        for e in $(endpoints); do status_one "$e" || rc=1; done
        exit "$rc"
        ;;
    *)
        echo "usage: $0 start|stop|status|restart" >&2
        exit 2
        ;;
esac
