<?php
/*
 * Checks stubs/memcache.stub.php against the `memcache` extension loaded in THIS process:
 * every function, class, method and constant the extension exports must be in the stub, with
 * the same parameter names, order, optional-ness, by-reference passing and declared types, the
 * same return types (what named arguments, IDEs and overriding subclasses rely on), the same
 * parent class, and the same constant values.
 *
 *   php -n -d extension=target/release/libphp_memcache.so tests/check_stubs.php [stub] [--complete]
 *
 * The stub is reflected in a separate `php -n` process that does not load the extension (the
 * stub would redeclare everything). Prints "stubs: OK ..." or one line per problem (exit 1).
 * Stub entries the extension does not export are listed as "not exported" but are no problem
 * unless --complete is given (the Memcache API may be partly implemented). Run it against pecl
 * memcache's memcache.so to check the stub against the reference itself.
 */

$args = array_slice($argv, 1);
$complete = in_array('--complete', $args, true);
$verbose = in_array('-v', $args, true);
$args = array_values(array_filter($args, fn($a) => $a === '' || $a[0] !== '-'));
$stub = $args[0] ?? __DIR__ . '/../stubs/memcache.stub.php';

if (!extension_loaded('memcache')) {
    fwrite(STDOUT, "check_stubs: the memcache extension is not loaded\n");
    exit(2);
}
if (!is_file($stub)) {
    fwrite(STDOUT, "check_stubs: no stub at $stub\n");
    exit(2);
}

/** [name => [params...]] description of a function or method. */
function describe_params(ReflectionFunctionAbstract $f): array
{
    $out = [];
    foreach ($f->getParameters() as $p) {
        $out[] = ['name' => $p->getName(), 'optional' => $p->isOptional(), 'byref' => $p->isPassedByReference(), 'variadic' => $p->isVariadic(), 'type' => $p->hasType() ? (string)$p->getType() : ''];
    }
    return $out;
}

/** The declared return type ("" for none), union members in a canonical order. */
function describe_return(ReflectionFunctionAbstract $f): string
{
    return $f->hasReturnType() ? canonical_type((string)$f->getReturnType()) : '';
}

/** "int|bool" and "bool|int" are the same type: members sorted. */
function canonical_type(string $t): string
{
    $nullable = $t !== '' && $t[0] === '?';
    $parts = explode('|', ltrim($t, '?'));
    if ($nullable) {
        $parts[] = 'null';
    }
    sort($parts);
    return implode('|', $parts);
}

function describe_functions(array $functions): array
{
    $out = [];
    foreach ($functions as $f) {
        $out[strtolower($f->getName())] = ['name' => $f->getName(), 'params' => describe_params($f), 'return' => describe_return($f)];
    }
    return $out;
}

function describe_classes(array $classes): array
{
    $out = [];
    foreach ($classes as $c) {
        $methods = [];
        foreach ($c->getMethods() as $m) {
            $methods[strtolower($m->getName())] = [
                'name' => $m->getName(),
                'params' => describe_params($m),
                'return' => describe_return($m),
                'static' => $m->isStatic(),
                'declared_in' => strtolower($m->getDeclaringClass()->getName()),
            ];
        }
        $consts = [];
        foreach ($c->getReflectionConstants() as $k) {
            $consts[$k->getName()] = $k->getValue();
        }
        $parent = $c->getParentClass();
        $out[strtolower($c->getName())] = [
            'name' => $c->getName(),
            'parent' => $parent ? strtolower($parent->getName()) : null,
            'methods' => $methods,
            'constants' => $consts,
        ];
    }
    return $out;
}

// ---- the stub, reflected in a clean process ----------------------------------------------------
$dumper = '
$before = ["f" => get_defined_functions()["user"], "c" => get_declared_classes(), "k" => get_defined_constants(true)["user"] ?? []];
require $argv[1];
$fns = array_diff(get_defined_functions()["user"], $before["f"]);
$cls = array_diff(get_declared_classes(), $before["c"]);
$consts = array_diff_key(get_defined_constants(true)["user"] ?? [], $before["k"]);
echo json_encode(["functions" => array_values($fns), "classes" => array_values($cls), "constants" => $consts]);
';
$cmd = [PHP_BINARY, '-n', '-r', $dumper, $stub];
$p = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$json = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
$rc = proc_close($p);
$names = json_decode($json, true);
if ($rc !== 0 || !is_array($names)) {
    echo "check_stubs: the stub does not load in a clean php -n: exit $rc\n", trim($json . "\n" . $err), "\n";
    exit(1);
}

