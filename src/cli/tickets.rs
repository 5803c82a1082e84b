//! Staff and admin commands over tickets: escalate, list, show, claim, resolve, reopen,
//! export, purge, stats and user forget.

use crate::browser::Browser;
use crate::escalation::StaffAction;
use crate::escalation::notify::{Erase, Fanout, FileNotifier, LogNotifier};
use crate::escalation::stats::{self, Stats};
use crate::escalation::summary::rfc3339;
use crate::escalation::text::for_terminal;
use crate::escalation::ticket::{Status, Ticket, TicketId};
use crate::service::{Service, ServiceError, TicketDesk};
use crate::session::UserRef;
use crate::store::Store;
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// The notifier available without Discord: the log plus a JSON-lines file that staff tools
/// can follow (`tail -f`).
pub fn local_notifier(file: &Path) -> Fanout {
    Fanout(vec![
        Box::new(LogNotifier),
        Box::new(FileNotifier::new(file.to_path_buf())),
    ])
}

pub struct EscalateArgs {
    pub user: String,
    pub name: String,
    pub text: String,
    pub browser: Option<Browser>,
    pub note: Option<String>,
    pub channel: String,
}

impl EscalateArgs {
    /// Who is escalating, as the session and the ticket name them.
    fn user_ref(&self) -> UserRef {
        UserRef {
            id: self.user.clone(),
            name: self.name.clone(),
            channel: self.channel.clone(),
        }
    }
}

