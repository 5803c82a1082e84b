//! `tickets list|show|export|claim|release|resolve|reopen|note`: staff work on escalation tickets from the
//! terminal. (`tickets purge` removes data, so it lives in [`super::privacy`].)

use super::args::TicketsCommand;
use super::json_times::with_rfc3339_times;
use super::{CliError, Context};
use crate::clock::{Clock, SystemClock};
use crate::escalation::summary::{Summary, rfc3339};
use crate::escalation::text::for_terminal;
use crate::escalation::ticket::{HistoryLine, Status, Ticket, TicketError, TicketId, same_staff};
use crate::escalation::{StaffAction, Stepped};
use crate::probe::verdict::Verdict;
use crate::reply::terminal::{Emphasis, to_terminal};
use crate::service::{Refusal, ServiceError, TicketDesk};
use crate::store::Store;
use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;

/// Runs one `tickets` subcommand against the store (`purge` is [`super::privacy::purge`]).
pub fn run(ctx: &mut Context, command: TicketsCommand) -> Result<ExitCode, CliError> {
    // Before the store is opened: a usage error needs no database (nor waits for a running bot's).
    check_values(&command)?;
    // Reading a ticket never makes a database; nor does a staff action, which needs the
    // ticket to exist: without a database it is refused saying so (a mistyped --data).
    let store = match &command {
        TicketsCommand::List { .. }
        | TicketsCommand::Show { .. }
        | TicketsCommand::Export { .. } => ctx.existing_store()?,
        TicketsCommand::Claim { id, .. }
        | TicketsCommand::Release { id, .. }
        | TicketsCommand::Resolve { id, .. }
        | TicketsCommand::Reopen { id, .. }
        | TicketsCommand::Note { id, .. } => {
            ctx.store_holding(&format!("ticket {}", parse_id(id)?))?
        }
        TicketsCommand::Purge { .. } => ctx.store()?,
    };
    let now = SystemClock.now();
    let out = &mut std::io::stdout().lock();
    match command {
        TicketsCommand::List { status, json } => list(store, status, json, out),
        TicketsCommand::Show { id, json } => show(store, &id, json, out),
        TicketsCommand::Export { id, format, json } => {
            let format = match format {
                Some(format) => format,
                None if json => "json".to_string(),
                None => "md".to_string(),
            };
            export(store, &id, &format, out)
        }
        TicketsCommand::Claim {
            id,
            by,
            take_over,
            json,
        } if take_over => {
            // Who held it, said after the take-over ("from sam"); a ticket that cannot be read
            // here is refused by `act` with its own message.
            let held = id
                .parse::<TicketId>()
                .ok()
                .and_then(|t| store.ticket(t).ok().flatten())
                .and_then(|t| t.claimed_by().map(|b| b.trim().to_string()))
                .filter(|b| !same_staff(b, &by));
            let stepped = act(store, &id, &by, StaffAction::TakeOver, now)?;
            if json {
                let mut v = stepped_json(&stepped, None)?;
                v["taken_over_from"] = json!(held);
                writeln!(out, "{v}")?;
            } else {
                writeln!(out, "{}", stepped.plain_reply())?;
                if let Some(held) = held {
                    writeln!(out, "Taken over from {}.", for_terminal(&held))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        TicketsCommand::Claim { id, by, json, .. } => {
            let stepped = act(store, &id, &by, StaffAction::Claim, now)?;
            print_stepped(&stepped, json, None, out)
        }
        TicketsCommand::Release { id, by, json } => {
            let stepped = act(store, &id, &by, StaffAction::Release, now)?;
            print_stepped(&stepped, json, None, out)
        }
        TicketsCommand::Resolve { id, by, note, json } => {
            let given = note.is_some();
            let stepped = act(store, &id, &by, StaffAction::Resolve { note }, now)?;
            print_stepped(&stepped, json, given.then_some("resolved"), out)
        }
        TicketsCommand::Reopen { id, by, note, json } => {
            let given = note.is_some();
            let stepped = act(store, &id, &by, StaffAction::Reopen { note }, now)?;
            print_stepped(&stepped, json, given.then_some("open"), out)
        }
        TicketsCommand::Note { id, by, text, json } => {
            let id = parse_id(&id)?;
            let t = TicketDesk::new(store.clone())
                .note(id, &by, &text, now)
                .map_err(refused)?;
            if json {
                writeln!(
                    out,
                    "{}",
                    json!({"changed": true, "ticket": ticket_json(&t)?})
                )?;
            } else {
                writeln!(
                    out,
                    "Noted on {} (staff only: the user is not told). The ticket stays {}.",
                    t.id, t.status
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        TicketsCommand::Purge {
            older_than,
            dry_run,
            yes,
            json,
        } => super::privacy::purge(ctx, older_than, dry_run, yes, json),
    }
}

/// The longest staff name `--by` takes.
const MAX_NAME_CHARS: usize = 100;

/// Refuses an empty `--by`, `--text` or `--note`, or a `--by` longer than a name, as wrong use (exit 2), worded as `escalate` words its
/// own (`--text is empty: ...`): the command cannot be carried out as typed.
fn check_values(command: &TicketsCommand) -> Result<(), CliError> {
    let (by, text, note) = match command {
        TicketsCommand::Claim { by, .. } | TicketsCommand::Release { by, .. } => {
            (Some(by), None, None)
        }
        TicketsCommand::Resolve { by, note, .. } | TicketsCommand::Reopen { by, note, .. } => {
            (Some(by), None, note.as_ref())
        }
        TicketsCommand::Note { by, text, .. } => (Some(by), Some(text), None),
        TicketsCommand::List { .. }
        | TicketsCommand::Show { .. }
        | TicketsCommand::Export { .. }
        | TicketsCommand::Purge { .. } => (None, None, None),
    };
    if by.is_some_and(|b| b.trim().is_empty()) {
        return Err(CliError::usage(
            "--by is empty: give your name, as the ticket's history (and the user, when told) shows it.",
        ));
    }
    // (A name is shown in every line of the history and to the user: a name, not a text.)
    if let Some(by) = by
        && by.trim().chars().count() > MAX_NAME_CHARS
    {
        return Err(CliError::usage(format!(
            "--by is {} characters long: give a name of at most {MAX_NAME_CHARS} (it is shown in the ticket's history and to the user).",
            by.trim().chars().count()
        )));
    }
    // ("--note '   '" was taken as a note sent, and the user got none.)
    if note.is_some_and(|n| n.trim().is_empty()) {
        return Err(CliError::usage(
            "--note is empty: give the words for the user, or leave --note out.",
        ));
    }
    if text.is_some_and(|t| t.trim().is_empty()) {
        return Err(CliError::usage(
            "--text is empty: give the note for staff, e.g. --text \"called Intuit, they are on it\".",
        ));
    }
    if let TicketsCommand::Export {
        format: Some(format),
        json: true,
        ..
    } = command
        && !format.trim().eq_ignore_ascii_case("json")
    {
        return Err(CliError::usage(format!(
            "--json and --format {format} ask for two formats: give one of them (--json is the same as --format json; Markdown is the default)."
        )));
    }
    Ok(())
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
            "{:<8} {:<9} {:<20} {:<24} {}{}{}{}{}",
            r.id.to_string(),
            r.status.word(),
            rfc3339(r.created_at),
            truncate(&for_terminal(&r.user_name), 24),
            if r.urgent { "[urgent] " } else { "" },
            for_terminal(&r.subject),
            r.claimed_by
                .as_ref()
                .map(|b| format!(" (claimed by {})", for_terminal(b)))
                .unwrap_or_default(),
            if r.says_it_works {
                " [user says it works now]"
            } else {
                ""
            },
            if r.asks_to_close {
                " [user asks to close it]"
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

/// The ticket `id` names; a malformed id is a usage error (exit 2), an unknown one fails (exit
/// 1) saying how to find the ids.
fn find(store: &Store, id: &str) -> Result<Ticket, CliError> {
    let id = parse_id(id)?;
    // Worded as every refusal of an unknown ticket is (`tickets note`, `claim`...).
    store.ticket(id)?.ok_or_else(|| {
        refused(ServiceError::Refused(Refusal::from(TicketError::NotFound(
            id,
        ))))
    })
}

/// `tickets show ID`: status, user, history and the diagnostic summary (or the JSON record).
fn show(store: &Store, id: &str, json: bool, out: &mut impl Write) -> Result<ExitCode, CliError> {
    let t = find(store, id)?;
    if json {
        writeln!(out, "{}", ticket_json(&t)?)?;
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
        for_terminal(t.user_name()),
        for_terminal(&t.user.id),
        rfc3339(t.created_at)
    )?;
    writeln!(out, "\nHistory:")?;
    // Status changes, staff-only notes and each later hand-over that added to the ticket
    // (staff should know the user came back), in time order.
    for line in t.history_lines() {
        writeln!(
            out,
            "  {}  {}",
            rfc3339(line.at()),
            line.words(for_terminal)
        )?;
    }
    if let Some(s) = t.summary() {
        let transcript = s.transcript_markdown(&t.id.to_string());
        // Read in a terminal: Markdown markers and escapes are not shown (`export --format md` keeps them).
        writeln!(out, "\n{}", to_terminal(&transcript, Emphasis::Plain))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A ticket as `--json` gives it: the stored record, with `claimed_by` (as `tickets list --json`
/// has it), each summary as [`summary_json`] gives it, and `history_lines`, the history as
/// `tickets show` tells it ([`history_lines_json`]).
pub(crate) fn ticket_json(t: &Ticket) -> Result<Value, CliError> {
    let mut v = serde_json::to_value(t)?;
    if let Some(map) = v.as_object_mut() {
        map.insert("claimed_by".into(), json!(t.claimed_by()));
        map.insert(
            "summaries".into(),
            t.summaries.iter().map(summary_json).collect(),
        );
        map.insert("history_lines".into(), history_lines_json(t));
    }
    Ok(with_rfc3339_times(v))
}

/// The history as `tickets show` tells it, for `--json`: one object per line with its time,
/// `event` (a word for scripts: "claimed", "works-now", ...), `text` (the line `show` prints)
/// and, for a summary the user added, its `summary` number (counted from 1). `history` stays
/// the stored status changes.
fn history_lines_json(t: &Ticket) -> Value {
    t.history_lines()
        .iter()
        .map(|line| {
            let mut v = json!({
                "at": line.at(),
                "event": line.event(),
                "text": line.words(str::to_string),
            });
            if let HistoryLine::Summary { number, .. } = line {
                v["summary"] = json!(number);
            }
            v
        })
        .collect()
}

/// A summary as `--json` gives it: [`Summary::transcript_json`] in its output form (see
/// [`summary_for_output`]).
fn summary_json(s: &Summary) -> Value {
    let mut v = s.transcript_json();
    summary_for_output(&mut v);
    v
}

/// A stored summary (JSON) in its output form: attempts made readable ([`attempts_for_output`])
/// and check verdicts in the machine spelling ([`checks_for_output`]).
fn summary_for_output(summary: &mut Value) {
    attempts_for_output(summary);
    checks_for_output(summary);
    if let Some(Value::Array(earlier)) = summary.get_mut("earlier") {
        earlier.iter_mut().for_each(checks_for_output);
    }
}

/// The output form of the `checks` in a summary (or an earlier problem): each `verdict`, stored
/// in words ("bad gateway"), in the machine spelling `check --json`, `status --json` and
/// `monitor --once --json` give ("bad-gateway": the [`Verdict`] as serde writes it). A word no
/// verdict has (a refused check's "refused") is left as stored; stored rows are untouched.
fn checks_for_output(summary: &mut Value) {
    let Some(Value::Array(checks)) = summary.get_mut("checks") else {
        return;
    };
    for check in checks.iter_mut().filter_map(Value::as_object_mut) {
        let verdict = check
            .get("verdict")
            .and_then(Value::as_str)
            .and_then(Verdict::from_word);
        if let Some(v) = verdict {
            check.insert("verdict".into(), json!(v));
        }
    }
}

/// The output form of a summary's `attempts`, which the store keeps in its own form (the same
/// serde derive; stored rows are untouched): `solution` numbered from 1 as the human view and
/// `stats` number it, and `content`, a 64-bit fingerprint that JavaScript and jq would round,
/// as a decimal string.
fn attempts_for_output(summary: &mut Value) {
    let Some(Value::Array(attempts)) = summary.get_mut("attempts") else {
        return;
    };
    for attempt in attempts.iter_mut().filter_map(Value::as_object_mut) {
        if let Some(n) = attempt.get("solution").and_then(Value::as_u64) {
            attempt.insert("solution".into(), json!(n + 1));
        }
        if let Some(c) = attempt.get("content").and_then(Value::as_u64) {
            attempt.insert("content".into(), json!(c.to_string()));
        }
    }
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
                "history_lines": history_lines_json(&t),
                "notes": t.notes,
                "summaries": t.summaries.iter().map(summary_json).collect::<Vec<_>>(),
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&with_rfc3339_times(v))?
            )?;
        }
        "md" | "markdown" => {
            // One title; each later summary headed by what it is and when it came (three
            // identical "# Ticket" headings left staff guessing which was the original).
            for (i, s) in t.summaries.iter().enumerate() {
                let label = t.summary_label(i);
                let head = match (i, label) {
                    (0, None) => format!("# Ticket {}\n\n", t.id),
                    (0, Some(label)) => format!(
                        "# Ticket {}\n\n_{label}; the later ones follow, each under its own heading._\n\n",
                        t.id
                    ),
                    (_, label) => format!(
                        "\n---\n\n# {}\n\n",
                        label.unwrap_or_else(|| format!("Summary {}", i + 1))
                    ),
                };
                write!(out, "{}", s.transcript_markdown_headed(&head))?;
            }
            // As `tickets show` has it: status changes with what staff told the user, staff
            // notes and what the user added, in time order.
            let history = t.history_lines();
            if !history.is_empty() {
                // (After several summaries, a rule: the history is the ticket's, not the last one's.)
                let rule = if t.summaries.len() > 1 { "\n---\n" } else { "" };
                writeln!(out, "{rule}\n## History\n")?;
            }
            for line in history {
                writeln!(
                    out,
                    "- {} {}",
                    rfc3339(line.at()),
                    line.words(crate::escalation::text::escape_markdown)
                )?;
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

/// `tickets claim|release|resolve|reopen`: a staff action as `by`. A malformed id is a usage
/// error (exit 2); an unknown ticket, or an action the ticket's state refuses, fails (exit 1).
/// An action whose outcome already holds is no failure: the ticket comes back unchanged.
fn act(
    store: &Store,
    id: &str,
    by: &str,
    action: StaffAction,
    now: u64,
) -> Result<Stepped, CliError> {
    let id = parse_id(id)?;
    TicketDesk::new(store.clone())
        .act(id, by, &action, now)
        .map_err(refused)
}

/// A ticket id as typed; one that does not parse is a usage error (exit 2), as in every command
/// that takes an id.
fn parse_id(id: &str) -> Result<TicketId, CliError> {
    id.parse().map_err(CliError::usage)
}

/// A refusal worded for the command line (exit 1); an internal failure stays one.
fn refused(e: ServiceError) -> CliError {
    match e {
        ServiceError::Refused(e) => CliError::failed(e.worded(&super::error::CliSpelling)),
        ServiceError::Internal(e) => e.into(),
    }
}

/// What a staff action did, for `--json`: whether it changed anything (and so told anyone),
/// and the ticket as it is now, as `tickets show --json` gives it. With a note given
/// (`noted`: the status it went with), `note_sent`, and when it was not sent, why
/// (`note_not_sent`, the words the text output gives).
fn stepped_json(stepped: &Stepped, noted: Option<&str>) -> Result<Value, CliError> {
    let mut v = json!({
        "changed": stepped.changed,
        "ticket": ticket_json(&stepped.ticket)?,
    });
    if let Some(status) = noted {
        v["note_sent"] = json!(stepped.changed);
        if !stepped.changed {
            v["note_not_sent"] = json!(note_not_sent(status));
        }
    }
    Ok(v)
}

/// Why a note given to an action that changed nothing was not sent, and what to do instead.
fn note_not_sent(status: &str) -> String {
    format!(
        "The note was not sent: the ticket was already {status}. To tell the user, reopen it \
         first; to keep it for staff, use `supportbot tickets note`."
    )
}

/// Prints what a staff action did: a line (and, when a note was given to an action that
/// changed nothing, that the note was not sent), or the JSON of [`stepped_json`]. `noted` is
/// the status the note went with, when one was given.
fn print_stepped(
    stepped: &Stepped,
    json: bool,
    noted: Option<&str>,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    if json {
        writeln!(out, "{}", stepped_json(stepped, noted)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", stepped.plain_reply())?;
    if let Some(status) = noted.filter(|_| !stepped.changed) {
        writeln!(out, "{}", note_not_sent(status))?;
    }
    Ok(ExitCode::SUCCESS)
}
