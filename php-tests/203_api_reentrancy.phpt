--TEST--
Memcache API: __wakeup that calls get() on the same object, a throwing __wakeup, corrupt payloads
--FILE--
<?php
require __DIR__ . '/config.inc';
error_reporting(E_ALL & ~E_DEPRECATED);
mc_require_daemons();
mc_flush_all();
// unserialize() runs __wakeup, which calls back into the same object: no borrow may be held.
class Node {
    public $child;
    public $name;
    function __construct($name, $child) { $this->name = $name; $this->child = $child; }
    function __wakeup() {
        global $m;
        if (is_string($this->child)) {
            $this->child = $m->get($this->child);
        }
    }
}
$m = new Memcache;
$m->addServer(MC_HOST, MC_PORT1);
$m->addServer(MC_HOST, MC_PORT2);
var_dump($m->set('leaf', new Node('leaf', null)), $m->set('mid', new Node('mid', 'leaf')), $m->set('root', new Node('root', 'mid')));
$r = $m->get('root');
echo $r->name, '/', $r->child->name, '/', $r->child->child->name, "\n";
$all = $m->get(['root', 'mid']); ksort($all);
echo implode(',', array_keys($all)), ' ', $all['root']->child->child->name, "\n";
// a __wakeup that throws
class Bad { function __wakeup() { throw new LogicException('no wakeup'); } }
var_dump($m->set('bad', new Bad));
try { var_dump($m->get('bad')); } catch (LogicException $e) { echo "caught ", $e->getMessage(), "\n"; }
var_dump($m->get('leaf') instanceof Node);
// corrupt payloads: pecl's notices
mc_set(mc_holders('ser', [MC_PORT1, MC_PORT2])[0] ?? MC_PORT1, 'ser', 'not serialized', 1);
mc_set(MC_PORT1, 'zip', 'not zlib', 2);
mc_set(MC_PORT2, 'zip', 'not zlib', 2);
var_dump($m->get('ser'), $m->get('zip'));
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
root/mid/leaf
mid,root leaf
bool(true)
caught no wakeup
bool(true)

Notice: MemcachePool::get(): Failed to unserialize data in %s on line 35

Notice: MemcachePool::get(): Failed to uncompress data in %s on line 35
bool(false)
bool(false)
