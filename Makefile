# php-memcache: a drop-in replacement for pecl memcache, in Rust.
#
#   make build       cargo build --release -> target/release/libphp_memcache.so
#   make test        scripts/test.sh: deps, cargo test, build, memcached daemons, phpt suite;
#                    last line "N passed, M failed"
#   make test-pecl   the phpt suite against pecl memcache itself (validates the tests)
#   make drill       bench/drill.sh: failover drill (nginx + php-fpm + memcached under load, one
#                    daemon killed / restarted / stopped / flapped / cut off; ours, pecl memcache,
#                    pecl memcached); rewrites docs/RELIABILITY.md. DRILL_QUICK=1: ours only,
#                    < 3 min, last line "N passed, M failed"
#   make pecl-suite  pecl memcache's OWN phpt suite (Debian's php-memcache source package, fetched
#                    and cached in .run/) against ours, ASCII and binary protocol
#   make pecl-suite-baseline   the same suite against pecl memcache built from that package
#   make demo        scripts/demo.sh: two web servers sharing sessions through two memcached,
#                    one daemon killed -9, nobody logged out
#   make install     copy the .so into PHP's extension dir as $(SO_NAME) and enable it with
#                    $(INI_NAME) (honours DESTDIR). Both this and pecl memcache register the
#                    module "memcache": disable pecl's first (Debian: phpdismod memcache).
#   make uninstall   remove both files again
#   make clean       cargo clean and test artefacts

SHELL       := /bin/bash
CARGO       ?= cargo
PHP_CONFIG  ?= php-config
SO          := target/release/libphp_memcache.so
SO_NAME     ?= php_memcache_rs.so
INI_NAME    ?= memcache-rs.ini
EXTENSION_DIR ?= $(shell $(PHP_CONFIG) --extension-dir 2>/dev/null)
# Where PHP scans for extra ini files: $PHP_INI_SCAN_DIR if set, else what `php --ini` reports,
# else php-config's --ini-dir.
INI_DIR     ?= $(or $(PHP_INI_SCAN_DIR),$(shell php --ini 2>/dev/null | sed -n 's/^Scan for additional .ini files in: *//p' | grep -v '^(none)$$' | cut -d: -f1),$(shell $(PHP_CONFIG) --ini-dir 2>/dev/null))
# Debian/Ubuntu keep one ini per module in mods-available and link it into every SAPI with phpenmod
PHP_SERIES  ?= $(shell $(PHP_CONFIG) --version 2>/dev/null | cut -d. -f1,2)
MODS_AVAILABLE ?= /etc/php/$(PHP_SERIES)/mods-available
INI_TEXT    := ; php-memcache (Rust): drop-in replacement for pecl memcache (module "memcache").\n; Do not enable pecl memcache as well: both register the module "memcache".\n; priority=20\nextension=$(SO_NAME)\n

.PHONY: all build test test-pecl pecl-suite pecl-suite-baseline demo drill install uninstall clean daemons-start daemons-stop

all: build

build:
	$(CARGO) build --release

test:
	@bash scripts/test.sh

test-pecl:
	@MEMCACHE_SUITE_EXT=pecl bash scripts/test.sh

pecl-suite:
	@bash scripts/pecl-suite.sh

pecl-suite-baseline:
	@PECL_SUITE_EXT=pecl bash scripts/pecl-suite.sh

demo:
	@bash scripts/demo.sh

drill:
	@bash bench/drill.sh

daemons-start:
	bash scripts/daemons.sh start

daemons-stop:
	bash scripts/daemons.sh stop

