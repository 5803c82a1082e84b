//! A description typed outside a walk's question (or during one, handed on): read as an
//! answer to what is on screen, a request, news for the ticket, or a problem to match.

use super::actions::act;
use super::billing;
use super::checks::{checks_of_the_match, service_asked_for, target_for_site};
use super::codes;
use super::faq::{faq_reply, risk_faq_anywhere};
use super::fix_for;
use super::message::safari_told_by_device;
use super::other_problems::{also_mentioned, other_problems_named};
use super::outcome::{fix_came_back, fixed_solution, take_fix_back, what_fixed_it};
use super::resume::{back_after_resolved, the_list_again};
use super::returning;
use super::ruled_out::rank_for;
use super::typed;
use super::walk::start_article_at;
use super::wording::{on_a_phone_for_a_computer, reads_the_same, steps_on_the_side};
use super::{
    CANDIDATES, Effect, KEEP_MATCHES, Output, current_article, dont_know, is_walked, note_browser,
    scored,
};
use crate::browser::Browser;
use crate::knowledge::KnowledgeBase;
use crate::plain_words;
use crate::reply::{Action, Reply, Style, Tone};
use crate::semantic::QueryVectors;
use crate::session::{Asked, Session, Stage};
use crate::understand::{self, Intent};
use crate::words;

/// A match this strong names another problem even in a short "it's back" (the clear line,
/// `Ranking::clear`, is lower; a stray word can pass it).
const CLEARLY_ANOTHER: f64 = 0.8;

/// A check asked for in at most this many words is a question, whatever else it may match
/// ("is qbo down right now?").
const SHORT_QUESTION_WORDS: usize = 10;

