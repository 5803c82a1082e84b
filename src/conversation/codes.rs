//! The error codes and messages a reply names: which articles list them, whether an error
//! shows, and what the article says a code means.

use super::terms::Terms;
use crate::knowledge::{Article, KnowledgeBase};
use crate::plain_words;
use std::collections::HashSet;

/// Whether `text` names one of `article`'s error codes ("503").
pub(super) fn names_code_of(article: &Article, text: &str) -> bool {
    lists_any_of(article, &Terms::said(text).codes)
}

/// Whether `article` lists any of `codes` among its error codes.
pub(super) fn lists_any_of(article: &Article, codes: &HashSet<String>) -> bool {
    !codes.is_empty() && !codes.is_disjoint(&Terms::of(&article.codes.join(" ")).codes)
}

/// Whether `text` names an error code of `article` that no other article of `kb` lists (the
/// text's codes read once; most messages have none, and nothing else is read).
pub(super) fn names_a_code_only_it_lists(
    kb: &KnowledgeBase,
    article: &Article,
    text: &str,
) -> bool {
    only_it_lists_any_of(kb, article, &Terms::said(text).codes)
}

/// [`names_a_code_only_it_lists`], of the codes written with letters as well as digits
/// ("PS077", "H202"): an error code whatever words come with it, where a bare number may count
/// something ("500 employees").
pub(super) fn names_a_letter_code_only_it_lists(
    kb: &KnowledgeBase,
    article: &Article,
    text: &str,
) -> bool {
    let mut codes = Terms::said(text).codes;
    codes.retain(|c| c.chars().any(|c| c.is_ascii_alphabetic()));
    only_it_lists_any_of(kb, article, &codes)
}

/// Whether `article` lists one of `codes` and no other article of `kb` does.
fn only_it_lists_any_of(kb: &KnowledgeBase, article: &Article, codes: &HashSet<String>) -> bool {
    lists_any_of(article, codes)
        && kb
            .articles()
            .iter()
            .filter(|a| lists_any_of(a, codes))
            .take(2)
            .count()
            == 1
}

/// The terms of each of the article's messages ("Cookies are disabled": codes of more than one
/// word) that `text` quotes.
pub(super) fn quoted_messages(article: &Article, text: &str) -> Vec<Terms> {
    let lower = text.to_lowercase();
    article
        .codes
        .iter()
        .filter(|c| c.contains(' ') && lower.contains(&c.to_lowercase()))
        .map(|c| Terms::of(c))
        .collect()
}

/// The reply with what the article says about each code it names ("error 103" + "Error 103:
/// the sign-in details QuickBooks has for the bank are wrong"), so a bare code can point to
/// the fix for what it means.
pub(super) fn with_what_codes_mean(article: &Article, text: &str) -> String {
    let mut codes = Terms::said(text).codes;
    // The title's code is on nearly every line of its article: it means nothing more there.
    drop_title_codes(article, &mut codes);
    let mut out = text.to_string();
    if codes.is_empty() {
        return out;
    }
    let names_a_code = |line: &&str| !Terms::of(line).codes.is_disjoint(&codes);
    // What the summary and causes say a code means; the FAQ's answers only for a code they do
    // not explain. (An answer tells what to do if the code lasts: "Error 102 ... If it lasts
    // several days, disconnect and reconnect the account" sent a 102 told mid-walk to the
    // reconnect, where the same 102 told first goes to the fix for what it means; explorer
    // rv49 F7.)
    let defined: Vec<&str> = article
        .summary
        .lines()
        .chain(article.causes.iter().map(|c| c.detail.as_str()))
        .filter(names_a_code)
        .collect();
    let lines = if defined.is_empty() {
        article
            .faq
            .iter()
            .map(|f| f.answer.as_str())
            .filter(names_a_code)
            .collect()
    } else {
        defined
    };
    for line in lines {
        out.push('\n');
        out.push_str(line);
    }
    out
}

/// The line of `article`'s summary or causes that says what an error code of `text` means
/// ("Error 185: the bank needs extra information ..."), as written there.
pub(super) fn what_the_code_means(
    article: &Article,
    text: &str,
    title: CodesOfTheTitle,
) -> Option<String> {
    let mut codes = Terms::said(text).codes;
    if title == CodesOfTheTitle::Dropped {
        drop_title_codes(article, &mut codes);
    }
    if codes.is_empty() {
        return None;
    }
    article
        .summary
        .lines()
        .chain(article.causes.iter().map(|c| c.detail.as_str()))
        .find(|line| !Terms::of(line).codes.is_disjoint(&codes))
        .map(|line| line.trim().trim_start_matches(['-', '*', ' ']).to_string())
}

/// Whether the codes of an article's title count: told ("it says 502" in the 502 article) they
/// are its own problem, no news; asked about ("what does H202 mean?") they are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CodesOfTheTitle {
    Kept,
    Dropped,
}

