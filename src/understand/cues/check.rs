//! Asks whether the service itself is down ("is it down for everyone?"), or tells the status page.

use super::fixed::{WORKS_NOW, strong_fixed};
use super::not_fixed::{says_still_broken, strong_not_fixed};
use super::questions::opens_like_a_question;
use crate::understand::text::{BREAK, Normalised};

const SERVICE_WORDS: &[&str] = &[
    "server",
    "servers",
    "service",
    "services",
    "site",
    "website",
    "api",
    "apis",
    "quickbooks",
    "qbo",
    "intuit",
];

const REACH_WORDS: &[&str] = &[
    "reach",
    "reaching",
    "reachable",
    "unreachable",
    "connect",
    "access",
    "online",
    "offline",
    "responding",
    "unresponsive",
    "status",
];

/// The user checking for themselves ("let me check if it still happens", "ill check whether
/// it loads"): a plan, no request to check the service.
pub(super) const OWN_CHECK: &[&str] = &[
    "let me check if",
    "let me check whether",
    "ill check if",
    "ill check whether",
    "i will check if",
    "i will check whether",
    "will check if",
    "going to check if",
    "gonna check if",
    "i can check if",
    "i need to check if",
    "let me see if",
    "ill see if",
];

/// Asks whether the service itself is down.
const CHECK: &[&str] = &[
    "down",
    "outage",
    "for everyone",
    "on my end",
    "is it up",
    "are you up",
    "is up",
    "up for",
    "is quickbooks up",
    "is qbo up",
    "check if",
    "check whether",
    "check the service",
    "check the server",
    "status page",
    // Everyone has it: the service (or the office network), not this browser.
    "everyone has the same",
    "everyone has this",
    "everyone has it",
    "everyone in the office has",
    "everyone in my office has",
    "everyone in our office has",
    "whole office has",
    "whole office is",
    "all of us",
    "all my coworkers",
    "all our users",
    "same everywhere",
    "everybody here",
    "everyone here",
    "is getting it too",
    "are getting it too",
    "all have it",
    "everyone is getting",
    "everybody is getting",
    "everybody has",
    // ("no one can login": see [`NO_ONE_CAN`], listed there once.)
    // "just want to make sure it's your server downtime, not us".
    "downtime",
    // The feature asked by its own name: "can you run a live check", "ping qbo for me".
    "a live check",
    "live check please",
    "check live",
    "check it live",
    "health check",
    "run a check",
    "do a check",
    "ping qbo",
    "ping quickbooks",
    "ping intuit",
    "ping the server",
    "ping the site",
];

/// Tells what the status page shows ("status page says all green", "status page fine,
/// internet fine"), asking nothing: a report, not a request to check.
pub fn reports_the_status_page(text: &Normalised) -> bool {
    const SHOWS: &[&str] = &[
        // "checked the status page, everything is green and my internet is fine".
        "checked the status page",
        "checked status page",
        "looked at the status page",
        "status page says",
        "status page said",
        "status page shows",
        "status page showed",
        "status page is green",
        "status page is fine",
        "status page is ok",
        "status page looks",
        "status page fine",
        "status page ok",
        "status page green",
        "status page all green",
        "status page shows nothing",
        "status page is all green",
        // The page's own words, quoted ("it says all systems operational").
        "all systems operational",
        "all services operational",
        "no incidents reported",
        "no current incidents",
    ];
    // ("status page is green, and yes it works now", "... and now the page loads": a fix
    // told beside it is the news.)
    // (Only after "and", "but", "now" or a break: "status page says everything is working"
    // is the page's own word.)
    let beside: Vec<&str> = {
        let words: Vec<&str> = text.words().collect();
        match words
            .iter()
            .position(|w| ["and", "but", "now", "so", BREAK].contains(w))
        {
            Some(at) => words[at..].to_vec(),
            None => Vec::new(),
        }
    };
    let rest = Normalised::from_padded(&format!(" {} ", beside.join(" ")));
    let works_beside = strong_fixed(&rest)
        || rest.any(WORKS_NOW)
        || rest.any(&[
            "page loads",
            "it loads",
            "loads now",
            "loads fine",
            "now loads",
        ]);
    text.any(SHOWS)
        && !works_beside
        && !text.is_question()
        && !opens_like_a_question(text)
        && !text.any(CHECK_ASKED)
        && !says_still_broken(text)
        && !strong_not_fixed(text)
}

