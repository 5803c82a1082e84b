//! The other problems a description names beside the one walked: held in the order said,
//! mentioned at once, and offered once the walked one is sorted.

use super::current_article;
use crate::knowledge::{Article, KnowledgeBase};
use crate::session::{Outcome, ScoredArticle, Session, Stage};
use crate::understand;
use crate::words;

/// Another article opened mid-walk ("Switch to Payroll ..." at "keep going or switch?"): the
/// problem left is not fixed, so it is held first among the other problems named, and offered
/// again once the new one is sorted (it was dropped). A walk that ran out of fixes, or whose
/// problem was fixed, leaves nothing to hold.
pub(super) fn hold_the_problem_left(kb: &KnowledgeBase, session: &mut Session, opened: &str) {
    if !matches!(
        session.stage,
        Stage::ChoosingBrowser { .. } | Stage::AwaitingFeedback { .. }
    ) {
        return;
    }
    let Some(left) = current_article(kb, session).filter(|a| a.id != opened) else {
        return;
    };
    let fixed = session
        .attempts
        .iter()
        .any(|a| a.article == left.id && a.outcome == Some(Outcome::Fixed));
    if fixed {
        return;
    }
    let held = ScoredArticle {
        id: left.id.clone(),
        title: left.title.clone(),
        score: session
            .walked_matches
            .iter()
            .find(|m| m.id == left.id)
            .map_or(0.0, |m| m.score),
    };
    session.also_named_later.retain(|o| o.id != held.id);
    if let Some(other) = session.also_named.take().filter(|o| o.id != held.id) {
        session.also_named_later.insert(0, other);
    }
    session.also_named = Some(held);
}

/// "Also mentioned": the other problems held from the description, in the order said.
pub(super) fn also_mentioned(session: &Session) -> Option<String> {
    let other = session.also_named.as_ref()?;
    Some(if session.also_named_later.is_empty() {
        words::also_after_this(&other.title)
    } else {
        let titles: Vec<&str> = std::iter::once(other)
            .chain(&session.also_named_later)
            .map(|o| o.title.as_str())
            .collect();
        words::also_after_this_in_turn(&titles)
    })
}

/// How far a part's best article must be ahead of the next to count as another problem
/// named: "payroll for rosa's wont update" ranks the 502 article a hair above the payroll one,
/// which names neither clearly. A match below the confident bar counts when it is the only
/// one a list would offer ("it keeps logging me out").
const OTHER_PROBLEM_LEAD: f64 = 0.1;

/// At most this many other problems are held from one description.
const MAX_OTHER_PROBLEMS: usize = 3;

/// The other articles parts of the description name on their own, clearly, beside `walked_id`,
/// in the order said ("white screen and also my bank feed isnt updating", "bank feed is
/// stuck and payroll update fails"); a part that only says where the user is ("both on qbo in
/// chrome") or tells of no trouble ("also i cleared the cache already") names none.
/// How far behind the part's best article the walked one may be and still be what the part
/// tells of.
const WALKED_TOO_WITHIN: f64 = 0.3;

