//! The `supportbot` binary: parses the command line, reads `.env`, sets up logging, and hands
//! each subcommand to the library. No product logic lives here.

use clap::{CommandFactory, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use supportbot::browser::Browser;
use supportbot::cli::tickets;
use supportbot::clock::{Clock, SystemClock};
use supportbot::config::Config;
use supportbot::escalation::StaffAction;
use supportbot::probe::Prober;
use supportbot::{cli, console, service::Service, session::UserRef, store::Store};

#[derive(Parser, Debug)]
#[command(
    name = "supportbot",
    version,
    about = "A support bot: diagnose, fix per browser, check live, escalate."
)]
struct Cli {
    /// Knowledge directory (articles/ and endpoints.toml).
    #[arg(
        long,
        global = true,
        env = "KNOWLEDGE_DIR",
        default_value = "./knowledge"
    )]
    knowledge: PathBuf,
    /// Data directory (the sled database with sessions and tickets).
    #[arg(long, global = true, env = "DATA_DIR", default_value = "./data")]
    data: PathBuf,
    /// Seconds to wait for the data directory while another supportbot process uses it.
    #[arg(long, global = true, env = "DATA_LOCK_WAIT_SECONDS", default_value_t = supportbot::store::LOCK_WAIT.as_secs())]
    data_lock_wait_seconds: u64,
    #[command(flatten)]
    checks: CheckFlags,
    #[command(flatten)]
    semantic: SemanticFlags,
    #[command(subcommand)]
    command: Command,
}

/// How live checks behave (`check`, and the bot's "check" button).
#[derive(clap::Args, Debug)]
struct CheckFlags {
    /// Let ad-hoc checks reach private, loopback and other non-public addresses and any port.
    #[arg(long, global = true, env = "ALLOW_PRIVATE_TARGETS", default_value_t = false, action = clap::ArgAction::Set, value_name = "BOOL")]
    allow_private_targets: bool,
    /// Let users check URLs they type, not only the targets in endpoints.toml.
    #[arg(long, global = true, env = "ALLOW_ADHOC_CHECKS", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    allow_adhoc_checks: bool,
    /// Checks one user may run per minute.
    #[arg(long, global = true, env = "CHECK_RATE_PER_MINUTE", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    check_rate_per_minute: u32,
    /// Seconds a named target's result is shared between users.
    #[arg(long, global = true, env = "CHECK_CACHE_SECONDS", default_value_t = 30)]
    check_cache_seconds: u64,
    /// Ports ad-hoc checks may use, comma-separated.
    #[arg(long, global = true, env = "CHECK_ALLOWED_PORTS", default_value = "80,443", value_delimiter = ',', value_parser = clap::value_parser!(u16).range(1..))]
    check_allowed_ports: Vec<u16>,
}

/// Semantic matching (a sentence model beside the lexical matcher).
#[derive(clap::Args, Debug)]
struct SemanticFlags {
    /// A sentence-transformers model directory, a Hugging Face repo id (fetched on first use), or `off`.
    #[arg(long, global = true, env = "SEMANTIC_MODEL", default_value = DEFAULT_SEMANTIC_MODEL, value_name = "DIR|REPO|off")]
    semantic_model: String,
    /// Where downloaded models and cached article vectors are kept [default: DATA_DIR/models].
    #[arg(long, global = true, env = "MODEL_CACHE_DIR", value_name = "DIR")]
    model_cache_dir: Option<PathBuf>,
    /// Another address for the Hugging Face hub (a mirror) when fetching models.
    #[arg(long, global = true, env = "HF_ENDPOINT", value_name = "URL")]
    hf_endpoint: Option<String>,
    /// Milliseconds a description may wait for the sentence model before it is ranked lexically.
    #[arg(long, global = true, env = "SEMANTIC_DEADLINE_MS", default_value_t = supportbot::config::SEMANTIC_DEADLINE.as_millis() as u64)]
    semantic_deadline_ms: u64,
}

#[cfg(feature = "semantic")]
const DEFAULT_SEMANTIC_MODEL: &str = supportbot::semantic::model::DEFAULT_MODEL;
#[cfg(not(feature = "semantic"))]
const DEFAULT_SEMANTIC_MODEL: &str = "off";

