//! Typed configuration built once at start-up from flags and environment (read only by `main`).

use ipnet::IpNet;
use std::path::PathBuf;
use std::time::Duration;

/// Where things live and how checks behave. Built by `main` from flags and env; the core never
/// reads env vars.
#[derive(Debug, Clone)]
pub struct Config {
    pub knowledge_dir: PathBuf,
    pub data_dir: PathBuf,
    /// `DATA_LOCK_WAIT_SECONDS`: how long a command waits for the database while another
    /// process holds it, before saying so.
    pub lock_wait: Duration,
    /// Live checks (`supportbot check`, the "check" event).
    pub checks: CheckConfig,
    /// Semantic matching: which sentence model, where models and vectors are kept.
    pub semantic: SemanticConfig,
    /// The background monitor inside `run` and `console`.
    pub monitor: MonitorConfig,
}

/// The background monitor (`MONITOR`, `MONITOR_RETENTION_DAYS`).
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorConfig {
    /// `MONITOR`: run it inside `run` and `console` (default on).
    pub enabled: bool,
    /// `MONITOR_RETENTION_DAYS`: how long check history is kept.
    pub retention: Duration,
    /// `CROWD_USERS` within `CROWD_MINUTES`: the crowd signal's rule.
    pub crowd: crate::incident::crowd::CrowdRule,
}

impl Default for MonitorConfig {
    fn default() -> Self {
        MonitorConfig {
            enabled: true,
            retention: Duration::from_secs(
                crate::incident::history::DEFAULT_RETENTION_DAYS * 86_400,
            ),
            crowd: crate::incident::crowd::CrowdRule::default(),
        }
    }
}

/// Which sentence model the matcher uses and where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct SemanticConfig {
    /// `SEMANTIC_MODEL`: a model directory, a Hugging Face repo id, or `off`.
    pub model: String,
    /// `MODEL_CACHE_DIR`: downloaded models and the embedding cache (default `DATA_DIR/models`).
    pub cache_dir: PathBuf,
    /// `HF_ENDPOINT`: another address for the Hugging Face hub (a mirror).
    pub hub_endpoint: Option<String>,
    /// `SEMANTIC_DEADLINE_MS`: how long a description waits for the encoder before it is
    /// ranked lexically.
    pub deadline: Duration,
}

impl SemanticConfig {
    /// Where chunk vectors are cached, beside the models.
    pub fn embeddings_dir(&self) -> PathBuf {
        self.cache_dir.join("embeddings")
    }
}

/// How live checks behave. `Default` is the safe production setting.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckConfig {
    /// `ALLOW_PRIVATE_TARGETS`: let ad-hoc checks reach loopback, private and other non-public
    /// addresses and any port. Off in production: chat users must not scan the bot's network.
    pub allow_private_targets: bool,
    /// `ALLOW_ADHOC_CHECKS`: let users check URLs they type, not only named targets.
    pub allow_adhoc_checks: bool,
    /// `CHECK_RATE_PER_MINUTE`: checks one user may run per minute (each target counts as one).
    pub rate_per_minute: u32,
    /// `CHECK_CACHE_SECONDS`: how long a named target's result is shared.
    pub cache_ttl: Duration,
    /// `CHECK_ALLOWED_PORTS`: ports ad-hoc checks may use.
    pub allowed_ports: Vec<u16>,
    /// Networks ad-hoc checks may reach even though they are not public (an intranet status
    /// page; tests). Empty by default.
    pub allowed_nets: Vec<IpNet>,
    /// Timeout of a target that sets no `timeout_ms`, and of ad-hoc checks.
    pub default_timeout: Duration,
    /// Overall deadline of one request for several targets.
    pub deadline: Duration,
    /// A healthy answer slower than this is reported as slow.
    pub slow_after: Duration,
    /// How much of a body is read (for `contains` and timing); the rest is dropped.
    pub body_cap: usize,
    /// Redirects followed before the check reports a redirect loop.
    pub max_redirects: usize,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            allow_private_targets: false,
            allow_adhoc_checks: true,
            rate_per_minute: 5,
            cache_ttl: Duration::from_secs(30),
            allowed_ports: vec![80, 443],
            allowed_nets: Vec::new(),
            default_timeout: Duration::from_secs(5),
            deadline: Duration::from_secs(10),
            slow_after: Duration::from_secs(3),
            body_cap: 64 * 1024,
            max_redirects: 5,
        }
    }
}

/// How long a description waits for the encoder by default: well inside Discord's 3 seconds,
/// and far above the encoder's usual 20-200 ms, so only a backed-up encoder misses it.
pub const SEMANTIC_DEADLINE: std::time::Duration = std::time::Duration::from_millis(1500);

impl Config {
    /// Paths as given, the rest at their defaults.
    pub fn new(knowledge_dir: PathBuf, data_dir: PathBuf) -> Self {
        Config {
            lock_wait: crate::store::LOCK_WAIT,
            checks: CheckConfig::default(),
            semantic: SemanticConfig {
                model: "off".into(),
                cache_dir: data_dir.join("models"),
                hub_endpoint: None,
                deadline: SEMANTIC_DEADLINE,
            },
            monitor: MonitorConfig::default(),
            knowledge_dir,
            data_dir,
        }
    }
}

impl Config {
    /// Where the file notifier writes staff and user notifications (JSON lines).
    pub fn notify_file(&self) -> PathBuf {
        self.data_dir.join("notifications.jsonl")
    }

    /// Where a serving bot keeps a copy of the last knowledge files that loaded.
    pub fn last_good_knowledge_dir(&self) -> PathBuf {
        self.data_dir.join("knowledge-last-good")
    }
}
