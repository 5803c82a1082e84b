//! Users who come back: to an open ticket after "Start over", with "same problem as
//! yesterday", and with a billing problem beside a technical one. Through the service and the
//! real store, as the console talks to it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use supportbot::conversation::Event;
use supportbot::escalation::summary::Added;
use supportbot::escalation::ticket::TicketId;
use supportbot::reply::Action;
use supportbot::service::Service;
use supportbot::session::UserRef;

mod support;
use support::service_chat::{actions, service_in, text, typed};
use support::tickets::user;

/// The replies' text and the actions of their choices, in order.
async fn say(service: &Service, who: &UserRef, event: Event) -> (String, Vec<Action>) {
    let replies = service.handle(who, event).await.unwrap();
    (text(&replies), actions(&replies))
}

/// "Start over" after the hand-over clears the screen, not the ticket: a follow-up is offered
/// to it, "add it to my ticket" adds it, and "it works now" is told to it, with the problem
/// handed over still in what staff read.
#[tokio::test]
async fn after_start_over_the_open_ticket_is_still_reached() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("ann");
    let said = "payroll tax tables wont update, PS107, desktop 2023";
    say(&service, &ann, typed(said)).await;
    say(&service, &ann, typed("i need a real person")).await;
    say(&service, &ann, Event::Act(Action::Restart)).await;

    let (text, actions) = say(&service, &ann, typed("also its the enterprise version btw")).await;
    assert!(actions.contains(&Action::AddToTicket), "{text}");
    say(&service, &ann, typed("add it to my ticket")).await;
    let ticket = service.ticket(TicketId(1)).unwrap();
    let latest = ticket.summaries.last().unwrap();
    assert_eq!(
        latest.descriptions,
        [said, "also its the enterprise version btw"]
    );
    assert_eq!(
        latest.article.as_ref().map(|(id, _)| id.as_str()),
        Some("payroll-not-updating")
    );

    let works = "nevermind, got it working, the update finally went thru after restarting";
    let (text, _) = say(&service, &ann, typed(works)).await;
    assert!(text.contains("Ticket T-0001"), "{text}");
    let ticket = service.ticket(TicketId(1)).unwrap();
    let latest = ticket.summaries.last().unwrap();
    assert_eq!(latest.added, Some(Added::WorksNow));
    assert_eq!(latest.descriptions.last().map(String::as_str), Some(works));
}

/// A new clear problem after "Start over" still starts its article, cleanly: the user said a
/// new problem comes.
#[tokio::test]
async fn a_new_problem_after_start_over_starts_its_article_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("ann");
    say(&service, &ann, typed("payroll wont update, PS107")).await;
    say(&service, &ann, typed("i need a real person")).await;
    say(&service, &ann, Event::Act(Action::Restart)).await;
    let (text, actions) = say(
        &service,
        &ann,
        typed("bank feed stopped syncing for my amex card"),
    )
    .await;
    assert!(text.contains("Bank Feed"), "{text}");
    assert!(!actions.contains(&Action::AddToTicket), "{text}");
}

/// "hi again, same problem as yesterday" after a recorded fix is that fix not lasting: taken
/// back, and the next fix shown.
#[tokio::test]
async fn same_problem_as_yesterday_after_a_fix_is_the_fix_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("ann");
    say(
        &service,
        &ann,
        typed("bank feed stopped syncing for my amex card"),
    )
    .await;
    say(&service, &ann, typed("fixed it")).await;
    say(&service, &ann, Event::Resume).await;
    let (text, _) = say(
        &service,
        &ann,
        typed("hi again, same problem as yesterday, amex isnt syncing again"),
    )
    .await;
    assert!(text.contains(supportbot::words::FIX_CAME_BACK), "{text}");
    assert!(text.contains("Solution 2"), "{text}");
}

/// `who` describes a payroll problem, asks for a person, and staff resolve ticket T-0001.
async fn handed_over_and_resolved(service: &Service, who: &UserRef) {
    say(service, who, typed("payroll wont update, PS107")).await;
    say(service, who, typed("i need a real person")).await;
    support::tickets::desk(service.store())
        .act(
            TicketId(1),
            "Sam",
            &supportbot::escalation::StaffAction::Resolve { note: None },
            1_000,
        )
        .unwrap();
}

/// After the ticket was resolved, "same issue again" offers a new ticket with everything from
/// before, as "it came back" does.
#[tokio::test]
async fn same_issue_again_after_a_resolved_ticket_offers_a_new_one() {
    // ("morning. PS107 is back on the front desk pc": the trouble by its code, back; found by
    // an exploratory helper: only "it came back" and "its back" linked the new ticket.)
    for said in [
        "same issue again",
        "hi again, same problem as yesterday",
        "morning. PS107 is back on the front desk pc",
        "ugh the error is back",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let service = service_in(dir.path());
        let ann = user("ann");
        handed_over_and_resolved(&service, &ann).await;
        let (text, actions) = say(&service, &ann, typed(said)).await;
        assert!(
            text.contains(supportbot::words::BACK_AFTER_RESOLVED),
            "{said}: {text}"
        );
        assert!(actions.contains(&Action::AddToTicket), "{said}: {text}");
    }
}

