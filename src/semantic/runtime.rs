//! Encoding queries without blocking the async executor: a dedicated thread takes the queued
//! queries, runs them through the model in one batch, and answers each within its deadline.
//!
//! When the encoder is backed up (a burst of long posts on 2 cores), a query whose deadline
//! passes is answered with `None`: the caller ranks it lexically rather than miss Discord's
//! window, and the miss is counted ([`EncoderStats::deadline_misses`]).

use super::windows::query_windows;
use super::{Embed, EmbedError};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// The vectors of one query: one per window of the text (see [`query_windows`]).
#[derive(Debug, Clone, PartialEq)]
pub struct QueryVectors {
    /// The model that made them; ranking ignores vectors of another model (after a switch).
    pub model: Arc<str>,
    pub vectors: Vec<Vec<f32>>,
}

/// How often the encoder answered in time, fell back, failed, and how much it batched.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct EncoderStats {
    pub queries: u64,
    pub deadline_misses: u64,
    pub errors: u64,
    pub batches: u64,
    pub texts: u64,
}

#[derive(Default)]
struct Counters {
    queries: AtomicU64,
    deadline_misses: AtomicU64,
    errors: AtomicU64,
    batches: AtomicU64,
    texts: AtomicU64,
}

struct Job {
    windows: Vec<String>,
    deadline: Instant,
    reply: oneshot::Sender<Result<Vec<Vec<f32>>, EmbedError>>,
}

struct Shared {
    embed: Arc<dyn Embed>,
    model: Arc<str>,
    /// Held only to push or drain jobs, never while encoding.
    queue: Mutex<VecDeque<Job>>,
    wake: Condvar,
    counters: Counters,
    stop: std::sync::atomic::AtomicBool,
}

/// Most texts encoded in one batch: a burst is taken in slices this large, so the first
/// queries of a burst are not held up by the last.
const MAX_BATCH_TEXTS: usize = 32;

/// A cheap handle on the encoding thread; clones share it. The thread ends when the last
/// handle is dropped.
#[derive(Clone)]
pub struct Encoder {
    shared: Arc<Shared>,
    _worker: Arc<WorkerGuard>,
}

struct WorkerGuard {
    shared: Arc<Shared>,
}

impl Drop for WorkerGuard {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.wake.notify_all();
    }
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("model", &self.shared.model)
            .finish()
    }
}

fn lock(queue: &Mutex<VecDeque<Job>>) -> std::sync::MutexGuard<'_, VecDeque<Job>> {
    // A panic while holding the lock leaves only a queue of plain jobs behind: still usable.
    queue.lock().unwrap_or_else(|p| p.into_inner())
}

impl Encoder {
    /// Starts the encoding thread for `embed`.
    pub fn start(embed: Arc<dyn Embed>) -> Encoder {
        let shared = Arc::new(Shared {
            model: Arc::from(embed.model_name()),
            embed,
            queue: Mutex::new(VecDeque::new()),
            wake: Condvar::new(),
            counters: Counters::default(),
            stop: std::sync::atomic::AtomicBool::new(false),
        });
        let worker = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("supportbot-encoder".into())
            .spawn(move || run(&worker));
        if let Err(e) = spawned {
            // Without the thread every query misses its deadline and is ranked lexically.
            tracing::error!(error = %e, "could not start the encoding thread; semantic matching will time out");
        }
        Encoder {
            _worker: Arc::new(WorkerGuard {
                shared: Arc::clone(&shared),
            }),
            shared,
        }
    }

    pub fn embedder(&self) -> &Arc<dyn Embed> {
        &self.shared.embed
    }

    pub fn stats(&self) -> EncoderStats {
        let c = &self.shared.counters;
        EncoderStats {
            queries: c.queries.load(Ordering::Relaxed),
            deadline_misses: c.deadline_misses.load(Ordering::Relaxed),
            errors: c.errors.load(Ordering::Relaxed),
            batches: c.batches.load(Ordering::Relaxed),
            texts: c.texts.load(Ordering::Relaxed),
        }
    }

    /// Encodes a query within `deadline`, or `None` (empty text, encoder backed up, or an
    /// error, which is logged). Never blocks the executor.
    pub async fn encode(&self, text: &str, deadline: Duration) -> Option<QueryVectors> {
        let windows = query_windows(text);
        if windows.is_empty() {
            return None;
        }
        let c = &self.shared.counters;
        c.queries.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = oneshot::channel();
        lock(&self.shared.queue).push_back(Job {
            windows,
            deadline: crate::clock::deadline_after(deadline),
            reply: tx,
        });
        self.shared.wake.notify_one();
        match tokio::time::timeout(deadline, rx).await {
            Ok(Ok(Ok(vectors))) => Some(QueryVectors {
                model: Arc::clone(&self.shared.model),
                vectors,
            }),
            Ok(Ok(Err(e))) => {
                c.errors.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(error = %e, "encoding a query failed; ranked lexically");
                None
            }
            // Timed out, or the worker dropped the job because its deadline had passed.
            Ok(Err(_)) | Err(_) => {
                c.deadline_misses.fetch_add(1, Ordering::Relaxed);
                tracing::info!(
                    deadline_ms = deadline.as_millis() as u64,
                    "the encoder is backed up; a query was ranked lexically"
                );
                None
            }
        }
    }

    /// Encodes a query on the calling thread (one-shot CLI commands, which have no executor
    /// to protect).
    pub fn encode_blocking(&self, text: &str) -> Option<QueryVectors> {
        let windows = query_windows(text);
        if windows.is_empty() {
            return None;
        }
        let refs: Vec<&str> = windows.iter().map(String::as_str).collect();
        match self.shared.embed.embed(&refs) {
            Ok(vectors) => Some(QueryVectors {
                model: Arc::clone(&self.shared.model),
                vectors,
            }),
            Err(e) => {
                tracing::warn!(error = %e, "encoding a query failed; ranked lexically");
                None
            }
        }
    }
}

