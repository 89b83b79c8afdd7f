--TEST--
session placement with redundancy 2 is identical to pecl memcache (crc32/fnv x consistent/standard, weights, unix socket, prefix); sessions cross-read both ways
--FILE--
<?php
require __DIR__ . '/config.inc';

$ids = mc_session_ids('s012', 20);
// one large session: pecl zlib-compresses data of >= memcache.compress_threshold bytes (flags 2)
$data = ['user' => 'u-%id%', 'n' => 7, 'when' => 'fixed'];
$bigId = $ids[3];

$setups = [
    'crc32/consistent'   => [mc_save_path(3), ['memcache.hash_function' => 'crc32', 'memcache.hash_strategy' => 'consistent']],
    'fnv/consistent'     => [mc_save_path(3), ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'consistent']],
    'crc32/standard'     => [mc_save_path(3), ['memcache.hash_function' => 'crc32', 'memcache.hash_strategy' => 'standard']],
    'fnv/standard'       => [mc_save_path(3), ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'standard']],
    // weights, a unix socket server, bare host:port, whitespace-only separators
    'crc32/consistent weighted+unix' => [
        'tcp://' . MC_HOST . ':' . MC_PORT1 . '  tcp://' . MC_HOST . ':' . MC_PORT2 . '?weight=3&timeout=2, unix://' . MC_SOCK,
        ['memcache.hash_function' => 'crc32', 'memcache.hash_strategy' => 'consistent']],
    'fnv/standard weighted+unix' => [
        // (pecl refuses a bare host:port WITH ?parameters; a bare one without is fine)
        'tcp://' . MC_HOST . ':' . MC_PORT1 . '?weight=2,unix://' . MC_SOCK . ', ' . MC_HOST . ':' . MC_PORT3,
        ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'standard']],
    // a non-ASCII static prefix: fnv sign-extends bytes >= 0x80
    "fnv/consistent prefix" => [mc_save_path(3), ['memcache.hash_function' => 'fnv', 'memcache.hash_strategy' => 'consistent',
        'memcache.session_prefix_static_key' => "pr\xc3\xa9fix_"]],
];

/** Snapshot of every daemon: [daemon => [key => [value, flags]]], session keys only. */
function snapshot(array $ids): array
{
    $snap = [];
    foreach (mc_all_targets() as $t) {
        $items = [];
        foreach (mc_metadump($t) as $k => $meta) {
            $g = mc_get($t, $k);
            if ($g !== null) {
                $items[$k] = [$g['value'], $g['flags']];
            }
        }
        ksort($items);
        $snap[mc_name($t)] = $items;
    }
    return $snap;
}

function placement(array $snap): array
{
    $p = [];
    foreach ($snap as $d => $items) {
        foreach ($items as $k => $_) {
            if (substr($k, -5) !== '.lock') {
                $p[$k][] = $d;
            }
        }
    }
    ksort($p);
    return $p;
}

function only(array $snap, bool $locks): array
{
    foreach ($snap as $d => $items) {
        foreach ($items as $k => $_) {
            if ((substr($k, -5) === '.lock') !== $locks) {
                unset($snap[$d][$k]);
            }
        }
    }
    return $snap;
}

/** A short, printable description of a stored item or placement (values can be 50 KB of zlib). */
function describe($v): string
{
    if (is_array($v) && count($v) === 2 && is_string($v[0]) && is_int($v[1])) {
        $head = substr($v[0], 0, 24);
        return 'flags ' . $v[1] . ', ' . strlen($v[0]) . ' bytes ' . json_encode(preg_match('//u', $head) ? $head : bin2hex($head));
    }
    return json_encode($v);
}

function first_difference(array $a, array $b): string
{
    foreach (array_unique(array_merge(array_keys($a), array_keys($b))) as $k) {
        if (($a[$k] ?? null) !== ($b[$k] ?? null)) {
            return "$k: pecl " . describe($a[$k] ?? null) . " vs ours " . describe($b[$k] ?? null);
        }
    }
    return '';
}

$writeCode = php_write_sessions($ids, $data) . '
session_id(' . var_export($bigId, true) . '); session_start(); $_SESSION["blob"] = str_repeat("session blob ", 4000); session_write_close();';

foreach ($setups as $name => [$path, $ini]) {
    $ini['memcache.session_redundancy'] = '2';
    $snaps = [];
    foreach (mc_writers() as $w) {
        mc_flush_all();
        $out = run_session($writeCode, $w, $path, $ini);
        if (trim($out) !== 'wrote 20') {
            echo "$name: $w writer said: ", substr($out, 0, 400), "\n";
        }
        $snaps[$w] = snapshot($ids);
    }
    $pp = placement($snaps['pecl']);
    $po = placement($snaps['ours']);
    $copies = array_sum(array_map('count', $pp));
    $used = count(array_filter($snaps['pecl'], 'count'));
    echo "$name: ", count($pp), " sessions, $copies copies on $used daemons; placement ",
        $pp === $po ? 'same' : 'DIFFERS (' . first_difference($pp, $po) . ')', "\n";
    // pecl's flags are the low 16 bits; ours add a write stamp above them, which pecl's reader
    // ignores (docs/DESIGN.md "Consistency under failover"): compare pecl's part, check the stamp.
    $low = fn(array $snap) => array_map(fn($items) => array_map(fn($v) => [$v[0], $v[1] & 0xffff], $items), $snap);
    $dp = $low(only($snaps['pecl'], false));
    $do = $low(only($snaps['ours'], false));
    echo "  stored bytes and flags: ", $dp === $do ? 'same' : 'DIFFER (' . first_difference(array_merge(...array_values($dp)), array_merge(...array_values($do))) . ')', "\n";
    $stamped = array_merge(...array_values(array_map(fn($items) => array_map(fn($v) => ($v[1] >> 16) > 0, $items), only($snaps['ours'], false))));
    echo "  write stamps: ", json_encode(MC_SUITE_EXT === 'pecl' ? !in_array(true, $stamped, true) : !in_array(false, $stamped, true)), "\n";
    $lp = only($snaps['pecl'], true);
    $lo = only($snaps['ours'], true);
    echo "  lock records: ", $lp === $lo ? 'same' : 'DIFFER (' . first_difference(array_merge(...array_values($lp)), array_merge(...array_values($lo))) . ')', "\n";

    // cross-read: written by one extension, read by the other
    foreach ([['pecl', 'ours'], ['ours', 'pecl']] as [$writer, $reader]) {
        mc_flush_all();
        run_session($writeCode, $writer, $path, $ini);
        $out = run_session(php_read_sessions($ids) . '
session_id(' . var_export($bigId, true) . '); session_start(); echo "blob ", strlen($_SESSION["blob"] ?? ""), "\n";', $reader, $path, $ini);
        $ok = 0;
        $bad = [];
        foreach (explode("\n", trim($out)) as $line) {
            if (preg_match('/^(\S+) (\{.*\})$/', $line, $m)
                && ($s = json_decode($m[2], true)) && ($s['user'] ?? null) === 'u-' . $m[1] && ($s['n'] ?? null) === 7) {
                $ok++;
            } elseif ($line !== 'blob 52000') {
                $bad[] = $line;
            }
        }
        echo "  written by $writer, read by $reader: $ok/20", strpos($out, "blob 52000") !== false ? ', large session ok' : ', LARGE SESSION LOST', $bad ? ' ' . json_encode(array_slice($bad, 0, 3)) : '', "\n";
    }
}
mc_flush_all();
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
fnv/standard weighted+unix: 20 sessions, 40 copies on 3 daemons; placement same
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
