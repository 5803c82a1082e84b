//! Monitor benchmark (issue 11): the cost of a round over 100 local targets (CPU, wall time,
//! memory), the time from an outage starting to its incident opening with the real background
//! loop, and queueing and draining the end-of-outage notices of 1,000 subscribers (to a local
//! sink, then through the Discord notifier to the fake Discord; Discord's own rate limits are
//! not reachable here). Loopback only. Run with
//! `cargo bench --bench monitor`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

#[allow(dead_code, reason = "the bench serves only some of the behaviours")]
#[path = "../tests/support/http.rs"]
mod http;

#[cfg(feature = "discord")]
#[allow(
    dead_code,
    unused_imports,
    reason = "the bench uses only the REST side of the fake"
)]
#[path = "../tests/support/fake_discord/mod.rs"]
mod fake_discord;

use http::{Behavior, TestServer};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use supportbot::clock::SystemClock;
use supportbot::config::{CheckConfig, MonitorConfig};
use supportbot::escalation::notify::{DeliveryFuture, Notification, Notifier};
use supportbot::incident::IncidentId;
use supportbot::knowledge::Knowledge;
use supportbot::probe::Prober;
use supportbot::service::Service;
use supportbot::service::outbox::{Backoff, drain};
use supportbot::session::UserRef;
use supportbot::store::Store;

const TARGETS: usize = 100;
const ROUNDS: usize = 10;
const SUBSCRIBERS: usize = 1_000;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}

fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let Some(end) = stat.rfind(')') else {
        return Duration::ZERO;
    };
    let f: Vec<&str> = stat[end + 2..].split(' ').collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

const ARTICLE: &str = "+++\ntitle = \"Portal answers 502\"\ncodes = [\"502\"]\n\
    symptoms = [\"The portal shows 502 Bad Gateway\"]\nchecks = [\"t0\"]\n+++\n\
    The portal's gateway failed.\n\n## Solution: Wait and retry\n1. Wait a minute and reload.\n";

fn knowledge(dir: &Path, targets: &str) -> Arc<Knowledge> {
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(dir.join("articles/portal.md"), ARTICLE).unwrap();
    std::fs::write(dir.join("endpoints.toml"), targets).unwrap();
    Knowledge::open(dir).expect("valid knowledge")
}

fn service(k: Arc<Knowledge>, data: &Path) -> Service {
    let store = Store::open_waiting(data, Duration::from_secs(5)).unwrap();
    let prober = Prober::new(CheckConfig {
        allow_private_targets: true,
        deadline: Duration::from_secs(10),
        ..CheckConfig::default()
    });
    Service::with_prober(k, store, prober)
}

struct Counting(AtomicUsize);

impl Notifier for Counting {
    fn deliver<'a>(&'a self, _n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            self.0.fetch_add(1, Ordering::Relaxed);
            Ok(())
        })
    }
    fn name(&self) -> &str {
        "counting"
    }
}

