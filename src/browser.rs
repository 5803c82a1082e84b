//! Browser and device ids, their aliases, and detection of the browser from free text.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::plain_words::lowercase_words;
use std::collections::HashSet;

/// The browsers knowledge articles can give separate steps for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Browser {
    Chrome,
    Firefox,
    SafariMac,
    SafariIos,
    Edge,
    Ie,
}

/// Whether an answer's words name the browser a system comes with ("default", "built in",
/// "came with").
fn says_default(words: &[String]) -> bool {
    let has = |w: &str| words.iter().any(|x| x == w);
    let lower = words.join(" ");
    has("default")
        || has("builtin")
        || has("preinstalled")
        || lower.contains("built in")
        || lower.contains("came with")
        || lower.contains("comes with")
}

impl Browser {
    /// Every browser, in the order menus show them.
    pub const ALL: [Browser; 6] = [
        Browser::Chrome,
        Browser::Firefox,
        Browser::SafariMac,
        Browser::SafariIos,
        Browser::Edge,
        Browser::Ie,
    ];

    /// The fixed id used in files, flags, JSON and component ids.
    pub fn id(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Firefox => "firefox",
            Browser::SafariMac => "safari-mac",
            Browser::SafariIos => "safari-ios",
            Browser::Edge => "edge",
            Browser::Ie => "ie",
        }
    }

    /// The name users read.
    pub fn label(self) -> &'static str {
        match self {
            Browser::Chrome => "Chrome",
            Browser::Firefox => "Firefox",
            Browser::SafariMac => "Safari (Mac)",
            Browser::SafariIos => "Safari (iPhone and iPad)",
            Browser::Edge => "Microsoft Edge",
            Browser::Ie => "Internet Explorer",
        }
    }

    /// Matches a heading or flag value through the browser's aliases (case and punctuation
    /// insensitive): "Google Chrome", "Safari", "iOS Safari", "Microsoft Edge", "IE", ...
    pub fn from_alias(text: &str) -> Option<Browser> {
        let key: String = text
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    ' '
                }
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let browser = match key.as_str() {
            "chrome" | "google chrome" | "chromium" => Browser::Chrome,
            "firefox" | "mozilla firefox" | "ff" => Browser::Firefox,
            "safari" | "safari mac" | "safari macos" | "safari on mac" | "mac safari"
            | "safari for mac" | "safari mac os" => Browser::SafariMac,
            "safari iphone and ipad"
            | "safari iphone ipad"
            | "safari ios"
            | "ios safari"
            | "safari iphone"
            | "safari ipad"
            | "iphone"
            | "ipad"
            | "ios"
            | "mobile safari" => Browser::SafariIos,
            "edge" | "microsoft edge" | "ms edge" => Browser::Edge,
            "ie" | "internet explorer" | "ie11" | "ie 11" | "microsoft internet explorer" => {
                Browser::Ie
            }
            _ => {
                return Browser::ALL
                    .into_iter()
                    .find(|b| b.id() == key.replace(' ', "-"));
            }
        };
        Some(browser)
    }

    /// A phone or tablet: no keyboard, so no keyboard shortcuts in its steps.
    pub fn is_touch(self) -> bool {
        self == Browser::SafariIos
    }

    /// "Safari" named without saying on what ("it's safari"): a Mac and an iPhone have
    /// different steps, so the user is asked rather than assumed to be on a Mac.
    pub fn is_bare_safari(text: &str) -> bool {
        let words = lowercase_words(text);
        let has = |w: &str| words.iter().any(|x| x == w);
        // (The "how to tell" help says Safari is the compass, on a Mac or an iPhone.)
        (has("safari") || has("compass"))
            && ![
                "mac", "macbook", "macos", "osx", "imac", "iphone", "ipad", "ios", "ipados",
            ]
            .iter()
            .any(|w| has(w))
    }

    /// Which Safari a short answer names once "safari" alone was said ("mac", "on my macbook",
    /// "iphone"): the device alone is enough then. `None` when it names no Apple device, or both.
    pub fn safari_by_device(text: &str) -> Option<Browser> {
        let words = lowercase_words(text);
        let has = |w: &str| words.iter().any(|x| x == w);
        // Asked "Mac or iPhone?", a computer can only be the Mac (Safari has no other desktop).
        // ("desktop" and "mobile" are not: "QuickBooks Desktop" and the mobile app are products.)
        let mac = [
            "mac", "macbook", "macos", "osx", "imac", "laptop", "computer",
        ]
        .iter()
        .any(|w| has(w));
        let ios = ["iphone", "ipad", "ios", "ipados", "phone", "tablet"]
            .iter()
            .any(|w| has(w));
        match (mac, ios) {
            (true, false) => Some(Browser::SafariMac),
            (false, true) => Some(Browser::SafariIos),
            _ => None,
        }
    }

    /// Whether the text names a browser the articles have no steps of their own for, and none
    /// close enough to stand in ("duckduckgo", "arc"): their general steps apply.
    pub fn names_another_browser(text: &str) -> bool {
        let words = lowercase_words(text);
        let has = |w: &str| words.iter().any(|x| x == w);
        // ("duck duck go", spelt apart: an explorer's answer to "Which browser?".)
        ["duckduckgo", "arc"].iter().any(|w| has(w))
            || words.windows(3).any(|w| w == ["duck", "duck", "go"])
    }

    /// Whether the text says the user is in no browser at all ("its not a browser its the
    /// desktop app", "i use the quickbooks desktop app"): the steps that need none apply.
    pub fn says_no_browser(text: &str) -> bool {
        let lower = lowercase_words(text).join(" ");
        let padded = format!(" {lower} ");
        [
            " not a browser ",
            " not in a browser ",
            " no browser ",
            " not using a browser ",
            " desktop app ",
            " desktop application ",
            " desktop version ",
            " the app not ",
            " installed app ",
            " desktop software ",
        ]
        .iter()
        .any(|p| padded.contains(p))
    }

    /// A browser built on one the articles have steps for, named in the text ("brave", "im on
    /// Opera GX", "librewolf"): its name and the browser whose steps stand in for its own (its
    /// menus are nearly the same). Not on an iPhone or iPad, where every browser is built
    /// on Safari's engine but has menus of its own.
    pub fn built_on(text: &str) -> Option<(&'static str, Browser)> {
        const BUILT_ON: &[(&str, &str, Browser)] = &[
            ("brave", "Brave", Browser::Chrome),
            ("opera", "Opera", Browser::Chrome),
            ("vivaldi", "Vivaldi", Browser::Chrome),
            ("yandex", "Yandex Browser", Browser::Chrome),
            ("librewolf", "LibreWolf", Browser::Firefox),
            ("waterfox", "Waterfox", Browser::Firefox),
        ];
        let words = lowercase_words(text);
        let has = |w: &str| words.iter().any(|x| x == w);
        if has("iphone") || has("ipad") || has("ios") || has("ipados") {
            return None;
        }
        // ("samsung internet", Android's own browser, built on Chromium: an explorer's, whose
        // most useful fix was skipped as "steps only for ...".)
        let samsung = words
            .windows(2)
            .any(|w| w[0] == "samsung" && ["internet", "browser"].contains(&w[1].as_str()));
        if samsung {
            return Some(("Samsung Internet", Browser::Chrome));
        }
        // "in arc", "arc browser" (an "arc" of anything else is no browser); Amazon's Silk, on
        // a Fire tablet (explorer rv45 F23).
        let arc = words.iter().enumerate().any(|(i, w)| {
            w == "arc"
                && (words.get(i + 1).is_some_and(|n| n == "browser")
                    || i.checked_sub(1).is_some_and(|p| {
                        ["in", "on", "using", "use", "with"].contains(&words[p].as_str())
                    }))
        });
        if arc {
            return Some(("Arc", Browser::Chrome));
        }
        if has("silk") {
            return Some(("Amazon Silk", Browser::Chrome));
        }
        BUILT_ON
            .iter()
            .find(|(word, ..)| has(word))
            .map(|&(_, name, base)| (name, base))
    }

    /// Whether an answer to "which browser?" says Google ("google", "the google one"): Chrome.
    pub fn is_google(text: &str) -> bool {
        lowercase_words(text).iter().any(|w| w == "google")
    }

    /// The browser an answer to "which browser?" describes by its icon, in the words the bot's
    /// "how to tell" uses ("the orange fox", "blue e", "the red yellow and green circle"). A
    /// compass is Safari on an iPhone or iPad when `touch`; else which Safari is asked.
    pub fn from_icon(text: &str, touch: bool) -> Option<Browser> {
        let words = lowercase_words(text);
        let has = |w: &str| words.iter().any(|x| x == w);
        let lower = words.join(" ");
        if has("fox") {
            Some(Browser::Firefox)
        } else if has("wave") || lower.contains("blue e") {
            Some(Browser::Edge)
        } else if has("circle") && (has("red") || has("yellow")) {
            Some(Browser::Chrome)
        } else if has("compass") {
            // (On a device not known to be a phone or tablet, which Safari is asked, as for
            // "safari": [`Browser::is_bare_safari`].)
            touch.then_some(Browser::SafariIos)
        } else {
            None
        }
    }

    /// The browser an answer to "which browser?" names as the one a system comes with
    /// ("whatever the default is on windows" is Edge; "the one that came with my iphone" is
    /// Safari; "i dont know, windows 11" is Edge). `None` without both a word for "default"
    /// (or of not knowing) and a system.
    pub fn default_on(text: &str) -> Option<Browser> {
        let words = lowercase_words(text);
        let has = |w: &str| words.iter().any(|x| x == w);
        let says_default = says_default(&words);
        // "i dont know, windows 11": not knowing, on a system named, is its own browser.
        if !says_default && !Browser::not_known(text) {
            return None;
        }
        if has("windows") || has("pc") {
            Some(Browser::Edge)
        } else if has("iphone") || has("ipad") || has("ios") {
            Some(Browser::SafariIos)
        } else if has("mac") || has("macbook") || has("imac") || has("macos") {
            Some(Browser::SafariMac)
        } else if has("android") || has("chromebook") {
            Some(Browser::Chrome)
        } else {
            None
        }
    }

    /// Whether an answer to "which browser?" says the user does not know it ("idk", "not sure").
    pub fn not_known(text: &str) -> bool {
        let lower = lowercase_words(text).join(" ");
        lower.split(' ').any(|w| w == "idk")
            || ["dont know", "do not know", "not sure", "no idea"]
                .iter()
                .any(|w| lower.contains(w))
    }

    /// Whether an answer to "which browser?" names the browser a computer came with, but not
    /// which system it is ("the one that came with my computer").
    pub fn default_of_a_computer(text: &str) -> bool {
        let words = lowercase_words(text);
        Browser::default_on(text).is_none()
            && says_default(&words)
            && words
                .iter()
                .any(|w| ["computer", "laptop", "desktop", "pc"].contains(&w.as_str()))
    }

    /// Finds the browser or device a user names in free text ("on my iphone", "safari on mac",
    /// "in edge"). Returns `None` when no browser is named or several conflicting ones are.
    pub fn detect(text: &str) -> Option<Browser> {
        // ("Sent from my iPhone" signs an e-mail; it says nothing of where the trouble is.)
        let text = &crate::device::without_mail_signatures(text);
        let all = lowercase_words(text);
        // "edge, not chrome", "instead of chrome", "i don't use chrome": a browser said not to
        // be the one is left out.
        let denials = Denials::of(text, &all);
        let words: Vec<String> = all
            .iter()
            .enumerate()
            .filter(|&(i, _)| !denials.said_not_to_be(i))
            .map(|(_, w)| w.clone())
            .collect();
        Browser::among(Some(text), &words).or_else(|| Browser::near_name_said(&words))
    }

    /// Every browser a text names, in the articles' order ("gray on Safari, works on Chrome"
    /// names two, which [`Browser::detect`] leaves unsaid). An iPhone or iPad counts as its
    /// Safari only when no other browser is named with it.
    pub fn all_named(text: &str) -> Vec<Browser> {
        let words = lowercase_words(&crate::device::without_mail_signatures(text));
        let (mut named, ios) = Browser::names_in(&words);
        // An iPhone beside another browser is the device that browser runs on.
        if ios && named.len() > 1 && !words.iter().any(|w| w == "safari") {
            named.retain(|b| *b != Browser::SafariIos);
        }
        named
    }

    /// Of the browsers a text names ([`Browser::all_named`]), the one named first in it
    /// ("chrome at the office and safari on my mac at home": Chrome, though the articles list
    /// Safari first; explorer rv47 F14).
    pub fn first_named(text: &str) -> Option<Browser> {
        let words = lowercase_words(&crate::device::without_mail_signatures(text));
        let names_of = |b: Browser| -> &'static [&'static str] {
            match b {
                Browser::SafariIos => &["iphone", "ipad", "ios", "ipados", "safari"],
                Browser::SafariMac => &["safari"],
                Browser::Chrome => &["chrome", "chromebook", "chromium"],
                Browser::Firefox => &["firefox", "mozilla"],
                Browser::Edge => &["edge"],
                Browser::Ie => &["internet", "ie", "ie11"],
            }
        };
        Browser::all_named(text).into_iter().min_by_key(|&b| {
            words
                .iter()
                .position(|w| names_of(b).contains(&w.as_str()))
                .unwrap_or(usize::MAX)
        })
    }

    /// Whether a text names browsers apart, with other words between them than a list's ("blank
    /// in edge, works in firefox"; not "works in edge and chrome").
    pub fn told_apart(text: &str) -> bool {
        const NAMES: &[&str] = &[
            "chrome", "chromium", "firefox", "edge", "safari", "ie", "ie11", "internet",
            "explorer", "iphone", "ipad",
        ];
        const LIST: &[&str] = &["and", "or", "both", "also", "as", "well", "plus", "nor"];
        let words = lowercase_words(text);
        let at: Vec<usize> = (0..words.len())
            .filter(|&i| NAMES.contains(&words[i].as_str()))
            .collect();
        at.windows(2).any(|pair| {
            words[pair[0] + 1..pair[1]]
                .iter()
                .any(|w| !LIST.contains(&w.as_str()))
        })
    }

    /// Whether a text names two or more browsers ([`Browser::all_named`]).
    pub fn names_several(text: &str) -> bool {
        Browser::all_named(text).len() >= 2
    }

    /// A browser name typed with one slip ("chorme", "firefix", "edeg") as a one-word answer.
    /// `None` when the word is near no name or near several.
    pub fn near_name(word: &str) -> Option<Browser> {
        const NAMES: [(&str, Browser); 4] = [
            ("chrome", Browser::Chrome),
            ("firefox", Browser::Firefox),
            ("safari", Browser::SafariMac),
            ("explorer", Browser::Ie),
        ];
        // English words one slip from a name ("in explore mode", "its chromed"), not slips.
        const WORDS: &[&str] = &["explore", "explored", "explores", "chromed", "chroma"];
        if word.contains(char::is_whitespace) || word.len() < 4 || WORDS.contains(&word) {
            return None;
        }
        let mut near = NAMES
            .iter()
            .filter(|(name, _)| strsim::damerau_levenshtein(word, name) == 1);
        match (near.next(), near.next()) {
            (Some((_, b)), None) => Some(*b),
            _ => None,
        }
    }

    /// "im on crome", "using firefx": a short remark on where the user is, its browser typed
    /// with one slip (the words after "on", "using", "in" or "its" only; not Safari, which
    /// is asked about).
    fn near_name_said(words: &[String]) -> Option<Browser> {
        if words.len() > 5 {
            return None;
        }
        let mut found = words.windows(2).filter_map(|w| {
            ["on", "using", "in", "its", "use"]
                .contains(&w[0].as_str())
                .then(|| Browser::near_name(&w[1]))
                .flatten()
                // ("its safary": which Safari is asked, as for "safari".)
                .filter(|b| *b != Browser::SafariMac)
        });
        match (found.next(), found.next()) {
            (Some(b), None) => Some(b),
            _ => None,
        }
    }

    /// The browser or device a user says they are not on ("i don't use chrome", "no i'm not on
    /// an iphone", "wrong browser, i never said edge"), when they name no other.
    pub fn denied(text: &str) -> Option<Browser> {
        if Browser::detect(text).is_some() {
            return None;
        }
        let all = lowercase_words(text);
        let denials = Denials::of(text, &all);
        let denied: Vec<String> = all
            .iter()
            .enumerate()
            .filter(|&(i, _)| denials.said_not_to_be(i))
            .map(|(_, w)| w.clone())
            .collect();
        Browser::among(None, &denied)
    }

    /// [`Browser::detect`] over the words kept; a browser built on another ("brave") is looked
    /// for in `text` when given.
    /// The browsers `words` name, in the articles' order (an iPhone or iPad, or iOS, as Safari
    /// on it), and whether they name an iPhone or iPad.
    fn names_in(words: &[String]) -> (Vec<Browser>, bool) {
        let has = |w: &str| words.iter().any(|x| x == w);
        let mut found = Vec::new();
        let ios = has("iphone") || has("ipad") || has("ios") || has("ipados");
        if ios {
            found.push(Browser::SafariIos);
        } else if has("safari") {
            found.push(Browser::SafariMac);
        }
        // ("edge chromium", "chromium based edge": Edge, built on Chromium, not Chrome too;
        // an explorer's answer to "Which browser?" was "didn't catch that".)
        let edge_on_chromium = has("edge") && has("chromium") && !has("chrome");
        if has("chrome") || has("chromebook") || (has("chromium") && !edge_on_chromium) {
            found.push(Browser::Chrome);
        }
        if has("firefox") || has("mozilla") {
            found.push(Browser::Firefox);
        }
        if has("edge")
            && !words
                .windows(2)
                .any(|w| w[0] == "cutting" && w[1] == "edge")
        {
            found.push(Browser::Edge);
        }
        let explorer = words
            .windows(2)
            .any(|w| w[0] == "internet" && w[1] == "explorer");
        if explorer || has("ie") || has("ie11") {
            found.push(Browser::Ie);
        }
        (found, ios)
    }

    fn among(text: Option<&str>, words: &[String]) -> Option<Browser> {
        let (mut found, ios) = Browser::names_in(words);
        // "brave": Chrome's steps, unless a browser of the articles' own is named too.
        if found.is_empty()
            && let Some((_, base)) = text.and_then(Browser::built_on)
        {
            found.push(base);
        }
        // "Chrome on my iPhone" is Chrome, whose own menus hold its cache and private tabs (the
        // device, kept apart, words its steps for touch); an iPhone alone is Safari.
        if ios {
            let elsewhere: Vec<Browser> = found
                .iter()
                .copied()
                .filter(|b| matches!(b, Browser::Chrome | Browser::Firefox | Browser::Edge))
                .collect();
            return match elsewhere.as_slice() {
                [one] => Some(*one),
                _ => Some(Browser::SafariIos),
            };
        }
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// What tells, for each word of a text, whether it is said not to be the user's browser:
/// read once per text, so asking it of every word stays linear in the text's length.
struct Denials<'a> {
    /// The [`lowercase_words`] of the text.
    all: &'a [String],
    /// The words with "don" "t" merged into "dont" (and kin).
    merged: Vec<&'a str>,
    /// For each word of `all`, its index in `merged`.
    merged_at: Vec<usize>,
    /// The clause of each word of `all` (see [`clause_of_each_word`]).
    clauses: Vec<usize>,
    /// The clauses with a word of a result in them ("either", "works", ...).
    result_clauses: HashSet<Option<usize>>,
}

