//! The memcached binary-protocol reply parser is total and incremental: for any bytes and
//! any expected reply kind it never panics, and feeding the same bytes in
//! arbitrary chunks to `BinaryParser` gives exactly what the one-shot `parse`
//! gives (same reply, same length consumed, or an error in both).
#![no_main]

use libfuzzer_sys::fuzz_target;
use php_memcache::wire::{parse_binary, BinaryParser, Expect, KeyList, Limits};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (sel, chunk, opaque, buf) = (data[0], data[1], u32::from(data[2] % 4), &data[3..]);
    let keys = KeyList::new(b"k sess1 k2 sess1.lock");
    let expect = match sel % 9 {
        0 => Expect::Store,
        1 => Expect::Arith,
        2 => Expect::Delete,
        3 => Expect::Touch,
        4 => Expect::FlushAll,
        5 => Expect::Version,
        6 => Expect::Stats,
        7 => Expect::Values { cas: false, keys },
        _ => Expect::Values { cas: true, keys },
    };
    // Small limits so the fuzzer reaches the size checks.
    let limits = if sel & 0x80 != 0 {
        Limits { max_item: 64, max_line: 32, max_reply: 256 }
    } else {
        Limits::default()
    };
    let whole = parse_binary(&expect, opaque, buf, &limits);
    if let Ok(Some((_, n))) = &whole {
        assert!(*n <= buf.len());
    }

    // Incremental: feed growing prefixes in steps of `chunk` bytes, dropping
    // what the parser consumed, as Conn does.
    let step = usize::from(chunk % 17) + 1;
    let mut parser = BinaryParser::new();
    let mut consumed = 0usize;
    let mut avail = 0usize;
    let incremental = loop {
        avail = (avail + step).min(buf.len());
        match parser.advance(&expect, opaque, &buf[consumed..avail], &limits) {
            Ok((Some(reply), used)) => {
                assert!(used <= avail - consumed);
                break Ok(Some((reply, consumed + used)));
            }
            Ok((None, used)) => {
                assert!(used <= avail - consumed);
                consumed += used;
                if avail == buf.len() {
                    break Ok(None);
                }
            }
            Err(e) => break Err(e),
        }
    };
    match (&whole, &incremental) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        // A size limit may trip at a different point when bytes arrive in
        // pieces, but only as an error in both or a success in both.
        _ => panic!("one-shot {whole:?} vs incremental {incremental:?}"),
    }
});
