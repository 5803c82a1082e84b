//! The walk through an article's solutions: opening it, showing the next step the user's
//! browser and device have, skipping the others with why, and asking "did this fix it?".

use super::Output;
use super::fixes_told;
use super::other_problems::also_mentioned;
use super::out_of_fixes::out_of_solutions;
use super::ruled_out::{forget_stale_tests, leave_article, left_by_test};
use super::test_results::{follow_test, tests_answered_up_front};
use super::which_browser::{browsers_offered, which_browser_reply};
use super::wording::{
    desktop_menu, device_or_browser, for_the_device, has_steps, keyboard_only, needs_a_computer,
    on_a_phone_for_a_computer, safari_wording_differs, touch_in, worded_for,
};
use crate::browser::Browser;
use crate::knowledge::{Article, StepsFor};
use crate::reply::{Action, Reply, Style};
use crate::session::{Asked, Attempt, Outcome, Session, Stage, Step};
use crate::understand;
use crate::words;

/// Opens `article` at its first solution (the stage then holds it).
pub(super) fn start_article(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    start_article_at(session, article, 0, now, out)
}

/// Opens `article` at solution `first` (the one a description's error code points to; the
/// fixes before it are still offered before the walk runs out).
pub(super) fn start_article_at(
    session: &mut Session,
    article: &Article,
    first: usize,
    now: u64,
    out: &mut Output,
) {
    forget_stale_tests(session, article);
    // The other problem named, taken up now: the next one named waits in its place.
    session.also_named_later.retain(|o| o.id != article.id);
    if session
        .also_named
        .as_ref()
        .is_some_and(|o| o.id == article.id)
    {
        session.next_also_named(&article.id);
    }
    session.next_solution = first;
    // What the article was chosen from, for the ticket, whatever is said after.
    session.walked_matches = session.matches.clone();
    let mut reply = Reply::new(article.summary.clone())
        .title(article.title.clone())
        .article(&article.id);
    // Picked from "Is it one of these?": the bot was not sure, so its score is not called
    // confidence.
    // So is the other problem a first description named, looked at after a fix or at the end
    // of the fixes ("Look at: ...").
    let picked = matches!(
        session.stage,
        Stage::ChoosingArticle { .. } | Stage::Fixed { .. } | Stage::OutOfSolutions { .. }
    );
    if let Some(m) = session.matches.iter().find(|m| m.id == article.id) {
        let said = if picked {
            words::picked_by_you(m.score)
        } else {
            words::confident(m.score)
        };
        reply = reply.field(words::MATCH_FIELD, said);
    }
    // Picked from a list that a description naming several problems brought: the others
    // are said to be held.
    if matches!(session.stage, Stage::ChoosingArticle { .. })
        && let Some(value) = also_mentioned(session)
    {
        reply = reply.field(words::ALSO_MENTIONED, value);
    }
    if !article.causes.is_empty() {
        let causes: Vec<&str> = article.causes.iter().map(|c| c.name.as_str()).collect();
        reply = reply.field("Common causes", causes.join(" · "));
    }
    // "the quickbooks app on my iphone": the browser steps do not reach an app's screens.
    let per_browser = article.solutions.iter().any(|s| !s.variants.is_empty());
    if per_browser
        && session
            .descriptions
            .iter()
            .any(|d| crate::device::names_a_mobile_app(d))
    {
        reply = reply.field("App", words::STEPS_ARE_FOR_A_BROWSER);
    }
    // QuickBooks Desktop's steps for a user chatting from an iPhone: done on the computer.
    if on_a_phone_for_a_computer(session, article) {
        let on = device_or_browser(session.browser, session.device);
        reply = reply.field(
            "Device",
            words::steps_on_the_computer(on, understand::Product::Desktop.label()),
        );
    }
    // "payroll wont update in quickbooks online" at an article for QuickBooks Desktop: said at
    // once, not left for the user to find in the steps.
    if let Some(walked) = article.product.as_deref().and_then(understand::Product::of)
        && let Some(named) = session
            .descriptions
            .iter()
            .rev()
            // (A bare "desktop" only confirms the walked product: said at a QuickBooks Online
            // article it may be the computer.)
            .find_map(|d| {
                understand::product_named(d)
                    .or_else(|| understand::product_told(d).filter(|p| *p == walked))
            })
        && named != walked
    {
        reply = reply.field(
            "Product",
            words::steps_for_another_product(walked.label(), named.label()),
        );
    }
    if !article.checks.is_empty() {
        reply = reply.choice(Action::Check, words::CHECK_THE_SERVICE, Style::Secondary);
    }
    out.replies.push(reply);
    // "504 gateway timeout. was my transaction saved?": the question the description asks, if
    // the article's FAQ answers it, beside the article (only for the first one opened).
    if session.attempts.is_empty()
        && let Some(faq) = session
            .descriptions
            .last()
            .and_then(|d| super::faq::faq_asked_up_front(article, d))
    {
        out.replies.push(super::faq::faq_reply(faq, article));
    }
    let tried_before = said_not_fixed(session, article, first);
    fixes_told::fixes_tried_up_front(session, article, now, out);
    tests_answered_up_front(session, article, now, out);
    // (A fix the code points to that was tried without luck is not where the walk starts: one
    // tried in an earlier conversation is said so; one the description says was tried is in
    // the "Noted: you already tried ..." just said.)
    if let Some(fix) = article.solutions.get(first).filter(|_| first > 0) {
        let said = if tried_before {
            Some(words::code_points_to_tried(first + 1, &fix.title))
        } else {
            (!said_not_fixed(session, article, first))
                .then(|| words::code_points_to(first + 1, &fix.title))
        };
        if let Some(said) = said {
            out.replies.push(Reply::new(said).article(&article.id));
        }
    }
    next_solution(session, article, now, out);
}

