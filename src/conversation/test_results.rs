//! Results of a walk's tests (`## Test:`): given up front in the description, said again
//! the other way, and the steps a result rules out.

use super::Output;
use super::typed;
use super::walk::{is_solution, next_solution, push_skipped, record_step, unseen_step};
use crate::knowledge::Article;
use crate::plain_words;
use crate::reply::Reply;
use crate::session::{Outcome, Session, Stage};
use crate::understand;
use crate::words;

/// Tests whose result the description already gives ("blank in chrome but works in
/// incognito"): recorded as answered, never asked, and where the test says to go on from
/// that result, the steps it rules out are skipped as if it had just been answered.
pub(super) fn tests_answered_up_front(
    session: &mut Session,
    article: &Article,
    now: u64,
    out: &mut Output,
) {
    let said = session.descriptions.join(".\n");
    let said = crate::plain_words::reading(&said);
    let mut skipped = Vec::new();
    for (index, test) in article.solutions.iter().enumerate() {
        if !test.test
            || test.also_called.is_empty()
            || session
                .attempts
                .iter()
                .any(|a| is_solution(a, article, index))
        {
            continue;
        }
        // The latest description first: "it works on my phone", then "now it's down on my
        // phone too" is down there now.
        let latest = session.descriptions.last().map_or("", String::as_str);
        // "wont load at all, tried clearing cache and incognito already": tried, with no
        // result of its own, in a description of the trouble; it failed there too.
        let tried_in_vain = || {
            (understand::test_tried_no_result(&said, &test.also_called)
                && understand::classify(&said).intent != Some(understand::Intent::Fixed))
            .then_some(false)
        };
        let Some(works) = understand::test_result(latest, &test.also_called)
            .or_else(|| understand::test_result(&said, &test.also_called))
            .or_else(tried_in_vain)
        else {
            continue;
        };
        let outcome = Outcome::of_test(works);
        record_step(session, article, index, session.browser, outcome, now);
        out.replies
            .push(Reply::new(words::test_result_noted(&test.title, works)).article(&article.id));
        go_where_the_result_leads(session, article, index, works, now, &mut skipped);
    }
    push_skipped(out, &skipped);
}

/// The steps test `index`'s result rules out (`go to: ...`) are skipped; their titles go to
/// `skipped` to be said, unless the result leaves the article (its steps go unnamed).
fn go_where_the_result_leads(
    session: &mut Session,
    article: &Article,
    index: usize,
    works: bool,
    now: u64,
    skipped: &mut Vec<String>,
) {
    let test = &article.solutions[index];
    let Some(target) = (if works { test.on_works } else { test.on_fails }) else {
        return;
    };
    let leaves = if works {
        test.leaves_on_works
    } else {
        test.leaves_on_fails
    };
    let mut unsaid = Vec::new();
    let said = if leaves { &mut unsaid } else { skipped };
    rule_out_up_to(session, article, index, target, now, said);
}

/// "ok so it works in chrome incognito on the phone" at "Which browser?" for a test: the
/// browser it names is set, and the test is answered by the words (recorded, what it rules out
/// skipped), then the walk goes on. Whether the reply was taken so.
pub(super) fn test_answered_at_which_browser(
    session: &mut Session,
    article: &Article,
    text: &str,
    browser: Option<crate::browser::Browser>,
    now: u64,
    out: &mut Output,
) -> bool {
    let index = session.next_solution;
    let Some(test) = article.solutions.get(index) else {
        return false;
    };
    if session.current_step().is_some()
        || !matches!(session.stage, Stage::ChoosingBrowser { .. })
        || !test.test
        || test.also_called.is_empty()
    {
        return false;
    }
    let Some(works) = understand::test_result(text, &test.also_called) else {
        return false;
    };
    typed::note_follow_up(session, text);
    if let Some(b) = browser {
        session.browser = Some(b);
        session.other_browser = false;
        session.safari_unsure = false;
    }
    record_step(
        session,
        article,
        index,
        session.browser,
        Outcome::of_test(works),
        now,
    );
    session.next_solution = index + 1;
    let said = if works {
        words::works_there(&test.title)
    } else {
        words::test_named_done(&test.title)
    };
    out.replies.push(Reply::new(said).article(&article.id));
    let mut skipped = Vec::new();
    go_where_the_result_leads(session, article, index, works, now, &mut skipped);
    push_skipped(out, &skipped);
    next_solution(session, article, now, out);
    true
}

