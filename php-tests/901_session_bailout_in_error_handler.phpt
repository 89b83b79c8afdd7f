--TEST--
soundness: an error handler behind one of the session handler's warnings may end the script (exit(), a fatal error): the warning is raised after the handler's Rust frames returned, the engine's bailout is caught there and resumed with nothing of Rust's alive — shutdown functions run, the exit code is kept, nothing crashes (a guard of that behaviour: what the change fixed, Rust values whose drop the longjmp skipped, is not observable from PHP on a release build)
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();
$code = '
ob_end_flush();
register_shutdown_function(function () { echo "shutdown ran\n"; });
switch (getenv("CASE")) {
case "read exit": set_error_handler(function ($no, $msg) { echo "handler: ", explode(":", $msg)[0], "\n"; exit(7); }); break;
case "read fatal": set_error_handler(function () { ini_set("memory_limit", "4M"); $x = str_repeat("x", 16 << 20); }); break;
}
session_id("bailout901");
var_dump(session_start());
echo "not reached\n";
';
$ini = ['session.save_handler' => 'memcache', 'session.save_path' => 'tcp://' . MC_HOST . ':' . MC_DEAD_PORT . '?timeout=0.2&retry_interval=1'];
foreach (["read exit", "read fatal"] as $case) {
    echo "== $case\n", rtrim(run_php($code, 'ours', $ini, 60, ['CASE' => $case])), "\n";
}
?>
--EXPECTF--
== read exit
handler: session_start()
shutdown ran

[run_php: exit code 7]
== read fatal

Fatal error: Allowed memory size of 4194304 bytes exhausted%s(tried to allocate %d bytes) in %s on line 6%r(
Stack trace:
.*)?%r
shutdown ran%A