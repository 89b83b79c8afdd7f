--TEST--
TLS failures are warnings naming the server and the cause, within the timeout, and the call returns false: unknown CA, name mismatch, expired certificate, server not speaking TLS, client certificate missing or refused (mutual TLS), and mutual TLS with the right certificate works
--SKIPIF--
<?php require_once __DIR__ . '/tls.inc'; mc_tls_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/tls.inc';
$api = function (string $host, int $port) {
    return '$t = microtime(true); $m = new Memcache; $m->addServer("' . $host . '", ' . $port . ', true, 1, 1);
var_dump($m->set("k801", "v")); echo microtime(true) - $t < 3 ? "bounded\n" : "too slow\n";';
};
$cases = [
    'unknown CA' => [$api('tls://127.0.0.1', MC_TLS_PORT1), mc_tls_ini(['memcache.tls_ca_file' => MC_TLS_DIR . '/other-ca.pem'])],
    'name mismatch' => [$api('tls://127.0.0.1', MC_TLS_PORT1), mc_tls_ini(['memcache.tls_server_name' => 'cache.example.org'])],
    'expired' => [$api('tls://127.0.0.1', MC_EXPIRED_PORT), mc_tls_ini()],
    'plain server' => [$api('tls://127.0.0.1', MC_PORT1), mc_tls_ini()],
    'mTLS without a client certificate' => [$api('tls://127.0.0.1', MC_MTLS_PORT), mc_tls_ini()],
    'mTLS with a certificate of another CA' => [$api('tls://127.0.0.1', MC_MTLS_PORT), mc_tls_ini([
        'memcache.tls_cert_file' => MC_TLS_DIR . '/other-client.pem', 'memcache.tls_key_file' => MC_TLS_DIR . '/other-client.key'])],
    'mTLS with our certificate' => [$api('tls://127.0.0.1', MC_MTLS_PORT) . 'var_dump($m->get("k801"));', mc_mtls_ini()],
];
foreach ($cases as $what => [$code, $ini]) {
    echo "-- $what\n";
    echo run_php($code, 'ours', $ini);
}
echo "-- sessions: the failure is a warning naming the server, session_start() fails\n";
echo run_session('session_id("s801"); var_dump(session_start());', 'ours', 'tls://127.0.0.1:' . MC_EXPIRED_PORT, mc_tls_ini(['memcache.session_redundancy' => '1']));
echo "-- sessions over mutual TLS\n";
echo run_session('session_id("s801m"); var_dump(session_start()); $_SESSION["a"] = 1; session_write_close(); session_start(); var_dump($_SESSION["a"]);', 'ours', 'tls://127.0.0.1:' . MC_MTLS_PORT, mc_mtls_ini(['memcache.session_redundancy' => '1']));
?>
--EXPECTF--
-- unknown CA

Notice: MemcachePool::set(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS handshake failed: the server's certificate is signed by an unknown CA (memcache.tls_ca_file) (0) in %s on line %d
bool(false)
bounded
-- name mismatch

Notice: MemcachePool::set(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS handshake failed: the server's certificate does not match the host name (memcache.tls_server_name names another) (0) in %s on line %d
bool(false)
bounded
-- expired

Notice: MemcachePool::set(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS handshake failed: the server's certificate has expired (0) in %s on line %d
bool(false)
bounded
-- plain server

Notice: MemcachePool::set(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS handshake failed: %s (0) in %s on line %d
bool(false)
bounded
-- mTLS without a client certificate

Notice: MemcachePool::set(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS: the server refused the client certificate (alert %s; memcache.tls_cert_file) (0) in %s on line %d
bool(false)
bounded
-- mTLS with a certificate of another CA

Notice: MemcachePool::set(): Server tls://127.0.0.1 (tcp %d, udp 0) failed with: TLS: the server refused the client certificate (alert %s; memcache.tls_cert_file) (0) in %s on line %d
bool(false)
bounded
-- mTLS with our certificate
bool(true)
bounded
string(1) "v"
-- sessions: the failure is a warning naming the server, session_start() fails

Warning: session_start(): cannot read session 's801': no memcached server answered: server 127.0.0.1:%d failed: TLS handshake failed: the server's certificate has expired in %s on line %d

Warning: session_start(): Failed to read session data: memcache (path: tls://127.0.0.1:%d) in %s on line %d
bool(false)
-- sessions over mutual TLS
bool(true)
int(1)
