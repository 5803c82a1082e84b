//! Exactly once across a crash: the real binary (`supportbot run`) is killed with SIGKILL right
//! after Discord accepted each step of a ticket's delivery (card, thread, transcript, DM channel,
//! DM) and before the bot could record it, then started again on the same data directory. Staff
//! see one card, one thread and one transcript, and the user gets one DM: within Discord's nonce
//! window (the fake de-duplicates by nonce, as Discord does) and after it (the fake forgot the
//! nonces, so only looking before re-posting can tell).
#![cfg(feature = "discord")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::time::Duration;

use support::fake_discord::{Log, RecordedRequest};
use support::journey::{DELIVERY, FIRST_TICKET, Journey, MESSAGE, STAFF, SUPPORT, USER};

/// A step of the delivery, as the fake sees its request.
#[derive(Clone, Copy, Debug)]
enum Step {
    Card,
    Thread,
    Transcript,
    DmChannel,
    Dm,
}

impl Step {
    /// Holds (never answers) the step's request once Discord has done it.
    fn hold(self, j: &Journey) {
        let support_messages = format!("POST /channels/{SUPPORT}/messages");
        match self {
            Step::Card => j.hold_next(&support_messages, |_, _| true),
            Step::Thread => j.hold_next(&format!("POST /channels/{SUPPORT}/threads"), |_, _| true),
            Step::Transcript => j.hold_next("POST /channels/*/messages", |_, r| {
                r.files
                    .iter()
                    .any(|f| f.filename == format!("{FIRST_TICKET}.md"))
            }),
            Step::DmChannel => j.hold_next("POST /users/@me/channels", |_, _| true),
            Step::Dm => j.hold_next("POST /channels/*/messages", is_dm),
        }
    }

    /// Whether the step comes with the claim (the user's DM) rather than the escalation.
    fn on_claim(self) -> bool {
        matches!(self, Step::DmChannel | Step::Dm)
    }
}

fn is_dm(log: &Log, r: &RecordedRequest) -> bool {
    let to_user = log.dm_channels.get(&USER);
    to_user.is_some_and(|c| r.path == format!("/channels/{c}/messages"))
}

async fn wait_for_held(j: &Journey, step: Step) {
    let what = format!("the {step:?} request to be held");
    j.wait_until(&what, DELIVERY, |l| (!l.held.is_empty()).then_some(()))
        .await;
}

async fn claim(j: &Journey) {
    let sent = j.staff().ticket("claim", FIRST_TICKET, Vec::new()).await;
    sent.answered(MESSAGE).await;
}

/// One kill at `step`; `window_passed`: the restart comes after Discord forgot the nonces.
async fn killed_at(step: Step, window_passed: bool) {
    let mut j = Journey::builder().without_bot().await;
    j.start_process().await;
    step.hold(&j);
    j.user().escalate("It broke during payroll.").await;
    if step.on_claim() {
        j.wait_for_transcript(FIRST_TICKET).await;
        claim(&j).await;
    }
    wait_for_held(&j, step).await;
    j.kill_process();
    if window_passed {
        j.forget_nonces();
    }

    j.start_process().await;
    j.wait_for_transcript(FIRST_TICKET).await;
    if !step.on_claim() {
        claim(&j).await;
    }
    j.wait_for_dm(USER, 0).await;
    j.stop_process().await;

    let at =
        format!("killed after the {step:?} was accepted (nonce window passed: {window_passed})");
    let store = j.process_store();
    assert_eq!(store.outbox_len(), 0, "{at}: everything was delivered");
    assert_eq!(j.cards().len(), 1, "{at}: exactly one card");
    assert_eq!(j.threads().len(), 1, "{at}: exactly one thread");
    let transcripts: usize = j.with_log(|l| {
        let files = |id| {
            (l.messages_in(id).into_iter())
                .filter(|m| !m.files.is_empty())
                .count()
        };
        files(SUPPORT) + l.threads.iter().map(|t| files(t.id)).sum::<usize>()
    });
    assert_eq!(transcripts, 1, "{at}: exactly one transcript");
    let dms = j.dms_to(USER);
    assert_eq!(dms.len(), 1, "{at}: exactly one DM: {dms:#?}");
    assert!(j.dms_to(STAFF).is_empty());
    let card = &j.cards()[0];
    assert!(
        card.all_text().contains("claimed by"),
        "{at}: the one card shows the claim: {}",
        card.all_text()
    );
    j.assert_clean();
}

