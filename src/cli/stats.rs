//! `stats`: what the bot learned, which fixes work, per article and solution.

use super::json_times::with_rfc3339_times;
use super::{CliError, Context, context::Matching};
use crate::clock::{Clock, SystemClock};
use crate::escalation::stats::{self, Stats};
use crate::escalation::summary::rfc3339;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// `stats [--since D] [--json]`: per article and solution, how often it was shown, fixed, not
/// fixed and escalated after; and how fast tickets were claimed and resolved.
pub fn run(ctx: &Context, since: Duration, json: bool) -> Result<ExitCode, CliError> {
    let store = ctx.existing_store()?;
    let from = SystemClock.now().saturating_sub(since.as_secs());
    let mut out = std::io::stdout().lock();
    let mut s: Stats = stats::aggregate(store.stat_events(), store.ticket_figures(), from);
    // Which steps are tests, from the knowledge as it is now (best effort: without it, a
    // step is a test when it was answered as one).
    let knowledge = ctx
        .open_knowledge(Matching::Lexical("not needed for stats"))
        .ok()
        .and_then(Result::ok);
    let kb = knowledge.as_ref().map(|k| k.current());
    let is_test = |article: &str, title: &str| {
        kb.as_ref()
            .and_then(|kb| kb.get(article))
            .is_some_and(|a| a.solutions.iter().any(|s| s.test && s.title == title))
    };
    for a in &mut s.articles {
        for sol in &mut a.solutions {
            sol.test = sol.works_there + sol.fails_there > 0 || is_test(&a.article, &sol.title);
        }
    }
    if json {
        writeln!(out, "{}", with_rfc3339_times(serde_json::to_value(&s)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "Since {}:\n", rfc3339(from))?;
    if s.articles.is_empty() {
        writeln!(out, "No fixes shown yet.")?;
    }
    for a in &s.articles {
        writeln!(
            out,
            "{}: shown {}, fixed {}, not fixed {}, escalated after {}, fixed without a ticket {}",
            a.article, a.shown, a.fixed, a.not_fixed, a.escalated_after, a.fixed_without_ticket
        )?;
        for sol in &a.solutions {
            if sol.test {
                // A test: what it showed, not whether it fixed anything.
                writeln!(
                    out,
                    "  {}. {} (a test): shown {}, works there {}, fails there too {}, escalated after {}{}",
                    sol.solution,
                    sol.title,
                    sol.shown,
                    sol.works_there,
                    sol.fails_there,
                    sol.escalated_after,
                    // Answers recorded before it was written as a test.
                    if sol.fixed + sol.not_fixed > 0 {
                        format!(
                            " (earlier, as a fix: fixed {}, not fixed {})",
                            sol.fixed, sol.not_fixed
                        )
                    } else {
                        String::new()
                    }
                )?;
                continue;
            }
            let rate = if sol.fixed + sol.not_fixed > 0 {
                format!(
                    " ({:.0}% fixed)",
                    100.0 * sol.fixed as f64 / (sol.fixed + sol.not_fixed) as f64
                )
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {}. {}: shown {}, fixed {}, not fixed {}, escalated after {}{rate}",
                sol.solution, sol.title, sol.shown, sol.fixed, sol.not_fixed, sol.escalated_after
            )?;
        }
    }
    let t = &s.tickets;
    let dur = |d: Option<u64>| {
        d.map(|s| humantime::format_duration(Duration::from_secs(s)).to_string())
            .unwrap_or_else(|| "n/a".into())
    };
    writeln!(
        out,
        "\nConversations fixed without a ticket: {}",
        s.conversations_fixed_without_ticket
    )?;
    writeln!(
        out,
        "Tickets: {} opened, {} claimed (median {} to claim), {} resolved (median {} to resolve)",
        t.opened,
        t.claimed,
        dur(t.median_seconds_to_claim),
        t.resolved,
        dur(t.median_seconds_to_resolve)
    )?;
    Ok(ExitCode::SUCCESS)
}
