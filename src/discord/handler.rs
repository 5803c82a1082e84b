//! Interactions -> core events -> replies rendered back: slash commands, buttons, menus,
//! modals and autocomplete; acknowledged within Discord's 3 seconds, deferring slow work.

use super::commands::{self, KbVerb, SlashCommand, TicketVerb};
use super::perms::{self, Caller, Need};
use super::render::{self, MessageSpec, no_mentions};
use crate::browser::Browser;
use crate::conversation::Event;
use crate::escalation::{self, ticket::TicketId};
use crate::knowledge::Knowledge;
use crate::reply::{Action, Reply, Tone};
use crate::service::Service;
use crate::session::UserRef;
use crate::store::TicketOpError;
use serenity::all::{
    AutocompleteChoice, CommandInteraction, ComponentInteraction, ComponentInteractionDataKind,
    Context, CreateActionRow, CreateAutocompleteResponse, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateModal, EditInteractionResponse, InputTextStyle, Interaction, ModalInteraction, User,
};
use std::collections::HashMap;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Settings the adapter needs (from `Config`, read once in `main`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub support_channel: u64,
    pub staff_role: Option<u64>,
    pub dev_guild: Option<u64>,
    pub check_cooldown: Duration,
    pub escalate_cooldown: Duration,
}

/// Counts interactions in flight so shutdown can wait for them.
#[derive(Debug, Default)]
pub struct InFlight {
    pub accepting: AtomicBool,
    count: AtomicUsize,
    idle: Notify,
}

