//! sled storage under DATA_DIR: sessions (and, later, tickets and the outbox); the only module
//! that touches sled.

use crate::escalation::notify::Notification;
use crate::escalation::stats::StatEvent;
use crate::escalation::ticket::{Status, Ticket, TicketError, TicketId};
use crate::session::Session;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const FORMAT_KEY: &[u8] = b"format";
const FORMAT: &[u8] = b"supportbot-store-1";

/// Opening or using the store failed. Display is written for the operator.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the data directory {dir} is in use by another supportbot process (sled allows one process per database){}.\n  \
         Stop the running bot first, or point this command at another directory with --data DIR (env DATA_DIR).",
        waited_note(.waited)
    )]
    Locked {
        dir: PathBuf,
        /// How long opening waited for the other process before giving up (zero: it did not).
        waited: Duration,
    },
    #[error(
        "the database in {dir} is damaged ({detail}).\n  \
         Move the directory away (its sessions and tickets will be lost) or restore it from a backup, then start again."
    )]
    Corrupt { dir: PathBuf, detail: String },
    #[error(
        "{dir} holds something that is not a supportbot database ({detail}).\n  \
         Point --data DIR (env DATA_DIR) at an empty or supportbot-owned directory."
    )]
    Foreign { dir: PathBuf, detail: String },
    #[error(
        "cannot use the data directory {dir}: {source}\n  Check that it exists and is writable, or choose another with --data DIR."
    )]
    Io {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("storage error in {dir}: {detail}")]
    Other { dir: PathBuf, detail: String },
}

fn waited_note(waited: &Duration) -> String {
    if waited.is_zero() {
        String::new()
    } else {
        format!("; waited {} for it", humantime::format_duration(*waited))
    }
}

/// How long one-shot commands wait for a database another process holds, by default: enough for
/// a few other one-shot commands to finish, short enough to give up soon on a running bot.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// A cheap-to-clone handle on the database.
#[derive(Clone, Debug)]
pub struct Store {
    db: sled::Db,
    sessions: sled::Tree,
    /// Counters: ticket and outbox sequence numbers.
    meta: sled::Tree,
    /// Ticket number (big-endian) -> full ticket JSON.
    tickets: sled::Tree,
    /// Ticket number -> compact [`TicketRow`] JSON, for fast listing.
    ticket_rows: sled::Tree,
    /// User id -> number of their open (not resolved) ticket.
    open_by_user: sled::Tree,
    /// Sequence (big-endian) -> [`OutboxItem`] JSON, delivered in order.
    outbox: sled::Tree,
    /// Notification key -> unix seconds of delivery.
    delivered: sled::Tree,
    /// Sequence -> [`StatEvent`] JSON.
    stats: sled::Tree,
    /// Small facts adapters remember (e.g. which Discord message shows which ticket).
    adapter: sled::Tree,
    dir: PathBuf,
}

/// A ticket's listing line, kept beside the full ticket so listing never parses summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketRow {
    pub id: TicketId,
    pub status: Status,
    pub user_id: String,
    pub user_name: String,
    pub subject: String,
    pub created_at: u64,
    pub updated_at: u64,
    pub claimed_by: Option<String>,
}

impl TicketRow {
    pub fn of(t: &Ticket) -> TicketRow {
        TicketRow {
            id: t.id,
            status: t.status,
            user_id: t.user.id.clone(),
            user_name: t.user.name.clone(),
            subject: match t.summary() {
                Some(s) if s.article.is_none() && s.kb_problem.is_some() => {
                    "No diagnosis (knowledge base unavailable)".into()
                }
                s => s
                    .and_then(|s| s.article.as_ref().map(|(_, title)| title.clone()))
                    .unwrap_or_else(|| "No matching article".into()),
            },
            created_at: t.created_at,
            updated_at: t.updated_at,
            claimed_by: t.claimed_by().map(str::to_string),
        }
    }
}

/// A notification waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub seq: u64,
    pub notification: Notification,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub created_at: u64,
}

