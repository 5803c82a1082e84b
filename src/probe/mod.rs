//! Live checks, "is it me or is it them?": the [`Prober`] runs checks safely and concurrently.
//!
//! - [`guard`]: which URLs and addresses may be checked (no scanning of private networks).
//! - [`resolve`]: name resolution behind a trait (tests use [`StaticResolver`]).
//! - [`check`]: one target -> one [`CheckResult`]: resolve and vet, a probe connection (connect,
//!   TLS), then the HTTP exchange through reqwest pinned to the vetted address.
//! - [`verdict`]: the verdict words, what they mean for the user, the matching article.
//! - [`render`]: a check as a [`crate::reply::Reply`] and as a [`crate::session::CheckRecord`].
//!
//! Never imports a chat library, the console or the CLI: adapters render the replies
//! (`supportbot check` lives in `cli::check`).

pub mod cache;
pub mod cert;
pub mod check;
pub mod guard;
pub mod limit;
pub mod render;
pub mod resolve;
pub mod verdict;

pub use check::{CheckResult, Headers, Hop, Timings, TlsInfo};
pub use guard::{Policy, Refusal};
pub use render::{render, render_error, render_reports};
pub use resolve::{Resolver, StaticResolver, SystemResolver};
pub use verdict::Verdict;

use crate::config::CheckConfig;
use crate::knowledge::{KnowledgeBase, Target};
use crate::words;
use cache::Cache;
use limit::RateLimiter;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;
use tokio_rustls::rustls::ClientConfig;
use tokio_rustls::rustls::pki_types::CertificateDer;

/// What a user asked to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A target from endpoints.toml, by name.
    Named(String),
    /// An ad-hoc URL typed by the user (untrusted).
    Url(String),
}

impl Request {
    /// Anything that looks like an address (has `.`, `:` or `/`) is a URL; otherwise a name.
    pub fn parse(input: &str) -> Request {
        let input = input.trim();
        if input.contains(['.', ':', '/']) {
            Request::Url(input.to_string())
        } else {
            Request::Named(input.to_lowercase())
        }
    }

    /// [`Request::parse`], with a configured target's own address taken as that target
    /// (trusted, on its own port; [`KnowledgeBase::target_at`]): only other addresses are
    /// vetted as typed.
    pub fn parse_in(input: &str, kb: &KnowledgeBase) -> Request {
        match Request::parse(input) {
            Request::Url(url) => match kb.target_at(&url) {
                Some(t) => Request::Named(t.name.clone()),
                None => Request::Url(url),
            },
            named => named,
        }
    }

    /// The request as the user wrote it.
    pub fn label(&self) -> &str {
        match self {
            Request::Named(s) | Request::Url(s) => s,
        }
    }
}

/// A user error: its Display is exactly what the user sees, and says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error(
        "There is no check target named `{name}`.{}{}",
        did_you_mean(suggestions),
        known_list(known)
    )]
    UnknownTarget {
        name: String,
        suggestions: Vec<String>,
        known: Vec<String>,
    },
    #[error("{0}")]
    Refused(Refusal),
    /// A named target's check was refused (one of its redirects leads to another host that
    /// checks may not reach). The user typed no address, so they are told nothing to fix and
    /// no address: the admins' hint says what went wrong and how to fix it.
    #[error(
        "I couldn't check {what} from here: the service sends the check on to an address this bot may not reach. That says nothing about whether the service is up or down; the bot's admins can fix the check."
    )]
    TargetRefused {
        /// The target's name in endpoints.toml.
        target: String,
        /// Its description, as users know it.
        what: String,
        refusal: Refusal,
    },
    #[error(
        "Checking addresses you type is turned off on this bot.{} Ask an admin to add the service to endpoints.toml.",
        known_list(known)
    )]
    AdhocDisabled { known: Vec<String> },
    #[error(
        "That is more checks than allowed in a minute ({per_minute} per person). Wait {} and ask again; results are shared for a short while, so asking sooner would show nothing new.",
        verdict::human(*retry_in)
    )]
    RateLimited { retry_in: Duration, per_minute: u32 },
    #[error(
        "You asked for {asked} checks at once; at most {max} are allowed. Ask for fewer targets."
    )]
    TooMany { asked: usize, max: usize },
}

