--TEST--
hardening: no panic crosses into PHP: an internal error forced in an entry point (testing hook PHP_MEMCACHE_TEST_PANIC) becomes a warning "internal error in <entry point>", the call fails (session_start() returns false), nothing is locked or written, and the process goes on and exits 0; at request end (after PHP's error state is gone) the warning is logged - to the SAPI log, or the error_log file - never raised, so nothing leaks or corrupts the heap (a debug PHP reports both)
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('testing hook of ours'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$path = mc_save_path(1);
$code = 'session_id("fault407"); $r = session_start(); var_dump($r);
if ($r) { $_SESSION["v"] = "new"; var_dump(session_write_close()); }
echo "still running\n";';
echo run_session('session_id("fault407"); session_start(); $_SESSION["v"] = "old"; session_write_close(); echo "seeded\n";', 'ours', $path);
foreach (['session open', 'session read', 'session write', 'session close', 'request end'] as $entry) {
    echo "== $entry\n";
    echo run_session($code, 'ours', $path, [], 60, ['PHP_MEMCACHE_TEST_PANIC' => $entry]);
    echo "data: ", json_encode(mc_get(MC_PORT1, 'fault407')['value'] ?? null), ", lock: ", json_encode(mc_get(MC_PORT1, 'fault407.lock')['value'] ?? null), "\n";
    mc_set(MC_PORT1, 'fault407', 'v|s:3:"old";');
}
echo "== request end, error_log set\n";
$log = MC_DIR . '/407-error.log';
@unlink($log);
echo run_session($code, 'ours', $path, ['error_log' => $log], 60, ['PHP_MEMCACHE_TEST_PANIC' => 'request end']);
echo "logged: ", preg_replace('/^\[\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d UTC\] /m', '[<time> UTC] ', (string)@file_get_contents($log));
@unlink($log);
echo "== phpinfo\n";
$info = run_php('phpinfo(INFO_MODULES); echo "still running\n";', 'ours', [], 60, ['PHP_MEMCACHE_TEST_PANIC' => 'phpinfo']);
echo preg_match('/Warning: .*internal error in phpinfo: fault injected by PHP_MEMCACHE_TEST_PANIC/', $info) ? "warned\n" : $info, substr($info, -14);
echo "== not set: no effect\n";
echo run_session($code, 'ours', $path, [], 60, ['PHP_MEMCACHE_TEST_PANIC' => 'no such entry point']);
?>
--EXPECTF--
seeded
== session open

Warning: session_start(): memcache: internal error in session open: fault injected by PHP_MEMCACHE_TEST_PANIC (the operation failed; please report this) in %s on line %d

Warning: session_start(): Failed to initialize storage module: memcache (path: %s) in %s on line %d
bool(false)
still running
data: "v|s:3:\"old\";", lock: "0"
== session read

Warning: session_start(): memcache: internal error in session read: fault injected by PHP_MEMCACHE_TEST_PANIC (the operation failed; please report this) in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: %s) in %s on line %d
bool(false)
still running
data: "v|s:3:\"old\";", lock: "0"
== session write
bool(true)

Warning: session_write_close(): memcache: internal error in session write: fault injected by PHP_MEMCACHE_TEST_PANIC (the operation failed; please report this) in %s on line %d

Warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (%s) in %s on line %d
bool(true)
still running
data: "v|s:3:\"old\";", lock: "0"
== session close
bool(true)

Warning: session_write_close(): memcache: internal error in session close: fault injected by PHP_MEMCACHE_TEST_PANIC (the operation failed; please report this) in %s on line %d
bool(true)
still running
data: "v|s:3:\"new\";", lock: "0"
== request end
bool(true)
bool(true)
still running
PHP Warning:  memcache: internal error in request end: fault injected by PHP_MEMCACHE_TEST_PANIC (the operation failed; please report this) in Unknown on line 0
data: "v|s:3:\"new\";", lock: "0"
== request end, error_log set
bool(true)
bool(true)
still running
logged: [<time> UTC] PHP Warning:  memcache: internal error in request end: fault injected by PHP_MEMCACHE_TEST_PANIC (the operation failed; please report this) in Unknown on line 0
== phpinfo
warned
still running
== not set: no effect
bool(true)
bool(true)
still running