pub(super) fn describe(
    kb: &KnowledgeBase,
    session: &mut Session,
    text: &str,
    browser: Option<Browser>,
    query: Option<&QueryVectors>,
    now: u64,
    out: &mut Output,
) {
    let text = text.trim();
    if text.is_empty() {
        out.replies
            .push(Reply::new(words::DESCRIBE_IN_YOUR_WORDS).tone(Tone::Warning));
        return;
    }
    // "I have another problem" (the button's label, typed): a fresh start, as the button.
    if understand::only_another_problem(text) {
        return act(kb, session, Action::Restart, now, out);
    }
    // "wtf does DNS failure mean" with no walk open, after a live check: that result in plain
    // words (its words would rank an article: "gateway" is the 502 one's).
    if !session.stage.is_walking()
        && let Some(meaning) = super::checks::result_asked_about(kb, session, text)
    {
        session.note_aside(text);
        out.replies.push(Reply::new(meaning).choice(
            Action::Escalate,
            words::TALK_TO_A_HUMAN,
            Style::Secondary,
        ));
        return;
    }
    // "Safari" alone could be a Mac or an iPhone: asked when a fix's steps differ, not assumed
    // (unless the conversation already knows which Safari).
    let bare = browser.is_none() && Browser::is_bare_safari(text);
    let known_safari = session
        .browser
        .filter(|b| matches!(b, Browser::SafariMac | Browser::SafariIos));
    let bare_safari = bare && known_safari.is_none();
    // ("also tried on edge, same" after "502 in chrome": Edge tried besides; Chrome stays,
    // at "Is this it?" and after a fix too.)
    let besides = session
        .browser
        .zip(Browser::detect(text))
        .filter(|(walked, also)| {
            browser.is_none() && walked != also && super::typed::tried_besides(text)
        })
        .map(|(walked, also)| format!("{} as well as {}", also.label(), walked.label()));
    // ("502 error, im on chrome and edge", none known yet: both listed, not told apart; the
    // first one's steps, as at "Which browser?". "blank in edge, works in firefox" tells them
    // apart: which one fails is asked.)
    // ("happens in chrome at the office and safari on my mac at home": told apart, yet it
    // works in neither; the first, as for a list: explorer rv47 F14, it walked with none.)
    let first_listed = || {
        (session.browser.is_none()
            && !session.stage.is_walking()
            && Browser::names_several(text)
            && (!Browser::told_apart(text)
                || (understand::where_it_works(text).is_none() && !understand::works_now(text)))
            && !understand::only_says_where(text))
        .then(|| Browser::first_named(text))
        .flatten()
    };
    let named_browser = if bare {
        known_safari
    } else if besides.is_some() {
        None
    } else {
        browser
            .or_else(|| Browser::detect(text))
            .or_else(first_listed)
    };
    // Went by the text rather than an explicit choice: said, with how to change it.
    let assumed_browser = browser.is_none() && named_browser.is_some();
    let ranking = rank_for(kb, session, text, query);
    // "also i think someone hacked my account" mid-walk: for a person at once, with the words
    // on the ticket (the fix on screen is left untried).
    if session.stage.is_walking() && understand::reports_a_break_in(text) {
        session.leave_pending();
        out.replies
            .push(Reply::new(words::BREAK_IN_TO_A_PERSON).tone(Tone::Warning));
        out.effects.push(Effect::Escalate {
            note: Some(text.to_string()),
        });
        return;
    }
    // Typed during a walk: an answer to the open question, a detail, or (asked first) another
    // problem; never a silent restart.
    if session.stage.is_walking()
        && let Some(article) = current_article(kb, session)
    {
        // "hi again, same problem as yesterday" with a fix on screen: the user is back, and
        // may never have tried it; asked, not recorded as failed.
        if session.current_step().is_some() && returning::back_from_an_earlier_visit(text) {
            session.note_aside(text);
            return typed::open_question(
                session,
                article,
                words::WELCOME_BACK_TO_THE_FIX,
                now,
                out,
            );
        }
        typed::answer(kb, session, article, text, (&ranking, query), now, out);
        return;
    }
    // "same", "didnt work" with nothing asked and no problem told: nothing to look up (a
    // sentence model finds some article near anything). After an earlier problem, going back
    // to it is offered.
    if matches!(session.stage, Stage::Idle) && understand::only_a_reply(text) {
        let earlier = session
            .earlier
            .last()
            .and_then(|e| e.article.clone())
            .filter(|(id, _)| kb.get(id).is_some());
        out.replies.push(match earlier {
            Some((id, title)) => Reply::new(words::answers_nothing_or(&title)).choice(
                Action::Article(id),
                words::back_to_problem(&title),
                Style::Primary,
            ),
            None => Reply::new(words::ANSWERS_NOTHING),
        });
        return;
    }
    // "yes please" with nothing asked (after "Good to hear!", or as a first message): a yes to
    // nothing, not a description (the sentence model found "Login Loop" near it).
    if matches!(session.stage, Stage::Idle | Stage::Fixed { .. })
        && ranking.named().is_none()
        && understand::yes_or_no(text) == Some(true)
        && !understand::says_nothing(text)
        && text.split_whitespace().count() <= 4
    {
        out.replies.push(Reply::new(words::YES_TO_NOTHING));
        return;
    }
    // "nevermind, fixed it", "it's working again, thanks anyway" with nothing walked or asked
    // and no ticket to tell: good news, no description (explorer rv45 F17: "This sounds like
    // HTTP Error 500").
    // ("all good, bye" is a goodbye, answered as one below.)
    if matches!(session.stage, Stage::Idle)
        && ticket_to_reach(session).is_none()
        && !understand::only_a_goodbye_all_well(text)
        && works_now_for_the_ticket(kb, &ranking, text)
    {
        out.replies
            .push(Reply::new(words::GLAD_IT_WORKS_NOTHING_WALKED));
        return;
    }
    // "r u a bot?": said plainly; whatever is on screen stays the question.
    if understand::asks_if_a_bot(text) {
        out.replies.push(Reply::new(words::I_AM_A_BOT));
        return;
    }
    // "what can you do?": how I help (it was "I don't know this one").
    if understand::asks_what_the_bot_does(text) {
        out.replies.push(super::help());
        return;
    }
    // "how are you?", "tell me a joke": answered in a line, with what I am for (explorer rv45
    // F19: "tell me a joke" was "This sounds like HTTP Error 500").
    if let Some(chat) = understand::chat(text) {
        let answer = match chat {
            understand::Chat::HowAreYou => words::HOW_I_AM,
            understand::Chat::OffTopic => words::ONLY_QUICKBOOKS_PROBLEMS,
        };
        if let Stage::ChoosingArticle { candidates } = &session.stage {
            // The list on screen stays the question ("2" still picks its second article).
            let candidates = candidates.clone();
            out.replies
                .push(the_list_again(kb, &candidates, answer.to_string()));
        } else {
            out.replies.push(Reply::new(answer));
        }
        return;
    }
    // "will clearing the cache lose any of the client's data?" after a fix: the FAQ entry that
    // answers it, and no walk (it opened the cache article as a new problem). ("got a 503
    // while saving, is my data lost?" tells a problem too: its article opens, as before.)
    if !understand::mentions_trouble(text)
        && let Some((faq, from)) = risk_faq_anywhere(kb, text)
    {
        out.replies.push(faq_reply(faq, from));
        return;
    }
    // "will i lose my invoices i was entering", no problem told with it: the entry about data
    // of the article walked, else of the one the last check's result points to; with
    // neither, what happened is asked (explorer rv48 F8: the login loop was walked at 67%
    // on "lose" and "entering").
    if understand::worries_about_losing_work(text)
        && !understand::mentions_trouble(text)
        && super::terms::Terms::said(text).codes.is_empty()
        && session.ticket.is_none()
    {
        session.note_aside(text);
        let checked = session.checks.last().and_then(|c| {
            let verdict = crate::probe::Verdict::from_word(&c.verdict)?;
            crate::probe::verdict::article_for(kb, &c.target, verdict, c.status)
        });
        let entry = (super::current_article(kb, session).into_iter())
            .chain(checked)
            .find_map(|a| super::faq::entry_about_data(a).map(|f| (f, a)));
        match entry {
            Some((faq, from)) => out.replies.push(faq_reply(faq, from)),
            None => out
                .replies
                .push(Reply::new(words::WHAT_HAPPENED_TO_YOUR_WORK)),
        }
        return;
    }
    // "nvm", "forget it" at a list ("Is this it?" or "Is it one of these?"): called off, as
    // mid-walk (it was the same list again).
    if matches!(session.stage, Stage::ChoosingArticle { .. }) && understand::calls_it_off(text) {
        return super::typed::call_it_off(session, text, out);
    }
    // "repeat", "say that again" at a list: the same list, not words added to the description
    // ("repeat" tipped "keeps logging me out" into opening its article).
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && understand::walk_move(text) == Some(understand::WalkMove::Repeat)
    {
        let candidates = candidates.clone();
        out.replies.push(the_list_again(
            kb,
            &candidates,
            words::THE_LIST_AGAIN.to_string(),
        ));
        return;
    }
    // "this is useless": with a ticket open, where it stands; else a person, offered.
    if understand::fed_up(text) {
        session.note_aside(text);
        if session.ticket_open && session.ticket.is_some() {
            out.effects.push(Effect::TicketStatus);
        } else if let Stage::ChoosingArticle { candidates } = &session.stage {
            // The list on screen stays the question ("2" still picks its second article).
            out.replies.push(the_list_again(
                kb,
                candidates,
                words::SORRY_NO_HELP.to_string(),
            ));
        } else {
            out.replies.push(Reply::new(words::SORRY_NO_HELP).choice(
                Action::Escalate,
                words::TALK_TO_A_HUMAN,
                Style::Secondary,
            ));
        }
        return;
    }
    // "2" with no list open (the console passes a number through when nothing is numbered):
    // a pick from the list on screen in chat, else a choice that is not there.
    if text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        let picked = match &session.stage {
            Stage::ChoosingArticle { candidates } => text
                .parse::<usize>()
                .ok()
                .and_then(|n| candidates.get(n.checked_sub(1)?))
                .cloned(),
            _ => None,
        };
        match picked {
            Some(id) => act(kb, session, Action::Article(id), now, out),
            None => out
                .replies
                .push(Reply::new(words::no_such_choice(text)).tone(Tone::Warning)),
        }
        return;
    }
    // Typed after a hand-over while the ticket is open: what matches nothing clearly is most
    // likely more for the ticket ("i need this fixed before payroll friday"), so adding it is
    // offered first.
    let open_ticket = ticket_to_reach(session).map(|id| id.to_string());
    let handed_over_just_now = matches!(session.stage, Stage::Escalated { .. });
    // A bare "yes" / "no" answers the question on screen: "Add this to your ticket?" (the stage
    // stays `Escalated` while it is offered, so every follow-up gets the offer; a ticket
    // resolved since then gets a new one), "Is this it?" (picks the one candidate) or "Is it
    // one of these?" ("no" is none of them). Anything more is a description as usual.
    let after_hand_over = open_ticket.is_some()
        || session.ticket.is_some() && matches!(session.stage, Stage::Escalated { .. });
    // "human please, payroll is due", "just get me a person, we cant run payroll" at "Is this
    // it?": the problem is told and the list was no help; a person now, the words as the
    // ticket's note (unless they clearly name a problem that is not on the list).
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && let said = understand::classify(text)
        && said.intent == Some(Intent::Human)
        // ("is a human going to read this?" asks about people, not for one.)
        && (!said.question || said.asks_for_a_person || said.bare_human_request)
        // (A long paste held back names nothing clearly: "human please, the rest of the log:
        // ...".)
        && (ranking.held_back.is_some()
            || ranking
                .named()
                .is_none_or(|m| candidates.contains(&kb.article_at(m.doc).id)))
    {
        let note = (!said.bare_human_request).then(|| text.to_string());
        out.effects.push(Effect::Escalate { note });
        return;
    }
    // "the first one", "number 2", "the last one" at "Is it one of these?": that one.
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && let Some(place) = understand::picks_place(text)
        && let Some(id) = if place == usize::MAX {
            candidates.last()
        } else {
            candidates.get(place - 1)
        }
    {
        let action = Action::Article(id.clone());
        return act(kb, session, action, now, out);
    }
    // "fixed", "nvm it works now" at "Is it one of these?": nothing to pick any more.
    if matches!(session.stage, Stage::ChoosingArticle { .. })
        && ranking.named().is_none()
        && text.split_whitespace().count() <= 6
        // ("all good, bye" is a goodbye, below.)
        && !understand::only_a_goodbye_all_well(text)
        // ("yes" picks the one candidate of "Is this it?".)
        && understand::yes_or_no(text).is_none()
        && let said = understand::classify(text)
        && said.intent == Some(Intent::Fixed)
        && !said.question
        // ("works fine on my phone though" says where it works, not that it does now; so
        // does "in incognito is working good".)
        && understand::where_it_works(text).is_none()
        && !understand::works_only_in_private(text)
    {
        session.note_aside(text);
        session.stage = Stage::Idle;
        session.asked = None;
        out.replies.push(Reply::new(words::GOOD_TO_HEAR));
        return;
    }
    // "turned off grammarly and it loads now!", "cleared cache in chrome and it works!!" at
    // "Is it one of these?": the user fixed it while choosing (a deed, then that it works);
    // nothing to pick any more. (Where it works is below: "tried chrome and it works there".)
    if matches!(session.stage, Stage::ChoosingArticle { .. })
        && text.split_whitespace().count() <= 12
        && let said = understand::classify(text)
        && said.intent == Some(Intent::Fixed)
        && !said.question
        && understand::where_it_works(text).is_none()
        && !understand::works_only_in_private(text)
        && !understand::mentions_trouble(text)
        && super::fix_named::names_an_action(text)
    {
        session.note_aside(text);
        session.stage = Stage::Idle;
        session.asked = None;
        out.replies.push(Reply::new(words::GOOD_TO_HEAR));
        return;
    }
    // "im on edge", "oh and its chrome", "yeah chrome" at "Is it one of these?": where the user
    // is, noted, and the same list again (not a new description that throws the list away).
    // (At "Is this it?" a yes picks the one: "yes, in chrome".)
    let several =
        matches!(&session.stage, Stage::ChoosingArticle { candidates } if candidates.len() > 1);
    let after_a_yes = ["yeah", "yes", "yep", "yup", "ya"]
        .iter()
        .filter(|_| several)
        .find_map(|yes| {
            let typed = text.trim_start();
            typed
                .get(..yes.len())
                .filter(|head| head.eq_ignore_ascii_case(yes))
                .map(|_| &typed[yes.len()..])
                .filter(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        })
        .unwrap_or(text);
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && understand::only_says_where(after_a_yes)
        && let Some(on) = named_browser
            .map(Browser::label)
            .or(bare_safari.then_some("Safari"))
            .or(safari_told_by_device(session, text))
            .or(crate::device::Device::detect(text).map(crate::device::Device::label))
    {
        let candidates = candidates.clone();
        note_browser(session, named_browser, bare_safari);
        let lead = words::noted_which_of_these(on, candidates.len() > 1);
        out.replies.push(the_list_again(kb, &candidates, lead));
        return;
    }
    // "tried chrome and it works fine there", "switched to chrome and it works" at "Is it one
    // of these?": where it works, noted for staff, and the same list again; the browser where
    // it fails stays (the browser's words alone rank the unsupported-browser article).
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && let Some(works_in) = Browser::detect(text)
        && matches!(
            understand::classify(text).intent,
            Some(Intent::Browser | Intent::Fixed)
        )
        && understand::works_now(text)
        && !understand::works_only_in_private(text)
        && !understand::mentions_trouble(text)
        && text.split_whitespace().count() <= 12
    {
        let candidates = candidates.clone();
        session.descriptions.push(text.to_string());
        let lead = words::works_there_which_of_these(works_in.label());
        out.replies.push(the_list_again(kb, &candidates, lead));
        return;
    }
    // "yeah the blank page one", "the login one", "the outage": the one listed article whose
    // title has the words. ("is it down for everyone?" and "check if its down" ask for the
    // check, whatever title has "Down for Everyone"; "the outage one" picks.)
    // ("is it the outage one?", "maybe the down for everyone one?" pick.)
    // (Read only at a list: a closure, so other messages are not classified for it.)
    let asks_for_the_check = || {
        let said = understand::classify(text);
        let lower = text.to_lowercase();
        let names_one = plain_words::lowercase_words(&lower)
            .iter()
            .any(|w| w == "one");
        said.intent == Some(Intent::Check)
            && (said.question || lower.contains("check"))
            && !names_one
    };
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && !asks_for_the_check()
    {
        let titles: Vec<&str> = candidates
            .iter()
            .filter_map(|id| kb.get(id))
            .map(|a| a.title.as_str())
            .collect();
        if titles.len() == candidates.len()
            && let Some(i) = understand::picks_by_title(text, &titles)
        {
            let action = Action::Article(candidates[i].clone());
            return act(kb, session, action, now, out);
        }
    }
    // "why would cookies matter?", "does it matter?" at a list: a question about the choice,
    // not more description (it was added to the problem's words, and four such questions
    // pushed the right article off the list: explorer rv45 F16). The same list again.
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && understand::asks_about_the_process(text)
    {
        let candidates = candidates.clone();
        session.note_aside(text);
        out.replies.push(the_list_again(
            kb,
            &candidates,
            words::CHOOSE_FIRST.to_string(),
        ));
        return;
    }
    // "yes, in chrome", "yep but only on my laptop" at "Is this it?": the one article, with
    // what else was said kept (where the user is was noted as the message came in).
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && let [only] = candidates.as_slice()
        && understand::yes_and_more(text).is_some()
    {
        let action = Action::Article(only.clone());
        typed::note_follow_up(session, text);
        note_browser(session, named_browser, bare_safari);
        return act(kb, session, action, now, out);
    }
    // "did ctrl f5 like 5 times, nothing" at "Is this it?": a step of the one article offered
    // told as done, with how it went, says that is the problem; it opens, and the step is
    // recorded as tried (explorer rv46 F10: with the sentence model the reply was added to the
    // description, the list grew vaguer each time, and the ticket said "Steps tried: none").
    if let Stage::ChoosingArticle { candidates } = &session.stage
        && let Some((id, failed)) = offered_article_of_a_step_told(kb, candidates, text)
    {
        if session.descriptions.last().map(String::as_str) != Some(text) {
            session.descriptions.push(text.to_string());
        }
        note_browser(session, named_browser, bare_safari);
        // The fix told as failed is recorded so, with the user's words, and not shown; said
        // after the article's summary.
        let mut noted = None;
        if let Some(index) = failed
            && let Some(article) = kb.get(&id)
        {
            super::walk::record_step(
                session,
                article,
                index,
                session.browser,
                crate::session::Outcome::NotFixed,
                now,
            );
            if let Some(step) = session.attempts.last_mut() {
                step.said.push(text.to_string());
            }
            noted = Some(
                Reply::new(words::tried_already(&[&article.solutions[index].title]))
                    .article(&article.id),
            );
        }
        let from = out.replies.len();
        act(kb, session, Action::Article(id), now, out);
        if let Some(noted) = noted {
            out.replies.insert((from + 1).min(out.replies.len()), noted);
        }
        return;
    }
    // "yes add it", "please add" at "Add this to your ticket?".
    if after_hand_over && understand::only_says_add(text) {
        return act(kb, session, Action::AddToTicket, now, out);
    }
    if let Some(yes) = understand::yes_or_no(text) {
        let action = match (&session.stage, yes) {
            (_, true) if after_hand_over => Some(Action::AddToTicket),
            (_, false) if after_hand_over => Some(Action::NoneOfThese),
            (Stage::ChoosingArticle { .. }, false) => Some(Action::NoneOfThese),
            (Stage::ChoosingArticle { candidates }, true) => match candidates.as_slice() {
                [only] => Some(Action::Article(only.clone())),
                // "yes" to several: which one is still the question.
                _ => {
                    out.replies
                        .push(Reply::new(words::WHICH_ONE).tone(Tone::Warning));
                    return;
                }
            },
            _ => None,
        };
        if let Some(action) = action {
            return act(kb, session, action, now, out);
        }
    }
    // "add it to my ticket" (in words rather than the button): the action, and whatever else
    // the message says goes on the ticket with it.
    if after_hand_over && understand::asks_to_add_to_ticket(text) {
        return typed::add_what_it_says(kb, session, text, now, out);
    }
    let understood = understand::classify(text);
    // "does a blank page mean my data is gone?" after "Glad that worked!": a question the
    // fixed article's FAQ answers is answered, and the fix stands (explorer rv46 F14: the walk
    // started again at the fix that had just worked). ("is it back?" doubts the fix: below.)
    if let Stage::Fixed { article } = &session.stage
        && understood.question
        && !matches!(
            understood.intent,
            Some(Intent::Human | Intent::Check | Intent::NotFixed)
        )
        && !understand::doubts_the_fix(text)
        && let Some(article) = kb.get(article)
        && let Some(faq) = super::faq::faq_answering(kb, article, text, query)
    {
        session.note_answered(text, &faq.question);
        out.replies.push(super::faq::faq_reply(faq, article));
        return;
    }
    // Whether the words clearly name no other problem than the one the conversation was on.
    let names_no_other = ranking.named().is_none_or(|m| is_walked(kb, session, m));
    // "it came back", in words that do not also say it works; after "Glad that worked!", a
    // bare "didnt work" or "still broken" says it too.
    // ("is it me or is it back?" doubts the fix in a question, and says it too.)
    // ("same problem as yesterday" from a returning user says it too.)
    let came_back = (understand::fix_did_not_last(text)
        || returning::says_it_is_back(text)
        || understand::doubts_the_fix(text)
        || (matches!(session.stage, Stage::Fixed { .. }) && understand::only_a_reply(text)))
        && understood.intent != Some(Intent::Fixed);
    // "its not working, human please" or "this is useless, let me talk to a real person" after
    // "Glad that worked!": a hand-over, whatever stray words rank (a clear match of another
    // problem aside); a failure said with it takes the fix back first, so staff are not told
    // it was fixed.
    if let Stage::Fixed { article } = &session.stage
        && understood.intent == Some(Intent::Human)
        && ranking
            .named()
            .is_none_or(|m| is_walked(kb, session, m) || m.score < CLEARLY_ANOTHER)
        && let Some(article) = kb.get(article)
    {
        // (The words go on the ticket as the user's note.)
        if came_back
            || understand::not_fixed_beside_human(text)
            || understand::fix_did_not_last(text)
        {
            take_fix_back(session, article, !understand::corrects_an_answer(text), now);
        }
        let note = (!understood.bare_human_request).then(|| text.to_string());
        out.effects.push(Effect::Escalate { note });
        return;
    }
    // "great. now another client of mine has the exact same blank page thing" after "Glad
    // that worked!": their trouble, not the fix failing (explorer rv47 F4). The fix stands,
    // and theirs is a new problem: the same article from its start when the words rank no
    // other ("a different client has the same issue").
    if let Stage::Fixed { article } = session.stage.clone()
        && understood.intent != Some(Intent::Fixed)
        && !understood.question
        && understand::someone_elses_trouble(text)
        && !understand::someone_already_told(text, &session.descriptions)
        && let Some(article) = kb.get(&article)
    {
        let fix = what_fixed_it(session, article).to_string();
        out.replies
            .push(Reply::new(words::someone_elses_trouble(&fix)).article(&article.id));
        session.start_over(Some(&article.title), now);
        let same = plain_words::has_any_word(text, &["same", "similar"]);
        if ranking.named().is_some_and(|m| !is_walked(kb, session, m)) || !same {
            return describe(kb, session, text, browser, query, now, out);
        }
        session.descriptions.push(text.to_string());
        return act(kb, session, Action::Article(article.id.clone()), now, out);
    }
    // "it came back" after the ticket was resolved: a new ticket with everything from before is
    // one press away, or the fixes again.
    if let Stage::Escalated { article } = session.stage.clone()
        && session.ticket.is_some()
        && !session.ticket_open
        && came_back
        && names_no_other
    {
        typed::note_follow_up(session, text);
        out.replies.push(back_after_resolved(
            kb,
            session,
            article.as_deref(),
            words::BACK_AFTER_RESOLVED,
        ));
        session.asked = Some(Asked::BackAfterResolved);
        return;
    }
    // "actually it came back" after "Glad that worked!": the fix is taken back and the walk
    // goes on with the next one (unless the words clearly name another problem).
    // A short "it's back" ranks some article on a stray word ("sorry i was wrong, its not
    // actually fixed" -> the 500 article's "something went wrong", just over the confident
    // line): only a clear match, a code of the other article's or a longer description says
    // it is another problem ("still broken but now my bank feed stopped syncing too").
    let back_names_other = ranking.named().is_some_and(|m| {
        let other = kb.article_at(m.doc);
        Some(other.id.as_str()) != session.article()
            && (m.score >= CLEARLY_ANOTHER
                || codes::names_code_of(other, text)
                || understood.words > 12)
    });
    // "wait no its blank again": the fixed problem described once more is the problem back,
    // not a new one to start from the first fix (a question about it is not).
    // ("ok so the cache was causing the blank page" says why, not that it is back.)
    // ("its just one page thats blank, the rest works" reads as not fixed: back in part.)
    let says_it_is_back = understood.intent == Some(Intent::NotFixed)
        || plain_words::has_any_word(text, &["again", "still", "back"]);
    // ("its blank again" ranks the fixed article only as "Is this it?": still its problem,
    // when it says "again" or "still"; "my dashboard is back" is no failure.)
    let again_or_still = understood.intent == Some(Intent::NotFixed)
        || plain_words::has_any_word(text, &["again", "still"]);
    // ("oh hang on, it only pulled 2 transactions, the rest are still missing": not fixed,
    // and the fixed article among those the words rank.)
    let same_problem_again = (ranking.named().is_some_and(|m| is_walked(kb, session, m))
        || again_or_still
            && ranking
                .candidates(1)
                .first()
                .is_some_and(|m| is_walked(kb, session, m))
        || understood.intent == Some(Intent::NotFixed)
            && plain_words::has_any_word(text, &["still"])
            && ranking.named().is_none_or(|m| {
                m.score < CLEARLY_ANOTHER && !codes::names_code_of(kb.article_at(m.doc), text)
            })
            && ranking
                .candidates(3)
                .iter()
                .any(|m| is_walked(kb, session, m)))
        && says_it_is_back
        && !understood.question
        && !matches!(
            understood.intent,
            Some(Intent::Fixed | Intent::Aside | Intent::Human | Intent::Check)
        );
    // "actually it was turning off the extensions that fixed it, not the tabs" after "Glad
    // that worked!": the credit moves to the fix named, asked first.
    if let Stage::Fixed { article } = &session.stage
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && let Some(article) = kb.get(article)
        && super::outcome::credit_moved(session, article, text, now, out)
    {
        return;
    }
    // "oops wrong button", "misclicked, it didnt fix it" just after "Glad that worked!": the
    // fix is taken back, whatever article a stray word ranks ("wrong": the 500 article).
    // ("i meant to ask, how do i export?" is no slip.)
    let slip = understand::corrects_an_answer(text)
        && understood.intent != Some(Intent::Fixed)
        && !understood.question
        && (understand::negates_the_fix(text) || understood.words <= 6);
    if let Stage::Fixed { article } = &session.stage
        && ((came_back && !back_names_other) || same_problem_again || slip)
        && let Some(article) = kb.get(article)
    {
        return fix_came_back(session, article, text, now, out);
    }
    // "perfect, works great" after "Glad that worked!": the fix stands (unless the words
    // clearly name another problem).
    // ("great thanks, bye" is a goodbye, below.)
    // ("i also tried firefox and it works" there too: where else it works, no new problem.)
    if matches!(session.stage, Stage::Fixed { .. })
        && (understood.intent == Some(Intent::Fixed)
            || (understood.intent == Some(Intent::Browser)
                && understand::where_it_works(text).is_some()))
        && names_no_other
        && !understand::only_a_goodbye_all_well(text)
    {
        out.replies.push(Reply::new(words::GOOD_TO_HEAR));
        return;
    }
    // "nevermind, it works now" while the ticket is open: staff must hear it, so it goes on
    // the ticket at once (they can close it). Words that name a fix ("fixed it myself, cleared
    // cookies") may rank an article: with nothing said to be wrong, it is still that it works.
    if open_ticket.is_some() && works_now_for_the_ticket(kb, &ranking, text) {
        session.descriptions.push(text.to_string());
        out.replies.push(Reply::new(words::WORKS_NOW_TELLING_STAFF));
        out.effects.push(Effect::AddToTicket { works_now: true });
        return;
    }
    // "nevermind close it", "can i cancel the ticket": staff hear it at once in the user's
    // words (whether it works now is not said, so it is not marked "can be resolved").
    if open_ticket.is_some() && understand::asks_to_close_ticket(text) {
        session.descriptions.push(text.to_string());
        out.replies
            .push(Reply::new(words::CLOSE_ASKED_TELLING_STAFF));
        out.effects.push(Effect::AddToTicket { works_now: false });
        return;
    }
    // "it stopped working again" after staff were told it works: they must hear that too, at
    // once, or they close a ticket whose problem is back.
    if open_ticket.is_some()
        && session.ticket_says_it_works
        && names_no_other
        && understood.intent != Some(Intent::Fixed)
        && (came_back
            || understood.intent == Some(Intent::NotFixed)
                && plain_words::has_any_word(
                    text,
                    &["again", "back", "stopped", "broken", "broke"],
                ))
    {
        session.descriptions.push(text.to_string());
        out.replies
            .push(Reply::new(words::BROKEN_AGAIN_TELLING_STAFF).tone(Tone::Warning));
        out.effects.push(Effect::AddToTicket { works_now: false });
        return;
    }
    // "it works now, but only after restarting twice": news for staff too, but not that the
    // ticket can be closed.
    if open_ticket.is_some()
        && ranking.named().is_none()
        && understand::works_now_with_a_catch(text)
    {
        session.descriptions.push(text.to_string());
        out.replies.push(Reply::new(words::WORKS_NOW_WITH_A_CATCH));
        out.effects.push(Effect::AddToTicket { works_now: false });
        return;
    }
    // "Is it down for everyone?" with nothing open and nothing matched: check, not "I don't know".
    // A longer message that may describe a problem ("payroll says cant connect to the payroll
    // service, we use qb desktop") is matched as a description when anything is offered; the
    // words are kept for staff either way.
    // "is quickbooks down right now?" names the outage article, whose answer is that very
    // check: a short question for a check runs it when the article named has checks and the
    // words give none of its error codes ("is 502 a server problem?" walks the 502 article).
    // (Asked, or told to: "quickbooks is down, blank page" describes the blank page.)
    // Short: "is it down? i just get a blank page" describes the page too, and is walked
    // (the check asked for running first).
    let asked = understood.question || text.to_lowercase().starts_with("check");
    // "is invoicing down?", "check quickbooks online": the configured service the words asking
    // for the check name, by its name or its description ("pls check invoicing" asks too).
    let service = (asked || understand::says_to_check(text))
        .then(|| service_asked_for(kb, text))
        .flatten();
    // "is it down?? nothing loads", "getting 502 bad gateway, is it down for everyone?": the
    // check asked for first, then what the rest describes, as a description of its own (the
    // whole message is what staff read). (Told, "quickbooks is down, blank page", it
    // describes the blank page: no check.)
    if understood.intent == Some(Intent::Check)
        && asked
        && let Some(rest) = understand::besides_the_check(text)
        && let rest_ranked = kb.rank_with(&rest, query, KEEP_MATCHES)
        && (rest_ranked.best().is_some() || !rest_ranked.candidates(1).is_empty())
    {
        // The service named, else those the article the rest describes checks (as with one
        // service configured); only with neither is it asked which.
        match service
            .map(|name| vec![name])
            .or_else(|| checks_of_the_match(kb, &rest_ranked))
        {
            Some(targets) => out.effects.push(Effect::Check {
                targets,
                lead: true,
            }),
            None => act(kb, session, Action::Check, now, out),
        }
        for e in &mut out.effects {
            if let Effect::Check { lead, .. } = e {
                *lead = true;
            }
        }
        // (With the sentence model on, the whole message's meaning stands in for the rest's:
        // its lexical score alone would be read against the lexical bar, not the fused one.)
        describe(kb, session, &rest, browser, query, now, out);
        if let Some(last) = session.descriptions.last_mut()
            && *last == rest
        {
            *last = text.to_string();
        }
        return;
    }
    if let Some(name) = service {
        session.descriptions.push(text.to_string());
        return act(kb, session, Action::CheckTarget(name), now, out);
    }
    let asks = asked && understood.words <= 7;
    let asks_for_its_check = asks
        && ranking.named().is_some_and(|m| {
            let named = kb.article_at(m.doc);
            !named.checks.is_empty() && !codes::names_code_of(named, text)
        });
    // ("check https://qbo.intuit.com": a site to check, whatever article its words name.)
    let checks_a_site = understood.intent == Some(Intent::Check) && understand::names_a_site(text);
    // ("is quickbooks down for everyone? nobody in our office can get in": each part asks it.)
    let only_the_check = understood.intent == Some(Intent::Check)
        && asked
        && understand::only_asks_for_the_check(text);
    if (ranking.named().is_none() || asks_for_its_check && understood.words <= SHORT_QUESTION_WORDS)
        && understood.intent == Some(Intent::Check)
        && (understood.words <= SHORT_QUESTION_WORDS || ranking.candidates(1).is_empty())
        || checks_a_site && understood.words <= SHORT_QUESTION_WORDS
        || only_the_check
    {
        session.descriptions.push(text.to_string());
        // "is quickbooks down?? everyone in my office has it": the check, and the article the
        // words name clearly when it checks the same (the outage's, whose test and FAQ say
        // what to do either way); it was the check's card alone, with "the fixes in the
        // article" and no article (explorer rv48 F9, F10).
        if only_the_check
            && !checks_a_site
            && let Some(named) = ranking.named()
            && let article = kb.article_at(named.doc)
            && !article.checks.is_empty()
        {
            session.matches = scored(kb, &ranking);
            out.effects.push(Effect::Check {
                targets: article.checks.clone(),
                lead: true,
            });
            super::walk::start_article(session, article, now, out);
            return;
        }
        // "check https://example.com/": that site (a configured target's own address is that
        // target), not the article's or the one configured.
        if checks_a_site && let Some(site) = understand::site_named(text) {
            out.effects.push(Effect::Check {
                targets: vec![target_for_site(kb, site)],
                lead: false,
            });
            return;
        }
        return act(kb, session, Action::Check, now, out);
    }
    // "hey", "can anyone help?": how to describe it, rather than "I don't know this one" (and
    // nothing for staff to read).
    // ("can someone help me" at "Is this it?" asks for a person: the list was no help.)
    let asks_past_the_list = matches!(session.stage, Stage::ChoosingArticle { .. })
        && understood.intent == Some(Intent::Human);
    if ranking.named().is_none()
        && named_browser.is_none()
        && !asks_past_the_list
        && !understand::only_a_goodbye_all_well(text)
        && let Some(talk) = understand::small_talk(text)
    {
        match talk {
            // "Anyone there?" from someone waiting on a ticket, or back after it was
            // resolved: where it stands (after "Start over", a greeting is just a greeting).
            understand::SmallTalk::Greeting
                if session.ticket_open || matches!(session.stage, Stage::Escalated { .. }) =>
            {
                out.effects.push(Effect::TicketStatus)
            }
            // ("i need someone", "can anyone help?": a person is one press away, as asked.)
            understand::SmallTalk::Greeting if understood.intent == Some(Intent::Human) => out
                .replies
                .push(Reply::new(words::SAY_WHAT_IS_WRONG).choice(
                    Action::Escalate,
                    words::TALK_TO_A_HUMAN,
                    Style::Secondary,
                )),
            understand::SmallTalk::Greeting => {
                out.replies.push(Reply::new(words::SAY_WHAT_IS_WRONG))
            }
            understand::SmallTalk::Thanks => out.replies.push(Reply::new(words::YOURE_WELCOME)),
            understand::SmallTalk::Praise => out.replies.push(Reply::new(words::PRAISED)),
        }
        return;
    }
    // "ok thanks bye", "cheers mate" after a fix or anywhere outside a walk: a goodbye, not a
    // problem nobody has an article for.
    if ranking.named().is_none()
        && named_browser.is_none()
        && !asks_past_the_list
        && understand::only_a_goodbye_all_well(text)
    {
        let bye = if understand::says_thanks(text) {
            format!("{} {}", words::WELCOME, words::BYE)
        } else {
            words::BYE.to_string()
        };
        out.replies.push(Reply::new(bye));
        return;
    }
    // "thanks, ill contact support if it comes back" after "Glad that worked!": a plan for
    // later, not a problem to look up nor a call for a person now.
    if matches!(session.stage, Stage::Fixed { .. })
        && ranking.named().is_none()
        && understood.intent == Some(Intent::Aside)
    {
        if understand::plans_for_its_return(text) {
            out.replies.push(Reply::new(words::IF_IT_COMES_BACK));
            return;
        }
        // "Thanks, no problem!": politeness.
        if understand::thanks_no_problem(text) {
            out.replies.push(Reply::new(words::YOURE_WELCOME));
            return;
        }
    }
    // "why?", "but why" after "Glad that worked!": its "Why did this happen?" choice.
    if matches!(session.stage, Stage::Fixed { .. })
        && ranking.named().is_none()
        && understood.asks_why
    {
        return act(kb, session, Action::MoreInfo, now, out);
    }
    // "wait which button?", "how do i do that" after "Glad that worked!": about the fix's
    // steps, which are above ("how do i export invoices?" is about something else).
    if let Stage::Fixed { article } = &session.stage
        && ranking.named().is_none()
        && understand::asks_about_the_steps(text)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && let Some(article) = kb.get(article)
    {
        // "how do i do that on my phone": the fix's steps again, for the device just named,
        // when they read otherwise there.
        if let Some(index) = fixed_solution(session, article)
            && crate::device::Device::detect(text).is_some()
            && session.device != session.device_before
            && let Some(device) = session.device
            && !reads_the_same(
                &article.solutions[index],
                (session.browser, session.device_before),
                (session.browser, session.device),
            )
        {
            let steps = steps_on_the_side(session, article, index);
            let lead = words::device_noted(device.label());
            out.replies.push(
                Reply::new(format!("{lead} {}", words::STEPS_FOR_IT_THERE)).article(&article.id),
            );
            out.replies.push(
                steps
                    .choice(Action::Restart, words::ANOTHER_PROBLEM, Style::Secondary)
                    .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary),
            );
            return;
        }
        let title = what_fixed_it(session, article);
        out.replies.push(
            Reply::new(words::steps_above(title))
                .article(&article.id)
                .choice(Action::Restart, words::ANOTHER_PROBLEM, Style::Secondary)
                .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary),
        );
        return;
    }
    // "human please", or "can i talk to a person, my boss needs this by friday" when it names
    // no problem clearly: a hand-over (adding to an open ticket), the words beyond the request
    // kept as its note, as during a walk. "can someone help me, payroll wont update" is a
    // description first.
    let nothing_matched = ranking.candidates(CANDIDATES).is_empty();
    // ("Can I just talk to a real person? I dont want to do troubleshooting, ...": a person
    // asked for outright, and no problem named clearly enough to answer with.)
    let nothing_answered = ranking.best().is_none();
    // ("never mind the human, show me the other solutions": the person taken back.)
    if understood.intent == Some(Intent::Human)
        && (understood.bare_human_request
            || (understood.asks_for_a_person && (nothing_matched || nothing_answered)))
        && !understand::goes_on_with_the_steps(text)
    {
        session.leave_pending();
        // "im on firefox, call me back": the browser told goes on the ticket too.
        if session.browser.is_none() {
            session.browser = named_browser;
        }
        // "i want to talk to a real person not a bot", said first: no problem told, but the
        // words are on the ticket among what else the user said (it said "nothing").
        if understood.bare_human_request
            && session.descriptions.is_empty()
            && !session.asides.iter().any(|a| a == text)
        {
            session.asides.push(text.to_string());
        }
        // "can i talk to a person, payroll wont update": the problem told goes on the ticket
        // as what the user said, with what it matched, and they are not asked for it again.
        // ("i want a refund and to speak to someone about my account", said first: what they
        // want is what they said, and it is not asked for again either.)
        let trouble = understand::tells_of_trouble(text);
        let note = if understood.bare_human_request {
            None
        } else if session.ticket.is_none() && (trouble || session.descriptions.is_empty()) {
            session.descriptions.push(text.to_string());
            if trouble {
                // Ranked without the ask ("just get me a real person NOW"), whose words would
                // rank articles of their own (explorer rv48 F5). (The model's vectors, of the
                // whole message, are of the problem far more than of the ask.)
                let told = understand::without_the_ask_for_a_person(text);
                session.matches = scored(kb, &rank_for(kb, session, &told, query));
            }
            None
        } else {
            Some(text.to_string())
        };
        out.effects.push(Effect::Escalate { note });
        return;
    }
    // "actually nvm i dont need a person, lets keep trying the steps" after a hand-over: the
    // walk is taken up again (explorer rv47 F12: not understood, and no way back to it). The
    // ticket stays as it is; a fix found now goes to it.
    // Handed over before any article was walked ("i keep getting logged out every 5 min. just
    // get me a real person NOW", then "actually wait nvm let me try the steps"): the best
    // match of what was told first, the ask for a person set aside (explorer rv48 F6: it was
    // offered for the ticket).
    let walked_or_best_told = |session: &Session| match &session.stage {
        Stage::Escalated {
            article: Some(article),
        } => Some(article.clone()),
        Stage::Escalated { article: None } => {
            let told = understand::without_the_ask_for_a_person(session.descriptions.first()?);
            let ranking = rank_for(kb, session, &told, None);
            let best = ranking
                .named()
                .or_else(|| ranking.candidates(1).first().copied())?;
            Some(kb.article_at(best.doc).id.clone())
        }
        _ => None,
    };
    if understand::goes_on_with_the_steps(text)
        && let Some(article) = walked_or_best_told(session)
        && let Some(article) = kb.get(&article)
        && ranking
            .named()
            .is_none_or(|m| kb.article_at(m.doc).id == article.id)
    {
        let ticket = session
            .ticket
            .filter(|_| session.ticket_open)
            .map(|id| id.to_string());
        let none_shown_yet = matches!(session.stage, Stage::Escalated { article: None });
        out.replies
            .push(Reply::new(words::steps_again_after_hand_over(
                ticket.as_deref(),
                none_shown_yet,
            )));
        return act(kb, session, Action::Article(article.id.clone()), now, out);
    }
    // "any news on my ticket?": where it stands. (Just after the hand-over, "how long will
    // this take" is about the wait, whatever article its words may name.)
    // ("payroll now says PS038, been waiting since monday": a problem named, besides the
    // wait; review of rv47 F15.)
    // ("still nothing from support": the words beside the wait name nothing; "support" named
    // the unsupported-browser article.)
    let waits = understand::waits_on_the_ticket(text);
    let names_a_problem = if waits {
        kb.rank(&understand::besides_the_wait(text), KEEP_MATCHES)
            .named()
            .is_some()
    } else {
        ranking.named().is_some()
    };
    if (!names_a_problem || after_hand_over && !waits)
        && session.ticket.is_some()
        && understand::asks_about_ticket(text)
    {
        out.effects.push(Effect::TicketStatus);
        return;
    }
    // "let me check if it still happens", "brb" after "Glad that worked!": nothing to look
    // up; the way back is said.
    if matches!(session.stage, Stage::Fixed { .. })
        && named_browser.is_none()
        && (understand::plans_to_see_for_oneself(text)
            || understand::only_a_pause(text)
            || understand::asks_what_if_it_fails(text))
        // ("wait no" may take the fix back: asked below.)
        && understand::yes_or_no(text) != Some(false)
    {
        out.replies.push(Reply::new(words::IF_IT_COMES_BACK));
        return;
    }
    // "ok so what do i do" after a check asked with a description ("is quickbooks down??
    // nobody in our office can get in"): the article that description names, walked.
    if matches!(session.stage, Stage::Idle)
        && named_browser.is_none()
        && understand::asks_what_to_do(text)
        && let Some(before) = session.descriptions.last().cloned()
        && let before_ranked = kb.rank(&before, KEEP_MATCHES)
        && let Some(named) = before_ranked.named()
    {
        let article = kb.article_at(named.doc);
        session.matches = scored(kb, &before_ranked);
        super::walk::start_article(session, article, now, out);
        return;
    }
    // "ok", "wait what", "cool": nothing to look up and nothing for staff to read. A list on
    // screen stays the question; a ticket says where it stands.
    if named_browser.is_none() && understand::says_nothing(text) {
        match &session.stage {
            Stage::ChoosingArticle { .. } => out
                .replies
                .push(Reply::new(words::WHICH_ONE).tone(Tone::Warning)),
            Stage::Escalated { .. } if session.ticket.is_some() => {
                out.effects.push(Effect::TicketStatus)
            }
            // "no" or "wait no" after "Glad that worked!" may take the fix back: asked how,
            // never thanked for.
            Stage::Fixed { .. } if understand::yes_or_no(text) == Some(false) => out.replies.push(
                Reply::new(words::FIX_DOUBTED)
                    .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary)
                    .choice(Action::Restart, words::ANOTHER_PROBLEM, Style::Secondary),
            ),
            // "cool", "great" after "Glad that worked!": the fix stands.
            Stage::Fixed { .. } => out.replies.push(Reply::new(words::YOURE_WELCOME)),
            _ => out.replies.push(Reply::new(words::SAY_MORE)),
        }
        return;
    }
    // The ticket was opened before anything was said ("i need to talk to a human"): these
    // first words are what it lacks, so they go on it at once, and a matching article is
    // offered to try while waiting.
    // (After "Start over" the conversation is empty, but the ticket is not.)
    if open_ticket.is_some()
        && handed_over_just_now
        && session.descriptions.is_empty()
        && session.attempts.is_empty()
    {
        session.descriptions.push(text.to_string());
        note_browser(session, named_browser, bare_safari);
        session.matches = scored(kb, &ranking);
        if let Some(m) = ranking.best().or(ranking.candidates(1).first().copied()) {
            let a = kb.article_at(m.doc);
            out.replies
                .push(Reply::new(words::while_you_wait(&a.title)).choice(
                    Action::Article(a.id.clone()),
                    a.title.clone(),
                    Style::Primary,
                ));
        }
        out.effects.push(Effect::AddToTicket { works_now: false });
        return;
    }
    // More words at "Is it one of these?" ("cleard cookys didnt wrk" after "keeps loging me
    // out, edge") add to the description the list came from, unless they are enough on
    // their own to answer with: the bot asked to be told more.
    let at_a_list = matches!(session.stage, Stage::ChoosingArticle { .. });
    // "Is this it? Login loop" answered with more of the same: the article the new words
    // alone put first (as a candidate at least), when it is the one offered; not a question
    // ("do i have to log in again after that?") nor a "not that" ("not exactly, my password
    // reset link does not work").
    let offered_again = match &session.stage {
        Stage::ChoosingArticle { candidates } => match candidates.as_slice() {
            [only]
                if ranking.matches.first().is_some_and(|m| {
                    kb.article_at(m.doc).id == *only && m.score >= ranking.possible
                }) && !understand::classify(text).question
                    && !understand::declines_the_offer(text) =>
            {
                Some(only.clone())
            }
            _ => None,
        },
        _ => None,
    };
    let ranking = match (&session.stage, session.list_source()) {
        (Stage::ChoosingArticle { .. }, Some(before)) => {
            let both = format!("{before}\n{text}");
            let vectors = query.map(|q| match &session.list_described {
                Some(b) if b.model == q.model => QueryVectors {
                    model: q.model.clone(),
                    vectors: q.vectors.iter().chain(&b.vectors).cloned().collect(),
                },
                _ => q.clone(),
            });
            let mut grown = rank_for(kb, session, &both, vectors.as_ref());
            // Messages added at a list answer "tell me more", each in a line of chat: the
            // lexical hold-back for long posts weighs the longest of them, not their sum
            // ("qbo is slow on my iphone", "on my laptop with edge now, same thing", "closed
            // tabs, no change" is no rambling post).
            if grown.held_back.is_some() {
                let longest = (session.list_messages().iter().map(String::as_str))
                    .chain([text])
                    .map(|m| m.split_whitespace().count())
                    .max()
                    .unwrap_or(0);
                kb.hold_back_lexically(&mut grown, &both, Some(longest));
            }
            grown
        }
        _ => ranking,
    };
    session.leave_pending();
    // "also its desktop 2023 R5" after "my payroll tax table update fails with PS107" went on
    // the ticket: a detail of the problem told before, so the ticket's matches (its title
    // comes from them) are those of the problem and the detail together, never of the detail
    // alone ("also it happens on my laptop too" ranked the 503 article on "happens" and
    // "laptop", and the ticket was retitled so; explorer rv48 F3).
    // (A problem the words name clearly, "also the login page keeps sending me back", has
    // matches of its own.)
    let detail_for_the_ticket = open_ticket.is_some()
        && understand::said_as_an_addition(text)
        && ranking.named().is_none()
        && !session.descriptions.is_empty();
    session.matches = if detail_for_the_ticket {
        let told = session.descriptions.join("\n");
        let together = rank_for(kb, session, &format!("{told}\n{text}"), None);
        scored(kb, &together)
    } else {
        scored(kb, &ranking)
    };
    session.descriptions.push(text.to_string());
    note_browser(session, named_browser, bare_safari);
    // "i think my account got hacked": for a person at once, never troubleshooting steps.
    if understand::reports_a_break_in(text) {
        session.stage = Stage::Idle;
        out.replies
            .push(Reply::new(words::BREAK_IN_TO_A_PERSON).tone(Tone::Warning));
        out.effects.push(Effect::Escalate { note: None });
        return;
    }
    // "cant sign in, it says my account is locked": for a person (it was the login loop's
    // cookie fixes at 91%, against that article's own FAQ).
    if understand::says_the_account_is_locked(text) {
        return offer_a_person(session, words::LOCKED_ACCOUNT_TO_A_PERSON, out);
    }
    // "why was i charged twice?": billing, which no article answers (its words may still rank
    // one: "subscription" is in the payroll article's).
    if understand::asks_about_billing(text) {
        return offer_a_person(session, words::BILLING_TO_A_PERSON, out);
    }
    // "hi, I use safari on my ipad": where the user is, not what is wrong, whatever the names
    // of a browser and a device rank (the unsupported-browser article names them all).
    let device = crate::device::Device::detect(text);
    // ("im on chrome and edge": both noted as said; which one is asked when a step differs.)
    let several = Browser::all_named(text);
    let several = (several.len() >= 2).then(|| {
        let labels: Vec<&str> = several.iter().map(|b| b.label()).collect();
        labels.join(" and ")
    });
    // ("i use the quickbooks app on my iphone" is the app, not Safari.)
    let on = (crate::device::names_a_mobile_app(text).then_some(words::THE_MOBILE_APP))
        .or(named_browser.map(Browser::label))
        .or(besides.as_deref())
        .or(bare_safari.then_some("Safari"))
        .or(safari_told_by_device(session, text))
        .or(several.as_deref())
        .or(device.map(crate::device::Device::label));
    // (After "Glad that worked!" the fix stays recorded, so "it came back" can still take it
    // back.)
    if matches!(session.stage, Stage::Idle | Stage::Fixed { .. })
        && understand::only_says_where(text)
        && let Some(on) = on
    {
        out.replies.push(Reply::new(words::noted_now_what(on)));
        return;
    }
    // "also its chrome version 120", "btw it's my work laptop" after the hand-over: said as
    // more for the ticket, so offered to it first, with the articles the words might be (a
    // clear match would start one, and the words would go on the ticket as another problem).
    // ("also my bank feed is not updating, chase error 103" after a payroll hand-over tells
    // another problem clearly: it starts, with adding it to the ticket one press away, and a
    // hand-over in one step files it as the ticket's added problem.)
    // (By a word of its title that the ticket's article has not: "also the page goes blank
    // before the error shows" after a 502 hand-over is more for the ticket, whatever ranks.)
    let tells_another_clearly = ranking.best().is_some_and(|b| {
        let other = kb.article_at(b.doc);
        let ticket_article = session.ticket_article().and_then(|id| kb.get(id));
        // (Or by a code of its own: "also i get ps032 in desktop".)
        ticket_article.is_none_or(|t| {
            t.id != other.id
                && (super::another_article::says_a_title_word_of(other, t, text)
                    || (super::codes::names_code_of(other, text)
                        && !super::codes::names_code_of(t, text)))
        }) && (understand::tells_of_trouble(text) || super::codes::names_code_of(other, text))
    });
    if let Some(id) = &open_ticket
        && understand::said_as_an_addition(text)
        && !tells_another_clearly
    {
        let candidates: Vec<&crate::matcher::Match> = ranking
            .matches
            .iter()
            .filter(|m| m.score >= ranking.possible)
            .take(CANDIDATES)
            .collect();
        out.replies
            .push(for_your_ticket(kb, session, id, &candidates));
        return;
    }
    // "quickbooks isnt working": nothing to match on but the product's name, so what the user
    // sees is asked for rather than guessed at (it offered the firewall and payroll articles).
    if matches!(session.stage, Stage::Idle)
        && open_ticket.is_none()
        && understand::vague::says_only_that_it_fails(text)
    {
        session.matches.clear();
        out.replies.push(what_do_you_see(kb, session));
        return;
    }
    // "restarted safari, same" at "Is this it? Login Loop": a thing tried and the trouble the
    // same is of the problem offered, so it opens no article that was not on the list (the
    // words grew into Page Not Loading at 64%, opened outright).
    let listed = |doc: usize| match &session.stage {
        Stage::ChoosingArticle { candidates } => candidates.contains(&kb.article_at(doc).id),
        _ => false,
    };
    // ("no its my bank feed, transactions not downloading" names the other problem's own
    // words: it opens.)
    let still_the_same =
        at_a_list && understand::classify(text).intent == Some(understand::Intent::NotFixed);
    let says_its_words = |doc: usize| {
        let a = kb.article_at(doc);
        let own = super::terms::Terms::of(&format!("{}\n{}", a.title, a.symptoms.join("\n")));
        super::terms::said_beyond_the_product(text).shared_with(&own) > 0
    };
    if let Some(best) = ranking
        .best()
        .filter(|b| !still_the_same || listed(b.doc) || says_its_words(b.doc))
        .or_else(|| answer_by_code(kb, &ranking, text))
    {
        let article = kb.article_at(best.doc);
        let first = fix_for::fix_for_code(article, text).unwrap_or(0);
        // Words typed at a list that are clear enough to answer with: the words chose it
        // (its confidence is said), not a pick from the list.
        session.stage = Stage::Idle;
        let mut others = other_problems_named(kb, text, &article.id);
        let also = (!others.is_empty()).then(|| others.remove(0));
        session.also_named.clone_from(&also);
        session.also_named_later = others;
        let from = out.replies.len();
        start_article_at(session, article, first, now, out);
        // "we use sophos firewall, which ports does quickbooks online need open?": the
        // article's FAQ entry that answers the question, after its summary.
        // (Once: the walk's start may have answered it already, as asked up front.)
        if understand::classify(text).question
            && let Some(faq) = super::faq::faq_for(article, text)
            && out.replies.len() > from + 1
            && let answer = super::faq::faq_reply(faq, article)
            && !out.replies[from..]
                .iter()
                .any(|r| r.title == answer.title && r.text == answer.text)
        {
            out.replies.insert(from + 1, answer);
        }
        // Said at once, so the user knows it was heard ("... and also payroll won't update").
        if let (Some(value), Some(first)) = (also_mentioned(session), out.replies.first_mut()) {
            first.fields.push(crate::reply::Field {
                name: words::ALSO_MENTIONED.into(),
                value,
            });
        }
        // "i was charged twice ... and also qbo is slow": the fixes are for the slowness, and
        // the charge is for a person, said at once (the fix's "Talk to a human" is the way).
        if billing::asked_beside_a_problem(text)
            && let Some(first) = out.replies.first_mut()
        {
            first.fields.push(crate::reply::Field {
                name: words::BILLING_FIELD.into(),
                value: words::BILLING_PART_TO_A_PERSON.into(),
            });
        }
        // (Not for steps done on a computer whatever the user chats from: said as "Device".)
        if assumed_browser
            && !on_a_phone_for_a_computer(session, article)
            && let (Some(b), Some(first)) = (session.browser, out.replies.first_mut())
        {
            first.fields.push(crate::reply::Field {
                name: "Browser".into(),
                value: words::assumed_browser(b.label()),
            });
        }
        // After a hand-over, a clear match may still be more for the open ticket ("here is the
        // log: Error: 500 ..."): adding it stays one press away. (After "Start over" the user
        // said a new problem comes: it starts cleanly.)
        if let Some(id) = open_ticket.filter(|_| handed_over_just_now) {
            session.asked = Some(Asked::AddBesideFix);
            out.replies
                .push(Reply::new(words::or_add_to_ticket(&id)).choice(
                    Action::AddToTicket,
                    words::add_to_ticket(&id),
                    Style::Secondary,
                ));
        }
        return;
    }
    let candidates = if ranking.best().is_some() {
        // (A clear match not answered outright, above: offered with the rest.)
        (ranking.matches.iter())
            .filter(|m| m.score >= ranking.possible)
            .take(CANDIDATES)
            .collect()
    } else {
        ranking.candidates(CANDIDATES)
    };
    if let Some(id) = open_ticket {
        out.replies
            .push(for_your_ticket(kb, session, &id, &candidates));
        return;
    }
    // "Is this it? ... If not, tell me more", and what they tell ("ok deleted the intuit
    // stuff, now its asking me to log in again") points to it on its own and with the words
    // before: taken as a yes, not asked the same a second time.
    if let Some(id) = offered_again
        && let [only] = candidates.as_slice()
        && kb.article_at(only.doc).id == id
    {
        // (The stage stays "choosing" into the start: its score is no confidence, and the
        // user picked nothing either, so no "Match" is shown; the line above says why.)
        let article = kb.article_at(only.doc);
        out.replies
            .push(Reply::new(words::going_with(&article.title)).article(&article.id));
        let first = fix_for::fix_for_code(article, text).unwrap_or(0);
        let from = out.replies.len();
        start_article_at(session, article, first, now, out);
        for reply in &mut out.replies[from..] {
            reply.fields.retain(|f| f.name != words::MATCH_FIELD);
        }
        return;
    }
    // "no puedo entrar a quickbooks, me sale una pagina en blanco": words the matcher cannot
    // read, so its guesses would be noise ("I don't have an article" would be untrue too):
    // said plainly, with the two ways on. (An error code it knows was answered above.)
    if let Some(language) = understand::language::other_language(text) {
        session.stage = Stage::Idle;
        session.asked = Some(Asked::Human);
        out.replies.push(
            Reply::new(words::english_only(language.name))
                .title(words::ENGLISH_ONLY_TITLE)
                .tone(Tone::Warning)
                .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary),
        );
        return;
    }
    if !candidates.is_empty() {
        // One candidate reads as a question about it, not as a list of one.
        let reply = match candidates.as_slice() {
            [only] => Reply::new(words::sounds_like(&kb.article_at(only.doc).title))
                .title(words::IS_THIS_IT),
            _ => Reply::new(words::NOT_SURE_WHICH).title(words::IS_IT_ONE_OF_THESE),
        };
        // (The charge beside the problem is for a person, said here as when answered.)
        let reply = if billing::asked_beside_a_problem(text) {
            reply.field(words::BILLING_FIELD, words::BILLING_PART_AT_A_LIST)
        } else {
            reply
        };
        // ("the quickbooks app on my phone keeps crashing": what to do about the app, before
        // the articles its words came near.)
        // ("the qbo app on my phone is fine, on my laptop it wont load": the app works.)
        if crate::device::names_a_mobile_app(text) && !crate::device::the_mobile_app_works(text) {
            out.replies
                .push(Reply::new(words::STEPS_ARE_FOR_A_BROWSER).tone(Tone::Warning));
        }
        let (mut reply, ids) = with_candidates(kb, reply, &candidates, Style::Primary);
        let none = if ids.len() == 1 {
            words::SOMETHING_ELSE
        } else {
            words::NONE_OF_THESE
        };
        reply = reply
            .choice(Action::NoneOfThese, none, Style::Secondary)
            .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary);
        // Nothing is open until the user picks (the stage holds no article): the previous one
        // must not stay behind the candidates, or "check" and a browser change would act on it.
        session.stage = Stage::ChoosingArticle { candidates: ids };
        // More words at a list add to the words it came from, all of them.
        if !(at_a_list && session.list_from.is_some()) {
            session.list_from = Some(session.descriptions.len().saturating_sub(1));
        }
        // "bank feed for hartley stopped, and also rosa's payroll fails" at a list: each
        // problem it names is held, so those not picked are offered once the picked one is
        // sorted.
        // (Fewer than two: none held, nor any from an earlier description.)
        let mut named = other_problems_named(kb, text, "");
        if named.len() >= 2 {
            session.also_named = Some(named.remove(0));
            session.also_named_later = named;
        } else {
            session.also_named = None;
            session.also_named_later.clear();
        }
        out.replies.push(reply);
        return;
    }
    session.stage = Stage::Idle;
    // "the quickbooks app on my phone keeps crashing": what to do about the app, and a person.
    if crate::device::names_a_mobile_app(text) {
        session.asked = Some(Asked::DontKnow);
        out.replies.push(
            Reply::new(words::THE_APP_IS_NOT_COVERED)
                .title(words::DONT_KNOW_TITLE)
                .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Primary),
        );
        return;
    }
    // "hi, im on my ipad, safari": where the user is, not yet what is wrong (kept for the
    // walk to come); asked for rather than answered with "I don't know this one".
    // ("qb onlin wont lod, chrome on windows" says what is wrong, in words not understood: that
    // is said, not asked for again.)
    if let Some(on) =
        on.filter(|_| text.split_whitespace().count() <= 12 && !understand::mentions_trouble(text))
    {
        out.replies.push(Reply::new(words::noted_now_what(on)));
        return;
    }
    session.asked = Some(Asked::DontKnow);
    out.replies.push(dont_know());
}

