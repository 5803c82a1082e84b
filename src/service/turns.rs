//! One turn at a time per user: an event holds its user's turn from loading the session to
//! saving it; events of different users never wait for each other.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// A lock per user id, made when a user's event arrives and dropped when no event of theirs is
/// running or waiting. Events of different users never wait for each other.
#[derive(Debug, Default)]
pub(super) struct UserTurns {
    pub(super) locks: std::sync::Mutex<HashMap<String, Arc<Mutex<()>>>>,
}

/// A user's turn; ends (and forgets the user's lock if nobody else waits for it) when dropped.
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
            Arc::clone(locks.entry(user.to_string()).or_default())
        };
        Turn {
            guard: Some(lock.lock_owned().await),
            turns: Arc::clone(self),
            user: user.to_string(),
        }
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
        // The map's own reference is the only one left: no event of this user runs or waits
        // (waiters hold a clone, taken under this same map lock).
        if locks
            .get(&self.user)
            .is_some_and(|lock| Arc::strong_count(lock) == 1)
        {
            locks.remove(&self.user);
        }
    }
}
