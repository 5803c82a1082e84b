//! Live checks, outages and incidents as users and staff meet them, and long pastes: the console
//! engine in process (lexical matching, no model), with local HTTP servers for the checks.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use supportbot::config::CheckConfig;
use supportbot::conversation::Event;
use supportbot::incident::IncidentId;
use supportbot::knowledge::Knowledge;
use supportbot::probe::Prober;
use supportbot::reply::{Action, Reply};
use supportbot::service::Service;
use supportbot::session::UserRef;
use supportbot::store::Store;

mod support;
use support::http::{Behavior, TestServer};
use support::paths::shipped_knowledge;
use support::tickets::{FixedClock, user};

fn service_in(dir: &std::path::Path) -> Service {
    Service::new(
        Knowledge::open(&shipped_knowledge()).unwrap(),
        Store::open_waiting(dir, std::time::Duration::from_secs(5)).unwrap(),
    )
    .with_clock(Arc::new(FixedClock(Mutex::new(1_000))))
}

fn text(replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| format!("{} | {}", r.title.as_deref().unwrap_or(""), r.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Typed as in chat, with no browser picked.
fn typed(text: &str) -> Event {
    Event::Describe {
        text: text.into(),
        browser: None,
        query: None,
    }
}

async fn say(service: &Service, who: &UserRef, event: Event) -> String {
    text(&service.handle(who, event).await.unwrap())
}

/// Runs the console over `script` (piped, as `supportbot console < script`) and returns its output.
async fn console(service: Service, script: &str) -> String {
    let mut out = Vec::new();
    supportbot::console::run(
        service,
        user("u1"),
        std::io::Cursor::new(script.to_string()),
        &mut out,
        false,
        None,
    )
    .await
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// About 100 KB of a pasted log on one line: words that describe no problem.
fn log_lines() -> String {
    "2026-12-04T10:00:01Z INFO request id=7f3a9c served in 12ms by node-4 ".repeat(1_500)
}

#[tokio::test]
async fn a_100_kb_paste_is_answered_from_its_start_and_its_end() {
    let paste = format!("payroll wont update, error PS038 {}", log_lines());
    assert!(paste.len() > 100 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let shown = console(service_in(dir.path()), &format!("{paste}\n")).await;
    assert!(
        shown.contains("Your message is long (") && shown.contains("characters), so I read only"),
        "{shown:.3000}"
    );
    assert!(shown.contains("== Payroll"), "{shown:.3000}");

    // The problem at the end of the paste, after the log.
    let paste = format!(
        "{} and now my bank feed isnt updating, error 103",
        log_lines()
    );
    let dir = tempfile::tempdir().unwrap();
    let shown = console(service_in(dir.path()), &format!("{paste}\n")).await;
    assert!(shown.contains("== Bank Feed"), "{shown:.3000}");
}

#[tokio::test]
async fn a_100_kb_paste_of_nothing_gets_an_honest_answer_and_a_second_message_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "{}\nquickbooks error 502 bad gateway\n",
        "x".repeat(100 * 1024)
    );
    let shown = console(service_in(dir.path()), &script).await;
    assert!(shown.contains("I don't know this one"), "{shown:.3000}");
    assert!(shown.contains("== QuickBooks Error 502"), "{shown:.3000}");
}

#[tokio::test]
async fn a_long_hand_over_is_kept_whole_on_the_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("u1");
    let said = format!("payroll wont update {} please call me", log_lines());
    let told = say(
        &service,
        &ann,
        Event::HandOver {
            text: said.clone(),
            browser: None,
            note: None,
            query: None,
        },
    )
    .await;
    assert!(told.contains("T-0001"), "{told:.2000}");
    let ticket = service
        .ticket(supportbot::escalation::ticket::TicketId(1))
        .unwrap();
    let kept = &ticket.summaries.last().unwrap().descriptions;
    assert_eq!(kept, &[said], "word for word, once");
}

/// Found by a helper playing the team lead (twenty-fourth session): a long paste typed in the
/// conversation is read by its start and its end, but the ticket keeps every word of it (its
/// middle was lost), as a description and as the note of "human please, <paste>".
#[tokio::test]
async fn a_long_paste_typed_in_the_conversation_is_kept_whole_on_the_ticket() {
    let middle = |from: usize| -> String {
        (from..from + 120)
            .map(|i| format!("entry {i} MIDDLEWORD{i} status failed retry pending; "))
            .collect::<String>()
            .trim_end()
            .to_string()
    };
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let ann = user("u1");
    let pasted = format!("payroll wont update, here is the log: {}", middle(0));
    let note = format!("human please, the rest of the log: {}", middle(200));
    assert!(pasted.len() > 3_000 && note.len() > 3_000);
    let read = say(&service, &ann, typed(&pasted)).await;
    assert!(read.contains("so I read only"), "{read:.2000}");
    say(&service, &ann, typed(&note)).await;
    let ticket = service
        .ticket(supportbot::escalation::ticket::TicketId(1))
        .unwrap();
    let summary = ticket.summaries.last().unwrap();
    assert!(
        summary.descriptions.contains(&pasted),
        "{:.300?}",
        summary.descriptions
    );
    let everything = format!("{summary:?}");
    for word in ["MIDDLEWORD60 ", "MIDDLEWORD260 "] {
        assert!(everything.contains(word), "{word} lost");
    }
}

const PORTAL_ARTICLE: &str = "+++\ntitle = \"Portal answers 502\"\ncodes = [\"502\"]\n\
    symptoms = [\"The portal shows 502 Bad Gateway\"]\nchecks = [\"portal\"]\n+++\n\
    The portal's gateway failed.\n\n## Solution: Wait and retry\n1. Wait a minute and reload.\n";

/// A knowledge base with one article and the `portal` target, served by a local server whose
/// answer the test sets.
struct Rig {
    service: Service,
    _knowledge: tempfile::TempDir,
    _data: tempfile::TempDir,
    _server: TestServer,
}

impl Rig {
    async fn new() -> Rig {
        Rig::with(PORTAL_ARTICLE, "").await
    }

    /// `article` as the one article, `extra` appended to the `portal` target's table.
    async fn with(article: &str, extra: &str) -> Rig {
        let behavior = Arc::new(Mutex::new(Behavior::ok("fine")));
        let b = behavior.clone();
        let server = TestServer::start(move |_| b.lock().unwrap().clone()).await;
        let knowledge = tempfile::tempdir().unwrap();
        write_knowledge(knowledge.path(), article, &server.url("/"), extra);
        let data = tempfile::tempdir().unwrap();
        let prober = Prober::new(CheckConfig {
            allow_private_targets: true,
            deadline: Duration::from_secs(2),
            // Every check reaches the server (the test changes its answer between checks).
            cache_ttl: Duration::ZERO,
            ..CheckConfig::default()
        });
        let service = Service::with_prober(
            Knowledge::open(knowledge.path()).expect("valid knowledge"),
            Store::open_waiting(data.path(), Duration::from_secs(5)).unwrap(),
            prober,
        )
        .with_clock(Arc::new(FixedClock(Mutex::new(1_000))));
        Rig {
            service,
            _knowledge: knowledge,
            _data: data,
            _server: server,
        }
    }
}

fn write_knowledge(dir: &Path, article: &str, url: &str, extra: &str) {
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(dir.join("articles/portal-502.md"), article).unwrap();
    std::fs::write(
        dir.join("endpoints.toml"),
        format!(
            "[[target]]\nname = \"portal\"\ndescription = \"The portal\"\nurl = \"{url}\"\n\
             timeout_ms = 500\n{extra}"
        ),
    )
    .unwrap();
}

fn check(target: &str) -> Event {
    Event::Check {
        target: Some(target.into()),
    }
}

#[tokio::test]
async fn a_passing_check_during_a_staff_incident_does_not_blame_the_user() {
    let rig = Rig::new().await;
    let ann = user("ann");
    // No incident: the usual words.
    let told = say(&rig.service, &ann, check("portal")).await;
    assert!(told.contains("likely on your side"), "{told}");

    let incident = rig
        .service
        .declare_incident("sam", "Portal sign-in failing", &["portal-502".into()])
        .unwrap();
    assert_eq!(incident.id, IncidentId(1));
    let told = say(&rig.service, &ann, check("portal")).await;
    assert!(!told.contains("likely on your side"), "{told}");
    assert!(
        told.contains("answers from here right now, but the outage (I-0001) is not over yet"),
        "{told}"
    );
    assert!(
        told.contains("Choose \"Notify me when it's fixed\""),
        "{told}"
    );

    // On the list: told so.
    say(&rig.service, &ann, Event::Act(Action::NotifyMe(1))).await;
    let told = say(&rig.service, &ann, check("portal")).await;
    assert!(told.contains("You're on the list"), "{told}");

    // Resolved: the usual words again.
    rig.service
        .resolve_incident(IncidentId(1), "sam", None)
        .unwrap();
    let told = say(&rig.service, &ann, check("portal")).await;
    assert!(told.contains("likely on your side"), "{told}");
}

/// Whether any reply offers "Notify me" for incident `n`.
fn offers_notify(replies: &[Reply], n: u32) -> bool {
    replies
        .iter()
        .flat_map(|r| &r.choices)
        .any(|c| c.action == Action::NotifyMe(n))
}

#[tokio::test]
async fn notify_me_is_not_offered_again_to_someone_on_the_list() {
    let rig = Rig::new().await;
    let ann = user("ann");
    rig.service
        .declare_incident("sam", "Portal sign-in failing", &["portal-502".into()])
        .unwrap();
    let replies = rig.service.handle(&ann, check("portal")).await.unwrap();
    assert!(offers_notify(&replies, 1), "{}", text(&replies));
    let told = say(&rig.service, &ann, Event::Act(Action::NotifyMe(1))).await;
    assert!(told.contains("I'll tell you"), "{told}");

    let replies = rig.service.handle(&ann, check("portal")).await.unwrap();
    assert!(
        text(&replies).contains("Known outage since"),
        "{}",
        text(&replies)
    );
    assert!(!offers_notify(&replies, 1), "{}", text(&replies));
    // Someone else still gets the offer.
    let replies = rig
        .service
        .handle(&user("bob"), check("portal"))
        .await
        .unwrap();
    assert!(offers_notify(&replies, 1), "{}", text(&replies));
    // Asked again (an old button): already on the list.
    let told = say(&rig.service, &ann, Event::Act(Action::NotifyMe(1))).await;
    assert!(told.contains("already on the list"), "{told}");
}

/// Two services, both served by the rig's server (`payroll` on another path).
const TWO_SERVICES: &str = "\n[[target]]\nname = \"payroll\"\ndescription = \"Payroll service\"\n\
    url = \"http://127.0.0.1:9/unused\"\n";

#[tokio::test]
async fn which_service_is_answered_by_name_misspelling_or_number_and_check_again_repeats_it() {
    // A second target beside `portal`, so "is it down?" asks which.
    let rig = Rig::with(PORTAL_ARTICLE, TWO_SERVICES).await;
    let shown = console(
        rig.service.clone(),
        "is it down?\nportl\ncheck again\nis it down?\n1\nis it down?\nThe Portal\n",
    )
    .await;
    let after = |said: &str| {
        shown
            .split(&format!("> {said}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("no `{said}` in {shown}"))
            .split("\n> ")
            .next()
            .unwrap()
            .to_string()
    };
    let asked = after("is it down?");
    assert!(asked.contains("== Which service? =="), "{asked}");
    assert!(
        asked.contains("[1] portal") && asked.contains("[2] payroll"),
        "{asked}"
    );
    for said in ["portl", "check again", "1", "The Portal"] {
        let got = after(said);
        assert!(got.contains("== The portal: up =="), "{said}: {got}");
        // Answered: "Which service?" is not listed again as still open.
        assert!(!got.contains("[2] payroll"), "{said}: {got}");
    }
    assert!(!shown.contains("I don't know this one"), "{shown}");
}

#[tokio::test]
async fn check_it_with_nothing_checked_yet_checks_the_only_service() {
    let rig = Rig::new().await;
    let ann = user("ann");
    let told = say(&rig.service, &ann, typed("check it")).await;
    assert!(told.contains("The portal: up"), "{told}");
}

#[tokio::test]
async fn a_maintenance_page_links_the_article_about_maintenance() {
    let article = "+++\ntitle = \"Portal down for maintenance\"\nkeywords = [\"maintenance\"]\n\
        symptoms = [\"The portal shows a maintenance page\"]\nchecks = [\"portal\"]\n+++\n\
        The portal is being maintained.\n\n## Solution: Wait for it\n1. Wait and reload.\n";
    let behavior = Arc::new(Mutex::new(Behavior::ok(
        "<h1>Down for scheduled maintenance</h1>",
    )));
    let b = behavior.clone();
    let server = TestServer::start(move |_| b.lock().unwrap().clone()).await;
    let knowledge = tempfile::tempdir().unwrap();
    write_knowledge(
        knowledge.path(),
        article,
        &server.url("/"),
        "contains = \"Sign in\"\n",
    );
    let data = tempfile::tempdir().unwrap();
    let service = Service::with_prober(
        Knowledge::open(knowledge.path()).expect("valid knowledge"),
        Store::open_waiting(data.path(), Duration::from_secs(5)).unwrap(),
        Prober::new(CheckConfig {
            allow_private_targets: true,
            ..CheckConfig::default()
        }),
    );
    let replies = service.handle(&user("ann"), check("portal")).await.unwrap();
    let told = text(&replies);
    assert!(told.contains("The portal: unexpected content"), "{told}");
    assert!(
        told.contains("The article **Portal down for maintenance** explains this"),
        "{told}"
    );
    assert!(
        replies
            .iter()
            .flat_map(|r| &r.choices)
            .any(|c| c.action == Action::Article("portal-502".into())),
        "one press away: {told}"
    );
}

#[tokio::test]
async fn resolving_by_hand_while_the_service_still_fails_is_refused_unless_forced() {
    let server = TestServer::always(Behavior::status(502)).await;
    let knowledge = tempfile::tempdir().unwrap();
    write_knowledge(
        knowledge.path(),
        PORTAL_ARTICLE,
        &server.url("/"),
        "failure_threshold = 1\n",
    );
    let data = tempfile::tempdir().unwrap();
    let service = Service::with_prober(
        Knowledge::open(knowledge.path()).expect("valid knowledge"),
        Store::open_waiting(data.path(), Duration::from_secs(5)).unwrap(),
        Prober::new(CheckConfig {
            allow_private_targets: true,
            ..CheckConfig::default()
        }),
    );
    service.monitor_round(true).await.unwrap();
    let id = IncidentId(1);
    assert!(service.incident(id).unwrap().state.is_active());
    // The one function both `incidents resolve` and `/incident resolve` call.
    let refused = service
        .resolve_incident_by_hand(id, "sam", None, false, false)
        .await
        .unwrap_err()
        .to_string();
    for says in [
        "`portal` still failed its last check (bad gateway (502)",
        "--force on the command line, force: True with /incident resolve",
    ] {
        assert!(refused.contains(says), "{says}: {refused}");
    }
    assert!(
        service.incident(id).unwrap().state.is_active(),
        "still open"
    );
    let (incident, tickets) = service
        .resolve_incident_by_hand(id, "sam", None, true, true)
        .await
        .unwrap();
    assert!(!incident.state.is_active());
    assert!(tickets.is_empty());
}

#[tokio::test]
async fn a_check_turned_down_with_a_404_is_not_counted_as_down_in_uptime() {
    let server = TestServer::always(Behavior::status(404)).await;
    let knowledge = tempfile::tempdir().unwrap();
    write_knowledge(knowledge.path(), PORTAL_ARTICLE, &server.url("/"), "");
    let data = tempfile::tempdir().unwrap();
    let service = Service::with_prober(
        Knowledge::open(knowledge.path()).expect("valid knowledge"),
        Store::open_waiting(data.path(), Duration::from_secs(5)).unwrap(),
        Prober::new(CheckConfig {
            allow_private_targets: true,
            ..CheckConfig::default()
        }),
    );
    service.monitor_round(true).await.unwrap();
    assert!(service.store().incidents().is_empty(), "no outage opened");
    let day = service.status().targets[0].day;
    assert_eq!((day.checks, day.not_counted), (1, 1));
    assert_eq!(day.uptime_percent, None, "not 0% up");
    let shown = service.status_reply().text;
    assert!(
        shown.contains("1 check turned down with a 4xx not counted"),
        "{shown}"
    );
    assert!(!shown.contains("0.0% up"), "{shown}");
}

/// Input typed when the test says so: a reader that waits for each line sent to it.
struct TypedLater(std::sync::mpsc::Receiver<String>, Vec<u8>);

impl std::io::Read for TypedLater {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.1.is_empty() {
            match self.0.recv() {
                Ok(line) => self.1 = line.into_bytes(),
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.1.len());
        buf[..n].copy_from_slice(&self.1[..n]);
        self.1.drain(..n);
        Ok(n)
    }
}

/// Output the test reads while the console still runs.
#[derive(Clone, Default)]
struct Screen(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Screen {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Screen {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Waits (up to 10 s) until the screen shows `needle`.
    async fn shows(&self, needle: &str) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !self.text().contains(needle) {
            assert!(
                std::time::Instant::now() < deadline,
                "`{needle}` not shown; screen:\n{}",
                self.text()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

#[tokio::test]
async fn a_console_waiting_for_the_user_shows_an_outage_and_the_watchers_news_above_its_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(dir.path());
    let staff = service.clone();
    let (typed, typed_in) = std::sync::mpsc::channel::<String>();
    let (notices, notices_in) = tokio::sync::mpsc::unbounded_channel::<String>();
    let screen = Screen::default();
    let console = supportbot::console::run(
        service,
        user("u1"),
        std::io::BufReader::new(TypedLater(typed_in, Vec::new())),
        screen.clone(),
        true,
        Some(notices_in),
    );
    let user_waits = async {
        // The prompt is out: nothing is typed from here on until /quit.
        screen.shows("\x1b[?2004h> ").await;
        staff
            .declare_incident(
                "sam",
                "Sign-in failing for everyone",
                &["quickbooks-error-502".into()],
            )
            .unwrap();
        screen
            .shows("[outage I-0001 since 1970-01-01T00:16:40Z: Sign-in failing for everyone]")
            .await;
        notices
            .send("[knowledge reloaded: 14 articles, revision 1234abcd]".into())
            .unwrap();
        screen.shows("revision 1234abcd]\n> ").await;
        // The user asked to hear of its end (as "Notify me when it's fixed" does): told in full.
        staff
            .store()
            .subscribe(IncidentId(1), &user("u1"), 1_000)
            .unwrap();
        staff
            .resolve_incident(IncidentId(1), "sam", Some("Sign-in works again"))
            .unwrap();
        screen
            .shows("The outage I-0001 is over: Sign-in failing for everyone. Sign-in works again.")
            .await;
        typed.send("/quit\n".into()).unwrap();
    };
    let (ran, ()) = tokio::join!(console, user_waits);
    ran.unwrap();
    let shown = screen.text();
    // Each news line starts on a cleared prompt line and a new prompt follows it.
    assert!(
        shown.contains("\r\x1b[2K[outage I-0001"),
        "the prompt line is cleared first:\n{shown:?}"
    );
    assert!(
        shown.contains("\r\x1b[2K[knowledge reloaded: 14 articles, revision 1234abcd]\n> "),
        "{shown:?}"
    );
    assert_eq!(
        shown.matches("[outage I-0001 since").count(),
        1,
        "told once:\n{shown}"
    );
}
