--TEST--
leniency: a session.save_path pecl memcache accepts keeps working after the swap — a query value with trailing text (pecl's own test: "?udp_port=0;tcp://..."), another scheme, user:password@, a path, a fragment, unknown parameters, negative retry_interval, odd persistent/udp_port values — placing sessions where pecl places them; what pecl silently ignores goes to the error log as a warning naming it (never displayed: output before the headers would stop the session cookie)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/config.inc'; mc_skip_under_pecl('the log lines naming what was ignored (pecl ignores it silently)'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();
$h = MC_HOST;
$p1 = MC_PORT1;
$p2 = MC_PORT2;
$paths = [
    "tcp://$h:$p1?udp_port=0;tcp://$h:$h?udp_port=0;tcp://$h:" . MC_DEAD_PORT,
    "tcp://$h:$p1?weight=2abc, tcp://$h:$p2?timeout=1s",
    "http://$h:$p1, udp://$h:$p2",
    "tcp://user:secret@$h:$p1/db0#frag, tcp://$h:$p2?persistent=maybe&udp_port=70000&foo=bar",
    "tcp://$h:$p1?retry_interval=-1, tcp://$h:$p2",
];
$log = MC_DIR . '/600-error.log';
foreach ($paths as $i => $path) {
    mc_flush_all();
    @unlink($log);
    $ids = mc_session_ids("lenient$i", 6);
    // pecl writes, ours reads what pecl wrote, then ours writes and pecl reads it back
    $w = run_session(php_write_sessions($ids, ['by' => 'pecl', 'id' => '%id%']), 'pecl', $path);
    $r = run_session('ini_set("display_errors", "1");' . php_read_sessions($ids), 'ours', $path,
        ['log_errors' => '1', 'error_log' => $log]);
    $w2 = run_session(php_write_sessions($ids, ['by' => 'ours', 'id' => '%id%']), 'ours', $path, ['log_errors' => '1', 'error_log' => $log]);
    $r2 = run_session(php_read_sessions($ids), 'pecl', $path);
    $okRead = substr_count($r, '"by":"pecl"') === count($ids) && strpos($r, 'Warning') === false;
    $okBack = substr_count($r2, '"by":"ours"') === count($ids);
    echo "[$i] $path\n";
    echo "  pecl wrote: ", trim($w), "; ours read all of them: ", json_encode($okRead), "; ours wrote: ", trim($w2), "; pecl read ours: ", json_encode($okBack), "\n";
    if (!$okRead) {
        echo $r;
    }
    $lines = file_exists($log) ? file($log, FILE_IGNORE_NEW_LINES) : [];
    // one line per ignored part, logged once per worker (the parse is cached): the first run
    $seen = [];
    foreach ($lines as $l) {
        $l = preg_replace('/^\[[^\]]*\] /', '', $l);
        if (!isset($seen[$l])) {
            $seen[$l] = true;
            echo "  log: $l\n";
        }
    }
    echo "  the password is not in the log: ", json_encode(strpos(implode("\n", $lines), 'secret') === false), "\n";
}
?>
--EXPECT--
[0] tcp://127.0.0.1:11311?udp_port=0;tcp://127.0.0.1:127.0.0.1?udp_port=0;tcp://127.0.0.1:11360
  pecl wrote: wrote 6; ours read all of them: true; ours wrote: wrote 6; pecl read ours: true
  log: PHP Warning:  memcache: session.save_path: server 1 'tcp://127.0.0.1:11311?udp_port=0;tcp://127.0.0.1:127.0.0.1?udp_port=0;tcp://127.0.0.1:11360': ignored ';tcp://127.0.0.1:127.0.0.1?udp_port=0;tcp://127.0.0.1:11360' after udp_port=0 (pecl memcache ignores it too)
  the password is not in the log: true
[1] tcp://127.0.0.1:11311?weight=2abc, tcp://127.0.0.1:11312?timeout=1s
  pecl wrote: wrote 6; ours read all of them: true; ours wrote: wrote 6; pecl read ours: true
  log: PHP Warning:  memcache: session.save_path: server 1 'tcp://127.0.0.1:11311?weight=2abc': ignored 'abc' after weight=2 (pecl memcache ignores it too)
  log: PHP Warning:  memcache: session.save_path: server 2 'tcp://127.0.0.1:11312?timeout=1s': ignored 's' after timeout=1 (pecl memcache ignores it too)
  the password is not in the log: true
[2] http://127.0.0.1:11311, udp://127.0.0.1:11312
  pecl wrote: wrote 6; ours read all of them: true; ours wrote: wrote 6; pecl read ours: true
  log: PHP Warning:  memcache: session.save_path: server 1 'http://127.0.0.1:11311': ignored the scheme 'http://': the server is reached over TCP (pecl memcache ignores it too)
  the password is not in the log: true
[3] tcp://user:secret@127.0.0.1:11311/db0#frag, tcp://127.0.0.1:11312?persistent=maybe&udp_port=70000&foo=bar
  pecl wrote: wrote 6; ours read all of them: true; ours wrote: wrote 6; pecl read ours: true
  log: PHP Warning:  memcache: session.save_path: server 1 'tcp://***@127.0.0.1:11311/db0#frag': ignored the fragment '#frag' (pecl memcache ignores it too)
  log: PHP Warning:  memcache: session.save_path: server 1 'tcp://***@127.0.0.1:11311/db0#frag': ignored the 'user:password@' part: memcached has no login in this protocol (pecl memcache ignores it too)
  log: PHP Warning:  memcache: session.save_path: server 1 'tcp://***@127.0.0.1:11311/db0#frag': ignored the path '/db0' after host:port (pecl memcache ignores it too)
  log: PHP Warning:  memcache: session.save_path: server 2 'tcp://127.0.0.1:11312?persistent=maybe&udp_port=70000&foo=bar': persistent='maybe' is not 1/0, on/off, true/false or yes/no: read as on (pecl memcache ignores it too)
  log: PHP Warning:  memcache: session.save_path: server 2 'tcp://127.0.0.1:11312?persistent=maybe&udp_port=70000&foo=bar': ignored udp_port=70000: not a port number (sessions never use UDP) (pecl memcache ignores it too)
  log: PHP Warning:  memcache: session.save_path: server 2 'tcp://127.0.0.1:11312?persistent=maybe&udp_port=70000&foo=bar': ignored the unknown parameter 'foo' (pecl memcache ignores it too)
  the password is not in the log: true
[4] tcp://127.0.0.1:11311?retry_interval=-1, tcp://127.0.0.1:11312
  pecl wrote: wrote 6; ours read all of them: true; ours wrote: wrote 6; pecl read ours: true
  log: PHP Warning:  memcache: session.save_path: server 1 'tcp://127.0.0.1:11311?retry_interval=-1': retry_interval=-1: a server that fails is never tried again by this worker (pecl memcache ignores it too)
  the password is not in the log: true
