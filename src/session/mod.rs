//! Per-user conversation state: what the user said, what matched, what was tried and how it went.

mod stored;

use crate::browser::Browser;
use crate::ids::TicketId;
use serde::{Deserialize, Serialize};

/// Who the session belongs to and where they talk to us.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub id: String,
    pub name: String,
    /// Where they talk to us: a Discord channel id, "console", or what a one-shot caller
    /// names. Only adapters read it; the engine never asks which transport it talks through.
    pub channel: String,
}

/// Where the conversation stands. The stages of a walk through an article carry that
/// article, so none can be entered without one. The step waiting for "did this fix it?" is
/// not copied here: it is the last attempt without an outcome ([`Session::current_step`]), one
/// record that cannot disagree with another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Stage {
    /// Waiting for a description.
    #[default]
    Idle,
    /// Low-confidence match: waiting for the user to pick one of these article ids.
    ChoosingArticle { candidates: Vec<String> },
    /// Waiting for the user's browser, to go on with `article`.
    ChoosingBrowser { article: String },
    /// A solution of `article` was shown; waiting for "did this fix it?".
    AwaitingFeedback { article: String },
    /// Every solution of `article` was tried.
    OutOfSolutions { article: String },
    /// The user said a solution of `article` worked.
    Fixed { article: String },
    /// Handed to a human, from `article` if one was open.
    Escalated { article: Option<String> },
}

impl Stage {
    /// The article the conversation is on, if any.
    pub fn article(&self) -> Option<&str> {
        match self {
            Stage::ChoosingBrowser { article }
            | Stage::AwaitingFeedback { article }
            | Stage::OutOfSolutions { article }
            | Stage::Fixed { article } => Some(article),
            Stage::Escalated { article } => article.as_deref(),
            Stage::Idle | Stage::ChoosingArticle { .. } => None,
        }
    }

    /// Walking through an article's fixes: choosing a browser, answering one, or out of them.
    pub fn is_walking(&self) -> bool {
        matches!(
            self,
            Stage::ChoosingBrowser { .. }
                | Stage::AwaitingFeedback { .. }
                | Stage::OutOfSolutions { .. }
        )
    }
}

/// One ranked article as the user saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredArticle {
    pub id: String,
    pub title: String,
    pub score: f64,
}

/// The answer to "did this fix it?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Fixed,
    NotFixed,
    /// Not shown: no steps for the user's browser.
    Skipped,
    /// Shown, but the user left it (escalated, restarted or described something else).
    NoAnswer,
    /// Shown, and the user moved on without trying it ("skip", "next one"): neither fixed nor
    /// failed. Still untried, so "go back" (or a detail pointing at it) may show it again.
    SkippedByUser,
    /// The user could not do it ("no admin rights", "there is no update button"): neither
    /// fixed nor failed, and not shown again.
    CouldNotTry,
    /// The user said the fix is not for them ("i dont use the app", "im not importing
    /// anything"): never tried, neither fixed nor failed, and not shown again.
    NotForThem,
    /// A test (`## Test:`, "try a private window") the problem did not show in: it tells
    /// where the trouble is, and fixes nothing. Done with, not shown again.
    WorksThere,
    /// A test the problem showed in as well. Done with, not shown again.
    FailsThere,
    /// Passed over because what a test showed rules it out ("fails in a private window too":
    /// no use clearing the cache). Not shown again.
    RuledOutByTest,
}

impl Outcome {
    /// Whether the user answered the step with it: it fixed it or not, they could not try it,
    /// it was a test's result, or they passed it over ("skip"). Not a step left unanswered or
    /// passed over by the bot.
    pub fn is_answer(self) -> bool {
        matches!(
            self,
            Outcome::Fixed
                | Outcome::NotFixed
                | Outcome::CouldNotTry
                | Outcome::NotForThem
                | Outcome::WorksThere
                | Outcome::FailsThere
                | Outcome::SkippedByUser
        )
    }

