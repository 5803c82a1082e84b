//! The monitor: a round checks the monitored targets (those due, or all of them for
//! `monitor --once`), records each result in the target's history, and moves the target's
//! incident along by the hysteresis rules of [`crate::incident::health`]: opened after enough
//! bad checks, monitoring after a good one, resolved after enough good ones. An incident whose
//! target left `endpoints.toml` (or the monitor) is closed, saying why.

use super::{Service, ServiceError};
use crate::incident::health::{Change, Streak, judge};
use crate::incident::history::{CheckRecord, HeldJudgement, HoldReason, RefusedCheck};
use crate::incident::{Evidence, Incident, IncidentId, IncidentState, Origin};
use crate::knowledge::{KnowledgeBase, Target};
use crate::probe::Verdict;
use crate::words;
use serde::Serialize;
use std::time::Duration;

/// Who the monitor's own updates are by.
pub const MONITOR: &str = crate::incident::BY_MONITOR;

/// What one round did for one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRound {
    pub target: String,
    pub verdict: Verdict,
    pub status: Option<u16>,
    pub latency_ms: u64,
    pub detail: String,
    /// What this check changed, if anything.
    #[serde(serialize_with = "change_word")]
    pub change: Option<Change>,
    /// The target's incident after this check (active or just resolved).
    pub incident: Option<IncidentId>,
    /// Set when this check was not judged (its incident left as it was): why, and what to check.
    pub held: Option<String>,
}

impl TargetRound {
    /// What a check of `target` found, with what it changed and the incident after it.
    fn of(
        target: &str,
        record: CheckRecord,
        change: Option<Change>,
        incident: Option<IncidentId>,
    ) -> TargetRound {
        TargetRound {
            target: target.to_string(),
            verdict: record.verdict,
            status: record.status,
            latency_ms: record.latency_ms,
            detail: record.detail,
            change,
            incident,
            held: None,
        }
    }
}

/// What one round did: the targets checked, and those whose check could not run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MonitorRound {
    pub checked: Vec<TargetRound>,
    /// Monitored targets whose check was refused (a redirect to where checks may not go): no
    /// verdict, no history, and no incident can open for them until that is fixed.
    pub refused: Vec<RefusedCheck>,
}

impl MonitorRound {
    /// No monitored target was due (or there is none).
    pub fn is_empty(&self) -> bool {
        self.checked.is_empty() && self.refused.is_empty()
    }
}

fn change_word<S: serde::Serializer>(c: &Option<Change>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.map_or("none", Change::word))
}

impl Service {
    /// One monitor round. `all`: every monitored target now (else only those whose interval
    /// has passed since their last check).
    pub async fn monitor_round(&self, all: bool) -> Result<MonitorRound, ServiceError> {
        let kb = self.knowledge.current();
        let now = self.clock.now();
        // Moving an incident takes the incident lock (which a staff confirm holds while it
        // links tickets) and flushes: the store work of a round runs off the async workers.
        let before = {
            let kb = std::sync::Arc::clone(&kb);
            move |s: &Service| -> Result<Vec<Target>, ServiceError> {
                s.close_orphaned_incidents(&kb, now)?;
                Ok((kb.targets().iter())
                    .filter(|t| t.monitor.enabled)
                    .filter(|t| all || s.is_due(t, now))
                    .cloned()
                    .collect())
            }
        };
        let due = self.off_the_workers(before).await??;
        if due.is_empty() {
            return Ok(MonitorRound::default());
        }
        let outcomes = self.prober.check_fresh(&due).await;
        self.off_the_workers(move |s| s.judge_round(&kb, &due, outcomes, now))
            .await?
    }

