//! The crowd signal's window on disk: who landed on which article when, so every process that
//! uses the data directory (the bot, one-shot `escalate` calls from a web form, a console
//! started again) counts toward the same window, and a restart does not empty it.

use super::codec::{be, from_be};
use super::{Store, StoreError};
use crate::incident::crowd::CrowdRule;

/// Article id, a zero byte, user id: neither holds a zero byte.
fn crowd_key(article: &str, user: &str) -> Vec<u8> {
    let mut key = article_prefix(article);
    key.extend_from_slice(user.as_bytes());
    key
}

fn article_prefix(article: &str) -> Vec<u8> {
    let mut key = article.as_bytes().to_vec();
    key.push(0);
    key
}

/// The user id in a crowd key.
pub(super) fn crowd_key_user(key: &[u8]) -> &[u8] {
    key.iter()
        .position(|b| *b == 0)
        .map_or(&[][..], |at| &key[at + 1..])
}

impl Store {
    /// Notes that `user` landed on `article` at `at` (unix seconds); returns how many distinct
    /// users did within `rule`'s window when that reaches the rule's count, once per crossing
    /// (the article's window is then emptied, so the same crowd does not signal again and
    /// again). Landings older than the window, on any article, are dropped as it goes.
    pub fn land_in_crowd(
        &self,
        rule: &CrowdRule,
        article: &str,
        user: &str,
        at: u64,
    ) -> Result<Option<usize>, StoreError> {
        let since = at.saturating_sub(rule.minutes.saturating_mul(60));
        let prefix = article_prefix(article);
        let key = crowd_key(article, user);
        let mut batch = sled::Batch::default();
        let mut others = Vec::new();
        for row in self.crowd.iter() {
            let (k, v) = row.map_err(|e| self.error(e))?;
            if from_be(&v) < since {
                batch.remove(k);
            } else if k.starts_with(&prefix) && k != key {
                others.push(k);
            }
        }
        let distinct = others.len() + 1;
        if distinct >= rule.users {
            for k in others {
                batch.remove(k);
            }
            batch.remove(key);
            self.crowd.apply_batch(batch).map_err(|e| self.error(e))?;
            return Ok(Some(distinct));
        }
        batch.insert(key, &be(at));
        self.crowd.apply_batch(batch).map_err(|e| self.error(e))?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_users_within_the_window_make_a_crowd_once_and_a_reopened_store_still_counts() {
        let rule = CrowdRule {
            users: 3,
            minutes: 10,
        };
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.land_in_crowd(&rule, "a", "u1", 0).unwrap(), None);
        assert_eq!(
            store.land_in_crowd(&rule, "a", "u1", 10).unwrap(),
            None,
            "one user twice is one"
        );
        assert_eq!(
            store.land_in_crowd(&rule, "b", "u2", 20).unwrap(),
            None,
            "another article"
        );
        assert_eq!(store.land_in_crowd(&rule, "a", "u2", 30).unwrap(), None);
        // Another process (a one-shot `escalate`) counts toward the same window.
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.land_in_crowd(&rule, "a", "u3", 40).unwrap(), Some(3));
        assert_eq!(
            store.land_in_crowd(&rule, "a", "u4", 50).unwrap(),
            None,
            "signalled once"
        );
        // Old landings fall out of the window, and out of the table.
        let dir = tempfile::tempdir().unwrap();
        let late = Store::open(dir.path()).unwrap();
        late.land_in_crowd(&rule, "a", "u1", 0).unwrap();
        late.land_in_crowd(&rule, "b", "u2", 0).unwrap();
        assert_eq!(late.land_in_crowd(&rule, "a", "u3", 601).unwrap(), None);
        assert_eq!(late.crowd.len(), 1, "only the fresh landing is kept");
    }

    #[test]
    fn the_user_is_read_back_from_a_key() {
        assert_eq!(
            crowd_key_user(&crowd_key("bank-feed", "discord:42")),
            b"discord:42"
        );
    }
}
