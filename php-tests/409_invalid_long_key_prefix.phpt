--TEST--
hardening: a memcache.session_prefix_static_key that leaves no room for a session id is named in the warning (not the session id)
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
echo run_session('session_id("abcdef0123456789"); var_dump(session_start());', 'ours', mc_save_path(1),
    ['memcache.session_prefix_static_key' => str_repeat('p', 246)]);
?>
--EXPECTF--
Warning: session_start(): the session key prefix (memcache.session_prefix_static_key / _host_key) is 246 bytes, leaving no room for a session id, and its lock record '{key}.lock' would exceed memcached's 250-byte key limit in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: %s) in %s on line %d
bool(false)
