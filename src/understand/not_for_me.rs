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
    if says_a_result_strictly(&padded) {
        return false;
    }
    if DOES_NOT_APPLY
        .iter()
        .any(|p| padded.contains(&format!(" {p} ")))
    {
        return true;
    }
    let titled = title_stems(title);
    let in_title = |w: &str| titled.contains(&stem(w));
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let about_another_thing = about_another_thing(&w, in_title);
    // ("my problem isnt about cookies at all, the bank feed wont update" tells another
    // problem after it: that is read as one; see [`denies_the_fix_s_thing`].)
    if let Some(rest) = about_another_thing {
        let rest = super::text::Normalised::new(&rest);
        return !super::cues::mentions_trouble(&rest);
    }
    // "we have no vpn": the thing not had at all.
    let has_none = (0..w.len()).any(|i| {
        let at = |k: usize| w.get(i + k).copied().unwrap_or("");
        matches!((at(0), at(1), at(2)), ("i" | "we", "have" | "got", "no")) && in_title(at(3))
    });
    if has_none {
        return true;
    }
    lacks_or_does_not(&w, in_title, in_title)
}

/// "this isnt about banking, its payroll" at "Manually update bank transactions": the fix,
/// not the article, is about something else. The words after the title's word.
fn about_another_thing(w: &[&str], in_title: impl Fn(&str) -> bool) -> Option<String> {
    (0..w.len()).find_map(|i| {
        let about = match (w[i], w.get(i + 1).copied()) {
            // ("im not about to clear my cookies" refuses.)
            ("isnt" | "not", Some("about")) if w.get(i + 2) != Some(&"to") => i + 2,
            ("nothing", Some("to")) if w.get(i + 2..i + 4) == Some(&["do", "with"][..]) => i + 4,
            // "its not a bank feed problem", "not a banking issue".
            ("isnt" | "not", Some("a" | "an")) => i + 2,
            _ => return None,
        };
        // The words after the title's word ("feed problem" of "a bank feed problem" are
        // still the thing denied).
        let k = (about..w.len().min(about + 3)).find(|&k| in_title(w[k]))?;
        let kind = (k + 1..w.len().min(k + 3))
            .find(|&j| ["problem", "issue", "thing", "error", "question"].contains(&w[j]));
        if w[i + 1] != "about" && w[i] != "nothing" && kind.is_none() {
            return None;
        }
        Some(w[kind.unwrap_or(k) + 1..].join(" "))
    })
}

/// What the reply tells after saying the fix titled `title` is about something else ("this
/// isnt about banking, i cant even sign in" -> "i cant even sign in"), when it tells trouble
/// there: the caller decides whether that is another problem (it names another article) or
/// more of this one (explorer rv46 F2: the bank feed article, denied, was opened).
pub fn denies_the_fix_s_thing(reply: &str, title: &str) -> Option<String> {
    let words = lowercase_words(&reply.replace(['\'', '’'], ""));
    let titled = title_stems(title);
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    about_another_thing(&w, |x: &str| titled.contains(&stem(x)))
        .filter(|rest| super::cues::mentions_trouble(&super::text::Normalised::new(rest)))
}

/// "i dont use the app", "we never have a proxy", "im not importing anything": the user does
/// not use, have or do something, said of anything (a fact about them, whatever the fix on
/// screen is about), with no word of how a fix went.
pub fn says_what_they_do_without(reply: &str) -> bool {
    let words = lowercase_words(&reply.replace(['\'', '’'], ""));
    let padded = format!(" {} ", words.join(" "));
    // ("i dont have any 502 error, the bank feed just isnt showing new transactions" tells
    // trouble.)
    if says_a_result_strictly(&padded)
        || A_RESULT.iter().any(|p| padded.contains(&format!(" {p} ")))
        || super::cues::mentions_trouble(&super::text::Normalised::new(&padded).without(&[
            "im not",
            "were not",
            "i dont",
            "we dont",
            "i do not",
            "we do not",
            "i never",
            "we never",
        ]))
    {
        return false;
    }
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    // (Only having, using or doing a named thing: "i dont know", "i dont see it" are no such
    // fact.)
    const DOING: &[&str] = &["do", "run", "sync", "import", "print"];
    lacks_or_does_not(
        &w,
        |t| !PLAIN.contains(&t) && !["a", "an", "any", "my", "our", "it"].contains(&t),
        |verb| DOING.contains(&verb) || (verb.len() > 4 && verb.ends_with("ing")),
    )
}

