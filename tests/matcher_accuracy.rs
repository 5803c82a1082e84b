//! Accuracy of the symptom matcher on a labelled set of real-style descriptions.
//!
//! The set (tests/data/diagnose_labelled.toml) was written without looking at the articles'
//! wording. Thresholds below are what the matcher reaches honestly; raise them as it improves.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use serde::Deserialize;
use std::collections::BTreeMap;
use supportbot::knowledge::load::load_dir;

mod support;
use support::paths::{repo_root, shipped_knowledge};

#[derive(Deserialize)]
struct Set {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    expect: String,
    style: String,
}

#[test]
fn labelled_set_accuracy() {
    let root = repo_root();
    let kb = load_dir(&shipped_knowledge()).expect("shipped knowledge base is valid");
    let raw = std::fs::read_to_string(root.join("tests/data/diagnose_labelled.toml")).unwrap();
    let set: Set = toml::from_str(&raw).unwrap();
    assert!(set.case.len() >= 80);

    let (mut in_scope, mut top1) = (0, 0);
    let (mut out_scope, mut rejected) = (0, 0);
    let (mut said_none, mut said_none_right) = (0, 0);
    let mut by_style: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in &set.case {
        if c.expect != "none" {
            assert!(
                kb.get(&c.expect).is_some(),
                "unknown id {} in the labelled set",
                c.expect
            );
        }
        let ranking = kb.rank(&c.text, 5);
        let best = ranking.best().map(|m| kb.article_at(m.doc).id.as_str());
        let got = best.unwrap_or("none");
        let right = got == c.expect;
        let e = by_style.entry(c.style.as_str()).or_default();
        e.0 += 1;
        e.1 += u32::from(right);
        if best.is_none() {
            said_none += 1;
            said_none_right += u32::from(c.expect == "none");
        }
        if c.expect == "none" {
            out_scope += 1;
            rejected += u32::from(right);
        } else {
            in_scope += 1;
            top1 += u32::from(right);
        }
        if !right {
            let top = ranking
                .matches
                .first()
                .map(|m| (kb.article_at(m.doc).id.clone(), m.score, m.matched.clone()));
            failures.push(format!(
                "  expected {:<26} got {:<26} top {:?}  <- {:?}",
                c.expect, got, top, c.text
            ));
        }
    }
    let pct = |a: u32, b: u32| 100.0 * f64::from(a) / f64::from(b.max(1));
    println!("matcher on {} labelled descriptions:", set.case.len());
    println!(
        "  top-1 accuracy (in scope):   {top1}/{in_scope} = {:.1}%",
        pct(top1, in_scope)
    );
    println!(
        "  out-of-scope rejected:        {rejected}/{out_scope} = {:.1}%",
        pct(rejected, out_scope)
    );
    println!(
        "  no-match precision:           {said_none_right}/{said_none} = {:.1}%",
        pct(said_none_right, said_none)
    );
    for (style, (n, ok)) in &by_style {
        println!("  {style:<13} {ok}/{n}");
    }
    println!("misses:\n{}", failures.join("\n"));
    assert!(
        pct(top1, in_scope) >= TOP1_MIN,
        "top-1 accuracy fell below {TOP1_MIN}%"
    );
    assert!(
        pct(rejected, out_scope) >= REJECT_MIN,
        "out-of-scope rejection fell below {REJECT_MIN}%"
    );
    assert!(
        pct(said_none_right, said_none) >= NO_MATCH_PRECISION_MIN,
        "no-match precision fell below {NO_MATCH_PRECISION_MIN}%"
    );
}

const TOP1_MIN: f64 = 88.0;
const REJECT_MIN: f64 = 85.0;
const NO_MATCH_PRECISION_MIN: f64 = 80.0;