/// Whether the user said solution `index` of `article` did not work (or that they could not
/// do it), in this conversation.
pub(super) fn said_not_fixed(session: &Session, article: &Article, index: usize) -> bool {
    session
        .attempts
        .iter()
        .any(|a| is_solution(a, article, index) && a.outcome.is_some_and(Outcome::ruled_out))
}

/// Whether attempt `a` was of solution `index` of `article` as it is now (same title: an
/// edit of the article may have put another solution at that place).
pub(super) fn is_solution(a: &Attempt, article: &Article, index: usize) -> bool {
    a.article == article.id
        && a.solution == index
        && article
            .solutions
            .get(index)
            .is_some_and(|s| s.title == a.title)
}

/// Shows the next solution that has something for the user's browser, asking for the browser
/// first when needed; offers a human when solutions run out.
pub(super) fn next_solution(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    walk_on(session, article, now, out, true);
}

/// [`next_solution`]; `may_go_back` lets it go back once to a step not yet shown (a second
/// time could loop: a test's "go to" may jump past the step again).
fn walk_on(
    session: &mut Session,
    article: &Article,
    now: u64,
    out: &mut Output,
    may_go_back: bool,
) {
    let total = article.solutions.len();
    let mut skipped = Vec::new();
    follow_test(session, article, now, &mut skipped);
    while session.next_solution < total {
        let index = session.next_solution;
        // A fix the user already said did not work is never shown again in this conversation.
        if said_not_fixed(session, article, index) {
            session.next_solution += 1;
            continue;
        }
        let solution = &article.solutions[index];
        let browser = session.browser;
        let touch = touch_in(session, article);
        // Skips this step, saying `why`, and goes on with the next.
        macro_rules! skip {
            ($for:expr, $why:expr) => {{
                skip_solution(
                    session,
                    article,
                    index,
                    (browser, $for),
                    now,
                    &mut skipped,
                    $why,
                );
                continue;
            }};
        }
        let steps = match solution.steps_for(browser) {
            StepsFor::NeedBrowser if session.other_browser => StepsFor::NoVariant,
            // "Safari", not which: steps that read differently on a Mac and on an iPhone (a
            // keyboard shortcut) wait for the answer rather than show the desktop wording.
            StepsFor::General if session.safari_unsure && safari_wording_differs(solution) => {
                StepsFor::NeedBrowser
            }
            s => s,
        };
        // "safari" at a step for other browsers only ("Allow Active Scripting in Internet
        // Explorer"): neither Safari has steps there, so which one does not matter; skipped
        // (it asked "a Mac or an iPhone?" for it).
        if session.safari_unsure
            && matches!(steps, StepsFor::NeedBrowser)
            && !has_steps(&solution.general)
            && [Browser::SafariMac, Browser::SafariIos]
                .iter()
                .all(|b| matches!(solution.steps_for(Some(*b)), StepsFor::NoVariant))
        {
            let names: Vec<&str> = solution.browsers().iter().map(|b| b.label()).collect();
            let why =
                words::skipped_solution(index + 1, &solution.title, &names.join(", "), "Safari");
            skip!(SkipFor::Browser, why);
        }
        // "Allow Active Scripting in Internet Explorer" for someone on an Android phone: no
        // browser it has steps for runs on the device the user named, so which browser they
        // use does not matter (it asked "Which browser?" without Internet Explorer in it).
        if matches!(steps, StepsFor::NeedBrowser)
            && !has_steps(&solution.general)
            && let Some(device) = session.device
            && !solution.browsers().is_empty()
            && !solution.browsers().iter().any(|b| device.runs(*b))
        {
            let names: Vec<&str> = solution.browsers().iter().map(|b| b.label()).collect();
            let why = words::skipped_solution(
                index + 1,
                &solution.title,
                &names.join(", "),
                device.label(),
            );
            skip!(SkipFor::Browser, why);
        }
        // "Open File Explorer and go to C:\...": no use on a phone or tablet, whose user is
        // told so rather than walked through it.
        if touch
            && matches!(steps, StepsFor::General | StepsFor::NoVariant)
            && needs_a_computer(&solution.general)
        {
            let on = device_or_browser(browser, session.device);
            let why = words::skipped_needs_computer(index + 1, &solution.title, on);
            skip!(SkipFor::Touch, why);
        }
        let heading = if solution.test {
            words::test_heading(index + 1, total, &solution.title)
        } else {
            words::solution_heading(index + 1, total, &solution.title)
        };
        let body = match steps {
            StepsFor::NeedBrowser => {
                session.stage = Stage::ChoosingBrowser {
                    article: article.id.clone(),
                };
                // Which Safari is asked with both: either is an answer, with or without
                // steps of its own.
                let (text, offered) = if session.safari_unsure {
                    let safaris = vec![Browser::SafariMac, Browser::SafariIos];
                    (words::which_safari(&solution.title), safaris)
                } else {
                    let offered = browsers_offered(session, article);
                    // A step for one browser only ("Allow Active Scripting in Internet
                    // Explorer") says so: most users can tell at once it is not theirs.
                    let text = match solution.variants.as_slice() {
                        [only] if !has_steps(&solution.general) => {
                            words::which_browser_only(&solution.title, only.browser.label())
                        }
                        _ => words::which_browser(&solution.title),
                    };
                    (text, offered)
                };
                push_skipped(out, &skipped);
                out.replies
                    .push(which_browser_reply(article, text, &offered));
                return;
            }
            StepsFor::General => {
                let general = for_the_device(worded_for(&solution.general, touch), session.device);
                if has_steps(&solution.general) && !has_steps(&general) {
                    let why = keyboard_only(index, solution, browser, session.device);
                    skip!(SkipFor::Touch, why);
                }
                general
            }
            // Chrome's extensions menu or task manager on an Android phone: there is none.
            // Steps written for a desktop browser's menu are skipped on a phone or tablet,
            // saying why.
            StepsFor::Browser(v) if touch && let Some(menu) = desktop_menu(v.browser, &v.steps) => {
                let why = words::skipped_desktop_menu(
                    index + 1,
                    &solution.title,
                    v.browser.label(),
                    menu,
                );
                skip!(SkipFor::Touch, why);
            }
            StepsFor::Browser(v) => {
                let worded = for_the_device(worded_for(&v.steps, touch), session.device);
                if has_steps(&v.steps) && !has_steps(&worded) {
                    let why = keyboard_only(index, solution, browser, session.device);
                    skip!(SkipFor::Touch, why);
                }
                let steps = words::steps_for(v.browser.label(), &worded);
                let general = for_the_device(worded_for(&solution.general, touch), session.device);
                if general.is_empty() {
                    steps
                } else {
                    format!("{general}\n\n{steps}")
                }
            }
            StepsFor::NoVariant => {
                let has = solution.browsers();
                let names: Vec<&str> = has.iter().map(|b| b.label()).collect();
                let yours = browser.map(|b| b.label()).unwrap_or("your browser");
                let general = for_the_device(worded_for(&solution.general, touch), session.device);
                if has_steps(&solution.general) && !has_steps(&general) {
                    let why = keyboard_only(index, solution, browser, session.device);
                    skip!(SkipFor::Touch, why);
                } else if has_steps(&general) {
                    words::general_steps_instead(yours, &names.join(", "), &general)
                } else {
                    // "Other" (Brave, or not known): which browsers have steps, and how to get them.
                    let why = match browser {
                        Some(_) => words::skipped_solution(
                            index + 1,
                            &solution.title,
                            &names.join(", "),
                            yours,
                        ),
                        None => words::skipped_browser_unknown(
                            index + 1,
                            &solution.title,
                            &names.join(", "),
                        ),
                    };
                    skip!(SkipFor::Browser, why);
                }
            }
        };
        session.next_solution += 1;
        session.attempts.push(Attempt {
            article: article.id.clone(),
            solution: index,
            title: solution.title.clone(),
            browser,
            outcome: None,
            at: now,
            skipped_on_touch: false,
            test: solution.test,
            content: solution.fingerprint(),
            said: Vec::new(),
            came_back: false,
        });
        session.stage = Stage::AwaitingFeedback {
            article: article.id.clone(),
        };
        push_skipped(out, &skipped);
        // The attempt just pushed is pending.
        let step = session.current_step().unwrap_or(Step::UNKNOWN);
        let question = if solution.test {
            words::DOES_IT_WORK_THERE
        } else {
            words::DID_THIS_FIX_IT
        };
        let reply = Reply::new(format!("{body}\n\n{question}")).title(heading);
        out.replies.push(with_answers(reply, article, step));
        return;
    }
    // "It works from my phone" at the outage article's test: not an outage, so not "out of
    // fixes" but "what do you see, then?" (the steps it skips need no saying).
    if let Some((test, works_there)) = left_by_test(session, article) {
        leave_article(session, article, (&test, works_there), out);
        return;
    }
    push_skipped(out, &skipped);
    // A detail may have jumped ahead: a fix never shown in this walk comes before "out of
    // fixes". (Once per call: see `walk_on`'s `may_go_back`.)
    if may_go_back && let Some(unseen) = unseen_step(session, article) {
        session.next_solution = unseen;
        walk_on(session, article, now, out, false);
        return;
    }
    session.stage = Stage::OutOfSolutions {
        article: article.id.clone(),
    };
    out.replies.push(out_of_solutions(session, article));
    // "A person can take it from here": a bare "yes" takes the offer, never "it works".
    session.asked = Some(Asked::Human);
}