    /// Whether the step is done with for this conversation without having fixed anything: it
    /// failed, the user could not do it, or it was a test they ran. Never shown again.
    pub fn ruled_out(self) -> bool {
        matches!(
            self,
            Outcome::NotFixed
                | Outcome::CouldNotTry
                | Outcome::NotForThem
                | Outcome::WorksThere
                | Outcome::FailsThere
                | Outcome::RuledOutByTest
        )
    }

    /// Whether the step was passed over rather than shown (no steps for the browser or device,
    /// or ruled out by a test).
    pub fn not_shown(self) -> bool {
        matches!(self, Outcome::Skipped | Outcome::RuledOutByTest)
    }

    /// What "still broken" means for a step: a fix that failed, or a test the problem showed
    /// in too.
    pub fn failed(test: bool) -> Outcome {
        if test {
            Outcome::FailsThere
        } else {
            Outcome::NotFixed
        }
    }

    /// A test's result: it works there, or the problem shows there too.
    pub fn of_test(works: bool) -> Outcome {
        if works {
            Outcome::WorksThere
        } else {
            Outcome::FailsThere
        }
    }
}

/// One solution the bot showed (or skipped) and what the user said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub article: String,
    /// 0-based index of the solution in the article.
    pub solution: usize,
    pub title: String,
    pub browser: Option<Browser>,
    pub outcome: Option<Outcome>,
    /// Unix seconds.
    pub at: u64,
    /// Skipped because the user was on a phone or tablet (a step that needs a keyboard, a
    /// computer, or a desktop browser's menu): it comes back when they move to a computer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skipped_on_touch: bool,
    /// A test (`## Test:`, "try a private window"): its answer tells where the trouble is, not
    /// whether it is fixed. Kept with the step, so an answer is read right even after the
    /// article left the knowledge base.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
    /// What the solution said when shown ([`crate::knowledge::Solution::fingerprint`]), so a
    /// solution renamed under the walk is still known; 0 when not known (older sessions).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub content: u64,
    /// What the user typed about this step while it was on screen, when it was more than a
    /// plain answer and is kept nowhere else ("did just jan-mar and it loaded fine!"), so
    /// staff read why it was marked as it was; at most [`MAX_SAID`], the latest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub said: Vec<String>,
    /// It was recorded as the fix, then the user said the problem came back ("actually no its
    /// blank again"): staff read that it worked at first, not a flat "did not fix it".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub came_back: bool,
}

/// How many of the user's own words one step keeps ([`Attempt::said`]).
pub const MAX_SAID: usize = 5;

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A live check the user ran, as kept for escalation summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub target: String,
    pub url: String,
    pub verdict: String,
    pub status: Option<u16>,
    pub total_ms: Option<u64>,
    pub detail: String,
    pub at: u64,
}

/// How many asides a session keeps for staff (the latest).
pub const MAX_ASIDES: usize = 20;

/// A question the user asked on the side that an FAQ entry answered ("what do i tell IT?" ->
/// "What should I tell my IT team? ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnsweredQuestion {
    /// The user's words, as kept among the asides.
    pub asked: String,
    /// The question of the FAQ entry that answered it.
    pub entry: String,
}

/// A problem the user left with "Start over" before it was fixed or handed to a person: kept
/// so that a person they ask for later sees what was already tried, and nobody retypes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EarlierProblem {
    /// The user's own descriptions of it, verbatim.
    pub descriptions: Vec<String>,
    /// The article walked for it: (id, title).
    pub article: Option<(String, String)>,
    pub attempts: Vec<Attempt>,
    pub checks: Vec<CheckRecord>,
}

/// How many earlier problems a session keeps (the latest).
pub const MAX_EARLIER: usize = 3;

