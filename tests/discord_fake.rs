//! The fake Discord is faithful enough for the real serenity client: it connects through the fake
//! gateway, answers a dispatched slash command and a button press, reconnects with RESUME, and sees
//! the fake's limits, rate limits and outages as Discord would show them.
#![cfg(feature = "discord")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use serenity::all::{
    ApplicationId, ButtonStyle, ChannelId, ChannelType, Client, ClientBuilder,
    ComponentInteractionDataKind, Context, CreateActionRow, CreateAllowedMentions,
    CreateAttachment, CreateButton, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, CreateThread, EventHandler, GatewayIntents,
    Http, HttpBuilder, HttpError, Interaction, ShardManager, UserId,
};
use support::fake_discord::{
    self, APPLICATION_ID, CHANNEL_ID, DmFailure, FakeDiscord, Fault, InteractionFixture, Invoker,
    Opt, Options, SUPPORT_CHANNEL_ID, VOICE_CHANNEL_ID,
};
use tokio::sync::mpsc;

/// Answers `/diagnose` with an embed and two buttons, and "Fixed it" by updating the message.
/// Reports every response's outcome on `outcomes`, since a panic in a handler is only logged.
struct Bot {
    outcomes: mpsc::UnboundedSender<Result<(), serenity::Error>>,
}

#[serenity::async_trait]
impl EventHandler for Bot {
    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let no_pings = CreateAllowedMentions::new();
        let response = match &interaction {
            Interaction::Command(_) => {
                let embed = CreateEmbed::new()
                    .title("Clear the cache")
                    .description("Open settings, then Privacy.");
                let buttons = vec![
                    CreateButton::new("fixed")
                        .label("Fixed it")
                        .style(ButtonStyle::Success),
                    CreateButton::new("broken")
                        .label("Still broken")
                        .style(ButtonStyle::Danger),
                ];
                let message = CreateInteractionResponseMessage::new()
                    .embed(embed)
                    .components(vec![CreateActionRow::Buttons(buttons)])
                    .ephemeral(true)
                    .allowed_mentions(no_pings);
                CreateInteractionResponse::Message(message)
            }
            Interaction::Component(_) => {
                let message = CreateInteractionResponseMessage::new()
                    .content("Glad it worked.")
                    .components(Vec::new())
                    .allowed_mentions(no_pings);
                CreateInteractionResponse::UpdateMessage(message)
            }
            _ => return,
        };
        let outcome = match interaction {
            Interaction::Command(c) => c.create_response(&ctx.http, response).await,
            Interaction::Component(c) => c.create_response(&ctx.http, response).await,
            _ => return,
        };
        let _ = self.outcomes.send(outcome);
    }
}

/// A real serenity client connected to `fake`, plus the outcomes of its responses.
async fn start_bot(
    fake: &FakeDiscord,
) -> (
    Arc<ShardManager>,
    mpsc::UnboundedReceiver<Result<(), serenity::Error>>,
) {
    let (outcomes, rx) = mpsc::unbounded_channel();
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.rest_url())
        .ratelimiter_disabled(true)
        .build();
    let mut client: Client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .event_handler(Bot { outcomes })
        .await
        .expect("the client builds against the fake");
    let shards = client.shard_manager.clone();
    tokio::spawn(async move { client.start().await });
    (shards, rx)
}

/// REST only: no gateway, so the application id is set by hand instead of by READY.
fn rest_client(fake: &FakeDiscord) -> Http {
    HttpBuilder::new("fake-token")
        .proxy(fake.rest_url())
        .ratelimiter_disabled(true)
        .application_id(ApplicationId::new(APPLICATION_ID))
        .build()
}

async fn next_outcome(
    rx: &mut mpsc::UnboundedReceiver<Result<(), serenity::Error>>,
) -> Result<(), serenity::Error> {
    tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .expect("the bot answers within 5 s")
        .expect("the bot is running")
}

