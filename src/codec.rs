//! Values as pecl memcache stores them: client flags and bytes.
//!
//! Flags (low 16 bits reserved by the extension):
//! - `0x0001` serialized with PHP's `serialize()`, `0x0002` zlib-compressed;
//! - type in `0x0f00`: `0x0000` string, `0x0100` bool (`"1"`/`"0"`),
//!   `0x0300` int (decimal), `0x0700` float (PHP's `%.14g`);
//! - `0x8000` a destroyed session's tombstone (ours; pecl ignores the bit);
//! - bits above 16 belong to the application and pass through untouched.
//!
//! Used by both the Memcache API (`api::values`) and the session handler
//! (`session::value`), which is why it sits below both.
//!
//! What this file must not do: I/O, or touch PHP types. Everything here is
//! pure Rust on bytes; turning zvals into [`Plain`] values and calling PHP's
//! serializer is the API's job (`api::values`).

use std::io::{Read, Write};

use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;

pub const FLAG_SERIALIZED: u32 = 0x0001;
pub const FLAG_COMPRESSED: u32 = 0x0002;
pub const TYPE_MASK: u32 = 0x0f00;
pub const TYPE_STRING: u32 = 0x0000;
pub const TYPE_BOOL: u32 = 0x0100;
pub const TYPE_LONG: u32 = 0x0300;
pub const TYPE_DOUBLE: u32 = 0x0700;
/// A destroyed session's tombstone (written by the session handler, read
/// as absent by the session handler and the Memcache API alike): a bit of
/// pecl's low half that its reader ignores (not 0x1, 0x2 nor in 0x0f00).
pub const FLAG_TOMBSTONE: u32 = 0x8000;
/// Flag bits an application may set: the compressed bit and bits >= 16.
pub const USER_ALLOWED: u32 = FLAG_COMPRESSED | 0xffff_0000;

/// pecl's default minimum savings for keeping a compressed value.
pub const DEFAULT_MIN_SAVINGS: f64 = 0.2;

/// A PHP value reduced to what the codec needs.
pub enum Plain<'a> {
    Str(&'a [u8]),
    Long(i64),
    Double(f64),
    Bool(bool),
    /// Output of PHP's serialize() (arrays, objects, null, ...).
    Serialized(Vec<u8>),
}

/// Whether the user flags use bits the extension reserves.
pub fn user_flags_ok(flags: i64) -> bool {
    (flags as u32) & !USER_ALLOWED == 0
}

/// Encodes a value: the bytes to store and the flags to store them with.
/// `threshold` 0 disables automatic compression.
pub fn encode(value: Plain<'_>, user_flags: u32, threshold: u32, min_savings: f64) -> (Vec<u8>, u32) {
    let mut flags = user_flags & !FLAG_COMPRESSED;
    let want_compress = user_flags & FLAG_COMPRESSED != 0;
    let data: Vec<u8> = match value {
        Plain::Long(n) => return (n.to_string().into_bytes(), flags | TYPE_LONG),
        Plain::Double(d) => return (format_double(d).into_bytes(), flags | TYPE_DOUBLE),
        Plain::Bool(b) => return ((if b { "1" } else { "0" }).as_bytes().to_vec(), flags | TYPE_BOOL),
        Plain::Str(s) => s.to_vec(),
        Plain::Serialized(s) => {
            flags |= FLAG_SERIALIZED;
            s
        }
    };
    if want_compress || (threshold > 0 && data.len() >= threshold as usize) {
        if let Some(z) = compress(&data) {
            if (z.len() as f64) < (data.len() as f64) * (1.0 - min_savings) {
                return (z, flags | FLAG_COMPRESSED);
            }
        }
    }
    (data, flags)
}

/// zlib format (what PHP's gzcompress() and pecl's compress() write).
pub fn compress(data: &[u8]) -> Option<Vec<u8>> {
    let mut e = ZlibEncoder::new(Vec::with_capacity(data.len() / 2 + 16), Compression::default());
    e.write_all(data).ok()?;
    e.finish().ok()
}

/// Inflates zlib data, refusing output beyond `limit` bytes.
pub fn uncompress(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len().saturating_mul(3).min(limit));
    let mut d = ZlibDecoder::new(data).take(limit as u64 + 1);
    d.read_to_end(&mut out).ok()?;
    if out.len() > limit {
        return None;
    }
    Some(out)
}

/// A stored value decoded, before unserialize.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    Str(Vec<u8>),
    Long(i64),
    Double(f64),
    Bool(bool),
    /// Must go through PHP's unserialize().
    Serialized(Vec<u8>),
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Uncompress,
}

/// Largest value we inflate (memcached items are at most 1 GiB).
pub const MAX_UNCOMPRESSED: usize = 1 << 30;

