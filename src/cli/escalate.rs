//! `escalate`: open a ticket in one shot (for integrations such as a web form) through the
//! service, and print its id once it is durable. A broken knowledge base does not lose the
//! escalation: the ticket is filed without a diagnosis.

use super::args::EscalateArgs;
use super::{CliError, Context, Matching};
use crate::escalation::ticket::Ticket;
use crate::knowledge::Knowledge;
use crate::probe::Prober;
use crate::service::{Service, ServiceError};
use crate::session::UserRef;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// Diagnoses, captures and creates the ticket; prints its id (or a JSON line) only once it is
/// durable. Arguments that cannot make a ticket are refused (exit 2) before anything is opened.
/// With a knowledge base that cannot be loaded, a warning goes to stderr and the ticket is
/// still created ([`Knowledge::unavailable`]), its summary saying why there is no diagnosis.
pub fn run(ctx: &Context, args: EscalateArgs) -> Result<ExitCode, CliError> {
    validate(&args)?;
    let config = ctx.config();
    // Never waits for the hub: the ticket must not depend on a model download.
    let knowledge = ctx
        .command_knowledge(Matching::SemanticOnDisk)?
        .unwrap_or_else(|problems| {
            let why = problems_in_one_line(&problems);
            // A warning, not the command's failure: the ticket is still created.
            eprintln!(
                "warning: the knowledge base in {} could not be loaded ({why}).\n  \
                 The ticket is created without a diagnosis; run `supportbot kb check` to see every problem.",
                config.knowledge_dir.display()
            );
            Knowledge::unavailable(&config.knowledge_dir, why)
        });
    let store = ctx.store()?;
    // Tickets from a web form count toward the crowd signal, under the configured rule.
    let service =
        Service::with_prober(knowledge, store.clone(), Prober::new(config.checks.clone()))
            .with_crowd_rule(config.monitor.crowd);
    let user = UserRef {
        id: args.user,
        name: args.name,
        channel: args.channel,
    };
    let ticket = match ctx.runtime()?.block_on(service.escalate_text(
        &user,
        args.text,
        args.browser,
        args.note,
    )) {
        Ok(t) => t,
        Err(ServiceError::Refused(e)) => {
            return Err(CliError::failed(format!(
                "the ticket could not be created: {e}"
            )));
        }
        Err(ServiceError::Internal(e)) => return Err(e.into()),
    };
    print_escalated(&ticket, args.json, &mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses escalate arguments that cannot make a ticket (a usage error naming the flag).
fn validate(args: &EscalateArgs) -> Result<(), CliError> {
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
            return Err(CliError::usage(format!("{flag} is empty: give {what}.")));
        }
    }
    if args.text.trim().is_empty() {
        return Err(CliError::usage(
            "--text is empty: describe the problem in the user's words.",
        ));
    }
    Ok(())
}

/// Prints the id of a durable ticket (or its JSON line), flushed at once: it is the
/// integration's answer, and delivering the notifications afterwards may take seconds. The id
/// is the first line either way; a report added to the user's open ticket says so on the next
/// (`"filed": "added"` in the JSON, `"opened"` for a new ticket).
fn print_escalated(ticket: &Ticket, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let id = ticket.id;
    // (A new ticket has the one summary it was opened with.)
    let opened = ticket.summaries.len() == 1;
    if json {
        let s = ticket.summary();
        writeln!(
            out,
            "{}",
            json!({
                "id": id.to_string(),
                "status": ticket.status,
                "created": opened,
                "filed": if opened { "opened" } else { "added" },
                "article": s.and_then(|s| s.article.as_ref().map(|(id, _)| id.clone())),
                "browser": s.and_then(|s| s.browser),
                "matches": s.map(|s| s.matches.clone()).unwrap_or_default(),
                "knowledge_problem": s.and_then(|s| s.kb_problem.clone()),
            })
        )?;
    } else {
        writeln!(out, "{id}")?;
        if !opened {
            writeln!(
                out,
                "Added to the user's open ticket {id}: no new ticket was opened (one open ticket per user)."
            )?;
        }
    }
    out.flush()
}

/// The knowledge base's problems in one line: the first one without its hint, and how many more.
fn problems_in_one_line(problems: &[crate::knowledge::Diagnostic]) -> String {
    let Some(first) = problems.first() else {
        return "no detail given".into();
    };
    let first = if first.line > 0 {
        format!("{}:{}: {}", first.file, first.line, first.message)
    } else {
        format!("{}: {}", first.file, first.message)
    };
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    match problems.len() {
        1 => first,
        n => format!("{first}; and {} more problem(s)", n - 1),
    }
}
