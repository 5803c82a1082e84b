//! The incident tables: incidents by number, and each target's check history (key: target,
//! a zero byte, the time and a sequence, so one target's records are one ordered range).

use super::codec::{be, decode, decode_or_skip, from_be, to_json};
use super::{Store, StoreError};
use crate::incident::history::{CheckRecord, HeldJudgement, RefusedCheck};
use crate::incident::{Incident, IncidentId};
use crate::session::UserRef;
use serde::{Deserialize, Serialize};

/// What one user knows of one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentUser {
    pub user: UserRef,
    /// When they were first told about it.
    pub told_at: u64,
    /// They asked to be told when it is over.
    #[serde(default)]
    pub subscribed: bool,
}

fn incident_user_key(id: IncidentId, user: &str) -> Vec<u8> {
    let mut key = be(u64::from(id.0)).to_vec();
    key.extend_from_slice(user.as_bytes());
    key
}
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

impl Store {
    /// Opens a new incident: `make` gets the next id. One transaction, so two processes never
    /// hand out one id twice.
    pub fn new_incident(
        &self,
        make: impl Fn(IncidentId) -> Incident,
    ) -> Result<Incident, StoreError> {
        let made = (&self.meta, &self.incidents)
            .transaction(|(meta, incidents)| {
                let n = meta.get(b"incident_seq")?.map(|v| from_be(&v)).unwrap_or(0) + 1;
                meta.insert(b"incident_seq", &be(n))?;
                let id = IncidentId(u32::try_from(n).unwrap_or(u32::MAX));
                let incident = make(id);
                incidents.insert(&be(n), to_json(&incident))?;
                Ok::<_, ConflictableTransactionError<()>>(incident)
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => self.error(e),
                sled::transaction::TransactionError::Abort(()) => {
                    self.unreadable("incident transaction aborted".into())
                }
            });
        self.forget_active_incidents();
        made
    }

