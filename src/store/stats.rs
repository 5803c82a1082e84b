//! The stats tables: one event per fix shown, answered or escalated after, in arrival order;
//! and the figures of tickets removed by purge or forget ([`TicketFigures`]), by ticket number.

use super::codec::{be, decode_or_skip, from_be, to_json};
use super::{Store, StoreError};
use crate::escalation::stats::{StatEvent, TicketFigures};
use std::collections::BTreeMap;

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

    /// The figures of every ticket `stats` counts, one per ticket number: those of the tickets
    /// stored now, and those kept of tickets purged or forgotten (a number in both, which
    /// nothing writes, counts once, as stored now). Unreadable rows are skipped with a warning.
    pub fn ticket_figures(&self) -> Vec<TicketFigures> {
        let mut by_number: BTreeMap<u64, TicketFigures> = self
            .ticket_stats
            .iter()
            .filter_map(|r| match r {
                Ok((k, v)) => decode_or_skip::<TicketFigures>("ticket_stats", &k, &v)
                    .map(|f| (from_be(&k), f)),
                Err(e) => {
                    tracing::warn!(error = %e, "ticket stats table unreadable");
                    None
                }
            })
            .collect();
        for t in self.tickets() {
            by_number.insert(t.id.0, TicketFigures::of(&t));
        }
        by_number.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escalation::summary::Summary;
    use crate::session::{Session, UserRef};

    /// A ticket counts once: by the figures kept when it was removed, or, while it is stored,
    /// by the ticket itself, even if a row for its number were kept too.
    #[test]
    fn a_ticket_counts_once_stored_or_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for (n, id) in ["u1", "u2"].into_iter().enumerate() {
            let user = UserRef {
                id: id.into(),
                name: id.into(),
                channel: "c".into(),
            };
            let summary = Summary::capture(&Session::new(user, 0), None, None, "r", 0);
            store
                .create_or_append(summary, 10 * n as u64, &|_, _| Vec::new())
                .unwrap();
        }
        store.forget_user("u1").unwrap();
        let stale = TicketFigures {
            opened_at: 99,
            first_claimed_at: None,
            resolved_at: None,
        };
        store.ticket_stats.insert(be(2), to_json(&stale)).unwrap();
        let figures = store.ticket_figures();
        let opened: Vec<u64> = figures.iter().map(|f| f.opened_at).collect();
        assert_eq!(
            opened,
            [0, 10],
            "T-0001 kept, T-0002 as stored: {figures:?}"
        );
    }
}
