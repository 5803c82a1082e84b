//! For a person at once, not for troubleshooting steps: a break-in, a locked account, billing.

use super::cues;
use super::text::Normalised;

/// "i think my account got hacked", "someone changed my password": a break-in, which is for
/// a person at once, not for troubleshooting steps.
pub fn reports_a_break_in(message: &str) -> bool {
    const BREAK_IN: &[&str] = &[
        "hacked",
        "got hacked",
        "been hacked",
        "compromised",
        "someone changed my password",
        "somebody changed my password",
        "someone logged into my account",
        "someone logged in to my account",
        "someone is in my account",
        "somebody is in my account",
        "someone else is in my account",
        "unauthorized access",
        "unauthorised access",
        "unauthorized login",
        "unauthorised login",
        "unauthorized transactions",
        "unauthorised transactions",
        "suspicious login",
        "suspicious activity",
        "fraudulent",
        "identity theft",
        "phishing",
        // "someone changed my bank details in qbo and i didnt do it", "someone else logged
        // into my quickbooks", "a login alert from another country" (an explorer's).
        "someone changed my",
        "somebody changed my",
        "someone else changed",
        "someone accessed my",
        "somebody accessed my",
        "someone got into my",
        "somebody got into my",
        "someone else logged",
        "someone else signed",
        "someone signed into my",
        "someone signed in to my",
        "someone logged into my",
        "someone logged in to my",
        "login alert",
        "log in alert",
        "sign in alert",
        "signin alert",
        "security alert",
        "from another country",
        "from a different country",
    ];
    // ("is there a way to tell if i was hacked?" asks too, and is still for a person.) A
    // negation counts only just before the words ("i dont think i got hacked"), not elsewhere
    // ("there are invoices i didnt make, i think my account got hacked").
    Normalised::new(message)
        .negation_marked(cues::NEGATORS, 4)
        .any(BREAK_IN)
}

/// "it says my account is locked", "my user has been disabled": the account itself is shut,
/// which only the support team can open again; no browser fix does it. (Not "locked out",
/// which people say of any sign-in trouble.)
pub fn says_the_account_is_locked(message: &str) -> bool {
    const SHUT: &[&str] = &[
        "account is locked",
        "account was locked",
        "account has been locked",
        "account got locked",
        "account locked",
        "account is disabled",
        "account was disabled",
        "account has been disabled",
        "account is suspended",
        "account was suspended",
        "account has been suspended",
        "account suspended",
        "user is disabled",
        "user has been disabled",
        "user was disabled",
        "user is locked",
        "user has been locked",
    ];
    Normalised::new(message)
        .negation_marked(cues::NEGATORS, 3)
        .any(SHUT)
}

/// "why was i charged twice?", "cancel my subscription", "how much does payroll cost": a
/// question of billing, which no troubleshooting article answers, when it tells of no trouble
/// ("payroll subscription error PS077" is a payroll problem).
pub fn asks_about_billing(message: &str) -> bool {
    const BILLING: &[&str] = &[
        // (Not "charges" alone: a bank feed lists card charges.)
        "charged",
        "charge me",
        "charging me",
        "subscription charge",
        "monthly charge",
        // (Not "refund" alone: "how do i record a refund for a customer?" is bookkeeping.)
        "refund me",
        "my refund",
        "get a refund",
        "want a refund",
        "request a refund",
        "billing",
        "billed",
        "my bill",
        "my invoice from intuit",
        "subscription fee",
        "subscription price",
        "cancel my subscription",
        "cancel subscription",
        "cancel my account",
        "how much does",
        "how much is",
        "pricing",
        "discount",
        "upgrade my plan",
        "downgrade my plan",
        "change my plan",
        // A complaint about the price ("why is quickbooks so expensive now, $90 a month"):
        // an explorer's.
        "so expensive",
        "too expensive",
        "price went up",
        "price increase",
        "raised the price",
        "a month for this",
    ];
    // "how much does the download usually take", "how much is left": time or amount, not price.
    const NOT_A_PRICE: &[&str] = &[
        "take", "takes", "long", "time", "left", "space", "data", "memory", "storage",
    ];
    let text = Normalised::new(message);
    const HOW_MUCH: &[&str] = &["how much does", "how much is"];
    let about_time_or_amount = text.any(HOW_MUCH)
        && text.words().any(|w| NOT_A_PRICE.contains(&w))
        && !text.without(HOW_MUCH).any(BILLING);
    // (A price is no error code: "$90 a month" tells of no trouble; "PS077" does.)
    let a_code = text
        .words()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic));
    text.any(BILLING)
        && !about_time_or_amount
        && !cues::trouble_in_words(&text)
        && !a_code
        && !cues::negated(&text)
}
