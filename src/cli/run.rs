//! `run`: starts the Discord bot over the service (feature `discord`); without the feature, says
//! how to get a build that has it.

use super::args::RunArgs;
use super::{CliError, Context};
use std::process::ExitCode;

/// Without the `discord` feature there is no bot to run: a usage error naming the fix.
#[cfg(not(feature = "discord"))]
pub fn run(_ctx: &Context, _args: RunArgs) -> Result<ExitCode, CliError> {
    Err(CliError::report(
        "This supportbot was built without the `discord` feature, so it cannot run the Discord bot. Rebuild with default features (`cargo build --release`), or use `supportbot console`.",
        2,
    ))
}

/// Checks the settings the bot cannot start without (exit 2 naming where to get them), loads
/// the knowledge base (reloading as it is edited) and the store, and serves until SIGINT or
/// SIGTERM. A failure to connect or a wrong setting ends it with Discord's reason.
#[cfg(feature = "discord")]
pub fn run(ctx: &Context, args: RunArgs) -> Result<ExitCode, CliError> {
    let Some(token) = args.token.filter(|t| !t.trim().is_empty()) else {
        return Err(CliError::usage(
            "DISCORD_TOKEN is not set.\n  Create a bot at https://discord.com/developers/applications (your application -> Bot -> Reset Token),\n  then put DISCORD_TOKEN=... in .env (see .env.example) or the environment.",
        ));
    };
    let Some(support_channel) = args.support_channel else {
        return Err(CliError::usage(
            "SUPPORT_CHANNEL_ID is not set: escalations need a staff channel.\n  In Discord, enable Developer Mode (User Settings -> Advanced), right-click the staff channel -> Copy Channel ID,\n  and put SUPPORT_CHANNEL_ID=... in .env.",
        ));
    };
    let config = ctx.config();
    let knowledge = ctx.serving_knowledge()?;
    let store = ctx.store()?;
    // From now on what is queued here is the bot's to send (a card, a DM): commands run while
    // it is stopped leave it queued for it.
    store.set_outbox_owner(crate::store::BOT_TRANSPORT)?;
    let _watcher = knowledge
        .watch(|_| {})
        .map_err(|e| tracing::warn!(error = %e, "hot reload unavailable; use /kb reload"))
        .ok();
    let service = ctx.serving_service(knowledge.clone(), store);
    let settings = crate::discord::Settings {
        support_channel,
        status_channel: args.status_channel,
        staff_role: args.staff_role,
        dev_guild: args.dev_guild,
        check_cooldown: std::time::Duration::from_secs(args.check_cooldown),
        escalate_cooldown: std::time::Duration::from_secs(args.escalate_cooldown),
    };
    let runtime = ctx.runtime()?;
    let shutdown = listen_for_shutdown(runtime);
    // Entered so the monitor's task lands on this runtime; stopped when the bot stops.
    let _monitor = {
        let _inside = runtime.enter();
        crate::service::monitor::spawn(&service, &config.monitor)
    };
    let served = runtime.block_on(crate::discord::run(
        &token,
        args.proxy.as_deref(),
        settings,
        service,
        shutdown,
    ));
    // A copy of the knowledge being kept is finished, not cut short.
    knowledge.finish_saving();
    served.map_err(|e| CliError::message(e.to_string(), e.exit_code()))?;
    Ok(ExitCode::SUCCESS)
}

/// Starts listening for SIGINT (Ctrl-C) and SIGTERM now, in `runtime`, and returns what
/// completes on the first of them. Listening before the bot connects matters: a signal that
/// arrived between the connection and the first poll of a lazily made listener met the default
/// disposition and killed the process without the graceful stop (no flush, no drain).
#[cfg(feature = "discord")]
fn listen_for_shutdown(runtime: &tokio::runtime::Runtime) -> impl std::future::Future<Output = ()> {
    let _inside = runtime.enter();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let listen = |kind: SignalKind, name: &str| {
            signal(kind)
                .map_err(|e| tracing::warn!(error = %e, "cannot listen for {name}"))
                .ok()
        };
        let interrupt = listen(SignalKind::interrupt(), "SIGINT");
        let terminate = listen(SignalKind::terminate(), "SIGTERM");
        async move {
            let next = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    // Not listening: this one never stops the bot.
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = next(interrupt) => {}
                () = next(terminate) => {}
            }
        }
    }
    #[cfg(windows)]
    {
        let ctrl_c = tokio::signal::windows::ctrl_c()
            .map_err(|e| tracing::warn!(error = %e, "cannot listen for Ctrl-C"))
            .ok();
        async move {
            match ctrl_c {
                Some(mut c) => {
                    c.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        }
    }
    #[cfg(not(any(unix, windows)))]
    {
        // Neither: tokio listens only once polled (at the start of the bot's run).
        let ctrl_c = tokio::signal::ctrl_c();
        async move {
            let _ = ctrl_c.await;
        }
    }
}
