//! Asking which browser the user is on: the browsers an article has steps for on their
//! device, and the question again when the walk took them for the wrong one.

use super::Output;
use super::typed;
use crate::browser::Browser;
use crate::knowledge::Article;
use crate::reply::{Action, Reply, Style};
use crate::session::{Outcome, Session, Stage};
use crate::words;

/// The browsers `article` has steps for that run on the device the user named ("android": no
/// Safari, no Internet Explorer).
pub(super) fn browsers_offered(session: &Session, article: &Article) -> Vec<Browser> {
    let mut offered = article.browsers();
    let fits = |b: &Browser| session.device.is_none_or(|d| d.runs(*b));
    if offered.iter().any(fits) {
        offered.retain(fits);
    }
    offered
}

/// "Which browser?" with `text`: a choice per browser offered, another browser, a person.
pub(super) fn which_browser_reply(article: &Article, text: String, offered: &[Browser]) -> Reply {
    let mut reply = Reply::new(text)
        .title(words::WHICH_BROWSER_TITLE)
        .article(&article.id);
    for b in offered {
        reply = reply.choice(Action::Browser(Some(*b)), b.label(), Style::Secondary);
    }
    let reply = reply
        .choice(
            Action::Browser(None),
            words::OTHER_BROWSER,
            Style::Secondary,
        )
        .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary);
    // As under a fix: the check stays one press away (and the article's own button for it,
    // shown just above, is not numbered before the browsers).
    if article.checks.is_empty() {
        reply
    } else {
        reply.choice(Action::Check, words::CHECK_THE_SERVICE, Style::Secondary)
    }
}

/// "I'm not on Chrome" from a user the walk took for a Chrome user: the browser is forgotten
/// and asked, and the open step is shown again for the answer. About a browser the walk did
/// not assume, it is only noted.
pub(super) fn not_on_browser(
    session: &mut Session,
    article: &Article,
    denied: Browser,
    now: u64,
    out: &mut Output,
) {
    if session.browser != Some(denied) {
        typed::open_question(session, article, words::NOTED, now, out);
        return;
    }
    session.browser = None;
    session.other_browser = false;
    session.safari_unsure = false;
    session.withdraw_pending();
    session.stage = Stage::ChoosingBrowser {
        article: article.id.clone(),
    };
    let offered: Vec<Browser> = browsers_offered(session, article)
        .into_iter()
        .filter(|b| *b != denied)
        .collect();
    out.replies.push(which_browser_reply(
        article,
        words::not_on_browser(denied.label()),
        &offered,
    ));
}

/// "are you even listening?? its STILL BROKEN" at "Which browser?": a step for one browser only
/// (most often Internet Explorer) is passed, recorded as skipped with the browser still
/// unknown, so the next step that differs per browser asks again; a step with steps for several
/// browsers stays the question, asked with an apology.
pub(super) fn on_without_the_answer(
    session: &mut Session,
    article: &Article,
    now: u64,
    out: &mut Output,
) {
    let index = session.next_solution;
    let only = article
        .solutions
        .get(index)
        .filter(|s| !super::wording::has_steps(&s.general))
        .and_then(|s| match s.variants.as_slice() {
            [only] => Some(only.browser),
            _ => None,
        });
    let Some(only) = only else {
        out.replies
            .push(Reply::new(words::STILL_BROKEN_WHICH_BROWSER).article(&article.id));
        super::resume::ask_again(session, article, now, out);
        return;
    };
    super::walk::record_step(session, article, index, None, Outcome::Skipped, now);
    session.next_solution += 1;
    let title = &article.solutions[index].title;
    out.replies.push(
        Reply::new(format!(
            "{} {}",
            words::ON_WITHOUT_THE_BROWSER,
            words::skipped_browser_unknown(index + 1, title, only.label())
        ))
        .article(&article.id),
    );
    super::walk::next_solution(session, article, now, out);
}
