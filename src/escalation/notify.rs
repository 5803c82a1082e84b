//! Notifications to staff and users, the `Notifier` trait that delivers them, and the sinks
//! available without Discord: the log (stderr) and a JSON-lines file.

use super::summary::Card;
use super::ticket::TicketId;
use crate::session::UserRef;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::io::Write;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::Duration;

/// Who a notification is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "to")]
pub enum Audience {
    /// The support staff (channel, inbox).
    Staff,
    /// The user who asked for help.
    User { user: UserRef },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "event")]
pub enum Event {
    Created,
    /// The user escalated again while the ticket was open.
    Updated,
    Claimed {
        by: String,
    },
    Resolved {
        by: String,
        note: Option<String>,
    },
    Reopened {
        by: String,
    },
}

/// One message to deliver through the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    /// Unique per notification: lets sinks drop a repeat after a crash between send and record.
    pub key: String,
    pub ticket: TicketId,
    pub event: Event,
    pub audience: Audience,
    /// Plain text for users and logs (already safe to show).
    pub text: String,
    /// The staff card, for new and updated tickets.
    pub card: Option<Card>,
    /// The full transcript to attach, for staff.
    pub transcript: Option<String>,
}

/// A failed delivery; the outbox retries it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct DeliveryError {
    pub message: String,
    /// The destination asked us to wait this long (rate limit).
    pub retry_after: Option<Duration>,
}

impl DeliveryError {
    pub fn new(message: impl Into<String>) -> Self {
        DeliveryError {
            message: message.into(),
            retry_after: None,
        }
    }
}

pub type DeliveryFuture<'a> = Pin<Box<dyn Future<Output = Result<(), DeliveryError>> + Send + 'a>>;

/// Sends notifications somewhere. Implementations must be safe to call again with the same
/// notification (use `key` to drop repeats where the destination allows it).
pub trait Notifier: Send + Sync {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a>;
    /// A short name for logs.
    fn name(&self) -> &str;
}

/// Writes notifications to the log (stderr).
#[derive(Debug, Default)]
pub struct LogNotifier;

impl Notifier for LogNotifier {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            let to = match &n.audience {
                Audience::Staff => "staff".to_string(),
                Audience::User { user } => format!("user {}", user.id),
            };
            tracing::info!(ticket = %n.ticket, to = %to, key = %n.key, "{}", n.text);
            Ok(())
        })
    }
    fn name(&self) -> &str {
        "log"
    }
}

/// Appends each notification as one JSON line to a file (a staff inbox that `tail -f` can
/// follow). Repeats of a key already in the file are dropped.
#[derive(Debug)]
pub struct FileNotifier {
    path: PathBuf,
    lock: Mutex<()>,
}

impl FileNotifier {
    pub fn new(path: PathBuf) -> Self {
        FileNotifier {
            path,
            lock: Mutex::new(()),
        }
    }

    fn append(&self, n: &Notification) -> std::io::Result<()> {
        // No await happens under this lock: it only serialises appends from this process.
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let key_marker = format!(
            "\"key\":{}",
            serde_json::to_string(&n.key).unwrap_or_default()
        );
        if let Ok(existing) = std::fs::read_to_string(&self.path)
            && existing.lines().any(|l| l.contains(&key_marker))
        {
            return Ok(());
        }
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        let mut line = serde_json::to_vec(n).map_err(std::io::Error::other)?;
        line.push(b'\n');
        f.write_all(&line)?;
        f.sync_data()
    }
}

impl Notifier for FileNotifier {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            self.append(n).map_err(|e| {
                DeliveryError::new(format!("cannot write {}: {e}", self.path.display()))
            })
        })
    }
    fn name(&self) -> &str {
        "file"
    }
}

/// Delivers to several sinks; fails if any fails (all are retried together, sinks drop repeats).
pub struct Fanout(pub Vec<Box<dyn Notifier>>);

impl Notifier for Fanout {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            for sink in &self.0 {
                sink.deliver(n).await.map_err(|e| DeliveryError {
                    message: format!("{}: {}", sink.name(), e.message),
                    ..e
                })?;
            }
            Ok(())
        })
    }
    fn name(&self) -> &str {
        "fanout"
    }
}
