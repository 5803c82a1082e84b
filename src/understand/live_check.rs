//! Messages that ask for the live check of the service: the whole message, a part of it, or again.

use super::text::Normalised;
use super::{clauses, cues, mentions_trouble};

/// Whether the message only asks for the check to be run again ("check it", "check again",
/// "can you check it again?", "recheck pls", "run the check again") or how the service stands
/// ("check status", "status?"): the service just checked is meant, not a site or a problem
/// (those name what to check). (With a ticket open, "status?" may ask where the ticket stands:
/// the caller tells.)
pub fn asks_to_check_again(message: &str) -> bool {
    let words = crate::plain_words::lowercase_words(message);
    let request = without_politeness(&words);
    only_asks_the_status(request) || asks_to_run_it_again(request)
}

/// [`asks_to_check_again`] in words that name the check ("check again", "run the check
/// again", "can you check again if its down"), not only the status: a request for the check
/// wherever it is said.
pub fn asks_to_run_the_check_again(message: &str) -> bool {
    let words = crate::plain_words::lowercase_words(message);
    asks_to_run_it_again(without_politeness(&words))
}

/// `words` without the polite words that open a request ("can you", "pls", "ok").
fn without_politeness(words: &[String]) -> &[String] {
    const POLITE: &[&str] = &[
        "please", "pls", "plz", "can", "could", "would", "will", "you", "u", "ok", "okay", "hey",
        "just", "yes", "yeah",
    ];
    let mut rest = words;
    while let [first, more @ ..] = rest
        && POLITE.contains(&first.as_str())
    {
        rest = more;
    }
    rest
}

/// Whether `words` (a request, its polite opening left out) ask for the check again: its verb,
/// words of "again", and at most a question of the service's state after them ("if its down").
fn asks_to_run_it_again(words: &[String]) -> bool {
    let Some((verb, more)) = the_check_asked_for(words) else {
        return false;
    };
    const AFTER: &[&str] = &[
        "it", "that", "this", "again", "now", "once", "more", "the", "service", "please", "pls",
        "plz", "for", "me",
    ];
    let (said, state) = match more.iter().position(|w| !AFTER.contains(&w.as_str())) {
        Some(at) => more.split_at(at),
        None => (more, &[][..]),
    };
    // "check" alone is the word for the button's check, not "again".
    (verb != "check" || !said.is_empty()) && (state.is_empty() || asks_its_state(state))
}

/// The verb asking for the check and the words after it: "check", "recheck", "retest",
/// "re-check", or "run" / "rerun" / "redo" / "do" the check ("run the check again", "do another
/// check"; not "run it again", which may be payroll, nor "redo the test", a test step's).
fn the_check_asked_for(words: &[String]) -> Option<(&str, &[String])> {
    let [verb, more @ ..] = words else {
        return None;
    };
    match (verb.as_str(), more) {
        ("check" | "recheck" | "retest", _) => Some((verb, more)),
        // ("re-check": "re" then "check".)
        ("re", [check, after @ ..]) if check == "check" || check == "test" => {
            Some(("recheck", after))
        }
        ("run" | "rerun" | "redo" | "do" | "repeat", _) => {
            const BEFORE_THE_CHECK: &[&str] = &["the", "a", "that", "your", "another", "live"];
            let at = more
                .iter()
                .position(|w| !BEFORE_THE_CHECK.contains(&w.as_str()))?;
            // ("redo the test" at a test step is that test: only the check or a ping.)
            matches!(more[at].as_str(), "check" | "ping").then(|| (verb.as_str(), &more[at + 1..]))
        }
        _ => None,
    }
}

/// "if its down", "whether it is up again", "to see if its still down": a question of the
/// service's state after the request (what to check is the one checked before; naming a
/// site or a service asks for that one instead).
fn asks_its_state(words: &[String]) -> bool {
    const OPENING: &[&str] = &["if", "whether", "to", "see"];
    const STATE: &[&str] = &[
        "down", "up", "back", "working", "online", "offline", "fixed", "ok", "okay", "fine",
    ];
    const BESIDE: &[&str] = &[
        "its",
        "it",
        "is",
        "still",
        "again",
        "now",
        "yet",
        "everything",
        "all",
        "or",
        "not",
    ];
    let opened = words
        .iter()
        .position(|w| !OPENING.contains(&w.as_str()))
        .filter(|&at| at > 0);
    opened.is_some_and(|at| {
        let state = &words[at..];
        state.iter().any(|w| STATE.contains(&w.as_str()))
            && state
                .iter()
                .all(|w| STATE.contains(&w.as_str()) || BESIDE.contains(&w.as_str()))
    })
}

