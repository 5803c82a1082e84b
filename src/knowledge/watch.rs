//! Hot reload: the shared knowledge handle, atomic swaps, and the directory watcher.

use super::load::load_dir;
use super::{Diagnostic, KnowledgeBase};
use arc_swap::ArcSwap;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer, notify};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The knowledge base in service. Readers take a snapshot (`current`) without locking; a reload
/// swaps in a complete new base, or keeps the last good one when the files are broken.
#[derive(Debug)]
pub struct Knowledge {
    dir: PathBuf,
    current: ArcSwap<KnowledgeBase>,
}

/// What a successful reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    pub articles: usize,
    pub revision: String,
    pub changed: bool,
}

impl Knowledge {
    /// Loads the directory; fails with every problem found when it is not valid.
    pub fn open(dir: &Path) -> Result<Arc<Knowledge>, Vec<Diagnostic>> {
        let kb = load_dir(dir)?;
        Ok(Arc::new(Knowledge {
            dir: dir.to_path_buf(),
            current: ArcSwap::from_pointee(kb),
        }))
    }

    /// Wraps an already built base (tests, benchmarks).
    pub fn from_base(dir: &Path, kb: KnowledgeBase) -> Arc<Knowledge> {
        Arc::new(Knowledge {
            dir: dir.to_path_buf(),
            current: ArcSwap::from_pointee(kb),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A consistent snapshot; cheap, never blocks, stays valid across reloads.
    pub fn current(&self) -> Arc<KnowledgeBase> {
        self.current.load_full()
    }

    /// Re-reads the directory. On success the new base is swapped in; on failure the last good
    /// base stays in service and the problems are returned.
    pub fn reload(&self) -> Result<Reloaded, Vec<Diagnostic>> {
        let kb = load_dir(&self.dir)?;
        let changed = kb.revision() != self.current().revision();
        let report = Reloaded {
            articles: kb.articles().len(),
            revision: kb.revision().to_string(),
            changed,
        };
        if changed {
            self.current.store(Arc::new(kb));
        }
        Ok(report)
    }

    /// Watches the directory and reloads about half a second after edits settle. Problems are
    /// logged and passed to `on_error` (the console prints them). Dropping the returned guard
    /// stops watching.
    pub fn watch(
        self: &Arc<Self>,
        on_event: impl Fn(Result<Reloaded, Vec<Diagnostic>>) + Send + 'static,
    ) -> Result<Watcher, notify::Error> {
        let me = Arc::clone(self);
        let mut debouncer = new_debouncer(
            Duration::from_millis(400),
            move |res: DebounceEventResult| {
                if let Err(e) = res {
                    tracing::warn!(error = %e, "knowledge watcher error");
                    return;
                }
                let outcome = me.reload();
                match &outcome {
                    Ok(r) if r.changed => tracing::info!(
                        articles = r.articles,
                        revision = %r.revision,
                        "knowledge base reloaded"
                    ),
                    Ok(_) => {}
                    Err(problems) => {
                        for p in problems {
                            tracing::warn!(problem = %p, "knowledge edit rejected; keeping the last good version");
                        }
                    }
                }
                if !matches!(&outcome, Ok(r) if !r.changed) {
                    on_event(outcome);
                }
            },
        )?;
        debouncer
            .watcher()
            .watch(&self.dir, notify::RecursiveMode::Recursive)?;
        Ok(Watcher {
            _debouncer: debouncer,
        })
    }
}

/// Keeps the directory watcher alive.
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}
