//! Mistakes in an article's Markdown body that Markdown itself reads silently as something
//! else: a heading without its space, a second article pasted into the file, and comments
//! meant for admins (hidden here before anything is shown to users).

/// One mistake: the byte offset in the body of the line it is on, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    pub offset: usize,
    pub message: String,
    pub hint: String,
}

/// `body` with each `<!-- ... -->` comment blanked out byte for byte (line breaks kept, so
/// offsets and line numbers are unchanged), and a mistake for a comment never closed. Of that
/// one only the `<!--` is blanked: the rest is read as the article it would hide (Markdown
/// would take all of it as one HTML block, and report every section after it missing).
pub fn hide_comments(body: &str) -> (String, Option<Mistake>) {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut at = 0;
    while let Some(open) = rest.find("<!--") {
        let Some(close) = rest[open + 4..].find("-->") else {
            out.push_str(&rest[..open]);
            out.push_str("    ");
            out.push_str(&rest[open + 4..]);
            return (
                out,
                Some(Mistake {
                    offset: line_start(body, at + open),
                    message: "a comment `<!--` is never closed".into(),
                    hint: "end the comment with `-->`, or remove the `<!--`".into(),
                }),
            );
        };
        let end = open + 4 + close + 3;
        out.push_str(&rest[..open]);
        // Spaces for every byte but line breaks: the same length, the same lines.
        out.extend(
            rest[open..end]
                .bytes()
                .map(|b| if b == b'\n' { '\n' } else { ' ' }),
        );
        at += end;
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, None)
}

/// The byte offset where the line holding `offset` starts.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Lines Markdown would read as text although they were meant as structure: `##Solution: ...`
/// or `###Firefox` (no space after the `#`s, so no heading: the section silently merges into
/// the one before) and a `+++` line (a second article's front matter pasted in). Lines in
/// fenced code blocks are left alone.
pub fn line_mistakes(body: &str) -> Vec<Mistake> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut fenced = false;
    // Inside a pasted front matter: its closing `+++` is not reported again.
    let mut pasted = false;
    for raw in body.split_inclusive('\n') {
        let here = offset;
        offset += raw.len();
        let line = raw.trim_end();
        let text = line.trim_start_matches(' ');
        // Up to three spaces of indent still make a heading in Markdown.
        if line.len() - text.len() > 3 {
            continue;
        }
        if text.starts_with("```") || text.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if text == "+++" {
            pasted = !pasted;
            if !pasted {
                continue;
            }
            out.push(Mistake {
                offset: here,
                message: "a second `+++` front matter: a file holds one article".into(),
                hint: "move the article that starts here into a file of its own under \
                       `articles/`, or delete this line and the front matter after it"
                    .into(),
            });
            continue;
        }
        if let Some(fixed) = heading_without_space(text) {
            out.push(Mistake {
                offset: here,
                message: format!(
                    "`{text}` is not read as a heading: it needs a space after the `#`s"
                ),
                hint: format!("write `{fixed}`"),
            });
        }
    }
    out
}

/// `##Solution: Clear the cache` (two to six `#`s with no plain space after them, a
/// non-breaking one included) as it was meant: `## Solution: Clear the cache`. A single `#`
/// is left alone (`#1 tip` and hashtags are ordinary text).
fn heading_without_space(text: &str) -> Option<String> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if !(2..=6).contains(&hashes) {
        return None;
    }
    let after = &text[hashes..];
    let words = after.trim_start_matches(['\u{a0}', '\u{202f}']);
    let glued = words.len() < after.len() || !after.starts_with([' ', '\t']);
    let first = words.chars().next()?;
    (glued && first.is_alphanumeric()).then(|| format!("{} {}", &text[..hashes], words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_keeping_offsets_and_lines() {
        let body = "Summary.\n<!-- internal: ask Dana\nbefore publishing -->\n## Causes\n";
        let (hidden, unclosed) = hide_comments(body);
        assert_eq!(unclosed, None);
        assert_eq!(hidden.len(), body.len());
        assert_eq!(hidden.lines().count(), body.lines().count());
        assert!(!hidden.contains("Dana") && !hidden.contains("<!--"));
        assert!(hidden.contains("## Causes"));
        // Two comments, one inline, and non-ASCII text inside one.
        let (hidden, _) = hide_comments("a <!-- é --> b <!-- c --> d");
        assert_eq!(
            hidden.split_whitespace().collect::<Vec<_>>(),
            ["a", "b", "d"]
        );
    }

    #[test]
    fn a_comment_never_closed_is_a_mistake_at_its_line() {
        let body = "Summary.\n\nsee <!-- draft\n## Solution: X\n";
        let (hidden, unclosed) = hide_comments(body);
        assert_eq!(
            hidden,
            body.replace("<!--", "    "),
            "only the opening blanked"
        );
        let m = unclosed.expect("reported");
        assert_eq!(m.offset, "Summary.\n\n".len());
    }

    #[test]
    fn headings_without_their_space_are_mistakes() {
        let body =
            "Summary.\n\n##Solution: Check the email\n1. Open it.\n###Firefox\n##\u{a0}FAQ\n";
        let found = line_mistakes(body);
        let hints: Vec<&str> = found.iter().map(|m| m.hint.as_str()).collect();
        assert_eq!(
            hints,
            [
                "write `## Solution: Check the email`",
                "write `### Firefox`",
                "write `## FAQ`"
            ]
        );
        assert_eq!(found[0].offset, "Summary.\n\n".len());
    }

    #[test]
    fn ordinary_lines_and_code_are_no_mistakes() {
        let body = "Summary with #hashtag.\n\n## Solution: A\n1. Press #1.\n#1 tip\n\
                    ```\n##not a heading in code\n+++\n```\n### Chrome\n1. Go.\n## FAQ\n";
        assert_eq!(line_mistakes(body), []);
    }

    #[test]
    fn a_second_front_matter_is_a_mistake() {
        let body = "Summary.\n\n## Solution: A\n1. Go.\n+++\nid = \"other\"\n+++\n";
        let found = line_mistakes(body);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("one article"));
        assert_eq!(
            found[0].offset,
            "Summary.\n\n## Solution: A\n1. Go.\n".len()
        );
    }
}
