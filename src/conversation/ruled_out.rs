//! Articles a test's result or the user's words rule out: ranked without, and left for the
//! other articles the description ranked.

use super::walk::start_article;
use super::{CANDIDATES, KEEP_MATCHES, Output, scored};
use crate::knowledge::{Article, KnowledgeBase};
use crate::reply::{Action, Reply, Style};
use crate::semantic::QueryVectors;
use crate::session::{Outcome, Session, Stage};
use crate::understand;
use crate::words;

/// The least score of another article offered when a test shows the trouble is not the walked
/// one's (the description named it too, if faintly).
const LEFT_FOR_AT_LEAST: f64 = 0.05;

/// Whether a test's outcome recorded in this walk says the trouble is not `article`'s (`go to:
/// another article`): that test's title, and whether it worked there.
pub(super) fn left_by_test(session: &Session, article: &Article) -> Option<(String, bool)> {
    session.attempts.iter().find_map(|a| {
        let s = article
            .solutions
            .get(a.solution)
            .filter(|s| a.article == article.id && s.test && s.title == a.title)?;
        let (leaves, works) = match a.outcome {
            Some(Outcome::WorksThere) => (s.leaves_on_works, true),
            Some(Outcome::FailsThere) => (s.leaves_on_fails, false),
            _ => (false, false),
        };
        leaves.then(|| (s.title.clone(), works))
    })
}

/// Whether `text` gives a test that took the walk away from `article` the other result now
/// ("it works on my phone" then "now it's down on my phone too").
fn test_now_says_otherwise(session: &Session, article: &Article, text: &str) -> bool {
    session.attempts.iter().any(|a| {
        let Some(s) = article
            .solutions
            .get(a.solution)
            .filter(|s| a.article == article.id && s.test && s.title == a.title)
        else {
            return false;
        };
        let now = understand::test_result(text, &s.also_called);
        match a.outcome {
            Some(Outcome::WorksThere) => s.leaves_on_works && now == Some(false),
            Some(Outcome::FailsThere) => s.leaves_on_fails && now == Some(true),
            _ => false,
        }
    })
}

/// `article` is opened though a test had ruled it out: the words now give that test the other
/// result (see [`rank_for`]), so the trouble changed since. The test's old result and the
/// steps it passed over are dropped; the new result, said with the rest of the description,
/// is read in [`tests_answered_up_front`] (or the test is asked again).
///
/// [`tests_answered_up_front`]: super::test_results::tests_answered_up_front
pub(super) fn forget_stale_tests(session: &mut Session, article: &Article) {
    if left_by_test(session, article).is_none() {
        return;
    }
    session.attempts.retain(|a| {
        let stale = a.article == article.id
            && match (article.solutions.get(a.solution), a.outcome) {
                (_, Some(Outcome::RuledOutByTest)) => true,
                (Some(s), Some(Outcome::WorksThere)) => {
                    s.test && s.title == a.title && s.leaves_on_works
                }
                (Some(s), Some(Outcome::FailsThere)) => {
                    s.test && s.title == a.title && s.leaves_on_fails
                }
                _ => false,
            };
        !stale
    });
}

/// The articles a test's outcome showed are not the user's trouble in this conversation: left
/// out of what the user's words rank.
fn ruled_out_by_tests(kb: &KnowledgeBase, session: &Session) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for a in &session.attempts {
        if !ids.contains(&a.article)
            && let Some(article) = kb.get(&a.article)
            && left_by_test(session, article).is_some()
        {
            ids.push(a.article.clone());
        }
    }
    ids
}

/// [`KnowledgeBase::rank_with`] without the articles a test ruled out, unless the words now
/// clearly name one first and give its test the other result ("now it's down on my phone too
/// and the status page shows an outage": the trouble has changed since the test).
pub(super) fn rank_for(
    kb: &KnowledgeBase,
    session: &Session,
    text: &str,
    query: Option<&QueryVectors>,
) -> crate::matcher::Ranking {
    let mut ranking = kb.rank_with(text, query, KEEP_MATCHES);
    // "the quickbooks app on my phone keeps crashing": QuickBooks Desktop does not run on a
    // phone, so its articles are no match for the phone app (unless Desktop is named too).
    if crate::device::names_a_mobile_app(text)
        && !crate::plain_words::has_any_word(text, &["desktop", "qbd", "enterprise", "premier"])
    {
        let before = ranking.matches.len();
        ranking.matches.retain(|m| {
            !kb.article_at(m.doc)
                .product
                .as_deref()
                .is_some_and(|p| p.contains("Desktop"))
        });
        if ranking.matches.len() < before {
            kb.hold_back_lexically(&mut ranking, text, None);
        }
    }
    let ruled_out = ruled_out_by_tests(kb, session);
    let named_again = ranking
        .matches
        .first()
        .filter(|m| m.score >= ranking.clear)
        .map(|m| kb.article_at(m.doc))
        .filter(|article| test_now_says_otherwise(session, article, text))
        .map(|article| article.id.clone());
    if !ruled_out.is_empty() {
        ranking.matches.retain(|m| {
            let id = &kb.article_at(m.doc).id;
            !ruled_out.contains(id) || named_again.as_ref() == Some(id)
        });
        // (Lexically, whether to answer outright is decided afresh for what is left first.)
        kb.hold_back_lexically(&mut ranking, text, None);
    }
    ranking
}

