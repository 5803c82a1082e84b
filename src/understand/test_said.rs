//! What a message says about a diagnostic test the user already did, by the names users give
//! it ("works fine in incognito", "same thing with the vpn off"). Pure; no I/O.

use super::text::{BREAK, Normalised};

/// Words that end one clause and start another: what holds in one ("blank in chrome") is not
/// said of the other ("but fine in incognito").
const CONTRAST: &[&str] = &[
    "but", "though", "although", "however", "whereas", "while", "yet", "except", "unless",
];

/// "Even", "too": what the clause before says holds here as well.
const SAME_AGAIN: &[&str] = &["even", "too", "also", "either"];

/// After these the clause names where it does *not* happen: "blank unless I use incognito".
const ONLY_ELSEWHERE: &[&str] = &["except", "unless"];

/// It works there, though the words of a failure are in it ("no errors"): read first.
const NO_TROUBLE: &[&str] = &[
    "no error",
    "no errors",
    "no problem",
    "no problems",
    "no issue",
    "no issues",
];

/// The problem shows there (a failed "works" is read before the "works" in it).
const FAILS: &[&str] = &[
    "doesnt seem to work",
    "didnt seem to work",
    "does not seem to work",
    "not fine",
    "not ok",
    "not okay",
    "wouldnt load",
    "wouldnt work",
    "cant load",
    "wont",
    "not found",
    "didnt work",
    "doesnt work",
    "dont work",
    "did not work",
    "does not work",
    "not working",
    "isnt working",
    "wont work",
    "wont load",
    "doesnt load",
    "didnt load",
    "not load",
    "not loading",
    "wont open",
    "doesnt open",
    "didnt help",
    "doesnt help",
    "did not help",
    "does not help",
    "no luck",
    // ("no one can log in on my phone": the "can log in" is taken back.)
    "no one can log in",
    "no one can login",
    "no one can sign in",
    "nobody can log in",
    "nobody can login",
    "nobody can sign in",
    "is down",
    "its down",
    "down too",
    "kicks me out",
    "kicked me out",
    "logs me out",
    "logged me out",
    "no difference",
    "no change",
    "same",
    "nothing",
    "fails",
    "failed",
    "fail",
    "blank",
    "grey",
    "gray",
    "white",
    "broken",
    "error",
    "errors",
    "spinning",
    "stuck",
    "happens",
    "happening",
];

/// The trouble itself in words of "cant" ("my phone on 5g cant get in either"): it fails
/// there, and is no test the user could not do ([`NOT_DONE`]'s "cant").
const CANT_REACH: &[&str] = &[
    "cant get in",
    "cant log in",
    "cant login",
    "cant sign in",
    "cant access",
    "cant connect",
    "cant open",
    "cannot get in",
    "cannot log in",
    "cannot access",
    "cannot connect",
];
/// The length of the [`CANT_REACH`] phrase at `i` of `words`, when it tells the trouble: at
/// the end, or before the service or a word of the test's place ("cant get in either", "cant
/// connect to qbo"), not before the means of the test ("i cant connect my phone to mobile
/// data", "cant access another network from here").
fn cant_reach_at(words: &[&str], i: usize) -> Option<usize> {
    const THEN: &[&str] = &[
        "in",
        "it",
        "either",
        "there",
        "too",
        "anymore",
        "still",
        "qbo",
        "quickbooks",
        "intuit",
        BREAK,
    ];
    const SERVICE: &[&str] = &["qbo", "quickbooks", "intuit", "it"];
    // "cant log in on my phone either": a place named, and the same trouble there.
    const AS_WELL: &[&str] = &["either", "too", "there", "also"];
    const PLACE: &[&str] = &["on", "from", "with", "at", "using", "via"];
    CANT_REACH.iter().find_map(|p| {
        let phrase: Vec<String> = p.split(' ').map(str::to_string).collect();
        if find(&words[i..], &phrase) != Some(0) {
            return None;
        }
        let end = i + phrase.len();
        let tells_trouble = match words.get(end).copied() {
            None => true,
            Some("to") => words.get(end + 1).is_some_and(|w| SERVICE.contains(w)),
            Some(w) if PLACE.contains(&w) => words[end..].iter().any(|w| AS_WELL.contains(w)),
            Some(w) => THEN.contains(&w),
        };
        tells_trouble.then_some(phrase.len())
    })
}

