//! The diagnostic summary captured on escalation, and its two renderings: a compact card for
//! staff that fits Discord's limits, and a full transcript (Markdown and JSON) never truncated.

use super::text::{escape_markdown, escape_one_line, quote, truncate_chars};
use crate::browser::Browser;
use crate::device::Device;
use crate::session::{
    AnsweredQuestion, Attempt, CheckRecord, EarlierProblem, Outcome, ScoredArticle, Session,
    UserRef,
};
use serde::{Deserialize, Serialize};

/// Discord's embed limits, which the card respects.
pub mod limits {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const TOTAL: usize = 6000;
}

/// Everything staff need, captured from the session (nothing retyped by the user).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub user: UserRef,
    /// Unix seconds.
    pub at: u64,
    /// The user's own words, verbatim.
    pub descriptions: Vec<String>,
    /// How many of their messages between the first and the latest the conversation did not
    /// keep ([`crate::session::MAX_DESCRIPTIONS`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub descriptions_left_out: usize,
    /// What else they typed during the walk (asides, replies not understood): folded away on
    /// the card, in full in the transcript.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asides: Vec<String>,
    /// Which asides were questions answered from the knowledge base, and by which entry: shown
    /// as answered, not among the replies not understood.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered: Vec<AnsweredQuestion>,
    pub matches: Vec<ScoredArticle>,
    /// The article worked through: (id, title).
    pub article: Option<(String, String)>,
    pub browser: Option<Browser>,
    pub device: String,
    pub attempts: Vec<Attempt>,
    pub checks: Vec<CheckRecord>,
    pub note: Option<String>,
    pub bot_version: String,
    pub kb_revision: String,
    /// Why there is no diagnosis: the knowledge base could not be loaded (one line), when a
    /// one-shot escalation went ahead without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_problem: Option<String>,
    /// The known outage this problem is part of ("I-0007: QuickBooks Online: bad gateway"),
    /// when one concerned the walked article as the user escalated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<LinkedIncident>,
    /// The user's resolved ticket this problem came back after ("T-0001, resolved by Sam:
    /// \"re-linked Chase\""), so staff see what was done last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
    /// Problems the user left earlier in the conversation with "Start over", unfixed: what
    /// they said and tried, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<EarlierProblem>,
    /// Set when the user added to their ticket ("add it to my ticket", "it works now") rather
    /// than asked for a person; a ticket opened that way (the old one was resolved) has it too.
    /// `None` for a hand-over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<Added>,
    /// The problem the ticket was opened for, when this summary was added to it about another
    /// (`article` is then that other, added problem): staff read the ticket as the problem it
    /// was opened for, with the added one beside it. Set when the summary joins an open ticket
    /// ([`Summary::keep_the_ticket_s_problem`]); `None` on the first summary and when the
    /// conversation is about the ticket's own problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_for: Option<OpenedFor>,
    /// When the ticket was opened (Unix seconds), on a summary that joined it later: "When"
    /// shows both times, the opening first (explorer rv47 F17: it showed only the latest
    /// update's). `None` on the summary the ticket was opened with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<u64>,
}

/// The problem a ticket was opened for, kept on a later summary about another problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedFor {
    /// The article: (id, title).
    pub article: (String, String),
    /// The ranking it was matched with.
    pub matches: Vec<ScoredArticle>,
}

/// What the user added to their open ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Added {
    /// A follow-up ("add it to my ticket").
    FollowUp,
    /// "nevermind, it works now": the ticket can be resolved.
    WorksNow,
}

/// Why the bot handed a conversation to a person at once, whatever its words matched: what it
/// does not troubleshoot. Read from the user's words, so tickets filed before say it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandedOverFor {
    /// "i think my account got hacked": urgent, whatever else was said.
    BreakIn,
    /// "it says my account is locked".
    LockedAccount,
    /// "i was charged twice", with no problem walked.
    Billing,
}

impl HandedOverFor {
    pub fn label(self) -> &'static str {
        match self {
            HandedOverFor::BreakIn => "Possible account takeover",
            HandedOverFor::LockedAccount => "Locked account",
            HandedOverFor::Billing => "Billing question",
        }
    }
}

/// The incident an escalation is linked to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedIncident {
    /// `I-0007`.
    pub id: String,
    pub title: String,
}

/// A compact card: maps onto one embed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub title: String,
    pub description: String,
    pub fields: Vec<(String, String)>,
    pub footer: String,
}

impl Card {
    /// Characters counted by Discord towards the 6000 total.
    pub fn total_chars(&self) -> usize {
        self.title.chars().count()
            + self.description.chars().count()
            + self.footer.chars().count()
            + self
                .fields
                .iter()
                .map(|(n, v)| n.chars().count() + v.chars().count())
                .sum::<usize>()
    }
}

/// How much an outcome tells staff: an answer, then a skip, then no answer.
fn informative(o: Option<Outcome>) -> u8 {
    match o {
        Some(
            Outcome::Fixed
            | Outcome::NotFixed
            | Outcome::CouldNotTry
            | Outcome::NotForThem
            | Outcome::WorksThere
            | Outcome::FailsThere,
        ) => 3,
        Some(Outcome::Skipped | Outcome::RuledOutByTest | Outcome::SkippedByUser) => 2,
        Some(Outcome::NoAnswer) => 1,
        None => 0,
    }
}

/// The device, from the browser where it implies one, else from the device the user last
/// named (`device`; for sessions stored before it was kept, the latest description naming
/// one, not where it works): "chrome on my android" is a phone, not a computer; "it works on my
/// phone" says nothing of the device that is broken.
fn device_of(browser: Option<Browser>, device: Option<Device>, said: &[String]) -> &'static str {
    let device = device.or_else(|| {
        said.iter()
            .rev()
            .filter(|s| crate::understand::where_it_works(s).is_none())
            .find_map(|s| Device::detect(s))
    });
    match (browser, device) {
        (Some(Browser::SafariIos), _) => Device::AppleTouch.label(),
        (Some(Browser::SafariMac), _) => "Mac",
        (Some(Browser::Ie), _) => "Windows PC",
        (_, Some(Device::Computer)) => "computer",
        (_, Some(d)) => d.label(),
        (Some(_), None) => "computer (desktop browser)",
        (None, None) => "unknown",
    }
}

/// A match at least this strong was offered to the user ("Is this it?") in either mode.
const OFFERED: f64 = 0.3;

