--TEST--
hardening: no session id, key prefix, SERVER_NAME or session data can make the extension send a second command: CR/LF, spaces and control bytes in keys become '_' as pecl memcache maps them, data is length-prefixed; canary keys survive and the daemon holds exactly the expected keys
--SKIPIF--
<?php require __DIR__ . '/config.inc'; mc_skip_under_pecl('checks our keys'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
mc_flush_all();
$path = mc_save_path(1);
mc_set(MC_PORT1, 'canary', 'alive');
$attack = "\r\nflush_all\r\nset canary 0 0 6\r\npwned!\r\ndelete canary\r\nget canary";
// 1. session data that looks like protocol
echo run_session('session_id("inj406a"); session_start(); $_SESSION["v"] = ' . var_export($attack, true) . '; var_dump(session_write_close());', 'ours', $path);
// 2. a session id with control bytes PHP lets through (it refuses CR/LF and spaces itself)
echo run_session('session_id("inj406\x01\x0b\x0c\x1f"); var_dump(session_start()); $_SESSION["v"] = 1; var_dump(session_write_close());', 'ours', $path);
// 3. a static key prefix carrying commands
echo run_session('session_id("inj406c"); var_dump(session_start()); $_SESSION["v"] = 1; var_dump(session_write_close());', 'ours', $path,
    ['memcache.session_prefix_static_key' => "p flush_all\tx"]);
// 4. the host prefix from SERVER_NAME (from the environment in the CLI)
echo run_session('session_id("inj406d"); var_dump(session_start()); $_SESSION["v"] = 1; var_dump(session_write_close());', 'ours', $path,
    ['memcache.session_prefix_host_key' => '1'], 60, ['SERVER_NAME' => "evil\r\nflush_all\r\n.example.com"]);
echo "canary: ", json_encode(mc_get(MC_PORT1, 'canary')['value'] ?? null), "\n";
$keys = array_keys(mc_metadump(MC_PORT1));
sort($keys);
echo json_encode($keys, JSON_UNESCAPED_SLASHES), "\n";
echo "data round-trips: ", run_session('session_id("inj406a"); session_start(); echo json_encode($_SESSION["v"] === ' . var_export($attack, true) . ');', 'ours', $path), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
canary: "alive"
["canary","evil__flush_all__.example.cominj406d","evil__flush_all__.example.cominj406d.lock","inj406____","inj406____.lock","inj406a","inj406a.lock","p_flush_all_xinj406c","p_flush_all_xinj406c.lock"]
data round-trips: true