//! Where a reply says it works, when that is not where the user is ("but it works on my phone").

use super::text::Normalised;
use super::{WHERE, text};

/// "nope still blank but it works on my phone", "it works in chrome but not edge": where it
/// works, which is not where the user is (unless they say they moved: "switched to firefox
/// and it works"). Returns what it names there ("phone", "chrome") and the rest of the message
/// without that phrase ("nope still blank but"), to read as the reply it is.
pub fn where_it_works(message: &str) -> Option<(String, String)> {
    const WORKS: &[&str] = &["works", "working", "work", "worked", "loads"];
    // ("it works without problems in edge": no negation, where it works.)
    const HOW: &[&str] = &[
        "without",
        "any",
        "a",
        "problems",
        "problem",
        "issues",
        "issue",
        "errors",
        "hitch",
        "fine",
        "well",
        "ok",
        "okay",
        "great",
        "perfectly",
        "normally",
    ];
    const AT: &[&str] = &["on", "in", "with", "from", "thru", "through"];
    const WHOSE: &[&str] = &[
        "my",
        "the",
        "a",
        "an",
        "our",
        "his",
        "her",
        "google",
        "microsoft",
    ];
    const MOVED: &[&str] = &[
        "switched",
        "switching",
        "moved",
        "moving",
        "using",
        "im",
        "changed",
        "went",
    ];
    let text = Normalised::new(message);
    // Sentence breaks stay: "didnt work, now on my android" says no such thing. ("it works now
    // on my laptop" says it works where they are now, so "now" is not in `HOW`.)
    let words: Vec<&str> = text.words().collect();
    if words.iter().any(|w| MOVED.contains(w)) {
        return None;
    }
    for start in 0..words.len() {
        // "its fine on my phone tho": "fine" said of it works like "works".
        let fine = ["fine", "ok", "okay"].contains(&words[start])
            && start > 0
            && ["its", "is"].contains(&words[start - 1]);
        if !WORKS.contains(&words[start]) && !fine {
            continue;
        }
        // "does this work on a mac too?", "will it work in firefox": asked, not told.
        if start >= 2
            && ["does", "will", "would", "can", "could"].contains(&words[start - 2])
            && ["it", "this", "that"].contains(&words[start - 1])
        {
            continue;
        }
        let mut i = start + 1;
        // "working now in firefox" (explorer rv45 F4): "now" goes with a browser named (the
        // caller keeps it when that is the user's own), never with a device ("it works now on
        // my laptop" is where they are now).
        let mut said_now = false;
        while i < words.len() && (HOW.contains(&words[i]) || words[i] == "now") {
            said_now |= words[i] == "now";
            i += 1;
        }
        // "it works when i use my hotspot", "works if i use the home wifi" (explorer rv46
        // F19 / rv45 F4: offered as the fix on screen having worked).
        let when_i_use = match words.get(i..) {
            Some(
                [
                    "when" | "if",
                    "i",
                    "use" | "used" | "try" | "switch" | "go",
                    ..,
                ],
            ) => Some(3),
            Some(["when" | "if", "on", ..]) => Some(2),
            _ => None,
        };
        if let Some(skip) = when_i_use {
            i += skip;
            // ("switch to", "go on", "try on": the word that joins them.)
            while i < words.len() && ["to", "on", "onto"].contains(&words[i]) {
                i += 1;
            }
        } else if i >= words.len() || !(AT.contains(&words[i]) || words[i] == "at") {
            continue;
        } else {
            i += 1;
        }
        // ("on my other computer", "on a different laptop": which one is kept with it.)
        const WHICH: &[&str] = &["other", "another", "second", "different", "old", "work"];
        let mut which = None;
        while i < words.len() && (WHOSE.contains(&words[i]) || WHICH.contains(&words[i])) {
            if WHICH.contains(&words[i]) {
                which = Some(words[i]);
            }
            i += 1;
        }
        let Some(place) = words.get(i) else { continue };
        // ("it works when i go to the home page": a page, no place.)
        let a_page_of = words
            .get(i + 1)
            .is_some_and(|w| ["page", "screen", "button", "tab", "menu"].contains(w));
        if !(WHERE.contains(place) || NETWORKS.contains(place))
            || (said_now && !BROWSERS.contains(place))
            || a_page_of
        {
            continue;
        }
        // "it works": the subject goes with the phrase.
        let from =
            if start > 0 && ["it", "its", "everything", "all", "is"].contains(&words[start - 1]) {
                start - 1
            } else {
                start
            };
        let rest: Vec<&str> = words[..from]
            .iter()
            .chain(&words[i + 1..])
            .copied()
            .filter(|w| !["tho", "though", text::BREAK].contains(w))
            .collect();
        let place = match which {
            Some(which) => format!("{which} {place}"),
            None => place.to_string(),
        };
        return Some((place, rest.join(" ")));
    }
    works_there_said_before(&words)
        .or_else(|| works_where_tried(&words))
        .or_else(|| browser_then_works(&words))
        .or_else(|| place_then_works(&words))
}

