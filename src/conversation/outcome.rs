//! Recording what the user says of the open step: the fix that worked (or did not last), a
//! test that worked there, a step that failed.

use super::Output;
use super::typed;
use super::walk::next_solution;
use crate::knowledge::Article;
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Asked, Outcome, Session, Stage};
use crate::understand;
use crate::words;

/// Records the pending step as the fix and says so (the button, or a reply that states it).
/// On a test ("try a private window") nothing is fixed: it worked there, and the walk goes on.
pub(super) fn record_fixed(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    if pending_test(session, article) {
        works_there(session, article, now, out);
        return;
    }
    let Some(title) = mark_fixed(session, article, now) else {
        return;
    };
    // "white screen and also my bank feed isnt updating": the second problem, not dropped.
    let also = session
        .also_named
        .take()
        .filter(|other| other.id != article.id);
    // ("..., and also qbo is super slow": the third, held for when this other one is done.)
    session.next_also_named(&article.id);
    // ("talk to a human" next is about it: the ticket is headed by it.)
    session.offered_after_fix.clone_from(&also);
    let mut text = words::glad_it_worked(&title, &prevention_hint(article));
    // "Temporarily turn off the firewall" worked: its steps that turn it back on and make the
    // change that lasts are said again, so the user is not left without protection.
    if let Some(rest) = steps_still_to_do(session, article, &title) {
        text = format!("{text}\n\n{}", words::finish_the_fix(&rest));
    }
    if let Some(other) = &also {
        text = format!("{text}\n\n{}", words::you_also_mentioned(&other.title));
    }
    let mut reply = Reply::new(text)
        .title(words::FIXED_TITLE)
        .tone(Tone::Success)
        .article(&article.id);
    if let Some(other) = also {
        // "yes", "sure, lets do it", "the payroll one": a yes to it.
        session.asked = Some(Asked::LookAt {
            other: other.id.clone(),
        });
        reply = reply.choice(
            Action::Article(other.id),
            words::look_at(&other.title),
            Style::Primary,
        );
    }
    reply = reply.choice(Action::Restart, words::ANOTHER_PROBLEM, Style::Secondary);
    if !article.faq.is_empty() || !article.causes.is_empty() {
        reply = reply.choice(
            Action::MoreInfo,
            words::WHY_DID_THIS_HAPPEN,
            Style::Secondary,
        );
    }
    out.replies.push(reply);
}

/// Whether the step on screen is a test (`## Test:`), whose "it works" is no fix.
pub(super) fn pending_test(session: &mut Session, article: &Article) -> bool {
    session
        .pending_attempt()
        .and_then(|p| article.solutions.get(p.solution))
        .is_some_and(|s| s.test)
}

/// The open test did not show the problem: recorded as such (never as a fix), said with what
/// it means, and on to the next step, which goes at what the test left out.
fn works_there(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    if mark_works_there(session, article, now, out) {
        next_solution(session, article, now, out);
    }
}

/// Records the open test as working there and says what that means; whether one was open.
pub(super) fn mark_works_there(
    session: &mut Session,
    article: &Article,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(p) = session.pending_attempt() else {
        return false;
    };
    p.outcome = Some(Outcome::WorksThere);
    p.at = now;
    let title = p.title.clone();
    out.replies
        .push(Reply::new(words::works_there(&title)).article(&article.id));
    true
}

/// Records the open step as failed: a fix that did not work, or a test the problem showed in
/// as well. Whether a step was open.
pub(super) fn fail_pending(session: &mut Session, article: &Article, now: u64) -> bool {
    let Some(p) = session.pending_attempt() else {
        return false;
    };
    let test = article.solutions.get(p.solution).is_some_and(|s| s.test);
    p.outcome = Some(Outcome::failed(test));
    p.at = now;
    true
}

/// Marks the open fix as the one that worked and ends the walk there; its title, or `None`
/// when no fix is open.
pub(super) fn mark_fixed(session: &mut Session, article: &Article, now: u64) -> Option<String> {
    let p = session.pending_attempt()?;
    p.outcome = Some(Outcome::Fixed);
    p.at = now;
    let title = p.title.clone();
    session.stage = Stage::Fixed {
        article: article.id.clone(),
    };
    Some(title)
}

/// The fix the user said worked did not last: recorded as not fixed after all, and the walk
/// goes on with the next untried fix (or says none are left).
pub(super) fn fix_came_back(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    let corrected = understand::corrects_an_answer(text) || understand::doubts_then_denies(text);
    take_fix_back(session, article, !corrected, now);
    typed::note_follow_up(session, text);
    let said = if corrected {
        words::FIX_TAKEN_BACK
    } else {
        words::FIX_CAME_BACK
    };
    out.replies.push(Reply::new(said).article(&article.id));
    next_solution(session, article, now, out);
}

