//! Transport-neutral replies: Markdown text, fields, choices and a privacy flag.

mod article;
pub mod terminal;
pub use article::{article_markdown, steps_text};

use crate::browser::Browser;
use crate::session::Step;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Something the bot says. Adapters render it (numbered choices in the console, embeds and
/// components in Discord).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub title: Option<String>,
    /// Markdown.
    pub text: String,
    pub fields: Vec<Field>,
    pub choices: Vec<Choice>,
    /// Concerns one user's problem: shown only to them unless they share it.
    pub private: bool,
    pub tone: Tone,
    /// The knowledge article this reply is about, if any.
    pub article: Option<String>,
    /// A command to suggest, spelled by each adapter in its own syntax (the engine never asks
    /// which transport it talks through). Shown after the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Hint>,
    /// A picture that goes with it (the `/status` chart); adapters that cannot show one skip it.
    #[serde(skip)]
    pub image: Option<Image>,
    /// Said on the side (a live check, help, why it happens): the question open before it stays
    /// open, so adapters that number choices keep its numbers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub aside: bool,
}

/// A PNG picture and its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub name: String,
    pub png: Vec<u8>,
}

/// A command the user could type next, as an adapter spells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "hint")]
pub enum Hint {
    /// Check a configured service by name; `example` is one of the names.
    CheckByName { example: String },
    /// Check an address directly.
    CheckAddress,
}

/// How one adapter spells its commands.
pub trait SpellHint {
    /// The `/check` command with its argument (`NAME`, a name, or a URL).
    fn check_command(&self, argument: &str) -> String;

    /// The hint as a sentence.
    fn spell(&self, hint: &Hint) -> String {
        match hint {
            Hint::CheckByName { example } => format!(
                "Check one with `{}`, for example `{}`.",
                self.check_command("NAME"),
                self.check_command(example)
            ),
            Hint::CheckAddress => format!(
                "You can check an address directly with `{}`.",
                self.check_command("https://example.com/")
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
}

/// How a reply should feel: adapters map it to colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    Info,
    Success,
    Warning,
    Danger,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub action: Action,
    pub label: String,
    pub style: Style,
}

/// Button styles, as chat platforms know them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    Primary,
    Secondary,
    Success,
    Danger,
}

/// What a choice does when picked. Serialises to a short token (`browser:chrome`, `fixed`, ...)
/// that fits a Discord custom_id and round-trips through [`Action::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Pick a browser; `None` is "other".
    Browser(Option<Browser>),
    /// "Fixed it", for this step: an answer to an earlier step is refused, not applied to the
    /// step open now.
    Fixed(Step),
    /// "Still broken", for this step.
    NotFixed(Step),
    /// "It works, but something else fixed it" (at "Shall I note ... as what fixed it?"): it
    /// works, and this step is not credited.
    WorksAnyway(Step),
    /// Pick an article from low-confidence candidates.
    Article(String),
    NoneOfThese,
    /// Show causes, prevention and FAQ of the current article.
    MoreInfo,
    Check,
    /// Check this named target (a pick at "Which service?").
    CheckTarget(String),
    Escalate,
    /// Add what was said since the hand-over to the user's open ticket (offered after one): no
    /// note asked for, and nothing filed twice.
    AddToTicket,
    Restart,
    /// Keep going with the article being walked (after "this sounds like a different problem").
    Continue,
    /// Tell me when this incident (its number) is over.
    NotifyMe(u32),
}

impl Action {
    pub fn token(&self) -> String {
        match self {
            Action::Browser(Some(b)) => format!("browser:{}", b.id()),
            Action::Browser(None) => "browser:other".into(),
            Action::Fixed(step) => answer_token("fixed", *step),
            Action::NotFixed(step) => answer_token("not-fixed", *step),
            Action::WorksAnyway(step) => answer_token("works-anyway", *step),
            Action::Article(id) => format!("article:{id}"),
            Action::NoneOfThese => "none".into(),
            Action::MoreInfo => "info".into(),
            Action::Check => "check".into(),
            Action::CheckTarget(name) => format!("check:{name}"),
            Action::Escalate => "escalate".into(),
            Action::AddToTicket => "add-to-ticket".into(),
            Action::Restart => "restart".into(),
            Action::Continue => "continue".into(),
            Action::NotifyMe(n) => format!("notify:{n}"),
        }
    }

