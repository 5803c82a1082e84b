//! The Discord adapter: connects with serenity, registers slash commands, turns interactions
//! into core events and renders replies; delivers escalations to the staff channel. The only
//! place serenity lives.

/// Fills any of serenity's message builders from a spec: embeds, components, no mentions,
/// content and files (`$attach` names the builder's method for adding a file).
macro_rules! fill {
    ($builder:expr, $spec:expr, $attach:ident) => {{
        let spec: &$crate::discord::render::MessageSpec = $spec;
        let mut m = $builder
            .embeds(
                spec.embeds
                    .iter()
                    .map($crate::discord::render::to_embed)
                    .collect(),
            )
            .components($crate::discord::render::to_rows(&spec.rows))
            .allowed_mentions($crate::discord::render::no_mentions());
        if let Some(c) = &spec.content {
            m = m.content(c);
        }
        for f in $crate::discord::render::to_files(&spec.files) {
            m = m.$attach(f);
        }
        m
    }};
}

pub mod commands;
mod cooldowns;
pub mod handler;
mod incident_button;
mod inflight;
pub mod notifier;
mod once;
pub mod perms;
pub mod render;
mod respond;
mod ticket_button;

use crate::escalation::notify::{Fanout, LogNotifier, Notifier};
use crate::service::Service;
use crate::service::outbox::{self, Backoff};
use handler::Handler;
pub use handler::Settings;
use inflight::InFlight;
use serenity::all::{
    Channel, ChannelId, ChannelType, ClientBuilder, Command, Context, EventHandler, GatewayIntents,
    GuildId, Http, HttpBuilder, Interaction, Ready,
};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Why the bot could not run. Display is written for the operator.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(
        "DISCORD_TOKEN is not a valid bot token (it is malformed). Copy the token from the Discord Developer Portal \
         (your application -> Bot -> Reset Token) into DISCORD_TOKEN in .env."
    )]
    MalformedToken,
    #[error(
        "Discord rejected DISCORD_TOKEN (authentication failed). The token was reset or belongs to another bot: \
         get a new one in the Developer Portal (your application -> Bot -> Reset Token) and update .env."
    )]
    Rejected,
    #[error("Discord refused the gateway intents this bot asks for: {0}")]
    Intents(String),
    #[error("could not connect to Discord: {0}")]
    Connect(String),
    /// SUPPORT_CHANNEL_ID names a channel the bot cannot use; `why` says what Discord answered
    /// and how to fix it.
    #[error("SUPPORT_CHANNEL_ID={id} cannot be used: {why}")]
    SupportChannel { id: u64, why: String },
    /// STATUS_CHANNEL_ID names a channel the bot cannot use; `why` says what Discord answered
    /// and how to fix it.
    #[error("STATUS_CHANNEL_ID={id} cannot be used: {why}")]
    StatusChannel { id: u64, why: String },
}

impl RunError {
    /// The process exit code: 2 for a wrong setting in .env (as for a missing one), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            RunError::SupportChannel { .. } | RunError::StatusChannel { .. } => 2,
            _ => 1,
        }
    }
}

struct Events(Arc<Handler>);

#[serenity::async_trait]
impl EventHandler for Events {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
        let defs = commands::definitions();
        let result = match self.0.settings.dev_guild {
            Some(g) => GuildId::new(g)
                .set_commands(&ctx.http, defs)
                .await
                .map(|c| c.len()),
            None => Command::set_global_commands(&ctx.http, defs)
                .await
                .map(|c| c.len()),
        };
        match result {
            Ok(n) => tracing::info!(
                commands = n,
                scope = if self.0.settings.dev_guild.is_some() {
                    "guild"
                } else {
                    "global"
                },
                "slash commands registered"
            ),
            Err(e) => tracing::error!(error = %e, "registering slash commands failed"),
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        self.0.dispatch(&ctx, interaction).await;
    }
}

