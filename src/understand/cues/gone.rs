//! The trouble said to be gone: what no longer happens, an error that no longer shows.

use super::fixed::strong_fixed;
use super::negation::negated;
use super::not_fixed::strong_not_fixed;
use super::results::RESULT_VERBS;
use crate::understand::text::{BREAK, Normalised};

/// Says the problem is gone by saying what no longer happens; removed before looking for
/// negations, so "no longer freezes" is not read as "no". An error or code that is gone ("the
/// error is gone", "no longer getting 503") is found by shape instead ([`error_gone`]).
pub(super) const GONE: &[&str] = &[
    "no longer an issue",
    "no longer times out",
    "no longer timing out",
    "doesnt time out anymore",
    "not timing out anymore",
    "no more timeouts",
    "no more time outs",
    "no more timeout",
    "errors stopped",
    "error stopped",
    "errors went away",
    "error went away",
    "error disappeared",
    "errors disappeared",
    "not reproducible anymore",
    "no longer reproducible",
    "cannot reproduce anymore",
    "cant reproduce anymore",
    "no longer a problem",
    "not an issue anymore",
    "not an issue now",
    "not an issue any more",
    "not a problem now",
    "not a problem anymore",
    "no longer freezes",
    "no longer crashes",
    "no longer hangs",
    "no longer complains",
    "no longer happens",
    "no longer happening",
    "not happening anymore",
    "not happening any more",
    "doesnt happen anymore",
    "havent seen it since",
    "havent seen it again",
    "no more crashing",
    "no more crashes",
    "no more errors",
    "no more error",
    "no more spinning",
    "no more spinner",
    "no more blank",
    "no more freezing",
    "no more issues",
    "no more problems",
    "no more 502",
    "no more bad gateway",
    "no errors now",
    "no error now",
    "no errors anymore",
    "no error anymore",
    "doesnt give error now",
    "doesnt give error anymore",
    "doesnt give the error now",
    "doesnt give the error anymore",
    "doesnt show error now",
    "doesnt show the error now",
    "doesnt show the error anymore",
    "doesnt show error anymore",
    "not giving error now",
    "not giving the error now",
    "not giving error anymore",
    "not showing the error now",
    "not showing error anymore",
    "ya no sale el error",
    "ya no sale error",
    "ya no aparece el error",
    "ya no da error",
    "ya no da el error",
    "not broken anymore",
    "no longer broken",
    "nothing wrong anymore",
    "nothing wrong now",
    "no more freezing",
    "did not experience",
    "didnt experience",
    "not experience",
    "cannot reproduce",
    "cant reproduce",
    "can not reproduce",
    "not able to reproduce",
    "doesnt happen",
    "does not happen",
    "didnt happen",
    "not happening",
    "isnt happening",
    "issue is gone",
    "issues are gone",
    "problem is gone",
    "problems are gone",
    "glitches have gone",
    "glitches are gone",
    "lag is gone",
    "crash is gone",
    "crashes are gone",
    "no problem",
    "no problems",
    "no issue",
    "no issues",
    "not be able to get it to crash",
    "not been able to get it to crash",
    "doesnt complain",
    "still looks fixed",
    "still fixed",
    "still works",
    "still working",
    "still fine",
    "still good",
    // "It now works without a hitch": no negation of the fix.
    "without a hitch",
    "without any issue",
    "without any issues",
    "without issues",
    "without issue",
    "without a problem",
    "without any problem",
    "without any problems",
    "without problems",
    "without any errors",
    "without errors",
    "without error",
];

