//! The tickets tables: full tickets, their listing rows, and each user's open ticket. Every
//! change is one transaction that also queues its notifications, flushed before returning.

use super::codec::{be, decode, decode_or_skip, from_be, to_json};
use super::outbox::enqueue;
use super::{Store, StoreError};
use crate::escalation::notify::Notification;
use crate::escalation::rules::{self, OpenSlot};
use crate::escalation::summary::{Added, Summary};
use crate::escalation::ticket::{Status, Ticket, TicketError, TicketId};
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

/// A ticket's listing line, kept beside the full ticket so listing never parses summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketRow {
    pub id: TicketId,
    pub status: Status,
    pub user_id: String,
    pub user_name: String,
    pub subject: String,
    pub created_at: u64,
    pub updated_at: u64,
    pub claimed_by: Option<String>,
    /// The user's latest words on the open ticket say the problem is gone ("nevermind, it
    /// works now"): staff can resolve it.
    #[serde(default)]
    pub says_it_works: bool,
    /// The user's latest words on the open ticket ask for it to be closed ("nevermind close
    /// it"): staff may close it.
    #[serde(default)]
    pub asks_to_close: bool,
    /// The user said the problem cannot wait ("payroll is due today"): staff take it first.
    #[serde(default)]
    pub urgent: bool,
}

impl TicketRow {
    pub fn of(t: &Ticket) -> TicketRow {
        TicketRow {
            id: t.id,
            status: t.status,
            user_id: t.user.id.clone(),
            user_name: t.user_name().to_string(),
            subject: rules::subject(t),
            created_at: t.created_at,
            updated_at: t.updated_at,
            claimed_by: t.claimed_by().map(str::to_string),
            says_it_works: t.status != Status::Resolved
                && t.summary()
                    .is_some_and(|s| s.added == Some(Added::WorksNow)),
            asks_to_close: crate::escalation::user_asks_to_close(t),
            urgent: t.status != Status::Resolved
                && t.summaries.iter().any(|s| s.urgency().is_some()),
        }
    }
}

/// Why a ticket operation failed: the lifecycle said no, or storage failed.
#[derive(Debug, thiserror::Error)]
pub enum TicketOpError {
    #[error(transparent)]
    Ticket(#[from] TicketError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What `create_or_append` did.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalated {
    pub ticket: Ticket,
    /// False when the summary was added to the user's open ticket.
    pub created: bool,
}

type TxResult<T> = Result<T, ConflictableTransactionError<TicketError>>;

/// A ticket read inside a transaction. Unreadable counts as absent: a ticket row no version can
/// read cannot be changed, and must not block the user's next escalation.
fn ticket_in(tickets: &TransactionalTree, key: &[u8]) -> TxResult<Option<Ticket>> {
    Ok(tickets
        .get(key)?
        .and_then(|b| decode_or_skip("tickets", key, &b)))
}

type TicketTrees<'a> = (
    &'a sled::Tree,
    &'a sled::Tree,
    &'a sled::Tree,
    &'a sled::Tree,
    &'a sled::Tree,
    &'a sled::Tree,
);

/// The key under which `incident_tickets` holds `ticket` as linked to `incident` (`I-0003`):
/// the incident's id, 0, the ticket number (big-endian, so an incident's tickets come out in
/// ticket order).
fn link_key(incident: &str, ticket: TicketId) -> Vec<u8> {
    let mut key = link_prefix(incident);
    key.extend_from_slice(&be(ticket.0));
    key
}

fn link_prefix(incident: &str) -> Vec<u8> {
    let mut key = incident.as_bytes().to_vec();
    key.push(0);
    key
}

/// The ticket number a `incident_tickets` key ends with.
pub(super) fn linked_ticket_of(key: &[u8]) -> Option<TicketId> {
    let at = key.len().checked_sub(8)?;
    (key.get(at.checked_sub(1)?) == Some(&0)).then(|| TicketId(from_be(&key[at..])))
}

/// Notes in the link index the incident `t`'s latest escalation is linked to, if any, in the
/// transaction that writes `t`. Entries are never taken back when a later escalation links
/// another incident or none: the index names candidates, and [`Store::tickets_linked_to`]
/// reads each one's latest escalation.
fn note_link(links: &TransactionalTree, t: &Ticket) -> TxResult<()> {
    if let Some(link) = t.summary().and_then(|s| s.incident.as_ref()) {
        links.insert(link_key(&link.id, t.id), Vec::new())?;
    }
    Ok(())
}

/// Marks, in `meta`, a store whose `incident_tickets` index holds every linked ticket.
const LINKS_INDEXED_KEY: &[u8] = b"incident_tickets_indexed";