/// The first step of `article` this walk has not shown for the user's browser and device:
/// never shown, or skipped for want of steps for another browser (which has them now), or
/// skipped on a phone or tablet the user has since left for a computer. A step skipped for
/// this very browser and device stays skipped.
pub(super) fn unseen_step(session: &Session, article: &Article) -> Option<usize> {
    let on_a_computer = !touch_in(session, article);
    let seen = |i: usize| {
        let has_steps_now = matches!(
            article.solutions[i].steps_for(session.browser),
            StepsFor::Browser(_)
        );
        session.attempts.iter().any(|a| {
            is_solution(a, article, i)
                && !(a.outcome == Some(Outcome::Skipped)
                    && ((has_steps_now && a.browser != session.browser)
                        || (a.skipped_on_touch && on_a_computer)))
        })
    };
    (0..article.solutions.len()).find(|&i| !seen(i))
}

/// `reply` as the question of `article`'s open `step`, with the answers to "did this fix it?"
/// (and the live check when the article has one).
pub(super) fn with_answers(reply: Reply, article: &Article, step: Step) -> Reply {
    let (worked, failed) = answer_labels(article, step);
    let mut reply = reply
        .article(&article.id)
        .choice(Action::Fixed(step), worked, Style::Success)
        .choice(Action::NotFixed(step), failed, Style::Danger)
        .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary);
    if !article.checks.is_empty() {
        reply = reply.choice(Action::Check, words::CHECK_THE_SERVICE, Style::Secondary);
    }
    reply
}

