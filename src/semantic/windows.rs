//! Long posts read whole: the text is cut into overlapping windows of sentences, each embedded
//! on its own, so one useful sentence in a 300-word ramble still meets the article it names.
//!
//! A window that says where the user is ("blank page in chrome") is embedded a second time
//! without it: the browser is the conversation's business, and the model reads "in chrome" as
//! much of the meaning of a short text (its similarity to the blank-page article fell from
//! 0.86 to 0.71). The best window per chunk counts, so an article about browsers keeps its
//! similarity to the words as written.
//!
//! Pure: splits text, never calls the model. A window of 24 words stays far below the model's
//! token limit, except where "words" are very long (text without spaces such as Japanese, long
//! URLs, base64): such a window is cut at the limit by the tokenizer, never refused.

/// Words per window: short enough that one sentence about the problem dominates its window
/// (40 words let a 300-word post's one useful sentence drown in its neighbours; 24 did not,
/// and ranked the dev split the same),
/// long enough to keep a sentence and its neighbour together.
pub const WINDOW_WORDS: usize = 24;
/// At most this many windows per query; the rest of a longer paste is
/// read by the lexical matcher only. Bounds the cost of one query (about 1,150 words).
pub const MAX_WINDOWS: usize = 48;

/// Cuts `text` into sentences (at `.`, `!`, `?`, `;` and line breaks).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here = matches!(b, b'\n' | b';')
            || (matches!(b, b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
        if end_here {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The texts to embed for a query: [`sentence_windows`], then each one that names a browser or
/// device again without it ([`without_where`]), up to [`MAX_WINDOWS`] in all.
pub fn query_windows(text: &str) -> Vec<String> {
    // "its not a 502": a denied code names no article.
    let text = &*crate::matcher::text::without_denied_codes(text);
    let mut windows = sentence_windows(text);
    let plain: Vec<String> = windows.iter().filter_map(|w| without_where(w)).collect();
    for w in plain {
        if windows.len() >= MAX_WINDOWS {
            break;
        }
        windows.push(w);
    }
    windows
}

/// Browser and device names that say where the user is, not what is wrong.
const WHERE: &[&str] = &[
    "chrome", "firefox", "safari", "edge", "explorer", "ie", "brave", "opera", "iphone", "ipad",
    "mac", "macbook", "android", "laptop", "pc", "phone",
];
/// A brand said just before a name ("google chrome", "internet explorer").
const BRANDS: &[&str] = &["google", "microsoft", "mozilla", "internet", "apple"];
/// Words that lead to a name ("on my", "in the", "using").
const LEADS: &[&str] = &[
    "in", "on", "using", "with", "from", "via", "thru", "through", "my", "the", "a", "an", "our",
];

/// `window` without the browser and device names it says and the words leading to them ("blank
/// page in chrome" -> "blank page"); `None` when it names none, or is nothing else.
pub fn without_where(window: &str) -> Option<String> {
    let words: Vec<&str> = window.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut dropped = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        if !WHERE.contains(&bare(w).as_str()) {
            continue;
        }
        dropped[i] = true;
        let mut j = i;
        if j > 0 && BRANDS.contains(&bare(words[j - 1]).as_str()) {
            j -= 1;
            dropped[j] = true;
        }
        while j > 0 && LEADS.contains(&bare(words[j - 1]).as_str()) {
            j -= 1;
            dropped[j] = true;
        }
    }
    let kept: Vec<&str> = words
        .iter()
        .zip(&dropped)
        .filter(|(_, d)| !**d)
        .map(|(w, _)| *w)
        .collect();
    (dropped.contains(&true) && !kept.is_empty()).then(|| kept.join(" "))
}

/// The text itself when it is short; otherwise windows of whole sentences of about
/// [`WINDOW_WORDS`] words, each overlapping the next by one sentence. Sentences longer than a
/// window (a pasted log line) are cut by words.
pub fn sentence_windows(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    if text.split_whitespace().count() <= WINDOW_WORDS {
        return vec![text.split_whitespace().collect::<Vec<_>>().join(" ")];
    }
    // Sentences, with any over-long one cut into window-sized pieces.
    let mut pieces: Vec<Vec<&str>> = Vec::new();
    for s in sentences(text) {
        let words: Vec<&str> = s.split_whitespace().collect();
        for part in words.chunks(WINDOW_WORDS) {
            pieces.push(part.to_vec());
        }
    }
    let mut windows = Vec::new();
    let mut i = 0;
    while i < pieces.len() && windows.len() < MAX_WINDOWS {
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        while j < pieces.len()
            && (words.is_empty() || words.len() + pieces[j].len() <= WINDOW_WORDS)
        {
            words.extend(&pieces[j]);
            j += 1;
        }
        windows.push(words.join(" "));
        if j >= pieces.len() {
            break;
        }
        // Overlap by one sentence when the window held more than one.
        i = if j - i > 1 { j - 1 } else { j };
    }
    windows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_one_window_with_spaces_tidied() {
        assert_eq!(
            query_windows("  502   bad\ngateway "),
            vec!["502 bad gateway"]
        );
        assert!(query_windows("   ").is_empty());
    }

    #[test]
    fn a_long_post_becomes_overlapping_windows_of_whole_sentences() {
        let filler =
            "We had a long meeting about the budget today and nobody agreed on anything at all.";
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str(filler);
            text.push(' ');
        }
        text.push_str("QuickBooks shows 502 Bad Gateway when I open payroll. ");
        for _ in 0..6 {
            text.push_str(filler);
            text.push(' ');
        }
        let windows = query_windows(&text);
        assert!(windows.len() > 3, "{windows:?}");
        assert!(
            windows
                .iter()
                .all(|w| w.split_whitespace().count() <= WINDOW_WORDS)
        );
        let useful: Vec<&String> = windows
            .iter()
            .filter(|w| w.contains("502 Bad Gateway"))
            .collect();
        assert!(!useful.is_empty());
        assert!(
            useful
                .iter()
                .any(|w| w.split_whitespace().count() <= 2 * 16 + 10),
            "the useful sentence shares its window with little else: {useful:?}"
        );
    }

    #[test]
    fn an_endless_line_is_cut_by_words_and_bounded() {
        let text = "error ".repeat(10_000);
        let windows = query_windows(&text);
        assert_eq!(windows.len(), MAX_WINDOWS);
        assert!(
            windows
                .iter()
                .all(|w| w.split_whitespace().count() == WINDOW_WORDS)
        );
    }

    #[test]
    fn a_window_naming_a_browser_or_device_is_embedded_again_without_it() {
        assert_eq!(
            query_windows("blank page in chrome"),
            vec!["blank page in chrome", "blank page"]
        );
        assert_eq!(
            without_where("QuickBooks is blank on my iPhone, and in Google Chrome too").as_deref(),
            Some("QuickBooks is blank and too")
        );
        assert_eq!(
            without_where("no internet on my phone").as_deref(),
            Some("no internet")
        );
        assert_eq!(without_where("payroll wont update"), None);
        assert_eq!(without_where("on my iphone"), None, "nothing else");
        assert_eq!(
            query_windows("payroll wont update"),
            vec!["payroll wont update"]
        );
    }

    #[test]
    fn emoji_and_non_ascii_text_split_on_char_boundaries() {
        let text = "😡😡 ".repeat(100) + "ça ne marche pas. 画面が真っ白です。";
        let windows = query_windows(&text);
        assert!(!windows.is_empty());
    }
}