#[test]
fn every_fixture_kind_parses_as_a_serenity_interaction() {
    let parse = |f: InteractionFixture| {
        let message = f
            .message_id()
            .map(|m| fake_discord::stub_message(m, f.channel_id()));
        serde_json::from_value::<Interaction>(f.to_json(7, "tok", message)).expect("fixture parses")
    };
    let slash =
        InteractionFixture::slash("ticket", vec![Opt::Sub("show", vec![Opt::Int("id", 12)])]).by(
            Invoker::member(42, "bob")
                .with_roles(&[5])
                .with_permissions(1 << 5),
        );
    let Interaction::Command(c) = parse(slash) else {
        panic!("a command")
    };
    assert_eq!(
        (c.data.name.as_str(), c.user.id),
        ("ticket", UserId::new(42))
    );
    let member = c.member.expect("a guild member");
    assert!(member.permissions.expect("permissions").manage_guild());
    assert_eq!(member.roles.len(), 1);

    let auto =
        InteractionFixture::autocomplete("fix", vec![Opt::Focused("article", "cach".into())]);
    let Interaction::Autocomplete(a) = parse(auto) else {
        panic!("autocomplete")
    };
    assert_eq!(
        a.data.autocomplete().expect("a focused option").value,
        "cach"
    );

    let select = InteractionFixture::select("browser", &["firefox"], 99).by(Invoker::dm(43, "dee"));
    let Interaction::Component(s) = parse(select) else {
        panic!("a component")
    };
    assert!(s.member.is_none() && s.user.id == UserId::new(43));
    let ComponentInteractionDataKind::StringSelect { values } = s.data.kind else {
        panic!("a select")
    };
    assert_eq!(values, ["firefox"]);

    let button = InteractionFixture::button("fixed", 99);
    assert!(matches!(parse(button), Interaction::Component(b) if b.data.custom_id == "fixed"));

    let modal = InteractionFixture::modal_submit("escalate", &[("note", "it broke")]);
    let Interaction::Modal(m) = parse(modal) else {
        panic!("a modal submit")
    };
    assert_eq!(m.data.components[0].components.len(), 1);
}

#[tokio::test]
async fn serenity_answers_a_slash_command_and_a_button_through_the_fake() {
    let fake = FakeDiscord::start_with(Options {
        heartbeat_interval_ms: 300,
    })
    .await;
    let (shards, mut outcomes) = start_bot(&fake).await;

    let slash = InteractionFixture::slash(
        "diagnose",
        vec![Opt::Str("description", "page is blank".into())],
    );
    let sent = fake.dispatch_interaction(slash).await;
    let callback = fake.wait_for_callback(sent.id).await;
    next_outcome(&mut outcomes)
        .await
        .expect("the response is accepted");

    assert!(
        callback.elapsed < Duration::from_secs(3),
        "answered in {:?}",
        callback.elapsed
    );
    assert_eq!(callback.kind, 4);
    assert_eq!(callback.data["embeds"][0]["title"], "Clear the cache");
    assert_eq!(callback.data["flags"], 64);
    assert_eq!(
        callback.data["allowed_mentions"],
        json!({ "parse": [], "users": [], "roles": [] })
    );
    let original = fake
        .wait_for_message(CHANNEL_ID, |m| m.is_ephemeral())
        .await;
    assert_eq!(original.custom_ids(), ["fixed", "broken"]);

    // The button press carries the message as the fake recorded it, which serenity must parse.
    let press = fake
        .dispatch_interaction(InteractionFixture::button("fixed", original.id))
        .await;
    assert_eq!(fake.wait_for_callback(press.id).await.kind, 7);
    next_outcome(&mut outcomes)
        .await
        .expect("the update is accepted");
    let updated = fake
        .wait_for_message(CHANNEL_ID, |m| m.id == original.id && m.edits == 1)
        .await;
    assert_eq!(updated.content(), "Glad it worked.");
    assert!(updated.custom_ids().is_empty());

    // Heartbeats are acknowledged: several go by on one connection.
    fake.wait_until("3 heartbeats", Duration::from_secs(5), |l| {
        (l.gateway.heartbeats >= 3).then_some(())
    })
    .await;
    let stats = fake.gateway_stats();
    assert_eq!((stats.connections, stats.identifies), (1, 1));
    assert_eq!(
        stats.last_identify.expect("an IDENTIFY")["token"],
        "Bot fake-token"
    );
    fake.assert_clean();
    shards.shutdown_all().await;
}

