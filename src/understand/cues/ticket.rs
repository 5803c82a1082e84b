//! Asks after the user's ticket, asks to add to it, or to close it.

use super::choices::YES_TRIGGERS;
use super::negation::NEGATORS;
use super::not_fixed::NOT_FIXED_STRONG;
use super::only_words_of;
use super::questions::opens_like_a_question;
use crate::understand::text::{BREAK, HAPPY, Normalised, SAD};

/// Asking after a ticket: its word, or news of it.
const TICKET_NEWS: &[&str] = &[
    "ticket",
    "any news",
    "any update",
    "any updates",
    "any progress",
    "heard back",
    "hear back",
    "anyone looking",
    "anybody looking",
    "someone looking",
    "get back to me",
    "got back to me",
    "any word",
];

/// Waiting told ("hello?? anyone there its been 5 hours" while the ticket waits: where it
/// stands; explorer rv47 F15: "I don't have an article for that"). Beside a problem named
/// ("i get H202, anyone here know why"), the problem counts.
pub const WAITING: &[&str] = &[
    "anyone there",
    "any one there",
    "nothing from support",
    "no word from support",
    "heard nothing",
    "anybody there",
    "anyone here",
    "anybody here",
    "been waiting",
    // (Not "no reply yet", which may be from the bank.)
    "no one replied",
    "nobody replied",
    "no one has replied",
    "nobody has replied",
    "no one got back",
    "nobody got back",
];

/// Ticket news only in a question ("did anyone look at it yet?"; "i looked at it again, still
/// blank" describes something).
const TICKET_NEWS_ASKED: &[&str] = &[
    "look at it",
    "looked at it",
    "looking at it",
    "heard anything",
    "hear anything",
    // "is anyone going to help me?" from someone whose ticket is open: where it stands.
    "going to help",
    "gonna help",
    "when will someone",
    "when will anyone",
    // "how long will this take" after a hand-over: the wait.
    "how long will this take",
    "how long will it take",
    "how long do i wait",
    "how long do i have to wait",
    "how long until someone",
    "how long till someone",
    "how long is the wait",
    "how long for a reply",
    "how long does it usually take",
    "how long is this gonna take",
    "how long is this going to take",
    "why is it taking so long",
    "why is this taking so long",
];

/// Ticket news only in a message of these words alone ("still waiting", "status?"; "still
/// waiting on deposits" and "status shows pending" describe something).
const SHORT_TICKET_NEWS: &[&str] = &["still waiting", "status", "eta"];
const SHORT_TICKET_NEWS_WORDS: &[&str] = &[
    "still", "waiting", "status", "eta", "whats", "what", "is", "the", "any", "so", "hello", "hi",
    "and", "ok", "please", "pls", "on", "this", "it", "for", "a", "an", "reply", "answer",
    "response", "my", "ticket", "update", SAD,
];

/// Asking for what was said to go on the ticket ("add it to my ticket", "put this on the
/// ticket too"): one of these with the word "ticket".
const ADD_TO: &[&str] = &[
    "add", "put", "attach", "include", "append", "forward", "send",
];

/// The words of a request to add to the ticket that add nothing themselves ("please add it to
/// my ticket too"): a message of only these has nothing new to add.
const ADD_REQUEST_WORDS: &[&str] = &[
    "add",
    "put",
    "attach",
    "include",
    "append",
    "forward",
    "send",
    "it",
    "this",
    "that",
    "these",
    "them",
    "all",
    "everything",
    "to",
    "on",
    "in",
    "onto",
    "into",
    "with",
    "my",
    "the",
    "ticket",
    "too",
    "also",
    "as",
    "well",
    "please",
    "pls",
    "plz",
    "can",
    "could",
    "you",
    "i",
    "want",
    "would",
    "like",
    "ok",
    "okay",
    "just",
    "and",
    "then",
    "now",
    "there",
    "thanks",
    "thank",
    HAPPY,
];

/// Asking for the ticket to be closed ("nevermind close it", "can i cancel the ticket").
const CLOSE_TICKET: &[&str] = &[
    "close it",
    "close the ticket",
    "close my ticket",
    "close this ticket",
    "cancel it",
    "cancel the ticket",
    "cancel my ticket",
    "cancel this ticket",
    "cancel the request",
    "cancel my request",
    "withdraw the ticket",
    "withdraw my ticket",
    "withdraw the request",
    "withdraw my request",
    "you can close",
    "can be closed",
    "no longer need help",
    "dont need help anymore",
    "dont need help any more",
    "dont need the ticket",
];

