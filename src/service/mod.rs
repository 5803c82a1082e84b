//! The engine with its edges attached: sessions loaded from and saved to the store, effects
//! (live checks, escalation) carried out, stats recorded, and the ticket and knowledge verbs
//! staff use. Every adapter goes through [`Service`]; failures come back as a [`ServiceError`]
//! that is either shown (a refusal) or logged (internal).

mod cooldown;
mod error;
mod incidents;
mod kb;
pub mod monitor;
pub mod outbox;
mod tickets;
mod turns;

pub use error::{Internal, NextStep, Refusal, ServiceError, SpellNextStep};
pub use incidents::{StatusReport, TargetStatus, incidents_about_target};
pub use kb::KbVerb;
pub use tickets::TicketDesk;

use crate::clock::{Clock, SystemClock};
use crate::config::CheckConfig;
use crate::conversation::{self, Effect, Event};
use crate::escalation::{
    stats::StatEvent,
    stats::StatKind,
    summary::{Added, Summary},
};
use crate::incident::IncidentId;
use crate::knowledge::Knowledge;
use crate::probe::{self, Prober, Request};
use crate::reply::{Action, Hint, Reply, Style, Tone};
use crate::session::{Attempt, Outcome, Session, Stage, UserRef};
use crate::store::{Store, StoreError};
use crate::words;
use std::sync::Arc;
use tokio::sync::Notify;
use turns::UserTurns;

/// Shared, cheap-to-clone handle on everything a conversation needs.
#[derive(Clone, Debug)]
pub struct Service {
    knowledge: Arc<Knowledge>,
    store: Store,
    clock: Arc<dyn Clock>,
    /// Tickets: escalations filed, staff actions.
    desk: TicketDesk,
    /// Live checks (shared results, rate limits).
    prober: Prober,
    /// One turn at a time per user: an event holds its user's turn from loading the session to
    /// saving it, so two events of one user (a button pressed while a check runs) cannot both
    /// load the same session and overwrite each other's progress.
    turns: Arc<UserTurns>,
    /// How long a description may wait for its sentence vectors before it is ranked lexically.
    semantic_deadline: std::time::Duration,
    crowd_rule: crate::incident::crowd::CrowdRule,
    /// Incident changes one at a time: each reads an incident (or the crowd's count), changes
    /// it and writes it back, so two at once would overwrite each other (staff confirming and
    /// dismissing one notice, the monitor writing back an open copy over a staff resolve, two
    /// users crossing the crowd line together and opening two suspected incidents).
    incident_writes: Arc<std::sync::Mutex<()>>,
    /// How soon one user may hand a conversation over again (`ESCALATE_COOLDOWN_SECONDS`):
    /// checked here, where every way of asking passes.
    escalation_cooldown: Arc<cooldown::EscalationCooldown>,
}

/// The words of a hand-over (a web form, `supportbot escalate`) as its ticket keeps them:
/// trimmed, with any password or service key taken out, as the engine words a description.
fn handed_over_words(text: &str) -> String {
    crate::understand::secrets::redact_all(text.trim()).text
}

/// A hand-over's words go on its ticket word for word. The engine keeps a description only
/// when it describes something, and drops filler ("call me back please", "help", "ok", an
/// emoji): right in a chat, where the user is asked for more, but a one-shot hand-over asks
/// no more, and its words may be all staff will read. Words the engine kept stay as they are.
/// A long hand-over the engine read in part (`plain_words::reading`) is kept whole in its place.
fn keep_handed_over(session: &mut Session, said: String) {
    if said.is_empty() || session.descriptions.last() == Some(&said) {
        return;
    }
    let read = crate::plain_words::reading(&said).into_owned();
    // (Filler the engine kept among the asides is said once, here.)
    session.asides.retain(|a| *a != said && *a != read);
    match session.descriptions.last_mut() {
        Some(last) if *last == read => *last = said,
        _ => session.descriptions.push(said),
    }
}

/// Step numbers each new session may use before the next session's block (restarts within a
/// session go on counting in its block).
pub const ATTEMPTS_PER_BLOCK: usize = 1_000_000;

impl Service {
    pub fn new(knowledge: Arc<Knowledge>, store: Store) -> Self {
        Service::with_prober(knowledge, store, Prober::new(CheckConfig::default()))
    }

    /// With a prober built from the operator's check settings (or a test resolver).
    pub fn with_prober(knowledge: Arc<Knowledge>, store: Store, prober: Prober) -> Self {
        Service {
            knowledge,
            desk: TicketDesk::new(store.clone()),
            store,
            clock: Arc::new(SystemClock),
            prober,
            turns: Arc::default(),
            semantic_deadline: crate::config::SEMANTIC_DEADLINE,
            crowd_rule: crate::incident::crowd::CrowdRule::default(),
            incident_writes: Arc::default(),
            escalation_cooldown: Arc::default(),
        }
    }

