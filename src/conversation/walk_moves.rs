//! Moves through the fixes asked for in words ("skip", "repeat", "go back", "done"), and a
//! fix passed over untried.

use super::Output;
use super::resume::ask_again;
use super::typed::open_question;
use super::walk::next_solution;
use crate::knowledge::Article;
use crate::reply::Reply;
use crate::session::{Outcome, Session, Stage};
use crate::understand::WalkMove;
use crate::words;

/// A move through the fixes asked for in words, while a fix is open.
pub(super) fn move_through_fixes(
    session: &mut Session,
    article: &Article,
    walk_move: WalkMove,
    now: u64,
    out: &mut Output,
) {
    match walk_move {
        // Passed over untried: not counted as failed, and not shown again unasked.
        WalkMove::Skip => pass_over(
            session,
            article,
            (Outcome::SkippedByUser, words::skipped_at_your_word),
            now,
            out,
        ),
        WalkMove::Repeat => ask_again(session, article, now, out),
        // At the end of the fixes, the last one skipped is taken up.
        WalkMove::Back if session.pending_attempt().is_none() => {
            if let Some(index) = skipped_by_user(session, article) {
                take_up_again(session, article, index, now, out);
            }
        }
        // The fix before this one: taken up when it was skipped, else shown on the side with
        // the question still on the fix on screen (a failed fix is not asked about again).
        // The fix before this one (or the first shown): taken up when it was skipped, else
        // shown on the side with the question still on the fix on screen (a failed fix is not
        // asked about again).
        WalkMove::Back | WalkMove::First => {
            // The latest showing of the fix shown last before the open one (not the open
            // fix itself, shown earlier and skipped); of the first, its earliest.
            let open = session.current_step().map(|s| s.solution);
            let mut shown = session
                .attempts
                .iter()
                .filter(|a| a.article == article.id && Some(a.solution) != open)
                .filter(|a| a.outcome.is_some_and(|o| !o.not_shown()));
            let before = if walk_move == WalkMove::First {
                shown.next()
            } else {
                shown.next_back()
            };
            match before.map(|a| (a.solution, a.outcome)) {
                Some((index, Some(Outcome::SkippedByUser))) if index < article.solutions.len() => {
                    session.withdraw_pending();
                    take_up_again(session, article, index, now, out);
                }
                Some((index, outcome)) if index < article.solutions.len() => {
                    let open_title = session
                        .attempts
                        .last()
                        .map_or(String::new(), |a| a.title.clone());
                    let lead = words::shown_before(
                        &article.solutions[index].title,
                        what_you_said(outcome),
                        &open_title,
                    );
                    let steps = super::wording::steps_on_the_side(session, article, index);
                    out.replies.push(Reply::new(lead).article(&article.id));
                    out.replies.push(steps.aside());
                    open_question(session, article, "", now, out);
                }
                _ => open_question(session, article, words::NOTHING_BEFORE, now, out),
            }
        }
        WalkMove::Done => open_question(session, article, words::DONE_BUT_DID_IT_HELP, now, out),
    }
}

/// The latest fix of `article` the user skipped and that was not shown again since.
pub(super) fn skipped_by_user(session: &Session, article: &Article) -> Option<usize> {
    still_skipped(session, article).next()
}

/// The fixes of `article` the user skipped and has not taken up since, latest first.
fn still_skipped<'a>(
    session: &'a Session,
    article: &'a Article,
) -> impl Iterator<Item = usize> + 'a {
    let attempts = &session.attempts;
    attempts
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, a)| a.article == article.id && a.outcome == Some(Outcome::SkippedByUser))
        .filter(|(at, a)| {
            !attempts[at + 1..]
                .iter()
                .any(|b| b.article == article.id && b.solution == a.solution)
        })
        .map(|(_, a)| a.solution)
        .filter(|&s| s < article.solutions.len())
}

/// The titles of the fixes the user skipped and has not taken up since, in the article's
/// order: "go back" shows them.
pub(super) fn skipped_titles(session: &Session, article: &Article) -> Vec<String> {
    let mut skipped: Vec<usize> = still_skipped(session, article).collect();
    skipped.sort_unstable();
    skipped.dedup();
    skipped
        .into_iter()
        .map(|s| article.solutions[s].title.clone())
        .collect()
}

/// Shows fix `index` again, open, after the user skipped it; the walk goes on from there.
fn take_up_again(
    session: &mut Session,
    article: &Article,
    index: usize,
    now: u64,
    out: &mut Output,
) {
    out.replies
        .push(Reply::new(words::back_to(&article.solutions[index].title)).article(&article.id));
    session.next_solution = index;
    next_solution(session, article, now, out);
}

/// What the user said about a step, in their terms, for "go back".
fn what_you_said(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Fixed) => "it fixed it",
        Some(Outcome::NotFixed) => "it didn't fix it",
        Some(Outcome::SkippedByUser) => "you skipped it",
        Some(Outcome::CouldNotTry) => "you couldn't try it",
        Some(Outcome::NotForThem) => "it doesn't apply to you",
        Some(Outcome::WorksThere) => "it works there",
        Some(Outcome::FailsThere) => "it fails there too",
        Some(Outcome::Skipped | Outcome::RuledOutByTest | Outcome::NoAnswer) | None => {
            "nothing yet"
        }
    }
}

/// The open fix could not be done: recorded as such (not as failed), and on to the next.
pub(super) fn could_not_try(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    pass_over(
        session,
        article,
        (Outcome::CouldNotTry, words::could_not_try),
        now,
        out,
    );
}

/// The open fix does not apply to the user ("i dont use the app"): passed over untried (as a
/// "skip" is), and on to the next.
pub(super) fn not_for_the_user(
    session: &mut Session,
    article: &Article,
    now: u64,
    out: &mut Output,
) {
    pass_over(
        session,
        article,
        (Outcome::NotForThem, words::not_for_you),
        now,
        out,
    );
}

/// The user would rather not do the open fix ("i dont want to get logged out"): passed over
/// untried, as a "skip" is, and on to the next.
pub(super) fn rather_not(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    pass_over(
        session,
        article,
        (Outcome::SkippedByUser, words::rather_not),
        now,
        out,
    );
}

/// The open fix is done with untried, recorded as `outcome` (not as failed), the user told
/// so in the words `told` makes of its title, and on to the next.
fn pass_over(
    session: &mut Session,
    article: &Article,
    (outcome, told): (Outcome, fn(&str) -> String),
    now: u64,
    out: &mut Output,
) {
    let Some(p) = session.pending_attempt() else {
        next_solution(session, article, now, out);
        return;
    };
    p.outcome = Some(outcome);
    p.at = now;
    let fix = p.title.clone();
    let at = out.replies.len();
    out.replies
        .push(Reply::new(told(&fix)).article(&article.id));
    next_solution(session, article, now, out);
    // "Let's try the next one" only when there is one (not before "Out of fixes").
    // (Not before "Out of fixes", nor when a test's result leaves the article.)
    if matches!(
        session.stage,
        Stage::AwaitingFeedback { .. } | Stage::ChoosingBrowser { .. }
    ) && let Some(reply) = out.replies.get_mut(at)
    {
        reply.text = format!("{} {}", reply.text, words::ON_TO_THE_NEXT);
    }
}
