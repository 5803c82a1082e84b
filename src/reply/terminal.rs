//! Markdown as a terminal shows it: markers never shown raw. Bold (and headings) in ANSI bold on
//! a terminal, plain text when piped; `code` and links as their text; backslash escapes undone.

/// How to show emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// ANSI bold, for a terminal.
    Ansi,
    /// No markers at all, for pipes and files.
    Plain,
}

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Renders Markdown `text` for a terminal.
pub fn to_terminal(text: &str, emphasis: Emphasis) -> String {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        // A fenced code block: its fences dropped, its lines as written and indented (they
        // showed as lone backticks around text read as Markdown).
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        out.push(if fenced {
            format!("    {line}")
        } else {
            line_to_terminal(line, emphasis)
        });
    }
    out.join("\n")
}

fn line_to_terminal(line: &str, emphasis: Emphasis) -> String {
    let trimmed = line.trim_start();
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        let heading = inline(trimmed[hashes..].trim(), emphasis);
        return strong(&heading, emphasis);
    }
    inline(line, emphasis)
}

fn strong(text: &str, emphasis: Emphasis) -> String {
    match emphasis {
        Emphasis::Ansi => format!("{BOLD}{text}{RESET}"),
        Emphasis::Plain => text.to_string(),
    }
}

/// Inline Markdown: escapes, `code`, **bold**, *italic* / _italic_, [text](url).
fn inline(line: &str, emphasis: Emphasis) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut bold_open = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                i += 2;
                continue;
            }
            '`' => {
                if let Some(len) = chars[i + 1..].iter().position(|&x| x == '`') {
                    out.extend(&chars[i + 1..i + 1 + len]);
                    i += len + 2;
                    continue;
                }
            }
            '*' | '_' if next == Some(c) => {
                // ** or __: bold on or off, when it hugs a word and (opening) is closed later
                // on the line; "2**10" has no closer and stays as written.
                let opens = !bold_open
                    && chars.get(i + 2).is_some_and(|n| !n.is_whitespace())
                    && closes_later(&chars, i + 2, c);
                let closes = bold_open && prev.is_some_and(|p| !p.is_whitespace());
                if opens || closes {
                    bold_open = !bold_open;
                    if emphasis == Emphasis::Ansi {
                        out.push_str(if bold_open { BOLD } else { RESET });
                    }
                } else {
                    // Not emphasis: both characters as written.
                    out.push(c);
                    out.push(c);
                }
                i += 2;
                continue;
            }
            '*' | '_' => {
                // A single marker around a word is italic: dropped. Inside a word
                // (snake_case, file_names) or before a space (a list bullet) it stays.
                let word_before = prev.is_some_and(|p| p.is_alphanumeric());
                let word_after = next.is_some_and(|n| n.is_alphanumeric());
                // Opening needs a letter or digit next: "*.qbw" is a file pattern, not emphasis.
                let opening = !word_before && next.is_some_and(|n| n.is_alphanumeric());
                let closing = !word_after && prev.is_some_and(|p| !p.is_whitespace());
                if (opening || closing) && !(word_before && word_after) && has_pair(&chars, i, c) {
                    i += 1;
                    continue;
                }
            }
            // ![alt](url): an image a terminal cannot show, said as one.
            '!' if next == Some('[') => {
                if let Some((text, url, used)) = link(&chars[i + 1..]) {
                    out.push_str(&format!("[image: {}] ({url})", inline(&text, emphasis)));
                    i += used + 1;
                    continue;
                }
            }
            '[' => {
                if let Some((text, url, used)) = link(&chars[i..]) {
                    out.push_str(&inline(&text, emphasis));
                    out.push_str(&format!(" ({url})"));
                    i += used;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    if bold_open && emphasis == Emphasis::Ansi {
        out.push_str(RESET);
    }
    out
}

/// Whether a doubled `marker` closes, after `from`, a bold run opened before it.
fn closes_later(chars: &[char], from: usize, marker: char) -> bool {
    (from..chars.len().saturating_sub(1)).any(|i| {
        chars[i] == marker && chars[i + 1] == marker && i > 0 && !chars[i - 1].is_whitespace()
    })
}

/// Whether the single marker at `at` has a partner on the line (so it is emphasis, not a
/// stray character).
fn has_pair(chars: &[char], at: usize, marker: char) -> bool {
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| i != at && c == marker)
        .any(|(i, _)| {
            let before = i.checked_sub(1).map(|p| chars[p]);
            let after = chars.get(i + 1);
            !(before.is_some_and(|p| p.is_alphanumeric())
                && after.is_some_and(|n| n.is_alphanumeric()))
        })
}

/// `[text](url)` at the start of `chars`: its text, url and length.
fn link(chars: &[char]) -> Option<(String, String, usize)> {
    let close = chars.iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close + 2..].iter().position(|&c| c == ')')? + close + 2;
    let text: String = chars[1..close].iter().collect();
    let url: String = chars[close + 2..end].iter().collect();
    Some((text, url, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_and_images_show_as_what_they_are() {
        let text = "3. Run this:\n\n```\nping qbo.intuit.com **x**\n```\n\n4. See ![the screenshot](img/a.png).";
        let shown = to_terminal(text, Emphasis::Plain);
        assert_eq!(
            shown,
            "3. Run this:\n\n    ping qbo.intuit.com **x**\n\n4. See [image: the screenshot] (img/a.png)."
        );
        assert!(!shown.contains('`'), "{shown}");
        // A "!" before a link that is no image, and one on its own, stay.
        assert_eq!(
            to_terminal("Done! [Help](h)", Emphasis::Plain),
            "Done! Help (h)"
        );
    }

    fn plain(s: &str) -> String {
        to_terminal(s, Emphasis::Plain)
    }

    #[test]
    fn markers_are_never_shown_raw() {
        assert_eq!(plain("**Steps for Firefox:**"), "Steps for Firefox:");
        assert_eq!(
            plain("Glad that worked! **Clear the cache** fixed it."),
            "Glad that worked! Clear the cache fixed it."
        );
        assert_eq!(
            plain("_This fix has no steps for Edge._"),
            "This fix has no steps for Edge."
        );
        assert_eq!(
            plain("Sam \\(staff\\) said \\*hi\\*"),
            "Sam (staff) said *hi*"
        );
        assert_eq!(
            plain("Check with `/check NAME`."),
            "Check with /check NAME."
        );
        assert_eq!(plain("### Chrome"), "Chrome");
        assert_eq!(
            plain("see [the guide](https://x.test/a)"),
            "see the guide (https://x.test/a)"
        );
    }

    #[test]
    fn ordinary_characters_stay() {
        assert_eq!(plain("- a list item"), "- a list item");
        assert_eq!(plain("* a bullet"), "* a bullet");
        assert_eq!(
            plain("quickbooks_error_502 and 2*3*4"),
            "quickbooks_error_502 and 2*3*4"
        );
        assert_eq!(plain("a lone * star"), "a lone * star");
        assert_eq!(plain("1. Press Ctrl+F5"), "1. Press Ctrl+F5");
        assert_eq!(
            plain("Use *.qbw and *.tlg files"),
            "Use *.qbw and *.tlg files"
        );
        assert_eq!(plain("2**10 is 1024"), "2**10 is 1024");
    }

    #[test]
    fn a_terminal_gets_bold() {
        assert_eq!(
            to_terminal("**Fixed**", Emphasis::Ansi),
            format!("{BOLD}Fixed{RESET}")
        );
    }
}
