//! Moves through the fixes typed as words ("skip", "next one", "repeat", "go back", "done"):
//! a reply that is only such a move, and nothing else.

use super::text::{BREAK, Normalised};

/// A move through the fixes the user asks for in words, in place of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkMove {
    /// "skip", "next one": pass over the fix on screen, untried. ("what else can i try" is
    /// not here: it usually means the fix failed, and is read as a reply.)
    Skip,
    /// "repeat", "show me again": the fix on screen again.
    Repeat,
    /// "go back", "previous step": the fix shown before this one.
    Back,
    /// "can you go back to the first step", "back to step 1": the first fix shown (explorer
    /// rv48 F7: an FAQ entry was answered, or it was "noted for the support team").
    First,
    /// "done", "ok i did that": the step was done, but it does not say whether it helped.
    Done,
}

/// Words before or after a move that add nothing ("ok skip please", "can you go back").
const FILLER: &[&str] = &[
    "ok", "okay", "k", "kk", "please", "pls", "plz", "can", "could", "you", "u", "just", "then",
    "so", "alright", "lets", "hmm", "um", "uh", "well", "now", "and", "for", "me", "oh", "ah",
    "ugh", "lol", "wait", "we", "actually", "sorry",
];

const SKIP: &[&str] = &[
    "skip",
    "skip it",
    "skip this",
    "skip that",
    "skip this one",
    "skip that one",
    "skip this too",
    "skip that too",
    "skip it too",
    "skip this one too",
    "skip too",
    "skip again",
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
    // "ok so what I do now" while a fix is on screen: its steps again.
    "what do i do now",
    "so what do i do now",
    "what i do now",
    "what i do",
    "so what i do now",
    "what should i do now",
    "so what should i do now",
    "what do i do",
    "what should i do",
    "what i have to do",
    "what do i have to do",
    "i missed that",
    "one more time",
];

const BACK: &[&str] = &[
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
];

