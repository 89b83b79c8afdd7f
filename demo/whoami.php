<?php
require __DIR__ . '/_session.inc';
if (!isset($_SESSION['user'])) {
    echo "[$server] not logged in (session id ", session_id(), ", empty session)\n";
    exit;
}
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
echo "[$server] you are {$_SESSION['user']} (logged in on {$_SESSION['logged_in_on']} at {$_SESSION['logged_in_at']})\n";
echo "session id: ", session_id(), ", visits: {$_SESSION['visits']}\n";
