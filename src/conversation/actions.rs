//! A choice picked (a button, a menu, a numbered console option): each [`Action`] carried
//! out.

use super::checks::which_target;
use super::fix_for;
use super::it_works;
use super::other_problems::hold_the_problem_left;
use super::outcome::{fail_pending, record_fixed};
use super::resume::{ask_again, outdated};
use super::walk::{next_solution, start_article_at, with_answers};
use super::wording::reads_the_same;
use super::{Effect, Output, current_article, nothing_open, unknown_article};
use crate::browser::Browser;
use crate::knowledge::{Article, KnowledgeBase};
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Asked, Outcome, Session, Stage, Step};
use crate::words;

pub(super) fn act(
    kb: &KnowledgeBase,
    session: &mut Session,
    action: Action,
    now: u64,
    out: &mut Output,
) {
    match action {
        Action::Article(id) => match kb.get(&id) {
            Some(a) => open_article(kb, session, a, None, now, out),
            None => out.replies.push(unknown_article(kb, &id)),
        },
        Action::NoneOfThese => {
            session.stage = Stage::Idle;
            session.asked = Some(Asked::Human);
            out.replies.push(
                Reply::new(words::COULD_NOT_PLACE_IT)
                    .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary)
                    .choice(Action::Restart, words::START_OVER, Style::Secondary),
            );
        }
        Action::Browser(choice) => {
            session.safari_unsure = false;
            let before = (session.browser, session.other_browser);
            match choice {
                Some(b) => {
                    session.browser = Some(b);
                    session.other_browser = false;
                }
                None => {
                    session.browser = None;
                    session.other_browser = true;
                }
            }
            // Before any article: remembered for the fixes to come.
            let Some(article) = current_article(kb, session) else {
                out.replies.push(Reply::new(words::browser_noted(
                    choice.map_or(words::ANOTHER_BROWSER, Browser::label),
                )));
                return;
            };
            // A browser change re-shows the current solution for the new browser, saying so (a
            // step that is the same everywhere would otherwise come back unexplained); an answer
            // to "Which browser?" needs no such line. Said once the fix to show is known: the new
            // browser may skip it, or the walk may have ended.
            let answers_the_question = matches!(session.stage, Stage::ChoosingBrowser { .. });
            // "ok im in edge now" at "Switch from Internet Explorer to a supported browser": the
            // move is the step, which stays the question.
            if let (Some(old), Some(new), Some(step)) = (before.0, choice, session.current_step())
                && old != new
                && let Some(solution) = article.solutions.get(step.solution)
                && solution.browsers() == [old]
                && solution.title.contains(old.label())
            {
                let said = words::moved_as_the_step_says(new.label(), &solution.title);
                out.replies
                    .push(with_answers(Reply::new(said), article, step));
                return;
            }
            let shown_before = session.current_step().map(|s| s.solution);
            let at = out.replies.len();
            session.withdraw_pending();
            next_solution(session, article, now, out);
            if !answers_the_question {
                let same_fix = shown_before.is_some()
                    && shown_before == session.current_step().map(|s| s.solution);
                let label = choice.map(Browser::label);
                // The fix on screen reads word for word the same for the new browser: not
                // shown again, only its question ("Switched to Firefox. The steps above are
                // the same in Firefox; ... Did ... fix it?").
                let unchanged = shown_before
                    .filter(|_| same_fix && choice.is_some() && before.0 != session.browser)
                    .and_then(|i| article.solutions.get(i))
                    .is_some_and(|s| {
                        reads_the_same(
                            s,
                            (before.0, session.device_before),
                            (session.browser, session.device),
                        )
                    });
                let same_fix = same_fix && !unchanged;
                let said = if before == (session.browser, session.other_browser) {
                    words::browser_unchanged(label, same_fix)
                } else if before.0.is_some() || before.1 {
                    words::browser_changed(label, same_fix)
                } else {
                    words::browser_set(label, same_fix)
                };
                if unchanged && let (Some(step), Some(b)) = (session.current_step(), label) {
                    out.replies.truncate(at);
                    let solution = &article.solutions[step.solution];
                    let said = format!(
                        "{said} {}",
                        words::same_steps_in(b, &solution.title, solution.test)
                    );
                    out.replies
                        .push(with_answers(Reply::new(said), article, step));
                    return;
                }
                out.replies.insert(at, Reply::new(said));
            }
        }
        Action::Fixed(step) => {
            if let Some(article) = answered_step(kb, session, step, now, out) {
                record_fixed(session, article, now, out);
            }
        }
        Action::NotFixed(step) => {
            let Some(article) = answered_step(kb, session, step, now, out) else {
                return;
            };
            // current_step() is Some, so an attempt is pending.
            if fail_pending(session, article, now) {
                next_solution(session, article, now, out);
            }
        }
        Action::WorksAnyway(step) => {
            if let Some(article) = answered_step(kb, session, step, now, out) {
                it_works::works_from_something_else(session, article, None, out);
            }
        }
        Action::MoreInfo => match current_article(kb, session) {
            Some(a) => out.replies.push(more_info(a).aside()),
            None => out.replies.push(nothing_open()),
        },
        Action::Check => {
            let mut targets = current_article(kb, session)
                .map(|a| a.checks.clone())
                .unwrap_or_default();
            // Nothing open (or an article without targets): the one service there is, or ask
            // which, rather than probing every configured one.
            if let ([], [only]) = (targets.as_slice(), kb.targets()) {
                // An open article that names no check: the result may say nothing about its
                // problem (a Desktop company file checked against the online sign-in page).
                if let Some(article) = current_article(kb, session) {
                    out.replies.push(
                        Reply::new(words::no_check_of_its_own(
                            &article.title,
                            &only.description,
                        ))
                        .article(&article.id)
                        .aside(),
                    );
                }
                targets.push(only.name.clone());
            }
            if targets.is_empty() {
                out.replies.push(which_target(kb));
                if !kb.targets().is_empty() {
                    session.asked = Some(Asked::WhichService);
                }
            } else {
                out.effects.push(Effect::Check {
                    targets,
                    lead: false,
                });
            }
        }
        Action::CheckTarget(name) => out.effects.push(Effect::Check {
            targets: vec![name],
            lead: false,
        }),
        Action::Escalate => {
            session.leave_pending();
            out.effects.push(Effect::Escalate { note: None });
        }
        // The service decides whether anything is new to add; an open step is left only
        // when something is filed.
        Action::AddToTicket => out.effects.push(Effect::AddToTicket { works_now: false }),
        Action::NotifyMe(incident) => out.effects.push(Effect::Subscribe { incident }),
        Action::Continue => match current_article(kb, session) {
            Some(a) if session.stage.is_walking() => ask_again(session, a, now, out),
            _ => out.replies.push(nothing_open()),
        },
        Action::Restart => {
            let title = session.walked_article().and_then(|id| {
                kb.get(id)
                    .map(|a| a.title.as_str())
                    .or_else(|| session.title_seen(id))
                    .map(str::to_string)
            });
            let kept = session.start_over(title.as_deref(), now);
            out.replies.push(Reply::new(if kept {
                words::STARTING_OVER_KEPT
            } else {
                words::STARTING_OVER
            }));
        }
    }
}

