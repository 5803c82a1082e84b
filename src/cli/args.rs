//! The command line as clap parses it: global flags, subcommands and their arguments, and the
//! value parsers that explain a wrong value. Only the binary builds these; [`super::run`]
//! dispatches on them.
//!
//! They live in the library rather than in `main.rs` because the dispatcher matches on
//! [`Command`], and a binary's types are invisible to its library.

use super::number::whole;
use crate::browser::Browser;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "supportbot",
    version,
    about = "A support bot: diagnose, fix per browser, check live, escalate."
)]
pub struct Cli {
    /// Knowledge directory (articles/ and endpoints.toml).
    #[arg(
        long,
        global = true,
        env = "KNOWLEDGE_DIR",
        default_value = "./knowledge"
    )]
    pub knowledge: PathBuf,
    /// Data directory (the sled database with sessions and tickets).
    #[arg(long, global = true, env = "DATA_DIR", default_value = "./data")]
    pub data: PathBuf,
    /// Seconds to wait for the data directory while another supportbot process uses it.
    #[arg(long, global = true, env = "DATA_LOCK_WAIT_SECONDS", default_value_t = crate::store::LOCK_WAIT.as_secs(), value_parser = |s: &str| whole::<u64>(s, 0, u64::MAX))]
    pub data_lock_wait_seconds: u64,
    #[command(flatten)]
    pub checks: CheckFlags,
    #[command(flatten)]
    pub semantic: SemanticFlags,
    #[command(flatten)]
    pub monitor: MonitorFlags,
    #[command(subcommand)]
    pub command: Command,
}

/// How live checks behave (`check`, and the bot's "check" button).
#[derive(clap::Args, Debug)]
pub struct CheckFlags {
    /// Let ad-hoc checks reach private, loopback and other non-public addresses and any port.
    #[arg(long, global = true, env = "ALLOW_PRIVATE_TARGETS", default_value_t = false, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub allow_private_targets: bool,
    /// Let users check URLs they type, not only the targets in endpoints.toml.
    #[arg(long, global = true, env = "ALLOW_ADHOC_CHECKS", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub allow_adhoc_checks: bool,
    /// Checks one user may run per minute.
    #[arg(long, global = true, env = "CHECK_RATE_PER_MINUTE", default_value_t = 5, value_parser = |s: &str| whole::<u32>(s, 1, u64::from(u32::MAX)))]
    pub check_rate_per_minute: u32,
    /// Seconds a named target's result is shared between users.
    #[arg(long, global = true, env = "CHECK_CACHE_SECONDS", default_value_t = 30, value_parser = |s: &str| whole::<u64>(s, 0, u64::MAX))]
    pub check_cache_seconds: u64,
    /// Ports ad-hoc checks may use, comma-separated.
    #[arg(long, global = true, env = "CHECK_ALLOWED_PORTS", default_value = "80,443", value_delimiter = ',', value_parser = |s: &str| whole::<u16>(s, 1, 65535))]
    pub check_allowed_ports: Vec<u16>,
}

/// The background monitor of the endpoints.toml targets (inside `run` and `console`).
#[derive(clap::Args, Debug)]
pub struct MonitorFlags {
    /// Watch the targets in the background while `run` or `console` runs.
    #[arg(long, global = true, env = "MONITOR", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub monitor: bool,
    /// Days of check history kept (for uptime over the last hour, day and week).
    #[arg(long, global = true, env = "MONITOR_RETENTION_DAYS", default_value_t = crate::incident::history::DEFAULT_RETENTION_DAYS, value_parser = |s: &str| whole::<u64>(s, 1, 3650))]
    pub monitor_retention_days: u64,
    /// Distinct users on one article within CROWD_MINUTES that make a suspected incident.
    #[arg(long, global = true, env = "CROWD_USERS", default_value_t = 5, value_parser = |s: &str| whole::<u64>(s, 2, 10_000))]
    pub crowd_users: u64,
    /// The crowd signal's window, in minutes.
    #[arg(long, global = true, env = "CROWD_MINUTES", default_value_t = 15, value_parser = |s: &str| whole::<u64>(s, 1, 1440))]
    pub crowd_minutes: u64,
}

