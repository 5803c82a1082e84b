//! The conversation engine: (Session, Event) -> replies and effects; pure, no I/O.
//!
//! Adapters (console, Discord) turn input into [`Event`]s and render the [`Reply`]s. Work that
//! needs I/O (live checks, tickets) is requested as an [`Effect`]; the service runs it and feeds
//! the result back as another event.

mod actions;
mod another_article;
mod asked;
mod billing;
mod checks;
mod codes;
mod describe;
mod faq;
mod fix_for;
mod fix_named;
mod fixes_told;
mod it_works;
mod message;
mod mixed_results;
mod other_problems;
mod out_of_fixes;
mod outcome;
mod realign;
mod resume;
mod returning;
mod ruled_out;
mod step_asked;
mod step_text;
mod still_broken;
mod terms;
mod test_results;
mod tests_out_of_turn;
mod typed;
mod urgent;
mod walk;
mod walk_moves;
mod which_browser;
mod withdrawn;
mod wording;

use crate::browser::Browser;
use crate::knowledge::{Article, KnowledgeBase};
use crate::reply::{Action, Reply, Style, Tone};
use crate::semantic::QueryVectors;
use crate::session::{Asked, ScoredArticle, Session};
use crate::understand::{self, Intent};
use crate::words;
use actions::act;
use asked::answer_asked;
use checks::check_again;
use describe::describe;
use message::{
    keep_every_word, keep_what_was_said_of_the_step, note_device, read_of, without_secrets,
};
use out_of_fixes::offer_steps_for_the_browser;
pub use realign::realign;
use resume::resume;
use walk::start_article;

/// How many ranked articles a session remembers.
const KEEP_MATCHES: usize = 5;
/// How many low-confidence candidates are offered.
pub const CANDIDATES: usize = 3;

/// Something the user did.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A plain-language description of the problem; `browser` when given explicitly.
    Describe {
        text: String,
        browser: Option<Browser>,
        /// The text's sentence vectors, filled in by the service when a sentence model is in
        /// use (adapters leave it `None`); ranking is lexical without them.
        query: Option<QueryVectors>,
    },
    /// A choice picked (button, menu, numbered console option).
    Act(Action),
    /// Jump straight to an article's steps (`/fix`).
    Open {
        article: String,
        browser: Option<Browser>,
    },
    Help,
    /// Ask for a human, with an optional note for staff.
    Escalate {
        note: Option<String>,
    },
    /// A problem handed straight to a person (a web form, `supportbot escalate`): diagnosed
    /// for the ticket, but no fix is shown, so none is listed as tried.
    HandOver {
        text: String,
        browser: Option<Browser>,
        note: Option<String>,
        /// As for [`Event::Describe`].
        query: Option<QueryVectors>,
    },
    /// Check live: a named target or URL, or the current article's targets.
    Check {
        target: Option<String>,
    },
    /// The user came back (console start, restart of the bot): repeat where we stand.
    Resume,
}

/// Work the engine asks the service to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run live checks on these targets (names from the article, or what the user asked);
    /// `lead`: shown before this turn's other replies (the check asked for first, then what
    /// the rest of the message describes), else after them, on the side of the open question.
    Check { targets: Vec<String>, lead: bool },
    /// Hand the conversation to a human.
    Escalate { note: Option<String> },
    /// Add what was said since the hand-over to the open ticket (a hand-over without a note that
    /// files nothing when the ticket already has all of it); `works_now` when the user says the
    /// problem is gone, so staff can resolve it.
    AddToTicket { works_now: bool },
    /// Tell the user when incident number `incident` is over.
    Subscribe { incident: u32 },
    /// Say where the user's ticket stands ("is anyone there?" after a hand-over).
    TicketStatus,
}

/// What handling one event produced.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Output {
    pub replies: Vec<Reply>,
    pub effects: Vec<Effect>,
}

