//! The two kinds of failure a service call has: a refusal the person can act on (shown as it
//! is), and a failure inside (logged with context; the person sees that it failed on our side).
//! Each adapter maps these in one place.

use crate::escalation::ticket::TicketError;
use crate::store::{StoreError, TicketOpError};

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Not allowed or not possible as asked; the message says why and what to do.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// Failed inside: storage or a background task. Logged; never shown in detail.
    #[error(transparent)]
    Internal(#[from] Internal),
}

/// What a person asked for that cannot be done.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The ticket lifecycle said no (or the ticket does not exist).
    #[error(transparent)]
    Ticket(#[from] TicketError),
    /// A ticket id that does not parse.
    #[error("{0}")]
    BadTicketId(String),
    /// The incident lifecycle said no.
    #[error(transparent)]
    Incident(#[from] crate::incident::IncidentRefusal),
    /// A hand-declared incident must say which articles' users are told.
    #[error("name at least one article the incident concerns: its users are the ones told")]
    IncidentWithoutArticles,
    /// An incident with the same title is going on: declared twice by mistake, most likely.
    #[error(
        "incident {0} is already open with this title: post an update to it instead, or give the new incident its own title"
    )]
    IncidentAlreadyOpen(crate::incident::IncidentId),
    /// An article id that does not exist.
    #[error("there is no article `{id}`{}", suggest(.suggestions))]
    UnknownArticle {
        id: String,
        suggestions: Vec<String>,
    },
    /// Staff acted without saying who they are.
    #[error("a name is needed: say who you are with --by NAME")]
    NoStaffName,
    /// A hand-declared incident with an empty title: users would read nothing.
    #[error(
        "the title is empty: give the incident a title users will read, e.g. --title \"Payroll submissions delayed\""
    )]
    EmptyIncidentTitle,
    /// No incident has this id.
    #[error("there is no incident {0}")]
    UnknownIncident(crate::incident::IncidentId),
    /// Resolving by hand an incident whose target still fails: users would be told it is over,
    /// and the monitor would open a new one at its next bad check.
    #[error(
        "{id}'s target `{target}` still failed its last check ({result} at {at}): resolved now, users would be told the outage is over and the monitor would open a new incident at the next bad check. Let the monitor resolve it (after {needed} good checks in a row), or resolve it anyway: --force on the command line, force: True with /incident resolve"
    )]
    StillFailing {
        id: crate::incident::IncidentId,
        target: String,
        /// "bad gateway (502)".
        result: String,
        /// RFC 3339.
        at: String,
        needed: u32,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum Internal {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// What a person could do next about a refusal. The refusal says what is wrong; each surface
/// (command line, Discord) spells the next step in its own syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// See which tickets there are.
    ListTickets,
    /// Reopen this ticket.
    Reopen(crate::ids::TicketId),
    /// See which articles there are.
    ListArticles,
    /// See which incidents there are.
    ListIncidents,
}

/// How one surface spells a [`NextStep`].
pub trait SpellNextStep {
    fn spell(&self, step: &NextStep) -> String;
}

impl Refusal {
    /// The next step that goes with this refusal, if any.
    pub fn next_step(&self) -> Option<NextStep> {
        match self {
            Refusal::Ticket(TicketError::NotFound(_)) => Some(NextStep::ListTickets),
            Refusal::Ticket(TicketError::Resolved { id }) => Some(NextStep::Reopen(*id)),
            Refusal::IncidentWithoutArticles => Some(NextStep::ListArticles),
            Refusal::UnknownArticle { suggestions, .. } if suggestions.is_empty() => {
                Some(NextStep::ListArticles)
            }
            Refusal::UnknownIncident(_) => Some(NextStep::ListIncidents),
            _ => None,
        }
    }

    /// The refusal with its next step, as `surface` spells it.
    pub fn worded(&self, surface: &dyn SpellNextStep) -> String {
        match self.next_step() {
            Some(step) => format!("{self}. {}", surface.spell(&step)),
            None => self.to_string(),
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        ServiceError::Internal(e.into())
    }
}

impl From<tokio::task::JoinError> for ServiceError {
    fn from(e: tokio::task::JoinError) -> Self {
        ServiceError::Internal(e.into())
    }
}

impl From<crate::incident::IncidentRefusal> for ServiceError {
    fn from(e: crate::incident::IncidentRefusal) -> Self {
        ServiceError::Refused(e.into())
    }
}

impl From<TicketError> for ServiceError {
    fn from(e: TicketError) -> Self {
        ServiceError::Refused(e.into())
    }
}

impl From<TicketOpError> for ServiceError {
    fn from(e: TicketOpError) -> Self {
        match e {
            TicketOpError::Ticket(t) => t.into(),
            TicketOpError::Store(s) => s.into(),
        }
    }
}
