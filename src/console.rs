//! Terminal adapter over the engine: reads lines, turns them into events, prints replies with
//! numbered choices. Works with piped stdin, so whole conversations can be scripted.

use crate::browser::Browser;
use crate::conversation::Event;
use crate::incident::IncidentId;
use crate::reply::terminal::{Emphasis, to_terminal};
use crate::reply::{Action, Choice, Reply, SpellHint};
use crate::service::{Service, ServiceError};
use crate::session::UserRef;
use crate::words;
use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::io::{BufRead, Write};

/// What a line of console input means.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Event(Event),
    Quit,
    Nothing,
    /// A problem with the input itself, shown as is.
    Invalid(String),
}

/// The one choice whose label starts with the words typed ("switch" for "Switch to Bank Feed
/// ...", "keep going" for "Keep going with ..."). `None` when several labels start so ("safari")
/// or the text is too short to be meant as a label (under 4 letters: "i", "no").
fn label_started(typed: &str, choices: &[Choice]) -> Option<Action> {
    let words: Vec<&str> = typed.split_whitespace().collect();
    if words.is_empty() || typed.chars().filter(|c| c.is_alphanumeric()).count() < 4 {
        return None;
    }
    let mut starting = choices.iter().filter(|c| {
        let label = c.label.to_lowercase();
        let label: Vec<&str> = label.split_whitespace().collect();
        label.len() > words.len() && label[..words.len()] == words[..]
    });
    match (starting.next(), starting.next()) {
        (Some(only), None) => Some(only.action.clone()),
        _ => None,
    }
}