pub(super) fn other_problems_named(
    kb: &KnowledgeBase,
    text: &str,
    walked_id: &str,
) -> Vec<ScoredArticle> {
    let parts = understand::problem_clauses(text);
    let mut found: Vec<ScoredArticle> = Vec::new();
    if parts.len() < 2 {
        return found;
    }
    // ("nevermind its a different issue, the bank feed wont connect": the first part only
    // says another problem follows.)
    const ONLY_ANOTHER: &[&str] = &[
        "nevermind",
        "nvm",
        "never",
        "mind",
        "its",
        "it",
        "is",
        "a",
        "an",
        "the",
        "this",
        "that",
        "different",
        "another",
        "other",
        "separate",
        "new",
        "issue",
        "problem",
        "thing",
        "one",
        "actually",
        "sorry",
        "oh",
        "wait",
        "ok",
        "okay",
        "no",
        "so",
        "now",
        "i",
        "have",
        "got",
    ];
    for part in &parts {
        let words = crate::plain_words::lowercase_words(&part.replace(['\'', '’'], ""));
        if !understand::tells_of_trouble(part)
            || understand::only_says_where(part)
            || words.iter().all(|w| ONLY_ANOTHER.contains(&w.as_str()))
        {
            continue;
        }
        let ranking = kb.rank(part, 3);
        let Some(m) = ranking.matches.first() else {
            continue;
        };
        let next = ranking.matches.get(1).map_or(0.0, |n| n.score);
        let other = kb.article_at(m.doc);
        // ("bank feed hasn't updated in a week" ranks the 502 article close behind, by its
        // bank step; the words of the first's title that the second's lacks tell them apart.)
        // (Not when the runner-up is the walked one, or it is among the candidates: "little
        // wheel spinning" beside a slow page is the slowness, whatever "Spinning" names.)
        // (The walked one far behind, "payroll" at 0.35 by "not updating" beside the bank
        // feed's 0.98, is no such candidate.)
        let by_its_title = m.score >= ranking.confident
            && !ranking.matches.iter().any(|w| {
                kb.article_at(w.doc).id == walked_id
                    && w.score >= ranking.possible
                    && m.score - w.score < WALKED_TOO_WITHIN
            })
            && ranking.matches.get(1).is_some_and(|n| {
                super::another_article::says_a_title_word_of(other, kb.article_at(n.doc), part)
            });
        let clear = (m.score - next >= OTHER_PROBLEM_LEAD || by_its_title)
            && (m.score >= ranking.confident
                || (m.score >= ranking.possible && next < ranking.possible));
        // "qbo is sooo slow on my phone, takes like 30 sec to open an invoice": the part
        // ranks another article first ("504" by its seconds), yet reads as the problem walked
        // too; no other problem.
        // ("... and also the page is blank" says a word of "Page Not Loading (Blank ...)": that
        // one is named.)
        // ("quickbooks takes forever to open invoices, little wheel spinning": every word the
        // other matched the walked one matched too, so "Spinning" of its title names nothing
        // more.)
        let walked_too = ranking.matches.iter().any(|w| {
            let walked = kb.article_at(w.doc);
            let says_no_more = m.matched.iter().all(|t| w.matched.contains(t));
            walked.id == walked_id
                && w.score >= ranking.possible
                && m.score - w.score < WALKED_TOO_WITHIN
                && (says_no_more
                    || !super::another_article::says_a_title_word_of(
                        kb.article_at(m.doc),
                        walked,
                        part,
                    ))
        });
        if clear && !walked_too && other.id != walked_id && !found.iter().any(|f| f.id == other.id)
        {
            found.push(ScoredArticle {
                id: other.id.clone(),
                title: other.title.clone(),
                score: m.score,
            });
        }
    }
    found.truncate(MAX_OTHER_PROBLEMS);
    found
}

/// Whether `text` is about `other` (the problem named beside `walked`) and not `walked`: its
/// words alone rank `other` as a candidate at least, and `walked` below that.
pub(super) fn about_the_other_named(
    kb: &KnowledgeBase,
    walked: &Article,
    other: &Article,
    text: &str,
) -> bool {
    let ranking = kb.rank(text, 5);
    let score_of = |id: &str| {
        ranking
            .matches
            .iter()
            .find(|m| kb.article_at(m.doc).id == id)
            .map_or(0.0, |m| m.score)
    };
    score_of(&other.id) >= ranking.possible && score_of(&walked.id) < ranking.possible
}

/// The other problem the first description named, while another article is walked.
pub(super) fn other_problem_named<'s>(
    session: &'s Session,
    article: &Article,
) -> Option<&'s ScoredArticle> {
    session
        .also_named
        .as_ref()
        .filter(|other| other.id != article.id)
}

