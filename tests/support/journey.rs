//! Discord journeys in the words of the people who make them: [`Journey`] runs the real bot
//! (`supportbot::discord::run`) against the fake Discord on a fresh store, and [`DiscordUser`]
//! clicks through it. Every interaction's first response is held to Discord's 3-second window.

use std::future::Future;
use std::ops::Deref;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde_json::Value;
use supportbot::clock::Clock;
use supportbot::config::CheckConfig;
use supportbot::discord::{RunError, Settings};
use supportbot::escalation::ticket::{Ticket, TicketId};
use supportbot::knowledge::Knowledge;
use supportbot::probe::Prober;
use supportbot::service::Service;
use supportbot::session::Session;
use supportbot::store::Store;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::fake_discord::{
    CALLBACK_DEADLINE, CHANNEL_ID, Callback, DmFailure, FakeDiscord, Fault, GUILD_ID,
    InteractionFixture, Invoker, Opt, PostedMessage, SUPPORT_CHANNEL_ID, Source, Thread, WAIT,
};
use super::http::{Behavior, TestServer};
use super::paths::shipped_knowledge;

/// A token of the right shape (three dot-separated parts); the fake accepts any.
pub const TOKEN: &str = "MTAx.fake.token";
/// The user who asks for help (the fixtures' default invoker).
pub const USER: u64 = 100;
pub const USER_NAME: &str = "alice";
/// The staff member, who has [`STAFF_ROLE`].
pub const STAFF: u64 = 200;
pub const STAFF_NAME: &str = "sam";
pub const STAFF_ROLE: u64 = 900_000_000_000_000_030;
/// SUPPORT_CHANNEL_ID: where staff cards go (users ask in `CHANNEL_ID`).
pub const SUPPORT: u64 = SUPPORT_CHANNEL_ID;
/// The Manage Server permission bit.
pub const MANAGE_GUILD: u64 = 1 << 5;
/// How long a live check waits for a target (shorter than production's 5 s, longer than 3 s so a
/// hanging target shows the acknowledgement does not wait for the check).
pub const CHECK_TIMEOUT: Duration = Duration::from_millis(3500);
/// Upper bound of one journey (see [`bounded`]).
pub const JOURNEY: Duration = Duration::from_secs(40);
/// The ticket a journey's first escalation opens (no journey here opens two).
pub const FIRST_TICKET: &str = "T-0001";
/// How long a delivery (card, thread, transcript, queued notices) may take, retries included.
pub const DELIVERY: Duration = Duration::from_secs(10);

/// Callback type: a new message.
pub const MESSAGE: u64 = 4;
/// Callback type: deferred, the answer is edited in later.
pub const DEFERRED: u64 = 5;
/// Callback type: a button press acknowledged; its message is edited later (or left as it is).
pub const DEFERRED_UPDATE: u64 = 6;
/// Callback type: the component's message is updated in place.
pub const UPDATE: u64 = 7;
/// Callback type: a modal opens.
pub const MODAL: u64 = 9;
/// Callback type: autocomplete choices.
pub const AUTOCOMPLETE: u64 = 8;

/// The bot's settings in these journeys: the staff role, the dev guild, cooldowns that never bite.
pub fn settings() -> Settings {
    Settings {
        status_channel: None,
        support_channel: SUPPORT,
        staff_role: Some(STAFF_ROLE),
        dev_guild: Some(GUILD_ID),
        check_cooldown: Duration::from_millis(1),
        escalate_cooldown: Duration::from_millis(1),
    }
}

/// Runs one journey (or one part of it) with [`JOURNEY`] as the upper bound on its time.
pub async fn bounded<F: Future<Output = ()>>(what: &str, journey: F) {
    if tokio::time::timeout(JOURNEY, journey).await.is_err() {
        panic!("{what}: the journey took longer than {JOURNEY:?}");
    }
}

