//! Error codes written apart or short ("PS 077", "ps-077", "ps77") read as the code the
//! articles list ("PS077"): only codes with letters before their digits, and only into a code
//! some article lists; written apart, only with all its digits ("ps 38 employees" and "ps 12
//! employees" stay as they are). A letter o for a zero inside a code ("1o3", "ps o38") and a
//! code said in three spoken digits ("one oh three") read as the listed code too (explorer
//! rv47 F16): the o only beside digits, the spoken digits only as a run of exactly three.

use super::FastSet;
use std::borrow::Cow;
use std::ops::Range;

/// The codes of letters then digits that the articles list ("ps077", "h202"), lowercase, and
/// their codes of three or more digits alone ("103", "503").
#[derive(Debug, Default, Clone)]
pub struct LetterCodes {
    listed: FastSet<String>,
    numbers: FastSet<String>,
}

/// The digit a spoken word says ("oh" and "o" for zero, as in "five oh three").
fn spoken_digit(word: &str) -> Option<char> {
    Some(match word.to_ascii_lowercase().as_str() {
        "zero" | "oh" | "o" => '0',
        "one" => '1',
        "two" => '2',
        "three" => '3',
        "four" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        _ => return None,
    })
}

/// "1o3" -> "103", "o38" -> "038": a word of digits with the letter o for a zero among them
/// (at least one real digit, at least one o); `None` for any other word ("o2" stays unless
/// its digits are listed: the caller checks).
fn o_for_zero(word: &str) -> Option<String> {
    let has_o = word.chars().any(|c| c == 'o' || c == 'O');
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let only_digits_and_o = word
        .chars()
        .all(|c| c.is_ascii_digit() || c == 'o' || c == 'O');
    (has_o && has_digit && only_digits_and_o).then(|| word.replace(['o', 'O'], "0"))
}

/// "ps077" -> ("ps", "077"): a code's letters and its digits, when it is letters then digits.
fn letters_then_digits(word: &str) -> Option<(&str, &str)> {
    let digits_at = word.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = word.split_at(digits_at);
    (!letters.is_empty()
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && digits.chars().all(|c| c.is_ascii_digit()))
    .then_some((letters, digits))
}

/// Whether the text between two words only spaces them ("PS 077", "PS-077").
fn only_spaces_them(between: &str) -> bool {
    !between.is_empty() && between.len() <= 3 && between.chars().all(|c| c == ' ' || c == '-')
}

impl LetterCodes {
    /// The letter codes among `codes` (an article's `codes`, as written: "Error PS077").
    pub fn new<'a>(codes: impl IntoIterator<Item = &'a str>) -> LetterCodes {
        let words: Vec<String> = codes
            .into_iter()
            .flat_map(crate::plain_words::lowercase_words)
            .collect();
        let listed = words
            .iter()
            .filter(|w| letters_then_digits(w).is_some())
            .cloned()
            .collect();
        // (Three digits or more: a short number such as "-82" of "-6000, -82" is no code a
        // stray "8o" or "eight two" should become.)
        let numbers = words
            .into_iter()
            .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        LetterCodes { listed, numbers }
    }

    /// The listed code that `letters` and `digits` stand for: as they are ("ps" "077"), or
    /// with the digits padded with zeros to a listed code's ("ps" "77" -> "ps077").
    fn listed_as(&self, letters: &str, digits: &str) -> Option<String> {
        let letters = letters.to_ascii_lowercase();
        (0..=3)
            .map(|zeros| format!("{letters}{}{digits}", "0".repeat(zeros)))
            .find(|code| self.listed.contains(code))
    }

    /// `text` with each listed code written apart or short written as the code ("qb payroll
    /// says PS 077" -> "qb payroll says PS077", "ps77" -> "ps077"); borrowed when there is none.
    pub fn spelt_as_listed<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.listed.is_empty() && self.numbers.is_empty() {
            return Cow::Borrowed(text);
        }
        let words = ascii_words(text);
        let apart = |a: usize, b: usize| only_spaces_them(&text[words[a].end..words[b].start]);
        let mut changes: Vec<(Range<usize>, String)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let word = &text[words[i].clone()];
            // "1o3": a listed number with a letter o for a zero.
            if let Some(digits) = o_for_zero(word) {
                // "ps o38": the letters of a listed code, then its digits with an o.
                let code = (i > 0 && apart(i - 1, i))
                    .then(|| {
                        format!(
                            "{}{digits}",
                            text[words[i - 1].clone()].to_ascii_lowercase()
                        )
                    })
                    .filter(|code| self.listed.contains(code));
                if let Some(code) = code {
                    changes.push((words[i - 1].start..words[i].end, code));
                } else if self.numbers.contains(&digits) {
                    changes.push((words[i].clone(), digits));
                }
                i += 1;
                continue;
            }
            // "one oh three", "five-oh-three": a listed number said in exactly three digits
            // ("one of the three", "oh no", "one or two", "five employees" are no run of three).
            let run = words[i..]
                .iter()
                .enumerate()
                .take_while(|&(k, w)| {
                    spoken_digit(&text[w.clone()]).is_some() && (k == 0 || apart(i + k - 1, i + k))
                })
                .count();
            if run > 0 {
                let starts_a_run = i == 0
                    || !apart(i - 1, i)
                    || spoken_digit(&text[words[i - 1].clone()]).is_none();
                let digits: String = words[i..i + run]
                    .iter()
                    .filter_map(|w| spoken_digit(&text[w.clone()]))
                    .collect();
                if starts_a_run && run == 3 && self.numbers.contains(&digits) {
                    changes.push((words[i].start..words[i + run - 1].end, digits));
                }
                i += run;
                continue;
            }
            if let Some((letters, digits)) = letters_then_digits(word) {
                // "ps77": short of the listed "ps077"; "PS077" itself is left as written.
                if !self.listed.contains(&word.to_ascii_lowercase())
                    && let Some(code) = self.listed_as(letters, digits)
                {
                    changes.push((words[i].clone(), code));
                }
            } else if word.chars().all(|c| c.is_ascii_alphabetic())
                && let Some(next) = words.get(i + 1)
                && only_spaces_them(&text[words[i].end..next.start])
                && text[next.clone()].chars().all(|c| c.is_ascii_digit())
                // (Written apart, only with all its digits: "ps 38 employees" counts people.)
                && let code = format!("{}{}", word.to_ascii_lowercase(), &text[next.clone()])
                && self.listed.contains(&code)
            {
                changes.push((words[i].start..next.end, code));
                i += 1;
            }
            i += 1;
        }
        if changes.is_empty() {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut from = 0;
        for (range, code) in changes {
            out.push_str(&text[from..range.start]);
            out.push_str(&code.to_ascii_uppercase());
            from = range.end;
        }
        out.push_str(&text[from..]);
        Cow::Owned(out)
    }
}

