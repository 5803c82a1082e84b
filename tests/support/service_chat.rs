//! A chat with the service as the adapters hold it: events typed as in chat, a service on the
//! shipped knowledge in a fresh store at a fixed time, and the replies read back as text and
//! choices.

use std::sync::{Arc, Mutex};
use supportbot::browser::Browser;
use supportbot::conversation::Event;
use supportbot::knowledge::Knowledge;
use supportbot::reply::{Action, Reply};
use supportbot::service::Service;
use supportbot::store::Store;

use super::paths::shipped_knowledge;
use super::tickets::FixedClock;

/// Typed as in chat, with no browser picked.
pub fn typed(text: &str) -> Event {
    Event::Describe {
        text: text.into(),
        browser: None,
        query: None,
    }
}

/// Typed as in chat by a user who picked `browser`.
pub fn typed_in(text: &str, browser: Browser) -> Event {
    Event::Describe {
        text: text.into(),
        browser: Some(browser),
        query: None,
    }
}

/// Each reply as "title | text", one per line.
pub fn text(replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| format!("{} | {}", r.title.as_deref().unwrap_or(""), r.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The actions of every choice in `replies`, in order.
pub fn actions(replies: &[Reply]) -> Vec<Action> {
    replies
        .iter()
        .flat_map(|r| r.choices.iter().map(|c| c.action.clone()))
        .collect()
}

/// A service on the shipped knowledge with its store in `dir`, its clock fixed at 1,000 s.
pub fn service_in(dir: &std::path::Path) -> Service {
    let knowledge = Knowledge::open(&shipped_knowledge()).unwrap();
    Service::new(
        knowledge,
        Store::open_waiting(dir, std::time::Duration::from_secs(5)).unwrap(),
    )
    .with_clock(Arc::new(FixedClock(Mutex::new(1_000))))
}
