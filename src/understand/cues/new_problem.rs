//! Trouble beside the one being fixed: a new or another problem, a detail, an aside.

use super::credit::NOTHING_DONE;
use super::fixed::strong_fixed;
use super::gone::{code_like, error_gone};
use super::not_fixed::NOT_FIXED_STRONG;
use super::only_words_of;
use crate::understand::text::{HAPPY, Normalised};

/// Opens another problem.
const NEW_PROBLEM: &[&str] = &[
    "another problem",
    "another issue",
    "another error",
    "new problem",
    "new issue",
    "different problem",
    "different issue",
    "apart from that",
    "other problem",
    "also",
    "just updated",
    "this new update",
    "after the update",
    "since the update",
];

/// Whether the reply says something brought new trouble ("that fixed a whole list of issues
/// (and caused a few extra headaches)", "the update created a new problem"), not what the
/// trouble was caused by ("the errors caused by the cache are gone").
pub fn caused_new_trouble(text: &Normalised) -> bool {
    const BROUGHT: &[&str] = &["caused", "created", "introduced", "causing", "creating"];
    const TROUBLE_NOUNS: &[&str] = &[
        "problem",
        "problems",
        "issue",
        "issues",
        "headache",
        "headaches",
        "error",
        "errors",
        "bug",
        "bugs",
    ];
    let words: Vec<&str> = text.words().collect();
    words.iter().enumerate().any(|(i, w)| {
        // New trouble, not the cause of the old ("the adblocker caused all the errors").
        const MORE: &[&str] = &[
            "new",
            "more",
            "other",
            "another",
            "extra",
            "few",
            "some",
            "additional",
        ];
        let between = || words[i + 1..].iter().take(4);
        BROUGHT.contains(w)
            && between()
                .take_while(|n| !TROUBLE_NOUNS.contains(n))
                .any(|n| MORE.contains(n))
            && words.get(i + 1).is_some_and(|next| *next != "by")
            && !(i > 0 && ["not", "never", "hasnt", "havent", "hadnt"].contains(&words[i - 1]))
            && between()
                .take_while(|n| !TROUBLE_NOUNS.contains(n))
                .all(|n| !["no", "any", "zero"].contains(n))
            && between().any(|n| TROUBLE_NOUNS.contains(n))
    })
}

/// After "but": what makes a fix a new problem.
pub(in crate::understand) const TROUBLE: &[&str] = &[
    "not", "no", "cant", "cannot", "wont", "doesnt", "didnt", "isnt", "lost", "missing", "gone",
    "wrong", "invalid", "problem", "issue", "crash", "crashes", "error", "broken", "longer",
    "fail", "fails", "failing", "stuck", "frozen",
];

/// A detail about the same problem.
const DETAIL: &[&str] = &[
    // Handing over what was asked for ("Sure, here you go :)"; not "here it is, finally
    // loaded").
    "here you go",
    "error",
    "code",
    "message",
    "says",
    "shows",
    "showing",
    "only",
    "version",
    "windows",
    "when i",
    "whenever",
    "log",
    "logs",
    "because",
    "installed",
    "blank",
    "screen",
    "page",
    "loading",
    "crash",
    "percent",
    "both",
    "attempt",
];

/// How slow it is now ("now the reports take minutes to load"): a detail when nothing else is
/// read ([`slow_now`]).
const SLOW_NOW: &[&str] = &[
    "take minutes",
    "takes minutes",
    "taking minutes",
    "take forever",
    "takes forever",
    "taking forever",
    "take ages",
    "takes ages",
    "taking ages",
];

/// Whether the reply only tells how slow it is now: not how slow it was ("it used to take
/// forever, now its instant"), nor that it no longer is ("reports no longer take minutes").
pub fn slow_now(text: &Normalised) -> bool {
    const WAS_OR_NOT: &[&str] = &[
        "used to take",
        "no longer",
        "anymore",
        "any more",
        "not",
        "doesnt",
        "didnt",
        "instant",
        "seconds",
        "but",
    ];
    text.any(SLOW_NOW) && !text.any(WAS_OR_NOT)
}

