//! The `supportbot` binary: parses the command line, reads `.env`, sets up logging, and hands
//! each subcommand to the library. No product logic lives here.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use supportbot::browser::Browser;
use supportbot::config::Config;
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
    #[command(flatten)]
    checks: CheckFlags,
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

#[derive(Subcommand, Debug)]
enum Command {
    /// Check live whether services are up: target names from endpoints.toml, or URLs.
    Check {
        /// Target names (see endpoints.toml) or http(s) URLs.
        #[arg(required = true, value_name = "NAME|URL")]
        targets: Vec<String>,
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
    Run,
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
    let mut config = Config::new(cli.knowledge, cli.data);
    config.checks.allow_private_targets = cli.checks.allow_private_targets;
    config.checks.allow_adhoc_checks = cli.checks.allow_adhoc_checks;
    config.checks.rate_per_minute = cli.checks.check_rate_per_minute;
    config.checks.cache_ttl = std::time::Duration::from_secs(cli.checks.check_cache_seconds);
    config.checks.allowed_ports = cli.checks.check_allowed_ports;
    match run(config, cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
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
        Command::Run => {
            eprintln!(
                "`supportbot run` (the Discord bot) is not available in this build yet. Use `supportbot console` to talk to the bot in the terminal."
            );
            Ok(ExitCode::from(2))
        }
    }
}
