//! `status`, `incidents list|show|open|update|resolve` and `monitor --once`: outages from the
//! terminal, as text or JSON.

use super::args::IncidentsCommand;
use super::json_times::with_rfc3339_times;
use super::{CliError, Context, Matching};
use crate::escalation::summary::rfc3339;
use crate::escalation::text::for_terminal;
use crate::incident::history::Window;
use crate::incident::{Incident, IncidentId, IncidentState, Origin};
use crate::probe::Prober;
use crate::service::{Service, ServiceError, StatusReport};
use crate::words;
use serde_json::{Value, json};
use std::io::Write;
use std::process::ExitCode;

/// How a command opens the store.
enum Opening {
    /// Only reads: a store that exists ([`Context::existing_store`]).
    ReadOnly,
    /// Acts on this incident, which must exist: nothing is created without a database
    /// ([`Context::store_holding`]).
    Holding(IncidentId),
    /// May create the database (`incidents open`, `monitor --once`).
    Create,
}

/// The service over the knowledge (lexical: no model is needed here) and the store, opened as
/// `opening` says.
fn service(ctx: &Context, opening: Opening) -> Result<Service, CliError> {
    let store = match opening {
        Opening::ReadOnly => ctx.existing_store()?,
        Opening::Holding(id) => ctx.store_holding(&format!("incident {id}"))?,
        Opening::Create => ctx.store()?,
    };
    let knowledge = ctx.knowledge(Matching::Lexical("not needed for incidents"))?;
    Ok(Service::with_prober(
        knowledge,
        store.clone(),
        Prober::new(ctx.config().checks.clone()),
    ))
}

/// A refusal is the command's failure (exit 1) in its own words; an internal error is logged.
fn refused(e: ServiceError) -> CliError {
    match e {
        ServiceError::Refused(r) => CliError::failed(r.worded(&super::error::CliSpelling)),
        ServiceError::Internal(e) => e.into(),
    }
}

fn parse_id(id: &str) -> Result<IncidentId, CliError> {
    id.parse().map_err(CliError::usage)
}

/// Refuses an empty `--by`, `--title` or `--text` as wrong use (exit 2), before anything is
/// opened, worded as `tickets` words its own.
fn check_values(command: &IncidentsCommand) -> Result<(), CliError> {
    let (by, title, text) = match command {
        IncidentsCommand::List { .. } | IncidentsCommand::Show { .. } => (None, None, None),
        IncidentsCommand::Open { by, title, .. } => (Some(by), Some(title), None),
        IncidentsCommand::Confirm { by, .. }
        | IncidentsCommand::Dismiss { by, .. }
        | IncidentsCommand::Resolve { by, .. } => (Some(by), None, None),
        IncidentsCommand::Update { by, text, .. } => (Some(by), None, Some(text)),
    };
    if by.is_some_and(|b| b.trim().is_empty()) {
        return Err(CliError::usage(
            "--by is empty: give your name, as the incident's updates show it, e.g. --by sam.",
        ));
    }
    if title.is_some_and(|t| t.trim().is_empty()) {
        return Err(CliError::usage(
            "--title is empty: give the incident a title users will read, e.g. --title \"Payroll submissions delayed\".",
        ));
    }
    if text.is_some_and(|t| t.trim().is_empty()) {
        return Err(CliError::usage(
            "--text is empty: say what users should know, e.g. --text \"Intuit is on it\".",
        ));
    }
    Ok(())
}

