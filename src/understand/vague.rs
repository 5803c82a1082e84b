//! Whether a description says only that something is wrong ("quickbooks isnt working",
//! "having problems with qbo", "it keeps giving me an error"): nothing to match an article on,
//! so the bot asks what the user sees instead of guessing from the product's name.

use super::text::{BREAK, Normalised};

/// Words that say something is wrong without saying what.
const TROUBLE: &[&str] = &[
    "not",
    "isnt",
    "doesnt",
    "dont",
    "wont",
    "cant",
    "cannot",
    "aint",
    "broken",
    "broke",
    "problem",
    "problems",
    "issue",
    "issues",
    "trouble",
    "wrong",
    "error",
    "errors",
    "messed",
    "glitch",
    "glitching",
    "glitchy",
    "buggy",
    "stopped",
];

/// "Work" said of the product: vague when it fails ("isnt working"), news when it does ("it
/// works in firefox").
const WORK: &[&str] = &["working", "work", "works", "workin", "wrking"];

/// Words that say it does not.
const NEGATIONS: &[&str] = &[
    "not", "isnt", "doesnt", "dont", "wont", "cant", "cannot", "aint", "stopped",
];

/// Names of the product and of where it runs: they say what is broken, not how.
const PRODUCT: &[&str] = &[
    "quickbooks",
    "quickbook",
    "quick",
    "books",
    "qb",
    "qbo",
    "qbs",
    "intuit",
    "online",
    "site",
    "website",
    "program",
    "software",
    "system",
    "thing",
    "chrome",
    "firefox",
    "safari",
    "edge",
    "explorer",
    "ie",
    "internet",
    "iphone",
    "ipad",
    "mac",
    "macbook",
    "windows",
    "pc",
    "laptop",
    "computer",
    "phone",
];

/// Words that carry no content of their own.
const FILLER: &[&str] = &[
    "i",
    "im",
    "ive",
    "me",
    "my",
    "our",
    "we",
    "it",
    "its",
    "a",
    "an",
    "the",
    "is",
    "are",
    "am",
    "be",
    "been",
    "was",
    "with",
    "have",
    "having",
    "has",
    "had",
    "got",
    "get",
    "getting",
    "keeps",
    "keep",
    "giving",
    "gives",
    "gave",
    "again",
    "still",
    "anymore",
    "any",
    "more",
    "today",
    "now",
    "right",
    "at",
    "all",
    "just",
    "something",
    "some",
    "there",
    "this",
    "that",
    "so",
    "really",
    "properly",
    "correctly",
    "anything",
    "help",
    "please",
    "pls",
    "plz",
    "hi",
    "hello",
    "hey",
    "guys",
    "team",
    "can",
    "you",
    "someone",
    "anyone",
    "what",
    "whats",
    "why",
    "going",
    "on",
    "of",
    "for",
    "in",
    "to",
    "and",
    "or",
    "but",
    "seems",
    "seem",
    "like",
    "idk",
    "ugh",
    "omg",
    "suddenly",
    "since",
    "yesterday",
    "morning",
    "week",
    "using",
    "use",
    "up",
    "u",
    "sure",
    "know",
    "do",
    "did",
    "does",
    "any1",
    "anybody",
    "somebody",
    "need",
    "hmm",
    "um",
    "well",
    "very",
    "weird",
    "strange",
    "odd",
    "kind",
    "sort",
    "being",
    "acting",
    "when",
    "try",
    "trying",
    "tried",
    "from",
    "here",
    "too",
    "also",
];

/// How many words before "work" a negation reaches ("cant get it to work").
const NEGATION_REACH: usize = 4;

/// Longest description read as vague: a long one says more than its words here can tell.
const MOST_WORDS: usize = 16;

/// Whether `text` says only that something is wrong: every word names the product, says it
/// fails, or is filler, and at least one says it fails. An error code, a symptom ("blank",
/// "slow", "log in", "down") or a feature ("payroll", "bank feed") is something to go on.
pub fn says_only_that_it_fails(text: &str) -> bool {
    let said = Normalised::new(text);
    let words: Vec<&str> = said.words().filter(|w| *w != BREAK).collect();
    if words.is_empty() || words.len() > MOST_WORDS {
        return false;
    }
    let known = |w: &&str| {
        TROUBLE.contains(w) || WORK.contains(w) || PRODUCT.contains(w) || FILLER.contains(w)
    };
    // "it works on my phone but not my laptop": works somewhere, which tells where it fails
    // ("cant get it to work" is no such news).
    let works_somewhere = words.iter().enumerate().any(|(i, w)| {
        WORK.contains(w)
            && !words[i.saturating_sub(NEGATION_REACH)..i]
                .iter()
                .any(|n| NEGATIONS.contains(n))
    });
    // (As do two browsers: "not in chrome, firefox is fine".)
    let browsers = crate::browser::Browser::all_named(text).len();
    words.iter().all(known)
        && words.iter().any(|w| TROUBLE.contains(w))
        && !works_somewhere
        && browsers < 2
}

#[cfg(test)]
mod tests {
    use super::says_only_that_it_fails;

    #[test]
    fn saying_only_that_it_fails_is_vague() {
        for text in [
            "quickbooks isnt working",
            "QBO not working!!",
            "having problems with quickbooks",
            "quickbooks is not working properly today",
            "something is wrong with my quickbooks",
            "quickbooks keeps giving me an error",
            "help, quickbooks wont work in chrome",
            "It doesn't work.",
            "i cant get it to work",
            "quickbooks stopped working on my iphone",
            "hi guys, qb online is broken again?",
        ] {
            assert!(says_only_that_it_fails(text), "{text}");
        }
    }

    #[test]
    fn anything_to_go_on_is_not_vague() {
        for text in [
            "quickbooks is down",
            "i cant log in to quickbooks",
            "quickbooks shows error 502",
            "quickbooks page is blank",
            "quickbooks is slow",
            "payroll not working",
            "bank feed isnt working",
            "quickbooks app crashes",
            "hi",
            "im on chrome",
            "thanks",
            "i also tried firefox and it works",
            "it works in firefox but not in chrome",
            "it works on my phone but not my laptop",
            "not in chrome, firefox is fine",
            "",
            "quickbooks",
        ] {
            assert!(!says_only_that_it_fails(text), "{text}");
        }
    }

    #[test]
    fn a_long_message_is_never_vague() {
        let long = "it is not working ".repeat(5);
        assert!(!says_only_that_it_fails(&long));
    }
}
