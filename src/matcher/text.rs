//! Text normalisation shared by the index and queries: tokens, stems, support-vocabulary synonyms.

use super::{FastMap, FastSet};
use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;
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
    // "it started after the update": when, not what ("won't start" keeps its word).
    "started",
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
    // Typed for "logging" ("keeps loggin me out").
    ("loggin", "log"),
    ("logg", "log"),
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
    // "quick books online keeps kicking me out" (explorer rv47 F8: "book" matched the outage
    // article's words).
    (&["quick", "book"], "quickbook"),
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

/// Lower-case words with apostrophes folded ("won't" -> "wont"), split on everything else,
/// written one after another into `buf`; `spans` gets each word's range in it.
fn words(text: &str, buf: &mut String, spans: &mut Vec<Range<usize>>) {
    let mut start = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            start.get_or_insert(buf.len());
            buf.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            start.get_or_insert(buf.len());
            buf.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘')
            && start.is_some()
            && chars.peek().is_some_and(|n| n.is_alphabetic())
        {
            // "won't" -> "wont", "doesn't" -> "doesnt"
        } else if let Some(s) = start.take() {
            push_word(buf, spans, s..buf.len());
        }
    }
    if let Some(s) = start {
        push_word(buf, spans, s..buf.len());
    }
}

/// Adds one word: "error502" as two words, stretched letters folded.
fn push_word(buf: &mut String, spans: &mut Vec<Range<usize>>, word: Range<usize>) {
    if let Some((head, _)) = split_code(&buf[word.clone()]) {
        let cut = word.start + head.len();
        spans.push(word.start..cut);
        spans.push(cut..word.end);
        return;
    }
    // "503s", "500s": a code said in the plural is the code.
    let w = &buf[word.clone()];
    if w.len() >= 4 && w.ends_with('s') && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit()) {
        spans.push(word.start..word.end - 1);
        return;
    }
    match fold_elongation(&buf[word.clone()]) {
        None => spans.push(word),
        Some(folded) => {
            let start = buf.len();
            buf.push_str(&folded);
            spans.push(start..buf.len());
        }
    }
}

/// A word as the scans for codes read it: its letters and digits, lowercase, without the
/// punctuation around it or apostrophes ("502,", "(502)" and "502" are one).
fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .filter(|c| *c != '\'' && *c != '’')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where the letters and digits of `word` (a word of a text, starting at byte `at` of it)
/// stand, without the punctuation around them.
fn core_span(at: usize, word: &str) -> Range<usize> {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let start = at + (core.as_ptr() as usize - word.as_ptr() as usize);
    start..start + core.len()
}

/// `text` without the byte ranges `cut` (in order, apart); borrowed when there are none.
fn without_spans(text: &str, cut: Vec<Range<usize>>) -> std::borrow::Cow<'_, str> {
    if cut.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in cut {
        out.push_str(&text[from..r.start]);
        from = r.end;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// `text` without the user's own apologies ("sorry my english", "sorry for the long post",
/// "im sorry if this was asked"): no word of an error message, though one says "We're sorry,
/// something went wrong" (kept: "sorry" after "we're"). Nor is the language the user says
/// they write badly ("my english is bad"), nor a "hang on" or "hold on" said to the reader
/// ("oh hang on, it only pulled 2 transactions": "hangs" is a symptom of a page that never
/// loads). Borrowed unchanged when there are none.
pub fn without_apologies(text: &str) -> std::borrow::Cow<'_, str> {
    let words: Vec<(usize, &str, String)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w, word_key(w)))
        .filter(|(_, _, k)| !k.is_empty())
        .collect();
    let key = |j: usize| words.get(j).map_or("", |(_, _, k)| k.as_str());
    let mut dropped: Vec<Range<usize>> = Vec::new();
    for (i, (at, word, k)) in words.iter().enumerate() {
        let before = |n: usize| i.checked_sub(n).map_or("", key);
        let the_services = matches!(before(1), "were" | "weve" | "we")
            || (before(1) == "are" && before(2) == "we")
            || (before(1) == "so" && matches!(before(2), "were" | "we"));
        let apology = k == "sorry" && !the_services;
        let own_english = k == "english"
            && (1..=2).any(|n| matches!(before(n), "my" | "bad" | "poor" | "broken"));
        if apology || own_english {
            dropped.push(core_span(*at, word));
        }
        // ("hang on, ...", "hold on a sec": said to the reader; "it hangs on the dashboard"
        // and "hold on the line" are not.)
        if matches!(k.as_str(), "hang" | "hold")
            && let Some((on_at, on_word, on_key)) = words.get(i + 1)
            && on_key == "on"
            && (on_word.ends_with([',', '.', '!', '-', ':', ';'])
                || matches!(key(i + 2), "" | "a" | "sec" | "lemme" | "let" | "wait"))
        {
            dropped.push(core_span(*at, word));
            dropped.push(core_span(*on_at, on_word));
        }
    }
    without_spans(text, dropped)
}

