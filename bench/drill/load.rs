//! Load client of the failover drill (bench/drill.sh). Std only.
//!
//! It keeps two kinds of clients busy against nginx + php-fpm serving bench/drill/app.php, while
//! bench/drill.sh kills, restarts, stops and resumes memcached daemons under it:
//!
//! - private users: each a sequential client with its own session (cookie), one thread each,
//!   sleeping a jittered think time between requests. Every request increments the session's
//!   counter and the response reports the new value, so a user sees 1, 2, 3, ... A value at or
//!   below what the user already saw is a stale read (the session went back in time); 1 after
//!   more than 1 is a lost session (it came back empty); a jump of more than 1 is a gap.
//! - shared sessions ("busy", AJAX-like): several clients on one session concurrently. Each phase
//!   has its own shared sessions (ids from the probe, bench/drill/probe.php), so every phase's
//!   count is settled on its own: when the phase ends, the clients move on to the next phase's
//!   sessions, and once the last request on the old ones has returned, each old session is read
//!   once (op=read). Lost updates = successful increments - that final count (or the number of
//!   values two successful requests both returned, if larger). A value not above the one
//!   returned by the last successful request that ended before this one started is a stale read.
//!
//! A request fails when the answer is not 200, the page reports ok=0 (session_start() or
//! session_write_close() returned false, or PHP raised a warning/notice), the connection breaks
//! or the client's timeout passes. Latency is client-side: from writing the request to having
//! read the whole response, per request (Instant), one keep-alive connection per client.
//! The page also reports its own wall time (php_us): the part the session handler controls.
//!
//! Phases come from the control directory: bench/drill.sh writes `<dir>/phase` ("<index> <name>"
//! or "stop"); the client acknowledges each settled phase with `<dir>/ack.<index>` once its shared
//! sessions have been read. Every request is counted in the phase that was current when it
//! started. At the end it prints one `PHASE ...` line per phase (key=value) and writes the raw
//! records, the anomalies and the slowest requests into the output directory.
//!
//!   drill-load --addr 127.0.0.1:18080 --ctl DIR --out DIR --shared-ids FILE [options]
//!
//! Options (defaults in brackets): --users [200] --think-ms [800] --shared-clients [6]
//! --shared-think-ms [100] --timeout-ms [20000] --slow-ms [550] --slow-by [php|client]
//! --run [drill] (prefix of the private session ids) --max-secs [900] (hard bound on the run).

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const MAX_PHASES: usize = 64;

#[derive(Clone)]
struct Opts {
    addr: SocketAddr,
    users: usize,
    think_ms: u64,
    shared_ids: Vec<Vec<String>>,
    shared_clients: usize,
    shared_think_ms: u64,
    timeout_ms: u64,
    slow_ms: u64,
    slow_by_client: bool,
    ctl: PathBuf,
    out: PathBuf,
    run: String,
    max_secs: u64,
}

fn parse_opts() -> Result<Opts, String> {
    let mut m: HashMap<String, String> = HashMap::new();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let k = args[i].strip_prefix("--").ok_or_else(|| format!("unexpected argument {}", args[i]))?;
        let v = args.get(i + 1).ok_or_else(|| format!("--{k} needs a value"))?;
        m.insert(k.to_string(), v.clone());
        i += 2;
    }
    let get = |k: &str, d: &str| m.get(k).cloned().unwrap_or_else(|| d.to_string());
    let num = |k: &str, d: u64| -> Result<u64, String> {
        get(k, &d.to_string()).parse::<u64>().map_err(|e| format!("--{k}: {e}"))
    };
    let ids_file = m.get("shared-ids").ok_or("--shared-ids FILE is required")?;
    let shared_ids: Vec<Vec<String>> = fs::read_to_string(ids_file)
        .map_err(|e| format!("{ids_file}: {e}"))?
        .lines()
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect();
    Ok(Opts {
        addr: get("addr", "127.0.0.1:18080").parse().map_err(|e| format!("--addr: {e}"))?,
        users: num("users", 200)? as usize,
        think_ms: num("think-ms", 800)?.max(1),
        shared_ids,
        shared_clients: num("shared-clients", 6)? as usize,
        shared_think_ms: num("shared-think-ms", 100)?.max(1),
        timeout_ms: num("timeout-ms", 20_000)?,
        slow_ms: num("slow-ms", 550)?,
        slow_by_client: get("slow-by", "php") == "client",
        ctl: PathBuf::from(m.get("ctl").ok_or("--ctl DIR is required")?),
        out: PathBuf::from(m.get("out").ok_or("--out DIR is required")?),
        run: get("run", "drill"),
        max_secs: num("max-secs", 900)?,
    })
}

