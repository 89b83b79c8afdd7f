//! Probing a server marked down, without making a request wait for it.
//!
//! pecl memcache retries a failed server by sending it the next real
//! request once `retry_interval` has passed. Against a daemon that still
//! hangs that costs the request a whole `timeout`, every `retry_interval`,
//! in every worker. Sessions instead keep a server they saw fail out of
//! their targets until it has *answered*: once the interval has passed, a
//! probe is started — a non-blocking connect and a `version` request — and
//! later checks (the next time anyone asks whether the server is usable)
//! look at it without blocking: any answer, or an orderly close (a daemon
//! speaking TLS or binary only closes on our plain `version`), means the
//! daemon is running again; a refused or reset connection means it is
//! still down for another interval; no answer means it still hangs.
//!
//! A probe belongs to the process that opened it: php-fpm forks after
//! startup, and a probe opened before a fork is never looked at after it.

use std::io::{self, Read};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::time::Instant;

use crate::wire::Endpoint;

enum Sock {
    Tcp(TcpStream),
    Unix(UnixStream),
}

/// One probe in flight.
pub struct Probe {
    sock: Sock,
    sent: bool,
    started: Instant,
    pid: u32,
}

/// What a probe found so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Status {
    /// No answer yet.
    Pending,
    /// The daemon answered (or closed the connection in an orderly way).
    Alive,
    /// Refused or reset: the daemon is not running.
    Dead(String),
}

const REQUEST: &[u8] = b"version\r\n";

impl Probe {
    /// Starts a probe of `endpoint` (never blocks on the network; a name
    /// is resolved first, as a connect would).
    pub fn start(endpoint: &Endpoint, pid: u32) -> io::Result<Probe> {
        let sock = match endpoint {
            // A TLS daemon closes the connection on the plain `version`
            // (an orderly close): alive, as the module docs say.
            Endpoint::Tcp { host, port } | Endpoint::Tls { host, port, .. } => {
                let host = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
                let addr = (host, *port)
                    .to_socket_addrs()?
                    .next()
                    .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "host resolved to no address"))?;
                Sock::Tcp(connect_tcp(&addr)?)
            }
            Endpoint::Unix { path } => Sock::Unix(connect_unix(path)?),
        };
        Ok(Probe { sock, sent: false, started: Instant::now(), pid })
    }

    /// The process that started it.
    pub fn owner(&self) -> u32 {
        self.pid
    }

    /// When it was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Looks at the probe without blocking.
    pub fn check(&mut self) -> Status {
        if !self.sent {
            match self.try_send() {
                Ok(true) => self.sent = true,
                Ok(false) => return Status::Pending,
                Err(e) => return dead_or_pending(e),
            }
        }
        let mut byte = [0u8; 1];
        let r = match &mut self.sock {
            Sock::Tcp(s) => s.peek(&mut byte),
            Sock::Unix(s) => s.read(&mut byte),
        };
        match r {
            Ok(_) => Status::Alive,
            Err(e) => dead_or_pending(e),
        }
    }

    /// Sends the request once the connection is up; Ok(false) while the
    /// handshake is still in flight.
    fn try_send(&mut self) -> io::Result<bool> {
        if let Sock::Tcp(s) = &self.sock {
            if let Some(e) = s.take_error()? {
                return Err(e);
            }
            match s.peer_addr() {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotConnected => return Ok(false),
                Err(e) => return Err(e),
            }
        }
        let r = match &self.sock {
            Sock::Tcp(s) => crate::wire::sock::send(s, REQUEST),
            Sock::Unix(s) => crate::wire::sock::send(s, REQUEST),
        };
        match r {
            Ok(n) if n == REQUEST.len() => Ok(true),
            Ok(_) => Err(io::Error::new(io::ErrorKind::WriteZero, "probe request cut short")),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(false),
            Err(e) => Err(e),
        }
    }
}

fn dead_or_pending(e: io::Error) -> Status {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted => Status::Pending,
        _ => Status::Dead(e.to_string()),
    }
}

fn connect_tcp(addr: &std::net::SocketAddr) -> io::Result<TcpStream> {
    crate::wire::sock::connect_tcp_nonblocking(addr)
}

fn connect_unix(path: &std::path::Path) -> io::Result<UnixStream> {
    crate::wire::sock::connect_unix_nonblocking(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpListener;
    use std::time::Duration;

    fn wait_for(p: &mut Probe) -> Status {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let s = p.check();
            if s != Status::Pending || Instant::now() > deadline {
                return s;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn tcp(port: u16) -> Endpoint {
        Endpoint::Tcp { host: "127.0.0.1".into(), port }
    }

    #[test]
    fn an_answering_server_is_alive() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let t = std::thread::spawn(move || {
            let (mut c, _) = l.accept().unwrap();
            let mut buf = [0u8; 9];
            c.read_exact(&mut buf).unwrap();
            assert_eq!(&buf, REQUEST);
            c.write_all(b"VERSION 1.6.18\r\n").unwrap();
            std::thread::sleep(Duration::from_millis(200));
        });
        let mut p = Probe::start(&tcp(port), 1).unwrap();
        assert_eq!(wait_for(&mut p), Status::Alive);
        t.join().unwrap();
    }

    #[test]
    fn a_closed_port_is_dead() {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        // the listener is dropped: nothing listens there now
        match Probe::start(&tcp(port), 1) {
            Err(e) => assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused),
            Ok(mut p) => assert!(matches!(wait_for(&mut p), Status::Dead(_))),
        }
    }

    #[test]
    fn a_hung_server_stays_pending_and_costs_no_wait() {
        // A listener that never accepts nor answers: the kernel completes
        // the handshake, nobody replies (a SIGSTOPped daemon).
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let t0 = Instant::now();
        let mut p = Probe::start(&tcp(port), 1).unwrap();
        for _ in 0..20 {
            assert_eq!(p.check(), Status::Pending);
        }
        assert!(t0.elapsed() < Duration::from_millis(100), "probing must not block: {:?}", t0.elapsed());
        drop(l);
    }

    #[test]
    fn unix_sockets_too() {
        let dir = std::env::temp_dir().join(format!("mc-probe-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.sock");
        let _ = std::fs::remove_file(&path);
        let l = std::os::unix::net::UnixListener::bind(&path).unwrap();
        let t = std::thread::spawn(move || {
            let (mut c, _) = l.accept().unwrap();
            let mut buf = [0u8; 9];
            c.read_exact(&mut buf).unwrap();
            c.write_all(b"VERSION x\r\n").unwrap();
            std::thread::sleep(Duration::from_millis(200));
        });
        let mut p = Probe::start(&Endpoint::Unix { path: path.clone() }, 1).unwrap();
        assert_eq!(wait_for(&mut p), Status::Alive);
        t.join().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
    }
}