/// Words that ask for the check outright, whatever else is said.
const CHECK_ASKED: &[&str] = &[
    "check if",
    "check whether",
    "can you check",
    "could you check",
    "please check",
    "is it down",
    "is it up",
];

/// Nobody can ("no one can login"): everyone has it, a question for the check ([`check`]), and
/// no call for someone ([`human`](super::human()) reads past it).
pub(super) const NO_ONE_CAN: &[&str] = &[
    "no one can",
    "nobody can",
    "nobody in the office can",
    "no one in the office can",
    "nobody in our office can",
    "no one in our office can",
    "nobody in my office can",
    "no one in my office can",
    "nobody here can",
    "no one here can",
    "no one is able",
    "nobody is able",
];

/// Asks whether others have it too ("anyone else having issues with quickbooks today?"): a
/// question of an outage, not a call for a person.
pub const OTHERS_HAVE_IT_TOO: &[&str] = &[
    // "Is it me or the site is very slow?", "anybody know what's going on?"
    "is it me or",
    "is it only me",
    "anyone know whats going on",
    "anybody know whats going on",
    "anyone else having",
    "anyone else getting",
    "anyone else seeing",
    "anyone else experiencing",
    "anybody else having",
    "anybody else getting",
    "anyone else have",
    "anybody else have",
];

/// "Down" that is no outage ("locked down by IT", "scrolled down", "wrote down the code").
const DOWN_NOT_AN_OUTAGE: &[&str] = &[
    // A device of the user's offline ("printer says offline": an explorer's), no service.
    "printer says offline",
    "printer is offline",
    "printer shows offline",
    "printer offline",
    "scanner is offline",
    "scanner offline",
    "locked down",
    "locked it down",
    "locks it down",
    "lock it down",
    "locks down",
    "lock down",
    // Down, but not the service: the user's bank or connection.
    "bank is down",
    "bank was down",
    "bank website is down",
    "bank website was down",
    "bank site is down",
    "bank site was down",
    "banks website is down",
    "banks site is down",
    "banking site is down",
    "internet is down",
    "internet was down",
    "internet went down",
    "wifi is down",
    "wifi was down",
    "wifi went down",
    "scroll down",
    "scrolled down",
    // A gesture ("pulled down to refresh").
    "pulled down",
    "pull down",
    "pulling down",
    "swiped down",
    "swipe down",
    "swiping down",
    // "Up" that is no question of reach: "edge is up to date already".
    "is up to date",
    "up to date",
    // What the status page shows, told as a result (not a request to check).
    "status page shows nothing",
    "status page says nothing",
    "nothing on the status page",
    "status page is clear",
    "status page shows no",
    "status page says no",
    "scrolling down",
    "write down",
    "wrote down",
    "written down",
    "writing down",
    "drop down",
    "down arrow",
    "slow down",
    "slowed down",
    "slows down",
    "shut down",
    "shuts down",
    "narrow down",
    "narrowed down",
    "down the list",
    "down the page",
    "down below",
    "further down",
    "turned down",
    "calm down",
];

/// Product names with a word of [`REACH_WORDS`] in them: "QuickBooks Online" names the
/// product, it does not ask whether it is online.
const NAMES_WITH_REACH_WORDS: &[&str] = &["quickbooks online", "qbo online"];

/// Asking whether the product is online, as the whole message ("is quickbooks online right
/// now?"); "why is quickbooks online showing a blank page?" is not.
const IS_IT_ONLINE: &[&str] = &[
    "is quickbooks online",
    "is quickbooks online right now",
    "is quickbooks online now",
    "is quickbooks online for everyone",
    "is qbo online",
];

pub fn check(text: &Normalised) -> bool {
    if asks_if_up(text) || asks_if_the_service_has_trouble(text) || asks_them_if_it_works(text) {
        return true;
    }
    let text = &text.without(DOWN_NOT_AN_OUTAGE);
    // "let me check if it still happens": the user's own check, no request for one.
    let text = &text.without(OWN_CHECK);
    // "quickbooks online is just a blank page" is no question of reach.
    let reach = text.without(NAMES_WITH_REACH_WORDS).any(REACH_WORDS)
        || IS_IT_ONLINE
            .iter()
            .any(|q| text.words().collect::<Vec<_>>().join(" ") == *q);
    // "is it just me?", "down or just me": asked; "its just me" (alone in the office) or "its
    // just me here, everyone else is on holiday" is no question of the service.
    let just_me = text.any(&["just me", "only me"])
        && (text.is_question()
            || text.any(&[
                "is it",
                "or just",
                "or only",
                "down",
                "me or",
                "or everyone",
                "or everybody",
                "or anyone",
                "or anybody",
                "anyone else",
                "anybody else",
            ]));
    text.any(CHECK)
        || just_me
        || text.any(NO_ONE_CAN)
        || text.any(OTHERS_HAVE_IT_TOO)
        || (text.any(SERVICE_WORDS) && reach)
}