pub fn decode(data: Vec<u8>, flags: u32) -> Result<Decoded, DecodeError> {
    let data = if flags & FLAG_COMPRESSED != 0 {
        uncompress(&data, MAX_UNCOMPRESSED).ok_or(DecodeError::Uncompress)?
    } else {
        data
    };
    if flags & FLAG_SERIALIZED != 0 {
        return Ok(Decoded::Serialized(data));
    }
    Ok(match flags & TYPE_MASK {
        TYPE_LONG => Decoded::Long(strtol(&data)),
        TYPE_DOUBLE => Decoded::Double(strtod(&data)),
        TYPE_BOOL => Decoded::Bool(data.as_slice() == b"1"),
        _ => Decoded::Str(data),
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// C `strtol(s, NULL, 10)` on a 64-bit long: optional space and sign, the
/// digits that follow, saturating.
pub fn strtol(s: &[u8]) -> i64 {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let neg = i < s.len() && s[i] == b'-';
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        i += 1;
    }
    let mut n: i128 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        n = (n * 10 + i128::from(s[i] - b'0')).min(i128::from(i64::MAX) + 1);
        i += 1;
    }
    let n = if neg { -n } else { n };
    n.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// C `strtod`: the longest prefix that is a number (also inf/nan), else 0.
pub fn strtod(s: &[u8]) -> f64 {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let rest = &s[i..];
    let (neg, body) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    let lower: Vec<u8> = body.iter().take(8).map(|b| b.to_ascii_lowercase()).collect();
    let special = if lower.starts_with(b"inf") {
        Some(f64::INFINITY)
    } else if lower.starts_with(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return if neg { -v } else { v };
    }
    // digits [. digits] [e [sign] digits]
    let mut j = 0;
    let b = body;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    let int_end = j;
    if j < b.len() && b[j] == b'.' {
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    if j == 0 || (int_end == 0 && j == 1) {
        return 0.0;
    }
    let mant_end = j;
    if j < b.len() && (b[j] == b'e' || b[j] == b'E') {
        let mut k = j + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        let digits_start = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        if k > digits_start {
            j = k;
        }
    }
    let text = std::str::from_utf8(&b[..j.max(mant_end)]).unwrap_or("0");
    let v: f64 = text.parse().unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

/// PHP's `%.14g` (`php_gcvt(value, 14, '.', 'e')`): what pecl stores for floats.
pub fn format_double(v: f64) -> String {
    gcvt(v, 14)
}

fn gcvt(v: f64, precision: usize) -> String {
    if v.is_nan() {
        return "NAN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "INF".into() } else { "-INF".into() };
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    let a = v.abs();
    let (digits, decpt): (String, i32) = if a == 0.0 {
        ("0".into(), 1)
    } else {
        // precision significant digits, correctly rounded, trailing zeros cut.
        let s = format!("{:.*e}", precision - 1, a);
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let mut d: String = mant.chars().filter(|c| *c != '.').collect();
        while d.len() > 1 && d.ends_with('0') {
            d.pop();
        }
        (d, exp + 1)
    };
    let p = precision as i32;
    if if decpt < 0 { decpt < -3 } else { decpt > p } {
        // exponential: d.ddde+X
        let e = decpt - 1;
        let mut chars = digits.chars();
        out.push(chars.next().unwrap_or('0'));
        out.push('.');
        let rest: String = chars.collect();
        if rest.is_empty() {
            out.push('0');
        } else {
            out.push_str(&rest);
        }
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.abs().to_string());
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let d = digits.as_bytes();
        for i in 0..decpt as usize {
            out.push(*d.get(i).unwrap_or(&b'0') as char);
        }
        if d.len() > decpt as usize {
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_like_pecl() {
        for (v, s) in [
            (1.5, "1.5"),
            (0.1, "0.1"),
            (1e100, "1.0e+100"),
            (-0.0, "-0"),
            (1.0 / 3.0, "0.33333333333333"),
            (1e15, "1.0e+15"),
            (123456789012345678.0, "1.2345678901235e+17"),
            (2.0, "2"),
            (1e-7, "1.0e-7"),
            (0.0001, "0.0001"),
            (f64::NAN, "NAN"),
            (f64::INFINITY, "INF"),
            (f64::NEG_INFINITY, "-INF"),
            (-12.25, "-12.25"),
            (100000000000000.0, "1.0e+14"),
            (10000000000000.0, "10000000000000"),
        ] {
            assert_eq!(format_double(v), s, "{v}");
        }
    }

    #[test]
    fn parse_numbers() {
        assert_eq!(strtol(b"42"), 42);
        assert_eq!(strtol(b"abc"), 0);
        assert_eq!(strtol(b" -7x"), -7);
        assert_eq!(strtol(b"99999999999999999999"), i64::MAX);
        assert_eq!(strtod(b"1.0e+100"), 1e100);
        assert!(strtod(b"NAN").is_nan());
        assert_eq!(strtod(b"-INF"), f64::NEG_INFINITY);
        assert_eq!(strtod(b"xyz"), 0.0);
        assert_eq!(strtod(b"2.5abc"), 2.5);
    }

    #[test]
    fn compression_by_threshold_and_savings() {
        let big = vec![b'a'; 30000];
        let (d, f) = encode(Plain::Str(&big), 0, 20000, 0.2);
        assert_eq!(f, FLAG_COMPRESSED);
        assert_eq!(uncompress(&d, 1 << 20).unwrap(), big);
        let (d, f) = encode(Plain::Str(b"x"), 0x10000 | 2, 20000, 0.2);
        assert_eq!((d.as_slice(), f), (&b"x"[..], 0x10000));
        let (_, f) = encode(Plain::Long(5), 2, 1, 0.2);
        assert_eq!(f, TYPE_LONG);
        assert!(user_flags_ok(0x10000 | 2));
        assert!(!user_flags_ok(1));
        assert!(!user_flags_ok(0x100));
    }
}