/// Thanks, acknowledgements, plans and small talk.
const ASIDE: &[&str] = &[
    "thanks",
    "thank",
    "thx",
    "ty",
    "tyvm",
    "谢谢",
    "ok",
    "okay",
    "okk",
    "k",
    "kk",
    "cool",
    "coolio",
    "alright",
    "sure",
    "sorry",
    "np",
    "appreciate",
    "appreciated",
    "appreciation",
    // Agreeing with what was said, no word of the fix ("fair enough", "you're right").
    "fair enough",
    "makes sense",
    "good point",
    "youre right",
    "you are right",
    "gotcha",
    "understood",
    "noted",
    // The answer goes elsewhere ("I'll DM you shortly", "sent via email").
    "dm you",
    "email you",
    "via email",
    "via dm",
    "will try",
    "ill try",
    "will wait",
    "see above",
    "gracias",
    "danke",
    "merci",
    "oh",
    "um",
    "hmm",
    "lol",
    "evil",
    "idiot",
    "whoopsie",
    // "hold on", "one sec trying": the answer is coming.
    "hold on",
    "hang on",
    "hold up",
    "wait",
    "sec",
    "one second",
    "a second",
    "brb",
    "one sec",
    "a sec",
    "one moment",
    "a moment",
    "one min",
    "a min",
];

/// Says there is another problem and nothing of what it is ("I have another problem").
const ANOTHER_PROBLEM_ONLY: &[&str] = &[
    "i have another problem",
    "i have another issue",
    "i have another question",
    "i have a different problem",
    "i have a different issue",
    "i have a new problem",
    "another problem",
    "another issue",
    "different problem",
    "new problem",
    "something else",
];

/// The words such a message may have besides ([`ANOTHER_PROBLEM_ONLY`]).
const ANOTHER_PROBLEM_FILLER: &[&str] = &[
    "ok",
    "okay",
    "k",
    "so",
    "now",
    "actually",
    "also",
    "and",
    "but",
    "hey",
    "hi",
    "thanks",
    "thx",
    "ty",
    "cool",
    "great",
    "i",
    "have",
    "got",
    "theres",
    "there",
    "is",
    "a",
    "an",
    "another",
    "different",
    "new",
    "problem",
    "issue",
    "question",
    "something",
    "else",
    "too",
    "as",
    "well",
    "yes",
    "yeah",
    "ya",
    "one",
    "more",
    HAPPY,
];

/// Whether the message only says there is another problem ("ok i have another problem").
pub fn only_another_problem(text: &Normalised) -> bool {
    text.any(ANOTHER_PROBLEM_ONLY) && only_words_of(text, ANOTHER_PROBLEM_FILLER)
}

pub fn again(text: &Normalised) -> bool {
    text.has("again")
}

pub fn new_problem(text: &Normalised) -> bool {
    text.any(NEW_PROBLEM)
}

/// Puts the problem on screen aside for another ("actually forget that, bigger problem:
/// payroll wont update"): whatever the rest says is about the other one.
const SETS_IT_ASIDE: &[&str] = &[
    "bigger problem",
    "bigger issue",
    "more urgent",
    "more important",
    "forget that",
    "forget about that",
    "forget about this",
    "unrelated",
    "separate problem",
    "separate issue",
    "another thing",
];

/// Whether the reply sets the problem on screen aside for another it goes on to tell.
pub fn sets_it_aside(text: &Normalised) -> bool {
    // "forget that, it still doesnt work" says the fix failed.
    let rest = text.without(SETS_IT_ASIDE);
    text.any(SETS_IT_ASIDE) && mentions_trouble(&rest) && !rest.any(NOT_FIXED_STRONG)
}

/// Words of something going wrong, besides [`TROUBLE`]'s.
const WRONG: &[&str] = &[
    "stopped",
    "stuck",
    "blank",
    "slow",
    "freezes",
    "frozen",
    "again",
    "still",
    "broke",
    "need",
    "help",
    "gives",
    "getting",
    "white screen",
    "grey screen",
    "gray screen",
];

/// Whether the message says anything is wrong ("works now. bank feed stopped syncing"), beside
/// what it says works.
pub fn mentions_trouble(text: &Normalised) -> bool {
    // (An error code or a number says something is wrong, or is more news for staff.)
    trouble_in_words(text) || text.words().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
}

/// [`mentions_trouble`] without the numbers: words that say something is wrong.
pub fn trouble_in_words(text: &Normalised) -> bool {
    text.any(TROUBLE) || text.any(WRONG)
}

/// The words that turn a reply from a fix to what is wrong now.
pub const CONTRASTS: &[&str] = &["but", "however", "although", "except"];

/// "That fixed it, but now payroll won't load": trouble after a "but" that follows the fix.
pub fn new_problem_after_fix(text: &Normalised) -> bool {
    trouble_after_fix(text).is_some()
}

