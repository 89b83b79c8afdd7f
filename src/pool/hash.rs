//! Key hash functions of pecl memcache (`memcache.hash_function`).
//!
//! Which server holds a key is decided by a 32-bit hash of the key (and, for the consistent
//! strategy, of each server's point names). A pool running this extension must pick the same
//! servers as pecl memcache running beside it during a rolling upgrade, so these are pecl's
//! functions bit for bit, checked against values captured from the real `memcache.so`
//! (see the tests and `tests/vectors/gen_ring_vectors.php`):
//!
//! - `crc32`: the standard IEEE CRC-32 (reflected, polynomial 0xEDB88320, init and final XOR
//!   0xFFFFFFFF): the value PHP's `crc32()` returns.
//! - `fnv`: FNV-1a 32-bit (offset basis 0x811c9dc5, prime 0x01000193) where every byte is
//!   sign-extended before the XOR, as pecl's C code does with a signed `char` on x86-64: a byte
//!   0x80..=0xff is XORed in as 0xffffff80..=0xffffffff. This only changes non-ASCII keys.
//!
//! pecl hashes the *prepared* key (bytes <= 0x20 already replaced by `_`, prefix applied); that
//! preparation belongs to the caller, this module hashes exactly the bytes it is given.

/// A `memcache.hash_function` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum HashFunction {
    /// `crc32` (pecl's default).
    #[default]
    Crc32,
    /// `fnv`: FNV-1a with sign-extended bytes.
    Fnv,
}

/// CRC-32 (IEEE, reflected) lookup table, built at compile time.
const CRC32_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

const FNV_OFFSET_BASIS: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

impl HashFunction {
    /// Hash `key` exactly as pecl memcache does.
    pub fn hash(self, key: &[u8]) -> u32 {
        self.finish(self.combine(self.init(), key))
    }

    /// Hash the concatenation of `parts` without building it (same value as `hash(concat)`).
    pub fn hash_parts(self, parts: &[&[u8]]) -> u32 {
        let state = parts
            .iter()
            .fold(self.init(), |state, part| self.combine(state, part));
        self.finish(state)
    }

    /// pecl's `init`: the running state before any byte.
    fn init(self) -> u32 {
        match self {
            HashFunction::Crc32 => !0,
            HashFunction::Fnv => FNV_OFFSET_BASIS,
        }
    }

    /// pecl's `combine`: feed bytes into a running state.
    fn combine(self, mut state: u32, bytes: &[u8]) -> u32 {
        match self {
            HashFunction::Crc32 => {
                for &b in bytes {
                    state = (state >> 8) ^ CRC32_TABLE[((state ^ u32::from(b)) & 0xff) as usize];
                }
            }
            HashFunction::Fnv => {
                for &b in bytes {
                    // `(unsigned int)(signed char)b`: sign extension, as pecl on x86-64.
                    state ^= b as i8 as i32 as u32;
                    state = state.wrapping_mul(FNV_PRIME);
                }
            }
        }
        state
    }

    /// pecl's `finish`.
    fn finish(self, state: u32) -> u32 {
        match self {
            HashFunction::Crc32 => !state,
            HashFunction::Fnv => state,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::HashFunction::{Crc32, Fnv};

    /// (key, crc32, fnv) captured from pecl memcache 4.0.5.2 (Debian 12 php8.2-memcache, x86-64)
    /// under gdb: the hash register right after the key hash in mmc_consistent_find_server,
    /// for MemcachePool::findServer(key). Recipe in tests/vectors/gen_ring_vectors.php.
    /// (findServer replaces bytes <= 0x20 with '_', hence no spaces in these keys.)
    const PECL: &[(&[u8], u32, u32)] = &[
        (b"a", 3904355907, 3826002220),
        (b"key", 2324736937, 1746258028),
        (b"key0", 1532712134, 910846164),
        (b"hello_world!", 429154991, 3408452011),
        (
            b"The_quick_brown_fox_jumps_over_the_lazy_dog",
            693231453,
            3839330228,
        ),
        (b"123456789", 3421780262, 3146166556),
        (b"\x7f", 314082080, 4195109838),
        (b"\x80", 1069182125, 83079839),
        (b"\xff", 4278190080, 4193493326),
        (b"\xc3\xa9t\xc3\xa9", 1154575572, 200187927),
        ("日本語".as_bytes(), 2819314405, 308035559),
        (b"\x80\x81\xfe\xff!", 1110844711, 3401489912),
        ("ключ".as_bytes(), 212833818, 2950043617),
        (b"session:abc123", 2045235783, 531177591),
        (b"127.0.0.1:11211-0", 2206506960, 3047534227),
        (&[b'x'; 250], 2305333394, 2640193613),
    ];

    #[test]
    fn matches_pecl() {
        for &(key, crc, fnv) in PECL {
            assert_eq!(Crc32.hash(key), crc, "crc32 of {key:x?}");
            assert_eq!(Fnv.hash(key), fnv, "fnv of {key:x?}");
        }
    }

    #[test]
    fn empty_key() {
        // pecl: finish(init()).
        assert_eq!(Crc32.hash(b""), 0);
        assert_eq!(Fnv.hash(b""), 0x811c_9dc5);
    }

    #[test]
    fn crc32_is_php_crc32() {
        // php -r 'echo crc32("The quick brown fox jumps over the lazy dog");'
        assert_eq!(
            Crc32.hash(b"The quick brown fox jumps over the lazy dog"),
            0x414f_a339
        );
        assert_eq!(Crc32.hash(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn fnv_sign_extends_high_bytes() {
        // Plain FNV-1a of 0x80 would be (0x811c9dc5 ^ 0x80) * prime.
        let plain = (0x811c_9dc5u32 ^ 0x80).wrapping_mul(0x0100_0193);
        assert_ne!(Fnv.hash(b"\x80"), plain);
        // ASCII is unaffected.
        let a = (0x811c_9dc5u32 ^ u32::from(b'a')).wrapping_mul(0x0100_0193);
        assert_eq!(Fnv.hash(b"a"), a);
    }

    #[test]
    fn hash_parts_is_hash_of_concatenation() {
        for f in [Crc32, Fnv] {
            assert_eq!(
                f.hash_parts(&[b"127.0.0.1:11211-", b"42"]),
                f.hash(b"127.0.0.1:11211-42")
            );
            assert_eq!(f.hash_parts(&[]), f.hash(b""));
        }
    }
}
