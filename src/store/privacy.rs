//! Privacy: purging old resolved tickets and forgetting a user. Each is one transaction over
//! every table it touches, so a crash leaves all of it done or none of it.

use super::adapter::discord_keys;
use super::codec::{be, decode_or_skip, to_json};
use super::outbox::{BOT_TRANSPORT, OUTBOX_OWNER, OutboxItem, enqueue};
use super::{Store, StoreError};
use crate::clock::{Clock, SystemClock};
use crate::escalation::notify::{Audience, DiscordPosts, Notification, removed};
use crate::escalation::stats::{StatEvent, TicketFigures};
use crate::escalation::ticket::{Ticket, TicketId};
use crate::session::Session;
use sled::IVec;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::collections::HashSet;

fn resolved_before(t: &Ticket, cutoff: u64) -> bool {
    t.resolved_at().is_some_and(|at| at < cutoff)
}

/// What one privacy command removes and rewrites, gathered before the transaction applies it.
#[derive(Debug, Default)]
struct Removal {
    sessions: Vec<String>,
    tickets: Vec<TicketId>,
    /// Keys of the incident link index naming the removed tickets.
    incident_links: Vec<IVec>,
    /// Outbox keys.
    queued: Vec<IVec>,
    /// Stats keys and their rewritten (anonymous) rows.
    stats: Vec<(IVec, Vec<u8>)>,
    /// What `stats` counts of each removed ticket, kept (without its user) when they go.
    ticket_figures: Vec<(TicketId, TicketFigures)>,
    /// Users whose open-ticket entry goes.
    open_entries: Vec<String>,
    /// Keys of what a forgotten user was told of incidents (their name is in it) and of their
    /// landings in the crowd signal's window.
    incident_users: Vec<IVec>,
    crowd: Vec<IVec>,
    /// Keys of deliveries recorded with the user's id in them (an outage's end told to them,
    /// and a Discord step of it still in flight).
    delivered: Vec<IVec>,
    adapter: Vec<IVec>,
    /// Set-aside outbox rows that could not be read but hold the user's id.
    unreadable: Vec<IVec>,
    /// Queued with the removal: the Discord bot deletes the removed tickets' cards and threads.
    takedowns: Vec<Notification>,
}

/// How many of each thing [`Store::forget_user`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub sessions: usize,
    pub tickets: usize,
    /// What they were told of incidents, with their wish to hear of the end (one per incident).
    pub outage_notices: usize,
    /// Their landings in the crowd signal's window.
    pub crowd_landings: usize,
}

impl Forgotten {
    /// Whether nothing at all was removed.
    pub fn is_empty(&self) -> bool {
        *self == Forgotten::default()
    }
}

impl Store {
    /// The tickets `purge_resolved(cutoff)` removes: resolved before `cutoff`.
    pub fn resolved_before(&self, cutoff: u64) -> Vec<TicketId> {
        self.tickets()
            .filter(|t| resolved_before(t, cutoff))
            .map(|t| t.id)
            .collect()
    }

    /// Removes resolved tickets resolved before `cutoff`, and the sessions that have not
    /// changed since of users with no other ticket (users who never had one included); the
    /// tickets' figures are kept for `stats`, and the takedown of what the Discord bot posted of
    /// them is queued ([`Store::discord_posts_of`]). Returns (tickets, sessions) removed.
    pub fn purge_resolved(&self, cutoff: u64) -> Result<(usize, usize), StoreError> {
        let removal = self.plan_purge(cutoff)?;
        self.apply(&removal)?;
        Ok((removal.tickets.len(), removal.sessions.len()))
    }

    /// What `purge_resolved(cutoff)` would remove, removing nothing: (tickets, sessions).
    pub fn purge_preview(&self, cutoff: u64) -> Result<(usize, usize), StoreError> {
        let removal = self.plan_purge(cutoff)?;
        Ok((removal.tickets.len(), removal.sessions.len()))
    }

