//! Answers to a choice on screen: yes or no, switch or stay, the right or wrong article, a number.

use super::fixed::{FIXED_WEAK, strong_fixed};
use super::only_words_of;
use super::partly::names_device;
use crate::understand::text::{BREAK, HAPPY, Normalised, SAD};

/// The reply is only small numbers ("1", "[3]"): a choice's number typed where none is on
/// screen, which says nothing of a result. ("404", "6123" and "-6000, -83" are error codes.)
pub fn only_numbers(text: &Normalised) -> bool {
    let mut words = text.words().filter(|w| *w != BREAK).peekable();
    words.peek().is_some()
        && words.all(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Says the article being walked is not the user's problem ("no thats not my problem").
const WRONG_ARTICLE: &[&str] = &[
    "not my problem",
    "not my issue",
    "not the problem i have",
    "not the problem im having",
    "not my question",
    "not what i asked",
    "not what im asking",
    "not what i said",
    "wrong article",
    "wrong topic",
    "wrong problem",
    "has nothing to do with my",
    "nothing to do with my problem",
    "nothing to do with my issue",
    "i dont have that problem",
    "isnt about",
    "not about",
    "isnt what im seeing",
    "not what im seeing",
    "isnt what i see",
    "not what i see",
    "not what im getting",
    "i dont have that issue",
];

/// Whether the reply says the article on screen is not the user's problem at all ("no thats
/// not my problem, it logs me out", "why would i update bank transactions").
pub fn says_wrong_article(text: &Normalised) -> bool {
    // ("works now, its not my problem anymore" says it works.)
    text.any(WRONG_ARTICLE) && !text.has("anymore") && !strong_fixed(text)
}

/// Every word of a plain "yes, that's the one" ("yes", "yep that's it", "correct 👍").
const YES_WORDS: &[&str] = &[
    "yes", "yess", "yep", "yeah", "yup", "ya", "sure", "correct", "right", "exactly", "indeed",
    "thats", "that", "its", "it", "this", "is", "one", "the", "sounds", "like", "ok", "okay", "i",
    "think", "so", "please", "pls", "do", "go", "ahead", "k", "kk", "okie", "actually", "does",
    "did", HAPPY,
];

/// Phrases that say yes with no yes word in them ("go ahead", "please do").
const YES_PHRASES: &[&str] = &[
    "go ahead",
    "please do",
    "do it",
    "do that",
    "thats it",
    "thats the one",
    // "Does it work there?" - "it does".
    "it does",
    "it did",
    "sure does",
];

/// Phrases that say the article is the right one, not that its fix worked ("yep, that's it").
const THE_ONE: &[&str] = &["thats it", "thats the one", "this is it", "that is it"];

/// Words that, at "keep going or switch?", only make the choice ("switch pls", "keep going").
const SWITCH_OR_STAY_WORDS: &[&str] = &[
    "switch",
    "change",
    "swap",
    "the",
    "other",
    "new",
    "one",
    "keep",
    "going",
    "continue",
    "stay",
    "carry",
    "on",
    "with",
    "this",
    "current",
    "please",
    "pls",
    "plz",
    "ok",
    "okay",
    "lets",
    "yes",
    "yeah",
    "i",
    "want",
    "to",
    "rather",
    "go",
    "no",
    "nope",
    "nah",
    HAPPY,
    // Hedged or left to the bot ("keep going i guess", "whichever"): an explorer's.
    "guess",
    "think",
    "suppose",
    "probably",
    "maybe",
    "just",
    "sure",
    "fine",
    "whichever",
    "either",
    "dont",
    "care",
    "you",
    "choose",
    "decide",
    "up",
    "doesnt",
    "matter",
    "is",
];

/// Leaves the choice to the bot ("whichever", "up to you"): the walk on screen goes on.
const EITHER_WAY: &[&str] = &[
    "whichever",
    "either",
    "dont care",
    "you choose",
    "you decide",
    "up to you",
    "doesnt matter",
];

/// "switch pls" (`Some(true)`) or "keep going" (`Some(false)`) at "keep going or switch?", and
/// nothing else; `None` for anything that says more, or both.
pub fn switch_or_stay(text: &Normalised) -> Option<bool> {
    if !only_words_of(text, SWITCH_OR_STAY_WORDS) {
        return None;
    }
    let switch = text.any(&["switch", "change", "swap", "the other", "new one"]);
    let stay = text.any(&[
        "keep going",
        "continue",
        "stay",
        "carry on",
        "this one",
        "current",
    ]);
    match (switch, stay) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        (false, false) if text.any(EITHER_WAY) => Some(false),
        _ => None,
    }
}

/// Whether a plain yes says the problem was recognised ("yep, that's it", "that's the one")
/// rather than that a fix worked (see [`super::super::confirms_the_article`]).
pub fn confirms_the_article(text: &Normalised) -> bool {
    yes_or_no(text) == Some(true) && text.any(THE_ONE)
}

/// Every word of a plain "no, not that" ("no", "nope", "not it", "none of these").
const NO_WORDS: &[&str] = &[
    "no", "nope", "nah", "not", "neither", "none", "wrong", "thats", "its", "it", "that", "really",
    "quite", "i", "dont", "think", "so", "sorry", "one", "of", "them", "those", "these", "wait",
    "actually", SAD,
];

/// The words of [`YES_WORDS`] that say yes on their own (the rest only fill out a yes).
pub const YES_TRIGGERS: &[&str] = &[
    "yes", "yess", "yep", "yeah", "yup", "ya", "sure", "correct", "exactly",
];

/// The words of [`NO_WORDS`] that say no on their own.
pub const NO_TRIGGERS: &[&str] = &["no", "nope", "nah", "not", "neither", "none", "wrong"];

/// A bare yes (`Some(true)`) or no (`Some(false)`) to "is this it?", and nothing else.
pub fn yes_or_no(text: &Normalised) -> Option<bool> {
    let has = |w: &str| text.words().any(|x| x == w);
    if text.is_empty() {
        return None;
    }
    // "ok", "k" or a lone cheer ("👍") answer a yes/no question with yes; beside other words
    // an "ok" is only filler ("ok, not that one").
    let lone_ok =
        text.word_count() == 1 && ["ok", "okay", "k", "kk", "okie"].iter().any(|w| has(w));
    let only_cheers = text.words().all(|w| w == HAPPY || w == BREAK);
    // "sure why not": a yes, whose "not" says no such thing.
    const WHY_NOT: &[&str] = &["why not"];
    let rest = text.without(WHY_NOT);
    let says_yes = YES_TRIGGERS.iter().any(|w| has(w))
        || text.any(YES_PHRASES)
        || text.any(WHY_NOT)
        || lone_ok
        || only_cheers;
    let says_no = NO_TRIGGERS.iter().any(|w| rest.words().any(|x| x == *w));
    match (says_yes, says_no) {
        (true, false) if only_words_of(&rest, YES_WORDS) => Some(true),
        (false, true) if only_words_of(text, NO_WORDS) => Some(false),
        _ => None,
    }
}

/// Only a yes and where the user is ("Yes android", "yeah iphone 12"): the words left after
/// the yes are at most two and name a browser or device.
pub fn only_yes_and_where(text: &Normalised) -> bool {
    let rest: Vec<&str> = text
        .words()
        .filter(|w| *w != BREAK && !FIXED_WEAK.contains(w))
        .collect();
    let rest = Normalised::from_padded(&format!(" {} ", rest.join(" ")));
    text.words().any(|w| FIXED_WEAK.contains(&w))
        && (1..=2).contains(&rest.word_count())
        && (names_device(&rest) || crate::browser::Browser::detect(&rest.plain).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_is_also_a_word_of_its_answer() {
        // A trigger missing from its word list could never be a bare answer on its own.
        for w in YES_TRIGGERS {
            assert!(YES_WORDS.contains(w), "{w} is not in YES_WORDS");
            assert_eq!(yes_or_no(&Normalised::new(w)), Some(true), "{w}");
        }
        for w in NO_TRIGGERS {
            assert!(NO_WORDS.contains(w), "{w} is not in NO_WORDS");
            assert_eq!(yes_or_no(&Normalised::new(w)), Some(false), "{w}");
        }
    }
}