    /// Holds incident changes to one at a time (see the field of that name); held for a
    /// read-change-write, never across an `.await`.
    fn incident_writes(&self) -> std::sync::MutexGuard<'_, ()> {
        // A panic while it was held left no half-written incident (each write is one insert
        // or one transaction): the guard is taken back.
        self.incident_writes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs store work that blocks (a flush, the incident lock, a read of many rows) on a
    /// blocking thread, off the async workers, as the ticket desk's writes do: on a worker it
    /// holds up every other event and the gateway's heartbeats with it.
    async fn off_the_workers<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Service) -> T + Send + 'static,
    ) -> Result<T, ServiceError> {
        let service = self.clone();
        Ok(tokio::task::spawn_blocking(move || work(&service)).await?)
    }

    /// With another clock (tests control time).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    pub fn knowledge(&self) -> &Arc<Knowledge> {
        &self.knowledge
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub fn desk(&self) -> &TicketDesk {
        &self.desk
    }

    /// Notified whenever a notification is queued (for the deliverer).
    pub fn outbox_wake(&self) -> Arc<Notify> {
        self.desk.outbox_wake()
    }

    /// With another crowd rule (how many users on one article within how many minutes make a
    /// suspected incident).
    pub fn with_crowd_rule(mut self, rule: crate::incident::crowd::CrowdRule) -> Self {
        self.crowd_rule = rule;
        self
    }

    /// With another wait for sentence vectors (`SEMANTIC_DEADLINE_MS`).
    pub fn with_semantic_deadline(mut self, deadline: std::time::Duration) -> Self {
        self.semantic_deadline = deadline;
        self
    }

    /// With `every` (whole seconds) between two hand-overs of one user; zero, the default,
    /// lets every one through. Words added to an open ticket ("Add it to my ticket") never wait.
    pub fn with_escalate_cooldown(mut self, every: std::time::Duration) -> Self {
        self.escalation_cooldown = Arc::new(cooldown::EscalationCooldown::new(every.as_secs()));
        self
    }

    pub fn session(&self, user: &UserRef) -> Result<Session, StoreError> {
        let now = self.clock.now();
        Ok(match self.store.load_session(&user.id)? {
            Some(mut s) => {
                // Names and channels change; the id is the key.
                s.user.name = user.name.clone();
                s.user.channel = user.channel.clone();
                s
            }
            None => {
                let mut s = Session::new(user.clone(), now);
                // Step numbers of a new session start in a block of its own (see
                // `Store::reserve_attempt_block`): old buttons never match its steps.
                s.attempt_base = self
                    .store
                    .reserve_attempt_block()?
                    .saturating_mul(ATTEMPTS_PER_BLOCK);
                s
            }
        })
    }

    /// Handles one user event end to end and returns what to show. Events of one user are
    /// handled one after the other (the later waits, even through a slow check of the earlier);
    /// events of different users run at once.
    pub async fn handle(
        &self,
        user: &UserRef,
        mut event: Event,
    ) -> Result<Vec<Reply>, ServiceError> {
        // Held until the session is saved. Nothing below takes a user's turn again (effects
        // run on the session in hand), so it cannot wait for itself. Taken before encoding, so
        // a button pressed while a description is encoded waits for it, in order.
        let _turn = self.turns.take(&user.id).await;
        // Encoding runs on the encoder's own thread; waiting for it holds no other user up.
        if let Event::Describe {
            text,
            query: q @ None,
            ..
        }
        | Event::HandOver {
            text,
            query: q @ None,
            ..
        } = &mut event
            && let Some(encoder) = self.knowledge.encoder()
        {
            // Only what the engine reads of a long paste is encoded.
            let read = crate::plain_words::reading(text);
            *q = encoder.encode(&read, self.semantic_deadline).await;
        }
        // A hand-over's words, as the ticket must keep them (the engine drops filler).
        let handed_over = match &event {
            Event::HandOver { text, .. } => Some(handed_over_words(text)),
            _ => None,
        };
        let kb = self.knowledge.current();
        let mut session = self.session(user)?;
        // Whether the user's ticket is still open decides what a follow-up or a greeting
        // means: one store read, only for users who have a ticket.
        (session.ticket_open, session.ticket_says_it_works) = self.ticket_state(&session);
        // "how long will it last?" while a known outage holds the fixes back: the incident's
        // own news answers it (the engine knows no incident). The held question stays open.
        if let Event::Describe { text, .. } = &event
            && session.fixes_held_back()
            && crate::understand::asks_when_it_ends(text)
            && let Some(reply) = self.how_long_the_outage(&session, self.clock.now())
        {
            session.updated_at = self.clock.now();
            self.store.save_session(&session)?;
            return Ok(vec![reply]);
        }
        // A one-shot report (a web form) from a user whose last ticket was resolved is a new
        // report: it starts a new conversation (the old one's words are in that ticket, not
        // news) and its ticket says which one it came back after, as "talk to a human" does
        // in a conversation that goes on after the resolution.
        let came_back = matches!(event, Event::HandOver { .. })
            && session.ticket.is_some()
            && !session.ticket_open;
        if came_back {
            let title = session
                .walked_article()
                .and_then(|id| kb.get(id))
                .map(|a| a.title.clone());
            session.start_over(title.as_deref(), self.clock.now());
            // What it kept as left unfixed was handed over in that ticket; the link names it.
            session.earlier.clear();
        }
        // More words at "Is it one of these?" are matched with the description the list came
        // from: its vectors too (a second, short encoding, only at a list).
        // (Not for a pick, a yes or no, or filler: those are never matched.)
        if let Event::Describe { text, .. } = &event
            && matches!(session.stage, crate::session::Stage::ChoosingArticle { .. })
            && !crate::understand::says_nothing(text)
            && crate::understand::yes_or_no(text).is_none()
            && !text.trim().bytes().all(|b| b.is_ascii_digit())
            && let Some(before) = session.list_source()
            && let Some(encoder) = self.knowledge.encoder()
        {
            session.list_described = encoder.encode(&before, self.semantic_deadline).await;
        }
        // Before `before` is taken: an article edited under the walk moves attempts' numbers,
        // which is no new showing for the stats.
        conversation::realign(&kb, &mut session);
        let before = session.attempts.clone();
        let walked_before = session.article().map(str::to_string);
        let had_ticket = session.ticket.is_some();
        let started = session.started_at;
        let now = self.clock.now();
        // Ranking compares the query with every article's vectors: CPU work that grows with the
        // knowledge base, so it runs on a blocking thread, not on the executor.
        let (mut session, output) = tokio::task::spawn_blocking(move || {
            let mut session = session;
            let output = conversation::handle(&kb, &mut session, event, now);
            (session, output)
        })
        .await?;
        if let Some(said) = handed_over {
            keep_handed_over(&mut session, said);
        }
        let mut replies = output.replies;
        // A restart begins a new session: its attempts start from nothing.
        let before = if session.started_at == started {
            before
        } else {
            Vec::new()
        };
        for effect in output.effects {
            match effect {
                Effect::Check { targets, lead } => {
                    let mut checked = self.run_checks(&mut session, targets).await;
                    if let Some(known) =
                        self.known_outages_beside_a_check(&session.user.id, session.article())
                    {
                        checked.insert(0, known);
                    }
                    if lead {
                        replies.splice(0..0, checked);
                    } else {
                        replies.extend(checked)
                    }
                }
                Effect::Escalate { note } => {
                    if let Some(held) =
                        self.held_back_by_the_cooldown(&mut session, &before, note.as_deref(), now)
                    {
                        replies.push(held);
                    } else if came_back {
                        let how = Handover::CameBack;
                        replies.push(self.hand_over(&mut session, note, how).await?);
                    } else {
                        replies.push(self.escalate(&mut session, note).await?);
                    }
                }
                Effect::AddToTicket { works_now } => {
                    replies.push(self.add_to_ticket(&mut session, works_now).await?)
                }
                Effect::Subscribe { incident } => {
                    // The subscription is flushed: off the async workers.
                    let user = session.user.clone();
                    let article = session.article().map(str::to_string);
                    let subscribe = move |s: &Service| {
                        s.subscribe(&user, IncidentId(incident), article.as_deref())
                    };
                    replies.push(self.off_the_workers(subscribe).await??)
                }
                Effect::TicketStatus => replies.push(self.ticket_status(&session)),
            }
        }
        if let Some(told) = self.tell_ticket_of_fix(&mut session, &before).await? {
            replies.push(told);
        }
        // Telling of an outage flushes, and the crowd signal takes the incident lock (which a
        // staff confirm holds while it links tickets): both off the async workers, or one
        // user's event waiting for the lock holds up every other event and the gateway.
        // Both are best effort, as the stats are: the session is saved whatever they do. (A
        // store error there returned before the save, so a ticket just filed was not in the
        // session, and "Talk to a human" again filed and notified staff twice: review45 10.)
        let finish = move |s: &Service| -> Result<Vec<Reply>, ServiceError> {
            if let Err(e) = s.lead_with_outage(&mut session, &mut replies, now) {
                tracing::error!(
                    user = %session.user.id,
                    error = %e,
                    "could not tell the user of an outage; the conversation is saved without it"
                );
            }
            // After the lead: a fix it held back was not shown, and is counted when it is.
            s.record_stats(&before, &session, had_ticket, now);
            if let Some(article) = session.article()
                && walked_before.as_deref() != Some(article)
                && let Err(e) = s.watch_crowd(article, &session.user.id, now)
            {
                tracing::error!(
                    article,
                    error = %e,
                    "could not open a suspected incident for the crowd signal"
                );
            }
            session.bound_descriptions();
            s.store.save_session(&session)?;
            Ok(replies)
        };
        self.off_the_workers(finish).await?
    }

    /// A request for a person within the escalation cooldown of the user's last hand-over:
    /// staff are not notified again, and the reply says when to ask again. What the user said
    /// stays in the conversation (a note too), so the next hand-over carries it, and the fix on
    /// screen stays open (the request had left it unanswered). `before` is the attempts as
    /// the event found them. None when the hand-over goes ahead: no cooldown, a possible
    /// break-in or a locked account (never held back), or nothing new to file (where the
    /// ticket stands is the answer then).
    fn held_back_by_the_cooldown(
        &self,
        session: &mut Session,
        before: &[Attempt],
        note: Option<&str>,
        now: u64,
    ) -> Option<Reply> {
        let wait = self.escalation_cooldown.wait(&session.user.id, now)?;
        let said = || {
            note.into_iter()
                .chain(session.descriptions.last().map(String::as_str))
        };
        if said().any(|t| {
            crate::understand::reports_a_break_in(t)
                || crate::understand::says_the_account_is_locked(t)
        }) {
            return None;
        }
        if note.is_none()
            && let Some(id) = session.ticket
            && self.ticket_holds_all_of(session, id)
        {
            return None;
        }
        // The step the request left unanswered is open again (its buttons still answer it).
        if session.attempts.len() == before.len()
            && let (Some(was), Some(now_is)) = (before.last(), session.attempts.last_mut())
            && was.outcome.is_none()
            && now_is.outcome == Some(Outcome::NoAnswer)
            && now_is.solution == was.solution
            && now_is.article == was.article
        {
            now_is.outcome = None;
        }
        if let Some(note) = note.map(handed_over_words)
            && !note.is_empty()
            && !session.descriptions.contains(&note)
        {
            session.descriptions.push(note);
        }
        tracing::info!(user = %session.user.id, wait, "hand-over held back by the cooldown");
        let ticket = session.ticket.map(|id| id.to_string());
        Some(
            Reply::new(words::handed_over_moments_ago(ticket.as_deref(), wait)).tone(Tone::Warning),
        )
    }

    /// Records what changed in the attempts as stat events. Stats are best effort: a failure
    /// is logged and never fails the conversation.
    fn record_stats(&self, before: &[Attempt], after: &Session, had_ticket: bool, now: u64) {
        for (i, a) in after.attempts.iter().enumerate() {
            let old = same_attempt_before(before, &after.attempts, i);
            let mut kinds = Vec::new();
            if old.is_none() && !a.outcome.is_some_and(Outcome::not_shown) {
                kinds.push(StatKind::Shown);
            }
            let old_outcome = old.and_then(|o| o.outcome);
            // "It came back": the fix counted before is counted out again.
            if old_outcome == Some(Outcome::Fixed) && a.outcome != old_outcome {
                kinds.push(StatKind::FixTakenBack);
                if !had_ticket {
                    kinds.push(StatKind::FixWithoutTicketTakenBack);
                }
            }
            // A result said again the other way replaces the old one: counted out again, so
            // one attempt counts once.
            if old_outcome.is_some() && a.outcome != old_outcome {
                match old_outcome {
                    Some(Outcome::NotFixed) => kinds.push(StatKind::NotFixedTakenBack),
                    Some(Outcome::WorksThere) => kinds.push(StatKind::WorksThereTakenBack),
                    Some(Outcome::FailsThere) => kinds.push(StatKind::FailsThereTakenBack),
                    _ => {}
                }
            }
            if a.outcome != old_outcome {
                match a.outcome {
                    Some(Outcome::Fixed) => {
                        kinds.push(StatKind::Fixed);
                        if !had_ticket {
                            kinds.push(StatKind::FixedWithoutTicket);
                        }
                    }
                    Some(Outcome::NotFixed) => kinds.push(StatKind::NotFixed),
                    Some(Outcome::WorksThere) => kinds.push(StatKind::WorksThere),
                    Some(Outcome::FailsThere) => kinds.push(StatKind::FailsThere),
                    _ => {}
                }
            }
            for kind in kinds {
                self.stat(after, a, kind, now);
            }
        }
    }

    fn stat(&self, session: &Session, a: &Attempt, kind: StatKind, now: u64) {
        let event = StatEvent {
            at: now,
            user: session.user.id.clone(),
            article: a.article.clone(),
            solution: a.solution,
            title: a.title.clone(),
            kind,
        };
        if let Err(e) = self.store.record_stat(&event) {
            tracing::warn!(error = %e, "could not record a stat event");
        }
    }

    /// A live check the user asked for by name or URL (`/check`), kept in their session.
    pub async fn check_request(
        &self,
        user: &UserRef,
        target: &str,
    ) -> Result<Vec<Reply>, ServiceError> {
        self.handle(
            user,
            Event::Check {
                target: Some(target.to_string()),
            },
        )
        .await
    }

    /// Named check targets matching a partial name (autocomplete).
    pub fn target_names(&self, partial: &str) -> Vec<String> {
        let partial = partial.trim().to_lowercase();
        self.knowledge
            .current()
            .targets()
            .iter()
            .filter(|t| {
                t.name.contains(&partial) || t.description.to_lowercase().contains(&partial)
            })
            .map(|t| t.name.clone())
            .collect()
    }

    /// Runs checks on the targets named (never all of them: with none named the engine asks which
    /// one) and records them in the session.
    async fn run_checks(&self, session: &mut Session, targets: Vec<String>) -> Vec<Reply> {
        let kb = self.knowledge.current();
        if targets.is_empty() {
            return vec![
                Reply::new(words::NAME_A_SERVICE)
                    .hint(Hint::CheckAddress)
                    .tone(Tone::Warning),
            ];
        }
        // ("/check https://qbo.intuit.com/": a target's own address is that target.)
        let requests: Vec<Request> = targets.iter().map(|t| Request::parse_in(t, &kb)).collect();
        match self
            .prober
            .check_many(&kb, Some(&session.user.id), &requests)
            .await
        {
            Ok(reports) => {
                let now = self.clock.now();
                for r in &reports {
                    if let Some(record) = r.record(now) {
                        session.note_check(record);
                    }
                }
                // On the side of the walk: the question open before stays open.
                // A target an open incident is about (by its checks, or by the articles it
                // concerns, for one staff declared) is not cleared by one passing check; nor is
                // anything while an incident told beside the check covers the user's problem
                // (a payroll outage declared by hand, checked on the sign-in page).
                let beside = self.incidents_beside_a_check(session.article());
                let active = self.store.active_incidents();
                let up_means = |r: &probe::Report| {
                    let mut open = incidents::incidents_about_target(&active, &kb, &r.target);
                    if session.article().is_some() {
                        for b in &beside {
                            if !open.iter().any(|o| o.id == b.id) {
                                open.push(b);
                            }
                        }
                    }
                    if open.is_empty() {
                        return None;
                    }
                    open.sort_by_key(|i| i.id);
                    let listed = open
                        .iter()
                        .all(|i| self.store.is_subscribed(i.id, &session.user.id));
                    let ids: Vec<String> = open.iter().map(|i| i.id.to_string()).collect();
                    Some(words::up_during_incident(&ids, Some(listed)))
                };
                let mut replies: Vec<Reply> = probe::render_reports(&reports, &kb, up_means)
                    .into_iter()
                    .map(Reply::aside)
                    .collect();
                // "The article HTTP Error 503 explains this": one press away, unless it is the
                // one being walked.
                let walked = session.article().map(str::to_string);
                let mut linked: Vec<&str> = Vec::new();
                for r in &reports {
                    if let Ok(c) = &r.outcome
                        && let Some(id) = c.article.as_deref()
                        && walked.as_deref() != Some(id)
                        && kb.get(id).is_some()
                        && !linked.contains(&id)
                    {
                        linked.push(id);
                    }
                }
                if let Some(last) = replies.last_mut()
                    && !matches!(session.stage, Stage::Escalated { .. })
                {
                    for id in linked {
                        if let Some(a) = kb.get(id) {
                            last.choices.push(crate::reply::Choice::new(
                                Action::Article(id.to_string()),
                                words::open_article(&a.title),
                                Style::Primary,
                            ));
                        }
                    }
                    last.choices.push(crate::reply::Choice::new(
                        Action::Escalate,
                        words::TALK_TO_A_HUMAN,
                        Style::Secondary,
                    ));
                }
                replies
            }
            Err(e) => vec![probe::render_error(&e)],
        }
    }

    /// Whether the session's ticket is still open; an unreadable one counts as not open (the
    /// user is then offered a hand-over, which files a new ticket or adds to the open one).
    /// Whether the session's ticket is open, and whether the user's latest word on it is that
    /// it works now (an unreadable ticket is logged and counts as neither).
    fn ticket_state(&self, session: &Session) -> (bool, bool) {
        use crate::escalation::ticket::Status;
        let Some(id) = session.ticket else {
            return (false, false);
        };
        match self.store.ticket(id) {
            Ok(Some(t)) => {
                let row = crate::store::TicketRow::of(&t);
                (t.status != Status::Resolved, row.says_it_works)
            }
            Ok(None) => (false, false),
            Err(e) => {
                tracing::warn!(error = %e, ticket = %id, "ticket status unreadable");
                (false, false)
            }
        }
    }

    /// Where the session's ticket stands, as told to its user; without a readable ticket, the
    /// usual "what's going wrong?" (a store error is logged, not shown).
    fn ticket_status(&self, session: &Session) -> Reply {
        use crate::escalation::text::escape_markdown;
        use crate::escalation::ticket::Status;
        let ticket = session.ticket.and_then(|id| {
            self.store
                .ticket(id)
                .map_err(|e| tracing::warn!(error = %e, ticket = %id, "ticket status unreadable"))
                .ok()
                .flatten()
        });
        let Some(ticket) = ticket else {
            return Reply::new(words::SAY_WHAT_IS_WRONG);
        };
        let id = ticket.id.to_string();
        let by = ticket.history.last().map(|h| escape_markdown(&h.by));
        let text = match (ticket.status, by) {
            (Status::Claimed, Some(by)) => words::ticket_is_claimed(&id, &by),
            (Status::Resolved, Some(by)) => words::ticket_was_resolved(&id, &by),
            _ => words::ticket_is_open(&id),
        };
        Reply::new(text).title(format!("Ticket {id}"))
    }

    /// "Add it to my ticket": the conversation as it is now goes to the open ticket (a new one
    /// if it was resolved meanwhile). Pressed again with nothing new (not a word, fix or check
    /// since), it files nothing twice and leaves any open step open; an old button pressed after
    /// "Start over" has nothing to add.
    async fn add_to_ticket(
        &self,
        session: &mut Session,
        works_now: bool,
    ) -> Result<Reply, ServiceError> {
        if session.descriptions.is_empty()
            && session.attempts.is_empty()
            && session.checks.is_empty()
        {
            return Ok(Reply::new(words::NOTHING_NEW_TO_ADD));
        }
        if let Some(id) = session.ticket
            && self.ticket_holds_all_of(session, id)
        {
            return Ok(Reply::new(words::already_on_ticket(&id.to_string()))
                .title(format!("Ticket {id}"))
                .choice(Action::Restart, words::START_OVER, Style::Secondary));
        }
        session.leave_pending();
        let added = if works_now {
            Added::WorksNow
        } else {
            Added::FollowUp
        };
        self.hand_over(session, None, Handover::Adding(added)).await
    }

    /// Whether open ticket `id`'s latest summary already has all of this conversation: what
    /// the user said, the article, browser, fixes tried and checks (an unreadable ticket
    /// counts as not: filing again is the safe side).
    fn ticket_holds_all_of(
        &self,
        session: &Session,
        id: crate::escalation::ticket::TicketId,
    ) -> bool {
        use crate::escalation::ticket::Status;
        let holds = |s: &crate::escalation::summary::Summary| {
            s.descriptions == session.descriptions
                && s.asides == session.asides
                && s.attempts == session.attempts
                && s.checks == session.checks
                && s.browser == session.browser
                && s.article.as_ref().map(|(id, _)| id.as_str()) == session.ticket_article()
        };
        match self.store.ticket(id) {
            Ok(Some(t)) if t.status != Status::Resolved => t.summaries.last().is_some_and(holds),
            Ok(_) => false,
            Err(e) => {
                tracing::warn!(error = %e, ticket = %id, "ticket unreadable; adding again");
                false
            }
        }
    }

    /// The latest summary of the user's open ticket when it was filed before this conversation
    /// began: words added to it after "Start over" go on top of it (the fresh conversation
    /// holds none of the problem handed over). Filed earlier, or holding words this
    /// conversation never heard (a "Start over" in the same second as the hand-over). An
    /// unreadable ticket gives none: the words are added on their own.
    fn handed_over_before_start_over(&self, session: &Session) -> Option<Summary> {
        use crate::escalation::ticket::Status;
        let id = session.ticket?;
        let ticket = self
            .store
            .ticket(id)
            .map_err(|e| tracing::warn!(error = %e, ticket = %id, "ticket unreadable"))
            .ok()
            .flatten()?;
        ticket
            .summaries
            .last()
            .filter(|s| {
                ticket.status != Status::Resolved
                    && (s.at < session.started_at
                        || s.descriptions
                            .iter()
                            .any(|d| !session.descriptions.contains(d)))
            })
            .cloned()
    }

    /// "T-0001, resolved by Sam: \"re-linked Chase\"" when the session's ticket is resolved
    /// (an unreadable ticket links nothing: the hand-over goes ahead without it).
    fn resolved_before(&self, session: &Session) -> Option<String> {
        use crate::escalation::ticket::Status;
        let id = session.ticket?;
        let ticket = self
            .store
            .ticket(id)
            .map_err(|e| tracing::warn!(error = %e, ticket = %id, "earlier ticket unreadable"))
            .ok()
            .flatten()?;
        if ticket.status != Status::Resolved {
            return None;
        }
        let last = ticket.history.last();
        let by = last.map_or("staff", |c| c.by.as_str());
        Some(match last.and_then(|c| c.note.as_deref()) {
            Some(note) => format!("{id}, resolved by {by}: \"{note}\""),
            None => format!("{id}, resolved by {by}"),
        })
    }

    /// Hands the conversation to a human: captures the summary, creates (or adds to) the
    /// user's ticket durably, queues it for staff, and says what happens next.
    pub async fn escalate(
        &self,
        session: &mut Session,
        note: Option<String>,
    ) -> Result<Reply, ServiceError> {
        // "human please" again with nothing said since: filing the same summary again would
        // only notify staff twice; where the ticket stands (and who has it) is the answer.
        if note.is_none()
            && let Some(id) = session.ticket
            && self.ticket_holds_all_of(session, id)
        {
            return Ok(self.ticket_status(session).choice(
                Action::Restart,
                words::START_OVER,
                Style::Secondary,
            ));
        }
        self.hand_over(session, note, Handover::Asked).await
    }

    async fn hand_over(
        &self,
        session: &mut Session,
        note: Option<String>,
        how: Handover,
    ) -> Result<Reply, ServiceError> {
        let now = self.clock.now();
        let asked = matches!(how, Handover::Asked | Handover::CameBack);
        let bare_request = note.is_none();
        let mut summary = self.summary_of(session, note, now);
        // Added after the user's ticket was resolved (a new ticket for "it came back", or the
        // conversation going on), or asked for with nothing new since the hand-over ("If the
        // problem is back, type /human"): staff see what was done then. A hand-over asked for
        // after "Start over" or a new walk is about something else, and links nothing.
        if let Handover::Adding(added) = how {
            summary.added = Some(added);
            if let Some(before) = self.handed_over_before_start_over(session) {
                summary.carry_on_from(&before);
            }
        }
        if matches!(how, Handover::Adding(_) | Handover::CameBack)
            || (bare_request && matches!(session.stage, crate::session::Stage::Escalated { .. }))
        {
            summary.follows = self.resolved_before(session);
        }
        // The ticket is written and flushed before the user hears of it; the flush blocks, so it
        // runs off the async workers.
        let desk = self.desk.clone();
        let escalated = match tokio::task::spawn_blocking(move || desk.file(summary, now)).await? {
            Ok(e) => e,
            Err(ServiceError::Refused(e)) => {
                tracing::error!(error = %e, "escalation refused");
                return Ok(Reply::new(words::TICKET_NOT_OPENED).tone(Tone::Danger));
            }
            Err(e) => return Err(e),
        };
        // What the walk led to a person after: a new ticket, or this conversation's first
        // hand-over to an open one. Words added to an open ticket are no new hand-over (each
        // would count the same fix again), whether added with "Add it to my ticket", asked for
        // again, or sent by a web form ("any update? still 502").
        let handed_over_before = escalated
            .ticket
            .summaries
            .iter()
            .rev()
            .skip(1)
            .any(|s| s.at >= session.started_at);
        let handed_over = escalated.created
            || (matches!(how, Handover::Asked | Handover::CameBack) && !handed_over_before);
        // After "Glad that worked!" with another problem offered, the ticket is about that
        // one: the hand-over follows its last step (if it had any), and the fix stands.
        let about = session.ticket_article().map(str::to_string);
        let other_than_walked = about.as_deref() != session.walked_article();
        if handed_over
            && let Some(last) = session
                .attempts
                .iter()
                .rev()
                .filter(|a| !other_than_walked || Some(&a.article) == about.as_ref())
                .find(|a| !a.outcome.is_some_and(Outcome::not_shown))
                .cloned()
        {
            if last.outcome == Some(Outcome::Fixed) {
                // "Fixed it", then "talk to a human": the fix is no step the user escalated
                // after, and the conversation no longer counts as fixed without a ticket (its
                // fix was counted so when it had none).
                if session.ticket.is_none() {
                    self.stat(session, &last, StatKind::FixWithoutTicketTakenBack, now);
                }
            } else {
                self.stat(session, &last, StatKind::EscalatedAfter, now);
            }
        }
        let id = escalated.ticket.id;
        session.ticket = Some(id);
        if asked {
            self.escalation_cooldown.record(&session.user.id, now);
        }
        // A ticket linked to a known outage: its user is told when the outage ends, as if they
        // had chosen "Notify me" (once, whatever else they chose). The ticket is filed: a
        // failure here is logged, not the user's.
        if let Some(link) = (escalated.ticket.summaries.last()).and_then(|s| s.incident.as_ref())
            && let Ok(incident) = link.id.parse::<IncidentId>()
            && let Err(e) = self.store.subscribe(incident, &escalated.ticket.user, now)
        {
            tracing::warn!(error = %e, ticket = %id, %incident, "the ticket's user may not hear when the outage ends");
        }
        session.stage = Stage::Escalated {
            article: if other_than_walked {
                about
            } else {
                session.article().map(str::to_string)
            },
        };
        let text = match (escalated.created, how) {
            (true, _) if session.descriptions.is_empty() && session.attempts.is_empty() => {
                words::ticket_opened_empty(&id.to_string())
            }
            (true, _) => words::ticket_opened(
                &id.to_string(),
                session.attempts.iter().any(|a| a.outcome.is_some()),
                !session.checks.is_empty(),
            ),
            (false, Handover::Asked | Handover::CameBack) => {
                words::ticket_added_to(&id.to_string())
            }
            (false, Handover::Adding(_)) => words::added_to_ticket(&id.to_string()),
        };
        Ok(Reply::new(text)
            .title(format!("Ticket {id}"))
            .tone(Tone::Success)
            .choice(Action::Restart, words::START_OVER, Style::Secondary))
    }

    /// A fix recorded in a walk begun after the hand-over (the "while you wait" article, or a
    /// description typed to the open ticket) goes to that ticket at once, so staff can close it
    /// rather than work on a solved problem; so does that fix coming back. The walk goes on
    /// where it is: this is no new hand-over (no stage change, no "escalated after" count).
    /// `None` when there is no such news, no open ticket, or the ticket is from before "Start
    /// over" (about another problem).
    async fn tell_ticket_of_fix(
        &self,
        session: &mut Session,
        before: &[Attempt],
    ) -> Result<Option<Reply>, ServiceError> {
        use crate::escalation::FixNews;
        let Some(id) = session.ticket else {
            return Ok(None);
        };
        let Some(news) = crate::escalation::fix_news(before, &session.attempts) else {
            return Ok(None);
        };
        if matches!(session.stage, Stage::Escalated { .. })
            || !self.ticket_is_from_this_conversation(session, id)
        {
            return Ok(None);
        }
        let told = match news {
            FixNews::Fixed(_) => words::fix_told_to_ticket(&id.to_string()),
            FixNews::CameBack(_) => words::fix_came_back_told_to_ticket(&id.to_string()),
        };
        let now = self.clock.now();
        let mut summary = self.summary_of(session, None, now);
        // Added by the user, not handed over again: its history line says the news (explorer
        // rv47 F5: a fix that worked after the hand-over read "handed over again").
        summary.added = Some(match news {
            FixNews::Fixed(_) => Added::WorksNow,
            FixNews::CameBack(_) => Added::FollowUp,
        });
        let desk = self.desk.clone();
        match tokio::task::spawn_blocking(move || desk.file(summary, now)).await? {
            Ok(_) => Ok(Some(Reply::new(told).title(format!("Ticket {id}")))),
            // The fix is the user's news, not a failure of theirs: logged, and the walk goes on.
            Err(ServiceError::Refused(e)) => {
                tracing::error!(error = %e, ticket = %id, "fix not added to the open ticket");
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Whether ticket `id` is open, this conversation handed over to it (its latest summary is
    /// from after the conversation began: a ticket from before "Start over" is about another
    /// problem), and it is about the article walked now, or about none ("separately, my report
    /// gives 504" while a bank feed ticket waits is another problem).
    fn ticket_is_from_this_conversation(
        &self,
        session: &Session,
        id: crate::escalation::ticket::TicketId,
    ) -> bool {
        use crate::escalation::ticket::Status;
        match self.store.ticket(id) {
            Ok(Some(t)) => {
                t.status != Status::Resolved
                    && t.summaries.last().is_some_and(|s| {
                        s.at >= session.started_at
                            && s.article.as_ref().is_none_or(|(article, _)| {
                                let article = Some(article.as_str());
                                article == session.walked_article()
                                    || article == session.ticket_article()
                            })
                    })
            }
            Ok(None) => false,
            Err(e) => {
                tracing::warn!(error = %e, ticket = %id, "ticket unreadable; fix not told");
                false
            }
        }
    }

    /// The summary of `session` as staff will read it: the ticket's article by its title, and
    /// what is known of the knowledge base and of outages now.
    fn summary_of(&self, session: &Session, note: Option<String>, now: u64) -> Summary {
        let kb = self.knowledge.current();
        let title = session
            .ticket_article()
            .and_then(|id| kb.get(id))
            .map(|a| a.title.clone());
        let mut summary = Summary::capture(session, title.as_deref(), note, kb.revision(), now);
        if let Some(why) = self.knowledge.problem() {
            // Without a knowledge base there is no diagnosis: an article left from an earlier
            // conversation must not pose as one (it could not even be named).
            summary.article = None;
            summary.kb_problem = Some(why);
        }
        // Part of a known outage: linked, so staff see it grouped and can resolve it with it.
        if let Some(article) = summary.article.as_ref().map(|(id, _)| id.clone())
            && let Some(incident) = self
                .store
                .active_incidents()
                .into_iter()
                .find(|i| i.concerns(&article))
        {
            summary.incident = Some(crate::escalation::summary::LinkedIncident {
                id: incident.id.to_string(),
                title: incident.title,
            });
        }
        summary
    }
}

/// Why a conversation goes to the user's ticket: worded apart when it joins an open one.
#[derive(Debug, Clone, Copy)]
enum Handover {
    /// "Talk to a human" (or `/escalate`).
    Asked,
    /// "Add it to my ticket", offered for a follow-up after a hand-over, or "it works now".
    Adding(Added),
    /// A one-shot report (`escalate`, a web form) from a user whose ticket was resolved: a new
    /// conversation, linked to that ticket ("Came back after").
    CameBack,
}

/// The attempt in `before` that `after[i]` is: the n-th showing of the same fix of the same
/// article in both. A fix said to be tried before it was shown goes in before the one on
/// screen, which then sits one place later and is still the same showing.
fn same_attempt_before<'a>(
    before: &'a [Attempt],
    after: &[Attempt],
    i: usize,
) -> Option<&'a Attempt> {
    let a = &after[i];
    let same = |b: &&Attempt| b.solution == a.solution && b.article == a.article;
    let nth = after[..i].iter().filter(same).count();
    before.iter().filter(same).nth(nth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::Browser;
    use crate::probe::{Resolver, resolve::Resolving};
    use std::path::Path;
    use std::time::Duration;

    /// Resolves every name to 127.0.0.1, but only once the test opens the gate; says when a
    /// lookup is waiting, so the test knows a check is under way.
    #[derive(Debug, Default)]
    struct GatedResolver {
        entered: Notify,
        gate: Notify,
    }

    impl Resolver for GatedResolver {
        fn resolve<'a>(&'a self, _host: &'a str) -> Resolving<'a> {
            Box::pin(async move {
                self.entered.notify_one();
                self.gate.notified().await;
                Ok(vec![std::net::IpAddr::from([127, 0, 0, 1])])
            })
        }
    }

    /// Resolves no name at all, at once.
    #[derive(Debug)]
    struct NoNames;

    impl Resolver for NoNames {
        fn resolve<'a>(&'a self, _host: &'a str) -> Resolving<'a> {
            Box::pin(async { Err(std::io::Error::other("no such name")) })
        }
    }

    fn service(dir: &Path, resolver: Arc<GatedResolver>) -> Service {
        service_resolving(dir, resolver)
    }

    fn service_resolving(dir: &Path, resolver: Arc<dyn Resolver>) -> Service {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let knowledge = Knowledge::open(&root.join("knowledge")).expect("shipped knowledge");
        let store = Store::open_waiting(dir, Duration::from_secs(5)).expect("store");
        let prober = Prober::builder(CheckConfig {
            allow_private_targets: true,
            ..CheckConfig::default()
        })
        .resolver(resolver)
        .build();
        Service::with_prober(knowledge, store, prober)
    }

    fn user(id: &str) -> UserRef {
        UserRef {
            id: id.into(),
            name: id.into(),
            channel: "console".into(),
        }
    }

    fn describe() -> Event {
        Event::Describe {
            text: "quickbooks error 502 bad gateway".into(),
            browser: Some(Browser::Chrome),
            query: None,
        }
    }

    /// A check of a name that resolves only when the gate opens (then a closed local port).
    fn slow_check() -> Event {
        Event::Check {
            target: Some("http://slow.test:9/".into()),
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_answer_during_a_slow_check_is_kept_with_the_check() {
        let dir = tempfile::tempdir().expect("tempdir");
        let resolver = Arc::new(GatedResolver::default());
        let service = service(dir.path(), Arc::clone(&resolver));
        let ann = user("ann");
        service.handle(&ann, describe()).await.expect("describe");

        let checking = tokio::spawn({
            let (service, ann) = (service.clone(), ann.clone());
            async move { service.handle(&ann, slow_check()).await }
        });
        resolver.entered.notified().await;
        let step = service
            .session(&ann)
            .expect("load")
            .current_step()
            .expect("a solution is open");
        let answering = tokio::spawn({
            let (service, ann) = (service.clone(), ann.clone());
            async move {
                service
                    .handle(&ann, Event::Act(Action::NotFixed(step)))
                    .await
            }
        });
        // Time for the answer to be handled, were it not waiting for the check.
        tokio::time::sleep(Duration::from_millis(300)).await;
        resolver.gate.notify_one();
        checking.await.expect("check task").expect("check");
        let replies = answering.await.expect("answer task").expect("answer");
        assert!(
            replies.iter().any(|r| r.text.contains("Did this fix it?")),
            "{replies:?}"
        );

        let stored = service
            .store
            .load_session("ann")
            .expect("load")
            .expect("saved");
        assert_eq!(stored.checks.len(), 1, "the check is recorded: {stored:?}");
        let index = step.attempt - stored.attempt_base;
        assert_eq!(
            stored.attempts[index].outcome,
            Some(Outcome::NotFixed),
            "the answer is kept: {stored:?}"
        );
        assert_eq!(
            stored.attempts.len(),
            index + 2,
            "the next fix is open: {stored:?}"
        );
        assert!(
            service.turns.locks.lock().expect("locks").is_empty(),
            "no lock is left behind"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_slow_check_does_not_hold_up_another_user() {
        let dir = tempfile::tempdir().expect("tempdir");
        let resolver = Arc::new(GatedResolver::default());
        let service = service(dir.path(), Arc::clone(&resolver));
        let ann = user("ann");
        let checking = tokio::spawn({
            let service = service.clone();
            async move { service.handle(&ann, slow_check()).await }
        });
        resolver.entered.notified().await;
        let bob = user("bob");
        let replies =
            tokio::time::timeout(Duration::from_secs(5), service.handle(&bob, describe()))
                .await
                .expect("bob is answered while ann's check still runs")
                .expect("describe");
        assert!(!replies.is_empty());
        assert!(!checking.is_finished(), "ann's check was still waiting");
        resolver.gate.notify_one();
        checking.await.expect("check task").expect("check");
    }

    /// What a one-shot hand-over's ticket says the user said.
    async fn handed_over(service: &Service, who: &str, text: &str) -> Vec<String> {
        let ticket = service
            .escalate_text(&user(who), text.into(), None, None)
            .await
            .expect("escalated");
        ticket.summary().expect("a summary").descriptions.clone()
    }

    #[tokio::test]
    async fn a_hand_over_keeps_the_words_the_engine_calls_filler() {
        let dir = tempfile::tempdir().expect("tempdir");
        let service = service(dir.path(), Arc::default());
        for (i, text) in [
            "call me back please",
            "help",
            "hello?",
            "ok",
            "thanks",
            "???",
            "🔥🔥🔥",
            "-",
        ]
        .into_iter()
        .enumerate()
        {
            let said = handed_over(&service, &format!("web{i}"), &format!("  {text}\n")).await;
            assert_eq!(said, vec![text.to_string()], "{text:?}");
        }
    }

    #[tokio::test]
    async fn a_hand_over_keeps_its_words_once_and_without_a_password() {
        let dir = tempfile::tempdir().expect("tempdir");
        let service = service(dir.path(), Arc::default());
        let said = handed_over(&service, "a", "quickbooks error 502 bad gateway").await;
        assert_eq!(said, vec!["quickbooks error 502 bad gateway"]);

        let said = handed_over(&service, "b", "call me back, password: Spring2024!").await;
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with("call me back") && !said[0].contains("Spring2024"),
            "{said:?}"
        );

        // After a conversation, the hand-over's words come after what was said there.
        let ann = user("ann");
        service.handle(&ann, describe()).await.expect("describe");
        let said = handed_over(&service, "ann", "call me back please").await;
        assert_eq!(
            said,
            vec!["quickbooks error 502 bad gateway", "call me back please"]
        );
    }

    /// Holds the incident lock on a thread of its own, as a staff confirm linking many tickets
    /// does, until the sender is used or dropped, or for a second at most: a runtime thread
    /// blocked on the lock gets it back, and the test fails instead of hanging.
    fn hold_the_incident_lock(
        service: &Service,
    ) -> (std::sync::mpsc::Sender<()>, std::thread::JoinHandle<()>) {
        let lock = Arc::clone(&service.incident_writes);
        let (held, is_held) = std::sync::mpsc::channel();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let holder = std::thread::spawn(move || {
            let _held = lock.lock().expect("incident lock");
            held.send(()).expect("the test waits for the lock");
            let _ = released.recv_timeout(Duration::from_secs(1));
        });
        is_held.recv().expect("the lock is held");
        (release, holder)
    }

    /// Runs `work` while the incident lock is held, on the test's runtime (one thread): a
    /// timer set meanwhile must fire on time, so `work` waits for the lock off that thread.
    async fn waits_for_the_lock_off_the_runtime<T: Send + 'static>(
        service: &Service,
        work: impl std::future::Future<Output = T> + Send + 'static,
    ) -> T {
        let (release, holder) = hold_the_incident_lock(service);
        let waiting = tokio::spawn(work);
        let started = std::time::Instant::now();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let timer = started.elapsed();
        let finished_while_held = waiting.is_finished();
        drop(release);
        holder.join().expect("lock holder");
        assert!(
            timer < Duration::from_millis(800),
            "a 200 ms timer fired after {timer:?}: the runtime's thread waited for the lock"
        );
        assert!(!finished_while_held, "the work needs the lock");
        waiting.await.expect("work task")
    }

    /// review45 2: a user landing on an article notes it for the crowd signal under the
    /// incident lock; waiting for it blocked an async worker (with one per core, two such
    /// users stopped every event and the gateway's heartbeats).
    #[tokio::test(flavor = "current_thread")]
    async fn a_user_event_waiting_for_the_incident_lock_leaves_the_runtime_free() {
        let dir = tempfile::tempdir().expect("tempdir");
        let service = service(dir.path(), Arc::default());
        let handling = {
            let service = service.clone();
            async move { service.handle(&user("ann"), describe()).await }
        };
        let replies = waits_for_the_lock_off_the_runtime(&service, handling)
            .await
            .expect("describe");
        assert!(!replies.is_empty());
    }

    /// review45 2: `/incident resolve` (and `incidents resolve`) resolved under the incident
    /// lock on the async worker that ran the command.
    #[tokio::test(flavor = "current_thread")]
    async fn a_resolve_waiting_for_the_incident_lock_leaves_the_runtime_free() {
        let dir = tempfile::tempdir().expect("tempdir");
        let service = service(dir.path(), Arc::default());
        let articles = ["quickbooks-error-502".to_string()];
        let declared = service
            .declare_incident("sam", "Bank feeds down", &articles)
            .expect("declared");
        let resolving = {
            let service = service.clone();
            let id = declared.id;
            async move {
                service
                    .resolve_incident_by_hand(id, "sam", None, false, false)
                    .await
            }
        };
        let (resolved, _) = waits_for_the_lock_off_the_runtime(&service, resolving)
            .await
            .expect("resolved");
        assert_eq!(resolved.state, crate::incident::IncidentState::Resolved);
    }

    /// review45 2: a monitor round moves incidents under the incident lock (and closes those
    /// whose target left, under it, at every round); it waited for the lock on an async worker.
    #[tokio::test(flavor = "current_thread")]
    async fn a_monitor_round_waiting_for_the_incident_lock_leaves_the_runtime_free() {
        let dir = tempfile::tempdir().expect("tempdir");
        let service = service_resolving(dir.path(), Arc::new(NoNames));
        let round = {
            let service = service.clone();
            async move { service.monitor_round(true).await }
        };
        let round = waits_for_the_lock_off_the_runtime(&service, round)
            .await
            .expect("a round");
        assert!(!round.checked.is_empty(), "{round:?}");
    }

    /// Staff confirming and dismissing one suspected incident at the same moment: one of them
    /// wins and the other is refused, and the incident stored is the winner's (the last write
    /// won before, and both were told they had succeeded).
    #[test]
    fn a_confirm_and_a_dismiss_at_once_never_both_succeed() {
        use crate::incident::{Incident, IncidentState, Origin};
        let dir = tempfile::tempdir().expect("temp dir");
        let service = service(dir.path(), Arc::default());
        for round in 0..100 {
            let suspected = service
                .store()
                .new_incident(|id| {
                    let mut i = Incident::open(
                        id,
                        format!("Many users on the 502 article ({round})"),
                        Origin::Crowd {
                            article: "quickbooks-error-502".into(),
                            users: 5,
                        },
                        Vec::new(),
                        vec!["quickbooks-error-502".into()],
                        100,
                    );
                    i.state = IncidentState::Suspected;
                    i
                })
                .expect("a suspected incident");
            let id = suspected.id;
            let start = Arc::new(std::sync::Barrier::new(2));
            let confirm = {
                let (service, start) = (service.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    service.confirm_incident(id, "sam").map(|(i, _)| i.state)
                })
            };
            let dismiss = {
                let (service, start) = (service.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    service.dismiss_incident(id, "kim").map(|i| i.state)
                })
            };
            let confirmed = confirm.join().expect("confirm thread");
            let dismissed = dismiss.join().expect("dismiss thread");
            let stored = service.incident(id).expect("stored").state;
            match (confirmed, dismissed) {
                (Ok(state), Err(_)) | (Err(_), Ok(state)) => assert_eq!(stored, state),
                (c, d) => panic!("round {round}: exactly one may succeed: {c:?} / {d:?}"),
            }
        }
    }
}
