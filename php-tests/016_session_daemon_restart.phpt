--TEST--
Tip 3 config: every session stays readable after a daemon is killed with -9, after it comes back empty, and after the other one dies next
--SKIPIF--
<?php require_once __DIR__ . '/config.inc';
mc_skip_without_reference();
mc_skip_under_pecl('pecl memcache loses the sessions whose first server came back empty (it does not read the mirror on a miss)');
?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$A = MC_SPARE_PORT_BASE;
$B = MC_SPARE_PORT_BASE + 1;
$path = mc_path_for([$A, $B]);
$ini = ['memcache.hash_strategy' => 'consistent', 'memcache.allow_failover' => '1', 'memcache.session_redundancy' => '2'];
$ids = mc_session_ids('s016', 20);
// the web servers all run ours: read every session, count the users still logged in
$check = function (string $step) use ($ids, $path, $ini) {
    $t = microtime(true);
    $out = run_session(php_read_sessions($ids), 'ours', $path, $ini);
    $ok = 0;
    foreach ($ids as $id) {
        $ok += preg_match('/^' . $id . ' \{"user":"u-' . $id . '"/m', $out);
    }
    echo "$step: $ok/20 logged in", microtime(true) - $t > 5 ? ' (SLOW)' : '', "\n";
};
foreach (mc_writers() as $writer) {
    echo "-- sessions written by $writer\n";
    mc_spawn_daemon($A);
    mc_spawn_daemon($B);
    echo trim(run_session(php_write_sessions($ids, ['user' => 'u-%id%']), $writer, $path, $ini)), "\n";
    $check('both up');
    mc_kill_daemon($A, 9);
    $check('daemon 1 killed -9');
    mc_spawn_daemon($A);
    $check('daemon 1 back, empty');
    $check('again');
    mc_kill_daemon($B, 9);
    $check('daemon 2 killed -9');
    mc_kill_daemon($A);
}
?>
--CLEAN--
<?php
require __DIR__ . '/config.inc';
mc_kill_spares();
?>
--EXPECT--
-- sessions written by pecl
wrote 20
both up: 20/20 logged in
daemon 1 killed -9: 20/20 logged in
daemon 1 back, empty: 20/20 logged in
again: 20/20 logged in
daemon 2 killed -9: 20/20 logged in
-- sessions written by ours
wrote 20
both up: 20/20 logged in
daemon 1 killed -9: 20/20 logged in
daemon 1 back, empty: 20/20 logged in
again: 20/20 logged in
daemon 2 killed -9: 20/20 logged in
