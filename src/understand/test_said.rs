//! What a message says about a diagnostic test the user already did, by the names users give
//! it ("works fine in incognito", "same thing with the vpn off"). Pure; no I/O.

use super::text::{BREAK, Normalised};

/// Words that end one clause and start another: what holds in one ("blank in chrome") is not
/// said of the other ("but fine in incognito").
const CONTRAST: &[&str] = &[
    "but", "though", "although", "however", "whereas", "while", "yet", "except",
];

/// The problem shows there too (checked first: "doesnt work in incognito" says "work").
const FAILS: &[&str] = &[
    "same",
    "too",
    "also",
    "either",
    "even",
    "still",
    "nothing",
    "no luck",
    "no difference",
    "no change",
    "didnt help",
    "doesnt help",
    "did not help",
    "does not help",
    "didnt work",
    "doesnt work",
    "dont work",
    "did not work",
    "does not work",
    "not working",
    "wont load",
    "doesnt load",
    "didnt load",
    "not load",
    "not loading",
    "wont open",
    "doesnt open",
    "fails",
    "failed",
    "blank",
    "broken",
    "error",
    "spinning",
    "stuck",
];

/// It works there.
const WORKS: &[&str] = &[
    "works",
    "work",
    "worked",
    "working",
    "fine",
    "loads",
    "loaded",
    "loading fine",
    "opens",
    "opened",
    "ok",
    "okay",
    "no problem",
    "no problems",
    "no issue",
    "no issues",
    "normally",
    "perfectly",
    "goes through",
];

/// The test was not done, or is only a plan or a question: nothing to record.
const NOT_DONE: &[&str] = &[
    "cant",
    "cannot",
    "couldnt",
    "could not",
    "unable",
    "not allowed",
    "havent",
    "have not",
    "didnt try",
    "did not try",
    "not tried",
    "will try",
    "going to",
    "gonna",
    "should i",
    "should",
    "would",
];

/// What `message` says of a test users name as one of `names`: `Some(true)` when it works
/// there ("loads fine in incognito"), `Some(false)` when the problem shows there too ("still
/// blank even in a private window"), `None` when the test is not named, or named only as a
/// plan, a question or something the user could not do.
pub fn test_result(message: &str, names: &[String]) -> Option<bool> {
    let names: Vec<Normalised> = names
        .iter()
        .map(|n| Normalised::new(n))
        .filter(|n| !n.is_empty())
        .collect();
    let mut said = None;
    for sentence in Normalised::new(message).sentences() {
        let clauses = clauses(&sentence);
        for (i, clause) in clauses.iter().enumerate() {
            let Some(name) = names.iter().find(|n| clause.has(n.padded().trim())) else {
                continue;
            };
            // "in incognito, it works": a clause that only names the test reads on into the
            // next one.
            let mut read = clause.clone();
            if !clause.any(FAILS)
                && !clause.any(WORKS)
                && clause.word_count() <= name.word_count() + 2
                && let Some(next) = clauses.get(i + 1)
            {
                read = Normalised::from_padded(&format!("{}{}", clause.padded(), next.padded()));
            }
            // A question about the test ("should i try incognito?", "what if I use a private
            // window?") or a plan says nothing was done.
            if sentence.is_question() || read.any(NOT_DONE) {
                return None;
            }
            let result = if read.any(FAILS) {
                Some(false)
            } else if read.any(WORKS) {
                Some(true)
            } else {
                None
            };
            match (said, result) {
                // Said both ways: not clear enough to skip a step on.
                (Some(a), Some(b)) if a != b => return None,
                (_, Some(b)) => said = Some(b),
                _ => {}
            }
        }
    }
    said
}

/// The clauses of a message: split at sentence breaks and at contrast words.
fn clauses(text: &Normalised) -> Vec<Normalised> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for w in text.words() {
        if w == BREAK || CONTRAST.contains(&w) {
            if !current.is_empty() {
                out.push(Normalised::from_padded(&format!(" {} ", current.join(" "))));
                current.clear();
            }
            continue;
        }
        current.push(w);
    }
    if !current.is_empty() {
        out.push(Normalised::from_padded(&format!(" {} ", current.join(" "))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn private() -> Vec<String> {
        ["incognito", "private window", "private mode", "inprivate"]
            .map(String::from)
            .to_vec()
    }

    fn vpn() -> Vec<String> {
        ["vpn off", "without the vpn", "off the vpn", "hotspot"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_test_that_works_there_is_read_from_its_own_clause() {
        for said in [
            "the page is blank in chrome but works in incognito",
            "Works fine in Incognito, not in my normal window",
            "normal chrome shows nothing but incognito loads perfectly",
            "In a private window, it works.",
            "blank page. it opens ok in private mode though",
            "502 on my office wifi but works on my phone hotspot",
            "if i use incognito it works",
        ] {
            let names = if said.contains("hotspot") {
                vpn()
            } else {
                private()
            };
            assert_eq!(test_result(said, &names), Some(true), "{said}");
        }
    }

    #[test]
    fn a_test_the_problem_shows_in_too_is_read_as_failing_there() {
        for said in [
            "still blank even in incognito",
            "same thing in a private window",
            "tried incognito, no luck",
            "it doesnt work in incognito either",
            "I tried InPrivate and it still doesn't load",
            "502 with the vpn off too",
        ] {
            let names = if said.contains("vpn") {
                vpn()
            } else {
                private()
            };
            assert_eq!(test_result(said, &names), Some(false), "{said}");
        }
    }

    #[test]
    fn a_test_not_named_planned_asked_or_not_done_says_nothing() {
        for said in [
            "the page is blank in chrome",
            "the window stays blank",
            "should i try incognito?",
            "how do I open a private window?",
            "blank page. What if I use a private window?",
            "I will try incognito later",
            "i cant use incognito, it is blocked by IT",
            "haven't tried a private window yet",
            "works in incognito but also blank in incognito",
        ] {
            assert_eq!(test_result(said, &private()), None, "{said}");
        }
        assert_eq!(
            test_result("i cant turn the vpn off, still 502", &vpn()),
            None
        );
    }
}
