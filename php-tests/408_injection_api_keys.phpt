--TEST--
hardening: Memcache API keys and values cannot inject a command: spaces, CR/LF, tabs, NUL and DEL in keys and protocol text in values store exactly the keys pecl memcache stores (bytes <= 0x20 become '_', cut at 250 bytes), an empty key is refused, and a canary key survives
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/config.inc'; if (!class_exists('Memcache')) die('skip no Memcache API'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$code = '
$m = new Memcache;
$m->addServer("127.0.0.1", ' . MC_PORT2 . ');
$keys = ["a b", "x\r\nflush_all\r\n", "get canary408", "del\x7f", str_repeat("k", 260), "tab\tkey", "nul\0byte", "delete canary408"];
foreach ($keys as $k) {
    $ok = $m->set($k, "v\r\nflush_all\r\nset canary408 0 0 5\r\npwned\r\n", 0, 0);
    $back = $m->get($k) === "v\r\nflush_all\r\nset canary408 0 0 5\r\npwned\r\n";
    echo json_encode($k), strlen($k) > 60 ? "(" . strlen($k) . " bytes)" : "", ": set ", var_export($ok, true), ", read back ", json_encode($back), "\n";
}
var_dump(@$m->set("", "x"));
echo "canary: ", json_encode($m->get("canary408")), "\n";';
$results = [];
foreach (['ours', 'pecl'] as $which) {
    mc_flush_all([MC_PORT2]);
    mc_set(MC_PORT2, 'canary408', 'alive');
    $out = preg_replace('/^(Deprecated|PHP Deprecated): .*\n|^\n/m', '', run_php($code, $which));
    $keys = array_keys(mc_metadump(MC_PORT2));
    sort($keys);
    $results[$which] = [$out, $keys];
}
echo $results['ours'][0];
echo "daemon keys as pecl memcache leaves them: ", json_encode($results['ours'][1] === $results['pecl'][1]), "\n";
echo json_encode(array_map(fn($k) => strlen($k) > 60 ? substr($k, 0, 10) . "...(" . strlen($k) . ")" : $k, $results['ours'][1])), "\n";
if ($results['ours'][0] !== $results['pecl'][0]) { echo "pecl printed:\n", $results['pecl'][0]; }
mc_flush_all([MC_PORT2]);
?>
--EXPECT--
"a b": set true, read back true
"x\r\nflush_all\r\n": set true, read back true
"get canary408": set true, read back true
"del": set true, read back true
"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"(260 bytes): set true, read back true
"tab\tkey": set true, read back true
"nul\u0000byte": set true, read back true
"delete canary408": set true, read back true
bool(false)
canary: "alive"
daemon keys as pecl memcache leaves them: true
["a_b","canary408","delete_canary408","del","get_canary408","kkkkkkkkkk...(250)","nul_byte","tab_key","x__flush_all__"]