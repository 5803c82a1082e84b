//! One knowledge article: TOML front matter plus a Markdown body, parsed by the pure `parse`.

use super::body_lint;
use super::diagnostic::{Diagnostic, LineIndex, line_of};
use crate::browser::Browser;
use crate::matcher::Document;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;
use std::ops::Range;

/// A troubleshooting article as admins write it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub product: Option<String>,
    /// Error codes and messages users quote ("502", "Bad Gateway").
    pub codes: Vec<String>,
    pub symptoms: Vec<String>,
    pub keywords: Vec<String>,
    /// Phrasings users really wrote, matched like symptoms; `kb check` verifies each one still
    /// finds this article first.
    pub examples: Vec<Example>,
    /// Names of live-check targets from `endpoints.toml`.
    pub checks: Vec<String>,
    /// 1-based line of the `checks` key in the file (0 when absent), for cross-file diagnostics.
    #[serde(skip)]
    pub checks_line: usize,
    /// Line of the `id =` key (or of the front matter's opening when the id is the file name).
    #[serde(skip)]
    pub id_line: usize,
    /// Line of the `title =` key (or of the front matter's opening when it has none).
    #[serde(skip)]
    pub title_line: usize,
    /// Markdown shown first: what the problem is.
    pub summary: String,
    pub causes: Vec<Cause>,
    /// In the order to try them.
    pub solutions: Vec<Solution>,
    pub prevention: Vec<String>,
    pub faq: Vec<Faq>,
    /// When to ask a human, as Markdown.
    pub escalation: Option<String>,
    /// Where the article came from, for messages.
    pub file: String,
}

/// One `examples` entry with the line it stands on, so `kb check` can point at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    pub text: String,
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    pub name: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// One way to fix the problem: general Markdown plus optional per-browser steps. A *test*
/// (`## Test: <title>`, such as "Try a private window") is a step that tells where the
/// trouble is rather than fixing it: "it works there" is no fix, and is never recorded as one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Solution {
    pub title: String,
    /// Written as `## Test:`: the user is asked "does it work there?", not "did this fix it?".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
    /// For a test: the later solution to go on with when it works there, and when it fails
    /// there too (`- If it works there, go to: <title>`); the steps between are skipped. The
    /// number of solutions for `go to: the end` (every later step is skipped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_works: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_fails: Option<usize>,
    /// For a test: its result shows the trouble is not this article's (`go to: another
    /// article`): when it works there, and when it fails there too. Every later step is
    /// skipped (the `on_` index is the number of solutions) and the user is asked what they
    /// see instead of being told the fixes ran out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub leaves_on_works: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub leaves_on_fails: bool,
    /// For a test that leaves the article when it works there: the articles to offer first,
    /// as its line names them by id (`- If it works there, go to: another article:
    /// page-not-loading, firewall-antivirus-proxy`); every id is checked to name another
    /// article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leads_on_works: Vec<ArticleRef>,
    /// [`Solution::leads_on_works`] for the answer "fails there too".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leads_on_fails: Vec<ArticleRef>,
    /// For a test: how users name what it tries (`- Also called: incognito, InPrivate`), so
    /// "it works in incognito" said in a description answers the test before it is asked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_called: Vec<String>,
    /// Text or steps that apply to every browser; may be empty when only variants exist.
    pub general: String,
    pub variants: Vec<BrowserSteps>,
}

/// Another article named by id in this one (a test's `go to: another article: <ids>`); its
/// title is filled in when the whole knowledge base is loaded, which checks the id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRef {
    /// The id as written.
    pub id: String,
    /// The article's title (empty until the knowledge base is loaded).
    pub title: String,
    /// The line that names it, for a diagnostic of an id no article has.
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrowserSteps {
    pub browser: Browser,
    pub steps: String,
}

/// What a solution offers a user of a given browser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StepsFor<'a> {
    /// Steps written for this browser (with any general text before them).
    Browser(&'a BrowserSteps),
    /// The solution does not depend on the browser.
    General,
    /// The solution has variants, but none for this browser; only general text (maybe empty).
    NoVariant,
    /// The solution has variants and the browser is not known yet.
    NeedBrowser,
}

impl Solution {
    /// What the solution says, whatever its title (FNV-1a of its text and steps): a solution
    /// renamed while a user is on it is still known by it. Never 0.
    pub fn fingerprint(&self) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let parts = std::iter::once(self.general.as_str()).chain(
            self.variants
                .iter()
                .flat_map(|v| [v.browser.label(), v.steps.as_str()]),
        );
        for part in parts {
            for byte in part.bytes().chain([0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        hash.max(1)
    }

    pub fn browsers(&self) -> Vec<Browser> {
        self.variants.iter().map(|v| v.browser).collect()
    }

    pub fn steps_for(&self, browser: Option<Browser>) -> StepsFor<'_> {
        if self.variants.is_empty() {
            return StepsFor::General;
        }
        match browser {
            None => StepsFor::NeedBrowser,
            Some(b) => match self.variants.iter().find(|v| v.browser == b) {
                Some(v) => StepsFor::Browser(v),
                None => StepsFor::NoVariant,
            },
        }
    }
}

impl Article {
    /// Browsers any solution of this article has steps for, in menu order.
    pub fn browsers(&self) -> Vec<Browser> {
        Browser::ALL
            .into_iter()
            .filter(|b| self.solutions.iter().any(|s| s.browsers().contains(b)))
            .collect()
    }

    /// The words the lexical matcher indexes, by field.
    pub fn document(&self) -> Document<'_> {
        let mut body = self.summary.clone();
        let lines = (self.causes.iter().map(|c| &c.name))
            .chain(self.solutions.iter().map(|s| &s.title))
            .chain(self.faq.iter().map(|f| &f.question));
        for line in lines {
            body.push('\n');
            body.push_str(line);
        }
        Document {
            name: format!("{} {}", self.id, self.title),
            title: &self.title,
            codes: self.codes.iter().map(String::as_str).collect(),
            symptoms: self.symptoms.iter().map(String::as_str).collect(),
            keywords: self.keywords.iter().map(String::as_str).collect(),
            body,
            examples: self.examples.iter().map(|e| e.text.as_str()).collect(),
        }
    }
}

/// The front matter's keys, as the README lists them.
const FRONT_KEYS: [&str; 8] = [
    "id", "title", "product", "codes", "symptoms", "keywords", "examples", "checks",
];

/// What the front matter gives, read key by key (not through one strict serde struct) so that
/// every mistake in it is reported in one pass, each at its own line.
#[derive(Default)]
struct Front {
    /// The `id` value and the line it stands on.
    id: Option<(String, usize)>,
    title: Option<String>,
    product: Option<String>,
    codes: Vec<String>,
    /// The `symptoms` list (empty items left out) and its line.
    symptoms: Option<(Vec<String>, usize)>,
    keywords: Vec<String>,
    examples: Vec<Example>,
    /// The `checks` list and its line.
    checks: Option<(Vec<String>, usize)>,
    /// The line of each key given (a title that is there but empty is "empty", not "missing").
    lines: Vec<(&'static str, usize)>,
    /// No TOML syntax error: only then is a key that is not there known to be missing.
    complete: bool,
    /// Keys an unknown key was taken for (`titel` -> `title`): reported with it, so not said
    /// to be missing as well.
    misspelled: Vec<&'static str>,
}

impl Front {
    fn line_of(&self, key: &str) -> Option<usize> {
        self.lines.iter().find(|(k, _)| *k == key).map(|(_, l)| *l)
    }

