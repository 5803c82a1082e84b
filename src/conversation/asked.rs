//! A reply read as the answer to the question the last reply asked ([`Asked`]), never as
//! "did this fix it?" when that was not the question.

use super::actions::act;
use super::another_article;
use super::checks::service_named;
use super::fix_named;
use super::fixes_told;
use super::it_works;
use super::resume::ask_again;
use super::step_text::step_words;
use super::typed;
use super::walk::with_answers;
use super::{Effect, Output, current_article};
use crate::browser::Browser;
use crate::knowledge::{Article, KnowledgeBase};
use crate::plain_words;
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Asked, Session, Stage, Step};
use crate::understand::{self, Intent};
use crate::words;

/// A bare "yes" or "no" to the yes/no question the last reply asked (`asked`), read as its
/// answer: never as "did this fix it?" when that was not the question. Returns whether it was
/// answered; anything more than a yes or no goes on as usual.
pub(super) fn answer_asked(
    kb: &KnowledgeBase,
    session: &mut Session,
    asked: Asked,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    // "payroll", "quickbooks online", "paryoll" or "2" at "Which service?".
    if asked == Asked::WhichService {
        return match service_named(kb, text) {
            Some(name) => {
                act(kb, session, Action::CheckTarget(name), now, out);
                true
            }
            None => false,
        };
    }
    // "ok ran it, same error" just after the steps of another fix were shown on the side.
    if let Asked::HowTo { step } = asked {
        return current_article(kb, session).is_some_and(|article| {
            fixes_told::answer_after_how_to(session, article, step, text, now, out)
        });
    }
    // "still no idea" after how to tell the browser: the steps that work in any browser.
    if asked == Asked::HowToTellBrowser {
        // "still no idea": "still" says nothing about a fix here.
        let lower = text.trim().to_lowercase();
        let said = lower.strip_prefix("still ").unwrap_or(&lower);
        // ("idk the default one on my laptop, blue e" tells it after all.)
        let told = Browser::default_on(text).is_some()
            || (Browser::from_icon(text, session.device.is_some_and(|d| d.is_touch())).is_some()
                && !understand::negates_the_fix(text));
        let still_unsure =
            !told && (understand::cannot_tell(said) || understand::yes_or_no(said) == Some(false));
        if still_unsure && matches!(session.stage, Stage::ChoosingBrowser { .. }) {
            act(kb, session, Action::Browser(None), now, out);
            return true;
        }
        return false;
    }
    // "switch pls", "keep going": the choice in words.
    if let Asked::Switch { other } = &asked
        && let Some(switch) = understand::switch_or_stay(text)
    {
        let action = if switch {
            Action::Article(other.clone())
        } else {
            Action::Continue
        };
        act(kb, session, action, now, out);
        return true;
    }
    // "ok lets do the login thing", "the 504 one": the article named by its title's words.
    if let Asked::Switch { other } = &asked
        && let (Some(current), Some(other_article)) = (current_article(kb, session), kb.get(other))
        && let Some(i) = understand::picks_by_title(
            text,
            &[current.title.as_str(), other_article.title.as_str()],
        )
    {
        let action = if i == 1 {
            Action::Article(other.clone())
        } else {
            Action::Continue
        };
        act(kb, session, action, now, out);
        return true;
    }
    // "removed honey, way faster now thx" at "keep going or switch?": it works, from what the
    // user did about the other problem they just told, not from the step on screen (nor is it
    // that test's result).
    // ("yes" answers neither choice: asked again, below.)
    if let Asked::Switch { .. } = &asked
        && understand::yes_or_no(text).is_none()
        && fix_named::names_an_action(text)
        && !["switch", "keep", "continue", "stay", "other"]
            .iter()
            .any(|w| text.to_lowercase().contains(w))
        && let Some(step) = session.current_step()
        && let said = understand::classify(text)
        && said.intent == Some(Intent::Fixed)
        && !said.question
    {
        act(kb, session, Action::WorksAnyway(step), now, out);
        return true;
    }
    // "fails there too", "still broken" at "keep going or switch?": which problem it is about
    // is not said, and the step under the question was not asked about. The question again,
    // nothing recorded.
    if let Asked::Switch { other } = &asked
        && understand::yes_or_no(text).is_none()
        && plain_words::lowercase_words(text).len() <= 6
        && understand::classify(text).intent == Some(Intent::NotFixed)
        && kb.rank(text, 3).named().is_none()
        && let (Some(current), Some(other)) = (current_article(kb, session), kb.get(other))
    {
        switch_asked_again(session, current, other, out);
        return true;
    }
    // At "Shall I note ... as what fixed it?": "the router fixed it" is its third answer, and
    // "hmm" or "what?" gets the same question with its choices in their places (never "did
    // this fix it?" with others in theirs).
    if asked == Asked::ConfirmFix
        && understand::yes_or_no(text).is_none()
        && let (Some(article), Some(step)) = (current_article(kb, session), session.current_step())
        && answer_confirm_fix(kb, session, article, step, text, now, out)
    {
        return true;
    }
    // "Shall we look at it now?" (the other problem, after a fix): "yes please", "sure lets
    // do it", "yeah the payroll one" look at it; "no thanks" leaves it.
    if let Asked::LookAt { other } = &asked
        && let Some(other_article) = kb.get(other)
    {
        let yes = understand::yes_or_no(text)
            .or_else(|| understand::yes_and_more(text).map(|_| true))
            .or_else(|| understand::lets_do_it(text).then_some(true))
            .or_else(|| {
                understand::picks_by_title(text, &[other_article.title.as_str()]).map(|_| true)
            })
            // ("ok what about the payroll thing": asked for by its title's words.)
            .or_else(|| understand::moves_on_to(text, &other_article.title, "").then_some(true));
        match yes {
            Some(true) => act(kb, session, Action::Article(other.clone()), now, out),
            Some(false) => out.replies.push(Reply::new(words::NOT_NOW)),
            None => return false,
        }
        return true;
    }
    // "yes add it", "please add" beside any question: the offer's.
    if asked == Asked::AddBesideFix && understand::only_says_add(text) {
        act(kb, session, Action::AddToTicket, now, out);
        return true;
    }
    let Some(yes) = understand::yes_or_no(text) else {
        return false;
    };
    let article = current_article(kb, session);
    let step = session.current_step();
    match (asked, yes, article, step) {
        // "I can hand this to a person" - "yes please".
        (Asked::Human | Asked::DontKnow, true, ..) => {
            session.leave_pending();
            out.effects.push(Effect::Escalate { note: None });
        }
        // At the end of the fixes "no" is still broken: the offer again, in one line.
        (Asked::Human, false, ..) if matches!(session.stage, Stage::OutOfSolutions { .. }) => {
            return false;
        }
        (Asked::Human | Asked::DontKnow, false, ..) => {
            out.replies.push(Reply::new(words::SAY_MORE))
        }
        // "Shall I note ... as what fixed it?"
        (Asked::ConfirmFix, true, _, Some(step)) => act(kb, session, Action::Fixed(step), now, out),
        // "No" to noting it: the user said it works, so "not fixed" is not recorded either.
        (Asked::ConfirmFix, false, Some(article), Some(_)) => {
            typed::open_question(session, article, words::NOT_NOTED, now, out)
        }
        // "Keep going or switch?" has no yes or no.
        (Asked::Switch { other }, _, Some(current), _) => {
            let Some(other) = kb.get(&other) else {
                return false;
            };
            switch_asked_again(session, current, other, out);
        }
        // "Add it to ticket?" beside the browser question (no fix open yet): "yes" can only be
        // the offer's.
        (Asked::AddBesideFix, true, _, None) => act(kb, session, Action::AddToTicket, now, out),
        // ... and "no" to it: nothing added, and the browser question stays.
        (Asked::AddBesideFix, false, Some(article), None) => {
            out.replies.push(Reply::new(words::NOT_ADDED));
            ask_again(session, article, now, out);
        }
        // "Did this fix it?" and "Add it to ticket?" side by side: which one "yes" answers is
        // asked ("no" can only be the fix's answer).
        (Asked::AddBesideFix, true, Some(article), Some(step)) => {
            let ticket = session.ticket.map(|t| t.to_string()).unwrap_or_default();
            session.asked = Some(Asked::AddBesideFix);
            out.replies.push(
                with_answers(Reply::new(words::yes_to_which(&ticket)), article, step)
                    .tone(Tone::Warning)
                    .choice(
                        Action::AddToTicket,
                        words::add_to_ticket(&ticket),
                        Style::Secondary,
                    ),
            );
        }
        _ => return false,
    }
    true
}

