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
/// would take all of it as one HTML block, and report every section after it missing). Code
/// is code: a `<!--` in a fenced block or a `code span` is shown as written.
pub fn hide_comments(body: &str) -> (String, Option<Mistake>) {
    let bytes = body.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, range: std::ops::Range<usize>| {
        for b in &mut out[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut unclosed = None;
    let mut fence: Option<Fence> = None;
    // The backtick runs of the line being read, found once per line: looking for each span's
    // closer along the rest of the line cost a 1 MB line of ever longer runs seconds.
    let mut runs: Option<BacktickRuns> = None;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        if line_start {
            line_start = false;
            let line_end = body[i..].find('\n').map_or(body.len(), |n| i + n);
            let line = &body[i..line_end];
            match (fence, Fence::of(line)) {
                (None, Some(opened)) => fence = Some(opened),
                (Some(open), Some(closing)) if open.closed_by(closing, line) => fence = None,
                _ => {}
            }
            if fence.is_some() || Fence::of(line).is_some() {
                i = line_end + 1;
                line_start = true;
                continue;
            }
        }
        match bytes[i] {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b'`' => {
                // A code span: the same number of backticks closes it, on the same line.
                if !runs.as_ref().is_some_and(|r| r.holds(i)) {
                    runs = Some(BacktickRuns::of_line_at(body, i));
                }
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                i += run;
                // Set just above.
                if let Some(close) = runs.as_ref().and_then(|r| r.next(run, i)) {
                    i = close + run;
                }
            }
            b'<' if body[i..].starts_with("<!--") => match body[i + 4..].find("-->") {
                Some(close) => {
                    let end = i + 4 + close + 3;
                    blank(&mut out, i..end);
                    i = end;
                }
                None => {
                    blank(&mut out, i..i + 4);
                    unclosed = Some(Mistake {
                        offset: line_start_of(body, i),
                        message: "a comment `<!--` is never closed".into(),
                        hint: "end the comment with `-->`, or remove the `<!--`".into(),
                    });
                    break;
                }
            },
            _ => i += 1,
        }
    }
    // Each blanked range starts at `<` and ends after `>`: whole characters became spaces.
    let hidden = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (hidden, unclosed)
}

/// The runs of backticks on one line, each as long as it goes, by length: a code span opened
/// by a run is closed by the next run of the same length.
#[derive(Debug)]
struct BacktickRuns {
    /// The line's bytes: from `start` up to `end` (its line break, or the end of the text).
    start: usize,
    end: usize,
    /// For each length, where the runs of that length start, in order.
    by_length: std::collections::HashMap<usize, Vec<usize>>,
}

impl BacktickRuns {
    /// The runs of the line `at` is on.
    fn of_line_at(text: &str, at: usize) -> BacktickRuns {
        let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let bytes = text.as_bytes();
        let mut by_length: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        let mut k = start;
        while k < end {
            if bytes[k] == b'`' {
                let run = bytes[k..end].iter().take_while(|&&b| b == b'`').count();
                by_length.entry(run).or_default().push(k);
                k += run;
            } else {
                k += 1;
            }
        }
        BacktickRuns {
            start,
            end,
            by_length,
        }
    }

    fn holds(&self, at: usize) -> bool {
        (self.start..self.end).contains(&at)
    }

    /// Where the first run of `length` backticks at or after `from` starts.
    fn next(&self, length: usize, from: usize) -> Option<usize> {
        let starts = self.by_length.get(&length)?;
        starts.get(starts.partition_point(|&s| s < from)).copied()
    }
}

/// A code fence: its character (`` ` `` or `~`) and how many open it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fence {
    mark: u8,
    len: usize,
}

impl Fence {
    /// The fence a line opens or closes (three or more backticks or tildes, after at most
    /// three spaces).
    fn of(line: &str) -> Option<Fence> {
        let text = line.trim_start_matches(' ');
        if line.len() - text.len() > 3 {
            return None;
        }
        let mark = *text
            .as_bytes()
            .first()
            .filter(|&&b| b == b'`' || b == b'~')?;
        let len = text.bytes().take_while(|&b| b == mark).count();
        (len >= 3).then_some(Fence { mark, len })
    }

    /// Whether `line` (whose fence is `other`) closes a block this fence opened: the same
    /// character, at least as many, and nothing after them.
    fn closed_by(self, other: Fence, line: &str) -> bool {
        other.mark == self.mark
            && other.len >= self.len
            && line.trim().bytes().all(|b| b == self.mark)
    }
}

