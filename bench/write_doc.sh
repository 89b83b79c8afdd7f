#!/usr/bin/env bash
# Prints docs/BENCHMARKS.md for a finished run of bench/run.sh:
#   bench/write_doc.sh TABLE_FILE LOAD_BEFORE LOAD_AFTER SECONDS SO_OURS
set -uo pipefail
table="$1" load_before="$2" load_after="$3" secs="$4" so="$5"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
phpv="$(php -n -r 'echo PHP_VERSION;')"
ext_ver() { php -n "$@" -r '$e = extension_loaded("memcached") ? "memcached" : "memcache"; echo phpversion($e);' 2>/dev/null; }
pecl_v="$(ext_ver -d extension=memcache.so)"
mcd_v="$(ext_ver -d extension=igbinary.so -d extension=msgpack.so -d extension=memcached.so)"
libmc="$(php -n -d extension=igbinary.so -d extension=msgpack.so -d extension=memcached.so --ri memcached 2>/dev/null | awk -F'=> ' '/libmemcached library version/ { print $2 }')"
rev="$(git -C "$(dirname "$0")/.." rev-parse --short HEAD 2>/dev/null)"
dirty="$(git -C "$(dirname "$0")/.." status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null | head -c1)"
# BENCH_OURS_REV=<commit>: the .so was built elsewhere from exactly that commit (a clean export)
if [ -n "${BENCH_OURS_REV:-}" ]; then rev="$BENCH_OURS_REV (clean build of that commit)"; dirty=""; fi
cat <<EOF
# Benchmarks

