//! sled storage under DATA_DIR; the only module that touches sled. Persistence only: the rules
//! (one open ticket per user, subjects, the lifecycle) are `escalation`'s pure functions, called
//! inside the store's transactions.
//!
//! One file per table: [`sessions`](Store::load_session), tickets, the outbox, stats, adapter
//! facts, incidents and check history, and privacy (purge and forget); opening and repair in `open.rs`, the row codec and its
//! policy for unreadable rows in `codec.rs`.

mod adapter;
mod codec;
mod crowd;
mod error;
mod incidents;
mod open;
mod outbox;
mod privacy;
mod rewrite;
mod sessions;
mod stats;
mod tickets;

pub use adapter::discord_keys;
pub use error::StoreError;
pub use incidents::IncidentUser;
pub use outbox::{BOT_TRANSPORT, OutboxItem};
pub use privacy::Forgotten;
pub use rewrite::rewrite;
pub use tickets::{Escalated, TicketOpError, TicketRow};

use error::classify;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long one-shot commands wait for a database another process holds, by default: enough for
/// a few other one-shot commands to finish, short enough to give up soon on a running bot.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// The database's folder inside the data directory.
pub const DB_DIR: &str = "supportbot.db";

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
    /// Incident id (`I-0003`), 0, ticket number (big-endian) -> nothing: the tickets ever
    /// linked to an incident, so its linked tickets are found without reading every ticket
    /// (see [`Store::tickets_linked_to`]).
    incident_tickets: sled::Tree,
    /// User id -> number of their open (not resolved) ticket.
    open_by_user: sled::Tree,
    /// Sequence (big-endian) -> [`OutboxItem`] JSON, delivered in order.
    outbox: sled::Tree,
    /// Outbox rows that could not be read (written by another version of supportbot), set
    /// aside so the rest are delivered; kept for an operator to look at.
    outbox_unreadable: sled::Tree,
    /// Notification key -> unix seconds of delivery.
    delivered: sled::Tree,
    /// Sequence -> `StatEvent` JSON.
    stats: sled::Tree,
    /// Ticket number -> [`TicketFigures`](crate::escalation::stats::TicketFigures) JSON: what
    /// `stats` counts of a ticket purged or forgotten, kept without its user.
    ticket_stats: sled::Tree,
    /// Small facts adapters remember (e.g. which Discord message shows which ticket).
    adapter: sled::Tree,
    /// Incident number -> incident JSON.
    incidents: sled::Tree,
    /// Target, 0, time, sequence -> check record JSON.
    history: sled::Tree,
    /// Incident number, user id -> what they were told ([`IncidentUser`]).
    incident_users: sled::Tree,
    /// Article id, 0, user id -> when they last landed on it (the crowd signal's window).
    crowd: sled::Tree,
    /// The open and monitoring incidents, read once and kept until an incident is written:
    /// every user event asks for them, and the incidents table only grows. Sound because one
    /// process at a time opens a database.
    active_incidents: std::sync::Arc<std::sync::Mutex<Option<Vec<crate::incident::Incident>>>>,
    /// Added to sled's generated ids (see [`Store::next_id`]).
    id_floor: u64,
    dir: PathBuf,
}

impl Store {
    /// Like [`Store::open`], but while another process holds the database it retries, with
    /// short sleeps, for up to `wait` before giving up with [`StoreError::Locked`]. One-shot
    /// commands started together (a web form escalating for several users) so take turns
    /// instead of failing; a running bot still refuses them, after the wait.
    pub fn open_waiting(dir: &Path, wait: Duration) -> Result<Store, StoreError> {
        let deadline = crate::clock::deadline_after(wait);
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
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::NotADirectory {
                dir: dir.to_path_buf(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|cause| StoreError::Io {
            dir: dir.to_path_buf(),
            cause,
        })?;
        let path = dir.join(DB_DIR);
        // Held until this function returns, when sled holds its own lock.
        let _opening = open::open_lock(dir, &path)?;
        rewrite::recover_on_open(&path)?;
        open::refuse_foreign_path(&path)?;
        open::clear_incomplete_snapshots(&path)?;
        let db = sled::Config::new()
            .path(&path)
            .open()
            .map_err(|e| classify(&path, e))?;
        open::check_format(&db, &path)?;
        open::check_high_water(&db, &path)?;
        let tree = |name: &str| db.open_tree(name).map_err(|e| classify(&path, e));
        let meta = tree("meta")?;
        let id_floor = meta
            .get(rewrite::ID_FLOOR_KEY)
            .map_err(|e| classify(&path, e))?
            .map_or(0, |v| codec::from_be(&v));
        let store = Store {
            sessions: tree("sessions")?,
            meta,
            id_floor,
            tickets: tree("tickets")?,
            ticket_rows: tree("ticket_rows")?,
            incident_tickets: tree("incident_tickets")?,
            open_by_user: tree("open_by_user")?,
            outbox: tree("outbox")?,
            outbox_unreadable: tree("outbox_unreadable")?,
            delivered: tree("delivered")?,
            stats: tree("stats")?,
            ticket_stats: tree("ticket_stats")?,
            adapter: tree("adapter")?,
            incidents: tree("incidents")?,
            history: tree("history")?,
            incident_users: tree("incident_users")?,
            crowd: tree("crowd")?,
            active_incidents: Default::default(),
            db,
            dir: path,
        };
        store.index_incident_links()?;
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn error(&self, e: sled::Error) -> StoreError {
        classify(&self.dir, e)
    }

    /// A row that does not decode, as the operator sees it.
    fn unreadable(&self, detail: String) -> StoreError {
        StoreError::Other {
            dir: self.dir.clone(),
            detail,
        }
    }

    /// A new id, greater than every id handed out before, also across [`rewrite`]s (a fresh sled
    /// database starts its generated ids again at 0; the rewrite records where they were).
    fn next_id(&self) -> Result<u64, StoreError> {
        let id = self.db.generate_id().map_err(|e| self.error(e))?;
        Ok(self.id_floor.saturating_add(id))
    }

    /// Writes everything to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map(|_| ()).map_err(|e| self.error(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Session, UserRef};

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
        // Waiting: sled's background threads let go of the lock a moment after the drop, and
        // "locked" is not what this test is about.
        match Store::open_waiting(dir.path(), Duration::from_secs(5)) {
            Err(e) => assert!(!e.to_string().is_empty()),
            Ok(store) => {
                // sled may rebuild from a blank log; then the data is gone but nothing panicked.
                let _ = store.load_session("u");
            }
        }
    }
}
