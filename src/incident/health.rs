//! Whether a target is down for everyone, from its recent checks, with hysteresis: a target
//! that flaps between good and bad never opens an incident (it takes `failure_threshold` bad
//! checks in a row), and an open one never closes on one good check (it takes
//! `success_threshold` good ones in a row; a bad one in between sends it back to open).

use super::IncidentState;
use crate::knowledge::endpoints::Monitoring;

/// What one new check means for a target's incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Enough bad checks in a row with no incident: open one.
    Down,
    /// Open, and this check was good: watch it (monitoring).
    Recovering,
    /// Monitoring, and this check was bad: open again.
    Relapsed,
    /// Enough good checks in a row: resolve.
    Recovered,
}

impl Change {
    /// What it did to the incident, in one word.
    pub fn word(self) -> &'static str {
        match self {
            Change::Down => "opened",
            Change::Recovering => "monitoring",
            Change::Relapsed => "reopened",
            Change::Recovered => "resolved",
        }
    }
}

/// The streaks at the end of a target's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streak {
    /// Bad checks in a row at the end (0 when the last was good).
    pub bad: u32,
    /// Good checks in a row at the end (0 when the last was bad).
    pub good: u32,
}

impl Streak {
    /// The streaks of a history given oldest first, as up/down.
    pub fn of(ups: impl DoubleEndedIterator<Item = bool>) -> Streak {
        let mut streak = Streak::default();
        let mut ups = ups.rev();
        let Some(last) = ups.next() else {
            return streak;
        };
        let n = 1 + ups.take_while(|u| *u == last).count() as u32;
        if last {
            streak.good = n;
        } else {
            streak.bad = n;
        }
        streak
    }
}

/// What the streaks after a check (the check included) mean for the target's incident in
/// `state` (`None`: no active incident).
pub fn judge(streak: Streak, state: Option<IncidentState>, m: &Monitoring) -> Option<Change> {
    let active = state.filter(|s| s.is_active());
    match active {
        None if streak.bad >= m.failure_threshold => Some(Change::Down),
        None => None,
        Some(_) if streak.good >= m.success_threshold => Some(Change::Recovered),
        Some(IncidentState::Open) if streak.good > 0 => Some(Change::Recovering),
        Some(IncidentState::Monitoring) if streak.bad > 0 => Some(Change::Relapsed),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(fail: u32, ok: u32) -> Monitoring {
        Monitoring {
            failure_threshold: fail,
            success_threshold: ok,
            ..Monitoring::default()
        }
    }

    /// Runs `checks` (true = up) through `judge`, applying each change, and returns the
    /// changes and the final state.
    fn run(checks: &[bool], m: &Monitoring) -> (Vec<Change>, Option<IncidentState>) {
        let mut seen = Vec::new();
        let mut state = None;
        let mut changes = Vec::new();
        for &up in checks {
            seen.push(up);
            if let Some(c) = judge(Streak::of(seen.iter().copied()), state, m) {
                changes.push(c);
                state = match c {
                    Change::Down | Change::Relapsed => Some(IncidentState::Open),
                    Change::Recovering => Some(IncidentState::Monitoring),
                    Change::Recovered => None,
                };
            }
        }
        (changes, state)
    }

    #[test]
    fn streaks_count_from_the_end() {
        assert_eq!(Streak::of([].into_iter()), Streak::default());
        assert_eq!(
            Streak::of([true, false, false].into_iter()),
            Streak { bad: 2, good: 0 }
        );
        assert_eq!(
            Streak::of([false, true].into_iter()),
            Streak { bad: 0, good: 1 }
        );
    }

    #[test]
    fn an_outage_opens_after_the_threshold_and_closes_after_enough_good_checks() {
        let (changes, state) = run(&[true, false, false, false, true, true], &m(3, 2));
        assert_eq!(
            changes,
            [Change::Down, Change::Recovering, Change::Recovered]
        );
        assert_eq!(state, None);
    }

    #[test]
    fn flapping_never_opens_and_an_open_incident_never_closes_on_one_good_check() {
        let flapping = [
            false, true, false, false, true, false, true, false, false, true,
        ];
        assert_eq!(run(&flapping, &m(3, 2)).0, []);
        let (changes, state) = run(&[false, false, false, true, false, true, false], &m(3, 2));
        assert_eq!(
            changes,
            [
                Change::Down,
                Change::Recovering,
                Change::Relapsed,
                Change::Recovering,
                Change::Relapsed
            ]
        );
        assert_eq!(state, Some(IncidentState::Open));
    }

    #[test]
    fn thresholds_of_one_act_on_the_first_check() {
        let (changes, _) = run(&[false, true], &m(1, 1));
        assert_eq!(changes, [Change::Down, Change::Recovered]);
    }
}
