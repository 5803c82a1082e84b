//! What fixed it if not the step: nothing done, by itself, someone else, a restart, another cause.

use super::fixed::strong_fixed;
use super::negation::negated;
use super::new_problem::new_problem_after_fix;
use super::not_fixed::strong_not_fixed;
use crate::understand::text::{BREAK, Normalised};

/// The user found their own mistake ("my bad, wrong company file", "it was my fault"): the
/// trouble is sorted, unless they correct something they said ("my mistake, i use edge not
/// chrome", "my bad, i meant the payroll page").
pub fn owns_the_mistake(text: &Normalised) -> bool {
    const OWN_MISTAKE: &[&str] = &[
        "my bad",
        "my fault",
        "myfault",
        "my mistake",
        "user error",
        "pebkac",
    ];
    const CORRECTS: &[&str] = &[
        "meant", "mean", "typo", "i use", "im using", "im on", "actually",
    ];
    text.any(OWN_MISTAKE)
        && !text.any(CORRECTS)
        && !text.is_question()
        // ("is it my fault" asks, "?" or not.)
        && !super::questions::opens_like_a_question(text)
        && !strong_not_fixed(text)
        && !negated(text)
}

/// The service back by itself ("it just came back by itself", "its back up on its own"); not
/// the trouble back ("it keeps coming back by itself", "the spinning came back by itself", "it
/// goes back by itself to the login page").
pub fn back_by_itself(text: &Normalised) -> bool {
    // ("it came back by itself" is the service back in most articles; a login loop's trouble
    // back is said of it: "the loop came back by itself", "it keeps coming back".)
    const BACK: &[&str] = &["came back", "back up", "back online", "is back", "its back"];
    const BY_ITSELF: &[&str] = &["by itself", "on its own"];
    const THE_TROUBLE: &[&str] = &[
        "keeps",
        "coming back",
        "goes back",
        "went back",
        "back to",
        "error",
        "errors",
        "problem",
        "issue",
        "spinning",
        "spinner",
        "blank",
        "message",
        "logout",
        "logged",
        "signed",
        "kicked",
        "again",
        "loop",
        "screen",
        "page",
        "sign",
        "login",
        "reboot",
        "restart",
        "timeout",
        "timeouts",
        "timing",
        "slow",
        "slowness",
        "lag",
        "bad",
        "freezing",
        "freezes",
        "crash",
        "crashes",
        "crashing",
    ];
    // ("the 504 came back by itself": an error's code is the trouble.)
    let a_code = text
        .words()
        .any(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()));
    text.any(BACK) && text.any(BY_ITSELF) && !text.any(THE_TROUBLE) && !a_code
}

/// Says it works from nothing the bot suggested: the cause is unknown, or it was a restart.
const FIXED_BY_ITSELF: &[&str] = &[
    "idk what fixed",
    "dont know what fixed",
    "do not know what fixed",
    "not sure what fixed",
    "no idea what fixed",
    "dunno what fixed",
    "fixed itself",
    "fixed by itself",
    "on its own",
    "by itself",
    "magically",
    // Someone else, not the step: "they fixed something on their end".
    "on their end",
    "on their side",
    "on intuits end",
    "on intuits side",
];

/// Nothing was done here: "working now but i didnt do the steps". Not when the reply credits
/// a fix all the same ("that fixed it, i didnt change anything else").
pub(super) const NOTHING_DONE: &[&str] = &[
    "didnt do anything",
    "did not do anything",
    "didnt actually do anything",
    "didnt even do anything",
    "didnt do the steps",
    "didnt do any of",
    "didnt change anything",
    "didnt touch anything",
    "did nothing",
    "havent done anything",
    "without doing anything",
    "before i could try",
    "didnt get to try",
    "didnt even try",
    // "works now but i didnt do that step, my IT guy fixed the router" (explorer rv48 F14:
    // read as the step not tried yet).
    "didnt do that step",
    "didnt do this step",
    "did not do that step",
    "did not do this step",
    "didnt do that one",
    "didnt do the step",
    "didnt do that",
    "did not do that",
    "didnt try that",
    "didnt try the step",
    "didnt try the steps",
];

