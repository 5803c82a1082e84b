//! One reply telling a fix that did not help and another that did ("cleared cookies didnt help
//! but turning off antivirus worked"): the first is recorded as not fixed, the second is taken
//! as what fixed it (confirmed, as any fix named as the one that worked is).

use super::Output;
use super::fix_named::{fix_named, names_an_action};
use super::fixes_told::rule_out_named;
use super::it_works::fixed;
use crate::knowledge::Article;
use crate::reply::Reply;
use crate::session::{Outcome, Session};
use crate::understand::{self, Intent, Understood};
use crate::words;

/// Whether `text`, which reads as a whole as not fixed or as neither, tells something that
/// did not help (a fix other than the one on screen is ruled out), then that it works, by a
/// fix named as a deed or a thing done ("cookies fixed it") or, after a fix named as failed,
/// by none ("but it works now": taken as any "it works" is). A question is none.
pub(super) fn failed_then_worked(
    session: &mut Session,
    article: &Article,
    text: &str,
    understood: &Understood,
    now: u64,
    out: &mut Output,
) -> bool {
    // (Read as a whole, "antivirus did nothing but cookies fixed it" is not fixed.)
    if !matches!(understood.intent, None | Some(Intent::NotFixed))
        || understood.question
        || text.contains('?')
    {
        return false;
    }
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    if article.solutions[open].test {
        return false;
    }
    let named = |part: &str| {
        fix_named(session, article, open, part)
            .filter(|&i| names_an_action(part) && !article.solutions[i].test)
    };
    let read = |part: &str| understand::classify(part).intent;
    // ("but then it worked after a while": bare too, the time aside.)
    let bare = |after: &str| understand::classify(&without_time(told_alone(after))).plain;
    // "cookies didnt help but it works now" at the cookie fix: it works, and not from the fix
    // on screen (as the button "It works, but something else fixed it" says).
    let open_failed_yet_works = turns(text).into_iter().any(|at| {
        let (before, after) = (&text[..at], &text[at..]);
        read(before) == Some(Intent::NotFixed)
            && read(after) == Some(Intent::Fixed)
            && bare(after)
            && (super::still_broken::names_the_open_fix(article, open, before)
                || super::fix_named::thing_is_the_fix(article, open, before)
                || points_to_the_step(before))
    });
    if open_failed_yet_works {
        super::it_works::works_from_something_else(session, article, Some(text), out);
        return true;
    }
    let Some((failed, worked, worked_told)) = turns(text).into_iter().find_map(|at| {
        let (before, after) = (&text[..at], &text[at..]);
        if read(before) != Some(Intent::NotFixed) || read(after) != Some(Intent::Fixed) {
            return None;
        }
        // (What failed may be the fix on screen, or nothing the article has: "that did
        // nothing but cookies fixed it"; what worked may be no fix named, when what failed
        // is one: "cookies didnt help but it works now".)
        // (Only a bare "it works now" names no fix: "but incognito worked" names something,
        // and is left to the other readings when it is no fix here.)
        match (named(before), named(after)) {
            (None, None) => None,
            (Some(_), None) if !bare(after) => None,
            (failed, worked) => Some((failed, worked, after)),
        }
    }) else {
        return false;
    };
    if failed.is_some() && failed == worked {
        return false;
    }
    super::typed::note_follow_up(session, text);
    if let Some(failed) = failed {
        rule_out_named(session, article, failed, Outcome::NotFixed, now);
        out.replies.push(
            Reply::new(words::skipping_named(
                &article.solutions[failed].title,
                true,
            ))
            .article(&article.id),
        );
    }
    // What worked, as if said alone: credited (after asking) as any fix named so is.
    let worked_told = told_alone(worked_told);
    // (Never "says nothing but that it works": the reply said more, so a fix is confirmed
    // before it is recorded.)
    let mut understood = understand::classify(worked_told);
    understood.plain = false;
    fixed(session, article, worked_told, &understood, now, out);
    true
}

/// Where `text` may turn from one result to another: before "but", "however", "then" (as a
/// word), and after a clause's end (",", ".", ";", "!").
fn turns(text: &str) -> Vec<usize> {
    const TURN_WORDS: &[&str] = &["but", "however", "then"];
    let mut at: Vec<usize> = understand::word_spans(text)
        .into_iter()
        .skip(1)
        .filter(|&(s, e)| TURN_WORDS.contains(&text[s..e].to_lowercase().as_str()))
        .map(|(s, _)| s)
        .collect();
    at.extend(
        text.char_indices()
            .filter(|&(i, c)| ",.;!".contains(c) && i + 1 < text.len())
            .map(|(i, _)| i + 1),
    );
    at.sort_unstable();
    at
}

/// What worked, as if said alone: the words after the turn, without leading punctuation or
/// the turn word (", but turning off antivirus worked" -> "turning off antivirus worked").
fn told_alone(after: &str) -> &str {
    strip_turn_word(after.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether `part` speaks of the step on screen by a word that points to it ("that didnt
/// help", "your steps did nothing") and tells no deed or thing of its own.
fn points_to_the_step(part: &str) -> bool {
    const POINTING: &[&str] = &[
        "that", "this", "it", "those", "these", "step", "steps", "fix",
    ];
    crate::plain_words::has_any_word(part, POINTING) && !names_an_action(part)
}

/// `text` without words of when ("it worked after a while" -> "it worked").
fn without_time(text: &str) -> String {
    const WHEN: &[&str] = &[
        "after a while",
        "after a bit",
        "after some time",
        "a bit later",
        "a while later",
        "later on",
        "later",
        "eventually",
        "in the end",
        "finally",
    ];
    let mut rest = format!(" {} ", text.to_lowercase());
    for when in WHEN {
        rest = rest.replace(&format!(" {when} "), " ");
    }
    rest.trim().to_string()
}

/// `text` without a leading turn word ("but turning off antivirus worked").
fn strip_turn_word(text: &str) -> &str {
    for turn in ["but ", "however ", "then "] {
        if let Some(rest) = text
            .get(..turn.len())
            .filter(|w| w.eq_ignore_ascii_case(turn))
            .map(|_| &text[turn.len()..])
        {
            return rest.trim_start();
        }
    }
    text
}