/// A choice's number as people type it: "2", "[2]", "(2)", "2.", "2)", "#2", "option 2",
/// "choice 2", "number 2". None for anything else ("2 mins", "2fa").
fn choice_number(line: &str) -> Option<usize> {
    let lower = line.trim().to_lowercase();
    let mut rest = lower.as_str();
    for prefix in ["option", "choice", "number", "no.", "#"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    // "1 ty", "2 thanks": the number, with thanks or a please after it (explorer rv47 F17: "1
    // ty" at "Did this fix it?" was read as words).
    const COURTESY: &[&str] = &[
        "ty",
        "thx",
        "thanks",
        "thank you",
        "tyvm",
        "pls",
        "plz",
        "please",
    ];
    let rest = COURTESY
        .iter()
        .find_map(|c| {
            rest.strip_suffix(c)
                .filter(|r| r.ends_with([' ', ',', '.', '!']))
        })
        .map_or(rest, |r| r.trim_end_matches([' ', ',']));
    let rest = rest
        .trim_start_matches(['[', '('])
        .trim_end_matches(['.', '!', ')', ']', ':'])
        .trim();
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

/// Parses one line given the choices on screen. Pure.
pub fn parse_input(line: &str, choices: &[Choice]) -> Input {
    let line = line.trim();
    if line.is_empty() {
        return Input::Nothing;
    }
    if let Some(n) = choice_number(line) {
        return match choices.get(n.wrapping_sub(1)) {
            Some(c) => Input::Event(Event::Act(c.action.clone())),
            // ("103", "185": an error code typed alone, no choice; explorer rv48 F13.)
            None if choices.is_empty() || n >= 100 => Input::Event(Event::Describe {
                text: line.to_string(),
                browser: None,
                query: None,
            }),
            None if choices.len() == 1 => {
                Input::Invalid("Type 1 to pick the choice above, or type a message.".into())
            }
            None => Input::Invalid(format!(
                "Pick a number from 1 to {}, or type a message.",
                choices.len()
            )),
        };
    }
    // A button's label typed as text is that button ("Fixed it", "Check if the service is up"),
    // and so are its first words when they start no other label ("switch", "keep going").
    // ("why did this happen" is "Why did this happen?": end marks are no part of a label.)
    // A question mark is only dropped to meet a label's own: "fixed?" asks, and is no "Fixed it".
    // ("notify me when its fixed" is "Notify me when it's fixed": apostrophes are often left out.)
    let bare = |s: &str| {
        s.trim_end_matches(['.', '!', '?'])
            .trim()
            .to_lowercase()
            .replace(['\'', '’'], "")
    };
    let typed = bare(line);
    let asks = line.ends_with('?');
    if let Some(c) = choices
        .iter()
        .find(|c| bare(&c.label) == typed && (!asks || c.label.ends_with('?')))
    {
        return Input::Event(Event::Act(c.action.clone()));
    }
    // "let me know when its back up" with the outage's "Notify me" button on screen.
    // ("let me know if there's a workaround?", "tell me when i should try the steps" ask
    // something else.)
    let about_the_end = [
        "fixed", "over", "back", "up", "resolved", "done", "working", "posted", "updated", "notify",
    ];
    if crate::understand::asks_to_be_told(line)
        && !line.contains('?')
        && crate::plain_words::lowercase_words(line)
            .iter()
            .any(|w| about_the_end.contains(&w.as_str()))
        && let Some(c) = choices
            .iter()
            .find(|c| matches!(c.action, Action::NotifyMe(_)))
    {
        return Input::Event(Event::Act(c.action.clone()));
    }
    if let Some(action) = label_started(&typed, choices).filter(|_| !asks) {
        return Input::Event(Event::Act(action));
    }
    let lower = line.to_lowercase();
    let (command, rest) = match lower.strip_prefix('/') {
        Some(c) => {
            let (cmd, rest) = c.split_once(' ').unwrap_or((c, ""));
            (Some(cmd.to_string()), rest.trim().to_string())
        }
        None => (None, String::new()),
    };
    let has = |a: &Action| choices.iter().any(|c| &c.action == a);
    let act = |a: Action| Input::Event(Event::Act(a));
    // Typed answers answer the question on screen: its buttons name the step they are for.
    let fixed = choices
        .iter()
        .find(|c| matches!(c.action, Action::Fixed(_)))
        .map(|c| c.action.clone());
    let not_fixed = choices
        .iter()
        .find(|c| matches!(c.action, Action::NotFixed(_)))
        .map(|c| c.action.clone());
    let no_open_step = || {
        Input::Invalid(
            "There's no open step to answer right now. Describe your problem to start, or type /help."
                .into(),
        )
    };
    match command.as_deref() {
        Some("quit" | "exit" | "q") => return Input::Quit,
        Some("help" | "h" | "?") => return Input::Event(Event::Help),
        Some("restart" | "reset" | "new") => return act(Action::Restart),
        Some("human" | "escalate" | "agent") => {
            let note = line
                .split_once(' ')
                .map(|(_, n)| n.trim().to_string())
                .filter(|n| !n.is_empty());
            return Input::Event(Event::Escalate { note });
        }
        Some("check") => {
            let target = line
                .split_once(' ')
                .map(|(_, t)| t.trim().to_string())
                .filter(|t| !t.is_empty());
            return Input::Event(Event::Check { target });
        }
        Some("info" | "why") => return act(Action::MoreInfo),
        Some("fixed") => return fixed.map_or_else(no_open_step, act),
        Some("notfixed" | "broken") => return not_fixed.map_or_else(no_open_step, act),
        Some("browser") => {
            return match rest.as_str() {
                "" => Input::Invalid("Say which browser: /browser chrome|firefox|safari-mac|safari-ios|edge|ie|other".into()),
                "other" => act(Action::Browser(None)),
                b => match b.parse::<Browser>() {
                    Ok(b) => act(Action::Browser(Some(b))),
                    // The console also takes "other" (the parse error lists the browsers).
                    Err(e) => Input::Invalid(format!("{e}, or other")),
                },
            };
        }
        Some("fix" | "open") => {
            if rest.is_empty() {
                return Input::Invalid(
                    "Say which article: /fix ARTICLE-ID (see `supportbot kb list`).".into(),
                );
            }
            return Input::Event(Event::Open {
                article: rest,
                browser: None,
            });
        }
        Some(other) => {
            return Input::Invalid(format!(
                "Unknown command /{other}. Type /help for what I understand."
            ));
        }
        None => {}
    }
    match lower.trim_end_matches(['.', '!']) {
        // A goodbye ("bye") is said to the bot, which answers it: the console stays open, so
        // piped lines after it are not dropped. Leaving is a terminal's word or /quit.
        "quit" | "exit" => Input::Quit,
        "help" | "?" => Input::Event(Event::Help),
        "human" | "talk to a human" | "escalate" | "agent" => act(Action::Escalate),
        "check" | "is it down?" | "is it down" => Input::Event(Event::Check { target: None }),
        "restart" | "start over" => act(Action::Restart),
        "other" if has(&Action::Browser(None)) => act(Action::Browser(None)),
        _ => {
            // A browser typed at the browser question: "Chrome", "im using firefox", "on my
            // iPhone", or a near miss of a name ("chorme").
            // A bare "safari" is not assumed to be a Mac: the engine asks which.
            // ("brave" goes to the engine, which says whose steps stand in for it.)
            // ("ok so it works in chrome incognito on the phone" says more than where: the
            // engine reads it whole.)
            if has(&Action::Browser(None))
                && (crate::understand::only_says_where(line)
                    || line.split_whitespace().count() <= 2)
                && !Browser::is_bare_safari(line)
                && Browser::built_on(line).is_none()
                && let Some(b) = Browser::from_alias(line)
                    .or_else(|| Browser::detect(line))
                    .or_else(|| Browser::near_name(&lower))
                && has(&Action::Browser(Some(b)))
            {
                return act(Action::Browser(Some(b)));
            }
            Input::Event(Event::Describe {
                text: line.to_string(),
                browser: None,
                query: None,
            })
        }
    }
}

/// Renders a reply as plain text with numbered choices.
pub fn render(reply: &Reply) -> String {
    render_from(reply, 1)
}

/// Commands as the console spells them (`/check NAME`).
pub struct ConsoleSpelling;

impl SpellHint for ConsoleSpelling {
    fn check_command(&self, argument: &str) -> String {
        format!("/check {argument}")
    }
}

/// Renders a reply with its choices numbered from `first` (several replies shown together
/// share one numbering, so every number on screen means one thing).
pub fn render_from(reply: &Reply, first: usize) -> String {
    let numbers: Vec<usize> = (first..first + reply.choices.len()).collect();
    render_numbered(reply, &numbers, Emphasis::Plain)
}

/// Renders a reply with its choices under the given numbers (one per choice).
/// Markdown in the text, title and fields is shown as `emphasis` says, never raw.
fn render_numbered(reply: &Reply, numbers: &[usize], emphasis: Emphasis) -> String {
    let md = |s: &str| to_terminal(s, emphasis);
    let mut out = String::new();
    if let Some(title) = &reply.title {
        out.push_str(&format!("== {} ==\n", md(title)));
    }
    let text = reply.text_with_hint(&ConsoleSpelling);
    if !text.is_empty() {
        out.push_str(md(&text).trim_end());
        out.push('\n');
    }
    for f in &reply.fields {
        out.push_str(&format!("* {}: {}\n", md(&f.name), md(&f.value)));
    }
    for (n, c) in numbers.iter().zip(&reply.choices) {
        out.push_str(&format!("  [{n}] {}\n", c.label));
    }
    out
}

const CONSOLE_COMMANDS: &str = concat!(
    "\nIn this console: a number picks a choice; yes/no answer \"did this fix it?\";\n",
    "  /browser NAME    chrome, firefox, safari-mac, safari-ios, edge, ie or other\n",
    "  /fix ID          go straight to an article (the ids: supportbot kb list)\n",
    "  /check [TARGET]  check whether the service is up (a target name or URL)\n",
    "  /why             causes, prevention and FAQ of the current article\n",
    "  /fixed, /broken  answer \"did this fix it?\" for the step on screen\n",
    "  /human [note]    hand this to a person on the support team (or /escalate)\n",
    "  /restart         start over\n",
    "  /quit or Ctrl-D  leave (your conversation is kept for next time)"
);

/// Runs the console until end of input or /quit.
///
/// `input` is read on a thread of its own, so that while the user is not typing the console
/// still prints what happens meanwhile (on a terminal): an outage starting or ending, and the
/// `notices` other parts of the process send (the knowledge watcher's), each above a fresh
/// prompt. (Staff cannot claim or resolve a ticket meanwhile: one process at a time uses the
/// data directory, so the user hears of it on return, [`ticket_news`].)
pub async fn run(
    service: Service,
    user: UserRef,
    input: impl BufRead + Send + 'static,
    mut output: impl Write,
    interactive: bool,
    mut notices: Option<Notices>,
) -> anyhow::Result<()> {
    writeln!(
        output,
        "supportbot console: describe your problem (/help for commands, Ctrl-D to quit)."
    )?;
    // Bold on a terminal; plain text when piped (scripts, logs, tests).
    let emphasis = if interactive && std::io::stdout().is_terminal() {
        Emphasis::Ansi
    } else {
        Emphasis::Plain
    };
    if let Some(news) = ticket_news(&service, &user) {
        writeln!(output, "\n{}", to_terminal(&news, emphasis))?;
    }
    for news in outages_over_for(&service, &user) {
        writeln!(output, "\n{news}")?;
    }
    let mut choices = show(
        &mut output,
        service.handle(&user, Event::Resume).await?,
        emphasis,
    )?;
    // The open question's choices are the first `question_len` on screen; an aside's come after.
    let mut question_len = choices.len();
    let mut messages = read_messages(input);
    if interactive {
        // The terminal marks pasted text, so a pasted log is one message, not one per line.
        write!(output, "{PASTE_MODE_ON}")?;
    }
    let mut outages = BTreeSet::new();
    let mut idle = tokio::time::interval(IDLE_NEWS_EVERY);
    idle.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        for news in incident_news(&service, &user, &mut outages) {
            writeln!(output, "{news}")?;
        }
        if interactive {
            write!(output, "> ")?;
            output.flush()?;
        }
        let message = loop {
            tokio::select! {
                biased;
                message = messages.recv() => break message,
                Some(notice) = next_notice(&mut notices) => {
                    above_the_prompt(&mut output, &[notice], interactive)?;
                }
                _ = idle.tick(), if interactive => {
                    let news = incident_news(&service, &user, &mut outages);
                    if !news.is_empty() {
                        above_the_prompt(&mut output, &news, interactive)?;
                    }
                }
            }
        };
        let Some(line) = message else { break };
        let line = line?;
        if !interactive && !line.trim().is_empty() {
            writeln!(output, "> {}", line.trim())?;
        }
        match parse_input(&line, &choices) {
            Input::Quit => break,
            Input::Nothing => continue,
            Input::Invalid(msg) => writeln!(output, "{msg}")?,
            Input::Event(event) => match service.handle(&user, event.clone()).await {
                Ok(replies) => {
                    let aside = !replies.is_empty() && replies.iter().all(|r| r.aside);
                    // "Which service?" is answered by the check that follows: not asked again.
                    let which_service = choices[..question_len]
                        .iter()
                        .all(|c| matches!(c.action, Action::CheckTarget(_)));
                    if aside && question_len > 0 && !which_service {
                        // The open question keeps its numbers through an aside.
                        let extras = show_beside(
                            &mut output,
                            replies,
                            &mut choices,
                            question_len,
                            emphasis,
                        )?;
                        if event == Event::Help {
                            writeln!(output, "{CONSOLE_COMMANDS}")?;
                        }
                        remind(&mut output, &choices[..question_len], &extras)?;
                    } else {
                        choices = show(&mut output, replies, emphasis)?;
                        question_len = choices.len();
                        if event == Event::Help {
                            writeln!(output, "{CONSOLE_COMMANDS}")?;
                        }
                    }
                }
                // The one place service errors become console text.
                Err(ServiceError::Refused(why)) => writeln!(output, "{why}")?,
                Err(ServiceError::Internal(e)) => {
                    tracing::error!(error = %e, "console event failed");
                    writeln!(output, "{}", words::FAILED_ON_MY_SIDE)?;
                }
            },
        }
    }
    if interactive {
        write!(output, "{PASTE_MODE_OFF}")?;
    }
    writeln!(output, "Bye.")?;
    Ok(())
}

/// News from elsewhere in the process for the console to print as it comes (the knowledge
/// watcher's "[knowledge reloaded ...]").
pub type Notices = tokio::sync::mpsc::UnboundedReceiver<String>;

/// How often a console waiting for the user looks for news of an outage.
const IDLE_NEWS_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// The next notice, or never when there is no source of them (or it is gone).
async fn next_notice(notices: &mut Option<Notices>) -> Option<String> {
    match notices {
        Some(rx) => match rx.recv().await {
            Some(notice) => Some(notice),
            None => {
                *notices = None;
                std::future::pending().await
            }
        },
        None => std::future::pending().await,
    }
}

/// Prints `lines` while the prompt waits: on a terminal the prompt line (and whatever was
/// typed on it so far, which the terminal still holds) is cleared first and drawn again
/// after, so news never runs into the prompt.
fn above_the_prompt(
    output: &mut impl Write,
    lines: &[String],
    interactive: bool,
) -> std::io::Result<()> {
    if interactive {
        write!(output, "\r\x1b[2K")?;
    }
    for line in lines {
        writeln!(output, "{line}")?;
    }
    if interactive {
        write!(output, "> ")?;
    }
    output.flush()
}

/// Reads `input` on a thread of its own, one message at a time (a bracketed paste joined into
/// one), so the console can print news while it waits for the user. The thread ends at the
/// end of input, on a read error (sent on), or when the console stops listening.
fn read_messages(
    input: impl BufRead + Send + 'static,
) -> tokio::sync::mpsc::UnboundedReceiver<std::io::Result<String>> {
    let (sender, receiver) = tokio::sync::mpsc::unbounded_channel();
    std::thread::spawn(move || {
        let mut lines = input.lines();
        while let Some(line) = lines.next() {
            let message = line.and_then(|l| one_message(l, &mut lines));
            let failed = message.is_err();
            if sender.send(message).is_err() || failed {
                break;
            }
        }
    });
    receiver
}

/// The banner lines for incidents that started or ended since `shown` (the active ones the
/// console has announced): "[outage I-0007 since 10:42 UTC: ...]", "[outage I-0007 is over]";
/// to a user who asked to be told of its end, the end is told in full.
fn incident_news(
    service: &Service,
    user: &UserRef,
    shown: &mut BTreeSet<IncidentId>,
) -> Vec<String> {
    let active = service.store().active_incidents();
    let mut news = Vec::new();
    for i in &active {
        if shown.insert(i.id) {
            news.push(format!(
                "[outage {} since {}: {}]",
                i.id,
                crate::escalation::summary::rfc3339(i.opened_at),
                crate::escalation::text::for_terminal(&i.title)
            ));
        }
    }
    let ended: Vec<IncidentId> = shown
        .iter()
        .filter(|id| !active.iter().any(|i| i.id == **id))
        .copied()
        .collect();
    for id in ended {
        shown.remove(&id);
        let told = service.store().is_subscribed(id, &user.id);
        match service.store().incident(id) {
            Ok(Some(i)) if told => {
                let note = i.updates.last().map(|u| u.text.clone()).unwrap_or_default();
                news.push(crate::escalation::text::for_terminal(&words::outage_over(
                    &id.to_string(),
                    &i.title,
                    &note,
                )));
            }
            _ => news.push(format!("[outage {id} is over]")),
        }
    }
    news
}

/// Bracketed paste: the terminal wraps pasted text in these markers.
const PASTE_MODE_ON: &str = "\x1b[?2004h";
const PASTE_MODE_OFF: &str = "\x1b[?2004l";
const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

/// A line of input, or, when it starts a bracketed paste, every line up to the paste's end
/// joined as one message (markers removed).
fn one_message(
    line: String,
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
) -> std::io::Result<String> {
    if !line.contains(PASTE_START) {
        return Ok(line);
    }
    let mut text = line.replacen(PASTE_START, "", 1);
    while !text.contains(PASTE_END) {
        match lines.next() {
            Some(next) => {
                text.push('\n');
                text.push_str(&next?);
            }
            None => break,
        }
    }
    Ok(text.replace(PASTE_END, ""))
}

/// Where the user's ticket stands, for someone coming back to the console: on Discord the bot
/// sends a DM when staff claim or resolve; here the user learns it when they return. A
/// resolution is news only if it came after the user last spoke. In Markdown, rendered as
/// replies are.
fn ticket_news(service: &Service, user: &UserRef) -> Option<String> {
    use crate::escalation::ticket::Status;
    let session = service.session(user).ok()?;
    let id = session.ticket?;
    let ticket = service.store().ticket(id).ok()??;
    let last = ticket.history.last()?;
    match ticket.status {
        Status::Open => Some(format!(
            "Your ticket {id} is open: the support team has your summary and will pick it up."
        )),
        Status::Claimed => Some(format!(
            "Your ticket {id} was picked up by {}.",
            crate::escalation::text::escape_one_line(&last.by)
        )),
        // (Markdown: staff's note keeps its own, quoted on lines of its own.)
        Status::Resolved if last.at >= session.updated_at => Some(format!(
            "Your ticket {id} was resolved by {}.{}\nIf the problem is back, type /human.",
            crate::escalation::text::escape_one_line(&last.by),
            last.note
                .as_deref()
                .map(|n| format!("\n{}", crate::escalation::text::quote_staff_note(n)))
                .unwrap_or_default()
        )),
        Status::Resolved => None,
    }
}

/// The outages the user asked to hear the end of ("tell me when it's over") that ended since
/// they last spoke: on Discord a DM tells them; here they learn it when they return.
fn outages_over_for(service: &Service, user: &UserRef) -> Vec<String> {
    use crate::incident::IncidentState;
    let Ok(session) = service.session(user) else {
        return Vec::new();
    };
    service
        .store()
        .incidents()
        .into_iter()
        .filter(|i| {
            i.state == IncidentState::Resolved
                // Strictly after: any visit in the second it ended or later has been told.
                && i.resolved_at.is_some_and(|at| at > session.updated_at)
                && service
                    .store()
                    .incident_users(i.id)
                    .iter()
                    .any(|u| u.subscribed && u.user.id == user.id)
        })
        .map(|i| {
            let note = i.updates.last().map(|u| u.text.clone()).unwrap_or_default();
            crate::escalation::text::for_terminal(&crate::words::outage_over(
                &i.id.to_string(),
                &i.title,
                &note,
            ))
        })
        .collect()
}

/// After an aside, lists the open question's choices again under the numbers they had, so "2"
/// or "no" still answers it; then the aside's own choices (`extras`, numbered after the
/// question's), so the numbers on screen run in order (explorer rv48 F20: "[3] Talk to a
/// human" came above "[1]" and "[2]").
fn remind(
    output: &mut impl Write,
    open_question: &[Choice],
    extras: &[(usize, String)],
) -> std::io::Result<()> {
    writeln!(output, "\nThe question before is still open:")?;
    for (i, c) in open_question.iter().enumerate() {
        writeln!(output, "  [{}] {}", i + 1, c.label)?;
    }
    if !extras.is_empty() {
        writeln!(output, "Or:")?;
        for (n, label) in extras {
            writeln!(output, "  [{n}] {label}")?;
        }
    }
    output.flush()
}

/// Prints an aside's replies beside an open question (its first `question_len` choices on
/// screen), without their choices: a choice the question already has is left to the reminder
/// that follows, under its number there, so it is not listed twice; the aside's new choices
/// are numbered after the question's, added to `on_screen`, and returned (number and label,
/// in number order) for the reminder to list after the question's ([`remind`]).
fn show_beside(
    output: &mut impl Write,
    mut replies: Vec<Reply>,
    on_screen: &mut Vec<Choice>,
    question_len: usize,
    emphasis: Emphasis,
) -> std::io::Result<Vec<(usize, String)>> {
    let mut extras = Vec::new();
    for r in &mut replies {
        r.choices.retain(|c| {
            !on_screen[..question_len.min(on_screen.len())]
                .iter()
                .any(|x| x.action == c.action)
        });
        for c in std::mem::take(&mut r.choices) {
            let n = match on_screen.iter().position(|x| x.action == c.action) {
                Some(i) => i + 1,
                None => {
                    on_screen.push(c.clone());
                    on_screen.len()
                }
            };
            if !extras.iter().any(|(m, _)| *m == n) {
                extras.push((n, c.label));
            }
        }
        writeln!(output, "\n{}", render_numbered(r, &[], emphasis).trim_end())?;
    }
    extras.sort_by_key(|(n, _)| *n);
    output.flush()?;
    Ok(extras)
}

/// Prints replies and returns the choices now on screen, numbered across all of them: a
/// summary's "Check if the service is up" and the browser question that follows are both
/// pickable, and no two share a number.
fn show(
    output: &mut impl Write,
    mut replies: Vec<Reply>,
    emphasis: Emphasis,
) -> std::io::Result<Vec<Choice>> {
    // A choice offered again by a later reply is listed only there, so each action has one number.
    for i in 0..replies.len() {
        let (head, tail) = replies.split_at_mut(i + 1);
        head[i].choices.retain(|c| {
            !tail
                .iter()
                .any(|r| r.choices.iter().any(|x| x.action == c.action))
        });
    }
    let mut on_screen = Vec::new();
    for r in &replies {
        writeln!(
            output,
            "\n{}",
            {
                let numbers: Vec<usize> =
                    (on_screen.len() + 1..on_screen.len() + 1 + r.choices.len()).collect();
                render_numbered(r, &numbers, emphasis)
            }
            .trim_end()
        )?;
        on_screen.extend(r.choices.iter().cloned());
    }
    output.flush()?;
    Ok(on_screen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Style;
    use crate::session::Step;

    const STEP: Step = Step {
        attempt: 4,
        solution: 2,
    };

    fn choices() -> Vec<Choice> {
        vec![
            Choice::new(Action::Fixed(STEP), "Fixed it", Style::Success),
            Choice::new(Action::NotFixed(STEP), "Still broken", Style::Danger),
        ]
    }

    /// "[1]", "1.", "#1", "option 1": the first choice, as "1" is (they had been read as words,
    /// and "[1]" at "did this fix it?" as "still broken").
    #[test]
    fn a_number_typed_with_marks_or_words_picks_that_choice() {
        for typed in [
            "1",
            " [1] ",
            "(1)",
            "1.",
            "1)",
            "1!",
            "#1",
            "# 1",
            "option 1",
            "Choice 1",
            "number 1",
            // Explorer rv47 F17: thanks or a please after the number.
            "1 ty",
            "1, thanks",
            "1 thank you",
            "[1] pls",
            "1! thx",
        ] {
            match parse_input(typed, &choices()) {
                Input::Event(Event::Act(Action::Fixed(s))) => assert_eq!(s, STEP),
                other => panic!("{typed}: {other:?}"),
            }
        }
        for words in [
            "1 min",
            "2fa",
            "[1] still broken",
            "option",
            "#",
            "ty",
            "1ty",
            "1 ty but still broken",
        ] {
            assert_eq!(choice_number(words), None, "{words}");
        }
    }

    #[test]
    fn a_number_out_of_range_says_which_numbers_there_are() {
        let one = [Choice {
            action: Action::Restart,
            label: "Start over".into(),
            style: Style::Secondary,
        }];
        let two = [one[0].clone(), one[0].clone()];
        let said = |line: &str, choices: &[Choice]| match parse_input(line, choices) {
            Input::Invalid(msg) => msg,
            _ => panic!("{line} is refused"),
        };
        assert_eq!(
            said("4", &one),
            "Type 1 to pick the choice above, or type a message."
        );
        assert_eq!(
            said("4", &two),
            "Pick a number from 1 to 2, or type a message."
        );
        assert!(said("/browser android", &[]).ends_with("edge, ie, or other"));
        // An error code typed alone is words, not a choice out of range.
        assert!(matches!(
            parse_input("103", &two),
            Input::Event(Event::Describe { ref text, .. }) if text == "103"
        ));
    }

    #[test]
    fn choices_of_replies_shown_together_share_one_numbering() {
        let replies = vec![
            Reply::new("summary").choice(Action::Check, "Check", Style::Secondary),
            Reply::new("note"),
            Reply::new("which browser?")
                .choice(
                    Action::Browser(Some(Browser::Chrome)),
                    "Chrome",
                    Style::Secondary,
                )
                .choice(Action::Browser(None), "Other", Style::Secondary),
        ];
        let mut out = Vec::new();
        let on_screen = show(&mut out, replies, Emphasis::Plain).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("[1] Check"), "{out}");
        assert!(out.contains("[2] Chrome"), "{out}");
        assert!(out.contains("[3] Other"), "{out}");
        assert_eq!(
            parse_input("2", &on_screen),
            Input::Event(Event::Act(Action::Browser(Some(Browser::Chrome))))
        );
        assert_eq!(
            parse_input("1", &on_screen),
            Input::Event(Event::Act(Action::Check))
        );
        // A browser said alone is that choice; said with more, the engine reads it whole.
        assert_eq!(
            parse_input("im using chrome", &on_screen),
            Input::Event(Event::Act(Action::Browser(Some(Browser::Chrome))))
        );
        assert!(matches!(
            parse_input(
                "ok so it works in chrome incognito on the phone",
                &on_screen
            ),
            Input::Event(Event::Describe { .. })
        ));
    }

    #[test]
    fn an_aside_never_renumbers_the_open_question() {
        let mut on_screen = choices();
        on_screen.push(Choice::new(
            Action::Check,
            "Check if the service is up",
            Style::Secondary,
        ));
        on_screen.push(Choice::new(
            Action::Escalate,
            "Talk to a human",
            Style::Secondary,
        ));
        let check_result = vec![
            Reply::new("qbo answers 502")
                .choice(Action::Escalate, "Talk to a human", Style::Secondary)
                .choice(Action::MoreInfo, "Why?", Style::Secondary),
        ];
        let mut out = Vec::new();
        let extras =
            show_beside(&mut out, check_result, &mut on_screen, 4, Emphasis::Plain).unwrap();
        remind(&mut out, &on_screen[..4], &extras).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out.matches("Talk to a human").count(),
            1,
            "listed once, by the open question: {out}"
        );
        assert!(
            out.contains("[4] Talk to a human"),
            "the same number as before: {out}"
        );
        assert!(out.contains("[5] Why?"), "new choices come after: {out}");
        // Listed in number order, the question's first (explorer rv48 F20: "[5]" came above
        // "[1]").
        let at = |n: &str| out.find(n).unwrap_or_else(|| panic!("{n} in {out}"));
        assert!(at("[1] ") < at("[4] "), "{out}");
        assert!(at("[4] ") < at("[5] "), "{out}");
        assert!(at("still open") < at("[5] "), "{out}");
        assert!(out.contains("[2] Still broken"), "{out}");
        assert_eq!(
            parse_input("2", &on_screen),
            Input::Event(Event::Act(Action::NotFixed(STEP))),
            "2 still means Still broken after the check"
        );
        assert_eq!(
            parse_input("5", &on_screen),
            Input::Event(Event::Act(Action::MoreInfo))
        );
    }

    #[test]
    fn a_bare_safari_at_the_browser_question_is_not_taken_for_a_mac() {
        let on_screen = vec![
            Choice::new(
                Action::Browser(Some(Browser::SafariMac)),
                "Safari (Mac)",
                Style::Secondary,
            ),
            Choice::new(
                Action::Browser(Some(Browser::SafariIos)),
                "Safari (iPhone and iPad)",
                Style::Secondary,
            ),
            Choice::new(Action::Browser(None), "Other", Style::Secondary),
        ];
        assert!(
            matches!(
                parse_input("safari", &on_screen),
                Input::Event(Event::Describe { .. })
            ),
            "the engine asks which Safari"
        );
        assert_eq!(
            parse_input("safari on my mac", &on_screen),
            Input::Event(Event::Act(Action::Browser(Some(Browser::SafariMac))))
        );
    }

    #[test]
    fn a_bracketed_paste_is_one_message() {
        let input = "\x1b[200~ERROR 502\nat line 1\nat line 2\x1b[201~\nnext";
        let mut lines = std::io::BufRead::lines(input.as_bytes());
        let first = lines.next().unwrap().unwrap();
        assert_eq!(
            one_message(first, &mut lines).unwrap(),
            "ERROR 502\nat line 1\nat line 2"
        );
        let next = lines.next().unwrap().unwrap();
        assert_eq!(one_message(next, &mut lines).unwrap(), "next");
    }

    #[test]
    fn a_label_typed_as_text_is_that_button() {
        let mut on_screen = choices();
        on_screen.push(Choice::new(
            Action::Check,
            "Check if the service is up",
            Style::Secondary,
        ));
        assert_eq!(
            parse_input("Fixed it", &on_screen),
            Input::Event(Event::Act(Action::Fixed(STEP)))
        );
        assert_eq!(
            parse_input("still broken!", &on_screen),
            Input::Event(Event::Act(Action::NotFixed(STEP)))
        );
        assert_eq!(
            parse_input("Check if the service is up", &on_screen),
            Input::Event(Event::Act(Action::Check))
        );
        // Without the label's question mark, too.
        on_screen.push(Choice::new(
            Action::MoreInfo,
            "Why did this happen?",
            Style::Secondary,
        ));
        assert_eq!(
            parse_input("why did this happen", &on_screen),
            Input::Event(Event::Act(Action::MoreInfo))
        );
        // A question is no button whose label has no question mark: "fixed?" asks.
        assert!(matches!(
            parse_input("fixed?", &on_screen),
            Input::Event(Event::Describe { .. })
        ));
    }

    /// Seventeenth session: the outage's button typed without its apostrophe, or asked for in
    /// other words, is that button.
    #[test]
    fn asking_to_be_told_is_the_notify_button() {
        let on_screen = vec![
            Choice::new(
                Action::NotifyMe(1),
                "Notify me when it's fixed",
                Style::Primary,
            ),
            Choice::new(Action::Continue, "Help me anyway", Style::Secondary),
        ];
        for typed in [
            "notify me when its fixed",
            "Notify me when it’s fixed",
            "let me know when its back up",
            "pls keep me posted",
        ] {
            assert_eq!(
                parse_input(typed, &on_screen),
                Input::Event(Event::Act(Action::NotifyMe(1))),
                "{typed}"
            );
        }
        // Without the button, it is a message like any other.
        assert!(matches!(
            parse_input("let me know when its back up", &choices()),
            Input::Event(Event::Describe { .. })
        ));
    }

    #[test]
    fn the_first_words_of_one_label_are_that_button() {
        let keep_or_switch = vec![
            Choice::new(
                Action::Continue,
                "Keep going with QuickBooks Error 502",
                Style::Primary,
            ),
            Choice::new(
                Action::Article("bank-feed".into()),
                "Switch to Bank Feed Not Updating",
                Style::Secondary,
            ),
        ];
        assert_eq!(
            parse_input("switch", &keep_or_switch),
            Input::Event(Event::Act(Action::Article("bank-feed".into())))
        );
        assert_eq!(
            parse_input("Keep going!", &keep_or_switch),
            Input::Event(Event::Act(Action::Continue))
        );
        // (A prefix of two labels, "safari", is no pick:
        // `a_bare_safari_at_the_browser_question_is_not_taken_for_a_mac`.)
        // Too short to be meant as a label, and a whole sentence is not a label's start.
        let more = vec![Choice::new(
            Action::Restart,
            "I have another problem",
            Style::Secondary,
        )];
        assert!(matches!(
            parse_input("i", &more),
            Input::Event(Event::Describe { .. })
        ));
        assert!(matches!(
            parse_input("switch to firefox please", &keep_or_switch),
            Input::Event(Event::Describe { .. })
        ));
    }

    #[test]
    fn numbers_and_words_pick_choices() {
        assert_eq!(
            parse_input("2", &choices()),
            Input::Event(Event::Act(Action::NotFixed(STEP)))
        );
        // Answers in words are read by the engine (it knows the open step), not here.
        assert!(matches!(
            parse_input("yes that fixed it", &choices()),
            Input::Event(Event::Describe { .. })
        ));
        assert!(matches!(parse_input("9", &choices()), Input::Invalid(_)));
        assert_eq!(parse_input("/quit", &[]), Input::Quit);
        assert_eq!(parse_input("exit", &[]), Input::Quit);
        assert!(matches!(
            parse_input("bye", &[]),
            Input::Event(Event::Describe { .. })
        ));
        assert_eq!(parse_input("  ", &[]), Input::Nothing);
        assert_eq!(
            parse_input("/browser iOS Safari", &[]),
            Input::Event(Event::Act(Action::Browser(Some(Browser::SafariIos))))
        );
        assert!(
            matches!(parse_input("/frobnicate", &[]), Input::Invalid(m) if m.contains("/help"))
        );
        assert!(matches!(
            parse_input("502", &[]),
            Input::Event(Event::Describe { .. })
        ));
        // Typed answers answer the step on screen, and only when there is one.
        assert_eq!(
            parse_input("/broken", &choices()),
            Input::Event(Event::Act(Action::NotFixed(STEP)))
        );
        assert_eq!(
            parse_input("/fixed", &choices()),
            Input::Event(Event::Act(Action::Fixed(STEP)))
        );
        assert!(
            matches!(parse_input("/fixed", &[]), Input::Invalid(m) if m.contains("no open step"))
        );
        // "yes" without a question on screen is just text.
        assert!(matches!(
            parse_input("yes", &[]),
            Input::Event(Event::Describe { .. })
        ));
    }

    /// `/help` names every command the console takes (a helper found /fixed, /broken and
    /// /escalate working but unlisted).
    #[test]
    fn help_lists_every_command() {
        for command in [
            "/browser",
            "/fix ",
            "/check",
            "/why",
            "/fixed",
            "/broken",
            "/human",
            "/escalate",
            "/restart",
            "/quit",
        ] {
            assert!(CONSOLE_COMMANDS.contains(command), "{command}");
        }
    }
}
