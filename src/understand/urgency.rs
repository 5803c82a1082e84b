//! Whether a message says the problem cannot wait ("payroll is due today", "need this fixed
//! asap"): the user is offered a person sooner, and staff see it on the ticket.

use super::text::Normalised;

/// Words that say it cannot wait, as whole-word phrases. A deadline needs its day or hour
/// ("due today", not "due in 30 days": a bank's statement may say that).
const URGENT: &[&str] = &[
    "urgent",
    "urgently",
    "asap",
    "emergency",
    "time sensitive",
    "deadline",
    "due today",
    "due tonight",
    "due tomorrow",
    "due tmrw",
    "due in an hour",
    "due in a few hours",
    "due in 1 hour",
    "due in 2 hours",
    "due this morning",
    "due this afternoon",
    "due by",
    "due at",
    "payroll is due",
    "payroll due",
    "taxes are due",
    "payroll has to go out",
    "payroll needs to go out",
    "payday is today",
    "payday is tomorrow",
    "payday today",
    "payday tomorrow",
    "run payroll today",
    "run payroll tonight",
    "run payroll by",
    "submit payroll today",
    "submit payroll by",
    "wont get paid",
    "will not get paid",
    "cant pay my employees",
    "cant pay our employees",
    "cant pay my staff",
    "cant pay our staff",
    "cant get paid",
    "need this fixed now",
    "need it fixed now",
    "need this fixed today",
    "need it fixed today",
    "need this working now",
    "need it working now",
    "need this working today",
    "need it working today",
    "need to fix this now",
    "need it now",
    "need this now",
    "clients are waiting",
    "client is waiting",
    "customers are waiting",
    "customer is waiting",
    "by end of day",
    "by end of the day",
    "by eod",
    "by close of business",
    "by cob",
    "losing money",
    "losing business",
];

/// Words that say it can wait; they outweigh the cues in the same message ("not urgent",
/// "no rush, the deadline is next month").
const CAN_WAIT: &[&str] = &[
    "not urgent",
    "nothing urgent",
    "isnt urgent",
    "is not urgent",
    "non urgent",
    "not an emergency",
    "no emergency",
    "not time sensitive",
    "no rush",
    "no hurry",
    "not in a hurry",
    "not in a rush",
    "no deadline",
    "not due",
    "whenever you can",
    "when you get a chance",
];

/// Urgency compared between problems ("can we do the payroll one first, thats more urgent"):
/// which to take first, said to choose, not a plea for a person.
const RANKS_THE_PROBLEMS: &[&str] = &[
    "more urgent",
    "most urgent",
    "less urgent",
    "the urgent one",
    "the more urgent",
];

/// Impatience with the walk itself ("this is taking forever"), not with the page ("this is
/// taking forever to load" is the problem).
const IMPATIENT: &[&str] = &[
    "this is taking forever",
    "this is taking too long",
    "this is taking ages",
    "this takes forever",
    "this takes too long",
    "hurry up",
    "can we hurry",
    "can you hurry",
];

/// Whether `message` is impatient with the walk ("this is taking forever, payroll is due").
pub fn impatient(message: &str) -> bool {
    let text = Normalised::new(message);
    IMPATIENT.iter().any(|p| {
        text.find(p).is_some_and(|at| {
            let after = &text.padded()[at + p.len() + 1..];
            after.split_whitespace().next() != Some("to")
        })
    })
}

/// The sentence of `message` that says the problem cannot wait, as written, or `None` when
/// nothing does (or the message says it can wait).
pub fn said(message: &str) -> Option<String> {
    let text = Normalised::new(message);
    if text.any(CAN_WAIT) || text.any(RANKS_THE_PROBLEMS) {
        return None;
    }
    sentences(&text.plain)
        .into_iter()
        .find(|s| {
            let sentence = Normalised::new(s);
            sentence.any(URGENT) || a_deadline_today(&sentence)
        })
        .map(str::to_string)
}

/// A task the user has to do before an hour of the day ("i have to send invoices before 5",
/// "need to run payroll by 3pm"): a deadline in everyday words.
fn a_deadline_today(text: &Normalised) -> bool {
    const MUST: &[&str] = &["have to", "need to", "got to", "gotta", "must", "has to"];
    let hour = |w: &str| {
        let digits = w.trim_end_matches("pm").trim_end_matches("am");
        !digits.is_empty()
            && digits.len() <= 2
            && digits.chars().all(|c| c.is_ascii_digit())
            && digits.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))
    };
    let words: Vec<&str> = text.words().collect();
    text.any(MUST)
        && words
            .windows(2)
            .any(|w| ["before", "by"].contains(&w[0]) && hour(w[1]))
}

/// `text`'s sentences as written: each ends after its run of `.`, `!` or `?` and any closing
/// bracket or quote that follows, where a space or the end comes next ("asap!!", "(2 hours!)";
/// "v1.2" and "qbo.intuit.com" are not cut).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        while let Some(&(_, next)) = chars.peek() {
            if matches!(next, '.' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’') {
                chars.next();
            } else {
                break;
            }
        }
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        if chars.peek().is_none_or(|&(_, next)| next.is_whitespace()) {
            out.push(text[start..end].trim());
            start = end;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_or_a_plea_is_urgent_with_the_sentence_that_says_it() {
        for (message, sentence) in [
            (
                "payroll is due today and quickbooks keeps giving me 502. i cant log in",
                "payroll is due today and quickbooks keeps giving me 502.",
            ),
            ("URGENT: bank feed down", "URGENT: bank feed down"),
            (
                "Error 502 again. I need this fixed asap!!",
                "I need this fixed asap!!",
            ),
            (
                "my employees wont get paid if this doesnt work",
                "my employees wont get paid if this doesnt work",
            ),
            (
                "we have a client waiting. clients are waiting on invoices",
                "clients are waiting on invoices",
            ),
            (
                "Have to run payroll by 3pm and it keeps timing out",
                "Have to run payroll by 3pm and it keeps timing out",
            ),
            ("filing deadline is tomorrow", "filing deadline is tomorrow"),
            // (A deadline in everyday words: an explorer's.)
            (
                "help!! session expired on my iphone and i have to send invoices before 5",
                "session expired on my iphone and i have to send invoices before 5",
            ),
            ("need to run payroll by 3pm", "need to run payroll by 3pm"),
            (
                "hurry. payroll is due by 3pm (2 hours!) and v1.2 of qbo.intuit.com fails. ok?",
                "payroll is due by 3pm (2 hours!)",
            ),
        ] {
            assert_eq!(said(message).as_deref(), Some(sentence), "{message}");
        }
    }

    #[test]
    fn impatience_with_the_walk_is_not_the_page_being_slow() {
        assert!(impatient("this is taking forever, payroll is due"));
        assert!(impatient("ugh this is taking too long"));
        assert!(impatient("hurry up pls"));
        assert!(!impatient("this is taking forever to load"));
        assert!(!impatient("qbo is taking forever"));
    }

    #[test]
    fn calm_or_ordinary_messages_are_not_urgent() {
        for message in [
            "bank feed not updating since monday",
            "it's not working right now",
            "not urgent, but the bank feed stopped",
            "no rush, payroll is due next week anyway",
            "the invoice says payment due in 30 days",
            "whenever you can: payroll won't update",
            "i cant wait to get this sorted lol",
            "it broke before 5 minutes ago",
            "the 502 started by 3 users at once",
            // (Which problem first, not a plea: an explorer's.)
            "wait can we do the payroll one first, thats more urgent",
            "",
            "👍",
        ] {
            assert_eq!(said(message), None, "{message}");
        }
    }
}
