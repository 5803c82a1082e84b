//! The crowd signal: when many different users land on the same article within a few minutes
//! while no probe sees anything, it may be an outage no probe watches. Staff get a suspected
//! incident to confirm or dismiss; users are not told until staff confirm. Pure: a sliding
//! window per article.

use std::collections::{HashMap, VecDeque};

/// How many distinct users within how many minutes make a crowd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrowdRule {
    pub users: usize,
    pub minutes: u64,
}

impl Default for CrowdRule {
    /// Five different users on one article within fifteen minutes: more than a normal day's
    /// share of one problem for a community, few enough to catch an outage in its first minutes.
    fn default() -> Self {
        CrowdRule {
            users: 5,
            minutes: 15,
        }
    }
}

/// Who landed on which article when, over the last window.
#[derive(Debug, Default)]
pub struct Crowd {
    landings: HashMap<String, VecDeque<(u64, String)>>,
}

impl Crowd {
    /// Notes that `user` landed on `article` at `at`; returns how many distinct users did
    /// within the rule's window when that reaches the rule's count (once per crossing: the
    /// window is cleared so the same crowd does not signal again and again).
    pub fn land(&mut self, rule: &CrowdRule, article: &str, user: &str, at: u64) -> Option<usize> {
        let since = at.saturating_sub(rule.minutes * 60);
        let window = self.landings.entry(article.to_string()).or_default();
        window.retain(|(t, _)| *t >= since && *t <= at);
        window.push_back((at, user.to_string()));
        let mut users: Vec<&str> = window.iter().map(|(_, u)| u.as_str()).collect();
        users.sort_unstable();
        users.dedup();
        let distinct = users.len();
        if distinct >= rule.users {
            window.clear();
            return Some(distinct);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_users_within_the_window_make_a_crowd_once() {
        let rule = CrowdRule {
            users: 3,
            minutes: 10,
        };
        let mut crowd = Crowd::default();
        assert_eq!(crowd.land(&rule, "a", "u1", 0), None);
        assert_eq!(
            crowd.land(&rule, "a", "u1", 10),
            None,
            "one user twice is one"
        );
        assert_eq!(crowd.land(&rule, "b", "u2", 20), None, "another article");
        assert_eq!(crowd.land(&rule, "a", "u2", 30), None);
        assert_eq!(crowd.land(&rule, "a", "u3", 40), Some(3));
        assert_eq!(crowd.land(&rule, "a", "u4", 50), None, "signalled once");
        // Old landings fall out of the window.
        let mut late = Crowd::default();
        late.land(&rule, "a", "u1", 0);
        late.land(&rule, "a", "u2", 0);
        assert_eq!(late.land(&rule, "a", "u3", 601), None);
    }
}