impl Store {
    /// The tables every ticket change writes in one transaction: meta (sequences), tickets,
    /// their listing rows, each user's open ticket, the outbox, and the incident link index.
    fn ticket_trees(&self) -> TicketTrees<'_> {
        (
            &self.meta,
            &self.tickets,
            &self.ticket_rows,
            &self.open_by_user,
            &self.outbox,
            &self.incident_tickets,
        )
    }

    fn tx_error(&self, e: TransactionError<TicketError>) -> TicketOpError {
        match e {
            TransactionError::Abort(t) => TicketOpError::Ticket(t),
            TransactionError::Storage(e) => TicketOpError::Store(self.error(e)),
        }
    }

    /// Files an escalation by the one-open-ticket rule ([`rules::file_escalation`]) and queues
    /// the notifications `notify` builds for it, in one transaction, flushed to disk before
    /// returning: once this returns Ok the ticket exists and will be delivered.
    pub fn create_or_append(
        &self,
        summary: Summary,
        now: u64,
        notify: &dyn Fn(&Ticket, bool) -> Vec<Notification>,
    ) -> Result<Escalated, TicketOpError> {
        let user = summary.user.id.clone();
        let result = self
            .ticket_trees()
            .transaction(
                |(meta, tickets, rows, open, outbox, links)| -> TxResult<Escalated> {
                    let current = match open.get(user.as_bytes())? {
                        Some(n) => ticket_in(tickets, &n)?,
                        None => None,
                    };
                    let (ticket, created) =
                        rules::file_escalation(current, summary.clone(), now, || {
                            let n = meta.get(b"ticket_seq")?.map(|v| from_be(&v)).unwrap_or(0) + 1;
                            meta.insert(b"ticket_seq", &be(n))?;
                            TxResult::Ok(TicketId(n))
                        })?;
                    let key = be(ticket.id.0);
                    tickets.insert(&key, to_json(&ticket))?;
                    rows.insert(&key, to_json(&TicketRow::of(&ticket)))?;
                    open.insert(user.as_bytes(), &key)?;
                    note_link(links, &ticket)?;
                    enqueue(meta, outbox, notify(&ticket, created), now)?;
                    Ok(Escalated { ticket, created })
                },
            )
            .map_err(|e| self.tx_error(e))?;
        self.flush()?;
        if result.created
            && let Err(e) = super::open::raise_high_water(&self.dir, result.ticket.id.0)
        {
            // The ticket is safe in the database; only the guard against a damaged one is
            // behind. Logged, never failing the escalation.
            tracing::warn!(error = %e, "could not record the ticket high-water mark");
        }
        Ok(result)
    }

    /// Applies a lifecycle step to a ticket, keeps the user's open ticket by
    /// [`rules::open_slot_after`], and queues the step's notifications, atomically and durably.
    pub fn update_ticket(
        &self,
        id: TicketId,
        now: u64,
        step: &dyn Fn(&mut Ticket) -> Result<Vec<Notification>, TicketError>,
    ) -> Result<Ticket, TicketOpError> {
        let ticket = self
            .ticket_trees()
            .transaction(
                |(meta, tickets, rows, open, outbox, links)| -> TxResult<Ticket> {
                    let key = be(id.0);
                    let Some(mut t) = ticket_in(tickets, &key)? else {
                        return Err(ConflictableTransactionError::Abort(TicketError::NotFound(
                            id,
                        )));
                    };
                    let was_resolved = t.status == Status::Resolved;
                    let notes = step(&mut t).map_err(ConflictableTransactionError::Abort)?;
                    tickets.insert(&key, to_json(&t))?;
                    rows.insert(&key, to_json(&TicketRow::of(&t)))?;
                    note_link(links, &t)?;
                    let user = t.user.id.as_bytes();
                    let holder = open.get(user)?.map(|v| from_be(&v));
                    // An entry naming a resolved or missing ticket is stale: the slot is free.
                    let other_open = match holder {
                        Some(n) if n != id.0 => ticket_in(tickets, &be(n))?
                            .filter(|o| o.status != Status::Resolved)
                            .map(|o| o.id),
                        _ => None,
                    };
                    match rules::open_slot_after(&t, was_resolved, other_open)
                        .map_err(ConflictableTransactionError::Abort)?
                    {
                        OpenSlot::Release if holder == Some(id.0) => {
                            open.remove(user)?;
                        }
                        OpenSlot::Take => {
                            open.insert(user, &key)?;
                        }
                        OpenSlot::Release | OpenSlot::Keep => {}
                    }
                    enqueue(meta, outbox, notes, now)?;
                    Ok(t)
                },
            )
            .map_err(|e| self.tx_error(e))?;
        self.flush()?;
        Ok(ticket)
    }

    pub fn ticket(&self, id: TicketId) -> Result<Option<Ticket>, StoreError> {
        let Some(bytes) = self.tickets.get(be(id.0)).map_err(|e| self.error(e))? else {
            return Ok(None);
        };
        decode("tickets", &id, &bytes)
            .map(Some)
            .map_err(|e| self.unreadable(e))
    }

    /// The user's open ticket, if any.
    pub fn open_ticket_of(&self, user_id: &str) -> Result<Option<TicketId>, StoreError> {
        Ok(self
            .open_by_user
            .get(user_id)
            .map_err(|e| self.error(e))?
            .map(|v| TicketId(from_be(&v))))
    }

    /// Listing rows, newest first, optionally of one status.
    pub fn ticket_rows(&self, status: Option<Status>) -> Result<Vec<TicketRow>, StoreError> {
        let mut rows = Vec::new();
        for r in self.ticket_rows.iter().rev() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            if let Some(row) = decode_or_skip::<TicketRow>("ticket_rows", &k, &v)
                && status.is_none_or(|s| row.status == s)
            {
                rows.push(row);
            }
        }
        Ok(rows)
    }

    /// All readable tickets (for stats and privacy commands).
    pub fn tickets(&self) -> impl Iterator<Item = Ticket> + '_ {
        self.tickets.iter().filter_map(|r| match r {
            Ok((k, v)) => decode_or_skip("tickets", &k, &v),
            Err(e) => {
                tracing::warn!(error = %e, "tickets table unreadable");
                None
            }
        })
    }

    /// Tickets whose latest escalation is linked to incident `incident` (`I-0003`), in ticket
    /// order: read through the link index, so only the tickets ever linked to it are decoded.
    pub fn tickets_linked_to(&self, incident: &str) -> Vec<Ticket> {
        let mut linked = Vec::new();
        for r in self.incident_tickets.scan_prefix(link_prefix(incident)) {
            let key = match r {
                Ok((k, _)) => k,
                Err(e) => {
                    tracing::warn!(error = %e, incident, "incident link index unreadable");
                    continue;
                }
            };
            let Some(id) = linked_ticket_of(&key) else {
                continue;
            };
            match self.ticket(id) {
                Ok(Some(t))
                    if t.summary()
                        .and_then(|s| s.incident.as_ref())
                        .is_some_and(|i| i.id == incident) =>
                {
                    linked.push(t)
                }
                // Linked to another incident since, or removed: the entry is stale.
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, ticket = %id, incident, "linked ticket unreadable; left out")
                }
            }
        }
        linked
    }

    /// Keys of the link index naming one of `tickets` (what a privacy command removes with
    /// them).
    pub(super) fn links_of(
        &self,
        tickets: &std::collections::HashSet<TicketId>,
    ) -> Result<Vec<sled::IVec>, StoreError> {
        let mut keys = Vec::new();
        for r in self.incident_tickets.iter() {
            let (k, _) = r.map_err(|e| self.error(e))?;
            if linked_ticket_of(&k).is_some_and(|t| tickets.contains(&t)) {
                keys.push(k);
            }
        }
        Ok(keys)
    }

    /// Builds the incident link index of a store written before it existed (once: a marker in
    /// `meta` says it is complete). Built here, on opening, rather than falling back to reading
    /// every ticket when the index is missing: one pass over the tickets the first time a
    /// store from an earlier version is opened, and then one way of finding linked tickets,
    /// not two (a missing index cannot be told from an incident with no linked tickets
    /// without the marker anyway). Every ticket write keeps it after that. Entries already
    /// there are written again unchanged, so a pass cut short by a crash is simply made again.
    /// (An earlier version writing to the store after this one indexed it could link tickets
    /// the index does not hold: that is not guarded against.)
    pub(super) fn index_incident_links(&self) -> Result<(), StoreError> {
        if self
            .meta
            .contains_key(LINKS_INDEXED_KEY)
            .map_err(|e| self.error(e))?
        {
            return Ok(());
        }
        let mut indexed = 0usize;
        for t in self.tickets() {
            if let Some(link) = t.summary().and_then(|s| s.incident.as_ref()) {
                self.incident_tickets
                    .insert(link_key(&link.id, t.id), Vec::new())
                    .map_err(|e| self.error(e))?;
                indexed += 1;
            }
        }
        self.meta
            .insert(LINKS_INDEXED_KEY, b"1".as_slice())
            .map_err(|e| self.error(e))?;
        self.flush()?;
        if indexed > 0 {
            tracing::info!(tickets = indexed, "indexed the tickets linked to incidents");
        }
        Ok(())
    }

    /// The tickets of one user (what `forget_user` removes).
    pub fn tickets_of(&self, user_id: &str) -> Vec<TicketId> {
        self.tickets()
            .filter(|t| t.user.id == user_id)
            .map(|t| t.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escalation::summary::LinkedIncident;
    use crate::session::{Session, UserRef};

    fn file(store: &Store, user: &str, incident: Option<&str>, now: u64) -> TicketId {
        let user = UserRef {
            id: user.into(),
            name: user.into(),
            channel: "c".into(),
        };
        let mut summary = Summary::capture(&Session::new(user, 0), None, None, "r", now);
        summary.incident = incident.map(|id| LinkedIncident {
            id: id.into(),
            title: "Bank feeds down".into(),
        });
        store
            .create_or_append(summary, now, &|_, _| Vec::new())
            .unwrap()
            .ticket
            .id
    }

    fn linked(store: &Store, incident: &str) -> Vec<TicketId> {
        store
            .tickets_linked_to(incident)
            .iter()
            .map(|t| t.id)
            .collect()
    }

    /// Linked tickets are found through the index: linked as filed or afterwards, not those
    /// of another incident (one whose id starts the same included), and a ticket whose latest
    /// escalation links another incident is no longer this one's.
    #[test]
    fn linked_tickets_are_found_through_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let a = file(&store, "ann", Some("I-0001"), 10);
        let _unlinked = file(&store, "bob", None, 11);
        let c = file(&store, "cat", None, 12);
        let d = file(&store, "dan", Some("I-00012"), 13);
        let e = file(&store, "eve", Some("I-0001"), 14);
        // Linked after it was filed, as confirming an incident links the crowd's tickets.
        store
            .update_ticket(c, 20, &|t| {
                if let Some(s) = t.summaries.last_mut() {
                    s.incident = Some(LinkedIncident {
                        id: "I-0001".into(),
                        title: "Bank feeds down".into(),
                    });
                }
                Ok(Vec::new())
            })
            .unwrap();
        assert_eq!(linked(&store, "I-0001"), vec![a, c, e]);
        assert_eq!(linked(&store, "I-00012"), vec![d]);
        // Eve's next escalation is about another incident.
        file(&store, "eve", Some("I-0002"), 30);
        assert_eq!(linked(&store, "I-0001"), vec![a, c]);
        assert_eq!(linked(&store, "I-0002"), vec![e]);
        assert!(linked(&store, "I-0003").is_empty());
    }

    /// Forgetting a user and purging resolved tickets take their links out of the index.
    #[test]
    fn forget_and_purge_leave_no_link_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let a = file(&store, "ann", Some("I-0001"), 10);
        let b = file(&store, "bob", Some("I-0001"), 11);
        let c = file(&store, "cat", Some("I-0001"), 12);
        store.forget_user("ann").unwrap();
        assert_eq!(linked(&store, "I-0001"), vec![b, c]);
        store
            .update_ticket(b, 20, &|t| {
                t.resolve("sam", None, 20)?;
                Ok(Vec::new())
            })
            .unwrap();
        assert_eq!(store.purge_resolved(100).unwrap().0, 1);
        assert_eq!(linked(&store, "I-0001"), vec![c]);
        let left: Vec<_> = store.incident_tickets.iter().keys().collect();
        assert_eq!(left.len(), 1, "only cat's link stays: {left:?}");
        assert_eq!(linked_ticket_of(&left[0].as_ref().unwrap()[..]), Some(c));
        assert!(!left.iter().any(|k| {
            let t = linked_ticket_of(k.as_ref().unwrap());
            t == Some(a) || t == Some(b)
        }));
    }

    /// A store written before the index existed has it built when it is opened.
    #[test]
    fn a_store_from_before_the_index_is_indexed_on_opening() {
        let dir = tempfile::tempdir().unwrap();
        let (a, c) = {
            let store = Store::open(dir.path()).unwrap();
            let a = file(&store, "ann", Some("I-0001"), 10);
            file(&store, "bob", None, 11);
            let c = file(&store, "cat", Some("I-0001"), 12);
            // As an earlier version left it: no index, no marker.
            store.incident_tickets.clear().unwrap();
            store.meta.remove(LINKS_INDEXED_KEY).unwrap();
            store.flush().unwrap();
            assert!(linked(&store, "I-0001").is_empty());
            (a, c)
        };
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(linked(&store, "I-0001"), vec![a, c]);
        assert!(store.meta.contains_key(LINKS_INDEXED_KEY).unwrap());
    }
}