    fn plan_purge(&self, cutoff: u64) -> Result<Removal, StoreError> {
        // One pass over the tickets (a scan per purged ticket made a large purge take hours):
        // the old ones, and the users who keep a ticket (open, claimed, or resolved too
        // recently).
        let mut old: Vec<Ticket> = Vec::new();
        let mut keeps_a_ticket: HashSet<String> = HashSet::new();
        for t in self.tickets() {
            if resolved_before(&t, cutoff) {
                old.push(t);
            } else {
                keeps_a_ticket.insert(t.user.id.clone());
            }
        }
        let purged: HashSet<TicketId> = old.iter().map(|t| t.id).collect();
        let mut removal = Removal {
            tickets: old.iter().map(|t| t.id).collect(),
            incident_links: self.links_of(&purged)?,
            ticket_figures: old.iter().map(|t| (t.id, TicketFigures::of(t))).collect(),
            ..Removal::default()
        };
        self.plan_takedowns(&mut removal)?;
        // Notifications still queued about them go too, or delivering the queue would write
        // the purged text straight back to notifications.jsonl.
        removal.queued = self.queued_where(|item| {
            item.notification
                .ticket
                .is_some_and(|t| purged.contains(&t))
        })?;
        // A user with a ticket that stays keeps the session: it is how they are told when that
        // ticket is claimed or resolved.
        let mut seen: HashSet<&str> = HashSet::new();
        for t in &old {
            if seen.insert(&t.user.id)
                && !keeps_a_ticket.contains(&t.user.id)
                && self
                    .load_session(&t.user.id)?
                    .is_some_and(|s: Session| s.updated_at < cutoff)
            {
                removal.sessions.push(t.user.id.clone());
            }
        }
        // Most users are helped without a ticket: their sessions (their own words) go too once
        // idle since before the cutoff, or a retention purge would keep them for ever.
        for r in self.sessions.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            let user = String::from_utf8_lossy(&k);
            if seen.contains(user.as_ref()) || keeps_a_ticket.contains(user.as_ref()) {
                continue;
            }
            if decode_or_skip::<Session>("sessions", &k, &v).is_some_and(|s| s.updated_at < cutoff)
            {
                removal.sessions.push(user.into_owned());
            }
        }
        Ok(removal)
    }

    /// Removes everything about one user: session, tickets, queued notifications, and their id
    /// in stats, what they were told of incidents and their crowd landings; their tickets'
    /// figures are kept for `stats`, without them, and the takedown of what the Discord bot
    /// posted of their tickets is queued ([`Store::discord_posts_of`]). Returns how many of
    /// each was removed.
    pub fn forget_user(&self, user_id: &str) -> Result<Forgotten, StoreError> {
        let their_tickets: Vec<Ticket> = self.tickets().filter(|t| t.user.id == user_id).collect();
        let theirs: Vec<TicketId> = their_tickets.iter().map(|t| t.id).collect();
        let has_session = self
            .sessions
            .contains_key(user_id)
            .map_err(|e| self.error(e))?;
        let mut removal = Removal {
            sessions: has_session
                .then(|| user_id.to_string())
                .into_iter()
                .collect(),
            open_entries: vec![user_id.to_string()],
            ..Removal::default()
        };
        // Queued notifications about or to them go too, staff notes about their tickets (a
        // resolve note may quote them), and cards of tickets already gone.
        let mut gone = Vec::new();
        for item in self.queued_items()? {
            let to_them = matches!(&item.1.notification.audience, Audience::User { user } if user.id == user_id);
            let ticket = item.1.notification.ticket;
            let card_of_missing = match ticket {
                Some(t) => item.1.notification.card.is_some() && self.ticket(t)?.is_none(),
                None => false,
            };
            let about_theirs = ticket.is_some_and(|t| theirs.contains(&t));
            if to_them || about_theirs || card_of_missing {
                gone.push(item.0);
            }
        }
        removal.queued = gone;
        for r in self.stats.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            if let Some(mut ev) = decode_or_skip::<StatEvent>("stats", &k, &v)
                && ev.user == user_id
            {
                ev.user = "forgotten".into();
                removal.stats.push((k, to_json(&ev)));
            }
        }
        for r in self.incident_users.iter() {
            let (k, _) = r.map_err(|e| self.error(e))?;
            // Incident number (8 bytes), then the user id.
            if k.get(8..) == Some(user_id.as_bytes()) {
                removal.incident_users.push(k);
            }
        }
        for r in self.crowd.iter() {
            let (k, _) = r.map_err(|e| self.error(e))?;
            if super::crowd::crowd_key_user(&k) == user_id.as_bytes() {
                removal.crowd.push(k);
            }
        }
        // "I-0003/over/<user id>": an outage's end told to them ("discord:attempt:dm:I-0003/
        // over/<user id>" while its DM is under way).
        let told_the_end = format!("/over/{user_id}");
        let names_them = |k: &[u8]| {
            let k = String::from_utf8_lossy(k);
            k.ends_with(&told_the_end) || k.contains(&format!("{told_the_end}:"))
        };
        for r in self.delivered.iter() {
            let (k, _) = r.map_err(|e| self.error(e))?;
            if names_them(&k) {
                removal.delivered.push(k);
            }
        }
        for r in self.adapter.iter() {
            let (k, _) = r.map_err(|e| self.error(e))?;
            if names_them(&k) {
                removal.adapter.push(k);
            }
        }
        // Rows set aside as unreadable are not decoded: any that quotes their id goes.
        let quoted = format!("\"{user_id}\"");
        for r in self.outbox_unreadable.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            if String::from_utf8_lossy(&v).contains(&quoted) {
                removal.unreadable.push(k);
            }
        }
        removal.incident_links = self.links_of(&theirs.iter().copied().collect())?;
        removal.tickets = theirs;
        self.plan_takedowns(&mut removal)?;
        // Their tickets' figures stay in `stats`, without them, as their stat events do.
        removal.ticket_figures = their_tickets
            .iter()
            .map(|t| (t.id, TicketFigures::of(t)))
            .collect();
        self.apply(&removal)?;
        Ok(Forgotten {
            sessions: removal.sessions.len(),
            tickets: removal.tickets.len(),
            outage_notices: removal.incident_users.len(),
            crowd_landings: removal.crowd.len(),
        })
    }

    /// Where the Discord bot showed each of `tickets` to staff, as it remembered it; only the
    /// tickets it showed. What `user forget` and `tickets purge` have it take down.
    pub fn discord_posts_of(
        &self,
        tickets: &[TicketId],
    ) -> Result<Vec<(TicketId, DiscordPosts)>, StoreError> {
        let id = |key: String| -> Result<Option<u64>, StoreError> {
            let Some(text) = self.adapter_get(&key)? else {
                return Ok(None);
            };
            let parsed = text.parse::<u64>().ok().filter(|n| *n != 0);
            if parsed.is_none() {
                tracing::warn!(key, value = %text, "a remembered Discord id is not one; it is not taken down");
            }
            Ok(parsed)
        };
        let mut posted = Vec::new();
        for &t in tickets {
            let posts = DiscordPosts {
                channel: id(discord_keys::card_channel(t))?,
                card: id(discord_keys::card(t))?,
                thread: id(discord_keys::thread(t))?,
            };
            if !posts.is_empty() {
                posted.push((t, posts));
            }
        }
        Ok(posted)
    }

    /// Adds to `removal` the takedown of what the Discord bot posted of its tickets, and the
    /// removal of the ids it remembered: the takedown item carries them, so they are queued in
    /// the transaction that removes the tickets (a crash loses neither the takedown nor the
    /// ids, and cannot queue it twice).
    fn plan_takedowns(&self, removal: &mut Removal) -> Result<(), StoreError> {
        for (t, posts) in self.discord_posts_of(&removal.tickets)? {
            removal.takedowns.push(removed(t, posts));
        }
        for &t in &removal.tickets {
            for key in [
                discord_keys::card(t),
                discord_keys::card_channel(t),
                discord_keys::thread(t),
            ] {
                removal.adapter.push(IVec::from(key.as_bytes()));
            }
        }
        Ok(())
    }

    /// Readable queued notifications with their keys (unreadable ones are left alone).
    fn queued_items(&self) -> Result<Vec<(IVec, OutboxItem)>, StoreError> {
        let mut items = Vec::new();
        for r in self.outbox.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            if let Some(item) = decode_or_skip::<OutboxItem>("outbox", &k, &v) {
                items.push((k, item));
            }
        }
        Ok(items)
    }

    fn queued_where(&self, doomed: impl Fn(&OutboxItem) -> bool) -> Result<Vec<IVec>, StoreError> {
        Ok(self
            .queued_items()?
            .into_iter()
            .filter(|(_, item)| doomed(item))
            .map(|(k, _)| k)
            .collect())
    }

    /// Applies a removal in one transaction, flushed before returning.
    fn apply(&self, r: &Removal) -> Result<(), StoreError> {
        let now = SystemClock.now();
        let trees = (
            &self.meta,
            &self.sessions,
            &self.tickets,
            &self.ticket_rows,
            &self.open_by_user,
            &self.outbox,
            &self.stats,
            &self.incident_users,
            &self.crowd,
            &self.delivered,
            &self.adapter,
            &self.outbox_unreadable,
            &self.ticket_stats,
            &self.incident_tickets,
        );
        trees
            .transaction(
                |(
                    meta,
                    sessions,
                    tickets,
                    rows,
                    open,
                    outbox,
                    stats,
                    told,
                    crowd,
                    delivered,
                    adapter,
                    unreadable,
                    ticket_stats,
                    links,
                )| {
                    for user in &r.sessions {
                        sessions.remove(user.as_bytes())?;
                    }
                    for id in &r.tickets {
                        tickets.remove(&be(id.0))?;
                        rows.remove(&be(id.0))?;
                    }
                    for k in &r.incident_links {
                        links.remove(k)?;
                    }
                    for user in &r.open_entries {
                        open.remove(user.as_bytes())?;
                    }
                    for k in &r.queued {
                        outbox.remove(k)?;
                    }
                    for (k, v) in &r.stats {
                        stats.insert(k, v.as_slice())?;
                    }
                    for (id, figures) in &r.ticket_figures {
                        ticket_stats.insert(&be(id.0), to_json(figures))?;
                    }
                    for k in &r.incident_users {
                        told.remove(k)?;
                    }
                    for k in &r.crowd {
                        crowd.remove(k)?;
                    }
                    for k in &r.delivered {
                        delivered.remove(k)?;
                    }
                    for k in &r.adapter {
                        adapter.remove(k)?;
                    }
                    for k in &r.unreadable {
                        unreadable.remove(k)?;
                    }
                    if !r.takedowns.is_empty() {
                        // Only the Discord bot can take them down: the queue is its, or a
                        // command run before it starts would drain them to the log as sent.
                        meta.insert(OUTBOX_OWNER, BOT_TRANSPORT.as_bytes())?;
                        enqueue(meta, outbox, r.takedowns.clone(), now)?;
                    }
                    Ok::<_, ConflictableTransactionError<()>>(())
                },
            )
            .map_err(|e| match e {
                TransactionError::Storage(e) => self.error(e),
                TransactionError::Abort(()) => self.unreadable("privacy change aborted".into()),
            })?;
        self.flush()
    }
}
