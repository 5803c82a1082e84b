//! The ticket lifecycle through the store and the binary: filed, claimed, resolved, reopened; one
//! open ticket per user (a second escalation joins it, a reopen that would make two is refused);
//! and a one-shot escalation that still files its ticket when the knowledge base is broken.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use supportbot::escalation::StaffAction;
use supportbot::escalation::ticket::{Status, TicketId};
use supportbot::store::Store;

mod support;
use support::bin::{run_on, show, supportbot};
use support::paths::{fixture, shipped_knowledge};
use support::tickets::{desk, summary};

#[test]
fn lifecycle_and_one_open_ticket_per_user() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    let a = desk(&store).file(summary("u1", "502 again"), 100).unwrap();
    assert!(a.created);
    assert_eq!(a.ticket.id.to_string(), "T-0001");
    let b = desk(&store).file(summary("u1", "still 502"), 110).unwrap();
    assert!(!b.created, "a second escalation adds to the open ticket");
    assert_eq!(b.ticket.id, a.ticket.id);
    assert_eq!(b.ticket.summaries.len(), 2);
    let c = desk(&store).file(summary("u2", "bank feed"), 120).unwrap();
    assert_eq!(c.ticket.id, TicketId(2));

    desk(&store)
        .act(TicketId(1), "carol", &StaffAction::Claim, 130)
        .unwrap();
    let err = desk(&store)
        .act(TicketId(1), "dave", &StaffAction::Claim, 131)
        .unwrap_err();
    assert!(
        err.to_string().contains("already claimed by carol"),
        "{err}"
    );
    desk(&store)
        .act(
            TicketId(1),
            "carol",
            &StaffAction::Resolve {
                note: Some("cleared cache".into()),
            },
            140,
        )
        .unwrap();
    assert_eq!(store.open_ticket_of("u1").unwrap(), None);
    // After resolution, a new escalation opens a new ticket.
    let d = desk(&store).file(summary("u1", "back again"), 150).unwrap();
    assert!(d.created);
    assert_eq!(d.ticket.id, TicketId(3));
    // Reopening T-0001 while T-0003 is open would give u1 two open tickets: refused, naming
    // T-0003, and nothing changes.
    let err = desk(&store)
        .act(
            TicketId(1),
            "carol",
            &StaffAction::Reopen { note: None },
            155,
        )
        .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("T-0001 cannot be reopened") && msg.contains("T-0003"),
        "{msg}"
    );
    assert_eq!(
        store.ticket(TicketId(1)).unwrap().unwrap().status,
        Status::Resolved
    );
    assert_eq!(store.open_ticket_of("u1").unwrap(), Some(TicketId(3)));
    // Once T-0003 is resolved, T-0001 can come back and becomes the open one.
    desk(&store)
        .act(
            TicketId(3),
            "carol",
            &StaffAction::Resolve { note: None },
            158,
        )
        .unwrap();
    desk(&store)
        .act(
            TicketId(1),
            "carol",
            &StaffAction::Reopen { note: None },
            160,
        )
        .unwrap();
    assert_eq!(store.open_ticket_of("u1").unwrap(), Some(TicketId(1)));
    let t1 = store.ticket(TicketId(1)).unwrap().unwrap();
    assert_eq!(t1.status, Status::Open);
    let steps: Vec<_> = t1
        .history
        .iter()
        .map(|h| (h.to, h.by.as_str(), h.at))
        .collect();
    assert_eq!(
        steps,
        vec![
            (Status::Open, "name-u1", 100),
            (Status::Claimed, "carol", 130),
            (Status::Resolved, "carol", 140),
            (Status::Open, "carol", 160)
        ]
    );
    assert_eq!(t1.notes[0].text, "cleared cache");
    assert!(
        desk(&store)
            .act(TicketId(99), "x", &StaffAction::Claim, 1)
            .unwrap_err()
            .to_string()
            .contains("does not exist")
    );

    let rows = store.ticket_rows(Some(Status::Open)).unwrap();
    assert_eq!(rows.iter().map(|r| r.id.0).collect::<Vec<_>>(), vec![2, 1]);
}