// Describe the stub's declarations in another clean process, now that we know their names.
$describer = file_get_contents(__FILE__);
$describer = substr($describer, strpos($describer, 'function describe_params'), strpos($describer, '// ---- the stub') - strpos($describer, 'function describe_params'));
$describer .= '
require $argv[1];
$n = json_decode($argv[2], true);
echo json_encode([
    "functions" => describe_functions(array_map(fn($f) => new ReflectionFunction($f), $n["functions"])),
    "classes" => describe_classes(array_map(fn($c) => new ReflectionClass($c), $n["classes"])),
    "constants" => $n["constants"],
]);';
$p = proc_open([PHP_BINARY, '-n', '-r', $describer, $stub, json_encode($names)], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$json = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
$rc = proc_close($p);
$stubd = json_decode($json, true);
if ($rc !== 0 || !is_array($stubd)) {
    echo "check_stubs: could not reflect the stub: exit $rc\n", trim($json . "\n" . $err), "\n";
    exit(1);
}

// ---- the extension, reflected here --------------------------------------------------------------
$ext = new ReflectionExtension('memcache');
$extd = [
    'functions' => describe_functions($ext->getFunctions()),
    'classes' => describe_classes($ext->getClasses()),
    'constants' => $ext->getConstants(),
];

$problems = [];
$missingInExt = [];
$notes = [];

function compare_params(string $what, array $ext, array $stub, array &$problems): void
{
    $fmt = fn(array $ps) => implode(', ', array_map(
        fn($p) => ($p['type'] !== '' ? canonical_type($p['type']) . ' ' : '') . ($p['byref'] ? '&' : '') . ($p['variadic'] ? '...' : '') . '$' . $p['name'] . ($p['optional'] ? '?' : ''),
        $ps
    ));
    if ($fmt($ext) !== $fmt($stub)) {
        $problems[] = "$what: extension has ({$fmt($ext)}), stub has ({$fmt($stub)})";
    }
}

foreach ($extd['constants'] as $name => $value) {
    if (!array_key_exists($name, $stubd['constants'])) {
        $problems[] = "constant $name is not in the stub";
    } elseif ($stubd['constants'][$name] !== $value) {
        $problems[] = "constant $name: extension " . var_export($value, true) . ", stub " . var_export($stubd['constants'][$name], true);
    }
}
foreach (array_diff_key($stubd['constants'], $extd['constants']) as $name => $_) {
    $missingInExt[] = "constant $name";
}

foreach ($extd['functions'] as $lc => $f) {
    if (!isset($stubd['functions'][$lc])) {
        $problems[] = "function {$f['name']}() is not in the stub";
        continue;
    }
    compare_params("function {$f['name']}()", $f['params'], $stubd['functions'][$lc]['params'], $problems);
    if ($f['return'] !== $stubd['functions'][$lc]['return']) {
        $problems[] = "function {$f['name']}(): returns '{$f['return']}' in the extension, '{$stubd['functions'][$lc]['return']}' in the stub";
    }
}
foreach (array_diff_key($stubd['functions'], $extd['functions']) as $f) {
    $missingInExt[] = "function {$f['name']}()";
}

foreach ($extd['classes'] as $lc => $c) {
    if (!isset($stubd['classes'][$lc])) {
        $problems[] = "class {$c['name']} is not in the stub";
        continue;
    }
    $s = $stubd['classes'][$lc];
    if ($c['parent'] !== $s['parent']) {
        $problems[] = "class {$c['name']}: parent " . var_export($c['parent'], true) . " in the extension, " . var_export($s['parent'], true) . " in the stub";
    }
    foreach ($c['constants'] as $k => $v) {
        if (!array_key_exists($k, $s['constants']) || $s['constants'][$k] !== $v) {
            $problems[] = "class constant {$c['name']}::$k is not in the stub with value " . var_export($v, true);
        }
    }
    foreach ($c['methods'] as $lm => $m) {
        if (!isset($s['methods'][$lm])) {
            $problems[] = "method {$c['name']}::{$m['name']}() is not in the stub";
            continue;
        }
        compare_params("method {$c['name']}::{$m['name']}()", $m['params'], $s['methods'][$lm]['params'], $problems);
        if ($m['return'] !== $s['methods'][$lm]['return']) {
            $problems[] = "method {$c['name']}::{$m['name']}(): returns '{$m['return']}' in the extension, '{$s['methods'][$lm]['return']}' in the stub";
        }
        if ($m['static'] !== $s['methods'][$lm]['static']) {
            $problems[] = "method {$c['name']}::{$m['name']}(): static in one, not in the other";
        }
    }
    foreach (array_diff_key($s['methods'], $c['methods']) as $m) {
        $missingInExt[] = "method {$s['name']}::{$m['name']}()";
    }
}
foreach (array_diff_key($stubd['classes'], $extd['classes']) as $c) {
    $missingInExt[] = "class {$c['name']}";
}

$count = sprintf(
    "%d functions, %d classes, %d methods, %d constants",
    count($extd['functions']),
    count($extd['classes']),
    array_sum(array_map(fn($c) => count($c['methods']), $extd['classes'])),
    count($extd['constants'])
);
// php-memcache's additions are not expected from pecl memcache (--complete against pecl's .so).
$oursOnly = ['function memcache_session_stats()'];
if (!isset($extd['functions']['memcache_session_stats'])) {
    $missingInExt = array_values(array_diff($missingInExt, $oursOnly));
}
if ($complete && $missingInExt) {
    foreach ($missingInExt as $m) {
        $problems[] = "$m is in the stub but not exported by the extension";
    }
}
if ($problems) {
    echo "stubs: ", count($problems), " problem(s) against the loaded extension ($count):\n";
    foreach ($problems as $pr) {
        echo "  - $pr\n";
    }
    exit(1);
}
echo "stubs: OK, everything the extension exports is in the stub ($count)\n";
foreach ($notes as $n) {
    echo "note: $n\n";
}
if ($missingInExt) {
    echo "not exported by this extension: ", count($missingInExt), " stub entries\n";
    if ($verbose) {
        echo '  ', implode("\n  ", $missingInExt), "\n";
    }
}
exit(0);
