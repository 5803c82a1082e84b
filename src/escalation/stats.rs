//! What the bot learns: every "did this fix it?" answer and escalation as an event, each
//! ticket's figures (when it was opened, claimed and resolved), and the per-article,
//! per-solution and ticket figures admins read with `supportbot stats`; aggregation is pure.

use super::ticket::Ticket;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatKind {
    Shown,
    Fixed,
    NotFixed,
    /// The user escalated with this as the last solution shown.
    EscalatedAfter,
    /// Fixed, and the conversation had no ticket.
    FixedWithoutTicket,
    /// A fix recorded earlier did not last ("it came back"): counted out of `fixed` again.
    FixTakenBack,
    /// The same, for a fix that had counted as fixed without a ticket.
    FixWithoutTicketTakenBack,
    /// A test (`## Test:`) the problem did not show in.
    WorksThere,
    /// A test the problem showed in as well.
    FailsThere,
    /// A "not fixed" recorded earlier was corrected ("that last one actually did fix it"):
    /// counted out of `not_fixed` again.
    NotFixedTakenBack,
    /// A test's result said again the other way ("it works in incognito though" after "fails
    /// there too"): the old result is counted out again.
    WorksThereTakenBack,
    FailsThereTakenBack,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatEvent {
    pub at: u64,
    pub user: String,
    pub article: String,
    pub solution: usize,
    pub title: String,
    pub kind: StatKind,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SolutionStats {
    pub solution: usize,
    pub title: String,
    pub shown: u64,
    pub fixed: u64,
    pub not_fixed: u64,
    pub escalated_after: u64,
    /// For a test: how often the problem did not show in it, and how often it did. Always in
    /// the JSON (0 for a fix), as every count is.
    pub works_there: u64,
    pub fails_there: u64,
    /// The step is a test (`## Test:`) in the knowledge as it is now, or was answered as one.
    /// Set by the caller that has the knowledge.
    pub test: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleStats {
    pub article: String,
    pub shown: u64,
    pub fixed: u64,
    pub not_fixed: u64,
    pub escalated_after: u64,
    pub fixed_without_ticket: u64,
    pub solutions: Vec<SolutionStats>,
}

/// What `stats` counts of one ticket: when it was opened, first claimed and (if it is resolved
/// now) last resolved. Nothing of the user, nor their words: it is kept when the ticket is
/// purged or its user forgotten, so the ticket figures stay as the per-article ones do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketFigures {
    pub opened_at: u64,
    pub first_claimed_at: Option<u64>,
    pub resolved_at: Option<u64>,
}

impl TicketFigures {
    pub fn of(ticket: &Ticket) -> TicketFigures {
        TicketFigures {
            opened_at: ticket.created_at,
            first_claimed_at: ticket.first_claimed_at(),
            resolved_at: ticket.resolved_at(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TicketStats {
    pub opened: u64,
    pub claimed: u64,
    pub resolved: u64,
    pub median_seconds_to_claim: Option<u64>,
    pub median_seconds_to_resolve: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub since: u64,
    pub articles: Vec<ArticleStats>,
    pub conversations_fixed_without_ticket: u64,
    pub tickets: TicketStats,
}

fn median(mut v: Vec<u64>) -> Option<u64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    Some(v[v.len() / 2])
}

/// Aggregates events and the figures of tickets opened from `since` (unix seconds) on: one
/// [`TicketFigures`] per ticket, whether still stored or kept after it was removed.
pub fn aggregate(
    events: impl IntoIterator<Item = StatEvent>,
    tickets: impl IntoIterator<Item = TicketFigures>,
    since: u64,
) -> Stats {
    // Solutions by title: an admin who inserts or reorders solutions moves their numbers, not
    // their figures (the number shown is the latest one recorded).
    let mut by_article: BTreeMap<String, (ArticleStats, BTreeMap<String, SolutionStats>)> =
        BTreeMap::new();
    let mut fixed_without_ticket: u64 = 0;
    for e in events.into_iter().filter(|e| e.at >= since) {
        let (a, sols) = by_article.entry(e.article.clone()).or_insert_with(|| {
            (
                ArticleStats {
                    article: e.article.clone(),
                    ..Default::default()
                },
                BTreeMap::new(),
            )
        });
        let s = sols
            .entry(e.title.clone())
            .or_insert_with(|| SolutionStats {
                title: e.title.clone(),
                ..Default::default()
            });
        s.solution = e.solution + 1;
        match e.kind {
            StatKind::Shown => {
                a.shown += 1;
                s.shown += 1;
            }
            StatKind::Fixed => {
                a.fixed += 1;
                s.fixed += 1;
            }
            StatKind::NotFixed => {
                a.not_fixed += 1;
                s.not_fixed += 1;
            }
            StatKind::EscalatedAfter => {
                a.escalated_after += 1;
                s.escalated_after += 1;
            }
            StatKind::FixedWithoutTicket => {
                a.fixed_without_ticket += 1;
                fixed_without_ticket += 1;
            }
            StatKind::FixTakenBack => {
                a.fixed = a.fixed.saturating_sub(1);
                s.fixed = s.fixed.saturating_sub(1);
            }
            StatKind::FixWithoutTicketTakenBack => {
                a.fixed_without_ticket = a.fixed_without_ticket.saturating_sub(1);
                fixed_without_ticket = fixed_without_ticket.saturating_sub(1);
            }
            StatKind::NotFixedTakenBack => {
                a.not_fixed = a.not_fixed.saturating_sub(1);
                s.not_fixed = s.not_fixed.saturating_sub(1);
            }
            StatKind::WorksThere => s.works_there += 1,
            StatKind::FailsThere => s.fails_there += 1,
            StatKind::WorksThereTakenBack => s.works_there = s.works_there.saturating_sub(1),
            StatKind::FailsThereTakenBack => s.fails_there = s.fails_there.saturating_sub(1),
        }
    }
    let articles = by_article
        .into_values()
        .map(|(mut a, sols)| {
            a.solutions = sols.into_values().collect();
            a.solutions.sort_by_key(|s| s.solution);
            a
        })
        .collect();
    let mut t = TicketStats::default();
    let mut to_claim = Vec::new();
    let mut to_resolve = Vec::new();
    for ticket in tickets.into_iter().filter(|t| t.opened_at >= since) {
        t.opened += 1;
        if let Some(c) = ticket.first_claimed_at {
            t.claimed += 1;
            to_claim.push(c.saturating_sub(ticket.opened_at));
        }
        if let Some(r) = ticket.resolved_at {
            t.resolved += 1;
            to_resolve.push(r.saturating_sub(ticket.opened_at));
        }
    }
    t.median_seconds_to_claim = median(to_claim);
    t.median_seconds_to_resolve = median(to_resolve);
    Stats {
        since,
        articles,
        conversations_fixed_without_ticket: fixed_without_ticket,
        tickets: t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `stats --json` gives every count of a step, zero or not, and whether it is a test: a
    /// script reading `works_there` finds 0, not a missing key.
    #[test]
    fn zero_counts_are_in_the_json() {
        let v = serde_json::to_value(SolutionStats::default()).unwrap();
        for key in [
            "shown",
            "fixed",
            "not_fixed",
            "escalated_after",
            "works_there",
            "fails_there",
        ] {
            assert_eq!(v[key], 0, "{key}: {v}");
        }
        assert_eq!(v["test"], false, "{v}");
    }

    fn event(at: u64, solution: usize, title: &str, kind: StatKind) -> StatEvent {
        StatEvent {
            at,
            user: "ann".into(),
            article: "a".into(),
            solution,
            title: title.into(),
            kind,
        }
    }

    /// A solution inserted before "Reload" moved it from 1st to 2nd: its figures stay one row,
    /// numbered as it is now, and the rows keep the article's order.
    #[test]
    fn a_result_taken_back_is_counted_out_again() {
        let s = aggregate(
            vec![
                event(1, 0, "Reload", StatKind::Shown),
                event(2, 0, "Reload", StatKind::NotFixed),
                event(3, 0, "Reload", StatKind::NotFixedTakenBack),
                event(3, 0, "Reload", StatKind::Fixed),
                event(4, 1, "Private", StatKind::Shown),
                event(5, 1, "Private", StatKind::FailsThere),
                event(6, 1, "Private", StatKind::FailsThereTakenBack),
                event(6, 1, "Private", StatKind::WorksThere),
            ],
            Vec::new(),
            0,
        );
        let a = &s.articles[0];
        assert_eq!((a.fixed, a.not_fixed), (1, 0));
        let test = &a.solutions[1];
        assert_eq!((test.works_there, test.fails_there), (1, 0));
    }

    #[test]
    fn a_solution_that_moved_keeps_one_row_under_its_latest_number() {
        let s = aggregate(
            [
                event(1, 0, "Reload", StatKind::Shown),
                event(2, 0, "Reload", StatKind::NotFixed),
                event(3, 0, "Check the clock", StatKind::Shown),
                event(4, 1, "Reload", StatKind::Shown),
                event(5, 1, "Reload", StatKind::Fixed),
            ],
            [],
            0,
        );
        let rows: Vec<(usize, &str, u64, u64, u64)> = s.articles[0]
            .solutions
            .iter()
            .map(|r| (r.solution, r.title.as_str(), r.shown, r.fixed, r.not_fixed))
            .collect();
        assert_eq!(
            rows,
            [(1, "Check the clock", 1, 0, 0), (2, "Reload", 2, 1, 1)]
        );
    }
}