/// `text` without the error codes it says it does not have ("its not 502", "not a 502, just a
/// blank page", "no error 503"): a code named only to deny it must not match its article.
/// Borrowed unchanged when nothing is denied.
pub fn without_denied_codes(text: &str) -> std::borrow::Cow<'_, str> {
    // ("without getting error 503" and "never got a 504 before today" have the code.)
    const NEGATIONS: &[&str] = &[
        "not", "isnt", "no", "wasnt", "arent", "aint", "nor", "dont", "doesnt", "didnt", "havent",
    ];
    // Words that may stand between the negation and the code ("not getting a 502", "i dont
    // have any 502 error").
    const BETWEEN: &[&str] = &[
        "a", "an", "the", "any", "error", "code", "http", "getting", "seeing", "showing", "got",
        "get", "have", "see", "show", "say",
    ];
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut denied: Vec<Range<usize>> = Vec::new();
    for (i, &(at, word)) in words.iter().enumerate() {
        let k = word_key(word);
        if k.is_empty() || !is_code(&k) || k.len() > 10 {
            continue;
        }
        for back in 1..=3 {
            let Some(&(_, before)) = i.checked_sub(back).and_then(|j| words.get(j)) else {
                break;
            };
            // A sentence or clause ends between them: "it was fine. now 502", "no, 502 again".
            if before.ends_with(['.', '!', '?', ';', ',', ':']) {
                break;
            }
            let b = word_key(before);
            if NEGATIONS.contains(&b.as_str()) {
                // The code itself, not the punctuation around it.
                denied.push(core_span(at, word));
                break;
            }
            if !BETWEEN.contains(&b.as_str()) {
                break;
            }
        }
    }
    without_spans(text, denied)
}

/// `text` without the numbers in it that count or name something rather than show an error
/// ("we have 500 employees", "it happened at 503 pm", "our account ends in 103", "paid $502",
/// "invoice #504"): such a number names no article, though an article lists it as a code.
/// Narrow on purpose: a number dropped here is an error code lost ("502 loads forever", "502
/// pages in edge", "every upload ends in 502", "error #503" keep theirs). Borrowed unchanged
/// when there is none.
pub fn without_counted_numbers(text: &str) -> std::borrow::Cow<'_, str> {
    // Each word with where it starts in `text` and its key; words of no letter or digit
    // ("-", "—") are left out.
    let words: Vec<(usize, &str, String)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w, word_key(w)))
        .filter(|(_, _, k)| !k.is_empty())
        .collect();
    let keys: Vec<&str> = words.iter().map(|(_, _, k)| k.as_str()).collect();
    let mut dropped: Vec<Range<usize>> = Vec::new();
    for (i, (at, word, k)) in words.iter().enumerate() {
        if k.len() < 3 || !k.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let before = i.checked_sub(1).map(|j| keys[j]);
        let said_as_an_error = matches!(before, Some("error" | "code" | "err" | "status"));
        // "$502", "invoice #504" (not "error #503").
        let money_or_id =
            word.starts_with(['$', '£', '€']) || (word.starts_with('#') && !said_as_an_error);
        if money_or_id || (!said_as_an_error && counts_or_is_part_of_a_number(&keys, i)) {
            dropped.push(core_span(*at, word));
        }
    }
    without_spans(text, dropped)
}

