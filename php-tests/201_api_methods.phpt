--TEST--
Memcache API: methods of Memcache/MemcachePool (types, flags, multi-key, cas, add/replace/append/prepend, counters, delete, keys, compression, connect/pconnect, unix socket, subclass)
--FILE--
<?php
require __DIR__ . '/config.inc';
error_reporting(E_ALL & ~E_DEPRECATED);
mc_require_daemons();
mc_flush_all();
$m = new Memcache;
var_dump($m->addServer(MC_HOST, MC_PORT1), $m->addServer(MC_HOST, MC_PORT2, true, 2));
foreach (['s' => 'abc', 'i' => 42, 'f' => 1.25, 't' => true, 'n' => null, 'a' => ['x' => [1]], 'o' => (object)['p' => 1]] as $k => $v) {
    $f = null;
    var_dump($m->set("k$k", $v), $m->get("k$k", $f), $f);
}
// flags: application bits pass, reserved bits are refused
var_dump($m->set('u', 'v', MEMCACHE_USER4), $m->get('u', $f), $f);
var_dump($m->set('r', 'v', 1), $m->set('r', 'v', 0x100));
// multi get, flags and cas by reference
$f = $c = null;
var_dump($m->get(['ks', 'ki', 'missing'], $f, $c), $f, is_array($c) && count($c) === 2 && is_int($c['ks']));
var_dump($m->get(['missing1', 'missing2']));
// cas
$cas = null;
$m->get('ks', $f, $cas);
var_dump($m->cas('ks', 'new', 0, 0, $cas), $m->cas('ks', 'newer', 0, 0, $cas), $m->get('ks'));
// add / replace / append / prepend
var_dump($m->add('ks', 1), $m->add('kadd', 'A'), $m->replace('nokey', 1), $m->replace('kadd', 'B'));
var_dump($m->append('kadd', 'c'), $m->prepend('kadd', 'a'), $m->get('kadd'), $m->append('nokey', 'x'));
// increment / decrement
var_dump($m->increment('nokey'), $m->decrement('nokey'), $m->increment('ki'), $m->increment('ki', 10), $m->decrement('ki', 100));
var_dump($m->set('cnt', 5), $m->increment(['cnt', 'ki'], 2));
// multi set and delete
$ms = $m->set(['m1' => 1, 'm2' => 'two', 'm3' => [3]]); $mg = $m->get(['m1', 'm2', 'm3']); ksort($mg); var_dump($ms, $mg);
var_dump($m->delete('m1'), $m->delete('m1'), $m->get('m1'), $m->delete(['m2', 'm3']), $m->get(['m2', 'm3']));
// keys: empty is refused, spaces and controls become '_'
var_dump($m->get(''), $m->set('', 1), $m->set("a b\tc", 'sp'), $m->get('a_b_c'), mc_holders('a_b_c') !== []);
// compression threshold
var_dump($m->setCompressThreshold(100, 0.2), $m->set('big', str_repeat('z', 1000)), mc_get(mc_holders('big')[0], 'big')['flags'], strlen($m->get('big')));
var_dump($m->setCompressThreshold(100, 2.0), $m->setCompressThreshold(-1));
var_dump(is_string($m->getVersion()), $m->findServer('ks'), $m->flush(), $m->get('ki'));
var_dump($m->close());
// Memcache::connect / pconnect
$c = new Memcache;
var_dump($c->connect(MC_HOST, MC_PORT3), $c->set('via_connect', 1), $c->get('via_connect'));
$p = new Memcache;
var_dump($p->pconnect(MC_HOST, MC_PORT3), $p->get('via_connect'));
// MemcachePool order of addServer (udp_port third) and unix sockets
$pool = new MemcachePool;
var_dump($pool->addServer(MC_HOST, MC_PORT1, 0, false, 1, 1, 15), $pool->addServer('unix://' . MC_SOCK, 0));
var_dump($pool->set('pool', 'p'), $pool->get('pool'));
$u = new Memcache;
var_dump($u->connect('unix://' . MC_SOCK, 0), $u->set('sock', 'yes'), mc_get(MC_SOCK, 'sock')['value']);
// no servers
$e = new Memcache;
var_dump($e->get('x'), $e->set('x', 1));
// subclasses
class MyCache extends Memcache { public function __construct() { $this->addServer(MC_HOST, MC_PORT1); } function g($k) { return $this->get($k); } }
$my = new MyCache;
var_dump($my->set('sub', 'class'), $my->g('sub'), $my instanceof MemcachePool);
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
string(3) "abc"
int(0)
bool(true)
int(42)
int(768)
bool(true)
float(1.25)
int(1792)
bool(true)
bool(true)
int(256)
bool(true)
bool(false)
int(1)
bool(true)
array(1) {
  ["x"]=>
  array(1) {
    [0]=>
    int(1)
  }
}
int(1)
bool(true)
object(stdClass)#3 (1) {
  ["p"]=>
  int(1)
}
int(1)
bool(true)
string(1) "v"
int(524288)

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line 14

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line 14
bool(false)
bool(false)
array(2) {
  ["ks"]=>
  string(3) "abc"
  ["ki"]=>
  int(42)
}
array(2) {
  ["ks"]=>
  int(0)
  ["ki"]=>
  int(768)
}
bool(true)
array(0) {
}
bool(true)
bool(false)
string(3) "new"
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
string(3) "aBc"
bool(false)
bool(false)
bool(false)
int(43)
int(53)
int(0)
bool(true)
array(2) {
  ["cnt"]=>
  int(7)
  ["ki"]=>
  int(2)
}
bool(true)
array(3) {
  ["m1"]=>
  int(1)
  ["m2"]=>
  string(3) "two"
  ["m3"]=>
  array(1) {
    [0]=>
    int(3)
  }
}
bool(true)
bool(false)
bool(false)
bool(true)
array(0) {
}

Warning: MemcachePool::get(): Invalid key in %s on line 33

Warning: MemcachePool::set(): Invalid key in %s on line 33
bool(false)
bool(false)
bool(true)
string(2) "sp"
bool(true)
bool(true)
bool(true)
int(2)
int(1000)

Warning: MemcachePool::setcompressthreshold(): min_savings must be a float in the 0..1 range in %s on line 36

Warning: MemcachePool::setcompressthreshold(): threshold must be a positive integer in %s on line 36
bool(false)
bool(false)
bool(true)
string(15) "127.0.0.1:11312"
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
int(1)
bool(true)
int(1)
bool(true)
bool(true)
bool(true)
string(1) "p"
bool(true)
bool(true)
string(3) "yes"

Warning: MemcachePool::get(): No servers added to memcache connection in %s on line 52

Warning: MemcachePool::set(): No servers added to memcache connection in %s on line 52
bool(false)
bool(false)
bool(true)
string(5) "class"
bool(true)
