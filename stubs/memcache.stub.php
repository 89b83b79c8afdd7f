<?php
/**
 * IDE stubs for the `memcache` extension: php-memcache (Rust), a drop-in replacement for
 * pecl memcache 4.0.5.x / 8.x.
 *
 * Never include this file in a program that loads the extension (everything here would be
 * declared twice). Point your IDE or static analyser (PhpStorm, Psalm, PHPStan, Intelephense)
 * at it instead.
 *
 * Names, parameter names, parameter order and optional-ness are those of pecl memcache, as its
 * reflection reports them (`php -n -d extension=memcache.so --re memcache`), so named arguments
 * written for pecl work unchanged. Native types are declared where pecl declares them; the
 * rest are in the phpdoc. Defaults are pecl's (memcache.default_port is 11211 unless changed).
 * tests/check_stubs.php checks this file against the extension loaded at run time
 * (php-tests/520_info_stubs.phpt); `php -l stubs/memcache.stub.php` checks the syntax.
 *
 * Additions of php-memcache over pecl memcache: memcache_session_stats().
 *
 * Flags: the low 16 bits of an item's flags belong to the extension (serialized, compressed,
 * value type); MEMCACHE_USER1..4 (bits 16-19) are passed through untouched for applications.
 */

/** The value is (to be) stored zlib-compressed. */
const MEMCACHE_COMPRESSED = 2;
/** Application flag bit 16, passed through untouched. */
const MEMCACHE_USER1 = 65536;
/** Application flag bit 17, passed through untouched. */
const MEMCACHE_USER2 = 131072;
/** Application flag bit 18, passed through untouched. */
const MEMCACHE_USER3 = 262144;
/** Application flag bit 19, passed through untouched. */
const MEMCACHE_USER4 = 524288;
/** 1: the `memcache` session save handler is available. */
const MEMCACHE_HAVE_SESSION = 1;

/**
 * A pool of memcached servers (the newer pecl API): keys are spread over the servers added with
 * addServer()/connect() by memcache.hash_strategy and memcache.hash_function.
 */
class MemcachePool
{
    /**
     * Adds a server and connects to it at once.
     *
     * @param string $host     host name, IP address, or unix:///path/to/socket (then $tcp_port 0)
     * @param int    $tcp_port default memcache.default_port
     * @param int    $udp_port 0 = no UDP
     * @param bool   $persistent keep the connection open across requests
     * @param int    $weight   share of the keys (> 0)
     * @param float  $timeout  connect/read timeout in seconds
     * @param int    $retry_interval seconds a failed server is left alone (-1: never retried)
     * @return bool
     */
    public function connect($host, $tcp_port = 11211, $udp_port = 0, $persistent = true, $weight = 1, $timeout = 1.0, $retry_interval = 15) {}

    /**
     * Adds a server to the pool; connections are opened lazily.
     *
     * @param string $host     host name, IP address, or unix:///path/to/socket (then $tcp_port 0)
     * @param int    $tcp_port default memcache.default_port
     * @param int    $udp_port 0 = no UDP
     * @param bool   $persistent keep the connection open across requests
     * @param int    $weight   share of the keys (> 0)
     * @param float  $timeout  connect/read timeout in seconds
     * @param int    $retry_interval seconds a failed server is left alone (-1: never retried)
     * @param bool   $status   false: the server is added marked as failed
     */
    public function addServer($host, $tcp_port = 11211, $udp_port = 0, $persistent = true, $weight = 1, $timeout = 1.0, $retry_interval = 15, $status = true): bool {}

    /**
     * Changes the parameters of a server already in the pool.
     *
     * @param callable|null $failure_callback function (string $host, int $tcp_port, int $udp_port, string $error, int $errnum)
     */
    public function setServerParams(string $host, int $tcp_port = 11211, float $timeout = 1.0, int $retry_interval = 15, bool $status = true, $failure_callback = null): bool {}

    /**
     * Sets the function called when a server fails.
     *
     * @param callable|null $failure_callback function (string $host, int $tcp_port, int $udp_port, string $error, int $errnum)
     */
    public function setFailureCallback(?callable $failure_callback): bool {}

    /**
     * @return int|false 0 if the server is marked failed, non-zero if it is usable; false if unknown
     */
    public function getServerStatus(string $host, int $tcp_port = 11211): int|bool {}

    /**
     * @return string|false "host:port" of the server the key maps to
     */
    public function findServer(string $key): string|bool {}

    /**
     * @return string|false the version of the first server that answers
     */
    public function getVersion(): string|bool {}

