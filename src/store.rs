//! sled storage under DATA_DIR: sessions (and, later, tickets and the outbox); the only module
//! that touches sled.

use crate::session::Session;
use std::path::{Path, PathBuf};

const FORMAT_KEY: &[u8] = b"format";
const FORMAT: &[u8] = b"supportbot-store-1";

/// Opening or using the store failed. Display is written for the operator.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the data directory {dir} is in use by another supportbot process (sled allows one process per database).\n  \
         Stop the running bot first, or point this command at another directory with --data DIR (env DATA_DIR)."
    )]
    Locked { dir: PathBuf },
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

/// A cheap-to-clone handle on the database.
#[derive(Clone, Debug)]
pub struct Store {
    db: sled::Db,
    sessions: sled::Tree,
    dir: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store in `dir/supportbot.db`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            dir: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join("supportbot.db");
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
        let sessions = db.open_tree("sessions").map_err(|e| classify(&path, e))?;
        Ok(Store {
            db,
            sessions,
            dir: path,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn db(&self) -> &sled::Db {
        &self.db
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

    /// All sessions (for purges and stats).
    pub fn sessions(&self) -> impl Iterator<Item = Result<Session, StoreError>> + '_ {
        self.sessions.iter().filter_map(move |r| match r {
            Ok((_, v)) => serde_json::from_slice(&v).ok().map(Ok),
            Err(e) => Some(Err(self.error(e))),
        })
    }

    /// Writes everything to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map(|_| ()).map_err(|e| self.error(e))
    }
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
        let store = Store::open(dir.path()).unwrap();
        let s = store.load_session("u1").unwrap().unwrap();
        assert_eq!(s.descriptions, vec!["502"]);
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
