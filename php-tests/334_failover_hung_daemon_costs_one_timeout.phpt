--TEST--
consistency: a hung daemon costs a worker one timeout, not one per retry_interval: it is probed without waiting and used again once it answers
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache retries a failed server with a real request every retry_interval'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B] = [11740, 11741];
mc_spawn_daemon($A);
mc_spawn_daemon($B);
$path = "tcp://127.0.0.1:$A?timeout=0.5&retry_interval=1, tcp://127.0.0.1:$B?timeout=0.5&retry_interval=1";
$ini = ['session.save_handler' => 'memcache', 'session.save_path' => $path, 'memcache.session_redundancy' => '2', 'display_errors' => '0'];
$stop = MC_DIR . '/334.stop'; $cont = MC_DIR . '/334.cont'; $resumed = MC_DIR . '/334.resumed';
foreach ([$stop, $cont, $resumed] as $f) { @unlink($f); }
// One worker: requests in a loop for 3.5 retry intervals while A hangs, then after A resumes.
$w = mc_php_start('
$req = function () { $t = microtime(true); session_id("hung334"); session_start(); $_SESSION["n"] = ($_SESSION["n"] ?? 0) + 1; session_write_close(); return microtime(true) - $t; };
$req();
touch(' . var_export($stop, true) . ');
$d = microtime(true) + 10; while (!file_exists(' . var_export($cont, true) . ') && microtime(true) < $d) usleep(2000);
$slow = 0; $times = [];
$end = microtime(true) + 3.5;
while (microtime(true) < $end) { $t = $req(); $times[] = $t; if ($t > 0.4) $slow++; usleep(20000); }
echo "while A hangs: ", count($times) > 50 ? "many" : count($times), " requests, ", $slow, " slower than 0.4 s (the first: ", json_encode($times[0] > 0.4), ")\n";
touch(' . var_export($resumed, true) . ');
$d = microtime(true) + 10; while (file_exists(' . var_export($resumed, true) . ') && microtime(true) < $d) usleep(2000);
$slow = 0; $end = microtime(true) + 2.5;
while (microtime(true) < $end) { if ($req() > 0.4) $slow++; usleep(20000); }
echo "after A resumed: $slow slower than 0.4 s\n";
', 'ours', $ini, 60);
$d = microtime(true) + 10; while (!file_exists($stop) && microtime(true) < $d) usleep(5000);
mc_signal_daemon($A, 19);
touch($cont);
$d = microtime(true) + 10; while (!file_exists($resumed) && microtime(true) < $d) usleep(5000);
$before = mc_get($B, 'hung334')['value'] ?? '';
mc_signal_daemon($A, 18);
unlink($resumed);
echo mc_php_wait($w);
// Used again: A holds the same, latest copy as B.
echo "A back in use: ", json_encode((mc_get($A, 'hung334')['value'] ?? 'a') === (mc_get($B, 'hung334')['value'] ?? 'b') && mc_get($B, 'hung334')['value'] !== $before), "\n";
foreach ([$stop, $cont, $resumed] as $f) { @unlink($f); }
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; foreach ([11740, 11741] as $p) { try { mc_signal_daemon($p, 18); } catch (Throwable $e) {} } mc_kill_spares(); ?>
--EXPECT--
while A hangs: many requests, 1 slower than 0.4 s (the first: true)
after A resumed: 0 slower than 0.4 s
A back in use: true
