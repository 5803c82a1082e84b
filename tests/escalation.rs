//! Tickets end to end through the store: lifecycle, one open ticket per user, the outbox with a
//! failing notifier, hostile text, privacy commands, stats, and a locked database (one-shot
//! commands wait their turn; a database held for long is refused clearly).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use supportbot::clock::Clock;
use supportbot::conversation::Event;
use supportbot::escalation::StaffAction;
use supportbot::escalation::notify::{
    Audience, DeliveryError, DeliveryFuture, Notification, Notifier,
};
use supportbot::escalation::stats;
use supportbot::escalation::summary::{Summary, limits};
use supportbot::escalation::ticket::{Status, TicketId};
use supportbot::knowledge::Knowledge;
use supportbot::reply::Action;
use supportbot::service::outbox::{self, Backoff};
use supportbot::service::{Service, TicketDesk};
use supportbot::session::{Session, UserRef};
use supportbot::store::{Store, StoreError};

mod support;
use support::bin::{show, supportbot};

fn shipped() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

#[derive(Debug, Default)]
struct FixedClock(Mutex<u64>);

impl Clock for FixedClock {
    fn now(&self) -> u64 {
        *self.0.lock().unwrap()
    }
}

/// The step open now in the user's stored session, as its newest buttons name it.
fn step(service: &Service, user: &UserRef) -> supportbot::session::Step {
    service
        .session(user)
        .unwrap()
        .current_step()
        .expect("a step is open")
}

fn desk(store: &Store) -> TicketDesk {
    TicketDesk::new(store.clone())
}

fn user(id: &str) -> UserRef {
    UserRef {
        id: id.into(),
        name: format!("name-{id}"),
        channel: "chan".into(),
    }
}

fn summary(id: &str, text: &str) -> Summary {
    let mut s = Session::new(user(id), 0);
    s.descriptions.push(text.into());
    Summary::capture(&s, None, None, "rev", 100)
}

/// Records deliveries; fails the first `fail` attempts.
#[derive(Default)]
struct Recorder {
    fail: Mutex<u32>,
    attempts: Mutex<u32>,
    delivered: Mutex<Vec<String>>,
}

impl Notifier for Recorder {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            *self.attempts.lock().unwrap() += 1;
            let mut fail = self.fail.lock().unwrap();
            if *fail > 0 {
                *fail -= 1;
                return Err(DeliveryError::new("staff channel unavailable (503)"));
            }
            self.delivered.lock().unwrap().push(n.key.clone());
            Ok(())
        })
    }
    fn name(&self) -> &str {
        "recorder"
    }
}

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
        .act(TicketId(1), "carol", &StaffAction::Reopen, 155)
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
        .act(TicketId(1), "carol", &StaffAction::Reopen, 160)
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

/// `tickets reopen` refuses, through the binary, to give a user a second open ticket.
#[test]
fn reopen_refuses_a_second_open_ticket_for_the_user() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let sb = |args: &[&str]| {
        supportbot(cwd.path())
            .args(args)
            .arg("--knowledge")
            .arg(shipped())
            .arg("--data")
            .arg(data.path())
            .output()
            .unwrap()
    };
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
}

#[tokio::test(start_paused = true)]
async fn failing_notifier_delivers_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    for i in 0..3 {
        desk(&store)
            .file(summary(&format!("u{i}"), "502"), 100 + i)
            .unwrap();
    }
    let notifier = Recorder {
        fail: Mutex::new(4),
        ..Default::default()
    };
    let clock = FixedClock::default();
    let started = tokio::time::Instant::now();
    let backoff = Backoff {
        first: Duration::from_secs(1),
        max: Duration::from_secs(60),
    };
    let n = outbox::drain(&store, &notifier, &clock, backoff, Duration::from_secs(600))
        .await
        .unwrap();
    assert_eq!(n, 3);
    assert_eq!(
        *notifier.delivered.lock().unwrap(),
        vec!["T-0001/created", "T-0002/created", "T-0003/created"]
    );
    assert_eq!(*notifier.attempts.lock().unwrap(), 4 + 3);
    // Backoff 1 + 2 + 4 + 8 seconds of (virtual) waiting before the head got through.
    assert_eq!(started.elapsed(), Duration::from_secs(15));
    assert_eq!(store.outbox_len(), 0);
    // A second drain (a restart) sends nothing again.
    let again = Recorder::default();
    assert_eq!(
        outbox::drain(&store, &again, &clock, backoff, Duration::from_secs(5))
            .await
            .unwrap(),
        0
    );
    assert!(again.delivered.lock().unwrap().is_empty());
}

