//! Words that tell no result now: a fix only wished for, not knowing how, a condition ("if it").

use super::human::asks_for_a_person;
use crate::understand::text::{BREAK, Normalised};

/// A plan for when the trouble returns ("i'll contact support if it comes back"): no request
/// for anything now.
pub(super) const IF_IT_RETURNS: &[&str] = &[
    "if it comes back",
    "if it happens again",
    "if it returns",
    "if it breaks again",
    "if it starts again",
    "if that happens again",
    "if this happens again",
    "if it stops again",
];

/// A fix wished for, not had ("i need this fixed asap", "we want it working today").
const WISHED_FIX: &[&str] = &[
    "need this fixed",
    "need it fixed",
    "need this to be fixed",
    "need it to be fixed",
    "needs to be fixed",
    "need to get this fixed",
    "need to get it fixed",
    "want this fixed",
    "want it fixed",
    "need this working",
    "need it working",
    "need this to work",
    "need it to work",
    "needs to work",
    "want this working",
    "want it working",
];

/// The reply without a fix it only wishes for: "i need this fixed asap" says nothing of the
/// step's result (it says it cannot wait).
pub fn without_wishes(text: &Normalised) -> Normalised {
    if text.any(WISHED_FIX) {
        text.without(WISHED_FIX)
    } else {
        text.clone()
    }
}

/// The reply without what the user does not know how to do ("i dont know how to open one in
/// chrome" -> "i"): not knowing how says nothing of a result (its negation read "open ... in
/// chrome" as failing there); the walk shows how.
pub fn without_not_knowing_how(text: &Normalised) -> Normalised {
    const NOT_KNOWING_HOW: &[&str] = &[
        "dont know how",
        "do not know how",
        "didnt know how",
        "not sure how",
        "no idea how",
        "dunno how",
    ];
    if text.any(NOT_KNOWING_HOW) {
        text.without_clause_after(NOT_KNOWING_HOW)
    } else {
        text.clone()
    }
}

/// The reply without what it says would happen "if it fails" ("good for now, will come back if
/// it fails" -> "good for now, will come back"): a condition tells of no trouble now. A plan
/// for the trouble's return is kept apart from the trouble itself.
pub fn without_conditional_trouble(text: &Normalised) -> Normalised {
    const IF: &[&str] = &[
        "if it",
        "if that",
        "if this",
        "if the error",
        "if the problem",
        "if the issue",
        "in case it",
        "should it",
    ];
    const TROUBLE_TO_COME: &[&str] = &[
        "fails",
        "breaks",
        "stops",
        "happens",
        "returns",
        "comes",
        "doesnt",
        "does",
        "errors",
        "goes",
        "acts",
        "starts",
        "crashes",
        "freezes",
        "shows",
        "pops",
        "fail",
        "break",
        "stop",
        "happen",
        "return",
        "come",
        "appears",
        "reappears",
        "persists",
        "still",
        "isnt",
        "wont",
    ];
    // Said as the plain return, so a plan for it is still read ("ill contact support if it
    // fails" plans as "... if it comes back" does).
    const AS_A_RETURN: &str = " if it comes back";
    let mut kept = String::from(text.padded());
    let mut from = 0;
    while let Some((at, phrase)) = IF
        .iter()
        .filter_map(|p| {
            kept[from..]
                .find(&format!(" {p} "))
                .map(|at| (from + at, *p))
        })
        .min_by_key(|(at, _)| *at)
    {
        let start = at + phrase.len() + 2;
        // The condition ends after its verb and the small words that go with it ("if it does
        // it again", "if it fails again"); what follows is the main clause ("... can i get a
        // human").
        const WITH_THE_VERB: &[&str] = &[
            "it", "me", "again", "back", "up", "down", "out", "anymore", "working", "work", "not",
            "to", "wrong",
        ];
        let words: Vec<(usize, &str)> = kept[start..]
            .split_whitespace()
            .scan(start, |from, w| {
                let at = kept[*from..].find(w).map_or(*from, |i| *from + i);
                *from = at + w.len();
                Some((at, w))
            })
            .collect();
        let verb = words
            .iter()
            .take(3)
            .take_while(|(_, w)| *w != BREAK)
            .position(|(_, w)| TROUBLE_TO_COME.contains(w));
        let clause_end = verb.map(|v| {
            let last = words[v + 1..]
                .iter()
                .take_while(|(_, w)| WITH_THE_VERB.contains(w))
                .count()
                + v;
            words[last].0 + words[last].1.len()
        });
        if let Some(clause_end) = clause_end {
            kept.replace_range(at..clause_end, AS_A_RETURN);
            from = at + AS_A_RETURN.len();
        } else {
            from = start - 1;
        }
    }
    text.with_words(&kept)
}

/// Whether the reply plans for the trouble coming back rather than says it did ("ill call
/// support if it happens again"); an outright request ("get me a human, if it happens again
/// im cancelling") or one made for then ("if it comes back can i get a human") is no plan.
pub fn plans_for_its_return(text: &Normalised) -> bool {
    const PLAN: &[&str] = &["ill", "i will", "we will", "gonna", "going to"];
    text.any(IF_IT_RETURNS) && text.any(PLAN) && !asks_for_a_person(text)
}
