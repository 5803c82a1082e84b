//! One turn at a time per user: an event holds its user's turn from loading the session to
//! saving it; events of different users never wait for each other.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// A user's lock and how many events of theirs hold or wait for it.
#[derive(Debug, Default)]
pub(super) struct UserLock {
    lock: Arc<Mutex<()>>,
    events: usize,
}

/// A lock per user id, made when a user's event arrives and dropped when no event of theirs is
/// running or waiting, even one cancelled while it waited. Events of different users never wait
/// for each other.
#[derive(Debug, Default)]
pub(super) struct UserTurns {
    pub(super) locks: std::sync::Mutex<HashMap<String, UserLock>>,
}

/// A user's turn, or the wait for it; ends (and forgets the user's lock if no other event of
/// theirs holds or waits for it) when dropped, including when the waiting task is cancelled.
pub(super) struct Turn {
    guard: Option<OwnedMutexGuard<()>>,
    turns: Arc<UserTurns>,
    user: String,
}

impl UserTurns {
    /// Waits until no other event of `user` is being handled.
    pub(super) async fn take(self: &Arc<Self>, user: &str) -> Turn {
        let lock = {
            // The map only holds locks: a panic elsewhere while it was held leaves nothing
            // half-done, so a poisoned map is used as it is.
            let mut locks = self.locks.lock().unwrap_or_else(PoisonError::into_inner);
            let entry = locks.entry(user.to_string()).or_default();
            entry.events += 1;
            Arc::clone(&entry.lock)
        };
        // Counted from here: if this task is cancelled while it waits, dropping `turn` uncounts.
        let mut turn = Turn {
            guard: None,
            turns: Arc::clone(self),
            user: user.to_string(),
        };
        turn.guard = Some(lock.lock_owned().await);
        turn
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut locks = self
            .turns
            .locks
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(entry) = locks.get_mut(&self.user) {
            entry.events = entry.events.saturating_sub(1);
            if entry.events == 0 {
                locks.remove(&self.user);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn is_empty(turns: &UserTurns) -> bool {
        turns.locks.lock().expect("locks").is_empty()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_task_cancelled_while_it_waits_leaves_no_lock_behind() {
        for release_first in [false, true] {
            let turns = Arc::new(UserTurns::default());
            let held = turns.take("ann").await;
            let waiter = tokio::spawn({
                let turns = Arc::clone(&turns);
                async move {
                    let _turn = turns.take("ann").await;
                    std::future::pending::<()>().await;
                }
            });
            // The waiter is counted once it asked for the turn.
            while turns.locks.lock().expect("locks")["ann"].events < 2 {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            if release_first {
                drop(held);
                waiter.abort();
            } else {
                waiter.abort();
                drop(held);
            }
            let _ = waiter.await;
            assert!(is_empty(&turns), "release first: {release_first}");
        }
    }

    #[tokio::test]
    async fn turns_of_one_user_follow_each_other_and_are_forgotten_after() {
        let turns = Arc::new(UserTurns::default());
        let first = turns.take("ann").await;
        let other_user = turns.take("bob").await;
        drop(other_user);
        let second = tokio::spawn({
            let turns = Arc::clone(&turns);
            async move { drop(turns.take("ann").await) }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(
            !second.is_finished(),
            "ann's second event waits for her first"
        );
        drop(first);
        second.await.expect("the second event runs");
        assert!(is_empty(&turns));
    }
}