#[tokio::test(start_paused = true)]
async fn claim_and_resolve_notify_the_user_through_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    desk(&store).file(summary("u1", "502"), 100).unwrap();
    let claimed = desk(&store)
        .act(TicketId(1), "carol", &StaffAction::Claim, 110)
        .unwrap();
    assert!(claimed.changed);
    assert!(
        claimed.staff_reply().contains("The user is being notified"),
        "{}",
        claimed.staff_reply()
    );
    // Claiming again changes nothing and queues nothing; staff are told so, not that the user
    // was notified.
    let queued = store.outbox_len();
    let again = desk(&store)
        .act(TicketId(1), "carol", &StaffAction::Claim, 115)
        .unwrap();
    assert!(!again.changed);
    assert_eq!(store.outbox_len(), queued);
    let reply = again.staff_reply();
    assert!(
        reply.contains("already **claimed** by carol")
            && reply.contains("nothing changed")
            && !reply.contains("The user is being notified"),
        "{reply}"
    );
    assert!(
        again
            .plain_reply()
            .contains("already claimed by carol; nothing changed"),
        "{}",
        again.plain_reply()
    );
    desk(&store)
        .act(
            TicketId(1),
            "carol",
            &StaffAction::Resolve { note: None },
            120,
        )
        .unwrap();
    let mut to_user = Vec::new();
    while let Some(item) = store.outbox_head().unwrap() {
        if let Audience::User { user } = &item.notification.audience {
            to_user.push((user.id.clone(), item.notification.text.clone()));
        }
        store.outbox_delivered(&item, 0).unwrap();
    }
    assert_eq!(to_user.len(), 2);
    assert!(to_user[0].1.contains("picked up by carol"));
    assert!(to_user[1].1.contains("resolved by carol"));
    // Escalating after a resolve opens a new ticket, so the user is not promised a reopen.
    assert!(
        !to_user[1].1.contains("reopen") && to_user[1].1.contains("ask for a human again"),
        "{}",
        to_user[1].1
    );
    let next = desk(&store)
        .file(summary("u1", "502 is back"), 130)
        .unwrap();
    assert!(next.created && next.ticket.id == TicketId(2));
}

#[test]
fn hostile_text_is_stored_intact_and_rendered_safely() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    let hostile = format!(
        "@everyone @here <@123> <@&456> | a | b |\n```\nfence\u{202E}gnp.exe\u{0000}\u{0007} {}",
        "x".repeat(100 * 1024)
    );
    let mut s = Session::new(
        UserRef {
            id: "u1".into(),
            name: "@everyone".into(),
            channel: "c".into(),
        },
        0,
    );
    s.descriptions.push(hostile.clone());
    let summary = Summary::capture(&s, None, Some(hostile.clone()), "rev", 1);
    let t = desk(&store).file(summary, 1).unwrap().ticket;
    drop(store);
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    let back = store.ticket(t.id).unwrap().unwrap();
    let s = back.summary().unwrap();
    assert_eq!(s.descriptions[0], hostile, "stored byte for byte");
    assert_eq!(s.note.as_deref(), Some(hostile.as_str()));
    let card = s.card("T-0001");
    assert!(card.total_chars() <= limits::TOTAL);
    assert!(card.description.chars().count() <= limits::DESCRIPTION);
    for text in std::iter::once(&card.description)
        .chain(card.fields.iter().map(|(_, v)| v))
        .chain([&card.title])
    {
        assert!(
            !text.contains("@everyone") && !text.contains("@here"),
            "{text:.200}"
        );
        assert!(
            !text.contains("<@123>") && !text.contains("<@&456>") && !text.contains("@1"),
            "{text:.200}"
        );
        assert!(!text.contains('\u{202E}') && !text.contains('\u{0000}'));
        assert!(!text.contains("\n```"), "code fences are escaped");
    }
    let md = s.transcript_markdown("T-0001");
    assert!(md.len() > 200 * 1024, "transcript never truncated");
    assert!(!md.contains("@everyone") && !md.contains('\u{202E}'));
    let item = store.outbox_head().unwrap().unwrap();
    assert!(!item.notification.text.contains("@everyone"));
}

