//! Errors of the wire layer, as values.
//!
//! One enum covers everything that can go wrong between "here is a batch"
//! and "here are its replies". The split that matters to callers is
//! [`WireError::is_server_failure`]: every variant but `Refused` says the
//! server (or the path to it) misbehaved, so the pool may mark it down;
//! `Refused` says the *request* was unacceptable (a bad key) and no byte
//! left the process, so the server is fine.

use std::fmt;
use std::io;

/// What went wrong talking to one server.
#[derive(Debug)]
pub enum WireError {
    /// The connection could not be established (resolution, refusal,
    /// connect timeout: the io error kind tells which).
    Connect(io::Error),
    /// Nothing of the request could be written to an established
    /// connection (reset, closed, or the send timed out before the first
    /// byte left): the server cannot have applied any of it.
    Unsent(io::Error),
    /// A read or write on an established connection exceeded the timeout.
    Timeout,
    /// The peer closed (or reset) the connection before the replies were
    /// complete.
    Closed,
    /// Any other I/O failure on an established connection.
    Io(io::Error),
    /// The server sent bytes that are not a valid reply to what was asked.
    Protocol(String),
    /// The server refused SASL authentication (message says who and why).
    Auth(String),
    /// TLS could not be set up: the handshake failed (certificate
    /// rejected, server not speaking TLS, timeout) or the client's own TLS
    /// settings are unusable (a CA file that does not read). Nothing of
    /// any request was sent.
    TlsHandshake(String),
    /// The TLS session failed after the handshake (an alert such as a
    /// refused client certificate, a record that does not decrypt).
    Tls(String),
    /// The request itself was refused before sending (bad key, bad stats
    /// argument, ...). Nothing was written.
    Refused(String),
}

impl WireError {
    /// True when this error says something about the server or the path
    /// to it (mark it failed / retry elsewhere); false when the request
    /// was refused locally.
    pub fn is_server_failure(&self) -> bool {
        !matches!(self, WireError::Refused(_))
    }

    /// Classify an I/O error from an established connection.
    pub(crate) fn from_io(error: io::Error) -> WireError {
        match error.kind() {
            // SO_RCVTIMEO / SO_SNDTIMEO surface as WouldBlock on Unix.
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => WireError::Timeout,
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::NotConnected => WireError::Closed,
            _ => WireError::Io(error),
        }
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::Connect(e) => write!(f, "connect failed: {e}"),
            WireError::Unsent(e) => write!(f, "could not send the request: {e}"),
            WireError::Timeout => f.write_str("timed out"),
            WireError::Closed => f.write_str("connection closed by peer"),
            WireError::Io(e) => write!(f, "i/o error: {e}"),
            WireError::Protocol(m) => write!(f, "protocol error: {m}"),
            WireError::Auth(m) => f.write_str(m),
            WireError::TlsHandshake(m) => write!(f, "TLS handshake failed: {m}"),
            WireError::Tls(m) => write!(f, "TLS: {m}"),
            WireError::Refused(m) => write!(f, "request refused: {m}"),
        }
    }
}

impl std::error::Error for WireError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WireError::Connect(e) | WireError::Io(e) | WireError::Unsent(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn classification() {
        assert!(!WireError::Refused("k".into()).is_server_failure());
        assert!(WireError::Timeout.is_server_failure());
        assert!(WireError::Closed.is_server_failure());
        assert!(WireError::Protocol("x".into()).is_server_failure());
        assert!(WireError::Connect(io::ErrorKind::ConnectionRefused.into()).is_server_failure());
        assert!(matches!(
            WireError::from_io(io::ErrorKind::WouldBlock.into()),
            WireError::Timeout
        ));
        assert!(matches!(
            WireError::from_io(io::ErrorKind::ConnectionReset.into()),
            WireError::Closed
        ));
        assert!(matches!(
            WireError::from_io(io::ErrorKind::Other.into()),
            WireError::Io(_)
        ));
        assert_eq!(WireError::Timeout.to_string(), "timed out");
    }
}
