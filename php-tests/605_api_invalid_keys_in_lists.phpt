--TEST--
pecl compat: an invalid (empty) key in a list of keys is reported ("Invalid key") and skipped; the other keys are read, written, deleted and incremented as usual; results are keyed by the key as stored; strange and non-string keys
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
mc_same('invalid keys among valid ones', '
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . MC_PORT1 . '); $m->addServer("' . MC_HOST . '", ' . MC_PORT2 . ');
var_dump($m->set("a", "A"), $m->set("b", "B"), $m->set("n", 5));
$r = $m->get(["a", "", "b"]); ksort($r); var_dump($r); // (pecl answers server by server, in no fixed order)
var_dump($m->get(["", ""]), $m->get([]), $m->get(""));
var_dump($m->set(["" => 1, "c" => "C"]), $m->get("c"));
var_dump($m->set(["" => 1]), $m->set([]));
var_dump($m->increment(["", "n"]), $m->decrement(["n", ""], 2));
var_dump($m->delete(["", "a"]), $m->get("a"), $m->delete(""), $m->delete([""]));
var_dump($m->increment(""), $m->add("", 1), $m->replace("", 1), $m->append("", "x"));
');
mc_same('strange keys', '
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . MC_PORT1 . ');
$key = "test\r\n\0 - really strange key";
var_dump($m->set($key, "v"), $m->get($key), array_map("bin2hex", array_keys($m->get([$key, "x"]))));
var_dump($m->set(123, "num"), $m->get(123), $m->get([123]), $m->set("a b", "spaces"), $m->get(["a b"]));
$k = 77; $m->set($k, 1); $m->increment($k); var_dump($k, $m->get("77"));
var_dump($m->set(["x y" => 1, 5 => 2]), $m->get(["x y", 5]));
');
?>
--EXPECT--
== invalid keys among valid ones
bool(true)
bool(true)
bool(true)

Warning: MemcachePool::get(): Invalid key in %s on line 6
array(2) {
  ["a"]=>
  string(1) "A"
  ["b"]=>
  string(1) "B"
}

Warning: MemcachePool::get(): Invalid key in %s on line 7

Warning: MemcachePool::get(): Invalid key in %s on line 7

Warning: MemcachePool::get(): Invalid key in %s on line 7
array(0) {
}
array(0) {
}
bool(false)

Warning: MemcachePool::set(): Invalid key in %s on line 8
bool(true)
string(1) "C"

Warning: MemcachePool::set(): Invalid key in %s on line 9
bool(false)
bool(false)

Warning: MemcachePool::increment(): Invalid key in %s on line 10

Warning: MemcachePool::decrement(): Invalid key in %s on line 10
array(1) {
  ["n"]=>
  int(6)
}
array(1) {
  ["n"]=>
  int(4)
}

Warning: MemcachePool::delete(): Invalid key in %s on line 11

Warning: MemcachePool::delete(): Invalid key in %s on line 11

Warning: MemcachePool::delete(): Invalid key in %s on line 11
bool(true)
bool(false)
bool(false)
bool(false)

Warning: MemcachePool::increment(): Invalid key in %s on line 12

Warning: MemcachePool::add(): Invalid key in %s on line 12

Warning: MemcachePool::replace(): Invalid key in %s on line 12

Warning: MemcachePool::append(): Invalid key in %s on line 12
bool(false)
bool(false)
bool(false)
bool(false)
same as pecl memcache: yes
== strange keys
bool(true)
string(1) "v"
array(1) {
  [0]=>
  string(56) "746573745f5f5f5f2d5f7265616c6c795f737472616e67655f6b6579"
}
bool(true)
string(3) "num"
array(1) {
  [123]=>
  string(3) "num"
}
bool(true)
array(1) {
  ["a_b"]=>
  string(6) "spaces"
}
int(77)
int(2)
bool(true)
array(2) {
  ["x_y"]=>
  int(1)
  [5]=>
  int(2)
}
same as pecl memcache: yes
