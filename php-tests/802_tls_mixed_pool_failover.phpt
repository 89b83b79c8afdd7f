--TEST--
TLS: a pool of TLS and plain servers (sessions and API; keys placed by host:port as for tcp://), and failover from a dead TLS server (kill -9) to its mirror: the session survives, the API fails over, the dead server is a notice naming it
--SKIPIF--
<?php require_once __DIR__ . '/tls.inc'; mc_tls_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/tls.inc';
$P = MC_TLS_SPARE_PORT;
mc_spawn_tls($P);
$mixed = "tls://127.0.0.1:$P, tcp://127.0.0.1:" . MC_PORT1;
$ini = mc_tls_ini(['memcache.session_redundancy' => '2']);
echo "-- mixed pool: both copies written\n";
echo run_session('session_id("s802"); session_start(); $_SESSION["who"] = "ada"; session_write_close(); echo "ok\n";', 'ours', $mixed, $ini);
var_dump(mc_get(MC_PORT1, 's802') !== null);
echo "-- API on the mixed pool: every key readable\n";
echo run_php('$m = new Memcache; $m->addServer("tls://127.0.0.1", ' . $P . '); $m->addServer("127.0.0.1", ' . MC_PORT1 . ');
$ok = 0; for ($i = 0; $i < 40; $i++) { $ok += $m->set("k802-$i", $i) && $m->get("k802-$i") === $i; } echo "$ok of 40\n";', 'ours', $ini);
echo "-- the TLS server dies (kill -9)\n";
mc_kill_daemon($P);
echo run_session('session_id("s802"); var_dump(session_start()); var_dump($_SESSION["who"] ?? null); $_SESSION["n"] = 2; session_write_close(); echo "written\n";', 'ours', $mixed, $ini + ['log_errors' => '0']);
echo run_php('$m = new Memcache; $m->addServer("tls://127.0.0.1", ' . $P . '); $m->addServer("127.0.0.1", ' . MC_PORT1 . ');
$ok = 0; for ($i = 0; $i < 40; $i++) { $ok += @$m->set("f802-$i", $i) && $m->get("f802-$i") === $i; } echo "$ok of 40 after failover\n";', 'ours', $ini);
echo run_php('$m = new Memcache; $m->addServer("tls://127.0.0.1", ' . $P . '); var_dump($m->get("x"));', 'ours', $ini);
?>
--CLEAN--
<?php require __DIR__ . '/tls.inc'; mc_kill_daemon(MC_TLS_SPARE_PORT); ?>
--EXPECTF--
-- mixed pool: both copies written
ok
bool(true)
-- API on the mixed pool: every key readable
40 of 40
-- the TLS server dies (kill -9)
bool(true)
string(3) "ada"
written
40 of 40 after failover

Notice: MemcachePool::get(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line %d
bool(false)
