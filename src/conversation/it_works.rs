//! A reply that it works: the fix on screen confirmed or recorded, a test's "works there",
//! or nothing credited when something else fixed it.

use super::Output;
use super::fix_named::names_an_action;
use super::fixes_told::take_up_the_fix_named;
use super::resume::ask_again;
use super::step_text::step_words;
use super::terms::Terms;
use super::typed::note_follow_up;
use super::walk::next_solution;
use crate::knowledge::Article;
use crate::reply::{Action, Reply, Style};
use crate::session::{Asked, Outcome, Session, Stage};
use crate::understand::{self, Intent, Understood};
use crate::words;

pub(super) fn fixed(
    session: &mut Session,
    article: &Article,
    text: &str,
    understood: &Understood,
    now: u64,
    out: &mut Output,
) {
    // "its working now but idk what fixed it", "restarted my pc and now it opens": it works,
    // and no fix shown is what did it (nothing is credited).
    // (At a test too: "my accountant fixed it" is no "it works there".)
    // ("it was my ad blocker, works now" names another fix of this article by one of its
    // names: that fix is what did it, asked about below.)
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && understand::fixed_by_something_else(text, &step_words(&article.solutions[open]))
        && super::fixes_told::another_fix_credited(session, article, open, text).is_none()
    {
        works_from_something_else(session, article, Some(text), out);
        return;
    }
    // "ok its back up now, thanks" at "Try from another network or device": the service
    // came back, which is no result of the test (it said "the trouble is on your side").
    if super::outcome::pending_test(session, article)
        && understand::says_the_service_is_back(text)
        && let Some(test) = session
            .current_step()
            .and_then(|s| article.solutions.get(s.solution))
        && understand::test_result(text, &super::tests_out_of_turn::test_names(test)).is_none()
    {
        works_from_something_else(session, article, Some(text), out);
        return;
    }
    // A test's result in words ("checked the status page, says all good") is news for staff.
    if super::outcome::pending_test(session, article) {
        note_follow_up(session, text);
    }
    take_up_the_fix_named(session, article, text, now);
    // At "which browser?" for a test: "it works in a private window" is its answer (it names
    // the test; a bare "it works there" names nothing the user was shown).
    if session.current_step().is_none()
        && matches!(session.stage, Stage::ChoosingBrowser { .. })
        && let Some(test) = article
            .solutions
            .get(session.next_solution)
            .filter(|s| s.test && names_the_step(article, s, text))
    {
        let index = session.next_solution;
        super::walk::record_step(
            session,
            article,
            index,
            session.browser,
            Outcome::WorksThere,
            now,
        );
        session.next_solution += 1;
        out.replies
            .push(Reply::new(words::works_there(&test.title)).article(&article.id));
        next_solution(session, article, now, out);
        return;
    }
    // A bare "ya" to "Which browser?" answers nothing: no fix was shown, so it is not one.
    if session.current_step().is_none()
        && matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understand::yes_or_no(text) == Some(true)
    {
        ask_again(session, article, now, out);
        return;
    }
    if session.current_step().is_none() {
        // Said while choosing a browser or after the last fix: nothing shown to credit.
        works_with_no_fix_credited(
            session,
            article,
            &words::glad_it_works_now(&article.title),
            out,
        );
        return;
    }
    // On a test nothing is recorded as a fix, so there is nothing to confirm.
    // "great thanks", "ok great" at a test says nothing of how the test went: asked again
    // (it was "works there", which tells staff the file opens on the server).
    if super::outcome::pending_test(session, article) && understand::only_pleased(text) {
        ask_again(session, article, now, out);
        return;
    }
    if understood.is_stated_fix() || super::outcome::pending_test(session, article) {
        // Recorded as the button would.
        super::outcome::record_fixed(session, article, now, out);
        return;
    }
    confirm_fix(session, article, out);
}

/// It works, and no fix shown is credited: the walk ends there, saying `said`.
/// It works, from something other than the steps shown ("my accountant fixed it", or the
/// button "It works, but something else fixed it"): said so, nothing credited, and the words
/// (when typed) kept for staff.
pub(super) fn works_from_something_else(
    session: &mut Session,
    article: &Article,
    typed: Option<&str>,
    out: &mut Output,
) {
    if let Some(text) = typed {
        note_follow_up(session, text);
    }
    let said = words::works_by_something_else(&article.title);
    works_with_no_fix_credited(session, article, &said, out);
}

pub(super) fn works_with_no_fix_credited(
    session: &mut Session,
    article: &Article,
    said: &str,
    out: &mut Output,
) {
    session.leave_pending();
    session.stage = Stage::Fixed {
        article: article.id.clone(),
    };
    out.replies.push(Reply::new(said).article(&article.id));
}

/// "It sounds like that worked. Shall I note ... as what fixed it?", with the answers; a bare
/// yes or no answers it.
pub(super) fn confirm_fix(session: &mut Session, article: &Article, out: &mut Output) {
    confirm_fix_led(session, article, "", out);
}

/// [`confirm_fix`] asked again after `lead` ("Sorry, I didn't catch that."), its choices in
/// the same places.
pub(super) fn confirm_fix_led(
    session: &mut Session,
    article: &Article,
    lead: &str,
    out: &mut Output,
) {
    let Some(step) = session.current_step() else {
        return;
    };
    let title = session
        .attempts
        .last()
        .map_or(article.title.clone(), |a| a.title.clone());
    session.asked = Some(Asked::ConfirmFix);
    let text = if lead.is_empty() {
        words::sounds_fixed(&title)
    } else {
        format!("{lead} {}", words::note_as_fixed(&title))
    };
    out.replies.push(
        Reply::new(text)
            .article(&article.id)
            .choice(Action::Fixed(step), words::FIXED_IT, Style::Success)
            .choice(Action::NotFixed(step), words::STILL_BROKEN, Style::Danger)
            .choice(
                Action::WorksAnyway(step),
                words::WORKS_ANYWAY,
                Style::Secondary,
            ),
    );
}

/// Whether `text` names `step` by its own words (its title or steps, beyond the article's
/// title): "it works in a private window" names "Try a private window"; "it works" does not.
/// At "Shall I note <fix> as what fixed it?": the reply says it works and that the user did
/// that fix, by its title's words ("ok i turned off the extensions and it loads now!!" at
/// "Turn off unneeded extensions"): a yes.
pub(super) fn says_it_was_this_fix(article: &Article, index: usize, text: &str) -> bool {
    let Some(step) = article.solutions.get(index) else {
        return false;
    };
    let said = understand::classify(text);
    said.intent == Some(Intent::Fixed)
        && !said.question
        && names_an_action(text)
        && Terms::said(text)
            .without(&Terms::of(&article.title))
            .shared_in_any_form(&Terms::of(&step.title))
            > 0
}

fn names_the_step(article: &Article, step: &crate::knowledge::Solution, text: &str) -> bool {
    let mut own = format!("{} {}", step.title, step.general);
    for v in &step.variants {
        own.push(' ');
        own.push_str(&v.steps);
    }
    Terms::said(text)
        .without(&Terms::of(&article.title))
        .shared_with(&Terms::of(&own))
        > 0
}
