//! A reply about another problem than the one walked (another article, the other QuickBooks,
//! a switch label typed): asked about, never switched to silently.

use super::Output;
use super::codes::names_code_of;
use super::fixes_told::take_up_the_fix_named;
use super::terms::COMMON;
use super::typed::{note_follow_up, open_question};
use crate::knowledge::{Article, KnowledgeBase};
use crate::matcher::Ranking;
use crate::plain_words;
use crate::reply::{Action, Reply, Style};
use crate::session::{Asked, Session, Stage};
use crate::understand::{Intent, Product, Understood};
use crate::words;
use std::collections::HashSet;

/// Fewer words than this never switch article by themselves ("nope still blank").
const SWITCH_MIN_WORDS: usize = 5;

/// The article other than `current` whose "switch to" choice label `text` is, as typed
/// ("Switch to Payroll Update Fails or Payroll Service Connection Errors"), in any case and
/// with a closing "." or "!".
pub(super) fn switch_label_typed<'a>(
    kb: &'a KnowledgeBase,
    current: &Article,
    text: &str,
) -> Option<&'a Article> {
    let typed = text
        .trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_lowercase();
    kb.articles()
        .iter()
        .find(|a| a.id != current.id && words::switch_to(&a.title).to_lowercase() == typed)
}

/// Another article the reply clearly names (a confident match, in a reply long enough to be a
/// description), unless the reply is an answer that does not describe anything.
pub(super) fn another_article<'a>(
    kb: &'a KnowledgeBase,
    current: &Article,
    text: &str,
    ranking: &Ranking,
    understood: &Understood,
) -> Option<&'a Article> {
    // ("checked the status page, everything is green and my internet is fine": the step's
    // result, whatever "internet" ranks.)
    let describes = matches!(
        understood.intent,
        None | Some(Intent::NewProblem | Intent::Detail | Intent::Aside | Intent::Browser)
    ) && !crate::understand::reports_the_status_page(text);
    let named = ranking.named()?;
    let best = kb.article_at(named.doc);
    // "it says 503 now": a code of the other article's and not of this one's is long enough.
    let names_its_code = names_code_of(best, text) && !names_code_of(current, text);
    let long_enough = understood.words >= SWITCH_MIN_WORDS || names_its_code;
    // "edge task manager shows nothing big" at the slow article: a thing of its own steps.
    let about_this_one =
        names_a_thing_only_of(current, best, text) || its_own_thing_is_down(current, best, text);
    // "ok deleted the intuit stuff, now its asking me to log in again" at the login loop: the
    // words rank the bank feed first, but this one close behind, and they name nothing of the
    // other's title ("my bank feed stopped syncing" at the 502 one does).
    let this_one_close = !names_its_code
        && !says_a_title_word_of(best, current, text)
        && ranking.matches.iter().any(|m| {
            kb.article_at(m.doc).id == current.id
                && m.score >= ranking.possible
                && named.score - m.score < THIS_ONE_WITHIN
        });
    // ("this is about sales tax, not payroll": the article it names is the one denied.)
    let denied = crate::understand::denies_the_topic(text, &super::typed::topic_words(best));
    (describes
        && long_enough
        && best.id != current.id
        && !about_this_one
        && !this_one_close
        && !denied)
        .then_some(best)
}

/// How far behind the article a reply names the walked one may rank and the reply still be
/// about the walked problem.
const THIS_ONE_WITHIN: f64 = 0.3;

/// Whether `text` says a word of `other`'s title (four letters or more, as a stem) that
/// `current`'s title does not have ("bank" of "Bank Feed Not Updating ...").
pub(super) fn says_a_title_word_of(other: &Article, current: &Article, text: &str) -> bool {
    says_a_word_of_besides(&other.title, &current.title, text)
}

/// [`says_a_title_word_of`], a word none of `current`'s step titles has either ("firewall" of
/// the firewall article is also a thing the company-file steps check: "the firewall is fine,
/// it opens for bob but not me" answers one).
pub(super) fn says_a_title_word_only_of(other: &Article, current: &Article, text: &str) -> bool {
    let mut ours = current.title.clone();
    for s in &current.solutions {
        ours.push(' ');
        ours.push_str(&s.title);
    }
    says_a_word_of_besides(&other.title, &ours, text)
}

/// The stems of `text`'s words of four letters or more that are not too common to tell
/// articles apart ([`COMMON`]).
fn telling_stems(text: &str) -> HashSet<String> {
    plain_words::lowercase_words(text)
        .iter()
        .filter(|w| w.len() >= 4 && !COMMON.contains(&w.as_str()))
        .map(|w| crate::matcher::text::stem(w))
        .collect()
}

