<?php
// The end-to-end baseline page: the same output as page.php, no session. Its requests/s is what
// nginx + php-fpm + wrk cost on this machine without any session handler work.
echo 'n=1', "\n";
