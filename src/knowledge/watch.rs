//! Hot reload: the shared knowledge handle, atomic swaps, and the directory watcher.

use super::load::load_dir;
use super::{Diagnostic, KnowledgeBase};
use crate::semantic::cache::EmbeddingCache;
use crate::semantic::{Encoder, SemanticSetup, SemanticStatus};
use arc_swap::{ArcSwap, ArcSwapOption};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// The knowledge base in service. Readers take a snapshot (`current`) without locking; a reload
/// swaps in a complete new base, or keeps the last good one when the files are broken.
#[derive(Debug)]
pub struct Knowledge {
    dir: PathBuf,
    current: ArcSwap<KnowledgeBase>,
    semantic: SemanticSetup,
    /// What the last load did with semantic matching (it can fail on one load and not the next).
    status: ArcSwap<SemanticStatus>,
    /// One reload at a time: the watcher and `/kb reload` must not embed the same edit twice
    /// (and write the embedding cache at once). Held only by reloads, never by readers.
    reloading: std::sync::Mutex<()>,
    /// Why the files could not be loaded, while no good version has been: the base is then
    /// empty ([`Knowledge::unavailable`]). Cleared by a successful reload.
    problem: ArcSwapOption<String>,
    /// Where a copy of the files is kept each time they load (a serving bot's data directory;
    /// see [`Knowledge::keep_last_good_in`]).
    last_good: std::sync::OnceLock<PathBuf>,
    /// The copy being made, if one is.
    saving: std::sync::Mutex<Option<std::thread::JoinHandle<()>>>,
    /// Started from the last good copy because the files did not load: the first reload that
    /// loads them is a recovery, said even when they are the copy byte for byte.
    started_from_copy: std::sync::atomic::AtomicBool,
}

/// What the embedding cache of a model not yet loaded is keyed by (see
/// [`Knowledge::open_loading`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelIdentity {
    pub name: String,
    pub dim: usize,
    pub cache_dir: PathBuf,
}

/// What a successful reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    pub articles: usize,
    pub revision: String,
    pub changed: bool,
    /// The files are valid again after an edit was rejected (set by the watcher): worth saying
    /// even when the content is back to the version in service.
    pub recovered: bool,
    /// Examples that no longer find their own article first (lexically, as `kb check` tests
    /// them): the edit loads, and `kb check` would fail on these.
    pub examples_astray: Vec<Diagnostic>,
    /// The files had not changed, but embedding their chunks had failed before, so it was
    /// tried again: whether semantic matching is on now is worth saying.
    pub embedded_again: bool,
}

impl Knowledge {
    /// Loads the directory, lexical matching only; fails with every problem found when it is
    /// not valid.
    pub fn open(dir: &Path) -> Result<Arc<Knowledge>, Vec<Diagnostic>> {
        Knowledge::open_with(dir, SemanticSetup::off("no sentence model configured"))
    }

    /// Loads the directory and, when `semantic` has an encoder, embeds the articles' chunks
    /// (from the embedding cache where it can). A failure to embed is not a failure to load:
    /// the base serves lexically and the status says why.
    pub fn open_with(
        dir: &Path,
        semantic: SemanticSetup,
    ) -> Result<Arc<Knowledge>, Vec<Diagnostic>> {
        let (kb, cache) = load_with_cache(dir, &semantic);
        let kb = kb?;
        Ok(Knowledge::serving(dir, kb, semantic, cache))
    }

    /// As [`Knowledge::open_with`], with the model still to load: `load_model` runs on its own
    /// thread while the files and the embedding cache are read on two others, so start-up takes
    /// the longest of the three rather than their sum. `expected` (the model's cache name and
    /// vector length, read from its `config.json`) lets the cache be read before the weights are
    /// in; when the model loaded turns out different (or `expected` is unknown), the cache is
    /// read again for it afterwards.
    pub fn open_loading(
        dir: &Path,
        expected: Option<ModelIdentity>,
        load_model: impl FnOnce() -> SemanticSetup + Send,
    ) -> Result<Arc<Knowledge>, Vec<Diagnostic>> {
        Knowledge::open_loading_from(dir, dir, expected, load_model)
    }