fn auth_error(e: &serenity::Error) -> Option<RunError> {
    use serenity::gateway::GatewayError;
    use serenity::http::HttpError;
    match e {
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => Some(RunError::Rejected),
        serenity::Error::Gateway(
            g @ (GatewayError::InvalidGatewayIntents | GatewayError::DisallowedGatewayIntents),
        ) => Some(RunError::Intents(g.to_string())),
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
            if r.status_code.as_u16() == 401 =>
        {
            Some(RunError::Rejected)
        }
        _ => None,
    }
}

/// A channel setting the bot checks before it connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChannelSetting {
    /// SUPPORT_CHANNEL_ID: staff cards and private ticket threads.
    Support,
    /// STATUS_CHANNEL_ID: incidents' status messages.
    Status,
}

impl ChannelSetting {
    fn name(self) -> &'static str {
        match self {
            ChannelSetting::Support => "SUPPORT_CHANNEL_ID",
            ChannelSetting::Status => "STATUS_CHANNEL_ID",
        }
    }

    fn unusable(self, id: u64, why: String) -> RunError {
        match self {
            ChannelSetting::Support => RunError::SupportChannel { id, why },
            ChannelSetting::Status => RunError::StatusChannel { id, why },
        }
    }

    /// How to get the right channel id.
    fn copy_id(self) -> String {
        let channel = match self {
            ChannelSetting::Support => "the staff channel",
            ChannelSetting::Status => "the channel for outage status messages",
        };
        format!(
            "In Discord enable Developer Mode (User Settings -> Advanced), right-click {channel} \
             -> Copy Channel ID, and put it in .env as {}.",
            self.name()
        )
    }

    /// What the bot needs in the channel, and why.
    fn needs(self) -> &'static str {
        match self {
            ChannelSetting::Support => {
                "View Channel, Send Messages, Embed Links, Attach Files, Create Private Threads \
                 and Send Messages in Threads"
            }
            ChannelSetting::Status => "View Channel, Send Messages and Embed Links",
        }
    }
}

/// Looks up SUPPORT_CHANNEL_ID (and STATUS_CHANNEL_ID) before connecting, so a channel Discord
/// does not know, hides from the bot or that is not a text channel fails at once instead of
/// holding every ticket (or outage notice) in the outbox. If Discord cannot answer (outage,
/// network), says so and lets the bot start.
async fn check_channel(http: &Http, id: u64, setting: ChannelSetting) -> Result<(), RunError> {
    use serenity::http::HttpError;
    let name = setting.name();
    let copy_id = setting.copy_id();
    let unusable = |why: String| Err(setting.unusable(id, why));
    let Some(channel_id) = std::num::NonZeroU64::new(id).map(ChannelId::from) else {
        return unusable(format!("0 is not a channel ID. {copy_id}"));
    };
    // Status messages may also go to an announcement channel.
    let fits = |kind: ChannelType| {
        kind == ChannelType::Text
            || (setting == ChannelSetting::Status && kind == ChannelType::News)
    };
    match http.get_channel(channel_id).await {
        Ok(Channel::Guild(c)) if fits(c.kind) => {
            tracing::info!(channel = %c.name, setting = name, "channel found");
            Ok(())
        }
        Ok(Channel::Guild(c)) => unusable(match setting {
            ChannelSetting::Support => format!(
                "#{} is a {} channel, not a text channel; staff cards and private ticket threads \
                 need a text channel. {copy_id}",
                c.name,
                c.kind.name().replace('_', " ")
            ),
            ChannelSetting::Status => format!(
                "#{} is a {} channel, not a text or announcement channel; status messages need \
                 one. {copy_id}",
                c.name,
                c.kind.name().replace('_', " ")
            ),
        }),
        Ok(_) => unusable(format!(
            "it is a direct-message channel, not a server text channel. {copy_id}"
        )),
        Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) => {
            let said = format!("{} {}", r.status_code.as_u16(), r.error.message);
            match r.status_code.as_u16() {
                401 => Err(RunError::Rejected),
                404 => unusable(format!(
                    "Discord does not know this channel ({said}): the ID is wrong or the channel \
                     was deleted. {copy_id}"
                )),
                403 => unusable(format!(
                    "the bot cannot see this channel ({said}). Invite the bot to the server that \
                     has it (README: Running it on Discord), and give it {} in that channel.",
                    setting.needs()
                )),
                _ => {
                    tracing::warn!(said, "could not look up {name}; starting anyway");
                    Ok(())
                }
            }
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not look up {name}; starting anyway");
            Ok(())
        }
    }
}