impl Summary {
    pub fn capture(
        session: &Session,
        article_title: Option<&str>,
        note: Option<String>,
        kb_revision: &str,
        now: u64,
    ) -> Summary {
        Summary {
            user: session.user.clone(),
            at: now,
            descriptions: session.descriptions.clone(),
            descriptions_left_out: session.descriptions_left_out,
            asides: session.asides.clone(),
            answered: session.answered.clone(),
            // The ranking the walked article came from, so the title and matches agree; with
            // no walk, the last description's.
            matches: match session.walked_article() {
                None => session.matches.clone(),
                // A problem waiting after a fix: the score it was named with.
                Some(walked) if session.ticket_article() != Some(walked) => {
                    session.offered_after_fix.iter().cloned().collect()
                }
                Some(_) if !session.walked_matches.is_empty() => session.walked_matches.clone(),
                // A session saved before walks kept their ranking: the last one, if it chose
                // this article.
                Some(walked) if session.matches.first().is_some_and(|m| m.id == walked) => {
                    session.matches.clone()
                }
                Some(_) => Vec::new(),
            },
            article: session.ticket_article().map(|id| id.to_string()).map(|id| {
                // (An article removed under the walk: the title the user saw.)
                let title = article_title.or_else(|| session.title_seen(&id));
                let title = title.unwrap_or(&id).to_string();
                (id, title)
            }),
            browser: session.browser,
            device: device_of(session.browser, session.device, &session.descriptions).to_string(),
            attempts: session.attempts.clone(),
            checks: session.checks.clone(),
            note: note.filter(|n| !n.trim().is_empty()),
            bot_version: env!("CARGO_PKG_VERSION").to_string(),
            kb_revision: kb_revision.to_string(),
            kb_problem: None,
            incident: None,
            follows: None,
            earlier: session.earlier.clone(),
            added: None,
            opened_for: None,
            opened_at: None,
        }
    }

    /// When the ticket was opened and, for a summary added later, updated: "2026-01-02T03:04:05Z"
    /// or "opened 2026-01-02T03:04:05Z, updated 2026-01-03T09:00:00Z".
    fn when(&self) -> String {
        match self.opened_at.filter(|&opened| opened != self.at) {
            Some(opened) => format!("opened {}, updated {}", rfc3339(opened), rfc3339(self.at)),
            None => rfc3339(self.at),
        }
    }

    /// This summary, joining an open ticket whose latest summary is `before`, keeps the problem
    /// the ticket was opened for when it is about another ("payroll wont update", then "my bank
    /// feed isnt updating either", added): the ticket stays about payroll, with the bank feed
    /// as an added problem, its article and steps beside it (the bank feed took the ticket's
    /// article and matches before, and payroll sank to 4th of the matches).
    pub fn keep_the_ticket_s_problem(&mut self, before: &Summary) {
        let opened_for = before.opened_for.clone().or_else(|| {
            before.article.clone().map(|article| OpenedFor {
                article,
                matches: before.matches.clone(),
            })
        });
        self.opened_for = opened_for.filter(|o| {
            self.article
                .as_ref()
                .is_none_or(|(id, _)| *id != o.article.0)
        });
    }

    /// The problem added to the ticket, when this summary is about one ([`Summary::opened_for`]).
    pub fn added_problem(&self) -> Option<&(String, String)> {
        self.opened_for.as_ref().and(self.article.as_ref())
    }

    /// The article the ticket is about: the one it was opened for, else the one walked.
    fn ticket_article(&self) -> Option<&(String, String)> {
        match &self.opened_for {
            Some(o) => Some(&o.article),
            None => self.article.as_ref(),
        }
    }

    /// The ranking the ticket's article came from.
    fn ticket_matches(&self) -> &[ScoredArticle] {
        match &self.opened_for {
            Some(o) => &o.matches,
            None => &self.matches,
        }
    }

    /// The steps of the ticket's problem, and those of the added problem (none without one).
    fn steps_apart(&self) -> (Vec<Attempt>, Vec<Attempt>) {
        match self.added_problem() {
            Some((added, _)) => self
                .attempts
                .iter()
                .cloned()
                .partition(|a| a.article != *added),
            None => (self.attempts.clone(), Vec::new()),
        }
    }

    /// "Chrome / computer", "Firefox / not given", or "not given" when neither is known. Other
    /// browsers the user's descriptions name beside the one walked are said too ("Chrome (also
    /// named: Safari on a Mac) / computer"), and with none walked, those named ("Chrome or
    /// Safari on a Mac (named, not told which) / not given"): explorer rv47 F14, "happens in
    /// chrome at the office and safari on my mac at home" was "not given".
    fn browser_and_device(&self) -> String {
        let unknown = device_of(None, None, &[]);
        let mut named: Vec<Browser> = Vec::new();
        for b in self
            .descriptions
            .iter()
            .filter(|d| crate::understand::where_it_works(d).is_none())
            .flat_map(|d| Browser::all_named(d))
        {
            if !named.contains(&b) && Some(b) != self.browser {
                named.push(b);
            }
        }
        let named: Vec<&str> = named.iter().map(|b| b.label()).collect();
        let browser = match (self.browser, named.is_empty()) {
            (Some(b), true) => b.label().to_string(),
            (Some(b), false) => format!("{} (also named: {})", b.label(), named.join(", ")),
            (None, true) => "not given".to_string(),
            (None, false) => format!("{} (named, not told which)", named.join(" or ")),
        };
        match (self.browser, named.is_empty(), self.device.as_str()) {
            (None, true, d) if d == unknown => "not given".to_string(),
            (_, _, d) => format!("{browser} / {}", if d == unknown { "not given" } else { d }),
        }
    }

    /// This summary of a conversation begun after "Start over", added to an open ticket whose
    /// latest summary is `before`: staff read the latest summary, so what was said and tried
    /// before stays in it, and the new words come after. What this conversation knows (its
    /// article, browser, device) wins; what it does not know yet is kept from before.
    pub fn carry_on_from(&mut self, before: &Summary) {
        let after = |old: &[String], new: &[String]| -> Vec<String> {
            let fresh = new.iter().filter(|n| !old.contains(n)).cloned();
            old.iter().cloned().chain(fresh).collect()
        };
        self.descriptions = after(&before.descriptions, &self.descriptions);
        self.asides = after(&before.asides, &self.asides);
        let fresh: Vec<AnsweredQuestion> = (self.answered.iter())
            .filter(|a| !before.answered.contains(a))
            .cloned()
            .collect();
        self.answered = before.answered.iter().cloned().chain(fresh).collect();
        self.attempts = before
            .attempts
            .iter()
            .chain(&self.attempts)
            .cloned()
            .collect();
        self.checks = before.checks.iter().chain(&self.checks).cloned().collect();
        if self.article.is_none() {
            self.article.clone_from(&before.article);
            self.matches.clone_from(&before.matches);
        }
        self.browser = self.browser.or(before.browser);
        if self.device == device_of(None, None, &[]) {
            self.device.clone_from(&before.device);
        }
        if self.earlier.is_empty() {
            self.earlier.clone_from(&before.earlier);
        }
    }