/// Descriptions a session keeps: the first and the latest ones. A user typing on and on at "Is
/// it one of these?" made the session, saved whole after every message, and the database grow
/// with the square of what they typed.
pub const MAX_DESCRIPTIONS: usize = 30;

/// Live checks a session keeps for staff (the latest), and an earlier problem's fixes tried (the
/// latest): a user pressing "Check" every few seconds, or starting the same problem over and
/// over, grew the session (saved whole after every event) and every ticket copy of it without
/// end (review45 9).
pub const MAX_CHECKS: usize = 20;
pub const MAX_EARLIER_ATTEMPTS: usize = 40;

/// Drops the oldest of `items` beyond `most`.
fn keep_latest<T>(items: &mut Vec<T>, most: usize) {
    let extra = items.len().saturating_sub(most);
    items.drain(..extra);
}

/// A user's conversation with the bot. Serialised to the store after every event, in the
/// layout of `stored::StoredSession`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "stored::StoredSession", into = "stored::StoredSession")]
pub struct Session {
    pub user: UserRef,
    pub started_at: u64,
    pub updated_at: u64,
    /// Where the conversation stands, with the article it is on.
    pub stage: Stage,
    /// The user's own descriptions, verbatim, oldest first: the first and the latest ones,
    /// [`MAX_DESCRIPTIONS`] in all.
    pub descriptions: Vec<String>,
    /// How many descriptions were left out after the first to keep [`MAX_DESCRIPTIONS`].
    pub descriptions_left_out: usize,
    /// What else the user typed during a walk that was neither an answer nor about the
    /// problem (an aside, a reply not understood), verbatim, oldest first; at most
    /// [`MAX_ASIDES`]. Staff see them folded away from the problem's description.
    pub asides: Vec<String>,
    /// The asides that were questions answered from the knowledge base, with the entry that
    /// answered each: staff see them as answered, not among the replies not understood.
    pub answered: Vec<AnsweredQuestion>,
    /// The last ranking shown (best first).
    pub matches: Vec<ScoredArticle>,
    /// The ranking the walked article was chosen from (empty when opened directly): the
    /// ticket's matches, so they always agree with its title.
    pub walked_matches: Vec<ScoredArticle>,
    pub browser: Option<Browser>,
    /// The user said their browser is none of the listed ones.
    pub other_browser: bool,
    /// The user said "Safari" without saying Mac or iPhone/iPad: asked once, when a fix's steps
    /// differ per browser.
    pub safari_unsure: bool,
    /// The user said "Safari" (bare or which) and named no other browser since: steps for other
    /// browsers only are none of theirs, even after "idk" to "a Mac or an iPhone?".
    pub told_safari: bool,
    /// The device the user last said they are on ("on my android"), if any.
    pub device: Option<crate::device::Device>,
    /// [`Session::device`] as the event being handled found it, before its words named another
    /// (a fix shown before was worded for that one). Not stored.
    pub device_before: Option<crate::device::Device>,
    /// Index of the next solution to show in the current article.
    pub next_solution: usize,
    pub attempts: Vec<Attempt>,
    pub checks: Vec<CheckRecord>,
    /// The open ticket for this conversation, if any.
    pub ticket: Option<TicketId>,
    /// Whether [`Session::ticket`] is still open (not resolved), as the service read it from
    /// the store just before this event. Not stored: a resolution happens outside the session.
    pub ticket_open: bool,
    /// Whether that open ticket's latest word from the user is that it works now (staff may
    /// close it), read with [`Session::ticket_open`]. Not stored, for the same reason.
    pub ticket_says_it_works: bool,
    /// At "Is it one of these?": the sentence model's vectors of the description the list came
    /// from, encoded by the service just before this event, so a follow-up is matched with it
    /// ("cleard cookys didnt wrk" after "keeps loging me out"). Not stored.
    pub list_described: Option<crate::semantic::QueryVectors>,
    /// How many attempts the user's earlier conversations (before a restart) had: attempts are
    /// numbered on from there, so a button of an old conversation never names a new step.
    pub attempt_base: usize,
    /// The yes/no question the last reply asked, if any (cleared by the next event).
    pub asked: Option<Asked>,
    /// Problems left with "Start over" unfixed and in no ticket, oldest first; at most
    /// [`MAX_EARLIER`].
    pub earlier: Vec<EarlierProblem>,
    /// At "Is it one of these?": where in [`Session::descriptions`] the words the list was
    /// ranked from begin (more words typed at the list add to them; see
    /// [`Session::list_source`]).
    pub list_from: Option<usize>,
    /// Another article a description clearly named in a part of its own, beside the one
    /// walked ("white screen and also my bank feed isnt updating"): offered once this one is
    /// fixed, so the second problem is not dropped.
    pub also_named: Option<ScoredArticle>,
    /// More articles the description named beside those two ("bank feed stopped, also
    /// payroll fails, and also qbo is super slow"), in the order said: each takes
    /// [`Session::also_named`]'s place when that one is offered or walked.
    pub also_named_later: Vec<ScoredArticle>,
    /// The other problem offered with "Glad that worked!" ([`Session::also_named`] when the
    /// walked one was fixed); read only while the stage is still [`Stage::Fixed`].
    pub offered_after_fix: Option<ScoredArticle>,
}

