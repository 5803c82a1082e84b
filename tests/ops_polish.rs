//! Live checks, outages and incidents as users and staff meet them, and long pastes: the console
//! engine in process (lexical matching, no model), with local HTTP servers for the checks.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::sync::{Arc, Mutex};

use supportbot::conversation::Event;
use supportbot::knowledge::Knowledge;
use supportbot::reply::Reply;
use supportbot::service::Service;
use supportbot::session::UserRef;
use supportbot::store::Store;

mod support;
use support::paths::shipped_knowledge;
use support::tickets::{FixedClock, user};

fn service_in(dir: &std::path::Path) -> Service {
    Service::new(
        Knowledge::open(&shipped_knowledge()).unwrap(),
        Store::open_waiting(dir, std::time::Duration::from_secs(5)).unwrap(),
    )
    .with_clock(Arc::new(FixedClock(Mutex::new(1_000))))
}

fn text(replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| format!("{} | {}", r.title.as_deref().unwrap_or(""), r.text))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn say(service: &Service, who: &UserRef, event: Event) -> String {
    text(&service.handle(who, event).await.unwrap())
}

/// Runs the console over `script` (piped, as `supportbot console < script`) and returns its output.
async fn console(service: Service, script: &str) -> String {
    let mut out = Vec::new();
    supportbot::console::run(service, user("u1"), script.as_bytes(), &mut out, false)
        .await
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// About 100 KB of a pasted log on one line: words that describe no problem.
fn log_lines() -> String {
    "2026-12-04T10:00:01Z INFO request id=7f3a9c served in 12ms by node-4 ".repeat(1_500)
}

#[tokio::test]
async fn a_100_kb_paste_is_answered_from_its_start_and_its_end() {
    let paste = format!("payroll wont update, error PS038 {}", log_lines());
    assert!(paste.len() > 100 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let shown = console(service_in(dir.path()), &format!("{paste}\n")).await;
    assert!(
        shown.contains("Your message is long (") && shown.contains("characters), so I read only"),
        "{shown:.3000}"
    );
    assert!(shown.contains("== Payroll"), "{shown:.3000}");

    // The problem at the end of the paste, after the log.
    let paste = format!(
        "{} and now my bank feed isnt updating, error 103",
        log_lines()
    );
    let dir = tempfile::tempdir().unwrap();
    let shown = console(service_in(dir.path()), &format!("{paste}\n")).await;
    assert!(shown.contains("== Bank Feed"), "{shown:.3000}");
}

#[tokio::test]
async fn a_100_kb_paste_of_nothing_gets_an_honest_answer_and_a_second_message_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "{}\nquickbooks error 502 bad gateway\n",
        "x".repeat(100 * 1024)
    );
    let shown = console(service_in(dir.path()), &script).await;
    assert!(shown.contains("I don't know this one"), "{shown:.3000}");
    assert!(shown.contains("== QuickBooks Error 502"), "{shown:.3000}");
}

#[tokio::test]
async fn a_long_hand_over_is_kept_whole_on_the_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("u1");
    let said = format!("payroll wont update {} please call me", log_lines());
    let told = say(
        &service,
        &ann,
        Event::HandOver {
            text: said.clone(),
            browser: None,
            note: None,
            query: None,
        },
    )
    .await;
    assert!(told.contains("T-0001"), "{told:.2000}");
    let ticket = service
        .ticket(supportbot::escalation::ticket::TicketId(1))
        .unwrap();
    let kept = &ticket.summaries.last().unwrap().descriptions;
    assert_eq!(kept, &[said], "word for word, once");
}