/// Words that credit a fix, against which "did nothing else" says nothing.
const CREDITS_A_FIX: &[&str] = &[
    "that fixed",
    "this fixed",
    "that worked",
    "this worked",
    "that did it",
    "that helped",
    "fixed it",
    "else",
];

/// Whether the reply says nothing was done here ("i didnt do anything", "did nothing"), and
/// credits no fix ("that worked, did nothing else" does).
fn nothing_done(text: &Normalised) -> bool {
    text.any(NOTHING_DONE) && !text.any(CREDITS_A_FIX)
}

/// Who else may have fixed it ("my accountant fixed it", "the bank sorted it out").
const SOMEONE_ELSE: &[&str] = &[
    "accountant",
    "bookkeeper",
    "bank",
    "support",
    "intuit",
    "someone",
    "somebody",
    "coworker",
    "colleague",
    "boss",
    "admin",
    "it guy",
    "it department",
    "it dept",
    "husband",
    "wife",
    "son",
    "daughter",
    "partner",
    "manager",
];

/// What someone else did to fix it.
const FIXED_IT_VERBS: &[&str] = &["fixed", "sorted", "solved", "resolved", "repaired"];

/// Words that say it is still broken, or was fixed only for a while, beside someone else's fix
/// ("support fixed it for a day then it came back", "they fixed nothing").
const NOT_FIXED_AFTER_ALL: &[&str] = &[
    "still",
    "but",
    "again",
    "came back",
    "back to",
    "for a day",
    "nothing",
    "then",
    "didnt",
    "doesnt",
    "isnt",
    "not working",
    "wont",
    "cant",
    "thought",
];

/// "my accountant fixed it", "the bank just sorted it": someone else fixed it, not the step,
/// and nothing says it is still broken.
pub fn someone_else_fixed_it(text: &Normalised) -> bool {
    let said = SOMEONE_ELSE.iter().any(|who| {
        FIXED_IT_VERBS.iter().any(|verb| {
            ["", " just", " finally", " must have", " must of"]
                .iter()
                .any(|between| text.has(&format!("{who}{between} {verb} it")))
        })
    });
    // "my IT guy did something and now it works": a deed of theirs, then the result.
    let did_something = SOMEONE_ELSE.iter().any(|who| {
        [
            "did something",
            "changed something",
            "fixed something",
            "did some",
        ]
        .iter()
        .any(|deed| text.has(&format!("{who} {deed}")))
    }) && strong_fixed(text);
    // "its working now thanks to my IT guy" (explorer rv45 F11).
    let thanks_to = SOMEONE_ELSE.iter().any(|who| {
        [
            "thanks to",
            "thanks to my",
            "thanks to our",
            "thanks to the",
        ]
        .iter()
        .any(|t| text.has(&format!("{t} {who}")))
    }) && strong_fixed(text);
    (said || did_something || thanks_to) && !text.any(NOT_FIXED_AFTER_ALL)
}

