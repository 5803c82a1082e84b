//! Interactions -> core events -> replies rendered back: slash commands, buttons, menus,
//! modals and autocomplete. Thin: the service does the work, `Responder` answers within
//! Discord's 3 seconds, and service errors become replies in one place (`shown`).

use super::commands::{self, IncidentVerb, SlashCommand, TicketVerb};
use super::cooldowns::Cooldowns;
use super::incident_button::{IncidentButton, IncidentPress};
use super::inflight::InFlight;
use super::perms::{self, Caller, Need};
use super::render::{self, no_mentions};
use super::respond::{Responder, log_failure};
use super::ticket_button::TicketButton;
use crate::browser::Browser;
use crate::conversation::Event;
use crate::escalation::ticket::TicketId;
use crate::reply::{Action, Reply, Tone};
use crate::service::{KbVerb, Service, ServiceError};
use crate::session::UserRef;
use serenity::all::{
    AutocompleteChoice, CommandInteraction, ComponentInteraction, ComponentInteractionDataKind,
    Context, CreateActionRow, CreateAutocompleteResponse, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal,
    EditInteractionResponse, InputTextStyle, Interaction, ModalInteraction, User,
};
use std::sync::Arc;
use std::time::Duration;

/// Settings the adapter needs (from `Config`, read once in `main`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub support_channel: u64,
    /// Where incidents' status messages go (`STATUS_CHANNEL_ID`; default the support channel).
    pub status_channel: Option<u64>,
    pub staff_role: Option<u64>,
    pub dev_guild: Option<u64>,
    pub check_cooldown: Duration,
    /// Between two hand-overs of one user; `run` gives it to the service, which checks it.
    pub escalate_cooldown: Duration,
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

fn private(text: impl Into<String>, tone: Tone) -> Vec<Reply> {
    vec![Reply::new(text).tone(tone)]
}

const GENERIC_FAILURE: &str =
    "Something went wrong on my side and it has been logged. Please try again in a minute.";

/// The one place service errors become replies: a refusal is shown as it is; an internal
/// failure is logged with context and the user sees a short line.
fn shown(result: Result<Vec<Reply>, ServiceError>, user: &str, what: &str) -> Vec<Reply> {
    match result {
        Ok(replies) => replies,
        Err(ServiceError::Refused(why)) => private(why.worded(&DiscordSteps), Tone::Warning),
        Err(ServiceError::Internal(e)) => {
            tracing::error!(error = %e, user, what, "interaction failed");
            private(GENERIC_FAILURE, Tone::Danger)
        }
    }
}

/// The next step after a refusal, as Discord spells it (slash commands and buttons).
struct DiscordSteps;

impl crate::service::SpellNextStep for DiscordSteps {
    fn spell(&self, step: &crate::service::NextStep) -> String {
        use crate::service::NextStep;
        match step {
            NextStep::ListTickets => {
                "Ticket ids are on the cards in the support channel; `/ticket show` suggests them as you type.".into()
            }
            NextStep::Reopen(id) => {
                format!("Reopen it with the card's Reopen button or `/ticket reopen id:{id}`.")
            }
            NextStep::ListArticles => {
                "`/incident open` suggests the articles as you type; `/kb list` shows them all.".into()
            }
            NextStep::ListIncidents => "`/incident list` shows the ones going on.".into(),
        }
    }
}

/// An incident reply after staff confirmed it, with the crowd's tickets just linked to it.
fn with_linked(reply: Reply, linked: &[TicketId]) -> Reply {
    if linked.is_empty() {
        return reply;
    }
    let ids: Vec<String> = linked.iter().map(ToString::to_string).collect();
    reply.field("Tickets linked", ids.join(", "))
}

/// "Wait N s" for the check cooldown.
fn cooldown_reply(wait: Duration) -> Vec<Reply> {
    let secs = wait.as_secs().max(1);
    let text = format!("You just ran a check; try again in {secs} s.");
    private(text, Tone::Warning)
}

