--TEST--
pecl compat: failure callbacks get (host, tcp_port, udp_port, error, errnum) and live in the object's _failureCallback property (addServer, setServerParams, setFailureCallback; null resets to pecl's notice; a callback that stops being callable is dropped with a warning); a non-persistent server keeps its own failure state (another object tries the daemon again), a persistent one shares it; retry_interval -1 never retries; setServerParams(status true) retries at once
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
$P = MC_PORT1;
$D = MC_DEAD_PORT;
$H = MC_HOST;
mc_same('failure callbacks and failure state', '
function cb($h, $t, $u, $e, $n) { echo "cb($h, $t, $u, ", var_export($e, true), ", $n)\n"; }
class H { function f($h, $t) { echo "H::f $h:$t\n"; } }
echo "-- no callback: the notice\n";
$m = new Memcache; $m->addServer("' . $H . '", ' . $D . '); var_dump($m->set("k", 1));
echo "-- the same persistent server in another object: known down, skipped\n";
$m2 = new Memcache; $m2->addServer("' . $H . '", ' . $D . '); var_dump($m2->set("k", 1));
echo "-- non-persistent: its own state, tried again (once per object)\n";
$m3 = new Memcache; $m3->addServer("' . $H . '", ' . $D . ', false, 1, 1, 15, true, "cb"); var_dump($m3->set("k", 1), $m3->set("k", 1));
var_dump($m3);
echo "-- setServerParams with a callback (status true: tried again at once)\n";
var_dump($m3->setServerParams("' . $H . '", ' . $D . ', 1, 15, true, [new H, "f"]), $m3->set("k", 1));
echo "-- setServerParams with null: back to the notice\n";
var_dump($m3->setServerParams("' . $H . '", ' . $D . ', 1, 15, true, null), $m3->set("k", 1), $m3);
echo "-- setFailureCallback\n";
$p = new MemcachePool; $p->addServer("' . $H . '", ' . $D . ', 0, false); var_dump($p->setFailureCallback("cb"), $p->get("x"));
// (setFailureCallback() with something not callable: php-tests/702, it depends on the PHP build)
echo "-- a callback that is no longer callable is dropped\n";
$p->setServerParams("' . $H . '", ' . $D . '); $p->_failureCallback = "gone_function"; var_dump($p->get("x"), $p);
echo "-- retry_interval -1: never retried; the keys go to the other server\n";
$r = new Memcache; $r->addServer("' . $H . '", ' . $P . '); $r->addServer("' . $H . '", ' . $D . ', false, 1, 1, -1);
for ($i = 0; $i < 6; $i++) { $r->set("key$i", $i); }
$v = []; for ($i = 0; $i < 6; $i++) { $v[] = $r->get("key$i"); } echo json_encode($v), "\n";
var_dump($r->getServerStatus("' . $H . '", ' . $D . '), $r->getServerStatus("' . $H . '", ' . $P . '));
echo "-- a multi-get fails over, the callback runs once\n";
$x = new Memcache; $x->addServer("' . $H . '", ' . $D . ', false); $x->addServer("' . $H . '", ' . $P . ', false); $x->setFailureCallback("cb");
var_dump($x->set("key0", 0), $x->get(["key0", "key1", "key2", "key3"]));
echo "-- connect() to a dead server: the notice, then the warning\n";
$c = new Memcache; var_dump($c->connect("' . $H . '", ' . $D . '), memcache_connect("' . $H . '", ' . $D . '));
');
?>
--EXPECT--
== failure callbacks and failure state
-- no callback: the notice

Notice: MemcachePool::set(): Server 127.0.0.1 (tcp 11360, udp 0) failed with: Connection failed: Connection refused (111) in %s on line 7
bool(false)
-- the same persistent server in another object: known down, skipped
bool(false)
-- non-persistent: its own state, tried again (once per object)
cb(127.0.0.1, 11360, 0, 'Connection failed: Connection refused', 111)
bool(false)
bool(false)
object(Memcache)#%d (2) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
  ["_failureCallback"]=>
  string(2) "cb"
}
-- setServerParams with a callback (status true: tried again at once)
H::f 127.0.0.1:11360
bool(true)
bool(false)
-- setServerParams with null: back to the notice

Notice: MemcachePool::set(): Server 127.0.0.1 (tcp 11360, udp 0) failed with: Connection failed: Connection refused (111) in %s on line 16
bool(true)
bool(false)
object(Memcache)#%d (2) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
  ["_failureCallback"]=>
  NULL
}
-- setFailureCallback
cb(127.0.0.1, 11360, 0, 'Connection failed: Connection refused', 111)
bool(true)
bool(false)
-- a callback that is no longer callable is dropped

Warning: MemcachePool::get(): Invalid failure callback in %s on line 21
bool(false)
object(MemcachePool)#%d (2) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
  ["_failureCallback"]=>
  NULL
}
-- retry_interval -1: never retried; the keys go to the other server

Notice: MemcachePool::set(): Server 127.0.0.1 (tcp 11360, udp 0) failed with: Connection failed: Connection refused (111) in %s on line 24
[0,1,2,3,4,5]
int(0)
int(1)
-- a multi-get fails over, the callback runs once
cb(127.0.0.1, 11360, 0, 'Connection failed: Connection refused', 111)
bool(true)
array(4) {
  ["key0"]=>
  int(0)
  ["key1"]=>
  int(1)
  ["key2"]=>
  int(2)
  ["key3"]=>
  int(3)
}
-- connect() to a dead server: the notice, then the warning

Notice: Memcache::connect(): Server 127.0.0.1 (tcp 11360, udp 0) failed with: Connection failed: Connection refused (111) in %s on line 31

Warning: Memcache::connect(): Can't connect to 127.0.0.1:11360, Connection failed: Connection refused (111) in %s on line 31

Notice: memcache_connect(): Server 127.0.0.1 (tcp 11360, udp 0) failed with: Connection failed: Connection refused (111) in %s on line 31

Warning: memcache_connect(): Can't connect to 127.0.0.1:11360, Connection failed: Connection refused (111) in %s on line 31
bool(false)
bool(false)
same as pecl memcache: yes
