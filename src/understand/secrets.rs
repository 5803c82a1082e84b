//! Passwords and payroll service keys users paste into a message ("my password is Hunter2!",
//! "my service key is 1234-..."): found and taken out before anything is kept, so they never
//! reach a session, a ticket or a staff notification.
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
    for (space, word, rest) in spaced_words(text) {
        out.push_str(space);
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
    let (out, paired) = redact_login_pairs(&out);
    (out, removed || paired)
}

/// Words that name a sign-in given as a user name and a password ("the bank login is jsmith /
/// Summer2024!").
const LOGIN_WORDS: &[&str] = &[
    "login",
    "log-in",
    "logon",
    "signin",
    "sign-in",
    "credentials",
    "creds",
    "username",
    "userid",
];

/// How many words after a sign-in's name its password may come ("login is jsmith and
/// Summer2024! is what i use").
const LOGIN_REACH: usize = 6;

/// `text` with a password given beside a user name after a sign-in's name replaced by
/// [`REMOVED`] ("the bank login is jsmith / Summer2024!", "my login is jsmith and Summer2024!
/// is what i use"; explorer rv49 F8: copied onto the ticket word for word), and whether any
/// was. Only a word shaped like a strong password counts (six characters or more, letters
/// with a digit or a symbol other than an apostrophe or a dash): "login isn't working" is no
/// sign-in given.
fn redact_login_pairs(text: &str) -> (String, bool) {
    let strong = |core: &str| {
        let letters = core.chars().any(char::is_alphabetic);
        let digits = core.chars().any(|c| c.is_ascii_digit());
        let symbols = core
            .chars()
            .any(|c| !c.is_alphanumeric() && !matches!(c, '\'' | '’' | '-'));
        letters && (digits || symbols) && core.chars().count() >= 6 && !core.starts_with('[')
    };
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut reach = 0usize;
    let mut previous = String::new();
    for (space, word, _) in spaced_words(text) {
        out.push_str(space);
        let (lead, core, trail) = parts(word);
        let lower = core.to_lowercase();
        if LOGIN_WORDS.contains(&lower.trim_end_matches([':', '='])) {
            reach = LOGIN_REACH;
            previous = lower;
            out.push_str(word);
            continue;
        }
        // (Given beside the user name: after "/", "and" or a comma, or joined to it by a
        // slash; "bank login keeps failing on my iphone-12" gives none.)
        let beside_a_name = matches!(previous.as_str(), "/" | "and" | "&" | "+")
            || previous.ends_with([',', '/'])
            || core.contains('/');
        if reach > 0 && strong(core) && beside_a_name {
            out.push_str(lead);
            out.push_str(REMOVED);
            out.push_str(after_secret(trail));
            removed = true;
            reach = 0;
            continue;
        }
        reach = reach.saturating_sub(1);
        previous = word.to_lowercase();
        out.push_str(word);
    }
    (out, removed)
}

/// What stands in for a payroll service key that was taken out.
pub const KEY_REMOVED: &str = "[service key removed]";

/// What a message gave away, taken out ([`redact_all`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The message with each secret replaced by its stand-in.
    pub text: String,
    /// A password was taken out ([`redact`]).
    pub password: bool,
    /// A payroll service key was taken out ([`redact_service_keys`]).
    pub service_key: bool,
}

/// `text` with its passwords and payroll service keys taken out.
pub fn redact_all(text: &str) -> Redacted {
    let (text, password) = redact(text);
    let (text, service_key) = redact_service_keys(&text);
    Redacted {
        text,
        password,
        service_key,
    }
}

/// `text` with each payroll service key it gives replaced by [`KEY_REMOVED`], and whether any
/// was: the groups of letters and digits after "service key" ("my service key is
/// 1234-5678-9012-345", "service key: 1234 5678 9012 345"), six digits or more in all. The
/// payroll article says never to share it in a public channel, and the bot may be in one
/// (explorer rv46 F3 found it copied onto the ticket). "where do i find my service key?" is
/// left alone.
pub fn redact_service_keys(text: &str) -> (String, bool) {
    const LINKS: &[&str] = &["is", "was", "its", "it's", "it’s", ":", "=", "-", "of"];
    let tokens: Vec<(usize, usize)> = spans_of_words(text);
    let bare = |at: usize| {
        let (s, e) = tokens[at];
        parts(&text[s..e]).1.to_lowercase()
    };
    let key_group = |at: usize| {
        let core = parts(&text[tokens[at].0..tokens[at].1]).1;
        // (Digits in groups: "PS077 again" after the key is no part of it.)
        !core.is_empty()
            && core.chars().all(|c| c.is_ascii_digit() || c == '-')
            && core.chars().any(|c| c.is_ascii_digit())
    };
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (s, e) = tokens[i];
        let word = text[s..e].to_lowercase();
        // "service key", "service key:", "servicekey:1234-..."
        let glued = word.starts_with("servicekey");
        let named = glued
            || (["service", "payroll"].contains(&parts(&word).1)
                && tokens.get(i + 1).is_some_and(|_| {
                    let next = bare(i + 1);
                    next == "key" || next == "key:" || next.starts_with("key:")
                }));
        if !named {
            i += 1;
            continue;
        }
        let mut at = if glued { i } else { i + 1 };
        // "key:1234-5678": the key glued to the name.
        let name_word = &text[tokens[at].0..tokens[at].1];
        if let Some(colon) = name_word.find([':', '='])
            && name_word[colon + 1..].chars().any(|c| c.is_ascii_digit())
        {
            cut.push((tokens[at].0 + colon + 1, tokens[at].1));
            i = at + 1;
            continue;
        }
        at += 1;
        let a_link = |k: usize| {
            let word = &text[tokens[k].0..tokens[k].1];
            LINKS.contains(&word) || LINKS.contains(&bare(k).trim_end_matches([':', '=']))
        };
        while at < tokens.len() && a_link(at) {
            at += 1;
        }
        let first = at;
        while at < tokens.len() && key_group(at) {
            at += 1;
        }
        let digits: usize = (first..at)
            .map(|k| {
                text[tokens[k].0..tokens[k].1]
                    .chars()
                    .filter(char::is_ascii_digit)
                    .count()
            })
            .sum();
        if at > first && digits >= 6 {
            let (start, _) = tokens[first];
            let (last_start, last_end) = tokens[at - 1];
            let (lead, core, _) = parts(&text[last_start..last_end]);
            let first_lead = parts(&text[start..tokens[first].1]).0;
            cut.push((
                start + first_lead.len(),
                last_start + lead.len() + core.len(),
            ));
        }
        i = at.max(i + 1);
    }
    if cut.is_empty() {
        return (text.to_string(), false);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (s, e) in cut {
        out.push_str(&text[from..s]);
        out.push_str(KEY_REMOVED);
        from = e;
    }
    out.push_str(&text[from..]);
    (out, true)
}

