//! Discord load: N (default 1,000) `/diagnose` interactions dispatched through the fake Discord as
//! fast as it can send them, each from a different user, answered by the real bot
//! (`supportbot::discord::run` over serenity) with the shipped knowledge base and a sled store in a
//! temp dir. Reports how many were answered within Discord's 3 s, p50/p90/p99/max time from
//! dispatch to the interaction response (measured by the fake when the callback arrives), and the
//! peak memory (VmHWM) of the bot's process.
//!
//! Two processes, so that the memory figure is the bot's alone and the two don't share a runtime:
//! this binary runs the bot and starts itself again as the fake (`SUPPORTBOT_BENCH_ROLE=fake`),
//! which prints its REST address, drives the load, and reports the timings on stdout.
//!
//! Run: `cargo bench --bench discord_load` (release profile). `BENCH_INTERACTIONS=5000` changes N.
//! Figures go in BENCHMARKS.md under "## Discord load".
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

#[allow(dead_code, reason = "the bench drives only part of the fake")]
#[path = "../tests/support/fake_discord/mod.rs"]
mod fake_discord;

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fake_discord::{CALLBACK_DEADLINE, FakeDiscord, GUILD_ID, InteractionFixture, Invoker, Opt};
use supportbot::discord::Settings;
use supportbot::knowledge::Knowledge;
use supportbot::service::Service;
use supportbot::store::Store;

const ROLE: &str = "SUPPORTBOT_BENCH_ROLE";

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The labelled matcher set: plain, typos, codes, rambling and out-of-scope descriptions.
fn descriptions() -> Vec<String> {
    let path = root().join("tests/data/diagnose_labelled.toml");
    let text = std::fs::read_to_string(&path).expect("the labelled set is in the repository");
    let cases: Cases = toml::from_str(&text).expect("the labelled set parses");
    cases.case.into_iter().map(|c| c.text).collect()
}

