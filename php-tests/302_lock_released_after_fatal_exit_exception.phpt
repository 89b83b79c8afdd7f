--TEST--
locking: a request ending in a fatal error, exit or an uncaught exception leaves no lock behind
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$path = mc_save_path(2);
$ini = ['memcache.lock_timeout' => '10'];
$endings = [
    'fatal' => 'undefined_function_' . 'xyz();',
    'exit' => 'exit(3);',
    'exception' => 'throw new RuntimeException("boom");',
    'memory' => 'ini_set("memory_limit", "8M"); $a = []; while (true) { $a[] = str_repeat("x", 1 << 20); }',
];
foreach ($endings as $name => $ending) {
    $id = "lock302$name";
    $out = run_session('session_id("' . $id . '"); session_start(); $_SESSION["by"] = "' . $name . '"; ' . $ending, 'ours', $path, $ini);
    $ended = preg_match('/Fatal error|Uncaught|exit code 3|Allowed memory/', $out) ? 'ended as expected' : "unexpected: $out";
    $lock = null;
    foreach (mc_holders("$id.lock") as $p) {
        $lock = mc_get((int)$p, "$id.lock")['value'];
    }
    echo "$name: $ended; lock record: ", json_encode($lock), "\n";
    echo run_session('$t = microtime(true); session_id("' . $id . '"); $ok = session_start(); $w = microtime(true) - $t;
echo "  next request: ", json_encode($ok), ", waited under 0.5 s: ", json_encode($w < 0.5), "\n"; session_write_close();', 'ours', $path, $ini);
}
mc_flush_all();
?>
--EXPECT--
fatal: ended as expected; lock record: "0"
  next request: true, waited under 0.5 s: true
exit: ended as expected; lock record: "0"
  next request: true, waited under 0.5 s: true
exception: ended as expected; lock record: "0"
  next request: true, waited under 0.5 s: true
memory: ended as expected; lock record: "0"
  next request: true, waited under 0.5 s: true