/// "Is there any issue with the APIs?", "is there a problem on your end?": a question whether
/// the service itself has trouble (not "is there a way to ...").
fn asks_if_the_service_has_trouble(text: &Normalised) -> bool {
    const TROUBLE_ASKED: &[&str] = &[
        "is there any issue",
        "is there an issue",
        "is there a problem",
        "is there any problem",
        "is there something wrong",
        "is something wrong",
        "are there any issues",
        "are there issues",
        "are there any problems",
        "are there problems",
        "any known issues",
        "any known issue",
    ];
    const THEIR_SIDE: &[&str] = &["on your end", "on your side", "your end", "your side"];
    // "WTF is going on?", "when might it be resolved?", "when will it be back up?": asked of
    // the trouble itself, which only the service's state answers.
    const GOING_ON: &[&str] = &[
        "whats going on",
        "what is going on",
        "whats happening",
        "what is happening",
    ];
    const WHEN: &[&str] = &[
        "when it might be resolved",
        "when it will be resolved",
        "when it will be fixed",
        "when it will be back",
        "when will it be resolved",
        "when might it be resolved",
        "when will this be resolved",
        "when will it be back",
        "when will it be up",
        "when will it be opened back up",
        "when will it be working",
        "when will it work again",
        "when will it be fixed",
        "when will this be fixed",
    ];
    // The user's own setup ("is there an issue with quickbooks desktop hosting?", "is there a
    // problem with my settings?") is no question for a check of the service.
    const OWN_SETUP: &[&str] = &[
        "desktop",
        "hosting",
        "my settings",
        "my quickbooks",
        "my account",
        "my file",
        "company file",
        "settings",
        "setup",
        "set up",
    ];
    text.sentences().iter().any(|s| {
        s.is_question()
            && ((s.any(TROUBLE_ASKED)
                && (s.any(SERVICE_WORDS) || s.any(THEIR_SIDE))
                && !s.any(OWN_SETUP))
                || s.any(WHEN)
                // ("still broken, what is going on?" says the fix failed first.)
                || (s.any(GOING_ON) && !strong_not_fixed(s)))
    })
}

/// "r u guys having issues", "are you having problems right now", "can you see if qbo is
/// working on your end": the service's people asked whether it works, in everyday words
/// (explorer rv48 F11: "I can't help with that here" and "didn't catch that", with the check
/// on screen as a choice).
pub fn asks_them_if_it_works(text: &Normalised) -> bool {
    // "you" having trouble: the service's people, asked of the service.
    const YOU_HAVING: &[&str] = &[
        "are you having",
        "are you guys having",
        "are yall having",
        "r u having",
        "r u guys having",
        "u guys having",
        "you guys having",
        "are you experiencing",
        "are you guys experiencing",
        "is intuit having",
        "is quickbooks having",
        "is qbo having",
        "are you down",
        "are you guys down",
        "r u down",
        "r u guys down",
    ];
    const TROUBLE: &[&str] = &[
        "issue",
        "issues",
        "problem",
        "problems",
        "trouble",
        "troubles",
        "outage",
        "outages",
        "difficulties",
        "down",
    ];
    // "can you see if qbo is working on your end", "could you see whether the site works".
    const SEE_IF: &[&str] = &[
        "see if",
        "see whether",
        "find out if",
        "find out whether",
        "look if",
        "tell me if",
        "tell if",
    ];
    const WORKS: &[&str] = &["working", "works", "up", "running", "ok", "okay", "fine"];
    const THEIR_SIDE: &[&str] = &["on your end", "on your side", "your end", "your side"];
    // Asked of the bot ("can you see if ..."), not the user's own plan ("let me see if the
    // site works now", "ill see if quickbooks works"; a review of rv48 F11).
    const ASKED_OF_YOU: &[&str] = &[
        "can you",
        "could you",
        "can u",
        "could u",
        "would you",
        "will you",
        "pls see",
        "please see",
        "please find",
        "pls find",
    ];
    // "are you having trouble understanding me?": the bot's trouble, no service's.
    const THE_BOTS_TROUBLE: &[&str] = &[
        "understanding",
        "understand",
        "hearing",
        "reading",
        "a good",
        "a bad",
        "fun",
    ];
    let having = text.any(YOU_HAVING)
        && text.words().any(|w| TROUBLE.contains(&w))
        && !text.any(THE_BOTS_TROUBLE);
    let seen = text.any(SEE_IF)
        && !text.any(OWN_CHECK)
        && (text.any(ASKED_OF_YOU) || text.any(THEIR_SIDE))
        && text.words().any(|w| WORKS.contains(&w))
        && (text.any(SERVICE_WORDS) || text.any(THEIR_SIDE));
    having || seen
}

