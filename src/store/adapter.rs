//! The adapter table: small facts an adapter remembers (which Discord message shows which
//! ticket), as text.

use super::{Store, StoreError};
use crate::ids::TicketId;

/// The adapter keys under which the Discord bot remembers where it showed a ticket to staff:
/// written by the bot, read (and removed with the ticket) by `user forget` and `tickets purge`,
/// which queue their takedown ([`crate::escalation::notify::removed`]).
pub mod discord_keys {
    use super::TicketId;

    /// The staff card's message id.
    pub fn card(ticket: TicketId) -> String {
        format!("discord:msg:{ticket}")
    }

    /// The channel the card was posted in (recorded with the card since takedowns exist).
    pub fn card_channel(ticket: TicketId) -> String {
        format!("discord:msg-channel:{ticket}")
    }

    /// The ticket's private thread.
    pub fn thread(ticket: TicketId) -> String {
        format!("discord:thread:{ticket}")
    }
}

impl Store {
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

    /// Remembers several facts at once, durably: all of them or, after a crash, none.
    pub fn adapter_set_all(&self, facts: &[(String, String)]) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        for (key, value) in facts {
            batch.insert(key.as_bytes(), value.as_bytes());
        }
        self.adapter.apply_batch(batch).map_err(|e| self.error(e))?;
        self.flush()
    }

    /// Forgets a fact; nothing happens if there was none. Not flushed: losing the removal in a
    /// crash only leaves a stale fact behind.
    pub fn adapter_remove(&self, key: &str) -> Result<(), StoreError> {
        self.adapter.remove(key).map_err(|e| self.error(e))?;
        Ok(())
    }
}