/// The byte offset where the line holding `offset` starts.
fn line_start_of(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Lines Markdown would read as text although they were meant as structure: `##Solution: ...`
/// or `###Firefox` (no space after the `#`s, so no heading: the section silently merges into
/// the one before) and a `+++` line (a second article's front matter pasted in). Lines in
/// fenced code blocks are left alone.
pub fn line_mistakes(body: &str) -> Vec<Mistake> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut fenced: Option<Fence> = None;
    // Inside a pasted front matter: its closing `+++` is not reported again.
    let mut pasted = false;
    for raw in body.split_inclusive('\n') {
        let here = offset;
        offset += raw.len();
        let line = raw.trim_end();
        let text = line.trim_start_matches(' ');
        match (fenced, Fence::of(line)) {
            (None, Some(opened)) => {
                fenced = Some(opened);
                continue;
            }
            (Some(open), Some(closing)) if open.closed_by(closing, line) => {
                fenced = None;
                continue;
            }
            (Some(_), _) => continue,
            (None, None) => {}
        }
        // Up to three spaces of indent still make a heading in Markdown.
        if line.len() - text.len() > 3 {
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
/// is left alone (`#1 tip` and hashtags are ordinary text), and so is a number (`##42`).
fn heading_without_space(text: &str) -> Option<String> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if !(2..=6).contains(&hashes) {
        return None;
    }
    let after = &text[hashes..];
    let words = after.trim_start_matches(['\u{a0}', '\u{202f}']);
    let glued = words.len() < after.len() || !after.starts_with([' ', '\t']);
    let first = words.chars().next()?;
    (glued && first.is_alphabetic()).then(|| format!("{} {}", &text[..hashes], words))
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

    /// A `<!--` in code is code: shown as written, and no comment to close (a review found a
    /// code span's `<!--` hiding the sections after it up to a `-->` in a fenced block).
    #[test]
    fn code_keeps_its_comment_markers() {
        let body = "HTML mail starts with `<!--` and must be closed.\n\n## Solution: Fix the footer\n\
                    1. Replace the footer with:\n\n```html\n<!-- footer -->\n<p>Thanks</p>\n```\n";
        let (hidden, unclosed) = hide_comments(body);
        assert_eq!(unclosed, None);
        assert_eq!(hidden, body);
        // ~~~ inside a ``` block does not end it.
        let body = "```\n~~~\n<!-- kept -->\n```\nafter <!-- gone -->\n";
        let (hidden, _) = hide_comments(body);
        assert!(
            hidden.contains("<!-- kept -->") && !hidden.contains("gone"),
            "{hidden}"
        );
        // A span of two backticks closes only on two.
        let (hidden, _) = hide_comments("``a ` <!-- b``, then <!-- c -->");
        assert!(
            hidden.contains("<!-- b") && !hidden.contains(" c "),
            "{hidden}"
        );
    }

    /// Code spans are found as the simple reading finds them (the next run of the same length
    /// on the line closes), on lines of every mix of runs; a line of ever longer runs that
    /// never close (a review's 1 MB of them took seconds) is read once.
    #[test]
    fn code_spans_close_on_the_next_run_of_their_length() {
        fn simple(line: &str) -> String {
            let b = line.as_bytes();
            let mut out = String::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'`' {
                    let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                    let mut j = i + run;
                    let mut close = None;
                    while j < b.len() {
                        let r = b[j..].iter().take_while(|&&c| c == b'`').count();
                        if r == run {
                            close = Some(j);
                            break;
                        }
                        j += r.max(1);
                    }
                    match close {
                        Some(j) => {
                            out.push_str(&line[i..j + run]);
                            i = j + run;
                        }
                        None => {
                            out.push_str(&line[i..i + run]);
                            i += run;
                        }
                    }
                } else if line[i..].starts_with("<!--") {
                    match line[i + 4..].find("-->") {
                        Some(c) => {
                            out.push_str(&" ".repeat(c + 7));
                            i += c + 7;
                        }
                        None => return out + "    " + &line[i + 4..],
                    }
                } else {
                    out.push(char::from(b[i]));
                    i += 1;
                }
            }
            out
        }
        let pieces = ["`", "``", "```x", "a", "<!-- c -->", " <!--", "-->", "`b`"];
        let mut seed = 7u64;
        for _ in 0..2_000 {
            let mut line = String::from("x ");
            for _ in 0..12 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            assert_eq!(hide_comments(&line).0, simple(&line), "{line:?}");
            // The same line after a first one: runs are per line.
            let two = format!("``a\n{line}");
            assert_eq!(hide_comments(&two).0, format!("``a\n{}", simple(&line)));
        }
        let mut long = String::from("a ");
        for run in 1..600 {
            long.push_str(&"`".repeat(run));
            long.push('x');
        }
        long.push_str(" <!-- gone -->");
        let (hidden, unclosed) = hide_comments(&long);
        assert_eq!(unclosed, None);
        assert!(!hidden.contains("gone") && hidden.len() == long.len());
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
                    ```\n##not a heading in code\n+++\n~~~\n##still code\n```\n### Chrome\n1. Go.\n\
                    ##42 is an invoice number you may see.\n## FAQ\n";
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