/// Things a business counts, which no error is followed by ("500 employees", "102 clients",
/// "500 paychecks a month"): after a number, a count wherever it stands.
const THINGS_COUNTED: &[&str] = &[
    "users",
    "people",
    "employees",
    "transactions",
    "accounts",
    "invoices",
    "clients",
    "customers",
    "paychecks",
    "payments",
    "bills",
    "vendors",
    "companies",
    "records",
    "entries",
    "items",
    "rows",
    "members",
    "staff",
    "workers",
    "dollars",
    "usd",
    "contractors",
    "orders",
    "products",
    "checks",
    "receipts",
];

/// Whether the number at `words[i]` counts things ("500 employees"), is a time ("503 pm",
/// "at 503 am", not "502 am i the only one") or the digits of a number named before it
/// ("account ends in 103", "account number 102", not "every upload ends in 502").
fn counts_or_is_part_of_a_number(words: &[&str], i: usize) -> bool {
    let next = words.get(i + 1).copied();
    let after_next = words.get(i + 2).copied();
    let time = next == Some("pm") || (next == Some("am") && after_next != Some("i"));
    let before = |k: usize| i.checked_sub(k).map(|j| words[j]);
    // "account number 102", "my card ending in 103", "account number ends with 103".
    let named_before = (2..=5).any(|k| before(k).is_some_and(|w| NUMBERED.contains(&w)));
    let digits_of = (before(1) == Some("number")
        && before(2).is_some_and(|w| NUMBERED.contains(&w)))
        || (matches!(before(1), Some("in" | "with"))
            && matches!(before(2), Some("ends" | "ending" | "starts" | "starting"))
            && named_before);
    next.is_some_and(|n| THINGS_COUNTED.contains(&n)) || time || digits_of
}

/// Whether the number at `words[i]` counts the thing named after it, a plural ("503
/// vendors", "504 rows", "quickbooks 503 customers"); not an error's own words ("502
/// errors") nor a verb ("502 keeps coming back", "503 shows up").
pub fn counts_things(words: &[&str], i: usize) -> bool {
    const NOT_THINGS: &[&str] = &[
        // The error's own words, and trouble counted ("503 issues", "502 timeouts").
        "errors",
        "codes",
        "responses",
        "messages",
        "issues",
        "problems",
        "failures",
        "warnings",
        "outages",
        "timeouts",
        "glitches",
        "popups",
        "notices",
        "hiccups",
        "crashes",
        "pages",
        "screens",
        "alerts",
        "statuses",
        // A verb.
        "keeps",
        "shows",
        "says",
        "happens",
        "comes",
        "appears",
        "pops",
        "returns",
        "persists",
        "occurs",
        "does",
        "goes",
        "means",
        "is",
        "was",
        "has",
        "its",
        "this",
        "thus",
        "plus",
        // Words ending in "s" that count nothing ("502 sometimes", "504 always").
        "sometimes",
        "always",
        "perhaps",
        "besides",
        "towards",
        "anyways",
        "afterwards",
        "nowadays",
        "whereas",
        "thanks",
        "guys",
        "folks",
        "yes",
        "pls",
    ];
    words.get(i + 1).is_some_and(|next| {
        next.len() >= 3
            && next.ends_with('s')
            && !next.ends_with("ss")
            && !next.ends_with("us")
            && !NOT_THINGS.contains(next)
    })
}

/// Is this token an error code ("502", "h202", "ps038", "6000")? Codes match exactly, never fuzzily.
pub fn is_code(token: &str) -> bool {
    token.chars().any(|c| c.is_ascii_digit())
}