/// Where the runs of ASCII letters and digits of `text` stand.
fn ascii_words(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push(s..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> LetterCodes {
        LetterCodes::new([
            "PS032",
            "PS038",
            "PS077",
            "Error PS107",
            "H202",
            "-6000, -82",
            "502",
            "503",
            "Error 103",
        ])
    }

    #[test]
    fn a_listed_code_written_apart_or_short_is_the_code() {
        let c = codes();
        assert_eq!(c.spelt_as_listed("PS 077"), "PS077");
        assert_eq!(
            c.spelt_as_listed("payroll says ps-077 again"),
            "payroll says PS077 again"
        );
        assert_eq!(c.spelt_as_listed("ps77"), "PS077");
        assert_eq!(
            c.spelt_as_listed("got ps 032, then h 202"),
            "got PS032, then H202"
        );
        assert_eq!(c.spelt_as_listed("Error PS 107."), "Error PS107.");
    }

    /// Explorer rv47 F16: a letter o for a zero in a code, and a code in spoken digits.
    #[test]
    fn a_code_with_an_o_or_in_spoken_digits_is_the_code() {
        let c = codes();
        assert_eq!(
            c.spelt_as_listed("bank feed error 1o3"),
            "bank feed error 103"
        );
        assert_eq!(c.spelt_as_listed("ps o38"), "PS038");
        assert_eq!(c.spelt_as_listed("PS-O38 again"), "PS038 again");
        assert_eq!(
            c.spelt_as_listed("getting one oh three on my bank"),
            "getting 103 on my bank"
        );
        assert_eq!(
            c.spelt_as_listed("five oh three error in quick books"),
            "503 error in quick books"
        );
        assert_eq!(c.spelt_as_listed("Five-Zero-Two"), "502");
    }

    /// Ordinary words are no code: no run of exactly three spoken digits, an o away from
    /// digits, or digits no article lists.
    #[test]
    fn ordinary_words_are_no_spoken_code() {
        let c = codes();
        for text in [
            "oh no",
            "one of the three",
            "i have one or two",
            "five employees",
            "oh one more thing",
            "one two three four",
            "nine five oh three",
            "five oh three four",
            "one one one",
            "so2 reading",
            "2o minutes",
            "o2 broadband",
            "cool 5o",
            "ps 1o",
        ] {
            assert!(
                matches!(c.spelt_as_listed(text), Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    /// Only into a code the articles list: other numbers after letters stay as they are.
    #[test]
    fn other_numbers_are_left_as_they_are() {
        let c = codes();
        for text in [
            "PS077 ugh",
            "ps 12 employees",
            // (Apart, a code needs all its digits: a count of people is no PS038.)
            "ps 38 employees didnt get paid today",
            "ps99",
            "windows 10",
            "chrome 120",
            "error 502 and 504",
            "we have 500 employees",
            "my ps 5 controller",
            "h 2 o",
            "desktop 2023",
        ] {
            assert!(
                matches!(c.spelt_as_listed(text), Cow::Borrowed(_)),
                "{text}"
            );
        }
        assert!(matches!(
            LetterCodes::default().spelt_as_listed("ps77"),
            Cow::Borrowed(_)
        ));
    }
}
