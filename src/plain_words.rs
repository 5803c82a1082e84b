//! The words of a text, lowercased: one tokenisation for the many small scans that ask "does it
//! say X?" (a word is a run of letters or digits; everything else separates words).

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

/// The first word of `text`, lowercased.
pub fn first_word(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
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
    fn the_first_word_skips_leading_marks() {
        assert_eq!(first_word("  ...But it failed").as_deref(), Some("but"));
        assert_eq!(first_word("?!"), None);
    }
}
