//! `supportbot kb check` on the invalid fixtures (tests/fixtures/<case>/, one folder per broken
//! knowledge base) and on valid ones, through the real binary.
//!
//! Each invalid fixture holds `expected.txt`: one `file:line: message-substring` line per problem
//! the check must report (file relative to the fixture, `#` starts a comment). The check must
//! exit 1 and report exactly those problems, each with its file, line and a hint.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::path::{Path, PathBuf};

mod support;
use support::bin::{run, show, supportbot};
use support::paths::{fixture, fixtures_dir, shipped_knowledge};

/// One problem as `kb check` prints it: `file:line: message` then `  hint: ...`.
#[derive(Debug)]
struct Reported {
    file: String,
    line: usize,
    message: String,
    hint: Option<String>,
}

fn parse_report(stdout: &str) -> Vec<Reported> {
    let mut out = Vec::new();
    for block in stdout.split("\n\n") {
        let mut lines = block.lines();
        let Some(first) = lines.next() else { continue };
        let mut parts = first.splitn(3, ':');
        let (Some(file), Some(line), Some(message)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Ok(line) = line.parse() else { continue };
        let hint = lines
            .find_map(|l| l.trim_start().strip_prefix("hint:"))
            .map(|h| h.trim().to_string());
        out.push(Reported {
            file: file.to_string(),
            line,
            message: message.trim().to_string(),
            hint,
        });
    }
    out
}

struct Expected {
    file: String,
    line: usize,
    substring: String,
}

fn expected(case: &Path) -> Vec<Expected> {
    let raw = std::fs::read_to_string(case.join("expected.txt"))
        .unwrap_or_else(|e| panic!("{}: no expected.txt ({e})", case.display()));
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ':');
            let (Some(file), Some(Ok(line)), Some(substring)) =
                (parts.next(), parts.next().map(str::parse), parts.next())
            else {
                panic!("{}: bad expected line {l:?}", case.display());
            };
            Expected {
                file: file.to_string(),
                line,
                substring: substring.trim().to_string(),
            }
        })
        .collect()
}

fn invalid_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "valid"))
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_invalid_fixture_fails_with_each_problem_located_and_explained() {
    let cases = invalid_cases();
    let names: Vec<String> = cases
        .iter()
        .map(|c| c.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for required in [
        "bad-toml",
        "missing-title",
        "missing-symptoms",
        "duplicate-ids",
        "unknown-browser-heading",
        "solution-without-steps",
        "unknown-section",
        "empty-file",
        "non-utf8",
        "unclosed-front-matter",
        "missing-summary",
        "no-solution",
        "unknown-front-matter-key",
        "faq-without-answer",
        "many-problems",
        "duplicate-solution",
        "wrong-extension",
        "test-go-to",
        "test-also-called",
    ] {
        assert!(
            names.iter().any(|n| n == required),
            "fixture {required} missing"
        );
    }
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let o = run(&["kb", "check", "--knowledge", case.to_str().unwrap()]);
        let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
        if o.status.code() != Some(1) {
            failures.push(format!("{name}: exit {:?}\n{}", o.status, show(&o)));
            continue;
        }
        let reported = parse_report(&stdout);
        let want = expected(case);
        for e in &want {
            let file = format!("{name}/{}", e.file);
            let hit = reported
                .iter()
                .find(|r| r.file == file && r.line == e.line && r.message.contains(&e.substring));
            match hit {
                None => failures.push(format!(
                    "{name}: expected `{file}:{}: {}` not reported\n{}",
                    e.line,
                    e.substring,
                    show(&o)
                )),
                Some(r) if r.hint.as_deref().is_none_or(str::is_empty) => {
                    failures.push(format!("{name}: `{}` has no hint", r.message))
                }
                Some(_) => {}
            }
        }
        if reported.len() != want.len() {
            failures.push(format!(
                "{name}: {} problems reported, {} expected\n{}",
                reported.len(),
                want.len(),
                show(&o)
            ));
        }
        let summary = format!("{} problem(s) in", want.len());
        if !stdout.contains(&summary) {
            failures.push(format!("{name}: no `{summary}` summary\n{}", show(&o)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn json_report_lists_every_problem() {
    let case = fixture("many-problems");
    let o = run(&[
        "kb",
        "check",
        "--json",
        "--knowledge",
        case.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    assert_eq!(v["ok"], false);
    // (An admin explorer found the examples silently not checked while any file had a
    // problem: fixing those seemed all there was. It is said, here and in the text.)
    assert_eq!(v["examples_checked"], false, "{v}");
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), expected(&case).len(), "{v:#}");
    for p in problems {
        assert!(
            p["file"]
                .as_str()
                .unwrap()
                .starts_with("many-problems/articles/")
        );
        assert!(p["line"].as_u64().unwrap() >= 1, "{p}");
        assert!(!p["message"].as_str().unwrap().is_empty());
        assert!(!p["hint"].as_str().unwrap().is_empty(), "{p}");
    }
    // The good file in the same folder is not blamed.
    assert!(
        !problems
            .iter()
            .any(|p| p["file"] == "many-problems/articles/fine.md")
    );
}

#[test]
fn valid_knowledge_bases_pass() {
    let shipped = shipped_knowledge();
    let o = run(&["kb", "check", "--knowledge", shipped.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("OK: "));

    let valid = fixture("valid");
    let o = run(&["kb", "check", "--knowledge", valid.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("OK: 2 articles"));

    let o = run(&[
        "kb",
        "check",
        "--json",
        "--knowledge",
        valid.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["examples_checked"], true);
    assert_eq!(v["articles"], 2);
    assert_eq!(v["problems"], serde_json::json!([]));
}

#[test]
fn knowledge_dir_from_flag_before_or_after_the_subcommand_or_env() {
    let valid = fixture("valid");
    let dir = valid.to_str().unwrap();
    for args in [
        vec!["--knowledge", dir, "kb", "check"],
        vec!["kb", "--knowledge", dir, "check"],
        vec!["kb", "check", "--knowledge", dir],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}\n{}", show(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("OK: 2 articles"));
    }
    let cwd = tempfile::tempdir().unwrap();
    let o = supportbot(cwd.path())
        .env("KNOWLEDGE_DIR", dir)
        .args(["kb", "check"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("OK: 2 articles"));
    // The flag wins over the environment.
    let broken = fixture("missing-title");
    let o = supportbot(cwd.path())
        .env("KNOWLEDGE_DIR", dir)
        .args(["kb", "check", "--knowledge", broken.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
}

#[test]
fn missing_knowledge_dir_is_explained() {
    let cwd = tempfile::tempdir().unwrap();
    // The default is ./knowledge, which does not exist in an empty directory.
    let o = supportbot(cwd.path())
        .args(["kb", "check"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let out = show(&o);
    assert!(out.contains("does not exist"), "{out}");
    assert!(out.contains("--knowledge"), "{out}");
}

#[test]
fn an_empty_articles_folder_is_a_problem_not_a_pass() {
    let cwd = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(cwd.path().join("knowledge/articles")).unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "check"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let out = show(&o);
    assert!(out.contains("there are no articles"), "{out}");
    assert!(
        out.contains("hint: add one Markdown file per article"),
        "{out}"
    );
}
