//! The real-reply set for "did this fix it?" (issue 10, item 1): every case is whole, labelled
//! with a known intent and sourced, and the dev/test split rule gives each split every intent.
//! The classifier that will be measured on it is not built yet; this keeps the data honest.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use serde::Deserialize;
use std::collections::BTreeMap;

const INTENTS: [&str; 8] = [
    "fixed",
    "not_fixed",
    "check",
    "human",
    "browser",
    "new_problem",
    "detail",
    "aside",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    intent: String,
    source: String,
    #[serde(default)]
    #[allow(dead_code)] // read for `deny_unknown_fields`; the classifier will show it
    question: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Set {
    case: Vec<Case>,
}

/// The split rule, as for the real-post set: test when FNV-1a-64 of the source % 5 < 2.
fn is_test(source: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 5 < 2
}

#[test]
fn the_reply_set_is_whole_sourced_and_split_with_every_intent() {
    let path = support::paths::repo_root().join("tests/data/replies.toml");
    let set: Set = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(set.case.len() >= 200, "{} cases", set.case.len());
    let mut counts: BTreeMap<(&str, bool), usize> = BTreeMap::new();
    for c in &set.case {
        assert!(
            INTENTS.contains(&c.intent.as_str()),
            "unknown intent: {c:?}"
        );
        assert!(!c.text.trim().is_empty(), "empty text: {c:?}");
        assert!(c.source.starts_with("https://"), "unsourced: {c:?}");
        *counts
            .entry((c.intent.as_str(), is_test(&c.source)))
            .or_default() += 1;
    }
    for intent in INTENTS {
        for test in [false, true] {
            assert!(
                counts.get(&(intent, test)).is_some_and(|&n| n > 0),
                "no {intent} case in the {} split",
                if test { "test" } else { "dev" }
            );
        }
    }
    println!("{counts:?}");
}
