//! The one-shot commands through the real binary: `kb list`, `kb show`, `diagnose`, `run`, and
//! the global `--knowledge` / `--data` options (flag before or after the subcommand, or env).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use serde_json::Value;
use std::process::Output;

mod support;
use support::bin::{run, run_on, show, supportbot};
use support::paths::{fixture, shipped_knowledge};

fn json(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "{}", show(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", show(o)))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SHIPPED_IDS: [&str; 14] = [
    "quickbooks-error-502",
    "service-unavailable-503",
    "gateway-timeout-504",
    "internal-server-error-500",
    "service-outage",
    "page-not-loading",
    "unsupported-browser",
    "login-loop-signed-out",
    "browser-cache-cookies",
    "bank-feed-not-updating",
    "payroll-not-updating",
    "firewall-antivirus-proxy",
    "company-file-not-opening",
    "slow-performance",
];

#[test]
fn kb_list_text_and_json() {
    let k = shipped_knowledge();
    let o = run(&["kb", "list", "--knowledge", k.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = stdout(&o);
    for id in SHIPPED_IDS {
        assert!(
            out.lines().any(|l| l.starts_with(id)),
            "{id} not listed:\n{out}"
        );
    }
    assert!(out.contains("14 articles"), "{out}");

    let v = json(&run(&[
        "kb",
        "list",
        "--json",
        "--knowledge",
        k.to_str().unwrap(),
    ]));
    let list = v.as_array().expect("an array");
    assert_eq!(list.len(), SHIPPED_IDS.len());
    let ids: Vec<&str> = list.iter().map(|a| a["id"].as_str().unwrap()).collect();
    for id in SHIPPED_IDS {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let qb = list
        .iter()
        .find(|a| a["id"] == "quickbooks-error-502")
        .unwrap();
    assert_eq!(qb["title"], "QuickBooks Error 502: Bad Gateway");
    assert_eq!(qb["solutions"], 6);
    let browsers = qb["browsers"].as_array().unwrap();
    assert!(browsers.contains(&Value::from("chrome")), "{qb}");
    assert!(browsers.contains(&Value::from("safari-ios")), "{qb}");
}

#[test]
fn kb_show_whole_article_and_per_browser() {
    let k = fixture("valid");
    let k = k.to_str().unwrap();
    let o = run(&["kb", "show", "printer-offline", "--knowledge", k]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# Printer shows as offline"), "{out}");
    // Without a browser, every variant is shown under its browser heading.
    assert!(
        out.contains("### Chrome") && out.contains("### Firefox"),
        "{out}"
    );
    assert!(out.contains("## Solution 1: Restart the printer"), "{out}");

    let o = run(&[
        "kb",
        "show",
        "printer-offline",
        "--browser",
        "firefox",
        "--knowledge",
        k,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.contains("browser: Firefox"), "{out}");
    assert!(out.contains("Open the menu and choose"), "{out}");
    assert!(
        !out.contains("Click the three dots"),
        "Chrome steps leaked:\n{out}"
    );
    // General text of a per-browser solution is kept.
    assert!(out.contains("Open the web print portal first."), "{out}");

    // JSON: the whole article...
    let v = json(&run(&[
        "kb",
        "show",
        "printer-offline",
        "--json",
        "--knowledge",
        k,
    ]));
    assert_eq!(v["id"], "printer-offline");
    assert_eq!(v["title"], "Printer shows as offline");
    assert_eq!(v["codes"][0], "E-OFFLINE");
    assert_eq!(v["solutions"].as_array().unwrap().len(), 2);
    assert_eq!(v["solutions"][1]["variants"][0]["browser"], "chrome");
    assert_eq!(v["faq"][0]["question"], "Do I lose my documents?");

    // ... or, for one browser, each solution's steps for that browser.
    let v = json(&run(&[
        "kb",
        "show",
        "printer-offline",
        "--browser",
        "chrome",
        "--json",
        "--knowledge",
        k,
    ]));
    assert_eq!(v["browser"], "chrome");
    let sols = v["solutions"].as_array().unwrap();
    assert_eq!(sols[0]["title"], "Restart the printer");
    assert_eq!(sols[0]["for_browser"], false);
    assert!(
        sols[0]["steps"]
            .as_str()
            .unwrap()
            .contains("Turn the printer off")
    );
    assert_eq!(sols[1]["for_browser"], true);
    let steps = sols[1]["steps"].as_str().unwrap();
    assert!(steps.contains("Click the three dots"), "{steps}");
    assert!(!steps.contains("Open the menu"), "{steps}");

    // A browser the solution has no steps for says so.
    let v = json(&run(&[
        "kb",
        "show",
        "printer-offline",
        "--browser",
        "edge",
        "--json",
        "--knowledge",
        k,
    ]));
    let steps = v["solutions"][1]["steps"].as_str().unwrap();
    assert_eq!(v["solutions"][1]["for_browser"], false);
    assert!(steps.contains("No steps for this browser"), "{steps}");
    assert!(steps.contains("Chrome, Firefox"), "{steps}");
}

#[test]
fn kb_show_shipped_article_for_iphone() {
    let k = shipped_knowledge();
    let v = json(&run(&[
        "kb",
        "show",
        "quickbooks-error-502",
        "--browser",
        "iOS Safari",
        "--json",
        "--knowledge",
        k.to_str().unwrap(),
    ]));
    assert_eq!(v["browser"], "safari-ios");
    let sols = v["solutions"].as_array().unwrap();
    assert_eq!(sols.len(), 6);
    assert!(
        sols.iter().any(|s| s["for_browser"] == true),
        "no iPhone steps in {v:#}"
    );
    // A bare "safari" must say which, as for `diagnose` (it silently meant the Mac).
    let o = run(&[
        "kb",
        "show",
        "quickbooks-error-502",
        "--browser",
        "safari",
        "--knowledge",
        k.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("use safari-mac or safari-ios"),
        "{}",
        show(&o)
    );
}

#[test]
fn kb_show_unknown_id_suggests_and_fails() {
    let k = shipped_knowledge();
    let o = run(&[
        "kb",
        "show",
        "quickbooks-eror-502",
        "--knowledge",
        k.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error: no article with id `quickbooks-eror-502`"),
        "{err}"
    );
    assert!(err.contains("Did you mean: quickbooks-error-502"), "{err}");
    assert!(o.stdout.is_empty(), "{}", show(&o));
    // With --json, the error is a JSON object on stdout too (and still said on stderr).
    let o = run(&[
        "kb",
        "show",
        "nothing-like-it",
        "--json",
        "--knowledge",
        k.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .starts_with("no article with id"),
        "{v}"
    );
}

fn diagnose(text: &str, extra: &[&str]) -> Value {
    let k = shipped_knowledge();
    let mut args = vec![
        "diagnose",
        text,
        "--json",
        "--knowledge",
        k.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    json(&run(&args))
}

fn assert_entry(e: &Value) {
    assert!(e["id"].is_string(), "{e}");
    assert!(e["title"].is_string(), "{e}");
    let score = e["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score), "{e}");
}

#[test]
fn diagnose_json_shape_with_a_match() {
    let text = "quickbooks keeps giving me a bad gateway when I open payroll, I'm on chrome";
    let v = diagnose(text, &[]);
    assert_eq!(v["query"], text);
    assert_eq!(v["browser"], "chrome");
    assert_eq!(v["best"]["id"], "quickbooks-error-502");
    assert_entry(&v["best"]);
    assert_eq!(v["knowledge"]["source"], "files", "{v}");
    let matches = v["matches"].as_array().unwrap();
    assert!(!matches.is_empty());
    assert_eq!(matches[0]["id"], v["best"]["id"]);
    assert_eq!(matches[0]["score"], v["best"]["score"]);
    let scores: Vec<f64> = matches
        .iter()
        .inspect(|m| assert_entry(m))
        .map(|m| m["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "not ranked: {scores:?}"
    );
    // Scores are printed as the short decimals they are, not as f32 noise.
    let raw = String::from_utf8(
        run(&[
            "diagnose",
            text,
            "--json",
            "--knowledge",
            shipped_knowledge().to_str().unwrap(),
        ])
        .stdout,
    )
    .unwrap();
    assert!(!raw.contains("99999"), "{raw}");
}

#[test]
fn diagnose_json_without_a_match_exits_zero() {
    let v = diagnose("how do I record a refund for a customer?", &[]);
    assert_eq!(v["best"], Value::Null, "{v:#}");
    assert_eq!(v["browser"], Value::Null);
    assert!(v["matches"].is_array());
    for m in v["matches"].as_array().unwrap() {
        assert_entry(m);
    }
}

#[test]
fn diagnose_browser_from_text_flag_and_bad_flag() {
    assert_eq!(diagnose("502 on my iphone", &[])["browser"], "safari-ios");
    assert_eq!(
        diagnose("safari on mac shows 502", &[])["browser"],
        "safari-mac"
    );
    assert_eq!(diagnose("bad gateway in edge", &[])["browser"], "edge");
    // Bare "safari" is not taken for a Mac: the two choices are given instead.
    let v = diagnose("502 bad gateway in safari", &[]);
    assert_eq!(v["browser"], Value::Null, "{v}");
    assert_eq!(v["browser_choices"][1], "safari-ios", "{v}");
    assert_eq!(
        diagnose("502 bad gateway in safari", &["--browser", "safari-ios"])["browser"],
        "safari-ios"
    );
    // The flag wins over the text, and takes aliases.
    let v = diagnose("502 on my iphone", &["--browser", "firefox"]);
    assert_eq!(v["browser"], "firefox");
    assert_eq!(v["best"]["id"], "quickbooks-error-502");
    assert_eq!(
        diagnose("502", &["--browser", "Microsoft Edge"])["browser"],
        "edge"
    );

    let o = run(&[
        "diagnose",
        "502",
        "--browser",
        "netscape",
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(o.stdout.is_empty(), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown browser `netscape`"), "{err}");
    assert!(
        err.contains("chrome, firefox, safari-mac, safari-ios, edge, ie"),
        "{err}"
    );
    // With --json, the same mistake is also a JSON error on stdout, as every other failure of
    // a --json command is (a script read nothing there).
    let o = run(&[
        "diagnose",
        "502",
        "--browser",
        "netscape",
        "--json",
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert!(
        v["error"]
            .as_str()
            .is_some_and(|e| e.contains("unknown browser `netscape`") && !e.starts_with("error:")),
        "{v}"
    );
}

#[test]
fn diagnose_text_output() {
    let o = run(&[
        "diagnose",
        "bad gatewya on my iphone",
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let out = stdout(&o);
    assert!(out.contains("Best match: QuickBooks Error 502"), "{out}");
    assert!(out.contains("Browser: Safari (iPhone and iPad)"), "{out}");
    assert!(
        out.contains("supportbot kb show quickbooks-error-502 --browser safari-ios"),
        "{out}"
    );
    let o = run(&[
        "diagnose",
        "how do I record a refund?",
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(stdout(&o).contains("No confident match"), "{}", show(&o));
}

/// Without the sentence model, a long post is answered outright only when its first article is
/// likely right (`matcher::lexical_only`): issue 8's off-topic example, whose words reach the
/// bank-feed article, is offered with the reason given; a long post quoting a code that article
/// lists is answered.
#[test]
fn diagnose_without_the_model_holds_back_a_long_off_topic_post() {
    let text =
        "How do I record a draw? I don't understand that it is classified as an equity account";
    let v = diagnose(text, &["--semantic-model", "off"]);
    assert_eq!(v["mode"], "lexical", "{v:#}");
    assert_eq!(v["best"], Value::Null, "{v:#}");
    assert_eq!(v["confident"], false, "{v:#}");
    assert_eq!(v["held_back"]["reason"], "long_post", "{v:#}");
    let p = v["held_back"]["probability"].as_f64().unwrap();
    assert!(p < v["held_back"]["needs"].as_f64().unwrap(), "{v:#}");
    let o = run(&[
        "diagnose",
        text,
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
        "--semantic-model",
        "off",
    ]);
    let said = stdout(&o);
    assert!(
        said.starts_with("Not answered outright: without the sentence model, a post this long"),
        "{said}"
    );
    let quoted = "we have been trying all morning to get the books reconciled and every time the bank account refreshes it fails with error 103 again";
    let v = diagnose(quoted, &["--semantic-model", "off"]);
    assert_eq!(v["best"]["id"], "bank-feed-not-updating", "{v:#}");
    assert_eq!(v["held_back"], Value::Null, "{v:#}");
    // A short description is answered from its score as before.
    let v = diagnose("bank feed stopped updating", &["--semantic-model", "off"]);
    assert_eq!(v["best"]["id"], "bank-feed-not-updating", "{v:#}");
}

/// Close but unsure (lexical only): the closest articles, not "I don't have an article".
#[test]
fn diagnose_offers_the_closest_articles_when_unsure() {
    let o = run(&[
        "diagnose",
        "quickbooks not loading",
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
        "--semantic-model",
        "off",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let said = stdout(&o);
    assert!(
        said.starts_with("Not sure which article fits; these come closest:\n"),
        "{said}"
    );
    assert!(!said.contains("I don't have an article"), "{said}");
    let first = said.lines().nth(1).unwrap_or_default();
    assert!(first.ends_with("(page-not-loading)"), "{said}");
    let o = run(&[
        "diagnose",
        "quickbooks not loading",
        "--json",
        "--knowledge",
        shipped_knowledge().to_str().unwrap(),
        "--semantic-model",
        "off",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["confident"], false);
    assert_eq!(v["candidates"][0], "page-not-loading", "{v}");
}

#[test]
fn global_options_before_or_after_the_subcommand_and_from_env() {
    let k = shipped_knowledge();
    let k = k.to_str().unwrap();
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    for args in [
        vec!["--knowledge", k, "--data", d, "diagnose", "502", "--json"],
        vec!["diagnose", "502", "--json", "--knowledge", k, "--data", d],
        vec!["--data", d, "diagnose", "--knowledge", k, "502", "--json"],
        vec!["--knowledge", k, "kb", "show", "service-outage", "--json"],
        vec!["kb", "show", "service-outage", "--json", "--knowledge", k],
        vec!["kb", "--knowledge", k, "list", "--json", "--data", d],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}\n{}", show(&o));
        serde_json::from_slice::<Value>(&o.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    }
    // From the environment, with a flag overriding it.
    let cwd = tempfile::tempdir().unwrap();
    let o = supportbot(cwd.path())
        .env("KNOWLEDGE_DIR", k)
        .env("DATA_DIR", d)
        .args(["diagnose", "502", "--json"])
        .output()
        .unwrap();
    assert_eq!(json(&o)["best"]["id"], "quickbooks-error-502");
    let valid = fixture("valid");
    let o = supportbot(cwd.path())
        .env("KNOWLEDGE_DIR", k)
        .args([
            "kb",
            "list",
            "--json",
            "--knowledge",
            valid.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(json(&o).as_array().unwrap().len(), 2);
    // A knowledge directory given in .env is read too.
    std::fs::write(
        cwd.path().join(".env"),
        format!("KNOWLEDGE_DIR={}\n", valid.display()),
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(json(&o).as_array().unwrap().len(), 2);
}

#[test]
fn commands_on_a_broken_knowledge_base_fail_with_the_problems() {
    let broken = fixture("missing-title");
    for args in [
        vec!["kb", "list"],
        vec!["kb", "show", "a"],
        vec!["diagnose", "502", "--json"],
    ] {
        let mut args = args.clone();
        args.extend(["--knowledge", broken.to_str().unwrap()]);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}\n{}", show(&o));
        if args.contains(&"--json") {
            // The failure as one JSON object, for the program reading stdout.
            let v: Value = serde_json::from_slice(&o.stdout).unwrap();
            assert!(v["error"].as_str().unwrap().contains("no `title`"), "{v}");
        } else {
            assert!(o.stdout.is_empty(), "{args:?}\n{}", show(&o));
        }
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("no `title`"), "{err}");
        assert!(err.contains("hint:"), "{err}");
    }
}

#[cfg(feature = "discord")]
#[test]
fn run_without_a_token_or_with_a_malformed_one_says_what_to_do() {
    let cwd = tempfile::tempdir().unwrap();
    let knowledge = shipped_knowledge();
    let o = supportbot(cwd.path())
        .args(["run", "--knowledge"])
        .arg(&knowledge)
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("DISCORD_TOKEN is not set") && err.contains("discord.com/developers"),
        "{err}"
    );

    let o = supportbot(cwd.path())
        .args(["run", "--knowledge"])
        .arg(&knowledge)
        .env("DISCORD_TOKEN", "not-a-token-secret")
        .env("SUPPORT_CHANNEL_ID", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let all = show(&o);
    assert!(all.contains("not a valid bot token"), "{all}");
    assert!(
        !all.contains("not-a-token-secret"),
        "the token is never printed: {all}"
    );

    let o = supportbot(cwd.path())
        .args(["run", "--knowledge"])
        .arg(&knowledge)
        .env("DISCORD_TOKEN", "a.b.c")
        .env_remove("SUPPORT_CHANNEL_ID")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("SUPPORT_CHANNEL_ID is not set"));
}

/// A list setting in .env with one bad item: named with its file, line and the item, never
/// blamed on a flag nobody typed.
#[test]
fn a_bad_port_in_dot_env_names_the_file_line_and_item() {
    let cwd = tempfile::tempdir().unwrap();
    std::fs::write(
        cwd.path().join(".env"),
        format!(
            "KNOWLEDGE_DIR={}\nCHECK_ALLOWED_PORTS=80,https\n",
            shipped_knowledge().display()
        ),
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "check"])
        .env_remove("CHECK_ALLOWED_PORTS")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    for says in [
        "error: CHECK_ALLOWED_PORTS=80,https (set in ",
        ".env, line 2) is not valid: `https` in it is wrong (not a whole number).",
        "Fix that line in .env",
    ] {
        assert!(err.contains(says), "{says:?}: {err}");
    }
    assert!(!err.contains("invalid value"), "{err}");
}

#[test]
fn dot_env_blank_values_mean_unset_and_a_broken_line_is_named() {
    let cwd = tempfile::tempdir().unwrap();
    let knowledge = shipped_knowledge();
    // As an admin leaves it: KNOWLEDGE_DIR filled in, the optional ones blank.
    std::fs::write(
        cwd.path().join(".env"),
        format!(
            "KNOWLEDGE_DIR={}\nDATA_DIR=\nCHECK_RATE_PER_MINUTE=\nDEV_GUILD_ID=\n",
            knowledge.display()
        ),
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "check"])
        .env_remove("CHECK_RATE_PER_MINUTE")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    // A blank variable in the real environment is unset too (DATA_DIR falls back to ./data).
    let o = supportbot(cwd.path())
        .args(["tickets", "list"])
        .env("DATA_DIR", "")
        .output()
        .unwrap();
    // (`tickets list` reads only: it names the directory it looked in, and creates nothing.)
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let whole = cwd.path().join("data");
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains(&format!("no supportbot database at {}:", whole.display())),
        "{}",
        show(&o)
    );
    assert!(!whole.exists(), "{}", show(&o));

    std::fs::write(
        cwd.path().join(".env"),
        "KNOWLEDGE_DIR=./knowledge\n# fine\nBAD LINE\nDATA_DIR=./data\n",
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(".env:3: cannot read `BAD LINE`") && err.contains("fix or remove"),
        "{err}"
    );
}

/// A key set twice in `.env`: the later line wins (as Docker's `--env-file`, systemd and
/// shells have it), so a bad later value is reported with its own line; the real environment
/// still wins over both.
#[test]
fn dot_env_a_repeated_key_takes_the_later_line() {
    let cwd = tempfile::tempdir().unwrap();
    let first = cwd.path().join("first");
    let second = cwd.path().join("second");
    std::fs::write(
        cwd.path().join(".env"),
        format!(
            "KNOWLEDGE_DIR={}\nDATA_DIR={}\nCHECK_RATE_PER_MINUTE=5\nDATA_DIR={}\nCHECK_RATE_PER_MINUTE=abc\n",
            shipped_knowledge().display(),
            first.display(),
            second.display()
        ),
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["tickets", "list"])
        .env_remove("CHECK_RATE_PER_MINUTE")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("CHECK_RATE_PER_MINUTE=abc (set in ") && err.contains(".env, line 5)"),
        "{err}"
    );

    // With a good rate from the environment (which wins over the file), the later DATA_DIR
    // is the one used.
    let o = supportbot(cwd.path())
        .args(["tickets", "list"])
        .env("CHECK_RATE_PER_MINUTE", "7")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("no supportbot database at {}", second.display())),
        "{err}"
    );
}

/// A `.env` saved with a byte order mark is read; one that is not UTF-8 is named by its line,
/// saying how to fix it; with `--json` a bad `.env` is `{"error": ...}` on stdout too.
#[test]
fn dot_env_encoding_problems_and_json() {
    let cwd = tempfile::tempdir().unwrap();
    let env = cwd.path().join(".env");
    std::fs::write(
        &env,
        format!("\u{feff}KNOWLEDGE_DIR={}\n", shipped_knowledge().display()),
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));

    std::fs::write(&env, b"KNOWLEDGE_DIR=./knowledge\n# caf\xe9 au lait\n").unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(".env:2: this line is not UTF-8 text. Save the file as UTF-8"),
        "{err}"
    );

    std::fs::write(&env, "KNOWLEDGE_DIR=./knowledge\nBAD LINE\n").unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let v: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", show(&o)));
    let error = v["error"].as_str().expect("an error text");
    assert!(
        error.contains(".env:2: cannot read `BAD LINE`") && !error.starts_with("error:"),
        "{v}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("cannot read `BAD LINE`"),
        "{}",
        show(&o)
    );
}

#[cfg(feature = "discord")]
#[test]
fn run_with_the_example_env_file_asks_for_the_token_first() {
    let cwd = tempfile::tempdir().unwrap();
    let example = support::paths::repo_root().join(".env.example");
    std::fs::copy(example, cwd.path().join(".env")).unwrap();
    let mut cmd = supportbot(cwd.path());
    for var in [
        "DISCORD_TOKEN",
        "SUPPORT_CHANNEL_ID",
        "STAFF_ROLE_ID",
        "DEV_GUILD_ID",
    ] {
        cmd.env_remove(var);
    }
    let o = cmd
        .args(["run", "--knowledge"])
        .arg(shipped_knowledge())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("DISCORD_TOKEN is not set"),
        "{}",
        show(&o)
    );

    let o = supportbot(cwd.path())
        .args(["run", "--knowledge"])
        .arg(shipped_knowledge())
        .env("DISCORD_TOKEN", "a.b.c")
        .env("SUPPORT_CHANNEL_ID", "general")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Copy ID"),
        "{}",
        show(&o)
    );
}

#[test]
fn diagnose_refuses_empty_text() {
    let k = shipped_knowledge();
    for text in ["", "   "] {
        let o = run(&["diagnose", text, "--knowledge", k.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains("the text is empty"), "{stderr}");
    }
}

#[test]
fn durations_without_a_unit_are_explained() {
    let o = run(&["stats", "--since", "abc"]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("`abc` is not a duration") && stderr.contains("30d, 12h or 90min"),
        "{stderr}"
    );
    let o = run(&["tickets", "purge", "--older-than", "90"]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("write 90d"), "{stderr}");
}

/// `tickets purge` reads no unit two ways (`6m`: minutes or months?), and takes tickets
/// resolved within the last day only with `--yes`; a dry run needs no confirmation.
#[test]
fn purge_refuses_an_ambiguous_or_too_recent_cutoff() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let o = run(&["tickets", "purge", "--older-than", "6m", "--data", d]);
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("m is ambiguous: write 6min or 6mo"),
        "{stderr}"
    );
    for short in ["0d", "6min", "23h"] {
        let o = run(&["tickets", "purge", "--older-than", short, "--data", d]);
        assert_eq!(o.status.code(), Some(2), "{short}: {}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains("under one day") && stderr.contains("--yes"),
            "{short}: {stderr}"
        );
        let o = run(&[
            "tickets",
            "purge",
            "--older-than",
            short,
            "--dry-run",
            "--data",
            d,
        ]);
        assert_eq!(o.status.code(), Some(0), "{short}: {}", show(&o));
        assert!(
            stdout(&o).contains("Would remove 0 resolved"),
            "{}",
            show(&o)
        );
    }
    let o = run(&["tickets", "purge", "--older-than", "6mo", "--data", d]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = run(&[
        "tickets",
        "purge",
        "--older-than",
        "0d",
        "--yes",
        "--data",
        d,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(stdout(&o).contains("Removed 0 resolved"), "{}", show(&o));
    let o = run(&["tickets", "purge", "--help"]);
    assert!(
        stdout(&o).contains("mo = 30 days") && stdout(&o).contains("--yes"),
        "{}",
        show(&o)
    );
}

/// A reader that stops early (`| head -1`) ends the command quietly, not with "Broken pipe".
#[test]
fn a_closed_stdout_ends_quietly() {
    let k = shipped_knowledge();
    let data = tempfile::tempdir().unwrap();
    drop(supportbot::store::Store::open(data.path()).unwrap());
    for args in [
        vec!["kb", "list", "--knowledge", k.to_str().unwrap()],
        vec!["tickets", "list", "--data", data.path().to_str().unwrap()],
    ] {
        let cwd = tempfile::tempdir().unwrap();
        let mut child = supportbot(cwd.path())
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the command gets to write: every write fails with EPIPE.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", show(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", show(&o));
    }
}

/// A bad value in `.env` or the environment names the variable (and the `.env` line), not a
/// `--flag` nobody typed; a typed bad flag keeps clap's words.
#[test]
fn a_bad_setting_names_the_variable_and_its_env_line() {
    let cwd = tempfile::tempdir().unwrap();
    std::fs::write(
        cwd.path().join(".env"),
        "# settings\nDATA_DIR=./data\nALLOW_PRIVATE_TARGETS=yes\n",
    )
    .unwrap();
    let o = supportbot(cwd.path())
        .args(["tickets", "list"])
        .env_remove("ALLOW_PRIVATE_TARGETS")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ALLOW_PRIVATE_TARGETS=yes (set in ")
            && err.contains(".env, line 3) is not valid: use one of: true, false")
            && err.contains("Fix that line in .env"),
        "{err}"
    );

    let o = supportbot(cwd.path())
        .args(["tickets", "list"])
        .env("ALLOW_PRIVATE_TARGETS", "maybe")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ALLOW_PRIVATE_TARGETS=maybe (set in the environment)"),
        "the environment wins over .env: {err}"
    );

    let o = supportbot(cwd.path())
        .args(["--allow-private-targets", "x", "tickets", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("'--allow-private-targets <BOOL>'"), "{err}");
}

/// With KNOWLEDGE_DIR and DATA_DIR set, a usage line does not show `--knowledge` and `--data`
/// as if they had to be typed.
#[test]
fn usage_lines_leave_out_what_the_environment_gives() {
    let cwd = tempfile::tempdir().unwrap();
    let o = supportbot(cwd.path())
        .args(["tickets", "claim"])
        .env("KNOWLEDGE_DIR", shipped_knowledge())
        .env("DATA_DIR", cwd.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    let usage = err.lines().find(|l| l.starts_with("Usage:")).unwrap_or("");
    assert_eq!(
        usage, "Usage: supportbot tickets claim --by <NAME> <ID>",
        "{err}"
    );
}

/// A data directory that is a file is said once, plainly, with what to do.
#[test]
fn a_data_directory_that_is_a_file_is_said_once() {
    let cwd = tempfile::tempdir().unwrap();
    let file = cwd.path().join("data");
    std::fs::write(&file, "not a directory").unwrap();
    let o = supportbot(cwd.path())
        .args(["tickets", "list", "--data"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("is a file, not a directory"), "{err}");
    assert!(err.contains("--data DIR (env DATA_DIR)"), "{err}");
    assert!(
        !err.contains("os error"),
        "no raw OS error, said once: {err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
}

/// Control characters typed into an id come back escaped on stderr, never raw.
#[test]
fn refusals_never_print_control_characters() {
    let cwd = tempfile::tempdir().unwrap();
    // A database, so `show` gets as far as the id.
    drop(supportbot::store::Store::open(&cwd.path().join("data")).unwrap());
    for args in [
        vec!["tickets", "show", "T-\u{1b}[31m1"],
        vec!["user", "forget", "bob\u{1b}[2J\r"],
        vec!["incidents", "show", "I-\u{7}"],
    ] {
        let o = supportbot(cwd.path())
            .args(&args)
            .arg("--knowledge")
            .arg(shipped_knowledge())
            .arg("--data")
            .arg(cwd.path().join("data"))
            .output()
            .unwrap();
        assert_ne!(o.status.code(), Some(0), "{}", show(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !err.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {err:?}"
        );
        assert!(err.contains("\\u{"), "shown escaped: {err:?}");
    }
}

/// An unknown article id suggests only ids that look like it: a typo finds its article, a
/// word that only shares scattered letters with some ids suggests nothing.
#[test]
fn unknown_article_ids_suggest_only_lookalikes() {
    let knowledge = shipped_knowledge();
    let k = knowledge.to_str().unwrap();
    let o = run(&["kb", "show", "nope", "--knowledge", k]);
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("Did you mean"), "{err}");
    let o = run(&["kb", "show", "quickbooks-eror-502", "--knowledge", k]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Did you mean: quickbooks-error-502?"), "{err}");
}

/// Read-only commands refuse a data directory without a database, naming it in full and
/// creating nothing (a mistyped `--data` must not read as "No tickets."); once `escalate` has
/// made one, they read it.
#[test]
fn read_only_commands_refuse_a_data_directory_without_a_database() {
    let cwd = tempfile::tempdir().unwrap();
    let k = shipped_knowledge();
    let sb = |args: &[&str]| {
        supportbot(cwd.path())
            .args(args)
            .arg("--knowledge")
            .arg(&k)
            .output()
            .unwrap()
    };
    let reads: [&[&str]; 7] = [
        &["tickets", "list"],
        &["tickets", "show", "T-0001"],
        &["tickets", "export", "T-0001"],
        &["stats"],
        &["status"],
        &["incidents", "list"],
        &["incidents", "show", "I-0001"],
    ];
    for args in reads {
        // ./data, the default, relative to where the command runs.
        let o = sb(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        let whole = cwd.path().join("data");
        assert!(
            stderr.contains(&format!(
                "error: no supportbot database at {}: check --data / DATA_DIR",
                whole.display()
            )),
            "{args:?}: {stderr}"
        );
        assert!(stdout(&o).is_empty(), "{args:?}: {}", show(&o));
        assert!(!whole.exists(), "{args:?} created {}", whole.display());
    }
    let o = sb(&[
        "escalate",
        "--user",
        "web1",
        "--name",
        "Ann",
        "--text",
        "502 bad gateway",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    for args in reads {
        let o = sb(args);
        assert!(
            !String::from_utf8_lossy(&o.stderr).contains("no supportbot database"),
            "{args:?}: {}",
            show(&o)
        );
    }
    let o = sb(&["tickets", "list"]);
    assert!(stdout(&o).contains("T-0001"), "{}", show(&o));
}

/// With `--json`, a refusal is a JSON object on stdout (`{"error": ...}`, the words in `error`
/// as every `--json` failure has them), with the exit code kept and the words still on stderr; without it, stdout stays empty.
#[test]
fn json_commands_fail_in_json() {
    let cwd = tempfile::tempdir().unwrap();
    let k = shipped_knowledge();
    let data = cwd.path().join("data");
    let sb = |args: &[&str]| run_on(cwd.path(), &k, &data, args);
    let o = sb(&["escalate", "--user", "u1", "--name", "Ann", "--text", "502"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    for (args, says) in [
        (&["tickets", "show", "T-9"][..], "T-0009 does not exist"),
        (&["incidents", "show", "I-0001"][..], "no incident I-0001"),
        (&["kb", "show", "nope"][..], "no article with id `nope`"),
        (&["tickets", "export", "T-9"][..], "T-0009 does not exist"),
    ] {
        let o = sb(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", show(&o));
        assert!(stdout(&o).is_empty(), "{args:?}: {}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains("error: ") && stderr.contains(says),
            "{args:?}: {stderr}"
        );

        let mut with_json = args.to_vec();
        with_json.extend(if args[1] == "export" {
            ["--format", "json"].as_slice()
        } else {
            ["--json"].as_slice()
        });
        let o = sb(&with_json);
        assert_eq!(o.status.code(), Some(1), "{with_json:?}: {}", show(&o));
        let v: Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{with_json:?}: not JSON ({e}): {}", show(&o)));
        let error = v["error"].as_str().expect("an error text");
        assert!(error.contains(says) && !error.starts_with("error:"), "{v}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(says),
            "{}",
            show(&o)
        );
    }
}

/// `--browser safari` is refused on `diagnose` and `escalate` (Mac or iPhone?), before any
/// ticket is made; `safari-ios` is taken.
#[test]
fn a_bare_safari_flag_is_refused() {
    let k = shipped_knowledge();
    let k = k.to_str().unwrap();
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    for args in [
        &["diagnose", "page is blank", "--browser", "safari"][..],
        &[
            "escalate",
            "--user",
            "u1",
            "--name",
            "Ann",
            "--text",
            "page is blank",
            "--browser",
            "safari",
        ],
    ] {
        let mut args = args.to_vec();
        args.extend(["--knowledge", k, "--data", d]);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains("safari is two browsers here: use safari-mac or safari-ios"),
            "{stderr}"
        );
    }
    let v = json(&run(&[
        "escalate",
        "--user",
        "u1",
        "--name",
        "Ann",
        "--text",
        "page is blank",
        "--browser",
        "safari-ios",
        "--json",
        "--knowledge",
        k,
        "--data",
        d,
    ]));
    assert_eq!(
        v["id"], "T-0001",
        "the refused escalation filed nothing: {v}"
    );
    assert_eq!(v["browser"], "safari-ios", "{v}");
}

/// An empty check target is wrong use (exit 2), as every empty value is, before anything runs.
#[test]
fn check_with_an_empty_target_is_wrong_use() {
    for args in [
        &["check", ""][..],
        &["check", "quickbooks-online", " ", "--json"][..],
    ] {
        let cwd = tempfile::tempdir().unwrap();
        let o = supportbot(cwd.path())
            .args(args)
            .arg("--knowledge")
            .arg(shipped_knowledge())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", show(&o));
        assert!(
            String::from_utf8_lossy(&o.stderr)
                .contains("error: a target is empty: give a target's name"),
            "{args:?}: {}",
            show(&o)
        );
        if args.contains(&"--json") {
            let v: Value = serde_json::from_slice(&o.stdout).unwrap();
            assert!(
                v["error"]
                    .as_str()
                    .is_some_and(|e| e.starts_with("a target is empty")),
                "{v}"
            );
        }
    }
}

/// With `--json`, clap's refusal is all in `error`: the argument it missed and the values it
/// takes, not only its first line.
#[test]
fn json_usage_errors_keep_the_whole_message() {
    for (args, says) in [
        (&["tickets", "show", "--json"][..], "<ID>"),
        (
            &["--monitor", "maybe", "status", "--json"][..],
            "[possible values: true, false]",
        ),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", show(&o));
        let v: Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {}", show(&o)));
        let error = v["error"].as_str().expect("an error text");
        assert!(error.contains(says), "{args:?}: {v}");
        assert!(!error.contains("For more information"), "{v}");
    }
}

/// A negative number in a setting says what the setting takes, the same way in each.
#[test]
fn negative_numbers_say_what_the_setting_takes() {
    for (var, value, says) in [
        ("DATA_LOCK_WAIT_SECONDS", "-1", "must be 0 or more"),
        ("CHECK_CACHE_SECONDS", "-5", "must be 0 or more"),
        ("CROWD_MINUTES", "-1", "must be between 1 and 1440"),
        ("CHECK_RATE_PER_MINUTE", "-1", "must be 1 or more"),
        (
            "CHECK_RATE_PER_MINUTE",
            "99999999999",
            "too large (at most 4294967295)",
        ),
        ("CHECK_CACHE_SECONDS", "ten", "not a whole number"),
    ] {
        let cwd = tempfile::tempdir().unwrap();
        let o = supportbot(cwd.path())
            .args(["kb", "list", "--knowledge"])
            .arg(shipped_knowledge())
            .env(var, value)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{var}: {}", show(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!(
                "error: {var}={value} (set in the environment) is not valid: {says}."
            )),
            "{var}: {err}"
        );
    }
}

/// A data or knowledge directory this user may not read is said as such, not as missing; a
/// knowledge path that is a file is said to be one. (As root, which reads everything, the
/// commands run as `nobody` through setpriv; without setpriv the permission part is skipped.)
#[test]
fn unreadable_directories_are_said_as_permission_problems() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let cwd = tempfile::tempdir().unwrap();
    std::fs::set_permissions(cwd.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = cwd.path().join("knowledge.txt");
    std::fs::write(&file, "not a directory").unwrap();
    let o = supportbot(cwd.path())
        .args(["kb", "check", "--knowledge"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", show(&o));
    assert!(
        stdout(&o).contains(&format!(
            "{}: this is a file, not a directory",
            file.display()
        )),
        "{}",
        show(&o)
    );

    let root = std::fs::metadata(&file).unwrap().uid() == 0;
    let as_other_user = |args: &[&std::ffi::OsStr]| -> Option<Output> {
        let mut cmd = if root {
            if std::process::Command::new("setpriv")
                .arg("--help")
                .output()
                .is_err()
            {
                return None;
            }
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_supportbot"));
            c
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_supportbot"))
        };
        cmd.current_dir(cwd.path())
            .env_remove("KNOWLEDGE_DIR")
            .env_remove("DATA_DIR")
            .env("SEMANTIC_MODEL", "off")
            .env("MONITOR", "false")
            .env("RUST_LOG", "warn")
            .args(args);
        Some(cmd.output().unwrap())
    };
    let data = cwd.path().join("data");
    drop(supportbot::store::Store::open(&data).unwrap());
    let knowledge = cwd.path().join("knowledge");
    std::fs::create_dir_all(knowledge.join("articles")).unwrap();
    for dir in [&data, &knowledge] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let listed = as_other_user(&[
        "tickets".as_ref(),
        "list".as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
    ]);
    let checked = as_other_user(&[
        "kb".as_ref(),
        "check".as_ref(),
        "--knowledge".as_ref(),
        knowledge.as_os_str(),
    ]);
    for dir in [&data, &knowledge] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let (Some(listed), Some(checked)) = (listed, checked) else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    assert_eq!(listed.status.code(), Some(1), "{}", show(&listed));
    assert!(
        String::from_utf8_lossy(&listed.stderr).contains(&format!(
            "error: permission denied: {} (make it readable by the user running supportbot)",
            data.display()
        )),
        "{}",
        show(&listed)
    );
    assert_eq!(checked.status.code(), Some(1), "{}", show(&checked));
    assert!(
        stdout(&checked).contains(&format!(
            "{}: permission denied (make it readable by the user running supportbot)",
            knowledge.display()
        )),
        "{}",
        show(&checked)
    );
}

/// Found by an admin explorer (F7, F8): a web form's words that ask for a person ("call me
/// back") with `--note` filed the user's first ticket twice, reported as "added" with an
/// "escalated again" staff notice, and `--browser` was dropped ("Browser / device: not given").
#[test]
fn a_web_form_asking_for_a_call_back_files_one_ticket_with_its_browser() {
    let cwd = tempfile::tempdir().unwrap();
    let k = shipped_knowledge();
    let data = cwd.path().join("data");
    let sb = |args: &[&str]| run_on(cwd.path(), &k, &data, args);
    for (user, text) in [
        ("w1", "call me back"),
        ("w2", "can I talk to a person, payroll wont update"),
        ("w3", "i think my account got hacked"),
    ] {
        let o = sb(&[
            "escalate",
            "--user",
            user,
            "--name",
            "Web Form",
            "--text",
            text,
            "--note",
            "from contact form",
            "--browser",
            "edge",
            "--json",
        ]);
        assert_eq!(o.status.code(), Some(0), "{text}: {}", show(&o));
        let filed: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(filed["created"], true, "{text}: {filed}");
        assert_eq!(filed["filed"], "opened", "{text}: {filed}");
        assert_eq!(filed["browser"], "edge", "{text}: {filed}");
        let id = filed["id"].as_str().unwrap();
        let o = sb(&["tickets", "show", id, "--json"]);
        let ticket: Value = serde_json::from_slice(&o.stdout).unwrap();
        let summaries = ticket["summaries"].as_array().unwrap();
        assert_eq!(summaries.len(), 1, "{text}: filed once: {ticket}");
        assert_eq!(summaries[0]["note"], "from contact form", "{text}");
        let said = summaries[0]["descriptions"].to_string();
        assert!(said.contains(text), "{text}: {said}");
    }
}

/// Found by an admin explorer (F6, F20): a misspelt key in `.env` (`DATADIR=`) was ignored
/// without a word, so tickets went to `./data`; and run from a subfolder, the project's `.env`
/// (`DATA_DIR=./data`, as `.env.example` has it) named a second, empty database beside the
/// current folder, with its own T-0001. The typo is warned of with its line; relative folders
/// are the `.env`'s.
#[test]
fn a_parent_env_files_folders_are_its_own_and_typos_in_it_are_said() {
    let project = tempfile::tempdir().unwrap();
    let sub = project.path().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        project.path().join(".env"),
        format!(
            "KNOWLEDGE_DIR={}\nDATA_DIR=./data\nSEMANTIC_MODLE=off\n",
            shipped_knowledge().display()
        ),
    )
    .unwrap();
    let o = supportbot(&sub)
        .args([
            "escalate",
            "--user",
            "u1",
            "--name",
            "Ann",
            "--text",
            "502 bad gateway",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    assert!(project.path().join("data").is_dir(), "{}", show(&o));
    assert!(!sub.join("data").exists(), "{}", show(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(".env:3: `SEMANTIC_MODLE` is not a setting supportbot reads; did you mean `SEMANTIC_MODEL`?"),
        "{stderr}"
    );
    // From the project folder itself: the same database.
    let o = supportbot(project.path())
        .args(["tickets", "list"])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("T-0001"), "{}", show(&o));
}
