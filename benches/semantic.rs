//! Semantic matching benchmarks: query encoding latency (10 and 200 words), throughput with
//! batching on 2 cores, memory with the model loaded, and the start-up cost of embedding a
//! knowledge base with a cold and a warm embedding cache.
//!
//! Needs the real model: `SEMANTIC_MODEL=DIR cargo bench --bench semantic` (DIR from
//! `bash .ci/fetch-test-model`). `BENCH_COLD_ARTICLES` (default 1000) and
//! `BENCH_WARM_ARTICLES` (default 10000) set the generated bases' sizes. Figures go in
//! BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

#[path = "support/kbgen.rs"]
mod kbgen;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use supportbot::knowledge::Knowledge;
use supportbot::knowledge::load::load_dir;
use supportbot::semantic::bert::BertEncoder;
use supportbot::semantic::cache::EmbeddingCache;
use supportbot::semantic::{Embed, Encoder, SemanticSetup};

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn latency(label: &str, enc: &Encoder, text: &str, rounds: usize) {
    let mut times = Vec::with_capacity(rounds);
    enc.encode_blocking(text); // warm-up
    for _ in 0..rounds {
        let t = Instant::now();
        let q = enc.encode_blocking(text).expect("encodes");
        times.push(t.elapsed());
        assert!(!q.vectors.is_empty());
    }
    times.sort();
    let windows = supportbot::semantic::windows::query_windows(text).len();
    println!(
        "| {label} ({} words, {windows} window(s)) | {} | {} | {} |",
        text.split_whitespace().count(),
        ms(pct(&times, 0.5)),
        ms(pct(&times, 0.99)),
        ms(times[times.len() - 1])
    );
}

const TEN: &str = "quickbooks keeps showing 502 bad gateway when i open payroll";

fn long_post() -> String {
    let base = "I have been trying to get our books closed for the month and everything was fine \
        until Monday when the bank feed stopped pulling in transactions from our credit union and \
        now the reconciliation is off by a few hundred dollars, which my accountant is not happy \
        about. ";
    let mut s = String::new();
    while s.split_whitespace().count() < 200 {
        s.push_str(base);
    }
    s.split_whitespace().take(200).collect::<Vec<_>>().join(" ")
}

