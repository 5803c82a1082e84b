//! Incidents: "it's them, not you", as data and pure rules. A target's check history decides
//! when it is down for everyone ([`health`], with hysteresis); an [`Incident`] carries the
//! lifecycle suspected -> open -> monitoring -> resolved, its evidence and the articles it
//! concerns; [`history`] keeps uptime and latency. The store keeps them, the service runs the
//! monitor.

pub mod chart;
pub mod crowd;
pub mod health;
pub mod history;

use crate::probe::Verdict;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// `I-0007`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IncidentId(pub u32);

impl fmt::Display for IncidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "I-{:04}", self.0)
    }
}

impl FromStr for IncidentId {
    type Err = String;

    /// `I-0007`, `i-7` or `7`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let digits = t
            .strip_prefix("I-")
            .or_else(|| t.strip_prefix("i-"))
            .unwrap_or(t);
        match digits.parse::<u32>() {
            Ok(n) if n > 0 => Ok(IncidentId(n)),
            _ => Err(format!(
                "`{s}` is not an incident id: write it as shown, e.g. I-0007"
            )),
        }
    }
}

/// Where an incident is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IncidentState {
    /// Seen by the crowd signal only: staff confirm (open) or dismiss it; users are not told.
    Suspected,
    /// Down for everyone: users who land on its articles are told.
    Open,
    /// The probes see it up again; waiting for enough good checks in a row.
    Monitoring,
    Resolved,
}

impl IncidentState {
    /// Open or monitoring: users are still told about it.
    pub fn is_active(self) -> bool {
        matches!(self, IncidentState::Open | IncidentState::Monitoring)
    }

    pub fn word(self) -> &'static str {
        match self {
            IncidentState::Suspected => "suspected",
            IncidentState::Open => "open",
            IncidentState::Monitoring => "monitoring",
            IncidentState::Resolved => "resolved",
        }
    }
}

/// Who or what opened it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Origin {
    /// The monitor: `target` failed its threshold.
    Probe { target: String },
    /// Declared by staff, for what no probe sees.
    Manual { by: String },
    /// The crowd signal: `users` distinct users landed on `article` within the window.
    Crowd { article: String, users: usize },
}

/// One bad (or, while monitoring, good) check that is part of the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub at: u64,
    pub target: String,
    pub verdict: Verdict,
    pub status: Option<u16>,
    /// What exactly was seen ("answered 502 Bad Gateway after 120 ms").
    pub detail: String,
}

/// A staff update (or the monitor's own note) on the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    pub at: u64,
    pub by: String,
    pub text: String,
    /// The state after this update.
    pub state: IncidentState,
}

/// Who the monitor's own updates are by.
pub const BY_MONITOR: &str = "monitor";

/// How many pieces of evidence an incident keeps: the first (when it started) and the latest.
pub const EVIDENCE_KEPT: usize = 30;

/// Longest incident title and update text: what fits a Discord embed field with room to spare.
pub const MAX_TEXT_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: IncidentId,
    /// What users are told is wrong ("QuickBooks Online answers 502 Bad Gateway").
    pub title: String,
    pub origin: Origin,
    pub state: IncidentState,
    /// Targets whose checks are evidence (empty for a manual incident about no target).
    pub targets: Vec<String>,
    /// Articles it concerns: users who land on them are told.
    pub articles: Vec<String>,
    pub opened_at: u64,
    pub updated_at: u64,
    pub resolved_at: Option<u64>,
    pub evidence: Vec<Evidence>,
    pub updates: Vec<Update>,
}

/// A refused staff action on an incident: nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IncidentRefusal {
    #[error("{0} is already resolved; open a new incident if it is back")]
    AlreadyResolved(IncidentId),
    #[error(
        "{0} is not suspected (it is {1}); only a suspected incident is confirmed or dismissed"
    )]
    NotSuspected(IncidentId, &'static str),
    #[error("the text is empty: say what users should know")]
    Empty,
    #[error("the text is {0} characters; keep it under {MAX_TEXT_CHARS}")]
    TooLong(usize),
}

/// Checks staff text: not empty, not over [`MAX_TEXT_CHARS`]. Returns it trimmed.
pub fn staff_text(text: &str) -> Result<String, IncidentRefusal> {
    let t = text.trim();
    let n = t.chars().count();
    if n == 0 {
        return Err(IncidentRefusal::Empty);
    }
    if n > MAX_TEXT_CHARS {
        return Err(IncidentRefusal::TooLong(n));
    }
    Ok(t.to_string())
}

impl Incident {
    /// A new incident, open from `at`.
    pub fn open(
        id: IncidentId,
        title: String,
        origin: Origin,
        targets: Vec<String>,
        articles: Vec<String>,
        at: u64,
    ) -> Incident {
        Incident {
            id,
            title,
            origin,
            state: IncidentState::Open,
            targets,
            articles,
            opened_at: at,
            updated_at: at,
            resolved_at: None,
            evidence: Vec::new(),
            updates: Vec::new(),
        }
    }

    /// Adds evidence, keeping the first and the latest [`EVIDENCE_KEPT`].
    pub fn add_evidence(&mut self, e: Evidence) {
        if self.evidence.len() >= EVIDENCE_KEPT {
            self.evidence.remove(1);
        }
        self.updated_at = self.updated_at.max(e.at);
        self.evidence.push(e);
    }

    /// Moves to `state`, noting why. A resolved incident stays resolved.
    pub fn transition(
        &mut self,
        state: IncidentState,
        by: &str,
        text: String,
        at: u64,
    ) -> Result<(), IncidentRefusal> {
        if self.state == IncidentState::Resolved {
            return Err(IncidentRefusal::AlreadyResolved(self.id));
        }
        self.state = state;
        // A clock that jumped back never makes an incident end before it began.
        let at = at.max(self.opened_at);
        self.updated_at = at;
        if state == IncidentState::Resolved {
            self.resolved_at = Some(at);
        }
        self.updates.push(Update {
            at,
            by: by.to_string(),
            text,
            state,
        });
        Ok(())
    }