/// Asserts that an embed stays within Discord's limits (title, description, footer, fields, total).
pub fn assert_embed_within_limits(e: &Value) {
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let fields = e["fields"].as_array().map_or(&[][..], Vec::as_slice);
    assert!(len(&e["title"]) <= 256, "title {}", len(&e["title"]));
    assert!(len(&e["description"]) <= 4096);
    assert!(len(&e["footer"]["text"]) <= 2048);
    assert!(fields.len() <= 25);
    let mut total = len(&e["title"]) + len(&e["description"]) + len(&e["footer"]["text"]);
    for f in fields {
        assert!(len(&f["name"]) <= 256 && len(&f["value"]) <= 1024);
        total += len(&f["name"]) + len(&f["value"]);
    }
    assert!(total <= 6000, "embed total {total}");
}

/// Asserts that `m` shows solution `n` ("Solution n of ...") and returns that title.
pub fn expect_solution(m: &PostedMessage, n: usize) -> String {
    let prefix = format!("Solution {n} of");
    let titles = m.titles();
    titles
        .iter()
        .find(|t| t.starts_with(&prefix))
        .cloned()
        .unwrap_or_else(|| panic!("expected solution {n}, the message shows {titles:?}"))
}

/// What to arrange before the bot starts: faults, closed DMs, a `/check` target, other settings.
#[derive(Default)]
pub struct JourneyBuilder {
    faults: Vec<(String, usize, Fault)>,
    closed_dms: Vec<(u64, DmFailure)>,
    check_target: Option<Behavior>,
    settings: Option<Settings>,
    knowledge: Option<std::path::PathBuf>,
    clock: Option<Arc<dyn Clock>>,
}

impl JourneyBuilder {
    /// Answer the next `times` requests matching `pattern` with `fault` (see
    /// [`FakeDiscord::fail_next`]); rules added later apply after this one is used up.
    #[must_use]
    pub fn fail_next(mut self, pattern: &str, times: usize, fault: Fault) -> Self {
        self.faults.push((pattern.to_owned(), times, fault));
        self
    }

    /// Make DMs to `user` fail (see [`FakeDiscord::close_dms`]).
    #[must_use]
    pub fn closed_dms(mut self, user: u64, at: DmFailure) -> Self {
        self.closed_dms.push((user, at));
        self
    }

    /// A local HTTP server on 127.0.0.1 that answers every request with `behavior`; read it with
    /// [`Journey::check_target`].
    #[must_use]
    pub fn check_target(mut self, behavior: Behavior) -> Self {
        self.check_target = Some(behavior);
        self
    }

    /// Start the bot with `settings` instead of [`settings()`].
    #[must_use]
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = Some(settings);
        self
    }

    /// Starts the fake and the bot, and waits until the bot registered its commands.
    pub async fn start(self) -> Journey {
        let (mut journey, settings) = self.arrange().await;
        journey.start_bot_with(settings).await;
        journey
    }

    /// Starts the fake and the bot, and waits for `run` to give up; returns its error.
    pub async fn start_refused(self) -> (Journey, RunError) {
        let (mut journey, settings) = self.arrange().await;
        let error = journey.start_bot_refused(settings).await;
        (journey, error)
    }

    /// The fake and a data directory, without a bot: start one with [`Journey::start_bot`] or
    /// [`Journey::start_process`].
    pub async fn without_bot(self) -> Journey {
        self.arrange().await.0
    }

    /// The bot's service tells the time by `clock` (e.g. a [`HeldClock`](super::held_clock)).
    #[must_use]
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// Serve this knowledge directory instead of the shipped one.
    #[must_use]
    pub fn knowledge(mut self, dir: &std::path::Path) -> Self {
        self.knowledge = Some(dir.to_path_buf());
        self
    }

    /// The fake (with the faults and closed DMs in place), the data dir and the target; no bot.
    async fn arrange(self) -> (Journey, Settings) {
        let fake = FakeDiscord::start().await;
        for (pattern, times, fault) in self.faults {
            fake.fail_next(&pattern, times, fault);
        }
        for (user, at) in self.closed_dms {
            fake.close_dms(user, at);
        }
        let check_target = match self.check_target {
            Some(behavior) => Some(TestServer::always(behavior).await),
            None => None,
        };
        let journey = Journey {
            fake,
            data: tempfile::tempdir().expect("a temp dir for the store"),
            check_target,
            bot: None,
            process: None,
            knowledge: self.knowledge.unwrap_or_else(shipped_knowledge),
            clock: self.clock,
        };
        (journey, self.settings.unwrap_or_else(settings))
    }
}

