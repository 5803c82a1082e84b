//! `supportbot check NAME|URL... [--json] [--user ID]`: live checks from the terminal, as text
//! or JSON lines.

use super::{CliError, Context, Matching};
use crate::escalation::text::for_terminal;
use crate::incident::Incident;
use crate::knowledge::KnowledgeBase;
use crate::probe::render::render_during;
use crate::probe::{CheckError, Prober, Report, Request};
use crate::service::incidents_about_target;
use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// Runs the checks and prints them. Exit 0 when every check ran (whatever its verdict), 1 when
/// any target could not be checked (unknown name, refused URL): those say why on stderr (or in
/// their JSON line) beside the others' results. A refused request as a whole (rate limit, too
/// many targets) fails the command.
pub fn run(
    ctx: &Context,
    inputs: &[String],
    json: bool,
    user: Option<&str>,
) -> Result<ExitCode, CliError> {
    // Wrong use (exit 2), before anything is opened: there is nothing to look up.
    if inputs.iter().any(|i| i.trim().is_empty()) {
        return Err(CliError::usage(
            "a target is empty: give a target's name (as `endpoints.toml` in the knowledge directory names it) or a URL, e.g. `supportbot check quickbooks-online`.",
        ));
    }
    let knowledge = ctx.knowledge(Matching::Lexical("not needed for live checks"))?;
    let kb = knowledge.current();
    let prober = Prober::new(ctx.config().checks.clone());
    let incidents = active_incidents(ctx);
    let mut out = std::io::stdout().lock();
    ctx.runtime()?.block_on(check(
        &prober, &kb, &incidents, inputs, json, user, &mut out,
    ))
}

/// The incidents going on, as `status` reads them, so a check that passes while one is open
/// for its target does not say "the cause is likely on your side". None without a database
/// (checks need none); one that cannot be read (another supportbot holds it past a short
/// wait) is said on stderr, and the checks go on.
fn active_incidents(ctx: &Context) -> Vec<Incident> {
    let dir = &ctx.config().data_dir;
    if !dir.join(crate::store::DB_DIR).exists() {
        return Vec::new();
    }
    let wait = ctx.config().lock_wait.min(Duration::from_secs(1));
    match crate::store::Store::open_waiting(dir, wait) {
        Ok(store) => store.active_incidents(),
        Err(e) => {
            eprintln!(
                "Note: the incidents going on could not be read ({e}), so the results below do not say whether a known outage covers them; `supportbot status` lists them."
            );
            Vec::new()
        }
    }
}

