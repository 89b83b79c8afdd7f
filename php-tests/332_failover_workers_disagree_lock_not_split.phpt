--TEST--
consistency: two workers that disagree about whether a daemon is up (one saw it hang, the other did not) still serialize on one session: no update is lost
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache locks only its first server: the two workers lock different servers'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B, $C] = [11737, 11738, 11739];
foreach ([$A, $B, $C] as $p) { mc_spawn_daemon($p); }
// Worker 1 keeps A marked down for 30 s once it saw it fail; worker 2 never saw it fail.
$path = implode(', ', array_map(fn($p) => "tcp://127.0.0.1:$p?timeout=0.5&retry_interval=30", [$A, $B, $C]));
$ini = ['memcache.session_redundancy' => '2', 'memcache.lock_timeout' => '10', 'display_errors' => '0'];
// A session whose copies are on A and B.
$id = null;
foreach (mc_session_ids('cons332', 40) as $cand) {
    run_session('session_id(' . var_export($cand, true) . '); session_start(); $_SESSION["n"] = 0; session_write_close();', 'ours', $path, $ini);
    if (mc_holders($cand, [$A, $B, $C]) === [(string)$A, (string)$B]) { $id = $cand; break; }
}
echo "session on A and B: ", json_encode($id !== null), "\n";
$ready = MC_DIR . '/332.ready'; $go = MC_DIR . '/332.go';
@unlink($ready); @unlink($go);
$N = 150;
$loop = '$ok = 0; for ($i = 0; $i < ' . $N . '; $i++) { session_id(' . var_export($id, true) . '); if (session_start()) { $_SESSION["n"]++; if (session_write_close()) { $ok++; } } }';
mc_signal_daemon($A, 19);
$w1 = mc_php_start('session_id("warmup332"); session_start(); $_SESSION["x"] = 1; session_write_close(); // finds A hung
touch(' . var_export($ready, true) . ');
$d = microtime(true) + 20; while (!file_exists(' . var_export($go, true) . ') && microtime(true) < $d) usleep(2000);
' . $loop . ' echo "worker 1 (A down): $ok\n";', 'ours', ['session.save_handler' => 'memcache', 'session.save_path' => $path] + $ini, 60);
$d = microtime(true) + 20; while (!file_exists($ready) && microtime(true) < $d) usleep(5000);
mc_signal_daemon($A, 18);
usleep(100000);
$w2 = mc_php_start('$d = microtime(true) + 20; while (!file_exists(' . var_export($go, true) . ') && microtime(true) < $d) usleep(2000);
' . $loop . ' echo "worker 2 (A up): $ok\n";', 'ours', ['session.save_handler' => 'memcache', 'session.save_path' => $path] + $ini, 60);
usleep(200000);
touch($go);
$out = [trim(mc_php_wait($w1)), trim(mc_php_wait($w2))];
sort($out);
echo implode("\n", $out), "\n";
echo run_session('session_id(' . var_export($id, true) . '); session_start(); echo "final count: ", $_SESSION["n"], "\n";', 'ours', $path, $ini);
@unlink($ready); @unlink($go);
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; foreach ([11737, 11738, 11739] as $p) { try { mc_signal_daemon($p, 18); } catch (Throwable $e) {} } mc_kill_spares(); @unlink(MC_DIR . '/332.ready'); @unlink(MC_DIR . '/332.go'); ?>
--EXPECT--
session on A and B: true
worker 1 (A down): 150
worker 2 (A up): 150
final count: 300
