//! The value codecs (Memcache API values, session values) are total on what
//! a server can send: any bytes with any flags decode or fail, never panic;
//! and what we encode decodes to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use php_memcache::codec::{decode, encode, Decoded, Plain, DEFAULT_MIN_SAVINGS, USER_ALLOWED};
use php_memcache::session::value;

fuzz_target!(|input: &[u8]| {
    if input.len() < 5 {
        return;
    }
    let flags = u32::from_le_bytes([input[0], input[1], input[2], input[3]]);
    let sel = input[4];
    let data = &input[5..];

    // Whatever a server sends.
    let _ = decode(data.to_vec(), flags);
    let _ = value::decode(data.to_vec(), flags);

    // Round trips of what we send.
    let user = flags & USER_ALLOWED;
    let threshold = if sel & 1 == 0 { 0 } else { u32::from(sel >> 1) };
    let (bytes, f) = encode(Plain::Str(data), user, threshold, DEFAULT_MIN_SAVINGS);
    assert_eq!(decode(bytes, f), Ok(Decoded::Str(data.to_vec())));
    let (bytes, f) = encode(Plain::Serialized(data.to_vec()), user, threshold, DEFAULT_MIN_SAVINGS);
    assert_eq!(decode(bytes, f), Ok(Decoded::Serialized(data.to_vec())));
    if data.len() >= 8 {
        let n = i64::from_le_bytes(data[..8].try_into().unwrap());
        let (bytes, f) = encode(Plain::Long(n), user, threshold, DEFAULT_MIN_SAVINGS);
        assert_eq!(decode(bytes, f), Ok(Decoded::Long(n)));
        let d = f64::from_le_bytes(data[..8].try_into().unwrap());
        let (bytes, f) = encode(Plain::Double(d), user, threshold, DEFAULT_MIN_SAVINGS);
        let _ = decode(bytes, f); // %.14g is lossy: only totality is checked
    }
    let (bytes, f) = encode(Plain::Bool(sel & 2 != 0), user, threshold, DEFAULT_MIN_SAVINGS);
    assert_eq!(decode(bytes, f), Ok(Decoded::Bool(sel & 2 != 0)));
    let (bytes, f) = value::encode(data, threshold);
    assert_eq!(value::decode(bytes.into_owned(), f).as_deref(), Ok(data));
});
