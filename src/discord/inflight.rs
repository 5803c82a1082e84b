//! Interactions in flight, counted so shutdown can stop accepting new ones and wait for the
//! rest.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Notify;

/// Counts interactions in flight so shutdown can wait for them.
#[derive(Debug, Default)]
pub struct InFlight {
    pub accepting: AtomicBool,
    count: AtomicUsize,
    idle: Notify,
}

pub struct InFlightGuard<'a>(&'a InFlight);

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    pub fn enter(&self) -> Option<InFlightGuard<'_>> {
        self.count.fetch_add(1, Ordering::AcqRel);
        let guard = InFlightGuard(self);
        self.accepting.load(Ordering::Acquire).then_some(guard)
    }

    /// Waits until no interaction is in flight, or the timeout passes.
    pub async fn drained(&self, timeout: Duration) -> bool {
        let wait = async {
            loop {
                let idle = self.idle.notified();
                if self.count.load(Ordering::Acquire) == 0 {
                    return;
                }
                idle.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.is_ok()
    }
}
