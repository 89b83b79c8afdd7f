--TEST--
Memcache API: classes (no constructor), methods and functions match pecl memcache's reflection: parameter names, optionality, by-reference, declared and return types
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$code = <<<'PHP'
$sig = fn($ps) => implode(', ', array_map(fn($p) => ($p->hasType() ? $p->getType() . ' ' : '') . ($p->isPassedByReference() ? '&' : '') . '$' . $p->getName() . ($p->isOptional() ? '?' : ''), $ps));
$ret = fn($f) => $f->hasReturnType() ? ': ' . $f->getReturnType() : '';
$out = [];
foreach (['MemcachePool', 'Memcache'] as $c) {
    $r = new ReflectionClass($c);
    $out[] = $c . ' extends ' . ($r->getParentClass() ? $r->getParentClass()->getName() : '-');
    $out[] = $c . ($r->getConstructor() ? ' has a constructor' : ' has no constructor');
    foreach ($r->getMethods() as $m) {
        $out[] = "$c::" . $m->getName() . '(' . $sig($m->getParameters()) . ')' . $ret($m);
    }
}
foreach (get_extension_funcs('memcache') as $f) {
    if ($f !== 'memcache_session_stats') $out[] = $f . '(' . $sig((new ReflectionFunction($f))->getParameters()) . ')' . $ret(new ReflectionFunction($f));
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
81 entries
bool(true)
