//! The ticket desk: filing escalations and the staff actions on tickets, each durable when it
//! returns and announced through the outbox. Every adapter (Discord, console, CLI) acts on
//! tickets through here; the rules are `escalation`'s, the storage the store's.

use super::Service;
use super::error::ServiceError;
use crate::browser::Browser;
use crate::conversation::Event;
use crate::escalation::summary::Summary;
use crate::escalation::ticket::{Status, Ticket, TicketError, TicketId};
use crate::escalation::{self, StaffAction, Stepped};
use crate::reply::Reply;
use crate::session::UserRef;
use crate::store::StoreError;
use crate::store::{Escalated, Store, TicketRow};
use std::sync::Arc;
use tokio::sync::Notify;

/// Cheap to clone. Methods block on a disk flush: async callers use [`super::Service`]'s
/// wrappers, which run them off the async workers.
#[derive(Clone, Debug)]
pub struct TicketDesk {
    store: Store,
    /// Nudged when a notification is queued, so the deliverer sends it at once.
    outbox_wake: Arc<Notify>,
}

impl TicketDesk {
    pub fn new(store: Store) -> Self {
        TicketDesk {
            store,
            outbox_wake: Arc::new(Notify::new()),
        }
    }

    /// The store the desk writes to.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Notified whenever the desk queues a notification (for the deliverer).
    pub fn outbox_wake(&self) -> Arc<Notify> {
        Arc::clone(&self.outbox_wake)
    }

    /// Creates the user's ticket, or adds the summary to their open one; queues the staff card.
    pub fn file(&self, summary: Summary, now: u64) -> Result<Escalated, ServiceError> {
        let filed = self
            .store
            .create_or_append(summary, now, &escalation::on_escalated)?;
        self.outbox_wake.notify_one();
        Ok(filed)
    }

    /// Claims, resolves or reopens a ticket as `by`.
    pub fn act(
        &self,
        id: TicketId,
        by: &str,
        action: &StaffAction,
        now: u64,
    ) -> Result<Stepped, ServiceError> {
        let changed = std::cell::Cell::new(false);
        let ticket = self.store.update_ticket(id, now, &|t| {
            let notes = action.apply(t, by, now)?;
            // Every change notifies (see `StaffAction::apply`).
            changed.set(!notes.is_empty());
            Ok(notes)
        })?;
        self.outbox_wake.notify_one();
        Ok(Stepped {
            ticket,
            changed: changed.get(),
        })
    }

    /// Adds a staff-only note to a ticket as `by`, whatever its status: nobody is notified
    /// (the user never sees it). Returns the ticket with the note.
    pub fn note(
        &self,
        id: TicketId,
        by: &str,
        text: &str,
        now: u64,
    ) -> Result<Ticket, ServiceError> {
        Ok(self.store.update_ticket(id, now, &|t| {
            t.add_note(by, text, now)?;
            Ok(Vec::new())
        })?)
    }

    /// One ticket; a missing one is refused with the way to find the ids.
    pub fn ticket(&self, id: TicketId) -> Result<Ticket, ServiceError> {
        self.store
            .ticket(id)?
            .ok_or_else(|| TicketError::NotFound(id).into())
    }

    /// Listing rows, newest first, optionally of one status.
    pub fn rows(&self, status: Option<Status>) -> Result<Vec<TicketRow>, ServiceError> {
        Ok(self.store.ticket_rows(status)?)
    }
}

impl Service {
    /// A staff action on a ticket, as `by`; the flush runs off the async workers.
    pub async fn act_on_ticket(
        &self,
        id: TicketId,
        by: &str,
        action: StaffAction,
    ) -> Result<Stepped, ServiceError> {
        let (desk, by, now) = (self.desk.clone(), by.to_string(), self.clock.now());
        tokio::task::spawn_blocking(move || desk.act(id, &by, &action, now)).await?
    }

    /// One ticket (a missing one is refused).
    pub fn ticket(&self, id: TicketId) -> Result<Ticket, ServiceError> {
        self.desk.ticket(id)
    }

    /// Ticket listing rows, newest first, optionally of one status.
    pub fn ticket_rows(&self, status: Option<Status>) -> Result<Vec<TicketRow>, ServiceError> {
        self.desk.rows(status)
    }

    /// Escalates on someone's behalf in one step (`supportbot escalate`, a web form): the text
    /// is diagnosed as a description, then handed to a human. Returns the durable ticket.
    pub async fn escalate_text(
        &self,
        user: &UserRef,
        text: String,
        browser: Option<Browser>,
        note: Option<String>,
    ) -> Result<Ticket, ServiceError> {
        let hand_over = Event::HandOver {
            text,
            browser,
            note,
            query: None,
        };
        self.handle(user, hand_over).await?;
        let session = self.session(user)?;
        let id = session.ticket.ok_or_else(|| StoreError::Other {
            dir: self.store().dir().to_path_buf(),
            detail: "the ticket was not recorded in the session".into(),
        })?;
        self.ticket(id)
    }

    /// A ticket as staff read it in chat: status, who holds it, and its card's fields.
    pub fn ticket_reply(&self, id: TicketId) -> Result<Reply, ServiceError> {
        let t = self.ticket(id)?;
        let card = t.summary().map(|s| s.card(&id.to_string()));
        let mut reply = Reply::new(
            card.as_ref()
                .map(|c| c.description.clone())
                .unwrap_or_default(),
        )
        .title(format!(
            "{id} — {}{}",
            t.status,
            t.claimed_by()
                .map(|b| format!(" by {b}"))
                .unwrap_or_default()
        ));
        for (name, value) in card.map(|c| c.fields).unwrap_or_default() {
            reply = reply.field(name, value);
        }
        Ok(reply)
    }
}
