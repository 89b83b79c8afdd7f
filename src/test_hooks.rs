//! Fault injection for the test suite, compiled only with the cargo feature
//! `test-hooks` (scripts/test.sh builds with it; `make build`, `make
//! install` and the phpize/PIE build do not, so a production build has no
//! way to be told to fail).
//!
//! - [`injected_panic`]: the environment variable `PHP_MEMCACHE_TEST_PANIC`
//!   names entry points as `ffi::guard` calls them (`session read`,
//!   `session open`, ...; several separated by commas); each panics inside
//!   the guard, so a test proves a panic becomes a warning and a failure
//!   return (php-tests/407). Read once per process.
//! - [`refuse_threads`]: the next `n` helper threads the wire layer asks
//!   for on this thread are refused, as an OS out of threads would, so a
//!   test proves the sequential fallback (tests/wire_parallel.rs).
//! - [`record_writes`]: while on, the wire layer notes the peer port of
//!   every connection a round writes, in the order written
//!   ([`take_writes`]), so a test sees which server a round started first
//!   (tests/pool_order.rs).

use std::cell::Cell;

/// Whether the entry point `what` is to panic (see the module doc).
pub fn injected_panic(what: &str) -> bool {
    static NAMES: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| std::env::var("PHP_MEMCACHE_TEST_PANIC").ok())
        .as_deref()
        .is_some_and(|names| names.split(',').any(|n| n.trim() == what))
}

thread_local! {
    static REFUSED_THREADS: Cell<usize> = const { Cell::new(0) };
    static WRITES: std::cell::RefCell<Option<Vec<u16>>> = const { std::cell::RefCell::new(None) };
}

/// Start (true) or stop (false, forgetting them) noting the connections
/// written on this thread.
pub fn record_writes(on: bool) {
    WRITES.with(|w| *w.borrow_mut() = on.then(Vec::new));
}

/// Called by the wire layer as it writes a batch on a connection to the
/// port `port()` gives (0: not TCP); a no-op unless [`record_writes`] is on
/// (the port costs a getpeername(), which a build with this feature must
/// not pay on every write: benchmarks of it would count it).
pub fn wrote(port: impl FnOnce() -> u16) {
    WRITES.with(|w| {
        if let Some(list) = w.borrow_mut().as_mut() {
            list.push(port());
        }
    });
}

/// The peer ports noted since the last call, in the order written.
pub fn take_writes() -> Vec<u16> {
    WRITES.with(|w| w.borrow_mut().as_mut().map(std::mem::take).unwrap_or_default())
}

/// Refuse the next `n` helper threads asked for on this thread.
pub fn refuse_threads(n: usize) {
    REFUSED_THREADS.with(|c| c.set(n));
}

/// How many refusals are still to come on this thread.
pub fn threads_to_refuse() -> usize {
    REFUSED_THREADS.with(Cell::get)
}

/// Called where a helper thread is about to be spawned: true (and one
/// refusal used up) when it is to be refused.
pub fn refuse_thread() -> bool {
    REFUSED_THREADS.with(|c| {
        let n = c.get();
        c.set(n.saturating_sub(1));
        n > 0
    })
}
