//! Round trips and latency per operation: memcache crate classic Client
//! (ascii + binary), memcache exp::MetaClient, and our wire layer, against
//! two real memcached daemons on loopback.
//!
//! Round trips are counted by a relaying proxy in front of each daemon: a
//! "flight" is each switch of direction from server->client (or start) to
//! client->server, i.e. each time the client sends after having waited for
//! a reply. Latency is measured without the proxy: median and p99 of
//! N single-threaded iterations after warm-up.
//!
//! cargo run --release --example wire_rtt

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use memcache::exp::{Arithmetic, Get, MetaClient, Set, Ttl};
use php_memcache::wire::{execute, execute_parallel, Batch, Conn, Endpoint, Reply};

const ROUNDS: usize = 10;
const PER_ROUND: usize = 2_000;
const ITER: usize = ROUNDS * PER_ROUND;
const RTT_ITER: u64 = 200;
const SLOW_ITER: usize = 500;
const SESSION: &[u8] = &[b's'; 2000];

// The integration tests' daemon helper: started on loopback, killed (and
// reaped) when dropped or when it never answers.
#[path = "../tests/common/mod.rs"]
mod common;
use common::Daemon;

/// A daemon as these measurements have always used: 2 worker threads,
/// memcached's default 64 MB (the helper's own default is 16).
fn daemon(port: u16) -> Daemon {
    Daemon::start_with(port, &["-t", "2", "-m", "64"])
}

/// Relay counting client->server flights.
/// `delay` is added once per flight (on its first chunk), simulating a
/// network round trip longer than loopback's.
fn proxy(upstream: u16, flights: Arc<AtomicU64>, delay: Duration) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    thread::spawn(move || {
        for client in l.incoming() {
            let Ok(client) = client else { continue };
            client.set_nodelay(true).unwrap();
            let server = TcpStream::connect(("127.0.0.1", upstream)).unwrap();
            server.set_nodelay(true).unwrap();
            // true = last bytes went server->client (waiting for a new request)
            let replied = Arc::new(AtomicBool::new(true));
            let (mut c_r, mut c_w) = (client.try_clone().unwrap(), client);
            let (mut s_r, mut s_w) = (server.try_clone().unwrap(), server);
            let (f, r1) = (flights.clone(), replied.clone());
            thread::spawn(move || {
                let mut buf = vec![0u8; 1 << 16];
                loop {
                    let n = match c_r.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if r1.swap(false, Ordering::SeqCst) {
                        f.fetch_add(1, Ordering::SeqCst);
                        if !delay.is_zero() {
                            thread::sleep(delay);
                        }
                    }
                    if s_w.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
                let _ = s_w.shutdown(std::net::Shutdown::Both);
            });
            thread::spawn(move || {
                let mut buf = vec![0u8; 1 << 16];
                loop {
                    let n = match s_r.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    replied.store(true, Ordering::SeqCst);
                    if c_w.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
                let _ = c_w.shutdown(std::net::Shutdown::Both);
            });
        }
    });
    port
}

/// Operations under test. lock+read does not release the lock between
/// iterations: after the first, every call takes the "lock held" path
/// (incr answers a number, add NOT_STORED), the same three commands.
trait Subject {
    fn name(&self) -> &'static str;
    fn get(&mut self) -> Option<()>;
    fn set(&mut self) -> Option<()>;
    fn lock_read(&mut self) -> Option<()>;
    fn mirrored_write(&mut self) -> Option<()>;
}

struct Classic {
    name: &'static str,
    a: memcache::Client,
    b: memcache::Client,
    ascii: bool,
}

impl Subject for Classic {
    fn name(&self) -> &'static str {
        self.name
    }
    fn get(&mut self) -> Option<()> {
        let v: Option<Vec<u8>> = self.a.get("sess").ok()?;
        v.map(|_| ())
    }
    fn set(&mut self) -> Option<()> {
        self.a.set("sess", SESSION, 1440).ok()
    }
    fn lock_read(&mut self) -> Option<()> {
        if !self.ascii {
            return None; // binary incr auto-creates the counter: not the lock protocol
        }
        let _ = self.a.increment("sess.lock", 1); // NOT_FOUND is an Err here
        let _ = self.a.add("sess.lock", "1", 30);
        let _: Option<Vec<u8>> = self.a.get("sess").ok()?;
        Some(())
    }
    fn mirrored_write(&mut self) -> Option<()> {
        for c in [&self.a, &self.b] {
            c.set("sess", SESSION, 1440).ok()?;
            c.set("sess.lock", "0", 30).ok()?;
        }
        Some(())
    }
}

struct Meta {
    a: MetaClient,
    b: MetaClient,
}