/// It works there.
const WORKS: &[&str] = &[
    "works",
    "work",
    "worked",
    "working",
    "fine",
    "loads",
    "loaded",
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
    "can log in",
    "can login",
    "can sign in",
    "can get in",
];

/// The test was not done by the user, or not now: a plan, a question, a guess, something
/// heard from someone else, something that used to be so, or something they could not do.
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
    "should",
    "would",
    "maybe",
    "might",
    "hope",
    "hopefully",
    "probably",
    "perhaps",
    "guess",
    "told",
    "according",
    "colleague",
    "coworker",
    "yesterday",
    "used to",
    "last week",
    "earlier",
];

/// What `message` says of a test users name as one of `names`: `Some(true)` when it works
/// there ("loads fine in incognito", "blank unless I use incognito"), `Some(false)` when the
/// problem shows there too ("still blank even in a private window"), `None` when the test is
/// not named, or named only as a plan, a question, a guess, hearsay or something the user
/// could not do, or said both ways.
pub fn test_result(message: &str, names: &[String]) -> Option<bool> {
    // "IT says it works with the vpn off": hearsay ("it says page not found" is the screen).
    const SAYS: &[&str] = &["says", "said", "say"];
    let names = as_words(names.iter().map(String::as_str));
    let mut said = None;
    for sentence in Normalised::new(message).sentences() {
        let clauses = clauses(&sentence);
        for (i, (after, clause)) in clauses.iter().enumerate() {
            let Some((at, name)) = names
                .iter()
                .find_map(|n| find(clause, n).map(|p| ((p, p + n.len()), n)))
            else {
                continue;
            };
            // ("H202 when opening the company file on the server from a workstation": where the
            // file lives, not where the user tried it; explorer rv47 F1. Only of a computer
            // that holds things: "works in incognito from my laptop" is the test's result.)
            let a_host = name.iter().any(|w| w == "server" || w == "host");
            if a_host && reached_from_elsewhere(&clause[at.1..]) {
                continue;
            }
            // "in incognito, it works": a clause that only names the test reads on into the
            // next one.
            let mut read: Vec<&str> = clause.clone();
            let mut cues = cues_of(&read);
            let mut at = at;
            // "i cleared cookies and tried incognito, same thing": a bare result next is this
            // clause's.
            let next_is_a_bare_result = clauses
                .get(i + 1)
                .is_some_and(|(_, next)| next.len() <= 3 && !cues_of(next).is_empty());
            if cues.is_empty() && (clause.len() <= at.1 - at.0 + 3 || next_is_a_bare_result) {
                // "blank in chrome, even in incognito": the same as the clause before.
                if clause.iter().any(|w| SAME_AGAIN.contains(w)) && i > 0 && after.is_none() {
                    let before = &clauses[i - 1].1;
                    read = before.iter().chain(clause.iter()).copied().collect();
                    at = (at.0 + before.len(), at.1 + before.len());
                } else if let Some((_, next)) = clauses.get(i + 1) {
                    read.extend(next.iter().copied());
                }
                cues = cues_of(&read);
            }
            // A question about the test ("should i try incognito?") or a plan says nothing
            // was done.
            // (Only the sentence's last clause asks: "works in incognito, any idea why?"
            // still says it works there.)
            let asks = sentence.is_question() && i + 1 == clauses.len();
            // ("like i said it works at home": the user's own words, said again.)
            let hearsay = read
                .iter()
                .position(|w| SAYS.contains(w))
                .filter(|&s| s == 0 || read[s - 1] != "i")
                .is_some_and(|s| cues.iter().any(|&(p, works)| works && p > s));
            // ("cant get in either" is the trouble there; "cant" alone, a test not done.)
            let without_the_trouble: Vec<&str> = {
                let mut kept = Vec::new();
                let mut at = 0;
                while at < read.len() {
                    match cant_reach_at(&read, at) {
                        Some(len) => at += len,
                        None => {
                            kept.push(read[at]);
                            at += 1;
                        }
                    }
                }
                kept
            };
            let not_done = Normalised::from_padded(&format!(" {} ", without_the_trouble.join(" ")))
                .any(NOT_DONE);
            if asks || hearsay {
                return None;
            }
            // ("cant turn off vpn but works on hotspot": the part not done says nothing; the
            // other clause may; explorer rv46 F7.)
            if not_done {
                continue;
            }
            let result = match nearest(&cues, at) {
                Some(works) => Some(works),
                // "blank everywhere unless I use incognito".
                None if after.is_some_and(|w| ONLY_ELSEWHERE.contains(&w)) => Some(true),
                // "incognito too", "also in a private window": the trouble, there as well.
                None if read.len() <= at.1 - at.0 + 3
                    && read.iter().any(|w| SAME_AGAIN.contains(w)) =>
                {
                    Some(false)
                }
                None => None,
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

/// Whether `message` tells the test users name as one of `names` as done, with no result of
/// its own ("quickbooks wont load, tried clearing cache and incognito already", "i already
/// used a private window"): a clause names it beside "tried" or "already", in no question and
/// with no plan, guess or hearsay ([`NOT_DONE`]). A first description telling it so tells
/// the trouble it came with: it failed there too.
pub fn test_tried_no_result(message: &str, names: &[String]) -> bool {
    const DONE: &[&str] = &["tried", "already", "used"];
    // ("i did everything already. cookies, incognito, other browser, nothing works": each
    // thing listed after it is done.)
    const EVERYTHING: &[&str] = &[
        "did everything",
        "done everything",
        "tried everything",
        "tried it all",
        "tried all of it",
        "did all of it",
        "did all that",
        "tried all that",
    ];
    let names = as_words(names.iter().map(String::as_str));
    let text = Normalised::new(message);
    let everything = text.any(EVERYTHING);
    text.sentences().iter().any(|sentence| {
        !sentence.is_question()
            && clauses(sentence).iter().any(|(_, clause)| {
                names.iter().any(|n| find(clause, n).is_some())
                    && (everything || clause.iter().any(|w| DONE.contains(w)))
                    && !Normalised::from_padded(&format!(" {} ", clause.join(" "))).any(NOT_DONE)
            })
    })
}

/// Whether `message`, said at a test users name as one of `names`, only tells that the trouble
/// goes on where the user is ("still getting H202 for Birch Law", "i even reset the password,
/// still loops"): a "still", and no word of the test's place ("there" or one of its names)
/// nor a "no" or "yes" first. It does not answer "does it work there?": the user may not have
/// tried it at all, and a "fails there too" recorded from it would point staff the wrong way.
pub fn still_here_not_there(message: &str, names: &[String]) -> bool {
    const ANSWERS_FIRST: &[&str] = &["no", "nope", "nah", "nop", "yes", "yeah", "yep", "yup"];
    let text = Normalised::new(message);
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let names_the_place = as_words(names.iter().map(String::as_str).chain(["there"]))
        .iter()
        .any(|n| find(&words, n).is_some());
    words.contains(&"still")
        && !names_the_place
        && !words.first().is_some_and(|w| ANSWERS_FIRST.contains(w))
}

/// Each of a test's names as its normalised words ("private window" -> ["private",
/// "window"]); names with no words left out.
fn as_words<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Vec<String>> {
    names
        .map(|n| {
            Normalised::new(n)
                .words()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// Where `name` (as words) starts in `words`.
fn find(words: &[&str], name: &[String]) -> Option<usize> {
    (0..words.len()).find(|&i| {
        words.len() >= i + name.len()
            && words[i..i + name.len()]
                .iter()
                .zip(name)
                .all(|(w, n)| w == n)
    })
}

/// Whether the words after a place's name say the user reached it from another computer
/// ("on the server from a workstation", "on the host from the other pcs"): the place is where
/// something lives, not where the user tried it.
fn reached_from_elsewhere(after: &[&str]) -> bool {
    const DETERMINERS: &[&str] = &["a", "an", "the", "my", "our", "another", "other", "any"];
    const COMPUTERS: &[&str] = &[
        "workstation",
        "workstations",
        "computer",
        "computers",
        "pc",
        "pcs",
        "laptop",
        "laptops",
        "desktop",
        "desktops",
        "machine",
        "machines",
        "client",
        "clients",
    ];
    let Some(from) = after.iter().take(3).position(|w| *w == "from") else {
        return false;
    };
    after[from + 1..]
        .iter()
        .skip_while(|w| DETERMINERS.contains(w))
        .take(2)
        .any(|w| COMPUTERS.contains(w))
}

/// The cue words of a clause: (position, true for "works", false for "fails"). A failure
/// phrase hides the "work" in it; an error code is a failure; "still" is one only where
/// nothing says it works.
fn cues_of(words: &[&str]) -> Vec<(usize, bool)> {
    let mut taken = vec![false; words.len()];
    let mut out = Vec::new();
    for i in 0..words.len() {
        if let Some(len) = cant_reach_at(words, i)
            && !(i..i + len).any(|j| taken[j])
        {
            (i..i + len).for_each(|j| taken[j] = true);
            out.push((i, false));
        }
    }
    for (list, works) in [(NO_TROUBLE, true), (FAILS, false), (WORKS, true)] {
        for phrase in list {
            let phrase: Vec<String> = phrase.split(' ').map(str::to_string).collect();
            for i in 0..words.len() {
                if taken[i] || find(&words[i..], &phrase) != Some(0) {
                    continue;
                }
                if (i..i + phrase.len()).any(|j| taken[j]) {
                    continue;
                }
                (i..i + phrase.len()).for_each(|j| taken[j] = true);
                out.push((i, works));
            }
        }
    }
    // An error code ("502"), not a version, a year or a count ("chrome 120", "desktop 2019").
    for (i, w) in words.iter().enumerate() {
        let code = w.len() >= 3 && crate::matcher::text::is_error_number(words, i);
        if !taken[i] && code {
            out.push((i, false));
        }
    }
    // "its a work laptop", "my work computer": "work" before a thing says whose it is, not
    // that it works (explorer rv47 F3: "works there" recorded for a test never run).
    const OF_WORK: &[&str] = &[
        "laptop", "computer", "pc", "machine", "phone", "account", "email", "network", "wifi",
        "device", "mac", "desktop",
    ];
    out.retain(|&(p, works)| {
        !(works
            && words[p] == "work"
            && words.get(p + 1).is_some_and(|next| OF_WORK.contains(next)))
    });
    // "ok, I tried incognito": an "ok" opening the clause is filler, not "it works".
    if matches!(words.first(), Some(&"ok" | &"okay")) {
        out.retain(|&(p, works)| !(p == 0 && works));
    }
    if !out.iter().any(|&(_, works)| works) {
        out.extend(
            words
                .iter()
                .enumerate()
                .filter(|(_, w)| **w == "still")
                .map(|(i, _)| (i, false)),
        );
    }
    out
}

/// The reading of the cue nearest the name (`at`: its first and past-last word); a tie
/// between a "works" and a "fails" says nothing.
fn nearest(cues: &[(usize, bool)], at: (usize, usize)) -> Option<bool> {
    let distance = |p: usize| {
        if p < at.0 {
            at.0 - p
        } else {
            p.saturating_sub(at.1 - 1)
        }
    };
    let best = cues.iter().map(|&(p, _)| distance(p)).min()?;
    let mut at_best = cues
        .iter()
        .filter(|&&(p, _)| distance(p) == best)
        .map(|&(_, w)| w);
    let first = at_best.next()?;
    at_best.all(|w| w == first).then_some(first)
}

/// The clauses of a sentence, each with the contrast word before it: split at sentence
/// breaks and at contrast words.
fn clauses(text: &Normalised) -> Vec<(Option<&str>, Vec<&str>)> {
    let mut out = Vec::new();
    let mut after = None;
    let mut current: Vec<&str> = Vec::new();
    for w in text.words() {
        if w == BREAK || CONTRAST.contains(&w) {
            if !current.is_empty() {
                out.push((after, std::mem::take(&mut current)));
            }
            after = (w != BREAK).then_some(w);
            continue;
        }
        current.push(w);
    }
    if !current.is_empty() {
        out.push((after, current));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trouble_there_as_well_fails_there() {
        for said in [
            "incognito too",
            "In InPrivate it is also grey.",
            "also in a private window",
            "white in incognito as well",
        ] {
            assert_eq!(test_result(said, &private()), Some(false), "{said}");
        }
        assert_eq!(
            test_result("works in incognito too", &private()),
            Some(true)
        );
        assert_eq!(test_result("incognito too?", &private()), None);
    }

    #[test]
    fn a_test_told_as_tried_with_no_result_is_read_so() {
        for said in [
            "quickbooks wont load at all, tried clearing cache and cookies and incognito already",
            "i already used a private window",
            "blank page. tried incognito",
        ] {
            assert!(test_tried_no_result(said, &private()), "{said}");
        }
        for said in [
            "should i try incognito?",
            "i havent tried incognito",
            "will try incognito later",
            "blank page in chrome",
            "my colleague tried incognito",
        ] {
            assert!(!test_tried_no_result(said, &private()), "{said}");
        }
    }

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
    fn a_place_reached_from_another_computer_is_where_something_lives() {
        let server: Vec<String> = ["on the server", "on the host"].map(String::from).to_vec();
        for said in [
            "we get H202 when opening the company file on the server from a workstation",
            "H505 opening the file on the host from the other pcs",
        ] {
            assert_eq!(test_result(said, &server), None, "{said}");
        }
        // Another place's test reached from a laptop is that test's result.
        assert_eq!(
            test_result("works in incognito from my laptop", &private()),
            Some(true)
        );
        // Tried there, it is the test's result.
        for (said, works) in [
            ("the file opens fine on the server", true),
            ("opens on the server but not from the workstations", true),
            ("it fails on the server too", false),
        ] {
            assert_eq!(test_result(said, &server), Some(works), "{said}");
        }
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
            "blank page works in incognito but fails with vpn off",
            "qbo blank page unless I use incognito",
            "the page is blank everywhere except in a private window",
            "quickbooks layout looks broken, works in incognito too",
            "no errors in incognito",
            "tried incognito in chrome 120 and it works",
            "blank in chrome but works in incognito, any idea why?",
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
            "quickbooks page stays blank in chrome, even in incognito",
            "it doesnt seem to work in incognito either",
            "not fine in incognito either",
            "ok I tried incognito, same thing",
            "it says page not found in incognito too",
            "incognito wouldnt load either",
        ] {
            let names = if said.contains("vpn") {
                vpn()
            } else {
                private()
            };
            assert_eq!(test_result(said, &names), Some(false), "{said}");
        }
    }

    /// Found by a black-box tester (a bookkeeper): at the server test, "still" and the trouble
    /// said of a client is no result of the test; words about the place are.
    #[test]
    fn still_failing_where_the_user_is_says_nothing_of_the_test() {
        let server: Vec<String> = ["on the server", "from the server"]
            .map(String::from)
            .to_vec();
        for said in [
            "still getting H202 for Birch Law",
            "i even reset the password, still loops",
            "Still the same error on the workstation",
        ] {
            assert!(still_here_not_there(said, &server), "{said}");
        }
        for said in [
            "still getting H202 on the server",
            "still the same there",
            "no, still getting H202",
            "nope still broken",
            "same error, it never opens",
        ] {
            assert!(!still_here_not_there(said, &server), "{said}");
        }
    }

    /// Found by a reviewer (fifteenth session): signing in is not yet working.
    #[test]
    fn signing_in_somewhere_is_no_result_until_it_stays_in() {
        let phone: Vec<String> = ["phone", "my phone", "cellular"].map(String::from).to_vec();
        assert_eq!(test_result("i can log in on my phone", &phone), Some(true));
        for said in [
            "my phone signs in but then its blank",
            "on my phone it logs in then shows an error",
            "no one can log in on my phone",
            "on my phone it logs in then kicks me out",
        ] {
            assert_eq!(test_result(said, &phone), Some(false), "{said}");
        }
        assert_eq!(test_result("my phone gets in a loop", &phone), None);
        assert_eq!(
            test_result("now quickbooks is down on my phone too", &phone),
            Some(false)
        );
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
            "maybe it works in incognito",
            "incognito might work",
            "I was told it works in incognito",
            "IT says it works in incognito",
            "my colleague says it works in incognito for her",
            "it worked in incognito yesterday but not today",
        ] {
            assert_eq!(test_result(said, &private()), None, "{said}");
        }
        assert_eq!(
            test_result("i cant turn the vpn off, still 502", &vpn()),
            None
        );
    }
}