/// The labels of the two answers to `step`: "Fixed it" / "Still broken" for a fix, "It works
/// there" / "Fails there too" for a test.
fn answer_labels(article: &Article, step: Step) -> (&'static str, &'static str) {
    if article.solutions.get(step.solution).is_some_and(|s| s.test) {
        (words::WORKS_THERE, words::FAILS_THERE_TOO)
    } else {
        (words::FIXED_IT, words::STILL_BROKEN)
    }
}

/// Why a step is skipped: no steps for the user's browser, or the user's phone or tablet.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SkipFor {
    Browser,
    Touch,
}

fn skip_solution(
    session: &mut Session,
    article: &Article,
    index: usize,
    (browser, skip_for): (Option<Browser>, SkipFor),
    now: u64,
    skipped: &mut Vec<String>,
    why: String,
) {
    record_step(session, article, index, browser, Outcome::Skipped, now);
    if let Some(attempt) = session.attempts.last_mut() {
        attempt.skipped_on_touch = skip_for == SkipFor::Touch;
    }
    skipped.push(why);
    session.next_solution += 1;
}

/// Records step `index` of `article` as already answered with `outcome`, never shown open.
pub(super) fn record_step(
    session: &mut Session,
    article: &Article,
    index: usize,
    browser: Option<Browser>,
    outcome: Outcome,
    now: u64,
) {
    session.attempts.push(Attempt {
        article: article.id.clone(),
        solution: index,
        title: article.solutions[index].title.clone(),
        browser,
        outcome: Some(outcome),
        at: now,
        skipped_on_touch: false,
        test: article.solutions[index].test,
        content: article.solutions[index].fingerprint(),
        said: Vec::new(),
        came_back: false,
    });
}

