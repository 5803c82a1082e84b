//! Staff buttons on ticket cards, typed: `sbt:<claim|release|resolve|reopen>:<ticket id>`.

use crate::escalation::StaffAction;
use crate::escalation::ticket::TicketId;

/// Prefix of staff ticket buttons.
const PREFIX: &str = "sbt";

/// What a staff button on a ticket card does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketPress {
    Claim,
    Release,
    Resolve,
    Reopen,
}

impl TicketPress {
    fn word(self) -> &'static str {
        match self {
            TicketPress::Claim => "claim",
            TicketPress::Release => "release",
            TicketPress::Resolve => "resolve",
            TicketPress::Reopen => "reopen",
        }
    }

    fn from_word(word: &str) -> Option<TicketPress> {
        [
            TicketPress::Claim,
            TicketPress::Release,
            TicketPress::Resolve,
            TicketPress::Reopen,
        ]
        .into_iter()
        .find(|p| p.word() == word)
    }

    /// The staff action the press asks for (a button carries no resolve note).
    pub fn action(self) -> StaffAction {
        match self {
            TicketPress::Claim => StaffAction::Claim,
            TicketPress::Release => StaffAction::Release,
            TicketPress::Resolve => StaffAction::Resolve { note: None },
            TicketPress::Reopen => StaffAction::Reopen { note: None },
        }
    }
}

/// One staff button: which press, on which ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketButton {
    pub press: TicketPress,
    pub ticket: TicketId,
}

impl TicketButton {
    pub fn custom_id(&self) -> String {
        format!("{PREFIX}:{}:{}", self.press.word(), self.ticket)
    }

    /// `None` for ids that are not ticket buttons; `Some(None)` for a ticket button this
    /// version does not know (an old card), so it is refused, never guessed.
    pub fn parse(custom_id: &str) -> Option<Option<TicketButton>> {
        let rest = custom_id.strip_prefix(PREFIX)?.strip_prefix(':')?;
        Some(rest.split_once(':').and_then(|(word, ticket)| {
            Some(TicketButton {
                press: TicketPress::from_word(word)?,
                ticket: ticket.parse().ok()?,
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_presses_are_not_guessed() {
        let b = TicketButton {
            press: TicketPress::Resolve,
            ticket: TicketId(7),
        };
        assert_eq!(b.custom_id(), "sbt:resolve:T-0007");
        assert_eq!(TicketButton::parse("sbt:resolve:T-0007"), Some(Some(b)));
        let release = TicketButton {
            press: TicketPress::Release,
            ticket: TicketId(7),
        };
        assert_eq!(
            TicketButton::parse(&release.custom_id()),
            Some(Some(release))
        );
        assert_eq!(release.press.action(), StaffAction::Release);
        assert_eq!(TicketButton::parse("sbt:archive:T-0007"), Some(None));
        assert_eq!(TicketButton::parse("sbt:claim:nope"), Some(None));
        assert_eq!(TicketButton::parse("sb:42:check"), None);
    }
}