/// `why` said, with a person offered ("yes" takes the offer); no article is open.
fn offer_a_person(session: &mut Session, why: &str, out: &mut Output) {
    session.stage = Stage::Idle;
    session.asked = Some(Asked::Human);
    out.replies.push(Reply::new(why).choice(
        Action::Escalate,
        words::TALK_TO_A_HUMAN,
        Style::Primary,
    ));
}

/// "What do you see?" for a description that says only that something is wrong. Said twice
/// in a row, every article is offered to pick from as well (when they fit in one list).
fn what_do_you_see(kb: &KnowledgeBase, session: &Session) -> Reply {
    let said = &session.descriptions;
    let again =
        said.len() >= 2 && understand::vague::says_only_that_it_fails(&said[said.len() - 2]);
    let articles = kb.articles();
    let listed = again && articles.len() <= super::ARTICLES_LISTED;
    let mut reply = Reply::new(if listed {
        words::PICK_WHAT_YOU_SEE
    } else {
        words::WHAT_DO_YOU_SEE
    })
    .title(words::WHAT_DO_YOU_SEE_TITLE);
    if listed {
        for a in articles {
            reply = reply.choice(Action::Article(a.id.clone()), &a.title, Style::Secondary);
        }
    }
    reply
        .choice(Action::Check, words::CHECK_THE_SERVICE, Style::Secondary)
        .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary)
}

