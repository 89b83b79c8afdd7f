--TEST--
hardening: a session larger than memcached's item limit (1 MB) fails to write with a warning naming the servers and memcached's refusal; the session stored before is intact on every copy, its lock is released and the next request reads it at once
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$path = mc_save_path(3);
$ini = ['memcache.session_redundancy' => '2', 'memcache.lock_timeout' => '5'];
echo run_session('session_id("big402"); session_start(); $_SESSION["v"] = "small"; var_dump(session_write_close());', 'ours', $path, $ini);
$before = [];
foreach (mc_holders('big402') as $p) {
    $before[$p] = mc_get((int)$p, 'big402')['value'];
}
echo "copies before: ", count($before), "\n";
echo run_session('
session_id("big402");
var_dump(session_start());
$_SESSION["v"] = random_bytes(2 * 1024 * 1024);
$t = microtime(true);
var_dump(session_write_close());
echo "bounded: ", json_encode(microtime(true) - $t < 5), "\n";
', 'ours', $path, $ini);
$after = [];
foreach (mc_holders('big402') as $p) {
    $after[$p] = mc_get((int)$p, 'big402')['value'];
}
echo "copies intact: ", json_encode($after === $before), "\n";
echo run_session('session_id("big402"); $t = microtime(true); var_dump(session_start()); echo "no lock wait: ", json_encode(microtime(true) - $t < 1), "\n"; echo json_encode($_SESSION), "\n";', 'ours', $path, $ini);
?>
--EXPECTF--
bool(true)
copies before: 2
bool(true)

Warning: session_write_close(): failed to write session 'big402' (%d bytes): server 127.0.0.1:%d refused it: object too large for cache; server 127.0.0.1:%d refused it: object too large for cache; the data stored before is unchanged in %s on line %d

Warning: session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (%s) in %s on line %d
bool(true)
bounded: true
copies intact: true
bool(true)
no lock wait: true
{"v":"small"}
