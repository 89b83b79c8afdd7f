<?php
require __DIR__ . '/_session.inc';
$who = $_SESSION['user'] ?? '(nobody)';
session_destroy();
echo "[$server] logged out $who\n";
