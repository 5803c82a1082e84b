//! A fix told by its result ("it loaded fine", "I can see my dashboard now"), not in fix words.

use super::gone::{code_like, errorish};
use super::partly::names_device;
use crate::understand::text::{BREAK, NEG, Normalised};

/// What was missing, there now ("transactions are showing now", "payment went through"): a fix
/// only when nothing beside it tells trouble ([`nothing_wrong_beside`]).
pub(super) const THERE_NOW: &[&str] = &[
    "showing now",
    "showing up now",
    "updating now",
    "updates now",
    "is there now",
    "are there now",
    "appear now",
    "appears now",
    "appearing now",
    "went through fine",
    "went through now",
    // ("they came thru", "its quick again": a fix only with nothing wrong beside; "the error
    // came thru again" or "fast again but then slow" tell trouble.)
    "came thru",
    "went thru",
    "fast again",
    "quick again",
    "snappy again",
    "quicker now",
    "finally went through",
    "payment went through",
    "update went through",
    "payroll went through",
    "sync went through",
    "import went through",
    "problem went away",
    "issue went away",
];

/// Nothing in the reply tells trouble, a catch, a browser or a device: what the shape cues
/// ("I can see my dashboard now", "got it to load") need to be a fix ("i can see the error
/// now", "got it to load but it says 504", "i can open it now in edge" are not).
pub(super) fn nothing_wrong_beside(text: &Normalised) -> bool {
    const TROUBLE_WORDS: &[&str] = &[
        "minute",
        "second",
        "sec",
        "moment",
        "bit",
        "once",
        "briefly",
        "while",
        "spinner",
        "spinning",
        "circle",
        "loading",
        "banner",
        "blank",
        "white",
        "slow",
        "loop",
        "looping",
        "again",
        "except",
        "partially",
        "partly",
        "only",
        "but",
        "then",
        "until",
        "still",
        "error",
        "errors",
        "message",
        "warning",
        "logs",
        "kicks",
    ];
    !text
        .words()
        .any(|w| TROUBLE_WORDS.contains(&w) || code_like(w) || w.starts_with(NEG))
        && crate::browser::Browser::detect(&text.plain).is_none()
        && !names_device(text)
}

/// "I'm in!", "finally in", "got in": after a sign-in fix, the whole reply says it worked.
pub(super) fn arrived(text: &Normalised) -> bool {
    const OPENERS: &[&str] = &["yes", "yay", "ok", "okay", "omg", "wow", "and", "ah", "oh"];
    // ("i'm in now thanks", "got in, thank you!": thanks after it changes nothing.)
    const THANKED: &[&str] = &["thanks", "thank", "you", "thx", "ty", "tysm", "so", "much"];
    let mut words: Vec<&str> = text
        .words()
        .filter(|w| *w != BREAK)
        .skip_while(|w| OPENERS.contains(w))
        .collect();
    while words.len() > 2 && words.last().is_some_and(|w| THANKED.contains(w)) {
        words.pop();
    }
    matches!(
        words.as_slice(),
        ["im" | "finally" | "got", "in"]
            | ["i", "am" | "got", "in"]
            | ["im", "finally", "in"]
            | ["i", "finally", "got", "in"]
            | ["we", "are", "in"]
            | ["im", "in", "now"]
            | ["got", "in", "now"]
            | ["were", "good"]
            | ["were", "good", "now"]
    )
}

/// What the user can do now, said as the fix: "I can see my dashboard now", "now i can log
/// in" (`text` is negation-marked; "i can see the error now" tells trouble).
pub(super) fn can_now(text: &Normalised) -> bool {
    const CAN_DO: &[&str] = &[
        "see", "log", "login", "sign", "access", "open", "get", "use", "view", "reach", "print",
        "save", "send", "run",
    ];
    text.padded().split(BREAK).any(|sentence| {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        words.contains(&"now")
            && words
                .windows(2)
                .any(|w| w[0] == "can" && CAN_DO.contains(&w[1]))
            && !words.iter().any(|w| {
                errorish(w)
                    || RESULT_UNDONE.contains(w) && !["on", "in"].contains(w)
                    || ["same", "only", "but", "what", "how"].contains(w)
            })
    })
}

/// A fix told as what the things that failed do now: "now invoices load", "paused zapier and
/// now the reports open" (explorer rv46 F15: "didn't catch that"). The thing is one or two
/// words after "now", and the deed ends the sentence or is followed only by how well it
/// goes; nothing denied, nothing wrong in the sentence (`text` is negation-marked).
pub(super) fn now_they_work(text: &Normalised) -> bool {
    const DO: &[&str] = &[
        "load", "loads", "work", "works", "open", "opens", "show", "shows", "sync", "syncs",
        "appear", "appears", "save", "saves", "update", "updates",
    ];
    const HOW_WELL: &[&str] = &[
        "fine",
        "ok",
        "okay",
        "again",
        "properly",
        "normally",
        "correctly",
        "perfectly",
        "great",
        "now",
    ];
    // (Nor part of it, nor trouble coming up: "now half loads", "now a popup appears".)
    const NOT_A_THING: &[&str] = &[
        "it", "i", "we", "you", "still", "only", "that", "this", "a", "an", "half", "some", "part",
        "partly", "just", "popup", "window", "message", "dialog", "prompt", "warning",
    ];
    text.padded().split(BREAK).any(|sentence| {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let clean = !words.iter().any(|w| {
            errorish(w)
                || (RESULT_UNDONE.contains(w) && !["on", "in"].contains(w))
                || ["same", "what", "how", "why", "if", "when", "will"].contains(w)
        });
        clean
            && words.iter().enumerate().any(|(i, w)| {
                *w == "now"
                    && (2..=3).any(|k| {
                        words.get(i + k).is_some_and(|v| DO.contains(v))
                            && words[i + 1..i + k]
                                .iter()
                                .all(|t| !NOT_A_THING.contains(t) && !t.starts_with(NEG))
                            && words[i + k + 1..].iter().all(|t| HOW_WELL.contains(t))
                    })
            })
    })
}

