//! Running the real `supportbot` binary in tests, isolated from the developer's environment.

use std::path::Path;
use std::process::{Command, Output};

/// The binary, run in `cwd` (an empty directory, so no `.env` is read) without KNOWLEDGE_DIR,
/// DATA_DIR or DATA_LOCK_WAIT_SECONDS from the environment, and with semantic matching off
/// (`SEMANTIC_MODEL=off`: nothing is downloaded; tests of the model set it themselves). It logs
/// warnings only, unless `SUPPORTBOT_TEST_LOG` gives a `RUST_LOG` filter (to chase a failure).
pub fn supportbot(cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_supportbot"));
    cmd.current_dir(cwd)
        .env_remove("KNOWLEDGE_DIR")
        .env_remove("DATA_DIR")
        .env_remove("DATA_LOCK_WAIT_SECONDS")
        .env_remove("MODEL_CACHE_DIR")
        .env("SEMANTIC_MODEL", "off")
        // The background monitor would reach the shipped targets: never in tests.
        .env("MONITOR", "false")
        .env(
            "RUST_LOG",
            std::env::var("SUPPORTBOT_TEST_LOG").unwrap_or("warn".into()),
        );
    cmd
}

/// Runs the binary with `args` in a fresh empty directory.
pub fn run(args: &[&str]) -> Output {
    let cwd = tempfile::tempdir().unwrap();
    supportbot(cwd.path()).args(args).output().unwrap()
}

/// Everything the process said, for assertion messages.
pub fn show(o: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs the binary in `cwd` with `args`, on the knowledge base in `knowledge` and the data
/// directory `data`.
pub fn run_on(cwd: &Path, knowledge: &Path, data: &Path, args: &[&str]) -> Output {
    supportbot(cwd)
        .args(args)
        .arg("--knowledge")
        .arg(knowledge)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap()
}
