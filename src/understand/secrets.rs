//! Passwords users paste into a description ("my password is Hunter2!"): found and taken out
//! before anything is kept, so they never reach a session, a ticket or a staff notification.
//! Pure.

/// What stands in for a password that was taken out.
pub const REMOVED: &str = "[password removed]";

/// Words that name a secret ("pass" only with a link after it: "pass: x", "pass is x").
const SECRET_WORDS: &[&str] = &["password", "passwd", "pwd", "pw", "passcode", "passphrase"];

/// Words between the secret's name and the secret itself ("password **is** x", "pw **:** x",
/// "reset the password**, its now** x", "password **changed to** x").
const LINKS: &[&str] = &[
    "is", "was", "would", "be", "now", "of", "its", "it's", "it’s", "to", "set", "reset",
    "changed", "-", ":", "=", "=>",
];

/// What a password "is" when the user talks about it rather than gives it ("password is
/// wrong"): never taken for the password, even after a colon.
const ABOUT_IT: &[&str] = &[
    "wrong",
    "incorrect",
    "invalid",
    "expired",
    "blank",
    "empty",
    "required",
    "correct",
    "right",
    "fine",
    "ok",
    "okay",
    "not",
    "too",
    "still",
    "reset",
    "changed",
    "locked",
    "saved",
    "the",
    "my",
    "same",
    "case",
    "rejected",
    "accepted",
    "unknown",
];

/// `text` with each password it gives replaced by [`REMOVED`], and whether any was. A
/// password counts when it is given: after a colon ("pw: x", "password=x"), or shaped like
/// one (letters with a digit or symbol) after "is" or right after the word ("pw Spring2024!").
/// A password only talked about ("i forgot my password", "password is wrong!") is left alone,
/// and so, missed, is a password of plain letters given as "password is sunshine".
pub fn redact(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    // After a secret's name: whether a colon-like link came (then any word is the secret).
    let mut after_name: Option<bool> = None;
    let mut rest = text;
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
        let (lead, core, trail) = parts(word);
        let lower = core.to_lowercase();
        // "password:x", "pw=x", "password:" (the secret next), "password's x".
        if let Some((name, tail)) = split_name(core)
            && (SECRET_WORDS.contains(&name.to_lowercase().as_str())
                || name.eq_ignore_ascii_case("pass"))
        {
            if tail.is_empty() {
                after_name = Some(true);
                out.push_str(word);
            } else {
                out.push_str(&word[..lead.len() + core.len() - tail.len()]);
                out.push_str(REMOVED);
                out.push_str(after_secret(trail));
                removed = true;
                after_name = None;
            }
            continue;
        }
        if let Some(colon) = after_name {
            // "is:" is a link and a colon at once.
            let link = lower.trim_end_matches([':', '=']);
            if LINKS.contains(&link) || LINKS.contains(&word) {
                let colon_like = word.ends_with([':', '=', '>']) || word == "-";
                after_name = Some(colon || colon_like);
                out.push_str(word);
                continue;
            }
            after_name = None;
            let given = !core.is_empty()
                && !core.starts_with('[')
                && !ABOUT_IT.contains(&lower.as_str())
                && (colon || shaped_like_a_password(core));
            if given {
                out.push_str(lead);
                out.push_str(REMOVED);
                out.push_str(after_secret(trail));
                removed = true;
                continue;
            }
        }
        let possessive = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"));
        if possessive.is_some_and(|n| SECRET_WORDS.contains(&n))
            || SECRET_WORDS.contains(&lower.as_str())
        {
            after_name = Some(false);
        } else if lower == "pass" {
            // "pass" is a secret's name only with a link after it ("pass is x", "pass: x").
            after_name = Some(false).filter(|_| rest.trim_start().starts_with(['i', ':', '=']));
        }
        out.push_str(word);
    }
    (out, removed)
}

