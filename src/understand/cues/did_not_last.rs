//! A fix that did not last: it worked only a moment, the trouble came back, an answer taken back.

use super::conditions::IF_IT_RETURNS;
use super::fixed::strong_fixed;
use super::gone::code_like;
use super::negation::negated;
use super::new_problem::MAYBE;
use super::not_fixed::strong_not_fixed;
use crate::understand::text::{BREAK, Normalised};

/// Says a recorded fix did not last ("actually it came back", "still getting 503").
const DID_NOT_LAST: &[&str] = &[
    "it came back",
    "it comes back",
    "its coming back",
    "it is back",
    "its back",
    "error came back",
    "error is back",
    "errors are back",
    "problem came back",
    "problem is back",
    "issue came back",
    "issue is back",
    "broke again",
    "broken again",
    "happening again",
    "happened again",
    "back again",
    "still broken",
    "still getting",
    "still not working",
    "still happening",
    "still there",
    "not fixed",
    "not actually fixed",
    "not really fixed",
    "not fixed after all",
    "not working after all",
    "not actually working",
    "spoke too soon",
    // "wait nvm, it still says last updated 4 days ago"
    "still says",
    "still shows",
    "still stuck",
    "still the same",
    "still same",
    "still blank",
    "still slow",
    "still down",
    "still wont",
    "still cant",
    "still doesnt",
    "stopped working again",
    // "the fix stopped working", "the cookies fix you gave me stopped working": the fix itself
    // named as no longer working.
    "fix stopped working",
    "fix you gave me stopped working",
    "fix stopped helping",
    "fix doesnt work anymore",
    "fix no longer works",
    "doing it again",
    "didnt last",
    "did not last",
];

/// An answer taken back: "i meant", "wrong button".
const CORRECTION: &[&str] = &[
    "i meant",
    "meant to say",
    "meant to click",
    "meant to press",
    "wrong button",
    "wrong one",
    "misclicked",
    "mis clicked",
    "pressed wrong",
    "clicked wrong",
    "clicked the wrong",
    "pressed the wrong",
    "hit the wrong",
    "tapped the wrong",
];

/// Doubts about the answer just given: with a failure after them, a correction.
pub const DOUBTS: &[&str] = &["no wait", "wait no", "actually no", "actually nope"];

/// It held only a moment, said without a "then" ("it worked but only for a bit"): not fixed,
/// and after a fix, a fix that did not last.
const HELD_A_MOMENT_ONLY: &[&str] = &[
    "only for a bit",
    "only for a minute",
    "only for a few minutes",
    "only for a moment",
    "only for a second",
    "only for a sec",
    "only briefly",
    "only temporarily",
    "worked briefly",
    "worked temporarily",
    "only lasted",
    // "it worked for a sec": past, and no more.
    "worked for a sec",
    "worked for a second",
    "worked for a few seconds",
    "worked for a minute",
    "worked for a moment",
    "worked for like a sec",
    "worked for like a second",
    "was fine for a sec",
    "was fine for a second",
    "was fine for a minute",
];

/// It worked only for a moment ("works for a sec then breaks again"): not fixed.
const WORKED_BRIEFLY: &[&str] = &[
    "for a sec then",
    "for a second then",
    "for a few seconds then",
    "for a minute then",
    "for a few minutes then",
    "for a bit then",
    "for a moment then",
    "then breaks",
    "then broke",
    "then it breaks",
    "then it broke",
    "then stops",
    "then stopped",
    "then it stops",
    "then it stopped",
    "then crashes",
    "then crashed",
    "then it crashes",
    "then goes blank",
    "then went blank",
    "then it goes blank",
    "then fails",
    "then failed",
    "then it fails",
    "then kicks me out",
    "then logs me out",
    "then the error",
    "then the same",
    "then froze",
    "then freezes",
    "then it froze",
    "then it freezes",
    "then hangs",
    "then hung",
    "then it hangs",
    "then it hung",
    "then errors",
    "then errored",
    "then it errors",
    "then errored out",
    "then died",
    "then dies",
    "then it died",
    "then it dies",
    "then spins",
    "then it spins",
    "then went white",
    "then goes white",
    "then it went white",
    "then it went blank",
    "then it goes blank",
    "then blank",
    "then it logs me out",
    "then it kicks me out",
    "then logged me out",
    "then nothing",
];

/// Whether the reply says it worked only for a moment ("loads for a sec then goes blank").
pub fn worked_briefly(text: &Normalised) -> bool {
    text.any(WORKED_BRIEFLY)
        || text.any(HELD_A_MOMENT_ONLY)
        || held_a_while_only(text)
        || returned_after_then(text)
}