/// When what `command` asks for already holds (resolving a resolved incident, confirming one
/// going on, dismissing a dismissed one): what to say instead, with exit 0, as a staff action
/// on a ticket whose outcome holds says it.
fn already_holds(
    command: &IncidentsCommand,
    service: &Service,
) -> Result<Option<String>, CliError> {
    let id = match command {
        IncidentsCommand::Confirm { id, .. }
        | IncidentsCommand::Dismiss { id, .. }
        | IncidentsCommand::Resolve { id, .. } => parse_id(id)?,
        _ => return Ok(None),
    };
    let incident = service.incident(id).map_err(refused)?;
    let never_public = matches!(incident.origin, Origin::Crowd { .. })
        && !incident.updates.iter().any(|u| u.state.is_active());
    let holds = match command {
        // With --tickets, linked tickets left open are still resolved (nothing holds yet).
        IncidentsCommand::Resolve { tickets, .. } => {
            incident.state == IncidentState::Resolved
                && !(*tickets
                    && (service.linked_tickets(id).iter())
                        .any(|t| t.status != crate::escalation::ticket::Status::Resolved))
        }
        IncidentsCommand::Confirm { .. } => incident.state.is_active(),
        IncidentsCommand::Dismiss { .. } => {
            incident.state == IncidentState::Resolved && never_public
        }
        _ => false,
    };
    let state = if never_public && incident.state == IncidentState::Resolved {
        "dismissed"
    } else {
        incident.state.word()
    };
    Ok(holds.then(|| {
        format!(
            "{} is already {state}; nothing changed, nobody was notified.",
            incident.id
        )
    }))
}

