//! A fake Discord (REST + gateway on 127.0.0.1) that the real serenity client connects to.
//!
//! Start it with [`FakeDiscord::start`], point serenity at it with
//! `HttpBuilder::new(token).proxy(fake.rest_url()).ratelimiter_disabled(true)`, then drive the bot
//! with [`FakeDiscord::dispatch_interaction`] and assert on what it recorded. It behaves like Discord
//! where users would notice (limits, the 3-second window, 429s, closed DMs) and fails loudly on
//! anything it does not know: unknown routes are recorded as unexpected and dropping the fake panics
//! if there were any. Waits never sleep blindly: they wake on every change and time out with a dump
//! of what was recorded.

mod fixtures;
mod gateway;
mod rest;
mod validate;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;

pub use fixtures::{InteractionFixture, Invoker, Opt};
// Only discord_fake.rs names it; in every other test binary (and the load bench) the re-export is
// unused. Dead code is allowed by whoever includes the fake (support/mod.rs, the bench's `mod`).
#[allow(unused_imports, reason = "only discord_fake.rs uses it")]
pub use fixtures::stub_message;

/// The application id READY announces; it is also the bot's user id, as on Discord.
pub const APPLICATION_ID: u64 = 900_000_000_000_000_001;
/// The guild that member fixtures come from.
pub const GUILD_ID: u64 = 900_000_000_000_000_010;
/// The channel fixtures are invoked in unless told otherwise.
pub const CHANNEL_ID: u64 = 900_000_000_000_000_020;
/// The staff channel (the bot's SUPPORT_CHANNEL_ID): a text channel `GET /channels/{id}` knows.
pub const SUPPORT_CHANNEL_ID: u64 = 900_000_000_000_000_040;
/// A voice channel `GET /channels/{id}` knows: a SUPPORT_CHANNEL_ID that is not a text channel.
pub const VOICE_CHANNEL_ID: u64 = 900_000_000_000_000_050;
/// How long Discord waits for the first interaction response before the token goes stale.
pub const CALLBACK_DEADLINE: Duration = Duration::from_secs(3);
/// Default timeout of the `wait_for_*` helpers.
pub const WAIT: Duration = Duration::from_secs(5);

/// Knobs for [`FakeDiscord::start_with`].
#[derive(Clone, Debug)]
pub struct Options {
    /// `heartbeat_interval` sent in HELLO, in milliseconds (Discord sends about 41250).
    pub heartbeat_interval_ms: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            heartbeat_interval_ms: 41_250,
        }
    }
}

/// A request the fake answered with an injected fault instead of handling it.
#[derive(Clone, Debug)]
pub enum Fault {
    /// 429 with `retry_after` (seconds) in the body and Discord's rate-limit headers.
    RateLimited { retry_after: f64, global: bool },
    /// A 5xx status, e.g. 500 or 502.
    ServerError(u16),
    /// A 4xx answer with Discord's error body, e.g. 403 / 50013 "Missing Permissions",
    /// 400 / 50035 "Invalid Form Body" or 404 / 10008 "Unknown Message".
    Refused {
        status: u16,
        code: u64,
        message: String,
    },
}

impl Fault {
    /// [`Fault::Refused`] with Discord's `code` and `message`.
    pub fn refused(status: u16, code: u64, message: &str) -> Self {
        Self::Refused {
            status,
            code,
            message: message.to_owned(),
        }
    }
}

/// Where closing a user's DMs bites (see [`FakeDiscord::close_dms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DmFailure {
    /// `POST /users/@me/channels` itself answers 403 / 50007.
    AtCreate,
    /// The DM channel opens, but posting a message in it answers 403 / 50007 (what Discord does).
    AtSend,
}

