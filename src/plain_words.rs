//! The words of a text, lowercased: one tokenisation for the many small scans that ask "does it
//! say X?" (a word is a run of letters or digits; everything else separates words), and the
//! part of a long message that is read at all ([`reading`]), and its clauses ([`clauses`]).

use std::borrow::Cow;

/// How many bytes from the start of a long message are read.
pub const READ_HEAD: usize = 2_000;
/// How many bytes from the end of a long message are read (a pasted log often ends with the error).
pub const READ_TAIL: usize = 1_000;
/// What stands for the part of a long message that was left out.
pub const LEFT_OUT: &str = "\n[…]\n";

/// The part of `text` that the matcher and the reply reader look at: all of it up to about 3 KB
/// (more than a Discord message without Nitro may hold), otherwise its first [`READ_HEAD`] and last [`READ_TAIL`]
/// bytes, cut between words, joined by [`LEFT_OUT`]. Reading a message costs time in proportion
/// to its length times the phrases looked for, so a 100 KB paste read whole would hold the user
/// (and, on Discord, their turn) for seconds. Reading a reading changes nothing.
pub fn reading(text: &str) -> Cow<'_, str> {
    if text.len() <= READ_HEAD + LEFT_OUT.len() + READ_TAIL {
        return Cow::Borrowed(text);
    }
    let head = text.floor_char_boundary(READ_HEAD);
    // Back to the last space, unless that loses more than half the head (one long word).
    let head = text[..head]
        .rfind(char::is_whitespace)
        .filter(|&i| i > READ_HEAD / 2)
        .unwrap_or(head);
    let tail = text.ceil_char_boundary(text.len() - READ_TAIL);
    // On to the next space, unless that loses more than half the tail.
    let tail = text[tail..]
        .find(char::is_whitespace)
        .map(|i| tail + i)
        .filter(|&i| i < text.len() - READ_TAIL / 2)
        .unwrap_or(tail);
    Cow::Owned(format!(
        "{}{LEFT_OUT}{}",
        text[..head].trim_end(),
        text[tail..].trim_start()
    ))
}

/// Whether [`reading`] leaves part of `text` out.
pub fn read_in_part(text: &str) -> bool {
    matches!(reading(text), Cow::Owned(_))
}

