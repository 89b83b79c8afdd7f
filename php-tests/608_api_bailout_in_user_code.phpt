--TEST--
soundness: user code that the extension calls (a failure callback, an error handler behind one of its warnings, __sleep, __wakeup) may end the script: exit() or a fatal error (memory_limit) ends it as with pecl memcache — shutdown functions run, the exit code is kept, nothing crashes — because the engine's bailout is caught at the edge and resumed only after every Rust frame has returned
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
$code = '
register_shutdown_function(function () { echo "shutdown ran\n"; });
class Sl { function __sleep() { echo "in __sleep\n"; exit(4); } }
class Wk { function __wakeup() { echo "in __wakeup\n"; exit(5); } }
$m = new Memcache; $m->addServer("' . MC_HOST . '", ' . MC_DEAD_PORT . ', false); $m->addServer("' . MC_HOST . '", ' . MC_PORT1 . ', false);
switch (getenv("CASE")) {
case "callback exit": $m->setFailureCallback(function ($h, $t) { echo "callback $t\n"; exit(3); }); $m->get(["a", "b", "c", "d"]); break;
case "callback fatal": $m->setFailureCallback(function () { ini_set("memory_limit", "4M"); $x = str_repeat("x", 16 << 20); }); $m->get(["a", "b", "c", "d"]); break;
case "error handler exit": set_error_handler(function ($no, $msg) { echo "handler: $msg\n"; exit(6); }); $m->get(["a", "b", "c", "d"]); break;
case "error handler fatal": set_error_handler(function () { ini_set("memory_limit", "4M"); $x = str_repeat("x", 16 << 20); }); $m->get(["a", "b", "c", "d"]); break;
case "__sleep exit": @$m->get("x"); $m->set("s", new Sl); break;
case "__wakeup exit": @$m->set("w", new Wk); $m->get("w"); break;
}
echo "not reached\n";
';
// The fatal error's wording depends on the PHP build, not on the extension: a debug PHP names
// the allocating source line, PHP 8.5 adds a stack trace (fatal_error_backtraces), and the size
// tried varies; both extensions' whole outputs, traces included, are compared all the same.
$code = 'ob_end_flush(); ' . $code; // run_php buffers: let the output through as it comes
foreach (["callback exit", "callback fatal", "error handler exit", "error handler fatal", "__sleep exit", "__wakeup exit"] as $case) {
    mc_same($case, $code, [], ['CASE' => $case]);
}
?>
--EXPECTF--
== callback exit
callback 11360
shutdown ran

[run_php: exit code 3]
same as pecl memcache: yes
== callback fatal

Fatal error: Allowed memory size of 4194304 bytes exhausted%s(tried to allocate %d bytes) in %s on line 10%r(
Stack trace:
#0 %s\(10\): str_repeat\('x', 16777216\)
#1 \[internal function\]: \{closure:%s:10\}\('127\.0\.0\.1', 11360, 0, 'Connection fail\.\.\.', 111\)
#2 %s\(10\): MemcachePool->get\(Array\)
#3 \{main\})?%r
shutdown ran
same as pecl memcache: yes
== error handler exit
handler: MemcachePool::get(): Server 127.0.0.1 (tcp 11360, udp 0) failed with: Connection failed: Connection refused (111)
shutdown ran

[run_php: exit code 6]
same as pecl memcache: yes
== error handler fatal

Fatal error: Allowed memory size of 4194304 bytes exhausted%s(tried to allocate %d bytes) in %s on line 12%r(
Stack trace:
#0 %s\(12\): str_repeat\('x', 16777216\)
#1 \[internal function\]: \{closure:%s:12\}\(8, 'MemcachePool::g\.\.\.', '%s\.\.\.', 12\)
#2 %s\(12\): MemcachePool->get\(Array\)
#3 \{main\})?%r
shutdown ran
same as pecl memcache: yes
== __sleep exit
in __sleep

Warning: MemcachePool::set(): Failed to serialize value in %s on line 13
shutdown ran

[run_php: exit code 4]
same as pecl memcache: yes
== __wakeup exit
in __wakeup
shutdown ran

[run_php: exit code 5]
same as pecl memcache: yes
