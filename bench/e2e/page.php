<?php
// The end-to-end page: start the session (cookie set by bench/e2e/session.lua), change it, close it.
session_start();
$_SESSION['pad'] ??= str_repeat('p', 980);   // ~1 KiB serialized, like bench/bench.php
$_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1;
session_write_close();
echo 'n=', $_SESSION['n'], "\n";
