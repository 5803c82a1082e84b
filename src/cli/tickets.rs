//! `tickets list|show|export|claim|resolve|reopen`: staff work on escalation tickets from the
//! terminal. (`tickets purge` removes data, so it lives in [`super::privacy`].)

use super::args::TicketsCommand;
use super::json_times::with_rfc3339_times;
use super::{CliError, Context};
use crate::clock::{Clock, SystemClock};
use crate::escalation::StaffAction;
use crate::escalation::summary::{Added, rfc3339};
use crate::escalation::text::for_terminal;
use crate::escalation::ticket::{Status, Ticket, TicketId};
use crate::reply::terminal::{Emphasis, to_terminal};
use crate::service::{ServiceError, TicketDesk};
use crate::store::Store;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// Runs one `tickets` subcommand against the store (`purge` is [`super::privacy::purge`]).
pub fn run(ctx: &Context, command: TicketsCommand) -> Result<ExitCode, CliError> {
    // Reading a ticket never makes a database; the staff actions go through one that exists
    // too, but their refusal of an unknown id says enough.
    let store = match &command {
        TicketsCommand::List { .. }
        | TicketsCommand::Show { .. }
        | TicketsCommand::Export { .. } => ctx.existing_store()?,
        _ => ctx.store()?,
    };
    let now = SystemClock.now();
    let out = &mut std::io::stdout().lock();
    match command {
        TicketsCommand::List { status, json } => list(store, status, json, out),
        TicketsCommand::Show { id, json } => show(store, &id, json, out),
        TicketsCommand::Export { id, format } => export(store, &id, &format, out),
        TicketsCommand::Claim { id, by, take_over } if take_over => {
            // Who held it, said after the take-over ("from sam"); a ticket that cannot be read
            // here is refused by `act` with its own message.
            let held = id
                .parse::<TicketId>()
                .ok()
                .and_then(|t| store.ticket(t).ok().flatten())
                .and_then(|t| t.claimed_by().map(|b| b.trim().to_string()))
                .filter(|b| b != by.trim());
            let code = act(store, &id, &by, StaffAction::TakeOver, now, out)?;
            if let Some(held) = held {
                writeln!(out, "Taken over from {}.", for_terminal(&held))?;
            }
            Ok(code)
        }
        TicketsCommand::Claim { id, by, .. } => act(store, &id, &by, StaffAction::Claim, now, out),
        TicketsCommand::Release { id, by } => act(store, &id, &by, StaffAction::Release, now, out),
        TicketsCommand::Resolve { id, by, note } => {
            act(store, &id, &by, StaffAction::Resolve { note }, now, out)
        }
        TicketsCommand::Reopen { id, by } => act(store, &id, &by, StaffAction::Reopen, now, out),
        TicketsCommand::Purge {
            older_than,
            dry_run,
            yes,
        } => super::privacy::purge(ctx, older_than, dry_run, yes),
    }
}

