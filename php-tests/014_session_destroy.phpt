--TEST--
session_destroy() leaves no session data and no lock record on any daemon, whichever extension wrote it (ours replaces each copy by a tombstone, pecl deletes it)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$ids = mc_session_ids('s014', 12);
$keep = mc_session_ids('s014keep', 4);

/** every key of every suite daemon that belongs to one of $ids, but tombstones (a destroyed session) */
function leftovers(array $ids): array
{
    $left = [];
    foreach (mc_all_targets() as $t) {
        foreach (mc_metadump($t) as $k => $_) {
            foreach ($ids as $id) {
                if (strpos($k, $id) !== false && !mc_is_tombstone(mc_get($t, $k))) {
                    $left[] = mc_name($t) . ":$k";
                }
            }
        }
    }
    return $left;
}

$destroy = '$ids = ' . var_export($ids, true) . ';
$n = 0;
foreach ($ids as $id) {
    session_id($id);
    session_start();
    if (($_SESSION["user"] ?? null) !== "u-$id") { echo "$id: not read before destroy: ", json_encode($_SESSION), "\n"; }
    if (session_destroy()) { $n++; }
}
echo "destroyed $n\n";';

$setups = [
    'redundancy 2 on 3 daemons' => [mc_save_path(3), ['memcache.session_redundancy' => '2']],
    'redundancy 3 on 3 daemons' => [mc_save_path(3), ['memcache.session_redundancy' => '3']],
    'redundancy 2, standard/fnv, with the unix daemon' => [mc_save_path(2, true), ['memcache.session_redundancy' => '2', 'memcache.hash_strategy' => 'standard', 'memcache.hash_function' => 'fnv']],
];
foreach ($setups as $name => [$path, $ini]) {
    foreach ([['ours', 'ours'], ['pecl', 'ours'], ['ours', 'pecl']] as [$writer, $destroyer]) {
        mc_flush_all();
        run_session(php_write_sessions(array_merge($ids, $keep), ['user' => 'u-%id%']), $writer, $path, $ini);
        $before = count(leftovers($ids));
        $out = run_session($destroy, $destroyer, $path, $ini);
        $left = leftovers($ids);
        $kept = 0;
        foreach ($keep as $k) {
            $kept += count(mc_holders($k, mc_all_targets())) > 0 ? 1 : 0;
        }
        echo "$name, written by $writer, destroyed by $destroyer: ", trim($out), "; ",
            $before > 0 ? 'keys before ' . ($before >= 2 * count($ids) ? 'ok' : $before) : 'NOTHING WRITTEN',
            ", left after: ", $left ? json_encode(array_slice($left, 0, 4)) : 'none',
            ", other sessions untouched: $kept/", count($keep), "\n";
        // a destroyed session reads back empty
        $out = run_session(php_read_sessions(array_slice($ids, 0, 3)), $destroyer === 'ours' ? 'pecl' : 'ours', $path, $ini);
        echo "  read after destroy: ", substr_count($out, ' []'), "/3 empty\n";
    }
}
// destroying a session with a copy already missing somewhere is not an error
mc_flush_all();
run_session(php_write_sessions($ids, ['user' => 'u-%id%']), 'ours', mc_save_path(3), ['memcache.session_redundancy' => '2']);
foreach ($ids as $id) {
    mc_delete((int)mc_holders($id)[0], $id);
}
echo "partly missing: ", trim(run_session('$ids = ' . var_export($ids, true) . '; $n = 0;
foreach ($ids as $id) { session_id($id); session_start(); $n += session_destroy() ? 1 : 0; } echo "destroyed $n\n";', 'ours', mc_save_path(3), ['memcache.session_redundancy' => '2'])),
    ", left after: ", json_encode(leftovers($ids)), "\n";
mc_flush_all();
?>
--EXPECT--
redundancy 2 on 3 daemons, written by ours, destroyed by ours: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 2 on 3 daemons, written by pecl, destroyed by ours: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 2 on 3 daemons, written by ours, destroyed by pecl: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 3 on 3 daemons, written by ours, destroyed by ours: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 3 on 3 daemons, written by pecl, destroyed by ours: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 3 on 3 daemons, written by ours, destroyed by pecl: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 2, standard/fnv, with the unix daemon, written by ours, destroyed by ours: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 2, standard/fnv, with the unix daemon, written by pecl, destroyed by ours: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
redundancy 2, standard/fnv, with the unix daemon, written by ours, destroyed by pecl: destroyed 12; keys before ok, left after: none, other sessions untouched: 4/4
  read after destroy: 3/3 empty
partly missing: destroyed 12, left after: []