pub struct InFlightGuard<'a>(&'a InFlight);

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    pub fn enter(&self) -> Option<InFlightGuard<'_>> {
        self.count.fetch_add(1, Ordering::AcqRel);
        let guard = InFlightGuard(self);
        self.accepting.load(Ordering::Acquire).then_some(guard)
    }

    /// Waits until no interaction is in flight, or the timeout passes.
    pub async fn drained(&self, timeout: Duration) -> bool {
        let wait = async {
            loop {
                let idle = self.idle.notified();
                if self.count.load(Ordering::Acquire) == 0 {
                    return;
                }
                idle.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.is_ok()
    }
}

/// Per-user cooldowns for costly commands.
#[derive(Debug, Default)]
pub struct Cooldowns {
    // No await happens while this lock is held.
    last: Mutex<HashMap<(String, &'static str), Instant>>,
}

impl Cooldowns {
    /// None if allowed now (and records the use); otherwise how long to wait.
    pub fn try_use(&self, user: &str, what: &'static str, every: Duration) -> Option<Duration> {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if let Some(at) = last.get(&(user.to_string(), what)) {
            let since = now.duration_since(*at);
            if since < every {
                return Some(every - since);
            }
        }
        last.insert((user.to_string(), what), now);
        if last.len() > 10_000 {
            last.retain(|_, at| now.duration_since(*at) < Duration::from_secs(3600));
        }
        None
    }
}

pub struct Handler {
    pub service: Service,
    pub settings: Settings,
    pub inflight: Arc<InFlight>,
    pub cooldowns: Cooldowns,
}

fn user_ref(user: &User, channel: u64) -> UserRef {
    UserRef {
        id: user.id.get().to_string(),
        name: user
            .global_name
            .clone()
            .unwrap_or_else(|| user.name.clone()),
        channel: channel.to_string(),
    }
}

fn response_message(spec: &MessageSpec) -> CreateInteractionResponseMessage {
    fill!(
        CreateInteractionResponseMessage::new().ephemeral(spec.ephemeral),
        spec,
        add_file
    )
}

fn followup(spec: &MessageSpec) -> CreateInteractionResponseFollowup {
    fill!(
        CreateInteractionResponseFollowup::new().ephemeral(spec.ephemeral),
        spec,
        add_file
    )
}

fn edit(spec: &MessageSpec) -> EditInteractionResponse {
    fill!(EditInteractionResponse::new(), spec, new_attachment)
}

fn private(text: impl Into<String>, tone: Tone) -> Vec<Reply> {
    vec![Reply::new(text).tone(tone)]
}

const GENERIC_FAILURE: &str =
    "Something went wrong on my side and it has been logged. Please try again in a minute.";

/// The one place interaction errors end up: logged with context, the user sees a short line.
macro_rules! log_failure {
    ($result:expr, $what:expr) => {
        if let Err(e) = $result {
            tracing::error!(error = %e, what = $what, "interaction failed");
        }
    };
}

impl Handler {
    pub async fn dispatch(&self, ctx: &Context, interaction: Interaction) {
        let Some(_guard) = self.inflight.enter() else {
            // Shutting down: say so instead of leaving the user with "interaction failed".
            let msg = CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content("I'm restarting; please try again in a few seconds.")
                    .ephemeral(true)
                    .allowed_mentions(no_mentions()),
            );
            let r = match &interaction {
                Interaction::Command(c) => c.create_response(&ctx.http, msg).await,
                Interaction::Component(c) => c.create_response(&ctx.http, msg).await,
                Interaction::Modal(m) => m.create_response(&ctx.http, msg).await,
                _ => Ok(()),
            };
            log_failure!(r, "refusing during shutdown");
            return;
        };
        match interaction {
            Interaction::Command(c) => self.command(ctx, &c).await,
            Interaction::Component(c) => self.component(ctx, &c).await,
            Interaction::Modal(m) => self.modal(ctx, &m).await,
            Interaction::Autocomplete(a) => self.autocomplete(ctx, &a).await,
            _ => {}
        }
    }

    async fn reply_now(
        &self,
        ctx: &Context,
        c: &CommandInteraction,
        owner: &str,
        replies: &[Reply],
        share: bool,
    ) {
        let mut specs = render::messages(owner, replies);
        if share {
            specs.iter_mut().for_each(|s| s.ephemeral = false);
        }
        let first = CreateInteractionResponse::Message(response_message(&specs[0]));
        log_failure!(
            c.create_response(&ctx.http, first).await,
            "command response"
        );
        for s in &specs[1..] {
            log_failure!(
                c.create_followup(&ctx.http, followup(s)).await,
                "command follow-up"
            );
        }
    }

    /// Answers a conversation command at once, or, when the answer is not ready within the
    /// budget (the user's previous event, e.g. a live check, is still running), acknowledges
    /// it and edits the answer in when ready.
    async fn answer_command(
        &self,
        ctx: &Context,
        c: &CommandInteraction,
        user: &UserRef,
        event: Event,
        share: bool,
    ) {
        match within_budget(self.run(user, event)).await {
            Ok(replies) => self.reply_now(ctx, c, &user.id, &replies, share).await,
            Err(pending) => {
                let deferred = if share {
                    c.defer(&ctx.http).await
                } else {
                    c.defer_ephemeral(&ctx.http).await
                };
                log_failure!(deferred, "defer slow answer");
                let replies = pending.await;
                self.edit_deferred_shared(ctx, &c.token, &user.id, &replies, share)
                    .await;
            }
        }
    }

    async fn command(&self, ctx: &Context, c: &CommandInteraction) {
        let user = user_ref(&c.user, c.channel_id.get());
        let owner = user.id.clone();
        let parsed = commands::parse(&c.data.name, &c.data.options);
        let cmd = match parsed {
            Ok(cmd) => cmd,
            Err(msg) => {
                return self
                    .reply_now(ctx, c, &owner, &private(msg, Tone::Warning), false)
                    .await;
            }
        };
        let caller = Caller::of(c.member.as_deref());
        if let Some(reason) = perms::refuse(cmd.need(), &caller, self.settings.staff_role) {
            tracing::info!(user = %owner, command = %c.data.name, "refused: not permitted");
            return self
                .reply_now(ctx, c, &owner, &private(reason, Tone::Danger), false)
                .await;
        }
        match cmd {
            SlashCommand::Diagnose {
                description,
                browser,
                share,
            } => {
                let event = Event::Describe {
                    text: description,
                    browser,
                    query: None,
                };
                self.answer_command(ctx, c, &user, event, share).await;
            }
            SlashCommand::Fix { article, browser } => {
                let event = Event::Open { article, browser };
                self.answer_command(ctx, c, &user, event, false).await;
            }
            SlashCommand::Help => {
                self.answer_command(ctx, c, &user, Event::Help, false).await;
            }
            SlashCommand::Check { target } => {
                if let Some(wait) =
                    self.cooldowns
                        .try_use(&owner, "check", self.settings.check_cooldown)
                {
                    let msg = format!(
                        "You just ran a check; try again in {} s.",
                        wait.as_secs().max(1)
                    );
                    return self
                        .reply_now(ctx, c, &owner, &private(msg, Tone::Warning), false)
                        .await;
                }
                log_failure!(c.defer_ephemeral(&ctx.http).await, "defer /check");
                let replies = match self.service.check_request(&user, &target).await {
                    Ok(r) => r,
                    Err(e) => {
                        tracing::error!(error = %e, "check failed");
                        private(GENERIC_FAILURE, Tone::Danger)
                    }
                };
                self.edit_deferred(ctx, &c.token, &owner, &replies).await;
            }
            SlashCommand::Escalate { note: Some(note) } => {
                if let Some(msg) = self.escalate_cooldown(&owner) {
                    return self
                        .reply_now(ctx, c, &owner, &private(msg, Tone::Warning), false)
                        .await;
                }
                log_failure!(c.defer_ephemeral(&ctx.http).await, "defer /escalate");
                let replies = self.run(&user, Event::Escalate { note: Some(note) }).await;
                self.edit_deferred(ctx, &c.token, &owner, &replies).await;
            }
            SlashCommand::Escalate { note: None } => {
                log_failure!(
                    c.create_response(&ctx.http, escalate_modal()).await,
                    "escalate modal"
                );
            }
            SlashCommand::Ticket { verb, id, note } => {
                let replies = self.ticket(verb, &id, note, &user).await;
                self.reply_now(ctx, c, &owner, &replies, false).await;
            }
            SlashCommand::Kb { verb } => {
                if matches!(verb, KbVerb::Reload | KbVerb::Check) {
                    // Reading the files, and after an edit embedding its chunks, is blocking
                    // work that can outlast Discord's 3 seconds: acknowledge, then edit it in.
                    log_failure!(c.defer_ephemeral(&ctx.http).await, "defer /kb");
                    let knowledge = Arc::clone(&self.service.knowledge);
                    let replies =
                        match tokio::task::spawn_blocking(move || kb_replies(&knowledge, verb))
                            .await
                        {
                            Ok(r) => r,
                            Err(e) => {
                                tracing::error!(error = %e, "/kb failed");
                                private(GENERIC_FAILURE, Tone::Danger)
                            }
                        };
                    self.edit_deferred(ctx, &c.token, &owner, &replies).await;
                } else {
                    let replies = kb_replies(&self.service.knowledge, verb);
                    self.reply_now(ctx, c, &owner, &replies, false).await;
                }
            }
        }
    }

    fn escalate_cooldown(&self, owner: &str) -> Option<String> {
        self.cooldowns
            .try_use(owner, "escalate", self.settings.escalate_cooldown)
            .map(|wait| {
                format!(
                    "Your request is already with the team; you can add more in {} s.",
                    wait.as_secs().max(1)
                )
            })
    }

    async fn edit_deferred(&self, ctx: &Context, token: &str, owner: &str, replies: &[Reply]) {
        self.edit_deferred_shared(ctx, token, owner, replies, false)
            .await
    }

    /// Edits a deferred response in; its follow-ups are public only when `share` (a shared
    /// /diagnose), as they would be had the answer come in time.
    async fn edit_deferred_shared(
        &self,
        ctx: &Context,
        token: &str,
        owner: &str,
        replies: &[Reply],
        share: bool,
    ) {
        let specs = render::messages(owner, replies);
        log_failure!(
            ctx.http
                .edit_original_interaction_response(
                    token,
                    &edit(&specs[0]),
                    render::to_files(&specs[0].files)
                )
                .await,
            "edit deferred"
        );
        for s in &specs[1..] {
            let mut body = followup(s);
            body = body.ephemeral(!share);
            log_failure!(
                ctx.http
                    .create_followup_message(token, &body, render::to_files(&s.files))
                    .await,
                "deferred follow-up"
            );
        }
    }

    async fn run(&self, user: &UserRef, event: Event) -> Vec<Reply> {
        match self.service.handle(user, event).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, user = %user.id, "conversation failed");
                private(GENERIC_FAILURE, Tone::Danger)
            }
        }
    }

    async fn component(&self, ctx: &Context, c: &ComponentInteraction) {
        let user = user_ref(&c.user, c.channel_id.get());
        let id = c.data.custom_id.as_str();
        if let Some((verb, ticket)) = render::parse_ticket_id(id) {
            return self.ticket_button(ctx, c, verb, ticket, &user).await;
        }
        let Some((owner, token)) = render::parse_conversation_id(id) else {
            let r = private(
                "That button is from an older version of me; start again with /diagnose.",
                Tone::Warning,
            );
            return self.component_reply(ctx, c, &user.id, &r).await;
        };
        if owner != user.id {
            let r = private(
                "These buttons belong to someone else's conversation. Use /diagnose to start your own.",
                Tone::Warning,
            );
            return self.component_reply(ctx, c, &user.id, &r).await;
        }
        let action = if token == "browser" {
            match &c.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => {
                    let v = values.first().map(String::as_str).unwrap_or("other");
                    Some(Action::Browser(v.parse::<Browser>().ok()))
                }
                _ => None,
            }
        } else {
            Action::parse(token)
        };
        match action {
            None => {
                let r = private(
                    "I didn't understand that choice; start again with /diagnose.",
                    Tone::Warning,
                );
                self.component_reply(ctx, c, &user.id, &r).await
            }
            Some(Action::Escalate) => {
                log_failure!(
                    c.create_response(&ctx.http, escalate_modal()).await,
                    "escalate modal"
                );
            }
            Some(Action::Check) => {
                if let Some(wait) =
                    self.cooldowns
                        .try_use(&user.id, "check", self.settings.check_cooldown)
                {
                    let r = private(
                        format!(
                            "You just ran a check; try again in {} s.",
                            wait.as_secs().max(1)
                        ),
                        Tone::Warning,
                    );
                    return self.component_reply(ctx, c, &user.id, &r).await;
                }
                log_failure!(c.defer_ephemeral(&ctx.http).await, "defer check button");
                let replies = self.run(&user, Event::Act(Action::Check)).await;
                self.edit_deferred(ctx, &c.token, &user.id, &replies).await;
            }
            Some(action) => match within_budget(self.run(&user, Event::Act(action))).await {
                Ok(replies) => self.component_reply(ctx, c, &user.id, &replies).await,
                Err(pending) => {
                    log_failure!(c.defer_ephemeral(&ctx.http).await, "defer slow answer");
                    let replies = pending.await;
                    self.edit_deferred(ctx, &c.token, &user.id, &replies).await;
                }
            },
        }
    }

    async fn component_reply(
        &self,
        ctx: &Context,
        c: &ComponentInteraction,
        owner: &str,
        replies: &[Reply],
    ) {
        let specs = render::messages(owner, replies);
        let first = CreateInteractionResponse::Message(response_message(&specs[0]));
        log_failure!(
            c.create_response(&ctx.http, first).await,
            "component response"
        );
        for s in &specs[1..] {
            log_failure!(
                c.create_followup(&ctx.http, followup(s)).await,
                "component follow-up"
            );
        }
    }

    async fn modal(&self, ctx: &Context, m: &ModalInteraction) {
        let user = user_ref(&m.user, m.channel_id.get());
        if m.data.custom_id != "sb-escalate" {
            return;
        }
        let note = m
            .data
            .components
            .iter()
            .flat_map(|row| row.components.iter())
            .find_map(|c| match c {
                serenity::all::ActionRowComponent::InputText(t) => t.value.clone(),
                _ => None,
            })
            .filter(|v| !v.trim().is_empty());
        if let Some(msg) = self.escalate_cooldown(&user.id) {
            let specs = render::messages(&user.id, &private(msg, Tone::Warning));
            log_failure!(
                m.create_response(
                    &ctx.http,
                    CreateInteractionResponse::Message(response_message(&specs[0]))
                )
                .await,
                "modal cooldown"
            );
            return;
        }
        log_failure!(m.defer_ephemeral(&ctx.http).await, "defer escalate modal");
        let replies = self.run(&user, Event::Escalate { note }).await;
        self.edit_deferred(ctx, &m.token, &user.id, &replies).await;
    }

    async fn ticket(
        &self,
        verb: TicketVerb,
        id: &str,
        note: Option<String>,
        user: &UserRef,
    ) -> Vec<Reply> {
        let id: TicketId = match id.parse() {
            Ok(id) => id,
            Err(e) => return private(e, Tone::Warning),
        };
        let store = &self.service.store;
        let now = self.service.clock.now();
        let by = format!("{} ({})", user.name, user.id);
        let result = match verb {
            TicketVerb::Show => {
                return match store.ticket(id) {
                    Ok(Some(t)) => {
                        let s = t.summary();
                        let mut r = Reply::new(
                            s.map(|s| s.card(&id.to_string()).description)
                                .unwrap_or_default(),
                        )
                        .title(format!(
                            "{id} — {}{}",
                            t.status,
                            t.claimed_by()
                                .map(|b| format!(" by {b}"))
                                .unwrap_or_default()
                        ));
                        if let Some(s) = s {
                            for (n, v) in s.card(&id.to_string()).fields {
                                r = r.field(n, v);
                            }
                        }
                        vec![r]
                    }
                    Ok(None) => private(format!("Ticket {id} does not exist."), Tone::Warning),
                    Err(e) => {
                        tracing::error!(error = %e, "ticket show");
                        private(GENERIC_FAILURE, Tone::Danger)
                    }
                };
            }
            verb => {
                // Ticket steps flush to disk: off the async workers.
                let store = store.clone();
                let step = tokio::task::spawn_blocking(move || match verb {
                    TicketVerb::Claim => escalation::claim(&store, id, &by, now),
                    TicketVerb::Resolve => escalation::resolve(&store, id, &by, note, now),
                    _ => escalation::reopen(&store, id, &by, now),
                })
                .await;
                match step {
                    Ok(r) => r,
                    Err(e) => {
                        tracing::error!(error = %e, "ticket step task failed");
                        return private(GENERIC_FAILURE, Tone::Danger);
                    }
                }
            }
        };
        self.service.outbox_wake.notify_one();
        match result {
            Ok(stepped) => vec![Reply::new(stepped.staff_reply()).tone(Tone::Success)],
            Err(TicketOpError::Ticket(e)) => private(e.to_string(), Tone::Warning),
            Err(TicketOpError::Store(e)) => {
                tracing::error!(error = %e, "ticket step");
                private(GENERIC_FAILURE, Tone::Danger)
            }
        }
    }

    async fn ticket_button(
        &self,
        ctx: &Context,
        c: &ComponentInteraction,
        verb: &str,
        ticket: &str,
        user: &UserRef,
    ) {
        let caller = Caller::of(c.member.as_ref());
        if let Some(reason) = perms::refuse(Need::Staff, &caller, self.settings.staff_role) {
            tracing::info!(user = %user.id, "refused ticket button: not staff");
            return self
                .component_reply(ctx, c, &user.id, &private(reason, Tone::Danger))
                .await;
        }
        let verb = match verb {
            "claim" => TicketVerb::Claim,
            "resolve" => TicketVerb::Resolve,
            "reopen" => TicketVerb::Reopen,
            _ => {
                return self
                    .component_reply(
                        ctx,
                        c,
                        &user.id,
                        &private("Unknown ticket action.", Tone::Warning),
                    )
                    .await;
            }
        };
        let replies = self.ticket(verb, ticket, None, user).await;
        // Update the staff card in place when the step worked; otherwise explain privately.
        let updated = ticket
            .parse::<TicketId>()
            .ok()
            .and_then(|id| self.service.store.ticket(id).ok().flatten());
        match (updated, replies.first().map(|r| r.tone)) {
            (Some(t), Some(Tone::Success)) => {
                if let Some(card) = t.summary().map(|s| s.card(&t.id.to_string())) {
                    let spec =
                        render::ticket_message(&card, &t.id.to_string(), t.status, t.claimed_by());
                    let msg = CreateInteractionResponseMessage::new()
                        .embeds(spec.embeds.iter().map(render::to_embed).collect())
                        .components(render::to_rows(&spec.rows))
                        .allowed_mentions(no_mentions());
                    log_failure!(
                        c.create_response(&ctx.http, CreateInteractionResponse::UpdateMessage(msg))
                            .await,
                        "ticket button update"
                    );
                }
            }
            _ => self.component_reply(ctx, c, &user.id, &replies).await,
        }
    }

    async fn autocomplete(&self, ctx: &Context, a: &CommandInteraction) {
        let Some(focused) = a.data.autocomplete() else {
            return;
        };
        let partial = focused.value.trim();
        let mut choices: Vec<AutocompleteChoice> = Vec::new();
        match (a.data.name.as_str(), focused.name) {
            ("fix", "article") | ("kb", "id") => {
                let kb = self.service.knowledge.current();
                let ids: Vec<String> = if partial.is_empty() {
                    kb.articles().iter().map(|a| a.id.clone()).collect()
                } else {
                    kb.suggest(partial, 25)
                        .into_iter()
                        .map(str::to_string)
                        .collect()
                };
                for id in ids.into_iter().take(25) {
                    if let Some(art) = kb.get(&id) {
                        choices.push(AutocompleteChoice::new(
                            render::content(&art.title)
                                .chars()
                                .take(100)
                                .collect::<String>(),
                            id,
                        ));
                    }
                }
            }
            ("check", "target") => {
                for name in self.service.target_names(partial).into_iter().take(24) {
                    choices.push(AutocompleteChoice::new(name.clone(), name));
                }
                if partial.starts_with("http://") || partial.starts_with("https://") {
                    let v: String = partial.chars().take(100).collect();
                    choices.insert(0, AutocompleteChoice::new(v.clone(), v));
                }
            }
            ("ticket", "id") => {
                if let Ok(rows) = self.service.store.ticket_rows(None) {
                    let p = partial.to_ascii_uppercase();
                    for r in rows
                        .iter()
                        .filter(|r| {
                            r.id.to_string().contains(&p)
                                || r.user_name.to_ascii_uppercase().contains(&p)
                        })
                        .take(25)
                    {
                        let label: String = format!("{} · {} · {}", r.id, r.status, r.subject)
                            .chars()
                            .take(100)
                            .collect();
                        choices.push(AutocompleteChoice::new(label, r.id.to_string()));
                    }
                }
            }
            _ => {}
        }
        let resp = CreateInteractionResponse::Autocomplete(
            CreateAutocompleteResponse::new().set_choices(choices),
        );
        log_failure!(a.create_response(&ctx.http, resp).await, "autocomplete");
    }
}