/// A test showed the trouble is not `article`'s: the user is asked what they see instead, with
/// the other articles their description ranked to pick from.
pub(super) fn leave_article(
    session: &mut Session,
    article: &Article,
    (test, works_there): (&str, bool),
    out: &mut Output,
) {
    // The articles the test names for this answer come first ("works from my phone" at the
    // outage: the page that won't load, or the office network; explorer rv48 F16: it was the
    // company file and the bank feed, which the description's words ranked).
    let leads: Vec<(String, String)> = article
        .solutions
        .iter()
        .find(|s| s.test && s.title == test)
        .map(|s| {
            if works_there {
                &s.leads_on_works
            } else {
                &s.leads_on_fails
            }
        })
        .into_iter()
        .flatten()
        .filter(|lead| lead.id != article.id && !lead.title.is_empty())
        .map(|lead| (lead.id.clone(), lead.title.clone()))
        .collect();
    offer_other_articles(
        session,
        article,
        &leads,
        |with_choices| words::left_by_test(test, works_there, &article.title, with_choices),
        out,
    );
}

/// `article` is not the user's trouble: `lead` (told whether choices follow), then the other
/// articles their description ranked to pick from, and a person.
fn offer_other_articles(
    session: &mut Session,
    article: &Article,
    first: &[(String, String)],
    lead: impl FnOnce(bool) -> String,
    out: &mut Output,
) {
    let ranked = session
        .matches
        .iter()
        .filter(|m| m.id != article.id && m.score >= LEFT_FOR_AT_LEAST)
        .filter(|m| !first.iter().any(|(id, _)| *id == m.id))
        .map(|m| (m.id.clone(), m.title.clone()));
    let others: Vec<(String, String)> = first
        .iter()
        .cloned()
        .chain(ranked)
        .take(CANDIDATES)
        .collect();
    let mut reply = Reply::new(lead(!others.is_empty()))
        .title(words::SOMETHING_ELSE_THEN_TITLE)
        .article(&article.id);
    for (id, title) in &others {
        reply = reply.choice(Action::Article(id.clone()), title.clone(), Style::Primary);
    }
    reply = reply.choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary);
    session.stage = if others.is_empty() {
        Stage::Idle
    } else {
        Stage::ChoosingArticle {
            candidates: others.into_iter().map(|(id, _)| id).collect(),
        }
    };
    // (Words typed at this list add to the last description only.)
    session.list_from = None;
    session.asked = None;
    out.replies.push(reply);
}

/// "sorry i meant payroll": the problem is `other`, as the user corrected it; its walk starts,
/// nothing recorded for the step on screen.
pub(super) fn switch_as_corrected(
    kb: &KnowledgeBase,
    session: &mut Session,
    other: &Article,
    ranking: &crate::matcher::Ranking,
    now: u64,
    out: &mut Output,
) {
    session.leave_pending();
    session.matches = scored(kb, ranking);
    session.stage = Stage::Idle;
    start_article(session, other, now, out);
}

/// "no thats not my problem, it logs me out": the step on screen was not tried (no failure is
/// recorded); the words, when they name another article, open it; otherwise the user is asked
/// what they see, with the other articles their description ranked.
pub(super) fn not_this_article(
    kb: &KnowledgeBase,
    session: &mut Session,
    article: &Article,
    ranking: &crate::matcher::Ranking,
    now: u64,
    out: &mut Output,
) {
    session.leave_pending();
    if let Some(other) = ranking
        .named()
        .map(|m| kb.article_at(m.doc))
        .filter(|other| other.id != article.id)
    {
        session.matches = scored(kb, ranking);
        session.stage = Stage::Idle;
        start_article(session, other, now, out);
        return;
    }
    offer_other_articles(
        session,
        article,
        &[],
        |with_choices| words::not_this_article(&article.title, with_choices),
        out,
    );
}