/// "but on my phone with wifi off it works", "on my ipad it loads fine": a place named first,
/// then in the same clause that it works there (explorer rv46 F7: the phone was taken for
/// where the user is, on a work laptop).
fn place_then_works(words: &[&str]) -> Option<(String, String)> {
    const AT: &[&str] = &["on", "from", "with"];
    const WHOSE: &[&str] = &["my", "the", "a", "our", "his", "her"];
    const WORKS: &[&str] = &["works", "worked", "loads", "loaded", "opens"];
    const TURNS: &[&str] = &[
        "not", "doesnt", "didnt", "dont", "isnt", "wasnt", "wont", "cant", "same", "still", "but",
        "no", "nope", "either", "too", "also", "if", "does", "will", "would", "and", "there",
    ];
    (0..words.len()).find_map(|at| {
        if !AT.contains(&words[at]) {
            return None;
        }
        let mut i = at + 1;
        while i < words.len() && WHOSE.contains(&words[i]) {
            i += 1;
        }
        let place = *words.get(i)?;
        if !WHERE.contains(&place) || BROWSERS.contains(&place) {
            return None;
        }
        // Within five words, in the same clause: "(it) works".
        let after = &words[i + 1..words.len().min(i + 7)];
        let works = after
            .iter()
            .take_while(|w| **w != text::BREAK && !TURNS.contains(w))
            .position(|w| WORKS.contains(w))?;
        // ("ok on my laptop it works now": where the user is now, so it works.)
        if after.get(works + 1) == Some(&"now") {
            return None;
        }
        let rest: Vec<&str> = words[..at]
            .iter()
            .chain(&after[works + 1..])
            .copied()
            .filter(|w| !["tho", "though", "but", text::BREAK].contains(w))
            .collect();
        Some((place.to_string(), rest.join(" ")))
    })
}

/// Networks and places it may work from ("on my hotspot", "at home"): another network, where
/// the user's device is the same.
const NETWORKS: &[&str] = &[
    "hotspot",
    "home",
    "4g",
    "5g",
    "lte",
    "cellular",
    "tethering",
];

/// The browsers among the places: what "now" may go with.
const BROWSERS: &[&str] = &[
    "chrome",
    "firefox",
    "safari",
    "edge",
    "ie",
    "explorer",
    "brave",
    "opera",
    "vivaldi",
    "yandex",
    "librewolf",
    "waterfox",
];

