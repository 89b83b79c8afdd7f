<?php
require __DIR__ . '/_session.inc';
$user = preg_replace('/[^A-Za-z0-9_.-]/', '', (string)($_GET['user'] ?? 'alice')) ?: 'alice';
$_SESSION['user'] = $user;
$_SESSION['logged_in_on'] = $server;
$_SESSION['logged_in_at'] = date('H:i:s');
$_SESSION['visits'] = 1;
echo "[$server] logged in as $user\n";
echo "session id: ", session_id(), "\n";
