//! What the commands share: the [`Config`], and what they need from it, each opened on demand
//! and at most once: the knowledge base (lexical or with the sentence model), the store, a tokio
//! runtime and the local notifier. Loading the knowledge base or reporting its problems happens
//! here and nowhere else.

use super::CliError;
use crate::clock::SystemClock;
use crate::config::Config;
use crate::escalation::notify::{Fanout, FileNotifier, LogNotifier};
use crate::knowledge::{Diagnostic, Knowledge, last_good};
use crate::probe::Prober;
use crate::semantic::SemanticSetup;
use crate::service::Service;
use crate::service::outbox::{Backoff, drain};
use crate::store::Store;
use std::cell::OnceCell;
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::runtime::Runtime;

/// How a command matches descriptions, which decides how the knowledge base is opened.
#[derive(Debug, Clone, Copy)]
pub enum Matching {
    /// Lexical only; the reason is what the knowledge base reports as its semantic status.
    Lexical(&'static str),
    /// With the configured sentence model, fetched on first use; lexical with one note on
    /// stderr when it cannot be had.
    Semantic,
    /// With the sentence model only if it is already on disk: never waits for the hub.
    SemanticOnDisk,
}

/// The configuration and what the commands open from it. Single-threaded: one command runs per
/// process, and each resource is opened the first time a command asks for it.
pub struct Context {
    config: Config,
    /// Worker threads of the runtime: a fixed few for one-shot commands, `None` (one per core)
    /// for the long-running console and bot.
    workers: Option<usize>,
    // Declared first so it drops first: nothing it runs outlives the store it may use.
    runtime: OnceCell<Runtime>,
    knowledge: OnceCell<Arc<Knowledge>>,
    /// The sentence model as the first load set it up: a second load (the last good copy,
    /// after the files failed) reuses it rather than reaching for the model, and saying why
    /// it cannot, again.
    semantic: Arc<Mutex<Option<SemanticSetup>>>,
    store: OnceCell<Store>,
    notifier: OnceCell<Fanout>,
    /// How many problems the knowledge files had when a one-shot command answered from the
    /// last good copy instead (unset when the files loaded).
    served_from_last_good: OnceCell<usize>,
}

impl Context {
    /// For a one-shot command: a small runtime, the work is one request.
    pub fn new(config: Config) -> Self {
        Self::with_workers(config, Some(2))
    }

    /// For the console and the bot, which serve for as long as they run: a thread per core.
    pub fn serving(config: Config) -> Self {
        Self::with_workers(config, None)
    }

