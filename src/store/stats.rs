//! The stats table: one event per fix shown, answered or escalated after, in arrival order.

use super::codec::{be, decode_or_skip, to_json};
use super::{Store, StoreError};
use crate::escalation::stats::StatEvent;

impl Store {
    pub fn record_stat(&self, event: &StatEvent) -> Result<(), StoreError> {
        let id = self.next_id()?;
        self.stats
            .insert(be(id), to_json(event))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Every readable stat event (unreadable rows are skipped with a warning).
    pub fn stat_events(&self) -> impl Iterator<Item = StatEvent> + '_ {
        self.stats.iter().filter_map(|r| match r {
            Ok((k, v)) => decode_or_skip("stats", &k, &v),
            Err(e) => {
                tracing::warn!(error = %e, "stats table unreadable");
                None
            }
        })
    }
}
