//! Shared results for named targets: one request per target per TTL, and one in flight at a time.
//!
//! During an outage a crowd asks at once. Each key holds a `tokio::sync::OnceCell`: the first
//! caller runs the check, everyone else arriving meanwhile awaits the same cell (single-flight),
//! and later callers get the stored result until it is older than the TTL. If the caller running
//! the check is cancelled, a waiting caller takes over (that is how `OnceCell::get_or_init` works).

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::OnceCell;
use tokio::time::Instant;

/// One key's slot: empty while the first request runs, then the value and when it was made.
type Slot<V> = Arc<OnceCell<(V, Instant)>>;

#[derive(Debug)]
pub struct Cache<V> {
    ttl: Duration,
    /// Held only to look up or insert a cell, never across an `.await`.
    entries: Mutex<HashMap<String, Slot<V>>>,
}

/// A value and how it was obtained.
#[derive(Debug, Clone)]
pub struct Cached<V> {
    pub value: V,
    /// How old the value is (zero when this call produced it).
    pub age: Duration,
    /// Produced by another caller's request (stored, or in flight when this call arrived).
    pub shared: bool,
}

impl<V: Clone> Cache<V> {
    pub fn new(ttl: Duration) -> Self {
        Cache {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The fresh value for `key`, or the result of `make` (run by at most one caller at a time).
    pub async fn get_or_run<F, Fut>(&self, key: &str, make: F) -> Cached<V>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = V>,
    {
        let cell = {
            // A poisoned lock only means a panic elsewhere; the map itself is consistent.
            let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            let ttl = self.ttl;
            entries.retain(|_, c| c.get().is_none_or(|(_, at)| at.elapsed() < ttl));
            Arc::clone(entries.entry(key.to_string()).or_default())
        };
        let mut ran = false;
        let (value, at) = cell
            .get_or_init(|| {
                ran = true;
                async move { (make().await, Instant::now()) }
            })
            .await
            .clone();
        Cached {
            value,
            age: if ran { Duration::ZERO } else { at.elapsed() },
            shared: !ran,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(start_paused = true)]
    async fn single_flight_and_ttl() {
        let cache = Arc::new(Cache::<u32>::new(Duration::from_secs(30)));
        let runs = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (cache, runs) = (Arc::clone(&cache), Arc::clone(&runs));
            tasks.push(tokio::spawn(async move {
                cache
                    .get_or_run("t", || async {
                        runs.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        7
                    })
                    .await
            }));
        }
        let mut shared = 0;
        for t in tasks {
            let got = t.await.expect("task");
            assert_eq!(got.value, 7);
            shared += usize::from(got.shared);
        }
        assert_eq!(runs.load(Ordering::SeqCst), 1, "one request for the crowd");
        assert_eq!(shared, 19);

        tokio::time::advance(Duration::from_secs(10)).await;
        let later = cache.get_or_run("t", || async { 8 }).await;
        assert_eq!((later.value, later.age), (7, Duration::from_secs(10)));
        tokio::time::advance(Duration::from_secs(21)).await;
        let fresh = cache.get_or_run("t", || async { 9 }).await;
        assert_eq!(
            (fresh.value, fresh.age, fresh.shared),
            (9, Duration::ZERO, false)
        );
    }
}