#[test]
fn purge_and_forget() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    for (i, u) in ["u1", "u2", "u3"].iter().enumerate() {
        let mut s = Session::new(user(u), 10);
        s.descriptions.push("x".into());
        store.save_session(&s).unwrap();
        desk(&store).file(summary(u, "502"), 10 + i as u64).unwrap();
    }
    desk(&store)
        .act(
            TicketId(1),
            "staff",
            &StaffAction::Resolve { note: None },
            20,
        )
        .unwrap();
    desk(&store)
        .act(
            TicketId(2),
            "staff",
            &StaffAction::Resolve { note: None },
            1_000,
        )
        .unwrap();
    let (tickets, sessions) = store.purge_resolved(500).unwrap();
    assert_eq!((tickets, sessions), (1, 1));
    assert!(store.ticket(TicketId(1)).unwrap().is_none());
    assert!(
        store.ticket(TicketId(2)).unwrap().is_some(),
        "resolved too recently"
    );
    assert!(
        store.ticket(TicketId(3)).unwrap().is_some(),
        "open tickets are never purged"
    );
    assert!(store.load_session("u1").unwrap().is_none());

    // A staff note queued about u3's ticket (not delivered yet) goes with it.
    desk(&store)
        .act(TicketId(3), "staff", &StaffAction::Claim, 1_100)
        .unwrap();
    let (sessions, tickets) = store.forget_user("u3").unwrap();
    assert_eq!((sessions, tickets), (1, 1));
    assert!(store.ticket(TicketId(3)).unwrap().is_none());
    assert!(store.load_session("u3").unwrap().is_none());
    assert_eq!(store.open_ticket_of("u3").unwrap(), None);
    // Nothing queued about a purged or forgotten ticket is left to be delivered (and written
    // back to notifications.jsonl).
    let mut left = 0;
    while let Some(item) = store.outbox_head().unwrap() {
        assert_ne!(item.notification.ticket, TicketId(1), "purged: {item:?}");
        assert_ne!(item.notification.ticket, TicketId(3), "forgotten: {item:?}");
        store.outbox_delivered(&item, 1_200).unwrap();
        left += 1;
    }
    assert!(left > 0, "T-0002's notifications are still queued");
}

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
                .arg(shipped())
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