fn problem_reply(head: &str, problems: &[crate::knowledge::Diagnostic]) -> Reply {
    let text: Vec<String> = problems
        .iter()
        .map(|p| format!("```\n{}\n```", p.to_string().replace("```", "'''")))
        .collect();
    Reply::new(format!("{head}\n{}", text.join("\n"))).tone(Tone::Danger)
}

fn escalate_modal() -> CreateInteractionResponse {
    CreateInteractionResponse::Modal(
        CreateModal::new("sb-escalate", "Talk to a human").components(vec![
            CreateActionRow::InputText(
                CreateInputText::new(
                    InputTextStyle::Paragraph,
                    "Anything the team should know? (optional)",
                    "note",
                )
                .required(false)
                .max_length(1000)
                .placeholder("What you were doing, how urgent it is, when you're available..."),
            ),
        ]),
    )
}

/// How long an interaction may take before it is acknowledged and answered by an edit: well
/// inside Discord's 3 seconds, leaving room for the response's own round trip.
const ANSWER_BUDGET: Duration = Duration::from_millis(2000);

/// Runs `work` for up to [`ANSWER_BUDGET`]: its output if done by then, otherwise the work
/// itself, still running, to be awaited after acknowledging the interaction.
async fn within_budget<F: Future>(work: F) -> Result<F::Output, Pin<Box<F>>> {
    let mut work = Box::pin(work);
    match tokio::time::timeout(ANSWER_BUDGET, &mut work).await {
        Ok(done) => Ok(done),
        Err(_) => Err(work),
    }
}

