//! Tickets: ids, statuses and the lifecycle open -> claimed -> resolved (reopen allowed); pure.

use super::summary::{Added, Summary, rfc3339};
pub use crate::ids::TicketId;
use crate::session::UserRef;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Open,
    Claimed,
    Resolved,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Claimed => "claimed",
            Status::Resolved => "resolved",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "open" => Ok(Status::Open),
            "claimed" => Ok(Status::Claimed),
            "resolved" => Ok(Status::Resolved),
            other => Err(format!(
                "unknown status `{other}`: use open, claimed or resolved"
            )),
        }
    }
}

/// One change of a ticket's status: who, when, and an optional note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub at: u64,
    pub by: String,
    pub from: Option<Status>,
    pub to: Status,
    pub note: Option<String>,
}

/// One change of a ticket's history in words, for staff: what happened ("opened", "claimed",
/// "taken over", "released", "resolved", "reopened"), by whom, who held the ticket before when
/// that is news ("taken over by Jo (was Sam)"), and the note the user was told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeTold<'a> {
    pub at: u64,
    pub what: &'static str,
    pub by: &'a str,
    /// Who held it before: for a take-over, or a release by someone other than the holder.
    pub was: Option<&'a str>,
    pub note: Option<&'a str>,
}

impl ChangeTold<'_> {
    /// "taken over by Jo (was Sam)", "released by lead (claimed by carol)", with each name
    /// passed through `name` (escaped for where it is shown); the note is left to the caller.
    pub fn words(&self, name: impl Fn(&str) -> String) -> String {
        let was = match (self.what, self.was) {
            ("released", Some(h)) => format!(" (claimed by {})", name(h)),
            (_, Some(h)) => format!(" (was {})", name(h)),
            (_, None) => String::new(),
        };
        format!("{} by {}{was}", self.what, name(self.by))
    }
}

/// One line of a ticket's history as staff read it in `tickets show` and the export: a status
/// change, a staff-only note, or a summary the user added after the first.
#[derive(Debug, Clone, PartialEq)]
pub enum HistoryLine<'a> {
    Change(ChangeTold<'a>),
    StaffNote(&'a StaffNote),
    /// Summary `number` (counted from 1, never 1: the first opened the ticket) of `total`.
    Summary {
        at: u64,
        number: usize,
        total: usize,
        added: Option<Added>,
    },
}

impl HistoryLine<'_> {
    pub fn at(&self) -> u64 {
        match self {
            HistoryLine::Change(c) => c.at,
            HistoryLine::StaffNote(n) => n.at,
            HistoryLine::Summary { at, .. } => *at,
        }
    }

    /// What happened, in one word for scripts: "opened", "claimed", "taken-over", "released",
    /// "resolved", "reopened", "staff-note", "added", "works-now" or "handed-over-again".
    pub fn event(&self) -> &'static str {
        match self {
            HistoryLine::Change(c) => match c.what {
                "taken over" => "taken-over",
                what => what,
            },
            HistoryLine::StaffNote(_) => "staff-note",
            HistoryLine::Summary { added, .. } => match added {
                Some(Added::FollowUp) => "added",
                Some(Added::WorksNow) => "works-now",
                None => "handed-over-again",
            },
        }
    }

    /// The line in words, each name and text passed through `escape` (for where it is shown):
    /// "resolved by sam, told the user: ...", "note by sam (staff only, not sent to the user):
    /// ...", "added to by the user (summary 3 of 3): says it works now, can be resolved".
    pub fn words(&self, escape: impl Fn(&str) -> String) -> String {
        match self {
            HistoryLine::Change(c) => format!(
                "{}{}",
                c.words(&escape),
                c.note
                    .map(|n| format!(", told the user: {}", escape(n)))
                    .unwrap_or_default()
            ),
            HistoryLine::StaffNote(n) => format!(
                "note by {} (staff only, not sent to the user): {}",
                escape(&n.by),
                escape(&n.text)
            ),
            HistoryLine::Summary {
                number,
                total,
                added,
                ..
            } => match added {
                Some(Added::WorksNow) => {
                    format!("added to by the user (summary {number} of {total}): {WORKS_NOW}")
                }
                Some(Added::FollowUp) => {
                    format!("added to by the user (summary {number} of {total})")
                }
                None => format!("handed over again by the user (summary {number} of {total})"),
            },
        }
    }
}

/// What a summary the user added saying the problem is gone tells staff.
const WORKS_NOW: &str = "says it works now, can be resolved";