#[tokio::test]
async fn op_7_reconnect_resumes_and_replays_what_was_missed() {
    let fake = FakeDiscord::start().await;
    let (shards, mut outcomes) = start_bot(&fake).await;
    fake.wait_for_ready().await;

    fake.force_reconnect();
    // Dispatched while the bot reconnects: queued, then replayed after its RESUME.
    let sent = fake
        .dispatch_interaction(InteractionFixture::slash("help", Vec::new()))
        .await;
    fake.wait_for_resumes(1).await;
    fake.wait_for_callback(sent.id).await;
    next_outcome(&mut outcomes)
        .await
        .expect("answered after the resume");

    let stats = fake.gateway_stats();
    assert_eq!(
        (stats.connections, stats.identifies, stats.resumes),
        (2, 1, 1)
    );
    fake.assert_clean();
    shards.shutdown_all().await;
}

#[tokio::test]
async fn a_429_on_the_callback_reaches_the_bot_as_an_error() {
    let fake = FakeDiscord::start().await;
    let (shards, mut outcomes) = start_bot(&fake).await;
    fake.wait_for_ready().await;
    fake.fail_next(
        "POST /interactions/*/*/callback",
        1,
        Fault::RateLimited {
            retry_after: 1.5,
            global: false,
        },
    );

    let first = fake
        .dispatch_interaction(InteractionFixture::slash("help", Vec::new()))
        .await;
    // With its rate limiter off serenity neither waits nor retries; the body's `retry_after` is lost
    // (Discord's 429 body has no `code`, so serenity reports code -1) and only the status is left.
    let Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(e))) =
        next_outcome(&mut outcomes).await
    else {
        panic!("the 429 surfaces as an unsuccessful request");
    };
    assert_eq!((e.status_code.as_u16(), e.error.code), (429, -1));
    assert!(
        fake.callback(first.id).is_none(),
        "an injected fault is not a callback"
    );

    let second = fake
        .dispatch_interaction(InteractionFixture::slash("help", Vec::new()))
        .await;
    next_outcome(&mut outcomes)
        .await
        .expect("the next callback goes through");
    assert_eq!(fake.wait_for_callback(second.id).await.kind, 4);
    shards.shutdown_all().await;
}

#[tokio::test]
async fn rate_limits_carry_discords_headers_and_outages_are_5xx() {
    let fake = FakeDiscord::start().await;
    fake.fail_next(
        "*",
        1,
        Fault::RateLimited {
            retry_after: 2.5,
            global: true,
        },
    );
    fake.fail_next("/channels/*/messages", 1, Fault::ServerError(502));
    let url = format!("{}/api/v10/channels/{CHANNEL_ID}/messages", fake.rest_url());
    let post = || {
        reqwest::Client::new()
            .post(&url)
            .header("content-type", "application/json")
            .body(r#"{"content":"hi"}"#)
    };

    let limited = post().send().await.expect("the fake answers");
    let header = |name: &str| {
        limited
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(header("retry-after").as_deref(), Some("3"));
    assert_eq!(header("x-ratelimit-global").as_deref(), Some("true"));
    assert_eq!(header("x-ratelimit-remaining").as_deref(), Some("0"));
    let body: serde_json::Value =
        serde_json::from_str(&limited.text().await.expect("a body")).expect("JSON");
    assert_eq!(
        (body["retry_after"].as_f64(), body["global"].as_bool()),
        (Some(2.5), Some(true))
    );

    let http = rest_client(&fake);
    let outage = ChannelId::new(CHANNEL_ID)
        .say(&http, "hi")
        .await
        .expect_err("the 502 surfaces");
    assert!(
        matches!(outage, serenity::Error::Http(HttpError::UnsuccessfulRequest(e)) if e.status_code.as_u16() == 502)
    );
    ChannelId::new(CHANNEL_ID)
        .say(&http, "hi")
        .await
        .expect("faults are used up");
    let statuses: Vec<u16> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 502, 200]);
}

