//! Whole conversations through the engine (`conversation::handle`), on small inline articles
//! where the flow must be exact and on the shipped knowledge base where it must be realistic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::path::Path;
use supportbot::browser::Browser;
use supportbot::console::ConsoleSpelling;
use supportbot::conversation::{Effect, Event, Output, handle};
use supportbot::knowledge::load::{from_sources, load_dir};
use supportbot::knowledge::{KnowledgeBase, Target};
use supportbot::reply::{Action, Hint, Reply, SpellHint};
use supportbot::session::{Outcome, Session, Stage, Step, UserRef};
use supportbot::store::Store;

mod support;
use support::paths::shipped_knowledge;

/// Five solutions exercising every way a solution can meet a browser:
/// 1 general only; 2 Chrome and Firefox only; 3 Safari (Mac) only; 4 general steps plus Chrome;
/// 5 general only.
const SYNC: &str = r#"+++
id = "sync-error"
title = "Ledger sync error E42"
codes = ["E42", "Sync error E42"]
symptoms = ["Ledger does not sync", "Sync stops with error E42"]
keywords = ["sync", "ledger"]
+++
The ledger could not sync with the server (error E42).

## Causes
- Stale session: the sign-in expired during the sync.

## Solution: Restart the app
1. Close every ledger tab.
2. Open the ledger again.

## Solution: Clear the site data
### Chrome
1. Chrome: open Settings > Privacy.
2. Chrome: delete site data.
### Firefox
1. Firefox: open Settings > Privacy.
2. Firefox: clear cookies and site data.

## Solution: Allow pop-ups
### Safari (Mac)
1. Safari: open Settings > Websites > Pop-up Windows.

## Solution: Reset the connection
Sign out of every device first.

1. Open Settings > Connections.
2. Click Reset.
### Chrome
1. Chrome: open chrome://net-internals and flush sockets.

## Solution: Reinstall the connector
1. Uninstall the connector.
2. Install it again.

## Prevention
- Sign in again once a day.

## FAQ
### Is data lost?
No, syncing resumes where it stopped.
"#;

/// A second article so the base is not trivially small.
const PRINTER: &str = r#"+++
id = "printer-offline"
title = "Printer shows as offline"
symptoms = ["The printer is listed as offline", "Print jobs stay in the queue"]
+++
The computer cannot reach the printer.

## Solution: Restart the printer
1. Turn the printer off and on.
"#;

fn inline_kb() -> KnowledgeBase {
    from_sources([
        ("articles/sync-error.md", "sync-error", SYNC.as_bytes()),
        (
            "articles/printer-offline.md",
            "printer-offline",
            PRINTER.as_bytes(),
        ),
    ])
    .expect("inline articles are valid")
}

fn shipped_kb() -> KnowledgeBase {
    load_dir(&shipped_knowledge()).expect("shipped base")
}

fn user() -> UserRef {
    UserRef {
        id: "test:ann".into(),
        name: "Ann".into(),
        channel: "console".into(),
    }
}

/// One user talking to the engine; time advances a second per event.
struct Chat<'a> {
    kb: &'a KnowledgeBase,
    session: Session,
    now: u64,
}

impl<'a> Chat<'a> {
    /// Whether any step of this conversation was recorded with `outcome`.
    fn recorded(&self, outcome: Outcome) -> bool {
        self.session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(outcome))
    }

    fn new(kb: &'a KnowledgeBase) -> Self {
        Chat {
            kb,
            session: Session::new(user(), 1_000),
            now: 1_000,
        }
    }

    fn event(&mut self, e: Event) -> Output {
        self.now += 1;
        handle(self.kb, &mut self.session, e, self.now)
    }

    fn say(&mut self, text: &str) -> Output {
        self.event(Event::Describe {
            text: text.into(),
            browser: None,
            query: None,
        })
    }

    fn act(&mut self, a: Action) -> Output {
        self.event(Event::Act(a))
    }

    /// "Fixed it" for the step open now (as pressing its newest button).
    fn fixed(&mut self) -> Output {
        let step = self.session.current_step().expect("a step is open");
        self.act(Action::Fixed(step))
    }

    /// "Still broken" for the step open now.
    fn not_fixed(&mut self) -> Output {
        let step = self.session.current_step().expect("a step is open");
        self.act(Action::NotFixed(step))
    }
}

fn all_text(out: &Output) -> String {
    out.replies
        .iter()
        .map(|r| format!("{} | {}", r.title.as_deref().unwrap_or(""), r.text))
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// The reply whose choices the user answers (the last one with choices).
fn question(out: &Output) -> &Reply {
    out.replies
        .iter()
        .rev()
        .find(|r| !r.choices.is_empty())
        .unwrap_or_else(|| panic!("no question in:\n{}", all_text(out)))
}

fn actions(out: &Output) -> Vec<Action> {
    question(out)
        .choices
        .iter()
        .map(|c| c.action.clone())
        .collect()
}

/// Every reply's text with its hint as an adapter spells it.
fn all_spelled(out: &Output, speller: &dyn SpellHint) -> String {
    out.replies
        .iter()
        .map(|r| r.text_with_hint(speller))
        .collect::<Vec<_>>()
        .join("\n---\n")
}

fn has(out: &Output, needle: &str) -> bool {
    all_text(out).contains(needle)
}

/// The open step is `title`, a test ("does it work there?"), numbered `n` of `of`.
#[track_caller]
fn assert_test_step(out: &Output, n: usize, of: usize, title: &str) {
    let q = question(out);
    assert_eq!(
        q.title.as_deref(),
        Some(format!("Solution {n} of {of} (a test): {title}").as_str()),
        "{}",
        all_text(out)
    );
    assert!(q.text.ends_with("Does it work there?"), "{}", q.text);
    let labels: Vec<&str> = q.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels[..2],
        ["It works there", "Fails there too"],
        "{labels:?}"
    );
}

#[track_caller]
/// Every step of the conversation is still unanswered but `answered` (asides, how-tos and
/// device moves answer nothing).
fn assert_only_answered(chat: &Chat, answered: &str) {
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome.is_none() || a.title == answered),
        "{:?}",
        chat.session.attempts
    );
}

/// The output says `text` somewhere (shown in full when it does not).
#[track_caller]
fn assert_says(out: &Output, text: &str) {
    assert!(has(out, text), "{}", all_text(out));
}

fn assert_solution(out: &Output, n: usize, of: usize, title: &str) {
    let q = question(out);
    assert_eq!(
        q.title.as_deref(),
        Some(format!("Solution {n} of {of}: {title}").as_str()),
        "{}",
        all_text(out)
    );
    assert!(q.text.ends_with("Did this fix it?"), "{}", q.text);
    let acts = actions(out);
    let step = acts.iter().find_map(|a| match a {
        Action::Fixed(s) => Some(*s),
        _ => None,
    });
    assert!(
        step.is_some() && acts.contains(&Action::NotFixed(step.unwrap())),
        "{acts:?}"
    );
    assert!(
        acts.contains(&Action::Escalate),
        "a human is always on offer"
    );
}

#[test]
fn walks_one_solution_at_a_time_then_offers_a_human() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);

    // Describe -> the article's summary first, then the first solution (it needs no browser).
    let out = chat.say("the ledger wont sync, it says E42");
    assert_eq!(
        out.replies[0].title.as_deref(),
        Some("Ledger sync error E42")
    );
    assert!(
        out.replies[0]
            .text
            .contains("could not sync with the server")
    );
    assert_eq!(out.replies[0].article.as_deref(), Some("sync-error"));
    assert!(
        out.replies[0].fields.iter().any(|f| f.name == "Match"),
        "the match confidence is shown"
    );
    assert_solution(&out, 1, 5, "Restart the app");
    assert!(question(&out).text.contains("Close every ledger tab."));
    assert!(matches!(chat.session.stage, Stage::AwaitingFeedback { .. }));
    assert_eq!(chat.session.article(), Some("sync-error"));

    // Still broken -> solution 2 has per-browser steps and the browser is unknown: ask, offering
    // only the article's browsers plus "other" (and, as always, a human).
    let out = chat.not_fixed();
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    assert!(has(&out, "Clear the site data"), "{}", all_text(&out));
    assert_eq!(
        actions(&out),
        vec![
            Action::Browser(Some(Browser::Chrome)),
            Action::Browser(Some(Browser::Firefox)),
            Action::Browser(Some(Browser::SafariMac)),
            Action::Browser(None),
            Action::Escalate,
        ]
    );
    let labels: Vec<&str> = question(&out)
        .choices
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Chrome",
            "Firefox",
            "Safari (Mac)",
            "Other",
            "Talk to a human"
        ]
    );

    // Chrome -> only the Chrome steps.
    let out = chat.act(Action::Browser(Some(Browser::Chrome)));
    assert_solution(&out, 2, 5, "Clear the site data");
    assert!(
        !has(&out, "Switched to") && !has(&out, "already on"),
        "an answer to 'Which browser?' is not a change: {}",
        all_text(&out)
    );
    let text = &question(&out).text;
    assert!(text.contains("Chrome: delete site data"), "{text}");
    assert!(!text.contains("Firefox:"), "{text}");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));

    // Solution 3 is for Safari only: skipped with a note, and solution 4 follows at once with
    // its general steps and the Chrome steps.
    let out = chat.not_fixed();
    assert!(
        has(&out, "Skipped solution 3 (**Allow pop-ups**)"),
        "{}",
        all_text(&out)
    );
    assert!(
        has(&out, "Safari (Mac) only, not Chrome"),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 4, 5, "Reset the connection");
    let text = &question(&out).text;
    assert!(text.contains("Sign out of every device first."), "{text}");
    assert!(text.contains("Click Reset."), "{text}");
    assert!(text.contains("chrome://net-internals"), "{text}");

    let out = chat.not_fixed();
    assert_solution(&out, 5, 5, "Reinstall the connector");

    // Out of solutions -> a human is offered first.
    let last = chat.session.current_step().expect("solution 5 is open");
    let out = chat.not_fixed();
    assert!(matches!(chat.session.stage, Stage::OutOfSolutions { .. }));
    let q = question(&out);
    assert_eq!(q.title.as_deref(), Some("Out of fixes"));
    assert_eq!(q.choices[0].action, Action::Escalate);
    assert!(actions(&out).contains(&Action::Restart));
    // Saying "still broken" again repeats the offer instead of failing, in one line: the
    // article's advice is not printed again.
    let again = chat.act(Action::NotFixed(last));
    assert_eq!(question(&again).title.as_deref(), Some("Out of fixes"));
    let again = chat.say("no");
    let q = question(&again);
    assert_eq!(q.title.as_deref(), Some("Out of fixes"));
    assert!(q.text.starts_with("I have no more fixes for"), "{}", q.text);
    assert!(!q.text.contains("That was the last fix"), "{}", q.text);
    assert_eq!(q.choices[0].action, Action::Escalate);

    // The record of what was tried is complete and in order.
    let record: Vec<(usize, Option<Outcome>)> = chat
        .session
        .attempts
        .iter()
        .map(|a| (a.solution, a.outcome))
        .collect();
    assert_eq!(
        record,
        [
            (0, Some(Outcome::NotFixed)),
            (1, Some(Outcome::NotFixed)),
            (2, Some(Outcome::Skipped)),
            (3, Some(Outcome::NotFixed)),
            (4, Some(Outcome::NotFixed)),
        ]
    );

    // Asking for a human hands over to the service.
    let out = chat.act(Action::Escalate);
    assert_eq!(out.effects, vec![Effect::Escalate { note: None }]);
}

#[test]
fn fixed_ends_the_walk_with_prevention_and_more_info() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("error E42 when syncing the ledger");
    let out = chat.fixed();
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
    let q = question(&out);
    assert!(
        q.text.contains("**Restart the app** fixed it"),
        "{}",
        q.text
    );
    assert!(q.text.contains("Sign in again once a day."), "{}", q.text);
    assert!(actions(&out).contains(&Action::MoreInfo));
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::Fixed));

    let out = chat.act(Action::MoreInfo);
    assert!(has(&out, "Stale session"), "{}", all_text(&out));
    assert!(
        out.replies[0]
            .fields
            .iter()
            .any(|f| f.name == "Is data lost?")
    );
}

#[test]
fn solution_without_a_variant_for_the_browser_shows_general_steps_or_is_skipped() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    // The browser comes with the description: no browser question.
    let out = chat.event(Event::Describe {
        text: "sync error E42".into(),
        browser: Some(Browser::Edge),
        query: None,
    });
    assert_solution(&out, 1, 5, "Restart the app");
    // Edge: solutions 2 and 3 have no Edge steps and no general steps -> both skipped, noted;
    // solution 4 has general steps -> shown with a note saying they are not Edge-specific.
    let out = chat.not_fixed();
    let notes = all_text(&out);
    assert!(notes.contains("Skipped solution 2"), "{notes}");
    assert!(notes.contains("Skipped solution 3"), "{notes}");
    assert!(notes.contains("not Microsoft Edge"), "{notes}");
    assert_solution(&out, 4, 5, "Reset the connection");
    let text = &question(&out).text;
    assert!(
        text.contains("no steps written for Microsoft Edge (only Chrome)"),
        "{text}"
    );
    assert!(text.contains("Click Reset."), "{text}");
    assert!(!text.contains("chrome://"), "{text}");

    // "Other" at the browser question behaves the same way.
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    let out = chat.not_fixed();
    assert!(
        matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
        "{}",
        all_text(&out)
    );
    let out = chat.act(Action::Browser(None));
    assert!(has(&out, "Skipped solution 2"), "{}", all_text(&out));
    assert!(
        has(&out, "Name your browser any time to get them"),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 4, 5, "Reset the connection");
    assert!(
        question(&out)
            .text
            .contains("no steps written for your browser")
    );
}

/// "how do i do that on my iphone" at a fix with steps for desktop browsers only says so; it
/// listed every desktop browser's steps (found by a helper playing an admin).
#[test]
fn a_how_to_for_a_device_the_fix_has_no_steps_for_says_so() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42 in chrome");
    chat.not_fixed();
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(1),
        "Clear the site data is open"
    );
    let out = chat.say("how do i do that on my iphone");
    assert!(
        has(
            &out,
            "has steps for Chrome, Firefox only, none for Safari (iPhone and iPad)"
        ),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Chrome: open Settings"), "{}", all_text(&out));
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(1),
        "the fix stays the question"
    );
}

#[test]
fn changing_browser_reshows_the_current_solution() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42 in chrome");
    let out = chat.not_fixed();
    assert_solution(&out, 2, 5, "Clear the site data");
    let out = chat.act(Action::Browser(Some(Browser::Firefox)));
    assert_solution(&out, 2, 5, "Clear the site data");
    let text = &question(&out).text;
    assert!(text.contains("Firefox: clear cookies"), "{text}");
    assert!(!text.contains("Chrome:"), "{text}");
    assert!(
        has(&out, "Switched to Firefox. Here is the same fix again"),
        "{}",
        all_text(&out)
    );
    // The Chrome showing was replaced, not left as an open attempt.
    assert_eq!(
        chat.session
            .attempts
            .iter()
            .filter(|a| a.solution == 1)
            .count(),
        1
    );
    let out = chat.act(Action::Browser(Some(Browser::Firefox)));
    assert!(
        has(
            &out,
            "You're already set to Firefox here. This is the fix we're on."
        ),
        "{}",
        all_text(&out)
    );
    // Safari has no steps for this fix: it is skipped, so "the same fix again" would be untrue.
    let out = chat.act(Action::Browser(Some(Browser::SafariMac)));
    assert!(has(&out, "Switched to Safari (Mac)."), "{}", all_text(&out));
    assert!(!has(&out, "same fix again"), "{}", all_text(&out));
    assert!(has(&out, "Skipped solution 2"), "{}", all_text(&out));
    chat.act(Action::Browser(None));
    let out = chat.act(Action::Browser(None));
    assert!(
        has(&out, "You're already set to another browser here."),
        "{}",
        all_text(&out)
    );
}

#[test]
fn shipped_502_on_chrome_walks_the_guide_in_order() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out =
        chat.say("quickbooks keeps giving me a bad gateway when I open payroll, I'm on chrome");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert_eq!(
        out.replies[0].title.as_deref(),
        Some("QuickBooks Error 502: Bad Gateway")
    );
    // Solution 1 (Active Scripting) is Internet Explorer only: skipped for Chrome.
    assert!(has(&out, "Skipped solution 1"), "{}", all_text(&out));
    let mut shown = vec![question(&out).title.clone().unwrap()];
    loop {
        let out = chat.not_fixed();
        let q = question(&out);
        if matches!(chat.session.stage, Stage::OutOfSolutions { .. }) {
            assert_eq!(q.choices[0].action, Action::Escalate);
            break;
        }
        assert!(!q.text.contains("Internet Explorer"), "{}", q.text);
        shown.push(q.title.clone().unwrap());
        assert!(shown.len() < 10, "never ran out: {shown:?}");
    }
    assert_eq!(
        shown,
        [
            "Solution 2 of 6: Manually update bank transactions",
            "Solution 3 of 6: Temporarily turn off the firewall",
            "Solution 4 of 6: Remove browser cache",
            "Solution 5 of 6: Add Intuit as a trusted site",
            "Solution 6 of 6: Clear the QuickBooks app cache",
        ]
    );
}

#[test]
fn a_device_said_after_a_bare_safari_picks_that_safari_and_says_so() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is not updating in safari");
    assert_eq!(chat.session.browser, None, "a bare safari is not assumed");
    let out = chat.say("mac");
    assert_eq!(chat.session.browser, Some(Browser::SafariMac));
    assert!(has(&out, "Safari (Mac): noted"), "{}", all_text(&out));
    assert!(
        chat.session.descriptions.len() == 1,
        "'mac' is not a detail for staff: {:?}",
        chat.session.descriptions
    );
    let out = chat.say("sorry, on my ipad actually");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    assert!(
        has(&out, "Switched to Safari (iPhone and iPad)"),
        "{}",
        all_text(&out)
    );
    // The fix on screen said "Click" for the Mac: shown again, worded for touch.
    assert!(
        has(&out, "Here is the same fix again"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "Tap \"Update\""), "{}", all_text(&out));

    // A device said with an answer: the answer is acted on, the device noted.
    // ("fixed it on my iphone" says more than that it works: confirmed before it is recorded.)
    for (reply, outcome) in [
        ("still broken on my mac", Some(Outcome::NotFixed)),
        ("no, mac", Some(Outcome::NotFixed)),
        ("fixed it on my iphone", None),
    ] {
        let mut chat = Chat::new(&kb);
        // (The bank feed's first fix reads the same on a Mac and an iPhone: shown at once.)
        chat.say("my bank feed is not updating in safari");
        let step = chat.session.current_step().expect("a fix is open");
        let out = chat.say(reply);
        let answered = chat
            .session
            .attempts
            .iter()
            .find(|a| a.solution == step.solution);
        assert_eq!(
            answered.and_then(|a| a.outcome),
            outcome,
            "{reply}: {:?}",
            chat.session.attempts
        );
        if outcome.is_none() {
            assert!(
                has(&out, "as what fixed it?"),
                "{reply}: {}",
                all_text(&out)
            );
        }
        assert!(
            matches!(
                chat.session.browser,
                Some(Browser::SafariMac | Browser::SafariIos)
            ),
            "{reply}: the device is noted"
        );
    }
}

#[test]
fn browser_detected_from_on_my_iphone() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("getting 502 bad gateway on my iphone");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    assert!(
        matches!(chat.session.stage, Stage::AwaitingFeedback { .. }),
        "no browser question"
    );
    assert!(
        out.replies
            .iter()
            .all(|r| r.title.as_deref() != Some("Which browser?")),
        "{}",
        all_text(&out)
    );
    // Walk to the cache solution: its steps are the iPhone ones.
    let mut seen_ios_steps = false;
    for _ in 0..6 {
        let out = chat.not_fixed();
        if !matches!(chat.session.stage, Stage::AwaitingFeedback { .. }) {
            break;
        }
        let q = question(&out);
        if q.title
            .as_deref()
            .is_some_and(|t| t.contains("Remove browser cache"))
        {
            assert!(q.text.contains("Settings"), "{}", q.text);
            assert!(!q.text.to_lowercase().contains("chrome"), "{}", q.text);
            seen_ios_steps = true;
        }
    }
    assert!(seen_ios_steps);
}

#[test]
fn unknown_browser_asks_with_the_articles_browsers() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("I get HTTP Error 502 Bad Gateway in QuickBooks Online");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    let q = question(&out);
    assert_eq!(q.title.as_deref(), Some("Which browser?"));
    let article = kb.get("quickbooks-error-502").unwrap();
    let mut expected: Vec<Action> = article
        .browsers()
        .into_iter()
        .map(|b| Action::Browser(Some(b)))
        .collect();
    expected.push(Action::Browser(None));
    expected.push(Action::Escalate);
    // The article's check, as under a fix.
    expected.push(Action::Check);
    assert_eq!(actions(&out), expected);
    let out = chat.act(Action::Browser(Some(Browser::Ie)));
    assert_solution(&out, 1, 6, "Allow Active Scripting in Internet Explorer");
}

#[test]
fn low_confidence_offers_two_or_three_choices_plus_none_of_these() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("gateway");
    let stage = chat.session.stage.clone();
    let Stage::ChoosingArticle { candidates } = stage else {
        panic!(
            "expected a choice of articles, got {stage:?}\n{}",
            all_text(&out)
        );
    };
    assert!((2..=3).contains(&candidates.len()), "{candidates:?}");
    assert!(candidates.contains(&"quickbooks-error-502".to_string()));
    assert!(candidates.contains(&"gateway-timeout-504".to_string()));
    let acts = actions(&out);
    let articles: Vec<&Action> = acts
        .iter()
        .filter(|a| matches!(a, Action::Article(_)))
        .collect();
    assert_eq!(articles.len(), candidates.len());
    assert!(acts.contains(&Action::NoneOfThese));
    assert!(acts.contains(&Action::Escalate));
    assert!(chat.session.article().is_none(), "nothing is open yet");

    // Picking one opens it.
    let out = chat.act(Action::Article("gateway-timeout-504".into()));
    assert_eq!(chat.session.article(), Some("gateway-timeout-504"));
    assert_eq!(
        out.replies[0].title.as_deref(),
        Some("HTTP Error 504: Gateway Timeout")
    );

    // "None of these" drops it and offers a human.
    let mut chat = Chat::new(&kb);
    chat.say("gateway");
    let out = chat.act(Action::NoneOfThese);
    assert_eq!(chat.session.stage, Stage::Idle);
    assert_eq!(actions(&out)[0], Action::Escalate);
}

/// "yes, in chrome" at "Is this it?" picks the one article and notes the browser (the offer
/// was asked again); a yes with a denial after it does not pick. Found by an exploratory
/// helper.
#[test]
fn a_yes_with_more_said_at_is_this_it_picks_the_article() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("slow");
    let out = chat.say("yes, in chrome");
    assert_eq!(
        chat.session.article(),
        Some("slow-performance"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    let mut chat = Chat::new(&kb);
    chat.say("slow");
    chat.say("yep but only on my laptop");
    assert_eq!(chat.session.article(), Some("slow-performance"));
    let mut chat = Chat::new(&kb);
    chat.say("slow");
    chat.say("yes but no its not that");
    assert_ne!(chat.session.article(), Some("slow-performance"));
}

/// A break-in is handed to a person at once (it was offered the login-loop article's cookie
/// steps); a billing question is offered a person (it got the payroll article, whose text says
/// "subscription"). A problem that mentions billing words beside trouble is matched as usual.
/// Found by an exploratory helper.
#[test]
fn a_break_in_goes_to_a_person_and_billing_is_offered_one() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("I think my account got hacked, someone changed my password");
    assert!(
        has(&out, "someone may have got into your account"),
        "{}",
        all_text(&out)
    );
    assert!(
        matches!(out.effects[..], [Effect::Escalate { .. }]),
        "{:?}",
        out.effects
    );
    assert_eq!(chat.session.article(), None);
    // Mid-walk too, and beside a negation elsewhere in the message; the words go on the ticket.
    for (first, then) in [
        (
            "quickbooks page is blank in chrome",
            "also i think someone hacked my account, there are invoices i didnt make",
        ),
        (
            "bank feed not updating",
            "someone changed my bank details and i didnt do it, i think my account got hacked",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        assert!(chat.session.article().is_some(), "{first}");
        let out = chat.say(then);
        assert!(
            has(&out, "someone may have got into your account"),
            "{then}: {}",
            all_text(&out)
        );
        assert!(
            matches!(&out.effects[..], [Effect::Escalate { note: Some(n) }] if n == then),
            "{then}: {:?}",
            out.effects
        );
        assert!(!chat.recorded(Outcome::NotFixed), "{then}");
    }

    for billing in [
        "why is my subscription charge higher this month?",
        "i was charged twice",
        "cancel my subscription",
        "how much does payroll cost",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(billing);
        assert!(
            has(&out, "Billing and subscription"),
            "{billing}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.article(), None, "{billing}");
        let out = chat.say("yes please");
        assert!(
            matches!(out.effects[..], [Effect::Escalate { .. }]),
            "{billing}: {}",
            all_text(&out)
        );
    }
    for trouble in [
        "payroll subscription error PS077",
        "bank feed shows duplicate charges",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(trouble);
        assert!(
            !has(&out, "Billing and subscription"),
            "{trouble}: {}",
            all_text(&out)
        );
        assert!(
            chat.session.article().is_some(),
            "{trouble}: {}",
            all_text(&out)
        );
    }
}

/// "check https://example.com/" checks that site (it checked the configured QuickBooks target
/// instead), before a walk and during one; the configured target's own address is that target.
/// Found by an exploratory helper.
#[test]
fn a_site_named_in_words_is_the_one_checked() {
    let kb = shipped_kb();
    let checked = |out: &Output| -> Vec<String> {
        out.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Check { targets, .. } => Some(targets.clone()),
                _ => None,
            })
            .flatten()
            .collect()
    };
    let mut chat = Chat::new(&kb);
    let out = chat.say("check https://example.com/");
    assert_eq!(checked(&out), vec!["https://example.com/".to_string()]);
    let out = chat.say("can you check https://qbo.intuit.com");
    assert_eq!(checked(&out), vec!["quickbooks-online".to_string()]);
    // Another page of the target's host is checked as typed (it got the sign-in page's verdict).
    let out = chat.say("can you check https://qbo.intuit.com/app/payroll");
    assert_eq!(
        checked(&out),
        vec!["https://qbo.intuit.com/app/payroll".to_string()]
    );
    let out = chat.say("check http://QBO.intuit.com/");
    assert_eq!(checked(&out), vec!["quickbooks-online".to_string()]);

    let mut chat = Chat::new(&kb);
    chat.say("502 error in chrome");
    let out = chat.say("can you check https://example.com/ for me");
    assert_eq!(checked(&out), vec!["https://example.com/".to_string()]);
}

/// "it does" answers "Does it work there?" at a test (it was "didn't catch that"), and at a fix
/// is confirmed before it is recorded. Found by an exploratory helper.
#[test]
fn it_does_answers_a_yes_no_question_about_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("blank page in chrome after login");
    chat.say("didnt work");
    let out = chat.say("it does");
    assert!(has(&out, "it works in the test"), "{}", all_text(&out));
    assert!(
        chat.recorded(Outcome::WorksThere),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("blank page in chrome after login");
    let out = chat.say("it does");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed));
}

/// "nevermind", "forget it", "stop" during a walk call it off, recording nothing for the step
/// on screen (each was "didn't catch that"); "nvm it works now" still says it works. Found by
/// an exploratory helper.
#[test]
fn calling_the_walk_off_stops_it() {
    let kb = shipped_kb();
    for off in ["nevermind", "forget it", "stop", "ok just forget it"] {
        let mut chat = Chat::new(&kb);
        chat.say("blank page in chrome");
        let out = chat.say(off);
        assert!(has(&out, "I'll stop here"), "{off}: {}", all_text(&out));
        assert!(!chat.session.stage.is_walking(), "{off}");
        assert!(
            !chat.recorded(Outcome::Fixed) && !chat.recorded(Outcome::NotFixed),
            "{off}"
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("blank page in chrome");
    let out = chat.say("nvm it works now");
    assert!(!has(&out, "I'll stop here"), "{}", all_text(&out));
}

/// "the update button worked but no new transactions" at "Update the bank feed manually" says
/// the step did not fix it (it was read as a new problem and "noted for the support team"),
/// and its own words point to no other fix (they pointed to "Update the bank sign-in
/// details"). Found by an exploratory helper.
#[test]
fn a_step_that_ran_without_its_result_failed() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(0),
        "Update the bank feed manually first"
    );
    let out = chat.say("the update button worked but no new transactions");
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    assert!(
        has(&out, "Check the bank's own website"),
        "the next fix in order: {}",
        all_text(&out)
    );
}

/// A cause told in the user's words ("my computer clock is wrong") points to the fix for it.
#[test]
fn a_cause_told_mid_walk_goes_to_its_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps sending me back to the sign in page in chrome");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(0));
    let out = chat.say("my computer clock is wrong, it says 2019");
    assert!(
        question(&out)
            .title
            .as_deref()
            .is_some_and(|t| t.contains("Check the date, time")),
        "{}",
        all_text(&out)
    );
}

/// "will i lose data if i do this" at a step is answered by the entry that asks it of that
/// step, the step still open (it was "I didn't catch that", or with the sentence model an
/// offer to switch to the outage article). Found by an exploratory helper.
#[test]
fn a_question_whether_the_step_can_do_harm_is_answered_by_its_faq() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks desktop wont open company file H202");
    while chat.session.current_step().is_some_and(|s| {
        kb.get("company-file-not-opening").unwrap().solutions[s.solution].title
            != "Rename the .ND and .TLG files"
    }) {
        chat.not_fixed();
    }
    let step = chat.session.current_step();
    let out = chat.say("will i lose data if i do this");
    assert!(
        has(&out, "Is it safe to rename the .ND and .TLG files?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step(), step);
    assert_eq!(chat.session.article(), Some("company-file-not-opening"));

    // After a fix, with no walk open, the entry of any article that asks it, and no walk (it
    // opened the cache article as a new problem).
    let mut chat = Chat::new(&kb);
    chat.say("Oakridge Vet's QBO just shows 500 internal server error in chrome");
    chat.say("fixed it");
    let out = chat.say("will clearing the cache lose any of the client's data?");
    assert!(
        has(&out, "Will clearing the cache delete my QuickBooks data?"),
        "{}",
        all_text(&out)
    );
    assert!(out.replies.iter().all(|r| r.aside), "{out:?}");
    assert_eq!(chat.session.article(), Some("internal-server-error-500"));

    // Two entries as near the step on screen: the one naming the user's error code (the H202
    // entry answered a -6000 user that the file is "usually fine").
    for (first, entry) in [
        (
            "QuickBooks desktop error -6000, -82 when opening company file",
            "Does a 6000-series error mean my company file is damaged?",
        ),
        (
            "H202 when opening company file from workstation",
            "Does an H202 error mean my company file is damaged?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        let out = chat.say("does this mean the company file is damaged?");
        assert!(has(&out, entry), "{first}: {}", all_text(&out));
    }

    // At a test the same: "Turn off security software for a moment" has its entry.
    let mut chat = Chat::new(&kb);
    chat.say("my antivirus is blocking quickbooks");
    chat.not_fixed();
    let out = chat.say("wait is it safe to turn it off?");
    assert!(
        has(&out, "Is it safe to turn off my firewall to test?"),
        "{}",
        all_text(&out)
    );
}

/// Working on a phone on mobile data but not at the office points to the office network (it
/// offered the outage article, which working elsewhere rules out). Found by an exploratory
/// helper.
#[test]
fn working_on_mobile_data_but_not_at_the_office_is_the_network() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load at the office");
    chat.say("none of these");
    let out = chat.say("works on my phone on mobile data");
    assert_eq!(
        chat.session.article(),
        Some("firewall-antivirus-proxy"),
        "{}",
        all_text(&out)
    );
}

/// "yes add it" at a test with no ticket open says there is none (it was recorded as the
/// test's "works there", skipping fixes). Found by an exploratory helper.
#[test]
fn yes_add_it_with_no_ticket_is_no_answer_to_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps showing a blank page in chrome");
    chat.say("still blank");
    let open = chat.session.current_step();
    let out = chat.say("yes add it");
    assert!(has(&out, "no open ticket"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::WorksThere));
    assert_eq!(chat.session.current_step(), open, "the same question stays");
}

/// "my clock was set wrong, fixed that" at the private-window test: the fix for that cause is
/// the one asked about (it was recorded as the test's "works there").
#[test]
fn a_cause_fixed_at_a_test_is_asked_about_as_its_fix() {
    let kb = shipped_kb();
    for said in [
        "my clock was set wrong, fixed that",
        "ok my clock was wrong by an hour, fixed that and its ok now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("keeps logging me out of quickbooks every few minutes, chrome");
        chat.say("still broken");
        assert!(chat.session.current_step().is_some());
        let out = chat.say(said);
        assert!(
            has(
                &out,
                "Shall I note **Check the date, time and other sign-ins**"
            ),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!chat.recorded(Outcome::WorksThere), "{said}");
    }
}

/// "is it down for everyone?" at "Is it one of these?" with the outage article listed: the
/// live check, with the list kept (its words had picked "... Is Down for Everyone" by title).
#[test]
fn a_status_question_at_the_list_runs_the_check_and_keeps_the_list() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let candidates: Vec<String> = vec![
        "service-outage".into(),
        "service-unavailable-503".into(),
        "slow-performance".into(),
    ];
    chat.session.stage = Stage::ChoosingArticle {
        candidates: candidates.clone(),
    };
    for asked in ["is it down for everyone?", "check if its down"] {
        let out = chat.say(asked);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Check { .. })),
            "{asked}: {}",
            all_text(&out)
        );
        let stage = Stage::ChoosingArticle {
            candidates: candidates.clone(),
        };
        assert_eq!(chat.session.stage, stage, "{asked}");
    }
    // Its words as a pick still pick it.
    let out = chat.say("the outage one");
    assert_eq!(
        chat.session.article(),
        Some("service-outage"),
        "{}",
        all_text(&out)
    );
}

/// One candidate is asked about by name ("Is this it?"), not listed as "one of these".
#[test]
fn low_confidence_with_one_candidate_asks_about_it_by_name() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("slow");
    assert_eq!(
        chat.session.stage,
        Stage::ChoosingArticle {
            candidates: vec!["slow-performance".into()]
        },
        "{}",
        all_text(&out)
    );
    let r = &out.replies[0];
    assert_eq!(r.title.as_deref(), Some("Is this it?"));
    assert!(
        r.text
            .contains("This sounds like **QuickBooks Online Is Slow or Lagging**"),
        "{}",
        r.text
    );
    assert_eq!(
        actions(&out),
        vec![
            Action::Article("slow-performance".into()),
            Action::NoneOfThese,
            Action::Escalate
        ]
    );
    assert_eq!(r.choices[1].label, "No, something else");
    // "yep that's it" picks it.
    let out = chat.say("yep that's it");
    assert_eq!(
        chat.session.article(),
        Some("slow-performance"),
        "{}",
        all_text(&out)
    );
    // "nope" is "something else".
    let mut chat = Chat::new(&kb);
    chat.say("slow");
    let out = chat.say("nope");
    assert_eq!(chat.session.stage, Stage::Idle);
    assert!(has(&out, "couldn't place it"), "{}", all_text(&out));
    assert_eq!(
        chat.session.descriptions,
        vec!["slow".to_string()],
        "a yes or no is no description"
    );
}

/// At "Is it one of these?", "no" means none of them; a bare "yes" asks which.
#[test]
fn yes_or_no_at_several_candidates() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("gateway");
    let out = chat.say("yes");
    assert!(has(&out, "Which one?"), "{}", all_text(&out));
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    let out = chat.say("no, none of these");
    assert_eq!(chat.session.stage, Stage::Idle, "{}", all_text(&out));
}

#[test]
fn low_confidence_after_an_article_closes_that_article() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    chat.fixed();
    // A new vague description: the old article must not stay open behind the candidates,
    // or "check" and browser changes would act on it.
    chat.say("gateway");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    assert!(
        chat.session.article().is_none(),
        "{:?}",
        chat.session.article()
    );
    let out = chat.act(Action::Browser(Some(Browser::Firefox)));
    assert!(
        !has(&out, "Solution"),
        "a closed article was continued:\n{}",
        all_text(&out)
    );
}

#[test]
fn unrelated_text_gets_dont_know_and_a_human() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("how do I record a refund for a customer?");
    assert_eq!(out.replies.len(), 1);
    let r = &out.replies[0];
    assert_eq!(r.title.as_deref(), Some("I don't know this one"));
    assert!(
        r.text.contains("I don't have an article for that"),
        "{}",
        r.text
    );
    assert_eq!(r.choices[0].action, Action::Escalate);
    assert_eq!(chat.session.stage, Stage::Idle);
    assert!(chat.session.article().is_none());
    // The description is kept for a later hand-over.
    assert_eq!(chat.session.descriptions.len(), 1);
}

#[test]
fn a_greeting_or_thanks_is_answered_in_kind_and_not_kept_for_staff() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("hello everyone, can anyone help me?");
    assert!(has(&out, "What's going wrong?"), "{}", all_text(&out));
    assert!(!has(&out, "I don't know this one"), "{}", all_text(&out));
    let out = chat.say("thanks 🙂");
    assert!(has(&out, "You're welcome!"), "{}", all_text(&out));
    assert!(
        chat.session.descriptions.is_empty(),
        "nothing for staff to read"
    );
    assert_eq!(chat.session.stage, Stage::Idle);
    // A greeting with a problem in it is a description as usual.
    let out = chat.say("hi, quickbooks says 502 bad gateway");
    assert!(has(&out, "Error 502"), "{}", all_text(&out));
    assert_eq!(chat.session.descriptions.len(), 1);
}

/// "I already tried clearing cache and turning off firewall" mid-walk rules out both fixes
/// (only the firewall was noted, and the cache was offered next). Found by an exploratory
/// helper.
#[test]
fn two_fixes_said_tried_mid_walk_are_both_ruled_out() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 error");
    chat.say("chrome");
    let out = chat.say("I already tried clearing cache and turning off firewall");
    assert!(has(&out, "Remove browser cache"), "{}", all_text(&out));
    assert!(has(&out, "turn off the firewall"), "{}", all_text(&out));
    let failed: Vec<&str> = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome == Some(Outcome::NotFixed))
        .map(|a| a.title.as_str())
        .collect();
    assert!(failed.contains(&"Remove browser cache"), "{failed:?}");
    assert!(failed.iter().any(|t| t.contains("firewall")), "{failed:?}");
    while chat.session.current_step().is_some() {
        let out = chat.not_fixed();
        assert!(
            !out.replies.iter().any(|r| r
                .title
                .as_deref()
                .is_some_and(|t| t.contains("Remove browser cache"))),
            "{}",
            all_text(&out)
        );
    }
}

/// After a hand-over, "also its chrome version 120" is said as more for the ticket: offered to
/// it (it started the unsupported-browser article, and "yes add it" then recorded that
/// article's first step as the fix); "yes add it" takes the offer, in words. Found by an
/// exploratory helper.
#[test]
fn an_addition_after_a_hand_over_is_offered_to_the_ticket_and_yes_add_it_adds_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says 502 bad gateway in chrome");
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated {
        article: Some("quickbooks-error-502".into()),
    };
    let out = chat.say("also its chrome version 120");
    assert_eq!(
        out.replies[0].title.as_deref(),
        Some("Add this to your ticket?"),
        "{}",
        all_text(&out)
    );
    assert!(
        matches!(chat.session.stage, Stage::Escalated { .. }),
        "{:?}",
        chat.session.stage
    );
    for yes in ["yes add it", "please add"] {
        let out = chat.say(yes);
        assert_eq!(
            out.effects,
            vec![Effect::AddToTicket { works_now: false }],
            "{yes}: {}",
            all_text(&out)
        );
        assert!(!chat.recorded(Outcome::Fixed), "{yes}");
    }
    assert!(
        chat.session
            .descriptions
            .iter()
            .any(|d| d == "also its chrome version 120")
    );
    assert!(
        !chat
            .session
            .descriptions
            .iter()
            .any(|d| d.contains("add it"))
    );

    // A clear new problem starts its article, with adding it to the ticket beside the fix's
    // question: "yes add it" is the offer's, not "it worked".
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says 502 bad gateway in chrome");
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated {
        article: Some("quickbooks-error-502".into()),
    };
    let out = chat.say("my bank feed stopped updating, chase error 103");
    assert!(
        actions(&out).contains(&Action::AddToTicket),
        "{}",
        all_text(&out)
    );
    let out = chat.say("yes add it");
    assert_eq!(
        out.effects,
        vec![Effect::AddToTicket { works_now: false }],
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::Fixed));
}

/// After a hand-over, a message that matches no article clearly is most likely more for the
/// open ticket: adding it is offered first. A resolved ticket, or a clear new problem, is not.
#[test]
fn a_follow_up_after_a_hand_over_offers_to_add_it_to_the_open_ticket() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says 502 bad gateway in chrome");
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated {
        article: Some("quickbooks-error-502".into()),
    };
    let out = chat.say("it was the same error on the payroll screen too");
    let r = &out.replies[0];
    assert_eq!(
        r.title.as_deref(),
        Some("Add this to your ticket?"),
        "{}",
        all_text(&out)
    );
    assert!(r.text.contains("ticket **T-0004**"), "{}", r.text);
    assert_eq!(r.choices[0].action, Action::AddToTicket);
    assert_eq!(r.choices[0].label, "Add it to ticket T-0004");
    // Then the articles it might be about, in case it is another problem.
    assert!(
        r.choices[1..]
            .iter()
            .any(|c| matches!(c.action, Action::Article(_))),
        "{}",
        all_text(&out)
    );
    // The message is kept for the hand-over that adds it.
    assert_eq!(
        chat.session.descriptions.last().map(String::as_str),
        Some("it was the same error on the payroll screen too")
    );
    // Picking "Add it" asks the service to add the conversation to the ticket (no note asked).
    let out = chat.act(r.choices[0].action.clone());
    assert_eq!(out.effects, vec![Effect::AddToTicket { works_now: false }]);

    // Nothing matched at all: the same offer, without articles.
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat.say("you can call me on 555 0100 after 3pm");
    let r = &out.replies[0];
    assert_eq!(
        r.choices[0].action,
        Action::AddToTicket,
        "{}",
        all_text(&out)
    );
    assert_eq!(
        r.choices[1].action,
        Action::NoneOfThese,
        "{}",
        all_text(&out)
    );
    assert_eq!(r.choices[1].label, "No, something else");
    assert!(!has(&out, "I don't know this one"), "{}", all_text(&out));
    // The offer keeps the stage: the next follow-up is offered too, and a typed "yes" adds it
    // (not an article of the list), a typed "no" is something else.
    assert!(matches!(chat.session.stage, Stage::Escalated { .. }));
    let out = chat.say("it was the same error on the payroll screen too");
    assert_eq!(
        out.replies[0].title.as_deref(),
        Some("Add this to your ticket?")
    );
    let out = chat.say("yes");
    assert!(
        matches!(out.effects[..], [Effect::AddToTicket { works_now: false }]),
        "{}",
        all_text(&out)
    );
    assert!(chat.session.article().is_none(), "no article was started");
    chat.session.stage = Stage::Escalated { article: None };
    chat.say("it was the same error on the payroll screen too");
    let out = chat.say("no");
    assert!(out.effects.is_empty());
    assert_eq!(chat.session.stage, Stage::Idle, "{}", all_text(&out));

    // A clear new problem starts its article as usual; adding it to the ticket is still
    // offered, last, so the walk's choices keep their numbers.
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat.say("bank feed stopped syncing transactions since monday");
    assert!(!has(&out, "Add this to your ticket?"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    let last = out.replies.last().unwrap();
    assert!(
        last.text.contains("open ticket, **T-0004**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(last.choices[0].action, Action::AddToTicket);
    assert_eq!(
        chat.act(Action::AddToTicket).effects,
        vec![Effect::AddToTicket { works_now: false }]
    );

    // A resolved ticket is not offered: the usual answer, with a human.
    chat.session.stage = Stage::Escalated { article: None };
    chat.session.ticket_open = false;
    let out = chat.say("you can call me on 555 0100 after 3pm");
    assert!(!has(&out, "Add this to your ticket?"), "{}", all_text(&out));
    assert!(has(&out, "I don't know this one"), "{}", all_text(&out));
}

#[test]
fn restart_forgets_the_conversation_but_keeps_the_ticket() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42 in chrome");
    chat.session.ticket = Some(supportbot::ids::TicketId(1));
    chat.session.ticket_open = true;
    let out = chat.act(Action::Restart);
    assert!(has(&out, "Starting over"), "{}", all_text(&out));
    assert_eq!(chat.session.stage, Stage::Idle);
    assert!(chat.session.article().is_none());
    // The browser is the user's, not the problem's: not asked again.
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert!(chat.session.attempts.is_empty());
    assert!(chat.session.descriptions.is_empty());
    // The open ticket already has the problem: nothing is kept beside it.
    assert!(chat.session.earlier.is_empty());
    assert!(!has(&out, "goes with it"), "{}", all_text(&out));
    assert_eq!(chat.session.ticket, Some(supportbot::ids::TicketId(1)));
    assert_eq!(chat.session.user, user());
    // And a new problem starts cleanly.
    let out = chat.say("the printer is offline");
    assert_eq!(chat.session.article(), Some("printer-offline"));
    assert_solution(&out, 1, 1, "Restart the printer");
}

#[test]
fn start_over_from_an_unfixed_problem_keeps_it_for_a_person_asked_later() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42 in chrome");
    chat.not_fixed();
    let out = chat.act(Action::Restart);
    assert!(has(&out, "goes with it"), "{}", all_text(&out));
    assert!(chat.session.attempts.is_empty());
    assert_eq!(chat.session.earlier.len(), 1);
    let earlier = &chat.session.earlier[0];
    assert_eq!(
        earlier.descriptions,
        vec!["sync error E42 in chrome".to_string()]
    );
    assert_eq!(
        earlier.article.as_ref().map(|(id, _)| id.as_str()),
        Some("sync-error")
    );
    assert_eq!(earlier.attempts[0].outcome, Some(Outcome::NotFixed));
    // Attempts are numbered on: an old button never names a new step.
    chat.say("the printer is offline");
    assert!(chat.session.current_step().unwrap().attempt >= 2);
    // The ticket a person gets shows the earlier problem, titled by it when nothing else
    // was walked.
    let mut fresh = chat.session.clone();
    fresh.start_over(Some("Printer offline"), chat.now);
    let summary = supportbot::escalation::summary::Summary::capture(&fresh, None, None, "rev", 0);
    let card = summary.card("T-0001");
    assert!(card.title.contains("before Start over"), "{}", card.title);
    let earlier_field = card
        .fields
        .iter()
        .find(|(name, _)| name.starts_with("Earlier in this conversation"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    assert!(earlier_field.contains("sync error E42"), "{earlier_field}");
    assert!(earlier_field.contains("did not fix it"), "{earlier_field}");
    assert!(
        earlier_field.contains("the printer is offline"),
        "{earlier_field}"
    );
    let transcript = summary.transcript_markdown("T-0001");
    assert!(transcript.contains("### Problem 1"), "{transcript}");
    assert!(transcript.contains("### Problem 2"), "{transcript}");
}

#[test]
fn start_over_after_a_fix_keeps_nothing_and_keeps_at_most_three() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42 in chrome");
    chat.fixed();
    let out = chat.act(Action::Restart);
    assert!(!has(&out, "goes with it"), "{}", all_text(&out));
    assert!(chat.session.earlier.is_empty());
    // The same problem started over again is one problem.
    chat.say("sync error E42");
    chat.act(Action::Restart);
    chat.say("sync error E42 again");
    chat.act(Action::Restart);
    assert_eq!(chat.session.earlier.len(), 1, "{:?}", chat.session.earlier);
    assert_eq!(chat.session.earlier[0].descriptions.len(), 2);
    for n in 0..4 {
        let problem = if n % 2 == 0 {
            "the printer is offline"
        } else {
            "sync error E42"
        };
        chat.say(&format!("{problem} ({n})"));
        chat.act(Action::Restart);
    }
    assert_eq!(chat.session.earlier.len(), 3, "the latest three are kept");
    assert_eq!(
        chat.session.earlier[2].descriptions,
        vec!["sync error E42 (3)".to_string()]
    );
    // A session with earlier problems stores and loads them.
    let stored = serde_json::to_string(&chat.session).unwrap();
    let loaded: Session = serde_json::from_str(&stored).unwrap();
    assert_eq!(loaded.earlier, chat.session.earlier);
}

#[test]
fn a_new_description_mid_walk_leaves_the_open_step_unanswered() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    let out = chat.say("the printer is listed as offline");
    assert!(
        has(&out, "sounds like a different problem"),
        "{}",
        all_text(&out)
    );
    chat.act(Action::Article("printer-offline".into()));
    assert_eq!(chat.session.article(), Some("printer-offline"));
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NoAnswer));
    assert_eq!(chat.session.attempts[1].article, "printer-offline");
    assert_eq!(chat.session.attempts[1].outcome, None);
}

#[test]
fn a_fix_then_a_new_problem_records_the_fix_and_diagnoses_the_rest() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    let out = chat.say("that fixed it, but now the printer is listed as offline");
    assert!(
        has(&out, "Glad **Restart the app** fixed that"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::Fixed));
    assert_eq!(chat.session.article(), Some("printer-offline"));
    assert_eq!(
        chat.session.descriptions.last().map(String::as_str),
        Some("now the printer is listed as offline")
    );
}

#[test]
fn a_fix_then_the_same_trouble_back_records_no_fix() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    for reply in [
        "that worked for a minute but now the sync stops again",
        // Trouble after a "but" that names no other article is not split off.
        "that fixed it, but now the ledger does not sync",
    ] {
        let out = chat.say(reply);
        assert!(!has(&out, "fixed that"), "{reply}: {}", all_text(&out));
        assert_ne!(
            chat.session.attempts[0].outcome,
            Some(Outcome::Fixed),
            "{reply}"
        );
        assert_eq!(chat.session.article(), Some("sync-error"), "{reply}");
    }
}

#[test]
fn the_articles_own_code_again_is_still_broken_and_another_articles_code_is_asked_about() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let first = chat.say("quickbooks shows 502 bad gateway in chrome");
    assert_solution(&first, 2, 6, "Manually update bank transactions");
    // "502" is on nearly every line of the 502 article: it points to no later fix.
    let out = chat.say("still 502");
    assert!(!has(&out, "points to"), "{}", all_text(&out));
    assert_solution(&out, 3, 6, "Temporarily turn off the firewall");
    // A code of another article's, however short the reply, is another problem: asked.
    let out = chat.say("it says 503 now");
    assert!(
        has(&out, "sounds like a different problem: **HTTP Error 503"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));

    let mut chat = Chat::new(&kb);
    chat.say("error 500 internal server error chrome");
    let out = chat.say("still 500");
    assert!(!has(&out, "points to"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.last().unwrap().solution, 1);
}

#[test]
fn a_fix_told_as_what_was_done_and_what_it_did_is_a_fix_to_confirm() {
    let kb = shipped_kb();
    for said in [
        "closed like 30 tabs and its way faster now",
        "pressed ctrl+f5 and now its loading",
    ] {
        let mut chat = Chat::new(&kb);
        chat.act(Action::Article("slow-performance".into()));
        chat.say("chrome");
        let step = chat.session.current_step().expect("a step is open");
        let out = chat.say(said);
        // Not "a different problem" (a cache article ranked on "tabs" or "ctrl+f5"), not
        // "still broken": asked whether to note the fix.
        assert!(
            has(&out, "It sounds like that worked"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.article(), Some("slow-performance"), "{said}");
        assert_eq!(chat.session.current_step(), Some(step), "{said}");
    }
}

#[test]
fn the_error_gone_is_a_fix_to_confirm_and_a_fix_taken_back_is_not_fixed() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows 502 bad gateway in chrome");
    let out = chat.say("the 502 is gone");
    assert!(
        has(&out, "It sounds like that worked"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
    chat.say("yes");
    assert_eq!(
        chat.session.attempts.last().unwrap().outcome,
        Some(Outcome::Fixed)
    );
    // A stray word ("wrong") ranks the 500 article; the fix taken back is what it says.
    let out = chat.say("sorry i was wrong, its not actually fixed");
    assert!(has(&out, "the fix didn't last"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert_eq!(
        chat.session.attempts[1].outcome,
        Some(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
    assert_solution(&out, 3, 6, "Temporarily turn off the firewall");
}

#[test]
fn a_fix_named_in_words_is_the_one_credited_not_the_one_on_screen() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let first = chat.say("quickbooks shows 502 bad gateway in chrome");
    assert_solution(&first, 2, 6, "Manually update bank transactions");
    let out = chat.say("clearing the cache fixed it");
    assert!(
        has(
            &out,
            "Shall I note **Remove browser cache** as what fixed it?"
        ),
        "{}",
        all_text(&out)
    );
    chat.say("yes");
    let outcomes: Vec<(usize, Option<Outcome>)> = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome != Some(Outcome::Skipped))
        .map(|a| (a.solution, a.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [(1, Some(Outcome::NoAnswer)), (3, Some(Outcome::Fixed))],
        "the fix on screen was never said to be tried"
    );

    // Words of a fix's title with no action named are no fix named.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows 502 bad gateway in chrome");
    let out = chat.say("ok that worked, the intuit site loads now");
    assert!(
        has(&out, "**Manually update bank transactions**"),
        "{}",
        all_text(&out)
    );

    // Named before a new problem: that fix is the one recorded.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows 502 bad gateway in chrome");
    let out = chat.say("clearing the cache fixed it, but now payroll won't load");
    assert!(
        has(&out, "Glad **Remove browser cache** fixed that"),
        "{}",
        all_text(&out)
    );
}

#[test]
fn a_password_typed_is_never_kept_and_the_user_is_told() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("login keeps looping, user bob@acme.com password is Hunter2!2024");
    assert!(
        has(&out, "I've left out the password"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    let out = chat.event(Event::Escalate {
        note: Some("pw: s3cret! call me".into()),
    });
    assert!(
        has(&out, "I've left out the password"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        out.effects,
        [Effect::Escalate {
            note: Some("pw: [password removed] call me".into())
        }]
    );
    let kept = format!("{:?}", chat.session);
    assert!(
        !kept.contains("Hunter2") && !kept.contains("s3cret"),
        "{kept}"
    );
    // Talking about a password keeps every word.
    let out = chat.say("it says my password is wrong");
    assert!(!has(&out, "left out"), "{}", all_text(&out));
}

#[test]
fn a_failed_fix_said_with_a_request_for_a_call_is_recorded_and_handed_over() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows 502 bad gateway in chrome");
    let out = chat.say("no it didnt work and i need someone to call me");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Escalate { note: Some(_) }]),
        "{:?}",
        out.effects
    );
    assert_eq!(
        chat.session.attempts.last().unwrap().outcome,
        Some(Outcome::NotFixed)
    );
}

#[test]
fn a_fix_the_user_could_not_do_is_neither_failed_nor_shown_again_and_not_yet_waits() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows 502 bad gateway in chrome");
    let out = chat.say("not yet");
    assert!(has(&out, "No rush"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
    let out = chat.say("there is no update button");
    assert!(has(&out, "you couldn't try"), "{}", all_text(&out));
    assert_solution(&out, 3, 6, "Temporarily turn off the firewall");
    assert_eq!(
        chat.session.attempts[1].outcome,
        Some(Outcome::CouldNotTry),
        "{:?}",
        chat.session.attempts
    );
    // About a later fix: that one is skipped, and the open one is still the question.
    let on_screen = chat.session.current_step().unwrap().solution;
    let out = chat.say("i dont have admin rights to clear the app cache");
    assert!(has(&out, "so I'll skip that one"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step().unwrap().solution, on_screen);
    let app_cache = chat.session.attempts.len() - 2;
    assert_eq!(
        chat.session.attempts[app_cache].outcome,
        Some(Outcome::CouldNotTry)
    );
    let app_cache = chat.session.attempts[app_cache].solution;
    // Walked to the end, the fixes that could not be done are not offered again.
    while chat.session.current_step().is_some() {
        chat.not_fixed();
    }
    let shown: Vec<usize> = chat.session.attempts.iter().map(|a| a.solution).collect();
    for skipped in [1, app_cache] {
        assert_eq!(
            shown.iter().filter(|&&s| s == skipped).count(),
            1,
            "{shown:?}"
        );
    }
    let summary = supportbot::escalation::summary::Summary::capture(
        &chat.session,
        Some("QuickBooks Error 502"),
        None,
        "rev",
        chat.now,
    );
    let transcript = summary.transcript_markdown("T-0001");
    assert!(
        transcript.contains("Manually update bank transactions (Chrome) — could not try it"),
        "{transcript}"
    );
}

#[test]
fn naming_the_browser_already_set_is_read_for_the_rest_of_the_reply() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page not loading in chrome, just spinning");
    chat.not_fixed();
    let out = chat.say("works in incognito but not normal chrome");
    assert!(!has(&out, "already set to Chrome"), "{}", all_text(&out));
    // Said at the private-window test, it is that test's answer (it used to offer the
    // cache article instead).
    assert!(has(&out, "it works in the test"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::WorksThere));
}

#[test]
fn a_question_the_articles_faq_answers_is_answered_on_the_side() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("500 internal server error when saving invoice in chrome");
    let step = chat.session.current_step();
    let out = chat.say("is this my fault?");
    assert!(
        has(&out, "**Is a 500 error my fault?**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.current_step(),
        step,
        "the fix stays the question"
    );
    let out = chat.say("why?");
    assert!(has(&out, "About: HTTP Error 500"), "{}", all_text(&out));
    // A question the FAQ does not answer is still not answered here.
    let out = chat.say("how do i export to excel?");
    assert!(has(&out, "a person can"), "{}", all_text(&out));

    // A question in the problem's own words is the FAQ's, not "more about the problem"; a
    // "how" is not answered by a "why".
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    let step = chat.session.current_step();
    let out = chat.say("does a blank page mean my data is gone?");
    assert!(
        has(&out, "**Does a blank page mean my data is gone?**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.current_step(),
        step,
        "the fix stays the question"
    );
    let out = chat.say("how do I open incognito?");
    assert!(!has(&out, "**Why does"), "{}", all_text(&out));
}

#[test]
fn a_reply_in_words_answers_the_open_step_and_an_aside_asks_it_again() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let first = chat.say("502 bad gateway in chrome");
    let step = question(&first).title.clone();
    let attempts = chat.session.attempts.len();
    // An aside: the open step is asked again in one line, nothing recorded.
    let out = chat.say("ok");
    assert!(has(&out, "Take your time. Did **"), "{}", all_text(&out));
    assert_eq!(
        actions(&out)[0],
        Action::Fixed(chat.session.current_step().unwrap())
    );
    assert_eq!(
        chat.session.attempts.len(),
        attempts,
        "no attempt added or lost"
    );
    assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
    // Something it cannot read: said so, with the choices spelled out.
    let out = chat.say("purple monkey");
    assert!(has(&out, "didn't catch that"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.len(), attempts);
    // "no luck" answers it: not fixed, and the next fix comes.
    let out = chat.say("no luck");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert_eq!(
        chat.session.attempts[attempts - 1].outcome,
        Some(Outcome::NotFixed)
    );
    assert_ne!(
        question(&out).title,
        step,
        "the next step, not the same one"
    );
    assert_eq!(
        chat.session.descriptions,
        ["502 bad gateway in chrome"],
        "a bare answer is not a description for staff"
    );
    assert_eq!(
        chat.session.asides,
        ["purple monkey"],
        "the reply not understood is kept for staff, folded; filler (\"ok\") is not"
    );
    // And a stated fix is recorded as the button would.
    let out = chat.say("yes that fixed it");
    assert!(has(&out, "Glad"), "{}", all_text(&out));
    assert_eq!(
        chat.session.attempts.last().unwrap().outcome,
        Some(Outcome::Fixed)
    );
}

#[test]
fn a_long_reply_that_sounds_fixed_is_confirmed_before_it_is_recorded() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let step = chat.session.current_step().unwrap();
    let out = chat.say("thanks, cleared everything and now it works perfectly on this computer");
    assert!(has(&out, "sounds like that worked"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
    assert_eq!(
        actions(&out),
        [
            Action::Fixed(step),
            Action::NotFixed(step),
            Action::WorksAnyway(step)
        ]
    );
    chat.act(Action::Fixed(step));
    assert_eq!(
        chat.session.attempts.last().unwrap().outcome,
        Some(Outcome::Fixed)
    );
}

#[test]
fn works_now_after_the_last_fix_is_glad_without_calling_the_problem_working() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll update fails with PS077");
    while chat.session.current_step().is_some() {
        chat.not_fixed();
    }
    assert!(matches!(chat.session.stage, Stage::OutOfSolutions { .. }));
    let out = chat.say("actually it works now!");
    assert!(
        has(&out, "Glad it works now! If **Payroll Update Fails"),
        "{}",
        all_text(&out)
    );
}

#[test]
fn asking_why_mid_walk_gives_the_causes_and_keeps_the_question() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating since monday, chrome");
    let step = chat.session.current_step().expect("a fix is open");
    let out = chat.say("why does this happen?");
    assert!(has(&out, "Why it happens"), "{}", all_text(&out));
    assert!(
        out.replies.iter().all(|r| r.aside),
        "said on the side: {out:?}"
    );
    assert_eq!(
        chat.session.current_step(),
        Some(step),
        "the fix is still open"
    );
    // "Already tried that" answers it: not the fix.
    chat.say("i already tried that");
    let answered = chat
        .session
        .attempts
        .iter()
        .find(|a| a.solution == step.solution);
    assert_eq!(answered.and_then(|a| a.outcome), Some(Outcome::NotFixed));
}

#[test]
fn asking_in_words_mid_walk_checks_or_hands_over() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    for ask in [
        "can you check if quickbooks is up",
        "is it down for everyone or just me?",
    ] {
        let out = chat.say(ask);
        assert!(
            matches!(out.effects.as_slice(), [Effect::Check { targets, .. }] if !targets.is_empty()),
            "{ask}: {out:?}"
        );
        assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    }
    // A bare request adds nothing to the ticket; one that says more is kept as the note.
    let out = chat.say("can I talk to a real person please");
    assert!(
        matches!(&out.effects[..], [Effect::Escalate { note: None }]),
        "{out:?}"
    );
    chat.say("502 bad gateway in chrome");
    let out = chat.say("can I talk to a real person, payroll is due friday");
    assert!(
        matches!(&out.effects[..], [Effect::Escalate { note: Some(n) }] if n.contains("due friday")),
        "{out:?}"
    );
}

#[test]
fn off_topic_text_mid_walk_keeps_the_walk() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let text = "how do I record a refund for a customer?";
    let out = chat.say(text);
    assert!(has(&out, "Did **"), "{}", all_text(&out));
    // A question on the side is said to be out of reach here, not "noted".
    assert!(
        has(&out, "I can't help with that here"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Noted."), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
    // Thanks for the step, answered in kind; the question stays.
    let out = chat.say("ok, thanks");
    assert!(has(&out, "You're welcome!"), "{}", all_text(&out));
    let out = chat.say("ok");
    assert!(has(&out, "Take your time."), "{}", all_text(&out));
    let out = chat.say("ok, will try that later today");
    assert!(has(&out, "Noted."), "{}", all_text(&out));
    // A question not understood, with or without its "?", is not "didn't catch that".
    let out = chat.say("what does that mean");
    assert!(
        has(&out, "I can't help with that here") && has(&out, "Did **"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("huh");
    assert!(has(&out, "didn't catch that"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
}

#[test]
fn naming_a_browser_in_words_at_the_browser_question_answers_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks 502 bad gateway");
    assert_eq!(question(&out).title.as_deref(), Some("Which browser?"));
    let out = chat.say("im using firefox at work");
    assert_eq!(chat.session.browser, Some(Browser::Firefox));
    assert!(has(&out, "Did this fix it?"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
}

#[test]
fn a_clear_new_problem_mid_walk_still_starts_over() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let out = chat.say("my bank feed stopped syncing yesterday");
    // Asked, never switched silently: keep going, or switch.
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert!(
        has(&out, "sounds like a different problem"),
        "{}",
        all_text(&out)
    );
    assert_eq!(actions(&out)[0], Action::Continue);
    let out = chat.act(Action::Continue);
    assert!(has(&out, "Did this fix it?"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    chat.say("my bank feed stopped syncing yesterday");
    chat.act(Action::Article("bank-feed-not-updating".into()));
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
}

const OUTDATED: &str = "That button belongs to an earlier step; here is where we are now:";

#[test]
fn a_button_of_an_earlier_solution_records_nothing_and_asks_the_open_question_again() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("error E42 when syncing the ledger on Chrome");
    let first = chat.session.current_step().expect("solution 1 is open");
    assert_eq!(first.solution, 0);
    let out = chat.not_fixed();
    assert_solution(&out, 2, 5, "Clear the site data");
    let open = chat.session.current_step().expect("solution 2 is open");
    let before = chat.session.attempts.clone();

    for stale in [Action::Fixed(first), Action::NotFixed(first)] {
        let out = chat.act(stale.clone());
        assert_eq!(out.replies[0].text, OUTDATED, "{stale}: {}", all_text(&out));
        assert_solution(&out, 2, 5, "Clear the site data");
        assert!(out.effects.is_empty());
        assert_eq!(chat.session.attempts.len(), before.len(), "{stale}");
        for (now, then) in chat.session.attempts.iter().zip(&before) {
            assert_eq!(
                (now.solution, now.outcome),
                (then.solution, then.outcome),
                "{stale}"
            );
        }
        assert!(matches!(chat.session.stage, Stage::AwaitingFeedback { .. }));
        assert_eq!(
            chat.session.current_step(),
            Some(open),
            "same step, same buttons"
        );
    }

    // The open step's own button still works.
    let out = chat.act(Action::Fixed(open));
    assert!(
        has(&out, "**Clear the site data** fixed it"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::Fixed));
    // And once fixed, an earlier button still changes nothing.
    let out = chat.act(Action::NotFixed(open));
    assert_eq!(out.replies[0].text, OUTDATED);
    assert!(has(&out, "You told me **Clear the site data** fixed it"));
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::Fixed));
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
}

#[test]
fn a_button_of_another_article_or_an_earlier_conversation_is_outdated() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("error E42 when syncing the ledger on Chrome");
    let sync = chat
        .session
        .current_step()
        .expect("sync solution 1 is open");
    chat.event(Event::Open {
        article: "printer-offline".into(),
        browser: None,
    });
    let printer = chat
        .session
        .current_step()
        .expect("printer solution 1 is open");
    assert_ne!(sync, printer);
    assert_eq!(
        sync.solution, printer.solution,
        "both are the first solution"
    );
    let out = chat.act(Action::Fixed(sync));
    assert_eq!(out.replies[0].text, OUTDATED);
    assert_solution(&out, 1, 1, "Restart the printer");
    assert_eq!(chat.session.current_step(), Some(printer));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed))
    );

    // After "start over", the new conversation's first step is not the old one's.
    chat.act(Action::Restart);
    chat.say("error E42 when syncing the ledger on Chrome");
    let fresh = chat
        .session
        .current_step()
        .expect("sync solution 1 is open again");
    assert_ne!(fresh, sync);
    assert_ne!(fresh, printer);
    let out = chat.act(Action::Fixed(printer));
    assert_eq!(out.replies[0].text, OUTDATED);
    assert_eq!(chat.session.attempts[0].outcome, None);

    // A button from before answers named their step is outdated too.
    let legacy = Action::parse("fixed").expect("old tokens still parse");
    let out = chat.act(legacy);
    assert_eq!(out.replies[0].text, OUTDATED);
    assert_eq!(chat.session.attempts[0].outcome, None);
    chat.fixed();
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::Fixed));
}

#[test]
fn sessions_saved_before_steps_were_numbered_still_load_and_answer() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("error E42 when syncing the ledger on Chrome");
    let mut old = serde_json::to_value(&chat.session).unwrap();
    old.as_object_mut().unwrap().remove("attempt_base");
    let session: Session = serde_json::from_value(old).expect("an old session loads");
    assert_eq!(session.attempt_base, 0);
    let mut chat = Chat {
        kb: &kb,
        session,
        now: chat.now,
    };
    let out = chat.event(Event::Resume);
    assert_solution(&out, 1, 5, "Restart the app");
    chat.not_fixed();
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
}

fn target(name: &str, description: &str) -> Target {
    Target {
        name: name.into(),
        description: description.into(),
        url: format!("https://{name}.example.com/"),
        expect_status: None,
        timeout_ms: None,
        contains: None,
        monitor: Default::default(),
        line: 0,
    }
}

#[test]
fn check_with_nothing_to_check_lists_the_services_instead_of_checking_them_all() {
    let kb = inline_kb().with_targets(vec![
        target("ledger-api", "Ledger sync API"),
        target("print-hub", "Printer hub"),
    ]);
    let mut chat = Chat::new(&kb);
    for event in [Event::Check { target: None }, Event::Act(Action::Check)] {
        let out = chat.event(event.clone());
        assert!(out.effects.is_empty(), "{event:?}: nothing is probed");
        let text = all_text(&out);
        assert!(text.contains("- **ledger-api**: Ledger sync API"), "{text}");
        assert!(text.contains("- **print-hub**: Printer hub"), "{text}");
        let hints: Vec<&Hint> = out.replies.iter().filter_map(|r| r.hint.as_ref()).collect();
        assert_eq!(
            hints,
            [&Hint::CheckByName {
                example: "ledger-api".into()
            }],
            "how to check one is a hint the adapter spells"
        );
        let console = all_spelled(&out, &ConsoleSpelling);
        assert!(
            console.contains("`/check NAME`"),
            "the console's spelling: {console}"
        );
        assert!(console.contains("`/check ledger-api`"), "{console}");
    }
    // An open article that names no service to check: the same list.
    chat.say("error E42 when syncing the ledger on Chrome");
    let out = chat.act(Action::Check);
    assert!(out.effects.is_empty());
    assert!(has(&out, "**print-hub**"), "{}", all_text(&out));
    // On Discord, the slash command's option.
    #[cfg(feature = "discord")]
    {
        let spelled = all_spelled(&out, &supportbot::discord::render::DiscordSpelling);
        assert!(spelled.contains("`/check target:NAME`"), "{spelled}");
        assert!(!spelled.contains("`/check NAME`"), "{spelled}");
    }
    // A service named is checked, and only that one.
    let out = chat.event(Event::Check {
        target: Some("print-hub".into()),
    });
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: vec!["print-hub".into()],
            lead: false
        }]
    );
    // With no services configured: how to check an address.
    let bare = inline_kb();
    let mut chat = Chat::new(&bare);
    let out = chat.act(Action::Check);
    assert!(out.effects.is_empty());
    assert!(has(&out, "No services are set up"), "{}", all_text(&out));
    let console = all_spelled(&out, &ConsoleSpelling);
    assert!(
        console.contains("`/check https://example.com/`"),
        "{console}"
    );
}

/// The shipped knowledge with two services more than its one ("invoicing", "reconcile").
fn shipped_kb_with_three_services() -> KnowledgeBase {
    let kb = shipped_kb();
    let mut targets = kb.targets().to_vec();
    targets.push(target("invoicing", "Invoicing service"));
    targets.push(target("reconcile", "Bank reconciliation"));
    kb.with_targets(targets)
}

/// "is it down? i just get a blank page" with several services: the services the blank-page
/// article checks are checked first (as with one service), then its fixes; "Which service?"
/// only when nothing tells which.
#[test]
fn a_check_beside_a_problem_checks_its_articles_services_when_several_are_configured() {
    let kb = shipped_kb_with_three_services();
    let mut chat = Chat::new(&kb);
    let out = chat.say("is it down? i just get a blank page");
    let article = kb.get("page-not-loading").expect("the blank-page article");
    assert!(!article.checks.is_empty(), "it names services to check");
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: article.checks.clone(),
            lead: true
        }],
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Which service"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    // Nothing to tell which: asked.
    let mut chat = Chat::new(&kb);
    let out = chat.say("is it down?");
    assert!(out.effects.is_empty(), "{:?}", out.effects);
    assert!(has(&out, "Which service"), "{}", all_text(&out));
}

/// A check asked for that names a configured service, by its name or its description's words,
/// checks that service (not "Which service?", "Is this it?" or an article); a problem described
/// in the same words names no service.
#[test]
fn a_check_asked_for_a_service_by_name_or_description_checks_it() {
    let kb = shipped_kb_with_three_services();
    for (said, want) in [
        ("check invoicing", "invoicing"),
        ("is invoicing down?", "invoicing"),
        ("can you check the invoicing service", "invoicing"),
        ("is quickbooks online down?", "quickbooks-online"),
        (
            "is the quickbooks online sign-in page down?",
            "quickbooks-online",
        ),
        ("is bank reconciliation down?", "reconcile"),
        ("check reconcile", "reconcile"),
        ("pls check invoicing", "invoicing"),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_eq!(
            out.effects,
            [Effect::Check {
                targets: vec![want.to_string()],
                lead: false
            }],
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Which service"), "{said}: {}", all_text(&out));
        assert_eq!(chat.session.descriptions, [said.to_string()]);
    }
    // Named beside a problem: that service first, then the problem's fixes.
    let mut chat = Chat::new(&kb);
    let out = chat.say("is invoicing down? i just get a blank page");
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: vec!["invoicing".into()],
            lead: true
        }],
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    // A request that describes a problem beside the service names no service to check: the
    // problem is matched ("check" is ordinary wording for one; a review found these only
    // checked the service and never found the article).
    let payroll = {
        let shipped = shipped_kb();
        let mut targets = shipped.targets().to_vec();
        targets.push(target("payroll", "Payroll service"));
        shipped.with_targets(targets)
    };
    for (said, article) in [
        (
            "can you check why payroll is not updating my employees paychecks",
            "payroll-not-updating",
        ),
        (
            "check payroll tax table is wrong after update",
            "payroll-not-updating",
        ),
    ] {
        let mut chat = Chat::new(&payroll);
        let out = chat.say(said);
        assert!(out.effects.is_empty(), "{said}: {:?}", out.effects);
        assert_eq!(chat.session.article(), Some(article), "{said}");
    }
    let mut chat = Chat::new(&payroll);
    let out = chat.say("check payroll");
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: vec!["payroll".into()],
            lead: false
        }]
    );
    let shipped = shipped_kb();
    let mut chat = Chat::new(&shipped);
    let out = chat.say("can you check why quickbooks online keeps signing me out");
    assert!(out.effects.is_empty(), "{:?}", out.effects);
    // A problem in the same words is no request for a check.
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks online shows a blank page");
    assert!(out.effects.is_empty(), "{:?}", out.effects);
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    // Mid-walk too: the service named, not the article's.
    let out = chat.say("is invoicing down?");
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: vec!["invoicing".into()],
            lead: false
        }],
        "{}",
        all_text(&out)
    );
}

#[test]
fn check_with_an_article_checks_its_services() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks error 502 bad gateway on chrome");
    let article = kb.get(chat.session.article().expect("an article")).unwrap();
    assert!(!article.checks.is_empty(), "the 502 article names services");
    let out = chat.act(Action::Check);
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: article.checks.clone(),
            lead: false
        }]
    );
}

#[test]
fn check_during_an_article_without_services_says_what_the_only_one_can_tell() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks desktop says H202 when opening the company file");
    let article = kb.get(chat.session.article().expect("an article")).unwrap();
    assert!(
        article.checks.is_empty(),
        "the company-file article names none"
    );
    let [only] = kb.targets() else {
        panic!("the shipped knowledge has one service")
    };
    let out = chat.say("is it down?");
    assert_eq!(
        out.effects,
        [Effect::Check {
            targets: vec![only.name.clone()],
            lead: false
        }]
    );
    assert!(
        has(&out, "names no service to check") && has(&out, &only.description),
        "{}",
        all_text(&out)
    );
    // An article that names its services checks them without the caveat.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks error 502 bad gateway on chrome");
    let out = chat.say("is it down?");
    assert!(!has(&out, "names no service"), "{}", all_text(&out));
}

#[test]
fn answers_without_an_open_step_are_explained_not_errors() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    for a in [
        Action::Fixed(Step::UNKNOWN),
        Action::NotFixed(Step::UNKNOWN),
        Action::MoreInfo,
    ] {
        let out = chat.act(a.clone());
        assert_eq!(out.replies.len(), 1, "{a}");
        assert!(
            out.replies[0].text.contains("Describe your problem"),
            "{a}: {}",
            out.replies[0].text
        );
    }
    let out = chat.act(Action::Article("no-such-article".into()));
    assert!(has(&out, "There is no article `no-such-article`"));
    // Like no article at all: every article is offered by title, and describing it is said.
    assert!(
        has(&out, "Describe the problem in your own words"),
        "{}",
        all_text(&out)
    );
    let offered: Vec<&Action> = out.replies[0].choices.iter().map(|c| &c.action).collect();
    assert_eq!(offered.len(), kb.articles().len(), "{offered:?}");
    assert!(
        offered.contains(&&Action::Article("sync-error".into())),
        "{offered:?}"
    );
    let out = chat.say("   ");
    assert!(has(&out, "in your own words"));
    assert_eq!(chat.session.stage, Stage::Idle);
}

#[test]
fn open_jumps_to_an_article_with_a_browser() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.event(Event::Open {
        article: "sync-eror".into(),
        browser: None,
    });
    assert!(has(&out, "Did you mean `sync-error`"), "{}", all_text(&out));
    let out = chat.event(Event::Open {
        article: "sync-error".into(),
        browser: Some(Browser::Firefox),
    });
    assert_eq!(chat.session.browser, Some(Browser::Firefox));
    assert_solution(&out, 1, 5, "Restart the app");
}

/// Saves the session to a sled store in `dir`, as the service does after each event, and
/// reads it back from a freshly opened store, as after a restart.
fn persist_and_reopen(dir: &Path, session: &Session) -> Session {
    {
        let store = Store::open_waiting(dir, std::time::Duration::from_secs(5)).unwrap();
        store.save_session(session).unwrap();
        store.flush().unwrap();
    }
    let store = Store::open_waiting(dir, std::time::Duration::from_secs(5)).unwrap();
    store
        .load_session(&session.user.id)
        .unwrap()
        .expect("session persisted")
}

#[test]
fn resume_after_a_restart_continues_where_we_were() {
    let kb = inline_kb();
    let data = tempfile::tempdir().unwrap();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    chat.not_fixed();
    chat.act(Action::Browser(Some(Browser::Firefox)));
    assert_eq!(chat.session.next_solution, 2);

    // The process stops; a new one loads the session from disk.
    let reloaded = persist_and_reopen(data.path(), &chat.session);
    assert_eq!(reloaded, chat.session);
    let mut chat = Chat {
        kb: &kb,
        session: reloaded,
        now: chat.now + 3600,
    };
    let out = chat.event(Event::Resume);
    assert!(
        out.replies[0].text.starts_with("Welcome back"),
        "{}",
        all_text(&out)
    );
    assert!(out.replies[0].text.contains("Ledger sync error E42"));
    // The open solution is shown again (same browser), not skipped and not duplicated.
    assert_solution(&out, 2, 5, "Clear the site data");
    assert!(question(&out).text.contains("Firefox: clear cookies"));
    assert_eq!(
        chat.session
            .attempts
            .iter()
            .filter(|a| a.solution == 1)
            .count(),
        1
    );
    // And the walk goes on.
    let out = chat.not_fixed();
    assert!(has(&out, "Skipped solution 3"), "{}", all_text(&out));
    assert_solution(&out, 4, 5, "Reset the connection");
}

#[test]
fn resume_at_each_stage() {
    let kb = inline_kb();
    let data = tempfile::tempdir().unwrap();

    // Waiting for the browser: the question again.
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    chat.not_fixed();
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    chat.session = persist_and_reopen(data.path(), &chat.session);
    let out = chat.event(Event::Resume);
    assert!(out.replies[0].text.starts_with("Welcome back"));
    assert_eq!(question(&out).title.as_deref(), Some("Which browser?"));

    // Choosing among candidates: the candidates again.
    let shipped = shipped_kb();
    let mut chat = Chat::new(&shipped);
    chat.say("gateway");
    chat.session = persist_and_reopen(data.path(), &chat.session);
    let out = chat.event(Event::Resume);
    assert!(out.replies[0].text.starts_with("Welcome back"));
    assert!(actions(&out).contains(&Action::NoneOfThese));

    // Out of solutions: the offer of a human again.
    let mut chat = Chat::new(&kb);
    chat.say("the printer is offline");
    chat.not_fixed();
    assert!(matches!(chat.session.stage, Stage::OutOfSolutions { .. }));
    chat.session = persist_and_reopen(data.path(), &chat.session);
    let out = chat.event(Event::Resume);
    assert_eq!(question(&out).choices[0].action, Action::Escalate);

    // Nothing going on: a short help.
    let mut chat = Chat::new(&kb);
    let out = chat.event(Event::Resume);
    assert_eq!(out.replies.len(), 1);
    assert!(out.replies[0].choices.is_empty());
    assert_eq!(chat.session.stage, Stage::Idle);
}

#[test]
fn every_reply_is_private() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let mut outs = vec![chat.say("502 bad gateway")];
    outs.push(chat.act(Action::Browser(Some(Browser::Chrome))));
    outs.push(chat.not_fixed());
    outs.push(chat.say("how do I record a refund"));
    for out in &outs {
        for r in &out.replies {
            assert!(r.private, "{r:?}");
        }
    }
}

/// Every choice of the reply titled "Which browser?", if one was shown.
fn browser_question(out: &Output) -> Option<Vec<Action>> {
    out.replies
        .iter()
        .find(|r| r.title.as_deref() == Some("Which browser?"))
        .map(|r| r.choices.iter().map(|c| c.action.clone()).collect())
}

#[test]
fn a_bare_safari_is_asked_mac_or_iphone_once_never_assumed() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let mut out = chat.say("the page stays blank and never loads in safari");
    assert_eq!(chat.session.browser, None, "not assumed to be a Mac");
    let mut asked = None;
    for _ in 0..6 {
        if let Some(q) = browser_question(&out) {
            asked = Some((q, all_text(&out)));
            break;
        }
        out = chat.not_fixed();
    }
    let (choices, text) = asked.expect("the browser question comes when a fix differs");
    assert!(
        text.contains("Safari on a Mac and on an iPhone or iPad"),
        "{text}"
    );
    assert_eq!(
        &choices[..2],
        [
            Action::Browser(Some(Browser::SafariMac)),
            Action::Browser(Some(Browser::SafariIos))
        ],
        "only the two Safaris are offered"
    );
    assert!(!choices.contains(&Action::Browser(Some(Browser::Chrome))));
    chat.act(Action::Browser(Some(Browser::SafariIos)));
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    assert!(!chat.session.safari_unsure, "asked once");
    // Saying "safari" again once the device is known does not ask again.
    chat.say("safari");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
}

#[test]
fn a_bare_safari_mid_walk_asks_which_before_a_keyboard_shortcut() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("the quickbooks page stays blank and never loads");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    assert!(has(&out, "Ctrl+F5"), "{}", all_text(&out));
    // "safari" while the reload fix is open: its shortcut is no use on an iPhone, so which
    // Safari is asked before the fix is shown again.
    let out = chat.say("safari");
    let choices = browser_question(&out).expect("which Safari is asked");
    assert_eq!(
        &choices[..2],
        [
            Action::Browser(Some(Browser::SafariMac)),
            Action::Browser(Some(Browser::SafariIos))
        ],
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Ctrl+F5"), "{}", all_text(&out));
    let out = chat.act(Action::Browser(Some(Browser::SafariIos)));
    assert!(has(&out, "Reload the page fully"), "{}", all_text(&out));
    assert!(!has(&out, "Ctrl+F5"), "{}", all_text(&out));
    assert!(has(&out, "tap the reload arrow"), "{}", all_text(&out));
}

#[test]
fn outside_a_walk_a_request_for_a_person_hands_over_and_ticket_news_is_told() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.session.ticket = Some(supportbot::ids::TicketId(1));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated { article: None };
    // Not "Add this to your ticket?" with articles: a hand-over (the service adds it).
    let out = chat.say("human please");
    assert_eq!(
        out.effects,
        vec![Effect::Escalate { note: None }],
        "{}",
        all_text(&out)
    );
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat.say("can i talk to a person, my boss needs this by friday");
    assert!(
        matches!(&out.effects[..], [Effect::Escalate { note: Some(n) }] if n.contains("friday")),
        "{:?}",
        out.effects
    );
    // A problem named clearly is a description first, even with a plea for help in it.
    let mut fresh = Chat::new(&kb);
    let out = fresh.say("can someone help me, payroll wont update");
    assert!(out.effects.is_empty(), "{:?}", out.effects);
    assert_eq!(fresh.session.article(), Some("payroll-not-updating"));
    for asks in [
        "hi is my ticket done?",
        "any news?",
        "status of T-0001?",
        // Found by a helper playing users (fifteenth session): the wait, though "long" and
        // "take" rank the slow-performance article.
        "how long will this take",
    ] {
        chat.session.stage = Stage::Escalated { article: None };
        let out = chat.say(asks);
        assert_eq!(
            out.effects,
            vec![Effect::TicketStatus],
            "{asks}: {}",
            all_text(&out)
        );
    }
    // "nvm fixed it" while the ticket is open: staff hear it works, so they can close it.
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat.say("nvm fixed it");
    assert_eq!(
        out.effects,
        vec![Effect::AddToTicket { works_now: true }],
        "{}",
        all_text(&out)
    );
    // Descriptions with those words are descriptions.
    for described in [
        "a person on my team cannot log in",
        "user agent error in chrome",
        "still waiting for transactions to load since monday",
    ] {
        chat.session.stage = Stage::Escalated { article: None };
        let out = chat.say(described);
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. } | Effect::TicketStatus)),
            "{described}: {:?} {}",
            out.effects,
            all_text(&out)
        );
    }
}

#[test]
fn a_fix_that_did_not_last_is_taken_back_and_the_walk_goes_on() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("503 service unavailable in chrome");
    let fixed = chat.session.current_step().unwrap();
    chat.fixed();
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
    let out = chat.say("still getting 503");
    assert!(has(&out, "the fix didn't last"), "{}", all_text(&out));
    let outcome = |chat: &Chat, solution| {
        chat.session
            .attempts
            .iter()
            .find(|a| a.solution == solution)
            .and_then(|a| a.outcome)
    };
    assert_eq!(outcome(&chat, fixed.solution), Some(Outcome::NotFixed));
    let next = chat.session.current_step().expect("the next fix is open");
    assert!(next.solution > fixed.solution, "{}", all_text(&out));
    // "no", "no thanks" to "another problem?" leave the fix standing; a bare "no" may also
    // doubt the fix, so how to take it back is said.
    chat.fixed();
    for (no, answer) in [
        ("no", "If the fix stopped working"),
        ("no thanks", "You're welcome"),
        ("nope", "If the fix stopped working"),
    ] {
        let out = chat.say(no);
        assert!(has(&out, answer), "{no}: {}", all_text(&out));
        assert_eq!(outcome(&chat, next.solution), Some(Outcome::Fixed), "{no}");
    }
    // Another problem named clearly is not taken for "it came back".
    chat.say("still broken but now my bank feed stopped syncing too");
    assert_eq!(outcome(&chat, next.solution), Some(Outcome::Fixed));
}

/// Found by a helper playing users (fifteenth session): asked what a private window is while a
/// fix is on screen, "it works there" is the test's result, never credited to the fix.
#[test]
fn it_works_there_after_the_steps_of_a_test_is_that_tests_result() {
    let kb = shipped_kb();
    for (said, outcome) in [
        ("it works there", Outcome::WorksThere),
        ("same thing there", Outcome::FailsThere),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("page is blank");
        chat.say("on my iphone");
        let fix = chat.session.current_step().unwrap();
        chat.say("what's a private window");
        let out = chat.say(said);
        assert!(
            !all_text(&out).contains("Shall I note"),
            "{said}: {}",
            all_text(&out)
        );
        let test = chat
            .session
            .attempts
            .iter()
            .find(|a| a.title == "Try a private window")
            .and_then(|a| a.outcome);
        assert_eq!(test, Some(outcome), "{said}");
        // The fix on screen is still the question.
        assert_eq!(
            chat.session.current_step().map(|s| s.solution),
            Some(fix.solution),
            "{said}"
        );
        assert!(!chat.recorded(Outcome::Fixed));
    }
    // Said with the fix on screen's result: both recorded, and on to the next fix.
    let mut chat = Chat::new(&kb);
    chat.say("page is blank");
    chat.say("on my iphone");
    let fix = chat.session.current_step().unwrap();
    chat.say("what's a private window");
    chat.say("it works there, the reload did nothing");
    let outcome_of = |solution: usize| {
        chat.session
            .attempts
            .iter()
            .find(|a| a.solution == solution)
            .and_then(|a| a.outcome)
    };
    assert_eq!(outcome_of(fix.solution), Some(Outcome::NotFixed));
    assert_eq!(outcome_of(1), Some(Outcome::WorksThere));
    assert!(chat.session.current_step().unwrap().solution > 1);
}

/// Found by a helper playing users (fifteenth session): "that's not my problem" says the
/// article is wrong, not the fix: nothing is failed, and the user's words (or a list) lead on.
#[test]
fn not_my_problem_leaves_the_article_without_failing_its_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank");
    chat.say("chrome");
    let out = chat.say("thats not my problem");
    assert!(has(&out, "is not your problem"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::NotFixed), "no step failed");
    assert!(chat.session.current_step().is_none());
    chat.say("the login keeps looping");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));

    // Said with words that name another article: that one, at once.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank");
    chat.say("chrome");
    chat.say("thats not my problem, my problem is the 502 on login");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert!(!chat.recorded(Outcome::NotFixed));
}

/// Found by a helper playing users (fifteenth session): at a step, not knowing the browser
/// gets how to tell (the step stays the question), and a browser told by its icon is noted.
#[test]
fn at_a_step_the_browser_is_told_how_to_find_and_taken_by_its_icon() {
    let kb = shipped_kb();
    for unsure in ["i dont know what browser", "what's a browser lol"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online page stays blank");
        let step = chat.session.current_step().unwrap();
        let out = chat.say(unsure);
        assert!(has(&out, "How to tell"), "{unsure}: {}", all_text(&out));
        assert_eq!(chat.session.current_step(), Some(step), "{unsure}");
        assert!(
            chat.session.descriptions.len() <= 1,
            "{unsure}: not a description"
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online page stays blank");
    chat.say("ok its the blue e one");
    assert_eq!(chat.session.browser, Some(Browser::Edge));
}

/// Found by a helper playing users (fifteenth session): "fixed" at "Is it one of these?" is
/// good news, not a description to rank.
#[test]
fn fixed_at_a_list_of_articles_ends_the_list() {
    let kb = shipped_kb();
    for fixed in ["fixed", "nvm it works now"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks wont open");
        assert!(
            matches!(chat.session.stage, Stage::ChoosingArticle { .. }),
            "{:?}",
            chat.session.stage
        );
        let out = chat.say(fixed);
        assert!(has(&out, "Good to hear"), "{fixed}: {}", all_text(&out));
        assert!(matches!(chat.session.stage, Stage::Idle), "{fixed}");
    }
    // Where it works, for whom it works, or when it last worked is no news that it works now
    // (each ended the list with "Good to hear!"; found by an exploratory helper, twenty-first
    // session).
    for not_fixed in [
        "works fine on my phone though",
        "it works for my coworker",
        "it worked this morning",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks wont open");
        let out = chat.say(not_fixed);
        assert!(
            !has(&out, "Good to hear"),
            "{not_fixed}: {}",
            all_text(&out)
        );
        assert!(
            !matches!(chat.session.stage, Stage::Idle),
            "{not_fixed}: {:?}",
            chat.session.stage
        );
    }
}

/// Found by a helper playing users (fifteenth session): at the private-window test, "im on my
/// ipad now and it works there" says where it works; it is no result of the test, and the
/// setup where it fails stays the walk's.
#[test]
fn works_there_on_another_device_at_a_test_is_noted_not_the_tests_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("page wont load, just spinning");
    chat.say("firefox");
    chat.say("i cleared it but nothing");
    let test = chat.session.current_step().unwrap();
    let out = chat.say("im on my ipad now and it works there");
    assert!(
        has(&out, "Good to know it works there (iPhone or iPad)"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step(), Some(test));
    assert_eq!(chat.session.browser, Some(Browser::Firefox));
}

/// Found by a second helper playing users (fifteenth session): slips and denials in other
/// words.
#[test]
fn slips_and_denied_codes_in_other_words_are_read_as_meant() {
    let kb = shipped_kb();
    let outcome_of = |chat: &Chat, solution: usize| {
        chat.session
            .attempts
            .iter()
            .find(|a| a.solution == solution)
            .and_then(|a| a.outcome)
    };
    // "Fixed it" pressed by mistake, said any way: taken back.
    for slip in [
        "oops wrong button",
        "sorry i clicked the wrong one",
        "misclicked",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed hasnt pulled anything in since friday");
        chat.say("chrome");
        let fixed = chat.session.current_step().unwrap();
        chat.fixed();
        let out = chat.say(slip);
        assert!(has(&out, "corrected that"), "{slip}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, fixed.solution),
            Some(Outcome::NotFixed),
            "{slip}"
        );
    }
    // "i meant to ask ..." after a recorded fix asks something; the fix stands.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed hasnt pulled anything in since friday");
    chat.say("chrome");
    chat.fixed();
    chat.say("i meant to ask, how do i export my invoices?");
    assert!(chat.recorded(Outcome::Fixed));
    // "Still broken" pressed by mistake: the fix before the one on screen is the one to note.
    for slip in [
        "sorry i meant fixed, wrong button",
        "wait sorry, that last one actually did fix it",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed hasnt pulled anything in since friday");
        chat.say("chrome");
        let first = chat.session.current_step().unwrap();
        chat.not_fixed();
        let out = chat.say(slip);
        assert!(has(&out, "Shall I note"), "{slip}: {}", all_text(&out));
        chat.say("yes");
        assert_eq!(
            outcome_of(&chat, first.solution),
            Some(Outcome::Fixed),
            "{slip}"
        );
        assert_eq!(
            chat.session
                .attempts
                .iter()
                .filter(|a| a.outcome == Some(Outcome::Fixed))
                .count(),
            1,
            "{slip}"
        );
    }
    // With a step passed over between the two (no steps for the browser), the same.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed hasnt pulled anything in since friday");
    chat.say("chrome");
    let first = chat.session.current_step().unwrap();
    chat.not_fixed();
    let pending = chat.session.attempts.pop().unwrap();
    let mut passed_over = pending.clone();
    passed_over.solution = 3;
    passed_over.outcome = Some(Outcome::Skipped);
    chat.session.attempts.push(passed_over);
    chat.session.attempts.push(pending);
    chat.say("sorry i meant fixed, wrong button");
    chat.say("yes");
    assert_eq!(outcome_of(&chat, first.solution), Some(Outcome::Fixed));
    // "it's not a 502 error actually" at the 502 article: the article is wrong, no step failed.
    let mut chat = Chat::new(&kb);
    chat.say("error 502 in firefox");
    let out = chat.say("it's not a 502 error actually");
    assert!(has(&out, "is not your problem"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::NotFixed));
    let mut chat = Chat::new(&kb);
    chat.say("error 502 in firefox");
    chat.say("actually no its not 502, it says 503 service unavailable");
    assert_eq!(chat.session.article(), Some("service-unavailable-503"));
    // "it works fine on my ipad though" at the private-window test: where it works.
    let mut chat = Chat::new(&kb);
    chat.say("pages look old and broken layout even after refresh");
    chat.say("chrome");
    let out = chat.say("it works fine on my ipad though");
    assert!(
        has(&out, "Good to know it works there"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::WorksThere));
}

/// Found by a helper playing users (fifteenth session): "fixed" said by a slip is taken back
/// in the user's words, and said to be corrected rather than to have not lasted.
#[test]
fn a_fix_said_by_mistake_is_corrected() {
    let kb = shipped_kb();
    for correction in [
        "no wait i meant it didnt fix it",
        "oops wrong button, still broken",
        "sorry i meant it didnt work",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("503 service unavailable in chrome");
        let fixed = chat.session.current_step().unwrap();
        chat.fixed();
        let out = chat.say(correction);
        assert!(
            has(&out, "corrected that"),
            "{correction}: {}",
            all_text(&out)
        );
        let outcome = chat
            .session
            .attempts
            .iter()
            .find(|a| a.solution == fixed.solution)
            .and_then(|a| a.outcome);
        assert_eq!(outcome, Some(Outcome::NotFixed), "{correction}");
        assert!(chat.session.current_step().is_some(), "{correction}");
    }
}

#[test]
fn an_error_code_the_article_defines_starts_at_the_fix_for_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("bank feed stuck, chase says error 103");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    assert!(has(&out, "points to fix 3"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(2));
    // The fixes before it still come before the walk runs out.
    let mut shown = vec![2];
    while chat.session.current_step().is_some() {
        chat.not_fixed();
        if let Some(step) = chat.session.current_step() {
            shown.push(step.solution);
        }
    }
    shown.sort_unstable();
    assert_eq!(shown, [0, 1, 2, 3]);
    // Each bank error its own fix: 102 the bank's site, 105 reconnecting (the bank changed
    // how it connects).
    for (said, fix) in [
        ("error 102 on bank feed", 1),
        ("bank feed error 105 on my credit card account", 3),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, &format!("points to fix {}", fix + 1)),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.current_step().map(|s| s.solution), Some(fix));
    }
    // A code the article only mentions in passing starts at the first fix as usual.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says 502 bad gateway in firefox");
    assert!(chat.session.attempts.iter().all(|a| a.solution < 2));
}

#[test]
fn filler_is_not_looked_up_and_not_kept_for_staff() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("ok");
    assert!(
        has(&out, "Tell me what's going wrong"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.stage, Stage::Idle);
    // At "Is it one of these?" the list stays the question.
    chat.session.stage = Stage::ChoosingArticle {
        candidates: vec!["login-loop-signed-out".into()],
    };
    for filler in ["wait what", "cool", "hmm?"] {
        let out = chat.say(filler);
        assert!(has(&out, "Which one?"), "{filler}: {}", all_text(&out));
        assert!(
            matches!(&chat.session.stage, Stage::ChoosingArticle { candidates } if candidates == &["login-loop-signed-out"]),
            "{filler}"
        );
    }
    assert!(
        chat.session.descriptions.is_empty(),
        "{:?}",
        chat.session.descriptions
    );
}

#[test]
fn filler_mid_walk_keeps_the_question_and_records_nothing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is not updating in chrome");
    let step = chat.session.current_step().expect("a fix is open");
    for (filler, lead) in [
        ("hmm", "Take your time. Did"),
        ("ok", "Take your time. Did"),
        // ("wait" is a pause, as "one sec" is: twenty-fourth session.)
        ("wait", "Take your time. Did"),
    ] {
        let out = chat.say(filler);
        assert!(has(&out, lead), "{filler}: {}", all_text(&out));
        assert!(!has(&out, "Noted"), "{filler}: {}", all_text(&out));
        assert_eq!(chat.session.current_step(), Some(step), "{filler}");
    }
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );
    assert!(chat.session.asides.is_empty(), "{:?}", chat.session.asides);
}

#[test]
fn praise_after_a_fix_keeps_the_fix() {
    let kb = shipped_kb();
    for praise in [
        "perfect, works great",
        "all good now thanks",
        "yep working fine now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed is not updating in chrome");
        chat.fixed();
        let out = chat.say(praise);
        assert!(has(&out, "Good to hear"), "{praise}: {}", all_text(&out));
        assert!(
            matches!(chat.session.stage, Stage::Fixed { .. }),
            "{praise}: {:?}",
            chat.session.stage
        );
        assert_eq!(chat.session.descriptions.len(), 1, "{praise}");
    }
}

#[test]
fn a_number_with_no_list_open_is_not_looked_up() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("5");
    assert!(has(&out, "no choice 5 open"), "{}", all_text(&out));
    assert_eq!(chat.session.stage, Stage::Idle);
    assert!(chat.session.descriptions.is_empty());
    // A three-digit code is a description ("502").
    let out = chat.say("502");
    assert!(!has(&out, "no choice"), "{}", all_text(&out));
    // In chat, at "Is it one of these?", a number picks from the list.
    let mut chat = Chat::new(&kb);
    chat.session.stage = Stage::ChoosingArticle {
        candidates: vec!["login-loop-signed-out".into(), "page-not-loading".into()],
    };
    chat.say("2");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
}

#[test]
fn a_computer_or_phone_answers_which_safari() {
    let kb = shipped_kb();
    for (said, safari) in [
        ("laptop", Browser::SafariMac),
        ("my computer", Browser::SafariMac),
        ("my phone", Browser::SafariIos),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks page is blank and not loading in safari");
        assert!(chat.session.safari_unsure, "{said}");
        chat.say(said);
        assert_eq!(chat.session.browser, Some(safari), "{said}");
        assert!(chat.session.current_step().is_some(), "{said}");
    }
}

#[test]
fn a_bare_yes_answers_the_question_asked_never_a_fix_it_was_not_asked_about() {
    let kb = shipped_kb();
    // "Keep going or switch?": a yes or no answers neither, so it is asked again; words pick.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page stuck spinning forever in chrome");
    let out = chat.say("also my bank feed stopped syncing");
    assert!(
        has(&out, "sounds like a different problem"),
        "{}",
        all_text(&out)
    );
    for bare in ["yes", "no"] {
        let out = chat.say(bare);
        assert!(
            has(&out, "Which one: keep going with"),
            "{bare}: {}",
            all_text(&out)
        );
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "{bare}: {:?}",
            chat.session.attempts
        );
    }
    chat.say("switch pls");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page stuck spinning forever in chrome");
    chat.say("also my bank feed stopped syncing");
    chat.say("no, switch");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::NotFixed))
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page stuck spinning forever in chrome");
    chat.say("also my bank feed stopped syncing");
    chat.say("keep going");
    assert_eq!(chat.session.article(), Some("page-not-loading"));

    // "Yep, that's it" when the article is shown: the article is right, the fix still to try.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page stuck spinning forever in chrome");
    let out = chat.say("yep, that's it");
    assert!(has(&out, "that's the one"), "{}", all_text(&out));
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );

    // "Shall I note ... as what fixed it?" - "no": nothing recorded either way.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page stuck spinning forever in chrome");
    let out = chat.say("thanks, cleared everything and now it works perfectly on this computer");
    assert!(has(&out, "as what fixed it?"), "{}", all_text(&out));
    let out = chat.say("no");
    assert!(has(&out, "haven't noted anything"), "{}", all_text(&out));
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );
    // ... and "yes" to it records the fix.
    chat.say("thanks, cleared everything and now it works perfectly on this computer");
    chat.say("yes");
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));

    // "I can hand this to a person" - "yes please" hands over; "go ahead" too.
    for yes in ["yes please", "go ahead", "sure"] {
        let mut chat = Chat::new(&kb);
        let out = chat.say("xyzzy frobnicator broken");
        assert!(has(&out, "hand this to a person"), "{}", all_text(&out));
        let out = chat.say(yes);
        assert_eq!(
            out.effects,
            vec![Effect::Escalate { note: None }],
            "{yes}: {}",
            all_text(&out)
        );
    }
}

#[test]
fn a_reply_that_cannot_tell_yet_records_nothing() {
    let kb = shipped_kb();
    for unsure in [
        "I'm not sure",
        "not sure if it fixed it",
        "idk yet",
        "no it works",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed is not updating in chrome");
        let step = chat.session.current_step();
        chat.say(unsure);
        assert_eq!(chat.session.current_step(), step, "{unsure}");
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "{unsure}: {:?}",
            chat.session.attempts
        );
    }
    // Said with "still broken" it is an answer.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is not updating in chrome");
    chat.say("not sure, still broken");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
}

#[test]
fn a_browser_without_steps_of_its_own_gets_the_general_ones() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks online says 502 bad gateway");
    assert!(browser_question(&out).is_some(), "{}", all_text(&out));
    chat.say("duckduckgo");
    assert!(chat.session.other_browser);
    assert!(chat.session.current_step().is_some());
    // Brave is built on Chrome: Chrome's steps, and the user told why they read "Chrome".
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway");
    let out = chat.say("brave");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert!(!chat.session.other_browser);
    assert!(
        has(&out, "Brave is built on Chrome") && has(&out, "not Chrome"),
        "{}",
        all_text(&out)
    );
    // Where it works, from a Chrome user: noted, no notice and no fix.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let out = chat.say("ok it works in vivaldi");
    assert!(has(&out, "it works there (vivaldi)"), "{}", all_text(&out));
    assert!(!has(&out, "built on"), "{}", all_text(&out));
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    // Said mid-walk of a Chrome user: the same steps, and why.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let step = chat.session.current_step();
    let out = chat.say("im on opera now");
    assert!(has(&out, "Opera is built on Chrome"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), step);
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| !matches!(a.outcome, Some(Outcome::Fixed | Outcome::NotFixed))),
        "{:?}",
        chat.session.attempts
    );
    // Not knowing is first told how to tell, and the question stays open; not knowing again
    // gets the general steps. "google" is Chrome.
    for said in ["idk", "no idea", "nope"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online says 502 bad gateway");
        let out = chat.say(said);
        assert!(has(&out, "How to tell"), "{said}: {}", all_text(&out));
        assert!(
            browser_question(&out).is_some(),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.current_step(), None, "{said}");
        // Knowing now: the browser named.
        let mut knows = Chat::new(&kb);
        knows.say("quickbooks online says 502 bad gateway");
        knows.say(said);
        knows.say("oh it's firefox");
        assert_eq!(knows.session.browser, Some(Browser::Firefox), "{said}");
        // Or by the icon the help describes.
        let mut icon = Chat::new(&kb);
        icon.say("quickbooks online says 502 bad gateway");
        icon.say(said);
        icon.say("the blue e one");
        assert_eq!(icon.session.browser, Some(Browser::Edge), "{said}");
    }
    for (said, browser) in [
        ("idk", None),
        ("still no idea", None),
        ("google", Some(Browser::Chrome)),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online says 502 bad gateway");
        if browser.is_none() {
            chat.say("not sure");
        }
        chat.say(said);
        assert_eq!(chat.session.browser, browser, "{said}");
        assert_eq!(chat.session.other_browser, browser.is_none(), "{said}");
        assert!(chat.session.current_step().is_some(), "{said}");
    }
}

/// Not knowing the browser twice at an article whose every fix has steps for particular
/// browsers only: no "That was the last fix I have" (none was shown), but what is missing,
/// with the browsers to pick from; picking one brings the first fix back.
#[test]
fn every_fix_skipped_for_want_of_a_browser_offers_the_browsers_not_the_last_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("how do i clear cache and cookies for quickbooks");
    chat.say("idk");
    let out = chat.say("idk");
    let text = all_text(&out);
    assert!(!text.contains("That was the last fix"), "{text}");
    assert!(
        has(
            &out,
            "Every fix I have for **Corrupt Browser Cache or Cookies**"
        ),
        "{text}"
    );
    let last = out.replies.last().unwrap();
    let picks: Vec<&Action> = last.choices.iter().map(|c| &c.action).collect();
    assert_eq!(picks[0], &Action::Escalate, "{picks:?}");
    assert!(
        picks.contains(&&Action::Browser(Some(Browser::Firefox))),
        "{picks:?}"
    );
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome == Some(Outcome::Skipped))
    );
    chat.act(Action::Browser(Some(Browser::Firefox)));
    assert_eq!(chat.session.browser, Some(Browser::Firefox));
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(0));
}

/// Found by a reviewer (thirtieth session): a user who said "safari" and then could not say
/// which was offered every browser at "Out of fixes", Internet Explorer included (its step
/// was skipped as "not for Safari").
#[test]
fn out_of_fixes_after_safari_offers_only_the_safaris() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    for said in [
        "I get QuickBooks error 502 bad gateway",
        "safari",
        "didnt work",
        "didnt work",
        "idk",
        "idk",
    ] {
        chat.say(said);
    }
    let out = chat.say("didnt work");
    let last = out.replies.last().unwrap();
    let browsers: Vec<&Action> = last
        .choices
        .iter()
        .map(|c| &c.action)
        .filter(|a| matches!(a, Action::Browser(_)))
        .collect();
    assert_eq!(
        browsers,
        [
            &Action::Browser(Some(Browser::SafariMac)),
            &Action::Browser(Some(Browser::SafariIos))
        ],
        "{}",
        all_text(&out)
    );
}

/// Found by a reviewer (thirtieth session): "doesn't apply" on the last fix said "Let's try
/// the next one" before "Out of fixes", which then told the user to "go back" to it.
#[test]
fn a_last_fix_that_does_not_apply_ends_the_fixes_without_a_next_one_or_go_back() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("I get QuickBooks error 502 bad gateway");
    chat.say("chrome");
    for _ in 0..4 {
        chat.say("didnt work");
    }
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Clear the QuickBooks app cache")
    );
    let out = chat.say("i dont use the app, just the website");
    let text = all_text(&out);
    assert!(has(&out, "doesn't apply to you"), "{text}");
    assert!(!text.contains("next one"), "{text}");
    assert!(!text.contains("go back"), "{text}");
    assert!(
        has(&out, "Out of fixes") || text.contains("last fix"),
        "{text}"
    );
}

#[test]
fn an_error_that_still_shows_marks_the_open_fix_failed_and_no_fix_is_shown_twice() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let mut shown = Vec::new();
    let mut note = |chat: &Chat| {
        if let Some(step) = chat.session.current_step() {
            shown.push(step.solution);
        }
    };
    chat.say("bank feed stuck, chase says error 103");
    note(&chat);
    for reply in [
        "no",
        "no",
        "it says error 103 now",
        "now it says error 185",
        "no",
    ] {
        let before = chat.session.current_step();
        chat.say(reply);
        if chat.session.current_step() != before {
            note(&chat);
        }
    }
    let mut unique = shown.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), shown.len(), "a fix shown twice: {shown:?}");
    // The fix open when "it says error 103 now" came is recorded as not fixed.
    let not_fixed = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome == Some(Outcome::NotFixed))
        .count();
    assert_eq!(not_fixed, 4, "{:?}", chat.session.attempts);
}

#[test]
fn a_browser_given_before_any_article_is_remembered() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.act(Action::Browser(Some(Browser::SafariIos)));
    assert!(has(&out, "Safari (iPhone and iPad)"), "{}", all_text(&out));
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    let out = chat.say("quickbooks says 502 bad gateway");
    assert!(browser_question(&out).is_none(), "{}", all_text(&out));
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
}

#[test]
fn a_phone_gets_no_keyboard_shortcuts_and_hears_which_browser_was_assumed() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks page is blank and not loading on my iphone");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    let summary = &out.replies[0];
    let browser = summary
        .fields
        .iter()
        .find(|f| f.name == "Browser")
        .expect("the assumed browser is said");
    assert!(
        browser
            .value
            .contains("Safari (iPhone and iPad), from what you wrote"),
        "{}",
        browser.value
    );
    let q = question(&out);
    assert!(!q.text.contains("Ctrl"), "{}", q.text);
    assert!(!q.text.contains("Cmd+"), "{}", q.text);
    assert!(q.text.contains("tap the reload arrow"), "{}", q.text);
    assert!(q.text.starts_with("1. "), "renumbered: {}", q.text);
    // On a computer the same fix keeps its shortcut.
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks page is blank and not loading in chrome");
    assert!(
        question(&out).text.contains("Ctrl+F5"),
        "{}",
        all_text(&out)
    );
}

#[test]
fn a_bare_check_with_one_service_checks_it_without_asking() {
    let kb = inline_kb().with_targets(vec![target("ledger-api", "Ledger sync API")]);
    let mut chat = Chat::new(&kb);
    for event in [Event::Check { target: None }, Event::Act(Action::Check)] {
        let out = chat.event(event.clone());
        assert_eq!(
            out.effects,
            [Effect::Check {
                targets: vec!["ledger-api".into()],
                lead: false
            }],
            "{event:?}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Which service"), "{}", all_text(&out));
    }
}

/// After three fixes of one article, an off-topic message must not turn the ticket into "No
/// matching article" with matches computed from that message, nor repeat steps.
#[test]
fn the_summary_names_the_article_walked_and_each_step_once() {
    use supportbot::escalation::summary::Summary;
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    for _ in 0..3 {
        chat.not_fixed();
    }
    // A browser change re-shows the open step: still one step in the summary.
    chat.act(Action::Browser(Some(Browser::Firefox)));
    chat.say("thanks for the help so far, what time does your team work");
    let summary = Summary::capture(&chat.session, Some("Page not loading"), None, "rev", 1);
    assert_eq!(
        summary.article.as_ref().map(|(id, _)| id.as_str()),
        Some("page-not-loading"),
        "the article walked, not 'No matching article'"
    );
    assert_eq!(
        summary.matches.first().map(|m| m.id.as_str()),
        Some("page-not-loading"),
        "the matches of the description that was diagnosed"
    );
    let card = summary.card("T-0001");
    assert!(card.title.contains("Page not loading"), "{}", card.title);
    let steps = &card
        .fields
        .iter()
        .find(|(n, _)| n == "Steps tried")
        .expect("steps")
        .1;
    let lines: Vec<&str> = steps.lines().collect();
    let mut numbers: Vec<&str> = lines
        .iter()
        .map(|l| l.split('.').next().unwrap_or(""))
        .collect();
    let shown = numbers.len();
    numbers.dedup();
    assert_eq!(numbers.len(), shown, "each step once: {steps}");
    assert!(steps.contains("did not fix it"), "{steps}");
}

/// A detail about the problem being walked continues the walk; a fix already marked not fixed is
/// never shown again, even when the article is opened again.
#[test]
fn more_about_the_same_problem_carries_on_and_never_repeats_a_failed_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    let out = chat.not_fixed();
    // The second step is a test ("try a private window").
    assert_test_step(&out, 2, question_total(&out), &question_title(&out));
    // "Still blank" with no word of the private window says nothing of the test (a black-box
    // tester found such replies recorded as "fails there too"): kept, the test still open.
    let out = chat.say("the quickbooks page is still blank and not loading at all");
    assert!(has(&out, "Does it work in the test"), "{}", all_text(&out));
    // Its answer moves the walk on, past the fixes the test rules out (extensions, cache) to
    // the connection check.
    let out = chat.not_fixed();
    let q = question(&out);
    assert!(
        q.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Solution 5 of")),
        "carries on after the open step, never at Solution 1: {}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.descriptions.len(),
        2,
        "the detail is kept for staff"
    );
    // Opening the article again skips the fixes that did not work, and those the test ruled
    // out.
    let out = chat.event(Event::Open {
        article: "page-not-loading".into(),
        browser: None,
    });
    let q = question(&out);
    assert!(
        q.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Solution 5 of")),
        "{}",
        all_text(&out)
    );
}

fn question_title(out: &Output) -> String {
    let t = question(out).title.clone().unwrap_or_default();
    t.split_once(": ").map(|(_, t)| t.to_string()).unwrap_or(t)
}

fn question_total(out: &Output) -> usize {
    let t = question(out).title.clone().unwrap_or_default();
    t.split(" of ")
        .nth(1)
        .and_then(|r| r.split([':', ' ']).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// "It says error 103 now" goes to the fix that names error 103, never back to Solution 1;
/// a browser remark only changes the browser.
#[test]
fn a_detail_goes_to_the_fix_it_points_to_and_a_browser_remark_only_changes_the_browser() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("my bank feed stopped updating in chrome");
    assert_solution(&out, 1, question_total(&out), &question_title(&out));
    let out = chat.say("it says error 103 now");
    assert!(has(&out, "That points to fix 3"), "{}", all_text(&out));
    assert!(
        question(&out)
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Solution 3 of") && t.contains("sign-in")),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.descriptions.len(),
        2,
        "the detail is kept for staff"
    );
    let out = chat.say("actually i switched to my laptop, using firefox now");
    assert_eq!(chat.session.browser, Some(Browser::Firefox));
    assert!(
        has(&out, "Switched to Firefox"),
        "the change is said, not only applied: {}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    // The fix on screen reads the same in Firefox: asked again, not shown again.
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(2));
    assert!(
        has(&out, "The steps above are the same in Firefox")
            && has(&out, "Did **Update the bank sign-in details** fix it?")
            && !has(&out, "Solution 3 of"),
        "{}",
        all_text(&out)
    );
    assert!(matches!(
        question(&out).choices[0].action,
        Action::Fixed(s) if s.solution == 2
    ));
    // The fix jumped over is still offered before the end.
    chat.not_fixed();
    let mut shown = Vec::new();
    while let Some(step) = chat.session.current_step() {
        shown.push(step.solution);
        chat.act(Action::NotFixed(step));
    }
    assert!(
        shown.contains(&1),
        "solution 2 was never offered: {shown:?}"
    );
}

#[test]
fn a_fix_said_to_be_tried_already_is_ruled_out_not_jumped_to() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks desktop company file wont open error H202");
    // Asking about a fix says nothing was done: the question stays as it was.
    let out = chat.say("should i run the file doctor?");
    assert!(!has(&out, "won't suggest it again"), "{}", all_text(&out));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );
    let out = chat.say("ran file doctor already, no change");
    assert!(
        has(
            &out,
            "Run QuickBooks File Doctor from the Tool Hub** didn't fix it either"
        ),
        "{}",
        all_text(&out)
    );
    // The fix on screen is still the question, unanswered.
    assert_eq!(chat.session.current_step().unwrap().solution, 0);
    let out = chat.not_fixed();
    assert_solution(&out, 3, 5, "Check hosting and the Database Server Manager");
    let file_doctor: Vec<_> = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.solution == 1)
        .map(|a| a.outcome)
        .collect();
    assert_eq!(file_doctor, [Some(Outcome::NotFixed)]);
}

#[test]
fn a_thumbs_up_alone_is_asked_about_then_a_yes_records_the_fix() {
    let kb = shipped_kb();
    for cheer in ["👍", "✅", "🎉🎉"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks keeps showing a blank page on my iphone");
        let out = chat.say(cheer);
        assert!(has(&out, "Shall I note"), "{cheer}: {}", all_text(&out));
        assert_eq!(chat.session.attempts.last().unwrap().outcome, None);
        chat.say("yes");
        assert_eq!(
            chat.session.attempts.last().unwrap().outcome,
            Some(Outcome::Fixed),
            "{cheer}"
        );
    }
}

#[test]
fn the_fixed_problem_described_again_is_the_fix_taken_back_not_a_restart() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps showing a blank page on my iphone");
    chat.say("yes!! 🎉");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::Fixed));
    let out = chat.say("wait no its blank again");
    assert!(has(&out, "it's back"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
    assert_test_step(&out, 2, 5, "Try a private window");
}

/// Each step shown so far, by title, with its outcome.
fn steps_and_outcomes<'c>(chat: &'c Chat) -> Vec<(&'c str, Option<Outcome>)> {
    chat.session
        .attempts
        .iter()
        .map(|a| (a.title.as_str(), a.outcome))
        .collect()
}

/// The sync article with `edit` applied, as an admin's save would reload it.
fn sync_kb_edited(edit: impl Fn(&str) -> String) -> KnowledgeBase {
    let sync = edit(SYNC);
    from_sources([("articles/sync-error.md", "sync-error", sync.as_bytes())])
        .expect("the edited article is valid")
}

#[test]
fn an_article_edited_under_the_walk_keeps_the_fix_on_screen_and_shows_none_twice() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    chat.not_fixed();
    // "Clear the site data" (solution 2) is on screen, its button made before the edit.
    let step = chat.session.current_step().unwrap();
    assert_eq!(step.solution, 1);

    // A new solution goes in first: every solution after it moves one place down.
    let inserted = sync_kb_edited(|s| {
        s.replace(
            "## Solution: Restart the app",
            "## Solution: Check the clock\n1. Set the clock.\n\n## Solution: Restart the app",
        )
    });
    chat.kb = &inserted;
    let out = chat.act(Action::NotFixed(step));
    assert!(!has(&out, "earlier step"), "{}", all_text(&out));
    assert_solution(&out, 5, 6, "Reset the connection");
    assert_eq!(
        steps_and_outcomes(&chat),
        [
            ("Restart the app", Some(Outcome::NotFixed)),
            ("Clear the site data", Some(Outcome::NotFixed)),
            ("Allow pop-ups", Some(Outcome::Skipped)),
            ("Reset the connection", None),
        ]
    );
    assert_eq!(chat.session.attempts[1].solution, 2, "moved with its title");

    // The fix on screen is removed: left unanswered, and the one now in its place is next.
    let removed = sync_kb_edited(|s| {
        let start = s.find("## Solution: Reset the connection").unwrap();
        let end = s.find("## Solution: Reinstall the connector").unwrap();
        format!("{}{}", &s[..start], &s[end..])
    });
    chat.kb = &removed;
    let out = chat.say("still broken");
    assert_solution(&out, 4, 4, "Reinstall the connector");
    assert_eq!(chat.session.attempts[3].outcome, Some(Outcome::NoAnswer));
}

#[test]
fn a_fix_retried_many_times_failed_and_the_next_fix_is_no_pointed_one() {
    let kb = shipped_kb();
    for said in ["retried like 10 times", "did ctrl f5 nothing"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks keeps showing a blank page in chrome");
        let out = chat.say(said);
        assert_eq!(
            chat.session.attempts[0].outcome,
            Some(Outcome::NotFixed),
            "{said}"
        );
        assert!(!has(&out, "points to fix"), "{said}: {}", all_text(&out));
        assert_test_step(&out, 2, 5, "Try a private window");
    }
}

#[test]
fn no_ctrl_key_on_an_ipad_shows_the_tap_again_and_skips_nothing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps showing a blank page");
    let out = chat.say("there is no ctrl key on my ipad");
    assert!(has(&out, "You don't need a keyboard"), "{}", all_text(&out));
    assert!(has(&out, "tap the reload arrow"), "{}", all_text(&out));
    assert_solution(&out, 1, 5, "Reload the page fully");
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::CouldNotTry)),
        "{:?}",
        chat.session.attempts
    );
    // On a computer it is a step the user could not do, as before.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps showing a blank page in chrome");
    let out = chat.say("my keyboard has no f5 key");
    assert!(
        !has(&out, "You don't need a keyboard"),
        "{}",
        all_text(&out)
    );
}

#[test]
fn a_question_about_a_fix_still_to_come_is_answered_from_the_faq() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps showing a blank page in chrome");
    let out = chat.say("will clearing cookies delete my invoices?");
    assert!(
        has(&out, "Will clearing the cache delete my QuickBooks data?"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "can't help with that"), "{}", all_text(&out));
    assert_eq!(
        chat.session.attempts[0].outcome, None,
        "the fix on screen stays open"
    );
}

#[test]
fn works_on_the_home_wifi_answers_the_network_test_and_what_to_tell_it_is_answered() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load at the office, firewall maybe");
    chat.say("it works on my home wifi but not at the office");
    assert_eq!(
        chat.session.attempts[0].outcome,
        Some(Outcome::WorksThere),
        "{:?}",
        chat.session.attempts
    );
    let out = chat.say("what do i tell IT?");
    assert!(
        has(&out, "What should I tell my IT team?"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "can't help with that"), "{}", all_text(&out));
}

#[test]
fn a_long_question_that_only_asks_if_it_is_down_is_checked() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("is quickbooks down for everyone? nobody in our office can get in");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Check { targets, .. }] if !targets.is_empty()),
        "{out:?}"
    );
    // A problem told beside the question is still walked after the check.
    let mut chat = Chat::new(&kb);
    chat.say("is quickbooks down? i just get a blank page");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
}

#[test]
fn an_article_for_the_other_quickbooks_says_so_when_it_opens() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("payroll wont update in quickbooks online");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    let product = out
        .replies
        .iter()
        .flat_map(|r| &r.fields)
        .find(|f| f.name == "Product")
        .map(|f| f.value.clone());
    assert!(
        product
            .as_deref()
            .is_some_and(|p| p.contains("written for QuickBooks Desktop")),
        "{product:?}"
    );
    // The product the article is for: nothing to say.
    let mut chat = Chat::new(&kb);
    let out = chat.say("payroll wont update in quickbooks desktop");
    assert!(
        out.replies
            .iter()
            .flat_map(|r| &r.fields)
            .all(|f| f.name != "Product")
    );
}

#[test]
fn an_article_file_renamed_under_the_walk_is_followed_by_its_title() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    let step = chat.session.current_step().unwrap();
    // The admin renames sync-error.md to ledger-sync.md: a new id, the same article.
    let sync = SYNC.replace(r#"id = "sync-error""#, r#"id = "ledger-sync""#);
    let renamed = from_sources([("articles/ledger-sync.md", "ledger-sync", sync.as_bytes())])
        .expect("the renamed article is valid");
    chat.kb = &renamed;
    let out = chat.act(Action::NotFixed(step));
    assert!(!has(&out, "earlier step"), "{}", all_text(&out));
    assert!(!has(&out, "took"), "{}", all_text(&out));
    assert_solution(&out, 2, 5, "Clear the site data");
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.article == "ledger-sync")
    );
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
}

#[test]
fn a_step_renamed_under_the_walk_is_still_the_step_on_screen() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    chat.not_fixed();
    let step = chat.session.current_step().unwrap();
    let renamed = sync_kb_edited(|s| {
        s.replace(
            "## Solution: Clear the site data",
            "## Solution: Clear the ledger's site data",
        )
    });
    chat.kb = &renamed;
    let out = chat.act(Action::NotFixed(step));
    assert!(!has(&out, "earlier step"), "{}", all_text(&out));
    assert_eq!(
        steps_and_outcomes(&chat),
        [
            ("Restart the app", Some(Outcome::NotFixed)),
            ("Clear the ledger's site data", Some(Outcome::NotFixed)),
            ("Allow pop-ups", Some(Outcome::Skipped)),
            ("Reset the connection", None),
        ]
    );

    // Renamed and rewritten is another step: the one on screen was taken out.
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    let rewritten = sync_kb_edited(|s| {
        s.replace(
            "## Solution: Restart the app\n1. Close every ledger tab.",
            "## Solution: Restart the ledger\n1. Close every ledger window.",
        )
    });
    assert!(rewritten.get("sync-error").unwrap().solutions[0].title == "Restart the ledger");
    chat.kb = &rewritten;
    chat.say("still broken");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NoAnswer));

    // Its button pressed after the edit: said so, not called an earlier step.
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    let step = chat.session.current_step().unwrap();
    chat.kb = &rewritten;
    let out = chat.act(Action::NotFixed(step));
    assert!(has(&out, "took that step out"), "{}", all_text(&out));
    assert!(!has(&out, "earlier step"), "{}", all_text(&out));
    assert_solution(&out, 1, 5, "Restart the ledger");
}

/// A test's answer ("it works there") given as its article is taken out is where the trouble
/// is, never a fix: not told as one, not recorded as one (stats and the ticket read outcomes).
#[test]
fn a_test_answered_as_its_article_is_removed_is_no_fix() {
    let kb = shipped_kb();
    let without: Vec<(String, String, Vec<u8>)> =
        std::fs::read_dir(shipped_knowledge().join("articles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.ends_with("login-loop-signed-out.md"))
            .map(|p| {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                (
                    format!("articles/{stem}.md"),
                    stem,
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
    let endpoints = std::fs::read(shipped_knowledge().join("endpoints.toml")).unwrap();
    let removed = supportbot::knowledge::load::from_files(
        without
            .iter()
            .map(|(n, s, b)| (n.as_str(), s.as_str(), b.as_slice())),
        Some(("endpoints.toml", endpoints.as_slice())),
    )
    .expect("the others are valid");
    for answer in ["it works there", "yes"] {
        let mut chat = Chat::new(&kb);
        chat.say("login keeps kicking me out in chrome");
        chat.say("still broken");
        let open = chat.session.attempts.last().unwrap();
        assert!(open.test && open.outcome.is_none(), "at the test: {open:?}");
        chat.kb = &removed;
        let out = chat.say(answer);
        assert!(!has(&out, "fixed it"), "{answer}: {}", all_text(&out));
        assert!(has(&out, "it works there"), "{answer}: {}", all_text(&out));
        assert!(!chat.recorded(Outcome::Fixed), "{answer}");
        assert_eq!(
            chat.session.attempts.last().unwrap().outcome,
            Some(Outcome::WorksThere)
        );
        assert_eq!(chat.session.stage, Stage::Idle);
        assert!(actions(&out).contains(&Action::Escalate), "{answer}");
    }
}

#[test]
fn an_article_removed_under_the_walk_is_told_and_the_answer_on_screen_kept() {
    let kb = inline_kb();
    let only_printer = from_sources([(
        "articles/printer-offline.md",
        "printer-offline",
        PRINTER.as_bytes(),
    )])
    .expect("the printer article is valid");

    // Typed "still broken": noted for the step the user saw, a person offered.
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    chat.kb = &only_printer;
    let out = chat.say("still broken");
    assert!(
        has(&out, "took **Ledger sync error E42** out"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "didn't fix it"), "{}", all_text(&out));
    assert!(
        actions(&out).contains(&Action::Escalate),
        "{:?}",
        actions(&out)
    );
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
    assert_eq!(chat.session.stage, Stage::Idle);
    // "yes please" then takes the person offered (found by a helper in the thirty-fourth
    // session: it started over).
    let mut yes = Chat::new(&kb);
    yes.say("ledger sync error E42 in chrome");
    yes.kb = &only_printer;
    yes.say("still broken");
    let out = yes.say("yes please");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
    // The ticket still names the article the user walked, by the title they saw.
    let summary =
        supportbot::escalation::summary::Summary::capture(&chat.session, None, None, "rev", 1);
    let (id, title) = summary.article.clone().unwrap();
    assert_eq!(
        (id.as_str(), title.as_str()),
        ("sync-error", "Ledger sync error E42")
    );

    // Its button pressed before the edit: the fix is recorded, not refused as outdated.
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    let step = chat.session.current_step().unwrap();
    chat.kb = &only_printer;
    let out = chat.act(Action::Fixed(step));
    assert!(!has(&out, "earlier step"), "{}", all_text(&out));
    assert!(has(&out, "fixed it: that's noted"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::Fixed));

    // A person asked for on the removed article: handed over as ever.
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    chat.kb = &only_printer;
    let out = chat.act(Action::Escalate);
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{out:?}"
    );

    // A new description is told too, and matched afresh.
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    chat.kb = &only_printer;
    let out = chat.say("my printer shows as offline and print jobs stay in the queue");
    assert!(
        has(&out, "took **Ledger sync error E42** out"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "Printer shows as offline"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NoAnswer));
}

#[test]
fn the_problems_own_words_name_no_fix_and_a_reason_is_no_relapse() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed stopped syncing");
    chat.not_fixed();
    // "bank feed" is the problem, not fix 1's title ("Update the bank feed manually").
    let out = chat.say("checked, the bank feed still isn't updating");
    assert!(!has(&out, "didn't fix it either"), "{}", all_text(&out));
    let first: Vec<_> = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.solution == 0)
        .collect();
    assert_eq!(first.len(), 1, "{:?}", chat.session.attempts);

    // After a fix, saying why it happened is no sign it came back.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps showing a blank page in chrome");
    chat.fixed();
    chat.say("ok so the cache was causing the blank page");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::Fixed));
}

#[test]
fn a_fixed_step_removed_from_the_article_leaves_the_next_fix_in_its_place() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("ledger sync error E42 in chrome");
    chat.fixed();
    let removed = sync_kb_edited(|s| {
        s.replace(
            "## Solution: Restart the app\n1. Close every ledger tab.\n2. Open the ledger again.\n\n",
            "",
        )
    });
    chat.kb = &removed;
    let out = chat.say("it came back");
    assert_solution(&out, 1, 4, "Clear the site data");
}

#[test]
fn a_hand_over_keeps_the_fix_a_conversation_showed_before() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks error 502 bad gateway in chrome");
    let shown = chat.session.attempts.len();
    chat.event(Event::HandOver {
        text: "is it down for everyone?".into(),
        browser: None,
        note: None,
        query: None,
    });
    assert_eq!(
        chat.session.attempts.len(),
        shown,
        "{:?}",
        chat.session.attempts
    );
}

/// The browsers offered, as the open question lists them.
fn offered_browsers(out: &Output) -> Vec<Browser> {
    actions(out)
        .into_iter()
        .filter_map(|a| match a {
            Action::Browser(Some(b)) => Some(b),
            _ => None,
        })
        .collect()
}

#[test]
fn a_phone_is_offered_only_its_browsers_and_a_new_device_asks_again() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    // (Not the 502 article: its first step, for Internet Explorer only, is skipped on a phone
    // without asking.)
    let out = chat
        .say("quickbooks shows an old page and broken layout, i think its the cache. on my phone");
    let first = offered_browsers(&out);
    assert!(!first.is_empty(), "{}", all_text(&out));
    assert!(
        !first.contains(&Browser::SafariMac) && !first.contains(&Browser::Ie),
        "{first:?}"
    );
    // The device, where the browser was asked: asked again among Android's browsers.
    let out = chat.say("android");
    assert!(
        has(&out, "Which browser do you use on it?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        offered_browsers(&out),
        [Browser::Chrome, Browser::Firefox, Browser::Edge]
    );

    // Safari on an iPhone, then "now on my android": the failure is kept, the browser asked.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps showing a blank page on my iphone");
    let out = chat.say("didnt work, now on my android");
    assert!(has(&out, "you're on a new device"), "{}", all_text(&out));
    assert_eq!(chat.session.browser, None);
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
    assert!(!offered_browsers(&out).contains(&Browser::SafariIos));
}

#[test]
fn quickbooks_desktop_steps_are_for_the_computer_whatever_the_user_chats_from() {
    let kb = shipped_kb();
    // QuickBooks Desktop runs on no iPad: its steps are done on the computer, neither skipped
    // nor reworded for the tablet, and the user is told so once.
    for first in [
        "quickbooks payroll wont update on my ipad",
        "im on my iphone, quickbooks desktop wont open my company file",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(first);
        let fields: Vec<String> = out.replies[0]
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.name, f.value))
            .collect();
        assert!(
            fields.iter().any(|f| f.starts_with("Device: ")
                && f.contains("do these steps on the computer that runs QuickBooks Desktop")),
            "{first}: {fields:?}"
        );
        assert!(
            !fields.iter().any(|f| f.starts_with("Browser: ")),
            "{first}: {fields:?}"
        );
        let mut said = all_text(&out);
        while chat.session.current_step().is_some() {
            said.push_str(&all_text(&chat.not_fixed()));
        }
        assert!(!said.contains("Skipped solution"), "{first}: {said}");
        assert!(!said.contains("Tap "), "{first}: {said}");
        assert!(
            said.contains("File Explorer") || said.contains("File Doctor"),
            "{first}: {said}"
        );
    }

    let mut chat = Chat::new(&kb);
    let out = chat.say("blank white page using chrome on my iphone");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert!(has(&out, "tap the reload arrow"), "{}", all_text(&out));
}

#[test]
fn a_first_message_that_only_says_where_asks_what_is_wrong_and_keeps_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("hi, I use safari on my ipad");
    assert!(
        has(&out, "Noted: Safari (iPhone and iPad). What's the problem?"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "I don't know this one"), "{}", all_text(&out));
    chat.say("my bank feed stopped syncing");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
}

/// "Try a private window" tells where the trouble is; it fixes nothing. "It works there" (the
/// button, or said outright, even as "yes that fixed it") is recorded as a test result, never
/// as a fix, and the walk goes on to the step the test points at.
#[test]
fn a_test_that_works_is_no_fix_and_the_walk_goes_on() {
    let kb = shipped_kb();
    for answer in ["button", "it works in incognito", "yes!! that fixed it"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks page is blank and not loading in chrome");
        let out = chat.not_fixed();
        assert_test_step(&out, 2, 5, "Try a private window");
        let out = if answer == "button" {
            chat.fixed()
        } else {
            chat.say(answer)
        };
        assert!(
            has(&out, "a test, not a fix"),
            "{answer}: {}",
            all_text(&out)
        );
        assert_eq!(
            chat.session.attempts[1].outcome,
            Some(Outcome::WorksThere),
            "{answer}"
        );
        assert!(
            !matches!(chat.session.stage, Stage::Fixed { .. }),
            "{answer}: the problem is not fixed"
        );
        assert_solution(&out, 3, 5, "Turn off browser extensions");
    }
}

/// "Fails there too" is the test's other answer: recorded as such (not as a failed fix), and
/// the test is never shown again.
#[test]
fn a_test_that_fails_too_is_recorded_as_such_and_not_shown_again() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let out = chat.say("nope, same in the private window");
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::FailsThere));
    assert_solution(&out, 5, 5, "Check the connection and the service");
    let out = chat.not_fixed();
    assert!(
        !all_text(&out).contains("Try a private window"),
        "{}",
        all_text(&out)
    );
}

/// Asked again in one line (after an aside), a test keeps its own question.
#[test]
fn a_test_asked_again_asks_whether_it_works_there() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let out = chat.say("hmm let me see");
    let text = all_text(&out);
    assert!(
        text.contains("Does it work in the test (**Try a private window**)?")
            || text.contains("Does it work there?"),
        "{text}"
    );
    assert!(!text.contains("fix it?"), "{text}");
}

/// More ways a test is answered: a cheer, the answer before the browser is known, a new
/// problem beside it, a test said to be done already, or not tried at all.
#[test]
fn a_test_is_answered_in_the_users_words_and_never_becomes_a_fix() {
    let kb = shipped_kb();
    let blank = "quickbooks page is blank and not loading in chrome";
    // "👍": it works there; nothing to confirm, as nothing is credited.
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.not_fixed();
    let out = chat.say("👍");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::WorksThere));

    // Not tried: the test stays open; not possible: skipped, never "fails there too".
    for (said, outcome) in [
        ("didnt try", None),
        (
            "i cant turn it off, IT controls it",
            Some(Outcome::CouldNotTry),
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(blank);
        chat.not_fixed();
        chat.say(said);
        assert_eq!(chat.session.attempts[1].outcome, outcome, "{said}");
        // "turn it off" names no other step: "Turn off browser extensions" is still to try.
        assert!(
            chat.session
                .attempts
                .iter()
                .all(|a| a.title != "Turn off browser extensions" || a.outcome.is_none()),
            "{said}: {:?}",
            chat.session.attempts
        );
    }

    // "i cant turn off the vpn" at the VPN test is that test, not "turn off security software".
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks fails at the office, we use a vpn, chrome");
    chat.say("i cant turn off the vpn, IT controls it");
    let vpn = &chat.session.attempts[0];
    assert_eq!(
        (vpn.title.as_str(), vpn.outcome),
        (
            "Try without the VPN and on another network",
            Some(Outcome::CouldNotTry)
        ),
        "{:?}",
        chat.session.attempts
    );

    // "it works in a private window, but now my bank feed is not updating": the test is
    // answered and the bank feed is diagnosed, not read as "still broken".
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.not_fixed();
    let out = chat
        .say("it works in a private window, but now my bank feed stopped updating transactions");
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::WorksThere));
    assert!(has(&out, "a test, not a fix"), "{}", all_text(&out));
    assert_eq!(
        chat.session.article(),
        Some("bank-feed-not-updating"),
        "{}",
        all_text(&out)
    );

    // At "which browser?" for the test: "it works in a private window" answers the test.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading");
    let out = chat.not_fixed();
    assert!(browser_question(&out).is_some(), "{}", all_text(&out));
    let out = chat.say("it works in a private window");
    assert!(
        !matches!(chat.session.stage, Stage::Fixed { .. }),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::WorksThere));
    assert!(has(&out, "a test, not a fix"), "{}", all_text(&out));
    // "it works there" names no test the user saw: nothing is recorded for it.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading");
    chat.not_fixed();
    chat.say("it works there");
    assert!(
        !chat.recorded(Outcome::WorksThere),
        "{:?}",
        chat.session.attempts
    );
}

/// "already tried a private window, still blank" on the fix after the test: the test is
/// recorded as failing there too, in words for a test.
#[test]
fn a_test_said_to_be_done_already_is_recorded_as_a_test() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    let out = chat.say("already tried a private window, still blank");
    assert!(!has(&out, "didn't fix it either"), "{}", all_text(&out));
    let test = chat
        .session
        .attempts
        .iter()
        .find(|a| a.title == "Try a private window")
        .expect("the test is recorded");
    assert_eq!(
        test.outcome,
        Some(Outcome::FailsThere),
        "{}",
        all_text(&out)
    );
}

/// "idk" at "which Safari?" is no question about brands: how to tell a Mac from an iPhone,
/// and the Safari question stays (seventeenth session: it went to the general steps at once,
/// skipping fixes that have none). Not knowing again gets the general steps.
#[test]
fn not_knowing_which_safari_gets_no_brand_help() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    // (The 502 article's first step, for Internet Explorer only, is skipped for either Safari:
    // the blank page's reload differs on a Mac and an iPhone.)
    let out = chat.say("quickbooks page is blank in safari");
    assert_says(&out, "Safari on a Mac and on an iPhone");
    let out = chat.say("idk");
    assert!(!has(&out, "How to tell"), "{}", all_text(&out));
    assert!(!has(&out, "No rush"), "{}", all_text(&out));
    assert_says(
        &out,
        "on a phone or tablet, choose Safari (iPhone and iPad)",
    );
    assert!(!chat.session.other_browser, "{}", all_text(&out));
    let out = chat.say("idk");
    assert!(
        chat.session.other_browser,
        "the general steps: {}",
        all_text(&out)
    );
}

/// A test's article says where to go next: "fails there too" in a private window passes over
/// the fixes for the browser profile (extensions, cache), with why, to the connection check.
#[test]
fn a_test_answer_skips_the_steps_it_rules_out() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let out = chat.not_fixed();
    assert!(
        has(
            &out,
            "Skipping **Turn off browser extensions**, **Clear the cache and cookies**"
        ),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 5, 5, "Check the connection and the service");
    let skipped: Vec<&str> = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome == Some(Outcome::RuledOutByTest))
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(
        skipped,
        ["Turn off browser extensions", "Clear the cache and cookies"]
    );
    // Ruled out, they do not come back before "out of fixes".
    let out = chat.not_fixed();
    assert_eq!(
        question(&out).title.as_deref(),
        Some("Out of fixes"),
        "{}",
        all_text(&out)
    );
    // "It works there" goes on in order: the extensions come next.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let out = chat.fixed();
    assert_solution(&out, 3, 5, "Turn off browser extensions");
    // "go to: another article": a cache problem that shows in a private window too is not the
    // cache; no cache step is offered, and the user is asked what they see instead.
    let mut chat = Chat::new(&kb);
    chat.say("i think my browser cache is causing problems in quickbooks, chrome");
    assert_eq!(chat.session.article(), Some("browser-cache-cookies"));
    let out = chat.not_fixed();
    assert!(
        has(
            &out,
            "shows this is not **Corrupt Browser Cache or Cookies**"
        ) && has(&out, "since the trouble stays there too")
            && !has(&out, "on your side"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        question(&out).title.as_deref(),
        Some("Something else, then")
    );
    // "go to: the end": nothing after the test would help; on to the article's end.
    let sync = SYNC.replace(
        "## Solution: Restart the app",
        "## Test: Try another device\nDoes it sync on another device?\n\
         - If it fails there too, go to: the end\n\
         - Also called: another device\n1. Open the ledger on another device.\n\n\
         ## Solution: Restart the app",
    );
    let kb = from_sources([("articles/sync-error.md", "sync-error", sync.as_bytes())])
        .expect("valid with a test");
    let mut chat = Chat::new(&kb);
    let out = chat.say("ledger sync error E42 in firefox");
    assert_test_step(&out, 1, 6, "Try another device");
    let out = chat.not_fixed();
    assert!(
        has(&out, "**Restart the app**, **Clear the site data**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(question(&out).title.as_deref(), Some("Out of fixes"));
}

/// A test's result given in the description ("works in incognito") answers the test: it is
/// recorded, never asked, and what it rules out is skipped as if it had just been answered.
#[test]
fn a_test_result_in_the_description_answers_the_test_before_it_is_asked() {
    let kb = shipped_kb();
    let outcome_of = |chat: &Chat, title: &str| {
        chat.session
            .attempts
            .iter()
            .find(|a| a.title == title)
            .and_then(|a| a.outcome)
    };
    // Works there: noted, the test is not asked, the walk goes on in order without it.
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks page is blank in chrome but it works fine in incognito");
    assert!(
        has(&out, "you said QuickBooks already works in the test"),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 1, 5, "Reload the page fully");
    assert_eq!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::WorksThere)
    );
    let out = chat.not_fixed();
    assert_solution(&out, 3, 5, "Turn off browser extensions");
    // Fails there too: the steps it rules out are skipped; the test's go-to comes next.
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks page stays blank in chrome, even in incognito");
    assert!(
        has(&out, "the problem shows in the test"),
        "{}",
        all_text(&out)
    );
    assert!(
        has(
            &out,
            "Skipping **Turn off browser extensions**, **Clear the cache and cookies**"
        ),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::FailsThere)
    );
    assert_solution(&out, 1, 5, "Reload the page fully");
    let out = chat.not_fixed();
    assert_solution(&out, 5, 5, "Check the connection and the service");
    // Only named, asked about or planned: nothing is taken from it, the test is asked.
    for said in [
        "quickbooks page is blank in chrome, should i try incognito?",
        "quickbooks page is blank in chrome, will try incognito later",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(said);
        assert_eq!(outcome_of(&chat, "Try a private window"), None, "{said}");
        let out = chat.not_fixed();
        assert_test_step(&out, 2, 5, "Try a private window");
    }
    // Told as tried, with no result of its own, in a description of the trouble: it failed
    // there too. At the cache article that rules the cache out, and the user is asked what
    // they see, with the other articles their words ranked.
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "quickbooks wont load at all in chrome, tried clearing cache and cookies and incognito \
         already",
    );
    assert_eq!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::FailsThere),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        question(&out).title.as_deref(),
        Some("Something else, then")
    );
    let offered: Vec<&str> = question(&out)
        .choices
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert!(
        offered.contains(&"QuickBooks Online Page Not Loading (Blank or Spinning Page)"),
        "{offered:?}"
    );
}

/// "How do I open incognito?" mid-walk gets the steps of the step it names (or of the one on
/// screen), for the user's browser, on the side; the open question stays as it was.
#[test]
fn how_to_questions_get_the_named_steps_and_keep_the_question() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let open = chat.session.current_step();
    let out = chat.say("how do I open incognito?");
    assert!(
        has(&out, "How to: Try a private window") && has(&out, "New Incognito window"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step(), open);
    assert!(has(&out, "Does it work in the test"), "{}", all_text(&out));
    assert!(has(&out, "Screen looks different?"), "per-browser steps");
    // Another step named: its steps, for Chrome; the test stays open.
    let out = chat.say("how do i clear the cache?");
    assert!(
        has(&out, "How to: Clear the cache and cookies") && has(&out, "Delete browsing data"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step(), open);
    // Naming nothing: the step on screen.
    let out = chat.say("im not sure how to do that");
    assert!(
        has(&out, "How to: Try a private window"),
        "{}",
        all_text(&out)
    );
    // A how-to about something else is not answered with a step.
    let out = chat.say("how do I export invoices?");
    assert!(!has(&out, "How to:"), "{}", all_text(&out));
    assert!(has(&out, "a person can"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);
    assert_only_answered(&chat, "Reload the page fully");
}

/// Found by an exploratory helper: a test answered in the user's words ("blank there too",
/// "works in incognito but not normal"), a test the user cannot do, and how-to questions on a
/// phone.
#[test]
fn test_answers_in_words_cannot_do_and_how_to_on_a_phone() {
    let kb = shipped_kb();
    let blank = "quickbooks page is blank and not loading in chrome";
    for (said, outcome) in [
        ("blank there too", Some(Outcome::FailsThere)),
        (
            "works in incognito but not normal",
            Some(Outcome::WorksThere),
        ),
        (
            "i cant open incognito, its disabled by IT",
            Some(Outcome::CouldNotTry),
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(blank);
        chat.not_fixed();
        chat.say(said);
        assert_eq!(chat.session.attempts[1].outcome, outcome, "{said}");
        // Only a failure there rules the extensions out.
        let extensions = chat
            .session
            .attempts
            .iter()
            .find(|a| a.title == "Turn off browser extensions")
            .and_then(|a| a.outcome);
        let ruled_out = outcome == Some(Outcome::FailsThere);
        assert_eq!(
            extensions == Some(Outcome::RuledOutByTest),
            ruled_out,
            "{said}: {:?}",
            chat.session.attempts
        );
    }
    // "where do i find that" at the test: that test's steps ("find" names no other step).
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.not_fixed();
    let out = chat.say("where do i find that");
    assert!(
        has(&out, "How to: Try a private window"),
        "{}",
        all_text(&out)
    );
    // On an Android phone: taps, and no extensions menu to show.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading, chrome on my android phone");
    chat.not_fixed();
    let out = chat.say("how do i clear the cache");
    assert!(
        has(&out, "How to: Clear the cache and cookies") && has(&out, "1. Tap \"More\""),
        "{}",
        all_text(&out)
    );
    let out = chat.say("how do i turn off extensions");
    assert!(
        has(&out, "no extensions menu on a phone"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Manage Extensions"), "{}", all_text(&out));
}

/// Two tests that point different ways: "turned off the antivirus and it works" points to
/// allowing QuickBooks in the antivirus, and the VPN test working there later (which goes to
/// the proxy step) does not skip it.
#[test]
fn a_later_test_does_not_skip_the_fix_an_earlier_test_pointed_to() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks connection reset in chrome, turned off the antivirus and it works");
    let out = chat.fixed();
    assert_solution(&out, 4, 4, "Ask IT to allow Intuit through the proxy");
    assert!(!has(&out, "Skipping"), "{}", all_text(&out));
    let out = chat.not_fixed();
    assert_solution(&out, 3, 4, "Allow QuickBooks in the firewall and antivirus");
}

/// "now on my android" mid-walk (Chrome runs there too): the step on screen again, worded for
/// the phone, or skipped saying why; "back on my laptop" words it for a computer again.
#[test]
fn moving_to_another_device_mid_walk_rewords_the_step_on_screen() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let out = chat.say("now on my android");
    assert!(
        has(&out, "you're on an Android phone or tablet now"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "1. Tap \"More\""), "{}", all_text(&out));
    assert_test_step(&out, 2, 5, "Try a private window");
    let out = chat.say("back on my laptop");
    assert!(has(&out, "you're on a computer now"), "{}", all_text(&out));
    assert!(has(&out, "1. Click \"More\""), "{}", all_text(&out));
    assert_test_step(&out, 2, 5, "Try a private window");
    assert_only_answered(&chat, "Reload the page fully");
}

/// Found in review: a result said with a device or a how-to question is not lost.
#[test]
fn a_result_said_beside_a_device_or_a_how_to_is_recorded() {
    let kb = shipped_kb();
    let blank = "quickbooks page is blank and not loading in chrome";
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    let out = chat.say("yes that fixed it, it works now on my laptop");
    assert!(!has(&out, "you're on a computer now"), "{}", all_text(&out));
    // (Long, so confirmed before it is recorded, as any reply that says more than the fix.)
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.say("that didnt work, how do i clear the cache?");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
}

/// Chrome on an Android phone: "Click" reads "Tap", and a step through Chrome's extensions
/// menu (which Chrome has only on a computer) is skipped saying why, and stays skipped to the
/// end of the fixes.
#[test]
fn chrome_on_a_phone_gets_taps_and_no_extensions_menu() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading, chrome on my android phone");
    let out = chat.not_fixed();
    assert_test_step(&out, 2, 5, "Try a private window");
    assert!(has(&out, "1. Tap \"More\""), "{}", all_text(&out));
    assert!(!has(&out, "Click"), "{}", all_text(&out));
    let out = chat.fixed();
    assert!(
        has(&out, "Skipped solution 3 (**Turn off browser extensions**)")
            && has(&out, "only on a computer"),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 4, 5, "Clear the cache and cookies");
    chat.not_fixed();
    let out = chat.not_fixed();
    assert_eq!(
        question(&out).title.as_deref(),
        Some("Out of fixes"),
        "{}",
        all_text(&out)
    );
    // Back on a computer, the step skipped on the phone comes back (and "back on" is no fix).
    let out = chat.say("back on my laptop");
    assert!(has(&out, "you're on a computer now"), "{}", all_text(&out));
    assert_solution(&out, 3, 5, "Turn off browser extensions");
    assert!(has(&out, "1. Click \"More\""), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "nothing is fixed");
    let out = chat.not_fixed();
    assert_eq!(question(&out).title.as_deref(), Some("Out of fixes"));
    // Nothing else comes back: said so, and the end of the fixes is offered again.
    let out = chat.say("now on my laptop");
    assert!(has(&out, "that you haven't seen"), "{}", all_text(&out));
    assert_eq!(question(&out).title.as_deref(), Some("Out of fixes"));
    // On a computer the same step is shown.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    let out = chat.fixed();
    assert_solution(&out, 3, 5, "Turn off browser extensions");
    assert!(has(&out, "1. Click \"More\""), "{}", all_text(&out));
}

/// "A person can take it from here": a bare "yes" at the end of the fixes takes the offer; it
/// never means "it works".
#[test]
fn yes_at_the_end_of_the_fixes_is_a_person_not_a_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    chat.not_fixed();
    let out = chat.not_fixed();
    assert_eq!(question(&out).title.as_deref(), Some("Out of fixes"));
    let out = chat.say("yes");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
    assert!(!matches!(chat.session.stage, Stage::Fixed { .. }));
}

/// Fixes skipped because the browser was not known come back once it is named, before "out
/// of fixes" ("Name your browser any time to get them").
#[test]
fn fixes_skipped_for_an_unknown_browser_come_back_when_it_is_named() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading");
    chat.not_fixed();
    chat.say("idk");
    let out = chat.say("still not sure");
    assert!(
        has(&out, "Name your browser any time"),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 5, 5, "Check the connection and the service");
    chat.say("oh it's chrome");
    let out = chat.not_fixed();
    let q = question(&out);
    assert!(
        q.title
            .as_deref()
            .is_some_and(|t| t.contains("Try a private window")),
        "{}",
        all_text(&out)
    );
}

/// Found by an exploratory helper: after "Glad that worked!", a request for a person in any
/// words hands over, and a failure said with it takes the fix back first; a bare "no" or
/// "wait no" asks whether the fix stopped working instead of saying "you're welcome".
#[test]
fn after_a_fix_a_person_asked_for_hands_over_and_a_failure_takes_it_back() {
    let kb = shipped_kb();
    let gateway = "quickbooks shows 502 bad gateway in chrome";
    for (said, taken_back) in [
        ("its not working, human please", true),
        ("wait what? it's NOT working. human please", true),
        ("this is useless, let me talk to a real person", false),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(gateway);
        chat.fixed();
        let out = chat.say(said);
        assert!(
            matches!(&out.effects[..], [Effect::Escalate { note: Some(n) }] if n == said),
            "{said}: {:?} {}",
            out.effects,
            all_text(&out)
        );
        let fixed = chat.recorded(Outcome::Fixed);
        assert_eq!(fixed, !taken_back, "{said}");
    }
    for doubt in ["no", "wait no", "nope"] {
        let mut chat = Chat::new(&kb);
        chat.say(gateway);
        chat.fixed();
        let out = chat.say(doubt);
        assert!(
            has(&out, "If the fix stopped working"),
            "{doubt}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "You're welcome"), "{doubt}: {}", all_text(&out));
    }
    // A fix that held for a while only did not last.
    let mut chat = Chat::new(&kb);
    chat.say(gateway);
    chat.fixed();
    chat.say("worked for a minute then broke again");
    assert!(!chat.recorded(Outcome::Fixed), "the fix is taken back");
}

/// Found by an exploratory helper: a step the user may not take is "could not try it", not a
/// failure (and a failure in those words stays one); at a test, "what's a private window?"
/// shows how, words about the usual window leave the test's question open, and the test's
/// answer in words naming the usual window too is its answer.
#[test]
fn could_not_try_what_is_it_and_the_usual_window_at_a_test() {
    let kb = shipped_kb();
    let answer_to = |reply: &str| {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks shows 502 bad gateway in chrome");
        chat.say(reply);
        chat.session
            .attempts
            .iter()
            .filter_map(|a| a.outcome)
            .filter(|o| *o != Outcome::Skipped)
            .collect::<Vec<_>>()
    };
    for cant in ["i cant do that, im not admin", "im not an admin so no"] {
        assert_eq!(answer_to(cant), vec![Outcome::CouldNotTry], "{cant}");
    }
    // Found in review: the trouble itself in such words is still a failure.
    for failed in [
        "wont let me sign in",
        "cant find the invoice page, same error",
    ] {
        assert_eq!(answer_to(failed), vec![Outcome::NotFixed], "{failed}");
    }
    let blank = "quickbooks page is blank in chrome";
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.not_fixed();
    let out = chat.say("wait what's a private window");
    assert!(
        has(&out, "How to: Try a private window"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("its blank in normal chrome still");
    assert!(has(&out, "that is your usual window"), "{}", all_text(&out));
    assert!(
        chat.session.attempts.last().unwrap().outcome.is_none(),
        "the test is still open"
    );
    // Naming the test, the usual window is a comparison: the test's answer.
    chat.say("loads normally in a private window");
    let test = chat
        .session
        .attempts
        .iter()
        .rev()
        .find(|a| a.title == "Try a private window")
        .map(|a| a.outcome);
    assert_eq!(
        test,
        Some(Some(Outcome::WorksThere)),
        "{:?}",
        chat.session.attempts
    );
}

/// Found in review: "where I am" said after a hand-over is not a fresh start (the ticket's
/// follow-ups go on), and a code with a browser is a problem, not where the user is.
#[test]
fn where_i_am_is_asked_about_only_at_a_fresh_start() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.session.ticket = Some(supportbot::ids::TicketId(1));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat.say("im on chrome, windows 11");
    assert!(!has(&out, "What's the problem?"), "{}", all_text(&out));
    assert!(
        matches!(chat.session.stage, Stage::Escalated { .. }),
        "{:?}",
        chat.session.stage
    );
    let mut chat = Chat::new(&kb);
    let out = chat.say("chrome 502");
    assert!(!has(&out, "What's the problem?"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
}

/// "skip", "next one", "repeat", "go back" and "done", typed at a fix: moves through the
/// fixes, never an answer about the fix.
#[test]
fn skip_repeat_go_back_and_done_move_through_the_fixes() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.say("sync error E42");
    // Nothing before the first fix.
    let out = chat.say("go back");
    assert!(has(&out, "nothing to go back to"), "{}", all_text(&out));
    assert!(
        has(&out, "Did **Restart the app** fix it?"),
        "{}",
        all_text(&out)
    );
    // "done" does not say whether it helped: asked, nothing recorded.
    let out = chat.say("ok done");
    assert!(has(&out, "Thanks for trying it."), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.len(), 1);
    assert_eq!(chat.session.attempts[0].outcome, None);
    // "repeat" shows the fix on screen again.
    let out = chat.say("can you repeat that");
    assert_solution(&out, 1, 5, "Restart the app");
    assert!(has(&out, "Close every ledger tab"), "{}", all_text(&out));
    // "skip": not tried, and on to the next.
    let out = chat.say("skip this one");
    assert!(
        has(&out, "Skipped **Restart the app**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.attempts[0].outcome,
        Some(Outcome::SkippedByUser)
    );
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(1));
    // "go back" to a skipped fix takes it up again, and the walk goes on from there.
    let out = chat.say("go back");
    assert!(
        has(&out, "Back to **Restart the app**"),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 1, 5, "Restart the app");
    chat.not_fixed();
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(1));
    // "go back" to a failed fix shows it on the side; the question stays on this one.
    let out = chat.say("previous step");
    assert!(
        has(
            &out,
            "Here is **Restart the app** again (you said: it didn't fix it)"
        ),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(1));
    // "next one please" at the last fix ends the walk; "go back" then takes it up again.
    let mut guard = 0;
    while chat.session.current_step().map(|s| s.solution) != Some(4) {
        chat.not_fixed();
        guard += 1;
        assert!(guard < 5, "the walk reaches the last fix");
    }
    let out = chat.say("next one please");
    assert!(
        has(&out, "Skipped **Reinstall the connector**"),
        "{}",
        all_text(&out)
    );
    assert!(chat.session.current_step().is_none());
    let out = chat.say("go back");
    assert!(
        has(&out, "Back to **Reinstall the connector**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(4));
}

/// A skipped fix goes to staff as skipped by the user; taken up again and answered, the
/// answer is what staff see.
#[test]
fn a_skipped_fix_is_told_to_staff_as_not_tried() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    chat.say("skip");
    let summary = supportbot::escalation::summary::Summary::capture(
        &chat.session,
        Some("Ledger sync error E42"),
        None,
        "rev",
        1,
    );
    let text = summary.transcript_markdown("T-0001");
    assert!(
        text.contains("Restart the app") && text.contains("skipped by the user (not tried)"),
        "{text}"
    );
    chat.say("go back");
    chat.not_fixed();
    let summary = supportbot::escalation::summary::Summary::capture(
        &chat.session,
        Some("Ledger sync error E42"),
        None,
        "rev",
        2,
    );
    let text = summary.transcript_markdown("T-0001");
    assert!(
        text.contains("Restart the app") && !text.contains("skipped by the user"),
        "{text}"
    );
}

/// "i dont see it" at a fix may mean the option cannot be found or the problem is still
/// there: asked, never recorded either way; the answer to the question is then read as usual.
#[test]
fn i_dont_see_it_is_asked_about_not_read_as_a_failure() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.say("sync error E42");
    let out = chat.say("hmm i dont see it");
    assert!(has(&out, "can't find it"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts.len(), 1);
    assert_eq!(chat.session.attempts[0].outcome, None);
    chat.say("cant find it");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::CouldNotTry));
}

/// "go back" twice from a fix taken up again reaches nothing more; with two fixes skipped,
/// "go back" at the end takes up each in turn, latest first.
#[test]
fn go_back_twice_and_two_skipped_fixes_each_come_back() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.say("sync error E42");
    chat.say("skip");
    chat.say("go back");
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(0));
    let out = chat.say("go back");
    assert!(has(&out, "nothing to go back to"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(0));

    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.say("sync error E42");
    chat.say("skip");
    chat.say("skip");
    let mut guard = 0;
    let mut out = Output::default();
    while chat.session.current_step().is_some() {
        out = chat.not_fixed();
        guard += 1;
        assert!(guard < 5, "the walk ends");
    }
    // The end of the fixes says which were skipped, and how to take them up.
    let end = all_text(&out);
    assert!(has(&out, "You skipped"), "{end}");
    assert!(has(&out, "say \"go back\""), "{end}");
    for skipped in ["Clear the site data", "Restart the app"] {
        assert!(has(&out, &format!("**{skipped}**")), "{end}");
    }
    for back_to in ["Clear the site data", "Restart the app"] {
        let back = chat.say("go back");
        assert!(
            has(&back, &format!("Back to **{back_to}**")),
            "{}",
            all_text(&back)
        );
        out = chat.not_fixed();
    }
    assert!(!has(&out, "You skipped"), "{}", all_text(&out));
}

/// "is it down for everyone?" runs the check, and its words are kept for staff.
#[test]
fn a_check_asked_in_words_keeps_the_words_for_staff() {
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    // (This base has no services to check, so the check says so.)
    let out = chat.say("is it down for everyone?");
    assert!(has(&out, "No services are set up"), "{}", all_text(&out));
    assert_eq!(chat.session.descriptions, vec!["is it down for everyone?"]);
}

/// At "Is it one of these?", a place in the list said in words picks that one.
#[test]
fn the_second_one_in_words_picks_the_second_candidate() {
    let kb = shipped_kb();
    for (said, place) in [
        ("the second one", 1),
        ("number 1", 0),
        ("the last one", usize::MAX),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("gateway");
        let Stage::ChoosingArticle { candidates } = chat.session.stage.clone() else {
            panic!("several candidates: {:?}", chat.session.stage);
        };
        assert!(candidates.len() >= 2, "{candidates:?}");
        let want = if place == usize::MAX {
            candidates.last().unwrap().clone()
        } else {
            candidates[place].clone()
        };
        chat.say(said);
        assert_eq!(chat.session.article(), Some(want.as_str()), "{said}");
    }
}

/// At "Is it one of these?", words of one listed title alone pick that one; words that fit
/// two titles, or none, are a description as before.
#[test]
fn the_blank_page_one_picks_the_listed_article_with_those_words() {
    let kb = shipped_kb();
    let listed = |chat: &mut Chat| {
        chat.say("cant get into quickbooks");
        let Stage::ChoosingArticle { candidates } = chat.session.stage.clone() else {
            panic!("several candidates: {:?}", chat.session.stage);
        };
        candidates
    };
    for (said, want) in [
        ("yeah the blank page one", "page-not-loading"),
        ("the login one", "login-loop-signed-out"),
        ("the outage", "service-outage"),
    ] {
        let mut chat = Chat::new(&kb);
        let candidates = listed(&mut chat);
        assert!(candidates.iter().any(|c| c == want), "{candidates:?}");
        let out = chat.say(said);
        assert_eq!(
            chat.session.article(),
            Some(want),
            "{said}: {}",
            all_text(&out)
        );
    }
    // A refusal is no pick, though "not" is a word of "Page Not Loading" (found in review).
    for refusal in ["not sure", "no its not", "probably not"] {
        let mut chat = Chat::new(&kb);
        listed(&mut chat);
        chat.say(refusal);
        assert_ne!(
            chat.session.article(),
            Some("page-not-loading"),
            "{refusal}"
        );
    }
    let mut chat = Chat::new(&kb);
    listed(&mut chat);
    chat.say("the quickbooks one");
    assert!(
        matches!(
            chat.session.stage,
            Stage::ChoosingArticle { .. } | Stage::Idle
        ),
        "two titles say quickbooks: {:?}",
        chat.session.stage
    );
}

/// "it works on my phone" says where it works, not where the user is: the browser and device
/// stay, and the rest of the reply ("nope still blank") is the answer.
#[test]
fn where_it_works_is_noted_and_the_broken_setup_kept() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo just shows a blank white page after login, im on chrome");
    let open = chat.session.current_step().expect("a fix is open");
    chat.say("nope still blank but it works on my phone");
    assert_eq!(chat.session.device, None, "not moved to the phone");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    let first = chat
        .session
        .attempts
        .iter()
        .find(|a| a.solution == open.solution)
        .unwrap();
    assert_eq!(first.outcome, Some(Outcome::NotFixed));
    assert!(
        chat.session
            .descriptions
            .iter()
            .any(|d| d.contains("works on my phone")),
        "kept for staff"
    );

    // Said alone, it is asked about again, the browser kept.
    let mut chat = Chat::new(&kb);
    chat.say("login keeps looping back to sign in page, edge");
    let open = chat.session.current_step();
    let out = chat.say("it works in chrome");
    assert!(has(&out, "works there (chrome)"), "{}", all_text(&out));
    assert_eq!(chat.session.browser, Some(Browser::Edge));
    assert_eq!(chat.session.current_step(), open);

    // At a test, where it works is the test's result (found in review).
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank in chrome");
    chat.say("no");
    let out = chat.say("works fine in chrome incognito");
    assert!(has(&out, "it works in the test"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::WorksThere));
    // "ok on my laptop now" says where the user is.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank in chrome");
    chat.say("ok on my laptop now");
    assert!(chat.session.device.is_some());
}

/// A browser said at "Is it one of these?" is noted, and the same list stays open.
#[test]
fn a_browser_said_at_a_list_keeps_the_list() {
    let kb = shipped_kb();
    for said in [
        "im on edge",
        "oh and its chrome",
        "forgot to say im on my iphone",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("cant get into quickbooks");
        let before = chat.session.stage.clone();
        assert!(
            matches!(before, Stage::ChoosingArticle { .. }),
            "{before:?}"
        );
        let out = chat.say(said);
        assert!(has(&out, "Noted:"), "{said}: {}", all_text(&out));
        assert_eq!(chat.session.stage, before, "{said}");
        assert!(chat.session.browser.is_some(), "{said}");
        chat.say("1");
        assert!(
            chat.session.article().is_some(),
            "{said}: the list still picks"
        );
    }
}

/// "skip this too" passes over the fix like "skip"; "yeah get someone" at the end of the fixes
/// hands over (it was read as "it works").
#[test]
fn skip_this_too_skips_and_get_someone_hands_over() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("internal server error 500 in quickbooks on edge");
    chat.say("skip");
    chat.say("skip this too");
    let skipped = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome == Some(Outcome::SkippedByUser))
        .count();
    assert_eq!(skipped, 2);

    for said in ["yeah get someone", "get someone", "yep hand it over"] {
        let mut chat = Chat::new(&kb);
        chat.say("500 internal server error when saving an invoice, chrome");
        let mut guard = 0;
        while chat.session.current_step().is_some() {
            chat.not_fixed();
            guard += 1;
            assert!(guard < 8, "the walk ends");
        }
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Glad"), "{said}: {}", all_text(&out));
    }
}

/// "is quickbooks down right now?" as a first message names the outage article, whose answer
/// is the check: the check runs. A code of the article named, or a statement, walks it.
#[test]
fn a_short_question_for_a_check_runs_it_even_where_an_article_with_checks_is_named() {
    let kb = shipped_kb();
    let checks = |out: &Output| {
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. }))
    };
    for asked in [
        "is quickbooks down right now?",
        "check if quickbooks is up",
        "can u check if its down",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(asked);
        assert!(checks(&out), "{asked}: {}", all_text(&out));
        assert_eq!(chat.session.descriptions, vec![asked.to_string()]);
    }
    for said in ["is 502 a server problem?", "quickbooks is down, blank page"] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(!checks(&out), "{said}: {}", all_text(&out));
    }
    // Asked beside what is wrong: the check, and the problem walked.
    let mut chat = Chat::new(&kb);
    let out = chat.say("is it down? i just get a blank page");
    assert!(checks(&out), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("page-not-loading"));
}

/// "thanks bye" after a fix is thanked, not matched to an article.
#[test]
fn goodbyes_after_a_fix_are_answered_in_kind() {
    let kb = shipped_kb();
    for said in ["thanks bye", "thank you so much you saved my day"] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks shows 502 bad gateway in chrome");
        chat.fixed();
        let out = chat.say(said);
        assert!(
            matches!(chat.session.stage, Stage::Fixed { .. }),
            "{said}: {:?}",
            chat.session.stage
        );
        assert!(!has(&out, "Is this it?"), "{said}: {}", all_text(&out));
        assert!(!has(&out, "I don't know"), "{said}: {}", all_text(&out));
    }
}

/// A question about the fix on screen that another article's FAQ answers ("will clearing
/// cookies delete my data?" at "Clear the cache and cookies") is answered on the side, not
/// taken for another problem.
#[test]
fn a_question_about_the_fix_on_screen_is_answered_from_the_faq_that_fits() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank in chrome");
    chat.say("no");
    chat.say("works there");
    chat.say("no");
    let open = chat.session.current_step();
    assert_eq!(
        chat.session.attempts.last().map(|a| a.title.as_str()),
        Some("Clear the cache and cookies")
    );
    let out = chat.say("will clearing cookies delete my quickbooks data??");
    assert!(
        has(&out, "Will clearing the cache delete my QuickBooks data?"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);
    assert_eq!(chat.session.article(), Some("page-not-loading"));
}

/// At "keep going or switch?", words of one of the two titles pick that one.
#[test]
fn keep_going_or_switch_is_answered_by_words_of_a_title() {
    let kb = shipped_kb();
    for (said, want) in [
        ("ok lets do the bank feed thing", "bank-feed-not-updating"),
        ("bank feed one", "bank-feed-not-updating"),
        ("the spinning page first", "page-not-loading"),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks page stuck spinning forever in chrome");
        let out = chat.say("also my bank feed stopped syncing");
        assert!(
            has(&out, "sounds like a different problem"),
            "{}",
            all_text(&out)
        );
        let out = chat.say(said);
        assert_eq!(
            chat.session.article(),
            Some(want),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "didn't catch"), "{said}: {}", all_text(&out));
        // Answered: the switch question is closed either way.
        assert_eq!(chat.session.asked, None, "{said}");
        assert!(!has(&out, "Keep going with"), "{said}: {}", all_text(&out));
    }
}

/// "r u a bot?" is answered plainly and the fix stays the question; "this is useless" offers a
/// person without recording anything; "y" / "n" answer; "a little better" is not a fix.
#[test]
fn bot_questions_fed_up_users_and_chat_shorthand_are_understood() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("500 internal server error when saving an invoice, chrome");
    let open = chat.session.current_step().expect("a fix is open");
    let out = chat.say("r u a bot?");
    assert!(has(&out, "I'm a bot"), "{}", all_text(&out));
    assert!(
        actions(&out).contains(&Action::Fixed(open)),
        "the question stays"
    );
    assert_eq!(chat.session.current_step(), Some(open));

    // ("i give up", "ffs this isnt helping": found by an exploratory helper; they failed the
    // step and showed the next.)
    for fed_up in ["this is useless", "i give up", "ffs this isnt helping"] {
        let out = chat.say(fed_up);
        assert!(
            has(&out, "Sorry I haven't been more help"),
            "{fed_up}: {}",
            all_text(&out)
        );
        assert!(actions(&out).contains(&Action::Escalate), "{fed_up}");
        assert_eq!(chat.session.current_step(), Some(open), "nothing recorded");
    }
    assert!(
        chat.session.attempts.iter().all(|a| a.outcome.is_none()),
        "{:?}",
        chat.session.attempts
    );

    chat.say("a little better");
    assert_eq!(
        chat.session.attempts[0].outcome,
        Some(Outcome::NotFixed),
        "a partial fix is no fix"
    );
    let second = chat.session.current_step().expect("the next fix");
    assert_ne!(second, open);
    chat.say("n");
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::NotFixed));
    // A lone "y" may be "why": asked before it is recorded; "y" again says yes.
    let out = chat.say("y");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    chat.say("y");
    assert!(chat.recorded(Outcome::Fixed), "{:?}", chat.session.attempts);

    // Outside a walk: the same answer, and a person offered.
    let mut chat = Chat::new(&kb);
    let out = chat.say("am i talking to a real person?");
    assert!(has(&out, "I'm a bot"), "{}", all_text(&out));
    let out = chat.say("ugh not helpful");
    assert!(
        actions(&out).contains(&Action::Escalate),
        "{}",
        all_text(&out)
    );

    // At "Is it one of these?": the list stays, in its places, beside the person (it was
    // dropped, and "2" then picked nothing).
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load");
    let Stage::ChoosingArticle { candidates } = chat.session.stage.clone() else {
        panic!("a list: {:?}", chat.session.stage)
    };
    let out = chat.say("this is useless");
    assert!(
        has(&out, "Sorry I haven't been more help"),
        "{}",
        all_text(&out)
    );
    let listed: Vec<Action> = candidates.iter().cloned().map(Action::Article).collect();
    assert!(
        actions(&out).starts_with(&listed) && actions(&out).contains(&Action::Escalate),
        "{:?}",
        actions(&out)
    );
    chat.say("2");
    assert_eq!(chat.session.article(), Some(candidates[1].as_str()));
}

/// Found by a helper playing users: "ya" to "Which browser?" was "Glad it works now!" (no fix
/// was shown); "wait nvm, it still says ..." after "Glad that worked!" was "I don't know
/// this one"; "this is useless let me talk to someone" must hand over; a state ("isnt even
/// installed") is no deed, so the fix it names is not ruled out; a result told as what it did
/// ("it loaded fine!") is a fix to confirm; "forget that, bigger problem: ..." is another
/// problem; "its fine on my phone tho" says where it works.
#[test]
fn replies_a_helper_found_misread_are_understood() {
    let kb = shipped_kb();

    let mut chat = Chat::new(&kb);
    chat.say("hey qb keeps giving me 502 bad gateway since this morning");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    let out = chat.say("ya");
    assert!(!has(&out, "Glad"), "{}", all_text(&out));
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));

    let mut chat = Chat::new(&kb);
    chat.say("bank feed stuck, not downloading for 4 days");
    chat.say("fixed");
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
    let out = chat.say("wait nvm, it still says last updated 4 days ago");
    assert!(has(&out, "didn't last"), "{}", all_text(&out));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating for my amex card");
    let out = chat.say("this is useless let me talk to someone");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say(
        "getting H202 when i try to open the company file from the 2nd workstation, server one opens fine",
    );
    chat.say("database server manager isnt even installed on the server i think");
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| !a.title.contains("Database Server Manager") || a.outcome.is_none()),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("504 gateway timeout when i run the P&L for the whole year");
    let out = chat.say("did just jan-mar and it loaded fine!");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("qbo is really slow in firefox");
    if matches!(chat.session.stage, Stage::ChoosingArticle { .. }) {
        chat.say("yes");
    }
    assert!(chat.session.current_step().is_some());
    let out = chat.say("actually forget that, bigger problem: payroll wont update, error PS077");
    assert!(has(&out, "different problem"), "{}", all_text(&out));
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("blank white screen after login in chrome");
    let out = chat.say("its fine on my phone tho");
    assert!(has(&out, "works there (phone)"), "{}", all_text(&out));
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
}

/// Words of one meaning share a dimension: a stand-in sentence model whose similarities the
/// test knows ("moving that directory" is near "rename the CPS folder").
struct Concepts;

impl Concepts {
    const MEANINGS: [&'static [&'static str]; 3] = [
        &["rename", "renaming", "renamed", "moving", "move"],
        &["folder", "directory", "cps"],
        &["safe", "wipe", "delete", "lose", "lost"],
    ];
}

impl supportbot::semantic::Embed for Concepts {
    fn model_name(&self) -> &str {
        "concepts"
    }
    fn dim(&self) -> usize {
        8
    }
    fn max_tokens(&self) -> usize {
        512
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, supportbot::semantic::EmbedError> {
        Ok(texts
            .iter()
            .map(|t| {
                let mut v = [0.0f32; 8];
                // A little of everything, so no vector is zero.
                v[7] = 0.1;
                for w in t.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
                    if let Some(d) = Self::MEANINGS.iter().position(|m| m.contains(&w)) {
                        v[d] += 1.0;
                    }
                }
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                v.iter().map(|x| x / norm).collect()
            })
            .collect())
    }
}

/// A question mid-walk that shares no word with the FAQ entry that answers it is answered
/// by meaning when the sentence model is on; a "how do I" question is not answered by a
/// "Is it safe" entry, however near.
#[test]
fn a_question_mid_walk_is_answered_from_the_faq_by_meaning() {
    use supportbot::semantic::{Embed, QueryVectors, windows::query_windows};
    let mut kb = shipped_kb();
    kb.attach_semantic(&Concepts, None, &mut |_, _| {}).unwrap();
    let ask = |chat: &mut Chat, text: &str| {
        let windows = query_windows(text);
        let refs: Vec<&str> = windows.iter().map(String::as_str).collect();
        let query = QueryVectors {
            model: "concepts".into(),
            vectors: Concepts.embed(&refs).unwrap(),
        };
        chat.event(Event::Describe {
            text: text.into(),
            browser: None,
            query: Some(query),
        })
    };
    let mut chat = Chat::new(&kb);
    chat.say("payroll update keeps failing with PS038, paychecks stuck");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    let open = chat.session.current_step().expect("a fix is open");
    let out = ask(&mut chat, "wait will moving that directory wipe anything??");
    assert!(
        has(&out, "Is it safe to rename the CPS folder?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.current_step(),
        Some(open),
        "the fix stays open"
    );
    // Without the model's vectors the same words find no entry.
    let out = chat.say("wait will moving that directory wipe anything??");
    assert!(
        !has(&out, "Is it safe to rename the CPS folder?"),
        "{}",
        all_text(&out)
    );
    let out = ask(&mut chat, "how do i move the folder safely?");
    assert!(
        !has(&out, "Is it safe to rename the CPS folder?"),
        "{}",
        all_text(&out)
    );
}

/// Steps that are the same in every browser (a desktop app's) are not followed by "Screen
/// looks different? Say which browser".
#[test]
fn steps_of_a_desktop_app_do_not_ask_for_the_browser() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll update keeps failing with PS038, paychecks stuck");
    let out = chat.say("where do i find the CPS folder");
    assert!(
        has(&out, "How to: Rename the CPS folder"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Screen looks different?"), "{}", all_text(&out));
}

/// At "Is this it?" the bot asks to be told more: more words are matched together with the
/// description the list came from, not on their own ("happens in firefox too and the page
/// goes blank" alone ranks the outage article first); a clearly different problem still wins.
#[test]
fn more_words_at_a_list_add_to_the_description() {
    let kb = shipped_kb();
    let alone = kb.rank_with("happens in firefox too and the page goes blank", None, 3);
    assert_eq!(
        kb.article_at(alone.matches[0].doc).id,
        "service-outage",
        "the premise: alone, the words rank another article first"
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps kicking me out");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    chat.say("happens in firefox too and the page goes blank");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    assert_eq!(chat.session.descriptions.len(), 2);

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps kicking me out");
    chat.say("no its my bank feed, transactions not downloading since monday");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
}

/// "same" or "didnt work" with no fix open names nothing to look up: said so, with no list of
/// articles; after "Glad that worked!", a bare "didnt work" takes the fix back.
#[test]
fn a_bare_reply_with_nothing_asked_is_not_matched_to_articles() {
    let kb = shipped_kb();
    for said in ["same", "didnt work", "still broken", "nope nothing changed"] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "What isn't working?"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(matches!(chat.session.stage, Stage::Idle), "{said}");
        assert!(chat.session.descriptions.is_empty(), "{said}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("fixed");
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
    let out = chat.say("didnt work");
    assert!(has(&out, "didn't last"), "{}", all_text(&out));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed))
    );
}

/// An error code no fix is about is explained from the article and noted; "brb" keeps the
/// question with no note for staff; "ok thanks bye" is thanked, the fix still open.
#[test]
fn a_code_mid_walk_is_explained_and_pauses_are_not_noted() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed for wells fargo not updating");
    let out = chat.say("oh and it says error 185 on the account tile");
    assert!(
        has(&out, "Error 185: the bank needs extra information"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let open = chat.session.current_step();
    let out = chat.say("brb");
    assert!(has(&out, "Take your time"), "{}", all_text(&out));
    let out = chat.say("ok thanks bye");
    assert!(has(&out, "You're welcome"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);
    assert!(chat.session.asides.is_empty(), "{:?}", chat.session.asides);
}

/// A step written for one browser only says so when the browser is asked for it.
#[test]
fn a_step_for_one_browser_says_so_when_asking_the_browser() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("502 bad gateway");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    assert!(
        has(&out, "is for Internet Explorer only"),
        "{}",
        all_text(&out)
    );
}

/// "i cant turn off the vpn" at the network test, then at the antivirus test "tried my
/// hotspot, it works fine there": the result is the network test's (the hotspot is its
/// name), and the walk goes where that result leads; the antivirus test is left unanswered.
#[test]
fn a_result_of_an_earlier_test_is_recorded_for_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say(
        "qbo fails at the office, i think our vpn or firewall is blocking it, cert error sometimes",
    );
    assert_eq!(chat.session.article(), Some("firewall-antivirus-proxy"));
    chat.say("i cant turn off the vpn its required for work");
    let out = chat.say("tried my hotspot, it works fine there");
    assert!(
        has(&out, "Noted for the earlier test"),
        "{}",
        all_text(&out)
    );
    let outcome_of = |title: &str| {
        chat.session
            .attempts
            .iter()
            .rev()
            .find(|a| a.title.starts_with(title))
            .and_then(|a| a.outcome)
    };
    assert_eq!(outcome_of("Try without the VPN"), Some(Outcome::WorksThere));
    assert_ne!(
        outcome_of("Turn off security software"),
        Some(Outcome::WorksThere)
    );
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(3),
        "on to 'Ask IT to allow Intuit through the proxy'"
    );
}

/// Found by a second round of users played by a helper: a fix from something else credits
/// none of the fixes; a question its FAQ answers is no test result or failure; "i cant change
/// the firewall" is could-not-try; 👍 and "k" answer a yes/no question; "I have another
/// problem" typed starts over; "u there?" and "kinda" with nothing open are no problems;
/// "still down" at a fix is no check.
#[test]
fn replies_a_second_round_found_misread_are_understood() {
    let kb = shipped_kb();

    let mut chat = Chat::new(&kb);
    chat.say("getting 504 gateway timeout on the sales by customer report");
    let out = chat.say("its working now but idk what fixed it");
    assert!(has(&out, "came from something else"), "{}", all_text(&out));
    chat.say("ya");
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("qbo works fine at home but at the office it wont load at all, i think our firewall blocks it");
    if matches!(chat.session.stage, Stage::ChoosingArticle { .. }) {
        chat.say("ya");
    }
    let open = chat.session.current_step();
    let out = chat.say("why does it work at home but not at work?");
    assert!(
        has(&out, "The office network probably has a firewall"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step(), open, "no result recorded");
    chat.say("im not IT i cant change the firewall lol");
    assert!(
        chat.recorded(Outcome::CouldNotTry),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("bank feed stuck, last update was last week. chase");
    let out = chat.say("ok did it, transactions came in");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    chat.say("👍");
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps kicking me out");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    chat.say("k");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    chat.say("I have another problem");
    assert!(matches!(chat.session.stage, Stage::Idle));
    let out = chat.say("u there?");
    assert!(has(&out, "What's going wrong?"), "{}", all_text(&out));
    let out = chat.say("kinda");
    assert!(has(&out, "no fix open"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("503 service unavailable in chrome");
    let open = chat.session.current_step().expect("a fix");
    let out = chat.say("still down");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.solution == open.solution && a.outcome == Some(Outcome::NotFixed))
    );
}

/// "whats the tool hub?" shows File Doctor's steps on the side; "ok ran it, same error" next is
/// about File Doctor, not the fix on screen, which stays the question.
#[test]
fn a_reply_after_steps_on_the_side_is_about_that_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("getting H202 when opening company file from the front desk pc");
    let open = chat.session.current_step().expect("a fix is open");
    let out = chat.say("whats the tool hub?");
    assert!(
        has(&out, "How to: Run QuickBooks File Doctor"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("ok ran it, same error");
    assert!(
        has(
            &out,
            "Run QuickBooks File Doctor from the Tool Hub** didn't fix it either"
        ),
        "{}",
        all_text(&out)
    );
    let solution = |chat: &Chat| chat.session.current_step().map(|s| s.solution);
    assert_eq!(
        solution(&chat),
        Some(open.solution),
        "the fix on screen stays"
    );
    // Said later, with something else between, it is about the fix on screen again.
    chat.say("whats the tool hub?");
    chat.say("brb");
    chat.say("ok ran it, same error");
    assert_ne!(solution(&chat), Some(open.solution));
}

/// "It works from my phone" at the outage article's test: not an outage. The user is asked
/// what they see, with the other articles their words ranked, rather than told the fixes ran
/// out; what they say next is matched without the outage article.
#[test]
fn a_test_showing_it_is_not_an_outage_asks_what_the_user_sees() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("nobody in our office can get into quickbooks online, everyone gets an error");
    assert_eq!(chat.session.stage.article(), Some("service-outage"));
    let out = chat.say("it works on my phone on mobile data");
    let text = all_text(&out);
    assert!(text.contains("Something else, then"), "{text}");
    assert!(
        !text.contains("Out of fixes") && !text.contains("Skipping"),
        "{text}"
    );
    let Stage::ChoosingArticle { candidates } = &chat.session.stage else {
        panic!("a list to pick from: {:?}", chat.session.stage);
    };
    assert!(!candidates.is_empty(), "{text}");
    assert!(!candidates.iter().any(|c| c == "service-outage"));
    assert_eq!(
        question(&out).choices.len(),
        candidates.len() + 1,
        "and a human"
    );
    // On the ticket, the steps the test ruled out say so.
    let ruled_out = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome == Some(Outcome::RuledOutByTest))
        .count();
    assert_eq!(ruled_out, 2);
    // Told in words, the problem is matched as if the outage article were not there; the words
    // chose it, so its confidence is said. (The office cannot get in, the phone on mobile data
    // can: the office network, more than the blank page on the computer.)
    let out = chat.say("the page just stays blank on my computer");
    assert_eq!(
        chat.session.stage.article(),
        Some("firewall-antivirus-proxy")
    );
    assert!(
        out.replies
            .iter()
            .flat_map(|r| &r.fields)
            .any(|f| f.name == "Match" && f.value.ends_with("confident")),
        "{}",
        all_text(&out)
    );

    // Found by a reviewer (fifteenth session): when the trouble changes and the words clearly
    // name the outage, it is no longer ruled out.
    let mut chat = Chat::new(&kb);
    chat.say("nobody in our office can get into quickbooks online, everyone gets an error");
    chat.say("it works on my phone on mobile data");
    let out = chat
        .say("now quickbooks is down on my phone too and the intuit status page shows an outage");
    assert_eq!(
        chat.session.stage.article(),
        Some("service-outage"),
        "{:?} {}",
        chat.session.stage,
        all_text(&out)
    );
    // The test's new result is read from those words: on to waiting, not the test again.
    assert!(
        all_text(&out).contains("Wait and follow updates"),
        "{}",
        all_text(&out)
    );
    // The same first words again give the test no other result: the outage stays ruled out.
    let mut chat = Chat::new(&kb);
    let first = "nobody in our office can get into quickbooks online, everyone gets an error";
    chat.say(first);
    chat.say("it works on my phone on mobile data");
    chat.say(first);
    assert_ne!(chat.session.stage.article(), Some("service-outage"));

    // In other words: the phone is fine, from home it works.
    for there in ["phone is fine", "i can log in from home"] {
        let mut chat = Chat::new(&kb);
        chat.say("nobody in our office can get into quickbooks online, everyone gets an error");
        let out = chat.say(there);
        assert!(
            all_text(&out).contains("Something else, then"),
            "{there}: {}",
            all_text(&out)
        );
    }
    // Said with the description, the same: no outage steps named as skipped.
    let mut chat = Chat::new(&kb);
    let out = chat.say("nobody in the office can get into quickbooks, it works on my phone though");
    let text = all_text(&out);
    assert!(text.contains("Something else, then"), "{text}");
    assert!(!text.contains("Skipping"), "{text}");
    // Failing there too is an outage: on to waiting.
    let mut chat = Chat::new(&kb);
    chat.say("nobody in our office can get into quickbooks online, everyone gets an error");
    let out = chat.not_fixed();
    assert!(
        all_text(&out).contains("Wait and follow updates"),
        "{}",
        all_text(&out)
    );
}

/// "I don't use chrome" from a user the walk took for a Chrome user forgets the browser and
/// asks which (the test on screen is not failed); a browser the walk did not assume is only
/// noted.
#[test]
fn a_browser_the_user_is_not_on_is_asked_about_not_failed() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank");
    chat.say("chrome");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    let open = chat.session.current_step().expect("a step is open");
    let out = chat.say("i don't use chrome");
    assert!(
        matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.browser, None);
    assert!(!actions(&out).contains(&Action::Browser(Some(Browser::Chrome))));
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.solution == open.solution
                && matches!(a.outcome, Some(Outcome::NotFixed | Outcome::FailsThere))),
        "{:?}",
        chat.session.attempts
    );
    chat.act(Action::Browser(Some(Browser::Firefox)));
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(open.solution),
        "the same step, for Firefox"
    );
    let out = chat.say("i'm not using internet explorer lol");
    assert_eq!(chat.session.browser, Some(Browser::Firefox));
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(open.solution),
        "{}",
        all_text(&out)
    );
}

/// "I can't find the three dots" at steps that name them: the step could not be done, which
/// is neither a failure nor, at a test, its result.
#[test]
fn not_finding_what_the_step_names_is_no_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "page-not-loading".into(),
        browser: Some(Browser::Chrome),
    });
    chat.not_fixed();
    let test = chat
        .session
        .current_step()
        .expect("the private-window test");
    assert!(kb.get("page-not-loading").unwrap().solutions[test.solution].test);
    chat.say("i can't find the three dots");
    let recorded = chat
        .session
        .attempts
        .iter()
        .find(|a| a.solution == test.solution)
        .and_then(|a| a.outcome);
    assert_eq!(recorded, Some(Outcome::CouldNotTry));
}

/// "I'm on my iPad" after a fix shown with keyboard shortcuts: the fix again, for touch (it had
/// been called "the same in Safari").
#[test]
fn a_move_to_a_tablet_rewords_the_fix_on_screen() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("white screen");
    assert!(all_text(&out).contains("Ctrl+F5"), "{}", all_text(&out));
    let out = chat.say("i'm on my ipad btw");
    let text = all_text(&out);
    assert!(text.contains("tap the reload arrow"), "{text}");
    assert!(
        !text.contains("Ctrl+F5") && !text.contains("are the same"),
        "{text}"
    );
}

/// "I already cleared cookies and tried incognito, same thing" in the first description: the
/// fix and the test it names are recorded as tried without luck and not shown again.
#[test]
fn fixes_and_tests_already_tried_in_the_description_are_skipped() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "qbo keeps logging me out every few minutes in chrome. i already cleared cookies and tried incognito, same thing",
    );
    let text = all_text(&out);
    assert_eq!(chat.session.stage.article(), Some("login-loop-signed-out"));
    assert!(text.contains("you already tried"), "{text}");
    let outcome_of = |chat: &Chat, title: &str| {
        chat.session
            .attempts
            .iter()
            .find(|a| a.title.starts_with(title))
            .and_then(|a| a.outcome)
    };
    assert_eq!(
        outcome_of(&chat, "Clear Intuit cookies"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        outcome_of(&chat, "Sign in from a private window"),
        Some(Outcome::FailsThere)
    );
    assert_eq!(
        chat.session
            .current_step()
            .map(
                |s| kb.get("login-loop-signed-out").unwrap().solutions[s.solution]
                    .title
                    .clone()
            ),
        Some("Check the date, time and other sign-ins".to_string())
    );
    // Something that worked is no fix tried without luck; nor is a plan.
    for said in [
        "keeps logging me out, i already cleared cookies and that fixed it for a day",
        "keeps logging me out of qbo in chrome, should i clear cookies?",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            !all_text(&out).contains("you already tried"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// "It works but only in incognito" at the login loop's first fix: that fix did not help (it
/// had been offered as what fixed it), and the private-window test works there.
#[test]
fn works_only_in_a_later_test_is_no_fix() {
    let kb = shipped_kb();
    // Punctuation after the place ("only in incognito.") said the same; it was missed.
    for said in [
        "it works but only in incognito",
        "it works but only in incognito.",
        "it works, but only in incognito!!",
        "works only in incognito, weird",
    ] {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: "login-loop-signed-out".into(),
            browser: Some(Browser::Chrome),
        });
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        let outcomes: Vec<_> = chat
            .session
            .attempts
            .iter()
            .map(|a| (a.solution, a.outcome))
            .collect();
        assert!(
            outcomes.contains(&(0, Some(Outcome::NotFixed))),
            "{said}: {outcomes:?}"
        );
        assert!(
            outcomes.contains(&(1, Some(Outcome::WorksThere))),
            "{said}: {outcomes:?}"
        );
        assert_eq!(
            chat.session.current_step().map(|s| s.solution),
            Some(2),
            "{said}"
        );
    }
}

/// An article picked from "Is this it?" does not show its score as confidence: the bot said it
/// was not sure.
#[test]
fn a_picked_article_is_not_called_a_confident_match() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps kicking me out");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    let out = chat.say("yes");
    let shown = out
        .replies
        .iter()
        .flat_map(|r| &r.fields)
        .find(|f| f.name == "Match")
        .map(|f| f.value.clone())
        .expect("a match field");
    assert!(shown.starts_with("picked by you"), "{shown}");
    let out = Chat::new(&kb).say("502 bad gateway in chrome");
    assert!(
        out.replies
            .iter()
            .flat_map(|r| &r.fields)
            .any(|f| f.name == "Match" && f.value.ends_with("confident"))
    );
}

/// The outage article starts with a test (does it work from another network or device?),
/// so "yes" there says where it works and is never recorded as the fix; "fails there too",
/// said up front in the description, goes straight on to waiting for the service.
#[test]
fn the_outage_check_is_a_test_and_yes_there_records_no_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks online is down for everyone");
    assert_eq!(
        chat.session.article(),
        Some("service-outage"),
        "{}",
        all_text(&out)
    );
    assert_test_step(&out, 1, 3, "Try from another network or device");
    let out = chat.say("yes");
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed)),
        "{:?}\n{}",
        chat.session.attempts,
        all_text(&out)
    );
    assert_eq!(
        chat.session.attempts[0].outcome,
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online is down for everyone");
    let out = chat.say("same on my phone on mobile data");
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::FailsThere));
    assert_solution(&out, 2, 3, "Wait and follow updates");
}

/// "is it down?? nothing loads" asks for the check and says what is wrong: the check runs
/// first, then the rest is matched as a description (the whole message kept for staff); a
/// message that only asks is only checked.
#[test]
fn a_check_asked_beside_a_symptom_runs_and_the_symptom_is_matched() {
    let kb = shipped_kb();
    for (said, want) in [
        ("is it down?? nothing loads", "page-not-loading"),
        ("is quickbooks down? cant sign in", "login-loop-signed-out"),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            matches!(out.effects.as_slice(), [Effect::Check { lead: true, .. }]),
            "{said}: {:?}",
            out.effects
        );
        let offered: Vec<String> = match &chat.session.stage {
            Stage::ChoosingArticle { candidates } => candidates.clone(),
            _ => chat
                .session
                .article()
                .map(str::to_string)
                .into_iter()
                .collect(),
        };
        assert!(
            offered.iter().any(|id| id == want),
            "{said}: {offered:?}\n{}",
            all_text(&out)
        );
        assert_eq!(chat.session.descriptions, [said.to_string()]);
    }
    // A clear description with the question: walked as usual, the check first.
    let mut chat = Chat::new(&kb);
    let out = chat.say("getting 502 bad gateway on quickbooks online, is it down for everyone?");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Check { lead: true, .. }]),
        "{:?}",
        out.effects
    );
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    let mut chat = Chat::new(&kb);
    let out = chat.say("is quickbooks down right now?");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Check { lead: false, .. }]),
        "{:?}",
        out.effects
    );
    assert!(
        matches!(chat.session.stage, Stage::Idle),
        "{:?}",
        chat.session.stage
    );
}

/// A phone browser has no task manager: on Chrome for Android, the slow-performance fix that
/// goes through it is skipped, saying why, and the walk goes on.
#[test]
fn a_task_manager_step_is_skipped_on_a_phone() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "slow-performance".into(),
        browser: Some(Browser::Chrome),
    });
    chat.say("im on my android phone");
    let out = chat.not_fixed();
    assert!(
        has(
            &out,
            "Chrome's task manager, which Chrome has only on a computer"
        ),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "\"More tools\""), "{}", all_text(&out));
    // On a computer, the steps are shown.
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "slow-performance".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.not_fixed();
    assert!(has(&out, "\"More tools\""), "{}", all_text(&out));
}

/// Found by a third round of users played by a helper: a fix the user says they did nothing
/// for, or someone else did, credits none of the fixes (and is no new problem); a test's
/// result said at a fix before the test ("it worked in incognito" at "Reload the page fully")
/// is recorded for the test, which is not shown again, and the fix stays the question.
#[test]
fn replies_a_third_round_found_misread_are_understood() {
    let kb = shipped_kb();
    for said in [
        "working now but i didnt do the steps",
        "its working now but i didnt actually do anything, it just started working",
        "my accountant fixed it",
        "no the bank fixed it not you",
        "i called my bank and they fixed something on their end, works now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed hasnt updated since monday");
        let out = chat.say(said);
        assert!(
            has(&out, "came from something else"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            matches!(chat.session.stage, Stage::Fixed { .. }),
            "{said}: {:?}",
            chat.session.stage
        );
        assert!(
            chat.session
                .attempts
                .iter()
                .all(|a| a.outcome != Some(Outcome::Fixed)),
            "{said}: {:?}",
            chat.session.attempts
        );
    }
    // "I fixed it" is the user's own doing with the step: confirmed or recorded, as before.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed hasnt updated since monday");
    let out = chat.say("that fixed it");
    assert!(!has(&out, "came from something else"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks online just shows a blank white page after i log in, chrome");
    assert_solution(&out, 1, 5, "Reload the page fully");
    // With the fix's own answer beside it, that answer is read as usual.
    let mut both = Chat::new(&kb);
    both.say("quickbooks online just shows a blank white page after i log in, chrome");
    both.say("still broken, incognito is disabled on my work laptop");
    assert_eq!(both.session.attempts[0].outcome, Some(Outcome::NotFixed));
    assert!(
        both.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::WorksThere)),
        "{:?}",
        both.session.attempts
    );
    let out = chat.say("it worked in incognito");
    assert!(has(&out, "Try a private window"), "{}", all_text(&out));
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step().map(|s| s.solution), Some(0));
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.solution == 1 && a.outcome == Some(Outcome::WorksThere)),
        "{:?}",
        chat.session.attempts
    );
    let out = chat.not_fixed();
    assert_solution(&out, 3, 5, "Turn off browser extensions");
}

/// "Shall I note ... as what fixed it?" has a third answer: it works, but something else fixed
/// it. Pressed (or typed as its label), the walk ends and no step is credited.
#[test]
fn shall_i_note_offers_works_but_not_from_this() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed stuck, last update was last week. chase");
    let out = chat.say("ok did it, transactions came in");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    let anyway = actions(&out)
        .into_iter()
        .find(|a| matches!(a, Action::WorksAnyway(_)))
        .unwrap_or_else(|| panic!("no third answer: {}", all_text(&out)));
    let out = chat.act(anyway);
    assert!(has(&out, "came from something else"), "{}", all_text(&out));
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed)),
        "{:?}",
        chat.session.attempts
    );
}

/// At "Shall I note ... as what fixed it?", a reply not understood gets that question again
/// with its three answers in their places (never "did this fix it?", whose third answer is
/// another); "it was something else" or "restarted the router" is the third answer in words.
#[test]
fn shall_i_note_keeps_its_choices_and_understands_something_else() {
    let kb = shipped_kb();
    let ask = |chat: &mut Chat| {
        chat.say("bank feed stuck, last update was last week. chase");
        let out = chat.say("ok did it, transactions came in");
        assert!(has(&out, "Shall I note"), "{}", all_text(&out));
        actions(&out)
    };
    for unclear in ["hmm", "what?", "wait"] {
        let mut chat = Chat::new(&kb);
        let asked = ask(&mut chat);
        let out = chat.say(unclear);
        assert!(has(&out, "Shall I note"), "{unclear}: {}", all_text(&out));
        assert_eq!(
            actions(&out),
            asked,
            "{unclear}: the same choices in the same places"
        );
    }
    for elsewhere in [
        "it was something else",
        "no, wasn't that one",
        "i restarted the router",
    ] {
        let mut chat = Chat::new(&kb);
        ask(&mut chat);
        let out = chat.say(elsewhere);
        assert!(
            has(&out, "came from something else"),
            "{elsewhere}: {}",
            all_text(&out)
        );
        assert!(
            chat.session
                .attempts
                .iter()
                .all(|a| a.outcome != Some(Outcome::Fixed)),
            "{elsewhere}"
        );
    }
    // Still broken after all is no third answer.
    let mut chat = Chat::new(&kb);
    ask(&mut chat);
    let out = chat.say("no still broken, something else is wrong");
    assert!(!has(&out, "came from something else"), "{}", all_text(&out));
    assert!(
        chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
}

/// The login loop's private window is a test: "works in the private window but not my
/// normal one" is its result (no other problem, no fix recorded), and the walk goes on to the
/// cookie settings; failing there too goes to the date, time and other sign-ins.
#[test]
fn the_login_private_window_is_a_test() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "login-loop-signed-out".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.not_fixed();
    assert_test_step(&out, 2, 4, "Sign in from a private window");
    let out = chat.say("works in the private window but not my normal one");
    assert_eq!(
        chat.session.attempts[1].outcome,
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    assert_solution(
        &out,
        3,
        4,
        "Allow cookies for Intuit and stop clearing them on exit",
    );

    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "login-loop-signed-out".into(),
        browser: Some(Browser::Chrome),
    });
    chat.not_fixed();
    let out = chat.say("nope, kicked out there too");
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::FailsThere));
    assert_solution(&out, 4, 4, "Check the date, time and other sign-ins");
}

/// What decides outage or not, said in words at the outage test, is kept for staff: a check
/// asked with trouble beside it ("status page is green but still cant get in") and a result
/// the test's names do not word ("checked the status page, says all good").
#[test]
fn words_at_the_outage_test_are_kept_for_staff() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("nobody in our office can get into quickbooks online this morning");
    assert_eq!(chat.session.article(), Some("service-outage"));
    let out = chat.say("status page is green but still cant get in");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{:?}",
        out.effects
    );
    chat.say("checked the status page, says all good");
    for said in [
        "status page is green but still cant get in",
        "checked the status page, says all good",
    ] {
        assert!(
            chat.session.descriptions.iter().any(|d| d == said),
            "{said}: {:?}",
            chat.session.descriptions
        );
    }
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::WorksThere));
}

/// Found by a helper playing users (sixteenth session): "loads fine in private" answers the
/// private-window test, and a goodbye at a fix asks nothing and opens no ticket.
#[test]
fn in_private_answers_the_test_and_a_goodbye_opens_no_ticket() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo stuck on loading screen");
    chat.say("no luck");
    chat.say("brave");
    chat.say("yes loads fine in private");
    assert!(chat.recorded(Outcome::WorksThere));

    let mut chat = Chat::new(&kb);
    chat.say("page is blank");
    let out = chat.say("talk to you later");
    assert_says(&out, "Bye for now");
    assert!(!has(&out, "ticket"), "{}", all_text(&out));
}

/// The outcome recorded for the step titled `title`, if any.
fn outcome_of(chat: &Chat, title: &str) -> Option<Outcome> {
    chat.session
        .attempts
        .iter()
        .rev()
        .find(|a| a.title == title)
        .and_then(|a| a.outcome)
}

/// The title of the fix on screen.
fn open_title(chat: &Chat) -> Option<String> {
    chat.session
        .attempts
        .last()
        .filter(|a| a.outcome.is_none())
        .map(|a| a.title.clone())
}

/// Found by a helper playing users (sixteenth session): remarks and questions mid-walk are
/// no "did not fix it" of the fix on screen.
#[test]
fn remarks_and_questions_mid_walk_fail_no_fix() {
    let kb = shipped_kb();
    // A version is no error code.
    let mut chat = Chat::new(&kb);
    chat.say("payroll tax table update fails PS107");
    let open = open_title(&chat);
    chat.say("we're on QuickBooks Desktop 2019");
    assert!(!chat.recorded(Outcome::NotFixed));
    assert_eq!(open_title(&chat), open);

    // A thing of another fix not found: about that one.
    let mut chat = Chat::new(&kb);
    for said in [
        "white screen after login",
        "im on android phone, chrome app",
        "still white",
        "works in incognito tab",
    ] {
        chat.say(said);
    }
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Clear the cache and cookies")
    );
    let out = chat.say("i dont see extensions in chrome on my phone");
    assert_says(&out, "Turn off browser extensions");
    assert_eq!(outcome_of(&chat, "Clear the cache and cookies"), None);

    // A question with a browser denied beside it, about a fix for another browser.
    let mut chat = Chat::new(&kb);
    chat.say("getting 502 bad gateway when i open banking");
    chat.say("im on a mac, safari");
    let open = open_title(&chat);
    chat.say("what's active scripting? i dont have internet explorer");
    assert!(!chat.recorded(Outcome::NotFixed));
    assert_eq!(open_title(&chat), open);

    // Another fix named in another form ("the manual update thing") failed; the one on
    // screen stays. A new code fails the open fix and goes to the code's fix, with what it
    // means; asking what it means answers and fails nothing.
    let mut chat = Chat::new(&kb);
    chat.say("error 103 on my bank feed");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Update the bank sign-in details")
    );
    chat.say("i already did the manual update thing, didnt work");
    assert_eq!(
        outcome_of(&chat, "Update the bank feed manually"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Update the bank sign-in details")
    );
    let out = chat.say("updated it, now it says error 185");
    assert_says(&out, "Error 185: the bank needs");
    assert_eq!(
        outcome_of(&chat, "Update the bank sign-in details"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Check the bank's own website")
    );
    let out = chat.say("what does 185 mean");
    assert_says(&out, "Error 185: the bank needs");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Check the bank's own website")
    );
    assert_eq!(outcome_of(&chat, "Check the bank's own website"), None);
}

/// Found by a helper playing users (sixteenth session): opening the file on the server is a
/// test, "where do i find database server manager" shows that fix's steps, "that fixed it!!"
/// right after them is asked about that fix, and "ok did it, still not pulling transactions"
/// after a how-to fails the fix shown, not the one on screen.
#[test]
fn replies_after_steps_on_the_side_are_about_the_steps_shown() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("H202 error when opening company file from workstation");
    chat.say("it opens fine on the server");
    assert_eq!(
        outcome_of(&chat, "Open the file on the server"),
        Some(Outcome::WorksThere)
    );
    let out = chat.say("where do i find database server manager");
    assert_says(
        &out,
        "How to: Check hosting and the Database Server Manager",
    );
    let out = chat.say("that fixed it!! thank you");
    assert_says(
        &out,
        "Shall I note **Check hosting and the Database Server Manager**",
    );
    assert!(!chat.recorded(Outcome::Fixed));

    let mut chat = Chat::new(&kb);
    chat.say("bank feed hasnt updated since tuesday, chase account");
    chat.say("still broken");
    let open = open_title(&chat);
    chat.say("hmm where do i update sign in details?");
    chat.say("ok did it, still not pulling transactions");
    assert_eq!(
        outcome_of(&chat, "Update the bank sign-in details"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(open_title(&chat), open);
}

/// Found by a helper trying the CLI as staff (thirty-fourth session): "also tried on edge,
/// same" after "502 bad gateway in chrome" moved the walk (and the ticket's browser) to Edge;
/// Edge was tried besides, and Chrome stays. A browser named alone still moves it.
#[test]
fn a_browser_tried_besides_is_no_move_to_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("also tried on edge, same");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert!(chat.recorded(Outcome::NotFixed));
    // The same words in a one-step hand-over.
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.event(Event::HandOver {
        text: "also tried on edge, same".into(),
        browser: None,
        note: None,
        query: None,
    });
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    // After a fix, with nothing walked, the browser is noted as before (a twelfth reviewer's:
    // it was "I don't know this one").
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("fixed it");
    let out = chat.say("also tried firefox, same");
    assert!(!has(&out, "I don't know this one"), "{}", all_text(&out));
    // Moved: "im on edge now".
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("im on edge now, still 502");
    assert_eq!(chat.session.browser, Some(Browser::Edge));
    // After a fix and at "Is this it?" Chrome stays too (a thirteenth reviewer's: the ticket
    // said Firefox, and the update steps were Firefox's, the browser that works).
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("fixed it");
    let out = chat.say("also tried firefox, same");
    assert!(has(&out, "Firefox as well as Chrome"), "{}", all_text(&out));
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    // (A fourteenth reviewer's: "i also tried firefox and it works" after the fix guessed an
    // article; it is good news.)
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("fixed it");
    let out = chat.say("i also tried firefox and it works");
    assert!(has(&out, "Good to hear"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say("it doesnt load in chrome");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    chat.say("i also tried firefox and it works");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
}

/// Found by a thirteenth reviewer (thirty-fifth session): after a hand-over, a count ("also we
/// have 500 employees", "also we have 102 clients", "around 503 pm", "account number ends in
/// 103") started the article whose code the number is, and "1" then recorded a fix; it is
/// more for the ticket. A code said as one still starts its article.
#[test]
fn a_count_after_a_hand_over_is_no_error_code() {
    let kb = shipped_kb();
    let handed_over = |chat: &mut Chat| {
        chat.say("quickbooks says 502 bad gateway in chrome");
        chat.session.ticket = Some(supportbot::ids::TicketId(4));
        chat.session.ticket_open = true;
        chat.session.stage = Stage::Escalated {
            article: Some("quickbooks-error-502".into()),
        };
    };
    for said in [
        "also we have 500 employees",
        "also we have 102 clients",
        "also it happened around 503 pm",
        "also my account number ends in 103",
        "btw we process 500 paychecks a month",
    ] {
        let mut chat = Chat::new(&kb);
        handed_over(&mut chat);
        let out = chat.say(said);
        assert!(
            matches!(chat.session.stage, Stage::Escalated { .. }),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            actions(&out).contains(&Action::AddToTicket),
            "{said}: {}",
            all_text(&out)
        );
    }
    for (said, article) in [
        ("also error 500 sometimes", "internal-server-error-500"),
        ("also 504", "gateway-timeout-504"),
        ("also i get ps032 in desktop", "payroll-not-updating"),
    ] {
        let mut chat = Chat::new(&kb);
        handed_over(&mut chat);
        chat.say(said);
        assert_eq!(chat.session.article(), Some(article), "{said}");
    }
}

/// Found by a thirteenth reviewer (thirty-fifth session): of two fixes a deed names as much,
/// the earlier was taken ("cleared the quickbooks app cache" was "Remove browser cache",
/// "allowed cookies for intuit" was "Clear Intuit cookies"); the one more of the words name
/// is.
#[test]
fn a_deed_names_the_fix_most_of_its_words_name() {
    let kb = shipped_kb();
    for (said, tried, not_tried) in [
        (
            "502 bad gateway in chrome. cleared the quickbooks app cache and restarted, still 502",
            "Clear the QuickBooks app cache",
            "Remove browser cache",
        ),
        (
            "502 bad gateway in chrome. restarted my computer and cleared cache, still 502",
            "Remove browser cache",
            "Clear the QuickBooks app cache",
        ),
        (
            "login loop in chrome. restarted and allowed cookies for intuit, still loops",
            "Allow cookies for Intuit and stop clearing them on exit",
            "Clear Intuit cookies and sign in again",
        ),
        (
            "login loop in chrome. cleared cookies, still loops",
            "Clear Intuit cookies and sign in again",
            "Allow cookies for Intuit and stop clearing them on exit",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(said);
        assert_eq!(outcome_of(&chat, tried), Some(Outcome::NotFixed), "{said}");
        assert_ne!(
            outcome_of(&chat, not_tried),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
}

/// Found by an eleventh reviewer (thirty-fourth session): "back online" offered a fix never
/// shown ("Send paychecks stuck as \"online to send\"", "Temporarily turn off the firewall"):
/// "online" names no step.
#[test]
fn back_online_names_no_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll not updating");
    let open = open_title(&chat).expect("a step is open");
    let out = chat.say("tried it again and it worked, payroll went through, back online");
    assert!(
        has(&out, &format!("Shall I note **{open}**")),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper trying the CLI as staff (thirty-fourth session): "repeat" at "Is this
/// it?" was read as more words of the description and opened the article ("keeps logging me
/// out repeat" ranked it confidently).
#[test]
fn repeat_at_a_list_shows_the_same_list() {
    let kb = shipped_kb();
    for said in ["repeat", "say that again"] {
        let mut chat = Chat::new(&kb);
        chat.say("keeps logging me out");
        assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
        let out = chat.say(said);
        assert!(
            matches!(chat.session.stage, Stage::ChoosingArticle { .. }),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            actions(&out).contains(&Action::Article("login-loop-signed-out".into())),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a helper trying the CLI as staff (thirty-fourth session): "my bank feed is not
/// updating, chase error 103" at a payroll step, with no "also", failed the step and showed the
/// next payroll fix; it tells another problem, so "keep going or switch?" is asked.
#[test]
fn another_problem_told_as_not_working_is_asked_about_not_failed() {
    let kb = shipped_kb();
    for said in [
        "my bank feed is not updating, chase error 103",
        "my bank feed is not updating",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("payroll wont update PS032");
        let open = open_title(&chat);
        let out = chat.say(said);
        assert_says(&out, "different problem");
        assert!(!chat.recorded(Outcome::NotFixed), "{said}");
        assert_eq!(open_title(&chat), open, "{said}");
    }
    // A thing of this article's own steps ("firewall" at the company file's network check)
    // is no other problem (a tenth reviewer's).
    let mut chat = Chat::new(&kb);
    for said in ["company file won't open error H202", "no", "no", "no"] {
        chat.say(said);
    }
    let out = chat.say("the firewall is fine, it opens for bob but not me");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    // A deed naming the other's words answers the step on screen.
    let mut chat = Chat::new(&kb);
    chat.say("keeps logging me out on my iphone");
    chat.say("yes");
    let out = chat.say("cleared cookies, didnt help");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
}

/// Found by a helper playing users (sixteenth session): words typed at a list add to all the
/// words it came from; a remark naming a thing of the article's own steps ("task manager") is
/// no other problem; a fix told at "keep going or switch?" is credited to no step.
#[test]
fn follow_ups_keep_to_the_problem_told() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo is slow on my iphone");
    chat.say("actually I'm on my work laptop with edge now, same thing");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    // (The deed and "no change" say a fix was tried: it is skipped.)
    let out = chat.say("closed tabs, no change");
    assert_eq!(chat.session.article(), Some("slow-performance"));
    assert_says(&out, "you already tried **Close extra tabs");
    let out = chat.say("edge task manager shows nothing big");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("slow-performance"));
    assert_eq!(outcome_of(&chat, "Find what is using resources"), None);

    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "firewall-antivirus-proxy".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.say("found it, some extension called honey using tons of memory");
    assert_says(&out, "different problem");
    chat.say("removed honey, way faster now thx");
    assert!(!chat.recorded(Outcome::WorksThere));
    assert!(!chat.recorded(Outcome::Fixed));
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
}

/// Found by a helper playing users (sixteenth session): questions about a step get its steps,
/// and "does it matter which browser?" gets why and how to tell; "blue e" then answers.
#[test]
fn questions_about_steps_and_the_browser_are_answered() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("This page has expired error in qbo");
    chat.say("chrome");
    let out = chat.say("what do you mean private window?");
    assert_says(&out, "How to: Try a private window");

    let mut chat = Chat::new(&kb);
    chat.say("qbo just spins forever on my iphone");
    chat.say("tried that, didnt work");
    let open = open_title(&chat).expect("a fix is open");
    let out = chat.say("how do i do that on my phone");
    assert_says(&out, &format!("How to: {open}"));

    let mut chat = Chat::new(&kb);
    chat.say("getting 503 service unavailable in qbo");
    let out = chat.say("i have zapier syncing stuff, could that be it?");
    assert_says(&out, "How to: Pause third-party apps and automations");
    chat.say("paused zapier and now it works");
    assert!(!chat.recorded(Outcome::Fixed));
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Pause third-party apps and automations")
    );

    let mut chat = Chat::new(&kb);
    chat.say("keeps logging me out every few minutes");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    let out = chat.say("does it matter which browser?");
    assert_says(&out, "It matters for this step");
    chat.say("idk the default one on my laptop, blue e");
    assert_eq!(chat.session.browser, Some(Browser::Edge));
}

/// Found by a helper playing users (sixteenth session): at "Shall I note ... as what fixed
/// it?", "but i need the full history tho" is no fix, "ok thanks bye" is no "didn't catch
/// that", and "i turned off the extensions and it loads now" names the fix asked about.
#[test]
fn replies_at_shall_i_note_it_are_read() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("504 gateway timeout when running profit and loss for all dates");
    chat.say("waited 10 min and retried, same");
    let out = chat.say("ok i ran it for just this year and it loaded");
    assert_says(&out, "Shall I note");
    chat.say("but i need the full history tho");
    assert_eq!(
        outcome_of(&chat, "Make the report or export smaller"),
        Some(Outcome::NotFixed)
    );
    let out = chat.say("ok thanks bye");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed));

    // ("yes works in private" at the extensions fix is no fix since the thirty-eighth
    // session: the usual window still fails. The deed told next is asked about, then noted.)
    let mut chat = Chat::new(&kb);
    chat.say("qbo just spins forever on my iphone");
    chat.say("tried that, didnt work");
    let out = chat.say("yes works in private");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    // (Spinning forever is the page-not-loading article's since the fortieth session; it
    // was the slow one's.)
    let out = chat.say("ok i turned off the extensions and it loads now!! 🙏");
    assert_says(&out, "Shall I note **Turn off browser extensions**");
    let out = chat.say("yes");
    assert_says(&out, "Glad that worked");
    assert_eq!(
        outcome_of(&chat, "Turn off browser extensions"),
        Some(Outcome::Fixed)
    );
}

/// Found by a second helper playing users (sixteenth session): "what is database server
/// manager??" shows that fix, and a correction of the problem opens the article it names.
#[test]
fn a_corrected_problem_opens_its_article_and_what_is_x_shows_x() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("H202 error when opening company file from workstation");
    chat.say("yes it opens fine on the server");
    chat.say("ok ran file doctor, didnt help");
    let out = chat.say("what is database server manager??");
    assert_says(
        &out,
        "How to: Check hosting and the Database Server Manager",
    );
    let out = chat.say("ok it wasnt running, started it and now it opens!!");
    assert_says(
        &out,
        "Shall I note **Check hosting and the Database Server Manager**",
    );

    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is broken");
    chat.say("wait no sorry, its actually payroll that wont update, bank is fine");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    assert!(!chat.recorded(Outcome::NotFixed));
    // "wait no, its actually still broken" corrects nothing about the problem.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is broken");
    chat.say("wait no, its actually still broken");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
}

/// Found by a second helper playing users (sixteenth session): at the outage test, "tried on
/// my phone with 4g, doesnt work either" is the test failing (not another fix that shares a
/// word), and "how long will it take" is answered from the FAQ, not taken for another problem.
#[test]
fn the_outage_test_failing_and_how_long_are_read() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online is down for everyone in our office");
    assert_eq!(chat.session.article(), Some("service-outage"));
    chat.say("tried on my phone with 4g, doesnt work either");
    assert_eq!(
        outcome_of(&chat, "Try from another network or device"),
        Some(Outcome::FailsThere)
    );
    assert_eq!(
        outcome_of(&chat, "Check your work after the service returns"),
        None
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Wait and follow updates")
    );
    let out = chat.say("how long will it take");
    assert_says(&out, "How long will the outage last?");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
}

/// Found by a second helper playing users (sixteenth session): "its not a browser its the
/// desktop app" at "Which browser?" goes on with the steps that need none (it was asked again
/// and again).
#[test]
fn no_browser_at_the_browser_question_goes_on() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway on the quickbooks desktop app when updating bank");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    chat.say("its not a browser its the desktop app");
    assert!(chat.session.current_step().is_some());
    assert!(!matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
}

/// Found by a second helper playing users (sixteenth session): "idk how do i check which
/// browser i use?" at a step is told how to tell the browser, not shown another step.
#[test]
fn how_to_check_the_browser_at_a_step_is_told() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("the page wont load, just blank white screen");
    let out = chat.say("idk how do i check which browser i use?");
    assert_says(&out, "How to tell");
    assert!(!has(&out, "How to: "), "{}", all_text(&out));
}

/// Found by a reviewer (sixteenth session): the session's conversation rules kept to what they
/// are for.
#[test]
fn the_sixteenth_sessions_rules_reach_no_further() {
    let kb = shipped_kb();
    let blank = "quickbooks online page is blank and keeps spinning in chrome";
    // "but yes, it works now" at "Shall I note ...?" fails nothing.
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    let out = chat.say("worked this time but i had to reload 5 times");
    assert_says(&out, "Shall I note");
    chat.say("but yes, it works now");
    assert!(!chat.recorded(Outcome::NotFixed));
    // "connected again, still blank" fails the fix on screen, not "Check the connection".
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.say("connected again, still blank");
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        outcome_of(&chat, "Check the connection and the service"),
        None
    );
    // A browser correction is only the browser.
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    chat.say("my mistake, i use edge not chrome");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    assert_eq!(chat.session.browser, Some(Browser::Edge));
    // A short question with a code still offers the other article.
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    let out = chat.say("now its giving me a 503 error?");
    assert_says(&out, "different problem");
    // "could it be down for everyone?" runs the check.
    let mut chat = Chat::new(&kb);
    chat.say(blank);
    let out = chat.say("could it be down for everyone?");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
    // A denied icon names no browser; asking about another browser is no "why".
    let mut chat = Chat::new(&kb);
    chat.say("keeps logging me out every few minutes");
    chat.say("does it matter which browser?");
    chat.say("no idea, but its not the blue e one");
    assert_ne!(chat.session.browser, Some(Browser::Edge));
    let mut chat = Chat::new(&kb);
    chat.say("keeps logging me out every few minutes");
    let out = chat.say("is the duckduckgo browser ok?");
    assert!(!has(&out, "It matters for this step"), "{}", all_text(&out));
}

/// Found by a helper playing users (seventeenth session): an Internet Explorer user at an
/// article with no steps for it is pointed to the fix written for Internet Explorer.
#[test]
fn a_browser_with_no_steps_here_is_pointed_to_its_own_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("page expired message in quickbooks");
    let out = chat.say("internet explorer");
    assert_says(&out, "None of these fixes has steps for Internet Explorer");
    assert_eq!(
        actions(&out).first(),
        Some(&Action::Article("unsupported-browser".into())),
        "{}",
        all_text(&out)
    );
    let out = chat.act(Action::Article("unsupported-browser".into()));
    assert_solution(
        &out,
        2,
        4,
        "Switch from Internet Explorer to a supported browser",
    );
    // A browser the article has steps for is told nothing of the kind.
    let mut chat = Chat::new(&kb);
    chat.say("page expired message in quickbooks, firefox");
    for _ in 0..4 {
        let out = chat.say("still broken");
        assert!(
            !has(&out, "None of these fixes has steps"),
            "{}",
            all_text(&out)
        );
    }
}

/// Found by a helper playing users (seventeenth session): "started" says when, not what, and
/// a blank Reports page is a page that does not load, not an outage.
#[test]
fn when_it_started_and_which_page_do_not_pick_the_article() {
    let kb = shipped_kb();
    for said in [
        "quickbooks started acting up after the update",
        "it started after the chrome update yesterday",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_ne!(
            chat.session.article(),
            Some("payroll-not-updating"),
            "{said}: {}",
            all_text(&out)
        );
    }
    for said in [
        "the reports page is just blank in chrome",
        "reports tab is blank",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_eq!(
            chat.session.article(),
            Some("page-not-loading"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a helper playing users (seventeenth session): "safari" alone, then "mac" at the
/// list, is Safari on a Mac: never asked again.
#[test]
fn a_device_after_bare_safari_settles_which_safari() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("safari keeps logging me out of quickbooks");
    let out = chat.say("mac");
    assert_says(&out, "Noted: Safari (Mac)");
    assert_eq!(chat.session.browser, Some(Browser::SafariMac));
    let out = chat.say("yes");
    assert!(!has(&out, "Which one are you using?"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say("im on safari");
    let out = chat.say("ipad");
    assert_says(&out, "Noted: Safari (iPhone and iPad)");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
}

/// Found by a helper playing users (seventeenth session): a message of the article's quoted
/// points to the fix for it, first and later, and names no fix as done; a cause named that the
/// step does not touch credits no step.
#[test]
fn a_quoted_message_points_to_its_fix_and_names_none_done() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("cookies are disabled message when i try to sign in, firefox");
    assert_solution(&out, 4, 4, "Turn on cookies");
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks says please enable javascript, chrome");
    assert_solution(&out, 3, 4, "Turn on JavaScript");
    // "supported" alone is no pointer to "Switch from Internet Explorer ...".
    let mut chat = Chat::new(&kb);
    let out = chat.say("your browser is not supported banner in chrome");
    assert_solution(&out, 1, 4, "Update your browser");
    // Later: quoted again at another fix, the message is no deed.
    let out = chat.say("still says cookies are disabled");
    assert!(!has(&out, "didn't fix it either"), "{}", all_text(&out));
    assert_eq!(outcome_of(&chat, "Turn on cookies"), None);
    assert_solution(&out, 4, 4, "Turn on cookies");
    // A cause the step does not touch: nothing credited.
    let out = chat.say("oh wait, it was my privacy extension, works now");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
}

/// Found by a helper playing users (seventeenth session): a deed done to something only one
/// fix's steps name ("paused zapier") is that fix; "ok great" at "Shall I note ...?" is a yes.
#[test]
fn a_name_only_one_fix_mentions_credits_that_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("503 service unavailable when sending invoices");
    let out = chat.say("paused zapier and its working now");
    assert_says(
        &out,
        "Shall I note **Pause third-party apps and automations** as what fixed it?",
    );
    chat.say("ok great");
    assert_eq!(
        outcome_of(&chat, "Pause third-party apps and automations"),
        Some(Outcome::Fixed)
    );
    // The fix on screen is neither credited nor failed.
    assert!(!matches!(
        outcome_of(&chat, "Wait and retry"),
        Some(Outcome::Fixed | Outcome::NotFixed)
    ));
    // A name every user says (a browser, the product) points to no fix.
    let mut chat = Chat::new(&kb);
    chat.say("503 service unavailable when sending invoices");
    let out = chat.say("restarted quickbooks and its working now");
    assert!(!has(&out, "Pause third-party apps"), "{}", all_text(&out));
}

/// Found by a second helper playing users (seventeenth session): a fix done and told in other
/// words ("disconnected and reconnected", "my clock was set wrong, fixed that") is the one
/// asked about and credited, not the one on screen.
#[test]
fn a_fix_told_in_its_own_words_is_the_one_asked_about() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating, safari on my mac");
    chat.say("still broken");
    chat.say("still broken");
    let out = chat.say("ok i disconnected and reconnected, now there are duplicates lol");
    assert_says(&out, "Did **Disconnect and reconnect the account** fix it?");
    let out = chat.say("but the feed works now at least");
    assert_says(
        &out,
        "Shall I note **Disconnect and reconnect the account**",
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps logging me out, firefox");
    let out = chat.say("oh my clock was set wrong, fixed that and it stays logged in now");
    assert_says(
        &out,
        "Shall I note **Check the date, time and other sign-ins**",
    );
}

/// Found by a second helper playing users (seventeenth session): a test's result said again
/// the other way counts, and the fixes the old result passed over come back; "can someone help
/// me" at "Is this it?" asks for a person.
#[test]
fn a_test_answered_again_brings_back_what_it_passed_over() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank, chrome");
    chat.say("still blank");
    chat.say("fails there too");
    chat.say("still blank");
    let out = chat.say("it works in incognito though");
    assert!(!has(&out, "Glad it works now"), "{}", all_text(&out));
    assert_says(&out, "it works in the test **Try a private window** now");
    assert_solution(&out, 3, 5, "Turn off browser extensions");
    assert_eq!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::WorksThere)
    );
    assert!(!chat.recorded(Outcome::Fixed));
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps logging me out");
    let out = chat.say("can someone help me");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by both helpers playing users (seventeenth session): an FAQ asked as written is
/// answered before any step its words name, and a test's result told before a question is the
/// test's answer.
#[test]
fn an_faq_asked_as_written_and_a_result_before_a_question() {
    let kb = shipped_kb();
    for asked in ["what is retry-after?", "what is retry-after"] {
        let mut chat = Chat::new(&kb);
        chat.say("503 service unavailable when sending invoices");
        let out = chat.say(asked);
        assert_says(&out, "What is Retry-After?");
        assert!(!has(&out, "How to: Wait and retry"), "{}", all_text(&out));
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank in chrome");
    chat.say("still blank");
    let out = chat.say("its fine in incognito, so whats wrong with my normal chrome?");
    assert_eq!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 3, 5, "Turn off browser extensions");
}

/// Found by a second helper playing users (seventeenth session): a later test's result told
/// beside a failed fix is that test's answer, never asked again.
#[test]
fn a_later_tests_result_beside_a_failed_fix_is_its_answer() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows a blank page in chrome");
    let out = chat.say("did ctrl f5, still blank. incognito is blank too");
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::FailsThere),
        "{}",
        all_text(&out)
    );
    assert_solution(&out, 5, 5, "Check the connection and the service");
}

/// Found by a helper playing users (seventeenth session): "can you check https://..." runs
/// the check, whatever article the address's words name.
#[test]
fn a_check_asked_with_the_sites_address_runs_it() {
    let kb = shipped_kb();
    for said in [
        "can you check https://qbo.intuit.com for me",
        "check https://qbo.intuit.com",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Check { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a helper playing users (seventeenth session): a fix said to have failed twice is
/// one showing and one result.
#[test]
fn a_fix_failed_twice_in_words_is_counted_once() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("company file wont open H202 error");
    chat.say("its on the server in the back office");
    chat.say("ok ran file doctor already, no change");
    chat.say("whats the tool hub?");
    chat.say("ok ran it, same error");
    let doctor = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.title == "Run QuickBooks File Doctor from the Tool Hub")
        .count();
    assert_eq!(doctor, 1, "{:?}", chat.session.attempts);
}

/// Found by both helpers playing users (seventeenth session): a desktop browser's update page
/// is not shown on a phone; the app store is named instead.
#[test]
fn a_phone_is_not_shown_a_desktop_browsers_update_page() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("chrome on my iphone, quickbooks says your browser is not supported");
    assert!(!has(&out, "About Google Chrome"), "{}", all_text(&out));
    assert_says(&out, "update Chrome from the App Store");
}

/// Found by a second helper playing users (seventeenth session): with the sentence model on,
/// the problem told beside a check is held to the fused bar, not opened on its lexical score
/// alone (it was opened at "56% confident").
#[test]
fn a_problem_beside_a_check_is_held_to_the_fused_bar() {
    use supportbot::semantic::{Embed, QueryVectors, windows::query_windows};
    let mut kb = shipped_kb();
    kb.attach_semantic(&Concepts, None, &mut |_, _| {}).unwrap();
    let text = "is quickbooks down? my invoices wont save";
    let windows = query_windows(text);
    let refs: Vec<&str> = windows.iter().map(String::as_str).collect();
    let query = QueryVectors {
        model: "concepts".into(),
        vectors: Concepts.embed(&refs).unwrap(),
    };
    let mut chat = Chat::new(&kb);
    let out = chat.event(Event::Describe {
        text: text.into(),
        browser: None,
        query: Some(query),
    });
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
    assert!(
        !matches!(chat.session.stage, Stage::AwaitingFeedback { .. }),
        "opened outright: {}",
        all_text(&out)
    );
    // Without the model, the lexical bar is the bar, as before.
    let mut chat = Chat::new(&kb);
    chat.say(text);
    assert!(matches!(chat.session.stage, Stage::AwaitingFeedback { .. }));
}

/// Found by a second helper playing users (seventeenth session): moving to Edge at "Switch
/// from Internet Explorer to a supported browser" is that step, which stays the question.
#[test]
fn moving_browser_at_the_step_that_says_to_is_that_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says browser not supported. i use internet explorer");
    let out = chat.say("we have edge i think, the blue e thing?");
    assert_says(&out, "that is what this step asks");
    assert_eq!(chat.session.browser, Some(Browser::Edge));
    let out = chat.say("ok im in edge now and it works");
    assert_says(
        &out,
        "Shall I note **Switch from Internet Explorer to a supported browser**",
    );
}

/// "ok thanks bye", "k thx bye", "cheers mate" after "Glad that worked!" are a goodbye, not a
/// problem with no article ("I don't know this one"); "cheers" is thanks.
#[test]
fn a_goodbye_after_a_fix_is_answered_as_one() {
    let kb = shipped_kb();
    for (bye, thanked) in [
        ("ok thanks bye", true),
        ("k thx bye", true),
        ("cheers mate", true),
        ("ok bye", false),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("page keeps spinning on the dashboard, chrome");
        let out = chat.say("yes that fixed it");
        assert!(chat.recorded(Outcome::Fixed), "{bye}: {}", all_text(&out));
        let out = chat.say(bye);
        assert!(has(&out, "Bye for now"), "{bye}: {}", all_text(&out));
        assert_eq!(
            has(&out, "You're welcome"),
            thanked,
            "{bye}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "I don't know this one"), "{bye}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("page keeps spinning on the dashboard, chrome");
    chat.say("yes that fixed it");
    let out = chat.say("cheers");
    assert!(has(&out, "You're welcome"), "{}", all_text(&out));
}

/// "what does H202 mean?" (a code of the article's own title) is answered from the article on
/// the side, at a test and at a fix; asking is no result, so nothing is recorded as failed.
#[test]
fn asking_what_the_articles_own_code_means_is_answered_and_records_nothing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("H202 when opening company file from workstation");
    let open = chat.session.current_step();
    let out = chat.say("what does H202 mean?");
    assert!(
        has(&out, "a workstation cannot reach the computer"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.current_step(),
        open,
        "the test stays the question"
    );
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed));

    chat.say("fails there too");
    let open = chat.session.current_step();
    let failed = chat.session.attempts.len();
    let out = chat.say("what does H202 mean?");
    assert!(
        has(&out, "a workstation cannot reach"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.current_step(),
        open,
        "the fix stays the question"
    );
    assert_eq!(chat.session.attempts.len(), failed, "{}", all_text(&out));
}

/// Just after "Glad that worked!", the problem told again only as "Is this it?" ("its blank
/// again") or a slip in other words ("no wait it didnt work") takes the fix back: it is not left credited and the walk goes on.
#[test]
fn a_fix_taken_back_in_other_words_is_not_left_credited() {
    let kb = shipped_kb();
    for back in [
        "ugh nvm its blank again",
        "its blank again",
        "welp, blank again 🙃",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("the reports page is blank, everything else loads. edge");
        chat.say("ctrl f5 fixed it!");
        chat.say("yes");
        assert!(chat.recorded(Outcome::Fixed), "{back}");
        let out = chat.say(back);
        assert!(has(&out, "it's back"), "{back}: {}", all_text(&out));
        assert!(!has(&out, "Is this it?"), "{back}: {}", all_text(&out));
        assert!(
            !chat.recorded(Outcome::Fixed),
            "{back}: the fix stays credited"
        );
    }
    for slip in ["wait no, i mean it didnt work", "no wait it didnt work"] {
        let mut chat = Chat::new(&kb);
        chat.say("bad gateway again ugh. im on chrome");
        chat.say("yes");
        assert!(chat.recorded(Outcome::Fixed), "{slip}");
        let out = chat.say(slip);
        assert!(
            has(&out, "didn't fix it after all"),
            "{slip}: {}",
            all_text(&out)
        );
        assert!(
            !chat.recorded(Outcome::Fixed),
            "{slip}: the fix stays credited"
        );
    }
}

/// At "Retry after a short wait", "did a smaller range and it worked" and "shortened the date
/// range, works now" tell the other fix done ("Make the report or export smaller": its title's
/// word, or words only its steps have); that fix is the one asked about, never the one on
/// screen.
#[test]
fn a_fix_told_by_what_was_done_is_the_one_asked_about() {
    let kb = shipped_kb();
    for said in [
        "did a smaller range and it worked",
        "shortened the date range, works now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("504 gateway timeout when exporting all my transactions to excel");
        let out = chat.say(said);
        assert!(
            has(&out, "Shall I note **Make the report or export smaller**"),
            "{said}: {}",
            all_text(&out)
        );
        chat.say("yes");
        let fixed: Vec<&str> = chat
            .session
            .attempts
            .iter()
            .filter(|a| a.outcome == Some(Outcome::Fixed))
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(fixed, ["Make the report or export smaller"], "{said}");
    }
    // Words the open fix's steps have too name no other fix.
    let mut chat = Chat::new(&kb);
    chat.say("504 gateway timeout when exporting all my transactions to excel");
    let out = chat.say("waited a few minutes and tried again, it works");
    assert!(has(&out, "Retry after a short wait"), "{}", all_text(&out));
}

/// "anyone else having issues with quickbooks today?" asks about an outage: the live check,
/// first thing or mid-walk; never a ticket or "I don't know this one".
#[test]
fn asking_whether_anyone_else_has_it_runs_the_check() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("anyone else having issues with quickbooks today?");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Check { targets, .. }] if !targets.is_empty()),
        "{out:?}"
    );
    let mut chat = Chat::new(&kb);
    chat.say("page blank after login, chrome");
    let out = chat.say("anyone else getting this?");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Check { targets, .. }] if !targets.is_empty()),
        "{out:?}"
    );
    assert_eq!(chat.session.article(), Some("page-not-loading"));
}

/// Where this session's rules must not reach (found by a reviewer comparing with the base):
/// "i mean" is filler, not a correction; a question beside an error still reports it; "my
/// dashboard is back" after a fix takes nothing back.
#[test]
fn rules_of_the_eighteenth_session_do_not_reach_past_them() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    chat.say("still broken");
    chat.say("works fine in incognito");
    let out = chat.say("i mean, i turned them off and it works now");
    assert!(
        has(&out, "Shall I note **Turn off browser extensions**"),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    let out = chat.say("now it says error 106, what do i do?");
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    chat.say("that fixed it");
    assert!(chat.recorded(Outcome::Fixed));
    let out = chat.say("my dashboard is back");
    assert!(chat.recorded(Outcome::Fixed), "{}", all_text(&out));
}

/// "thanks, ill contact support if it comes back" after "Glad that worked!" plans for later:
/// the fix stands, no article list and no ticket; "actually it came back" later still takes
/// it back.
#[test]
fn a_plan_for_the_trouble_coming_back_keeps_the_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    chat.say("that fixed it");
    assert!(chat.recorded(Outcome::Fixed));
    let out = chat.say("thanks, i'll contact support if it comes back");
    assert!(chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    assert!(out.effects.is_empty(), "{out:?}");
    assert!(has(&out, "If it comes back"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    let out = chat.say("actually it came back");
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
}

/// "im on chrome and edge" names where the user is, not a problem: both noted, no article
/// opened on the browser names (they ranked the firewall article 78% confident); after a fix
/// the fix stays recorded. "thanks mate", "ok buddy" after a fix are thanks, not a problem
/// nobody has an article for.
#[test]
fn several_browsers_or_a_friendly_word_are_no_problem_to_look_up() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("im on chrome and edge");
    assert!(
        has(&out, "Noted: Chrome and Microsoft Edge"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), None);

    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    chat.say("that fixed it");
    let out = chat.say("chrome and edge both");
    assert!(
        has(&out, "Noted: Chrome and Microsoft Edge"),
        "{}",
        all_text(&out)
    );
    assert!(chat.recorded(Outcome::Fixed));
    assert_eq!(chat.session.article(), Some("page-not-loading"));

    for friendly in ["thanks mate", "ok buddy"] {
        let mut chat = Chat::new(&kb);
        chat.say("the blank page keeps showing in chrome");
        chat.say("that fixed it");
        let out = chat.say(friendly);
        assert!(
            has(&out, "You're welcome"),
            "{friendly}: {}",
            all_text(&out)
        );
        assert!(chat.recorded(Outcome::Fixed), "{friendly}");
    }
}

/// "white screen and also my bank feed isnt updating": the walk takes one problem, and once it
/// is fixed the other is offered (it used to be dropped); a part that tells a step taken ("also
/// i cleared the cache already") or where the user is ("also im on chrome") is no problem.
#[test]
fn a_second_problem_in_the_first_message_is_offered_after_the_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("white screen and also my bank feed isnt updating");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    let out = chat.say("that fixed it");
    assert!(chat.recorded(Outcome::Fixed));
    assert!(
        has(&out, "You also mentioned another problem"),
        "{}",
        all_text(&out)
    );
    assert!(
        actions(&out).contains(&Action::Article("page-not-loading".into())),
        "{out:?}"
    );
    let out = chat.act(Action::Article("page-not-loading".into()));
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    assert!(has(&out, "Solution 1 of"), "{}", all_text(&out));
    // Offered once: the next fix says nothing more of it.
    let out = chat.say("that fixed it");
    assert!(!has(&out, "You also mentioned"), "{}", all_text(&out));

    for one_problem in [
        "the page is blank. also, i cleared cache already",
        "bank feed stuck since monday! also im on chrome",
        "502 bad gateway when i open payroll, also tried firefox",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(one_problem);
        chat.say("chrome");
        let out = chat.say("that fixed it");
        assert!(chat.recorded(Outcome::Fixed), "{one_problem}");
        assert!(
            !has(&out, "You also mentioned"),
            "{one_problem}: {}",
            all_text(&out)
        );
    }
}

/// A user in the phone app is told the fixes are for a browser and what to do about the app;
/// a browser user is not.
#[test]
fn a_mobile_app_user_is_told_the_fixes_are_for_a_browser() {
    let kb = shipped_kb();
    let app_note = |out: &Output| {
        out.replies
            .iter()
            .flat_map(|r| &r.fields)
            .any(|f| f.name == "App" && f.value.contains("reinstall"))
    };
    let mut chat = Chat::new(&kb);
    let out = chat.say("the quickbooks app on my iphone shows 502 bad gateway");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert!(app_note(&out), "{out:?}");
    let mut chat = Chat::new(&kb);
    let out = chat.say("502 bad gateway in safari on my iphone");
    assert!(!app_note(&out), "{out:?}");
}

/// "tried it on my wifes laptop and it works there": it works on someone else's device, which
/// is news for staff, not a fix (it was "Shall I note ... as what fixed it?") nor the private
/// window test's result.
#[test]
fn it_working_on_someone_elses_device_is_noted_not_a_fix() {
    let kb = shipped_kb();
    for (first, then) in [
        (
            "blank white page in quickbooks on chrome since this morning",
            "tried it on my wifes laptop and it works there",
        ),
        (
            "quickbooks login loop, keeps sending me back to sign in, chrome",
            "my boss uses safari on his mac and it works fine there",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        let out = chat.say(then);
        assert!(
            has(&out, "Good to know it works there"),
            "{then}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Shall I note"), "{then}: {}", all_text(&out));
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "{then}"
        );
    }
    // At the private-window test: not its result.
    let mut chat = Chat::new(&kb);
    chat.say("every time i log in to quickbooks it just sends me back to the sign in page. edge");
    chat.say("did that, still looping");
    let out = chat.say("tried it on my wifes laptop and it works there");
    assert!(
        has(&out, "Good to know it works there"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::WorksThere), "{}", all_text(&out));
}

/// "im on chrome and edge" mid-walk or at "Which browser?" tells where the user is (it was read
/// as the firewall article's problem): noted mid-walk, the first one's steps at the question.
#[test]
fn two_browsers_named_mid_walk_are_noted_not_another_problem() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks login loop, keeps sending me back to sign in, chrome");
    let out = chat.say("im on chrome and edge");
    assert!(
        has(&out, "Noted: Chrome and Microsoft Edge."),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    assert!(!chat.recorded(Outcome::NotFixed));
    assert!(actions(&out).iter().any(|a| matches!(a, Action::Fixed(_))));

    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks says 502 bad gateway");
    assert!(has(&out, "Which browser"), "{}", all_text(&out));
    let out = chat.say("i use chrome and edge");
    assert!(
        has(&out, "Here are the steps for Chrome"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
}

/// "Shall we look at it now?" (the other problem, after a fix) answered in words: a yes looks at
/// it (they were read as thanks or as nothing), a no leaves it.
#[test]
fn a_yes_in_words_looks_at_the_other_problem() {
    let kb = shipped_kb();
    for yes in [
        "yes",
        "yes please",
        "sure",
        "yeah the payroll one",
        "ok lets do that",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed hasnt updated since tuesday, chase, and also payroll wont update");
        assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
        let out = chat.say("fixed it");
        assert!(has(&out, "You also mentioned"), "{}", all_text(&out));
        let out = chat.say(yes);
        assert_eq!(
            chat.session.article(),
            Some("payroll-not-updating"),
            "{yes}: {}",
            all_text(&out)
        );
        assert!(has(&out, "Solution 1 of"), "{yes}: {}", all_text(&out));
    }
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed hasnt updated since tuesday, chase, and also payroll wont update");
    chat.say("fixed it");
    let out = chat.say("no");
    assert!(has(&out, "look at it later"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::Fixed), "the fix stays recorded");
}

/// The second problem is said to be heard when the walk starts, and offered at the end of the
/// fixes beside a person (it was offered only after a fix, so a walk that failed dropped it).
#[test]
fn a_second_problem_is_acknowledged_at_once_and_offered_when_the_fixes_run_out() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("my bank feed stopped updating in chrome and also payroll won't update");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    let also: Vec<&str> = out
        .replies
        .iter()
        .flat_map(|r| &r.fields)
        .filter(|f| f.name == "Also mentioned")
        .map(|f| f.value.as_str())
        .collect();
    assert!(
        matches!(also.as_slice(), [v] if v.starts_with("Payroll")),
        "{out:?}"
    );
    let mut out = out;
    for _ in 0..10 {
        if question(&out).title.as_deref() == Some("Out of fixes") {
            break;
        }
        out = chat.not_fixed();
    }
    assert!(
        has(&out, "You also mentioned **Payroll"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        actions(&out)[..2],
        [
            Action::Escalate,
            Action::Article("payroll-not-updating".into())
        ],
        "a person first, then the other problem"
    );
    let out = chat.act(Action::Article("payroll-not-updating".into()));
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    assert!(has(&out, "Solution 1 of"), "{}", all_text(&out));
}

/// The "Also mentioned" field of the article's first reply.
fn also_mentioned(out: &Output) -> Vec<String> {
    out.replies
        .iter()
        .flat_map(|r| &r.fields)
        .filter(|f| f.name == "Also mentioned")
        .map(|f| f.value.clone())
        .collect()
}

/// A second problem told without "also" ("bank feed is stuck and payroll update fails",
/// "..., payroll won't update"), or in words that rank it below the confident bar ("it keeps
/// logging me out"), is held too; a part that names no article clearly ("payroll for Rosa's
/// wont update" ranks the 502 article a hair above payroll) is none (it was offered as "502").
/// Found by an exploratory helper playing a bookkeeper with many clients.
#[test]
fn a_second_problem_told_in_a_clause_of_its_own_is_held() {
    let kb = shipped_kb();
    for (first, walked, other) in [
        (
            "bank feed is stuck and payroll update fails",
            "payroll-not-updating",
            "Bank Feed",
        ),
        (
            "client A's bank feed stopped updating and client B's payroll won't update, both on QBO in chrome",
            "bank-feed-not-updating",
            "Payroll",
        ),
        (
            "bank feed stopped updating, payroll won't update",
            "bank-feed-not-updating",
            "Payroll",
        ),
        (
            "500 when saving invoices and also it keeps logging me out",
            "internal-server-error-500",
            "Login Loop",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(first);
        assert_eq!(chat.session.article(), Some(walked), "{first}");
        let also = also_mentioned(&out);
        assert!(
            matches!(also.as_slice(), [v] if v.starts_with(other)),
            "{first}: {also:?}"
        );
    }
    let mut chat = Chat::new(&kb);
    let out =
        chat.say("bank feed for Hartley stopped, and also payroll for Rosa's wont update, chrome");
    assert!(!has(&out, "502"), "{}", all_text(&out));
    assert!(also_mentioned(&out).is_empty(), "{out:?}");

    // A step taken, said beside the problem, is no other problem.
    let mut chat = Chat::new(&kb);
    let out = chat.say("my bank feed stopped and i already cleared the cache");
    assert!(also_mentioned(&out).is_empty(), "{out:?}");
}

/// Another problem told mid-walk with its browser ("oh and Greenway Florist QBO in chrome is
/// giving 502 Bad Gateway") is offered as another problem, the walk's browser unchanged (only
/// the browser was noted, and the Desktop ticket said Chrome). Found by an exploratory helper.
#[test]
fn another_problem_told_with_its_browser_is_another_problem() {
    let kb = shipped_kb();
    for (first, then, browser, other) in [
        (
            "Birch Law desktop file gives H505 from the front desk pc",
            "oh and Greenway Florist QBO in chrome is giving 502 Bad Gateway",
            None,
            "QuickBooks Error 502",
        ),
        (
            "Hartley Plumbing bank feed stopped updating, chrome",
            "client B in edge: We're sorry, something went wrong",
            Some(Browser::Chrome),
            "HTTP Error 500",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        let walked = chat.session.article().map(str::to_string);
        let out = chat.say(then);
        assert!(
            has(
                &out,
                &format!("This sounds like a different problem: **{other}")
            ),
            "{then}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.article().map(str::to_string), walked, "{then}");
        assert_eq!(chat.session.browser, browser, "{then}");
    }
}

/// The browsers a user names ("chrome and edge", "chrome on windows, sometimes edge") are
/// where they are, not a firewall: an example's list of browsers tried made them words of the
/// firewall article (it was answered with it at 80%, and mid-walk offered as a switch). Found
/// by an exploratory helper.
#[test]
fn browsers_named_together_are_no_firewall() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("qbo keeps kicking me back to the sign in page, chrome and edge");
    assert_ne!(
        chat.session.article(),
        Some("firewall-antivirus-proxy"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("Oakridge Vet QBO is painfully slow, reports take forever");
    assert_eq!(chat.session.article(), Some("slow-performance"));
    let out = chat.say("chrome on windows, sometimes edge");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("slow-performance"));
}

/// An accounting question asked mid-walk is not answered with a step's how-to or an FAQ entry
/// that shares a word with it ("quick q while i wait - how do i record an owner's draw?" got
/// "How to: Update the bank feed manually"); it is not answered here, and the step stays
/// open. A how-to about the step still gets its steps. Found by an exploratory helper.
#[test]
fn an_accounting_question_mid_walk_gets_no_steps() {
    let kb = shipped_kb();
    for (first, asked) in [
        (
            "Hartley Plumbing bank feed stopped syncing, chrome",
            "quick q while i wait - how do i record an owner's draw in qbo?",
        ),
        (
            "Hartley Plumbing bank feed stopped syncing, chrome",
            "and how do i categorize a transfer between two bank accounts?",
        ),
        (
            "Birch Law desktop file gives H505",
            "unrelated but how do i void a check in desktop?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        if first.contains("H505") {
            chat.say("Fails there too");
        }
        let open = chat.session.current_step();
        let out = chat.say(asked);
        assert!(
            has(&out, "I can't help with that here"),
            "{asked}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "How to:"), "{asked}: {}", all_text(&out));
        assert_eq!(chat.session.current_step(), open, "{asked}");
        assert!(!chat.recorded(Outcome::NotFixed), "{asked}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("Hartley Plumbing bank feed stopped syncing, chrome");
    let out = chat.say("how do i update it manually?");
    assert!(
        has(&out, "How to: Update the bank feed manually"),
        "{}",
        all_text(&out)
    );
}

/// A problem switched away from mid-walk is not fixed: it is offered again once the new one is
/// sorted, and its failed step is not shown again (it was dropped). Found by an exploratory
/// helper.
#[test]
fn a_problem_switched_away_from_is_offered_again() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("Hartley Plumbing bank feed stopped syncing, chrome");
    chat.say("Still broken");
    chat.say("also rosas payroll update fails with PS107");
    chat.say("switch");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    let out = chat.say("Fixed it");
    assert!(
        has(&out, "You also mentioned another problem: **Bank Feed"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("yes");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    assert!(
        !has(&out, "Update the bank feed manually =="),
        "{}",
        all_text(&out)
    );
    assert_ne!(
        open_title(&chat).as_deref(),
        Some("Update the bank feed manually"),
        "the failed step is not shown again"
    );

    // Switched away from a fixed problem, nothing is held.
    let mut chat = Chat::new(&kb);
    chat.say("Hartley Plumbing bank feed stopped syncing, chrome");
    chat.say("Fixed it");
    chat.say("rosas payroll update fails with PS107");
    let out = chat.say("fixed it");
    assert!(!has(&out, "You also mentioned"), "{}", all_text(&out));
}

/// Where this session's rules must not reach (found by a reviewer): a problem told with a
/// worry about data opens its article (it got only the FAQ entry), "quick question, ..." about
/// the step is no question on the side, a test done in other words than its names is its
/// result, and "fixed for now but not sure" fails no fix.
#[test]
fn rules_of_the_twenty_fifth_session_do_not_reach_past_them() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("got a 503 while saving an invoice, is my data lost?");
    assert_eq!(chat.session.article(), Some("service-unavailable-503"));

    let mut chat = Chat::new(&kb);
    chat.say("Hartley bank feed stopped syncing");
    let out = chat.say("quick question, does this work if i use chrome instead?");
    assert!(
        !has(&out, "I can't help with that here"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.browser, Some(Browser::Chrome));

    let mut chat = Chat::new(&kb);
    chat.say("H202 when opening company file from workstation");
    chat.say("tried it at the server itself, still H202");
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::FailsThere)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("Hartley bank feed stopped syncing, chrome");
    chat.say("seems fixed for now but not sure it will last");
    assert!(!chat.recorded(Outcome::NotFixed));
}

/// Three problems in one message: each is offered in turn as the one before is fixed (the
/// third was never offered).
#[test]
fn three_problems_in_one_message_are_each_offered_in_turn() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "Three things today: Hartley's bank feed shows error 103, also Rosa's Bakery payroll \
         update fails PS107, and also Oakridge Vet QBO is super slow in chrome",
    );
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    let also = also_mentioned(&out);
    assert!(
        matches!(also.as_slice(), [v] if v.contains("Payroll") && v.contains("Slow")),
        "{also:?}"
    );
    let out = chat.say("fixed it");
    assert!(
        has(&out, "You also mentioned another problem: **Payroll"),
        "{}",
        all_text(&out)
    );
    chat.say("sure");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    let out = chat.say("fixed it");
    assert!(
        has(
            &out,
            "You also mentioned another problem: **QuickBooks Online Is Slow"
        ),
        "{}",
        all_text(&out)
    );
    chat.say("yes");
    assert_eq!(chat.session.article(), Some("slow-performance"));
    let out = chat.say("fixed it");
    assert!(!has(&out, "You also mentioned"), "{}", all_text(&out));
}

/// Where this session's rules must not reach (found by a reviewer comparing with the base): a
/// fix said in two browsers is a fix, "nope dude" after a fix is no thanks, an outright request
/// for a person beside "if it happens again" is a hand-over, "no update yet" on a bank feed is
/// no call for a person, and "Thanks, no problem!" after a fix is thanks.
#[test]
fn rules_of_the_nineteenth_session_do_not_reach_past_them() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    let out = chat.say("yes! working on chrome and edge now");
    assert!(has(&out, "as what fixed it"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    chat.say("that fixed it");
    let out = chat.say("nope dude");
    assert!(!has(&out, "You're welcome"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    let out = chat.say("get me a human, if it happens again ill lose my mind");
    assert!(
        matches!(out.effects.as_slice(), [Effect::Escalate { .. }]),
        "{out:?}"
    );

    let mut chat = Chat::new(&kb);
    chat.say("bank feed stopped updating");
    let out = chat.say("nope, no update yet on the feed");
    assert!(out.effects.is_empty(), "{out:?}");
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("the blank page keeps showing in chrome");
    chat.say("that fixed it");
    let out = chat.say("Thanks, no problem!");
    assert!(has(&out, "You're welcome"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::Fixed));
}

/// "its qbo not desktop" while a QuickBooks Desktop article is walked: the user is told its
/// steps are for the other product and asked what they see in theirs (the question on screen
/// stays open; no article is guessed); the same product named, or none, changes nothing.
#[test]
fn the_other_quickbooks_named_mid_walk_is_told_and_asked_for_more() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("company file wont open, it just spins");
    assert_eq!(chat.session.article(), Some("company-file-not-opening"));
    let out = chat.say("its qbo not desktop");
    assert!(has(&out, "is for QuickBooks Desktop"), "{}", all_text(&out));
    assert!(
        has(&out, "Tell me what you see in QuickBooks Online"),
        "{}",
        all_text(&out)
    );
    let choices = actions(&out);
    assert!(
        !choices.iter().any(|a| matches!(a, Action::Article(_))),
        "{choices:?}"
    );
    // Not "did this fix it?" for steps just said not to fit: a person, or these steps anyway.
    assert_eq!(choices, [Action::Escalate, Action::Continue]);
    assert!(!has(&out, "fix it?"), "{}", all_text(&out));
    // Nothing recorded against the Desktop steps.
    assert!(!chat.recorded(Outcome::NotFixed) && !chat.recorded(Outcome::Fixed));
    // What they see next is matched: another article is offered as a switch.
    let out = chat.say("it says 502 bad gateway when i open quickbooks online");
    assert!(has(&out, "different problem"), "{}", all_text(&out));
    // Going on with them anyway shows the step on screen again.
    let mut chat = Chat::new(&kb);
    chat.say("company file wont open, it just spins");
    let open = chat.session.current_step().expect("a step");
    chat.say("its qbo not desktop");
    let out = chat.act(Action::Continue);
    assert!(
        actions(&out).contains(&Action::Fixed(open)),
        "{:?}",
        actions(&out)
    );

    // Said of an Online article, the pair outright.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank page in chrome");
    let out = chat.say("this is desktop not online");
    assert!(has(&out, "is for QuickBooks Online"), "{}", all_text(&out));
    assert!(
        has(&out, "Tell me what you see in QuickBooks Desktop"),
        "{}",
        all_text(&out)
    );

    // The walked article's own product: no such message.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank page in chrome");
    let out = chat.say("yes it's qbo, not desktop");
    assert!(!has(&out, "is for QuickBooks"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say("company file wont open, it just spins");
    let out = chat.say("we use quickbooks desktop 2023");
    assert!(!has(&out, "is for QuickBooks"), "{}", all_text(&out));
}

/// "wait which button" after "Glad that worked!" is about the fix's steps (it was "Is this
/// it?" with the page-not-loading article); a how-to about something else is looked up.
#[test]
fn a_question_about_the_steps_after_the_fix_points_to_them() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("the page is blank in chrome");
    chat.fixed();
    for asked in ["wait which button", "how do i do that?"] {
        let out = chat.say(asked);
        assert!(
            has(&out, "fixed it, so there is nothing more to do"),
            "{asked}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Is this it?"), "{}", all_text(&out));
        assert!(chat.recorded(Outcome::Fixed));
    }
    let out = chat.say("how do i export invoices to excel?");
    assert!(!has(&out, "nothing more to do"), "{}", all_text(&out));
}

/// "how do i do that on my phone" after "Glad that worked!" shows the fix's steps for a phone
/// (it pointed to the keyboard steps above); on the same device it still points above.
#[test]
fn how_to_do_the_fix_on_another_device_after_it_worked_shows_its_steps_there() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let first = chat.say("the page is blank in chrome");
    assert!(has(&first, "Ctrl+F5"), "{}", all_text(&first));
    chat.fixed();
    let out = chat.say("how do i do that on my phone");
    assert!(
        has(&out, "Here is how to do it there"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "Reload the page fully"), "{}", all_text(&out));
    assert!(!has(&out, "Ctrl+F5"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::Fixed), "the fix stays recorded");
    // Said again from the same phone: nothing reads otherwise, the steps are above.
    let again = chat.say("how do i do that on my phone");
    assert!(has(&again, "nothing more to do"), "{}", all_text(&again));
}

/// "yes i cleared them" at "did this fix it?" says the step was done, not that it worked: it
/// is asked whether it helped (it was read as a fix and credited to another step, "Allow
/// cookies ... stop clearing them on exit", whose title shares "them"; found by an exploratory
/// helper).
#[test]
fn a_yes_that_says_the_step_was_done_asks_whether_it_helped() {
    let kb = shipped_kb();
    for done in [
        "yes i cleared them",
        "yes I tried it",
        "yes i did that",
        "yes, done",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("login loop in edge");
        let out = chat.say(done);
        assert!(
            has(&out, "Thanks for trying it"),
            "{done}: {}",
            all_text(&out)
        );
        assert!(
            has(
                &out,
                "Did **Clear Intuit cookies and sign in again** fix it?"
            ),
            "{done}: {}",
            all_text(&out)
        );
        assert!(!chat.recorded(Outcome::Fixed), "{done}");
    }
    // Said with the result, it is the step on screen that is asked about.
    let mut chat = Chat::new(&kb);
    chat.say("login loop in edge");
    let out = chat.say("yes i cleared them and it works now");
    assert!(
        has(
            &out,
            "Shall I note **Clear Intuit cookies and sign in again**"
        ),
        "{}",
        all_text(&out)
    );
}

/// After "Glad that worked!", "it worked but only for a bit" takes the fix back (it was "Good
/// to hear!"), and "actually no" asks what they see now (it was "I don't know this one").
#[test]
fn a_fix_that_held_only_a_moment_is_taken_back() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not working");
    chat.fixed();
    let out = chat.say("it worked but only for a bit");
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    assert!(has(&out, "Did this fix it?"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("bank feed not working");
    chat.fixed();
    let out = chat.say("actually no");
    assert!(
        has(&out, "If the fix stopped working"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "I don't know this one"), "{}", all_text(&out));
}

/// Praise and farewells after "Glad that worked!" are thanks (each was "I don't know this one"
/// or an unrelated article); "why?" is the "Why did this happen?" choice. Found by an
/// exploratory helper.
#[test]
fn praise_and_a_bare_why_after_a_fix_are_answered_in_kind() {
    let kb = shipped_kb();
    for praise in [
        "thanks!! you're the best",
        "you're a lifesaver",
        "great thanks for your help",
        "thanks, have a nice day",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed not working");
        chat.fixed();
        let out = chat.say(praise);
        assert!(has(&out, "You're welcome"), "{praise}: {}", all_text(&out));
        assert!(chat.recorded(Outcome::Fixed), "{praise}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not working");
    chat.fixed();
    let out = chat.say("why?");
    assert!(!has(&out, "I don't know this one"), "{}", all_text(&out));
    assert!(has(&out, "Why it happens"), "{}", all_text(&out));
    // Praise beside a failure is the failure.
    let out = chat.say("you're the best but it's still broken");
    assert!(!has(&out, "You're welcome"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
}

/// "is it me or is it back" after "Glad that worked!" says the fix did not last (it was "I
/// don't know this one"); "is it me or is the site slow today" asks about others.
#[test]
fn is_it_me_or_is_it_back_after_the_fix_takes_it_back() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("the page is blank in chrome");
    chat.fixed();
    let out = chat.say("is it me or is it back");
    assert!(has(&out, "didn't last"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed));
    assert!(chat.recorded(Outcome::NotFixed));

    let mut chat = Chat::new(&kb);
    chat.say("the page is blank in chrome");
    chat.fixed();
    let out = chat.say("is it me or is the site slow today");
    assert!(!has(&out, "didn't last"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::Fixed));
}

/// "Yes android" or "im on android" during a walk notes the device and shows the fix on screen
/// for it when it reads otherwise there (no keyboard shortcut for a phone); it was "That sounds
/// like the same problem ... noted" and no fix was recorded from the "yes".
#[test]
fn a_device_named_mid_walk_is_noted_and_the_fix_shown_for_it() {
    let kb = shipped_kb();
    for said in ["Yes android", "im on android"] {
        let mut chat = Chat::new(&kb);
        chat.say("the page is blank in chrome");
        let out = chat.say(said);
        assert!(
            has(&out, "Noted: you're on an Android phone or tablet."),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "still sounds like **"), "{}", all_text(&out));
        assert!(!has(&out, "Ctrl+F5"), "{}", all_text(&out));
        let shows_a_fix = |out: &Output| {
            out.replies.iter().any(|r| {
                r.title
                    .as_deref()
                    .is_some_and(|t| t.starts_with("Solution"))
            })
        };
        assert!(shows_a_fix(&out), "{}", all_text(&out));
        assert!(!chat.recorded(Outcome::Fixed), "{said}");
        // Said again, the fix reads the same: only its question.
        let out = chat.say("im on android");
        assert!(has(&out, "Noted"), "{}", all_text(&out));
        assert!(!shows_a_fix(&out), "{}", all_text(&out));
    }
}

/// Where this session's rules must not reach (found by a reviewer comparing with the base
/// build): the browser's "desktop version" or "quickbooks desktop too" is no product
/// correction, a how-to about something else after a fix is not pointed to the steps, "yes
/// android" at a test answers it, and a plea about a step opens no ticket.
#[test]
fn rules_of_the_twentieth_session_do_not_reach_past_them() {
    let kb = shipped_kb();
    for said in [
        "desktop version of chrome",
        "it happens in quickbooks desktop too",
        "chrome desktop version, not mobile",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online shows a blank page in chrome");
        let out = chat.say(said);
        assert!(
            !has(&out, "is for QuickBooks"),
            "{said}: {}",
            all_text(&out)
        );
    }
    for asked in [
        "where do i click to run payroll",
        "how do i connect another one",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("the page is blank in chrome");
        chat.fixed();
        let out = chat.say(asked);
        assert!(
            !has(&out, "nothing more to do"),
            "{asked}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank page in chrome");
    chat.say("still blank");
    let out = chat.say("yes android");
    assert!(has(&out, "it works in the test"), "{}", all_text(&out));

    // A second review: a device said beside where it works, or asked about, is no device
    // remark; "works without problems in edge" says where it works; a plea as the first
    // message opens no empty ticket, and "please help" after a fix asks what is wrong.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online is slow");
    for said in [
        "it runs fine on my laptop, just not the office pc",
        "is something wrong with my computer?",
    ] {
        let out = chat.say(said);
        assert!(!has(&out, "Noted: you're on"), "{said}: {}", all_text(&out));
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online is slow");
    let out = chat.say("it works without problems in edge, only chrome is slow");
    assert!(has(&out, "it works there (edge)"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed));
    let mut chat = Chat::new(&kb);
    let out = chat.say("i need help asap");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank page in chrome");
    chat.fixed();
    let out = chat.say("please help");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank page in chrome");
    let out = chat.say("need help with step 3");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing the team lead (twenty-fourth session): at "Is this it?" a person
/// asked for with a reason ("human please, payroll is due") is a hand-over with the reason as
/// the ticket's note; it was matched as a new description and the same question came back.
/// Words that clearly name a problem not on the list are still a description.
#[test]
fn a_person_asked_for_with_a_reason_at_is_this_it_is_a_hand_over() {
    let kb = shipped_kb();
    for asked in [
        "human please, i have invoices due today",
        "i need a human, my clients are waiting",
        "just get me a person, this is urgent",
        "can i talk to a real person please, we close the month today",
    ] {
        let mut chat = Chat::new(&kb);
        let first = chat.say("quickbooks keeps logging me out");
        assert_eq!(first.replies[0].title.as_deref(), Some("Is this it?"));
        let out = chat.say(asked);
        let note = out.effects.iter().find_map(|e| match e {
            Effect::Escalate { note } => Some(note.clone()),
            _ => None,
        });
        assert_eq!(
            note,
            Some(Some(asked.to_string())),
            "{asked}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps logging me out");
    let out = chat.say("human please");
    assert!(out.effects.contains(&Effect::Escalate { note: None }));
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps logging me out");
    let out = chat.say("i need a person, also my bank feed stopped downloading transactions");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing a user on an iPhone (twenty-fourth session): "no i didnt do it"
/// keeps the question (the step was recorded as failed and the next one shown).
#[test]
fn a_step_the_user_says_they_did_not_do_is_not_recorded_as_failed() {
    let kb = shipped_kb();
    for said in [
        "no i didnt do it",
        "nope didnt do that",
        "wait i didnt actually do that one",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks page is blank, chrome");
        let out = chat.say(said);
        assert!(has(&out, "No rush"), "{said}: {}", all_text(&out));
        assert!(!chat.recorded(Outcome::NotFixed), "{said}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank, chrome");
    chat.say("that didnt do it");
    assert!(chat.recorded(Outcome::NotFixed));
}

/// Found by a helper playing a user on an iPhone (twenty-fourth session): "its just one page
/// thats blank, the rest works" is no fix (it asked "Shall I note ... as what fixed it?"), and
/// after "Glad that worked!" it is the problem back in part, not a fresh start at Solution 1.
#[test]
fn one_page_still_blank_while_the_rest_works_is_no_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank, chrome");
    let out = chat.say("its just one page thats blank, the rest works");
    assert!(!has(&out, "as what fixed it"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::NotFixed));
    assert!(!chat.recorded(Outcome::Fixed));

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank, chrome");
    chat.say("fixed it");
    let out = chat.say("its just one page thats blank, the rest works");
    assert!(!has(&out, "Solution 1 of"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "the fix is taken back");
}

/// Found by the same helper: the reply that decided a step's outcome reaches staff ("did just
/// jan-mar and it loaded fine!" was on no ticket); a plain answer is not kept twice. The reply
/// that then answered the step ("but i need the full year tho": not fixed) is with the step
/// too, and, since an exploratory tester found such answers listed as descriptions, not also
/// under "What the user said".
#[test]
fn what_the_user_said_of_a_step_is_kept_with_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("504 gateway timeout when i run the P&L for the year");
    chat.say("nope");
    chat.say("did just jan-mar and it loaded fine!");
    chat.say("but i need the full year tho");
    let said: Vec<&str> = chat
        .session
        .attempts
        .iter()
        .flat_map(|a| a.said.iter().map(String::as_str))
        .collect();
    assert_eq!(
        said,
        [
            "did just jan-mar and it loaded fine!",
            "but i need the full year tho"
        ]
    );
    let summary =
        supportbot::escalation::summary::Summary::capture(&chat.session, None, None, "rev", 0);
    let text = summary.transcript_markdown("T-0001");
    assert!(
        text.contains("did just jan-mar and it loaded fine!"),
        "{text}"
    );
    assert_eq!(
        text.matches("but i need the full year tho").count(),
        1,
        "{text}"
    );
    let said = &text[text.find("## What the user said").unwrap()..text.find("## Matches").unwrap()];
    assert!(!said.contains("full year"), "{text}");
}

/// Found by an exploratory tester: the answer to "did this fix it?" was listed under "What the
/// user said" as if it described the problem, as well as in the step's outcome; a hand-over's
/// words were both the note and what the user "said" of the step on screen; a check asked for
/// at a test was listed as the user's answer to it. Each is now in one place: the answer with
/// its step, the hand-over's words in the note, the check in the live checks.
#[test]
fn each_reply_is_on_the_ticket_once_and_where_it_belongs() {
    use supportbot::escalation::summary::Summary;
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll wont update");
    chat.say("no still not working");
    let out = chat.say("my password is Hunter2! and I need a human");
    let note = out.effects.iter().find_map(|e| match e {
        Effect::Escalate { note } => note.clone(),
        _ => None,
    });
    assert_eq!(
        note.as_deref(),
        Some("my password is [password removed] and I need a human"),
        "the password's \"!\" goes with it"
    );
    let summary = Summary::capture(&chat.session, None, note, "rev", 0);
    let text = summary.transcript_markdown("T-0001");
    let said = &text[text.find("## What the user said").unwrap()..text.find("## Matches").unwrap()];
    assert!(said.contains("payroll wont update"), "{text}");
    assert!(!said.contains("no still not working"), "{text}");
    assert!(
        text.contains("did not fix it; they said: “no still not working”"),
        "{text}"
    );
    assert_eq!(text.matches("I need a human").count(), 1, "{text}");
    assert!(
        !text.contains("Hunter2") && !text.contains("removed]!"),
        "{text}"
    );
    // The card too: the answer is with its step, not quoted as a description.
    let card = summary.card("T-0001");
    assert!(
        !card.description.contains("still not working"),
        "{}",
        card.description
    );

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank, chrome");
    chat.say("no still blank");
    assert!(chat.session.current_step().is_some());
    chat.say("is quickbooks down?");
    let said: Vec<&String> = chat.session.attempts.iter().flat_map(|a| &a.said).collect();
    assert!(!said.iter().any(|s| s.contains("down")), "{said:?}");
}

/// Found by a helper playing a user on an iPhone (twenty-fourth session): "oh also my bank
/// feed is broken" mid-walk asks "keep going or switch?" and leaves the step on screen
/// unanswered (it was recorded as failed and the next step shown); "still broken too" is still
/// the step's answer.
#[test]
fn a_second_problem_said_with_also_asks_to_switch_and_fails_nothing() {
    let kb = shipped_kb();
    for said in [
        "oh also my bank feed is broken",
        "hold on bank feed isnt updating either",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("payroll wont update PS107");
        chat.say("nope");
        let failed = |chat: &Chat| {
            steps_and_outcomes(chat)
                .iter()
                .filter(|(_, o)| *o == Some(Outcome::NotFixed))
                .count()
        };
        let failed_before = failed(&chat);
        let out = chat.say(said);
        assert!(
            has(&out, "This sounds like a different problem"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(has(&out, "Bank Feed"), "{said}");
        assert_eq!(failed(&chat), failed_before, "{said}");
        assert!(
            chat.session.current_step().is_some(),
            "{said}: the step stays open"
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("payroll wont update PS107");
    chat.say("nope");
    let out = chat.say("still broken too");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
}

/// Found by a helper playing a user on an iPhone (twenty-fourth session): a fix done before,
/// named by the words of the step on screen, is that step's answer ("already cleared cookies
/// yesterday" at "Clear Intuit cookies" failed "Allow cookies ... on exit" through the cause
/// "Cookies blocked or cleared on exit"); one deed names one fix ("already cleared my cache,
/// no help" failed both cache fixes of the 502 article).
#[test]
fn a_fix_done_before_is_credited_to_the_step_its_words_name() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("keeps logging me out on my iphone");
    chat.say("yes");
    chat.say("already cleared cookies yesterday");
    assert_eq!(
        outcome_of(&chat, "Clear Intuit cookies and sign in again"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        outcome_of(
            &chat,
            "Allow cookies for Intuit and stop clearing them on exit"
        ),
        None
    );
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway on my iphone");
    chat.say("already cleared my cache, no help");
    let failed: Vec<&str> = steps_and_outcomes(&chat)
        .into_iter()
        .filter(|(_, o)| *o == Some(Outcome::NotFixed))
        .map(|(t, _)| t)
        .collect();
    assert_eq!(failed, ["Remove browser cache"]);
}

/// Found by a black-box tester (a bookkeeper with many clients): at a test, "still" and the
/// trouble where the user is ("still getting H202 for Birch Law") answers nothing of the test
/// (it was recorded "fails there too", which points staff to a damaged file); it is kept for
/// staff and the test stays the question. Words about the place still answer it.
#[test]
fn still_failing_where_the_user_is_leaves_the_test_open() {
    let kb = shipped_kb();
    let server = "Open the file on the server";
    let mut chat = Chat::new(&kb);
    chat.say("H202 opening company file from workstation, file on network drive");
    let out = chat.say("still getting H202 for Birch Law");
    assert_eq!(outcome_of(&chat, server), None, "{}", all_text(&out));
    assert_eq!(open_title(&chat).as_deref(), Some(server));
    assert!(has(&out, "Noted"), "{}", all_text(&out));
    assert!(has(&out, "Does it work in the test"), "{}", all_text(&out));
    assert!(
        chat.session
            .descriptions
            .iter()
            .any(|d| d == "still getting H202 for Birch Law")
    );
    // Said again: not the same words again, but what the test is and how to pass it (found by
    // a later tester).
    let out = chat.say("still the same H202 here");
    assert_eq!(outcome_of(&chat, server), None, "{}", all_text(&out));
    assert!(
        has(&out, "I hear you") && has(&out, "say \"skip\"") && !has(&out, "Noted"),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "firewall-antivirus-proxy".into(),
        browser: Some(Browser::Chrome),
    });
    let test = "Try without the VPN and on another network";
    assert_eq!(open_title(&chat).as_deref(), Some(test));
    chat.say("i even reset the password, still loops");
    assert_eq!(outcome_of(&chat, test), None);
    assert_eq!(open_title(&chat).as_deref(), Some(test));

    let mut chat = Chat::new(&kb);
    chat.say("H202 opening company file from workstation, file on network drive");
    chat.say("still getting H202 on the server too");
    assert_eq!(outcome_of(&chat, server), Some(Outcome::FailsThere));
}

/// Found by the same tester: another fix told as done at a test ("ran file doctor, worked for
/// Maple Dental but not for Birch Law, same H202 there") is that fix's result: File Doctor is
/// recorded and not shown, and the test is still the question (it was "fails there too" and
/// File Doctor shown next as if not run).
#[test]
fn another_fix_told_at_a_test_is_that_fixs_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("H202 opening company file from workstation, file on network drive");
    let out =
        chat.say("ran file doctor, worked for Maple Dental but not for Birch Law, same H202 there");
    assert_eq!(
        outcome_of(&chat, "Open the file on the server"),
        None,
        "{}",
        all_text(&out)
    );
    assert_eq!(
        outcome_of(&chat, "Run QuickBooks File Doctor from the Tool Hub"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Open the file on the server")
    );
}

/// Found by the same tester: short names of a fix's title count ("renamed the ND and TLG"
/// credited File Doctor, the fix on screen).
#[test]
fn a_fix_named_by_its_short_names_is_the_one_credited() {
    let kb = shipped_kb();
    for said in [
        "ok renamed the ND and TLG, it opens now!!",
        "ok renamed the nd and tlg, it opens now!!",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("H202 opening Birch Law's company file from the workstation");
        chat.say("It works there");
        let out = chat.say(said);
        assert!(
            has(&out, "Shall I note **Rename the .ND and .TLG files**"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by the same tester: a fix that worked for one client and not another, or "kinda, a
/// few came through", is in part: the walk goes on (it was "the same problem, noted" and the
/// question again, or "Shall I note ...?").
#[test]
fn working_for_one_client_and_not_another_goes_on() {
    let kb = shipped_kb();
    for said in ["worked for client A but not B", "kinda, a few came through"] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feeds stopped updating for two of my clients, chrome");
        let out = chat.say(said);
        assert!(
            !has(&out, "still sounds like **"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "as what fixed it"), "{said}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, "Update the bank feed manually"),
            Some(Outcome::NotFixed),
            "{said}"
        );
        assert_eq!(
            question_title(&out),
            "Check the bank's own website",
            "{said}"
        );
    }
}

/// Found by the same tester: the "switch to" label typed with no switch question on screen is
/// a request for that article (its "fails" was read as a failed fix, and the next one shown).
#[test]
fn a_switch_label_typed_opens_that_article() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("Hartley Plumbing bank feed stopped syncing, chrome");
    let out = chat.say("Switch to Payroll Update Fails or Payroll Service Connection Errors");
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    assert!(has(&out, "as not tried"), "{}", all_text(&out));
    assert!(
        has(
            &out,
            "Payroll Update Fails or Payroll Service Connection Errors"
        ),
        "{}",
        all_text(&out)
    );
    let stage = format!("{:?}", chat.session.stage);
    assert!(stage.contains("payroll-not-updating"), "{stage}");
}

/// Found by the same tester: "did just jan-mar and it loaded fine!" is a shorter date range,
/// "Make the report or export smaller" (it credited "Retry after a short wait", on screen).
#[test]
fn a_span_of_months_credits_the_smaller_report() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("Maple Dental QBO shows 504 gateway timeout on the P&L report for the full year");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Retry after a short wait")
    );
    let out = chat.say("did just jan-mar and it loaded fine!");
    assert!(
        has(&out, "Shall I note **Make the report or export smaller**"),
        "{}",
        all_text(&out)
    );
}

/// A problem told in another language is not "I don't have an article" (untrue) nor a guess:
/// the bot says it reads English only and offers a person; an error code it knows is still
/// answered. Mid-walk, a reply in another language is "didn't catch that", saying why, while
/// short answers in it ("nein", "ça marche") are read. Found by an exploratory helper.
#[test]
fn another_language_is_said_plainly_and_short_answers_in_it_are_read() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("no puedo entrar a quickbooks, me sale una pagina en blanco");
    assert!(
        has(&out, "I read English only | That looks like Spanish"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "I don't have an article"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), None);
    let out = chat.say("si");
    assert!(
        matches!(out.effects[..], [Effect::Escalate { .. }]),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say("QuickBooks me da error 502 bad gateway cuando abro la factura");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));

    let mut chat = Chat::new(&kb);
    chat.say("the page is blank in chrome");
    let walked = chat.session.article().map(str::to_string);
    assert!(walked.is_some());
    let out = chat.say("c'est quoi ça, je comprends pas");
    assert!(
        has(&out, "I didn't catch that: I can only read English for now"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::NotFixed) && !chat.recorded(Outcome::Fixed));
    chat.say("nein");
    assert!(chat.recorded(Outcome::NotFixed), "\"nein\" answers no");
    let out = chat.say("ça marche");
    assert!(
        has(&out, "fix") && !has(&out, "didn't catch"),
        "{}",
        all_text(&out)
    );
}

/// Asking for a person the way a call centre is asked ("customer service", "operator", "NO.
/// PERSON.", "open a ticket") hands over, as a first message or mid-walk; billing said mid-walk
/// is for a person while the fix stays open; "ty" is thanks, not a pause; and a second "I don't
/// know" is not the same paragraph again. Found by an exploratory helper.
#[test]
fn call_centre_words_billing_mid_walk_and_a_second_dont_know() {
    let kb = shipped_kb();
    for ask in [
        "customer service",
        "I need customer service now",
        "operator",
        "open a ticket",
        "humano por favor",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(ask);
        assert!(
            matches!(out.effects[..], [Effect::Escalate { .. }]),
            "{ask}: {}",
            all_text(&out)
        );
    }
    for ask in ["connect me to customer care", "NO. PERSON."] {
        let mut chat = Chat::new(&kb);
        chat.say("the page is blank in chrome");
        let out = chat.say(ask);
        assert!(
            matches!(out.effects[..], [Effect::Escalate { .. }]),
            "{ask}: {}",
            all_text(&out)
        );
        // ("NO. PERSON." also answers the step: no.)
        assert_eq!(
            chat.recorded(Outcome::NotFixed),
            ask.starts_with("NO."),
            "{ask}"
        );
    }

    let mut chat = Chat::new(&kb);
    chat.say("the page is blank in chrome");
    let step = chat.session.current_step();
    let out = chat.say("honestly im about to cancel my subscription, this is ridiculous");
    assert!(has(&out, "Billing and subscription"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), step, "the fix stays open");
    assert!(actions(&out).contains(&Action::Escalate));
    assert!(!chat.recorded(Outcome::NotFixed));
    let out = chat.say("ty");
    assert!(
        has(&out, "You're welcome") && !has(&out, "Take your time"),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    let first = chat.say("ugh");
    assert!(
        has(&first, "I don't have an article"),
        "{}",
        all_text(&first)
    );
    let again = chat.say("omg");
    assert!(
        has(&again, "I can't place that one either") && !has(&again, "I don't have an article"),
        "{}",
        all_text(&again)
    );
    assert!(actions(&again).contains(&Action::Escalate));
}

/// "already did that obviously" / "are you even listening?? its STILL BROKEN" at "Which
/// browser?" for a step of one browser only: that step is passed (recorded as skipped, the
/// browser still unknown) and the walk goes on, instead of the same nine choices again; at a
/// step with steps for several browsers the question stays, with an apology. Found by an
/// exploratory helper.
#[test]
fn still_broken_at_which_browser_goes_on_past_a_one_browser_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks giving me 502 AGAIN, 3rd time today wtf");
    assert!(has(&out, "Internet Explorer only"), "{}", all_text(&out));
    let out = chat.say("already did that obviously");
    assert!(
        has(&out, "Sorry, I know it's still broken")
            && has(&out, "Skipped solution 1")
            && has(&out, "Did this fix it?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.browser, None, "the browser is still unknown");
    assert!(chat.recorded(Outcome::Skipped));
    assert!(!chat.recorded(Outcome::NotFixed));
    chat.say("NO");
    assert!(chat.recorded(Outcome::NotFixed));
    // On to the step whose steps differ per browser: asked, and asked again with an apology.
    while matches!(chat.session.stage, Stage::AwaitingFeedback { .. }) {
        chat.say("no");
    }
    assert!(
        matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
        "{:?}",
        chat.session.stage
    );
    let out = chat.say("are you even listening?? it's STILL BROKEN");
    assert!(
        has(&out, "The next fix differs per browser") && has(&out, "Which browser do you use?"),
        "{}",
        all_text(&out)
    );
}

/// "wtf does DNS failure mean" after a live check, with no walk open: that result in plain
/// words, not an article its words rank ("Is this it? 502"); a result it does not name is
/// matched as before. Found by an exploratory helper.
#[test]
fn a_question_about_the_last_check_result_is_answered_in_plain_words() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.session.checks.push(supportbot::session::CheckRecord {
        target: "quickbooks-online".into(),
        url: "https://qbo.intuit.com/".into(),
        verdict: "DNS failure".into(),
        status: None,
        total_ms: Some(11),
        detail: "the name could not be looked up".into(),
        at: 1_000,
    });
    let out = chat.say("wtf does DNS failure mean");
    assert!(
        has(&out, "DNS failure") && has(&out, "I can't tell from here whether it is down"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Is this it?"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), None);
    assert!(
        chat.session.descriptions.is_empty(),
        "a question, not a problem"
    );
    let out = chat.say("what does gateway timeout mean");
    assert!(!has(&out, "I can't tell from here"), "{}", all_text(&out));
}

/// "i use chrome" at a step says where the user is: it is not kept as what they said of the
/// step (the ticket quoted it as their answer to "Reload the page"). Found by an exploratory
/// helper.
#[test]
fn where_the_user_is_is_not_kept_as_what_they_said_of_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("hola, the page stay white when i open quickbooks");
    assert!(chat.session.current_step().is_some());
    chat.say("i use chrome");
    chat.say("no, still white after reloading twice");
    let said: Vec<&String> = chat.session.attempts.iter().flat_map(|a| &a.said).collect();
    assert!(
        !said.iter().any(|s| s.as_str() == "i use chrome"),
        "{said:?}"
    );
    assert!(chat.recorded(Outcome::NotFixed));
}

/// A review's cases, mid-walk and first: telling of a ticket with the bank or of a connection
/// is no request for a person; "i updated the billing info" at a step about billing details,
/// and "how much does this usually take?", are no billing questions; English quoting an error
/// in another language is English; "I can't place that one either" follows only an "I don't
/// know this one".
#[test]
fn words_near_the_new_readings_keep_their_old_meaning() {
    let kb = shipped_kb();
    for said in [
        "still wont connect me to my bank",
        "should i open a ticket with the bank?",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed not updating since friday");
        assert!(chat.session.current_step().is_some());
        let out = chat.say(said);
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("the page is blank in chrome");
    let out = chat.say("ok it's downloading. how much does this usually take?");
    assert!(!has(&out, "Billing and subscription"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    let out = chat.say("bank feed error \"No se puede conectar con el banco\" since Monday");
    assert!(!has(&out, "I read English only"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("why was i charged twice this month");
    let out = chat.say("my printer is out of toner");
    assert!(
        has(&out, "I don't have an article") && !has(&out, "either"),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing users (twenty-ninth session): "waited 5 min and reloaded, same"
/// at "Retry after a short wait" is that fix failing, not "Make the report or export smaller"
/// tried and failed (which was then never offered).
#[test]
fn a_wait_with_a_number_fails_the_fix_on_screen_only() {
    let kb = shipped_kb();
    for said in [
        "waited 5 min and reloaded, same",
        "waited 10 minutes and reloaded, still 504",
        "tried 3 times already, same",
    ] {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: "gateway-timeout-504".into(),
            browser: Some(Browser::Chrome),
        });
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Make the report or export smaller"),
            None,
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            outcome_of(&chat, "Retry after a short wait"),
            Some(Outcome::NotFixed),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a helper playing users (twenty-ninth session): replies that recorded what the user
/// never said. Each case: the article and browser, what was said at its first step, and what
/// must (not) be recorded for which step.
#[test]
fn replies_that_recorded_what_was_not_said() {
    let kb = shipped_kb();
    // (article, said at the first step, title, outcome expected for it (None: nothing))
    let cases: &[(&str, &str, &str, Option<Outcome>)] = &[
        (
            "internal-server-error-500",
            "tried like 5 times already before i came here",
            "Isolate the record that fails",
            None,
        ),
        (
            "payroll-not-updating",
            "status says active. key looks right… still PS032",
            "Update QuickBooks Desktop, then payroll tax tables",
            None,
        ),
        (
            "firewall-antivirus-proxy",
            "like i said it works at home lol. we dont have vpn",
            "Try without the VPN and on another network",
            Some(Outcome::WorksThere),
        ),
        (
            "firewall-antivirus-proxy",
            "i told you, it works on 4g on my phone",
            "Try without the VPN and on another network",
            Some(Outcome::WorksThere),
        ),
        (
            "login-loop-signed-out",
            "ok been 15 min, still logged in 👍",
            "Clear Intuit cookies and sign in again",
            None,
        ),
        (
            "page-not-loading",
            "oh that did it, menu is back",
            "Turn off browser extensions",
            None,
        ),
    ];
    let mut wrong = Vec::new();
    for &(article, said, title, expected) in cases {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: article.into(),
            browser: Some(Browser::Chrome),
        });
        let out = chat.say(said);
        let got = outcome_of(&chat, title);
        if got != expected {
            wrong.push(format!(
                "{said:?} ({article}): {title} {got:?}, expected {expected:?}: {}",
                all_text(&out)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // Said in the first message, it answers the network test up front (it was asked anyway).
    let mut chat = Chat::new(&kb);
    chat.say("chrome says your connection is not private at the office, at home its fine");
    assert_eq!(chat.session.article(), Some("firewall-antivirus-proxy"));
    assert_eq!(
        outcome_of(&chat, "Try without the VPN and on another network"),
        Some(Outcome::WorksThere)
    );
}

/// Found by a helper playing users (twenty-ninth session): replies at a fix that say it was not
/// done, cannot apply or ask about it were recorded as "did not fix it". Each case: the
/// article, the fix on screen, what was said; nothing may be recorded for that fix yet.
#[test]
fn replies_that_do_not_fail_the_fix_on_screen() {
    let kb = shipped_kb();
    let cases: &[(&str, Browser, &str, &str)] = &[
        (
            "company-file-not-opening",
            Browser::Chrome,
            "Run QuickBooks File Doctor from the Tool Hub",
            "cant do that rn im not at the office, ill try tmrw morning",
        ),
        (
            "quickbooks-error-502",
            Browser::Chrome,
            "Manually update bank transactions",
            "how am i supposed to click banking when quickbooks wont even open lol",
        ),
        (
            "gateway-timeout-504",
            Browser::Chrome,
            "Split large imports and batch actions",
            "im not importing anything??",
        ),
        (
            "quickbooks-error-502",
            Browser::Chrome,
            "Clear the QuickBooks app cache",
            "i dont use the app, just the website",
        ),
        (
            "browser-cache-cookies",
            Browser::Chrome,
            "Clear the cache and cookies",
            "do i have to remove ALL? i dont want to get logged out",
        ),
        (
            "page-not-loading",
            Browser::Chrome,
            "Reload the page fully",
            "no entiendo, puedo hablar con una persona?",
        ),
    ];
    let mut wrong = Vec::new();
    for &(article, browser, title, said) in cases {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: article.into(),
            browser: Some(browser),
        });
        for _ in 0..6 {
            if open_title(&chat).as_deref() == Some(title) {
                break;
            }
            chat.say("skip");
        }
        assert_eq!(open_title(&chat).as_deref(), Some(title), "{article}");
        let out = chat.say(said);
        // Not tried: nothing recorded yet, passed over untried, or left for a person.
        let got = outcome_of(&chat, title);
        if !matches!(
            got,
            None | Some(
                Outcome::SkippedByUser
                    | Outcome::CouldNotTry
                    | Outcome::NotForThem
                    | Outcome::NoAnswer
            )
        ) {
            wrong.push(format!("{said:?} at {title}: {got:?}: {}", all_text(&out)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// "this isnt about banking, its payroll" at "Manually update bank transactions" (a 502 in
/// payroll): the fix is about something else, not the article; it was "Something else, then"
/// and the 502 article was left.
#[test]
fn a_fix_about_another_thing_is_passed_over_and_the_article_stays() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks 502 bad gateway in chrome");
    let title = "Manually update bank transactions";
    assert_eq!(open_title(&chat).as_deref(), Some(title));
    let out = chat.say("this isnt about banking, its payroll");
    assert!(!has(&out, "Something else, then"), "{}", all_text(&out));
    assert_eq!(outcome_of(&chat, title), Some(Outcome::NotForThem));
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    assert!(
        open_title(&chat).is_some_and(|t| t != title),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper (thirtieth session): "i dont have any 502 error, the bank feed just isnt
/// showing new transactions" at the 502 article's bank step failed the step and stayed; the
/// code is denied, so the words name the bank-feed article.
#[test]
fn a_denied_code_with_another_problem_leaves_the_article_without_failing_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "quickbooks-error-502".into(),
        browser: Some(Browser::SafariMac),
    });
    let title = "Manually update bank transactions";
    assert_eq!(open_title(&chat).as_deref(), Some(title));
    let out =
        chat.say("i dont have any 502 error, the bank feed just isnt showing new transactions");
    assert_ne!(
        outcome_of(&chat, title),
        Some(Outcome::NotFixed),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.article(),
        Some("bank-feed-not-updating"),
        "{}",
        all_text(&out)
    );
}

/// Found by a second reviewer (thirtieth session), of that session's own changes.
#[test]
fn readings_added_this_session_keep_to_what_they_are_for() {
    let kb = shipped_kb();
    let login = |chat: &mut Chat| {
        chat.say("quickbooks keeps signing me out in chrome");
        chat.say("yes");
        assert_eq!(
            open_title(chat).as_deref(),
            Some("Clear Intuit cookies and sign in again")
        );
    };
    let fix = "Clear Intuit cookies and sign in again";
    // A fix that worked, said beside a wish, is no wish not to do it.
    let mut chat = Chat::new(&kb);
    login(&mut chat);
    let out = chat.say("its working now but i dont want to clear cookies every day");
    assert_ne!(
        outcome_of(&chat, fix),
        Some(Outcome::SkippedByUser),
        "{}",
        all_text(&out)
    );
    // Another problem after "isnt about": read as one.
    let mut chat = Chat::new(&kb);
    login(&mut chat);
    let out = chat.say("my problem isnt about cookies at all, the bank feed wont update");
    assert_ne!(
        outcome_of(&chat, fix),
        Some(Outcome::NotForThem),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "Bank Feed"), "{}", all_text(&out));
    // "still there" at a fix is the trouble, not a greeting; "good bye" a goodbye.
    let mut chat = Chat::new(&kb);
    login(&mut chat);
    let out = chat.say("still there");
    assert!(!has(&out, "still here"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    login(&mut chat);
    let out = chat.say("good bye");
    assert!(has(&out, "Bye for now"), "{}", all_text(&out));
    // "great thanks, bye" after a fix: a goodbye.
    let mut chat = Chat::new(&kb);
    login(&mut chat);
    chat.say("fixed it");
    let out = chat.say("great thanks, bye");
    assert!(has(&out, "Bye for now"), "{}", all_text(&out));
    // A pick phrased as a question picks.
    let mut chat = Chat::new(&kb);
    chat.session.stage = Stage::ChoosingArticle {
        candidates: vec!["service-outage".into(), "login-loop-signed-out".into()],
    };
    let out = chat.say("is it the outage one?");
    assert_eq!(
        chat.session.article(),
        Some("service-outage"),
        "{}",
        all_text(&out)
    );
    // "i dont use the app, im still on the website": not for them, its own "still" no result.
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "quickbooks-error-502".into(),
        browser: Some(Browser::Chrome),
    });
    for _ in 0..4 {
        chat.say("didnt work");
    }
    chat.say("i dont use the app, im still on the website");
    assert_eq!(
        outcome_of(&chat, "Clear the QuickBooks app cache"),
        Some(Outcome::NotForThem)
    );
    // Fixes left for want of a browser after some were shown: said, not "the last fix".
    let mut chat = Chat::new(&kb);
    for said in [
        "quickbooks online just shows a blank white page",
        "no",
        "idk",
        "idk",
    ] {
        chat.say(said);
    }
    let out = chat.say("no");
    assert!(
        has(&out, "without knowing your browser"),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing users (thirtieth session): "I do not understand this step" was
/// recorded as "did not fix it"; "no more bots" and "i need someone" did not reach a person;
/// "its just me" (alone in the office) at a Desktop article ran the live check.
#[test]
fn confusion_asks_for_the_steps_and_plain_asks_for_a_person_reach_one() {
    let kb = shipped_kb();
    let at_a_fix = || {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: "quickbooks-error-502".into(),
            browser: Some(Browser::Chrome),
        });
        chat
    };
    let fix = "Manually update bank transactions";
    for said in ["I do not understand this step", "im confused"] {
        let mut chat = at_a_fix();
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, fix), None, "{said}: {}", all_text(&out));
        assert!(
            has(&out, "How to: Manually update"),
            "{said}: {}",
            all_text(&out)
        );
    }
    for said in [
        "no more bots",
        "i need someone",
        "stop giving me articles i need someone NOW",
    ] {
        let mut chat = at_a_fix();
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("cant open company file H202 on workstation");
    let out = chat.say("its just me");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing users (thirtieth session): at a test, "ok i switched to my
/// laptop, same blank page there" (no private window tried) and "we dont have an it person"
/// (at "Open the file on the server") were recorded as "fails there too", the first also
/// skipping two fixes.
#[test]
fn words_beside_a_test_that_do_not_answer_it_record_no_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("page is blank on my iphone");
    chat.say("no");
    let test = "Try a private window";
    assert_eq!(open_title(&chat).as_deref(), Some(test));
    let out = chat.say("ok i switched to my laptop, same blank page there");
    assert_eq!(outcome_of(&chat, test), None, "{}", all_text(&out));
    assert!(!has(&out, "Skipping"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("cant open company file H202 on workstation");
    let test = "Open the file on the server";
    assert_eq!(open_title(&chat).as_deref(), Some(test));
    let out = chat.say("we dont have an it person");
    assert_eq!(outcome_of(&chat, test), None, "{}", all_text(&out));
    // A plain answer still answers it.
    chat.say("nope, fails there too");
    assert_eq!(outcome_of(&chat, test), Some(Outcome::FailsThere));
}

/// Found by a helper playing users (thirtieth session): with a second problem named ("Also
/// mentioned: ..."), "the payroll one first pls" and "ok what about the bank thing" were not
/// understood; they take up the other problem (the one on screen held for later).
#[test]
fn the_other_problem_named_is_taken_up_when_asked_for_by_its_words() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say(
        "two things: payroll update keeps failing with PS038 and also my bank feed stopped \
         downloading transactions since friday. desktop 2023",
    );
    let first = chat.session.article().map(str::to_string);
    let other = if first.as_deref() == Some("bank-feed-not-updating") {
        ("the payroll one first pls", "payroll-not-updating")
    } else {
        ("ok what about the bank thing", "bank-feed-not-updating")
    };
    let out = chat.say(other.0);
    assert_eq!(chat.session.article(), Some(other.1), "{}", all_text(&out));
    let out = chat.say(if other.1 == "payroll-not-updating" {
        "ok what about the bank thing"
    } else {
        "the payroll one first pls"
    });
    assert_eq!(
        chat.session.article(),
        first.as_deref(),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing offline users (thirty-second session): "lets do the credit card
/// one first" asked "keep going or switch?"; the user's own words for the other problem name
/// it as well as its title's.
#[test]
fn the_other_problem_is_taken_up_by_the_users_own_words_for_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say(
        "my credit card bank feed stopped updating and also payroll wont update, tax tables \
         error PS107",
    );
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    let out = chat.say("lets do the credit card one first");
    assert_eq!(
        chat.session.article(),
        Some("bank-feed-not-updating"),
        "{}",
        all_text(&out)
    );
    // Words of the problem on screen name no other one.
    let mut chat = Chat::new(&kb);
    chat.say(
        "my credit card bank feed stopped updating and also payroll wont update, tax tables \
         error PS107",
    );
    chat.say("lets do the tax tables one first");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
}

/// Found by a helper playing users (thirtieth session): fixes a first description lists as
/// done without "already" ("ive cleared cookies and cache", "..., cleared cookies and cache,
/// ... nothing works") were offered again.
#[test]
fn fixes_listed_as_done_in_the_description_are_not_offered_again() {
    let kb = shipped_kb();
    for said in [
        "502 bad gateway in chrome. ive cleared cookies and cache",
        "still getting 502 bad gateway in chrome. restarted my computer, cleared cookies and \
         cache. nothing works",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(has(&out, "you already tried"), "{said}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, "Remove browser cache"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
    // A fix told in other forms of its title's words (thirty-third session: "I already
    // waited and retried" was shown "Wait and retry" first).
    for said in [
        "getting 503 in quickbooks online. I already waited and retried",
        "getting 503 in quickbooks online. I already tried waiting and retrying",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(has(&out, "you already tried"), "{said}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, "Wait and retry"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
    // Deeds listed clause by clause and a clause of its own saying the trouble stayed
    // (thirty-fourth session: "waited 15 minutes, reloaded, still 503" was shown "Wait and
    // retry" first); reloading is retrying.
    for (said, title) in [
        (
            "quickbooks online keeps giving me 503 service unavailable. waited 15 minutes, \
             reloaded, still 503",
            "Wait and retry",
        ),
        (
            "504 gateway timeout on reports. waited a few minutes and reloaded, same error",
            "Retry after a short wait",
        ),
        (
            "503 error. refreshed a bunch and waited, didnt help",
            "Wait and retry",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(has(&out, "you already tried"), "{said}: {}", all_text(&out));
        assert_eq!(outcome_of(&chat, title), Some(Outcome::NotFixed), "{said}");
    }
    // An eleventh reviewer's: deeds before add only to what a deed names ("cleared cache,
    // restarted" tried no "Clear the QuickBooks app cache"), and "data" alone names no fix.
    for said in [
        "502 bad gateway in chrome. cleared cache, restarted, still 502",
        "502 bad gateway in chrome. Cleared Cache. Restarted. Still 502.",
        // (A twelfth reviewer's: the sentence's other deed adds nothing either.)
        "502 bad gateway in chrome. restarted my computer and cleared cache, still 502 bad gateway",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(has(&out, "you already tried"), "{said}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, "Clear the QuickBooks app cache"),
            None,
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "cleared history and website data on my iphone, still keeps signing me out of quickbooks",
    );
    // (Since the thirty-fifth session the words of a step's label name its fix: "Clear
    // History and Website Data" is a step of "Clear the cache and cookies".)
    assert_eq!(
        outcome_of(&chat, "Clear only Intuit data"),
        None,
        "{}",
        all_text(&out)
    );
    assert_eq!(
        outcome_of(&chat, "Clear the cache and cookies"),
        Some(Outcome::NotFixed),
        "{}",
        all_text(&out)
    );
    // A deed told with no word that the trouble stayed is not one tried.
    let mut chat = Chat::new(&kb);
    let out = chat.say("503 error. waited 15 minutes, reloaded");
    assert!(!has(&out, "you already tried"), "{}", all_text(&out));
    // One such word alone names no fix: the app's cache is not the browser's cookies.
    let mut chat = Chat::new(&kb);
    let out = chat.say("getting 502 in quickbooks online. I already cleared my cookies");
    assert_eq!(
        outcome_of(&chat, "Clear the QuickBooks app cache"),
        None,
        "{}",
        all_text(&out)
    );
    // A deed with no sign it was done before is not one.
    let mut chat = Chat::new(&kb);
    let out = chat.say("502 bad gateway in chrome since i updated windows");
    assert!(!has(&out, "you already tried"), "{}", all_text(&out));
}

/// Found by a helper playing users (thirtieth session): "windows 10" at "Which browser?" was
/// "noted for the support team" but too short to be kept; what is said to be noted is kept.
#[test]
fn a_short_detail_said_to_be_noted_is_kept_for_staff() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says bad gateway");
    let out = chat.say("windows 10");
    assert!(
        has(&out, "noted that for the support team"),
        "{}",
        all_text(&out)
    );
    assert!(
        chat.session.descriptions.iter().any(|d| d == "windows 10"),
        "{:?}",
        chat.session.descriptions
    );
}

/// Found by a helper playing users (thirtieth session): an Android user was asked "Which
/// browser?" for the Internet-Explorer-only step, with Internet Explorer not among the
/// choices; no browser the step has steps for runs there, so it is skipped, saying why.
#[test]
fn a_step_for_browsers_the_device_cannot_run_is_skipped_without_asking() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("qb app on my android says 502 bad gateway");
    assert!(
        has(&out, "it is for Internet Explorer only, not Android"),
        "{}",
        all_text(&out)
    );
    assert!(browser_question(&out).is_none(), "{}", all_text(&out));
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Manually update bank transactions")
    );
}

/// Found by a helper playing users (thirtieth session): "still 103" after the fix for error
/// 103 said "That points to fix 2", though 103 points to the fix that just failed.
#[test]
fn the_same_code_after_its_own_fix_points_nowhere_new() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed error 103");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Update the bank sign-in details")
    );
    let out = chat.say("still 103");
    assert!(!has(&out, "points to"), "{}", all_text(&out));
    assert_eq!(
        outcome_of(&chat, "Update the bank sign-in details"),
        Some(Outcome::NotFixed)
    );
    assert!(chat.session.current_step().is_some());
}

/// Found by a third reviewer (thirtieth session), of that session's later changes.
#[test]
fn later_readings_of_this_session_keep_to_what_they_are_for() {
    let kb = shipped_kb();
    // A plain "fails there too" at a test is still its result.
    for said in ["not there either", "nothing changes", "makes no difference"] {
        let mut chat = Chat::new(&kb);
        chat.say("blank page in quickbooks online in chrome");
        chat.say("didnt work");
        let test = "Try a private window";
        assert_eq!(open_title(&chat).as_deref(), Some(test));
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, test),
            Some(Outcome::FailsThere),
            "{said}: {}",
            all_text(&out)
        );
    }
    // Someone needed for something else is no request for a person.
    for said in [
        "i need someone with admin rights for this, ill ask my boss",
        "no bots were involved, i did it by hand, still not updating",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed is not updating");
        let out = chat.say(said);
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }
    // A change made before the trouble is no fix tried.
    let mut chat = Chat::new(&kb);
    let out = chat.say("ive changed my bank password and now the bank feed wont update");
    assert!(!has(&out, "you already tried"), "{}", all_text(&out));
    // A word both problems share asks about the step on screen.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is not updating and also the payroll update fails");
    let first = chat.session.article().map(str::to_string);
    chat.say("update first?");
    assert_eq!(chat.session.article().map(str::to_string), first);
    // "just me or everyone" asks for the check.
    let mut chat = Chat::new(&kb);
    chat.say("blank page in quickbooks online");
    let out = chat.say("just me or everyone");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by helpers (twenty-ninth session): "talk to you tomorrow" opened a ticket mid-walk
/// ("talk to" read as asking for a person) and was "I don't know this one" as a first message;
/// "all good, bye" was greeted with "What's going wrong?"; "hello" mid-walk was "I didn't
/// catch that".
#[test]
fn goodbyes_and_greetings_are_answered_in_kind() {
    let kb = shipped_kb();
    for said in [
        "talk to you tomorrow",
        "all good, bye",
        "ok see you tomorrow",
    ] {
        let out = Chat::new(&kb).say(said);
        assert!(has(&out, "Bye for now"), "{said}: {}", all_text(&out));
        assert!(
            !has(&out, "What's going wrong"),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "page-not-loading".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.say("talk to you tomorrow");
    assert!(!chat.session.ticket_open, "{}", all_text(&out));
    assert!(has(&out, "Bye for now"), "{}", all_text(&out));
    let out = chat.say("hello");
    assert!(has(&out, "still here"), "{}", all_text(&out));
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert_eq!(open_title(&chat).as_deref(), Some("Reload the page fully"));
    assert_eq!(outcome_of(&chat, "Reload the page fully"), None);
}

/// Found by a reviewer (thirtieth session): any small talk at a fix was "Hi, I'm still here",
/// so "all good" no longer said the fix worked and "bye" was greeted; "all good thanks, bye"
/// at a fix was a goodbye (the fix left open) since "all good, bye" became one.
#[test]
fn at_a_fix_all_good_says_it_worked_and_bye_is_no_greeting() {
    let kb = shipped_kb();
    let at_a_fix = || {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: "page-not-loading".into(),
            browser: Some(Browser::Chrome),
        });
        chat
    };
    let fix = "Reload the page fully";
    let mut chat = at_a_fix();
    let out = chat.say("all good");
    assert_eq!(
        outcome_of(&chat, fix),
        Some(Outcome::Fixed),
        "{}",
        all_text(&out)
    );
    for said in [
        "all good thanks, bye",
        "great, thanks bye",
        "all good now, see you tomorrow",
    ] {
        let mut chat = at_a_fix();
        let out = chat.say(said);
        assert!(has(&out, "Shall I note"), "{said}: {}", all_text(&out));
    }
    for said in ["bye", "cya", "goodbye", "good"] {
        let mut chat = at_a_fix();
        let out = chat.say(said);
        assert!(!has(&out, "still here"), "{said}: {}", all_text(&out));
        assert_eq!(outcome_of(&chat, fix), None, "{said}");
    }
    let out = at_a_fix().say("bye");
    assert!(has(&out, "Bye for now"), "{}", all_text(&out));
    let out = at_a_fix().say("u there?");
    assert!(has(&out, "still here"), "{}", all_text(&out));
}

/// Found by a helper reading the README (twenty-ninth session): "safari" at the browser question
/// for a step for Internet Explorer only asked "a Mac or an iPhone?" for it; neither has steps
/// there, so it is skipped, saying so.
#[test]
fn bare_safari_at_a_step_for_another_browser_skips_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "quickbooks-error-502".into(),
        browser: None,
    });
    let out = chat.say("safari");
    assert!(has(&out, "not Safari"), "{}", all_text(&out));
    assert!(
        !has(&out, "Safari on a Mac and on an iPhone"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Manually update bank transactions")
    );
}

/// Found by a helper (twenty-ninth session): "yes please" with nothing asked (after "Good to
/// hear!") was matched as a description ("Is this it? Login Loop" with the sentence model);
/// it is asked what the user wants help with.
#[test]
fn a_yes_to_nothing_asks_what_is_wrong() {
    let kb = shipped_kb();
    let out = Chat::new(&kb).say("yes please");
    assert_says(&out, "What would you like help with?");
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "page-not-loading".into(),
        browser: Some(Browser::Chrome),
    });
    chat.say("yes that fixed it");
    assert!(matches!(chat.session.stage, Stage::Fixed { .. }));
    let out = chat.say("yes please");
    assert_says(&out, "What would you like help with?");
    // With a problem told, the yes is no matter.
    let out = Chat::new(&kb).say("yes the page is blank");
    assert!(
        !has(&out, "What would you like help with?"),
        "{}",
        all_text(&out)
    );
}

/// Found by a reviewer of the thirtieth session's last changes: single words of a result
/// ("there", "too") recorded a test as failed; "i need someone" and "no bots" in a longer reply
/// asked for no one (and "no bots ..." failed the fix); a deed told with "still doesnt load"
/// after it was not skipped; "its just me here, everyone else ..." ran the check; "can we go
/// to the payroll one" did not take it up; "still 103" jumped back without a word; "i dont
/// understand this step" was a result.
#[test]
fn readings_reviewed_in_the_thirty_first_session() {
    let kb = shipped_kb();
    // Words beside a test that say nothing of how it went.
    for said in [
        "we dont have an it person, the server is over there in the back office",
        "we dont have an it person, my boss set the server up too",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("cant open company file H202 on workstation");
        let test = "Open the file on the server";
        assert_eq!(open_title(&chat).as_deref(), Some(test));
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, test), None, "{said}: {}", all_text(&out));
    }
    // A person asked for mid-sentence.
    for said in [
        "no bots please, this is urgent",
        "i need someone asap",
        "ugh i need someone to look at this",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed is not updating");
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            !chat.recorded(Outcome::NotFixed),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed is not updating");
    let said = "i need someone to help me get admin rights for this, ill ask my boss";
    let out = chat.say(said);
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{said}: {}",
        all_text(&out)
    );
    // A deed told as failed is a fix tried.
    for said in [
        "qbo blank page in chrome. ive cleared the cache and it still doesnt load",
        "qbo blank page in chrome. ive cleared cookies and cache but its still blank",
    ] {
        let mut chat = Chat::new(&kb);
        let mut out = chat.say(said);
        // Lexically, a description over 12 words may be offered before it is answered
        // (`matcher::lexical_only`): picked, the deed told is still a fix tried.
        if let Stage::ChoosingArticle { candidates } = &chat.session.stage {
            assert_eq!(candidates[0], "page-not-loading", "{said}");
            out = chat.say("1");
        }
        assert!(has(&out, "you already tried"), "{said}: {}", all_text(&out));
    }
    // Alone in the office is no question of the service.
    let mut chat = Chat::new(&kb);
    chat.say("cant open company file H202 on workstation");
    let said = "its just me here, everyone else is on holiday";
    let out = chat.say(said);
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{said}: {}",
        all_text(&out)
    );
    // "go to" the other problem.
    for said in [
        "can we go to the payroll one",
        "ok lets go to the payroll problem now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(
            "two things: payroll update keeps failing with PS038 and also my bank feed stopped \
             downloading transactions since friday. desktop 2023",
        );
        assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
        let out = chat.say(said);
        assert_eq!(
            chat.session.article(),
            Some("payroll-not-updating"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // "still 103" after the fix for 103 goes on in order.
    let mut chat = Chat::new(&kb);
    let out = chat.say("bank feed error 103");
    let at_code = open_title(&chat);
    let out_still = chat.say("still 103");
    let mut plain = Chat::new(&kb);
    plain.say("bank feed error 103");
    plain.say("still broken");
    assert_eq!(
        open_title(&chat),
        open_title(&plain),
        "{}\n{}",
        all_text(&out),
        all_text(&out_still)
    );
    assert_ne!(open_title(&chat), at_code);
    // Not understood, in any spelling.
    for said in [
        "i dont understand this step",
        "dont understand this step",
        "i am not understand this",
    ] {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: "page-not-loading".into(),
            browser: Some(Browser::Chrome),
        });
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            None,
            "{said}: {}",
            all_text(&out)
        );
        assert!(has(&out, "How to"), "{said}: {}", all_text(&out));
    }
}

/// Found by a helper playing users: "ran verify data and rebuild data, now it works" at the
/// payroll article's first fix offered "Verify the payroll subscription" (one word of its title)
/// as what fixed it, though the deed is a step of "Send paychecks stuck ...".
#[test]
fn a_deed_told_in_a_fixs_steps_outweighs_one_word_of_another_title() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll update keeps failing in desktop");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    let out = chat.say("ran verify data and rebuild data, now it works");
    assert!(
        !has(&out, "Verify the payroll subscription"),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper playing an office during an outage: "my phone on 5g cant get in either"
/// told no result of "Try from another network or device" ("cant" read as a test that could
/// not be done), and "ok its back up now, thanks" at that test was "it works in the test ...
/// the trouble is on your side"; "yeah because clearing my cache has ever fixed anything" at
/// "Which browser?" was "Glad it works now!".
#[test]
fn an_outage_told_in_the_users_words_is_not_turned_round() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "service-outage".into(),
        browser: Some(Browser::Chrome),
    });
    let test = "Try from another network or device";
    assert_eq!(open_title(&chat).as_deref(), Some(test));
    let out = chat.say("my phone on 5g cant get in either");
    assert_eq!(
        outcome_of(&chat, test),
        Some(Outcome::FailsThere),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "service-outage".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.say("ok its back up now, thanks");
    assert_ne!(
        outcome_of(&chat, test),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "service-outage".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.say("qbo is back up, thanks");
    assert_ne!(
        outcome_of(&chat, test),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "on your side"), "{}", all_text(&out));
    assert!(
        matches!(chat.session.stage, Stage::Fixed { .. }),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway on every page in quickbooks online");
    let out = chat.say("yeah because clearing my cache has ever fixed anything");
    assert!(!has(&out, "Glad"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
}

/// Found by a helper playing users (thirty-first session): "i want to talk to a real person
/// not a bot" as a first message got a list of articles; "server opens it fine" in an H202
/// description still asked to open the file on the server; "this is online" at a QuickBooks
/// Desktop payroll step went on to "Update QuickBooks Desktop"; "takes like 30 sec to open an
/// invoice" beside "qbo is sooo slow" was "Also mentioned: HTTP Error 504".
#[test]
fn what_users_said_plainly_is_taken_as_said() {
    let kb = shipped_kb();
    for said in [
        "i want to talk to a real person not a bot",
        "no bots please",
        "i need someone asap",
        "support please",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }

    let mut chat = Chat::new(&kb);
    let out = chat
        .say("getting H202 when i try to open company file from workstation. server opens it fine");
    assert_eq!(
        outcome_of(&chat, "Open the file on the server"),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "payroll-not-updating".into(),
        browser: Some(Browser::Chrome),
    });
    let out = chat.say("theres no employees > get payroll updates either. this is online");
    assert!(
        has(&out, "won't fit QuickBooks Online"),
        "{}",
        all_text(&out)
    );

    // A second clause about the same slowness names no other problem ("504" by its seconds).
    let mut chat = Chat::new(&kb);
    chat.say("qbo is sooo slow on my samsung phone, takes like 30 sec to open an invoice");
    // (Lexically, 16 words are offered as a list first: `matcher::lexical_only`.)
    assert!(
        matches!(&chat.session.stage, Stage::ChoosingArticle { candidates } if candidates[0] == "slow-performance"),
        "{:?}",
        chat.session.stage
    );
    chat.say("1");
    assert_eq!(chat.session.article(), Some("slow-performance"));
    assert!(chat.session.also_named.is_none());
    // Answered outright, the same.
    let mut chat = Chat::new(&kb);
    chat.say("qbo so slow, takes like 30 sec to open an invoice");
    assert_eq!(chat.session.article(), Some("slow-performance"));
    assert!(chat.session.also_named.is_none());
    // A part that names the other's title is another problem all the same.
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out in chrome and also the page is blank");
    let mut named: Vec<String> = chat
        .session
        .also_named
        .iter()
        .map(|a| a.id.clone())
        .collect();
    named.extend(chat.session.also_named_later.iter().map(|a| a.id.clone()));
    assert!(named.contains(&"page-not-loading".to_string()), "{named:?}");
}

/// Found by a reviewer of this session's first fixes: "i cant connect my phone to mobile
/// data" at the network test was "fails there" (an outage declared); "it works fine, i had to
/// back up everything first" at the server test was "the service is back"; "the file is on the
/// same pc" at it was "fails there too".
#[test]
fn this_sessions_readings_keep_to_what_they_are_for() {
    let kb = shipped_kb();
    let test = "Try from another network or device";
    for said in [
        "i cant connect my phone to mobile data, no signal in here",
        "i cant access another network from here, only the office wifi",
        "cant access the mobile data here",
        "i cant connect to the hotspot on my phone",
    ] {
        let mut chat = Chat::new(&kb);
        chat.event(Event::Open {
            article: "service-outage".into(),
            browser: Some(Browser::Chrome),
        });
        let out = chat.say(said);
        assert_ne!(
            outcome_of(&chat, test),
            Some(Outcome::FailsThere),
            "{said}: {}",
            all_text(&out)
        );
    }
    let server = "Open the file on the server";
    let mut chat = Chat::new(&kb);
    chat.say("i get error h202 when opening the company file from a workstation");
    let out = chat.say("it works fine, i had to back up everything first");
    assert_eq!(
        outcome_of(&chat, server),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("i get error h202 when opening the company file from a workstation");
    let out = chat.say("we dont have a separate server, the file is on the same pc");
    assert_ne!(
        outcome_of(&chat, server),
        Some(Outcome::FailsThere),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper reading tickets and stats (thirty-first session): "great thanks" at the
/// server test was "works there" (staff told the file opens on the server); "my accountant
/// fixed it" at a test was "works there" and the walk went on; "private window works!" at the
/// 503 article's second fix credited that fix, not "Sign in from a private window".
#[test]
fn what_is_credited_is_what_the_user_said() {
    let kb = shipped_kb();
    let test = "Open the file on the server";
    for said in ["great thanks", "ok great"] {
        let mut chat = Chat::new(&kb);
        chat.say("company file wont open, H202");
        assert_eq!(open_title(&chat).as_deref(), Some(test));
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, test), None, "{said}: {}", all_text(&out));
        assert_eq!(open_title(&chat).as_deref(), Some(test));
    }
    let mut chat = Chat::new(&kb);
    chat.event(Event::Open {
        article: "page-not-loading".into(),
        browser: Some(Browser::Chrome),
    });
    chat.say("still blank");
    assert_eq!(open_title(&chat).as_deref(), Some("Try a private window"));
    let out = chat.say("my accountant fixed it");
    assert_ne!(
        outcome_of(&chat, "Try a private window"),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    assert!(
        matches!(chat.session.stage, Stage::Fixed { .. }),
        "{}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    chat.say("getting 503 service unavailable on qbo");
    chat.say("edge");
    chat.say("waited and retried, still 503");
    let out = chat.say("private window works!");
    assert!(
        has(&out, "Shall I note **Sign in from a private window**"),
        "{}",
        all_text(&out)
    );
    // Not a fix named in passing (a reviewer's cases).
    let mut chat = Chat::new(&kb);
    chat.say("qbo shows 503 service unavailable in chrome");
    chat.say("still broken");
    let out = chat.say("it works now, didnt even need a private window");
    assert!(
        !has(&out, "**Sign in from a private window**"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("payroll update fails with ps107");
    chat.say("still broken");
    let out = chat.say("works now, i can send paychecks again");
    assert!(!has(&out, "**Send paychecks"), "{}", all_text(&out));
    // Said with a word between (a fourth reviewer's).
    for said in [
        "in a private window it works",
        "the private window is working",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("getting 503 service unavailable on qbo");
        chat.say("edge");
        chat.say("waited and retried, still 503");
        let out = chat.say(said);
        assert!(
            has(&out, "Shall I note **Sign in from a private window**"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // The status page told at the 502 article is the step's news, no other problem.
    let mut chat = Chat::new(&kb);
    chat.say("qbo gives me 502 bad gateway");
    chat.say("chrome");
    let out = chat.say("checked the status page, everything is green and my internet is fine");
    assert!(
        !has(&out, "sounds like a different problem"),
        "{}",
        all_text(&out)
    );
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper reading tickets (thirty-first session): a ticket opened before anything
/// was said took its title from the latest words, so "also its desktop 2023 R5" after "my
/// payroll tax table update fails with PS107" retitled it "Company File Won't Open". A detail
/// said as an addition keeps the problem's matches.
#[test]
fn a_detail_for_the_ticket_keeps_what_the_problem_matched() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated { article: None };
    chat.say("my payroll tax table update fails with PS107");
    assert_eq!(
        chat.session.matches.first().map(|m| m.id.as_str()),
        Some("payroll-not-updating")
    );
    let out = chat.say("also its desktop 2023 R5");
    assert_eq!(
        chat.session.matches.first().map(|m| m.id.as_str()),
        Some("payroll-not-updating"),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv48 F3): "also it happens on my laptop too, and my bookkeeper has
/// the same issue on her mac", added to a ticket opened on "quickbooks keeps logging me out",
/// ranked the 503 article on "happens" and "laptop" alone, and the ticket was retitled "HTTP
/// Error 503" with the login loop gone from its matches. The detail is ranked with the problem.
#[test]
fn a_detail_for_the_ticket_is_ranked_with_the_problem_told() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps logging me out, im using chrome");
    chat.say("this is useless. human please");
    chat.session.ticket = Some(supportbot::ids::TicketId(1));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat
        .say("also it happens on my laptop too, and my bookkeeper has the same issue on her mac");
    assert_eq!(
        chat.session.matches.first().map(|m| m.id.as_str()),
        Some("login-loop-signed-out"),
        "{}",
        all_text(&out)
    );
}

/// Found by a helper reading tickets (thirty-first session): with the bank feed walked and the
/// blank page also named, "ctrl f5 didnt help, still white" was recorded as the bank step's
/// failure; it is about the other problem, so keep-or-switch is asked. "still not updating"
/// stays this one's.
#[test]
fn a_reply_about_the_other_problem_named_asks_to_switch() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("white screen when i open qbo and also my bank feed isnt updating");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    chat.say("firefox");
    let step = open_title(&chat).expect("a step is open");
    let out = chat.say("ctrl f5 didnt help, still white");
    assert_eq!(outcome_of(&chat, &step), None, "{}", all_text(&out));
    assert!(
        has(&out, "sounds like a different problem"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("white screen when i open qbo and also my bank feed isnt updating");
    chat.say("firefox");
    let step = open_title(&chat).expect("a step is open");
    chat.say("still not updating");
    assert_eq!(outcome_of(&chat, &step), Some(Outcome::NotFixed));
}

/// Issue 8's off-topic example, typed without the sentence model: its words reach the
/// bank-feed article's confident line, but a post of 15 words is answered outright only when
/// its first article is likely right (`matcher::lexical_only`), so it is offered, not walked.
/// Chat lines added at the list are weighed one by one, not as one long post.
#[test]
fn a_long_post_is_offered_not_answered_without_the_model() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "How do I record a draw? I don't understand that it is classified as an equity account",
    );
    assert_eq!(chat.session.article(), None, "{}", all_text(&out));
    assert!(
        !all_text(&out).contains("Bank Feed Not Updating or Bank Connection Errors |"),
        "{}",
        all_text(&out)
    );
    assert!(
        matches!(&chat.session.stage, Stage::ChoosingArticle { .. }),
        "{:?}",
        chat.session.stage
    );
    // Short lines at "Is this it?" do not make a long post of the description.
    let mut chat = Chat::new(&kb);
    chat.say("qbo is slow on my iphone");
    chat.say("actually I'm on my work laptop with edge now, same thing");
    chat.say("closed tabs, no change");
    assert_eq!(chat.session.article(), Some("slow-performance"));
}

/// Found by helpers (thirty-first session), fixed in the thirty-second: how slow it is now is
/// more about the problem walked, not "didn't catch that"; the trouble doing it again is no
/// fix; "i need someone" as a first message is asked what is wrong with a person one press
/// away.
#[test]
fn left_alone_in_the_thirty_first_session() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo gives me 504 gateway timeout");
    chat.say("chrome");
    let out = chat.say("now the reports take minutes to load");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert!(has(&out, "still sounds like **"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("gateway-timeout-504"));

    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes");
    chat.say("chrome");
    let first = chat.session.current_step().map(|s| s.solution);
    let out = chat.say("didnt kick me out for a bit, but it did again");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert!(!has(&out, "Glad"), "{}", all_text(&out));
    assert_ne!(
        chat.session.current_step().map(|s| s.solution),
        first,
        "the next fix: {}",
        all_text(&out)
    );

    let mut chat = Chat::new(&kb);
    let out = chat.say("i need someone");
    assert!(has(&out, "What's going wrong?"), "{}", all_text(&out));
    assert!(
        out.replies
            .iter()
            .flat_map(|r| &r.choices)
            .any(|c| c.action == Action::Escalate),
        "{}",
        all_text(&out)
    );
    let out = Chat::new(&kb).say("hello");
    assert!(
        !out.replies
            .iter()
            .flat_map(|r| &r.choices)
            .any(|c| c.action == Action::Escalate),
        "a greeting is no request for a person: {}",
        all_text(&out)
    );
}

/// Found by a reviewer of the lexical hold-back (thirty-second session): a long message held
/// back from an outright answer still names another problem clearly for the conversation's
/// gates, so mid-walk it is offered as a switch (not a failed fix, nor "the same problem"),
/// "not my problem, it's ..." opens it, and after a fix it is no "fix didn't last".
#[test]
fn a_long_message_held_back_still_names_another_problem() {
    let kb = shipped_kb();
    let timing_out = "also it keeps timing out when i run reports, sometimes i get a gateway error after waiting a while";
    let unavailable = "oh and also the site says service unavailable sometimes when i log in from the office in the morning";
    for (said, other) in [(timing_out, "504"), (unavailable, "503")] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed not updating");
        let out = chat.say(said);
        assert!(has(&out, "different problem"), "{said}: {}", all_text(&out));
        assert!(has(&out, other), "{said}: {}", all_text(&out));
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "no fix failed: {said}"
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    chat.say("no thats not my problem, it keeps timing out when i run reports and sometimes i get a gateway error");
    assert_eq!(chat.session.article(), Some("gateway-timeout-504"));

    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    chat.say("fixed it");
    let out = chat.say("something is broken again, now it keeps timing out when i run reports and i get a gateway error after a while");
    assert!(!has(&out, "didn't last"), "{}", all_text(&out));
    assert_ne!(chat.session.article(), Some("bank-feed-not-updating"));

    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    chat.say("fixed it");
    let out = chat.say("that worked great thanks, but the site says service unavailable sometimes when i log in from the office in the morning");
    assert!(!has(&out, "Good to hear"), "{}", all_text(&out));
}

/// Found by a helper playing offline users (thirty-second session): a person asked for
/// outright with no problem answered is handed over at once (a problem told goes on the
/// ticket as what the user said, not asked for again); a count or a year in a description
/// ("Payday is tomorrow, 14 employees") names no other problem.
#[test]
fn a_person_asked_for_outright_and_counts_that_name_no_problem() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("Can I just talk to a real person? I dont want to do troubleshooting, I have been on hold with intuit for an hour already");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    let out = chat.say("can i talk to a person, payroll wont update");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { note: None })),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.descriptions,
        ["can i talk to a person, payroll wont update"]
    );
    assert_eq!(
        chat.session.matches.first().map(|m| m.id.as_str()),
        Some("payroll-not-updating")
    );

    let mut chat = Chat::new(&kb);
    chat.say("Payroll wont update!! getting PS038 when I try to send paychecks, they are stuck as online to send. Desktop Enterprise 2023. Payday is tomorrow, 14 employees.");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    assert!(
        chat.session.also_named.is_none(),
        "{:?}",
        chat.session.also_named
    );
}

/// Found by a helper playing offline users (thirty-second session): replies that said how it
/// went, misread. "it just came back by itself" is no failure of the step, nor a fix of it
/// ("it keeps coming back by itself" is the trouble); an earlier test's result said again at a
/// later fix is no answer to it, while the usual setup working now too is; "yep ..., thats
/// what did it" at "Shall I note ...?" is a yes, and a doubt is not.
#[test]
fn replies_a_helper_found_misread_in_the_thirty_second_session() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("Getting 503 Service Unavailable when i try to sign in this morning, chrome. is intuit doing maintenance??");
    chat.say("waited like 15 minutes, reloaded once, still 503");
    let out = chat.say("it just came back by itself");
    assert!(has(&out, "Glad it works now"), "{}", all_text(&out));
    let failed = |chat: &Chat| {
        (chat.session.attempts.iter())
            .filter(|a| a.outcome == Some(Outcome::NotFixed))
            .count()
    };
    assert_eq!(failed(&chat), 1, "only the step the user said failed");
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::Fixed)),
        "no step credited"
    );

    let mut chat = Chat::new(&kb);
    chat.say("At the office QuickBooks wont load, says ERR_CONNECTION_RESET. At home on my laptop it works totally fine. We got a new Sophos firewall last week. I am not IT, just the office manager");
    let out = chat.say("I tried on my phone hotspot and it works there");
    assert!(has(&out, "as in the test"), "{}", all_text(&out));
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert!(chat.session.current_step().is_some());
    for said in [
        "it works at the office now like at home",
        "now it works on the office wifi as well as at home",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(
            "quickbooks online wont load at the office, connection reset, but it works at home",
        );
        let out = chat.say(said);
        assert!(!has(&out, "as in the test"), "{said}: {}", all_text(&out));
    }

    let mut chat = Chat::new(&kb);
    chat.say("QBO just shows a blank white page after I sign in, nothing loads, the little wheel just keeps spinning. Im on Edge at work. Tried refreshing a bunch of times");
    chat.say("ctrl f5 did nothing, still white");
    chat.say("ok in InPrivate it loads fine, weird");
    let out = chat.say("turned off my extensions, the grammarly one was on. now it works!! thanks");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    chat.say("yep the grammarly thing, that's what did it");
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::Fixed)),
        "the fix noted"
    );
    // Found by a reviewer: a doubt, or something else credited, notes nothing.
    for said in [
        "i doubt that did it",
        "i wonder if that did the trick",
        "perhaps that fixed it, or maybe the update",
        "actually my IT guy changed the proxy, thats what did it",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online keeps signing me out and sending me back to the sign in page in chrome");
        let out = chat.say("restarted and it works now");
        assert!(has(&out, "Shall I note"), "{}", all_text(&out));
        chat.say(said);
        assert!(
            !chat
                .session
                .attempts
                .iter()
                .any(|a| a.outcome == Some(Outcome::Fixed)),
            "{said}: a fix noted"
        );
    }
}

/// Found by a reviewer (thirty-second session): a long post that says "a 504" quotes the code
/// (answered, not held back); a code after a product name is a second problem named
/// ("also quickbooks 502 sometimes").
#[test]
fn a_bare_code_is_quoted_after_an_article_or_a_product_name() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("since this morning quickbooks online just shows a 504 after spinning for a minute or so when i try to open the banking page, other pages seem ok but banking wont load at all, i tried twice");
    assert_eq!(chat.session.article(), Some("gateway-timeout-504"));
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online keeps signing me out and sending me back to the sign in page in chrome, also quickbooks 502 sometimes");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    assert_eq!(
        chat.session.also_named.as_ref().map(|a| a.id.as_str()),
        Some("quickbooks-error-502")
    );
}

/// Found by a second reviewer (thirty-second session): a count is no quoted code ("about 503
/// vendors" is offered, not answered with the 503 article), a number after the product's name
/// mid-walk is no error shown (the open fix does not fail), and "thats what did it" alone at
/// a fix is read as a fix to confirm.
#[test]
fn counts_and_credits_a_second_reviewer_found() {
    let kb = shipped_kb();
    for said in [
        "we have about 503 vendors and when i open the vendor list the page just spins forever",
        "my invoice number 504 wont save, it just sits there and then nothing happens at all",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(said);
        assert!(
            !matches!(
                chat.session.article(),
                Some("service-unavailable-503" | "gateway-timeout-504")
            ),
            "{said}: {:?}",
            chat.session.article()
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("payroll wont update");
    chat.say("this is for my quickbooks 1099 filing");
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::NotFixed)),
        "no fix failed"
    );
    let mut chat = Chat::new(&kb);
    chat.say(
        "quickbooks online keeps signing me out and sending me back to the sign in page in chrome",
    );
    chat.say("restarted and it works now");
    chat.say("thats what did it");
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::Fixed)),
        "the fix noted"
    );
}

/// Found by a third reviewer (thirty-second session): the service back, a plan, the user's
/// own deed done again and something else credited are no failure of the step on screen; "the
/// loop came back by itself" is no fix; the usual place working now like the test's is the
/// fix; a code first or after "http"/"qbo" in a long post is quoted.
#[test]
fn replies_a_third_reviewer_found() {
    let kb = shipped_kb();
    for said in [
        "yes now its back",
        "IT changed it and now its back!",
        "will let you know when it does it again",
        "yep clearing cookies did it again",
        "did it again and now im in",
        "i turned off my vpn, thats what did it",
        "the loop came back by itself",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online keeps signing me out and sending me back to the sign in page in chrome");
        let out = chat.say(said);
        assert!(
            chat.session
                .attempts
                .iter()
                .all(|a| a.outcome != Some(Outcome::NotFixed)),
            "{said}: a fix failed: {}",
            all_text(&out)
        );
        if said.contains("loop") {
            assert!(!has(&out, "Glad"), "{said}: {}", all_text(&out));
        }
    }
    for said in [
        "it works at my desk now just like at home",
        "it works on the wifi now like at home",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("At the office QuickBooks wont load, says ERR_CONNECTION_RESET. At home on my laptop it works totally fine.");
        let out = chat.say(said);
        assert!(!has(&out, "as in the test"), "{said}: {}", all_text(&out));
    }
    for said in [
        "503 every time i try to sign in since this morning, cleared the cache already, tried firefox too, nothing helps, is it down for everyone or just me",
        "qbo 502 every time i open an invoice or try to save it this morning, chrome, tried reloading and logging out and back in already",
    ] {
        let ranking = kb.rank_with(said, None, 5);
        assert!(ranking.best().is_some(), "{said}: {:?}", ranking.held_back);
    }
}

/// Found by a helper playing offline users (thirty-second session): "subscription is active,
/// I checked it" at "Verify the payroll subscription" was "didn't catch that", and "yes its
/// active" offered the step as what fixed it. What a check step looks at found as it should
/// be rules the step out, and the walk goes on.
#[test]
fn a_check_that_finds_nothing_wrong_rules_out_its_step() {
    let kb = shipped_kb();
    let current_title = |chat: &Chat| {
        chat.session.current_step().map(|s| {
            kb.get("payroll-not-updating").unwrap().solutions[s.solution]
                .title
                .clone()
        })
    };
    for said in ["subscription is active, I checked it", "yes its active"] {
        let mut chat = Chat::new(&kb);
        chat.say("payroll update wont download in quickbooks desktop");
        chat.say("no");
        chat.say("no");
        assert_eq!(
            current_title(&chat).as_deref(),
            Some("Verify the payroll subscription")
        );
        let out = chat.say(said);
        assert!(
            has(&out, "nothing wrong there"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            outcome_of(&chat, "Verify the payroll subscription"),
            Some(Outcome::NotFixed),
            "{said}"
        );
        assert_eq!(
            current_title(&chat).as_deref(),
            Some("Rename the CPS folder"),
            "{said}"
        );
    }
    // The problem gone is no check's result.
    let mut chat = Chat::new(&kb);
    chat.say("payroll update wont download in quickbooks desktop");
    chat.say("no");
    chat.say("no");
    let out = chat.say("its fine now");
    assert!(!has(&out, "nothing wrong there"), "{}", all_text(&out));
    assert_ne!(
        outcome_of(&chat, "Verify the payroll subscription"),
        Some(Outcome::NotFixed)
    );
}

/// Found by a helper playing offline users (thirty-second session): "the sample file opens
/// fine" at File Doctor offered File Doctor as what fixed it. Another thing working is no fix.
#[test]
fn another_thing_working_is_no_fix_of_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("cant open my company file, error H202");
    chat.say("no");
    let out = chat.say("the sample file opens fine");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::Fixed)),
        "{}",
        all_text(&out)
    );
}

/// Found by a fourth reviewer (thirty-third session): the test's result said again with filler
/// words ("like I said", "well", "too, like earlier") was offered as the fix on screen.
#[test]
fn the_tests_result_said_again_with_filler_is_no_fix() {
    let kb = shipped_kb();
    for said in [
        "like I said, it works on the hotspot now",
        "well, it works on the hotspot now",
        "it works on my hotspot now too, like earlier",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks keeps saying connection reset, I think our firewall or vpn");
        chat.say("on my phone hotspot it works");
        assert_eq!(
            outcome_of(&chat, "Try without the VPN and on another network"),
            Some(Outcome::WorksThere)
        );
        let out = chat.say(said);
        assert!(has(&out, "as in the test"), "{said}: {}", all_text(&out));
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
    }
    // "thats what did it" after a fix recorded is still glad, not a new problem.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows a 502 error");
    chat.say("5");
    chat.say("it works now");
    let out = chat.say("yep thats what did it");
    assert!(!has(&out, "I don't know"), "{}", all_text(&out));
}

/// Found by a helper playing offline users (thirty-second session): an iPhone user who did
/// the step on the computer ("ok found it on the computer, put in the new password, all good
/// now") was taken as moving to the computer, and the step was asked again. Where it works
/// ("on my laptop it works fine") is still no fix of the step.
#[test]
fn a_step_done_on_another_device_that_worked_is_a_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed stopped updating, error 103, on my iphone");
    let out = chat.say("ok found it on the computer, put in the new password, all good now");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say("qbo page is blank on my iphone");
    let out = chat.say("on my laptop it works fine");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    // A sixth reviewer's (thirty-third session): where it works, or a move, said with a fix
    // word is no step done there.
    for said in [
        "on the laptop now, all good",
        "my laptop let me in, all good",
        "used my computer instead, all good",
        "tried the computer, all good there",
        "on my pc no issues, great",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("I'm on my iPhone in Safari and QuickBooks keeps signing me out, login loop");
        assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
    }
    // An eighth reviewer's: getting there is no step done there.
    for said in [
        "i tried logging in on my laptop and it worked",
        "tried opening it on my laptop, works there",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("I'm on my iPhone in Safari and QuickBooks keeps signing me out, login loop");
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
    }
    // A seventh reviewer's: a deed tried there is one.
    let mut chat = Chat::new(&kb);
    chat.say("I'm on my iPhone in Safari and QuickBooks keeps signing me out, login loop");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    let out = chat.say("i tried clearing cookies on my laptop and it worked");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
}

/// Found by a fifth reviewer (thirty-third session): a check step's rule-out read the problem
/// gone ("payroll all good"), a result beside the check, a guess, another step's check, a step
/// that does more than look, and a look once the trouble is over as "nothing wrong there".
#[test]
fn only_a_check_seen_as_it_should_be_rules_its_step_out() {
    let kb = shipped_kb();
    let payroll = "payroll update fails, tax tables wont download";
    let login = "quickbooks keeps signing me out and sending me back to the login page";
    for (journey, said) in [
        (vec![payroll], "payroll all good"),
        (vec![payroll], "the payroll update went through fine"),
        (vec![payroll], "the subscription is active"),
        // A seventh reviewer's: what a step's check line only mentions.
        (vec![payroll], "quickbooks is fine"),
        (vec![payroll], "my computer is fine"),
        // A ninth reviewer's: thanks, and a result beside the check.
        (vec![payroll], "thanks for the help, all good"),
        (
            vec!["company file won't open error H202", "no", "no", "no"],
            "full control is fine, thanks it opens",
        ),
        (vec![payroll, "no", "no"], "the payroll service is fine"),
        (
            vec![payroll, "no", "no"],
            "subscription is active and the tax tables downloaded",
        ),
        (
            vec![payroll, "no", "no"],
            "i think the subscription is active",
        ),
        (
            vec![login, "chrome", "no", "no"],
            "date is right and i stayed logged in all morning",
        ),
        (
            vec![
                "quickbooks online is down for everyone, our whole office cant reach it",
                "no",
                "no",
            ],
            "my work is fine",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        for line in &journey {
            chat.say(line);
        }
        let open = open_title(&chat).unwrap_or_default();
        assert!(
            open.starts_with("Check") || open.starts_with("Verify"),
            "{said}: at {open}"
        );
        let out = chat.say(said);
        assert!(
            !has(&out, "nothing wrong there"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // What a step's check lines name, said as it should be, rules it out (an eighth
    // reviewer's).
    for (journey, said) in [
        (vec![payroll, "no", "no"], "the billing details are current"),
        (vec![payroll], "another website opens fine"),
        (
            vec!["company file won't open error H202", "no", "no", "no"],
            "the ping is ok",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        for line in &journey {
            chat.say(line);
        }
        let out = chat.say(said);
        assert!(
            has(&out, "nothing wrong there"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // The report doing it again names no fix done.
    let mut chat = Chat::new(&kb);
    chat.say("getting 504 gateway timeout when running reports");
    let out = chat.say("the report did it again");
    assert!(!has(&out, "didn't fix it either"), "{}", all_text(&out));
    // A word said of both problems names neither.
    let mut chat = Chat::new(&kb);
    chat.say("error 504 when I export transactions and my bank transactions stopped downloading");
    let first = chat.session.article().map(str::to_string);
    chat.say("lets do the transactions first");
    assert_eq!(chat.session.article(), first.as_deref());
}

/// Both binaries were wrong in a reviewer's runs (thirty-fifth session): what works elsewhere
/// is no fix, a thing said not to have helped was done, and the error's absence keeps the
/// article.
#[test]
fn works_elsewhere_a_thing_that_did_not_help_and_the_error_gone() {
    let kb = shipped_kb();
    let bad_gateway = "quickbooks online says 502 bad gateway in chrome";
    // At the browser prompt, "everything else works" neither closes as fixed nor asks it.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    let out = chat.say("internet is fine everything else works");
    assert!(!has(&out, "Glad it works"), "{}", all_text(&out));
    assert!(!matches!(chat.session.stage, Stage::Fixed { .. }));
    // At a fix, neither that nor the bank's own site is the fix to confirm.
    for said in [
        "internet is fine everything else works",
        "bank website works fine",
        "it worked on my other computer",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        let open = open_title(&chat);
        let out = chat.say(said);
        assert!(
            !has(&out, "sounds like that worked"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            !has(&out, "Allow Active Scripting"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(open_title(&chat), open, "{said}");
    }
    // "cache didnt help": the cache fix was tried, and the fix on screen is still asked.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let open = open_title(&chat);
    let out = chat.say("cache didnt help");
    assert!(has(&out, "didn't fix it either"), "{}", all_text(&out));
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(open_title(&chat), open);
    // "it didnt help" is said of the fix on screen.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let open = open_title(&chat).unwrap_or_default();
    chat.say("it didnt help");
    assert_eq!(outcome_of(&chat, &open), Some(Outcome::NotFixed));
    // The error gone keeps the article, and asks whether the fix on screen did it.
    for said in [
        "no 502 anymore",
        "it worked, no 502 now",
        "did it again and it worked, no 502 again",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        let out = chat.say(said);
        assert!(
            has(&out, "sounds like that worked"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            chat.session.article(),
            Some("quickbooks-error-502"),
            "{said}"
        );
    }
}

/// Both binaries were wrong in a thirteenth reviewer's runs (thirty-fifth session): deeds told
/// with "i" or "also", or two at once at a fix, name the fixes they did; a browser tried that
/// works is where it works, not the fix.
#[test]
fn deeds_told_with_i_or_also_or_two_at_once_name_their_fixes() {
    let kb = shipped_kb();
    let bad_gateway = "502 bad gateway in chrome";
    // Up front, after "i".
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome. i restarted the router and cleared the cache, still 502");
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    // "also <deed>, no change": more tried, not another problem.
    for said in [
        "also cleared the cache, no change",
        "i also restarted my computer and cleared the cache, no change",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        let out = chat.say(said);
        assert!(
            !has(&out, "different problem"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            outcome_of(&chat, "Remove browser cache"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
    // "also my bank feed stopped updating" is still another problem.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let out = chat.say("also my bank feed stopped updating");
    assert!(has(&out, "different problem"), "{}", all_text(&out));
    // Two deeds at the firewall: both failed, and the cache is not shown next.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Temporarily turn off the firewall")
    );
    chat.say("turned off firewall and cleared cache, same");
    assert_eq!(
        outcome_of(&chat, "Temporarily turn off the firewall"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    assert_ne!(open_title(&chat).as_deref(), Some("Remove browser cache"));
    // Another browser tried that works: noted where it works; nothing to confirm.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let open = open_title(&chat);
    let out = chat.say("i also tried firefox and it works");
    assert!(has(&out, "works there"), "{}", all_text(&out));
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert_eq!(open_title(&chat), open);
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    // What a fix's steps have the user click names it ("reset app data"), up front and at
    // another fix.
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome. reset app data and restarted quickbooks, still 502");
    assert_eq!(
        outcome_of(&chat, "Clear the QuickBooks app cache"),
        Some(Outcome::NotFixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let open = open_title(&chat);
    chat.say("restarted my computer and reset app data, still 502");
    assert_eq!(
        outcome_of(&chat, "Clear the QuickBooks app cache"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(open_title(&chat), open);
}

/// Left alone in the thirty-fourth session, fixed in the thirty-fifth: "bank feed not updating"
/// (four words, no code) at a payroll step failed the step; it names another article by its
/// title words alone, so "keep going or switch?" is asked.
#[test]
fn four_words_naming_another_article_ask_keep_going_or_switch() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll not updating");
    let open = open_title(&chat);
    let out = chat.say("bank feed not updating");
    assert!(has(&out, "different problem"), "{}", all_text(&out));
    assert_eq!(open_title(&chat), open, "the payroll step is not failed");
    assert!(!chat.recorded(Outcome::NotFixed));
    // A label said beside "can't" is not done (a fifteenth reviewer's: it was recorded as
    // tried).
    for said in [
        "can't reset app data, greyed out",
        "reset app data is not in the help menu",
        "i cant click delete browsing data",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("502 bad gateway in chrome");
        let out = chat.say(said);
        assert!(
            !has(&out, "didn't fix it either"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Left alone in the thirty-fifth session: "what if it still fails?" moved on as if the fix
/// had failed; "let me check if it still happens" ran the live check; "cache and firewall
/// didnt help" noted only the firewall.
#[test]
fn what_if_it_fails_a_check_of_ones_own_and_things_that_did_not_help_together() {
    let kb = shipped_kb();
    let bad_gateway = "502 bad gateway in chrome";
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let open = open_title(&chat);
    let out = chat.say("what if it still fails?");
    assert!(
        has(&out, "If it still doesn't work after these steps"),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), open);
    assert!(
        !chat
            .session
            .attempts
            .iter()
            .any(|a| a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let out = chat.say("let me check if it still happens");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), open);

    // After "Glad that worked!", a plan to see whether it holds is no new problem.
    for said in [
        "let me check if it still happens",
        "gonna check if it works",
        "ok ill monitor it",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        chat.fixed();
        let out = chat.say(said);
        assert!(has(&out, "If it comes back"), "{said}: {}", all_text(&out));
        assert!(
            matches!(chat.session.stage, Stage::Fixed { .. }),
            "{said}: {:?}",
            chat.session.stage
        );
    }
    // (An eighteenth reviewer's: after a fix, "what if it comes back?" is told how to come
    // back, and "fixed but it came back this morning" takes the fix back.)
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.fixed();
    let out = chat.say("what if it comes back?");
    assert!(has(&out, "If it comes back"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.fixed();
    let out = chat.say("fixed but it came back this morning");
    assert!(has(&out, "it's back"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    // Three things that did not help, the fix on screen among them: all three failed, and
    // the cache's words point to no other cache fix.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.say("cache, firewall and trusted site didnt help");
    for fix in [
        "Remove browser cache",
        "Temporarily turn off the firewall",
        "Add Intuit as a trusted site",
    ] {
        assert_eq!(outcome_of(&chat, fix), Some(Outcome::NotFixed), "{fix}");
    }
    // The fix on screen among the deeds by a name the article gives it ("turned off
    // antivirus" at the firewall).
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.say("cleared cookies, turned off antivirus, added intuit to trusted sites - still 502");
    assert_eq!(
        outcome_of(&chat, "Temporarily turn off the firewall"),
        Some(Outcome::NotFixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.say("cache and firewall didnt help");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Add Intuit as a trusted site")
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let out = chat.say("cache and firewall didnt help");
    for fix in ["Remove browser cache", "Temporarily turn off the firewall"] {
        assert_eq!(outcome_of(&chat, fix), Some(Outcome::NotFixed), "{fix}");
    }
    assert!(
        has(
            &out,
            "**Remove browser cache** and **Temporarily turn off the firewall**"
        ),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), open);
}

/// Left alone in the thirty-fifth session: "cleared cookies and it works" at another fix was
/// offered as that other fix. A solution's `Also called:` names ("cleared cookies" for
/// "Remove browser cache") name it, and the verb tells two fixes sharing a thing apart
/// ("allowed cookies for intuit" is "Add Intuit as a trusted site").
#[test]
fn a_fix_named_by_its_other_names_is_the_one_credited_or_ruled_out() {
    let kb = shipped_kb();
    let bad_gateway = "502 bad gateway in chrome";
    for (said, fix) in [
        ("cleared cookies and it works", "Remove browser cache"),
        ("deleted cookies, works now", "Remove browser cache"),
        (
            "allowed cookies for intuit and it works",
            "Add Intuit as a trusted site",
        ),
        (
            "disabled the antivirus and it works",
            "Temporarily turn off the firewall",
        ),
        // A name in any order ("cookies cleared"), with small words inside.
        ("cookies cleared and it works", "Remove browser cache"),
        (
            "cleared the browsing data and it works",
            "Remove browser cache",
        ),
        // A short word of the title tells two titles sharing "cache" apart.
        (
            "cleared the app cache and it works",
            "Clear the QuickBooks app cache",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        let out = chat.say(said);
        assert!(
            has(&out, "Shall I note") && has(&out, fix),
            "{said}: {}",
            all_text(&out)
        );
    }
    // A name the article gives the fix on screen names it before a button label in another
    // fix's steps ("Clear browsing data" in a step of "Allow cookies for Intuit ...").
    let mut chat = Chat::new(&kb);
    chat.say("login loop in chrome, keeps signing me out");
    let out = chat.say("cleared browsing data and it works");
    assert!(
        has(&out, "Shall I note") && has(&out, "Clear Intuit cookies and sign in again"),
        "{}",
        all_text(&out)
    );
    // A name beside "wasn't able to" is not done.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in firefox");
    chat.say("i wasn't able to delete my browsing data");
    assert_ne!(
        outcome_of(&chat, "Clear the cache and cookies"),
        Some(Outcome::NotFixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.say("deleted browsing data, no change");
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome. i already cleared cookies and disabled the antivirus, still 502");
    for fix in ["Remove browser cache", "Temporarily turn off the firewall"] {
        assert_eq!(outcome_of(&chat, fix), Some(Outcome::NotFixed), "{fix}");
    }
}

/// From the thirty-sixth session's both-wrong list: "cookies fixed it" offered the fix on
/// screen, and "antivirus didnt help" failed the fix on screen and showed the firewall fix
/// next. A thing a fix's other names do something to ("cleared cookies", "turned off the
/// antivirus"), said as what fixed it or not, names that fix.
#[test]
fn a_thing_said_to_have_fixed_it_or_not_names_the_fix_done_to_it() {
    let kb = shipped_kb();
    let bad_gateway = "502 bad gateway in chrome";
    for (said, fix) in [
        ("cookies fixed it", "Remove browser cache"),
        ("the cookies one fixed it", "Remove browser cache"),
        ("antivirus fixed it", "Temporarily turn off the firewall"),
        ("the cache did the trick", "Remove browser cache"),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        let out = chat.say(said);
        assert!(
            has(&out, "Shall I note") && has(&out, fix),
            "{said}: {}",
            all_text(&out)
        );
    }
    for (said, fix) in [
        ("cookies didnt help", "Remove browser cache"),
        (
            "ok the antivirus thing didnt help",
            "Temporarily turn off the firewall",
        ),
        ("browsing data didnt help", "Remove browser cache"),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(bad_gateway);
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, fix), Some(Outcome::NotFixed), "{said}");
        // The fix on screen is still the question, not failed.
        assert_eq!(
            outcome_of(&chat, "Manually update bank transactions"),
            None,
            "{said}"
        );
        assert!(
            has(&out, "Did **Manually update bank transactions** fix it?"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // Said of the fix on screen, or of nothing named: as before.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.say("that fixed it");
    assert_eq!(
        outcome_of(&chat, "Manually update bank transactions"),
        Some(Outcome::Fixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.say("nothing fixed it");
    assert_eq!(outcome_of(&chat, "Remove browser cache"), None);
}

/// From the thirty-sixth session's both-wrong list: "cleared cookies didnt help but turning off
/// antivirus worked" was offered a switch to the cookies article. One fix that did not help,
/// then another that did: the first is ruled out, the second asked about as what fixed it.
#[test]
fn a_fix_that_failed_and_another_that_worked_in_one_reply() {
    let kb = shipped_kb();
    for (said, failed, worked) in [
        (
            "cleared cookies didnt help but turning off antivirus worked",
            "Remove browser cache",
            "Temporarily turn off the firewall",
        ),
        (
            "cookies didnt help but the antivirus fixed it",
            "Remove browser cache",
            "Temporarily turn off the firewall",
        ),
        (
            "turned off antivirus, didnt help. then cleared cookies and it worked",
            "Temporarily turn off the firewall",
            "Remove browser cache",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("502 bad gateway in chrome");
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, failed), Some(Outcome::NotFixed), "{said}");
        assert!(
            has(&out, "Shall I note") && has(&out, worked) && !has(&out, "different problem"),
            "{said}: {}",
            all_text(&out)
        );
        chat.say("yes");
        assert_eq!(outcome_of(&chat, worked), Some(Outcome::Fixed), "{said}");
    }
    // A question is no result.
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("cleared cookies didnt help, would turning off antivirus work?");
    assert_eq!(outcome_of(&chat, "Temporarily turn off the firewall"), None);
}

/// From the thirty-sixth session's both-wrong list: "where is clear browsing data" at the
/// login loop showed how to allow cookies (whose Edge steps click "Clear browsing data"), not
/// the fix on screen, which the article also calls "cleared browsing data".
#[test]
fn a_how_to_question_in_a_fix_s_other_names_gets_that_fix_s_steps() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps signing me out, login loop in chrome");
    let out = chat.say("where is clear browsing data");
    assert!(
        has(&out, "How to: Clear Intuit cookies and sign in again"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        outcome_of(&chat, "Clear Intuit cookies and sign in again"),
        None
    );
}

/// From the thirty-sixth session's left-alone list: "restarted quickbooks, still 502" failed
/// the fix on screen, which the user had not said they tried. A restart the fix does not ask
/// for is noted (for staff) and the fix on screen stays the question; at a fix that restarts
/// the browser, it is that fix's result.
#[test]
fn a_restart_the_fix_does_not_ask_for_leaves_the_fix_open() {
    let kb = shipped_kb();
    for said in [
        "restarted quickbooks, still 502",
        "rebooted my pc, still 502",
        "i restarted the router and still get the error",
        "restarted chrome, no luck",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online says 502 bad gateway in chrome");
        let out = chat.say(said);
        assert!(
            has(&out, "the restart didn't help")
                && has(&out, "Did **Manually update bank transactions** fix it?"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            outcome_of(&chat, "Manually update bank transactions"),
            None,
            "{said}"
        );
    }
    // The fix on screen said to be done too: its result.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    chat.say("did that and rebooted too, still 502");
    assert_eq!(
        outcome_of(&chat, "Manually update bank transactions"),
        Some(Outcome::NotFixed)
    );
    // A fix that restarts the browser: the restart is that fix.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online is really slow in chrome");
    chat.say("restarted chrome, still slow");
    assert_eq!(
        outcome_of(&chat, "Close extra tabs and restart the browser"),
        Some(Outcome::NotFixed)
    );
}

/// A review of the above (thirty-seventh session): things listed, a thing a later fix also
/// names, a thing said after what did nothing, a restart the fix on screen asks for, and a
/// fix done before a restart.
#[test]
fn things_said_to_have_fixed_it_from_a_review() {
    let kb = shipped_kb();
    let bad_gateway = "quickbooks online says 502 bad gateway in chrome";
    // What did nothing names no fix here; what fixed it does.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in firefox");
    let out = chat.say("antivirus did nothing but cookies fixed it");
    assert!(
        has(&out, "Shall I note **Clear the cache and cookies**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(outcome_of(&chat, "Clear the cache and cookies"), None);
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let out = chat.say("antivirus did nothing but cookies fixed it");
    assert_eq!(
        outcome_of(&chat, "Temporarily turn off the firewall"),
        Some(Outcome::NotFixed)
    );
    assert!(
        has(&out, "Shall I note **Remove browser cache**"),
        "{}",
        all_text(&out)
    );
    // Two things at the fix that is one of them: that one.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.not_fixed();
    assert_eq!(open_title(&chat).as_deref(), Some("Remove browser cache"));
    let out = chat.say("cookies and antivirus fixed it");
    assert!(
        has(&out, "Shall I note **Remove browser cache**"),
        "{}",
        all_text(&out)
    );
    // A thing no one fix has every word of names none ("Ask IT to allow Intuit through the
    // proxy" has "intuit", not "cookies").
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load behind vpn at work, firewall blocking");
    chat.not_fixed();
    // ("It works there" at "Turn off security software for a moment".)
    chat.fixed();
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Allow QuickBooks in the firewall and antivirus")
    );
    let out = chat.say("intuit cookies fixed it");
    assert!(!has(&out, "proxy"), "{}", all_text(&out));
    // The fix on screen done, then a restart: its result.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.not_fixed();
    chat.say("cleared the cache then rebooted, still 502");
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    // A restart the fix on screen asks for ("Restart Chrome and sign in ...", "Close
    // Chrome, open it again"): its result.
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.not_fixed();
    chat.say("restarted chrome, still 502");
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks keeps signing me out, login loop in chrome");
    chat.say("restarted chrome, still loops");
    assert_eq!(
        outcome_of(&chat, "Clear Intuit cookies and sign in again"),
        Some(Outcome::NotFixed)
    );
}

/// "should i clear cookies?" mid-walk was "I can't help with that here". Whether to try a fix
/// is answered by where it stands: the fix on screen, one ruled out, or another (its steps on
/// the side). "what if i already cleared cookies?" tells the deed: that fix is ruled out, not
/// the one on screen.
#[test]
fn whether_to_try_a_fix_is_answered_by_where_it_stands() {
    let kb = shipped_kb();
    let bad_gateway = "quickbooks online says 502 bad gateway in chrome";
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    let out = chat.say("should i try clearing cookies?");
    assert!(
        has(&out, "How to: Remove browser cache") && !has(&out, "can't help with that"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Manually update bank transactions")
    );
    assert_eq!(outcome_of(&chat, "Remove browser cache"), None);
    let out = chat.say("should i do the manual update?");
    assert!(has(&out, "that is the fix on screen"), "{}", all_text(&out));
    chat.say("cookies didnt help");
    let out = chat.say("should i clear cookies?");
    assert!(
        has(&out, "You told me **Remove browser cache** didn't fix it"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.say("what if i already cleared cookies?");
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(outcome_of(&chat, "Manually update bank transactions"), None);
}

/// A second review's both-wrong list (thirty-seventh session): "how do i clear browsing data"
/// at an article with no such fix was "I can't help with that here". Another article's fix
/// that has every word of the question gives its steps on the side; the fix on screen stays
/// the question. A question only partly named ("how do i export invoices?") gets none.
#[test]
fn a_how_to_question_this_article_has_no_fix_for_gets_another_article_s_steps() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load behind vpn at work, firewall blocking");
    let open = open_title(&chat);
    let out = chat.say("how do i clear browsing data");
    assert!(
        has(&out, "**Corrupt Browser Cache or Cookies** does")
            && has(&out, "How to: Clear the cache and cookies"),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), open);
    let mut chat = Chat::new(&kb);
    chat.say("payroll wont submit, paychecks stuck");
    let out = chat.say("how do i export invoices?");
    assert!(!has(&out, "How to:"), "{}", all_text(&out));
}

/// A second review (thirty-seventh session) of "should i ...?": only a fix every word of the
/// question names is answered so, and only where nothing else answers (a browser switch, the
/// FAQ); a word of some fix's steps, a browser's name or a thing the article lacks is no fix.
/// And what worked after "that did nothing but" is no deed that failed, at a test either; a
/// thing said at a test whose text speaks of it names the fix, not the test.
#[test]
fn whether_to_try_only_a_fix_the_question_names_and_results_at_a_test() {
    let kb = shipped_kb();
    for (opener, steps, said) in [
        ("company file wont open error h202", 3, "what about my cat?"),
        (
            "my bank feed is not updating since yesterday",
            2,
            "should i wait?",
        ),
        ("company file wont open error h202", 0, "how about cookies?"),
        (
            "quickbooks online says 502 bad gateway in chrome",
            0,
            "should i call my bank?",
        ),
        (
            "quickbooks online says 502 bad gateway in chrome",
            0,
            "should i update chrome?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(opener);
        for _ in 0..steps {
            chat.not_fixed();
        }
        let out = chat.say(said);
        assert!(
            !has(&out, "that is the fix on screen")
                && !has(&out, "You told me")
                && !has(&out, "How to:"),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in firefox");
    chat.not_fixed();
    let out = chat.say("should i use edge?");
    assert!(
        has(&out, "Switched to Microsoft Edge"),
        "{}",
        all_text(&out)
    );
    // At a test: what did nothing names no fix, and a thing the test speaks of names its fix.
    let mut chat = Chat::new(&kb);
    chat.say("company file wont open error h202");
    chat.say("that did nothing but file doctor fixed it");
    assert_eq!(
        outcome_of(&chat, "Run QuickBooks File Doctor from the Tool Hub"),
        None
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in firefox");
    chat.not_fixed();
    let test = open_title(&chat);
    assert_eq!(test.as_deref(), Some("Try a private window"));
    chat.say("cookies didnt help");
    assert_eq!(
        outcome_of(&chat, "Clear the cache and cookies"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(open_title(&chat), test, "the test stays the question");
}

/// A second review's both-wrong list: "what if ive already turned off the antivirus?" was "I
/// can't help with that here". It tells the deed, as "i already turned off the antivirus"
/// does: that fix is ruled out, and the fix on screen stays the question.
#[test]
fn what_if_i_already_did_another_fix_rules_it_out() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    chat.say("what if ive already turned off the antivirus?");
    assert_eq!(
        outcome_of(&chat, "Temporarily turn off the firewall"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(outcome_of(&chat, "Manually update bank transactions"), None);
}

/// A third review's both-wrong list (thirty-seventh session): "what about the proxy?" at the
/// proxy fix (the article's title has "Proxy"), "what if i already turned off the firewall?"
/// at the firewall fix, and "cookies didnt help but it works now" (the cookie fix ruled out,
/// the fix on screen asked about, not recorded unasked).
#[test]
fn whether_and_already_at_the_fix_on_screen_and_it_works_after_a_failed_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load behind vpn at work, firewall blocking");
    for _ in 0..4 {
        if open_title(&chat).as_deref() == Some("Ask IT to allow Intuit through the proxy") {
            break;
        }
        chat.not_fixed();
    }
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Ask IT to allow Intuit through the proxy")
    );
    let out = chat.say("what about the proxy?");
    assert!(has(&out, "that is the fix on screen"), "{}", all_text(&out));
    let bad_gateway = "quickbooks online says 502 bad gateway in chrome";
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    chat.say("what if i already turned off the firewall?");
    assert_eq!(
        outcome_of(&chat, "Temporarily turn off the firewall"),
        Some(Outcome::NotFixed)
    );
    let mut chat = Chat::new(&kb);
    chat.say(bad_gateway);
    chat.not_fixed();
    let out = chat.say("cookies didnt help but it works now");
    assert_eq!(
        outcome_of(&chat, "Remove browser cache"),
        Some(Outcome::NotFixed)
    );
    assert!(
        has(&out, "Shall I note **Temporarily turn off the firewall**"),
        "{}",
        all_text(&out)
    );
    assert_eq!(outcome_of(&chat, "Temporarily turn off the firewall"), None);
}

/// "what can you do?" as a first message was "I don't know this one"; mid-walk it is answered
/// on the side and the fix on screen stays the question.
#[test]
fn what_the_bot_does_asked_gets_how_it_helps() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("what can you do?");
    assert!(
        has(&out, "How I can help") && !has(&out, "I don't know this one"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let open = open_title(&chat);
    let out = chat.say("how does this work?");
    assert!(has(&out, "How I can help"), "{}", all_text(&out));
    assert_eq!(open_title(&chat), open);
    assert_eq!(outcome_of(&chat, "Manually update bank transactions"), None);
}

/// Explorer rv45 F21: at "Which browser?", "my phone", "i dont know, windows 11" and "the one
/// that came with my computer" were noted as news for staff (and the question asked again),
/// and "the quickbooks app" was "didn't catch that".
#[test]
fn which_browser_answered_by_device_system_or_app() {
    let kb = shipped_kb();
    let at_which_browser = || {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online page is blank");
        chat.not_fixed();
        assert!(
            matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
            "{:?}",
            chat.session.stage
        );
        chat
    };
    let mut chat = at_which_browser();
    let out = chat.say("my phone");
    assert!(
        has(&out, "Which browser do you use on it?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.device, Some(supportbot::device::Device::Phone));
    assert!(!has(&out, "noted that for the support team"));

    let mut chat = at_which_browser();
    let out = chat.say("i dont know, windows 11");
    assert_eq!(chat.session.browser, Some(Browser::Edge));
    assert!(
        has(&out, "I'll go with Microsoft Edge"),
        "{}",
        all_text(&out)
    );

    let mut chat = at_which_browser();
    let out = chat.say("the one that came with my computer");
    assert!(
        has(&out, "Microsoft Edge on Windows and Safari on a Mac"),
        "{}",
        all_text(&out)
    );
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));

    let mut chat = at_which_browser();
    let out = chat.say("the quickbooks app");
    assert!(
        has(&out, "You mentioned the mobile app"),
        "{}",
        all_text(&out)
    );
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
}

/// Explorer rv45 F12: "the wells fargo website works fine" at the reconnect fix was offered as
/// the fix working, and "disconnected and reconnected, now i have duplicates" recorded the fix
/// as failed and showed the first fix again; the FAQ entry about duplicates was never said.
#[test]
fn what_a_fix_left_behind_gets_its_faq_and_the_bank_s_site_is_no_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("their wells fargo feed says error 103 and nothing since the 3rd, on my iphone");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    while open_title(&chat).as_deref() != Some("Disconnect and reconnect the account") {
        assert!(
            chat.session.current_step().is_some(),
            "the reconnect fix is shown"
        );
        chat.not_fixed();
    }
    let out = chat.say("the wells fargo website works fine");
    assert!(
        !has(&out, "It sounds like that worked"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("disconnected and reconnected, now i have duplicates 😩");
    assert!(
        has(&out, "Will reconnecting the account create duplicates?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Disconnect and reconnect the account")
    );
    assert_eq!(
        outcome_of(&chat, "Disconnect and reconnect the account"),
        None
    );
    assert!(
        chat.session
            .descriptions
            .iter()
            .any(|d| d.contains("now i have duplicates")),
        "kept for staff: {:?}",
        chat.session.descriptions
    );
}

/// Explorer rv45 F14: at "Out of fixes" with "Look at: Bank Feed ..." offered, "ok the bank
/// thing then" was "Noted." and "look at the bank one" asked "Keep going with" the article that
/// had no fix left; and any other problem described there asked the same.
#[test]
fn out_of_fixes_another_problem_is_taken_up_without_keep_going() {
    let kb = shipped_kb();
    let two = "Hi there. Two things: QuickBooks keeps logging me out every few minutes, and \
               also my Chase bank feed hasn't updated since Tuesday. I'm on a Mac using Safari.";
    for pick in ["ok the bank thing then", "look at the bank one"] {
        let mut chat = Chat::new(&kb);
        chat.say(two);
        assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
        while chat.session.current_step().is_some() {
            chat.not_fixed();
        }
        assert!(matches!(chat.session.stage, Stage::OutOfSolutions { .. }));
        let out = chat.say(pick);
        assert!(!has(&out, "Keep going with"), "{pick}: {}", all_text(&out));
        assert_eq!(
            chat.session.article(),
            Some("bank-feed-not-updating"),
            "{pick}: {}",
            all_text(&out)
        );
        assert!(chat.session.current_step().is_some(), "{pick}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online page is blank in chrome");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    while chat.session.current_step().is_some() {
        chat.not_fixed();
    }
    let out = chat.say("my payroll wont update, it says PS038");
    assert!(!has(&out, "Keep going with"), "{}", all_text(&out));
    assert!(has(&out, "I have no more fixes for"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    // Matched from the words, not picked by the user from a list.
    let matched = out
        .replies
        .iter()
        .flat_map(|r| &r.fields)
        .find(|f| f.name == "Match")
        .map(|f| f.value.clone());
    assert!(
        matched.as_deref().is_some_and(|m| m.ends_with("confident")),
        "{matched:?}"
    );
}

/// Explorer rv45 F16: questions back at "Is it one of these?" were added to the description,
/// and four of them pushed the right article off the list.
#[test]
fn questions_about_the_list_keep_the_list() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load");
    let Stage::ChoosingArticle { candidates } = chat.session.stage.clone() else {
        panic!("a list expected: {:?}", chat.session.stage);
    };
    let words_before = chat.session.descriptions.clone();
    for asks in [
        "why would cookies matter?",
        "which browser do you think?",
        "does it matter?",
        "how would i know if its fixed?",
    ] {
        let out = chat.say(asks);
        assert!(
            has(&out, "Pick the closest one"),
            "{asks}: {}",
            all_text(&out)
        );
        assert_eq!(
            chat.session.stage,
            Stage::ChoosingArticle {
                candidates: candidates.clone()
            },
            "{asks}"
        );
    }
    assert_eq!(chat.session.descriptions, words_before);
}

/// Explorer rv45 F19: "tell me a joke" was "This sounds like HTTP Error 500", "love this bot"
/// was "I don't know this one", and mid-walk "you're doing great btw" was offered as the fix
/// working and the weather got "a person can help with that".
#[test]
fn chat_and_praise_are_answered_in_kind_and_the_fix_stays_the_question() {
    let kb = shipped_kb();
    for (said, answer) in [
        (
            "tell me a joke",
            "I only help with problems using QuickBooks Online",
        ),
        ("hey how are you?", "thanks for asking"),
        ("love this bot", "Thank you, that's kind!"),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(has(&out, answer), "{said}: {}", all_text(&out));
        assert!(
            !has(&out, "Is this it?") && !has(&out, "I don't know this one"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.stage, Stage::Idle, "{said}");
        assert!(chat.session.descriptions.is_empty(), "{said}");
    }
    for (said, answer) in [
        ("you're doing great btw", "Thank you, that's kind!"),
        (
            "what's the weather like",
            "I only help with problems using QuickBooks Online",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online says 502 bad gateway in chrome");
        let open = open_title(&chat).expect("a fix on screen");
        let out = chat.say(said);
        assert!(has(&out, answer), "{said}: {}", all_text(&out));
        assert!(
            !has(&out, "It sounds like that worked") && !has(&out, "a person can"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(open_title(&chat), Some(open.clone()), "{said}");
        assert_eq!(outcome_of(&chat, &open), None, "{said}");
    }
}

/// A fourth review (thirty-seventh session): after a fix named as failed, only a bare "it
/// works now" is taken as it working; a "but ..." that names something that is no fix here
/// ("incognito worked", "restarting fixed it") credits nothing on screen.
#[test]
fn after_a_failed_fix_only_a_bare_it_works_is_asked_about_the_fix_on_screen() {
    let kb = shipped_kb();
    for (opener, said) in [
        (
            "quickbooks online shows a blank white page in firefox",
            "extensions didnt help but incognito worked",
        ),
        (
            "quickbooks online says 502 bad gateway in chrome",
            "cleared cookies didnt help but restarting fixed it",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(opener);
        let open = open_title(&chat).expect("a fix on screen");
        let out = chat.say(said);
        assert!(
            !has(&out, &format!("Shall I note **{open}**")),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// "should i try a hotspot?" at "Try without the VPN and on another network" (a test, which
/// names hotspots) was "I can't help with that here": the test on screen is said to be it.
#[test]
fn whether_to_try_the_test_on_screen() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont load behind vpn at work, firewall blocking");
    let test = open_title(&chat);
    assert_eq!(
        test.as_deref(),
        Some("Try without the VPN and on another network")
    );
    let out = chat.say("should i try a hotspot?");
    assert!(
        has(&out, "Yes: that is the test on screen"),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), test);
}

/// "it works but returns a 502" was read as a fix to confirm: the error named after the "but"
/// is the trouble, so the fix on screen failed and the next one is shown.
#[test]
fn it_works_but_an_error_named_after_it_is_no_fix() {
    let kb = shipped_kb();
    for said in [
        "it works but returns a 502",
        "works now but gives 502 sometimes",
        "it works but says bad gateway",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online says 502 bad gateway in chrome");
        let open = open_title(&chat).expect("a fix on screen");
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        let next = open_title(&chat).expect("the next fix on screen");
        assert_ne!(next, open, "{said}: {}", all_text(&out));
    }
}

/// "what about the vpn?" and "should i try incognito?" where the walked article has no such fix
/// were "I can't help with that here" (and "should i turn off the vpn?" was taken for the
/// firewall fix, the short word "vpn" unread): the one fix of another article every word
/// names, short words too, has its steps shown on the side; the question on screen stays.
#[test]
fn whether_to_try_a_fix_only_another_article_has() {
    let kb = shipped_kb();
    for (said, other_fix) in [
        (
            "what about the vpn?",
            "Try without the VPN and on another network",
        ),
        (
            "should i turn off the vpn?",
            "Try without the VPN and on another network",
        ),
        ("should i try incognito?", "Try a private window"),
        ("what about my ad blocker?", "Turn off browser extensions"),
        (
            "should i disable the vpn?",
            "Try without the VPN and on another network",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online says 502 bad gateway in chrome");
        let open = open_title(&chat);
        let out = chat.say(said);
        assert!(
            has(&out, "This problem's fixes don't cover that")
                && has(&out, &format!("How to: {other_fix}")),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(open_title(&chat), open, "{said}");
    }
    // Not when nothing names every word, nor when the walked article has it (its own private
    // window test, not on screen yet).
    for (opener, said) in [
        (
            "quickbooks online says 502 bad gateway in chrome",
            "should i ask my accountant?",
        ),
        (
            "quickbooks online says 502 bad gateway in chrome",
            "what about my cat?",
        ),
        // (A reviewer's: no name of the fix said whole, or another product's step.)
        (
            "quickbooks online says 502 bad gateway in chrome",
            "should i ask?",
        ),
        (
            "quickbooks online says 502 bad gateway in chrome",
            "what about an ad?",
        ),
        (
            "quickbooks online says 502 bad gateway in chrome",
            "what about the server?",
        ),
        ("blank page on chrome", "what about AD?"),
        ("blank page on chrome", "what about an ad?"),
        (
            "quickbooks login keeps looping back to sign in, chrome",
            "should i try incognito?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(opener);
        assert!(open_title(&chat).is_some(), "{opener}");
        let out = chat.say(said);
        assert!(
            !has(&out, "This problem's fixes don't cover that"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// "should i turn off the vpn and firewall?" asks of the firewall fix here too (a review
/// found it "can't help" once short words had to be named).
#[test]
fn whether_to_try_a_fix_here_named_with_a_short_word_besides() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let out = chat.say("should i turn off the vpn and firewall?");
    assert!(
        has(&out, "How to: Temporarily turn off the firewall"),
        "{}",
        all_text(&out)
    );
}

/// "how do i turn off the antivirus" at the slow-performance article showed "Turn off unneeded
/// extensions" (one word of two): another article's step that has every word is shown.
#[test]
fn a_how_to_half_covered_here_and_whole_in_another_article_shows_that_article() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online is really slow and laggy in chrome");
    let open = open_title(&chat);
    assert!(open.is_some());
    let out = chat.say("how do i turn off the antivirus");
    assert!(
        has(
            &out,
            "**Firewall, Antivirus, VPN or Proxy Blocking QuickBooks** does"
        ) && has(&out, "How to: Turn off security software for a moment"),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), open);
    // Short words count, and words in some form: the VPN test, not the firewall fix or the
    // login loop's step that says "Turn off VPN" once; "disable my ad blocker" is the
    // extensions fix named "disabled the ad blocker".
    for (said, step) in [
        (
            "how do i turn off the vpn",
            "How to: Try without the VPN and on another network",
        ),
        (
            "how do i disable my ad blocker",
            "How to: Turn off browser extensions",
        ),
    ] {
        let out = chat.say(said);
        assert!(has(&out, step), "{said}: {}", all_text(&out));
        assert_eq!(open_title(&chat), open, "{said}");
    }
    // A step here that has every word is still the one shown.
    let out = chat.say("how do i turn off extensions");
    assert!(
        has(&out, "How to: Turn off unneeded extensions")
            && !has(&out, "This problem's fixes don't cover that"),
        "{}",
        all_text(&out)
    );
}

/// "cookies didnt help but it works now" at the cookie fix showed the next fix (the "works"
/// unread), and "cleared cookies didnt help but then it worked after a while" offered to switch
/// articles: the fix on screen that did not help, then "it works", is "It works, but something
/// else fixed it"; another fix that did not help, then "it works after a while", rules that one
/// out and asks about the fix on screen.
#[test]
fn a_fix_that_did_not_help_then_it_works() {
    let kb = shipped_kb();
    let at_the_cache_fix = |kb| {
        let mut chat = Chat::new(kb);
        chat.say("quickbooks online says 502 bad gateway in chrome");
        chat.not_fixed();
        chat.not_fixed();
        assert_eq!(open_title(&chat).as_deref(), Some("Remove browser cache"));
        chat
    };
    for said in [
        "cookies didnt help but it works now",
        "clearing cache didnt help but then it worked after a while",
        "that didnt help but it works now",
    ] {
        let mut chat = at_the_cache_fix(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "I haven't noted any of my fixes"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // A plain failure is still one.
    let mut chat = at_the_cache_fix(&kb);
    let out = chat.say("cookies didnt help");
    assert!(!has(&out, "Glad it works"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let open = open_title(&chat).expect("a fix on screen");
    let out = chat.say("cleared cookies didnt help but then it worked after a while");
    assert!(
        has(&out, "Remove browser cache** didn't fix it either")
            && has(&out, &format!("Shall I note **{open}**")),
        "{}",
        all_text(&out)
    );
}

/// "works in private window!" answering "Which browser?" was "Glad it works now!" and the walk
/// ended: working only in a private window is no fix (the usual window still fails), so the
/// walk goes on; at a fix of an article with no such test it is noted, and nothing is asked
/// to be noted as what fixed it.
#[test]
fn working_only_in_a_private_window_is_no_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("internal server error when i click save on a bill");
    chat.not_fixed();
    let out = chat.say("works in private window!");
    assert!(
        !has(&out, "Glad it works") && has(&out, "Clear cache and try a private window"),
        "{}",
        all_text(&out)
    );
    // (At that fix, shown, it may be what the fix did: asked to be noted, a review found.)
    chat.say("edge");
    let out = chat.say("works in private window!");
    assert_says(
        &out,
        "Shall I note **Clear cache and try a private window**",
    );
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let open = open_title(&chat);
    let out = chat.say("it works in incognito");
    assert!(
        !has(&out, "Shall I note") && !has(&out, "Glad it works"),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), open);
}

/// "ok switched to edge and works now" at "Switch from Internet Explorer to a supported
/// browser" asked "did it fix it?" again (the move was read, the "works" not): the move is the
/// step, and its working is asked to be noted; "ok im in edge now" still only asks.
#[test]
fn the_move_the_step_asks_and_it_works() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("it says my browser is not supported");
    chat.say("internet explorer 11");
    let step = "Switch from Internet Explorer to a supported browser";
    assert_eq!(open_title(&chat).as_deref(), Some(step));
    let out = chat.say("ok switched to edge and works now");
    assert_says(&out, &format!("Shall I note **{step}**"));
    assert_eq!(chat.session.browser, Some(Browser::Edge));
    chat.say("yes");
    assert_eq!(outcome_of(&chat, step), Some(Outcome::Fixed));

    let mut chat = Chat::new(&kb);
    chat.say("it says my browser is not supported");
    chat.say("internet explorer 11");
    let out = chat.say("ok im in edge now");
    assert_says(&out, "that is what this step asks");
}

/// "oh wait, the reload actually fixed it" at "Turn off browser extensions" (whose steps say
/// reload) asked to note the extensions fix: a fix shown before whose title has every word of
/// the thing is the one meant, fillers ("actually", "wait") aside.
#[test]
fn a_fix_shown_before_said_to_have_fixed_it_after_all() {
    let kb = shipped_kb();
    for said in [
        "oh wait, the reload actually fixed it",
        "the reload fixed it",
        "wait the reload fixed it",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("blank page");
        chat.say("chrome");
        chat.not_fixed();
        chat.say("it works there");
        assert_eq!(
            open_title(&chat).as_deref(),
            Some("Turn off browser extensions")
        );
        let out = chat.say(said);
        assert_says(&out, "Shall I note **Reload the page fully**");
        chat.say("yes");
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::Fixed),
            "{said}"
        );
    }
}

/// "ok turned off norton and it works" at "Try without the VPN and on another network" was
/// taken as that test working (and the antivirus fixes skipped): a later test named by its
/// other names (antivirus brands among them), the open one not, is that test's result, and
/// the walk goes on from it.
#[test]
fn a_later_test_named_at_a_test_is_its_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my antivirus quarantined a quickbooks file");
    let vpn = "Try without the VPN and on another network";
    assert_eq!(open_title(&chat).as_deref(), Some(vpn));
    let out = chat.say("ok turned off norton and it works");
    assert_eq!(
        outcome_of(&chat, "Turn off security software for a moment"),
        Some(Outcome::WorksThere),
        "{}",
        all_text(&out)
    );
    assert_ne!(outcome_of(&chat, vpn), Some(Outcome::WorksThere));
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Allow QuickBooks in the firewall and antivirus"),
        "{}",
        all_text(&out)
    );
    // The open test's own result is read as before.
    let mut chat = Chat::new(&kb);
    chat.say("my antivirus quarantined a quickbooks file");
    chat.say("works on my hotspot");
    assert_eq!(outcome_of(&chat, vpn), Some(Outcome::WorksThere));
}

/// "already waited an hour and retried" at "Retry after a short wait" was "didn't catch
/// that", and "ok smaller date range worked" then asked to note the retry: the deed told as
/// done already did not help, and the smaller range is the next fix's result.
#[test]
fn a_step_done_already_did_not_help() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("504 gateway timeout when running profit and loss for 5 years");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Retry after a short wait")
    );
    chat.say("already waited an hour and retried");
    assert_eq!(
        outcome_of(&chat, "Retry after a short wait"),
        Some(Outcome::NotFixed)
    );
    let out = chat.say("ok smaller date range worked");
    assert_says(&out, "Shall I note **Make the report or export smaller**");
}

/// FAQ questions mid-walk an explorer found unanswered: "will ..." without a question mark
/// was no question ("didn't catch that"), and a FAQ entry's own words said as news were
/// "noted for the support team".
#[test]
fn faq_asked_without_a_mark_or_told_in_its_words() {
    let kb = shipped_kb();
    for (opener, said, entry) in [
        // (At the first step too: the entry the question names, not the one of the step on
        // screen.)
        (
            &["getting error h202 when switching to multi user mode"][..],
            "will i lose my data if i rename the nd file",
            "Is it safe to rename the .ND and .TLG files?",
        ),
        (
            &[
                "getting error h202 when switching to multi user mode",
                "the file opens fine on the server",
                "still broken",
            ][..],
            "will i lose my data if i rename the nd file",
            "Is it safe to rename the .ND and .TLG files?",
        ),
        (
            &["transactions missing from for review tab even though bank feed works"][..],
            "will reconnecting create duplicates",
            "Will reconnecting the account create duplicates?",
        ),
        (
            &["qbo keeps logging me out, login loop in firefox"][..],
            "the verification code screen keeps repeating",
            "The verification code screen keeps repeating. What should I do?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        for line in opener {
            chat.say(line);
        }
        let open = open_title(&chat);
        assert!(open.is_some(), "{opener:?}");
        let out = chat.say(said);
        assert!(has(&out, entry), "{said}: {}", all_text(&out));
        assert_eq!(open_title(&chat), open, "{said}");
    }
}

/// "Quickbooks 504 gateway timeout. was my transaction saved?" opened the article and the
/// question was lost: the FAQ entry it asks is answered beside the article; a description
/// asking nothing gets none.
#[test]
fn a_question_in_the_first_description_is_answered_from_the_faq() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("Quickbooks 504 gateway timeout. was my transaction saved?");
    assert_eq!(chat.session.article(), Some("gateway-timeout-504"));
    assert_says(&out, "Was my transaction saved if I got a 504?");
    assert!(open_title(&chat).is_some());
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks 504 gateway timeout when saving a transaction");
    assert!(
        !has(&out, "Was my transaction saved if I got a 504?"),
        "{}",
        all_text(&out)
    );
}

/// "already waited and retried" at a fix that asks neither (the 502 bank update) names no
/// step: it is asked about again, not taken as that fix failing; at the retry fix it is.
#[test]
fn a_deed_done_already_of_something_else_is_no_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in chrome");
    let open = open_title(&chat).expect("a fix on screen");
    chat.say("already waited and retried");
    assert_eq!(outcome_of(&chat, &open), None);
    assert_eq!(open_title(&chat).as_deref(), Some(open.as_str()));
    chat.say("already tried that");
    assert_eq!(outcome_of(&chat, &open), Some(Outcome::NotFixed));
}

/// "how do i check the status" at a QuickBooks Online article showed QuickBooks Desktop
/// Payroll's status check (a review): another article's steps of the walked product come first;
/// another product's still answer what only it has ("how do i rename the cps folder").
#[test]
fn a_how_to_of_another_article_prefers_the_walked_product() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online says 502 bad gateway in safari");
    let out = chat.say("how do i check the status");
    assert!(
        has(&out, "How to: Check the connection and the service"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("how do i rename the cps folder");
    assert!(
        has(&out, "How to: Rename the CPS folder"),
        "{}",
        all_text(&out)
    );
}

/// Found by an exploratory helper typing as users (thirty-ninth session).
#[test]
fn replies_an_explorer_found_misread() {
    let kb = shipped_kb();
    // A worry that nothing will work asks how the walk goes on; it is no "it works".
    let mut chat = Chat::new(&kb);
    chat.say("Bad gateway again!!! 3rd time this week, chrome");
    let out = chat.say("what if none of this works");
    assert!(
        has(&out, "If it still doesn't work after these steps"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    // A step the company keeps from the user could not be done: never "didn't fix it".
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway, chrome");
    let out = chat.say("firewall is managed by corp i cant touch it");
    assert!(
        has(&out, "you can't do **Temporarily turn off the firewall**"),
        "{}",
        all_text(&out)
    );
    let firewall = chat
        .session
        .attempts
        .iter()
        .find(|a| a.title == "Temporarily turn off the firewall")
        .and_then(|a| a.outcome);
    assert_eq!(firewall, Some(Outcome::CouldNotTry));
    // The bank's side said to be fine is news, no fix; the sign-in details updated and the
    // feed syncing is that fix, asked about even at "Shall I note" of another.
    let mut chat = Chat::new(&kb);
    chat.say("bank feed stopped updating for chase");
    chat.not_fixed();
    let out = chat.say("all good on chase side");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert!(has(&out, "still sounds like **"), "{}", all_text(&out));
    chat.say("wait no, it works now");
    let out = chat.say("updated the sign in info, now its syncing");
    assert!(
        has(
            &out,
            "Shall I note **Update the bank sign-in details** as what fixed it?"
        ),
        "{}",
        all_text(&out)
    );
    // At "Is it one of these?", working in a private window is more about the problem (the
    // usual window still fails), never "Good to hear!".
    let mut chat = Chat::new(&kb);
    chat.say(
        "My QBO blank after login. I using Chrome. I am accountant from Poland, sorry my english",
    );
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    let out = chat.say("in incognito is working good");
    assert!(!has(&out, "Good to hear"), "{}", all_text(&out));
    // (The one article offered whose test that is opens, the test's result taken: rv46 F10.)
    assert!(
        matches!(chat.session.stage, Stage::ChoosingArticle { .. })
            || (chat.session.article() == Some("page-not-loading")
                && outcome_of(&chat, "Try a private window") == Some(Outcome::WorksThere)),
        "{:?}: {}",
        chat.session.stage,
        all_text(&out)
    );
    // What another fix would bring about, said to be so already, rules that fix out; the
    // fix on screen stays the question.
    let mut chat = Chat::new(&kb);
    chat.say("payroll tax table update wont download, qb desktop 2023");
    for (said, fix) in [
        (
            "i have the latest release",
            "Update QuickBooks Desktop, then payroll tax tables",
        ),
        (
            "subscription is active i checked",
            "Verify the payroll subscription",
        ),
    ] {
        let out = chat.say(said);
        assert!(
            has(&out, &format!("then **{fix}** would change nothing")),
            "{said}: {}",
            all_text(&out)
        );
    }
    // (Never tried: not for them, no failure on the ticket or in `stats`; an explorer's.)
    for fix in [
        "Update QuickBooks Desktop, then payroll tax tables",
        "Verify the payroll subscription",
    ] {
        let ruled_out = chat.session.attempts.iter().find(|a| a.title == fix);
        assert_eq!(
            ruled_out.and_then(|a| a.outcome),
            Some(Outcome::NotForThem),
            "{fix}: {:?}",
            chat.session.attempts
        );
    }
    assert_solution(&chat.not_fixed(), 4, 5, "Rename the CPS folder");
    // A message quoted from the screen is one error, whatever its sentences: no second
    // problem is held, and "tried later, same" is still broken.
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "I cannot open QuickBooks. Message: 'We're sorry, something went wrong. Please try again later.'",
    );
    assert!(!has(&out, "Also mentioned"), "{}", all_text(&out));
    let out = chat.say("tried later, same");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    assert_eq!(chat.session.attempts[0].outcome, Some(Outcome::NotFixed));
    // A question the walked article's FAQ answers by its words is answered there, though
    // another article ranks first; one asked in another article's FAQ words gets that answer;
    // "i dont want to lose ..." is a worry, not "still broken", nor a skip of the fix on screen.
    let mut chat = Chat::new(&kb);
    chat.say("gateway timeout");
    chat.say("its happening on the bank reconciliation report");
    let out = chat.say("is my data saved? i was in the middle of reconciling");
    assert!(
        has(&out, "Was my transaction saved if I got a 504?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("gateway-timeout-504"));
    let mut chat = Chat::new(&kb);
    chat.say("502 error");
    chat.say("chrome");
    let out = chat.say("do i have to clear all my history? i dont want to lose my saved passwords");
    assert!(
        has(&out, "Do I have to clear all history?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.pending_attempt().map(|a| a.title.as_str()),
        Some("Manually update bank transactions")
    );
    // Whether clearing cookies loses saved passwords, asked at the login loop's cookie fix in
    // any of three wordings: the cookies article's entry on it (the first was the entry on
    // company data, the second offered the cookies article as another problem). The same
    // question about company data keeps its own entry.
    for asked in [
        "will clearing cookies delete my saved passwords?",
        "will i lose my passwords if i clear cookies",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("qbo keeps logging me out in chrome");
        chat.say("yes");
        let out = chat.say(asked);
        assert!(
            has(&out, "Are my saved passwords deleted too?") && !has(&out, "different problem"),
            "{asked}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    }
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out in chrome");
    chat.say("yes");
    let out = chat.say("will clearing cookies delete my data?");
    assert!(
        has(&out, "Will clearing the cache delete my QuickBooks data?"),
        "{}",
        all_text(&out)
    );
    // A question after a filler ("ok what do i tell IT") is one, and its FAQ entry answers.
    let mut chat = Chat::new(&kb);
    chat.say("error 12007 connecting to quickbooks");
    chat.say("were on a vpn at work");
    chat.say("i cant turn off the vpn, IT controls it");
    let out = chat.say("ok what do i tell IT");
    assert!(
        has(&out, "What should I tell my IT team?"),
        "{}",
        all_text(&out)
    );
    // At the private-window test, "incognito too" and "In InPrivate it is also grey." are
    // "fails there too" (they were "didn't catch that" and "noted").
    for said in ["incognito too", "In InPrivate it is also grey."] {
        let mut chat = Chat::new(&kb);
        chat.say("page keeps spinning when i click save on a bill, chrome");
        assert_test_step(&chat.not_fixed(), 2, 5, "Try a private window");
        chat.say(said);
        let outcome = chat
            .session
            .attempts
            .iter()
            .find(|a| a.title == "Try a private window")
            .and_then(|a| a.outcome);
        assert_eq!(outcome, Some(Outcome::FailsThere), "{said}");
    }
    // At "Which browser?" for a test, its result said with the browser answers both.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online not loading on my android phone, just white");
    chat.not_fixed();
    let out = chat.say("ok so it works in chrome incognito on the phone");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    let outcome = chat
        .session
        .attempts
        .iter()
        .find(|a| a.title == "Try a private window")
        .and_then(|a| a.outcome);
    assert_eq!(outcome, Some(Outcome::WorksThere), "{}", all_text(&out));
    // The fix on screen told done before "already" did not help (it was "didn't catch that").
    let mut chat = Chat::new(&kb);
    chat.say("getting 'Your session has expired' every 5 min on edge, super annoying");
    let out = chat.say("cleared intuit cookies already before i came here");
    assert_eq!(
        chat.session.attempts[0].outcome,
        Some(Outcome::NotFixed),
        "{}",
        all_text(&out)
    );
    // A part that only says another problem follows names none ("nevermind its a different
    // issue" held the outage article as "also mentioned").
    let mut chat = Chat::new(&kb);
    chat.say("login loop on firefox");
    let out = chat.say("nevermind its a different issue, the bank feed wont connect");
    assert!(!has(&out, "Service Outage"), "{}", all_text(&out));
    // "ok what about the payroll thing" at "Shall we look at it now?" looks at it.
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed isnt updating and also payroll wont update");
    chat.fixed();
    chat.say("ok what about the payroll thing");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    // "is my file corrupted??" asks the FAQ entry of the code given; "which extension tho?"
    // gets the page-not-loading FAQ's answer.
    let mut chat = Chat::new(&kb);
    chat.say("company file wont open error -6000, -83");
    let out = chat.say("is my file corrupted??");
    assert!(
        has(
            &out,
            "Does a 6000-series error mean my company file is damaged?"
        ),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say("blank white page in quickbooks, firefox");
    chat.not_fixed();
    chat.say("works in private window");
    let out = chat.say("which extension tho? i have like 10");
    assert!(
        has(&out, "Which extension should I turn off first?"),
        "{}",
        all_text(&out)
    );
    // The other QuickBooks told: the article's FAQ entry about that product says what to do
    // there.
    let mut chat = Chat::new(&kb);
    chat.say("payroll update keeps failing PS038");
    let out = chat.say("im on qbo actually not desktop");
    assert!(
        has(&out, "Does QuickBooks Online Payroll have PS errors?")
            && has(&out, "its steps won't fit QuickBooks Online"),
        "{}",
        all_text(&out)
    );
    // At "Which browser?", a fix still to come said not to apply is never shown.
    let mut chat = Chat::new(&kb);
    chat.say("Bad gateway again!!! 3rd time this week");
    let out = chat.say("I dont use bank feeds");
    assert!(
        has(
            &out,
            "**Manually update bank transactions** doesn't apply to you"
        ),
        "{}",
        all_text(&out)
    );
    assert!(browser_question(&out).is_some(), "{}", all_text(&out));
    let out = chat.say("chrome");
    assert_solution(&out, 3, 6, "Temporarily turn off the firewall");
    // What the user has, told as a state, points to the fix for it: shown, never "did it fix
    // it?" about a fix not shown.
    let mut chat = Chat::new(&kb);
    chat.say("503 on safari on my mac");
    let out = chat.say("i have zapier and a bunch of apps connected");
    assert_solution(&out, 4, 4, "Pause third-party apps and automations");
    // A thing of another article's fix kept from the user is noted; the fix on screen is not
    // "couldn't try" (a review's).
    let mut chat = Chat::new(&kb);
    chat.say("error 500 when saving an invoice");
    let out = chat.say("firewall is managed by corp i cant touch it");
    assert!(
        chat.session.pending_attempt().is_some(),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "couldn't try"), "{}", all_text(&out));
    // A deed told in other forms of a fix's words ("splitting", "batches") names that fix.
    for said in [
        "ok splitting into batches of 500 worked",
        "split the import into batches and it worked",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("504 when importing 3000 invoices from csv");
        let out = chat.say(said);
        assert!(
            has(
                &out,
                "Shall I note **Split large imports and batch actions** as what fixed it?"
            ),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// From the fortieth session's explorers and left-alone findings.
#[test]
fn remarks_a_fortieth_session_explorer_found() {
    let kb = shipped_kb();
    // The bank's own site said to be down at the bank-website step is this problem's cause
    // (error 102), not QuickBooks' outage; "so i just wait?" is answered by the FAQ.
    for said in ["the bank site is down too lol", "bank is in maintenance"] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed error 102");
        let out = chat.say(said);
        assert!(
            !has(&out, "different problem"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            has(&out, "**Bank website maintenance or outage**"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(chat.session.pending_attempt().is_some(), "{said}");
        let out = chat.say("ok so i just wait?");
        assert!(
            has(&out, "My bank's website is down. Do I just wait?"),
            "{}",
            all_text(&out)
        );
    }
    // A question where or how, with what the user cannot find, is no result of the fix on
    // screen: its steps (or another fix's that names the thing) are shown again.
    for (first, before, asked, shown) in [
        (
            "qbo keeps logging me out in chrome",
            &["1", "2", "2"][..],
            "where is third party cookies? i dont see it in settings",
            "Third-party cookies",
        ),
        (
            "ipad, qbo just spins forever on the dashboard",
            &[][..],
            "how do i do ctrl f5 on an ipad there is no keyboard",
            "tap the reload arrow",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        for b in before {
            chat.say(b);
        }
        let open = chat.session.current_step();
        let out = chat.say(asked);
        assert!(has(&out, shown), "{asked}: {}", all_text(&out));
        assert_eq!(chat.session.current_step(), open, "{asked}");
        assert!(!has(&out, "Out of fixes"), "{asked}: {}", all_text(&out));
    }
    // Impatience is no "still broken": the fix on screen stays open, a person is offered.
    let mut chat = Chat::new(&kb);
    chat.say("QBO 504 on the aged receivables report");
    let out = chat.say("i dont have all day");
    assert!(
        has(&out, "A person from the support team"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say("payroll PS032");
    let out = chat.say("no time for this, escalate");
    assert!(
        matches!(out.effects[..], [Effect::Escalate { .. }]),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::NotFixed));
    // "no wait it doesnt, 503 again" at "Shall I note" is a no, not a pause.
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps showing 503 service unavailable");
    let out = chat.say("ok waited 5 min and it works");
    assert_says(&out, "Shall I note");
    let out = chat.say("no wait it doesnt, 503 again");
    assert!(!has(&out, "Take your time"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    // A fix said to have worked, then taken back in part ("oh hang on ... the rest are still
    // missing"), goes on with the walked article; "hang on" ranks no page that hangs.
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    chat.say("fixed");
    let out = chat.say("oh hang on, it only pulled 2 transactions, the rest are still missing");
    assert_solution(&out, 2, 4, "Check the bank's own website");
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    // A fix told in other words ("addons", "plugins", "wiped the browser data") is that fix,
    // not a failure of the one on screen; one that worked is the one asked about.
    for (first, said, named) in [
        (
            "page wont load, just spinning, chrome",
            "killed all my addons, didnt help",
            "Noted: **Turn off browser extensions** didn't fix it either",
        ),
        (
            "qbo blank white screen in chrome",
            "disabled all plugins, nothing",
            "Noted: **Turn off browser extensions** didn't fix it either",
        ),
        (
            "mac safari: qbo shows an old version of the page, changes dont show until i refresh",
            "cleared all website data in safari, fixed!",
            "Shall I note **Clear the cache and cookies** as what fixed it?",
        ),
        (
            "bank feed error 103",
            "reconnected the bank from scratch, all good now",
            "Shall I note **Disconnect and reconnect the account** as what fixed it?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        let open = chat.session.current_step().map(|s| s.solution);
        let out = chat.say(said);
        assert!(has(&out, named), "{said}: {}", all_text(&out));
        if named.starts_with("Noted") {
            assert_eq!(
                chat.session.current_step().map(|s| s.solution),
                open,
                "{said}"
            );
        }
    }
    // A check asked with a description walks what it describes, at once since explorer rv48
    // F9 (it waited for "ok so what do i do"), which then leaves the step open.
    let mut chat = Chat::new(&kb);
    let out = chat.say("is quickbooks down right now?? nobody in our office can get in");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
    assert!(
        has(&out, "QuickBooks Online Is Down for Everyone"),
        "{}",
        all_text(&out)
    );
    let step = chat.session.current_step();
    assert!(step.is_some(), "{}", all_text(&out));
    let out = chat.say("ok so what do i do");
    assert_eq!(chat.session.current_step(), step, "{}", all_text(&out));
    // "tried chrome and it works fine there" at "Is this it?" is where it works: noted, the
    // same list again, the browser where it fails kept (it started the unsupported-browser
    // article, with Chrome's steps).
    for said in [
        "tried chrome and it works fine there",
        "switched to chrome and it works fine there",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("logged out all the time, safari on my mac");
        assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
        let out = chat.say(said);
        assert!(
            has(&out, "Good to know it works in Chrome"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
        assert_eq!(chat.session.browser, Some(Browser::SafariMac), "{said}");
    }
    // Questions the firewall article's FAQ answers, asked mid-walk in words or first thing.
    let mut chat = Chat::new(&kb);
    chat.say("qbo blocked at the office, works on mobile data");
    let out = chat.say("our IT guy wants to know what to whitelist");
    assert!(
        has(&out, "What should I tell my IT team?"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    chat.say(
        "Safari says your connection is not private when I open quickbooks, at a clients office",
    );
    let out = chat.say("is it safe to click through?");
    assert!(
        has(&out, "What does the certificate warning mean?"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    let out = chat.say("we use sophos firewall, which ports does quickbooks online need open?");
    assert!(
        has(&out, "What should I tell my IT team?"),
        "{}",
        all_text(&out)
    );
    assert!(chat.session.current_step().is_some(), "{}", all_text(&out));
    // An accounting how-to mid-walk is not answered here: no FAQ entry sharing one word, no
    // "that fits this problem".
    for (first, asked) in [
        (
            "bank feed not updating for my amex card",
            "btw how do i reconcile a credit card account in qbo?",
        ),
        (
            "getting 500 internal server error when saving an invoice",
            "also quick q, how do I void a check?",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        let out = chat.say(asked);
        assert!(
            has(&out, "I can't help with that here"),
            "{asked}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "duplicates"), "{asked}: {}", all_text(&out));
    }
    // "cant find the extensions menu" of a fix not shown yet: its steps, not "you can't do it".
    let mut chat = Chat::new(&kb);
    chat.say("blank page in edge");
    chat.not_fixed();
    let out = chat.say("cant find the extensions menu");
    assert!(
        has(&out, "How to: Turn off browser extensions"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::CouldNotTry), "{}", all_text(&out));
    // Things listed after "i did everything already" are done: the private-window test among
    // them failed too, and is not asked.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks wont let me log in, chrome, its been an HOUR");
    let out =
        chat.say("i did everything already. cookies, incognito, other browser, nothing works");
    assert!(has(&out, "so I'll skip that test"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::FailsThere), "{}", all_text(&out));
    // A 500 on one record only ("only that one customer, others save fine") points to the
    // fix that isolates it.
    let mut chat = Chat::new(&kb);
    chat.say("internal server error when i save a customer");
    let out = chat.say("only that one customer, others save fine");
    assert_solution(&out, 3, 3, "Isolate the record that fails");
    // "it works in chrome on the same mac": where it works, noted; "same" is the setup's, no
    // "same problem" (the reload was recorded as failed).
    let mut chat = Chat::new(&kb);
    chat.say("accountant here, I have 40 client files in QBOA, Safari on Mac, after I switch client the dashboard stays grey");
    let out = chat.say("it works in chrome on the same mac");
    assert!(
        has(&out, "Good to know it works there"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    // "two problems: bank feed hasn't updated in a week AND payroll update fails with PS107":
    // the bank feed is heard ("Also mentioned"), though the 502 article's bank step ranks
    // close behind it.
    let mut chat = Chat::new(&kb);
    chat.say(
        "two problems: bank feed hasn't updated in a week AND payroll update fails with PS107",
    );
    assert_eq!(
        chat.session.also_named.as_ref().map(|o| o.id.as_str()),
        Some("bank-feed-not-updating")
    );
    // What the status page shows, quoted ("it says all systems operational"), is noted as the
    // page's; it does not "fit" the outage article.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online not working for anyone in our company, all 3 offices");
    let out = chat.say("it says all systems operational");
    assert!(
        has(&out, "what the status page shows"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "that fits"), "{}", all_text(&out));
    // A temporary fix that worked ("turned off the antivirus and it loads fine now") says the
    // steps still to do: turn it back on, allow QuickBooks. A fix with none says none.
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway chrome when opening qbo");
    chat.say("turned off the antivirus and it loads fine now");
    let out = chat.say("yes");
    assert!(
        has(&out, "Before you go, finish that fix"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "back on"), "{}", all_text(&out));
    let mut chat = Chat::new(&kb);
    chat.say("blank page in chrome");
    let out = chat.say("fixed it!");
    assert!(!has(&out, "Before you go"), "{}", all_text(&out));
    // A spinner beside a slow page is the slowness, no second problem (a review's: the
    // page-not-loading examples of spinning wheels made it "Also mentioned").
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks takes forever to open invoices, little wheel spinning, chrome");
    assert_eq!(chat.session.also_named, None);
    // "works in chrome now" from a Chrome user is that it works where they are (asked about as
    // a fix); another browser named is where it works.
    let mut chat = Chat::new(&kb);
    chat.say("qbo blank page, chrome");
    let out = chat.say("works in chrome now");
    assert_says(&out, "Shall I note");
    let mut chat = Chat::new(&kb);
    chat.say("qbo blank page, chrome");
    let out = chat.say("it works in firefox");
    assert!(
        has(&out, "Good to know it works there"),
        "{}",
        all_text(&out)
    );
    // "not anymore thanks" after "Glad that worked!" is politeness, no problem to look up.
    let mut chat = Chat::new(&kb);
    chat.say("qbo blank page, chrome");
    chat.say("fixed it!");
    let out = chat.say("not anymore thanks");
    assert_says(&out, "You're welcome");
    // An accountant signed out when switching client companies: the login loop; "two tabs"
    // offers no switch to the bank feed (its "For Review tab"); separate profiles are asked
    // of the FAQ.
    let mut chat = Chat::new(&kb);
    let out =
        chat.say("safari mac: qbo logs me out whenever i switch between two client companies");
    assert!(has(&out, "Login Loop"), "{}", all_text(&out));
    let out = chat.say("I have them open in two tabs");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    let out = chat.say("should I use separate profiles?");
    assert!(
        has(&out, "separate browser profile for each client"),
        "{}",
        all_text(&out)
    );
    // A test's result put right ("wait no ... incognito is broken too" after "works in
    // incognito"), where failing there leaves the article: the article is left, the fix on
    // screen not recorded as failed.
    let mut chat = Chat::new(&kb);
    chat.say("qbo layout looks all broken, no styles, chrome");
    chat.say("works in incognito");
    let out = chat.say("wait no, i was looking at the wrong tab. incognito is broken too");
    assert!(has(&out, "Something else, then"), "{}", all_text(&out));
    assert!(chat.recorded(Outcome::FailsThere), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::WorksThere), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
    // "we have no vpn" at "Try without the VPN and on another network": the other network is
    // still to try; the test stays the question (it was "couldn't try" and skipped).
    let mut chat = Chat::new(&kb);
    chat.say("ERR_CONNECTION_RESET when opening qbo at the office");
    let open = chat.session.current_step();
    let out = chat.say("we have no vpn");
    assert!(
        has(&out, "the rest of the test still does"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.current_step(), open, "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::CouldNotTry), "{}", all_text(&out));
    // QuickBooks said to be down at the same step is no cause of the bank's (it is checked).
    let mut chat = Chat::new(&kb);
    chat.say("bank feed error 102");
    let out = chat.say("quickbooks online itself is down for everyone in our office");
    assert!(!has(&out, "fits a known cause"), "{}", all_text(&out));
}

#[test]
fn a_user_who_says_it_cannot_wait_is_offered_a_person_once_and_sooner() {
    let kb = shipped_kb();
    // The first description says it: the walk starts, and a line before its question offers a
    // person now (the choice is on the question).
    let mut chat = Chat::new(&kb);
    let out = chat.say("payroll is due today and quickbooks keeps giving me 502 bad gateway");
    assert_says(&out, "You said this can't wait");
    assert!(
        actions(&out).contains(&Action::Escalate),
        "{}",
        all_text(&out)
    );
    assert!(out.effects.is_empty(), "{:?}", out.effects);
    // Said again with a result: the result is acted on, and the line is not repeated.
    chat.say("chrome");
    let out = chat.say("still broken, payroll is due in 2 hours");
    assert!(chat.recorded(Outcome::NotFixed));
    assert!(!has(&out, "can't wait"), "{}", all_text(&out));
    // Said with nothing of the step: a person offered now, nothing recorded, the step open.
    let open = chat.session.current_step();
    for said in ["this is urgent", "i need this fixed asap", "URGENT pls"] {
        let tried = chat.session.attempts.len();
        let out = chat.say(said);
        assert_says(&out, "I understand it can't wait");
        assert_eq!(chat.session.current_step(), open, "{said}");
        assert_eq!(chat.session.attempts.len(), tried, "{said}");
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert!(out.effects.is_empty(), "{said}");
    }
    assert!(!chat.recorded(Outcome::Fixed));

    // Said first mid-walk, with a result: the result, and the line once.
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating");
    let out = chat.say("still broken and payroll is due in 2 hours");
    assert!(chat.recorded(Outcome::NotFixed));
    assert_says(&out, "You said this can't wait");

    // Calm words, or a wish with no deadline, get no such line.
    for first in [
        "bank feed not updating, not urgent",
        "no rush, payroll is due next week: payroll wont update",
        "bank feed not updating right now",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(first);
        assert!(!has(&out, "can't wait"), "{first}: {}", all_text(&out));
    }
    // A hand-over asked for at once needs no such line.
    let mut chat = Chat::new(&kb);
    let out = chat.say("URGENT get me a human now");
    assert!(!has(&out, "can't wait"), "{}", all_text(&out));
}

#[test]
fn i_meant_another_problem_switches_to_it_with_nothing_recorded() {
    let kb = shipped_kb();
    for (first, correction, to) in [
        (
            "payroll wont update, keeps failing",
            "sorry i meant the bank feed not payroll",
            "bank-feed-not-updating",
        ),
        (
            "payroll wont update, keeps failing",
            "oops i meant bank feed",
            "bank-feed-not-updating",
        ),
        (
            "bank feed stuck",
            "its not the bank feed, i meant payroll",
            "payroll-not-updating",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(first);
        assert!(chat.session.current_step().is_some(), "{first}");
        let out = chat.say(correction);
        assert_eq!(
            chat.session.article(),
            Some(to),
            "{correction}: {}",
            all_text(&out)
        );
        assert!(
            !chat.recorded(Outcome::NotFixed) && !chat.recorded(Outcome::Fixed),
            "{correction}: {:?}",
            chat.session.attempts
        );
    }
    // "i meant" of the answer, naming no other problem: the answer.
    let mut chat = Chat::new(&kb);
    chat.say("payroll wont update, keeps failing");
    chat.say("i meant it didnt fix it");
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    assert!(chat.recorded(Outcome::NotFixed));
}

#[test]
fn a_bare_result_at_keep_going_or_switch_asks_again_and_records_nothing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("white screen when i open reports and also my bank feed isnt updating");
    let walked = chat.session.article().map(str::to_string);
    let out = chat.say("still blank");
    assert_says(&out, "different problem");
    for said in ["fails there too", "still broken"] {
        let out = chat.say(said);
        assert_says(&out, "Which one: keep going with");
        assert_eq!(chat.session.article(), walked.as_deref(), "{said}");
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "{said}"
        );
    }
    // Either choice in words still answers it.
    let out = chat.say("keep going");
    assert!(!has(&out, "Which one"), "{}", all_text(&out));
    assert!(chat.session.current_step().is_some());
}

#[test]
fn at_the_list_a_fix_done_ends_it_and_yeah_chrome_is_where() {
    let kb = shipped_kb();
    let rambling = "so this morning i came in, made coffee, opened my laptop and went to do the weekly reconciliation like i always do on mondays and quickbooks online just would not load, it sat there spinning, i tried refreshing like ten times and then my coworker said hers is fine so i dont know whats going on with mine, we are on the same wifi, im on chrome i think";
    for works in [
        "turned off grammarly and it loads now!",
        "cleared cache in chrome and it works!!",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say(rambling);
        assert!(
            matches!(chat.session.stage, Stage::ChoosingArticle { .. }),
            "{:?}",
            chat.session.stage
        );
        let out = chat.say(works);
        assert_says(&out, "Good to hear");
        assert_eq!(chat.session.stage, Stage::Idle, "{works}");
        assert!(chat.session.attempts.is_empty(), "{works}");
    }
    // "yeah chrome": the browser noted, the same list.
    let mut chat = Chat::new(&kb);
    chat.say(rambling);
    chat.session.browser = None;
    let out = chat.say("yeah chrome");
    assert_says(&out, "Noted: Chrome");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    // Where it works is still where it works, not a fix.
    let mut chat = Chat::new(&kb);
    chat.say(rambling);
    let out = chat.say("tried chrome and it works fine there");
    assert!(!has(&out, "Good to hear"), "{}", all_text(&out));
}

#[test]
fn a_first_message_question_gets_its_faq_answer_once() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("does a blank page mean my data is gone?");
    let answers = out
        .replies
        .iter()
        .filter(|r| r.text.contains("Does a blank page mean my data is gone?"))
        .count();
    assert_eq!(answers, 1, "{}", all_text(&out));
}

#[test]
fn two_browsers_listed_in_the_first_message_take_the_first_ones_steps() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("502 error, im on chrome and edge");
    assert!(
        !has(&out, "Which browser do you use?"),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.browser, Some(Browser::Chrome));
    assert!(chat.session.current_step().is_some());
    // Told apart, the one where it fails is not guessed from the list.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank in edge, works in firefox");
    assert_ne!(chat.session.browser, Some(Browser::Firefox));
}

#[test]
fn a_fix_that_came_back_reads_so_for_staff_and_a_corrected_one_does_not() {
    use supportbot::escalation::summary::Summary;
    let kb = shipped_kb();
    let steps_tried = |chat: &Chat| {
        let card = Summary::capture(&chat.session, None, None, "rev", 0).card("T-0001");
        card.fields
            .iter()
            .find(|(n, _)| n == "Steps tried")
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.fixed();
    chat.say("actually no its blank again");
    assert!(chat.session.attempts.iter().any(|a| a.came_back));
    let steps = steps_tried(&chat);
    assert!(
        steps.contains("worked at first, then the problem came back"),
        "{steps}"
    );
    // "no wait, it didnt fix it": the answer corrected, a plain failure.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.fixed();
    chat.say("no wait i meant it didnt fix it");
    assert!(chat.recorded(Outcome::NotFixed));
    assert!(chat.session.attempts.iter().all(|a| !a.came_back));
    assert!(!steps_tried(&chat).contains("came back"));
}

#[test]
fn what_cannot_be_done_of_a_fix_still_to_come_leaves_the_fix_on_screen_open() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps timing out when im on the company vpn");
    let open = chat.session.current_step();
    assert!(open.is_some());
    let out = chat.say("i cant turn off the vpn, IT controls it");
    assert_says(&out, "not yours to change");
    assert_eq!(chat.session.current_step(), open);
    assert!(
        !chat.recorded(Outcome::CouldNotTry),
        "{:?}",
        chat.session.attempts
    );
    assert!(!chat.recorded(Outcome::NotFixed));
    // Said of the fix on screen ("i cant turn it off"), it is that one's.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks page is blank and not loading in chrome");
    chat.not_fixed();
    chat.say("i cant turn it off, IT controls it");
    assert_eq!(chat.session.attempts[1].outcome, Some(Outcome::CouldNotTry));
}

#[test]
fn a_fix_done_told_in_the_articles_own_words_at_a_test_is_that_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("page expired message every time i save in chrome");
    assert_eq!(chat.session.article(), Some("browser-cache-cookies"));
    let out = chat.say("cleared cache and cookies, works now");
    assert_says(
        &out,
        "Shall I note **Clear the cache and cookies** as what fixed it?",
    );
    assert!(
        !chat.recorded(Outcome::WorksThere),
        "{:?}",
        chat.session.attempts
    );
    chat.say("yes");
    assert!(chat.recorded(Outcome::Fixed));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::WorksThere))
    );
}

#[test]
fn the_phone_app_is_never_sent_to_a_desktop_article() {
    let kb = shipped_kb();
    for said in [
        "the quickbooks app on my phone keeps crashing when i open it",
        "qbo ios app wont open the company file",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_ne!(
            chat.session.article(),
            Some("company-file-not-opening"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(has(&out, "app"), "{said}: {}", all_text(&out));
    }
    // Desktop named with it: the Desktop article may still be the one.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks desktop company file wont open, error H202, also tried the mobile app");
    assert_eq!(chat.session.article(), Some("company-file-not-opening"));
    // No article for it: what to do about the app, and a person.
    let kb = inline_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("the quickbooks app on my phone keeps crashing");
    assert_says(&out, "I have none for the app itself");
    assert!(
        actions(&out).contains(&Action::Escalate),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    let out = chat.say("my phone keeps crashing");
    assert!(!has(&out, "app itself"), "{}", all_text(&out));
}

#[test]
fn worked_for_a_sec_or_came_back_is_no_fix() {
    let kb = shipped_kb();
    // At the fix on screen.
    let mut chat = Chat::new(&kb);
    chat.say("qbo has been super slow all week, every page takes like 30 sec to load in chrome");
    let open = chat.session.current_step();
    chat.say("it worked for a sec");
    assert!(
        chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
    assert_ne!(chat.session.current_step(), open);
    // At "Shall I note ... as what fixed it?".
    let mut chat = Chat::new(&kb);
    chat.say("cant log in, keeps looping to sign in page in firefox");
    let out = chat.say("my clock was wrong, fixed that");
    assert_says(&out, "Shall I note");
    let out = chat.say("it came back");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert!(
        chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
    assert!(!chat.recorded(Outcome::Fixed));
}

#[test]
fn a_how_to_of_another_task_sharing_only_a_deed_is_not_answered_with_the_step() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating for my amex card");
    let open = chat.session.current_step();
    let out = chat.say("how do i void a check?");
    assert!(!has(&out, "How to:"), "{}", all_text(&out));
    assert_says(&out, "a person can");
    assert_eq!(chat.session.current_step(), open);
    // A how-to of the step itself still gets its steps.
    let out = chat.say("how do i update the transactions?");
    assert!(has(&out, "How to:"), "{}", all_text(&out));
}

#[test]
fn notify_me_with_no_outage_on_screen_checks_first_and_keeps_the_question() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("nobody in the office can sign in to quickbooks since 9am");
    chat.say("it fails on my phone too");
    let open = chat.session.current_step();
    assert!(open.is_some());
    let tried = chat
        .session
        .attempts
        .iter()
        .filter(|a| a.outcome.is_some())
        .count();
    let out = chat.say("notify me when its fixed");
    assert_says(&out, "Let me check whether the service is down");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{:?}",
        out.effects
    );
    assert_eq!(chat.session.current_step(), open);
    assert_eq!(
        chat.session
            .attempts
            .iter()
            .filter(|a| a.outcome.is_some())
            .count(),
        tried
    );
}

#[test]
fn impatience_with_the_walk_offers_a_person_not_the_slow_article() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("getting Bad Gateway when i click run payroll in edge");
    chat.not_fixed();
    let open = chat.session.current_step();
    let out = chat.say("this is taking forever, payroll is due");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    assert_says(&out, "I understand it can't wait");
    assert_eq!(chat.session.current_step(), open);
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
}

#[test]
fn the_bank_site_found_fine_rules_out_its_check_and_goes_on() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed hasnt updated since friday, wells fargo");
    chat.say("clicked update, nothing");
    let out = chat.say("the bank site is fine, no messages");
    assert_says(&out, "nothing wrong there");
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.title == "Check the bank's own website"
                && a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );
    assert_solution(&out, 3, 4, "Update the bank sign-in details");
}

/// "quickbooks isnt working" says nothing to match on but the product's name: what the user
/// sees is asked for (it offered the firewall and payroll articles), the words rank nothing for
/// the ticket, and said again, every article is offered to pick from.
#[test]
fn a_description_that_says_only_that_it_fails_is_asked_what_the_user_sees() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks isnt working");
    assert_says(&out, "what happens when you try?");
    assert!(
        matches!(chat.session.stage, Stage::Idle),
        "{:?}",
        chat.session.stage
    );
    assert!(
        chat.session.matches.is_empty(),
        "{:?}",
        chat.session.matches
    );
    assert_eq!(
        actions(&out),
        vec![Action::Check, Action::Escalate],
        "{}",
        all_text(&out)
    );
    // Said again: the articles to pick from, then the check and a person.
    let out = chat.say("it just doesnt work");
    assert_says(&out, "Pick the closest");
    let offered = actions(&out);
    assert_eq!(offered.len(), kb.articles().len() + 2, "{}", all_text(&out));
    let payroll = Action::Article("payroll-not-updating".into());
    assert!(offered.contains(&payroll), "{}", all_text(&out));
    chat.act(payroll);
    assert_eq!(chat.session.article(), Some("payroll-not-updating"));
    // What the user sees next is matched as any description.
    let mut chat = Chat::new(&kb);
    chat.say("help, quickbooks wont work");
    chat.say("it shows 502 bad gateway");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
    // Anything to go on is matched as before.
    for said in [
        "payroll isnt working",
        "it works in firefox but not in chrome",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            !has(&out, "what happens when you try?"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// "does it matter which browser?" at a step says whether it does for that step (it was told
/// how to tell which browser it is, as if the user did not know); the step stays the question.
#[test]
fn whether_the_browser_matters_is_answered_for_the_step_on_screen() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let open = chat.session.current_step();
    let out = chat.say("does it matter which browser?");
    assert_says(&out, "Not for this step");
    assert!(!has(&out, "How to tell"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);
    assert!(!chat.recorded(Outcome::NotFixed) && !chat.recorded(Outcome::Fixed));
    // A step written per browser: yes, and which one the steps are for.
    let mut chat = Chat::new(&kb);
    chat.say("clear cache and cookies in firefox");
    let step = chat.session.current_step().expect("a step");
    let solution = &kb.get("browser-cache-cookies").unwrap().solutions[step.solution];
    assert!(!solution.variants.is_empty(), "{}", solution.title);
    let out = chat.say("does it matter which browser?");
    assert_says(&out, "For this step, yes");
    assert_says(&out, "for Firefox");
    assert_eq!(chat.session.current_step(), Some(step));
}

/// "im in the mobile app" (no trouble told) is where the user is, noted and asked what is
/// wrong, as "im on my ipad" is: it was a list of the 503 and firewall articles. So is
/// "im using quickbooks online in chrome", the product's name no problem.
#[test]
fn the_mobile_app_or_the_product_named_alone_is_where_the_user_is() {
    let kb = shipped_kb();
    for (said, noted) in [
        ("im in the mobile app", "Noted: the mobile app."),
        (
            "i use the quickbooks app on my iphone",
            "Noted: the mobile app.",
        ),
        ("im using quickbooks online in chrome", "Noted: Chrome."),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_says(&out, noted);
        assert!(matches!(chat.session.stage, Stage::Idle), "{said}");
    }
}

/// "i dont know how to open one in chrome" at the private-window test asks how: its steps are
/// shown and the test stays the question. It was recorded as "fails there too", which skipped
/// the two fixes most likely to help (an explorer's F1).
#[test]
fn not_knowing_how_to_run_a_test_shows_how_and_records_nothing() {
    let kb = shipped_kb();
    for said in [
        "i dont know how to open one in chrome",
        "not sure how to open one in chrome",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online shows a blank white page in chrome");
        chat.say("still blank");
        let test = chat.session.current_step().expect("the test");
        let out = chat.say(said);
        assert_says(&out, "How to: Try a private window");
        assert_eq!(chat.session.current_step(), Some(test), "{said}");
        assert!(!chat.recorded(Outcome::FailsThere), "{said}");
        assert!(!chat.recorded(Outcome::RuledOutByTest), "{said}");
    }
}

/// "i havent changed my password though" at "Update the bank sign-in details" denies a cause:
/// noted for staff, the fix stays the question. It was "did not fix it" on the ticket and in
/// `stats`, and the walk moved on (an explorer's F3); read without the denial it "fit" the cause.
#[test]
fn a_cause_the_user_denies_is_noted_and_the_fix_stays() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed error 103 for my amex");
    let open = chat.session.current_step();
    let out = chat.say("i havent changed my password though");
    assert_says(&out, "you don't think it's **Changed bank password");
    assert!(!has(&out, "fits a known cause"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);
    assert!(
        !chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
    // "it didnt change anything" is still a result.
    let out = chat.say("ok updated them, it didnt change anything");
    assert!(chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
}

/// "i dont see it in the start menu" just after another fix's steps were shown on the side
/// ("where is the database server manager"): they are shown again, and nothing is recorded (it
/// failed the fix on screen, File Doctor; an explorer's F4). Said of the fix on screen, its
/// steps again.
#[test]
fn not_found_where_looked_shows_the_steps_again_and_records_nothing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks desktop wont open the company file from my other computer, says H202");
    chat.say("ok on the main computer it opens fine");
    let open = chat.session.current_step();
    let out = chat.say("where is the database server manager");
    assert_says(&out, "Database Server Manager");
    let out = chat.say("i dont see it in the start menu");
    assert_says(&out, "Here are those steps again");
    assert_says(&out, "Database Server Manager");
    assert_eq!(chat.session.current_step(), open);
    assert!(
        !chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
    // The fix on screen.
    let mut chat = Chat::new(&kb);
    chat.say("payroll update fails in desktop");
    let open = chat.session.current_step();
    let out = chat.say("i cant see it anywhere");
    assert_says(&out, "Here are the steps again");
    assert_eq!(chat.session.current_step(), open);
    assert!(
        !chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );
}

/// Found by an explorer (forty-second session): "it let me in this time, lets see if it lasts"
/// asked about the date and time fix, never shown, by the word "time" (F5); "the time on my
/// computer was 1 hour off, fixed it" credited the cookie fix on screen (F6); "turned off honey"
/// credited "Close extra tabs" (F7).
#[test]
fn fixes_are_named_by_what_users_call_them_and_not_by_idioms() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    let open = chat.session.current_step();
    let out = chat.say("did it. it let me in this time, lets see if it lasts");
    assert_says(&out, "No rush");
    assert!(!has(&out, "date, time"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);

    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    let out = chat.say("the time on my computer was 1 hour off, fixed it, seems ok now");
    assert_says(
        &out,
        "Shall I note **Check the date, time and other sign-ins**",
    );
    chat.say("yes");
    assert!(
        chat.session
            .attempts
            .iter()
            .any(|a| a.title == "Check the date, time and other sign-ins"
                && a.outcome == Some(Outcome::Fixed)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("qbo slow as molasses in chrome");
    chat.say("i only have like 3 extensions, grammarly and lastpass and honey");
    let out = chat.say("turned off honey and its way faster!!");
    assert_says(&out, "Shall I note **Turn off unneeded extensions**");
}

/// "cant sign in, it says my account is locked" is for a person: no browser fix opens a locked
/// account (the login loop's own FAQ and escalation say so). It got that article's cookie fixes
/// at 91% (an explorer's F10). Being "locked out" is still a sign-in problem.
#[test]
fn a_locked_account_goes_to_a_person_not_to_cookie_fixes() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("cant sign in, it says my account is locked");
    assert_says(&out, "A locked or disabled account");
    assert_eq!(chat.session.article(), None);
    assert_eq!(actions(&out), vec![Action::Escalate]);
    let out = chat.say("yes");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    let out = chat.say("im locked out of quickbooks, it keeps sending me back to sign in");
    assert!(
        !has(&out, "A locked or disabled account"),
        "{}",
        all_text(&out)
    );
}

/// "restarted safari, same" at "Is this it? Login Loop": a thing tried and the trouble the same
/// is of the problem offered. It opened Page Not Loading at 64% by "restart" and "safari" (an
/// explorer's F13); now the list is offered again with the login loop on it. Words of the
/// other problem's own ("no its my bank feed, ...") still open it.
#[test]
fn the_same_trouble_after_a_thing_tried_at_a_list_opens_no_article_off_it() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("help, qbo on my iphone keeps logging me out");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    let out = chat.say("restarted safari, same");
    assert_eq!(chat.session.article(), None, "{}", all_text(&out));
    assert!(
        actions(&out).contains(&Action::Article("login-loop-signed-out".into())),
        "{}",
        all_text(&out)
    );
}

/// "wait can we do the payroll one first, thats more urgent" with two problems held takes the
/// payroll one up: urgency compared between problems picks one, and the reason after the
/// pick is no more of it (it was read as a plea for a person and stayed on the bank feed; an
/// explorer's F16).
#[test]
fn the_more_urgent_one_first_takes_it_up() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("ugh. bank feed stopped updating AND now payroll wont update either, using edge");
    assert_eq!(chat.session.article(), Some("bank-feed-not-updating"));
    chat.say("clicked update, nothing");
    let out = chat.say("wait can we do the payroll one first, thats more urgent");
    assert_eq!(
        chat.session.article(),
        Some("payroll-not-updating"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "can't wait"), "{}", all_text(&out));
}

/// Roundabout requests for a person open a ticket ("let me speak to your supervisor", "can i
/// get a call back", "how do i contact intuit support"); they were "I don't know this one" or a
/// list of articles (an explorer's F19). What is asked for beside the person, said first, is
/// what the user said (it was only a note, and they were asked to say it again; F26).
#[test]
fn roundabout_requests_for_a_person_open_a_ticket_with_what_was_said() {
    let kb = shipped_kb();
    for said in [
        "let me speak to your supervisor",
        "put me through to your team please",
        "can i get a call back",
        "how do i contact intuit support",
        "i'd rather just have someone look at my account",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    let out = chat.say("i want a refund and to speak to someone about my account");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { note: None })),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.descriptions,
        vec!["i want a refund and to speak to someone about my account".to_string()]
    );
}

/// "samsung internet", Android's own browser, gets Chrome's steps as Brave does (its most
/// useful fix was skipped as "steps only for ..."; an explorer's F25); said at "Is this it?",
/// the question noted again is "Is this it?" (it said "Is it one of these?" under that title;
/// F30).
#[test]
fn samsung_internet_gets_chromes_steps_and_one_candidate_reads_as_one() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes");
    let out = chat.say("samsung internet");
    assert_says(&out, "Samsung Internet is built on Chrome");
    assert_solution(&out, 1, 4, "Clear Intuit cookies and sign in again");
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out");
    let out = chat.say("samsung internet");
    let Stage::ChoosingArticle { candidates } = &chat.session.stage else {
        panic!("a list: {:?}", chat.session.stage)
    };
    assert_eq!(candidates.len(), 1, "{}", all_text(&out));
    assert_says(&out, "Is this it? Pick it");
    assert!(!has(&out, "Is it one of these?"), "{}", all_text(&out));
}

/// "quickbooks won't print checks, printer says offline": the printer is offline, not the
/// service, so no live check runs (it checked QuickBooks Online and said nothing of printing;
/// an explorer's F15).
#[test]
fn a_printer_offline_runs_no_live_check() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks won't print checks, printer says offline");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{:?}",
        out.effects
    );
}

/// "i'm using the quickbooks app not safari" mid-walk: the fixes are for a browser, and what to
/// do about the app is said once; the question stays (it showed the Safari steps again with no
/// word of the app, or "didn't catch that"; an explorer's F20).
#[test]
fn the_app_named_mid_walk_is_told_the_fixes_are_for_a_browser() {
    let kb = shipped_kb();
    for said in [
        "i'm using the quickbooks app not safari",
        "im in the quickbooks app",
        "its the qb mobile app",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks keeps saying session expired on my iphone");
        let open = chat.session.current_step();
        assert!(open.is_some());
        let out = chat.say(said);
        assert_says(&out, "these fixes are written for the website in a browser");
        assert_eq!(chat.session.current_step(), open, "{said}");
        assert!(!chat.recorded(Outcome::NotFixed), "{said}");
    }
}

/// "its a work computer, private browsing is blocked" at the private-window test: the test
/// cannot be done, so it is passed over as not possible (it was offered as a switch to the
/// cache article; an explorer's F21).
#[test]
fn private_browsing_blocked_at_the_test_skips_it_as_not_possible() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in chrome");
    chat.say("still blank");
    let out = chat.say("its a work computer, private browsing is blocked");
    assert!(!has(&out, "different problem"), "{}", all_text(&out));
    assert!(
        chat.recorded(Outcome::CouldNotTry),
        "{:?}",
        chat.session.attempts
    );
    assert!(!chat.recorded(Outcome::FailsThere));
}

/// "already checked the status page and my internet is fine" while "Send paychecks stuck ..."
/// is open (PS038 starts there): that check, not shown yet, found nothing. It is ruled out and
/// the fix on screen stays the question (it was dropped for the check, asked about as the fix;
/// an explorer's F23).
#[test]
fn another_check_found_fine_is_ruled_out_and_the_fix_on_screen_stays() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("payroll wont update, keeps saying PS038");
    let open = chat.session.current_step().expect("a fix").solution;
    let out = chat.say("already checked the status page and my internet is fine");
    assert_says(&out, "nothing wrong there");
    assert_says(&out, "Check the payroll service status and your connection");
    assert_eq!(
        chat.session.current_step().map(|s| s.solution),
        Some(open),
        "{}",
        all_text(&out)
    );
    assert!(
        chat.session.attempts.iter().any(|a| a.title
            == "Check the payroll service status and your connection"
            && a.outcome == Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );
}

/// The trouble in the problem's own words, told as news, is read (an explorer's F18): "now its
/// just spinning" after "Reload the page fully" is still broken in a new form (the next fix);
/// "i get a captcha every time then back to login" is a detail of the login loop, noted, the
/// fix on screen kept ("every time" names no clock fix). Both were "didn't catch that".
#[test]
fn the_trouble_in_the_problems_own_words_is_read() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in chrome");
    let out = chat.say("now its just spinning");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert!(
        chat.recorded(Outcome::NotFixed),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    let open = chat.session.current_step();
    let out = chat.say("i get a captcha every time then back to login");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert!(!has(&out, "date, time"), "{}", all_text(&out));
    assert_eq!(chat.session.current_step(), open);
}

/// Found by an explorer (F24), each "noted for the support team" before: "i dont no what
/// browser" at "Which browser?" gets how to tell; "chrome i think? or maybe edge" takes the
/// first one named, saying so; "why is quickbooks so expensive now, $90 a month for this??"
/// mid-walk is billing, for a person, the fix kept.
#[test]
fn unsure_browsers_and_price_complaints_are_understood() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qb keeps sayin 502 bad gatway wen i try open banking");
    assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
    let out = chat.say("i dont no what browser");
    assert_says(&out, "How to tell");

    let mut chat = Chat::new(&kb);
    chat.say("qb keeps sayin 502 bad gatway wen i try open banking");
    let out = chat.say("chrome i think? or maybe edge");
    assert_says(&out, "I'll go with Chrome, the first you named");
    assert_eq!(chat.session.browser, Some(Browser::Chrome));

    let mut chat = Chat::new(&kb);
    chat.say("payroll update fails in desktop");
    let open = chat.session.current_step();
    let out = chat.say("why is quickbooks so expensive now, $90 a month for this??");
    assert_says(&out, "Billing and subscription questions");
    assert_eq!(chat.session.current_step(), open);
}

/// "qbo keeps kicking me back to the login page" is the login loop, answered outright without
/// the model (it was a list with the 503 article second; an explorer's F27; the keyword
/// "kicking me back" left the dev split's figures unchanged).
#[test]
fn kicking_me_back_to_the_login_page_is_the_login_loop() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps kicking me back to the login page");
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
}

/// A fourth explorer's findings about what is recorded at "Did this fix it?": non-answers are
/// no success, a yes with a "why not" is a yes, questions and facts about the user are no
/// failure of the fix on screen (each was recorded in the ticket and the stats).
#[test]
fn non_answers_questions_and_facts_record_nothing_at_a_fix() {
    let kb = shipped_kb();
    let first = "Manually update bank transactions";
    // Non-answers: no "It sounds like that worked" (a following "k" recorded the fix).
    for said in ["whatever works", "kk", "is it my fault"] {
        let mut chat = Chat::new(&kb);
        chat.say("502 bad gateway in chrome");
        let out = chat.say(said);
        assert!(
            !has(&out, "sounds like that worked"),
            "{said}: {}",
            all_text(&out)
        );
        let out = chat.say("k");
        assert_eq!(outcome_of(&chat, first), None, "{said}: {}", all_text(&out));
    }
    // A control pressed is the step done, not its result.
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let out = chat.say("yes i clicked update");
    assert_says(&out, "Thanks for trying it");
    assert_eq!(outcome_of(&chat, first), None);
    // "sure why not" at "Shall I note ... as what fixed it?" is a yes (it was "did not fix it").
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("great");
    chat.say("sure why not");
    assert_eq!(outcome_of(&chat, first), Some(Outcome::Fixed));
    // Questions about the fix on screen, or after a check, record nothing.
    for said in [
        "why cant you look it up?",
        "why does it work in incognito but not normally?",
        "does this work on a mac too?",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("502 bad gateway in chrome");
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, first), None, "{said}: {}", all_text(&out));
        assert_eq!(open_title(&chat).as_deref(), Some(first), "{said}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    let out = chat.say("does this work on a mac too?");
    assert_says(&out, "these steps go by the browser, not the computer");
    assert_eq!(
        outcome_of(&chat, "Clear Intuit cookies and sign in again"),
        None
    );
    // What the user does not use or do, at a fix about something else: noted, not failed.
    for said in [
        "i dont use the app",
        "im not importing anything",
        "we dont do payroll in quickbooks",
        "we dont have a proxy",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("502 bad gateway in chrome");
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, first), None, "{said}: {}", all_text(&out));
        assert_eq!(open_title(&chat).as_deref(), Some(first), "{said}");
    }
    // A failure said beside it is still one.
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    chat.say("i dont use it, still broken");
    assert_eq!(outcome_of(&chat, first), Some(Outcome::NotFixed));
}

/// The walked article's topic denied ("this is about sales tax, not payroll" at the payroll
/// article) leaves the article, failing none of its fixes; another article's topic denied is
/// no failure of the fix on screen, nor offered as a switch (an explorer's F6: each rejection
/// was recorded as a failed fix, and "not payroll" offered the payroll article).
#[test]
fn a_denied_topic_leaves_its_article_and_fails_no_fix() {
    let kb = shipped_kb();
    for said in [
        "this is about sales tax, not payroll",
        "i didnt say anything about payroll",
        "this has nothing to do with payroll",
        "i dont have a payroll problem",
        "not payroll. sales tax.",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("payroll wont update");
        assert_eq!(chat.session.article(), Some("payroll-not-updating"));
        let out = chat.say(said);
        assert_says(&out, "Something else, then");
        assert!(
            chat.session
                .attempts
                .iter()
                .all(|a| a.outcome != Some(Outcome::NotFixed)),
            "{said}: {:?}",
            chat.session.attempts
        );
    }
    for said in [
        "this is about sales tax, not payroll",
        "i dont have a payroll problem",
    ] {
        let mut chat = Chat::new(&kb);
        // (An article besides payroll walked; "my invoices show the wrong sales tax rate" is
        // asked about now, since it names nothing of the 500 article it came nearest.)
        chat.say("my invoices page is blank");
        let walked = chat.session.article().map(str::to_string);
        assert_ne!(walked.as_deref(), Some("payroll-not-updating"));
        let open = open_title(&chat).expect("a fix on screen");
        let out = chat.say(said);
        assert!(
            !has(&out, "different problem"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(outcome_of(&chat, &open), None, "{said}: {}", all_text(&out));
    }
}

/// A fourth explorer's F1 and F7: a deed of bookkeeping done by hand names no fix tried
/// ("i already wrote the paychecks by hand" skipped "Send paychecks ..." as tried and
/// failed); "I'm back" greets; "the fix stopped working" takes a recorded fix back.
#[test]
fn handwork_names_no_fix_and_a_fix_that_stopped_working_is_taken_back() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("payroll wont update, i already wrote the paychecks by hand");
    assert!(!has(&out, "already tried"), "{}", all_text(&out));
    assert!(
        chat.session
            .attempts
            .iter()
            .all(|a| a.outcome != Some(Outcome::NotFixed)),
        "{:?}",
        chat.session.attempts
    );

    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    let out = chat.say("im back");
    assert!(!has(&out, "didn't catch"), "{}", all_text(&out));
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Clear Intuit cookies and sign in again")
    );

    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    chat.say("did it, that fixed it");
    let fix = "Clear Intuit cookies and sign in again";
    assert_eq!(outcome_of(&chat, fix), Some(Outcome::Fixed));
    let out = chat.say("the fix stopped working");
    assert_says(&out, "the fix didn't last");
    assert_ne!(outcome_of(&chat, fix), Some(Outcome::Fixed));
}

/// The live check asked by its own name ("can you run a live check", "ping qbo for me") is
/// one, first or mid-walk; right after a check, "is that bad?" or "what's the latency?" is
/// answered from its result (a fourth explorer's F13 and F14: "I don't know this one", "I
/// can't help with that here").
#[test]
fn the_live_check_by_its_name_and_questions_right_after_it() {
    let kb = shipped_kb();
    for said in [
        "can you run a live check",
        "ping qbo for me",
        "do a health check on quickbooks",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Check { .. })),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let out = chat.say("run a live check");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. }))
    );
    chat.session.checks.push(supportbot::session::CheckRecord {
        target: "quickbooks-online".into(),
        url: "https://qbo.intuit.com/".into(),
        verdict: "up".into(),
        status: Some(200),
        total_ms: Some(240),
        detail: String::new(),
        at: u64::MAX / 2,
    });
    let out = chat.say("is that bad?");
    assert_says(&out, "not down for everyone");
    let out = chat.say("what's the latency?");
    assert_says(&out, "got its answer in 240 ms");
    assert_eq!(
        outcome_of(&chat, "Manually update bank transactions"),
        None,
        "{}",
        all_text(&out)
    );
}

/// "is my data safe?" or "will i lose anything?" at a fix gets the article's own entry about
/// data, in whatever words (a fourth explorer's F15: "I can't help with that here" in every
/// article that answers it).
#[test]
fn a_worry_about_data_gets_the_articles_entry_about_data() {
    let kb = shipped_kb();
    for (problem, entry) in [
        (
            "502 bad gateway in chrome",
            "Can Error 502 cause data loss?",
        ),
        (
            "503 service unavailable",
            "Is my data lost if I get a 503 while saving?",
        ),
        (
            "504 gateway timeout on a report",
            "Was my transaction saved if I got a 504?",
        ),
        (
            "quickbooks online shows a blank white page in chrome",
            "Does a blank page mean my data is gone?",
        ),
    ] {
        for asked in ["is my data safe?", "will i lose anything?"] {
            let mut chat = Chat::new(&kb);
            chat.say(problem);
            let open = chat.session.current_step();
            let out = chat.say(asked);
            assert!(has(&out, entry), "{problem} / {asked}: {}", all_text(&out));
            assert_eq!(chat.session.current_step(), open, "{problem} / {asked}");
        }
    }
}

/// A question with the word "browser" in it asks which browser only when none is known and
/// it asks none of the article's FAQ ("can browser cache trigger quickbooks error 502?", "QuickBooks is slow
/// only in one browser. Why?" got "How to tell which browser"); "I DONT KNOW WHAT A BROWSER
/// IS" at "Which browser?" gets how to tell (it was "No rush: try it"). A fourth explorer's
/// F16 and F19.
#[test]
fn browser_words_in_a_question_ask_the_faq_unless_the_browser_is_unknown() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in chrome");
    let out = chat.say("can browser cache trigger quickbooks error 502?");
    assert_says(&out, "Can browser cache trigger QuickBooks Error 502?");
    let mut chat = Chat::new(&kb);
    chat.say("qbo is so slow in chrome");
    chat.say("yes");
    let out = chat.say("quickbooks is slow only in one browser. why?");
    assert_says(&out, "That browser probably has extensions");
    for said in [
        "I DONT KNOW WHAT A BROWSER IS",
        "i dont know what a browser is",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("qbo keeps logging me out every few minutes");
        assert!(matches!(chat.session.stage, Stage::ChoosingBrowser { .. }));
        let out = chat.say(said);
        assert_says(&out, "How to tell");
    }
}

/// A fourth explorer's F21, F27, F30, F31: "my computer clock is wrong" goes to the fix for it
/// (it was "Noted: you're on a computer"); "nvm" at a list calls it off; "what now?" with the
/// fixes used up offers a person again (it was "Take your time."); "im locked out of
/// quickbooks" offers the login loop; a short Spanish message is told "English only".
#[test]
fn a_cause_beside_a_device_a_list_called_off_and_what_now_at_the_end() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes, chrome");
    let out = chat.say("my computer clock is wrong");
    assert_says(&out, "Check the date, time and other sign-ins");
    assert!(!has(&out, "you're on a computer"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("invoices wont send");
    assert!(matches!(chat.session.stage, Stage::ChoosingArticle { .. }));
    let out = chat.say("nvm");
    assert_says(&out, "I'll stop here");
    assert!(matches!(chat.session.stage, Stage::Idle));

    let mut chat = Chat::new(&kb);
    chat.say("504 gateway timeout on a big report");
    for _ in 0..4 {
        chat.say("no");
    }
    assert!(matches!(chat.session.stage, Stage::OutOfSolutions { .. }));
    let out = chat.say("what now?");
    assert_says(&out, "A person on the support team can take it from here");

    let mut chat = Chat::new(&kb);
    let out = chat.say("im locked out of quickbooks");
    assert_says(&out, "Login Loop");

    let mut chat = Chat::new(&kb);
    let out = chat.say("hola, quickbooks no carga");
    assert_says(&out, "English");
}

/// A fourth explorer's F22 and F23: a reload told in everyday words up front is skipped as
/// tried ("already tried reloading", "the refresh thing"); "did ctrl f5, still blank.
/// incognito is blank too" at the private-window test goes where the test says (fix 5), not
/// to the cache fix its "ctrl f5" points to.
#[test]
fn a_reload_in_everyday_words_and_a_test_result_beside_a_deed() {
    let kb = shipped_kb();
    for said in [
        "qbo blank page in chrome, already tried reloading",
        "qbo blank page in chrome, i already did the refresh thing",
        "qbo blank page in chrome, tried refreshing a bunch",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_says(&out, "you already tried **Reload the page fully**");
        assert_eq!(
            open_title(&chat).as_deref(),
            Some("Try a private window"),
            "{said}"
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in chrome");
    chat.say("still blank");
    let out = chat.say("did ctrl f5, still blank. incognito is blank too");
    assert!(!has(&out, "points to fix 4"), "{}", all_text(&out));
    assert_solution(&out, 5, 5, "Check the connection and the service");
}

/// "status page says all green" at the blank page's private-window test: one of the four
/// things "Check the connection and the service" looks at, so it is noted and the fix kept
/// for later, not ruled out and counted as failed (a fourth explorer's F12).
#[test]
fn one_of_several_things_a_check_looks_at_keeps_the_check() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in chrome");
    chat.say("still blank");
    let out = chat.say("status page says all green");
    assert_says(&out, "keep for later");
    assert_eq!(
        outcome_of(&chat, "Check the connection and the service"),
        None,
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat).as_deref(), Some("Try a private window"));
}

/// Found by a fourth user explorer (F25): the culprit named by another name of one of this
/// article's fixes ("it was my ad blocker": "Turn off browser extensions", also called "ad
/// blocker"), with or without "works now", asks about that fix; it was "came from something
/// else" (or not understood), and no fix was ever credited. A cause this article has no fix for
/// still credits none, and a cause denied is no credit.
#[test]
fn the_culprit_named_by_a_name_of_a_fix_here_asks_about_that_fix() {
    let kb = shipped_kb();
    for said in [
        "it was my ad blocker, works now",
        "it was my privacy extension",
        "turns out it was my adblocker",
        "the culprit was ublock origin",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online shows a blank white page in chrome");
        let out = chat.say(said);
        assert!(
            has(
                &out,
                "Shall I note **Turn off browser extensions** as what fixed it?"
            ),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            (chat.session.attempts.iter())
                .all(|a| !matches!(a.outcome, Some(Outcome::Fixed | Outcome::NotFixed))),
            "{said}: nothing recorded unasked: {:?}",
            chat.session.attempts
        );
        let out = chat.say("yes");
        assert!(has(&out, "Glad"), "{said}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, "Turn off browser extensions"),
            Some(Outcome::Fixed),
            "{said}"
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in chrome");
    let out = chat.say("it was my antivirus, works now");
    assert!(has(&out, "came from something else"), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online shows a blank white page in chrome");
    let out = chat.say("turns out it was not my adblocker");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
}

/// Found by an admin explorer (F8, F9): asking for a person in the first message kept neither
/// the browser it named ("im on firefox, call me back": "Browser / device: not given") nor,
/// when it told no problem, the words themselves (the ticket said the user said "nothing").
#[test]
fn a_first_message_asking_for_a_person_keeps_its_browser_and_its_words() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("im on firefox, call me back");
    let handed_over = (out.effects.iter())
        .filter(|e| matches!(e, Effect::Escalate { .. }))
        .count();
    assert_eq!(handed_over, 1, "{:?}", out.effects);
    assert_eq!(chat.session.browser, Some(Browser::Firefox));

    let mut chat = Chat::new(&kb);
    chat.say("i want to talk to a real person not a bot");
    assert!(chat.session.descriptions.is_empty(), "no problem told");
    assert_eq!(
        chat.session.asides,
        ["i want to talk to a real person not a bot"]
    );
}

/// Found by an admin explorer (F12): things named as having not helped in the first message
/// ("cache and firewall didnt help") were ignored, and both fixes were walked again later (the
/// same words one message later were understood). They are skipped, saying so; "it didnt
/// help" names nothing.
#[test]
fn things_that_did_not_help_in_the_first_message_are_skipped() {
    let kb = shipped_kb();
    for (said, skipped) in [
        (
            "getting 502 bad gateway in chrome, cache and firewall didnt help",
            &["Remove browser cache", "Temporarily turn off the firewall"][..],
        ),
        (
            "qbo blank page in chrome, cache and extensions didnt help",
            &["Clear the cache and cookies", "Turn off browser extensions"][..],
        ),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(has(&out, "you already tried"), "{said}: {}", all_text(&out));
        for title in skipped {
            assert_eq!(
                outcome_of(&chat, title),
                Some(Outcome::NotFixed),
                "{said}: {title}"
            );
        }
        // Walked to the end: neither is shown again.
        let mut shown = Vec::new();
        while chat.session.current_step().is_some() && shown.len() < 10 {
            let out = chat.not_fixed();
            shown.extend(out.replies.iter().filter_map(|r| r.title.clone()));
        }
        for title in skipped {
            assert!(
                !shown.iter().any(|t| t.ends_with(title)),
                "{said}: {title} shown again: {shown:?}"
            );
        }
    }
    let mut chat = Chat::new(&kb);
    let out = chat.say("502 in chrome, i tried everything and it didnt help");
    assert!(!has(&out, "you already tried"), "{}", all_text(&out));
}

/// Found by a user explorer (rv43 F20): "wait which button" at a fix showed another fix's steps
/// (the only ones with the word "button"), another article's, or "Take your time". A question
/// about the steps on screen shows those steps again, and the question stays.
#[test]
fn which_button_at_a_fix_shows_the_steps_on_screen() {
    let kb = shipped_kb();
    for (problem, open) in [
        (
            "quickbooks online shows a blank white page in chrome",
            "Reload the page fully",
        ),
        (
            "qbo keeps logging me out every few minutes, chrome",
            "Clear Intuit cookies and sign in again",
        ),
    ] {
        for asked in ["wait which button", "which button?", "how do i do that"] {
            let mut chat = Chat::new(&kb);
            chat.say(problem);
            let out = chat.say(asked);
            assert!(
                out.replies.iter().any(|r| r
                    .title
                    .as_deref()
                    .is_some_and(|t| t.starts_with(&format!("How to: {open}")))),
                "{problem} / {asked}: {}",
                all_text(&out)
            );
            assert!(
                !has(&out, "fixes don't cover that"),
                "{asked}: {}",
                all_text(&out)
            );
            assert_eq!(open_title(&chat).as_deref(), Some(open), "{asked}");
        }
    }
}

/// Found by a user explorer (rv43 F9): after "Glad that worked!", saying another fix was what
/// did it kept the credit on the first ("Good to hear!"), was not understood, opened another
/// article, or took the fix back and showed the next one to a user whose problem was solved.
/// The credit moves to the fix named, asked first; a question naming a fix moves nothing.
#[test]
fn saying_another_fix_did_it_moves_the_credit_once_confirmed() {
    let kb = shipped_kb();
    for (said, now_credited) in [
        (
            "actually it was turning off the extensions that fixed it, not the tabs",
            "Turn off unneeded extensions",
        ),
        (
            "no it was turning off grammarly that did it",
            "Turn off unneeded extensions",
        ),
        (
            "wait no, it was clearing the cache that did it",
            "Clear the cache and update the browser",
        ),
        (
            "wrong one, it was the extensions",
            "Turn off unneeded extensions",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("qbo slow as molasses in chrome");
        chat.say("yes");
        chat.say("works now");
        let first = "Close extra tabs and restart the browser";
        assert_eq!(outcome_of(&chat, first), Some(Outcome::Fixed), "{said}");
        let out = chat.say(said);
        assert!(
            has(
                &out,
                &format!("Shall I note **{now_credited}** as what fixed it?")
            ),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(outcome_of(&chat, first), Some(Outcome::NotFixed), "{said}");
        assert_eq!(outcome_of(&chat, now_credited), None, "{said}: asked first");
        chat.say("yes");
        assert_eq!(
            outcome_of(&chat, now_credited),
            Some(Outcome::Fixed),
            "{said}"
        );
        assert!(matches!(chat.session.stage, Stage::Fixed { .. }), "{said}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("qbo slow as molasses in chrome");
    chat.say("yes");
    chat.say("works now");
    let out = chat.say("should i also turn off the extensions?");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    assert_eq!(
        outcome_of(&chat, "Close extra tabs and restart the browser"),
        Some(Outcome::Fixed)
    );
    // (A review's case: a fix said never to have worked takes no credit.)
    let out = chat.say("fyi turning off the extensions never worked for me");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
}

/// Found by a user explorer (rv43 F19): after the "how to tell" help, which says Safari is the
/// compass on a Mac or an iPhone/iPad, "the compass one" silently picked Safari (Mac) steps. It
/// asks which Safari, as "safari" alone does; on a phone it is Safari on the iPhone.
#[test]
fn the_compass_one_asks_which_safari() {
    let kb = shipped_kb();
    for said in ["the compass one", "compass"] {
        let mut chat = Chat::new(&kb);
        chat.say("qbo keeps logging me out every few minutes");
        let out = chat.say(said);
        assert!(
            has(
                &out,
                "different steps for Safari on a Mac and on an iPhone or iPad"
            ),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.browser, None, "{said}");
        chat.say("iphone");
        assert_eq!(chat.session.browser, Some(Browser::SafariIos), "{said}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes on my iphone");
    chat.say("the compass one");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    // On a computer said before: the Mac's Safari, the only one there.
    let mut chat = Chat::new(&kb);
    chat.say("qbo keeps logging me out every few minutes on my laptop");
    chat.say("the compass one");
    assert_eq!(chat.session.browser, Some(Browser::SafariMac));
}

/// Whether the engine's output hands the conversation to a person.
fn hands_over(out: &Output) -> bool {
    out.effects
        .iter()
        .any(|e| matches!(e, Effect::Escalate { .. }))
}

/// Chrome, and the page-not-loading article opened as `/fix page-not-loading` opens it: its
/// first fix (Reload the page fully) on screen.
fn at_the_first_page_fix(kb: &KnowledgeBase) -> Chat<'_> {
    let mut chat = Chat::new(kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.act(Action::Article("page-not-loading".into()));
    assert_eq!(open_title(&chat).as_deref(), Some("Reload the page fully"));
    chat
}

/// Found by a user explorer (rv45 F1): at "Shall I note Reload the page fully as what fixed
/// it?", "no it was clearing the cookies" recorded the cookies fix as NOT fixed ("didn't fix it
/// either, so I won't suggest it again"). The "no" is the reload's; the fix named is asked
/// about, nothing is recorded as failed.
#[test]
fn no_it_was_another_fix_at_the_confirmation_asks_about_that_fix() {
    let kb = shipped_kb();
    for (reply, fix) in [
        (
            "no it was clearing the cookies",
            "Clear the cache and cookies",
        ),
        (
            "no, disabling extensions did it",
            "Turn off browser extensions",
        ),
        ("no the cache thing", "Clear the cache and cookies"),
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say("it loads now");
        assert!(has(&out, "as what fixed it?"), "{}", all_text(&out));
        let out = chat.say(reply);
        assert!(
            has(&out, &format!("Shall I note **{fix}** as what fixed it?")),
            "{reply}: {}",
            all_text(&out)
        );
        assert!(
            !chat.recorded(Outcome::NotFixed),
            "{reply}: {:?}",
            chat.session.attempts
        );
        chat.say("yes");
        assert_eq!(outcome_of(&chat, fix), Some(Outcome::Fixed), "{reply}");
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NoAnswer),
            "{reply}: left unanswered"
        );
    }
    // A fix named as failing is no credit: "no, the cache didnt help either".
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("it loads now");
    let out = chat.say("no, clearing the cache didnt help either");
    assert!(
        !has(&out, "Shall I note **Clear the cache and cookies**"),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv45 F5): "no longer blank", "not blank anymore", "the white
/// screen is gone" said the trouble stopped, and were read as "still blank": the reload was
/// recorded as failed and the next fix shown. They are offered as the fix having worked.
/// "not loading anymore" is trouble, and stays so.
#[test]
fn the_trouble_said_to_have_stopped_is_a_fix_to_confirm() {
    let kb = shipped_kb();
    for said in [
        "no longer blank",
        "not blank anymore",
        "its not stuck anymore",
        "the white screen is gone",
        "not getting kicked out anymore",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            has(
                &out,
                "Shall I note **Reload the page fully** as what fixed it?"
            ),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!chat.recorded(Outcome::NotFixed), "{said}");
    }
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("not loading anymore");
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::NotFixed)
    );
}

/// Found by a user explorer (rv45 F7): any reply with "nobody" or "no one" in it opened a
/// ticket unasked ("still blank. nobody else in the office has it"). Only asking for a person
/// does.
#[test]
fn nobody_else_has_it_asks_for_no_one() {
    let kb = shipped_kb();
    for said in [
        "still blank. nobody else in the office has it",
        "no one else here has this problem",
        "wow that worked, said no one ever",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(!hands_over(&out), "{said}: {}", all_text(&out));
    }
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("still blank. nobody else in the office has it");
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::NotFixed)
    );
    // Asking still asks: "no one answers", "can someone help".
    for said in ["no one answers my emails, human please", "can someone help"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(hands_over(&out), "{said}: {}", all_text(&out));
    }
}

/// Found by a user explorer (rv45 F3): after "fixed", "worked til i refreshed", "it lasted
/// about 10 minutes" and "it worked for 5 minutes" kept the fix recorded ("Good to hear!").
/// A fix that held a while only is taken back and the walk goes on; "its been working for an
/// hour now" keeps it.
#[test]
fn a_fix_that_held_a_while_only_is_taken_back() {
    let kb = shipped_kb();
    for said in [
        "worked til i refreshed",
        "it lasted about 10 minutes",
        "it worked for 5 minutes",
        "was fine until i logged in again",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say("fixed");
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::Fixed)
        );
        let out = chat.say(said);
        assert!(has(&out, "didn't last"), "{said}: {}", all_text(&out));
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("fixed");
    chat.say("its been working for an hour now");
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::Fixed)
    );
}

/// Found by a user explorer (rv45 F4): on Chrome, "firefox works fine" and "working now in
/// firefox" were offered as the reload having worked, and one "yes" recorded it while Chrome
/// was still broken. Where it works is noted and the walk stays on Chrome; "chrome works now"
/// from the Chrome user is the fix working.
#[test]
fn it_works_in_another_browser_is_noted_not_a_fix() {
    let kb = shipped_kb();
    for said in [
        "firefox works fine",
        "working now in firefox",
        "edge is fine",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "Good to know it works there"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Shall I note"), "{said}");
        assert_eq!(chat.session.browser, Some(Browser::Chrome), "{said}");
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            None,
            "{said}: still the question"
        );
    }
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("chrome works now");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
}

/// Found by a user explorer (rv45 F9): without the sentence model, how-to questions that say
/// nothing is wrong were walked as troubleshooting ("how do I add a new employee to payroll"
/// got the 502 guide's fixes, "how do i update my credit card on file" the bank feed's). They
/// are asked about; a how-to that names a fix of the article ("how do i clear cache and
/// cookies") is still answered.
#[test]
fn a_plain_how_to_is_asked_about_not_walked() {
    let kb = shipped_kb();
    for said in [
        "how do I add a new employee to payroll",
        "how do i update my credit card on file",
        "how to set up direct deposit for employees",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "Is this it?") || has(&out, "Is it one of these?"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(chat.session.attempts.is_empty(), "{said}: nothing walked");
    }
    let mut chat = Chat::new(&kb);
    chat.say("how do i clear cache and cookies for quickbooks");
    assert_eq!(
        chat.session.stage,
        Stage::ChoosingBrowser {
            article: "browser-cache-cookies".into()
        }
    );
}

/// Found by a user explorer (rv45 F2): after a fix said to fail, its steps shown again to
/// explain a word ("What is meaning of maintenance?"), "ok now is working" credited that
/// failed fix, not the one on screen, and stats showed it both fixed and not fixed.
#[test]
fn it_works_after_a_failed_fixs_steps_shown_again_is_the_fix_on_screen() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.act(Action::Article("service-unavailable-503".into()));
    chat.say("I am do it, but not working");
    chat.say("I am wait 10 minute, same problem is coming");
    let on_screen = open_title(&chat).expect("a fix on screen");
    chat.say("What is meaning of maintenance?");
    let out = chat.say("ok now is working, thank you very much sir");
    assert!(
        has(&out, &format!("Shall I note **{on_screen}**")),
        "{}",
        all_text(&out)
    );
    chat.say("yes");
    assert_eq!(outcome_of(&chat, &on_screen), Some(Outcome::Fixed));
    assert_eq!(
        outcome_of(&chat, "Check whether the service is in maintenance or down"),
        Some(Outcome::NotFixed)
    );
}

/// Found by a user explorer (rv45 F6): "the page loads now but my bank feed is still stuck"
/// recorded the reload as failed and dropped the bank feed. As "that fixed it, but now my bank
/// feed wont update" already did, the fix is noted and the bank feed taken up; "it loads now
/// but its still slow" is still told of the same page, and no fix is recorded for it.
#[test]
fn fixed_but_another_problem_still_stuck_notes_the_fix_and_takes_it_up() {
    let kb = shipped_kb();
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("the page loads now but my bank feed is still stuck");
    assert!(has(&out, "Now the new problem"), "{}", all_text(&out));
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::Fixed)
    );
    assert!(all_text(&out).contains("Bank Feed"), "{}", all_text(&out));
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("it loads now but its still slow");
    assert_ne!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::Fixed)
    );
}

/// Found by a user explorer (rv45 F10): "it loads but slowly", "works on and off", "half of
/// it loads" and sarcasm ("yeah right, like that ever works", "awesome 🙄", "it worked!!!!
/// jk") were offered as the fix having worked, and "well it loads" then recorded it. In part,
/// or scoffed at, is not fixed: the walk goes on and no fix is offered for noting.
#[test]
fn in_part_or_scoffed_at_is_no_fix() {
    let kb = shipped_kb();
    for said in [
        "it loads but slowly",
        "works on and off",
        "half of it loads",
        "yeah right, like that ever works",
        "awesome 🙄",
        "it worked!!!! jk",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert_ne!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::Fixed),
            "{said}"
        );
    }
}

/// Found by a user explorer (rv45 F11): "updated chrome and its fine now", "logged out and
/// back in, works", "its working now thanks to my IT guy", "used a different wifi and it
/// works" were offered as the reload having worked, and "yes" recorded it. Something else did
/// it: nothing is credited. "reloaded it and it works now" is the reload's.
#[test]
fn a_deed_that_is_not_the_fix_on_screen_credits_nothing() {
    let kb = shipped_kb();
    for said in [
        "updated chrome and its fine now",
        "logged out and back in, works",
        "its working now thanks to my IT guy",
        "used a different wifi and it works",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "since it came from something else"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!chat.recorded(Outcome::Fixed), "{said}");
    }
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("reloaded it and it works now");
    assert!(
        has(&out, "Shall I note **Reload the page fully**"),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv45 F22): an impatient owner's "noo", "nop", "fixd", "wrks now"
/// and "sitll blank" were each "Sorry, I didn't catch that" (or noted as a detail). Chat
/// spellings of the answer words are read as the words.
#[test]
fn chat_spellings_of_the_answer_words_are_read() {
    let kb = shipped_kb();
    for said in ["noo", "nop", "sitll blank"] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
    for said in ["fixd", "wrks now"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            chat.recorded(Outcome::Fixed) || has(&out, "Shall I note"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv45 F20): "yes?", "i think so?" and "ok it works now?" at "Did
/// Reload the page fully fix it?" got "I can't help with that here, but a person can". A yes
/// said unsure is asked about: the fix is offered for noting, nothing recorded yet.
#[test]
fn a_yes_said_unsure_is_asked_about() {
    let kb = shipped_kb();
    for said in ["yes?", "i think so?", "ok it works now?"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "Shall I note **Reload the page fully**"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!chat.recorded(Outcome::Fixed), "{said}");
    }
}

/// Found by a user explorer (rv45 F17): "nevermind, fixed it" as a first message was matched
/// as a problem ("This sounds like HTTP Error 500", or "I don't know this one"). Nothing was
/// walked and nothing asked: it is good news, answered so.
#[test]
fn it_works_now_as_a_first_message_is_good_news() {
    let kb = shipped_kb();
    for said in [
        "nevermind, fixed it",
        "it's working again, thanks anyway",
        "nvm got it working",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "Glad it's working!"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(matches!(chat.session.stage, Stage::Idle), "{said}");
    }
    let mut chat = Chat::new(&kb);
    let out = chat.say("payroll wont update");
    assert!(!has(&out, "Glad it's working!"), "{}", all_text(&out));
}

/// A review of this session's reply rules (review45b): ordinary replies each new rule must
/// leave alone.
#[test]
fn the_new_reply_rules_leave_ordinary_replies_alone() {
    let kb = shipped_kb();
    // A time that says when it began to work, or the user at work, takes nothing back.
    for said in [
        "it worked the second time",
        "worked after 5 minutes",
        "I worked on this for 2 hours and its fixed",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say("fixed");
        chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::Fixed),
            "{said}"
        );
    }
    // A deed done off and on, a "no kidding", a black screen in the blank one's place.
    for said in [
        "turned it off and on again and now it works",
        "it worked, no kidding",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say(said);
        assert!(!chat.recorded(Outcome::NotFixed), "{said}");
    }
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("no longer blank, now its a black screen");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
    // A deed the step goes by under another name is the step's: "disabled my adblocker" at
    // "Turn off browser extensions" (also called "adblocker"), not something else.
    let extensions = kb
        .get("page-not-loading")
        .and_then(|a| {
            a.solutions
                .iter()
                .find(|s| s.title == "Turn off browser extensions")
        })
        .expect("the extensions fix");
    let mut step = format!("{}\n{}", extensions.title, extensions.general);
    for name in &extensions.also_called {
        step.push('\n');
        step.push_str(name);
    }
    let deed = "disabled my adblocker and it works now";
    assert!(!supportbot::understand::fixed_by_something_else(
        deed,
        &step.to_lowercase()
    ));
    assert!(supportbot::understand::fixed_by_something_else(
        deed,
        "reload the page fully\npress ctrl+f5"
    ));
    // "no one ever responds here" asks for a person.
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("no one ever responds here");
    assert!(hands_over(&out), "{}", all_text(&out));
    // At "Shall I note ...?": a question, or a fix denied too, credits no fix named.
    for said in [
        "no, should i try clearing the cookies?",
        "no, not the cookies either",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say("it loads now");
        let out = chat.say(said);
        assert!(
            !has(&out, "Shall I note **Clear the cache and cookies**"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // After a failed fix's steps were shown again, a short "it works now" is asked about,
    // never recorded for the fix on screen unasked.
    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.act(Action::Article("service-unavailable-503".into()));
    chat.say("I am do it, but not working");
    chat.say("I am wait 10 minute, same problem is coming");
    chat.say("What is meaning of maintenance?");
    let out = chat.say("it works now");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed));
}

/// Found by a user explorer (rv45 F18): "can someone email me" was matched as the 500
/// article, "whats the support phone number" as a list of problems, and mid-walk "can you
/// have someone email me" got "I can't help with that here". Contact asked for is a request
/// for a person; "it keeps asking to email me a code" is not.
#[test]
fn contact_asked_for_is_a_request_for_a_person() {
    let kb = shipped_kb();
    for said in [
        "can someone email me",
        "whats the support phone number",
        "email me please",
    ] {
        let out = Chat::new(&kb).say(said);
        assert!(hands_over(&out), "{said}: {}", all_text(&out));
    }
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("can you have someone email me");
    assert!(hands_over(&out), "{}", all_text(&out));
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("it keeps asking to email me a code");
    assert!(!hands_over(&out), "{}", all_text(&out));
}

/// Found by a user explorer (rv45 F15): "1) payroll wont update 2) getting logged out
/// constantly" lost the second problem ("1. ... 2. ..." kept it). List markers with a bracket
/// split problems as those with a dot do; "error (code 2)" is no list.
#[test]
fn problems_numbered_with_brackets_are_told_apart() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("1) payroll wont update 2) getting logged out constantly");
    let also = also_mentioned(&out);
    assert!(
        also.iter().any(|a| a.contains("Login Loop")),
        "{also:?}: {}",
        all_text(&out)
    );
    assert_eq!(
        supportbot::understand::problem_clauses("payroll fails with error (code 2) today").len(),
        1
    );
}

/// Found by a user explorer (rv45 F13): "sometimes it works" and "it loads but slowly" at "Is
/// it one of these?" got "Good to hear!" and the list was dropped. Working now and then is no
/// news that it works: never the goodbye, at a list or at a fix.
#[test]
fn working_now_and_then_is_no_good_news() {
    let kb = shipped_kb();
    for said in ["sometimes it works", "it loads but slowly"] {
        let mut chat = Chat::new(&kb);
        chat.say("hi, quickbooks won't load on my iphone, just a white screen");
        let out = chat.say(said);
        assert!(!has(&out, "Good to hear"), "{said}: {}", all_text(&out));
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert!(!chat.recorded(Outcome::Fixed), "{said}");
    }
}

/// A chat at the first fix of `article`, in `browser`.
fn at_the_first_fix_of<'a>(kb: &'a KnowledgeBase, browser: Browser, article: &str) -> Chat<'a> {
    let mut chat = Chat::new(kb);
    chat.act(Action::Browser(Some(browser)));
    chat.act(Action::Article(article.into()));
    assert!(open_title(&chat).is_some(), "no fix open for {article}");
    chat
}

/// Found by a user explorer (rv46 F3): at "Did this fix it?", a reply with a number in it (a
/// call-back number, an order or ticket number, a release) was read as an error still showing:
/// the fix on screen was recorded as failed and never offered again.
#[test]
fn a_number_that_is_no_error_code_is_no_result() {
    let kb = shipped_kb();
    for said in [
        "555 123 4567",
        "my cell is (555) 123-4567",
        "order #88231",
        "ticket 4471 from last week",
        "R14",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, "Reload the page fully"), None, "{said}");
        assert_eq!(
            open_title(&chat).as_deref(),
            Some("Reload the page fully"),
            "{said}: {}",
            all_text(&out)
        );
    }
    // (An error code still is one: `codes::tests`.)
}

/// Found by a user explorer (rv46 F3, F19): "call me at 555-123-4567" and "call me please"
/// were a detail or "didn't catch that"; a call-back asked for is a request for a person, and
/// the number goes to staff with it.
#[test]
fn a_call_back_asked_for_hands_over() {
    let kb = shipped_kb();
    for said in ["call me at 555-123-4567", "call me please", "phone number?"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            matches!(out.effects[..], [Effect::Escalate { .. }]),
            "{said}: {}",
            all_text(&out)
        );
        assert_ne!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
}

/// Found by a user explorer (rv46 F3): "my service key is 1234-5678-9012-345" at the payroll
/// walk was recorded as "did not fix it" and the key copied onto the ticket, though the
/// article says never to share it in a public channel. It is taken out, and the user told.
#[test]
fn a_service_key_typed_is_left_out_and_is_no_result() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("PS077");
    let open = open_title(&chat).expect("a fix is open");
    let out = chat.say("my service key is 1234-5678-9012-345");
    assert_says(&out, "I've left out the service key");
    assert_eq!(outcome_of(&chat, &open), None);
    let kept = format!("{:?}", chat.session);
    assert!(!kept.contains("1234-5678"), "{kept}");
    assert!(kept.contains("[service key removed]"), "{kept}");
}

/// Found by a user explorer (rv46 F4): "no entiendo", "no sé", "no se como hacer eso" and "no
/// time to do that right now" opened with a "no" and were recorded as "did not fix it";
/// "is it the same as my license number?" was "still the same"; "no problem, doing it now"
/// was "sounds like that worked".
#[test]
fn non_answers_opening_with_no_record_nothing() {
    let kb = shipped_kb();
    for (said, reply) in [
        ("no entiendo", "I can only read English"),
        ("no sé", "I can only read English"),
        ("no se como hacer eso", "I can only read English"),
        ("no time to do that right now", "No rush"),
        ("is it the same as my license number?", ""),
        ("no problem, doing it now", "Take your time"),
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert_eq!(outcome_of(&chat, "Reload the page fully"), None, "{said}");
        assert_eq!(
            open_title(&chat).as_deref(),
            Some("Reload the page fully"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert!(has(&out, reply), "{said}: {}", all_text(&out));
    }
}

/// Found by a user explorer (rv46 F5): at the 503 article's second fix, "tried the incognito
/// thing, same 503, ... is that normal?" failed the fix on screen and showed "Sign in from a
/// private window" next (the article had no other names for it, and a question anywhere hid
/// the deed); "paused zapier and now invoices load" was "didn't catch that" (rv46 F15).
#[test]
fn a_fix_told_by_another_name_before_a_question_is_that_fix() {
    let kb = shipped_kb();
    let mut chat = at_the_first_fix_of(&kb, Browser::Chrome, "service-unavailable-503");
    chat.say("waited like 10 min and reloaded, same thing");
    let second = open_title(&chat).expect("the second fix");
    let out = chat.say(
        "tried the incognito thing, same 503, but i noticed it only happens on the invoices page, is that normal?",
    );
    assert_says(&out, "Sign in from a private window");
    assert_eq!(
        outcome_of(&chat, "Sign in from a private window"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(outcome_of(&chat, &second), None, "{}", all_text(&out));
    assert_eq!(open_title(&chat), Some(second));
    let out = chat.say("ok paused zapier and now invoices load!! so was it zapier?");
    assert_says(
        &out,
        "Shall I note **Pause third-party apps and automations**",
    );
    // The things that failed, said to load now.
    for said in ["now invoices load", "reports load now"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert_says(&out, "Shall I note");
    }
    let mut chat = at_the_first_page_fix(&kb);
    let out = chat.say("invoices dont load now");
    assert!(!has(&out, "Shall I note"), "{}", all_text(&out));
}

/// Found by a user explorer (rv46 F6): "IT wont change anything" at the security-software
/// test was "fails there too", and ruled out the fix after it; said with a request for a
/// person, the ticket said the user had turned the antivirus off and it failed.
#[test]
fn what_someone_else_will_not_change_is_no_test_result() {
    let kb = shipped_kb();
    for (said, handed_over) in [
        ("IT wont change anything", false),
        ("they won't change anything without approval", false),
        (
            "IT says they wont change anything until intuit confirms. can i talk to someone",
            true,
        ),
    ] {
        let mut chat = at_the_first_fix_of(&kb, Browser::Edge, "firewall-antivirus-proxy");
        chat.say("no");
        let test = open_title(&chat).expect("the second test");
        chat.say(said);
        assert!(
            !matches!(outcome_of(&chat, &test), Some(Outcome::NotFixed)),
            "{said}: {:?}",
            chat.session.attempts
        );
        if !handed_over {
            assert_eq!(
                outcome_of(&chat, &test),
                Some(Outcome::CouldNotTry),
                "{said}"
            );
        }
    }
}

/// Found by a user explorer (rv46 F7): "cant turn off vpn but works on hotspot" at "Try
/// without the VPN and on another network" was "couldn't try", losing where it works; and "on
/// my phone with wifi off it works" made the ticket's device a phone.
#[test]
fn a_test_half_done_with_a_result_is_its_result() {
    let kb = shipped_kb();
    for said in [
        "cant turn off vpn but works on hotspot",
        "i cant turn off the vpn, IT controls it. but on my phone with wifi off it works",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("im on edge on my work laptop");
        chat.act(Action::Article("firewall-antivirus-proxy".into()));
        let test = open_title(&chat).expect("the first test");
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, &test),
            Some(Outcome::WorksThere),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            chat.session.device,
            Some(supportbot::device::Device::Computer),
            "{said}"
        );
    }
}

/// Found by a user explorer (rv46 F2): "this isnt about banking, i cant even sign in" at the
/// 502 article's bank fix opened the bank-feed article, the one the user ruled out. The bank
/// fix is skipped as not for the user; "its not a bank feed problem" is the same.
#[test]
fn a_fix_s_thing_denied_with_more_of_the_problem_skips_that_fix() {
    let kb = shipped_kb();
    for said in [
        "this isnt about banking, i cant even sign in",
        "its not a bank feed problem",
    ] {
        let mut chat = at_the_first_fix_of(&kb, Browser::Edge, "quickbooks-error-502");
        let bank = open_title(&chat).expect("the bank fix");
        assert!(bank.contains("bank"), "{bank}");
        let out = chat.say(said);
        assert_says(&out, "doesn't apply to you");
        assert_eq!(
            outcome_of(&chat, &bank),
            Some(Outcome::NotForThem),
            "{said}"
        );
        assert_eq!(
            chat.session.article(),
            Some("quickbooks-error-502"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv46 F1): "sorry i meant desktop, its QB desktop 2023" in the
/// PS077 walk was read as the problem corrected: the payroll article was dropped and the
/// firewall one opened, unasked. A product corrected is no other problem.
#[test]
fn a_product_corrected_keeps_the_problem() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("PS077 in qbo");
    let out = chat.say("sorry i meant desktop, its QB desktop 2023");
    assert_eq!(
        chat.session.article(),
        Some("payroll-not-updating"),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv46 F13): "its working now, no idea why" and "works now. weird"
/// offered the fix on screen as what fixed it; the user does not know what did.
#[test]
fn works_now_with_no_idea_why_credits_nothing() {
    let kb = shipped_kb();
    for said in ["its working now, no idea why", "works now. weird"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert_says(&out, "I haven't noted any of my fixes");
        assert!(!chat.recorded(Outcome::Fixed), "{said}");
    }
}

/// Found by a user explorer (rv46 F14): after "Glad that worked!", "does a blank page mean my
/// data is gone?" opened the article again at the fix that had just worked, and "wait, does
/// qbo even have PS errors?" asked "Is this it?". A question the fixed article's FAQ answers
/// is answered; the fix stands.
#[test]
fn a_question_after_the_fix_is_answered_and_the_fix_stands() {
    let kb = shipped_kb();
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("fixed");
    assert!(chat.recorded(Outcome::Fixed));
    let out = chat.say("does a blank page mean my data is gone?");
    assert_says(&out, "company data is stored on the QuickBooks servers");
    assert!(!has(&out, "Solution 1 of"), "{}", all_text(&out));
    assert_eq!(open_title(&chat), None);
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    assert!(chat.recorded(Outcome::Fixed));
    let mut chat = Chat::new(&kb);
    chat.say("PS077");
    chat.say("fixed");
    let out = chat.say("wait, does qbo even have PS errors?");
    assert_says(&out, "PS errors come from QuickBooks Desktop Payroll");
    assert!(!has(&out, "Is this it?"), "{}", all_text(&out));
}

/// Found by a user explorer (rv46 F19, rv45 F4): "it works when i use my hotspot" at "Reload
/// the page fully" was offered as the reload having worked. Where it works is noted; the
/// question stays.
#[test]
fn works_on_another_network_is_where_it_works() {
    let kb = shipped_kb();
    for said in ["it works when i use my hotspot", "works fine at home"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert_says(&out, "Good to know it works there");
        assert_eq!(outcome_of(&chat, "Reload the page fully"), None, "{said}");
    }
}

/// Found by a user explorer (rv46 F10): at "Is this it?", "did ctrl f5 like 5 times, nothing"
/// was added to the description (with the sentence model the list grew vaguer at each reply,
/// and the ticket said "Steps tried: none"). A step of the article offered, told as done with
/// how it went, opens that article; a fix told as failed is recorded so and skipped.
#[test]
fn a_step_told_at_is_this_it_opens_the_article_and_counts() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Edge)));
    let out = chat.say("quickbooks shows nothing");
    assert_says(&out, "Is this it?");
    let out = chat.say("did ctrl f5 like 5 times, nothing");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    assert_says(&out, "you already tried **Reload the page fully**");
    assert_eq!(
        outcome_of(&chat, "Reload the page fully"),
        Some(Outcome::NotFixed)
    );
    assert_eq!(open_title(&chat).as_deref(), Some("Try a private window"));
    // A question is no step told.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows nothing");
    let out = chat.say("should i do ctrl f5?");
    assert_eq!(chat.session.article(), None, "{}", all_text(&out));
}

/// Found by a user explorer (rv46 F8): in the payroll walk, "oh wait this is desktop" jumped
/// to the fix with "Desktop" in its title; at "Is this it?", "yes, its quickbooks desktop pro
/// 2023 not online" ran a live check ("not online") and "yes its desktop" left the note that
/// the user had said QuickBooks Online; "status says Inactive" at "Verify the payroll
/// subscription" was only "noted".
#[test]
fn the_product_said_and_a_check_s_fault_are_read_in_the_payroll_walk() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("PS077");
    let open = open_title(&chat).expect("the code's fix");
    let out = chat.say("oh wait this is desktop");
    assert_says(&out, "Got it, QuickBooks Desktop");
    assert_eq!(open_title(&chat), Some(open.clone()));
    assert_eq!(outcome_of(&chat, &open), None);
    let out = chat.say("status says Inactive");
    assert_says(&out, "may well be the cause");
    assert_eq!(open_title(&chat), Some(open.clone()));
    assert_eq!(outcome_of(&chat, &open), None);

    for said in [
        "yes, its quickbooks desktop pro 2023 not online",
        "yes its desktop",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say("payroll issue qbo");
        assert_says(&out, "Is this it?");
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .all(|e| !matches!(e, Effect::Check { .. })),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            chat.session.article(),
            Some("payroll-not-updating"),
            "{said}"
        );
        assert!(
            !has(&out, "you mentioned QuickBooks Online"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// "PS 077" and "ps77" are the payroll article's PS077, walked from the fix that code points to
/// (fix 3, "Verify the payroll subscription") as "PS077" is; "ps 12 employees" is no code.
/// Found by an exploratory tester (rv46 F11).
#[test]
fn a_letter_code_written_apart_or_short_is_the_listed_code() {
    let kb = shipped_kb();
    for said in [
        "PS077",
        "PS 077",
        "ps77",
        "payroll update fails with ps-077",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_eq!(
            chat.session.article(),
            Some("payroll-not-updating"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            chat.session.current_step().map(|s| s.solution),
            Some(2),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    let out = chat.say("ps 12 employees missing from payroll");
    assert!(!has(&out, "points to fix"), "{}", all_text(&out));
}

/// Asking for the live check again in everyday words runs it, mid-walk and at "Is it one of
/// these?" as "check again" does: it was "I can't help with that here" or "didn't catch", and
/// at the list the request was added to the description. With a ticket open, "status?" asks
/// where the ticket stands. Found by an exploratory tester (rv46 F9).
#[test]
fn asking_for_the_check_again_in_other_words_runs_it() {
    let kb = shipped_kb();
    let checks = |out: &Output| {
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. }))
    };
    for ask in [
        "can you check again if its down",
        "pls check again if its down",
        "run the check again",
        "check status",
        "status?",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("502 bad gateway in edge");
        let out = chat.say(ask);
        assert!(checks(&out), "{ask} mid-walk: {}", all_text(&out));
        assert_eq!(
            chat.session.article(),
            Some("quickbooks-error-502"),
            "{ask}"
        );
        // ("Is it one of these?" and "Is this it?")
        for first in ["gateway problem", "quickbooks keeps logging me out"] {
            let mut chat = Chat::new(&kb);
            chat.say(first);
            assert!(
                matches!(chat.session.stage, Stage::ChoosingArticle { .. }),
                "{first}: {:?}",
                chat.session.stage
            );
            let descriptions = chat.session.descriptions.len();
            let out = chat.say(ask);
            assert!(checks(&out), "{ask} at {first}: {}", all_text(&out));
            assert_eq!(chat.session.descriptions.len(), descriptions, "{ask}");
        }
    }
    let mut chat = Chat::new(&kb);
    chat.say("502 bad gateway in edge");
    chat.event(Event::Escalate { note: None });
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    let out = chat.say("status?");
    assert!(
        matches!(out.effects.as_slice(), [Effect::TicketStatus]),
        "{out:?}"
    );
}

/// Stepping away in other words than "brb" gets the same "Take your time", with the fix still
/// open and nothing recorded or noted for staff: "afk", "lunch, back in an hour" and "on it"
/// were "didn't catch", and "ok let me restart my computer" was noted for the support team.
/// Found by an exploratory tester (rv46 F16).
#[test]
fn stepping_away_in_other_words_is_taken_as_brb_is() {
    let kb = shipped_kb();
    for away in [
        "brb",
        "afk",
        "lunch, back in an hour",
        "on it",
        "ok let me restart my computer",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks online page is blank in chrome");
        let step = chat.session.current_step();
        assert!(step.is_some());
        let out = chat.say(away);
        assert!(has(&out, "Take your time"), "{away}: {}", all_text(&out));
        assert_eq!(chat.session.current_step(), step, "{away}");
        assert!(
            chat.session.asides.is_empty(),
            "{away}: {:?}",
            chat.session.asides
        );
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "{away}"
        );
    }
}

/// Two problems joined with "and (also)" keep the second as "Also mentioned": an error code said
/// alone ("PS077 and also H202 ...", "error 502 and 504") is a part of its own, and the walked
/// article far behind the other one ("payroll" at a third of the bank feed's score by "not
/// updating") does not hide it. Found by an exploratory tester (rv46 F12).
#[test]
fn a_second_problem_joined_with_and_is_also_mentioned() {
    let kb = shipped_kb();
    for (said, walked, also) in [
        (
            "PS077 and also H202 when opening the company file",
            "company-file-not-opening",
            "payroll-not-updating",
        ),
        (
            "PS038 paychecks stuck online to send, and bank feed not updating since monday",
            "payroll-not-updating",
            "bank-feed-not-updating",
        ),
        (
            "error 502 and 504",
            "quickbooks-error-502",
            "gateway-timeout-504",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_eq!(chat.session.article(), Some(walked), "{said}");
        assert_eq!(also_mentioned(&out).len(), 1, "{said}: {}", all_text(&out));
        assert_eq!(
            chat.session.also_named.as_ref().map(|o| o.id.as_str()),
            Some(also),
            "{said}"
        );
    }
    // A lone word that is no code is no problem of its own.
    let mut chat = Chat::new(&kb);
    let out = chat.say("502 bad gateway in chrome and edge, desktop 2023");
    assert!(also_mentioned(&out).is_empty(), "{}", all_text(&out));
}

/// A Spanish description that names the product and no greeting gets the English-only note, as
/// "hola, quickbooks no carga" does: "no puedo entrar a quickbooks, me saca cada rato" was "I
/// don't know this one". Found by an exploratory tester (rv46 F17).
#[test]
fn spanish_naming_the_product_is_told_to_be_read_in_english_only() {
    let kb = shipped_kb();
    for said in [
        "no puedo entrar a quickbooks, me saca cada rato",
        "quickbooks online no carga, pagina en blanco",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            has(&out, "I read English only | That looks like Spanish"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv46 F18): a question the bot answered from the FAQ ("what do i
/// tell IT?") was listed on the ticket among the "asides, replies not understood", so staff
/// would think it was missed. It is listed as asked and answered, with the entry.
#[test]
fn a_question_answered_from_the_faq_is_listed_as_answered_for_staff() {
    let kb = shipped_kb();
    let mut chat = at_the_first_fix_of(&kb, Browser::Edge, "firewall-antivirus-proxy");
    let out = chat.say("what do i tell IT?");
    assert_says(&out, "What should I tell my IT team?");
    chat.say("ugh this is taking forever lol");
    let summary =
        supportbot::escalation::summary::Summary::capture(&chat.session, None, None, "rev", 0);
    let transcript = summary.transcript_markdown("T-0001");
    let answered = transcript
        .split("## Asked and answered from the knowledge base")
        .nth(1)
        .unwrap_or_else(|| panic!("{transcript}"));
    assert!(answered.contains("what do i tell IT?"), "{transcript}");
    assert!(
        answered.contains("What should I tell my IT team?"),
        "{transcript}"
    );
    let not_understood = transcript
        .split("## Other things the user said")
        .nth(1)
        .and_then(|rest| rest.split("## Asked and answered").next())
        .unwrap_or_default();
    assert!(
        !not_understood.contains("what do i tell IT?"),
        "{transcript}"
    );
    let card = summary.card("T-0001");
    assert!(
        card.description
            .contains("1 question answered from the knowledge base"),
        "{}",
        card.description
    );
}

/// A review of the rv46 fixes found messages each new reading took wrongly; each is read as
/// before those fixes.
#[test]
fn the_rv46_readings_leave_these_alone() {
    let kb = shipped_kb();
    // Trouble beside "again"/"now" is no fix; a fix credited with "not sure how long" stands;
    // "on my laptop it works now" is where the user is; a number after a thing, past a comma,
    // is still the error; "it" will not change is a result, IT (the department) is not; someone
    // else calling is no request; "maybe later" after "nope" is a failure.
    for (said, expect_fix_offer, expect_outcome) in [
        ("page is stuck loading again", false, None),
        ("only the dashboard will load now", false, None),
        ("now a popup appears", false, None),
        (
            "that worked! not sure how long it will last though",
            true,
            None,
        ),
        ("ok on my laptop it works now", true, None),
        (
            "did it 3 times, it wont change anything",
            false,
            Some(Outcome::NotFixed),
        ),
        (
            "nope, maybe later it will work",
            false,
            Some(Outcome::NotFixed),
        ),
        ("no sé, still not working", false, Some(Outcome::NotFixed)),
        (
            "still blank, my accountant will call me at 3 about it",
            false,
            Some(Outcome::NotFixed),
        ),
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert_eq!(
            has(&out, "Shall I note"),
            expect_fix_offer,
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            expect_outcome,
            "{said}"
        );
        assert!(out.effects.is_empty(), "{said}: {:?}", out.effects);
    }
    let mut chat = at_the_first_fix_of(&kb, Browser::Chrome, "quickbooks-error-502");
    let open = open_title(&chat).expect("a fix");
    chat.say("hmm, opened the invoice, 502 again");
    assert_eq!(outcome_of(&chat, &open), Some(Outcome::NotFixed));
    // A check found in order, a fault denied: the fix is ruled out as before, no "cause".
    let mut chat = Chat::new(&kb);
    chat.say("PS077");
    let open = open_title(&chat).expect("the code's fix");
    let out = chat.say("status is active, nothing wrong there");
    assert!(!has(&out, "may well be the cause"), "{}", all_text(&out));
    assert_ne!(open_title(&chat), Some(open));
    // "its updating again but stuck" is no fix.
    let mut chat = Chat::new(&kb);
    chat.say("PS077");
    let out = chat.say("its updating again but stuck at 99%");
    assert!(!chat.recorded(Outcome::Fixed), "{}", all_text(&out));
    // The offer turned down, with a step told: no article opened.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks shows nothing");
    let out = chat.say("no thats not it, i already reloaded it a bunch");
    assert_eq!(chat.session.article(), None, "{}", all_text(&out));
    // "redo the test" at a test step is that test, no live check.
    let mut chat = at_the_first_fix_of(&kb, Browser::Edge, "firewall-antivirus-proxy");
    let out = chat.say("redo the test");
    assert!(
        !out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
    // "run the check again" still runs it.
    let out = chat.say("run the check again");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv47 F3): "cant, its a work laptop and private mode is disabled by
/// IT" at "Try a private window" was recorded as "works there" ("work laptop" read as "works",
/// since a part not done no longer hid the rest). Nothing else told: it could not be tried.
#[test]
fn a_test_that_could_not_be_run_on_a_work_laptop_is_not_run() {
    let kb = shipped_kb();
    for said in [
        "cant, its a work laptop and private mode is disabled by IT",
        "cant, private mode is disabled on my work laptop",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say("no");
        assert_eq!(open_title(&chat).as_deref(), Some("Try a private window"));
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Try a private window"),
            Some(Outcome::CouldNotTry),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv47 F1): "we get H202 when opening the company file on the
/// server from a workstation" was read as the server test failing: the test was skipped and
/// the ticket said "fails there too". The server is where the file lives; the user is at a
/// workstation, so the test is still asked.
#[test]
fn a_file_on_the_server_opened_from_a_workstation_is_no_server_test() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out =
        chat.say("we get H202 when opening the company file on the server from a workstation");
    assert!(!has(&out, "so I'll skip that test"), "{}", all_text(&out));
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Open the file on the server"),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::FailsThere));
}

/// Found by a user explorer (rv47 F4): after "Fixed", "great. now another client of mine has
/// the exact same blank page thing" was read as the fix not lasting, and the first client's
/// fix was taken back. Another client's (or person's, or computer's) trouble is a new problem:
/// the fix stands.
#[test]
fn the_same_trouble_for_another_client_after_a_fix_leaves_the_fix() {
    let kb = shipped_kb();
    for said in [
        "great. now another client of mine has the exact same blank page thing",
        "thanks! my coworker has the same blank page problem on her computer",
        "ok now a different client has the same issue",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.fixed();
        assert!(chat.recorded(Outcome::Fixed));
        let out = chat.say(said);
        assert!(!has(&out, "didn't last"), "{said}: {}", all_text(&out));
        assert!(has(&out, "stays noted"), "{said}: {}", all_text(&out));
        // Theirs is walked from the start, nothing of the user's own walk taken back.
        assert!(!chat.recorded(Outcome::NotFixed), "{said}");
        assert_eq!(
            open_title(&chat).as_deref(),
            Some("Reload the page fully"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv47 F2): with another client's H202 test on screen, "ok going
/// back to the chase feed, I disconnected and reconnected and it still says 103" was taken as
/// the test's answer ("it still fails where you are"), and the bank fix stayed "no answer".
/// Going back to the problem left takes it up again, and what the words say of its open fix
/// is that fix's result.
#[test]
fn going_back_to_the_problem_left_takes_it_up_with_what_was_said_of_its_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("bank feed for the chase account hasnt updated since friday, error 103");
    chat.say("still broken");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Disconnect and reconnect the account")
    );
    chat.say("different client now, they get H202 on a workstation");
    chat.act(Action::Article("company-file-not-opening".into()));
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Open the file on the server")
    );
    let out = chat.say(
        "ok going back to the chase feed, I disconnected and reconnected and it still says 103",
    );
    assert_eq!(
        chat.session.article(),
        Some("bank-feed-not-updating"),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        outcome_of(&chat, "Disconnect and reconnect the account"),
        Some(Outcome::NotFixed),
        "{}",
        all_text(&out)
    );
    // The other client's test was left, not answered.
    assert_eq!(
        outcome_of(&chat, "Open the file on the server"),
        Some(Outcome::NoAnswer)
    );
    // "that step" said on going back is the step left open, not the first untried one.
    let mut chat = Chat::new(&kb);
    chat.say("bank feed for the chase account hasnt updated since friday, error 103");
    chat.say("still broken");
    chat.say("different client now, they get H202 on a workstation");
    chat.act(Action::Article("company-file-not-opening".into()));
    let out =
        chat.say("ok going back to the chase feed, did that step again and it still says 103");
    assert_eq!(
        outcome_of(&chat, "Disconnect and reconnect the account"),
        Some(Outcome::NotFixed),
        "{}",
        all_text(&out)
    );
    assert_eq!(outcome_of(&chat, "Update the bank feed manually"), None);
    // A result said before the move answers the step on screen first.
    let mut chat = Chat::new(&kb);
    chat.say("bank feed for the chase account hasnt updated since friday, error 103");
    chat.say("still broken");
    chat.say("different client now, they get H202 on a workstation");
    chat.act(Action::Article("company-file-not-opening".into()));
    let out = chat.say("it wont open on the server either. going back to the chase feed now");
    assert_eq!(
        outcome_of(&chat, "Open the file on the server"),
        Some(Outcome::FailsThere),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        chat.session.article(),
        Some("bank-feed-not-updating"),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv47 F10): "useless. human please" and "waste of time, agent" at
/// a fix handed over with the fix on screen left "no answer". The walk judged no help, beside
/// the request for a person, says that fix did not help either.
#[test]
fn no_help_said_with_a_request_for_a_person_records_the_fix_as_failed() {
    let kb = shipped_kb();
    for said in ["useless. human please", "waste of time, agent"] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NotFixed),
            "{said}"
        );
    }
    // (Found by the review of the rv47 fixes: at a test, "useless" says nothing of where it
    // works; it was recorded as "fails there too".)
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks desktop H505 when opening company file from workstation");
    let test = open_title(&chat).expect("the server test is open");
    chat.say("this is useless. human please");
    assert_eq!(outcome_of(&chat, &test), Some(Outcome::NoAnswer));
}

/// Found by a user explorer (rv47 F12): after a hand-over, "actually nvm i dont need a person,
/// lets keep trying the steps" was not understood, and the walk could not be taken up again.
/// It goes on with the fixes not yet said to fail; the ticket stays open.
#[test]
fn more_steps_asked_for_after_a_hand_over_takes_the_walk_up_again() {
    let kb = shipped_kb();
    let mut chat = at_the_first_page_fix(&kb);
    chat.not_fixed();
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    chat.session.leave_pending();
    chat.session.stage = Stage::Escalated {
        article: Some("page-not-loading".into()),
    };
    let out = chat.say("actually nvm i dont need a person, lets keep trying the steps");
    assert!(has(&out, "**T-0004** stays open"), "{}", all_text(&out));
    let open = open_title(&chat).expect("a step open");
    assert_ne!(open, "Reload the page fully", "{}", all_text(&out));
    assert!(out.effects.is_empty(), "{:?}", out.effects);
}

/// Found by a user explorer (rv47 F15): after a hand-over, "hello?? anyone there its been 5
/// hours" and "this is unacceptable" got "I don't have an article for that". Someone waiting
/// on a ticket hears where it stands.
#[test]
fn waiting_on_a_ticket_in_words_gets_where_it_stands() {
    let kb = shipped_kb();
    for said in [
        "hello?? anyone there its been 5 hours",
        "this is unacceptable",
        "no one replied yet??",
        // ("support" named the unsupported-browser article; left over from rv47's review.)
        "still nothing from support",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("blank page in quickbooks online");
        chat.session.ticket = Some(supportbot::ids::TicketId(4));
        chat.session.ticket_open = true;
        chat.session.stage = Stage::Escalated {
            article: Some("page-not-loading".into()),
        };
        let out = chat.say(said);
        assert_eq!(
            out.effects,
            vec![Effect::TicketStatus],
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv47 F13): "will this affect the payroll run tonight?" in the 503
/// walk got "I can't help with that here". The 503 article answers it in its FAQ now, and the
/// fix on screen stays the question.
#[test]
fn a_payroll_deadline_asked_in_the_503_walk_is_answered() {
    let kb = shipped_kb();
    let mut chat = at_the_first_fix_of(&kb, Browser::Chrome, "service-unavailable-503");
    let open = open_title(&chat).expect("a fix");
    let out = chat.say("will this affect the payroll run tonight?");
    assert!(has(&out, "payroll run"), "{}", all_text(&out));
    assert!(!has(&out, "can't help"), "{}", all_text(&out));
    assert_eq!(open_title(&chat), Some(open));
}

/// Found by a user explorer (rv47 F7, F8): "quickbooks online wont load", which gives no
/// error code, walked the 502 article lexically (56%, the blank-page article at 49%); "hi quick
/// books online keeps kicking me out" ranked the outage article first ("book" met its words).
/// The first is asked about, with the blank-page article among the choices; the second has the
/// login-loop article first.
#[test]
fn a_vague_description_without_a_code_is_asked_and_quick_books_is_one_word() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("quickbooks online wont load");
    assert_eq!(chat.session.article(), None, "{}", all_text(&out));
    assert!(
        actions(&out).contains(&Action::Article("page-not-loading".into())),
        "{}",
        all_text(&out)
    );
    for said in [
        "quickbooks online keeps kicking me out",
        "hi quick books online keeps kicking me out rn idk why",
    ] {
        let ranking = kb.rank(said, 5);
        assert_eq!(
            kb.article_at(ranking.matches[0].doc).id,
            "login-loop-signed-out",
            "{said}"
        );
    }
    // With its code, the 502 article is walked as before.
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online wont load, error 502");
    assert_eq!(chat.session.article(), Some("quickbooks-error-502"));
}

/// Found by a user explorer (rv47 F6): at "Reload the page fully", a dictated "tried in cognito
/// same thing" was recorded as the reload failing, and the private-window test was asked
/// next. "in cognito" is "incognito": the test's result (it fails there too), not the fix's.
#[test]
fn a_dictated_in_cognito_is_the_private_window_test() {
    let kb = shipped_kb();
    for said in [
        "tried in cognito same thing",
        "also tried In-Cognito same thing",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Try a private window"),
            Some(Outcome::FailsThere),
            "{said}: {}",
            all_text(&out)
        );
        assert_ne!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NotFixed),
            "{said}: {}",
            all_text(&out)
        );
        assert_ne!(
            open_title(&chat).as_deref(),
            Some("Try a private window"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv47 F16): a code with a letter o for a zero ("1o3", "ps o38") or
/// said in spoken digits ("one oh three") found the article but not the code's own fix, and
/// "five oh three error in quick books" found nothing. Each is the listed code now; ordinary
/// words with digits in them are no code.
#[test]
fn a_code_with_an_o_or_in_spoken_digits_opens_its_fix() {
    let kb = shipped_kb();
    for (said, article, fix) in [
        (
            "bank feed error 1o3",
            "bank-feed-not-updating",
            "Update the bank sign-in details",
        ),
        (
            "bank feed says one oh three",
            "bank-feed-not-updating",
            "Update the bank sign-in details",
        ),
        (
            "ps o38",
            "payroll-not-updating",
            "Send paychecks stuck as \"online to send\"",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        chat.act(Action::Browser(Some(Browser::Chrome)));
        let out = chat.say(said);
        assert_eq!(
            chat.session.article(),
            Some(article),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(
            open_title(&chat).as_deref(),
            Some(fix),
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    let out = chat.say("five oh three error in quick books");
    assert_eq!(
        chat.session.article(),
        Some("service-unavailable-503"),
        "{}",
        all_text(&out)
    );
    // ("oh no", "five employees": no 503, no 500.)
    let mut chat = Chat::new(&kb);
    let out = chat.say("oh no, payroll wont update for my five employees, one or two of them");
    assert_ne!(
        chat.session.article(),
        Some("service-unavailable-503"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "error code you gave"), "{}", all_text(&out));
}

/// Found by a user explorer (rv47 F11): at "Try a private window", a user who does not know
/// what incognito is, or how to open one, got "No rush" instead of the test's steps; and "works
/// but i need it in my normal browser" (it works in the private window, the user wants the
/// usual one mended, which is where the walk goes) was taken as words about the usual window.
#[test]
fn at_the_private_window_test_not_knowing_how_gets_the_steps() {
    let kb = shipped_kb();
    for said in [
        "idk what incognito is",
        "not sure what a private window is",
        "didnt try it, i dont know how to do that",
        "havent tried, no idea how to do that",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say("no");
        assert_eq!(open_title(&chat).as_deref(), Some("Try a private window"));
        let out = chat.say(said);
        assert!(
            has(&out, "How to: Try a private window"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "No rush"), "{said}: {}", all_text(&out));
        assert_eq!(
            open_title(&chat).as_deref(),
            Some("Try a private window"),
            "{said}"
        );
    }
    for said in [
        "works but i need it in my normal browser",
        "it works there but i want it to work in my regular chrome",
    ] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.say("no");
        let out = chat.say(said);
        assert_eq!(
            outcome_of(&chat, "Try a private window"),
            Some(Outcome::WorksThere),
            "{said}: {}",
            all_text(&out)
        );
    }
    // Still: the usual window's trouble told at the test is no result of it.
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("no");
    let out = chat.say("its still blank in my normal chrome");
    assert!(has(&out, "that is your usual window"), "{}", all_text(&out));
}

/// Found by a user explorer (rv47 F14): "blank white page in qbo, happens in chrome at the
/// office and safari on my mac at home" named two browsers apart, both failing: the walk went
/// on with none, and the ticket said "Browser / device: not given". The first one named is
/// walked (as for "im on chrome and edge"), and the ticket names both.
#[test]
fn two_failing_browsers_told_apart_walk_the_first_and_the_ticket_names_both() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say(
        "blank white page in qbo, happens in chrome at the office and safari on my mac at home",
    );
    assert_eq!(
        chat.session.browser,
        Some(Browser::Chrome),
        "{}",
        all_text(&out)
    );
    chat.say("human");
    let summary =
        supportbot::escalation::summary::Summary::capture(&chat.session, None, None, "rev", 0);
    let transcript = summary.transcript_markdown("T-0001");
    let line = transcript
        .lines()
        .find(|l| l.contains("Browser / device"))
        .unwrap_or_else(|| panic!("{transcript}"));
    assert!(line.contains("Chrome"), "{line}");
    assert!(line.contains("Safari"), "{line}");
    assert!(!line.contains("not given /"), "{line}");
}

/// Found by a user explorer (rv47 F17): a ticket's "When" showed the time of its latest update,
/// not when it was opened. A summary added to the open ticket says both.
#[test]
fn a_ticket_added_to_says_when_it_was_opened() {
    use supportbot::escalation::{rules::file_escalation, summary::Summary, ticket::Ticket};
    let kb = shipped_kb();
    let mut chat = at_the_first_page_fix(&kb);
    chat.say("still blank");
    let opened = 1_767_225_600; // 2026-01-01T00:00:00Z
    let first = Summary::capture(&chat.session, None, None, "rev", opened);
    let ticket = Ticket::new(supportbot::escalation::ticket::TicketId(1), first, opened);
    chat.say("add to my ticket that it happens on every page");
    let later = Summary::capture(&chat.session, None, None, "rev", opened + 3600);
    let never = || -> Result<_, ()> { panic!("the ticket is open") };
    let (ticket, created) = file_escalation(Some(ticket), later, opened + 3600, never).unwrap();
    assert!(!created);
    let latest = ticket.summaries.last().expect("the added summary");
    let transcript = latest.transcript_markdown("T-0001");
    assert!(
        transcript.contains("- When: opened 2026-01-01T00:00:00Z, updated 2026-01-01T01:00:00Z"),
        "{transcript}"
    );
    assert!(
        latest
            .card("T-0001")
            .footer
            .contains("opened 2026-01-01T00:00:00Z"),
        "{}",
        latest.card("T-0001").footer
    );
}

/// Found by a user explorer (rv47 F17): a bare "👎" at "Which browser?", before any step was
/// tried, got "Sorry, I know it's still broken" (of nothing tried). It says no more than "no":
/// how to tell the browser, and the question again.
#[test]
fn a_thumbs_down_before_any_step_is_asked_about_not_apologised_for() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks says page expired");
    assert!(
        matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
        "{:?}",
        chat.session.stage
    );
    let out = chat.say("👎");
    assert!(!has(&out, "still broken"), "{}", all_text(&out));
    assert!(
        matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv47 F17): "kind of? it loads now but really slow" at "Reload the
/// page fully" was taken as the reload failing, and the walk went on to the private window. It
/// loads now, and slowness is the slow-performance article's: offered, the reload not failed.
#[test]
fn loads_now_but_slow_at_a_fix_offers_the_slow_article() {
    let kb = shipped_kb();
    for said in [
        "kind of? it loads now but really slow",
        "it loads now but really slow",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("blank page in quickbooks in chrome");
        let out = chat.say(said);
        assert_ne!(
            outcome_of(&chat, "Reload the page fully"),
            Some(Outcome::NotFixed),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            has(&out, "QuickBooks Online Is Slow or Lagging"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// A conversation handed over (ticket T-0004 open) after "quickbooks online shows a blank
/// page" was walked.
fn handed_over_on_a_blank_page(kb: &KnowledgeBase) -> Chat<'_> {
    let mut chat = Chat::new(kb);
    chat.say("quickbooks online shows a blank page");
    chat.session.ticket = Some(supportbot::ids::TicketId(4));
    chat.session.ticket_open = true;
    chat.session.leave_pending();
    chat.session.stage = Stage::Escalated {
        article: Some("page-not-loading".into()),
    };
    chat
}

/// A review of this session's rv47 fixes found these read wrongly by them: a new problem or a
/// question after a hand-over taken as "keep going with the steps" or as waiting on the
/// ticket; the fix's own trouble back for the client walked ("my client ... again") taken as
/// someone else's.
#[test]
fn the_rv47_readings_leave_these_alone() {
    let kb = shipped_kb();
    for said in [
        "new problem: payroll update fails with PS038 when i click the next step",
        "my bank feed also needs more fixes, error 103 on chase",
        "payroll now says PS038, been waiting since monday",
        "i get H202, anyone here know why",
    ] {
        let mut chat = handed_over_on_a_blank_page(&kb);
        let out = chat.say(said);
        assert_ne!(
            chat.session.article(),
            Some("page-not-loading"),
            "{said}: {}",
            all_text(&out)
        );
        assert_ne!(out.effects, vec![Effect::TicketStatus], "{said}");
    }
    // The client walked, with the trouble back: the fix did not last.
    let mut chat = Chat::new(&kb);
    chat.act(Action::Browser(Some(Browser::Chrome)));
    chat.say("my client's quickbooks online shows a blank page");
    assert_eq!(chat.session.article(), Some("page-not-loading"));
    chat.fixed();
    for said in [
        "my client is getting the same blank page again",
        "my client has the same blank page",
    ] {
        let out = chat.say(said);
        assert!(
            !has(&out, "Glad yours is sorted"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Left by the review of the rv47 fixes: "hello? its been 3 hours" and "any one there??"
/// while a ticket waits get where it stands; "never mind the
/// human, show me the other solutions" takes the walk up again instead of handing over; "wont
/// load since 2pm" and "wont load, bad connection" are asked about like "wont load".
#[test]
fn waiting_and_taking_back_the_person_after_a_hand_over_are_understood() {
    let kb = shipped_kb();
    for said in ["hello? its been 3 hours", "any one there??"] {
        let mut chat = handed_over_on_a_blank_page(&kb);
        let out = chat.say(said);
        assert_eq!(
            out.effects,
            vec![Effect::TicketStatus],
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = handed_over_on_a_blank_page(&kb);
    let out = chat.say("never mind the human, show me the other solutions");
    assert!(out.effects.is_empty(), "{:?}", out.effects);
    assert!(open_title(&chat).is_some(), "{}", all_text(&out));
    // ("its been blank for 3 hours" says what is wrong.)
    assert!(!supportbot::understand::waits_on_the_ticket(
        "its been blank for 3 hours"
    ));
    for said in [
        "quickbooks online wont load since 2pm",
        "qbo wont load, bad connection",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert_ne!(
            chat.session.article(),
            Some("quickbooks-error-502"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Left by the review of the rv47 fixes: the app warning shown with a list of articles was
/// shown when the app is where it works ("the qbo app on my phone is fine, on my laptop it
/// wont load").
#[test]
fn the_app_said_to_work_gets_no_app_warning() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("the qbo app on my phone is fine, on my laptop it wont load");
    assert!(
        !has(&out, "You mentioned the mobile app"),
        "{}",
        all_text(&out)
    );
    let mut chat = Chat::new(&kb);
    let out = chat.say("the quickbooks app on my phone keeps crashing when i open it");
    assert!(has(&out, "app"), "{}", all_text(&out));
}

/// Found by a user explorer (rv48 F1): "no... actually yes it updated" and "nope. oh hang on,
/// yes it's there now" at "Did this fix it?" were recorded as the fix failing. The answer
/// taken back at once is not the answer: the yes after it is.
#[test]
fn a_no_taken_back_at_once_is_the_yes_after_it() {
    let kb = shipped_kb();
    for said in [
        "no... actually yes it updated",
        "nope. oh hang on, yes it's there now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed not updating wells fargo");
        let open = open_title(&chat).expect("a fix");
        let out = chat.say(said);
        assert_ne!(
            outcome_of(&chat, &open),
            Some(Outcome::NotFixed),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            chat.recorded(Outcome::Fixed) || has(&out, "Shall I note"),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv48 F7): "can you go back to the first step" answered an FAQ
/// entry ("Error 102 keeps coming back"), and "back to step 1" was "noted for the support
/// team". Both show the first fix shown, and the question stays on the fix on screen.
#[test]
fn back_to_the_first_step_shows_the_first_fix() {
    let kb = shipped_kb();
    for said in ["can you go back to the first step", "back to step 1"] {
        let mut chat = at_the_first_page_fix(&kb);
        chat.not_fixed();
        chat.not_fixed();
        let open = open_title(&chat).expect("a fix on screen");
        let out = chat.say(said);
        assert!(
            has(&out, "Reload the page fully"),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(open_title(&chat), Some(open.clone()), "{said}");
        assert!(!has(&out, "noted"), "{said}: {}", all_text(&out));
    }
}

/// Found by a user explorer (rv48 F2): with the H505 fixes walked and another client's
/// payroll problem held, "the payroll one is working now" was taken as the company-file fix
/// working ("Shall I note Check hosting ... as what fixed it?"). It is the payroll problem's
/// news: it is no longer held, nothing of this walk is recorded, and the question stays.
#[test]
fn news_of_the_problem_held_is_not_the_fix_on_screen() {
    let kb = shipped_kb();
    for news in [
        "the payroll one is working now",
        "oh btw the payroll client just texted me, that one is fixed now!",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say("quickbooks desktop H505 when opening company file from workstation");
        // "It works there" at the server test, then "Switch to Payroll ...".
        chat.act(question(&out).choices[0].action.clone());
        let out = chat.say("also payroll update fails PS038 for another client");
        chat.act(question(&out).choices[1].action.clone());
        assert_eq!(chat.session.article(), Some("payroll-not-updating"));
        chat.say("ok back to the H505 one");
        assert_eq!(chat.session.article(), Some("company-file-not-opening"));
        let step = open_title(&chat).expect("a step is open");
        let out = chat.say(news);
        assert_eq!(outcome_of(&chat, &step), None, "{news}: {}", all_text(&out));
        assert_eq!(open_title(&chat), Some(step.clone()), "{news}");
        assert!(
            chat.session.also_named.is_none(),
            "{news}: {}",
            all_text(&out)
        );
        assert!(
            has(&out, "Payroll Update Fails"),
            "{news}: {}",
            all_text(&out)
        );
    }
}

/// Found by the review of the rv48 F2 fix: with the blank page walked and the bank feed held,
/// "ok that worked, no more errors", "i updated chrome and now it works" and "works now,
/// thanks, the connection was the issue" were taken as the bank feed's news (its title has
/// "Errors", "Updating", "Connection"); they are the fix on screen's.
#[test]
fn words_common_to_titles_are_no_news_of_the_problem_held() {
    let kb = shipped_kb();
    for said in [
        "ok that worked, no more errors",
        "i updated chrome and now it works",
        "works now, thanks, the connection was the issue",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my quickbooks online page stays blank and spinning forever. also bank feed not updating");
        assert_eq!(chat.session.article(), Some("page-not-loading"));
        assert!(chat.session.also_named.is_some());
        let out = chat.say(said);
        assert!(!has(&out, "Good to hear"), "{said}: {}", all_text(&out));
        assert!(
            chat.session.also_named.is_some(),
            "{said}: {}",
            all_text(&out)
        );
    }
}

/// Found by a user explorer (rv48 F11): at a 504 fix, "can you see if qbo is working on your
/// end" and "is the server ok" got "I can't help with that here, but a person can", and "r u
/// guys having issues" "Sorry, I didn't catch that", with the check on screen as a choice.
/// Each runs the check, and the fix on screen is not recorded.
#[test]
fn asking_in_everyday_words_whether_the_service_works_runs_the_check() {
    let kb = shipped_kb();
    for asked in [
        "can you see if qbo is working on your end",
        "is the server ok",
        "r u guys having issues",
        "are you having problems right now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("reports time out with 504 gateway timeout");
        let step = open_title(&chat).expect("a step is open");
        let out = chat.say(asked);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Check { .. })),
            "{asked}: {}",
            all_text(&out)
        );
        assert_eq!(outcome_of(&chat, &step), None, "{asked}");
    }
}

/// Found by a user explorer (rv48 F15): at the bank feed, "can you check if wells fargo is
/// down?" checked QuickBooks, and its "up ... not down for everyone" read as the bank being
/// fine. The bot says it cannot check the bank, points to the article's step for the bank's
/// own site, runs no check, and the question stays.
#[test]
fn a_check_asked_of_the_bank_is_not_run_on_the_product() {
    let kb = shipped_kb();
    for asked in ["can you check if wells fargo is down?", "is my bank down"] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed not updating wells fargo");
        let step = open_title(&chat).expect("a step is open");
        let out = chat.say(asked);
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::Check { .. })),
            "{asked}: {}",
            all_text(&out)
        );
        assert!(has(&out, "I can't check"), "{asked}: {}", all_text(&out));
        assert!(
            has(&out, "Check the bank's own website"),
            "{asked}: {}",
            all_text(&out)
        );
        assert_eq!(open_title(&chat), Some(step), "{asked}");
    }
}

/// Found by a user explorer (rv48 F8): "will i lose my invoices i was entering" opened the
/// login loop at 67% (its words "lose" and "entering" are in that article's examples). With
/// no problem told, what happened is asked and nothing is walked; with the bank feed walked,
/// "will i lose transactions?" is answered from its FAQ, and the question stays.
#[test]
fn a_worry_about_lost_work_is_answered_not_walked() {
    let kb = shipped_kb();
    for worry in [
        "will i lose my invoices i was entering",
        "will i lose what i was typing",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(worry);
        assert_eq!(chat.session.article(), None, "{worry}: {}", all_text(&out));
        assert!(
            has(&out, "depends on what went wrong"),
            "{worry}: {}",
            all_text(&out)
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating wells fargo");
    let step = open_title(&chat).expect("a step is open");
    let out = chat.say("will i lose transactions?");
    assert!(
        has(
            &out,
            "Will I lose transactions while the feed is not updating?"
        ),
        "{}",
        all_text(&out)
    );
    assert_eq!(open_title(&chat), Some(step));
}

/// Found by a user explorer (rv48 F9, F10, F16): "is quickbooks down?? everyone in my office
/// has it" ran the check and showed its card alone (on "up": "the fixes in the article are
/// worth trying", with no article); "how long will it last?" and "payroll is due today what
/// do i do" were not answered from the outage article's FAQ; and "it works there" at its test
/// offered the company file and the bank feed. The check runs first, the outage article is
/// walked, its FAQ answers, and the test's "works there" offers the articles it names.
#[test]
fn an_office_wide_outage_asked_about_is_checked_and_walked() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("is quickbooks down?? everyone in my office has it");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Check { lead: true, .. })),
        "{}",
        all_text(&out)
    );
    assert_eq!(chat.session.article(), Some("service-outage"));
    let out = chat.say("how long will it last?");
    assert!(
        has(&out, "How long will the outage last?"),
        "{}",
        all_text(&out)
    );
    let out = chat.say("payroll is due today what do i do");
    assert!(
        has(&out, "What if payroll is due during an outage?"),
        "{}",
        all_text(&out)
    );
    let out = chat.act(question(&out).choices[0].action.clone());
    let offered: Vec<String> = question(&out)
        .choices
        .iter()
        .map(|c| c.label.clone())
        .collect();
    assert!(
        offered[0].contains("Page Not Loading") && offered[1].contains("Firewall"),
        "{offered:?}: {}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv48 F17): without the sentence model, "hi my bank thing stopped
/// pulling in wells fargo stuff since like tuesday?? im on my ipad" listed the browser-cache
/// article first (on "stop", "pull" and "stuff"), the bank feed second. A bank named, and
/// "pulling in", are the bank feed's words.
#[test]
fn a_bank_named_with_vague_words_finds_the_bank_feed() {
    let kb = shipped_kb();
    for said in [
        "hi my bank thing stopped pulling in wells fargo stuff since like tuesday?? im on my ipad",
        "chase isnt pulling in anything",
    ] {
        let ranking = kb.rank(said, 5);
        let first = ranking
            .matches
            .first()
            .map(|m| kb.article_at(m.doc).id.as_str());
        assert_eq!(first, Some("bank-feed-not-updating"), "{said}");
    }
}

/// Found by a user explorer (rv48 F18): "edge i think or chrome" at "Which browser?" got
/// "I'll go with Chrome, the first you named", and "chrome i think, or maybe safari" got
/// Safari: the first in the list of browsers, not in the text. The first named is taken.
#[test]
fn unsure_between_browsers_takes_the_one_named_first_in_the_text() {
    let kb = shipped_kb();
    for (said, first, label) in [
        ("edge i think or chrome", Browser::Edge, "Microsoft Edge"),
        ("chrome i think, or maybe safari", Browser::Chrome, "Chrome"),
        ("firefox probably, or edge", Browser::Firefox, "Firefox"),
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks keeps kicking me back to the sign in page over and over");
        assert!(
            matches!(chat.session.stage, Stage::ChoosingBrowser { .. }),
            "{said}"
        );
        let out = chat.say(said);
        assert!(
            has(&out, &format!("I'll go with {label}, the first you named")),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(chat.session.browser, Some(first), "{said}");
    }
}

/// Found by a user explorer (rv48 F12): "maybe?" at "Did this fix it?" was offered for noting
/// as the fix that worked ("It sounds like that worked"), and "maybe" was "Sorry, I didn't
/// catch that". A hedge alone cannot tell: the user is asked to check and say, nothing is
/// recorded, and the question stays on the fix. ("i think so?" still leans to yes.)
#[test]
fn a_maybe_at_did_this_fix_it_records_nothing_and_asks_to_check() {
    let kb = shipped_kb();
    for said in ["maybe?", "maybe", "maybe it did", "perhaps?", "not sure?"] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed not updating wells fargo");
        let step = chat.session.current_step();
        let out = chat.say(said);
        assert!(
            has(&out, "tell me when you know"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(
            !has(&out, "sounds like that worked"),
            "{said}: {}",
            all_text(&out)
        );
        assert!(!has(&out, "didn't catch"), "{said}: {}", all_text(&out));
        assert_eq!(chat.session.current_step(), step, "{said}");
        assert!(
            chat.session.attempts.iter().all(|a| a.outcome.is_none()),
            "{said}: {:?}",
            chat.session.attempts
        );
    }
    let mut chat = Chat::new(&kb);
    chat.say("bank feed not updating wells fargo");
    let out = chat.say("i think so?");
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
}

/// Found by a user explorer (rv48 F19): "oh wait it just started working??" after the
/// hand-over was offered for the ticket as a problem ("I don't have an article for that"),
/// though "nvm works now" told staff it works. Surprise is news, not a question; a question
/// of it ("is it working now?") is not news that it works.
#[test]
fn it_works_said_with_surprise_after_the_hand_over_tells_staff() {
    let kb = shipped_kb();
    for said in [
        "oh wait it just started working??",
        "its working now??",
        "it started working",
        "seems to be working now",
    ] {
        let mut chat = handed_over_on_a_blank_page(&kb);
        let out = chat.say(said);
        assert_eq!(
            out.effects,
            vec![Effect::AddToTicket { works_now: true }],
            "{said}: {}",
            all_text(&out)
        );
    }
    let mut chat = handed_over_on_a_blank_page(&kb);
    let out = chat.say("is it working now?");
    assert!(
        !out.effects
            .contains(&Effect::AddToTicket { works_now: true }),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv48 F14): "works now but i didnt do that step, my IT guy fixed
/// the router" at a fix was "No rush: try it when you can" (read as the step not tried), and
/// "my IT guy fixed the router and it works now" offered the fix on screen for noting. It
/// works, from something else: nothing credited, the user's words kept for staff.
#[test]
fn works_now_from_what_someone_else_did_credits_nothing() {
    let kb = shipped_kb();
    for said in [
        "works now but i didnt do that step, my IT guy fixed the router",
        "my IT guy fixed the router and it works now",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("quickbooks desktop H505 when opening company file from workstation");
        chat.say("1");
        assert!(chat.session.current_step().is_some(), "{said}");
        let out = chat.say(said);
        assert!(!has(&out, "No rush"), "{said}: {}", all_text(&out));
        assert!(!has(&out, "Shall I note"), "{said}: {}", all_text(&out));
        assert_says(&out, "I haven't noted any of my fixes");
        assert!(!chat.recorded(Outcome::Fixed), "{said}");
        assert!(
            chat.session.descriptions.iter().any(|d| d == said),
            "{said}: {:?}",
            chat.session.descriptions
        );
    }
}

/// Found by a user explorer (rv48 F5): "i keep getting logged out of quickbooks every 5 min.
/// just get me a real person NOW" opened a ticket whose matches led with the cache, outage and
/// company-file articles, ranked on "real" and "person"; the login loop came fourth. The ask
/// for a person is set aside before the ticket's matches are ranked.
#[test]
fn the_ask_for_a_person_does_not_rank_the_tickets_matches() {
    let kb = shipped_kb();
    for (said, lead) in [
        (
            "i keep getting logged out of quickbooks every 5 min. just get me a real person NOW",
            "login-loop-signed-out",
        ),
        (
            "i keep getting logged out of quickbooks every 5 min!! let me talk to a human",
            "login-loop-signed-out",
        ),
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say(said);
        assert!(
            out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {:?}",
            out.effects
        );
        assert_eq!(
            chat.session.matches.first().map(|m| m.id.as_str()),
            Some(lead),
            "{said}: {:?}",
            chat.session.matches
        );
    }
}

/// Found by a user explorer (rv48 F6): "never mind, cancel the ticket" after the hand-over
/// got where the ticket stands, and nothing went on it ("never" read as a refusal, as in
/// "never close it"). The request is withdrawn: staff hear it at once and see it marked.
#[test]
fn never_mind_cancel_the_ticket_withdraws_the_request() {
    let kb = shipped_kb();
    for said in [
        "never mind, cancel the ticket",
        "never mind, withdraw my request",
    ] {
        let mut chat = handed_over_on_a_blank_page(&kb);
        let out = chat.say(said);
        assert_eq!(
            out.effects,
            vec![Effect::AddToTicket { works_now: false }],
            "{said}: {}",
            all_text(&out)
        );
        assert_says(&out, "you'd like it closed");
    }
}

/// Found by a user explorer (rv48 F6): "actually wait nvm let me try the steps" after "i keep
/// getting logged out of quickbooks every 5 min. just get me a real person NOW" (handed over
/// before any fix was shown) was offered for the ticket. The walk of the best match of what
/// was told, the ask for a person set aside, begins; the ticket stays open.
#[test]
fn trying_the_steps_after_a_hand_over_before_any_walk_walks_the_best_match() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("i keep getting logged out of quickbooks every 5 min. just get me a real person NOW");
    // (The ticket opened, as the adapter does on the hand-over.)
    chat.session.ticket = Some(supportbot::ids::TicketId(1));
    chat.session.ticket_open = true;
    chat.session.stage = Stage::Escalated { article: None };
    let out = chat.say("actually wait nvm let me try the steps");
    assert_says(&out, "let's try the fixes");
    assert!(!has(&out, "Add this to your ticket"), "{}", all_text(&out));
    assert_eq!(chat.session.article(), Some("login-loop-signed-out"));
    assert!(chat.session.ticket_open);
}

/// Found by a user explorer (rv49 F1): at a fix, "i dont want to talk to a human, just tell me
/// what to do next", "please don't escalate this" and "not ready for a human yet" each opened
/// a ticket, and "i don't want a human" recorded the fix as failed. No hand-over, nothing
/// recorded, and the question stays; a bot declined still hands over.
#[test]
fn declining_a_person_hands_nothing_over() {
    let kb = shipped_kb();
    for said in [
        "i dont want to talk to a human, just tell me what to do next",
        "please don't escalate this, i'll try the next one",
        "not ready for a human yet, what's next",
        "i don't want a human",
        "no human please",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("bank feed wont update since tuesday");
        let step = open_title(&chat).expect("a step is open");
        let out = chat.say(said);
        assert!(
            !out.effects
                .iter()
                .any(|e| matches!(e, Effect::Escalate { .. })),
            "{said}: {}",
            all_text(&out)
        );
        assert_eq!(outcome_of(&chat, &step), None, "{said}");
        assert_eq!(open_title(&chat), Some(step), "{said}");
    }
    let mut chat = Chat::new(&kb);
    chat.say("bank feed wont update since tuesday");
    let out = chat.say("i dont want to talk to a bot, get me a human");
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Escalate { .. })),
        "{}",
        all_text(&out)
    );
}

/// Found by the review of the rv48 F8 and F15 fixes: at the bank feed, "did i lose what i was
/// typing?" got "No. The transactions stay at your bank" (that entry is of transactions, not
/// of typing); "is bank syncing down?" was told the bot cannot check "bank" (the product's
/// own sync); a bank's name is said as the user wrote it.
#[test]
fn the_bank_feeds_own_words_are_not_taken_for_another_thing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed stopped updating");
    let out = chat.say("did i lose what i was typing?");
    assert!(!has(&out, "The transactions stay"), "{}", all_text(&out));
    let out = chat.say("is bank syncing down?");
    assert!(!has(&out, "I can't check"), "{}", all_text(&out));
    let out = chat.say("can you check if Wells Fargo is down?");
    assert!(
        has(&out, "I can't check **Wells Fargo**"),
        "{}",
        all_text(&out)
    );
}

/// Found by a user explorer (rv49 F3): at the bank feed's first fix, "didnt fix it but i found
/// the issue, my accountant changed the bank password lol" recorded "Update the bank sign-in
/// details" as tried and failed (never shown, and the fix for that very cause) and asked about
/// the first fix again. The first fix failed; the cause's fix is not ruled out.
#[test]
fn a_cause_found_rules_out_no_fix() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("my bank feed isnt updating");
    let first = open_title(&chat).expect("a step is open");
    let out =
        chat.say("didnt fix it but i found the issue, my accountant changed the bank password lol");
    assert_eq!(
        outcome_of(&chat, &first),
        Some(Outcome::NotFixed),
        "{}",
        all_text(&out)
    );
    assert_eq!(
        outcome_of(&chat, "Update the bank sign-in details"),
        None,
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "didn't fix it either"), "{}", all_text(&out));
}

/// Found by a user explorer (rv49 F4): at the login loop's first fix in Chrome, "my coworker
/// has the same problem on firefox btw" recorded the fix as failed and moved the user to
/// Firefox. Someone else's trouble is noted; the user's browser and the question stay.
#[test]
fn someone_elses_trouble_mid_walk_changes_nothing_of_the_users() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("qb online keeps logging me out every 5 min in chrome");
    // ("Is this it? Login Loop": yes.)
    chat.act(question(&out).choices[0].action.clone());
    let step = open_title(&chat).expect("a step is open");
    let out = chat.say("my coworker has the same problem on firefox btw");
    assert_eq!(outcome_of(&chat, &step), None, "{}", all_text(&out));
    assert_eq!(open_title(&chat), Some(step), "{}", all_text(&out));
    assert_eq!(
        chat.session.browser,
        Some(Browser::Chrome),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "someone else has it too"), "{}", all_text(&out));
    // ("my coworker has it and i still do too" is the user's own result as well.)
    let mut chat = Chat::new(&kb);
    let out = chat.say("qb online keeps logging me out every 5 min in chrome");
    chat.act(question(&out).choices[0].action.clone());
    let out = chat.say("my coworker has the same problem and i still do too");
    assert!(!has(&out, "someone else has it too"), "{}", all_text(&out));
}

/// Found by a user explorer (rv49 F2): "no wait im actually on safari on my mac" at the
/// cookies fix for Chrome was recorded as still broken and the walk went on to the private
/// window test; "wait actually im on my ipad not iphone" did the same (its "not" read as a
/// failure). A correction of where the user is sets the browser, shows the same fix for it
/// and records nothing.
#[test]
fn a_correction_of_the_browser_opened_by_wait_records_nothing() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("qb keeps sending me back to the sign in page in chrome");
    let fix = open_title(&chat).expect("a fix is open");
    let out = chat.say("no wait im actually on safari on my mac");
    assert_eq!(chat.session.browser, Some(Browser::SafariMac));
    assert_eq!(open_title(&chat).as_deref(), Some(fix.as_str()));
    assert!(has(&out, "Switched to Safari (Mac)"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));

    let mut chat = Chat::new(&kb);
    chat.say("qb keeps sending me back to the sign in page on my iphone");
    let fix = open_title(&chat).expect("a fix is open");
    let out = chat.say("wait actually im on my ipad not iphone does that matter");
    assert_eq!(chat.session.browser, Some(Browser::SafariIos));
    assert_eq!(open_title(&chat).as_deref(), Some(fix.as_str()));
    assert!(!chat.recorded(Outcome::NotFixed), "{}", all_text(&out));
}

/// Found by a user explorer (rv49 F7): "it says error 102 now" at the first bank feed fix went
/// to "Disconnect and reconnect the account", where "bank feed error 102" told first goes to
/// "Check the bank's own website": an FAQ answer on what to do if 102 lasts outweighed what
/// the code means. A code told mid-walk points to the fix the same code told first does.
#[test]
fn a_bank_error_told_mid_walk_points_where_it_points_told_first() {
    let kb = shipped_kb();
    for code in ["102", "103", "105"] {
        let mut first = Chat::new(&kb);
        first.say(&format!("bank feed wont update, error {code}"));
        let told_first = open_title(&first);
        let mut chat = Chat::new(&kb);
        chat.say("bank feed wont update since tuesday");
        let out = chat.say(&format!("it says error {code} now"));
        assert_eq!(open_title(&chat), told_first, "{code}: {}", all_text(&out));
    }
    let mut chat = Chat::new(&kb);
    chat.say("bank feed wont update since tuesday");
    chat.say("it says error 102 now");
    assert_eq!(
        open_title(&chat).as_deref(),
        Some("Check the bank's own website")
    );
}

/// Found by a user explorer (rv49 F10): "not yet, still loading" at "Update the bank feed
/// manually" (whose last step is to wait a few minutes) was recorded as still broken. The
/// step still under way is no result: nothing is recorded and the question stays.
#[test]
fn not_yet_and_still_under_way_records_nothing() {
    let kb = shipped_kb();
    for said in [
        "not yet, still loading",
        "not yet still waiting",
        "not yet, its still running",
    ] {
        let mut chat = Chat::new(&kb);
        chat.say("my bank feed isnt updating");
        let fix = open_title(&chat).expect("a fix is open");
        let out = chat.say(said);
        assert_eq!(open_title(&chat).as_deref(), Some(fix.as_str()), "{said}");
        assert!(
            !chat.recorded(Outcome::NotFixed),
            "{said}: {}",
            all_text(&out)
        );
        assert!(has(&out, "No rush"), "{said}: {}", all_text(&out));
    }
}

/// Found by a user explorer (rv49 F5): "oh wait actually the first one worked, it just took a
/// few minutes to show up" at the second bank feed fix got "Shall I note Check the bank's own
/// website as what fixed it?", and a yes credited that fix. The first fix is meant: its
/// "still broken" is taken back and it is the one offered for noting; the fix on screen is not
/// recorded as fixed.
#[test]
fn the_first_one_worked_after_all_credits_the_first_fix() {
    let kb = shipped_kb();
    for said in [
        "oh wait actually the first one worked, it just took a few minutes to show up",
        "actually the first fix worked",
        "the earlier one did it",
    ] {
        let mut chat = Chat::new(&kb);
        let out = chat.say("bank feed wont update since tuesday");
        let first = open_title(&chat).expect("a fix is open");
        chat.act(question(&out).choices[1].action.clone());
        let second = open_title(&chat).expect("a second fix is open");
        assert_ne!(first, second);
        let out = chat.say(said);
        assert!(has(&out, &first), "{said}: {}", all_text(&out));
        chat.say("yes");
        assert_eq!(outcome_of(&chat, &first), Some(Outcome::Fixed), "{said}");
        assert_ne!(outcome_of(&chat, &second), Some(Outcome::Fixed), "{said}");
    }
    // With two fixes failed, "the first one" is the first, not the one just before.
    let mut chat = Chat::new(&kb);
    let out = chat.say("bank feed wont update since tuesday");
    let first = open_title(&chat).expect("a fix is open");
    let out = chat.act(question(&out).choices[1].action.clone());
    chat.act(question(&out).choices[1].action.clone());
    chat.say("actually the first one worked");
    chat.say("yes");
    assert_eq!(outcome_of(&chat, &first), Some(Outcome::Fixed));
}

/// Found by a user explorer (rv49 F12): "the wells fargo website itself is down rn" at "Check
/// the bank's own website" got "I can't check wells fargo from here", though nothing was
/// asked. The bank's site told down is answered by the article's FAQ ("My bank's website is
/// down. Do I just wait?"), nothing recorded; a request to check it still gets the other reply.
#[test]
fn a_bank_site_told_down_gets_the_faq_on_waiting() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let out = chat.say("bank feed wont update since tuesday");
    chat.act(question(&out).choices[1].action.clone());
    let fix = open_title(&chat).expect("a fix is open");
    let out = chat.say("the wells fargo website itself is down rn");
    assert!(
        has(&out, "My bank's website is down. Do I just wait?"),
        "{}",
        all_text(&out)
    );
    assert!(!has(&out, "can't check"), "{}", all_text(&out));
    assert_eq!(open_title(&chat).as_deref(), Some(fix.as_str()));
    assert!(!chat.recorded(Outcome::Fixed));

    let out = chat.say("can you check if wells fargo is down?");
    assert!(has(&out, "can't check"), "{}", all_text(&out));
}

/// Found by a user explorer (rv49 F10b): "it works now but not because of that, i rebooted my
/// laptop" got "Thanks, I've noted that for the support team ... let's stay with it", and "no
/// wait, it worked actually" got "Sorry, I didn't catch that". The first works from something
/// else (nothing credited); in the second the last word counts: it worked.
#[test]
fn works_not_because_of_that_and_no_wait_it_worked() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online page just spins forever in chrome");
    let out = chat.say("it works now but not because of that, i rebooted my laptop");
    assert!(has(&out, "came from something else"), "{}", all_text(&out));
    assert!(!chat.recorded(Outcome::Fixed) && !chat.recorded(Outcome::NotFixed));

    let mut chat = Chat::new(&kb);
    chat.say("quickbooks online page just spins forever in chrome");
    let fix = open_title(&chat).expect("a fix is open");
    let out = chat.say("no wait, it worked actually");
    assert!(
        has(&out, "Shall I note") && has(&out, &fix),
        "{}",
        all_text(&out)
    );
    assert!(!chat.recorded(Outcome::NotFixed));
}

/// Found by a user explorer (rv49 F13): "ok its pulling again but now theres a bunch of
/// duplicates ugh" at "Disconnect and reconnect the account" got only "Noted.". The feed works
/// again, so the fix is offered for noting as usual, and the duplicates are answered from the
/// article's FAQ ("Will reconnecting the account create duplicates?").
#[test]
fn pulling_again_but_duplicates_gets_the_faq_and_the_fix_offered() {
    let kb = shipped_kb();
    let mut chat = Chat::new(&kb);
    let mut out = chat.say("bank feed wont update since tuesday");
    while open_title(&chat).as_deref() != Some("Disconnect and reconnect the account") {
        out = chat.act(question(&out).choices[1].action.clone());
    }
    let out = chat.say("ok its pulling again but now theres a bunch of duplicates ugh");
    assert!(
        has(&out, "Will reconnecting the account create duplicates?"),
        "{}",
        all_text(&out)
    );
    assert!(has(&out, "Shall I note"), "{}", all_text(&out));
    chat.say("yes");
    assert_eq!(
        outcome_of(&chat, "Disconnect and reconnect the account"),
        Some(Outcome::Fixed)
    );
}
