--TEST--
hardening: session.save_path entries pecl memcache refuses too (an empty scheme, empty host, port > 65535, weight 0, timeout <= 0, no server, bad IPv6 or unix paths, ...) fail session_start() with one warning naming the entry and the fault; servers that can never answer (port 0, port 11 from "11x") fail at connect with a warning naming the server; no crash, and a session stored before is intact (what pecl accepts: 600_save_path_lenient)
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages (pecl crashes on some of these paths, refuses the others without a word)'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$good = 'tcp://127.0.0.1:' . MC_PORT1;
$cases = [
    'empty scheme'            => '://127.0.0.1:' . MC_PORT1,
    'empty host'              => 'tcp://:' . MC_PORT1,
    'empty host, no scheme'   => ':' . MC_PORT1,
    'port 0'                  => 'tcp://127.0.0.1:0',
    'port 65536'              => 'tcp://127.0.0.1:65536',
    'port not a number'       => 'tcp://127.0.0.1:11x',
    'port missing after :'    => 'tcp://127.0.0.1:',
    'weight 0'                => "$good?weight=0",
    'weight negative'         => "$good?weight=-1",
    'timeout negative'        => "$good?timeout=-1",
    'timeout 0'               => "$good?timeout=0",
    'query: weight no value'  => "$good?&&weight&timeout=1",
    'only commas'             => ',, ,,',
    'second server bad'       => "$good, tcp://127.0.0.1:99999",
    'unbracketed IPv6'        => '::1:' . MC_PORT1,
    'unclosed IPv6 bracket'   => 'tcp://[::1:' . MC_PORT1,
    'junk after IPv6'         => 'tcp://[::1]x' . MC_PORT1,
    'unix: no path'           => 'unix://',
    'unix: relative path'     => 'unix:relative.sock',
    'control byte in host'    => "tcp://127.0.0.1\x01:" . MC_PORT1,
];
$code = '
$W = [];
set_error_handler(function ($no, $msg) use (&$W) { $W[] = $msg; return true; });
// a server without a port gets memcache.default_port: one where nothing listens
ini_set("memcache.default_port", ' . MC_DEAD_PORT . ');
session_id("keep400"); session_start(); $_SESSION["v"] = "kept"; session_write_close();
foreach (' . var_export($cases, true) . ' as $label => $path) {
    ini_set("session.save_path", $path);
    session_id("bad400");
    $t = microtime(true);
    $r = session_start();
    $dt = microtime(true) - $t;
    echo "[$label] start=", var_export($r, true), $dt < 1.0 ? "" : " SLOW $dt", "\n";
    foreach ($W as $w) { echo "  ", $w, "\n"; }
    $W = [];
    if ($r) { session_write_close(); }
}
// memcache.session_save_path overrides session.save_path and is named in its message
ini_set("session.save_path", ' . var_export($good, true) . ');
ini_set("memcache.session_save_path", "tcp://127.0.0.1:" . MC_PORT1 . "?weight=0");
var_dump(session_start());
foreach ($W as $w) { echo "  ", $w, "\n"; }
$W = [];
ini_set("memcache.session_save_path", "");
// stray separators are skipped like pecl does; unknown/garbage parameters are ignored like pecl does
foreach (["$path0,, ,", " ,$path0?foo=bar&%zz=1&=&x", "$path0?Weight=abc"] as $p) {
    ini_set("session.save_path", $p);
    session_id("keep400");
    var_dump(session_start(), $_SESSION);
    session_write_close();
}
foreach ($W as $w) { echo "  ", $w, "\n"; }
';
$code = str_replace('$path0', '" . ' . var_export($good, true) . ' . "', $code);
echo run_session($code, 'ours', $good);
echo "daemon still holds the session: ", json_encode(mc_get(MC_PORT1, 'keep400')['value'] ?? null), "\n";
echo "nothing stored for the bad id: ", json_encode(mc_holders('bad400') === []), "\n";
?>
--EXPECT--
[empty scheme] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 '://127.0.0.1:11311'): unsupported scheme '://'; use tcp://host:port, tls://host:port, host:port or unix:///path/to/socket; the whole path was '://127.0.0.1:11311'
  session_start(): Failed to initialize storage module: memcache (path: ://127.0.0.1:11311)
[empty host] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://:11311'): the host name is missing; expected host:port; the whole path was 'tcp://:11311'
  session_start(): Failed to initialize storage module: memcache (path: tcp://:11311)
[empty host, no scheme] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 ':11311'): the host name is missing; expected host:port; the whole path was ':11311'
  session_start(): Failed to initialize storage module: memcache (path: :11311)
[port 0] start=false
  session_start(): cannot read session 'bad400': no memcached server answered: server 127.0.0.1:0 failed: connect failed: Connection refused (os error 111)
  session_start(): Failed to read session data: memcache (path: tcp://127.0.0.1:0)
[port 65536] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1:65536'): port must be a number from 0 to 65535, got '65536'; the whole path was 'tcp://127.0.0.1:65536'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:65536)
[port not a number] start=false
  session_start(): cannot read session 'bad400': no memcached server answered: server 127.0.0.1:11 failed: connect failed: Connection refused (os error 111)
  session_start(): Failed to read session data: memcache (path: tcp://127.0.0.1:11x)
[port missing after :] start=false
  session_start(): cannot read session 'bad400': no memcached server answered: server 127.0.0.1:11360 failed: connect failed: Connection refused (os error 111)
  session_start(): Failed to read session data: memcache (path: tcp://127.0.0.1:)
[weight 0] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1:11311?weight=0'): weight must be a whole number from 1 to 65535, got '0'; the whole path was 'tcp://127.0.0.1:11311?weight=0'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311?weight=0)
[weight negative] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1:11311?weight=-1'): weight must be a whole number from 1 to 65535, got '-1'; the whole path was 'tcp://127.0.0.1:11311?weight=-1'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311?weight=-1)
[timeout negative] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1:11311?timeout=-1'): timeout must be a number of seconds greater than 0, e.g. 1 or 0.5, got '-1'; the whole path was 'tcp://127.0.0.1:11311?timeout=-1'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311?timeout=-1)
[timeout 0] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1:11311?timeout=0'): timeout must be a number of seconds greater than 0, e.g. 1 or 0.5, got '0'; the whole path was 'tcp://127.0.0.1:11311?timeout=0'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311?timeout=0)
[query: weight no value] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1:11311?&&weight&timeout=1'): weight must be a whole number from 1 to 65535, got ''; the whole path was 'tcp://127.0.0.1:11311?&&weight&timeout=1'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311?&&weight&timeout=1)
[only commas] start=false
  session_start(): Failed to parse session.save_path ',, ,,': it names no memcached server; list servers separated by commas, e.g. 'tcp://127.0.0.1:11211, tcp://127.0.0.2:11211'
  session_start(): Failed to initialize storage module: memcache (path: ,, ,,)
[second server bad] start=false
  session_start(): Failed to parse session.save_path (error at offset 23, server 2 'tcp://127.0.0.1:99999'): port must be a number from 0 to 65535, got '99999'; the whole path was 'tcp://127.0.0.1:11311, tcp://127.0.0.1:99999'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311, tcp://127.0.0.1:99999)
[unbracketed IPv6] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 '::1:11311'): '::1:11311' has more than one ':'; write an IPv6 address in brackets (tcp://[::1]:11211) and a URL as tcp://host:port; the whole path was '::1:11311'
  session_start(): Failed to initialize storage module: memcache (path: ::1:11311)
[unclosed IPv6 bracket] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://[::1:11311'): '[::1:11311' is not a valid bracketed IPv6 address, e.g. [::1] or [fe80::1%eth0]; the whole path was 'tcp://[::1:11311'
  session_start(): Failed to initialize storage module: memcache (path: tcp://[::1:11311)
[junk after IPv6] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://[::1]x11311'): unexpected 'x11311' after the IPv6 address; expected ':port' or nothing; the whole path was 'tcp://[::1]x11311'
  session_start(): Failed to initialize storage module: memcache (path: tcp://[::1]x11311)
[unix: no path] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'unix://'): the unix socket path is missing; expected unix:///path/to/memcached.sock; the whole path was 'unix://'
  session_start(): Failed to initialize storage module: memcache (path: unix://)
[unix: relative path] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'unix:relative.sock'): unix socket path 'relative.sock' is not absolute; expected unix:///path/to/memcached.sock; the whole path was 'unix:relative.sock'
  session_start(): Failed to initialize storage module: memcache (path: unix:relative.sock)
[control byte in host] start=false
  session_start(): Failed to parse session.save_path (error at offset 0, server 1 'tcp://127.0.0.1\x{1}:11311'): '127.0.0.1\x{1}' is not a valid host name; the whole path was 'tcp://127.0.0.1\x{1}:11311'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311)
bool(false)
  session_start(): Failed to parse memcache.session_save_path (error at offset 0, server 1 'tcp://127.0.0.1:11311?weight=0'): weight must be a whole number from 1 to 65535, got '0'; the whole path was 'tcp://127.0.0.1:11311?weight=0'
  session_start(): Failed to initialize storage module: memcache (path: tcp://127.0.0.1:11311)
bool(true)
array(1) {
  ["v"]=>
  string(4) "kept"
}
bool(true)
array(1) {
  ["v"]=>
  string(4) "kept"
}
bool(true)
array(1) {
  ["v"]=>
  string(4) "kept"
}
daemon still holds the session: "v|s:4:\"kept\";"
nothing stored for the bad id: true
