--TEST--
pecl compat: setFailureCallback() / memcache_set_failure_callback() given something not callable warn "Invalid failure callback" and return false, as pecl memcache does, on a release PHP; a debug PHP holds internal functions to their arginfo (pecl's `?callable`): there ours throws the TypeError that arginfo promises, in PHP's words, where pecl memcache stops the script with "Arginfo / zpp mismatch"; a callable and null are accepted on both
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/compare.inc';
mc_require_daemons();
$r = mc_both('$p = new MemcachePool; $p->addServer("' . MC_HOST . '", ' . MC_PORT1 . ');
set_error_handler(function ($no, $msg) { echo "warning: $msg; "; return true; }, E_ALL & ~E_DEPRECATED);
foreach (["method" => fn() => $p->setFailureCallback("no_such_function"), "function" => fn() => memcache_set_failure_callback($p, [1, 2])] as $how => $call) {
    echo "$how: "; try { echo json_encode($call()), "\n"; } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
}
var_dump($p->_failureCallback ?? "no callback", $p->setFailureCallback("strlen"), memcache_set_failure_callback($p, null), $p->setFailureCallback(fn() => 1));
');
echo $r['ours'], "\n";
if (!PHP_DEBUG) {
    echo $r['ours'] === $r['pecl'] ? "release PHP: same as pecl memcache\n" : "not as pecl memcache, which printed:\n{$r['pecl']}\n";
} else {
    echo strpos($r['pecl'], 'Fatal error: Arginfo / zpp mismatch during call of MemcachePool::setfailurecallback()') !== false
        ? "debug PHP: pecl memcache stops with Arginfo / zpp mismatch\n" : "pecl memcache printed:\n{$r['pecl']}\n";
}
?>
--EXPECTF--
method: %r(warning: MemcachePool::setfailurecallback\(\): Invalid failure callback; false|TypeError: MemcachePool::setfailurecallback\(\): Argument #1 \(\$failure_callback\) must be a valid callback or null, function "no_such_function" not found or invalid function name)%r
function: %r(warning: memcache_set_failure_callback\(\): Invalid failure callback; false|TypeError: memcache_set_failure_callback\(\): Argument #2 \(\$failure_callback\) must be a valid callback or null, .+)%r
string(11) "no callback"
bool(true)
bool(true)
bool(true)

%r(release PHP: same as pecl memcache|debug PHP: pecl memcache stops with Arginfo \/ zpp mismatch)%r