/// Why a ticket operation failed: the lifecycle said no, or storage failed.
#[derive(Debug, thiserror::Error)]
pub enum TicketOpError {
    #[error(transparent)]
    Ticket(#[from] TicketError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What `create_or_append` did.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalated {
    pub ticket: Ticket,
    /// False when the summary was added to the user's open ticket.
    pub created: bool,
}

fn be(n: u64) -> [u8; 8] {
    n.to_be_bytes()
}

fn from_be(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = bytes.len().min(8);
    b[8 - n..].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(b)
}

fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    // Serialising our own plain data types cannot fail (no maps with non-string keys).
    serde_json::to_vec(v).expect("plain data serialises")
}

type TxResult<T> = Result<T, ConflictableTransactionError<TicketError>>;

impl Store {
    /// Like [`Store::open`], but while another process holds the database it retries, with
    /// short sleeps, for up to `wait` before giving up with [`StoreError::Locked`]. One-shot
    /// commands started together (a web form escalating for several users) so take turns
    /// instead of failing; a running bot still refuses them, after the wait.
    pub fn open_waiting(dir: &Path, wait: Duration) -> Result<Store, StoreError> {
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(10);
        loop {
            match Store::open(dir) {
                Err(StoreError::Locked { dir, .. }) => {
                    let left = deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(StoreError::Locked { dir, waited: wait });
                    }
                    std::thread::sleep(pause.min(left));
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    /// Opens (creating if needed) the store in `dir/supportbot.db`; fails at once with
    /// [`StoreError::Locked`] while another process holds it.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            dir: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join("supportbot.db");
        // Held until this function returns, when sled holds its own lock.
        let _opening = open_lock(dir, &path)?;
        if path.exists() && !path.is_dir() {
            return Err(StoreError::Foreign {
                dir: path,
                detail: "a file where a database directory was expected".into(),
            });
        }
        if path.is_dir()
            && !path.join("conf").exists()
            && std::fs::read_dir(&path)
                .map(|mut d| d.next().is_some())
                .unwrap_or(false)
        {
            return Err(StoreError::Foreign {
                dir: path,
                detail: "a non-empty directory without a sled `conf` file".into(),
            });
        }
        clear_incomplete_snapshots(&path)?;
        let db = sled::Config::new()
            .path(&path)
            .open()
            .map_err(|e| classify(&path, e))?;
        match db.get(FORMAT_KEY).map_err(|e| classify(&path, e))? {
            Some(v) if v.as_ref() == FORMAT => {}
            Some(v) => {
                return Err(StoreError::Foreign {
                    dir: path,
                    detail: format!("format marker `{}`", String::from_utf8_lossy(&v)),
                });
            }
            None => {
                if db.tree_names().len() > 1 || !db.is_empty() {
                    return Err(StoreError::Foreign {
                        dir: path,
                        detail: "a sled database without supportbot's format marker".into(),
                    });
                }
                db.insert(FORMAT_KEY, FORMAT)
                    .map_err(|e| classify(&path, e))?;
                db.flush().map_err(|e| classify(&path, e))?;
            }
        }
        let tree = |name: &str| db.open_tree(name).map_err(|e| classify(&path, e));
        Ok(Store {
            sessions: tree("sessions")?,
            meta: tree("meta")?,
            tickets: tree("tickets")?,
            ticket_rows: tree("ticket_rows")?,
            open_by_user: tree("open_by_user")?,
            outbox: tree("outbox")?,
            delivered: tree("delivered")?,
            stats: tree("stats")?,
            adapter: tree("adapter")?,
            db,
            dir: path,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn error(&self, e: sled::Error) -> StoreError {
        classify(&self.dir, e)
    }

    pub fn load_session(&self, user_id: &str) -> Result<Option<Session>, StoreError> {
        let Some(bytes) = self.sessions.get(user_id).map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        match serde_json::from_slice(&bytes) {
            Ok(s) => Ok(Some(s)),
            Err(e) => {
                // A session written by an incompatible version: start the user afresh rather
                // than failing every message they send.
                tracing::warn!(user = user_id, error = %e, "unreadable session discarded");
                Ok(None)
            }
        }
    }

    pub fn save_session(&self, session: &Session) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(session).map_err(|e| StoreError::Other {
            dir: self.dir.clone(),
            detail: e.to_string(),
        })?;
        self.sessions
            .insert(session.user.id.as_bytes(), bytes)
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    pub fn delete_session(&self, user_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .sessions
            .remove(user_id)
            .map_err(|e| self.error(e))?
            .is_some())
    }

    fn tx_error(&self, e: TransactionError<TicketError>) -> TicketOpError {
        match e {
            TransactionError::Abort(t) => TicketOpError::Ticket(t),
            TransactionError::Storage(e) => TicketOpError::Store(self.error(e)),
        }
    }

    /// Creates a ticket for the summary's user, or adds the summary to their open ticket, and
    /// queues the notifications `notify` builds for it, in one transaction, flushed to disk
    /// before returning: once this returns Ok the ticket exists and will be delivered.
    pub fn create_or_append(
        &self,
        summary: crate::escalation::summary::Summary,
        now: u64,
        notify: &dyn Fn(&Ticket, bool) -> Vec<Notification>,
    ) -> Result<Escalated, TicketOpError> {
        let user = summary.user.id.clone();
        let trees = (
            &self.meta,
            &self.tickets,
            &self.ticket_rows,
            &self.open_by_user,
            &self.outbox,
        );
        let result = trees
            .transaction(
                |(meta, tickets, rows, open, outbox)| -> TxResult<Escalated> {
                    let existing = match open.get(user.as_bytes())? {
                        Some(n) => tickets
                            .get(n)?
                            .and_then(|b| serde_json::from_slice::<Ticket>(&b).ok()),
                        None => None,
                    };
                    let (ticket, created) = match existing {
                        Some(mut t) if t.status != Status::Resolved => {
                            t.summaries.push(summary.clone());
                            t.updated_at = now;
                            (t, false)
                        }
                        _ => {
                            let n = meta.get(b"ticket_seq")?.map(|v| from_be(&v)).unwrap_or(0) + 1;
                            meta.insert(b"ticket_seq", &be(n))?;
                            (Ticket::new(TicketId(n), summary.clone(), now), true)
                        }
                    };
                    let key = be(ticket.id.0);
                    tickets.insert(&key, to_json(&ticket))?;
                    rows.insert(&key, to_json(&TicketRow::of(&ticket)))?;
                    open.insert(user.as_bytes(), &key)?;
                    enqueue(meta, outbox, notify(&ticket, created), now)?;
                    Ok(Escalated { ticket, created })
                },
            )
            .map_err(|e| self.tx_error(e))?;
        self.flush()?;
        Ok(result)
    }

    /// Applies a lifecycle step to a ticket and queues its notifications, atomically and durably.
    pub fn update_ticket(
        &self,
        id: TicketId,
        now: u64,
        step: &dyn Fn(&mut Ticket) -> Result<Vec<Notification>, TicketError>,
    ) -> Result<Ticket, TicketOpError> {
        let trees = (
            &self.meta,
            &self.tickets,
            &self.ticket_rows,
            &self.open_by_user,
            &self.outbox,
        );
        let ticket = trees
            .transaction(|(meta, tickets, rows, open, outbox)| -> TxResult<Ticket> {
                let key = be(id.0);
                let Some(bytes) = tickets.get(key)? else {
                    return Err(ConflictableTransactionError::Abort(TicketError::NotFound(
                        id,
                    )));
                };
                let mut t: Ticket = serde_json::from_slice(&bytes)
                    .map_err(|_| ConflictableTransactionError::Abort(TicketError::NotFound(id)))?;
                let was_resolved = t.status == Status::Resolved;
                let notes = step(&mut t).map_err(ConflictableTransactionError::Abort)?;
                tickets.insert(&key, to_json(&t))?;
                rows.insert(&key, to_json(&TicketRow::of(&t)))?;
                let user = t.user.id.as_bytes();
                match t.status {
                    Status::Resolved => {
                        if open.get(user)?.is_some_and(|v| from_be(&v) == id.0) {
                            open.remove(user)?;
                        }
                    }
                    _ => {
                        // One open ticket per user: a ticket coming back from resolved may not
                        // join another open one (an entry naming a resolved or missing ticket
                        // is stale and replaced).
                        let other = match open.get(user)? {
                            Some(v) if from_be(&v) != id.0 => tickets
                                .get(v)?
                                .and_then(|b| serde_json::from_slice::<Ticket>(&b).ok())
                                .filter(|o| o.status != Status::Resolved),
                            _ => None,
                        };
                        match other {
                            Some(o) if was_resolved => {
                                return Err(ConflictableTransactionError::Abort(
                                    TicketError::UserHasOpen {
                                        id,
                                        user: t.user.name.clone(),
                                        other: o.id,
                                    },
                                ));
                            }
                            Some(_) => {}
                            None => {
                                open.insert(user, &key)?;
                            }
                        }
                    }
                }
                enqueue(meta, outbox, notes, now)?;
                Ok(t)
            })
            .map_err(|e| self.tx_error(e))?;
        self.flush()?;
        Ok(ticket)
    }

    pub fn ticket(&self, id: TicketId) -> Result<Option<Ticket>, StoreError> {
        let Some(bytes) = self.tickets.get(be(id.0)).map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Other {
                dir: self.dir.clone(),
                detail: format!("ticket {id} is unreadable: {e}"),
            })
    }

    /// The user's open ticket, if any.
    pub fn open_ticket_of(&self, user_id: &str) -> Result<Option<TicketId>, StoreError> {
        Ok(self
            .open_by_user
            .get(user_id)
            .map_err(|e| self.error(e))?
            .map(|v| TicketId(from_be(&v))))
    }

    /// Listing rows, newest first, optionally of one status.
    pub fn ticket_rows(&self, status: Option<Status>) -> Result<Vec<TicketRow>, StoreError> {
        let mut rows = Vec::new();
        for r in self.ticket_rows.iter().rev() {
            let (_, v) = r.map_err(|e| self.error(e))?;
            if let Ok(row) = serde_json::from_slice::<TicketRow>(&v)
                && status.is_none_or(|s| row.status == s)
            {
                rows.push(row);
            }
        }
        Ok(rows)
    }

    /// All tickets (for stats).
    pub fn tickets(&self) -> impl Iterator<Item = Ticket> + '_ {
        self.tickets
            .iter()
            .filter_map(|r| r.ok().and_then(|(_, v)| serde_json::from_slice(&v).ok()))
    }

    /// The oldest undelivered notification.
    pub fn outbox_head(&self) -> Result<Option<OutboxItem>, StoreError> {
        let Some((_, v)) = self.outbox.first().map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        serde_json::from_slice(&v)
            .map(Some)
            .map_err(|e| StoreError::Other {
                dir: self.dir.clone(),
                detail: format!("unreadable outbox item: {e}"),
            })
    }

    pub fn outbox_len(&self) -> usize {
        self.outbox.len()
    }

    /// Was this notification key delivered already (a crash between send and record)?
    pub fn was_delivered(&self, key: &str) -> Result<bool, StoreError> {
        self.delivered.contains_key(key).map_err(|e| self.error(e))
    }

    /// Records a delivery and removes the item, durably.
    pub fn outbox_delivered(&self, item: &OutboxItem, now: u64) -> Result<(), StoreError> {
        (&self.outbox, &self.delivered)
            .transaction(|(outbox, delivered)| {
                outbox.remove(&be(item.seq))?;
                delivered.insert(item.notification.key.as_bytes(), &be(now))?;
                Ok::<_, ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => self.error(e),
                TransactionError::Abort(()) => StoreError::Other {
                    dir: self.dir.clone(),
                    detail: "aborted".into(),
                },
            })?;
        self.flush()
    }

    /// Records a failed attempt.
    pub fn outbox_failed(&self, item: &OutboxItem, error: &str) -> Result<(), StoreError> {
        let mut next = item.clone();
        next.attempts += 1;
        next.last_error = Some(error.to_string());
        // Only update if still queued (never resurrect a delivered item).
        let _ = self
            .outbox
            .compare_and_swap(be(item.seq), Some(to_json(item)), Some(to_json(&next)))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    pub fn record_stat(&self, event: &StatEvent) -> Result<(), StoreError> {
        let id = self.db.generate_id().map_err(|e| self.error(e))?;
        self.stats
            .insert(be(id), to_json(event))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    pub fn stat_events(&self) -> impl Iterator<Item = StatEvent> + '_ {
        self.stats
            .iter()
            .filter_map(|r| r.ok().and_then(|(_, v)| serde_json::from_slice(&v).ok()))
    }

    /// The tickets `purge_resolved(cutoff)` removes: resolved before `cutoff`.
    pub fn resolved_before(&self, cutoff: u64) -> Vec<TicketId> {
        self.tickets()
            .filter(|t| resolved_before(t, cutoff))
            .map(|t| t.id)
            .collect()
    }

    /// Removes resolved tickets resolved before `cutoff` and the sessions of their users that
    /// have not changed since. Returns (tickets, sessions) removed.
    pub fn purge_resolved(&self, cutoff: u64) -> Result<(usize, usize), StoreError> {
        let mut tickets = 0;
        let mut sessions = 0;
        let old: Vec<Ticket> = self
            .tickets()
            .filter(|t| resolved_before(t, cutoff))
            .collect();
        let purged: Vec<TicketId> = old.iter().map(|t| t.id).collect();
        // Notifications still queued about them go too, or delivering the queue would write
        // the purged text straight back to notifications.jsonl.
        self.remove_queued(|item| Ok(purged.contains(&item.notification.ticket)))?;
        for t in old {
            let key = be(t.id.0);
            self.tickets.remove(key).map_err(|e| self.error(e))?;
            self.ticket_rows.remove(key).map_err(|e| self.error(e))?;
            tickets += 1;
            if let Some(s) = self.load_session(&t.user.id)?
                && s.updated_at < cutoff
                && self.delete_session(&t.user.id)?
            {
                sessions += 1;
            }
        }
        self.flush()?;
        Ok((tickets, sessions))
    }

    /// Removes the queued notifications `doomed` picks (unreadable entries are left alone).
    fn remove_queued(
        &self,
        mut doomed: impl FnMut(&OutboxItem) -> Result<bool, StoreError>,
    ) -> Result<(), StoreError> {
        for r in self.outbox.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            if let Ok(item) = serde_json::from_slice::<OutboxItem>(&v)
                && doomed(&item)?
            {
                self.outbox.remove(k).map_err(|e| self.error(e))?;
            }
        }
        Ok(())
    }

    /// The tickets of one user (what `forget_user` removes).
    pub fn tickets_of(&self, user_id: &str) -> Vec<TicketId> {
        self.tickets()
            .filter(|t| t.user.id == user_id)
            .map(|t| t.id)
            .collect()
    }

    /// Removes everything about one user: session, tickets, queued notifications, and their id
    /// in stats. Returns (sessions, tickets) removed.
    pub fn forget_user(&self, user_id: &str) -> Result<(usize, usize), StoreError> {
        let sessions = usize::from(self.delete_session(user_id)?);
        let theirs = self.tickets_of(user_id);
        for id in &theirs {
            self.tickets.remove(be(id.0)).map_err(|e| self.error(e))?;
            self.ticket_rows
                .remove(be(id.0))
                .map_err(|e| self.error(e))?;
        }
        self.open_by_user
            .remove(user_id)
            .map_err(|e| self.error(e))?;
        // Queued notifications about or to them go too.
        self.remove_queued(|item| {
            let about = match &item.notification.audience {
                crate::escalation::notify::Audience::User { user } => user.id == user_id,
                _ => false,
            };
            // Staff notes about their tickets too (a resolve note may quote them), and
            // cards of tickets already gone.
            Ok(about
                || theirs.contains(&item.notification.ticket)
                || item.notification.card.is_some()
                    && self.ticket(item.notification.ticket)?.is_none())
        })?;
        for r in self.stats.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            if let Ok(mut ev) = serde_json::from_slice::<StatEvent>(&v)
                && ev.user == user_id
            {
                ev.user = "forgotten".into();
                self.stats
                    .insert(k, to_json(&ev))
                    .map_err(|e| self.error(e))?;
            }
        }
        self.flush()?;
        Ok((sessions, theirs.len()))
    }

    /// A fact an adapter remembered under `key`.
    pub fn adapter_get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .adapter
            .get(key)
            .map_err(|e| self.error(e))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Remembers a fact for an adapter, durably.
    pub fn adapter_set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.adapter
            .insert(key, value.as_bytes())
            .map_err(|e| self.error(e))?;
        self.flush()
    }

