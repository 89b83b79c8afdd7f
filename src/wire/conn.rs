//! One connection to one memcached server: a socket plus a reusable read
//! buffer, every syscall bounded by a timeout.
//!
//! Why not `BufReader`: replies are parsed in place by
//! [`ReplyParser`], which consumes complete units (a `VALUE` block, a
//! `STAT` line) straight from this buffer, so the connection never holds
//! more than one unit plus one read, and the buffer is reused across
//! batches instead of being allocated per reply.
//!
//! A connection that failed mid-exchange (timeout, EOF, garbage, a reply
//! that may have desynchronised the stream) is *poisoned*: it still exists
//! but [`Conn::is_reusable`] says no, so the pool drops it.

use std::io::{self, Read};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
#[cfg(unix)]
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use super::endpoint::Endpoint;
use super::error::WireError;
use super::binary_reply::BinaryParser;
use super::ascii_reply::ReplyParser;
use super::reply::{Expect, Limits, ProtocolError, Reply};
use super::reply::ErrorKind;
use super::request::{Batch, Framing, Protocol};
use super::sasl::{parse_auth_reply, Credentials};
use super::sock;
use super::tls::TlsStream;

/// Initial (and steady-state) read buffer size.
const INITIAL_BUF: usize = 16 << 10;
/// Least free space offered to one `read`.
const MIN_READ: usize = 16 << 10;
/// A buffer grown past this by a large reply is shrunk back when idle.
const SHRINK_ABOVE: usize = 1 << 20;
/// Smallest timeout applied (a zero socket timeout would mean "none").
const MIN_TIMEOUT: Duration = Duration::from_millis(1);
/// A whole reply must arrive within this many timeouts (plus the
/// allowance below): the socket timeout bounds each read, but a server
/// that drips a reply that never ends keeps every read short.
const REPLY_TIMEOUTS: u32 = 4;
/// Extra time a reply may take per byte received, so a legitimately large
/// reply on a slow link is not cut off: one second per MiB.
const REPLY_BYTES_PER_SEC: u64 = 1 << 20;

pub(crate) enum Stream {
    Tcp(TcpStream),
    Tls(Box<TlsStream>),
    #[cfg(unix)]
    Unix(UnixStream),
}

impl Stream {
    /// A second handle on the socket, for a helper thread that writes a
    /// large batch (already encrypted, for TLS: see [`Stream::seal`]).
    pub(crate) fn try_clone(&self) -> io::Result<Stream> {
        Ok(match self {
            Stream::Tcp(s) => Stream::Tcp(s.try_clone()?),
            Stream::Tls(s) => Stream::Tcp(s.tcp.try_clone()?),
            #[cfg(unix)]
            Stream::Unix(s) => Stream::Unix(s.try_clone()?),
        })
    }

