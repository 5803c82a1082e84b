//! A check's result told in a reply: what the step had the user check is as it should be ("the
//! subscription is active", "date and time are correct"), so the step found nothing to fix; or
//! it is not ("status says Inactive"), so the step found the fault.

/// States only a checked thing is in: no one says them of the problem being gone.
const AS_IT_SHOULD_BE: &[&str] = &[
    "correct",
    "correctly",
    "active",
    "valid",
    "accurate",
    "green",
    "operational",
];

/// States said of the problem too ("its fine now", "all good"): a check's result only with
/// what was checked named before them ("the connection is fine").
const FINE: &[&str] = &["fine", "ok", "okay", "good", "normal", "right", "current"];

/// Words that make it something else: the trouble gone or there, a deed, a negation, a
/// question of tense ("was", "now": the user changed something).
const NOT_A_CHECK: &[&str] = &[
    "now",
    "works",
    "working",
    "worked",
    "fixed",
    "loads",
    "loaded",
    "again",
    "not",
    "isnt",
    "wasnt",
    "arent",
    "werent",
    "no",
    "never",
    "incorrect",
    "inactive",
    "invalid",
    "expired",
    "wrong",
    "off",
    "was",
    "were",
    "but",
    "except",
    "until",
    "after",
    "changed",
    "set",
    "went",
    "through",
    "downloaded",
    "came",
    "showed",
    "stayed",
    "stay",
    "stays",
    "logged",
    "opened",
    "ran",
    "got",
    "done",
    "finished",
    "sorted",
    "get",
    "into",
    "can",
    "updated",
    "renewed",
    "corrected",
];

/// What "active" or "valid" may be said of, just before it, with no name ("yes its active",
/// "both are valid"); not "that" ("yes thats correct" agrees with something).
const SAID_OF_IT: &[&str] = &["its", "theyre", "both", "all", "everything"];
/// The same with a verb between: "it is active", "they are valid", "it shows active".
const IT: &[&str] = &["it", "they", "both", "all", "everything"];
const IS: &[&str] = &["is", "are", "shows", "says"];

/// Nothing shown where the user looked, said beside the finding ("fine, no messages").
const NOTHING_SHOWN: &[&str] = &[
    "no new messages",
    "no messages",
    "no errors",
    "no error",
    "no alerts",
    "no warnings",
    "no notices",
    "no prompts",
];

/// A guess or a question, not what was seen ("i think the time is correct", "the subscription
/// should be active", "is my subscription active").
const NOT_SEEN: &[&str] = &[
    "think", "should", "maybe", "probably", "guess", "believe", "assume", "hope", "supposed",
    "seems", "might",
];
const ASKS: &[&str] = &[
    "is", "are", "does", "do", "can", "could", "should", "would", "will",
];