#[derive(Subcommand, Debug)]
enum Command {
    /// Check live whether services are up: target names from endpoints.toml, or URLs.
    Check {
        /// Target names (see endpoints.toml) or http(s) URLs.
        #[arg(required = true, value_name = "NAME|URL")]
        targets: Vec<String>,
        /// One JSON object per target, one per line (JSON Lines), in the order given.
        #[arg(long)]
        json: bool,
        /// Whose check this is (for the per-user rate limit).
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
        #[arg(long)]
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
    Escalate {
        #[arg(long)]
        user: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        browser: Option<Browser>,
        #[arg(long)]
        note: Option<String>,
        /// Where the request came from (shown to staff).
        #[arg(long, default_value = "cli")]
        channel: String,
        #[arg(long)]
        json: bool,
    },
    /// Work with escalation tickets (staff).
    Tickets {
        #[command(subcommand)]
        command: TicketsCommand,
    },
    /// What the bot learned: which fixes work, per article and solution.
    Stats {
        /// How far back, e.g. 30d, 12h.
        #[arg(long, default_value = "30d", value_parser = duration)]
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

#[derive(Subcommand, Debug)]
enum ModelCommand {
    /// Download the model SEMANTIC_MODEL names into MODEL_CACHE_DIR and verify its checksums.
    Fetch,
    /// Say which model is configured and whether it is on this machine (exit 1 when missing).
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    /// The bot token (Developer Portal -> your application -> Bot -> Reset Token).
    #[arg(long, env = "DISCORD_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Channel id where escalations are posted for staff.
    #[arg(long, env = "SUPPORT_CHANNEL_ID", value_name = "ID", value_parser = discord_id)]
    support_channel: Option<u64>,
    /// Role id whose members count as support staff (Manage Server always does).
    #[arg(long, env = "STAFF_ROLE_ID", value_name = "ID", value_parser = discord_id)]
    staff_role: Option<u64>,
    /// Register commands in this guild only (instant; for development).
    #[arg(long, env = "DEV_GUILD_ID", value_name = "ID", value_parser = discord_id)]
    dev_guild: Option<u64>,
    /// Send Discord REST calls through this proxy (e.g. twilight-http-proxy), which then owns rate limiting.
    #[arg(long, env = "DISCORD_PROXY_URL")]
    proxy: Option<String>,
    /// Seconds between two /check commands of one user.
    #[arg(long, env = "CHECK_COOLDOWN_SECONDS", default_value_t = 10)]
    check_cooldown: u64,
    /// Seconds between two escalations of one user.
    #[arg(long, env = "ESCALATE_COOLDOWN_SECONDS", default_value_t = 60)]
    escalate_cooldown: u64,
}

#[derive(Subcommand, Debug)]
enum TicketsCommand {
    /// List tickets, newest first.
    List {
        /// open, claimed or resolved.
        #[arg(long)]
        status: Option<supportbot::escalation::ticket::Status>,
        #[arg(long)]
        json: bool,
    },
    /// Show a ticket with its history and summary.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Take a ticket.
    Claim {
        id: String,
        #[arg(long)]
        by: String,
    },
    /// Mark a ticket resolved; the user is told.
    Resolve {
        id: String,
        #[arg(long)]
        by: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Reopen a resolved ticket.
    Reopen {
        id: String,
        #[arg(long, default_value = "staff")]
        by: String,
    },
    /// Print the full transcript.
    Export {
        id: String,
        /// md or json.
        #[arg(long, default_value = "md")]
        format: String,
    },
    /// Remove resolved tickets (their lines in notifications.jsonl, and their users' idle sessions) older than a duration.
    Purge {
        /// e.g. 90d.
        #[arg(long, value_parser = duration)]
        older_than: std::time::Duration,
    },
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Remove one user's sessions and tickets, and their lines in notifications.jsonl.
    Forget { user_id: String },
}

#[derive(Subcommand, Debug)]
enum KbCommand {
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
        #[arg(long)]
        browser: Option<Browser>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    // Before any thread starts: setting the environment is only sound while single-threaded.
    if let Err(e) = load_env() {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,supportbot=info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let cli = Cli::parse();
    let mut config = Config::new(cli.knowledge, cli.data);
    config.lock_wait = std::time::Duration::from_secs(cli.data_lock_wait_seconds);
    config.checks.allow_private_targets = cli.checks.allow_private_targets;
    config.checks.allow_adhoc_checks = cli.checks.allow_adhoc_checks;
    config.checks.rate_per_minute = cli.checks.check_rate_per_minute;
    config.checks.cache_ttl = std::time::Duration::from_secs(cli.checks.check_cache_seconds);
    config.checks.allowed_ports = cli.checks.check_allowed_ports;
    config.semantic.model = cli.semantic.semantic_model;
    if let Some(dir) = cli.semantic.model_cache_dir {
        config.semantic.cache_dir = dir;
    }
    config.semantic.deadline = std::time::Duration::from_millis(cli.semantic.semantic_deadline_ms);
    config.semantic.hub_endpoint = cli.semantic.hf_endpoint;
    match run(config, cli.command) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Applies `.env` (variables already in the environment win, as with dotenv) and treats every
/// blank variable this program reads as unset, so `DEV_GUILD_ID=` copied from `.env.example`
/// means "no dev guild" rather than "the id ''".
/// Must run before any other thread exists (it changes the process environment).
fn load_env() -> Result<(), supportbot::env_file::EnvFileError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(path) = supportbot::env_file::find(&cwd) {
        for (key, value) in supportbot::env_file::read(&path)? {
            if std::env::var_os(&key).is_none() {
                // SAFETY: called first thing in main, before the tokio runtime or any other
                // thread exists, so nothing reads the environment concurrently.
                unsafe { std::env::set_var(&key, value) };
            }
        }
    }
    for name in env_names(&Cli::command()) {
        if std::env::var(&name).is_ok_and(|v| v.trim().is_empty()) {
            // SAFETY: as above, still single-threaded.
            unsafe { std::env::remove_var(&name) };
        }
    }
    Ok(())
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

/// A duration as staff type it (`30d`, `12h`, `90m`); a bare number is refused with the unit
/// spelled out, since guessing days or seconds would purge the wrong tickets.
fn duration(text: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(text.trim()).map_err(|_| {
        let t = text.trim();
        let bare = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        format!(
            "`{t}` is not a duration: use a number with a unit, such as 30d, 12h or 90m{}",
            if bare {
                format!(" (for {t} days write {t}d)")
            } else {
                String::new()
            }
        )
    })
}

/// Whether an error is only the reader of our output going away (`supportbot tickets list |
/// head -1`): not a failure of the command, so it ends quietly.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Every environment variable the command line reads, from clap's own definitions.
fn env_names(command: &clap::Command) -> Vec<std::ffi::OsString> {
    let mut names: Vec<_> = command
        .get_arguments()
        .filter_map(|a| a.get_env().map(|e| e.to_owned()))
        .collect();
    for sub in command.get_subcommands() {
        names.extend(env_names(sub));
    }
    names
}

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
}

/// The sentence model for a command that matches descriptions: loaded (fetched on first use),
/// or lexical matching with one line on stderr saying why.
fn semantic(config: &Config) -> anyhow::Result<supportbot::semantic::SemanticSetup> {
    semantic_setup(config, true)
}

/// The same, but never downloading: for `escalate`, which must file the ticket without waiting
/// for the hub (a model already on disk is still used).
fn semantic_on_disk(config: &Config) -> anyhow::Result<supportbot::semantic::SemanticSetup> {
    semantic_setup(config, false)
}

fn semantic_setup(
    config: &Config,
    download: bool,
) -> anyhow::Result<supportbot::semantic::SemanticSetup> {
    let interactive = std::io::stderr().is_terminal();
    Ok(runtime()?.block_on(cli::model::setup(&config.semantic, download, interactive)))
}

fn run(config: Config, command: Command) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match command {
        Command::Check {
            targets,
            json,
            user,
        } => supportbot::probe::cli::run(&config, &targets, json, user.as_deref(), &mut stdout),
        Command::Kb {
            command: KbCommand::Check { json },
        } => Ok(cli::kb_check(
            &config.knowledge_dir,
            semantic(&config)?,
            json,
            &mut stdout,
        )?),
        Command::Kb {
            command: KbCommand::List { json },
        } => {
            let lexical = supportbot::semantic::SemanticSetup::off("not needed to list articles");
            let knowledge = match cli::load_or_report(&config.knowledge_dir, lexical) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            cli::kb_list(&knowledge.current(), json, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Kb {
            command: KbCommand::Show { id, browser, json },
        } => {
            let lexical = supportbot::semantic::SemanticSetup::off("not needed to show an article");
            let knowledge = match cli::load_or_report(&config.knowledge_dir, lexical) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            Ok(cli::kb_show(
                &knowledge.current(),
                &id,
                browser,
                json,
                &mut stdout,
            )?)
        }
        Command::Diagnose {
            text,
            browser,
            json,
        } => {
            if text.trim().is_empty() {
                eprintln!(
                    "error: the text is empty: describe the problem in the user's words, e.g. supportbot diagnose \"502 bad gateway in chrome\"."
                );
                return Ok(ExitCode::from(2));
            }
            let knowledge = match cli::load_or_report(&config.knowledge_dir, semantic(&config)?) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            cli::diagnose(&knowledge, &text, browser, json, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Console { user } => {
            drop(stdout);
            let knowledge = match cli::load_or_report(&config.knowledge_dir, semantic(&config)?) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            let store = Store::open_waiting(&config.data_dir, config.lock_wait)?;
            let _watcher = knowledge
                .watch(|outcome| match outcome {
                    Ok(r) => eprintln!(
                        "[knowledge reloaded: {} articles, revision {}]",
                        r.articles, r.revision
                    ),
                    Err(problems) => {
                        eprintln!("[knowledge edit rejected, still using the last good version:]");
                        for p in problems {
                            eprintln!("{p}");
                        }
                    }
                })
                .map_err(|e| tracing::warn!(error = %e, "hot reload unavailable"))
                .ok();
            // Staff see this name on tickets: the --user given, else the login name.
            let user = user.filter(|u| !u.trim().is_empty());
            let login = std::env::var("USER").ok().filter(|u| !u.trim().is_empty());
            let name = user
                .clone()
                .or_else(|| login.clone())
                .unwrap_or_else(|| "console user".into());
            let user = UserRef {
                // "console:you" without a login name, as before: existing sessions keep their key.
                id: user
                    .unwrap_or_else(|| format!("console:{}", login.as_deref().unwrap_or("you"))),
                name,
                channel: "console".into(),
            };
            let service =
                Service::with_prober(knowledge, store.clone(), Prober::new(config.checks.clone()))
                    .with_semantic_deadline(config.semantic.deadline);
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            let interactive = std::io::stdin().is_terminal();
            runtime.block_on(console::run(
                service,
                user,
                std::io::stdin().lock(),
                std::io::stdout(),
                interactive,
            ))?;
            store.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Escalate {
            user,
            name,
            text,
            browser,
            note,
            channel,
            json,
        } => {
            drop(stdout);
            let args = tickets::EscalateArgs {
                user,
                name,
                text,
                browser,
                note,
                channel,
            };
            if let Err(code) = tickets::check_escalate_args(&args) {
                return Ok(code);
            }
            // A broken knowledge base must not lose the escalation: the ticket is created
            // without a diagnosis, and the admin is warned.
            let knowledge = supportbot::knowledge::Knowledge::open_with(&config.knowledge_dir, semantic_on_disk(&config)?)
                .map_err(|problems| {
                    let why = cli::problems_in_one_line(&problems);
                    eprintln!(
                        "warning: the knowledge base in {} could not be loaded ({why}).\n  \
                         The ticket is created without a diagnosis; run `supportbot kb check` to see every problem.",
                        config.knowledge_dir.display()
                    );
                    why
                });
            let knowledge = knowledge.unwrap_or_else(|why| {
                supportbot::knowledge::Knowledge::unavailable(&config.knowledge_dir, why)
            });
            let store = Store::open_waiting(&config.data_dir, config.lock_wait)?;
            let runtime = runtime()?;
            let service =
                Service::with_prober(knowledge, store.clone(), Prober::new(config.checks.clone()));
            let code = runtime.block_on(tickets::escalate(
                &service,
                args,
                json,
                &mut std::io::stdout().lock(),
            ))?;
            runtime.block_on(supportbot::service::outbox::deliver_queued(
                &store,
                &tickets::local_notifier(&config.notify_file()),
                &SystemClock,
            ));
            Ok(code)
        }
        Command::Tickets { command } => {
            let store = Store::open_waiting(&config.data_dir, config.lock_wait)?;
            let now = SystemClock.now();
            let code = match command {
                TicketsCommand::List { status, json } => {
                    tickets::list(&store, status, json, &mut stdout)?;
                    ExitCode::SUCCESS
                }
                TicketsCommand::Show { id, json } => tickets::show(&store, &id, json, &mut stdout)?,
                TicketsCommand::Export { id, format } => {
                    tickets::export(&store, &id, &format, &mut stdout)?
                }
                TicketsCommand::Claim { id, by } => {
                    tickets::act(&store, &id, &by, StaffAction::Claim, now, &mut stdout)?
                }
                TicketsCommand::Resolve { id, by, note } => tickets::act(
                    &store,
                    &id,
                    &by,
                    StaffAction::Resolve { note },
                    now,
                    &mut stdout,
                )?,
                TicketsCommand::Reopen { id, by } => {
                    tickets::act(&store, &id, &by, StaffAction::Reopen, now, &mut stdout)?
                }
                TicketsCommand::Purge { older_than } => {
                    tickets::purge(&store, &config.notify_file(), older_than, now, &mut stdout)?;
                    ExitCode::SUCCESS
                }
            };
            if store.outbox_len() > 0 {
                runtime()?.block_on(supportbot::service::outbox::deliver_queued(
                    &store,
                    &tickets::local_notifier(&config.notify_file()),
                    &SystemClock,
                ));
            }
            Ok(code)
        }
        Command::Stats { since, json } => {
            let store = Store::open_waiting(&config.data_dir, config.lock_wait)?;
            tickets::stats(&store, since, SystemClock.now(), json, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::User {
            command: UserCommand::Forget { user_id },
        } => {
            let store = Store::open_waiting(&config.data_dir, config.lock_wait)?;
            tickets::forget(&store, &config.notify_file(), &user_id, &mut stdout)
        }
        Command::Run(args) => {
            drop(stdout);
            run_bot(config, args)
        }
        Command::Model {
            command: ModelCommand::Status { json },
        } => cli::model::status(&config.semantic, json, &mut stdout),
        Command::Model {
            command: ModelCommand::Fetch,
        } => {
            let interactive = std::io::stderr().is_terminal();
            runtime()?.block_on(cli::model::fetch(
                &config.semantic,
                interactive,
                &mut stdout,
            ))
        }
    }
}

#[cfg(not(feature = "discord"))]
fn run_bot(_config: Config, _args: RunArgs) -> anyhow::Result<ExitCode> {
    eprintln!(
        "This supportbot was built without the `discord` feature, so it cannot run the Discord bot. Rebuild with default features (`cargo build --release`), or use `supportbot console`."
    );
    Ok(ExitCode::from(2))
}

#[cfg(feature = "discord")]
fn run_bot(config: Config, args: RunArgs) -> anyhow::Result<ExitCode> {
    let Some(token) = args.token.filter(|t| !t.trim().is_empty()) else {
        eprintln!(
            "error: DISCORD_TOKEN is not set.\n  Create a bot at https://discord.com/developers/applications (your application -> Bot -> Reset Token),\n  then put DISCORD_TOKEN=... in .env (see .env.example) or the environment."
        );
        return Ok(ExitCode::from(2));
    };
    let Some(support_channel) = args.support_channel else {
        eprintln!(
            "error: SUPPORT_CHANNEL_ID is not set: escalations need a staff channel.\n  In Discord, enable Developer Mode (User Settings -> Advanced), right-click the staff channel -> Copy Channel ID,\n  and put SUPPORT_CHANNEL_ID=... in .env."
        );
        return Ok(ExitCode::from(2));
    };
    let knowledge = match cli::load_or_report(&config.knowledge_dir, semantic(&config)?) {
        Ok(k) => k,
        Err(code) => return Ok(code),
    };
    let store = Store::open_waiting(&config.data_dir, config.lock_wait)?;
    let _watcher = knowledge
        .watch(|_| {})
        .map_err(|e| tracing::warn!(error = %e, "hot reload unavailable; use /kb reload"))
        .ok();
    let service = Service::with_prober(knowledge, store, Prober::new(config.checks.clone()))
        .with_semantic_deadline(config.semantic.deadline);
    let settings = supportbot::discord::Settings {
        support_channel,
        staff_role: args.staff_role,
        dev_guild: args.dev_guild,
        check_cooldown: std::time::Duration::from_secs(args.check_cooldown),
        escalate_cooldown: std::time::Duration::from_secs(args.escalate_cooldown),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(supportbot::discord::run(
        &token,
        args.proxy.as_deref(),
        settings,
        service,
        shutdown_signal(),
    ));
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(e.exit_code()))
        }
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
#[cfg(feature = "discord")]
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot listen for SIGTERM");
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
