//! Live-check benchmark: 50 local targets at once with 5 hanging, and the overhead of one check
//! over a bare reqwest GET (checks use reqwest for the exchange too). Loopback only. Run with
//! `cargo bench --bench live_checks`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

#[allow(dead_code, reason = "the bench serves only some of the behaviours")]
#[path = "../tests/support/http.rs"]
mod http;

use http::{Behavior, TestServer};
use std::path::Path;
use std::time::{Duration, Instant};
use supportbot::config::CheckConfig;
use supportbot::knowledge::{Target, load::load_dir};
use supportbot::probe::{Prober, Request, Verdict};

const TIMEOUT_MS: u64 = 1000;
const ROUNDS: usize = 5;
const SINGLE: usize = 300;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}

fn config() -> CheckConfig {
    CheckConfig {
        allow_private_targets: true,
        default_timeout: Duration::from_millis(TIMEOUT_MS),
        deadline: Duration::from_secs(10),
        ..CheckConfig::default()
    }
}

fn stats(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    (samples[0], samples[samples.len() / 2], mean)
}

async fn run() {
    let server = TestServer::start(|path| {
        if path.starts_with("/hang") {
            Behavior::Hang
        } else {
            Behavior::ok("<html>fine</html>")
        }
    })
    .await;
    let base = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"))
        .expect("shipped knowledge");

    // 1. Fifty targets at once, five of them hanging.
    let targets: Vec<Target> = (0..50)
        .map(|i| Target {
            name: format!("t{i}"),
            description: format!("target {i}"),
            url: if i % 10 == 9 {
                server.url(&format!("/hang/{i}"))
            } else {
                server.url(&format!("/ok/{i}"))
            },
            expect_status: None,
            timeout_ms: Some(TIMEOUT_MS),
            contains: None,
            monitor: Default::default(),
            line: 0,
        })
        .collect();
    let requests: Vec<Request> = targets
        .iter()
        .map(|t| Request::Named(t.name.clone()))
        .collect();
    let kb = base.with_targets(targets);
    let mut walls = Vec::new();
    let mut slowest_ok = Duration::ZERO;
    for _ in 0..ROUNDS {
        let prober = Prober::new(config()); // fresh: no shared results between rounds
        let began = Instant::now();
        let reports = prober.check_many(&kb, None, &requests).await.expect("ran");
        walls.push(began.elapsed());
        let mut timeouts = 0;
        for r in &reports {
            let c = r.outcome.as_ref().expect("checked");
            match c.result.verdict {
                Verdict::Timeout => timeouts += 1,
                Verdict::Up => slowest_ok = slowest_ok.max(c.result.timings.total),
                other => panic!("unexpected verdict {other}"),
            }
        }
        assert_eq!(timeouts, 5);
    }
    let (min, median, mean) = stats(walls);
    println!(
        "50 targets (5 hanging, timeout {TIMEOUT_MS} ms), {ROUNDS} rounds: wall min {:.1} ms, median {:.1} ms, mean {:.1} ms; slowest healthy target {:.1} ms",
        ms(min),
        ms(median),
        ms(mean),
        ms(slowest_ok)
    );

    // 2. One check vs a bare reqwest GET, sequentially, against the same local server. The test
    //    server closes every connection (as a check asks it to), so the bare GET opens one per
    //    request and a check two: its probe connection (TCP connect only, http) and the
    //    exchange, through reqwest like the bare GET. The difference is our overhead over
    //    reqwest: vetting, the probe connection, building a pinned client, verdict and article.
    let url = server.url("/ok/single");
    let prober = Prober::new(config());
    let adhoc = [Request::Url(url.clone())];
    let mut ours = Vec::new();
    for _ in 0..SINGLE {
        let began = Instant::now();
        let reports = prober.check_many(&kb, None, &adhoc).await.expect("ran");
        ours.push(began.elapsed());
        assert!(reports[0].outcome.is_ok());
    }
    let fresh = reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let mut bare_fresh = Vec::new();
    for _ in 0..SINGLE {
        let began = Instant::now();
        let body = fresh
            .get(&url)
            .send()
            .await
            .expect("get")
            .bytes()
            .await
            .expect("body");
        bare_fresh.push(began.elapsed());
        assert!(!body.is_empty());
    }
    for (label, samples) in [
        ("supportbot check (check_many, 1 ad-hoc URL)", ours),
        ("bare reqwest GET, new connection each time", bare_fresh),
    ] {
        let (min, median, mean) = stats(samples);
        println!(
            "{label}: {SINGLE} sequential requests: min {:.3} ms, median {:.3} ms, mean {:.3} ms",
            ms(min),
            ms(median),
            ms(mean)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
