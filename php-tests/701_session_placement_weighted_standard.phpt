--TEST--
session placement with redundancy 2 on a weighted standard-hash ring (fnv/standard, weight=2, a unix socket, a bare host:port) is identical to pecl memcache; sessions cross-read both ways (012's setup that needs a reference without pecl memcache 8.2's self-lock defect)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();

require __DIR__ . '/placement.inc';
if (($why = mc_reference_self_locks(...mc_setup_701())) !== null) die("skip $why");
?>
--FILE--
<?php
require __DIR__ . '/placement.inc';
mc_compare_placement(['fnv/standard weighted+unix' => mc_setup_701()]);
?>
--EXPECT--
fnv/standard weighted+unix: 20 sessions, 40 copies on 3 daemons; placement same
  stored bytes and flags: same
  write stamps: true
  lock records: same
  written by pecl, read by ours: 20/20, large session ok
  written by ours, read by pecl: 20/20, large session ok