    /// Writes an incident back with the notifications its change sends, in one transaction:
    /// both are on disk, or neither (so a crash never loses or repeats the end of an outage).
    pub fn save_incident_with_notices(
        &self,
        incident: &Incident,
        notices: Vec<crate::escalation::notify::Notification>,
        now: u64,
    ) -> Result<(), StoreError> {
        let saved = (&self.meta, &self.incidents, &self.outbox)
            .transaction(|(meta, incidents, outbox)| {
                incidents.insert(&be(u64::from(incident.id.0)), to_json(incident))?;
                super::outbox::enqueue::<()>(meta, outbox, notices.clone(), now)?;
                Ok(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => self.error(e),
                sled::transaction::TransactionError::Abort(()) => {
                    self.unreadable("incident transaction aborted".into())
                }
            });
        self.forget_active_incidents();
        saved
    }

    /// Writes an incident back after a change.
    pub fn save_incident(&self, incident: &Incident) -> Result<(), StoreError> {
        let saved = self
            .incidents
            .insert(be(u64::from(incident.id.0)), to_json(incident));
        self.forget_active_incidents();
        saved.map_err(|e| self.error(e))?;
        Ok(())
    }

    /// One incident; an unreadable one is an error naming it.
    pub fn incident(&self, id: IncidentId) -> Result<Option<Incident>, StoreError> {
        match self
            .incidents
            .get(be(u64::from(id.0)))
            .map_err(|e| self.error(e))?
        {
            None => Ok(None),
            Some(v) => decode("incidents", &id, &v)
                .map(Some)
                .map_err(|d| self.unreadable(d)),
        }
    }

    /// Every readable incident, newest first.
    pub fn incidents(&self) -> Vec<Incident> {
        self.incidents
            .iter()
            .rev()
            .filter_map(|r| match r {
                Ok((k, v)) => decode_or_skip("incidents", &k, &v),
                Err(e) => {
                    tracing::warn!(error = %e, "incidents table unreadable");
                    None
                }
            })
            .collect()
    }

    /// Open or monitoring incidents, newest first. Read from the table the first time after
    /// an incident was written, from memory after that.
    pub fn active_incidents(&self) -> Vec<Incident> {
        // A panic while the cache was held leaves at worst a stale entry: start afresh.
        let mut cached = self
            .active_incidents
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(active) = cached.as_ref() {
            return active.clone();
        }
        let active: Vec<Incident> = self
            .incidents()
            .into_iter()
            .filter(|i| i.state.is_active())
            .collect();
        *cached = Some(active.clone());
        active
    }

    /// Drops the remembered active incidents; called after every incident write. A reader
    /// holds the lock while it reads the table and remembers what it read, so one racing the
    /// write is either done before this runs (and forgotten here) or reads the new table.
    fn forget_active_incidents(&self) {
        *self
            .active_incidents
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    /// Appends one check to its target's history.
    pub fn record_check(&self, record: &CheckRecord) -> Result<(), StoreError> {
        let seq = self.next_id()?;
        let mut key = history_prefix(&record.target);
        key.extend_from_slice(&be(record.at));
        key.extend_from_slice(&be(seq));
        self.history
            .insert(key, to_json(record))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Keeps `refused` as its target's latest refused check (replacing any older one).
    pub fn note_refused_check(&self, refused: &RefusedCheck) -> Result<(), StoreError> {
        self.meta
            .insert(refused_key(&refused.target), to_json(refused))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Forgets `target`'s refused check: a check of it ran.
    pub fn clear_refused_check(&self, target: &str) -> Result<(), StoreError> {
        self.meta
            .remove(refused_key(target))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// `target`'s refused check, when its latest monitor check could not run.
    pub fn refused_check(&self, target: &str) -> Option<RefusedCheck> {
        let key = refused_key(target);
        match self.meta.get(&key) {
            Ok(Some(v)) => decode_or_skip("meta", &key, &v),
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "meta table unreadable");
                None
            }
        }
    }

    /// Keeps `held` as its target's latest held judgement (replacing any older one).
    pub fn note_held(&self, held: &HeldJudgement) -> Result<(), StoreError> {
        self.meta
            .insert(held_key(&held.target), to_json(held))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Forgets `target`'s held judgement: a round judged it.
    pub fn clear_held(&self, target: &str) -> Result<(), StoreError> {
        self.meta
            .remove(held_key(target))
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    /// `target`'s held judgement, when the latest round could not judge it.
    pub fn held(&self, target: &str) -> Option<HeldJudgement> {
        let key = held_key(target);
        match self.meta.get(&key) {
            Ok(Some(v)) => decode_or_skip("meta", &key, &v),
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "meta table unreadable");
                None
            }
        }
    }

    /// `target`'s checks from `since` on, oldest first.
    pub fn history(&self, target: &str, since: u64) -> Vec<CheckRecord> {
        let prefix = history_prefix(target);
        let mut start = prefix.clone();
        start.extend_from_slice(&be(since));
        let mut end = prefix;
        end.extend_from_slice(&be(u64::MAX));
        end.push(0xff);
        self.history
            .range(start..end)
            .filter_map(|r| match r {
                Ok((k, v)) => decode_or_skip("history", &k, &v),
                Err(e) => {
                    tracing::warn!(error = %e, "history table unreadable");
                    None
                }
            })
            .collect()
    }

    /// The last `n` checks of `target`, oldest first.
    pub fn recent_checks(&self, target: &str, n: usize) -> Vec<CheckRecord> {
        let prefix = history_prefix(target);
        let mut recent: Vec<CheckRecord> = self
            .history
            .scan_prefix(prefix)
            .rev()
            .take(n)
            .filter_map(|r| match r {
                Ok((k, v)) => decode_or_skip("history", &k, &v),
                Err(_) => None,
            })
            .collect();
        recent.reverse();
        recent
    }

    /// Removes checks older than `before` (retention). Returns how many went.
    pub fn prune_history(&self, before: u64) -> Result<usize, StoreError> {
        let mut gone = 0;
        for r in self.history.iter() {
            let (k, v) = r.map_err(|e| self.error(e))?;
            let old =
                decode_or_skip::<CheckRecord>("history", &k, &v).is_none_or(|rec| rec.at < before);
            if old {
                self.history.remove(k).map_err(|e| self.error(e))?;
                gone += 1;
            }
        }
        Ok(gone)
    }
}

impl Store {
    /// Notes that `user` was told about incident `id`; true the first time (so each user is
    /// told once).
    pub fn mark_told(&self, id: IncidentId, user: &UserRef, at: u64) -> Result<bool, StoreError> {
        let key = incident_user_key(id, &user.id);
        let row = IncidentUser {
            user: user.clone(),
            told_at: at,
            subscribed: false,
        };
        let first = self
            .incident_users
            .compare_and_swap(&key, None as Option<&[u8]>, Some(to_json(&row)))
            .map_err(|e| self.error(e))?
            .is_ok();
        if first {
            // Flushed: after a crash, a user told of the outage is not told again.
            self.flush()?;
        }
        Ok(first)
    }

    /// Subscribes `user` to the end of incident `id`; false when they already were.
    pub fn subscribe(&self, id: IncidentId, user: &UserRef, at: u64) -> Result<bool, StoreError> {
        let key = incident_user_key(id, &user.id);
        let old = self.incident_users.get(&key).map_err(|e| self.error(e))?;
        let mut row = old
            .as_ref()
            .and_then(|v| decode_or_skip::<IncidentUser>("incident_users", &key, v))
            .unwrap_or(IncidentUser {
                user: user.clone(),
                told_at: at,
                subscribed: false,
            });
        if row.subscribed {
            return Ok(false);
        }
        row.subscribed = true;
        row.user = user.clone();
        self.incident_users
            .insert(key, to_json(&row))
            .map_err(|e| self.error(e))?;
        // Flushed before the user hears "I'll tell you": a crash right after cannot forget it.
        self.flush()?;
        Ok(true)
    }

    /// Whether `user` asked to be told when incident `id` is over.
    pub fn is_subscribed(&self, id: IncidentId, user: &str) -> bool {
        let key = incident_user_key(id, user);
        match self.incident_users.get(&key) {
            Ok(Some(v)) => decode_or_skip::<IncidentUser>("incident_users", &key, &v)
                .is_some_and(|row| row.subscribed),
            Ok(None) => false,
            Err(e) => {
                tracing::warn!(error = %e, "could not read an incident's users; taken as not asked");
                false
            }
        }
    }

    /// Everyone told about incident `id` (subscribed or not).
    pub fn incident_users(&self, id: IncidentId) -> Vec<IncidentUser> {
        self.incident_users
            .scan_prefix(be(u64::from(id.0)))
            .filter_map(|r| match r {
                Ok((k, v)) => decode_or_skip("incident_users", &k, &v),
                Err(_) => None,
            })
            .collect()
    }
}

/// In the meta table, beside the counters: `refused_check`, a zero byte, the target.
fn refused_key(target: &str) -> Vec<u8> {
    let mut key = b"refused_check\0".to_vec();
    key.extend_from_slice(target.as_bytes());
    key
}

/// In the meta table: `held_judgement`, a zero byte, the target.
fn held_key(target: &str) -> Vec<u8> {
    let mut key = b"held_judgement\0".to_vec();
    key.extend_from_slice(target.as_bytes());
    key
}

fn history_prefix(target: &str) -> Vec<u8> {
    let mut key = target.as_bytes().to_vec();
    key.push(0);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{IncidentState, Origin};
    use crate::probe::Verdict;

    fn rec(target: &str, at: u64, verdict: Verdict) -> CheckRecord {
        CheckRecord {
            at,
            target: target.into(),
            verdict,
            status: None,
            latency_ms: 1,
            detail: String::new(),
            held: false,
        }
    }

    /// Declares an incident by hand in `store`.
    fn declare(store: &Store, title: &str, at: u64) -> Incident {
        store
            .new_incident(|id| {
                Incident::open(
                    id,
                    title.into(),
                    Origin::Manual { by: "sam".into() },
                    vec![],
                    vec!["x".into()],
                    at,
                )
            })
            .unwrap()
    }

    /// The remembered active incidents follow every write: opened, resolved, saved with
    /// notices, through any clone of the store.
    #[test]
    fn active_incidents_follow_every_write() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let reader = store.clone();
        assert!(reader.active_incidents().is_empty());
        let open = |title: &str| declare(&store, title, 10);
        let mut first = open("a");
        assert_eq!(reader.active_incidents().len(), 1, "a new one is seen");
        open("b");
        assert_eq!(reader.active_incidents().len(), 2);
        first
            .transition(IncidentState::Resolved, "sam", "done".into(), 20)
            .unwrap();
        store
            .save_incident_with_notices(&first, Vec::new(), 20)
            .unwrap();
        let active = reader.active_incidents();
        assert_eq!(active.len(), 1, "a resolved one is gone");
        assert_eq!(active[0].title, "b");
        let mut second = active[0].clone();
        second
            .transition(IncidentState::Resolved, "sam", "done".into(), 30)
            .unwrap();
        store.save_incident(&second).unwrap();
        assert!(reader.active_incidents().is_empty());
    }

    #[test]
    fn incidents_get_increasing_ids_and_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            for title in ["a", "b"] {
                declare(&store, title, 10);
            }
            let mut second = store.incident(IncidentId(2)).unwrap().unwrap();
            second
                .transition(IncidentState::Resolved, "sam", "done".into(), 20)
                .unwrap();
            store.save_incident(&second).unwrap();
            store.flush().unwrap();
        }
        // sled's background threads let go of the lock a moment after the drop.
        let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
        let all = store.incidents();
        assert_eq!(
            all.iter().map(|i| i.id.to_string()).collect::<Vec<_>>(),
            ["I-0002", "I-0001"]
        );
        assert_eq!(store.active_incidents().len(), 1);
        let third = store
            .new_incident(|id| {
                Incident::open(
                    id,
                    "c".into(),
                    Origin::Manual { by: "s".into() },
                    vec![],
                    vec![],
                    30,
                )
            })
            .unwrap();
        assert_eq!(third.id, IncidentId(3));
    }

