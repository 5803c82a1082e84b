//! A clock a test can hold, to stand in for slow work: the service reads the time as it
//! starts most changes (confirming an incident, drawing /status), so while the clock is held
//! that work stands still, as it would on a big store. It tells the time of the machine, and
//! notes when it was first read since a hold began, so a test can say what came before the work.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use supportbot::clock::{Clock, SystemClock};

/// The longest a reading waits for a hold to end: a test that fails while holding the clock
/// releases it as it unwinds, so this only bounds a hold that was forgotten.
pub const LONGEST_HOLD: Duration = Duration::from_secs(10);

#[derive(Debug, Default)]
struct State {
    held: bool,
    /// Whether a hold was ever made (readings are noted from then on).
    watching: bool,
    /// The first reading since the latest hold began.
    first_read: Option<Instant>,
}

#[derive(Debug, Default)]
pub struct HeldClock {
    state: Mutex<State>,
    released: Condvar,
}

impl HeldClock {
    pub fn new() -> Arc<HeldClock> {
        Arc::default()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Holds the clock until the returned hold is released or dropped.
    pub fn hold(self: &Arc<Self>) -> Hold {
        let mut state = self.state();
        state.held = true;
        state.watching = true;
        state.first_read = None;
        Hold(self.clone())
    }

    /// When the clock was first read since the latest hold began: waits (polling, 5 s at
    /// most) for that reading.
    pub async fn first_read(&self) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(at) = self.state().first_read {
                return at;
            }
            assert!(
                Instant::now() < deadline,
                "nothing read the clock within 5 s of the hold"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

impl Clock for HeldClock {
    fn now(&self) -> u64 {
        let mut state = self.state();
        if state.watching {
            state.first_read.get_or_insert_with(Instant::now);
        }
        if state.held {
            let waited = self
                .released
                .wait_timeout_while(state, LONGEST_HOLD, |s| s.held);
            drop(waited.unwrap_or_else(PoisonError::into_inner));
        }
        SystemClock.now()
    }
}

/// A hold on a [`HeldClock`]; dropping it releases the clock too.
#[must_use = "the clock is released when the hold is dropped"]
pub struct Hold(Arc<HeldClock>);

impl Hold {
    pub fn release(self) {}
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.0.state().held = false;
        self.0.released.notify_all();
    }
}