    /// The bytes to put on the socket for `bytes`: themselves, or for TLS
    /// the records that carry them (the session's state advances now).
    pub(crate) fn seal<'b>(&mut self, bytes: &'b [u8], ends: &[usize]) -> Result<std::borrow::Cow<'b, [u8]>, WireError> {
        match self {
            Stream::Tls(s) => s.seal(bytes, ends).map(std::borrow::Cow::Owned),
            _ => Ok(std::borrow::Cow::Borrowed(bytes)),
        }
    }

    pub(crate) fn shutdown(&self) {
        let _ = match self {
            Stream::Tcp(s) => s.shutdown(Shutdown::Both),
            Stream::Tls(s) => s.tcp.shutdown(Shutdown::Both),
            #[cfg(unix)]
            Stream::Unix(s) => s.shutdown(Shutdown::Both),
        };
    }

    fn set_timeouts(&self, t: Duration) -> io::Result<()> {
        match self {
            Stream::Tcp(s) => {
                s.set_read_timeout(Some(t))?;
                s.set_write_timeout(Some(t))
            }
            Stream::Tls(s) => {
                s.tcp.set_read_timeout(Some(t))?;
                s.tcp.set_write_timeout(Some(t))
            }
            #[cfg(unix)]
            Stream::Unix(s) => {
                s.set_read_timeout(Some(t))?;
                s.set_write_timeout(Some(t))
            }
        }
    }

    /// Non-blocking probe of an idle socket: `Ok(true)` if nothing is
    /// pending (healthy), `Ok(false)` on EOF or unsolicited bytes: one
    /// `recv(MSG_PEEK | MSG_DONTWAIT)` (a TLS session must also have no
    /// decrypted bytes or alert buffered).
    fn probe_idle(&mut self) -> io::Result<bool> {
        let pending = match self {
            Stream::Tcp(s) => sock::peek_pending(&*s)?,
            Stream::Tls(s) => {
                if !s.is_idle() {
                    return Ok(false);
                }
                s.peek_pending()?
            }
            #[cfg(unix)]
            Stream::Unix(s) => sock::peek_pending(&*s)?,
        };
        Ok(pending.is_none())
    }

    /// Sends all of `bytes` (every send with MSG_NOSIGNAL), EINTR retried
    /// and errors classified; a failure before the first byte left is
    /// [`WireError::Unsent`].
    /// `ends`: where TLS records must end (see [`Batch::record_ends`]).
    pub(crate) fn write_all_bytes(&mut self, mut bytes: &[u8], ends: &[usize]) -> Result<(), WireError> {
        let mut sent_any = false;
        if let Stream::Tls(s) = self {
            return s.write_all(bytes, ends, &mut sent_any);
        }
        while !bytes.is_empty() {
            let r = match self {
                Stream::Tcp(s) => sock::send(&*s, bytes),
                Stream::Tls(_) => unreachable!("handled above"),
                #[cfg(unix)]
                Stream::Unix(s) => sock::send(&*s, bytes),
            };
            match r {
                Ok(0) if !sent_any => {
                    return Err(WireError::Unsent(io::ErrorKind::WriteZero.into()))
                }
                Ok(0) => return Err(WireError::Closed),
                Ok(n) => {
                    sent_any = true;
                    bytes = bytes.get(n..).unwrap_or(&[]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if !sent_any => return Err(WireError::Unsent(e)),
                Err(e) => return Err(WireError::from_io(e)),
            }
        }
        Ok(())
    }

    fn read_some(&mut self, buf: &mut [u8], may_write: bool) -> Result<usize, WireError> {
        loop {
            let r = match self {
                Stream::Tcp(s) => s.read(buf),
                Stream::Tls(s) => return s.read_some(buf, may_write),
                #[cfg(unix)]
                Stream::Unix(s) => s.read(buf),
            };
            match r {
                Ok(0) => return Err(WireError::Closed),
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(WireError::from_io(e)),
            }
        }
    }
}

/// A TCP connection to `addr` with TCP_NODELAY and both socket timeouts
/// (`timeout`) set, the connect itself bounded by `timeout` (5 syscalls,
/// see [`sock::connect_tcp`]).
fn connect_tcp(addr: &std::net::SocketAddr, timeout: Duration) -> io::Result<TcpStream> {
    sock::connect_tcp(addr, timeout)
}

/// Tries every address `host` resolves to in turn.
fn connect_host(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, WireError> {
    let host = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    let addrs = (host, port).to_socket_addrs().map_err(WireError::Connect)?;
    let mut last = None;
    for addr in addrs {
        match connect_tcp(&addr, timeout) {
            Ok(s) => return Ok(s),
            Err(e) => last = Some(e),
        }
    }
    Err(WireError::Connect(last.unwrap_or_else(|| {
        io::Error::new(io::ErrorKind::NotFound, "host resolved to no address")
    })))
}

/// A connection to one memcached server.
pub struct Conn {
    stream: Stream,
    /// Read buffer; bytes `start..end` are received but not yet consumed.
    buf: Vec<u8>,
    start: usize,
    end: usize,
    parser: ReplyParser,
    binary: BinaryParser,
    /// Who this connection authenticated as (SASL, binary protocol).
    authenticated: Option<Credentials>,
    /// The protocol of the batches sent so far: memcached fixes a
    /// connection's protocol at its first command.
    protocol: Option<Protocol>,
    /// A helper thread is writing on a clone of the socket: a TLS session
    /// must not write (answer the server) meanwhile.
    writer_active: bool,
    /// TLS: the settings it was verified with (a pooled connection is not
    /// reused under other settings, e.g. verification off elsewhere).
    tls_options: Option<Box<super::tls::TlsOptions>>,
    timeout: Duration,
    limits: Limits,
    poisoned: bool,
    /// How long this connection's batches' replies take to be read in
    /// full: a moving average (each batch weighs half), zero until the first.
    reply_wait: Duration,
    /// When its last batch's replies were read in full (or it was opened):
    /// the pool measures how long it sat idle from here.
    last_used: Instant,
}

impl std::fmt::Debug for Conn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conn")
            .field("buffered", &(self.end - self.start))
            .field("timeout", &self.timeout)
            .field("poisoned", &self.poisoned)
            .finish()
    }
}