/// "actually it was turning off the extensions that fixed it, not the tabs" after "Glad that
/// worked!": the credit moves to the fix of `article` the words name, asked first ("Shall I
/// note ... as what fixed it?"), and the fix recorded before is recorded as not the one. Whether
/// the reply was taken so.
pub(super) fn credit_moved(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    // Words that give another fix the credit ("that did it", "it was the extensions", "wrong
    // one"): a fix merely named ("should i also clear the cache?") moves nothing.
    const CREDITS: &[&str] = &[
        "fixed it",
        "did it",
        "did the trick",
        "that was it",
        "helped",
        "worked",
        "wrong one",
        "not that one",
        "the one that",
    ];
    let Some(fixed) = fixed_solution(session, article) else {
        return false;
    };
    let lower = text.to_lowercase().replace(['\'', '’'], "");
    // ("clearing the cache never worked for me" tells no credit.)
    const DENIED: &[&str] = &[
        "never", "didnt", "doesnt", "dont", "wasnt", "cant", "couldnt",
    ];
    if text.contains('?')
        || crate::plain_words::has_any_word(text, &["again", "still"])
        || crate::plain_words::has_any_word(&lower, DENIED)
        || lower.contains("did not")
        || !(understand::tells_the_cause(text) || CREDITS.iter().any(|c| lower.contains(c)))
    {
        return false;
    }
    // (A fix that failed already is no credit to move to.)
    let Some(named) = super::fixes_told::another_fix_credited(session, article, fixed, text)
        .filter(|&i| {
            !article.solutions[i].test && !super::walk::said_not_fixed(session, article, i)
        })
    else {
        return false;
    };
    let before = article.solutions[fixed].title.clone();
    take_fix_back(session, article, false, now);
    super::fixes_told::open_instead(session, article, named, now);
    session.stage = Stage::AwaitingFeedback {
        article: article.id.clone(),
    };
    typed::note_follow_up(session, text);
    super::it_works::confirm_fix_led(session, article, &words::not_that_fix(&before), out);
    true
}

/// The title of the fix recorded last as working (the article's, when none is).
pub(super) fn what_fixed_it<'a>(session: &'a Session, article: &'a Article) -> &'a str {
    session
        .attempts
        .iter()
        .rev()
        .find(|t| t.outcome == Some(Outcome::Fixed))
        .map_or(article.title.as_str(), |t| t.title.as_str())
}

/// The index of the solution recorded last as the fix for `article`, if one was.
pub(super) fn fixed_solution(session: &Session, article: &Article) -> Option<usize> {
    session
        .attempts
        .iter()
        .rev()
        .find(|t| t.outcome == Some(Outcome::Fixed) && t.article == article.id)
        .map(|t| t.solution)
        .filter(|&index| index < article.solutions.len())
}

/// The fix recorded last for `article` did not last: it is recorded as not fixed.
/// `came_back`: the problem came back after it worked ("it's blank again"), not the answer
/// corrected ("no wait, it didn't fix it").
pub(super) fn take_fix_back(session: &mut Session, article: &Article, came_back: bool, now: u64) {
    let fixed = session
        .attempts
        .iter_mut()
        .rev()
        .find(|a| a.article == article.id && a.outcome == Some(Outcome::Fixed));
    if let Some(a) = fixed {
        a.outcome = Some(Outcome::NotFixed);
        a.came_back = came_back;
        a.at = now;
    }
}

fn prevention_hint(article: &Article) -> String {
    if article.prevention.is_empty() {
        return String::new();
    }
    let tips: Vec<String> = article
        .prevention
        .iter()
        .take(3)
        .map(|p| format!("- {p}"))
        .collect();
    words::keep_it_from_coming_back(&tips.join("\n"))
}

/// The steps of the fix titled `title`, for the user's setup, from the first that turns
/// something "back on" to the end ("5. Turn the firewall or security software back on. 6. ...
/// update the firewall settings"): what is still to do once a temporary change worked.
fn steps_still_to_do(session: &Session, article: &Article, title: &str) -> Option<String> {
    let index = article.solutions.iter().position(|s| s.title == title)?;
    let steps = super::step_text::step_text(session, article, index);
    let lines: Vec<&str> = steps.lines().collect();
    // (A numbered step: "turn them back on one at a time" in a fix's introduction is how to
    // find the culprit, not a step left.)
    let numbered = |l: &str| {
        let l = l.trim_start();
        l.split_once('.')
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let from = lines
        .iter()
        .position(|l| numbered(l) && l.to_lowercase().contains("back on"))?;
    Some(lines[from..].join("\n"))
}
