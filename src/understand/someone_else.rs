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
const ANOTHER: &[&str] = &["another", "other", "different", "second", "new"];

/// The same trouble again, there: "the same blank page", "it too", "as well".
const SAME: &[&str] = &["same", "too", "also", "well", "similar"];

/// Whether `message` tells of trouble someone else has, not the user: "now another client of
/// mine has the exact same blank page thing", "my coworker has the same problem", "a
/// different client has it too". A person named as another ("another client") is enough; one
/// only named as the user's ("my coworker") needs the trouble said to be the same or "too",
/// since "my client still gets the blank page" may be the very problem walked.
pub fn someone_elses_trouble(message: &str) -> bool {
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    if words.contains(&"still") {
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
        let has_it = after.iter().any(|a| {
            [
                "has", "have", "having", "gets", "getting", "got", "sees", "seeing", "reports",
                "reported", "is", "are",
            ]
            .contains(a)
        });
        has_it && (another || (theirs && words[i + 1..].iter().any(|a| SAME.contains(a))))
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
        ] {
            assert!(!someone_elses_trouble(said), "{said}");
        }
    }
}
