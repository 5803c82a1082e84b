//! The Discord notifier behind the escalation outbox: staff cards with Claim / Resolve buttons
//! in SUPPORT_CHANNEL_ID, a private thread per ticket with the transcript, and user DMs.
//! Each step remembers what it already did, so a retry after a partial failure repeats nothing.

use super::render::{self, no_mentions};
use crate::escalation::notify::{
    Audience, DeliveryError, DeliveryFuture, DiscordPosts, NoticeEvent, Notification, Notifier,
};
use crate::ids::TicketId;
use crate::store::{Store, discord_keys};
use serenity::all::{
    ActionRowComponent, ButtonKind, ChannelId, ChannelType, CreateAllowedMentions,
    CreateAttachment, CreateMessage, CreateThread, EditMessage, Http, Message, MessageId, UserId,
};
use serenity::http::HttpError;
use std::sync::Arc;

pub struct DiscordNotifier {
    pub http: Arc<Http>,
    pub support_channel: ChannelId,
    /// Where incidents' status messages go.
    pub status_channel: ChannelId,
    pub store: Store,
    /// The bot's own user: only its messages count when looking for one a crash left behind.
    pub bot_user: UserId,
}

/// Which part of a delivery a Discord request was for: decides what a refusal means and what
/// the operator is told to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeliveryStage {
    /// Posting or editing in the support channel (the ticket card, fallbacks from the thread).
    SupportChannel,
    /// Opening the ticket's private thread in the support channel.
    OpenThread,
    /// Posting in the ticket's thread (the transcript, status lines).
    Thread,
    /// A DM to the user, or the note in the channel where they asked.
    User,
    /// Posting or editing an incident's status message in STATUS_CHANNEL_ID (when it is not
    /// the support channel). Cosmetic beside the DMs and cards: a channel that refuses it never
    /// holds them up.
    StatusChannel,
    /// Deleting a removed ticket's card or thread (`user forget`, `tickets purge`).
    TakeDown,
}

/// What to do about a failed Discord request.
#[derive(Debug, Clone, PartialEq)]
enum DeliveryFailure {
    /// Try again later: Discord is busy or unreachable, or the bot's setup is wrong in a way an
    /// admin can fix (the message says how). The notification waits in the outbox.
    Retry(DeliveryError),
    /// Discord will never accept this request as it is (bad payload, too large, the message or
    /// thread it names is gone). Retrying would hold up every later notification, so the caller
    /// falls back or gives up on this part, saying why.
    Refused(String),
}

/// Sorts Discord's answer to a failed request. `status`, `code` and `said` are Discord's HTTP
/// status, JSON error code and message; `what` names the request for the log.
fn classify(
    status: u16,
    code: isize,
    said: &str,
    step: DeliveryStage,
    what: &str,
) -> DeliveryFailure {
    let waits = match step {
        DeliveryStage::User => "the notification waits and is retried",
        _ => "the ticket waits and is retried",
    };
    let retry = |message: String| DeliveryFailure::Retry(DeliveryError::new(message));
    let said = format!("{status} {said}");
    match (status, code, step) {
        // Without a `code` in the body serenity cannot read Discord's retry_after, so no delay
        // is given: the outbox's growing backoff applies.
        (429, ..) => retry(format!("{what}: rate limited by Discord (429); {waits}")),
        (408 | 500..=599, ..) => retry(format!(
            "{what}: Discord could not handle it now ({status}); {waits}"
        )),
        (401, ..) => retry(format!(
            "{what}: Discord rejected DISCORD_TOKEN ({said}); it was reset or revoked. Get a new \
             one in the Developer Portal (your application -> Bot -> Reset Token), put it in .env \
             and restart; {waits}"
        )),
        (403, _, DeliveryStage::SupportChannel) => retry(format!(
            "Discord refused to post in the support channel ({said}): give the bot View Channel, \
             Send Messages, Embed Links, Attach Files, Create Private Threads and Send Messages \
             in Threads there; {waits}"
        )),
        (403, _, DeliveryStage::OpenThread) => retry(format!(
            "Discord refused to open a private ticket thread in the support channel ({said}): \
             give the bot Create Private Threads and Send Messages in Threads there; {waits}"
        )),
        (403, _, DeliveryStage::Thread) => retry(format!(
            "Discord refused to post in the ticket's thread ({said}): give the bot Send \
             Messages in Threads and Attach Files in the support channel, and unlock the thread \
             if it was locked; {waits}"
        )),
        (403, _, DeliveryStage::TakeDown) => retry(format!(
            "{what}: Discord refused ({said}): a removed ticket's card and thread are deleted by \
             the bot, which needs View Channel and Manage Threads in the support channel (Server \
             Settings -> Roles, or the channel's permissions); {waits}"
        )),
        (403 | 404, _, DeliveryStage::StatusChannel) => DeliveryFailure::Refused(format!(
            "{what}: Discord refused it in STATUS_CHANNEL_ID ({said}): give the bot View Channel, \
             Send Messages and Embed Links there, or fix the ID (Developer Mode, right-click the \
             channel -> Copy Channel ID) and restart"
        )),
        (404, 10003, DeliveryStage::SupportChannel | DeliveryStage::OpenThread) => retry(format!(
            "SUPPORT_CHANNEL_ID names a channel Discord does not know ({said}): it was deleted or \
             the ID is wrong. In Discord enable Developer Mode, right-click the staff channel -> \
             Copy Channel ID, put it in .env as SUPPORT_CHANNEL_ID and restart; {waits}"
        )),
        _ => DeliveryFailure::Refused(format!("{what}: Discord refused it ({said}, code {code})")),
    }
}