/// Handles one event, updating the session in place.
pub fn handle(kb: &KnowledgeBase, session: &mut Session, event: Event, now: u64) -> Output {
    session.updated_at = now;
    session.device_before = session.device;
    let mut out = Output::default();
    if withdrawn::follow_or_leave(kb, session, &event, now, &mut out) {
        return out;
    }
    realign(kb, session);
    // A yes/no question is open for one reply only: whatever comes next answers or replaces it.
    let asked = session.asked.take();
    match event {
        Event::Describe {
            text,
            browser,
            query,
        } => {
            // A password typed here is never kept: not in the session, not on a ticket.
            let whole = without_secrets(text.trim(), &mut out);
            // ("PS 077", "ps77": the code the articles list as "PS077", for every reading of it.)
            // ("tried in cognito": "incognito", for every reading of it too.)
            let read = understand::as_one_word(&read_of(&whole, &mut out)).into_owned();
            let read = kb.spelt_as_listed(&read).into_owned();
            let text = read.as_str();
            let on_screen = session.current_step().map(|s| s.attempt);
            let described_before = session.descriptions.len();
            note_device(session, text);
            let before = session.browser;
            // Whether the last reply was "I don't know this one" (its "Talk to a human?" open).
            let dont_know_before = matches!(asked, Some(Asked::DontKnow));
            let urgent_before = urgent::said_before(session);
            let answered =
                asked.is_some_and(|asked| answer_asked(kb, session, asked, text, now, &mut out));
            // "help me anyway" while the outage lead holds the fixes back: its button.
            if !answered && session.fixes_held_back() && understand::asks_for_the_fixes(text) {
                act(kb, session, Action::Continue, now, &mut out);
            } else if !answered
                && understand::asks_to_check_again(text)
                // ("status?" with a ticket open asks where the ticket stands.)
                && !(session.ticket.is_some() && understand::asks_about_ticket(text))
            {
                check_again(kb, session, now, &mut out);
            } else if !answered {
                describe(kb, session, text, browser, query.as_ref(), now, &mut out);
                // "omg", "NO", "this is useless" after "I don't know this one": not the same
                // paragraph again, word for word.
                if dont_know_before
                    && let Some(reply) = out.replies.last_mut()
                    && reply.title.as_deref() == Some(words::DONT_KNOW_TITLE)
                {
                    reply.text = words::DONT_KNOW_AGAIN.into();
                }
            }
            // "brave": Chrome's steps stand in, and the user is told why they read "Chrome".
            if let Some((name, base)) = Browser::built_on(text)
                && session.browser == Some(base)
                && (before != Some(base)
                    || understand::classify(text).intent == Some(Intent::Browser)
                        && understand::where_it_works(text).is_none())
            {
                out.replies
                    .insert(0, Reply::new(words::built_on(name, base.label())));
            }
            if read != whole {
                keep_every_word(session, &read, &whole, &mut out);
            }
            if let Some(attempt) = on_screen {
                keep_what_was_said_of_the_step(session, attempt, &whole, described_before, &out);
            }
            urgent::offer_a_person_sooner(session, &whole, urgent_before, &mut out);
        }
        Event::Open { article, browser } => match kb.get(&article) {
            Some(a) => {
                session.leave_pending();
                if let Some(b) = browser {
                    session.browser = Some(b);
                    session.other_browser = false;
                }
                start_article(session, a, now, &mut out)
            }
            None => out.replies.push(unknown_article(kb, &article)),
        },
        Event::Act(action) => act(kb, session, action, now, &mut out),
        Event::Help => out.replies.push(help().aside()),
        Event::Escalate { note } => {
            let note = note.map(|n| without_secrets(&n, &mut out));
            session.leave_pending();
            out.effects.push(Effect::Escalate { note });
        }
        Event::HandOver {
            text,
            browser,
            note,
            query,
        } => {
            // (The service keeps the whole hand-over for the ticket: `keep_handed_over`.)
            let text = crate::plain_words::reading(text.trim()).into_owned();
            let text = without_secrets(&text, &mut out);
            let text = kb.spelt_as_listed(&text).into_owned();
            note_device(session, &text);
            let told = out.replies.len();
            let tried = session.attempts.len();
            let effects = out.effects.len();
            describe(kb, session, &text, browser, query.as_ref(), now, &mut out);
            // Words that ask for a person ("call me back") are handed over by the describing
            // too: one hand-over, this one with the note, files the ticket once.
            let added = out.effects.split_off(effects);
            (out.effects).extend(
                added
                    .into_iter()
                    .filter(|e| !matches!(e, Effect::Escalate { .. })),
            );
            // The browser the form gave is the ticket's, whatever the words did with it.
            if session.browser.is_none() {
                session.browser = browser;
            }
            // The user never saw the walk: no fix was shown or skipped, nothing is answered.
            // (A fix shown before, in a conversation they had, stays as it was.)
            if session.attempts.len() > tried {
                session.withdraw_pending();
                session.attempts.truncate(tried);
            }
            out.replies.truncate(told);
            let note = note.map(|n| without_secrets(&n, &mut out));
            session.leave_pending();
            out.effects.push(Effect::Escalate { note });
        }
        Event::Check {
            target: Some(target),
        } => out.effects.push(Effect::Check {
            targets: vec![target],
            lead: false,
        }),
        Event::Check { target: None } => act(kb, session, Action::Check, now, &mut out),
        Event::Resume => resume(kb, session, asked, now, &mut out),
    }
    offer_steps_for_the_browser(kb, session, &mut out);
    note_told_safari(session);
    out
}