/// What "got ... to" can make a thing do, said as a fix ("I got the printer to print").
const GOT_TO_VERBS: &[&str] = &[
    "work", "print", "load", "open", "sync", "connect", "save", "run", "start", "launch", "update",
    "show", "import", "download",
];

/// A fix told as what the user got a thing to do: "got it to load", "I got the printer to
/// print by running the service" (`text` is negation-marked: "never got it to load" is none).
pub(super) fn got_it_to_work(text: &Normalised) -> bool {
    let words: Vec<&str> = text.words().collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "got"
            // What was got going: "it", "the printer", "my feed" (not "got kicked and had to").
            && words.get(i + 1).is_some_and(|o| {
                ["it", "the", "my", "this", "that", "them", "everything", "our"].contains(o)
            })
            && words[i + 1..]
                .iter()
                .take(4)
                .take_while(|w| **w != BREAK)
                .position(|w| *w == "to")
                .is_some_and(|to| {
                    words
                        .get(i + 1 + to + 1)
                        .is_some_and(|verb| GOT_TO_VERBS.contains(verb))
                })
    })
}

/// What a step was for, done: the page loads, the file opens, the import goes in.
pub(super) const RESULT_VERBS: &[&str] = &[
    "loads",
    "loaded",
    "opens",
    "opened",
    "saves",
    "saved",
    "syncs",
    "synced",
    "syncing",
    "connects",
    "connected",
    "imports",
    "imported",
];

/// How a result went, said right after it ("it loaded fine").
const RESULT_HOW: &[&str] = &[
    "fine",
    "ok",
    "okay",
    "normally",
    "properly",
    "successfully",
    "correctly",
    "perfectly",
];

/// Words that put a sentence in the past or before the fix ("it loaded fine yesterday").
const BEFORE_THE_FIX: &[&str] = &[
    "yesterday",
    "before",
    "earlier",
    "until",
    "used",
    "last",
    "was",
    "were",
    "morning",
    "week",
    "if",
    "when",
    "whether",
];

/// Words in the same sentence that say the result did not hold or is elsewhere ("it loaded,
/// then went blank", "it opens ok but then freezes", "the file opens fine on the server").
const RESULT_UNDONE: &[&str] = &[
    "then", "but", "keeps", "blank", "freezes", "freeze", "froze", "crash", "crashes", "crashed",
    "stuck", "spins", "spinning", "slow", "error", "errors", "on", "in", "still",
];

/// A fix told as its result, not in fix words: "did just jan-mar and it loaded fine",
/// "opened from workstation now!!", "copied it into a new one and it saved". (`text` is
/// negation-marked, so "didnt open now" is no result.)
pub(super) fn result_stated(text: &Normalised) -> bool {
    let words: Vec<&str> = text.words().collect();
    let sentence_of = |i: usize| {
        let start = words[..i]
            .iter()
            .rposition(|w| *w == BREAK)
            .map_or(0, |b| b + 1);
        let end = words[i..]
            .iter()
            .position(|w| *w == BREAK)
            .map_or(words.len(), |b| i + b);
        &words[start..end]
    };
    words.iter().enumerate().any(|(i, w)| {
        if !RESULT_VERBS.contains(w) {
            return false;
        }
        let next = words.get(i + 1).copied().unwrap_or(BREAK);
        let before = |k: usize| i.checked_sub(k).map_or(BREAK, |j| words[j]);
        let said_how = RESULT_HOW.contains(&next)
            // "opened from workstation now"
            || words[i + 1..].iter().take(3).take_while(|w| **w != BREAK).any(|w| *w == "now")
            // "and now it opens", "now opens"
            || before(1) == "now"
            || (before(2) == "now" && before(1) == "it")
            // "and it saved.", "it loaded!"
            || (before(1) == "it" && next == BREAK);
        // The sentence after the result ("it loaded, then went blank") and the words around it.
        let sentence = sentence_of(i);
        let after: Vec<&str> = words[i + 1..]
            .iter()
            .copied()
            .filter(|w| !RESULT_HOW.contains(w) && *w != "now")
            .collect();
        said_how
            && !sentence.iter().any(|w| BEFORE_THE_FIX.contains(w))
            && !after.iter().any(|w| RESULT_UNDONE.contains(w))
            && !sentence.iter().any(|w| ["keeps", "still"].contains(w))
    })
}
