--TEST--
persistent=1: a pooled connection to a daemon that restarted is detected and replaced without failing the request; a killed daemon mid-process fails over to the mirror
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip behaviour of ours'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B] = [11703, 11704];
mc_spawn_daemon($A);
mc_spawn_daemon($B);
$path = "tcp://127.0.0.1:$A?persistent=1&timeout=0.5&retry_interval=1, tcp://127.0.0.1:$B?persistent=1&timeout=0.5&retry_interval=1";
$flag = MC_DIR . '/321.flag';
$done = MC_DIR . '/321.done';
@unlink($flag); @unlink($done);
// One process = one worker: sessions before and after the restart, on the same pooled connections.
$worker = mc_php_start('
$ids = ["p321a", "p321b", "p321c", "p321d"];
foreach ($ids as $id) { session_id($id); session_start(); $_SESSION["v"] = $id; session_write_close(); }
touch(' . var_export($done, true) . ');
$deadline = microtime(true) + 20;
while (!file_exists(' . var_export($flag, true) . ') && microtime(true) < $deadline) usleep(5000);
foreach ($ids as $id) { session_id($id); $ok = session_start(); echo $id, " ", json_encode($ok), " ", json_encode($_SESSION["v"] ?? null), "\n"; session_write_close(); }
', 'ours', ['session.save_handler' => 'memcache', 'session.save_path' => $path, 'memcache.session_redundancy' => '2'], 40);
$deadline = microtime(true) + 20;
while (!file_exists($done) && microtime(true) < $deadline) usleep(5000);
// Restart A empty: the worker's pooled connection to A is now dead.
mc_kill_daemon($A);
mc_spawn_daemon($A);
touch($flag);
echo mc_php_wait($worker);
echo "A refilled: ", count(array_filter(["p321a", "p321b", "p321c", "p321d"], fn($id) => mc_get($A, $id) !== null)), "\n";
@unlink($flag); @unlink($done);
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; mc_kill_spares(); ?>
--EXPECT--
p321a true "p321a"
p321b true "p321b"
p321c true "p321c"
p321d true "p321d"
A refilled: 4
