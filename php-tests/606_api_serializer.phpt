--TEST--
pecl compat: arrays and objects go through PHP's serializer as pecl memcache calls it: an exception from __sleep or __wakeup comes out of set()/get() with no extra serialize()/unserialize() frame in its trace, after pecl's "Failed to serialize value" warning; a corrupt payload gives only pecl's "Failed to unserialize data" notice; null round-trips as false
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
mc_same('serializer', '
class Sl { function __sleep() { throw new Exception("from __sleep"); } }
class Wk { public $a = 1; function __wakeup() { throw new Exception("from __wakeup"); } }
class Ok { public $a = [1, 2.5, "x"]; }
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . MC_PORT1 . ');
try { var_dump($m->set("s", new Sl)); } catch (Exception $e) { echo $e->getMessage(), "\n", $e->getTraceAsString(), "\n"; }
try { var_dump($m->set(["s1" => new Sl, "s2" => "kept"])); } catch (Exception $e) { echo $e->getMessage(), "\n"; }
var_dump($m->get("s2"));
var_dump($m->set("w", new Wk), $m->set("o", new Ok), $m->get("o"));
try { var_dump($m->get("w")); } catch (Exception $e) { echo $e->getMessage(), "\n", $e->getTraceAsString(), "\n"; }
try { var_dump($m->get(["o", "w"])); } catch (Exception $e) { echo $e->getMessage(), "\n", $e->getTraceAsString(), "\n"; }
$raw = fsockopen("' . MC_HOST . '", ' . MC_PORT1 . '); fwrite($raw, "set bad 1 0 5\r\nx:1:{\r\n"); fgets($raw);
var_dump($m->get("bad"), $m->get(["bad", "o"]));
var_dump($m->set("n", null), $m->get("n"), $m->set("f", false), $m->get("f"), $m->set("e", []), $m->get("e"));
');
?>
--EXPECT--
== serializer

Warning: MemcachePool::set(): Failed to serialize value in %s on line 8
from __sleep
#0 [internal function]: Sl->__sleep()
#1 %s(8): MemcachePool->set('s', Object(Sl))
#2 {main}

Warning: MemcachePool::set(): Failed to serialize value in %s on line 9
from __sleep
string(4) "kept"
bool(true)
bool(true)
object(Ok)#%d (1) {
  ["a"]=>
  array(3) {
    [0]=>
    int(1)
    [1]=>
    float(2.5)
    [2]=>
    string(1) "x"
  }
}
from __wakeup
#0 [internal function]: Wk->__wakeup()
#1 %s(12): MemcachePool->get('w')
#2 {main}
from __wakeup
#0 [internal function]: Wk->__wakeup()
#1 %s(13): MemcachePool->get(Array)
#2 {main}

Notice: MemcachePool::get(): Failed to unserialize data in %s on line 15

Notice: MemcachePool::get(): Failed to unserialize data in %s on line 15
bool(false)
array(1) {
  ["o"]=>
  object(Ok)#%d (1) {
    ["a"]=>
    array(3) {
      [0]=>
      int(1)
      [1]=>
      float(2.5)
      [2]=>
      string(1) "x"
    }
  }
}
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
array(0) {
}
same as pecl memcache: yes
