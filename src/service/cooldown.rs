//! The escalation cooldown: how soon one user may hand a conversation over again, kept where
//! every way of asking (a slash command, a typed "human please", a modal) passes.

use std::collections::HashMap;
use std::sync::Mutex;

/// Users remembered before the ones whose cooldown is over are swept.
const SWEEP_AT: usize = 10_000;

/// When each user last handed a conversation over, and how long they wait before the next.
#[derive(Debug, Default)]
pub(super) struct EscalationCooldown {
    /// Seconds between two hand-overs of one user; 0 lets every one through.
    pub(super) every: u64,
    // No await happens while this lock is held.
    last: Mutex<HashMap<String, u64>>,
}

impl EscalationCooldown {
    pub(super) fn new(every: u64) -> Self {
        EscalationCooldown {
            every,
            last: Mutex::default(),
        }
    }

    /// How many seconds `user` still waits at `now`, or None when they may hand over now.
    pub(super) fn wait(&self, user: &str, now: u64) -> Option<u64> {
        let last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let at = *last.get(user)?;
        let since = now.saturating_sub(at);
        (since < self.every).then(|| self.every - since)
    }

    /// Records a hand-over of `user` at `now`.
    pub(super) fn record(&self, user: &str, now: u64) {
        if self.every == 0 {
            return;
        }
        // Only timestamps are kept under the lock: a panic elsewhere leaves nothing half-done.
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        last.insert(user.to_string(), now);
        if last.len() > SWEEP_AT {
            let every = self.every;
            last.retain(|_, at| now.saturating_sub(*at) < every);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_hand_over_waits_out_the_cooldown_per_user() {
        let c = EscalationCooldown::new(60);
        assert_eq!(c.wait("ann", 1_000), None, "never handed over");
        c.record("ann", 1_000);
        assert_eq!(c.wait("ann", 1_010), Some(50));
        assert_eq!(c.wait("bob", 1_010), None, "per user");
        assert_eq!(c.wait("ann", 1_060), None, "waited out");
        // A clock set back does not make the wait longer than the cooldown.
        assert_eq!(c.wait("ann", 900), Some(60));
    }

    #[test]
    fn no_cooldown_lets_every_hand_over_through_and_remembers_nobody() {
        let c = EscalationCooldown::new(0);
        c.record("ann", 1_000);
        assert_eq!(c.wait("ann", 1_000), None);
        assert!(c.last.lock().unwrap().is_empty());
    }

    #[test]
    fn users_whose_wait_is_over_are_swept_once_there_are_many() {
        let c = EscalationCooldown::new(60);
        for i in 0..SWEEP_AT {
            c.record(&i.to_string(), 1_000);
        }
        c.record("late", 2_000);
        assert_eq!(c.last.lock().unwrap().len(), 1);
        assert_eq!(c.wait("late", 2_001), Some(59));
    }
}