impl Handler {
    pub async fn dispatch(&self, ctx: &Context, interaction: Interaction) {
        let Some(_guard) = self.inflight.enter() else {
            // Shutting down: say so instead of leaving the user with "interaction failed".
            let refusal = CreateInteractionResponse::Message(
                CreateInteractionResponseMessage::new()
                    .content("I'm restarting; please try again in a few seconds.")
                    .ephemeral(true)
                    .allowed_mentions(no_mentions()),
            );
            let (id, token) = match &interaction {
                Interaction::Command(c) => (c.id, c.token.as_str()),
                Interaction::Component(c) => (c.id, c.token.as_str()),
                Interaction::Modal(m) => (m.id, m.token.as_str()),
                _ => return,
            };
            Responder::new(ctx, id, token, "")
                .respond(refusal, "refusing during shutdown")
                .await;
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

    /// A conversation event's replies, errors mapped.
    async fn run(&self, user: &UserRef, event: Event) -> Vec<Reply> {
        shown(
            self.service.handle(user, event).await,
            &user.id,
            "conversation",
        )
    }

    /// None if the user may run a check now; otherwise the reply saying how long to wait.
    fn check_cooled_down(&self, user: &str) -> Option<Vec<Reply>> {
        self.cooldowns
            .try_use(user, self.settings.check_cooldown)
            .map(cooldown_reply)
    }

    async fn command(&self, ctx: &Context, c: &CommandInteraction) {
        let user = user_ref(&c.user, c.channel_id.get());
        let respond = Responder::new(ctx, c.id, &c.token, &user.id);
        let cmd = match commands::parse(&c.data.name, &c.data.options) {
            Ok(cmd) => cmd,
            Err(msg) => return respond.answer(&private(msg, Tone::Warning)).await,
        };
        let caller = Caller::of(c.member.as_deref());
        if let Some(reason) = perms::refuse(cmd.need(), &caller, self.settings.staff_role) {
            tracing::info!(user = %user.id, command = %c.data.name, "refused: not permitted");
            return respond.answer(&private(reason, Tone::Danger)).await;
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
                respond
                    .shared(share)
                    .answer_with(self.run(&user, event))
                    .await;
            }
            SlashCommand::Fix { article, browser } => {
                let event = Event::Open { article, browser };
                respond.answer_with(self.run(&user, event)).await;
            }
            SlashCommand::Help => respond.answer_with(self.run(&user, Event::Help)).await,
            SlashCommand::Check { target } => {
                if let Some(wait) = self.check_cooled_down(&user.id) {
                    return respond.answer(&wait).await;
                }
                let check = async {
                    let result = self.service.check_request(&user, &target).await;
                    shown(result, &user.id, "/check")
                };
                respond.defer_then(check).await;
            }
            SlashCommand::Escalate { note: Some(note) } => {
                let event = Event::Escalate { note: Some(note) };
                respond.defer_then(self.run(&user, event)).await;
            }
            SlashCommand::Escalate { note: None } => {
                respond.respond(escalate_modal(), "escalate modal").await;
            }
            SlashCommand::Ticket { verb, id } => {
                let by = format!("{} ({})", user.name, user.id);
                let work = async {
                    let result = match verb {
                        TicketVerb::Show => self.service.ticket_reply(id).map(|r| vec![r]),
                        TicketVerb::Act(action) => {
                            let stepped = self.service.act_on_ticket(id, &by, action).await;
                            stepped.map(|s| vec![Reply::new(s.staff_reply()).tone(Tone::Success)])
                        }
                    };
                    shown(result, &user.id, "/ticket")
                };
                respond.answer_with(work).await;
            }
            SlashCommand::Status => {
                // A week of checks read for every target and a chart drawn, which grows with
                // the history kept: acknowledged at once, then done off the async workers.
                let service = self.service.clone();
                let work = async {
                    let status = tokio::task::spawn_blocking(move || service.status_reply()).await;
                    let status = status.map(|reply| vec![reply]).map_err(ServiceError::from);
                    shown(status, &user.id, "/status")
                };
                respond.defer_then(work).await;
            }
            SlashCommand::Incident { verb } => {
                let by = format!("{} ({})", user.name, user.id);
                let work = async {
                    let result = self.incident(verb, &by).await;
                    shown(result, &user.id, "/incident")
                };
                respond.defer_then(work).await;
            }
            SlashCommand::Kb { verb } => {
                // Reload and check read the files (and embed what changed): acknowledged at
                // once, as they can outlast Discord's 3 seconds.
                let slow = matches!(verb, KbVerb::Reload | KbVerb::Check);
                let work = async { shown(self.service.kb(verb).await, &user.id, "/kb") };
                if slow {
                    respond.defer_then(work).await;
                } else {
                    respond.answer_with(work).await;
                }
            }
        }
    }

    /// Runs one `/incident` verb; each answers with the incident as it now is.
    async fn incident(&self, verb: IncidentVerb, by: &str) -> Result<Vec<Reply>, ServiceError> {
        let s = &self.service;
        let one = |i: crate::incident::Incident| vec![Service::incident_reply(&i)];
        Ok(match verb {
            IncidentVerb::List => {
                let active = s.store().incidents();
                let shown: Vec<Reply> = active
                    .iter()
                    .filter(|i| {
                        i.state.is_active() || i.state == crate::incident::IncidentState::Suspected
                    })
                    .take(10)
                    .map(Service::incident_reply)
                    .collect();
                if shown.is_empty() {
                    vec![Reply::new(crate::words::NO_ACTIVE_INCIDENTS)]
                } else {
                    shown
                }
            }
            IncidentVerb::Open { title, article } => {
                let open = move |s: &Service, by: &str| s.declare_incident(by, &title, &[article]);
                one(self.blocking(by, open).await?)
            }
            IncidentVerb::Update { id, text } => {
                let update = move |s: &Service, by: &str| s.update_incident(id, by, &text);
                one(self.blocking(by, update).await?)
            }
            IncidentVerb::Resolve {
                id,
                note,
                tickets,
                force,
            } => {
                let (i, resolved) = s
                    .resolve_incident_by_hand(id, by, note.as_deref(), tickets, force)
                    .await?;
                let mut r = Service::incident_reply(&i);
                if tickets {
                    r = r.field("Tickets resolved", resolved.len().to_string());
                }
                vec![r]
            }
            IncidentVerb::Confirm { id } => {
                let confirm = move |s: &Service, by: &str| s.confirm_incident(id, by);
                let (i, linked) = self.blocking(by, confirm).await?;
                vec![with_linked(Service::incident_reply(&i), &linked)]
            }
            IncidentVerb::Dismiss { id } => {
                let dismiss = move |s: &Service, by: &str| s.dismiss_incident(id, by);
                one(self.blocking(by, dismiss).await?)
            }
        })
    }

    /// Runs an incident change by `by` off the async workers: each is a store write and a
    /// flush, and confirming also reads every ticket.
    async fn blocking<T: Send + 'static>(
        &self,
        by: &str,
        work: impl FnOnce(&Service, &str) -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<T, ServiceError> {
        let (service, by) = (self.service.clone(), by.to_string());
        tokio::task::spawn_blocking(move || work(&service, &by)).await?
    }

    async fn component(&self, ctx: &Context, c: &ComponentInteraction) {
        let user = user_ref(&c.user, c.channel_id.get());
        let respond = Responder::new(ctx, c.id, &c.token, &user.id);
        let id = c.data.custom_id.as_str();
        if let Some(button) = TicketButton::parse(id) {
            return self.ticket_button(c, &respond, button, &user).await;
        }
        if let Some(button) = IncidentButton::parse(id) {
            return self.incident_button(c, &respond, button, &user).await;
        }
        let Some((owner, token)) = render::parse_conversation_id(id) else {
            let r = private(
                "That button is from an older version of me; start again with /diagnose.",
                Tone::Warning,
            );
            return respond.answer(&r).await;
        };
        if owner != user.id {
            let r = private(
                "These buttons belong to someone else's conversation. Use /diagnose to start your own.",
                Tone::Warning,
            );
            return respond.answer(&r).await;
        }
        let action = if token == "browser" {
            match &c.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => {
                    let v = values.first().map(String::as_str).unwrap_or("other");
                    Some(Action::Browser(v.parse::<Browser>().ok()))
                }
                _ => None,
            }
        } else if token == render::ARTICLE_MENU {
            match &c.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => {
                    values.first().map(|id| Action::Article(id.clone()))
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
                respond.answer(&r).await
            }
            Some(Action::Escalate) => respond.respond(escalate_modal(), "escalate modal").await,
            Some(action @ (Action::Check | Action::CheckTarget(_))) => {
                if let Some(wait) = self.check_cooled_down(&user.id) {
                    return respond.answer(&wait).await;
                }
                let event = Event::Act(action);
                respond.defer_then(self.run(&user, event)).await;
            }
            Some(action) => {
                respond
                    .answer_with(self.run(&user, Event::Act(action)))
                    .await
            }
        }
    }

