//! Whether a reply says the fix on screen is not for the user: "i dont use the app" at "Clear
//! the QuickBooks app cache", "im not importing anything" at "Split large imports", "doesnt
//! apply to me". Not a failure of the fix: it was never tried.
//!
//! Also whether the user would rather not do the fix ("i dont want to get logged out", "id
//! rather not turn off the firewall"): passed over the same way, never "did not fix it".
//!
//! Pure: reads the reply and the fix's title only.

use crate::matcher::text::stem;
use crate::plain_words::lowercase_words;

/// Says so outright, whatever the fix.
const DOES_NOT_APPLY: &[&str] = &[
    "doesnt apply",
    "does not apply",
    "dont apply",
    "not applicable",
    "not relevant to me",
    "not relevant for me",
    "not relevant to us",
];

/// Verbs of having or using something ("i dont use the app"): the thing after them is what
/// the user says they lack.
const HAVING: &[&str] = &["use", "using", "have", "having", "need", "own"];

/// Title words that say nothing of what the fix is about.
const PLAIN: &[&str] = &[
    "the", "and", "your", "you", "for", "with", "from", "into", "then", "only", "own", "other",
    "its", "their", "this", "that", "them", "out", "off", "again", "all", "any",
];

/// Whether `reply` says the fix titled `title` does not apply to the user: outright, or by
/// "i/we dont use|have ..." or "im/were not ...ing" naming a word of the title.
pub fn does_not_apply(reply: &str, title: &str) -> bool {
    let words = lowercase_words(&reply.replace(['\'', '’'], ""));
    let padded = format!(" {} ", words.join(" "));
    // ("did that, im not signing in at all now, it loops back": how it went, not whether it
    // applies.)
    if says_a_result(reply, &padded) {
        return false;
    }
    if DOES_NOT_APPLY
        .iter()
        .any(|p| padded.contains(&format!(" {p} ")))
    {
        return true;
    }
    let titled: Vec<String> = lowercase_words(title)
        .iter()
        .filter(|w| w.chars().count() >= 3 && !PLAIN.contains(&w.as_str()))
        .map(|w| stem(w))
        .collect();
    let in_title = |w: &str| titled.contains(&stem(w));
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    // "this isnt about banking, its payroll" at "Manually update bank transactions": the fix,
    // not the article, is about something else.
    let about_another_thing = (0..w.len()).any(|i| {
        let about = match (w[i], w.get(i + 1).copied()) {
            ("isnt" | "not", Some("about")) => i + 2,
            ("nothing", Some("to")) if w.get(i + 2..i + 4) == Some(&["do", "with"][..]) => i + 4,
            _ => return false,
        };
        w.iter().skip(about).take(3).any(|t| in_title(t))
    });
    if about_another_thing {
        return true;
    }
    (0..w.len()).any(|i| {
        let at = |k: usize| w.get(i + k).copied().unwrap_or("");
        // "i dont use", "we never have", "i dont even use".
        let (neg_end, verb_at) = match (at(0), at(1), at(2)) {
            ("i" | "we", "dont" | "never", _) => (i + 2, i + 2),
            ("i" | "we", "do", "not") => (i + 3, i + 3),
            ("im" | "were", "not", _) => (i + 2, i + 2),
            ("i" | "we", "am" | "are", "not") => (i + 3, i + 3),
            _ => return false,
        };
        let verb_at = if w.get(neg_end) == Some(&"even") {
            verb_at + 1
        } else {
            verb_at
        };
        let Some(verb) = w.get(verb_at) else {
            return false;
        };
        if HAVING.contains(verb) {
            // The thing had or used, within the next four words.
            w.iter().skip(verb_at + 1).take(4).any(|t| in_title(t))
        } else {
            // "im not importing anything", "we dont import": the deed of the title.
            let doing = matches!(at(0), "im" | "were" | "i" | "we")
                && (verb.ends_with("ing") || matches!(at(1), "dont" | "never" | "do"));
            doing && in_title(verb)
        }
    })
}

/// The user will not do it (a wish, not a result).
const RATHER_NOT: &[&str] = &[
    "dont want to",
    "do not want to",
    "dont wanna",
    "would rather not",
    "id rather not",
    "rather not",
    "prefer not to",
    "id prefer not",
    "not comfortable",
    "im not doing that",
    "not gonna do that",
    "not going to do that",
    "i wont do that",
];

