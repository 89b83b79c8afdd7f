//! Which PHP builds this extension supports, decided once at module startup.
//!
//! Why a check of our own: PHP itself refuses a `.so` built for another
//! Zend module API (minor version), thread-safety or debug mode, with its own
//! message. What it cannot know is which PHP versions our hand-written view of
//! engine structures (the session module table in `ffi::session_module`, the
//! post-deactivate hook's assumptions) has been verified against. A build for
//! a PHP outside that range would load and may crash; instead, MINIT fails
//! with a warning that names the PHP and the supported range, and PHP says
//! "Unable to start memcache module". docs/COMPATIBILITY.md lists the builds.

/// Oldest supported PHP (PHP_VERSION_ID): 8.2. ext-php-rs builds for 8.1,
/// but 8.1 is out of security support and nothing here was tested on it.
pub const MIN_PHP: u32 = 80200;
/// First unsupported PHP: 8.7 (8.6 is the newest whose headers were checked).
pub const END_PHP: u32 = 80700;

/// The PHP this module was compiled against, as `php-config --vernum`
/// (build.rs). The Zend module API check makes it the PHP it runs in.
pub fn built_for() -> u32 {
    env!("PHP_MEMCACHE_PHP_VERNUM").parse().unwrap_or(0)
}

/// `Err(startup warning)` when PHP `vernum` (e.g. 80236) is not supported.
pub fn check(vernum: u32) -> Result<(), String> {
    if (MIN_PHP..END_PHP).contains(&vernum) {
        return Ok(());
    }
    Err(format!(
        "memcache: php-memcache {} supports PHP {} to {}.{}.x; this is PHP {}, which it has not been \
         verified against: the module is not started (see docs/COMPATIBILITY.md)",
        crate::VERSION,
        dotted(MIN_PHP),
        (END_PHP - 100) / 10000,
        (END_PHP - 100) / 100 % 100,
        if vernum == 0 { "of unknown version".to_string() } else { dotted(vernum) },
    ))
}

fn dotted(v: u32) -> String {
    format!("{}.{}.{}", v / 10000, v / 100 % 100, v % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_range_is_8_2_to_8_6() {
        for ok in [80200, 80236, 80300, 80427, 80507, 80600, 80699] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
        for no in [0, 80127, 80199, 80700, 90000] {
            assert!(check(no).is_err(), "{no}");
        }
        let msg = check(80127).unwrap_err();
        assert!(msg.contains("supports PHP 8.2.0 to 8.6.x; this is PHP 8.1.27"), "{msg}");
        assert!(check(0).unwrap_err().contains("PHP of unknown version"));
    }

    #[test]
    fn this_build_is_supported() {
        assert_eq!(check(built_for()), Ok(()), "built for {}", built_for());
    }
}