/// The real bot as one journey runs it: `supportbot::discord::run` on a spawned task, and the
/// service it serves (kept so the test can look into the store).
struct RunningBot {
    service: Service,
    /// Taken by the first [`Journey::signal_stop`]; behind a lock so signalling needs no `&mut`
    /// while people still hold the journey.
    stop: Mutex<Option<oneshot::Sender<()>>>,
    task: JoinHandle<Result<(), RunError>>,
}

/// `supportbot run` in a child process; killed if the test ends without stopping it.
struct BotProcess(std::process::Child);

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The fake Discord, the bot's data directory and the bot (if one runs). Dereferences to the fake,
/// so its recordings, waits and faults are at hand.
pub struct Journey {
    fake: FakeDiscord,
    data: TempDir,
    check_target: Option<TestServer>,
    bot: Option<RunningBot>,
    /// The bot as production runs it: `supportbot run`, in a process of its own.
    process: Option<BotProcess>,
    knowledge: std::path::PathBuf,
    /// The service's clock, when not the machine's.
    clock: Option<Arc<dyn Clock>>,
}

impl Deref for Journey {
    type Target = FakeDiscord;
    fn deref(&self) -> &FakeDiscord {
        &self.fake
    }
}

impl Journey {
    /// The fake and the bot with [`settings()`], once the bot registered its commands.
    pub async fn start() -> Self {
        Self::builder().start().await
    }

    /// Arrange faults, closed DMs, a check target or other settings first.
    pub fn builder() -> JourneyBuilder {
        JourneyBuilder::default()
    }

