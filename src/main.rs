//! The `supportbot` binary: reads `.env`, sets up logging, parses the command line into a
//! [`Config`] and a command, hands the command to [`cli::run`], and is the one place that prints
//! a command's error and picks the exit code. No product logic lives here.

use clap::CommandFactory;
use std::io::IsTerminal;
use std::process::ExitCode;
use supportbot::cli::{self, args::Cli};
use supportbot::config::Config;

fn main() -> ExitCode {
    // Before any thread starts: setting the environment is only sound while single-threaded.
    let from_env_file = match load_env() {
        Ok(origins) => origins,
        Err(e) => {
            // With `--json`, a script reads the failure on stdout, as every other one.
            if std::env::args_os().any(|a| a == "--json") {
                println!("{}", serde_json::json!({ "error": e.to_string() }));
            }
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let cli = match cli::parse::parse(std::env::args_os().collect(), &from_env_file) {
        Ok(cli) => cli,
        Err(end) => {
            if end.to_stdout {
                print!("{}", end.text);
            } else {
                eprint!("{}", end.text);
            }
            if let Some(json) = end.json {
                println!("{json}");
            }
            return ExitCode::from(end.code);
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,supportbot=info"));
    // A console on a terminal: log lines printed between the conversation's lines would break
    // into the prompt, so they go to a file in the data directory (said once, here).
    match console_log_file(&cli) {
        Some((path, file)) => {
            eprintln!("(log messages go to {})", path.display());
            tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_writer(std::sync::Mutex::new(file))
                .with_ansi(false)
                .init();
        }
        None => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .with_ansi(std::io::stderr().is_terminal())
            .init(),
    }
    let command = cli.command;
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
    config.monitor.enabled = cli.monitor.monitor;
    config.monitor.retention =
        std::time::Duration::from_secs(cli.monitor.monitor_retention_days * 86_400);
    config.monitor.crowd = supportbot::incident::crowd::CrowdRule {
        users: usize::try_from(cli.monitor.crowd_users).unwrap_or(usize::MAX),
        minutes: cli.monitor.crowd_minutes,
    };
    let json = command.wants_json();
    match cli::run(config, command) {
        Ok(code) => code,
        // The reader of our output went away (`| head -1`): not a failure, end quietly.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // A program reading JSON gets the failure as JSON too; a person still sees it.
            if json {
                println!("{}", e.to_json());
            }
            eprintln!("{e}");
            ExitCode::from(e.code())
        }
    }
}

/// For `console` on a terminal, the log file `DATA_DIR/console.log` (appended to); `None`
/// otherwise, or when it cannot be opened (logs then stay on stderr).
fn console_log_file(cli: &Cli) -> Option<(std::path::PathBuf, std::fs::File)> {
    let console = matches!(cli.command, cli::args::Command::Console { .. });
    if !console || !std::io::stderr().is_terminal() {
        return None;
    }
    std::fs::create_dir_all(&cli.data).ok()?;
    let path = cli.data.join("console.log");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    Some((path, file))
}

/// Applies `.env` (variables already in the environment win, as with dotenv; within the file
/// the later of two lines setting one key wins) and treats every
/// blank variable this program reads as unset, so `DEV_GUILD_ID=` copied from `.env.example`
/// means "no dev guild" rather than "the id ''".
/// Must run before any other thread exists (it changes the process environment).
/// Returns where each variable it applied was set, so errors about them can say.
fn load_env() -> Result<Vec<cli::parse::EnvFileOrigin>, supportbot::env_file::EnvFileError> {
    // Settings that name a folder: relative in a `.env` found in a parent folder, they are
    // that folder's (from the current one they named a second, empty data directory).
    const PATHS: &[&str] = &["KNOWLEDGE_DIR", "DATA_DIR", "MODEL_CACHE_DIR"];
    let cwd = std::env::current_dir().unwrap_or_default();
    let known: Vec<String> = cli::args::env_names(&Cli::command())
        .iter()
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    let mut applied = Vec::new();
    if let Some(path) = supportbot::env_file::find(&cwd) {
        let env_dir = path.parent().map(std::path::Path::to_path_buf);
        for set in supportbot::env_file::read(&path)? {
            if let Some(meant) = supportbot::env_file::meant(&set.key, &known) {
                // Before logging is set up: said on stderr, as the `.env`'s own errors are.
                let at = set.line.map(|l| format!(":{l}")).unwrap_or_default();
                eprintln!(
                    "warning: {}{at}: `{}` is not a setting supportbot reads; did you mean `{meant}`? It is ignored.",
                    path.display(),
                    set.key
                );
            }
            let value = match &env_dir {
                Some(dir) if PATHS.contains(&set.key.as_str()) && *dir != cwd => {
                    supportbot::env_file::relative_to(&set.value, dir)
                }
                _ => set.value,
            };
            if std::env::var_os(&set.key).is_none() {
                // SAFETY: called first thing in main, before the tokio runtime or any other
                // thread exists, so nothing reads the environment concurrently.
                unsafe { std::env::set_var(&set.key, value) };
                applied.push(cli::parse::EnvFileOrigin {
                    line: set.line,
                    key: set.key,
                    path: path.clone(),
                });
            }
        }
    }
    for name in cli::args::env_names(&Cli::command()) {
        if std::env::var(&name).is_ok_and(|v| v.trim().is_empty()) {
            // SAFETY: as above, still single-threaded.
            unsafe { std::env::remove_var(&name) };
        }
    }
    Ok(applied)
}