#[tokio::test]
async fn the_fake_rejects_what_discord_rejects() {
    let fake = FakeDiscord::start().await;
    let http = rest_client(&fake);
    let channel = ChannelId::new(CHANNEL_ID);
    let path_of = |e: serenity::Error| match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(e)) => {
            assert_eq!((e.status_code.as_u16(), e.error.code), (400, 50035));
            e.error
                .errors
                .iter()
                .map(|x| x.path.clone())
                .collect::<Vec<_>>()
        }
        other => panic!("expected a 400 from the fake, got {other:?}"),
    };

    // serenity checks only the 6000 total locally, so a 300-character title reaches Discord.
    let long_title = CreateMessage::new().embed(CreateEmbed::new().title("t".repeat(300)));
    let err = channel
        .send_message(&http, long_title)
        .await
        .expect_err("title > 256");
    assert_eq!(path_of(err), ["embeds.0.title"]);

    let six = (0..6)
        .map(|i| CreateButton::new(format!("b{i}")).label("x"))
        .collect();
    let row = CreateMessage::new()
        .content("pick")
        .components(vec![CreateActionRow::Buttons(six)]);
    let err = channel
        .send_message(&http, row)
        .await
        .expect_err("6 buttons in a row");
    assert_eq!(path_of(err), ["components.0.components"]);
    assert_eq!(fake.rejections().len(), 2);

    // Over 6000 in all: serenity refuses before sending, so the fake never sees it.
    let huge = CreateEmbed::new()
        .description("d".repeat(4000))
        .field("f", "v".repeat(1000), false)
        .field("g", "v".repeat(1001), false);
    let err = channel
        .send_message(&http, CreateMessage::new().embed(huge))
        .await
        .expect_err("total > 6000");
    assert!(matches!(err, serenity::Error::Model(_)), "{err:?}");
    assert_eq!(fake.requests().len(), 2);

    fake.close_dms(77, DmFailure::AtCreate);
    let err = UserId::new(77)
        .create_dm_channel(&http)
        .await
        .expect_err("DMs closed");
    assert!(
        matches!(err, serenity::Error::Http(HttpError::UnsuccessfulRequest(e)) if e.error.code == 50007)
    );
    fake.close_dms(78, DmFailure::AtSend);
    let dm = UserId::new(78)
        .create_dm_channel(&http)
        .await
        .expect("the DM channel opens");
    let err = dm
        .say(&http, "your ticket")
        .await
        .expect_err("but sending fails");
    assert!(
        matches!(err, serenity::Error::Http(HttpError::UnsuccessfulRequest(e)) if e.status_code.as_u16() == 403)
    );
    assert!(fake.dms_to(78).is_empty());
}