/// "not seeing it anymore", "havent had the issue since", "hasnt happened again": the trouble
/// not seen since the fix, built from its three parts (removed before looking for negations).
pub(super) fn no_longer_seen() -> Vec<&'static str> {
    use std::sync::LazyLock;
    static PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| {
        const NOT_SEEN: &[&str] = &[
            "not seeing",
            "dont see",
            "do not see",
            "havent seen",
            "have not seen",
            "didnt see",
            "havent had",
            "have not had",
            "not had",
            "not getting",
            "dont get",
            "havent gotten",
            "havent got",
            "didnt get",
        ];
        // Only the trouble: "i dont see my invoices anymore" is trouble of its own.
        const TROUBLE: &[&str] = &[
            "it",
            "that",
            "this",
            "the error",
            "the issue",
            "the problem",
            "the message",
            "the bug",
            "the crash",
            "any errors",
            "any issues",
            "any problems",
            "the same error",
            "the same issue",
            "the same problem",
            "it happen",
            "that happen",
        ];
        const SINCE: &[&str] = &["anymore", "any more", "since", "since then", "again"];
        let mut out = Vec::new();
        for not_seen in NOT_SEEN {
            for trouble in TROUBLE {
                for since in SINCE {
                    out.push(format!("{not_seen} {trouble} {since}"));
                }
            }
        }
        // Said of the trouble only: "the update hasnt happened since monday" is trouble.
        for subject in [
            "it",
            "that",
            "this",
            "the error",
            "the issue",
            "the problem",
        ] {
            for happened in ["hasnt happened", "has not happened", "didnt happen"] {
                for since in SINCE {
                    out.push(format!("{subject} {happened} {since}"));
                }
            }
        }
        out
    });
    PHRASES.iter().map(String::as_str).collect()
}

/// "no longer blank", "not getting kicked out anymore", "the white screen is gone": a state of
/// the trouble said to have stopped, built from its parts (removed before looking for
/// negations; explorer rv45 F5 found each read as "still blank" and the fix recorded as
/// failed). Only states of trouble: "not loading anymore" is trouble itself.
pub(super) fn trouble_stopped() -> Vec<&'static str> {
    use std::sync::LazyLock;
    static PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| {
        const STATES: &[&str] = &[
            "blank",
            "stuck",
            "frozen",
            "freezing",
            "spinning",
            "hanging",
            "looping",
            "in a loop",
            "redirecting",
            "erroring",
            "crashing",
            "down",
            "offline",
            "slow",
            "lagging",
            "laggy",
            "white",
            "greyed out",
            "grayed out",
            "timing out",
            "kicked out",
            "logged out",
            "signed out",
            "getting kicked out",
            "getting logged out",
            "getting signed out",
            "being kicked out",
            "being logged out",
            "being signed out",
            "stuck loading",
            "loading forever",
        ];
        // What shows the trouble, said to be gone.
        const SIGHTS: &[&str] = &[
            "white screen",
            "blank screen",
            "blank page",
            "black screen",
            "grey screen",
            "gray screen",
            "spinner",
            "spinning wheel",
            "loading screen",
            "loop",
            "login loop",
            "redirect loop",
        ];
        let mut out = Vec::new();
        for state in STATES {
            out.push(format!("no longer {state}"));
            for not in ["not", "isnt", "its not", "wasnt", "arent"] {
                for since in ["anymore", "any more"] {
                    out.push(format!("{not} {state} {since}"));
                }
            }
        }
        for sight in SIGHTS {
            for gone in [
                "is gone",
                "has gone",
                "went away",
                "disappeared",
                "is no longer there",
            ] {
                out.push(format!("{sight} {gone}"));
            }
        }
        out
    });
    PHRASES.iter().map(String::as_str).collect()
}

/// An error word or code: what "is gone" or "no longer" can be said of.
pub(in crate::understand) fn errorish(word: &str) -> bool {
    ["error", "errors", "message", "warning"].contains(&word) || code_like(word)
}

/// What "hasnt come back" can be said of as trouble: the error, the problem, a crash, "that".
fn trouble_subject(word: &str) -> bool {
    errorish(word)
        || [
            "problem", "problems", "issue", "issues", "crash", "crashes", "crashing", "popup",
            "that", "it", "bug", "glitch", "loop", "timeout", "timeouts", "freeze", "freezing",
            "spinner",
        ]
        .contains(&word)
}

