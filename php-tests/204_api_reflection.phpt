--TEST--
Memcache API: classes, methods, parameter names/optionality/by-reference and functions match pecl memcache's reflection
--FILE--
<?php
require __DIR__ . '/config.inc';
$code = <<<'PHP'
$sig = fn($ps) => implode(', ', array_map(fn($p) => ($p->isPassedByReference() ? '&' : '') . '$' . $p->getName() . ($p->isOptional() ? '?' : ''), $ps));
$out = [];
foreach (['MemcachePool', 'Memcache'] as $c) {
    $r = new ReflectionClass($c);
    $out[] = $c . ' extends ' . ($r->getParentClass() ? $r->getParentClass()->getName() : '-');
    foreach ($r->getMethods() as $m) {
        // ext-php-rs classes need a parameterless __construct (pecl has none)
        if ($m->getName() !== '__construct') $out[] = "$c::" . $m->getName() . '(' . $sig($m->getParameters()) . ')';
    }
}
foreach (get_extension_funcs('memcache') as $f) {
    if ($f !== 'memcache_session_stats') $out[] = $f . '(' . $sig((new ReflectionFunction($f))->getParameters()) . ')';
}
foreach (['MEMCACHE_COMPRESSED', 'MEMCACHE_USER1', 'MEMCACHE_USER2', 'MEMCACHE_USER3', 'MEMCACHE_USER4', 'MEMCACHE_HAVE_SESSION'] as $k) $out[] = "$k=" . constant($k);
sort($out);
echo implode("\n", $out), "\n";
PHP;
$pecl = run_php($code, 'pecl');
$ours = run_php($code, 'ours');
echo count(explode("\n", trim($pecl))), " entries\n";
var_dump($ours === $pecl);
if ($ours !== $pecl) {
    echo "only ours:\n", implode("\n", array_diff(explode("\n", $ours), explode("\n", $pecl))), "\nonly pecl:\n", implode("\n", array_diff(explode("\n", $pecl), explode("\n", $ours))), "\n";
}
?>
--EXPECT--
79 entries
bool(true)
