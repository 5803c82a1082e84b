//! A reply made comparable: quotes, mentions and links dropped, lowercased, apostrophes gone
//! ("didn't" = "didnt"), emoji and emoticons turned into words the cues can name.

/// A sentence break, as a word.
pub const BREAK: &str = "|";
/// The prefix of a negated word (see [`Normalised::negation_marked`]).
pub const NEG: &str = "neg_";

/// Emoji and emoticons that say "sad / broken", as one word.
pub const SAD: &str = "sademoji";
/// Emoji and emoticons that say "happy / done", as one word.
pub const HAPPY: &str = "happyemoji";

const SAD_MARKS: [&str; 14] = [
    "👎", "❌", "😞", "😢", "😭", "☹", "🙁", "😕", "😩", "😫", "😡", ":-(", ":(", ":'(",
];
const HAPPY_MARKS: [&str; 21] = [
    "👍",
    "👌",
    "✅",
    "✔",
    "√",
    "🎉",
    "🥳",
    "🙌",
    "😀",
    "😃",
    "😄",
    "😁",
    "😊",
    "🙂",
    "❤",
    "💯",
    "👏",
    ":-)",
    ":)",
    ";)",
    ":partying_face:",
];

/// One reply, normalised for cue matching.
#[derive(Debug, Clone)]
pub struct Normalised {
    /// The reply without quoted lines, mentions and links (for browser detection).
    pub plain: String,
    /// Lowercase words joined by single spaces, with a space at each end, so a cue phrase
    /// `" still broken "` matches whole words only.
    padded: String,
    words: usize,
    question: bool,
}

impl Normalised {
    pub fn new(reply: &str) -> Self {
        let kept: Vec<&str> = reply
            .lines()
            .filter(|l| !l.trim_start().starts_with('>'))
            .collect();
        let plain: String = kept
            .join("\n")
            .split_whitespace()
            .filter(|w| !w.starts_with('@') && !w.contains("://"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut lower = plain.to_lowercase().replace(['’', '‘', '`'], "'");
        for mark in SAD_MARKS {
            lower = lower.replace(mark, &format!(" {SAD} "));
        }
        for mark in HAPPY_MARKS {
            lower = lower.replace(mark, &format!(" {HAPPY} "));
        }
        let question = lower.contains('?') || lower.contains('？');
        // Sentence punctuation becomes a `|` word, so a phrase or a negation never reaches
        // across it ("no, fixed" is not "no fixed").
        let lower = lower.replace('\'', "");
        let mut words: Vec<&str> = Vec::new();
        let mut start = None;
        for (i, c) in lower.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                words.push(&lower[s..i]);
            }
            if matches!(
                c,
                '.' | '!' | '?' | ';' | ',' | ':' | '\n' | '(' | ')' | '…'
            ) && words.last().is_some_and(|w| *w != BREAK)
            {
                words.push(BREAK);
            }
        }
        if let Some(s) = start {
            words.push(&lower[s..]);
        }
        while words.last() == Some(&BREAK) {
            words.pop();
        }
        // Chat spellings of the answer words ("noo", "nop", "fixd", "wrks now", "sitll blank":
        // an explorer's impatient owner, asked again for each).
        for word in &mut words {
            if let Some(respelled) = respelled(word) {
                *word = respelled;
            }
        }
        // A lone "y" or "n" is chat shorthand for yes or no; inside a longer reply a single
        // letter may be anything ("plan b", "the y axis").
        if let [only @ ("y" | "n")] = words.as_mut_slice() {
            *only = if *only == "y" { "yes" } else { "no" };
        }
        // A short answer in the user's own language ("nein", "sí", "oui merci") is the yes or
        // no it says; in a longer reply such a word may be something else ("si" is also "if").
        if words.iter().filter(|w| **w != BREAK).count() <= 3 {
            for word in &mut words {
                if let Some(english) = yes_or_no_in_english(word) {
                    *word = english;
                }
            }
        }
        Normalised::from_words(plain, &words, question)
    }

    fn from_words(plain: String, words: &[&str], question: bool) -> Normalised {
        Normalised {
            plain,
            padded: format!(" {} ", words.join(" ")),
            words: words.iter().filter(|w| **w != BREAK).count(),
            question,
        }
    }

    /// The same reply with every word within `scope` words after one of `negators` (and in the
    /// same sentence) prefixed `NEG_` ("didnt seem to work" -> "didnt NEG_seem NEG_to NEG_work").
    pub fn negation_marked(&self, negators: &[&str], scope: usize) -> Normalised {
        let mut left = 0;
        let marked: Vec<String> = self
            .padded
            .split_whitespace()
            .map(|w| {
                let out = if left > 0 && w != BREAK {
                    left -= 1;
                    format!("{NEG}{w}")
                } else {
                    w.to_string()
                };
                if w == BREAK {
                    left = 0;
                } else if negators.contains(&w) {
                    left = scope;
                }
                out
            })
            .collect();
        let words: Vec<&str> = marked.iter().map(String::as_str).collect();
        Normalised::from_words(self.plain.clone(), &words, self.question)
    }