/// "status?", "check status", "status check pls", "service status": the whole message asks
/// how the service stands.
fn only_asks_the_status(words: &[String]) -> bool {
    const BESIDE: &[&str] = &[
        "check", "the", "service", "current", "again", "now", "please", "pls", "plz",
    ];
    words.iter().any(|w| w == "status")
        && words
            .iter()
            .all(|w| w == "status" || BESIDE.contains(&w.as_str()))
}

/// What a message says besides asking whether the service is up ("is it down?? nothing loads"
/// -> "nothing loads"): the parts (split at `.`, `!`, `?`, `;`, `,` and line breaks) that do not
/// ask for a check, when at least one part does and the rest says something is wrong. `None`
/// for a message that only asks ("is quickbooks down right now?") or says nothing more of use.
pub fn besides_the_check(message: &str) -> Option<String> {
    let (asks, rest): (Vec<&str>, Vec<&str>) = clauses(message)
        .into_iter()
        .partition(|p| cues::check(&Normalised::new(p)));
    let rest = rest.join(", ");
    // Besides the words that say something is wrong anywhere, those of a page that never comes.
    let trouble = mentions_trouble(&rest)
        || Normalised::new(&rest).any(&[
            "nothing loads",
            "nothing happens",
            "nothing shows",
            "nothing comes up",
            "nothing works",
            "spinning",
            "spins",
            "white",
            "logged out",
        ]);
    (!asks.is_empty() && trouble).then_some(rest)
}

/// The parts of `message` that ask for a live check ("is invoicing down", "check quickbooks
/// online", "can you check the portal"), joined; `None` when no part does. What the rest
/// describes ("quickbooks online shows a blank page") is left out: it names a problem, not a
/// service to check.
pub fn the_check_asked(message: &str) -> Option<String> {
    let asks: Vec<&str> = clauses(message)
        .into_iter()
        .filter(|p| cues::check(&Normalised::new(p)) || says_check(p))
        .collect();
    (!asks.is_empty()).then(|| asks.join(", "))
}

/// A service outside the product that a request for the check names ("can you check if wells
/// fargo is down?", "is my bank down"): the bot cannot check it, and the product's check says
/// nothing of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideService {
    /// Its name as the user wrote it ("wells fargo", "my bank").
    pub said: String,
    /// Whether it is a bank (a bank feed's fixes have a step for the bank's own site).
    pub a_bank: bool,
}

/// Banks, by the words users name them with.
const BANKS: &[&str] = &[
    "my bank",
    "the bank",
    "our bank",
    "bank of america",
    "wells fargo",
    "chase",
    "citibank",
    "citi",
    "capital one",
    "american express",
    "amex",
    "us bank",
    "pnc",
    "td bank",
    "navy federal",
    "barclays",
    "hsbc",
    "truist",
    "credit union",
];

/// Other services users connect to the product, none of them its own.
const OTHER_SERVICES: &[&str] = &[
    "paypal", "stripe", "square", "shopify", "amazon", "gmail", "outlook", "adp", "gusto",
];

/// The product's own things named with a bank's word ("is the bank feed down?"): the product.
const THE_PRODUCTS_OWN: &[&str] = &[
    "bank feed",
    "bank feeds",
    "bank connection",
    "bank connections",
    "bank account",
    "bank accounts",
    "bank rules",
    "bank transactions",
    "banking tab",
    "bank sync",
    "bank syncing",
    "bank download",
    "bank downloads",
];