/// An error code's shape: an HTTP status ("502"), or letters with digits ("h202", "ps038");
/// not any number ("invoice 1043", "from 2023").
pub(super) fn code_like(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    let http = digits == 3 && letters == 0 && matches!(word.chars().next(), Some('4' | '5'));
    http || (digits > 0 && letters > 0 && word.len() <= 6)
}

/// The phrases that say an error no longer shows, whatever its code: "the 502 is gone", "got
/// rid of the 502", "no longer getting 503", "dont see the error anymore". Found by shape
/// rather than listed, since the code differs in every article.
pub(super) fn error_gone(text: &Normalised) -> Vec<String> {
    let words: Vec<&str> = text.words().collect();
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    // The error word at `i`, or after one of "the", "that", "this", "any": its index.
    let error_at = |i: usize| {
        let e = if errorish(at(i)) {
            i
        } else if ["the", "that", "this", "any", "those", "a", "an"].contains(&at(i))
            && errorish(at(i + 1))
        {
            i + 1
        } else {
            return None;
        };
        // "error 502": the code is part of it.
        Some(if at(e + 1).chars().any(|c| c.is_ascii_digit()) {
            e + 1
        } else {
            e
        })
    };
    // Words from `from` on that say the trouble goes on ("its not a 503 anymore its a 504").
    let trouble_goes_on = |from: usize| {
        words[from.min(words.len())..].iter().any(|w| {
            code_like(w)
                || [
                    "but", "says", "say", "blank", "instead", "still", "error", "errors", "shows",
                    "getting", "gives",
                ]
                .contains(w)
        })
    };
    let mut found = Vec::new();
    for i in 0..words.len() {
        let span = match at(i) {
            // "the 502 is gone", "errors have gone"
            w if errorish(w)
                && ["is", "are", "has", "have"].contains(&at(i + 1))
                && at(i + 2) == "gone" =>
            {
                Some(i + 2)
            }
            // "imported all 6 no errors", "no error now": after what was done, or with "now"
            // ("no errors. just a blank feed" opens a description of what is still wrong).
            "no" if errorish(at(i + 1)) => error_at(i + 1).filter(|&e| {
                // The sentence so far tells a result ("imported all 6 no errors").
                let start = words[..i]
                    .iter()
                    .rposition(|w| *w == BREAK)
                    .map_or(0, |b| b + 1);
                let after_a_result = words[start..i].iter().any(|w| RESULT_VERBS.contains(w));
                // ("no 502 anymore but the page is blank": the trouble goes on.)
                !trouble_goes_on(e + 2)
                    && (["now", "anymore"].contains(&at(e + 1))
                        || (after_a_result && [BREAK, ""].contains(&at(e + 1))))
            }),
            // "no more H505", "no more errors" (not "no more 502 but the page is blank")
            "no" if at(i + 1) == "more" => error_at(i + 2).filter(|&e| !trouble_goes_on(e + 1)),
            // "error gone", "the 502 gone now" (no "is": "error's gone" loses its apostrophe)
            w if errorish(w) && at(i + 1) == "gone" && !trouble_goes_on(i + 2) => Some(i + 1),
            // "got rid of the 502"
            "got" if at(i + 1) == "rid" && at(i + 2) == "of" => error_at(i + 3),
            // "no longer getting 503", "no longer see the error"
            "no" if at(i + 1) == "longer"
                && [
                    "get", "getting", "gets", "see", "seeing", "shows", "showing",
                ]
                .contains(&at(i + 2)) =>
            {
                error_at(i + 3)
            }
            // "the error hasnt come back", "the problem hasnt happened again", "it hasnt
            // happened since": said of the trouble ("it hasnt come back yet" may be the page,
            // "support hasnt returned my call" is no trouble).
            w if trouble_subject(w) && ["hasnt", "havent"].contains(&at(i + 1)) => {
                let (verb, rest) = (at(i + 2), at(i + 3));
                let happened = verb == "happened" && ["since", "again"].contains(&rest);
                let back = w != "it"
                    && ((verb == "come" && rest == "back")
                        || (verb == "returned" && [BREAK, ""].contains(&rest)));
                (happened || back)
                    .then_some(i + 3)
                    .map(|end| if verb == "returned" { end - 1 } else { end })
            }
            // "the 502 never came back", "the error never returned", "the problem never
            // happened again" (not "it never came back": the page may be meant).
            w if trouble_subject(w) && w != "it" && at(i + 1) == "never" => {
                let (verb, rest) = (at(i + 2), at(i + 3));
                let back = (["came", "come"].contains(&verb) && rest == "back")
                    || (verb == "happened" && ["since", "again"].contains(&rest));
                if back {
                    Some(i + 3)
                } else if verb == "returned" {
                    Some(i + 2)
                } else {
                    None
                }
            }
            // "its not a 503 anymore", "no 502 anymore" (not "its not a 503 anymore its a 504",
            // "no 502 anymore but the page is blank": the trouble goes on).
            "not" | "isnt" | "no"
                if error_at(i + 1)
                    .is_some_and(|e| at(e + 1) == "anymore" && !trouble_goes_on(e + 2)) =>
            {
                error_at(i + 1).map(|e| e + 1)
            }
            // "dont see the error anymore"
            "dont" | "not" if ["see", "seeing", "get", "getting"].contains(&at(i + 1)) => {
                error_at(i + 2)
                    .filter(|&e| at(e + 1) == "anymore")
                    .map(|e| e + 1)
            }
            _ => None,
        };
        if let Some(end) = span {
            found.push(words[i..=end].join(" "));
        }
    }
    found
}