#[tokio::test]
async fn followups_files_threads_and_dms_are_recorded() {
    let fake = FakeDiscord::start().await;
    let (shards, mut outcomes) = start_bot(&fake).await;
    let sent = fake
        .dispatch_interaction(InteractionFixture::slash("escalate", Vec::new()))
        .await;
    next_outcome(&mut outcomes).await.expect("the bot answers");
    let http = rest_client(&fake);
    let quiet = json!({ "parse": [] });

    // Files go as multipart (`payload_json` + `files[0]`), and come back as attachments.
    let file = CreateAttachment::bytes(b"user: it broke".to_vec(), "transcript.txt");
    let body = json!({ "content": "Transcript attached.", "allowed_mentions": quiet });
    let followup = (http
        .create_followup_message(&sent.token, &body, vec![file])
        .await)
        .expect("a follow-up after the callback");
    assert_eq!(followup.attachments[0].filename, "transcript.txt");
    let edit = json!({ "content": "Transcript (edited).", "allowed_mentions": quiet });
    (http
        .edit_followup_message(&sent.token, followup.id, &edit, Vec::new())
        .await)
        .expect("the follow-up can be edited");
    let recorded = fake
        .wait_for_message(CHANNEL_ID, |m| m.id == followup.id.get())
        .await;
    assert_eq!(
        (recorded.edits, recorded.files[0].bytes.as_slice()),
        (1, &b"user: it broke"[..])
    );
    let request = fake.wait_for_request("POST /webhooks/*/*").await;
    assert!(
        request
            .since_dispatch
            .is_some_and(|d| d < Duration::from_secs(3))
    );

    let original = (http.get_original_interaction_response(&sent.token).await)
        .expect("@original exists once answered");
    assert_eq!(original.embeds[0].title.as_deref(), Some("Clear the cache"));
    let again = json!({ "type": 4, "data": { "content": "twice" } });
    let err = (http
        .create_interaction_response(sent.id.into(), &sent.token, &again, Vec::new())
        .await)
        .expect_err("one callback per interaction");
    assert!(
        matches!(err, serenity::Error::Http(HttpError::UnsuccessfulRequest(e)) if e.error.code == 40060)
    );

    let channel = ChannelId::new(CHANNEL_ID);
    (channel
        .create_thread_from_message(&http, original.id, CreateThread::new("ticket-1"))
        .await)
        .expect("a thread on the summary message");
    let private = CreateThread::new("ticket-1 staff").kind(ChannelType::PrivateThread);
    let thread = channel
        .create_thread(&http, private)
        .await
        .expect("a private thread");
    assert_eq!(thread.kind, ChannelType::PrivateThread);
    assert_eq!(
        fake.threads()
            .iter()
            .map(|t| t.message_id.is_some())
            .collect::<Vec<_>>(),
        [true, false]
    );

    let dm = CreateMessage::new()
        .content("Ticket resolved.")
        .allowed_mentions(CreateAllowedMentions::new());
    UserId::new(55)
        .direct_message(&http, dm)
        .await
        .expect("DMs are open");
    assert_eq!(fake.dms_to(55)[0].content(), "Ticket resolved.");
    assert!(fake.mention_leaks().is_empty());
    channel.say(&http, "@everyone look").await.expect("posted");
    assert_eq!(
        fake.mention_leaks().len(),
        1,
        "a message without allowed_mentions may ping"
    );

    channel
        .pins(&http)
        .await
        .expect_err("GET /channels/{id}/pins is not faked");
    assert_eq!(
        fake.take_unexpected(),
        [format!("GET /api/v10/channels/{CHANNEL_ID}/pins")]
    );
    shards.shutdown_all().await;
}

#[tokio::test]
async fn channels_parse_as_serenity_channels_and_refusals_carry_discords_code() {
    let fake = FakeDiscord::start().await;
    let http = rest_client(&fake);
    let guild_kind = |c: serenity::all::Channel| match c {
        serenity::all::Channel::Guild(g) => g.kind,
        other => panic!("expected a guild channel, got {other:?}"),
    };
    let get = |id: u64| http.get_channel(ChannelId::new(id));
    assert_eq!(
        guild_kind(get(SUPPORT_CHANNEL_ID).await.expect("known")),
        ChannelType::Text
    );
    assert_eq!(
        guild_kind(get(CHANNEL_ID).await.expect("known")),
        ChannelType::Text
    );
    assert_eq!(
        guild_kind(get(VOICE_CHANNEL_ID).await.expect("known")),
        ChannelType::Voice
    );
    let thread = ChannelId::new(SUPPORT_CHANNEL_ID)
        .create_thread(
            &http,
            CreateThread::new("T-0001").kind(ChannelType::PrivateThread),
        )
        .await
        .expect("the thread opens");
    assert_eq!(
        guild_kind(get(thread.id.get()).await.expect("known")),
        ChannelType::PrivateThread
    );

    let code_of = |e: serenity::Error| match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(e)) => {
            (e.status_code.as_u16(), e.error.code, e.error.message)
        }
        other => panic!("expected an answer from the fake, got {other:?}"),
    };
    let unknown = get(CHANNEL_ID + 1).await.expect_err("not a known channel");
    assert_eq!(code_of(unknown), (404, 10003, "Unknown Channel".to_owned()));

    let post = format!("POST /channels/{SUPPORT_CHANNEL_ID}/messages");
    fake.fail_next(&post, 1, Fault::refused(403, 50013, "Missing Permissions"));
    let support = ChannelId::new(SUPPORT_CHANNEL_ID);
    let refused = support
        .say(&http, "hi")
        .await
        .expect_err("the 403 surfaces");
    assert_eq!(
        code_of(refused),
        (403, 50013, "Missing Permissions".to_owned())
    );
    support
        .say(&http, "hi")
        .await
        .expect("the fault is used up");
    // An injected fault is not a rejection of the bot's request; the unknown channel is.
    assert_eq!(fake.rejections().len(), 1, "{:#?}", fake.rejections());
}

