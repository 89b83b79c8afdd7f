--TEST--
memcache_session_stats(): per-process, per-server state and counters (requests, failures and down state, failovers, lock waits, read-repairs)
--SKIPIF--
<?php
require __DIR__ . '/config.inc';
if (MC_SUITE_EXT === 'pecl') echo "skip memcache_session_stats() is php-memcache's own (pecl memcache has none)";
?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_require_daemons();
mc_flush_all();

$P1 = 'tcp://' . MC_HOST . ':' . MC_PORT1;
$P2 = 'tcp://' . MC_HOST . ':' . MC_PORT2;
$DEAD = 'tcp://' . MC_HOST . ':' . MC_DEAD_PORT;

$code = <<<'PHP'
$P1 = 'tcp://' . MC_HOST . ':' . MC_PORT1;
$P2 = 'tcp://' . MC_HOST . ':' . MC_PORT2;
$DEAD = 'tcp://' . MC_HOST . ':' . MC_DEAD_PORT;

// ---- a fresh process knows no server
var_dump(memcache_session_stats());

// ---- 1. sessions on two daemons (session_redundancy = 2): both get requests, both up
session_save_path("$P1, $P2");
$ids = mc_session_ids('s510', 4);
foreach ($ids as $id) {
    session_id($id);
    session_start();
    $_SESSION['n'] = 1;
    session_write_close();
}
$s = memcache_session_stats();
ksort($s);
echo "servers: ", implode(' ', array_keys($s)), "\n";
echo "keys: ", implode(',', array_keys($s[$P1])), "\n";
foreach ([$P1, $P2] as $p) {
    $e = $s[$p];
    printf("%s: state=%s down_until=%s requests>0=%d failures=%d connects>0=%d lock_waits=%d lock_wait_time=%s read_repairs=%d last_error=%s\n",
        mc_name($p), $e['state'], var_export($e['down_until'], true), $e['requests'] > 0, $e['failures'],
        $e['connects'] > 0, $e['lock_waits'], var_export($e['lock_wait_time'], true), $e['read_repairs'],
        var_export($e['last_error'], true));
    echo "  types: ", implode(',', array_map('get_debug_type', $e)), "\n";
}
$before = $s;

// ---- 2. a dead daemon first in the path: one failure, marked down for its retry_interval
// (one copy is all two daemons with one dead can hold)
ini_set('memcache.session_redundancy', '1');
session_save_path("$DEAD?retry_interval=30, $P1");
foreach (mc_session_ids('s510dead', 8) as $id) {
    session_id($id);
    if (!session_start()) { echo "session_start failed for $id\n"; continue; }
    $_SESSION['n'] = 2;
    session_write_close();
}
$s = memcache_session_stats();
$d = $s[$DEAD];
$left = $d['down_until'] - microtime(true);
printf("dead: state=%s failures=%d failovers=%d down for 25..30 s: %s last_error is a string: %s connects=%d\n",
    $d['state'], $d['failures'], $d['failovers'], var_export($left > 25 && $left <= 30.5, true),
    var_export(is_string($d['last_error']) && $d['last_error'] !== '', true), $d['connects']);
echo "P1 still up: ", $s[$P1]['state'], ", failures ", $s[$P1]['failures'], "\n";
ini_set('memcache.session_redundancy', '2');

// ---- 3. a lock wait: another request holds the session lock for ~0.3 s
session_save_path($P1);
$id = mc_session_ids('s510lock', 1)[0];
$lock = "$id.lock";
mc_raw(MC_PORT1, "set $lock 0 15 1\r\n1");
$releaser = proc_open([PHP_BINARY, '-n', '-r',
    'usleep(300000); $s = stream_socket_client("tcp://' . MC_HOST . ':' . MC_PORT1 . '"); fwrite($s, "set ' . $lock . ' 0 15 1\r\n0\r\n"); fgets($s);'],
    [], $pipes);
$t = microtime(true);
session_id($id);
var_dump(session_start());
$waited = microtime(true) - $t;
session_write_close();
proc_close($releaser);
$e = memcache_session_stats()[$P1];
printf("lock: lock_waits=%d (was %d), lock_wait_time %s (waited %s)\n",
    $e['lock_waits'], $before[$P1]['lock_waits'],
    $e['lock_wait_time'] >= 0.2 && $e['lock_wait_time'] <= $waited + 0.01 ? 'matches the wait' : 'WRONG: ' . $e['lock_wait_time'],
    $waited >= 0.25 ? '>= 0.25 s' : 'WRONG: ' . $waited);

// ---- 4. a read-repair: the copy on the session's first daemon vanishes
session_save_path("$P1, $P2");
$id = mc_session_ids('s510repair', 1)[0];
session_id($id);
session_start();
$_SESSION['user'] = 'alice';
// every copy is read under the lock: the one on P1 vanishes (first server or mirror alike)
$firstPort = MC_PORT1;
session_write_close();
$firstUrl = 'tcp://' . MC_HOST . ':' . $firstPort;
$r0 = memcache_session_stats()[$firstUrl]['read_repairs'];
mc_delete($firstPort, $id);
session_id($id);
session_start();
echo "read after the copy vanished: ", json_encode($_SESSION), "\n";
session_write_close();
$s = memcache_session_stats();
echo "read_repairs on the first daemon: ", $s[$firstUrl]['read_repairs'] - $r0, "\n";
echo "total read_repairs: ", array_sum(array_column($s, 'read_repairs')), "\n";
echo "copy restored there: ", var_export(mc_get($firstPort, $id) !== null, true), "\n";
PHP;

echo run_php($code, 'ours', [
    'session.save_handler' => 'memcache',
    'memcache.session_redundancy' => '2',
    'memcache.allow_failover' => '1',
    'memcache.lock_timeout' => '5',
]);
?>
--EXPECTF--
array(0) {
}
servers: tcp://127.0.0.1:%d tcp://127.0.0.1:%d
keys: state,down_until,requests,failures,failovers,lock_waits,lock_wait_time,read_repairs,stale_copies,stranded_locks,connects,last_error
%d: state=up down_until=NULL requests>0=1 failures=0 connects>0=1 lock_waits=0 lock_wait_time=0.0 read_repairs=0 last_error=NULL
  types: string,null,int,int,int,int,float,int,int,int,int,null
%d: state=up down_until=NULL requests>0=1 failures=0 connects>0=1 lock_waits=0 lock_wait_time=0.0 read_repairs=0 last_error=NULL
  types: string,null,int,int,int,int,float,int,int,int,int,null
dead: state=down failures=1 failovers=1 down for 25..30 s: true last_error is a string: true connects=1
P1 still up: up, failures 0
bool(true)
lock: lock_waits=1 (was 0), lock_wait_time matches the wait (waited >= 0.25 s)
read after the copy vanished: {"user":"alice"}
read_repairs on the first daemon: 1
total read_repairs: 1
copy restored there: true
