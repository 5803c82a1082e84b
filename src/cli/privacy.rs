//! The commands that remove personal data: `tickets purge` (resolved tickets past an age) and
//! `user forget` (one user). Both erase the notifications file first (the tickets say which
//! lines), then the store in one transaction, so a failure leaves something a second run
//! finishes. Then the database's files are rewritten ([`crate::store::rewrite`]): sled keeps
//! removed values in its log until it rewrites it, and erased text must not stay readable.

use super::{CliError, Context};
use crate::clock::{Clock, SystemClock};
use crate::escalation::notify::{DiscordPosts, Erase, FileNotifier};
use crate::escalation::summary::rfc3339;
use crate::ids::TicketId;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// `tickets purge --older-than D [--dry-run] [--yes]`: resolved tickets resolved before now - D,
/// their lines in notifications.jsonl, and the sessions idle since then of users with no ticket
/// left (users who never had one included). A cutoff under a day takes tickets resolved today (`0d`: all of them), so it is
/// refused without `--yes` (a dry run needs none: it removes nothing).
pub fn purge(
    ctx: &mut Context,
    older_than: Duration,
    dry_run: bool,
    yes: bool,
    json: bool,
) -> Result<ExitCode, CliError> {
    if !dry_run && !yes && super::duration::under_a_day(older_than) {
        let d = super::duration::spell(older_than);
        return Err(CliError::usage(format!(
            "--older-than {d} is under one day: it would remove tickets resolved as recently as {d} ago \
             (0d removes every resolved ticket). For days or months write e.g. 90d or 6mo; \
             to purge this recent, add --yes (see what would go first with --dry-run)."
        )));
    }
    // After the check: a refused purge needs no database (nor waits for a running bot's).
    let store = ctx.store()?;
    let cutoff = SystemClock.now().saturating_sub(older_than.as_secs());
    if dry_run {
        let (tickets, sessions) = store.purge_preview(cutoff)?;
        let file = ctx.config().notify_file();
        let lines = FileNotifier::new(file.clone())
            .count_erasable(&Erase {
                tickets: &store.resolved_before(cutoff),
                user: None,
            })
            .map_err(|e| {
                CliError::failed(format!(
                    "cannot read {}: {e}\n  Nothing was removed; check that the file is readable, then run the command again.",
                    file.display()
                ))
            })?;
        let out = &mut std::io::stdout().lock();
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({
                    "dry_run": true,
                    "resolved_before": rfc3339(cutoff),
                    "tickets": tickets,
                    "sessions": sessions,
                    "notification_lines": lines,
                })
            )?;
        } else {
            writeln!(
                out,
                "Would remove {tickets} resolved ticket(s) resolved before {}, {sessions} session(s) and {lines} notification line(s). Nothing was removed (--dry-run).",
                rfc3339(cutoff)
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let old = store.resolved_before(cutoff);
    let posted = left_on_discord(store, &old)?;
    let lines = erase_notifications(
        &ctx.config().notify_file(),
        &Erase {
            tickets: &old,
            user: None,
        },
    )?;
    let (tickets, sessions) = store.purge_resolved(cutoff)?;
    let removed = format!(
        "Removed {tickets} resolved ticket(s) resolved before {}, {sessions} session(s) and {lines} notification line(s); the tickets stay counted in `supportbot stats`, without their users.",
        rfc3339(cutoff)
    );
    if tickets + sessions > 0 {
        rewrite(ctx, &removed)?;
    }
    let out = &mut std::io::stdout().lock();
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "dry_run": false,
                "resolved_before": rfc3339(cutoff),
                "tickets": tickets,
                "sessions": sessions,
                "notification_lines": lines,
                "left_on_discord": discord_json(&posted),
            })
        )?;
    } else {
        writeln!(out, "{removed}{}", discord_lines(&posted))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A removed ticket and where the Discord bot showed it to staff.
type Posted = (TicketId, DiscordPosts);

/// Where the Discord bot posted each of `tickets` (the staff card in the support channel, the
/// private thread with the transcript), as it remembered it: read before the removal, which
/// queues their takedown and forgets the ids in one transaction. One entry per ticket that has
/// any.
fn left_on_discord(
    store: &crate::store::Store,
    tickets: &[TicketId],
) -> Result<Vec<Posted>, CliError> {
    Ok(store.discord_posts_of(tickets)?)
}

/// What happens on Discord, in words (empty when nothing was posted there).
fn discord_lines(posted: &[Posted]) -> String {
    if posted.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "\nOn Discord, the bot deletes these the next time it runs (`supportbot run` with DISCORD_TOKEN set; \
         for the threads it needs Manage Threads in the support channel): ",
    );
    let each: Vec<String> = posted
        .iter()
        .map(|(id, posts)| {
            let mut parts = Vec::new();
            if let Some(card) = posts.card {
                match posts.channel {
                    Some(channel) => {
                        parts.push(format!("staff card message {card} in channel {channel}"))
                    }
                    None => parts.push(format!("staff card message {card} in SUPPORT_CHANNEL_ID")),
                }
            }
            if let Some(thread) = posts.thread {
                parts.push(format!("private thread {thread} with the transcript"));
            }
            format!("{id}: {}", parts.join(", "))
        })
        .collect();
    out.push_str(&each.join("; "));
    out.push_str(
        ". Until then they stay; to take them down sooner, delete them in Discord (Developer Mode on). \
         The DMs the bot sent the user stay in their DMs: supportbot keeps no record of them to delete.",
    );
    out
}

