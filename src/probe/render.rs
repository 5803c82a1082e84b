//! Check reports as transport-neutral replies, and as session records for escalation.

use super::check::ms_text;
use super::verdict::human;
use super::{CheckError, Report};
use crate::knowledge::KnowledgeBase;
use crate::reply::{Reply, Tone};
use crate::session::CheckRecord;
use std::time::Duration;

/// One reply per report, in order. `up_means` gives, for a report's target, what a passing
/// check means when that is not the usual (see [`render_during`]).
pub fn render_reports(
    reports: &[Report],
    kb: &KnowledgeBase,
    up_means: impl Fn(&Report) -> Option<String>,
) -> Vec<Reply> {
    reports
        .iter()
        .map(|r| render_during(r, kb, up_means(r)))
        .collect()
}

/// A report as the user sees it: the verdict as title, what it means, what was measured, and
/// the matching article (`Reply.article`).
pub fn render(report: &Report, kb: &KnowledgeBase) -> Reply {
    render_during(report, kb, None)
}

/// [`render`], with `up_means` said for a check that passes instead of the verdict's usual
/// meaning (while an incident is open for the target: not "the cause is likely on your side").
pub fn render_during(report: &Report, kb: &KnowledgeBase, up_means: Option<String>) -> Reply {
    let checked = match &report.outcome {
        Ok(c) => c,
        Err(e) => return render_error(e),
    };
    let r = &checked.result;
    let name = report
        .description
        .clone()
        .unwrap_or_else(|| report.target.clone());
    let mut title = format!("{name}: {}", r.verdict.word_for(r.status));
    if let Some(code) = r.status
        && !r.verdict.is_up()
    {
        title.push_str(&format!(" ({code})"));
    }
    let mut text = match up_means {
        Some(meaning) if r.verdict.is_up() => meaning,
        _ => checked.meaning(),
    };
    text.push_str(&format!("\n\nSeen from the bot: {}.", r.detail));
    if let Some(id) = &checked.article
        && let Some(a) = kb.get(id)
    {
        text.push_str(&format!(
            "\n\nThe article **{}** explains this error and what you can do.",
            a.title
        ));
    }
    text.push_str(&format!("\n\n_{}_", age_text(checked.age, checked.shared)));

    let mut reply = Reply::new(text).title(title).tone(r.verdict.tone());
    reply = reply.field("Checked", in_code(&r.final_url));
    if let Some(code) = r.status {
        let reason = r.reason.as_deref().unwrap_or("");
        reply = reply.field("Status", format!("{code} {reason}").trim().to_string());
    }
    if !r.addresses.is_empty() {
        let mut shown: Vec<String> = r.addresses.iter().take(4).map(|a| a.to_string()).collect();
        if r.addresses.len() > 4 {
            shown.push(format!("+{} more", r.addresses.len() - 4));
        }
        let dns = match r.timings.dns {
            Some(d) => format!(" (DNS {})", ms_text(d)),
            None => " (no DNS lookup: the address is written in the URL)".into(),
        };
        reply = reply.field("Address", format!("{}{dns}", shown.join(", ")));
    }
    // Every phase that applies is listed; one that was not measured says so (never a guess).
    let phase = |label: &str, d: Option<Duration>| match d {
        Some(d) => format!("{label} {}", ms_text(d)),
        None => format!("{label} not measured"),
    };
    let mut timings = vec![phase("connect", r.timings.connect)];
    if r.final_url.starts_with("https:") {
        timings.push(phase("TLS", r.timings.tls));
    }
    timings.push(phase("first byte", r.timings.ttfb));
    timings.push(format!("total {}", ms_text(r.timings.total)));
    reply = reply.field("Timings", timings.join(" · "));
    if let Some(tls) = &r.tls {
        let expiry = match tls.cert_days_left {
            Some(d) if d < 0 => "certificate expired".to_string(),
            Some(d) => format!("certificate valid {d} more days"),
            None => "certificate expiry not readable".into(),
        };
        reply = reply.field("TLS", format!("{}, {expiry}", tls.version));
    }
    if !r.redirects.is_empty() {
        let chain: Vec<String> = r
            .redirects
            .iter()
            .map(|h| format!("{} → {}", h.status, in_code(&h.location)))
            .collect();
        reply = reply.field("Redirects", chain.join("\n"));
    }
    for (label, value) in [
        ("Server", &r.headers.server),
        ("Via", &r.headers.via),
        ("Retry-After", &r.headers.retry_after),
    ] {
        if let Some(v) = value {
            reply = reply.field(label, in_code(v));
        }
    }
    if let Some(id) = &checked.article {
        reply = reply.article(id);
    }
    reply
}

