//! Shared by the integration tests: memcached daemons the test starts on
//! loopback or a unix socket (and kills when dropped), and a pool over them.
#![allow(dead_code)]

use std::net::TcpStream;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use php_memcache::pool::hash::HashFunction;
use php_memcache::pool::ring::Strategy;
use php_memcache::config::save_path::parse_save_path;
use php_memcache::pool::Pool;
use php_memcache::wire::{Conn, Endpoint};

/// A memcached the test started (TCP on loopback, or a unix socket);
/// killed when dropped.
pub struct Daemon {
    child: Child,
    /// The TCP port (0 for a unix-socket daemon).
    pub port: u16,
    pub endpoint: Endpoint,
}

impl Daemon {
    pub fn start(port: u16) -> Daemon {
        Daemon::start_with(port, &["-t", "2"])
    }

    /// A daemon with `extra` arguments after the common ones (loopback,
    /// no UDP, 16 MiB), e.g. `-Z -o ssl_chain_cert=...` for TLS.
    pub fn start_with(port: u16, extra: &[&str]) -> Daemon {
        assert!(TcpStream::connect(("127.0.0.1", port)).is_err(), "port {port} is already in use");
        let p = port.to_string();
        let mut args = vec!["-p", &p, "-l", "127.0.0.1"];
        args.extend_from_slice(extra);
        Daemon::spawn(&args, port, Endpoint::Tcp { host: "127.0.0.1".into(), port })
    }

    /// A daemon listening on the unix socket `path` only.
    pub fn unix(path: PathBuf) -> Daemon {
        let _ = std::fs::remove_file(&path);
        let p = path.to_string_lossy().into_owned();
        Daemon::spawn(&["-s", &p, "-t", "2"], 0, Endpoint::Unix { path })
    }

    fn spawn(args: &[&str], port: u16, endpoint: Endpoint) -> Daemon {
        let mut child = Command::new("memcached")
            .args(["-U", "0", "-u", "root", "-m", "16"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("memcached must be installed to run the integration tests");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let up = match &endpoint {
                Endpoint::Unix { path } => UnixStream::connect(path).is_ok(),
                _ => TcpStream::connect(("127.0.0.1", port)).is_ok(),
            };
            if up {
                return Daemon { child, port, endpoint };
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("memcached {args:?} exited early: {status}");
            }
            assert!(Instant::now() < deadline, "memcached {args:?} did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A new connection to the daemon.
    pub fn conn(&self, timeout: Duration) -> Conn {
        Conn::connect(&self.endpoint, timeout).expect("connect to test memcached")
    }

    /// kill -9 (a crash), now.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGSTOP (hang) or SIGCONT (resume) the daemon, and wait until it
    /// took effect (see [`signal_pid`]).
    pub fn signal(&self, sig: &str) {
        signal_pid(self.child.id(), sig);
    }

    /// The daemon's pid (for a thread that signals it while the test runs).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// Send `sig` to `pid`; for -STOP and -CONT, wait until it took effect:
/// kill(2) returns before a multi-threaded process stops (one thread takes
/// the stop and tells the others), and a worker thread can still answer a
/// request meanwhile.
pub fn signal_pid(pid: u32, sig: &str) {
    let ok = Command::new("kill").args([sig, &pid.to_string()]).status().map(|s| s.success());
    assert_eq!(ok.ok(), Some(true), "kill {sig} {pid}");
    let want_stopped = match sig {
        "-STOP" => true,
        "-CONT" => false,
        _ => return,
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while threads_stopped(pid) != Some(want_stopped) {
        assert!(Instant::now() < deadline, "memcached {pid} did not take {sig} within 5 s");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Whether every thread of `pid` is stopped (Some(true)), none is
/// (Some(false)); None while they differ or /proc cannot be read.
fn threads_stopped(pid: u32) -> Option<bool> {
    let mut states = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("stat")).ok()?;
        // "tid (comm) S ...": the state follows the last ')'
        let state = stat.rsplit_once(')')?.1.trim_start().chars().next()?;
        states.push(state == 'T');
    }
    match (states.iter().all(|&s| s), states.iter().any(|&s| s)) {
        (true, _) if !states.is_empty() => Some(true),
        (_, false) => Some(false),
        _ => None,
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-CONT", &self.child.id().to_string()]).status();
        self.kill();
        if let Endpoint::Unix { path } = &self.endpoint {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A pool over the daemons, as a save path names them (consistent, crc32).
pub fn pool(daemons: &[&Daemon], params: &str) -> Pool {
    let path: Vec<String> = daemons.iter().map(|d| format!("tcp://127.0.0.1:{}{params}", d.port)).collect();
    let specs = parse_save_path(&path.join(", "), 11211).expect("save path");
    Pool::new(specs, Strategy::Consistent, HashFunction::Crc32).expect("pool")
}

/// One raw command on a fresh connection; the reply up to `end`.
pub fn raw(port: u16, cmd: &str, end: &str) -> String {
    use std::io::{Read, Write};
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(cmd.as_bytes()).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&out).ends_with(end) {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "closed before {end:?}: {:?}", String::from_utf8_lossy(&out));
        out.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A pool over daemons on these ports (for threads, which cannot share a `Daemon`).
pub fn pool_ports(ports: &[u16]) -> Pool {
    let path: Vec<String> = ports.iter().map(|p| format!("tcp://127.0.0.1:{p}")).collect();
    let specs = parse_save_path(&path.join(", "), 11211).expect("save path");
    Pool::new(specs, Strategy::Consistent, HashFunction::Crc32).expect("pool")
}