impl Conn {
    /// Whether `batch` may run on this connection: same protocol as what it
    /// carried before (memcached fixes a connection's protocol at its first
    /// command), and authenticated as exactly the batch's credentials — a
    /// batch never runs under another identity, nor unauthenticated on a
    /// connection someone authenticated. A pooled connection that does not
    /// suit is closed and a fresh one dialled.
    pub fn suits(&self, batch: &Batch) -> bool {
        self.protocol.is_none_or(|p| p == batch.protocol())
            && match (self.authenticated.as_ref(), batch.credentials()) {
                (None, None) => true,
                (Some(mine), Some(theirs)) => mine == theirs,
                (None, Some(_)) => self.protocol.is_none(),
                (Some(_), None) => false,
            }
    }

    /// Dial `endpoint`. TCP: every resolved address is tried in turn, each
    /// with `connect_timeout(timeout)`; TCP_NODELAY is set. TLS: the same,
    /// then the handshake, bounded by `timeout` in total. Unix: plain
    /// connect (local, does not block on a listening socket). Then every
    /// later read and write is bounded by `timeout` (at least 1 ms).
    pub fn connect(endpoint: &Endpoint, timeout: Duration) -> Result<Conn, WireError> {
        let timeout = timeout.max(MIN_TIMEOUT);
        let stream = match endpoint {
            // NODELAY and both timeouts are set by connect_tcp
            Endpoint::Tcp { host, port } => {
                return Ok(Conn::new(Stream::Tcp(connect_host(host, *port, timeout)?), timeout))
            }
            Endpoint::Tls { host, port, tls } => {
                let tcp = connect_host(host, *port, timeout)?;
                let host = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
                let session = TlsStream::handshake(tcp, host, tls, timeout)?;
                let mut conn = Conn::new(Stream::Tls(Box::new(session)), timeout);
                conn.tls_options = Some(tls.clone());
                return Ok(conn);
            }
            #[cfg(unix)]
            Endpoint::Unix { path } => {
                Stream::Unix(UnixStream::connect(path).map_err(WireError::Connect)?)
            }
            #[cfg(not(unix))]
            Endpoint::Unix { .. } => {
                return Err(WireError::Connect(io::Error::new(
                    io::ErrorKind::Unsupported,
                    "unix sockets are not supported on this platform",
                )))
            }
        };
        stream.set_timeouts(timeout).map_err(WireError::Connect)?;
        Ok(Conn::new(stream, timeout))
    }

    fn new(stream: Stream, timeout: Duration) -> Conn {
        Conn {
            stream,
            buf: vec![0; INITIAL_BUF],
            start: 0,
            end: 0,
            parser: ReplyParser::new(),
            binary: BinaryParser::new(),
            authenticated: None,
            protocol: None,
            writer_active: false,
            tls_options: None,
            timeout,
            limits: Limits::default(),
            poisoned: false,
            reply_wait: Duration::ZERO,
            last_used: Instant::now(),
        }
    }

