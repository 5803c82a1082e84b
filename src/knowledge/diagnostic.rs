//! A problem found in a knowledge file: where (file and line), what, and how to fix it.

use serde::Serialize;
use std::fmt;

/// One validation problem, shown to admins by `kb check` and on hot reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the admin knows it (path relative to the knowledge directory when possible).
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file or several files.
    pub line: usize,
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)?;
        } else {
            write!(f, "{}: {}", self.file, self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Several problems found in one pass; displayed one per paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// A TOML line whose quotes TOML cannot read, in plain words with the fix: curly quotes
/// (`title = “Can’t Print”`, as a word processor or a phone keyboard types them), or an
/// apostrophe inside single quotes (`title = 'Can't Print'`). `None` for other lines.
pub fn quote_mistake(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if value.starts_with(['“', '”', '„', '‘', '’']) || value.contains(['“', '”', '„'])
    {
        return Some((
            format!("`{key}`: curly quotes “ ” are not quotes to TOML"),
            "type straight quotes around the text: `key = \"...\"` (a curly apostrophe ’ inside the text is fine)".into(),
        ));
    }
    // `'Can't print'`, `['it won't load']`: text in single quotes with a word's apostrophe.
    let single_quoted = value.trim_start_matches(['[', ' ']).starts_with('\'');
    let chars: Vec<char> = value.chars().collect();
    let in_a_word = chars
        .windows(3)
        .any(|w| w[1] == '\'' && w[0].is_alphabetic() && w[2].is_alphabetic());
    if single_quoted && in_a_word {
        return Some((
            format!("`{key}`: an apostrophe ends text in single quotes"),
            "put text with an apostrophe in double quotes: `key = \"Can't print\"`".into(),
        ));
    }
    None
}

/// The word of `allowed` closest to a mistyped one (`symtoms` -> `symptoms`), when it is close
/// enough to be a typo; for "did you mean" hints.
pub fn nearest<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|&k| (k, strsim::damerau_levenshtein(typed, k)))
        .filter(|(k, d)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

/// Orders problems by file (the order in which files first appear) and, within a file, by
/// line, so a report reads top to bottom. Stable: problems on one line keep their order.
pub fn sort_by_place(problems: &mut Vec<Diagnostic>) {
    let mut files: Vec<String> = Vec::new();
    let mut keyed: Vec<(usize, Diagnostic)> = problems
        .drain(..)
        .map(|p| {
            let rank = files.iter().position(|f| *f == p.file).unwrap_or_else(|| {
                files.push(p.file.clone());
                files.len() - 1
            });
            (rank, p)
        })
        .collect();
    keyed.sort_by_key(|(rank, p)| (*rank, p.line));
    problems.extend(keyed.into_iter().map(|(_, p)| p));
}

/// The start of every line of a text, for many line lookups in one file: each is a binary
/// search, where [`line_of`] counts from the start every time (quadratic over an article with
/// thousands of headings).
pub struct LineIndex {
    /// Byte offset just after each `\n`.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The 1-based line of byte `offset`, as [`line_of`] gives it.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&start| start <= offset) + 1
    }
}

/// 1-based line of a byte offset in `text` (for one lookup; many use [`LineIndex`]).
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod line_tests {
    use super::*;

    #[test]
    fn quotes_toml_cannot_read_are_told_in_plain_words() {
        let (said, hint) = quote_mistake("title = “Can’t Print Invoices”").expect("curly");
        assert!(said.contains("`title`") && said.contains("curly"), "{said}");
        assert!(hint.contains("straight quotes"), "{hint}");
        let (said, _) = quote_mistake("title = 'Can't Print'").expect("apostrophe");
        assert!(said.contains("apostrophe"), "{said}");
        assert!(quote_mistake("symptoms = ['it won't load', 'blank']").is_some());
        assert_eq!(quote_mistake("symptoms = ['blank page', 'spins']"), None);
        assert!(quote_mistake("symptoms = [“blank page”, \"x\"]").is_some());
        for fine in [
            "title = \"Can’t Print\"",
            "title = 'Cannot print'",
            "symptoms = [\"it's blank\"]",
            "no key here",
        ] {
            assert_eq!(quote_mistake(fine), None, "{fine}");
        }
    }

    #[test]
    fn the_index_agrees_with_counting() {
        let text = "a\nbb\n\nccc\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line(offset), line_of(text, offset), "offset {offset}");
        }
    }
}