/// One file of a multipart request.
#[derive(Clone, Debug)]
pub struct RecordedFile {
    /// Form field, e.g. `files[0]`.
    pub field: String,
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// Every request, whatever its outcome.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// Path below `/api/v10`, e.g. `/channels/1/messages`.
    pub path: String,
    /// JSON body, or `payload_json` of a multipart body; `Null` when there was none.
    pub body: Value,
    pub files: Vec<RecordedFile>,
    pub status: u16,
    /// Since the dispatch of the interaction the path names, else since the latest dispatch.
    pub since_dispatch: Option<Duration>,
}

/// The first response to an interaction (`POST /interactions/{id}/{token}/callback`).
#[derive(Clone, Debug)]
pub struct Callback {
    pub interaction_id: u64,
    /// Callback type: 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal.
    pub kind: u64,
    pub data: Value,
    pub files: Vec<RecordedFile>,
    /// From the dispatch of the interaction to the arrival of this callback.
    pub elapsed: Duration,
    /// When it arrived, to order it against what the bot did (its response came after this).
    pub at: Instant,
}

/// How a message came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The original response of an interaction (callback type 4 or 5, or later edits of it).
    Original {
        interaction_id: u64,
    },
    Followup {
        interaction_id: u64,
    },
    Channel,
}

/// A message as it stands now: edits are merged into `payload` and counted.
#[derive(Clone, Debug)]
pub struct PostedMessage {
    pub id: u64,
    pub channel_id: u64,
    pub source: Source,
    /// The request body (content, embeds, components, flags, allowed_mentions, ...).
    pub payload: Value,
    pub files: Vec<RecordedFile>,
    pub edits: u32,
}

