//! Messages about the user's ticket: asking after it, adding to it, closing it.

use super::cues;
use super::text::Normalised;

/// "yes add it", "please add": the offer on screen to add to the ticket, taken in words.
pub fn only_says_add(message: &str) -> bool {
    cues::only_says_add(&Normalised::new(message))
}

/// Whether a request to add to the ticket is only the request ("add it to my ticket"), with
/// nothing of its own to add ("please add to ticket: H202" has).
pub fn only_asks_to_add(message: &str) -> bool {
    cues::only_asks_to_add(&Normalised::new(message))
}

/// Whether a message asks for the user's open ticket to be closed ("nevermind close it", "can
/// i cancel the ticket"): staff hear it in the user's words, and close it themselves.
pub fn asks_to_close_ticket(message: &str) -> bool {
    cues::asks_to_close_ticket(&Normalised::new(message))
}

/// Whether a message asks how the user's ticket is getting on ("is my ticket done?", "any
/// news?", "status of T-0001?").
pub fn asks_about_ticket(message: &str) -> bool {
    cues::asks_about_ticket(&Normalised::new(message))
}

/// Whether the message tells of waiting on support ("anyone there", "been waiting"): where
/// the ticket stands, unless a problem is named beside it.
pub fn waits_on_the_ticket(message: &str) -> bool {
    let text = Normalised::new(message);
    text.any(cues::WAITING) || cues::waited_this_long(&text)
}

/// The message without its words of waiting on support ("still nothing from support" ->
/// "still"): what it says beside the wait, to look a problem up in ("support" alone ranked
/// the unsupported-browser article).
pub fn besides_the_wait(message: &str) -> String {
    Normalised::new(message)
        .without(cues::WAITING)
        .padded()
        .trim()
        .to_string()
}

/// Whether the message asks for something to go on the ticket ("add it to my ticket", "please
/// attach this to the ticket: ..."); whatever else it says is what to add.
pub fn asks_to_add_to_ticket(message: &str) -> bool {
    cues::asks_to_add_to_ticket(&Normalised::new(message))
}