    /// Records a round's checks of `due` and moves their incidents along.
    fn judge_round(
        &self,
        kb: &KnowledgeBase,
        due: &[Target],
        outcomes: Vec<Option<crate::probe::Outcome>>,
        now: u64,
    ) -> Result<MonitorRound, ServiceError> {
        let mut checked = Vec::new();
        let mut refused = Vec::new();
        for (target, outcome) in due.iter().zip(outcomes) {
            match outcome {
                Some(Ok(r)) => {
                    self.store.clear_refused_check(&target.name)?;
                    checked.push((target, r));
                }
                Some(Err(refusal)) => {
                    let r = RefusedCheck {
                        at: now,
                        target: target.name.clone(),
                        url: refusal.url,
                        reason: refusal.reason,
                    };
                    tracing::warn!(target = %target.name, reason = %r.reason, "monitor cannot check this target: {}", r.hint());
                    self.store.note_refused_check(&r)?;
                    refused.push(r);
                }
                None => {}
            }
        }
        let holds = holds(&checked);
        if holds.contains(&Some(HoldReason::NetworkDown)) {
            tracing::warn!(
                targets = checked.len(),
                "no monitored target's name resolves and none answered: the bot's own network or DNS may be down; incidents are left as they are"
            );
        }
        let mut rounds = Vec::new();
        for ((target, r), hold) in checked.into_iter().zip(holds) {
            let record = CheckRecord {
                at: now,
                target: target.name.clone(),
                verdict: r.verdict,
                status: r.status,
                latency_ms: u64::try_from(r.timings.total.as_millis()).unwrap_or(u64::MAX),
                detail: r.detail.clone(),
                // Kept, but out of incidents and uptime: it says nothing about the service.
                held: hold.is_some(),
            };
            self.store.record_check(&record)?;
            rounds.push(match hold {
                Some(reason) => {
                    let host = host_of(&target.url);
                    let held = HeldJudgement::new(now, &target.name, host.as_deref(), reason);
                    if reason == HoldReason::NameDoesNotResolve {
                        tracing::warn!(target = %target.name, "{}", held.hint);
                    }
                    self.store.note_held(&held)?;
                    let incident = self.incident_of(&target.name).map(|i| i.id);
                    let mut round = TargetRound::of(&target.name, record, None, incident);
                    round.held = Some(held.hint);
                    round
                }
                None => {
                    self.store.clear_held(&target.name)?;
                    self.advance(kb, target, record, now)?
                }
            });
        }
        Ok(MonitorRound {
            checked: rounds,
            refused,
        })
    }

    fn is_due(&self, target: &Target, now: u64) -> bool {
        let last_check = self
            .store
            .recent_checks(&target.name, 1)
            .first()
            .map(|c| c.at);
        // A refused check counts as a try: it is not retried every few seconds.
        let last_refusal = self.store.refused_check(&target.name).map(|r| r.at);
        last_check
            .max(last_refusal)
            // A clock that jumped back makes it due now rather than never.
            .is_none_or(|last| last > now || now - last >= target.monitor.interval_secs)
    }