    /**
     * Stores the value only if the key does not exist yet.
     *
     * @param string|array<string, mixed> $key   a key, or [key => value, ...] (then $value is unused)
     * @param mixed                       $value
     * @param int                         $flags MEMCACHE_COMPRESSED | MEMCACHE_USER1..4
     * @param int                         $exptime seconds (<= 30 days) or a unix time; 0 = never
     * @param int                         $cas
     */
    public function add(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Stores the value, whether or not the key exists.
     *
     * @param string|array<string, mixed> $key   a key, or [key => value, ...] (then $value is unused)
     * @param int                         $flags MEMCACHE_COMPRESSED | MEMCACHE_USER1..4
     * @param int                         $exptime seconds (<= 30 days) or a unix time; 0 = never
     */
    public function set(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Stores the value only if the key exists.
     *
     * @param string|array<string, mixed> $key
     */
    public function replace(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Stores the value only if the item was not changed since it was read with $cas.
     *
     * @param string|array<string, mixed> $key
     * @param int                         $cas the token get() returned in its $cas argument
     */
    public function cas(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Appends to an existing value (no compression or serialization is applied).
     *
     * @param string|array<string, mixed> $key
     */
    public function append(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Prepends to an existing value (no compression or serialization is applied).
     *
     * @param string|array<string, mixed> $key
     */
    public function prepend(array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

    /**
     * Reads one key, or several at once.
     *
     * @param string|string[] $key
     * @param mixed           $flags set to the item's flags (an array of them for several keys)
     * @param mixed           $cas   set to the item's CAS token (an array of them for several keys)
     * @return mixed the value, false if missing; for several keys [key => value] of those found
     */
    public function get(array|string $key, mixed &$flags = null, mixed &$cas = null): mixed {}

    /**
     * @param string|string[] $key
     * @param int             $exptime must be 0 on memcached >= 1.4
     * @return bool|array<string, bool> for several keys: [key => deleted]
     */
    public function delete(array|string $key, int $exptime = 0): array|bool {}

    /**
     * Statistics of the first server that answers.
     *
     * @param string $type "", "reset", "malloc", "slabs", "cachedump", "items", "sizes"
     * @return array<string, mixed>|false
     */
    public function getStats(string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

    /**
     * Statistics of every server: ["host:port" => stats array, or false when it failed].
     *
     * @return array<string, array<string, mixed>|false>|false
     */
    public function getExtendedStats(string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

    /**
     * Values of at least $threshold bytes are compressed when that saves at least $min_savings.
     *
     * @param float $min_savings 0.0 .. 1.0
     */
    public function setCompressThreshold(int $threshold, float $min_savings = 0.2): bool {}

    /**
     * @param string|string[] $key
     * @param int             $defval initial value stored when the key is missing (only if passed)
     * @return int|false|array<string, int|false> the new value(s)
     */
    public function increment(array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): array|int|bool {}

    /**
     * @param string|string[] $key
     * @param int             $defval initial value stored when the key is missing (only if passed)
     * @return int|false|array<string, int|false> the new value(s); never below 0
     */
    public function decrement(array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): array|int|bool {}

    /** Closes the pool's non-persistent connections. */
    public function close(): bool {}

    /** Invalidates every item on every server of the pool (after $delay seconds). */
    public function flush(int $delay = 0): bool {}

    /** Credentials for SASL (binary protocol only). */
    public function setSaslAuthData(string $username, string $password): bool {}
}

/**
 * The classic pecl memcache client (a MemcachePool with the older connect()/addServer()
 * signatures).
 */
class Memcache extends MemcachePool
{
    /**
     * Adds one server and connects to it at once.
     *
     * @param string $host host name, IP address, or unix:///path/to/socket (then $port 0)
     * @param int    $port default memcache.default_port
     * @param float  $timeout seconds
     * @return bool
     */
    public function connect($host, $port = 11211, $timeout = 1.0, $unused4 = null, $unused5 = null, $unused6 = null, $unused7 = null, $unugsed8 = null) {}

    /**
     * connect() with a persistent connection.
     *
     * @param string $host
     * @param int    $port
     * @param float  $timeout seconds
     * @return bool
     */
    public function pconnect($host, $port = 11211, $timeout = 1.0, $unused4 = null, $unused5 = null, $unused6 = null, $unused7 = null, $unugsed8 = null) {}

    /**
     * Adds a server to the pool; connections are opened lazily.
     *
     * @param string        $host
     * @param int           $tcp_port default memcache.default_port
     * @param bool          $persistent
     * @param int           $weight   share of the keys (> 0)
     * @param float         $timeout  seconds
     * @param int           $retry_interval seconds a failed server is left alone (-1: never retried)
     * @param bool          $status   false: the server is added marked as failed
     * @param callable|null $failure_callback function (string $host, int $tcp_port, int $udp_port, string $error, int $errnum)
     */
    public function addServer($host, $tcp_port = 11211, $persistent = true, $weight = 1, $timeout = 1.0, $retry_interval = 15, $status = true, $failure_callback = null): bool {}
}

/**
 * Connects to one server.
 *
 * @param string $host
 * @param int    $port
 * @param float  $timeout seconds
 * @return Memcache|false
 */
function memcache_connect($host, $port = 11211, $timeout = 1.0, $unused4 = null, $unused5 = null, $unused6 = null, $unused7 = null, $unugsed8 = null) {}

/**
 * memcache_connect() with a persistent connection.
 *
 * @param string $host
 * @param int    $port
 * @param float  $timeout seconds
 * @return Memcache|false
 */
function memcache_pconnect($host, $port = 11211, $timeout = 1.0, $unused4 = null, $unused5 = null, $unused6 = null, $unused7 = null, $unugsed8 = null) {}

/**
 * Memcache::addServer() as a function.
 *
 * pecl's arginfo names ten parameters ($port AND $tcp_port), but the function takes at most
 * nine: positionally they are ($memcache, $host, $tcp_port, $persistent, $weight, $timeout,
 * $retry_interval, $status, $failure_callback). The names below are pecl's, for named arguments.
 *
 * @param string $host
 */
function memcache_add_server(MemcachePool $memcache, $host, $port = 11211, $tcp_port = true, $persistent = 1, $weight = 1.0, $timeout = 15, $retry_interval = true, $status = null, $failure_callback = null): bool {}

/** @param callable|null $failure_callback */
function memcache_set_server_params(MemcachePool $memcache, string $host, int $tcp_port = 11211, float $timeout = 1.0, int $retry_interval = 15, bool $status = true, $failure_callback = null): bool {}

function memcache_set_failure_callback(MemcachePool $memcache, ?callable $failure_callback): bool {}

/** @return int|false */
function memcache_get_server_status(MemcachePool $memcache, string $host, int $tcp_port = 11211): int|bool {}

/** @return string|false */
function memcache_get_version(MemcachePool $memcache): string|bool {}

/** @param string|array<string, mixed> $key */
function memcache_add(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/** @param string|array<string, mixed> $key */
function memcache_set(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/** @param string|array<string, mixed> $key */
function memcache_replace(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/** @param string|array<string, mixed> $key */
function memcache_cas(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/** @param string|array<string, mixed> $key */
function memcache_append(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/** @param string|array<string, mixed> $key */
function memcache_prepend(MemcachePool $memcache, array|string $key, mixed $value = null, int $flags = 0, int $exptime = 0, int $cas = 0): bool {}

/**
 * @param string|string[] $key
 * @param mixed           $flags
 * @param mixed           $cas
 */
function memcache_get(MemcachePool $memcache, $key, &$flags = null, &$cas = null): mixed {}

/**
 * @param string|string[] $key
 * @param int             $exptime
 * @return bool|array<string, bool>
 */
function memcache_delete(MemcachePool $memcache, $key, $exptime = 0): array|bool {}

/**
 * Debug output (pecl: only when built with --enable-debug; returns false otherwise).
 *
 * @param bool $on_off
 */
function memcache_debug($on_off): bool {}

/** @return array<string, mixed>|false */
function memcache_get_stats(MemcachePool $memcache, string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

/** @return array<string, array<string, mixed>|false>|false */
function memcache_get_extended_stats(MemcachePool $memcache, string $type = '', int $slabid = 0, int $limit = 100): array|bool {}

function memcache_set_compress_threshold(MemcachePool $memcache, int $threshold, float $min_savings = 0.2): bool {}

/**
 * @param string|string[] $key
 * @return int|false|array<string, int|false>
 */
function memcache_increment(MemcachePool $memcache, array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): array|int|bool {}

/**
 * @param string|string[] $key
 * @return int|false|array<string, int|false>
 */
function memcache_decrement(MemcachePool $memcache, array|string $key, int $value = 1, int $defval = 0, int $exptime = 0): array|int|bool {}

function memcache_close(MemcachePool $memcache): bool {}

function memcache_flush(MemcachePool $memcache, int $delay = 0): bool {}

function memcache_set_sasl_auth_data(MemcachePool $memcache, string $username, string $password): bool {}

/**
 * php-memcache only (not in pecl memcache): what this worker process knows about every
 * memcached server it has used, keyed by server id ("tcp://host:port" or "unix:///path").
 * Counters start at 0 when the process starts (each php-fpm worker has its own) and only grow.
 *
 * - state: "down" while the server is skipped after a failure (for its retry_interval), else "up"
 * - down_until: unix time (float) until which it is skipped, null when up
 * - requests: batches addressed to the server (one per lock+read, write, ...), skipped ones included
 * - failures: connect/read/write failures, timeouts and protocol errors (each marks it down)
 * - failovers: session reads that had to move past this server to a later one
 * - lock_waits: session reads that found the session locked here and waited
 * - lock_wait_time: seconds spent in those waits, in total
 * - read_repairs: session copies written back here after they were found missing or behind
 * - stale_copies: session reads that found an older copy here than on another server (not served)
 * - stranded_locks: lock records found here over a superseded copy and taken over, not waited for
 * - connects: connections opened (a low number means pooled connections are reused)
 * - last_error: the last failure's message, or null
 *
 * @return array<string, array{state: 'up'|'down', down_until: float|null, requests: int, failures: int, failovers: int, lock_waits: int, lock_wait_time: float, read_repairs: int, stale_copies: int, stranded_locks: int, connects: int, last_error: string|null}>
 */
function memcache_session_stats(): array {}
