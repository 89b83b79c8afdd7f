--TEST--
hardening: a misbehaving server (garbage, bare LF, wrong and oversized lengths, truncated values, silence, a reply that never ends, a byte-by-byte endless line, a connection closed mid-reply, a VALUE for another key, a garbage reply to a write) gives a bounded failure with a warning naming the server and the fault, and the next session on a healthy server works in the same process
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
require __DIR__ . '/../tests/fake_server/fake.inc';
mc_flush_all();
$modes = ['garbage', 'no_crlf', 'wrong_length', 'oversized', 'huge_length', 'truncated', 'close_mid', 'close',
    'silent', 'endless', 'trickle', 'long_line', 'wrong_key', 'bad_store'];
$fakes = [];
foreach ($modes as $m) {
    $fakes[$m] = fake_start($m, 'tcp://127.0.0.1:0', 60);
}
$addrs = array_map(fn($f) => $f['hostport'], $fakes);
$good = 'tcp://127.0.0.1:' . MC_PORT1;
$out = run_session('
$W = [];
set_error_handler(function ($no, $msg) use (&$W) { $W[] = $msg; return true; });
$flush = function () use (&$W) { foreach ($W as $w) { echo "  ", $w, "\n"; } $W = []; };
foreach (' . var_export($addrs, true) . ' as $mode => $hp) {
    ini_set("session.save_path", "tcp://$hp?timeout=0.5");
    session_id("sess405");
    $t = microtime(true);
    $r = session_start();
    if ($r) { $_SESSION["x"] = 1; session_write_close(); }
    $dt = microtime(true) - $t;
    echo "[$mode] start=", var_export($r, true), " bounded=", json_encode($dt < 3.5), "\n";
    $flush();
    // the next session, on a healthy server, in the same process
    ini_set("session.save_path", ' . var_export($good, true) . ');
    session_id("ok405");
    $ok = session_start();
    $_SESSION["n"] = ($_SESSION["n"] ?? 0) + 1;
    echo "  next on a healthy server: start=", var_export($ok, true), " write=", var_export(session_write_close(), true), " n=", $_SESSION["n"], "\n";
    $flush();
}', 'ours', $good, ['memcache.session_redundancy' => '1'], 120);
foreach ($fakes as $m => $f) {
    $out = str_replace($f['hostport'], "FAKE", $out);
    fake_stop($f);
}
echo $out;
?>
--EXPECTF--
[garbage] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: unexpected line in get: "HTTP/1.1 400 Bad Request"
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=1
[no_crlf] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: line not terminated by CRLF: "END"
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=2
[wrong_length] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: data block not followed by CRLF: "VALUE sess405 0 3"
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=3
[oversized] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: VALUE length exceeds the item size limit: "sess405 0 4294967296000"
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=4
[huge_length] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: timed out
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=5
[truncated] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: timed out
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=6
[close_mid] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: connection closed by peer
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=7
[close] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: connection closed by peer
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=8
[silent] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: timed out
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=9
[endless] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: more VALUE blocks than keys requested: "VALUE sess405 0 5"
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=10
[trickle] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: reply still incomplete after %f s (%d bytes received): the server keeps sending without finishing it
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=11
[long_line] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: reply line too long: "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy..."
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=12
[wrong_key] start=false bounded=true
  session_start(): cannot read session 'sess405': no memcached server answered: server FAKE failed: protocol error: VALUE for a key that was not requested: "VALUE someone_else 0 5"
  session_start(): Failed to read session data: memcache (path: tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=13
[bad_store] start=true bounded=true
  session_write_close(): failed to write session 'sess405' (6 bytes): server FAKE failed: protocol error: unexpected reply to a store: "STORED_NOT"; the data stored before is unchanged
  session_write_close(): Failed to write session data (memcache). Please verify that the current setting of session.save_path is correct (tcp://FAKE?timeout=0.5)
  next on a healthy server: start=true write=true n=14
