//! Escalation to a human, as pure rules and data: the captured summary, tickets and their
//! lifecycle, the one-open-ticket rule, the notifications each step sends, and the stats the
//! bot learns from. The store persists these; `service::tickets` carries the steps out.

pub mod notify;
pub mod rules;
pub mod stats;
pub mod summary;
pub mod text;
pub mod ticket;

use crate::session::{Attempt, Outcome};
use notify::{Audience, NoticeEvent, Notification};
use summary::Added;
use text::{escape_markdown, escape_one_line, quote_staff_note};
use ticket::{Status, Ticket, TicketError};

/// The notifications a new or updated ticket sends: the staff card with the transcript.
pub fn on_escalated(ticket: &Ticket, created: bool) -> Vec<Notification> {
    let Some(summary) = ticket.summary() else {
        return Vec::new();
    };
    let n = ticket.summaries.len();
    let (event, key, text) = if created {
        (
            NoticeEvent::Created,
            format!("{}/created", ticket.id),
            format!(
                "New ticket {} from {}",
                ticket.id,
                escape_one_line(ticket.user_name())
            ),
        )
    } else {
        let who = escape_one_line(ticket.user_name());
        let added = summary.added;
        let text = match news_of_update(ticket) {
            Some(FixNews::Fixed(fix)) => format!(
                "{who} says \"{}\" fixed it; ticket {} can be resolved ({n} summaries)",
                escape_one_line(&fix),
                ticket.id
            ),
            Some(FixNews::CameBack(fix)) => format!(
                "{who} says the fix \"{}\" did not last; ticket {} still needs work ({n} summaries)",
                escape_one_line(&fix),
                ticket.id
            ),
            None if added == Some(Added::WorksNow) => format!(
                "{who} says it works now{}; ticket {} can be resolved ({n} summaries)",
                newest_words(ticket)
                    .map(|w| format!(": {w}"))
                    .unwrap_or_default(),
                ticket.id
            ),
            None => match another_problem(ticket) {
                Some((new, before)) => format!(
                    "{who} handed over another problem on ticket {}: {} (it was about {}; {n} summaries)",
                    ticket.id,
                    escape_one_line(&new),
                    escape_one_line(&before)
                ),
                None if added.is_some() => format!(
                    "{who} added to ticket {}{} ({n} summaries)",
                    ticket.id,
                    newest_words(ticket)
                        .map(|w| format!(": {w}"))
                        .unwrap_or_default()
                ),
                None => format!(
                    "{who} escalated again; ticket {} has a new summary ({n} in all)",
                    ticket.id
                ),
            },
        };
        (
            NoticeEvent::Updated,
            format!("{}/update-{n}", ticket.id),
            text,
        )
    };
    vec![Notification {
        key,
        ticket: Some(ticket.id),
        event,
        audience: Audience::Staff,
        text,
        card: Some(summary.card(&ticket.id.to_string())),
        transcript: Some(summary.transcript_markdown(&ticket.id.to_string())),
    }]
}

/// Whether the user's latest words on open ticket `t` ask for it to be closed ("nevermind
/// close it", "can i cancel the ticket", added to it): staff may close it. (Whether it works
/// now is not said: that is [`Added::WorksNow`].)
pub fn user_asks_to_close(t: &Ticket) -> bool {
    let [.., before, latest] = t.summaries.as_slice() else {
        return false;
    };
    t.status != Status::Resolved
        && latest.added == Some(Added::FollowUp)
        && latest
            .descriptions
            .iter()
            .filter(|d| !before.descriptions.contains(d))
            .any(|d| crate::understand::asks_to_close_ticket(d))
}

/// What changed about fixes between two lists of attempts, as staff must hear it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixNews {
    /// A fix (its title) now works that did not before: the ticket can be resolved.
    Fixed(String),
    /// A fix (its title) that worked before did not last: the ticket needs work after all.
    CameBack(String),
}

/// The news in `after` against `before` (a fix that works now, else one that stopped
/// working), or `None`.
pub fn fix_news(before: &[Attempt], after: &[Attempt]) -> Option<FixNews> {
    let fixed_in = |list: &[Attempt], a: &Attempt| {
        list.iter().any(|b| {
            b.article == a.article && b.solution == a.solution && b.outcome == Some(Outcome::Fixed)
        })
    };
    let newly = after
        .iter()
        .find(|a| a.outcome == Some(Outcome::Fixed) && !fixed_in(before, a));
    let lost = before
        .iter()
        .find(|b| b.outcome == Some(Outcome::Fixed) && !fixed_in(after, b));
    match (newly, lost) {
        (Some(a), _) => Some(FixNews::Fixed(a.title.clone())),
        (None, Some(b)) => Some(FixNews::CameBack(b.title.clone())),
        (None, None) => None,
    }
}