/// Whether `reply` says that what a check step looks at is as it should be: "subscription is
/// active, I checked it", "yes its active", "the date and time are correct", "status page is
/// all green". What it looks at is named by a word of `checked` (the step's title and the
/// lines of it that say what to check: "Verify the payroll subscription", "Check that the
/// service name and status show Active") that `problem` (the problem's own words: its id,
/// "payroll-not-updating") does not have: "payroll all good" at a payroll step is the problem
/// gone, not a check. A state only a check has ("correct", "active", "green") may be said of
/// "it", "both" or "everything". Not a fault found ("the subscription had expired"), a change
/// made ("i corrected the date"), a result ("and the update went through"), a guess or a
/// question.
pub fn found_as_it_should_be(reply: &str, checked: &str, problem: &str) -> bool {
    if reply.contains('?') {
        return false;
    }
    let mut lower = reply.to_lowercase().replace(['\'', '’'], "");
    // "the bank site is fine, no messages": nothing shown there is more of the same finding.
    for nothing_shown in NOTHING_SHOWN {
        lower = lower.replace(nothing_shown, " ");
    }
    let words = crate::plain_words::lowercase_words(&lower);
    if words.len() > 12
        || words
            .iter()
            .any(|w| NOT_A_CHECK.contains(&w.as_str()) || NOT_SEEN.contains(&w.as_str()))
        || words.first().is_some_and(|w| ASKS.contains(&w.as_str()))
    {
        return false;
    }
    // Words of four letters or more of what was checked ("subscription", "date", "time",
    // "status"), less the step's verb and the problem's own words.
    // (Nor what any step names: "quickbooks is fine", "my computer is fine".)
    const NOT_NAMES: &[&str] = &[
        "help",
        "support",
        "thanks",
        "thank",
        "check",
        "verify",
        "confirm",
        "make",
        "sure",
        "your",
        "that",
        "quickbooks",
        "computer",
        "computers",
        "device",
        "devices",
        "people",
        "desktop",
        "online",
        "service",
        "users",
        "user",
        "other",
        "reports",
        "intuit",
        "there",
        "this",
        "from",
        "with",
        "open",
        "opening",
        "file",
        "folder",
        "page",
        "again",
        "works",
        "uses",
        "using",
        "settings",
    ];
    let stem = crate::matcher::text::stem;
    let problem: Vec<String> = crate::plain_words::lowercase_words(problem)
        .iter()
        .map(|w| stem(w))
        .collect();
    let mut named: Vec<String> = crate::plain_words::lowercase_words(checked)
        .into_iter()
        .filter(|w| w.len() >= 4 && !NOT_NAMES.contains(&w.as_str()))
        .filter(|w| !problem.contains(&stem(w)))
        .collect();
    // ("the bank site is fine" of "Check the bank's own website".)
    if named.iter().any(|w| w == "website") {
        named.push("site".to_string());
    }
    // The problem's own thing working is a result, not a check ("the file opens", "thanks it
    // opens"; "another website opens fine" is one).
    const RESULT: &[&str] = &[
        "opens", "open", "loads", "loaded", "runs", "works", "worked",
    ];
    let a_result = (1..words.len()).any(|i| {
        RESULT.contains(&words[i].as_str())
            && (["it", "everything", "qbo"].contains(&words[i - 1].as_str())
                || problem.contains(&stem(&words[i - 1])))
    });
    if a_result {
        return false;
    }
    (0..words.len()).any(|i| {
        let before = &words[..i];
        let names_it = before.iter().any(|w| named.contains(w));
        let state = words[i].as_str();
        let last_two = (
            i.checked_sub(2).map(|j| words[j].as_str()),
            before.last().map(String::as_str),
        );
        let of_it = AS_IT_SHOULD_BE.contains(&state)
            && match last_two {
                (_, Some(last)) if SAID_OF_IT.contains(&last) => true,
                (Some(it), Some(is)) => IT.contains(&it) && IS.contains(&is),
                _ => false,
            };
        (AS_IT_SHOULD_BE.contains(&state) || FINE.contains(&state)) && (names_it || of_it)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAYROLL: &str = "payroll-not-updating";
    const LOGIN: &str = "login-loop-signed-out";
    const SUBSCRIPTION: &str = "Verify the payroll subscription";
    const STATUS: &str = "Check the payroll service status and your connection";
    const DATE: &str = "Check the date, time and other sign-ins";

    #[test]
    fn what_was_checked_is_as_it_should_be() {
        for (said, step, problem) in [
            (
                "subscription is active, I checked it",
                SUBSCRIPTION,
                PAYROLL,
            ),
            ("yes its active", SUBSCRIPTION, PAYROLL),
            ("yes it is active", SUBSCRIPTION, PAYROLL),
            ("the date and time are correct", DATE, LOGIN),
            ("status page is all green", STATUS, PAYROLL),
            ("checked, the time is right", DATE, LOGIN),
            // A third reviewer's: a check state said of "it", "both", "everything", and what
            // the step's own check lines name.
            ("yes its correct", DATE, LOGIN),
            ("both are correct", DATE, LOGIN),
            ("everything is correct", DATE, LOGIN),
            ("connection is fine", STATUS, PAYROLL),
            (
                "status is active",
                "Verify the payroll subscription\nCheck that the service name and status show Active",
                PAYROLL,
            ),
            // An explorer's: "site" of "website", with nothing shown said beside it.
            (
                "the bank site is fine, no messages",
                "Check the bank's own website",
                "bank-feed-not-updating",
            ),
        ] {
            assert!(found_as_it_should_be(said, step, problem), "{said}");
        }
    }

    #[test]
    fn the_problem_gone_a_fault_found_a_guess_or_a_question_is_no_check_result() {
        // ("no errors" is left out as nothing shown; what remains still has to say fine.)
        assert!(!found_as_it_should_be(
            "no errors but still not working",
            "Check the bank's own website",
            "bank-feed-not-updating"
        ));
        for said in [
            "its fine now",
            "all good",
            "yes thats correct",
            "the subscription had expired",
            "the subscription was not active",
            "subscription is active now and the update works",
            "i renewed the subscription, still same",
            "is the subscription active?",
            "is my subscription active",
            "the subscription should be active",
            "i think the subscription is active",
            "ok",
            "subscription looks inactive",
            // A fourth reviewer's (thirty-third session): the problem's own words, or a
            // result beside the check.
            "payroll all good",
            "subscription is valid and payroll went through",
            "subscription is active and the tax tables downloaded",
        ] {
            assert!(
                !found_as_it_should_be(said, SUBSCRIPTION, PAYROLL),
                "{said}"
            );
        }
        for said in [
            // What another step checks.
            "the subscription is active",
            "status page is green and the update went through",
        ] {
            assert!(!found_as_it_should_be(said, STATUS, PAYROLL), "{said}");
        }
        for said in [
            "the time was wrong",
            "set the time correctly, works",
            "date is right and i stayed logged in all morning",
            "i think the time is correct",
            "yes thats correct",
        ] {
            assert!(!found_as_it_should_be(said, DATE, LOGIN), "{said}");
        }
    }
}

/// States that say a checked thing is at fault ("inactive", "expired", "not active").
const AT_FAULT: &[&str] = &[
    "inactive",
    "expired",
    "cancelled",
    "canceled",
    "suspended",
    "lapsed",
    "invalid",
    "incorrect",
    "not active",
    "isnt active",
    "not valid",
    "not correct",
    "wrong",
];

/// Whether `reply` tells that what a check step looks at is at fault: "status says Inactive",
/// "the subscription shows expired", "date is wrong" (explorer rv46 F8: "only noted"). What it
/// looks at is named by a word of `checked` (as for [`found_as_it_should_be`]), or the reply
/// is short and says what is shown ("says inactive"). Not a question, a guess, or a change
/// made ("i corrected the date").
pub fn found_at_fault(reply: &str, checked: &str) -> bool {
    const CHANGED: &[&str] = &[
        "corrected",
        "changed",
        "fixed",
        "updated",
        "renewed",
        "reactivated",
        "set",
        "entered",
    ];
    const SHOWN: &[&str] = &["says", "shows", "showing", "status", "listed", "marked"];
    if reply.contains('?') {
        return false;
    }
    let lower = reply.to_lowercase().replace(['\'', '’'], "");
    let words = crate::plain_words::lowercase_words(&lower);
    // A fault word not denied in the two words before it ("the key is not expired", "nothing
    // wrong there" say it is as it should be).
    const DENIED: &[&str] = &["not", "isnt", "no", "nothing", "never", "arent", "wasnt"];
    let faulty = (0..words.len()).any(|i| {
        AT_FAULT.iter().any(|f| {
            let fault: Vec<&str> = f.split(' ').collect();
            words[i..].starts_with(&fault.iter().map(|w| w.to_string()).collect::<Vec<_>>())
                && !words[i.saturating_sub(2)..i]
                    .iter()
                    .any(|w| DENIED.contains(&w.as_str()))
        })
    });
    if !faulty
        || words.len() > 12
        || words.iter().any(|w| {
            CHANGED.contains(&w.as_str())
                || NOT_SEEN.contains(&w.as_str())
                || ["was", "were"].contains(&w.as_str())
        })
        || words.first().is_some_and(|w| ASKS.contains(&w.as_str()))
    {
        return false;
    }
    let stem = crate::matcher::text::stem;
    let checked: Vec<String> = crate::plain_words::lowercase_words(checked)
        .iter()
        .filter(|w| w.len() >= 4)
        .map(|w| stem(w))
        .collect();
    let names_it = words
        .iter()
        .any(|w| w.len() >= 4 && !AT_FAULT.contains(&w.as_str()) && checked.contains(&stem(w)));
    names_it || (words.len() <= 5 && words.iter().any(|w| SHOWN.contains(&w.as_str())))
}

#[cfg(test)]
mod at_fault_tests {
    use super::found_at_fault;

    const STEP: &str =
        "Verify the payroll subscription\nCheck that the service name and status show \"Active\".";

    #[test]
    fn a_fault_found_by_the_check_is_read() {
        for said in [
            "status says Inactive",
            "the subscription shows expired",
            "it says inactive",
            "service status is not active",
        ] {
            assert!(found_at_fault(said, STEP), "{said}");
        }
    }

    #[test]
    fn no_fault_found_is_not_read_as_one() {
        for said in [
            "status is active",
            "is the status inactive?",
            "i renewed it, it was expired",
            "status is active, nothing wrong there",
            "its active, the service key is not expired",
            "maybe its expired",
            "still broken",
            "the wrong button",
        ] {
            assert!(!found_at_fault(said, STEP), "{said}");
        }
    }
}