/// [`classify`] for any serenity error: anything that is not an answer from Discord (network,
/// timeout) is retried.
fn failure_of(e: serenity::Error, step: DeliveryStage, what: &str) -> DeliveryFailure {
    match &e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => classify(
            r.status_code.as_u16(),
            r.error.code,
            &r.error.message,
            step,
            what,
        ),
        _ => DeliveryFailure::Retry(DeliveryError::new(format!("{what}: {e}"))),
    }
}

/// Ends a step that has no fallback: a refusal is logged as an error and the delivery goes on.
fn give_up_if_refused(
    v: DeliveryFailure,
    ticket: &str,
    consequence: &str,
) -> Result<(), DeliveryError> {
    match v {
        DeliveryFailure::Retry(e) => Err(e),
        DeliveryFailure::Refused(why) => {
            tracing::error!(ticket, "{why}; {consequence}");
            Ok(())
        }
    }
}

/// A Discord id written as text: a number that is not 0. serenity's `UserId::new(0)` (and
/// every other id's) panics, and a panic in the deliverer stopped every card, thread and DM
/// for good: the item that caused it stayed first in the queue. Users of the console and of
/// one-shot commands (a web form's `escalate --user 0 --channel cli`) are not Discord users:
/// their channel is not an id, so nothing is sent to a Discord account that happens to share
/// their number.
fn snowflake(text: &str) -> Option<std::num::NonZeroU64> {
    text.parse::<u64>().ok().and_then(std::num::NonZeroU64::new)
}

/// Whether Discord answered that what was to be deleted is not there (deleted by hand, or by an
/// earlier attempt whose answer was lost): its takedown is done.
fn is_gone(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
        if r.status_code.as_u16() == 404 && matches!(r.error.code, 10003 | 10008))
}

fn is_dm_closed(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.error.code == 50007 || r.status_code.as_u16() == 403)
}

fn message_of(spec: &render::MessageSpec) -> CreateMessage {
    fill!(CreateMessage::new(), spec, add_file)
}

/// Whether `m` is a card of `ticket`: one of its buttons is a ticket button for it.
fn is_card_of(m: &Message, ticket: TicketId) -> bool {
    use super::ticket_button::TicketButton;
    m.components
        .iter()
        .flat_map(|row| &row.components)
        .any(|c| match c {
            ActionRowComponent::Button(b) => matches!(
                &b.data,
                ButtonKind::NonLink { custom_id, .. }
                    if TicketButton::parse(custom_id).flatten().is_some_and(|t| t.ticket == ticket)
            ),
            _ => false,
        })
}

/// Whether `m` says `content` and carries a file named `file` (if one is given).
fn says(m: &Message, content: &str, file: Option<&str>) -> bool {
    m.content == content && file.is_none_or(|f| m.attachments.iter().any(|a| a.filename == f))
}