/// `codes` without those in `article`'s title (its own problem: "502" in the 502 article).
pub(super) fn drop_title_codes(article: &Article, codes: &mut HashSet<String>) {
    let own = Terms::of(&article.title).codes;
    codes.retain(|c| !own.contains(c));
}

/// Whether `text` says an error shows ("it says error 103 now", "now a 504"), not only a
/// number ("we're on Desktop 2019", "waited 5 minutes", "chrome 120") or a code it denies.
pub(super) fn shows_an_error(text: &str) -> bool {
    let text = &without_long_numbers(text);
    let words = plain_words::lowercase_words(&crate::matcher::text::without_denied_codes(text));
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    (0..words.len()).any(|i| crate::matcher::text::is_error_number(&words, i))
        || (names_an_http_error(&words) && !text.contains('?') && !gone_or_not_now(&words))
}

/// `text` without the long numbers people type in groups: a phone number, a key or an
/// account ("555-123-4567", "(555) 123-4567", "1234-5678-9012-345", "555 123 4567"), which
/// are no error codes (explorer rv46 F3: "call me at 555-123-4567" at "did this fix it?" was
/// read as an error still showing). Three or more groups of digits, one of four or more,
/// seven digits or more in one word ("555-123-4567") or ten or more over several ("555 123
/// 4567"), go; "6000, 83", "502 503 504" and "12007 12029" stay.
pub(super) fn without_long_numbers(text: &str) -> String {
    // A word of digit groups: "555", "(555)", "123-4567", "+1"; its groups.
    let groups_of = |t: &str| -> Option<Vec<usize>> {
        let t = t.trim_end_matches([',', ';', ':', '!', '?']);
        let t = t.strip_suffix('.').unwrap_or(t);
        let groups: Vec<usize> = t
            .split(['-', '.', '(', ')', '+'])
            .filter(|g| !g.is_empty())
            .map(|g| g.bytes().all(|b| b.is_ascii_digit()).then_some(g.len()))
            .collect::<Option<_>>()?;
        (!groups.is_empty()).then_some(groups)
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut keep = vec![true; words.len()];
    let mut i = 0;
    while i < words.len() {
        // A run of such words, each but the last with no comma after it.
        let mut end = i;
        let mut groups = Vec::new();
        while end < words.len()
            && let Some(g) = groups_of(words[end])
        {
            groups.extend(g);
            end += 1;
            if words[end - 1].ends_with(',') {
                break;
            }
        }
        let digits: usize = groups.iter().sum();
        let long = groups.len() >= 3
            && digits >= 7
            && (end - i == 1 || digits >= 10)
            && groups.iter().any(|&g| g >= 4);
        if long {
            keep[i..end].iter_mut().for_each(|k| *k = false);
        }
        i = end.max(i + 1);
    }
    words
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that put an error named by its name out of the present ("the server error went away",
/// "could it give a server error later", "earlier it said bad gateway").
fn gone_or_not_now(words: &[&str]) -> bool {
    const NOT_NOW: &[&str] = &[
        "gone",
        "away",
        "later",
        "might",
        "may",
        "could",
        "worry",
        "worried",
        "never",
        "longer",
        "anymore",
        "stopped",
        "without",
        "earlier",
        "yesterday",
        "before",
        "if",
        "was",
    ];
    words.iter().any(|w| NOT_NOW.contains(w))
}

/// Whether `words` name an HTTP error by its name ("says bad gateway", "service unavailable
/// again"), not denied in the three words before it ("no bad gateway anymore").
fn names_an_http_error(words: &[&str]) -> bool {
    const NAMES: &[[&str; 2]] = &[
        ["bad", "gateway"],
        ["gateway", "timeout"],
        ["service", "unavailable"],
        ["server", "error"],
    ];
    const DENIALS: &[&str] = &[
        "no", "not", "never", "without", "isnt", "wasnt", "dont", "doesnt", "didnt", "nor",
    ];
    words.windows(2).enumerate().any(|(i, pair)| {
        NAMES.iter().any(|name| pair == name)
            && !words[i.saturating_sub(3)..i]
                .iter()
                .any(|w| DENIALS.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_and_keys_show_no_error() {
        for said in [
            "call me at 555-123-4567",
            "my number is (555) 123-4567",
            "555 123 4567",
            "555.123.4567 after 5pm",
            "+1 555 123 4567",
            "license 1234-5678-9012-345",
        ] {
            assert!(!shows_an_error(said), "{said}");
        }
    }

    #[test]
    fn codes_written_in_a_row_still_show_an_error() {
        for said in [
            "error 502",
            "502 503 504",
            "now it says -6000, -83",
            "6000 83",
            "still 12029",
            "error 6123-0",
        ] {
            assert!(shows_an_error(said), "{said}");
        }
    }
}
