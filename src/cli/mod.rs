//! The command line: one module per command group, one dispatcher ([`run()`]), one error type
//! ([`CliError`]) that only `main` prints, and one [`Context`] that opens what the commands
//! need.
//!
//! - [`args`]: the clap definitions (flags, subcommands, value parsers).
//! - [`context`]: the configuration and, on demand and at most once, the knowledge base (or the
//!   report of its problems), the store, a tokio runtime and the local notifier.
//! - [`error`]: [`CliError`], a failure's wording and exit code.
//! - [`kb`]: `kb check|list|show`. [`diagnose`]: `diagnose TEXT`. [`check`]: `check NAME|URL`.
//! - [`escalate`]: `escalate` through the service. [`tickets`]: `tickets list|show|export|claim|
//!   release|resolve|reopen|note`. [`privacy`]: `tickets purge` and `user forget`. [`stats`]: `stats`.
//! - [`incidents`]: `status`, `incidents list|show|open|update|resolve`, `monitor --once`.
//! - [`model`]: `model fetch|status` and the sentence-model setup. [`duration`]: `90d`, `6mo`.
//!   [`number`]: whole-number settings, one wording for every wrong value.
//! - [`console`]: starts the terminal adapter. [`run`](mod@run): starts the Discord bot.
//!
//! A command prints its result on stdout and returns `Ok(code)`: non-zero when that output is
//! itself the "no" (`kb check` found problems, a target could not be checked, the model is
//! missing). A command that cannot do what was asked returns a [`CliError`].

pub mod args;
pub mod check;
pub mod console;
pub mod context;
pub mod diagnose;
pub mod duration;
pub mod error;
pub mod escalate;
pub mod incidents;
pub mod json_times;
pub mod kb;
pub mod model;
pub mod number;
pub mod parse;
pub mod privacy;
pub mod run;
pub mod stats;
pub mod tickets;

pub use context::{Context, Matching};
pub use error::CliError;

use crate::config::Config;
use args::{Command, KbCommand, UserCommand};
use std::process::ExitCode;

/// Runs one command: the only entry point from `main`.
pub fn run(config: Config, command: Command) -> Result<ExitCode, CliError> {
    let mut ctx = match command {
        Command::Console { .. } | Command::Run(_) => Context::serving(config),
        _ => Context::new(config),
    };
    match command {
        Command::Check {
            targets,
            json,
            user,
        } => check::run(&ctx, &targets, json, user.as_deref()),
        // What the last words queued (a ticket's notice) is sent before the command ends.
        Command::Console { user } => deliver_after(&ctx, console::run(&ctx, user)),
        Command::Diagnose {
            text,
            browser,
            json,
        } => diagnose::run(&ctx, &text, browser, json),
        Command::Kb { command } => match command {
            KbCommand::Check { json } => kb::check(&ctx, json),
            KbCommand::List { json } => kb::list(&ctx, json),
            KbCommand::Show { id, browser, json } => kb::show(&ctx, &id, browser, json),
        },
        Command::Run(args) => run::run(&ctx, args),
        Command::Escalate(args) => {
            let code = escalate::run(&ctx, args)?;
            deliver_after(&ctx, Ok(code))
        }
        Command::Tickets { command } => {
            let result = tickets::run(&mut ctx, command);
            deliver_after(&ctx, result)
        }
        Command::Stats { since, json } => stats::run(&ctx, since, json),
        Command::Status { json } => incidents::status(&ctx, json),
        // Both queue notices (an incident opened, updated or over): sent before the command ends.
        Command::Incidents { command } => deliver_after(&ctx, incidents::run(&ctx, command)),
        Command::Monitor { once, json } => {
            deliver_after(&ctx, incidents::monitor(&ctx, once, json))
        }
        Command::User {
            command: UserCommand::Forget { user_id, json },
        } => privacy::forget(&mut ctx, &user_id, json),
        Command::Model { command } => model::run(&ctx, command),
    }
}

/// After a command that may queue notifications (and whatever earlier ones left queued):
/// delivers through the local notifier if the store was opened and anything is queued. A note
/// about what stays queued follows the command's output, or its error.
fn deliver_after(ctx: &Context, result: Result<ExitCode, CliError>) -> Result<ExitCode, CliError> {
    if let Err(e) = &result
        && e.is_internal()
    {
        // Something broke underneath (or the reader went away): end now, as promptly as before.
        return result;
    }
    match ctx.opened_store() {
        Some(store) if store.outbox_len() > 0 => {}
        _ => return result,
    }
    let note = match ctx.deliver_queued() {
        Ok(note) => note,
        // The command's own failure says more than the delivery's.
        Err(e) => return result.and(Err(e)),
    };
    match (result, note) {
        (result, None) => result,
        (Ok(code), Some(note)) => {
            // Not a failure of the command: its output stands, the note only says what waits.
            eprintln!("{note}");
            Ok(code)
        }
        (Err(e), Some(note)) => Err(e.with_note(note)),
    }
}
