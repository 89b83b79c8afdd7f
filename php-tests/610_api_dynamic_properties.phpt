--TEST--
pecl compat: MemcachePool and Memcache allow dynamic properties on PHP 8.2+ as pecl memcache 8.2 declares them (the connection and _failureCallback properties, and a script's own), without "Creation of dynamic property" deprecations
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('pecl memcache 4.0.5.2 (the reference here) predates PHP 8.2 and deprecates its own connection property; pecl 8.2 does not (make pecl-suite-baseline)'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();
echo run_php('error_reporting(E_ALL);
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . MC_PORT1 . '); $m->setFailureCallback(null);
$m->mine = 1; $p = new MemcachePool; $p->mine = 2;
$c = memcache_connect("' . MC_HOST . '", ' . MC_PORT1 . ');
echo json_encode(array_keys(get_object_vars($m))), " ", $p->mine, " ", get_class($c), "\n";', 'ours');
?>
--EXPECT--
["connection","_failureCallback","mine"] 2 Memcache
