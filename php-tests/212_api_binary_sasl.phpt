--TEST--
memcache.protocol=binary + setSaslAuthData: SASL PLAIN against memcached -S (right and wrong credentials), ours and pecl memcache; credentials apply to servers added afterwards; ascii ignores them
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference();
 require_once __DIR__ . '/config.inc'; mc_skip_under_pecl('the SASL behaviour checked here is ours (pecl adds deprecated dynamic properties)');
if (!is_executable('/usr/sbin/saslpasswd2')) die('skip saslpasswd2 (Debian sasl2-bin) not installed');
?>
--FILE--
<?php
require __DIR__ . '/binary.inc';
$P = MC_BIN_PORT + 2;
$dir = MC_DIR . '/sasl212';
@mkdir($dir, 0777, true);
@unlink("$dir/sasldb");
exec('echo secret | /usr/sbin/saslpasswd2 -p -a memcached -c -f ' . escapeshellarg("$dir/sasldb") . ' alice 2>&1', $o, $rc);
if ($rc !== 0) {
    die("saslpasswd2 failed: " . implode("\n", $o));
}
file_put_contents("$dir/memcached.conf", "mech_list: plain\nsasldb_path: $dir/sasldb\n");
mc_spawn_binary($P, ['-S'], ['SASL_CONF_PATH' => $dir]);

$code = function (string $pw, bool $before = true) use ($P) {
    $add = '$m->addServer("127.0.0.1", ' . $P . ');';
    $auth = '$m->setSaslAuthData("alice", ' . var_export($pw, true) . ');';
    return 'error_reporting(E_ALL & ~E_DEPRECATED); $m = new Memcache;' . ($before ? $auth . $add : $add . $auth)
        . 'var_dump(@$m->set("k", "v-' . $pw . '"), $m->get("k"));';
};
foreach (['ours', 'pecl'] as $which) {
    echo "-- $which, right password\n";
    echo run_php($code('secret'), $which, ['memcache.protocol' => 'binary']);
    echo "-- $which, wrong password\n";
    echo run_php($code('wrong'), $which, ['memcache.protocol' => 'binary']);
    echo "-- $which, credentials set after addServer are not used (as pecl)\n";
    echo run_php($code('secret', false), $which, ['memcache.protocol' => 'binary']);
}
echo "-- ours, the failure notice names the server\n";
echo run_php('$m = new Memcache; $m->setSaslAuthData("alice", "wrong"); $m->addServer("127.0.0.1", ' . $P . '); var_dump($m->get("k"));', 'ours', ['memcache.protocol' => 'binary']);
echo "-- ours, credentials against a server without SASL are ignored (as pecl)\n";
mc_spawn_binary($P + 1);
echo run_php('$m = new Memcache; $m->setSaslAuthData("alice", "x"); $m->addServer("127.0.0.1", ' . ($P + 1) . '); var_dump($m->set("k", "plain"), $m->get("k"));', 'ours', ['memcache.protocol' => 'binary']);
echo "-- ours, ascii ignores credentials (sends no auth)\n";
echo run_php('$m = new Memcache; $m->setSaslAuthData("alice", "secret"); $m->addServer("127.0.0.1", ' . MC_PORT1 . '); var_dump($m->set("k212", "ascii"), $m->get("k212"));', 'ours');
?>
--CLEAN--
<?php
require __DIR__ . '/binary.inc';
mc_kill_daemon(MC_BIN_PORT + 2);
mc_kill_daemon(MC_BIN_PORT + 3);
?>
--EXPECTF--
-- ours, right password
bool(true)
string(8) "v-secret"
-- ours, wrong password
bool(false)
bool(false)
-- ours, credentials set after addServer are not used (as pecl)
bool(false)
bool(false)
-- pecl, right password
bool(true)
string(8) "v-secret"
-- pecl, wrong password
bool(false)
bool(false)
-- pecl, credentials set after addServer are not used (as pecl)
bool(false)
bool(false)
-- ours, the failure notice names the server

Notice: MemcachePool::get(): Server 127.0.0.1 (tcp %d, udp 0) failed with: SASL PLAIN authentication as 'alice' failed: Auth failure. (0) in %s on line 2
bool(false)
-- ours, credentials against a server without SASL are ignored (as pecl)
bool(true)
string(5) "plain"
-- ours, ascii ignores credentials (sends no auth)
bool(true)
string(5) "ascii"