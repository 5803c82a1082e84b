//! A message as the engine takes it in: passwords left out, a long paste read in part (and
//! kept whole for staff), and the device it names.

use super::{Effect, Output};
use crate::browser::Browser;
use crate::reply::{Reply, Tone};
use crate::session::Session;
use crate::understand;
use crate::words;

/// What of a message is read (see [`crate::plain_words::reading`]): a long paste is read by its
/// start and its end, and the user is told so, with how to be read in full.
pub(super) fn read_of(text: &str, out: &mut Output) -> String {
    let read = crate::plain_words::reading(text);
    if let std::borrow::Cow::Owned(_) = read {
        out.replies.push(
            Reply::new(words::read_in_part(
                text.chars().count(),
                crate::plain_words::READ_HEAD,
                crate::plain_words::READ_TAIL,
            ))
            .tone(Tone::Warning),
        );
    }
    read.into_owned()
}

/// A long paste is read by its start and its end (`read`), but what staff get keeps every word
/// (`whole`): wherever the handling kept the words read (a description, an aside, a hand-over's
/// note), the whole message takes their place.
pub(super) fn keep_every_word(session: &mut Session, read: &str, whole: &str, out: &mut Output) {
    let kept = session
        .descriptions
        .iter_mut()
        .chain(session.asides.iter_mut())
        .chain(out.effects.iter_mut().filter_map(|e| match e {
            Effect::Escalate { note: Some(note) } => Some(note),
            _ => None,
        }));
    for words in kept.filter(|w| w.as_str() == read) {
        whole.clone_into(words);
    }
}

/// What the user typed while step `attempt` was on screen, kept with the step so staff read
/// why it was marked as it was:
/// - a reply that says more than a plain answer ("did just jan-mar and it loaded fine!") and
///   that the handling kept nowhere else (a description, an aside, the note of a hand-over);
/// - a reply the handling kept as a description (`described_before`: how many descriptions
///   there were before it) that answered the step ("no still not working", "nope still blank on
///   payroll"): it is the step's answer, and the summary shows it with the step only, not also
///   as a description of the problem ([`crate::escalation::summary::Summary`]).
///
/// A request the step did not answer ("is quickbooks down?", "add it to my ticket", "I need a
/// human") is no word about the step: not kept with it.
pub(super) fn keep_what_was_said_of_the_step(
    session: &mut Session,
    attempt: usize,
    said: &str,
    described_before: usize,
    out: &Output,
) {
    let Some(step) = attempt
        .checked_sub(session.attempt_base)
        .and_then(|k| session.attempts.get(k))
    else {
        return;
    };
    // (The step was on screen, so it had no outcome before this reply.)
    let answered = step.outcome.is_some_and(|o| o.is_answer());
    let described = session.descriptions.len() > described_before
        && session.descriptions.last().is_some_and(|d| d == said);
    let in_the_note = out
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Escalate { note: Some(note) } if note == said));
    // (A check, a hand-over, an addition to the ticket, a subscription, "any news?".)
    let requested = !out.effects.is_empty();
    if in_the_note || (requested && !answered) {
        return;
    }
    if !(described && answered) {
        let kept_elsewhere = session.descriptions.last().is_some_and(|d| d == said)
            || session.asides.last().is_some_and(|a| a == said);
        let plain = understand::classify(said).plain || understand::yes_or_no(said).is_some();
        // ("i use chrome" at a step says where the user is, not how the step went: the browser
        // is on the ticket already.)
        let only_where = understand::only_says_where(said);
        if kept_elsewhere || plain || only_where || said.split_whitespace().count() < 3 {
            return;
        }
    }
    let Some(step) = attempt
        .checked_sub(session.attempt_base)
        .and_then(|k| session.attempts.get_mut(k))
    else {
        return;
    };
    if step.said.last().is_some_and(|s| s == said) {
        return;
    }
    step.said.push(said.to_string());
    if step.said.len() > crate::session::MAX_SAID {
        step.said.remove(0);
    }
}

/// `text` with any password or payroll service key it gives taken out, and the user told so.
pub(super) fn without_secrets(text: &str, out: &mut Output) -> String {
    let redacted = understand::secrets::redact_all(text);
    if redacted.password {
        out.replies
            .push(Reply::new(words::PASSWORD_LEFT_OUT).tone(Tone::Warning));
    }
    if redacted.service_key {
        out.replies
            .push(Reply::new(words::SERVICE_KEY_LEFT_OUT).tone(Tone::Warning));
    }
    redacted.text
}

/// "on my android", "ok on my laptop now": the device named last words the steps (and the
/// ticket) from now on.
/// ("it works on my phone" says where it works, not where the user is.)
pub(super) fn note_device(session: &mut Session, text: &str) {
    if understand::where_it_works(text).is_some() {
        return;
    }
    if let Some(device) = crate::device::Device::detect(text) {
        session.device = Some(device);
    }
    // "safari" said alone earlier, "mac" now, at the list or before any problem: that Safari.
    // (During a walk the answer says so itself: `typed::answer`.)
    if session.safari_unsure
        && session.browser.is_none()
        && !session.stage.is_walking()
        && let Some(safari) = Browser::safari_by_device(text)
    {
        session.browser = Some(safari);
        session.safari_unsure = false;
    }
}

/// The Safari a device word just settled ("mac" after "safari"; see [`note_device`]), by name.
pub(super) fn safari_told_by_device(session: &Session, text: &str) -> Option<&'static str> {
    Browser::safari_by_device(text)
        .filter(|b| session.browser == Some(*b))
        .map(Browser::label)
}