    /// Spawns `run` on the shipped knowledge base and the store in the data directory.
    fn launch(&mut self, settings: Settings) {
        assert!(self.bot.is_none(), "one bot at a time");
        let knowledge = Knowledge::open(&self.knowledge).expect("the knowledge base is valid");
        let store = Store::open_waiting(self.data.path(), Duration::from_secs(5))
            .expect("the store opens in a temp dir");
        // Loopback targets allowed (the /check journeys use local servers), short timeouts.
        let checks = CheckConfig {
            allow_private_targets: true,
            default_timeout: CHECK_TIMEOUT,
            deadline: CHECK_TIMEOUT * 2,
            ..CheckConfig::default()
        };
        let mut service = Service::with_prober(knowledge, store, Prober::new(checks));
        if let Some(clock) = &self.clock {
            service = service.with_clock(clock.clone());
        }
        let (stop, stopped) = oneshot::channel::<()>();
        let proxy = self.fake.rest_url().to_owned();
        let serving = service.clone();
        let task = tokio::spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            supportbot::discord::run(TOKEN, Some(&proxy), settings, serving, shutdown).await
        });
        self.bot = Some(RunningBot {
            service,
            stop: Mutex::new(Some(stop)),
            task,
        });
    }

    /// Starts a bot with [`settings()`] on the same data directory (after a stop, a restart) and
    /// waits for its IDENTIFY and for the commands in the dev guild.
    pub async fn start_bot(&mut self) {
        self.start_bot_with(settings()).await;
    }

    async fn start_bot_with(&mut self, settings: Settings) {
        let before = self.gateway_stats().identifies;
        self.launch(settings);
        let what = "the new bot to IDENTIFY";
        self.wait_until(what, Duration::from_secs(10), |l| {
            (l.gateway.identifies > before).then_some(())
        })
        .await;
        self.wait_for_commands().await;
    }

    /// Starts a bot with `settings` and waits (10 s at most) for `run` to give up; returns its error.
    pub async fn start_bot_refused(&mut self, settings: Settings) -> RunError {
        self.launch(settings);
        let bot = self.bot.take().expect("just launched");
        let outcome = tokio::time::timeout(Duration::from_secs(10), bot.task)
            .await
            .expect("run gives up at once")
            .expect("the bot task did not panic");
        outcome.expect_err("run stops with an error")
    }

    /// Completes the bot's shutdown future (as SIGTERM would) without waiting.
    pub fn signal_stop(&self) {
        let Some(bot) = &self.bot else { return };
        // A poisoned lock means a test already failed; the sender is still there to take.
        let stop = bot
            .stop
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(stop) = stop {
            let _ = stop.send(());
        }
    }

    /// Whether the bot's `run` has returned.
    pub fn bot_stopped(&self) -> bool {
        self.bot.as_ref().is_none_or(|b| b.task.is_finished())
    }

    /// Stops the bot and waits for `run` to return Ok (20 s at most). Its store is closed; nothing
    /// of it is left in memory.
    pub async fn stop_bot(&mut self) {
        self.signal_stop();
        let Some(bot) = self.bot.take() else {
            return;
        };
        let outcome = tokio::time::timeout(Duration::from_secs(20), bot.task)
            .await
            .expect("the bot stops within 20 s of the shutdown signal")
            .expect("the bot task did not panic");
        outcome.expect("run returns Ok after a graceful shutdown");
    }

    /// Starts the real binary (`supportbot run`, configured through its environment as in
    /// production) on the journey's data directory and waits for its IDENTIFY and commands.
    pub async fn start_process(&mut self) {
        self.start_process_with(&[]).await;
    }

    /// [`Self::start_process`] with more environment (e.g. `MONITOR=true`).
    pub async fn start_process_with(&mut self, env: &[(&str, &str)]) {
        assert!(
            self.bot.is_none() && self.process.is_none(),
            "one bot at a time"
        );
        let before = self.gateway_stats().identifies;
        let log = std::fs::File::create(self.data.path().join("bot.log")).expect("a log file");
        let mut command = super::bin::supportbot(self.data.path());
        command.envs(env.iter().copied());
        let child = command
            .arg("run")
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_PROXY_URL", self.fake.rest_url())
            .env("SUPPORT_CHANNEL_ID", SUPPORT.to_string())
            .env("STAFF_ROLE_ID", STAFF_ROLE.to_string())
            .env("DEV_GUILD_ID", GUILD_ID.to_string())
            .env("ESCALATE_COOLDOWN_SECONDS", "0")
            .env("KNOWLEDGE_DIR", &self.knowledge)
            .env("DATA_DIR", self.data.path().join("store"))
            .stdout(std::process::Stdio::null())
            .stderr(log)
            .spawn()
            .expect("the supportbot binary starts");
        self.process = Some(BotProcess(child));
        let what = "the bot process to IDENTIFY";
        self.wait_until(what, Duration::from_secs(20), |l| {
            (l.gateway.identifies > before).then_some(())
        })
        .await;
        self.wait_for_commands().await;
    }

    /// Kills the bot process with SIGKILL: nothing it had not written is kept.
    pub fn kill_process(&mut self) {
        let mut process = self.process.take().expect("a bot process runs");
        process.0.kill().expect("SIGKILL reaches the bot");
        process.0.wait().expect("the killed bot is reaped");
    }

    /// Stops the bot process as an init system would (SIGTERM) and waits for a clean exit.
    pub async fn stop_process(&mut self) {
        let mut process = self.process.take().expect("a bot process runs");
        let pid = process.0.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status();
        assert!(sent.is_ok_and(|s| s.success()), "SIGTERM reaches the bot");
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = process.0.try_wait().expect("the bot can be waited for") {
                break status;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "the bot stops within 20 s of SIGTERM"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let log = std::fs::read_to_string(self.data.path().join("bot.log")).unwrap_or_default();
        assert!(status.success(), "the bot exits cleanly: {status}\n{log}");
    }

    /// Runs a `supportbot` command (e.g. `user forget`) on the bot process's data directory,
    /// as an operator would while the bot is stopped.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        assert!(self.process.is_none(), "stop the bot process first");
        super::bin::supportbot(self.data.path())
            .args(args)
            .env("KNOWLEDGE_DIR", &self.knowledge)
            .env("DATA_DIR", self.data.path().join("store"))
            .output()
            .expect("the supportbot binary runs")
    }

    /// What the bot process logged (warnings and errors) in this journey so far.
    pub fn process_log(&self) -> String {
        std::fs::read_to_string(self.data.path().join("bot.log")).unwrap_or_default()
    }

    /// The store a stopped bot process left behind, opened by the test.
    pub fn process_store(&self) -> Store {
        assert!(self.process.is_none(), "stop the bot process first");
        Store::open_waiting(&self.data.path().join("store"), Duration::from_secs(5))
            .expect("the store opens once the bot stopped")
    }

    /// [`Self::stop_bot`], then [`Self::start_bot`] on the same data directory.
    pub async fn restart(&mut self) {
        self.stop_bot().await;
        self.start_bot().await;
    }

    /// The end of a journey: the bot stops gracefully, then the fake (which panics if the bot
    /// called a route it does not know).
    pub async fn stop(mut self) {
        self.stop_bot().await;
    }

    /// The running bot's store.
    /// The running bot's service (to run a monitor round, as the background loop would).
    pub fn service(&self) -> &Service {
        &self.bot.as_ref().expect("a bot is running").service
    }

    pub fn store(&self) -> &Store {
        self.bot.as_ref().expect("a running bot").service.store()
    }

    /// Ticket `n` as the store has it now.
    pub fn ticket(&self, n: u64) -> Ticket {
        let ticket = self.store().ticket(TicketId(n)).expect("store readable");
        ticket.unwrap_or_else(|| panic!("no ticket {n} in the store"))
    }

    /// `user`'s conversation as the store has it now.
    pub fn session(&self, user: u64) -> Session {
        let session = self.store().load_session(&user.to_string());
        let session = session.expect("store readable");
        session.unwrap_or_else(|| panic!("no session of {user} in the store"))
    }

    /// The local server arranged with [`JourneyBuilder::check_target`].
    pub fn check_target(&self) -> &TestServer {
        self.check_target
            .as_ref()
            .expect("the journey has a check target")
    }

    /// The user who asks for help: alice, a plain member, in `CHANNEL_ID`.
    pub fn user(&self) -> DiscordUser<'_> {
        self.member(Invoker::member(USER, USER_NAME))
    }

    /// sam, with the staff role, in the support channel.
    pub fn staff(&self) -> DiscordUser<'_> {
        let sam = Invoker::member(STAFF, STAFF_NAME).with_roles(&[STAFF_ROLE]);
        self.member(sam).in_channel(SUPPORT)
    }

    /// Anyone else, in `CHANNEL_ID`.
    pub fn member(&self, invoker: Invoker) -> DiscordUser<'_> {
        DiscordUser {
            fake: &self.fake,
            invoker,
            channel: CHANNEL_ID,
        }
    }

    /// Waits for the bot's slash commands in the dev guild (its READY handler ran); their number.
    pub async fn wait_for_commands(&self) -> usize {
        let what = "commands registered in the dev guild";
        self.wait_until(what, Duration::from_secs(10), |l| {
            l.commands.get(&Some(GUILD_ID)).map(Vec::len)
        })
        .await
    }

    /// Staff cards in the support channel (messages with Claim / Resolve / Reopen buttons).
    pub fn cards(&self) -> Vec<PostedMessage> {
        self.messages_in(SUPPORT)
            .into_iter()
            .filter(|m| m.custom_ids().iter().any(|id| id.starts_with("sbt:")))
            .collect()
    }

    /// Waits for the staff card of `ticket` (the message with its Claim button).
    pub async fn wait_for_card(&self, ticket: &str) -> PostedMessage {
        let claim = format!("sbt:claim:{ticket}");
        let what = format!("the staff card of {ticket}");
        self.wait_until(&what, DELIVERY, |l| {
            let mut cards = l.messages_in(SUPPORT).into_iter();
            cards.find(|m| m.custom_ids().contains(&claim)).cloned()
        })
        .await
    }

    /// Waits for `ticket`'s thread and the transcript message (`{ticket}.md`) in it.
    pub async fn wait_for_transcript(&self, ticket: &str) -> (Thread, PostedMessage) {
        let name = format!("{ticket}.md");
        let what = format!("the transcript of {ticket} in its thread");
        self.wait_until(&what, DELIVERY, |l| {
            l.threads.iter().find_map(|t| {
                l.messages_in(t.id)
                    .into_iter()
                    .find(|m| m.files.iter().any(|f| f.filename == name))
                    .map(|m| (t.clone(), m.clone()))
            })
        })
        .await
    }

    /// Waits for the `n`-th (from 0) message in the DM channel with `user`.
    pub async fn wait_for_dm(&self, user: u64, n: usize) -> PostedMessage {
        let what = format!("DM number {} to {user}", n + 1);
        self.wait_until(&what, WAIT, |l| {
            let channel = l.dm_channels.get(&user)?;
            l.messages_in(*channel).get(n).map(|m| (*m).clone())
        })
        .await
    }

    /// The status of every request to `METHOD /path` (exactly), in order.
    pub fn statuses(&self, request: &str) -> Vec<u16> {
        self.requests()
            .iter()
            .filter(|r| format!("{} {}", r.method, r.path) == request)
            .map(|r| r.status)
            .collect()
    }

    /// Waits until every queued notification was delivered. The store does not wake the fake's
    /// waiters, so this polls (every 20 ms) instead.
    pub async fn outbox_drained(&self, timeout: Duration) {
        let store = self.store();
        let deadline = tokio::time::Instant::now() + timeout;
        while store.outbox_len() > 0 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the outbox still holds {} notification(s) after {timeout:?}: {:?}",
                store.outbox_len(),
                store.outbox_head()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Someone on Discord: who they are and the channel they type commands in. Each verb dispatches
/// one interaction and returns it as [`Sent`].
pub struct DiscordUser<'j> {
    fake: &'j FakeDiscord,
    invoker: Invoker,
    channel: u64,
}

