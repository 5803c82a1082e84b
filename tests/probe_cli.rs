//! `supportbot check`: exit codes and JSON, against a local server (never the real targets).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::process::{Command, Output};
use support::http::{Behavior, TestServer};
use support::paths::{knowledge_watching, shipped_knowledge};

/// Runs the binary with the shipped knowledge, from an empty directory (no `.env`).
async fn supportbot(args: &[&str], allow_private: bool) -> Output {
    supportbot_with(args, allow_private, shipped_knowledge()).await
}

/// Runs the binary with the knowledge base at `knowledge`, from an empty directory.
async fn supportbot_with(
    args: &[&str],
    allow_private: bool,
    knowledge: std::path::PathBuf,
) -> Output {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let cwd = tempfile::tempdir().expect("temp dir");
        Command::new(env!("CARGO_BIN_EXE_supportbot"))
            .current_dir(cwd.path())
            .env_remove("ALLOW_ADHOC_CHECKS")
            .env_remove("CHECK_ALLOWED_PORTS")
            .env_remove("CHECK_RATE_PER_MINUTE")
            .env("ALLOW_PRIVATE_TARGETS", allow_private.to_string())
            .env("KNOWLEDGE_DIR", knowledge)
            .env("RUST_LOG", "off")
            .args(&args)
            .output()
            .expect("run supportbot")
    })
    .await
    .expect("join")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_lines_and_exit_codes() {
    let server = TestServer::start(|path| match path {
        "/502" => Behavior::status(502),
        _ => Behavior::ok("fine"),
    })
    .await;
    let out = supportbot(
        &["check", "--json", &server.url("/502"), &server.url("/")],
        true,
    )
    .await;
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["verdict"], "bad-gateway",
        "the machine spelling status --json gives"
    );
    assert_eq!(lines[0]["status"], 502);
    assert_eq!(lines[0]["article"], "quickbooks-error-502");
    assert!(lines[0]["timings_ms"]["total"].is_number());
    assert!(
        lines[0]["timings_ms"]["dns"].is_null(),
        "not measured: IP literal"
    );
    assert_eq!(lines[1]["verdict"], "up");
    assert!(lines[1]["article"].is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_exit_non_zero_and_say_how_to_fix() {
    let out = supportbot(&["check", "quickbooks-onlin"], false).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Did you mean quickbooks-online?"), "{err}");

    let out = supportbot(&["check", "--json", "http://2130706433/"], false).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["code"], "refused");
    assert!(
        v["error"]
            .as_str()
            .unwrap_or("")
            .contains("127.0.0.1 is a loopback address"),
        "{v}"
    );
}

/// An admin at the command line is told which setting would allow a refused check, in text and
/// in JSON, and the exit status says the check did not run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_name_the_setting_for_admins() {
    // (A public address: a private one is refused for the address first, whatever its port.)
    let out = supportbot(&["check", "http://93.184.216.34:8765/"], false).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("port 8765 is not one checks may use") && err.contains("CHECK_ALLOWED_PORTS"),
        "{err}"
    );
    // A private address with a port is refused for the address, so the advice never is to
    // drop the port and be refused again (a fourth explorer's F26).
    let out = supportbot(&["check", "http://127.0.0.1:3000"], false).await;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("127.0.0.1 is a loopback address") && !err.contains("port 3000"),
        "{err}"
    );

    let out = supportbot(&["check", "--json", "http://10.1.2.3/"], false).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let hint = v["admin_hint"].as_str().unwrap_or("");
    assert!(
        hint.contains("ALLOW_PRIVATE_TARGETS=true") && hint.contains("named target"),
        "{v}"
    );

    // An unknown name has no setting to change: no hint.
    let out = supportbot(&["check", "--json", "nope"], false).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["admin_hint"].is_null(), "{v}");
}

/// A URL that is a configured target's own address is checked as that target (trusted, on its
/// own port), as the console does for "can you check http://...": not refused as a typed
/// address with "add the service to endpoints.toml", where it already is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_targets_own_url_checks_that_target() {
    let server = TestServer::start(|_| Behavior::ok("fine")).await;
    let kb = tempfile::tempdir().expect("temp dir");
    knowledge_watching(kb.path(), &server.url("/"), "");

    let out = supportbot_with(
        &["check", "--json", &server.url("/")],
        false,
        kb.path().to_path_buf(),
    )
    .await;
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["target"], "quickbooks-online", "{v}");
    assert_eq!(v["verdict"], "up", "{v}");
    assert_eq!(server.hits(), 1);

    // So is it at the console's "/check URL" (it was vetted as a typed address there).
    let console = {
        let (kb, url) = (kb.path().to_path_buf(), server.url("/"));
        tokio::task::spawn_blocking(move || {
            use std::io::Write;
            let (cwd, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
            let mut child = Command::new(env!("CARGO_BIN_EXE_supportbot"))
                .current_dir(cwd.path())
                .env_remove("CHECK_ALLOWED_PORTS")
                .env("ALLOW_PRIVATE_TARGETS", "false")
                .env("KNOWLEDGE_DIR", kb)
                .env("DATA_DIR", data.path())
                .env("MONITOR", "false")
                .env("SEMANTIC_MODEL", "off")
                .env("RUST_LOG", "off")
                .arg("console")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("run supportbot console");
            let mut stdin = child.stdin.take().unwrap();
            writeln!(stdin, "/check {url}").unwrap();
            drop(stdin);
            child.wait_with_output().expect("console output")
        })
        .await
        .expect("join")
    };
    let said = String::from_utf8_lossy(&console.stdout);
    assert!(
        said.contains("== QuickBooks Online sign-in page: up =="),
        "{said}"
    );
    assert_eq!(server.hits(), 2);

    // Another page of its host is still a typed address, vetted as one (refused for the
    // loopback address before its port).
    let out = supportbot_with(
        &["check", &server.url("/other")],
        false,
        kb.path().to_path_buf(),
    )
    .await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a loopback address"),
        "{out:?}"
    );
}

/// A target that could not be checked is one JSON line shaped as every `--json` failure is:
/// the words in `error` (as stderr says them), the machine name of the failure in `code`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_check_error_in_json_is_shaped_as_every_json_error() {
    let out = supportbot(&["check", "nosuch", "--json"], false).await;
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["code"], "unknown-target", "{v}");
    assert!(
        v["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("There is no check target named `nosuch`")),
        "{v}"
    );
    assert_eq!(
        v["message"], v["error"],
        "kept for scripts that read it: {v}"
    );
    assert_eq!(v["target"], "nosuch", "{v}");
}