install:
	@test -f "$(SO)" || { echo "$(SO) is missing: run 'make build' first (as the user that has cargo)"; exit 1; }
	@test -n "$(EXTENSION_DIR)" || { echo "php-config not found: install php-dev (scripts/deps.sh) or pass PHP_CONFIG=/path/to/php-config"; exit 1; }
	install -d "$(DESTDIR)$(EXTENSION_DIR)"
	install -m 0644 "$(SO)" "$(DESTDIR)$(EXTENSION_DIR)/$(SO_NAME)"
	@if [ -d "$(MODS_AVAILABLE)" ] && command -v phpenmod >/dev/null 2>&1; then \
		install -d "$(DESTDIR)$(MODS_AVAILABLE)"; \
		printf '$(INI_TEXT)' > "$(DESTDIR)$(MODS_AVAILABLE)/$(INI_NAME)"; \
		echo "wrote $(DESTDIR)$(MODS_AVAILABLE)/$(INI_NAME)"; \
		if [ -z "$(DESTDIR)" ]; then \
			phpenmod -v "$(PHP_SERIES)" "$(basename $(INI_NAME))" && echo "enabled for every SAPI with: phpenmod -v $(PHP_SERIES) $(basename $(INI_NAME))"; \
		else \
			echo "(DESTDIR set: run 'phpenmod -v $(PHP_SERIES) $(basename $(INI_NAME))' on the target system)"; \
		fi; \
	else \
		test -n "$(INI_DIR)" || { echo "no ini scan directory found: pass INI_DIR=/path/to/conf.d"; exit 1; }; \
		install -d "$(DESTDIR)$(INI_DIR)"; \
		printf '$(INI_TEXT)' > "$(DESTDIR)$(INI_DIR)/$(INI_NAME)"; \
		echo "wrote $(DESTDIR)$(INI_DIR)/$(INI_NAME)"; \
	fi
	@if [ -z "$(DESTDIR)" ]; then \
		if php -m 2>&1 | grep -qi 'module "memcache" is already loaded'; then \
			echo "WARNING: pecl memcache is enabled too; both register the module 'memcache'."; \
			echo "         Disable it: 'phpdismod memcache' (Debian/Ubuntu) or remove its extension=memcache.so line."; \
		elif php -r 'exit(function_exists("memcache_session_stats") ? 0 : 1);' 2>/dev/null; then \
			echo "php -m: memcache (php-memcache $$(php -r 'echo phpversion("memcache");')) is loaded"; \
		else \
			echo "NOTE: the CLI does not load php-memcache yet (another memcache extension loaded first, or a different scan dir): check 'php --ini' and 'php -m'"; \
		fi; \
	fi

uninstall:
	rm -f "$(DESTDIR)$(EXTENSION_DIR)/$(SO_NAME)" "$(DESTDIR)$(INI_DIR)/$(INI_NAME)"
	@if [ -f "$(DESTDIR)$(MODS_AVAILABLE)/$(INI_NAME)" ]; then \
		if [ -z "$(DESTDIR)" ] && command -v phpdismod >/dev/null 2>&1; then phpdismod -v "$(PHP_SERIES)" "$(basename $(INI_NAME))" || true; fi; \
		rm -f "$(DESTDIR)$(MODS_AVAILABLE)/$(INI_NAME)"; \
	fi

clean:
	$(CARGO) clean
	rm -rf .run
	rm -f php-tests/*.diff php-tests/*.exp php-tests/*.log php-tests/*.out php-tests/*.php php-tests/*.sh php-tests/*.mem

# make bench        bench/run.sh: ours vs Debian's pecl memcache and pecl memcached on the same two
#                   memcached daemons (127.0.0.1:11611-11612): session cycle vs the round-trip floor,
#                   lock contention, nginx+php-fpm+wrk, callgrind, RSS; prints one table and rewrites
#                   docs/BENCHMARKS.md. BENCH_QUICK=1 make bench: smoke run (~1 min, doc untouched).
.PHONY: bench
bench:
	@bash bench/run.sh

# make valgrind   the phpt suite with every php process under valgrind memcheck (USE_ZEND_ALLOC=0),
#                 counting invalid reads/writes and definite leaks from the extension; installs
#                 valgrind if missing. Slow (20-50x); not part of `make test`. TESTS=... to narrow.
#                 See docs/HARDENING.md.
.PHONY: valgrind
valgrind: build
	bash scripts/valgrind.sh $(TESTS)