    /// Whether `key` is known not to be given: the TOML was read whole, no line holds it, and
    /// no unknown key was taken for a misspelling of it.
    fn missing(&self, key: &str) -> bool {
        self.complete && self.line_of(key).is_none() && !self.misspelled.contains(&key)
    }
}

/// How a TOML value's type reads to an admin.
fn kind_of(value: &toml::de::DeValue<'_>) -> &'static str {
    use toml::de::DeValue;
    match value {
        DeValue::String(_) => "a quoted string",
        DeValue::Integer(_) | DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A key's value as TOML would spell it, for examples in hints (`"ERR-77"`, `5`).
fn spelled(value: &toml::de::DeValue<'_>) -> String {
    use toml::de::DeValue;
    match value {
        DeValue::String(s) => format!("{:?}", s.as_ref()),
        DeValue::Integer(i) => i.as_str().to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => format!("\"{d}\""),
        DeValue::Array(_) | DeValue::Table(_) => "\"...\"".to_string(),
    }
}

/// Reads the front matter (`front`, starting at byte `front_start` of `text`), reporting every
/// TOML syntax error, unknown key, value of the wrong type and empty list at its line.
fn read_front(
    file: &str,
    text: &str,
    front: &str,
    front_start: usize,
    problems: &mut Vec<Diagnostic>,
) -> Front {
    use toml::de::{DeTable, DeValue};
    // (One index of the lines: counting from the start for each of thousands of list items
    // took minutes.)
    let lines = LineIndex::new(text);
    let at = |offset: usize| lines.line(front_start + offset);
    let (table, errors) = DeTable::parse_recoverable(front);
    let mut out = Front {
        complete: errors.is_empty(),
        ..Front::default()
    };
    // Lines a syntax error touches: what the parser recovered there is not what was meant.
    let mut broken: Vec<usize> = Vec::new();
    for e in &errors {
        let span = e.span().unwrap_or(0..0);
        let line = at(span.start);
        let message = e.message().trim();
        let (message, hint) = if message == "duplicate key" {
            let key = front
                .get(span.clone())
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            let hint = if ["id", "title", "product"].contains(&key) {
                format!("keep one `{key} = ...` line")
            } else {
                format!(
                    "keep one `{key} = [...]` line: one list holds every value, `{key} = [\"a\", \"b\"]`"
                )
            };
            (format!("front matter: `{key}` is given twice"), hint)
        } else if let Some((said, hint)) = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(super::diagnostic::quote_mistake)
        {
            (format!("front matter: {said}"), hint)
        } else {
            (
                format!("front matter: {message}"),
                "front matter is TOML: `key = \"text\"` or `key = [\"a\", \"b\"]`; quote every string".to_string(),
            )
        };
        // One TOML mistake can trip the parser more than once on the same line.
        if broken.contains(&line) && message != "duplicate key" {
            continue;
        }
        broken.push(line);
        problems.push(Diagnostic::new(file, line, message).hint(hint));
    }
    let table = table.into_inner();
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        let key_line = at(key.span().start);
        let value_lines = at(value.span().start)..=at(value.span().end);
        if broken
            .iter()
            .any(|l| *l == key_line || value_lines.contains(l))
        {
            continue;
        }
        let name = key.get_ref().as_ref();
        let Some(&known) = FRONT_KEYS.iter().find(|k| **k == name) else {
            let nearest = super::diagnostic::nearest(name, &FRONT_KEYS);
            out.misspelled.extend(nearest);
            let near = nearest
                .map(|k| format!("did you mean `{k}`? "))
                .unwrap_or_default();
            problems.push(
                Diagnostic::new(
                    file,
                    key_line,
                    format!("front matter: unknown key `{name}`"),
                )
                .hint(format!("{near}allowed keys: {}", FRONT_KEYS.join(", "))),
            );
            continue;
        };
        out.lines.push((known, key_line));
        let value_line = at(value.span().start);
        match (known, value.get_ref()) {
            ("id" | "title" | "product", DeValue::String(v)) => {
                let v = v.trim().to_string();
                match known {
                    "id" => out.id = Some((v, value_line)),
                    "title" => out.title = Some(v),
                    _ => out.product = Some(v).filter(|p| !p.is_empty()),
                }
            }
            ("id" | "title" | "product", other) => {
                let example = match other {
                    DeValue::Array(items) => items
                        .first()
                        .map(|i| spelled(i.get_ref()))
                        .unwrap_or_else(|| "\"...\"".to_string()),
                    v => format!("\"{}\"", spelled(v).trim_matches('"')),
                };
                problems.push(
                    Diagnostic::new(
                        file,
                        value_line,
                        format!(
                            "front matter: `{known}` must be one quoted string, not {}",
                            kind_of(other)
                        ),
                    )
                    .hint(format!("write `{known} = {example}`")),
                );
            }
            (_, DeValue::Array(items)) => {
                let mut list = Vec::new();
                let mut ok = true;
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            list.push((s.trim().to_string(), at(item.span().start)))
                        }
                        other => {
                            ok = false;
                            problems.push(
                                Diagnostic::new(
                                    file,
                                    at(item.span().start),
                                    format!("front matter: an item of `{known}` is {}, not a quoted string", kind_of(other)),
                                )
                                .hint(format!("quote it: `\"{}\"`", spelled(other).trim_matches('"'))),
                            );
                        }
                    }
                }
                if !ok {
                    continue;
                }
                let texts = || -> Vec<String> {
                    list.iter()
                        .map(|(t, _)| t.clone())
                        .filter(|t| !t.is_empty())
                        .collect()
                };
                match known {
                    "codes" => out.codes = texts(),
                    "symptoms" => out.symptoms = Some((texts(), value_line)),
                    "keywords" => out.keywords = texts(),
                    "checks" => out.checks = Some((texts(), key_line)),
                    _ => {
                        // An empty one is a slip (a trailing `""`), said rather than dropped.
                        for (_, line) in list.iter().filter(|(t, _)| t.is_empty()) {
                            problems.push(
                                Diagnostic::new(file, *line, "front matter: an example is empty")
                                    .hint("write what a user wrote, or remove the empty `\"\"`"),
                            );
                        }
                        out.examples = list
                            .iter()
                            .filter(|(t, _)| !t.is_empty())
                            .map(|(t, line)| Example {
                                text: t.clone(),
                                line: *line,
                            })
                            .collect()
                    }
                }
            }
            (_, other) => {
                let example = match other {
                    DeValue::String(v) => format!("{:?}", v.trim()),
                    DeValue::Table(_) => "\"...\"".to_string(),
                    v => format!("\"{}\"", spelled(v).trim_matches('"')),
                };
                problems.push(
                    Diagnostic::new(
                        file,
                        value_line,
                        format!(
                            "front matter: `{known}` must be a list, not {}",
                            kind_of(other)
                        ),
                    )
                    .hint(format!(
                        "put the value in square brackets: `{known} = [{example}]`"
                    )),
                );
            }
        }
    }
    out
}

const KNOWN_SECTIONS: &str = "`## Causes`, `## Solution: <title>`, `## Test: <title>`, \
     `## Prevention`, `## FAQ`, `## Escalation`";
const BROWSER_HEADINGS: &str = "Chrome, Firefox, Safari (Mac), Safari (iPhone and iPad), \
     Microsoft Edge, Internet Explorer";

/// The most characters of one reply's text (the summary, one step with its browser's steps, an
/// FAQ answer): Discord shows a reply as an embed of at most 4,096 characters (longer text is cut
/// and sent as a file), and the step's heading, browser label and question take the rest.
pub const MAX_REPLY_CHARS: usize = 3_500;

/// The largest article file loaded: far beyond any real article (the longest shipped one is
/// under 20 KB), small enough that a pasted log or a runaway generator cannot stall a reload.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// An article as far as it could be read, with every problem found in it.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub article: Article,
    pub problems: Vec<Diagnostic>,
    /// The front matter was found and read without a TOML syntax error, so the article's id,
    /// title and `checks` are what the admin wrote: checks across files may use them even when
    /// something else in the file is wrong.
    pub front_matter_read: bool,
}

/// Parses one article. `file` names it in diagnostics; `stem` is the default id.
/// Every problem found is returned, not only the first.
pub fn parse(file: &str, stem: &str, text: &str) -> Result<Article, Vec<Diagnostic>> {
    let parsed = parse_in_full(file, stem, text);
    if parsed.problems.is_empty() {
        Ok(parsed.article)
    } else {
        Err(parsed.problems)
    }
}

/// Like [`parse`], keeping what could be read of a broken article beside its problems: the
/// body is read even when the front matter is not, and the other way round.
pub fn parse_in_full(file: &str, stem: &str, text: &str) -> Parsed {
    let mut problems = Vec::new();
    let unread = |problems| Parsed {
        article: Article {
            id: stem.to_string(),
            file: file.to_string(),
            ..Article::default()
        },
        problems,
        front_matter_read: false,
    };
    if text.trim().is_empty() {
        return unread(vec![Diagnostic::new(file, 1, "the file is empty").hint(
            "start with `+++`, the front matter (title, symptoms), `+++`, then a summary and \
             `## Solution:` sections, or delete the file",
        )]);
    }
    let text = normalise(text.strip_prefix('\u{feff}').unwrap_or(text));
    let text = text.as_ref();
    let (front, front_start, body_start) = match split_front_matter(file, text, &mut problems) {
        Fence::Toml(front, front_start, body_start) => (front, front_start, body_start),
        // YAML between `---` lines: reported; the body after it is still checked.
        Fence::Other(body_start) => {
            let body = &text[body_start..];
            parse_body(file, text, body_start, body, &mut problems);
            return unread(problems);
        }
        Fence::None => return unread(problems),
    };
    let body = &text[body_start..];

    let fm = read_front(file, text, front, front_start, &mut problems);
    let fm_line = line_of(text, front_start.saturating_sub(1));
    let at_key = |key: &str| fm.line_of(key).unwrap_or(fm_line);
    // Where the id comes from: its `id =` line, or the front matter's opening for the file name.
    let (id, id_line) = fm.id.clone().unwrap_or_else(|| (stem.to_string(), fm_line));
    let title = fm.title.clone().unwrap_or_default();
    let title_line = at_key("title");
    let no_title = match &fm.title {
        Some(t) => t.is_empty().then_some("`title` is empty"),
        // A `title` line with a value of the wrong type was reported as such.
        None => fm.missing("title").then_some("front matter has no `title`"),
    };
    if let Some(message) = no_title {
        problems.push(
            Diagnostic::new(file, title_line, message)
                .hint("add a line such as `title = \"QuickBooks Error 502: Bad Gateway\"`"),
        );
    }
    let symptoms = match &fm.symptoms {
        Some((given, _)) if !given.is_empty() => given.clone(),
        Some((_, line)) => {
            problems.push(Diagnostic::new(file, *line, "`symptoms` is empty").hint(
                "list what users notice, e.g. `symptoms = [\"QuickBooks Online does not open\"]`",
            ));
            Vec::new()
        }
        // A `symptoms` line with a value of the wrong type was reported as such.
        None if fm.missing("symptoms") => {
            problems.push(
                Diagnostic::new(file, fm_line, "front matter has no `symptoms`").hint(
                    "add what users notice, e.g. `symptoms = [\"QuickBooks Online does not open\"]`",
                ),
            );
            Vec::new()
        }
        None => Vec::new(),
    };
    let (checks, checks_line) = fm.checks.clone().unwrap_or_default();
    let complete = fm.complete;
    let Front {
        product,
        codes,
        keywords,
        examples,
        ..
    } = fm;
    if !valid_id(&id) {
        // With no `id =` line the id is the file's name: that is what to change.
        let hint = match (&fm.id, slug(&id)) {
            (None, Some(good)) => format!(
                "with no `id = \"...\"` line the id is the file's name: rename the file to `{good}.md`, or add `id = \"{good}\"` to the front matter"
            ),
            (None, None) => "with no `id = \"...\"` line the id is the file's name: rename the file with lowercase letters, digits and hyphens, or add an `id = \"...\"` line".to_string(),
            (Some(_), Some(good)) => format!("use lowercase letters, digits and hyphens, e.g. `{good}`"),
            (Some(_), None) => "use lowercase letters, digits and hyphens, e.g. `quickbooks-error-502`".to_string(),
        };
        problems.push(
            Diagnostic::new(
                file,
                id_line,
                format!("id `{id}` is not a valid article id"),
            )
            .hint(hint),
        );
    }

    let sections = parse_body(file, text, body_start, body, &mut problems);
    Parsed {
        article: Article {
            id,
            title,
            product,
            codes,
            symptoms,
            keywords,
            examples,
            checks,
            checks_line,
            id_line,
            title_line,
            summary: sections.summary,
            causes: sections.causes,
            solutions: sections.solutions,
            prevention: sections.prevention,
            faq: sections.faq,
            escalation: sections.escalation,
            file: file.to_string(),
        },
        problems,
        front_matter_read: complete,
    }
}

