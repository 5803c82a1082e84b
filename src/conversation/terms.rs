//! The words of a reply or a fix that can point to one another: codes, longer words and
//! short names, less the commonest.

use crate::knowledge::Solution;
use crate::plain_words;
use std::collections::HashSet;

/// The words that can point to a fix: codes (with a digit, weighing more), longer words, and
/// short names ("ND", "TLG") shared where one side writes them in capitals.
pub(super) struct Terms {
    pub(super) codes: HashSet<String>,
    pub(super) words: HashSet<String>,
    /// Words of two or three letters, lower-cased, but for the commonest ("the", "it").
    short: HashSet<String>,
    /// Those of `short` written in capitals ("ND", "TLG", "VPN"): names, not filler.
    names: HashSet<String>,
}

/// Short words too common to be a name even in capitals ("IT" in "Ask IT to allow Intuit").
const COMMON_SHORT: &[&str] = &[
    "it", "is", "in", "on", "to", "of", "or", "an", "as", "at", "be", "by", "do", "go", "if", "me",
    "my", "no", "ok", "so", "up", "us", "we", "and", "the", "for", "not", "off", "all", "any",
    "are", "but", "can", "did", "get", "got", "has", "had", "how", "its", "new", "now", "one",
    "out", "own", "too", "try", "use", "was", "way", "who", "why", "you", "yet", "via", "ran",
    "run", "yes", "per",
];

/// Words too common in fixes and replies to point to one.
pub(super) const COMMON: &[&str] = &[
    "that",
    "this",
    // Pronouns name no fix ("cleared them" is not "... stop clearing them on exit").
    "them",
    "they",
    "those",
    "these",
    "their",
    "with",
    "have",
    "says",
    "said",
    "still",
    "when",
    "then",
    "what",
    "just",
    "only",
    "from",
    "there",
    "error",
    "quickbooks",
    "page",
    "again",
    "works",
    "working",
    "tried",
    "doesnt",
    "didnt",
    "does",
    "shows",
    "showing",
    "your",
    "open",
    "browser",
    "nope",
    "after",
    "before",
    "into",
    "more",
    "will",
    // ("cleared history and website data" is no "Clear only Intuit data".)
    "data",
    // ("back online" names no "... stuck as online to send": QuickBooks Online is everywhere.)
    "online",
];

/// The stem of `word` (the matcher's), one for the verbs that do the same to a page or a
/// cache: reloading or refreshing a page is retrying it ("waited and reloaded" is "Wait and
/// retry"); clearing a cache is removing or deleting it ("cleared cache" is "Remove browser
/// cache" as much as "Clear the QuickBooks app cache").
pub(super) fn deed_stem(word: &str) -> String {
    const RETRIES: &[&str] = &["reload", "refresh"];
    const CLEARS: &[&str] = &["remov", "delet", "eras", "wipe", "empti", "purg"];
    let s = crate::matcher::text::stem(word);
    if RETRIES.contains(&s.as_str()) {
        crate::matcher::text::stem("retry")
    } else if CLEARS.iter().any(|c| s.starts_with(c)) {
        crate::matcher::text::stem("clear")
    } else {
        s
    }
}

/// The terms that name fix `s` word by word: its title's, and for a test its other names'
/// (`- Also called: incognito, private mode`: each word of them names the test). A solution's
/// other names count only when said whole ([`whole_names_said`]).
pub(super) fn names_of(s: &Solution) -> Terms {
    if s.test {
        Terms::of(&format!("{} {}", s.title, s.also_called.join(" ")))
    } else {
        Terms::of(&s.title)
    }
}

/// How many of solution `s`'s other names (`- Also called: cleared cookies`) `said` says
/// whole, each of the name's words in some form ("deleted the cookies" says "cleared
/// cookies"); a name said half ("cleared the app cache" of "cleared cookies") names nothing. A
/// test's names are read word by word ([`names_of`]).
pub(super) fn whole_names_said(s: &Solution, said: &Terms) -> usize {
    if s.test {
        return 0;
    }
    let said: HashSet<String> = said.words.iter().map(|w| deed_stem(w)).collect();
    s.also_called
        .iter()
        .filter(|name| {
            let name = Terms::of(name);
            !name.words.is_empty() && name.words.iter().all(|w| said.contains(&deed_stem(w)))
        })
        .count()
}

/// The stems of `text`'s words of four letters or more.
pub(super) fn long_stems(text: &str) -> Vec<String> {
    plain_words::lowercase_words(text)
        .iter()
        .filter(|w| w.len() >= 4)
        .map(|w| crate::matcher::text::stem(w))
        .collect()
}

