--TEST--
redundancy 2: a session whose copy on its first server is gone (deleted directly) is still read from the mirror, and the mirror is not overwritten with an empty session
--SKIPIF--
<?php require_once __DIR__ . '/config.inc';
mc_skip_without_reference();
mc_skip_under_pecl('pecl memcache 4.0.5.2 does not read the mirror when the first server misses (it returns an empty session and writes it back over the mirror)');
?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$ids = mc_session_ids('s013', 20);
$path = mc_save_path(3);
$ini = ['memcache.session_redundancy' => '2'];

// pecl memcache is the oracle for "first server": with session_redundancy=1 it writes a session
// to the first server of its failover sequence only.
mc_flush_all();
run_session(php_write_sessions($ids, ['x' => 1]), 'pecl', $path, ['memcache.session_redundancy' => '1']);
$first = [];
foreach ($ids as $id) {
    $h = mc_holders($id);
    $first[$id] = count($h) === 1 ? (int)$h[0] : null;
}
echo "first servers known: ", count(array_filter($first)), "/20\n";

$cases = [
    'data on the first server deleted'          => fn($id, $first, $mirror) => mc_delete($first, $id),
    'data and lock on the first server deleted' => fn($id, $first, $mirror) => mc_delete($first, $id) && (mc_delete($first, "$id.lock") || true),
    'data on the mirror deleted'                => fn($id, $first, $mirror) => mc_delete($mirror, $id),
];
foreach ($cases as $name => $lose) {
    foreach (mc_writers() as $writer) {
        mc_flush_all();
        run_session(php_write_sessions($ids, ['user' => 'u-%id%', 'writer' => $writer]), $writer, $path, $ini);
        $lost = 0;
        foreach ($ids as $id) {
            $holders = array_map('intval', mc_holders($id));
            $mirror = array_values(array_diff($holders, [$first[$id]]))[0] ?? null;
            if (count($holders) !== 2 || $mirror === null || !in_array($first[$id], $holders, true)) {
                echo "$id: unexpected holders ", json_encode($holders), " (first ", $first[$id], ")\n";
                continue;
            }
            $lost += $lose($id, $first[$id], $mirror) ? 1 : 0;
        }
        $out = run_session(php_read_sessions($ids), 'ours', $path, $ini);
        $ok = 0;
        foreach ($ids as $id) {
            $ok += strpos($out, "$id {\"user\":\"u-$id\",\"writer\":\"$writer\"}") !== false ? 1 : 0;
        }
        // after the read (and its write at session close) no copy anywhere is an empty session
        $intact = 0;
        foreach ($ids as $id) {
            $copies = 0;
            $good = 0;
            foreach (MC_PORTS as $p) {
                if (($g = mc_get($p, $id)) !== null) {
                    $copies++;
                    $good += strpos($g['value'], "u-$id") !== false ? 1 : 0;
                }
            }
            $intact += ($copies >= 1 && $good === $copies) ? 1 : 0;
        }
        echo "$name (written by $writer, $lost copies removed): read by ours $ok/20, copies intact $intact/20\n";
    }
}
mc_flush_all();
?>
--EXPECT--
first servers known: 20/20
data on the first server deleted (written by pecl, 20 copies removed): read by ours 20/20, copies intact 20/20
data on the first server deleted (written by ours, 20 copies removed): read by ours 20/20, copies intact 20/20
data and lock on the first server deleted (written by pecl, 20 copies removed): read by ours 20/20, copies intact 20/20
data and lock on the first server deleted (written by ours, 20 copies removed): read by ours 20/20, copies intact 20/20
data on the mirror deleted (written by pecl, 20 copies removed): read by ours 20/20, copies intact 20/20
data on the mirror deleted (written by ours, 20 copies removed): read by ours 20/20, copies intact 20/20