/// A question on screen, besides or instead of "did this fix it?", that a bare "yes" or "no"
/// could be the answer to: read as its answer, never as a fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Asked {
    /// "This sounds like a different problem: `other`. Keep going, or switch?"
    Switch { other: String },
    /// "It sounds like that worked. Shall I note ... as what fixed it?"
    ConfirmFix,
    /// A walk began after a hand-over, with "Add it to ticket" offered under its first fix.
    AddBesideFix,
    /// "I can hand this to a person" (billing, "I read English only", the end of the fixes).
    Human,
    /// "I don't know this one ... I can hand this to a person.": answered as [`Asked::Human`];
    /// another message it cannot place is answered more briefly.
    DontKnow,
    /// "You also mentioned another problem: `other`. Shall we look at it now?"
    LookAt { other: String },
    /// "Not sure which browser" at "which browser?": how to tell was shown; not knowing again
    /// gets the steps that work in any browser.
    HowToTellBrowser,
    /// The steps of fix `step` (not the one on screen) were shown on the side ("how do i run
    /// file doctor?"): "ran it, same error" next is about that fix.
    HowTo { step: usize },
    /// "Which service?" with the configured services listed: a name (or a close misspelling,
    /// or its number in the list) picks one.
    WhichService,
    /// "Sorry it's back" after a resolved ticket, with "Open a new ticket" (and the fixes
    /// again) offered: shown again when the user comes back before answering.
    BackAfterResolved,
}

/// Which "did this fix it?" an answer is for: the attempt's number (counted over the user's
/// conversations) and the solution's index in its article. Short enough for a button id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Step {
    pub attempt: usize,
    pub solution: usize,
}

impl Step {
    /// A button made before answers named their step: it matches no step, so it is answered as
    /// outdated rather than applied to whatever is open now.
    pub const UNKNOWN: Step = Step {
        attempt: usize::MAX,
        solution: usize::MAX,
    };
}

impl Session {
    pub fn new(user: UserRef, now: u64) -> Self {
        Session {
            user,
            started_at: now,
            updated_at: now,
            stage: Stage::Idle,
            descriptions: Vec::new(),
            descriptions_left_out: 0,
            asides: Vec::new(),
            answered: Vec::new(),
            matches: Vec::new(),
            walked_matches: Vec::new(),
            browser: None,
            other_browser: false,
            safari_unsure: false,
            told_safari: false,
            device: None,
            device_before: None,
            next_solution: 0,
            attempts: Vec::new(),
            checks: Vec::new(),
            ticket: None,
            ticket_open: false,
            ticket_says_it_works: false,
            list_described: None,
            list_from: None,
            also_named: None,
            also_named_later: Vec::new(),
            offered_after_fix: None,
            attempt_base: 0,
            asked: None,
            earlier: Vec::new(),
        }
    }

