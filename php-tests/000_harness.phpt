--TEST--
harness: daemons answer, raw protocol access works, run_php loads exactly one memcache extension
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();
mc_flush_all();
foreach (mc_all_targets() as $t) {
    $k = 'harness000_' . mc_name($t);
    var_dump(mc_set($t, $k, "v\r\nEND\r\n" . mc_name($t), 0x10000, 0));
    $g = mc_get($t, $k);
    echo mc_name($t) === 'sock' ? 'sock' : 'tcp', ' ', json_encode($g['value'] === "v\r\nEND\r\n" . mc_name($t)), ' ', $g['flags'], "\n";
    $dump = mc_metadump($t);
    echo count($dump), ' ', isset($dump[$k]) ? $dump[$k]['exp'] : 'missing', "\n";
}
echo implode(',', mc_holders('harness000_' . MC_PORT2)) === (string)MC_PORT2 ? "holders ok\n" : "holders wrong\n";
var_dump(mc_delete(MC_PORT2, 'harness000_' . MC_PORT2), mc_get(MC_PORT2, 'harness000_' . MC_PORT2));
mc_flush_all();
foreach (mc_all_targets() as $t) {
    echo count(mc_metadump($t)), "\n";
}
// the test process itself has the suite's extension
var_dump(extension_loaded('memcache'), extension_loaded('memcached'));
foreach (mc_writers() as $w) {
    $expect = mc_ext_path($w);
    echo $w, ': ', run_php('
        $loaded = array_values(array_filter(get_loaded_extensions(), function ($e) { return stripos($e, "memcache") !== false; }));
        echo json_encode($loaded), "\n";
        echo function_exists("session_start") ? "session" : "no session", "\n";', $w);
}
// the extension path run_php used is the one we asked for
var_dump(mc_ext_path('pecl') === realpath(getenv('MEMCACHE_EXT_PECL') ?: PHP_EXTENSION_DIR . '/memcache.so'));
var_dump(MC_SUITE_EXT === 'pecl' ? mc_ext_path('ours') === mc_ext_path('pecl') : mc_ext_path('ours') !== mc_ext_path('pecl'));
// a timeout is reported, not hung on
echo trim(run_php('sleep(10);', 'pecl', [], 1)), "\n";
// a daemon that is not there makes mc_raw throw
try { mc_raw(MC_DEAD_PORT, 'version'); echo "no exception\n"; } catch (RuntimeException $e) { echo "throws\n"; }
?>
--EXPECT--
bool(true)
tcp true 65536
1 -1
bool(true)
tcp true 65536
1 -1
bool(true)
tcp true 65536
1 -1
bool(true)
sock true 65536
1 -1
holders ok
bool(true)
NULL
0
0
0
0
bool(true)
bool(false)
pecl: ["memcache"]
session
ours: ["memcache"]
session
bool(true)
bool(true)
[run_php: killed after 1s]
throws
