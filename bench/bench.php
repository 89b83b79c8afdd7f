<?php
// php-memcache benchmark worker: one mode per invocation, one result line on stdout.
// Run by bench/run.sh with `php -n` + exactly one extension + its session ini (-d ...).
//
//   php bench.php cycle   SID N        N timed session cycles; prints "us_per_cycle=<float> fails=<n>"
//   php bench.php floor   PORT N       N cycles of two raw `get` round trips (1 KiB value) over one
//                                      kept-open stream_socket_client; prints "us_per_cycle=<float>"
//   php bench.php floor2  PORTA,PORTB N  the same, the second round trip to both servers (information)
//   php bench.php floor_sess PORT N    the commands of a locking session handler's cycle by hand, one
//                                      server: `incr`+`add` of the lock with the `get` of the data,
//                                      then `replace` of the data (1 KiB) + the lock's release `set`
//                                      (information: memcached's work for a session against the floor's)
//   php bench.php contend SID N HOLD_US START_AT
//                                      waits until microtime START_AT, then N x (session_start,
//                                      usleep(HOLD_US), change, write_close); prints
//                                      "start=<t> end=<t> fails=<n>" and "waits=<µs>,<µs>,..." (the
//                                      time each session_start() took)
//   php bench.php count   SID N        BENCH_WARMUP cycles, then N untimed cycles (callgrind: run
//                                      with N and with 0)
//   php bench.php rss     SID N        VmRSS after a 200-cycle warm-up, after N/10 more cycles and
//                                      after N; prints "rss_before_kb=.. rss_mid_kb=.. rss_after_kb=.."
//
// A "session cycle" is what a request does with its session: session_id(SID); session_start();
// change one field; session_write_close(). The session holds ~1 KiB once serialized.
// Every loop is bounded by its count and by BENCH_LOOP_LIMIT seconds (default 120).

error_reporting(E_ALL);
ini_set('display_errors', 'stderr');

$mode = $argv[1] ?? '';
$limit = (float) (getenv('BENCH_LOOP_LIMIT') ?: 120);
$t_begin = microtime(true);

// ~1 KiB serialized: 'pad' (1000 bytes) + counter + a few bytes of keys.
const PAD_LEN = 980;

// A cycle fails when session_start()/session_write_close() say so or when the handler warns
// (pecl memcached reports failed writes only as a warning; session_write_close() still returns true).
$warnings = 0;
set_error_handler(function (int $no, string $msg) use (&$warnings) {
    $warnings++;
    if ($warnings <= 5) {
        fwrite(STDERR, "warning: $msg\n");
    }
    return true;
});

function cycle(string $sid): bool
{
    global $warnings;
    $w = $warnings;
    session_id($sid);
    if (!session_start()) {
        return false;
    }
    if (!isset($_SESSION['pad'])) {
        $_SESSION['pad'] = str_repeat('p', PAD_LEN);
        $_SESSION['n'] = 0;
    }
    $_SESSION['n']++;
    return session_write_close() && $warnings === $w;
}

function over_limit(): bool
{
    global $t_begin, $limit;
    return microtime(true) - $t_begin > $limit;
}

function rss(): array
{
    $s = file_get_contents('/proc/self/status');
    preg_match('/VmRSS:\s+(\d+)/', $s, $r);
    preg_match('/VmHWM:\s+(\d+)/', $s, $h);
    return [(int) $r[1], (int) $h[1]];
}