/// "it works in incognito though" after the private-window test "fails there too": the test's
/// result said again, the other way. The new result replaces the old; the steps the old one
/// passed over come back and those the new one passes over go; at the end of the fixes the
/// walk goes on at the first step still to try. Whether the reply was taken so. (Tests that
/// leave the article are [`test_now_says_otherwise`]'s.)
///
/// [`test_now_says_otherwise`]: super::ruled_out::test_now_says_otherwise
pub(super) fn test_answered_again(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    // "it works in incognito now too, and in normal chrome": it works, full stop.
    const EVERYWHERE: &[&str] = &[
        "normal",
        "regular",
        "usual",
        "too",
        "also",
        "everywhere",
        "even",
    ];
    let everywhere = plain_words::has_any_word(text, EVERYWHERE);
    let pending = session.pending_attempt().map(|p| p.solution);
    let Some((at, index, works)) = session
        .attempts
        .iter()
        .enumerate()
        .rev()
        .find_map(|(at, a)| {
            let test = article
                .solutions
                .get(a.solution)
                .filter(|s| a.article == article.id && s.test && s.title == a.title)
                .filter(|s| !s.also_called.is_empty())?;
            let recorded = match a.outcome {
                Some(Outcome::WorksThere) => true,
                Some(Outcome::FailsThere) => false,
                _ => return None,
            };
            let said = understand::test_result(text, &test.also_called)?;
            (said != recorded && Some(a.solution) != pending).then_some((at, a.solution, said))
        })
    else {
        return false;
    };
    if works && everywhere {
        return false;
    }
    let test = &article.solutions[index];
    // "wait no, i was looking at the wrong tab. incognito is broken too" after "works in
    // incognito", where failing there leaves the article: the result is put right and the
    // article left, the fix on screen unanswered. (A result that had left the article is
    // read again with the description: `test_now_says_otherwise`.)
    let (leaves_now, left_before) = if works {
        (test.leaves_on_works, test.leaves_on_fails)
    } else {
        (test.leaves_on_fails, test.leaves_on_works)
    };
    if left_before {
        return false;
    }
    if leaves_now {
        typed::note_follow_up(session, text);
        session.attempts[at].outcome = Some(Outcome::of_test(works));
        session.leave_pending();
        let title = test.title.clone();
        super::ruled_out::leave_article(session, article, (&title, works), out);
        return true;
    }
    session.attempts[at].outcome = Some(Outcome::of_test(works));
    session.attempts.retain(|a| {
        !(a.article == article.id
            && a.outcome == Some(Outcome::RuledOutByTest)
            && a.solution > index)
    });
    let mut skipped = Vec::new();
    if let Some(target) = if works { test.on_works } else { test.on_fails } {
        rule_out_up_to(session, article, index, target, now, &mut skipped);
    }
    typed::note_follow_up(session, text);
    let lead = words::test_result_changed(&test.title, works);
    if matches!(session.stage, Stage::OutOfSolutions { .. })
        && let Some(back) = unseen_step(session, article)
    {
        out.replies.push(Reply::new(lead).article(&article.id));
        push_skipped(out, &skipped);
        session.next_solution = back;
        next_solution(session, article, now, out);
    } else {
        push_skipped(out, &skipped);
        typed::open_question(session, article, &lead, now, out);
    }
    true
}

/// Records solution `index` as skipped (nothing to show for the user's browser or device) and
/// moves past it, keeping `why` to tell the user.
/// A test just answered whose article says where to go next ("if it fails there too, go to:
/// Check the connection"): the steps in between are skipped, and the user is told why.
pub(super) fn follow_test(
    session: &mut Session,
    article: &Article,
    now: u64,
    skipped: &mut Vec<String>,
) {
    let Some(last) = session.attempts.last() else {
        return;
    };
    let Some(test) = article
        .solutions
        .get(last.solution)
        .filter(|s| s.test && last.article == article.id && s.title == last.title)
    else {
        return;
    };
    let target = match last.outcome {
        Some(Outcome::WorksThere) => test.on_works,
        Some(Outcome::FailsThere) => test.on_fails,
        _ => None,
    };
    let (Some(target), from) = (target, last.solution + 1) else {
        return;
    };
    if session.next_solution != from || target <= from {
        return;
    }
    rule_out_up_to(session, article, last.solution, target, now, skipped);
    session.next_solution = target;
}

/// The steps after test `test` and before `target` that are still to try (and no earlier
/// test pointed to) are ruled out by it, and the user is told which.
pub(super) fn rule_out_up_to(
    session: &mut Session,
    article: &Article,
    test: usize,
    target: usize,
    now: u64,
    skipped: &mut Vec<String>,
) {
    let passed: Vec<usize> = (test + 1..target)
        .filter(|&i| {
            !session.attempts.iter().any(|a| is_solution(a, article, i))
                && !pointed_to(session, article, i)
        })
        .collect();
    let browser = session.browser;
    for &i in &passed {
        record_step(session, article, i, browser, Outcome::RuledOutByTest, now);
    }
    if !passed.is_empty() {
        let titles: Vec<&str> = passed
            .iter()
            .map(|&i| article.solutions[i].title.as_str())
            .collect();
        skipped.push(words::skipped_by_test(
            &article.solutions[test].title,
            &titles,
        ));
    }
}

/// Whether step `index` is where another test already pointed: the step right after a test
/// that worked there and says nothing of where to go ("turned off the antivirus and it works":
/// allowing QuickBooks in the antivirus comes next). A later test's "go to" does not skip it.
fn pointed_to(session: &Session, article: &Article, index: usize) -> bool {
    index.checked_sub(1).is_some_and(|before| {
        article.solutions[before].test
            && article.solutions[before].on_works.is_none()
            && session
                .attempts
                .iter()
                .any(|a| is_solution(a, article, before) && a.outcome == Some(Outcome::WorksThere))
    })
}