/// "is the service up?", "is quickbooks working right now?": a short question whether the
/// service runs.
fn asks_if_up(text: &Normalised) -> bool {
    const OPENING: &[&str] = &["is", "are", "isnt", "arent"];
    const UP: &[&str] = &[
        "up",
        "working",
        "running",
        "alive",
        "operational",
        "functioning",
        // ("is the server ok", "is qbo fine right now?"; explorer rv48 F11.)
        "ok",
        "okay",
        "fine",
    ];
    // The user's own server or database ("is my server up?", "is the QuickBooksDB service
    // running?"), or how fast it runs ("is quickbooks running slow today?"), is no question
    // for a check of the service.
    const NOT_THE_SERVICE: &[&str] = &[
        "my server",
        "our server",
        "my computer",
        "our network",
        "my network",
        "my internet",
        "local",
        "database",
        "db",
        "quickbooksdb",
        "qbdbmgrn",
        "slow",
        "slowly",
        "sluggish",
        "laggy",
    ];
    // "is it ok to restart the server?", "is the site fine to use on an ipad": leave asked,
    // not whether it runs.
    const PERMISSION: &[&str] = &["ok to", "okay to", "fine to", "ok for", "okay for"];
    // ("is the server ok", typed without its question mark: a question by its opening.)
    !text.any(PERMISSION)
        && (text.is_question() || text.word_count() <= 6)
        && text.word_count() <= 10
        && text.words().next().is_some_and(|w| OPENING.contains(&w))
        && text.any(SERVICE_WORDS)
        && text.any(UP)
        && !text.any(NOT_THE_SERVICE)
        && !text.words().any(|w| w.starts_with("quickbooksdb"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by a user explorer (rv48 F11): the service's people asked whether it works, in
    /// everyday words, with the check on screen, got "I can't help with that here" or
    /// "didn't catch that". Read as a whole reply (the intent), not by this cue alone.
    #[test]
    fn asked_in_everyday_words_whether_it_works_is_the_check() {
        use crate::understand::{Intent, classify};
        for asked in [
            "can you see if qbo is working on your end",
            "is the server ok",
            "r u guys having issues",
            "are you having problems right now",
            "are you guys down?",
            "is intuit having an outage",
        ] {
            assert_eq!(classify(asked).intent, Some(Intent::Check), "{asked}");
        }
        for not_asked in [
            "are you having a good day",
            "i will see if it works tomorrow",
            "can you tell me if this step is ok",
            "is the server ok to restart now while people work in it",
            // (A review of rv48 F11: the user's own plans, leave asked, the bot's trouble.)
            "let me see if the site works now",
            "ok i cleared it, ill see if quickbooks works now",
            "is it ok to restart the server?",
            "is the site ok to use on an ipad?",
            "are you having trouble understanding me?",
        ] {
            assert_ne!(
                classify(not_asked).intent,
                Some(Intent::Check),
                "{not_asked}"
            );
        }
    }

    /// Found by a helper playing a 503 user: "status page says all green" ran the live check
    /// (and was not kept for the step); a question or request about it still asks.
    #[test]
    fn a_status_page_told_is_a_report_not_a_request() {
        for told in [
            "checked the status page, everything is green and my internet is fine",
            "status page says everything is working",
            "status page says all green",
            "status page fine, internet fine, internet connection setup was already right",
        ] {
            assert!(reports_the_status_page(&Normalised::new(told)), "{told}");
        }
        for asked in [
            "what does the status page say?",
            "check the status page",
            "status page says all green, can you check if its down",
            "status page says all green but still cant get in",
            // (A fix told beside it is the news.)
            "status page is green, and yes it works now thanks",
            "status page said fine and now the page loads",
        ] {
            assert!(!reports_the_status_page(&Normalised::new(asked)), "{asked}");
        }
    }
}
