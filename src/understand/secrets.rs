//! Passwords users paste into a description ("my password is Hunter2!"): found and taken out
//! before anything is kept, so they never reach a session, a ticket or a staff notification.
//! Pure.

/// What stands in for a password that was taken out.
pub const REMOVED: &str = "[password removed]";

/// Words that name a secret.
const SECRET_WORDS: &[&str] = &["password", "passwd", "pwd", "pw", "passcode", "passphrase"];

/// Words between the secret's name and the secret itself ("password **is** x", "pw: x").
const LINKS: &[&str] = &["is", "was", "=", ":", "would", "be", "of", "-"];

/// `text` with each password it gives replaced by [`REMOVED`], and whether any was. Only a
/// password that is given counts ("password is x", "pw: x", "password=x"); a password that is
/// only talked about ("i forgot my password", "password reset fails") is left alone.
pub fn redact(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut rest = text;
    // Walk word by word, keeping the spacing as written.
    let mut awaiting_secret = false;
    let mut linked = false;
    while !rest.is_empty() {
        let space_end = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..space_end]);
        rest = &rest[space_end..];
        if rest.is_empty() {
            break;
        }
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        rest = &rest[word_end..];
        // "password:" and "password=hunter2" carry their link in the same word.
        let bare = word.to_lowercase();
        // Split in the word as written: lower-casing can change byte lengths ("İ").
        let (name, tail) = split_name(word);
        if let Some(tail) = tail.filter(|_| SECRET_WORDS.contains(&name.to_lowercase().as_str())) {
            let at = word.len() - tail.len();
            let secret = tail.trim_start_matches([':', '=']);
            let punctuation = secret.len() - secret.trim_end_matches([',', '.', ';', ')']).len();
            if secret.len() == punctuation {
                // "password:" then the secret as the next word.
                out.push_str(word);
                awaiting_secret = true;
                linked = true;
            } else {
                out.push_str(&word[..at + (tail.len() - secret.len())]);
                out.push_str(REMOVED);
                out.push_str(&word[word.len() - punctuation..]);
                removed = true;
                awaiting_secret = false;
            }
            continue;
        }
        if awaiting_secret {
            if !linked && LINKS.contains(&bare.trim_matches(|c: char| c == ',')) {
                out.push_str(word);
                linked = true;
                continue;
            }
            if linked && LINKS.contains(&bare.as_str()) {
                out.push_str(word);
                continue;
            }
            awaiting_secret = false;
            // The secret; a full stop or comma after it is the sentence's, kept.
            let secret_len = word.trim_end_matches([',', '.', ';', ')']).len();
            if linked && looks_like_a_secret(&word[..secret_len]) {
                out.push_str(REMOVED);
                out.push_str(&word[secret_len..]);
                removed = true;
                linked = false;
                continue;
            }
        }
        let trimmed = bare.trim_matches(|c: char| !c.is_alphanumeric());
        if SECRET_WORDS.contains(&trimmed) {
            awaiting_secret = true;
            linked = false;
        }
        out.push_str(word);
    }
    (out, removed)
}

/// Whether a word after "password is" is one (it has a digit, a symbol or a capital after
/// its first letter, as passwords must), rather than what is wrong with it ("password is
/// wrong", "is expired", "is not accepted"). A password of plain lower-case letters is missed.
fn looks_like_a_secret(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_ascii_digit() || !c.is_alphanumeric())
        || word.chars().skip(1).any(char::is_uppercase)
}

/// "password:x" -> ("password", Some(":x")); "password" -> ("password", None).
fn split_name(word: &str) -> (&str, Option<&str>) {
    match word.find([':', '=']) {
        Some(at) => (&word[..at], Some(&word[at..])),
        None => (word, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_given_is_taken_out_and_the_rest_kept() {
        for (said, kept) in [
            (
                "my user is bob@acme.com and password is Hunter2!2024 if that helps",
                "my user is bob@acme.com and password is [password removed] if that helps",
            ),
            (
                "btw my qbo password is Summer2024! in case you need to log in",
                "btw my qbo password is [password removed] in case you need to log in",
            ),
            ("pw: hunter2", "pw: [password removed]"),
            (
                "password=hunter2, user ann",
                "password=[password removed], user ann",
            ),
            ("Password:  s3cret.", "Password:  [password removed]."),
            ("my pwd was abc123", "my pwd was [password removed]"),
            ("İİ PASSWORD:İx1 ok", "İİ PASSWORD:[password removed] ok"),
        ] {
            assert_eq!(redact(said), (kept.to_string(), true), "{said}");
        }
    }

    #[test]
    fn a_password_only_talked_about_is_left_alone() {
        for said in [
            "i forgot my password",
            "password reset fails with error 500",
            "the password field is blank",
            "my password",
            "",
            "it asks for my password again and again",
            "it says my password is wrong",
            "my password is expired, password was not accepted",
        ] {
            assert_eq!(redact(said), (said.to_string(), false), "{said}");
        }
    }
}