/// "ok what about the bank thing", "can we do the bank feed now" during a walk: the other
/// problem the description named ("Also mentioned"), asked for by its title's words, to be
/// taken up now ([`take_up`]).
pub(super) fn other_named_taken_up(
    kb: &KnowledgeBase,
    session: &Session,
    text: &str,
) -> Option<ScoredArticle> {
    let other = session.also_named.clone()?;
    let (named_as, current) = named_as_and_current(kb, session, &other);
    // ("ok the bank thing then" at "Out of fixes", where "Look at: Bank Feed ..." is a choice:
    // the offered one, picked in words; explorer rv45 F14.)
    let offered = matches!(session.stage, Stage::OutOfSolutions { .. });
    let picked = understand::moves_on_to(text, &named_as, &current)
        || (offered && understand::picks_the_offered(text, &named_as, &current));
    (picked && kb.get(&other.id).is_some()).then_some(other)
}

/// The problem held for later ("Also mentioned") that `text` is about rather than the one on
/// screen: "the payroll one is working now" while a company file's fixes are walked.
pub(super) fn held_problem_said_of(
    kb: &KnowledgeBase,
    session: &Session,
    text: &str,
) -> Option<ScoredArticle> {
    let current = words_on_screen(kb, session);
    (session.also_named.iter())
        .chain(&session.also_named_later)
        .find(|other| {
            let own = said_of(&session.descriptions, &other.title, &current);
            tells_of(text, &other.title, &own, &current)
        })
        .cloned()
}

/// Words of a title too common to tell one problem from another ("Bank Feed Not Updating or
/// Bank Connection Errors": "ok that worked, no more errors" is no news of the bank feed).
const COMMON_TITLE_WORDS: &[&str] = &[
    "error",
    "errors",
    "connection",
    "connections",
    "update",
    "updates",
    "updating",
    "updated",
    "fail",
    "fails",
    "failing",
    "failed",
    "service",
    "services",
    "problem",
    "problems",
    "issue",
    "issues",
    "loading",
    "load",
    "open",
    "opening",
    "working",
    "works",
    "page",
    "quickbooks",
    "online",
    "desktop",
];

/// Whether `text`, a short reply, is about the problem titled `title`, which the user told in
/// the words `own`, and not about the one on screen, `current`: it says a word both the title
/// and the user's own words have (not one as common as "errors" or "updating"), or a code the
/// user gave for it, that `current` does not have; and no word of `current`'s that the other's
/// words lack ("my client says still broken" names no title; a client named in the other's
/// description is no word of its title).
fn tells_of(text: &str, title: &str, own: &str, current: &str) -> bool {
    use super::terms::Terms;
    use std::collections::HashSet;
    const AT_MOST_WORDS: usize = 20;
    if crate::plain_words::lowercase_words(text).len() > AT_MOST_WORDS {
        return false;
    }
    let stem = crate::matcher::text::stem;
    let stems = |terms: Terms| -> HashSet<String> {
        (terms.words.iter().map(|w| stem(w)))
            .chain(terms.codes)
            .collect()
    };
    let common: HashSet<String> = COMMON_TITLE_WORDS.iter().map(|w| stem(w)).collect();
    let said = stems(Terms::said(text));
    let own_codes = Terms::of(own).codes;
    let own_stems = stems(Terms::of(own));
    let title_stems = stems(Terms::of(title));
    let named: HashSet<String> = title_stems.union(&own_stems).cloned().collect();
    let here = stems(Terms::of(current));
    let by_name: HashSet<String> = title_stems
        .intersection(&own_stems)
        .filter(|w| !common.contains(*w))
        .cloned()
        .chain(own_codes)
        .collect();
    said.iter()
        .any(|w| by_name.contains(w) && !here.contains(w))
        && !said.iter().any(|w| here.contains(w) && !named.contains(w))
}

