//! Ticket benchmarks: tickets created per second (each flushed to disk before it is
//! acknowledged), and listing with 100,000 tickets in the store.
//! Run: `cargo bench --bench tickets` (release profile). Figures go in BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::time::Instant;
use supportbot::escalation::summary::Summary;
use supportbot::service::TicketDesk;
use supportbot::session::{Session, UserRef};
use supportbot::store::Store;

fn summary(i: u64) -> Summary {
    let mut s = Session::new(
        UserRef {
            id: format!("user-{i}"),
            name: format!("User {i}"),
            channel: "bench".into(),
        },
        i,
    );
    s.descriptions.push(format!(
        "QuickBooks shows 502 Bad Gateway when I open payroll ({i})"
    ));
    Summary::capture(
        &s,
        Some("QuickBooks Error 502: Bad Gateway"),
        None,
        "bench",
        i,
    )
}

fn main() {
    let total: u64 = std::env::var("BENCH_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let desk = TicketDesk::new(store.clone());

    let timed = 2_000.min(total);
    let start = Instant::now();
    for i in 0..timed {
        desk.file(summary(i), i).expect("escalate");
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "create (transaction + flush each): {timed} tickets in {secs:.2} s = {:.0} tickets/s, {:.2} ms each",
        timed as f64 / secs,
        secs * 1000.0 / timed as f64
    );

    let start = Instant::now();
    for i in timed..total {
        desk.file(summary(i), i).expect("escalate");
    }
    println!(
        "filled to {total} tickets in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    for _ in 0..3 {
        let start = Instant::now();
        let rows = store.ticket_rows(None).expect("list");
        let list_ms = start.elapsed().as_secs_f64() * 1000.0;
        let start = Instant::now();
        let open = store
            .ticket_rows(Some(supportbot::escalation::ticket::Status::Open))
            .expect("list");
        println!(
            "tickets list on {} tickets: {list_ms:.0} ms (all), {:.0} ms (--status open, {} rows)",
            rows.len(),
            start.elapsed().as_secs_f64() * 1000.0,
            open.len()
        );
    }
    let start = Instant::now();
    let t = store
        .ticket(supportbot::escalation::ticket::TicketId(total / 2))
        .expect("get");
    assert!(t.is_some());
    println!(
        "tickets show (one ticket by id): {:.3} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
}
