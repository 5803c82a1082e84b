//! Incidents as staff and users see them: declaring one by hand (for what no probe sees),
//! posting updates, resolving, and the status of every target (last check, uptime over the
//! last hour, day and week, and the incident it is part of).

use super::error::Refusal;
use super::{Service, ServiceError};
use crate::escalation::StaffAction;
use crate::escalation::notify::{Audience, NoticeEvent, Notification};
use crate::escalation::ticket::{Status, Ticket, TicketId};
use crate::incident::history::{CheckRecord, HeldJudgement, RefusedCheck, Window, window};
use crate::incident::{Incident, IncidentId, IncidentState, Origin, staff_text};
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::UserRef;
use crate::words;
use serde::Serialize;

/// `10:42 UTC` (with the date when not today is not known: the time is what users compare).
pub(super) fn clock_time(secs: u64) -> String {
    let stamp = crate::escalation::summary::rfc3339(secs);
    // 2026-11-30T10:42:00Z -> 10:42 UTC
    stamp
        .get(11..16)
        .map_or(stamp.clone(), |hm| format!("{hm} UTC"))
}

/// One target's status.
#[derive(Debug, Clone, Serialize)]
pub struct TargetStatus {
    pub name: String,
    pub description: String,
    pub monitored: bool,
    pub interval_secs: u64,
    pub last: Option<CheckRecord>,
    /// Set when the latest monitor check could not run at all (and why): shown instead of
    /// "never checked", and beside an older `last`.
    pub refused: Option<RefusedCheck>,
    /// Set when the latest monitor round could not judge the check (the bot's own network or
    /// DNS in doubt): its incident was left as it was, and why.
    pub held: Option<HeldJudgement>,
    pub hour: Window,
    pub day: Window,
    pub week: Window,
    /// The active incident it is part of.
    pub incident: Option<String>,
}

/// Every target's status and the active incidents.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub at: u64,
    pub targets: Vec<TargetStatus>,
    pub incidents: Vec<Incident>,
}

impl Service {
    /// The active incidents told beside a live check: those of the article being walked, when
    /// one is (a payroll outage says nothing of a blank page), else every one.
    pub(super) fn incidents_beside_a_check(&self, article: Option<&str>) -> Vec<Incident> {
        self.store
            .active_incidents()
            .into_iter()
            .filter(|i| article.is_none_or(|a| i.concerns(a)))
            .collect()
    }

    /// "is it down?" during a known outage: the active incidents (see
    /// [`Self::incidents_beside_a_check`]), told beside what a live check sees from here (a
    /// check can pass while a part of the service is down), each saying who stands behind it
    /// (staff, or the bot's own checks).
    pub(super) fn known_outages_beside_a_check(
        &self,
        user: &str,
        article: Option<&str>,
    ) -> Option<Reply> {
        let active = self.incidents_beside_a_check(article);
        if active.is_empty() {
            return None;
        }
        let lines: Vec<String> = active
            .iter()
            .map(|i| {
                words::known_outage_line(
                    &clock_time(i.opened_at),
                    &i.id.to_string(),
                    &i.title,
                    i.staff_confirmed(),
                )
            })
            .collect();
        let mut reply = Reply::new(lines.join("\n"))
            .title(words::OUTAGE_TITLE)
            .tone(Tone::Warning)
            .aside();
        // Not offered again to someone already on its list.
        let unlisted: Vec<&Incident> = active
            .iter()
            .filter(|i| !self.store.is_subscribed(i.id, user))
            .collect();
        match (article, unlisted.as_slice()) {
            (_, []) => {}
            // All of them cover the user's problem: one "Notify me" lists them all (see
            // [`Self::subscribe`]).
            (Some(_), [first, ..]) | (None, [first]) => {
                reply = reply.choice(
                    Action::NotifyMe(first.id.0),
                    words::NOTIFY_ME,
                    Style::Primary,
                );
            }
            // Outages of different things: one choice each, saying which.
            (None, several) => {
                for i in several {
                    reply = reply.choice(
                        Action::NotifyMe(i.id.0),
                        words::notify_me_of(&i.id.to_string()),
                        Style::Primary,
                    );
                }
            }
        }
        Some(reply)
    }