    /// "Start over": a new conversation for the same user that keeps the ticket, the attempt
    /// numbering and the browser and device. The problem left behind is kept in [`Session::earlier`] when it was
    /// neither fixed nor is in an open ticket (a ticket already has it); `article_title` names
    /// the walked article. Returns whether a problem was kept.
    pub fn start_over(&mut self, article_title: Option<&str>, now: u64) -> bool {
        // Attempts are numbered on from the old conversation's, kept or not.
        let attempt_base = self.attempt_base + self.attempts.len();
        let in_open_ticket = self.ticket.is_some() && self.ticket_open;
        let fixed = matches!(self.stage, Stage::Fixed { .. });
        // Something tried, checked or walked: a description alone is no problem worked on.
        let anything =
            !self.attempts.is_empty() || !self.checks.is_empty() || self.walked_article().is_some();
        let mut earlier = if in_open_ticket {
            Vec::new()
        } else {
            std::mem::take(&mut self.earlier)
        };
        let keep = !in_open_ticket && !fixed && anything;
        if keep {
            let problem = EarlierProblem {
                descriptions: std::mem::take(&mut self.descriptions),
                article: self
                    .walked_article()
                    .map(|id| (id.to_string(), article_title.unwrap_or(id).to_string())),
                attempts: std::mem::take(&mut self.attempts),
                checks: std::mem::take(&mut self.checks),
            };
            match earlier.last_mut() {
                // The same problem started over again: one problem, tried twice.
                Some(last) if last.article.is_some() && last.article == problem.article => {
                    for d in problem.descriptions {
                        if !last.descriptions.contains(&d) {
                            last.descriptions.push(d);
                        }
                    }
                    // (Started over and over: the first words and the latest are kept, as in
                    // a conversation, so the session cannot grow with every round.)
                    let extra = last.descriptions.len().saturating_sub(MAX_DESCRIPTIONS);
                    if extra > 0 {
                        last.descriptions.drain(1..1 + extra);
                    }
                    last.attempts.extend(problem.attempts);
                    last.checks.extend(problem.checks);
                    keep_latest(&mut last.attempts, MAX_EARLIER_ATTEMPTS);
                    keep_latest(&mut last.checks, MAX_CHECKS);
                }
                _ => earlier.push(problem),
            }
            if earlier.len() > MAX_EARLIER {
                earlier.remove(0);
            }
        }
        let mut fresh = Session::new(self.user.clone(), now);
        fresh.ticket = self.ticket.take();
        fresh.ticket_open = self.ticket_open;
        fresh.ticket_says_it_works = self.ticket_says_it_works;
        fresh.attempt_base = attempt_base;
        // The browser and device are the user's, not the problem's: not asked again.
        fresh.browser = self.browser;
        fresh.other_browser = self.other_browser;
        fresh.safari_unsure = self.safari_unsure;
        fresh.told_safari = self.told_safari;
        fresh.device = self.device;
        fresh.device_before = self.device_before;
        fresh.earlier = earlier;
        *self = fresh;
        keep
    }

    /// The article the conversation is on, if any.
    pub fn article(&self) -> Option<&str> {
        self.stage.article()
    }

    /// The article this conversation worked through: the open one, else the one whose fixes
    /// were shown last (a later off-topic message closes the walk but does not undo it).
    pub fn walked_article(&self) -> Option<&str> {
        self.article().or_else(|| {
            self.attempts
                .iter()
                .rev()
                .find(|a| !a.outcome.is_some_and(Outcome::not_shown))
                .map(|a| a.article.as_str())
        })
    }

