--TEST--
SIGPIPE: the extension leaves the process's disposition alone (sends use MSG_NOSIGNAL): a script that restores SIG_DFL keeps it across requests to a unix-socket server that closed the connection, and the write fails as a notice instead of killing the process
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_under_pecl('pecl memcache writes with write(2)');
if (!function_exists('pcntl_signal')) die('skip pcntl needed');
?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$sock = MC_DIR . '/sigpipe805.sock';
echo run_php('
$sock = ' . var_export($sock, true) . ';
@unlink($sock);
pcntl_signal(SIGPIPE, SIG_DFL);
var_dump(pcntl_signal_get_handler(SIGPIPE) === SIG_DFL);
$srv = stream_socket_server("unix://$sock", $e, $m);
$pid = pcntl_fork();
if ($pid === 0) { // a "server" that accepts, reads one request and closes without answering
    $c = stream_socket_accept($srv, 5); fread($c, 100); fclose($c); while (ob_get_level()) { ob_end_clean(); } exit(0);
}
$m = new Memcache; $m->addServer("unix://$sock", 0, true, 1, 1);
$big = str_repeat("x", 1 << 20); // bigger than the socket buffer: the write meets the closed peer
@$m->set("k", "first"); // the server closes after reading it
pcntl_waitpid($pid, $st);
var_dump(@$m->set("k", $big));
var_dump(pcntl_signal_get_handler(SIGPIPE) === SIG_DFL);
echo "alive\n";
@unlink($sock);
');
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
alive