/// Whether `text` says a word of `theirs` (four letters or more, as a stem) that `ours` does
/// not have.
fn says_a_word_of_besides(theirs: &str, ours: &str, text: &str) -> bool {
    let (theirs, ours) = (telling_stems(theirs), telling_stems(ours));
    telling_stems(text)
        .iter()
        .any(|w| theirs.contains(w) && !ours.contains(w))
}

/// Whether `text` still names `other` clearly once the browser and device names are set
/// aside ("oh and Greenway's QBO in chrome is giving 502 Bad Gateway"); "sorry, on my ipad
/// actually" ranks the unsupported-browser article by those names alone.
pub(super) fn names_besides_where(kb: &KnowledgeBase, other: &Article, text: &str) -> bool {
    crate::semantic::windows::without_where(text).is_some_and(|rest| {
        kb.rank(&rest, 3)
            .named()
            .is_some_and(|m| kb.article_at(m.doc).id == other.id)
    })
}

/// Whether `text` names a thing of `current`'s steps by two words in a row ("task manager",
/// "tool hub") that `other` never uses.
pub(super) fn names_a_thing_only_of(current: &Article, other: &Article, text: &str) -> bool {
    let pairs = |t: &str| -> HashSet<(String, String)> {
        let words: Vec<String> = plain_words::lowercase_words(t)
            .into_iter()
            .filter(|w| w.len() >= 4 && !COMMON.contains(&w.as_str()))
            .collect();
        words
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect()
    };
    let steps_of = |a: &Article| -> String {
        let mut all = String::new();
        for s in &a.solutions {
            all.push_str(&s.title);
            all.push('\n');
            all.push_str(&s.general);
            for v in &s.variants {
                all.push('\n');
                all.push_str(&v.steps);
            }
            all.push('\n');
        }
        all
    };
    let (own, theirs) = (pairs(&steps_of(current)), pairs(&steps_of(other)));
    pairs(text)
        .iter()
        .any(|p| own.contains(p) && !theirs.contains(p))
}

/// Whether `text` says that a thing of `current`'s title which `other`'s title lacks is down
/// ("the bank site is down too lol", "bank is in maintenance") at most four words on: that
/// thing's outage is the walked problem's own cause (error 102), not the service's.
fn its_own_thing_is_down(current: &Article, other: &Article, text: &str) -> bool {
    const DOWN: &[&str] = &["down", "maintenance", "offline", "outage", "unavailable"];
    let (ours, theirs) = (telling_stems(&current.title), telling_stems(&other.title));
    let words = plain_words::lowercase_words(text);
    words.iter().enumerate().any(|(i, w)| {
        let stem = crate::matcher::text::stem(w);
        w.len() >= 4
            && ours.contains(&stem)
            && !theirs.contains(&stem)
            && words
                .iter()
                .skip(i + 1)
                .take(4)
                .any(|next| DOWN.contains(&next.as_str()))
    })
}

/// Whether `text` alone ranks another article than `current` first, confidently or as a
/// candidate to offer (lexically: the sentence vectors the service computed are of the whole
/// reply).
pub(super) fn names_another_article(kb: &KnowledgeBase, current: &Article, text: &str) -> bool {
    let ranking = kb.rank(text, 3);
    ranking
        .named()
        .or_else(|| ranking.candidates(1).first().copied())
        .is_some_and(|best| kb.article_at(best.doc).id != current.id)
}

/// The open fix worked and something else is wrong now: the fix is recorded (the user said
/// it outright, before the "but") and `trouble` is diagnosed as a new description.
pub(super) fn fixed_then_new_problem(
    kb: &KnowledgeBase,
    session: &mut Session,
    article: &Article,
    text: &str,
    trouble: &str,
    now: u64,
    out: &mut Output,
) {
    // "clearing the cache fixed it, but now ...": the fix the words before the "but" name.
    let said_of_the_fix = text.strip_suffix(trouble).unwrap_or(text);
    take_up_the_fix_named(session, article, said_of_the_fix, now);
    if super::outcome::pending_test(session, article) {
        // "works in a private window, but now my bank feed ...": the test says something and
        // fixed nothing; the new trouble is diagnosed as a description of its own.
        super::outcome::mark_works_there(session, article, now, out);
        session.leave_pending();
        session.stage = Stage::Idle;
        super::describe::describe(kb, session, trouble, None, None, now, out);
        return;
    }
    let Some(fix) = super::outcome::mark_fixed(session, article, now) else {
        return;
    };
    out.replies.push(
        Reply::new(words::fixed_and_on_to_the_new_problem(&fix))
            .title(words::FIXED_TITLE)
            .tone(crate::reply::Tone::Success)
            .article(&article.id),
    );
    super::describe::describe(kb, session, trouble, None, None, now, out);
}