pub fn run(ctx: &Context, command: IncidentsCommand) -> Result<ExitCode, CliError> {
    check_values(&command)?;
    let opening = match &command {
        IncidentsCommand::List { .. } | IncidentsCommand::Show { .. } => Opening::ReadOnly,
        IncidentsCommand::Open { .. } => Opening::Create,
        IncidentsCommand::Confirm { id, .. }
        | IncidentsCommand::Dismiss { id, .. }
        | IncidentsCommand::Update { id, .. }
        | IncidentsCommand::Resolve { id, .. } => Opening::Holding(parse_id(id)?),
    };
    let service = service(ctx, opening)?;
    let out = &mut std::io::stdout().lock();
    if let Some(said) = already_holds(&command, &service)? {
        match acting_on(&command) {
            Some((id, true)) => {
                let incident = service.incident(parse_id(id)?).map_err(refused)?;
                let v = json!({"changed": false, "message": said, "incident": incident_json(&incident)});
                writeln!(out, "{v}")?;
            }
            _ => writeln!(out, "{said}")?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    match command {
        IncidentsCommand::List { all, json } => {
            // Without --all: those going on, and those the crowd signal suspects, which wait
            // for staff to confirm or dismiss them.
            let list: Vec<Incident> = service
                .store()
                .incidents()
                .into_iter()
                .filter(|i| all || i.state.is_active() || i.state == IncidentState::Suspected)
                .collect();
            if json {
                let rows: Vec<Value> = list.iter().map(incident_json).collect();
                writeln!(out, "{}", Value::Array(rows))?;
            } else if list.is_empty() {
                writeln!(
                    out,
                    "{}",
                    if all {
                        "No incidents."
                    } else {
                        "No incident going on (`--all` lists past ones)."
                    }
                )?;
            } else {
                for i in &list {
                    // A resolved one by when it ended (and how long it lasted).
                    let when = match i.resolved_at {
                        Some(at) => {
                            format!("at {} (lasted {})", rfc3339(at), duration(i.duration(at)))
                        }
                        None => format!("since {}", rfc3339(i.opened_at)),
                    };
                    writeln!(
                        out,
                        "{:<7} {:<10} {when}  {}",
                        i.id.to_string(),
                        i.state.word(),
                        for_terminal(&i.title)
                    )?;
                }
            }
        }
        IncidentsCommand::Show { id, json } => {
            let id = parse_id(&id)?;
            let incident = service.incident(id).map_err(refused)?;
            let linked = service.linked_tickets(id);
            if json {
                let mut v = incident_json(&incident);
                v["tickets"] = json!(
                    linked
                        .iter()
                        .map(|t| json!({"id": t.id.to_string(), "status": t.status.word(), "user": t.user_name()}))
                        .collect::<Vec<_>>()
                );
                writeln!(out, "{v}")?;
            } else {
                print_incident(&incident, false, out)?;
                if !linked.is_empty() {
                    writeln!(out, "\nLinked tickets:")?;
                    for t in &linked {
                        writeln!(
                            out,
                            "- {} {} {}",
                            t.id,
                            t.status.word(),
                            for_terminal(t.user_name())
                        )?;
                    }
                }
            }
        }
        IncidentsCommand::Open {
            title,
            articles,
            by,
            json,
        } => {
            let incident = service
                .declare_incident(&by, &title, &articles)
                .map_err(refused)?;
            print_incident(&incident, json, out)?;
        }
        IncidentsCommand::Confirm { id, by, json } => {
            let (incident, linked) = service
                .confirm_incident(parse_id(&id)?, &by)
                .map_err(refused)?;
            if json {
                let ids: Vec<String> = linked.iter().map(|t| t.to_string()).collect();
                let v = json!({"changed": true, "incident": incident_json(&incident), "tickets_linked": ids});
                writeln!(out, "{v}")?;
                return Ok(ExitCode::SUCCESS);
            }
            writeln!(
                out,
                "Confirmed {}: users who land on {} are told from now on.",
                incident.id,
                incident.articles.join(", ")
            )?;
            if !linked.is_empty() {
                let ids: Vec<String> = linked.iter().map(|t| t.to_string()).collect();
                writeln!(
                    out,
                    "{}",
                    words::crowd_tickets_linked(&incident.id.to_string(), &ids)
                )?;
            }
        }
        IncidentsCommand::Dismiss { id, by, json } => {
            let incident = service
                .dismiss_incident(parse_id(&id)?, &by)
                .map_err(refused)?;
            if json {
                writeln!(out, "{}", changed_json(&incident))?;
            } else {
                writeln!(out, "Dismissed {}.", incident.id)?;
            }
        }
        IncidentsCommand::Update { id, text, by, json } => {
            let incident = service
                .update_incident(parse_id(&id)?, &by, &text)
                .map_err(refused)?;
            if json {
                writeln!(out, "{}", changed_json(&incident))?;
            } else {
                writeln!(out, "Posted an update on {}.", incident.id)?;
            }
        }
        IncidentsCommand::Resolve {
            id,
            by,
            note,
            tickets,
            force,
            json,
        } => {
            let id = parse_id(&id)?;
            let (incident, resolved) = ctx
                .runtime()?
                .block_on(service.resolve_incident_by_hand(
                    id,
                    &by,
                    note.as_deref(),
                    tickets,
                    force,
                ))
                .map_err(refused)?;
            if json {
                let ids: Vec<String> = resolved.iter().map(|t| t.to_string()).collect();
                let v = json!({"changed": true, "incident": incident_json(&incident), "tickets_resolved": ids});
                writeln!(out, "{v}")?;
                return Ok(ExitCode::SUCCESS);
            }
            writeln!(
                out,
                "Resolved {} after {}.",
                incident.id,
                duration(incident.duration(incident.resolved_at.unwrap_or(incident.updated_at)))
            )?;
            if tickets {
                let ids: Vec<String> = resolved.iter().map(|t| t.to_string()).collect();
                writeln!(
                    out,
                    "Resolved {} linked ticket(s){}{}.",
                    ids.len(),
                    if ids.is_empty() { "" } else { ": " },
                    ids.join(", ")
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The incident a staff action names, and whether `--json` was asked for.
fn acting_on(command: &IncidentsCommand) -> Option<(&str, bool)> {
    match command {
        IncidentsCommand::Confirm { id, json, .. }
        | IncidentsCommand::Dismiss { id, json, .. }
        | IncidentsCommand::Update { id, json, .. }
        | IncidentsCommand::Resolve { id, json, .. } => Some((id.as_str(), *json)),
        _ => None,
    }
}

/// What a staff action that changed the incident prints with `--json`.
fn changed_json(i: &Incident) -> Value {
    json!({"changed": true, "incident": incident_json(i)})
}

fn incident_json(i: &Incident) -> Value {
    let mut v = with_rfc3339_times(serde_json::to_value(i).unwrap_or(Value::Null));
    v["id"] = json!(i.id.to_string());
    v
}

fn print_incident(i: &Incident, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    if json {
        writeln!(out, "{}", incident_json(i))?;
        return Ok(());
    }
    writeln!(
        out,
        "{} · {} · {}",
        i.id,
        i.state.word(),
        for_terminal(&i.title)
    )?;
    writeln!(out, "Since: {}", rfc3339(i.opened_at))?;
    if let Some(at) = i.resolved_at {
        writeln!(
            out,
            "Resolved: {} (after {})",
            rfc3339(at),
            duration(i.duration(at))
        )?;
    }
    if !i.targets.is_empty() {
        writeln!(out, "Targets: {}", i.targets.join(", "))?;
    }
    if i.articles.is_empty() {
        writeln!(
            out,
            "Articles: none (no article names this target, so no user will be told)"
        )?;
    } else {
        writeln!(out, "Articles: {}", i.articles.join(", "))?;
    }
    if !i.evidence.is_empty() {
        writeln!(out, "\nEvidence:")?;
        for e in &i.evidence {
            writeln!(
                out,
                "- {} {} {}: {}",
                rfc3339(e.at),
                e.target,
                e.verdict.word_for(e.status),
                for_terminal(&e.detail)
            )?;
        }
    }
    if !i.updates.is_empty() {
        writeln!(out, "\nUpdates:")?;
        for u in &i.updates {
            writeln!(
                out,
                "- {} {} ({}): {}",
                rfc3339(u.at),
                for_terminal(&u.by),
                u.state.word(),
                for_terminal(&u.text)
            )?;
        }
    }
    Ok(())
}

fn duration(secs: u64) -> String {
    crate::probe::verdict::human(std::time::Duration::from_secs(secs))
}

/// `status [--json]`.
pub fn status(ctx: &Context, json: bool) -> Result<ExitCode, CliError> {
    let service = service(ctx, Opening::ReadOnly)?;
    let report = service.status();
    let suspected: Vec<Incident> = service
        .store()
        .incidents()
        .into_iter()
        .filter(|i| i.state == IncidentState::Suspected)
        .collect();
    let out = &mut std::io::stdout().lock();
    if json {
        let mut v = with_rfc3339_times(serde_json::to_value(&report)?);
        v["incidents"] = Value::Array(report.incidents.iter().map(incident_json).collect());
        v["suspected"] = Value::Array(suspected.iter().map(incident_json).collect());
        writeln!(out, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    print_status(&report, &suspected, out)?;
    Ok(ExitCode::SUCCESS)
}

/// "99.0%", and what it leaves out ("99.0% (2 turned down, 1 not judged, not counted)").
fn uptime(w: &Window) -> String {
    let figure = w
        .uptime_percent
        .map_or("-".to_string(), |p| format!("{p:.1}%"));
    match crate::words::left_out(w.not_counted - w.not_judged, w.not_judged) {
        None => figure,
        Some(left_out) => format!("{figure} ({left_out}, not counted)"),
    }
}

/// `suspected`: the incidents the crowd signal suspects, waiting for staff.
fn print_status(
    report: &StatusReport,
    suspected: &[Incident],
    out: &mut impl Write,
) -> Result<(), CliError> {
    if report.targets.is_empty() {
        writeln!(
            out,
            "No targets are configured (endpoints.toml in the knowledge directory)."
        )?;
    }
    let mut last_hold: Option<&String> = None;
    for t in &report.targets {
        let last = match (&t.refused, &t.last) {
            (Some(refused), last) => format!(
                "cannot check it (tried at {}){}",
                rfc3339(refused.at),
                last.as_ref()
                    .map(|r| format!(
                        "; last result {} at {}",
                        r.verdict.word_for(r.status),
                        rfc3339(r.at)
                    ))
                    .unwrap_or_default()
            ),
            (None, Some(r)) => format!("{} at {}", r.verdict.word_for(r.status), rfc3339(r.at)),
            (None, None) => "never checked".to_string(),
        };
        writeln!(
            out,
            "{} ({}): {}{}",
            t.name,
            for_terminal(&t.description),
            last,
            if t.monitored { "" } else { " [not monitored]" }
        )?;
        if let Some(refused) = &t.refused {
            writeln!(out, "  {}", refused.hint())?;
        }
        if let Some(held) = &t.held {
            if last_hold == Some(&held.hint) {
                writeln!(out, "  Not judged at {}: as above.", rfc3339(held.at))?;
            } else {
                writeln!(
                    out,
                    "  Not judged at {}. {}",
                    rfc3339(held.at),
                    for_terminal(&held.hint)
                )?;
            }
            last_hold = Some(&held.hint);
        }
        // (The legend only when a figure leaves checks out.)
        let turned_down = [&t.hour, &t.day, &t.week].iter().any(|w| w.not_counted > 0);
        writeln!(
            out,
            "  uptime 1 h {} · 24 h {} · 7 d {} · latency 24 h {}{}{}",
            uptime(&t.hour),
            uptime(&t.day),
            uptime(&t.week),
            t.day
                .mean_latency_ms
                .map_or("-".to_string(), |ms| format!("{ms} ms")),
            t.incident
                .as_ref()
                .map(|i| format!(" · incident {i}"))
                .unwrap_or_default(),
            if turned_down {
                format!("\n  {}", crate::words::UPTIME_LEAVES_OUT)
            } else {
                String::new()
            }
        )?;
    }
    if report.incidents.is_empty() {
        writeln!(out, "No incident going on.")?;
    }
    for i in suspected {
        writeln!(
            out,
            "{} suspected since {}: {} ({})",
            i.id,
            rfc3339(i.opened_at),
            for_terminal(&i.title),
            crate::words::suspected_incident_waits(&i.id.to_string())
        )?;
    }
    for i in &report.incidents {
        writeln!(
            out,
            "{} {} since {}: {}",
            i.id,
            i.state.word(),
            rfc3339(i.opened_at),
            for_terminal(&i.title)
        )?;
    }
    Ok(())
}

/// `monitor --once [--json]`: one round over every monitored target. Exit 0 whatever the
/// verdicts (they are the output).
pub fn monitor(ctx: &Context, once: bool, json: bool) -> Result<ExitCode, CliError> {
    if !once {
        return Err(CliError::usage(
            "say `--once`: this command runs one round; the monitor runs all the time inside `supportbot run` and `supportbot console`.",
        ));
    }
    let service = service(ctx, Opening::Create)?;
    let round = ctx
        .runtime()?
        .block_on(service.monitor_round(true))
        .map_err(refused)?;
    let out = &mut std::io::stdout().lock();
    if round.is_empty() && !json {
        writeln!(
            out,
            "No monitored targets (endpoints.toml has none, or all say `monitor = false`)."
        )?;
    }
    for r in &round.refused {
        if json {
            let mut v = with_rfc3339_times(serde_json::to_value(r)?);
            v["verdict"] = Value::Null;
            // Shaped as every `--json` failure: the words in `error`, the machine name in `code`.
            v["error"] = json!(crate::words::cannot_check_target(&r.target));
            v["code"] = json!("target-refused");
            v["admin_hint"] = json!(r.hint());
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{}\n  {}",
                crate::words::cannot_check_target(&r.target),
                r.hint()
            )?;
        }
    }
    let mut last_hold: Option<String> = None;
    for r in &round.checked {
        if json {
            let mut v = with_rfc3339_times(serde_json::to_value(r)?);
            v["incident"] = json!(r.incident.map(|i| i.to_string()));
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{}: {} ({} ms){}",
                r.target,
                r.verdict.word_for(r.status),
                r.latency_ms,
                match (r.change, r.incident) {
                    (Some(change), Some(id)) => format!(" · incident {id} {}", change.word()),
                    (None, Some(id)) => format!(" · incident {id} goes on"),
                    _ => String::new(),
                }
            )?;
            if let Some(held) = &r.held {
                // (The same words under every target of a round the network failed: once.)
                if last_hold.as_ref() == Some(held) {
                    writeln!(out, "  Not judged: as above.")?;
                } else {
                    writeln!(out, "  {}", for_terminal(held))?;
                }
                last_hold = Some(held.clone());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
