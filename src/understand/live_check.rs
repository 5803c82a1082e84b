//! Messages that ask for the live check of the service: the whole message, a part of it, or again.

use super::text::Normalised;
use super::{clauses, cues, mentions_trouble};

/// Whether the message only asks for the check to be run again ("check it", "check again",
/// "can you check it again?", "recheck pls"): the service just checked is meant, not a site
/// or a problem (those name what to check).
pub fn asks_to_check_again(message: &str) -> bool {
    let words = crate::plain_words::lowercase_words(message);
    let mut rest: &[String] = &words;
    const POLITE: &[&str] = &[
        "please", "pls", "plz", "can", "could", "you", "u", "ok", "okay",
    ];
    while let [first, more @ ..] = rest
        && POLITE.contains(&first.as_str())
    {
        rest = more;
    }
    let [verb, more @ ..] = rest else {
        return false;
    };
    if !matches!(verb.as_str(), "check" | "recheck" | "retest" | "re") {
        return false;
    }
    // ("re-check": "re" then "check".)
    let more = match (verb.as_str(), more) {
        ("re", [check, after @ ..]) if check == "check" || check == "test" => after,
        ("re", _) => return false,
        _ => more,
    };
    const AFTER: &[&str] = &[
        "it", "that", "this", "again", "now", "once", "more", "the", "service", "please", "pls",
        "plz", "for", "me",
    ];
    more.iter().all(|w| AFTER.contains(&w.as_str())) && (verb != "check" || !more.is_empty())
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

/// Whether every part of `message` asks for the check ("is quickbooks down for everyone?
/// nobody in our office can get in"): however long, nothing else to walk.
pub fn only_asks_for_the_check(message: &str) -> bool {
    let parts = clauses(message);
    parts.len() > 1 && parts.iter().all(|p| cues::check(&Normalised::new(p)))
}