async fn run() {
    // 1. A round over 100 healthy targets.
    let server = TestServer::always(Behavior::ok("<html>fine</html>")).await;
    let tmp = tempfile::tempdir().unwrap();
    let mut targets = String::new();
    for i in 0..TARGETS {
        targets.push_str(&format!(
            "[[target]]\nname = \"t{i}\"\ndescription = \"target {i}\"\nurl = \"{}\"\n\n",
            server.url(&format!("/ok/{i}"))
        ));
    }
    let svc = service(
        knowledge(&tmp.path().join("k"), &targets),
        &tmp.path().join("d"),
    );
    let rss0 = rss_mib();
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..ROUNDS {
        let (c, t) = (cpu_time(), Instant::now());
        let rounds = svc.monitor_round(true).await.unwrap();
        walls.push(t.elapsed());
        cpus.push(cpu_time().saturating_sub(c));
        assert_eq!(rounds.checked.len(), TARGETS);
    }
    let rss1 = rss_mib();
    walls.sort();
    let cpu_mean = cpus.iter().sum::<Duration>() / ROUNDS as u32;
    println!("monitor round over {TARGETS} local targets ({ROUNDS} rounds):");
    println!(
        "  wall  median {:?}  max {:?}",
        walls[ROUNDS / 2],
        walls[ROUNDS - 1]
    );
    println!(
        "  CPU   mean {cpu_mean:?} per round (bot and local server together) = {:.2}% of one core at a 60 s interval",
        100.0 * cpu_mean.as_secs_f64() / 60.0
    );
    println!(
        "  RSS   {rss0:.1} MiB before, {rss1:.1} MiB after {} checks recorded",
        ROUNDS * TARGETS
    );

    // 2. Detection: the real background loop, a target that starts failing.
    let failing = Arc::new(AtomicBool::new(false));
    let f = failing.clone();
    let flaky = TestServer::start(move |_| {
        if f.load(Ordering::Relaxed) {
            Behavior::status(502)
        } else {
            Behavior::ok("fine")
        }
    })
    .await;
    let tmp2 = tempfile::tempdir().unwrap();
    let (interval, threshold) = (10, 2);
    let svc2 = service(
        knowledge(
            &tmp2.path().join("k"),
            &format!(
                "[[target]]\nname = \"t0\"\ndescription = \"portal\"\nurl = \"{}\"\ntimeout_ms = 2000\n\
                 interval = {interval}\nfailure_threshold = {threshold}\n",
                flaky.url("/")
            ),
        ),
        &tmp2.path().join("d"),
    );
    let stop = supportbot::service::monitor::spawn(&svc2, &MonitorConfig::default()).unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    failing.store(true, Ordering::Relaxed);
    let started = Instant::now();
    while svc2.store().active_incidents().is_empty() {
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "never detected"
        );
    }
    let detected = started.elapsed();
    let _ = stop.send(true);
    println!(
        "detection with the background loop: interval {interval} s, failure_threshold {threshold}: incident open {:.1} s after the outage began",
        detected.as_secs_f64()
    );
    println!(
        "  bound: (failure_threshold - 1) x interval + interval (phase) + 5 s loop tick + check time; at the defaults (60 s, 3, 5 s timeout) at most about 190 s, typically 2.5 intervals"
    );

    // 3. 1,000 subscribers told that it is over.
    let svc3 = svc2;
    let incident = svc3.store().active_incidents()[0].id;
    for i in 0..SUBSCRIBERS {
        let u = UserRef {
            id: format!("{}", 100_000 + i),
            name: format!("user {i}"),
            channel: "c".into(),
        };
        svc3.store().subscribe(incident, &u, 0).unwrap();
    }
    let t = Instant::now();
    svc3.resolve_incident(IncidentId(incident.0), "bench", None)
        .unwrap();
    let queued = t.elapsed();
    // The subscribers' notices, and the status messages of the incident's moves.
    let notices = svc3.store().outbox_len();
    assert!(
        (SUBSCRIBERS..SUBSCRIBERS + 5).contains(&notices),
        "{notices}"
    );
    let sink = Counting(AtomicUsize::new(0));
    let t = Instant::now();
    let delivered = drain(
        svc3.store(),
        &sink,
        &SystemClock,
        Backoff::default(),
        Duration::from_secs(120),
    )
    .await
    .unwrap();
    let drained = t.elapsed();
    println!(
        "{SUBSCRIBERS} subscribers: resolution and notices queued in one transaction in {queued:?}; drained to a local sink in {drained:?} ({delivered} delivered)"
    );
    #[cfg(feature = "discord")]
    to_fake_discord(&svc3).await;
}

/// The same 1,000 notices through the real Discord notifier to the fake Discord on loopback
/// (no rate limits there): what delivery costs the bot itself, nonces and delivery records
/// included. Discord's own limits then set the floor.
#[cfg(feature = "discord")]
async fn to_fake_discord(svc: &Service) {
    use serenity::all::{ChannelId, HttpBuilder, UserId};
    use supportbot::discord::notifier::DiscordNotifier;
    let fake = fake_discord::FakeDiscord::start().await;
    // About the same articles as the first one.
    let articles = svc.store().incidents()[0].articles.clone();
    let incident = svc
        .declare_incident("bench", "Second outage", &articles)
        .unwrap()
        .id;
    for i in 0..SUBSCRIBERS {
        let u = UserRef {
            id: format!("{}", 200_000 + i),
            name: format!("user {i}"),
            channel: "c".into(),
        };
        svc.store().subscribe(incident, &u, 0).unwrap();
    }
    svc.resolve_incident(incident, "bench", None).unwrap();
    let http = HttpBuilder::new("MTAx.fake.token")
        .proxy(fake.rest_url())
        .ratelimiter_disabled(true)
        .build();
    let support = ChannelId::new(fake_discord::SUPPORT_CHANNEL_ID);
    let notifier = DiscordNotifier {
        http: Arc::new(http),
        support_channel: support,
        status_channel: support,
        store: svc.store().clone(),
        bot_user: UserId::new(fake_discord::APPLICATION_ID),
    };
    let queued = svc.store().outbox_len();
    let t = Instant::now();
    let delivered = drain(
        svc.store(),
        &notifier,
        &SystemClock,
        Backoff::default(),
        Duration::from_secs(600),
    )
    .await
    .unwrap();
    let took = t.elapsed();
    let requests = fake.requests().len();
    let dms = fake.with_log(|l| l.dm_channels.len());
    println!(
        "{SUBSCRIBERS} subscribers through the Discord notifier to the fake Discord: {queued} notices ({delivered} delivered: {dms} users DMed, the status message edited) in {:.1} s, {requests} requests ({:.0} requests/s, {:.1} ms a notice)",
        took.as_secs_f64(),
        requests as f64 / took.as_secs_f64(),
        took.as_secs_f64() * 1000.0 / queued as f64
    );
    println!(
        "  on Discord, 2 requests a DM at the global 50 requests/s set a floor of about {:.0} s for {SUBSCRIBERS}; serenity's rate limiter (or the REST proxy) paces them",
        (2 * SUBSCRIBERS) as f64 / 50.0
    );
}