    /// Claim / Resolve / Reopen on a staff card: acknowledged at once, then the card is updated
    /// in place when the action worked; otherwise the reason follows privately.
    async fn ticket_button(
        &self,
        c: &ComponentInteraction,
        respond: &Responder<'_>,
        button: Option<TicketButton>,
        user: &UserRef,
    ) {
        let caller = Caller::of(c.member.as_ref());
        if let Some(reason) = perms::refuse(Need::Staff, &caller, self.settings.staff_role) {
            tracing::info!(user = %user.id, "refused ticket button: not staff");
            return respond.answer(&private(reason, Tone::Danger)).await;
        }
        let Some(button) = button else {
            let r = private(
                "That ticket button is from an older version of me; use /ticket instead.",
                Tone::Warning,
            );
            return respond.answer(&r).await;
        };
        let by = format!("{} ({})", user.name, user.id);
        // The step is written to disk (a flush) off the async workers; a slow disk must not
        // cost the press Discord's 3-second window, so it is acknowledged first.
        respond.defer_update().await;
        let acted = self
            .service
            .act_on_ticket(button.ticket, &by, button.press.action())
            .await;
        let t = match acted {
            Ok(stepped) => stepped.ticket,
            Err(e) => {
                return respond
                    .follow_up(&shown(Err(e), &user.id, "ticket button"))
                    .await;
            }
        };
        let Some(card) = t.summary().map(|s| s.card(&t.id.to_string())) else {
            return respond.follow_up(&private("Done.", Tone::Success)).await;
        };
        let spec = render::ticket_message(&card, t.id, t.status, t.claimed_by());
        let update = EditInteractionResponse::new()
            .embeds(spec.embeds.iter().map(render::to_embed).collect())
            .components(render::to_rows(&spec.rows))
            .allowed_mentions(no_mentions());
        respond.update_in(update).await;
    }