/// A request that could not run (unknown name, refused URL, rate limit).
pub fn render_error(error: &CheckError) -> Reply {
    let title = match error {
        CheckError::UnknownTarget { .. } => "Unknown check target",
        CheckError::Refused(_) => "Check refused",
        CheckError::TargetRefused { .. } => "Could not check",
        CheckError::AdhocDisabled { .. } => "Only named checks here",
        CheckError::RateLimited { .. } | CheckError::TooMany { .. } => "Too many checks",
    };
    Reply::new(error.to_string())
        .title(title)
        .tone(Tone::Warning)
}

/// "checked just now", "checked 12 s ago (shared result)".
pub fn age_text(age: Duration, shared: bool) -> String {
    let when = if age < Duration::from_secs(1) {
        "checked just now".to_string()
    } else {
        format!("checked {} ago", human(age))
    };
    if shared {
        format!("{when} (shared with others who asked; timings are from the bot's machine)")
    } else {
        format!("{when} (timings are from the bot's machine, not yours)")
    }
}

impl Report {
    /// What the session keeps for escalation, or `None` when nothing was checked (unknown name,
    /// rate limit). Refusals are kept: a human helper wants to know what the user tried.
    /// `now` is unix seconds; the record's `at` is when the check ran (earlier for shared results).
    pub fn record(&self, now: u64) -> Option<CheckRecord> {
        match &self.outcome {
            Ok(c) => {
                let r = &c.result;
                Some(CheckRecord {
                    target: self.target.clone(),
                    url: r.final_url.clone(),
                    verdict: r.verdict.word().to_string(),
                    status: r.status,
                    total_ms: Some(r.timings.total.as_millis().try_into().unwrap_or(u64::MAX)),
                    detail: r.detail.clone(),
                    at: now.saturating_sub(c.age.as_secs()),
                })
            }
            Err(CheckError::Refused(refusal) | CheckError::TargetRefused { refusal, .. }) => {
                Some(CheckRecord {
                    target: self.target.clone(),
                    url: refusal.url.clone(),
                    verdict: "refused".into(),
                    status: None,
                    total_ms: None,
                    detail: refusal.reason.clone(),
                    at: now,
                })
            }
            Err(_) => None,
        }
    }
}

/// `text` from the checked server (a header, a redirect's location, the URL it ended at) as a
/// code span it cannot leave: a backtick in it would close the span, and what follows would be
/// Markdown in the bot's voice (a masked link).
fn in_code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::{CheckResult, Checked, Headers, Hop, Report, Timings, Verdict};
    use std::sync::Arc;

    /// A review found a redirect's `Location` and the URL checked were put in code spans as
    /// the server sent them (`Server` and `Via` were escaped): a backtick closed the span and
    /// the rest showed as a masked link in the bot's reply.
    #[test]
    fn what_the_server_sent_cannot_leave_its_code_span() {
        let location = "x` [Reset your Intuit password](https://evil.example/) `y";
        let result = CheckResult {
            url: "https://a.example/".into(),
            final_url: "https://a.example/?q=`[x](https://evil.example)`".into(),
            verdict: Verdict::RedirectLoop,
            detail: "d".into(),
            status: None,
            reason: None,
            addresses: vec![],
            connected_to: None,
            timings: Timings::default(),
            tls: None,
            redirects: vec![Hop {
                url: "https://a.example/".into(),
                status: 302,
                location: location.into(),
            }],
            headers: Headers::default(),
            retry_after: None,
            body_bytes: 0,
            body_truncated: false,
        };
        let report = Report {
            target: "a.example".into(),
            description: None,
            url: "https://a.example/".into(),
            outcome: Ok(Checked {
                result: Arc::new(result),
                age: Duration::ZERO,
                shared: false,
                article: None,
                nothing_resolves: false,
            }),
        };
        let reply = render(&report, &KnowledgeBase::default());
        for name in ["Redirects", "Checked"] {
            let field = reply.fields.iter().find(|f| f.name == name).unwrap();
            assert_eq!(field.value.matches('`').count(), 2, "{}", field.value);
        }
    }
}
