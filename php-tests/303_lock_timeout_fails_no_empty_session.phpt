--TEST--
locking: a wait that runs out of memcache.lock_timeout fails session_start() naming the session id, and the impatient request destroys nothing
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache hands out an empty session here (the bug this fixes)'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$id = 'lock303timeout';
$path = mc_save_path(2);
echo run_session('session_id("' . $id . '"); session_start(); $_SESSION["cart"] = ["apple"]; session_write_close(); echo "seeded\n";', 'ours', $path);

$flag = tempnam(sys_get_temp_dir(), 'lk303');
@unlink($flag);
// The slow request: holds the lock for 3 s, then writes its change.
$a = mc_php_start('session_id("' . $id . '"); session_start(); touch(' . var_export($flag, true) . ');
sleep(3); $_SESSION["cart"][] = "pear"; session_write_close(); echo "slow request wrote\n";', 'ours',
    ['session.save_handler' => 'memcache', 'session.save_path' => $path, 'memcache.lock_timeout' => '10'], 30);
$deadline = microtime(true) + 10;
while (!file_exists($flag) && microtime(true) < $deadline) usleep(2000);

// The impatient request: lock_timeout 1 s.
echo run_session('$t = microtime(true); session_id("' . $id . '"); $ok = session_start(); $w = microtime(true) - $t;
var_dump($ok);
echo "gave up after about lock_timeout: ", json_encode($w > 0.8 && $w < 2.5), "\n";
echo "session active: ", json_encode(session_status() === PHP_SESSION_ACTIVE), "\n";
$_SESSION["cart"] = ["EMPTY"];   // what a careless app does next
session_write_close();', 'ours', $path, ['memcache.lock_timeout' => '1']);
echo mc_php_wait($a);
echo run_session('session_id("' . $id . '"); session_start(); echo json_encode($_SESSION), "\n";', 'ours', $path);
@unlink($flag);
mc_flush_all();
?>
--EXPECTF--
seeded

Warning: session_start(): session 'lock303timeout' is locked by another request: gave up after waiting %f s (memcache.lock_timeout = 1 s); the session was not read and will not be written in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: %s) in %s on line %d
bool(false)
gave up after about lock_timeout: true
session active: false
slow request wrote
{"cart":["apple","pear"]}
