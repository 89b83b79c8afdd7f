#!/usr/bin/env bash
# Makes the certificates the TLS tests use, with the openssl CLI, into DIR (default
# $MEMCACHE_TEST_DIR/tls). Nothing here is secret: test keys for loopback daemons only.
#
#   ca.pem / ca.key              the test CA
#   server.pem / server.key      memcached's certificate: CN localhost, SAN DNS:localhost,
#                                IP:127.0.0.1, IP:::1, signed by ca
#   expired.pem / expired.key    the same names, signed by ca, notAfter = the moment it is made
#   client.pem / client.key      a client certificate signed by ca (mutual TLS)
#   other-ca.pem                 a second CA nobody uses: the "unknown CA" trust anchor
#   other-client.pem / .key      a client certificate signed by other-ca (refused by mTLS daemons)
#   other-server.pem / .key      a server certificate signed by other-ca
#
# Idempotent: an existing, complete set younger than a day is kept (the expired certificate is
# expired either way). EC P-256 keys: fast to make, and what rustls and memcached both accept.
set -euo pipefail

DIR="${1:-${MEMCACHE_TEST_DIR:-/tmp/php-memcache-tests}/tls}"
mkdir -p "$DIR"
cd "$DIR"

FILES="ca.pem server.pem server.key expired.pem expired.key client.pem client.key other-ca.pem other-client.pem other-client.key other-server.pem other-server.key"
complete=1
for f in $FILES; do
    if [ ! -s "$f" ] || [ -n "$(find "$f" -mmin +1380 2>/dev/null)" ]; then complete=0; fi
done
[ "$complete" = 1 ] && exit 0

command -v openssl >/dev/null || { echo "tls-certs: openssl CLI not found (scripts/deps.sh installs it)" >&2; exit 1; }

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ca() { # name CN
    key "$1.key"
    openssl req -x509 -new -key "$1.key" -out "$1.pem" -subj "/CN=$2" -days 30 \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

leaf() { # name CN ca days extfile-content
    key "$1.key"
    openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null
    printf '%s\n' "$5" >"$1.ext"
    openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -out "$1.pem" \
        -days "$4" -extfile "$1.ext" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}

SERVER_EXT='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'
CLIENT_EXT='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth'

ca ca "php-memcache test CA"
ca other-ca "php-memcache other CA"
leaf server localhost ca 30 "$SERVER_EXT"
leaf expired localhost ca 0 "$SERVER_EXT"
leaf client php-memcache-client ca 30 "$CLIENT_EXT"
leaf other-client php-memcache-other-client other-ca 30 "$CLIENT_EXT"
leaf other-server localhost other-ca 30 "$SERVER_EXT"
# memcached may run as another user (-u): everything readable
chmod 0644 ./*.pem ./*.key
echo "tls-certs: made in $DIR" >&2
