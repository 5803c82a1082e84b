//! A fix that helped only in part or for some, or news that another thing, browser or device works.

use super::fixed::{fixed, strong_fixed};
use super::negation::{FIX_WORDS, negated};
use super::new_problem::{CONTRASTS, TROUBLE};
use super::not_fixed::strong_not_fixed;
use super::only_words_of;
use super::questions::opens_like_a_question;
use crate::understand::text::{BREAK, HAPPY, Normalised, SAD};

/// Says the fix helped only in part ("sort of", "a little better", "kinda works"): the
/// trouble is still there, so the walk goes on to the next fix.
const PARTLY: &[&str] = &[
    "little better",
    "bit better",
    "slightly better",
    "somewhat better",
    "partially",
    "partly",
    "half works",
    "only half",
    "half working",
    "not completely",
    "not entirely",
    "not fully",
    "not quite",
    "except for",
    "except the",
    "except that",
    "apart from the",
];

/// Says it works only now and then, only in part or only slowly, even beside words that it
/// works ("it loads but slowly", "works on and off", "half of it loads"): an explorer (rv45
/// F10) found each offered as the fix having worked, and "well it loads" then recorded it.
const WORKS_ONLY_SO: &[&str] = &[
    // (Said of the working, not of a deed: "turned it off and on again and now it works".)
    "works on and off",
    "working on and off",
    "works off and on",
    "working off and on",
    "loads on and off",
    "on and off all day",
    "comes and goes",
    // ("sometimes it works" at "Is it one of these?" got "Good to hear!", rv45 F13.)
    "works sometimes",
    "sometimes it works",
    "sometimes works",
    "sometimes it loads",
    "loads sometimes",
    "hit or miss",
    "hit and miss",
    "intermittently",
    "but slowly",
    "but very slowly",
    "but really slowly",
    "but super slowly",
    "but slow",
    "but its slow",
    "but very slow",
    "but really slow",
    "but super slow",
    "but still slow",
    "but its still slow",
    "half of it",
    "half the page",
    "half of the page",
    "only half",
];

/// Hedges that say "in part" only alone ("sort of", "kinda") or of a fix word ("kinda
/// works"): "some sort of glitch", "what kind of browser" and "im kinda lost" are no answer.
const PARTLY_VAGUE: &[&str] = &["sort of", "sorta", "kind of", "kinda", "somewhat"];

/// Whether a short reply says the fix helped only in part ("a little better", "sort of",
/// "kinda works"), and no more ("kinda weird but it works now" says it works).
pub fn partly(text: &Normalised) -> bool {
    /// What a bare hedge may come with ("yeah kinda", "i guess sort of").
    const HEDGE_FILLER: &[&str] = &[
        "yes", "yeah", "ya", "yep", "i", "guess", "lol", "ish", "maybe", "it", "did", "well",
        "hmm", "um", HAPPY, SAD,
    ];
    // "sort of, the dashboard loads now but reports are blank", "partly, it loads but slow":
    // the hedge said first, on its own, answers; what follows tells which part.
    // ("sort of. it works now thanks" says no part that fails: left to the rest; "partly,
    // the dashboard works" says one.)
    let opens_with = |hedges: &[&str]| hedges.iter().any(|h| text.starts(&format!("{h} {BREAK}")));
    // ("kinda, a few came through": the part that works, said after the hedge, is a part.)
    let in_part = opens_with(&["partly", "partially", "half"])
        || (opens_with(PARTLY_VAGUE)
            && (text.any(CONTRASTS) || !strong_fixed(text) || text.any(ONLY_SOME)));
    if in_part && text.word_count() <= 25 && !opens_like_a_question(text) {
        return true;
    }
    if text.any(WORKS_ONLY_SO) && text.word_count() <= 12 && !opens_like_a_question(text) {
        return true;
    }
    // ("kinda?", "a little better?": the hedge asked is the hedge said; "did it get a bit
    // better?" asks.)
    if text.word_count() > 8
        || opens_like_a_question(text)
        || (text.is_question() && text.word_count() > 3)
    {
        return false;
    }
    // "not quite sure what you mean" is unsure, not in part.
    let plain = text.without(&["not quite sure"]);
    let alone =
        plain.any(PARTLY_VAGUE) && only_words_of(&plain.without(PARTLY_VAGUE), HEDGE_FILLER);
    let of_a_fix = PARTLY_VAGUE.iter().any(|p| {
        let p = format!(" {p} ");
        let padded = plain.padded();
        padded.find(&p).is_some_and(|at| {
            let next = padded[at + p.len()..].split(' ').next().unwrap_or("");
            FIX_WORDS.contains(&next)
        })
    });
    // "a little better" unless it also says it works ("a bit better, works now").
    // ("seems to work partially" is the hedge with a hedge.)
    let a_bit = plain.any(PARTLY)
        && !strong_fixed(&plain.without(PARTLY).without(&[
            "seems to work",
            "seem to work",
            "appears to work",
        ]));
    alone || of_a_fix || a_bit
}