/// The service outside the product a request for the check names, if any: "can you check if
/// wells fargo is down?" (explorer rv48 F15: the product was checked and its "up" read as the
/// bank being fine).
pub fn outside_service_asked(message: &str) -> Option<OutsideService> {
    let asked = the_check_asked(message)?;
    let text = Normalised::new(&asked).without(THE_PRODUCTS_OWN);
    let named = |names: &[&'static str]| names.iter().copied().find(|n| text.has(n));
    let (said, a_bank) = match named(BANKS) {
        Some(bank) => (bank, true),
        None => (named(OTHER_SERVICES)?, false),
    };
    Some(OutsideService {
        said: as_written(message, said),
        a_bank,
    })
}

/// `words` (lower case, single spaces) as `message` writes them ("Wells Fargo"), else as
/// they are.
fn as_written(message: &str, words: &str) -> String {
    let spans = super::text::word_spans(message);
    let count = words.split(' ').count();
    spans
        .windows(count)
        .map(|w| &message[w[0].0..w[count - 1].1])
        .find(|found| crate::plain_words::lowercase_words(found).join(" ") == words)
        .map_or_else(|| words.to_string(), str::to_string)
}

/// Whether a part of `message` tells the bot to check ("pls check invoicing"), a request
/// whether or not it is worded as a question.
pub fn says_to_check(message: &str) -> bool {
    clauses(message).into_iter().any(says_check)
}

/// "check invoicing", "can you check the portal", "pls check payroll": a clause that opens
/// with "check", politely or not.
fn says_check(clause: &str) -> bool {
    const POLITE: &[&str] = &[
        "can", "could", "would", "will", "you", "u", "please", "pls", "plz", "hey", "hi", "ok",
    ];
    clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .find(|w| !POLITE.contains(&w.as_str()))
        .is_some_and(|w| w == "check")
}

/// A service outside the product told to be down, as news and not as a request to check it
/// ("the wells fargo website itself is down rn"): the article may say what to do then
/// (explorer rv49 F12 got "I can't check wells fargo from here", though nothing was asked).
pub fn outside_service_told_down(message: &str) -> Option<OutsideService> {
    // Words that ask for something, the check or an answer.
    const ASKING: &[&str] = &[
        "check",
        "test",
        "ping",
        "can you",
        "could you",
        "can u",
        "see if",
        "find out",
        "tell me",
        "let me know",
        "look",
        "pls",
        "please",
        "plz",
        "wonder",
        "wondering",
        "whether",
        "is it",
        "is my",
        "is the",
        "are they",
    ];
    let told = outside_service_asked(message)?;
    let text = Normalised::new(message);
    (!text.is_question() && !cues::opens_like_a_question(&text) && !text.any(ASKING))
        .then_some(told)
}

/// Whether every part of `message` asks for the check ("is quickbooks down for everyone?
/// nobody in our office can get in"): however long, nothing else to walk.
pub fn only_asks_for_the_check(message: &str) -> bool {
    let parts = clauses(message);
    parts.len() > 1 && parts.iter().all(|p| cues::check(&Normalised::new(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bank_or_another_outside_service_asked_about_is_named() {
        for (asked, said, a_bank) in [
            ("can you check if Wells Fargo is down?", "Wells Fargo", true),
            ("is my bank down", "my bank", true),
            ("check if chase is down pls", "chase", true),
            ("can you check if paypal is down", "paypal", false),
        ] {
            assert_eq!(
                outside_service_asked(asked),
                Some(OutsideService {
                    said: said.into(),
                    a_bank
                }),
                "{asked}"
            );
        }
        for not_outside in [
            "is the bank feed down?",
            // (A review of rv48 F15: the product's own bank sync.)
            "is bank syncing down?",
            "can you check if quickbooks is down",
            "is it down for everyone",
            // (No request for the check: a bank told of, not asked about.)
            "wells fargo feed stopped updating",
        ] {
            assert_eq!(outside_service_asked(not_outside), None, "{not_outside}");
        }
    }

    #[test]
    fn a_bank_told_down_is_news_not_a_request() {
        for told in [
            "the wells fargo website itself is down rn",
            "chase is down right now",
        ] {
            assert!(outside_service_told_down(told).is_some(), "{told}");
        }
        for asked in [
            "can you check if wells fargo is down?",
            "is my bank down",
            "check if chase is down pls",
            "wells fargo down?",
        ] {
            assert_eq!(outside_service_told_down(asked), None, "{asked}");
        }
    }
}
