//! The Discord notifier behind the escalation outbox: staff cards with Claim / Resolve buttons
//! in SUPPORT_CHANNEL_ID, a private thread per ticket with the transcript, and user DMs.
//! Each step remembers what it already did, so a retry after a partial failure repeats nothing.

use super::render::{self, no_mentions};
use crate::escalation::notify::{
    Audience, DeliveryError, DeliveryFuture, Event, Notification, Notifier,
};
use crate::store::Store;
use serenity::all::{
    ChannelId, ChannelType, CreateAllowedMentions, CreateAttachment, CreateMessage, CreateThread,
    EditMessage, Http, MessageId, UserId,
};
use serenity::http::HttpError;
use std::sync::Arc;
use std::time::Duration;

pub struct DiscordNotifier {
    pub http: Arc<Http>,
    pub support_channel: ChannelId,
    pub store: Store,
}

/// How a Discord failure should be treated.
fn classify(e: serenity::Error, what: &str) -> Result<(), DeliveryError> {
    if let serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) = &e {
        let status = resp.status_code.as_u16();
        if status == 429 {
            return Err(DeliveryError {
                message: format!("{what}: rate limited by Discord"),
                retry_after: Some(Duration::from_secs(2)),
            });
        }
        if (400..500).contains(&status) && status != 408 {
            // Retrying a request Discord refuses (bad payload, missing access) blocks every
            // later ticket; the ticket itself stays in the store for /ticket and the CLI.
            tracing::error!(status, code = resp.error.code, message = %resp.error.message, "{what}: Discord refused; not retried");
            return Ok(());
        }
    }
    Err(DeliveryError::new(format!("{what}: {e}")))
}

fn is_dm_closed(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.error.code == 50007 || r.status_code.as_u16() == 403)
}

fn message_of(spec: &render::MessageSpec) -> CreateMessage {
    let mut m = CreateMessage::new()
        .embeds(spec.embeds.iter().map(render::to_embed).collect())
        .components(render::to_rows(&spec.rows))
        .allowed_mentions(no_mentions());
    if let Some(c) = &spec.content {
        m = m.content(c);
    }
    for f in render::to_files(&spec.files) {
        m = m.add_file(f);
    }
    m
}

impl DiscordNotifier {
    fn remembered(&self, key: &str) -> Option<String> {
        self.store.adapter_get(key).ok().flatten()
    }

    fn remember(&self, key: &str, value: &str) -> Result<(), DeliveryError> {
        self.store
            .adapter_set(key, value)
            .map_err(|e| DeliveryError::new(format!("cannot record delivery: {e}")))
    }

    /// The ticket's staff message and thread, creating whichever is missing.
    async fn staff_post(&self, n: &Notification) -> Result<(), DeliveryError> {
        let id = n.ticket.to_string();
        let Some(ticket) = self.store.ticket(n.ticket).ok().flatten() else {
            return Ok(()); // forgotten or purged since: nothing to show
        };
        let Some(card) = ticket.summary().map(|s| s.card(&id)) else {
            return Ok(());
        };
        let msg_key = format!("discord:msg:{id}");
        if self.remembered(&msg_key).is_none() {
            let spec = render::ticket_message(&card, &id, ticket.status, ticket.claimed_by());
            match self
                .support_channel
                .send_message(&self.http, message_of(&spec))
                .await
            {
                Ok(m) => self.remember(&msg_key, &m.id.get().to_string())?,
                Err(e) => return classify(e, "posting the ticket to the support channel"),
            }
        }
        let thread_key = format!("discord:thread:{id}");
        let thread = match self
            .remembered(&thread_key)
            .and_then(|t| t.parse::<u64>().ok())
        {
            Some(t) => ChannelId::new(t),
            None => {
                let name: String = format!("{id} · {}", ticket.user.name)
                    .chars()
                    .take(100)
                    .collect();
                let builder = CreateThread::new(name)
                    .kind(ChannelType::PrivateThread)
                    .invitable(false);
                match self
                    .support_channel
                    .create_thread(&self.http, builder)
                    .await
                {
                    Ok(t) => {
                        self.remember(&thread_key, &t.id.get().to_string())?;
                        t.id
                    }
                    Err(e) => return classify(e, "opening the ticket thread"),
                }
            }
        };
        let file_key = format!("discord:file:{}", n.key);
        if self.remembered(&file_key).is_none() {
            let transcript = n.transcript.clone().unwrap_or_default();
            let mut m = CreateMessage::new()
                .content(render::content(&format!(
                    "Full transcript of {id} ({}).",
                    if matches!(n.event, Event::Updated) {
                        "new escalation"
                    } else {
                        "first escalation"
                    }
                )))
                .allowed_mentions(no_mentions());
            if matches!(n.event, Event::Updated) {
                m = m.embed(render::to_embed(
                    &render::ticket_message(&card, &id, ticket.status, ticket.claimed_by()).embeds
                        [0],
                ));
            }
            m = m.add_file(CreateAttachment::bytes(
                transcript.into_bytes(),
                format!("{id}.md"),
            ));
            match thread.send_message(&self.http, m).await {
                Ok(_) => self.remember(&file_key, "1")?,
                Err(e) => return classify(e, "posting the transcript"),
            }
        }
        Ok(())
    }

