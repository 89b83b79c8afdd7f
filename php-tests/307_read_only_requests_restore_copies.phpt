--TEST--
redundancy: a request that never writes (read_and_close, session_abort) still restores a copy the session lost on any of its servers
--SKIPIF--
<?php require __DIR__ . '/config.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache does not refill a lost copy'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$path = mc_save_path(3);
$ini = ['memcache.session_redundancy' => '2'];
$readers = [
    'read_and_close' => 'session_start(["read_and_close" => true]);',
    'session_abort' => 'session_start(); session_abort();',
];
foreach ($readers as $name => $read) {
    $id = "ro307" . str_replace('_', '', $name);
    echo run_session('session_id("' . $id . '"); session_start(); $_SESSION["v"] = "' . $name . '"; session_write_close();', 'ours', $path, $ini);
    $holders = mc_holders($id);
    foreach ($holders as $lost) {
        mc_delete((int)$lost, $id);
        $out = run_session('session_id("' . $id . '"); ' . $read . ' echo json_encode($_SESSION);', 'ours', $path, $ini);
        $back = mc_get((int)$lost, $id);
        echo "$name, copy lost on one of its servers: read ", $out, ", copy back: ", json_encode($back !== null && $back['value'] === 'v|s:' . strlen($name) . ':"' . $name . '";'), "\n";
    }
    $locks = array_map(fn($p) => mc_get((int)$p, "$id.lock")['value'] ?? null, mc_holders("$id.lock"));
    echo "  lock records: ", json_encode(array_values(array_unique($locks))), "\n";
}
mc_flush_all();
?>
--EXPECT--
read_and_close, copy lost on one of its servers: read {"v":"read_and_close"}, copy back: true
read_and_close, copy lost on one of its servers: read {"v":"read_and_close"}, copy back: true
  lock records: ["0"]
session_abort, copy lost on one of its servers: read {"v":"session_abort"}, copy back: true
session_abort, copy lost on one of its servers: read {"v":"session_abort"}, copy back: true
  lock records: ["0"]
