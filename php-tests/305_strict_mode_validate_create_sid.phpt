--TEST--
session.use_strict_mode=1: an unknown id is rejected and PHP issues a fresh one; a known id is kept; session_create_id() gives unused ids
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache has no validate_sid'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$path = mc_save_path(2);
$ini = ['session.use_strict_mode' => '1'];
echo run_session('session_id("attackerchosenid305"); session_start(); $id = session_id();
echo "unknown id replaced: ", json_encode($id !== "attackerchosenid305" && strlen($id) >= 22), "\n";
$_SESSION["u"] = 1; session_write_close(); file_put_contents(MC_DIR . "/305.id", $id);', 'ours', $path, $ini);
echo "attacker id not stored: ", json_encode(mc_holders('attackerchosenid305') === []), "\n";
$id = trim(file_get_contents(MC_DIR . '/305.id'));
echo run_session('session_id(' . var_export($id, true) . '); session_start(); echo "known id kept: ", json_encode(session_id() === ' . var_export($id, true) . '), " data: ", json_encode($_SESSION), "\n";', 'ours', $path, $ini);
echo run_session('session_start(); $ids = []; for ($i = 0; $i < 20; $i++) { $ids[] = session_create_id(); }
echo "created ids distinct: ", json_encode(count(array_unique($ids)) === 20), "\n";
$free = true; foreach ($ids as $x) { if (mc_holders($x) !== []) $free = false; } echo "none in use: ", json_encode($free), "\n";', 'ours', $path, $ini);
@unlink(MC_DIR . '/305.id');
mc_flush_all();
?>
--EXPECT--
unknown id replaced: true
attacker id not stored: true
known id kept: true data: {"u":1}
created ids distinct: true
none in use: true