/// "updated chrome and its fine now", "logged out and back in, works", "used a different wifi
/// and it works": a deed told beside the news that it works, whose words are none of the
/// step's (`step`: its title, a line break and its text, lowercase). The fix on screen was not
/// what did it (explorer rv45 F11 found each offered as that fix, and "yes" recording it). A
/// deed that is another fix of the article is the caller's to ask about; restarts are read by
/// [`fixed_by_something_else`] itself; a move to another browser by its own reading.
fn another_deed_told(text: &Normalised, step: &str) -> bool {
    const DEEDS: &[&str] = &[
        "updated",
        "upgraded",
        "installed",
        "reinstalled",
        "uninstalled",
        "logged",
        "signed",
        "used",
        "unplugged",
        "plugged",
        "connected",
        "disconnected",
        "reconnected",
        "turned",
        "disabled",
        "enabled",
        "removed",
        "deleted",
        "renamed",
        "reset",
        "changed",
    ];
    const FILLER: &[&str] = &[
        "my",
        "the",
        "a",
        "an",
        "our",
        "it",
        "to",
        "of",
        "and",
        "on",
        "in",
        "out",
        "off",
        "back",
        "up",
        "again",
        "then",
        "all",
        "different",
        "new",
        "another",
        "other",
        "some",
    ];
    let step_words = crate::plain_words::lowercase_words(step);
    let in_step = |w: &str| {
        step_words.iter().any(|s| {
            let (s, w) = (s.as_str(), w);
            s == w || (s.len() >= 4 && w.starts_with(s)) || (w.len() >= 4 && s.starts_with(w))
        })
    };
    if !strong_fixed(text) {
        return false;
    }
    let words: Vec<&str> = text.words().collect();
    // ("still logged in", "stayed signed in", "logged in fine now": a state or the result, no
    // deed.)
    const A_STATE: &[&str] = &[
        "still", "stayed", "stay", "stays", "im", "am", "is", "was", "been", "being", "get", "got",
        "keep", "keeps", "remain", "remained",
    ];
    let deeds: Vec<usize> = (0..words.len())
        .filter(|&i| DEEDS.contains(&words[i]))
        .filter(|&i| i == 0 || !A_STATE.contains(&words[i - 1]))
        .filter(|&i| !(["logged", "signed"].contains(&words[i]) && words.get(i + 1) == Some(&"in")))
        .collect();
    !deeds.is_empty()
        && deeds.iter().all(|&i| {
            let verb = words[i].trim_end_matches("ed").trim_end_matches('e');
            let object: Vec<&str> = words[i + 1..]
                .iter()
                .take_while(|w| **w != BREAK && **w != "and")
                .take(4)
                .copied()
                .filter(|w| !FILLER.contains(w))
                .collect();
            !in_step(verb) && !object.iter().any(|w| in_step(w))
        })
}

/// A restart: what fixed it, when no step said to restart.
const RESTARTED: &[&str] = &[
    "restarted my pc",
    "restarted my computer",
    "restarted my laptop",
    "restarted the pc",
    "restarted the computer",
    "rebooted",
    "after a restart",
    "after restarting",
    "after a reboot",
    "turned it off and on",
];

/// A restart of the network's box ("restarted the router").
const RESTARTED_NETWORK: &[&str] = &[
    "restarted my router",
    "restarted the router",
    "restarted my modem",
    "restarted the modem",
    "rebooted my router",
    "rebooted the router",
    "rebooted my modem",
    "rebooted the modem",
];

/// Whether a reply that says it works puts it down to something other than the step shown
/// ("its working now but idk what fixed it", "restarted my pc and now it opens"), given the
/// step's title, then a line break and its text: a step titled for a restart is what a
/// restart did, and one whose text names the router is what restarting the router did. Each
/// restart said is checked on its own ("restarted the router and my pc").
pub fn fixed_by_something_else(text: &Normalised, step: &str) -> bool {
    let step = step.to_lowercase();
    let title = step.lines().next().unwrap_or_default();
    let restart_step = title.contains("restart") || title.contains("reboot");
    let router_step = step.contains("router") || step.contains("modem");
    // "restarted the router and my pc": the computer too.
    let words: Vec<&str> = text.words().collect();
    let device_restart = text.without(RESTARTED_NETWORK).any(RESTARTED)
        || words.iter().enumerate().any(|(i, w)| {
            ["restarted", "rebooted"].contains(w)
                && words[i + 1..]
                    .iter()
                    .take(5)
                    .any(|d| ["pc", "computer", "laptop", "mac", "machine"].contains(d))
        });
    let other_restart =
        (text.any(RESTARTED_NETWORK) && !router_step) || (device_restart && !restart_step);
    not_by_anyone_here(text)
        || someone_else_fixed_another_thing(text, &step)
        || other_restart
        || another_cause_named(text, &step)
        || another_deed_told(text, &step)
}