    /// Puts the known outages first when a reply lands on an article active incidents
    /// concern ("it's them, not you"): every one of them, once per user and incident (told
    /// again when one of them is new to the user).
    pub(super) fn lead_with_outage(
        &self,
        session: &mut crate::session::Session,
        replies: &mut Vec<Reply>,
        now: u64,
    ) -> Result<(), ServiceError> {
        let user = &session.user;
        let active = self.store.active_incidents();
        if active.is_empty() {
            return Ok(());
        }
        // Not a live check's result (said on the side): what comes after it is not the walk.
        let Some((at, article)) = replies.iter().enumerate().find_map(|(i, r)| {
            let article = r.article.as_deref().filter(|_| !r.aside)?;
            (active.iter().any(|x| x.concerns(article))).then(|| (i, article.to_string()))
        }) else {
            return Ok(());
        };
        // Oldest first: the order they began in.
        let mut covering: Vec<&Incident> = active.iter().filter(|x| x.concerns(&article)).collect();
        covering.sort_by_key(|i| i.id);
        let mut news = false;
        for incident in &covering {
            news |= self.store.mark_told(incident.id, user, now)?;
        }
        if !news {
            return Ok(());
        }
        let latest = |i: &Incident| i.updates.last().map(|u| u.text.clone());
        let text = match covering.as_slice() {
            [one] => words::outage_lead(
                &clock_time(one.opened_at),
                &one.id.to_string(),
                &one.title,
                latest(one).as_deref(),
            ),
            several => words::outages_lead(
                &several
                    .iter()
                    .map(|i| {
                        (
                            clock_time(i.opened_at),
                            i.id.to_string(),
                            i.title.clone(),
                            latest(i),
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
        };
        let mut lead = Reply::new(text)
            .title(words::OUTAGE_TITLE)
            .tone(Tone::Warning);
        // One "Notify me" for all of them (see [`Self::subscribe`]).
        if let Some(first) = covering.first() {
            lead = lead.choice(
                Action::NotifyMe(first.id.0),
                words::NOTIFY_ME,
                Style::Primary,
            );
        }
        // The article stays (what the error is); its first fix waits for "Help me anyway",
        // which asks the open step again.
        if replies.len() > at + 1 {
            replies.truncate(at + 1);
            lead = lead.choice(Action::Continue, words::HELP_ME_ANYWAY, Style::Secondary);
            // The article's own choices ("Check if the service is up") join the lead's: under
            // the article they stood alone, with no question (the question is the lead's).
            for moved in std::mem::take(&mut replies[at].choices) {
                lead.choices.push(moved);
            }
            // Not shown, so not asked: an answer typed now cannot be taken for it.
            session.withdraw_pending();
            // The browser question held back too: the walk waits for "Help me anyway" (which
            // asks it then), so "ok thx" now does not ask it instead.
            if let crate::session::Stage::ChoosingBrowser { article } = &session.stage {
                session.stage = crate::session::Stage::AwaitingFeedback {
                    article: article.clone(),
                };
            }
        }
        replies.insert(at, lead);
        Ok(())
    }

    /// "how long will it last?" while a known outage holds the fixes back: how long the
    /// outage covering the walked article has gone on, and the team's latest update, with
    /// the lead's choices again. None when no outage covers it.
    pub(super) fn how_long_the_outage(
        &self,
        session: &crate::session::Session,
        now: u64,
    ) -> Option<Reply> {
        let article = session.article()?;
        let active = self.store.active_incidents();
        let incident = active
            .iter()
            .filter(|i| i.concerns(article))
            .min_by_key(|i| i.id)?;
        let text = words::outage_so_far(
            &incident.id.to_string(),
            &clock_time(incident.opened_at),
            now.saturating_sub(incident.opened_at) / 60,
            incident.updates.last().map(|u| u.text.as_str()),
        );
        Some(
            Reply::new(text)
                .title(words::OUTAGE_TITLE)
                .tone(Tone::Warning)
                .choice(
                    Action::NotifyMe(incident.id.0),
                    words::NOTIFY_ME,
                    Style::Primary,
                )
                .choice(Action::Continue, words::HELP_ME_ANYWAY, Style::Secondary)
                .choice(Action::Escalate, words::TALK_TO_A_HUMAN, Style::Secondary),
        )
    }

    /// Notes that `user` landed on `article`; when that makes a crowd and no incident
    /// (suspected or active) covers the article, opens a suspected one and tells staff.
    pub(super) fn watch_crowd(
        &self,
        article: &str,
        user: &str,
        now: u64,
    ) -> Result<(), ServiceError> {
        let _one_at_a_time = self.incident_writes();
        let crossed = match self
            .store
            .land_in_crowd(&self.crowd_rule, article, user, now)
        {
            Ok(crossed) => crossed,
            // The signal is best effort: the user's message is answered all the same.
            Err(e) => {
                tracing::warn!(error = %e, article, "could not note a landing for the crowd signal");
                return Ok(());
            }
        };
        let Some(users) = crossed else {
            return Ok(());
        };
        let covered = self.store.incidents().into_iter().any(|i| {
            (i.state.is_active() || i.state == IncidentState::Suspected)
                && i.articles.iter().any(|a| a == article)
        });
        if covered {
            return Ok(());
        }
        let kb = self.knowledge.current();
        let title = kb
            .get(article)
            .map_or(article.to_string(), |a| a.title.clone());
        let minutes = self.crowd_rule.minutes;
        let mut incident = self.store.new_incident(|id| {
            let mut i = Incident::open(
                id,
                words::crowd_title(&title),
                Origin::Crowd {
                    article: article.to_string(),
                    users,
                },
                Vec::new(),
                vec![article.to_string()],
                now,
            );
            i.state = IncidentState::Suspected;
            i
        })?;
        let id = incident.id.to_string();
        let notice = Notification {
            key: format!("{id}/suspected"),
            ticket: None,
            event: NoticeEvent::IncidentSuspected {
                incident: id.clone(),
            },
            audience: Audience::Staff,
            text: words::crowd_notice(&id, users, &title, minutes),
            card: None,
            transcript: None,
        };
        incident.updated_at = now;
        self.store
            .save_incident_with_notices(&incident, vec![notice], now)?;
        self.outbox_wake().notify_one();
        tracing::warn!(incident = %id, article, users, "suspected incident (crowd signal)");
        Ok(())
    }

    /// Staff confirm a suspected incident: users landing on its article are told from now on.
    /// The open tickets the crowd filed on its article (see [`Self::link_the_crowd_s_tickets`])
    /// are linked to it first; returns the incident and those tickets.
    pub fn confirm_incident(
        &self,
        id: IncidentId,
        by: &str,
    ) -> Result<(Incident, Vec<TicketId>), ServiceError> {
        named(by)?;
        let _one_at_a_time = self.incident_writes();
        let mut incident = self.incident(id)?;
        incident.confirm(by, self.clock.now())?;
        // Linked before the incident is saved: a failure half-way leaves it suspected, and
        // confirming again links the rest.
        let linked = self.link_the_crowd_s_tickets(&incident)?;
        self.save_moved(&incident, false, true)?;
        Ok((incident, linked))
    }

    /// Links to `incident` every ticket still open whose latest escalation is about one of its
    /// articles, made since the crowd window before it opened, and linked to no incident: the
    /// users who made the crowd, and those who asked while it was only suspected (a ticket is
    /// linked as it is filed only to an incident going on). Their users then hear when it is
    /// over, and `incidents resolve --tickets` resolves them with it.
    fn link_the_crowd_s_tickets(&self, incident: &Incident) -> Result<Vec<TicketId>, ServiceError> {
        let since = incident
            .opened_at
            .saturating_sub(self.crowd_rule.minutes.saturating_mul(60));
        let about_it = |t: &Ticket| {
            t.status != Status::Resolved
                && t.summary().is_some_and(|s| {
                    s.incident.is_none()
                        && s.at >= since
                        && (s.article.as_ref()).is_some_and(|(a, _)| incident.articles.contains(a))
                })
        };
        let found: Vec<TicketId> = self
            .store
            .tickets()
            .filter(about_it)
            .map(|t| t.id)
            .collect();
        let link = crate::escalation::summary::LinkedIncident {
            id: incident.id.to_string(),
            title: incident.title.clone(),
        };
        let mut linked = Vec::new();
        for id in found {
            let ticket = self.store.update_ticket(id, self.clock.now(), &|t| {
                // Checked again inside the write: another process may have changed it.
                if about_it(t)
                    && let Some(s) = t.summaries.last_mut()
                {
                    s.incident = Some(link.clone());
                }
                Ok(Vec::new())
            })?;
            if (ticket.summary()).is_some_and(|s| s.incident.as_ref() == Some(&link)) {
                linked.push(id);
            }
        }
        if !linked.is_empty() {
            tracing::info!(incident = %incident.id, tickets = linked.len(), "linked the crowd's tickets");
        }
        Ok(linked)
    }

    /// Staff dismiss a suspected incident: closed; nobody was told.
    pub fn dismiss_incident(&self, id: IncidentId, by: &str) -> Result<Incident, ServiceError> {
        named(by)?;
        let _one_at_a_time = self.incident_writes();
        let mut incident = self.incident(id)?;
        incident.dismiss(by, self.clock.now())?;
        self.save_moved(&incident, false, false)?;
        Ok(incident)
    }

    /// "Notify me when it's fixed": incident `id`, and with it every other active incident
    /// that covers `article`, the problem the user is on (when `id` covers it too): the user
    /// was told of them together, and one choice lists them all.
    pub(super) fn subscribe(
        &self,
        user: &UserRef,
        id: IncidentId,
        article: Option<&str>,
    ) -> Result<Reply, ServiceError> {
        let incident = self.incident(id)?;
        if !incident.state.is_active() {
            return Ok(Reply::new(words::incident_already_over(&id.to_string())));
        }
        let mut ids = vec![id];
        if let Some(article) = article.filter(|a| incident.concerns(a)) {
            for other in self.store.active_incidents() {
                if other.concerns(article) && !ids.contains(&other.id) {
                    ids.push(other.id);
                }
            }
        }
        ids.sort();
        let now = self.clock.now();
        let mut added = false;
        for i in &ids {
            added |= self.store.subscribe(*i, user, now)?;
        }
        let names: Vec<String> = ids.iter().map(ToString::to_string).collect();
        Ok(if added {
            Reply::new(words::will_tell_you(&names)).tone(Tone::Success)
        } else {
            Reply::new(words::already_subscribed(&names))
        })
    }

    /// Saves an incident after a change, with what the change tells in the same write: the
    /// status message (unless `announce` is false: a suspected incident, or one dismissed, was
    /// never public) and, when it resolved the incident, every user who asked to hear the end.
    pub(super) fn save_moved(
        &self,
        incident: &Incident,
        was_active: bool,
        announce: bool,
    ) -> Result<(), ServiceError> {
        let now = self.clock.now();
        let id = incident.id.to_string();
        let mut notices = Vec::new();
        let resolved_now = was_active && incident.state == IncidentState::Resolved;
        // Tickets linked to it that are still open: their users hear the end of the outage too,
        // and staff's notice names them.
        let open_tickets: Vec<Ticket> = if resolved_now {
            (self.linked_tickets(incident.id).into_iter())
                .filter(|t| t.status != Status::Resolved)
                .collect()
        } else {
            Vec::new()
        };
        if announce && incident.state != IncidentState::Suspected {
            let mut text = words::incident_status_line(
                &id,
                incident.state,
                &incident.title,
                incident
                    .updates
                    .last()
                    .map(|u| (u.by.as_str(), u.text.as_str())),
            );
            if !open_tickets.is_empty() {
                let ids: Vec<String> = open_tickets.iter().map(|t| t.id.to_string()).collect();
                text.push(' ');
                text.push_str(&words::linked_tickets_still_open(&id, &ids));
            }
            notices.push(Notification {
                // One per change: the updates (and evidence) only grow.
                key: format!(
                    "{id}/status/{}-{}",
                    incident.updates.len(),
                    incident.state.word()
                ),
                ticket: None,
                event: NoticeEvent::IncidentStatus {
                    incident: id.clone(),
                },
                audience: Audience::Staff,
                text,
                card: None,
                transcript: None,
            });
        }
        if resolved_now {
            let note = (incident.updates.last())
                .map(|u| u.text.clone())
                .unwrap_or_default();
            let over = words::outage_over(&id, &incident.title, &note);
            // Each user once (one key per incident and user): those who asked, and those whose
            // ticket is linked to it.
            let mut told: Vec<String> = Vec::new();
            let asked = (self.store.incident_users(incident.id).into_iter())
                .filter(|u| u.subscribed)
                .map(|u| (u.user, None));
            let ticketed = (open_tickets.into_iter()).map(|t| (t.user, Some(t.id)));
            for (user, ticket) in asked.chain(ticketed) {
                if told.contains(&user.id) {
                    continue;
                }
                told.push(user.id.clone());
                notices.push(Notification {
                    key: format!("{id}/over/{}", user.id),
                    ticket,
                    event: NoticeEvent::IncidentOver {
                        incident: id.clone(),
                    },
                    text: over.clone(),
                    audience: Audience::User { user },
                    card: None,
                    transcript: None,
                });
            }
        }
        let queued = notices.len();
        self.store
            .save_incident_with_notices(incident, notices, now)?;
        if queued > 0 {
            tracing::info!(incident = %id, notices = queued, "incident change queued");
            self.outbox_wake().notify_one();
        }
        Ok(())
    }

    /// Declares an incident by hand: `title` is what users are told, `articles` the ones whose
    /// users are told (each must exist).
    pub fn declare_incident(
        &self,
        by: &str,
        title: &str,
        articles: &[String],
    ) -> Result<Incident, ServiceError> {
        named(by)?;
        let _one_at_a_time = self.incident_writes();
        if title.trim().is_empty() {
            return Err(Refusal::EmptyIncidentTitle.into());
        }
        let title = staff_text(title)?;
        if articles.is_empty() {
            return Err(Refusal::IncidentWithoutArticles.into());
        }
        let same_title = |i: &Incident| i.title.trim().eq_ignore_ascii_case(title.trim());
        if let Some(open) = self.store.active_incidents().into_iter().find(same_title) {
            return Err(Refusal::IncidentAlreadyOpen(open.id).into());
        }
        let kb = self.knowledge.current();
        let mut ids = Vec::new();
        for a in articles {
            let a = a.trim();
            if kb.get(a).is_none() {
                return Err(Refusal::UnknownArticle {
                    id: a.to_string(),
                    suggestions: kb.suggest(a, 3).iter().map(|s| s.to_string()).collect(),
                }
                .into());
            }
            if !ids.iter().any(|x| x == a) {
                ids.push(a.to_string());
            }
        }
        let now = self.clock.now();
        let incident = self.store.new_incident(|id| {
            Incident::open(
                id,
                title.clone(),
                Origin::Manual { by: by.to_string() },
                Vec::new(),
                ids.clone(),
                now,
            )
        })?;
        self.save_moved(&incident, false, true)?;
        tracing::warn!(incident = %incident.id, by, "incident declared");
        Ok(incident)
    }

    /// One incident, or a refusal naming the id.
    pub fn incident(&self, id: IncidentId) -> Result<Incident, ServiceError> {
        self.store
            .incident(id)?
            .ok_or_else(|| Refusal::UnknownIncident(id).into())
    }

    /// A staff update; the state stays.
    pub fn update_incident(
        &self,
        id: IncidentId,
        by: &str,
        text: &str,
    ) -> Result<Incident, ServiceError> {
        named(by)?;
        let _one_at_a_time = self.incident_writes();
        let mut incident = self.incident(id)?;
        incident.post_update(by, text, self.clock.now())?;
        self.save_moved(&incident, incident.state.is_active(), true)?;
        Ok(incident)
    }

    /// Refuses, before a resolve by hand, when a target of the active incident `id` still
    /// failed its last check ([`Refusal::StillFailing`], with that result and its time): users
    /// would be told "it is over" while the bot's own check sees the outage. The caller skips
    /// this when staff insist (`--force`). Fine for an incident no longer active (the resolve
    /// says so) and for one about no monitored target.
    pub fn refuse_resolve_while_failing(&self, id: IncidentId) -> Result<(), ServiceError> {
        let incident = self.incident(id)?;
        if !incident.state.is_active() {
            return Ok(());
        }
        let kb = self.knowledge.current();
        for target in &incident.targets {
            let Some(last) = self.store.recent_checks(target, 1).pop() else {
                continue;
            };
            if last.is_up() || !last.is_outage_signal() {
                continue;
            }
            let result = match last.status {
                Some(code) => format!("{} ({code})", last.verdict.word_for(last.status)),
                None => last.verdict.word().to_string(),
            };
            return Err(Refusal::StillFailing {
                id,
                target: target.clone(),
                result,
                at: crate::escalation::summary::rfc3339(last.at),
                needed: kb.target(target).map_or(2, |t| t.monitor.success_threshold),
            }
            .into());
        }
        Ok(())
    }

    /// Resolves an incident by hand, with an optional note for users.
    pub fn resolve_incident(
        &self,
        id: IncidentId,
        by: &str,
        note: Option<&str>,
    ) -> Result<Incident, ServiceError> {
        named(by)?;
        let _one_at_a_time = self.incident_writes();
        let mut incident = self.incident(id)?;
        let text = match note {
            Some(n) => staff_text(n)?,
            None => format!("Resolved by {by}."),
        };
        let was_active = incident.state.is_active();
        incident.transition(IncidentState::Resolved, by, text, self.clock.now())?;
        // A suspected incident resolved by hand was never public: nothing to announce.
        self.save_moved(&incident, was_active, was_active)?;
        Ok(incident)
    }

    /// Resolves an incident as staff ask (`incidents resolve`, `/incident resolve`): refused
    /// while a target still fails ([`Self::refuse_resolve_while_failing`]) unless `force`, and
    /// with its linked tickets when `tickets` (those resolved come back).
    pub async fn resolve_incident_by_hand(
        &self,
        id: IncidentId,
        by: &str,
        note: Option<&str>,
        tickets: bool,
        force: bool,
    ) -> Result<(Incident, Vec<TicketId>), ServiceError> {
        if !force {
            self.refuse_resolve_while_failing(id)?;
        }
        if tickets {
            self.resolve_incident_with_tickets(id, by, note).await
        } else {
            let (by, note) = (by.to_string(), note.map(str::to_string));
            let resolve = move |s: &Service| s.resolve_incident(id, &by, note.as_deref());
            Ok((self.off_the_workers(resolve).await??, Vec::new()))
        }
    }

    /// Tickets escalated while this incident concerned their article, newest first (found
    /// through the store's link index, not by reading every ticket).
    pub fn linked_tickets(&self, id: IncidentId) -> Vec<Ticket> {
        let mut linked = self.store.tickets_linked_to(&id.to_string());
        linked.reverse();
        linked
    }

    /// Resolves the incident and every linked ticket still open or claimed, with one note
    /// (each user is told as for any resolved ticket). The tickets go first, so a failure
    /// half-way leaves the incident open and running it again finishes the rest; an incident
    /// already resolved with linked tickets left open has those resolved. Returns the incident
    /// and the tickets resolved.
    pub async fn resolve_incident_with_tickets(
        &self,
        id: IncidentId,
        by: &str,
        note: Option<&str>,
    ) -> Result<(Incident, Vec<TicketId>), ServiceError> {
        let incident = self.incident(id)?;
        let note = note.map(staff_text).transpose()?;
        // Reads each linked ticket: off the async workers, as the resolve below.
        let open: Vec<Ticket> = self
            .off_the_workers(move |s| s.linked_tickets(id))
            .await?
            .into_iter()
            .filter(|t| t.status != Status::Resolved)
            .collect();
        if !incident.state.is_active() && open.is_empty() {
            return Err(crate::incident::IncidentRefusal::AlreadyResolved(id).into());
        }
        let ticket_note = note
            .clone()
            .unwrap_or_else(|| words::resolved_with_incident(&id.to_string()));
        let mut resolved = Vec::new();
        for t in open {
            self.act_on_ticket(
                t.id,
                by,
                StaffAction::Resolve {
                    note: Some(ticket_note.clone()),
                },
            )
            .await?;
            resolved.push(t.id);
        }
        let incident = if incident.state.is_active() {
            // Takes the incident lock and flushes: off the async workers.
            let by = by.to_string();
            let resolve = move |s: &Service| s.resolve_incident(id, &by, note.as_deref());
            self.off_the_workers(resolve).await??
        } else {
            incident
        };
        Ok((incident, resolved))
    }

    /// The status as a chat reply (`/status`): each target with its last verdict, uptime over
    /// 24 hours and mean latency, then what is going on.
    pub fn status_reply(&self) -> Reply {
        let report = self.status();
        let mut lines = Vec::new();
        for t in &report.targets {
            let last = match (&t.refused, &t.last) {
                (Some(_), _) => words::CANNOT_CHECK_TARGET,
                (None, Some(r)) => r.verdict.word_for(r.status),
                (None, None) => "not checked yet",
            };
            let day = &t.day;
            let not_counted = words::not_counted(day.not_counted - day.not_judged, day.not_judged);
            let uptime = match (day.uptime_percent, not_counted) {
                (Some(p), None) => format!(" · {p:.1}% up over 24 h"),
                (Some(p), Some(n)) => format!(" · {p:.1}% up over 24 h ({n})"),
                (None, None) => String::new(),
                (None, Some(n)) => format!(" · {n}"),
            };
            let latency = t
                .day
                .mean_latency_ms
                .map_or(String::new(), |ms| format!(" · {ms} ms"));
            lines.push(format!(
                "- **{}**: {last}{uptime}{latency}",
                crate::escalation::text::escape_markdown(&t.description)
            ));
        }
        if lines.is_empty() {
            lines.push(words::NO_TARGETS.to_string());
        }
        let mut reply = Reply::new(lines.join("\n")).title(words::STATUS_TITLE);
        let hours: Vec<_> = report
            .targets
            .iter()
            .map(|t| {
                crate::incident::chart::hours(
                    &self
                        .store
                        .history(&t.name, report.at.saturating_sub(86_400)),
                    report.at,
                )
            })
            .collect();
        if hours.iter().any(|h| h.uptime.iter().any(Option::is_some))
            && let Some(png) = crate::incident::chart::png(&hours)
        {
            reply = reply.image("status.png", png);
        }
        if report.incidents.is_empty() {
            reply = reply
                .field("Incidents", words::NO_INCIDENT)
                .tone(Tone::Success);
        } else {
            for i in &report.incidents {
                reply = reply.field(
                    format!("{} ({})", i.id, i.state.word()),
                    format!(
                        "Since {}: {}",
                        clock_time(i.opened_at),
                        crate::escalation::text::escape_markdown(&i.title)
                    ),
                );
            }
            reply = reply.tone(Tone::Warning);
        }
        reply
    }

    /// One incident as a chat reply, with its latest update.
    pub fn incident_reply(incident: &Incident) -> Reply {
        let mut reply = Reply::new(crate::escalation::text::escape_markdown(&incident.title))
            .title(format!("{} · {}", incident.id, incident.state.word()))
            .field("Since", clock_time(incident.opened_at));
        if !incident.articles.is_empty() {
            reply = reply.field("Articles", incident.articles.join(", "));
        }
        if let Some(u) = incident.updates.last() {
            reply = reply.field(
                "Latest update",
                format!(
                    "{} ({}): {}",
                    clock_time(u.at),
                    crate::escalation::text::escape_markdown(&u.by),
                    crate::escalation::text::escape_markdown(&u.text)
                ),
            );
        }
        reply
    }

    /// Every target's status now.
    pub fn status(&self) -> StatusReport {
        let now = self.clock.now();
        let kb = self.knowledge.current();
        let incidents = self.store.active_incidents();
        let targets = kb
            .targets()
            .iter()
            .map(|t| {
                let week = self.store.history(&t.name, now.saturating_sub(7 * 86_400));
                TargetStatus {
                    name: t.name.clone(),
                    description: t.description.clone(),
                    monitored: t.monitor.enabled,
                    interval_secs: t.monitor.interval_secs,
                    last: week.last().cloned(),
                    refused: self.store.refused_check(&t.name),
                    held: self.store.held(&t.name),
                    hour: window(&week, now.saturating_sub(3_600)),
                    day: window(&week, now.saturating_sub(86_400)),
                    week: window(&week, 0),
                    incident: incidents
                        .iter()
                        .find(|i| i.targets.contains(&t.name))
                        .map(|i| i.id.to_string()),
                }
            })
            .collect();
        StatusReport {
            at: now,
            targets,
            incidents,
        }
    }
}

/// The incidents among `active` that are about `target`: by their checks (the monitor's), or
/// by the articles they concern when one of those checks it (one staff declared). A check of
/// it that passes does not clear them. Oldest first.
pub fn incidents_about_target<'a>(
    active: &'a [Incident],
    kb: &crate::knowledge::KnowledgeBase,
    target: &str,
) -> Vec<&'a Incident> {
    let mut about: Vec<&Incident> = active
        .iter()
        .filter(|i| {
            i.targets.iter().any(|t| t == target)
                || (i.articles.iter())
                    .filter_map(|a| kb.get(a))
                    .any(|a| a.checks.iter().any(|c| c == target))
        })
        .collect();
    about.sort_by_key(|i| i.id);
    about
}

/// Refuses a staff action by no one (`--by ""`): the history must say who.
fn named(by: &str) -> Result<(), ServiceError> {
    if by.trim().is_empty() {
        return Err(Refusal::NoStaffName.into());
    }
    Ok(())
}
