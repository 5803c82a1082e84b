//! Ticket fixtures: a clock the test sets, people, one-description summaries and the ticket desk
//! over a store.

use std::sync::Mutex;
use supportbot::clock::Clock;
use supportbot::escalation::summary::Summary;
use supportbot::service::TicketDesk;
use supportbot::session::{Session, UserRef};
use supportbot::store::Store;

/// A clock that says what the test last set (`*clock.0.lock().unwrap() = t`); 0 by default.
#[derive(Debug, Default)]
pub struct FixedClock(pub Mutex<u64>);

impl Clock for FixedClock {
    fn now(&self) -> u64 {
        *self.0.lock().unwrap()
    }
}

/// The ticket desk over `store`.
pub fn desk(store: &Store) -> TicketDesk {
    TicketDesk::new(store.clone())
}

/// A user with id `id`, named `name-{id}`, in channel `chan`.
pub fn user(id: &str) -> UserRef {
    UserRef {
        id: id.into(),
        name: format!("name-{id}"),
        channel: "chan".into(),
    }
}

/// What an escalation by [`user`] `id` who described only `text` files (at time 100).
pub fn summary(id: &str, text: &str) -> Summary {
    let mut s = Session::new(user(id), 0);
    s.descriptions.push(text.into());
    Summary::capture(&s, None, None, "rev", 100)
}
