--TEST--
pecl compat: close() takes every server out of the object's pool (a get answers false without a warning, flush() answers true, connect() adds a server again); getStats() and getExtendedStats() return pecl's types (cachedump entries as strings), refuse the types pecl refuses, and answer false in binary mode, where pecl has no stats
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
require __DIR__ . '/../tests/fake_server/fake.inc';
mc_require_daemons();
$H = MC_HOST;
$P = MC_PORT1;
mc_same('close()', '
$m = new Memcache; $m->connect("' . $H . '", ' . $P . '); $m->addServer("' . $H . '", ' . MC_PORT2 . ');
var_dump($m->set("k", "v"), $m->close(), $m->get("k"), $m->get(["k"]), $m->set("k", 1), $m->getStats(), $m->getExtendedStats(), $m->flush(), $m->findServer("k"));
var_dump($m->connect("' . $H . '", ' . $P . '), $m->get("k"), count($m->getExtendedStats()));
var_dump(memcache_close($m), memcache_get($m, "k"));
');
$fake = fake_start('ok');
[$fh, $fp] = explode(':', $fake['hostport']);
mc_same('stats: pecl\'s shapes and types (canned statistics of a fake memcached)', '
$m = new Memcache; $m->connect("' . $fh . '", ' . $fp . ');
var_dump($m->getStats(), $m->getStats("slabs"), $m->getStats("items"), $m->getStats("sizes"));
var_dump($m->getStats("cachedump", 1, 10), $m->getStats("cachedump", 7, 10), $m->getStats("reset"), $m->getStats("malloc"));
foreach (["abc", "", "settings_x"] as $t) { var_dump($m->getStats($t)); }
var_dump(array_values($m->getExtendedStats("items")), $m->getExtendedStats("abc"));
');
fake_stop($fake);
mc_same('stats in binary mode', '
$m = new Memcache; $m->connect("' . $H . '", ' . $P . '); $m->addServer("' . $H . '", ' . MC_PORT2 . ');
var_dump($m->set("k", "binary"), $m->get("k"), is_string($m->getVersion()));
var_dump($m->getStats(), $m->getStats("slabs"), $m->getExtendedStats(), $m->getStats("abc"));
', ['memcache.protocol' => 'binary']);
?>
--EXPECT--
== close()
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
int(1)
bool(true)
bool(false)
same as pecl memcache: yes
== stats: pecl's shapes and types (canned statistics of a fake memcached)
array(4) {
  ["pid"]=>
  string(4) "4242"
  ["uptime"]=>
  string(2) "10"
  ["version"]=>
  string(8) "fake-1.0"
  ["rusage_user"]=>
  string(8) "0.123456"
}
array(4) {
  [1]=>
  array(2) {
    ["chunk_size"]=>
    string(2) "96"
    ["free_chunks_end"]=>
    string(1) "0"
  }
  [12]=>
  array(1) {
    ["chunk_size"]=>
    string(4) "1184"
  }
  ["active_slabs"]=>
  string(1) "2"
  ["total_malloced"]=>
  string(7) "2097152"
}
array(1) {
  ["items"]=>
  array(2) {
    [1]=>
    array(2) {
      ["number"]=>
      string(1) "2"
      ["age"]=>
      string(1) "5"
    }
    [12]=>
    array(1) {
      ["number"]=>
      string(1) "1"
    }
  }
}
array(1) {
  [96]=>
  string(1) "2"
}
array(2) {
  ["stat_key"]=>
  array(2) {
    [0]=>
    string(1) "3"
    [1]=>
    string(10) "1700000000"
  }
  ["other"]=>
  array(2) {
    [0]=>
    string(2) "11"
    [1]=>
    string(1) "0"
  }
}
bool(false)
bool(true)
bool(false)

Warning: MemcachePool::getstats(): Invalid stats type in %s on line 7
bool(false)

Warning: MemcachePool::getstats(): Invalid stats type in %s on line 7
bool(false)

Warning: MemcachePool::getstats(): Invalid stats type in %s on line 7
bool(false)

Warning: MemcachePool::getextendedstats(): Invalid stats type in %s on line 8
array(1) {
  [0]=>
  array(1) {
    ["items"]=>
    array(2) {
      [1]=>
      array(2) {
        ["number"]=>
        string(1) "2"
        ["age"]=>
        string(1) "5"
      }
      [12]=>
      array(1) {
        ["number"]=>
        string(1) "1"
      }
    }
  }
}
bool(false)
same as pecl memcache: yes
== stats in binary mode
bool(true)
string(6) "binary"
bool(true)

Warning: MemcachePool::getstats(): Invalid stats type in %s on line 6
bool(false)
bool(false)
array(2) {
  ["127.0.0.1:11311"]=>
  bool(false)
  ["127.0.0.1:11312"]=>
  bool(false)
}
bool(false)
same as pecl memcache: yes
