--TEST--
memcache module loads and registers the "memcache" session save handler
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
// Session ini changes must happen before any output (CLI "headers"): collect, then print.
$r = [];
$r[] = extension_loaded('memcache');
$r[] = phpversion('memcache') !== false;
$r[] = ini_set('session.save_handler', 'memcache');
$r[] = session_module_name();
$r[] = ini_get('session.save_handler');
// an unknown handler is refused while ours was accepted: the registration is real
$r[] = @ini_set('session.save_handler', 'no_such_handler_xyz');
$r[] = ini_get('session.save_handler');
$r[] = session_module_name('files');
$r[] = session_module_name('memcache');
$r[] = session_module_name();
foreach ($r as $v) {
    var_dump($v);
}
// the same in a fresh process configured from the command line, for both extensions
foreach (mc_writers() as $w) {
    echo $w, ': ', run_php('echo session_module_name(), " ", ini_get("session.save_handler"), " ", extension_loaded("memcache") ? "loaded" : "missing", "\n";',
        $w, ['session.save_handler' => 'memcache']);
}
?>
--EXPECT--
bool(true)
bool(true)
string(5) "files"
string(8) "memcache"
string(8) "memcache"
bool(false)
string(8) "memcache"
string(8) "memcache"
string(5) "files"
string(8) "memcache"
pecl: memcache memcache loaded
ours: memcache memcache loaded
