--TEST--
pecl compat: after session_destroy() the Memcache API reads the session's key as absent (false), as after pecl memcache's destroy (ours leaves a tombstone copy that keeps a stale mirror from resurrecting the session; the API does not show it as a value)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
mc_same('get() of a destroyed session', '
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . MC_PORT1 . ');
session_id("destroy609x0123456789abcdef"); var_dump(session_start());
$_SESSION["k"] = "v"; session_write_close();
var_dump($m->get(session_id()));
var_dump(session_start(), session_destroy());
var_dump($m->get("destroy609x0123456789abcdef"), $m->get(["destroy609x0123456789abcdef"]));
', ['session.save_handler' => 'memcache', 'session.save_path' => 'tcp://' . MC_HOST . ':' . MC_PORT1]);
?>
--EXPECT--
== get() of a destroyed session
bool(true)
string(10) "k|s:1:"v";"
bool(true)
bool(true)
bool(false)
array(0) {
}
same as pecl memcache: yes
