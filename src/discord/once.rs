//! Exactly-once posting across a crash: each message of a delivery carries a nonce derived from
//! what it delivers (Discord returns the earlier message instead of creating a second one within
//! a few minutes), and a step that an earlier run started but never recorded is first looked for
//! in Discord (recent messages, active threads) before it is posted again.

use super::notifier::DiscordNotifier;
use crate::escalation::notify::DeliveryError;
use serenity::all::{
    Channel, ChannelId, CreateMessage, CreateThread, GetMessages, GuildChannel, Message, MessageId,
    Nonce,
};
use std::time::{SystemTime, UNIX_EPOCH};

/// Discord's epoch (2015-01-01) in Unix milliseconds: snowflakes count from it.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;
/// How far before an attempt's recorded start the look-back begins, for a bot clock that runs
/// a little ahead of Discord's. Short on purpose: the same words sent earlier (a ticket
/// resolved twice) must not pass for this attempt's message. A clock further ahead than this
/// leaves only the nonce to guard a repeat.
const CLOCK_SKEW_MS: u64 = 5_000;
/// How many messages since the attempt the look-back reads (Discord's maximum for one call).
const LOOK_BACK: u8 = 100;
/// Adapter key of the random salt that makes this installation's nonces its own.
const SALT_KEY: &str = "discord:nonce-salt";

/// 64-bit FNV-1a: stable across runs and builds, which `std`'s hasher does not promise.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The nonce of a delivery step: at most 25 characters, as Discord requires.
pub(super) fn nonce_of(salt: &str, step: &str) -> String {
    format!("sb{:016x}", fnv1a(format!("{salt}/{step}").as_bytes()))
}