/// The latest summary's article and the one before's, when they differ: a second problem
/// handed over to the same open ticket.
fn another_problem(ticket: &Ticket) -> Option<(String, String)> {
    let [.., before, latest] = ticket.summaries.as_slice() else {
        return None;
    };
    match (&latest.article, &before.article) {
        (Some((new, new_title)), Some((old, old_title))) if new != old => {
            Some((new_title.clone(), old_title.clone()))
        }
        _ => None,
    }
}

/// The words the latest summary has that the one before had not (the newest description, else
/// the newest aside; quoted on one line and clipped), for a staff notice.
fn newest_words(ticket: &Ticket) -> Option<String> {
    let [.., before, latest] = ticket.summaries.as_slice() else {
        return None;
    };
    let is_new = |s: &&String| !before.descriptions.contains(s) && !before.asides.contains(s);
    let new = (latest.descriptions.iter().rev().find(is_new))
        .or_else(|| latest.asides.iter().rev().find(is_new))?;
    Some(format!(
        "\"{}\"",
        escape_one_line(&text::truncate_chars(new, 120))
    ))
}

/// The fix news of the latest summary against the one before.
fn news_of_update(ticket: &Ticket) -> Option<FixNews> {
    let [.., before, latest] = ticket.summaries.as_slice() else {
        return None;
    };
    fix_news(&before.attempts, &latest.attempts)
}

fn step_key(ticket: &Ticket) -> usize {
    ticket.history.len()
}

fn both(
    ticket: &Ticket,
    event: NoticeEvent,
    staff_text: String,
    user_text: String,
) -> Vec<Notification> {
    let k = step_key(ticket);
    let tag = match &event {
        NoticeEvent::Claimed { .. } => "claimed",
        NoticeEvent::Resolved { .. } => "resolved",
        NoticeEvent::Reopened { .. } => "reopened",
        NoticeEvent::Released { .. } => "released",
        NoticeEvent::Created => "created",
        NoticeEvent::Updated => "updated",
        NoticeEvent::IncidentOver { .. } => "incident-over",
        NoticeEvent::IncidentSuspected { .. } => "incident-suspected",
        NoticeEvent::IncidentStatus { .. } => "incident-status",
        NoticeEvent::Removed { .. } => "removed",
    };
    vec![
        Notification {
            key: format!("{}/{tag}-{k}/staff", ticket.id),
            ticket: Some(ticket.id),
            event: event.clone(),
            audience: Audience::Staff,
            text: staff_text,
            card: None,
            transcript: None,
        },
        Notification {
            key: format!("{}/{tag}-{k}/user", ticket.id),
            ticket: Some(ticket.id),
            event,
            audience: Audience::User {
                user: ticket.user.clone(),
            },
            text: user_text,
            card: None,
            transcript: None,
        },
    ]
}

/// What a staff step did: the ticket after it, and whether it changed anything (a step whose
/// outcome already holds, such as a claim by the person who holds the ticket, changes nothing
/// and tells no one).
#[derive(Debug, Clone, PartialEq)]
pub struct Stepped {
    pub ticket: Ticket,
    pub changed: bool,
}

impl Stepped {
    /// The staff's answer to a step, in Markdown: what happened, and whether the user is told.
    pub fn staff_reply(&self) -> String {
        let t = &self.ticket;
        if self.changed {
            return format!(
                "{} is now **{}**{}. The user is being notified.",
                t.id,
                t.status,
                t.claimed_by()
                    .map(|by| format!(" by {}", escape_one_line(by)))
                    .unwrap_or_default()
            );
        }
        format!(
            "{} is already **{}**{}; nothing changed, so nobody was notified.",
            t.id,
            t.status,
            t.claimed_by()
                .map(|by| format!(" by {}", escape_one_line(by)))
                .unwrap_or_default()
        )
    }

    /// The same for a terminal, without Markdown.
    pub fn plain_reply(&self) -> String {
        let t = &self.ticket;
        if self.changed {
            return format!(
                "{} is now {}{}.",
                t.id,
                t.status,
                t.claimed_by()
                    .map(|by| format!(" by {}", text::for_terminal(by)))
                    .unwrap_or_default()
            );
        }
        format!(
            "{} is already {}{}; nothing changed, nobody was notified.",
            t.id,
            t.status,
            t.claimed_by()
                .map(|by| format!(" by {}", text::for_terminal(by)))
                .unwrap_or_default()
        )
    }
}

