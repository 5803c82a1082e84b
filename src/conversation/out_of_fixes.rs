//! "Out of fixes": the end of an article's fixes, offering a person, the other problem named,
//! the check, and another article's steps written for the user's browser.

use super::other_problems::other_problem_named;
use super::walk_moves;
use super::{Output, current_article};
use crate::browser::Browser;
use crate::knowledge::{Article, KnowledgeBase};
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Outcome, Session, Stage};
use crate::words;

/// At "Out of fixes" for an article with no steps at all for the user's browser (an Internet
/// Explorer user at the cache article), points to another article's fix written for that
/// browser alone ("Switch from Internet Explorer to a supported browser"), as a choice. An
/// article that names the browser among its keywords is preferred.
pub(super) fn offer_steps_for_the_browser(kb: &KnowledgeBase, session: &Session, out: &mut Output) {
    let (Some(browser), Some(article)) = (session.browser, current_article(kb, session)) else {
        return;
    };
    if !matches!(session.stage, Stage::OutOfSolutions { .. })
        || article.browsers().is_empty()
        || article.browsers().contains(&browser)
    {
        return;
    }
    let Some(reply) = out
        .replies
        .iter_mut()
        .find(|r| r.title.as_deref() == Some(words::OUT_OF_FIXES_TITLE))
    else {
        return;
    };
    let name = browser.label().to_lowercase();
    let written_for = |a: &Article| {
        a.solutions
            .iter()
            .find(|s| s.browsers() == [browser])
            .map(|s| s.title.clone())
    };
    let Some((other, solution)) = kb
        .articles()
        .iter()
        .filter(|a| a.id != article.id)
        .filter_map(|a| written_for(a).map(|s| (a, s)))
        .max_by_key(|(a, _)| a.keywords.iter().any(|k| k.to_lowercase() == name))
    else {
        return;
    };
    // Before "A person can take it from here", which leads to the choices.
    let pointer = format!(
        "{}\n\n",
        words::steps_for_your_browser_elsewhere(browser.label(), &other.title, &solution)
    );
    match reply.text.find(words::A_PERSON_CAN_TAKE_IT) {
        Some(at) => reply.text.insert_str(at, &pointer),
        None => reply.text.push_str(&format!("\n\n{}", pointer.trim_end())),
    }
    reply.choices.insert(
        0,
        crate::reply::Choice::new(
            Action::Article(other.id.clone()),
            other.title.clone(),
            Style::Primary,
        ),
    );
}

/// `text` with the fixes the user skipped, still there to try, and how ("go back").
fn with_skipped(session: &Session, article: &Article, mut text: String) -> String {
    let skipped = walk_moves::skipped_titles(session, article);
    if !skipped.is_empty() {
        text.push(' ');
        text.push_str(&words::you_skipped(&skipped));
    }
    text
}

/// The steps of `article` passed over because the user could not say which browser they use
/// ("idk" twice at "Which browser?"): steps written for some browsers only, none of them shown.
/// Naming a browser brings them back.
fn waiting_for_a_browser(session: &Session, article: &Article) -> Vec<usize> {
    if session.browser.is_some() {
        return Vec::new();
    }
    let mut waiting: Vec<usize> = session
        .attempts
        .iter()
        .filter(|a| {
            a.article == article.id
                && a.outcome == Some(Outcome::Skipped)
                && a.browser.is_none()
                && !a.skipped_on_touch
        })
        .map(|a| a.solution)
        .filter(|&i| {
            article.solutions.get(i).is_some_and(|s| {
                !super::wording::has_steps(&s.general)
                    && !s.variants.is_empty()
                    // (Internet Explorer's step on an Android phone was skipped for the device:
                    // no browser would bring it back.)
                    && session
                        .device
                        .is_none_or(|d| s.browsers().iter().any(|b| d.runs(*b)))
                    // ("safari", not which: a step for other browsers only is not waiting.)
                    && (!said_safari(session)
                        || s.browsers()
                            .iter()
                            .any(|b| matches!(b, Browser::SafariMac | Browser::SafariIos)))
            })
        })
        .collect();
    waiting.sort_unstable();
    waiting.dedup();
    waiting
}

