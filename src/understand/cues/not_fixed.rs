//! Words that say it is still broken ("still blank", "its doing it again"), or doubt the fix.

use super::fixed::strong_fixed;
use super::gone::says_the_error_is_gone;
use super::negation::{FIX_WORDS, NEGATORS, about_the_fix, ends_negated};
use super::signed_in::{STAYS_SIGNED_IN, signed_out_again, without_staying_signed_in};
use crate::understand::text::{BREAK, NEG, Normalised, SAD};

/// Says it is still broken, whatever else the reply says.
pub(super) const NOT_FIXED_STRONG: &[&str] = &[
    "stopped working",
    // "then blank again", "went blank": the trouble back.
    "blank again",
    "went blank",
    "white again",
    "spinning again",
    "stuck again",
    // "third one timed out again".
    "timed out",
    "times out",
    "timing out",
    "failed again",
    "errored again",
    // "the problem persists", "error still persists" (not "the login persists").
    "issue persists",
    "problem persists",
    "error persists",
    "errors persist",
    "crash persists",
    "bug persists",
    "still persists",
    "it persists",
    "issue persisting",
    "problem persisting",
    "error persisting",
    // What the step did ("that did nothing"); "i did nothing" is in NOTHING_DONE.
    "that did nothing",
    "it did nothing",
    "this did nothing",
    "that didnt do anything",
    "it didnt do anything",
    "this didnt do anything",
    "does nothing",
    "nothing changed",
    "changed nothing",
    "nope",
    "nah",
    "nada",
    "still",
    "same",
    "no luck",
    "not really",
    "not yet",
    "unfortunately",
    "broken",
    "reproduced",
    "can reproduce",
    "reproducible",
    "worse",
    "fails",
    "failed",
    "failing",
    "negative",
    "nog steeds",
    "immer noch",
    "todavía",
    "sigue sin",
    "sigue igual",
    "lo mismo",
    "igual que antes",
    "no funciona",
    "toujours pareil",
    "cest pareil",
    "toujours le meme",
    "toujours la meme",
    "ne marche pas",
    "marche pas",
    "ne fonctionne pas",
    "geht nicht",
    "geht immer noch nicht",
    "funktioniert nicht",
    "funktioniert immer noch nicht",
    "funktioniert noch immer nicht",
    "klappt immer noch nicht",
    "klappt nicht",
    "não funciona",
    "nao funciona",
    "não funcionou",
    "nao funcionou",
    "marche toujours pas",
    "fonctionne toujours pas",
    "fonctionne pas",
    "geht wieder nicht",
    "funktioniert wieder nicht",
    "werkt weer niet",
    "werkt nu niet",
    "continua igual",
    "werkt niet",
    "non funziona",
    "ainda não",
    "down again",
    "happened again",
    "happening again",
    // The trouble did it again after a while ("didnt kick me out for a bit, but it did
    // again"): not "it did" (fixed). Only after a turn: "yes it did again", "i did it again
    // and now it works" are fixes.
    "but it did again",
    "but it did it again",
    "but then it did it again",
    "then it did it again",
    "then it did again",
    "crashed again",
    "crashing again",
    "crashes again",
    // Gave up, or it would not.
    "i give up",
    "giving up",
    "wouldnt load",
    "wouldnt open",
    "wouldnt work",
    "still wouldnt",
    "still couldnt",
    "couldnt get it to work",
    "couldnt get it to load",
    "couldnt get it working",
    "froze again",
    "frozen again",
    "freezes again",
    "freezing again",
    "hung again",
    "hangs again",
    // The fix did not last ("the error is back").
    "error is back",
    "errors are back",
    "problem is back",
    "issue is back",
    "broke again",
    // Came back, in other words ("now it turned up again"); not "reappeared" or "showed up
    // again", said of missing transactions come back.
    "turned up again",
    "popped up again",
    "pops up again",
    "popping up again",
    // Has the problem too ("I'm hitting this too").
    "hitting this",
    "this too",
    // Said of the step just shown: it was done before, so it is not the fix. (Only phrases that
    // cannot open a success: "tried that and it worked" must stay a fix.)
    "already tried",
    "already did",
    "already done",
    "already rebooted",
    "already restarted",
    "already reinstalled",
    "already cleared",
    "already updated",
    "did that already",
    "done that already",
    "tried it already",
    "tried that already",
    "tried this already",
    "tried everything",
    SAD,
];

