//! Wall-clock time in unix seconds, behind a trait so tests control it.

/// Wall-clock time in unix seconds. Injected so tests control time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> u64;
}

/// The machine's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            // A clock set before 1970 is a broken machine; 0 keeps ordering sane and is logged
            // nowhere because every caller would log it on every call.
            .unwrap_or(0)
    }
}
