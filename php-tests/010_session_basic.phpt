--TEST--
session basics: write in one process, read back in another; stored with expiry gc_maxlifetime, pecl's flags 0 (plus our write stamp above them), lock record released
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$id = 'sess010basic0001';
$ini = ['session.gc_maxlifetime' => '1234', 'memcache.lock_timeout' => '7'];

// 1. a fresh id reads as an empty session
echo run_session('session_id(' . var_export($id, true) . '); var_dump(session_start(), $_SESSION); session_write_close();',
    'ours', mc_save_path(1), $ini);

// 2. write
echo run_session('session_id(' . var_export($id, true) . '); session_start();
$_SESSION["user"] = "alice"; $_SESSION["n"] = 42; $_SESSION["bin"] = "a\0b\r\nEND\r\n";
var_dump(session_write_close());', 'ours', mc_save_path(1), $ini);
$now = time();

// 3. what the daemon holds
$g = mc_get(MC_PORT1, $id);
// pecl's flags live in the low 16 bits (0: plain session string); ours add a write stamp above
// them (docs/DESIGN.md "Consistency under failover"), which pecl's reader ignores.
echo json_encode(['value' => $g['value'] ?? null, 'flags' => ($g['flags'] ?? -1) & 0xffff]), "\n";
$stamp = ($g['flags'] ?? 0) >> 16;
echo "write stamp: ", json_encode(MC_SUITE_EXT === 'pecl' ? $stamp === 0 : $stamp > 0), "\n";
$dump = mc_metadump(MC_PORT1);
$exp = $dump[$id]['exp'] ?? null;
$ok = $exp !== null && abs($exp - ($now + 1234)) <= 3;
echo "data expiry ~ now+gc_maxlifetime: ", json_encode($ok), $ok ? '' : ' (got ' . ($exp === null ? 'no item' : ($exp == -1 ? 'no expiry' : 'now+' . ($exp - $now))) . ')', "\n";
$lock = mc_get(MC_PORT1, "$id.lock");
echo "lock record after write: ", json_encode($lock === null ? null : $lock['value']), "\n";
if ($lock !== null) {
    $lexp = $dump["$id.lock"]['exp'] ?? null;
    echo "lock expiry ~ now+lock_timeout: ", json_encode($lexp !== null && abs($lexp - ($now + 7)) <= 3), "\n";
}
$keys = array_keys($dump);
sort($keys);
echo "keys on the daemon: ", json_encode($keys), "\n";
echo "other daemons empty: ", json_encode(mc_holders($id) === [(string)MC_PORT1] && mc_metadump(MC_PORT2) === [] && mc_metadump(MC_PORT3) === []), "\n";

// 4. read back in another process, with both extensions
foreach (mc_writers() as $w) {
    echo "$w reads: ", run_session('session_id(' . var_export($id, true) . '); session_start(); echo json_encode($_SESSION), "\n"; session_write_close();',
        $w, mc_save_path(1), $ini);
}

// 5. a large session (over memcache.compress_threshold) round-trips, over the unix socket too
foreach (['tcp' => mc_save_path(1), 'unix' => 'unix://' . MC_SOCK] as $name => $path) {
    $big = 'big' . $name;
    echo run_session('session_id(' . var_export($big, true) . '); session_start(); $_SESSION["blob"] = str_repeat("0123456789abcdef", 20000); $_SESSION["tail"] = "end"; session_write_close(); echo "written\n";',
        'ours', $path, $ini);
    echo "$name: ", run_session('session_id(' . var_export($big, true) . '); session_start(); echo strlen($_SESSION["blob"] ?? ""), " ", $_SESSION["tail"] ?? "-", "\n";',
        'ours', $path, $ini);
}
echo "unix daemon holds the unix session: ", json_encode(mc_get(MC_SOCK, 'bigunix') !== null), "\n";
mc_flush_all();
?>
--EXPECT--
bool(true)
array(0) {
}
bool(true)
{"value":"user|s:5:\"alice\";n|i:42;bin|s:10:\"a\u0000b\r\nEND\r\n\";","flags":0}
write stamp: true
data expiry ~ now+gc_maxlifetime: true
lock record after write: "0"
lock expiry ~ now+lock_timeout: true
keys on the daemon: ["sess010basic0001","sess010basic0001.lock"]
other daemons empty: true
pecl reads: {"user":"alice","n":42,"bin":"a\u0000b\r\nEND\r\n"}
ours reads: {"user":"alice","n":42,"bin":"a\u0000b\r\nEND\r\n"}
written
tcp: 320000 end
written
unix: 320000 end
unix daemon holds the unix session: true
