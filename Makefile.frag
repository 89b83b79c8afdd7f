# php-memcache's build for phpize / PIE (added to the Makefile configure writes; see config.m4).
# `make` runs cargo for the PHP configure found and copies the library to modules/memcache.so;
# phpize's own install-modules installs modules/* into that PHP's extension directory.
# cargo builds in $(CARGO_TARGET_DIR) when set, else target/ here.

MEMCACHE_TARGET_DIR = $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(srcdir)/target)
MEMCACHE_SOURCES = $(srcdir)/Cargo.toml $(srcdir)/Cargo.lock $(srcdir)/build.rs \
	$(wildcard $(srcdir)/src/*.rs $(srcdir)/src/*/*.rs $(srcdir)/src/*/*/*.rs)

all: $(phplibdir)/memcache.so
build-modules: $(phplibdir)/memcache.so

# Rebuilt only when a source is newer, so a later `sudo make install` does not need cargo.
$(phplibdir)/memcache.so: $(MEMCACHE_SOURCES)
	cd "$(srcdir)" && PHP="$(MEMCACHE_PHP)" PHP_CONFIG="$(MEMCACHE_PHP_CONFIG)" \
		CARGO_TARGET_DIR="$(MEMCACHE_TARGET_DIR)" "$(MEMCACHE_CARGO)" build --release --locked
	$(mkinstalldirs) $(phplibdir)
	cp "$(MEMCACHE_TARGET_DIR)/release/libphp_memcache.so" $@
	@"$(MEMCACHE_PHP)" -n -d extension=$@ -r 'exit(function_exists("memcache_session_stats") ? 0 : 1);' \
		|| { echo "$@ does not load into $(MEMCACHE_PHP)"; exit 1; }
	@echo "Built $@ for PHP `"$(MEMCACHE_PHP_CONFIG)" --version` (module memcache: enable it with extension=memcache)"
