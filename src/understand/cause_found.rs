//! A cause the user found told beside a result ("didnt fix it but i found the issue, my
//! accountant changed the bank password"): the words of the cause, which point to a fix; no
//! deed of the user's to rule a fix out with.

use super::text::Normalised;

/// Words that say the cause was found, what follows them being the cause.
const FOUND: &[&str] = &[
    "i found the issue",
    "i found the problem",
    "i found the cause",
    "found the issue",
    "found the problem",
    "found the cause",
    "figured out the issue",
    "figured out the problem",
    "figured out why",
    "figured it out",
    "turns out",
    "turned out",
    // (Not "the issue is": "the issue is still there" tells the trouble.)
    "the issue was",
    "the problem was",
    "the cause was",
];

/// The words after a cause found ("my accountant changed the bank password lol"), when the
/// message says one was found and says at least two more words of it.
pub fn cause_found(message: &str) -> Option<String> {
    let text = Normalised::new(message);
    let found = FOUND.iter().find(|f| text.has(f))?;
    let padded = text.padded();
    let at = padded.find(&format!(" {found} "))? + found.len() + 2;
    let rest: Vec<&str> = padded
        .get(at..)?
        .split(' ')
        .filter(|w| !w.is_empty() && *w != super::text::BREAK)
        .collect();
    (rest.len() >= 2).then(|| rest.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by a user explorer (rv49 F3).
    #[test]
    fn the_cause_found_is_what_follows_its_words() {
        assert_eq!(
            cause_found(
                "didnt fix it but i found the issue, my accountant changed the bank password lol"
            )
            .as_deref(),
            Some("my accountant changed the bank password lol")
        );
        assert_eq!(
            cause_found("turns out the bank wanted a new security question").as_deref(),
            Some("the bank wanted a new security question")
        );
        for none in [
            "didnt fix it",
            "i found the setting",
            "the issue is still there",
        ] {
            assert_eq!(cause_found(none), None, "{none}");
        }
    }
}