/// Whether the message says it works and then that the error no longer shows ("it worked, no
/// 502 again", "works now no more errors"), nothing doubting the first part.
pub fn works_and_the_error_is_gone(text: &Normalised) -> bool {
    let padded = text.padded();
    padded.match_indices(" no ").any(|(at, _)| {
        let head = Normalised::from_padded(&padded[..at + 1]);
        strong_fixed(&head)
            && !strong_not_fixed(&head)
            && !negated(&head)
            && !head.is_question()
            && says_the_error_is_gone(&Normalised::from_padded(&padded[at..]))
    })
}

/// Whether the message says the error no longer shows ("no 502 anymore", "no more 502s",
/// "it worked, no 502 again", "the 502 is gone"): good news, not a denial of the error.
pub fn says_the_error_is_gone(text: &Normalised) -> bool {
    const SINCE: &[&str] = &["anymore", "again", "now", "since", "today", "more"];
    const GONE: &[&str] = &["gone", "disappeared", "vanished"];
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let no_more = |i: usize| {
        words[i] == "no"
            && words.get(i + 1) == Some(&"more")
            && words
                .get(i + 2)
                .is_some_and(|w| !["luck", "than"].contains(w))
    };
    // "no 502 anymore", "no error message again": at most two words before the time word.
    let none_since = |i: usize| {
        words[i] == "no"
            && (2..=3).any(|n| {
                words.get(i + n).is_some_and(|w| SINCE.contains(w))
                    && words[i + 1..i + n].iter().all(|w| {
                        !SINCE.contains(w) && !["luck", "change", "difference", "not"].contains(w)
                    })
            })
    };
    // "the 502 is gone", "error gone": a trouble word just before.
    let gone = |i: usize| {
        GONE.contains(&words[i])
            && words[i.saturating_sub(2)..i].iter().any(|w| {
                w.bytes().any(|b| b.is_ascii_digit())
                    || ["error", "errors", "message", "problem", "issue", "warning"].contains(w)
            })
            && !words[i.saturating_sub(4)..i]
                .iter()
                .any(|w| ["not", "isnt", "hasnt", "never"].contains(w))
    };
    (0..words.len()).any(|i| no_more(i) || none_since(i) || gone(i))
}
