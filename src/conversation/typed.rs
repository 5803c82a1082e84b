//! A reply typed while a walk's question is open ("yes that fixed it", "no still blank", "is
//! it down for everyone?", "it says error 103 now"): read by [`crate::understand`] and turned
//! into the action it means, or an honest "I didn't catch that" with the choices spelled out.

use super::actions::act;
use super::another_article::{
    ANOTHER_PROBLEM_AHEAD_BY, another_article, different_problem, fixed_then_new_problem,
    names_a_thing_only_of, names_another_article, names_besides_where, other_product,
    says_a_title_word_of, says_a_title_word_only_of, switch_label_typed,
};
use super::codes::{lists_any_of, shows_an_error};
use super::faq::{
    asks_an_entry_as_written, entry_asked_as_written, faq_answering, faq_on_the_side, risk_faq,
};
use super::fix_named::{fix_named, names_another_fix_done};
use super::fixes_told::{another_fix_done, rule_out_named};
use super::it_works::{confirm_fix, fixed, works_from_something_else};
use super::resume::ask_again;
use super::step_asked::{step_asked_about, step_asked_how_to, step_named_by_title};
use super::step_text::{open_step_text, step_text};
use super::still_broken::{detail, fail_open_and_go_on, not_fixed};
use super::terms::Terms;
use super::tests_out_of_turn::{
    earlier_test_answered, later_test_answered, place_names, test_names, works_only_in_a_later_test,
};
use super::walk::next_solution;
use super::walk_moves::{could_not_try, move_through_fixes, skipped_by_user};
use super::{Output, note_browser};
use crate::browser::Browser;
use crate::knowledge::{Article, KnowledgeBase};
use crate::matcher::Ranking;
use crate::plain_words;
use crate::reply::{Action, Reply, Style};
use crate::semantic::QueryVectors;
use crate::session::{Outcome, Session, Stage};
use crate::understand::{self, Intent, Product, Understood, WalkMove};
use crate::words;
use std::collections::HashSet;

/// Answers `text` typed during a walk of `article`. Always handles it: a reply that is
/// really another problem is asked about, never switched to silently.
pub(super) fn answer(
    kb: &KnowledgeBase,
    session: &mut Session,
    article: &Article,
    text: &str,
    (ranking, query): (&Ranking, Option<&QueryVectors>),
    now: u64,
    out: &mut Output,
) {
    let typed = Typed {
        kb,
        article,
        text,
        ranking,
        query,
        now,
    };
    // Each reading in turn, in the order they take precedence: the first that takes the reply
    // answers it.
    if taken_as_said(typed, session, out) {
        return;
    }
    let mut understood = understood_of(text);
    if takes_back_the_failure(typed, session, &understood, out) {
        return;
    }
    // "disconnected and reconnected, now i have duplicates": what the fix left behind, in the
    // words of an entry of the article's FAQ; answered, and nothing recorded (it was "did not
    // fix it", and the next fix shown: explorer rv45 F12).
    // ("i disconnected and reconnected, now there are duplicates" at another fix: that fix is
    // the one asked about, below.)
    // ("ok its pulling again but now theres a bunch of duplicates" at the reconnect: it works,
    // and what the fix left behind is answered; the fix is offered for noting as usual.
    // Explorer rv49 F13 got "Noted.")
    let open_fix = session
        .pending_attempt()
        .and_then(|p| article.solutions.get(p.solution))
        .map(|s| s.title.clone());
    let works_at_a_fix = (understood.intent == Some(Intent::Fixed)
        || understand::works_before_what_followed(text))
        && open_fix.is_some()
        && !super::outcome::pending_test(session, article);
    if (understood.intent != Some(Intent::Fixed) || works_at_a_fix)
        && !understood.question
        && matches!(session.stage, Stage::AwaitingFeedback { .. })
        && !super::fix_named::names_another_fix_done(session, article, text)
        && let Some(faq) = super::faq::faq_of_a_consequence(article, text, open_fix.as_deref())
    {
        if works_at_a_fix {
            note_follow_up(session, text);
            out.replies.push(super::faq::faq_reply(faq, article));
            confirm_fix(session, article, out);
        } else {
            super::faq::consequence_answered(session, article, faq, text, now, out);
        }
        return;
    }
    // "i'm using the quickbooks app not safari" mid-walk, the app not said before: the fixes
    // are for a browser, and what to do about the app (it showed the Safari steps again, or
    // "didn't catch that"); the question stays.
    // (At "Which browser?" too: "the quickbooks app" was "didn't catch that".)
    if (session.current_step().is_some() || matches!(session.stage, Stage::ChoosingBrowser { .. }))
        && crate::device::names_a_mobile_app(text)
        && !session
            .descriptions
            .iter()
            .any(|d| crate::device::names_a_mobile_app(d))
        && understood.words <= 12
        && !matches!(
            understood.intent,
            Some(Intent::Fixed | Intent::Human | Intent::Check)
        )
    {
        note_follow_up(session, text);
        open_question(session, article, words::STEPS_ARE_FOR_A_BROWSER, now, out);
        return;
    }
    // "my coworker has the same problem on firefox btw" at a fix: someone else's trouble,
    // for staff; the user's browser and the fix on screen are untouched (explorer rv49 F4:
    // the fix was recorded as failed, and the walk moved to Firefox).
    if session.current_step().is_some()
        && !understood.question
        && understand::someone_elses_trouble(text)
        && !understand::someone_already_told(text, &session.descriptions)
        && !understand::speaks_of_oneself(text)
    {
        note_follow_up(session, text);
        open_question(session, article, words::SOMEONE_ELSE_HAS_IT_TOO, now, out);
        return;
    }
    // "the payroll one is working now" while the company file is walked: news of the
    // problem held, not of the fix on screen. (A failure said of it, "still white" of the
    // blank page held beside a bank feed, asks to switch, below.)
    if understood.intent == Some(Intent::Fixed)
        && !understood.question
        && let Some(held) = super::other_problems::held_problem_said_of(kb, session, text)
        && super::other_problems::other_named_taken_up(kb, session, text).is_none()
    {
        super::other_problems::held_problem_works(session, article, &held, text, now, out);
        return;
    }
    // "ok what about the bank thing": the other problem named, now.
    if let Some(other) = super::other_problems::other_named_taken_up(kb, session, text) {
        // ("it wont open on the server either. going back to the chase feed now": what comes
        // before the move answers the step on screen first; review of rv47 F2.)
        if let Some(before) = understand::said_before_the_move(text) {
            let ranking = kb.rank(&before, 5);
            answer(kb, session, article, &before, (&ranking, None), now, out);
        }
        super::other_problems::take_up(kb, session, other, now, out);
        // ("..., I disconnected and reconnected and it still says 103": what follows the move
        // is said of the problem taken up, at its open step; explorer rv47 F2.)
        if let Some(rest) = understand::said_after_the_move(text)
            && let Some(taken) = super::current_article(kb, session)
            && session.current_step().is_some()
        {
            let ranking = kb.rank(&rest, 5);
            answer(kb, session, taken, &rest, (&ranking, None), now, out);
        }
        return;
    }
    // "I dont use bank feeds" at "Which browser?": a fix still to come is not for the user;
    // noted (never shown, never "tried"), and the browser question stays.
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && session.current_step().is_none()
        && !understood.question
        && understood.browser.is_none()
        && let Some(index) = (session.next_solution..article.solutions.len()).find(|&i| {
            !article.solutions[i].test
                && understand::does_not_apply(text, &article.solutions[i].title)
        })
    {
        note_follow_up(session, text);
        super::walk::record_step(
            session,
            article,
            index,
            session.browser,
            Outcome::NotForThem,
            now,
        );
        out.replies.push(
            Reply::new(words::not_for_you(&article.solutions[index].title)).article(&article.id),
        );
        ask_again(session, article, now, out);
        return;
    }
    // "ok so it works in chrome incognito on the phone" at "Which browser?" for the
    // private-window test: the browser, and the test's result.
    if !understood.question
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && super::test_results::test_answered_at_which_browser(
            session,
            article,
            text,
            understood.browser,
            now,
            out,
        )
    {
        return;
    }
    settle_the_browser_words(typed, session, &mut understood);
    private_window_is_no_fix(typed, session, &mut understood);
    done_already_of_something_else(typed, session, &mut understood);
    if where_it_works_noted(typed, session, &understood, out)
        || browser_told(typed, session, &understood, out)
        || browser_question_answered(typed, session, &understood, out)
        || moved_to_another_device(typed, session, &understood, out)
        || about_the_ticket(typed, session, out)
        || not_seen_or_a_move(typed, session, out)
        || answered_on_the_side(typed, session, &understood, out)
        || result_of_something_else(typed, session, &understood, out)
        || super::mixed_results::failed_then_worked(session, article, text, &understood, now, out)
        || (!matches!(understood.intent, Some(Intent::Human | Intent::Check))
            && super::still_broken::check_found_nothing(session, article, text, now, out))
    {
        return;
    }
    // "i can't find the three dots" names a thing in the steps on screen: they could not be
    // done, which is no result.
    let cannot_find = understand::cannot_find_in_step(text, &open_step_text(session, article));
    if test_result_told(typed, session, &understood, cannot_find, out)
        || said_in_passing(typed, session, &understood, out)
    {
        return;
    }
    // "i dont want to talk to a human, just tell me what to do next": no person, and the
    // question stays (explorer rv49 F1: a ticket was opened).
    if understood.intent == Some(Intent::Aside) && understand::declines_a_person(text) {
        open_question(session, article, words::NO_PERSON_THEN, now, out);
        return;
    }
    // "hello" mid-walk: greeted back, and the question stays.
    if understand::only_greets(text) && understood.intent != Some(Intent::Human) {
        open_question(session, article, words::STILL_HERE, now, out);
        return;
    }
    // "hmm", "ok", "wait": nothing answered and nothing for staff to read; the question stays.
    let says_nothing = understand::says_nothing(text);
    // "what now?", "now what" when the fixes are used up: the offer of a person, again (it was
    // "Take your time.").
    if matches!(session.stage, Stage::OutOfSolutions { .. })
        && (understand::asks_what_to_do(text) || (says_nothing && understood.question))
    {
        ask_again(session, article, now, out);
        return;
    }
    // ("ok let me restart my computer": stepping away, whatever article "restart computer"
    // ranks.)
    if understood.intent == Some(Intent::Aside) && (says_nothing || understand::steps_away(text)) {
        // ("ty" thanks for the step; "ok" only waits.)
        let lead = if understand::only_praise(text) && !session.fixes_held_back() {
            words::PRAISED_WHEN_TRIED
        } else if understand::only_thanks(text) && session.fixes_held_back() {
            // (No fix shown yet to try: the outage notice holds them back.)
            words::WELCOME
        } else if understand::only_thanks(text) {
            words::THANKS_WHEN_TRIED
        } else if understand::only_a_goodbye(text) {
            // "bye", "cya": the question stays for when they are back.
            words::BYE_FOR_NOW
        } else {
            words::TAKE_YOUR_TIME
        };
        open_question(session, article, lead, now, out);
        return;
    }
    if not_done_or_not_yet(typed, session, &understood, cannot_find, out)
        || another_problem_told(typed, session, &understood, out)
    {
        return;
    }
    by_intent(typed, session, &understood, says_nothing, out);
}

/// "works in private window!" where no step about a private window was shown (a fix, or
/// "Which browser?"): the usual window still fails, so it is more about the problem, no fix.
/// At a test the test's own reading answers it; a fix that is the private window ("Sign in
/// from a private window") may have done it.
fn private_window_is_no_fix(typed: Typed, session: &Session, understood: &mut Understood) {
    if understood.intent != Some(Intent::Fixed) || !understand::works_only_in_private(typed.text) {
        return;
    }
    // (At "Which browser?" the step asked for is not shown yet: only a test there is
    // answered by it.)
    let choosing_browser = matches!(session.stage, Stage::ChoosingBrowser { .. });
    let step = if choosing_browser {
        typed.article.solutions.get(session.next_solution)
    } else {
        session
            .current_step()
            .and_then(|p| typed.article.solutions.get(p.solution))
    };
    // (A fix on screen that tries a private window, "Clear cache and try a private window",
    // may have done it; so may a fix that is the private window itself, "Sign in from a
    // private window": then it is named as what fixed it.)
    let about_private = step.is_some_and(|s| {
        s.test
            || (!choosing_browser
                && understand::works_only_in_private(&format!("works {}", s.title)))
    }) || typed
        .article
        .solutions
        .iter()
        .any(|s| !s.test && is_the_private_window(&s.title));
    if !about_private {
        understood.intent = Some(Intent::Detail);
    }
}