    /// The problem a ticket filed now is about: the one walked, unless it was just fixed and
    /// another problem the user named waits (offered after the fix). "Talk to a human" there is
    /// about what is left; the fix stays in the ticket's steps tried.
    pub fn ticket_article(&self) -> Option<&str> {
        match (&self.stage, &self.offered_after_fix) {
            (Stage::Fixed { .. }, Some(waiting)) => Some(waiting.id.as_str()),
            _ => self.walked_article(),
        }
    }

    /// Moves the next of [`Session::also_named_later`] into [`Session::also_named`] when that
    /// is empty (just offered) or is `walked` (taken up), skipping any that is `walked`.
    pub fn next_also_named(&mut self, walked: &str) {
        while self.also_named.as_ref().is_none_or(|o| o.id == walked) {
            if self.also_named_later.is_empty() {
                self.also_named = None;
                return;
            }
            self.also_named = Some(self.also_named_later.remove(0));
        }
    }

    /// The title of article `id` as the user saw it in a ranking, for when the article has
    /// since left the knowledge base (an admin removed its file under the walk).
    pub fn title_seen(&self, id: &str) -> Option<&str> {
        self.walked_matches
            .iter()
            .chain(&self.matches)
            .chain(&self.also_named)
            .chain(&self.also_named_later)
            .chain(&self.offered_after_fix)
            .find(|m| m.id == id)
            .map(|m| m.title.as_str())
    }

    /// Article `old` is now `new` (its file renamed, the title kept): the walk, the steps
    /// shown and the rankings point at it under its new id.
    pub fn rename_article(&mut self, old: &str, new: &str) {
        match &mut self.stage {
            Stage::ChoosingBrowser { article }
            | Stage::AwaitingFeedback { article }
            | Stage::OutOfSolutions { article }
            | Stage::Fixed { article } => {
                if article == old {
                    *article = new.to_string();
                }
            }
            Stage::Escalated { article } => {
                if article.as_deref() == Some(old) {
                    *article = Some(new.to_string());
                }
            }
            Stage::Idle | Stage::ChoosingArticle { .. } => {}
        }
        for a in self.attempts.iter_mut().filter(|a| a.article == old) {
            a.article = new.to_string();
        }
        for m in self
            .walked_matches
            .iter_mut()
            .chain(&mut self.matches)
            .filter(|m| m.id == old)
        {
            m.id = new.to_string();
        }
    }

    /// The step waiting for "did this fix it?", if any.
    pub fn current_step(&self) -> Option<Step> {
        let last = self.attempts.len().checked_sub(1)?;
        let a = &self.attempts[last];
        a.outcome.is_none().then_some(Step {
            attempt: self.attempt_base + last,
            solution: a.solution,
        })
    }

    /// The words the list on screen was ranked from: every description since the one that
    /// brought it up ("qbo is slow on my iphone", then "actually on my laptop with edge now,
    /// same thing"), or the last description when that is not known; as much of them as is
    /// read ([`crate::plain_words::reading`]).
    pub fn list_source(&self) -> Option<String> {
        let said = self.list_messages().join("\n");
        (!said.is_empty()).then(|| crate::plain_words::reading(&said).into_owned())
    }

    /// The descriptions [`Session::list_source`] is made of, one per message, as typed.
    pub fn list_messages(&self) -> &[String] {
        match self.list_from {
            Some(from) if from < self.descriptions.len() => &self.descriptions[from..],
            _ => {
                let last = self.descriptions.len().saturating_sub(1);
                &self.descriptions[last..]
            }
        }
    }

    /// The attempt shown last and still waiting for an answer.
    pub fn pending_attempt(&mut self) -> Option<&mut Attempt> {
        self.attempts.last_mut().filter(|a| a.outcome.is_none())
    }

