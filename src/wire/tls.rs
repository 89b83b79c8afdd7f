//! TLS to memcached (`tls://host:port`; memcached 1.6 `-Z`), with rustls
//! and its *ring* crypto provider: no OpenSSL is linked.
//!
//! Why ring rather than aws-lc-rs: ring builds with a C compiler alone
//! (aws-lc-rs needs cmake and, for some targets, Go and NASM), is what the
//! Debian and PIE build paths of this extension can count on, and is as fast
//! for the AES-GCM / ChaCha20 record work a memcached exchange consists of.
//! Details and measurements: docs/DESIGN.md, "TLS".
//!
//! Fork safety: php-fpm forks its workers after module startup. Nothing
//! here is created at startup: a [`ClientConfig`] (with its session
//! resumption cache) is built the first time a process dials a TLS server
//! with given [`TlsOptions`], and the cache is keyed by process id — a
//! child never uses a config (nor a resumption ticket) its parent made.
//! Connections themselves are per process already (the pool drops pooled
//! connections of another pid).
//!
//! I/O shape: a batch is encrypted as one TLS record (up to 16 KiB of
//! plaintext per record) and sent with one `sendmsg`; a reply is read with
//! one `recv` of up to 4 KiB of records where it fits (rustls's read size),
//! decrypted in place and copied into the connection's read buffer. The
//! handshake happens in `Conn::connect`, bounded by the timeout; the
//! client's last handshake flight (TLS 1.3 Finished) is sent together with
//! the first batch.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{AlertDescription, CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, RootCertStore, SignatureScheme};
use socket2::SockRef;

use super::error::WireError;
use super::sock::{self, NoSigPipe};

/// How a TLS server is dialled: trust anchors, client certificate, peer
/// verification and the name to verify. The ini entries `memcache.tls_*`
/// fill it in (config layer); the wire layer only uses it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TlsOptions {
    /// PEM bundle of trusted CAs; `None`: the system's (rustls-native-certs).
    pub ca_file: Option<PathBuf>,
    /// PEM client certificate chain for mutual TLS (with `key_file`).
    pub cert_file: Option<PathBuf>,
    /// PEM private key of `cert_file` (defaults to `cert_file` itself).
    pub key_file: Option<PathBuf>,
    /// Verify the server's certificate chain and name (default on).
    pub verify_peer: bool,
    /// The name the certificate must carry when it differs from the host.
    pub server_name: Option<String>,
}

impl Default for TlsOptions {
    fn default() -> TlsOptions {
        TlsOptions { ca_file: None, cert_file: None, key_file: None, verify_peer: true, server_name: None }
    }
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The pid that built them, and each options' client config.
type ConfigCache = (u32, Vec<(TlsOptions, Arc<ClientConfig>)>);

/// Client configs of this process, by options. Keyed by pid: a config made
/// before a fork is never used after it (see the module docs).
static CONFIGS: Mutex<ConfigCache> = Mutex::new((0, Vec::new()));

/// The client config for `options` in this process, built on first use.
/// An error names the file or setting at fault.
pub fn client_config(options: &TlsOptions) -> Result<Arc<ClientConfig>, String> {
    let pid = std::process::id();
    {
        let mut cache = CONFIGS.lock().unwrap_or_else(|p| p.into_inner());
        if cache.0 != pid {
            *cache = (pid, Vec::new());
        }
        if let Some((_, c)) = cache.1.iter().find(|(o, _)| o == options) {
            return Ok(c.clone());
        }
    }
    let config = Arc::new(build_config(options)?);
    let mut cache = CONFIGS.lock().unwrap_or_else(|p| p.into_inner());
    if cache.0 == pid {
        if cache.1.len() >= 8 {
            cache.1.remove(0);
        }
        cache.1.push((options.clone(), config.clone()));
    }
    Ok(config)
}

fn build_config(options: &TlsOptions) -> Result<ClientConfig, String> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup failed: {e}"))?;
    let builder = if options.verify_peer {
        builder.with_root_certificates(roots(options)?)
    } else {
        builder.dangerous().with_custom_certificate_verifier(Arc::new(NoVerify(provider)))
    };
    let mut config = match &options.cert_file {
        None => builder.with_no_client_auth(),
        Some(cert_file) => {
            let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert_file)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| format!("cannot read the client certificate {} (memcache.tls_cert_file): {e}", cert_file.display()))?;
            if chain.is_empty() {
                return Err(format!("no PEM certificate in {} (memcache.tls_cert_file)", cert_file.display()));
            }
            let (key_path, entry) = match &options.key_file {
                Some(k) => (k, "memcache.tls_key_file"),
                None => (cert_file, "memcache.tls_cert_file"),
            };
            let key = PrivateKeyDer::from_pem_file(key_path)
                .map_err(|e| format!("cannot read the private key {} ({entry}): {e}", key_path.display()))?;
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| format!("the client certificate and key do not fit (memcache.tls_cert_file / tls_key_file): {e}"))?
        }
    };
    // memcached sends no ALPN; sessions resume from the default in-memory
    // cache (256 entries), which lives in this config, so in this process.
    config.enable_sni = true;
    Ok(config)
}

