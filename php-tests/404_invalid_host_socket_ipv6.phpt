--TEST--
hardening: an unresolvable host name and a missing unix socket fail session_start() quickly with a warning naming the server and the cause; failover skips them; an IPv6 literal ([::1]:port) is parsed, connected to and named with its brackets
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('our messages');
if (!@stream_socket_server('tcp://[::1]:0')) die('skip no IPv6 loopback'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
require __DIR__ . '/../tests/fake_server/fake.inc';
mc_flush_all();
$fake6 = fake_start('ok', 'tcp://[::1]:0');
$code = '
$W = [];
set_error_handler(function ($no, $msg) use (&$W) { $W[] = $msg; return true; });
foreach ($paths as $label => $path) {
    ini_set("session.save_path", $path);
    session_id("host404");
    $t = microtime(true);
    $r = session_start();
    $dt = microtime(true) - $t;
    if ($r) { $_SESSION["n"] = ($_SESSION["n"] ?? 0) + 1; $w = session_write_close(); }
    echo "[$label] start=", var_export($r, true), $dt < 2.0 ? "" : " SLOW $dt", $r ? " n=" . $_SESSION["n"] : "", "\n";
    foreach ($W as $w) { echo "  ", $w, "\n"; }
    $W = [];
}';
$paths = [
    'unresolvable host'   => 'tcp://no-such-host.invalid:' . MC_PORT1 . '?timeout=0.5',
    'missing unix socket' => 'unix://' . MC_DIR . '/no-such.sock',
    'IPv6 literal, closed port' => 'tcp://[::1]:' . MC_DEAD_PORT . '?timeout=0.5',
    'IPv6 literal'        => $fake6['addr'] . '?timeout=0.5',
    'IPv6 literal again'  => $fake6['addr'] . '?timeout=0.5',
    'failover past both'  => 'tcp://no-such-host.invalid:' . MC_PORT1 . '?timeout=0.5, unix://' . MC_DIR . '/no-such.sock, tcp://127.0.0.1:' . MC_PORT1,
];
echo run_session('$paths = ' . var_export($paths, true) . ';' . $code, 'ours', 'tcp://127.0.0.1:' . MC_PORT1,
    ['memcache.session_redundancy' => '1']);
fake_stop($fake6);
?>
--EXPECTF--
[unresolvable host] start=false
  session_start(): cannot read session 'host404': no memcached server answered: server no-such-host.invalid:%d failed: connect failed: %s
  session_start(): Failed to read session data: memcache (path: tcp://no-such-host.invalid:%d?timeout=0.5)
[missing unix socket] start=false
  session_start(): cannot read session 'host404': no memcached server answered: server unix://%s/no-such.sock:0 failed: connect failed: No such file or directory (os error 2)
  session_start(): Failed to read session data: memcache (path: unix://%s/no-such.sock)
[IPv6 literal, closed port] start=false
  session_start(): cannot read session 'host404': no memcached server answered: server [::1]:%d failed: connect failed: Connection refused (os error 111)
  session_start(): Failed to read session data: memcache (path: tcp://[::1]:%d?timeout=0.5)
[IPv6 literal] start=true n=1
[IPv6 literal again] start=true n=2
[failover past both] start=true n=1