/// "my IT guy fixed the router and it works now": someone else fixed a thing the step shown
/// (its title and text, lowercase) does not name, and it works (explorer rv48 F14: the step
/// shown was offered for noting as what fixed it). ("the it guy fixed the file doctor thing"
/// names the step: not this.)
fn someone_else_fixed_another_thing(text: &Normalised, step: &str) -> bool {
    const OWNERS: &[&str] = &["the", "my", "our", "a", "some", "his", "her", "their"];
    let step_words = crate::plain_words::lowercase_words(step);
    let in_step = |w: &str| {
        step_words
            .iter()
            .any(|s| s == w || s.strip_suffix('s') == Some(w) || w.strip_suffix('s') == Some(s))
    };
    let fixed_a_thing = SOMEONE_ELSE.iter().any(|who| {
        FIXED_IT_VERBS.iter().any(|verb| {
            let Some(at) = text.find(&format!("{who} {verb}")) else {
                return false;
            };
            let mut after = text.padded()[at + who.len() + verb.len() + 2..]
                .split_whitespace()
                .take_while(|w| *w != BREAK);
            after.next().is_some_and(|w| OWNERS.contains(&w))
                && after
                    .take(2)
                    .any(|thing| thing.len() >= 3 && !in_step(thing))
        })
    });
    // ([`NOT_FIXED_AFTER_ALL`] less "but" and "didnt": "works now but i didnt do that step,
    // my IT guy fixed the router" says it works.)
    let not_fixed_after_all = NOT_FIXED_AFTER_ALL
        .iter()
        .filter(|w| !["but", "didnt"].contains(w))
        .any(|w| text.has(w));
    fixed_a_thing && strong_fixed(text) && !not_fixed_after_all
}

/// Whether a reply restarts something the step shown does not ("rebooted my pc, still 502",
/// "restarted quickbooks, same error", "restarted the router" at a step without one), given
/// the step's title, then a line break and its text: a step that restarts, reboots or closes
/// anything may be what was done.
pub fn restarted_something_else(text: &Normalised, step: &str) -> bool {
    const THINGS: &[&str] = &[
        "pc",
        "computer",
        "laptop",
        "mac",
        "machine",
        "quickbooks",
        "qb",
        "qbo",
        "browser",
        "chrome",
        "firefox",
        "edge",
        "safari",
        "app",
        "router",
        "modem",
        "wifi",
        "phone",
    ];
    let step = step.to_lowercase();
    if [
        "restart", "reboot", "close", "relaunch", "quit", "router", "modem",
    ]
    .iter()
    .any(|w| step.contains(w))
    {
        return false;
    }
    let words: Vec<&str> = text.words().collect();
    text.any(RESTARTED_NETWORK)
        || text.any(RESTARTED)
        || words.iter().enumerate().any(|(i, w)| {
            [
                "restarted",
                "rebooted",
                "restarting",
                "rebooting",
                "relaunched",
            ]
            .contains(w)
                && words[i + 1..].iter().take(3).any(|d| THINGS.contains(d))
        })
}

/// Openers that tell what the cause was ("turns out it was my adblocker").
const CAUSE_WAS: &[&str] = &[
    "it was my",
    "it was the",
    "it was our",
    "turns out it was",
    "turned out it was",
    "turned out to be",
    "the problem was",
    "the issue was",
    "the culprit was",
    "was caused by",
];

/// Whether a reply tells what the cause was ("turns out it was my adblocker", "the culprit was
/// the vpn"), not what it was not ("turns out it was not my adblocker"), nor asks.
pub fn tells_the_cause(text: &Normalised) -> bool {
    !text.is_question()
        && CAUSE_WAS.iter().any(|opener| {
            text.find(opener).is_some_and(|at| {
                let next = text.padded()[at + opener.len() + 2..]
                    .split_whitespace()
                    .next();
                next.is_some_and(|w| {
                    w != BREAK && !["not", "never", "nothing", "none"].contains(&w)
                })
            })
        })
}

/// Says what the cause was, and it is nothing the step touches: "it was my privacy extension"
/// at "Turn on JavaScript" (at "Turn off browser extensions" it credits the step).
fn another_cause_named(text: &Normalised, step: &str) -> bool {
    let step_words = crate::plain_words::lowercase_words(step);
    let in_step = |w: &str| {
        step_words
            .iter()
            .map(String::as_str)
            .any(|s| s == w || s.strip_suffix('s') == Some(w) || w.strip_suffix('s') == Some(s))
    };
    // "it was the weirdest thing, the reload fixed it", "reloaded and it works, the problem was
    // probably my slow wifi": the step is credited in so many words.
    let title = step.lines().next().unwrap_or_default();
    let credits_the_step = crate::plain_words::lowercase_words(title)
        .into_iter()
        .filter(|w| w.len() >= 4)
        .any(|t| {
            let t = t.as_str();
            text.words().any(|w| {
                w == t
                    || ["ed", "d", "ing"]
                        .iter()
                        .any(|end| w.strip_suffix(end) == Some(t))
            })
        });
    if credits_the_step {
        return false;
    }
    CAUSE_WAS.iter().any(|opener| {
        let Some(at) = text.find(opener) else {
            return false;
        };
        let cause: Vec<&str> = text.padded()[at + opener.len() + 2..]
            .split_whitespace()
            .take_while(|w| *w != BREAK)
            .take(3)
            .filter(|w| w.len() >= 3 && !["the", "and", "all", "not", "that", "this"].contains(w))
            .collect();
        !cause.is_empty() && !cause.iter().any(|w| in_step(w))
    })
}

