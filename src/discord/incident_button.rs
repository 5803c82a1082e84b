//! Staff buttons on a suspected-incident message, typed: `sbi:<confirm|dismiss>:<incident id>`.

use crate::incident::IncidentId;

const PREFIX: &str = "sbi";

/// Confirm (an outage: users are told) or dismiss (not one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentPress {
    Confirm,
    Dismiss,
}

impl IncidentPress {
    fn word(self) -> &'static str {
        match self {
            IncidentPress::Confirm => "confirm",
            IncidentPress::Dismiss => "dismiss",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IncidentPress::Confirm => "Confirm: it's an outage",
            IncidentPress::Dismiss => "Dismiss",
        }
    }
}

/// One button: which press, on which incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncidentButton {
    pub press: IncidentPress,
    pub incident: IncidentId,
}

impl IncidentButton {
    pub fn custom_id(&self) -> String {
        format!("{PREFIX}:{}:{}", self.press.word(), self.incident)
    }

    /// `None` for ids that are not incident buttons; `Some(None)` for one this version does
    /// not know, so it is refused, never guessed.
    pub fn parse(custom_id: &str) -> Option<Option<IncidentButton>> {
        let rest = custom_id.strip_prefix(PREFIX)?.strip_prefix(':')?;
        Some(rest.split_once(':').and_then(|(word, id)| {
            let press = [IncidentPress::Confirm, IncidentPress::Dismiss]
                .into_iter()
                .find(|p| p.word() == word)?;
            Some(IncidentButton {
                press,
                incident: id.parse().ok()?,
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_presses_are_not_guessed() {
        let b = IncidentButton {
            press: IncidentPress::Dismiss,
            incident: IncidentId(3),
        };
        assert_eq!(b.custom_id(), "sbi:dismiss:I-0003");
        assert_eq!(IncidentButton::parse("sbi:dismiss:I-0003"), Some(Some(b)));
        assert_eq!(IncidentButton::parse("sbi:archive:I-0003"), Some(None));
        assert_eq!(IncidentButton::parse("sbt:claim:T-0001"), None);
    }
}