    /// Writes everything to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map(|_| ()).map_err(|e| self.error(e))
    }
}

fn resolved_before(t: &Ticket, cutoff: u64) -> bool {
    t.resolved_at().is_some_and(|at| at < cutoff)
}

/// Serialises opening between processes: the checks in [`Store::open`] and sled's start must not
/// interleave with another process creating the same database, which looks foreign while half
/// created (a directory without `conf`). Taken on `dir/supportbot.lock` and held only while
/// opening; sled's lock on `supportbot.db/db` guards the database after that. `db` names the
/// database in the error.
fn open_lock(dir: &Path, db: &Path) -> Result<std::fs::File, StoreError> {
    let io = |source| StoreError::Io {
        dir: dir.to_path_buf(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join("supportbot.lock"))
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            dir: db.to_path_buf(),
            waited: Duration::ZERO,
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

/// sled 0.34 writes a snapshot to `snap.<lsn>.generating` and renames it when complete, but on
/// opening it also considers `.generating` files, so a process killed while writing one leaves a
/// database that refuses to open ("corrupted data", sled issue #1527). A `.generating` file is by
/// construction incomplete; removing it is safe once no process holds the database, which we
/// make sure of by taking the same lock sled takes before touching anything.
fn clear_incomplete_snapshots(path: &Path) -> Result<usize, StoreError> {
    let lock_file = path.join("db");
    if !lock_file.is_file() {
        return Ok(0);
    }
    let io = |source| StoreError::Io {
        dir: path.to_path_buf(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&lock_file)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(StoreError::Locked {
                dir: path.to_path_buf(),
                waited: Duration::ZERO,
            });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    let mut removed = 0;
    for entry in std::fs::read_dir(path).map_err(io)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            std::fs::remove_file(entry.path()).map_err(io)?;
            tracing::warn!(file = %name, "removed an incomplete snapshot left by a crash");
            removed += 1;
        }
    }
    // Dropping the file releases the lock for sled.
    drop(file);
    Ok(removed)
}

/// Appends notifications to the outbox inside a transaction.
fn enqueue(
    meta: &sled::transaction::TransactionalTree,
    outbox: &sled::transaction::TransactionalTree,
    notes: Vec<Notification>,
    now: u64,
) -> TxResult<()> {
    for notification in notes {
        let seq = meta.get(b"outbox_seq")?.map(|v| from_be(&v)).unwrap_or(0) + 1;
        meta.insert(b"outbox_seq", &be(seq))?;
        let item = OutboxItem {
            seq,
            notification,
            attempts: 0,
            last_error: None,
            created_at: now,
        };
        outbox.insert(&be(seq), to_json(&item))?;
    }
    Ok(())
}

fn classify(dir: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) => {
            let text = io.to_string();
            if io.kind() == std::io::ErrorKind::WouldBlock
                || text.contains("lock")
                || text.contains("temporarily unavailable")
            {
                StoreError::Locked {
                    dir: dir.to_path_buf(),
                    waited: Duration::ZERO,
                }
            } else {
                StoreError::Io {
                    dir: dir.to_path_buf(),
                    source: io,
                }
            }
        }
        sled::Error::Corruption { .. } => StoreError::Corrupt {
            dir: dir.to_path_buf(),
            detail: e.to_string(),
        },
        sled::Error::Unsupported(d) => StoreError::Foreign {
            dir: dir.to_path_buf(),
            detail: d,
        },
        other => StoreError::Other {
            dir: dir.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::UserRef;

    #[test]
    fn sessions_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let user = UserRef {
            id: "u1".into(),
            name: "Ann".into(),
            channel: "console".into(),
        };
        {
            let store = Store::open(dir.path()).unwrap();
            let mut s = Session::new(user.clone(), 10);
            s.descriptions.push("502".into());
            store.save_session(&s).unwrap();
            store.flush().unwrap();
        }
        // sled's background threads may hold the old handle a moment after the drop.
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5)).unwrap();
        let s = store.load_session("u1").unwrap().unwrap();
        assert_eq!(s.descriptions, vec!["502"]);
    }

    #[test]
    fn opening_waits_for_a_database_that_is_released_soon() {
        let dir = tempfile::tempdir().unwrap();
        let held = Store::open(dir.path()).unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(held);
        });
        let store = Store::open_waiting(dir.path(), Duration::from_secs(10))
            .expect("opens once the other holder lets go");
        release.join().unwrap();
        assert!(store.load_session("u").unwrap().is_none());
    }

    #[test]
    fn opening_gives_up_after_the_wait_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let _held = Store::open(dir.path()).unwrap();
        let started = Instant::now();
        let err = Store::open_waiting(dir.path(), Duration::from_millis(300)).unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(300));
        assert!(
            matches!(err, StoreError::Locked { waited, .. } if waited == Duration::from_millis(300)),
            "{err}"
        );
        let msg = err.to_string();
        assert!(
            msg.contains("waited 300ms") && msg.contains("--data"),
            "{msg}"
        );
    }

    #[test]
    fn foreign_directory_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("supportbot.db")).unwrap();
        std::fs::write(dir.path().join("supportbot.db/notes.txt"), "hello").unwrap();
        let err = Store::open(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        assert!(err.to_string().contains("--data"));
    }

    #[test]
    fn an_incomplete_snapshot_left_by_a_crash_does_not_block_opening() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            let user = UserRef {
                id: "u".into(),
                name: "n".into(),
                channel: "c".into(),
            };
            store.save_session(&Session::new(user, 1)).unwrap();
            store.flush().unwrap();
        }
        // What a SIGKILL during snapshot writing leaves behind: a partial `.generating` file.
        let partial = dir
            .path()
            .join("supportbot.db/snap.00000000000FFFFF.generating");
        std::fs::write(&partial, b"partial").unwrap();
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5))
            .expect("opens despite the partial snapshot");
        assert!(store.load_session("u").unwrap().is_some());
        assert!(!partial.exists());
    }

    #[test]
    fn corrupted_database_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .save_session(&Session::new(
                    UserRef {
                        id: "u".into(),
                        name: "n".into(),
                        channel: "c".into(),
                    },
                    1,
                ))
                .unwrap();
            store.flush().unwrap();
        }
        let db = dir.path().join("supportbot.db");
        for entry in std::fs::read_dir(&db).unwrap().flatten() {
            let p = entry.path();
            if p.is_file() {
                std::fs::write(&p, vec![0xFFu8; 4096]).unwrap();
            }
        }
        match Store::open(dir.path()) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok(store) => {
                // sled may rebuild from a blank log; then the data is gone but nothing panicked.
                let _ = store.load_session("u");
            }
        }
    }
}
