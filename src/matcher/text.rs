//! Text normalisation shared by the index and queries: tokens, stems, support-vocabulary synonyms.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words that carry no meaning for matching a problem description.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "im",
    "in",
    "into",
    "is",
    "it",
    "its",
    "ive",
    "id",
    "just",
    "me",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "same",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "hi",
    "hello",
    "hey",
    "please",
    "pls",
    "plz",
    "thanks",
    "thank",
    "thx",
    "help",
    "guys",
    "folks",
    "anybody",
    "someone",
    "today",
    "now",
    "still",
    "really",
    "keep",
    "keeps",
    "kept",
    "get",
    "gets",
    "got",
    "getting",
    "use",
    "using",
    "used",
    "try",
    "tried",
    "trying",
    "want",
    "wanted",
    "need",
    "needs",
    "know",
    "think",
    "like",
    "one",
    "also",
    "even",
    "every",
    "time",
    "times",
    "day",
    "days",
    "morning",
    "yesterday",
    "week",
    "something",
    "anything",
    "thing",
    "things",
    "way",
    "lot",
    "bit",
    "ok",
    "okay",
    "yes",
    "yeah",
    "hmm",
    "um",
    "uh",
    "lol",
    "guess",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "let",
    "us",
    "go",
    "going",
    "see",
    "seem",
    "seems",
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "told",
    "there",
    "ever",
    "well",
    "back",
    "more",
    "most",
    "much",
    "many",
    "whole",
    "new",
    "old",
    "last",
    "first",
    "next",
    "right",
    "another",
    "everything",
    "weird",
    "ton",
    "tons",
    "huge",
    "super",
    "totally",
    "kind",
    "sort",
    "idea",
    "thanks",
    "boss",
    "ago",
    "since",
    "around",
    "anymore",
    "literally",
    "basically",
    "actually",
    "honestly",
    "probably",
    "maybe",
    "sure",
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "cant", "cannot", "wont", "doesnt", "dont", "didnt", "isnt", "arent",
    "wasnt", "werent", "unable", "couldnt", "wouldnt", "aint", "nothing",
];

/// One-word synonyms of the support domain, applied to stems: (stem, canonical stem).
const SYNONYMS: &[(&str, &str)] = &[
    ("qb", "quickbook"),
    ("qbo", "quickbook"),
    ("quickbook", "quickbook"),
    ("quickbooks", "quickbook"),
    ("err", "error"),
    ("erro", "error"),
    ("launch", "open"),
    ("load", "open"),
    ("signin", "login"),
    ("logon", "login"),
    ("signon", "login"),
    ("logout", "logout"),
    ("signout", "logout"),
    ("sluggish", "slow"),
    ("lag", "slow"),
    ("laggi", "slow"),
    ("lagg", "slow"),
    ("crawl", "slow"),
    ("grey", "blank"),
    ("gray", "blank"),
    ("white", "blank"),
    ("empti", "blank"),
    ("spinner", "spin"),
    ("buffer", "spin"),
    ("incognito", "privat"),
    ("inprivat", "privat"),
    ("offlin", "outag"),
    ("unreach", "outag"),
    ("antiviru", "antivirus"),
    ("av", "antivirus"),
    ("norton", "antivirus"),
    ("mcafe", "antivirus"),
    ("avast", "antivirus"),
    ("bitdefend", "antivirus"),
    ("kaspersky", "antivirus"),
    ("paycheck", "payrol"),
    ("payrol", "payrol"),
    ("synchron", "sync"),
    ("synchronis", "sync"),
    ("synchroniz", "sync"),
    ("timeout", "timeout"),
    ("websit", "site"),
    ("webpag", "page"),
    ("pc", "comput"),
    ("slowli", "slow"),
    ("laptop", "comput"),
];

/// Multi-word phrases (as stem sequences) that mean one thing: (phrase, replacement).
const PHRASES: &[(&[&str], &str)] = &[
    (&["log", "in"], "login"),
    (&["log", "into"], "login"),
    (&["log", "on"], "login"),
    (&["sign", "in"], "login"),
    (&["sign", "into"], "login"),
    (&["sign", "on"], "login"),
    (&["get", "in"], "login"),
    (&["get", "into"], "login"),
    (&["log", "out"], "logout"),
    (&["log", "me", "out"], "logout"),
    (&["log", "off"], "logout"),
    (&["sign", "out"], "logout"),
    (&["sign", "me", "out"], "logout"),
    (&["sign", "off"], "logout"),
    (&["kick", "me", "out"], "logout"),
    (&["kick", "out"], "logout"),
    (&["boot", "me", "out"], "logout"),
    (&["throw", "me", "out"], "logout"),
    (&["time", "out"], "timeout"),
    (&["pay", "run"], "payrol"),
    (&["web", "site"], "site"),
    (&["web", "page"], "page"),
    (&["down", "for", "everyon"], "outag"),
    (&["anti", "virus"], "antivirus"),
    (&["pop", "up"], "popup"),
    (&["set", "up"], "setup"),
];

