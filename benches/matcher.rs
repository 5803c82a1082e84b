//! Matcher benchmarks: latency per query at 10, 1,000 and 10,000 articles, and the time to load
//! a 10,000-file knowledge directory (read, parse, validate, index) through `load_dir`.
//!
//! Run: `cargo bench --bench matcher` (release profile). Figures go in BENCHMARKS.md.
//! `BENCH_SIZES=10,1000` limits the sizes; `BENCH_ROUNDS=N` sets how often each query runs.
//!
//! The knowledge bases are synthetic but shaped like real ones: every article is a Markdown
//! file in the admin format, with a title, codes, 3-6 symptoms, keywords, a summary, causes,
//! 2-5 solutions (some with per-browser steps), prevention and FAQ. Words are drawn from a
//! support vocabulary (common words often, rare ones seldom, Zipf-like) plus generated product
//! and feature names, so the vocabulary keeps growing with the base as it does in practice.
//! Queries mix plain descriptions, typos, quoted codes, long rambling messages and
//! out-of-scope questions.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::path::Path;
use std::time::{Duration, Instant};
use supportbot::knowledge::KnowledgeBase;
use supportbot::knowledge::load::load_dir;
use supportbot::matcher::Index;

#[path = "support/kbgen.rs"]
mod kbgen;
use kbgen::*;

fn queries(kb: &KnowledgeBase, seed: u64, count: usize) -> Vec<String> {
    let mut rng = Rng(seed);
    let arts = kb.articles();
    let mut out = Vec::with_capacity(count);
    for q in 0..count {
        let a = &arts[rng.below(arts.len())];
        let symptom = a.symptoms[rng.below(a.symptoms.len())].to_lowercase();
        out.push(match q % 10 {
            0..=2 => symptom,
            3..=4 => typo(&mut rng, &symptom),
            5 => match a.codes.first() {
                Some(code) => format!("getting error {code} again"),
                None => symptom,
            },
            6 => format!("{} on my iphone", typo(&mut rng, &a.title.to_lowercase())),
            7 => {
                // Long and rambling, with one useful line in the middle.
                let mut s = String::new();
                for _ in 0..4 {
                    s.push_str(rng.pick(FILLER));
                    s.push_str(", ");
                }
                s.push_str(&symptom);
                for _ in 0..4 {
                    s.push_str(", ");
                    s.push_str(rng.pick(FILLER));
                }
                s
            }
            _ => rng.pick(OUT_OF_SCOPE).to_string(),
        });
    }
    out
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn bench_queries(label: &str, kb: &KnowledgeBase, rounds: usize) {
    let qs = queries(kb, 7, 200);
    // Warm up, and count how often the best match is confident (a sanity check on the data).
    let confident = qs.iter().filter(|q| kb.rank(q, 5).best().is_some()).count();
    let mut times = Vec::with_capacity(qs.len() * rounds);
    let mut sink = 0usize;
    for _ in 0..rounds {
        for q in &qs {
            let t = Instant::now();
            let r = kb.rank(q, 5);
            times.push(t.elapsed());
            sink += r.matches.len();
        }
    }
    std::hint::black_box(sink);
    times.sort_unstable();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "query latency, {label}: mean {}, p50 {}, p95 {}, p99 {}, max {} ({} queries x {rounds} rounds; {confident}/{} confident)",
        us(mean),
        us(pct(&times, 0.50)),
        us(pct(&times, 0.95)),
        us(pct(&times, 0.99)),
        us(*times.last().unwrap()),
        qs.len(),
        qs.len()
    );
}

/// CPU time used by this process so far (user + system), from /proc on Linux.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every mainstream Linux.
    Some(Duration::from_millis(ticks * 10))
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let cpu = cpu_time();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed();
    let cpu = cpu.zip(cpu_time()).map(|(a, b)| b.saturating_sub(a));
    (out, wall, cpu)
}

fn ms((wall, cpu): (Duration, Option<Duration>)) -> String {
    match cpu {
        Some(c) => format!(
            "{:.0} (CPU {:.0})",
            wall.as_secs_f64() * 1e3,
            c.as_secs_f64() * 1e3
        ),
        None => format!("{:.0}", wall.as_secs_f64() * 1e3),
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 1_000, 10_000]);
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);

    // The shipped knowledge base, for reference.
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    if let Ok(kb) = load_dir(&shipped) {
        bench_queries(
            &format!("shipped base ({} articles)", kb.articles().len()),
            &kb,
            rounds,
        );
    }

    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Instant::now();
        let distinct = write_base(dir.path(), n, 0x5eed_0000 + n as u64);
        let written = t.elapsed();
        // Load three times (the files are in the page cache after the first read); keep the
        // fastest. CPU time is shown beside wall time: on a busy machine it is the steadier.
        let mut loads = Vec::new();
        let mut kb = None;
        for _ in 0..3 {
            let (loaded, wall, cpu) =
                timed(|| load_dir(dir.path()).expect("generated base is valid"));
            loads.push((wall, cpu));
            kb = Some(loaded);
        }
        let kb = kb.expect("loaded");
        loads.sort_unstable();
        let (index, build, build_cpu) = timed(|| {
            let docs: Vec<_> = kb.articles().iter().map(|a| a.document()).collect();
            Index::build(&docs)
        });
        std::hint::black_box(&index);
        drop(index);
        let bytes: u64 = std::fs::read_dir(dir.path().join("articles"))
            .expect("list")
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        println!(
            "load {n} files ({:.1} MB, {distinct} distinct words, written in {:.2} s): load_dir best {} ms, median {} ms; of which index build {} ms",
            bytes as f64 / 1e6,
            written.as_secs_f64(),
            ms(loads[0]),
            ms(loads[1]),
            ms((build, build_cpu)),
        );
        bench_queries(&format!("{n} articles"), &kb, rounds);
    }
}