/// A word split into leading brackets or quotes, its core, and trailing punctuation:
/// "(Spring2024!)," -> ("(", "Spring2024", "!),"). Whether the "!" is the sentence's or the
/// password's cannot be told: a password taken out takes it along ([`after_secret`]).
fn parts(word: &str) -> (&str, &str, &str) {
    let core_start = word
        .find(|c: char| !matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘'))
        .unwrap_or(word.len());
    let core_end = word
        .rfind(|c: char| {
            !matches!(
                c,
                ')' | ']' | '"' | '\'' | '”' | '’' | '.' | ',' | ';' | '!' | '?'
            )
        })
        .map_or(core_start, |i| {
            i + word[i..].chars().next().map_or(1, char::len_utf8)
        });
    let core_end = core_end.max(core_start);
    (
        &word[..core_start],
        &word[core_start..core_end],
        &word[core_end..],
    )
}

/// What of a removed password's trailing punctuation stays: not the ".", "!" or "?" right
/// after it, which may be the password's own last characters ("Hunter2!"): taking a sentence's
/// full stop along costs nothing, leaving a password's last character shows part of it.
/// Brackets, quotes and commas stay ("(pw Spring2024!)," -> "(pw [password removed]),").
fn after_secret(trail: &str) -> &str {
    trail.trim_start_matches(['.', '!', '?'])
}

/// Whether a word is shaped like a password: letters with a digit or a symbol in it
/// ("Spring2024", "hunter2", "p@ss"); plain words and plain numbers ("12") are not.
fn shaped_like_a_password(word: &str) -> bool {
    let letters = word.chars().any(char::is_alphabetic);
    let digits = word.chars().any(|c| c.is_ascii_digit());
    let symbols = word.chars().any(|c| !c.is_alphanumeric());
    letters && (digits || symbols) && word.chars().count() >= 4
}

/// "password:x" -> ("password", "x"); "password:" -> ("password", ""); `None` without a
/// colon or equals sign.
fn split_name(word: &str) -> Option<(&str, &str)> {
    let at = word.find([':', '='])?;
    Some((
        &word[..at],
        word[at + 1..].trim_start_matches([':', '=', '>']),
    ))
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
            ("Password:  s3cret.", "Password:  [password removed]"),
            ("my pwd was abc123", "my pwd was [password removed]"),
            ("İİ PASSWORD:İx1 ok", "İİ PASSWORD:[password removed] ok"),
            ("password is: Hunter2!", "password is: [password removed]"),
            ("my password's Hunter2", "my password's [password removed]"),
            (
                "bank 103 error, pw Spring2024!",
                "bank 103 error, pw [password removed]",
            ),
            (
                "bank feed 103 (pwd Spring2024!)",
                "bank feed 103 (pwd [password removed])",
            ),
            (
                "my bank pass: Spring2024!",
                "my bank pass: [password removed]",
            ),
            ("my pass is Spring2024!", "my pass is [password removed]"),
            ("password: Spring", "password: [password removed]"),
            (
                "i updated it with my new pw Spring2024! but still 103",
                "i updated it with my new pw [password removed] but still 103",
            ),
            (
                "i even reset the password, its now Florist2026! and still loops",
                "i even reset the password, its now [password removed] and still loops",
            ),
            (
                "reset the password to Florist2026! still loops",
                "reset the password to [password removed] still loops",
            ),
            (
                "password changed to Spring2024 yesterday",
                "password changed to [password removed] yesterday",
            ),
            // The "!" may be the password's last character: it goes with it (found by an
            // exploratory tester: "Hunter2!" left its "!" on the ticket).
            (
                "my password is Hunter2! and I need a human",
                "my password is [password removed] and I need a human",
            ),
            ("pw: Spring2024!!?", "pw: [password removed]"),
            (
                "(pw Spring2024!), then 103",
                "(pw [password removed]), then 103",
            ),
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
            "it says my password is wrong!",
            "my password is incorrect?",
            "the password is 'wrong'",
            "my password is expired, password was not accepted",
            "password is 12 characters long",
            "password is (probably) expired",
            "i pass the test",
            "password: wrong",
            "i even reset the password, still loops",
            "i changed the password to log in again",
            "password reset to default did nothing",
        ] {
            assert_eq!(redact(said), (said.to_string(), false), "{said}");
        }
    }

    #[test]
    fn taking_out_twice_changes_nothing_more() {
        let (once, _) = redact("my password is Hunter2!");
        assert_eq!(redact(&once), (once.clone(), false));
    }
}
