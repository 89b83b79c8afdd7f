--TEST--
stubs/memcache.stub.php parses and declares every function, class, method and constant the loaded extension exports, with pecl's parameter names
--FILE--
<?php
require __DIR__ . '/config.inc';
$root = dirname(__DIR__);

// the stub is valid PHP (php -n: a plain php would load pecl memcache and see redeclarations)
exec(escapeshellarg(PHP_BINARY) . ' -n -l ' . escapeshellarg("$root/stubs/memcache.stub.php") . ' 2>&1', $out, $rc);
echo "lint: ", implode("\n", $out), " (exit $rc)\n";

// checked against the extension as it is loaded at run time (ours; pecl's under MEMCACHE_SUITE_EXT=pecl)
$cmd = [PHP_BINARY, '-n', '-d', 'extension=' . mc_ext_path('ours'), "$root/tests/check_stubs.php", "$root/stubs/memcache.stub.php"];
$p = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
echo stream_get_contents($pipes[1]);
fclose($pipes[1]);
echo "exit ", proc_close($p), "\n";
?>
--EXPECTF--
lint: No syntax errors detected in %s/stubs/memcache.stub.php (exit 0)
stubs: OK, everything the extension exports is in the stub (%d functions, %d classes, %d methods, %d constants)
%Aexit 0
