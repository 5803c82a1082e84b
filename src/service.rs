//! The engine with its edges attached: sessions loaded from and saved to the store, effects
//! (live checks, escalation) carried out. Adapters call [`Service::handle`].

use crate::conversation::{self, Effect, Event};
use crate::knowledge::Knowledge;
use crate::reply::{Action, Reply, Style, Tone};
use crate::session::{Session, Stage, UserRef};
use crate::store::{Store, StoreError};
use std::sync::Arc;

/// Wall-clock time in unix seconds. Injected so tests control time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> u64;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }
}

/// Shared, cheap-to-clone handle on everything a conversation needs.
#[derive(Clone, Debug)]
pub struct Service {
    pub knowledge: Arc<Knowledge>,
    pub store: Store,
    pub clock: Arc<dyn Clock>,
}

impl Service {
    pub fn new(knowledge: Arc<Knowledge>, store: Store) -> Self {
        Service {
            knowledge,
            store,
            clock: Arc::new(SystemClock),
        }
    }

    pub fn session(&self, user: &UserRef) -> Result<Session, StoreError> {
        let now = self.clock.now();
        Ok(match self.store.load_session(&user.id)? {
            Some(mut s) => {
                // Names and channels change; the id is the key.
                s.user.name = user.name.clone();
                s.user.channel = user.channel.clone();
                s
            }
            None => Session::new(user.clone(), now),
        })
    }

    /// Handles one user event end to end and returns what to show.
    pub async fn handle(&self, user: &UserRef, event: Event) -> Result<Vec<Reply>, StoreError> {
        let kb = self.knowledge.current();
        let mut session = self.session(user)?;
        let now = self.clock.now();
        let output = conversation::handle(&kb, &mut session, event, now);
        let mut replies = output.replies;
        for effect in output.effects {
            match effect {
                Effect::Check { targets } => {
                    replies.extend(self.run_checks(&mut session, targets).await)
                }
                Effect::Escalate => replies.extend(self.escalate(&mut session, None).await?),
            }
        }
        self.store.save_session(&session)?;
        Ok(replies)
    }

    async fn run_checks(&self, _session: &mut Session, _targets: Vec<String>) -> Vec<Reply> {
        vec![Reply::new("Live checks are not set up on this bot yet.").tone(Tone::Warning)]
    }

    /// Hands the conversation to a human.
    pub async fn escalate(
        &self,
        session: &mut Session,
        _note: Option<String>,
    ) -> Result<Vec<Reply>, StoreError> {
        session.stage = Stage::Escalated;
        Ok(vec![
            Reply::new("Escalation to the support team is not set up on this bot yet.")
                .tone(Tone::Warning)
                .choice(Action::Restart, "Start over", Style::Secondary),
        ])
    }
}
