--TEST--
Memcache API: a multi-key get returns each value under the key as stored (prefix included, bytes <= 0x20 mapped to '_') and in pecl memcache's order (server by server), exactly as pecl memcache does
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$code = '
ini_set("memcache.prefix_static_key", getenv("PFX") ?: "");
$m = new MemcachePool; $m->addServer("127.0.0.1", ' . MC_PORT1 . ');
$m->set("a b", 1); $m->set("c\td", 2); $m->set("plain", 3);
$flags = null;
$r = $m->get(["a b", "c\td", "plain", "missing"], $flags);
echo json_encode($r), " ", json_encode($flags), "\n";';
foreach (['', 'pre_'] as $pfx) {
    $out = [];
    foreach (['pecl', 'ours'] as $w) {
        // pecl's own "Creation of dynamic property" deprecation is not what is compared
        $out[$w] = trim(preg_replace('/^\s*Deprecated: .*$/m', '', run_php($code, $w, [], 30, ['PFX' => $pfx])));
    }
    echo "prefix '$pfx': ", $out['ours'], $out['ours'] === $out['pecl'] ? " (same as pecl)" : " (pecl: " . $out['pecl'] . ")", "\n";
}
// several servers: pecl answers server by server (servers in the order their first key
// appears, each server's keys in request order)
$code = '
$m = new MemcachePool;
foreach ([' . MC_PORT1 . ', ' . MC_PORT2 . ', ' . MC_PORT3 . '] as $p) { $m->addServer("127.0.0.1", $p); }
$keys = [];
for ($i = 0; $i < 12; $i++) { $keys[] = "k$i"; $m->set("k$i", $i); }
echo implode(",", array_keys($m->get($keys))), " | ", implode(",", array_keys($m->get(array_reverse($keys)))), "\n";';
$out = [];
foreach (['pecl', 'ours'] as $w) {
    $out[$w] = trim(preg_replace('/^\s*Deprecated: .*$/m', '', run_php($code, $w)));
}
echo "3 servers, result order ", $out['ours'] === $out['pecl'] ? "same as pecl" : "differs: ours {$out['ours']}, pecl {$out['pecl']}", "\n";
mc_flush_all();
?>
--EXPECT--
prefix '': {"a_b":1,"c_d":2,"plain":3} {"a_b":768,"c_d":768,"plain":768} (same as pecl)
prefix 'pre_': {"pre_a_b":1,"pre_c_d":2,"pre_plain":3} {"pre_a_b":768,"pre_c_d":768,"pre_plain":768} (same as pecl)
3 servers, result order same as pecl
