//! A test's result said at another step: an earlier test the user could not do then, or one
//! still to come ("it worked in incognito" at a fix); and the names a test goes by.

use super::Output;
use super::terms::Terms;
use super::typed::{note_follow_up, open_question};
use super::walk::next_solution;
use crate::knowledge::Article;
use crate::reply::Reply;
use crate::session::{Outcome, Session};
use crate::understand::{self, Intent};
use crate::words;

/// What a reply at test `test` may call it: its other names, and "there" ("blank there too").
/// The result, said now, of a test of `article` the user could not do or skipped when it was
/// shown ("tried my hotspot, it works fine there" after "i cant turn off the vpn"), when the
/// words name that test and not the open one. Recorded for that test: when it works there and
/// its article says where to go from there, the walk goes there (the open test unanswered);
/// otherwise the open test stays the question. Whether such a result was said.
pub(super) fn earlier_test_answered(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    let open_step = &article.solutions[open];
    if open_step.test && understand::test_result(text, &open_step.also_called).is_some() {
        return false;
    }
    let not_done = |j: usize| {
        session.attempts.iter().any(|a| {
            super::walk::is_solution(a, article, j)
                && matches!(
                    a.outcome,
                    Some(Outcome::CouldNotTry | Outcome::SkippedByUser | Outcome::NotForThem)
                )
        })
    };
    let Some((earlier, works)) = (0..article.solutions.len())
        .filter(|&j| j != open && article.solutions[j].test && not_done(j))
        .find_map(|j| {
            understand::test_result(text, &article.solutions[j].also_called).map(|w| (j, w))
        })
    else {
        return false;
    };
    note_follow_up(session, text);
    let test = &article.solutions[earlier];
    let outcome = Outcome::of_test(works);
    super::walk::record_step(session, article, earlier, session.browser, outcome, now);
    out.replies
        .push(Reply::new(words::earlier_test_result(&test.title, works)).article(&article.id));
    match test.on_works.filter(|&target| works && target > open) {
        Some(target) => {
            session.leave_pending();
            let mut skipped = Vec::new();
            super::test_results::rule_out_up_to(
                session,
                article,
                earlier,
                target,
                now,
                &mut skipped,
            );
            super::walk::push_skipped(out, &skipped);
            session.next_solution = target;
            next_solution(session, article, now, out);
        }
        None => open_question(session, article, "", now, out),
    }
    true
}

/// "It works but only in incognito", said at a fix: it works in a test of `article` still to
/// come, and nowhere else, so the fix on screen did not help. Both are recorded, and the walk
/// goes where the test's result leads. Whether such a thing was said.
pub(super) fn works_only_in_a_later_test(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    // Words only, one space apart: "only in incognito." and "only in incognito, weird" name it.
    let spaced = |text: &str| crate::plain_words::lowercase_words(text).join(" ");
    let lower = format!(" {} ", spaced(text));
    let only_in = |name: &str| {
        let name = spaced(name);
        [
            "only in",
            "only on",
            "only with",
            "only from",
            "only works in",
            "just in",
        ]
        .iter()
        .any(|only| {
            lower.contains(&format!(" {only} {name} "))
                || lower.contains(&format!(" {only} a {name} "))
                || lower.contains(&format!(" {only} an {name} "))
        })
    };
    let Some(index) = article
        .solutions
        .iter()
        .enumerate()
        .filter(|(j, s)| {
            *j > open
                && s.test
                && !session
                    .attempts
                    .iter()
                    .any(|a| super::walk::is_solution(a, article, *j))
        })
        .find(|(_, s)| s.also_called.iter().any(|n| only_in(n)))
        .map(|(j, _)| j)
    else {
        return false;
    };
    note_follow_up(session, text);
    super::outcome::fail_pending(session, article, now);
    let test = &article.solutions[index];
    super::walk::record_step(
        session,
        article,
        index,
        session.browser,
        Outcome::WorksThere,
        now,
    );
    out.replies
        .push(Reply::new(words::works_only_in_test(&test.title)).article(&article.id));
    let mut skipped = Vec::new();
    if let Some(target) = test.on_works {
        super::test_results::rule_out_up_to(session, article, index, target, now, &mut skipped);
        session.next_solution = target;
    }
    super::walk::push_skipped(out, &skipped);
    next_solution(session, article, now, out);
    true
}