/// Semantic matching (a sentence model beside the lexical matcher).
#[derive(clap::Args, Debug)]
pub struct SemanticFlags {
    /// A sentence-transformers model directory, a Hugging Face repo id (fetched on first use), or `off`.
    #[arg(long, global = true, env = "SEMANTIC_MODEL", default_value = DEFAULT_SEMANTIC_MODEL, value_name = "DIR|REPO|off")]
    pub semantic_model: String,
    /// Where downloaded models and cached article vectors are kept [default: DATA_DIR/models].
    #[arg(long, global = true, env = "MODEL_CACHE_DIR", value_name = "DIR")]
    pub model_cache_dir: Option<PathBuf>,
    /// Another address for the Hugging Face hub (a mirror) when fetching models.
    #[arg(long, global = true, env = "HF_ENDPOINT", value_name = "URL")]
    pub hf_endpoint: Option<String>,
    /// Milliseconds a description may wait for the sentence model before it is ranked lexically.
    #[arg(long, global = true, env = "SEMANTIC_DEADLINE_MS", default_value_t = crate::config::SEMANTIC_DEADLINE.as_millis() as u64, value_parser = |s: &str| whole::<u64>(s, 0, u64::MAX))]
    pub semantic_deadline_ms: u64,
}

#[cfg(feature = "semantic")]
const DEFAULT_SEMANTIC_MODEL: &str = crate::semantic::model::DEFAULT_MODEL;
#[cfg(not(feature = "semantic"))]
const DEFAULT_SEMANTIC_MODEL: &str = "off";

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check live whether services are up: target names from endpoints.toml, or URLs.
    Check {
        /// Target names (see endpoints.toml) or http(s) URLs.
        #[arg(required = true, value_name = "NAME|URL")]
        targets: Vec<String>,
        /// One JSON object per target, one per line (JSON Lines), in the order given.
        #[arg(long)]
        json: bool,
        /// Whose check this is: the per-user rate limit counts the targets of this call (each
        /// call of the command starts afresh).
        #[arg(long)]
        user: Option<String>,
    },
    /// Talk to the bot in the terminal (the same conversation as on Discord).
    Console {
        /// Your user id for the session (default: console:$USER).
        #[arg(long)]
        user: Option<String>,
    },
    /// Rank knowledge articles for a plain-language description.
    Diagnose {
        text: String,
        /// chrome, firefox, safari-mac, safari-ios, edge or ie (detected from the text otherwise).
        #[arg(long, value_parser = browser_flag)]
        browser: Option<Browser>,
        #[arg(long)]
        json: bool,
    },
    /// Work with the knowledge base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
    /// Run the Discord bot.
    Run(RunArgs),
    /// Open a ticket in one shot (for integrations such as a web form); prints the id once it is durable.
    Escalate(EscalateArgs),
    /// Work with escalation tickets (staff).
    Tickets {
        #[command(subcommand)]
        command: TicketsCommand,
    },
    /// Every target's state: last check, uptime over the last hour, day and week, and the
    /// incidents going on.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Outages: list, show, declare by hand, post updates, resolve.
    Incidents {
        #[command(subcommand)]
        command: IncidentsCommand,
    },
    /// Run the background monitor: `--once` checks every monitored target one time (for cron
    /// or scripts) and moves incidents along. (`run` and `console` run it all the time.)
    Monitor {
        /// One round now, then exit (the only mode: the monitor otherwise runs inside `run`
        /// and `console`).
        #[arg(long)]
        once: bool,
        /// One JSON object per target, one per line.
        #[arg(long)]
        json: bool,
    },
    /// What the bot learned: which fixes work, per article and solution.
    Stats {
        /// How far back: a number and a unit (min, h, d, w, mo = 30 days, y), e.g. 30d, 12h.
        #[arg(long, default_value = "30d", value_parser = super::duration::parse, allow_hyphen_values = true)]
        since: std::time::Duration,
        #[arg(long)]
        json: bool,
    },
    /// Privacy tools.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The sentence model behind semantic matching.
    Model {
        #[command(subcommand)]
        command: ModelCommand,
    },
}

