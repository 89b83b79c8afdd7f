--TEST--
TLS and session SASL ini entries: defaults, validation (a missing file, a bad server name, NUL in a user name) as warnings naming the entry with the old value kept; memcache.tls_verify_peer=0 connects to an untrusted server and warns once per process
--SKIPIF--
<?php require_once __DIR__ . '/tls.inc'; mc_tls_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/tls.inc';
echo run_php('foreach (["tls_ca_file", "tls_cert_file", "tls_key_file", "tls_verify_peer", "tls_server_name", "session_sasl_username", "session_sasl_password"] as $e) { var_dump(ini_get("memcache.$e")); }
var_dump(ini_set("memcache.tls_ca_file", "/nonexistent/ca.pem"), ini_get("memcache.tls_ca_file"));
var_dump(ini_set("memcache.tls_cert_file", "/"), ini_get("memcache.tls_cert_file"));
var_dump(ini_set("memcache.tls_server_name", "not a name!"), ini_get("memcache.tls_server_name"));
var_dump(ini_set("memcache.tls_server_name", "localhost") !== false, ini_get("memcache.tls_server_name"));
var_dump(ini_set("memcache.session_sasl_username", "a\0b"));');
echo "-- verify off: an untrusted server is used, one warning per process\n";
echo run_php('$m = new Memcache; $m->addServer("tls://127.0.0.1", ' . MC_TLS_PORT1 . '); var_dump($m->set("k803", "v"), $m->get("k803"));
$m2 = new Memcache; $m2->addServer("tls://127.0.0.1", ' . MC_TLS_PORT2 . '); var_dump($m2->set("k803", "w"));', 'ours',
    ['memcache.tls_verify_peer' => '0', 'memcache.tls_ca_file' => MC_TLS_DIR . '/other-ca.pem']);
?>
--EXPECTF--
string(0) ""
string(0) ""
string(0) ""
string(1) "1"
string(0) ""
string(0) ""
string(0) ""

Warning: ini_set(): memcache.tls_ca_file must be the path of a readable PEM file ('/nonexistent/ca.pem' given) in %s on line %d
bool(false)
string(0) ""

Warning: ini_set(): memcache.tls_cert_file must be the path of a readable PEM file ('/' given) in %s on line %d
bool(false)
string(0) ""

Warning: ini_set(): memcache.tls_server_name must be a DNS name or an IP address ('not a name!' given) in %s on line %d
bool(false)
string(0) ""
bool(true)
string(9) "localhost"

Warning: ini_set(): memcache.session_sasl_username must be a user name without NUL bytes ('a\x{0}b' given) in %s on line %d
bool(false)
-- verify off: an untrusted server is used, one warning per process

Warning: Memcache::addserver(): memcache.tls_verify_peer = 0: the certificate of TLS server tls://127.0.0.1 (and of every other) is not verified; the connection is encrypted but anyone on the path can impersonate the server (warned once per process) in %s on line %d
bool(true)
string(1) "v"
bool(true)
