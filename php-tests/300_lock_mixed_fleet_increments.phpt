--TEST--
locking: pecl memcache and ours, in concurrent processes, increment one session counter: no increment lost
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';
mc_flush_all();
$id = 'lock300mixedfleet';
$path = mc_save_path(3);
$ini = ['session.save_handler' => 'memcache', 'session.save_path' => $path, 'memcache.session_redundancy' => '2'];
$code = '$me = getenv("W") ?: "w";
for ($i = 0; $i < 25; $i++) {
    session_id(' . var_export($id, true) . ');
    if (!session_start()) { echo "start failed\n"; continue; }
    $n = $_SESSION["n"] ?? 0;
    usleep(300);                  // widen the read-modify-write window
    $_SESSION["n"] = $n + 1;
    $_SESSION["log"][] = $i;
    session_write_close();
}
echo "done\n";';
$jobs = [];
foreach (['pecl', 'ours', 'pecl', 'ours'] as $w) {
    $jobs[] = mc_php_start($code, $w, $ini, 60);
}
foreach ($jobs as $j) {
    echo mc_php_wait($j);
}
echo run_session('session_id(' . var_export($id, true) . '); session_start(); echo "n=", $_SESSION["n"], " log=", count($_SESSION["log"]), "\n";', 'ours', $path, ['memcache.session_redundancy' => '2']);
// both copies agree
$holders = mc_holders($id);
echo "copies: ", count($holders), "\n";
$vals = array_unique(array_map(fn($p) => mc_get((int)$p, $id)['value'], $holders));
echo "copies identical: ", json_encode(count($vals) === 1), "\n";
mc_flush_all();
?>
--EXPECT--
done
done
done
done
n=100 log=100
copies: 2
copies identical: true