impl Subject for Meta {
    fn name(&self) -> &'static str {
        "memcache exp::MetaClient"
    }
    fn get(&mut self) -> Option<()> {
        self.a
            .get("sess")
            .send()
            .ok()
            .filter(|r| r.hit())
            .map(|_| ())
    }
    fn set(&mut self) -> Option<()> {
        self.a
            .set("sess", SESSION)
            .ttl(Ttl::secs(1440))
            .send()
            .ok()
            .map(|_| ())
    }
    fn lock_read(&mut self) -> Option<()> {
        let r = self
            .a
            .run_batch(vec![
                Arithmetic::new("sess.lock").into(),
                Set::new("sess.lock", "1").add().ttl(Ttl::secs(30)).into(),
                Get::new("sess").into(),
            ])
            .ok()?;
        r.iter().all(|x| x.is_ok()).then_some(())
    }
    fn mirrored_write(&mut self) -> Option<()> {
        for c in [&self.a, &self.b] {
            let r = c
                .run_batch(vec![
                    Set::new("sess", SESSION).ttl(Ttl::secs(1440)).into(),
                    Set::new("sess.lock", "0").ttl(Ttl::secs(30)).into(),
                ])
                .ok()?;
            r.iter().all(|x| x.is_ok()).then_some(())?;
        }
        Some(())
    }
}

struct Ours {
    a: Conn,
    b: Conn,
    get: Batch,
    set: Batch,
    lock: Batch,
    write: Batch,
}

impl Ours {
    fn new(pa: u16, pb: u16) -> Ours {
        let ep = |port| Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port,
        };
        let t = Duration::from_secs(1);
        let mut get = Batch::new();
        get.get(b"sess").unwrap();
        let mut set = Batch::new();
        set.set(b"sess", 0, 1440, SESSION).unwrap();
        let mut lock = Batch::new();
        lock.incr(b"sess.lock", 1)
            .unwrap()
            .add(b"sess.lock", 0, 30, b"1")
            .unwrap()
            .get(b"sess")
            .unwrap();
        let mut write = Batch::new();
        write
            .set(b"sess", 0, 1440, SESSION)
            .unwrap()
            .set(b"sess.lock", 0, 30, b"0")
            .unwrap();
        Ours {
            a: Conn::connect(&ep(pa), t).unwrap(),
            b: Conn::connect(&ep(pb), t).unwrap(),
            get,
            set,
            lock,
            write,
        }
    }
}

impl Subject for Ours {
    fn name(&self) -> &'static str {
        "ours (src/wire)"
    }
    fn get(&mut self) -> Option<()> {
        let r = execute(&mut self.a, &self.get).ok()?;
        matches!(&r[0], Reply::Values(v) if v.len() == 1).then_some(())
    }
    fn set(&mut self) -> Option<()> {
        let r = execute(&mut self.a, &self.set).ok()?;
        (r[0] == Reply::Stored).then_some(())
    }
    fn lock_read(&mut self) -> Option<()> {
        let r = execute(&mut self.a, &self.lock).ok()?;
        matches!(&r[2], Reply::Values(v) if v.len() == 1).then_some(())
    }
    fn mirrored_write(&mut self) -> Option<()> {
        let r = execute_parallel(&mut [(&mut self.a, &self.write), (&mut self.b, &self.write)]);
        r.iter().all(|x| x.is_ok()).then_some(())
    }
}

fn subjects(pa: u16, pb: u16) -> Vec<Box<dyn Subject>> {
    let classic = |ascii: bool, name| {
        let q = if ascii {
            "?protocol=ascii&tcp_nodelay=true"
        } else {
            "?tcp_nodelay=true"
        };
        let url = |p: u16| format!("memcache://127.0.0.1:{p}{q}");
        Box::new(Classic {
            name,
            a: memcache::Client::connect(url(pa)).unwrap(),
            b: memcache::Client::connect(url(pb)).unwrap(),
            ascii,
        }) as Box<dyn Subject>
    };
    vec![
        classic(true, "memcache Client (ascii)"),
        classic(false, "memcache Client (binary)"),
        Box::new(Meta {
            a: MetaClient::connect(format!("127.0.0.1:{pa}")).unwrap(),
            b: MetaClient::connect(format!("127.0.0.1:{pb}")).unwrap(),
        }),
        Box::new(Ours::new(pa, pb)),
    ]
}

type Op = fn(&mut dyn Subject) -> Option<()>;
const OPS: [(&str, Op); 4] = [
    ("get", |s| s.get()),
    ("set 2 KB", |s| s.set()),
    ("lock+read", |s| s.lock_read()),
    ("mirrored write x2", |s| s.mirrored_write()),
];

