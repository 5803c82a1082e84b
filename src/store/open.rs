//! Opening a database safely: one process at a time, a format marker that refuses foreign
//! data, and the repair of what a crash can leave behind.

use super::error::{StoreError, classify};
use std::path::Path;
use std::time::Duration;

const FORMAT_KEY: &[u8] = b"format";
const FORMAT: &[u8] = b"supportbot-store-1";

/// Refuses what is not a supportbot database before sled touches it: a file, or a non-empty
/// directory without sled's `conf`.
pub(super) fn refuse_foreign_path(path: &Path) -> Result<(), StoreError> {
    if path.exists() && !path.is_dir() {
        return Err(StoreError::Foreign {
            dir: path.to_path_buf(),
            detail: "a file where a database directory was expected".into(),
        });
    }
    if path.is_dir()
        && !path.join("conf").exists()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        return Err(StoreError::Foreign {
            dir: path.to_path_buf(),
            detail: "a non-empty directory without a sled `conf` file".into(),
        });
    }
    Ok(())
}

/// Checks supportbot's format marker, writing it into a new, empty database.
pub(super) fn check_format(db: &sled::Db, path: &Path) -> Result<(), StoreError> {
    match db.get(FORMAT_KEY).map_err(|e| classify(path, e))? {
        Some(v) if v.as_ref() == FORMAT => Ok(()),
        Some(v) => Err(StoreError::Foreign {
            dir: path.to_path_buf(),
            detail: format!("format marker `{}`", String::from_utf8_lossy(&v)),
        }),
        None => {
            if db.tree_names().len() > 1 || !db.is_empty() {
                return Err(StoreError::Foreign {
                    dir: path.to_path_buf(),
                    detail: "a sled database without supportbot's format marker".into(),
                });
            }
            db.insert(FORMAT_KEY, FORMAT)
                .map_err(|e| classify(path, e))?;
            db.flush().map_err(|e| classify(path, e))?;
            Ok(())
        }
    }
}

/// Serialises opening between processes: the checks in [`Store::open`] and sled's start must not
/// interleave with another process creating the same database, which looks foreign while half
/// created (a directory without `conf`). Taken on `dir/supportbot.lock` and held only while
/// opening; sled's lock on `supportbot.db/db` guards the database after that. `db` names the
/// database in the error.
pub(super) fn open_lock(dir: &Path, db: &Path) -> Result<std::fs::File, StoreError> {
    let io = |cause| StoreError::Io {
        dir: dir.to_path_buf(),
        cause,
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
pub(super) fn clear_incomplete_snapshots(path: &Path) -> Result<usize, StoreError> {
    let Some(file) = sled_lock(path)? else {
        return Ok(0);
    };
    let io = |cause| StoreError::Io {
        dir: path.to_path_buf(),
        cause,
    };
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

/// Takes the lock sled takes on `path/db`, proving no handle (in this process or another) has
/// the database open; [`StoreError::Locked`] while one does. `None` when there is no database
/// file yet. Dropping the file releases the lock.
pub(super) fn sled_lock(path: &Path) -> Result<Option<std::fs::File>, StoreError> {
    let lock_file = path.join("db");
    if !lock_file.is_file() {
        return Ok(None);
    }
    let io = |cause| StoreError::Io {
        dir: path.to_path_buf(),
        cause,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&lock_file)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            dir: path.to_path_buf(),
            waited: Duration::ZERO,
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

/// The file beside the database that remembers the highest ticket number handed out.
pub(super) const HIGH_WATER_FILE: &str = "ticket-high-water";

/// Refuses a database that knows fewer tickets than the data directory has handed out (sled
/// opened a damaged or replaced database as empty): new tickets would reuse old ids.
pub(super) fn check_high_water(db: &sled::Db, path: &Path) -> Result<(), StoreError> {
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    let mark = dir.join(HIGH_WATER_FILE);
    let Ok(text) = std::fs::read_to_string(&mark) else {
        return Ok(());
    };
    let Ok(seen) = text.trim().parse::<u64>() else {
        tracing::warn!(file = %mark.display(), "unreadable ticket high-water mark ignored");
        return Ok(());
    };
    let meta = db.open_tree("meta").map_err(|e| classify(path, e))?;
    let known = meta
        .get(b"ticket_seq")
        .map_err(|e| classify(path, e))?
        .map_or(0, |v| super::codec::from_be(&v));
    if known < seen {
        return Err(StoreError::BehindHighWater {
            dir: path.to_path_buf(),
            mark,
            known,
            seen,
        });
    }
    Ok(())
}

/// Records `n` as the highest ticket number handed out (write then rename, so a crash leaves the
/// old mark or the new one).
pub(super) fn raise_high_water(path: &Path, n: u64) -> std::io::Result<()> {
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    let mark = dir.join(HIGH_WATER_FILE);
    let current = std::fs::read_to_string(&mark)
        .ok()
        .and_then(|t| t.trim().parse::<u64>().ok())
        .unwrap_or(0);
    if n <= current {
        return Ok(());
    }
    let tmp = dir.join(format!("{HIGH_WATER_FILE}.tmp"));
    std::fs::write(&tmp, format!("{n}\n"))?;
    std::fs::rename(&tmp, &mark)
}