/// What staff can do to a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffAction {
    Claim,
    /// Claim it whoever holds it now (one step instead of release, then claim).
    TakeOver,
    /// A claimed ticket back to the queue, for anyone to claim.
    Release,
    /// The note is sent to the user with the news.
    Resolve {
        note: Option<String>,
    },
    /// The note (why it is reopened) is sent to the user with the news.
    Reopen {
        note: Option<String>,
    },
}

impl StaffAction {
    /// Applies the action to `t` as `by` at `now`: the lifecycle step and the notifications it
    /// sends. A step that changes the ticket always notifies; one that changes nothing tells no
    /// one, so no notifications means no change. A step whose outcome already holds changes
    /// nothing and is not refused: a claim by the person who holds the ticket, a resolve of a
    /// resolved ticket, a reopen or a release of an open (unclaimed) one.
    pub fn apply(
        &self,
        t: &mut Ticket,
        by: &str,
        now: u64,
    ) -> Result<Vec<Notification>, TicketError> {
        if by.trim().is_empty() {
            return Err(TicketError::NoName);
        }
        let already = match self {
            StaffAction::Resolve { .. } => t.status == Status::Resolved,
            StaffAction::Reopen { .. } | StaffAction::Release => t.status == Status::Open,
            StaffAction::Claim | StaffAction::TakeOver => false,
        };
        if already {
            return Ok(Vec::new());
        }
        let before = t.history.len();
        let notes = match self {
            StaffAction::Claim => claim(t, by, now)?,
            StaffAction::TakeOver => take_over(t, by, now)?,
            StaffAction::Release => release(t, by, now)?,
            StaffAction::Resolve { note } => resolve(t, by, note.clone(), now)?,
            StaffAction::Reopen { note } => reopen(t, by, note.clone(), now)?,
        };
        Ok(if t.history.len() == before {
            Vec::new()
        } else {
            notes
        })
    }
}

fn claim(t: &mut Ticket, by: &str, now: u64) -> Result<Vec<Notification>, TicketError> {
    t.claim(by, now)?;
    let who = escape_one_line(by);
    Ok(both(
        t,
        NoticeEvent::Claimed {
            by: by.trim().to_string(),
        },
        format!("Ticket {} claimed by {who}", t.id),
        format!(
            "Your ticket {} was picked up by {who} from the support team. They can see everything you already tried, so you won't need to repeat it.",
            t.id
        ),
    ))
}

fn take_over(t: &mut Ticket, by: &str, now: u64) -> Result<Vec<Notification>, TicketError> {
    let had = t.claimed_by().map(str::to_string);
    // Nobody held it: a plain claim, told as one.
    if had.is_none() {
        return claim(t, by, now);
    }
    t.take_over(by, now)?;
    let who = escape_one_line(by.trim());
    let from = had
        .filter(|h| !ticket::same_staff(h, by))
        .map(|h| format!(" from {}", escape_one_line(&h)))
        .unwrap_or_default();
    Ok(both(
        t,
        NoticeEvent::Claimed {
            by: by.trim().to_string(),
        },
        format!("Ticket {} taken over by {who}{from}", t.id),
        format!(
            "Your ticket {} is now with {who} from the support team. They can see everything you already tried, so you won't need to repeat it.",
            t.id
        ),
    ))
}

fn resolve(
    t: &mut Ticket,
    by: &str,
    note: Option<String>,
    now: u64,
) -> Result<Vec<Notification>, TicketError> {
    t.resolve(by, note.clone(), now)?;
    let who = escape_markdown(by.trim());
    let note_text = note
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| format!("\n{}", quote_staff_note(n)))
        .unwrap_or_default();
    Ok(both(
        t,
        NoticeEvent::Resolved {
            by: by.trim().to_string(),
            note,
        },
        format!("Ticket {} resolved by {who}{note_text}", t.id),
        format!(
            "Your ticket {} was resolved by {who}.{note_text}\nIf the problem comes back, just ask for a human again.",
            t.id
        ),
    ))
}

