#!/usr/bin/env bash
# Prints docs/RELIABILITY.md for a finished full run of bench/drill.sh:
#   bench/drill/write_doc.sh TABLE_FILE LOAD_BEFORE LOAD_AFTER SECONDS SO_OURS
set -uo pipefail
table="$1" load_before="$2" load_after="$3" secs="$4" so="$5"
slow_ms="${DRILL_SLOW_MS:-550}"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
phpv="$(php -n -r 'echo PHP_VERSION;')"
ext_ver() { php -n "$@" -r '$e = extension_loaded("memcached") ? "memcached" : "memcache"; echo phpversion($e);' 2>/dev/null; }
pecl_v="$(ext_ver -d extension=memcache.so)"
mcd_v="$(ext_ver -d extension=igbinary.so -d extension=msgpack.so -d extension=memcached.so)"
libmc="$(php -n -d extension=igbinary.so -d extension=msgpack.so -d extension=memcached.so --ri memcached 2>/dev/null | awk -F'=> ' '/libmemcached library version/ { print $2 }')"
root="$(cd "$(dirname "$0")/../.." && pwd)"
rev="$(git -C "$root" rev-parse --short HEAD 2>/dev/null)"
# the last commit that changed what the extension is built from
src_rev="$(git -C "$root" log -1 --format=%h -- src Cargo.toml Cargo.lock build.rs 2>/dev/null)"
[ -n "$src_rev" ] && [ "$src_rev" != "$rev" ] && rev="$rev (extension sources last changed in $src_rev)"
dirty="$(git -C "$root" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null | head -c1)"
# DRILL_OURS_REV=<commit>: the .so was built elsewhere from exactly that commit
if [ -n "${DRILL_OURS_REV:-}" ]; then rev="$DRILL_OURS_REV"; dirty=""; fi
cat <<EOF
# Reliability: the failover drill