/// What a name said whole weighs against a word of the title shared: a name is the user's
/// very words for the fix.
pub(super) const WHOLE_NAME: usize = 2;

/// What `text` says beyond the product's own names ("quickbooks online", "intuit", a page),
/// which tell what is broken, not how: the words to hold against an article's own.
pub(super) fn said_beyond_the_product(text: &str) -> Terms {
    Terms::said(text).without(&Terms::of("quickbooks online intuit page"))
}

/// `text` without "time" where it counts occasions ("it let me in this time", "every time i
/// sign in", "one at a time"): no word of the computer's clock, which a fix may be about.
pub(super) fn without_time_idioms(text: &str) -> String {
    const BEFORE: &[&str] = &[
        "this", "that", "next", "every", "each", "first", "last", "one", "any", "some", "a",
        "same", "whole", "long", "second", "third",
    ];
    let mut kept: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let before = kept.last().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        if matches!(bare.as_str(), "time" | "times")
            && before.is_some_and(|b| BEFORE.contains(&b.as_str()))
        {
            continue;
        }
        kept.push(word);
    }
    kept.join(" ")
}

impl Terms {
    /// The terms of what a user said, less the codes they say they do not have ("its not
    /// 103").
    pub(super) fn said(text: &str) -> Terms {
        Terms::of(&without_time_idioms(
            &crate::matcher::text::without_denied_codes(text),
        ))
    }

