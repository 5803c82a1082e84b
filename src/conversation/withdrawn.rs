//! The walk when an admin's edit takes its article away while a user is on it: a file renamed
//! (same title, new id) is followed; an article removed is told, and the answer to the step on
//! screen is still recorded for the ticket.

use super::{Event, Output};
use crate::knowledge::KnowledgeBase;
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Outcome, Session, Stage};
use crate::understand::{self, Intent};
use crate::words;

/// Before an event is handled: when the walked article's id is gone from `kb`, an article
/// with the title the user saw is the same one under a new id (its file was renamed), and the
/// walk follows it. Otherwise the user is told it was taken out; an answer to the step on
/// screen ("Still broken", "that fixed it") is recorded, and a person or a new description is
/// offered. Returns whether `event` was handled here.
pub(super) fn follow_or_leave(
    kb: &KnowledgeBase,
    session: &mut Session,
    event: &Event,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(id) = session.stage.article().map(str::to_string) else {
        return false;
    };
    if kb.get(&id).is_some() {
        return false;
    }
    let title = session.title_seen(&id).unwrap_or(&id).to_string();
    if let Some(same) = kb.articles().iter().find(|a| a.title == title) {
        tracing::info!(old = %id, new = %same.id, "the walked article was renamed; following it");
        session.rename_article(&id, &same.id);
        return false;
    }
    // A fix recorded, or a person already asked: nothing on screen to answer.
    if !session.stage.is_walking() {
        return false;
    }
    tracing::info!(article = %id, "the walked article left the knowledge base under a walk");
    // (The question open on the walk goes with it; a person offered below is the new one.)
    session.asked = None;
    // A person asked for, a check, help, a new start: the walk is over, and the event goes on
    // as usual (a hand-over must never be swallowed here).
    let answers_or_says = matches!(
        event,
        Event::Describe { .. } | Event::Act(Action::Fixed(_) | Action::NotFixed(_))
    );
    if !answers_or_says {
        session.leave_pending();
        session.stage = Stage::Idle;
        return false;
    }
    let answer = answer_to_the_step(session, event);
    let shown = session.pending_attempt().map(|step| {
        step.outcome = Some(answer.unwrap_or(Outcome::NoAnswer));
        step.at = now;
        step.title.clone()
    });
    session.stage = match answer {
        Some(Outcome::Fixed) => Stage::Fixed { article: id },
        _ => Stage::Idle,
    };
    let noted = match (answer, &shown) {
        (Some(Outcome::Fixed), Some(step)) => words::removed_step_fixed(step),
        (Some(Outcome::WorksThere), Some(step)) => words::removed_test_answered(step, true),
        (Some(Outcome::FailsThere), Some(step)) => words::removed_test_answered(step, false),
        (Some(_), Some(step)) => words::removed_step_not_fixed(step),
        _ => String::new(),
    };
    let fixed = answer == Some(Outcome::Fixed);
    let mut reply = Reply::new(words::article_removed(&title, &noted, fixed)).tone(if fixed {
        Tone::Success
    } else {
        Tone::Warning
    });
    if !fixed {
        reply = reply.choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary);
        // ("yes please", "ok" take the person offered; they started over.)
        session.asked = Some(crate::session::Asked::Human);
    }
    out.replies
        .push(reply.choice(Action::Restart, words::START_OVER, Style::Secondary));
    // A description that is no answer ("it says error 103 now") is matched afresh.
    answer.is_some() || !matches!(event, Event::Describe { .. })
}

/// The answer `event` gives to the step on screen: its button, or a reply that plainly says
/// fixed or not fixed. At a test ("does it work there?") the same answers say where the trouble
/// is: it works there, or fails there too, and nothing is fixed.
fn answer_to_the_step(session: &Session, event: &Event) -> Option<Outcome> {
    let open = session.current_step()?;
    let test = session.attempts.last().is_some_and(|a| a.test);
    let works = match event {
        Event::Act(Action::Fixed(step)) if step.attempt == open.attempt => true,
        Event::Act(Action::NotFixed(step)) if step.attempt == open.attempt => false,
        Event::Describe { text, .. } => {
            if test && let Some(works) = understand::test_result(text, &["there".to_string()]) {
                return Some(Outcome::of_test(works));
            }
            let said = understand::classify(text);
            match said.intent {
                Some(Intent::Fixed) if said.plain || test => true,
                Some(Intent::NotFixed) => false,
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(match (test, works) {
        (true, works) => Outcome::of_test(works),
        (false, true) => Outcome::Fixed,
        (false, false) => Outcome::NotFixed,
    })
}