    /// As [`Knowledge::open_loading`], reading the files from `read_from` (the last good copy
    /// of `dir`, when `dir` itself does not load) while `dir` stays the directory reloads and
    /// the watcher read.
    pub fn open_loading_from(
        dir: &Path,
        read_from: &Path,
        expected: Option<ModelIdentity>,
        load_model: impl FnOnce() -> SemanticSetup + Send,
    ) -> Result<Arc<Knowledge>, Vec<Diagnostic>> {
        let (semantic, kb, cache) = std::thread::scope(|s| {
            let model = s.spawn(load_model);
            let cache = s.spawn(|| {
                let ModelIdentity {
                    name,
                    dim,
                    cache_dir,
                } = expected.as_ref()?;
                Some(EmbeddingCache::open(cache_dir, name, *dim))
            });
            let kb = load_dir(read_from);
            let cache = cache.join().unwrap_or(None);
            let semantic = model.join().unwrap_or_else(|_| {
                SemanticSetup::unavailable(SemanticStatus::Unavailable {
                    model: expected
                        .as_ref()
                        .map_or_else(String::new, |e| e.name.clone()),
                    reason: "loading the model stopped unexpectedly (see the log)".into(),
                })
            });
            (semantic, kb, cache)
        });
        let kb = kb?;
        let cache = match (&semantic.encoder, semantic.cache_dir.as_deref(), cache) {
            (Some(encoder), Some(cache_dir), cache) => {
                let embed = encoder.embedder();
                match cache {
                    Some(c) if c.is_for(embed.cache_key(), embed.dim()) => Some(c),
                    _ => Some(EmbeddingCache::open(
                        cache_dir,
                        embed.cache_key(),
                        embed.dim(),
                    )),
                }
            }
            _ => None,
        };
        Ok(Knowledge::serving(dir, kb, semantic, cache))
    }

