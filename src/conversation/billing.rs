//! Reading a billing question told beside a technical problem ("i was charged twice and also
//! qbo is slow"): the walk answers the problem, and the billing part is not dropped.

use crate::understand;

/// Whether one part of the message asks about billing while the message as a whole tells of
/// trouble (a message only about billing is handed to a person as it is; see
/// [`understand::asks_about_billing`]).
pub(super) fn asked_beside_a_problem(text: &str) -> bool {
    if understand::asks_about_billing(text) {
        return false;
    }
    let parts = understand::problem_parts(text);
    parts.len() >= 2 && parts.iter().any(|p| understand::asks_about_billing(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charge_beside_a_slow_page_is_billing_beside_a_problem() {
        assert!(asked_beside_a_problem(
            "i was charged twice for my subscription this month and also qbo is slow af"
        ));
    }

    #[test]
    fn billing_alone_and_billing_words_of_a_problem_are_not() {
        for said in [
            "why was i charged twice?",
            "payroll subscription error PS077",
            "bank feed shows duplicate charges",
            "qbo is slow and also my bank feed isnt updating",
        ] {
            assert!(!asked_beside_a_problem(said), "{said}");
        }
    }
}