    pub(super) fn of(text: &str) -> Terms {
        let mut codes = HashSet::new();
        let mut words = HashSet::new();
        let all = plain_words::lowercase_words(text);
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        for (i, &w) in all.iter().enumerate() {
            if w.chars().any(|c| c.is_ascii_digit()) {
                // A number of one or two digits is a count or a list's step number ("waited 5
                // min", "5. Remove columns"), no error code; nor is a count, a year or a
                // version ("we have 102 clients", "chrome 120", "at 503 pm").
                let error_number = || {
                    crate::matcher::text::is_error_number(&all, i)
                        && !all.get(i + 1).is_some_and(|n| ["am", "pm"].contains(n))
                        || crate::matcher::text::is_code_after_the_product(&all, i)
                };
                if w.chars().any(char::is_alphabetic) || (w.chars().count() >= 3 && error_number())
                {
                    codes.insert(w.to_string());
                }
            } else if w.chars().count() >= 4 && !COMMON.contains(&w) {
                words.insert(w.to_string());
            }
        }
        let mut short = HashSet::new();
        let mut names = HashSet::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| (2..=3).contains(&w.chars().count()))
            .filter(|w| w.chars().all(char::is_alphabetic))
        {
            let lower = w.to_lowercase();
            if COMMON_SHORT.contains(&lower.as_str()) {
                continue;
            }
            if w.chars().all(char::is_uppercase) {
                names.insert(lower.clone());
            }
            short.insert(lower);
        }
        Terms {
            codes,
            words,
            short,
            names,
        }
    }

    /// The short words both share that either side writes as a name ("renamed the nd file"
    /// and "Rename the .ND and .TLG files" share "nd").
    pub(super) fn shared_names(&self, other: &Terms) -> usize {
        self.short
            .intersection(&other.short)
            .filter(|w| self.names.contains(*w) || other.names.contains(*w))
            .count()
    }

    /// How many short words (two or three letters, the common ones aside) both share
    /// ("cleared the app cache" and "Clear the QuickBooks app cache" share "app").
    pub(super) fn shared_short(&self, other: &Terms) -> usize {
        self.short.intersection(&other.short).count()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.words.is_empty()
    }

    /// These terms less those of `other`.
    pub(super) fn without(&self, other: &Terms) -> Terms {
        Terms {
            codes: self.codes.difference(&other.codes).cloned().collect(),
            words: self.words.difference(&other.words).cloned().collect(),
            short: self.short.difference(&other.short).cloned().collect(),
            names: self.names.difference(&other.short).cloned().collect(),
        }
    }

    /// Keeps the words (long and short) `keep` accepts.
    pub(super) fn retain_words(&mut self, keep: impl Fn(&str) -> bool) {
        self.words.retain(|w| keep(w));
        self.short.retain(|w| keep(w));
        self.names.retain(|w| keep(w));
    }

    /// Whether any short word (two or three letters, not the commonest) is said.
    pub(super) fn has_short(&self) -> bool {
        !self.short.is_empty()
    }

    /// Whether `known` has every short word of these ("vpn", "ad").
    pub(super) fn short_within(&self, known: &Terms) -> bool {
        self.short.is_subset(&known.short)
    }

    /// Whether `known` has every long word of these, in some form (short ones aside).
    pub(super) fn words_named_by(&self, known: &Terms) -> bool {
        let stems: HashSet<String> = known.words.iter().map(|w| deed_stem(w)).collect();
        self.words.iter().all(|w| stems.contains(&deed_stem(w)))
    }

    /// Whether `known` has every word of these, long ones in some form ("cleared" of "Clear")
    /// and short ones as written ("vpn").
    pub(super) fn named_whole_by(&self, known: &Terms) -> bool {
        self.words_named_by(known) && self.short_within(known)
    }

    /// A shared code counts 2, a shared word 1.
    pub(super) fn shared_with(&self, other: &Terms) -> usize {
        2 * self.codes.intersection(&other.codes).count()
            + self.words.intersection(&other.words).count()
            + self.shared_names(other)
    }

    /// [`Terms::shared_with`], words counted by their stems (the matcher's) ("waited and retried" shares
    /// two words with "Wait and retry", "cleared my cookies" two with "Clear Intuit cookies").
    /// For a list of deeds already told as done, where the deed is sure and only which fix it
    /// names is asked.
    pub(super) fn shared_by_stem(&self, other: &Terms) -> usize {
        let stems = |t: &Terms| t.words.iter().map(|w| deed_stem(w)).collect::<HashSet<_>>();
        let shared = stems(self).intersection(&stems(other)).count();
        2 * self.codes.intersection(&other.codes).count() + shared + self.shared_names(other)
    }

    /// [`Terms::shared_with`], an adjective counting as its adverb too ("the manual update
    /// thing" shares "manual" with "Update the bank feed manually"). (Stems reached too far:
    /// "stopped logging me out" is no "stop clearing them".)
    pub(super) fn shared_in_any_form(&self, other: &Terms) -> usize {
        // A long verb done ("disconnected" for "Disconnect and reconnect"); short ones
        // ("stopped" for "stop") are too common to name a fix.
        // ("splitting" for "Split": the last letter doubled.)
        let done = |a: &str, b: &str| {
            let doubled = |end: &str| {
                b.chars().count() >= 5
                    && b.chars()
                        .last()
                        .is_some_and(|l| a.strip_suffix(end) == Some(&format!("{b}{l}")))
            };
            (b.chars().count() >= 6
                && ["ed", "d", "ing"]
                    .iter()
                    .any(|end| a.strip_suffix(end) == Some(b)))
                || doubled("ing")
                || doubled("ed")
        };
        // ("batches" for "batch", "imports" for "import"; not short words as common as
        // "times" for the "one at a time" of a step.)
        let plural = |a: &str, b: &str| {
            b.chars().count() >= 5
                && (a.strip_suffix('s') == Some(b) || a.strip_suffix("es") == Some(b))
        };
        let same = |a: &str, b: &str| {
            a == b
                || a.strip_suffix("ly") == Some(b)
                || b.strip_suffix("ly") == Some(a)
                || done(a, b)
                || done(b, a)
                || plural(a, b)
                || plural(b, a)
        };
        let shared = self
            .words
            .iter()
            .filter(|w| other.words.iter().any(|o| same(w, o)))
            .count();
        let by_verb_form = self
            .words
            .iter()
            .filter(|w| {
                other.words.iter().any(|o| done(w, o) || done(o, w)) && !other.words.contains(*w)
            })
            .count();
        // A verb form alone ("renamed my company file" for "Rename the CPS folder") names
        // nothing: it needs a second word of the title beside it (a short name, "renamed the
        // ND and TLG", is one).
        let names = self.shared_names(other);
        let shared = if shared == 1 && by_verb_form == 1 && names == 0 {
            0
        } else {
            shared
        };
        2 * self.codes.intersection(&other.codes).count() + shared + names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_stems_are_needed_where_words_as_written_share_none() {
        let said = Terms::of("i already waited and retried");
        assert_eq!(said.shared_with(&Terms::of("Wait and retry")), 0);
        assert_eq!(said.shared_by_stem(&Terms::of("Wait and retry")), 2);
        let said = Terms::of("i already cleared my cookies");
        assert_eq!(
            said.shared_by_stem(&Terms::of("Clear the QuickBooks app cache")),
            1
        );
    }
}
