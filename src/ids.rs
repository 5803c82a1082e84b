//! Typed ids shared across layers (the session names its ticket; escalation owns tickets), kept
//! here so neither layer imports the other for them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A ticket id such as `T-0042`, backed by its sequence number. Serialised as the string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct TicketId(pub u64);

impl From<TicketId> for String {
    fn from(id: TicketId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for TicketId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "T-{:04}", self.0)
    }
}

impl FromStr for TicketId {
    type Err = String;
    /// Accepts `T-0042`, `t-42`, `#42` and `42`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let digits = t
            .strip_prefix("T-")
            .or_else(|| t.strip_prefix("t-"))
            .or_else(|| t.strip_prefix('#'))
            .unwrap_or(t);
        match digits.parse::<u64>() {
            Ok(n) if n > 0 => Ok(TicketId(n)),
            _ => Err(format!("`{s}` is not a ticket id: use the form T-0042")),
        }
    }
}
