--TEST--
ZTS: two PHP threads in one process (embed SAPI + pthreads, stepped in lock-step): an ini_set of memcache.* in one thread changes that thread's sessions only, PHP's and ours alike; both threads hold a session open (and locked) at the same time and each writes, reads back and unlocks its own
--SKIPIF--
<?php
require __DIR__ . '/config.inc';
if (!PHP_ZTS) die('skip needs a thread-safe (ZTS) PHP: the CI leg zts-debug (scripts/zts-debug.sh) builds one');
$cfg = dirname(PHP_BINARY) . '/php-config';
if (!is_executable($cfg)) die("skip no php-config beside " . PHP_BINARY);
$prefix = trim((string)shell_exec(escapeshellarg($cfg) . ' --prefix'));
if (!glob("$prefix/lib{,/php}/libphp.so", GLOB_BRACE)) die("skip this PHP has no embed SAPI (libphp.so; --enable-embed)");
if (trim((string)shell_exec('command -v cc')) === '') die('skip no C compiler');
?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();

// ---- the threaded host: tests/zts/threads.c, built against this PHP -----------------------------
$cfg = dirname(PHP_BINARY) . '/php-config';
$prefix = trim(shell_exec(escapeshellarg($cfg) . ' --prefix'));
$libdir = dirname(glob("$prefix/lib{,/php}/libphp.so", GLOB_BRACE)[0]);
@mkdir(MC_DIR, 0777, true);
$bin = MC_DIR . '/zts-threads';
$cc = 'cc -O0 -g -Wall -Werror -o ' . escapeshellarg($bin) . ' ' . escapeshellarg(__DIR__ . '/../tests/zts/threads.c')
    . ' ' . trim(shell_exec(escapeshellarg($cfg) . ' --includes'))
    . ' -L' . escapeshellarg($libdir) . ' -Wl,-rpath,' . escapeshellarg($libdir) . ' -lphp -lpthread 2>&1';
exec($cc, $ccOut, $rc);
echo $rc === 0 ? "built the threaded host\n" : "cc failed: " . implode("\n", $ccOut) . "\n";

// ---- its php.ini (the embed SAPI reads $PHPRC/php.ini) -------------------------------------------
$iniDir = MC_DIR . '/zts700';
@mkdir($iniDir, 0777, true);
$ini = [
    'extension' => mc_ext_path('ours'),
    'session.save_handler' => 'memcache',
    'session.save_path' => mc_save_path(3),
    'session.use_cookies' => '0',
    'session.cache_limiter' => '',
    'session.use_strict_mode' => '0',
    'memcache.session_redundancy' => '2',
    'memcache.lock_timeout' => '5',
    'display_errors' => '1',
    'error_reporting' => (string)E_ALL,
    'log_errors' => '0',
];
file_put_contents("$iniDir/php.ini", implode("\n", array_map(fn($k, $v) => "$k=" . mc_ini_quote($v), array_keys($ini), $ini)) . "\n");

// ---- what every thread runs -------------------------------------------------------------------------
// Thread 0 changes its memcache.* settings while thread 1 runs; then both open a session and
// hold it open together; each says where its session went (key prefix = which settings applied,
// number of daemons = which redundancy) and reads it back.
$script = "$iniDir/thread.php";
file_put_contents($script, '<?php
require ' . var_export(__DIR__ . '/config.inc', true) . ';
$t = zts_thread();
$id = "zts700s$t";
$say = [];
$ini = fn() => "prefix " . json_encode(ini_get("memcache.session_prefix_static_key")) . ", redundancy " . ini_get("memcache.session_redundancy");
$say[] = "start: " . $ini();
zts_barrier();
if ($t === 0) {
    ini_set("memcache.session_prefix_static_key", "t0_");
    ini_set("memcache.session_redundancy", "1");
}
zts_barrier();                         // thread 0 has changed its own settings
$say[] = "after thread 0 ini_set: " . $ini();
session_id($id);
$opened = session_start();
$_SESSION["thread"] = $t;
zts_barrier();                         // both sessions open (locked) at once
$keys = ["$id", "t0_$id"];
$locked = fn($k) => count(array_filter(MC_PORTS, fn($d) => (mc_get($d, "$k.lock")["value"] ?? null) === "1"));
$say[] = "open: " . json_encode($opened) . ", $keys[0] locked on " . $locked($keys[0]) . " daemons, $keys[1] on " . $locked($keys[1]);
zts_barrier();
$closed = session_write_close();
zts_barrier();                         // both written and unlocked
foreach ($keys as $k) {
    $say[] = "written " . json_encode($closed) . ": $k on " . count(mc_holders($k)) . " daemons, lock " . json_encode(array_values(array_unique(array_filter(array_map(fn($d) => mc_get($d, "$k.lock")["value"] ?? null, MC_PORTS), "is_string"))));
}
session_id($id);
session_start();
$say[] = "read back: " . json_encode($_SESSION);
session_write_close();
for ($i = 0; $i < 2; $i++) {          // print in thread order
    zts_barrier();
    if ($i === $t) { foreach ($say as $line) { echo "thread $t ", $line, "\n"; } }
}
');

$env = getenv() + ['PHPRC' => $iniDir];
$env['PHPRC'] = $iniDir;
$p = proc_open(['/usr/bin/timeout', '-s', 'KILL', '60', $bin, '2', $script], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, $env);
$out = stream_get_contents($pipes[1]);
$rc = proc_close($p);
echo $out, "exit $rc\n";
mc_flush_all();
?>
--CLEAN--
<?php
require __DIR__ . '/config.inc';
@unlink(MC_DIR . '/zts-threads');
@unlink(MC_DIR . '/zts700/php.ini');
@unlink(MC_DIR . '/zts700/thread.php');
@rmdir(MC_DIR . '/zts700');
?>
--EXPECT--
built the threaded host
thread 0 start: prefix "", redundancy 2
thread 0 after thread 0 ini_set: prefix "t0_", redundancy 1
thread 0 open: true, zts700s0 locked on 0 daemons, t0_zts700s0 on 1
thread 0 written true: zts700s0 on 0 daemons, lock []
thread 0 written true: t0_zts700s0 on 1 daemons, lock ["0"]
thread 0 read back: {"thread":0}
thread 1 start: prefix "", redundancy 2
thread 1 after thread 0 ini_set: prefix "", redundancy 2
thread 1 open: true, zts700s1 locked on 2 daemons, t0_zts700s1 on 0
thread 1 written true: zts700s1 on 2 daemons, lock ["0"]
thread 1 written true: t0_zts700s1 on 0 daemons, lock []
thread 1 read back: {"thread":1}
exit 0
