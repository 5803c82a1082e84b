//! `console`: starts the terminal adapter ([`crate::console`]) over the service, with the
//! knowledge base reloading as it is edited.

use super::{CliError, Context};
use crate::service::outbox::{self, Backoff};
use crate::session::UserRef;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Talks to the bot on stdin/stdout as `user` (default `console:$USER`) until end of input,
/// then flushes the store.
pub fn run(ctx: &Context, user: Option<String>) -> Result<ExitCode, CliError> {
    let config = ctx.config();
    let knowledge = ctx.serving_knowledge()?;
    let store = ctx.store()?;
    let interactive = std::io::stdin().is_terminal();
    // On a terminal the watcher's news is printed by the console, above its prompt; piped, it
    // goes to stderr as it comes (scripts and logs read it there).
    let (notices, notices_in) = tokio::sync::mpsc::unbounded_channel::<String>();
    let _watcher = knowledge
        .watch(move |outcome| {
            let mut lines = reload_news(&outcome);
            if let Ok(r) = &outcome
                && !r.examples_astray.is_empty()
            {
                lines.push(format!(
                    "[{} example(s) no longer find their own article first; `supportbot kb check` fails on them:]",
                    r.examples_astray.len()
                ));
                lines.extend(r.examples_astray.iter().map(ToString::to_string));
            }
            let text = lines.join("\n");
            if !interactive || notices.send(text.clone()).is_err() {
                eprintln!("{text}");
            }
        })
        .map_err(|e| tracing::warn!(error = %e, "hot reload unavailable"))
        .ok();
    let service = ctx.serving_service(knowledge.clone(), store);
    let runtime = ctx.runtime()?;
    // Entered so the monitor's task lands on this runtime; stopped when the console ends.
    let _monitor = {
        let _inside = runtime.enter();
        crate::service::monitor::spawn(&service, &config.monitor)
    };
    // Staff hear of a ticket (and users of an outage's end) while the console runs, not only
    // after it: the same deliverer as the bot's, with the local notifier. (Not in the Discord
    // bot's data directory: what is queued there waits for the bot.)
    let (stop_delivery, delivery_stopped) = tokio::sync::watch::channel(false);
    let deliverer = (!ctx.outbox_is_the_bots()?).then(|| {
        let _inside = runtime.enter();
        tokio::spawn(outbox::run(
            store.clone(),
            Arc::new(ctx.local_notifier()),
            service.clock().clone(),
            Backoff::default(),
            service.outbox_wake(),
            delivery_stopped,
        ))
    });
    let talked = runtime.block_on(crate::console::run(
        service,
        console_user(user),
        std::io::BufReader::new(std::io::stdin()),
        std::io::stdout(),
        interactive,
        Some(notices_in),
    ));
    let _ = stop_delivery.send(true);
    // What is still queued is sent after the command (see `Context::deliver_queued`).
    if let Some(deliverer) = deliverer {
        let _ = runtime
            .block_on(async { tokio::time::timeout(Duration::from_secs(5), deliverer).await });
    }
    // A copy of the knowledge being kept is finished, not cut short.
    knowledge.finish_saving();
    talked.map_err(CliError::internal)?;
    store.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Who is talking: staff see this name on tickets, the `--user` given, else the login name.
fn console_user(user: Option<String>) -> UserRef {
    let user = user.filter(|u| !u.trim().is_empty());
    let login = std::env::var("USER").ok().filter(|u| !u.trim().is_empty());
    let name = user
        .clone()
        .or_else(|| login.clone())
        .unwrap_or_else(|| "console user".into());
    UserRef {
        // "console:you" without a login name, as before: existing sessions keep their key.
        id: user.unwrap_or_else(|| format!("console:{}", login.as_deref().unwrap_or("you"))),
        name,
        channel: "console".into(),
    }
}

/// The watcher's news: one bracketed line (and the problems of a rejected edit).
fn reload_news(
    outcome: &Result<crate::knowledge::watch::Reloaded, Vec<crate::knowledge::Diagnostic>>,
) -> Vec<String> {
    match outcome {
        Ok(r) if r.recovered && !r.changed => vec![format!(
            "[knowledge valid again: the files match the version in service ({} articles, revision {})]",
            r.articles, r.revision
        )],
        Ok(r) if r.recovered => vec![format!(
            "[knowledge reloaded, valid again: {} articles, revision {}]",
            r.articles, r.revision
        )],
        Ok(r) => vec![format!(
            "[knowledge reloaded: {} articles, revision {}]",
            r.articles, r.revision
        )],
        Err(problems) => {
            let mut lines =
                vec!["[knowledge edit rejected, still using the last good version:]".to_string()];
            lines.extend(problems.iter().map(ToString::to_string));
            lines
        }
    }
}
