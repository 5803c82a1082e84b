//! The crowd signal: when many different users land on the same article within a few minutes
//! while no probe sees anything, it may be an outage no probe watches. Staff get a suspected
//! incident to confirm or dismiss; users are not told until staff confirm. The rule; the
//! window is kept on disk (`Store::land_in_crowd`), so every process counts toward it.

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
