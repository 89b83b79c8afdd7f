--TEST--
pecl compat: a refused memcache.* ini value gets pecl memcache's own warning ("memcache.redundancy must be a positive integer ('0' given)") and ini_set() returns false, the old value staying; where pecl's message names the wrong entry (session_redundancy, prefix_static_key) ours names the right one
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/config.inc'; mc_skip_under_pecl('the last part: pecl names memcache.redundancy for session_redundancy and session_prefix_static_key for prefix_static_key'); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
$cases = [
    'memcache.redundancy' => ['0', '-1', 'Test', '2x'],
    'memcache.max_failover_attempts' => ['0', 'abc'],
    'memcache.chunk_size' => ['0', '-5'],
    'memcache.compress_threshold' => ['-1', 'x'],
    'memcache.lock_timeout' => ['0', '1.5'],
    'memcache.protocol' => ['udp', ''],
    'memcache.hash_strategy' => ['bogus'],
    'memcache.hash_function' => ['md5'],
    'memcache.session_prefix_static_key' => ['a.b'],
];
$code = '
foreach (' . var_export($cases, true) . ' as $name => $values) {
    foreach ($values as $v) {
        $before = ini_get($name);
        var_dump(ini_set($name, $v), ini_get($name) === $before);
    }
}
var_dump(ini_set("memcache.redundancy", "3"), ini_get("memcache.redundancy"));
';
mc_same('the entries pecl validates', $code);
echo "== ours names the entry at fault\n";
echo mc_normalise(run_php('var_dump(ini_set("memcache.session_redundancy", "0"), ini_set("memcache.prefix_static_key", "x.y"));', 'ours'));
?>
--EXPECT--
== the entries pecl validates

Warning: ini_set(): memcache.redundancy must be a positive integer ('0' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.redundancy must be a positive integer ('-1' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.redundancy must be a positive integer ('Test' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.redundancy must be a positive integer ('2x' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.max_failover_attempts must be a positive integer ('0' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.max_failover_attempts must be a positive integer ('abc' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.chunk_size must be a positive integer ('0' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.chunk_size must be a positive integer ('-5' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.compress_threshold must be a positive integer ('-1' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.compress_threshold must be a positive integer ('x' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.lock_timeout must be a positive integer ('0' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.lock_timeout must be a positive integer ('1.5' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.protocol must be in set {ascii, binary} ('udp' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.protocol must be in set {ascii, binary} ('' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.hash_strategy must be in set {standard, consistent} ('bogus' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.hash_function must be in set {crc32, fnv} ('md5' given) in %s on line 52
bool(false)
bool(true)

Warning: ini_set(): memcache.session_prefix_static_key cannot have dot inside (.) in %s on line 52
bool(false)
bool(true)
string(1) "1"
string(1) "3"
same as pecl memcache: yes
== ours names the entry at fault

Warning: ini_set(): memcache.session_redundancy must be a positive integer ('0' given) in %s on line 2

Warning: ini_set(): memcache.prefix_static_key cannot have dot inside (.) in %s on line 2
bool(false)
bool(false)