/// What the store holds for a delivery: `None` when it is gone (forgotten or purged since,
/// nothing to show) or can never be read (damaged or undecodable: logged, and skipped rather
/// than hold every later notification); a read the disk failed now is retried, not taken as
/// gone (the staff card was silently dropped).
fn readable<T>(
    what: &str,
    read: Result<Option<T>, crate::store::StoreError>,
) -> Result<Option<T>, DeliveryError> {
    match read {
        Ok(found) => Ok(found),
        Err(e @ crate::store::StoreError::Io { .. }) => {
            Err(DeliveryError::new(format!("reading {what}: {e}")))
        }
        Err(e) => {
            tracing::error!(error = %e, "{what} cannot be read; its delivery is skipped");
            Ok(None)
        }
    }
}

impl DiscordNotifier {
    pub(super) fn remembered(&self, key: &str) -> Option<String> {
        self.store.adapter_get(key).ok().flatten()
    }

    /// Records a delivery fact durably. The flush blocks, so it runs off the async workers: a
    /// delivery records two to four of them.
    pub(super) async fn remember(&self, key: &str, value: &str) -> Result<(), DeliveryError> {
        let (store, key, value) = (self.store.clone(), key.to_string(), value.to_string());
        match tokio::task::spawn_blocking(move || store.adapter_set(&key, &value)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(DeliveryError::new(format!("cannot record delivery: {e}"))),
            // The blocking task panicked or the runtime is shutting down: retried as any
            // delivery that could not be recorded.
            Err(e) => Err(DeliveryError::new(format!("cannot record delivery: {e}"))),
        }
    }

    /// Records several delivery facts durably in one write (see [`Self::remember`]).
    async fn remember_all(&self, facts: Vec<(String, String)>) -> Result<(), DeliveryError> {
        let store = self.store.clone();
        match tokio::task::spawn_blocking(move || store.adapter_set_all(&facts)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(DeliveryError::new(format!("cannot record delivery: {e}"))),
            Err(e) => Err(DeliveryError::new(format!("cannot record delivery: {e}"))),
        }
    }

    /// Deletes what showed a removed ticket to staff: its private thread, then its card. Only
    /// the ids in `posts` are used (the ticket and what the bot remembered of it are gone).
    /// Something already gone counts as deleted, so a retry after a partial failure repeats
    /// nothing that matters. The card is deleted, not edited into a tombstone: a tombstone would
    /// stay in the channel for good with nothing for staff to do, and the log says what went.
    async fn take_down(&self, ticket: TicketId, posts: &DiscordPosts) -> Result<(), DeliveryError> {
        let id = ticket.to_string();
        if let Some(thread) = posts.thread.and_then(std::num::NonZeroU64::new) {
            let deleted = ChannelId::from(thread).delete(&self.http).await.map(|_| ());
            let which = format!("its private thread {thread}");
            taken_down(&id, deleted, "deleting a removed ticket's thread", &which)?;
        }
        if let Some(card) = posts.card.and_then(std::num::NonZeroU64::new) {
            let channel = (posts.channel.and_then(std::num::NonZeroU64::new))
                .map_or(self.support_channel, ChannelId::from);
            let deleted = channel
                .delete_message(&self.http, MessageId::from(card))
                .await;
            let which = format!("its staff card (message {card} in channel {channel})");
            taken_down(&id, deleted, "deleting a removed ticket's card", &which)?;
        }
        Ok(())
    }

