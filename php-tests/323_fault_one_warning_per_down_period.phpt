--TEST--
faults: while a daemon is dead, a worker logs once that sessions get fewer copies (not on every request, and never as a warning in the page), whether it found the daemon dead while reading or while writing
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; mc_skip_under_pecl('messages of ours'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B] = [11707, 11708];
$ini = ['memcache.session_redundancy' => '2', 'display_errors' => '1'];
foreach (['A dies' => $A, 'B dies' => $B] as $name => $victim) {
    mc_spawn_daemon($A);
    mc_spawn_daemon($B);
    $path = "tcp://127.0.0.1:$A?retry_interval=30, tcp://127.0.0.1:$B?retry_interval=30";
    $ids = mc_session_ids("w323$victim", 5);
    run_session(php_write_sessions($ids, ['v' => '%id%']), 'ours', $path, $ini);
    mc_kill_daemon($victim);
    // one worker: five requests, each reads and changes its session
    $log = MC_DIR . '/323.log';
    @unlink($log);
    $out = run_session('foreach (' . var_export($ids, true) . ' as $id) { session_id($id); session_start(); $_SESSION["n"] = 1; session_write_close(); } echo "done\n";', 'ours', $path, $ini + ['log_errors' => '1', 'error_log' => $log]);
    echo "$name: ", substr_count((string)@file_get_contents($log), 'stored on 1 of 2 servers'), " log line(s), page: ", trim($out), "\n";
    @unlink($log);
    mc_kill_spares();
}
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; mc_kill_spares(); ?>
--EXPECT--
A dies: 1 log line(s), page: done
B dies: 1 log line(s), page: done
