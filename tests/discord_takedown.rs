//! A removed ticket is taken down on Discord: after `supportbot user forget`, the real binary
//! (`supportbot run`, against the fake Discord on 127.0.0.1) deletes the ticket's private thread
//! (the transcript `T-0001.md` is in it) and its staff card, from the ids the forget queued with
//! the removal (review45 3b: both stayed on Discord, quoting the user). What is already gone
//! (404) counts as done; a failure Discord may get over is retried.
#![cfg(feature = "discord")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::time::Duration;

use support::bin::show;
use support::fake_discord::Fault;
use support::journey::{DELIVERY, FIRST_TICKET, Journey, SUPPORT, USER};

/// Each test starts the bot process two or three times: bounded well above that.
const BOUND: Duration = Duration::from_secs(90);

async fn bounded(what: &str, journey: impl Future<Output = ()>) {
    if tokio::time::timeout(BOUND, journey).await.is_err() {
        panic!("{what}: took longer than {BOUND:?}");
    }
}

/// The bot files alice's ticket (card and thread posted), stops, and `user forget` removes her;
/// returns the ids of the card and the thread, and what the command said.
async fn filed_then_forgotten(j: &mut Journey) -> (u64, u64, String) {
    j.start_process().await;
    j.user().escalate("Payroll export fails for my team.").await;
    let (thread, _) = j.wait_for_transcript(FIRST_TICKET).await;
    let card = j.wait_for_card(FIRST_TICKET).await;
    j.stop_process().await;

    let out = j.cli(&["user", "forget", &USER.to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    (card.id, thread.id, said)
}

/// Waits until the bot sent `n` requests `DELETE path`; their statuses.
async fn deletes(j: &Journey, path: &str, n: usize) -> Vec<u16> {
    let what = format!("{n} DELETE {path}");
    j.wait_until(&what, DELIVERY, |l| {
        let statuses: Vec<u16> = (l.requests.iter())
            .filter(|r| r.method == "DELETE" && r.path == path)
            .map(|r| r.status)
            .collect();
        (statuses.len() >= n).then_some(statuses)
    })
    .await
}

/// Stops the bot and checks that nothing is left queued.
async fn stopped_with_nothing_queued(j: &mut Journey) {
    j.stop_process().await;
    let store = j.process_store();
    assert_eq!(
        store.outbox_len(),
        0,
        "the takedown was delivered: {:?}",
        store.outbox_head()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forget_has_the_bot_delete_the_tickets_thread_and_card() {
    bounded("forget, then the takedown", async {
        let mut j = Journey::builder().without_bot().await;
        let (card, thread, said) = filed_then_forgotten(&mut j).await;
        assert!(
            said.contains("the bot deletes these the next time it runs")
                && said.contains(&format!(
                    "{FIRST_TICKET}: staff card message {card} in channel {SUPPORT}, private thread {thread}"
                )),
            "{said}"
        );

        j.start_process().await;
        let thread_path = format!("/channels/{thread}");
        let card_path = format!("/channels/{SUPPORT}/messages/{card}");
        assert_eq!(deletes(&j, &thread_path, 1).await, [200]);
        assert_eq!(deletes(&j, &card_path, 1).await, [204]);
        // The transcript went with its thread, and the card is gone.
        assert!(j.threads().is_empty(), "{:?}", j.threads());
        assert!(j.cards().is_empty(), "{:?}", j.cards());
        j.with_log(|l| {
            assert_eq!(l.deleted_channels, [thread]);
            assert_eq!(l.deleted_messages, [card]);
        });
        stopped_with_nothing_queued(&mut j).await;
        // Once: a restart deletes nothing more.
        j.start_process().await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let all_deletes = (j.requests().iter())
            .filter(|r| r.method == "DELETE")
            .count();
        assert_eq!(all_deletes, 2);
        j.stop_process().await;
        j.assert_clean();
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_is_already_gone_counts_as_deleted_and_a_busy_discord_is_retried() {
    bounded("a takedown meeting 404 and 500", async {
        let mut j = Journey::builder().without_bot().await;
        let (card, thread, _) = filed_then_forgotten(&mut j).await;
        let thread_path = format!("/channels/{thread}");
        let card_path = format!("/channels/{SUPPORT}/messages/{card}");
        // Discord is busy at the first try of the thread, and the card was deleted by hand.
        j.fail_next(&format!("DELETE {thread_path}"), 1, Fault::ServerError(502));
        j.fail_next(
            &format!("DELETE {card_path}"),
            1,
            Fault::refused(404, 10008, "Unknown Message"),
        );

        j.start_process().await;
        assert_eq!(deletes(&j, &thread_path, 2).await, [502, 200], "retried");
        assert_eq!(deletes(&j, &card_path, 1).await, [404]);
        stopped_with_nothing_queued(&mut j).await;
        // The 404 was taken as done: not retried, nor logged as a card left for the operator.
        assert_eq!(j.statuses(&format!("DELETE {card_path}")), [404]);
        let log = j.process_log();
        assert!(!log.contains("stays on Discord"), "{log}");
        j.assert_clean();
    })
    .await;
}