/// Whether `w` says "i/we dont use|have X" (`thing` true of X) or "im/were not X-ing", "we
/// dont X" (`deed` true of X).
fn lacks_or_does_not(
    w: &[&str],
    thing: impl Fn(&str) -> bool,
    deed: impl Fn(&str) -> bool,
) -> bool {
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
            w.iter().skip(verb_at + 1).take(4).any(|t| thing(t))
        } else {
            // "im not importing anything", "we dont import": the deed of the title.
            let doing = matches!(at(0), "im" | "were" | "i" | "we")
                && (verb.ends_with("ing") || matches!(at(1), "dont" | "never" | "do"));
            doing && deed(verb)
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
    "not comfortable doing",
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

/// [`A_RESULT`] without the bare "still", "again" and "same", which a "not for me" may say of
/// itself ("i dont use the app, im still on the website"): only they with the trouble.
const A_RESULT_STRICTLY: &[&str] = &[
    "still broken",
    "still not",
    "still doesnt",
    "still getting",
    "still get",
    "still blank",
    "still white",
    "still loops",
    "still fails",
    "still failing",
    "still the same",
    "same loop",
    "same error",
    "same thing",
    "same problem",
    "same issue",
    "same result",
    "happened again",
];

/// Whether `padded` (a reply's words joined and spaced at both ends) tells how the fix went
/// or that it was done, in words a "not for me" does not use of itself.
fn says_a_result_strictly(padded: &str) -> bool {
    let says = |p: &&str| padded.contains(&format!(" {p} "));
    A_RESULT_STRICTLY.iter().any(says)
        || A_RESULT
            .iter()
            .filter(|p| !["still", "again", "same"].contains(p))
            .any(says)
        // "still 502": a code with "still".
        || (padded.contains(" still ")
            && padded
                .split_whitespace()
                .any(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit())))
}

/// The stems of the words of a fix's title that say what it is about (not "the", "your").
fn title_stems(title: &str) -> Vec<String> {
    lowercase_words(title)
        .iter()
        .filter(|w| w.chars().count() >= 3 && !PLAIN.contains(&w.as_str()))
        .map(|w| stem(w))
        .collect()
}

/// Whether `reply` (with `padded`, its words joined and spaced at both ends) tells how the fix
/// went, or that it was done.
fn says_a_result(reply: &str, padded: &str) -> bool {
    A_RESULT.iter().any(|p| padded.contains(&format!(" {p} ")))
        || super::cues::says_still_broken(&super::text::Normalised::new(reply))
}