    /// What the user said of the problem: the descriptions, less each reply that answered a
    /// step ("no still not working" at "did this fix it?"): that one is shown with its step
    /// ([`Attempt::said`]), not again as a description. (`descriptions` keeps every word, as
    /// the conversation has it.)
    fn said_of_the_problem(&self) -> Vec<&String> {
        let mut answers: Vec<&String> = self.attempts.iter().flat_map(|a| &a.said).collect();
        let mut kept: Vec<&String> = Vec::with_capacity(self.descriptions.len());
        // The latest of equal words is the answer: one said earlier as a description stays.
        for d in self.descriptions.iter().rev() {
            match answers.iter().position(|a| *a == d) {
                Some(i) => {
                    answers.swap_remove(i);
                }
                None => kept.push(d),
            }
        }
        kept.reverse();
        kept
    }

    /// The language the user wrote in, when it is not English: the bot reads English only, so
    /// staff are told its matches may be off (and, when it can tell, which language to answer
    /// in).
    fn language_line(&self) -> Option<String> {
        let found = self
            .descriptions
            .iter()
            .find_map(|d| crate::understand::language::other_language(d))?;
        Some(match found.name {
            Some(name) => format!(
                "{name}, as far as the bot can tell: it reads English only, so its matches may be off"
            ),
            None => "not English: the bot reads English only, so its matches may be off".into(),
        })
    }

    /// What staff are told instead of a diagnosis when the knowledge base could not be loaded.
    fn no_diagnosis(&self) -> Option<String> {
        self.kb_problem.as_ref().map(|why| {
            format!(
                "none: the knowledge base could not be loaded ({})",
                escape_markdown(why)
            )
        })
    }