/// Says it is still broken: a strong cue, or a negated fix word ("didnt work").
pub fn strong_not_fixed(text: &Normalised) -> bool {
    // ("still logged in": the "still" of staying signed in, no failure.)
    let rest = without_staying_signed_in(&about_the_fix(text));
    rest.any(NOT_FIXED_STRONG)
        || (trouble_again(&rest) && !text.any(STAYS_SIGNED_IN))
        || rest.starts("no")
        || rest
            .negation_marked(NEGATORS, 4)
            .words()
            .any(|w| w.strip_prefix(NEG).is_some_and(|w| FIX_WORDS.contains(&w)))
        || ends_negated(&rest)
        || signed_out_again(text)
}

/// The trouble doing it again ("its doing it again", "it started again", "worked for a minute
/// but now its back"); not the user's deed done again ("I did it again and now it works",
/// "started again from scratch and now it loads"), a fix ("yes it did again thank you"), a
/// plan or a denial ("if it does it again ill let you know", "it stopped doing it again",
/// "it has not started again").
pub fn trouble_again(text: &Normalised) -> bool {
    const AGAIN: &[&str] = &[
        "did it again",
        "did again",
        "doing it again",
        "does it again",
        "started again",
        "starting again",
        "started up again",
        "started doing it again",
        "starting to do it again",
        // ("worked for a minute but now its back"; not "yes now its back".)
        "but now its back",
        "but its back",
    ];
    const NOT_THE_TROUBLE: &[&str] = &[
        "from scratch",
        // A plan or a denial.
        "if it",
        "when it does",
        "when it starts",
        "in case it",
        "let you know if",
        "let you know when",
        "ill let you know",
        "will let you know",
        "ill tell you",
        "will tell you",
        "stopped",
        "hasnt",
        "havent",
        "has not",
        "never",
        "not doing",
        "didnt do",
        "wont",
    ];
    // It works, said after it ("I did it again and now it works", "did it again and it worked
    // this time"; not "worked for a bit but since then its doing it again").
    const WORKS_AFTER: &[&str] = &[
        "thank",
        "thanks",
        "works",
        "working",
        "loads",
        "fine",
        "fixed",
        "worked",
        "good",
        "no problem",
        "great",
        "perfect",
        "normal",
        "running",
        "back up",
        "online",
        "im in now",
        "and im in",
        "now im in",
        "im back in",
        "let me in",
        "got in",
        // (Staying signed in is read by `strong_not_fixed`, which leaves those words out.)
    ];
    // The user's or a fix's deed, told by what comes just before: "I did it again and now it
    // works", "ok im starting again from step 1", "that did it again"; or by a deed opening
    // the sentence: "yep clearing cookies did it again" (not "after clearing it did it again",
    // "while updating it did it again": the trouble, with when).
    const A_DOER: &[&str] = &[
        "i", "we", "you", "u", "ive", "weve", "im", "were", "ill", "lets", "that", "this", "which",
        "what",
    ];
    const OPENERS: &[&str] = &["yes", "yep", "yeah", "ya", "ok", "okay", "so", "and", BREAK];
    const NO_DEED: &[&str] = &["morning", "evening", "nothing", "something", "everything"];
    if text.any(NOT_THE_TROUBLE) {
        return false;
    }
    let padded = text.padded();
    AGAIN.iter().any(|phrase| {
        padded.match_indices(&format!(" {phrase} ")).any(|(at, _)| {
            // ("did it again, worked for an hour then kicked me out", "it did it again, was
            // good for like 5 mins": how long it worked before, no fix.)
            const FOR_A_WHILE: &[&str] = &[
                "until",
                "till",
                "was good",
                "was fine",
                "was working",
                "for an",
                "for a",
                "for like",
                "kicked",
                "logged me out",
                "signed me out",
                "then broke",
                "then stopped",
                "then failed",
            ];
            // The works word must be the last word on how it went: nothing after it turns
            // ("did it again, worked but then signed out again", "... but then it quit
            // working").
            // ("again" and "back" turn, "now its back", "502 again", unless they say it works:
            // "thanks again", "back in business", "working again".)
            const TURNS: &[&str] = &[
                "then", "but", "again", "back", "quit", "stopped", "crashed", "froze", "broke",
                "failed", "kicked", "out", "not", "no", "still",
            ];
            const AGAIN_AND_WELL: &[&str] = &[
                "thanks again",
                "thank you again",
                "thx again",
                "ty again",
                "back in business",
                "back to normal",
                "back to work",
                "back to working",
                "im back",
                "i am back",
                "everything is back",
                "everythings back",
                "all back",
                "are back",
                "back on screen",
                "back online",
                "back up",
                "back on track",
                "im back in",
                "i am back in",
                "back in",
                "working again",
                "works again",
                "work again",
                "good again",
                "fine again",
                "normal again",
                "loads again",
                "opens again",
                "in again",
                "syncing again",
                "pulling again",
                "downloading again",
                "importing again",
                "updating again",
                "running again",
            ];
            let after = Normalised::from_padded(&padded[at + phrase.len() + 1..]);
            // ("did it again, it worked again for 2 min and kicked me again": how long.)
            let for_how_long = {
                let words: Vec<&str> = after.padded().split_whitespace().collect();
                words.windows(2).any(|w| {
                    w[0] == "for"
                        && (w[1].chars().all(|c| c.is_ascii_digit())
                            || ["few", "couple", "some", "about", "around", "maybe", "two"]
                                .contains(&w[1]))
                })
            };
            // (Each such phrase keeps its other words: "working again" still says it works.)
            let after = if for_how_long {
                after
            } else {
                let mut padded = after.padded().to_string();
                for p in AGAIN_AND_WELL {
                    let kept: Vec<&str> = p
                        .split(' ')
                        .filter(|w| !["again", "back"].contains(w))
                        .collect();
                    padded = padded.replace(&format!(" {p} "), &format!(" {} ", kept.join(" ")));
                }
                Normalised::from_padded(&padded)
            };
            // ("did it again and it worked, no 502 again": the error's absence, no turn.)
            let after = match after.padded().find(" no ") {
                Some(no)
                    if WORKS_AFTER
                        .iter()
                        .any(|w| after.padded()[..no + 1].contains(&format!(" {w} ")))
                        && says_the_error_is_gone(&Normalised::from_padded(
                            &after.padded()[no..],
                        )) =>
                {
                    Normalised::from_padded(&after.padded()[..no + 1])
                }
                _ => after,
            };
            let last_works = WORKS_AFTER
                .iter()
                .filter_map(|w| after.padded().rfind(&format!(" {w} ")))
                .max();
            let turns_after = last_works.is_some_and(|at| {
                let tail = &after.padded()[at..];
                let words: Vec<&str> = tail.split_whitespace().collect();
                // (The works word itself and what comes after it; "quit working" turns too.)
                let before_it = after.padded()[..at].split_whitespace().last();
                words.iter().skip(1).any(|w| TURNS.contains(w))
                    || before_it.is_some_and(|w| ["quit", "stopped", "not", "no"].contains(&w))
            });
            if last_works.is_some() && !turns_after && !after.any(FOR_A_WHILE) && !for_how_long {
                return false;
            }
            let before: Vec<&str> = padded[..at].split_whitespace().collect();
            let by_a_doer = before.last().is_some_and(|w| A_DOER.contains(w));
            // The sentence's first word past "yep", "ok" and the like.
            let opening = before
                .iter()
                .rposition(|w| *w == BREAK)
                .map_or(0, |b| b + 1);
            let first = before[opening..]
                .iter()
                .find(|w| !OPENERS.contains(w))
                .copied();
            let by_a_deed = first
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing") && !NO_DEED.contains(&w))
                && before.last() != Some(&"it");
            !by_a_doer && !by_a_deed
        })
    })
}