/// "firefox works fine", "edge is fine", "safari loads it ok": a browser named first, then that
/// it works there (explorer rv45 F4: read as the fix on screen having worked). The caller
/// keeps the user's own browser ("chrome works now" from a Chrome user is the fix working).
fn browser_then_works(words: &[&str]) -> Option<(String, String)> {
    const WORKS: &[&str] = &["works", "worked", "loads", "loaded", "opens"];
    const IS: &[&str] = &["is", "its", "seems"];
    const FINE: &[&str] = &["fine", "ok", "okay", "working", "good", "great", "perfect"];
    let at = words.iter().position(|w| BROWSERS.contains(w))?;
    let next = |n: usize| words.get(at + n).copied().unwrap_or("");
    let said = WORKS.contains(&next(1))
        || (IS.contains(&next(1)) && FINE.contains(&next(2)))
        || (WORKS.contains(&next(1)) && next(2) == "it");
    // ("firefox works but not chrome", "edge is fine, chrome too" tell of both: left to the
    // rest of the reading.)
    let turned = words[at + 1..]
        .iter()
        .any(|w| ["but", "too", "either", "also", "not", "doesnt", "still"].contains(w));
    (said && !turned).then(|| {
        let rest: Vec<&str> = words[..at]
            .iter()
            .copied()
            .filter(|w| !["tho", "though", "but", text::BREAK].contains(w))
            .collect();
        (words[at].to_string(), rest.join(" "))
    })
}

/// "i also tried firefox and it works", "tried it on my phone, worked fine": a place tried,
/// then that it works, nothing turning it ("tried firefox, same", "tried edge but it doesnt
/// work").
fn works_where_tried(words: &[&str]) -> Option<(String, String)> {
    const ON_THE_WAY: &[&str] = &["it", "in", "on", "with", "my", "the", "a", "an", "using"];
    const WORKS: &[&str] = &["works", "worked", "working", "loads", "loaded", "fine"];
    const TURNS: &[&str] = &[
        "not", "doesnt", "didnt", "dont", "isnt", "wasnt", "same", "still", "but", "no", "nope",
        "either", "too",
    ];
    let tried = words.iter().position(|w| *w == "tried")?;
    let place = words[tried + 1..]
        .iter()
        .take_while(|w| ON_THE_WAY.contains(w) || WHERE.contains(w))
        .find(|w| WHERE.contains(w))?;
    let after = &words[tried + 1..];
    let works = after.iter().position(|w| WORKS.contains(w))?;
    (!after.iter().any(|w| TURNS.contains(w)) && works > 0)
        .then(|| (place.to_string(), String::new()))
}

/// "tried it on my wifes laptop and it works there", "my boss uses safari on his mac and it
/// works fine there": "there" points back to a place named earlier in the message (someone
/// else's device or browser), so it works there, not where the user is.
fn works_there_said_before(words: &[&str]) -> Option<(String, String)> {
    const THERE: &[&[&str]] = &[
        &["works", "there"],
        &["works", "fine", "there"],
        &["worked", "there"],
        &["worked", "fine", "there"],
        &["working", "there"],
        &["fine", "there"],
        &["ok", "there"],
    ];
    let there = (0..words.len()).find(|&i| THERE.iter().any(|p| words[i..].starts_with(p)))?;
    // The place: a device or browser word after "on", "in" or "uses", before "there".
    let place = (1..there).rev().find(|&i| {
        WHERE.contains(&words[i])
            && words[..i]
                .iter()
                .rev()
                .take(3)
                .any(|w| ["on", "in", "uses", "using", "with"].contains(w))
    })?;
    // Someone else's, or another one: "wifes", "his", "a different", "another", "boss".
    let other = words[..place].iter().any(|w| {
        [
            "his",
            "her",
            "their",
            "another",
            "different",
            "other",
            "boss",
            "coworker",
        ]
        .contains(w)
            || (w.len() > 3 && w.ends_with('s') && OWNERS.contains(&&w[..w.len() - 1]))
    });
    other.then(|| (words[place].to_string(), String::new()))
}

/// People whose device a user tries ("my wifes laptop", "my husbands pc").
const OWNERS: &[&str] = &[
    "wife",
    "husband",
    "boss",
    "coworker",
    "colleague",
    "friend",
    "mom",
    "dad",
    "son",
    "daughter",
    "partner",
    "sister",
    "brother",
    "kid",
    "bookkeeper",
    "accountant",
];
