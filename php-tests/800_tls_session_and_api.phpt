--TEST--
TLS (memcached -Z): sessions mirrored on two tls:// servers and the Memcache API over tls://, ASCII and binary; the items are really on the TLS daemons
--SKIPIF--
<?php require_once __DIR__ . '/tls.inc'; mc_tls_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/tls.inc';
$path = 'tls://127.0.0.1:' . MC_TLS_PORT1 . ', tls://localhost:' . MC_TLS_PORT2;

/** A raw `get` over PHP's own TLS stream: what the daemon holds. */
function tls_raw_get(int $port, string $key): string
{
    $ctx = stream_context_create(['ssl' => ['cafile' => MC_TLS_DIR . '/ca.pem', 'peer_name' => 'localhost']]);
    $s = stream_socket_client('tls://127.0.0.1:' . $port, $e, $m, 2, STREAM_CLIENT_CONNECT, $ctx);
    if (!$s) {
        return "connect failed: $m";
    }
    fwrite($s, "get $key\r\n");
    $out = '';
    while (!str_ends_with($out, "END\r\n") && ($l = fgets($s)) !== false) {
        $out .= $l;
    }
    fclose($s);
    return preg_replace('/^VALUE (\S+) (\d+) (\d+)\r\n/', 'VALUE $1 flags=? $3' . "\n", $out);
}

foreach (['ascii', 'binary'] as $proto) {
    echo "-- $proto\n";
    $ini = mc_tls_ini(['memcache.protocol' => $proto]);
    echo run_session('session_id("tls800' . $proto . '"); var_dump(session_start()); $_SESSION["n"] = ($_SESSION["n"] ?? 0) + 1; session_write_close();', 'ours', $path, $ini);
    echo run_session('session_id("tls800' . $proto . '"); session_start(); var_dump($_SESSION); session_write_close();', 'ours', $path, $ini);
    foreach ([MC_TLS_PORT1, MC_TLS_PORT2] as $p) {
        echo strlen(tls_raw_get($p, "tls800$proto")) > 20 ? "copy on $p\n" : "no copy on $p\n";
    }
    echo run_php('$m = new Memcache; var_dump($m->addServer("tls://127.0.0.1", ' . MC_TLS_PORT1 . '));
var_dump($m->set("api800", str_repeat("v", 100000)), strlen($m->get("api800")), $m->get(["api800", "nope"]) !== false);
$c = memcache_connect("tls://localhost", ' . MC_TLS_PORT2 . '); var_dump(memcache_set($c, "fn800", 42), memcache_get($c, "fn800"));', 'ours', $ini);
}
echo tls_raw_get(MC_TLS_PORT2, 'fn800');
?>
--EXPECTF--
-- ascii
bool(true)
array(1) {
  ["n"]=>
  int(1)
}
copy on %d
copy on %d
bool(true)
bool(true)
int(100000)
bool(true)
bool(true)
int(42)
-- binary
bool(true)
array(1) {
  ["n"]=>
  int(1)
}
copy on %d
copy on %d
bool(true)
bool(true)
int(100000)
bool(true)
bool(true)
int(42)
VALUE fn800 flags=? 2
42
END
