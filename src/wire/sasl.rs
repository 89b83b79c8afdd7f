//! SASL PLAIN authentication of a binary-protocol connection.
//!
//! Why: memcached started with `-S` answers nothing but an auth error
//! until the connection has authenticated, and it authenticates only in
//! the binary protocol. A [`Batch`](super::Batch) can carry
//! [`Credentials`]; a connection that has not yet authenticated with them
//! sends one `SASL_AUTH` (mechanism `PLAIN`, `\0user\0password`) and waits
//! for its answer before writing the batch (once per connection: pooled
//! connections stay authenticated). A server that does not know the
//! command (no SASL) is used unauthenticated, as pecl does. A refusal is a [`WireError::Auth`](super::WireError::Auth),
//! a server failure like a refused connection.

use std::fmt;

use super::binary::{decode_header, op, push_request, status, HeaderError, HEADER_LEN};
use super::reply::{Limits, ProtocolError};

/// Opaque of the authentication frame (batch commands use their index).
pub const AUTH_OPAQUE: u32 = 0xffff_fffe;

/// A user name and password for SASL PLAIN.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Credentials {
    user: Vec<u8>,
    password: Vec<u8>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the password.
        f.debug_struct("Credentials")
            .field("user", &self.user.escape_ascii().to_string())
            .finish_non_exhaustive()
    }
}

impl Credentials {
    pub fn new(user: &[u8], password: &[u8]) -> Credentials {
        Credentials { user: user.to_vec(), password: password.to_vec() }
    }

    pub fn user(&self) -> &[u8] {
        &self.user
    }

    /// The `SASL_AUTH` request frame: key `PLAIN`, value
    /// `\0user\0password` (no authorization identity).
    pub fn auth_frame(&self) -> Vec<u8> {
        let mut value = Vec::with_capacity(self.user.len() + self.password.len() + 2);
        value.push(0);
        value.extend_from_slice(&self.user);
        value.push(0);
        value.extend_from_slice(&self.password);
        let mut frame = Vec::new();
        push_request(&mut frame, op::SASL_AUTH, &[], b"PLAIN", &value, AUTH_OPAQUE, 0);
        frame
    }
}

/// Parse the answer to the auth frame at the front of `buf`:
/// `Some(Ok(()))` authenticated, `Some(Err(message))` refused, `None`
/// incomplete; with the bytes consumed.
pub fn parse_auth_reply(
    buf: &[u8],
    limits: &Limits,
) -> Result<(Option<Result<(), String>>, usize), ProtocolError> {
    let head = &buf[..buf.len().min(HEADER_LEN)];
    let h = match decode_header(buf) {
        Ok(Some(h)) => h,
        Ok(None) => return Ok((None, 0)),
        Err(HeaderError::BadMagic) => {
            return Err(ProtocolError::new("not a binary response to SASL auth", head))
        }
        Err(HeaderError::BadLengths) => {
            return Err(ProtocolError::new("frame lengths inconsistent", head))
        }
    };
    if h.opaque != AUTH_OPAQUE || h.opcode != op::SASL_AUTH {
        return Err(ProtocolError::new("reply does not answer SASL auth", head));
    }
    if h.body_len > limits.max_line {
        return Err(ProtocolError::new("reply body exceeds the size limit", head));
    }
    let len = HEADER_LEN + h.body_len;
    let Some(body) = buf.get(HEADER_LEN..len) else {
        return Ok((None, 0));
    };
    let message = String::from_utf8_lossy(&body[h.extras_len + h.key_len..]).into_owned();
    let outcome = match h.status {
        status::OK => Ok(()),
        status::AUTH_CONTINUE => Err("the server asked for another SASL step (PLAIN has none)".into()),
        // A server without SASL (memcached without -S) does not know the
        // command; like pecl memcache, carry on unauthenticated.
        status::UNKNOWN_COMMAND => Ok(()),
        s if message.is_empty() => Err(format!("status 0x{s:04x}")),
        _ => Err(message),
    };
    Ok((Some(outcome), len))
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn auth_frame_golden_bytes() {
        let f = Credentials::new(b"u", b"pw").auth_frame();
        assert_eq!(
            f,
            [
                0x80, 0x21, 0, 5, 0, 0, 0, 0, 0, 0, 0, 10, 0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 0, 0, 0,
                0, 0, b'P', b'L', b'A', b'I', b'N', 0, b'u', 0, b'p', b'w'
            ]
        );
        assert!(!format!("{:?}", Credentials::new(b"u", b"pw")).contains("pw"));
    }

    fn reply(status: u16, body: &[u8]) -> Vec<u8> {
        let mut r = vec![0x81, 0x21, 0, 0, 0, 0];
        r.extend_from_slice(&status.to_be_bytes());
        r.extend_from_slice(&(body.len() as u32).to_be_bytes());
        r.extend_from_slice(&AUTH_OPAQUE.to_be_bytes());
        r.extend_from_slice(&[0; 8]);
        r.extend_from_slice(body);
        r
    }

    #[test]
    fn auth_replies() {
        let l = Limits::default();
        let ok = reply(0, b"Authenticated");
        for k in 0..ok.len() {
            assert_eq!(parse_auth_reply(&ok[..k], &l).unwrap(), (None, 0));
        }
        assert_eq!(parse_auth_reply(&ok, &l).unwrap(), (Some(Ok(())), ok.len()));
        let bad = reply(0x20, b"Auth failure.");
        assert_eq!(
            parse_auth_reply(&bad, &l).unwrap(),
            (Some(Err("Auth failure.".into())), bad.len())
        );
        assert_eq!(parse_auth_reply(&reply(0x81, b""), &l).unwrap(), (Some(Ok(())), 24));
        let mut other = ok.clone();
        other[15] = 0; // opaque
        assert!(parse_auth_reply(&other, &l).is_err());
        let mut other = ok.clone();
        other[0] = b'E';
        assert!(parse_auth_reply(&other, &l).is_err());
        let mut huge = reply(0, b"");
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(parse_auth_reply(&huge, &l).is_err());
    }
}