fn roots(options: &TlsOptions) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    match &options.ca_file {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(path)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| format!("cannot read the CA bundle {} (memcache.tls_ca_file): {e}", path.display()))?;
            let (added, _) = store.add_parsable_certificates(certs);
            if added == 0 {
                return Err(format!("no usable CA certificate in {} (memcache.tls_ca_file)", path.display()));
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                return Err("no CA certificate found in the system's trust store: set memcache.tls_ca_file".into());
            }
        }
    }
    Ok(store)
}

/// `memcache.tls_verify_peer = 0`: any certificate is accepted (the
/// handshake signatures are still checked, so the connection is encrypted
/// to whoever holds the key, just not authenticated).
#[derive(Debug)]
struct NoVerify(Arc<CryptoProvider>);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// True the first time this process asks (per pid: a forked worker asks
/// anew): the caller warns that `memcache.tls_verify_peer` is off.
pub fn first_unverified_use() -> bool {
    use std::sync::atomic::{AtomicU32, Ordering};
    static WARNED_PID: AtomicU32 = AtomicU32::new(0);
    let pid = std::process::id();
    WARNED_PID.swap(pid, Ordering::Relaxed) != pid
}

/// The warning for [`first_unverified_use`], naming the server.
pub fn unverified_warning(server: &str) -> String {
    format!(
        "memcache.tls_verify_peer = 0: the certificate of TLS server {server} (and of every other) is not verified; \
         the connection is encrypted but anyone on the path can impersonate the server (warned once per process)"
    )
}

/// What a rustls error means to an operator.
pub fn describe(e: &rustls::Error) -> String {
    use rustls::Error as E;
    match e {
        E::InvalidCertificate(c) => match c {
            CertificateError::UnknownIssuer => {
                "the server's certificate is signed by an unknown CA (memcache.tls_ca_file)".into()
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                "the server's certificate does not match the host name (memcache.tls_server_name names another)".into()
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                "the server's certificate has expired".into()
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                "the server's certificate is not valid yet".into()
            }
            CertificateError::Revoked => "the server's certificate is revoked".into(),
            other => format!("the server's certificate was rejected: {other:?}"),
        },
        E::AlertReceived(
            a @ (AlertDescription::CertificateRequired
            | AlertDescription::BadCertificate
            | AlertDescription::UnknownCA
            | AlertDescription::CertificateUnknown
            | AlertDescription::UnsupportedCertificate
            | AlertDescription::CertificateExpired
            | AlertDescription::AccessDenied),
        ) => format!("the server refused the client certificate (alert {a:?}; memcache.tls_cert_file)"),
        E::AlertReceived(a) => format!("the server sent the TLS alert {a:?}"),
        E::InvalidMessage(_) => "the server does not speak TLS (it answered with something that is not a TLS record)".into(),
        other => format!("TLS error: {other}"),
    }
}

/// A TLS session over a TCP socket.
pub struct TlsStream {
    pub(crate) tcp: TcpStream,
    tls: ClientConnection,
}

/// The io::Error a rustls error arrives in (read_tls/process).
fn tls_failure(e: rustls::Error) -> WireError {
    WireError::Tls(describe(&e))
}

