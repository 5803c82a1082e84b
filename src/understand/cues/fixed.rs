//! Words that say the fix worked ("fixed", "works now", "all good"), and hedges that take it back.

use super::gone::{GONE, error_gone, no_longer_seen, trouble_stopped};
use super::languages::cjk_fixed;
use super::negation::{FIX_WORDS, NEGATORS, about_the_fix};
use super::new_problem::CONTRASTS;
use super::not_fixed::{NOT_FIXED_STRONG, strong_not_fixed};
use super::only_words_of;
use super::results::{
    THERE_NOW, arrived, can_now, got_it_to_work, nothing_wrong_beside, now_they_work, result_stated,
};
use super::signed_in::{NOT_SIGNED_OUT, STAYS_SIGNED_IN, signed_in_so_far};
use crate::understand::text::{BREAK, HAPPY, Normalised};

/// Says it works now, explicitly.
const FIXED_STRONG: &[&str] = &[
    "fixed",
    "fixes",
    "fixed it",
    "solved",
    "solves",
    "resolved",
    "works",
    "worked",
    "working",
    "work now",
    // ("its running slow" says nothing of a fix, "the update is running now" or "started
    // file doctor, its running now" is a step under way, "its running fine but only in
    // incognito" is where it works: only running again.)
    "its running again",
    "its up now",
    "its up again",
    "that did it",
    // ("thats what did it" with another cause named is confirmed first, with "something
    // else fixed it" among the answers.)
    "thats what did it",
    "thats what fixed it",
    "did the trick",
    "it did",
    "that did",
    "all good",
    "all set",
    "good now",
    "fine now",
    // ("for now": it works, maybe not for good; a fix all the same, confirmed first.)
    "good for now",
    "fine for now",
    // "ok now" alone may only open a question ("ok now what", "ok now on my pc").
    "its ok now",
    "is ok now",
    "its okay now",
    "is okay now",
    "be ok now",
    "be okay now",
    "looks ok now",
    "now is ok",
    "now its ok",
    "now it is ok",
    "now is okay",
    "now its okay",
    "now is fine",
    "now its fine",
    "now is working",
    "now its working",
    "now it works",
    "looks okay now",
    "seems ok now",
    "seems okay now",
    "looks good",
    "looks fine",
    "looks normal",
    "normal now",
    "been fine",
    "been working",
    "been good",
    "been ok",
    "like a charm",
    "back to normal",
    "back up",
    "back online",
    "sorted",
    "regained",
    "successfully",
    "got it working",
    "it loads",
    "loads now",
    "loading now",
    "that helped",
    "everything s fine",
    "everythings fine",
    "everything is fine",
    "seemed to do it",
    "seems to do it",
    "seems to have done it",
    "back on",
    "able to fix",
    "managed to fix",
    "i fixed",
    "we fixed",
    "back to life",
    "up and running",
    "now its fine",
    "now it is fine",
    "its fine now",
    "now its good",
    "now its ok",
    "now its okay",
    "now its all good",
    "this time it worked",
    "saved this time",
    "went through this time",
    "worked this time",
    // The user closes the case ("Closing this one", "you can close the ticket"); not "close
    // the browser", a step.
    "closing this one",
    "closing this issue",
    "closing the issue",
    "you can close this",
    "you can close the ticket",
    "feel free to close",
    // A fix told as an action and what it did: "closed 30 tabs and its way faster now",
    // "pressed ctrl+f5 and now its loading".
    "now its loading",
    "now it loads",
    // "transactions came in 👍"
    "came in",
    "are coming in",
    "coming in now",
    "started coming in",
    "came through",
    // The user closes it in other words ("I'm gonna call it good").
    "call it good",
    "calling it good",
    "call it fixed",
    "call it solved",
    "call this fixed",
    "call this solved",
    // The fix, found small ("looks like I just had to clear my cache").
    "looks like i just had to",
    "turns out i just had to",
    "seems i just had to",
    "all i had to do",
    "all i needed to do",
    "set things right",
    "put things right",
    // No trouble after all ("sorry for wasting your time").
    "false alarm",
    "sorry for wasting",
    "sorry to waste",
    "did work",
    "work as they should",
    "work as it should",
    "works as it should",
    "working as it should",
    "working as they should",
    "work as expected",
    "works as expected",
    "working as expected",
    "started working",
    "started to work",
    "started syncing",
    "started to sync",
    // The cause found: "that was it", "that was the problem".
    "that was it",
    "this was it",
    "that was the problem",
    "that was the issue",
    "that was the cause",
    "this was the problem",
    "this was the issue",
    "was the culprit",
    "seems to work",
    "seem to work",
    "appears to work",
    "all is well",
    "all well now",
    "good to go",
    "back in business",
    "we are good",
    "can be closed",
    "it does now",
    "is up now",
    "its up now",
    "faster now",
    "much faster",
    "way faster",
    "much better",
    "way better",
    "better now",
    // The trouble passed ("I guess it was temporary"; "it cleared" after a reboot).
    "it was temporary",
    "was just temporary",
    "must have been temporary",
    "must have been a glitch",
    "must have been a blip",
    "it cleared",
    "cleared itself",
    // Found by an exploratory helper: what was stuck syncs ("now its syncing"), or is fast
    // now ("fast again" alone, "fast again but then slow", is read with what is beside it).
    "now its fast again",
    "its fast again now",
    "now its quick again",
    "its quick again now",
    "its syncing",
    // The feed fetching again ("ok its pulling again"; explorer rv49 F13 read it as a remark).
    "pulling again",
    "pulling in again",
    "pulling transactions again",
    "downloading again",
    "importing again",
    "syncing now",
    "now syncing",
    "syncing fine",
];