/// Splits "error502" / "http502" / "err502" into the word and the code.
fn split_code(word: &str) -> Option<(&str, &str)> {
    let digits = word.len()
        - word
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let (head, tail) = word.split_at(digits);
    let is_prefix = matches!(head, "error" | "err" | "http" | "code" | "status");
    (is_prefix && !tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit()))
        .then_some((head, tail))
}

/// Lower-case words with apostrophes folded ("won't" -> "wont"), split on everything else.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘')
            && !current.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphabetic())
        {
            // "won't" -> "wont", "doesn't" -> "doesnt"
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    let mut split = Vec::with_capacity(out.len());
    for w in out {
        match split_code(&w) {
            Some((head, tail)) => {
                split.push(head.to_string());
                split.push(tail.to_string());
            }
            None => split.push(w),
        }
    }
    split
}

/// Is this token an error code ("502", "h202", "ps038", "6000")? Codes match exactly, never fuzzily.
pub fn is_code(token: &str) -> bool {
    token.chars().any(|c| c.is_ascii_digit())
}

/// Folds letters people stretch for emphasis ("sloooow" -> "slow"): runs of 3+ become one.
fn fold_elongation(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && chars[j] == chars[i] {
            j += 1;
        }
        let run = j - i;
        let keep = if run >= 3 && chars[i].is_alphabetic() {
            1
        } else {
            run
        };
        out.extend(std::iter::repeat_n(chars[i], keep));
        i = j;
    }
    out
}

fn stem(word: &str) -> String {
    if is_code(word) {
        return word.to_string();
    }
    // "won't" folds to "wont", which the stemmer would leave alone; negations are kept as "not".
    if NEGATIONS.contains(&word) {
        return "not".to_string();
    }
    let s = stemmer().stem(word).into_owned();
    match SYNONYMS.iter().find(|(from, _)| *from == s) {
        Some((_, to)) => (*to).to_string(),
        None => s,
    }
}

/// Normalises text into the content tokens used for matching: stems, synonyms and phrases
/// applied, stopwords removed, order kept (bigrams are built from neighbours).
pub fn tokens(text: &str) -> Vec<String> {
    let words: Vec<String> = words(text).iter().map(|w| fold_elongation(w)).collect();
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    let mut out = Vec::with_capacity(stems.len());
    let mut i = 0;
    'outer: while i < stems.len() {
        for (phrase, replacement) in PHRASES {
            if stems[i..].starts_with_strs(phrase) {
                out.push((*replacement).to_string());
                i += phrase.len();
                continue 'outer;
            }
        }
        let s = &stems[i];
        let raw_is_stop = STOPWORDS.contains(&words[i].as_str()) || STOPWORDS.contains(&s.as_str());
        if !raw_is_stop && (s.len() > 1 || is_code(s)) {
            out.push(s.clone());
        }
        i += 1;
    }
    out
}

trait StartsWithStrs {
    fn starts_with_strs(&self, phrase: &[&str]) -> bool;
}

impl StartsWithStrs for [String] {
    fn starts_with_strs(&self, phrase: &[&str]) -> bool {
        self.len() >= phrase.len() && self.iter().zip(phrase).all(|(a, b)| a == b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_forms_and_phrases() {
        assert_eq!(
            tokens("QuickBooks won't open!"),
            vec!["quickbook", "not", "open"]
        );
        assert_eq!(tokens("I can't get in"), vec!["not", "login"]);
        assert_eq!(tokens("it keeps kicking me out"), vec!["logout"]);
        assert_eq!(
            tokens("Error502 / HTTP 502"),
            vec!["error", "502", "http", "502"]
        );
        assert_eq!(
            tokens("bank feeds stopped syncing"),
            vec!["bank", "feed", "stop", "sync"]
        );
        assert_eq!(tokens("pages loading slowly"), vec!["page", "open", "slow"]);
        assert_eq!(tokens("qbo so sloooow"), vec!["quickbook", "slow"]);
        assert_eq!(tokens("I tried it again"), Vec::<String>::new());
        assert_eq!(tokens("H202 error"), vec!["h202", "error"]);
    }

    #[test]
    fn codes_are_detected() {
        assert!(is_code("502"));
        assert!(is_code("h505"));
        assert!(!is_code("gateway"));
    }
}