    /// The ticket's staff card, thread and transcript, creating whichever is missing.
    async fn staff_post(&self, n: &Notification, ticket_id: TicketId) -> Result<(), DeliveryError> {
        let id = ticket_id.to_string();
        let Some(ticket) = readable("the ticket", self.store.ticket(ticket_id))? else {
            return Ok(()); // forgotten or purged since: nothing to show
        };
        let Some(card) = ticket.summary().map(|s| s.card(&id)) else {
            return Ok(());
        };
        let msg_key = discord_keys::card(ticket_id);
        if self.remembered(&msg_key).is_none() {
            let step = format!("card:{id}");
            let spec = render::ticket_message(&card, ticket.id, ticket.status, ticket.claimed_by());
            let is_card = |m: &Message| is_card_of(m, ticket_id);
            let posted = match self
                .post_once(self.support_channel, message_of(&spec), &step, is_card)
                .await?
            {
                Ok(m) => Some(m),
                Err(e) => {
                    match failure_of(e, DeliveryStage::SupportChannel, "posting the ticket card") {
                        DeliveryFailure::Retry(e) => return Err(e),
                        DeliveryFailure::Refused(why) => {
                            tracing::warn!(ticket = %id, "{why}; posting a plain card instead");
                            self.fallback_card(&id, &ticket).await?
                        }
                    }
                }
            };
            if let Some(m) = posted {
                // With its channel: a removed ticket's card is deleted there, even after
                // SUPPORT_CHANNEL_ID changed.
                let channel = self.support_channel.get().to_string();
                let facts = vec![
                    (msg_key, m.get().to_string()),
                    (discord_keys::card_channel(ticket_id), channel),
                ];
                self.remember_all(facts).await?;
            }
            self.finish(&step);
        }
        let thread_key = discord_keys::thread(ticket_id);
        let thread = match self.remembered(&thread_key).and_then(|t| snowflake(&t)) {
            Some(t) => Some(ChannelId::from(t)),
            None => {
                let name: String = format!("{id} · {}", ticket.user_name())
                    .chars()
                    .take(100)
                    .collect();
                let builder = CreateThread::new(&name)
                    .kind(ChannelType::PrivateThread)
                    .invitable(false);
                let step = format!("thread:{id}");
                match self.open_thread_once(&name, builder, &step).await? {
                    Ok(t) => {
                        self.remember(&thread_key, &t.get().to_string()).await?;
                        self.finish(&step);
                        Some(t)
                    }
                    Err(e) => {
                        match failure_of(e, DeliveryStage::OpenThread, "opening the ticket thread")
                        {
                            DeliveryFailure::Retry(e) => return Err(e),
                            DeliveryFailure::Refused(why) => {
                                tracing::error!(ticket = %id, "{why}; the transcript goes to the support channel");
                                None
                            }
                        }
                    }
                }
            }
        };
        let file_key = format!("discord:file:{}", n.key);
        if self.remembered(&file_key).is_none() {
            let transcript = n.transcript.clone().unwrap_or_default();
            let content = render::content(&format!(
                "Full transcript of {id} ({}).",
                if matches!(n.event, NoticeEvent::Updated) {
                    "new escalation"
                } else {
                    "first escalation"
                }
            ));
            let file = format!("{id}.md");
            let mut m = CreateMessage::new()
                .content(&content)
                .allowed_mentions(no_mentions());
            if matches!(n.event, NoticeEvent::Updated) {
                m = m.embed(render::to_embed(
                    &render::ticket_message(&card, ticket.id, ticket.status, ticket.claimed_by())
                        .embeds[0],
                ));
            }
            m = m.add_file(CreateAttachment::bytes(transcript.into_bytes(), &file));
            let step = format!("file:{}", n.key);
            let is_it = |m: &Message| says(m, &content, Some(&file));
            self.post_in_thread(&id, thread, m, "posting the transcript", &step, is_it)
                .await?;
            self.remember(&file_key, "1").await?;
            self.finish(&step);
        }
        Ok(())
    }

    /// Posts the plain card of [`render::ticket_fallback`]; `None` if Discord refused that too
    /// (logged: staff then find the ticket in its thread and with `/ticket show`).
    async fn fallback_card(
        &self,
        id: &str,
        ticket: &crate::escalation::ticket::Ticket,
    ) -> Result<Option<MessageId>, DeliveryError> {
        let spec = render::ticket_fallback(ticket.id, &ticket.user, ticket.status);
        let step = format!("card:{id}:plain");
        let is_card = |m: &Message| is_card_of(m, ticket.id);
        let posted = self
            .post_once(self.support_channel, message_of(&spec), &step, is_card)
            .await?;
        if posted.is_ok() {
            self.finish(&step);
        }
        match posted {
            Ok(m) => Ok(Some(m)),
            Err(e) => {
                let v = failure_of(
                    e,
                    DeliveryStage::SupportChannel,
                    "posting the plain ticket card",
                );
                give_up_if_refused(
                    v,
                    id,
                    "the ticket has no card; staff see it in its thread and with /ticket show",
                )?;
                Ok(None)
            }
        }
    }

