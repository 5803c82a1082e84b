//! The per-user cooldown of `/check`, on tokio's clock so tests can pause and advance time.
//! (The escalation cooldown is the service's: every way of asking for a person passes there.)

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// Entries kept before old ones are swept (a busy server's hour of users).
const SWEEP_AT: usize = 10_000;

#[derive(Debug, Default)]
pub struct Cooldowns {
    // No await happens while this lock is held.
    last: Mutex<HashMap<String, Instant>>,
}

impl Cooldowns {
    /// None if allowed now (and records the use); otherwise how long to wait.
    pub fn try_use(&self, user: &str, every: Duration) -> Option<Duration> {
        // Only timestamps are kept under the lock: a panic elsewhere leaves nothing half-done.
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if let Some(at) = last.get(user) {
            let since = now.duration_since(*at);
            if since < every {
                return Some(every - since);
            }
        }
        last.insert(user.to_string(), now);
        if last.len() > SWEEP_AT {
            last.retain(|_, at| now.duration_since(*at) < Duration::from_secs(3600));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_second_check_waits_out_the_cooldown_per_user() {
        let c = Cooldowns::default();
        let every = Duration::from_secs(30);
        assert_eq!(c.try_use("ann", every), None);
        tokio::time::advance(Duration::from_secs(10)).await;
        assert_eq!(c.try_use("ann", every), Some(Duration::from_secs(20)));
        assert_eq!(c.try_use("bob", every), None, "per user");
        tokio::time::advance(Duration::from_secs(20)).await;
        assert_eq!(c.try_use("ann", every), None, "waited out");
    }

    #[tokio::test(start_paused = true)]
    async fn old_entries_are_swept_once_there_are_many() {
        let c = Cooldowns::default();
        for i in 0..SWEEP_AT {
            c.try_use(&i.to_string(), Duration::from_secs(1));
        }
        tokio::time::advance(Duration::from_secs(3601)).await;
        c.try_use("late", Duration::from_secs(1));
        assert_eq!(c.last.lock().unwrap().len(), 1);
    }
}