    fn outcome_word(o: Option<Outcome>) -> &'static str {
        match o {
            Some(Outcome::Fixed) => "fixed it",
            Some(Outcome::NotFixed) => "did not fix it",
            Some(Outcome::Skipped) => "skipped (no steps for this browser or device)",
            Some(Outcome::RuledOutByTest) => "skipped: a test ruled it out",
            Some(Outcome::CouldNotTry) => "could not try it",
            Some(Outcome::NotForThem) => "not for them (they said it does not apply)",
            Some(Outcome::SkippedByUser) => "skipped by the user (not tried)",
            Some(Outcome::WorksThere) => "works there (a test, not a fix)",
            Some(Outcome::FailsThere) => "fails there too (a test)",
            Some(Outcome::NoAnswer) | None => "no answer",
        }
    }

    /// The steps of the ticket's problem (those of an added problem are told with it).
    fn attempt_lines(&self) -> Vec<String> {
        step_lines(&self.steps_apart().0)
    }

    /// The added problem's steps.
    fn added_attempt_lines(&self) -> Vec<String> {
        step_lines(&self.steps_apart().1)
    }

    /// An earlier problem in a few lines: its first words, the article walked and its steps.
    fn earlier_lines(problem: &EarlierProblem, words_max: usize) -> Vec<String> {
        let said = problem
            .descriptions
            .first()
            .map(|d| format!("“{}”", escape_one_line(&truncate_chars(d, words_max))))
            .unwrap_or_else(|| "(nothing described)".to_string());
        let article = problem
            .article
            .as_ref()
            .map(|(id, title)| format!(": {} (`{id}`)", escape_markdown(title)))
            .unwrap_or_else(|| ": no article walked".to_string());
        let mut lines = vec![format!("{said}{article}")];
        lines.extend(
            step_lines(&problem.attempts)
                .into_iter()
                .map(|l| format!("  {l}")),
        );
        lines.extend(problem.checks.iter().map(|c| {
            format!(
                "  live check {}: {}",
                escape_markdown(&c.target),
                escape_markdown(&c.verdict)
            )
        }));
        lines
    }

    /// What the ticket is about, in plain text: the walked article's title, else the last one
    /// walked before a "Start over" (marked so); `None` with neither.
    pub fn topic(&self) -> Option<String> {
        self.topic_parts()
            .map(|(title, how)| format!("{title}{how}"))
    }

    /// The title [`Summary::topic`] rests on and what to say of it: walked, walked before
    /// "Start over", or the best match of the words, not walked (offered at "Is this it?" and
    /// not confirmed, or never shown: "bank feed stopped, i want a human now").
    fn topic_parts(&self) -> Option<(&str, &'static str)> {
        if let Some((_, title)) = self.ticket_article() {
            return Some((title, ""));
        }
        if let Some((_, title)) = self.earlier.iter().rev().find_map(|e| e.article.as_ref()) {
            return Some((title, " (before Start over)"));
        }
        self.matches
            .first()
            .filter(|m| m.score >= OFFERED)
            .map(|m| (m.title.as_str(), " (best match, not walked)"))
    }

    /// [`Summary::topic`] for the card (the title Markdown escaped), or that nothing matched;
    /// why the bot handed over at once first, when it did.
    fn subject(&self) -> String {
        if let Some(why) = self.why_handed_over_line() {
            return escape_markdown(&why);
        }
        self.topic_parts()
            .map(|(title, how)| format!("{}{how}", escape_markdown(title)))
            .unwrap_or_else(|| escape_markdown(&self.no_article()))
    }

    /// Why the bot handed over at once, and the user's words that told it: a break-in
    /// anywhere in what they said; a locked account; billing when no problem was walked (a
    /// charge asked about beside a problem walked is no reason of its own).
    pub fn handed_over_for(&self) -> Option<(HandedOverFor, &str)> {
        use crate::understand::{
            asks_about_billing, reports_a_break_in, says_the_account_is_locked,
        };
        let said = || {
            (self.descriptions.iter())
                .chain(self.attempts.iter().flat_map(|a| &a.said))
                .chain(&self.asides)
                .chain(&self.note)
        };
        let first = |pred: fn(&str) -> bool| said().find(|m| pred(m)).map(String::as_str);
        if let Some(m) = first(reports_a_break_in) {
            return Some((HandedOverFor::BreakIn, m));
        }
        if self.ticket_article().is_some() {
            return None;
        }
        if let Some(m) = first(says_the_account_is_locked) {
            return Some((HandedOverFor::LockedAccount, m));
        }
        let billing = (self.descriptions.iter()).find(|d| asks_about_billing(d));
        billing.map(|m| (HandedOverFor::Billing, m.as_str()))
    }

    /// The subject of a ticket the bot handed over at once ([`Summary::handed_over_for`]):
    /// the reason and the start of the words ("Possible account takeover: “i think my account
    /// got hacked”"), with the article walked when there was one. Plain text.
    pub fn why_handed_over_line(&self) -> Option<String> {
        let (why, said) = self.handed_over_for()?;
        Some(match self.ticket_article() {
            Some((_, title)) => format!("{} (while on {title})", why.label()),
            None => format!("{}: “{}”", why.label(), first_words(said)),
        })
    }

    /// A subject with no article to name: that none matched, with the start of what the user
    /// said first, so a listing tells such tickets apart ("No matching article: “i want a
    /// refund and to speak to someone…”"). Plain text.
    pub fn no_article(&self) -> String {
        match self.descriptions.first() {
            Some(said) => format!("No matching article: “{}”", first_words(said)),
            None => "No matching article".to_string(),
        }
    }

    fn check_lines(&self) -> Vec<String> {
        self.checks
            .iter()
            .map(|c| {
                let status = c.status.map(|s| format!(" HTTP {s}")).unwrap_or_default();
                let ms = c.total_ms.map(|m| format!(", {m} ms")).unwrap_or_default();
                format!(
                    "{}: **{}**{}{} ({})",
                    escape_markdown(&c.target),
                    escape_markdown(&c.verdict),
                    status,
                    ms,
                    rfc3339(c.at)
                )
            })
            .collect()
    }

    fn match_lines(&self) -> Vec<String> {
        self.ticket_matches()
            .iter()
            .take(3)
            .map(|m| format!("{} `{}` ({:.2})", escape_markdown(&m.title), m.id, m.score))
            .collect()
    }

    /// The first sentence the user typed that says the problem cannot wait ("payroll is due
    /// today"), read from everything they said: staff see it first.
    pub fn urgency(&self) -> Option<String> {
        // A possible break-in is urgent whatever words it was told in.
        if let Some((HandedOverFor::BreakIn, said)) = self.handed_over_for() {
            return Some(said.to_string());
        }
        self.descriptions
            .iter()
            .chain(self.attempts.iter().flat_map(|a| &a.said))
            .chain(&self.asides)
            .chain(&self.note)
            .chain(self.earlier.iter().flat_map(|e| &e.descriptions))
            .find_map(|m| crate::understand::urgency::said(m))
    }

    /// The asides staff are shown: all but the one the ticket's urgency quotes ("payroll is
    /// due today" is on the Urgent line, understood and acted on; listed among the replies not
    /// understood too, it read as missed).
    /// (Nor the questions answered from the knowledge base: [`Summary::answered`], listed
    /// apart, so staff do not read them as missed; explorer rv46 F18.)
    fn asides_shown(&self) -> Vec<&String> {
        let urgent = self.urgency();
        (self.asides.iter())
            .filter(|a| urgent.as_deref() != Some(a.as_str()))
            .filter(|a| !self.answered.iter().any(|q| &q.asked == *a))
            .collect()
    }

    /// The compact staff card, within Discord's embed limits, cut on character boundaries with
    /// a marker where needed.
    pub fn card(&self, ticket_id: &str) -> Card {
        let urgency = self.urgency();
        let title = truncate_chars(
            &format!(
                "{ticket_id} · {}{}",
                if urgency.is_some() { "Urgent · " } else { "" },
                self.subject()
            ),
            limits::TITLE,
        );
        let mut description = String::new();
        for d in self.said_of_the_problem() {
            description.push_str(&quote(&trimmed_for_card(d)));
            description.push_str("\n\n");
        }
        let asides = self.asides_shown();
        if !asides.is_empty() {
            description.push_str(&format!(
                "_{} other message{} (asides, replies not understood) in the transcript_\n\n",
                asides.len(),
                if asides.len() == 1 { "" } else { "s" }
            ));
        }
        if !self.answered.is_empty() {
            description.push_str(&format!(
                "_{} question{} answered from the knowledge base, in the transcript_\n\n",
                self.answered.len(),
                if self.answered.len() == 1 { "" } else { "s" }
            ));
        }
        if let Some(note) = &self.note {
            description.push_str("**Note from the user**\n");
            description.push_str(&quote(note));
        }
        let description = truncate_chars(description.trim_end(), 3000.min(limits::DESCRIPTION));
        let mut fields: Vec<(String, String)> = urgency
            .map(|said| {
                (
                    "Urgent".to_string(),
                    format!("the user said: “{}”", escape_one_line(&said)),
                )
            })
            .into_iter()
            .collect();
        fields.extend([
            (
                "User".to_string(),
                format!(
                    "{} (`{}`)",
                    escape_one_line(&self.user.name),
                    escape_one_line(&self.user.id)
                ),
            ),
            ("Where".to_string(), escape_one_line(&self.user.channel)),
            ("Browser / device".to_string(), self.browser_and_device()),
        ]);
        if let Some(none) = self.no_diagnosis() {
            fields.push(("Diagnosis".to_string(), none));
        }
        if let Some(language) = self.language_line() {
            fields.push(("Language".to_string(), language));
        }
        if let Some(earlier) = &self.follows {
            fields.push(("Came back after".to_string(), escape_markdown(earlier)));
        }
        if let Some(i) = &self.incident {
            fields.push((
                "Known outage".to_string(),
                format!("{}: {}", i.id, escape_markdown(&i.title)),
            ));
        }
        let matches = self.match_lines();
        fields.push((
            "Top matches".to_string(),
            if matches.is_empty() {
                "none".into()
            } else {
                matches.join("\n")
            },
        ));
        let attempts = self.attempt_lines();
        fields.push((
            "Steps tried".to_string(),
            if attempts.is_empty() {
                "none".into()
            } else {
                attempts.join("\n")
            },
        ));
        if let Some((id, title)) = self.added_problem() {
            let steps = self.added_attempt_lines();
            fields.push((
                "Added problem".to_string(),
                std::iter::once(format!("{} (`{id}`)", escape_markdown(title)))
                    .chain(steps)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ));
        }
        let checks = self.check_lines();
        if !checks.is_empty() {
            fields.push(("Live checks".to_string(), checks.join("\n")));
        }
        if !self.earlier.is_empty() {
            let lines: Vec<String> = self
                .earlier
                .iter()
                .flat_map(|e| Self::earlier_lines(e, 120))
                .collect();
            fields.push((
                "Earlier in this conversation (before Start over)".to_string(),
                lines.join("\n"),
            ));
        }
        let fields: Vec<(String, String)> = fields
            .into_iter()
            .take(limits::FIELDS)
            .map(|(n, v)| {
                (
                    truncate_chars(&n, limits::FIELD_NAME),
                    truncate_chars(&v, limits::FIELD_VALUE),
                )
            })
            .collect();
        let footer = truncate_chars(
            &format!(
                "supportbot {} · knowledge {} · {}",
                self.bot_version,
                self.kb_revision,
                self.when()
            ),
            limits::FOOTER,
        );
        let mut card = Card {
            title,
            description,
            fields,
            footer,
        };
        // The 6000 total: shrink the description first, it holds the free text.
        let over = card.total_chars().saturating_sub(limits::TOTAL);
        if over > 0 {
            let keep = card.description.chars().count().saturating_sub(over);
            card.description = truncate_chars(&card.description, keep);
        }
        card
    }

    /// The full transcript in Markdown: every description, note, step and check, escaped,
    /// never truncated.
    pub fn transcript_markdown(&self, ticket_id: &str) -> String {
        self.transcript_markdown_headed(&format!("# Ticket {ticket_id}\n\n"))
    }

    /// [`Summary::transcript_markdown`] under `head` (Markdown written by the caller, ending
    /// in a blank line) instead of the ticket's title: how an export of several summaries
    /// says which one each is.
    pub fn transcript_markdown_headed(&self, head: &str) -> String {
        let mut t = head.to_string();
        t.push_str(&format!(
            "- User: {} (`{}`)\n",
            escape_one_line(&self.user.name),
            escape_one_line(&self.user.id)
        ));
        t.push_str(&format!(
            "- Where: {}\n",
            escape_one_line(&self.user.channel)
        ));
        t.push_str(&format!("- When: {}\n", self.when()));
        if let Some(said) = self.urgency() {
            t.push_str(&format!(
                "- Urgent: the user said “{}”\n",
                escape_one_line(&said)
            ));
        }
        t.push_str(&format!(
            "- Browser / device: {}\n",
            self.browser_and_device()
        ));
        if let Some((why, _)) = self.handed_over_for() {
            t.push_str(&format!(
                "- Handed over at once: {} (no troubleshooting steps for this)\n",
                why.label().to_lowercase()
            ));
        }
        if let Some((id, title)) = self.ticket_article() {
            t.push_str(&format!("- Article: {} (`{id}`)\n", escape_markdown(title)));
        }
        if let Some((id, title)) = self.added_problem() {
            t.push_str(&format!(
                "- Added problem: {} (`{id}`)\n",
                escape_markdown(title)
            ));
        }
        if let Some(none) = self.no_diagnosis() {
            t.push_str(&format!("- Diagnosis: {none}\n"));
        }
        if let Some(language) = self.language_line() {
            t.push_str(&format!("- Language: {language}\n"));
        }
        if let Some(earlier) = &self.follows {
            t.push_str(&format!(
                "- Came back after: {}\n",
                escape_markdown(earlier)
            ));
        }
        if let Some(i) = &self.incident {
            t.push_str(&format!(
                "- Known outage: {}: {}\n",
                i.id,
                escape_markdown(&i.title)
            ));
        }
        t.push_str(&format!(
            "- Bot: supportbot {}, knowledge revision {}\n",
            self.bot_version, self.kb_revision
        ));
        t.push_str("\n## What the user said\n\n");
        let said = self.said_of_the_problem();
        // (After "Start over" nothing may have been said yet: the earlier problems follow. A
        // first "i want a real person" is no problem told: it is among the other words.)
        if said.is_empty() {
            t.push_str(if !self.earlier.is_empty() {
                "nothing since Start over (see Earlier in this conversation)\n\n"
            } else if !self.asides_shown().is_empty() {
                "nothing about a problem (their words are under Other things the user said)\n\n"
            } else {
                "nothing\n\n"
            });
        }
        if self.descriptions_left_out > 0 {
            t.push_str(&format!(
                "_{} of their messages between the first and the latest were not kept._\n\n",
                self.descriptions_left_out
            ));
        }
        for d in said {
            t.push_str(&quote(d));
            t.push_str("\n\n");
        }
        let asides = self.asides_shown();
        if !asides.is_empty() {
            t.push_str("## Other things the user said (asides, replies not understood)\n\n");
            for a in asides {
                t.push_str(&quote(a));
                t.push_str("\n\n");
            }
        }
        if !self.answered.is_empty() {
            t.push_str("## Asked and answered from the knowledge base\n\n");
            for a in &self.answered {
                t.push_str(&quote(&a.asked));
                t.push_str(&format!(
                    "\n\nAnswered with the FAQ entry \"{}\".\n\n",
                    escape_one_line(&a.entry)
                ));
            }
        }
        if let Some(note) = &self.note {
            t.push_str("## Note from the user\n\n");
            t.push_str(&quote(note));
            t.push_str("\n\n");
        }
        t.push_str("## Matches\n\n");
        push_matches(&mut t, self.ticket_matches());
        t.push_str("\n## Steps tried\n\n");
        let steps = self.attempt_lines();
        if steps.is_empty() {
            t.push_str("none\n");
        }
        for line in steps {
            t.push_str(&format!("- {line}\n"));
        }
        if let Some((id, title)) = self.added_problem() {
            t.push_str(&format!(
                "\n## Added problem: {} (`{id}`)\n\nMatches:\n\n",
                escape_markdown(title)
            ));
            push_matches(&mut t, &self.matches);
            t.push_str("\nSteps tried:\n\n");
            let steps = self.added_attempt_lines();
            if steps.is_empty() {
                t.push_str("none\n");
            }
            for line in steps {
                t.push_str(&format!("- {line}\n"));
            }
        }
        t.push_str("\n## Live checks\n\n");
        if self.checks.is_empty() {
            t.push_str("none\n");
        }
        for c in &self.checks {
            // One figure for how long it took: the detail's ("answered 200 OK after 1.5 ms",
            // what a browser waits for) when it gives one, else the check's total. (The total
            // also counts the probe's own connection, in whole milliseconds: beside the
            // detail's it read "total 1 ms — answered 200 OK after 1.5 ms".)
            let total = match c.total_ms {
                _ if says_how_long(&c.detail) => String::new(),
                Some(m) => format!(", total {m} ms"),
                None => ", total n/a".into(),
            };
            t.push_str(&format!(
                "- {} ({}) at {}: {} — status {}{total} — {}\n",
                escape_markdown(&c.target),
                escape_markdown(&c.url),
                rfc3339(c.at),
                escape_markdown(&c.verdict),
                c.status
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "none".into()),
                escape_markdown(&c.detail)
            ));
        }
        if !self.earlier.is_empty() {
            t.push_str("\n## Earlier in this conversation (before Start over)\n");
            for (n, e) in self.earlier.iter().enumerate() {
                let article = e
                    .article
                    .as_ref()
                    .map(|(id, title)| format!("{} (`{id}`)", escape_markdown(title)))
                    .unwrap_or_else(|| "no article walked".to_string());
                t.push_str(&format!("\n### Problem {}: {article}\n\n", n + 1));
                for d in &e.descriptions {
                    t.push_str(&quote(d));
                    t.push_str("\n\n");
                }
                for line in step_lines(&e.attempts) {
                    t.push_str(&format!("- {line}\n"));
                }
                for c in &e.checks {
                    t.push_str(&format!(
                        "- live check {} at {}: {}\n",
                        escape_markdown(&c.target),
                        rfc3339(c.at),
                        escape_markdown(&c.verdict)
                    ));
                }
            }
        }
        t
    }

    /// The full transcript as JSON: the raw model, text stored intact.
    pub fn transcript_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let (Some(map), Some(said)) = (v.as_object_mut(), self.urgency()) {
            map.insert("urgent".into(), serde_json::Value::String(said));
        }
        v
    }
}

