# syntax=docker/dockerfile:1
#
# php-memcache (Rust drop-in for pecl memcache): built AND tested inside the image, like CI.
#
#   docker build -t php-memcache .                  # build + full test suite; final stage "runtime"
#   docker build --target artifact -o out .         # only the files, into ./out/opt/php-memcache/
#   docker run --rm php-memcache php -m             # Debian PHP 8.2 CLI with the extension enabled
#
# The built files are at a fixed path in the "artifact" and "runtime" stages:
#   /opt/php-memcache/php_memcache_rs.so     the extension (PHP 8.2, API 20220829, NTS, glibc >= 2.34)
#   /opt/php-memcache/memcache-rs.ini        "extension=php_memcache_rs.so"
#   /opt/php-memcache/memcache.stub.php      IDE stubs
#
# Use it in your own PHP 8.2 image (docs/INSTALL.md has more):
#
#   FROM php-memcache AS memcache                   # the image built from this file
#   FROM php:8.2-fpm-bookworm                       # official image: NTS, glibc
#   COPY --from=memcache /opt/php-memcache/php_memcache_rs.so /usr/local/lib/php/extensions/no-debug-non-zts-20220829/
#   RUN docker-php-ext-enable php_memcache_rs
#
# or, on a Debian bookworm image with Debian's php8.2 packages:
#
#   COPY --from=memcache /opt/php-memcache/php_memcache_rs.so /usr/lib/php/20220829/
#   COPY --from=memcache /opt/php-memcache/memcache-rs.ini /etc/php/8.2/mods-available/
#   RUN phpenmod memcache-rs
#
# Do not install pecl memcache (php8.2-memcache / pecl install memcache) in the same image:
# both register the module "memcache".

# ---- build: the same scripts CI runs (deps, cargo test, build, phpt suite vs memcached) ----------
FROM rust:1-bookworm AS build
ENV DEBIAN_FRONTEND=noninteractive CARGO_TERM_COLOR=never
WORKDIR /src
# system packages first, in their own (cached) layer: php8.2-dev, memcached, libclang, the pecl
# memcache/memcached references the tests compare against, ...
COPY scripts/deps.sh scripts/deps.sh
RUN bash scripts/deps.sh
COPY . .
# cargo test + cargo build --release + memcached daemons on loopback + the whole phpt suite.
# test.sh exits non-zero on any failure, which fails the image build.
RUN bash scripts/test.sh \
 && mkdir -p /opt/php-memcache \
 && cp target/release/libphp_memcache.so /opt/php-memcache/php_memcache_rs.so \
 && printf '; php-memcache (Rust): drop-in replacement for pecl memcache (module "memcache").\n; Do not enable pecl memcache as well: both register the module "memcache".\n; priority=20\nextension=php_memcache_rs.so\n' \
      > /opt/php-memcache/memcache-rs.ini \
 && cp stubs/memcache.stub.php /opt/php-memcache/

# ---- artifact: only the files (docker build --target artifact -o out .) -------------------------
FROM scratch AS artifact
COPY --from=build /opt/php-memcache/ /opt/php-memcache/

# ---- runtime: Debian's PHP 8.2 CLI with the extension enabled (no pecl memcache installed) -------
FROM debian:bookworm-slim AS runtime
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends php8.2-cli \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/php-memcache/ /opt/php-memcache/
RUN cp /opt/php-memcache/php_memcache_rs.so "$(php -r 'echo PHP_EXTENSION_DIR;')/" \
 && cp /opt/php-memcache/memcache-rs.ini /etc/php/8.2/mods-available/memcache-rs.ini \
 && phpenmod -v 8.2 memcache-rs \
 && php -m | grep -qx memcache \
 && php -r 'exit(function_exists("memcache_session_stats") ? 0 : 1);'
CMD ["php", "-a"]