    /// Confirm or dismiss on a suspected-incident message (staff only): the message is
    /// replaced by the incident as it now is, without the buttons; a refusal (another staff
    /// member decided first) is shown privately and the message is left as it is.
    async fn incident_button(
        &self,
        c: &ComponentInteraction,
        respond: &Responder<'_>,
        button: Option<IncidentButton>,
        user: &UserRef,
    ) {
        let caller = Caller::of(c.member.as_ref());
        if let Some(reason) = perms::refuse(Need::Staff, &caller, self.settings.staff_role) {
            tracing::info!(user = %user.id, "refused incident button: not staff");
            return respond.answer(&private(reason, Tone::Danger)).await;
        }
        let Some(button) = button else {
            let r = private(
                "That incident button is from an older version of me; use /incident instead.",
                Tone::Warning,
            );
            return respond.answer(&r).await;
        };
        let by = format!("{} ({})", user.name, user.id);
        // Confirming links the crowd's tickets (every ticket read, and a write for each match):
        // the press is acknowledged first, then the work is done off the async workers.
        respond.defer_update().await;
        let id = button.incident;
        let done = match button.press {
            IncidentPress::Confirm => {
                let confirm = move |s: &Service, by: &str| s.confirm_incident(id, by);
                self.blocking(&by, confirm).await
            }
            IncidentPress::Dismiss => {
                let dismiss = move |s: &Service, by: &str| s.dismiss_incident(id, by);
                self.blocking(&by, dismiss).await.map(|i| (i, Vec::new()))
            }
        };
        let (incident, linked) = match done {
            Ok(done) => done,
            Err(e) => {
                return respond
                    .follow_up(&shown(Err(e), &user.id, "incident button"))
                    .await;
            }
        };
        let reply = with_linked(Service::incident_reply(&incident), &linked);
        let Some(spec) = render::messages(&user.id, &[reply]).into_iter().next() else {
            return;
        };
        let update = EditInteractionResponse::new()
            .embeds(spec.embeds.iter().map(render::to_embed).collect())
            .components(Vec::new())
            .allowed_mentions(no_mentions());
        respond.update_in(update).await;
    }

    async fn modal(&self, ctx: &Context, m: &ModalInteraction) {
        let user = user_ref(&m.user, m.channel_id.get());
        if m.data.custom_id != "sb-escalate" {
            return;
        }
        let respond = Responder::new(ctx, m.id, &m.token, &user.id);
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
        respond
            .defer_then(self.run(&user, Event::Escalate { note }))
            .await;
    }

    async fn autocomplete(&self, ctx: &Context, a: &CommandInteraction) {
        let Some(focused) = a.data.autocomplete() else {
            return;
        };
        let partial = focused.value.trim();
        let mut choices: Vec<AutocompleteChoice> = Vec::new();
        match (a.data.name.as_str(), focused.name) {
            ("fix", "article") | ("kb", "id") | ("incident", "article") => {
                let kb = self.service.knowledge().current();
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
            // Tickets are staff business: a member typing `/ticket show id:` sees no list of
            // other users' tickets (the command itself is refused them too). The scan runs off
            // the async workers.
            ("ticket", "id")
                if perms::refuse(
                    Need::Staff,
                    &Caller::of(a.member.as_deref()),
                    self.settings.staff_role,
                )
                .is_none() =>
            {
                let service = self.service.clone();
                let rows = tokio::task::spawn_blocking(move || service.ticket_rows(None)).await;
                if let Ok(Ok(rows)) = rows {
                    let p = partial.to_ascii_uppercase();
                    for r in rows
                        .iter()
                        .filter(|r| {
                            r.id.to_string().contains(&p)
                                || r.user_name.to_ascii_uppercase().contains(&p)
                        })
                        .take(25)
                    {
                        let urgent = if r.urgent { "urgent · " } else { "" };
                        let label: String =
                            format!("{} · {} · {urgent}{}", r.id, r.status, r.subject)
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
