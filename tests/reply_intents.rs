//! The real-reply set for "did this fix it?" (issue 10, item 1): every case is whole, labelled
//! with a known intent and sourced, and the dev/test split rule gives each split every intent.
//! The classifier (`supportbot::understand`) is measured on both splits: the test split is
//! reported, never tuned on, and no reply may be read as "fixed" unless it is labelled so.
//! `cargo test --test reply_intents -- --nocapture` prints the figures BENCHMARKS.md records.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;
use support::split::is_test;

use serde::Deserialize;
use std::collections::BTreeMap;
use supportbot::understand::{Intent, classify};

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
    #[allow(dead_code)] // read for `deny_unknown_fields`; shown only in failure output
    question: Option<String>,
    /// Set on the later collections ("2026-12-01", "2026-12-03", "2026-12-03b"), each reported
    /// apart as well.
    #[serde(default)]
    collected: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Set {
    case: Vec<Case>,
}

fn load() -> Set {
    let path = support::paths::repo_root().join("tests/data/replies.toml");
    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// How the classifier did on one split.
#[derive(Default, Debug)]
struct Figures {
    cases: usize,
    correct: usize,
    /// Asked "did this fix it?" again instead of acting: not wrong, not right.
    unsure: usize,
    /// Acted on a wrong intent.
    wrong: usize,
    /// Read as "fixed" though not labelled so (long ones are confirmed before recording).
    false_fixed: Vec<String>,
    /// Of those, short enough to be recorded without asking: a fix the user did not state.
    false_recorded: usize,
    /// label -> (correct, total)
    per_intent: BTreeMap<&'static str, (usize, usize)>,
    /// (correct, total) per reply length, as in [`LENGTHS`]: chat replies are mostly short,
    /// the set's issue-thread replies mostly long.
    per_length: [(usize, usize); 3],
    confusions: Vec<String>,
}

/// Reply lengths reported apart, in words: (label, most words).
const LENGTHS: [(&str, usize); 3] = [
    ("1-6 words", 6),
    ("7-20 words", 20),
    ("21+ words", usize::MAX),
];

fn length_bucket(text: &str) -> usize {
    let words = text.split_whitespace().count();
    LENGTHS
        .iter()
        .position(|(_, most)| words <= *most)
        .unwrap_or(LENGTHS.len() - 1)
}

fn measure(set: &Set, test: bool) -> Figures {
    measure_where(set, test, |_| true)
}

/// [`measure`] on the cases `pick` keeps.
fn measure_where(set: &Set, test: bool, pick: impl Fn(&Case) -> bool) -> Figures {
    let mut f = Figures::default();
    for c in set
        .case
        .iter()
        .filter(|c| is_test(&c.source) == test && pick(c))
    {
        let want = Intent::from_id(&c.intent).unwrap();
        let understood = classify(&c.text);
        let got = understood.intent;
        f.cases += 1;
        let slot = f.per_intent.entry(want.id()).or_default();
        slot.1 += 1;
        let by_length = &mut f.per_length[length_bucket(&c.text)];
        by_length.1 += 1;
        match got {
            Some(g) if g == want => {
                f.correct += 1;
                slot.0 += 1;
                by_length.0 += 1;
            }
            None => {
                f.unsure += 1;
                f.confusions
                    .push(format!("{:>11} -> unsure: {:?}", want.id(), c.text));
            }
            Some(g) => {
                f.wrong += 1;
                if g == Intent::Fixed {
                    f.false_fixed.push(format!("{} ({})", c.text, c.source));
                    if understood.is_stated_fix() {
                        f.false_recorded += 1;
                    }
                }
                f.confusions
                    .push(format!("{:>11} -> {}: {:?}", want.id(), g.id(), c.text));
            }
        }
    }
    f
}

/// The collections, each reported apart: a new one measured before any cue is changed for it
/// is an untouched check of the cues.
const COLLECTIONS: [(&str, Option<&str>); 4] = [
    ("first", None),
    ("second", Some("2026-12-01")),
    ("third", Some("2026-12-03")),
    ("fourth", Some("2026-12-03b")),
];

fn pct(n: usize, d: usize) -> f64 {
    100.0 * n as f64 / d.max(1) as f64
}

fn report(name: &str, f: &Figures) {
    println!(
        "{name}: {} cases, correct {} ({:.1}%), unsure (asked again) {} ({:.1}%), wrong {} ({:.1}%), read as fixed wrongly {} (recorded without asking {})",
        f.cases,
        f.correct,
        pct(f.correct, f.cases),
        f.unsure,
        pct(f.unsure, f.cases),
        f.wrong,
        pct(f.wrong, f.cases),
        f.false_fixed.len(),
        f.false_recorded
    );
    for (intent, (ok, n)) in &f.per_intent {
        println!("  {intent:>11}: {ok}/{n} ({:.0}%)", pct(*ok, *n));
    }
    for ((label, _), (ok, n)) in LENGTHS.iter().zip(&f.per_length) {
        println!("  {label:>11}: {ok}/{n} ({:.0}%)", pct(*ok, *n));
    }
}

/// The dev split is what the cues were tuned on; its misses are printed to tune further.
#[test]
fn on_the_dev_split_no_fix_is_invented_and_most_replies_are_understood() {
    let set = load();
    let f = measure(&set, false);
    report("dev", &f);
    for (name, collected) in COLLECTIONS {
        report(
            &format!("dev, {name} collection only"),
            &measure_where(&set, false, |c| c.collected.as_deref() == collected),
        );
    }

    for c in &f.confusions {
        println!("  {c}");
    }
    assert!(
        f.false_fixed.len() <= DEV_FALSE_FIXED_CEILING,
        "replies read as fixed that are not (each is confirmed before it is recorded): {:#?}",
        f.false_fixed
    );
    assert_eq!(
        f.false_recorded, 0,
        "a fix recorded that the user did not state"
    );
    assert!(pct(f.correct, f.cases) >= DEV_FLOOR, "dev accuracy fell");
}

/// The test split is never tuned on: only its totals are printed, so its texts do not leak
/// into the cues. The floors are the figures measured, rounded down; they catch regressions.
/// The targets (95% correct, no fix recorded that was not stated) are not met: BENCHMARKS.md.
#[test]
fn on_the_test_split_understanding_does_not_regress() {
    let set = load();
    let f = measure(&set, true);
    report("test", &f);
    for (name, collected) in COLLECTIONS {
        report(
            &format!("test, {name} collection only"),
            &measure_where(&set, true, |c| c.collected.as_deref() == collected),
        );
    }
    // Fixes recorded without asking that the user did not state: none from the ninth session
    // (a reply is recorded unasked only when it states a fix in words or says yes; cheers
    // alone are confirmed first) until the fourth collection (2026-12-03b) brought one, as
    // measured before any cue was written from that collection. Its text is not read (the
    // split is not tuned on), so it stays: the target of none is not met (BENCHMARKS.md).
    assert!(
        f.false_recorded <= TEST_FALSE_RECORDED_CEILING,
        "fixes recorded that the user did not state on the test split (texts not shown: the split is not tuned on)"
    );
    assert!(pct(f.correct, f.cases) >= TEST_FLOOR, "test accuracy fell");
}

/// Accuracy floors (percent of all cases; unsure counts as not correct).
const DEV_FLOOR: f64 = 74.5;
const TEST_FLOOR: f64 = 57.9;
/// See [`on_the_test_split_understanding_does_not_regress`].
const TEST_FALSE_RECORDED_CEILING: usize = 1;
/// Replies read as "fixed" on dev that are not, each confirmed before it is recorded: one
/// narrative of versions that each "worked" (since the second collection), and from the third
/// "Awesome thank you, @name !" (a cheer, labelled aside by the set's strict rule), and from
/// the fourth "Of course version 1 from Google play works but would like to have version 2!"
/// (another version works: a detail). ("Yes android", answering "which phone?", is read as
/// naming the device since the twentieth session.)
const DEV_FALSE_FIXED_CEILING: usize = 3;

#[test]
fn the_reply_set_is_whole_sourced_and_split_with_every_intent() {
    let set = load();
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

/// A greeting is answered in kind instead of being matched, so no problem that someone really
/// described (in either diagnose set) may pass for one.
#[test]
fn no_described_problem_is_taken_for_small_talk() {
    let mut checked = 0;
    for file in ["diagnose_real.toml", "diagnose_labelled.toml"] {
        let path = support::paths::repo_root().join("tests/data").join(file);
        let set: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in set["case"].as_array().unwrap() {
            let in_scope = match &case["expect"] {
                toml::Value::String(id) => !id.is_empty() && id != "none",
                toml::Value::Array(ids) => !ids.is_empty(),
                other => panic!("{file}: unexpected expect {other:?}"),
            };
            let text = case["text"].as_str().unwrap();
            if in_scope {
                checked += 1;
                assert_eq!(
                    supportbot::understand::small_talk(text),
                    None,
                    "{file}: a described problem taken for small talk: {text:?}"
                );
            }
        }
    }
    assert!(checked > 200, "{checked} descriptions checked");
}