    /// Updates the staff message to the ticket's current status and notes the change in the thread.
    async fn staff_update(&self, n: &Notification) -> Result<(), DeliveryError> {
        let id = n.ticket.to_string();
        let Some(ticket) = self.store.ticket(n.ticket).ok().flatten() else {
            return Ok(());
        };
        let Some(card) = ticket.summary().map(|s| s.card(&id)) else {
            return Ok(());
        };
        if let Some(msg) = self
            .remembered(&format!("discord:msg:{id}"))
            .and_then(|m| m.parse::<u64>().ok())
        {
            let spec = render::ticket_message(&card, &id, ticket.status, ticket.claimed_by());
            let edit = EditMessage::new()
                .embeds(spec.embeds.iter().map(render::to_embed).collect())
                .components(render::to_rows(&spec.rows))
                .allowed_mentions(no_mentions());
            if let Err(e) = self
                .support_channel
                .edit_message(&self.http, MessageId::new(msg), edit)
                .await
            {
                classify(e, "updating the ticket message")?;
            }
        }
        let line_key = format!("discord:line:{}", n.key);
        if self.remembered(&line_key).is_none() {
            let target = self
                .remembered(&format!("discord:thread:{id}"))
                .and_then(|t| t.parse::<u64>().ok())
                .map(ChannelId::new)
                .unwrap_or(self.support_channel);
            let m = CreateMessage::new()
                .content(render::content(&n.text))
                .allowed_mentions(no_mentions());
            match target.send_message(&self.http, m).await {
                Ok(_) => self.remember(&line_key, "1")?,
                Err(e) => return classify(e, "noting the change in the thread"),
            }
        }
        Ok(())
    }

    /// DMs the user; if their DMs are closed, leaves a short note in the channel where they
    /// asked, pinging only them.
    async fn user_note(
        &self,
        n: &Notification,
        user: &crate::session::UserRef,
    ) -> Result<(), DeliveryError> {
        let Ok(uid) = user.id.parse::<u64>() else {
            tracing::info!(user = %user.id, "not a Discord user; notification left to other sinks");
            return Ok(());
        };
        let uid = UserId::new(uid);
        let dm = match uid.create_dm_channel(&self.http).await {
            Ok(ch) => ch
                .send_message(
                    &self.http,
                    CreateMessage::new()
                        .content(render::content(&n.text))
                        .allowed_mentions(no_mentions()),
                )
                .await
                .map(|_| ()),
            Err(e) => Err(e),
        };
        match dm {
            Ok(()) => Ok(()),
            Err(e) if is_dm_closed(&e) => {
                let Ok(channel) = user.channel.parse::<u64>() else {
                    return Ok(());
                };
                let word = match n.event {
                    Event::Claimed { .. } => "was picked up by the support team",
                    Event::Resolved { .. } => "was resolved",
                    Event::Reopened { .. } => "was reopened",
                    _ => "has an update",
                };
                let m = CreateMessage::new()
                    .content(format!("<@{}>, your support ticket {} {word}. (I couldn't DM you: open your DMs to get the details.)", uid.get(), n.ticket))
                    .allowed_mentions(CreateAllowedMentions::new().users([uid]).empty_roles().everyone(false));
                match ChannelId::new(channel).send_message(&self.http, m).await {
                    Ok(_) => Ok(()),
                    Err(e) => classify(e, "leaving a note in the user's channel"),
                }
            }
            Err(e) => classify(e, "sending the user a DM"),
        }
    }
}

impl Notifier for DiscordNotifier {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            match (&n.audience, &n.event) {
                (Audience::Staff, Event::Created | Event::Updated) => self.staff_post(n).await,
                (Audience::Staff, _) => self.staff_update(n).await,
                (Audience::User { user }, _) => self.user_note(n, user).await,
            }
        })
    }
    fn name(&self) -> &str {
        "discord"
    }
}
