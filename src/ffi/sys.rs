//! Raw socket calls std does not offer, for the wire layer: a TCP connect
//! bounded by SO_SNDTIMEO in 5 syscalls (std's connect_timeout plus the
//! options take 8, and under php-fpm a connect can happen per request).
//! Linux only; elsewhere the wire layer uses std.
#![cfg(target_os = "linux")]

use std::io;
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// A TCP connection to `addr` with TCP_NODELAY and both socket timeouts
/// (`timeout`) set, the connect itself bounded by `timeout`.
///
/// Linux: socket, the three setsockopt, then a *blocking* connect, which the
/// kernel bounds by SO_SNDTIMEO (socket(7): it fails with EINPROGRESS when
/// the timeout expires): 5 syscalls. std's `connect_timeout` plus the
/// options afterwards take 8 (non-blocking on, connect, poll, non-blocking
/// off, then the three options). Under php-fpm every request without
/// `persistent=1` connects to each server it uses, so this is per request.
pub fn connect_tcp(addr: &std::net::SocketAddr, timeout: Duration) -> io::Result<TcpStream> {
    use std::net::SocketAddr;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    let domain = match addr {
        SocketAddr::V4(_) => libc::AF_INET,
        SocketAddr::V6(_) => libc::AF_INET6,
    };
    // SAFETY: plain socket(2); the fd is owned right below.
    let fd = unsafe { libc::socket(domain, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is a fresh socket nobody else owns; dropping the stream
    // on any error below closes it.
    let stream = TcpStream::from(unsafe { OwnedFd::from_raw_fd(fd) });
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;

    let (storage, len) = sockaddr_of(addr);
    let started = Instant::now();
    // SAFETY: `storage` holds a valid sockaddr of `len` bytes for `fd`.
    let r = unsafe {
        libc::connect(
            stream.as_raw_fd(),
            &storage as *const _ as *const libc::sockaddr,
            len as libc::socklen_t,
        )
    };
    if r == 0 {
        return Ok(stream);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        // SO_SNDTIMEO expired while the handshake was still in flight
        Some(libc::EINPROGRESS) | Some(libc::EAGAIN) => Err(connect_timed_out()),
        // A signal interrupted the wait; the handshake goes on in the
        // kernel: wait for it (poll) for what is left of the timeout.
        Some(libc::EINTR) => {
            wait_connected(&stream, timeout.saturating_sub(started.elapsed()))?;
            Ok(stream)
        }
        _ => Err(e),
    }
}

/// `addr` as the kernel's sockaddr, and its length.
fn sockaddr_of(addr: &std::net::SocketAddr) -> (libc::sockaddr_storage, usize) {
    use std::net::SocketAddr;
    // SAFETY: zeroed sockaddr_in/sockaddr_in6 are valid values; every field
    // that matters is filled in below, in network byte order where the
    // kernel wants it (as std does).
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let len = match addr {
        SocketAddr::V4(a) => {
            let sin = libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: a.port().to_be(),
                sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(a.ip().octets()) },
                sin_zero: [0; 8],
            };
            // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in.
            unsafe { std::ptr::write(&mut storage as *mut _ as *mut libc::sockaddr_in, sin) };
            std::mem::size_of::<libc::sockaddr_in>()
        }
        SocketAddr::V6(a) => {
            // SAFETY: as above.
            let mut sin6: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = a.port().to_be();
            sin6.sin6_flowinfo = a.flowinfo();
            sin6.sin6_addr = libc::in6_addr { s6_addr: a.ip().octets() };
            sin6.sin6_scope_id = a.scope_id();
            // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in6.
            unsafe { std::ptr::write(&mut storage as *mut _ as *mut libc::sockaddr_in6, sin6) };
            std::mem::size_of::<libc::sockaddr_in6>()
        }
    };
    (storage, len)
}

fn connect_timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "connection timed out")
}

/// After an interrupted connect: poll for writability until `left` runs
/// out (EINTR retried), then the socket's pending error tells the outcome.
fn wait_connected(stream: &TcpStream, left: Duration) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let deadline = Instant::now() + left;
    loop {
        let now = Instant::now();
        if now >= deadline {
            return Err(connect_timed_out());
        }
        let ms = (deadline - now).as_millis().clamp(1, i32::MAX as u128) as libc::c_int;
        let mut pfd = libc::pollfd { fd: stream.as_raw_fd(), events: libc::POLLOUT, revents: 0 };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            continue; // the deadline check above ends it
        }
        return match stream.take_error()? {
            Some(e) => Err(e),
            None => Ok(()),
        };
    }
}