    /// Applies one new check of `target` to its incident.
    fn advance(
        &self,
        kb: &KnowledgeBase,
        target: &Target,
        record: CheckRecord,
        now: u64,
    ) -> Result<TargetRound, ServiceError> {
        let _one_at_a_time = self.incident_writes();
        let m = &target.monitor;
        let mut incident = self.incident_of(&target.name);
        if !record.is_outage_signal() {
            tracing::warn!(
                target = %target.name,
                status = ?record.status,
                "the target turned the check down ({}): not counted for or against an outage (users are told a 4xx does not usually mean one); check its `url` and `expect_status` in endpoints.toml",
                record.detail
            );
            return Ok(TargetRound::of(
                &target.name,
                record,
                None,
                incident.map(|i| i.id),
            ));
        }
        let needed = m.failure_threshold.max(m.success_threshold) as usize;
        let signals = self.outage_signals(&target.name, needed);
        let streak = Streak::of(signals.iter().map(CheckRecord::is_up));
        let change = judge(streak, incident.as_ref().map(|i| i.state), m);
        let evidence = Evidence {
            at: record.at,
            target: target.name.clone(),
            verdict: record.verdict,
            status: record.status,
            detail: record.detail.clone(),
        };
        match (change, incident.as_mut()) {
            (Some(Change::Down), _) => {
                let articles = concerned_articles(kb, &target.name);
                let title = words::outage_title(&target.description, outage_word(&record));
                let mut opened = self.store.new_incident(|id| {
                    Incident::open(
                        id,
                        title.clone(),
                        Origin::Probe {
                            target: target.name.clone(),
                        },
                        vec![target.name.clone()],
                        articles.clone(),
                        now,
                    )
                })?;
                // The checks that opened it are its first evidence.
                for r in self.outage_signals(&target.name, m.failure_threshold as usize) {
                    opened.add_evidence(Evidence {
                        at: r.at,
                        target: r.target,
                        verdict: r.verdict,
                        status: r.status,
                        detail: r.detail,
                    });
                }
                opened.opened_at = opened.evidence.first().map_or(now, |e| e.at);
                self.save_moved(&opened, false, true)?;
                tracing::warn!(incident = %opened.id, target = %target.name, "incident opened");
                incident = Some(opened);
            }
            (Some(c), Some(open)) => {
                let (state, text) = match c {
                    Change::Recovering => (
                        IncidentState::Monitoring,
                        words::monitor_recovering(&target.description),
                    ),
                    Change::Relapsed => (
                        IncidentState::Open,
                        words::monitor_relapsed(&target.description, outage_word(&record)),
                    ),
                    _ => {
                        // Since the first good check of the streak that closes it.
                        let since = (signals.iter().rev())
                            .take_while(|r| r.is_up())
                            .last()
                            .map_or(record.at, |r| r.at);
                        (
                            IncidentState::Resolved,
                            words::monitor_recovered(
                                &target.description,
                                &super::incidents::clock_time(since),
                            ),
                        )
                    }
                };
                open.add_evidence(evidence);
                // The incident is active here (judge saw it so), so the transition applies.
                if let Err(e) = open.transition(state, MONITOR, text, now) {
                    tracing::warn!(incident = %open.id, error = %e, "incident not moved");
                }
                self.save_moved(open, true, true)?;
                tracing::warn!(incident = %open.id, state = open.state.word(), "incident moved");
            }
            (None, Some(open)) if !record.is_up() => {
                open.add_evidence(evidence);
                self.store.save_incident(open)?;
            }
            _ => {}
        }
        Ok(TargetRound::of(
            &target.name,
            record,
            change,
            incident.map(|i| i.id),
        ))
    }

    /// The last `n` checks of `target` that say something about an outage (see
    /// [`CheckRecord::is_outage_signal`]), oldest first.
    fn outage_signals(&self, target: &str, n: usize) -> Vec<CheckRecord> {
        // Read more than `n`: the 4xx answers in between are skipped.
        let mut signals: Vec<CheckRecord> = self
            .store
            .recent_checks(target, n.saturating_mul(4).max(16))
            .into_iter()
            .filter(CheckRecord::is_outage_signal)
            .collect();
        let skip = signals.len().saturating_sub(n);
        signals.drain(..skip);
        signals
    }

    /// The active incident the monitor opened for `target`.
    fn incident_of(&self, target: &str) -> Option<Incident> {
        self.store
            .active_incidents()
            .into_iter()
            .find(|i| matches!(&i.origin, Origin::Probe { target: t } if t == target))
    }

    /// Closes monitor incidents whose target is gone from `endpoints.toml` or the monitor.
    fn close_orphaned_incidents(&self, kb: &KnowledgeBase, now: u64) -> Result<(), ServiceError> {
        let _one_at_a_time = self.incident_writes();
        for mut incident in self.store.active_incidents() {
            let Origin::Probe { target } = incident.origin.clone() else {
                continue;
            };
            let watched = kb.target(&target).is_some_and(|t| t.monitor.enabled);
            if watched {
                continue;
            }
            let text = words::monitor_target_gone(&target);
            if incident
                .transition(IncidentState::Resolved, MONITOR, text, now)
                .is_ok()
            {
                self.save_moved(&incident, true, true)?;
                tracing::warn!(incident = %incident.id, %target, "incident closed: target no longer monitored");
            }
        }
        Ok(())
    }

    /// Drops history older than the retention.
    pub fn prune_history(&self, retention: Duration) -> Result<usize, ServiceError> {
        let before = self.clock.now().saturating_sub(retention.as_secs());
        Ok(self.store.prune_history(before)?)
    }
}

/// What went wrong, in the incident's title and updates: the verdict, in plainer words for
/// the one 4xx that opens an incident (429).
fn outage_word(record: &CheckRecord) -> &'static str {
    match record.verdict {
        Verdict::ClientError => words::TURNING_REQUESTS_AWAY,
        v => v.word(),
    }
}

