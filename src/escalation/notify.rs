//! Notifications to staff and users, the `Notifier` trait that delivers them, and the sinks
//! available without Discord: the log (stderr) and a JSON-lines file (which the privacy commands
//! can erase lines from).

use super::summary::Card;
use super::text::escape_markdown;
use super::ticket::TicketId;
use crate::session::UserRef;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
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

/// What a notification tells: a step of a ticket, or the end of an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "event")]
pub enum NoticeEvent {
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
    /// A claimed ticket was given back to the queue.
    Released {
        by: String,
    },
    /// An incident the user was told about (and asked to hear the end of) is over.
    IncidentOver {
        incident: String,
    },
    /// The crowd signal opened a suspected incident: staff confirm or dismiss it.
    IncidentSuspected {
        incident: String,
    },
    /// An incident opened, moved or got an update: the status message shows it as it now is.
    IncidentStatus {
        incident: String,
    },
    /// The ticket was removed (`user forget`, `tickets purge`): the Discord bot deletes what
    /// showed it to staff. Only ids: the ticket and its rows are gone when this is delivered,
    /// and nothing of the user's is in it.
    Removed {
        discord: DiscordPosts,
    },
}

/// Where the Discord bot showed a ticket to staff, as Discord ids (plain numbers: the core
/// knows no Discord types). What [`NoticeEvent::Removed`] takes down.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscordPosts {
    /// The channel of the card; `None` for a card posted before the bot recorded it: the
    /// support channel the bot runs with is taken.
    pub channel: Option<u64>,
    /// The staff card message.
    pub card: Option<u64>,
    /// The ticket's private thread (with the transcript).
    pub thread: Option<u64>,
}

impl DiscordPosts {
    /// Whether the bot posted nothing of the ticket.
    pub fn is_empty(&self) -> bool {
        self.card.is_none() && self.thread.is_none()
    }
}

/// The outbox item that has the Discord bot delete ticket `id`'s card and thread (`posts`),
/// queued by `user forget` and `tickets purge` with the removal. Its text names the ticket only.
pub fn removed(id: TicketId, posts: DiscordPosts) -> Notification {
    Notification {
        key: format!("{id}/removed"),
        ticket: Some(id),
        event: NoticeEvent::Removed { discord: posts },
        audience: Audience::Staff,
        text: format!(
            "Ticket {id} was removed; the bot deletes its staff card and private thread on Discord."
        ),
        card: None,
        transcript: None,
    }
}

/// One message to deliver through the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    /// Unique per notification: lets sinks drop a repeat after a crash between send and record.
    pub key: String,
    /// The ticket it is about; `None` for an incident's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<TicketId>,
    pub event: NoticeEvent,
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

/// Writes notifications to the log (stderr): which ticket, to whom and its key at `info`; its
/// text, which quotes the user's words, only at `debug`. Logs are outside what `user forget`
/// can erase (`DATA_DIR/console.log`, journald): at the default level they hold no user's
/// words. The text is in `notifications.jsonl`, which forget rewrites, and on Discord: there
/// the bot deletes a removed ticket's staff card and private thread ([`NoticeEvent::Removed`],
/// queued by `user forget` and `tickets purge`); the DMs it sent the user stay in their DMs
/// (their ids are not recorded).
#[derive(Debug, Default)]
pub struct LogNotifier;

impl Notifier for LogNotifier {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            let to = match &n.audience {
                Audience::Staff => "staff".to_string(),
                Audience::User { user } => format!("user {}", user.id),
            };
            let about = n
                .ticket
                .map_or_else(|| "incident".to_string(), |t| t.to_string());
            tracing::info!(about = %about, to = %to, key = %n.key, "notification sent");
            tracing::debug!(key = %n.key, "{}", n.text);
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

impl FileNotifier {
    /// Removes the lines `which` picks, rewriting the file atomically (a temporary file renamed
    /// over it, so a crash leaves the old file or the new one, whole). Returns how many lines
    /// went; a missing file has none. Only the process holding the store delivers, so no append
    /// from elsewhere can be lost while the caller holds it.
    pub fn erase(&self, which: &Erase) -> std::io::Result<usize> {
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let Some(bytes) = self.read()? else {
            return Ok(0);
        };
        let (kept, removed) = split_off(&bytes, which);
        if removed > 0 {
            replace_file(&self.path, &kept)?;
        }
        Ok(removed)
    }

    /// How many lines [`FileNotifier::erase`] would remove, removing none (`--dry-run`).
    pub fn count_erasable(&self, which: &Erase) -> std::io::Result<usize> {
        let _guard = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        Ok(self.read()?.map_or(0, |bytes| split_off(&bytes, which).1))
    }