/// Whether `reply` says the user would rather not do the fix on screen ("do i have to remove
/// ALL? i dont want to get logged out", "id rather not turn off the firewall"), and says no
/// result of it.
pub fn would_rather_not(reply: &str, title: &str) -> bool {
    /// What the wish may be about: doing the step, or what doing it would cost.
    const DOING: &[&str] = &[
        "do that",
        "do this",
        "do it",
        "do all",
        "remove",
        "clear",
        "delete",
        "turn off",
        "disable",
        "uninstall",
        "reinstall",
        "rename",
        "reset",
        "disconnect",
        "lose",
        "get logged",
        "be logged",
        "get signed",
        "be signed",
        "log out",
        "sign out",
        "logged out",
        "signed out",
        "erase",
        "wipe",
        "mess with",
        "touch",
    ];
    /// A time to do it later ("i dont want to do it right now, ill try it tonight"), or a habit
    /// ("i dont want to clear cookies every day"): no wish about the step on screen.
    const WHEN: &[&str] = &[
        "right now",
        "now",
        "later",
        "tonight",
        "tomorrow",
        "tmrw",
        "today",
        "every",
        "each time",
        "all day",
        "anymore",
    ];
    /// Openings that answer the question first ("no, i just dont want to keep getting logged
    /// out", "yep, but ...", "ok im back in, but ...").
    const OPENS_WITH_AN_ANSWER: &[&str] = &[
        "no",
        "nope",
        "nah",
        "yes",
        "yep",
        "yeah",
        "ok",
        "okay",
        "its working",
        "working",
        "back in",
    ];
    let words = lowercase_words(&reply.replace(['\'', '’'], ""));
    let padded = format!(" {} ", words.join(" "));
    let says = |p: &&str| padded.contains(&format!(" {p} "));
    let Some(wish) = RATHER_NOT
        .iter()
        .filter_map(|p| padded.find(&format!(" {p} ")).map(|at| at + p.len() + 1))
        .min()
    else {
        return false;
    };
    let titled = title_stems(title);
    let after = &padded[wish..];
    // ("im not doing that", "not comfortable doing ...": the doing is in the words.)
    let says_doing = RATHER_NOT
        .iter()
        .any(|p| (p.contains(" do") || p.ends_with("doing")) && says(p));
    let about_the_step = says_doing
        || DOING.iter().any(|d| after.contains(&format!(" {d} ")))
        || lowercase_words(after)
            .iter()
            .any(|w| titled.contains(&stem(w)));
    about_the_step
        && !WHEN.iter().any(says)
        && !OPENS_WITH_AN_ANSWER
            .iter()
            .any(|o| padded.starts_with(&format!(" {o} ")))
        && !says_a_result(reply, &padded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wish_not_to_do_the_fix_is_no_result_of_it() {
        let cookies = "Clear the cache and cookies";
        for (reply, title) in [
            (
                "do i have to remove ALL? i dont want to get logged out",
                cookies,
            ),
            ("i dont want to lose my saved passwords", cookies),
            (
                "id rather not turn off the firewall",
                "Temporarily turn off the firewall",
            ),
            ("i'm not comfortable doing that on a work pc", cookies),
        ] {
            assert!(would_rather_not(reply, title), "{reply}");
        }
        let login = "Clear Intuit cookies and sign in again";
        for (reply, title) in [
            ("i dont want to wait anymore, still broken", cookies),
            ("did it, didnt help. i dont want to keep doing this", login),
            ("did it, no change, i dont want to wait around", login),
            (
                "it kicks me out every 5 min, i dont want to keep signing in",
                login,
            ),
            (
                "did it, didnt help. i dont want to mess with my bank",
                "Manually update bank transactions",
            ),
            ("cleared them, works now", cookies),
            ("i want to keep going", cookies),
            // Found by a reviewer (thirtieth session).
            (
                "its working now but i dont want to clear cookies every day",
                login,
            ),
            ("yep, but i dont want to do that every morning", login),
            (
                "ok im back in, but i dont want to do this every week",
                login,
            ),
            ("no, i just dont want to keep getting logged out", login),
            ("i dont want to do it right now, ill try it tonight", login),
            ("i dont want to spend all day on this", login),
            ("honestly i dont want to deal with this right now", login),
            (
                "im not comfortable with computers, can you explain step 2?",
                login,
            ),
        ] {
            assert!(!would_rather_not(reply, title), "{reply}");
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
            // A bare "still" of the user's own (found by a reviewer, thirtieth session).
            (
                "i dont use the app, im still on the website",
                "Clear the QuickBooks app cache",
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
            // Another problem told, or a refusal (found by a reviewer, thirtieth session).
            (
                "my problem isnt about cookies at all, the bank feed wont update",
                "Clear Intuit cookies and sign in again",
            ),
            (
                "im not about to clear my cookies",
                "Clear Intuit cookies and sign in again",
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
