//! Dumps, for every case of an evaluation set, each article's lexical score and semantic
//! similarity, as JSON lines: the raw material for calibrating the fusion on the dev split.
//!
//! `cargo run --release --example matcher_scores -- MODEL_DIR tests/data/diagnose_real.toml dev`
//! (the split filter is optional; `all` keeps every case). Only ever tune on `dev`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use serde::Deserialize;
use std::path::Path;
use supportbot::knowledge::load::load_dir;
use supportbot::semantic::bert::BertEncoder;
use supportbot::semantic::{Embed, QueryVectors, windows::query_windows};

#[derive(Deserialize)]
struct Set {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    expect: toml::Value,
    #[serde(default)]
    split: Option<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, model, set, rest @ ..] = args.as_slice() else {
        eprintln!("usage: matcher_scores MODEL_DIR SET.toml [dev|test|all]");
        std::process::exit(2);
    };
    let want = rest.first().map(String::as_str).unwrap_or("dev");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut kb = load_dir(&root.join("knowledge")).expect("valid knowledge");
    let encoder = BertEncoder::load(Path::new(model), model).expect("model loads");
    kb.attach_semantic(&encoder, None, &mut |_, _| {})
        .expect("chunks embed");
    let raw = std::fs::read_to_string(set).expect("set readable");
    let set: Set = toml::from_str(&raw).expect("set parses");
    let ids: Vec<&str> = kb.articles().iter().map(|a| a.id.as_str()).collect();
    for c in set.case {
        if want != "all" && c.split.as_deref().unwrap_or("dev") != want {
            continue;
        }
        let expect: Vec<String> = match &c.expect {
            toml::Value::String(s) if s == "none" => vec![],
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            _ => vec![],
        };
        let windows = query_windows(&c.text);
        let refs: Vec<&str> = windows.iter().map(String::as_str).collect();
        let vectors = if refs.is_empty() {
            vec![]
        } else {
            encoder.embed(&refs).expect("embeds")
        };
        let q = QueryVectors {
            model: encoder.model_name().into(),
            vectors,
        };
        let lexical = kb.rank(&c.text, ids.len());
        let sem = kb.semantic().expect("attached").scores(&q, ids.len());
        // Also the similarity of the whole text (first window only), to compare windowing.
        let first = QueryVectors {
            model: q.model.clone(),
            vectors: q.vectors.iter().take(1).cloned().collect(),
        };
        let sem_first = kb.semantic().expect("attached").scores(&first, ids.len());
        let mut lex = vec![0.0f64; ids.len()];
        for m in &lexical.matches {
            lex[m.doc] = m.score;
        }
        // Lexical score per window, best window per article (long posts: the sentence that
        // matters, not the evidence the whole post piles up).
        let mut lex_win = vec![0.0f64; ids.len()];
        for w in &windows {
            for m in &kb.rank(w, ids.len()).matches {
                lex_win[m.doc] = lex_win[m.doc].max(m.score);
            }
        }
        let line = serde_json::json!({
            "expect": expect,
            "words": c.text.split_whitespace().count(),
            "windows": windows.len(),
            "howto": supportbot::matcher::text::is_plain_howto(&c.text),
            "ids": ids,
            "lex": lex,
            "lex_win": lex_win,
            "sem": sem.iter().map(|h| h.as_ref().map_or(0.0, |h| h.similarity)).collect::<Vec<_>>(),
            "sem_first": sem_first.iter().map(|h| h.as_ref().map_or(0.0, |h| h.similarity)).collect::<Vec<_>>(),
            "text": c.text.chars().take(80).collect::<String>(),
        });
        println!("{line}");
    }
}