impl TlsStream {
    /// Runs the handshake on a connected socket (its timeouts set), within
    /// `timeout` in total. `host` is the name to verify unless
    /// `options.server_name` gives another.
    pub fn handshake(tcp: TcpStream, host: &str, options: &TlsOptions, timeout: Duration) -> Result<TlsStream, WireError> {
        let config = client_config(options).map_err(WireError::TlsHandshake)?;
        let name_text = options.server_name.as_deref().unwrap_or(host);
        let name = ServerName::try_from(name_text.to_owned())
            .map_err(|_| WireError::TlsHandshake(format!("'{name_text}' is not a valid TLS server name (memcache.tls_server_name)")))?;
        let mut tls = ClientConnection::new(config, name).map_err(|e| WireError::TlsHandshake(format!("TLS setup failed: {e}")))?;
        // A batch is held in memory anyway: let rustls take all of it at
        // once (its default 64 KiB limit would refuse the rest).
        tls.set_buffer_limit(None);
        let mut s = TlsStream { tcp, tls };
        let deadline = Instant::now() + timeout;
        while s.tls.is_handshaking() {
            if Instant::now() > deadline {
                return Err(handshake_timeout());
            }
            if s.tls.wants_write() {
                match s.tls.write_tls(&mut NoSigPipe(SockRef::from(&s.tcp))) {
                    Ok(_) => {}
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(handshake_io(e)),
                }
                continue;
            }
            match s.tls.read_tls(&mut &s.tcp) {
                Ok(0) => {
                    return Err(WireError::TlsHandshake(
                        "the server closed the connection during the TLS handshake (does it speak TLS? did it refuse our certificate?)".into(),
                    ))
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(handshake_io(e)),
            }
            if let Err(e) = s.tls.process_new_packets() {
                // Tell the server why (an alert), best effort.
                let _ = s.tls.write_tls(&mut NoSigPipe(SockRef::from(&s.tcp)));
                return Err(WireError::TlsHandshake(describe(&e)));
            }
        }
        // The client's last flight stays buffered: it leaves with the first batch.
        Ok(s)
    }

    /// Encrypts `bytes` (one record per 16 KiB) and sends them with what
    /// the session still had to send; `sent_any` tells whether any byte
    /// left the process (for [`WireError::Unsent`]).
    pub fn write_all(&mut self, bytes: &[u8], ends: &[usize], sent_any: &mut bool) -> Result<(), WireError> {
        self.encrypt(bytes, ends)?;
        self.flush(sent_any)
    }

    /// Plaintext into records, one run of records per segment between
    /// `ends` (each `write` after the handshake is encrypted at once into
    /// records of its own).
    fn encrypt(&mut self, bytes: &[u8], ends: &[usize]) -> Result<(), WireError> {
        let mut at = 0;
        for &end in ends.iter().chain(std::iter::once(&bytes.len())) {
            if end > at && end <= bytes.len() {
                self.tls.writer().write_all(&bytes[at..end]).map_err(WireError::Io)?;
                at = end;
            }
        }
        Ok(())
    }

    fn flush(&mut self, sent_any: &mut bool) -> Result<(), WireError> {
        while self.tls.wants_write() {
            match self.tls.write_tls(&mut NoSigPipe(SockRef::from(&self.tcp))) {
                Ok(0) if !*sent_any => return Err(WireError::Unsent(io::ErrorKind::WriteZero.into())),
                Ok(0) => return Err(WireError::Closed),
                Ok(_) => *sent_any = true,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if !*sent_any => return Err(WireError::Unsent(e)),
                Err(e) => return Err(WireError::from_io(e)),
            }
        }
        Ok(())
    }

    /// Encrypts `bytes` plus anything pending into one buffer, for a helper
    /// thread to send on a clone of the socket (large batches, see exec.rs).
    pub fn seal(&mut self, bytes: &[u8], ends: &[usize]) -> Result<Vec<u8>, WireError> {
        self.encrypt(bytes, ends)?;
        let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 512 + 64);
        while self.tls.wants_write() {
            self.tls.write_tls(&mut out).map_err(WireError::Io)?;
        }
        Ok(out)
    }

    /// Decrypted bytes into `buf` (at least one), reading records as needed.
    /// `may_write`: whether the session may answer the server now (not
    /// while a helper thread writes on the socket).
    pub fn read_some(&mut self, buf: &mut [u8], may_write: bool) -> Result<usize, WireError> {
        loop {
            match self.tls.reader().read(buf) {
                Ok(0) => return Err(WireError::Closed), // close_notify
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(WireError::from_io(e)),
            }
            match self.tls.read_tls(&mut &self.tcp) {
                Ok(0) => return Err(WireError::Closed),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(WireError::from_io(e)),
            }
            let state = self.tls.process_new_packets().map_err(tls_failure)?;
            if may_write && state.tls_bytes_to_write() > 0 {
                let mut sent = true;
                self.flush(&mut sent)?;
            }
        }
    }

    /// Whether nothing is buffered: no decrypted bytes unread, no alert or
    /// close received.
    pub fn is_idle(&mut self) -> bool {
        match self.tls.process_new_packets() {
            Ok(state) => state.plaintext_bytes_to_read() == 0 && !state.peer_has_closed(),
            Err(_) => false,
        }
    }

    /// Whether this session was resumed from an earlier one (no full handshake).
    pub fn is_resumed(&self) -> bool {
        matches!(self.tls.handshake_kind(), Some(rustls::HandshakeKind::Resumed))
    }

    /// Non-blocking look at the socket under the session.
    pub fn peek_pending(&self) -> io::Result<Option<usize>> {
        sock::peek_pending(&self.tcp)
    }
}

fn handshake_timeout() -> WireError {
    WireError::TlsHandshake("the TLS handshake timed out (does the server speak TLS?)".into())
}

fn handshake_io(e: io::Error) -> WireError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => handshake_timeout(),
        io::ErrorKind::InvalidData => match e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
            Some(r) => WireError::TlsHandshake(describe(r)),
            None => WireError::TlsHandshake(format!("{e}")),
        },
        io::ErrorKind::ConnectionReset | io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof => WireError::TlsHandshake(format!(
            "the connection was reset during the TLS handshake ({e}; does the server speak TLS? did it refuse our certificate?)"
        )),
        _ => WireError::TlsHandshake(format!("{e}")),
    }
}