/// A note on a ticket: the words given with a status change (sent to the user with it), or one
/// added with `tickets note` that stays with staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffNote {
    pub at: u64,
    pub by: String,
    pub text: String,
    /// Added on its own for staff ([`Ticket::add_note`]): never sent to the user. (Absent in
    /// records written before there were such notes, which were all sent.)
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub staff_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: TicketId,
    pub status: Status,
    pub user: UserRef,
    pub created_at: u64,
    pub updated_at: u64,
    pub history: Vec<Change>,
    pub notes: Vec<StaffNote>,
    /// One summary per escalation; a second escalation while open adds one.
    pub summaries: Vec<Summary>,
}

/// Whether two staff names are one person: "Sam", "sam" and " SAM " are. Names are stored as
/// written (the first spelling stays on the ticket); only comparisons go through here. Discord
/// staff are "display name (id)": two of those are one person when their ids are, so a staff
/// member who renamed themselves is still the one holding their ticket.
pub fn same_staff(a: &str, b: &str) -> bool {
    match (account_id(a), account_id(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a.trim().to_lowercase() == b.trim().to_lowercase(),
    }
}

/// The account id at the end of a staff name, "Sam (123)" -> "123".
fn account_id(name: &str) -> Option<&str> {
    let (_, id) = name.trim().strip_suffix(')')?.rsplit_once(" (")?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

/// The longest resolution note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// A lifecycle step that is not allowed now; Display is shown to staff.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TicketError {
    #[error("ticket {0} does not exist")]
    NotFound(TicketId),
    /// Shown with the surface's way to reopen it ([`crate::service::NextStep::Reopen`]).
    #[error("ticket {id} is resolved, so it cannot be changed until it is reopened")]
    Resolved { id: TicketId },
    #[error("ticket {id} is already {status}; only resolved tickets can be reopened")]
    NotResolved { id: TicketId, status: Status },
    #[error(
        "ticket {id} is already claimed by {by}; to take it over, claim it with --take-over (on Discord: /ticket claim with take_over: True)"
    )]
    AlreadyClaimed { id: TicketId, by: String },
    #[error("ticket {id} is {status}, not claimed; only a claimed ticket can be released")]
    NotClaimed { id: TicketId, status: Status },
    #[error("a name is needed: say who you are with --by NAME")]
    NoName,
    /// A staff note with nothing in it.
    #[error("the note is empty: give its text with --text \"...\"")]
    EmptyNote,
    /// A resolution note the user would get as one message: kept readable.
    #[error(
        "the note is {chars} characters long; keep it under {MAX_NOTE_CHARS} (the user gets it as one message), and put longer details in a link"
    )]
    NoteTooLong { chars: usize },
    /// Reopening would give the user a second open ticket (one open ticket per user).
    #[error(
        "ticket {id} cannot be reopened: its user {user} already has ticket {other} open (one open ticket per user).\n  \
         Carry on in {other}, or resolve {other} first and then reopen {id}."
    )]
    UserHasOpen {
        id: TicketId,
        user: String,
        other: TicketId,
    },
}

impl Ticket {
    pub fn new(id: TicketId, summary: Summary, now: u64) -> Ticket {
        Ticket {
            id,
            status: Status::Open,
            user: summary.user.clone(),
            created_at: now,
            updated_at: now,
            history: vec![Change {
                at: now,
                by: summary.user.name.clone(),
                from: None,
                to: Status::Open,
                note: None,
            }],
            notes: Vec::new(),
            summaries: vec![summary],
        }
    }

    /// The best name known for the user: the latest one an escalation gave that is more than
    /// their id (a web form's `--name` after a chat that knew only the id), else the one the
    /// ticket was opened with. Their id is `user.id`, which never changes.
    pub fn user_name(&self) -> &str {
        let id = self.user.id.trim();
        self.summaries
            .iter()
            .rev()
            .map(|s| s.user.name.as_str())
            .find(|n| !n.trim().is_empty() && n.trim() != id)
            .unwrap_or(&self.user.name)
    }

    /// Who holds the ticket now, if claimed.
    pub fn claimed_by(&self) -> Option<&str> {
        (self.status == Status::Claimed)
            .then(|| {
                self.history
                    .iter()
                    .rev()
                    .find(|c| c.to == Status::Claimed)
                    .map(|c| c.by.as_str())
            })
            .flatten()
    }