    /// Posts `m` in the ticket's thread; in the support channel when there is no thread or
    /// Discord refuses the post there (the thread was deleted). A refusal in the support channel
    /// too is logged and the step given up. Once per `step` (see [`Self::post_once`]); the
    /// caller records and finishes it.
    async fn post_in_thread(
        &self,
        ticket: &str,
        thread: Option<ChannelId>,
        m: CreateMessage,
        what: &str,
        step: &str,
        looks_like: impl Fn(&Message) -> bool,
    ) -> Result<(), DeliveryError> {
        if let Some(thread) = thread {
            match self.post_once(thread, m.clone(), step, &looks_like).await? {
                Ok(_) => return Ok(()),
                Err(e) => match failure_of(e, DeliveryStage::Thread, what) {
                    DeliveryFailure::Retry(e) => return Err(e),
                    DeliveryFailure::Refused(why) => {
                        tracing::warn!(ticket, "{why}; posting in the support channel instead");
                    }
                },
            }
        }
        let step = format!("{step}:channel");
        let posted = self
            .post_once(self.support_channel, m, &step, &looks_like)
            .await?;
        if posted.is_ok() {
            self.finish(&step);
        }
        match posted {
            Ok(_) => Ok(()),
            Err(e) => give_up_if_refused(
                failure_of(e, DeliveryStage::SupportChannel, what),
                ticket,
                "not shown on Discord",
            ),
        }
    }

    /// Updates the staff card to the ticket's current status and notes the change in the thread.
    async fn staff_update(
        &self,
        n: &Notification,
        ticket_id: TicketId,
    ) -> Result<(), DeliveryError> {
        let id = ticket_id.to_string();
        let Some(ticket) = readable("the ticket", self.store.ticket(ticket_id))? else {
            return Ok(());
        };
        let Some(card) = ticket.summary().map(|s| s.card(&id)) else {
            return Ok(());
        };
        if let Some(msg) = self
            .remembered(&discord_keys::card(ticket_id))
            .and_then(|m| snowflake(&m))
        {
            let spec = render::ticket_message(&card, ticket.id, ticket.status, ticket.claimed_by());
            let edit = EditMessage::new()
                .embeds(spec.embeds.iter().map(render::to_embed).collect())
                .components(render::to_rows(&spec.rows))
                .allowed_mentions(no_mentions());
            if let Err(e) = self
                .support_channel
                .edit_message(&self.http, MessageId::from(msg), edit)
                .await
            {
                match failure_of(e, DeliveryStage::SupportChannel, "updating the ticket card") {
                    DeliveryFailure::Retry(e) => return Err(e),
                    // Most often the card was deleted by hand; the thread line still tells.
                    DeliveryFailure::Refused(why) => {
                        tracing::warn!(ticket = %id, "{why}; the card stays as it was");
                    }
                }
            }
        }
        let line_key = format!("discord:line:{}", n.key);
        if self.remembered(&line_key).is_none() {
            let thread = self
                .remembered(&discord_keys::thread(ticket_id))
                .and_then(|t| snowflake(&t))
                .map(ChannelId::from);
            let content = render::content(&n.text);
            let m = CreateMessage::new()
                .content(&content)
                .allowed_mentions(no_mentions());
            let step = format!("line:{}", n.key);
            let is_it = |m: &Message| says(m, &content, None);
            self.post_in_thread(
                &id,
                thread,
                m,
                "noting the change in the thread",
                &step,
                is_it,
            )
            .await?;
            self.remember(&line_key, "1").await?;
            self.finish(&step);
        }
        Ok(())
    }

    /// The stage of a request in the status channel: its own when it is set apart from the
    /// support channel, else the support channel's (whose refusals hold the tickets anyway).
    fn status_stage(&self) -> DeliveryStage {
        if self.status_channel == self.support_channel {
            DeliveryStage::SupportChannel
        } else {
            DeliveryStage::StatusChannel
        }
    }