/// Says in words that it is still broken ("still blank", "didnt work"): [`strong_not_fixed`]
/// without a bare opening "no" or a negation that ends the reply, which may be about anything
/// ("no i'm not on an iphone").
pub fn says_still_broken(text: &Normalised) -> bool {
    let rest = without_staying_signed_in(&about_the_fix(text));
    rest.any(NOT_FIXED_STRONG)
        || rest
            .negation_marked(NEGATORS, 4)
            .words()
            .any(|w| w.strip_prefix(NEG).is_some_and(|w| FIX_WORDS.contains(&w)))
}

/// "is it me or is it still broken", "is it me or did it get worse": a doubt about the fix, not
/// a question about others ("is it only me? still getting 502" asks about others first).
pub fn doubts_the_fix(text: &Normalised) -> bool {
    // ("is it me or is the feed back to normal" is good news.)
    !strong_fixed(text)
        && text.sentences().iter().any(|s| {
            s.any(&["is it me or", "is it only me or", "is it just me or"])
                && (strong_not_fixed(s) || s.any(&["worse", "still", "again", "back"]))
        })
}

/// "yeah right" said alone, or a fix doubted in the words of one that worked: sarcasm, the
/// opposite of its words ("yeah right now it works" is no sarcasm).
pub fn only_sarcasm(text: &Normalised) -> bool {
    // "yeah because clearing my cache has ever fixed anything", "as if that ever works": a
    // fix doubted with the words of one that worked.
    const DOUBTED: &[&str] = &[
        "ever fixed anything",
        "ever fixes anything",
        "ever fixed a thing",
        "ever helped anything",
        "ever helps anything",
        "ever solved anything",
        "as if that ever",
        "as if it ever",
        "like that ever",
        "like thats ever",
        "like it ever",
        "because that always works",
        "cause that always works",
        "because that always helps",
    ];
    // "yeah right, like that ever works": the doubt said, then the fix doubted (rv45 F10).
    const SCOFFS: &[&str] = &["yeah right", "yea right", "ya right", "sure it did"];
    // "it worked!!!! jk", "... just kidding": taken back as a joke (not "no kidding").
    const JOKING: &[&str] = &["jk", "just kidding"];
    let said: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let joking_at_the_end = said.last() == Some(&"jk") || said.ends_with(&["just", "kidding"]);
    matches!(
        text.padded().trim().trim_end_matches(" |"),
        "yeah right" | "yea right" | "ya right" | "yeah right lol" | "sure it did"
    ) || (text.any(DOUBTED) && !strong_fixed(&text.without(DOUBTED)))
        || (text.any(DOUBTED) && text.any(SCOFFS))
        || (joking_at_the_end && text.word_count() <= 8 && strong_fixed(&text.without(JOKING)))
        // ("awesome 🙄", "great 🙄": the eye-roll is the answer; "fixed, my own fault 🙄" rolls
        // the eyes at oneself.)
        || (text.plain.contains('🙄') && text.word_count() <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "yeah because clearing my cache has ever fixed anything" is sarcasm; "because that
    /// always helps" said beside a result is not.
    #[test]
    fn a_fix_doubted_is_sarcasm_unless_it_worked() {
        assert!(only_sarcasm(&Normalised::new(
            "yeah because clearing my cache has ever fixed anything"
        )));
        assert!(!only_sarcasm(&Normalised::new(
            "i waited 10 min because that always helps, and now it loads fine"
        )));
        assert!(only_sarcasm(&Normalised::new(
            "oh sure, because that always works"
        )));
    }
}