/// Whether a short message asks for the ticket to be closed (see
/// [`super::super::asks_to_close_ticket`]).
pub fn asks_to_close_ticket(text: &Normalised) -> bool {
    // "dont close it", "i cant close it", "how do i cancel it": no request ("dont need help
    // anymore" is one).
    const NOT_A_REQUEST: &[&str] = &[
        "dont", "do", "not", "never", "cant", "cannot", "wont", "how", "why", "couldnt",
    ];
    let words: Vec<&str> = text.words().collect();
    // ("never mind, cancel the ticket": "never mind" takes back the ask for a person, no
    // refusal; explorer rv48 F6 had it answered with where the ticket stands.)
    let refuses = words.iter().enumerate().any(|(i, w)| {
        NOT_A_REQUEST.contains(w)
            && !(*w == "dont" && words.get(i + 1) == Some(&"need"))
            && !(*w == "never" && words.get(i + 1) == Some(&"mind"))
    });
    text.word_count() <= 10 && text.any(CLOSE_TICKET) && !refuses && !text.any(NOT_FIXED_STRONG)
}

/// Whether a short message asks after the user's ticket (see [`super::super::asks_about_ticket`]).
pub fn asks_about_ticket(text: &Normalised) -> bool {
    // A ticket id ("T-0001") reads as the words "t" and its number.
    let words: Vec<&str> = text.words().collect();
    let names_an_id = words
        .windows(2)
        .any(|w| w[0] == "t" && w[1].len() >= 3 && w[1].bytes().all(|b| b.is_ascii_digit()));
    let asks = text.is_question() || opens_like_a_question(text) || text.starts("did");
    // Short: a longer message with these words describes something ("anyone looking at the
    // bank feed sync? it stopped on monday and ...").
    text.word_count() <= 8
        && (text.any(TICKET_NEWS)
            || text.any(WAITING)
            || waited_this_long(text)
            || names_an_id
            || asks && text.any(TICKET_NEWS_ASKED))
        || text.any(SHORT_TICKET_NEWS) && only_words_of(text, SHORT_TICKET_NEWS_WORDS)
}

/// "hello? its been 3 hours", "been a few days": the time waited, said as such ("its been
/// blank for 3 hours" says what is wrong).
pub fn waited_this_long(text: &Normalised) -> bool {
    const HOW_MANY: &[&str] = &[
        "a", "an", "few", "couple", "many", "several", "hours", "days",
    ];
    const UNITS: &[&str] = &[
        "minutes", "mins", "hour", "hours", "hrs", "day", "days", "week", "weeks",
    ];
    let words: Vec<&str> = text.words().collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "been"
            && words
                .get(i + 1)
                .is_some_and(|n| HOW_MANY.contains(n) || n.bytes().all(|b| b.is_ascii_digit()))
            && words[i + 1..].iter().take(3).any(|u| UNITS.contains(u))
    })
}

/// Whether the message asks to put something on the ticket (see
/// [`super::super::asks_to_add_to_ticket`]).
pub fn asks_to_add_to_ticket(text: &Normalised) -> bool {
    // "dont add that to my ticket", "did you send my ticket?" are not requests; a negation
    // after the request ("add this: it doesnt work on firefox either") is what it adds.
    let words: Vec<&str> = text.words().collect();
    let Some(verb) = words.iter().position(|w| ADD_TO.contains(w)) else {
        return false;
    };
    let refused = words[..verb].iter().any(|w| NEGATORS.contains(w));
    let asked_about = text.is_question() && !text.starts("can") && !text.starts("could");
    text.any(&["ticket"]) && !refused && !asked_about
}

/// "yes add it", "please add", "ok add that": the offer to add to the ticket taken, in
/// words (with no "ticket" in them: the offer on screen is what they answer).
pub fn only_says_add(text: &Normalised) -> bool {
    text.has("add")
        && text.words().filter(|w| *w != BREAK).all(|w| {
            ADD_REQUEST_WORDS.contains(&w)
                || YES_TRIGGERS.contains(&w)
                || ["go", "ahead", "do"].contains(&w)
        })
}

/// Whether a request to add to the ticket says nothing else (see
/// [`super::super::only_asks_to_add`]).
pub fn only_asks_to_add(text: &Normalised) -> bool {
    only_words_of(text, ADD_REQUEST_WORDS)
}