    /// The incident's status message in the status channel, as the incident is now: posted the
    /// first time, edited after (posted anew if it was deleted).
    async fn status_message(&self, incident: &str) -> Result<(), DeliveryError> {
        let Ok(id) = incident.parse::<crate::incident::IncidentId>() else {
            return Ok(());
        };
        let Some(current) = readable("the incident", self.store.incident(id))? else {
            return Ok(());
        };
        let reply = crate::service::Service::incident_reply(&current);
        let Some(spec) = render::messages("status", &[reply]).into_iter().next() else {
            return Ok(());
        };
        let key = format!("discord:incident:{incident}");
        let earlier = self.remembered(&key).and_then(|m| snowflake(&m));
        if let Some(msg) = earlier {
            let edit = EditMessage::new()
                .embeds(spec.embeds.iter().map(render::to_embed).collect())
                .allowed_mentions(no_mentions());
            match self
                .status_channel
                .edit_message(&self.http, MessageId::from(msg), edit)
                .await
            {
                Ok(_) => return Ok(()),
                Err(e) => match failure_of(e, self.status_stage(), "updating the status message") {
                    DeliveryFailure::Retry(e) => return Err(e),
                    DeliveryFailure::Refused(why) => {
                        tracing::warn!(%incident, "{why}; posting a new status message");
                    }
                },
            }
        }
        // A status message posted anew after the earlier one was deleted is a step of its own.
        let step = format!(
            "status:{incident}:{}",
            earlier.map_or(0, std::num::NonZeroU64::get)
        );
        // Its title names the incident: "I-0007 · open".
        let named = format!("{incident} ·");
        let content = spec.content.clone().unwrap_or_default();
        // Same title and same (usually no) text: the suspected-incident notice, confirmed in
        // place, carries the title too, but with its own text.
        let is_it = |m: &Message| {
            m.content == content
                && (m.embeds.first())
                    .is_some_and(|e| e.title.as_ref().is_some_and(|t| t.starts_with(&named)))
        };
        let message = message_of(&spec).allowed_mentions(no_mentions());
        let posted = self
            .post_once(self.status_channel, message, &step, is_it)
            .await?;
        match posted {
            Ok(m) => {
                self.remember(&key, &m.get().to_string()).await?;
                self.finish(&step);
                Ok(())
            }
            Err(e) => give_up_if_refused(
                failure_of(e, self.status_stage(), "posting the status message"),
                incident,
                "the status message is not shown",
            ),
        }
    }

    /// A staff notice that is not about a ticket (a suspected incident): a plain message in
    /// the support channel.
    async fn staff_notice(&self, n: &Notification) -> Result<(), DeliveryError> {
        let content = render::content(&n.text);
        let mut m = CreateMessage::new()
            .content(&content)
            .allowed_mentions(no_mentions());
        // A suspected incident: staff confirm or dismiss it right there.
        if let NoticeEvent::IncidentSuspected { incident } = &n.event
            && let Ok(id) = incident.parse::<crate::incident::IncidentId>()
        {
            use super::incident_button::{IncidentButton, IncidentPress};
            let buttons = [IncidentPress::Confirm, IncidentPress::Dismiss].map(|press| {
                let b = IncidentButton {
                    press,
                    incident: id,
                };
                serenity::all::CreateButton::new(b.custom_id())
                    .label(press.label())
                    .style(match press {
                        IncidentPress::Confirm => serenity::all::ButtonStyle::Danger,
                        IncidentPress::Dismiss => serenity::all::ButtonStyle::Secondary,
                    })
            });
            m = m.components(vec![serenity::all::CreateActionRow::Buttons(
                buttons.to_vec(),
            )]);
        }
        let step = format!("notice:{}", n.key);
        let is_it = |m: &Message| says(m, &content, None);
        let posted = self
            .post_once(self.support_channel, m, &step, is_it)
            .await?;
        if posted.is_ok() {
            self.finish(&step);
        }
        match posted {
            Ok(_) => Ok(()),
            Err(e) => give_up_if_refused(
                failure_of(e, DeliveryStage::SupportChannel, "posting a staff notice"),
                &n.key,
                "staff were not told",
            ),
        }
    }