/// Agrees or cheers: a fix only when nothing says otherwise.
pub(super) const FIXED_WEAK: &[&str] = &[
    "yes",
    "yess",
    "yesss",
    "yep",
    "yeah",
    "yup",
    "ya",
    "yay",
    "great",
    "awesome",
    "excellent",
    "brilliant",
    "perfect",
    "genius",
    "bingo",
];

/// Says the user cannot tell yet whether the fix worked ("not sure yet", "idk").
const UNSURE: &[&str] = &[
    "not sure",
    "not quite sure",
    "unsure",
    "dont know if",
    "dont know yet",
    "do not know if",
    "cant tell",
    "cannot tell",
    "hard to tell",
    "no idea if",
    "not certain",
    "too early to tell",
    "idk",
    "dunno",
    "dont know",
    // ("i dont no what browser": a slip of "know".)
    "dont no what",
    "no idea",
    "no clue",
    // "it let me in this time, lets see if it lasts": too soon to say.
    "see if it lasts",
    "see if it holds",
    "see if it sticks",
    "see if it stays",
    "fingers crossed",
    "time will tell",
];

/// Plain words that it works, which a leading "no" contradicts ("no it works").
const WORKS_PLAIN: &[&str] = &[
    "it works",
    "its working",
    "it is working",
    "works now",
    "working now",
    "works fine",
    "working fine",
    "its fixed",
    "it is fixed",
    "its fine",
];

/// Says it works now in so many words ("it works now", "fixed itself"): read out of turn, with
/// no fix question open, only words this plain count.
pub(super) const WORKS_NOW: &[&str] = &[
    "works now",
    "working now",
    "it works",
    "its working",
    "it is working",
    "fixed now",
    "its fixed",
    "fixed itself",
    "resolved now",
    "solved now",
    "all good now",
    "started working",
    "working again",
    "works again",
    "got it working",
    "got it to work",
    "fixed it myself",
];

/// Said as news that it works ("nvm fixed it"), though "not sure if it fixed it" is not: read
/// only by [`works_now`], never by [`cannot_tell`].
const FIXED_IT_NOW: &[&str] = &[
    "fixed it",
    "figured it out",
    "sorted it out",
    "got it sorted",
    "all good",
    // "Rosa's payroll went through this morning, thanks".
    "went through",
    "went thru",
    "came through",
    "came thru",
];