/// Whether `text` tells an open ticket that it works now. Words that name a fix ("fixed it
/// myself, cleared cookies") or how it came right ("nevermind, got it working, the update
/// finally went thru after restarting") may rank an article: with nothing said to be wrong and
/// no clear match nor error code of it, it is still that it works ("i got it working on chrome,
/// edge gives 500" names another problem).
fn works_now_for_the_ticket(
    kb: &KnowledgeBase,
    ranking: &crate::matcher::Ranking,
    text: &str,
) -> bool {
    let weakly_named = |m: &crate::matcher::Match| {
        m.score < CLEARLY_ANOTHER
            && !codes::names_code_of(kb.article_at(m.doc), text)
            && !understand::mentions_trouble(text)
    };
    // ("it just started working??": surprise, not a question.)
    let text = &*understand::surprise_as_news(text);
    understand::works_now(text)
        && (ranking.named().is_none_or(weakly_named)
            || understand::works_now_and_nothing_wrong(text))
}

/// The user's open ticket, when what they type now may be more for it: after the hand-over,
/// and after "Start over" too until something else is begun (a walk or a list of its own):
/// "Start over" clears the screen, not the ticket, which is still all that is going on.
fn ticket_to_reach(session: &Session) -> Option<crate::ids::TicketId> {
    session.ticket.filter(|_| {
        session.ticket_open && matches!(session.stage, Stage::Escalated { .. } | Stage::Idle)
    })
}

