//! Questions about the step or the fix: not understood, asked about, why, how, what if, where.

use super::fixed::{fixed, strong_fixed};
use super::negation::FIX_WORDS;
use super::not_fixed::{says_still_broken, strong_not_fixed};
use super::only_words_of;
use crate::understand::text::Normalised;

/// Says the step was not understood ("I do not understand this step"): a question how to do
/// it, not how it went ([`super::super::asks_how_to`] reads these too).
pub const NOT_UNDERSTOOD: &[&str] = &[
    "dont understand",
    "do not understand",
    "didnt understand",
    // "i am not understand which is workstation".
    "not understand",
    "cant understand",
    "cannot understand",
    "dont get it",
    "confused",
];

/// [`NOT_UNDERSTOOD`] in more words of the same ("lost me", "i dont follow").
const CONFUSED: &[&str] = &["dont get this", "confusing", "i dont follow", "lost me"];

/// Whether the reply only says the step was not understood (no word of how it went beside).
pub fn confused(text: &Normalised) -> bool {
    let rest = text.without(NOT_UNDERSTOOD).without(CONFUSED);
    (text.any(NOT_UNDERSTOOD) || text.any(CONFUSED))
        && !strong_not_fixed(&rest)
        && !strong_fixed(text)
}

/// Whether the fix is asked about ("works now?", "should I clear it again?"), not stated: a
/// question elsewhere in the reply ("That worked! How do I export?") asks something else.
pub fn fix_is_asked(text: &Normalised) -> bool {
    // "turned it off, and yes it works now, should i leave it off?": what comes before a
    // question of what to do next is told, not asked.
    const WHAT_NEXT: &[&str] = &[
        "should i",
        "shall i",
        "do i need to",
        "do i have to",
        "can i",
        "is it ok to",
        "is it safe to",
        "is it okay to",
    ];
    // ("is it fixed, should i try again?" asks before it too.)
    const ASKING: &[&str] = &[
        "is", "are", "does", "did", "has", "have", "will", "can", "could", "was", "were", "do",
    ];
    text.sentences().iter().any(|s| {
        let asks_first = s.words().next().is_some_and(|w| ASKING.contains(&w));
        let asked = match WHAT_NEXT.iter().filter_map(|o| s.find(o)).min() {
            Some(at) if at > 0 && !asks_first => Normalised::from_padded(&s.padded()[at..]),
            _ => s.clone(),
        };
        s.is_question() && (fixed(&asked) || asked.any(FIX_WORDS))
    })
}

/// Asks why the problem happens ("why does this happen?", "what causes this?").
const ASKS_WHY: &[&str] = &[
    "why does",
    "why do",
    "why is",
    "why did",
    "why would",
    "why this",
    "what causes",
    "whats causing",
    "what is causing",
    "the cause",
];

pub fn asks_why(text: &Normalised) -> bool {
    // A bare "why?" ("but why", "why tho") too.
    text.any(ASKS_WHY)
        || (text.has("why") && only_words_of(text, &["why", "but", "tho", "though", "so"]))
}

/// Whether the reply opens as a question does, "?" or not ("what does that mean", "how do i
/// do step 2").
pub fn opens_like_a_question(text: &Normalised) -> bool {
    const OPENERS: &[&str] = &[
        "what", "whats", "how", "why", "where", "which", "who", "when", "does", "do", "should",
        "can", "could", "would", "is", "are",
    ];
    // ("ok what do i tell IT", "so how do i do that": a filler first.)
    const FILLERS: &[&str] = &[
        "ok", "okay", "so", "and", "hmm", "um", "uh", "well", "alright",
    ];
    // (Only before a question word and its verb: "alright what next", "so can you help" ask
    // for the walk to go on.)
    let all: Vec<&str> = text.words().collect();
    let after_fillers = all.iter().position(|w| !FILLERS.contains(w)).unwrap_or(0);
    let skip = after_fillers > 0
        && all
            .get(after_fillers)
            .is_some_and(|w| ["what", "how", "where", "which", "why", "who"].contains(w))
        && all.get(after_fillers + 1).is_some_and(|w| {
            [
                "do", "does", "did", "is", "are", "should", "would", "can", "could", "will",
            ]
            .contains(w)
        });
    let mut words = text.words().skip(if skip { after_fillers } else { 0 });
    let first = words.next();
    // "will i lose my data if i rename it", "will reconnecting create duplicates" (not "will
    // try it tomorrow", "will do").
    let asks_will = first == Some("will")
        && words.next().is_some_and(|w| {
            [
                "i", "it", "this", "that", "the", "my", "we", "they", "there", "doing",
            ]
            .contains(&w)
                || (w.len() > 5 && w.ends_with("ing"))
        });
    first.is_some_and(|w| OPENERS.contains(&w)) || asks_will
}

