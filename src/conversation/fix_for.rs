//! The fix a reply's details point to: the one whose title and steps share most with the
//! words, an error code's meaning, a quoted message, a cause told in the user's words.

use super::codes::{drop_title_codes, quoted_messages, with_what_codes_mean};
use super::step_text::steps_text;
use super::terms::Terms;
use crate::knowledge::{Article, Cause};
use crate::session::{Outcome, Session};

/// The untried fix of `article` a detail points to ("it says error 103 now" -> the fix that
/// names error 103): the one sharing the most of its codes and words, if it shares clearly
/// more than the fix open now. Fixes already marked not fixed are never picked.
pub(super) fn fix_for_detail(
    session: &Session,
    article: &Article,
    text: &str,
    answered: Option<usize>,
) -> Option<usize> {
    // ("i get a captcha every time": no word of the clock's time.)
    let text = &super::terms::without_time_idioms(text);
    let mut said = Terms::of(&with_the_cause_it_names(
        article,
        &with_what_codes_mean(article, text),
    ));
    // The code in the article's title is the problem itself: "still 502" points nowhere.
    drop_title_codes(article, &mut said.codes);
    // Words of the step just answered tell of that step ("the update button worked but no
    // new transactions" at "Update the bank feed manually"), not of another.
    if let Some(last) = answered.and_then(|i| article.solutions.get(i)) {
        said.words = said
            .words
            .difference(&Terms::of(&last.title).words)
            .cloned()
            .collect();
    }
    if said.is_empty() {
        return None;
    }
    let open = session
        .attempts
        .last()
        .filter(|a| a.article == article.id && a.outcome.is_none())
        .map(|a| a.solution);
    let tried = |i: usize| {
        session.attempts.iter().any(|a| {
            super::walk::is_solution(a, article, i) && a.outcome.is_some_and(Outcome::ruled_out)
        })
    };
    // A fix with no steps for the user's browser or device ("Allow Active Scripting in Internet
    // Explorer" to a Safari user) is not one to go to.
    let not_for_them = |i: usize| {
        matches!(
            article.solutions[i].steps_for(session.browser),
            crate::knowledge::StepsFor::NoVariant
        ) || session
            .attempts
            .iter()
            .any(|a| super::walk::is_solution(a, article, i) && a.skipped_on_touch)
    };
    // A message of the article's quoted ("still says cookies are disabled") speaks for the fix
    // whose title shares its words ("Turn on cookies").
    let quoted = quoted_messages(article, text);
    let score = |i: usize| {
        let title = Terms::of(&article.solutions[i].title);
        points_to(&said, &article.solutions[i])
            + quoted.iter().filter(|q| q.shared_with(&title) > 0).count()
    };
    let open_score = open.map_or(0, score);
    (0..article.solutions.len())
        .filter(|&i| Some(i) != open && !tried(i) && !not_for_them(i))
        .map(|i| (score(i), i))
        .filter(|&(s, _)| s >= 3 && s > open_score)
        // Highest score; the earliest fix on a tie.
        .max_by_key(|&(s, i)| (s, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// The fix a first description's error code points to, when the article defines that code on
/// a line of its own ("Error 103: the sign-in details ... are wrong") and a fix other than the
/// first is clearly about what it means ("bank feed stuck, chase says error 103" -> "Update the
/// bank sign-in details"). Codes the article only mentions in passing ("502") point nowhere.
pub(super) fn fix_for_code(article: &Article, text: &str) -> Option<usize> {
    if let Some(index) = fix_for_quoted_message(article, text) {
        return Some(index);
    }
    let codes = Terms::said(text).codes;
    if codes.is_empty() {
        return None;
    }
    let mut lines: Vec<&str> = article.summary.lines().collect();
    lines.extend(article.causes.iter().map(|c| c.detail.as_str()));
    let mut meaning = String::new();
    for line in lines {
        let line = line.trim_start_matches(['-', '*', ' ']);
        // A definition: the code, then a colon, within the line's first words.
        let Some((head, rest)) = line.split_once(':') else {
            continue;
        };
        if head.split_whitespace().count() <= 3 && !Terms::of(head).codes.is_disjoint(&codes) {
            meaning.push_str(rest);
            meaning.push('\n');
        }
    }
    let said = Terms::of(&meaning);
    if said.is_empty() {
        return None;
    }
    let score = |i: usize| points_to(&said, &article.solutions[i]);
    let first = score(0);
    (1..article.solutions.len())
        .map(|i| (score(i), i))
        .filter(|&(s, _)| s >= 3 && s > first)
        .max_by_key(|&(s, i)| (s, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// The one fix (not the first) whose title shares half its words with a message of the
/// article's that the description quotes: "cookies are disabled message when i sign in" -> "Turn on cookies".
/// `None` when no such message is quoted or several fixes share its words.
fn fix_for_quoted_message(article: &Article, text: &str) -> Option<usize> {
    let quoted = quoted_messages(article, text);
    let sharing: Vec<usize> = (0..article.solutions.len())
        .filter(|&i| {
            // Half the title's words at least: "supported" alone is not "Switch from Internet
            // Explorer to a supported browser".
            let title = Terms::of(&article.solutions[i].title);
            quoted.iter().any(|q| {
                let shared = q.shared_with(&title);
                shared > 0 && 2 * shared >= title.words.len() + 2 * title.codes.len()
            })
        })
        .collect();
    match sharing.as_slice() {
        [only] if *only > 0 => Some(*only),
        _ => None,
    }
}

/// How clearly `said` points to `solution`: shared codes and words, a word in the fix's title
/// counting twice (the title says what the fix is for).
pub(super) fn points_to(said: &Terms, solution: &crate::knowledge::Solution) -> usize {
    let title = Terms::of(&solution.title);
    2 * said.shared_with(&title)
        + said
            .without(&title)
            .shared_with(&Terms::of(&steps_text(solution)))
}

/// The reply with the name of the one cause of `article` it tells of ("my computer clock is
/// wrong" + "Wrong date, time or time zone on the device"), so a cause told in the user's
/// words points to the fix for it. A cause is told when it shares two words or more with the
/// reply and clearly more than any other cause.
pub(super) fn with_the_cause_it_names(article: &Article, text: &str) -> String {
    match cause_named(article, text) {
        Some(cause) => format!("{text}\n{}", cause.name),
        None => text.to_string(),
    }
}

/// The cause of `article` that `text` tells in its own words: the one sharing at least two
/// terms with it, clearly more than any other ("the bank site is down" -> "Bank website
/// maintenance or outage").
pub(super) fn cause_named<'a>(article: &'a Article, text: &str) -> Option<&'a Cause> {
    let said = Terms::said(text);
    let mut shares: Vec<(usize, &Cause)> = article
        .causes
        .iter()
        .map(|c| {
            let cause = Terms::of(&format!("{} {}", c.name, c.detail));
            (said.shared_with(&cause), c)
        })
        .collect();
    shares.sort_by_key(|s| std::cmp::Reverse(s.0));
    match shares.as_slice() {
        [(best, cause), rest @ ..] if *best >= 2 && rest.first().is_none_or(|r| r.0 < *best) => {
            Some(cause)
        }
        _ => None,
    }
}