/// The encoding thread: takes every waiting job (up to [`MAX_BATCH_TEXTS`] texts), drops the
/// ones nobody waits for any more, encodes the rest in one call and answers each.
#[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
fn run(shared: &Shared) {
    loop {
        let jobs: Vec<Job> = {
            let mut queue = lock(&shared.queue);
            while queue.is_empty() {
                if shared.stop.load(Ordering::SeqCst) {
                    return;
                }
                queue = shared
                    .wake
                    .wait_timeout(queue, Duration::from_millis(500))
                    .unwrap_or_else(|p| p.into_inner())
                    .0;
            }
            let mut taken = Vec::new();
            let mut texts = 0;
            while let Some(job) = queue.front() {
                if !taken.is_empty() && texts + job.windows.len() > MAX_BATCH_TEXTS {
                    break;
                }
                texts += job.windows.len();
                // The front was just seen, so it is there to pop.
                taken.push(queue.pop_front().expect("front exists"));
            }
            taken
        };
        let now = Instant::now();
        let live: Vec<Job> = jobs
            .into_iter()
            .filter(|j| j.deadline > now && !j.reply.is_closed())
            .collect();
        if live.is_empty() {
            continue;
        }
        let texts: Vec<&str> = live
            .iter()
            .flat_map(|j| j.windows.iter().map(String::as_str))
            .collect();
        let c = &shared.counters;
        c.batches.fetch_add(1, Ordering::Relaxed);
        c.texts.fetch_add(texts.len() as u64, Ordering::Relaxed);
        // A panic inside the model (candle, tokenizers) must not end the thread: every later
        // query would wait out its deadline. It fails this batch only.
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| shared.embed.embed(&texts)))
                .unwrap_or_else(|_| Err(EmbedError::Encode("the model panicked".into())))
                .and_then(|vectors| {
                    if vectors.len() == texts.len() {
                        Ok(vectors)
                    } else {
                        Err(EmbedError::Encode(format!(
                            "the model gave {} vectors for {} texts",
                            vectors.len(),
                            texts.len()
                        )))
                    }
                });
        match result {
            Ok(mut vectors) => {
                for job in live.into_iter().rev() {
                    let mine = vectors.split_off(vectors.len() - job.windows.len());
                    let _ = job.reply.send(Ok(mine));
                }
            }
            Err(e) => {
                for job in live {
                    let _ = job.reply.send(Err(e.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// A stand-in model: the vector of a text is its length and word count; it can be made slow.
    struct Counting {
        calls: AtomicUsize,
        delay: Duration,
    }

    impl Embed for Counting {
        fn model_name(&self) -> &str {
            "counting"
        }
        fn dim(&self) -> usize {
            2
        }
        fn max_tokens(&self) -> usize {
            128
        }
        fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            std::thread::sleep(self.delay);
            Ok(texts
                .iter()
                .map(|t| vec![t.len() as f32, t.split_whitespace().count() as f32])
                .collect())
        }
    }

    fn encoder(delay_ms: u64) -> (Encoder, Arc<Counting>) {
        let model = Arc::new(Counting {
            calls: AtomicUsize::new(0),
            delay: Duration::from_millis(delay_ms),
        });
        (Encoder::start(model.clone()), model)
    }

    #[tokio::test]
    async fn each_query_gets_its_own_vectors() {
        let (enc, _) = encoder(0);
        let v = enc
            .encode("bad gateway", Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(v.vectors, vec![vec![11.0, 2.0]]);
        assert_eq!(&*v.model, "counting");
        assert!(enc.encode("   ", Duration::from_secs(5)).await.is_none());
    }

    /// `SEMANTIC_DEADLINE_MS` at its largest ("wait forever") overflowed the clock and panicked.
    #[tokio::test]
    async fn the_largest_deadline_waits_for_the_vectors() {
        let (enc, _) = encoder(0);
        let v = enc.encode("bad gateway", Duration::MAX).await.unwrap();
        assert_eq!(v.vectors, vec![vec![11.0, 2.0]]);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn queries_waiting_together_are_encoded_in_few_batches() {
        let (enc, model) = encoder(50);
        let tasks: Vec<_> = (0..20)
            .map(|i| {
                let enc = enc.clone();
                tokio::spawn(async move {
                    let text = "x".repeat(i + 1);
                    let v = enc.encode(&text, Duration::from_secs(10)).await.unwrap();
                    assert_eq!(
                        v.vectors,
                        vec![vec![(i + 1) as f32, 1.0]],
                        "answers not mixed up"
                    );
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        let calls = model.calls.load(Ordering::SeqCst);
        assert!(calls < 20, "20 queries in {calls} model calls");
        assert_eq!(enc.stats().queries, 20);
        assert_eq!(enc.stats().deadline_misses, 0);
    }

    #[tokio::test]
    async fn a_backed_up_encoder_answers_none_in_time_and_counts_it() {
        let (enc, _) = encoder(400);
        let slow = {
            let enc = enc.clone();
            tokio::spawn(async move { enc.encode("first", Duration::from_secs(5)).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let late = enc.encode("second", Duration::from_millis(100)).await;
        assert!(late.is_none());
        assert!(
            started.elapsed() < Duration::from_millis(350),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(enc.stats().deadline_misses, 1);
        assert!(slow.await.unwrap().is_some());
    }
}
