//! A database held by another process: a second process is told plainly (after waiting its
//! turn, briefly here), and one-shot commands started together take turns instead of failing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::time::Duration;
use supportbot::store::{Store, StoreError};

mod support;
use support::bin::{show, supportbot};
use support::paths::shipped_knowledge;

#[test]
fn a_second_process_gets_a_plain_message() {
    let dir = tempfile::tempdir().unwrap();
    let _held = Store::open(dir.path()).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
    assert!(
        msg.contains("Stop the running bot") && msg.contains("--data"),
        "{msg}"
    );

    // The same through the binary, as staff would meet it: after waiting (briefly here) for the
    // database, the command gives up with the same message.
    let cwd = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = supportbot(cwd.path())
        .env("DATA_LOCK_WAIT_SECONDS", "1")
        .args(["tickets", "list", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("in use by another supportbot process") && stderr.contains("waited 1s"),
        "{stderr}"
    );
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(10),
        "gave up after {took:?}"
    );
}

/// One-shot commands started together take turns on the database instead of failing: a web form
/// escalating for several users at once gets a ticket for each. The data directory starts empty,
/// so the first ones also race to create the database.
#[test]
fn one_shot_commands_started_together_all_succeed() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let children: Vec<_> = (1..=6)
        .map(|i| {
            supportbot(cwd.path())
                .args([
                    "escalate",
                    "--user",
                    &format!("web{i}"),
                    "--name",
                    &format!("W{i}"),
                ])
                .args(["--text", "502 bad gateway", "--knowledge"])
                .arg(shipped_knowledge())
                .arg("--data")
                .arg(data.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids = std::collections::HashSet::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        ids.insert(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    assert_eq!(ids.len(), 6, "distinct ticket ids: {ids:?}");

    let out = supportbot(cwd.path())
        .args(["tickets", "list", "--json", "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 6, "{}", show(&out));
}

/// With `--json`, a held database is a JSON error object on stdout (the exit code kept, the
/// words still on stderr): the web form's integration reads stdout.
#[test]
fn a_json_caller_gets_the_lock_as_a_json_error() {
    let dir = tempfile::tempdir().unwrap();
    let _held = Store::open(dir.path()).unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let out = supportbot(cwd.path())
        .env("DATA_LOCK_WAIT_SECONDS", "0")
        .args(["escalate", "--user", "u1", "--name", "Ann", "--text", "502"])
        .args(["--json", "--knowledge"])
        .arg(shipped_knowledge())
        .arg("--data")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", show(&out)));
    let error = v["error"].as_str().expect("an error text");
    assert!(
        error.contains("in use by another supportbot process") && !error.starts_with("error:"),
        "{v}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("error: the data directory"),
        "{}",
        show(&out)
    );
}

/// Found by an admin explorer (F5): the largest wait the setting accepts, a "wait forever",
/// panicked every command that opens the database (the deadline overflowed the clock). It now
/// waits as long as there is, and a free database opens at once.
#[test]
fn the_largest_lock_wait_accepted_opens_a_free_database() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        supportbot(cwd.path())
            .env("DATA_LOCK_WAIT_SECONDS", u64::MAX.to_string())
            .env("KNOWLEDGE_DIR", shipped_knowledge())
            .args(args)
            .arg("--data")
            .arg(data.path())
            .output()
            .unwrap()
    };
    let filed = run(&[
        "escalate",
        "--user",
        "u1",
        "--name",
        "Ann",
        "--text",
        "payroll wont update",
    ]);
    assert_eq!(filed.status.code(), Some(0), "{}", show(&filed));
    let listed = run(&["tickets", "list", "--json"]);
    assert_eq!(listed.status.code(), Some(0), "{}", show(&listed));
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("T-0001"),
        "{}",
        show(&listed)
    );
}
