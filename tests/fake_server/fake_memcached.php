<?php
/**
 * A deliberately misbehaving memcached, for the hardening tests (php-tests/4xx_*).
 *
 *   php -n tests/fake_server/fake_memcached.php MODE [LISTEN] [LIFETIME_S] [MAX_CONNS]
 *
 * LISTEN defaults to tcp://127.0.0.1:0 (a free port); the first line printed is the
 * address actually bound, e.g. "listening tcp://127.0.0.1:40123". The server exits after
 * LIFETIME_S seconds (default 10) or once MAX_CONNS connections (default 50) were accepted
 * and closed, whichever comes first, so a failing test never leaves it behind.
 *
 * Every command except get/gets/set gets a sane reply (incr -> NOT_FOUND, add -> STORED,
 * delete -> DELETED, touch -> TOUCHED, version -> VERSION fake, stats ... -> the same canned
 * statistics every time), so the session handler
 * takes its lock; MODE decides what the reply to get/gets (and, for bad_store, set) is:
 *
 *   ok           a correct tiny memcached (values kept in memory)
 *   garbage      "HTTP/1.1 400 Bad Request" instead of a reply
 *   no_crlf      "END\n": a line ended by a bare LF
 *   wrong_length "VALUE k 0 3" followed by 11 data bytes
 *   oversized    "VALUE k 0 4294967296000": a length no item can have
 *   huge_length  "VALUE k 0 100000000" and then nothing: waits for 100 MB that never come
 *   truncated    "VALUE k 0 10" and 3 data bytes, then silence (connection kept open)
 *   close_mid    "VALUE k 0 10" and 3 data bytes, then the connection is closed
 *   close        the connection is closed without a reply
 *   silent       no reply at all, connection kept open
 *   endless      a VALUE block for the key every 50 ms, forever: a reply that never ends
 *   trickle      one byte of a never-ending line every 50 ms
 *   long_line    a 1 MB line without CRLF, at once
 *   wrong_key    a VALUE block for a key that was not asked for
 *   bad_store    get answers END (empty session); set answers "STORED_NOT\r\n"
 */

$mode = $argv[1] ?? 'ok';
$listen = $argv[2] ?? 'tcp://127.0.0.1:0';
$lifetime = (float)($argv[3] ?? 10);
$maxConns = (int)($argv[4] ?? 50);

$server = @stream_socket_server($listen, $errno, $errstr);
if (!$server) {
    fwrite(STDOUT, "error $errstr\n");
    exit(1);
}
$name = stream_socket_get_name($server, false);
$scheme = substr($listen, 0, strpos($listen, '://'));
fwrite(STDOUT, "listening $scheme://$name\n");
fflush(STDOUT);

$deadline = microtime(true) + $lifetime;
$clients = [];   // id => ['s' => stream, 'in' => buffer, 'drip' => string|null, 'next' => float]
$store = [];
$accepted = 0;

