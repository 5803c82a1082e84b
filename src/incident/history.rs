//! A target's check history: one record per monitor check, and what it says over a window
//! (uptime, latency). Pure; the store keeps the records, bounded by a retention.

use crate::probe::Verdict;
use serde::{Deserialize, Serialize};

/// One background check of one target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub at: u64,
    pub target: String,
    pub verdict: Verdict,
    pub status: Option<u16>,
    /// Whole milliseconds the check took.
    pub latency_ms: u64,
    pub detail: String,
    /// The monitor did not judge this check (the bot's own network or DNS in doubt: see
    /// [`HeldJudgement`]): it says nothing about the service, so it is left out of incidents
    /// and uptime. Absent (false) in rows written before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub held: bool,
}

impl CheckRecord {
    pub fn is_up(&self) -> bool {
        self.verdict.is_up()
    }

    /// Whether the check says anything about an outage. A 4xx other than 429 does not: the
    /// service runs but turned the check's request down (a page that moved, a bot that is
    /// blocked), which users are told "does not usually mean an outage"; so the monitor
    /// neither opens nor moves an incident on it (the history keeps it, and the log tells the
    /// admins to look at the target). A 429 (too many requests) is the service turning
    /// everyone away, so it counts. A check the monitor did not judge ([`Self::held`]) does
    /// not count either.
    pub fn is_outage_signal(&self) -> bool {
        !self.held && !self.is_turned_down()
    }

    /// A 4xx other than 429: the service turned the check's request down.
    pub fn is_turned_down(&self) -> bool {
        self.verdict == Verdict::ClientError && self.status != Some(429)
    }
}

/// A monitor check that could not run at all (the target redirected where checks may not go):
/// no verdict, so it is kept apart from the history, as the target's latest refusal until a
/// check runs again. `status` and `monitor --once` say it, never "never checked".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedCheck {
    pub at: u64,
    pub target: String,
    /// The hop that was refused.
    pub url: String,
    /// Why, in plain words ("port 8443 is not one checks may use ...").
    pub reason: String,
}

impl RefusedCheck {
    /// What an admin should do about it.
    pub fn hint(&self) -> String {
        crate::words::target_refused_hint(&self.target, &self.url, &self.reason)
    }
}

/// Why the monitor left a target's incident as it was after a check: the check said nothing
/// about the service. Kept as the target's latest hold until a round judges it again, so
/// `status` and `monitor --once` say it on stdout (not only in the log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldJudgement {
    pub at: u64,
    pub target: String,
    pub reason: HoldReason,
    /// Why, and what to check, in plain words.
    pub hint: String,
}

/// What the monitor lacked to judge a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HoldReason {
    /// No target's name resolved and no target answered at all: the bot's own network or DNS
    /// is the likelier culprit, so no incident opens, moves or closes.
    NetworkDown,
    /// This target's name did not resolve, and no other target's name did either (while
    /// something else answered, so the network works): a wrong host name or the bot's own DNS,
    /// nothing that tells the service is down.
    NameDoesNotResolve,
}

impl HeldJudgement {
    pub fn new(at: u64, target: &str, host: Option<&str>, reason: HoldReason) -> HeldJudgement {
        let hint = match reason {
            HoldReason::NetworkDown => crate::words::held_network_down(),
            HoldReason::NameDoesNotResolve => {
                crate::words::held_name_does_not_resolve(host.unwrap_or(target))
            }
        };
        HeldJudgement {
            at,
            target: target.to_string(),
            reason,
            hint,
        }
    }
}

/// What a window of history says.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Window {
    pub checks: usize,
    /// Checks that say nothing about an outage ([`CheckRecord::is_outage_signal`]: a 4xx other
    /// than 429, or a check the monitor did not judge), left out of the uptime as they are out
    /// of incidents.
    pub not_counted: usize,
    /// Of those, the checks the monitor did not judge ([`CheckRecord::held`]).
    pub not_judged: usize,
    /// Share of good checks among the others, 0 to 100; `None` without any.
    pub uptime_percent: Option<f64>,
    /// Mean latency of the good checks; `None` without any.
    pub mean_latency_ms: Option<u64>,
}

/// The window of `records` from `since` on.
pub fn window(records: &[CheckRecord], since: u64) -> Window {
    window_in(records, since..u64::MAX)
}

/// The window of `records` taken at times in `range`.
pub fn window_in(records: &[CheckRecord], range: std::ops::Range<u64>) -> Window {
    let inside: Vec<&CheckRecord> = records.iter().filter(|r| range.contains(&r.at)).collect();
    let up: Vec<&&CheckRecord> = inside.iter().filter(|r| r.is_up()).collect();
    let counted = inside.iter().filter(|r| r.is_outage_signal()).count();
    Window {
        checks: inside.len(),
        not_counted: inside.len() - counted,
        not_judged: inside.iter().filter(|r| r.held).count(),
        uptime_percent: (counted > 0).then(|| 100.0 * up.len() as f64 / counted as f64),
        mean_latency_ms: (!up.is_empty())
            .then(|| up.iter().map(|r| r.latency_ms).sum::<u64>() / up.len() as u64),
    }
}

/// How long history is kept unless `MONITOR_RETENTION_DAYS` says otherwise: a week (the longest
/// window shown) plus a day.
pub const DEFAULT_RETENTION_DAYS: u64 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(at: u64, verdict: Verdict, ms: u64) -> CheckRecord {
        CheckRecord {
            at,
            target: "t".into(),
            verdict,
            status: None,
            latency_ms: ms,
            detail: String::new(),
            held: false,
        }
    }

    #[test]
    fn uptime_and_latency_over_a_window() {
        let records = [
            rec(10, Verdict::BadGateway, 5),
            rec(20, Verdict::Up, 100),
            rec(30, Verdict::Slow, 300),
            rec(40, Verdict::Timeout, 5000),
        ];
        let w = window(&records, 15);
        assert_eq!(w.checks, 3);
        assert!((w.uptime_percent.unwrap() - 66.666).abs() < 0.01);
        assert_eq!(w.mean_latency_ms, Some(200));
        assert_eq!(window(&records, 100).uptime_percent, None);
    }

    #[test]
    fn a_turned_down_check_is_left_out_of_uptime_as_out_of_incidents() {
        let with_status = |at, verdict, status| CheckRecord {
            status: Some(status),
            ..rec(at, verdict, 10)
        };
        let records = [
            with_status(10, Verdict::Up, 200),
            with_status(20, Verdict::ClientError, 404),
            with_status(30, Verdict::ClientError, 429),
            with_status(40, Verdict::Up, 200),
        ];
        let w = window(&records, 0);
        assert_eq!((w.checks, w.not_counted), (4, 1));
        // 2 up of the 3 that count (the 429 is the service turning everyone away).
        assert!((w.uptime_percent.unwrap() - 66.666).abs() < 0.01);
        let only_404 = window(&records[1..2], 0);
        assert_eq!((only_404.not_counted, only_404.uptime_percent), (1, None));
    }

    #[test]
    fn a_check_not_judged_is_left_out_of_uptime_and_counted_apart() {
        let held = |at| CheckRecord {
            held: true,
            ..rec(at, Verdict::DnsFailure, 10)
        };
        let records = [rec(10, Verdict::Up, 10), held(20), held(30)];
        let w = window(&records, 0);
        assert_eq!((w.checks, w.not_counted, w.not_judged), (3, 2, 2));
        assert_eq!(w.uptime_percent, Some(100.0));
        assert!(!held(1).is_outage_signal());
    }
}