/// "already waited and retried" at a fix that asks neither, naming no other fix: a deed of
/// something else, no result of the fix on screen (unsure, as before such deeds were read).
/// At the retry fix it is that fix's result.
fn done_already_of_something_else(
    typed: Typed,
    session: &mut Session,
    understood: &mut Understood,
) {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return;
    };
    if understand::not_fixed_only_as_done_already(typed.text)
        && !super::still_broken::names_the_open_fix(typed.article, open, typed.text)
        && !super::step_asked::tells_a_deed_of_the_step(typed.article, open, typed.text)
        && fix_named(session, typed.article, open, typed.text).is_none()
    {
        understood.intent = None;
    }
}

/// Whether moving to browser `new` is what the step on screen asks: "Switch from Internet
/// Explorer to a supported browser", for the browser it is for alone.
fn moved_as_the_step_says(session: &Session, article: &Article, new: Browser) -> bool {
    let (Some(old), Some(step)) = (session.browser, session.current_step()) else {
        return false;
    };
    article
        .solutions
        .get(step.solution)
        .is_some_and(|s| old != new && s.browsers() == [old] && s.title.contains(old.label()))
}

/// Whether a fix's title is only the private window ("Sign in from a private window"), no
/// other deed ("Clear cache and try a private window").
fn is_the_private_window(title: &str) -> bool {
    const ONLY: &[&str] = &[
        "sign",
        "in",
        "from",
        "a",
        "an",
        "the",
        "try",
        "use",
        "open",
        "private",
        "window",
        "incognito",
        "mode",
        "browsing",
        "tab",
        "inprivate",
        "guest",
    ];
    understand::works_only_in_private(&format!("works {title}"))
        && plain_words::lowercase_words(title)
            .iter()
            .all(|w| ONLY.contains(&w.as_str()))
}

/// A reply typed during a walk, with what it is read against: the knowledge base, the article
/// walked, how the reply ranks (and its sentence vectors), and the time.
#[derive(Clone, Copy)]
struct Typed<'a> {
    kb: &'a KnowledgeBase,
    article: &'a Article,
    text: &'a str,
    ranking: &'a Ranking,
    query: Option<&'a QueryVectors>,
    now: u64,
}

/// Replies taken as they are, before their intent is read: the walk called off, a bot
/// question, fed-up words, "yes add it", several browsers named, the other QuickBooks, a
/// switch label typed, a test answered again. Whether the reply was one.
fn taken_as_said(typed: Typed, session: &mut Session, out: &mut Output) -> bool {
    let Typed {
        kb,
        article,
        text,
        ranking,
        now,
        ..
    } = typed;
    // "nevermind", "forget it", "stop": the user calls the walk off. It ends with nothing
    // recorded for the step on screen, and how to come back is said.
    if understand::calls_it_off(text) {
        call_it_off(session, text, out);
        return true;
    }
    // "r u a bot?", "this is useless": answered on the side; the question stays open.
    if understand::asks_if_a_bot(text) {
        open_question(session, article, words::I_AM_A_BOT, now, out);
        return true;
    }
    // "how does this work?": how I help, on the side.
    if understand::asks_what_the_bot_does(text) {
        out.replies.push(super::help().aside());
        open_question(session, article, "", now, out);
        return true;
    }
    // "how are you?", "what's the weather like": a line, and the question again (the weather
    // was "a person can help with that").
    if let Some(chat) = understand::chat(text) {
        let lead = match chat {
            understand::Chat::HowAreYou => words::HOW_I_AM_HERE,
            understand::Chat::OffTopic => words::ONLY_QUICKBOOKS_PROBLEMS_HERE,
        };
        open_question(session, article, lead, now, out);
        return true;
    }
    if understand::fed_up(text) {
        session.note_aside(text);
        open_question(session, article, words::SORRY_NO_HELP, now, out);
        return true;
    }
    // "notify me when its fixed" with no outage's "Notify me" on screen: whether it is down is
    // checked now (a known outage then offers to tell the user when it is over); the question
    // stays open.
    if understand::asks_to_be_told(text)
        && !text.contains('?')
        && !article.checks.is_empty()
        && understand::classify(text).intent != Some(Intent::Human)
    {
        session.note_aside(text);
        out.replies
            .push(Reply::new(words::CHECKING_BEFORE_NOTIFYING).aside());
        act(kb, session, Action::Check, now, out);
        return true;
    }
    // "payroll is due today!!", saying nothing of the step: a person, offered now.
    // ("this is taking forever, payroll is due": impatience with the walk, not the slow-page
    // article's problem.)
    if understand::urgency::impatient(text)
        || understand::urgency::said(text).is_some() && understand::classify(text).intent.is_none()
    {
        session.note_aside(text);
        // ("payroll is due today what do i do" at the outage: its entry "What if payroll is
        // due during an outage?" first, then the person offered; explorer rv48 F9.)
        if let Some(faq) = super::faq::faq_for(article, text) {
            out.replies.push(super::faq::faq_reply(faq, article));
        }
        open_question(session, article, words::CANNOT_WAIT_NOW, now, out);
        return true;
    }
    // "what if it still fails?": how the walk goes on; the fix on screen is still to try.
    if session.pending_attempt().is_some() && understand::asks_what_if_it_fails(text) {
        open_question(session, article, words::IF_IT_STILL_FAILS, now, out);
        return true;
    }
    // "yes add it" with no offer to add open: not a yes to the step on screen (it was recorded
    // as a test's "works there"). To the open ticket, or said that there is none.
    if understand::only_says_add(text) {
        if session.ticket.is_some() && session.ticket_open {
            add_what_it_says(kb, session, text, now, out);
        } else {
            open_question(session, article, words::NO_TICKET_TO_ADD_TO, now, out);
        }
        return true;
    }
    // "im on chrome and edge": where the user is, not another problem (its browser words rank
    // the firewall and browser articles). Noted; at "Which browser?" the first one's steps.
    if Browser::names_several(text) && understand::only_says_where(text) {
        session.note_aside(text);
        let browsers = Browser::all_named(text);
        let named: Vec<&str> = browsers.iter().map(|b| b.label()).collect();
        if matches!(session.stage, Stage::ChoosingBrowser { .. })
            && let Some(&first) = browsers.first()
        {
            out.replies.push(Reply::new(words::steps_for_the_first(
                &named.join(" and "),
                first.label(),
            )));
            act(kb, session, Action::Browser(Some(first)), now, out);
        } else {
            open_question(
                session,
                article,
                &words::noted_both(&named.join(" and ")),
                now,
                out,
            );
        }
        return true;
    }
    // "oh wait this is desktop" in the QuickBooks Desktop article: the product confirmed, and
    // the question stays (explorer rv46 F8: "desktop" in a later fix's title jumped there).
    if understand::only_names_the_product(text)
        && let Some(told) = understand::product_told(text)
        && article.product.as_deref().and_then(Product::of) == Some(told)
    {
        note_follow_up(session, text);
        let lead = words::product_confirmed(told.label());
        open_question(session, article, &lead, now, out);
        return true;
    }
    // "its qbo not desktop" in a QuickBooks Desktop article: its steps are for the other one.
    // (A description naming another problem beside the product, "it says 502 bad gateway in
    // quickbooks online", is matched as usual: it offers that article.)
    if let Some(named) = understand::product_named(text)
        && let Some(walked) = article.product.as_deref().and_then(Product::of)
        && walked != named
        && ranking
            .named()
            .is_none_or(|m| kb.article_at(m.doc).id == article.id)
    {
        other_product(session, article, (walked, named), text, now, out);
        return true;
    }
    // "Switch to Payroll Update Fails ..." typed with no such choice on screen: the label says
    // what the user wants, that article (its "fails" was read as a failed fix). The step on
    // screen is left untried.
    if let Some(other) = switch_label_typed(kb, article, text) {
        if let Some(fix) = session.pending_attempt().map(|p| p.title.clone()) {
            out.replies
                .push(Reply::new(words::left_untried_for(&fix, &other.title)).article(&article.id));
        }
        act(kb, session, Action::Article(other.id.clone()), now, out);
        return true;
    }
    // "it works in incognito though", after that test failed there: the new result counts.
    if super::test_results::test_answered_again(session, article, text, now, out) {
        return true;
    }
    false
}

/// What `text` says, as [`understand::classify`] reads it, with a question said to be
/// unrelated taken as an aside.
fn understood_of(text: &str) -> Understood {
    let mut understood = understand::classify(text);
    // "unrelated but how do i void a check?": a question on the side, whatever its words share
    // with the steps or the problem (it was read as a detail of the problem, or answered with a
    // step's how-to or an FAQ entry).
    if understood.question
        && understand::says_it_is_unrelated(text)
        && matches!(
            understood.intent,
            None | Some(Intent::Detail | Intent::NewProblem | Intent::Browser)
        )
    {
        understood.intent = Some(Intent::Aside);
    }
    understood
}

/// The fix before the one on screen said to have worked after all; its "still broken" is
/// taken back. Whether the reply said so.
fn takes_back_the_failure(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // "sorry i meant fixed, wrong button", "that last one actually did fix it": the fix before
    // the one on screen worked; its "still broken" is taken back.
    // ("the first one worked": the first fix of the walk, not the one just before.)
    let failed_here = |a: &&crate::session::Attempt| {
        a.article == article.id && a.outcome == Some(Outcome::NotFixed)
    };
    let meant = if understand::credits_the_first_fix(text) {
        session.attempts.iter().position(|a| failed_here(&a))
    } else {
        session.attempts.iter().rposition(|a| failed_here(&a))
    };
    if understand::credits_the_step_before(text, understood.intent)
        && let Some(previous) = meant
        && session.pending_attempt().is_some()
    {
        note_follow_up(session, text);
        session.attempts.pop();
        // Open again as the last attempt (the one a question is about), past any step passed
        // over since.
        let mut again = session.attempts.remove(previous);
        again.outcome = None;
        again.at = now;
        session.attempts.push(again);
        confirm_fix(session, article, out);
        return true;
    }
    false
}

/// `rest` without the setup said to be the same ("it works in chrome on the same mac"): that
/// "same" is no "same problem".
fn same_setup_left_out(rest: &str) -> String {
    const SETUPS: &[&str] = &[
        "mac", "computer", "machine", "laptop", "pc", "device", "network", "wifi", "phone",
    ];
    let words = plain_words::lowercase_words(rest);
    let said_same = words
        .windows(2)
        .any(|w| w[0] == "same" && SETUPS.contains(&w[1].as_str()));
    // (Otherwise the rest as written: its commas part its clauses.)
    if !said_same {
        return rest.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == "same"
            && words
                .get(i + 1)
                .is_some_and(|w| SETUPS.contains(&w.as_str()))
        {
            i += 2;
            continue;
        }
        kept.push(&words[i]);
        i += 1;
    }
    kept.join(" ")
}

/// A browser or device named that is no news: the intent the reply has without it.
fn settle_the_browser_words(typed: Typed, session: &mut Session, understood: &mut Understood) {
    let Typed { article, text, .. } = typed;
    // "works in incognito but not normal chrome" from a Chrome user: the browser is no news.
    if understood.intent == Some(Intent::Browser)
        && understood.browser.is_some()
        && understood.browser == session.browser
        // ("ok it works in vivaldi" from a Chrome user names another browser.)
        && Browser::built_on(text).is_none()
        // ("wait actually im on my ipad not iphone": where the user is, told again; its "not"
        // is no failure. Explorer rv49 F2: it was read as still broken.)
        && !understand::corrects_where_one_is(text)
    {
        // ("im on chrome now", said of the browser already set: still a browser remark.)
        understood.intent = understand::intent_without_browser(text).or(understood.intent);
    }
    // "yes android" at a test's "does it work there?": the yes answers it (the device was noted
    // when the message came in); elsewhere it only names the device.
    if understood.intent == Some(Intent::Browser)
        && super::outcome::pending_test(session, article)
        && understand::only_yes_and_where(text)
    {
        understood.intent = Some(Intent::Fixed);
    }
}

/// Where it works, said beside the answer or of another setup than the one on screen: noted
/// for staff, not a move there. Whether the reply was taken so.
fn where_it_works_noted(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // "nope still blank but it works on my phone", "it works in chrome but not edge": where it
    // works is news for staff, not a move there. The rest of the reply is the answer ("nope
    // still blank"); with none, the question is asked again, the browser kept.
    // At a test, "works fine in chrome incognito" is its result (read below); "yep it works
    // fine in edge" (a fix that is a move to another browser) is a fix, read as usual.
    // (Nor a later test's result: "I tried on my phone hotspot and it works there" answers
    // "Try another network", read out of turn.)
    if session.pending_attempt().is_some()
        && !super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !article
            .solutions
            .iter()
            .any(|s| s.test && understand::test_result(text, &s.also_called).is_some())
        && let Some((place, rest)) = understand::where_it_works(text)
        // ("works in chrome now" from a Chrome user: where the user is, so it works.)
        && !(session.browser.is_some()
            && Browser::detect(&place) == session.browser
            && Browser::built_on(&place).is_none()
            && crate::device::Device::detect(text).is_none())
        && let rest = same_setup_left_out(&rest)
        && let rest_says = understand::classify(&rest).intent
        && rest_says != Some(Intent::Fixed)
    {
        if rest_says == Some(Intent::NotFixed) || understand::yes_or_no(&rest) == Some(false) {
            not_fixed(session, article, text, now, out);
        } else {
            note_follow_up(session, text);
            let lead = words::works_there_noted(&place);
            open_question(session, article, &lead, now, out);
        }
        return true;
    }
    // "im on my ipad now and it works there" at the private-window test: "there" is the iPad,
    // not the test (whose own names, "on my phone" at the outage test, are its result). The
    // setup where it fails is kept; where it works is noted for staff.
    if let Some(test) = session
        .pending_attempt()
        .and_then(|p| article.solutions.get(p.solution))
        .filter(|s| s.test)
        && understand::test_result(text, &test.also_called).is_none()
        && (understand::test_result(text, &["there".to_string()]) == Some(true)
            || understand::where_it_works(text).is_some())
        && let Some(place) = another_setup(session, text, understood)
    {
        note_follow_up(session, text);
        let lead = words::works_there_noted(place);
        open_question(session, article, &lead, now, out);
        return true;
    }
    false
}