fn main() {
    let _d1 = daemon(21240);
    let _d2 = daemon(21241);
    // The session exists on both servers before anything is measured.
    for port in [21240, 21241] {
        let mut c = Conn::connect(
            &Endpoint::Tcp {
                host: "127.0.0.1".into(),
                port,
            },
            Duration::from_secs(1),
        )
        .unwrap();
        let mut b = Batch::new();
        b.set(b"sess", 0, 0, SESSION).unwrap();
        assert_eq!(execute(&mut c, &b).unwrap(), vec![Reply::Stored]);
    }
    let (fa, fb) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let (pa, pb) = (proxy(21240, fa.clone(), Duration::ZERO), proxy(21241, fb.clone(), Duration::ZERO));

    println!(
        "round trips per op (client->server flights via counting proxy, {RTT_ITER} iterations):"
    );
    println!(
        "{:<28} {:>22} {:>22} {:>22} {:>22}",
        "client", OPS[0].0, OPS[1].0, OPS[2].0, OPS[3].0
    );
    for mut s in subjects(pa, pb) {
        let mut cells = Vec::new();
        for (_, op) in OPS {
            // warm-up opens pooled connections
            if op(s.as_mut()).is_none() && op(s.as_mut()).is_none() {
                cells.push("n/a".to_string());
                continue;
            }
            thread::sleep(Duration::from_millis(20));
            let (a0, b0) = (fa.load(Ordering::SeqCst), fb.load(Ordering::SeqCst));
            for _ in 0..RTT_ITER {
                op(s.as_mut());
            }
            thread::sleep(Duration::from_millis(20));
            let da = (fa.load(Ordering::SeqCst) - a0) as f64 / RTT_ITER as f64;
            let db = (fb.load(Ordering::SeqCst) - b0) as f64 / RTT_ITER as f64;
            cells.push(if db > 0.0 {
                format!("{da:.1} + {db:.1}")
            } else {
                format!("{da:.1}")
            });
        }
        println!(
            "{:<28} {:>22} {:>22} {:>22} {:>22}",
            s.name(),
            cells[0],
            cells[1],
            cells[2],
            cells[3]
        );
    }

    println!();
    println!("latency per op, direct (no proxy), {ITER} iterations in {ROUNDS} interleaved rounds: median / p99 in µs");
    println!(
        "{:<28} {:>22} {:>22} {:>22} {:>22}",
        "client", OPS[0].0, OPS[1].0, OPS[2].0, OPS[3].0
    );
    let mut direct = subjects(21240, 21241);
    let mut samples: Vec<Vec<Vec<u128>>> =
        vec![vec![Vec::with_capacity(ITER); OPS.len()]; direct.len()];
    for round in 0..ROUNDS {
        for (si, s) in direct.iter_mut().enumerate() {
            for (oi, (_, op)) in OPS.iter().enumerate() {
                if op(s.as_mut()).is_none() {
                    continue;
                }
                if round == 0 {
                    for _ in 0..500 {
                        op(s.as_mut());
                    }
                }
                for _ in 0..PER_ROUND {
                    let start = Instant::now();
                    op(s.as_mut());
                    samples[si][oi].push(start.elapsed().as_nanos());
                }
            }
        }
    }
    for (si, s) in direct.iter().enumerate() {
        let cells: Vec<String> = samples[si]
            .iter_mut()
            .map(|t| {
                if t.is_empty() {
                    return "n/a".to_string();
                }
                t.sort_unstable();
                let med = t[t.len() / 2] as f64 / 1000.0;
                let p99 = t[t.len() * 99 / 100] as f64 / 1000.0;
                format!("{med:.1} / {p99:.1}")
            })
            .collect();
        println!(
            "{:<28} {:>22} {:>22} {:>22} {:>22}",
            s.name(),
            cells[0],
            cells[1],
            cells[2],
            cells[3]
        );
    }

    println!();
    let delay = Duration::from_micros(250);
    let (da, db) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let (qa, qb) = (proxy(21240, da, delay), proxy(21241, db, delay));
    println!("latency per op through a proxy adding {delay:?} per flight (a LAN-like round trip), {SLOW_ITER} iterations: median / p99 in µs");
    println!("{:<28} {:>22} {:>22} {:>22} {:>22}", "client", OPS[0].0, OPS[1].0, OPS[2].0, OPS[3].0);
    for mut s in subjects(qa, qb) {
        let mut cells = Vec::new();
        for (_, op) in OPS {
            if op(s.as_mut()).is_none() {
                cells.push("n/a".to_string());
                continue;
            }
            let mut t: Vec<u128> = (0..SLOW_ITER)
                .map(|_| {
                    let start = Instant::now();
                    op(s.as_mut());
                    start.elapsed().as_nanos()
                })
                .collect();
            t.sort_unstable();
            let med = t[t.len() / 2] as f64 / 1000.0;
            let p99 = t[t.len() * 99 / 100] as f64 / 1000.0;
            cells.push(format!("{med:.0} / {p99:.0}"));
        }
        println!("{:<28} {:>22} {:>22} {:>22} {:>22}", s.name(), cells[0], cells[1], cells[2], cells[3]);
    }
}