    /// The file's bytes, or `None` when there is no file yet.
    fn read(&self) -> std::io::Result<Option<Vec<u8>>> {
        match std::fs::read(&self.path) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The lines of `bytes` that `which` does not pick, and how many it picks.
fn split_off(bytes: &[u8], which: &Erase) -> (Vec<u8>, usize) {
    let mut kept = Vec::with_capacity(bytes.len());
    let mut removed = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let body = line.strip_suffix(b"\n").unwrap_or(line).trim_ascii();
        let picked = !body.is_empty()
            && match serde_json::from_slice::<Notification>(body) {
                Ok(n) => which.picks(&n),
                Err(_) => which.picks_damaged(&String::from_utf8_lossy(body)),
            };
        if picked {
            removed += 1;
        } else {
            kept.extend_from_slice(line);
        }
    }
    (kept, removed)
}

/// Which notification lines [`FileNotifier::erase`] removes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Erase<'a> {
    /// Every notification about these tickets.
    pub tickets: &'a [TicketId],
    /// Every notification to this user, or whose staff card names them (a ticket removed
    /// before its lines were).
    pub user: Option<&'a str>,
}

impl Erase<'_> {
    fn picks(&self, n: &Notification) -> bool {
        if n.ticket.is_some_and(|t| self.tickets.contains(&t)) {
            return true;
        }
        let Some(user) = self.user else {
            return false;
        };
        if matches!(&n.audience, Audience::User { user: u } if u.id == user) {
            return true;
        }
        // The card's User field ends with the id in code quotes (see `Summary::card`).
        let named = format!("(`{}`)", escape_markdown(user));
        n.card.as_ref().is_some_and(|c| {
            c.fields
                .iter()
                .any(|(k, v)| k == "User" && v.ends_with(&named))
        })
    }

    /// A line that is not a whole notification (an append cut short by a crash, and maybe the
    /// next one run into it): picked when it mentions one of the tickets or the user's id.
    fn picks_damaged(&self, line: &str) -> bool {
        let json = |s: &str| serde_json::to_string(s).unwrap_or_default();
        self.tickets
            .iter()
            .any(|t| line.contains(&format!("\"ticket\":{}", json(&t.to_string()))))
            || self
                .user
                .is_some_and(|u| line.contains(&format!("\"id\":{}", json(u))))
    }
}

/// Replaces `path` with `contents` atomically: written to a temporary file beside it (with the
/// same permissions), synced, renamed over it, and the directory synced.
fn replace_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    let tmp = path.with_file_name(name);
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.set_permissions(std::fs::metadata(path)?.permissions())?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // The rename is durable once the directory is; not every platform can open one to sync.
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

impl Notifier for FileNotifier {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            // The Discord bot's takedown of a removed ticket: nothing for the staff inbox, whose
            // lines of that ticket the removal already erased.
            if matches!(n.event, NoticeEvent::Removed { .. }) {
                return Ok(());
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn note(ticket: u64, to: Option<&str>) -> Notification {
        Notification {
            key: format!("T-{ticket}/{}", to.unwrap_or("staff")),
            ticket: Some(TicketId(ticket)),
            event: NoticeEvent::Created,
            audience: match to {
                Some(id) => Audience::User {
                    user: UserRef {
                        id: id.into(),
                        name: "N".into(),
                        channel: "c".into(),
                    },
                },
                None => Audience::Staff,
            },
            text: "words".into(),
            card: None,
            transcript: None,
        }
    }

    #[test]
    fn erase_removes_the_picked_lines_and_keeps_the_rest_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notifications.jsonl");
        let sink = FileNotifier::new(path.clone());
        // The staff card of a ticket already gone, naming Ann.
        let mut card = note(5, None);
        card.card = Some(Card {
            title: "T-0005".into(),
            description: String::new(),
            fields: vec![("User".into(), "Ann (`ann`)".into())],
            footer: String::new(),
        });
        for n in [note(1, None), note(2, Some("ann")), note(3, None), card] {
            sink.append(&n).unwrap();
        }
        let before = std::fs::read_to_string(&path).unwrap();
        // A crash cut an append short and the next one ran into it.
        let damaged = "{\"key\":\"T-4/staff\",\"ticket\":\"T-0004\",\"ev";
        std::fs::write(&path, format!("{before}{damaged}\n")).unwrap();

        let none = Erase {
            tickets: &[TicketId(9)],
            user: Some("bob"),
        };
        assert_eq!(sink.erase(&none).unwrap(), 0);
        let removed = sink
            .erase(&Erase {
                tickets: &[TicketId(1), TicketId(4)],
                user: Some("ann"),
            })
            .unwrap();
        assert_eq!(removed, 4);
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(after, before.lines().nth(2).unwrap().to_string() + "\n");
        assert!(!dir.path().join("notifications.jsonl.tmp").exists());
    }

    /// The Discord bot's takedown of a removed ticket is nothing for the staff inbox: the file
    /// and the log take it without error and keep nothing of it but, in the log, its key.
    #[tokio::test]
    async fn the_file_and_the_log_take_a_takedown_and_record_nothing_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notifications.jsonl");
        let n = removed(
            TicketId(42),
            DiscordPosts {
                channel: Some(1),
                card: Some(2),
                thread: Some(3),
            },
        );
        assert_eq!(n.key, "T-0042/removed");
        assert!(n.card.is_none() && n.transcript.is_none());
        let sinks = Fanout(vec![
            Box::new(LogNotifier),
            Box::new(FileNotifier::new(path.clone())),
        ]);
        sinks.deliver(&n).await.unwrap();
        assert!(!path.exists(), "nothing written");
    }

    #[test]
    fn erase_without_a_file_removes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let sink = FileNotifier::new(dir.path().join("notifications.jsonl"));
        let which = Erase {
            tickets: &[TicketId(1)],
            user: Some("ann"),
        };
        assert_eq!(sink.erase(&which).unwrap(), 0);
        assert!(!dir.path().join("notifications.jsonl").exists());
    }
}