/// The same as JSON.
fn discord_json(posted: &[Posted]) -> serde_json::Value {
    posted
        .iter()
        .map(|(id, posts)| {
            serde_json::json!({
                "ticket": id.to_string(),
                "card_channel": posts.channel.map(|c| c.to_string()),
                "card_message": posts.card.map(|m| m.to_string()),
                "thread": posts.thread.map(|t| t.to_string()),
                "takedown": "queued",
            })
        })
        .collect()
}

/// `user forget ID`: the user's lines in the notifications file, then their sessions, tickets,
/// queued notifications, outage notices and crowd landings in the store (each counted in the
/// output); their stats stay, anonymous. An empty id is a usage
/// error; an id with nothing stored fails (exit 1), saying so.
pub fn forget(ctx: &mut Context, user: &str, json: bool) -> Result<ExitCode, CliError> {
    // Before the store is opened: a usage error needs no database (nor waits for a running bot's).
    if user.trim().is_empty() {
        return Err(CliError::usage(
            "the user id is empty: give the id to forget, as `supportbot tickets list --json` shows it (user_id, not the name).",
        ));
    }
    let store = ctx.store()?;
    let theirs = store.tickets_of(user);
    let posted = left_on_discord(store, &theirs)?;
    let lines = erase_notifications(
        &ctx.config().notify_file(),
        &Erase {
            tickets: &theirs,
            user: Some(user),
        },
    )?;
    let gone = store.forget_user(user)?;
    if gone.is_empty() && lines == 0 {
        return Err(CliError::failed(format!(
            "nothing is stored about user `{user}`, so nothing was removed.\n  Check the id: it is the user_id that `supportbot tickets list --json` shows (not the name)."
        )));
    }
    let removed = format!(
        "Forgot user {user}: removed {} session(s), {} ticket(s), {} outage notice(s) (what they were told of an outage, and any wish to hear of its end), {} crowd landing(s) and {lines} notification line(s); their stats are kept anonymously.",
        gone.sessions, gone.tickets, gone.outage_notices, gone.crowd_landings
    );
    rewrite(ctx, &removed)?;
    let out = &mut std::io::stdout().lock();
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({
                "user_id": user,
                "sessions": gone.sessions,
                "tickets": gone.tickets,
                "outage_notices": gone.outage_notices,
                "crowd_landings": gone.crowd_landings,
                "notification_lines": lines,
                "left_on_discord": discord_json(&posted),
            })
        )?;
    } else {
        writeln!(
            out,
            "{removed}\nThe database files were rewritten without them. Not touched: what supportbot logged to stderr before (your log collector keeps it).{}",
            discord_lines(&posted)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Rewrites the database's files so that what was removed is gone from them too. On failure
/// the command fails (exit 1) saying what was removed, that the old text may still be in the
/// files, and that the rewrite is made again the next time the database is opened.
fn rewrite(ctx: &mut Context, removed: &str) -> Result<(), CliError> {
    let db = ctx.config().data_dir.join(crate::store::DB_DIR);
    ctx.rewrite_store().map_err(|e| {
        CliError::failed(format!(
            "{removed}\nBut rewriting the database files failed, so the removed text may still be readable in {}: {e}\n  \
             Nothing else was lost. The rewrite is made again the next time supportbot opens the database \
             (run e.g. `supportbot stats` once nothing else uses it).",
            db.display()
        ))
    })
}

/// Removes lines from the notifications file; a failure says which file and that nothing was
/// removed.
fn erase_notifications(file: &Path, which: &Erase) -> Result<usize, CliError> {
    FileNotifier::new(file.to_path_buf())
        .erase(which)
        .map_err(|e| {
            CliError::failed(format!(
                "cannot remove lines from {}: {e}\n  Nothing was removed; check that the file and its directory are writable, then run the command again.",
                file.display()
            ))
        })
}
