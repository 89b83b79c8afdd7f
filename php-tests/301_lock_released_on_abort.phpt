--TEST--
locking: session_abort() releases the lock at once; the next request gets the session in well under half a second (pecl holds it until lock_timeout)
--SKIPIF--
<?php require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache keeps the lock after session_abort()'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$id = 'lock301abort';
$path = mc_save_path(2);
$ini = ['session.save_handler' => 'memcache', 'session.save_path' => $path, 'memcache.lock_timeout' => '10'];
echo run_session('session_id("' . $id . '"); session_start(); $_SESSION["v"] = "kept"; session_write_close(); echo "seeded\n";', 'ours', $path);

// A: starts the session, aborts it, then keeps running for 3 s.
$flag = tempnam(sys_get_temp_dir(), 'lk301');
@unlink($flag);
$a = mc_php_start('session_id("' . $id . '"); session_start(); $_SESSION["v"] = "changed by A"; session_abort();
touch(' . var_export($flag, true) . '); sleep(3); echo "A done\n";', 'ours', $ini, 30);
$deadline = microtime(true) + 10;
while (!file_exists($flag) && microtime(true) < $deadline) usleep(2000);

// B: after A's abort, while A is still alive.
echo run_session('$t = microtime(true); session_id("' . $id . '"); var_dump(session_start());
$w = microtime(true) - $t; echo "B waited under 0.5 s: ", json_encode($w < 0.5), $w < 0.5 ? "" : " ($w s)", "\n";
echo "B sees: ", $_SESSION["v"], "\n"; session_write_close();', 'ours', $path, ['memcache.lock_timeout' => '10']);
echo mc_php_wait($a);
@unlink($flag);
mc_flush_all();
?>
--EXPECT--
seeded
bool(true)
B waited under 0.5 s: true
B sees: kept
A done
