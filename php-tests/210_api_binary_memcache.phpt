--TEST--
memcache.protocol=binary: the Memcache API speaks the binary protocol (daemon started with -B binary), cross-read with pecl memcache in binary
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/config.inc'; mc_skip_under_pecl("pecl memcache's binary mode fails a server on a replace miss (the behaviour here is ours)"); ?>
--FILE--
<?php
require __DIR__ . '/binary.inc';
$P = MC_BIN_PORT;
mc_spawn_binary($P);
$bin = ['memcache.protocol' => 'binary'];
$head = '$m = new Memcache; $m->addServer("127.0.0.1", ' . $P . ');';

echo "-- ascii against a binary-only daemon fails\n";
echo run_php($head . 'var_dump(@$m->set("k", "v"));', 'ours');

echo "-- ours, binary\n";
echo run_php($head . '
var_dump($m->flush());
var_dump($m->set("k", "v1"), $m->get("k"), $m->add("k", "x"), $m->add("k2", "a"), $m->replace("nope", "x"));
var_dump($m->get(["k", "k2", "missing"]));
var_dump($m->set("arr", ["a" => 1, "b" => [true, 2.5]]), $m->get("arr"));
var_dump($m->set("big", str_repeat("x", 30000), MEMCACHE_COMPRESSED), strlen($m->get("big")));
var_dump($m->set("n", 5), $m->increment("n", 3), $m->decrement("n", 10), $m->increment("nocounter"), $m->get("nocounter"));
var_dump($m->append("k2", "b"), $m->prepend("k2", "_"), $m->get("k2"), $m->append("none", "z"));
$f = null; $c = null; var_dump($m->get("k", $f, $c), $f, is_int($c) && $c > 0);
var_dump($m->cas("k", "v2", 0, 0, $c), $m->cas("k", "v3", 0, 0, $c), $m->get("k"));
var_dump($m->delete("k"), $m->delete("k"), $m->get("k"));
// pecl memcache has no stats in binary mode (it sends a no-op and answers false); neither do we
var_dump(is_string($m->getVersion()), $m->getStats(), $m->getStats("items"), array_values($m->getExtendedStats()));
var_dump($m->set("bin key", "spaces are still mapped"), $m->get("bin key"));
var_dump($m->set("for_pecl", ["from" => "ours"]));
', 'ours', $bin);

echo "-- pecl, binary, reads what ours wrote and writes back\n";
echo run_php('error_reporting(E_ALL & ~E_DEPRECATED);' . $head . 'var_dump($m->get("for_pecl"), $m->get("arr"), $m->get("k2"), $m->set("for_ours", [1, "two"]), $m->set("pc", "5"));', 'pecl', $bin);
echo "-- ours reads what pecl wrote\n";
echo run_php($head . 'var_dump($m->get("for_ours"), $m->increment("pc", 2));', 'ours', $bin);
?>
--CLEAN--
<?php
require __DIR__ . '/binary.inc';
mc_kill_daemon(MC_BIN_PORT);
?>
--EXPECT--
-- ascii against a binary-only daemon fails
bool(false)
-- ours, binary
bool(true)
bool(true)
string(2) "v1"
bool(false)
bool(true)
bool(false)
array(2) {
  ["k"]=>
  string(2) "v1"
  ["k2"]=>
  string(1) "a"
}
bool(true)
array(2) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    float(2.5)
  }
}
bool(true)
int(30000)
bool(true)
int(8)
int(0)
bool(false)
bool(false)
bool(true)
bool(true)
string(3) "_ab"
bool(false)
string(2) "v1"
int(0)
bool(true)
bool(true)
bool(false)
string(2) "v2"
bool(true)
bool(false)
bool(false)
bool(true)
bool(false)
bool(false)
array(1) {
  [0]=>
  bool(false)
}
bool(true)
string(23) "spaces are still mapped"
bool(true)
-- pecl, binary, reads what ours wrote and writes back
array(1) {
  ["from"]=>
  string(4) "ours"
}
array(2) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    float(2.5)
  }
}
string(3) "_ab"
bool(true)
bool(true)
-- ours reads what pecl wrote
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(3) "two"
}
int(7)