/// Words after which a number is a version, not an error ("windows 10", "desktop 2019").
const VERSION_OF: &[&str] = &[
    "windows",
    "win",
    "chrome",
    "firefox",
    "edge",
    "safari",
    "ios",
    "ipados",
    "android",
    "macos",
    "version",
    "ver",
    "v",
    "desktop",
    "pro",
    "premier",
    "enterprise",
    "accountant",
    "quickbooks",
    "qb",
    "qbo",
    "office",
    "excel",
    "build",
    "release",
    "iphone",
    "ipad",
    "galaxy",
    "pixel",
];

/// Units after which a number counts something ("5 minutes", "2 tabs", "20 percent"); the
/// things a business counts are [`THINGS_COUNTED`].
const COUNTED: &[&str] = &[
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour",
    "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
    "tab", "tabs", "am", "pm", "percent", "gb", "mb", "kb", "user", "pages", "files", "ms", "x",
];

/// Whether a number in a message is an error the user sees rather than a version, a year or a
/// count: `words` are the message's lowercase alphanumeric words and `i` the number's place.
/// "desktop 2019", "windows 10", "in 2023", "waited 5 minutes" and "2 tabs" are not errors;
/// "502", "error 6000" and "ps107" are.
pub fn is_error_number(words: &[&str], i: usize) -> bool {
    let Some(word) = words.get(i) else {
        return false;
    };
    if !is_code(word) {
        return false;
    }
    let before = i.checked_sub(1).and_then(|j| words.get(j)).copied();
    if matches!(before, Some("error" | "code" | "err" | "status")) {
        return true;
    }
    // Letters with digits ("h505", "ps107") are codes whatever comes before ("desktop h505"),
    // except a version ("v5"), a time ("9am") or a release ("r14": one letter and one or two
    // digits; explorer rv46 F3 had "R14" at "did this fix it?" read as an error still showing).
    if word.chars().any(|c| c.is_ascii_alphabetic()) {
        let version = word.starts_with('v') && word[1..].chars().all(|c| c.is_ascii_digit());
        let time = (word.ends_with("am") || word.ends_with("pm"))
            && word[..word.len() - 2].chars().all(|c| c.is_ascii_digit());
        let release = word.len() <= 3
            && word.starts_with(|c: char| c.is_ascii_alphabetic())
            && word[1..].chars().all(|c| c.is_ascii_digit());
        return !(version || time || release);
    }
    if names_digits_of_a_number(words, i) {
        return false;
    }
    let digits_only = word.chars().all(|c| c.is_ascii_digit());
    let year = digits_only && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
    let small = digits_only && word.len() <= 2;
    let counted = words
        .get(i + 1)
        .is_some_and(|w| COUNTED.contains(w) || THINGS_COUNTED.contains(w))
        || word.ends_with("am")
        || word.ends_with("pm");
    !(year || small || counted || before.is_some_and(|b| VERSION_OF.contains(&b)))
}

/// Things with a number of their own ("account number 102", "my card ending in 103", "order
/// 88231", "ticket 4471", "my key is 1234"): a number said of them is no error (explorer
/// rv46 F3).
const NUMBERED: &[&str] = &[
    "account",
    "acct",
    "card",
    "phone",
    "tel",
    "ext",
    "extension",
    "routing",
    "check",
    "cheque",
    "invoice",
    "inv",
    "order",
    "po",
    "ref",
    "reference",
    "confirmation",
    "customer",
    "client",
    "employee",
    "member",
    "ticket",
    "case",
    "policy",
    "tax",
    "id",
    "key",
    "license",
    "licence",
    "serial",
    "zip",
    "room",
    "suite",
];

/// "my account number ends in 103", "account number 103", "order 88231", "my key is 1234":
/// the number at `words[i]` is the digits of a number of something else. Right after the
/// thing, only a number of four digits or more: the words come without their commas, and
/// "opened the invoice, 502 again" names the error.
fn names_digits_of_a_number(words: &[&str], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|j| words.get(j)).copied();
    let before_that = i.checked_sub(2).and_then(|j| words.get(j)).copied();
    let long = words[i].len() >= 4;
    (matches!(before, Some("in" | "with"))
        && matches!(before_that, Some("ends" | "ending" | "starts" | "starting")))
        || (before == Some("number") && !matches!(before_that, Some("error" | "code")))
        || (long && before.is_some_and(|b| NUMBERED.contains(&b)))
        || (long
            && matches!(before, Some("is" | "was" | "its"))
            && before_that.is_some_and(|b| NUMBERED.contains(&b) || b == "number"))
}