fn main() {
    let dir = std::env::var("SEMANTIC_MODEL").unwrap_or_else(|_| {
        eprintln!("SEMANTIC_MODEL must name a model directory: SEMANTIC_MODEL=$(bash .ci/fetch-test-model) cargo bench --bench semantic");
        std::process::exit(2)
    });
    let rss0 = status_kib("VmRSS:");
    let t = Instant::now();
    let model = Arc::new(BertEncoder::load(Path::new(&dir), &dir).expect("model loads"));
    let load = t.elapsed();
    let rss_model = status_kib("VmRSS:");
    println!("## Semantic matching ({})\n", model.model_name());
    println!(
        "model load: {} (RSS {} -> {})\n",
        ms(load),
        mib(rss0),
        mib(rss_model)
    );

    let enc = Encoder::start(model.clone());
    println!("| query | p50 | p99 | max |\n|---|---|---|---|");
    latency("short", &enc, TEN, 100);
    latency("long", &enc, &long_post(), 40);
    let whole = long_post();
    let mut single = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        model.embed(&[&whole]).unwrap();
        single.push(t.elapsed());
    }
    single.sort();
    println!(
        "| long, one forward pass of the whole text (no windows, for comparison) | {} | {} | {} |\n",
        ms(pct(&single, 0.5)),
        ms(pct(&single, 0.99)),
        ms(single[single.len() - 1])
    );

    // Throughput: N short queries at once through the encoder thread (batched) vs one by one.
    let n = 200;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let texts: Vec<String> = (0..n).map(|i| format!("{TEN} case {i}")).collect();
    let t = Instant::now();
    for text in &texts {
        enc.encode_blocking(text).unwrap();
    }
    let sequential = t.elapsed();
    let t = Instant::now();
    let misses = rt.block_on(async {
        let tasks: Vec<_> = texts
            .iter()
            .cloned()
            .map(|text| {
                let enc = enc.clone();
                tokio::spawn(
                    async move { enc.encode(&text, Duration::from_secs(60)).await.is_none() },
                )
            })
            .collect();
        let mut misses = 0;
        for task in tasks {
            misses += u32::from(task.await.unwrap());
        }
        misses
    });
    let batched = t.elapsed();
    let stats = enc.stats();
    println!(
        "throughput, {n} ten-word queries: one by one {:.0}/s; submitted together {:.0}/s \
         ({} batches, {misses} misses)\n",
        n as f64 / sequential.as_secs_f64(),
        n as f64 / batched.as_secs_f64(),
        stats.batches
    );

    // The shipped base: chunks embedded cold, then from the cache.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cache = tempfile::tempdir().unwrap();
    for label in ["cold cache", "warm cache"] {
        let t = Instant::now();
        let k = Knowledge::open_with(
            &root.join("knowledge"),
            SemanticSetup::ready(model.clone(), Some(cache.path().to_path_buf())),
        )
        .unwrap();
        let chunks = k.current().semantic().unwrap().len();
        println!(
            "shipped base ({chunks} chunks), {label}: {}",
            ms(t.elapsed())
        );
    }
    println!(
        "RSS with the model and the shipped base: {} (peak {})\n",
        mib(status_kib("VmRSS:")),
        mib(status_kib("VmHWM:"))
    );

    let size = |var: &str, default: usize| {
        std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    // Cold: every chunk of a generated base embedded from nothing.
    let cold_n = size("BENCH_COLD_ARTICLES", 1000);
    let kb_dir = tempfile::tempdir().unwrap();
    kbgen::write_base(kb_dir.path(), cold_n, 7);
    let cache = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let k = Knowledge::open_with(
        kb_dir.path(),
        SemanticSetup::ready(model.clone(), Some(cache.path().to_path_buf())),
    )
    .unwrap();
    let cold = t.elapsed();
    let chunks = k.current().semantic().unwrap().len();
    println!(
        "{cold_n} articles, cold cache: {:.1} s for {chunks} chunks ({:.2} ms a chunk)",
        cold.as_secs_f64(),
        cold.as_secs_f64() * 1000.0 / chunks as f64
    );
    drop(k);

    // Warm: a base whose chunks are all in the cache. The cache is filled with stand-in
    // vectors (not the model's: only the time to read and index them is measured here).
    let warm_n = size("BENCH_WARM_ARTICLES", 10_000);
    let kb_dir = tempfile::tempdir().unwrap();
    kbgen::write_base(kb_dir.path(), warm_n, 11);
    let cache = tempfile::tempdir().unwrap();
    let kb = load_dir(kb_dir.path()).unwrap();
    let chunks = supportbot::knowledge::chunks::all_chunks(kb.articles());
    let mut c = EmbeddingCache::open(cache.path(), model.model_name(), model.dim());
    let mut keys = Vec::new();
    for (i, ch) in chunks.iter().enumerate() {
        let v: Vec<f32> = (0..model.dim())
            .map(|j| ((i * 31 + j) % 97) as f32 / 97.0)
            .collect();
        c.insert(&ch.text, supportbot::semantic::bert::normalize(v));
        keys.push(supportbot::semantic::cache::text_key(&ch.text));
    }
    c.save(&keys);
    drop(kb);
    let bytes = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum::<u64>();
    let rss_before = status_kib("VmRSS:");
    for round in 0..3 {
        let t = Instant::now();
        let k = Knowledge::open_with(
            kb_dir.path(),
            SemanticSetup::ready(model.clone(), Some(cache.path().to_path_buf())),
        )
        .unwrap();
        let total = t.elapsed();
        let index = k.current();
        let index = index.semantic().unwrap();
        assert_eq!(index.from_cache, index.len());
        println!(
            "{warm_n} articles, warm cache (round {round}): {} for load + {} cached chunk vectors ({:.0} MB file); RSS {}",
            ms(total),
            index.len(),
            bytes as f64 / 1e6,
            mib(status_kib("VmRSS:").saturating_sub(rss_before))
        );
    }

    // Start-up as the bot does it, in a fresh process: the real binary answers one description
    // from the 10,000 articles with the warm cache (the model loads on its own thread while the
    // files and the cached vectors are read). `kb list` is the start-up alone; `diagnose`
    // adds encoding the description and ranking it against every chunk.
    let models = tempfile::tempdir().unwrap();
    let embeddings = models.path().join("embeddings");
    std::fs::create_dir_all(&embeddings).unwrap();
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), embeddings.join(entry.file_name())).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    // `BENCH_COMPARE_BIN` names another build of the binary (an older commit) to time beside.
    let compare = std::env::var_os("BENCH_COMPARE_BIN");
    let run_bin = |bin: &std::ffi::OsStr, semantic: &str, args: &[&str]| {
        let t = Instant::now();
        let out = std::process::Command::new(bin)
            .args(args)
            .env("KNOWLEDGE_DIR", kb_dir.path())
            .env("DATA_DIR", data.path())
            .env("MODEL_CACHE_DIR", models.path())
            .env("SEMANTIC_MODEL", semantic)
            .env("MONITOR", "false")
            .env("RUST_LOG", "warn")
            .output()
            .unwrap();
        let took = t.elapsed();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        took
    };
    let run = |semantic: &str, args: &[&str]| {
        run_bin(
            std::ffi::OsStr::new(env!("CARGO_BIN_EXE_supportbot")),
            semantic,
            args,
        )
    };
    for round in 0..3 {
        let lexical = run("off", &["kb", "list", "--json"]);
        let semantic = run(
            &dir,
            &["diagnose", "quickbooks says 502 bad gateway", "--json"],
        );
        let lexical_diagnose = run(
            "off",
            &["diagnose", "quickbooks says 502 bad gateway", "--json"],
        );
        println!(
            "{warm_n} articles, warm cache, fresh process (round {round}): `diagnose` with the model {}; without it {}; `kb list` without it {}",
            ms(semantic),
            ms(lexical_diagnose),
            ms(lexical)
        );
        if let Some(other) = &compare {
            let took = run_bin(
                other,
                &dir,
                &["diagnose", "quickbooks says 502 bad gateway", "--json"],
            );
            println!(
                "  the same `diagnose` with the model, {}: {}",
                other.to_string_lossy(),
                ms(took)
            );
        }
    }
    println!("peak RSS: {}", mib(status_kib("VmHWM:")));
}