/// What follows a leading "no" ("no it was the cache" -> "it was the cache"), when the reply
/// opens with one and says more.
fn after_a_denial(text: &str) -> Option<String> {
    const DENIALS: &[&str] = &["no", "nope", "nah", "nop", "noo"];
    let words = plain_words::lowercase_words(text);
    let (first, rest) = words.split_first()?;
    (DENIALS.contains(&first.as_str()) && !rest.is_empty()).then(|| {
        // "no really, it was ...": the hedge goes with the denial. (Not "not": "no, not the
        // cookies either" denies the cookies too.)
        let rest: Vec<&str> = rest
            .iter()
            .map(String::as_str)
            .skip_while(|w| ["really", "quite", "exactly"].contains(w))
            .collect();
        rest.join(" ")
    })
}

/// "Which one: keep going with `current`, or switch to `other`?": the question again.
fn switch_asked_again(session: &mut Session, current: &Article, other: &Article, out: &mut Output) {
    let reply = another_article::switch_question(
        session,
        current,
        other,
        words::keep_going_or_switch(&current.title, &other.title),
    );
    out.replies.push(reply.tone(Tone::Warning));
}

/// `text`, neither yes nor no, at "Shall I note ... as what fixed it?" of `step` of
/// `article` (see [`answer_asked`]): whether it was taken as an answer.
fn answer_confirm_fix(
    kb: &KnowledgeBase,
    session: &mut Session,
    article: &Article,
    step: Step,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let step_text = session
        .attempts
        .last()
        .and_then(|a| article.solutions.get(a.solution))
        .map(step_words)
        .unwrap_or_default();
    // "no it was clearing the cookies", "no, disabling extensions did it", "nope the cache
    // thing": the "no" answers for the fix on screen, the rest names the fix of this article
    // that did it, which is asked about in turn (it was ruled out as "didn't fix it either";
    // explorer rv45 F1). The fix on screen is left unanswered.
    // ("no, should i try clearing the cookies?" asks; it credits nothing.)
    if let Some(rest) = after_a_denial(text)
        && !text.contains('?')
        && rest.split_whitespace().next() != Some("not")
        && let Some(open) = session.pending_attempt().map(|p| p.solution)
        // ("no, the cache didnt help either" names a fix that failed.)
        && !matches!(
            understand::classify(&rest).intent,
            Some(Intent::NotFixed | Intent::Human)
        )
        && !understand::negates_the_fix(&rest)
        && let Some(named) = fixes_told::another_fix_credited(session, article, open, &rest)
            .filter(|&i| !article.solutions[i].test)
    {
        fixes_told::open_instead(session, article, named, now);
        it_works::confirm_fix(session, article, out);
        return true;
    }
    if understand::fixed_by_something_else(text, &step_text)
        || understand::credits_something_else(text)
    {
        act(kb, session, Action::WorksAnyway(step), now, out);
        return true;
    }
    // "it came back", "worked for a sec": it did not last, so it is no fix.
    if understand::fix_did_not_last(text) {
        super::typed::note_follow_up(session, text);
        act(kb, session, Action::NotFixed(step), now, out);
        return true;
    }
    // "ok i turned off the extensions and it loads now!!" at "Turn off unneeded
    // extensions": yes.
    if session
        .attempts
        .last()
        .is_some_and(|a| it_works::says_it_was_this_fix(article, a.solution, text))
    {
        act(kb, session, Action::Fixed(step), now, out);
        return true;
    }
    // "but i need the full history tho": it works only in part, so it is no fix; the
    // words go to staff and the walk goes on.
    let opens_with_a_but = plain_words::first_word(text)
        .is_some_and(|w| ["but", "except", "although", "though"].contains(&w.as_str()));
    let said = understand::classify(text);
    let still_short = plain_words::has_any_word(
        text,
        &[
            "need", "needs", "want", "only", "still", "not", "doesnt", "dont", "cant",
        ],
    );
    if opens_with_a_but
        && still_short
        && !said.question
        && said.intent != Some(Intent::Fixed)
        && understand::yes_or_no(text).is_none()
    {
        typed::note_follow_up(session, text);
        act(kb, session, Action::NotFixed(step), now, out);
        return true;
    }
    // "ok great", "perfect, works": a short cheer or fix said again is a yes to noting it
    // ("the blank page is showing again" is no cheer).
    if said.intent == Some(Intent::Fixed)
        && !said.question
        && said.words <= 3
        && !understand::fix_did_not_last(text)
    {
        act(kb, session, Action::Fixed(step), now, out);
        return true;
    }
    // "yep the grammarly thing, thats what did it", "definitely, thats what did it": a yes
    // first (or nothing more), then the fix put down to "that" (not "i doubt that did it",
    // "actually my IT guy changed the proxy, thats what did it").
    const CREDITS_THAT: &[&str] = &[
        "thats what did it",
        "that is what did it",
        "that did it",
        "that fixed it",
        "that worked",
        "that did the trick",
        "thats what fixed it",
        "thats what worked",
    ];
    let unquoted: String = text.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    let words = plain_words::lowercase_words(&unquoted);
    let yes_first = words
        .first()
        .is_some_and(|w| understand::yes_or_no(w) == Some(true));
    let spaced = format!(" {} ", words.join(" "));
    if (yes_first || said.words <= 4)
        && !said.question
        && CREDITS_THAT
            .iter()
            .any(|p| spaced.contains(&format!(" {p} ")))
        && !understand::doubts_the_fix(text)
    {
        act(kb, session, Action::Fixed(step), now, out);
        return true;
    }
    // "ok thanks bye": no answer, and no "didn't catch that" either.
    if understand::only_thanks(text) || understand::only_a_goodbye(text) {
        let lead = if understand::only_thanks(text) {
            words::WELCOME
        } else {
            words::BYE
        };
        it_works::confirm_fix_led(session, article, lead, out);
        return true;
    }
    let pause = understand::only_a_pause(text);
    if pause
        || understand::says_nothing(text)
        || matches!(
            understand::classify(text).intent,
            None | Some(Intent::Aside)
        )
    {
        let lead = if pause {
            words::TAKE_YOUR_TIME
        } else {
            typed::didnt_catch(text)
        };
        it_works::confirm_fix_led(session, article, lead, out);
        return true;
    }
    false
}