/// Keeps [`Session::told_safari`]: set while "safari, not which" is open or a Safari is the
/// browser, cleared by another browser; not knowing which ("idk") leaves it.
fn note_told_safari(session: &mut Session) {
    if session.safari_unsure {
        session.told_safari = true;
    } else if let Some(b) = session.browser {
        session.told_safari = matches!(b, Browser::SafariMac | Browser::SafariIos);
    }
}

/// A ranking as the session keeps it: each article's id, title and score.
fn scored(kb: &KnowledgeBase, ranking: &crate::matcher::Ranking) -> Vec<ScoredArticle> {
    ranking
        .matches
        .iter()
        .map(|m| {
            let a = kb.article_at(m.doc);
            ScoredArticle {
                id: a.id.clone(),
                title: a.title.clone(),
                score: m.score,
            }
        })
        .collect()
}

/// Records the browser a description named; a bare "Safari" leaves it to be asked.
fn note_browser(session: &mut Session, named: Option<Browser>, bare_safari: bool) {
    if let Some(b) = named {
        session.browser = Some(b);
        session.other_browser = false;
        session.safari_unsure = false;
    } else if bare_safari {
        session.browser = None;
        session.other_browser = false;
        session.safari_unsure = true;
    }
}

fn dont_know() -> Reply {
    Reply::new(words::DONT_KNOW)
        .title(words::DONT_KNOW_TITLE)
        .tone(Tone::Warning)
        .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary)
}

/// Most articles listed to pick from when an id typed names none (a Discord menu holds 25).
pub(super) const ARTICLES_LISTED: usize = 25;

fn unknown_article(kb: &KnowledgeBase, id: &str) -> Reply {
    let suggestions = kb.suggest(id, 3);
    if suggestions.is_empty() {
        // Nothing close: every article to pick from, by title, when they fit in one list.
        let articles = kb.articles();
        let listed = articles.len() <= ARTICLES_LISTED;
        let mut reply = Reply::new(words::no_article_like(id, listed)).tone(Tone::Warning);
        if listed {
            for a in articles {
                reply = reply.choice(Action::Article(a.id.clone()), &a.title, Style::Secondary);
            }
        }
        return reply;
    }
    let mut reply = Reply::new(words::no_such_article(id, &suggestions)).tone(Tone::Warning);
    for s in suggestions {
        reply = reply.choice(Action::Article(s.to_string()), s, Style::Secondary);
    }
    reply
}

fn nothing_open() -> Reply {
    Reply::new(words::NOTHING_OPEN).tone(Tone::Warning)
}

/// Whether a match is the article this conversation is walking.
fn is_walked(kb: &KnowledgeBase, session: &Session, m: &crate::matcher::Match) -> bool {
    Some(kb.article_at(m.doc).id.as_str()) == session.article()
}

fn current_article<'a>(kb: &'a KnowledgeBase, session: &Session) -> Option<&'a Article> {
    session.article().and_then(|id| kb.get(id))
}

fn help() -> Reply {
    Reply::new(words::HELP).title(words::HELP_TITLE)
}
