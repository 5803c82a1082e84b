//! The `supportbot` binary: parses the command line, reads `.env`, sets up logging, and hands
//! each subcommand to the library. No product logic lives here.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use supportbot::browser::Browser;
use supportbot::cli::tickets;
use supportbot::config::Config;
use supportbot::service::{Clock, SystemClock};
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
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
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
    Run,
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
        #[arg(long, default_value = "30d", value_parser = humantime::parse_duration)]
        since: std::time::Duration,
        #[arg(long)]
        json: bool,
    },
    /// Privacy tools.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
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
    /// Remove resolved tickets (and their users' idle sessions) older than a duration.
    Purge {
        /// e.g. 90d.
        #[arg(long, value_parser = humantime::parse_duration)]
        older_than: std::time::Duration,
    },
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Remove one user's sessions and tickets.
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
    // A missing .env is normal; a broken one is worth saying.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("warning: could not read .env: {e}");
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
    let config = Config {
        knowledge_dir: cli.knowledge,
        data_dir: cli.data,
    };
    match run(config, cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
}

fn run(config: Config, command: Command) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match command {
        Command::Kb {
            command: KbCommand::Check { json },
        } => Ok(cli::kb_check(&config.knowledge_dir, json, &mut stdout)?),
        Command::Kb {
            command: KbCommand::List { json },
        } => {
            let knowledge = match cli::load_or_report(&config.knowledge_dir) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            cli::kb_list(&knowledge.current(), json, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Kb {
            command: KbCommand::Show { id, browser, json },
        } => {
            let knowledge = match cli::load_or_report(&config.knowledge_dir) {
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
            let knowledge = match cli::load_or_report(&config.knowledge_dir) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            cli::diagnose(&knowledge.current(), &text, browser, json, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Console { user } => {
            drop(stdout);
            let knowledge = match cli::load_or_report(&config.knowledge_dir) {
                Ok(k) => k,
                Err(code) => return Ok(code),
            };
            let store = Store::open(&config.data_dir)?;
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
            let name = std::env::var("USER").unwrap_or_else(|_| "you".into());
            let user = UserRef {
                id: user.unwrap_or_else(|| format!("console:{name}")),
                name,
                channel: "console".into(),
            };
            let service = Service::new(knowledge, store.clone());
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
            let Ok(knowledge) = cli::load_or_report(&config.knowledge_dir) else {
                return Ok(ExitCode::from(1));
            };
            let store = Store::open(&config.data_dir)?;
            let service = Service::new(knowledge, store.clone());
            let runtime = runtime()?;
            let args = tickets::EscalateArgs {
                user,
                name,
                text,
                browser,
                note,
                channel,
            };
            let code = runtime.block_on(tickets::escalate(
                &service,
                args,
                json,
                &mut std::io::stdout().lock(),
            ))?;
            runtime.block_on(tickets::deliver_queued(
                &store,
                &tickets::local_notifier(&config.notify_file()),
                &SystemClock,
            ));
            Ok(code)
        }
        Command::Tickets { command } => {
            let store = Store::open(&config.data_dir)?;
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
                    tickets::step(&store, &id, tickets::Step::Claim { by }, now, &mut stdout)?
                }
                TicketsCommand::Resolve { id, by, note } => tickets::step(
                    &store,
                    &id,
                    tickets::Step::Resolve { by, note },
                    now,
                    &mut stdout,
                )?,
                TicketsCommand::Reopen { id, by } => {
                    tickets::step(&store, &id, tickets::Step::Reopen { by }, now, &mut stdout)?
                }
                TicketsCommand::Purge { older_than } => {
                    tickets::purge(&store, older_than, now, &mut stdout)?;
                    ExitCode::SUCCESS
                }
            };
            if store.outbox_len() > 0 {
                runtime()?.block_on(tickets::deliver_queued(
                    &store,
                    &tickets::local_notifier(&config.notify_file()),
                    &SystemClock,
                ));
            }
            Ok(code)
        }
        Command::Stats { since, json } => {
            let store = Store::open(&config.data_dir)?;
            tickets::stats(&store, since, SystemClock.now(), json, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::User {
            command: UserCommand::Forget { user_id },
        } => {
            let store = Store::open(&config.data_dir)?;
            tickets::forget(&store, &user_id, &mut stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Run => {
            eprintln!(
                "`supportbot run` (the Discord bot) is not available in this build yet. Use `supportbot console` to talk to the bot in the terminal."
            );
            Ok(ExitCode::from(2))
        }
    }
}