/// Line endings and tabs as the rest of the parser (and every reply) expects them: `\r\n` and
/// a lone `\r` become `\n` (no `\r` left in summaries or steps), and tabs in list lines
/// (`\t1.\tSave your work.`, as pasted from a word processor) become spaces: a tab after the
/// marker one space, each leading tab three (a list indented by one tab stays a list and is
/// shown flush left; under a `1.` item it still nests). Line numbers are unchanged.
fn normalise(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\r', '\t']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        let marker = list_marker_len(rest);
        match marker {
            Some(m) if line[..indent].contains('\t') || rest[m..].starts_with('\t') => {
                for c in line[..indent].chars() {
                    out.push_str(if c == '\t' { "   " } else { " " });
                }
                out.push_str(&rest[..m]);
                out.push(' ');
                out.push_str(rest[m..].trim_start_matches([' ', '\t']));
            }
            _ => out.push_str(line),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` without the indentation all its non-blank lines share (a list indented as a whole is
/// shown flush left), trimmed.
fn dedent(text: &str) -> String {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    if indent == 0 {
        return text.trim().to_string();
    }
    text.lines()
        // Spaces are one byte each, so `indent` is a character boundary of every non-blank line.
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// The length of a list marker (`-`, `*`, `+`, `12.`, `3)`) at the start of `line` when a
/// space or tab follows it.
fn list_marker_len(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let len = match line.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 && digits <= 9 => digits + 1,
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        _ => return None,
    };
    matches!(line.as_bytes().get(len), Some(b' ' | b'\t')).then_some(len)
}

/// `text` as a valid id (`Invoice PDF (new)` -> `invoice-pdf-new`), when it has any letter or
/// digit left.
fn slug(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let slug: String = words.join("-").chars().take(64).collect();
    let slug = slug.trim_end_matches('-').to_string();
    valid_id(&slug).then_some(slug)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Where the front matter is.
enum Fence<'a> {
    /// Between `+++` lines: its text, its byte offset and the body's offset.
    Toml(&'a str, usize, usize),
    /// Between other fences (YAML's `---`), reported: the body's offset.
    Other(usize),
    /// None to be found (reported).
    None,
}

/// Finds the `+++` fences, reporting a file without them.
fn split_front_matter<'a>(file: &str, text: &'a str, problems: &mut Vec<Diagnostic>) -> Fence<'a> {
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n');
    // The opening fence is the first non-blank line.
    let open_line = loop {
        let Some(line) = lines.next() else {
            return Fence::None;
        };
        let start = offset;
        offset += line.len();
        if !line.trim().is_empty() {
            break (start, line);
        }
    };
    let open = open_line.1.trim();
    if open == "---" {
        // Hugo's and Jekyll's YAML front matter: said as such, and the body after it checked.
        let mut end = offset;
        for line in lines.by_ref() {
            end += line.len();
            if line.trim_end() == "---" {
                problems.push(
                    Diagnostic::new(file, line_of(text, open_line.0), "the front matter is between `---` lines (YAML); articles use TOML between `+++` lines")
                        .hint("replace both `---` lines with `+++` and write each key in TOML: `title = \"...\"`, `symptoms = [\"...\", \"...\"]`"),
                );
                return Fence::Other(end);
            }
        }
    }
    if open != "+++" {
        problems.push(
            Diagnostic::new(file, line_of(text, open_line.0), "the file does not start with `+++` front matter")
                .hint("put the article's TOML front matter (title, symptoms, ...) between two `+++` lines at the top"),
        );
        return Fence::None;
    }
    let front_start = offset;
    for line in lines {
        let start = offset;
        offset += line.len();
        if line.trim_end() == "+++" {
            return Fence::Toml(&text[front_start..start], front_start, offset);
        }
    }
    problems.push(
        Diagnostic::new(
            file,
            line_of(text, open_line.0),
            "the front matter is never closed",
        )
        .hint("did you forget the closing `+++` line after the front matter?"),
    );
    Fence::None
}

#[derive(Default)]
struct Sections {
    summary: String,
    causes: Vec<Cause>,
    solutions: Vec<Solution>,
    prevention: Vec<String>,
    faq: Vec<Faq>,
    escalation: Option<String>,
}

struct Heading {
    level: HeadingLevel,
    text: String,
    /// Byte range of the heading line within the body.
    range: Range<usize>,
}

fn headings(body: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut current: Option<Heading> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(Heading {
                    level,
                    text: String::new(),
                    range,
                })
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut h) = current.take() {
                    h.text = h.text.trim().to_string();
                    out.push(h);
                }
            }
            _ => {}
        }
    }
    out
}

