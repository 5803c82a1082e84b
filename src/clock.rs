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

/// The longest wait taken from a setting: a "wait forever" written as the largest number
/// (`DATA_LOCK_WAIT_SECONDS=18446744073709551615`) waits this long, a century, rather than
/// overflow the clock when its deadline is computed.
pub const LONGEST_WAIT: std::time::Duration = std::time::Duration::from_secs(100 * 365 * 86_400);

/// The moment `wait` from now, a wait longer than [`LONGEST_WAIT`] taken as it.
pub fn deadline_after(wait: std::time::Duration) -> std::time::Instant {
    std::time::Instant::now() + wait.min(LONGEST_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_deadline_after_the_longest_wait_there_is_does_not_overflow() {
        let far = deadline_after(Duration::MAX);
        assert!(far > std::time::Instant::now() + Duration::from_secs(3_000_000_000));
        let near = deadline_after(Duration::from_secs(1));
        assert!(near < far);
    }
}