/// Found by a helper playing the team lead (twenty-fourth session): "Sorry it's back" left
/// unanswered is offered again when the user comes back (a new console), in the same places,
/// so its "1" opens the new ticket; it was "There's no choice 1 open right now". Answered, it
/// is not offered again.
#[tokio::test]
async fn sorry_its_back_left_unanswered_is_offered_again_on_return() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("ann");
    handed_over_and_resolved(&service, &ann).await;
    let (_, offered) = say(&service, &ann, typed("its back, PS107 again")).await;
    assert_eq!(offered.first(), Some(&Action::AddToTicket));
    let (text, actions) = say(&service, &ann, Event::Resume).await;
    assert!(
        text.contains(supportbot::words::BACK_AFTER_RESOLVED_AGAIN),
        "{text}"
    );
    assert_eq!(actions, offered, "the same choices in the same places");
    // Answered with something else: the offer is not brought back again.
    say(&service, &ann, typed("thanks")).await;
    let (text, _) = say(&service, &ann, Event::Resume).await;
    assert!(!text.contains("Welcome back. You said"), "{text}");
}

/// "hi again, same problem as yesterday" with a fix on screen asks about that fix: the user
/// may never have tried it, so no failure is recorded.
#[tokio::test]
async fn same_problem_as_yesterday_mid_walk_asks_about_the_fix_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("ann");
    say(
        &service,
        &ann,
        typed("bank feed stopped syncing for my amex card"),
    )
    .await;
    let (text, actions) = say(&service, &ann, typed("hi again, same problem as yesterday")).await;
    assert!(
        text.contains(supportbot::words::WELCOME_BACK_TO_THE_FIX),
        "{text}"
    );
    assert!(!text.contains("Solution 2"), "{text}");
    assert!(
        actions
            .iter()
            .any(|a| matches!(a, Action::NotFixed(_) | Action::Fixed(_))),
        "{text}"
    );
    let session = service.store().load_session(&ann.id).unwrap().unwrap();
    assert!(
        session.attempts.iter().all(|a| a.outcome.is_none()),
        "{:?}",
        session.attempts
    );
}