/// `/kb` for admins: reload, check, list, show. Reload and check read files (and embed what
/// changed), so the handler runs them on a blocking thread.
fn kb_replies(knowledge: &Knowledge, verb: KbVerb) -> Vec<Reply> {
    match verb {
        KbVerb::Reload => match knowledge.reload() {
            Ok(r) => vec![
                Reply::new(format!(
                    "Reloaded: {} articles, revision {}{}.",
                    r.articles,
                    r.revision,
                    if r.changed { "" } else { " (no change)" }
                ))
                .tone(Tone::Success),
            ],
            Err(problems) => vec![problem_reply(
                "Reload refused; the last good version stays in service.",
                &problems,
            )],
        },
        KbVerb::Check => match crate::knowledge::load::load_dir(knowledge.dir()) {
            Ok(kb) => vec![
                Reply::new(format!(
                    "The knowledge files are valid: {} articles, revision {}.\n{}",
                    kb.articles().len(),
                    kb.revision(),
                    knowledge.matching_line()
                ))
                .tone(Tone::Success),
            ],
            Err(problems) => vec![problem_reply(
                "The knowledge files have problems:",
                &problems,
            )],
        },
        KbVerb::List => {
            let kb = knowledge.current();
            let lines: Vec<String> = kb
                .articles()
                .iter()
                .map(|a| format!("`{}` — {}", a.id, a.title))
                .collect();
            let body = format!("{}\n\n{}", lines.join("\n"), knowledge.matching_line());
            vec![Reply::new(body).title(format!(
                "{} articles (revision {})",
                kb.articles().len(),
                kb.revision()
            ))]
        }
        KbVerb::Show { id } => {
            let kb = knowledge.current();
            match kb.get(&id) {
                Some(a) => vec![
                    Reply::new(crate::cli::render_article(a, None))
                        .title(a.title.clone())
                        .article(&a.id),
                ],
                None => private(
                    format!(
                        "No article `{id}`. Did you mean: {}?",
                        kb.suggest(&id, 3).join(", ")
                    ),
                    Tone::Warning,
                ),
            }
        }
    }
}
