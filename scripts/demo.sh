#!/usr/bin/env bash
# make demo: two PHP web servers share sessions through two memcached daemons with the "Tip 3"
# configuration; one daemon is killed with -9 and nobody is logged out.
#
#   bash scripts/demo.sh
#
# Everything runs on 127.0.0.1 and is stopped on exit. Ports: DEMO_MC_PORTS="11411 11412",
# DEMO_HTTP_PORTS="8081 8082". DEMO_SKIP_BUILD=1 uses the existing target/release build.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
read -r MC1 MC2 <<<"${DEMO_MC_PORTS:-11411 11412}"
read -r WEB1 WEB2 <<<"${DEMO_HTTP_PORTS:-8081 8082}"
SO="${MEMCACHE_EXT_OURS:-$ROOT/target/release/libphp_memcache.so}"
WORK="$(mktemp -d /tmp/php-memcache-demo.XXXXXX)"
JAR="$WORK/cookies.txt"
export MEMCACHE_TEST_DIR="$WORK/daemons" MEMCACHE_TEST_PORTS="$MC1 $MC2" MEMCACHE_TEST_SOCK=""
WEB_PIDS=()
STEP=0

cleanup() {
    local pid
    for pid in "${WEB_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${WEB_PIDS[@]}"; do
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    done
    timeout 60 bash scripts/daemons.sh stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() { printf '\ndemo: FAILED: %s\n' "$*"; exit 1; }
step() { STEP=$((STEP + 1)); printf '\n%d. %s\n' "$STEP" "$*"; }
show() { sed 's/^/     | /'; }

# GET a page with the shared cookie jar; prints the body (or why there is none)
get() { # $1 = port, $2 = path
    printf '   $ curl http://127.0.0.1:%s%s\n' "$1" "$2"
    local body rc
    body="$(curl -sS --max-time 10 -c "$JAR" -b "$JAR" "http://127.0.0.1:$1$2" 2>&1)"
    rc=$?
    [ "$rc" = 0 ] || body="(curl failed, exit $rc: $body)"
    printf '%s\n' "$body" | show
    LAST_BODY="$body"
}

# which daemons hold the session right now (raw memcached protocol over the loopback)
where() { # $1 = session id
    local p reply
    for p in "$MC1" "$MC2"; do
        reply="$(timeout 3 bash -c '
            exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
            printf "get %s\r\nquit\r\n" "$2" >&3
            IFS= read -r -t 2 line <&3 && printf "%s" "$line"' _ "$p" "$1" 2>/dev/null | tr -d '\r')"
        if [[ "$reply" == VALUE* ]]; then
            echo "memcached :$p holds the session ($(awk '{print $4}' <<<"$reply") bytes)"
        elif [ -z "$reply" ]; then
            echo "memcached :$p is down"
        else
            echo "memcached :$p does not have it"
        fi
    done | show
}

echo "php-memcache demo: two web servers, two memcached daemons, the Tip 3 session configuration"

# ---- build -------------------------------------------------------------------------------------
step "Install missing system packages and build the extension"
timeout 900 bash scripts/deps.sh 2>&1 | show || die "scripts/deps.sh failed"
if [ "${DEMO_SKIP_BUILD:-0}" != 1 ]; then
    timeout 1500 cargo build --release 2>&1 | tail -n 3 | show
    [ "${PIPESTATUS[0]}" = 0 ] || die "cargo build --release failed"
fi
[ -f "$SO" ] || die "$SO not found"
php -n -d "extension=$SO" -m 2>/dev/null | grep -qx memcache || die "$SO does not load as PHP module 'memcache'"
echo "   built $SO" | sed "s|$ROOT/||"

# ---- daemons and web servers -------------------------------------------------------------------
step "Start two memcached daemons on 127.0.0.1:$MC1 and 127.0.0.1:$MC2"
timeout 60 bash scripts/daemons.sh start 2>&1 | show
[ "${PIPESTATUS[0]}" = 0 ] || die "could not start memcached"

SAVE_PATH="tcp://127.0.0.1:$MC1, tcp://127.0.0.1:$MC2"
PHP_INI=(
    -n -d "extension=$SO"
    -d session.save_handler=memcache
    -d "session.save_path=\"$SAVE_PATH\""
    -d memcache.hash_strategy=consistent
    -d memcache.allow_failover=1
    -d memcache.session_redundancy=2
)
step "Start two PHP web servers (php -S) on :$WEB1 and :$WEB2, both configured with Tip 3"
cat <<EOF | show
session.save_handler = memcache
session.save_path = "$SAVE_PATH"
memcache.hash_strategy = consistent
memcache.allow_failover = 1
memcache.session_redundancy = 2
EOF
for port in "$WEB1" "$WEB2"; do
    if timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null; then
        die "port $port is already in use (set DEMO_HTTP_PORTS)"
    fi
    # PHP warnings go to a log (shown at the end), not into the pages
    php "${PHP_INI[@]}" -d display_errors=0 -d log_errors=1 -d "error_log=$WORK/php-errors-$port.log" \
        -S "127.0.0.1:$port" -t "$ROOT/demo" >"$WORK/web-$port.log" 2>&1 &
    WEB_PIDS+=($!)
done
for port in "$WEB1" "$WEB2"; do
    ok=0
    for _ in $(seq 1 50); do
        if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$port/index.php"; then ok=1; break; fi
        sleep 0.2
    done
    [ "$ok" = 1 ] || { cat "$WORK/web-$port.log"; die "web server :$port did not start"; }
done
get "$WEB1" /index.php

# ---- the story ---------------------------------------------------------------------------------
step "Log in as alice on web server 1"
get "$WEB1" "/login.php?user=alice"
SID="$(awk '$6 == "PHPSESSID" {print $7}' "$JAR" | tail -n 1)"
[ -n "$SID" ] || die "no session cookie was set"
echo "   session cookie: PHPSESSID=$SID"
where "$SID"

step "Visit web server 2 with the same cookie: the session is there"
get "$WEB2" /whoami.php
[[ "$LAST_BODY" == *"you are alice"* ]] || die "web server 2 does not see the session"

step "Kill memcached :$MC1 with SIGKILL"
pid="$(tr -dc '0-9' <"$MEMCACHE_TEST_DIR/memcached-$MC1.pid" 2>/dev/null)"
[ -n "$pid" ] || die "no pid for memcached :$MC1"
kill -9 "$pid" && echo "   kill -9 $pid (memcached :$MC1)"
for _ in $(seq 1 50); do
    timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$MC1" 2>/dev/null || break
    sleep 0.1
done
where "$SID"

step "Visit both web servers again: alice is still logged in on both"
ok=0
get "$WEB1" /whoami.php
[[ "$LAST_BODY" == *"you are alice"* ]] && ok=$((ok + 1))
get "$WEB2" /whoami.php
[[ "$LAST_BODY" == *"you are alice"* ]] && ok=$((ok + 1))
get "$WEB1" /whoami.php
[[ "$LAST_BODY" == *"you are alice"* ]] && ok=$((ok + 1))

step "PHP warnings the web servers logged meanwhile"
if cat "$WORK"/php-errors-*.log >/dev/null 2>&1; then
    sed -E 's/^\[[^]]*\] //' "$WORK"/php-errors-*.log | sort | uniq -c | sed 's/^ *\([0-9]*\) /(x\1) /' | head -n 20 | show
else
    echo "   (none)"
fi

echo
if [ "$ok" = 3 ]; then
    echo "RESULT: alice stayed logged in on both web servers after memcached :$MC1 was killed with -9."
    echo "(cleaning up: web servers and daemons stopped, temporary files removed)"
    exit 0
fi
echo "web server logs:"
tail -n 20 "$WORK"/web-*.log | show
die "alice was logged out ($ok of 3 requests still saw her session)"