/// The words of `text`, lowercased, in order.
pub fn lowercase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` has any of `wanted` (written lowercase) as a whole word.
pub fn has_any_word(text: &str, wanted: &[&str]) -> bool {
    lowercase_words(text)
        .iter()
        .any(|w| wanted.contains(&w.as_str()))
}

/// Whether `text` has any of `wanted` (lowercase words joined by single spaces, no
/// apostrophes: "didnt need") as whole words in a row.
pub fn has_any_phrase(text: &str, wanted: &[&str]) -> bool {
    let padded = format!(
        " {} ",
        lowercase_words(&text.replace(['\'', '’'], "")).join(" ")
    );
    wanted.iter().any(|p| padded.contains(&format!(" {p} ")))
}

/// The first word of `text`, lowercased.
pub fn first_word(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// What ends a clause: the ends of sentences, commas, semicolons and line breaks.
const CLAUSE_ENDS: &[char] = &['.', '!', '?', '？', ';', ',', '\n'];

/// The clauses of `text`, trimmed, none empty, in order: its parts between sentence ends,
/// commas, semicolons and line breaks, each split again wherever one of `joins` (lowercase
/// words such as "and", "but", "then", matched as whole words in any case) joins two
/// ("cleared the cache and it works, thanks" with `&["and"]`: "cleared the cache", "it
/// works", "thanks"). One splitter for every scan that reads a message a clause at a time.
pub fn clauses<'a>(text: &'a str, joins: &[&str]) -> Vec<&'a str> {
    let joins: Vec<String> = joins.iter().map(|j| format!(" {j} ")).collect();
    let mut found = Vec::new();
    for piece in text.split(CLAUSE_ENDS) {
        // (ASCII lowercasing keeps every byte where it was, so its indices cut `piece`.)
        let lower = piece.to_ascii_lowercase();
        let mut start = 0;
        while let Some((at, len)) = joins
            .iter()
            .filter_map(|j| {
                lower[start..]
                    .find(j.as_str())
                    .map(|at| (start + at, j.len()))
            })
            .min()
        {
            found.push(&piece[start..at]);
            // (Past the join but not its closing space: "a and and b" finds the second too.)
            start = at + len - 1;
        }
        found.push(&piece[start..]);
    }
    found
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_or_digits_lowercased() {
        assert_eq!(
            lowercase_words("Error 502 — Chrome's cache, İOS!"),
            ["error", "502", "chrome", "s", "cache", "i̇os"]
        );
        assert!(lowercase_words(" ,.!? ").is_empty());
    }

    #[test]
    fn a_word_is_found_whole_and_in_any_case() {
        assert!(has_any_word("It's BACK again", &["back"]));
        assert!(!has_any_word("the backup failed", &["back"]));
        assert!(!has_any_word("", &["back"]));
    }

    #[test]
    fn a_long_message_is_read_by_its_head_and_tail_between_words() {
        let short = "blank page in chrome";
        assert!(matches!(reading(short), Cow::Borrowed(_)));
        let long = format!(
            "payroll wont update {} still says error PS038",
            "log line here ".repeat(10_000)
        );
        let read = reading(&long);
        assert!(
            read.len() <= READ_HEAD + LEFT_OUT.len() + READ_TAIL,
            "{}",
            read.len()
        );
        assert!(
            read.starts_with("payroll wont update log line"),
            "{read:.80}"
        );
        assert!(read.ends_with("still says error PS038"));
        assert!(read.contains(LEFT_OUT));
        // Cut between words: every word on either side is whole.
        for word in read.split_whitespace().filter(|w| *w != "[…]") {
            assert!(
                [
                    "payroll", "wont", "update", "log", "line", "here", "still", "says", "error",
                    "PS038"
                ]
                .contains(&word),
                "{word}"
            );
        }
        assert_eq!(reading(&read), read, "a reading is read as it is");
        assert!(read_in_part(&long) && !read_in_part(short));
    }

    #[test]
    fn a_long_message_with_no_spaces_or_wide_characters_is_cut_on_character_boundaries() {
        for unit in ["x", "é", "🙃", "a\u{301}"] {
            let long = unit.repeat(60_000);
            let read = reading(&long);
            assert!(read.len() <= READ_HEAD + LEFT_OUT.len() + READ_TAIL);
            assert!(read.contains(LEFT_OUT));
        }
    }

    #[test]
    fn the_first_word_skips_leading_marks() {
        assert_eq!(first_word("  ...But it failed").as_deref(), Some("but"));
        assert_eq!(first_word("?!"), None);
    }

    #[test]
    fn clauses_split_at_sentence_ends_commas_and_line_breaks() {
        assert_eq!(
            clauses("Cleared cache. Still 502, tried firefox;\nno luck?!", &[]),
            ["Cleared cache", "Still 502", "tried firefox", "no luck"]
        );
        assert!(clauses(" , . \n ", &[]).is_empty());
    }

    #[test]
    fn clauses_split_at_joining_words_in_any_case_and_only_whole() {
        assert_eq!(
            clauses("cleared it AND it works but slow, thanks", &["and", "but"]),
            ["cleared it", "it works", "slow", "thanks"]
        );
        assert_eq!(
            clauses("a and and b", &["and"]),
            ["a", "b"],
            "a join right after a join leaves nothing between"
        );
        assert_eq!(
            clauses("the brand android app", &["and"]),
            ["the brand android app"],
            "a join inside a word is no join"
        );
        assert_eq!(
            clauses("reload then restart and done", &["and", "then"]),
            ["reload", "restart", "done"]
        );
    }

    #[test]
    fn clauses_keep_text_outside_ascii_intact() {
        assert_eq!(
            clauses("İOS Safari and Straße, ok", &["and"]),
            ["İOS Safari", "Straße", "ok"]
        );
    }
}