/// The trouble after the "but" that follows a fix ("but now payroll won't load").
fn trouble_after_fix(text: &Normalised) -> Option<Normalised> {
    let padded = text.padded();
    let at = CONTRASTS.iter().filter_map(|w| text.find(w)).min()?;
    let (before, after) = padded.split_at(at);
    let after = Normalised::from_padded(after);
    // ("working now but i didnt do the steps": how it came to work, not trouble; "but the
    // error never came back": the error gone.)
    let gone = error_gone(&after);
    let gone: Vec<&str> = gone.iter().map(String::as_str).collect();
    let said = after.without(NOTHING_DONE).without(&gone);
    // ("it works but returns a 502", "works now but says bad gateway sometimes": an error
    // named after the fix is trouble, whatever its code.)
    let trouble =
        said.any(TROUBLE) || said.any(NEW_PROBLEM) || said.has("now") || names_an_error(&said);
    (strong_fixed(&Normalised::from_padded(before)) && trouble).then(|| after.without(&gone))
}

/// An error named by its code or by an HTTP error's name ("returns a 502", "says bad gateway").
/// Not a worry that it may ("but it might give 502 again", "but if it says bad gateway"), a
/// question ("but is a 502 likely again?"), the error gone or denied ("but bad gateway is
/// gone", "but without the 502", "but i dont see bad gateway anymore") or in the past ("but
/// earlier it said bad gateway").
fn names_an_error(text: &Normalised) -> bool {
    const NOT_NOW: &[&str] = &[
        "worried",
        "worry",
        "afraid",
        "case",
        "likely",
        "later",
        "gone",
        "without",
        "stopped",
        "went away",
        "havent",
        "not",
        "no",
        "never",
        "dont",
        "anymore",
        "any more",
        "no longer",
        "since",
        "earlier",
        "yesterday",
        "before",
        "last time",
        "this morning",
        "used to",
        "was",
        "weird",
        "strange",
        "fixed",
        "solved",
    ];
    (text.words().any(code_like) || text.any(HTTP_ERROR_NAMES))
        && !text.any(MAYBE)
        && !text.any(NOT_NOW)
        && !text.is_question()
}

/// Words that make what follows a maybe, not news ("it might happen again", "if it comes
/// back").
pub(super) const MAYBE: &[&str] = &[
    "might",
    "may",
    "could",
    "if",
    "hope",
    "hopefully",
    "will",
    "should",
    "incase",
];

/// The names HTTP errors go by, without their codes.
const HTTP_ERROR_NAMES: &[&str] = &[
    "bad gateway",
    "gateway timeout",
    "gateway time out",
    "service unavailable",
    "internal server error",
];

/// "It worked for a day, but now it's broken again", "fixed the first part, but the buttons
/// still fail": the trouble after the fix is the old one, so the fix did not do it.
pub fn old_trouble_after_fix(text: &Normalised) -> bool {
    // A trouble word, not just "now" ("but now I have to enter it all again" is no failure).
    // ("the update button worked but no new transactions": the step ran, and what it was
    // for did not come.)
    trouble_after_fix(text).is_some_and(|after| {
        (sounds_like_before(&after)
            && (after.any(TROUBLE) || after.any(NEW_PROBLEM) || names_an_error(&after)))
            || after.starts("but no new")
            || after.starts("but nothing new")
            || after.starts("but nothing changed")
    })
}

/// Words that say trouble is the one from before: "again", "still", "back" (not in a
/// condition: "if it starts happening again" is a plan, not news).
pub fn sounds_like_before(text: &Normalised) -> bool {
    (again(text) || text.any(&["still", "back"])) && !text.has("if")
}

pub fn detail(text: &Normalised) -> bool {
    text.any(DETAIL) || text.padded().chars().any(|c| c.is_ascii_digit()) || text.word_count() > 12
}

pub fn aside(text: &Normalised) -> bool {
    text.any(ASIDE) || text.any(&[HAPPY])
}

/// Opens on another trouble than the one being fixed ("Apart from that the update doesn't work
/// at all anymore", "Another problem is that ...").
const OTHER_TROUBLE_OPENERS: &[&str] = &[
    "another problem is",
    "another issue is",
    "apart from that",
    "on another note",
    "separate issue",
    "separate problem",
    "unrelated issue",
    "unrelated problem",
    "the only issue i saw",
    "the only problem i saw",
    "one more issue",
    "one more problem",
];

/// Another trouble, opened as such, with no word that the fix on screen failed ("still",
/// "same", "again").
pub fn opens_another_trouble(text: &Normalised) -> bool {
    text.any(OTHER_TROUBLE_OPENERS) && !text.any(&["still", "same", "again"])
}
