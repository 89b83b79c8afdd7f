# php-memcache (Rust drop-in for pecl memcache): built AND tested inside the image, like CI.
# (No "# syntax=" line: BuildKit would fetch a frontend image for it; the built-in one serves.)
#
# Build and test; the last stage, "runtime", is Debian's PHP 8.2 CLI with the extension enabled:
#   docker build -t php-memcache .
# Only the files, into ./out/opt/php-memcache/ (BuildKit: DOCKER_BUILDKIT=1 or docker buildx):
#   docker build --target artifact -o out .
# Run it:
#   docker run --rm php-memcache php --ri memcache
#
# The built files are at a fixed path in the "artifact" and "runtime" stages:
#   /opt/php-memcache/php_memcache_rs.so     the extension (PHP 8.2, API 20220829, NTS, glibc >= 2.34)
#   /opt/php-memcache/memcache-rs.ini        "extension=php_memcache_rs.so"
#   /opt/php-memcache/install.sh             installs + enables it in the PHP of your own image
#   /opt/php-memcache/BUILT-FOR              the PHP build it is for: "20220829 NTS release"
#   /opt/php-memcache/memcache.stub.php      IDE stubs
# Your own image: docs/INSTALL.md ("Docker"); every example there is built by scripts/docker-test.sh.
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
# The suite runs a build with the test-hooks feature (fault injection); the artifact is rebuilt
# without it.
RUN bash scripts/test.sh \
 && cargo build --release \
 && mkdir -p /opt/php-memcache \
 && cp target/release/libphp_memcache.so /opt/php-memcache/php_memcache_rs.so \
 && printf '; php-memcache (Rust): drop-in replacement for pecl memcache (module "memcache").\n; Do not enable pecl memcache as well: both register the module "memcache".\n; priority=20\nextension=php_memcache_rs.so\n' \
      > /opt/php-memcache/memcache-rs.ini \
 && php -n -r 'ob_start(); phpinfo(INFO_GENERAL); preg_match("/^PHP Extension => (\d+)/m", ob_get_clean(), $m); echo $m[1], " ", PHP_ZTS ? "ZTS" : "NTS", " ", PHP_DEBUG ? "debug" : "release", "\n";' \
      > /opt/php-memcache/BUILT-FOR \
 && install -m 0755 scripts/docker-install-extension.sh /opt/php-memcache/install.sh \
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
RUN /opt/php-memcache/install.sh
CMD ["php", "-a"]