impl<'j> DiscordUser<'j> {
    /// The same person typing commands in `channel`.
    #[must_use]
    pub fn in_channel(mut self, channel: u64) -> Self {
        self.channel = channel;
        self
    }

    /// Dispatches `fixture` as this person (in the fixture's channel).
    pub async fn send(&self, fixture: InteractionFixture) -> Sent<'j> {
        let sent = self
            .fake
            .dispatch_interaction(fixture.by(self.invoker.clone()))
            .await;
        Sent {
            fake: self.fake,
            id: sent.id,
        }
    }

    /// `/name` with `options`, in this person's channel.
    pub async fn slash(&self, name: &str, options: Vec<Opt>) -> Sent<'j> {
        let fixture = InteractionFixture::slash(name, options).in_channel(self.channel);
        self.send(fixture).await
    }

    /// `/diagnose description:...`.
    pub async fn diagnose(&self, description: &str) -> Sent<'j> {
        let description = Opt::Str("description", description.to_owned());
        self.slash("diagnose", vec![description]).await
    }

    /// Picks `browser` in the select menu on `menu`.
    pub async fn pick_browser(&self, menu: &PostedMessage, browser: &str) -> Sent<'j> {
        self.pick_in_menu(menu, browser).await
    }

    /// Picks the option whose value is `value` in the (first) select menu on `menu`.
    pub async fn pick_in_menu(&self, menu: &PostedMessage, value: &str) -> Sent<'j> {
        let select = menu.components().into_iter().find(|c| c["type"] == 3);
        let select = select.unwrap_or_else(|| panic!("no select menu on {:#?}", menu.payload));
        let custom_id = select["custom_id"]
            .as_str()
            .expect("a select menu has a custom_id");
        let fixture = InteractionFixture::select(custom_id, &[value], menu.id);
        self.send(fixture.in_channel(menu.channel_id)).await
    }

    /// Presses the button on `message` whose label or custom_id is `button`, in the message's
    /// channel (as Discord sends a component interaction).
    pub async fn press(&self, message: &PostedMessage, button: &str) -> Sent<'j> {
        let buttons = message.components().into_iter().filter(|c| c["type"] == 2);
        let found = buttons
            .filter(|b| b["label"] == button || b["custom_id"] == button)
            .find_map(|b| b["custom_id"].as_str().map(str::to_owned));
        let custom_id = found.unwrap_or_else(|| {
            panic!(
                "no button {button:?} on the message: {:?}",
                message.custom_ids()
            )
        });
        let fixture = InteractionFixture::button(&custom_id, message.id);
        self.send(fixture.in_channel(message.channel_id)).await
    }

    /// Submits the escalation modal (`sb-escalate`) with `note`.
    pub async fn submit_note(&self, note: &str) -> Sent<'j> {
        let fixture = InteractionFixture::modal_submit("sb-escalate", &[("note", note)]);
        self.send(fixture.in_channel(self.channel)).await
    }

    /// `/check target:...`.
    pub async fn check(&self, target: String) -> Sent<'j> {
        self.slash("check", vec![Opt::Str("target", target)]).await
    }

    /// `/escalate note:...`: asserts it is deferred, then answered privately with
    /// [`FIRST_TICKET`]; returns that answer.
    pub async fn escalate(&self, note: &str) -> PostedMessage {
        let note = Opt::Str("note", note.to_owned());
        let sent = self.slash("escalate", vec![note]).await;
        sent.answered(DEFERRED).await;
        let answer = sent.reply().await;
        assert!(answer.is_ephemeral(), "the ticket number is private");
        let text = answer.all_text();
        assert!(text.contains(FIRST_TICKET), "{text}");
        answer
    }

    /// `/ticket verb id:ticket` plus `options`.
    pub async fn ticket(&self, verb: &'static str, ticket: &str, options: Vec<Opt>) -> Sent<'j> {
        let mut all = vec![Opt::Str("id", ticket.to_owned())];
        all.extend(options);
        self.slash("ticket", vec![Opt::Sub(verb, all)]).await
    }

    /// `/incident verb` with `options`.
    pub async fn incident(&self, verb: &'static str, options: Vec<Opt>) -> Sent<'j> {
        self.slash("incident", vec![Opt::Sub(verb, options)]).await
    }

    /// `/kb reload`.
    pub async fn reload_knowledge(&self) -> Sent<'j> {
        let reload = Opt::Sub("reload", Vec::new());
        self.slash("kb", vec![reload]).await
    }
}