/// The browser told other than by its name: which Safari by the device, the system's
/// default, by its icon, or none at all ("its the desktop app"). Whether the reply was
/// taken so.
fn browser_told(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed { kb, text, now, .. } = typed;
    // "mac" after a bare "safari": which Safari. Said alone (or as a remark), it is the answer;
    // said with something else ("still broken on my mac"), it is noted and the rest is acted on.
    if session.safari_unsure
        && let Some(safari) = Browser::safari_by_device(text)
    {
        let says_nothing_else = matches!(
            understood.intent,
            None | Some(Intent::Browser | Intent::Detail | Intent::Aside)
        );
        if says_nothing_else && understood.words <= 6 {
            act(kb, session, Action::Browser(Some(safari)), now, out);
            return true;
        }
        note_browser(session, Some(safari), false);
    }
    // At "which browser?": "brave" (no steps of its own) or "idk" gets the general steps;
    // "google" is Chrome.
    // "idk whatever the default is on windows": the browser the system comes with.
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && let Some(browser) = Browser::default_on(text).or_else(|| {
            // "idk the default one on my laptop, blue e": by its icon ("its not the blue e
            // one" names none).
            Browser::from_icon(text, session.device.is_some_and(|d| d.is_touch()))
                .filter(|_| !understand::negates_the_fix(text))
        })
    {
        // "i dont know, windows 11": the system's own browser is a guess, said as one.
        if Browser::not_known(text)
            && !plain_words::has_any_word(text, &["default", "came", "comes", "builtin", "built"])
        {
            out.replies.push(
                Reply::new(words::going_with_the_system_s_browser(browser.label()))
                    .article(&typed.article.id),
            );
        }
        act(kb, session, Action::Browser(Some(browser)), now, out);
        return true;
    }
    // "the one that came with my computer": Edge on Windows, Safari on a Mac; which, asked
    // (it was noted as news for staff; explorer rv45 F21).
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && Browser::default_of_a_computer(text)
    {
        out.replies
            .push(Reply::new(words::DEFAULT_BROWSER_OF_WHICH).article(&typed.article.id));
        ask_again(session, typed.article, now, out);
        return true;
    }
    // "its not a browser its the desktop app": the steps that need no browser.
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && Browser::says_no_browser(text)
    {
        note_follow_up(session, text);
        act(kb, session, Action::Browser(None), now, out);
        return true;
    }
    false
}

/// Replies about the browser question: why it matters, how to tell, fed up at it, and a
/// short answer at "Which browser?" (another browser, "google", the icon, the device).
/// Whether the reply was one.
fn browser_question_answered(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        kb,
        article,
        text,
        now,
        ..
    } = typed;
    // "does it matter which browser?", "why do you need my browser?" at the question: why,
    // and how to tell.
    let asks_why_the_browser = understood.browser.is_none()
        && understood.question
        && understood.words <= 10
        && !Browser::names_another_browser(text)
        && Browser::built_on(text).is_none()
        && ["matter", "why", "need", "important", "difference"]
            .iter()
            .any(|w| text.to_lowercase().contains(w))
        && plain_words::has_any_word(text, &["browser"])
        // ("quickbooks is slow only in one browser. why?" asks the article's FAQ.)
        && !asks_an_entry_as_written(article, text);
    // At a step: whether it matters for the step on screen (it was "how to tell which
    // browser it is", as if the user did not know).
    if asks_why_the_browser
        && !matches!(session.stage, Stage::ChoosingBrowser { .. })
        && let Some(step) = session.current_step()
        && let Some(solution) = article.solutions.get(step.solution)
    {
        let answer = match session.browser.filter(|_| !solution.variants.is_empty()) {
            Some(b) => words::the_browser_matters_here(b.label()),
            None if solution.variants.is_empty() => words::THE_BROWSER_DOES_NOT_MATTER_HERE.into(),
            None => words::WHY_THE_BROWSER.into(),
        };
        out.replies.push(Reply::new(answer).article(&article.id));
        ask_again(session, article, now, out);
        return true;
    }
    // "does this work on a mac too?", "is it the same on my laptop?" at a step: whether its
    // steps read the same on that device (it was taken for where it works, and the fix on
    // screen recorded as failed).
    if understood.question
        && understood.browser.is_none()
        && let Some(device) = crate::device::Device::detect(text)
        && plain_words::has_any_word(text, &["work", "works", "same"])
        && !matches!(session.stage, Stage::ChoosingBrowser { .. })
        && let Some(step) = session.current_step()
        && let Some(solution) = article.solutions.get(step.solution)
    {
        let answer = if device.is_touch() {
            words::steps_differ_on(device.label())
        } else if solution.variants.is_empty() {
            words::THE_SAME_ON_ANY_COMPUTER.into()
        } else {
            words::the_browser_not_the_computer(
                session.browser.map_or("your browser", |b| b.label()),
                device.label(),
            )
        };
        note_follow_up(session, text);
        out.replies.push(Reply::new(answer).article(&article.id));
        ask_again(session, article, now, out);
        return true;
    }
    if matches!(session.stage, Stage::ChoosingBrowser { .. }) && asks_why_the_browser {
        out.replies.push(
            Reply::new(format!(
                "{} {}",
                words::WHY_THE_BROWSER,
                words::HOW_TO_TELL_THE_BROWSER.trim_start_matches("No problem. ")
            ))
            .article(&article.id),
        );
        ask_again(session, article, now, out);
        session.asked = Some(crate::session::Asked::HowToTellBrowser);
        return true;
    }
    // At a step, unasked: "i dont know what browser", "what's a browser lol": how to tell,
    // and the step stays the question; "ok its the blue e one": that browser, by its icon.
    if !matches!(session.stage, Stage::ChoosingBrowser { .. })
        && session.pending_attempt().is_some()
        && understood.browser.is_none()
        && understood.words <= 12
    {
        let mentions_browser = plain_words::has_any_word(text, &["browser"]);
        // (A question with the word in it asks which browser only when none is known yet:
        // "can browser cache trigger quickbooks error 502?" asks the article's FAQ.)
        let asks_which = understand::cannot_tell(text)
            || (understood.question
                && session.browser.is_none()
                && !asks_an_entry_as_written(article, text));
        if mentions_browser && asks_which {
            out.replies
                .push(Reply::new(words::HOW_TO_TELL_THE_BROWSER).article(&article.id));
            ask_again(session, article, now, out);
            return true;
        }
        if let Some(browser) =
            Browser::from_icon(text, session.device.is_some_and(|d| d.is_touch()))
        {
            act(kb, session, Action::Browser(Some(browser)), now, out);
            return true;
        }
    }
    // "are you even listening?? its STILL BROKEN", "already did that obviously" at "Which
    // browser?": no answer to it, and the same question a third time helps nobody. Heard, and
    // the walk goes on with the steps for any browser (the user can name theirs any time).
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && understand::yes_or_no(text).is_none()
        && crate::device::Device::detect(text).is_none()
        && (understood.intent == Some(Intent::NotFixed) || understand::fed_up(text))
        // ("wait sorry no its 504 gateway timeout, i misread": the problem corrected, below.)
        && !understand::corrects_the_problem(text)
        // (A bare "👎" before any step was tried says no more than "no": asked below; it was
        // "Sorry, I know it's still broken", of nothing tried; explorer rv47 F17.)
        && (!understand::only_a_sad_mark(text)
            || session.attempts.iter().any(|a| a.outcome.is_some()))
    {
        note_follow_up(session, text);
        super::which_browser::on_without_the_answer(session, article, now, out);
        return true;
    }
    // "chrome i think? or maybe edge": unsure between two it names; the first one's steps, as
    // for "im on chrome and edge", said so with how to change it (it was noted as a detail and
    // the question asked again; an explorer's).
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && understood.words <= 10
        && Browser::all_named(text).len() >= 2
        && plain_words::has_any_word(text, &["maybe", "think", "or", "probably", "guess"])
        // The first by where it stands in the text, not in the list of browsers ("edge i think
        // or chrome" is Edge; it was Chrome, "the first you named"; explorer rv48 F18).
        && let Some(first) = Browser::first_named(text)
    {
        out.replies.push(
            Reply::new(words::going_with_the_first_browser(first.label())).article(&article.id),
        );
        act(kb, session, Action::Browser(Some(first)), now, out);
        return true;
    }
    // "I DONT KNOW WHAT A BROWSER IS" at "Which browser?": how to tell (it was "No rush: try
    // it and tell me when you know").
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && !session.safari_unsure
        && understood.words <= 12
        && plain_words::has_any_word(text, &["browser", "browsers"])
        && understand::cannot_tell(text)
    {
        out.replies
            .push(Reply::new(words::HOW_TO_TELL_THE_BROWSER).article(&article.id));
        ask_again(session, article, now, out);
        session.asked = Some(crate::session::Asked::HowToTellBrowser);
        return true;
    }
    if matches!(session.stage, Stage::ChoosingBrowser { .. })
        && understood.browser.is_none()
        && understood.words <= 6
    {
        // "idk", "not sure": how to tell, and the question again; not knowing a second time
        // gets the steps for any browser (`answer_asked`). A bare "no"/"nope" gets the same help.
        if !session.safari_unsure
            && (understand::cannot_tell(text)
                || understand::yes_or_no(text) == Some(false)
                || understand::only_a_sad_mark(text))
        {
            out.replies
                .push(Reply::new(words::HOW_TO_TELL_THE_BROWSER).article(&article.id));
            ask_again(session, article, now, out);
            session.asked = Some(crate::session::Asked::HowToTellBrowser);
            return true;
        }
        // At "which Safari?" not knowing gets how to tell (a computer or a phone); a second
        // time, the general steps (`answer_asked`).
        if session.safari_unsure && understand::cannot_tell(text) {
            out.replies
                .push(Reply::new(words::HOW_TO_TELL_WHICH_SAFARI).article(&article.id));
            ask_again(session, article, now, out);
            session.asked = Some(crate::session::Asked::HowToTellBrowser);
            return true;
        }
        // "the compass one" on a device not known to be a phone: Safari, on a Mac or an
        // iPhone/iPad (the "how to tell" help says both have the compass), so which is asked.
        // (On a computer said before, the only Safari there is is the Mac's.)
        if !session.safari_unsure
            && crate::plain_words::has_any_word(text, &["compass"])
            && Browser::is_bare_safari(text)
            && !session.device.is_some_and(|d| d.is_touch())
        {
            if session.device.is_some() {
                act(
                    kb,
                    session,
                    Action::Browser(Some(Browser::SafariMac)),
                    now,
                    out,
                );
                return true;
            }
            session.browser = None;
            session.safari_unsure = true;
            ask_again(session, article, now, out);
            return true;
        }
        let choice = if Browser::names_another_browser(text) {
            Some(None)
        } else if Browser::is_google(text) {
            Some(Some(Browser::Chrome))
        } else {
            // "the blue e one": by the icon the "how to tell" help describes.
            Browser::from_icon(text, session.device.is_some_and(|d| d.is_touch())).map(Some)
        };
        if let Some(browser) = choice {
            act(kb, session, Action::Browser(browser), now, out);
            return true;
        }
        // "android", "its a phone": the device (kept by `handle`), and the browser on it is
        // asked again among those it runs.
        if let Some(device) = crate::device::Device::detect(text) {
            out.replies
                .push(Reply::new(words::which_browser_on(device.label())).article(&article.id));
            ask_again(session, article, now, out);
            return true;
        }
    }
    false
}