/// What one message may take of the card: a longer paste (a log, a stack trace) is cut here,
/// its first lines kept and its whole text left to the transcript, so later messages still fit.
const CARD_CHARS_PER_MESSAGE: usize = 600;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The start of what the user said, on one line, for a subject ("i want a refund and to
/// speak to someone…").
fn first_words(said: &str) -> String {
    const SHOWN: usize = 48;
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown: String = said.chars().take(SHOWN).collect();
    let more = if said.chars().count() > SHOWN {
        "…"
    } else {
        ""
    };
    format!("{}{more}", shown.trim_end())
}

/// `said` as the card shows it: whole when short, else its start, how much was left out and
/// where to read it.
fn trimmed_for_card(said: &str) -> String {
    let total = said.chars().count();
    if total <= CARD_CHARS_PER_MESSAGE {
        return said.to_string();
    }
    let start: String = said.chars().take(CARD_CHARS_PER_MESSAGE).collect();
    format!(
        "{start}\n[… {} more characters: the whole message is in the transcript]",
        total - CARD_CHARS_PER_MESSAGE
    )
}

/// A ranking as the transcript lists it, or "none".
fn push_matches(t: &mut String, matches: &[ScoredArticle]) {
    if matches.is_empty() {
        t.push_str("none\n");
    }
    for m in matches {
        t.push_str(&format!(
            "- {} (`{}`): {:.3}\n",
            escape_markdown(&m.title),
            m.id,
            m.score
        ));
    }
}

/// Whether a check's detail says how long the answer took ("answered 200 OK after 1.5 ms",
/// "after 3.4 s"; not "dropped after 120 bytes").
fn says_how_long(detail: &str) -> bool {
    detail.match_indices(" after ").any(|(at, m)| {
        let rest = &detail[at + m.len()..];
        let number = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        number > 0 && (rest[number..].starts_with(" ms") || rest[number..].starts_with(" s"))
    })
}

/// Unix seconds as RFC 3339 (UTC).
pub fn rfc3339(secs: u64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
        .to_string()
}

/// Each step once, with its latest outcome, in the order first shown; prefixed with its
/// article when the conversation walked more than one.
/// How much of each thing the user said of a step its line shows (characters).
const SAID_OF_A_STEP: usize = 160;

fn step_lines(attempts: &[Attempt]) -> Vec<String> {
    let mut steps: Vec<&Attempt> = Vec::new();
    for a in attempts {
        match steps
            .iter_mut()
            .find(|s| s.article == a.article && s.solution == a.solution && s.title == a.title)
        {
            // A later showing counts unless it says less (an answer is never replaced by
            // "no answer" or "skipped").
            Some(seen) if informative(a.outcome) >= informative(seen.outcome) => *seen = a,
            Some(_) => {}
            None => steps.push(a),
        }
    }
    let several = steps.iter().any(|s| s.article != steps[0].article);
    steps
        .into_iter()
        .map(|a| {
            let article = if several {
                format!("`{}` ", a.article)
            } else {
                String::new()
            };
            let browser = a
                .browser
                .map(|b| format!(" ({})", b.label()))
                .unwrap_or_default();
            // (What the user said of it, in their words, briefly: the transcript has all.)
            let said: String = a
                .said
                .iter()
                .map(|s| format!(" “{}”", escape_one_line(&truncate_chars(s, SAID_OF_A_STEP))))
                .collect();
            let said = if said.is_empty() {
                said
            } else {
                format!("; they said:{said}")
            };
            format!(
                "{article}{}. {}{} — {}{said}",
                a.solution + 1,
                escape_markdown(&a.title),
                browser,
                if a.came_back && a.outcome == Some(Outcome::NotFixed) {
                    "worked at first, then the problem came back"
                } else {
                    Summary::outcome_word(a.outcome)
                }
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    /// Handed over from "Is this it?" (or before anything was shown): the ticket is titled by
    /// the best match, said not to be walked; a weak match titles nothing.
    #[test]
    fn the_best_match_not_walked_titles_the_ticket_as_such() {
        let user = crate::session::UserRef {
            id: "u".into(),
            name: "Ann".into(),
            channel: "c".into(),
        };
        let mut session = Session::new(user, 0);
        session.descriptions.push("blank page in chrome".into());
        session.matches.push(ScoredArticle {
            id: "page-not-loading".into(),
            title: "Page Not Loading".into(),
            score: 0.9,
        });
        let summary = Summary::capture(&session, None, None, "rev", 0);
        assert_eq!(
            summary.topic().as_deref(),
            Some("Page Not Loading (best match, not walked)")
        );
        session.matches[0].score = 0.1;
        let summary = Summary::capture(&session, None, None, "rev", 0);
        assert_eq!(summary.topic(), None);
        // (With the start of what was said, so listings tell such tickets apart.)
        assert_eq!(
            summary.no_article(),
            "No matching article: “blank page in chrome”"
        );
        session.descriptions[0] =
            "i want a refund and to speak to someone about my account please".into();
        let summary = Summary::capture(&session, None, None, "rev", 0);
        assert_eq!(
            summary.no_article(),
            "No matching article: “i want a refund and to speak to someone about my…”"
        );
        session.descriptions.clear();
        let summary = Summary::capture(&session, None, None, "rev", 0);
        assert_eq!(summary.subject(), "No matching article");
    }

    /// A problem told in another language: staff are told which (the bot's matches on it may
    /// be off); in English, no such line.
    #[test]
    fn a_description_in_another_language_is_named_for_staff() {
        let user = crate::session::UserRef {
            id: "u".into(),
            name: "Ana".into(),
            channel: "c".into(),
        };
        let mut session = Session::new(user, 0);
        session
            .descriptions
            .push("no puedo entrar a quickbooks, me sale una pagina en blanco".into());
        let summary = Summary::capture(&session, None, None, "rev", 0);
        let card = summary.card("T-0001");
        let language = card.fields.iter().find(|(name, _)| name == "Language");
        assert!(
            language.is_some_and(|(_, v)| v.starts_with("Spanish, as far as the bot can tell")),
            "{:?}",
            card.fields
        );
        assert!(
            summary
                .transcript_markdown("T-0001")
                .contains("- Language: Spanish, as far as the bot can tell")
        );
        session.descriptions[0] = "blank page in chrome since this morning".into();
        let summary = Summary::capture(&session, None, None, "rev", 0);
        assert!(
            !summary
                .card("T-0001")
                .fields
                .iter()
                .any(|(n, _)| n == "Language")
        );
        assert!(!summary.transcript_markdown("T-0001").contains("Language"));
    }

    /// A user who said it cannot wait: staff see it first on the card (title and first field),
    /// in the transcript and in the JSON, in the user's words; a calm one has none of it.
    #[test]
    fn what_cannot_wait_is_shown_to_staff_first() {
        let user = crate::session::UserRef {
            id: "u".into(),
            name: "Ann".into(),
            channel: "c".into(),
        };
        let mut session = Session::new(user, 0);
        session
            .descriptions
            .push("502 bad gateway on payroll".into());
        session
            .asides
            .push("hurry up. payroll is due by 3pm (2 hours!)".into());
        let summary = Summary::capture(&session, None, None, "rev", 0);
        let card = summary.card("T-0001");
        assert!(
            card.title.starts_with("T-0001 · Urgent · "),
            "{}",
            card.title
        );
        assert_eq!(
            card.fields.first(),
            Some(&(
                "Urgent".to_string(),
                "the user said: “payroll is due by 3pm \\(2 hours!\\)”".to_string()
            ))
        );
        assert!(
            summary
                .transcript_markdown("T-0001")
                .contains("- Urgent: the user said “payroll is due by 3pm")
        );
        assert_eq!(
            summary.transcript_json()["urgent"],
            "payroll is due by 3pm (2 hours!)"
        );
        session.asides.clear();
        session
            .descriptions
            .push("no rush, whenever you can".into());
        let summary = Summary::capture(&session, None, None, "rev", 0);
        assert_eq!(summary.urgency(), None);
        let card = summary.card("T-0001");
        assert!(!card.title.contains("Urgent"), "{}", card.title);
        assert!(!card.fields.iter().any(|(n, _)| n == "Urgent"));
        assert!(!summary.transcript_markdown("T-0001").contains("Urgent"));
        assert!(summary.transcript_json().get("urgent").is_none());
    }

    /// Added after "Start over": the ticket's problem, what was tried and where stay, and the
    /// new words come after them.
    #[test]
    fn words_added_after_start_over_keep_the_ticket_s_problem() {
        let user = crate::session::UserRef {
            id: "u".into(),
            name: "Ann".into(),
            channel: "c".into(),
        };
        let mut first = Session::new(user.clone(), 0);
        first.descriptions.push("payroll wont update, PS107".into());
        first.browser = Some(Browser::Chrome);
        first.stage = crate::session::Stage::Escalated {
            article: Some("payroll".into()),
        };
        let before = Summary::capture(&first, Some("Payroll"), None, "rev", 0);
        let mut fresh = Session::new(user, 5);
        fresh
            .descriptions
            .push("also its the enterprise version".into());
        let mut added = Summary::capture(&fresh, None, None, "rev", 5);
        added.carry_on_from(&before);
        assert_eq!(
            added.descriptions,
            [
                "payroll wont update, PS107",
                "also its the enterprise version"
            ]
        );
        assert_eq!(added.article, Some(("payroll".into(), "Payroll".into())));
        assert_eq!(added.browser, Some(Browser::Chrome));
        assert_eq!(added.device, before.device);
        assert_eq!(added.at, 5);
    }

    #[test]
    fn the_device_comes_from_the_browser_or_from_what_the_user_said() {
        let said = |t: &str| vec![t.to_string()];
        assert_eq!(
            device_of(Some(Browser::Chrome), None, &said("502 on android chrome")),
            "Android phone or tablet"
        );
        assert_eq!(
            device_of(Some(Browser::Firefox), None, &said("firefox on my phone")),
            "phone or tablet"
        );
        assert_eq!(
            device_of(Some(Browser::Chrome), None, &said("chrome shows 502")),
            "computer (desktop browser)"
        );
        assert_eq!(
            device_of(Some(Browser::SafariIos), None, &said("on my phone")),
            "iPhone or iPad"
        );
        // No browser yet: the device said is still worth telling staff.
        assert_eq!(
            device_of(None, None, &said("502 on my android phone")),
            "Android phone or tablet"
        );
        assert_eq!(device_of(None, None, &said("502 bad gateway")), "unknown");
        // Where it works is not the device that is broken.
        assert_eq!(
            device_of(None, None, &said("it works on my phone on mobile data")),
            "unknown"
        );
        // The device kept by the conversation (named in a reply, not a description) wins.
        assert_eq!(
            device_of(
                Some(Browser::Firefox),
                Some(Device::Android),
                &said("blank page on my iphone")
            ),
            "Android phone or tablet"
        );
    }

    #[test]
    fn each_step_is_listed_once_and_an_answer_is_never_replaced_by_no_answer() {
        let mut s = hostile_session();
        let attempt = |solution, outcome| Attempt {
            article: "a".into(),
            solution,
            title: format!("Fix {solution}"),
            browser: None,
            outcome,
            at: 0,
            skipped_on_touch: false,
            test: false,
            content: 0,
            said: Vec::new(),
            came_back: false,
        };
        s.attempts = vec![
            attempt(0, Some(Outcome::NotFixed)),
            attempt(1, Some(Outcome::Fixed)),
            attempt(0, Some(Outcome::NoAnswer)),
            attempt(1, None),
        ];
        let lines = Summary::capture(&s, None, None, "rev", 0).attempt_lines();
        assert_eq!(
            lines,
            ["1. Fix 0 — did not fix it", "2. Fix 1 — fixed it"],
            "{lines:?}"
        );
    }

    fn hostile_session() -> Session {
        let mut s = Session::new(
            UserRef {
                id: "42".into(),
                name: "@everyone".into(),
                channel: "c1".into(),
            },
            0,
        );
        s.descriptions
            .push(format!("@everyone <@&1> ```{}", "x|y*".repeat(30_000)));
        s.descriptions.push("\u{202E}evil\u{0000}".into());
        s
    }

    #[test]
    fn card_fits_discord_limits_with_hostile_text() {
        let s = hostile_session();
        let summary = Summary::capture(&s, None, Some("note ".repeat(5000)), "abc", 0);
        let card = summary.card("T-0001");
        assert!(card.total_chars() <= limits::TOTAL);
        assert!(card.description.chars().count() <= limits::DESCRIPTION);
        assert!(card.fields.len() <= limits::FIELDS);
        assert!(
            card.fields
                .iter()
                .all(|(n, v)| n.chars().count() <= limits::FIELD_NAME
                    && v.chars().count() <= limits::FIELD_VALUE)
        );
        assert!(!card.description.contains("@everyone"));
        assert!(!card.fields.iter().any(|(_, v)| v.contains("@everyone")));
        assert!(card.description.contains(super::super::text::CUT_MARKER));
    }

    /// A 3,900-character paste is cut in the card (the transcript keeps it whole), and what the
    /// user said after it is still on the card.
    #[test]
    fn a_long_paste_is_trimmed_in_the_card_and_later_messages_stay() {
        let mut s = hostile_session();
        s.descriptions = vec![
            "502 when I open payroll".into(),
            "Traceback line\n".repeat(260),
            "only on payroll".into(),
        ];
        let summary = Summary::capture(&s, None, None, "abc", 0);
        let card = summary.card("T-0001");
        assert!(card.description.contains("502 when I open payroll"));
        assert!(
            card.description
                .contains("more characters: the whole message is in the transcript"),
            "{}",
            card.description
        );
        assert!(
            card.description.contains("only on payroll"),
            "{}",
            card.description
        );
        assert!(card.description.chars().count() < 1500);
        let transcript = summary.transcript_markdown("T-0001");
        assert_eq!(transcript.matches("Traceback line").count(), 260);
    }

    #[test]
    fn transcript_keeps_everything() {
        let s = hostile_session();
        let summary = Summary::capture(&s, None, None, "abc", 0);
        let md = summary.transcript_markdown("T-0001");
        assert!(md.chars().count() > 100_000, "never truncated");
        assert!(!md.contains("@everyone"));
        let json = summary.transcript_json();
        assert_eq!(
            json["descriptions"][0].as_str().unwrap(),
            s.descriptions[0],
            "stored intact"
        );
        assert_eq!(
            json["descriptions"][1].as_str().unwrap(),
            "\u{202E}evil\u{0000}"
        );
    }

    /// A name with line breaks (the command line allows any) stays on the transcript's "User"
    /// line and on the card's field: it cannot add a heading or list item of its own.
    #[test]
    fn a_name_with_line_breaks_stays_on_its_line() {
        let mut s = hostile_session();
        s.user.name = "Ann\n# Ticket T-9999\n- User: admin".into();
        s.user.channel = "general\r\nx".into();
        let summary = Summary::capture(&s, None, None, "abc", 0);
        let md = summary.transcript_markdown("T-0001");
        let user_line = md.lines().find(|l| l.starts_with("- User:")).unwrap();
        assert!(
            user_line.contains("Ann # Ticket T-9999 - User: admin"),
            "{user_line}"
        );
        assert_eq!(
            md.lines().filter(|l| l.starts_with("# ")).count(),
            1,
            "{md}"
        );
        assert_eq!(md.lines().filter(|l| l.starts_with("- User:")).count(), 1);
        assert!(md.lines().any(|l| l == "- Where: general x"), "{md}");
        let card = summary.card("T-0001");
        assert!(
            card.fields.iter().all(|(_, v)| !v.contains("Ann\n")),
            "{:?}",
            card.fields
        );
    }

    /// A hand-over before anything was said (after "Start over") says so under its heading
    /// (a helper found the heading empty).
    #[test]
    fn nothing_said_is_said_under_its_heading() {
        let mut s = hostile_session();
        s.descriptions.clear();
        s.earlier.clear();
        let md = Summary::capture(&s, None, None, "abc", 0).transcript_markdown("T-0001");
        assert!(md.contains("## What the user said\n\nnothing\n"), "{md}");
    }

    /// Found by an admin explorer (F18): the urgency the bot understood and acted on was also
    /// listed among the "replies not understood"; it is on the Urgent line only.
    #[test]
    fn the_urgent_words_are_not_listed_as_not_understood() {
        let mut s = hostile_session();
        s.descriptions = vec!["502 when I open payroll".into()];
        s.note_aside("payroll is due today");
        s.note_aside("lol");
        let summary = Summary::capture(&s, None, None, "abc", 0);
        let md = summary.transcript_markdown("T-0001");
        assert!(
            md.contains("- Urgent: the user said “payroll is due today”"),
            "{md}"
        );
        let others = md
            .split("## Other things the user said")
            .nth(1)
            .unwrap_or_default();
        assert!(others.contains("> lol"), "{md}");
        assert!(!others.contains("payroll is due today"), "{md}");
        let card = summary.card("T-0001");
        assert!(
            card.description.contains("_1 other message "),
            "{}",
            card.description
        );
    }

    /// Asides are folded on the card (a count, never their text) and kept whole in the
    /// transcript, apart from what the user said about the problem.
    #[test]
    fn asides_are_folded_on_the_card_and_whole_in_the_transcript() {
        let mut s = hostile_session();
        s.descriptions = vec!["502 when I open payroll".into()];
        s.note_aside("by the way how do I record a draw?");
        s.note_aside("lol");
        let summary = Summary::capture(&s, None, None, "abc", 0);
        let card = summary.card("T-0001");
        assert!(card.description.contains("502 when I open payroll"));
        assert!(
            card.description.contains("2 other messages (asides"),
            "{}",
            card.description
        );
        assert!(
            !card.description.contains("record a draw"),
            "{}",
            card.description
        );
        let md = summary.transcript_markdown("T-0001");
        let said = md.find("## What the user said").unwrap();
        let asides = md.find("## Other things the user said").unwrap();
        let draw = md.find("record a draw").unwrap();
        assert!(said < asides && asides < draw, "{md}");
    }

    /// One figure for how long a check took (found by an exploratory tester: "total 1 ms —
    /// answered 200 OK after 1.5 ms"); the total when the detail gives none.
    #[test]
    fn a_live_check_says_how_long_it_took_once() {
        let mut s = hostile_session();
        let check = |detail: &str, total_ms| CheckRecord {
            target: "qbo".into(),
            url: "https://qbo.example/".into(),
            verdict: "up".into(),
            status: Some(200),
            total_ms,
            detail: detail.into(),
            at: 0,
        };
        s.checks = vec![
            check("answered 200 OK after 1.5 ms", Some(1)),
            check("no complete answer within 10 s (connect)", Some(10_000)),
            check(
                "answered 200 OK but the connection dropped after 120 bytes of the page (x)",
                Some(3),
            ),
        ];
        let md = Summary::capture(&s, None, None, "abc", 0).transcript_markdown("T-0001");
        assert!(
            md.contains("up — status 200 — answered 200 OK after 1.5 ms\n"),
            "{md}"
        );
        assert!(
            md.contains("status 200, total 10000 ms — no complete answer"),
            "{md}"
        );
        assert!(
            md.contains("status 200, total 3 ms — answered 200 OK but"),
            "{md}"
        );
    }

    #[test]
    fn a_session_keeps_the_latest_asides_only() {
        let mut s = hostile_session();
        for i in 0..(crate::session::MAX_ASIDES + 5) {
            s.note_aside(&format!("aside {i}"));
        }
        s.note_aside("   ");
        assert_eq!(s.asides.len(), crate::session::MAX_ASIDES);
        assert_eq!(s.asides.last().map(String::as_str), Some("aside 24"));
    }
}
