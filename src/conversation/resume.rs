//! The open question asked again: when the user comes back, after an answer to an earlier
//! step, and the list of articles on screen.

use super::out_of_fixes::{out_of_solutions, out_of_solutions_again};
use super::outcome::what_fixed_it;
use super::walk::{next_solution, said_not_fixed, unseen_step};
use super::{Output, current_article, help};
use crate::knowledge::{Article, KnowledgeBase};
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Asked, Session, Stage};
use crate::words;

/// "Sorry it's back" (`lead`): a new ticket with everything from before, or the fixes of
/// `article` again when one is left that was not said to fail.
pub(super) fn back_after_resolved(
    kb: &KnowledgeBase,
    session: &Session,
    article: Option<&str>,
    lead: &str,
) -> Reply {
    let mut reply = Reply::new(lead).tone(Tone::Warning).choice(
        Action::AddToTicket,
        words::OPEN_A_NEW_TICKET,
        Style::Primary,
    );
    if let Some(a) = article.and_then(|id| kb.get(id))
        && (0..a.solutions.len()).any(|i| !said_not_fixed(session, a, i))
    {
        reply = reply.article(&a.id).choice(
            Action::Article(a.id.clone()),
            words::try_fixes_again(&a.title),
            Style::Secondary,
        );
    }
    reply
}

/// The user is back (a new console, a new day): the question left open is asked again.
pub(super) fn resume(
    kb: &KnowledgeBase,
    session: &mut Session,
    asked: Option<Asked>,
    now: u64,
    out: &mut Output,
) {
    // "Sorry it's back" left unanswered: the same offer, so its numbers work again.
    if asked == Some(Asked::BackAfterResolved)
        && let Stage::Escalated { article } = &session.stage
        && session.ticket.is_some()
        && !session.ticket_open
    {
        let article = article.clone();
        out.replies.push(back_after_resolved(
            kb,
            session,
            article.as_deref(),
            words::BACK_AFTER_RESOLVED_AGAIN,
        ));
        session.asked = asked;
        return;
    }
    let article = current_article(kb, session);
    match (&session.stage, article) {
        (Stage::AwaitingFeedback { .. } | Stage::ChoosingBrowser { .. }, Some(article)) => {
            out.replies
                .push(Reply::new(words::welcome_back(&article.title)).article(&article.id));
            ask_again(session, article, now, out);
        }
        (Stage::OutOfSolutions { .. }, Some(article)) => {
            out.replies.push(out_of_solutions(session, article));
            // "A person can take it from here": a bare "yes" takes the offer.
            session.asked = Some(Asked::Human);
        }
        (Stage::ChoosingArticle { candidates }, _) => out.replies.push(the_list_again(
            kb,
            candidates,
            words::WELCOME_BACK_WHICH.to_string(),
        )),
        _ => out.replies.push(help()),
    }
}

/// "Is it one of these?" ("Is this it?" for one) again, with `lead` and the same articles in
/// the same places.
pub(super) fn the_list_again(kb: &KnowledgeBase, candidates: &[String], lead: String) -> Reply {
    let (title, none) = if candidates.len() == 1 {
        (words::IS_THIS_IT, words::SOMETHING_ELSE)
    } else {
        (words::IS_IT_ONE_OF_THESE, words::NONE_OF_THESE)
    };
    let mut reply = Reply::new(lead).title(title);
    for id in candidates {
        if let Some(a) = kb.get(id) {
            reply = reply.choice(
                Action::Article(a.id.clone()),
                a.title.clone(),
                Style::Primary,
            );
        }
    }
    reply
        .choice(Action::NoneOfThese, none, Style::Secondary)
        .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary)
}

/// Asks the open question of `article` again: the unanswered step (for the browser now known),
/// the browser question, or the end of the fixes.
pub(super) fn ask_again(session: &mut Session, article: &Article, now: u64, out: &mut Output) {
    if matches!(session.stage, Stage::OutOfSolutions { .. })
        && let Some(back) = unseen_step(session, article)
    {
        // A step skipped for the browser or the phone the user has left comes back.
        session.next_solution = back;
        next_solution(session, article, now, out);
        return;
    }
    if matches!(session.stage, Stage::OutOfSolutions { .. }) {
        // Said once in full already: the offer again, without the article's advice.
        out.replies.push(out_of_solutions_again(session, article));
        session.asked = Some(Asked::Human);
        return;
    }
    session.withdraw_pending();
    next_solution(session, article, now, out);
}

/// An answer to a step that is not the open one (a button on an earlier message, or of another
/// article): nothing is recorded, and the open question is asked again.
pub(super) fn outdated(kb: &KnowledgeBase, session: &mut Session, now: u64, out: &mut Output) {
    out.replies
        .push(Reply::new(words::EARLIER_STEP).tone(Tone::Warning));
    let article = current_article(kb, session);
    match (&session.stage, article) {
        (stage, Some(a)) if stage.is_walking() => ask_again(session, a, now, out),
        (Stage::Fixed { .. }, Some(a)) => {
            let title = what_fixed_it(session, a);
            out.replies.push(
                Reply::new(words::you_said_it_was_fixed(title))
                    .article(&a.id)
                    .choice(Action::Restart, words::ANOTHER_PROBLEM, Style::Secondary),
            );
        }
        (Stage::Escalated { .. }, _) => out.replies.push(
            Reply::new(words::handed_over(
                session.ticket.map(|t| t.to_string()).as_deref(),
            ))
            .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary)
            .choice(Action::Restart, words::START_OVER, Style::Secondary),
        ),
        _ => resume(kb, session, None, now, out),
    }
}
