//! The socket calls std does not offer, through `socket2`'s safe API: a TCP
//! connect bounded by SO_SNDTIMEO in 5 syscalls, non-blocking connects for
//! the health probe, a non-blocking peek, and sends that never raise
//! SIGPIPE.
//!
//! Why here and not in `ffi`: these are socket options, not PHP's ABI; with
//! `socket2` they need no `unsafe`, so the wire and pool layers stay free
//! of it and of any dependency on the FFI seam.
//!
//! Why `MSG_NOSIGNAL` on every send: std's `TcpStream::write` already uses
//! it, but `UnixStream::write` and every `write_vectored` use `write(2)` /
//! `writev(2)`, which raise SIGPIPE when the daemon is gone. Sending with
//! the flag means the module never has to touch the process's SIGPIPE
//! disposition (a PHP script's own `pcntl_signal(SIGPIPE, ...)` stays as
//! the script set it).

use std::io::{self, IoSlice};
use std::mem::MaybeUninit;
use std::net::{SocketAddr, TcpStream};
#[cfg(unix)]
use std::os::unix::net::UnixStream;
use std::time::Duration;

use socket2::{Domain, SockAddr, SockRef, Socket, Type};

#[cfg(any(target_os = "linux", target_os = "android"))]
const NOSIGNAL: i32 = libc::MSG_NOSIGNAL;
/// Elsewhere socket2 sets SO_NOSIGPIPE on the sockets it creates (Apple).
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const NOSIGNAL: i32 = 0;

fn domain_of(addr: &SocketAddr) -> Domain {
    match addr {
        SocketAddr::V4(_) => Domain::IPV4,
        SocketAddr::V6(_) => Domain::IPV6,
    }
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "connection timed out")
}

/// A TCP connection to `addr` with TCP_NODELAY and both socket timeouts
/// (`timeout`) set, the connect itself bounded by `timeout`.
///
/// socket (close-on-exec), the three setsockopt, then a *blocking* connect,
/// which the kernel bounds by SO_SNDTIMEO (socket(7): it fails with
/// EINPROGRESS when the timeout expires): 5 syscalls. std's
/// `connect_timeout` plus the options take 8 (non-blocking on, connect,
/// poll, non-blocking off, then the options); under php-fpm without
/// `persistent=1` a connect happens per request and server. A signal that
/// interrupts the blocking connect falls back to socket2's
/// `connect_timeout` (non-blocking connect + poll) on a fresh socket for
/// what is left of the timeout.
pub fn connect_tcp(addr: &SocketAddr, timeout: Duration) -> io::Result<TcpStream> {
    let started = std::time::Instant::now();
    let socket = Socket::new(domain_of(addr), Type::STREAM, None)?;
    socket.set_nodelay(true)?;
    socket.set_read_timeout(Some(timeout))?;
    socket.set_write_timeout(Some(timeout))?;
    let target = SockAddr::from(*addr);
    match socket.connect(&target) {
        Ok(()) => Ok(socket.into()),
        Err(e) => match e.raw_os_error() {
            // SO_SNDTIMEO expired while the handshake was still in flight
            Some(libc::EINPROGRESS) | Some(libc::EAGAIN) => Err(timed_out()),
            Some(libc::EINTR) => {
                let left = timeout.saturating_sub(started.elapsed());
                if left.is_zero() {
                    return Err(timed_out());
                }
                let socket = Socket::new(domain_of(addr), Type::STREAM, None)?;
                socket.connect_timeout(&target, left)?;
                socket.set_nodelay(true)?;
                socket.set_read_timeout(Some(timeout))?;
                socket.set_write_timeout(Some(timeout))?;
                Ok(socket.into())
            }
            _ => Err(e),
        },
    }
}

/// Starts a TCP connect to `addr` without waiting for it: the socket is
/// non-blocking (created so: one syscall) and the handshake goes on in the
/// kernel (EINPROGRESS). For the health probe of a server marked down,
/// which must never cost a request any waiting.
pub fn connect_tcp_nonblocking(addr: &SocketAddr) -> io::Result<TcpStream> {
    let socket = Socket::new(domain_of(addr), nonblocking_stream(), None)?;
    match socket.connect(&SockAddr::from(*addr)) {
        Ok(()) => Ok(socket.into()),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINPROGRESS) | Some(libc::EINTR)) => Ok(socket.into()),
        Err(e) => Err(e),
    }
}

/// The same for a unix domain socket: a connect that would block (the
/// listener's backlog is full) fails with EAGAIN instead of waiting.
#[cfg(unix)]
pub fn connect_unix_nonblocking(path: &std::path::Path) -> io::Result<UnixStream> {
    let target = SockAddr::unix(path)?;
    let socket = Socket::new(Domain::UNIX, nonblocking_stream(), None)?;
    match socket.connect(&target) {
        Ok(()) => Ok(socket.into()),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINPROGRESS) | Some(libc::EINTR)) => Ok(socket.into()),
        Err(e) => Err(e),
    }
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd", target_os = "netbsd", target_os = "openbsd", target_os = "dragonfly", target_os = "illumos", target_os = "solaris"))]
fn nonblocking_stream() -> Type {
    Type::STREAM.nonblocking()
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "freebsd", target_os = "netbsd", target_os = "openbsd", target_os = "dragonfly", target_os = "illumos", target_os = "solaris")))]
fn nonblocking_stream() -> Type {
    Type::STREAM
}

/// Whether bytes or an end of stream are waiting on `socket`, without
/// blocking and without consuming them: one `recv(MSG_PEEK | MSG_DONTWAIT)`
/// (std's peek needs the socket switched to non-blocking and back: three
/// syscalls). `Ok(None)`: nothing pending; `Ok(Some(0))`: the peer closed;
/// `Ok(Some(n))`: unread bytes.
pub fn peek_pending<'s>(socket: impl Into<SockRef<'s>>) -> io::Result<Option<usize>> {
    let socket = socket.into();
    let mut byte = [MaybeUninit::<u8>::uninit(); 1];
    loop {
        match socket.recv_with_flags(&mut byte, libc::MSG_PEEK | libc::MSG_DONTWAIT) {
            Ok(n) => return Ok(Some(n)),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(None),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// One `send(MSG_NOSIGNAL)`: EPIPE instead of SIGPIPE when the peer is gone.
pub fn send<'s>(socket: impl Into<SockRef<'s>>, bytes: &[u8]) -> io::Result<usize> {
    socket.into().send_with_flags(bytes, NOSIGNAL)
}

/// One `sendmsg(MSG_NOSIGNAL)` of several buffers.
pub fn send_vectored<'s>(socket: impl Into<SockRef<'s>>, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
    socket.into().send_vectored_with_flags(bufs, NOSIGNAL)
}

/// A writer over a socket whose every write is [`send`] / [`send_vectored`]
/// (rustls writes its records through `write_vectored`, which std would
/// turn into `writev(2)`, the call that raises SIGPIPE).
pub struct NoSigPipe<'a>(pub SockRef<'a>);

impl io::Write for NoSigPipe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.send_with_flags(buf, NOSIGNAL)
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        self.0.send_vectored_with_flags(bufs, NOSIGNAL)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Tests: a TCP listener on loopback with the given accept backlog (std
/// always uses 128), so a test can fill the accept queue.
pub fn listen_with_backlog(backlog: i32) -> io::Result<std::net::TcpListener> {
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.bind(&SockAddr::from(SocketAddr::from(([127, 0, 0, 1], 0))))?;
    socket.listen(backlog)?;
    Ok(socket.into())
}