    /// Whether the fixes are held back: a walk is open but no fix is shown to answer (the
    /// outage notice came first; "Help me anyway" starts them).
    pub fn fixes_held_back(&self) -> bool {
        matches!(self.stage, Stage::AwaitingFeedback { .. })
            && self.attempts.last().is_none_or(|a| a.outcome.is_some())
    }

    /// Keeps a live check's result for staff, once: a check answered again from the cache is
    /// the same check, its time (now less the cache entry's age, in whole seconds) within a
    /// second of the first.
    pub fn note_check(&mut self, record: CheckRecord) {
        let same = |c: &CheckRecord| {
            c.at.abs_diff(record.at) <= 1
                && CheckRecord {
                    at: c.at,
                    ..record.clone()
                } == *c
        };
        if !self.checks.iter().any(same) {
            self.checks.push(record);
            keep_latest(&mut self.checks, MAX_CHECKS);
        }
    }

    /// Keeps the first description and the latest ones, [`MAX_DESCRIPTIONS`] in all, counting
    /// those left out; where the words ranked at "Is it one of these?" begin moves with them.
    pub fn bound_descriptions(&mut self) {
        let extra = self.descriptions.len().saturating_sub(MAX_DESCRIPTIONS);
        if extra == 0 {
            return;
        }
        self.descriptions.drain(1..1 + extra);
        self.descriptions_left_out += extra;
        self.list_from = self.list_from.map(|from| match from {
            0 => 0,
            from if from > extra => from - extra,
            _ => 1,
        });
    }

    /// Keeps `text` among the asides (the oldest go beyond [`MAX_ASIDES`]).
    pub fn note_aside(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.asides.push(text.to_string());
        if self.asides.len() > MAX_ASIDES {
            let extra = self.asides.len() - MAX_ASIDES;
            self.asides.drain(..extra);
        }
    }

    /// Keeps `asked` among the asides, as answered by the FAQ entry whose question is `entry`
    /// (the oldest go beyond [`MAX_ASIDES`]).
    pub fn note_answered(&mut self, asked: &str, entry: &str) {
        let asked = asked.trim();
        if asked.is_empty() {
            return;
        }
        self.note_aside(asked);
        self.answered.push(AnsweredQuestion {
            asked: asked.to_string(),
            entry: entry.to_string(),
        });
        if self.answered.len() > MAX_ASIDES {
            let extra = self.answered.len() - MAX_ASIDES;
            self.answered.drain(..extra);
        }
    }

    /// Takes back the step still waiting for an answer, as if it had not been shown yet: it is
    /// shown again next (for another browser, asked again, or after the outage lead held it).
    pub fn withdraw_pending(&mut self) {
        if let Some(p) = self.pending_attempt() {
            let index = p.solution;
            self.attempts.pop();
            self.next_solution = index;
        }
    }

