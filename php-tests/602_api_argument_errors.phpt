--TEST--
pecl compat: argument errors are PHP's own, as pecl memcache's (zend_parse_parameters with pecl's specs): "Wrong parameter count" for a key without a value, TypeErrors naming the class given (stdClass) and the parameter, ArgumentCountErrors, deprecations for null and lossy floats
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
mc_same('argument errors', '
function t($f) { try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
$m = memcache_connect("' . MC_HOST . '", ' . MC_PORT1 . ');
error_reporting(E_ALL); // (the deprecations of the conversions below)
t(fn() => memcache_set($m, "k"));
t(fn() => $m->set("k"));
t(fn() => $m->add("k"));
t(fn() => $m->set(["a" => 1]));
t(fn() => memcache_flush(new stdClass));
t(fn() => memcache_get("not an object", "k"));
t(fn() => memcache_close(new ArrayObject));
t(fn() => memcache_add_server(new MemcachePool, "h"));
t(fn() => memcache_add_server($m, new stdClass, []));
t(fn() => $m->addServer(new stdClass));
t(fn() => $m->set("k", 1, "flags"));
t(fn() => $m->set("k", 1, 1.5));
t(fn() => $m->set("k", 1, null));
t(fn() => $m->get());
t(fn() => $m->get("k", $f, $c, 4));
t(fn() => $m->getStats(new stdClass));
t(fn() => $m->setCompressThreshold("x"));
t(fn() => $m->setServerParams([]));
t(fn() => $m->setSaslAuthData("u"));
t(fn() => memcache_connect());
// (pecl 8.2 says "?int" for memcache_connect()\'s port, 4.0.5.2 "int": not compared)
t(fn() => $m->increment("n", "many"));
');
?>
--EXPECT--
== argument errors
ArgumentCountError: Wrong parameter count for memcache_set()
ArgumentCountError: Wrong parameter count for MemcachePool::set()
ArgumentCountError: Wrong parameter count for MemcachePool::add()
bool(true)
TypeError: memcache_flush(): Argument #1 ($memcache) must be of type MemcachePool, stdClass given
TypeError: memcache_get(): Argument #1 ($memcache) must be of type MemcachePool, string given
TypeError: memcache_close(): Argument #1 ($memcache) must be of type MemcachePool, ArrayObject given
TypeError: memcache_add_server(): Argument #1 ($memcache) must be of type Memcache, MemcachePool given
TypeError: memcache_add_server(): Argument #2 ($host) must be of type string, stdClass given
TypeError: Memcache::addserver(): Argument #1 ($host) must be of type string, stdClass given
TypeError: MemcachePool::set(): Argument #3 ($flags) must be of type int, string given

Deprecated: Implicit conversion from float 1.5 to int loses precision in %s on line 18

Warning: MemcachePool::set(): The lowest two bytes of the flags array is reserved for pecl/memcache internal use in %s on line 18
bool(false)

Deprecated: MemcachePool::set(): Passing null to parameter #3 ($flags) of type int is deprecated in %s on line 19
bool(true)
ArgumentCountError: MemcachePool::get() expects at least 1 argument, 0 given
ArgumentCountError: MemcachePool::get() expects at most 3 arguments, 4 given
TypeError: MemcachePool::getstats(): Argument #1 ($type) must be of type string, stdClass given
TypeError: MemcachePool::setcompressthreshold(): Argument #1 ($threshold) must be of type int, string given
TypeError: MemcachePool::setserverparams(): Argument #1 ($host) must be of type string, array given
ArgumentCountError: MemcachePool::setSaslAuthData() expects exactly 2 arguments, 1 given
ArgumentCountError: memcache_connect() expects at least 1 argument, 0 given
TypeError: MemcachePool::increment(): Argument #2 ($value) must be of type int, string given
same as pecl memcache: yes