/// Refuses escalate arguments that cannot make a ticket (exit 2, naming the flag).
pub fn check_escalate_args(args: &EscalateArgs) -> Result<(), ExitCode> {
    for (flag, value, what) in [
        (
            "--user",
            &args.user,
            "the user's id in your system, e.g. the web form's account id",
        ),
        (
            "--name",
            &args.name,
            "the name staff should see for the user",
        ),
    ] {
        if value.trim().is_empty() {
            eprintln!("error: {flag} is empty: give {what}.");
            return Err(ExitCode::from(2));
        }
    }
    if args.text.trim().is_empty() {
        eprintln!("error: --text is empty: describe the problem in the user's words.");
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// `escalate`: diagnose, capture, create the ticket; print its id only once durable. With a
/// knowledge base that could not be loaded ([`crate::knowledge::Knowledge::unavailable`]) the
/// ticket is still created, its summary saying why there is no diagnosis.
pub async fn escalate(
    service: &Service,
    args: EscalateArgs,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    if let Err(code) = check_escalate_args(&args) {
        return Ok(code);
    }
    let user = args.user_ref();
    let ticket = match service
        .escalate_text(&user, args.text, args.browser, args.note)
        .await
    {
        Ok(t) => t,
        Err(ServiceError::Refused(e)) => anyhow::bail!("the ticket could not be created: {e}"),
        Err(ServiceError::Internal(e)) => return Err(e.into()),
    };
    print_escalated(&ticket, json, out)
}

/// Prints the id of a durable ticket (or its JSON line) for `escalate`.
fn print_escalated(ticket: &Ticket, json: bool, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let id = ticket.id;
    if json {
        let s = ticket.summary();
        writeln!(
            out,
            "{}",
            json!({
                "id": id.to_string(),
                "status": ticket.status,
                "created": ticket.summaries.len() == 1,
                "article": s.and_then(|s| s.article.as_ref().map(|(id, _)| id.clone())),
                "browser": s.and_then(|s| s.browser),
                "matches": s.map(|s| s.matches.clone()).unwrap_or_default(),
                "knowledge_problem": s.and_then(|s| s.kb_problem.clone()),
            })
        )?;
    } else {
        writeln!(out, "{id}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn list(
    store: &Store,
    status: Option<Status>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let rows = store.ticket_rows(status)?;
    if json {
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No tickets{}.",
            status
                .map(|s| format!(" with status {s}"))
                .unwrap_or_default()
        )?;
        return Ok(());
    }
    let mut buf = std::io::BufWriter::new(out);
    for r in &rows {
        writeln!(
            buf,
            "{:<8} {:<9} {:<20} {:<24} {}{}",
            r.id.to_string(),
            r.status.word(),
            rfc3339(r.created_at),
            truncate(&for_terminal(&r.user_name), 24),
            for_terminal(&r.subject),
            r.claimed_by
                .as_ref()
                .map(|b| format!(" (claimed by {})", for_terminal(b)))
                .unwrap_or_default()
        )?;
    }
    writeln!(buf, "{} ticket(s).", rows.len())?;
    // Dropping a BufWriter swallows its last write's error; flushing reports it.
    buf.flush()?;
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

fn find(store: &Store, id: &str) -> anyhow::Result<Result<Ticket, String>> {
    let id: TicketId = match id.parse() {
        Ok(id) => id,
        Err(e) => return Ok(Err(e)),
    };
    Ok(store.ticket(id)?.ok_or_else(|| {
        format!("ticket {id} does not exist; `supportbot tickets list` shows the ids")
    }))
}

pub fn show(store: &Store, id: &str, json: bool, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let t = match find(store, id)? {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("error: {msg}");
            return Ok(ExitCode::from(1));
        }
    };
    if json {
        writeln!(out, "{}", serde_json::to_string(&t)?)?;
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
    for c in &t.history {
        writeln!(
            out,
            "  {}  {} -> {} by {}{}",
            rfc3339(c.at),
            c.from.map(|s| s.word()).unwrap_or("-"),
            c.to,
            for_terminal(&c.by),
            c.note
                .as_ref()
                .map(|n| format!(": {}", for_terminal(n)))
                .unwrap_or_default()
        )?;
    }
    if let Some(s) = t.summary() {
        writeln!(out, "\n{}", s.transcript_markdown(&t.id.to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(
    store: &Store,
    id: &str,
    format: &str,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let t = match find(store, id)? {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("error: {msg}");
            return Ok(ExitCode::from(1));
        }
    };
    match format {
        "json" => {
            let v = json!({
                "id": t.id.to_string(),
                "status": t.status,
                "user": t.user,
                "created_at": rfc3339(t.created_at),
                "history": t.history,
                "notes": t.notes,
                "summaries": t.summaries.iter().map(|s| s.transcript_json()).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
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
            eprintln!("error: unknown export format `{other}`: use md or json");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `tickets claim|resolve|reopen`: a staff action as `by`.
pub fn act(
    store: &Store,
    id: &str,
    by: &str,
    action: StaffAction,
    now: u64,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let id: TicketId = match id.parse() {
        Ok(id) => id,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    match TicketDesk::new(store.clone()).act(id, by, &action, now) {
        Ok(stepped) => {
            writeln!(out, "{}", stepped.plain_reply())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(ServiceError::Refused(e)) => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(1))
        }
        Err(ServiceError::Internal(e)) => Err(e.into()),
    }
}

/// `tickets purge`: the notifications file first (the tickets say which lines), then the store,
/// so a failure leaves something a second run finishes.
pub fn purge(
    store: &Store,
    notify_file: &Path,
    older_than: Duration,
    now: u64,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let cutoff = now.saturating_sub(older_than.as_secs());
    let lines = erase_notifications(
        notify_file,
        &Erase {
            tickets: &store.resolved_before(cutoff),
            user: None,
        },
    )?;
    let (tickets, sessions) = store.purge_resolved(cutoff)?;
    writeln!(
        out,
        "Removed {tickets} resolved ticket(s) resolved before {}, {sessions} session(s) and {lines} notification line(s).",
        rfc3339(cutoff)
    )?;
    Ok(())
}

/// `user forget`: the user's lines in the notifications file first (their tickets say which),
/// then their session, tickets and queued notifications in the store.
pub fn forget(
    store: &Store,
    notify_file: &Path,
    user: &str,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    if user.trim().is_empty() {
        eprintln!(
            "error: the user id is empty: give the id to forget, as `supportbot tickets list --json` shows it (user_id, not the name)."
        );
        return Ok(ExitCode::from(2));
    }
    let lines = erase_notifications(
        notify_file,
        &Erase {
            tickets: &store.tickets_of(user),
            user: Some(user),
        },
    )?;
    let (sessions, tickets) = store.forget_user(user)?;
    writeln!(
        out,
        "Forgot user {user}: removed {sessions} session(s), {tickets} ticket(s) and {lines} notification line(s); their stats are kept anonymously."
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Removes lines from the notifications file, saying which file failed and why.
fn erase_notifications(file: &Path, which: &Erase) -> anyhow::Result<usize> {
    FileNotifier::new(file.to_path_buf())
        .erase(which)
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot remove lines from {}: {e}\n  Nothing was removed; check that the file and its directory are writable, then run the command again.",
                file.display()
            )
        })
}

pub fn stats(
    store: &Store,
    since: Duration,
    now: u64,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let from = now.saturating_sub(since.as_secs());
    let s: Stats = stats::aggregate(store.stat_events(), store.tickets(), from);
    if json {
        writeln!(out, "{}", serde_json::to_string(&s)?)?;
        return Ok(());
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
    Ok(())
}