impl Command {
    /// Whether the command answers in JSON (`--json`, or `tickets export --format json`): its
    /// failure is then a JSON object on stdout too, for the program reading it.
    pub fn wants_json(&self) -> bool {
        match self {
            Command::Check { json, .. }
            | Command::Diagnose { json, .. }
            | Command::Status { json }
            | Command::Monitor { json, .. }
            | Command::Stats { json, .. }
            | Command::Escalate(EscalateArgs { json, .. }) => *json,
            Command::Kb { command } => match command {
                KbCommand::Check { json }
                | KbCommand::List { json }
                | KbCommand::Show { json, .. } => *json,
            },
            Command::Tickets { command } => match command {
                TicketsCommand::List { json, .. }
                | TicketsCommand::Show { json, .. }
                | TicketsCommand::Claim { json, .. }
                | TicketsCommand::Release { json, .. }
                | TicketsCommand::Resolve { json, .. }
                | TicketsCommand::Reopen { json, .. }
                | TicketsCommand::Note { json, .. } => *json,
                TicketsCommand::Export { format, json, .. } => {
                    *json
                        || format
                            .as_deref()
                            .is_some_and(|f| f.trim().eq_ignore_ascii_case("json"))
                }
                TicketsCommand::Purge { json, .. } => *json,
            },
            Command::Incidents { command } => match command {
                IncidentsCommand::List { json, .. }
                | IncidentsCommand::Show { json, .. }
                | IncidentsCommand::Open { json, .. }
                | IncidentsCommand::Confirm { json, .. }
                | IncidentsCommand::Dismiss { json, .. }
                | IncidentsCommand::Update { json, .. }
                | IncidentsCommand::Resolve { json, .. } => *json,
            },
            Command::Model {
                command: ModelCommand::Status { json },
            } => *json,
            Command::User {
                command: UserCommand::Forget { json, .. },
            } => *json,
            Command::Console { .. } | Command::Run(_) | Command::Model { .. } => false,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum ModelCommand {
    /// Download the model SEMANTIC_MODEL names into MODEL_CACHE_DIR and verify its checksums.
    Fetch,
    /// Say which model is configured and whether it is on this machine (exit 1 when missing).
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// The bot token (Developer Portal -> your application -> Bot -> Reset Token).
    #[arg(long, env = "DISCORD_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Channel id where escalations are posted for staff.
    #[arg(long, env = "SUPPORT_CHANNEL_ID", value_name = "ID", value_parser = discord_id)]
    pub support_channel: Option<u64>,
    /// Channel id where incidents' status messages are posted and kept up to date (default: the support channel).
    #[arg(long, env = "STATUS_CHANNEL_ID", value_name = "ID", value_parser = discord_id)]
    pub status_channel: Option<u64>,
    /// Role id whose members count as support staff (Manage Server always does).
    #[arg(long, env = "STAFF_ROLE_ID", value_name = "ID", value_parser = discord_id)]
    pub staff_role: Option<u64>,
    /// Register commands in this guild only (instant; for development).
    #[arg(long, env = "DEV_GUILD_ID", value_name = "ID", value_parser = discord_id)]
    pub dev_guild: Option<u64>,
    /// Send Discord REST calls through this proxy (e.g. twilight-http-proxy), which then owns rate limiting.
    #[arg(long, env = "DISCORD_PROXY_URL")]
    pub proxy: Option<String>,
    /// Seconds between two /check commands of one user.
    #[arg(long, env = "CHECK_COOLDOWN_SECONDS", default_value_t = 10, value_parser = |s: &str| whole::<u64>(s, 0, u64::MAX))]
    pub check_cooldown: u64,
    /// Seconds between two escalations of one user.
    #[arg(long, env = "ESCALATE_COOLDOWN_SECONDS", default_value_t = 60, value_parser = |s: &str| whole::<u64>(s, 0, u64::MAX))]
    pub escalate_cooldown: u64,
}

// No doc comment: clap would take it as the subcommand's about, which the variant gives.
#[derive(clap::Args, Debug)]
pub struct EscalateArgs {
    #[arg(long)]
    pub user: String,
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub text: String,
    /// chrome, firefox, safari-mac, safari-ios, edge or ie (detected from the text otherwise).
    #[arg(long, value_parser = browser_flag)]
    pub browser: Option<Browser>,
    #[arg(long)]
    pub note: Option<String>,
    /// Where the request came from (shown to staff).
    #[arg(long, default_value = "cli")]
    pub channel: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum IncidentsCommand {
    /// Active incidents (with --all, every one), newest first.
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// One incident with its evidence and updates.
    Show {
        /// e.g. I-0007
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Declare an incident no probe sees ("payroll submissions delayed").
    Open {
        /// What users are told is wrong.
        #[arg(long)]
        title: String,
        /// An article it concerns (repeat for several): its users are told.
        #[arg(long = "article", value_name = "ID")]
        articles: Vec<String>,
        /// Who declares it.
        #[arg(long)]
        by: String,
        #[arg(long)]
        json: bool,
    },
    /// Confirm a suspected incident (from the crowd signal): users are told from now on.
    Confirm {
        id: String,
        #[arg(long)]
        by: String,
        /// One JSON object on stdout: `changed`, the incident, and the tickets it touched.
        #[arg(long)]
        json: bool,
    },
    /// Dismiss a suspected incident: not an outage; nobody was told.
    Dismiss {
        id: String,
        #[arg(long)]
        by: String,
        /// One JSON object on stdout: `changed`, the incident, and the tickets it touched.
        #[arg(long)]
        json: bool,
    },
    /// Post an update users and staff see.
    Update {
        id: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        by: String,
        /// One JSON object on stdout: `changed`, the incident, and the tickets it touched.
        #[arg(long)]
        json: bool,
    },
    /// Resolve it (with an optional note).
    Resolve {
        id: String,
        #[arg(long)]
        by: String,
        #[arg(long)]
        note: Option<String>,
        /// Also resolve every ticket linked to it (escalated during it), with the same note;
        /// each user is told.
        #[arg(long)]
        tickets: bool,
        /// Resolve it even though its target still failed its last check (refused without).
        #[arg(long)]
        force: bool,
        /// One JSON object on stdout: `changed`, the incident, and the tickets it touched.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TicketsCommand {
    /// List tickets, newest first.
    List {
        /// Only tickets with this status: open, claimed or resolved.
        #[arg(long)]
        status: Option<crate::escalation::ticket::Status>,
        /// One JSON array of rows (id, status, user, subject, claimed_by, ...) on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Show a ticket with its history, staff notes and summary.
    Show {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// The whole ticket as one JSON object on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Take a ticket; the user is told who has it. One someone else holds is refused, unless
    /// --take-over; one you hold already is left as it is (exit 0, nothing changed).
    Claim {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// Your name, as the user and the staff channel see it.
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Take it over from whoever holds it (the user is told once, the staff channel who had it).
        #[arg(long)]
        take_over: bool,
        /// Print the ticket as it is afterwards and whether anything changed, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Give a claimed ticket back to the queue for anyone to claim; the user is told. An open
    /// ticket is left as it is (exit 0, nothing changed).
    Release {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// Your name (the history and the staff channel say who released it).
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Print the ticket as it is afterwards and whether anything changed, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark a ticket resolved; the user is told, with the note if one is given. A resolved
    /// ticket is left as it is (exit 0, nothing changed, no note sent).
    Resolve {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// Your name, as the user sees it ("resolved by NAME").
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Sent to the user word for word with the news (and kept on the ticket); under 2000
        /// characters. For words only staff should read, use `tickets note`.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Print the ticket as it is afterwards and whether anything changed, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Reopen a resolved ticket; the user is told, with the note if one is given. An open
    /// ticket is left as it is (exit 0, nothing changed).
    Reopen {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// Your name, as the history shows it.
        #[arg(long, value_name = "NAME", default_value = "staff")]
        by: String,
        /// Why it is reopened: sent to the user word for word with the news (and kept on the
        /// ticket); under 2000 characters.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Print the ticket as it is afterwards and whether anything changed, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a staff-only note to a ticket (any status; the status stays): shown in `tickets
    /// show` and exports, never sent to the user.
    Note {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// Your name, as `tickets show` shows it.
        #[arg(long, value_name = "NAME")]
        by: String,
        /// The note, for staff only: the user never sees it.
        #[arg(long, value_name = "TEXT")]
        text: String,
        /// Print the ticket with the note as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the full transcript, with the history and the notes.
    Export {
        /// The ticket id: T-0042 (42 and #42 work too).
        id: String,
        /// md (Markdown, the default) or json.
        #[arg(long)]
        format: Option<String>,
        /// The same as --format json (as every other command spells it); refused with
        /// another --format.
        #[arg(long)]
        json: bool,
    },
    /// Remove resolved tickets (their lines in notifications.jsonl, and their users' idle sessions) older than a duration.
    Purge {
        /// Resolved this long ago or more: a number and a unit (min, h, d, w, mo = 30 days,
        /// y), e.g. 90d or 6mo. A bare `m` is refused (minutes or months?); under a day needs --yes.
        // (Hyphen values reach the parser: "-5d" is a wrong duration, not an unknown flag.)
        #[arg(long, value_parser = super::duration::parse, allow_hyphen_values = true)]
        older_than: std::time::Duration,
        /// Say what would be removed, and remove nothing.
        #[arg(long)]
        dry_run: bool,
        /// Confirm a cutoff under one day (it removes tickets resolved today; 0d removes every
        /// resolved ticket).
        #[arg(long)]
        yes: bool,
        /// What was removed (or would be, with --dry-run) as one JSON object on stdout.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Remove one user's sessions and tickets, and their lines in notifications.jsonl.
    Forget {
        user_id: String,
        /// What was removed as one JSON object on stdout.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum KbCommand {
    /// Validate every knowledge file; exit 1 listing every problem.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// List articles.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one article, optionally only the steps for one browser.
    Show {
        id: String,
        #[arg(long, value_parser = browser_flag)]
        browser: Option<Browser>,
        #[arg(long)]
        json: bool,
    },
}

/// A Discord snowflake id as users copy it (Developer Mode -> right-click -> Copy ID).
fn discord_id(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err("a Discord id is a number such as 1123456789012345678: turn on Developer Mode \
                  (User Settings -> Advanced), then right-click the channel, role or server -> Copy ID"
            .into()),
    }
}

/// A `--browser` (`diagnose`, `escalate`, `kb show`): any name [`Browser`] knows, except a
/// bare `safari`, which would file an iPhone user's problem as a Mac's (a web form's plain
/// "Safari" option), or show an admin the Mac's steps unasked: the flag must say which.
fn browser_flag(text: &str) -> Result<Browser, String> {
    let browser: Browser = text
        .parse()
        .map_err(|e: crate::browser::UnknownBrowser| e.to_string())?;
    if browser == Browser::SafariMac && Browser::is_bare_safari(text) {
        return Err("safari is two browsers here: use safari-mac or safari-ios".into());
    }
    Ok(browser)
}

/// Every environment variable the command line reads, from clap's own definitions (so `main`
/// can treat a blank one as unset).
pub fn env_names(command: &clap::Command) -> Vec<std::ffi::OsString> {
    let mut names: Vec<_> = command
        .get_arguments()
        .filter_map(|a| a.get_env().map(|e| e.to_owned()))
        .collect();
    for sub in command.get_subcommands() {
        names.extend(env_names(sub));
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_flag_must_say_which_safari() {
        for bare in ["safari", " Safari ", "SAFARI"] {
            let e = browser_flag(bare).unwrap_err();
            assert!(e.contains("use safari-mac or safari-ios"), "{bare}: {e}");
        }
        assert_eq!(browser_flag("safari-mac"), Ok(Browser::SafariMac));
        assert_eq!(browser_flag("safari mac"), Ok(Browser::SafariMac));
        assert_eq!(browser_flag("safari-ios"), Ok(Browser::SafariIos));
        assert_eq!(browser_flag("mobile safari"), Ok(Browser::SafariIos));
        assert_eq!(browser_flag("chrome"), Ok(Browser::Chrome));
        assert!(
            browser_flag("netscape")
                .unwrap_err()
                .contains("unknown browser")
        );
    }
}
