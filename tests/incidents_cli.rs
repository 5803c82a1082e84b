//! `monitor --once`, `status` and `incidents ...` through the binary, against a local server
//! that answers 502 (never the real targets): an outage opened by the monitor, one declared by
//! hand, updates and resolution, and the refusals (unknown or resolved incident, bad id, empty
//! or overlong text, unknown article, a resolve while the target still fails).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::Output;
use support::bin::{run_on, show};
use support::http::{Behavior, TestServer};

const ARTICLE: &str = "+++\ntitle = \"Portal answers 502\"\ncodes = [\"502\"]\n\
    symptoms = [\"The portal shows 502 Bad Gateway\"]\nchecks = [\"portal\"]\n+++\n\
    The portal's gateway failed.\n\n## Solution: Wait and retry\n1. Wait a minute and reload.\n";

fn knowledge(dir: &Path, url: &str) {
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(dir.join("articles/portal-502.md"), ARTICLE).unwrap();
    std::fs::write(
        dir.join("endpoints.toml"),
        format!(
            "[[target]]\nname = \"portal\"\ndescription = \"The portal\"\nurl = \"{url}\"\n\
             timeout_ms = 1000\nfailure_threshold = 1\n"
        ),
    )
    .unwrap();
}

async fn run(k: &Path, data: &Path, args: &[&str]) -> Output {
    let (k, data) = (k.to_path_buf(), data.to_path_buf());
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let cwd = tempfile::tempdir().unwrap();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_on(cwd.path(), &k, &data, &args)
    })
    .await
    .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outages_from_the_monitor_and_by_hand_through_the_cli() {
    let server = TestServer::always(Behavior::status(502)).await;
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), &server.url("/"));
    let (k, d) = (k.path(), data.path());

    let o = run(k, d, &["monitor", "--once", "--json"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(line["target"], "portal");
    assert_eq!(line["verdict"], "bad-gateway");
    assert_eq!(line["change"], "opened");
    assert_eq!(line["incident"], "I-0001");

    let o = run(k, d, &["status", "--json"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let status: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(status["targets"][0]["incident"], "I-0001");
    assert_eq!(status["targets"][0]["day"]["uptime_percent"], 0.0);
    assert_eq!(status["incidents"][0]["id"], "I-0001");
    let o = run(k, d, &["status"]).await;
    assert!(stdout(&o).contains("incident I-0001"), "{}", show(&o));

    // By hand, for what no probe sees.
    let o = run(
        k,
        d,
        &[
            "incidents",
            "open",
            "--title",
            "Payroll submissions delayed",
            "--article",
            "portal-502",
            "--by",
            "sam",
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(
        stdout(&o).starts_with("I-0002 · open · Payroll submissions delayed"),
        "{}",
        show(&o)
    );
    // Declared twice by mistake: refused, pointing at the one going on.
    let o = run(
        k,
        d,
        &[
            "incidents",
            "open",
            "--title",
            "payroll submissions delayed ",
            "--article",
            "portal-502",
            "--by",
            "kim",
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(
        show(&o).contains("incident I-0002 is already open with this title"),
        "{}",
        show(&o)
    );
    let o = run(
        k,
        d,
        &[
            "incidents",
            "update",
            "I-0002",
            "--text",
            "Intuit is on it",
            "--by",
            "sam",
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    // Staff read the update itself, not only that the incident is open.
    let told = std::fs::read_to_string(d.join("notifications.jsonl")).unwrap();
    assert!(
        told.contains("Incident I-0002 is open: Payroll submissions delayed. Latest from sam: Intuit is on it."),
        "{told}"
    );
    let o = run(k, d, &["incidents", "list"]).await;
    let listed = stdout(&o);
    assert!(
        listed.contains("I-0002") && listed.contains("I-0001"),
        "{listed}"
    );
    let o = run(
        k,
        d,
        &[
            "incidents",
            "resolve",
            "i-2",
            "--by",
            "sam",
            "--note",
            "Caught up",
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = run(k, d, &["incidents", "show", "I-0002", "--json"]).await;
    let shown: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(shown["state"], "resolved");
    assert_eq!(shown["updates"][0]["text"], "Intuit is on it");
    assert_eq!(shown["updates"][1]["text"], "Caught up");

    // Refusals: clear, and nothing changes.
    for (args, code, says) in [
        // Its outcome already holds: nothing needed doing (exit 0), said plainly.
        (
            vec!["incidents", "resolve", "I-0002", "--by", "sam"],
            0,
            "I-0002 is already resolved; nothing changed, nobody was notified.",
        ),
        (
            vec![
                "incidents",
                "update",
                "I-0099",
                "--text",
                "x",
                "--by",
                "sam",
            ],
            1,
            "no incident I-0099",
        ),
        (vec!["incidents", "show", "T-0001"], 2, "not an incident id"),
        (
            vec![
                "incidents",
                "update",
                "I-0001",
                "--text",
                "  ",
                "--by",
                "sam",
            ],
            2,
            "--text is empty",
        ),
        (
            vec!["incidents", "open", "--title", "x", "--by", "sam"],
            1,
            "at least one article",
        ),
        (
            vec![
                "incidents",
                "open",
                "--title",
                "x",
                "--article",
                "portal-503",
                "--by",
                "sam",
            ],
            1,
            "no article `portal-503`",
        ),
        (vec!["monitor"], 2, "--once"),
        (
            vec![
                "incidents",
                "open",
                "--title",
                " ",
                "--article",
                "portal-502",
                "--by",
                "sam",
            ],
            2,
            "--title is empty: give the incident a title users will read",
        ),
        (
            vec!["incidents", "update", "I-0001", "--text", "x", "--by", " "],
            2,
            "--by is empty: give your name",
        ),
    ] {
        let o = run(k, d, &args).await;
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", show(&o));
        assert!(show(&o).contains(says), "{args:?}: {}", show(&o));
    }
    let long = "x".repeat(1001);
    let o = run(
        k,
        d,
        &[
            "incidents",
            "update",
            "I-0001",
            "--text",
            &long,
            "--by",
            "sam",
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(show(&o).contains("keep it under 1000"), "{}", show(&o));
    let o = run(k, d, &["incidents", "show", "I-0001", "--json"]).await;
    let first: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(first["state"], "open");
    assert_eq!(
        first["updates"].as_array().unwrap().len(),
        0,
        "refused updates left nothing"
    );

    // The portal still answers 502: resolving its incident by hand says so and needs --force.
    let o = run(k, d, &["incidents", "resolve", "I-0001", "--by", "sam"]).await;
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    for says in [
        "`portal` still failed its last check (bad gateway (502) at 20",
        "users would be told the outage is over",
        "resolve it anyway: --force on the command line",
    ] {
        assert!(show(&o).contains(says), "{says:?}: {}", show(&o));
    }
    let o = run(k, d, &["incidents", "show", "I-0001", "--json"]).await;
    let first: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(first["state"], "open", "nothing changed");
    let o = run(
        k,
        d,
        &["incidents", "resolve", "I-0001", "--by", "sam", "--force"],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(stdout(&o).contains("Resolved I-0001"), "{}", show(&o));
}

/// Two targets on a service that is down, one named by an article and one by none: what staff
/// and `check` see as the incidents move. `check` while an incident is in "monitoring" names it
/// and never says "the cause is likely on your side" (text and JSON, as the console says it);
/// `incidents show` of the target no article names says no user will be told; `incidents
/// list --all` shows when a resolved one ended.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_names_the_open_incident_and_the_incident_views_say_what_they_mean() {
    let (server, down) = TestServer::down_until_cleared().await;
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), &server.url("/"));
    std::fs::write(
        k.path().join("endpoints.toml"),
        format!(
            "[[target]]\nname = \"portal\"\ndescription = \"The portal\"\nurl = \"{url}\"\n\
             timeout_ms = 1000\nfailure_threshold = 1\n\n\
             [[target]]\nname = \"api\"\ndescription = \"The API\"\nurl = \"{url}\"\n\
             timeout_ms = 1000\nfailure_threshold = 1\n",
            url = server.url("/")
        ),
    )
    .unwrap();
    let (k, d) = (k.path(), data.path());
    let o = run(k, d, &["monitor", "--once"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = run(k, d, &["incidents", "show", "I-0002"]).await;
    assert!(
        stdout(&o)
            .contains("Articles: none (no article names this target, so no user will be told)"),
        "{}",
        show(&o)
    );
    down.store(false, std::sync::atomic::Ordering::Relaxed);
    let o = run(k, d, &["monitor", "--once"]).await;
    assert!(
        stdout(&o).contains("incident I-0001 monitoring"),
        "{}",
        show(&o)
    );

    let o = run(k, d, &["check", "portal"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let said = stdout(&o);
    assert!(!said.contains("likely on your side"), "{said}");
    assert!(
        said.contains("the outage (I-0001) is not over yet"),
        "{said}"
    );
    assert!(
        said.contains("Incident I-0001 (monitoring, opened 20"),
        "{said}"
    );
    let o = run(k, d, &["check", "portal", "--json"]).await;
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(line["incident"], "I-0001", "{line}");
    assert!(
        line["meaning"].as_str().unwrap().contains("not over yet"),
        "{line}"
    );

    let o = run(k, d, &["monitor", "--once"]).await;
    assert!(
        stdout(&o).contains("incident I-0001 resolved"),
        "{}",
        show(&o)
    );
    let o = run(k, d, &["incidents", "list", "--all"]).await;
    let listed = stdout(&o);
    let first = listed
        .lines()
        .find(|l| l.starts_with("I-0001"))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(
        first.contains("resolved   at 20") && first.contains("(lasted "),
        "{first}"
    );
    // Gone from the open ones: `check` says nothing of it now.
    let o = run(k, d, &["check", "portal", "--json"]).await;
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(line["incident"], Value::Null, "{line}");
}

/// One host name that does not resolve (`.invalid` never does) beside a target that answers:
/// the other target is judged as usual, and `monitor --once` and `status` say on stdout why
/// that one is not judged and what to check.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_that_does_not_resolve_is_said_on_stdout_by_monitor_and_status() {
    let server = TestServer::always(Behavior::status(502)).await;
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), &server.url("/"));
    let endpoints = std::fs::read_to_string(k.path().join("endpoints.toml")).unwrap();
    std::fs::write(
        k.path().join("endpoints.toml"),
        format!(
            "{endpoints}\n[[target]]\nname = \"typo\"\ndescription = \"A typo\"\n\
             url = \"http://nope.invalid/\"\ntimeout_ms = 1000\nfailure_threshold = 1\n"
        ),
    )
    .unwrap();
    let (k, d) = (k.path(), data.path());
    let o = run(k, d, &["monitor", "--once"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let said = stdout(&o);
    assert!(said.contains("portal: bad gateway"), "{said}");
    assert!(said.contains("incident I-0001 opened"), "{said}");
    assert!(
        said.contains("the name `nope.invalid` does not resolve")
            && said.contains("endpoints.toml"),
        "{said}"
    );
    let o = run(k, d, &["status"]).await;
    let said = stdout(&o);
    assert!(
        said.contains("Not judged at ") && said.contains("`nope.invalid` does not resolve"),
        "{said}"
    );
    let o = run(k, d, &["monitor", "--once", "--json"]).await;
    let typo = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["target"] == "typo")
        .unwrap();
    assert!(
        typo["held"].as_str().unwrap().contains("does not resolve"),
        "{typo}"
    );
}

/// The monitor's words for a 4xx: the log line for one it turns down reads once ("the target
/// answered 404 Not Found ..."), and a 429 is "too many requests" in `monitor --once`,
/// `status` and the incident's evidence, as the incident it opens is titled, never "client
/// error".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_4xx_is_worded_once_and_a_429_as_too_many_requests() {
    let server = TestServer::always(Behavior::status(404)).await;
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), &server.url("/"));
    let o = run(k.path(), data.path(), &["monitor", "--once"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(log.contains("answered 404 Not Found"), "{log}");
    assert!(!log.contains("answers answered"), "{log}");

    let server = TestServer::always(Behavior::status(429)).await;
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), &server.url("/"));
    let (k, d) = (k.path(), data.path());
    let o = run(k, d, &["monitor", "--once"]).await;
    let said = stdout(&o);
    assert!(said.contains("portal: too many requests ("), "{said}");
    assert!(!said.contains("client error"), "{said}");
    let o = run(k, d, &["incidents", "show", "I-0001"]).await;
    let said = stdout(&o);
    assert!(
        said.contains("turning requests away (too many requests)"),
        "{said}"
    );
    assert!(said.contains("portal too many requests"), "{said}");
    assert!(!said.contains("client error"), "{said}");
    let o = run(k, d, &["status"]).await;
    let said = stdout(&o);
    assert!(
        said.contains("portal (The portal): too many requests at"),
        "{said}"
    );
}

/// A check the monitor did not judge (its name did not resolve while other targets answered)
/// is left out of uptime, as a turned-down one is, and `status` says so: never "0.0%" for a
/// service nothing showed down.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unjudged_checks_are_left_out_of_uptime() {
    let server = TestServer::always(Behavior::ok("fine")).await;
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), &server.url("/"));
    let endpoints = std::fs::read_to_string(k.path().join("endpoints.toml")).unwrap();
    std::fs::write(
        k.path().join("endpoints.toml"),
        format!(
            "{endpoints}\n[[target]]\nname = \"typo\"\ndescription = \"A typo\"\n\
             url = \"http://nope.invalid/\"\ntimeout_ms = 1000\nfailure_threshold = 1\n"
        ),
    )
    .unwrap();
    let (k, d) = (k.path(), data.path());
    let o = run(k, d, &["monitor", "--once"]).await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = run(k, d, &["status", "--json"]).await;
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let typo = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "typo")
        .unwrap()
        .clone();
    assert!(typo["day"]["uptime_percent"].is_null(), "{typo}");
    assert_eq!(typo["day"]["not_judged"], 1, "{typo}");
    assert_eq!(typo["day"]["not_counted"], 1, "{typo}");
    let o = run(k, d, &["status"]).await;
    let said = stdout(&o);
    assert!(!said.contains(" 0.0%"), "{said}");
    assert!(
        said.contains("24 h - (1 not judged, not counted)"),
        "{said}"
    );
}

/// A suspected incident from the crowd signal (two web-form tickets on one article, with
/// `--crowd-users 2`): confirm and dismiss refuse an empty `--by` as wrong use (exit 2), as
/// open, update and resolve do; confirming one going on, or dismissing a dismissed one, needed
/// nothing (exit 0, said plainly); dismissing one going on is refused (exit 1).
#[test]
fn confirm_and_dismiss_refuse_an_empty_name_and_say_when_nothing_needed_doing() {
    let k = tempfile::tempdir().unwrap();
    knowledge(k.path(), "http://127.0.0.1:9/");
    let (k, cwd) = (k.path(), tempfile::tempdir().unwrap());
    let sb = |data: &Path, args: &[&str]| run_on(cwd.path(), k, data, args);
    let suspected = |data: &Path| {
        for user in ["u1", "u2"] {
            let o = sb(
                data,
                &[
                    "--crowd-users",
                    "2",
                    "escalate",
                    "--user",
                    user,
                    "--name",
                    user,
                    "--text",
                    "the portal shows 502 bad gateway",
                ],
            );
            assert_eq!(o.status.code(), Some(0), "{}", show(&o));
        }
        let o = sb(data, &["incidents", "list", "--json"]);
        let list: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(list[0]["state"], "suspected", "{}", show(&o));
        assert_eq!(list[0]["id"], "I-0001", "{}", show(&o));
    };
    let a = tempfile::tempdir().unwrap();
    suspected(a.path());
    for (args, code, says) in [
        (
            &["incidents", "confirm", "I-0001", "--by", ""][..],
            2,
            "--by is empty: give your name",
        ),
        (
            &["incidents", "dismiss", "I-0001", "--by", " "][..],
            2,
            "--by is empty: give your name",
        ),
        (
            &["incidents", "confirm", "I-0001", "--by", "sam"][..],
            0,
            "Confirmed I-0001",
        ),
        (
            &["incidents", "confirm", "I-0001", "--by", "kim"][..],
            0,
            "I-0001 is already open; nothing changed, nobody was notified.",
        ),
        (
            &["incidents", "dismiss", "I-0001", "--by", "kim"][..],
            1,
            "I-0001 is not suspected (it is open)",
        ),
    ] {
        let o = sb(a.path(), args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", show(&o));
        assert!(show(&o).contains(says), "{args:?}: {}", show(&o));
    }
    let o = sb(a.path(), &["incidents", "show", "I-0001", "--json"]);
    let shown: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let updates = shown["updates"].as_array().unwrap();
    assert_eq!(updates.len(), 1, "one confirmation, by sam: {shown}");
    assert_eq!(updates[0]["text"], "Confirmed by sam.");

    let b = tempfile::tempdir().unwrap();
    suspected(b.path());
    let o = sb(b.path(), &["incidents", "dismiss", "I-0001", "--by", "sam"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = sb(b.path(), &["incidents", "dismiss", "I-0001", "--by", "sam"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert_eq!(
        stdout(&o).trim(),
        "I-0001 is already dismissed; nothing changed, nobody was notified."
    );
    let o = sb(b.path(), &["incidents", "confirm", "I-0001", "--by", "sam"]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
}

/// An incident action against a data directory without a database (a mistyped --data) says
/// so, and creates nothing.
#[test]
fn an_incident_action_without_a_database_says_so_and_creates_nothing() {
    let k = tempfile::tempdir().unwrap();
    knowledge(k.path(), "http://127.0.0.1:9/");
    let cwd = tempfile::tempdir().unwrap();
    let data = cwd.path().join("typo");
    let o = run_on(
        cwd.path(),
        k.path(),
        &data,
        &[
            "incidents",
            "update",
            "I-0001",
            "--text",
            "x",
            "--by",
            "sam",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(
        show(&o).contains(&format!(
            "incident I-0001 does not exist, and there is no supportbot database at {}",
            data.display()
        )),
        "{}",
        show(&o)
    );
    assert!(!data.exists(), "nothing created: {}", show(&o));
}

/// Found by an admin explorer (F11): `incidents update|resolve|confirm|dismiss` refused `--json`
/// (clap: "unexpected argument"), though the README speaks of `"changed": false` for them, so a
/// script could not learn what a step changed. Each prints one JSON object; one that changes
/// nothing says so; a refusal is `{"error": ...}`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incident_steps_answer_in_json() {
    let k = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    knowledge(k.path(), "https://portal.example/");
    let (k, d) = (k.path(), data.path());
    let json = |o: &Output| -> Value {
        serde_json::from_str(stdout(o).trim())
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", show(o)))
    };
    let o = run(
        k,
        d,
        &[
            "incidents",
            "open",
            "--title",
            "Payroll delayed",
            "--article",
            "portal-502",
            "--by",
            "sam",
            "--json",
        ],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));

    let o = run(
        k,
        d,
        &[
            "incidents",
            "update",
            "I-0001",
            "--text",
            "ETA 30 min",
            "--by",
            "sam",
            "--json",
        ],
    )
    .await;
    let v = json(&o);
    assert_eq!(v["changed"], true, "{v}");
    assert_eq!(v["incident"]["id"], "I-0001", "{v}");

    let o = run(
        k,
        d,
        &["incidents", "confirm", "I-0001", "--by", "sam", "--json"],
    )
    .await;
    let v = json(&o);
    assert_eq!(v["changed"], false, "going on already: {v}");
    assert!(v["message"].as_str().unwrap().contains("already"), "{v}");

    let o = run(
        k,
        d,
        &["incidents", "resolve", "I-0001", "--by", "sam", "--json"],
    )
    .await;
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let v = json(&o);
    assert_eq!(v["changed"], true, "{v}");
    assert_eq!(v["incident"]["state"], "resolved", "{v}");
    assert!(v["tickets_resolved"].is_array(), "{v}");

    let o = run(
        k,
        d,
        &["incidents", "resolve", "I-0001", "--by", "sam", "--json"],
    )
    .await;
    assert_eq!(json(&o)["changed"], false);

    let o = run(
        k,
        d,
        &["incidents", "dismiss", "I-0009", "--by", "sam", "--json"],
    )
    .await;
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(
        json(&o)["error"]
            .as_str()
            .is_some_and(|e| e.contains("I-0009")),
        "{}",
        show(&o)
    );
}