/// The fields of the first reply, as "name: value" lines.
async fn first_fields(service: &Service, who: &UserRef, said: &str) -> (String, Vec<Action>) {
    let replies = service.handle(who, typed(said)).await.unwrap();
    let fields = replies
        .first()
        .map(|r| {
            r.fields
                .iter()
                .map(|f| format!("{}: {}", f.name, f.value))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let actions = replies
        .iter()
        .flat_map(|r| r.choices.iter().map(|c| c.action.clone()))
        .collect();
    (format!("{fields}\n{}", text(&replies)), actions)
}

/// A double charge beside a slow page: the slow article starts, and its first reply says a
/// person can help with the billing part, with the hand-over there to choose. Offered as a
/// list instead (lexically, a description of 15 words may be: `matcher::lexical_only`), the
/// list says it.
#[tokio::test]
async fn a_charge_beside_a_problem_is_said_to_be_for_a_person() {
    for (said, billing_part) in [
        (
            "i was charged twice this month and also qbo is slow af",
            supportbot::words::BILLING_PART_TO_A_PERSON,
        ),
        (
            "i was charged twice for my subscription this month and also qbo is slow af",
            supportbot::words::BILLING_PART_AT_A_LIST,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let service = service_in(dir.path());
        let ann = user("ann");
        let (text, actions) = first_fields(&service, &ann, said).await;
        assert!(text.contains(billing_part), "{said}: {text}");
        assert!(actions.contains(&Action::Escalate), "{said}: {text}");
        let slow = Action::Article("slow-performance".into());
        assert!(
            text.contains("QuickBooks Online Is Slow or Lagging |")
                || actions.first() == Some(&slow),
            "{said}: {text}"
        );
    }
}

/// Billing words of a technical problem are no billing question: matched as before.
#[tokio::test]
async fn billing_words_of_a_problem_are_matched_as_before() {
    for (said, article) in [
        ("payroll subscription error PS077", "Payroll"),
        ("bank feed shows duplicate charges", "Bank Feed"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let service = service_in(dir.path());
        let (text, _) = first_fields(&service, &user("ann"), said).await;
        assert!(text.contains(article), "{said}: {text}");
        assert!(
            !text.contains(supportbot::words::BILLING_PART_TO_A_PERSON),
            "{said}: {text}"
        );
    }
}

/// A web-form ticket (`escalate`) from a user whose ticket was resolved is linked to it, as
/// "talk to a human" in a conversation is: "Came back after: T-0001, resolved by jo", and the
/// old ticket's words are not carried into the new one as if just said.
#[tokio::test]
async fn a_web_form_ticket_after_a_resolved_one_links_it_and_repeats_nothing() {
    use supportbot::escalation::StaffAction;
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let rae = user("rae");
    let first = "quickbooks online keeps logging me out every few minutes";
    service
        .escalate_text(&rae, first.into(), None, None)
        .await
        .unwrap();
    support::tickets::desk(service.store())
        .act(
            TicketId(1),
            "jo",
            &StaffAction::Resolve {
                note: Some("reset browser profile".into()),
            },
            2_000,
        )
        .unwrap();
    let again = "logged out again, third time this week";
    let ticket = service
        .escalate_text(&rae, again.into(), None, None)
        .await
        .unwrap();
    assert_eq!(ticket.id, TicketId(2));
    let s = ticket.summary().unwrap();
    let follows = s.follows.as_deref().unwrap_or_default();
    assert!(follows.starts_with("T-0001, resolved by jo"), "{s:?}");
    assert_eq!(s.descriptions, [again], "{s:?}");
    assert!(
        s.earlier
            .iter()
            .all(|e| !e.descriptions.iter().any(|d| d == first)),
        "{s:?}"
    );
    let card = s.card("T-0002");
    assert!(
        card.fields
            .iter()
            .any(|(name, value)| name == "Came back after" && value.contains("T-0001")),
        "{card:?}"
    );
}

/// Found by a helper reading the README (twenty-ninth session): during a known outage, with
/// the browser not known yet (the 502 article's first fix is for one browser), "ok thx" asked
/// "Which browser?" and the notice's choices were gone, and "help me anyway" was then not
/// understood. The fixes (and the browser question) wait for "help me anyway".
#[tokio::test]
async fn an_outage_holds_back_the_browser_question_too() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    service
        .declare_incident("sam", "QuickBooks errors", &["quickbooks-error-502".into()])
        .unwrap();
    let bo = user("bo");
    let (first, _) = say(&service, &bo, typed("quickbooks says 502 bad gateway")).await;
    assert!(first.contains("Known outage"), "{first}");
    assert!(!first.contains("Which browser"), "{first}");
    let (said, actions) = say(&service, &bo, typed("ok thx")).await;
    assert!(!said.contains("Which browser"), "{said}");
    assert!(!said.contains("When you've tried it"), "{said}");
    assert!(actions.contains(&Action::Continue), "{said}");
    let (walk, _) = say(&service, &bo, typed("help me anyway")).await;
    assert!(walk.contains("Which browser"), "{walk}");
}

/// Found by a helper trying the CLI as staff (thirty-fourth session): a second web-form
/// hand-over that tells another problem after "also" ("also my bank feed is not updating,
/// chase error 103") was filed as more of the first problem's (its matches copied, no added
/// problem); without "also" it was the added problem. A detail after "also" stays a detail.
#[tokio::test]
async fn a_web_form_hand_over_adding_another_problem_after_also_files_it_as_added() {
    // The first hand-over: a 502 for the detail about the error, payroll for the others.
    let first_of = |added: &str| {
        if added.contains("error shows") || added.contains("ps032") {
            "i get 502 bad gateway"
        } else {
            "payroll wont update PS032"
        }
    };
    for (also, added) in [
        (
            "also my bank feed is not updating, chase error 103",
            Some("bank-feed-not-updating"),
        ),
        (
            "my bank feed is not updating, chase error 103",
            Some("bank-feed-not-updating"),
        ),
        ("also its desktop 2023 R5", None),
        // (An eleventh reviewer's: a detail of the same problem, whatever the words rank.)
        ("also the page goes blank before the error shows", None),
        // (A twelfth reviewer's: another article's own code is clear too.)
        ("also i get ps032 in desktop", Some("payroll-not-updating")),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let service = service_in(dir.path());
        let ann = user("ann");
        service
            .escalate_text(&ann, first_of(also).into(), None, None)
            .await
            .unwrap();
        let ticket = service
            .escalate_text(&ann, also.into(), None, None)
            .await
            .unwrap();
        assert_eq!(ticket.id, TicketId(1), "{also}");
        let s = ticket.summary().unwrap();
        assert_eq!(
            s.added_problem().map(|(id, _)| id.as_str()),
            added,
            "{also}: {s:?}"
        );
    }
}

/// Found by a user explorer (rv43 F29): back with the same error code, the user was told "The
/// error code you gave points to fix 2 ..., so let's start there", then shown fix 3 (fix 2 had
/// failed in the first conversation, so skipping it was right and the sentence wrong). It says
/// fix 2 was tried; a fix the first message says was tried is in "you already tried" alone.
#[tokio::test]
async fn the_fix_a_code_points_to_that_failed_before_is_said_to_be_tried() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("ann");
    let (first, _) = say(&service, &ann, typed("payroll update fails with PS107")).await;
    assert!(first.contains("so let's start there"), "{first}");
    say(&service, &ann, typed("still")).await;
    say(&service, &ann, typed("human")).await;
    let (again, _) = say(&service, &ann, typed("payroll still fails, PS107 again")).await;
    assert!(
        again.contains("which you tried without luck, so let's go on from there"),
        "{again}"
    );
    assert!(!again.contains("so let's start there"), "{again}");

    let bob = user("bob");
    let (told, _) = say(
        &service,
        &bob,
        typed("payroll update fails with PS107, i already updated quickbooks and the tax tables, same error"),
    )
    .await;
    assert!(told.contains("you already tried"), "{told}");
    assert!(!told.contains("points to fix"), "{told}");
}
