//! The outbox: notifications queued in the same transaction as the ticket change they announce,
//! delivered in order, and the record of what was delivered (so a restart never sends twice).

use super::codec::{be, decode, from_be, to_json};
use super::{Store, StoreError};
use crate::escalation::notify::Notification;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

/// A notification waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub seq: u64,
    pub notification: Notification,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub created_at: u64,
}

impl Store {
    /// The oldest undelivered notification.
    pub fn outbox_head(&self) -> Result<Option<OutboxItem>, StoreError> {
        let Some((k, v)) = self.outbox.first().map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        decode("outbox", &from_be(&k), &v)
            .map(Some)
            .map_err(|e| self.unreadable(e))
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
                TransactionError::Abort(()) => self.unreadable("aborted".into()),
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
}

/// Appends notifications to the outbox inside a transaction.
pub(super) fn enqueue<E>(
    meta: &TransactionalTree,
    outbox: &TransactionalTree,
    notes: Vec<Notification>,
    now: u64,
) -> Result<(), ConflictableTransactionError<E>> {
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
