//! Rewriting the database into a fresh directory, so that removed values are gone from disk.
//!
//! sled is log-structured: a removed value stays in its segment files until sled happens to
//! rewrite them, so after `user forget` a user's words could still be read from
//! `supportbot.db/db`. [`rewrite`] copies every tree's live keys and values into
//! `supportbot.db.rewrite`, flushes and verifies the copy (same trees, same counts, same
//! checksum), then swaps it in: `supportbot.db` -> `supportbot.db.old`, `.rewrite` ->
//! `supportbot.db`, then deletes `.old`. [`recover`], run on every opening, resolves what a crash
//! between those steps leaves behind, never losing the live database:
//!
//! | left behind                        | meaning                                   | done           |
//! |------------------------------------|-------------------------------------------|----------------|
//! | `db` + `.rewrite`                  | crashed while copying: copy unverified    | copy deleted, rewrite run again |
//! | `.old` + `.rewrite`, no `db`       | crashed between the renames: copy verified | `.rewrite` -> `db`, `.old` deleted |
//! | `.old`, no `db`, no `.rewrite`     | (cannot happen) only the old database left | `.old` -> `db` |
//! | `db` + `.old`                      | crashed while deleting the old database   | `.old` deleted |

use super::error::{StoreError, classify};
use super::open::open_lock;
use super::{DB_DIR, Store};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The copy being written, beside `supportbot.db`.
const NEW_SUFFIX: &str = ".rewrite";
/// The database being replaced, beside `supportbot.db`, until it is deleted.
const OLD_SUFFIX: &str = ".old";

/// Meta key: added to sled's generated ids, which start again at 0 in a fresh database, so the
/// stats and check-history keys made after a rewrite never reuse (overwrite) older ones.
pub(super) const ID_FLOOR_KEY: &[u8] = b"id_floor";

fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl Store {
    /// Closes this handle (it must be the last one: clones keep the database open, and the
    /// rewrite then gives up with [`StoreError::Locked`] after `wait`) and rewrites the database
    /// so that removed values are gone from its files. See [`rewrite`].
    pub fn close_and_rewrite(self, wait: Duration) -> Result<(), StoreError> {
        let data_dir = self.dir.parent().map(Path::to_path_buf).unwrap_or_default();
        self.flush()?;
        drop(self);
        rewrite(&data_dir, wait)
    }
}

/// Rewrites `data_dir/supportbot.db` into a fresh directory and swaps it in (see the module
/// docs). Waits up to `wait` for another process (or sled's own threads of a handle just
/// dropped) to let go of the database; while it works, no other process can open it.
pub fn rewrite(data_dir: &Path, wait: Duration) -> Result<(), StoreError> {
    let db_path = data_dir.join(DB_DIR);
    let _opening = wait_for(wait, || open_lock(data_dir, &db_path))?;
    recover(&db_path)?;
    rewrite_locked(&db_path, wait).inspect_err(|_| leave_marker(&db_path))
}

/// After a failed rewrite: an empty `.rewrite` beside the database, which the next opening
/// takes for an unfinished copy and so makes the rewrite again (see [`recover_on_open`]).
fn leave_marker(db_path: &Path) {
    if db_path.exists() || beside(db_path, OLD_SUFFIX).exists() {
        let _ = std::fs::create_dir_all(beside(db_path, NEW_SUFFIX));
    }
}