impl CheckError {
    /// The setting an admin could change to allow what was refused, when one would.
    pub fn admin_hint(&self) -> Option<String> {
        match self {
            CheckError::Refused(r) => r.admin_hint().map(str::to_string),
            CheckError::TargetRefused {
                target, refusal, ..
            } => Some(words::target_refused_hint(
                target,
                &refusal.url,
                &refusal.reason,
            )),
            CheckError::AdhocDisabled { .. } => Some(
                "Admins: typed addresses are off because ALLOW_ADHOC_CHECKS=false (or \
                 --allow-adhoc-checks false); named targets in endpoints.toml still work."
                    .to_string(),
            ),
            CheckError::RateLimited { .. } => Some(
                "Admins: the limit is CHECK_RATE_PER_MINUTE (or --check-rate-per-minute)."
                    .to_string(),
            ),
            _ => None,
        }
    }

    /// The refusal for an admin at the command line: as users see it, then the
    /// [`Self::admin_hint`].
    pub fn for_admin(&self) -> String {
        match self.admin_hint() {
            Some(hint) => format!("{self}\n  {hint}"),
            None => self.to_string(),
        }
    }
}

/// The host name of a URL, lowercased; `None` when it has none.
fn host_of(url: &str) -> Option<String> {
    let url = url::Url::parse(url).ok()?;
    Some(url.host_str()?.trim_end_matches('.').to_ascii_lowercase())
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" Did you mean {}?", suggestions.join(" or "))
    }
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        " No targets are configured (endpoints.toml in the knowledge directory).".into()
    } else {
        format!(" Targets you can check: {}.", known.join(", "))
    }
}

/// One checked target, as shown to the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub result: Arc<CheckResult>,
    /// How old the result is (zero when checked for this request).
    pub age: Duration,
    /// The result came from a check another user asked for (shared during the cache TTL); a
    /// user's own earlier check is not "shared".
    pub shared: bool,
    /// Id of the knowledge article whose `codes` match the status.
    pub article: Option<String>,
    /// The name did not resolve and neither did any other target's: the bot's own network or
    /// DNS is the likelier problem (see [`Prober::nothing_resolves`]).
    pub nothing_resolves: bool,
}

impl Checked {
    /// What the result means for the user, in words.
    pub fn meaning(&self) -> String {
        if self.nothing_resolves && self.result.verdict == verdict::Verdict::DnsFailure {
            return "No name could be looked up from here, not even those of the other services \
                    this bot watches: the bot's own network or DNS is the likelier problem, not \
                    the service, which may well be fine. Tell the bot's admins."
                .to_string();
        }
        if self.result.verdict == verdict::Verdict::ClientError && self.result.status == Some(429) {
            // The one 4xx that is an outage signal (the monitor opens incidents on it).
            let mut text = words::TOO_MANY_REQUESTS_MEANING.to_string();
            if let Some(d) = self.result.retry_after {
                text.push_str(&format!(" It asks to try again in {}.", verdict::human(d)));
            }
            return text;
        }
        self.result.verdict.meaning(self.result.retry_after)
    }
}

/// The answer for one requested target.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The target's name, or the URL as the user typed it.
    pub target: String,
    /// The named target's description.
    pub description: Option<String>,
    /// The URL checked (empty when the request never got that far).
    pub url: String,
    pub outcome: Result<Checked, CheckError>,
}

/// A check's result, or why it was not run.
pub type Outcome = Result<Arc<CheckResult>, Refusal>;

/// Runs live checks. Cheap to clone (an `Arc`); build once and share.
#[derive(Clone, Debug)]
pub struct Prober {
    inner: Arc<Inner>,
}