/// "now on my android", "back on my laptop": the walk goes on for that device. Whether the
/// reply said so.
fn moved_to_another_device(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // "now on my android" from a Safari-on-iPhone user: the browser does not run there, so it
    // is unknown again; the walk goes on, asking for it where a fix's steps differ. A failure
    // said with it ("didnt work, now on my android") is recorded first.
    // ("ok found it on the computer, put in the new password, all good now": where the step
    // was done, and it works; a fix, not a move. "works now on my android" says where it
    // works, and "now on my laptop, works" a move.)
    let a_fix_done_there = understood.intent == Some(Intent::Fixed)
        && !understand::moved_to(text)
        && understand::where_it_works(text).is_none()
        && device_named_apart_from_the_result(text);
    if let (Some(device), Some(current)) = (crate::device::Device::detect(text), session.browser)
        && !device.runs(current)
        && understood.browser.is_none()
        && !a_fix_done_there
    {
        // (At a test, "same blank page there" on the other device is no result of the test:
        // noted for staff only.)
        if understood.intent == Some(Intent::NotFixed)
            && !super::outcome::pending_test(session, article)
        {
            super::outcome::fail_pending(session, article, now);
        }
        note_follow_up(session, text);
        session.browser = None;
        session.other_browser = false;
        session.safari_unsure = false;
        out.replies
            .push(Reply::new(words::now_on(device.label())).article(&article.id));
        ask_again(session, article, now, out);
        return true;
    }
    // "now on my android" (Chrome runs there too), "back on my laptop": the step on screen
    // again, worded for that device (the device itself is noted by `handle`). A failure said
    // with it is recorded first.
    // At the end of the fixes, a step skipped on a phone comes back on a computer.
    if let Some(device) = crate::device::Device::detect(text)
        && (session.current_step().is_some()
            || matches!(session.stage, Stage::OutOfSolutions { .. }))
        && understood.browser.is_none()
        && !matches!(
            understood.intent,
            Some(Intent::Human | Intent::Check | Intent::Fixed)
        )
        && understand::moved_to(text)
    {
        if understood.intent == Some(Intent::NotFixed)
            && !super::outcome::pending_test(session, article)
        {
            super::outcome::fail_pending(session, article, now);
        }
        note_follow_up(session, text);
        let nothing_back = matches!(session.stage, Stage::OutOfSolutions { .. })
            && super::walk::unseen_step(session, article).is_none();
        let noted = if nothing_back {
            words::now_on_device_nothing_new(device.label())
        } else {
            words::now_on_device(device.label())
        };
        out.replies.push(Reply::new(noted).article(&article.id));
        ask_again(session, article, now, out);
        return true;
    }
    false
}

/// Whether every part of `text` that names a device tells a deed done there and no result
/// ("ok found it on the computer, put in the new password, all good now"), so the result is
/// said apart; not "on my laptop it works fine", "the computer signs in ok" (where it works),
/// nor "used my computer instead, all good", "on the laptop now, all good" (a move).
fn device_named_apart_from_the_result(text: &str) -> bool {
    const NOT_A_DEED_THERE: &[&str] = &[
        "works",
        "work",
        "working",
        "worked",
        "loads",
        "loaded",
        "opens",
        "fine",
        "good",
        "great",
        "fixed",
        "perfect",
        "perfectly",
        "ok",
        "okay",
        "signs",
        "let",
        "issues",
        "problems",
        "used",
        "using",
        "switched",
        "moved",
        "instead",
        "now",
        "there",
        "went",
    ];
    const DONE: &[&str] = &["found", "put", "did", "made", "set", "reset", "ran", "done"];
    // ("tried the computer" tries a place; "tried clearing cookies on my laptop" a deed.)
    const NO_DEED: &[&str] = &["tried", "used", "switched", "moved", "logged", "signed"];
    // ("tried logging in on my laptop": getting there, no step done.)
    const GETTING_THERE: &[&str] = &[
        "logging",
        "signing",
        "opening",
        "loading",
        "accessing",
        "using",
        "going",
        "getting",
        "trying",
        "browsing",
        "connecting",
        "visiting",
        "launching",
        "starting",
        "checking",
        "testing",
        "running",
    ];
    let lower = text.to_lowercase().replace(['\'', '’'], "");
    let parts: Vec<&str> = plain_words::clauses(&lower, &["and", "then"])
        .into_iter()
        .filter(|p| crate::device::Device::detect(p).is_some())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            // ("ok found it on the computer": an "ok" opening it agrees, no result.)
            let mut words = plain_words::lowercase_words(p);
            if words
                .first()
                .is_some_and(|w| ["ok", "okay", "so", "yes", "yep"].contains(&w.as_str()))
            {
                words.remove(0);
            }
            !words.iter().any(|w| NOT_A_DEED_THERE.contains(&w.as_str()))
                && words.iter().enumerate().any(|(i, w)| {
                    let after_tried = i > 0 && words[i - 1] == "tried";
                    DONE.contains(&w.as_str())
                        || (w.len() > 4 && w.ends_with("ed") && !NO_DEED.contains(&w.as_str()))
                        || (after_tried
                            && w.len() > 4
                            && w.ends_with("ing")
                            && !GETTING_THERE.contains(&w.as_str()))
                })
        })
}

/// With a ticket, a reply about it: words to add to it, or where it stands. Whether the
/// reply was one.
fn about_the_ticket(typed: Typed, session: &mut Session, out: &mut Output) -> bool {
    let Typed { kb, text, now, .. } = typed;
    // With a ticket: "add this to my ticket: ..." and "any news?" are about the ticket.
    if session.ticket.is_some() {
        if understand::asks_to_add_to_ticket(text) {
            add_what_it_says(kb, session, text, now, out);
            return true;
        }
        // "anyone there?" from someone with an open ticket: where it stands, not a second
        // hand-over ("hi" after an old, resolved ticket is just a greeting).
        let greets = understand::small_talk(text) == Some(understand::SmallTalk::Greeting);
        if understand::asks_about_ticket(text) || (greets && session.ticket_open) {
            out.effects.push(super::Effect::TicketStatus);
            return true;
        }
    }
    false
}

/// "i dont see it" (which thing, asked), or a move through the fixes in words. Whether the
/// reply was one.
fn not_seen_or_a_move(typed: Typed, session: &mut Session, out: &mut Output) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // "i dont see it in the start menu": what the step on screen names cannot be found
    // there; its steps again, nothing recorded ("i cant find it" alone is "could not try").
    if let Some(step) = session.current_step()
        && understand::not_found_where_looked(text)
    {
        session.note_aside(text);
        out.replies
            .push(Reply::new(words::LOOK_AGAIN).article(&article.id));
        out.replies
            .push(super::wording::steps_on_the_side(session, article, step.solution).aside());
        open_question(session, article, "", now, out);
        return true;
    }
    // "i dont see it": the option the step names, or the problem still there? Asked.
    if session.pending_attempt().is_some() && understand::only_says_dont_see_it(text) {
        let lead = words::dont_see_which(super::outcome::pending_test(session, article));
        open_question(session, article, &lead, now, out);
        return true;
    }
    // "skip", "next one", "repeat", "go back", "done": a move through the fixes in words, with
    // nothing else said.
    // ("go back" at the end of the fixes, to one the user skipped, too.)
    if let Some(walk_move) = understand::walk_move(text)
        && (session.pending_attempt().is_some()
            || (walk_move == WalkMove::Back && skipped_by_user(session, article).is_some()))
    {
        move_through_fixes(session, article, walk_move, now, out);
        return true;
    }
    false
}

/// A question answered on the side, the question on screen kept: an FAQ entry asked as
/// written or of the step's harm, or the steps of the fix it asks how to do. Whether the
/// reply was one.
fn answered_on_the_side(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // "what does DNS failure mean?", "is that bad?" right after a live check: what its result
    // means, again (it was "I can't help with that here").
    if let Some(meaning) =
        super::checks::result_asked_right_after(typed.kb, session, text, understood.question)
    {
        note_follow_up(session, text);
        out.replies
            .push(Reply::new(meaning).article(&article.id).aside());
        open_question(session, article, "", now, out);
        return true;
    }
    // "why does it work at home but not at work?": a question its FAQ answers in so many words
    // is answered, whatever its words say of the fix ("not at work" is no "not fixed"), and
    // before any step it names ("what is retry-after?" is the FAQ, not "Wait and retry").
    if understood.question
        && understood.intent != Some(Intent::Human)
        && let Some(faq) = entry_asked_as_written(article, text)
    {
        faq_on_the_side(session, article, (faq, article), text, now, out);
        return true;
    }
    // "will i lose data if i do this" at "Rename the .ND and .TLG files": the entry that asks
    // it of the step on screen ("Is it safe to rename the .ND and .TLG files?"), whatever
    // words the two share (it was no answer, or another article's "Will I lose data during an
    // outage?").
    if let Some(faq) = session
        .current_step()
        .and_then(|step| risk_faq(session, article, step.solution, text))
    {
        faq_on_the_side(session, article, (faq, article), text, now, out);
        return true;
    }
    // "is my data safe?", "will i lose anything?": the article's entry about data, whatever
    // words it is asked in.
    if understood.intent != Some(Intent::Human)
        && let Some(faq) = super::faq::data_faq(article, text)
    {
        faq_on_the_side(session, article, (faq, article), text, now, out);
        return true;
    }
    // "how do I open incognito?", "how do i clear cookies on my iphone": the steps of the fix
    // it names (or of the one on screen) for the user's browser and device, on the side; the
    // question stays open.
    // "what's a private window?": the same, when it names a step by its title or other names.
    let what_step = understand::asks_what_it_is(text)
        .then(|| step_named_by_title(article, text))
        .flatten();
    // "i have zapier syncing stuff, could that be it?": the steps of the fix about what it
    // names, when that is another one than on screen.
    let cause_step = (understand::asks_if_cause(text)
        && !matches!(understood.intent, Some(Intent::Check)))
    .then(|| step_asked_about(session, article, text))
    .flatten()
    .filter(|&i| session.current_step().is_some_and(|s| s.solution != i));
    // ("its fine in incognito, so whats wrong with my normal chrome?" answers the test on
    // screen: no steps for it.)
    let answers_the_test = session.pending_attempt().is_some_and(|p| {
        article
            .solutions
            .get(p.solution)
            .is_some_and(|s| s.test && understand::test_result(text, &test_names(s)).is_some())
    });
    // ("didnt try it, i dont know how to do that": not tried for want of the how, which is no
    // failure; explorer rv47 F11, it was "No rush".)
    let not_tried_for_want_of_how = understood.intent == Some(Intent::NotFixed)
        && understand::not_tried(text)
        && !understand::not_fixed_beside_not_tried(text)
        && understand::asks_how_to(text);
    if session.current_step().is_some()
        && !answers_the_test
        && (!matches!(understood.intent, Some(Intent::Fixed | Intent::NotFixed))
            || not_tried_for_want_of_how)
        && (understand::asks_how_to(text) || what_step.is_some() || cause_step.is_some())
        && let Some(index) = what_step
            .or(cause_step)
            .or_else(|| how_to_here(typed.kb, session, article, text))
    {
        note_named_browser(session, text, understood);
        session.note_aside(text);
        out.replies
            .push(super::wording::steps_on_the_side(session, article, index).aside());
        open_question(session, article, "", now, out);
        if session.current_step().is_some_and(|s| s.solution != index) {
            session.asked = Some(crate::session::Asked::HowTo { step: index });
        }
        return true;
    }
    // "how do i clear cookies?" where this article has no such fix: another article's steps
    // for it, on the side (it was "I can't help with that here").
    if session.current_step().is_some()
        && !answers_the_test
        && !matches!(
            understood.intent,
            Some(Intent::Fixed | Intent::NotFixed | Intent::Human | Intent::Check)
        )
        && understand::asks_how_to(text)
        && how_to_here(typed.kb, session, article, text).is_none()
        && let Some((other, index)) =
            super::step_asked::step_of_another_article(typed.kb, article, text)
    {
        note_named_browser(session, text, understood);
        session.note_aside(text);
        out.replies
            .push(Reply::new(words::steps_from_another_article(&other.title)).article(&other.id));
        out.replies
            .push(super::wording::steps_on_the_side(session, other, index).aside());
        open_question(session, article, "", now, out);
        return true;
    }
    false
}

/// The step of the walked article a how-to question asks ([`step_asked_how_to`]), unless it
/// has only some of the words and another article's step has them all ("how do i turn off
/// the antivirus" at the slow-performance article is not "Turn off unneeded extensions").
fn how_to_here(
    kb: &crate::knowledge::KnowledgeBase,
    session: &Session,
    article: &Article,
    text: &str,
) -> Option<usize> {
    let index = step_asked_how_to(session, article, text)?;
    // ("which button?" asks of the steps on screen, whichever article has a button.)
    let of_the_steps_on_screen = understand::asks_about_the_steps(text)
        && session.current_step().is_some_and(|s| s.solution == index);
    (of_the_steps_on_screen
        || super::step_asked::step_has_every_word(article, index, text)
        || super::step_asked::step_of_another_article(kb, article, text).is_none())
    .then_some(index)
}