/// "working now but i didnt do the steps": it works, said beside how nothing was done here
/// (whose negation would otherwise take the "works" back).
pub fn works_with_nothing_done(text: &Normalised) -> bool {
    nothing_done(text) && strong_fixed(&text.without(NOTHING_DONE)) && !new_problem_after_fix(text)
}

/// Whether the reply says the fix came about with nothing done here ("fixed itself", "i didnt
/// do the steps") or by someone else ("my accountant fixed it"): none of it is news of trouble.
/// The cause unknown to the user ("its working now, no idea why"; explorer rv46 F13: the step
/// on screen was offered as what fixed it), unless a fix is credited beside it ("that worked!
/// not sure how it did").
const CAUSE_UNKNOWN: &[&str] = &[
    "no idea why",
    "idk why",
    "dunno why",
    "not sure why",
    "dont know why",
    "no clue why",
    "no idea how it",
    "not sure how it",
    "dont know how it",
    "go figure",
];

/// The step shown said not to be why it works ("it works now but not because of that, i
/// rebooted my laptop"; explorer rv49 F10b was "noted for the support team").
const NOT_FROM_THE_STEP: &[&str] = &[
    "not because of that",
    "not because of this",
    "not because of the step",
    "not because of your",
    "not from that",
    "not from this",
    "not from the step",
    "not due to that",
    "not due to this",
    "not thanks to that",
    "nothing to do with that",
    "nothing to do with this",
    "wasnt because of that",
    "wasnt because of this",
    "wasnt from that",
    "wasnt that that fixed",
    "wasnt that step",
];

/// Whether the reply says it works, and that the step shown is not why ("it works now but not
/// because of that, i rebooted my laptop").
pub fn works_not_from_the_step(text: &Normalised) -> bool {
    const ENDINGS: &[&str] = &[
        "wasnt that",
        "wasnt this",
        "wasnt it",
        "isnt that",
        "isnt this",
    ];
    let rest = text.without(NOT_FROM_THE_STEP).without(ENDINGS);
    not_from_the_step(text) && strong_fixed(&rest) && !strong_not_fixed(&rest)
}

/// Whether the reply says the step shown is not why it works: [`NOT_FROM_THE_STEP`], or "it
/// wasnt that" ending a clause ("it wasnt that hard" says nothing of it).
pub fn not_from_the_step(text: &Normalised) -> bool {
    let words: Vec<&str> = text.words().collect();
    let ends_a_clause_at = |i: usize| words.get(i).is_none_or(|w| *w == BREAK);
    text.any(NOT_FROM_THE_STEP)
        || words.windows(2).enumerate().any(|(i, w)| {
            matches!(w, ["wasnt" | "isnt", "that" | "this" | "it"]) && ends_a_clause_at(i + 2)
        })
}

pub fn not_by_anyone_here(text: &Normalised) -> bool {
    text.any(FIXED_BY_ITSELF)
        || not_from_the_step(text)
        || (text.any(CAUSE_UNKNOWN) && !text.any(CREDITS_A_FIX))
        || nothing_done(text)
        || someone_else_fixed_it(text)
        || puzzled_alone(text)
}

/// "works now. weird", "its fine now, strange": a short reply whose only other word is
/// surprise, the cause not known to the user.
fn puzzled_alone(text: &Normalised) -> bool {
    const PUZZLED: &[&str] = &["weird", "strange", "odd", "bizarre"];
    text.word_count() <= 6
        && text.any(PUZZLED)
        && !text.any(CREDITS_A_FIX)
        && !text.any(&["that", "this", "the", "after", "when"])
}
