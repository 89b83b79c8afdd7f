--TEST--
memcache.protocol=binary: session handler (lock + read, mirrored write, destroy) against -B binary daemons, cross-read with pecl memcache in binary
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/config.inc'; mc_skip_under_pecl("pecl memcache's binary mode fails a server on a replace miss (the behaviour here is ours)"); ?>
--FILE--
<?php
require __DIR__ . '/binary.inc';
$A = MC_BIN_PORT;
$B = MC_BIN_PORT + 1;
mc_spawn_binary($A);
mc_spawn_binary($B);
$path = "tcp://127.0.0.1:$A, tcp://127.0.0.1:$B";
$ini = ['memcache.protocol' => 'binary', 'memcache.session_redundancy' => '2', 'memcache.lock_timeout' => '5'];
$id = 'sess211binary0001';
$sid = 'session_id(' . var_export($id, true) . ');';
$probe = function (string $label) use ($A, $B, $id) {
    // What each daemon holds, read with pecl memcache in binary, one server each.
    $code = 'error_reporting(E_ALL & ~E_DEPRECATED);';
    foreach ([$A, $B] as $p) {
        $code .= '$m = new Memcache; $m->addServer("127.0.0.1", ' . $p . '); $v = $m->get(' . var_export($id, true) . ');'
            . '$l = $m->get(' . var_export("$id.lock", true) . ');'
            // A destroyed session is gone (pecl) or a tombstone, which the API reads as "" (ours).
            . 'if ($v === "") { $v = false; }'
            . 'echo "' . $label . ' ' . ($p === $A ? 'A' : 'B') . ': data=", json_encode($v), " lock=", json_encode($l), "\n";';
    }
    return run_php($code, 'pecl', ['memcache.protocol' => 'binary']);
};

echo "-- ascii client cannot use the binary-only daemons\n";
echo run_session($sid . 'var_dump(@session_start());', 'ours', $path, ['memcache.session_redundancy' => '2']);

echo "-- ours writes\n";
echo run_session($sid . 'var_dump(session_start(), $_SESSION); $_SESSION["who"] = "ours"; $_SESSION["n"] = 1; var_dump(session_write_close());', 'ours', $path, $ini);
echo $probe('after ours');

echo "-- ours reads (lock + read) and updates\n";
echo run_session($sid . 'session_start(); var_dump($_SESSION); $_SESSION["n"]++; session_write_close();', 'ours', $path, $ini);

echo "-- pecl reads and writes\n";
echo run_session('error_reporting(E_ALL & ~E_DEPRECATED);' . $sid . 'session_start(); var_dump($_SESSION); $_SESSION["who"] = "pecl"; $_SESSION["n"]++; session_write_close();', 'pecl', $path, $ini);

echo "-- ours reads pecl's write, from the mirror when the first server lost it\n";
mc_kill_daemon($A);
echo run_session($sid . 'session_start(); var_dump($_SESSION); session_write_close();', 'ours', $path, $ini);
mc_spawn_binary($A);

echo "-- a held lock makes a second reader wait (lock record incr'd in binary)\n";
$job = run_php_async($sid . 'session_start(); usleep(1500000); $_SESSION["n"] = 100; session_write_close(); echo "holder done\n";', 'ours', $ini + ['session.save_handler' => 'memcache', 'session.save_path' => $path]);
usleep(500000);
$t = microtime(true);
echo run_session($sid . 'session_start(); var_dump($_SESSION["n"]); session_write_close();', 'ours', $path, $ini);
echo run_php_wait($job);
echo "waited: ", json_encode(microtime(true) - $t > 0.5), "\n";

echo "-- destroy\n";
echo run_session($sid . 'session_start(); var_dump(session_destroy());', 'ours', $path, $ini);
echo $probe('after destroy');
?>
--CLEAN--
<?php
require __DIR__ . '/binary.inc';
mc_kill_daemon(MC_BIN_PORT);
mc_kill_daemon(MC_BIN_PORT + 1);
?>
--EXPECTF--
-- ascii client cannot use the binary-only daemons
bool(false)
-- ours writes
bool(true)
array(0) {
}
bool(true)
after ours A: data="who|s:4:\"ours\";n|i:1;" lock=0
after ours B: data="who|s:4:\"ours\";n|i:1;" lock=0
-- ours reads (lock + read) and updates
array(2) {
  ["who"]=>
  string(4) "ours"
  ["n"]=>
  int(1)
}
-- pecl reads and writes
array(2) {
  ["who"]=>
  string(4) "ours"
  ["n"]=>
  int(2)
}
-- ours reads pecl's write, from the mirror when the first server lost it
array(2) {
  ["who"]=>
  string(4) "pecl"
  ["n"]=>
  int(3)
}
-- a held lock makes a second reader wait (lock record incr'd in binary)
int(100)
holder done
waited: true
-- destroy
bool(true)
after destroy A: data=false lock=false
after destroy B: data=false lock=false