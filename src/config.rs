//! Typed configuration built once at start-up from flags and environment (read only by `main`).

use std::path::PathBuf;

/// Where things live. Built by `main` from flags and env; the core never reads env vars.
#[derive(Debug, Clone)]
pub struct Config {
    pub knowledge_dir: PathBuf,
    pub data_dir: PathBuf,
}

impl Config {
    /// Where the file notifier writes staff and user notifications (JSON lines).
    pub fn notify_file(&self) -> PathBuf {
        self.data_dir.join("notifications.jsonl")
    }
}
