--TEST--
Memcache API: a multi-key get returns each value under the key as stored (prefix included, bytes <= 0x20 mapped to '_') and server by server like pecl memcache (servers in reply order there, not deterministic)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
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
// several servers: pecl answers server by server, in the order the servers' replies arrive
// (not deterministic), each server's keys in request order. Check that shape for both
// extensions and that they return the same keys.
$code = '
$m = new MemcachePool;
foreach ([' . MC_PORT1 . ', ' . MC_PORT2 . ', ' . MC_PORT3 . '] as $p) { $m->addServer("127.0.0.1", $p); }
$keys = [];
for ($i = 0; $i < 12; $i++) { $keys[] = "k$i"; $m->set("k$i", $i); }
$where = [];
foreach ($keys as $k) { $where[$k] = $m->findServer($k); }
echo json_encode(["where" => $where, "fwd" => array_keys($m->get($keys)), "rev" => array_keys($m->get(array_reverse($keys))), "req" => $keys]), "\n";';
$shape = function (array $r, array $req, array $where): bool {
    // contiguous per server, and within a server in request order
    $groups = [];
    $last = null;
    foreach ($r as $k) {
        $srv = $where[$k];
        if ($srv !== $last && isset($groups[$srv])) {
            return false;
        }
        $groups[$srv][] = $k;
        $last = $srv;
    }
    foreach ($groups as $srv => $ks) {
        $expect = array_values(array_filter($req, fn($k) => $where[$k] === $srv));
        if ($ks !== $expect) {
            return false;
        }
    }
    return true;
};
$res = [];
foreach (['pecl', 'ours'] as $w) {
    $o = json_decode(trim(preg_replace('/^\s*Deprecated: .*$/m', '', run_php($code, $w))), true);
    $ok = $shape($o['fwd'], $o['req'], $o['where']) && $shape($o['rev'], array_reverse($o['req']), $o['where']);
    $keys = $o['fwd'];
    sort($keys);
    $res[$w] = [$ok, $keys, $o['where']];
}
echo "3 servers, grouped server by server in request order: pecl ", json_encode($res['pecl'][0]), ", ours ", json_encode($res['ours'][0]),
    "; same keys and servers as pecl: ", json_encode($res['pecl'][1] === $res['ours'][1] && $res['pecl'][2] === $res['ours'][2]), "\n";
mc_flush_all();
?>
--EXPECT--
prefix '': {"a_b":1,"c_d":2,"plain":3} {"a_b":768,"c_d":768,"plain":768} (same as pecl)
prefix 'pre_': {"pre_a_b":1,"pre_c_d":2,"pre_plain":3} {"pre_a_b":768,"pre_c_d":768,"pre_plain":768} (same as pecl)
3 servers, grouped server by server in request order: pecl true, ours true; same keys and servers as pecl: true