/// Runs the bot until `shutdown` completes, then stops taking interactions, waits for those in
/// flight, stops the deliverer, flushes the store and closes the shards.
/// `proxy`: send REST calls through a Discord proxy (which then owns rate limiting).
pub async fn run(
    token: &str,
    proxy: Option<&str>,
    settings: Settings,
    service: Service,
    shutdown: impl Future<Output = ()>,
) -> Result<(), RunError> {
    if serenity::utils::token::validate(token).is_err() {
        return Err(RunError::MalformedToken);
    }
    let mut http = HttpBuilder::new(token);
    if let Some(url) = proxy {
        // serenity's own rate limiter talks to discord.com directly, so it must be off behind
        // a proxy; the proxy is then responsible for rate limits.
        http = http.proxy(url).ratelimiter_disabled(true);
    }
    let http = http.build();
    // Ask who we are before anything else: a rejected token fails here, plainly, instead of
    // surfacing later as a gateway reconnect loop. (The token itself is never logged.)
    let bot_user = match http.get_current_user().await {
        Ok(me) => {
            tracing::info!(bot = %me.name, "token accepted");
            me.id
        }
        Err(e) => return Err(auth_error(&e).unwrap_or_else(|| RunError::Connect(e.to_string()))),
    };
    check_channel(&http, settings.support_channel, ChannelSetting::Support).await?;
    if let Some(status) = settings
        .status_channel
        .filter(|&c| c != settings.support_channel)
    {
        check_channel(&http, status, ChannelSetting::Status).await?;
    }
    // Every way of asking for a person passes the service: its cooldown covers them all.
    let service = service.with_escalate_cooldown(settings.escalate_cooldown);
    let inflight = Arc::new(InFlight::default());
    inflight.accepting.store(true, Ordering::Release);
    let handler = Arc::new(Handler {
        service: service.clone(),
        settings: settings.clone(),
        inflight: inflight.clone(),
        cooldowns: Default::default(),
    });
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .event_handler(Events(handler.clone()))
        .await
        .map_err(|e| auth_error(&e).unwrap_or_else(|| RunError::Connect(e.to_string())))?;

    let notifier: Arc<dyn Notifier> = Arc::new(Fanout(vec![
        Box::new(LogNotifier),
        Box::new(notifier::DiscordNotifier {
            http: client.http.clone(),
            support_channel: ChannelId::new(settings.support_channel),
            status_channel: ChannelId::new(
                settings.status_channel.unwrap_or(settings.support_channel),
            ),
            store: service.store().clone(),
            bot_user,
        }),
    ]));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let deliverer = tokio::spawn(outbox::run(
        service.store().clone(),
        notifier,
        service.clock().clone(),
        Backoff::default(),
        service.outbox_wake(),
        stopped,
    ));
    let shards = client.shard_manager.clone();
    let outcome = tokio::select! {
        r = client.start() => r.map_err(|e| auth_error(&e).unwrap_or_else(|| RunError::Connect(e.to_string()))),
        () = shutdown => {
            tracing::info!("shutting down: no new interactions; finishing those in flight");
            inflight.accepting.store(false, Ordering::Release);
            if !inflight.drained(Duration::from_secs(10)).await {
                tracing::warn!("some interactions were still running after 10 s");
            }
            Ok(())
        }
    };
    let _ = stop.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(5), deliverer).await;
    if let Err(e) = service.store().flush() {
        tracing::error!(error = %e, "flushing the store at shutdown failed");
    }
    shards.shutdown_all().await;
    tracing::info!("stopped");
    outcome
}
