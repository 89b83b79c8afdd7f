<?php
// Picks the drill's shared-session ids (bench/drill.sh). Run in the CLI with the extension under
// test as the session handler, the drill's save_path and ONE copy per session
// (memcache.session_redundancy=1 / memcached.sess_number_of_replicas=0):
//
//   php -n <ext + session ini> probe.php <key prefix> <victim port> <phases> <per phase> <ports...>
//
// Prints one line per phase: the ids of that phase's shared sessions. In each phase the first
// ceil(2/3) of them have the victim daemon (the one the faults hit) as their FIRST server — the
// copy a reader asks first, where a daemon that comes back after a hang still holds old copies —
// and the others another first server, so both paths are exercised. Which server is first is
// observed, not computed: each candidate id is written once through the real session handler
// with one copy, and the daemons are asked (`get`) which one holds it. bench/drill.sh flushes the
// daemons (flush_all) after the probe, before the load starts.
[$_, $prefix, $victim, $phases, $per] = array_slice($argv, 0, 5);
$ports = array_map('intval', array_slice($argv, 5));
$victim = (int) $victim;
$phases = (int) $phases;
$per = (int) $per;

function mc(int $port, string $cmd): string
{
    $s = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    if (!$s) {
        fwrite(STDERR, "probe: 127.0.0.1:$port: $errstr\n");
        exit(1);
    }
    stream_set_timeout($s, 2);
    fwrite($s, $cmd . "\r\n");
    $out = '';
    while (($line = fgets($s)) !== false) {
        $out .= $line;
        if (preg_match('/^(END|DELETED|NOT_FOUND|ERROR|OK)\r?\n$/', $line)) {
            break;
        }
    }
    fclose($s);
    return $out;
}

$holder = function (string $id) use ($ports, $prefix): ?int {
    session_id($id);
    if (!@session_start()) {
        return null;
    }
    $_SESSION['probe'] = 1;
    session_write_close();
    $found = null;
    foreach ($ports as $p) {
        if (str_starts_with(mc($p, "get $prefix$id"), 'VALUE ')) {
            $found = $found === null ? $p : -1; // -1: more than one copy (not a one-copy config)
        }
    }
    return $found;
};

$on_victim = count($ports) < 2 ? $per : (int) ceil($per * 2 / 3);
for ($k = 0; $k < $phases; $k++) {
    $want_on = $on_victim;
    $want_off = $per - $on_victim;
    $ids = [];
    for ($n = 0; ($want_on > 0 || $want_off > 0) && $n < 200; $n++) {
        $id = sprintf('drillshared%02dx%03d', $k, $n);
        $h = $holder($id);
        if ($h === null || $h === -1) {
            fwrite(STDERR, "probe: session $id: " . ($h === null ? 'session_start failed' : 'more than one copy') . "\n");
            exit(1);
        }
        if ($h === $victim && $want_on > 0) {
            $ids[] = $id;
            $want_on--;
        } elseif ($h !== $victim && $want_off > 0) {
            $ids[] = $id;
            $want_off--;
        }
    }
    if (count($ids) !== $per) {
        fwrite(STDERR, "probe: could not place $per shared sessions for phase $k\n");
        exit(1);
    }
    echo implode(' ', $ids), "\n";
}