/// "error 6123", "qb payroll keeps failing with PS077 ugh": the article named by the words when
/// the message quotes, as an error, a code that this article lists and no other does (sentence
/// vectors know little of codes, so the fused score may fall short of answering outright). A
/// code of letters and digits is one whatever words come with it; a bare number needs "error"
/// or "code" ("I have 500 invoices" says no error).
fn answer_by_code<'r>(
    kb: &KnowledgeBase,
    ranking: &'r crate::matcher::Ranking,
    text: &str,
) -> Option<&'r crate::matcher::Match> {
    let lower = text.to_lowercase();
    let said_as_an_error = ["error", "err ", "code"].iter().any(|w| lower.contains(w));
    ranking.named().filter(|m| {
        let article = kb.article_at(m.doc);
        if said_as_an_error {
            codes::names_a_code_only_it_lists(kb, article, text)
        } else {
            codes::names_a_letter_code_only_it_lists(kb, article, text)
        }
    })
}

/// `reply` with a choice per candidate article, and the candidates' ids (for the stage).
fn with_candidates(
    kb: &KnowledgeBase,
    mut reply: Reply,
    candidates: &[&crate::matcher::Match],
    style: Style,
) -> (Reply, Vec<String>) {
    let mut ids = Vec::new();
    for m in candidates {
        let a = kb.article_at(m.doc);
        ids.push(a.id.clone());
        reply = reply.choice(Action::Article(a.id.clone()), a.title.clone(), style);
    }
    (reply, ids)
}

