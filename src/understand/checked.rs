//! A check's result told in a reply: what the step had the user check is as it should be ("the
//! subscription is active", "date and time are correct"), so the step found nothing to fix.

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
    "updated",
    "renewed",
    "corrected",
];

/// What a state word says it of, before it, for a state only a check has ("its active", "all
/// correct", "both are valid"); not "that" ("yes thats correct" agrees with something).
const SAID_OF_IT: &[&str] = &[
    "its",
    "it",
    "is",
    "are",
    "theyre",
    "they",
    "all",
    "both",
    "everything",
    "shows",
    "says",
];

/// Whether `reply` says that what a check step named in `checked` (its title: "Verify the
/// payroll subscription") is as it should be: "subscription is active, I checked it", "yes its
/// active", "the date and time are correct", "the connection is fine". Not the problem gone
/// ("its fine now", "all good"), not a fault found ("the subscription had expired", "the time
/// was wrong"), not a change made ("i corrected the date, still same"), not a question.
pub fn found_as_it_should_be(reply: &str, checked: &str) -> bool {
    if reply.contains('?') {
        return false;
    }
    let lower = reply.to_lowercase().replace(['\'', '’'], "");
    let words = crate::plain_words::lowercase_words(&lower);
    if words.len() > 14 || words.iter().any(|w| NOT_A_CHECK.contains(&w.as_str())) {
        return false;
    }
    // Words of four letters or more of what was checked ("subscription", "date", "time",
    // "connection", "status"), less the step's verb.
    const NOT_NAMES: &[&str] = &["check", "verify", "confirm", "make", "sure", "your", "that"];
    let named: Vec<String> = crate::plain_words::lowercase_words(checked)
        .into_iter()
        .filter(|w| w.len() >= 4 && !NOT_NAMES.contains(&w.as_str()))
        .collect();
    (0..words.len()).any(|i| {
        let before = &words[..i];
        let names_it = before.iter().any(|w| named.contains(w));
        let state = words[i].as_str();
        if AS_IT_SHOULD_BE.contains(&state) {
            names_it
                || before
                    .last()
                    .is_some_and(|w| SAID_OF_IT.contains(&w.as_str()))
        } else {
            FINE.contains(&state) && names_it
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_checked_is_as_it_should_be() {
        for (said, step) in [
            (
                "subscription is active, I checked it",
                "Verify the payroll subscription",
            ),
            ("yes its active", "Verify the payroll subscription"),
            (
                "the date and time are correct",
                "Check the date, time and other sign-ins",
            ),
            (
                "connection is fine",
                "Check the payroll service status and your connection",
            ),
            (
                "status page is all green",
                "Check the payroll service status and your connection",
            ),
            (
                "checked, the time is right",
                "Check the date, time and other sign-ins",
            ),
        ] {
            assert!(found_as_it_should_be(said, step), "{said}");
        }
    }

    #[test]
    fn the_problem_gone_a_fault_found_or_a_question_is_no_check_result() {
        let step = "Verify the payroll subscription";
        for said in [
            "its fine now",
            "all good",
            "yes thats correct",
            "the subscription had expired",
            "the subscription was not active",
            "subscription is active now and the update works",
            "i renewed the subscription, still same",
            "is the subscription active?",
            "ok",
            "subscription looks inactive",
        ] {
            assert!(!found_as_it_should_be(said, step), "{said}");
        }
        let step = "Check the date, time and other sign-ins";
        for said in ["the time was wrong", "set the time correctly, works"] {
            assert!(!found_as_it_should_be(said, step), "{said}");
        }
    }
}
