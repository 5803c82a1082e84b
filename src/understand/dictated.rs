//! Words written apart as they sound, by dictation or a guess at the spelling ("in cognito"),
//! read as the one word the cues and the articles know ("incognito"). Pure; no I/O.

use std::borrow::Cow;

/// Two words said apart, and the one word they are (explorer rv47 F6: "tried in cognito same
/// thing" at a fix was read as that fix failing, not as the private window's result).
const APART: &[(&str, &str, &str)] = &[("in", "cognito", "incognito")];

/// `text` with each pair of [`APART`] (in any case, with a space or a hyphen between) written
/// as its one word; borrowed when there is none. Everything else is kept as typed.
pub fn as_one_word(text: &str) -> Cow<'_, str> {
    let words = word_spans(text);
    let mut changes: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut i = 0;
    while i + 1 < words.len() {
        let (a, b) = (&words[i], &words[i + 1]);
        let between = &text[a.end..b.start];
        let apart = !between.is_empty()
            && between.len() <= 2
            && between.chars().all(|c| c == ' ' || c == '-');
        if apart
            && let Some((_, _, one)) = APART.iter().find(|(first, second, _)| {
                text[a.clone()].eq_ignore_ascii_case(first)
                    && text[b.clone()].eq_ignore_ascii_case(second)
            })
        {
            changes.push((a.start..b.end, one));
            i += 2;
            continue;
        }
        i += 1;
    }
    if changes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (range, one) in changes {
        out.push_str(&text[from..range.start]);
        out.push_str(one);
        from = range.end;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// Where the runs of letters and digits of `text` stand.
fn word_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                spans.push(s..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(s..text.len());
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_said_apart_are_one_word() {
        assert_eq!(
            as_one_word("tried in cognito same thing"),
            "tried incognito same thing"
        );
        assert_eq!(as_one_word("In-Cognito too."), "incognito too.");
        for kept in [
            "incognito works",
            "sign in to cognito",
            "logged in, cognito",
            "in my cognito app",
        ] {
            assert!(matches!(as_one_word(kept), Cow::Borrowed(_)), "{kept}");
        }
    }
}
