--TEST--
Memcache API: memcache_* functions, failover to the next server, failure callbacks (also throwing), server status
--FILE--
<?php
require __DIR__ . '/config.inc';
error_reporting(E_ALL & ~E_DEPRECATED);
mc_require_daemons();
mc_flush_all();
$m = memcache_connect(MC_HOST, MC_PORT1);
var_dump(get_class($m), memcache_add_server($m, MC_HOST, MC_PORT2));
var_dump(memcache_set($m, 'fk', 'v'), memcache_get($m, 'fk'), memcache_add($m, 'fk', 1), memcache_replace($m, 'fk', 'w'));
var_dump(memcache_append($m, 'fk', 'x'), memcache_prepend($m, 'fk', 'y'), memcache_get($m, 'fk', $f), $f);
var_dump(memcache_set($m, 'n', 1), memcache_increment($m, 'n', 4), memcache_decrement($m, 'n'), memcache_delete($m, 'n'), memcache_get($m, 'n'));
$cas = null; memcache_get($m, 'fk', $f, $cas); var_dump(memcache_cas($m, 'fk', 'z', 0, 0, $cas), memcache_get($m, 'fk'));
var_dump(memcache_set_compress_threshold($m, 50), memcache_get_server_status($m, MC_HOST, MC_PORT1));
var_dump(is_string(memcache_get_version($m)), is_array(memcache_get_stats($m)), array_keys(memcache_get_extended_stats($m)));
var_dump(memcache_set_server_params($m, MC_HOST, MC_PORT2, 1, 15, true), memcache_set_failure_callback($m, null));
var_dump(memcache_flush($m), memcache_get($m, 'fk'), memcache_close($m));
var_dump(memcache_connect(MC_HOST, MC_DEAD_PORT));
try { memcache_get('nope', 'k'); } catch (TypeError $e) { echo get_class($e), "\n"; }
// failover to the next server, failure callbacks (which may throw)
$p = new Memcache;
$p->addServer(MC_HOST, MC_SPARE_PORT_BASE + 7, false, 1, 1, 15, true, function ($host, $tcp, $udp, $err, $errno) { echo "callback $host $tcp $udp $errno\n"; });
$p->addServer(MC_HOST, MC_PORT1);
$keys = [];
for ($i = 0; count($keys) < 1 && $i < 100; $i++) { if ($p->findServer("k$i") === MC_HOST . ":" . (MC_SPARE_PORT_BASE + 7)) $keys[] = "k$i"; }
var_dump($p->set($keys[0], 'failed over'), $p->get($keys[0]), $p->getServerStatus(MC_HOST, MC_SPARE_PORT_BASE + 7), $p->getServerStatus(MC_HOST, MC_PORT1));
$q = new MemcachePool;
$q->addServer(MC_HOST, MC_SPARE_PORT_BASE + 8);
$q->setFailureCallback(function () { throw new RuntimeException('from callback'); });
try { $q->set('x', 1); echo "no exception\n"; } catch (RuntimeException $e) { echo "caught ", $e->getMessage(), "\n"; }
var_dump($q->getServerStatus('nowhere', 1));
var_dump(memcache_debug(1) === (bool)PHP_DEBUG); // pecl: warns, and answers whether PHP is a debug build
?>
--EXPECTF--
string(8) "Memcache"
bool(true)
bool(true)
string(1) "v"
bool(false)
bool(true)
bool(true)
bool(true)
string(3) "ywx"
int(0)
bool(true)
int(5)
int(4)
bool(true)
bool(false)
bool(true)
string(1) "z"
bool(true)
int(1)
bool(true)
bool(true)
array(2) {
  [0]=>
  string(15) "127.0.0.1:11311"
  [1]=>
  string(15) "127.0.0.1:11312"
}
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)

Notice: memcache_connect(): Server 127.0.0.1 (tcp %d, udp 0) failed with: Connection failed: Connection refused (111) in %s on line 16

Warning: memcache_connect(): Can't connect to 127.0.0.1:%d, Connection failed: Connection refused (111) in %s on line 16
bool(false)
TypeError
callback 127.0.0.1 %d 0 111
bool(true)
string(11) "failed over"
int(0)
int(1)
caught from callback

Warning: MemcachePool::getserverstatus(): Server not found in pool in %s on line 29
bool(false)

Warning: memcache_debug(): memcache_debug() is deprecated, please use a debugger (like Eclipse + CDT) in %s on line 30
bool(true)