/// Some of several, not all: "a few came through", "some of them synced".
const ONLY_SOME: &[&str] = &[
    "a few",
    "some",
    "a couple",
    "one or two",
    "only one",
    "only some",
    "a handful",
    "not all",
    "half",
];

/// Whether the reply says the fix worked for one of several and not another ("worked for
/// client A but not B", "fixed it for Maple Dental but not for Birch Law"): in part, so the
/// walk goes on. (It was "the same problem, noted", or another article by its names.)
pub fn works_for_some_only(text: &Normalised) -> bool {
    let Some((before, after)) = text.padded().split_once(" but ") else {
        return false;
    };
    let before = Normalised::from_padded(&format!(" {} ", before.trim()));
    let after = after.trim_start();
    // ("seems fixed for now but not sure it will last": for a time, not for one of several.)
    const FOR_A_TIME: &[&str] = &[
        "for now",
        "for a bit",
        "for a while",
        "for the moment",
        "for a day",
        "for a minute",
        "for a second",
    ];
    strong_fixed(&before)
        && !negated(&before)
        && before.has("for")
        && !before.any(FOR_A_TIME)
        && ["not ", "still not ", "no luck "]
            .iter()
            .any(|n| after.starts_with(n))
}

/// "The rest works": the trouble is left in one part only.
const THE_REST_WORKS: &[&str] = &[
    "the rest works",
    "rest works",
    "the rest is fine",
    "rest is fine",
    "the rest loads",
    "rest loads",
    "everything else works",
    "everything else is fine",
    "everything else loads",
    "all else works",
    "other pages work",
    "other pages load",
    "other pages are fine",
    "the others work",
    "others work",
    "others are fine",
];

/// Whether the reply says the trouble is left in one part while "the rest works" ("its just
/// one page thats blank, the rest works", "only payroll fails, everything else is fine").
pub fn fails_only_in_part(text: &Normalised) -> bool {
    let rest = text.without(THE_REST_WORKS);
    text.any(THE_REST_WORKS)
        && (rest.any(TROUBLE) || rest.has("blank") || rest.has("error") || strong_not_fixed(&rest))
}

/// Whether the reply says only that another thing than the user's works ("the sample file
/// opens fine", "another company file opens fine", "google works fine", "other websites load
/// fine"): news of where the trouble is, no fix. Not another browser, device or network (a
/// test's result, read elsewhere), and not with the user's own trouble said beside it ("the
/// sample file works, mine doesnt").
pub fn works_of_another_thing(text: &Normalised) -> bool {
    const OTHER: &[&str] = &[
        "sample",
        "another",
        "other",
        "different",
        "google",
        "youtube",
        "gmail",
        "facebook",
        "amazon",
        "netflix",
    ];
    const WORKS: &[&str] = &[
        "opens", "open", "works", "work", "working", "loads", "load", "loading",
    ];
    // A test's place, not a thing: read by the tests and `where_it_works`.
    const A_PLACE: &[&str] = &[
        "browser",
        "browsers",
        "computer",
        "computers",
        "laptop",
        "laptops",
        "pc",
        "pcs",
        "phone",
        "phones",
        "device",
        "devices",
        "machine",
        "machines",
        "network",
        "networks",
        "wifi",
        "connection",
        "connections",
        "user",
        "users",
        "account",
        "accounts",
        "login",
        "logins",
        "window",
        "windows",
        "tab",
        "tabs",
        "chrome",
        "firefox",
        "safari",
        "edge",
        "workstation",
        "workstations",
        "station",
        "stations",
        "tablet",
        "tablets",
        "ipad",
        "iphone",
        "android",
        "mac",
        "macs",
        "people",
        "coworkers",
        "colleagues",
        "everyone",
    ];
    const OWN_TROUBLE: &[&str] = &[
        "but", "mine", "doesnt", "dont", "not", "still", "cant", "wont", "isnt", "except",
        "though", "tho", "fixed", "worked",
    ];
    // The other fix, not another thing ("the other one works", "the other fix worked").
    const A_FIX: &[&str] = &[
        "one",
        "fix",
        "solution",
        "step",
        "way",
        "method",
        "option",
        "suggestion",
        "thing",
        "trick",
        "idea",
    ];
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    if words.len() > 12 || words.iter().any(|w| OWN_TROUBLE.contains(w)) || text.is_question() {
        return false;
    }
    // "internet is fine everything else works", "my bank's website works fine": the rest, or
    // the bank's own site, works; nothing said of the user's trouble.
    const THE_BANKS_OWN: &[&str] = &[
        "bank website",
        "banks website",
        "bank site",
        "banks site",
        "bank app",
        "banks app",
        "bank portal",
        "online banking",
        "website of bank",
        "website of the bank",
        "site of the bank",
    ];
    // "all good on chase side", "fine on the bank's end": the other party's side, not the
    // user's ("on my end", "on our side").
    let on_their_side = (0..words.len()).any(|i| {
        ["side", "end"].contains(&words[i])
            && words[i.saturating_sub(3)..i].contains(&"on")
            && !words[i.saturating_sub(3)..i]
                .iter()
                .any(|w| ["my", "our", "your", "this", "user", "qb", "quickbooks"].contains(w))
    });
    // "the wells fargo website works fine", "chase app is ok": a bank by its name.
    const BANKS: &[&str] = &[
        "chase",
        "wells fargo",
        "bank of america",
        "boa",
        "bofa",
        "citi",
        "citibank",
        "capital one",
        "amex",
        "american express",
        "td",
        "pnc",
        "us bank",
        "usaa",
        "navy federal",
        "ally",
        "barclays",
        "hsbc",
        "santander",
        "regions",
        "truist",
        "fifth third",
        "rbc",
        "scotiabank",
        "bmo",
        "lloyds",
        "natwest",
        "monzo",
        "credit union",
    ];
    const ITS_SITE: &[&str] = &["website", "site", "app", "portal", "online banking"];
    let a_banks_own = text.any(THE_BANKS_OWN) || (text.any(BANKS) && text.any(ITS_SITE));
    let fine = text
        .words()
        .any(|w| WORKS.contains(&w) || w == "fine" || w == "good" || w == "ok");
    // ("the rest works now" tells of a change: a fix, read elsewhere.)
    if (text.any(THE_REST_WORKS)
        && !text.has("now")
        && !fails_only_in_part(text)
        && !strong_fixed(&text.without(THE_REST_WORKS)))
        || ((a_banks_own || on_their_side) && fine)
    {
        return true;
    }
    (1..words.len()).any(|i| {
        let subject = &words[i.saturating_sub(3)..i];
        WORKS.contains(&words[i])
            && subject.iter().any(|w| OTHER.contains(w))
            && !subject
                .iter()
                .any(|w| A_PLACE.contains(w) || A_FIX.contains(w))
            && !words[..i].contains(&"it")
    })
}

