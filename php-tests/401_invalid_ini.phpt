--TEST--
hardening: out-of-range and invalid memcache.* ini values (ini_set at runtime and -d at startup) are refused with a warning naming the entry and the allowed values; the old value stays and sessions keep working
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$cases = [
    'memcache.session_redundancy'    => ['0', '-1', 'two'],
    'memcache.redundancy'            => ['0'],
    'memcache.lock_timeout'          => ['0', '-5', '99999999999', '1e3'],
    'memcache.max_failover_attempts' => ['0'],
    'memcache.default_port'          => ['0', '65536', '-1'],
    'memcache.chunk_size'            => ['0'],
    'memcache.compress_threshold'    => ['-1'],
    'memcache.hash_strategy'         => ['bogus', ''],
    'memcache.hash_function'         => ['md5'],
    'memcache.protocol'              => ['udp'],
    'memcache.select_api'            => ['epoll'],
];
echo run_session('
$W = [];
set_error_handler(function ($no, $msg) use (&$W) { $W[] = $msg; return true; });
foreach (' . var_export($cases, true) . ' as $name => $values) {
    foreach ($values as $v) {
        $before = ini_get($name);
        $r = ini_set($name, $v);
        echo "$name=", json_encode($v), ": ini_set ", var_export($r, true), ", still ", json_encode(ini_get($name) === $before), "\n";
        foreach ($W as $w) { echo "  ", $w, "\n"; }
        $W = [];
    }
}
session_id("ini401");
var_dump(session_start());
$_SESSION["ok"] = 1;
var_dump(session_write_close());
foreach ($W as $w) { echo "  ", $w, "\n"; }
', 'ours', mc_save_path(1));
// the same at startup: a warning per bad value, defaults kept
echo run_session('echo ini_get("memcache.session_redundancy"), " ", ini_get("memcache.lock_timeout"), " ", ini_get("memcache.hash_strategy"), "\n";
session_id("ini401"); var_dump(session_start(), $_SESSION);',
    'ours', mc_save_path(1), ['memcache.session_redundancy' => '0', 'memcache.lock_timeout' => '-1', 'memcache.hash_strategy' => 'random']);
?>
--EXPECT--
memcache.session_redundancy="0": ini_set false, still true
  ini_set(): memcache.session_redundancy must be a positive integer ('0' given)
memcache.session_redundancy="-1": ini_set false, still true
  ini_set(): memcache.session_redundancy must be a positive integer ('-1' given)
memcache.session_redundancy="two": ini_set false, still true
  ini_set(): memcache.session_redundancy must be a positive integer ('two' given)
memcache.redundancy="0": ini_set false, still true
  ini_set(): memcache.redundancy must be a positive integer ('0' given)
memcache.lock_timeout="0": ini_set false, still true
  ini_set(): memcache.lock_timeout must be a positive integer ('0' given)
memcache.lock_timeout="-5": ini_set false, still true
  ini_set(): memcache.lock_timeout must be a positive integer ('-5' given)
memcache.lock_timeout="99999999999": ini_set false, still true
  ini_set(): memcache.lock_timeout must be a positive integer ('99999999999' given)
memcache.lock_timeout="1e3": ini_set false, still true
  ini_set(): memcache.lock_timeout must be a positive integer ('1e3' given)
memcache.max_failover_attempts="0": ini_set false, still true
  ini_set(): memcache.max_failover_attempts must be a positive integer ('0' given)
memcache.default_port="0": ini_set false, still true
  ini_set(): memcache.default_port must be a port number from 1 to 65535 ('0' given)
memcache.default_port="65536": ini_set false, still true
  ini_set(): memcache.default_port must be a port number from 1 to 65535 ('65536' given)
memcache.default_port="-1": ini_set false, still true
  ini_set(): memcache.default_port must be a port number from 1 to 65535 ('-1' given)
memcache.chunk_size="0": ini_set false, still true
  ini_set(): memcache.chunk_size must be a positive integer ('0' given)
memcache.compress_threshold="-1": ini_set false, still true
  ini_set(): memcache.compress_threshold must be a positive integer ('-1' given)
memcache.hash_strategy="bogus": ini_set false, still true
  ini_set(): memcache.hash_strategy must be in set {standard, consistent} ('bogus' given)
memcache.hash_strategy="": ini_set false, still true
  ini_set(): memcache.hash_strategy must be in set {standard, consistent} ('' given)
memcache.hash_function="md5": ini_set false, still true
  ini_set(): memcache.hash_function must be in set {crc32, fnv} ('md5' given)
memcache.protocol="udp": ini_set false, still true
  ini_set(): memcache.protocol must be in set {ascii, binary} ('udp' given)
memcache.select_api="epoll": ini_set false, still true
  ini_set(): memcache.select_api must be in set {select, poll} ('epoll' given)
bool(true)
bool(true)

Warning: PHP Startup: memcache.hash_strategy must be in set {standard, consistent} ('random' given) in Unknown on line 0

Warning: PHP Startup: memcache.session_redundancy must be a positive integer ('0' given) in Unknown on line 0

Warning: PHP Startup: memcache.lock_timeout must be a positive integer ('-1' given) in Unknown on line 0
2 15 consistent
bool(true)
array(1) {
  ["ok"]=>
  int(1)
}