    /// The per-syscall timeout in force.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Change the per-syscall timeout (at least 1 ms).
    pub fn set_timeout(&mut self, timeout: Duration) -> Result<(), WireError> {
        let timeout = timeout.max(MIN_TIMEOUT);
        self.stream.set_timeouts(timeout).map_err(WireError::Io)?;
        self.timeout = timeout;
        Ok(())
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Replace the parser limits (max item size etc.).
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// Whether this connection runs TLS, and whether its session was
    /// resumed (no full handshake).
    pub fn tls_state(&self) -> Option<bool> {
        match &self.stream {
            Stream::Tls(s) => Some(s.is_resumed()),
            _ => None,
        }
    }

    /// Whether this connection was dialled as `endpoint` asks now: for
    /// TLS, with the same verification settings.
    pub fn dialled_as(&self, endpoint: &Endpoint) -> bool {
        match (endpoint, &self.tls_options) {
            (Endpoint::Tls { tls, .. }, Some(mine)) => tls == mine,
            (Endpoint::Tls { .. }, None) => false,
            (_, mine) => mine.is_none(),
        }
    }

    /// Whether an earlier failure made this connection unusable.
    pub fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    /// Mark the connection unusable (the stream state is unknown).
    fn poison(&mut self) {
        self.poisoned = true;
    }

    /// Whether this idle connection can carry another batch: not poisoned,
    /// nothing left over in the buffer, and a non-blocking probe of the
    /// socket finds neither EOF (peer closed it while idle) nor
    /// unsolicited bytes. Costs one recv on Linux, no round trip.
    /// A `false` answer is sticky.
    pub fn is_reusable(&mut self) -> bool {
        if self.poisoned || self.start != self.end {
            self.poisoned = true;
            return false;
        }
        if !matches!(self.stream.probe_idle(), Ok(true)) {
            self.poisoned = true;
        }
        !self.poisoned
    }

    /// Write the whole of `bytes`; poisons on failure.
    fn write_all(&mut self, bytes: &[u8], ends: &[usize]) -> Result<(), WireError> {
        let r = self.stream.write_all_bytes(bytes, ends);
        if r.is_err() {
            self.poisoned = true;
        }
        r
    }

    /// Read and parse one reply of kind `expect`, framed as `framing`
    /// says; poisons on failure.
    fn read_reply(&mut self, expect: &Expect<'_>, framing: Framing) -> Result<Reply, WireError> {
        let limits = self.limits;
        let r = match framing {
            Framing::Ascii => {
                let mut parser = std::mem::take(&mut self.parser);
                let r = self.read_with(|buf| parser.advance(expect, buf, &limits));
                self.parser = parser;
                r
            }
            Framing::Binary { opaque } => {
                let mut parser = std::mem::take(&mut self.binary);
                let r = self.read_with(|buf| parser.advance(expect, opaque, buf, &limits));
                self.binary = parser;
                r
            }
        };
        if r.is_err() {
            self.parser.reset();
            self.binary.reset();
        }
        r
    }

    /// Feed received bytes to `step` until it yields a value, reading
    /// more as needed; `step` returns what it consumed. Poisons on
    /// failure.
    fn read_with<T>(
        &mut self,
        step: impl FnMut(&[u8]) -> Result<(Option<T>, usize), ProtocolError>,
    ) -> Result<T, WireError> {
        let r = self.read_with_inner(step);
        if r.is_err() {
            self.poisoned = true;
        }
        r
    }

    fn read_with_inner<T>(
        &mut self,
        mut step: impl FnMut(&[u8]) -> Result<(Option<T>, usize), ProtocolError>,
    ) -> Result<T, WireError> {
        // The clock is read only when a reply is not all there yet (most
        // replies of a batch were received with the one before).
        let mut started: Option<Instant> = None;
        let mut received: u64 = 0;
        loop {
            if self.start < self.end {
                let pending = &self.buf[self.start..self.end];
                let (reply, used) = step(pending)?;
                self.start += used.min(self.end - self.start);
                if self.start == self.end {
                    self.start = 0;
                    self.end = 0;
                }
                if let Some(reply) = reply {
                    return Ok(reply);
                }
            }
            // Bounded in total, not only per read (see REPLY_TIMEOUTS).
            let allowed = self.timeout.saturating_mul(REPLY_TIMEOUTS)
                + Duration::from_secs_f64(received as f64 / REPLY_BYTES_PER_SEC as f64);
            match started {
                None => started = Some(Instant::now()),
                Some(t) if t.elapsed() > allowed => {
                    return Err(WireError::Protocol(format!(
                        "reply still incomplete after {:.1} s ({received} bytes received): \
                         the server keeps sending without finishing it",
                        t.elapsed().as_secs_f64()
                    )));
                }
                Some(_) => {}
            }
            received += self.fill()? as u64;
        }
    }

    /// Read at least one byte more into the buffer, compacting or growing
    /// it so that at least `MIN_READ` bytes are free.
    fn fill(&mut self) -> Result<usize, WireError> {
        if self.buf.len() - self.end < MIN_READ {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.len() - self.end < MIN_READ {
                let grown = (self.buf.len().saturating_mul(2)).max(self.end + MIN_READ);
                self.buf.resize(grown, 0);
            }
        }
        let may_write = !self.writer_active;
        let n = self.stream.read_some(&mut self.buf[self.end..], may_write)?;
        self.end += n;
        Ok(n)
    }

    /// Called after a batch's replies were all read: unsolicited bytes
    /// mean the stream is out of step; a buffer grown by a large reply is
    /// given back.
    fn finish_batch(&mut self) {
        if self.start != self.end {
            self.poisoned = true;
        } else if self.buf.len() > SHRINK_ABOVE {
            self.buf = vec![0; INITIAL_BUF];
            self.start = 0;
            self.end = 0;
        }
    }
}

// ---- running a batch (driven by super::exec) -------------------------------------------------

/// How the bytes of a batch went out (see [`Conn::start`]).
pub(crate) enum Start<'b> {
    /// Nothing to send.
    Empty,
    /// Written whole.
    Written,
    /// Too large to write before reading the replies: sealed (for TLS,
    /// encrypted into records) and handed over with a second handle on the
    /// socket, for a writer thread.
    Offload { writer: Stream, wire: std::borrow::Cow<'b, [u8]> },
}

impl Conn {
    /// Starts sending `batch`: refuses it on a poisoned connection or one
    /// already speaking the other protocol, authenticates a connection
    /// that has not yet done so with the batch's credentials (SASL), then
    /// writes a batch of up to `inline_max` bytes; a larger one is handed
    /// back as [`Start::Offload`]. Any failure poisons the connection.
    pub(crate) fn start<'b>(&mut self, batch: &'b Batch, inline_max: usize) -> Result<Start<'b>, WireError> {
        if self.poisoned {
            return Err(WireError::Io(io::Error::new(
                io::ErrorKind::NotConnected,
                "connection poisoned by an earlier failure",
            )));
        }
        if batch.is_empty() {
            return Ok(Start::Empty);
        }
        if let Some(creds) = batch.credentials() {
            // A new connection authenticates before its first batch.
            self.authenticate(creds)?;
        }
        if self.protocol.is_some_and(|p| p != batch.protocol()) {
            self.poison();
            return Err(WireError::Refused("a batch in one protocol on a connection already speaking the other".into()));
        }
        let bytes = batch.as_bytes();
        let start = if bytes.len() <= inline_max {
            self.write_all(bytes, batch.record_ends())?;
            Start::Written
        } else {
            // TLS: encrypted here; the writer only sends the records.
            let sealed = self
                .stream
                .seal(bytes, batch.record_ends())
                .and_then(|wire| self.stream.try_clone().map(|writer| (writer, wire)).map_err(WireError::Io));
            match sealed {
                Ok((writer, wire)) => Start::Offload { writer, wire },
                Err(e) => {
                    self.poison();
                    return Err(e);
                }
            }
        };
        // memcached fixes a connection's protocol at its first command.
        self.protocol = Some(batch.protocol());
        Ok(start)
    }

    /// A writer thread now writes an offloaded batch on the socket's clone:
    /// a TLS session must not write (answer the server) meanwhile.
    pub(crate) fn writer_started(&mut self) {
        self.writer_active = true;
    }

    /// The writer thread is done; its result, poisoning on failure.
    pub(crate) fn writer_finished(&mut self, wrote: Result<(), WireError>) -> Result<(), WireError> {
        self.writer_active = false;
        if wrote.is_err() {
            self.poison();
        }
        wrote
    }

    /// Writes an offloaded batch's sealed bytes from this thread (no writer
    /// thread could be had); poisons on failure.
    pub(crate) fn write_sealed(&mut self, wire: &[u8]) -> Result<(), WireError> {
        let r = self.stream.try_clone().map_err(WireError::Io).and_then(|mut w| w.write_all_bytes(wire, &[]));
        if r.is_err() {
            self.poison();
        }
        r
    }

    /// Unblocks a writer thread stuck on a dead peer.
    pub(crate) fn interrupt(&self) {
        self.stream.shutdown();
    }

    /// Reads the replies of a written batch, one per command, in order.
    /// `clock` is when this read began (the previous connection's read
    /// ended, or the round's writes did); it is set to when this one ended.
    pub(crate) fn receive(&mut self, batch: &Batch, clock: &mut Instant) -> Result<Vec<Reply>, WireError> {
        let replies = self.receive_all(batch);
        // One clock read per connection: the reads of a round follow each
        // other, so where this one ended is where the next one starts.
        let ended = Instant::now();
        if replies.is_ok() {
            self.reply_wait = (self.reply_wait + ended.saturating_duration_since(*clock)) / 2;
            self.last_used = ended;
        }
        *clock = ended;
        replies
    }

    fn receive_all(&mut self, batch: &Batch) -> Result<Vec<Reply>, WireError> {
        let mut replies = Vec::with_capacity(batch.len());
        for (i, expect) in batch.expects().enumerate() {
            let reply = self.read_reply(&expect, batch.framing(i))?;
            // Binary frames carry their lengths: an error never desyncs.
            if batch.protocol() == Protocol::Ascii && may_desync(&expect, &reply) {
                self.poison();
            }
            replies.push(reply);
        }
        self.finish_batch();
        Ok(replies)
    }

    /// When this connection's last batch was read in full (or it was
    /// opened, before its first).
    pub fn last_used(&self) -> Instant {
        self.last_used
    }

    /// The server's TCP port (0 for a unix socket), for the test hooks.
    #[cfg(feature = "test-hooks")]
    pub fn peer_port(&self) -> u16 {
        let addr = match &self.stream {
            Stream::Tcp(s) => s.peer_addr(),
            Stream::Tls(s) => s.tcp.peer_addr(),
            #[cfg(unix)]
            Stream::Unix(_) => return 0,
        };
        addr.map_or(0, |a| a.port())
    }

    /// How long this connection's replies take to be read in full, on
    /// average over its last few batches (each weighs half the one after
    /// it; zero before the first). Within a round of batches read one
    /// connection after the other, the server that answers last shows the
    /// longest; averaged, one round in which its reply happened to be
    /// there already does not turn the order over, and a changed situation
    /// turns it within a round or two (see `Pool::execute_parallel`).
    pub fn reply_wait(&self) -> Duration {
        self.reply_wait
    }

    /// Authenticate this connection with `creds` (SASL PLAIN, one round
    /// trip), unless it already did. Any failure poisons the connection.
    pub fn authenticate(&mut self, creds: &Credentials) -> Result<(), WireError> {
        if self.authenticated.as_ref() == Some(creds) {
            return Ok(());
        }
        self.write_all(&creds.auth_frame(), &[])?;
        let limits = self.limits();
        match self.read_with(|buf| parse_auth_reply(buf, &limits))? {
            Ok(()) => {
                self.authenticated = Some(creds.clone());
                Ok(())
            }
            Err(message) => {
                self.poison();
                Err(WireError::Auth(format!(
                    "SASL PLAIN authentication as '{}' failed: {message}",
                    creds.user().escape_ascii()
                )))
            }
        }
    }
}

