--TEST--
phpinfo(): the memcache section shows version, build, session handler, every memcache.* ini entry with local and master value, and this process's servers
--SKIPIF--
<?php
require __DIR__ . '/config.inc';
if (MC_SUITE_EXT === 'pecl') echo "skip the section's rows are php-memcache's own";
?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();

$code = <<<'PHP'
function section(): string {
    ob_start();
    phpinfo(INFO_MODULES);
    $all = ob_get_clean();
    if (!preg_match('/^memcache\n\n(.*?)\n\n(Directive => .*?)\n\n/ms', $all, $m)) {
        return "no memcache section\n";
    }
    return $m[1] . "\n--\n" . $m[2];
}
ini_set('memcache.hash_strategy', 'standard');
$s = section();
$rows = [];
foreach (explode("\n", $s) as $line) {
    $parts = explode(' => ', $line);
    $rows[$parts[0]] = array_slice($parts, 1);
}
echo "support: ", $rows['memcache support'][0], "\n";
echo "version is phpversion(): ", var_export($rows['Version'][0] === phpversion('memcache'), true), "\n";
echo "session handler: ", $rows['Session save handler'][0], "\n";
echo "built for this PHP: ", var_export(strpos($rows['Built for PHP'][0], PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . '.') === 0, true), "\n";
echo "compiler: ", preg_match('/^rustc \d+\.\d+/', $rows['Compiler'][0]), "\n";
echo "ext-php-rs: ", preg_match('/^0\.16\.\d+$/', $rows['ext-php-rs'][0]), "\n";
echo "statistics: ", $rows['Statistics'][0], "\n";
// every ini entry of the extension, with local and master value
$entries = array_keys(ini_get_all('memcache'));
$missing = array_filter($entries, fn($e) => !isset($rows[$e]) || count($rows[$e]) !== 2);
echo count($entries), " ini entries, missing from phpinfo: ", json_encode(array_values($missing)), "\n";
echo "hash_strategy local/master: ", implode(' / ', $rows['memcache.hash_strategy']), "\n";
echo "lock_timeout local/master: ", implode(' / ', $rows['memcache.lock_timeout']), "\n";
echo "no server table yet: ", var_export(strpos($s, 'Server (this process)') === false, true), "\n";

// after a session, the servers this process used are listed
ini_set('memcache.hash_strategy', 'consistent');
session_save_path('tcp://' . MC_HOST . ':' . MC_PORT1);
session_id('s500' . str_repeat('a', 28));
session_start();
$_SESSION['x'] = 1;
session_write_close();
ob_start();
phpinfo(INFO_MODULES);
$all = ob_get_clean();
preg_match('/^Server \(this process\) => .*$/m', $all, $m);
echo $m[0] ?? 'no server table', "\n";
preg_match('/^tcp:\/\/127\.0\.0\.1:' . MC_PORT1 . ' => .*$/m', $all, $m);
echo preg_replace('/=> \d+ => 0 => 0 =>/', '=> N => 0 => 0 =>', $m[0] ?? 'no row'), "\n";
PHP;

echo run_php($code, 'ours', ['session.save_handler' => 'memcache', 'memcache.lock_timeout' => '7']);
?>
--EXPECTF--
support: enabled
version is phpversion(): true
session handler: memcache (registered)
built for this PHP: true
compiler: 1
ext-php-rs: 1
statistics: memcache_session_stats()
28 ini entries, missing from phpinfo: []
hash_strategy local/master: standard / consistent
lock_timeout local/master: 7 / 7
no server table yet: true
Server (this process) => State => Requests => Failures => Failovers => Lock waits => Read-repairs
tcp://127.0.0.1:%d => up => N => 0 => 0 => 0 (0.000 s) => 0