/// "Add this to your ticket?", then the candidate articles if any: adding (the conversation,
/// this message included, goes to the open ticket) comes first.
fn for_your_ticket(
    kb: &KnowledgeBase,
    session: &Session,
    ticket: &str,
    candidates: &[&crate::matcher::Match],
) -> Reply {
    // "If it's a different problem, pick the closest one" offers no article the ticket is
    // already about ("also the bank is chase" after a bank-feed hand-over got the bank-feed
    // article as the "different problem").
    let (about_it, other): (Vec<_>, Vec<_>) = (candidates.iter().copied())
        .partition(|m| session.ticket_article() == Some(kb.article_at(m.doc).id.as_str()));
    let candidates = other;
    let said = match (candidates.is_empty(), about_it.is_empty()) {
        (false, _) => words::ForYourTicket::OrAnotherProblem,
        (true, false) => words::ForYourTicket::AboutIt,
        (true, true) => words::ForYourTicket::NoArticle,
    };
    let reply = Reply::new(words::for_your_ticket(ticket, said))
        .title(words::ADD_TO_YOUR_TICKET)
        .choice(
            Action::AddToTicket,
            words::add_to_ticket(ticket),
            Style::Primary,
        );
    // The stage stays `Escalated`: a picked article starts as from any list, and the next
    // follow-up is offered to the ticket too.
    let (reply, _) = with_candidates(kb, reply, &candidates, Style::Secondary);
    reply.choice(Action::NoneOfThese, words::SOMETHING_ELSE, Style::Secondary)
}

