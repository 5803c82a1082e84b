//! The outbox: a notifier that fails at first still gets every notification once, in order, after
//! backing off (and a restart sends nothing again); claim and resolve reach the user through it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::sync::Mutex;
use std::time::Duration;
use supportbot::escalation::StaffAction;
use supportbot::escalation::notify::{
    Audience, DeliveryError, DeliveryFuture, Notification, Notifier,
};
use supportbot::escalation::ticket::TicketId;
use supportbot::service::outbox::{self, Backoff};
use supportbot::store::Store;

mod support;
use support::tickets::{FixedClock, desk, summary};

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

/// A store in `dir` with T-0001 to T-0003 filed, their "created" notices queued.
fn three_tickets_filed(dir: &std::path::Path) -> Store {
    let store = Store::open_waiting(dir, Duration::from_secs(5)).unwrap();
    for i in 0..3 {
        desk(&store)
            .file(summary(&format!("u{i}"), "502"), 100 + i)
            .unwrap();
    }
    store
}

/// Panics on the first notification it is given, delivers the others.
#[derive(Default)]
struct PanicsOnFirst {
    seen: Mutex<u32>,
    delivered: Mutex<Vec<String>>,
}

impl Notifier for PanicsOnFirst {
    fn deliver<'a>(&'a self, n: &'a Notification) -> DeliveryFuture<'a> {
        Box::pin(async move {
            let first = {
                let mut seen = self.seen.lock().unwrap();
                *seen += 1;
                *seen == 1
            };
            assert!(!first, "a bug in a sink");
            self.delivered.lock().unwrap().push(n.key.clone());
            Ok(())
        })
    }
    fn name(&self) -> &str {
        "panics on first"
    }
}

/// A sink that panics on an item (a review found `UserId::new(0)` doing it) sets that item
/// aside: the ones queued after it are delivered, and it is not tried again.
#[tokio::test(start_paused = true)]
async fn a_sink_that_panics_on_an_item_does_not_stop_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let store = three_tickets_filed(dir.path());
    let notifier = PanicsOnFirst::default();
    let clock = FixedClock::default();
    let n = outbox::drain(
        &store,
        &notifier,
        &clock,
        Backoff::default(),
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    assert_eq!(n, 3, "the one set aside counts as handled");
    assert_eq!(
        *notifier.delivered.lock().unwrap(),
        vec!["T-0002/created", "T-0003/created"]
    );
    assert_eq!(store.outbox_len(), 0);
    assert_eq!(*notifier.seen.lock().unwrap(), 3, "tried once each");
}

#[tokio::test(start_paused = true)]
async fn failing_notifier_delivers_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = three_tickets_filed(dir.path());
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
