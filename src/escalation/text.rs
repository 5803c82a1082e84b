//! Making untrusted user text safe to show: Markdown escaping, mention defusing, control and
//! bidirectional characters, and cutting to a length on character boundaries.

/// Marker appended where text was cut.
pub const CUT_MARKER: &str = "… [truncated]";

/// Escapes user text for Markdown (Discord's dialect included) so it renders literally and can
/// never ping: `@everyone`, `@here`, `<@id>` and `<@&role>` are defused with a zero-width
/// space (and the `<` escaped). Any other `@` is left as typed, so an email address staff
/// copy stays whole. Control characters other than newline and tab, and bidi overrides, are
/// replaced with `�`.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut line_start = true;
    for (at, c) in text.char_indices() {
        let at_start = std::mem::replace(&mut line_start, c == '\n');
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '(' | ')' | '<' => {
                out.push('\\');
                out.push(c);
            }
            '>' | '#' | '-' | '+' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '@' if pings(&text[at + 1..]) || text[..at].ends_with('<') => out.push_str("@\u{200B}"),
            '\n' | '\t' => out.push(c),
            c if is_unsafe_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A note staff wrote for the user (a resolution or reopening note), as a Markdown block quote
/// on lines of its own: staff's own Markdown is kept, so it renders as the rest of the bot's
/// Markdown does (Discord shows it, the console renders it for a terminal), while mentions are
/// defused and control and bidi characters replaced as in [`escape_markdown`]. Every line of
/// the note is quoted, so a note on several lines stays one quote; blank lines inside stay.
pub fn quote_staff_note(note: &str) -> String {
    let note = note.trim();
    let mut safe = String::with_capacity(note.len() + 8);
    for (at, c) in note.char_indices() {
        match c {
            '@' if pings(&note[at + 1..]) || note[..at].ends_with('<') => {
                safe.push_str("@\u{200B}")
            }
            '\r' => {}
            '\n' | '\t' => safe.push(c),
            c if is_unsafe_char(c) => safe.push('\u{FFFD}'),
            c => safe.push(c),
        }
    }
    safe.lines()
        .map(|l| {
            let l = l.trim_end();
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether the text after an `@` makes it a mass mention (`@everyone`, `@here`, any case).
fn pings(after: &str) -> bool {
    ["everyone", "here"].iter().any(|name| {
        after
            .get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
    })
}

/// [`escape_markdown`] for text that must stay on one line (a name, an id, a channel): line
/// breaks and other runs of white space become one space, so a name cannot break the line of
/// a transcript or start a Markdown heading or list item of its own.
pub fn escape_one_line(text: &str) -> String {
    escape_markdown(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Control characters (except newline and tab) and bidirectional formatting characters, which
/// can hide or reorder text in a reader's view.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// Makes untrusted text safe to print on one line of a terminal: a line break or tab becomes
/// a space (a note typed on two lines still reads), every other control character (escape
/// sequences included) and bidi override becomes `�`, so nothing reaches the terminal as a
/// command and table rows stay one line each. For display only; stored data keeps the original.
pub fn for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() || is_unsafe_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Cuts `text` to at most `max` characters (not bytes), on a character boundary, appending
/// [`CUT_MARKER`] when anything was cut. The result including the marker fits in `max`.
pub fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let marker = CUT_MARKER.chars().count();
    if max <= marker {
        return text.chars().take(max).collect();
    }
    let keep = max - marker;
    // Don't leave a dangling escape backslash at the cut.
    let mut cut: String = text.chars().take(keep).collect();
    if cut.ends_with('\\') && !cut.ends_with("\\\\") {
        cut.pop();
    }
    cut.push_str(CUT_MARKER);
    cut
}

/// Quotes text as a Markdown block quote, escaped.
pub fn quote(text: &str) -> String {
    escape_markdown(text)
        .lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_cannot_break_its_line() {
        assert_eq!(escape_one_line("Ann\n# Evil\r\n- x"), "Ann # Evil - x");
        assert_eq!(escape_one_line("  Ann\tB  "), "Ann B");
        assert!(!escape_one_line("a\u{2028}b\u{85}c").contains(['\n', '\u{2028}', '\u{85}']));
    }

    #[test]
    fn mentions_and_markdown_are_defused() {
        let e = escape_markdown("@everyone <@123> **bold** ```fence``` | a | b |");
        assert!(!e.contains("@everyone"));
        assert!(!e.contains("<@123>"));
        assert!(e.contains("\\*\\*bold\\*\\*"));
        assert!(e.contains("\\`\\`\\`"));
        assert!(e.contains("\\|"));
        assert!(!escape_markdown("hey @Here look").contains("@Here"));
        // An email address is no mention: staff copy it whole.
        assert!(escape_markdown("mail jen@acmeplumbing.com").contains("jen@acmeplumbing.com"));
    }

    /// Staff's note keeps its Markdown (rendered where the user reads it), on quoted lines of
    /// its own, every line of it; mentions and control characters are defused all the same.
    #[test]
    fn a_staff_note_keeps_its_markdown_on_quoted_lines() {
        assert_eq!(
            quote_staff_note("**Fixed** on our side.\nPlease retry `payroll`.\n"),
            "> **Fixed** on our side.\n> Please retry `payroll`."
        );
        assert_eq!(quote_staff_note("a\r\n\r\nb"), "> a\n>\n> b");
        let q = quote_staff_note("@everyone <@123> \u{1b}[2J done");
        assert!(!q.contains("@everyone") && !q.contains("<@1"), "{q}");
        assert!(!q.contains('\u{1b}'), "{q}");
    }

    #[test]
    fn control_and_bidi_characters_are_replaced() {
        let e = escape_markdown("a\u{202E}b\u{0007}c\nd");
        assert_eq!(e, "a\u{FFFD}b\u{FFFD}c\nd");
    }

    #[test]
    fn terminal_text_is_one_line_without_escapes() {
        assert_eq!(
            for_terminal("Eve\u{1b}[2J\r\nX\tY\u{202E}z"),
            "Eve\u{FFFD}[2J  X Y\u{FFFD}z"
        );
        assert_eq!(for_terminal("Ann Lee"), "Ann Lee");
    }

    #[test]
    fn truncation_respects_characters_and_limit() {
        let s = "é".repeat(5000);
        let t = truncate_chars(&s, 1024);
        assert_eq!(t.chars().count(), 1024);
        assert!(t.ends_with(CUT_MARKER));
        assert_eq!(truncate_chars("short", 10), "short");
        let emoji = "👍".repeat(100);
        assert!(truncate_chars(&emoji, 50).chars().count() <= 50);
    }
}