/// "should i clear cookies?" of fix `index`: the fix on screen is said to be it; one ruled
/// out already is said to be so; any other has its steps shown on the side (to try now, if the
/// user likes), and the question on screen stays open.
fn whether_to_try(
    session: &mut Session,
    article: &Article,
    index: usize,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    session.note_aside(text);
    let title = &article.solutions[index].title;
    let ruled_out = session.attempts.iter().any(|a| {
        super::walk::is_solution(a, article, index) && a.outcome.is_some_and(Outcome::ruled_out)
    });
    if session.current_step().is_some_and(|s| s.solution == index) {
        let lead = words::whether_this_one(title, article.solutions[index].test);
        open_question(session, article, &lead, now, out);
    } else if ruled_out {
        open_question(session, article, &words::whether_ruled_out(title), now, out);
    } else {
        out.replies
            .push(Reply::new(words::whether_another(title)).article(&article.id));
        out.replies
            .push(super::wording::steps_on_the_side(session, article, index).aside());
        open_question(session, article, "", now, out);
        session.asked = Some(crate::session::Asked::HowTo { step: index });
    }
}

/// A result said of something other than the step on screen: an earlier or later test, a
/// fix someone else made, another fix done at a test, the trouble still where the user is.
/// Whether the reply was one.
fn result_of_something_else(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // At a test, the result of an earlier one the user could not do then ("i cant turn off the
    // vpn" at the network test; at the antivirus test, "tried my hotspot, it works fine
    // there"): recorded for that one, and followed where it leads.
    // (A question, "why does it work at home but not at work?", is no result.)
    if super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !understood.question
        && earlier_test_answered(session, article, text, now, out)
    {
        return true;
    }
    // "it works but only in incognito" at a fix: the fix did not help (the usual window is
    // still broken), and a later test's result is given.
    if session.pending_attempt().is_some()
        && !super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !understood.question
        && works_only_in_a_later_test(session, article, text, now, out)
    {
        return true;
    }
    // At a fix, the result of a test still to come ("it worked in incognito" at "Reload the
    // page"): recorded for that test, which is not shown again; the open fix stays the question.
    if session.pending_attempt().is_some()
        && !super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !understood.question
        && later_test_answered(session, article, text, now, out)
    {
        return true;
    }
    // At a test, the result of a later one named and this one not ("ok turned off norton and
    // it works" at "Try without the VPN ..."): recorded for that test, where it leads ruling
    // out the steps between; the open test stays the question.
    if super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !understood.question
        && session
            .current_step()
            .and_then(|step| article.solutions.get(step.solution))
            .is_some_and(|open| understand::test_result(text, &open.also_called).is_none())
        && later_test_answered(session, article, text, now, out)
    {
        return true;
    }
    // At a fix, an earlier test's result said again ("tried my hotspot, it works there"): no
    // answer to the fix.
    if session.pending_attempt().is_some()
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !understood.question
        && super::tests_out_of_turn::earlier_result_again(session, article, text, now, out)
    {
        return true;
    }
    // "no the bank fixed it not you": it works, from no step shown ("no" says which).
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && !article.solutions[open].test
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && understand::someone_else_fixed_it(text)
    {
        works_from_something_else(session, article, Some(text), out);
        return true;
    }
    // "turns out it was my adblocker" at a fix: the cause found, told by a name of another
    // fix of this article ("ad blocker": "Turn off browser extensions"). It works, and that
    // fix is asked about, never recorded unasked.
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && understood.intent.is_none()
        && !understood.question
        && understand::tells_the_cause(text)
        && super::fixes_told::another_fix_credited(session, article, open, text).is_some()
    {
        fixed(session, article, text, understood, now, out);
        return true;
    }
    // At a test, "ran file doctor, worked for Maple Dental but not for Birch Law, same H202
    // there": the result is that fix's (its "there" is the client), not the test's. The fix
    // named is recorded as not fixed and the test stays the question.
    if super::outcome::pending_test(session, article)
        && !matches!(
            understood.intent,
            Some(Intent::Human | Intent::Check | Intent::Fixed)
        )
        && !understood.question
        && names_another_fix_done(session, article, text)
    {
        not_fixed(session, article, text, now, out);
        return true;
    }
    // At a test, "still getting H202 for Birch Law": the trouble goes on where the user is,
    // which says nothing of the test (it was recorded "fails there too", pointing staff to a
    // damaged file). Kept for staff; the test stays the question.
    if super::outcome::pending_test(session, article)
        && !matches!(
            understood.intent,
            Some(Intent::Human | Intent::Check | Intent::Fixed)
        )
        && let Some(test) = session
            .current_step()
            .and_then(|s| article.solutions.get(s.solution))
        && understand::still_here_not_there(text, &place_names(article, test))
        // ("its blank in normal chrome still": the usual window, answered below.)
        && !understand::about_the_usual_setup(text)
    {
        // Said again just before ("I have made it, but the error comes still", then "still the
        // same Fehler"): not the same words again, but what the test is and the way past it.
        let places = place_names(article, test);
        let again = session
            .descriptions
            .last()
            .is_some_and(|before| understand::still_here_not_there(before, &places));
        note_follow_up(session, text);
        if again {
            let lead = words::still_here_again(&test.title);
            open_question(session, article, &lead, now, out);
            return true;
        }
        open_question(session, article, words::STILL_HERE_NOTED, now, out);
        return true;
    }
    false
}

/// At a test, its result in the user's words, or the usual setup named instead. Whether
/// the reply was one.
fn test_result_told(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    cannot_find: bool,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // At a test, its result in the user's words: "blank there too", "works in incognito but
    // not normal", "same thing with the vpn off".
    // (Beside another problem, "works there, but now my bank feed ...", it is read below.)
    // ("its fine in incognito, so whats wrong with my normal chrome?": the result, told before
    // the question.)
    let told_before_asking = text
        .split(',')
        .next()
        .filter(|first| first.len() < text.len() && !first.contains('?'))
        .is_some_and(|first| !understand::classify(first).question);
    if super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && (!understood.question || told_before_asking)
        // (A part the user could not do says nothing, the test's result is read from the
        // rest: "cant turn off vpn but works on hotspot"; explorer rv46 F7. With nothing
        // else told, it could not be tried: "cant, private mode is disabled by IT".)
        && (!understand::could_not_do_it(text)
            || session
                .current_step()
                .and_then(|s| article.solutions.get(s.solution))
                .is_some_and(|test| told_besides_what_could_not_be_done(text, test)))
        && !cannot_find
        && understand::trouble_after_fix(text).is_none()
        && let Some(test) = session
            .current_step()
            .and_then(|s| article.solutions.get(s.solution))
        && let Some(works) = understand::test_result(text, &test_names(test)).or_else(|| {
            told_before_asking
                .then(|| text.split(',').next())
                .flatten()
                .and_then(|first| understand::test_result(first, &test_names(test)))
        })
    {
        note_follow_up(session, text);
        if works {
            // "checked the status page, says all good": the result in words, for staff too.
            super::outcome::record_fixed(session, article, now, out);
        } else {
            // ("tried on my phone with 4g, doesnt work either": the test, named, is what
            // failed; no other fix its words share a word with.)
            fail_open_and_go_on(session, article, text, now, out);
        }
        return true;
    }
    // "its blank in normal chrome still" at a test: that is the usual window, not the test;
    // noted, and the test's question stays open.
    // (Naming the test too, "loads normally in private", it is the test's answer.)
    let names_the_test = session
        .current_step()
        .and_then(|s| article.solutions.get(s.solution))
        .is_some_and(|test| {
            let lower = text.to_lowercase();
            test_names(test)
                .iter()
                .chain(["private".to_string(), "incognito".to_string()].iter())
                .any(|n| lower.contains(&n.to_lowercase()))
        });
    if super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && !names_the_test
        && understand::about_the_usual_setup(text)
    {
        note_follow_up(session, text);
        open_question(session, article, words::THAT_IS_THE_USUAL_SETUP, now, out);
        return true;
    }
    false
}

/// Whether a reply that says something could not be done tells `test`'s result in a part of
/// its own ("cant turn off vpn but works on hotspot"): the parts that say what could not be
/// done set aside, the rest names the test and how it went.
fn told_besides_what_could_not_be_done(text: &str, test: &crate::knowledge::Solution) -> bool {
    let rest: Vec<&str> = text
        .split([',', '.', ';', '!'])
        .flat_map(|part| part.split(" but "))
        .filter(|part| !understand::could_not_do_it(part))
        .collect();
    test.test && understand::test_result(&rest.join(", "), &test_names(test)).is_some()
}

/// Said in passing: the article confirmed, a cheer alone, billing. Whether the reply was one.
fn said_in_passing(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        article, text, now, ..
    } = typed;
    // "yep, that's it" just after the article was shown: it is the right article, not a fix.
    if understand::confirms_the_article(text) {
        open_question(session, article, words::THATS_THE_ONE, now, out);
        return true;
    }
    // "👍" or "✅" alone to "did this fix it?": "fixed" or only "ok"? Asked, as a long reply
    // that sounds fixed is.
    if understand::only_a_cheer(text) && session.current_step().is_some() {
        // On a test, "👍" says it works there: nothing is recorded as a fix, so nothing to ask.
        if super::outcome::pending_test(session, article) {
            super::outcome::record_fixed(session, article, now, out);
        } else {
            confirm_fix(session, article, out);
        }
        return true;
    }
    // "honestly im about to cancel my subscription, this is ridiculous": billing, which is for
    // a person (said, with the way to one); the fix stays open. A result said beside it ("still
    // broken, and i want a refund") is answered as usual.
    // ("i updated the billing info, let me retry" tells of a step done: only a question, or
    // words of money owed or leaving, are billing here.)
    // ("why is quickbooks so expensive now, $90 a month for this??" reads as a detail by its
    // number: asked, it is billing.)
    if understand::asks_about_billing(text)
        && (matches!(understood.intent, None | Some(Intent::Aside))
            || (understood.question && understood.intent == Some(Intent::Detail)))
        && !step_speaks_of_billing(session, article)
        && (understood.question
            || plain_words::has_any_word(
                text,
                &[
                    "cancel",
                    "cancelling",
                    "refund",
                    "charged",
                    "charging",
                    "price",
                    "pricing",
                ],
            ))
    {
        session.note_aside(text);
        open_question(session, article, words::BILLING_WHILE_FIXING, now, out);
        return true;
    }
    false
}

/// Whether `text` names a thing (a word of four letters or more) of another article's title
/// that the walked article does not speak of at all ("firewall" at the 500 article's "Retry
/// the action"; not at the firewall article's "Ask IT to allow Intuit through the proxy").
fn names_a_thing_of_another_article(typed: Typed) -> bool {
    let stems = super::terms::long_stems;
    let article = typed.article;
    let mut ours = format!("{} {}", article.title, article.summary);
    for s in &article.solutions {
        ours.push(' ');
        ours.push_str(&s.title);
        ours.push(' ');
        ours.push_str(&super::step_text::steps_text(s));
    }
    let ours = stems(&ours);
    let theirs: Vec<String> = typed
        .kb
        .articles()
        .iter()
        .filter(|a| a.id != article.id)
        .flat_map(|a| stems(&a.title))
        .collect();
    stems(typed.text)
        .iter()
        .any(|w| theirs.contains(w) && !ours.contains(w))
}

/// "i cant turn off the vpn, IT controls it" at "Retry after a short wait": what cannot be done
/// is a thing of another fix of this article (the network step's "Disconnect from VPN"), and
/// nothing of the fix on screen.
/// (A thing, not a deed: "i cant turn it off" is the step on screen, whatever else turns
/// something off. Only a fix still to come counts: one ruled out is not asked about.)
fn names_a_thing_of_another_fix_here(
    session: &Session,
    article: &Article,
    open: usize,
    text: &str,
) -> bool {
    const DEEDS: &[&str] = &[
        "turn", "change", "open", "close", "click", "select", "choose", "enter", "check", "find",
        "allow", "disable", "enable", "clear", "remove", "delete", "install", "update", "restart",
        "reload", "sign", "login", "make", "access", "touch", "settings",
    ];
    let things = |text: &str| -> HashSet<String> {
        plain_words::lowercase_words(text)
            .into_iter()
            .filter(|w| w.len() >= 3 && !DEEDS.contains(&w.as_str()))
            .collect()
    };
    // (Telling words only: those `Terms` keeps, long or short, not "the" or "its".)
    let terms = Terms::said(text);
    let said: HashSet<String> = things(text)
        .into_iter()
        .filter(|w| terms.words.contains(w) || terms.shared_short(&Terms::of(w)) > 0)
        .collect();
    let of = |i: usize| {
        let s = &article.solutions[i];
        things(&format!("{} {}", s.title, super::step_text::steps_text(s)))
    };
    let to_come = |i: usize| {
        !session
            .attempts
            .iter()
            .any(|a| super::walk::is_solution(a, article, i) && a.outcome.is_some())
    };
    said.is_disjoint(&of(open))
        && (0..article.solutions.len())
            .any(|i| i != open && to_come(i) && !said.is_disjoint(&of(i)))
}