/// Whether `words[i]` is three digits right after the product's name ("also qbo 502
/// sometimes"): an error there, though [`is_error_number`] reads numbers after the name as
/// versions ("quickbooks 2019" is a year all the same).
pub fn is_code_after_the_product(words: &[&str], i: usize) -> bool {
    let Some(word) = words.get(i) else {
        return false;
    };
    i > 0
        && ["quickbooks", "qbo", "qb"].contains(&words[i - 1])
        && word.len() == 3
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// Folds letters people stretch for emphasis ("sloooow" -> "slow"): runs of 3+ become one.
/// `None` when there is nothing to fold (most words; checked without allocating).
fn fold_elongation(word: &str) -> Option<String> {
    let mut run = 0;
    let mut prev = None;
    let stretched = word.chars().any(|c| {
        run = if prev == Some(c) { run + 1 } else { 1 };
        prev = Some(c);
        run >= 3 && c.is_alphabetic()
    });
    if !stretched {
        return None;
    }
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
    Some(out)
}

/// The word lists as sets and maps, built once.
struct Lists {
    stopwords: FastSet<&'static str>,
    negations: FastSet<&'static str>,
    synonyms: FastMap<&'static str, &'static str>,
    /// Phrases by their first stem, in `PHRASES` order.
    phrases: FastMap<&'static str, Vec<(&'static [&'static str], &'static str)>>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut phrases: FastMap<&str, Vec<(&[&str], &str)>> = FastMap::default();
        for &(phrase, replacement) in PHRASES {
            phrases
                .entry(phrase[0])
                .or_default()
                .push((phrase, replacement));
        }
        Lists {
            stopwords: STOPWORDS.iter().copied().collect(),
            negations: NEGATIONS.iter().copied().collect(),
            synonyms: SYNONYMS.iter().copied().collect(),
            phrases,
        }
    })
}

/// The stem the matcher indexes `word` (lowercase) under: Porter's, with negations as "not"
/// and synonyms folded ("imports", "importing" -> "import").
pub(crate) fn stem(word: &str) -> String {
    if is_code(word) {
        return word.to_string();
    }
    let lists = lists();
    // "won't" folds to "wont", which the stemmer would leave alone; negations are kept as "not".
    if lists.negations.contains(word) {
        return "not".to_string();
    }
    let s = stemmer().stem(word);
    match lists
        .synonyms
        .get(s.as_ref())
        .or_else(|| misspelt_synonym(&s))
    {
        Some(to) => (*to).to_string(),
        None => s.into_owned(),
    }
}

/// The synonym a long word one typo away from a synonym's key stands for ("incongito" ->
/// "incognito" -> "privat"). The index corrects typos against its vocabulary, but a synonym's
/// key is folded away before indexing, so its typos would otherwise find nothing.
fn misspelt_synonym(stem: &str) -> Option<&'static &'static str> {
    const MIN_CHARS: usize = 7;
    if stem.chars().count() < MIN_CHARS {
        return None;
    }
    SYNONYMS
        .iter()
        .find(|(key, _)| {
            key.chars().count() >= MIN_CHARS && strsim::damerau_levenshtein(stem, key) == 1
        })
        .map(|(_, to)| to)
}

