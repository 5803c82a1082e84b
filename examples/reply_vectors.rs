//! Embeds every case of the real-reply set with a sentence model and prints JSON lines
//! (text, intent, split, vector): the raw material for trying a nearest-exemplar reading of
//! replies on the dev split. `cargo run --release --example reply_vectors -- MODEL_DIR`
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use serde::Deserialize;
use std::path::Path;
use supportbot::semantic::Embed;
use supportbot::semantic::bert::BertEncoder;

#[derive(Deserialize)]
struct Set {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    intent: String,
    source: String,
}

fn is_test(source: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 5 < 2
}

fn main() {
    let model = std::env::args()
        .nth(1)
        .expect("usage: reply_vectors MODEL_DIR");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(root.join("tests/data/replies.toml")).unwrap();
    let set: Set = toml::from_str(&raw).unwrap();
    let encoder = BertEncoder::load(Path::new(&model), &model).expect("model loads");
    for c in &set.case {
        let v = encoder.embed(&[c.text.as_str()]).unwrap().remove(0);
        let line = serde_json::json!({
            "text": c.text,
            "intent": c.intent,
            "source": c.source,
            "split": if is_test(&c.source) { "test" } else { "dev" },
            "understood": supportbot::understand::classify(&c.text).intent.map(|i| i.id()),
            "vec": v,
        });
        println!("{line}");
    }
}
