//! The outbox: notifications queued in the same transaction as the ticket change they announce,
//! delivered in order, and the record of what was delivered (so a restart never sends twice).

use super::codec::{be, decode, from_be, to_json};
use super::{Store, StoreError};
use crate::escalation::notify::Notification;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

/// The transport name the Discord bot claims the outbox by ([`Store::set_outbox_owner`]).
pub const BOT_TRANSPORT: &str = "discord";

/// The meta key naming the transport that delivers the outbox.
pub(super) const OUTBOX_OWNER: &[u8] = b"outbox_owner";

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
    /// The oldest undelivered notification. One that cannot be read (written by another
    /// version of supportbot) is set aside, logged, so it never holds up the rest.
    pub fn outbox_head(&self) -> Result<Option<OutboxItem>, StoreError> {
        loop {
            let Some((k, v)) = self.outbox.first().map_err(|e| self.error(e))? else {
                return Ok(None);
            };
            match decode("outbox", &from_be(&k), &v) {
                Ok(item) => return Ok(Some(item)),
                Err(why) => {
                    tracing::error!(
                        seq = from_be(&k),
                        why,
                        "a queued notification cannot be read (written by another version of supportbot?); set aside in the outbox_unreadable tree so the rest are delivered"
                    );
                    self.set_aside(&k, &v)?;
                }
            }
        }
    }

    /// Moves the outbox row `k` to the set-aside tree, in one transaction.
    fn set_aside(&self, k: &[u8], v: &[u8]) -> Result<(), StoreError> {
        (&self.outbox, &self.outbox_unreadable)
            .transaction(|(outbox, aside)| {
                outbox.remove(k)?;
                aside.insert(k, v)?;
                Ok::<_, ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => self.error(e),
                TransactionError::Abort(()) => self.unreadable("aborted".into()),
            })
    }

    /// How many queued notifications were set aside as unreadable.
    pub fn outbox_unreadable_len(&self) -> usize {
        self.outbox_unreadable.len()
    }

    pub fn outbox_len(&self) -> usize {
        self.outbox.len()
    }

    /// Marks the outbox as delivered by `transport` ("discord" once the bot has served this
    /// data directory): local commands then leave what is queued for it rather than write it
    /// to the log and the notifications file as delivered.
    pub fn set_outbox_owner(&self, transport: &str) -> Result<(), StoreError> {
        if self.outbox_owner()?.as_deref() == Some(transport) {
            return Ok(());
        }
        self.meta
            .insert(OUTBOX_OWNER, transport.as_bytes())
            .map_err(|e| self.error(e))?;
        self.flush()
    }

    /// The transport that delivers this outbox ([`Store::set_outbox_owner`]), if one claimed it.
    pub fn outbox_owner(&self) -> Result<Option<String>, StoreError> {
        let owner = self.meta.get(OUTBOX_OWNER).map_err(|e| self.error(e))?;
        Ok(owner.map(|v| String::from_utf8_lossy(&v).into_owned()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escalation::notify::{Audience, NoticeEvent};

    fn staff_notice(key: &str) -> Notification {
        Notification {
            key: key.into(),
            ticket: None,
            event: NoticeEvent::IncidentSuspected {
                incident: "I-0001".into(),
            },
            audience: Audience::Staff,
            text: "Many users on one article.".into(),
            card: None,
            transcript: None,
        }
    }

    /// A row the code cannot read (a newer version's) is set aside and the next one is the head:
    /// it held up every later notification before.
    #[test]
    fn an_unreadable_row_is_set_aside_and_the_next_is_delivered() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .outbox
            .insert(
                be(1),
                br#"{"seq":1,"notification":{"event":"FromTheFuture"}}"#.as_slice(),
            )
            .unwrap();
        (&store.meta, &store.outbox)
            .transaction(|(meta, outbox)| {
                meta.insert(b"outbox_seq", &be(1))?;
                enqueue::<()>(meta, outbox, vec![staff_notice("I-0001/suspected")], 100)
            })
            .unwrap();
        let head = store.outbox_head().unwrap().expect("the readable one");
        assert_eq!(head.notification.key, "I-0001/suspected");
        assert_eq!(store.outbox_len(), 1);
        assert_eq!(store.outbox_unreadable_len(), 1, "kept for the operator");
        // One that quotes a user's id goes when that user is forgotten.
        store
            .outbox_unreadable
            .insert(
                be(9),
                br#"{"audience":{"User":{"user":{"id":"ann"}}}}"#.as_slice(),
            )
            .unwrap();
        store.forget_user("ann").unwrap();
        assert_eq!(store.outbox_unreadable_len(), 1, "only ann's went");
    }
}