Latest full run of \`make drill\` (= \`bash bench/drill.sh\`); it rewrites this file. Raw results of
the last run (every request, the anomalies with their timing, the slowest requests, the logs) are
in \`.run/drill/<extension>-<config>/\`. \`DRILL_QUICK=1 make drill\` is the short smoke run (ours,
3 daemons, redundancy 2; under 3 minutes; last line \`N passed, M failed\`); it leaves this file alone.

## Machine and run

- date: $(date -u '+%Y-%m-%d %H:%M UTC'); run took ${secs} s
- machine: $(nproc) cores, ${cpu}, ${mem} memory; $(uname -sr)
- PHP ${phpv} (php-fpm, Debian), nginx $(nginx -v 2>&1 | sed 's|.*/||'), memcached $(memcached -V 2>/dev/null | awk '{print $2}') (\`-t 1 -m 64\`), all on 127.0.0.1 in a private network namespace
- ours: \`${so#"$root/"}\` at commit ${rev:-?}$([ -n "$dirty" ] && echo " + uncommitted changes in src/")
- pecl memcache ${pecl_v} (Debian php-memcache), pecl memcached ${mcd_v} (Debian php-memcached, libmemcached ${libmc:-?})
- load average before / after the run: ${load_before} / ${load_after}$(awk -v l="${load_before%% *}" 'BEGIN { if (l + 0 > 1.0) print " — **measured while other builds/tests ran on this 2-core machine: latencies are noisy**" }')

## Results

$(cat "$table")

## How to read it

One table per extension and configuration, one row per phase; every phase runs under the same
steady load and ends with a settle period (the fault is over, the load goes on).

- **requests**: requests started in the phase (private users + shared-session clients).
- **failed**: answered with a status other than 200, or the page reported a failure
  (\`session_start()\` or \`session_write_close()\` returned false, or PHP raised a warning or
  notice — the page installs an error handler and reports them), or no answer within the client's
  timeout (20 s), or a broken connection. The causes are listed under each table.
- **stale reads**: a request read an older session than one already confirmed: a private user got
  a value at or below one it had already seen, or a shared-session request got a value not above
  the one returned by the last successful request that had finished before it started. A session
  that went back in time counts once, not for every request that then continues from the old value
  (what it cost is in lost updates); on a shared session the requests already queued for the lock
  when it happened count too.
- **lost updates**: per shared session, successful increments minus the session's final count
  (read once after the phase, when its clients have moved on), or the number of values two
  successful requests both returned, whichever is larger: increments that were acknowledged and
  then overwritten.
- **lost sessions**: a session that came back empty (a private user's counter back at 1, a shared
  session read as empty after it had a count, or whose settling read finds it empty).
- **gaps**: a private user's counter jumped by more than one (an increment it did not make, or
  one it was told had failed counts only if it jumps further).
- **p50 / p99 / max ms**: client-side latency of each request, from sending it to having read the
  whole response (one keep-alive connection per client; this includes waiting for a free php-fpm
  worker). **page max ms**: the longest wall time the page itself measured (\`session_start()\`
  — lock wait included — to \`session_write_close()\`): what the session handler controls.
- **slow**: requests whose page time exceeded the timeout + 50 ms (${slow_ms} ms), plus
  unanswered ones; a hung daemon should cost a request at most one timeout.

For ours, every one of failed, stale reads, lost updates, lost sessions, gaps and slow must be 0 in
every phase (issue 11); \`make drill\` exits non-zero otherwise and lists what failed. The pecl rows
are the same drill with pecl memcache and pecl memcached, for comparison: informational.

## How it is measured

- **Stack**: nginx (1 worker, keep-alive) → php-fpm (\`-n\`, opcache on, \`pm = static\`, 4 workers)
  serving \`bench/drill/app.php\` → N memcached daemons. Per (extension, config) everything is
  started fresh; the daemons start empty.
- **Load** (\`bench/drill/load.rs\`, std-only Rust, one thread per client): 200 private users, each a
  sequential client with its own session, thinking 0.4–1.2 s between requests; per phase 3 shared
  sessions with 6 concurrent clients each, thinking 50–150 ms (AJAX-like). Each request increments
  the session's counter and the page returns the new value. The load is rate-limited on purpose (2
  cores shared with other work): a few hundred requests per second.
- **Shared sessions** are new in each phase, so each phase's count is settled on its own; two thirds
  of them have the faulted daemon as their first server (the copy a reader asks first; observed by
  \`bench/drill/probe.php\` through the session handler itself before the load starts).
- **Faults**, all on the same daemon (the first of the save_path), by pid: \`kill -9\` (left dead for
  the phase); started again empty on the same port; \`SIGSTOP\` for 3 s (longer than the 0.5 s
  timeout) then \`SIGCONT\`; flapping (5 stop/continue cycles of 0.8–1.5 s); dropped connections
  (\`ss -K\` of the daemon's established connections every 150 ms for 8 s).
- **Configs**: \`daemons:redundancy\` 3:2 (the issue's), 2:2, 5:3. Ours and pecl memcache:
  \`session.save_handler=memcache\`, \`session.save_path="tcp://127.0.0.1:P?timeout=0.5&retry_interval=2, ..."\`,
  \`memcache.hash_strategy=consistent\`, \`memcache.allow_failover=1\`, \`memcache.session_redundancy\`
  as given. pecl memcached: \`session.save_handler=memcached\`, \`session.save_path="127.0.0.1:P,..."\`,
  \`memcached.sess_number_of_replicas\` = redundancy - 1, \`sess_consistent_hash=1\`,
  \`sess_binary_protocol=1\` (libmemcached replicates only over the binary protocol),
  \`sess_remove_failed_servers=1\`, \`sess_server_failure_limit=1\`, \`sess_connect_timeout=500\`
  (libmemcached's own 2 s retry timeout applies; it has no session ini for the I/O timeout, so a
  stopped daemon holds its requests for as long as it is stopped instead of failing over), and a
  lock wait as long as memcache.lock_timeout (\`sess_lock_wait_min=5\`, \`sess_lock_wait_max=150\`,
  \`sess_lock_retries=100\`, \`sess_lock_expire=15\`): with its default lock wait (5 × 150 ms) it fails
  contended requests instead.
- Everything runs as real processes on loopback inside a private network namespace; the faults are
  real signals to daemons the drill started. Knobs (phase lengths, load, configs): the header of
  \`bench/drill.sh\`.
EOF
