--TEST--
Memcache API: every value type written by pecl memcache is read identically by ours and vice versa (plain and compressed)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();
mc_flush_all();
// The values: one per type, plus big ones that auto-compress (threshold 20000) and small ones
// compressed on request (MEMCACHE_COMPRESSED), plus application flag bits.
$values = <<<'PHP'
class Pt { public $x = 1; protected $y = [2]; private $z = 'three'; }
$big = str_repeat('The quick brown fox jumps over the lazy dog. ', 1000);
$values = [
    'str' => ['hello wörld', 0], 'empty' => ['', 0], 'bin' => ["a\0b\r\n\xff", 0],
    'int' => [42, 0], 'neg' => [-7, 0], 'intmax' => [PHP_INT_MAX, 0],
    'float' => [1.5, 0], 'tenth' => [0.1, 0], 'third' => [1/3, 0], 'e100' => [1e100, 0], 'negzero' => [-0.0, 0],
    'true' => [true, 0], 'false' => [false, 0],
    'arr' => [[1, 'a' => ['b' => null], 2.5], 0], 'obj' => [new Pt, 0], 'std' => [(object)['k' => 'v'], 0],
    'bigstr' => [$big, 0], 'bigarr' => [[$big, $big], 0],
    'zstr' => [str_repeat('abc', 200), MEMCACHE_COMPRESSED], 'zarr' => [array_fill(0, 50, 'xyz'), MEMCACHE_COMPRESSED],
    'zint' => [123456, MEMCACHE_COMPRESSED], 'user' => ['flagged', MEMCACHE_USER1 | MEMCACHE_USER3],
    'userz' => [str_repeat('q', 500), MEMCACHE_USER2 | MEMCACHE_COMPRESSED],
];
PHP;
$write = $values . '
$m = new Memcache; $m->addServer(MC_HOST, MC_PORT1); $m->addServer(MC_HOST, MC_PORT2);
foreach ($values as $k => [$v, $f]) { if (!$m->set("x_$k", $v, $f)) echo "set $k failed\n"; }
echo "written\n";';
$read = $values . '
$m = new Memcache; $m->addServer(MC_HOST, MC_PORT1); $m->addServer(MC_HOST, MC_PORT2);
foreach ($values as $k => [$v, $f]) {
    $flags = null;
    $got = $m->get("x_$k", $flags);
    // floats travel as %.14g text, as pecl stores them
    $same = is_object($v) ? ($got == $v && get_class($got) === get_class($v))
        : (is_float($v) ? (is_float($got) && sprintf("%.13e", $got) === sprintf("%.13e", $v)) : $got === $v);
    if (!$same) echo "$k: MISMATCH ", var_export($got, true), "\n";
    if ($flags !== null && ($flags & 0xffff0000) !== ($f & 0xffff0000)) echo "$k: app flags $flags\n";
}
$all = $m->get(array_map(fn($k) => "x_$k", array_keys($values)));
echo count($all), " by multi-get\n";';
foreach ([['pecl', 'ours'], ['ours', 'pecl']] as [$w, $r]) {
    mc_flush_all();
    echo "$w -> $r\n";
    // (pecl memcache raises E_DEPRECATED for its dynamic $connection property)
    $ini = ['error_reporting' => (string)(E_ALL & ~E_DEPRECATED)];
    echo run_php($write, $w, $ini);
    echo run_php($read, $r, $ini);
    // the raw items are identical whoever wrote them: same servers, same flags
    $raw = [];
    foreach (['str', 'int', 'float', 'true', 'arr', 'bigstr', 'zstr', 'zint', 'user'] as $k) {
        $h = mc_holders("x_$k", [MC_PORT1, MC_PORT2]);
        $it = mc_get($h[0], "x_$k");
        $raw[] = "$k@" . mc_name($h[0]) . ':' . $it['flags'];
    }
    $rawBy[$w] = $raw;
}
var_dump($rawBy['pecl'] === $rawBy['ours']);
echo implode(' ', array_map(fn($s) => preg_replace('/@.*:/', ':', $s), $rawBy['ours'])), "\n";
?>
--EXPECT--
pecl -> ours
written
23 by multi-get
ours -> pecl
written
23 by multi-get
bool(true)
str:0 int:768 float:1792 true:256 arr:1 bigstr:2 zstr:2 zint:768 user:327680
