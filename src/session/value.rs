//! Session data as pecl memcache stores it: the encoded session string with
//! client flags 0, or zlib-compressed with flag 0x0002 when it is at least
//! `memcache.compress_threshold` bytes and compression saves at least 20 %.
//! Lock records are stored as pecl stores integers (flags 0x0300).
//!
//! A fleet mixing pecl memcache and this extension must read each other's
//! large sessions, so both directions follow pecl exactly.

use std::borrow::Cow;

use crate::codec::{compress, uncompress, DEFAULT_MIN_SAVINGS, FLAG_COMPRESSED, MAX_UNCOMPRESSED, TYPE_LONG};

/// Client flags of lock records ("1" / "0"), as pecl memcache writes them.
pub const LOCK_FLAGS: u32 = TYPE_LONG;

/// The bytes and flags to store session `data` with.
pub fn encode(data: &[u8], compress_threshold: u32) -> (Cow<'_, [u8]>, u32) {
    if compress_threshold > 0 && data.len() >= compress_threshold as usize {
        if let Some(z) = compress(data) {
            if (z.len() as f64) < (data.len() as f64) * (1.0 - DEFAULT_MIN_SAVINGS) {
                return (Cow::Owned(z), FLAG_COMPRESSED);
            }
        }
    }
    (Cow::Borrowed(data), 0)
}

/// The session string of a stored item; an error when it is marked
/// compressed but does not inflate (never an empty session in its place).
pub fn decode(data: Vec<u8>, flags: u32) -> Result<Vec<u8>, &'static str> {
    if flags & FLAG_COMPRESSED != 0 {
        uncompress(&data, MAX_UNCOMPRESSED).ok_or("it is marked zlib-compressed but does not inflate")
    } else {
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sessions_are_stored_as_is() {
        let (d, f) = encode(b"a|i:1;", 20000);
        assert_eq!((&*d, f), (&b"a|i:1;"[..], 0));
    }

    #[test]
    fn large_compressible_sessions_are_compressed_and_round_trip() {
        let s = b"user|s:5:\"alice\";".repeat(2000);
        let (d, f) = encode(&s, 20000);
        assert_eq!(f, FLAG_COMPRESSED);
        assert!(d.len() < s.len() / 2);
        assert_eq!(decode(d.into_owned(), f).unwrap(), s);
    }

    #[test]
    fn incompressible_or_disabled_stays_plain() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let noise: Vec<u8> = (0..30000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        assert_eq!(encode(&noise, 20000).1, 0);
        assert_eq!(encode(&b"x".repeat(50000), 0).1, 0);
    }

    #[test]
    fn corrupt_compressed_data_is_an_error_not_empty() {
        assert!(decode(b"not zlib".to_vec(), FLAG_COMPRESSED).is_err());
    }
}