    fn change(&mut self, to: Status, by: &str, note: Option<String>, now: u64) {
        self.history.push(Change {
            at: now,
            by: by.to_string(),
            from: Some(self.status),
            to,
            note: note.clone(),
        });
        if let Some(text) = note {
            self.notes.push(StaffNote {
                at: now,
                by: by.to_string(),
                text,
                staff_only: false,
            });
        }
        self.status = to;
        self.updated_at = now;
    }

    pub fn claim(&mut self, by: &str, now: u64) -> Result<(), TicketError> {
        self.claim_as(by, false, now)
    }

    /// Claims a ticket whoever holds it (a lead reassigns it, or the claimer is away): one
    /// step, where a release and a claim would tell the user twice. An open ticket is simply
    /// claimed; one the taker holds already is left as it is.
    pub fn take_over(&mut self, by: &str, now: u64) -> Result<(), TicketError> {
        self.claim_as(by, true, now)
    }

    fn claim_as(&mut self, by: &str, take_over: bool, now: u64) -> Result<(), TicketError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(TicketError::NoName);
        }
        match self.status {
            Status::Resolved => Err(TicketError::Resolved { id: self.id }),
            Status::Claimed if self.claimed_by().is_some_and(|h| same_staff(h, by)) => Ok(()),
            Status::Claimed if !take_over => Err(TicketError::AlreadyClaimed {
                id: self.id,
                by: self.claimed_by().unwrap_or("someone").to_string(),
            }),
            Status::Claimed | Status::Open => {
                self.change(Status::Claimed, by, None, now);
                Ok(())
            }
        }
    }

    /// Gives a claimed ticket back to the queue (the claimer is away, or a lead reassigns it):
    /// open again for anyone to claim. Anyone on staff may release; the history says who.
    pub fn release(&mut self, by: &str, now: u64) -> Result<(), TicketError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(TicketError::NoName);
        }
        if self.status != Status::Claimed {
            return Err(TicketError::NotClaimed {
                id: self.id,
                status: self.status,
            });
        }
        self.change(Status::Open, by, None, now);
        Ok(())
    }

    pub fn resolve(&mut self, by: &str, note: Option<String>, now: u64) -> Result<(), TicketError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(TicketError::NoName);
        }
        check_note_length(note.as_deref())?;
        if self.status == Status::Resolved {
            return Err(TicketError::Resolved { id: self.id });
        }
        self.change(
            Status::Resolved,
            by,
            note.filter(|n| !n.trim().is_empty()),
            now,
        );
        Ok(())
    }

    /// Reopens a resolved ticket, with an optional reason (the user is told it, as a
    /// resolution note).
    pub fn reopen(&mut self, by: &str, note: Option<String>, now: u64) -> Result<(), TicketError> {
        if self.status != Status::Resolved {
            return Err(TicketError::NotResolved {
                id: self.id,
                status: self.status,
            });
        }
        let by = by.trim();
        if by.is_empty() {
            return Err(TicketError::NoName);
        }
        check_note_length(note.as_deref())?;
        self.change(Status::Open, by, note.filter(|n| !n.trim().is_empty()), now);
        Ok(())
    }

    /// Adds a staff-only note (what was found, who was called): kept on the ticket and shown to
    /// staff, never sent to the user; the status stays as it is.
    pub fn add_note(&mut self, by: &str, text: &str, now: u64) -> Result<(), TicketError> {
        let by = by.trim();
        if by.is_empty() {
            return Err(TicketError::NoName);
        }
        let text = text.trim();
        if text.is_empty() {
            return Err(TicketError::EmptyNote);
        }
        self.notes.push(StaffNote {
            at: now,
            by: by.to_string(),
            text: text.to_string(),
            staff_only: true,
        });
        self.updated_at = now;
        Ok(())
    }

    /// The history in words ([`ChangeTold`]), oldest first.
    pub fn history_told(&self) -> Vec<ChangeTold<'_>> {
        let mut holder: Option<&str> = None;
        let mut told = Vec::with_capacity(self.history.len());
        for c in &self.history {
            let before = holder.filter(|h| !same_staff(h, &c.by));
            let (what, was) = match (c.from, c.to) {
                (None, _) => ("opened", None),
                (Some(Status::Claimed), Status::Claimed) => ("taken over", before),
                (_, Status::Claimed) => ("claimed", None),
                (Some(Status::Claimed), Status::Open) => ("released", before),
                (Some(Status::Resolved), Status::Open) => ("reopened", None),
                (_, Status::Open) => ("opened", None),
                (_, Status::Resolved) => ("resolved", None),
            };
            holder = (c.to == Status::Claimed).then_some(c.by.as_str());
            told.push(ChangeTold {
                at: c.at,
                what,
                by: &c.by,
                was,
                note: c.note.as_deref(),
            });
        }
        told
    }

    /// The history as staff read it ([`HistoryLine`]): status changes, staff-only notes and
    /// the summaries the user added after the first, in time order (at the same second, in
    /// that order).
    pub fn history_lines(&self) -> Vec<HistoryLine<'_>> {
        let mut lines: Vec<HistoryLine<'_>> = self
            .history_told()
            .into_iter()
            .map(HistoryLine::Change)
            .collect();
        lines.extend(
            self.notes
                .iter()
                .filter(|n| n.staff_only)
                .map(HistoryLine::StaffNote),
        );
        let total = self.summaries.len();
        lines.extend(self.summaries.iter().enumerate().skip(1).map(|(i, s)| {
            HistoryLine::Summary {
                at: s.at,
                number: i + 1,
                total,
                added: s.added,
            }
        }));
        // (A stable sort: what happened in one second keeps the order above.)
        lines.sort_by_key(HistoryLine::at);
        lines
    }

    /// How the export heads summary `index` (counted from 0) when the ticket has more than
    /// one, saying which it is and when and how it came: "Summary 1 of 3, opened by the user
    /// at ...", "Summary 3 of 3, added by the user at ...: says it works now, can be
    /// resolved". `None` for a ticket's only summary, and for an index it does not have.
    pub fn summary_label(&self, index: usize) -> Option<String> {
        let total = self.summaries.len();
        let s = self.summaries.get(index).filter(|_| total > 1)?;
        let how = match (index, s.added) {
            (0, _) => "opened by the user",
            (_, Some(_)) => "added by the user",
            (_, None) => "handed over again by the user",
        };
        let news = match (index, s.added) {
            (1.., Some(Added::WorksNow)) => format!(": {WORKS_NOW}"),
            _ => String::new(),
        };
        Some(format!(
            "Summary {} of {total}, {how} at {}{news}",
            index + 1,
            rfc3339(s.at)
        ))
    }

    /// When the ticket was first claimed and last resolved, for stats.
    pub fn first_claimed_at(&self) -> Option<u64> {
        self.history
            .iter()
            .find(|c| c.to == Status::Claimed)
            .map(|c| c.at)
    }

    pub fn resolved_at(&self) -> Option<u64> {
        (self.status == Status::Resolved)
            .then(|| {
                self.history
                    .iter()
                    .rev()
                    .find(|c| c.to == Status::Resolved)
                    .map(|c| c.at)
            })
            .flatten()
    }

    /// The latest summary (a ticket always has one).
    pub fn summary(&self) -> Option<&Summary> {
        self.summaries.last()
    }
}