    fn with_workers(config: Config, workers: Option<usize>) -> Self {
        Context {
            config,
            workers,
            runtime: OnceCell::new(),
            knowledge: OnceCell::new(),
            semantic: Arc::default(),
            store: OnceCell::new(),
            notifier: OnceCell::new(),
            served_from_last_good: OnceCell::new(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The tokio runtime, built the first time it is asked for.
    pub fn runtime(&self) -> Result<&Runtime, CliError> {
        if let Some(runtime) = self.runtime.get() {
            return Ok(runtime);
        }
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        if let Some(n) = self.workers {
            builder.worker_threads(n);
        }
        let runtime = builder.enable_all().build()?;
        Ok(self.runtime.get_or_init(|| runtime))
    }

    /// Opens the knowledge base, or gives its problems for the caller to report (`kb check`
    /// lists them as its output; `escalate` files the ticket anyway). Opened at most once: a
    /// second call returns the first knowledge base, whatever `matching` it asks for.
    pub fn open_knowledge(
        &self,
        matching: Matching,
    ) -> Result<Result<Arc<Knowledge>, Vec<Diagnostic>>, CliError> {
        if let Some(knowledge) = self.knowledge.get() {
            return Ok(Ok(knowledge.clone()));
        }
        let opened = self.load(&self.config.knowledge_dir, matching)?;
        Ok(opened.map(|k| self.knowledge.get_or_init(|| k).clone()))
    }

    /// The knowledge base for a one-shot command (`diagnose`, `escalate`, `kb list|show`,
    /// `check`, `incidents`): as [`Context::open_knowledge`], but when the files do not load
    /// and a copy of the last ones that did is in the data directory (kept by the bot or the
    /// console), it answers from that copy, saying so on stderr.
    pub fn command_knowledge(
        &self,
        matching: Matching,
    ) -> Result<Result<Arc<Knowledge>, Vec<Diagnostic>>, CliError> {
        let problems = match self.open_knowledge(matching)? {
            Ok(knowledge) => return Ok(Ok(knowledge)),
            Err(problems) => problems,
        };
        let Some(snapshot) = last_good::find(&self.config.last_good_knowledge_dir())
            .filter(|copy| last_good::is_copy_of(copy, &self.config.knowledge_dir))
        else {
            return Ok(Err(problems));
        };
        let Ok(knowledge) = self.load(&snapshot, matching)? else {
            // The copy does not load either (edited by hand?): the files' own problems.
            return Ok(Err(problems));
        };
        let _ = self.served_from_last_good.set(problems.len());
        eprintln!(
            "warning: the knowledge base in {} has {} problem(s); answering from the last version that loaded ({} articles, kept in {}). Run `supportbot kb check` to see them.",
            self.config.knowledge_dir.display(),
            problems.len(),
            knowledge.current().articles().len(),
            snapshot.display()
        );
        Ok(Ok(self.knowledge.get_or_init(|| knowledge).clone()))
    }

    /// How many problems the knowledge files have, when this command answers from the last
    /// good copy because of them ([`Context::command_knowledge`]).
    pub fn served_from_last_good(&self) -> Option<usize> {
        self.served_from_last_good.get().copied()
    }

    /// Loads the knowledge files in `dir` with the matching asked for.
    fn load(
        &self,
        dir: &Path,
        matching: Matching,
    ) -> Result<Result<Arc<Knowledge>, Vec<Diagnostic>>, CliError> {
        let opened = match matching {
            Matching::Lexical(why) => Knowledge::open_with(dir, SemanticSetup::off(why)),
            Matching::Semantic | Matching::SemanticOnDisk => {
                // The model loads beside the files and the embedding cache (start-up takes the
                // longest of the three, not their sum).
                let download = matches!(matching, Matching::Semantic);
                Knowledge::open_loading(
                    dir,
                    super::model::expected_identity(&self.config.semantic),
                    self.model_loader(download)?,
                )
            }
        };
        Ok(opened)
    }

    /// Sets the sentence model up once per command: later loads get the first one's setup.
    fn model_loader(
        &self,
        download: bool,
    ) -> Result<impl FnOnce() -> SemanticSetup + Send + '_, CliError> {
        let runtime = self.runtime()?;
        let config = &self.config.semantic;
        let interactive = std::io::stderr().is_terminal();
        let memo = self.semantic.clone();
        Ok(move || {
            // A panic while another load held it leaves no setup half-made: it only caches.
            let mut memo = memo.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(done) = memo.as_ref() {
                return done.clone();
            }
            let setup = runtime.block_on(super::model::setup(config, download, interactive));
            *memo = Some(setup.clone());
            setup
        })
    }

    /// The knowledge base for a bot that serves users (`run`, `console`): as
    /// [`Context::knowledge`], but when the files do not load and a copy of the last ones that
    /// did is in the data directory, it starts with that copy, saying so and listing every
    /// problem on stderr, and loads the files once they are fixed. Each load keeps a new copy.
    pub fn serving_knowledge(&self) -> Result<Arc<Knowledge>, CliError> {
        let snapshot = self.config.last_good_knowledge_dir();
        let problems = match self.open_knowledge(Matching::Semantic)? {
            Ok(knowledge) => {
                knowledge.keep_last_good_in(snapshot);
                return Ok(knowledge);
            }
            Err(problems) => problems,
        };
        let Some(copy) = last_good::find(&snapshot)
            .filter(|copy| last_good::is_copy_of(copy, &self.config.knowledge_dir))
        else {
            return self.knowledge(Matching::Semantic);
        };
        let opened = Knowledge::open_loading_from(
            &self.config.knowledge_dir,
            &copy,
            super::model::expected_identity(&self.config.semantic),
            self.model_loader(true)?,
        );
        let Ok(knowledge) = opened else {
            // The copy does not load either (edited by hand?): the files' own problems.
            return self.knowledge(Matching::Semantic);
        };
        let mut text = format!(
            "warning: the knowledge base in {} has {} problem(s); serving the last version that loaded ({} articles, kept in {}) until they are fixed:\n\n",
            self.config.knowledge_dir.display(),
            problems.len(),
            knowledge.current().articles().len(),
            copy.display()
        );
        for p in &problems {
            // Writing to a String cannot fail.
            let _ = write!(text, "{p}\n\n");
        }
        text.push_str("Fix them (`supportbot kb check` lists them again); the files are loaded as soon as they are valid.");
        eprintln!("{text}");
        tracing::warn!(
            problems = problems.len(),
            "knowledge files broken at start; serving the last good copy"
        );
        knowledge.started_from_last_good(snapshot);
        Ok(self.knowledge.get_or_init(|| knowledge).clone())
    }

    /// The service a bot that serves users runs on (`run`, `console`): live checks, the
    /// semantic deadline and the crowd rule as configured.
    pub fn serving_service(&self, knowledge: Arc<Knowledge>, store: &Store) -> Service {
        let config = &self.config;
        Service::with_prober(knowledge, store.clone(), Prober::new(config.checks.clone()))
            .with_semantic_deadline(config.semantic.deadline)
            .with_crowd_rule(config.monitor.crowd)
    }

    /// The knowledge base, or the command fails (exit 1) listing every problem and how to
    /// check again.
    pub fn knowledge(&self, matching: Matching) -> Result<Arc<Knowledge>, CliError> {
        self.command_knowledge(matching)?.map_err(|problems| {
            let mut text = format!(
                "The knowledge base in {} has {} problem(s):\n\n",
                self.config.knowledge_dir.display(),
                problems.len()
            );
            for p in &problems {
                // Writing to a String cannot fail.
                let _ = write!(text, "{p}\n\n");
            }
            text.push_str("Fix them and run `supportbot kb check` again.");
            CliError::report(text, 1)
        })
    }

    /// The store, waiting up to `config.lock_wait` while another supportbot process holds it.
    pub fn store(&self) -> Result<&Store, CliError> {
        if let Some(store) = self.store.get() {
            return Ok(store);
        }
        let store = Store::open_waiting(&self.config.data_dir, self.config.lock_wait)?;
        Ok(self.store.get_or_init(|| store))
    }

    /// The store for a command that only reads it (`tickets list|show|export`, `stats`,
    /// `status`, `incidents list|show`): as [`Context::store`], but a data directory without a
    /// database is refused (exit 1) and nothing is created, so a mistyped `--data` or the wrong
    /// working directory does not read as "No tickets.".
    pub fn existing_store(&self) -> Result<&Store, CliError> {
        if let Some(dir) = self.missing_database()? {
            return Err(CliError::failed(no_database(&dir)));
        }
        self.store()
    }

    /// The store for a staff action on a ticket or incident that must already exist (`what`,
    /// e.g. "ticket T-0001"): as [`Context::store`], but when the data directory has no
    /// database the action is refused (exit 1) saying so, and nothing is created: a mistyped
    /// `--data` does not leave an empty database behind.
    pub fn store_holding(&self, what: &str) -> Result<&Store, CliError> {
        if let Some(dir) = self.missing_database()? {
            return Err(CliError::failed(format!(
                "{what} does not exist, and there is no supportbot database at {}: is --data / \
                 DATA_DIR right? (the bot, console and escalate create it; nothing was created)",
                dir.display()
            )));
        }
        self.store()
    }

    /// The data directory (absolute) when it has no database yet; `None` when it has one, the
    /// store is open already, or what is there is the store's to word (a file where the
    /// directory should be). A directory this user may not read is refused as such, not taken
    /// for one without a database.
    fn missing_database(&self) -> Result<Option<std::path::PathBuf>, CliError> {
        if self.store.get().is_some() {
            return Ok(None);
        }
        let dir = &self.config.data_dir;
        let shown = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
        match dir.join(crate::store::DB_DIR).try_exists() {
            Ok(true) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                Err(CliError::failed(permission_denied(&shown)))
            }
            Ok(false) if dir.is_dir() || !dir.exists() => Ok(Some(shown)),
            _ => Ok(None),
        }
    }

    /// Closes the store and rewrites its files into a fresh directory, so that what a privacy
    /// command removed cannot be read from them any more (sled keeps removed values in its log
    /// until it rewrites the segment). Nothing to do when the store was never opened.
    pub fn rewrite_store(&mut self) -> Result<(), crate::store::StoreError> {
        match self.store.take() {
            Some(store) => store.close_and_rewrite(self.config.lock_wait),
            None => Ok(()),
        }
    }

    /// The store if a command has opened it (never opens it).
    pub fn opened_store(&self) -> Option<&Store> {
        self.store.get()
    }

    /// The notifier available without Discord: the log plus a JSON-lines file that staff tools
    /// can follow (`tail -f`).
    pub fn notifier(&self) -> &Fanout {
        self.notifier.get_or_init(|| self.local_notifier())
    }

    /// A new notifier of the same kind as [`Context::notifier`], for a deliverer task to own.
    pub fn local_notifier(&self) -> Fanout {
        Fanout(vec![
            Box::new(LogNotifier),
            Box::new(FileNotifier::new(self.config.notify_file())),
        ])
    }

    /// Whether what is queued is the Discord bot's to send: it has served this data directory,
    /// so a card or a DM must not be written to the log and the notifications file instead
    /// (and marked delivered) by a command run while it is stopped.
    pub fn outbox_is_the_bots(&self) -> Result<bool, CliError> {
        let owner = self.store()?.outbox_owner()?;
        Ok(owner.as_deref() == Some(crate::store::BOT_TRANSPORT))
    }

    /// Sends what is queued through the local notifier, for a few seconds at most. Returns the
    /// note for stderr when something stays queued (it is sent by the next command or the
    /// running bot). Nothing is sent when the queue is the bot's ([`Context::outbox_is_the_bots`]).
    pub fn deliver_queued(&self) -> Result<Option<String>, CliError> {
        let store = self.store()?;
        if self.outbox_is_the_bots()? {
            return Ok(Some(format!(
                "note: {} notification(s) wait for the Discord bot, which sends them when it runs (this data directory is the bot's: `supportbot run`).",
                store.outbox_len()
            )));
        }
        let drained = self.runtime()?.block_on(drain(
            store,
            self.notifier(),
            &SystemClock,
            Backoff {
                first: Duration::from_millis(200),
                max: Duration::from_secs(2),
            },
            Duration::from_secs(5),
        ));
        Ok(match drained {
            Ok(_) if store.outbox_len() == 0 => None,
            Ok(_) => Some(format!(
                "note: {} notification(s) could not be delivered yet; they stay queued and are sent by the next command or the running bot.",
                store.outbox_len()
            )),
            Err(e) => Some(format!("note: notifications stay queued: {e}")),
        })
    }
}

/// Why a command refuses a data directory `dir` it may not read (as an absolute path).
pub fn permission_denied(dir: &std::path::Path) -> String {
    format!(
        "permission denied: {} (make it readable by the user running supportbot)",
        dir.display()
    )
}

/// Why a read-only command refuses `dir` (as an absolute path): no database was ever made there.
fn no_database(dir: &std::path::Path) -> String {
    format!(
        "no supportbot database at {}: check --data / DATA_DIR (the bot, console and escalate create it)",
        dir.display()
    )
}