/// One request as the client saw it.
#[derive(Clone)]
struct Rec {
    /// b'p' private user, b's' shared-session client, b'r' the settling read of a shared session
    kind: u8,
    /// user index, or the shared session's index within its phase
    sess: usize,
    phase: usize,
    /// µs since the client started
    start: u64,
    end: u64,
    status: u16,
    value: Option<u64>,
    ok: bool,
    php_us: Option<u64>,
    start_us: Option<u64>,
    write_us: Option<u64>,
    pid: u32,
    /// "-" or why it failed: session_start, write, diagnostic, bad_value, http_<status>,
    /// timeout, connect, io, eof, no_marker
    fail: String,
    /// the first PHP diagnostic the page reported, if any
    diag: String,
}

impl Rec {
    fn lat(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }
}

struct State {
    t0: Instant,
    t0_unix: f64,
    phase: AtomicUsize,
    stop: AtomicBool,
    /// requests in flight on each phase's shared sessions
    inflight: Vec<AtomicUsize>,
    names: Mutex<Vec<String>>,
    reads: Mutex<Vec<Rec>>,
    checkpoints: Mutex<Vec<thread::JoinHandle<()>>>,
}

impl State {
    fn now_us(&self) -> u64 {
        self.t0.elapsed().as_micros() as u64
    }
}

// ---- a minimal HTTP/1.1 client: one keep-alive connection, GET only ---------------------------

enum HttpErr {
    Timeout,
    Connect,
    Io,
    Eof,
}

struct Http {
    addr: SocketAddr,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

/// The body of a chunked response if it is complete.
fn dechunk(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        let e = find(&b[i..], b"\r\n")? + i;
        let line = std::str::from_utf8(&b[i..e]).ok()?;
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        i = e + 2;
        if size == 0 {
            find(&b[i..], b"\r\n")?; // (no trailers are sent)
            return Some(out);
        }
        if b.len() < i + size + 2 {
            return None;
        }
        out.extend_from_slice(&b[i..i + size]);
        i += size + 2;
    }
}

impl Http {
    fn new(addr: SocketAddr) -> Self {
        Http { addr, stream: None, buf: Vec::with_capacity(4096) }
    }

    fn get(&mut self, target: &str, cookie: &str, timeout: Duration) -> Result<(u16, Vec<u8>), HttpErr> {
        let r = self.get_inner(target, cookie, timeout);
        if r.is_err() {
            self.stream = None;
        }
        r
    }