Latest full run of \`make bench\` (= \`bash bench/run.sh\`). It rewrites this file; the raw results
of the last run are in \`.run/bench/\`. \`BENCH_QUICK=1 make bench\` is a smoke run that leaves this
file alone.

## Machine and run

- date: $(date -u '+%Y-%m-%d %H:%M UTC'); run took ${secs}s
- machine: $(nproc) cores, ${cpu}, ${mem} memory; $(uname -sr)
- PHP ${phpv} (CLI and FPM, Debian), memcached $(memcached -V 2>/dev/null | awk '{print $2}') (two daemons, 127.0.0.1, \`-t 1 -m 128\`)
- ours: \`${so#"$PWD/"}\` at commit ${rev:-?}$([ -n "$dirty" ] && echo " + uncommitted changes in src/")
- pecl memcache ${pecl_v} (Debian php-memcache), pecl memcached ${mcd_v} (Debian php-memcached, libmemcached ${libmc:-?})
- load average before / after the run: ${load_before} / ${load_after}${BENCH_NOTE:+ — ${BENCH_NOTE}}$(awk -v l="${load_before%% *}" 'BEGIN { if (l + 0 > 0.5) print " — **measured while other builds/tests ran on this 2-core machine: expect noise (see the ranges)**" }')

## Results

$(cat "$table")

Where a cycle's time goes (syscalls per cycle, the syscall sequence, callgrind top functions
inside session_start/session_write_close): \`bash bench/profile.sh [ours|pecl|memcached] [tip3|r1|persistent]\`.

## How it is measured

- **Extensions**: every PHP process runs \`php -n\` (no php.ini, no conf.d) with exactly one of
  ours (\`target/release/libphp_memcache.so\`), pecl memcache (\`memcache.so\`) or pecl memcached
  (\`igbinary.so\`, \`msgpack.so\`, \`memcached.so\`). Session ini common to all:
  \`session.gc_probability=0 session.use_strict_mode=0 session.lazy_write=1\`.
- **Configs** (ours and pecl memcache, identical ini):
  - \`tip3\`: the seed's Tip 3 as written: \`session.save_path="tcp://127.0.0.1:11611, tcp://127.0.0.1:11612"\`,
    \`memcache.hash_strategy=consistent memcache.allow_failover=1 memcache.session_redundancy=2\`;
  - \`r1\`: the same with \`memcache.session_redundancy=1\`;
  - \`persistent\`: \`?persistent=1\` on both servers, \`session_redundancy=2\`.
  - pecl memcached (its nearest equivalent): \`session.save_handler=memcached\`,
    \`session.save_path="127.0.0.1:11611,127.0.0.1:11612"\`, \`memcached.sess_consistent_hash=1\`
    (ketama), \`memcached.sess_binary_protocol=1\`, \`memcached.sess_locking=1\` (its defaults: lock
    wait 150 ms, 5 retries), \`memcached.sess_number_of_replicas=1\` for tip3/persistent (= 2
    copies; libmemcached replicates only over the binary protocol) and \`0\` for r1,
    \`memcached.sess_persistent=1\` for persistent, \`0\` otherwise.
- **Session cycle**: \`session_id(SID); session_start(); \$_SESSION['n']++; session_write_close();\`
  on a session of ~1 KiB serialized (\`bench/bench.php cycle\`), 20 warm-up cycles, then N timed
  cycles in one CLI process (one request: so without \`persistent=1\`, pecl memcache reconnects on
  every session_start, as it does on every request of a web server). A cycle that fails or warns is
  counted as failed. Each (extension, config) runs in its own process; the rounds interleave all
  of them with the floor (order rotated each round), and the table shows the median and range.
- **Floor**: what a cycle cannot go below: two round trips (one to read under the lock, one to
  write). Measured in PHP too, so it carries the same loop overhead: \`bench/bench.php floor\`
  sends \`get\` of a 1 KiB value twice per cycle over one kept-open \`stream_socket_client\` (TCP_NODELAY)
  to the first daemon and reads the whole reply each time. For information, two variants in the
  same rounds: \`floor2\` sends the second round trip to both daemons (the least a
  session_redundancy 2 cycle costs) and \`floor_sess\` sends a locking session handler's own
  commands instead of the two \`get\`s (\`incr\` + \`add\` of the lock record with the \`get\`,
  then \`replace\` of the 1 KiB data + the lock's release \`set\`), i.e. what memcached itself
  does for a session cycle with \`session_redundancy\` 1: the difference between it and the
  floor is memcached's, between ours r1 and it the client's.
- **Lock contention**: 4 \`php -n\` processes start together (a shared start time) and each does
  50 × (\`session_start()\`, \`usleep(1000)\`, change, \`session_write_close()\`) on ONE session id,
  Tip 3 config. Wall = first start to last end. Back-to-back = one process doing the same 200
  requests serially (= 200 × (1 ms sleep + one cycle), the ideal a perfect lock hand-off reaches).
- **End to end**: nginx (1 worker) → php-fpm (\`-n\`, opcache on, \`pm=static\`, 4 workers) over
  FastCGI on 127.0.0.1, serving \`bench/e2e/page.php\` (start, change, close a 1 KiB session);
  after a 1 s warm-up, \`wrk -t2 -c8 --timeout 5s -s bench/e2e/session.lua\`: each
  request sends its own session cookie, each wrk thread cycling over 64 ids, so the requests in
  flight use distinct sessions (lock contention is section 2's job). Everything shares the 2 cores.
  Before the load, two requests check the page really keeps its session (n=1 → n=2). Rows: each
  extension with the Tip 3 config as written, i.e. each extension's default connections (pecl
  memcache and pecl memcached connect to both daemons in every request and close at its end;
  ours keeps session connections by default, so its row shows 0 connections per request), then
  with persistent connections spelled out (\`?persistent=1\` on both servers; pecl memcached:
  \`sess_persistent=1\`; for ours the same configuration as its first row), then the same
  nginx + php-fpm serving \`bench/e2e/nosession.php\` (no session): the floor of this stack on
  this machine, so "php-fpm CPU above the baseline" is the session's share of a request.
  - *CPU µs/request*: utime+stime deltas from \`/proc/<pid>/stat\` over the measured run, of
    php-fpm (master + workers), nginx (master + worker), both memcached, and wrk (bash \`time\`),
    divided by the requests served (user/kernel split in \`.run/bench/e2e-cpu-*.txt\`). Much less
    affected than requests/s by other load on the machine.
  - *memcached connections/request*: \`total_connections\` delta of both daemons.
  - *php-fpm syscalls/request*: a 3 s extra wrk run with the 4 workers under \`strace -c -f\`
    (not the measured run), total and the connection-related calls.
  - \`BENCH_E2E_PERF=1\` adds a \`perf record\` (cpu-clock, kernel included) of the workers:
    \`.run/bench/e2e-perf-*.txt\`.
- **CPU**: \`valgrind --tool=callgrind\` over \`bench/bench.php count\` (Tip 3) doing 5 warm-up +
  N cycles and 5 warm-up + 0 cycles; (Ir(N) − Ir(0)) / N is the user-space instructions of one
  cycle: PHP session module + extension + libc; the kernel's share (syscalls) is not counted.
- **Memory**: one CLI process, Tip 3: VmRSS after 200 warm-up cycles, after N/10 and after N more (100k in a
  full run), \`gc_collect_cycles()\` before each reading. "Flat" = growth from N/10 to N cycles ≤ 128 KiB
  (the first readings include PHP's and the allocators' own warm-up).
EOF
