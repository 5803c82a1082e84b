//! `kb check` beyond the fixtures: files too big to be articles, Windows line endings, the
//! order problems are listed in, and the fixtures added for the admins' report (their
//! `expected.txt` is checked by tests/kb_check.rs like every other fixture).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::path::Path;

mod support;
use support::bin::{run, show};
use support::paths::{fixture, fixtures_dir};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const SMALL: &str = "+++\ntitle = \"Small\"\nsymptoms = [\"it fails\"]\n+++\nSummary.\n\n## Solution: Retry\n1. Retry.\n";

#[test]
fn the_fixtures_for_the_admins_report_are_there() {
    for name in [
        "front-matter-and-body",
        "front-matter-mistakes",
        "misspelled-directive",
        "duplicate-titles",
        "duplicate-id-copy",
        "too-long",
        "endpoints-many-mistakes",
    ] {
        assert!(
            fixtures_dir().join(name).join("expected.txt").is_file(),
            "fixture {name} missing"
        );
    }
}

/// A runaway file (a pasted log, a generator gone wrong) is refused with a clear error, not
/// loaded and sent to users as one reply of megabytes.
#[test]
fn a_file_too_big_to_be_an_article_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb");
    write(&kb.join("articles/small.md"), SMALL);
    let mut huge = String::from(
        "+++\ntitle = \"Huge\"\nsymptoms = [\"ZZ-999\"]\n+++\nSummary.\n\n## Solution: Do it\n",
    );
    let mut i = 1;
    while huge.len() <= 1024 * 1024 {
        huge.push_str(&format!("{i}. Do step {i}.\n"));
        i += 1;
    }
    write(&kb.join("articles/huge.md"), &huge);
    let o = run(&["kb", "check", "--knowledge", kb.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("kb/articles/huge.md: the file is over 1024 KB, too big to be an article"),
        "{}",
        show(&o)
    );
    assert!(out.contains("hint: an article is read in chat"), "{out}");
    assert!(out.contains("1 problem(s) in"), "{out}");
    // The directory quoted, and what to do next.
    let dir = kb.display().to_string();
    assert!(
        out.contains(&format!(
            "1 problem(s) in `{dir}`: fix each at its file:line, then run `kb check` again."
        )),
        "{out}"
    );
    assert!(
        out.contains("The articles' `examples` are checked once these are fixed"),
        "{out}"
    );
}

/// Saved with Windows line endings, an article shows no `\r` anywhere.
#[test]
fn crlf_files_show_no_carriage_returns() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb");
    let text = "+++\ntitle = \"Slow\"\nsymptoms = [\"it is slow\"]\n+++\nQuickBooks is slow.\n\nIt may be the network.\n\n## Solution: Close tabs\n\t1.\tSave your work.\n\t2.\tClose the tabs.\n\n## FAQ\n### Is it safe?\nYes.\n"
        .replace('\n', "\r\n");
    write(&kb.join("articles/slow.md"), &text);
    let o = run(&["kb", "check", "--knowledge", kb.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = run(&[
        "kb",
        "show",
        "slow",
        "--json",
        "--knowledge",
        kb.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("\\r"), "{out}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let article = if v["article"].is_object() {
        &v["article"]
    } else {
        &v
    };
    assert_eq!(
        article["summary"], "QuickBooks is slow.\n\nIt may be the network.",
        "{v:#}"
    );
    assert_eq!(
        article["solutions"][0]["general"], "1. Save your work.\n2. Close the tabs.",
        "{v:#}"
    );
}

/// Within one file, problems are listed top to bottom, whichever check found them.
#[test]
fn problems_in_a_file_are_listed_by_line() {
    let case = fixture("front-matter-and-body");
    let o = run(&[
        "kb",
        "check",
        "--json",
        "--knowledge",
        case.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let lines: Vec<u64> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "{v:#}");
    assert_eq!(lines.len(), 6, "{v:#}");
}

/// An edit that loads but sends an example to another article (what `kb check` fails on) is
/// said by the reload: it was reloaded without a word (found by a helper playing an admin).
#[test]
fn a_reload_says_which_examples_now_find_another_article() {
    let dir = tempfile::tempdir().unwrap();
    let printer = dir.path().join("articles/printer-offline.md");
    let scanner = std::fs::read_to_string(
        fixture("example-finds-another-article").join("articles/scanner-jam.md"),
    )
    .unwrap();
    write(&dir.path().join("articles/scanner-jam.md"), &scanner);
    let good = std::fs::read_to_string(
        fixture("example-finds-another-article").join("articles/printer-offline.md"),
    )
    .unwrap()
    .replace(
        "  \"the scanner stops with a paper jam message every morning\",\n",
        "",
    );
    write(&printer, &good);
    let knowledge = supportbot::knowledge::Knowledge::open(dir.path()).expect("valid");
    let astray = good.replace(
        "examples = [\n",
        "examples = [\n  \"the scanner stops with a paper jam message every morning\",\n",
    );
    assert_ne!(astray, good);
    write(&printer, &astray);
    let reloaded = knowledge.reload().expect("still loads");
    assert!(reloaded.changed);
    let [said] = reloaded.examples_astray.as_slice() else {
        panic!("{:?}", reloaded.examples_astray)
    };
    assert!(said.file.ends_with("printer-offline.md"), "{said}");
    assert!(said.message.contains("paper jam"), "{said}");
    // Put right: nothing more to say.
    write(&printer, &good);
    assert_eq!(knowledge.reload().unwrap().examples_astray, []);
}
