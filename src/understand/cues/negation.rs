//! Negations, and what passes for a negation of the fix without being one ("dont know why").

use super::gone::{GONE, error_gone, no_longer_seen, trouble_stopped};
use super::signed_in::{NOT_SIGNED_OUT, signed_in_so_far};
use crate::understand::text::{BREAK, Normalised};

/// Say why not, not whether, or nothing about the fix at all: a negation in these is not about
/// the fix ("it works, dont know why", "no hurry").
const NOT_KNOWING_WHY: &[&str] = &[
    "dont know why",
    "do not know why",
    "not sure why",
    "no idea why",
    "no idea what happened",
    "cant say why",
    "cannot say why",
    "dunno why",
    // Not about the fix either: "no hurry", "no worries".
    "no hurry",
    "no rush",
    "no worries",
    "no problem",
    // What the user had not thought of, not the fix ("didnt think to do that, but it worked").
    "didnt think to",
    "didnt think of",
    "did not think to",
    "did not think of",
    "never thought to",
    "never thought of",
    "didnt realize",
    "didnt realise",
    // Which of several things fixed it, not whether ("not sure if it was the wifi or the
    // plugins", "couldnt determine if it was cloudflare").
    // (Not "not sure if it was fixed": whether, again.)
    "not sure if it was the",
    "not sure if it was my",
    "not sure if it was a",
    "not sure whether it was the",
    "not sure whether it was my",
    "dont know if it was the",
    "dont know if it was my",
    "couldnt determine",
    "could not determine",
    "cant determine",
    "couldnt figure out why",
    "couldnt figure out what",
    "did not realize",
    "did not realise",
];

/// Negates what follows: a fix word after one of these is not a fix.
pub(in crate::understand) const NEGATORS: &[&str] = &[
    "not", "no", "never", "nothing", "didnt", "doesnt", "dont", "isnt", "wasnt", "arent", "havent",
    "hasnt", "cant", "cannot", "wont", "unable", "nor", "without", "neither", "wouldnt", "couldnt",
];

/// The words of a fix that, negated, say it is not fixed ("didnt help", "not working").
pub(in crate::understand) const FIX_WORDS: &[&str] = &[
    "fix", "fixed", "fixes", "solved", "solve", "resolved", "work", "works", "worked", "working",
    "help", "helped", "helps", "sorted", "change", "changed", "luck", "better", "load", "loads",
    "loading", "open", "opens", "good", "fine",
];

/// "... and here it doesnt": a negation that ends its sentence negates what was just tried.
pub(super) fn ends_negated(text: &Normalised) -> bool {
    let words: Vec<&str> = text.words().collect();
    words.iter().enumerate().any(|(i, w)| {
        ["doesnt", "didnt", "isnt", "wasnt", "wont", "dont", "not"].contains(w)
            && words.get(i + 1).is_none_or(|next| *next == BREAK)
    })
}

/// A negation somewhere ("I cant log in"), not necessarily about the fix.
pub fn negated(text: &Normalised) -> bool {
    about_the_fix(text).any(NEGATORS)
}

/// The reply without what would pass for a negation of the fix and is not one: "no longer
/// crashes" says fixed, "dont know why" says nothing about it.
pub(super) fn about_the_fix(text: &Normalised) -> Normalised {
    let gone = error_gone(text);
    let gone: Vec<&str> = gone.iter().map(String::as_str).collect();
    // ("nothing major changed", "tried it, nothing major": nothing changed.)
    let found = !text.any(&[
        "changed",
        "change",
        "happened",
        "different",
        "difference",
        "helped",
        "help",
        "tried",
    ]);
    let so_far: &[&str] = if signed_in_so_far(text) {
        NOT_SIGNED_OUT
    } else {
        &[]
    };
    let text = text
        .without(NOT_KNOWING_WHY)
        .without(OWN_CHANGE_NOT_MADE)
        .without(GONE)
        .without(so_far)
        .without(&no_longer_seen())
        .without(&trouble_stopped())
        .without(&gone)
        .without_clause_after(WONDERS)
        .without_clause_after(ASKS_TO_BE_TOLD);
    // "if it was cloudflare or not", "whether or not": a choice, not a negation ("is it
    // working or not" asks).
    let text = if text.any(&["if", "whether"]) {
        text.without(&["or not"])
    } else {
        text
    };
    if found {
        text.without(NOTHING_FOUND)
    } else {
        text
    }
}

/// "i havent changed my password", "we didnt change the settings": a change the user did not
/// make, said of their own things; no result of the fix ("it didnt change anything" is one).
const OWN_CHANGE_NOT_MADE: &[&str] = &[
    "i havent changed my",
    "i havent changed the",
    "i havent changed any",
    "i didnt change my",
    "i didnt change the",
    "i didnt change any",
    "i never changed my",
    "i never changed the",
    "i did not change my",
    "i did not change the",
    "i have not changed my",
    "i have not changed the",
    "we havent changed our",
    "we havent changed the",
    "we havent changed any",
    "we didnt change our",
    "we didnt change the",
    "we never changed our",
    "we have not changed our",
];

/// Asks to be told when it is over ("notify me when its fixed"): what follows is no news.
pub const ASKS_TO_BE_TOLD: &[&str] = &[
    "notify me",
    "let me know when",
    "let me know once",
    "tell me when",
    "tell me once",
    "ping me when",
    "message me when",
    "keep me posted",
    "keep me updated",
];

/// Open a clause that wonders rather than tells ("ill try the nightly to see if the crash still
/// occurs"): what follows says nothing about the fix yet.
const WONDERS: &[&str] = &[
    "to see if",
    "to see whether",
    "to check if",
    "to check whether",
];

/// What a look found ("task manager shows nothing big", "nothing unusual in the log"): a
/// detail, no "nothing changed".
const NOTHING_FOUND: &[&str] = &[
    "nothing big",
    "nothing unusual",
    "nothing weird",
    "nothing strange",
    "nothing suspicious",
    "nothing special",
    "nothing out of the ordinary",
    "nothing stands out",
    "nothing obvious",
    "nothing major",
    "nothing heavy",
];
