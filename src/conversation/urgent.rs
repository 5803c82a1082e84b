//! A user who says the problem cannot wait ("payroll is due today") is told once, beside the
//! walk, that a person can take over now with everything said so far.

use super::{Effect, Output};
use crate::reply::{Action, Reply};
use crate::session::{Asked, Session};
use crate::understand::urgency;
use crate::words;

/// Whether anything the user said before this message said it cannot wait.
pub(super) fn said_before(session: &Session) -> bool {
    session
        .descriptions
        .iter()
        .chain(&session.asides)
        .chain(session.attempts.iter().flat_map(|a| &a.said))
        .any(|m| urgency::said(m).is_some())
}

/// After the reply to `text`: when it is the first message saying the problem cannot wait and
/// a person is offered but not already the point (no hand-over made, no "shall I hand this to
/// a person?" asked), a line goes before the question that offers one.
pub(super) fn offer_a_person_sooner(
    session: &Session,
    text: &str,
    said_before: bool,
    out: &mut Output,
) {
    if said_before || urgency::said(text).is_none() {
        return;
    }
    if out
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Escalate { .. }))
        || matches!(session.asked, Some(Asked::Human | Asked::DontKnow))
        || out
            .replies
            .iter()
            .any(|r| r.text.starts_with(words::CANNOT_WAIT_NOW))
    {
        return;
    }
    let offered = out
        .replies
        .iter()
        .rposition(|r| r.choices.iter().any(|c| c.action == Action::Escalate));
    if let Some(at) = offered {
        out.replies.insert(at, Reply::new(words::CANNOT_WAIT));
    }
}