/// Questions about the bot's own questions and choices ("does it matter?", "which browser do
/// you think?", "how would i know if its fixed?").
const ABOUT_THE_PROCESS: &[&str] = &[
    "why would that matter",
    "why would it matter",
    "why does that matter",
    "why does it matter",
    "why do you ask",
    "why are you asking",
    "does it matter",
    "does that matter",
    "would it matter",
    "do you think",
    "what do you think",
    "do you even know",
    "do you know what",
    "how would i know",
    "how do i know",
    "how will i know",
    "how would i tell",
    "how can i tell",
    "which one should i",
    "which should i",
    "what should i pick",
    "what should i choose",
    "which do i pick",
    "which one do i pick",
    "what do you mean",
    "what does that mean",
    "are you sure",
    "what are you doing",
    "whats the difference",
    "what is the difference",
];

/// What may stand beside such a question and add nothing about the problem ("which browser do
/// you think?", "how would i know if its fixed?"). A fix's own word may be asked about ("why
/// would cookies matter?"); a cause is news ("do you think its my vpn?").
const AROUND_THE_PROCESS: &[&str] = &[
    "it",
    "its",
    "that",
    "this",
    "the",
    "a",
    "i",
    "if",
    "is",
    "fixed",
    "works",
    "working",
    "browser",
    "one",
    "which",
    "what",
    "you",
    "youre",
    "doing",
    "even",
    "so",
    "ok",
    "okay",
    "hmm",
    "really",
    "then",
    "here",
    "me",
    "pick",
    "choose",
    "use",
    "should",
    "why",
    "would",
    "does",
    "matter",
    "between",
    "them",
    "these",
    "those",
    "and",
    "or",
    "but",
    "right",
    "cookies",
    "cache",
    "extensions",
    "incognito",
    "private",
    "window",
    "best",
    "first",
    "second",
    "third",
    "last",
    "list",
    "options",
    "option",
    "choices",
    "of",
    "to",
    "do",
    "mean",
    "by",
    "exactly",
    "though",
    "tho",
    "anyway",
    "with",
    "for",
];

/// Whether the message only asks about the bot's question or choices, with no news of the
/// problem ("why would cookies matter?", "does it matter?"): at "Is it one of these?" it is
/// no more description (explorer rv45 F16: four such questions pushed the right article off
/// the list).
pub fn asks_about_the_process(text: &Normalised) -> bool {
    (text.is_question() || opens_like_a_question(text))
        && (text.any(ABOUT_THE_PROCESS) || (text.has("why") && text.has("matter")))
        && !super::mentions_trouble(text)
        && only_words_of(&text.without(ABOUT_THE_PROCESS), AROUND_THE_PROCESS)
}