impl PostedMessage {
    pub fn content(&self) -> &str {
        self.payload["content"].as_str().unwrap_or_default()
    }
    pub fn embeds(&self) -> &[Value] {
        self.payload["embeds"].as_array().map_or(&[], Vec::as_slice)
    }
    /// Ephemeral (flag 64): only the invoking user sees it.
    pub fn is_ephemeral(&self) -> bool {
        self.payload["flags"].as_u64().is_some_and(|f| f & 64 != 0)
    }
    /// Every component (buttons, select menus), row by row.
    pub fn components(&self) -> Vec<Value> {
        let rows = self.payload["components"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        rows.iter()
            .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
            .collect()
    }
    /// `custom_id` of every component, row by row.
    pub fn custom_ids(&self) -> Vec<String> {
        self.components()
            .iter()
            .filter_map(|c| c["custom_id"].as_str().map(str::to_owned))
            .collect()
    }
    /// The option values of the string select menus (component type 3).
    pub fn select_values(&self) -> Vec<String> {
        self.components()
            .iter()
            .filter(|c| c["type"] == 3)
            .flat_map(|c| c["options"].as_array().cloned().unwrap_or_default())
            .filter_map(|o| o["value"].as_str().map(str::to_owned))
            .collect()
    }
    /// The title of every embed (empty for an embed without one).
    pub fn titles(&self) -> Vec<String> {
        self.embeds()
            .iter()
            .map(|e| e["title"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
    /// Every piece of text a user sees: content, embed titles, descriptions, footers and fields.
    pub fn all_text(&self) -> String {
        let mut text = self.content().to_owned();
        for e in self.embeds() {
            let fields = e["fields"].as_array().map_or(&[][..], Vec::as_slice);
            let parts = [&e["title"], &e["description"], &e["footer"]["text"]]
                .into_iter()
                .chain(fields.iter().flat_map(|f| [&f["name"], &f["value"]]));
            for part in parts {
                text.push('\n');
                text.push_str(part.as_str().unwrap_or_default());
            }
        }
        text
    }
}

/// A thread the bot opened.
#[derive(Clone, Debug)]
pub struct Thread {
    pub id: u64,
    pub parent_id: u64,
    /// Set when the thread was started from a message.
    pub message_id: Option<u64>,
    pub name: String,
    pub body: Value,
}

/// The `allowed_mentions` of one message-creating or -editing call (`None`: not sent at all).
#[derive(Clone, Debug)]
pub struct MentionRecord {
    pub method: String,
    pub path: String,
    pub allowed_mentions: Option<Value>,
}

impl MentionRecord {
    /// True unless the call pins mentions to nothing. Without `allowed_mentions` Discord parses
    /// every mention in the content; with it, only `parse` kinds and listed `users`/`roles` ping.
    pub fn may_ping(&self) -> bool {
        let Some(am) = &self.allowed_mentions else {
            return true;
        };
        let non_empty = |k: &str| am[k].as_array().is_some_and(|a| !a.is_empty());
        non_empty("parse") || non_empty("users") || non_empty("roles")
    }
}

/// A request the fake refused the way Discord would (validation, unknown interaction, ...).
#[derive(Clone, Debug)]
pub struct Rejection {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub error: Value,
}

/// Gateway counters.
#[derive(Clone, Debug, Default)]
pub struct GatewayStats {
    pub connections: u32,
    pub identifies: u32,
    pub resumes: u32,
    pub heartbeats: u32,
    /// The IDENTIFY payload of the latest session (token, intents, ...).
    pub last_identify: Option<Value>,
}

/// Everything the fake recorded. Read it with [`FakeDiscord::with_log`] or the getters.
#[derive(Debug, Default)]
pub struct Log {
    pub requests: Vec<RecordedRequest>,
    pub callbacks: Vec<Callback>,
    pub messages: Vec<PostedMessage>,
    pub threads: Vec<Thread>,
    /// user id -> DM channel id.
    pub dm_channels: HashMap<u64, u64>,
    pub mentions: Vec<MentionRecord>,
    /// Requests handled but never answered (see [`FakeDiscord::hold_next`]).
    pub held: Vec<RecordedRequest>,
    pub rejections: Vec<Rejection>,
    /// `METHOD /path` of every request no route matched.
    pub unexpected: Vec<String>,
    /// Messages deleted (`DELETE /channels/{c}/messages/{m}`): gone from `messages`.
    pub deleted_messages: Vec<u64>,
    /// Threads deleted (`DELETE /channels/{id}`): gone from `threads`, with their messages.
    pub deleted_channels: Vec<u64>,
    /// Registered commands per scope (`None`: global, `Some(guild)`), as the fake answered them.
    pub commands: HashMap<Option<u64>, Vec<Value>>,
    pub gateway: GatewayStats,
}

impl Log {
    pub fn messages_in(&self, channel_id: u64) -> Vec<&PostedMessage> {
        self.messages
            .iter()
            .filter(|m| m.channel_id == channel_id)
            .collect()
    }
    pub fn message(&self, id: u64) -> Option<&PostedMessage> {
        self.messages.iter().find(|m| m.id == id)
    }
}

/// An interaction the fake dispatched: what its callback must name.
#[derive(Clone, Debug)]
pub struct Dispatched {
    pub id: u64,
    pub token: String,
}

pub(crate) struct InteractionInfo {
    token: String,
    channel_id: u64,
    dispatched_at: Instant,
    acked: bool,
    /// The message a component interaction was on (types 6 and 7 update it).
    message_id: Option<u64>,
    /// What `@original` names once the callback arrived.
    original: Option<u64>,
}

pub(crate) struct FaultRule {
    pattern: String,
    remaining: usize,
    fault: Fault,
}

/// Gateway session: every frame dispatched in it, by sequence number (index + 1).
pub(crate) struct Session {
    id: String,
    frames: Vec<Value>,
}

/// All mutable state. A std `Mutex`: it is never held across an `.await`.
#[derive(Default)]
pub(crate) struct Inner {
    log: Log,
    next_id: u64,
    interactions: HashMap<u64, InteractionInfo>,
    last_dispatch: Option<Instant>,
    faults: Vec<FaultRule>,
    /// Requests that are handled but never answered (see [`FakeDiscord::hold_next`]).
    holds: Vec<HoldRule>,
    /// Message ids by the `nonce` they were created with, while Discord would still de-duplicate
    /// a message that repeats it (see [`FakeDiscord::forget_nonces`]).
    nonces: HashMap<String, u64>,
    closed_dms: HashMap<u64, DmFailure>,
    session: Option<Session>,
    /// The connection that owns the session, with the channel that tells it to act.
    active: Option<(u64, mpsc::UnboundedSender<gateway::Control>)>,
}

impl Inner {
    /// A new snowflake, as Discord makes them: milliseconds since Discord's epoch (2015) in the
    /// top bits, so ids grow with time and `?after=` a time's snowflake finds what came later.
    fn id(&mut self) -> u64 {
        const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let from_clock = now_ms.saturating_sub(DISCORD_EPOCH_MS) << 22;
        self.next_id = from_clock.max(self.next_id + 1);
        self.next_id
    }
}

/// Which requests [`FakeDiscord::hold_next`] holds, besides its pattern.
pub type HoldWhen = Box<dyn Fn(&Log, &RecordedRequest) -> bool + Send>;

pub(crate) struct HoldRule {
    pattern: String,
    remaining: usize,
    when: HoldWhen,
}

pub(crate) struct Shared {
    inner: Mutex<Inner>,
    changed: Notify,
    options: Options,
    gateway_url: String,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock already fails the test; keep reading what is left.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
    /// Apply a change and wake every waiter.
    fn update<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let out = f(&mut self.lock());
        self.changed.notify_waiters();
        out
    }
}

/// The running fake. Dropping it stops both servers, and panics if a request hit an unknown route.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    rest_url: String,
    tasks: Vec<JoinHandle<()>>,
}

impl FakeDiscord {
    /// Start REST and gateway on `127.0.0.1:0` with default options.
    pub async fn start() -> Self {
        Self::start_with(Options::default()).await
    }

    pub async fn start_with(options: Options) -> Self {
        let bind = || tokio::net::TcpListener::bind("127.0.0.1:0");
        let rest = bind().await.expect("bind the fake REST port on loopback");
        let ws = bind()
            .await
            .expect("bind the fake gateway port on loopback");
        let addr =
            |l: &tokio::net::TcpListener| l.local_addr().expect("a bound socket has an address");
        let rest_url = format!("http://{}", addr(&rest));
        let shared = Arc::new(Shared {
            inner: Mutex::default(),
            changed: Notify::new(),
            options,
            gateway_url: format!("ws://{}", addr(&ws)),
        });
        let tasks = vec![
            tokio::spawn(rest::serve(rest, shared.clone())),
            tokio::spawn(gateway::serve(ws, shared.clone())),
        ];
        Self {
            shared,
            rest_url,
            tasks,
        }
    }

    /// Base URL for serenity's `HttpBuilder::proxy` (and `DISCORD_PROXY_URL`).
    pub fn rest_url(&self) -> &str {
        &self.rest_url
    }

    /// What `GET /gateway` answers.
    pub fn gateway_url(&self) -> &str {
        &self.shared.gateway_url
    }

    // ---- gateway -------------------------------------------------------------------------

    /// Send INTERACTION_CREATE for `fixture` once the bot is READY; returns its id and token.
    pub async fn dispatch_interaction(&self, fixture: InteractionFixture) -> Dispatched {
        self.wait_for_ready().await;
        let (dispatched, d) = self.shared.update(|inner| {
            let id = inner.id();
            let token = format!("fake-token-{id}");
            let message = fixture.message_id().map(|m| match inner.log.message(m) {
                Some(posted) => rest::message_json(posted),
                None => fixtures::stub_message(m, fixture.channel_id()),
            });
            let d = fixture.to_json(id, &token, message);
            let info = InteractionInfo {
                token: token.clone(),
                channel_id: fixture.channel_id(),
                dispatched_at: Instant::now(),
                acked: false,
                message_id: fixture.message_id(),
                original: None,
            };
            inner.interactions.insert(id, info);
            inner.last_dispatch = Some(Instant::now());
            (Dispatched { id, token }, d)
        });
        self.dispatch("INTERACTION_CREATE", d);
        dispatched
    }

    /// Send any dispatch event (`op 0`) in the current session; queued for RESUME if disconnected.
    pub fn dispatch(&self, event: &str, d: Value) {
        self.shared.update(|inner| gateway::push(inner, event, d));
    }

    /// Send op 7 RECONNECT: the bot should reconnect and RESUME (see [`Self::wait_for_resumes`]).
    pub fn force_reconnect(&self) {
        let active = self.shared.lock().active.take();
        let (_, tx) = active.expect("force_reconnect needs a connected bot");
        // The connection task may already be gone; then the bot reconnects anyway.
        let _ = tx.send(gateway::Control::Reconnect);
    }

    // ---- fault injection -----------------------------------------------------------------

    /// Answer the next `times` requests matching `pattern` with `fault`. Patterns: `"*"` (any),
    /// `"/channels/*/messages"` (any method) or `"POST /channels/*/messages"`; `*` is one segment.
    pub fn fail_next(&self, pattern: &str, times: usize, fault: Fault) {
        let rule = FaultRule {
            pattern: pattern.to_owned(),
            remaining: times,
            fault,
        };
        self.shared.update(|inner| inner.faults.push(rule));
    }

    /// Handle the next request matching `pattern` for which `when` holds as usual (the message
    /// is posted, the thread opened) but never answer it: what the bot sees when it dies right
    /// after Discord accepted a request. It is recorded as usual, and also in [`Log::held`].
    pub fn hold_next(
        &self,
        pattern: &str,
        when: impl Fn(&Log, &RecordedRequest) -> bool + Send + 'static,
    ) {
        let rule = HoldRule {
            pattern: pattern.to_owned(),
            remaining: 1,
            when: Box::new(when),
        };
        self.shared.update(|inner| inner.holds.push(rule));
    }

    /// Forget the nonces of earlier messages, as Discord does after a few minutes: a message
    /// that repeats one is then created again.
    pub fn forget_nonces(&self) {
        self.shared.update(|inner| inner.nonces.clear());
    }

    /// Make DMs to `user_id` fail with 403 / 50007 "Cannot send messages to this user".
    pub fn close_dms(&self, user_id: u64, at: DmFailure) {
        self.shared
            .update(|inner| inner.closed_dms.insert(user_id, at));
    }

    // ---- recordings ----------------------------------------------------------------------

    /// Read the log under the lock (no `.await` is possible inside `f`).
    pub fn with_log<T>(&self, f: impl FnOnce(&Log) -> T) -> T {
        f(&self.shared.lock().log)
    }
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.with_log(|l| l.requests.clone())
    }
    pub fn callback(&self, interaction_id: u64) -> Option<Callback> {
        self.with_log(|l| {
            l.callbacks
                .iter()
                .find(|c| c.interaction_id == interaction_id)
                .cloned()
        })
    }
    pub fn messages_in(&self, channel_id: u64) -> Vec<PostedMessage> {
        self.with_log(|l| l.messages_in(channel_id).into_iter().cloned().collect())
    }
    /// Messages in the DM channel with `user_id` (empty if none was opened).
    pub fn dms_to(&self, user_id: u64) -> Vec<PostedMessage> {
        let channel = self.with_log(|l| l.dm_channels.get(&user_id).copied());
        channel.map(|c| self.messages_in(c)).unwrap_or_default()
    }
    pub fn threads(&self) -> Vec<Thread> {
        self.with_log(|l| l.threads.clone())
    }
    pub fn rejections(&self) -> Vec<Rejection> {
        self.with_log(|l| l.rejections.clone())
    }
    pub fn unexpected(&self) -> Vec<String> {
        self.with_log(|l| l.unexpected.clone())
    }
    /// Take (and so forgive) the unexpected requests, for tests that provoke one on purpose.
    pub fn take_unexpected(&self) -> Vec<String> {
        std::mem::take(&mut self.shared.lock().log.unexpected)
    }
    pub fn gateway_stats(&self) -> GatewayStats {
        self.with_log(|l| l.gateway.clone())
    }
    /// Message-creating or -editing calls whose `allowed_mentions` could let user text ping.
    pub fn mention_leaks(&self) -> Vec<MentionRecord> {
        self.with_log(|l| {
            l.mentions
                .iter()
                .filter(|m| m.may_ping())
                .cloned()
                .collect()
        })
    }

    /// Panic unless nothing was unexpected, rejected or able to ping: the end of a clean journey.
    pub fn assert_clean(&self) {
        let (unexpected, rejections, leaks) =
            (self.unexpected(), self.rejections(), self.mention_leaks());
        assert!(
            unexpected.is_empty(),
            "fake discord: unexpected requests: {unexpected:#?}"
        );
        assert!(
            rejections.is_empty(),
            "fake discord: rejected requests: {rejections:#?}"
        );
        assert!(
            leaks.is_empty(),
            "fake discord: messages that may ping: {leaks:#?}"
        );
    }

    // ---- waiting -------------------------------------------------------------------------

    /// Wait until `check` returns `Some`, re-checking on every change; panic after `timeout`
    /// with `what` and a dump of the requests so far.
    pub async fn wait_until<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&Log) -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.changed.notified();
            tokio::pin!(notified);
            // Register before checking, so a change between the check and the await is not lost.
            notified.as_mut().enable();
            if let Some(found) = self.with_log(&mut check) {
                return found;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let seen: Vec<String> = self
                    .requests()
                    .iter()
                    .map(|r| format!("{} {} -> {}", r.method, r.path, r.status))
                    .collect();
                panic!(
                    "fake discord: timed out after {timeout:?} waiting for {what}; requests: {seen:#?}"
                );
            }
        }
    }

    /// Wait for the bot's IDENTIFY to be answered with READY.
    pub async fn wait_for_ready(&self) {
        let what = "the bot to IDENTIFY";
        self.wait_until(what, Duration::from_secs(10), |l| {
            (l.gateway.identifies > 0).then_some(())
        })
        .await;
    }

    /// Wait for the callback of interaction `id` (whatever its outcome was).
    pub async fn wait_for_callback(&self, id: u64) -> Callback {
        let what = format!("the callback of interaction {id}");
        self.wait_until(&what, WAIT, |l| {
            l.callbacks.iter().find(|c| c.interaction_id == id).cloned()
        })
        .await
    }

    /// Wait for a message in `channel_id` (including later edits) that satisfies `matches`.
    pub async fn wait_for_message(
        &self,
        channel_id: u64,
        matches: impl Fn(&PostedMessage) -> bool,
    ) -> PostedMessage {
        let what = format!("a matching message in channel {channel_id}");
        self.wait_until(&what, WAIT, |l| {
            l.messages_in(channel_id)
                .into_iter()
                .find(|m| matches(m))
                .cloned()
        })
        .await
    }

    /// Wait for a request to `METHOD /path` (pattern as in [`Self::fail_next`]).
    pub async fn wait_for_request(&self, pattern: &str) -> RecordedRequest {
        let what = format!("a request matching {pattern}");
        let find = |l: &Log| {
            l.requests
                .iter()
                .find(|r| rest::matches(pattern, &r.method, &r.path))
                .cloned()
        };
        self.wait_until(&what, WAIT, find).await
    }

    /// Wait until the bot has resumed its session `count` times in all.
    pub async fn wait_for_resumes(&self, count: u32) {
        let what = format!("{count} RESUME(s)");
        self.wait_until(&what, Duration::from_secs(10), |l| {
            (l.gateway.resumes >= count).then_some(())
        })
        .await;
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
        if let Some((_, tx)) = self.shared.lock().active.take() {
            let _ = tx.send(gateway::Control::Close);
        }
        let unexpected = self.unexpected();
        if !unexpected.is_empty() && !std::thread::panicking() {
            panic!("fake discord: requests to routes it does not know: {unexpected:#?}");
        }
    }
}

/// Discord's error body.
pub(crate) fn error_body(code: u64, message: &str) -> Value {
    json!({ "code": code, "message": message })
}