/** Replies to one complete command; returns false to close the connection. */
function handle(array &$c, string $line, ?string $data, string $mode, array &$store): bool
{
    $f = explode(' ', $line);
    $cmd = $f[0];
    $s = $c['s'];
    switch ($cmd) {
        case 'get':
        case 'gets':
            $key = $f[1] ?? 'k';
            switch ($mode) {
                case 'ok':
                    $out = '';
                    foreach (array_slice($f, 1) as $k) {
                        if (isset($store[$k])) {
                            [$flags, $v] = $store[$k];
                            $out .= "VALUE $k $flags " . strlen($v) . ($cmd === 'gets' ? ' 1' : '') . "\r\n$v\r\n";
                        }
                    }
                    fwrite($s, $out . "END\r\n");
                    return true;
                case 'garbage':      fwrite($s, "HTTP/1.1 400 Bad Request\r\n\r\n"); return true;
                case 'no_crlf':      fwrite($s, "END\n"); return true;
                case 'wrong_length': fwrite($s, "VALUE $key 0 3\r\nhello world\r\nEND\r\n"); return true;
                case 'oversized':    fwrite($s, "VALUE $key 0 4294967296000\r\n"); return true;
                case 'huge_length':  fwrite($s, "VALUE $key 0 100000000\r\n"); return true;
                case 'truncated':    fwrite($s, "VALUE $key 0 10\r\nabc"); return true;
                case 'close_mid':    fwrite($s, "VALUE $key 0 10\r\nabc"); return false;
                case 'close':        return false;
                case 'silent':       return true;
                case 'endless':      $c['drip'] = "VALUE $key 0 5\r\nhello\r\n"; $c['loop'] = true; return true;
                case 'trickle':      $c['drip'] = str_repeat('x', 1 << 20); $c['loop'] = false; $c['step'] = 1; return true;
                case 'long_line':    fwrite($s, str_repeat('y', 1 << 20)); return true;
                case 'wrong_key':    fwrite($s, "VALUE someone_else 0 5\r\nhello\r\nEND\r\n"); return true;
                case 'bad_store':    fwrite($s, "END\r\n"); return true;
            }
            fwrite($s, "END\r\n");
            return true;
        case 'set':
        case 'add':
        case 'replace':
        case 'append':
        case 'prepend':
        case 'cas':
            if ($cmd === 'set' && $mode === 'bad_store') {
                fwrite($s, "STORED_NOT\r\n");
                return true;
            }
            $key = $f[1] ?? '';
            if ($cmd === 'add' && isset($store[$key]) && $mode === 'ok') {
                fwrite($s, "NOT_STORED\r\n");
                return true;
            }
            $store[$key] = [(int)($f[2] ?? 0), (string)$data];
            fwrite($s, "STORED\r\n");
            return true;
        case 'incr':
        case 'decr':
            $key = $f[1] ?? '';
            if ($mode === 'ok' && isset($store[$key])) {
                $n = max(0, (int)$store[$key][1] + ($cmd === 'incr' ? 1 : -1) * (int)($f[2] ?? 1));
                $store[$key][1] = (string)$n;
                fwrite($s, "$n\r\n");
                return true;
            }
            fwrite($s, "NOT_FOUND\r\n");
            return true;
        case 'delete':
            unset($store[$f[1] ?? '']);
            fwrite($s, "DELETED\r\n");
            return true;
        case 'touch':
            fwrite($s, isset($store[$f[1] ?? '']) ? "TOUCHED\r\n" : "NOT_FOUND\r\n");
            return true;
        case 'version':
            fwrite($s, "VERSION fake-1.0\r\n");
            return true;
        case 'stats':
            // canned statistics, the same every time (php-tests/604: the shape and types of
            // getStats() results, whatever a real daemon's LRUs hold at the moment)
            $what = $f[1] ?? '';
            $replies = [
                '' => "STAT pid 4242\r\nSTAT uptime 10\r\nSTAT version fake-1.0\r\nSTAT rusage_user 0.123456\r\nEND\r\n",
                'slabs' => "STAT 1:chunk_size 96\r\nSTAT 1:free_chunks_end 0\r\nSTAT 12:chunk_size 1184\r\nSTAT active_slabs 2\r\nSTAT total_malloced 2097152\r\nEND\r\n",
                'items' => "STAT items:1:number 2\r\nSTAT items:1:age 5\r\nSTAT items:12:number 1\r\nEND\r\n",
                'sizes' => "STAT 96 2\r\nEND\r\n",
                'reset' => "RESET\r\n",
                'malloc' => "END\r\n",
            ];
            if ($what === 'cachedump') {
                fwrite($s, ($f[2] ?? '') === '1'
                    ? "ITEM stat_key [3 b; 1700000000 s]\r\nITEM other [11 b; 0 s]\r\nEND\r\n"
                    : "END\r\n");
                return true;
            }
            fwrite($s, $replies[$what] ?? "ERROR\r\n");
            return true;
        case 'flush_all':
            $store = [];
            fwrite($s, "OK\r\n");
            return true;
        case 'quit':
            return false;
    }
    fwrite($s, "ERROR\r\n");
    return true;
}

$storage = ['set', 'add', 'replace', 'append', 'prepend', 'cas'];
while (microtime(true) < $deadline) {
    if ($accepted >= $maxConns && !$clients) {
        break;
    }
    $read = [$server];
    foreach ($clients as $c) {
        $read[] = $c['s'];
    }
    $w = $e = null;
    if (@stream_select($read, $w, $e, 0, 20000) === false) {
        break;
    }
    foreach ($read as $r) {
        if ($r === $server) {
            $s = @stream_socket_accept($server, 0);
            if ($s) {
                $accepted++;
                $clients[(int)$s] = ['s' => $s, 'in' => '', 'drip' => null, 'next' => 0.0, 'loop' => false, 'step' => 64];
            }
            continue;
        }
        $id = (int)$r;
        $chunk = @fread($r, 65536);
        if ($chunk === '' || $chunk === false) {
            if (feof($r)) {
                fclose($r);
                unset($clients[$id]);
            }
            continue;
        }
        $c = &$clients[$id];
        $c['in'] .= $chunk;
        $keep = true;
        while ($keep && ($nl = strpos($c['in'], "\r\n")) !== false) {
            $line = substr($c['in'], 0, $nl);
            $f = explode(' ', $line);
            $data = null;
            $need = $nl + 2;
            if (in_array($f[0], $storage, true)) {
                $len = (int)($f[4] ?? 0);
                if (strlen($c['in']) < $need + $len + 2) {
                    break; // wait for the data block
                }
                $data = substr($c['in'], $need, $len);
                $need += $len + 2;
            }
            $c['in'] = (string)substr($c['in'], $need);
            $keep = handle($c, $line, $data, $mode, $store);
        }
        unset($c);
        if (!$keep) {
            fclose($r);
            unset($clients[$id]);
        }
    }
    // Drip-feed the never-ending replies.
    $now = microtime(true);
    foreach ($clients as $id => $c) {
        if ($c['drip'] !== null && $now >= $c['next']) {
            $piece = $c['loop'] ? $c['drip'] : substr($c['drip'], 0, $c['step']);
            if (@fwrite($c['s'], $piece) === false) {
                fclose($c['s']);
                unset($clients[$id]);
                continue;
            }
            if (!$c['loop']) {
                $clients[$id]['drip'] = (string)substr($c['drip'], $c['step']);
            }
            $clients[$id]['next'] = $now + 0.05;
        }
    }
}
foreach ($clients as $c) {
    @fclose($c['s']);
}