    /// Moves on from the step still waiting for an answer (a new problem, an escalation):
    /// it is recorded as never answered, so a late "Fixed it" cannot rewrite it.
    pub fn leave_pending(&mut self) {
        if let Some(p) = self.pending_attempt() {
            p.outcome = Some(Outcome::NoAnswer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A review found "Start over" on the same problem again and again grew the earlier
    /// problem's descriptions without end (the limit above held only the conversation's own).
    #[test]
    fn starting_over_again_and_again_keeps_the_first_and_latest_words() {
        let mut s = Session::new(
            UserRef {
                id: "u".into(),
                name: "u".into(),
                channel: "c".into(),
            },
            0,
        );
        for i in 0..MAX_DESCRIPTIONS + 10 {
            s.descriptions.push(format!("take {i}"));
            s.stage = Stage::AwaitingFeedback {
                article: "a".into(),
            };
            s.start_over(Some("A"), i as u64);
        }
        let kept = &s.earlier[0].descriptions;
        assert_eq!(kept.len(), MAX_DESCRIPTIONS);
        assert_eq!(kept[0], "take 0");
        assert_eq!(kept.last().map(String::as_str), Some("take 39"));
    }

    #[test]
    fn descriptions_beyond_the_most_kept_leave_out_the_middle_ones() {
        let mut s = Session::new(
            UserRef {
                id: "u".into(),
                name: "u".into(),
                channel: "c".into(),
            },
            0,
        );
        s.descriptions = (0..MAX_DESCRIPTIONS + 5).map(|i| i.to_string()).collect();
        s.list_from = Some(MAX_DESCRIPTIONS);
        s.bound_descriptions();
        assert_eq!(s.descriptions.len(), MAX_DESCRIPTIONS);
        assert_eq!(s.descriptions_left_out, 5);
        assert_eq!(s.descriptions[..2], ["0".to_string(), "6".to_string()]);
        // The words ranked at the list still begin at the same message.
        let from = s.list_from.unwrap();
        assert_eq!(s.descriptions[from], MAX_DESCRIPTIONS.to_string());
        // A list begun among the messages left out begins after the first.
        s.descriptions.extend(["a".into(), "b".into(), "c".into()]);
        s.list_from = Some(2);
        s.bound_descriptions();
        assert_eq!((s.descriptions_left_out, s.list_from), (8, Some(1)));
        s.bound_descriptions();
        assert_eq!(s.descriptions_left_out, 8, "nothing more to leave out");
    }

    /// The same check answered twice from the cache is listed once; a new check is listed too.
    #[test]
    fn a_check_answered_from_the_cache_is_kept_once() {
        let user = UserRef {
            id: "u".into(),
            name: "Ann".into(),
            channel: "console".into(),
        };
        let mut s = Session::new(user, 1);
        let check = |at| CheckRecord {
            target: "qbo".into(),
            url: "https://qbo.example/".into(),
            verdict: "up".into(),
            status: Some(200),
            total_ms: Some(80),
            detail: String::new(),
            at,
        };
        s.note_check(check(10));
        s.note_check(check(10));
        s.note_check(check(11));
        assert_eq!(s.checks.len(), 1);
        s.note_check(check(70));
        assert_eq!(s.checks.len(), 2);
        // Checked again and again: the latest are kept (review45 9).
        for at in 0..100 {
            s.note_check(check(100 + 10 * at));
        }
        assert_eq!(s.checks.len(), MAX_CHECKS);
        assert_eq!(s.checks.last().map(|c| c.at), Some(100 + 10 * 99));
        // Started over on the same problem again and again: so are its fixes and checks.
        for round in 0..60u64 {
            s.attempts.push(Attempt {
                article: "a".into(),
                solution: 0,
                title: format!("round {round}"),
                browser: None,
                outcome: Some(Outcome::NotFixed),
                at: round,
                skipped_on_touch: false,
                test: false,
                content: 0,
                said: Vec::new(),
                came_back: false,
            });
            s.note_check(check(10_000 + round));
            s.stage = Stage::AwaitingFeedback {
                article: "a".into(),
            };
            s.start_over(Some("A"), round);
        }
        let earlier = &s.earlier[0];
        assert_eq!(earlier.attempts.len(), MAX_EARLIER_ATTEMPTS);
        assert_eq!(
            earlier.attempts.last().map(|a| a.title.as_str()),
            Some("round 59")
        );
        assert!(earlier.checks.len() <= MAX_CHECKS);
    }

    /// Sessions stored before the ticket id was typed named it as text: they still load.
    #[test]
    fn a_stored_ticket_id_in_text_still_loads() {
        let user = UserRef {
            id: "u".into(),
            name: "Ann".into(),
            channel: "console".into(),
        };
        let mut stored = serde_json::to_value(Session::new(user, 1)).unwrap();
        stored["ticket"] = "T-0007".into();
        let s: Session = serde_json::from_value(stored).unwrap();
        assert_eq!(s.ticket, Some(TicketId(7)));
        assert_eq!(serde_json::to_value(&s).unwrap()["ticket"], "T-0007");
    }
}