/// Like Discord, the fake returns the earlier message for a repeated nonce with `enforce_nonce`
/// (until its window passes), lists a channel's messages after an id, newest first, and lists
/// active threads; its ids grow with time, as snowflakes do.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nonces_de_duplicate_and_history_and_threads_can_be_read_back() {
    use serenity::all::{GetMessages, GuildId, MessageId, Nonce};
    let fake = FakeDiscord::start().await;
    let http = rest_client(&fake);
    let channel = ChannelId::new(SUPPORT_CHANNEL_ID);
    let with_nonce = |text: &str| {
        CreateMessage::new()
            .content(text)
            .allowed_mentions(CreateAllowedMentions::new())
            .nonce(Nonce::String("sb0123456789abcdef".into()))
            .enforce_nonce(true)
    };
    let first = channel
        .send_message(&http, with_nonce("card"))
        .await
        .unwrap();
    let again = channel
        .send_message(&http, with_nonce("card"))
        .await
        .unwrap();
    assert_eq!(first.id, again.id, "the earlier message comes back");
    assert_eq!(fake.messages_in(SUPPORT_CHANNEL_ID).len(), 1);
    // Without enforce_nonce, a nonce does not de-duplicate.
    let loose = CreateMessage::new()
        .content("card")
        .allowed_mentions(CreateAllowedMentions::new())
        .nonce(Nonce::String("sb0123456789abcdef".into()));
    channel.send_message(&http, loose).await.unwrap();
    assert_eq!(fake.messages_in(SUPPORT_CHANNEL_ID).len(), 2);

    fake.forget_nonces();
    let later = channel
        .send_message(&http, with_nonce("card"))
        .await
        .unwrap();
    assert!(later.id > first.id, "a new message once the window passed");
    let since_first = GetMessages::new().after(first.id).limit(100);
    let listed = channel.messages(&http, since_first).await.unwrap();
    assert_eq!(listed.len(), 2, "the two messages after the first");
    assert_eq!(listed[0].id, later.id, "newest first");
    let since_later = GetMessages::new().after(MessageId::new(later.id.get()));
    assert!(
        channel
            .messages(&http, since_later)
            .await
            .unwrap()
            .is_empty()
    );
    let created = first.id.created_at().unix_timestamp();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        (now - created).abs() < 60,
        "ids carry the time: {created} vs {now}"
    );

    let thread = CreateThread::new("T-0001 · alice").kind(ChannelType::PrivateThread);
    let opened = channel.create_thread(&http, thread).await.unwrap();
    let active = GuildId::new(fake_discord::GUILD_ID)
        .get_active_threads(&http)
        .await
        .unwrap();
    assert_eq!(active.threads.len(), 1);
    assert_eq!(active.threads[0].id, opened.id);
    assert_eq!(active.threads[0].parent_id, Some(channel));
    fake.assert_clean();
}
