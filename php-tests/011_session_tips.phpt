--TEST--
the three configuration tips work: one shared daemon; consistent + failover on two daemons; + session_redundancy=2 (a daemon killed with -9)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';

// Tips 2 and 3 kill a daemon: they get two private daemons of their own.
$A = MC_SPARE_PORT_BASE;
$B = MC_SPARE_PORT_BASE + 1;
$tips = [
    // Tip 1, one shared daemon
    'Tip 1' => [[MC_PORT1], []],
    // Tip 2, failover: sessions spread over both daemons (session_redundancy keeps its default, 2)
    'Tip 2' => [[$A, $B], ['memcache.hash_strategy' => 'consistent', 'memcache.allow_failover' => '1']],
    // Tip 3, transparent failover: every session written to 2 daemons
    'Tip 3' => [[$A, $B], ['memcache.hash_strategy' => 'consistent', 'memcache.allow_failover' => '1', 'memcache.session_redundancy' => '2']],
];
$ids = mc_session_ids('s011', 20);
$logged = fn(string $out) => substr_count($out, '"user":"u-');

foreach ($tips as $tip => [$ports, $ini]) {
    if ($tip === 'Tip 1') {
        mc_flush_all();
    } else {
        mc_spawn_daemon($A);
        mc_spawn_daemon($B);
    }
    $path = mc_path_for($ports);
    // "web server 1" logs everybody in, "web server 2" (another process) sees them
    echo "$tip: ", run_session(php_write_sessions($ids, ['user' => 'u-%id%', 'visits' => 1]), 'ours', $path, $ini);
    echo "  read on another web server: ", $logged(run_session(php_read_sessions($ids), 'ours', $path, $ini)), "/20\n";
    $dist = [];
    foreach ($ids as $id) {
        $h = implode('+', array_map(fn($p) => array_search((int)$p, $ports) + 1, mc_holders($id, $ports)));
        $dist[$h] = ($dist[$h] ?? 0) + 1;
    }
    ksort($dist);
    echo "  copies (daemon numbers => sessions): ", json_encode($dist), "\n";
    // pecl memcache on another web server shares them, both ways
    echo "  read by pecl memcache: ", $logged(run_session(php_read_sessions($ids), 'pecl', $path, $ini)), "/20\n";
    if ($tip !== 'Tip 1') {
        foreach ([$A, $B] as $n => $victim) {
            // one daemon dies (kill -9): nobody is logged out, on either kind of web server
            mc_kill_daemon($victim, 9);
            $t = microtime(true);
            $ours = $logged(run_session(php_read_sessions($ids), 'ours', $path, $ini));
            $pecl = $logged(run_session(php_read_sessions($ids), 'pecl', $path, $ini));
            echo "  daemon ", $n + 1, " killed: still logged in: ours $ours/20, pecl $pecl/20",
                microtime(true) - $t < 10 ? '' : ' (slow: ' . round(microtime(true) - $t, 1) . 's)', "\n";
            // sessions keep working (written to the survivor)
            $out = run_session(php_write_sessions($ids, ['user' => 'u-%id%', 'after' => $n]), 'ours', $path, $ini);
            echo "  writes while daemon ", $n + 1, " is down: ", $logged(run_session(php_read_sessions($ids), 'ours', $path, $ini)), "/20 readable\n";
            // it comes back (empty) and each user's next request writes the session to both again
            mc_spawn_daemon($victim);
            run_session(php_write_sessions($ids, ['user' => 'u-%id%', 'back' => $n]), 'ours', $path, $ini);
            echo "  daemon ", $n + 1, " back and sessions rewritten: copies on both daemons: ",
                count(array_filter($ids, fn($id) => count(mc_holders($id, [$A, $B])) === 2)), "/20\n";
        }
        mc_kill_daemon($A);
        mc_kill_daemon($B);
    }
}
mc_flush_all();
?>
--CLEAN--
<?php
require __DIR__ . '/config.inc';
mc_kill_spares();
?>
--EXPECTF--
Tip 1: wrote 20
  read on another web server: 20/20
  copies (daemon numbers => sessions): {"1":20}
  read by pecl memcache: 20/20
Tip 2: wrote 20
  read on another web server: 20/20
  copies (daemon numbers => sessions): {"1+2":20}
  read by pecl memcache: 20/20
  daemon 1 killed: still logged in: ours 20/20, pecl 20/20
  writes while daemon 1 is down: 20/20 readable
  daemon 1 back and sessions rewritten: copies on both daemons: 20/20
  daemon 2 killed: still logged in: ours 20/20, pecl 20/20
  writes while daemon 2 is down: 20/20 readable
  daemon 2 back and sessions rewritten: copies on both daemons: 20/20
Tip 3: wrote 20
  read on another web server: 20/20
  copies (daemon numbers => sessions): {"1+2":20}
  read by pecl memcache: 20/20
  daemon 1 killed: still logged in: ours 20/20, pecl 20/20
  writes while daemon 1 is down: 20/20 readable
  daemon 1 back and sessions rewritten: copies on both daemons: 20/20
  daemon 2 killed: still logged in: ours 20/20, pecl 20/20
  writes while daemon 2 is down: 20/20 readable
  daemon 2 back and sessions rewritten: copies on both daemons: 20/20
