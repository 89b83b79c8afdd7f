--TEST--
Session SASL (memcache.session_sasl_username / _password) over TLS: sessions authenticate against memcached -Z -S (binary protocol implied); a wrong password fails session_start() with a warning naming the server; the Memcache API's setSaslAuthData works over TLS too
--SKIPIF--
<?php require_once __DIR__ . '/tls.inc'; mc_tls_skipif();
if (!is_executable('/usr/sbin/saslpasswd2')) die('skip saslpasswd2 (Debian sasl2-bin) not installed');
?>
--FILE--
<?php
require __DIR__ . '/tls.inc';
$P = MC_TLS_SPARE_PORT + 1;
$dir = MC_DIR . '/sasl804';
@mkdir($dir, 0777, true);
@unlink("$dir/sasldb");
exec('echo secret | /usr/sbin/saslpasswd2 -p -a memcached -c -f ' . escapeshellarg("$dir/sasldb") . ' alice 2>&1', $o, $rc);
if ($rc !== 0) {
    die("saslpasswd2 failed: " . implode("\n", $o));
}
file_put_contents("$dir/memcached.conf", "mech_list: plain\nsasldb_path: $dir/sasldb\n");
mc_spawn_tls($P, ['-S', '-B', 'binary'], ['SASL_CONF_PATH' => $dir]);
$path = "tls://127.0.0.1:$P";
$ini = mc_tls_ini(['memcache.session_redundancy' => '1', 'memcache.session_sasl_username' => 'alice']);
echo "-- right password\n";
echo run_session('session_id("s804"); var_dump(session_start()); $_SESSION["x"] = "sasl+tls"; session_write_close(); session_start(); var_dump($_SESSION["x"]);', 'ours', $path, $ini + ['memcache.session_sasl_password' => 'secret']);
echo "-- wrong password\n";
echo run_session('session_id("s804"); var_dump(session_start());', 'ours', $path, $ini + ['memcache.session_sasl_password' => 'nope']);
echo "-- no credentials\n";
echo run_session('session_id("s804"); var_dump(@session_start());', 'ours', $path, mc_tls_ini(['memcache.session_redundancy' => '1']));
echo "-- API\n";
echo run_php('$m = new Memcache; $m->setSaslAuthData("alice", "secret"); $m->addServer("tls://127.0.0.1", ' . $P . '); var_dump($m->get("s804") !== false);', 'ours', mc_tls_ini(['memcache.protocol' => 'binary']));
?>
--CLEAN--
<?php require __DIR__ . '/tls.inc'; mc_kill_daemon(MC_TLS_SPARE_PORT + 1); ?>
--EXPECTF--
-- right password
bool(true)
string(8) "sasl+tls"
-- wrong password

Warning: session_start(): cannot read session 's804': no memcached server answered: server 127.0.0.1:%d failed: SASL PLAIN authentication as 'alice' failed: %s in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: tls://127.0.0.1:%d) in %s on line %d
bool(false)
-- no credentials
bool(false)
-- API
bool(true)