/// One interaction the fake dispatched, and what Discord shows of its answer.
pub struct Sent<'j> {
    fake: &'j FakeDiscord,
    pub id: u64,
}

impl Sent<'_> {
    /// The first response; asserts it came within Discord's 3-second window.
    pub async fn callback(&self) -> Callback {
        let callback = self.fake.wait_for_callback(self.id).await;
        assert!(
            callback.elapsed < CALLBACK_DEADLINE,
            "interaction {} was answered after {:?}, past Discord's {CALLBACK_DEADLINE:?}",
            self.id,
            callback.elapsed
        );
        callback
    }

    /// [`Self::callback`], asserted to be of type `kind` ([`MESSAGE`], [`DEFERRED`], ...).
    pub async fn answered(&self, kind: u64) -> Callback {
        let callback = self.callback().await;
        assert_eq!(
            callback.kind, kind,
            "callback type of interaction {}",
            self.id
        );
        callback
    }

    /// `message`, whose button this press was, once the press's answer edited it (asserts the
    /// callback's window); `message` as it was before the press.
    pub async fn updated(&self, message: &PostedMessage) -> PostedMessage {
        self.callback().await;
        let what = format!("interaction {} to edit message {}", self.id, message.id);
        self.fake
            .wait_until(&what, WAIT, |l| {
                l.message(message.id)
                    .filter(|m| m.edits > message.edits)
                    .cloned()
            })
            .await
    }

    /// The first follow-up message of this interaction (asserts the callback's window).
    pub async fn follow_up(&self) -> PostedMessage {
        self.callback().await;
        let what = format!("a follow-up to interaction {}", self.id);
        let source = Source::Followup {
            interaction_id: self.id,
        };
        self.fake
            .wait_until(&what, WAIT, |l| {
                l.messages.iter().find(|m| m.source == source).cloned()
            })
            .await
    }

    /// The message the response created, as it stands once answered: a [`DEFERRED`] response is
    /// waited for until its edit arrives. Asserts the callback's window.
    pub async fn reply(&self) -> PostedMessage {
        let callback = self.callback().await;
        let (id, deferred) = (self.id, callback.kind == DEFERRED);
        assert!(
            callback.kind == MESSAGE || deferred,
            "interaction {id} got callback type {}, which creates no message",
            callback.kind
        );
        let (what, timeout) = match deferred {
            true => (format!("the edited answer to interaction {id}"), DELIVERY),
            false => (format!("the answer to interaction {id}"), WAIT),
        };
        self.fake
            .wait_until(&what, timeout, |l| {
                let original = Source::Original { interaction_id: id };
                let mut replies = l.messages.iter().filter(|m| m.source == original);
                replies.find(|m| !deferred || m.edits > 0).cloned()
            })
            .await
    }
}