/// The one article among `candidates` (those offered at "Is this it?" or "Is it one of
/// these?") that has a step the reply tells as done with how it went: a fix by one of its
/// names with a deed or a result ("did ctrl f5 like 5 times, nothing"), or a test with its
/// result ("yep incognito works!"); with the fix the reply says failed, if it names one.
/// `None` when no candidate has one, or several do.
fn offered_article_of_a_step_told(
    kb: &KnowledgeBase,
    candidates: &[String],
    text: &str,
) -> Option<(String, Option<usize>)> {
    let understood = understand::classify(text);
    // ("no thats not it, i already reloaded it a bunch": the offer turned down first.)
    if understood.question || understand::declines_the_offer(text) {
        return None;
    }
    let a_result = matches!(understood.intent, Some(Intent::Fixed | Intent::NotFixed));
    let said = super::terms::Terms::said(text);
    let told = |id: &&String| {
        kb.get(id).is_some_and(|article| {
            article.solutions.iter().any(|s| {
                if s.test {
                    understand::test_result(text, &super::tests_out_of_turn::test_names(s))
                        .is_some()
                } else {
                    super::terms::whole_names_said(s, &said) > 0
                        && (a_result || super::fix_named::names_an_action(text))
                }
            })
        })
    };
    let mut found = candidates.iter().filter(told);
    let only = match (found.next(), found.next()) {
        (Some(only), None) => only,
        _ => return None,
    };
    // The fix the reply says failed, when it names one fix (not a test) by its names.
    let failed = (understood.intent == Some(Intent::NotFixed))
        .then(|| kb.get(only))
        .flatten()
        .and_then(|article| {
            let named: Vec<usize> = (0..article.solutions.len())
                .filter(|&i| super::terms::whole_names_said(&article.solutions[i], &said) > 0)
                .collect();
            match named[..] {
                [one] => Some(one),
                _ => None,
            }
        });
    Some((only.clone(), failed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As a fused ranking may read "error 6123": clearly named, below answering outright.
    fn named_not_confident(kb: &KnowledgeBase, text: &str) -> crate::matcher::Ranking {
        let mut r = kb.rank_with(text, None, 5);
        r.confident = 0.999;
        r.clear = 0.01;
        r.hybrid = true;
        r
    }

    #[test]
    fn a_code_one_article_lists_said_as_an_error_answers_with_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let kb = crate::knowledge::load::load_dir(&dir).expect("the shipped knowledge loads");
        let id = |m: Option<&crate::matcher::Match>| m.map(|m| kb.article_at(m.doc).id.clone());
        let r = named_not_confident(&kb, "error 6123");
        assert!(r.best().is_none() && r.named().is_some(), "{:?}", r.matches);
        assert_eq!(
            id(answer_by_code(&kb, &r, "error 6123")),
            Some("company-file-not-opening".to_string())
        );
        // A code of letters and digits needs no "error" beside it.
        let text = "qb payroll keeps failing with PS077 ugh";
        let r = named_not_confident(&kb, text);
        assert_eq!(
            id(answer_by_code(&kb, &r, text)),
            Some("payroll-not-updating".to_string())
        );
        // No error said, or no code: not answered this way.
        for text in ["I have 500 invoices to import", "company file wont open"] {
            let r = named_not_confident(&kb, text);
            assert_eq!(id(answer_by_code(&kb, &r, text)), None, "{text}");
        }
    }
}