    /// DMs the user; if their DMs are closed, leaves a short note in the channel where they
    /// asked, pinging only them.
    async fn user_note(
        &self,
        n: &Notification,
        user: &crate::session::UserRef,
    ) -> Result<(), DeliveryError> {
        let (Some(uid), Some(channel)) = (snowflake(&user.id), snowflake(&user.channel)) else {
            tracing::info!(user = %user.id, channel = %user.channel, "not a Discord user; notification left to other sinks");
            return Ok(());
        };
        let ticket = match (&n.ticket, &n.event) {
            (Some(t), _) => t.to_string(),
            (None, NoticeEvent::IncidentOver { incident }) => incident.clone(),
            (None, _) => "notification".to_string(),
        };
        let uid = UserId::from(uid);
        let step = format!("dm:{}", n.key);
        let dm = match uid.create_dm_channel(&self.http).await {
            Ok(ch) => {
                let content = render::content(&n.text);
                let m = CreateMessage::new()
                    .content(&content)
                    .allowed_mentions(no_mentions());
                let is_it = |m: &Message| says(m, &content, None);
                self.post_once(ch.id, m, &step, is_it).await?.map(|_| ())
            }
            Err(e) => Err(e),
        };
        if dm.is_ok() {
            self.finish(&step);
        }
        match dm {
            Ok(()) => Ok(()),
            Err(e) if is_dm_closed(&e) => {
                let note = match &n.event {
                    NoticeEvent::IncidentOver { incident } => format!(
                        "<@{}>, the outage {incident} is over. (I couldn't DM you: open your DMs to get the details.)",
                        uid.get()
                    ),
                    event => {
                        let word = match event {
                            NoticeEvent::Claimed { .. } => "was picked up by the support team",
                            NoticeEvent::Resolved { .. } => "was resolved",
                            NoticeEvent::Reopened { .. } => "was reopened",
                            NoticeEvent::Released { .. } => "is back in the support queue",
                            _ => "has an update",
                        };
                        format!(
                            "<@{}>, your support ticket {ticket} {word}. (I couldn't DM you: open your DMs to get the details.)",
                            uid.get()
                        )
                    }
                };
                let m = CreateMessage::new().content(&note).allowed_mentions(
                    CreateAllowedMentions::new()
                        .users([uid])
                        .empty_roles()
                        .everyone(false),
                );
                let step = format!("note:{}", n.key);
                let is_it = |m: &Message| says(m, &note, None);
                let posted = self
                    .post_once(ChannelId::from(channel), m, &step, is_it)
                    .await?;
                if posted.is_ok() {
                    self.finish(&step);
                }
                match posted {
                    Ok(_) => Ok(()),
                    Err(e) => give_up_if_refused(
                        failure_of(
                            e,
                            DeliveryStage::User,
                            "leaving a note in the user's channel",
                        ),
                        &ticket,
                        "the user was not told (their DMs are closed)",
                    ),
                }
            }
            Err(e) => give_up_if_refused(
                failure_of(e, DeliveryStage::User, "sending the user a DM"),
                &ticket,
                "the user was not told",
            ),
        }
    }
}

/// Ends one deletion of [`DiscordNotifier::take_down`]: done, already gone, retried (Discord
/// busy, the bot without the permission: the message says which), or, when Discord will never
/// do it, logged for the operator to delete by hand.
fn taken_down(
    ticket: &str,
    outcome: Result<(), serenity::Error>,
    what: &str,
    which: &str,
) -> Result<(), DeliveryError> {
    match outcome {
        Ok(()) => {
            tracing::info!(ticket, "{which} was deleted: the ticket was removed");
            Ok(())
        }
        Err(e) if is_gone(&e) => {
            tracing::info!(ticket, "{which} was already gone from Discord");
            Ok(())
        }
        Err(e) => give_up_if_refused(
            failure_of(e, DeliveryStage::TakeDown, what),
            ticket,
            &format!("{which} stays on Discord: delete it there"),
        ),
    }
}