/// Top-level list items of a Markdown fragment, as single-line text.
fn list_items(fragment: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new(fragment).into_offset_iter() {
        match event {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 1 {
                    let raw = &fragment[range];
                    items.push(strip_marker(raw));
                }
            }
            Event::End(TagEnd::Item) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    items
}

/// Reports each list item of `fragment` nested under another (`\t- ...` below `- ...`): in a
/// one-line list (causes, prevention) it would be read as part of the item above.
fn nested_items(
    file: &str,
    fragment: &str,
    line: impl Fn(usize) -> usize,
    problems: &mut Vec<Diagnostic>,
) {
    let mut depth = 0usize;
    for (event, range) in Parser::new(fragment).into_offset_iter() {
        match event {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 2 {
                    problems.push(
                        Diagnostic::new(file, line(range.start), "this item is indented under the one above, so it would be read as part of it")
                            .hint("start it at the same indent as the other items (`- ` at the start of the line), or write it into the item above"),
                    );
                }
            }
            Event::End(TagEnd::Item) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

fn strip_marker(raw: &str) -> String {
    let t = raw.trim_start();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
        .unwrap_or_else(|| {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            let rest = &t[digits..];
            rest.strip_prefix(". ")
                .or_else(|| rest.strip_prefix(") "))
                .unwrap_or(t)
        });
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first step of a numbered list in `fragment` numbered out of order ("1. ... 4. ... 3."):
/// its byte offset, the number expected and the number written. A list starts at 1 and goes
/// up by one; a paragraph between two lists starts a new one; nested items are not counted.
fn misnumbered_step(fragment: &str) -> Option<(usize, u64, u64)> {
    let mut expected: Option<u64> = None;
    let mut indent_of_items: Option<usize> = None;
    let mut offset = 0;
    for raw in fragment.split_inclusive('\n') {
        let at = offset;
        offset += raw.len();
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        let item = !digits.is_empty() && trimmed[digits.len()..].starts_with(". ");
        match (item, indent_of_items) {
            (true, None) => indent_of_items = Some(indent),
            (true, Some(base)) if indent > base + 1 => continue,
            (false, Some(base)) if indent > base => continue,
            (false, _) => {
                expected = None;
                indent_of_items = None;
                continue;
            }
            _ => {}
        }
        let Ok(n) = digits.parse::<u64>() else {
            continue;
        };
        let want = expected.unwrap_or(1);
        if n != want {
            return Some((at + indent, want, n));
        }
        expected = Some(n + 1);
    }
    None
}

fn has_list(fragment: &str) -> bool {
    Parser::new(fragment).any(|e| matches!(e, Event::Start(Tag::Item)))
}

fn parse_body(
    file: &str,
    text: &str,
    body_start: usize,
    raw_body: &str,
    problems: &mut Vec<Diagnostic>,
) -> Sections {
    let lines = LineIndex::new(text);
    let line = |offset: usize| lines.line(body_start + offset);
    // Comments are for admins: never shown (offsets and lines are kept).
    let (hidden, unclosed) = body_lint::hide_comments(raw_body);
    let body = hidden.as_str();
    for m in unclosed.into_iter().chain(body_lint::line_mistakes(body)) {
        problems.push(Diagnostic::new(file, line(m.offset), m.message).hint(m.hint));
    }
    let heads = headings(body);
    let mut out = Sections::default();
    // Each test's "go to" lines, checked once every solution is known: (its index, its
    // heading's line, when it works there, when it fails there too).
    let mut branch_targets: Vec<GoToTargets> = Vec::new();
    let first_h2 = heads
        .iter()
        .position(|h| h.level <= HeadingLevel::H2)
        .unwrap_or(heads.len());
    let summary_end = heads.first().map(|h| h.range.start).unwrap_or(body.len());
    out.summary = body[..summary_end].trim().to_string();
    let summary_chars = out.summary.chars().count();
    if summary_chars > MAX_REPLY_CHARS {
        problems.push(
            Diagnostic::new(file, line(0), format!("the summary is too long for one chat reply: {summary_chars} characters, at most {MAX_REPLY_CHARS} fit"))
                .hint("keep the summary to what the problem is; steps go in `## Solution:` sections, details in `## FAQ`"),
        );
    }
    // (`# Title` first is reported as a top-level heading below: the summary after it is
    // there, under the heading.)
    let h1_first = heads.first().is_some_and(|h| {
        let next = heads.get(1).map_or(body.len(), |n| n.range.start);
        h.level == HeadingLevel::H1 && !body[h.range.end..next].trim().is_empty()
    });
    if out.summary.is_empty() && !h1_first {
        problems.push(
            Diagnostic::new(file, line(0), "the article has no summary").hint(
                "write a paragraph after the closing `+++` saying what the problem is, before the first `##` section",
            ),
        );
    }
    if first_h2 > 0 {
        let h = &heads[0];
        problems.push(
            Diagnostic::new(file, line(h.range.start), format!("heading `{}` is outside any section", h.text))
                .hint("`###` headings belong inside a `## Solution:` (browsers) or `## FAQ` (questions) section"),
        );
    }

    // Indices of section headings (level 1 or 2).
    let tops: Vec<usize> = (0..heads.len())
        .filter(|&i| heads[i].level <= HeadingLevel::H2)
        .collect();
    let mut seen_titles: Vec<String> = Vec::new();
    // Every solution and test title so far, broken ones too: a repeated title is reported
    // whatever else is wrong with either.
    let mut step_titles: Vec<String> = Vec::new();
    // Every name an `Also called:` line gave so far, lowercased, with its step's title: a
    // name is one step's ("cleared cookies" naming two fixes would credit either).
    let mut names_given: Vec<(String, String)> = Vec::new();
    for (n, &i) in tops.iter().enumerate() {
        let h = &heads[i];
        let h_line = line(h.range.start);
        let end_index = tops.get(n + 1).copied().unwrap_or(heads.len());
        let content_end = heads
            .get(end_index)
            .map(|h| h.range.start)
            .unwrap_or(body.len());
        let subs = &heads[i + 1..end_index];
        let content = &body[h.range.end..content_end];
        if h.level == HeadingLevel::H1 {
            problems.push(
                Diagnostic::new(
                    file,
                    h_line,
                    format!("`# {}` is a top-level heading", h.text),
                )
                .hint("the title lives in the front matter; use `##` for sections"),
            );
            continue;
        }
        let lower = h.text.to_lowercase();
        let name = lower.trim_end_matches(':').trim();
        if let Some((rest, test)) = solution_title(&h.text) {
            // Users, tickets and stats tell solutions apart by title.
            let twice = !rest.is_empty()
                && step_titles
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(rest.trim()));
            if twice {
                problems.push(
                    Diagnostic::new(file, h_line, format!("solution `{rest}` appears twice"))
                        .hint("merge the two solutions into one, or give each its own title"),
                );
            }
            step_titles.push(rest.trim().to_string());
            // A line written like a test's `go to:` or `Also called:` line but not readable as
            // one would be shown to users as a step.
            let mut offset = h.range.end;
            for raw in content.split_inclusive('\n') {
                if let Some(meant) = misspelled_directive(raw) {
                    problems.push(
                        Diagnostic::new(
                            file,
                            line(offset),
                            format!("`{}` looks like a test's {} line but is not one, so users would see it as a step", raw.trim(), meant.0),
                        )
                        .hint(format!("did you mean {}? write exactly {}", meant.0, meant.1)),
                    );
                }
                offset += raw.len();
            }
            let said_before = problems.len();
            let parsed = parse_solution(
                file, &lines, body_start, body, rest, h, content, subs, problems,
            );
            // A test's problems name it as one (they said "solution `Try incognito` has no
            // steps" of a `## Test:`).
            if test {
                for p in &mut problems[said_before..] {
                    if let Some(rest) = p.message.strip_prefix("solution `") {
                        p.message = format!("test `{rest}");
                    } else if p.message == "a solution has no title" {
                        p.message = "a test has no title".into();
                    }
                }
            }
            if let Some(mut s) = parsed {
                s.test = test;
                // The "go to" lines may stand in the general text or under a browser; each
                // is checked at its own line.
                let (general, mut go_tos) = branches(&s.general);
                for v in &mut s.variants {
                    let (steps, more) = branches(&v.steps);
                    v.steps = steps;
                    go_tos.extend(more);
                }
                // Each target with the line that names it.
                let (mut works, mut fails): (Option<Target>, Option<Target>) = (None, None);
                for g in go_tos {
                    let at = body[h.range.start..]
                        .find(&g.raw)
                        .map_or(h_line, |o| line(h.range.start + o));
                    let problem = match (g.works, test) {
                        (None, _) => Some((
                            format!("cannot read `{}`", g.raw.trim()),
                            "write exactly `- If it works there, go to: <title>` or `- If it fails there too, go to: <title>`".to_string(),
                        )),
                        (Some(_), false) => Some((
                            format!("solution `{}` says where to go next", s.title),
                            "only a `## Test:` can say `- If it works there, go to: <title>`; make it a test or remove the line".to_string(),
                        )),
                        (Some(w), true) => {
                            let slot = if w { &mut works } else { &mut fails };
                            match slot {
                                Some((first, _)) if !first.eq_ignore_ascii_case(&g.target) => Some((
                                    format!("test `{}` says twice where to go when it {}", s.title, if w { "works there" } else { "fails there too" }),
                                    format!("keep one line: it already goes to `{first}`"),
                                )),
                                _ => {
                                    *slot = Some((g.target.clone(), at));
                                    None
                                }
                            }
                        }
                    };
                    if let Some((message, hint)) = problem {
                        problems.push(Diagnostic::new(file, at, message).hint(hint));
                    }
                }
                // Names stand in the general text or under a browser (where they are no
                // step either); each is checked at its own line.
                let (general, mut names) = also_called(&general);
                for v in &mut s.variants {
                    let (steps, more) = also_called(&v.steps);
                    v.steps = steps;
                    names.extend(more);
                }
                for (raw, list) in names {
                    let at = body[h.range.start..]
                        .find(&raw)
                        .map_or(h_line, |o| line(h.range.start + o));
                    let kind = if test { "test" } else { "solution" };
                    let problem = if list.is_empty() {
                        Some((
                            format!("{kind} `{}`: `Also called:` names nothing", s.title),
                            if test {
                                "list the words users say for it, comma-separated: `- Also called: incognito, private mode`"
                            } else {
                                "list the words users say for what they did, comma-separated: `- Also called: cleared cookies, deleted browsing data`"
                            },
                        ))
                    } else if let Some((name, other)) = list.iter().find_map(|n| {
                        let key = n.to_lowercase();
                        names_given
                            .iter()
                            .find(|(given, title)| *given == key && *title != s.title)
                            .map(|(_, title)| (n.clone(), title.clone()))
                    }) {
                        problems.push(
                            Diagnostic::new(
                                file,
                                at,
                                format!(
                                    "`{name}` already names `{other}`; a name stands for one step"
                                ),
                            )
                            .hint("keep the name on the step users mean by it and remove it here"),
                        );
                        None
                    } else {
                        names_given
                            .extend(list.iter().map(|n| (n.to_lowercase(), s.title.clone())));
                        s.also_called.extend(list);
                        None
                    };
                    if let Some((message, hint)) = problem {
                        problems.push(Diagnostic::new(file, at, message).hint(hint));
                    }
                }
                s.general = general;
                if s.variants.is_empty() && !has_list(&s.general) {
                    problems.push(
                        Diagnostic::new(file, h_line, format!("test `{}` has no steps", s.title))
                            .hint(
                                "add a numbered list of steps (`1. ...`) besides the `go to` lines",
                            ),
                    );
                    continue;
                }
                if twice {
                    continue;
                }
                // One step is one chat reply: its text with the longest browser's steps.
                let general_chars = s.general.chars().count();
                let longest = s
                    .variants
                    .iter()
                    .map(|v| (v.steps.chars().count(), Some(v.browser)))
                    .max_by_key(|(n, _)| *n)
                    .unwrap_or((0, None));
                if general_chars + longest.0 > MAX_REPLY_CHARS {
                    let what = match longest.1 {
                        Some(b) if general_chars > 0 => {
                            format!("its text and {} steps come", b.label())
                        }
                        Some(b) => format!("its {} steps come", b.label()),
                        None => "its text comes".to_string(),
                    };
                    problems.push(
                        Diagnostic::new(
                            file,
                            h_line,
                            format!(
                                "{} `{}` is too long for one chat reply: {what} to {} characters, at most {MAX_REPLY_CHARS} fit",
                                if s.test { "test" } else { "solution" },
                                s.title,
                                general_chars + longest.0
                            ),
                        )
                        .hint("split it into several `## Solution:` sections (each is shown and answered on its own), or shorten the steps and link to a page with the details"),
                    );
                    continue;
                }
                branch_targets.push((out.solutions.len(), works, fails));
                out.solutions.push(s);
            }
            continue;
        }
        if seen_titles.contains(&name.to_string()) {
            problems.push(
                Diagnostic::new(
                    file,
                    h_line,
                    format!("section `## {}` appears twice", h.text),
                )
                .hint("merge the two sections into one"),
            );
            continue;
        }
        seen_titles.push(name.to_string());
        let whole = &body[h.range.end..content_end];
        match name {
            "causes" => {
                no_subheadings(file, &lines, body_start, subs, "Causes", problems);
                nested_items(file, content, |at| line(h.range.end + at), problems);
                let items = list_items(content);
                if items.is_empty() {
                    problems.push(
                        Diagnostic::new(file, h_line, "`## Causes` has no list items")
                            .hint("list causes as `- Name: explanation`"),
                    );
                }
                out.causes = items
                    .into_iter()
                    .map(|item| match item.split_once(": ") {
                        Some((name, detail)) if name.len() <= 80 => Cause {
                            name: name.trim().to_string(),
                            detail: detail.trim().to_string(),
                        },
                        _ => Cause {
                            name: item,
                            detail: String::new(),
                        },
                    })
                    .collect();
            }
            "prevention" => {
                no_subheadings(file, &lines, body_start, subs, "Prevention", problems);
                nested_items(file, content, |at| line(h.range.end + at), problems);
                out.prevention = list_items(content);
                if out.prevention.is_empty() {
                    problems.push(
                        Diagnostic::new(file, h_line, "`## Prevention` has no list items")
                            .hint("list prevention tips as `- tip`"),
                    );
                }
            }
            "escalation" => {
                no_subheadings(file, &lines, body_start, subs, "Escalation", problems);
                let t = whole.trim();
                if t.is_empty() {
                    problems.push(
                        Diagnostic::new(file, h_line, "`## Escalation` is empty").hint(
                            "say when to ask a human and what to tell them, or remove the section",
                        ),
                    );
                }
                out.escalation = Some(t.to_string());
            }
            "faq" => {
                let before = body
                    [h.range.end..subs.first().map(|s| s.range.start).unwrap_or(content_end)]
                    .trim();
                if !before.is_empty() && subs.is_empty() {
                    problems.push(Diagnostic::new(file, h_line, "`## FAQ` has no questions")
                        .hint("write each question as a `### Question?` heading followed by its answer"));
                } else if !before.is_empty() {
                    // Text before the first question belongs to no question: it was dropped
                    // without a word, never shown.
                    let at = body[h.range.end..]
                        .find(before)
                        .map_or(h.range.end, |i| h.range.end + i);
                    problems.push(
                        Diagnostic::new(
                            file,
                            line(at),
                            "this text before the first FAQ question is never shown",
                        )
                        .hint("put it under a `### Question?` heading, or in the summary above the sections"),
                    );
                }
                for (k, q) in subs.iter().enumerate() {
                    let end = subs
                        .get(k + 1)
                        .map(|s| s.range.start)
                        .unwrap_or(content_end);
                    let answer = body[q.range.end..end].trim();
                    if q.level != HeadingLevel::H3 {
                        problems.push(
                            Diagnostic::new(
                                file,
                                line(q.range.start),
                                "FAQ questions use `###` headings",
                            )
                            .hint("write `### Question?`"),
                        );
                    } else if answer.is_empty() {
                        problems.push(
                            Diagnostic::new(
                                file,
                                line(q.range.start),
                                format!("FAQ question `{}` has no answer", q.text),
                            )
                            .hint("write the answer as a paragraph under the question"),
                        );
                    } else if answer.chars().count() > MAX_REPLY_CHARS {
                        problems.push(
                            Diagnostic::new(
                                file,
                                line(q.range.start),
                                format!("the answer to `{}` is too long for one chat reply: {} characters, at most {MAX_REPLY_CHARS} fit", q.text, answer.chars().count()),
                            )
                            .hint("shorten it, or split it into several questions"),
                        );
                    } else {
                        out.faq.push(Faq {
                            question: q.text.clone(),
                            answer: answer.to_string(),
                        });
                    }
                }
            }
            _ => {
                let hint = if name.starts_with("solution") {
                    "a solution heading is `## Solution: <title>`, with a colon and a title"
                        .to_string()
                } else if name.starts_with("test") {
                    "a test heading is `## Test: <title>`, with a colon and a title".to_string()
                } else {
                    format!("known sections are {KNOWN_SECTIONS}; symptoms go in the front matter")
                };
                problems.push(
                    Diagnostic::new(file, h_line, format!("unknown section `## {}`", h.text))
                        .hint(hint),
                );
            }
        }
    }
    // A test's "go to" names a later solution of this article.
    for (at, works, fails) in branch_targets {
        // In the file's order, so diagnostics read top to bottom.
        let mut pair = [(works, "works there"), (fails, "fails there too")];
        pair.sort_by_key(|(t, _)| t.as_ref().map_or(0, |(_, line)| *line));
        for (target, outcome) in pair {
            let Some((target, target_line)) = target else {
                continue;
            };
            // "go to: the end": nothing after the test would help; on to "out of fixes".
            // "go to: another article": likewise, and the trouble is another article's.
            let leads = another_article(&target, target_line);
            let leaves = leads.is_some();
            // ("go to: another article:" with no id after the colon: a list left unwritten.)
            if leads.as_ref().is_some_and(Vec::is_empty) && target.trim_end().ends_with(':') {
                problems.push(
                    Diagnostic::new(
                        file,
                        target_line,
                        format!("test `{}`: `go to: {target}` names no article after the colon", out.solutions.get(at).map_or("", |s| s.title.as_str())),
                    )
                    .hint("name the articles to offer by id, comma-separated (`another article: page-not-loading, firewall-antivirus-proxy`), or remove the colon"),
                );
            }
            let found = if leaves || is_the_end(&target) {
                Some(out.solutions.len())
            } else {
                // (A curly apostrophe on one side and a straight one on the other is the
                // same title: editors and phones type either.)
                let straight = |t: &str| t.replace(['’', '‘'], "'");
                out.solutions
                    .iter()
                    .position(|s| straight(&s.title).eq_ignore_ascii_case(&straight(&target)))
            };
            let test_title = out.solutions.get(at).map_or("", |s| s.title.as_str());
            match found {
                Some(j) if j > at => {
                    let s = &mut out.solutions[at];
                    let leads = leads.unwrap_or_default();
                    if outcome == "works there" {
                        s.on_works = Some(j);
                        s.leaves_on_works = leaves;
                        s.leads_on_works = leads;
                    } else {
                        s.on_fails = Some(j);
                        s.leaves_on_fails = leaves;
                        s.leads_on_fails = leads;
                    }
                }
                Some(_) => problems.push(
                    Diagnostic::new(
                        file,
                        target_line,
                        format!("test `{test_title}`: `{target}` comes before the test, so \"if it {outcome}\" cannot go back to it"),
                    )
                    .hint("name a solution that comes after the test, or move the test up"),
                ),
                None => {
                    let later: Vec<String> = out.solutions[at + 1..]
                        .iter()
                        .map(|s| {
                            let kind = if s.test { "test" } else { "solution" };
                            format!("{kind} `{}`", s.title)
                        })
                        .collect();
                    let hint = if later.is_empty() {
                        "the test is the last step: add a solution after it, or remove the line".to_string()
                    } else {
                        format!("name a step after it ({}), `the end` to skip them all, or `another article` when the trouble is elsewhere", later.join(", "))
                    };
                    problems.push(
                        Diagnostic::new(
                            file,
                            target_line,
                            format!("test `{test_title}`: \"if it {outcome}, go to: {target}\" names no solution of this article"),
                        )
                        .hint(hint),
                    );
                }
            }
        }
    }
    if out.solutions.iter().all(|s| s.test)
        && !tops
            .iter()
            .any(|&i| solution_title(&heads[i].text).is_some_and(|(_, test)| !test))
    {
        problems.push(
            Diagnostic::new(
                file,
                // The closing `+++`: the sections follow it.
                lines.line(body_start.saturating_sub(1)),
                "the article has no `## Solution:` section",
            )
            .hint("add at least one `## Solution: <title>` section with numbered steps"),
        );
    }
    out
}

/// A solution a "go to" line names, and that line's number.
type Target = (String, usize);

/// A test's index and its targets (when it works there, when it fails there too).
type GoToTargets = (usize, Option<Target>, Option<Target>);

/// One "go to" line of a test, as written.
struct GoTo {
    /// The line as in the file, to find its line number.
    raw: String,
    /// `Some(true)`: "if it works there"; `Some(false)`: "if it fails there too"; `None`: a
    /// line that looks like one ("if it fails, go to X") but is neither form.
    works: Option<bool>,
    target: String,
}

/// Markdown without its "go to" lines, and those lines.
fn branches(text: &str) -> (String, Vec<GoTo>) {
    const WORKS: &str = "if it works there, go to:";
    const FAILS: &str = "if it fails there too, go to:";
    let mut found = Vec::new();
    let mut kept = Vec::new();
    for raw in text.lines() {
        let item = raw.trim().trim_start_matches(['-', '*']).trim();
        let lower = item.to_lowercase();
        // `get`, not indexing: a character whose lower case is shorter could move the cut.
        let target = |prefix: &str| {
            lower
                .starts_with(prefix)
                .then(|| item.get(prefix.len()..))
                .flatten()
                .map(|rest| rest.trim().trim_matches('*').trim().to_string())
        };
        let works = if let Some(t) = target(WORKS) {
            Some((Some(true), t))
        } else if let Some(t) = target(FAILS) {
            Some((Some(false), t))
        } else if lower.starts_with("if it") && lower.contains("go to") {
            Some((None, String::new()))
        } else {
            None
        };
        match works {
            Some((works, target)) => found.push(GoTo {
                raw: raw.to_string(),
                works,
                target,
            }),
            None => kept.push(raw),
        }
    }
    (kept.join("\n").trim().to_string(), found)
}

/// A line that looks like a test's directive but is not written as one: `- If it fails there
/// too, goto: ...`, `- Skip to: ...`, `- Also-called: ...`. Returns (the directive meant, how to
/// write it). Lines `branches` or `also_called` read (or report) are not such lines, and a step
/// that merely starts "Go to: Settings" is a step.
fn misspelled_directive(raw: &str) -> Option<(&'static str, &'static str)> {
    const GO_TO: (&str, &str) = (
        "`go to:`",
        "`- If it works there, go to: <title>` or `- If it fails there too, go to: <title>`",
    );
    const ALSO: (&str, &str) = (
        "`Also called:`",
        "`- Also called: <names>`, comma-separated",
    );
    if !branches(raw).1.is_empty() || !also_called(raw).1.is_empty() {
        return None;
    }
    let item = raw.trim();
    let item = list_marker_len(item).map_or(item, |m| &item[m..]).trim();
    let (head, _) = item.split_once(':')?;
    if head.chars().count() > 40 {
        return None;
    }
    let lower = head.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.concat();
    if matches!(joined.as_str(), "aka" | "alsoknownas" | "othernames")
        || strsim::damerau_levenshtein(&joined, "alsocalled") <= 2
    {
        return Some(ALSO);
    }
    let go_like = |w: &str| {
        matches!(
            w,
            "skipto" | "jumpto" | "moveto" | "continuewith" | "continueto" | "proceedto"
        ) || strsim::damerau_levenshtein(w, "goto") <= 1
    };
    // The last one or two words: "..., goto", "..., skip to".
    let tail = |n: usize| words[words.len().saturating_sub(n)..].concat();
    let conditional = matches!(words.first(), Some(&("if" | "when" | "otherwise" | "else")));
    if conditional && (go_like(&tail(1)) || go_like(&tail(2))) {
        return Some(GO_TO);
    }
    // A bare "goto:" or "skip to:"; not "Go to:", which starts many a real step.
    if lower.trim() != "go to" && go_like(&joined) {
        return Some(GO_TO);
    }
    None
}

/// Whether a "go to" target is the end of the article (`go to: the end`) rather than a title.
fn is_the_end(target: &str) -> bool {
    let t = target.trim().trim_end_matches('.').to_lowercase();
    t == "the end" || t == "end"
}

/// Whether a "go to" target leaves the article (`go to: another article`): the test's result
/// shows the trouble is not this one. The articles it names to offer first, by id, when so
/// (`another article: page-not-loading, firewall-antivirus-proxy`; none named, none).
fn another_article(target: &str, line: usize) -> Option<Vec<ArticleRef>> {
    let t = target.trim().trim_end_matches('.');
    // (The words before the ids in any case; the ids as written.)
    let rest = ["another article", "a different article"]
        .iter()
        .find_map(|lead| {
            t.get(..lead.len())
                .filter(|head| head.eq_ignore_ascii_case(lead))
                .map(|_| &t[lead.len()..])
        })?
        .trim();
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let ids = rest.strip_prefix(':')?;
    let mut found: Vec<ArticleRef> = Vec::new();
    for id in ids.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        // (An id named twice is offered once.)
        if !found.iter().any(|f| f.id == id) {
            found.push(ArticleRef {
                id: id.to_string(),
                title: String::new(),
                line,
            });
        }
    }
    Some(found)
}

/// Markdown without its `- Also called: a, b` lines, and each such line with its names.
fn also_called(text: &str) -> (String, Vec<(String, Vec<String>)>) {
    const PREFIX: &str = "also called:";
    let mut found = Vec::new();
    let mut kept = Vec::new();
    for raw in text.lines() {
        let item = raw.trim().trim_start_matches(['-', '*']).trim();
        let rest = item
            .to_lowercase()
            .starts_with(PREFIX)
            // `get`, not indexing: a character whose lower case is shorter could move the cut.
            .then(|| item.get(PREFIX.len()..))
            .flatten();
        match rest {
            Some(rest) => {
                let names = rest
                    .split(',')
                    .map(|n| n.trim().trim_matches(['*', '"', '.']).trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
                found.push((raw.to_string(), names));
            }
            None => kept.push(raw),
        }
    }
    (kept.join("\n").trim().to_string(), found)
}

/// The title of a `## Solution: <title>` or `## Test: <title>` heading, and whether it is a test.
fn solution_title(heading: &str) -> Option<(&str, bool)> {
    let (head, rest) = heading.split_once(':')?;
    let head = head.trim();
    if head.eq_ignore_ascii_case("solution") {
        Some((rest.trim(), false))
    } else if head.eq_ignore_ascii_case("test") {
        Some((rest.trim(), true))
    } else {
        None
    }
}

fn no_subheadings(
    file: &str,
    lines: &LineIndex,
    body_start: usize,
    subs: &[Heading],
    section: &str,
    problems: &mut Vec<Diagnostic>,
) {
    for s in subs {
        problems.push(
            Diagnostic::new(file, lines.line(body_start + s.range.start), format!("heading `{}` inside `## {section}`", s.text))
                .hint(format!("`## {section}` is a plain list; `###` headings belong in `## Solution:` or `## FAQ`")),
        );
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the pieces are the parse state"
)]
fn parse_solution(
    file: &str,
    lines: &LineIndex,
    body_start: usize,
    body: &str,
    title: &str,
    h: &Heading,
    content: &str,
    subs: &[Heading],
    problems: &mut Vec<Diagnostic>,
) -> Option<Solution> {
    let line = |offset: usize| lines.line(body_start + offset);
    let h_line = line(h.range.start);
    let before = problems.len();
    if title.is_empty() {
        problems.push(
            Diagnostic::new(file, h_line, "a solution has no title")
                .hint("write `## Solution: Remove browser cache`"),
        );
    }
    let general_end = subs
        .first()
        .map(|s| s.range.start - h.range.end)
        .unwrap_or(content.len());
    let general = dedent(&content[..general_end]);
    let mut variants: Vec<BrowserSteps> = Vec::new();
    let section_end = h.range.end + content.len();
    for (k, sub) in subs.iter().enumerate() {
        let end = subs
            .get(k + 1)
            .map(|s| s.range.start)
            .unwrap_or(section_end);
        let steps = dedent(&body[sub.range.end..end]);
        let steps = steps.as_str();
        let sub_line = line(sub.range.start);
        if sub.level != HeadingLevel::H3 {
            problems.push(
                Diagnostic::new(
                    file,
                    sub_line,
                    format!("heading `{}` in a solution must be `###`", sub.text),
                )
                .hint(format!(
                    "browser headings are `### <browser>`, one of: {BROWSER_HEADINGS}"
                )),
            );
            continue;
        }
        let Some(browser) = Browser::from_alias(&sub.text) else {
            // `### Firefx`, `### Chorme`: the browser meant, when one word is one slip away.
            let near = (sub.text.split_whitespace())
                .find_map(|w| Browser::near_name(&w.to_lowercase()))
                .map(|b| format!("did you mean `### {}`? ", b.label()))
                .unwrap_or_default();
            problems.push(
                Diagnostic::new(
                    file,
                    sub_line,
                    format!("unknown browser heading `### {}`", sub.text),
                )
                .hint(format!(
                    "{near}inside a solution, `###` names a browser: {BROWSER_HEADINGS}"
                )),
            );
            continue;
        };
        if variants.iter().any(|v| v.browser == browser) {
            problems.push(
                Diagnostic::new(
                    file,
                    sub_line,
                    format!("{} has two step lists in this solution", browser.label()),
                )
                .hint("merge them into one `###` subsection"),
            );
            continue;
        }
        if !has_list(steps) {
            problems.push(
                Diagnostic::new(
                    file,
                    sub_line,
                    format!(
                        "the {} steps of solution `{title}` have no steps",
                        browser.label()
                    ),
                )
                .hint("write the steps as a numbered list: `1. Open Chrome.`"),
            );
            continue;
        }
        variants.push(BrowserSteps {
            browser,
            steps: steps.to_string(),
        });
    }
    // "1. ... 4. ... 3.": shown to users as written, so said here with its line.
    let general_start = h.range.end;
    let mut fragments = vec![(general_start, general_start + general_end)];
    for (k, sub) in subs.iter().enumerate() {
        let end = subs
            .get(k + 1)
            .map(|s| s.range.start)
            .unwrap_or(section_end);
        fragments.push((sub.range.end, end));
    }
    for (start, end) in fragments {
        if let Some((at, want, got)) = body.get(start..end).and_then(misnumbered_step) {
            problems.push(
                Diagnostic::new(
                    file,
                    line(start + at),
                    format!("step {got} of solution `{title}` should be step {want}"),
                )
                .hint("number the steps 1, 2, 3 ... in order: users see the numbers as written"),
            );
        }
    }
    if subs.is_empty() && !has_list(&general) {
        problems.push(Diagnostic::new(file, h_line, format!("solution `{title}` has no steps"))
            .hint("add a numbered list of steps (`1. ...`), or `### <browser>` subsections with steps"));
    }
    if problems.len() > before {
        return None;
    }
    Some(Solution {
        title: title.to_string(),
        test: false,
        on_works: None,
        on_fails: None,
        leaves_on_works: false,
        leaves_on_fails: false,
        leads_on_works: Vec::new(),
        leads_on_fails: Vec::new(),
        also_called: Vec::new(),
        general,
        variants,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A review found each list item of the front matter counted lines from the start of the
    /// file: 30,000 `keywords` took 12 s to read, 110,000 (a 440 KB file, under the cap) over
    /// two minutes, holding `/kb reload` the while. (A bound far below the old cost, not a speed
    /// target: those are benchmarks.)
    #[test]
    fn a_front_matter_of_many_list_items_is_read_in_one_pass() {
        let items: Vec<String> = (0..60_000).map(|i| format!("\"k{}\"", i % 10)).collect();
        let text = format!(
            "+++\ntitle = \"Big\"\nsymptoms = [\"big file\"]\nkeywords = [\n{}\n]\n+++\nSummary.\n\n## Solution: Reload\n1. Press F5.\n",
            items.join(",\n")
        );
        assert!(text.len() < MAX_FILE_BYTES);
        let started = std::time::Instant::now();
        let parsed = parse("big.md", "big", &text);
        assert!(parsed.is_ok(), "{parsed:?}");
        // (About 50 s before, counting from the start; well under a second now.)
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    const GOOD: &str = r#"+++
title = "Error 502"
codes = ["502"]
symptoms = ["does not open"]
+++
The gateway got a bad answer.

## Causes
- Server maintenance: the servers are down.
- Old browser

## Solution: Clear cache
Applies to all browsers.
### Google Chrome
1. Open Chrome.
2. Clear.
### Safari (iPhone and iPad)
1. Open Settings.

## Solution: Update bank
1. Click Banking.
   - nested

## Prevention
- Keep browsers updated.

## FAQ
### Does it lose data?
No.

## Escalation
Ask a human.
"#;

    #[test]
    fn parses_every_part() {
        let a = parse("a.md", "a", GOOD).expect("valid");
        assert_eq!(a.id, "a");
        assert_eq!(a.title, "Error 502");
        assert_eq!(a.summary, "The gateway got a bad answer.");
        assert_eq!(a.causes.len(), 2);
        assert_eq!(a.causes[0].name, "Server maintenance");
        assert_eq!(a.causes[1].name, "Old browser");
        assert_eq!(a.solutions.len(), 2);
        assert_eq!(a.solutions[0].general, "Applies to all browsers.");
        assert_eq!(
            a.solutions[0].browsers(),
            vec![Browser::Chrome, Browser::SafariIos]
        );
        assert!(
            a.solutions[0].variants[0]
                .steps
                .starts_with("1. Open Chrome.")
        );
        assert_eq!(
            a.solutions[1].steps_for(Some(Browser::Edge)),
            StepsFor::General
        );
        assert_eq!(
            a.solutions[0].steps_for(Some(Browser::Edge)),
            StepsFor::NoVariant
        );
        assert_eq!(a.solutions[0].steps_for(None), StepsFor::NeedBrowser);
        assert_eq!(a.prevention, vec!["Keep browsers updated."]);
        assert_eq!(a.faq[0].question, "Does it lose data?");
        assert_eq!(a.faq[0].answer, "No.");
        assert_eq!(a.escalation.as_deref(), Some("Ask a human."));
        assert_eq!(a.browsers(), vec![Browser::Chrome, Browser::SafariIos]);
    }

    fn errors(text: &str) -> Vec<Diagnostic> {
        parse("x.md", "x", text).expect_err("should be invalid")
    }

    /// Comments are for admins: a note above the summary and a draft solution commented out
    /// were shown to users word for word (the draft inside the solution before it).
    #[test]
    fn comments_are_never_shown() {
        let text = GOOD
            .replacen(
                "The gateway got a bad answer.",
                "<!-- internal: ask Dana before publishing -->\nThe gateway got a bad answer.",
                1,
            )
            .replacen(
                "## Prevention",
                "<!-- ## Solution: Reinstall Windows\n1. Reinstall. -->\n\n## Prevention",
                1,
            );
        let a = parse("a.md", "a", &text).expect("valid");
        assert_eq!(a.summary, "The gateway got a bad answer.");
        assert_eq!(a.solutions.len(), 2);
        let shown = format!("{a:?}");
        assert!(
            !shown.contains("Dana") && !shown.contains("Reinstall"),
            "{shown}"
        );
    }

    /// `## Test:` is a step like a solution, marked as a test; a test heading without a title
    /// (or misspelled) is reported at its line with how to write it.
    #[test]
    fn a_test_heading_is_a_step_marked_as_a_test() {
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n\n## Solution: Clear the cache\n1. Clear it.\n";
        let a = parse("x.md", "x", text).expect("valid");
        let steps: Vec<(&str, bool)> = a
            .solutions
            .iter()
            .map(|s| (s.title.as_str(), s.test))
            .collect();
        assert_eq!(
            steps,
            [("Try a private window", true), ("Clear the cache", false)]
        );
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Tests - private window\n1. Open one.\n\n## Solution: A\n1. x\n",
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].line, 7);
        assert!(
            errs[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`## Test: <title>`")),
            "{errs:?}"
        );
        // "Go to" lines: kept out of the steps, pointing at a later solution.
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Solution: Reload\n1. Reload.\n\n## Test: Try a private window\nWhat it shows.\n- If it fails there too, go to: Check the connection\n### Chrome\n1. Open one.\n- If it works there, go to: clear the cache\n\n## Solution: Clear the cache\n1. Clear it.\n\n## Solution: Check the connection\n1. Check it.\n";
        let a = parse("x.md", "x", text).expect("valid");
        let test = &a.solutions[1];
        assert_eq!((test.on_works, test.on_fails), (Some(2), Some(3)));
        assert_eq!(test.general, "What it shows.");
        assert_eq!(test.variants[0].steps, "1. Open one.");
        // A curly apostrophe against a straight one names the same solution.
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n- If it works there, go to: Clear the browser’s cache\n\n## Solution: Clear the browser's cache\n1. Clear it.\n";
        let a = parse("x.md", "x", text).expect("valid");
        assert_eq!(a.solutions[0].on_works, Some(1));
        // "go to: the end": past the last solution (every later step skipped).
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n- If it fails there too, go to: The end\n\n## Solution: Clear the cache\n1. Clear it.\n";
        let a = parse("x.md", "x", text).expect("valid");
        assert_eq!(a.solutions[0].on_fails, Some(2));
        assert!(!a.solutions[0].leaves_on_fails);
        // "go to: another article: a, b": out of the article, with the articles to offer.
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try another device\n1. Try it.\n- If it works there, go to: another article: page-not-loading, firewall\n\n## Solution: Wait\n1. Wait.\n";
        let a = parse("x.md", "x", text).expect("valid");
        let test = &a.solutions[0];
        assert!(test.leaves_on_works);
        let ids: Vec<&str> = test.leads_on_works.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["page-not-loading", "firewall"]);
        assert!(test.leads_on_works.iter().all(|l| l.line == 9));
        // "go to: another article": past the last solution, and out of the article.
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try another device\n1. Try it.\n- If it works there, go to: another article\n\n## Solution: Wait\n1. Wait.\n";
        let a = parse("x.md", "x", text).expect("valid");
        let test = &a.solutions[0];
        assert_eq!((test.on_works, test.leaves_on_works), (Some(2), true));
        assert_eq!((test.on_fails, test.leaves_on_fails), (None, false));
        // "Also called" lines: the names users give the test, kept out of its steps.
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n- Also called: incognito,  private mode , \"InPrivate\",\n\n## Solution: Clear the cache\n1. Clear it.\n";
        let a = parse("x.md", "x", text).expect("valid");
        assert_eq!(
            a.solutions[0].also_called,
            ["incognito", "private mode", "InPrivate"]
        );
        assert_eq!(a.solutions[0].general, "1. Open one.");
        // Under a browser, a test's names are names too, not a step.
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n\n### Edge\n1. Open an InPrivate window.\n- Also called: InPrivate\n\n## Solution: Clear the cache\n1. Clear it.\n";
        let a = parse("x.md", "x", text).expect("valid");
        assert_eq!(a.solutions[0].also_called, ["InPrivate"]);
        assert_eq!(
            a.solutions[0].variants[0].steps,
            "1. Open an InPrivate window."
        );
        // A target that is not a later solution, and a "go to" on a fix, are reported.
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Solution: Reload\n1. Reload.\n- If it works there, go to: Reload\n\n## Test: Try a private window\n1. Open one.\n- If it fails there too, go to: Reload\n",
        );
        let msgs: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert_eq!(msgs[0].0, 9, "at the line itself: {msgs:?}");
        assert!(msgs[0].1.contains("says where to go next"), "{msgs:?}");
        assert_eq!(msgs[1].0, 13, "{msgs:?}");
        assert!(msgs[1].1.contains("comes before the test"), "{msgs:?}");
        // A line in another wording, two targets for one answer, and a title not in the
        // article: each reported at its line, the last listing the titles there are.
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n- If it fails, go to: Clear the cache\n- If it works there, go to: Clear the cache\n- If it works there, go to: Reload\n- If it fails there too, go to: Clera the cache\n\n## Solution: Clear the cache\n1. Clear it.\n",
        );
        let msgs: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(msgs[0].0, 9);
        assert!(
            msgs[0]
                .1
                .contains("cannot read `- If it fails, go to: Clear the cache`"),
            "{msgs:?}"
        );
        assert_eq!(msgs[1].0, 11);
        assert!(
            msgs[1]
                .1
                .contains("says twice where to go when it works there"),
            "{msgs:?}"
        );
        assert_eq!(msgs[2].0, 12);
        assert!(
            msgs[2].1.contains("names no solution of this article"),
            "{msgs:?}"
        );
        assert!(
            errs[2]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`Clear the cache`")),
            "{errs:?}"
        );
        // Tests alone fix nothing: an article needs a solution.
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Test: Try a private window\n1. Open one.\n",
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("no `## Solution:`"), "{errs:?}");
    }

    #[test]
    fn reports_all_problems_with_lines() {
        let text = "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nSummary.\n\n## Solution: A\n### Netscape\n1. x\n\n## Symptoms\n- x\n";
        let errs = errors(text);
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(errs[0].line, 8);
        assert!(errs[0].message.contains("unknown browser heading"));
        assert!(
            !errs[0]
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("did you mean"),
            "{errs:?}"
        );
        let slip = errors(&text.replace("Netscape", "Firefx"));
        assert!(
            (slip[0].hint.as_deref().unwrap_or("")).starts_with("did you mean `### Firefox`?"),
            "{slip:?}"
        );
        assert_eq!(errs[1].line, 11);
        assert!(errs[1].message.contains("unknown section"));
    }

    #[test]
    fn bad_toml_points_at_the_line() {
        let errs = errors("+++\ntitle = \"T\"\nsymptoms = [\"s\"\n+++\nS\n## Solution: A\n1. x\n");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.starts_with("front matter:"));
        assert!((2..=4).contains(&errs[0].line), "{:?}", errs[0]);
    }

    #[test]
    fn missing_pieces() {
        let errs = errors("+++\nproduct = \"Q\"\n+++\n## Solution: A\nno steps here\n");
        let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("no `title`")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("no `symptoms`")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("no summary")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("has no steps")), "{msgs:?}");
    }

    #[test]
    fn unclosed_front_matter_and_empty_file() {
        assert!(
            errors("+++\ntitle = \"x\"\n")[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("closing `+++`")
        );
        assert!(errors("  \n\n")[0].message.contains("empty"));
        assert!(
            errors("# Title\nbody")[0]
                .message
                .contains("does not start with `+++`")
        );
    }

    #[test]
    fn unknown_front_matter_key() {
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\ntags = [\"a\"]\n+++\nS\n## Solution: A\n1. x\n",
        );
        assert_eq!(errs[0].line, 4);
        assert!(errs[0].hint.as_deref().unwrap().contains("allowed keys"));
    }

    /// Windows line endings and tabs pasted from a word processor read like plain text: no `\r`
    /// in the summary or steps, and a tab-indented list is shown flush left, evenly.
    #[test]
    fn crlf_and_tabs_are_normalised() {
        let text = "+++\r\ntitle = \"T\"\r\nsymptoms = [\"s\"]\r\n+++\r\nFirst line.\r\n\r\nSecond.\r\n\r\n## Solution: A\r\n\t1.\tSave your work.\r\n\t2.\tClose the tabs.\r\n\r\n## Solution: B\r\n1. Click Banking.\r\n\t- nested\r\n";
        let a = parse("x.md", "x", text).expect("valid");
        assert_eq!(a.summary, "First line.\n\nSecond.");
        assert_eq!(
            a.solutions[0].general,
            "1. Save your work.\n2. Close the tabs."
        );
        assert_eq!(a.solutions[1].general, "1. Click Banking.\n   - nested");
        assert_eq!(
            list_items(&a.solutions[1].general),
            ["Click Banking. - nested"]
        );
        // Line numbers are those of the file.
        let errs = errors(
            "+++\r\ntitle = \"T\"\r\nsymptoms = [\"s\"]\r\n+++\r\nS\r\n\r\n## Symptoms\r\n- x\r\n## Solution: A\r\n1. x\r\n",
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].line, 7);
    }

    /// Every front-matter mistake is reported at once, naming the key and the fix.
    #[test]
    fn front_matter_mistakes_name_the_key_and_the_fix() {
        let errs = errors(
            "+++\ntitle = \"T\"\ncodes = \"ERR-77\"\nsymtoms = [\"s\"]\nkeywords = [\"a\", 5]\nproduct = [\"QBO\"]\n+++\nS\n## Solution: A\n1. x\n",
        );
        let got: Vec<(usize, &str, &str)> = errs
            .iter()
            .map(|e| (e.line, e.message.as_str(), e.hint.as_deref().unwrap_or("")))
            .collect();
        // `symtoms` is said once, as a misspelling, not again as a missing `symptoms`.
        assert_eq!(got.len(), 4, "{got:#?}");
        assert_eq!(got[0].0, 3);
        assert!(got[0].1.contains("`codes` must be a list"), "{got:?}");
        assert!(got[0].2.contains("`codes = [\"ERR-77\"]`"), "{got:?}");
        assert_eq!(got[1].0, 4);
        assert!(got[1].2.starts_with("did you mean `symptoms`?"), "{got:?}");
        assert_eq!(got[2].0, 5);
        assert!(
            got[2].1.contains("an item of `keywords` is a number"),
            "{got:?}"
        );
        assert!(got[2].2.contains("`\"5\"`"), "{got:?}");
        assert_eq!(got[3].0, 6);
        assert!(got[3].2.contains("`product = \"QBO\"`"), "{got:?}");
        // A key given twice is named; an empty list is said to be empty at its line.
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\nsymptoms = [\"t\"]\n+++\nS\n## Solution: A\n1. x\n",
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].line, 4);
        assert!(
            errs[0].message.contains("`symptoms` is given twice"),
            "{errs:?}"
        );
        let errs =
            errors("+++\ntitle = \"\"\ncodes = []\nsymptoms = []\n+++\nS\n## Solution: A\n1. x\n");
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(got, [(2, "`title` is empty"), (4, "`symptoms` is empty")]);
    }

    /// A syntax error in the front matter hides neither the other keys' mistakes nor the body's.
    #[test]
    fn a_toml_error_hides_nothing_else() {
        let errs = errors(
            "+++\ntitle = \"T\ncodes = \"x\"\nsymptoms = [\"s\"]\n+++\nS\n## Solution: A\n### Netscape\n1. x\n",
        );
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert!(
            got.iter()
                .any(|(l, m)| *l == 2 && m.starts_with("front matter:")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(l, m)| *l == 3 && m.contains("`codes` must be a list")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(l, m)| *l == 8 && m.contains("unknown browser")),
            "{got:?}"
        );
        // What the broken line held is not known, so nothing is said to be missing.
        assert!(
            !got.iter().any(|(_, m)| m.contains("no `title`")),
            "{got:?}"
        );
    }

    #[test]
    fn misspelled_directives_are_told_apart_from_steps() {
        for (line, meant) in [
            ("- If it fails there too, goto: X", Some("`go to:`")),
            ("- if it works there, skip to: X", Some("`go to:`")),
            ("- When it works there, go to: X", Some("`go to:`")),
            ("3. Goto: X", Some("`go to:`")),
            ("- Also-called: incognito", Some("`Also called:`")),
            ("- Also calld: incognito", Some("`Also called:`")),
            ("- AKA: incognito", Some("`Also called:`")),
            ("- If it fails there too, go to: X", None),
            ("- Also called: incognito", None),
            ("- If it fails, go to: X", None),
            ("2. Go to: Settings > Privacy.", None),
            ("1. Open Settings: Privacy.", None),
            ("Note: this takes a minute.", None),
        ] {
            assert_eq!(misspelled_directive(line).map(|m| m.0), meant, "{line}");
        }
    }

    /// Found by an admin explorer (F17): a `## Test:` with no steps was called a solution.
    #[test]
    fn a_test_without_steps_is_called_a_test() {
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Solution: A\n1. Do it.\n\n## Test: Try incognito\nJust try it.\n",
        );
        let got: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(got, ["test `Try incognito` has no steps"], "{got:?}");
    }

    /// Found by an admin explorer (F16): text between `## FAQ` and its first question was
    /// dropped without a word; `kb check` says where it is.
    #[test]
    fn text_before_the_first_faq_question_is_reported_at_its_line() {
        let errs = errors(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Solution: A\n1. Do it.\n\n## FAQ\nSome text without a question.\n\n### Question?\nAnswer.\n",
        );
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            got,
            [(11, "this text before the first FAQ question is never shown")],
            "{got:?}"
        );
    }

    #[test]
    fn replies_too_long_for_chat_are_reported() {
        let long = "word ".repeat(MAX_REPLY_CHARS / 5 + 1);
        let errs = errors(&format!(
            "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\n{long}\n\n## Solution: A\n1. {long}\n\n## FAQ\n### Why?\n{long}\n"
        ));
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].1.starts_with("the summary is too long"), "{got:?}");
        assert_eq!(got[1].0, 7);
        assert!(got[1].1.starts_with("solution `A` is too long"), "{got:?}");
        assert!(
            got[2].1.starts_with("the answer to `Why?` is too long"),
            "{got:?}"
        );
        // Just within the limit is fine.
        let fits = "x".repeat(MAX_REPLY_CHARS - 3);
        parse(
            "x.md",
            "x",
            &format!(
                "+++\ntitle = \"T\"\nsymptoms = [\"s\"]\n+++\nS\n\n## Solution: A\n1. {fits}\n"
            ),
        )
        .expect("fits");
    }
}