/// The fix on screen could not be done, a thing of another fix not found, or not tried yet.
/// Whether the reply said one.
fn not_done_or_not_yet(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    cannot_find: bool,
    out: &mut Output,
) -> bool {
    let Typed {
        kb,
        article,
        text,
        now,
        ..
    } = typed;
    // "no admin rights", "there is no update button": the fix on screen could not be done, which
    // is no failure of it; "not yet": the question stays open. A result said beside either
    // ("not yet, still broken", "fixed it, couldnt find the button") is answered as usual.
    let says_a_result = matches!(
        understood.intent,
        Some(Intent::Fixed | Intent::Human | Intent::Check)
    );
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && !says_a_result
    {
        // "we have no vpn" at "Try without the VPN and on another network": that part is not
        // theirs, the other place is still to try; the test stays the question.
        let test_title = &article.solutions[open].title;
        if article.solutions[open].test
            && test_title.contains(" and ")
            && understand::does_not_apply(text, test_title)
            && understand::test_result(text, &test_names(&article.solutions[open])).is_none()
        {
            note_follow_up(session, text);
            open_question(session, article, words::REST_OF_THE_TEST, now, out);
            return true;
        }
        // ("cant turn off vpn but works on hotspot": the test's other half was done, and
        // says where it works; read as the test's result below. Explorer rv46 F7.)
        let the_test_answered = told_besides_what_could_not_be_done(text, &article.solutions[open]);
        if (understand::could_not_do_it(text) || cannot_find) && !the_test_answered {
            note_follow_up(session, text);
            // "there's no ctrl key on my ipad": the step has a tap for that; shown again.
            if super::wording::no_keyboard_needed(session, article, &article.solutions[open], text)
            {
                out.replies
                    .push(Reply::new(words::NO_KEYBOARD_NEEDED).article(&article.id));
                super::resume::ask_again(session, article, now, out);
                return true;
            }
            // "no admin rights to turn off the firewall" while another fix is open: that one
            // is noted as not possible (never shown), and the fix on screen stays open.
            // ("i cant turn off the vpn" names the VPN step on screen: that one is meant.)
            let means_the_open_one = says_a_word_of(&article.solutions[open].title, text);
            if let Some(named) =
                fix_named(session, article, open, text).filter(|_| !means_the_open_one)
            {
                // "cant find the extensions menu" of a fix not shown yet: its steps say where,
                // on the side; it is not ruled out unseen.
                let shown = session
                    .attempts
                    .iter()
                    .any(|a| super::walk::is_solution(a, article, named));
                if !shown
                    && plain_words::has_any_word(text, &["find", "see", "where", "locate"])
                    && understand::cannot_find_in_step(
                        text,
                        &super::step_text::step_text(session, article, named),
                    )
                {
                    session.note_aside(text);
                    out.replies
                        .push(super::wording::steps_on_the_side(session, article, named).aside());
                    open_question(session, article, "", now, out);
                    return true;
                }
                rule_out_named(session, article, named, Outcome::CouldNotTry, now);
                let lead = words::skipping_named(&article.solutions[named].title, false);
                open_question(session, article, &lead, now, out);
            } else if !means_the_open_one
                && (names_a_thing_of_another_article(typed)
                    || names_a_thing_of_another_fix_here(session, article, open, text))
            {
                // "firewall is managed by corp i cant touch it" at "Retry the action": a thing
                // of some other fix (here or in another article), not of this one: noted, and
                // the question stays (it was "couldn't try this one").
                open_question(session, article, words::NOTED_NOT_YOURS_TO_CHANGE, now, out);
            } else {
                could_not_try(session, article, now, out);
            }
            return true;
        }
        // "i dont use the app" at "Clear the QuickBooks app cache": not for the user, so never
        // tried (it was "did not fix it"). (A test names several places: "we dont have a vpn"
        // at the network test still leaves another network to try.)
        // ("this has nothing to do with payroll" at a payroll fix denies the article: below.)
        // ("this isnt about banking, i cant even sign in" at the 502 article's bank fix: the
        // trouble told after it names no other article, so it is more of this one; explorer
        // rv46 F2 got the bank feed article, the one denied.)
        let denied_with_more_of_this = || {
            understand::denies_the_fix_s_thing(text, &article.solutions[open].title).is_some_and(
                |rest| {
                    kb.rank(&rest, 3)
                        .named()
                        .is_none_or(|m| kb.article_at(m.doc).id == article.id)
                },
            )
        };
        if !article.solutions[open].test
            && (understand::does_not_apply(text, &article.solutions[open].title)
                || denied_with_more_of_this())
            && !understand::denies_the_topic(text, &topic_words(article))
        {
            note_follow_up(session, text);
            super::walk_moves::not_for_the_user(session, article, now, out);
            return true;
        }
        // "i dont use the app" or "we dont have a proxy" at a fix about something else: a
        // fact about the user, noted for staff; the fix on screen is not answered (it was "did
        // not fix it", and counted so in the stats).
        if !article.solutions[open].test
            && understood.intent == Some(Intent::NotFixed)
            && understand::says_what_they_do_without(text)
        {
            note_follow_up(session, text);
            open_question(session, article, words::NOTED, now, out);
            return true;
        }
        // "do i have to remove ALL? i dont want to get logged out" at "Clear the cache and
        // cookies": not done, by choice (it was "did not fix it"); passed over as "skip" is.
        // ("do i have to clear all my history? i dont want to lose my saved passwords" at
        // "Manually update bank transactions": the wish is about another fix, named.)
        if !article.solutions[open].test
            && !understand::not_tried(text)
            && understand::would_rather_not(text, &article.solutions[open].title)
            && fix_named(session, article, open, text).is_none()
        {
            note_follow_up(session, text);
            super::walk_moves::rather_not(session, article, now, out);
            return true;
        }
        // "i dont see extensions in chrome on my phone" at "Clear the cache": a thing of
        // another fix (one skipped, or still to come) not found; the fix on screen is not
        // answered.
        if !understood.question
            && let Some(other) = {
                // A fix whose title names the thing first ("Turn off browser extensions"), then
                // one whose text does.
                let others = || (0..article.solutions.len()).filter(|&i| i != open);
                others()
                    .find(|&i| understand::cannot_find_in_step(text, &article.solutions[i].title))
                    .or_else(|| {
                        others().find(|&i| {
                            understand::cannot_find_in_step(text, &step_text(session, article, i))
                        })
                    })
            }
        {
            note_follow_up(session, text);
            let lead = words::about_another_fix(&article.solutions[other].title);
            open_question(session, article, &lead, now, out);
            return true;
        }
        if understand::not_tried(text) && !understand::not_fixed_beside_not_tried(text) {
            open_question(session, article, words::NOT_TRIED_YET, now, out);
            return true;
        }
    }
    false
}

/// Another problem told: a new one after the fix worked, or this article said to be the
/// wrong one. Whether the reply told one.
fn another_problem_told(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    out: &mut Output,
) -> bool {
    let Typed {
        kb,
        article,
        text,
        ranking,
        now,
        ..
    } = typed;
    // "That fixed it, but now payroll won't load": the fix is noted and the new trouble is
    // diagnosed on its own, when it names another article (else it is asked about below).
    if understood.intent == Some(Intent::NewProblem)
        && session.current_step().is_some()
        && let Some(rest) = understand::trouble_after_fix(text)
        && names_another_article(kb, article, rest)
    {
        fixed_then_new_problem(kb, session, article, text, rest, now, out);
        return true;
    }
    // "kind of? it loads now but really slow" at a fix: it loads now, and slowness is a
    // problem of its own (another article's, when one ranks for it): the fix noted, the
    // slowness diagnosed (explorer rv47 F17: it was read as the fix failing).
    if session.current_step().is_some()
        && !super::outcome::pending_test(session, article)
        && !matches!(understood.intent, Some(Intent::Human | Intent::Check))
        && let Some(rest) = understand::works_now_but_slow(text)
        && names_another_article(kb, article, rest)
    {
        fixed_then_new_problem(kb, session, article, text, rest, now, out);
        return true;
    }
    // "the page loads now but my bank feed is still stuck": read as still broken for its
    // "still", though the fix worked and the trouble that goes on is another article's.
    if understood.intent == Some(Intent::NotFixed)
        && session.current_step().is_some()
        && let Some(rest) = understand::trouble_still_after_fix(text)
        // (Clearly named by its own words, not only come close: "reports still wont open"
        // may be the same page.)
        && kb
            .rank(rest, 3)
            .named()
            .is_some_and(|m| kb.article_at(m.doc).id != article.id)
    {
        fixed_then_new_problem(kb, session, article, text, rest, now, out);
        return true;
    }
    // "no thats not my problem, it logs me out": the article is wrong, not the fix; "it's not a
    // 502 error actually" at the 502 article says so by its code.
    let denied_its_code = {
        let all = Terms::of(text).codes;
        let kept = Terms::said(text).codes;
        let denied: HashSet<String> = all.difference(&kept).cloned().collect();
        lists_any_of(article, &denied) && !understand::says_the_error_is_gone(text)
    };
    // "this is about sales tax, not payroll" at the payroll article: its topic denied (each
    // such reply was "did not fix it" for the fix on screen).
    let denied_its_topic = understand::denies_the_topic(text, &topic_words(article));
    // "wait no sorry, its actually payroll that wont update": the problem corrected.
    // ("sorry i meant desktop, its QB desktop 2023": the product corrected, not the problem.)
    let correcting = understand::corrects_the_problem(text)
        && understood.browser.is_none()
        && !understand::only_names_the_product(understand::corrected_to(text).unwrap_or(text));
    let corrected = correcting
        && kb
            .rank(text, 3)
            .best()
            .is_some_and(|best| kb.article_at(best.doc).id != article.id);
    // "its not the bank feed, i meant payroll": the words it is corrected to say what the
    // problem is; a possible match of them is enough to go there.
    if let Some(to) = understand::corrected_to(text)
        .filter(|_| correcting && understood.intent != Some(Intent::Human))
    {
        let ranked = kb.rank(to, 5);
        if let Some(other) = ranked
            .matches
            .first()
            .filter(|m| m.score >= ranked.possible)
            .map(|m| kb.article_at(m.doc))
            .filter(|other| other.id != article.id)
        {
            note_follow_up(session, text);
            super::ruled_out::switch_as_corrected(kb, session, other, &ranked, now, out);
            return true;
        }
    }
    // "this is about sales tax, not payroll" at the 500 article: another article's topic
    // denied, and no word of the fix on screen (it was "did not fix it").
    if understood.intent == Some(Intent::NotFixed)
        && !denied_its_topic
        && session.current_step().is_some()
        && !understand::says_it_failed(text)
        // ("my problem isnt about cookies at all, the bank feed wont update" tells another.)
        && ranking.named().is_none_or(|m| {
            let named = kb.article_at(m.doc);
            named.id == article.id || understand::denies_the_topic(text, &topic_words(named))
        })
        && kb
            .articles()
            .iter()
            .any(|a| a.id != article.id && understand::denies_the_topic(text, &topic_words(a)))
    {
        note_follow_up(session, text);
        open_question(session, article, words::NOTED, now, out);
        return true;
    }
    if (understand::says_wrong_article(text) || denied_its_code || denied_its_topic || corrected)
        && understood.intent != Some(Intent::Human)
    {
        note_follow_up(session, text);
        super::ruled_out::not_this_article(kb, session, article, ranking, now, out);
        return true;
    }
    false
}

/// "nevermind", "forget it": the walk (or the list) ends with nothing recorded for the step on
/// screen, and how to come back is said.
pub(super) fn call_it_off(session: &mut Session, text: &str, out: &mut Output) {
    session.note_aside(text);
    session.leave_pending();
    session.stage = Stage::Idle;
    session.asked = None;
    out.replies.push(Reply::new(words::CALLED_OFF).choice(
        Action::Escalate,
        words::TALK_TO_A_HUMAN,
        Style::Secondary,
    ));
}

/// The words of `article`'s title that say what its problem is about ("payroll", "bank",
/// "feed"), lowercase.
pub(super) fn topic_words(article: &Article) -> Vec<String> {
    const GENERIC: &[&str] = &[
        "quickbooks",
        "online",
        "error",
        "errors",
        "fails",
        "fail",
        "update",
        "updating",
        "not",
        "loading",
        "page",
        "keeps",
        "returning",
        "wont",
        "open",
        "connection",
        "service",
        "http",
        "server",
        "internal",
        "timeout",
        "down",
        "everyone",
        "required",
        "features",
        "missing",
        "supported",
        "lagging",
        "blank",
        "spinning",
        "corrupt",
        "blocking",
        "signing",
        "sign",
        "with",
        "from",
        "the",
        "for",
        "and",
        "out",
    ];
    plain_words::lowercase_words(&article.title)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .collect()
}

