//! The problem told beside a request for a person ("i keep getting logged out every 5 min.
//! just get me a real person NOW"): the words left to rank once the request is set aside.
//! Pure; no I/O.

use super::cues;
use super::text::Normalised;

/// `message` without its parts (sentences and clauses) that only ask for a person ("just get
/// me a real person NOW", "talk to a human", "i want an agent"), whose words ("real",
/// "person", "agent") would otherwise rank articles (explorer rv48 F5: the login loop came
/// fourth on the ticket, below articles matched on "real" and "person"). The message as it is
/// when no part asks for a person, or when nothing else is left.
pub fn without_the_ask_for_a_person(message: &str) -> String {
    let parts: Vec<&str> = message
        .split(['.', ',', ';', '!', '?', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|part| !cues::only_asks_for_a_human(&Normalised::new(part)))
        .collect();
    if kept.is_empty() || kept.len() == parts.len() {
        message.to_string()
    } else {
        kept.join(". ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ask_for_a_person_is_set_aside_and_the_problem_kept() {
        for (said, left) in [
            (
                "i keep getting logged out of quickbooks every 5 min. just get me a real person NOW",
                "i keep getting logged out of quickbooks every 5 min",
            ),
            (
                "talk to a human, bank feed not updating",
                "bank feed not updating",
            ),
            (
                "payroll wont update!! i want an agent",
                "payroll wont update",
            ),
        ] {
            assert_eq!(without_the_ask_for_a_person(said), left, "{said}");
        }
        // Nothing else said, or no ask: the message as it is.
        for same in ["get me a real person", "bank feed not updating wells fargo"] {
            assert_eq!(without_the_ask_for_a_person(same), same);
        }
    }
}
