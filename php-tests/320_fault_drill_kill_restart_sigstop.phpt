--TEST--
fault drill: 2 daemons, redundancy 2, timeout 0.5, retry_interval 2, 300 sessions readable with both up, one killed -9, it back empty (twice), and the other stopped by SIGSTOP (that pass in at most 3 s)
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache does not refill a restarted daemon and pays a timeout per request on a hung one'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B] = [11701, 11702];
mc_spawn_daemon($A);
mc_spawn_daemon($B);
$path = "tcp://127.0.0.1:$A?timeout=0.5&retry_interval=2, tcp://127.0.0.1:$B?timeout=0.5&retry_interval=2";
$ini = ['memcache.session_redundancy' => '2', 'memcache.hash_strategy' => 'consistent', 'memcache.allow_failover' => '1',
        'display_errors' => '0', 'log_errors' => '0'];
$ids = mc_session_ids('drill320', 300);
// Each pass: one process (one worker) opens every session, checks its data, closes it.
$pass = function (string $name) use ($ids, $path, $ini) {
    $out = run_session('$t = microtime(true); $ok = 0; $bad = [];
foreach (' . var_export($ids, true) . ' as $id) {
    session_id($id);
    if (@session_start() && ($_SESSION["owner"] ?? null) === $id) { $ok++; } else { $bad[] = $id; }
    @session_write_close();
}
printf("%d readable, %.2f s%s\n", $ok, microtime(true) - $t, $bad ? " missing: " . implode(",", array_slice($bad, 0, 3)) : "");', 'ours', $path, $ini, 60);
    preg_match('/^(\d+) readable, ([\d.]+) s/m', $out, $m);
    echo "$name: ", ($m[1] ?? '?'), " readable", ($m[1] ?? '') === '300' ? '' : "\n$out", "\n";
    return (float)($m[2] ?? 99);
};
echo run_session(php_write_sessions($ids, ['owner' => '%id%']), 'ours', $path, $ini);
$copies = 0;
foreach ($ids as $id) { $copies += count(mc_holders($id, [$A, $B])); }
echo "copies: $copies\n";

$pass('both up');
mc_kill_daemon($A);
$pass("A killed");
mc_spawn_daemon($A);
$pass("A back empty");
echo "A refilled: ", count(array_filter($ids, fn($id) => mc_get($A, $id) !== null)), "\n";
mc_kill_daemon($A);
$pass("A killed again");
mc_spawn_daemon($A);
$pass("A back empty again");
echo "A refilled: ", count(array_filter($ids, fn($id) => mc_get($A, $id) !== null)), "\n";
mc_signal_daemon($B, 19); // SIGSTOP
$t = $pass("B stopped");
echo "B stopped pass within 3 s: ", json_encode($t <= 3.0), $t <= 3.0 ? '' : " ($t s)", "\n";
mc_signal_daemon($B, 18); // SIGCONT
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; foreach ([11701, 11702] as $p) { try { mc_signal_daemon($p, 18); } catch (Throwable $e) {} } mc_kill_spares(); ?>
--EXPECT--
wrote 300
copies: 600
both up: 300 readable
A killed: 300 readable
A back empty: 300 readable
A refilled: 300
A killed again: 300 readable
A back empty again: 300 readable
A refilled: 300
B stopped: 300 readable
B stopped pass within 3 s: true