    /// A loaded base in service, its chunks embedded (from `cache` where it can).
    fn serving(
        dir: &Path,
        mut kb: KnowledgeBase,
        semantic: SemanticSetup,
        cache: Option<EmbeddingCache>,
    ) -> Arc<Knowledge> {
        let status = attach(&semantic, &mut kb, cache);
        Arc::new(Knowledge {
            dir: dir.to_path_buf(),
            current: ArcSwap::from_pointee(kb),
            semantic,
            status: ArcSwap::from_pointee(status),
            reloading: std::sync::Mutex::new(()),
            problem: ArcSwapOption::empty(),
            last_good: std::sync::OnceLock::new(),
            saving: std::sync::Mutex::new(None),
            started_from_copy: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// A base that could not be loaded (`why`, one line): it serves no articles, and an
    /// escalation says why there is no diagnosis. One-shot `escalate` uses it, so a web form's
    /// ticket is never lost to a broken article file.
    pub fn unavailable(dir: &Path, why: String) -> Arc<Knowledge> {
        let semantic = SemanticSetup::off("the knowledge base is unavailable");
        Arc::new(Knowledge {
            dir: dir.to_path_buf(),
            current: ArcSwap::from_pointee(KnowledgeBase::new(Vec::new(), "unavailable".into())),
            status: ArcSwap::from_pointee(semantic.status.clone()),
            semantic,
            reloading: std::sync::Mutex::new(()),
            problem: ArcSwapOption::from_pointee(why),
            last_good: std::sync::OnceLock::new(),
            saving: std::sync::Mutex::new(None),
            started_from_copy: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Why no knowledge base is in service, when none could be loaded.
    pub fn problem(&self) -> Option<String> {
        self.problem.load().as_deref().cloned()
    }

    /// Wraps an already built base (tests, benchmarks).
    pub fn from_base(dir: &Path, kb: KnowledgeBase) -> Arc<Knowledge> {
        let semantic = SemanticSetup::off("no sentence model configured");
        Arc::new(Knowledge {
            dir: dir.to_path_buf(),
            current: ArcSwap::from_pointee(kb),
            status: ArcSwap::from_pointee(semantic.status.clone()),
            semantic,
            reloading: std::sync::Mutex::new(()),
            problem: ArcSwapOption::empty(),
            last_good: std::sync::OnceLock::new(),
            saving: std::sync::Mutex::new(None),
            started_from_copy: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Whether semantic matching is in use for the current base, and if not, why.
    pub fn semantic_status(&self) -> SemanticStatus {
        SemanticStatus::clone(&self.status.load())
    }

    /// One line for admins (`/kb`): how descriptions are matched, and how often the encoder
    /// missed its deadline so a description was ranked lexically.
    pub fn matching_line(&self) -> String {
        let status = self.semantic_status();
        match (&status, &self.semantic.encoder) {
            (SemanticStatus::Ready { .. }, Some(encoder)) => {
                let s = encoder.stats();
                format!(
                    "Matching: {}; of {} descriptions, {} were ranked lexically because the \
                     encoder was busy and {} because encoding failed.",
                    status.line(),
                    s.queries,
                    s.deadline_misses,
                    s.errors
                )
            }
            _ => format!("Matching: {}.", status.line()),
        }
    }

    /// The query encoder, when the current base has chunk vectors to compare with.
    pub fn encoder(&self) -> Option<&Encoder> {
        self.semantic
            .encoder
            .as_ref()
            .filter(|_| self.current().semantic().is_some())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A consistent snapshot; cheap, never blocks, stays valid across reloads.
    pub fn current(&self) -> Arc<KnowledgeBase> {
        self.current.load_full()
    }

    /// From now on, keeps a copy of the files in `snapshot` each time they load (now, and after
    /// each reload that changes them), for [`Knowledge::open_loading_from`] to start from when
    /// a restart meets a broken edit. Copied on a thread of its own; a failure is logged.
    pub fn keep_last_good_in(&self, snapshot: PathBuf) {
        if self.last_good.set(snapshot).is_ok() && self.problem().is_none() {
            self.save_last_good();
        }
    }

    /// Started from the copy in `snapshot` (the files did not load): it is kept as it is, and
    /// replaced once the files load again.
    pub fn started_from_last_good(&self, snapshot: PathBuf) {
        let _ = self.last_good.set(snapshot);
        self.started_from_copy
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    fn save_last_good(&self) {
        let Some(snapshot) = self.last_good.get().cloned() else {
            return;
        };
        let dir = self.dir.clone();
        // One copy at a time: the one before finishes first.
        self.finish_saving();
        let saved = std::thread::Builder::new()
            .name("knowledge-last-good".into())
            .spawn(move || match super::last_good::save(&dir, &snapshot) {
                Ok(()) => tracing::debug!(snapshot = %snapshot.display(), "last good knowledge kept"),
                Err(e) => tracing::warn!(error = %e, snapshot = %snapshot.display(), "could not keep a copy of the last good knowledge"),
            });
        match saved {
            Ok(handle) => *self.saving.lock().unwrap_or_else(|p| p.into_inner()) = Some(handle),
            Err(e) => tracing::warn!(error = %e, "could not start copying the last good knowledge"),
        }
    }

    /// Waits for the copy of the last good files being made, if any (before the process ends,
    /// so it is not cut short).
    pub fn finish_saving(&self) {
        let handle = self.saving.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }

    /// Re-reads the directory. On success the new base is swapped in; on failure the last good
    /// base stays in service and the problems are returned.
    pub fn reload(&self) -> Result<Reloaded, Vec<Diagnostic>> {
        // A reload that panicked left nothing half-done behind (the swap is atomic).
        let _one_at_a_time = self.reloading.lock().unwrap_or_else(|p| p.into_inner());
        tracing::debug!(dir = %self.dir.display(), "knowledge directory re-read");
        let (kb, cache) = load_with_cache(&self.dir, &self.semantic);
        let mut kb = kb?;
        let serving = self.current();
        let changed = kb.revision() != serving.revision();
        // Embedding that failed before (at start or on the last reload, perhaps a passing
        // error) is tried again by any reload, even one that finds the files as they were:
        // else semantic matching stayed off until someone edited a file.
        let embedded_again =
            !changed && serving.semantic().is_none() && self.semantic.encoder.is_some();
        let status = (changed || embedded_again).then(|| attach(&self.semantic, &mut kb, cache));
        let examples_astray = if changed {
            kb.check_examples(|_| None).0
        } else {
            Vec::new()
        };
        for astray in &examples_astray {
            tracing::warn!(problem = %astray, "knowledge reloaded with an example that finds another article");
        }
        let report = Reloaded {
            articles: kb.articles().len(),
            revision: kb.revision().to_string(),
            changed,
            recovered: false,
            examples_astray,
            embedded_again,
        };
        if let Some(status) = status {
            self.current.store(Arc::new(kb));
            // After the swap, so `/kb` never describes a base that is not yet in service.
            self.status.store(Arc::new(status));
        }
        if changed {
            self.save_last_good();
        }
        self.problem.store(None);
        Ok(report)
    }

    /// Marks the chunk vectors of the base in service as used today in the embedding cache.
    /// Another knowledge base sharing the cache drops the vectors no base has used for
    /// [`GRACE_DAYS`](crate::semantic::cache::GRACE_DAYS): a bot that runs longer without a
    /// restart or an edit must say it still uses its own, or it embeds them all again at its
    /// next start. The watcher calls it once a day.
    pub fn mark_vectors_in_use(&self) {
        // Not while a reload writes the cache.
        let _one_at_a_time = self.reloading.lock().unwrap_or_else(|p| p.into_inner());
        let kb = self.current();
        let (Some(index), Some(encoder), Some(cache_dir)) = (
            kb.semantic(),
            &self.semantic.encoder,
            self.semantic.cache_dir.as_deref(),
        ) else {
            return;
        };
        let embed = encoder.embedder();
        let mut cache = EmbeddingCache::open(cache_dir, embed.cache_key(), embed.dim());
        // A cache that could not be read opens empty: saved now, it would replace the file
        // every base sharing it reads with one holding nothing (a review found it). Only the
        // next reload, which embeds, writes it again.
        if cache.is_empty() {
            tracing::debug!(file = %cache_dir.display(), "no cached vectors read; none marked as in use");
            return;
        }
        cache.save(&index.keys());
        tracing::debug!(
            chunks = index.len(),
            "cached chunk vectors marked as in use"
        );
    }

    /// Watches the directory and reloads about half a second after edits settle. Problems are
    /// logged and passed to `on_event` (the console prints them), each rejected state once: the
    /// same problems are not reported again until they change. Dropping the returned guard stops
    /// watching.
    pub fn watch(
        self: &Arc<Self>,
        on_event: impl Fn(Result<Reloaded, Vec<Diagnostic>>) + Send + 'static,
    ) -> Result<Watcher, notify::Error> {
        let (tx, rx) = mpsc::channel::<()>();
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<Event>| match res {
                Ok(event) if is_edit(&event.kind) => {
                    // The receiver is gone only while the watcher is being dropped.
                    let _ = tx.send(());
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "knowledge watcher error"),
            })?;
        watcher.watch(&self.dir, RecursiveMode::Recursive)?;
        let me = Arc::clone(self);
        std::thread::Builder::new()
            .name("knowledge-reload".into())
            .spawn(move || me.reload_on_edits(&rx, on_event))
            .map_err(notify::Error::io)?;
        Ok(Watcher { _watcher: watcher })
    }

    /// The reload loop behind `watch`: waits for an edit, then for `SETTLE` without one, reloads
    /// and reports. Ends when the watcher (the sender) is dropped.
    fn reload_on_edits(
        &self,
        edits: &mpsc::Receiver<()>,
        on_event: impl Fn(Result<Reloaded, Vec<Diagnostic>>),
    ) {
        // Serving the copy is serving despite a rejected state (its problems were told at
        // start): the first load of the files is a recovery.
        let mut last_rejected: Option<Vec<Diagnostic>> = self
            .started_from_copy
            .swap(false, std::sync::atomic::Ordering::SeqCst)
            .then(Vec::new);
        let mut next_mark = std::time::Instant::now() + MARK_IN_USE_EVERY;
        loop {
            if std::time::Instant::now() >= next_mark {
                self.mark_vectors_in_use();
                next_mark = std::time::Instant::now() + MARK_IN_USE_EVERY;
            }
            match edits.recv_timeout(next_mark.saturating_duration_since(std::time::Instant::now()))
            {
                Ok(()) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
            loop {
                match edits.recv_timeout(SETTLE) {
                    Ok(()) => continue,
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            match self.reload() {
                Ok(mut r) => {
                    r.recovered = last_rejected.take().is_some();
                    if r.changed || r.recovered {
                        tracing::info!(
                            articles = r.articles,
                            revision = %r.revision,
                            recovered = r.recovered,
                            "knowledge base reloaded"
                        );
                        on_event(Ok(r));
                    }
                }
                Err(problems) => {
                    if last_rejected.as_ref() == Some(&problems) {
                        continue;
                    }
                    for p in &problems {
                        tracing::warn!(problem = %p, "knowledge edit rejected; keeping the last good version");
                    }
                    last_rejected = Some(problems.clone());
                    on_event(Err(problems));
                }
            }
        }
    }
}

/// Reads the knowledge directory and, at the same time on another thread, the embedding cache
/// (at 10,000 articles each takes about half a second; together they take the longer one).
fn load_with_cache(
    dir: &Path,
    setup: &SemanticSetup,
) -> (
    Result<KnowledgeBase, Vec<Diagnostic>>,
    Option<EmbeddingCache>,
) {
    let open_cache = || {
        let embed = setup.encoder.as_ref()?.embedder();
        let cache_dir = setup.cache_dir.as_deref()?;
        Some(EmbeddingCache::open(
            cache_dir,
            embed.cache_key(),
            embed.dim(),
        ))
    };
    std::thread::scope(|s| {
        let cache = s.spawn(open_cache);
        let kb = load_dir(dir);
        // A panic while reading the cache only costs the cache: everything is embedded anew.
        (kb, cache.join().unwrap_or(None))
    })
}

/// Embeds `kb`'s chunks when `setup` has an encoder; returns the resulting status. Chunks
/// already in the embedding cache are not embedded again, so a reload after a small edit costs
/// only the edited chunks.
fn attach(
    setup: &SemanticSetup,
    kb: &mut KnowledgeBase,
    mut cache: Option<EmbeddingCache>,
) -> SemanticStatus {
    let Some(encoder) = &setup.encoder else {
        return setup.status.clone();
    };
    let embed = encoder.embedder();
    let started = std::time::Instant::now();
    let mut progress = |done: usize, total: usize| {
        if let Some(p) = &setup.progress {
            p(done, total);
        }
    };
    match kb.attach_semantic(embed.as_ref(), cache.as_mut(), &mut progress) {
        Ok(()) => {
            if let Some(index) = kb.semantic() {
                let (chunks, from_cache) = (index.len(), index.from_cache);
                let ms = started.elapsed().as_millis() as u64;
                // Worth a line only when the model had work to do (a first start, an edit).
                if from_cache < chunks {
                    tracing::info!(chunks, from_cache, ms, "article chunks embedded");
                } else {
                    tracing::debug!(chunks, ms, "article chunk vectors read from the cache");
                }
            }
            setup.status.clone()
        }
        Err(e) => {
            tracing::warn!(error = %e, "embedding the articles failed; matching lexically");
            SemanticStatus::Unavailable {
                model: embed.model_name().to_string(),
                reason: e.to_string(),
            }
        }
    }
}

/// How long edits must pause before a reload: an editor's save is several events in a row.
const SETTLE: Duration = Duration::from_millis(400);

/// How often a watching bot marks its cached chunk vectors as in use (see
/// [`Knowledge::mark_vectors_in_use`]): well within the grace period.
const MARK_IN_USE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Whether a watcher event can mean the files changed. Opening, reading and closing a file
/// unwritten are not edits, and the reload itself does all three: counting them made every
/// reload trigger the next. Closing a file after writing it is kept (it ends a save).
fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Keeps the directory watcher alive; dropping it also ends the reload thread.
pub struct Watcher {
    _watcher: notify::RecommendedWatcher,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, ModifyKind, RenameMode};

    /// A stand-in model whose first `failures` calls fail (a passing error), then works.
    struct Flaky {
        failures: std::sync::atomic::AtomicUsize,
    }

    impl crate::semantic::Embed for Flaky {
        fn model_name(&self) -> &str {
            "flaky"
        }
        fn dim(&self) -> usize {
            2
        }
        fn max_tokens(&self) -> usize {
            128
        }
        fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, crate::semantic::EmbedError> {
            use std::sync::atomic::Ordering;
            let failing = self
                .failures
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok();
            if failing {
                return Err(crate::semantic::EmbedError::Encode("out of memory".into()));
            }
            Ok(texts.iter().map(|_| vec![0.6, 0.8]).collect())
        }
    }

    const ARTICLE: &str = "+++\ntitle = \"Page does not load\"\nsymptoms = [\"the page does not load\"]\n+++\nSummary.\n\n## Solution: Reload\n1. Press F5.\n";

    /// A knowledge base of one article whose model fails its first `failures` calls.
    pub(crate) fn flaky_knowledge(failures: usize) -> (tempfile::TempDir, Arc<Knowledge>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("articles")).unwrap();
        std::fs::write(dir.path().join("articles/a.md"), ARTICLE).unwrap();
        let flaky = Arc::new(Flaky {
            failures: std::sync::atomic::AtomicUsize::new(failures),
        });
        let knowledge =
            Knowledge::open_with(dir.path(), SemanticSetup::ready(flaky, None)).unwrap();
        (dir, knowledge)
    }

    #[test]
    fn a_reload_without_changes_embeds_again_what_failed_to_embed() {
        let (_dir, knowledge) = flaky_knowledge(1);
        assert!(
            matches!(
                knowledge.semantic_status(),
                SemanticStatus::Unavailable { ref reason, .. } if reason.contains("out of memory")
            ),
            "{:?}",
            knowledge.semantic_status()
        );
        assert!(knowledge.encoder().is_none());
        let revision = knowledge.current().revision().to_string();

        let r = knowledge.reload().unwrap();
        assert!(
            knowledge.semantic_status().is_ready(),
            "{:?}",
            knowledge.semantic_status()
        );
        assert!(knowledge.current().semantic().is_some());
        assert!(
            knowledge.encoder().is_some(),
            "semantic matching is on again"
        );
        assert!(!r.changed, "the files are as they were");
        assert_eq!(r.revision, revision);
        assert!(r.embedded_again);

        // With the chunks embedded, a reload of the same files has nothing to do.
        let r = knowledge.reload().unwrap();
        assert!(!r.changed && !r.embedded_again);
        assert!(knowledge.semantic_status().is_ready());
    }

    /// A bot running longer than the grace period without a reload keeps its vectors in a
    /// cache another knowledge base saves to, because it marks them in use every day.
    #[test]
    fn a_long_running_base_keeps_its_cached_vectors_while_another_saves() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("articles")).unwrap();
        for i in 0..80 {
            let article = ARTICLE.replace("Page does not load", &format!("Page {i} does not load"));
            std::fs::write(dir.path().join(format!("articles/a{i}.md")), article).unwrap();
        }
        let cache = tempfile::tempdir().unwrap();
        let model = Arc::new(Flaky {
            failures: std::sync::atomic::AtomicUsize::new(0),
        });
        let setup = SemanticSetup::ready(model, Some(cache.path().to_path_buf()));
        let knowledge = Knowledge::open_with(dir.path(), setup).unwrap();
        // Articles share texts (the same steps): one vector for each text.
        let texts = knowledge
            .current()
            .semantic()
            .unwrap()
            .keys()
            .into_iter()
            .collect::<std::collections::HashSet<u64>>()
            .len();
        assert!(texts > 64, "{texts} texts");
        // Started 40 days ago, never reloaded since.
        crate::semantic::cache::backdate(cache.path(), "flaky", 2, 40);

        knowledge.mark_vectors_in_use();
        let mut other = EmbeddingCache::open(cache.path(), "flaky", 2);
        other.insert("another base's chunk", vec![0.8, 0.6]);
        other.save(&[crate::semantic::cache::text_key("another base's chunk")]);
        assert_eq!(
            EmbeddingCache::open(cache.path(), "flaky", 2).len(),
            texts + 1,
            "the running base's vectors stay"
        );
    }

    #[test]
    fn reading_the_files_is_not_an_edit() {
        for kind in [
            AccessKind::Open(AccessMode::Any),
            AccessKind::Open(AccessMode::Read),
            AccessKind::Close(AccessMode::Read),
            AccessKind::Read,
            AccessKind::Any,
        ] {
            assert!(!is_edit(&EventKind::Access(kind)), "{kind:?}");
        }
    }

    #[test]
    fn writing_creating_renaming_and_removing_are_edits() {
        for kind in [
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Create(CreateKind::File),
            EventKind::Remove(notify::event::RemoveKind::File),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            // A queue overflow: something may have changed.
            EventKind::Other,
        ] {
            assert!(is_edit(&kind), "{kind:?}");
        }
    }
}