/// The reply by what it says ([`Intent`]): fixed, not fixed, a check, a person, a browser,
/// a question, a detail, another problem, or nothing understood.
fn by_intent(
    typed: Typed,
    session: &mut Session,
    understood: &Understood,
    says_nothing: bool,
    out: &mut Output,
) {
    let Typed {
        kb,
        article,
        text,
        ranking,
        query,
        now,
    } = typed;
    let other = another_article(kb, article, text, ranking, understood);
    match understood.intent {
        Some(Intent::Fixed) => fixed(session, article, text, understood, now, out),
        // "oh also my bank feed is broken": a second problem beside this one, whose step on
        // screen was not answered; asked, not recorded as failed.
        // ("did ctrl f5, still blank. incognito is blank too": this one still, and a test's
        // result; the walked article near the other in the words is this problem too.)
        // "ctrl f5 didnt help, still white" while the bank feed is walked and the blank page
        // was also named: about that other problem (its words, not this one's), so asked
        // "keep going or switch?", not recorded against the bank step.
        Some(Intent::NotFixed)
            if let Some(other) = super::other_problems::other_problem_named(session, article)
                .and_then(|o| kb.get(&o.id))
                && super::other_problems::about_the_other_named(kb, article, other, text) =>
        {
            different_problem(kb, session, article, other, (text, ranking), now, out)
        }
        // ("my bank feed is not updating, chase error 103" at a payroll step: no "also", but
        // a description of the other's, by its title words and none of this one's, that tells
        // no deed: "already cleared cookies yesterday" at the login loop answers the step.)
        Some(Intent::NotFixed)
            if !plain_words::has_any_word(text, &["still", "same", "again"])
                && let Some(named) = ranking.named()
                && let other = kb.article_at(named.doc)
                && other.id != article.id
                && ((plain_words::has_any_word(text, &["also", "too", "either", "another"])
                    && !also_a_deed(text))
                    || (says_a_title_word_only_of(other, article, text)
                        && !says_a_title_word_of(article, other, text)
                        && !super::fix_named::names_an_action(text)
                        && (understood.words >= 4
                            || super::codes::names_code_of(other, text))))
                && !names_a_thing_only_of(article, other, text)
                && !understand::denies_the_topic(text, &topic_words(other))
                && !ranking.matches.iter().any(|m| {
                    kb.article_at(m.doc).id == article.id
                        && m.score > named.score - ANOTHER_PROBLEM_AHEAD_BY
                }) =>
        {
            different_problem(kb, session, article, other, (text, ranking), now, out)
        }
        // "we dont have an it person" at "Open the file on the server": a negation, but no
        // word of how the test went; noted and asked again (it was "fails there too").
        Some(Intent::NotFixed)
            if super::outcome::pending_test(session, article)
                && !understand::says_it_failed(text) =>
        {
            note_follow_up(session, text);
            open_question(session, article, words::DIDNT_CATCH, now, out);
        }
        Some(Intent::NotFixed) => {
            if !tried_besides(text) {
                note_named_browser(session, text, understood);
            }
            not_fixed(session, article, text, now, out)
        }
        // "status page is green but still cant get in": the check, and the words for staff.
        Some(Intent::Check) => {
            if understand::mentions_trouble(text) {
                note_follow_up(session, text);
            }
            // "the wells fargo website itself is down rn": the bank's site told down, no
            // request to check it; what the article says to do then (its FAQ), on the side.
            // Nothing is recorded (explorer rv49 F12 got "I can't check wells fargo").
            if understand::site_named(text).is_none()
                && super::checks::service_asked_for(kb, text).is_none()
                && understand::outside_service_told_down(text).is_some()
                && let Some(faq) = super::faq::faq_for(article, text)
            {
                faq_on_the_side(session, article, (faq, article), text, now, out);
                return;
            }
            // "can you check if wells fargo is down?": no service the bot can check; the
            // product's "up" would read as the bank being fine (explorer rv48 F15).
            if understand::site_named(text).is_none()
                && super::checks::service_asked_for(kb, text).is_none()
                && let Some(outside) = understand::outside_service_asked(text)
            {
                let lead = super::checks::cannot_check_outside(kb, article, &outside);
                if !understand::mentions_trouble(text) {
                    note_follow_up(session, text);
                }
                open_question(session, article, &lead, now, out);
                return;
            }
            // "can you check https://example.com": that site.
            match understand::site_named(text) {
                Some(site) => out.effects.push(super::Effect::Check {
                    targets: vec![super::checks::target_for_site(kb, site)],
                    lead: false,
                }),
                // "is invoicing down?": the service it names, not the article's.
                None => match super::checks::service_asked_for(kb, text) {
                    Some(name) => act(kb, session, Action::CheckTarget(name), now, out),
                    None => act(kb, session, Action::Check, now, out),
                },
            }
        }
        Some(Intent::Human) => {
            // "didnt work, can i talk to a human": the fix on screen failed, and staff see so.
            // ("useless. human please": no help, the fix on screen included.)
            // ("useless. human please" at a test says nothing of where it works: no result.)
            if understand::not_fixed_beside_human(text)
                || (understand::no_help_beside_human(text)
                    && !super::outcome::pending_test(session, article))
            {
                super::outcome::fail_pending(session, article, now);
            }
            session.leave_pending();
            // "can i talk to a person" adds nothing for staff; "..., payroll is due friday" does.
            let note = (!understood.bare_human_request).then(|| text.to_string());
            out.effects.push(super::Effect::Escalate { note });
        }
        Some(Intent::Browser) if Browser::is_bare_safari(text) => {
            note_named_browser(session, text, understood);
            ask_again(session, article, now, out);
        }
        Some(Intent::Browser)
            if understood.browser.is_none()
                && let Some(denied) = understood.denied_browser =>
        {
            note_follow_up(session, text);
            super::which_browser::not_on_browser(session, article, denied, now, out)
        }
        // "ok switched to edge and works now" at "Switch from Internet Explorer ...": the move
        // is the step, and it works: the browser is set and the fix is taken as working.
        Some(Intent::Browser)
            if let Some(new) = understood.browser
                && moved_as_the_step_says(session, article, new)
                && understand::intent_without_browser(text) == Some(Intent::Fixed) =>
        {
            note_follow_up(session, text);
            session.browser = Some(new);
            session.other_browser = false;
            session.safari_unsure = false;
            let mut works = understood.clone();
            works.intent = Some(Intent::Fixed);
            works.plain = false;
            fixed(session, article, text, &works, now, out)
        }
        // ("oh and Greenway's QBO in chrome is giving 502 Bad Gateway" names another problem,
        // whose browser it is: offered below, the browser of this one unchanged.)
        Some(Intent::Browser)
            if understood.browser.is_some()
                && !other.is_some_and(|o| names_besides_where(kb, o, text)) =>
        {
            act(kb, session, Action::Browser(understood.browser), now, out)
        }
        // "im on android", "Yes android": the device, noted (at handle's start); the fix on
        // screen is shown again when it reads otherwise there, else its question is asked again.
        // (Said short and as news: "it runs fine on my laptop, just not the office pc" tells
        // where it works; "is something wrong with my computer?" asks.)
        // ("my computer clock is wrong" tells a cause, not where the user is.)
        Some(Intent::Browser)
            if crate::device::Device::detect(text).is_some()
                && !understood.question
                && understood.words <= 5
                && !understand::mentions_trouble(text)
                && let Some(device) = session.device =>
        {
            note_follow_up(session, text);
            let lead = words::device_noted(device.label());
            let reads_otherwise = session.device != session.device_before
                && session
                    .current_step()
                    .and_then(|step| article.solutions.get(step.solution))
                    .is_some_and(|solution| {
                        !super::wording::reads_the_same(
                            solution,
                            (session.browser, session.device_before),
                            (session.browser, session.device),
                        )
                    });
            if reads_otherwise {
                out.replies.push(Reply::new(lead).article(&article.id));
                session.withdraw_pending();
                next_solution(session, article, now, out);
            } else {
                open_question(session, article, &lead, now, out);
            }
        }
        // "will clearing cookies delete my quickbooks data??" at "Clear the cache and cookies":
        // a question about the fix on screen, which another article's FAQ may answer (the
        // cookies article, which the question names, first), is answered on the side; it is no
        // other problem.
        // (Or a fix still to come: "will clearing cookies delete my invoices?" while the
        // reload is on screen.)
        Some(Intent::Aside | Intent::Detail | Intent::NewProblem) | None
            if understood.question
                && session.pending_attempt().is_some()
                && article
                    .solutions
                    .iter()
                    .any(|s| says_a_word_of(&s.title, text))
                && let Some((faq, from)) = other
                    .and_then(|o| faq_answering(kb, o, text, query).map(|f| (f, o)))
                    .or_else(|| faq_answering(kb, article, text, query).map(|f| (f, article))) =>
        {
            faq_on_the_side(session, article, (faq, from), text, now, out)
        }
        // "is my data saved? i was in the middle of reconciling" at the 504 article: a question
        // its own FAQ answers by the words ("Was my transaction saved if I got a 504?") is
        // answered, though another article ranks first; no other problem is offered.
        Some(Intent::Aside | Intent::Detail | Intent::NewProblem) | None
            if understood.question
                && other.is_some()
                && !shows_an_error(text)
                && let Some(faq) = super::faq::faq_for(article, text) =>
        {
            faq_on_the_side(session, article, (faq, article), text, now, out)
        }
        // "do i have to clear all my history? i dont want to lose my saved passwords" at the
        // 502 article: asked in the very words of another article's FAQ entry, which answers
        // it on the side; it is no other problem, though that article ranks first.
        Some(Intent::Aside | Intent::Detail | Intent::NewProblem) | None
            if understood.question
                && other.is_some()
                && let Some(faq) = super::faq::faq_of_another_asked_whole(kb, article, text) =>
        {
            faq_on_the_side(session, article, faq, text, now, out)
        }
        // ("how long will it take" asks about this one: answered below, no switch offered.)
        _ if other.is_some()
            && !(understood.question && understood.words <= 8 && !shows_an_error(text)) =>
        {
            if let Some(other) = other {
                different_problem(kb, session, article, other, (text, ranking), now, out)
            }
        }
        // "why does this happen?": the causes, on the side (the question stays open).
        // "is this my fault?", "does a blank page mean my data is gone?": the article's FAQ
        // answers it, on the side, also when it names the problem's own words.
        Some(Intent::Aside | Intent::Detail | Intent::NewProblem) | None
            if understood.question
                && let Some(faq) = faq_answering(kb, article, text, query) =>
        {
            faq_on_the_side(session, article, (faq, article), text, now, out)
        }
        // "the verification code screen keeps repeating": the very words of an entry of the
        // article's FAQ ("The verification code screen keeps repeating. What should I do?"),
        // said as news: its answer, on the side.
        Some(Intent::Detail)
            if let Some(faq) = super::faq::faq_told_word_for_word(article, text) =>
        {
            faq_on_the_side(session, article, (faq, article), text, now, out)
        }
        // "did it. it let me in this time, lets see if it lasts": too soon to tell, with no
        // trouble told; no rush, the question stays (it was noted as a detail).
        Some(Intent::Detail)
            if understand::cannot_tell(text) && !understand::mentions_trouble(text) =>
        {
            session.note_aside(text);
            open_question(session, article, words::NO_RUSH, now, out)
        }
        Some(Intent::NewProblem | Intent::Detail | Intent::Browser) => {
            detail(session, article, text, now, out)
        }
        Some(Intent::Aside) | None if understood.asks_why => {
            session.note_aside(text);
            act(kb, session, Action::MoreInfo, now, out)
        }
        // "yes?", "i think so?", "ok it works now?": a yes said unsure (explorer rv45 F20 got
        // "a person can help with that"): the fix is offered for noting, which asks.
        Some(Intent::Aside) | None
            if understood.question
                && session.current_step().is_some()
                && !super::outcome::pending_test(session, article)
                && understand::unsure_yes(text) =>
        {
            confirm_fix(session, article, out)
        }
        Some(Intent::Aside) => {
            // A question on the side ("how do I export invoices?") is not "noted": it is not
            // answered here, and the user is told so. "brb" and "ok thanks bye" are no news
            // for staff.
            let lead = if understood.question {
                words::NOT_ANSWERED_HERE
            } else if understand::only_a_pause(text) {
                words::TAKE_YOUR_TIME
            } else if understand::only_praise(text) {
                words::PRAISED_WHEN_TRIED
            } else if understand::only_thanks(text) {
                words::THANKS_WHEN_TRIED
            } else if understand::only_a_goodbye(text) {
                words::BYE_FOR_NOW
            } else {
                words::NOTED
            };
            // "should i clear cookies?": whether to try a fix every word of the question
            // names, by where it stands in the walk (nothing else answered it).
            if lead == words::NOT_ANSWERED_HERE
                && session.current_step().is_some()
                && understand::asks_whether_to_try(text)
                && let Some(index) = super::step_asked::fix_asked_whether_to_try(
                    article,
                    session.current_step().map(|s| s.solution),
                    text,
                )
            {
                whether_to_try(session, article, index, text, now, out);
                return;
            }
            // "should i turn off the vpn?" where this article has no such fix: the one fix of
            // another article that every word names, on the side; the question stays.
            if lead == words::NOT_ANSWERED_HERE
                && session.current_step().is_some()
                && understand::asks_whether_to_try(text)
                && let Some((other, index)) =
                    super::step_asked::fix_of_another_article_asked(kb, article, text)
            {
                note_named_browser(session, text, understood);
                session.note_aside(text);
                out.replies.push(
                    Reply::new(words::steps_from_another_article(&other.title)).article(&other.id),
                );
                out.replies
                    .push(super::wording::steps_on_the_side(session, other, index).aside());
                open_question(session, article, "", now, out);
                return;
            }
            // "what if ive already turned off the antivirus?": the deed told, as "i already
            // turned off the antivirus" tells it (that fix is ruled out).
            if lead == words::NOT_ANSWERED_HERE
                && let Some(open) = session.pending_attempt().map(|p| p.solution)
                && super::still_broken::says_already(text)
                && super::fix_named::names_an_action(text)
                && let Some(named) =
                    fix_named(session, article, open, text).filter(|&i| !article.solutions[i].test)
            {
                note_follow_up(session, text);
                rule_out_named(session, article, named, Outcome::NotFixed, now);
                let lead = words::skipping_named(&article.solutions[named].title, true);
                open_question(session, article, &lead, now, out);
                return;
            }
            // "what if i already turned off the firewall?" at the firewall fix: its result.
            if lead == words::NOT_ANSWERED_HERE
                && let Some(open) = session.pending_attempt().map(|p| p.solution)
                && !article.solutions[open].test
                && super::still_broken::says_already(text)
                && super::fix_named::names_an_action(text)
                && super::still_broken::names_the_open_fix(article, open, text)
            {
                super::still_broken::not_fixed(session, article, text, now, out);
                return;
            }
            // "do i have to clear all my history?" at the 502 article: asked in the very words
            // of another article's FAQ entry, which answers it on the side.
            if lead == words::NOT_ANSWERED_HERE
                && let Some(faq) = super::faq::faq_of_another_asked_whole(kb, article, text)
            {
                faq_on_the_side(session, article, faq, text, now, out);
                return;
            }
            if lead == words::NOTED || lead == words::NOT_ANSWERED_HERE {
                session.note_aside(text);
            }
            if lead == words::NOTED && another_fix_done(session, article, text, now, out) {
                return;
            }
            // "the bank site is down too lol": a cause of this problem, told as news.
            if lead == words::NOTED
                && let Some(lead) = fits_a_cause(article, text)
            {
                open_question(session, article, &lead, now, out);
                return;
            }
            open_question(session, article, lead, now, out)
        }
        // A question not understood ("what does that mean") is not "didn't catch that": it is
        // not answered here, and the user is told who can. ("maybe?", "not sure?": a short
        // reply unsure of the fix, no question of the user's; below.)
        None if understood.question
            && !(understood.words <= 3 && understand::cannot_tell(text)) =>
        {
            session.note_aside(text);
            open_question(session, article, words::NOT_ANSWERED_HERE, now, out)
        }
        // "not sure yet": no rush, the question stays.
        None if understood.words <= 8 && understand::cannot_tell(text) => {
            if !says_nothing {
                session.note_aside(text);
            }
            open_question(session, article, words::NO_RUSH, now, out)
        }
        // "it does", "sure does": a yes to "does it work there?" / "did this fix it?" with no
        // yes word in it (a fix is confirmed first, as for any reply not plainly a fix).
        None if understand::yes_or_no(text) == Some(true) => {
            fixed(session, article, text, understood, now, out)
        }
        // "i have the latest release", "subscription is active i checked": what another fix
        // would bring about is so already. That fix is ruled out as not for them (never tried,
        // so no failure on the ticket or in `stats`); the one on screen stays.
        None if let Some(open) = session.pending_attempt().map(|p| p.solution)
            && understand::says_already_in_order(text)
            && let Some(named) =
                fix_named(session, article, open, text).filter(|&i| !article.solutions[i].test) =>
        {
            note_follow_up(session, text);
            rule_out_named(session, article, named, Outcome::NotForThem, now);
            let lead = words::in_order_already(&article.solutions[named].title);
            open_question(session, article, &lead, now, out);
        }
        // "huh", "??": what the choices are, spelled out ("huh" is nothing for staff).
        None => {
            if !says_nothing {
                session.note_aside(text);
            }
            // ("ok i disconnected and reconnected": another fix done, to ask about.)
            if another_fix_done(session, article, text, now, out) {
                return;
            }
            // ("bank is in maintenance": a cause of this problem, told as news.)
            if !understood.question
                && let Some(lead) = fits_a_cause(article, text)
            {
                open_question(session, article, &lead, now, out);
                return;
            }
            // "now its just spinning", "i get a captcha every time then back to login": the
            // trouble in the problem's own words, told as news, is a detail of it (it was
            // "didn't catch that").
            // ("now its just spinning" after the step was done: still broken, in a new form.)
            if !understood.question && tells_the_problems_symptom(article, text) {
                if plain_words::has_any_word(text, &["now"]) {
                    not_fixed(session, article, text, now, out);
                } else {
                    super::still_broken::detail(session, article, text, now, out);
                }
                return;
            }
            open_question(session, article, didnt_catch(text), now, out)
        }
    }
}