    /// The words of the reply (sentence breaks as `|`).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.padded.split_whitespace()
    }

    /// Whether the reply has a whole-word occurrence of `phrase` (lowercase, no apostrophes).
    pub fn has(&self, phrase: &str) -> bool {
        self.padded.contains(&format!(" {phrase} "))
    }

    /// Whether any of `phrases` occurs.
    pub fn any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.has(p))
    }

    /// Whether the reply starts with `phrase`.
    pub fn starts(&self, phrase: &str) -> bool {
        self.padded.starts_with(&format!(" {phrase} "))
    }

    /// Where `phrase` first occurs, in bytes of the normalised text.
    pub fn find(&self, phrase: &str) -> Option<usize> {
        self.padded.find(&format!(" {phrase} "))
    }

    /// The same reply with each of `phrases` blanked out.
    pub fn without(&self, phrases: &[&str]) -> Normalised {
        let mut padded = self.padded.clone();
        for p in phrases {
            padded = padded.replace(&format!(" {p} "), "  ");
        }
        Normalised::from_padded(&padded)
    }

    /// The same reply with each clause opened by one of `openers` blanked out up to the end of
    /// its sentence or the next "and", "but" or "so" ("ill try it to see if the crash still occurs" -> "ill try it to").
    pub fn without_clause_after(&self, openers: &[&str]) -> Normalised {
        let mut padded = self.padded.clone();
        for opener in openers {
            let needle = format!(" {opener} ");
            while let Some(at) = padded.find(&needle) {
                // To the end of the sentence, or of the clause ("to check whether it helps
                // and it works now": the "and" starts what is told).
                let rest = &padded[at + 1..];
                let end = [
                    format!(" {BREAK} "),
                    " and ".into(),
                    " but ".into(),
                    " so ".into(),
                ]
                .iter()
                .filter_map(|stop| rest[opener.len()..].find(stop.as_str()))
                .min()
                .map_or(padded.len(), |b| at + 1 + opener.len() + b);
                padded.replace_range(at..end, " ");
            }
        }
        Normalised::from_padded(&padded)
    }

    /// The same reply with its words replaced by `padded` (some left out), its plain text and
    /// whether it asks kept.
    pub fn with_words(&self, padded: &str) -> Normalised {
        let words: Vec<&str> = padded.split_whitespace().collect();
        Normalised::from_words(self.plain.clone(), &words, self.question)
    }

    /// A part of a normalised reply (from [`Normalised::padded`]), as a reply of its own.
    pub fn from_padded(padded: &str) -> Normalised {
        let words: Vec<&str> = padded.split_whitespace().collect();
        Normalised::from_words(words.join(" "), &words, false)
    }

    /// The normalised words with a space at each end.
    pub fn padded(&self) -> &str {
        &self.padded
    }

    pub fn word_count(&self) -> usize {
        self.words
    }

    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    pub fn is_question(&self) -> bool {
        self.question
    }

    /// The reply's sentences, each normalised on its own (a question keeps its "?"), split
    /// after `.`, `!` and `?`.
    pub fn sentences(&self) -> Vec<Normalised> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in self.plain.char_indices() {
            if matches!(c, '.' | '!' | '?' | '？') {
                let end = i + c.len_utf8();
                out.push(Normalised::new(&self.plain[start..end]));
                start = end;
            }
        }
        out.push(Normalised::new(&self.plain[start..]));
        out.retain(|s| !s.is_empty());
        out
    }
}

/// The byte spans of the words of `text` as written (letters, digits and apostrophes), for
/// cutting the original text where a word is found.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphanumeric() || c == '\'' {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            spans.push((s, i));
        }
    }
    spans
}

/// "yes" or "no" for the word that says it in another language a user may answer in.
/// The answer word a chat spelling stands for: "noooo" is "no", "fixd" is "fixed". Only
/// spellings no English word has.
fn respelled(word: &str) -> Option<&'static str> {
    // "noo", "nooooo" (not "no" itself, nor "noon").
    if word.len() >= 3 && word.starts_with("no") && word[2..].bytes().all(|b| b == b'o') {
        return Some("no");
    }
    Some(match word {
        "nop" | "nopp" | "nopee" | "noope" | "nooope" => "nope",
        "fixd" | "fxied" | "fiexd" | "fixxed" | "fxd" => "fixed",
        "wrks" | "wroks" | "wokrs" => "works",
        "wrked" | "wroked" | "wokred" => "worked",
        "wokring" | "wroking" | "wrking" | "workin" | "wokin" => "working",
        "sitll" | "stil" | "stll" | "stiil" => "still",
        "borken" | "brokn" => "broken",
        _ => return None,
    })
}

fn yes_or_no_in_english(word: &str) -> Option<&'static str> {
    match word {
        "si" | "sí" | "oui" | "ja" | "sim" => Some("yes"),
        "non" | "nein" | "nao" | "não" | "nee" => Some("no"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_mentions_links_apostrophes_and_emoji_are_normalised() {
        let n = Normalised::new("> fixed?\n@sam It didn’t work :( see https://x.y/z 👍");
        assert_eq!(
            n.padded(),
            format!(" it didnt work {SAD} see {HAPPY} ").as_str()
        );
        assert_eq!(
            Normalised::new("No, it didn't work. Fixed?").padded(),
            " no | it didnt work | fixed "
        );
        assert_eq!(
            Normalised::new("no it didnt seem to work, ok")
                .negation_marked(&["no", "didnt"], 3)
                .padded(),
            " no neg_it neg_didnt neg_seem neg_to neg_work | ok "
        );
        assert!(!n.is_question());
        assert!(n.has("didnt work"));
        assert!(!n.has("didn"));
        assert!(Normalised::new("is it down?").is_question());
        assert_eq!(word_spans("ok, didn't help"), [(0, 2), (4, 10), (11, 15)]);
        let parts = Normalised::new("It worked! Can you also show me how to export?").sentences();
        assert_eq!(parts.len(), 2);
        assert!(!parts[0].is_question() && parts[1].is_question());
    }
}