/// The words `other` (a problem held) goes by: its title and the user's own words for it
/// ("lets do the credit card one first" of "my credit card bank feed stopped updating");
/// and those of the problem on screen, its title and the step shown.
fn named_as_and_current(
    kb: &KnowledgeBase,
    session: &Session,
    other: &ScoredArticle,
) -> (String, String) {
    let current = words_on_screen(kb, session);
    let named_as = format!(
        "{} {}",
        other.title,
        said_of(&session.descriptions, &other.title, &current)
    );
    (named_as, current)
}

/// The words of the problem on screen: its title and the step shown.
fn words_on_screen(kb: &KnowledgeBase, session: &Session) -> String {
    current_article(kb, session).map_or(String::new(), |a| {
        let step = session
            .current_step()
            .and_then(|s| a.solutions.get(s.solution))
            .map(|s| format!("{} {}", s.title, s.general))
            .unwrap_or_default();
        format!("{} {step}", a.title)
    })
}

/// "the payroll one is working now" while another problem's fixes are walked: the problem
/// held is sorted, so it is no longer held (nor offered once this one is), the words go to
/// staff, and the question on screen stays (explorer rv48 F2: the news was taken as this
/// fix's, and the company-file fix noted as what fixed it).
pub(super) fn held_problem_works(
    session: &mut Session,
    article: &Article,
    held: &ScoredArticle,
    text: &str,
    now: u64,
    out: &mut super::Output,
) {
    super::typed::note_follow_up(session, text);
    session.also_named_later.retain(|o| o.id != held.id);
    if session.also_named.as_ref().is_some_and(|o| o.id == held.id) {
        session.also_named = None;
        session.next_also_named(&article.id);
    }
    let lead = words::held_problem_sorted(&held.title);
    super::typed::open_question(session, article, &lead, now, out);
}

/// Takes up `other` (the problem held, [`other_named_taken_up`]): the one on screen is held
/// for later, its fix unanswered.
pub(super) fn take_up(
    kb: &KnowledgeBase,
    session: &mut Session,
    other: ScoredArticle,
    now: u64,
    out: &mut super::Output,
) {
    let Some(article) = kb.get(&other.id) else {
        return;
    };
    // A problem left with a fix open ("Disconnect and reconnect" on screen when the user
    // switched) goes on at that fix, not at its first untried one: what the user then says of
    // "that step" is of the step they saw (review of rv47 F2).
    let left_open = session
        .attempts
        .iter()
        .rev()
        .find(|a| a.article == article.id)
        .filter(|a| matches!(a.outcome, None | Some(Outcome::NoAnswer)))
        .map(|a| a.solution)
        .filter(|&index| index < article.solutions.len());
    super::actions::open_article(kb, session, article, left_open, now, out);
}

/// The words of the parts of the user's descriptions that name the problem titled `other`
/// more than the one titled `current`, by the stems they share, less the words the other
/// parts say too ("my credit card bank feed stopped updating" of "... and also payroll wont
/// update": "credit card"; "transactions" said of both an export and a bank feed names
/// neither).
fn said_of(descriptions: &[String], other: &str, current: &str) -> String {
    let stems = super::terms::long_stems;
    let (other, current) = (stems(other), stems(current));
    let mut of_it: Vec<String> = Vec::new();
    let mut elsewhere: Vec<String> = Vec::new();
    for description in descriptions {
        let lower = description.to_lowercase();
        for part in crate::plain_words::clauses(&lower, &["and", "but"]) {
            let words = stems(part);
            let of = |title: &[String]| words.iter().filter(|w| title.contains(w)).count();
            let names_it = of(&other) > of(&current);
            for word in crate::plain_words::lowercase_words(part) {
                let stem = crate::matcher::text::stem(&word);
                if names_it {
                    of_it.push(word);
                } else {
                    elsewhere.push(stem);
                }
            }
        }
    }
    of_it.retain(|w| !elsewhere.contains(&crate::matcher::text::stem(w)));
    of_it.join(" ")
}