/// Whether `text` tells of trouble in a word of `article`'s symptoms or keywords beyond the
/// product's name ("spinning" of "Page keeps spinning ...", "login" of "Sign-in page ...").
fn tells_the_problems_symptom(article: &Article, text: &str) -> bool {
    let own = Terms::of(&format!(
        "{}\n{}",
        article.symptoms.join("\n"),
        article.keywords.join("\n")
    ));
    let shared = super::terms::said_beyond_the_product(text).shared_with(&own);
    let trouble = understand::tells_of_trouble(text) || understand::mentions_trouble(text);
    (trouble && shared > 0) || shared >= 2
}

/// The words for a remark that tells one of `article`'s causes ("the bank site is down too"):
/// noted, with that cause named.
/// ("i havent changed my password though": that cause denied, noted as such for staff.)
fn fits_a_cause(article: &Article, text: &str) -> Option<String> {
    const DENIED_BY: &[&str] = &["havent", "hasnt", "didnt", "never", "not", "no", "isnt"];
    let cause = super::fix_for::cause_named(article, text)?;
    Some(if plain_words::has_any_word(text, DENIED_BY) {
        words::not_that_cause(&cause.name)
    } else {
        words::fits_a_cause(&cause.name, &cause.detail)
    })
}

/// "Add it to my ticket" in words: the action, with whatever else the message says ("please
/// add to ticket: H202") kept to go on the ticket with it.
pub(super) fn add_what_it_says(
    kb: &KnowledgeBase,
    session: &mut Session,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    if !understand::only_asks_to_add(text) {
        session.descriptions.push(text.to_string());
    }
    act(kb, session, Action::AddToTicket, now, out);
}

/// Whether "also" goes with a deed of the user's ("i also restarted my computer, no change",
/// "also cleared the cache, same"): more tried for this problem, not another problem ("also
/// my bank feed stopped updating").
fn also_a_deed(text: &str) -> bool {
    const DEEDS: &[&str] = &[
        "tried", "did", "ran", "reset", "rebooted", "redid", "checked",
    ];
    const SKIPPED: &[&str] = &["i", "ive", "we", "have", "had", "already", "just", "then"];
    let words = plain_words::lowercase_words(text);
    words.iter().enumerate().any(|(i, w)| {
        w == "also"
            && words[i + 1..]
                .iter()
                .find(|w| !SKIPPED.contains(&w.as_str()))
                .is_some_and(|deed| {
                    DEEDS.contains(&deed.as_str()) || (deed.len() > 4 && deed.ends_with("ed"))
                })
    })
}

/// Keeps a follow-up that says something ("nope still blank on payroll") for the ticket; a
/// bare "no" adds nothing to what the user said.
pub(super) fn note_follow_up(session: &mut Session, text: &str) {
    if text.split_whitespace().count() > 2 {
        session.descriptions.push(text.to_string());
    }
}

/// The browser a reply names on the way ("still broken in firefox"), for the fixes to come.
/// Whether a browser named in `text` was tried besides the one the walk is for, not moved to
/// ("also tried on edge, same", "edge too", "happens in firefox as well").
pub(super) fn tried_besides(text: &str) -> bool {
    plain_words::has_any_word(text, &["also", "too", "either", "both"])
        || text.to_lowercase().contains("as well")
}

fn note_named_browser(session: &mut Session, text: &str, understood: &Understood) {
    if Browser::is_bare_safari(text) {
        // Which Safari is asked once; a Safari already known stays.
        if !matches!(
            session.browser,
            Some(Browser::SafariMac | Browser::SafariIos)
        ) {
            note_browser(session, None, true);
        }
    } else if understood.browser.is_some() {
        note_browser(session, understood.browser, false);
    }
}

/// The device or browser a reply names that is not the one the walk is for ("on my ipad" from
/// a Firefox user on a computer), as users read it.
fn another_setup(session: &Session, text: &str, understood: &Understood) -> Option<&'static str> {
    if let Some(device) = crate::device::Device::detect(text)
        && Some(device) != session.device
    {
        return Some(device.label());
    }
    understood
        .browser
        .filter(|b| Some(*b) != session.browser)
        .map(|b| {
            // "on my ipad": the device, as users say it.
            if b == Browser::SafariIos {
                crate::device::Device::AppleTouch.label()
            } else {
                b.label()
            }
        })
}

/// The open question in one line with its choices (after an aside or an unclear reply); the
/// browser question and the end of the fixes are asked again as they were.
pub(super) fn open_question(
    session: &mut Session,
    article: &Article,
    lead: &str,
    now: u64,
    out: &mut Output,
) {
    let (Stage::AwaitingFeedback { .. }, Some(step)) = (&session.stage, session.current_step())
    else {
        // Nothing shown to answer while walking: the outage lead held the first fix back
        // ("ok thx" after "Notify me"). An aside does not start the fixes; "Help me anyway"
        // does.
        if session.fixes_held_back() {
            let lead = if lead.is_empty() { words::NOTED } else { lead };
            out.replies.push(
                Reply::new(format!("{lead} {}", words::FIXES_WHEN_YOU_WANT))
                    .article(&article.id)
                    .choice(Action::Continue, words::HELP_ME_ANYWAY, Style::Secondary)
                    .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary),
            );
            return;
        }
        if !lead.is_empty() {
            out.replies.push(Reply::new(lead).article(&article.id));
        }
        ask_again(session, article, now, out);
        return;
    };
    let title = session
        .attempts
        .last()
        .map_or(article.title.clone(), |a| a.title.clone());
    let question = if super::outcome::pending_test(session, article) {
        words::does_it_work_with(&title)
    } else {
        words::did_it_fix_it(&title)
    };
    let text = if lead.is_empty() {
        question
    } else {
        format!("{lead} {question}")
    };
    out.replies
        .push(super::walk::with_answers(Reply::new(text), article, step));
}

/// Whether `text` says a word of `title` beyond the filler of titles ("vpn" of "Try without
/// the VPN and on another network"), short words included.
fn says_a_word_of(title: &str, text: &str) -> bool {
    const FILLER: &[&str] = &[
        "the", "and", "for", "try", "with", "your", "from", "that", "this",
    ];
    let words = |t: &str| -> HashSet<String> {
        plain_words::lowercase_words(t)
            .into_iter()
            .filter(|w| w.chars().count() >= 3 && !FILLER.contains(&w.as_str()))
            .collect()
    };
    !words(title).is_disjoint(&words(text))
}

/// "Sorry, I didn't catch that", saying why when the reply is in another language.
pub(super) fn didnt_catch(text: &str) -> &'static str {
    if understand::language::other_language(text).is_some()
        || understand::lost_in_another_language(text)
    {
        words::DIDNT_CATCH_ENGLISH_ONLY
    } else {
        words::DIDNT_CATCH
    }
}

/// Whether the step on screen is itself about billing ("Verify the payroll subscription ...
/// make sure the billing details are current"): then "i updated the billing info" is about the
/// step, not a billing question.
fn step_speaks_of_billing(session: &Session, article: &Article) -> bool {
    session
        .current_step()
        .and_then(|step| article.solutions.get(step.solution))
        .is_some_and(|solution| {
            let said = format!(
                "{} {} {}",
                solution.title,
                solution.general,
                solution
                    .variants
                    .iter()
                    .map(|v| v.steps.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            )
            .to_lowercase();
            ["billing", "subscription", "payment"]
                .iter()
                .any(|w| said.contains(w))
        })
}