/// Tests: re-`listen()` a bound socket with another backlog (std always
/// uses 128), so a test can fill the accept queue.
#[cfg(test)]
pub fn set_backlog(fd: std::os::fd::RawFd, backlog: i32) -> io::Result<()> {
    // SAFETY: listen(2) on a socket fd the caller owns; no memory is passed.
    if unsafe { libc::listen(fd, backlog) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Starts a TCP connect to `addr` without waiting for it: the socket is
/// non-blocking and the handshake goes on in the kernel (EINPROGRESS).
/// Used by the health probe of a server marked down, which must never
/// cost a request any waiting.
pub fn connect_tcp_nonblocking(addr: &std::net::SocketAddr) -> io::Result<TcpStream> {
    use std::net::SocketAddr;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

    let domain = match addr {
        SocketAddr::V4(_) => libc::AF_INET,
        SocketAddr::V6(_) => libc::AF_INET6,
    };
    // SAFETY: plain socket(2); the fd is owned right below.
    let fd = unsafe { libc::socket(domain, libc::SOCK_STREAM | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is a fresh socket nobody else owns.
    let stream = TcpStream::from(unsafe { OwnedFd::from_raw_fd(fd) });
    let (storage, len) = sockaddr_of(addr);
    // SAFETY: `storage` holds a valid sockaddr of `len` bytes for `fd`.
    let r = unsafe {
        libc::connect(stream.as_raw_fd(), &storage as *const _ as *const libc::sockaddr, len as libc::socklen_t)
    };
    if r == 0 {
        return Ok(stream);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINPROGRESS) | Some(libc::EINTR) => Ok(stream),
        _ => Err(e),
    }
}

/// The same for a unix domain socket: a connect that would block (the
/// listener's backlog is full) fails with EAGAIN instead of waiting.
pub fn connect_unix_nonblocking(path: &std::path::Path) -> io::Result<std::os::unix::net::UnixStream> {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;

    let bytes = path.as_os_str().as_bytes();
    // SAFETY: a zeroed sockaddr_un is a valid value; family and path are set below.
    let mut sun: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    if bytes.len() >= sun.sun_path.len() || bytes.contains(&0) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "unix socket path too long"));
    }
    sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (d, s) in sun.sun_path.iter_mut().zip(bytes) {
        *d = *s as libc::c_char;
    }
    // SAFETY: plain socket(2); the fd is owned right below.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is a fresh socket nobody else owns.
    let owned = unsafe { OwnedFd::from_raw_fd(fd) };
    let len = std::mem::size_of::<libc::sa_family_t>() + bytes.len() + 1;
    // SAFETY: `sun` is a valid sockaddr_un whose first `len` bytes hold
    // the family and the NUL-terminated path.
    let r = unsafe { libc::connect(fd, &sun as *const _ as *const libc::sockaddr, len as libc::socklen_t) };
    if r != 0 {
        let e = io::Error::last_os_error();
        if !matches!(e.raw_os_error(), Some(libc::EINPROGRESS) | Some(libc::EINTR)) {
            return Err(e);
        }
    }
    Ok(std::os::unix::net::UnixStream::from(owned))
}

/// Whether bytes or an end of stream are waiting on socket `fd`, without
/// blocking and without consuming them: one `recv(MSG_PEEK | MSG_DONTWAIT)`
/// (std's peek needs the socket switched to non-blocking and back: three
/// syscalls). `Ok(None)`: nothing pending; `Ok(Some(0))`: the peer closed;
/// `Ok(Some(n))`: unread bytes.
pub fn peek_pending(fd: std::os::fd::RawFd) -> io::Result<Option<usize>> {
    let mut byte = 0u8;
    loop {
        // SAFETY: recv(2) into one valid byte of our own; MSG_PEEK leaves
        // the socket's data where it is.
        let n = unsafe { libc::recv(fd, (&mut byte as *mut u8).cast(), 1, libc::MSG_PEEK | libc::MSG_DONTWAIT) };
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let e = io::Error::last_os_error();
        match e.kind() {
            io::ErrorKind::WouldBlock => return Ok(None),
            io::ErrorKind::Interrupted => continue,
            _ => return Err(e),
        }
    }
}
