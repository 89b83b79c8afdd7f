--TEST--
session_regenerate_id() with and without delete, and session_destroy(): copies and lock records on every server
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$path = mc_save_path(3);
$ini = ['memcache.session_redundancy' => '2'];
$state = function (string $id) {
    $data = count(mc_session_holders($id));
    $locks = [];
    foreach (mc_holders("$id.lock") as $p) { $locks[] = mc_get((int)$p, "$id.lock")['value']; }
    sort($locks);
    return "copies=$data locks=" . json_encode($locks);
};
foreach (['delete' => 'true', 'keep' => 'false'] as $name => $arg) {
    $old = "regen306$name";
    echo run_session('session_id("' . $old . '"); session_start(); $_SESSION["v"] = "' . $name . '"; session_write_close();
session_id("' . $old . '"); session_start(); session_regenerate_id(' . $arg . '); file_put_contents(MC_DIR . "/306.id", session_id()); session_write_close();', 'ours', $path, $ini);
    $new = trim(file_get_contents(MC_DIR . '/306.id'));
    echo "$name: old ", $state($old), "; new ", $state($new), "\n";
    echo run_session('session_id(' . var_export($new, true) . '); $t = microtime(true); session_start(); echo "  new readable at once: ", json_encode(microtime(true) - $t < 0.5), " ", json_encode($_SESSION), "\n";', 'ours', $path, $ini);
    echo run_session('session_id("' . $old . '"); $t = microtime(true); session_start(); echo "  old unlocked: ", json_encode(microtime(true) - $t < 0.5), " ", json_encode($_SESSION), "\n";', 'ours', $path, $ini);
}
$id = 'destroy306';
echo run_session('session_id("' . $id . '"); session_start(); $_SESSION["v"] = 1; session_write_close(); session_id("' . $id . '"); session_start(); var_dump(session_destroy());', 'ours', $path, $ini);
echo "destroyed: ", $state($id), "\n";
@unlink(MC_DIR . '/306.id');
mc_flush_all();
?>
--EXPECT--
delete: old copies=0 locks=[]; new copies=2 locks=["0","0"]
  new readable at once: true {"v":"delete"}
  old unlocked: true []
keep: old copies=2 locks=["0","0"]; new copies=2 locks=["0","0"]
  new readable at once: true {"v":"keep"}
  old unlocked: true {"v":"keep"}
bool(true)
destroyed: copies=0 locks=[]
