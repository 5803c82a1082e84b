//! Crash safety: `supportbot escalate` is killed with SIGKILL at random moments, again and
//! again, on one data directory. Every ticket whose id was printed must be there and whole,
//! ids must be unique, and the outbox must deliver each ticket exactly once after restart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

mod support;
use support::paths::shipped_knowledge;

const ROUNDS: u64 = 40;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_supportbot"));
    c.env("RUST_LOG", "error")
        .env("SEMANTIC_MODEL", "off")
        // The background monitor would reach the shipped targets: never in tests.
        .env("MONITOR", "false");
    c
}

#[test]
fn acknowledged_tickets_survive_sigkill() {
    let knowledge = shipped_knowledge();
    let data = tempfile::tempdir().unwrap();
    let mut seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("seed {seed}");
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // First measure how long one escalation takes here, so kills land inside its lifetime.
    let started = std::time::Instant::now();
    let status = bin()
        .args([
            "escalate",
            "--user",
            "warmup",
            "--name",
            "W",
            "--text",
            "502 bad gateway",
            "--knowledge",
        ])
        .arg(&knowledge)
        .arg("--data")
        .arg(data.path())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let lifetime = started.elapsed().as_millis().max(20) as u64;

    let mut acked: HashMap<String, String> = HashMap::new();
    let mut killed = 0;
    for round in 0..ROUNDS {
        let user = format!("user-{round}");
        let mut child = bin()
            .args([
                "escalate",
                "--json",
                "--name",
                "Crash Test",
                "--text",
                "quickbooks 502 bad gateway",
                "--user",
                &user,
                "--knowledge",
            ])
            .arg(&knowledge)
            .arg("--data")
            .arg(data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = next() % (lifetime + lifetime / 2);
        std::thread::sleep(Duration::from_millis(delay));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        if let Some(line) = out.lines().find(|l| l.starts_with('{')) {
            let v: Value = serde_json::from_str(line).expect("an acknowledged line is whole JSON");
            let id = v["id"].as_str().unwrap().to_string();
            assert!(
                acked.insert(id.clone(), user.clone()).is_none(),
                "id {id} acknowledged twice"
            );
        }
    }
    println!(
        "{ROUNDS} rounds, {killed} killed, {} acknowledged, lifetime {lifetime} ms",
        acked.len()
    );
    assert!(killed > 0, "no process was killed: the test proved nothing");

    // A normal command on the same directory: opens the store after the crashes and delivers
    // whatever is still queued.
    let out = bin()
        .args(["tickets", "list", "--json", "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: HashSet<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rows.len(), "ticket ids are unique");
    let users: HashSet<&str> = rows
        .iter()
        .map(|r| r["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(users.len(), rows.len(), "each user has one ticket");
    for (id, user) in &acked {
        let show = bin()
            .args(["tickets", "show", id, "--json", "--data"])
            .arg(data.path())
            .output()
            .unwrap();
        assert!(show.status.success(), "acknowledged ticket {id} is missing");
        let t: Value = serde_json::from_slice(&show.stdout).unwrap();
        assert_eq!(t["user"]["id"], user.as_str());
        assert_eq!(
            t["summaries"][0]["descriptions"][0], "quickbooks 502 bad gateway",
            "ticket {id} is whole"
        );
    }

    // Each ticket's staff notification was delivered exactly once, across all the kills.
    let inbox = std::fs::read_to_string(data.path().join("notifications.jsonl")).unwrap();
    let mut seen = HashMap::new();
    for line in inbox.lines() {
        let v: Value = serde_json::from_str(line).expect("every delivered line is whole");
        *seen
            .entry(v["key"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    for id in &ids {
        assert_eq!(
            seen.get(&format!("{id}/created")),
            Some(&1),
            "ticket {id} delivered exactly once"
        );
    }
    assert!(
        seen.values().all(|&n| n == 1),
        "no notification delivered twice: {seen:?}"
    );
}