/// "it worked for 5 minutes", "it lasted about 10 minutes", "worked til i refreshed", "was
/// fine until i logged in again": it held for a time, told in the past, and no more (explorer
/// rv45 F3: each kept the fix recorded, one with "Good to hear!"). Not "its been working for
/// an hour now", "worked for 10 minutes so far".
fn held_a_while_only(text: &Normalised) -> bool {
    const UNITS: &[&str] = &[
        "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours",
        "hr", "hrs", "day", "days",
    ];
    const UNTIL: &[&str] = &["til", "till", "until", "untill"];
    // What says it still holds: "now", "so far", "and counting", "straight".
    const STILL_HOLDS: &[&str] = &["now", "so", "counting", "straight", "already", "without"];
    // ("worked after 5 minutes", "worked in a minute": when it began to work, not how long.)
    const WHEN_IT_BEGAN: &[&str] = &["after", "in", "within", "since", "by"];
    let words: Vec<&str> = text.words().collect();
    words.iter().enumerate().any(|(i, w)| {
        // ("i worked on this for 2 hours and its fixed": the user at work.)
        let on_it = words
            .get(i + 1)
            .is_some_and(|n| ["on", "at", "with", "through", "thru", "out"].contains(n));
        let held = match *w {
            "worked" => !on_it,
            "lasted" => true,
            "was" | "were" => words
                .get(i + 1)
                .is_some_and(|n| ["fine", "ok", "okay", "good", "working"].contains(n)),
            _ => false,
        };
        // ("its been working", "has worked for weeks": it holds.)
        let before = words[i.saturating_sub(2)..i].iter();
        if !held || before.clone().any(|b| ["been", "has", "have"].contains(b)) {
            return false;
        }
        let after: Vec<&str> = words[i + 1..]
            .iter()
            .take_while(|a| **a != BREAK)
            .take(6)
            .copied()
            .collect();
        if after.iter().take(2).any(|a| UNTIL.contains(a)) {
            return true;
        }
        // "for 5 minutes", "about 10 minutes", "a minute" (not "the second time", "after 5
        // minutes"): a span of time said as one.
        after
            .iter()
            .position(|a| UNITS.contains(a))
            .is_some_and(|unit| {
                let span = &after[..unit];
                let counted = span.last().is_some_and(|n| {
                    n.bytes().all(|b| b.is_ascii_digit())
                        || ["a", "an", "few", "couple", "some", "several", "half"].contains(n)
                });
                counted
                    && !span.iter().any(|a| WHEN_IT_BEGAN.contains(a))
                    && !after
                        .get(unit + 1)
                        .is_some_and(|n| ["time", "try", "attempt", "go"].contains(n))
                    && !after[unit + 1..].iter().any(|a| STILL_HOLDS.contains(a))
            })
    })
}

/// "it worked but then 502 again", "worked, then the error came back", "worked but the 502
/// came back": the trouble back, told within a few words after "then" or "but" (not "then it
/// worked again", "then 502 never came back", "but i came back to say thanks").
fn returned_after_then(text: &Normalised) -> bool {
    const RETURNED: &[&str] = &[
        "again",
        "came back",
        "comes back",
        "is back",
        "was back",
        "its back",
        "returned",
        "returns",
    ];
    let padded = text.padded();
    let turns = padded
        .match_indices(" then ")
        .chain(padded.match_indices(" but "));
    turns.into_iter().any(|(at, turn)| {
        let window: Vec<&str> = padded[at + turn.len()..]
            .split_whitespace()
            .take_while(|w| *w != BREAK)
            .take(5)
            .collect();
        // ("then again it might just be luck": a way of saying, no return; "then again 502",
        // "then again it broke" are the trouble back.)
        const BACK: &[&str] = &[
            "came", "back", "broke", "broken", "failed", "fails", "stopped", "error", "errors",
            "crashed", "quit", "down", "blank",
        ];
        if window.first() == Some(&"again")
            && !window
                .iter()
                .any(|w| BACK.contains(w) || w.bytes().any(|b| b.is_ascii_digit()))
        {
            return false;
        }
        let window = Normalised::from_padded(&format!(" {} ", window.join(" ")));
        let rest = Normalised::from_padded(&padded[at..]);
        // ("then i signed in again": the user's deed.)
        const A_DEED: &[&str] = &[
            "i",
            "we",
            "ive",
            "you",
            "signed",
            "logged",
            "tried",
            "did",
            "opened",
            "restarted",
            "refreshed",
            "reloaded",
            "cleared",
            "went",
            "logging",
            "signing",
        ];
        // ("but came back to say thanks": the user back, telling.)
        let came_back_to_tell = window.any(&[
            "back to say",
            "back to tell",
            "back to thank",
            "back to let",
            "back to confirm",
            "back to report",
        ]);
        // ("then it came back up", "but my feed is back to normal": working again.)
        let back_working = window.any(&[
            "back to normal",
            "back up",
            "back online",
            "back to work",
            "back to working",
        ]);
        // ("fixed but it might happen again", "but if it comes back": not happened.)
        let maybe = window.words().any(|w| MAYBE.contains(&w));
        // After "but", only the trouble itself coming back: "but the 502 came back", "but
        // its back", "but the error returned" (not "but the deleted invoice came back", "but
        // thanks again", "but ill try again tomorrow", nor "but the main site returns a 404":
        // gives, not comes back).
        // (And the trouble named: "but the bad gateway returned", "but the login loop is back".)
        const THE_TROUBLE: &[&str] = &[
            "it", "its", "error", "errors", "problem", "issue", "issues", "trouble", "bug", "same",
            "gateway", "loop", "timeout", "timeouts", "crash", "crashes", "crashing", "freeze",
            "freezing", "blank", "spinner", "spinning", "glitch", "lag", "slowness", "message",
            "popup", "warning",
        ];
        let returned = if turn == " but " {
            let words: Vec<&str> = window.words().collect();
            let back_at = words
                .iter()
                .position(|w| ["came", "comes", "back", "returned", "again"].contains(w));
            let a_code = |w: &&str| w.bytes().any(|b| b.is_ascii_digit());
            // ("but the page returns blank", "but returns 502": how it comes back; "returns a
            // 404" is what a page gives.)
            // ("but returns to the sign in page": the login loop.)
            let returns_broken = words.iter().enumerate().any(|(i, w)| {
                let next = |k: usize| words.get(i + k).copied().unwrap_or("");
                *w == "returns"
                    && (["blank", "empty", "white", "broken"].contains(&next(1))
                        || code_like(next(1))
                        || (next(1) == "to"
                            && (2..=4).any(|k| ["sign", "signin", "login"].contains(&next(k)))))
            });
            returns_broken
                || (window.without(&["returns"]).any(RETURNED)
                    && back_at.is_some_and(|at| {
                        words[..=at]
                            .iter()
                            .any(|w| THE_TROUBLE.contains(w) || a_code(w))
                            || words.get(at + 1).is_some_and(a_code)
                            // ("but the page came back blank": how it came back.)
                            || words.get(at + 2).is_some_and(|w| {
                                words[at + 1] == "back"
                                    && ["blank", "empty", "white", "broken"].contains(w)
                            })
                    }))
        } else {
            window.any(RETURNED)
        };
        returned
            && !came_back_to_tell
            && !back_working
            && !maybe
            // ("but it signed me out again": the trouble, no deed.)
            && !window
                .padded()
                .split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|pair| A_DEED.contains(&pair[0]) && !is_signed_out(pair))
            && !window.words().last().is_some_and(|w| A_DEED.contains(&w))
            && !strong_fixed(&rest)
            && !negated(&window)
            && !window.any(&["never", "didnt", "hasnt", "havent", "wont"])
    })
}