/// A note the user gets as one message is kept under [`MAX_NOTE_CHARS`].
fn check_note_length(note: Option<&str>) -> Result<(), TicketError> {
    match note
        .map(|n| n.trim().chars().count())
        .filter(|&c| c > MAX_NOTE_CHARS)
    {
        Some(chars) => Err(TicketError::NoteTooLong { chars }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn ticket() -> Ticket {
        let s = Session::new(
            UserRef {
                id: "u".into(),
                name: "Ann".into(),
                channel: "c".into(),
            },
            0,
        );
        Ticket::new(TicketId(42), Summary::capture(&s, None, None, "r", 0), 0)
    }

    #[test]
    fn ids_print_and_parse() {
        assert_eq!(TicketId(42).to_string(), "T-0042");
        assert_eq!(TicketId(12345).to_string(), "T-12345");
        for s in ["T-0042", "t-42", "#42", "42"] {
            assert_eq!(s.parse::<TicketId>(), Ok(TicketId(42)));
        }
        assert!("T-abc".parse::<TicketId>().is_err());
        assert!("0".parse::<TicketId>().is_err());
    }

    #[test]
    fn lifecycle() {
        let mut t = ticket();
        t.claim("bob", 10).unwrap();
        assert_eq!(t.claimed_by(), Some("bob"));
        assert!(matches!(
            t.claim("eve", 11),
            Err(TicketError::AlreadyClaimed { .. })
        ));
        assert_eq!(
            t.resolve("bob", Some("x".repeat(MAX_NOTE_CHARS + 1)), 20),
            Err(TicketError::NoteTooLong {
                chars: MAX_NOTE_CHARS + 1
            })
        );
        t.resolve("bob", Some("cleared cache".into()), 20).unwrap();
        assert_eq!(t.resolved_at(), Some(20));
        assert!(t.claim("bob", 21).is_err());
        assert!(t.resolve("bob", None, 21).is_err());
        assert_eq!(t.reopen(" ", None, 30), Err(TicketError::NoName));
        t.reopen("ann", None, 30).unwrap();
        assert_eq!(t.status, Status::Open);
        assert_eq!(t.notes.len(), 1);
        assert_eq!(t.history.len(), 4);
        assert!(matches!(
            t.reopen("x", None, 31),
            Err(TicketError::NotResolved { .. })
        ));
        assert_eq!(t.first_claimed_at(), Some(10));
    }

    #[test]
    fn a_reopen_reason_is_kept_like_a_resolution_note() {
        let mut t = ticket();
        t.resolve("bob", None, 20).unwrap();
        assert_eq!(
            t.reopen("bob", Some("y".repeat(MAX_NOTE_CHARS + 1)), 30),
            Err(TicketError::NoteTooLong {
                chars: MAX_NOTE_CHARS + 1
            })
        );
        t.reopen("bob", Some("the bank feed broke again".into()), 30)
            .unwrap();
        let last = t.history.last().expect("the reopen");
        assert_eq!(last.note.as_deref(), Some("the bank feed broke again"));
        assert!(!t.notes[0].staff_only, "the user is told it");
    }

    #[test]
    fn staff_notes_change_no_status_and_need_a_name_and_words() {
        let mut t = ticket();
        assert_eq!(t.add_note(" ", "x", 5), Err(TicketError::NoName));
        assert_eq!(t.add_note("bob", "  ", 5), Err(TicketError::EmptyNote));
        t.add_note("bob", " called Intuit ", 5).unwrap();
        assert_eq!(t.status, Status::Open);
        assert_eq!(t.history.len(), 1);
        assert_eq!(
            t.notes,
            vec![StaffNote {
                at: 5,
                by: "bob".into(),
                text: "called Intuit".into(),
                staff_only: true,
            }]
        );
    }

    /// A chat that knew only the id ("discord:alice"), then a web form that named the person:
    /// the ticket goes by the form's name; a later name wins, and the id is never taken for one.
    #[test]
    fn the_user_goes_by_the_best_name_known() {
        let mut t = ticket();
        assert_eq!(t.user_name(), "Ann", "the name it was opened with");
        t.user.name = "u".into();
        t.summaries[0].user.name = "u".into();
        assert_eq!(t.user_name(), "u", "only the id is known");
        let mut named = t.summaries[0].clone();
        named.user.name = "Alice".into();
        t.summaries.push(named.clone());
        assert_eq!(t.user_name(), "Alice");
        named.user.name = " u ".into();
        t.summaries.push(named);
        assert_eq!(t.user_name(), "Alice", "the id again is no better name");
        assert_eq!(t.user.name, "u", "the record is unchanged");
    }

    /// A claim by the holder spelt another way ("sam" for "Sam") is the holder's: no change,
    /// no refusal, and the name stays as first written.
    #[test]
    fn the_holder_is_the_holder_whatever_the_case() {
        assert!(same_staff("Sam", " sam "));
        assert!(same_staff("ÉMILE", "émile"));
        assert!(!same_staff("sam", "samuel"));
        // Discord staff by their id, whatever their display name is now.
        assert!(same_staff("Sam (123)", "Samuel (123)"));
        assert!(!same_staff("Sam (123)", "Sam (124)"));
        assert!(
            !same_staff("Sam (123)", "Sam"),
            "a CLI name is not a Discord account"
        );
        assert!(
            same_staff("Sam (team A)", "sam (TEAM A)"),
            "not an id: by name"
        );
        let mut t = ticket();
        t.claim("Sam", 10).unwrap();
        t.claim(" sam ", 11).unwrap();
        t.take_over("SAM", 12).unwrap();
        assert_eq!(t.history.len(), 2, "one claim: {:?}", t.history);
        assert_eq!(t.claimed_by(), Some("Sam"));
        assert!(matches!(
            t.claim("eve", 13),
            Err(TicketError::AlreadyClaimed { by, .. }) if by == "Sam"
        ));
        // A Discord staff member who renamed themselves still holds their ticket (a review
        // found their own claim refused as "already claimed by Sam (123)").
        let mut t = ticket();
        t.claim("Sam (123)", 10).unwrap();
        t.claim("Samuel (123)", 11).unwrap();
        t.take_over("Samuel (123)", 12).unwrap();
        assert_eq!(t.history.len(), 2, "one claim: {:?}", t.history);
        assert!(matches!(
            t.claim("Sam (124)", 13),
            Err(TicketError::AlreadyClaimed { by, .. }) if by == "Sam (123)"
        ));
    }

    /// The history says what happened in words (it read "- -> open by alice" and "claimed ->
    /// claimed by Jo"; found by an exploratory tester).
    #[test]
    fn the_history_is_told_in_words() {
        let mut t = ticket();
        t.claim("Sam", 10).unwrap();
        t.take_over("Jo", 11).unwrap();
        t.release("lead", 12).unwrap();
        t.claim("Kim", 13).unwrap();
        t.release("kim", 14).unwrap();
        t.resolve("Kim", Some("done".into()), 15).unwrap();
        t.reopen("Kim", None, 16).unwrap();
        let words: Vec<String> = t
            .history_told()
            .iter()
            .map(|c| c.words(str::to_string))
            .collect();
        assert_eq!(
            words,
            [
                "opened by Ann",
                "claimed by Sam",
                "taken over by Jo (was Sam)",
                "released by lead (claimed by Jo)",
                "claimed by Kim",
                "released by kim",
                "resolved by Kim",
                "reopened by Kim",
            ]
        );
        assert_eq!(t.history_told()[6].note, Some("done"));
    }

    /// The history staff read has what the user added after the first summary, and says which
    /// addition says it works now; each later summary is labelled with its number, how it came
    /// and when (explorer F3: the export had neither).
    #[test]
    fn the_history_and_the_labels_say_what_the_user_added_and_when() {
        let mut t = ticket();
        assert_eq!(
            t.summary_label(0),
            None,
            "a ticket's only summary needs no label"
        );
        for (at, added) in [(60, Some(Added::FollowUp)), (120, Some(Added::WorksNow))] {
            let mut s = t.summaries[0].clone();
            s.at = at;
            s.added = added;
            t.summaries.push(s);
        }
        t.claim("Sam", 90).unwrap();
        t.add_note("Sam", "called Intuit", 90).unwrap();
        let lines: Vec<(u64, &str, String)> = t
            .history_lines()
            .iter()
            .map(|l| (l.at(), l.event(), l.words(str::to_string)))
            .collect();
        assert_eq!(
            lines,
            [
                (0, "opened", "opened by Ann".to_string()),
                (60, "added", "added to by the user (summary 2 of 3)".into()),
                (90, "claimed", "claimed by Sam".into()),
                (
                    90,
                    "staff-note",
                    "note by Sam (staff only, not sent to the user): called Intuit".into()
                ),
                (
                    120,
                    "works-now",
                    "added to by the user (summary 3 of 3): says it works now, can be resolved"
                        .into()
                ),
            ]
        );
        assert_eq!(
            t.summary_label(0).as_deref(),
            Some("Summary 1 of 3, opened by the user at 1970-01-01T00:00:00Z")
        );
        assert_eq!(
            t.summary_label(1).as_deref(),
            Some("Summary 2 of 3, added by the user at 1970-01-01T00:01:00Z")
        );
        assert_eq!(
            t.summary_label(2).as_deref(),
            Some(
                "Summary 3 of 3, added by the user at 1970-01-01T00:02:00Z: says it works now, can be resolved"
            )
        );
        t.summaries[2].added = None;
        assert_eq!(
            t.summary_label(2).as_deref(),
            Some("Summary 3 of 3, handed over again by the user at 1970-01-01T00:02:00Z")
        );
        assert_eq!(t.summary_label(3), None);
    }

    /// Notes stored before staff-only ones existed read back as sent to the user, and a sent
    /// one is stored as before (no new field).
    #[test]
    fn older_notes_read_back_as_sent() {
        let old: StaffNote =
            serde_json::from_str(r#"{"at":1,"by":"bob","text":"cleared cache"}"#).unwrap();
        assert!(!old.staff_only);
        assert_eq!(
            serde_json::to_string(&old).unwrap(),
            r#"{"at":1,"by":"bob","text":"cleared cache"}"#
        );
    }
}
