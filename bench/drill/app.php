<?php
// The failover drill's page (bench/drill.sh; served by nginx + php-fpm, one extension loaded).
//
//   GET /?op=inc    start the session named by the PHPSESSID cookie, add 1 to $_SESSION['n'],
//                   write it (session_write_close), report the new value
//   GET /?op=read   session_start(['read_and_close' => true]): report $_SESSION['n'], write nothing
//
// The body's first line is what the load client (bench/drill/load.rs) parses:
//   DRILL v=<n|-> ok=<0|1> warn=<count> php_us=<n> start_us=<n> write_us=<n> pid=<pid> fail=<why|->
// followed by one "W <errno> <message>" line per PHP warning/notice/error (at most 5). ok=0 when
// session_start() or session_write_close() returned false, when $_SESSION['n'] is not an int,
// or when anything raised a PHP diagnostic: every one of those is a failed request for the drill.
// php_us is the script's own wall time (lock wait + read + write + this code), start_us and
// write_us the session_start() and session_write_close() parts of it.
$t0 = microtime(true);
$diag = [];
set_error_handler(function (int $no, string $msg) use (&$diag): bool {
    $diag[] = [$no, $msg];
    return true; // handled: nothing reaches the log or the output
});

$op = $_GET['op'] ?? 'inc';
$fail = '-';
$v = '-';
$write_us = 0;

$ts = microtime(true);
$started = $op === 'read' ? session_start(['read_and_close' => true]) : session_start();
$start_us = (int) round((microtime(true) - $ts) * 1e6);

if (!$started) {
    $fail = 'session_start';
} elseif (isset($_SESSION['n']) && !is_int($_SESSION['n'])) {
    $fail = 'bad_value';
} else {
    $n = $_SESSION['n'] ?? 0;
    if ($op === 'read') {
        $v = $n;
    } else {
        $n++;
        $_SESSION['n'] = $n;
        // a realistic session carries more than a counter (~300 bytes serialized)
        $_SESSION['pad'] ??= str_repeat('d', 256);
        $tw = microtime(true);
        $written = session_write_close();
        $write_us = (int) round((microtime(true) - $tw) * 1e6);
        $v = $n;
        if (!$written) {
            $fail = 'write';
        }
    }
}
if ($fail === '-' && $diag) {
    $fail = 'diagnostic';
}

$php_us = (int) round((microtime(true) - $t0) * 1e6);
$body = sprintf("DRILL v=%s ok=%d warn=%d php_us=%d start_us=%d write_us=%d pid=%d fail=%s\n",
    $v, $fail === '-' ? 1 : 0, count($diag), $php_us, $start_us, $write_us, getmypid(), $fail);
foreach (array_slice($diag, 0, 5) as [$no, $msg]) {
    $body .= 'W ' . $no . ' ' . str_replace(["\r", "\n"], ' ', $msg) . "\n";
}
header('Content-Type: text/plain');
header('Content-Length: ' . strlen($body));
echo $body;