/// Whether the user said Safari, on a Mac or an iPhone they could not say.
fn said_safari(session: &Session) -> bool {
    session.safari_unsure || session.told_safari
}

/// Whether the user saw any step of `article` in this walk (not merely skipped over it).
fn any_step_shown(session: &Session, article: &Article) -> bool {
    session
        .attempts
        .iter()
        .any(|a| a.article == article.id && a.outcome != Some(Outcome::Skipped))
}

pub(super) fn out_of_solutions(session: &Session, article: &Article) -> Reply {
    let waiting = waiting_for_a_browser(session, article);
    // Every fix needs a browser the user could not name: "That was the last fix I have" would
    // be untrue (none was shown); what is missing is said, with the browsers to pick from.
    let none_shown = !waiting.is_empty() && !any_step_shown(session, article);
    let ending = if none_shown && said_safari(session) {
        words::every_fix_needs_which_safari(&article.title)
    } else if none_shown {
        words::every_fix_needs_a_browser(&article.title)
    } else if !waiting.is_empty() {
        words::last_fix_without_a_browser(&article.title, waiting.len())
    } else {
        words::last_fix(&article.title)
    };
    let mut text = with_skipped(session, article, ending);
    // (The article's advice for when its fixes did not help is for after trying them.)
    if let Some(advice) = article.escalation.as_ref().filter(|_| !none_shown) {
        text.push_str("\n\n");
        text.push_str(advice);
    }
    text.push_str("\n\n");
    text.push_str(words::A_PERSON_CAN_TAKE_IT);
    if let Some(other) = other_problem_named(session, article) {
        text.push_str("\n\n");
        text.push_str(&words::or_look_at_the_other(&other.title));
    }
    with_browser_choices(session, article, out_of_fixes_offer(session, article, text))
}

/// `reply` with a choice per browser the fixes skipped for want of one have steps for, after
/// "Talk to a human": picking one shows them ("Name your browser any time to get them").
fn with_browser_choices(session: &Session, article: &Article, mut reply: Reply) -> Reply {
    let waiting = waiting_for_a_browser(session, article);
    if waiting.is_empty() {
        return reply;
    }
    let offered = if said_safari(session) {
        vec![Browser::SafariMac, Browser::SafariIos]
    } else {
        super::which_browser::browsers_offered(session, article)
    };
    let mut browsers: Vec<Browser> = offered
        .into_iter()
        .filter(|b| {
            waiting
                .iter()
                .any(|&i| article.solutions[i].browsers().contains(b))
        })
        .collect();
    browsers.dedup();
    // After "Talk to a human" (or after all, with no such choice: the others keep their
    // numbers).
    let at = reply
        .choices
        .iter()
        .position(|c| c.action == Action::Escalate)
        .map_or(reply.choices.len(), |i| i + 1);
    for (n, b) in browsers.into_iter().enumerate() {
        reply.choices.insert(
            at + n,
            crate::reply::Choice::new(Action::Browser(Some(b)), b.label(), Style::Secondary),
        );
    }
    reply
}

/// The end of the fixes, asked again (another "no", an aside): one line and the same choices.
pub(super) fn out_of_solutions_again(session: &Session, article: &Article) -> Reply {
    let text = with_skipped(session, article, words::still_out_of_fixes(&article.title));
    with_browser_choices(session, article, out_of_fixes_offer(session, article, text))
}

/// `text` under "Out of fixes", with a person first, then the other problem the description
/// named, the check and starting over.
fn out_of_fixes_offer(session: &Session, article: &Article, text: String) -> Reply {
    let mut reply = Reply::new(text)
        .title(words::OUT_OF_FIXES_TITLE)
        .tone(Tone::Warning)
        .article(&article.id)
        .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary);
    if let Some(other) = other_problem_named(session, article) {
        reply = reply.choice(
            Action::Article(other.id.clone()),
            words::look_at(&other.title),
            Style::Secondary,
        );
    }
    if !article.checks.is_empty() {
        reply = reply.choice(Action::Check, words::CHECK_THE_SERVICE, Style::Secondary);
    }
    reply.choice(Action::Restart, words::START_OVER, Style::Secondary)
}