switch ($mode) {
    case 'cycle':
    case 'count':
        $sid = $argv[2];
        $n = (int) $argv[3];
        $fails = 0;
        // warm-up: connections opened, ring built, session created
        $warm = $mode === 'cycle' ? 20 : (int) (getenv('BENCH_WARMUP') ?: 0);
        {
            for ($i = 0; $i < $warm; $i++) {
                cycle($sid) || $fails++;
            }
        }
        $t0 = hrtime(true);
        $done = 0;
        for ($i = 0; $i < $n; $i++) {
            cycle($sid) || $fails++;
            $done++;
            if (($i & 255) === 255 && over_limit()) {
                break;
            }
        }
        $dt = (hrtime(true) - $t0) / 1e3;
        if ($mode === 'cycle') {
            printf("us_per_cycle=%.2f fails=%d done=%d\n", $done ? $dt / $done : 0, $fails, $done);
        } else {
            printf("done=%d fails=%d\n", $done, $fails);
        }
        break;

    case 'floor':
    case 'floor2':
    case 'floor_sess':
        // floor: two `get` round trips to one server. floor2 (information only): the first `get`
        // to server A, the second sent to A and B before either reply is read (a mirrored write's
        // round trip to two daemons), i.e. the least a session_redundancy=2 cycle can cost.
        $ports = $mode === 'floor2' ? array_map('intval', explode(',', $argv[2])) : [(int) $argv[2]];
        $n = (int) $argv[3];
        $key = 'bench_floor_' . getmypid();
        $val = str_repeat('v', 1024);
        $get = "get $key\r\n";
        $want = strlen("VALUE $key 0 1024\r\n") + 1024 + 2 + 5; // + "END\r\n"
        // floor_sess: the first round trip takes the lock (pecl's record: flags 768, 15 s) and
        // reads; the second writes the data and releases the lock.
        [$first, $want_first, $second, $want_second] = $mode === 'floor_sess'
            ? ["incr $key.lock 1\r\nadd $key.lock 768 15 1\r\n1\r\n$get", strlen("1\r\nNOT_STORED\r\n") + $want,
               "replace $key 0 300 1024\r\n$val\r\nset $key.lock 768 15 1\r\n0\r\n", strlen("STORED\r\nSTORED\r\n")]
            : [$get, $want, $get, $want];
        $socks = [];
        foreach ($ports as $port) {
            // like the extensions: TCP_NODELAY
            $ctx = stream_context_create(['socket' => ['tcp_nodelay' => true]]);
            $s = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2, STREAM_CLIENT_CONNECT, $ctx);
            if (!$s) {
                fwrite(STDERR, "floor: connect: $errstr\n");
                exit(1);
            }
            stream_set_timeout($s, 2);
            stream_set_write_buffer($s, 0);
            stream_set_read_buffer($s, 0);
            fwrite($s, "set $key 0 300 1024\r\n$val\r\nset $key.lock 768 15 1\r\n0\r\n");
            if (trim(fgets($s)) !== 'STORED' || trim(fgets($s)) !== 'STORED') {
                fwrite(STDERR, "floor: set failed\n");
                exit(1);
            }
            $socks[] = $s;
        }
        $send = function ($s, string $bytes) {
            fwrite($s, $bytes);
        };
        $recv = function ($s, int $want) {
            $got = 0;
            while ($got < $want) {
                $chunk = fread($s, 65536);
                if ($chunk === false || $chunk === '') {
                    fwrite(STDERR, "floor: read failed\n");
                    exit(1);
                }
                $got += strlen($chunk);
            }
        };
        $a = $socks[0];
        $rt = function () use ($socks, $a, $send, $recv, $first, $want_first, $second, $want_second) {
            // "lock + read": one server
            $send($a, $first);
            $recv($a, $want_first);
            // "write + unlock": every server (one for floor, two for floor2), replies read after
            foreach ($socks as $s) {
                $send($s, $second);
            }
            foreach ($socks as $s) {
                $recv($s, $want_second);
            }
        };
        for ($i = 0; $i < 20; $i++) {
            $rt();
        }
        $t0 = hrtime(true);
        $done = 0;
        for ($i = 0; $i < $n; $i++) {
            $rt();
            $done++;
            if (($i & 255) === 255 && over_limit()) {
                break;
            }
        }
        $dt = (hrtime(true) - $t0) / 1e3;
        printf("us_per_cycle=%.2f fails=0 done=%d\n", $dt / max(1, $done), $done);
        break;

    case 'contend':
        $sid = $argv[2];
        $n = (int) $argv[3];
        $hold = (int) $argv[4];
        $start_at = (float) $argv[5];
        while (microtime(true) < $start_at) {
            usleep(200);
            if (over_limit()) {
                break;
            }
        }
        $start = microtime(true);
        $fails = 0;
        $waits = [];
        for ($i = 0; $i < $n; $i++) {
            session_id($sid);
            $w = $warnings;
            $t = hrtime(true);
            $ok = session_start();
            $waits[] = (int) ((hrtime(true) - $t) / 1000);
            if (!$ok) {
                $fails++;
                continue;
            }
            usleep($hold);
            $_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1;
            $_SESSION['pad'] ??= str_repeat('p', PAD_LEN);
            (session_write_close() && $warnings === $w) || $fails++;
            if (over_limit()) {
                $fails += $n - $i - 1;
                break;
            }
        }
        printf("start=%.6f end=%.6f fails=%d\n", $start, microtime(true), $fails);
        // µs each session_start() took (lock wait + read), one line per process
        echo 'waits=', implode(',', $waits), "\n";
        break;

    case 'rss':
        $sid = $argv[2];
        $n = (int) $argv[3];
        $fails = 0;
        for ($i = 0; $i < 200; $i++) {
            cycle($sid) || $fails++;
        }
        gc_collect_cycles();
        [$before] = rss();
        $done = 0;
        $mid = 0;
        for ($i = 0; $i < $n; $i++) {
            cycle($sid) || $fails++;
            $done++;
            if ($done === intdiv($n, 10)) {
                gc_collect_cycles();
                [$mid] = rss();
            }
            if (($i & 1023) === 1023 && over_limit()) {
                break;
            }
        }
        gc_collect_cycles();
        [$after, $hwm] = rss();
        printf("rss_before_kb=%d rss_mid_kb=%d rss_after_kb=%d hwm_after_kb=%d done=%d fails=%d\n", $before, $mid, $after, $hwm, $done, $fails);
        break;

    default:
        fwrite(STDERR, "usage: php bench.php cycle|floor|contend|count|rss ...\n");
        exit(2);
}