/// Whether `pair` says the user was put out ("signed me", "logged me", "kicked me"): the
/// trouble, not a deed ("signed in", "logged in").
fn is_signed_out(pair: &[&str]) -> bool {
    ["signed", "logged"].contains(&pair[0]) && ["me", "us"].contains(&pair[1])
}

/// Words that change one's mind within a reply ("fixed it!! oh wait no its back").
const CHANGE_OF_MIND: &[&str] = &[
    "oh wait",
    "wait no",
    "actually no",
    "wait actually",
    "scratch that",
    "hmm wait",
    "never mind",
    "nevermind",
    "nvm",
];

/// What a reply says after the last change of mind in it ("fixed it thanks!! oh wait no its
/// back" -> "no its back"), when it has one and words after it.
pub fn after_a_change_of_mind(text: &Normalised) -> Option<Normalised> {
    let padded = text.padded();
    let (at, marker) = CHANGE_OF_MIND
        .iter()
        .filter_map(|m| padded.rfind(&format!(" {m} ")).map(|at| (at, *m)))
        .max_by_key(|(at, _)| *at)?;
    let after = Normalised::from_padded(&padded[at + marker.len() + 1..]);
    (!after.is_empty()).then_some(after)
}

/// Whether the message takes an answer back ("i meant ...", "wrong button").
pub fn corrects_an_answer(text: &Normalised) -> bool {
    text.any(CORRECTION)
}

/// Whether the message says a fix recorded as working did not last, and nothing that it works
/// ("it came back" but not "it came back up"), or takes the "fixed" back ("no wait i meant it
/// didnt fix it", "wrong button, still broken").
pub fn fix_did_not_last(text: &Normalised) -> bool {
    // Negation-aware: "its not actually fixed" takes the fix back rather than stating one.
    // ("no wait it didnt work" takes it back; a bare "wait no" only doubts, and is asked.)
    // ("ill call support if it comes back" plans for a return that has not happened.)
    let text = &text.without(IF_IT_RETURNS);
    let corrected = (text.any(CORRECTION) && strong_not_fixed(&text.without(CORRECTION)))
        || (text.any(DOUBTS) && strong_not_fixed(&text.without(DOUBTS)));
    // ("it worked but only for a bit" says it worked, and takes that back; so does "fixed but
    // it came back this morning".)
    text.any(HELD_A_MOMENT_ONLY)
        || held_a_while_only(text)
        || returned_after_then(text)
        || ((text.any(DID_NOT_LAST) || corrected) && !strong_fixed(text))
}