/// Retries `take` while it says the database is locked, for up to `wait`.
fn wait_for<T>(
    wait: Duration,
    mut take: impl FnMut() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let deadline = crate::clock::deadline_after(wait);
    loop {
        match take() {
            Err(StoreError::Locked { dir, .. }) => {
                if Instant::now() >= deadline {
                    return Err(StoreError::Locked { dir, waited: wait });
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Opens sled at `path`, waiting up to `wait` while another handle still holds it.
fn open_sled(path: &Path, wait: Duration) -> Result<sled::Db, StoreError> {
    wait_for(wait, || {
        sled::Config::new()
            .path(path)
            .open()
            .map_err(|e| classify(path, e))
    })
}

/// The rewrite itself; the caller holds the opening lock.
fn rewrite_locked(db_path: &Path, wait: Duration) -> Result<(), StoreError> {
    let new_path = beside(db_path, NEW_SUFFIX);
    let old_path = beside(db_path, OLD_SUFFIX);
    let io = |dir: &Path| {
        let dir = dir.to_path_buf();
        move |cause| StoreError::Io { dir, cause }
    };
    wait_for(wait, || super::open::clear_incomplete_snapshots(db_path))?;
    if let Err(e) = make_copy(db_path, &new_path, wait) {
        // Never leave a copy that is not known good; the database itself is untouched.
        let _ = std::fs::remove_dir_all(&new_path);
        return Err(e);
    }
    // Both closed: wait until sled's threads let go of the files (the lock on `db`).
    wait_for(wait, || super::open::sled_lock(db_path))?;
    wait_for(wait, || super::open::sled_lock(&new_path))?;
    std::fs::rename(db_path, &old_path).map_err(io(db_path))?;
    std::fs::rename(&new_path, db_path).map_err(io(db_path))?;
    sync_dir(db_path);
    std::fs::remove_dir_all(&old_path).map_err(io(&old_path))?;
    sync_dir(db_path);
    Ok(())
}

/// Writes the verified copy of `db_path` to `new_path`; both are closed on return.
fn make_copy(db_path: &Path, new_path: &Path, wait: Duration) -> Result<(), StoreError> {
    let old = open_sled(db_path, wait)?;
    // Ids handed out so far, so the copy's never repeat them (see ID_FLOOR_KEY). Written to the
    // old database first, so both sides of the comparison below hold it.
    let meta = old.open_tree("meta").map_err(|e| classify(db_path, e))?;
    let floor = meta
        .get(ID_FLOOR_KEY)
        .map_err(|e| classify(db_path, e))?
        .map_or(0, |v| super::codec::from_be(&v));
    let next = old.generate_id().map_err(|e| classify(db_path, e))?;
    meta.insert(
        ID_FLOOR_KEY,
        &super::codec::be(floor.saturating_add(next).saturating_add(1)),
    )
    .map_err(|e| classify(db_path, e))?;
    old.flush().map_err(|e| classify(db_path, e))?;
    let new = sled::Config::new()
        .path(new_path)
        .open()
        .map_err(|e| classify(new_path, e))?;
    copy(&old, &new, db_path, new_path)?;
    new.flush().map_err(|e| classify(new_path, e))?;
    verify(&old, &new, db_path, new_path)
}

/// Copies every tree's live keys and values.
fn copy(
    old: &sled::Db,
    new: &sled::Db,
    old_path: &Path,
    new_path: &Path,
) -> Result<(), StoreError> {
    for name in old.tree_names() {
        let from = old.open_tree(&name).map_err(|e| classify(old_path, e))?;
        let to = new.open_tree(&name).map_err(|e| classify(new_path, e))?;
        for kv in from.iter() {
            let (k, v) = kv.map_err(|e| classify(old_path, e))?;
            to.insert(k, v).map_err(|e| classify(new_path, e))?;
        }
    }
    Ok(())
}

/// The copy holds the same trees, each with as many entries, and the same checksum over every
/// key and value.
fn verify(
    old: &sled::Db,
    new: &sled::Db,
    old_path: &Path,
    new_path: &Path,
) -> Result<(), StoreError> {
    let differs = |detail: String| StoreError::Other {
        dir: new_path.to_path_buf(),
        detail: format!(
            "the rewritten copy of the database does not match it ({detail}); the database was left as it was"
        ),
    };
    let mut names = old.tree_names();
    let mut new_names = new.tree_names();
    names.sort();
    new_names.sort();
    if names != new_names {
        return Err(differs(format!(
            "{} trees, the copy {}",
            names.len(),
            new_names.len()
        )));
    }
    for name in &names {
        let a = old
            .open_tree(name)
            .map_err(|e| classify(old_path, e))?
            .len();
        let b = new
            .open_tree(name)
            .map_err(|e| classify(new_path, e))?
            .len();
        if a != b {
            return Err(differs(format!(
                "tree `{}` has {a} entries, the copy {b}",
                String::from_utf8_lossy(name)
            )));
        }
    }
    let a = old.checksum().map_err(|e| classify(old_path, e))?;
    let b = new.checksum().map_err(|e| classify(new_path, e))?;
    if a != b {
        return Err(differs(format!("checksum {a:08x}, the copy {b:08x}")));
    }
    Ok(())
}

/// Makes the renames in the data directory durable (best effort: not every platform can sync
/// a directory, and the renames are already done).
fn sync_dir(db_path: &Path) {
    if let Some(dir) = db_path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// Resolves what an interrupted rewrite left beside `db_path` (see the module docs). Called
/// with the opening lock held. Returns whether a copy was being made when it stopped (the
/// caller runs the rewrite again: the removed values may still be in the old files).
pub(super) fn recover(db_path: &Path) -> Result<bool, StoreError> {
    let new_path = beside(db_path, NEW_SUFFIX);
    let old_path = beside(db_path, OLD_SUFFIX);
    let io = |dir: &Path| {
        let dir = dir.to_path_buf();
        move |cause| StoreError::Io { dir, cause }
    };
    let mut unfinished = false;
    if !db_path.exists() && old_path.is_dir() {
        if new_path.is_dir() {
            tracing::warn!(dir = %db_path.display(), "finishing a database rewrite a crash interrupted after its copy was verified");
            std::fs::rename(&new_path, db_path).map_err(io(db_path))?;
        } else {
            tracing::warn!(dir = %db_path.display(), "putting back a database a crash left aside");
            std::fs::rename(&old_path, db_path).map_err(io(db_path))?;
        }
        sync_dir(db_path);
    }
    if db_path.exists() && new_path.exists() {
        tracing::warn!(dir = %new_path.display(), "removing an unfinished copy of the database a crash left");
        std::fs::remove_dir_all(&new_path).map_err(io(&new_path))?;
        unfinished = true;
    }
    if db_path.exists() && old_path.exists() {
        std::fs::remove_dir_all(&old_path).map_err(io(&old_path))?;
    }
    Ok(unfinished)
}

/// Run on opening, with the opening lock held: resolves an interrupted rewrite and, when a copy
/// was being made (or a rewrite failed), makes it again: its purpose was to remove erased values
/// from disk. A failed attempt is logged and leaves the database as it was (it still opens) and
/// the marker for the next opening.
pub(super) fn recover_on_open(db_path: &Path) -> Result<(), StoreError> {
    if !beside(db_path, NEW_SUFFIX).exists() && !beside(db_path, OLD_SUFFIX).exists() {
        return Ok(());
    }
    // Another process has the database open: the leftovers wait for an opening that can have
    // it to itself (opening then fails as locked, as it would have anyway).
    match super::open::sled_lock(db_path) {
        Err(StoreError::Locked { .. }) => return Ok(()),
        Err(e) => return Err(e),
        Ok(free) => drop(free),
    }
    if recover(db_path)?
        && let Err(e) = rewrite_locked(db_path, Duration::from_secs(5))
    {
        tracing::error!(error = %e, "could not finish an interrupted rewrite of the database; erased values may remain in its files until the next `user forget` or `tickets purge`");
        leave_marker(db_path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Session, UserRef};

    fn user(id: &str) -> UserRef {
        UserRef {
            id: id.into(),
            name: "n".into(),
            channel: "c".into(),
        }
    }

    fn file_contains(dir: &Path, needle: &[u8]) -> bool {
        walk(dir)
            .iter()
            .any(|p| std::fs::read(p).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle)))
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
        out
    }

    fn store_with_removed_session(dir: &Path) -> Store {
        let store = Store::open(dir).unwrap();
        let mut s = Session::new(user("gone"), 1);
        s.descriptions.push("zebra crossing phrase".into());
        store.save_session(&s).unwrap();
        store.save_session(&Session::new(user("kept"), 1)).unwrap();
        store.flush().unwrap();
        store.sessions.remove("gone").unwrap();
        store.flush().unwrap();
        store
    }

    #[test]
    fn a_removed_value_is_gone_from_the_files_and_the_rest_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_removed_session(dir.path());
        let stat_id_before = store.next_id().unwrap();
        assert!(
            file_contains(dir.path(), b"zebra crossing"),
            "sled keeps the removed value until rewritten (else this test proves nothing)"
        );
        store.close_and_rewrite(Duration::from_secs(5)).unwrap();
        assert!(!file_contains(dir.path(), b"zebra crossing"));
        assert!(!beside(&dir.path().join(DB_DIR), OLD_SUFFIX).exists());
        assert!(!beside(&dir.path().join(DB_DIR), NEW_SUFFIX).exists());
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5)).unwrap();
        assert!(store.load_session("kept").unwrap().is_some());
        assert!(store.load_session("gone").unwrap().is_none());
        // Ids go on from where they were: new stats rows never overwrite old ones.
        assert!(store.next_id().unwrap() > stat_id_before);
    }

    #[test]
    fn a_crash_while_copying_keeps_the_database_and_the_rewrite_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DB_DIR);
        drop(store_with_removed_session(dir.path()));
        // What a crash while copying leaves: a partial copy beside the database.
        let partial = beside(&db, NEW_SUFFIX);
        std::fs::create_dir_all(&partial).unwrap();
        std::fs::write(partial.join("db"), b"partial").unwrap();
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5)).unwrap();
        assert!(store.load_session("kept").unwrap().is_some());
        assert!(!partial.exists());
        assert!(!file_contains(dir.path(), b"zebra crossing"));
    }

    #[test]
    fn a_crash_between_the_renames_finishes_the_swap() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DB_DIR);
        drop(store_with_removed_session(dir.path()));
        // A verified copy, then the crash right after the first rename.
        let copy = beside(&db, NEW_SUFFIX);
        let source = dir.path().join("source");
        std::fs::rename(&db, &source).unwrap();
        {
            let old = open_sled(&source, Duration::from_secs(5)).unwrap();
            let new = sled::Config::new().path(&copy).open().unwrap();
            copy_into(&old, &new, &source, &copy);
        }
        std::fs::rename(&source, beside(&db, OLD_SUFFIX)).unwrap();
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5)).unwrap();
        assert!(store.load_session("kept").unwrap().is_some());
        assert!(!beside(&db, OLD_SUFFIX).exists());
        assert!(!copy.exists());
        assert!(!file_contains(dir.path(), b"zebra crossing"));
    }

    fn copy_into(old: &sled::Db, new: &sled::Db, old_path: &Path, new_path: &Path) {
        copy(old, new, old_path, new_path).unwrap();
        new.flush().unwrap();
        verify(old, new, old_path, new_path).unwrap();
    }

    #[test]
    fn a_crash_after_the_swap_deletes_the_old_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(DB_DIR);
        drop(store_with_removed_session(dir.path()));
        let old = beside(&db, OLD_SUFFIX);
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("db"), b"zebra crossing phrase").unwrap();
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5)).unwrap();
        assert!(store.load_session("kept").unwrap().is_some());
        assert!(!old.exists());
    }

    #[test]
    fn a_database_held_by_another_handle_is_not_rewritten_and_nothing_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_with_removed_session(dir.path());
        let held = store.clone();
        let err = store
            .close_and_rewrite(Duration::from_millis(300))
            .unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        assert!(held.load_session("kept").unwrap().is_some());
        // Left for the next opening, which makes the rewrite.
        assert!(beside(&dir.path().join(DB_DIR), NEW_SUFFIX).is_dir());
        drop(held);
        let store = Store::open_waiting(dir.path(), Duration::from_secs(5)).unwrap();
        assert!(store.load_session("kept").unwrap().is_some());
        assert!(!beside(&dir.path().join(DB_DIR), NEW_SUFFIX).exists());
        assert!(!file_contains(dir.path(), b"zebra crossing"));
    }
}