    fn get_inner(&mut self, target: &str, cookie: &str, timeout: Duration) -> Result<(u16, Vec<u8>), HttpErr> {
        let deadline = Instant::now() + timeout;
        if self.stream.is_none() {
            let s = TcpStream::connect_timeout(&self.addr, timeout).map_err(|_| HttpErr::Connect)?;
            let _ = s.set_nodelay(true);
            self.stream = Some(s);
        }
        let s = self.stream.as_mut().unwrap();
        let req = format!("GET {target} HTTP/1.1\r\nHost: drill\r\nCookie: PHPSESSID={cookie}\r\n\r\n");
        s.set_write_timeout(Some(timeout)).map_err(|_| HttpErr::Io)?;
        s.write_all(req.as_bytes()).map_err(|_| HttpErr::Io)?;
        self.buf.clear();
        let mut tmp = [0u8; 8192];
        let mut head: Option<(usize, u16, Option<usize>, bool, bool)> = None; // (body at, status, length, chunked, close)
        loop {
            if let Some((at, status, len, chunked, close)) = head {
                let body = &self.buf[at..];
                let done = if let Some(n) = len {
                    (body.len() >= n).then(|| body[..n].to_vec())
                } else if chunked {
                    dechunk(body)
                } else {
                    None // read to EOF
                };
                if let Some(b) = done {
                    if close {
                        self.stream = None;
                    }
                    return Ok((status, b));
                }
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(HttpErr::Timeout);
            }
            let s = self.stream.as_mut().unwrap();
            s.set_read_timeout(Some((deadline - now).max(Duration::from_millis(1)))).map_err(|_| HttpErr::Io)?;
            match s.read(&mut tmp) {
                Ok(0) => {
                    if let Some((at, status, None, false, _)) = head {
                        let b = self.buf[at..].to_vec();
                        self.stream = None;
                        return Ok((status, b));
                    }
                    return Err(HttpErr::Eof);
                }
                Ok(n) => self.buf.extend_from_slice(&tmp[..n]),
                Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                    return Err(HttpErr::Timeout)
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return Err(HttpErr::Io),
            }
            if head.is_none() {
                if let Some(e) = find(&self.buf, b"\r\n\r\n") {
                    let h = String::from_utf8_lossy(&self.buf[..e]).to_ascii_lowercase();
                    let mut lines = h.split("\r\n");
                    let status = lines
                        .next()
                        .and_then(|l| l.split_whitespace().nth(1))
                        .and_then(|c| c.parse::<u16>().ok())
                        .unwrap_or(0);
                    let (mut len, mut chunked, mut close) = (None, false, false);
                    for l in lines {
                        if let Some((k, v)) = l.split_once(':') {
                            let v = v.trim();
                            match k.trim() {
                                "content-length" => len = v.parse::<usize>().ok(),
                                "transfer-encoding" => chunked = v.contains("chunked"),
                                "connection" => close = v.contains("close"),
                                _ => {}
                            }
                        }
                    }
                    head = Some((e + 4, status, len, chunked, close));
                }
            }
        }
    }
}

// ---- clients ----------------------------------------------------------------------------------

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// think time: uniform in [0.5, 1.5) x mean
    fn think(&mut self, mean_ms: u64) -> Duration {
        let f = 0.5 + (self.next() % 1000) as f64 / 1000.0;
        Duration::from_micros((mean_ms as f64 * 1000.0 * f) as u64)
    }
}

/// Sleeps d, in slices, returning early when the run stops.
fn nap(st: &State, d: Duration) {
    let end = Instant::now() + d;
    while !st.stop.load(SeqCst) {
        let now = Instant::now();
        if now >= end {
            return;
        }
        thread::sleep((end - now).min(Duration::from_millis(50)));
    }
}

fn kv<'a>(line: &'a str, k: &str) -> Option<&'a str> {
    line.split_whitespace().find_map(|f| f.strip_prefix(k).and_then(|r| r.strip_prefix('=')))
}

fn one(st: &State, http: &mut Http, o: &Opts, kind: u8, sess: usize, phase: usize, op: &str, cookie: &str) -> Rec {
    let target = format!("/?op={op}");
    let start = st.now_us();
    let res = http.get(&target, cookie, Duration::from_millis(o.timeout_ms));
    let end = st.now_us();
    let mut r = Rec {
        kind,
        sess,
        phase,
        start,
        end,
        status: 0,
        value: None,
        ok: false,
        php_us: None,
        start_us: None,
        write_us: None,
        pid: 0,
        fail: String::new(),
        diag: String::new(),
    };
    match res {
        Err(e) => {
            r.fail = match e {
                HttpErr::Timeout => "timeout",
                HttpErr::Connect => "connect",
                HttpErr::Io => "io",
                HttpErr::Eof => "eof",
            }
            .into()
        }
        Ok((status, body)) => {
            r.status = status;
            let text = String::from_utf8_lossy(&body);
            let mut lines = text.lines();
            match lines.next().filter(|l| l.starts_with("DRILL ")) {
                None => r.fail = if status == 200 { "no_marker".into() } else { format!("http_{status}") },
                Some(l) => {
                    r.value = kv(l, "v").and_then(|v| v.parse().ok());
                    r.php_us = kv(l, "php_us").and_then(|v| v.parse().ok());
                    r.start_us = kv(l, "start_us").and_then(|v| v.parse().ok());
                    r.write_us = kv(l, "write_us").and_then(|v| v.parse().ok());
                    r.pid = kv(l, "pid").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let page_ok = kv(l, "ok") == Some("1");
                    r.fail = kv(l, "fail").unwrap_or("-").to_string();
                    if let Some(w) = lines.find(|l| l.starts_with("W ")) {
                        r.diag = w[2..].to_string();
                    }
                    if status != 200 {
                        r.fail = format!("http_{status}");
                    } else if page_ok {
                        r.ok = true;
                        r.fail = "-".into();
                    } else if r.fail == "-" {
                        r.fail = "page".into();
                    }
                }
            }
        }
    }
    r
}

