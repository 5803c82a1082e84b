//! Per-user rate limit on checks: a token bucket per user id, on tokio's clock.
//!
//! Hand-rolled rather than `governor`: buckets follow `tokio::time::Instant`, so tests pause
//! time instead of sleeping (governor keeps its own `quanta` clock), and it needs no extra crates
//! for what is ten lines of arithmetic. Measured (`cargo tree`, 2026-11): governor 0.10 would add
//! seven crates this build does not have (governor, dashmap, quanta, spinning_top, nonzero_ext,
//! futures-timer, web-time).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::Instant;

/// At most `per_minute` checks per user per minute, refilled continuously.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    /// Held only for arithmetic, never across an `.await`.
    buckets: Mutex<HashMap<String, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute: per_minute.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Takes `cost` tokens for `user`, or says how long until there are enough.
    pub fn try_acquire(&self, user: &str, cost: u32) -> Result<(), Duration> {
        let now = Instant::now();
        let capacity = f64::from(self.per_minute);
        let per_sec = capacity / 60.0;
        let cost = f64::from(cost);
        // A poisoned lock only means another thread panicked mid-update; the map is still usable.
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > 10_000 {
            // Forget users whose buckets are full again: they behave exactly like new users.
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.at).as_secs_f64() * per_sec < capacity
            });
        }
        let bucket = buckets.entry(user.to_string()).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        let tokens =
            (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * per_sec).min(capacity);
        if tokens + 1e-9 >= cost {
            *bucket = Bucket {
                tokens: tokens - cost,
                at: now,
            };
            Ok(())
        } else {
            *bucket = Bucket { tokens, at: now };
            Err(
                Duration::from_secs_f64(((cost - tokens) / per_sec).max(0.0))
                    .max(Duration::from_secs(1)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn five_per_minute_then_refills() {
        let limiter = RateLimiter::new(5);
        for _ in 0..5 {
            assert!(limiter.try_acquire("ann", 1).is_ok());
        }
        let wait = limiter.try_acquire("ann", 1).expect_err("limited");
        assert!(
            wait <= Duration::from_secs(12) && wait >= Duration::from_secs(11),
            "{wait:?}"
        );
        assert!(limiter.try_acquire("bob", 1).is_ok(), "per user");
        tokio::time::advance(Duration::from_secs(12)).await;
        assert!(limiter.try_acquire("ann", 1).is_ok());
        assert!(limiter.try_acquire("ann", 1).is_err());
        tokio::time::advance(Duration::from_secs(60)).await;
        assert!(limiter.try_acquire("ann", 5).is_ok(), "refills to capacity");
        assert!(limiter.try_acquire("ann", 6).is_err());
    }
}
