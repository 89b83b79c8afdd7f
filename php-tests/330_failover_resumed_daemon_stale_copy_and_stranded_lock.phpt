--TEST--
consistency: a daemon that hangs (SIGSTOP) and resumes with its old copy and a stranded lock record: its copy is not served, its lock is not waited for, and the next write repairs it
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/proc.inc'; if (MC_SUITE_EXT === 'pecl') die('skip pecl memcache serves the resumed daemon\'s old copy (it reads its first server only)'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
[$A, $B, $C] = [11731, 11732, 11733];
foreach ([$A, $B, $C] as $p) { mc_spawn_daemon($p); }
$path = implode(', ', array_map(fn($p) => "tcp://127.0.0.1:$p?timeout=0.5&retry_interval=1", [$A, $B, $C]));
$ini = ['memcache.session_redundancy' => '2', 'memcache.lock_timeout' => '5'];
$names = [$A => 'A', $B => 'B', $C => 'C'];

// A session whose first server is A and whose mirror is B (redundancy 1 shows the first server).
$id = null;
foreach (mc_session_ids('cons330', 40) as $cand) {
    mc_flush_all([$A, $B, $C]);
    run_session('session_id(' . var_export($cand, true) . '); session_start(); $_SESSION["v"] = 0; session_write_close();', 'ours', $path, ['memcache.session_redundancy' => '1']);
    if (mc_holders($cand, [$A, $B, $C]) === [(string)$A]) {
        mc_flush_all([$A, $B, $C]);
        run_session('session_id(' . var_export($cand, true) . '); session_start(); $_SESSION["v"] = 0; session_write_close();', 'ours', $path, $ini);
        if (mc_holders($cand, [$A, $B, $C]) === [(string)$A, (string)$B]) { $id = $cand; break; }
    }
}
echo "session on A (first) and B: ", json_encode($id !== null), "\n";
$sid = 'session_id(' . var_export($id, true) . ');';
$where = function () use ($id, $A, $B, $C, $names) {
    $out = [];
    foreach ([$A, $B, $C] as $p) {
        $g = mc_get($p, $id);
        $l = mc_get($p, "$id.lock");
        $out[] = $names[$p] . '=' . ($g === null ? '-' : $g['value']) . ($l === null ? '' : '/lock ' . $l['value']);
    }
    return implode(' ', $out);
};

// 1. v=1 on A and B.
echo run_session($sid . 'session_start(); $_SESSION["v"] = 1; session_write_close(); echo "wrote 1\n";', 'ours', $path, $ini);
// 2. A hangs; a request writes v=2: it pays one timeout on A and moves on to B and C. Its lock
//    attempt stays queued in A's socket buffer.
mc_signal_daemon($A, 19);
echo run_session($sid . '$t = microtime(true); session_start(); $_SESSION["v"] = 2; @session_write_close();
printf("wrote %d while A hung, in under 1.5 s: %s\n", $_SESSION["v"], json_encode(microtime(true) - $t < 1.5));', 'ours', $path, $ini + ['display_errors' => '0']);
// 3. A resumes: it runs the queued lock attempt (a record nobody will release) and still holds v=1.
mc_signal_daemon($A, 18);
usleep(200000);
echo "after resume: ", $where(), "\n";
$stamp = fn($p) => (mc_get($p, $id)['flags'] ?? 0) >> 16;
echo "A's copy is older than B's: ", json_encode($stamp($A) > 0 && $stamp($A) !== $stamp($B)), "\n";

// 4. A request that sees A up (a fresh worker): the newest copy (B's) is served, A's lock record
//    is recognised as stranded (it guards a superseded copy) and not waited for.
echo run_session($sid . '$t = microtime(true); session_start(); $w = microtime(true) - $t;
printf("read v=%d, lock taken in under 0.5 s (not after lock_timeout = 5 s): %s\n", $_SESSION["v"], json_encode($w < 0.5)); $_SESSION["v"]++; session_write_close();
$a = memcache_session_stats()["tcp://127.0.0.1:' . $A . '"];
printf("counted on A: stale_copies=%d stranded_locks=%d read_repairs=%d\n", $a["stale_copies"], $a["stranded_locks"], $a["read_repairs"]);', 'ours', $path, $ini);
echo "after the write: ", $where(), "\n";
echo "A and B carry the same stamp: ", json_encode($stamp($A) > 0 && $stamp($A) === $stamp($B)), "\n";
// 5. pecl memcache (it reads A, the first server) sees the repaired copy.
echo "pecl reads: ", run_session($sid . 'session_start(); echo $_SESSION["v"], "\n";', 'pecl', $path, $ini);
mc_kill_spares();
?>
--CLEAN--
<?php require __DIR__ . '/proc.inc'; foreach ([11731, 11732, 11733] as $p) { try { mc_signal_daemon($p, 18); } catch (Throwable $e) {} } mc_kill_spares(); ?>
--EXPECT--
session on A (first) and B: true
wrote 1
wrote 2 while A hung, in under 1.5 s: true
after resume: A=v|i:1;/lock 1 B=v|i:2;/lock 0 C=v|i:2;/lock 0
A's copy is older than B's: true
read v=2, lock taken in under 0.5 s (not after lock_timeout = 5 s): true
counted on A: stale_copies=1 stranded_locks=1 read_repairs=0
after the write: A=v|i:3;/lock 0 B=v|i:3;/lock 0 C=v|i:2;/lock 0
A and B carry the same stamp: true
pecl reads: 3