/// `tickets show` lists, with the status changes and in time order, each later hand-over and
/// each addition to the ticket (one that says it works now, so it can be resolved; `tickets
/// list` marks that too): staff see the user came back.
#[test]
fn show_lists_when_the_user_added_to_the_ticket() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    {
        let store = Store::open_waiting(data.path(), std::time::Duration::from_secs(5)).unwrap();
        desk(&store).file(summary("u1", "502 again"), 100).unwrap();
        desk(&store)
            .act(TicketId(1), "carol", &StaffAction::Claim, 130)
            .unwrap();
        let later = supportbot::escalation::summary::Summary {
            at: 150,
            ..summary("u1", "still 502")
        };
        desk(&store).file(later, 150).unwrap();
        let works = supportbot::escalation::summary::Summary {
            at: 170,
            added: Some(supportbot::escalation::summary::Added::WorksNow),
            ..summary("u1", "nevermind it works now")
        };
        desk(&store).file(works, 170).unwrap();
    }
    let o = run_on(
        cwd.path(),
        &shipped_knowledge(),
        data.path(),
        &["tickets", "show", "T-0001"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let claimed = out.find("  claimed by carol").expect("the claim");
    let again = out
        .find("handed over again by the user (summary 2 of 3)")
        .expect("the later hand-over");
    let works = out
        .find("added to by the user (summary 3 of 3): says it works now, can be resolved")
        .expect("the user's word that it works");
    assert!(claimed < again && again < works, "in time order: {out}");
    let o = run_on(
        cwd.path(),
        &shipped_knowledge(),
        data.path(),
        &["tickets", "list"],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("[user says it works now]"), "{out}");
}

/// `tickets reopen` refuses, through the binary, to give a user a second open ticket.
#[test]
fn reopen_refuses_a_second_open_ticket_for_the_user() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let sb = |args: &[&str]| run_on(cwd.path(), &shipped_knowledge(), data.path(), args);
    let escalate = [
        "escalate",
        "--user",
        "web1",
        "--name",
        "Ann",
        "--text",
        "502 bad gateway",
    ];
    let o = sb(&escalate);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = sb(&["tickets", "resolve", "T-0001", "--by", "carol"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = sb(&escalate);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "T-0002",
        "{}",
        show(&o)
    );

    let o = sb(&["tickets", "reopen", "T-0001"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("T-0001 cannot be reopened") && stderr.contains("T-0002 open"),
        "{stderr}"
    );
    let o = sb(&["tickets", "list", "--status", "open", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.len(), 1, "{}", show(&o));
    assert_eq!(rows[0]["id"], "T-0002");

    // Every time in every --json output is RFC 3339, at any depth (export used to mix both).
    let rfc3339 = |v: &serde_json::Value| {
        v.as_str().is_some_and(|s| {
            s.len() == 20 && s.ends_with('Z') && s.as_bytes()[10] == b'T' && s.starts_with("20")
        })
    };
    assert!(rfc3339(&rows[0]["created_at"]), "{}", rows[0]);
    for args in [
        &["tickets", "show", "T-0001", "--json"][..],
        &["tickets", "export", "T-0001", "--format", "json"][..],
    ] {
        let o = sb(args);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for time in [
            &v["created_at"],
            &v["history"][0]["at"],
            &v["history"][1]["at"],
            &v["summaries"][0]["at"],
        ] {
            assert!(rfc3339(time), "{args:?}: {time} in {v}");
        }
    }
}

/// A broken knowledge base does not lose a one-shot escalation: the ticket is created without a
/// diagnosis (its summary says why, in one line), with a warning on stderr, exit 0.
#[test]
fn escalate_with_a_broken_knowledge_base_still_creates_the_ticket() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let broken = fixture("bad-toml");
    let sb = |args: &[&str]| run_on(cwd.path(), &broken, data.path(), args);
    let o = sb(&[
        "escalate",
        "--user",
        "web1",
        "--name",
        "Ann",
        "--text",
        "502 in chrome",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "T-0001", "{}", show(&o));
    assert_eq!(v["article"], serde_json::Value::Null);
    assert_eq!(
        v["browser"], "chrome",
        "browser still detected from the text"
    );
    let why = v["knowledge_problem"]
        .as_str()
        .expect("the reason is recorded");
    assert!(why.contains(".md") && !why.contains('\n'), "{why}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("warning: the knowledge base")
            && stderr.contains("without a diagnosis")
            && stderr.contains("kb check"),
        "{stderr}"
    );

    let o = sb(&["tickets", "export", "T-0001"]);
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(
        md.contains("Diagnosis: none: the knowledge base could not be loaded")
            && md.contains("502 in chrome"),
        "{md}"
    );
    let o = sb(&["tickets", "list"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("knowledge base unavailable"), "{out}");

    // A returning user whose earlier conversation had an article open: that article must not
    // pose as the diagnosis of a ticket filed without a knowledge base.
    let shipped = shipped_knowledge();
    let mut console = supportbot(cwd.path())
        .args(["console", "--user", "web2", "--knowledge"])
        .arg(&shipped)
        .arg("--data")
        .arg(data.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        console.stdin.as_mut().unwrap(),
        b"502 bad gateway on chrome\n",
    )
    .unwrap();
    let walked = console.wait_with_output().unwrap();
    assert!(
        String::from_utf8_lossy(&walked.stdout).contains("Did this fix it?"),
        "{}",
        show(&walked)
    );
    let o = sb(&[
        "escalate",
        "--user",
        "web2",
        "--name",
        "Bo",
        "--text",
        "still 502",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "T-0002", "{}", show(&o));
    assert_eq!(v["article"], serde_json::Value::Null, "{v}");
    let o = sb(&["tickets", "list"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let row = out
        .lines()
        .find(|l| l.starts_with("T-0002"))
        .unwrap_or_default();
    assert!(row.contains("knowledge base unavailable"), "{out}");
}

/// A one-shot escalation (a web form) is diagnosed for staff, but the user saw no fix: none is
/// listed as tried, and `stats` counts none as shown.
#[test]
fn escalate_lists_no_step_the_user_never_saw() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let knowledge = shipped_knowledge();
    let sb = |args: &[&str]| run_on(cwd.path(), &knowledge, data.path(), args);
    let o = sb(&[
        "escalate",
        "--user",
        "web2",
        "--name",
        "Bea",
        "--text",
        "quickbooks error 502 bad gateway in chrome",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["article"], "quickbooks-error-502", "{}", show(&o));
    let o = sb(&["tickets", "show", "T-0001"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let tried = out.split("Steps tried").nth(1).expect("a steps section");
    assert!(tried.trim_start().starts_with("none"), "{out}");
    let o = sb(&["stats"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("No fixes shown yet"), "{out}");
}

/// A claimed ticket whose claimer is away goes back to the queue with `tickets release`: open
/// again, someone else can claim it, the user hears it is back in the queue, and staff hear who
/// released it from whom. Releasing a ticket nobody holds changes nothing and says so (exit 0,
/// as every action whose outcome already holds).
#[test]
fn a_claimed_ticket_can_be_released_and_claimed_by_someone_else() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    {
        let store = Store::open_waiting(data.path(), std::time::Duration::from_secs(5)).unwrap();
        desk(&store).file(summary("u1", "502 again"), 100).unwrap();
    }
    let tickets = |args: &[&str]| {
        let mut all = vec!["tickets"];
        all.extend_from_slice(args);
        run_on(cwd.path(), &shipped_knowledge(), data.path(), &all)
    };
    // Nothing to release while nobody holds it: already in the queue, nobody told.
    let o = tickets(&["release", "T-0001", "--by", "lead"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("T-0001 is already open; nothing changed, nobody was notified."),
        "{}",
        show(&o)
    );
    let o = tickets(&["claim", "T-0001", "--by", "carol"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    // Dave cannot take it while Carol holds it; he is told how.
    let o = tickets(&["claim", "T-0001", "--by", "dave"]);
    assert_ne!(o.status.code(), Some(0), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("claim it with --take-over"),
        "{}",
        show(&o)
    );
    let o = tickets(&["release", "T-0001", "--by", "lead"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("T-0001 is now open"),
        "{}",
        show(&o)
    );
    let o = tickets(&["claim", "T-0001", "--by", "dave"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));

    let store = Store::open_waiting(data.path(), std::time::Duration::from_secs(5)).unwrap();
    let t = store.ticket(TicketId(1)).unwrap().unwrap();
    assert_eq!(t.claimed_by(), Some("dave"));
    let steps: Vec<_> = t.history.iter().map(|h| (h.to, h.by.as_str())).collect();
    assert_eq!(
        steps,
        vec![
            (Status::Open, "name-u1"),
            (Status::Claimed, "carol"),
            (Status::Open, "lead"),
            (Status::Claimed, "dave")
        ]
    );
    drop(store);
    let sent = std::fs::read_to_string(data.path().join("notifications.jsonl")).unwrap();
    assert!(
        sent.contains(
            "Ticket T-0001 released by lead (claimed by carol); it is open for anyone to claim"
        ),
        "{sent}"
    );
    assert!(
        sent.contains("Your ticket T-0001 is back in the support team's queue"),
        "{sent}"
    );
}

/// `claim --take-over` moves a claimed ticket to another person in one step: the user is told
/// once who has it now, staff from whom it was taken; a resolved ticket is still refused.
#[test]
fn a_claimed_ticket_can_be_taken_over_in_one_step() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    {
        let store = Store::open_waiting(data.path(), std::time::Duration::from_secs(5)).unwrap();
        desk(&store).file(summary("u1", "502 again"), 100).unwrap();
    }
    let tickets = |args: &[&str]| {
        let mut all = vec!["tickets"];
        all.extend_from_slice(args);
        run_on(cwd.path(), &shipped_knowledge(), data.path(), &all)
    };
    let o = tickets(&["claim", "T-0001", "--by", "carol"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = tickets(&["claim", "T-0001", "--by", "dave", "--take-over"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "T-0001 is now claimed by dave.\nTaken over from carol.\n",
        "says from whom"
    );
    // Taking over what one holds already changes nothing.
    let o = tickets(&["claim", "T-0001", "--by", "dave", "--take-over"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains("Taken over"),
        "{}",
        show(&o)
    );
    {
        let store = Store::open_waiting(data.path(), std::time::Duration::from_secs(5)).unwrap();
        let t = store.ticket(TicketId(1)).unwrap().unwrap();
        assert_eq!(t.claimed_by(), Some("dave"));
        let steps: Vec<_> = t.history.iter().map(|h| (h.to, h.by.as_str())).collect();
        assert_eq!(
            steps,
            vec![
                (Status::Open, "name-u1"),
                (Status::Claimed, "carol"),
                (Status::Claimed, "dave")
            ]
        );
    }
    let sent = std::fs::read_to_string(data.path().join("notifications.jsonl")).unwrap();
    assert!(
        sent.contains("Ticket T-0001 taken over by dave from carol"),
        "{sent}"
    );
    let to_user: Vec<&str> = sent
        .lines()
        .filter(|l| l.contains("T-0001/claimed") && l.contains("/user"))
        .collect();
    assert_eq!(to_user.len(), 2, "one message per claim: {sent}");
    assert!(to_user[1].contains("is now with dave"), "{sent}");
    // The history says it in words (it read "- -> open by ..." and "claimed -> claimed by").
    let o = tickets(&["show", "T-0001"]);
    let history = String::from_utf8_lossy(&o.stdout);
    for step in [
        "  opened by name-u1\n",
        "  claimed by carol\n",
        "  taken over by dave (was carol)\n",
    ] {
        assert!(history.contains(step), "{step}: {history}");
    }
    assert!(!history.contains("->"), "{history}");
    // A resolved ticket is not taken over: reopened first.
    let o = tickets(&["resolve", "T-0001", "--by", "dave"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = tickets(&["claim", "T-0001", "--by", "erin", "--take-over"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("is resolved, so it cannot be changed until it is reopened. Reopen it with `supportbot tickets reopen"),
        "{}",
        show(&o)
    );
}
