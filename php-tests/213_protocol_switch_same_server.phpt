--TEST--
one worker, one server, both protocols: sessions over ASCII and the Memcache API over binary alternate on the same daemon; pooled connections are never reused across protocols
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('uses memcache_session_stats(), ours only'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$path = mc_save_path(1);
echo run_php('
for ($round = 1; $round <= 3; $round++) {
    ini_set("memcache.protocol", "ascii");
    session_id("proto213");
    $ok = session_start();
    $_SESSION["round"] = $round;
    $ok = session_write_close() && $ok;
    ini_set("memcache.protocol", "binary");
    $m = new Memcache;
    $m->addServer("127.0.0.1", ' . MC_PORT1 . ');
    $set = $m->set("api213", "v$round");
    $get = $m->get("api213");
    $raw = $m->get("proto213");
    echo "round $round: session ", json_encode($ok), ", api ", json_encode($set), " ", $get, ", session seen by api: ", $raw, "\n";
}
ini_set("memcache.protocol", "ascii");
$st = memcache_session_stats();
$s = $st["tcp://127.0.0.1:' . MC_PORT1 . '"] ?? [];
echo "failures: ", $s["failures"] ?? "?", "\n";
', 'ours', ['session.save_handler' => 'memcache', 'session.save_path' => $path]);
mc_flush_all();
?>
--EXPECT--
round 1: session true, api true v1, session seen by api: round|i:1;
round 2: session true, api true v2, session seen by api: round|i:2;
round 3: session true, api true v3, session seen by api: round|i:3;
failures: 0