/// Whether the message says in plain words that it works now (see [`super::super::works_now`]),
/// with no "but" to qualify it ("it works now, but only after restarting twice" is a detail
/// for staff, not word that they can close the ticket).
pub fn works_now(text: &Normalised) -> bool {
    let rest = about_the_fix(text);
    (rest.any(WORKS_NOW) || rest.any(FIXED_IT_NOW)) && !text.any(CONTRASTS) && !text.any(UNSURE)
}

/// "It works now, but only after restarting twice": it works, with a catch.
pub fn works_now_with_a_catch(text: &Normalised) -> bool {
    about_the_fix(text).any(WORKS_NOW) && text.any(CONTRASTS)
}

/// Whether the reply says the user cannot tell, or says no and that it works in one breath
/// ("not sure if it fixed it", "no it works"): neither answer can be read from it. Words that
/// it is still broken ("not sure, still broken") or not knowing why it works do not count.
pub fn cannot_tell(text: &Normalised) -> bool {
    let rest = about_the_fix(text);
    // "no it works" / "nope, its working": the "no" right before the words that it works.
    let no_it_works = ["no", "nope"].iter().any(|no| {
        WORKS_PLAIN
            .iter()
            .any(|works| rest.starts(&format!("{no} {works}")))
    });
    // An error code ("no idea, now it says error 103") or plain words that it works ("not sure
    // what happened but it works now") say something after all.
    let says_more = text.words().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        || (!no_it_works && rest.any(WORKS_NOW));
    // "not sure what u mean, didnt help": the rest says it failed.
    let says_it_failed = rest.any(UNSURE) && strong_not_fixed(&rest.without(UNSURE));
    (rest.any(UNSURE) || no_it_works || only_a_hedge(text))
        && !rest.any(NOT_FIXED_STRONG)
        && !says_more
        && !says_it_failed
}

/// Whether the whole reply is a hedge and no more ("maybe?", "perhaps", "maybe it did"): the
/// user cannot tell, neither a yes nor a no (explorer rv48 F12: "maybe?" was offered for noting
/// as the fix that worked, and "maybe" was "Sorry, I didn't catch that").
fn only_a_hedge(text: &Normalised) -> bool {
    // ("kinda", "sorta" say it helped in part: [`super::partly`].)
    const HEDGES: &[&str] = &["maybe", "mayb", "perhaps", "possibly"];
    // Words a hedge is said with that tell nothing more ("maybe it did lol", "hmm possibly").
    const WITH: &[&str] = &[
        "maybe", "mayb", "perhaps", "possibly", "it", "did", "has", "worked", "work", "hmm", "hm",
        "um", "uh", "lol", "ok", "so", "yeah", "well", "i", "guess", "dunno",
    ];
    text.words().any(|w| HEDGES.contains(&w)) && super::only_words_of(text, WITH)
}

/// "Back on my laptop", "back on the iphone": where the user is now, not that the service is
/// back on ("its back on" is).
const BACK_ON_A_DEVICE: &[&str] = &["back on my", "back on the"];