/// Replies after which the stream may be out of step even though they
/// parsed: an `ERROR` or `CLIENT_ERROR` to a store means the server may
/// not have swallowed the data block and may read it as commands
/// (memcached itself swallows it after `SERVER_ERROR`). The replies are
/// still returned; the connection just is not reused. Errors to commands
/// without a data block (`ERROR` to an unknown `stats` argument, a
/// `CLIENT_ERROR` to `incr` on a non-number) leave the stream in step.
fn may_desync(expect: &Expect<'_>, reply: &Reply) -> bool {
    matches!((expect, reply), (Expect::Store, Reply::Error(ErrorKind::Error | ErrorKind::ClientError, _)))
}

#[cfg(test)]
mod connect_tests {
    use super::*;
    use std::net::{SocketAddr, TcpListener};

    fn tcp(host: &str, port: u16) -> Endpoint {
        Endpoint::Tcp { host: host.into(), port }
    }

    #[test]
    fn connect_sets_nodelay_and_timeouts() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let c = Conn::connect(&tcp("127.0.0.1", port), Duration::from_millis(750)).unwrap();
        let Stream::Tcp(s) = &c.stream else { panic!("tcp") };
        assert!(s.nodelay().unwrap());
        // the kernel keeps socket timeouts in jiffies: 750 ms may read back as 752
        for t in [s.read_timeout().unwrap(), s.write_timeout().unwrap()] {
            let t = t.expect("timeout set").as_millis();
            assert!((750..=770).contains(&t), "{t} ms");
        }
        assert_eq!(s.peer_addr().unwrap().port(), port);
        let (mut accepted, _) = l.accept().unwrap();
        drop(c);
        let mut b = [0u8; 1];
        assert_eq!(accepted.read(&mut b).unwrap(), 0, "closed on drop");
    }

    #[test]
    fn connect_ipv6_loopback() {
        let Ok(l) = TcpListener::bind("[::1]:0") else { return }; // no IPv6 here
        let port = l.local_addr().unwrap().port();
        let c = Conn::connect(&tcp("[::1]", port), Duration::from_secs(1)).unwrap();
        let Stream::Tcp(s) = &c.stream else { panic!("tcp") };
        assert_eq!(s.peer_addr().unwrap(), SocketAddr::from(([0u16, 0, 0, 0, 0, 0, 0, 1], port)));
        assert!(l.accept().is_ok());
    }

    #[test]
    fn connect_refused_is_a_connect_error() {
        let port = {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        match Conn::connect(&tcp("127.0.0.1", port), Duration::from_secs(1)) {
            Err(WireError::Connect(e)) => assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused),
            other => panic!("expected refused, got {other:?}"),
        }
    }

    /// A listener whose accept queue is full drops new SYNs: the connect
    /// must give up after about the timeout, as a TimedOut connect error.
    #[cfg(target_os = "linux")]
    #[test]
    fn connect_to_full_backlog_times_out() {
        let l = sock::listen_with_backlog(0).unwrap();
        let port = l.local_addr().unwrap().port();
        let timeout = Duration::from_millis(200);
        let mut held = Vec::new();
        let mut timed_out = None;
        for _ in 0..16 {
            let t0 = Instant::now();
            match Conn::connect(&tcp("127.0.0.1", port), timeout) {
                Ok(c) => held.push(c),
                Err(WireError::Connect(e)) => {
                    timed_out = Some((e, t0.elapsed()));
                    break;
                }
                Err(e) => panic!("unexpected {e:?}"),
            }
        }
        let (e, took) = timed_out.expect("a connect to a full backlog never timed out");
        assert_eq!(e.kind(), io::ErrorKind::TimedOut, "{e}");
        assert!(took >= Duration::from_millis(150) && took < Duration::from_secs(3), "{took:?}");
    }
}
