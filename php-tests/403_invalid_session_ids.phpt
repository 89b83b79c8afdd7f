--TEST--
hardening: unusual session ids set with session_id() (control bytes, DEL, UTF-8, commas, dots and slashes, the longest that fits, one byte too long) are stored under pecl memcache's key (bytes <= 0x20 become '_'), readable by pecl memcache; an id too long for its lock record fails with a warning saying so
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages; pecl is the reader here'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$path = mc_save_path(1);
$ids = [
    'control byte' => "a\x01b",
    'DEL'          => "x\x7fy",
    'UTF-8'        => "ключ",
    'comma dash'   => 'a,b-c',
    'dots slashes' => '../../etc/passwd',
    '245 bytes'    => str_repeat('L', 245),
    '246 bytes'    => str_repeat('M', 246),
];
$code = '
$W = [];
set_error_handler(function ($no, $msg) use (&$W) { $W[] = $msg; return true; });
foreach (' . var_export($ids, true) . ' as $label => $id) {
    session_id($id);
    $r = session_start();
    if ($r) { $_SESSION["label"] = $label; session_write_close(); }
    echo "[$label] start=", var_export($r, true), "\n";
    foreach ($W as $w) { echo "  ", strlen($w) > 200 ? substr($w, 0, 60) . "..." . substr($w, -90) : $w, "\n"; }
    $W = [];
}';
echo run_session($code, 'ours', $path);
foreach ($ids as $label => $id) {
    $key = preg_replace('/[\x00-\x20]/', '_', $id);
    $held = mc_get(MC_PORT1, $key);
    $read = strlen($id) > 245 ? '(not tried)' : trim(run_session('session_id(' . var_export($id, true) . '); session_start(); echo json_encode($_SESSION["label"] ?? null);', 'pecl', $path));
    echo "$label: key ", json_encode($held !== null), ", pecl reads ", $read, "\n";
}
?>
--EXPECT--
[control byte] start=true
[DEL] start=true
[UTF-8] start=true
[comma dash] start=true
[dots slashes] start=true
[245 bytes] start=true
[246 bytes] start=false
  session_start(): session id 'MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM...is 246 bytes, and its lock record '{key}.lock' would exceed memcached's 250-byte key limit
  session_start(): Failed to read session data: memcache (path: tcp://127.0.0.1:11311)
control byte: key true, pecl reads "control byte"
DEL: key true, pecl reads "DEL"
UTF-8: key true, pecl reads "UTF-8"
comma dash: key true, pecl reads "comma dash"
dots slashes: key true, pecl reads "dots slashes"
245 bytes: key true, pecl reads "245 bytes"
246 bytes: key false, pecl reads (not tried)
