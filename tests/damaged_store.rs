//! A database that sled opens as empty (damaged, deleted or replaced) while the data directory
//! has handed out ticket ids already is refused, saying what to do, instead of reusing ids.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::time::Duration;
use support::tickets::{desk, summary};
use supportbot::store::{Store, StoreError};

const WAIT: Duration = Duration::from_secs(5);

#[test]
fn an_emptied_database_is_refused_instead_of_reusing_ticket_ids() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open_waiting(dir.path(), WAIT).unwrap();
        desk(&store).file(summary("ann", "502"), 10).unwrap();
        desk(&store).file(summary("bob", "502"), 11).unwrap();
        store.flush().unwrap();
    }
    // Reopening the intact database is fine. (Each reopen in this process waits: sled's
    // background threads let go of the lock a moment after a store is dropped.)
    drop(Store::open_waiting(dir.path(), WAIT).unwrap());
    // The database goes (a bad disk, a restore of the wrong backup): sled would start empty.
    std::fs::remove_dir_all(dir.path().join("supportbot.db")).unwrap();
    let err = Store::open_waiting(dir.path(), WAIT).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::BehindHighWater {
                known: 0,
                seen: 2,
                ..
            }
        ),
        "{err:?}"
    );
    let said = err.to_string();
    assert!(
        said.contains("T-0002") && said.contains("reuse old ids"),
        "{said}"
    );
    assert!(
        said.contains("Restore the database from a backup"),
        "{said}"
    );
    // Starting afresh on purpose: move the mark aside too.
    std::fs::remove_file(dir.path().join("ticket-high-water")).unwrap();
    std::fs::remove_dir_all(dir.path().join("supportbot.db")).ok();
    let store = Store::open_waiting(dir.path(), WAIT).unwrap();
    let filed = desk(&store).file(summary("cy", "502"), 20).unwrap();
    assert_eq!(filed.ticket.id.to_string(), "T-0001");
}