async fn both_windows(step: Step) {
    let bound = Duration::from_secs(90);
    for window_passed in [false, true] {
        let what = format!("a kill at the {step:?} (window passed: {window_passed})");
        tokio::time::timeout(bound, killed_at(step, window_passed))
            .await
            .unwrap_or_else(|_| panic!("{what} took over {bound:?}"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_after_the_card_was_posted_posts_no_second_card() {
    both_windows(Step::Card).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_after_the_thread_was_opened_opens_no_second_thread() {
    both_windows(Step::Thread).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_after_the_transcript_was_posted_posts_no_second_transcript() {
    both_windows(Step::Transcript).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_after_the_dm_channel_was_opened_sends_one_dm() {
    both_windows(Step::DmChannel).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_after_the_dm_was_sent_sends_no_second_dm() {
    both_windows(Step::Dm).await;
}

/// An outage across two SIGKILLs, with the real binary's background monitor: the probe sees
/// 502 and opens an incident, a user asks to be told when it is over, the bot is killed (the
/// subscription is in the store), the probe recovers and the bot is killed again right after
/// Discord accepted the "it is over" DM and past the nonce window. After the restart the user
/// has exactly one DM and the status message was edited, never posted twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_across_kills_tells_each_subscriber_once() {
    use std::sync::atomic::Ordering;
    use support::http::TestServer;
    let bound = Duration::from_secs(90);
    tokio::time::timeout(bound, async {
        let (server, down) = TestServer::down_until_cleared().await;
        let knowledge = tempfile::tempdir().unwrap();
        support::paths::knowledge_watching(knowledge.path(), &server.url("/"), "interval = 10\n");
        let mut j = Journey::builder()
            .knowledge(knowledge.path())
            .without_bot()
            .await;
        let monitor = [("MONITOR", "true")];
        j.start_process_with(&monitor).await;
        let status_titles = |j: &Journey| -> Vec<String> {
            (j.messages_in(SUPPORT).into_iter())
                .filter_map(|m| m.titles().first().cloned())
                .filter(|t| t.starts_with("I-0001"))
                .collect()
        };
        let what = "the status message of the incident the first round opens";
        j.wait_until(what, Duration::from_secs(15), |l| {
            let mut titles = l
                .messages_in(SUPPORT)
                .into_iter()
                .filter_map(|m| m.titles().first().cloned());
            titles.any(|t| t == "I-0001 · open").then_some(())
        })
        .await;

        let sent = j
            .user()
            .diagnose("bad gateway error when opening payroll")
            .await;
        sent.answered(MESSAGE).await;
        let lead = sent.reply().await;
        assert!(
            lead.all_text().contains("Known outage since"),
            "{}",
            lead.all_text()
        );
        let said = j
            .user()
            .press(&lead, "Notify me when it's fixed")
            .await
            .reply()
            .await;
        assert!(
            said.all_text().contains("when I-0001 is over"),
            "{}",
            said.all_text()
        );
        j.kill_process();

        down.store(false, Ordering::Relaxed);
        j.hold_next("POST /channels/*/messages", is_dm);
        j.start_process_with(&monitor).await;
        // The next round (the target is due 10 s after its last check) sees it recover.
        let what = "the 'it is over' DM, accepted and never answered";
        j.wait_until(what, Duration::from_secs(30), |l| {
            (!l.held.is_empty()).then_some(())
        })
        .await;
        j.kill_process();
        j.forget_nonces();

        let lookups = |l: &Log| {
            (l.requests.iter())
                .filter(|r| r.method == "GET" && r.path.ends_with("/messages"))
                .count()
        };
        let lookups_before = j.with_log(lookups);
        j.start_process_with(&monitor).await;
        let what = "the restarted bot to look for the DM before sending it again";
        j.wait_until(what, Duration::from_secs(15), |l| {
            (lookups(l) > lookups_before).then_some(())
        })
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        j.stop_process().await;

        assert_eq!(
            j.process_store().outbox_len(),
            0,
            "everything was delivered"
        );
        let dms = j.dms_to(USER);
        assert_eq!(dms.len(), 1, "told once: {dms:#?}");
        assert!(
            dms[0].content().contains("The outage I-0001 is over"),
            "{}",
            dms[0].content()
        );
        assert_eq!(
            status_titles(&j),
            ["I-0001 · resolved"],
            "one status message, edited"
        );
        j.assert_clean();
    })
    .await
    .unwrap_or_else(|_| panic!("the outage across kills took over {bound:?}"));
}

/// SIGTERM the moment the bot has identified still stops it gracefully (exit 0, store flushed):
/// the listeners exist before it connects. (They were once made lazily, and a busy machine could
/// deliver the signal between the connection and their first poll, killing the bot outright.)
/// The window was narrow, so the stop is repeated.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_right_after_connecting_stops_gracefully() {
    let bound = Duration::from_secs(90);
    tokio::time::timeout(bound, async {
        let mut j = Journey::builder().without_bot().await;
        for _ in 0..5 {
            j.start_process().await;
            j.stop_process().await;
        }
        j.assert_clean();
    })
    .await
    .unwrap_or_else(|_| panic!("five starts and stops took over {bound:?}"));
}
