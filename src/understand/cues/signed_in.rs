//! The login loop's words: still signed in so far ("hasnt kicked me out"), or signed out again.

use crate::understand::text::Normalised;

/// "ok been 15 min, still logged in": staying signed in is the login loop gone (with nothing
/// wrong beside it: "still logged in but the page is blank" is not).
pub(super) const STAYS_SIGNED_IN: &[&str] = &[
    "still logged in",
    "still signed in",
    "stayed logged in",
    "stayed signed in",
    "stays logged in",
    "stays signed in",
    "staying logged in",
    "staying signed in",
];

/// "it hasnt kicked me out (again)": the login loop gone, so far.
pub(super) const NOT_SIGNED_OUT: &[&str] = &[
    "hasnt kicked me out",
    "hasnt logged me out",
    "hasnt signed me out",
    "has not kicked me out",
    "has not logged me out",
    "has not signed me out",
    "didnt kick me out",
    "didnt log me out",
    "didnt sign me out",
    "not kicked out",
    "no longer kicks me out",
    "no longer logs me out",
    "no longer signs me out",
    "doesnt kick me out anymore",
    "doesnt log me out anymore",
];

/// [`NOT_SIGNED_OUT`] said with nothing after it of when it did after all ("didnt log me out at
/// first, then ...", "not logged out right away but after 5 min"); "hasnt logged me out, still
/// good" and "hasnt kicked me out since then" are signed in.
pub(super) fn signed_in_so_far(text: &Normalised) -> bool {
    const UNTIL: &[&str] = &[
        "at first",
        "right away",
        "immediately",
        "until",
        "eventually",
        "later",
        "but it",
        "but i got",
        "same",
        "then after",
        "then kicked",
        "then logged",
        "then signed",
        "then back",
        "then it",
        "but after",
        "but then",
        "but now",
        "but still",
        "still happens",
        "still does",
        "still loops",
    ];
    NOT_SIGNED_OUT.iter().any(|p| {
        text.find(p).is_some_and(|at| {
            let after = &text.padded()[at..];
            !Normalised::from_padded(after).any(UNTIL) && !text.starts("same")
        })
    }) && !text.any(&["still happens", "still does", "same thing", "same problem"])
}

/// Signed out after all ("still logged in for like 2 min then kicked out"): beside
/// [`STAYS_SIGNED_IN`], the login trouble back.
const SIGNED_OUT_AFTER_ALL: &[&str] = &[
    "kicked out",
    "kicked me out",
    "kicks me out",
    "kicking me out",
    "logs me out",
    "logged me out",
    "logging me out",
    "logged out",
    "signs me out",
    "signed me out",
    "signing me out",
    "signed out",
    "back to the sign in",
    "back to sign in",
    "back to the login",
    "back to login",
    "sign in page",
    "login page",
    "loop",
    "loops",
    "looping",
];

/// [`STAYS_SIGNED_IN`] left out of `text` (its "still" is no failure), unless the sign-in did
/// not last after all ("still logged in for 2 min then kicked out": then it stays, and its
/// "still" with it).
pub(super) fn without_staying_signed_in(text: &Normalised) -> Normalised {
    // ("hasnt logged me out yet", "not kicked out this time": still signed in.)
    const NOT: &[&str] = &[
        "not", "hasnt", "havent", "didnt", "doesnt", "never", "no", "wont", "isnt", "wasnt",
    ];
    let rest = text.without(STAYS_SIGNED_IN);
    let words: Vec<&str> = rest.words().collect();
    let signed_out = SIGNED_OUT_AFTER_ALL.iter().any(|p| {
        let phrase: Vec<&str> = p.split(' ').collect();
        (0..words.len()).any(|i| {
            words[i..].starts_with(&phrase)
                && !words[i.saturating_sub(2)..i]
                    .iter()
                    .any(|w| NOT.contains(w))
        })
    });
    if text.any(STAYS_SIGNED_IN) && signed_out {
        text.clone()
    } else {
        rest
    }
}

/// "nvm it kicked me out again after 5 min", "logged me out again": the login trouble back
/// after the fix, said of the service ("i logged out and in again" is the user's deed; "it
/// hasnt kicked me out again" is no trouble).
pub(super) fn signed_out_again(text: &Normalised) -> bool {
    const NOT: &[&str] = &[
        "not", "hasnt", "havent", "didnt", "doesnt", "never", "no", "wont", "isnt", "wasnt",
    ];
    const DONE_TO_ME: &[&str] = &[
        // ("got logged out again": done to the user all the same.)
        "got logged out",
        "got signed out",
        "got kicked out",
        "was logged out",
        "been logged out",
        "kicked me out",
        "kicks me out",
        "kicking me out",
        "kicked out",
        "logs me out",
        "logged me out",
        "logging me out",
        "signs me out",
        "signed me out",
        "signing me out",
    ];
    let words: Vec<&str> = text.words().collect();
    DONE_TO_ME.iter().any(|p| {
        let phrase: Vec<&str> = p.split(' ').collect();
        (0..words.len()).any(|i| {
            words[i..].starts_with(&phrase)
                && words[i + phrase.len()..]
                    .iter()
                    .take(3)
                    .any(|w| *w == "again")
                && !words[i.saturating_sub(3)..i]
                    .iter()
                    .any(|w| NOT.contains(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::cues::{strong_fixed, strong_not_fixed};

    /// Found by a helper playing a login-loop user: "nvm it kicked me out again after 5 min"
    /// was a detail ("same problem, noted", the step left with no answer) and "it hasnt
    /// kicked me out" a failure.
    #[test]
    fn signed_out_again_is_not_fixed_and_not_signed_out_is_gone() {
        for again in [
            "nvm it kicked me out again after 5 min",
            "kicked me out again",
            "its logging me out again",
        ] {
            let text = Normalised::new(again);
            assert!(strong_not_fixed(&text), "{again}");
        }
        for gone in ["it hasnt kicked me out", "not kicked out this time"] {
            let text = Normalised::new(gone);
            assert!(strong_fixed(&text), "{gone}");
            assert!(!signed_out_again(&text), "{gone}");
        }
        // The user's own deed, and a loop that came later after all (a reviewer's).
        let deed = Normalised::new("works now, i signed out and logged in again");
        assert!(!strong_not_fixed(&deed));
        assert!(signed_out_again(&Normalised::new("got logged out again")));
        for so_far in [
            "hasnt logged me out, still good",
            "still fine, hasnt kicked me out",
        ] {
            assert!(strong_fixed(&Normalised::new(so_far)), "{so_far}");
        }
        let not_done = "i have not logged out of the other intuit account yet";
        assert!(!strong_fixed(&Normalised::new(not_done)));
        for later in [
            "didnt kick me out for a bit, but it did again after 10 min",
            "didnt log me out for like 5 min but it did eventually",
            "didnt log me out, but i got kicked out 5 min later",
        ] {
            assert!(!signed_in_so_far(&Normalised::new(later)), "{later}");
        }
        for later in [
            "it still happens, not logged out right away but after 5 min",
            "same, didnt kick me out immediately, took 5 minutes this time",
            "nope. it didnt log me out at first, then after a few clicks back to the sign in page",
        ] {
            assert!(!strong_fixed(&Normalised::new(later)), "{later}");
        }
    }
}
