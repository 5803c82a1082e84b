//! What can go wrong opening or using the store, written for the operator, and how sled's
//! errors map onto it.

use std::path::{Path, PathBuf};
use std::time::Duration;

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
        "the database in {dir} knows tickets up to T-{known:04}, but this data directory has handed out ids up to T-{seen:04} \
         (recorded in {mark}): the database was damaged, emptied or replaced, and new tickets would reuse old ids.\n  \
         Restore the database from a backup. To start afresh on purpose, move {dir} and {mark} aside \
         (ticket ids then restart at T-0001)."
    )]
    BehindHighWater {
        dir: PathBuf,
        mark: PathBuf,
        known: u64,
        seen: u64,
    },
    #[error(
        "{dir} holds something that is not a supportbot database ({detail}).\n  \
         Point --data DIR (env DATA_DIR) at an empty or supportbot-owned directory."
    )]
    Foreign { dir: PathBuf, detail: String },
    #[error(
        "the data directory {dir} is a file, not a directory.\n  \
         Move the file away, or choose another directory with --data DIR (env DATA_DIR)."
    )]
    NotADirectory { dir: PathBuf },
    // The I/O error is part of the message, not a `source`: printing the chain would say it twice.
    #[error(
        "cannot use the data directory {dir}: {cause}\n  Check that it exists and is writable, or choose another with --data DIR (env DATA_DIR)."
    )]
    Io { dir: PathBuf, cause: std::io::Error },
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

/// Sorts a sled error into what the operator can do about it.
pub(super) fn classify(dir: &Path, e: sled::Error) -> StoreError {
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
                    cause: io,
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
