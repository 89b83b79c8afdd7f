//! Between zvals and the codec: PHP values in, [`Plain`] out (PHP's own
//! serializer for arrays/objects/null), decoded bytes in, zvals out (PHP's
//! own unserializer, which may run `__wakeup` and re-enter the extension;
//! no borrow of any object state is held here). Both are called as pecl
//! calls them ([`super::engine::Engine::serialize`]), not through
//! serialize()/unserialize().

use ext_php_rs::types::{ZendHashTable, ZendStr, Zval};
use ext_php_rs::boxed::ZBox;

use super::engine::{engine, VarError};
use crate::codec::{self, Decoded, Plain};

/// A binary-safe PHP string zval.
pub fn bytes_zval(bytes: &[u8]) -> Zval {
    let mut z = Zval::new();
    z.set_zend_string(ZendStr::new(bytes, false));
    z
}

/// The bytes of a string zval; other scalars are converted as PHP would.
pub fn zval_bytes(z: &Zval) -> Vec<u8> {
    let z = z.dereference();
    if let Some(s) = z.zend_str() {
        return s.as_bytes().to_vec();
    }
    if let Some(n) = z.long() {
        return n.to_string().into_bytes();
    }
    z.coerce_to_string().unwrap_or_default().into_bytes()
}

pub fn zval_long(z: Option<&Zval>, default: i64) -> i64 {
    match z.map(|z| z.dereference()) {
        None => default,
        Some(z) if z.is_null() => default,
        Some(z) => z.long().or_else(|| z.coerce_to_long()).unwrap_or(default),
    }
}

pub fn zval_double(z: Option<&Zval>, default: f64) -> f64 {
    match z.map(|z| z.dereference()) {
        None => default,
        Some(z) if z.is_null() => default,
        Some(z) => z.double().or_else(|| z.coerce_to_double()).unwrap_or(default),
    }
}

pub fn zval_bool(z: Option<&Zval>, default: bool) -> bool {
    match z.map(|z| z.dereference()) {
        None => default,
        Some(z) => z.coerce_to_bool(),
    }
}

/// Why a value could not be encoded.
pub enum EncodeError {
    /// The serializer failed or user code (`__sleep`, `__serialize`) threw.
    Serialize,
    /// The engine bailed out in user code.
    Bailout,
}

/// Encodes a PHP value for storing: bytes and flags.
pub fn encode(z: &Zval, user_flags: u32, threshold: u32, min_savings: f64) -> Result<(Vec<u8>, u32), EncodeError> {
    let z = z.dereference();
    let plain = if let Some(s) = z.zend_str() {
        return Ok(codec::encode(Plain::Str(s.as_bytes()), user_flags, threshold, min_savings));
    } else if z.is_long() {
        Plain::Long(z.long().unwrap_or(0))
    } else if z.is_double() {
        Plain::Double(z.double().unwrap_or(0.0))
    } else if z.is_bool() {
        Plain::Bool(z.is_true())
    } else {
        Plain::Serialized(serialize(z)?)
    };
    Ok(codec::encode(plain, user_flags, threshold, min_savings))
}

fn serialize(z: &Zval) -> Result<Vec<u8>, EncodeError> {
    engine().serialize(z).map_err(|e| match e {
        VarError::Failed => EncodeError::Serialize,
        VarError::Bailout => EncodeError::Bailout,
    })
}

/// Why a stored value could not be turned back into a PHP value (pecl's
/// notice texts).
pub enum DecodeError {
    Uncompress,
    Unserialize,
    /// User code (`__wakeup`) threw: the exception says it all.
    Thrown,
    /// The engine bailed out in user code.
    Bailout,
}

impl DecodeError {
    pub fn message(&self) -> &'static str {
        match self {
            DecodeError::Uncompress => "Failed to uncompress data",
            DecodeError::Unserialize => "Failed to unserialize data",
            DecodeError::Thrown | DecodeError::Bailout => "",
        }
    }
}

/// Decodes stored bytes into a PHP value. May run user code (`__wakeup`,
/// `unserialize_callback_func`).
pub fn decode(data: Vec<u8>, flags: u32) -> Result<Zval, DecodeError> {
    let mut z = Zval::new();
    match codec::decode(data, flags).map_err(|_| DecodeError::Uncompress)? {
        Decoded::Str(s) => return Ok(bytes_zval(&s)),
        Decoded::Long(n) => z.set_long(n),
        Decoded::Double(d) => z.set_double(d),
        Decoded::Bool(b) => z.set_bool(b),
        Decoded::Serialized(s) => return unserialize(&s),
    }
    Ok(z)
}

fn unserialize(data: &[u8]) -> Result<Zval, DecodeError> {
    match engine().unserialize(data) {
        Ok(z) => Ok(z),
        Err(VarError::Bailout) => Err(DecodeError::Bailout),
        Err(VarError::Failed) if ext_php_rs::zend::ExecutorGlobals::has_exception() => Err(DecodeError::Thrown),
        Err(VarError::Failed) => Err(DecodeError::Unserialize),
    }
}

/// An array key as PHP would make it from `key` (decimal integers become
/// integer keys, as `$a["12"]` does).
pub fn insert(ht: &mut ZendHashTable, key: &[u8], value: Zval) {
    match canonical_key(key) {
        Ok(n) => {
            let _ = ht.insert_at_index(n, value);
        }
        Err(_) => {
            let k = ZendStr::new(key, false);
            let _ = ht.insert(ext_php_rs::types::ArrayKey::ZendString(&k), value);
        }
    }
}

/// Ok(n) when PHP would use `key` as the integer key n, else the string key.
pub fn canonical_key(key: &[u8]) -> Result<i64, String> {
    let s = String::from_utf8_lossy(key).into_owned();
    match s.parse::<i64>() {
        Ok(n) if n.to_string() == s => Ok(n),
        _ => Err(s),
    }
}

pub fn new_array() -> ZBox<ZendHashTable> {
    ZendHashTable::new()
}

pub fn array_zval(ht: ZBox<ZendHashTable>) -> Zval {
    let mut z = Zval::new();
    z.set_hashtable(ht);
    z
}

/// The entries of a PHP array as (key bytes, value).
pub fn entries(ht: &ZendHashTable) -> Vec<(Vec<u8>, &Zval)> {
    ht.iter()
        .map(|(k, v)| {
            let key = match k {
                ext_php_rs::types::ArrayKey::Long(n) => n.to_string().into_bytes(),
                ext_php_rs::types::ArrayKey::String(s) => s.into_bytes(),
                ext_php_rs::types::ArrayKey::Str(s) => s.as_bytes().to_vec(),
                ext_php_rs::types::ArrayKey::ZendString(s) => s.as_bytes().to_vec(),
            };
            (key, v)
        })
        .collect()
}
