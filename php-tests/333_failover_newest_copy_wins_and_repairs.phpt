--TEST--
consistency: when a session's copies disagree the newest (by write stamp) is served wherever it is, and the same request repairs the others, read-only requests too; copies pecl wrote (no stamp) are read as pecl reads them
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip write stamps are ours'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$path = mc_save_path(3);
$ini = ['memcache.session_redundancy' => '2'];
$ids = mc_session_ids('cons333', 2);
echo run_session(php_write_sessions($ids, ['v' => 'old']), 'ours', $path, $ini);
$show = function (string $id, array $where) {
    return implode(' ', array_map(function ($p) use ($id) {
        $g = mc_get((int)$p, $id);
        return $g === null ? '-' : $g['value'] . '@' . ($g['flags'] >> 16 > 0 ? 'stamped' : 'unstamped');
    }, $where));
};
foreach (['read_and_close' => 'session_start(["read_and_close" => true]);', 'session_abort' => 'session_start(); session_abort();'] as $how => $code) {
    $id = array_shift($ids);
    $where = mc_holders($id);
    [$first, $second] = array_map('intval', $where);
    // The second server got a write the first one missed: a newer stamp, other data.
    $old = mc_get($first, $id);
    $newer = (($old['flags'] >> 16) + 5) % 65535 + 1;
    mc_set($second, $id, 'v|s:3:"new";', $newer << 16);
    echo "$how, before: ", $show($id, $where), "\n";
    echo run_session('session_id(' . var_export($id, true) . '); ' . $code . ' echo "  served: ", $_SESSION["v"], "\n";', 'ours', $path, $ini);
    echo "  after: ", $show($id, $where), "; same flags: ", json_encode(mc_get($first, $id)['flags'] === mc_get($second, $id)['flags']),
        "; locks released: ", json_encode(array_map(fn($p) => mc_get((int)$p, "$id.lock")['value'] ?? null, $where)), "\n";
    echo "  pecl reads: ", run_session('session_id(' . var_export($id, true) . '); session_start(); echo $_SESSION["v"], "\n";', 'pecl', $path, $ini);
}
// pecl wrote both copies (no stamps); one copy changed behind everybody's back, stamped. Copies
// that cannot be ordered are read as pecl reads them: the first server's.
$id = 'cons333pecl';
echo run_session(php_write_sessions([$id], ['v' => 'pecl']), 'pecl', $path, $ini);
[$first, $second] = array_map('intval', mc_holders($id));
mc_set($second, $id, 'v|s:5:"other";', 9 << 16);
echo "pecl-written: ", run_session('session_id("cons333pecl"); session_start(["read_and_close" => true]); echo "ours serves ", $_SESSION["v"], "\n";', 'ours', $path, $ini);
echo run_session('session_id("cons333pecl"); session_start(["read_and_close" => true]); echo "pecl serves ", $_SESSION["v"], "\n";', 'pecl', $path, $ini);
mc_flush_all();
?>
--EXPECT--
wrote 2
read_and_close, before: v|s:3:"old";@stamped v|s:3:"new";@stamped
  served: new
  after: v|s:3:"new";@stamped v|s:3:"new";@stamped; same flags: true; locks released: ["0","0"]
  pecl reads: new
session_abort, before: v|s:3:"old";@stamped v|s:3:"new";@stamped
  served: new
  after: v|s:3:"new";@stamped v|s:3:"new";@stamped; same flags: true; locks released: ["0","0"]
  pecl reads: new
wrote 1
pecl-written: ours serves pecl
pecl serves pecl