/// A `VmHWM:` / `VmRSS:` line of /proc/self/status, in MiB.
fn proc_status_mib(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

// ---- the fake's side ------------------------------------------------------------------------

/// Starts the fake, prints `REST <url>`, waits for the bot, drives the burst and prints
/// `<key> <value>` lines and `DONE`; then serves until stdin closes (so the bot can shut down).
async fn fake_role(n: usize) {
    let texts = descriptions();
    let fake = FakeDiscord::start().await;
    let mut out = std::io::stdout();
    let say = |out: &mut std::io::Stdout, line: String| {
        writeln!(out, "{line}")
            .and_then(|()| out.flush())
            .expect("stdout to the bot process");
    };
    say(&mut out, format!("REST {}", fake.rest_url()));
    fake.wait_until("slash commands registered", Duration::from_secs(60), |l| {
        l.commands.get(&Some(GUILD_ID)).map(|_| ())
    })
    .await;
    // Warm up (first-use allocations, connection pool), then measure.
    let warm =
        InteractionFixture::slash("diagnose", vec![Opt::Str("description", texts[0].clone())]);
    let warm = fake.dispatch_interaction(warm).await;
    fake.wait_for_callback(warm.id).await;

    let started = Instant::now();
    let mut wanted = HashSet::with_capacity(n);
    for i in 0..n {
        let fixture = InteractionFixture::slash(
            "diagnose",
            vec![Opt::Str("description", texts[i % texts.len()].clone())],
        )
        .by(Invoker::member(1_000_000 + i as u64, &format!("user{i}")));
        wanted.insert(fake.dispatch_interaction(fixture).await.id);
    }
    let dispatched = started.elapsed();
    // Count without cloning: the check runs again after every request the fake records.
    fake.wait_until(
        "a callback for every interaction",
        Duration::from_secs(300),
        |l| {
            let got = l
                .callbacks
                .iter()
                .filter(|c| wanted.contains(&c.interaction_id))
                .count();
            (got == n).then_some(())
        },
    )
    .await;
    let all = started.elapsed();
    let (mut times, messages) = fake.with_log(|l| {
        let ours = l
            .callbacks
            .iter()
            .filter(|c| wanted.contains(&c.interaction_id));
        let times: Vec<Duration> = ours.clone().map(|c| c.elapsed).collect();
        (times, ours.filter(|c| c.kind == 4).count())
    });
    times.sort();
    let within = times.iter().filter(|t| **t <= CALLBACK_DEADLINE).count();
    say(&mut out, format!("descriptions {}", texts.len()));
    say(&mut out, format!("dispatched_ms {:.1}", ms(dispatched)));
    say(&mut out, format!("all_ms {:.1}", ms(all)));
    say(&mut out, format!("within {within}"));
    say(&mut out, format!("messages {messages}"));
    say(&mut out, format!("rejections {}", fake.rejections().len()));
    say(&mut out, format!("unexpected {}", fake.unexpected().len()));
    for p in [50.0, 90.0, 99.0] {
        say(
            &mut out,
            format!("p{p:.0}_ms {:.1}", ms(percentile(&times, p))),
        );
    }
    say(
        &mut out,
        format!("max_ms {:.1}", ms(*times.last().unwrap_or(&Duration::ZERO))),
    );
    say(
        &mut out,
        format!("fake_hwm_mib {:.1}", proc_status_mib("VmHWM:")),
    );
    say(&mut out, "DONE".to_owned());
    // Keep serving until the bot has shut down and closed our stdin.
    let _ = tokio::task::spawn_blocking(|| std::io::stdin().read_to_end(&mut Vec::new())).await;
}

// ---- the bot's side -------------------------------------------------------------------------

async fn bot_role(n: usize) {
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .env(ROLE, "fake")
        .env("BENCH_INTERACTIONS", n.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the fake process");
    let mut lines = BufReader::new(child.stdout.take().expect("piped")).lines();
    let rest = lines
        .next()
        .and_then(Result::ok)
        .and_then(|l| l.strip_prefix("REST ").map(str::to_owned))
        .expect("the fake prints its REST address first");

    let data = tempfile::tempdir().expect("temp dir");
    // With SEMANTIC_MODEL=DIR the bot matches as in production (hybrid, the encoder thread and
    // its deadline in the path of every /diagnose); without it, lexically.
    let semantic = semantic_setup();
    println!("matching: {}", semantic.status.line());
    let knowledge = Knowledge::open_with(&root().join("knowledge"), semantic)
        .expect("shipped knowledge is valid");
    let matching = std::sync::Arc::clone(&knowledge);
    let service = Service::new(knowledge, Store::open(data.path()).expect("store"));
    let settings = Settings {
        status_channel: None,
        support_channel: fake_discord::SUPPORT_CHANNEL_ID,
        staff_role: None,
        dev_guild: Some(GUILD_ID),
        check_cooldown: Duration::from_secs(10),
        escalate_cooldown: Duration::from_secs(10),
    };
    let rss_start = proc_status_mib("VmRSS:");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        supportbot::discord::run("MTAx.fake.token", Some(&rest), settings, service, shutdown).await
    });
    let results = tokio::task::spawn_blocking(move || {
        let mut results = BTreeMap::new();
        for line in lines.map_while(Result::ok) {
            if line == "DONE" {
                break;
            }
            if let Some((k, v)) = line.split_once(' ') {
                results.insert(k.to_owned(), v.to_owned());
            }
        }
        results
    })
    .await
    .expect("reading the fake's results");
    let hwm = proc_status_mib("VmHWM:");
    let rss_end = proc_status_mib("VmRSS:");

    let _ = stop.send(());
    match tokio::time::timeout(Duration::from_secs(30), bot).await {
        Ok(Ok(Ok(()))) => {}
        other => eprintln!("the bot did not stop cleanly: {other:?}"),
    }
    drop(child.stdin.take());
    let _ = child.wait();

    let get = |k: &str| results.get(k).cloned().unwrap_or_else(|| "?".into());
    let num = |k: &str| get(k).parse::<f64>().unwrap_or(f64::NAN);
    println!(
        "discord_load: {n} /diagnose interactions from {n} users ({} distinct descriptions), {} CPUs",
        get("descriptions"),
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    println!("  dispatched by the fake in  {} ms", get("dispatched_ms"));
    println!(
        "  all answered after         {} ms ({:.0} interactions/s)",
        get("all_ms"),
        n as f64 / (num("all_ms") / 1000.0)
    );
    println!("  answered within 3 s        {} / {n}", get("within"));
    println!("  message responses (type 4) {} / {n}", get("messages"));
    println!(
        "  rejected / unexpected      {} / {}",
        get("rejections"),
        get("unexpected")
    );
    println!(
        "  dispatch -> response       p50 {} ms, p90 {} ms, p99 {} ms, max {} ms",
        get("p50_ms"),
        get("p90_ms"),
        get("p99_ms"),
        get("max_ms")
    );
    println!(
        "  bot process memory         VmHWM {hwm:.1} MiB peak; VmRSS {rss_start:.1} MiB at start, {rss_end:.1} MiB after the burst"
    );
    println!("  (fake process VmHWM        {} MiB)", get("fake_hwm_mib"));
    println!("  {}", matching.matching_line());
    assert_eq!(
        get("within"),
        n.to_string(),
        "every interaction answered within 3 s"
    );
    assert_eq!(get("rejections"), "0", "nothing rejected by the fake");
}

#[cfg(feature = "semantic")]
fn semantic_setup() -> supportbot::semantic::SemanticSetup {
    use supportbot::semantic::SemanticSetup;
    match std::env::var("SEMANTIC_MODEL") {
        Ok(dir) if dir != "off" => {
            let model =
                supportbot::semantic::bert::BertEncoder::load(std::path::Path::new(&dir), &dir)
                    .expect("SEMANTIC_MODEL names a loadable model directory");
            SemanticSetup::ready(std::sync::Arc::new(model), None)
        }
        _ => SemanticSetup::off("SEMANTIC_MODEL not set for the bench"),
    }
}

#[cfg(not(feature = "semantic"))]
fn semantic_setup() -> supportbot::semantic::SemanticSetup {
    supportbot::semantic::SemanticSetup::off("built without the semantic feature")
}

fn main() {
    // `cargo bench` passes `--bench`; no other arguments are taken.
    let n = std::env::var("BENCH_INTERACTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if std::env::var(ROLE).as_deref() == Ok("fake") {
        runtime.block_on(fake_role(n));
    } else {
        runtime.block_on(bot_role(n));
    }
}