/// Articles whose `checks` name `target`: users who land on them are told about its outage.
pub fn concerned_articles(kb: &KnowledgeBase, target: &str) -> Vec<String> {
    kb.articles()
        .iter()
        .filter(|a| a.checks.iter().any(|c| c == target))
        .map(|a| a.id.clone())
        .collect()
}

/// Runs monitor rounds until `stop` turns true: every few seconds it checks the targets that
/// are due, and prunes old history once an hour. Errors are logged; the loop goes on.
pub async fn run(
    service: Service,
    retention: Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    const TICK: Duration = Duration::from_secs(5);
    let mut last_prune: Option<tokio::time::Instant> = None;
    loop {
        if let Err(e) = service.monitor_round(false).await {
            tracing::warn!(error = %e, "monitor round failed");
        }
        if last_prune.is_none_or(|t| t.elapsed() >= Duration::from_secs(3600)) {
            // Reads the whole history table: off the async workers.
            let prune = move |s: &Service| s.prune_history(retention);
            match service
                .off_the_workers(prune)
                .await
                .and_then(|pruned| pruned)
            {
                Ok(n) if n > 0 => tracing::info!(removed = n, "old check history pruned"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "pruning check history failed"),
            }
            last_prune = Some(tokio::time::Instant::now());
        }
        tokio::select! {
            () = tokio::time::sleep(TICK) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Starts the background monitor on the current runtime when `config` enables it; the returned
/// sender stops it (send `true`, or drop it).
pub fn spawn(
    service: &Service,
    config: &crate::config::MonitorConfig,
) -> Option<tokio::sync::watch::Sender<bool>> {
    if !config.enabled {
        tracing::info!("background monitor off (MONITOR=false)");
        return None;
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(run(service.clone(), config.retention, stopped));
    Some(stop)
}

/// Whether `url`'s host is a name to look up (not an IP address).
fn names_a_host(url: &str) -> bool {
    matches!(
        url::Url::parse(url).ok().as_ref().and_then(url::Url::host),
        Some(url::Host::Domain(_))
    )
}

/// `url`'s host, as written.
fn host_of(url: &str) -> Option<String> {
    url::Url::parse(url).ok()?.host_str().map(str::to_string)
}

/// Whether a check got anything back from a server (an HTTP status, a TLS handshake that went
/// wrong, an answer cut short or not HTTP): proof that the bot's network carries traffic. A
/// refused connection or a timeout is none (a local firewall or a dead link says the same).
fn answered(r: &crate::probe::CheckResult) -> bool {
    r.status.is_some()
        || matches!(
            r.verdict,
            Verdict::TlsError | Verdict::ConnectionDropped | Verdict::UnexpectedContent
        )
}

/// Which checks of a round cannot be judged, and why, one entry per check in order.
///
/// The bot's own DNS is in doubt only when every target with a name to look up failed to
/// resolve (one that resolved shows the DNS works, whatever it answered next; a target at an
/// IP address looks nothing up, so it tells nothing of DNS). Then:
/// - when no target answered at all either, the bot's own network is the likelier culprit:
///   no check is judged ([`HoldReason::NetworkDown`]);
/// - otherwise the network works (something answered): only the checks that failed on DNS
///   are left unjudged ([`HoldReason::NameDoesNotResolve`]), and the others are judged as
///   usual, so one wrong host name never keeps the other targets' incidents from opening.
fn holds(
    checked: &[(&Target, std::sync::Arc<crate::probe::CheckResult>)],
) -> Vec<Option<HoldReason>> {
    let named: Vec<_> = (checked.iter())
        .filter(|(target, _)| names_a_host(&target.url))
        .collect();
    let dns_in_doubt =
        !named.is_empty() && named.iter().all(|(_, r)| r.verdict == Verdict::DnsFailure);
    let network_works = checked.iter().any(|(_, r)| answered(r));
    checked
        .iter()
        .map(|(_, r)| match (dns_in_doubt, network_works) {
            (false, _) => None,
            (true, false) => Some(HoldReason::NetworkDown),
            (true, true) => {
                (r.verdict == Verdict::DnsFailure).then_some(HoldReason::NameDoesNotResolve)
            }
        })
        .collect()
}