impl<'a> Denials<'a> {
    fn of(text: &str, all: &'a [String]) -> Denials<'a> {
        // What makes a negation in the name's clause a result about a browser rather than a
        // denial of it.
        const RESULT_WORDS: &[&str] = &[
            "either", "too", "also", "luck", "same", "works", "worked", "work", "loads",
        ];
        let clauses = clause_of_each_word(text);
        // "don't" splits into "don" and "t": the pair is one negation.
        let mut merged: Vec<&str> = Vec::with_capacity(all.len());
        let mut merged_at = Vec::with_capacity(all.len());
        for w in all {
            if w == "t"
                && let Some(last) = merged.last_mut()
                && last.ends_with('n')
            {
                *last = match *last {
                    "don" => "dont",
                    "didn" => "didnt",
                    "isn" => "isnt",
                    "wasn" => "wasnt",
                    "haven" => "havent",
                    "aren" => "arent",
                    "doesn" => "doesnt",
                    "can" => "cant",
                    "won" => "wont",
                    "couldn" => "couldnt",
                    other => other,
                };
            } else {
                merged.push(w.as_str());
            }
            merged_at.push(merged.len() - 1);
        }
        // ("i don't use chrome, same problem": the result is in a clause of its own.)
        // ("at work", "for work" is a place.)
        let result_clauses = (0..all.len())
            .filter(|&j| {
                RESULT_WORDS.contains(&all[j].as_str())
                    && !(all[j] == "work"
                        && j > 0
                        && ["at", "for", "from", "to"].contains(&all[j - 1].as_str()))
            })
            .map(|j| clauses.get(j).copied())
            .collect();
        Denials {
            all,
            merged,
            merged_at,
            clauses,
            result_clauses,
        }
    }

    /// Whether word `i` of the text is said not to be the user's: "not chrome", "instead of
    /// chrome", "it isn't chrome", "i don't use chrome", "i'm not on an iphone", "never said
    /// edge". A negation counts only right before the name or with a word of using or having
    /// between, so a result ("it didn't on chrome", "not in edge either", "no luck, not even in
    /// chrome") denies nothing; nor does "no, firefox does the same".
    fn said_not_to_be(&self, i: usize) -> bool {
        const NEGATIONS: &[&str] = &[
            "not", "dont", "never", "didnt", "isnt", "wasnt", "aint", "havent", "arent", "doesnt",
            "cant", "wont", "couldnt",
        ];
        // Words of using or having; "on" only in "i'm not on ..." (see below).
        const USING: &[&str] = &[
            "use", "using", "used", "have", "has", "own", "said", "say", "running", "run", "on",
        ];
        const FILLER: &[&str] = &["an", "a", "the", "my", "any", "internet", "even"];
        if i >= self.all.len() {
            return false;
        }
        let words = &self.merged;
        let i_merged = self.merged_at[i];
        let before = |k: usize| i_merged.checked_sub(k).map_or("", |j| words[j]);
        if ["not", "isnt", "wasnt"].contains(&before(1))
            || (before(2), before(1)) == ("instead", "of")
        {
            return true;
        }
        if self.result_clauses.contains(&self.clauses.get(i).copied()) {
            return false;
        }
        let mut using = None;
        for k in 1..=5 {
            let w = before(k);
            if NEGATIONS.contains(&w) {
                return match using {
                    None => false,
                    // "i'm not on an iphone"; "it didn't on chrome" is a result.
                    Some("on") => w == "not" && matches!(before(k + 1), "m" | "am" | "im"),
                    Some(_) => true,
                };
            }
            if USING.contains(&w) {
                using.get_or_insert(w);
            } else if !FILLER.contains(&w) {
                return false;
            }
        }
        false
    }
}

/// For each of the [`lowercase_words`] of `text`, the number of its clause: clauses end at
/// punctuation that ends one and before "and", "but" and "so".
fn clause_of_each_word(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut clause = 0;
    let mut in_word = false;
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            in_word = true;
            word.extend(c.to_lowercase());
            continue;
        }
        if in_word {
            if ["and", "but", "so"].contains(&word.as_str()) {
                clause += 1;
            }
            out.push(clause);
            in_word = false;
            word.clear();
        }
        if [',', '.', ';', '!', '?', '\n', ':'].contains(&c) {
            clause += 1;
        }
    }
    out
}

