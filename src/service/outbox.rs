//! The deliverer: sends queued notifications in order through a `Notifier`, retrying with
//! backoff, and records each delivery so a restart neither repeats nor drops one.

use crate::clock::Clock;
use crate::escalation::notify::Notifier;
use crate::store::{Store, StoreError};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// Retry timing: exponential from `first`, doubling, capped at `max`. Written out rather than
/// taken from a crate: it is one line of arithmetic, the queue is delivered in order by one task
/// (so the jitter retry crates add to spread many clients buys nothing), and Discord's own
/// `retry_after` overrides it when given. Measured (`cargo tree`, 2026-11): the `backoff` crate
/// 0.4 adds one crate, for the two lines of [`Backoff::delay`].
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            first: Duration::from_secs(1),
            max: Duration::from_secs(300),
        }
    }
}

impl Backoff {
    pub fn delay(&self, attempts: u32) -> Duration {
        let factor = 1u32.checked_shl(attempts.min(20)).unwrap_or(u32::MAX);
        self.first.saturating_mul(factor).min(self.max)
    }
}

/// Delivers one item if any is queued. Returns Ok(None) when the outbox is empty,
/// Ok(Some(Ok)) on delivery, Ok(Some(Err(delay))) when it failed and should be retried later.
pub async fn deliver_one(
    store: &Store,
    notifier: &dyn Notifier,
    clock: &dyn Clock,
    backoff: Backoff,
) -> Result<Option<Result<(), Duration>>, StoreError> {
    let Some(item) = store.outbox_head()? else {
        return Ok(None);
    };
    if store.was_delivered(&item.notification.key)? {
        // Delivered before a crash removed it from the outbox: drop, never send twice.
        store.outbox_delivered(&item, clock.now())?;
        return Ok(Some(Ok(())));
    }
    // A sink that panics on an item would panic again on it at every retry and every restart,
    // and the queue stays in order behind its head: that item is set aside, logged, and the
    // rest delivered.
    let delivery = std::panic::AssertUnwindSafe(notifier.deliver(&item.notification));
    let Ok(delivered) = futures_util::FutureExt::catch_unwind(delivery).await else {
        tracing::error!(key = %item.notification.key, sink = notifier.name(), "delivering this notification panicked (a bug): it is set aside, not retried, so the ones after it go out");
        store.outbox_delivered(&item, clock.now())?;
        return Ok(Some(Ok(())));
    };
    match delivered {
        Ok(()) => {
            store.outbox_delivered(&item, clock.now())?;
            tracing::info!(key = %item.notification.key, sink = notifier.name(), "notification delivered");
            Ok(Some(Ok(())))
        }
        Err(e) => {
            store.outbox_failed(&item, &e.message)?;
            let delay = e
                .retry_after
                .unwrap_or_else(|| backoff.delay(item.attempts))
                .min(backoff.max.max(Duration::from_secs(1)));
            let level_error = item.attempts + 1 >= 5;
            if level_error {
                tracing::error!(key = %item.notification.key, attempts = item.attempts + 1, error = %e, ?delay, "notification still not delivered; will retry");
            } else {
                tracing::warn!(key = %item.notification.key, attempts = item.attempts + 1, error = %e, ?delay, "notification delivery failed; will retry");
            }
            Ok(Some(Err(delay)))
        }
    }
}

/// Delivers until the outbox is empty or `deadline` passes (one-shot CLI commands).
/// Returns how many were delivered.
pub async fn drain(
    store: &Store,
    notifier: &dyn Notifier,
    clock: &dyn Clock,
    backoff: Backoff,
    deadline: Duration,
) -> Result<usize, StoreError> {
    let until = tokio::time::Instant::now() + deadline;
    let mut delivered = 0;
    loop {
        match deliver_one(store, notifier, clock, backoff).await? {
            None => return Ok(delivered),
            Some(Ok(())) => delivered += 1,
            Some(Err(delay)) => {
                if tokio::time::Instant::now() + delay > until {
                    return Ok(delivered);
                }
                tokio::time::sleep(delay).await;
            }
        }
    }
}

/// Runs the deliverer until `shutdown` turns true. `wake` is notified when something is queued.
pub async fn run(
    store: Store,
    notifier: Arc<dyn Notifier>,
    clock: Arc<dyn Clock>,
    backoff: Backoff,
    wake: Arc<Notify>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        match deliver_one(&store, notifier.as_ref(), clock.as_ref(), backoff).await {
            Ok(Some(Ok(()))) => continue,
            // A failing head blocks the queue (delivery stays in order); new items don't
            // shorten its backoff.
            Ok(Some(Err(delay))) => {
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = shutdown.changed() => {}
                }
            }
            Ok(None) => {
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                    _ = wake.notified() => {}
                    _ = shutdown.changed() => {}
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "outbox unavailable");
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let b = Backoff {
            first: Duration::from_secs(1),
            max: Duration::from_secs(10),
        };
        assert_eq!(b.delay(0), Duration::from_secs(1));
        assert_eq!(b.delay(1), Duration::from_secs(2));
        assert_eq!(b.delay(3), Duration::from_secs(8));
        assert_eq!(b.delay(4), Duration::from_secs(10));
        assert_eq!(b.delay(100), Duration::from_secs(10));
    }
}