    #[test]
    fn each_user_is_told_once_and_subscribes_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let ann = UserRef {
            id: "ann".into(),
            name: "Ann".into(),
            channel: "c".into(),
        };
        assert!(store.mark_told(IncidentId(1), &ann, 10).unwrap());
        assert!(!store.mark_told(IncidentId(1), &ann, 11).unwrap());
        assert!(store.mark_told(IncidentId(2), &ann, 12).unwrap());
        assert!(store.subscribe(IncidentId(1), &ann, 13).unwrap());
        assert!(!store.subscribe(IncidentId(1), &ann, 14).unwrap());
        let users = store.incident_users(IncidentId(1));
        assert_eq!(users.len(), 1);
        assert!(users[0].subscribed);
        assert_eq!(users[0].told_at, 10);
    }

    #[test]
    fn history_is_per_target_ordered_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for at in [30, 10, 20] {
            store.record_check(&rec("a", at, Verdict::Up)).unwrap();
        }
        store
            .record_check(&rec("ab", 15, Verdict::Timeout))
            .unwrap();
        let a: Vec<u64> = store.history("a", 0).iter().map(|r| r.at).collect();
        assert_eq!(a, [10, 20, 30], "one target's own records, in time order");
        assert_eq!(store.history("a", 20).len(), 2);
        assert_eq!(
            store
                .recent_checks("a", 2)
                .iter()
                .map(|r| r.at)
                .collect::<Vec<_>>(),
            [20, 30]
        );
        assert_eq!(store.prune_history(20).unwrap(), 2);
        assert_eq!(store.history("a", 0).len(), 2);
        assert!(store.history("ab", 0).is_empty());
    }
}