/// Normalises text into the content tokens used for matching: stems, synonyms and phrases
/// applied, stopwords removed, order kept (bigrams are built from neighbours).
pub fn tokens(text: &str) -> Vec<String> {
    Tokenizer::default()
        .tokens(text)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Tokenises text, remembering what it learnt about each word (its stem, whether it is a
/// stopword, whether a phrase may start with it): building an index meets the same words over
/// and over, and stemming is the costly part of tokenising. Also reuses its buffers, so
/// tokenising allocates little once the common words are known.
#[derive(Debug, Default)]
pub struct Tokenizer {
    /// Word -> index in `entries`.
    known: FastMap<String, u32>,
    entries: Vec<Word>,
    buf: String,
    spans: Vec<Range<usize>>,
    ids: Vec<u32>,
}

#[derive(Debug)]
struct Word {
    stem: String,
    /// The word or its stem is a stopword.
    stop: bool,
    /// A phrase may start with the stem.
    phrase: bool,
}

impl Tokenizer {
    /// The tokens of `text` (as [`tokens`] gives them), borrowed from the tokenizer.
    pub fn tokens(&mut self, text: &str) -> Vec<&str> {
        self.tokens_with_ids(text)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    /// The tokens of `text`, each with the tokenizer's id for the word it came from (the same
    /// id always gives the same token), or `None` for a phrase ("log in" -> "login"). Lets
    /// the index remember each word's term instead of looking its text up again.
    pub fn tokens_with_ids(&mut self, text: &str) -> Vec<(&str, Option<u32>)> {
        let lists = lists();
        self.buf.clear();
        self.spans.clear();
        self.ids.clear();
        words(text, &mut self.buf, &mut self.spans);
        for r in &self.spans {
            let w = &self.buf[r.clone()];
            let id = match self.known.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.entries.len() as u32;
                    let stem = stem(w);
                    self.entries.push(Word {
                        // A number of one or two digits counts something ("every 5 min",
                        // "2 tabs"); no error code of the knowledge is one.
                        stop: lists.stopwords.contains(w)
                            || lists.stopwords.contains(stem.as_str())
                            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())),
                        phrase: lists.phrases.contains_key(stem.as_str()),
                        stem,
                    });
                    self.known.insert(w.to_string(), id);
                    id
                }
            };
            self.ids.push(id);
        }
        let words: Vec<&Word> = self
            .ids
            .iter()
            .map(|&id| &self.entries[id as usize])
            .collect();
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        'outer: while i < words.len() {
            let w = words[i];
            if w.phrase {
                for (phrase, replacement) in &lists.phrases[w.stem.as_str()] {
                    if starts_with_phrase(&words[i..], phrase) {
                        out.push((*replacement, None));
                        i += phrase.len();
                        continue 'outer;
                    }
                }
            }
            let s = w.stem.as_str();
            if !w.stop && (s.len() > 1 || is_code(s)) {
                out.push((s, Some(self.ids[i])));
            }
            i += 1;
        }
        out
    }
}

fn starts_with_phrase(words: &[&Word], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w.stem == *p)
}

/// Openings of a how-to question ("how do I record a refund?"), which troubleshooting articles
/// do not answer unless the question also describes something going wrong.
const HOWTO_OPENINGS: &[&str] = &[
    "how do i",
    "how do you",
    "how to",
    "how can i",
    "how would i",
    "how should i",
    "where do i",
    "where can i",
    "where is",
    "can i",
    "can you",
    "is it possible",
    "what is the",
    "whats the",
    "what's the",
    "what are the",
    "is there a way",
    "do you know how",
];

/// Stems that say something is wrong (failures, errors, outages, slowness).
const TROUBLE_STEMS: &[&str] = &[
    "not",
    "error",
    "fail",
    "broken",
    "broke",
    "stuck",
    "slow",
    "down",
    "outag",
    "crash",
    "freez",
    "frozen",
    "blank",
    "spin",
    "logout",
    "timeout",
    "loop",
    "expir",
    "block",
    "problem",
    "issu",
    "unavail",
    "reject",
    "refus",
    "disconnect",
    "lag",
    "hang",
    "glitch",
    "bug",
    "gateway",
    "sync",
];