/// Whether the reply asks what to do should the fix fail ("what if it still fails?", "and if
/// that doesnt work?", "what do i do if it still says 502"): a question about the walk, asked
/// before the fix is tried; no news that it failed.
pub fn asks_what_if_it_fails(text: &Normalised) -> bool {
    const WHAT_IF: &[&str] = &[
        "what if",
        "what happens if",
        "what do i do if",
        "what should i do if",
        "what do we do if",
        "what then if",
        "and if",
        "but if",
        "if not what",
        "if it doesnt work what",
        "if it still doesnt work what",
        "if that doesnt work what",
        "if this doesnt work what",
        "if it fails what",
        "if it still fails what",
    ];
    const TROUBLE: &[&str] = &[
        "fails",
        "fail",
        "doesnt work",
        "dont work",
        "didnt work",
        "doesnt help",
        "didnt help",
        "doesnt fix",
        "didnt fix",
        "not work",
        "not fixed",
        "still broken",
        "still says",
        "still shows",
        "still there",
        "still happens",
        "still get",
        "still getting",
        "still blank",
        "still slow",
        "still loops",
        "still loading",
        "still spinning",
        "still stuck",
        "comes back",
        "come back",
        "breaks",
        "not working",
        "isnt working",
        "wont work",
    ];
    // After an opener ending in "if", what fails is the fix or the trouble ("what if it ...",
    // "and if that ..."), not the user ("what if i told you it still fails" says it does;
    // "what if i cant turn off the firewall" tells a step not done).
    const WHAT_FAILS: &[&str] = &[
        "it", "its", "that", "thats", "this", "nothing", "none", "the", "still", "not",
    ];
    // ("what if clearing cookies doesnt work": the fix, as a deed; "what if i still get 502"
    // and "what if i keep getting it": the trouble, seen by the user.)
    const I_SEE_IT: &[&str] = &["still", "get", "see", "keep", "continue"];
    let opens = WHAT_IF.iter().any(|p| {
        text.padded()
            .strip_prefix(&format!(" {p} "))
            .is_some_and(|rest| {
                let mut next = rest.split_whitespace();
                let (first, second) = (next.next(), next.next());
                !p.ends_with(" if")
                    || first.is_some_and(|w| WHAT_FAILS.contains(&w) || w.ends_with("ing"))
                    || (first == Some("i") && second.is_some_and(|w| I_SEE_IT.contains(&w)))
            })
    });
    // ("what if none of this works": the trouble told as no fix working.)
    let none_works = (text.has("none") || text.has("nothing"))
        && ["works", "work", "helps", "help", "fixes", "fix"]
            .iter()
            .any(|w| text.has(w));
    opens
        && (text.is_question() || text.words().next() == Some("what"))
        && text.word_count() <= 14
        && (text.any(TROUBLE) || none_works)
}

/// Asks how the user is to do something ("where can I find the logs?", "how do I update
/// it?"); a part of [`super::super::asks_how_to`]'s words, which also reads "how to", "where is" and
/// "not sure how".
pub const HOW_DO_I: &[&str] = &[
    "how do i",
    "how can i",
    "how should i",
    "where do i",
    "where can i",
    "where would i",
];

pub fn asks_how_to_do(text: &Normalised) -> bool {
    text.any(HOW_DO_I)
}

/// What a user says they cannot find ("i dont see it", "there is no keyboard").
pub const NOT_FOUND: &[&str] = &[
    "i dont see it",
    "i dont see that",
    "i dont see them",
    "i do not see it",
    "dont see it",
    "dont see that",
    "dont see them",
    "i see no",
    "i cant find it",
    "i cant find that",
    "cant find it",
    "cant find that",
    "i cant find",
    "cant find",
    "there is no",
    "theres no",
    "there isnt",
    "there isnt any",
    "isnt there",
    "is not there",
    "not there",
    "no such",
];

/// Whether the reply opens by asking how or where ("where is third party cookies? i dont see
/// it in settings", "how do i do ctrl f5 on an ipad there is no keyboard") and says beside it
/// only what the user cannot find, not that the fix failed.
pub fn asks_where_not_found(text: &Normalised) -> bool {
    const OPENERS: &[&str] = &["where", "wheres", "how", "hows", "which"];
    text.words().next().is_some_and(|w| OPENERS.contains(&w))
        && text.any(NOT_FOUND)
        && !says_still_broken(text)
        && !text.any(&[
            "didnt help",
            "didnt work",
            "did not help",
            "did not work",
            "doesnt work",
            "not working",
            "same",
            "still",
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_is_known_by_its_opening_word_too() {
        for q in ["what does that mean", "How do I do step 2", "why"] {
            assert!(opens_like_a_question(&Normalised::new(q)), "{q}");
        }
        for not in ["that's what i did", "no idea how", "", "🙃"] {
            assert!(!opens_like_a_question(&Normalised::new(not)), "{not}");
        }
    }
}