/// Runs the checks with `prober` and prints them (text or JSON lines).
async fn check(
    prober: &Prober,
    kb: &KnowledgeBase,
    incidents: &[Incident],
    inputs: &[String],
    json: bool,
    user: Option<&str>,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    // A configured target's own address is that target (trusted, on its own port), as in the
    // console's "can you check http://...": only other addresses are vetted as typed.
    let requests: Vec<Request> = (inputs.iter()).map(|i| Request::parse_in(i, kb)).collect();
    let reports = match prober.check_many(kb, user, &requests).await {
        Ok(r) => r,
        Err(e) if json => {
            writeln!(
                out,
                "{}",
                json!({"error": e.to_string(), "code": error_code(&e)})
            )?;
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(CliError::report(e.to_string(), 1)),
    };
    let mut failed = false;
    for report in &reports {
        failed |= report.outcome.is_err();
        // As the console says it: a check that passes while an incident is open for the
        // target says the outage is not over, and the incident is named beside any result.
        let open = incidents_about_target(incidents, kb, &report.target);
        let ids: Vec<String> = open.iter().map(|i| i.id.to_string()).collect();
        if json {
            let mut line = report_json(report);
            if report.outcome.is_ok() {
                line["incident"] = json!(ids.last());
                line["incidents"] = json!(ids);
                if let Some(up_means) = up_means(report, &ids) {
                    line["meaning"] = json!(up_means);
                }
            }
            writeln!(out, "{line}")?;
        } else if let Err(e) = &report.outcome {
            // One target's failure is part of the report, in its place among the others.
            eprintln!("{}: {}\n", report.target, e.for_admin());
        } else {
            let reply = render_during(report, kb, up_means(report, &ids));
            writeln!(out, "{}", crate::console::render(&reply))?;
            for i in &open {
                writeln!(
                    out,
                    "Incident {} ({}, opened {}): {}\n",
                    i.id,
                    i.state.word(),
                    crate::escalation::summary::rfc3339(i.opened_at),
                    for_terminal(&i.title)
                )?;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What a passing check means while incidents `ids` are open for its target (none: the usual).
fn up_means(report: &Report, ids: &[String]) -> Option<String> {
    let passed = matches!(&report.outcome, Ok(c) if c.result.verdict.is_up());
    (passed && !ids.is_empty()).then(|| crate::words::up_during_incident(ids, None))
}

fn ms(d: Option<Duration>) -> Value {
    match d {
        Some(d) => json!((d.as_secs_f64() * 10_000.0).round() / 10.0),
        None => Value::Null,
    }
}

/// The machine name of why a target could not be checked (`code` in the JSON).
fn error_code(e: &CheckError) -> &'static str {
    match e {
        CheckError::UnknownTarget { .. } => "unknown-target",
        CheckError::Refused(_) => "refused",
        CheckError::TargetRefused { .. } => "target-refused",
        CheckError::AdhocDisabled { .. } => "adhoc-disabled",
        CheckError::RateLimited { .. } => "rate-limited",
        CheckError::TooMany { .. } => "too-many",
    }
}

/// `{"target","url","verdict","status","timings_ms":{...},"article", ...}`; timings that were not
/// measured (no DNS for an IP address, no TLS for http) are null.
fn report_json(report: &Report) -> Value {
    let c = match &report.outcome {
        Ok(c) => c,
        Err(e) => {
            let suggestions = match e {
                CheckError::UnknownTarget { suggestions, .. } => json!(suggestions),
                _ => Value::Null,
            };
            return json!({
                "target": report.target,
                "url": if report.url.is_empty() { Value::Null } else { json!(report.url) },
                "verdict": Value::Null,
                // As every `--json` failure: the words in `error`, the machine name in `code`
                // (`message`, the same words, stays for scripts written before).
                "error": e.to_string(),
                "code": error_code(e),
                "message": e.to_string(),
                "admin_hint": e.admin_hint(),
                "suggestions": suggestions,
            });
        }
    };
    let r = &c.result;
    json!({
        "target": report.target,
        "description": report.description,
        "url": r.url,
        "final_url": r.final_url,
        // The machine spelling `status --json` and `monitor --once --json` give ("dns-failure"),
        // not the words of the human output ("DNS failure").
        "verdict": r.verdict,
        "up": r.verdict.is_up(),
        "status": r.status,
        "reason": r.reason,
        "detail": r.detail,
        "meaning": c.meaning(),
        "nothing_resolves": c.nothing_resolves,
        "article": c.article,
        "checked_ago_s": c.age.as_secs(),
        "shared": c.shared,
        "addresses": r.addresses,
        "connected_to": r.connected_to,
        "timings_ms": {
            "dns": ms(r.timings.dns),
            "connect": ms(r.timings.connect),
            "tls": ms(r.timings.tls),
            "ttfb": ms(r.timings.ttfb),
            "total": ms(Some(r.timings.total)),
        },
        "tls": r.tls.as_ref().map(|t| json!({"version": t.version, "cert_days_left": t.cert_days_left})),
        "redirects": r.redirects.iter().map(|h| json!({"url": h.url, "status": h.status, "location": h.location})).collect::<Vec<_>>(),
        "headers": {"server": r.headers.server, "via": r.headers.via, "retry_after": r.headers.retry_after},
        "retry_after_s": r.retry_after.map(|d| d.as_secs()),
        "body_bytes": r.body_bytes,
        "body_truncated": r.body_truncated,
    })
}
