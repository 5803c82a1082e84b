//! How a session is stored: the layout sessions have always had in the store (a flat JSON object
//! with a `state` tag and a separate `article`), so sessions saved by earlier versions load.

use super::{
    AnsweredQuestion, Asked, Attempt, CheckRecord, EarlierProblem, ScoredArticle, Session, Stage,
    UserRef,
};
use crate::browser::Browser;
use crate::ids::TicketId;
use serde::{Deserialize, Serialize};

/// The stage as stored: its tag only; the article is stored beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub(super) enum StoredStage {
    Idle,
    ChoosingArticle { candidates: Vec<String> },
    ChoosingBrowser,
    AwaitingFeedback,
    OutOfSolutions,
    Fixed,
    Escalated,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct StoredSession {
    user: UserRef,
    started_at: u64,
    updated_at: u64,
    #[serde(flatten)]
    stage: StoredStage,
    descriptions: Vec<String>,
    /// Written only when some were left out, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "is_zero")]
    descriptions_left_out: usize,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    asides: Vec<String>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    answered: Vec<AnsweredQuestion>,
    matches: Vec<ScoredArticle>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    walked_matches: Vec<ScoredArticle>,
    article: Option<String>,
    browser: Option<Browser>,
    #[serde(default)]
    other_browser: bool,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    safari_unsure: bool,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    told_safari: bool,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device: Option<crate::device::Device>,
    next_solution: usize,
    attempts: Vec<Attempt>,
    #[serde(default)]
    checks: Vec<CheckRecord>,
    #[serde(default)]
    ticket: Option<TicketId>,
    #[serde(default)]
    attempt_base: usize,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    asked: Option<Asked>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    earlier: Vec<EarlierProblem>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    list_from: Option<usize>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    also_named: Option<ScoredArticle>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    also_named_later: Vec<ScoredArticle>,
    /// Written only when set, so sessions without it keep their stored layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offered_after_fix: Option<ScoredArticle>,
}

impl From<Session> for StoredSession {
    fn from(s: Session) -> Self {
        let article = s.article().map(str::to_string);
        let stage = match s.stage {
            Stage::Idle => StoredStage::Idle,
            Stage::ChoosingArticle { candidates } => StoredStage::ChoosingArticle { candidates },
            Stage::ChoosingBrowser { .. } => StoredStage::ChoosingBrowser,
            Stage::AwaitingFeedback { .. } => StoredStage::AwaitingFeedback,
            Stage::OutOfSolutions { .. } => StoredStage::OutOfSolutions,
            Stage::Fixed { .. } => StoredStage::Fixed,
            Stage::Escalated { .. } => StoredStage::Escalated,
        };
        StoredSession {
            user: s.user,
            started_at: s.started_at,
            updated_at: s.updated_at,
            stage,
            descriptions: s.descriptions,
            descriptions_left_out: s.descriptions_left_out,
            asides: s.asides,
            answered: s.answered,
            matches: s.matches,
            walked_matches: s.walked_matches,
            article,
            browser: s.browser,
            other_browser: s.other_browser,
            safari_unsure: s.safari_unsure,
            told_safari: s.told_safari,
            device: s.device,
            next_solution: s.next_solution,
            attempts: s.attempts,
            checks: s.checks,
            ticket: s.ticket,
            attempt_base: s.attempt_base,
            asked: s.asked,
            earlier: s.earlier,
            list_from: s.list_from,
            also_named: s.also_named,
            also_named_later: s.also_named_later,
            offered_after_fix: s.offered_after_fix,
        }
    }
}

impl From<StoredSession> for Session {
    /// A stored walk without its article (never written, but possible in a hand-edited or
    /// damaged row) has nothing to walk through: it resumes as idle, keeping the rest.
    fn from(s: StoredSession) -> Self {
        let stage = match (s.stage, s.article) {
            (StoredStage::Idle, _) => Stage::Idle,
            (StoredStage::ChoosingArticle { candidates }, _) => {
                Stage::ChoosingArticle { candidates }
            }
            (StoredStage::Escalated, article) => Stage::Escalated { article },
            (StoredStage::ChoosingBrowser, Some(article)) => Stage::ChoosingBrowser { article },
            (StoredStage::AwaitingFeedback, Some(article)) => Stage::AwaitingFeedback { article },
            (StoredStage::OutOfSolutions, Some(article)) => Stage::OutOfSolutions { article },
            (StoredStage::Fixed, Some(article)) => Stage::Fixed { article },
            (_, None) => Stage::Idle,
        };
        Session {
            user: s.user,
            started_at: s.started_at,
            updated_at: s.updated_at,
            stage,
            descriptions: s.descriptions,
            descriptions_left_out: s.descriptions_left_out,
            asides: s.asides,
            answered: s.answered,
            matches: s.matches,
            walked_matches: s.walked_matches,
            browser: s.browser,
            other_browser: s.other_browser,
            safari_unsure: s.safari_unsure,
            told_safari: s.told_safari,
            device: s.device,
            device_before: s.device,
            next_solution: s.next_solution,
            attempts: s.attempts,
            checks: s.checks,
            ticket: s.ticket,
            ticket_open: false,
            ticket_says_it_works: false,
            list_described: None,
            list_from: s.list_from,
            also_named: s.also_named,
            also_named_later: s.also_named_later,
            offered_after_fix: s.offered_after_fix,
            attempt_base: s.attempt_base,
            asked: s.asked,
            earlier: s.earlier,
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session exactly as an earlier version stored it.
    const STORED: &str = r#"{"user":{"id":"42","name":"Ann","channel":"7"},"started_at":10,"updated_at":20,
        "state":"awaiting-feedback","descriptions":["502 bad gateway"],"matches":[],
        "article":"quickbooks-error-502","browser":"chrome","other_browser":false,"next_solution":1,
        "attempts":[{"article":"quickbooks-error-502","solution":0,"title":"Reload","browser":"chrome",
        "outcome":null,"at":20}],"checks":[],"ticket":"T-0003","attempt_base":0}"#;

    #[test]
    fn sessions_stored_by_earlier_versions_load_and_store_the_same_way() {
        let s: Session = serde_json::from_str(STORED).unwrap();
        assert_eq!(
            s.stage,
            Stage::AwaitingFeedback {
                article: "quickbooks-error-502".into()
            }
        );
        assert_eq!(s.ticket, Some(TicketId(3)));
        let again = serde_json::to_value(&s).unwrap();
        let before: serde_json::Value = serde_json::from_str(STORED).unwrap();
        assert_eq!(again, before, "the stored layout is unchanged");
    }

    #[test]
    fn a_walk_stored_without_its_article_resumes_idle() {
        let broken = STORED.replace(
            r#""article":"quickbooks-error-502","browser""#,
            r#""article":null,"browser""#,
        );
        let s: Session = serde_json::from_str(&broken).unwrap();
        assert_eq!(s.stage, Stage::Idle);
    }
}