impl fmt::Display for Browser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The error for a browser name that matches no alias; its text is shown to users.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown browser `{0}`: use one of chrome, firefox, safari-mac, safari-ios, edge, ie")]
pub struct UnknownBrowser(pub String);

impl FromStr for Browser {
    type Err = UnknownBrowser;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Browser::from_alias(s).ok_or_else(|| UnknownBrowser(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An explorer's answers to "Which browser?" (rv45 F21): Edge on Chromium is Edge, and
    /// "duck duck go" spelt apart is the browser with no steps of its own.
    #[test]
    fn edge_on_chromium_and_duck_duck_go_are_known() {
        for said in ["edge chromium", "the chromium based edge", "Chromium Edge"] {
            assert_eq!(Browser::detect(said), Some(Browser::Edge), "{said}");
        }
        assert_eq!(Browser::detect("chromium"), Some(Browser::Chrome));
        assert_eq!(
            Browser::detect("chrome, not edge chromium"),
            Some(Browser::Chrome)
        );
        assert!(Browser::names_another_browser("duck duck go"));
        assert!(!Browser::names_another_browser("the duck went to go"));
    }

    #[test]
    fn all_named_lists_each_browser_once() {
        assert_eq!(
            Browser::all_named("chrome and edge both, chrome mostly"),
            [Browser::Chrome, Browser::Edge]
        );
        assert_eq!(
            Browser::all_named("safari on my ipad and firefox at work"),
            [Browser::SafariIos, Browser::Firefox]
        );
        assert_eq!(Browser::all_named("on my iphone"), [Browser::SafariIos]);
        assert_eq!(Browser::all_named("cutting edge"), []);
        assert!(!Browser::names_several("chrome on my iphone"));
        assert!(Browser::told_apart("blank in edge, works in firefox"));
        assert!(Browser::told_apart(
            "Opens gray on Safari. Works on Chrome."
        ));
        assert!(!Browser::told_apart("works in edge and chrome"));
        assert!(!Browser::told_apart("both chrome and edge show 502"));
    }

    #[test]
    fn a_browser_is_denied_only_with_a_word_of_using_it() {
        for (said, want) in [
            ("i don't use chrome", Some(Browser::Chrome)),
            ("i dont use chrome", Some(Browser::Chrome)),
            ("no i'm not on an iphone", Some(Browser::SafariIos)),
            ("wrong browser, i never said edge", Some(Browser::Edge)),
            ("i don't have an iphone", Some(Browser::SafariIos)),
            // Results about a browser deny nothing.
            ("it didn't on chrome", None),
            ("it doesn't on my iphone either", None),
            ("not on chrome either", None),
            ("no, not in edge either", None),
            ("it won't, in chrome", None),
            ("no luck, not even in chrome", None),
            // Found by a reviewer (fifteenth session).
            ("i dont even use chrome", Some(Browser::Chrome)),
            ("i'm not even on an iphone", Some(Browser::SafariIos)),
            (
                "i don't use chrome and it still doesn't work",
                Some(Browser::Chrome),
            ),
            ("i dont use chrome, same problem", Some(Browser::Chrome)),
            ("no it isnt chrome", Some(Browser::Chrome)),
            ("my browser isn't chrome", Some(Browser::Chrome)),
            ("my laptop doesn't have chrome", Some(Browser::Chrome)),
            ("i can't use chrome at work", Some(Browser::Chrome)),
        ] {
            assert_eq!(Browser::denied(said), want, "{said}");
        }
    }

    #[test]
    fn a_browser_said_to_work_and_one_said_not_to_is_no_clear_answer() {
        assert_eq!(Browser::detect("works in firefox but not in chrome"), None);
        assert_eq!(
            Browser::detect("it isn't chrome, it's edge"),
            Some(Browser::Edge)
        );
        assert_eq!(
            Browser::detect("i'm on firefox, not chrome"),
            Some(Browser::Firefox)
        );
        assert_eq!(
            Browser::detect("i don't use chrome, i use firefox"),
            Some(Browser::Firefox)
        );
    }

    #[test]
    fn an_icon_described_names_its_browser() {
        for (said, touch, want) in [
            ("the orange fox", false, Some(Browser::Firefox)),
            ("its the blue e one", false, Some(Browser::Edge)),
            ("blue and green wave", false, Some(Browser::Edge)),
            ("red yellow and green circle", false, Some(Browser::Chrome)),
            ("the compass", true, Some(Browser::SafariIos)),
            ("a compass", false, None),
            ("the blue one", false, None),
            ("a circle", false, None),
        ] {
            assert_eq!(Browser::from_icon(said, touch), want, "{said}");
        }
    }

    #[test]
    fn the_browser_a_system_comes_with_is_named_by_it() {
        for (said, want) in [
            (
                "idk whatever the default is on windows",
                Some(Browser::Edge),
            ),
            ("the one that came with my iphone", Some(Browser::SafariIos)),
            ("default mac one", Some(Browser::SafariMac)),
            ("the default one", None),
            ("windows 10", None),
            // Explorer rv45 F21: not knowing, on a system named.
            ("i dont know, windows 11", Some(Browser::Edge)),
            ("not sure, its a mac", Some(Browser::SafariMac)),
        ] {
            assert_eq!(Browser::default_on(said), want, "{said}");
        }
        assert!(Browser::default_of_a_computer(
            "the one that came with my computer"
        ));
        assert!(!Browser::default_of_a_computer(
            "the one that came with my pc"
        ));
        assert!(!Browser::default_of_a_computer("my computer"));
    }

    #[test]
    fn a_device_after_a_bare_safari_says_which_safari() {
        assert_eq!(Browser::safari_by_device("mac"), Some(Browser::SafariMac));
        assert_eq!(
            Browser::safari_by_device("on my MacBook"),
            Some(Browser::SafariMac)
        );
        assert_eq!(Browser::safari_by_device("iPad"), Some(Browser::SafariIos));
        assert_eq!(
            Browser::safari_by_device("the laptop"),
            Some(Browser::SafariMac)
        );
        assert_eq!(Browser::safari_by_device("its quickbooks desktop"), None);
        assert_eq!(
            Browser::safari_by_device("on my phone"),
            Some(Browser::SafariIos)
        );
        assert_eq!(Browser::safari_by_device("laptop and phone"), None);
        assert!(Browser::names_another_browser("duckduckgo"));
        assert!(!Browser::names_another_browser("samsung internet"));
        assert!(!Browser::names_another_browser("chrome"));
        assert!(!Browser::names_another_browser("brave"));
        assert_eq!(Browser::safari_by_device("mac and iphone"), None);
        assert_eq!(Browser::safari_by_device("still broken"), None);
    }

    /// Brave and Opera get Chrome's steps, LibreWolf Firefox's; on an iPhone, no stand-in.
    #[test]
    fn a_browser_built_on_another_gets_its_steps() {
        for (text, want) in [
            ("brave", Some(("Brave", Browser::Chrome))),
            ("im on Opera GX", Some(("Opera", Browser::Chrome))),
            ("librewolf on linux", Some(("LibreWolf", Browser::Firefox))),
            (
                "samsung internet",
                Some(("Samsung Internet", Browser::Chrome)),
            ),
            ("brave on my iphone", None),
            ("chrome", None),
            // Explorer rv45 F23.
            ("in arc browser", Some(("Arc", Browser::Chrome))),
            ("using arc", Some(("Arc", Browser::Chrome))),
            (
                "silk on my fire tablet",
                Some(("Amazon Silk", Browser::Chrome)),
            ),
            ("the arc of the chart is wrong", None),
        ] {
            assert_eq!(Browser::built_on(text), want, "{text}");
        }
        assert_eq!(
            Browser::detect("blank page in brave"),
            Some(Browser::Chrome)
        );
        assert_eq!(Browser::detect("opera, not edge"), Some(Browser::Chrome));
        assert_eq!(Browser::detect("brave or firefox"), Some(Browser::Firefox));
        assert_eq!(
            Browser::detect("brave on my iphone"),
            Some(Browser::SafariIos)
        );
    }

    /// Seventeenth session: a short remark on where the user is, with a slip in the name.
    #[test]
    fn a_browser_typed_with_a_slip_in_a_short_remark_is_that_browser() {
        assert_eq!(Browser::detect("im on crome"), Some(Browser::Chrome));
        assert_eq!(Browser::detect("using firefx"), Some(Browser::Firefox));
        assert_eq!(Browser::detect("on chrom"), Some(Browser::Chrome));
        // Not in a longer message, not a bare Safari, and not a word near no name.
        assert_eq!(
            Browser::detect("the page is blank again in crome today"),
            None
        );
        assert_eq!(Browser::detect("its safary"), None);
        assert_eq!(Browser::detect("im on home wifi"), None);
        // English words one slip from a name are those words.
        assert_eq!(Browser::detect("im in explore mode"), None);
        assert_eq!(Browser::near_name("explore"), None);
    }

    #[test]
    fn aliases_map_to_fixed_ids() {
        for (alias, id) in [
            ("Chrome", "chrome"),
            ("Google Chrome", "chrome"),
            ("Firefox", "firefox"),
            ("Safari", "safari-mac"),
            ("Safari (Mac)", "safari-mac"),
            ("Safari (iPhone and iPad)", "safari-ios"),
            ("iOS Safari", "safari-ios"),
            ("Edge", "edge"),
            ("Microsoft Edge", "edge"),
            ("Internet Explorer", "ie"),
            ("IE", "ie"),
            ("safari-ios", "safari-ios"),
            ("safari-mac", "safari-mac"),
        ] {
            assert_eq!(
                Browser::from_alias(alias).map(Browser::id),
                Some(id),
                "{alias}"
            );
        }
        assert_eq!(Browser::from_alias("Netscape"), None);
        assert!("opera".parse::<Browser>().is_err());
    }

    /// Explorer rv47 F14: the first browser in the text's order, not the articles'.
    #[test]
    fn the_first_named_is_first_in_the_text() {
        assert_eq!(
            Browser::first_named("happens in chrome at the office and safari on my mac at home"),
            Some(Browser::Chrome)
        );
        assert_eq!(
            Browser::first_named("edge at work, chrome at home"),
            Some(Browser::Edge)
        );
        assert_eq!(Browser::first_named("blank page"), None);
    }

    #[test]
    fn detects_browser_and_device_in_text() {
        for (text, expected) in [
            ("it happens on my iphone", Some(Browser::SafariIos)),
            ("safari on mac shows 502", Some(Browser::SafariMac)),
            ("I'm in edge", Some(Browser::Edge)),
            ("using Chrome, error 502", Some(Browser::Chrome)),
            ("chrome on my ipad", Some(Browser::Chrome)),
            ("edge on my iphone", Some(Browser::Edge)),
            ("the quickbooks app on my iphone", Some(Browser::SafariIos)),
            ("Internet Explorer 11", Some(Browser::Ie)),
            ("firefox.", Some(Browser::Firefox)),
            ("quickbooks won't open", None),
            ("tried chrome and firefox", None),
            ("our cutting edge setup", None),
            ("im actually using edge not chrome", Some(Browser::Edge)),
            ("not chrome, firefox", Some(Browser::Firefox)),
            ("firefox instead of chrome", Some(Browser::Firefox)),
            ("no, firefox does the same", Some(Browser::Firefox)),
        ] {
            assert_eq!(Browser::detect(text), expected, "{text}");
        }
    }
}