/// Words of a result, or of the fix done, beside the wish or the "not for me" ("i dont want to
/// wait anymore, still broken", "did it, didnt help. i dont want to keep doing this"): then it
/// is read as the result.
const A_RESULT: &[&str] = &[
    "still",
    "again",
    "didnt work",
    "did not work",
    "doesnt work",
    "not working",
    "worked",
    "works",
    "fixed",
    "no luck",
    "same",
    "didnt help",
    "did not help",
    "doesnt help",
    "no change",
    "nothing changed",
    "no difference",
    "did it",
    "did that",
    "done that",
    "done it",
    "tried it",
    "tried that",
    "kicks me out",
    "kicked out",
    "logs me out",
    "loops",
];

/// Whether `reply` (with `padded`, its words joined and spaced at both ends) tells how the fix
/// went, or that it was done.
fn says_a_result(reply: &str, padded: &str) -> bool {
    A_RESULT.iter().any(|p| padded.contains(&format!(" {p} ")))
        || super::cues::says_still_broken(&super::text::Normalised::new(reply))
}

/// Whether `reply` says the user would rather not do the fix on screen ("do i have to remove
/// ALL? i dont want to get logged out", "id rather not turn off the firewall"), and says no
/// result of it.
pub fn would_rather_not(reply: &str) -> bool {
    let words = lowercase_words(&reply.replace(['\'', '’'], ""));
    let padded = format!(" {} ", words.join(" "));
    let says = |p: &&str| padded.contains(&format!(" {p} "));
    RATHER_NOT.iter().any(says) && !says_a_result(reply, &padded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wish_not_to_do_the_fix_is_no_result_of_it() {
        for reply in [
            "do i have to remove ALL? i dont want to get logged out",
            "i dont want to lose my saved passwords",
            "id rather not turn off the firewall",
            "i'm not comfortable doing that on a work pc",
        ] {
            assert!(would_rather_not(reply), "{reply}");
        }
        for reply in [
            "i dont want to wait anymore, still broken",
            "did it, didnt work, i dont want to do this all day",
            "cleared them, works now",
            "i want to keep going",
            "did it, didnt help. i dont want to keep doing this",
            "did it, no change, i dont want to wait around",
            "it kicks me out every 5 min, i dont want to keep signing in",
            "did it, didnt help. i dont want to mess with my bank",
        ] {
            assert!(!would_rather_not(reply), "{reply}");
        }
    }

    #[test]
    fn a_fix_for_something_the_user_does_not_have_or_do_is_not_theirs() {
        for (reply, title) in [
            (
                "i dont use the app, just the website",
                "Clear the QuickBooks app cache",
            ),
            (
                "im not importing anything??",
                "Split large imports and batch actions",
            ),
            (
                "we don't even use a vpn",
                "Try without the VPN and on another network",
            ),
            ("that doesnt apply to me", "Rename the CPS folder"),
            (
                "I am not using Internet Explorer",
                "Allow Active Scripting in Internet Explorer",
            ),
            (
                "this isnt about banking, its payroll",
                "Manually update bank transactions",
            ),
            (
                "my problem has nothing to do with the firewall",
                "Temporarily turn off the firewall",
            ),
        ] {
            assert!(does_not_apply(reply, title), "{reply} / {title}");
        }
    }

    #[test]
    fn a_failure_or_a_want_is_no_fix_that_does_not_apply() {
        for (reply, title) in [
            ("it doesnt open", "Open the file on the server"),
            ("the app still wont load", "Clear the QuickBooks app cache"),
            (
                "i dont see the banking tab",
                "Manually update bank transactions",
            ),
            ("im not sure how", "Clear the QuickBooks app cache"),
            // About the article, not the fix: no word of the fix's title.
            (
                "this isnt about payroll",
                "Manually update bank transactions",
            ),
            (
                "thats not about a 502 at all",
                "Manually update bank transactions",
            ),
            (
                "i dont have time for this, still broken",
                "Clear the QuickBooks app cache",
            ),
            (
                "i used the app and it still fails",
                "Clear the QuickBooks app cache",
            ),
            // A result beside it (found by a reviewer, thirtieth session).
            (
                "i updated, i dont have any new transactions, still 502",
                "Manually update bank transactions",
            ),
            (
                "turned it off, i dont have the firewall on now, still 502",
                "Temporarily turn off the firewall",
            ),
            (
                "thats not about banking, still broken",
                "Manually update bank transactions",
            ),
            (
                "did that, im not signing in at all now, it loops back",
                "Clear Intuit cookies and sign in again",
            ),
            (
                "cleared them but i never sign in successfully, same loop",
                "Clear Intuit cookies and sign in again",
            ),
        ] {
            assert!(!does_not_apply(reply, title), "{reply} / {title}");
        }
    }
}