/// The smallest snowflake Discord could give something created at `unix_ms`.
pub(super) fn snowflake_at(unix_ms: u64) -> u64 {
    unix_ms.saturating_sub(DISCORD_EPOCH_MS) << 22
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Whether Discord answered that it did not create what was asked (a 4xx other than a rate
/// limit or timeout). Anything else (5xx, a lost connection) may have created it after all.
fn not_created(e: &serenity::Error) -> bool {
    use serenity::http::HttpError;
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
        if matches!(r.status_code.as_u16(), 400..=499) && !matches!(r.status_code.as_u16(), 408 | 429))
}

fn attempt_key(step: &str) -> String {
    format!("discord:attempt:{step}")
}

impl DiscordNotifier {
    /// This installation's nonce salt, made on first use: two bots sharing a token, or a data
    /// directory started afresh, never collide on a nonce.
    async fn salt(&self) -> Result<String, DeliveryError> {
        if let Some(salt) = self.remembered(SALT_KEY) {
            return Ok(salt);
        }
        let seed = format!("{}/{}", now_ms(), std::process::id());
        let salt = format!("{:016x}", fnv1a(seed.as_bytes()));
        self.remember(SALT_KEY, &salt).await?;
        Ok(salt)
    }

    /// When an earlier run started `step` without recording that it finished (it may have
    /// reached Discord); otherwise records that this one starts now, before anything is sent.
    async fn begin(&self, step: &str) -> Result<Option<u64>, DeliveryError> {
        let key = attempt_key(step);
        if let Some(started) = self.remembered(&key).and_then(|v| v.parse::<u64>().ok()) {
            return Ok(Some(started));
        }
        self.remember(&key, &now_ms().to_string()).await?;
        Ok(None)
    }

    /// `step` is done and recorded by the caller: its attempt marker goes.
    pub(super) fn finish(&self, step: &str) {
        if let Err(e) = self.store.adapter_remove(&attempt_key(step)) {
            // Harmless: the caller's own record is what says the step is done.
            tracing::warn!(step, error = %e, "could not clear a delivery attempt marker");
        }
    }

    /// Posts `m` in `channel` for `step`, at most once: with the step's nonce, and, when an
    /// earlier run started the step and died before recording it, only if no message of the
    /// bot in `channel` since then `looks_like` it. The outer error is the store's; the inner
    /// one is Discord's, for the caller to classify. The caller records the id, then calls
    /// [`Self::finish`].
    pub(super) async fn post_once(
        &self,
        channel: ChannelId,
        m: CreateMessage,
        step: &str,
        looks_like: impl Fn(&Message) -> bool,
    ) -> Result<Result<MessageId, serenity::Error>, DeliveryError> {
        let salt = self.salt().await?;
        if let Some(started) = self.begin(step).await?
            && let Some(found) = self.posted_since(channel, started, &looks_like).await
        {
            tracing::info!(
                step,
                message = found.get(),
                "an earlier run already posted this; not posting it again"
            );
            return Ok(Ok(found));
        }
        let m = m
            .nonce(Nonce::String(nonce_of(&salt, step)))
            .enforce_nonce(true);
        let sent = channel.send_message(&self.http, m).await.map(|m| m.id);
        if sent.as_ref().is_err_and(not_created) {
            self.finish(step);
        }
        Ok(sent)
    }

    /// A message of the bot in `channel`, posted since `started` (Unix ms), that `looks_like`
    /// the one about to be posted. `None` if there is none or Discord cannot tell now (the
    /// nonce still guards a repeat within Discord's window).
    async fn posted_since(
        &self,
        channel: ChannelId,
        started: u64,
        looks_like: &impl Fn(&Message) -> bool,
    ) -> Option<MessageId> {
        let after = MessageId::new(snowflake_at(started.saturating_sub(CLOCK_SKEW_MS)).max(1));
        let query = GetMessages::new().after(after).limit(LOOK_BACK);
        match channel.messages(&self.http, query).await {
            Ok(messages) => messages
                .iter()
                .find(|m| m.author.id == self.bot_user && looks_like(m))
                .map(|m| m.id),
            Err(e) => {
                tracing::warn!(%channel, error = %e, "could not look for a message an earlier run may have posted; relying on its nonce");
                None
            }
        }
    }

    /// Opens the private thread `builder` names in the support channel for `step`, at most
    /// once: when an earlier run started the step and died before recording it, an active
    /// thread of that name in the support channel is taken instead (threads have no nonce).
    pub(super) async fn open_thread_once(
        &self,
        name: &str,
        builder: CreateThread<'_>,
        step: &str,
    ) -> Result<Result<ChannelId, serenity::Error>, DeliveryError> {
        if self.begin(step).await?.is_some()
            && let Some(found) = self.active_thread_named(name).await
        {
            tracing::info!(
                step,
                thread = found.get(),
                "an earlier run already opened this thread; using it"
            );
            return Ok(Ok(found));
        }
        Ok(self
            .support_channel
            .create_thread(&self.http, builder)
            .await
            .map(|t| t.id))
    }

    async fn active_thread_named(&self, name: &str) -> Option<ChannelId> {
        let guild = match self.support_channel.to_channel(&self.http).await {
            Ok(Channel::Guild(GuildChannel { guild_id, .. })) => guild_id,
            Ok(_) => return None,
            Err(e) => {
                tracing::warn!(error = %e, "could not look up the support channel's server; a thread an earlier run opened may be opened again");
                return None;
            }
        };
        match guild.get_active_threads(&self.http).await {
            Ok(data) => data
                .threads
                .iter()
                .find(|t| t.parent_id == Some(self.support_channel) && t.name == name)
                .map(|t| t.id),
            Err(e) => {
                tracing::warn!(error = %e, "could not list active threads; a thread an earlier run opened may be opened again");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_fit_discord_and_differ_by_step_and_installation() {
        let a = nonce_of("salt", "card:T-0001");
        assert!(a.len() <= 25, "{a}");
        assert_eq!(a, nonce_of("salt", "card:T-0001"), "stable");
        assert_ne!(a, nonce_of("salt", "card:T-0002"));
        assert_ne!(a, nonce_of("other", "card:T-0001"));
    }

    #[test]
    fn snowflakes_start_at_discords_epoch_and_grow_with_time() {
        assert_eq!(snowflake_at(DISCORD_EPOCH_MS), 0);
        assert_eq!(snowflake_at(0), 0);
        // A real id: 175928847299117063 was made at 1462015105796 ms (Discord's docs).
        assert_eq!(
            175_928_847_299_117_063_u64 >> 22,
            snowflake_at(1_462_015_105_796) >> 22
        );
    }
}