fn private_user(st: Arc<State>, o: Arc<Opts>, idx: usize) -> Vec<Rec> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ ((idx as u64 + 1) * 0x1000_0001));
    let cookie = format!("{}u{:04}", o.run, idx);
    let mut http = Http::new(o.addr);
    let mut recs = Vec::new();
    nap(&st, Duration::from_micros(rng.next() % (o.think_ms * 1000)));
    while !st.stop.load(SeqCst) {
        let ph = st.phase.load(SeqCst);
        recs.push(one(&st, &mut http, &o, b'p', idx, ph, "inc", &cookie));
        nap(&st, rng.think(o.think_ms));
    }
    recs
}

fn shared_client(st: Arc<State>, o: Arc<Opts>, j: usize, c: usize) -> Vec<Rec> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ ((j * 97 + c + 1) as u64 * 0x0100_0193));
    let mut http = Http::new(o.addr);
    let mut recs = Vec::new();
    nap(&st, Duration::from_micros(rng.next() % (o.shared_think_ms * 1000)));
    while !st.stop.load(SeqCst) {
        let ph = st.phase.load(SeqCst);
        st.inflight[ph].fetch_add(1, SeqCst);
        // the phase may have moved on between the two loads: then its settling read may already
        // be under way, so no new request on its sessions
        if st.phase.load(SeqCst) != ph || st.stop.load(SeqCst) {
            st.inflight[ph].fetch_sub(1, SeqCst);
            continue;
        }
        let cookie = o.shared_ids.get(ph).and_then(|v| v.get(j)).cloned();
        let Some(cookie) = cookie else {
            st.inflight[ph].fetch_sub(1, SeqCst);
            nap(&st, Duration::from_millis(50));
            continue;
        };
        recs.push(one(&st, &mut http, &o, b's', j, ph, "inc", &cookie));
        st.inflight[ph].fetch_sub(1, SeqCst);
        nap(&st, rng.think(o.shared_think_ms));
    }
    recs
}

/// Once no request on phase k's shared sessions is in flight, reads each of them once and
/// acknowledges the phase.
fn settle(st: &State, o: &Opts, k: usize) {
    let bound = Instant::now() + Duration::from_millis(o.timeout_ms + 10_000);
    while st.inflight[k].load(SeqCst) > 0 && Instant::now() < bound {
        thread::sleep(Duration::from_millis(5));
    }
    let ids = o.shared_ids.get(k).cloned().unwrap_or_default();
    for (j, id) in ids.iter().enumerate() {
        let mut http = Http::new(o.addr);
        let r = one(st, &mut http, o, b'r', j, k, "read", id);
        st.reads.lock().unwrap().push(r);
    }
    let _ = fs::write(o.ctl.join(format!("ack.{k}")), b"settled\n");
}

fn watch(st: Arc<State>, o: Arc<Opts>) {
    let deadline = Instant::now() + Duration::from_secs(o.max_secs);
    let mut cur: Option<usize> = None;
    loop {
        if Instant::now() >= deadline {
            eprintln!("drill-load: --max-secs {} reached, stopping", o.max_secs);
            st.stop.store(true, SeqCst);
            return;
        }
        let txt = fs::read_to_string(o.ctl.join("phase")).unwrap_or_default();
        let txt = txt.trim();
        if txt == "stop" {
            st.stop.store(true, SeqCst);
            return;
        }
        if let Some((i, name)) = txt.split_once(' ') {
            if let Ok(i) = i.parse::<usize>() {
                if i < MAX_PHASES && cur.map_or(true, |c| i > c) {
                    {
                        let mut names = st.names.lock().unwrap();
                        while names.len() <= i {
                            names.push(String::new());
                        }
                        names[i] = name.to_string();
                    }
                    st.phase.store(i, SeqCst);
                    if let Some(prev) = cur {
                        let (st2, o2) = (st.clone(), o.clone());
                        let h = thread::spawn(move || settle(&st2, &o2, prev));
                        st.checkpoints.lock().unwrap().push(h);
                    }
                    cur = Some(i);
                }
            }
        }
        thread::sleep(Duration::from_millis(10));
    }
}

