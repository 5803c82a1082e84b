//! Trouble told of someone other than the user ("another client of mine has the same blank
//! page"): a new problem of theirs, not a result of the user's own fix. Pure; no I/O.

use super::text::{BREAK, Normalised};

/// People whose trouble a user may bring next: clients, colleagues, family.
const PEOPLE: &[&str] = &[
    "client",
    "clients",
    "customer",
    "customers",
    "coworker",
    "coworkers",
    "colleague",
    "colleagues",
    "user",
    "users",
    "employee",
    "employees",
    "person",
    "people",
    "friend",
    "boss",
    "bookkeeper",
    "accountant",
    "partner",
    "wife",
    "husband",
    "team",
    "staff",
];

/// Says the person is not the one the walk was about: "another client", "a different user".
const ANOTHER: &[&str] = &["another", "other", "different", "second"];

/// The same trouble, there: "the same blank page", "it too".
const SAME: &[&str] = &["same", "too", "also", "similar"];

/// The trouble back or still there: the walked problem, whoever has it ("my client is getting
/// the same blank page again"; review of rv47 F4).
const BACK: &[&str] = &["again", "back", "anymore", "still"];

/// Whether `message` tells of trouble someone else has, not the user: "now another client of
/// mine has the exact same blank page thing", "my coworker has the same problem", "a
/// different client has it too". A person named as another ("another client") is enough; one
/// only named as the user's ("my coworker") needs the trouble said to be the same or "too",
/// since "my client still gets the blank page" may be the very problem walked.
pub fn someone_elses_trouble(message: &str) -> bool {
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    if words.iter().any(|w| BACK.contains(w)) {
        return false;
    }
    words.iter().enumerate().any(|(i, w)| {
        if !PEOPLE.contains(w) {
            return false;
        }
        let before = &words[i.saturating_sub(3)..i];
        let another = before.iter().any(|b| ANOTHER.contains(b));
        let theirs = before
            .last()
            .is_some_and(|b| ["my", "our", "a", "one"].contains(b));
        // What they have: "has", "gets", "is having", "sees", "is seeing", "reports".
        let after = &words[i + 1..(i + 6).min(words.len())];
        // ("another user is fine": no trouble had.)
        let has_it = after.iter().any(|a| {
            [
                "has", "have", "having", "gets", "getting", "got", "sees", "seeing", "reports",
                "reported",
            ]
            .contains(a)
        });
        has_it && (another || (theirs && words[i + 1..].iter().any(|a| SAME.contains(a))))
    })
}

/// Whether `message` tells of the user's own case too ("my coworker has it and i still do",
/// "same for me"): then it is no news of someone else's alone.
pub fn speaks_of_oneself(message: &str) -> bool {
    const ONESELF: &[&str] = &[
        "i", "im", "me", "mine", "myself", "i've", "ive", "id", "ill",
    ];
    Normalised::new(message)
        .words()
        .any(|w| ONESELF.contains(&w))
}

/// Whether the person `message` names, not called another ("my client has the same blank
/// page"), is one the user's earlier `descriptions` named ("my client's quickbooks online
/// shows a blank page"): the walked problem is theirs, so it is no one else's.
pub fn someone_already_told(message: &str, descriptions: &[String]) -> bool {
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().collect();
    let another = words.iter().any(|w| ANOTHER.contains(w));
    !another
        && words.iter().filter(|w| PEOPLE.contains(w)).any(|person| {
            descriptions.iter().any(|d| {
                Normalised::new(d)
                    .words()
                    .any(|w| w == *person || w.strip_suffix('s') == Some(person))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trouble_of_another_person_is_theirs() {
        for said in [
            "great. now another client of mine has the exact same blank page thing",
            "thanks! my coworker has the same blank page problem on her computer",
            "ok now a different client has the same issue",
            "one of my other clients is getting error 103 now",
            "my boss has it too",
            "another user is having the same problem",
        ] {
            assert!(someone_elses_trouble(said), "{said}");
        }
        for said in [
            "my client still gets the blank page",
            "it came back",
            "the same thing again",
            "my coworker fixed it",
            "another error now",
            "my client says it works now",
            "my client is getting the same blank page again",
            "another user is fine",
            "thanks, my boss is happy too",
            "the other users are back in as well",
            "great, the new user is able to log in now",
        ] {
            assert!(!someone_elses_trouble(said), "{said}");
        }
    }
}