/// The result, said at a fix or at another test, of a test of `article` not shown yet ("it
/// worked in incognito"; "turned off norton and it works" at the VPN test), by the test's
/// other names: recorded for that test (where it leads ruling out the steps in
/// between), and the open fix asked about again. Whether such a result was said.
pub(super) fn later_test_answered(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    // "reload didnt help and it worked in incognito", "still broken, incognito is disabled":
    // the open fix's own answer is there too, and is read as usual. (At a test not named,
    // "turned off norton and it works" is all the later test's.)
    if !article.solutions[open].test && answers_the_fix_too(article, text, false) {
        return false;
    }
    let Some((index, works)) = article
        .solutions
        .iter()
        .enumerate()
        .filter(|(j, s)| {
            *j > open
                && s.test
                && !s.also_called.is_empty()
                && !session
                    .attempts
                    .iter()
                    .any(|a| super::walk::is_solution(a, article, *j))
        })
        .find_map(|(j, s)| understand::test_result(text, &s.also_called).map(|w| (j, w)))
    else {
        return false;
    };
    note_follow_up(session, text);
    let test = &article.solutions[index];
    let outcome = Outcome::of_test(works);
    // Recorded before the open fix, which stays pending (the last attempt): asked again below
    // with its step's new number.
    let pending = session.attempts.pop();
    super::walk::record_step(session, article, index, session.browser, outcome, now);
    out.replies
        .push(Reply::new(words::test_result_noted(&test.title, works)).article(&article.id));
    let target = if works { test.on_works } else { test.on_fails };
    if let Some(target) = target {
        let mut skipped = Vec::new();
        super::test_results::rule_out_up_to(session, article, index, target, now, &mut skipped);
        super::walk::push_skipped(out, &skipped);
    }
    session.attempts.extend(pending);
    // At a test, where the later one leads (or the step after it) is where the walk goes,
    // the open test unanswered, as an earlier test's result does.
    let after_it = Some(index + 1).filter(|&next| next < article.solutions.len());
    if let Some(target) = target
        .or(after_it)
        .filter(|&t| article.solutions[open].test && t > open)
    {
        session.leave_pending();
        session.next_solution = target;
        next_solution(session, article, now, out);
        return true;
    }
    open_question(session, article, "", now, out);
    true
}

/// Whether a reply that names a test's place also answers the fix on screen in another
/// clause ("reload didnt help and it worked in incognito"); with `there_is_the_place`, a
/// clause saying "there" speaks of the place ("i tried my hotspot and it works there").
fn answers_the_fix_too(article: &Article, text: &str, there_is_the_place: bool) -> bool {
    let names_a_test = |clause: &str| {
        let lower = clause.to_lowercase();
        article
            .solutions
            .iter()
            .filter(|s| s.test)
            .flat_map(|s| &s.also_called)
            .any(|n| lower.contains(&n.to_lowercase()))
    };
    crate::plain_words::clauses(text, &["and", "but"])
        .into_iter()
        .filter(|c| !names_a_test(c))
        .filter(|c| !(there_is_the_place && crate::plain_words::has_any_word(c, &["there"])))
        .any(|c| {
            matches!(
                understand::classify(c).intent,
                Some(Intent::Fixed | Intent::NotFixed)
            )
        })
}

/// The result, said again at a later fix, of a test of `article` already answered the same
/// way ("we dont have a VPN. I tried on my phone hotspot and it works there" at "Ask IT to
/// allow Intuit through the proxy", after "at home it works"): known, and no answer to the
/// fix, which stays the question (it was read as "that worked"). Whether it was said.
pub(super) fn earlier_result_again(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    // ("it works at the office now like at home", "now it works on the office wifi as well
    // as at home": the usual setup works now too, which answers the fix.)
    // ("it works at my desk now just like at home": now here too.)
    const THE_USUAL_PLACE: &[&str] = &[
        "office",
        "here",
        "usual",
        "normally",
        "desk",
        "workstation",
        "shop",
    ];
    // ("like I said, it works on the hotspot now", "it works on my hotspot now too, like
    // earlier": the test's place again.)
    const NOW: &[&str] = &["now", "finally"];
    const AS_THERE: &[&str] = &["like at", "as at", "just like", "same as at"];
    let lower = crate::plain_words::lowercase_words(text).join(" ");
    let now_here_too = crate::plain_words::has_any_word(text, NOW)
        && AS_THERE
            .iter()
            .any(|p| format!(" {lower} ").contains(&format!(" {p} ")));
    if article.solutions[open].test
        || answers_the_fix_too(article, text, true)
        || understand::about_the_usual_setup(text)
        || crate::plain_words::has_any_word(text, THE_USUAL_PLACE)
        || now_here_too
    {
        return false;
    }
    let Some(test) = article.solutions.iter().enumerate().find_map(|(j, s)| {
        let known = session
            .attempts
            .iter()
            .rev()
            .find(|a| super::walk::is_solution(a, article, j))
            .and_then(|a| a.outcome)?;
        let said = understand::test_result(text, &s.also_called)?;
        (s.test && j != open && known == Outcome::of_test(said)).then_some((s, said))
    }) else {
        return false;
    };
    note_follow_up(session, text);
    out.replies
        .push(Reply::new(words::test_result_again(&test.0.title, test.1)).article(&article.id));
    open_question(session, article, "", now, out);
    true
}

/// What names a test's place: its other names, and the words of its title that the
/// article's title does not have ("server" of "Open the file on the server": "tried it at the
/// server itself, still H202" did the test).
pub(super) fn place_names(article: &Article, test: &crate::knowledge::Solution) -> Vec<String> {
    let of_the_article = Terms::of(&article.title);
    let mut names = test.also_called.clone();
    names.extend(Terms::of(&test.title).without(&of_the_article).words);
    names
}

pub(super) fn test_names(test: &crate::knowledge::Solution) -> Vec<String> {
    let mut names = test.also_called.clone();
    names.push("there".to_string());
    names
}
