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
);

impl Store {
    /// The tables every ticket change writes in one transaction: meta (sequences), tickets,
    /// their listing rows, each user's open ticket, and the outbox.
    fn ticket_trees(&self) -> TicketTrees<'_> {
        (
            &self.meta,
            &self.tickets,
            &self.ticket_rows,
            &self.open_by_user,
            &self.outbox,
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
                |(meta, tickets, rows, open, outbox)| -> TxResult<Escalated> {
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
            .transaction(|(meta, tickets, rows, open, outbox)| -> TxResult<Ticket> {
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
            })
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

    /// The tickets of one user (what `forget_user` removes).
    pub fn tickets_of(&self, user_id: &str) -> Vec<TicketId> {
        self.tickets()
            .filter(|t| t.user.id == user_id)
            .map(|t| t.id)
            .collect()
    }
}