const FIRST: &[&str] = &[
    "go back to the first step",
    "go back to the first one",
    "go back to the first fix",
    "back to the first step",
    "back to the first one",
    "back to the first fix",
    "go back to step 1",
    "go back to step one",
    "back to step 1",
    "back to step one",
    "first step again",
    "the first step again",
    "show the first step",
    "show the first step again",
    "what was the first step",
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

/// Words that pick from a list by place ("the first one", "number 2", "the last one"), with
/// the place they name (`usize::MAX` for the last).
const PLACES: &[(&str, usize)] = &[
    ("first", 1),
    ("1st", 1),
    ("one", 1),
    ("1", 1),
    ("top", 1),
    ("second", 2),
    ("2nd", 2),
    ("two", 2),
    ("2", 2),
    ("third", 3),
    ("3rd", 3),
    ("three", 3),
    ("3", 3),
    ("last", usize::MAX),
    ("bottom", usize::MAX),
];

/// Words around a place that add nothing to the pick ("yes the first one", "option 2").
const PICK_WORDS: &[&str] = &[
    "yes", "yeah", "yep", "ya", "the", "one", "option", "number", "no", "choice", "its", "it",
    "is", "that", "i", "think", "pick", "take", "want", "go", "with", "like", "a",
    // Hedges ("the first one i guess", "probably the top one").
    "guess", "probably", "prob", "maybe", "suppose", "reckon", "id", "say",
];

/// The place in a list `message` picks ("the first one" -> 1, "number 2" -> 2, "the last
/// one" -> `usize::MAX`), when it says nothing else.
pub fn picks_place(message: &str) -> Option<usize> {
    let said = core_words(message)?;
    let words: Vec<&str> = said.split(' ').collect();
    let places: Vec<usize> = words
        .iter()
        .filter_map(|w| PLACES.iter().find(|(p, _)| p == w).map(|(_, n)| *n))
        .collect();
    // "one" alone is a place; beside another place ("the first one") it only fills.
    let place = match places.as_slice() {
        [n] => *n,
        [n, 1] if words.contains(&"one") => *n,
        _ => return None,
    };
    let only_picks = words
        .iter()
        .all(|w| PICK_WORDS.contains(w) || PLACES.iter().any(|(p, _)| p == w));
    only_picks.then_some(place)
}

/// Words around a title's words that add nothing to a pick by name ("yeah the blank page one i
/// think"), beside [`PICK_WORDS`].
const NAME_PICK_WORDS: &[&str] = &[
    "maybe", "probably", "prob", "guess", "about", "of", "for", "in", "my", "mine", "sounds",
    "right", "ok", "okay", "yea", "yup", "sure", "thats", "this", "guy", "do", "thing", "stuff",
    "lets", "first", "problem", "issue",
];

/// The list entry `message` picks by words of its title alone ("yeah the blank page one", "the
/// login one", "the outage"): the one title, of `titles`, that has every word the message says
/// besides filler. `None` when a word is in no title, in the same titles as the others say
/// nothing new (so two titles fit), or the message is long enough to be a description.
pub fn picks_by_title(message: &str, titles: &[&str]) -> Option<usize> {
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    if words.len() > 8 {
        return None;
    }
    // "not sure", "no its not", "probably not": no pick ("not" is a word of "Page Not Loading").
    const REFUSALS: &[&str] = &["no", "not", "none", "neither", "nope", "nah", "nothing"];
    if words.iter().any(|w| REFUSALS.contains(w)) {
        return None;
    }
    let said: Vec<&str> = words
        .into_iter()
        .filter(|w| !PICK_WORDS.contains(w) && !NAME_PICK_WORDS.contains(w) && !FILLER.contains(w))
        .collect();
    if said.is_empty() || said.len() > 4 {
        return None;
    }
    // "sign in" names "Sign-In", "login" names "Login": a word, or a shared start of 4+ letters.
    let same = |a: &str, b: &str| {
        a == b || (a.len() >= 4 && b.len() >= 4 && (a.starts_with(b) || b.starts_with(a)))
    };
    let fits: Vec<usize> = titles
        .iter()
        .enumerate()
        .filter(|(_, title)| {
            // Joining words of titles pick nothing ("or", "for", "is").
            const JOINING: &[&str] = &[
                "or", "and", "for", "is", "the", "a", "an", "of", "to", "in", "on", "not", "with",
            ];
            let title = Normalised::new(title);
            let title_words: Vec<&str> = title.words().filter(|w| !JOINING.contains(w)).collect();
            said.iter().all(|w| title_words.iter().any(|t| same(w, t)))
        })
        .map(|(i, _)| i)
        .collect();
    match fits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "i dont see it", and nothing else: the option the step names, or the page working?
const DONT_SEE_IT: &[&str] = &[
    "i dont see it",
    "dont see it",
    "i do not see it",
    "i cant see it",
    "cant see it",
    "i cannot see it",
    "cannot see it",
    "i dont see that",
    "dont see that",
    "i cant see that",
    "i dont see it there",
    "dont see it there",
    "not seeing it",
    "im not seeing it",
];

/// Whether `message` only says "I don't see it": ambiguous at a step (the option it names
/// cannot be found, or the problem is still there), so asked, never guessed.
pub fn only_says_dont_see_it(message: &str) -> bool {
    core_words(message).is_some_and(|said| DONT_SEE_IT.contains(&said.as_str()))
}

/// Whether `message` says the thing a step names cannot be found where the user looked ("i
/// dont see it in the start menu", "cant find it under settings"): not "still broken" (which
/// a bare "i dont see it" may be), and no result.
pub fn not_found_where_looked(message: &str) -> bool {
    const NOT_FOUND: &[&str] = &["cant find it", "cannot find it", "can not find it"];
    // Where one looks for an option; never the screen or page, where the error shows.
    const WHERE: &[&str] = &[
        "in the",
        "in my",
        "in settings",
        "under",
        "anywhere",
        "on the list",
        "on my list",
    ];
    const THE_ERROR_PLACES: &[&str] = &["screen", "page", "error", "anymore", "now"];
    let text = Normalised::new(message);
    let Some(at) = DONT_SEE_IT
        .iter()
        .chain(NOT_FOUND)
        .filter_map(|p| text.find(p).map(|i| i + 1 + p.len()))
        .min()
    else {
        return false;
    };
    let after = Normalised::new(&text.padded()[at..]);
    after.words().count() <= 6 && after.any(WHERE) && !after.any(THE_ERROR_PLACES)
}

/// The words of `message` without the filler before and after them ("ok skip please" ->
/// "skip"); `None` when it is all filler.
fn core_words(message: &str) -> Option<String> {
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let start = words.iter().position(|w| !FILLER.contains(w))?;
    let end = words.iter().rposition(|w| !FILLER.contains(w))?;
    Some(words[start..=end].join(" "))
}

/// Past verbs that say the problem went away, not that a step was done ("i fixed it").
const PAST_FIX_VERBS: &[&str] = &[
    "fixed",
    "solved",
    "resolved",
    "worked",
    "helped",
    "sorted",
    "succeeded",
    "loaded",
    "changed",
    "happened",
    "stopped",
    "failed",
    "crashed",
    "started",
    "returned",
    "needed",
];

/// What a step is done to, said after its verb ("cleared them", "restarted it").
const DONE_TO: &[&str] = &[
    "it",
    "them",
    "that",
    "this",
    "those",
    "everything",
    "all",
    "it all",
    "them all",
    "all that",
    "all of it",
    "all of that",
    "all of them",
    "the cache",
    "the cookies",
    "cache",
    "cookies",
    "the cache and cookies",
    "cache and cookies",
    "both",
];

/// "i cleared them", "yes i restarted it", "tried it": the step was done, said by its verb in
/// the past and nothing else (not one that says the trouble went away: "i fixed it").
fn says_a_step_was_done(said: &str) -> bool {
    let words: Vec<&str> = said.split(' ').collect();
    let (subject, rest) = match words.as_slice() {
        ["i", "have", rest @ ..] | ["ive", rest @ ..] | ["i", rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let Some((verb, object)) = rest.split_first() else {
        return false;
    };
    let past = (verb.len() > 4 && verb.ends_with("ed")) || ["did", "ran", "redid"].contains(verb);
    // "yes i clicked update", "pressed the sync button": a control of the step pressed, and
    // nothing said of what came of it ("clicked update and it worked" says more).
    const PRESSED: &[&str] = &["clicked", "pressed", "tapped", "hit", "selected"];
    const OUTCOME_WORDS: &[&str] = &[
        "and", "but", "worked", "works", "working", "fixed", "still", "now", "nothing", "not",
        "no", "again", "same", "error", "it", "didnt",
    ];
    let pressed = PRESSED.contains(verb)
        && (1..=4).contains(&object.len())
        && !object.iter().any(|w| OUTCOME_WORDS.contains(w));
    let object = object.join(" ");
    past && !PAST_FIX_VERBS.contains(verb)
        && (DONE_TO.contains(&object.as_str()) || (subject && object.is_empty()))
        || pressed
}

/// Calling the walk off ("nevermind", "forget it").
const OFF: &[&str] = &[
    "nevermind",
    "never mind",
    "nvm",
    "forget it",
    "forget about it",
    "stop",
    "just stop",
    "leave it",
    "drop it",
    "cancel",
    "cancel that",
    "lets stop",
    "stop here",
];

/// "nevermind", "forget it", "stop", and nothing else: the user calls the walk off
/// ("nevermind, it works now" says it works).
pub fn calls_it_off(message: &str) -> bool {
    core_words(message).is_some_and(|said| OFF.contains(&said.as_str()))
}

/// The move `message` asks for, when it says nothing else ("skip this one, it needs admin
/// rights" says why, and is read as the reply it is).
pub fn walk_move(message: &str) -> Option<WalkMove> {
    let said = core_words(message)?;
    // "yes i did that", "yes, done", "yep tried it": a yes that says the step was done (at
    // "did this fix it?" it answers whether it was done, not whether it worked).
    let after_yes = said
        .split_once(' ')
        .filter(|(first, _)| super::cues::YES_TRIGGERS.contains(first))
        .map(|(_, rest)| rest);
    if let Some(rest) = after_yes
        && (DONE.contains(&rest) || says_a_step_was_done(rest))
    {
        return Some(WalkMove::Done);
    }
    if says_a_step_was_done(&said) {
        return Some(WalkMove::Done);
    }
    [
        (SKIP, WalkMove::Skip),
        (REPEAT, WalkMove::Repeat),
        (BACK, WalkMove::Back),
        (FIRST, WalkMove::First),
        (DONE, WalkMove::Done),
    ]
    .into_iter()
    .find(|(phrases, _)| phrases.contains(&said.as_str()))
    .map(|(_, m)| m)
}

/// Words that ask to move on to another problem ("ok what about the bank thing", "can we do
/// the bank feed now").
const MOVING_ON_TO: &[&str] = &[
    "what about",
    "how about",
    "can we do",
    "can we look at",
    "can we fix",
    "lets do",
    "lets look at",
    "lets fix",
    "move on to",
    "switch to",
    // "can we go to the payroll one", "ok lets go to the payroll problem now" (not a bare "go
    // to", which steps say: "ok i go to the bank website").
    "we go to",
    "lets go to",
    "go on to",
    // "the payroll one first pls".
    "first",
    "instead",
    // "ok going back to the chase feed, ..." (explorer rv47 F2): the problem left, taken up
    // again.
    "going back to",
    "go back to",
    "get back to",
    "getting back to",
    "switching back to",
    "back to the",
];

/// Whether `message` asks to move on to the problem titled `title`, naming it by its title's
/// words ("ok what about the bank thing" for "Bank Feed Not Updating ...").
pub fn moves_on_to(message: &str, title: &str, current: &str) -> bool {
    let text = Normalised::new(message);
    if !text.any(MOVING_ON_TO) {
        return false;
    }
    // ("ok going back to the chase feed, I disconnected and reconnected and it still says
    // 103": the move is in its own part; what follows is said of the problem moved to, and
    // its words may be the other's as much.)
    names_the_other(&text, title, current)
        || message.split([',', ';', '.']).any(|part| {
            let part = Normalised::new(part);
            part.any(MOVING_ON_TO) && names_the_other(&part, title, current)
        })
}

/// What `message` says after its part that moves on to another problem ("ok going back to the
/// chase feed, I disconnected and reconnected and it still says 103": "I disconnected and
/// reconnected and it still says 103"), when it says more than a word or two: said of the
/// problem moved to.
pub fn said_after_the_move(message: &str) -> Option<String> {
    around_the_move(message).and_then(|(_, after)| more_than_a_word_or_two(after))
}

/// What `message` says before its part that moves on to another problem ("it wont open on
/// the server either. going back to the chase feed now": "it wont open on the server
/// either"), when it says more than a word or two: said of the problem on screen.
pub fn said_before_the_move(message: &str) -> Option<String> {
    around_the_move(message).and_then(|(before, _)| more_than_a_word_or_two(before))
}

/// The parts of `message` (split at `,`, `;` and `.`) before and after its first part that
/// moves on to another problem, each joined again; `None` when no part moves on.
fn around_the_move(message: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = message.split([',', ';', '.']).collect();
    let at = parts
        .iter()
        .position(|part| Normalised::new(part).any(MOVING_ON_TO))?;
    Some((parts[..at].join(","), parts[at + 1..].join(",")))
}

/// `words` trimmed, when three words or more.
fn more_than_a_word_or_two(words: String) -> Option<String> {
    let words = words.trim();
    (Normalised::new(words).word_count() >= 3).then(|| words.to_string())
}

/// Whether a short `message` picks the problem titled `title` by its title's words, where that
/// problem is offered on screen ("ok the bank thing then", "look at the bank one" at "Out of
/// fixes" with "Look at: Bank Feed ..." as a choice): no words of moving on needed.
pub fn picks_the_offered(message: &str, title: &str, current: &str) -> bool {
    let text = Normalised::new(message);
    text.word_count() <= 10 && !text.is_question() && names_the_other(&text, title, current)
}

/// Whether `text` names the problem titled `title` rather than `current`, by a word of its
/// title that `current` does not have.
fn names_the_other(text: &Normalised, title: &str, current: &str) -> bool {
    // ("..., thats more urgent", "... because payroll is due": why, no more of the pick.)
    let rest = text
        .without_clause_after(&["thats", "because", "since", "its more", "it is more"])
        .without(MOVING_ON_TO)
        .without(&[
            "now", "instead", "please", "pls", "then", "look at", "ok", "okay",
        ]);
    let rest: Vec<&str> = rest.words().filter(|w| *w != BREAK).collect();
    // A word of the other title alone: "update first?" fits "Payroll Update Fails" and "Bank
    // Feed Not Updating" (and the step on screen) both, and asks about the step.
    let stem = crate::matcher::text::stem;
    let here: Vec<String> = crate::plain_words::lowercase_words(current)
        .iter()
        .map(|w| stem(w))
        .collect();
    let rest = rest.join(" ");
    let picked = picks_by_title(&rest, &[title, current]) == Some(0);
    let titled: Vec<String> = crate::plain_words::lowercase_words(title)
        .iter()
        .map(|w| stem(w))
        .collect();
    // (Some word of the other's title that the problem on screen does not have.)
    picked
        && crate::plain_words::lowercase_words(&rest)
            .iter()
            .map(|w| stem(w))
            .any(|w| titled.contains(&w) && !here.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_where_looked_names_where() {
        for said in [
            "i dont see it in the start menu",
            "cant find it under settings",
            "i cant see it anywhere",
            "not seeing it in my list",
        ] {
            assert!(not_found_where_looked(said), "{said}");
        }
        for said in [
            "i dont see it",
            "i dont see it on the screen anymore",
            "i dont see the error now",
            "still broken",
            "i dont see it in the start menu but the payroll update still fails every time i try",
        ] {
            assert!(!not_found_where_looked(said), "{said}");
        }
    }

    #[test]
    fn a_bare_move_in_any_words_is_that_move() {
        for (said, want) in [
            ("skip", WalkMove::Skip),
            ("Next one please", WalkMove::Skip),
            ("ok, whats next?", WalkMove::Skip),
            ("repeat", WalkMove::Repeat),
            ("can you show that again?", WalkMove::Repeat),
            ("ok so what I do now", WalkMove::Repeat),
            ("go back", WalkMove::Back),
            ("wait go back", WalkMove::Back),
            ("can we go back", WalkMove::Back),
            ("sorry can we go back pls", WalkMove::Back),
            ("Previous step pls", WalkMove::Back),
            ("can you go back to the first step", WalkMove::First),
            ("back to step 1", WalkMove::First),
            ("done", WalkMove::Done),
            ("ok done.", WalkMove::Done),
            ("I've done that", WalkMove::Done),
            // A yes that says the step was done, not that it worked (found by an exploratory
            // helper: "yes i cleared them" was read as a fix).
            ("yes i cleared them", WalkMove::Done),
            ("yes I tried it", WalkMove::Done),
            ("yes i did that", WalkMove::Done),
            ("yes i clicked update", WalkMove::Done),
            ("pressed the sync button", WalkMove::Done),
            ("yes, done", WalkMove::Done),
            ("i cleared them", WalkMove::Done),
            ("ok i cleared the cookies", WalkMove::Done),
            ("restarted it", WalkMove::Done),
            ("yep, ive updated it", WalkMove::Done),
        ] {
            assert_eq!(walk_move(said), Some(want), "{said}");
        }
        // A past verb that says the trouble went away, a verb with no object, or more said:
        // no move.
        for not_a_move in [
            "yes i fixed it",
            "yes it worked",
            "i solved it",
            "cleared",
            "yes cleared",
            "i cleared them and it works",
            "i reconnected the account, still nothing",
            "yes that fixed it",
        ] {
            assert_eq!(walk_move(not_a_move), None, "{not_a_move}");
        }
    }

    #[test]
    fn a_place_in_a_list_is_picked_in_words() {
        for (said, want) in [
            ("the first one", 1),
            ("1st", 1),
            ("number 1", 1),
            ("option one", 1),
            ("the top one", 1),
            ("yes the first", 1),
            ("1.", 1),
            ("the second one please", 2),
            ("option 3", 3),
            ("the last one", usize::MAX),
            // (Hedged: an explorer's.)
            ("the first one i guess", 1),
            ("probably the top one", 1),
            ("maybe the second one", 2),
        ] {
            assert_eq!(picks_place(said), Some(want), "{said}");
        }
        for said in [
            "the first one didnt work",
            "page not loading",
            "one more time",
            "the first and second",
            "",
        ] {
            assert_eq!(picks_place(said), None, "{said}");
        }
    }

    #[test]
    fn a_list_entry_is_picked_by_words_of_its_title_alone() {
        let titles = [
            "Login Loop: Keeps Signing Out or Returning to the Sign-In Page",
            "QuickBooks Online Page Not Loading (Blank or Spinning Page)",
            "QuickBooks Online Is Down for Everyone (Service Outage)",
        ];
        for (said, want) in [
            ("yeah the blank page one", 1),
            ("the login one", 0),
            ("the sign in one i think", 0),
            ("the outage", 2),
            ("Spinning page", 1),
        ] {
            assert_eq!(picks_by_title(said, &titles), Some(want), "{said}");
        }
        for said in [
            // Words in two titles, or in none, or a refusal: not a pick.
            "not sure",
            "no its not",
            "probably not",
            "no, not that",
            "not this",
            "the page one",
            "the quickbooks one",
            "my bank feed stopped syncing",
            "blank page after login",
            "",
            "the one",
            "it keeps showing a blank page whenever i open the invoices tab in chrome",
        ] {
            assert_eq!(picks_by_title(said, &titles), None, "{said}");
        }
    }

    #[test]
    fn i_dont_see_it_alone_is_ambiguous_and_with_more_words_is_not() {
        for said in ["i dont see it", "Hmm, I don't see it.", "not seeing it"] {
            assert!(only_says_dont_see_it(said), "{said}");
        }
        for said in [
            "i dont see it, still blank",
            "i dont see the incognito option",
            "i dont see anything, just a white page",
        ] {
            assert!(!only_says_dont_see_it(said), "{said}");
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
            "back",
            "what else can i try",
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