struct Inner {
    config: CheckConfig,
    policy: Policy,
    resolver: Arc<dyn Resolver>,
    tls: Arc<ClientConfig>,
    /// Each named target's latest outcome, with the user whose request ran it (`None` for the
    /// command line): a result is "shared" only with the others.
    cache: Cache<(Outcome, Option<String>)>,
    limiter: RateLimiter,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prober")
            .field("config", &self.config)
            .field("resolver", &self.resolver)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Prober`] with non-default edges (resolver, extra trusted roots).
pub struct ProberBuilder {
    config: CheckConfig,
    resolver: Arc<dyn Resolver>,
    roots: Vec<CertificateDer<'static>>,
}

impl ProberBuilder {
    /// Resolve names with this resolver instead of the system's.
    pub fn resolver(mut self, resolver: Arc<dyn Resolver>) -> Self {
        self.resolver = resolver;
        self
    }

    /// Trust this CA (DER) besides the public roots (a private CA; tests).
    pub fn trust_root(mut self, der: CertificateDer<'static>) -> Self {
        self.roots.push(der);
        self
    }

    pub fn build(self) -> Prober {
        Prober {
            inner: Arc::new(Inner {
                policy: Policy::from_config(&self.config),
                tls: Arc::new(check::tls_config(&self.roots)),
                cache: Cache::new(self.config.cache_ttl),
                limiter: RateLimiter::new(self.config.rate_per_minute),
                resolver: self.resolver,
                config: self.config,
            }),
        }
    }
}

impl Prober {
    /// A prober with the system resolver and the public (webpki) roots.
    pub fn new(config: CheckConfig) -> Prober {
        Prober::builder(config).build()
    }

    pub fn builder(config: CheckConfig) -> ProberBuilder {
        ProberBuilder {
            config,
            resolver: Arc::new(SystemResolver),
            roots: Vec::new(),
        }
    }

    pub fn config(&self) -> &CheckConfig {
        &self.inner.config
    }

    /// Checks every request concurrently, each within its own timeout and all within the overall
    /// deadline; one hanging target never delays the others. Named targets are looked up in `kb`
    /// and their results shared for the cache TTL. `user` (when given) is rate-limited: each
    /// target counts as one check. Reports come back in request order.
    pub async fn check_many(
        &self,
        kb: &KnowledgeBase,
        user: Option<&str>,
        requests: &[Request],
    ) -> Result<Vec<Report>, CheckError> {
        let inner = &self.inner;
        if let Some(user) = user {
            let max = inner.limiter.per_minute() as usize;
            if requests.len() > max {
                return Err(CheckError::TooMany {
                    asked: requests.len(),
                    max,
                });
            }
            let cost = u32::try_from(requests.len()).unwrap_or(u32::MAX);
            if let Err(retry_in) = inner.limiter.try_acquire(user, cost) {
                tracing::info!(user, "check rate-limited");
                return Err(CheckError::RateLimited {
                    retry_in,
                    per_minute: inner.limiter.per_minute(),
                });
            }
        }
        let deadline = Instant::now() + inner.config.deadline;
        let known: Vec<String> = kb.targets().iter().map(|t| t.name.clone()).collect();
        let mut tasks = tokio::task::JoinSet::new();
        let mut reports: Vec<Option<Report>> = vec![None; requests.len()];
        for (i, request) in requests.iter().enumerate() {
            let (target, trusted, description) = match request {
                // `trusted` also says the request named a target: its refusals are the admins'.
                Request::Named(name) => match kb.target(name) {
                    Some(t) => (t.clone(), true, Some(t.description.clone())),
                    None => {
                        reports[i] = Some(Report {
                            target: name.clone(),
                            description: None,
                            url: String::new(),
                            outcome: Err(CheckError::UnknownTarget {
                                name: name.clone(),
                                suggestions: kb
                                    .suggest_targets(name, 3)
                                    .into_iter()
                                    .map(str::to_string)
                                    .collect(),
                                known: known.clone(),
                            }),
                        });
                        continue;
                    }
                },
                Request::Url(raw) => match self.adhoc_target(raw, &known) {
                    Ok(t) => (t, false, None),
                    Err(e) => {
                        reports[i] = Some(Report {
                            target: raw.clone(),
                            description: None,
                            url: String::new(),
                            outcome: Err(e),
                        });
                        continue;
                    }
                },
            };
            let me = self.clone();
            let asker = user.map(str::to_string);
            tasks.spawn(async move {
                let run = me.run(&target, trusted, asker);
                let outcome = match tokio::time::timeout_at(deadline, run).await {
                    Ok(got) => got,
                    Err(_) => deadline_result(&target, me.inner.config.deadline),
                };
                (i, target, trusted, description, outcome)
            });
        }
        while let Some(joined) = tasks.join_next().await {
            let (i, target, named, description, (outcome, age, shared)) = match joined {
                Ok(done) => done,
                Err(e) => {
                    // A check task panicked: a bug, logged; that target's slot gets a timeout-free
                    // generic answer below.
                    tracing::error!(error = %e, "check task failed");
                    continue;
                }
            };
            let label = match &requests[i] {
                Request::Named(n) => n.clone(),
                Request::Url(u) => u.clone(),
            };
            let outcome = match outcome {
                Ok(result) => {
                    tracing::debug!(target = %label, verdict = %result.verdict, status = ?result.status, shared, "check done");
                    Ok(Checked {
                        article: verdict::article_for(
                            kb,
                            &target.name,
                            result.verdict,
                            result.status,
                        )
                        .map(|a| a.id.clone()),
                        result,
                        age,
                        shared,
                        nothing_resolves: false,
                    })
                }
                Err(refusal) if named => {
                    tracing::warn!(target = %label, user = ?user, reason = %refusal.reason, url = %refusal.url, "check of a named target refused: {}", words::target_refused_hint(&label, &refusal.url, &refusal.reason));
                    Err(CheckError::TargetRefused {
                        target: label.clone(),
                        what: description.clone().unwrap_or_else(|| label.clone()),
                        refusal,
                    })
                }
                Err(refusal) => {
                    tracing::warn!(target = %label, user = ?user, reason = %refusal.reason, url = %refusal.url, "check refused");
                    Err(CheckError::Refused(refusal))
                }
            };
            reports[i] = Some(Report {
                target: label,
                description,
                url: target.url,
                outcome,
            });
        }
        let failed_dns: Vec<String> = (reports.iter().flatten())
            .filter_map(|r| match &r.outcome {
                Ok(c) if c.result.verdict == verdict::Verdict::DnsFailure => host_of(&r.url),
                _ => None,
            })
            .collect();
        if !failed_dns.is_empty() && self.nothing_resolves(kb, &failed_dns).await {
            for report in reports.iter_mut().flatten() {
                if let Ok(c) = &mut report.outcome
                    && c.result.verdict == verdict::Verdict::DnsFailure
                {
                    c.nothing_resolves = true;
                }
            }
        }
        Ok(reports
            .into_iter()
            .zip(requests)
            .map(|(r, req)| {
                r.unwrap_or_else(|| Report {
                    target: req.label().to_string(),
                    description: None,
                    url: String::new(),
                    outcome: Err(CheckError::Refused(Refusal {
                        url: req.label().to_string(),
                        reason: "the check failed inside the bot".into(),
                        fix: "Try again; if it keeps failing, tell the bot's admins.",
                    })),
                })
            })
            .collect())
    }

    /// After names in `failed` did not resolve: whether the other targets' names fail too (up
    /// to three, each within two seconds), which points at the bot's own network or DNS rather
    /// than at the services. `false` when there is no other name to try.
    pub async fn nothing_resolves(&self, kb: &KnowledgeBase, failed: &[String]) -> bool {
        let mut others: Vec<String> = (kb.targets().iter())
            .filter_map(|t| host_of(&t.url))
            .filter(|h| !failed.contains(h) && h.parse::<std::net::IpAddr>().is_err())
            .collect();
        others.sort();
        others.dedup();
        others.truncate(3);
        if others.is_empty() {
            return false;
        }
        let resolver = self.inner.resolver.as_ref();
        let any_resolves = async {
            for host in &others {
                if resolver.resolve(host).await.is_ok_and(|a| !a.is_empty()) {
                    return true;
                }
            }
            false
        };
        // Two seconds for all of them: a dead resolver must not hold the answer up.
        if tokio::time::timeout(Duration::from_secs(2), any_resolves)
            .await
            .unwrap_or(false)
        {
            return false;
        }
        tracing::warn!(failed = ?failed, tried = ?others, "no name resolves, not even other targets': the bot's own network or DNS may be down");
        true
    }

    /// Checks named targets now, never from the shared cache (the monitor's own observations):
    /// concurrently, each within its timeout and all within the overall deadline. One entry
    /// per target, in order; `None` only if a check task panicked (logged).
    pub async fn check_fresh(&self, targets: &[Target]) -> Vec<Option<Outcome>> {
        let deadline = Instant::now() + self.inner.config.deadline;
        let mut tasks = tokio::task::JoinSet::new();
        for (i, target) in targets.iter().cloned().enumerate() {
            let me = self.clone();
            tasks.spawn(async move {
                let outcome =
                    match tokio::time::timeout_at(deadline, me.run_fresh(&target, true)).await {
                        Ok(got) => got,
                        Err(_) => deadline_result(&target, me.inner.config.deadline).0,
                    };
                (i, outcome)
            });
        }
        let mut outcomes = vec![None; targets.len()];
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok((i, outcome)) => outcomes[i] = Some(outcome),
                Err(e) => tracing::error!(error = %e, "monitor check task failed"),
            }
        }
        outcomes
    }

    /// One target: named targets through the shared cache, ad-hoc URLs fresh every time. The
    /// flag says the result came from a check someone other than `user` asked for.
    async fn run(
        &self,
        target: &Target,
        trusted: bool,
        user: Option<String>,
    ) -> (Outcome, Duration, bool) {
        if trusted {
            let key = format!(
                "{}\n{}\n{:?}\n{:?}\n{:?}",
                target.name, target.url, target.expect_status, target.timeout_ms, target.contains
            );
            let asker = user.clone();
            let got = self
                .inner
                .cache
                .get_or_run(&key, || async move {
                    (self.run_fresh(target, true).await, asker)
                })
                .await;
            let (outcome, ran_for) = got.value;
            (outcome, got.age, got.shared && ran_for != user)
        } else {
            (self.run_fresh(target, false).await, Duration::ZERO, false)
        }
    }

    async fn run_fresh(&self, target: &Target, trusted: bool) -> Outcome {
        let inner = &self.inner;
        let env = check::Env {
            policy: &inner.policy,
            resolver: inner.resolver.as_ref(),
            tls: &inner.tls,
            body_cap: inner.config.body_cap,
            max_redirects: inner.config.max_redirects,
            slow_after: inner.config.slow_after,
        };
        let timeout = target
            .timeout_ms
            .map(Duration::from_millis)
            .unwrap_or(inner.config.default_timeout);
        check::check(target, trusted, &env, timeout)
            .await
            .map(Arc::new)
    }

    /// Vets an ad-hoc URL as far as possible before any network use.
    fn adhoc_target(&self, raw: &str, known: &[String]) -> Result<Target, CheckError> {
        if !self.inner.config.allow_adhoc_checks {
            return Err(CheckError::AdhocDisabled {
                known: known.to_vec(),
            });
        }
        let refused = |r: Refusal| {
            tracing::warn!(url = %r.url, reason = %r.reason, "check refused");
            CheckError::Refused(r)
        };
        let url = guard::parse_adhoc(raw).map_err(refused)?;
        self.inner.policy.vet_url(&url).map_err(refused)?;
        Ok(Target {
            name: url.host_str().unwrap_or_default().to_string(),
            description: String::new(),
            url: url.to_string(),
            expect_status: None,
            timeout_ms: None,
            contains: None,
            monitor: crate::knowledge::endpoints::Monitoring::default(),
            line: 0,
        })
    }
}

/// The answer when the overall deadline passes before a target's own timeout.
fn deadline_result(target: &Target, deadline: Duration) -> (Outcome, Duration, bool) {
    let result = CheckResult {
        url: target.url.clone(),
        final_url: target.url.clone(),
        verdict: Verdict::Timeout,
        detail: format!(
            "no complete answer within the overall deadline of {}",
            check::ms_text(deadline)
        ),
        status: None,
        reason: None,
        addresses: Vec::new(),
        connected_to: None,
        timings: Timings {
            total: deadline,
            ..Timings::default()
        },
        tls: None,
        redirects: Vec::new(),
        headers: Headers::default(),
        retry_after: None,
        body_bytes: 0,
        body_truncated: false,
    };
    (Ok(Arc::new(result)), Duration::ZERO, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_parse_names_and_urls() {
        assert_eq!(
            Request::parse(" QuickBooks-Online "),
            Request::Named("quickbooks-online".into())
        );
        assert_eq!(
            Request::parse("qbo.intuit.com"),
            Request::Url("qbo.intuit.com".into())
        );
        assert_eq!(Request::parse("http://x"), Request::Url("http://x".into()));
    }

    #[test]
    fn errors_say_how_to_fix() {
        let e = CheckError::UnknownTarget {
            name: "qbo".into(),
            suggestions: vec!["quickbooks-online".into()],
            known: vec!["quickbooks-online".into()],
        };
        assert_eq!(
            e.to_string(),
            "There is no check target named `qbo`. Did you mean quickbooks-online? Targets you can check: quickbooks-online."
        );
        let e = CheckError::RateLimited {
            retry_in: Duration::from_secs(12),
            per_minute: 5,
        };
        assert!(e.to_string().contains("Wait 12 s"), "{e}");
    }
}
