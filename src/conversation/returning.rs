//! Reading a returning user's "same problem as yesterday": the problem is back, said without
//! the words of a fix that did not last ("its doing it again" has those).

use crate::plain_words::lowercase_words;

/// Words that name the earlier problem as a whole ("same problem as yesterday").
const SAME: &[&str] = &["same problem", "same issue", "same thing", "same error"];
/// Words that place that problem before now.
const BEFORE: &[&str] = &[
    "again",
    "yesterday",
    "last time",
    "last week",
    "the other day",
];
/// Words that say the user was here before ("hi again").
const VISIT: &[&str] = &[
    "yesterday",
    "last time",
    "last week",
    "the other day",
    "hi again",
    "hello again",
    "hey again",
];
/// "its back up", "its back to normal": working again, not the problem back. ("on" only
/// ends it: "its back on" works, "H202 is back on the front desk pc" does not.)
const BACK_WORKING: &[&str] = &["up", "online", "working", "to normal", "now"];
/// What may be back besides "it": the trouble by name ("the error is back", "the blank page is
/// back"); a code ("H202 is back") is one too.
const TROUBLE_NOUNS: &[&str] = &[
    "error", "errors", "problem", "issue", "bug", "loop", "page", "screen", "message", "code",
    "spinner", "crash",
];

/// The message's words, lowercased, one space apart and padded by one (so a phrase is found
/// whole with `contains(" phrase ")`), "it's" read as "its".
fn spaced(text: &str) -> String {
    let joined = lowercase_words(&text.replace(['’', '\''], ""));
    format!(" {} ", joined.join(" "))
}

/// Whether `words` (see [`spaced`]) has any of `phrases` whole.
fn has_any(words: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| words.contains(&format!(" {p} ")))
}

/// Whether the message says the earlier problem is back: "same problem as yesterday", "same
/// issue again", "its back", "its happening again" ("its back up" is the opposite).
pub(super) fn says_it_is_back(text: &str) -> bool {
    let words = spaced(text);
    // What comes right after a "... back" at `at` (from the space that ends it) says the
    // trouble is back, not working again.
    let trouble_back = |at: usize| {
        let after = &words[at..];
        !BACK_WORKING
            .iter()
            .any(|w| after.starts_with(&format!(" {w} ")))
            && after != " on "
    };
    let back = ["its back", "it is back"].iter().any(|b| {
        words
            .match_indices(&format!(" {b} "))
            .any(|(at, m)| trouble_back(at + m.len() - 1))
    });
    // "Birch Law H202 is back on the front desk pc", "the blank page is back".
    let named_back = words.match_indices(" is back ").any(|(at, m)| {
        let before = words[..at].rsplit(' ').next().unwrap_or("");
        (before.bytes().any(|b| b.is_ascii_digit()) || TROUBLE_NOUNS.contains(&before))
            && trouble_back(at + m.len() - 1)
    });
    (has_any(&words, SAME) && has_any(&words, BEFORE))
        || back
        || named_back
        || has_any(&words, &["happening again", "back again"])
}

/// Whether the message says the problem is back as from an earlier visit ("hi again, same
/// problem as yesterday"): not an answer to the fix on screen, which the user may not have
/// tried. ("same issue again" alone, during a walk, says the fix failed.)
pub(super) fn back_from_an_earlier_visit(text: &str) -> bool {
    says_it_is_back(text) && has_any(&spaced(text), VISIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returning_user_says_the_problem_is_back_in_many_ways() {
        for said in [
            "hi again, same problem as yesterday",
            "same issue again",
            "its back",
            "it's back :(",
            "same problem as last time",
            "its happening again",
            "hi again, same problem as yesterday, amex isnt syncing again",
            "morning. Birch Law H202 is back on the front desk pc",
            "the blank page is back",
            "ugh the error is back again",
        ] {
            assert!(says_it_is_back(said), "{said}");
        }
        for said in [
            "its back up now",
            "it's back to normal",
            "same problem on my phone",
            "is it the same thing as the 502?",
            "my back hurts",
            "its back on",
            "my boss is back on monday",
            "the page is back up",
        ] {
            assert!(!says_it_is_back(said), "{said}");
        }
    }

    #[test]
    fn only_words_of_an_earlier_visit_say_the_user_was_away() {
        assert!(back_from_an_earlier_visit(
            "hi again, same problem as yesterday"
        ));
        assert!(back_from_an_earlier_visit("same problem as last time"));
        assert!(!back_from_an_earlier_visit("same issue again"));
        assert!(!back_from_an_earlier_visit("its happening again"));
    }
}