    /// Staff confirm a suspected incident: it opens, and users are told from now on.
    pub fn confirm(&mut self, by: &str, at: u64) -> Result<(), IncidentRefusal> {
        self.expect_suspected()?;
        self.transition(IncidentState::Open, by, format!("Confirmed by {by}."), at)
    }

    /// Staff dismiss a suspected incident: closed, nobody was told.
    pub fn dismiss(&mut self, by: &str, at: u64) -> Result<(), IncidentRefusal> {
        self.expect_suspected()?;
        self.transition(
            IncidentState::Resolved,
            by,
            format!("Dismissed by {by}: not an outage."),
            at,
        )
    }

    fn expect_suspected(&self) -> Result<(), IncidentRefusal> {
        if self.state == IncidentState::Suspected {
            Ok(())
        } else {
            Err(IncidentRefusal::NotSuspected(self.id, self.state.word()))
        }
    }

    /// A staff update that keeps the state.
    pub fn post_update(&mut self, by: &str, text: &str, at: u64) -> Result<(), IncidentRefusal> {
        let text = staff_text(text)?;
        self.transition(self.state, by, text, at)
    }

    /// Whether a person on staff stands behind it: they opened it (by hand, or by confirming
    /// a crowd-suspected one), or wrote an update on one the monitor opened. Users are told
    /// "the support team has confirmed it" only then; otherwise that the bot's checks saw it.
    pub fn staff_confirmed(&self) -> bool {
        match self.origin {
            Origin::Probe { .. } => self.updates.iter().any(|u| u.by != BY_MONITOR),
            Origin::Manual { .. } | Origin::Crowd { .. } => true,
        }
    }

    /// Whether users who land on `article` are told about it now.
    pub fn concerns(&self, article: &str) -> bool {
        self.state.is_active() && self.articles.iter().any(|a| a == article)
    }

    /// How long it lasted (or has lasted until `now`), in seconds.
    pub fn duration(&self, now: u64) -> u64 {
        self.resolved_at
            .unwrap_or(now)
            .saturating_sub(self.opened_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident() -> Incident {
        Incident::open(
            IncidentId(7),
            "QuickBooks Online answers 502".into(),
            Origin::Probe {
                target: "qbo".into(),
            },
            vec!["qbo".into()],
            vec!["quickbooks-error-502".into()],
            1_000,
        )
    }

    #[test]
    fn ids_read_as_written() {
        assert_eq!(IncidentId(7).to_string(), "I-0007");
        for s in ["I-0007", "i-7", "7", " I-7 "] {
            assert_eq!(s.parse::<IncidentId>(), Ok(IncidentId(7)), "{s}");
        }
        for bad in ["", "I-", "T-0007", "0", "I-x"] {
            assert!(bad.parse::<IncidentId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_resolved_incident_refuses_changes_and_keeps_its_state() {
        let mut i = incident();
        i.transition(IncidentState::Resolved, "monitor", "up again".into(), 2_000)
            .unwrap();
        let before = i.clone();
        assert_eq!(
            i.transition(IncidentState::Resolved, "sam", "done".into(), 3_000),
            Err(IncidentRefusal::AlreadyResolved(IncidentId(7)))
        );
        assert_eq!(
            i.post_update("sam", "more", 3_000),
            Err(IncidentRefusal::AlreadyResolved(IncidentId(7)))
        );
        assert_eq!(i, before);
        assert!(!i.concerns("quickbooks-error-502"));
    }

    #[test]
    fn staff_text_is_bounded_and_a_clock_jump_back_never_ends_before_the_start() {
        let mut i = incident();
        assert_eq!(
            i.post_update("sam", "  ", 1_100),
            Err(IncidentRefusal::Empty)
        );
        assert!(matches!(
            i.post_update("sam", &"x".repeat(MAX_TEXT_CHARS + 1), 1_100),
            Err(IncidentRefusal::TooLong(_))
        ));
        assert!(i.updates.is_empty());
        i.transition(IncidentState::Resolved, "sam", "fixed".into(), 10)
            .unwrap();
        assert_eq!(i.resolved_at, Some(1_000));
        assert_eq!(i.duration(5_000), 0);
    }

    #[test]
    fn only_a_suspected_incident_is_confirmed_or_dismissed() {
        let mut i = incident();
        i.state = IncidentState::Suspected;
        assert!(
            !i.concerns("quickbooks-error-502"),
            "users are not told while suspected"
        );
        i.confirm("sam", 1_100).unwrap();
        assert!(i.concerns("quickbooks-error-502"));
        assert_eq!(
            i.confirm("sam", 1_200),
            Err(IncidentRefusal::NotSuspected(IncidentId(7), "open"))
        );
        assert!(i.dismiss("sam", 1_200).is_err());
        let mut d = incident();
        d.state = IncidentState::Suspected;
        d.dismiss("sam", 1_300).unwrap();
        assert_eq!(d.state, IncidentState::Resolved);
    }

    #[test]
    fn evidence_keeps_the_first_and_the_latest() {
        let mut i = incident();
        for at in 0..100 {
            i.add_evidence(Evidence {
                at: 1_000 + at,
                target: "qbo".into(),
                verdict: Verdict::BadGateway,
                status: Some(502),
                detail: String::new(),
            });
        }
        assert_eq!(i.evidence.len(), EVIDENCE_KEPT);
        assert_eq!(i.evidence[0].at, 1_000);
        assert_eq!(i.evidence.last().map(|e| e.at), Some(1_099));
    }
}
