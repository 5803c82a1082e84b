//! `endpoints.toml` in a knowledge directory: loading, and one invalid fixture per mistake.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use supportbot::knowledge::load::load_dir;

mod support;
use support::paths::{fixture, shipped_knowledge};

#[test]
fn shipped_knowledge_has_the_quickbooks_target() {
    let kb = load_dir(&shipped_knowledge()).expect("shipped knowledge is valid");
    let t = kb.target("quickbooks-online").expect("target shipped");
    assert_eq!(t.url, "https://qbo.intuit.com/");
    assert_eq!(t.description, "QuickBooks Online sign-in page");
    for a in kb.articles() {
        for c in &a.checks {
            assert!(kb.target(c).is_some(), "{} names {c}", a.id);
        }
    }
    assert_eq!(
        kb.suggest_targets("quickbooks-onlin", 3),
        vec!["quickbooks-online"]
    );
}

/// Each invalid fixture: exactly one problem, in this file, at this line, saying this.
#[test]
fn invalid_fixtures_report_file_line_and_message() {
    let cases = [
        (
            "endpoints-unknown-check",
            "articles/site-down.md",
            5,
            "`checks` names `quickbooks-onlin`, which is not a target in endpoints.toml",
            "did you mean `quickbooks-online`? If not, add",
        ),
        (
            "endpoints-missing-file",
            "articles/site-down.md",
            5,
            "`checks` names `quickbooks-online`, which is not a target in endpoints.toml",
            "there is no target yet",
        ),
        (
            "endpoints-duplicate-name",
            "endpoints.toml",
            7,
            "target `site` is already defined at line 2",
            "names must be unique",
        ),
        (
            "endpoints-bad-url",
            "endpoints.toml",
            4,
            "`site.example/login` is not a valid URL",
            "with its scheme",
        ),
        (
            "endpoints-bad-status",
            "endpoints.toml",
            5,
            "`1000` is not an HTTP status code",
            "between 100 and 599",
        ),
        (
            "endpoints-zero-timeout",
            "endpoints.toml",
            5,
            "`timeout_ms = 0` must be a positive number of milliseconds",
            "timeout_ms = 5000",
        ),
        (
            "endpoints-unknown-key",
            "endpoints.toml",
            5,
            "unknown field `timeout`",
            "expect_status",
        ),
    ];
    for (dir, file, line, message, hint) in cases {
        let problems = match load_dir(&fixture(dir)) {
            Ok(_) => panic!("{dir}: should be invalid"),
            Err(p) => p,
        };
        assert_eq!(problems.len(), 1, "{dir}: {problems:#?}");
        let p = &problems[0];
        assert_eq!(p.file, format!("{dir}/{file}"), "{dir}");
        assert_eq!(p.line, line, "{dir}: {p}");
        assert!(p.message.contains(message), "{dir}: {p}");
        assert!(p.hint.as_deref().unwrap_or("").contains(hint), "{dir}: {p}");
    }
}

#[test]
fn editing_endpoints_changes_the_revision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = fixture("endpoints-bad-status/articles");
    std::fs::create_dir(dir.path().join("articles")).expect("mkdir");
    std::fs::copy(
        src.join("site-down.md"),
        dir.path().join("articles/site-down.md"),
    )
    .expect("copy");
    let without = load_dir(dir.path()).expect("valid without endpoints.toml");
    assert!(without.targets().is_empty());
    std::fs::write(
        dir.path().join("endpoints.toml"),
        "[[target]]\nname = \"site\"\ndescription = \"Site\"\nurl = \"https://site.example/\"\n",
    )
    .expect("write");
    let with = load_dir(dir.path()).expect("valid with endpoints.toml");
    assert_eq!(with.targets().len(), 1);
    assert_ne!(without.revision(), with.revision());
}
