<?php
header('Content-Type: text/plain; charset=utf-8');
echo "php-memcache demo on ", $_SERVER['SERVER_PORT'] ?? '?', ": /login.php?user=NAME, /whoami.php, /logout.php\n";
echo "memcache extension loaded: ", extension_loaded('memcache') ? 'yes' : 'no', ", session.save_handler=", ini_get('session.save_handler'), "\n";
echo "session.save_path=", ini_get('session.save_path'), "\n";
