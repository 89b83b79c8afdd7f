--TEST--
session.lazy_write=1: an unchanged session is touched on every copy and unlocked, not rewritten; a changed one is rewritten
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache has no update_timestamp: it rewrites the session'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$id = 'lazy304session';
$path = mc_save_path(3);
$ini = ['session.lazy_write' => '1', 'session.gc_maxlifetime' => '100', 'memcache.session_redundancy' => '2'];
echo run_session('session_id("' . $id . '"); session_start(); $_SESSION["a"] = 1; session_write_close(); echo "seeded\n";', 'ours', $path, $ini);
$holders = mc_holders($id);
echo "copies: ", count($holders), "\n";
$cas = function () use ($holders, $id) {
    $out = [];
    foreach ($holders as $p) {
        $r = mc_raw((int)$p, "gets $id");
        preg_match('/^VALUE \S+ \d+ \d+ (\d+)/', $r, $m);
        $out[$p] = $m[1] ?? null;
    }
    return $out;
};
$before = $cas();
$dump = mc_metadump((int)$holders[0]);
$exp1 = $dump[$id]['exp'];
sleep(2);
echo run_session('session_id("' . $id . '"); session_start(); $x = $_SESSION["a"]; var_dump(session_write_close());', 'ours', $path, ['session.gc_maxlifetime' => '500'] + $ini);
$after = $cas();
echo "not rewritten (cas unchanged on every copy): ", json_encode($before === $after), "\n";
foreach ($holders as $p) {
    $d = mc_metadump((int)$p);
    echo "expiry extended on copy: ", json_encode($d[$id]['exp'] >= $exp1 + 300), "\n";
    echo "lock released on copy: ", json_encode((mc_get((int)$p, "$id.lock")['value'] ?? '0') === '0'), "\n";
}
// A copy lost (daemon restarted empty): update_timestamp writes it back.
mc_delete((int)$holders[1], $id);
echo run_session('session_id("' . $id . '"); session_start(); var_dump(session_write_close());', 'ours', $path, $ini);
echo "lost copy restored: ", json_encode(mc_get((int)$holders[1], $id)['value'] ?? null), "\n";
// A changed session is written.
echo run_session('session_id("' . $id . '"); session_start(); $_SESSION["a"] = 2; session_write_close();', 'ours', $path, $ini);
echo "rewritten after change: ", json_encode($before !== $cas()), " ", mc_get((int)$holders[0], $id)['value'], "\n";
mc_flush_all();
?>
--EXPECT--
seeded
copies: 2
bool(true)
not rewritten (cas unchanged on every copy): true
expiry extended on copy: true
lock released on copy: true
expiry extended on copy: true
lock released on copy: true
bool(true)
lost copy restored: "a|i:1;"
rewritten after change: true a|i:2;
