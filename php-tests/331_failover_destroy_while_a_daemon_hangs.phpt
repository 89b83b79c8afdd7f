--TEST--
consistency: a session destroyed while one of its daemons hangs stays destroyed when that daemon resumes with the old copy (tombstones), for reads and for session.use_strict_mode
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache deletes on destroy: the resumed daemon brings the session back'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B, $C] = [11734, 11735, 11736];
foreach ([$A, $B, $C] as $p) { mc_spawn_daemon($p); }
$path = implode(', ', array_map(fn($p) => "tcp://127.0.0.1:$p?timeout=0.5&retry_interval=1", [$A, $B, $C]));
$ini = ['memcache.session_redundancy' => '2', 'memcache.lock_timeout' => '5', 'display_errors' => '0'];
$ids = mc_session_ids('cons331', 16);
echo run_session(php_write_sessions($ids, ['user' => 'u-%id%']), 'ours', $path, $ini);
// Hang the first daemon of the first session; half the sessions are checked by reads, half by
// session.use_strict_mode (each check must meet the resumed daemon's old copies first).
$hung = (int)mc_holders($ids[0], [$A, $B, $C])[0];
[$reads, $strict] = array_chunk($ids, 8);
$on_hung = fn(array $group) => count(array_filter($group, fn($id) => in_array((string)$hung, mc_holders($id, [$A, $B, $C]), true)));
echo "sessions on the daemon that will hang: reads ", json_encode($on_hung($reads) > 0), ", strict ", json_encode($on_hung($strict) > 0), "\n";
mc_signal_daemon($hung, 19);
// Log everybody out while it hangs.
echo run_session('$n = 0; foreach (' . var_export($ids, true) . ' as $id) { session_id($id); session_start(); $n += session_destroy() ? 1 : 0; } echo "destroyed $n\n";', 'ours', $path, $ini);
mc_signal_daemon($hung, 18);
usleep(200000);
$kept = count(array_filter($ids, fn($id) => (mc_get($hung, $id)['value'] ?? '') !== ''));
echo "the resumed daemon still holds old copies: ", json_encode($kept > 0), "\n";
// A fresh worker (the resumed daemon is up for it): every session reads empty ...
echo run_session('$back = []; foreach (' . var_export($reads, true) . ' as $id) { session_id($id); session_start(); if ($_SESSION) { $back[] = $id; } session_abort(); }
echo "sessions back after resume: ", count($back), "\n";', 'ours', $path, $ini);
// ... and with strict mode an old id is refused (a new one is issued).
echo run_session('$same = 0; foreach (' . var_export($strict, true) . ' as $id) { session_id($id); session_start(); $same += session_id() === $id ? 1 : 0; session_abort(); }
echo "old ids accepted under strict mode: $same\n";', 'ours', $path, $ini + ['session.use_strict_mode' => '1']);
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; foreach ([11734, 11735, 11736] as $p) { try { mc_signal_daemon($p, 18); } catch (Throwable $e) {} } mc_kill_spares(); ?>
--EXPECT--
wrote 16
sessions on the daemon that will hang: reads true, strict true
destroyed 16
the resumed daemon still holds old copies: true
sessions back after resume: 0
old ids accepted under strict mode: 0