/// "Works" that says no fix: about the past ("it used to work"), for a while only ("worked
/// for a minute"), wondered about ("if it worked"), or of someone else ("hers works").
const WORKED_BEFORE: &[&str] = &[
    // What the status page says of the service, not that the user's trouble is gone.
    "status page says all good",
    "status page says everything is fine",
    "status page says everything is ok",
    "status page is all good",
    "status page is green",
    "status page is all green",
    "status page shows all good",
    "status page looks good",
    "status page looks fine",
    "stopped working",
    "was working",
    "used to work",
    "worked before",
    "worked yesterday",
    "did work before",
    "did work yesterday",
    "did work earlier",
    "did work last",
    "was fine",
    "it worked fine before",
    // It worked, for a while: the fix did not last.
    "worked for a minute",
    "worked for a bit",
    "worked for a while",
    "worked for a second",
    "worked for a sec",
    "used to be",
    "was way faster",
    "was much faster",
    "was faster",
    "was much better",
    "worked for like",
    "worked for a few",
    "worked for a day",
    "worked at first",
    "worked briefly",
    "worked once then",
    "worked once but",
    "worked once |",
    "worked the first time",
    "worked one time",
    // Whether it worked, asked or wondered: not said.
    "if it worked",
    "if it works",
    "if that worked",
    "if that works",
    // "whatever works": give me whatever helps, no word of the fix.
    "whatever works",
    "whatever worked",
    "whatever will work",
    "whether it worked",
    "whether it works",
    // Something else works, or a page says all is well: no word about the fix.
    "internet works",
    "internet is working",
    "internet is fine",
    "wifi works",
    "wifi is fine",
    "connection works",
    "connection is fine",
    "network works",
    "network is fine",
    "says everything is fine",
    "says everything is ok",
    "says all systems",
    // A scan's finding ("ran it, said no problems found"), not the problem gone.
    "no problems found",
    "no issues found",
    "no errors found",
    "found no problems",
    "found no issues",
    "found no errors",
    "no problems detected",
    "no issues detected",
    // Someone else's works: hearsay, not this user's fix.
    "hers works",
    "his works",
    "theirs works",
    "hers is working",
    "his is working",
    "says it works",
    "said it works",
    "said it worked",
];

/// Said of the things that failed ("now invoices load", "reports load now"; explorer rv46
/// F15), and of a feed ("feed is updating again"; rv45 F5): a fix only with nothing wrong
/// beside it ("its updating again but stuck at 99%", "only the dashboard will load now").
const GOING_AGAIN: &[&str] = &[
    "load now",
    "now load",
    "now they load",
    "loads again",
    "load again",
    // (Said of a thing: "its updating again" may be the update run once more.)
    "is updating again",
    "are updating again",
    "is syncing again",
    "are syncing again",
    "is updating now",
    "are updating now",
    "is syncing now",
    "are syncing now",
];

/// Takes a "works" back: a hedge, a plan, or something that worked only before.
const TAKES_IT_BACK: &[&str] = &[
    "will try",
    "ill try",
    "try again",
    "will check",
    "ill check",
    "will let you know",
    "ill let you know",
    "report back",
    "if it works",
    "see if",
    "should be",
    "should i",
    "hopefully",
    "not sure",
    "maybe",
    "might",
    "was working",
    "used to work",
    "worked before",
    "worked yesterday",
    "was fine",
    "until",
    "stopped",
    // Someone else's that works ("it works for my coworker"): no fix of the user's.
    "for my coworker",
    "for my coworkers",
    "for my co worker",
    "for my colleague",
    "for my colleagues",
    "for my boss",
    "for my wife",
    "for my husband",
    "for my partner",
    "for my accountant",
    "for my bookkeeper",
    "for my team",
    "for others",
    "for everyone else",
    "for everybody else",
    "for other users",
    "for the others",
    // Worked at an earlier time ("it worked this morning").
    "worked this morning",
    "worked fine this morning",
    "working this morning",
    "worked earlier",
    "worked fine earlier",
    "working earlier",
    "worked last",
    "worked fine last",
    "worked fine yesterday",
    // A fix that held a moment only ("it worked but only for a bit").
    "only for",
    "for a bit",
    "for a minute",
    "for a few minutes",
    "for a moment",
    "for a second",
    "briefly",
    "temporarily",
];

