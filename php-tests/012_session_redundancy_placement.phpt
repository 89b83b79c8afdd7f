--TEST--
session placement with redundancy 2 is identical to pecl memcache (crc32/fnv x consistent/standard, weights, unix socket, prefix); sessions cross-read both ways
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
require __DIR__ . '/placement.inc';

$setups = [
    'crc32/consistent'   => [mc_save_path(3), ['memcache.hash_function' => 'crc32', 'memcache.hash_strategy' => 'consistent']],
    'fnv/consistent'     => [mc_save_path(3), ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'consistent']],
    'crc32/standard'     => [mc_save_path(3), ['memcache.hash_function' => 'crc32', 'memcache.hash_strategy' => 'standard']],
    'fnv/standard'       => [mc_save_path(3), ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'standard']],
    // weights, a unix socket server, bare host:port, whitespace-only separators
    'crc32/consistent weighted+unix' => [
        'tcp://' . MC_HOST . ':' . MC_PORT1 . '  tcp://' . MC_HOST . ':' . MC_PORT2 . '?weight=3&timeout=2, unix://' . MC_SOCK,
        ['memcache.hash_function' => 'crc32', 'memcache.hash_strategy' => 'consistent']],
    // (the weighted standard-hash setup is php-tests/701: pecl memcache 8.2 cannot serve as its reference)
    // a non-ASCII static prefix: fnv sign-extends bytes >= 0x80
    "fnv/consistent prefix" => [mc_save_path(3), ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'consistent',
        'memcache.session_prefix_static_key' => "pr\xc3\xa9fix_"]],
];

mc_compare_placement($setups);
?>
--EXPECT--
crc32/consistent: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
fnv/consistent: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
crc32/standard: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
fnv/standard: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
crc32/consistent weighted+unix: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
fnv/consistent prefix: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
