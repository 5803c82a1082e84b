//! The sessions table: one conversation state per user id.

use super::{Store, StoreError};
use crate::session::Session;

impl Store {
    /// A block of step numbers for a new session: every session ever started gets its own, kept
    /// in the store's counters (which forgetting a user or purging never resets), so a button
    /// from a forgotten or purged session can never name a step of a new one.
    pub fn reserve_attempt_block(&self) -> Result<usize, StoreError> {
        let next = self
            .meta
            .update_and_fetch(b"attempt_block", |old| {
                let n = old.map_or(0, super::codec::from_be) + 1;
                Some(super::codec::be(n).to_vec())
            })
            .map_err(|e| self.error(e))?
            .map_or(1, |v| super::codec::from_be(&v));
        Ok(usize::try_from(next).unwrap_or(usize::MAX))
    }

    /// The user's session. An unreadable one (written by an incompatible version) is discarded
    /// with a warning: the user starts afresh rather than failing every message they send.
    pub fn load_session(&self, user_id: &str) -> Result<Option<Session>, StoreError> {
        let Some(bytes) = self.sessions.get(user_id).map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        match serde_json::from_slice(&bytes) {
            Ok(s) => Ok(Some(s)),
            Err(e) => {
                tracing::warn!(user = user_id, error = %e, "unreadable session discarded");
                Ok(None)
            }
        }
    }

    pub fn save_session(&self, session: &Session) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(session).map_err(|e| self.unreadable(e.to_string()))?;
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
}