/// How far another article must rank ahead of the walked one for a failure said "also" of it
/// ("oh also my bank feed is broken") to be a second problem rather than this one's answer.
pub(super) const ANOTHER_PROBLEM_AHEAD_BY: f64 = 0.3;

/// "This sounds like a different problem": keep going, or switch (told, never silent); what
/// the user said, and how it ranks, go with it.
pub(super) fn different_problem(
    kb: &KnowledgeBase,
    session: &mut Session,
    current: &Article,
    other: &Article,
    (text, ranking): (&str, &Ranking),
    now: u64,
    out: &mut Output,
) {
    session.descriptions.push(text.to_string());
    // What a switch would be chosen from; the walked article keeps its own matches.
    session.matches = super::scored(kb, ranking);
    // With no fix left here there is nothing to keep going with: the other problem, now
    // (explorer rv45 F14: "Keep going with" an article out of fixes was offered).
    if matches!(session.stage, Stage::OutOfSolutions { .. }) {
        out.replies
            .push(Reply::new(words::different_problem_taken_up(
                &current.title,
                &other.title,
            )));
        // (Matched from the words, not picked from a list: its score is its confidence.)
        session.stage = Stage::Idle;
        super::actions::act(kb, session, Action::Article(other.id.clone()), now, out);
        return;
    }
    out.replies.push(switch_question(
        session,
        current,
        other,
        words::different_problem(&current.title, &other.title),
    ));
}

/// The user has the other QuickBooks (`named`) than the article walked is for (`walked`): they
/// are told so and asked what they see in theirs; the question on screen stays open (what
/// they say next is matched as usual, so a description of another problem offers its article).
/// No article is guessed for them: the words were matched to this one for a reason, and the
/// nearest article of the other product was most often unrelated (a review found the 502
/// article offered for "company file won't open").
pub(super) fn other_product(
    session: &mut Session,
    article: &Article,
    (walked, named): (Product, Product),
    text: &str,
    now: u64,
    out: &mut Output,
) {
    note_follow_up(session, text);
    let not_theirs = words::for_another_product(&article.title, walked.label(), named.label());
    // "Does QuickBooks Online Payroll have PS errors?": an entry of the article's FAQ about
    // the user's product says what to do there, after the news and before the question.
    let about_theirs = article.faq.iter().find(|f| {
        f.question
            .to_lowercase()
            .contains(&named.label().to_lowercase())
    });
    let lead = match about_theirs {
        Some(faq) => {
            out.replies
                .push(Reply::new(not_theirs).article(&article.id));
            out.replies.push(super::faq::faq_reply(faq, article));
            words::tell_me_more_for(named.label())
        }
        None => format!("{not_theirs} {}", words::tell_me_more_for(named.label())),
    };
    // Not "did this fix it?" again: its steps were just said not to fit. Going on with them
    // anyway shows the step on screen again (an answer typed to it still counts).
    if matches!(session.stage, Stage::AwaitingFeedback { .. }) {
        out.replies.push(
            Reply::new(lead)
                .article(&article.id)
                .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary)
                .choice(
                    Action::Continue,
                    words::keep_going_with(&article.title),
                    Style::Secondary,
                ),
        );
        return;
    }
    open_question(session, article, &lead, now, out);
}

/// "Keep going with `current`, or switch to `other`?" with its two choices; a bare "yes" or
/// "no" typed next answers neither, so it is asked again (see [`super::answer_asked`]).
///
/// [`super::answer_asked`]: super::asked::answer_asked
pub(super) fn switch_question(
    session: &mut Session,
    current: &Article,
    other: &Article,
    text: String,
) -> Reply {
    session.asked = Some(Asked::Switch {
        other: other.id.clone(),
    });
    Reply::new(text)
        .article(&current.id)
        .choice(
            Action::Continue,
            words::keep_going_with(&current.title),
            Style::Primary,
        )
        .choice(
            Action::Article(other.id.clone()),
            words::switch_to(&other.title),
            Style::Secondary,
        )
}