/// A device or platform that is not a browser name.
const DEVICES: &[&str] = &[
    "phone", "phones", "android", "laptop", "desktop", "pc", "mac", "macos", "macbook", "windows",
    "machine", "computer", "tablet", "browser", "miui", "opera", "brave", "vivaldi",
];

/// Another browser or device works, or they moved to one.
const ELSEWHERE: &[&str] = &[
    "on other",
    "on another",
    "in another",
    "on a different",
    "in a different",
    "another browser",
    "other browser",
    "other browsers",
    "different browser",
    "different browsers",
    "several browsers",
    "multiple browsers",
    "switched to",
    "switching to",
    "using",
    "im on",
    "i am on",
    "via",
    "works on",
    "works in",
    "worked on",
    "worked in",
    "works well on",
    "on my other",
    "on my second",
    // "i also tried firefox and it works": a test's result there.
    "tried firefox",
    "tried chrome",
    "tried edge",
    "tried safari",
    "tried it in",
    "tried it on",
    "tried in",
    "tried on",
    "tried with",
    "working on",
    "work on",
    "running",
];

/// "The previous version works fine": works, but not with what was suggested.
const OTHER_VERSION: &[&str] = &[
    "previous version",
    "older version",
    "old version",
    "earlier version",
    "other version",
];

pub fn works_with_another_version(text: &Normalised) -> bool {
    text.sentences()
        .iter()
        .any(|s| s.any(OTHER_VERSION) && fixed(s))
}

pub fn names_device(text: &Normalised) -> bool {
    // ("im on mobile" is a device; "mobile data" and "the mobile app" are not.)
    text.any(DEVICES)
        || (text.any(&["on mobile", "from mobile", "using mobile"])
            && crate::device::Device::detect(&text.plain) == Some(crate::device::Device::Phone))
}

pub fn works_elsewhere(text: &Normalised) -> bool {
    text.any(ELSEWHERE)
}

/// "works in private window!", "it loads in incognito": it works where the browser keeps no
/// data or extensions, so the usual window is still broken (a test's result, not a fix).
/// Not when the usual window is said to work too ("works in incognito and normal now").
pub fn works_only_in_private(text: &Normalised) -> bool {
    const PRIVATE: &[&str] = &[
        "incognito",
        "private window",
        "private mode",
        "private browsing",
        "private tab",
        "inprivate",
        "in private",
        "guest mode",
        "guest window",
        "guest profile",
    ];
    const USUAL_TOO: &[&str] = &[
        "normal",
        "regular",
        "usual",
        "both",
        "everywhere",
        "too",
        "also",
        "as well",
        "again",
        "outside",
        "without",
        "out of",
    ];
    text.any(PRIVATE) && !text.any(USUAL_TOO)
}