/// The reply with each "worked for <a time>" blanked ("it worked for 2 min and kicked me
/// again", "worked for an hour", "worked for like 10 minutes"): a fix that held a while only,
/// in numbers [`WORKED_BEFORE`] cannot list.
fn without_worked_for_a_time(text: &Normalised) -> Normalised {
    const WORKED: &[&str] = &[
        "worked", "works", "working", "work", "was", "fixed", "helped",
    ];
    const HOW_MUCH: &[&str] = &[
        "a", "an", "one", "two", "few", "couple", "like", "about", "around", "almost", "maybe",
        "half",
    ];
    const UNITS: &[&str] = &[
        "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours",
        "hr", "hrs", "day", "days", "moment", "while", "bit",
    ];
    let words: Vec<&str> = text.padded().split(' ').collect();
    let is_amount =
        |w: &str| HOW_MUCH.contains(&w) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    // A time unit, also glued to its number ("5min", "2hrs").
    let is_unit = |w: &str| UNITS.contains(&w.trim_start_matches(|c: char| c.is_ascii_digit()));
    let mut kept = words.clone();
    for i in 0..words.len() {
        // ("worked again for 2 min", "worked fine for an hour".)
        let between = usize::from(
            words
                .get(i + 1)
                .is_some_and(|w| ["again", "fine", "ok", "great"].contains(w)),
        );
        if WORKED.contains(&words[i]) && words.get(i + 1 + between) == Some(&"for") {
            // Up to three words of amount, then the unit: "for like 10 minutes", "for 5min".
            let rest = &words[(i + 2 + between).min(words.len())..];
            let amount = rest.iter().take_while(|w| is_amount(w)).count().min(3);
            // ("its been working for 2 days", "worked for 3 days now": it still does.)
            let still_does = (i > 0 && words[i - 1] == "been")
                || rest
                    .get(amount + 1)
                    .is_some_and(|w| ["now", "straight", "already", "so"].contains(w));
            if !still_does && rest.get(amount).is_some_and(|w| is_unit(w)) {
                for w in kept.iter_mut().skip(i).take(amount + 3 + between) {
                    *w = "";
                }
            }
        }
    }
    Normalised::from_padded(&kept.join(" "))
}

/// An explicit fix statement that no negation reaches ("fixed", "works now", "no longer
/// freezes"); "doesnt seem to have fixed it" is not one.
pub fn strong_fixed(text: &Normalised) -> bool {
    // "it did not fix" is no "it did"; "back on my laptop" is a move, not "back on".
    let said = without_worked_for_a_time(text)
        .without(WORKED_BEFORE)
        .without(&[
            "it did not",
            "that did not",
            "this did not",
            "that did nothing",
            "this did nothing",
            "it did nothing",
            // The trouble did it again: no "it did" (see `trouble_again`).
            "it did it again",
            "it did again",
            // The trouble back, however it came: no "back on" nor "back by itself".
            "keeps coming back",
            "coming back on its own",
            "coming back by itself",
            "loop came back",
            "error came back",
            "errors came back",
            "problem came back",
            "issue came back",
            "error is back",
            "errors are back",
            "problem is back",
            "issue is back",
        ])
        .without(BACK_ON_A_DEVICE)
        // "working on the app": at work, no word about the fix.
        .without(&[
            "when working on",
            "while working on",
            "was working on",
            "were working on",
            "im working on",
            "i am working on",
            "been working on",
            "working on it",
        ]);
    let marked = about_the_fix(&said).negation_marked(NEGATORS, 4);
    marked.any(FIXED_STRONG)
        || result_stated(&marked)
        || ((got_it_to_work(&marked)
            || can_now(&marked)
            || now_they_work(&marked)
            || said.any(THERE_NOW))
            && nothing_wrong_beside(&said))
        || (marked.any(STAYS_SIGNED_IN) && nothing_wrong_beside(&said.without(STAYS_SIGNED_IN)))
        || (signed_in_so_far(&said) && nothing_wrong_beside(&said.without(NOT_SIGNED_OUT)))
        || said.any(GONE)
        || (said.any(&no_longer_seen()) && nothing_wrong_beside(&said.without(&no_longer_seen())))
        || (said.any(&trouble_stopped())
            && nothing_wrong_beside(&said.without(&trouble_stopped()))
            // ("no longer blank, now its a black screen": another trouble in its place.)
            && !said.without(&trouble_stopped()).any(&[
                "black", "grey", "gray", "white", "blank", "screen", "instead", "now its",
                "now it says", "now says", "now shows", "now getting", "now im getting",
            ]))
        || (said.any(GOING_AGAIN)
            && nothing_wrong_beside(&said.without(GOING_AGAIN))
            && !said.any(&["will", "stuck", "half", "some", "partly"]))
        || arrived(&said)
        || !error_gone(text).is_empty()
        || cjk_fixed(&text.plain)
}