/// The byte spans of the whitespace-separated words of `text`.
fn spans_of_words(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// A word split into leading brackets or quotes, its core, and trailing punctuation:
/// "(Spring2024!)," -> ("(", "Spring2024", "!),"). Whether the "!" is the sentence's or the
/// password's cannot be told: a password taken out takes it along ([`after_secret`]).
/// `text` word by word (split at whitespace): each word with the whitespace before it and the
/// text after it; whitespace after the last word comes as a last item with an empty word, so
/// joining each item's whitespace and word gives `text` back.
fn spaced_words(text: &str) -> Vec<(&str, &str, &str)> {
    let mut items = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let space_end = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        let space = &rest[..space_end];
        rest = &rest[space_end..];
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        items.push((space, &rest[..word_end], &rest[word_end..]));
        rest = &rest[word_end..];
    }
    items
}

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

    /// Found by a user explorer (rv49 F8): a password given beside a user name after "login"
    /// went onto the ticket word for word.
    #[test]
    fn a_password_given_beside_a_user_name_is_taken_out() {
        for (given, kept) in [
            (
                "still broken, the bank login is jsmith / Summer2024!",
                "still broken, the bank login is jsmith / [password removed]",
            ),
            (
                "my login is jsmith and Summer2024! is what i use",
                "my login is jsmith and [password removed] is what i use",
            ),
            (
                "username: jsmith, Summer2024!",
                "username: jsmith, [password removed]",
            ),
        ] {
            assert_eq!(redact(given), (kept.to_string(), true), "{given}");
        }
        for left in [
            "my login isn't working since the update",
            "the login page says error 103",
            "bank login keeps failing on my iphone-12",
        ] {
            assert_eq!(redact(left), (left.to_string(), false), "{left}");
        }
    }

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
    fn a_service_key_given_is_taken_out() {
        for (said, kept) in [
            (
                "my service key is 1234-5678-9012-345",
                "my service key is [service key removed]",
            ),
            (
                "Service key: 1234 5678 9012 345, still PS077",
                "Service key: [service key removed], still PS077",
            ),
            (
                "service key:12345678 didnt help",
                "service key:[service key removed] didnt help",
            ),
            (
                "servicekey=12-3456-7890 ok",
                "servicekey=[service key removed] ok",
            ),
            (
                "service key 1234-5678-9012-345 PS077 again",
                "service key [service key removed] PS077 again",
            ),
            (
                "my payroll key is 9876-5432-1098-765",
                "my payroll key is [service key removed]",
            ),
            (
                "the payroll service key was (1234-5678-9012).",
                "the payroll service key was ([service key removed]).",
            ),
        ] {
            assert_eq!(
                redact_service_keys(said),
                (kept.to_string(), true),
                "{said}"
            );
        }
    }

    #[test]
    fn a_service_key_only_talked_about_is_left_alone() {
        for said in [
            "where do i find my service key?",
            "i entered the service key again",
            "service key is wrong",
            "service key 12",
            "service",
            "my service key is in the email from 2023",
            "",
        ] {
            assert_eq!(
                redact_service_keys(said),
                (said.to_string(), false),
                "{said}"
            );
        }
    }

    #[test]
    fn redact_all_takes_out_both() {
        let got = redact_all("pw: Hunter2! and service key 1234-5678-9012-345");
        assert_eq!(
            got.text,
            "pw: [password removed] and service key [service key removed]"
        );
        assert!(got.password && got.service_key);
    }

    #[test]
    fn taking_out_twice_changes_nothing_more() {
        let (once, _) = redact("my password is Hunter2!");
        assert_eq!(redact(&once), (once.clone(), false));
    }
}