pub(super) fn push_skipped(out: &mut Output, skipped: &[String]) {
    if !skipped.is_empty() {
        out.replies.push(Reply::new(skipped.join("\n")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_whose_steps_all_need_a_keyboard_is_skipped_on_a_phone_saying_why() {
        let text = "+++\ntitle = \"Zoom\"\nsymptoms = [\"the page is tiny\"]\n+++\nS\n\
                    ## Solution: Reset zoom\n1. Press Ctrl+0.\n\n\
                    ## Solution: Restart\n1. Close the app and open it again.\n";
        let article = crate::knowledge::article::parse("z.md", "zoom", text).unwrap();
        let user = crate::session::UserRef {
            id: "u".into(),
            name: "u".into(),
            channel: "c".into(),
        };
        let mut session = Session::new(user, 0);
        session.browser = Some(Browser::SafariIos);
        let mut out = Output::default();
        start_article(&mut session, &article, 0, &mut out);
        let text: Vec<&str> = out.replies.iter().map(|r| r.text.as_str()).collect();
        assert!(
            text.iter()
                .any(|t| t
                    .starts_with("Skipped solution 1 (**Reset zoom**): its steps need a keyboard")),
            "{text:?}"
        );
        assert_eq!(session.attempts[0].outcome, Some(Outcome::Skipped));
        assert_eq!(session.current_step().map(|s| s.solution), Some(1));
    }
}