#[tokio::test]
async fn stats_learn_from_answers_and_tickets() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let knowledge = Knowledge::open(&root.join("knowledge")).unwrap();
    let clock = Arc::new(FixedClock(Mutex::new(1_000)));
    let service = Service::new(
        knowledge,
        Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap(),
    )
    .with_clock(clock.clone());
    let describe = |t: &str| Event::Describe {
        text: t.into(),
        browser: Some(supportbot::browser::Browser::Chrome),
        query: None,
    };

    // Ann: first fix fails, second works: fixed without a ticket.
    let ann = user("ann");
    service
        .handle(&ann, describe("quickbooks error 502 bad gateway"))
        .await
        .unwrap();
    service
        .handle(&ann, Event::Act(Action::NotFixed(step(&service, &ann))))
        .await
        .unwrap();
    service
        .handle(&ann, Event::Act(Action::Fixed(step(&service, &ann))))
        .await
        .unwrap();
    // Bob: first fix fails, then he asks for a human.
    let bob = user("bob");
    service
        .handle(&bob, describe("quickbooks error 502 bad gateway"))
        .await
        .unwrap();
    service
        .handle(&bob, Event::Act(Action::NotFixed(step(&service, &bob))))
        .await
        .unwrap();
    let replies = service
        .handle(&bob, Event::Act(Action::Escalate))
        .await
        .unwrap();
    assert!(
        replies.iter().any(|r| r.text.contains("T-0001")),
        "{replies:?}"
    );
    *clock.0.lock().unwrap() = 1_600;
    desk(service.store())
        .act(TicketId(1), "carol", &StaffAction::Claim, 1_600)
        .unwrap();
    desk(service.store())
        .act(
            TicketId(1),
            "carol",
            &StaffAction::Resolve { note: None },
            4_600,
        )
        .unwrap();

    let s = stats::aggregate(service.store().stat_events(), service.store().tickets(), 0);
    let a = s
        .articles
        .iter()
        .find(|a| a.article == "quickbooks-error-502")
        .expect("502 stats");
    // Chrome users skip solution 1 (Internet Explorer only): solutions 2 and 3 are shown.
    assert_eq!(a.solutions[0].solution, 2);
    assert_eq!((a.solutions[0].shown, a.solutions[0].not_fixed), (2, 2));
    assert_eq!(
        (
            a.solutions[1].shown,
            a.solutions[1].fixed,
            a.solutions[1].escalated_after
        ),
        (2, 1, 1)
    );
    assert_eq!(s.conversations_fixed_without_ticket, 1);
    assert_eq!(
        (s.tickets.opened, s.tickets.claimed, s.tickets.resolved),
        (1, 1, 1)
    );
    assert_eq!(s.tickets.median_seconds_to_claim, Some(600));
    assert_eq!(s.tickets.median_seconds_to_resolve, Some(3_600));
}

/// Privacy through the binary: `user forget` and `tickets purge` also remove the lines about the
/// user or the purged tickets from DATA_DIR/notifications.jsonl (the staff inbox), which would
/// otherwise keep the user's words; an empty user id is refused.
#[test]
fn forget_and_purge_clear_the_notifications_file() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let inbox = data.path().join("notifications.jsonl");
    let run = |args: &[&str]| {
        let out = supportbot(cwd.path())
            .args(args)
            .arg("--knowledge")
            .arg(shipped())
            .arg("--data")
            .arg(data.path())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            show(&out),
        )
    };
    let ok = |args: &[&str]| {
        let (code, stdout, all) = run(args);
        assert_eq!(code, Some(0), "{args:?}: {all}");
        stdout
    };
    let lines_about = |needle: &str| {
        std::fs::read_to_string(&inbox)
            .unwrap()
            .lines()
            .filter(|l| l.contains(needle))
            .count()
    };
    ok(&[
        "escalate",
        "--user",
        "web1",
        "--name",
        "Ann",
        "--text",
        "Ann's secret: 502 bad gateway",
    ]);
    ok(&[
        "escalate",
        "--user",
        "web2",
        "--name",
        "Bob",
        "--text",
        "Bob's words: 502 bad gateway",
    ]);
    ok(&["tickets", "claim", "T-0001", "--by", "carol"]);
    ok(&["tickets", "resolve", "T-0001", "--by", "carol"]);
    // Created; claimed and resolved, each to staff and to the user.
    assert_eq!(lines_about("\"ticket\":\"T-0001\""), 5);
    assert_eq!(lines_about("\"ticket\":\"T-0002\""), 1);
    assert_eq!(lines_about("Ann's secret"), 1);

    for empty in ["", "   "] {
        let (code, _, all) = run(&["user", "forget", empty]);
        assert_eq!(code, Some(2), "{all}");
        assert!(all.contains("user id is empty"), "{all}");
    }

    let said = ok(&["user", "forget", "web1"]);
    assert!(said.contains("5 notification line(s)"), "{said}");
    assert_eq!(lines_about("T-0001"), 0);
    assert_eq!(lines_about("web1"), 0);
    assert_eq!(lines_about("Ann's secret"), 0);
    assert_eq!(
        lines_about("\"ticket\":\"T-0002\""),
        1,
        "other users' lines stay"
    );
    for line in std::fs::read_to_string(&inbox).unwrap().lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .expect("the rewritten file is whole JSON lines");
    }

    ok(&["tickets", "resolve", "T-0002", "--by", "carol"]);
    assert_eq!(lines_about("\"ticket\":\"T-0002\""), 3);
    // Purge takes tickets resolved strictly before now (whole seconds).
    std::thread::sleep(Duration::from_millis(1_100));
    let said = ok(&["tickets", "purge", "--older-than", "0s"]);
    assert!(
        said.contains("Removed 1 resolved ticket(s)") && said.contains("3 notification line(s)"),
        "{said}"
    );
    assert_eq!(lines_about("T-0002"), 0);
    assert_eq!(lines_about("Bob's words"), 0);
}

