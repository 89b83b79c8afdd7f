--TEST--
pecl compat: a Memcache object keeps its servers in a "memcache connection" resource in its connection property (created by the first addServer()/connect(); var_dump() shows it; a clone shares it; a subclass gets it; overwriting it gives pecl's warnings and TypeErrors), and plain classes: no constructor, dynamic properties, serializable
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
$P = MC_PORT1;
mc_same('the property appears with the first server', '
function t($f) { try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
$m = new Memcache;
var_dump($m, (new ReflectionClass("Memcache"))->getConstructor());
t(fn() => $m->get("k"));
var_dump($m->addServer("' . MC_HOST . '", ' . $P . '), $m, is_resource($m->connection), get_resource_type($m->connection));
$m->note = "dynamic properties are allowed";
var_dump($m->note);
');
mc_same('memcache_connect() and connect()', '
var_dump(memcache_connect("' . MC_HOST . '", ' . $P . '));
$p = new MemcachePool; var_dump($p->connect("' . MC_HOST . '", ' . $P . '), $p);
');
mc_same('a clone shares the pool; a subclass is a Memcache', '
class My extends Memcache { function hello() { return "hello"; } }
$m = new My; $m->addServer("' . MC_HOST . '", ' . $P . ');
$c = clone $m;
var_dump($m->set("shared", "yes"), $c->get("shared"), $c->connection === $m->connection, $m->hello(), $m);
$c->addServer("' . MC_HOST . '", ' . MC_PORT2 . ');
var_dump(count($m->getExtendedStats()));
var_dump(strlen(serialize(new Memcache)) > 0);
');
mc_same('a connection property that is not ours', '
function t($f) { try { var_dump($f()); } catch (Throwable $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; } }
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . $P . ');
$m->connection = true;
t(fn() => $m->set("k", 1));
t(fn() => $m->addServer("' . MC_HOST . '", ' . $P . '));
$m->connection = fopen("php://memory", "r");
t(fn() => $m->get("k"));
t(fn() => $m->addServer("' . MC_HOST . '", ' . $P . '));
unset($m->connection);
t(fn() => $m->get("k"));
t(fn() => $m->addServer("' . MC_HOST . '", ' . $P . '));
t(fn() => $m->set("k", "again"));
t(fn() => $m->get("k"));
');
?>
--EXPECT--
== the property appears with the first server
object(Memcache)#%d (0) {
}
NULL

Warning: MemcachePool::get(): No servers added to memcache connection in %s on line 7
bool(false)
bool(true)
object(Memcache)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
bool(true)
string(19) "memcache connection"
string(30) "dynamic properties are allowed"
same as pecl memcache: yes
== memcache_connect() and connect()
object(Memcache)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
bool(true)
object(MemcachePool)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
same as pecl memcache: yes
== a clone shares the pool; a subclass is a Memcache
bool(true)
string(3) "yes"
bool(true)
string(5) "hello"
object(My)#%d (1) {
  ["connection"]=>
  resource(%d) of type (memcache connection)
}
int(2)
bool(true)
same as pecl memcache: yes
== a connection property that is not ours

Warning: MemcachePool::set(): Invalid MemcachePool->connection member variable in %s on line 7
bool(false)

Warning: Memcache::addserver(): Unknown connection identifier in %s on line 8
TypeError: Memcache::addserver(): supplied argument is not a valid connection resource

Warning: MemcachePool::get(): Invalid MemcachePool->connection member variable in %s on line 10
TypeError: MemcachePool::get(): supplied resource is not a valid connection resource

Warning: Memcache::addserver(): Unknown connection identifier in %s on line 11
TypeError: Memcache::addserver(): supplied resource is not a valid connection resource

Warning: MemcachePool::get(): No servers added to memcache connection in %s on line 13
bool(false)
bool(true)
bool(true)
string(5) "again"
same as pecl memcache: yes
