//! The adapter table: small facts an adapter remembers (which Discord message shows which
//! ticket), as text.

use super::{Store, StoreError};

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

    /// Forgets a fact; nothing happens if there was none. Not flushed: losing the removal in a
    /// crash only leaves a stale fact behind.
    pub fn adapter_remove(&self, key: &str) -> Result<(), StoreError> {
        self.adapter.remove(key).map_err(|e| self.error(e))?;
        Ok(())
    }
}