/// `escalate` refuses an empty user id or name (exit 2, naming the flag), and hostile names and
/// texts reach neither the terminal raw nor the Markdown export, while the stored data (and so the
/// JSON) keeps them intact.
#[test]
fn escalate_refuses_empty_ids_and_terminal_output_is_defused() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let sb = |args: &[&str]| {
        supportbot(cwd.path())
            .args(args)
            .arg("--knowledge")
            .arg(shipped())
            .arg("--data")
            .arg(data.path())
            .output()
            .unwrap()
    };
    for (user, name, flag) in [("", "Ann", "--user"), ("web1", "  \t", "--name")] {
        let o = sb(&["escalate", "--user", user, "--name", name, "--text", "502"]);
        assert_eq!(o.status.code(), Some(2), "{}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(&format!("{flag} is empty")), "{stderr}");
    }
    let o = sb(&["tickets", "list", "--json"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "[]",
        "{}",
        show(&o)
    );

    let name = "Eve\u{1b}[2J\r\nEvil";
    let text = "502 bad gateway \u{1b}]0;pwned\u{7}\r\nline two";
    let o = sb(&["escalate", "--user", "web1", "--name", name, "--text", text]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = sb(&["tickets", "claim", "T-0001", "--by", "bob\u{1b}[31m"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));

    for args in [
        &["tickets", "list"][..],
        &["tickets", "show", "T-0001"],
        &["tickets", "export", "T-0001"],
    ] {
        let o = sb(args);
        assert_eq!(o.status.code(), Some(0), "{}", show(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\r') && !out.contains('\u{7}'),
            "{args:?} printed raw control characters:\n{out:?}"
        );
    }
    let o = sb(&["tickets", "list"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        out.lines().count(),
        2,
        "one line per ticket, then the count:\n{out}"
    );
    assert!(out.contains("Eve\u{FFFD}[2J"), "{out}");

    let o = sb(&["tickets", "show", "T-0001", "--json"]);
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(t["user"]["name"], name, "stored intact");
    assert_eq!(t["summaries"][0]["descriptions"][0], text, "stored intact");
}

/// A broken knowledge base does not lose a one-shot escalation: the ticket is created without a
/// diagnosis (its summary says why, in one line), with a warning on stderr, exit 0.
#[test]
fn escalate_with_a_broken_knowledge_base_still_creates_the_ticket() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-toml");
    let sb = |args: &[&str]| {
        supportbot(cwd.path())
            .args(args)
            .arg("--knowledge")
            .arg(&broken)
            .arg("--data")
            .arg(data.path())
            .output()
            .unwrap()
    };
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
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
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