/// A strong fix, or a short agreement ("yes", "yep!", "perfect, thanks").
pub fn fixed(text: &Normalised) -> bool {
    strong_fixed(text)
        || (text.any(FIXED_WEAK) && (text.word_count() <= 4 || only_fix_words_or_cheers(text)))
}

/// A hedge in a sentence that says it works ("will report back if it works", "should be
/// fixed"): a plan in a sentence of its own ("It worked. Ill try to remember that") takes
/// nothing back.
pub fn takes_it_back(text: &Normalised) -> bool {
    text.padded().split(BREAK).any(|sentence| {
        let sentence = Normalised::from_padded(sentence);
        // ("the errors stopped" says it is gone; "it stopped" is in the list.)
        sentence.without(GONE).any(TAKES_IT_BACK) && (fixed(&sentence) || sentence.any(FIX_WORDS))
    })
}

/// Every word a reply may have and still say only "it works": agreement, fix words, thanks,
/// cheers, and the small words that join them.
const PLAIN_FIX_WORDS: &[&str] = &[
    "yes",
    "yess",
    "yesss",
    "yep",
    "yeah",
    "yup",
    "ya",
    "yay",
    "ok",
    "okay",
    "sure",
    "fixed",
    "fix",
    "fixes",
    "solved",
    "resolved",
    "sorted",
    "works",
    "worked",
    "working",
    "work",
    "it",
    "that",
    "this",
    "thats",
    "its",
    "did",
    "does",
    "the",
    "trick",
    "thanks",
    "thank",
    "you",
    "thx",
    "ty",
    "tysm",
    "so",
    "much",
    "now",
    "all",
    "good",
    "great",
    "awesome",
    "perfect",
    "excellent",
    "brilliant",
    "nice",
    "cool",
    "wow",
    "amazing",
    "finally",
    "seems",
    "looks",
    "fine",
    "again",
    "everything",
    "back",
    "normal",
    "to",
    "be",
    "has",
    "been",
    "is",
    "like",
    "a",
    "charm",
    "for",
    "me",
    "and",
    "really",
    "indeed",
    "set",
    "done",
    "lot",
    "many",
    HAPPY,
];

/// Whether the reply says nothing but that it works (see `Understood::plain`): only words of
/// a fix, thanks or cheers, and at least one that states it ("yes", "fixed", "works"). Cheers
/// alone ("great", "perfect", "ok great") may only acknowledge the steps, and "done" may only
/// say they were done ("yes done"): those are asked about first.
pub fn only_says_it_works(text: &Normalised) -> bool {
    const YES: &[&str] = &["yes", "yess", "yesss", "yep", "yeah", "yup", "ya"];
    let has = |list: &[&str]| text.words().any(|w| list.contains(&w));
    let states = strong_fixed(text) || (has(YES) && !has(&["done"]));
    only_words_of(text, PLAIN_FIX_WORDS) && states
}

/// Whether the reply is only agreement or cheers of `PLAIN_FIX_WORDS` ("great", "ok great",
/// "yes done"), saying no fix in words: read as "fixed" when short, never recorded unasked.
fn only_fix_words_or_cheers(text: &Normalised) -> bool {
    only_words_of(text, PLAIN_FIX_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_on_a_device_is_a_move_not_a_fix() {
        for moved in [
            "back on my laptop",
            "ok im back on the computer now",
            "back on my chromebook",
            "im back on my windows laptop",
        ] {
            assert!(!strong_fixed(&Normalised::new(moved)), "{moved}");
        }
        for fixed in ["its back on", "back on my laptop and it works now"] {
            assert!(strong_fixed(&Normalised::new(fixed)), "{fixed}");
        }
    }
}