/// A how-to question that describes nothing going wrong.
pub fn is_plain_howto(text: &str) -> bool {
    // Only the opening matters: look at the first few words, not the whole (maybe long) text.
    let lower: String = text
        .chars()
        .take(80)
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = lower
        .split_whitespace()
        .skip_while(|w| {
            matches!(
                *w,
                "hi" | "hello" | "hey" | "so" | "ok" | "okay" | "quick" | "question" | "please"
            )
        })
        .collect();
    let start = words.join(" ");
    if !HOWTO_OPENINGS.iter().any(|o| start.starts_with(o)) {
        return false;
    }
    !tokens(text)
        .iter()
        .any(|t| is_code(t) || TROUBLE_STEMS.iter().any(|s| t.starts_with(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_logging_still_logs_out() {
        assert_eq!(
            tokens("keeps loggin me out"),
            tokens("keeps logging me out")
        );
    }

    #[test]
    fn small_numbers_count_things_and_are_no_terms() {
        assert_eq!(tokens("logged out every 5 min"), vec!["logout", "min"]);
        assert_eq!(tokens("v5.6.14 error 6000"), vec!["v5", "error", "6000"]);
        assert_eq!(tokens("error 502"), vec!["error", "502"]);
    }

    #[test]
    fn a_number_is_an_error_only_where_it_reads_as_one() {
        let errors_in = |text: &str| -> Vec<String> {
            let words = crate::plain_words::lowercase_words(text);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            (0..words.len())
                .filter(|&i| is_error_number(&words, i))
                .map(|i| words[i].to_string())
                .collect()
        };
        for (text, errors) in [
            ("it says error 103 now", vec!["103"]),
            ("now its a 504", vec!["504"]),
            ("PS107 again", vec!["ps107"]),
            ("error -6000, -83", vec!["6000"]),
            ("error 12 when opening", vec!["12"]),
            ("we're on QuickBooks Desktop 2019", vec![]),
            ("windows 10, chrome 120", vec![]),
            ("waited 5 minutes, then 30 secs", vec![]),
            ("only have 2 tabs open", vec![]),
            ("since 2023 it does this", vec![]),
            ("it started at 9am", vec![]),
            ("now it says quickbooks desktop H505", vec!["h505"]),
            ("now i keep getting 502's", vec!["502"]),
            ("v5 of the app", vec![]),
            ("we have 102 clients and 500 paychecks", vec![]),
            ("my account number ends in 103", vec![]),
            ("account number 185", vec![]),
            ("error number 185", vec!["185"]),
        ] {
            assert_eq!(errors_in(text), errors, "{text}");
        }
    }

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
    fn long_synonyms_are_found_through_one_typo() {
        assert_eq!(tokens("incongito window"), tokens("incognito window"));
        assert_eq!(tokens("incognitio"), vec!["privat"]);
        // Shorter words are left alone: one letter changes too much of them.
        assert_eq!(tokens("spiner"), vec!["spiner"]);
    }

    #[test]
    fn a_reused_tokenizer_gives_the_same_tokens() {
        let texts = [
            "QuickBooks won't open!",
            "I can't get in, it keeps kicking me out",
            "qbo so sloooow, Error502 / HTTP 502",
            "I can't get in",
            "QuickBooks won't open!",
        ];
        let mut t = Tokenizer::default();
        for text in texts {
            assert_eq!(t.tokens(text), tokens(text), "{text}");
        }
    }

    #[test]
    fn plain_howto_questions_are_told_apart_from_problems() {
        assert!(is_plain_howto("How do I record a refund?"));
        assert!(is_plain_howto("hi, can I change my fiscal year"));
        assert!(!is_plain_howto("how do I fix error 502"));
        assert!(!is_plain_howto("how do I stop it logging me out"));
        assert!(!is_plain_howto("payroll won't update"));
    }

    #[test]
    fn numbers_that_count_or_name_something_are_left_out() {
        for (said, left) in [
            (
                "we have 500 employees and payroll wont update",
                "we have  employees and payroll wont update",
            ),
            ("it happened at 503 pm", "it happened at  pm"),
            (
                "our account ends in 103, bank feed stopped",
                "our account ends in , bank feed stopped",
            ),
            ("account number 102 wont sync", "account number  wont sync"),
            ("my card ending in 103", "my card ending in "),
            ("at 503 am", "at  am"),
            ("about 504 vendors", "about  vendors"),
            ("paid $502 and invoice #504", "paid $ and invoice #"),
        ] {
            assert_eq!(without_counted_numbers(said), left, "{said}");
        }
        for kept in [
            "502 bad gateway",
            "chrome 502",
            "also quickbooks 502 sometimes",
            "also error 500 sometimes",
            "the 502 errors keep coming",
            "503 keeps coming back",
            "error code 103 on the bank feed",
            "-6000, -83",
            "quickbooks desktop 2019",
            // (A reviewer's: verbs in -s, units that are no count, a number named.)
            "502 loads forever",
            "the 502 hits every morning",
            "503 lasts all day",
            "502 pages in edge",
            "502 time out in chrome",
            "504 min wait then error",
            "getting 502, am i the only one?",
            "it shows number 503",
            "every upload ends in 502",
            "an error starting with 503",
            "getting error #503",
        ] {
            assert_eq!(without_counted_numbers(kept), kept, "{kept}");
        }
    }

    #[test]
    fn a_hang_on_said_to_the_reader_is_left_out_and_a_page_that_hangs_kept() {
        for said in [
            "oh hang on, it only pulled 2 transactions",
            "hold on a sec, it only pulled 2 transactions",
            "hang on",
        ] {
            let left = without_apologies(said);
            assert!(
                !left.contains("hang") && !left.contains("hold"),
                "{said}: {left}"
            );
        }
        for kept in [
            "it hangs on the dashboard",
            "the page hang on loading",
            "put the call on hold on monday",
        ] {
            assert_eq!(without_apologies(kept), kept);
        }
    }

    #[test]
    fn the_users_apologies_are_left_out_and_the_services_kept() {
        assert_eq!(
            without_apologies("My QBO blank. sorry my english").trim(),
            "My QBO blank.  my"
        );
        assert_eq!(
            without_apologies("it says We're sorry, something went wrong"),
            "it says We're sorry, something went wrong"
        );
        assert_eq!(
            without_apologies("we are sorry, try again"),
            "we are sorry, try again"
        );
        assert_eq!(
            without_apologies("sorry for the long post"),
            " for the long post"
        );
    }

    #[test]
    fn codes_said_not_to_be_there_are_left_out() {
        for (said, left) in [
            ("no error code, its not 502", "no error code, its not "),
            ("not a 502, just a blank page", "not a , just a blank page"),
            ("it isn't a 503 but a 504", "it isn't a  but a 504"),
            (
                "i'm not getting error 500 anymore",
                "i'm not getting error  anymore",
            ),
            (
                "i dont have any 502 error, the bank feed just isnt showing new transactions",
                "i dont have any  error, the bank feed just isnt showing new transactions",
            ),
            ("it doesnt say 503 anymore", "it doesnt say  anymore"),
        ] {
            assert_eq!(without_denied_codes(said), left, "{said}");
        }
        for kept in [
            "502 bad gateway",
            "no, 502 again",
            "it was not loading. 502 now",
            "not sure why but i get 504",
            "error 6000, not loading",
            "i can't open anything without getting error 503",
            "never got a 504 before today, now every page",
            "i dont know why but 502 again",
            "didnt work, 502",
        ] {
            assert_eq!(without_denied_codes(kept), kept, "{kept}");
        }
    }

    #[test]
    fn codes_are_detected() {
        assert!(is_code("502"));
        assert!(is_code("h505"));
        assert!(!is_code("gateway"));
    }

    #[test]
    fn a_code_in_the_plural_is_the_code() {
        assert_eq!(tokens("zapier gets 503s"), tokens("zapier gets 503"));
        assert_eq!(tokens("lots of 500s, 504s"), tokens("lots of 500, 504"));
        // Too short to be a code ("the 90s"), or a word: as written.
        assert_eq!(tokens("90s"), vec!["90s".to_string()]);
        assert_eq!(tokens("bass"), vec!["bass".to_string()]);
    }
}
