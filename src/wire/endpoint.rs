//! Where a memcached server listens (the save_path parser produces these;
//! the wire layer dials them).

use std::fmt;
use std::path::PathBuf;

use super::tls::TlsOptions;

/// A memcached server address: TCP host and port (hostname, IPv4 or IPv6
/// literal), the same over TLS (`tls://`, with how to verify the server),
/// or a unix domain socket path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Tcp { host: String, port: u16 },
    Tls { host: String, port: u16, tls: Box<TlsOptions> },
    Unix { path: PathBuf },
}

impl Endpoint {
    /// The TCP host and port (plain or TLS).
    pub fn host_port(&self) -> Option<(&str, u16)> {
        match self {
            Endpoint::Tcp { host, port } | Endpoint::Tls { host, port, .. } => Some((host, *port)),
            Endpoint::Unix { .. } => None,
        }
    }

    /// Sets how a `tls://` server is verified (nothing for other endpoints).
    pub fn set_tls_options(&mut self, options: &TlsOptions) {
        if let Endpoint::Tls { tls, .. } = self {
            **tls = options.clone();
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Endpoint::Tcp { host, port } if host.contains(':') => write!(f, "[{host}]:{port}"),
            Endpoint::Tcp { host, port } => write!(f, "{host}:{port}"),
            Endpoint::Tls { host, port, .. } if host.contains(':') => write!(f, "tls://[{host}]:{port}"),
            Endpoint::Tls { host, port, .. } => write!(f, "tls://{host}:{port}"),
            Endpoint::Unix { path } => write!(f, "unix:{}", path.display()),
        }
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn display() {
        let v4 = Endpoint::Tcp {
            host: "127.0.0.1".into(),
            port: 11211,
        };
        let v6 = Endpoint::Tcp {
            host: "::1".into(),
            port: 11211,
        };
        let unix = Endpoint::Unix {
            path: "/tmp/m.sock".into(),
        };
        assert_eq!(v4.to_string(), "127.0.0.1:11211");
        assert_eq!(v6.to_string(), "[::1]:11211");
        assert_eq!(unix.to_string(), "unix:/tmp/m.sock");
    }
}