fn release(t: &mut Ticket, by: &str, now: u64) -> Result<Vec<Notification>, TicketError> {
    let had = t.claimed_by().map(str::to_string);
    t.release(by, now)?;
    let who = escape_one_line(by.trim());
    let from = had
        .filter(|h| !ticket::same_staff(h, by))
        .map(|h| format!(" (claimed by {})", escape_one_line(&h)))
        .unwrap_or_default();
    Ok(both(
        t,
        NoticeEvent::Released {
            by: by.trim().to_string(),
        },
        format!(
            "Ticket {} released by {who}{from}; it is open for anyone to claim",
            t.id
        ),
        format!(
            "Your ticket {} is back in the support team's queue: the next person free will pick it up. Everything you told us stays on it.",
            t.id
        ),
    ))
}

fn reopen(
    t: &mut Ticket,
    by: &str,
    note: Option<String>,
    now: u64,
) -> Result<Vec<Notification>, TicketError> {
    t.reopen(by, note.clone(), now)?;
    let who = escape_markdown(if by.trim().is_empty() {
        "staff"
    } else {
        by.trim()
    });
    let note_text = note
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| format!("\n{}", quote_staff_note(n)))
        .unwrap_or_default();
    Ok(both(
        t,
        NoticeEvent::Reopened {
            by: by.trim().to_string(),
        },
        format!("Ticket {} reopened by {who}{note_text}", t.id),
        format!(
            "Your ticket {} was reopened; the support team will pick it up again.{note_text}",
            t.id
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::escalation::summary::Summary;
    use crate::session::{Session, UserRef};
    use ticket::TicketId;

    fn summary(outcome: Option<Outcome>) -> Summary {
        let user = UserRef {
            id: "u".into(),
            name: "Ann".into(),
            channel: "c".into(),
        };
        let mut session = Session::new(user, 0);
        session.attempts.push(Attempt {
            article: "quickbooks-error-502".into(),
            solution: 3,
            title: "Clear the cache".into(),
            browser: None,
            outcome,
            at: 0,
            skipped_on_touch: false,
            test: false,
            content: 0,
            said: Vec::new(),
            came_back: false,
        });
        Summary::capture(&session, None, None, "rev", 0)
    }

    /// Asking for what already holds changes nothing and tells no one; the reply says so.
    #[test]
    fn an_outcome_that_already_holds_is_no_change_and_no_refusal() {
        let mut t = Ticket::new(TicketId(1), summary(None), 0);
        assert!(
            StaffAction::Release
                .apply(&mut t, "sam", 1)
                .unwrap()
                .is_empty()
        );
        let reopen = StaffAction::Reopen { note: None };
        assert!(reopen.apply(&mut t, "sam", 1).unwrap().is_empty());
        let resolve = StaffAction::Resolve {
            note: Some("done".into()),
        };
        assert!(!resolve.apply(&mut t, "sam", 2).unwrap().is_empty());
        let history = t.history.len();
        assert!(resolve.apply(&mut t, "sam", 3).unwrap().is_empty());
        assert_eq!(t.history.len(), history);
        let stepped = Stepped {
            ticket: t.clone(),
            changed: false,
        };
        assert_eq!(
            stepped.plain_reply(),
            "T-0001 is already resolved; nothing changed, nobody was notified."
        );
        // A claim says by whom (it said only "T-0001 is now claimed.").
        let mut claimed = Ticket::new(TicketId(2), summary(None), 0);
        StaffAction::Claim.apply(&mut claimed, "Jo", 1).unwrap();
        let stepped = Stepped {
            ticket: claimed,
            changed: true,
        };
        assert_eq!(stepped.plain_reply(), "T-0002 is now claimed by Jo.");
        assert!(
            stepped
                .staff_reply()
                .starts_with("T-0002 is now **claimed** by Jo."),
            "{}",
            stepped.staff_reply()
        );
        // A name is still needed, and a resolved ticket is still not claimed.
        assert!(matches!(
            resolve.apply(&mut t, " ", 4),
            Err(TicketError::NoName)
        ));
        assert!(StaffAction::Claim.apply(&mut t, "sam", 4).is_err());
        // A reopen's reason reaches the user.
        let told = StaffAction::Reopen {
            note: Some("it is back".into()),
        }
        .apply(&mut t, "sam", 5)
        .unwrap();
        assert!(told[1].text.ends_with("\n> it is back"), "{}", told[1].text);
    }

    #[test]
    fn staff_hear_that_an_update_says_it_is_fixed() {
        let mut ticket = Ticket::new(TicketId(1), summary(Some(Outcome::NotFixed)), 0);
        ticket.summaries.push(summary(Some(Outcome::Fixed)));
        let told = on_escalated(&ticket, false);
        assert_eq!(
            told[0].text,
            "Ann says \"Clear the cache\" fixed it; ticket T-0001 can be resolved (2 summaries)"
        );
        // The same fix again is no news: the usual update line.
        ticket.summaries.push(summary(Some(Outcome::Fixed)));
        let told = on_escalated(&ticket, false);
        assert!(told[0].text.contains("escalated again"), "{}", told[0].text);
        // It came back: staff hear the ticket needs work after all.
        ticket.summaries.push(summary(Some(Outcome::NotFixed)));
        let told = on_escalated(&ticket, false);
        assert!(
            told[0].text.contains("\"Clear the cache\" did not last"),
            "{}",
            told[0].text
        );
    }

    /// A resolution note in Markdown on two lines reaches the user as staff wrote it, quoted
    /// on lines of its own (no "\\*\\*", no second line left out of the quote).
    #[test]
    fn a_resolution_note_keeps_its_markdown_on_its_own_quoted_lines() {
        let mut t = Ticket::new(TicketId(1), summary(None), 0);
        let told = StaffAction::Resolve {
            note: Some("**Fixed** on our side.\nPlease retry `payroll`.".into()),
        }
        .apply(&mut t, "Sam", 1)
        .unwrap();
        assert_eq!(
            told[1].text,
            "Your ticket T-0001 was resolved by Sam.\n> **Fixed** on our side.\n> Please retry `payroll`.\nIf the problem comes back, just ask for a human again."
        );
    }

    /// "nevermind close it" added to the ticket marks it for staff (it had no mark in
    /// `tickets list`, unlike "it works now"); later words without it, or resolving, end it.
    #[test]
    fn a_user_asking_to_close_the_ticket_is_marked() {
        let mut ticket = Ticket::new(TicketId(1), summary(None), 0);
        ticket.summaries[0].descriptions = vec!["502 on payroll".into()];
        assert!(!user_asks_to_close(&ticket));
        let mut close = ticket.summaries[0].clone();
        close.descriptions.push("nevermind close it".into());
        close.added = Some(Added::FollowUp);
        ticket.summaries.push(close.clone());
        assert!(user_asks_to_close(&ticket));
        let mut more = close;
        more.descriptions
            .push("my boss needs this by friday".into());
        ticket.summaries.push(more);
        assert!(!user_asks_to_close(&ticket));
        ticket.summaries.pop();
        ticket.resolve("sam", None, 5).unwrap();
        assert!(!user_asks_to_close(&ticket));
    }

    #[test]
    fn staff_hear_that_an_update_is_another_problem() {
        let mut ticket = Ticket::new(TicketId(1), summary(None), 0);
        ticket.summaries[0].article = Some(("e502".into(), "Error 502".into()));
        let mut second = summary(None);
        second.article = Some(("bank".into(), "Bank feed not updating".into()));
        ticket.summaries.push(second);
        let told = on_escalated(&ticket, false);
        assert_eq!(
            told[0].text,
            "Ann handed over another problem on ticket T-0001: Bank feed not updating (it was about Error 502; 2 summaries)"
        );
    }

    /// Words added to an open ticket are told as added, with the newest of them; "it works
    /// now" is told as a ticket that can be resolved; asking for a person again is neither.
    #[test]
    fn staff_hear_what_was_added_and_that_it_works_now() {
        let mut ticket = Ticket::new(TicketId(1), summary(None), 0);
        ticket.summaries[0].descriptions = vec!["502 on payroll".into()];
        let mut follow_up = ticket.summaries[0].clone();
        follow_up
            .descriptions
            .push("my boss needs this\nby friday".into());
        follow_up.added = Some(Added::FollowUp);
        ticket.summaries.push(follow_up.clone());
        assert_eq!(
            on_escalated(&ticket, false)[0].text,
            "Ann added to ticket T-0001: \"my boss needs this by friday\" (2 summaries)"
        );
        let mut works = follow_up.clone();
        works.descriptions.push("nevermind it works now".into());
        works.added = Some(Added::WorksNow);
        ticket.summaries.push(works);
        assert_eq!(
            on_escalated(&ticket, false)[0].text,
            "Ann says it works now: \"nevermind it works now\"; ticket T-0001 can be resolved (3 summaries)"
        );
        let mut asked = follow_up;
        asked.added = None;
        ticket.summaries.push(asked);
        assert!(
            on_escalated(&ticket, false)[0]
                .text
                .contains("escalated again")
        );
    }
}
