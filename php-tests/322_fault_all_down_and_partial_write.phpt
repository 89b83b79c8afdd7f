--TEST--
faults: every daemon down fails session_start() with a warning naming the servers (no empty session); a write with a mirror down succeeds, with no warning, and the error log says fewer copies were stored
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip messages of ours'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B] = [11705, 11706];
mc_spawn_daemon($A);
mc_spawn_daemon($B);
$path = "tcp://127.0.0.1:$A?timeout=0.5, tcp://127.0.0.1:$B?timeout=0.5";
$ini = ['memcache.session_redundancy' => '2'];
echo run_session('session_id("f322"); session_start(); $_SESSION["v"] = 1; session_write_close(); echo "seeded\n";', 'ours', $path, $ini);
mc_kill_daemon($B);
$log = MC_DIR . '/322.log';
@unlink($log);
echo run_session('session_id("f322"); var_dump(session_start()); $_SESSION["v"]++; var_dump(session_write_close()); session_id("f322b"); session_start(); $_SESSION["v"] = 2; var_dump(session_write_close());', 'ours', $path, $ini + ['log_errors' => '1', 'error_log' => $log]);
echo "error log: ", trim(preg_replace('/^\[[^]]*\] /m', '', (string)@file_get_contents($log))), "\n";
@unlink($log);
mc_kill_daemon($A);
echo run_session('session_id("f322"); var_dump(session_start()); var_dump(session_status() === PHP_SESSION_ACTIVE);', 'ours', $path, $ini);
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; mc_kill_spares(); ?>
--EXPECTF--
seeded
bool(true)
bool(true)
bool(true)
error log: PHP Warning:  memcache: session 'f322' stored on 1 of 2 servers (memcache.session_redundancy = 2): server 127.0.0.1:11706 %s

Warning: session_start(): cannot read session 'f322': no memcached server answered: server 127.0.0.1:%d failed: %s; server 127.0.0.1:%d failed: %s in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: %s) in %s on line %d
bool(false)
bool(false)