/// `tickets list [--status S]`: newest first, one line each (or a JSON array).
fn list(
    store: &Store,
    status: Option<Status>,
    json: bool,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    let rows = store.ticket_rows(status)?;
    if json {
        writeln!(out, "{}", with_rfc3339_times(serde_json::to_value(&rows)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No tickets{}.",
            status
                .map(|s| format!(" with status {s}"))
                .unwrap_or_default()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut buf = std::io::BufWriter::new(out);
    for r in &rows {
        writeln!(
            buf,
            "{:<8} {:<9} {:<20} {:<24} {}{}{}",
            r.id.to_string(),
            r.status.word(),
            rfc3339(r.created_at),
            truncate(&for_terminal(&r.user_name), 24),
            for_terminal(&r.subject),
            r.claimed_by
                .as_ref()
                .map(|b| format!(" (claimed by {})", for_terminal(b)))
                .unwrap_or_default(),
            if r.says_it_works {
                " [user says it works now]"
            } else {
                ""
            }
        )?;
    }
    writeln!(buf, "{} ticket(s).", rows.len())?;
    // Dropping a BufWriter swallows its last write's error; flushing reports it.
    buf.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// The ticket `id` names; a malformed or unknown id fails (exit 1) saying how to find the ids.
fn find(store: &Store, id: &str) -> Result<Ticket, CliError> {
    let id: TicketId = id.parse().map_err(CliError::failed)?;
    store.ticket(id)?.ok_or_else(|| {
        CliError::failed(format!(
            "ticket {id} does not exist; `supportbot tickets list` shows the ids"
        ))
    })
}

/// `tickets show ID`: status, user, history and the diagnostic summary (or the JSON record).
fn show(store: &Store, id: &str, json: bool, out: &mut impl Write) -> Result<ExitCode, CliError> {
    let t = find(store, id)?;
    if json {
        writeln!(out, "{}", with_rfc3339_times(serde_json::to_value(&t)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} — {}{}",
        t.id,
        t.status,
        t.claimed_by()
            .map(|b| format!(" by {}", for_terminal(b)))
            .unwrap_or_default()
    )?;
    writeln!(
        out,
        "User: {} ({}), opened {}",
        for_terminal(&t.user.name),
        for_terminal(&t.user.id),
        rfc3339(t.created_at)
    )?;
    writeln!(out, "\nHistory:")?;
    // Status changes, and each later hand-over that added to the ticket (staff should know the
    // user came back), in time order.
    let mut lines: Vec<(u64, String)> = t
        .history
        .iter()
        .map(|c| {
            let line = format!(
                "{} -> {} by {}{}",
                c.from.map(|s| s.word()).unwrap_or("-"),
                c.to,
                for_terminal(&c.by),
                c.note
                    .as_ref()
                    .map(|n| format!(": {}", for_terminal(n)))
                    .unwrap_or_default()
            );
            (c.at, line)
        })
        .collect();
    let total = t.summaries.len();
    for (n, s) in t.summaries.iter().enumerate().skip(1) {
        let line = match s.added {
            Some(Added::WorksNow) => format!(
                "added to by the user (summary {} of {total}): says it works now, can be resolved",
                n + 1
            ),
            Some(Added::FollowUp) => format!("added to by the user (summary {} of {total})", n + 1),
            None => format!(
                "handed over again by the user (summary {} of {total})",
                n + 1
            ),
        };
        lines.push((s.at, line));
    }
    lines.sort_by_key(|(at, _)| *at);
    for (at, line) in lines {
        writeln!(out, "  {}  {line}", rfc3339(at))?;
    }
    if let Some(s) = t.summary() {
        let transcript = s.transcript_markdown(&t.id.to_string());
        // Read in a terminal: Markdown markers and escapes are not shown (`export --format md` keeps them).
        writeln!(out, "\n{}", to_terminal(&transcript, Emphasis::Plain))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `tickets export ID [--format md|json]`: the full transcript; another format is a usage error.
fn export(
    store: &Store,
    id: &str,
    format: &str,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    let t = find(store, id)?;
    match format {
        "json" => {
            let v = json!({
                "id": t.id.to_string(),
                "status": t.status,
                "user": t.user,
                "created_at": t.created_at,
                "history": t.history,
                "notes": t.notes,
                "summaries": t.summaries.iter().map(|s| s.transcript_json()).collect::<Vec<_>>(),
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&with_rfc3339_times(v))?
            )?;
        }
        "md" | "markdown" => {
            for (i, s) in t.summaries.iter().enumerate() {
                if i > 0 {
                    writeln!(out, "\n---\n")?;
                }
                write!(out, "{}", s.transcript_markdown(&t.id.to_string()))?;
            }
            if !t.history.is_empty() {
                writeln!(out, "\n## History\n")?;
                for c in &t.history {
                    writeln!(
                        out,
                        "- {} {} by {}",
                        rfc3339(c.at),
                        c.to,
                        crate::escalation::text::escape_markdown(&c.by)
                    )?;
                }
            }
        }
        other => {
            return Err(CliError::usage(format!(
                "unknown export format `{other}`: use md or json"
            )));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `tickets claim|resolve|reopen`: a staff action as `by`.
/// A malformed id is a usage error (exit 2); an action the ticket's state refuses fails (exit 1).
fn act(
    store: &Store,
    id: &str,
    by: &str,
    action: StaffAction,
    now: u64,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    let id: TicketId = id.parse().map_err(CliError::usage)?;
    match TicketDesk::new(store.clone()).act(id, by, &action, now) {
        Ok(stepped) => {
            writeln!(out, "{}", stepped.plain_reply())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(ServiceError::Refused(e)) => {
            Err(CliError::failed(e.worded(&super::error::CliSpelling)))
        }
        Err(ServiceError::Internal(e)) => Err(e.into()),
    }
}
