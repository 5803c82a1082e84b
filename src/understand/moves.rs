//! Moves through the fixes typed as words ("skip", "next one", "repeat", "go back", "done"):
//! a reply that is only such a move, and nothing else.

use super::text::{BREAK, Normalised};

/// A move through the fixes the user asks for in words, in place of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkMove {
    /// "skip", "next one", "what else can i try": pass over the fix on screen, untried.
    Skip,
    /// "repeat", "show me again": the fix on screen again.
    Repeat,
    /// "go back", "previous step": the fix shown before this one.
    Back,
    /// "done", "ok i did that": the step was done, but it does not say whether it helped.
    Done,
}

/// Words before or after a move that add nothing ("ok skip please", "can you go back").
const FILLER: &[&str] = &[
    "ok", "okay", "k", "kk", "please", "pls", "plz", "can", "could", "you", "u", "just", "then",
    "so", "alright", "lets", "hmm", "um", "uh", "well", "now", "and", "for", "me",
];

const SKIP: &[&str] = &[
    "skip",
    "skip it",
    "skip this",
    "skip that",
    "skip this one",
    "skip that one",
    "skip this step",
    "skip this fix",
    "skip to the next one",
    "next",
    "next one",
    "next step",
    "next fix",
    "next solution",
    "next option",
    "show the next one",
    "show next",
    "show the next step",
    "give the next one",
    "whats next",
    "what is next",
    "try something else",
    "something else",
    "another one",
    "another fix",
    "what else",
    "what else can i try",
    "what else can i do",
    "anything else i can try",
    "any other ideas",
    "other options",
    "move on",
];

const REPEAT: &[&str] = &[
    "repeat",
    "repeat that",
    "repeat it",
    "repeat the steps",
    "say that again",
    "say again",
    "come again",
    "show that again",
    "show it again",
    "show again",
    "show the steps again",
    "what were the steps",
    "what were the steps again",
    "what was the step again",
    "what do i do again",
    "i missed that",
    "one more time",
];

const BACK: &[&str] = &[
    "back",
    "go back",
    "go back one",
    "go back a step",
    "back one step",
    "previous",
    "previous step",
    "previous one",
    "previous fix",
    "previous solution",
    "the one before",
    "the step before",
    "show the previous one",
    "show the previous step",
    "what was the previous step",
    "what was the last one",
    "last step",
];

const DONE: &[&str] = &[
    "done",
    "done it",
    "done that",
    "all done",
    "finished",
    "i did that",
    "i did it all",
    "did that",
    "did all that",
    "did all of that",
    "i have done that",
    "ive done that",
    "ive done it",
    "i followed the steps",
    "followed the steps",
];

/// The move `message` asks for, when it says nothing else ("skip this one, it needs admin
/// rights" says why, and is read as the reply it is).
pub fn walk_move(message: &str) -> Option<WalkMove> {
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let start = words.iter().position(|w| !FILLER.contains(w))?;
    let end = words.iter().rposition(|w| !FILLER.contains(w))?;
    let said = words[start..=end].join(" ");
    [
        (SKIP, WalkMove::Skip),
        (REPEAT, WalkMove::Repeat),
        (BACK, WalkMove::Back),
        (DONE, WalkMove::Done),
    ]
    .into_iter()
    .find(|(phrases, _)| phrases.contains(&said.as_str()))
    .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_move_in_any_words_is_that_move() {
        for (said, want) in [
            ("skip", WalkMove::Skip),
            ("Next one please", WalkMove::Skip),
            ("ok, what else can I try?", WalkMove::Skip),
            ("repeat", WalkMove::Repeat),
            ("can you show that again?", WalkMove::Repeat),
            ("go back", WalkMove::Back),
            ("Previous step pls", WalkMove::Back),
            ("done", WalkMove::Done),
            ("ok done.", WalkMove::Done),
            ("I've done that", WalkMove::Done),
        ] {
            assert_eq!(walk_move(said), Some(want), "{said}");
        }
    }

    #[test]
    fn a_move_with_anything_else_is_no_bare_move() {
        for said in [
            "skip this one, it needs admin rights",
            "done, still broken",
            "done and it works now",
            "that did it",
            "next time i will",
            "going back to chrome",
            "back on my laptop",
            "its back",
            "again",
            "still broken",
            "",
            "👍",
        ] {
            assert_eq!(walk_move(said), None, "{said}");
        }
    }
}