impl Notifier for DiscordNotifier {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            match (&n.audience, &n.event, n.ticket) {
                (Audience::Staff, NoticeEvent::Created | NoticeEvent::Updated, Some(t)) => {
                    self.staff_post(n, t).await
                }
                (Audience::Staff, NoticeEvent::Removed { discord }, Some(t)) => {
                    self.take_down(t, discord).await
                }
                (Audience::Staff, _, Some(t)) => self.staff_update(n, t).await,
                (Audience::Staff, NoticeEvent::IncidentStatus { incident }, None) => {
                    self.status_message(incident).await
                }
                (Audience::Staff, _, None) => self.staff_notice(n).await,
                (Audience::User { user }, _, _) => self.user_note(n, user).await,
            }
        })
    }
    fn name(&self) -> &str {
        "discord"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retry_message(v: DeliveryFailure) -> String {
        match v {
            DeliveryFailure::Retry(e) => {
                assert_eq!(e.retry_after, None, "the outbox's backoff decides");
                e.message
            }
            DeliveryFailure::Refused(why) => panic!("expected a retry, got a refusal: {why}"),
        }
    }

    #[test]
    fn busy_or_unreachable_discord_is_retried_with_the_outboxs_backoff() {
        for status in [408, 429, 500, 502, 503] {
            for step in [
                DeliveryStage::SupportChannel,
                DeliveryStage::OpenThread,
                DeliveryStage::Thread,
                DeliveryStage::User,
            ] {
                let m = retry_message(classify(status, -1, "", step, "posting"));
                assert!(m.contains("retried"), "{status}: {m}");
            }
        }
    }

    #[test]
    fn a_failed_read_is_retried_and_an_unreadable_record_skipped() {
        use crate::store::StoreError;
        let dir = std::path::PathBuf::from("/data");
        let io = StoreError::Io {
            dir: dir.clone(),
            cause: std::io::Error::other("disk unavailable"),
        };
        let err = readable::<u8>("the ticket", Err(io)).expect_err("retried");
        assert!(err.message.contains("disk unavailable"), "{}", err.message);
        let undecodable = StoreError::Other {
            dir,
            detail: "tickets 7: unknown field".into(),
        };
        assert_eq!(readable::<u8>("the ticket", Err(undecodable)), Ok(None));
        assert_eq!(readable("the ticket", Ok(Some(3))), Ok(Some(3)));
        assert_eq!(readable::<u8>("the ticket", Ok(None)), Ok(None));
    }

    #[test]
    fn a_status_channel_that_refuses_is_given_up_naming_status_channel_id() {
        for (status, code, said) in [
            (403, 50013, "Missing Permissions"),
            (404, 10003, "Unknown Channel"),
        ] {
            let v = classify(
                status,
                code,
                said,
                DeliveryStage::StatusChannel,
                "posting the status message",
            );
            let DeliveryFailure::Refused(why) = v else {
                panic!("a status message never holds up the outbox: {v:?}")
            };
            assert!(
                why.contains("STATUS_CHANNEL_ID") && why.contains(said),
                "{why}"
            );
        }
    }

    #[test]
    fn setup_problems_an_admin_can_fix_are_retried_and_say_what_to_fix() {
        let m = retry_message(classify(
            401,
            0,
            "401: Unauthorized",
            DeliveryStage::Thread,
            "x",
        ));
        assert!(
            m.contains("DISCORD_TOKEN") && m.contains("Reset Token"),
            "{m}"
        );

        for code in [50001, 50013] {
            let m = retry_message(classify(
                403,
                code,
                "Missing Permissions",
                DeliveryStage::SupportChannel,
                "x",
            ));
            assert!(
                m.contains("403 Missing Permissions")
                    && m.contains(
                        "Send Messages, Embed Links, Attach Files, Create Private Threads"
                    )
                    && m.contains("the ticket waits and is retried"),
                "{m}"
            );
        }
        let m = retry_message(classify(
            403,
            50013,
            "Missing Permissions",
            DeliveryStage::OpenThread,
            "x",
        ));
        assert!(m.contains("Create Private Threads"), "{m}");
        let m = retry_message(classify(
            403,
            50001,
            "Missing Access",
            DeliveryStage::Thread,
            "x",
        ));
        assert!(m.contains("Send Messages in Threads"), "{m}");

        for step in [DeliveryStage::SupportChannel, DeliveryStage::OpenThread] {
            let m = retry_message(classify(404, 10003, "Unknown Channel", step, "x"));
            assert!(
                m.contains("SUPPORT_CHANNEL_ID") && m.contains("Copy Channel ID"),
                "{m}"
            );
        }
    }

    /// Deleting a removed ticket's thread needs Manage Threads: without it the takedown waits
    /// and the log says what to grant.
    #[test]
    fn a_takedown_discord_refuses_for_a_permission_is_retried_naming_it() {
        let m = retry_message(classify(
            403,
            50013,
            "Missing Permissions",
            DeliveryStage::TakeDown,
            "deleting a removed ticket's thread",
        ));
        assert!(
            m.contains("Manage Threads") && m.contains("403 Missing Permissions"),
            "{m}"
        );
    }

    #[test]
    fn requests_discord_will_never_accept_are_refused() {
        let refused = |status, code, step| {
            matches!(
                classify(status, code, "no", step, "x"),
                DeliveryFailure::Refused(_)
            )
        };
        assert!(
            refused(400, 50035, DeliveryStage::SupportChannel),
            "Invalid Form Body"
        );
        assert!(refused(413, 40005, DeliveryStage::Thread), "too large");
        assert!(
            refused(404, 10008, DeliveryStage::SupportChannel),
            "a deleted card"
        );
        assert!(
            refused(404, 10003, DeliveryStage::Thread),
            "a deleted thread"
        );
        // The user side never holds up staff tickets behind it.
        assert!(refused(403, 50013, DeliveryStage::User));
        assert!(refused(404, 10003, DeliveryStage::User));
        let DeliveryFailure::Refused(why) = classify(
            400,
            50035,
            "Invalid Form Body",
            DeliveryStage::Thread,
            "posting the transcript",
        ) else {
            panic!()
        };
        assert!(
            why.contains("posting the transcript") && why.contains("400 Invalid Form Body"),
            "{why}"
        );
    }
}