// ---- analysis ---------------------------------------------------------------------------------

#[derive(Default)]
struct PhaseStat {
    requests: usize,
    private: usize,
    shared: usize,
    failed: usize,
    stale: usize,
    lost_sessions: usize,
    gaps: usize,
    slow: usize,
    lat: Vec<u64>,
    php_max: u64,
    shared_ok: u64,
    shared_final: Option<u64>,
    dups: u64,
    lost_updates: Option<u64>,
    fails: HashMap<String, usize>,
}

fn pct(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn ms(us: u64) -> String {
    format!("{:.1}", us as f64 / 1000.0)
}

fn main() {
    let o = match parse_opts() {
        Ok(o) => Arc::new(o),
        Err(e) => {
            eprintln!("drill-load: {e}");
            std::process::exit(2);
        }
    };
    let _ = fs::create_dir_all(&o.out);
    // wait for the first phase (bounded)
    let t_wait = Instant::now();
    while !o.ctl.join("phase").exists() {
        if t_wait.elapsed() > Duration::from_secs(30) {
            eprintln!("drill-load: no {}/phase after 30 s", o.ctl.display());
            std::process::exit(2);
        }
        thread::sleep(Duration::from_millis(10));
    }
    let st = Arc::new(State {
        t0: Instant::now(),
        t0_unix: SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0),
        phase: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        inflight: (0..MAX_PHASES).map(|_| AtomicUsize::new(0)).collect(),
        names: Mutex::new(Vec::new()),
        reads: Mutex::new(Vec::new()),
        checkpoints: Mutex::new(Vec::new()),
    });
    let watcher = {
        let (st, o) = (st.clone(), o.clone());
        thread::spawn(move || watch(st, o))
    };
    let mut workers = Vec::new();
    let spawn = |f: Box<dyn FnOnce() -> Vec<Rec> + Send>| {
        thread::Builder::new().stack_size(256 * 1024).spawn(f).expect("spawn a client thread")
    };
    for i in 0..o.users {
        let (st, o) = (st.clone(), o.clone());
        workers.push(spawn(Box::new(move || private_user(st, o, i))));
    }
    let nshared = o.shared_ids.first().map_or(0, |v| v.len());
    for j in 0..nshared {
        for c in 0..o.shared_clients {
            let (st, o) = (st.clone(), o.clone());
            workers.push(spawn(Box::new(move || shared_client(st, o, j, c))));
        }
    }
    let _ = watcher.join();
    let mut recs: Vec<Rec> = Vec::new();
    for w in workers {
        if let Ok(mut v) = w.join() {
            recs.append(&mut v);
        }
    }
    let elapsed = st.t0.elapsed().as_secs_f64();
    // the last phase settles now that every client has stopped
    let last = st.phase.load(SeqCst);
    settle(&st, &o, last);
    let handles: Vec<_> = st.checkpoints.lock().unwrap().drain(..).collect();
    for h in handles {
        let _ = h.join();
    }
    let reads = st.reads.lock().unwrap().clone();
    let names = st.names.lock().unwrap().clone();
    let nphases = names.len().max(last + 1);

    let mut stats: Vec<PhaseStat> = (0..nphases).map(|_| PhaseStat::default()).collect();
    let mut anomalies: Vec<(u64, String)> = Vec::new();
    let t_of = |us: u64| st.t0_unix + us as f64 / 1e6;
    let slow_us = o.slow_ms * 1000;
    let describe = |r: &Rec| {
        format!(
            "start={:.3} client_ms={} php_ms={} start_ms={} write_ms={} status={} fail={} pid={}{}",
            t_of(r.start),
            ms(r.lat()),
            r.php_us.map_or("-".into(), ms),
            r.start_us.map_or("-".into(), ms),
            r.write_us.map_or("-".into(), ms),
            r.status,
            r.fail,
            r.pid,
            if r.diag.is_empty() { String::new() } else { format!(" diag={:?}", r.diag) }
        )
    };

    for r in &recs {
        let s = &mut stats[r.phase.min(nphases - 1)];
        s.requests += 1;
        if r.kind == b'p' {
            s.private += 1
        } else {
            s.shared += 1
        }
        s.lat.push(r.lat());
        if let Some(p) = r.php_us {
            s.php_max = s.php_max.max(p);
        }
        if !r.ok {
            s.failed += 1;
            *s.fails.entry(r.fail.clone()).or_default() += 1;
        }
        let slow = if o.slow_by_client { r.lat() > slow_us } else { r.php_us.map_or(!r.ok && r.lat() > slow_us, |p| p > slow_us) };
        if slow {
            s.slow += 1;
        }
    }

    // private users: values must go 1, 2, 3, ...
    let mut by_user: HashMap<usize, Vec<&Rec>> = HashMap::new();
    for r in recs.iter().filter(|r| r.kind == b'p') {
        by_user.entry(r.sess).or_default().push(r);
    }
    for (u, mut rs) in by_user {
        rs.sort_by_key(|r| r.start);
        // acceptable next values: lo..=hi (wider after a failed request that may or may not have
        // written)
        let (mut lo, mut hi) = (1u64, 1u64);
        for r in rs {
            let s = &mut stats[r.phase.min(nphases - 1)];
            match r.value {
                Some(v) => {
                    if v < lo || v > hi {
                        let what = if v == 1 && lo > 1 {
                            s.lost_sessions += 1;
                            "lost_session"
                        } else if v < lo {
                            s.stale += 1;
                            "stale_read"
                        } else {
                            s.gaps += 1;
                            "gap"
                        };
                        anomalies.push((
                            r.start,
                            format!("phase={} {what} private user={u} expected={lo}{} got={v} {}", names.get(r.phase).map_or("?", |n| n), if hi > lo { format!("..{hi}") } else { String::new() }, describe(r)),
                        ));
                    }
                    if r.ok {
                        lo = v + 1;
                        hi = v + 1;
                    } else {
                        lo = v;
                        hi = v + 1;
                    }
                }
                None => hi += 1,
            }
        }
    }

    // shared sessions
    let mut by_shared: HashMap<(usize, usize), Vec<&Rec>> = HashMap::new();
    for r in recs.iter().filter(|r| r.kind == b's') {
        by_shared.entry((r.phase, r.sess)).or_default().push(r);
    }
    let mut keys: Vec<_> = by_shared.keys().cloned().collect();
    keys.sort();
    let mut shared_lines = Vec::new();
    for key in keys {
        let (ph, j) = key;
        let rs = &by_shared[&key];
        let s = &mut stats[ph.min(nphases - 1)];
        // Successful requests by end time. A request must return more than the value of the last
        // successful request that ended before it started: that one's write (made under the lock,
        // before its response) precedes this one's read, and every later write is larger if
        // nothing is lost. Compared with the last, not the largest: once a session has gone back
        // in time, the requests that continue from where it went are not counted again (what the
        // rollback cost is counted as lost updates).
        let mut okr: Vec<(u64, u64)> = rs.iter().filter(|r| r.ok).filter_map(|r| r.value.map(|v| (r.end, v))).collect();
        okr.sort();
        for r in rs.iter() {
            let Some(v) = r.value else { continue };
            let n = okr.partition_point(|&(end, _)| end < r.start);
            let before = if n == 0 { 0 } else { okr[n - 1].1 };
            if before > 0 && v <= before {
                let what = if v == 1 {
                    s.lost_sessions += 1;
                    "lost_session"
                } else {
                    s.stale += 1;
                    "stale_read"
                };
                anomalies.push((
                    r.start,
                    format!("phase={} {what} shared session={} last_returned={before} got={v} {}", names.get(ph).map_or("?", |n| n), o.shared_ids.get(ph).and_then(|v| v.get(j)).map_or("?", |s| s.as_str()), describe(r)),
                ));
            }
        }
        let succ = okr.len() as u64;
        let mut vals: Vec<u64> = okr.iter().map(|&(_, v)| v).collect();
        vals.sort();
        vals.dedup();
        let dups = succ - vals.len() as u64;
        let fin = reads.iter().find(|r| r.phase == ph && r.sess == j).and_then(|r| if r.ok { r.value } else { None });
        s.shared_ok += succ;
        s.dups += dups;
        match fin {
            Some(f) => {
                let lost = succ.saturating_sub(f).max(dups);
                if f == 0 && succ > 0 {
                    // read back empty after acknowledged increments: the session itself is gone
                    s.lost_sessions += 1;
                    let r = reads.iter().find(|r| r.phase == ph && r.sess == j).expect("the settling read");
                    anomalies.push((r.start, format!("phase={} lost_session shared session={} settling_read=empty successful_increments={succ} {}", names.get(ph).map_or("?", |n| n), o.shared_ids[ph][j], describe(r))));
                }
                s.shared_final = Some(s.shared_final.unwrap_or(0) + f);
                if s.lost_updates != Some(u64::MAX) {
                    s.lost_updates = Some(s.lost_updates.unwrap_or(0) + lost);
                }
                shared_lines.push(format!("phase={} session={} successful_increments={succ} final={f} duplicated_values={dups} lost_updates={lost}", names.get(ph).map_or("?", |n| n), o.shared_ids[ph][j]));
            }
            None => {
                s.lost_updates = Some(u64::MAX); // unknown: the settling read failed
                let r = reads.iter().find(|r| r.phase == ph && r.sess == j);
                shared_lines.push(format!("phase={} session={} successful_increments={succ} final=unknown (settling read failed: {}) duplicated_values={dups}", names.get(ph).map_or("?", |n| n), o.shared_ids[ph][j], r.map_or("no read".into(), |r| describe(r))));
            }
        }
    }

    // outputs
    anomalies.sort();
    let _ = fs::write(o.out.join("anomalies.txt"), anomalies.iter().map(|(_, l)| format!("{l}\n")).collect::<String>());
    let _ = fs::write(o.out.join("shared.txt"), shared_lines.iter().map(|l| format!("{l}\n")).collect::<String>());
    let mut slowest = String::new();
    for (i, name) in names.iter().enumerate().take(nphases) {
        let mut rs: Vec<&Rec> = recs.iter().filter(|r| r.phase == i).collect();
        rs.sort_by_key(|r| std::cmp::Reverse(r.php_us.unwrap_or(0).max(if r.ok { 0 } else { r.lat() })));
        for r in rs.iter().take(8) {
            slowest.push_str(&format!("phase={name} kind={} {}\n", if r.kind == b'p' { "private" } else { "shared" }, describe(r)));
        }
    }
    let _ = fs::write(o.out.join("slowest.txt"), slowest);
    let mut tsv = String::from("kind\tsess\tphase\tstart_unix\tclient_us\tstatus\tok\tvalue\tphp_us\tstart_us\twrite_us\tpid\tfail\tdiag\n");
    for r in recs.iter().chain(reads.iter()) {
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{:.6}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.kind as char,
            r.sess,
            r.phase,
            t_of(r.start),
            r.lat(),
            r.status,
            r.ok as u8,
            r.value.map_or("-".into(), |v| v.to_string()),
            r.php_us.map_or("-".into(), |v| v.to_string()),
            r.start_us.map_or("-".into(), |v| v.to_string()),
            r.write_us.map_or("-".into(), |v| v.to_string()),
            r.pid,
            r.fail,
            r.diag.replace('\t', " ")
        ));
    }
    let _ = fs::write(o.out.join("records.tsv"), tsv);

    for (i, s) in stats.iter_mut().enumerate() {
        s.lat.sort_unstable();
        let mut fails: Vec<_> = s.fails.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        fails.sort();
        println!(
            "PHASE idx={i} name={} requests={} private={} shared={} failed={} stale={} lost_updates={} lost_sessions={} gaps={} slow={} p50_ms={} p99_ms={} max_ms={} php_max_ms={} shared_ok={} shared_final={} dups={} fails={}",
            names.get(i).map_or("?", |n| n),
            s.requests,
            s.private,
            s.shared,
            s.failed,
            s.stale,
            match s.lost_updates { None => "0".to_string(), Some(u64::MAX) => "unknown".into(), Some(v) => v.to_string() },
            s.lost_sessions,
            s.gaps,
            s.slow,
            ms(pct(&s.lat, 0.50)),
            ms(pct(&s.lat, 0.99)),
            ms(s.lat.last().copied().unwrap_or(0)),
            ms(s.php_max),
            s.shared_ok,
            s.shared_final.map_or("-".into(), |v| v.to_string()),
            s.dups,
            if fails.is_empty() { "-".into() } else { fails.join(",") },
        );
    }
    println!("TOTAL requests={} seconds={:.1} rps={:.0} anomalies={}", recs.len(), elapsed, recs.len() as f64 / elapsed.max(0.001), anomalies.len());
}