    pub fn parse(token: &str) -> Option<Action> {
        Some(match token {
            // Buttons from before answers named their step.
            "fixed" => Action::Fixed(Step::UNKNOWN),
            "not-fixed" => Action::NotFixed(Step::UNKNOWN),
            "works-anyway" => Action::WorksAnyway(Step::UNKNOWN),
            "none" => Action::NoneOfThese,
            "info" => Action::MoreInfo,
            "check" => Action::Check,
            "escalate" => Action::Escalate,
            "add-to-ticket" => Action::AddToTicket,
            "restart" => Action::Restart,
            "continue" => Action::Continue,
            "browser:other" => Action::Browser(None),
            _ => {
                if let Some(b) = token.strip_prefix("browser:") {
                    Action::Browser(Some(b.parse().ok()?))
                } else if let Some(step) = token.strip_prefix("fixed:") {
                    Action::Fixed(parse_step(step)?)
                } else if let Some(step) = token.strip_prefix("not-fixed:") {
                    Action::NotFixed(parse_step(step)?)
                } else if let Some(step) = token.strip_prefix("works-anyway:") {
                    Action::WorksAnyway(parse_step(step)?)
                } else if let Some(n) = token.strip_prefix("notify:") {
                    Action::NotifyMe(n.parse().ok().filter(|n| *n > 0)?)
                } else if let Some(name) = token.strip_prefix("check:") {
                    if name.is_empty() {
                        return None;
                    }
                    Action::CheckTarget(name.to_string())
                } else if let Some(id) = token.strip_prefix("article:") {
                    if id.is_empty() {
                        return None;
                    }
                    Action::Article(id.to_string())
                } else {
                    return None;
                }
            }
        })
    }
}

/// `fixed:<attempt>.<solution>` (plain `fixed` for [`Step::UNKNOWN`], as old buttons read).
fn answer_token(verb: &str, step: Step) -> String {
    if step == Step::UNKNOWN {
        verb.to_string()
    } else {
        format!("{verb}:{}.{}", step.attempt, step.solution)
    }
}

fn parse_step(text: &str) -> Option<Step> {
    let (attempt, solution) = text.split_once('.')?;
    let step = Step {
        attempt: attempt.parse().ok()?,
        solution: solution.parse().ok()?,
    };
    (step != Step::UNKNOWN).then_some(step)
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.token())
    }
}

impl Choice {
    pub fn new(action: Action, label: impl Into<String>, style: Style) -> Self {
        Choice {
            action,
            label: label.into(),
            style,
        }
    }
}

impl Reply {
    pub fn new(text: impl Into<String>) -> Self {
        Reply {
            title: None,
            text: text.into(),
            fields: Vec::new(),
            choices: Vec::new(),
            private: true,
            tone: Tone::Info,
            article: None,
            hint: None,
            image: None,
            aside: false,
        }
    }

    pub fn image(mut self, name: impl Into<String>, png: Vec<u8>) -> Self {
        self.image = Some(Image {
            name: name.into(),
            png,
        });
        self
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Marks it as said on the side (see [`Reply::aside`](struct@Reply)).
    pub fn aside(mut self) -> Self {
        self.aside = true;
        self
    }

    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }

    pub fn field(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields.push(Field {
            name: name.into(),
            value: value.into(),
        });
        self
    }

    pub fn choice(mut self, action: Action, label: impl Into<String>, style: Style) -> Self {
        self.choices.push(Choice::new(action, label, style));
        self
    }

    pub fn hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// The text with the hint spelled after it.
    pub fn text_with_hint(&self, speller: &dyn SpellHint) -> String {
        match &self.hint {
            Some(h) => format!("{}\n\n{}", self.text.trim_end(), speller.spell(h)),
            None => self.text.clone(),
        }
    }

    pub fn article(mut self, id: &str) -> Self {
        self.article = Some(id.to_string());
        self
    }

    pub fn public(mut self) -> Self {
        self.private = false;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_tokens_round_trip() {
        let all = [
            Action::Browser(Some(Browser::SafariIos)),
            Action::Browser(None),
            Action::Fixed(Step {
                attempt: 12,
                solution: 3,
            }),
            Action::NotFixed(Step {
                attempt: 0,
                solution: 0,
            }),
            Action::Fixed(Step::UNKNOWN),
            Action::NotFixed(Step::UNKNOWN),
            Action::WorksAnyway(Step {
                attempt: 4,
                solution: 1,
            }),
            Action::WorksAnyway(Step::UNKNOWN),
            Action::NotFixed(Step {
                attempt: usize::MAX - 1,
                solution: usize::MAX - 1,
            }),
            Action::Article("quickbooks-error-502".into()),
            Action::NoneOfThese,
            Action::MoreInfo,
            Action::Check,
            Action::CheckTarget("quickbooks-online".into()),
            Action::Escalate,
            Action::AddToTicket,
            Action::Restart,
            Action::Continue,
            Action::NotifyMe(7),
        ];
        for a in all {
            assert_eq!(Action::parse(&a.token()), Some(a.clone()), "{a}");
            assert!(a.token().len() <= 100);
        }
        assert_eq!(Action::parse("browser:netscape"), None);
        assert_eq!(Action::parse("article:"), None);
        assert_eq!(Action::parse("check:"), None);
        assert_eq!(Action::parse("bogus"), None);
        assert_eq!(Action::parse("notify:0"), None);
        assert_eq!(Action::parse("notify:x"), None);
        assert_eq!(Action::parse("fixed:3"), None);
        assert_eq!(Action::parse("fixed:a.1"), None);
        assert_eq!(Action::parse("not-fixed:"), None);
        assert_eq!(
            Action::parse("fixed:12.3"),
            Some(Action::Fixed(Step {
                attempt: 12,
                solution: 3
            }))
        );
    }
}
