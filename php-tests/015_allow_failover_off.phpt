--TEST--
memcache.allow_failover=0: with a daemon dead, sessions never move to a daemon that was not theirs; the mirror copy still serves reads (as pecl memcache)
--SKIPIF--
<?php require_once __DIR__ . '/config.inc'; mc_skip_without_reference(); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
$P = [MC_SPARE_PORT_BASE, MC_SPARE_PORT_BASE + 1, MC_SPARE_PORT_BASE + 2];
$path = mc_path_for($P);
$ids = mc_session_ids('s015', 30);

foreach (['1', '2'] as $red) {
    foreach (mc_writers() as $ext) {
        foreach ($P as $p) {
            mc_spawn_daemon($p);
        }
        $ini = ['memcache.allow_failover' => '0', 'memcache.session_redundancy' => $red];
        run_session(php_write_sessions($ids, ['user' => 'u-%id%']), $ext, $path, $ini);
        $before = [];
        $count = array_fill_keys($P, 0);
        foreach ($ids as $id) {
            $before[$id] = array_map('intval', mc_holders($id, $P));
            foreach ($before[$id] as $h) {
                $count[$h]++;
            }
        }
        $copies = array_sum($count);
        arsort($count);
        $victim = array_key_first($count);      // the daemon holding the most sessions
        $onVictim = array_filter($ids, fn($id) => in_array($victim, $before[$id], true));
        mc_kill_daemon($victim, 9);

        $t = microtime(true);
        $out = run_session(php_read_sessions($ids), $ext, $path, $ini);
        $slow = microtime(true) - $t > 5;
        $read = [];
        foreach ($ids as $id) {
            $read[$id] = strpos($out, "$id {\"user\":\"u-$id\"}") !== false;
        }
        $readVictim = count(array_filter($onVictim, fn($id) => $read[$id]));
        $readOthers = count(array_filter(array_diff($ids, $onVictim), fn($id) => $read[$id]));

        // the users' next requests write their sessions again
        run_session(php_write_sessions($ids, ['user' => 'u-%id%', 'again' => 1]), $ext, $path, $ini);
        $moved = 0;
        $kept = 0;
        foreach ($ids as $id) {
            $now = array_map('intval', mc_holders($id, array_values(array_diff($P, [$victim]))));
            $moved += array_diff($now, $before[$id]) ? 1 : 0;
            $expected = array_values(array_diff($before[$id], [$victim]));
            sort($now);
            sort($expected);
            $kept += $now === $expected ? 1 : 0;
        }
        echo "redundancy $red, $ext: $copies copies of 30 sessions; daemon killed held ", count($onVictim) > 0 ? 'some' : 'NONE', "; ",
            "readable: ", $red === '1' ? ($readVictim === 0 ? 'its sessions none' : "its sessions $readVictim") : ($readVictim === count($onVictim) ? 'its sessions all (mirror)' : "its sessions $readVictim/" . count($onVictim)),
            ", others ", $readOthers === 30 - count($onVictim) ? 'all' : $readOthers, "; after rewrite: moved to another daemon $moved, on their surviving daemons $kept/30",
            $slow ? ' (SLOW)' : '', "\n";
        foreach ($P as $p) {
            mc_kill_daemon($p);
        }
    }
}
?>
--CLEAN--
<?php
require __DIR__ . '/config.inc';
mc_kill_spares();
?>
--EXPECT--
redundancy 1, pecl: 30 copies of 30 sessions; daemon killed held some; readable: its sessions none, others all; after rewrite: moved to another daemon 0, on their surviving daemons 30/30
redundancy 1, ours: 30 copies of 30 sessions; daemon killed held some; readable: its sessions none, others all; after rewrite: moved to another daemon 0, on their surviving daemons 30/30
redundancy 2, pecl: 60 copies of 30 sessions; daemon killed held some; readable: its sessions all (mirror), others all; after rewrite: moved to another daemon 0, on their surviving daemons 30/30
redundancy 2, ours: 60 copies of 30 sessions; daemon killed held some; readable: its sessions all (mirror), others all; after rewrite: moved to another daemon 0, on their surviving daemons 30/30