/// The article of the step an answer names, when that step is the open one; otherwise says
/// why nothing is recorded (nothing open, or an earlier step) and returns `None`.
fn answered_step<'a>(
    kb: &'a KnowledgeBase,
    session: &mut Session,
    step: Step,
    now: u64,
    out: &mut Output,
) -> Option<&'a Article> {
    let Some(article) = current_article(kb, session) else {
        out.replies.push(nothing_open());
        return None;
    };
    // The attempt's number alone names the showing: its solution's place may have moved
    // since (an article edited under the walk, see [`realign`]).
    if session.current_step().map(|s| s.attempt) != Some(step.attempt) {
        // (Its step taken out of the article by an edit since: said so, not "earlier".)
        let taken_out = step
            .attempt
            .checked_sub(session.attempt_base)
            .and_then(|k| session.attempts.get(k))
            .is_some_and(|a| {
                a.outcome == Some(Outcome::NoAnswer)
                    && a.article == article.id
                    && !article.solutions.iter().any(|s| s.title == a.title)
            });
        if taken_out {
            out.replies
                .push(Reply::new(words::STEP_TAKEN_OUT).tone(Tone::Warning));
            next_solution(session, article, now, out);
        } else {
            outdated(kb, session, now, out);
        }
        return None;
    }
    Some(article)
}

fn more_info(article: &Article) -> Reply {
    let mut text = String::new();
    if !article.causes.is_empty() {
        text.push_str("**Why it happens**\n");
        for c in &article.causes {
            if c.detail.is_empty() {
                text.push_str(&format!("- {}\n", c.name));
            } else {
                text.push_str(&format!("- **{}**: {}\n", c.name, c.detail));
            }
        }
    }
    if !article.prevention.is_empty() {
        text.push_str("\n**Prevention**\n");
        for p in &article.prevention {
            text.push_str(&format!("- {p}\n"));
        }
    }
    let mut reply = Reply::new(text.trim_end().to_string())
        .title(words::about(&article.title))
        .article(&article.id);
    for f in &article.faq {
        reply = reply.field(f.question.clone(), f.answer.clone());
    }
    reply
}

/// Opens `article` at fix `at`, else at the fix an error code in the latest description points
/// to (picked from a list that description was ranked into: "Is it one of these?", "while you
/// wait"), else at its first; the problem walked before is held for later, its open fix left
/// unanswered.
pub(super) fn open_article(
    kb: &KnowledgeBase,
    session: &mut Session,
    article: &Article,
    at: Option<usize>,
    now: u64,
    out: &mut Output,
) {
    hold_the_problem_left(kb, session, &article.id);
    session.leave_pending();
    let first = at
        .or_else(|| {
            (session.descriptions.last()).and_then(|said| fix_for::fix_for_code(article, said))
        })
        .unwrap_or(0);
    start_article_at(session, article, first, now, out)
}
