//! Live-check targets from `endpoints.toml`: the pure `parse` with file, line and hint for every problem.

use super::diagnostic::{Diagnostic, LineIndex};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use toml::Spanned;

/// The file name inside the knowledge directory.
pub const FILE_NAME: &str = "endpoints.toml";

/// The longest timeout an admin may set: a check is meant to answer in seconds.
pub const MAX_TIMEOUT_MS: u64 = 60_000;

/// Whether a typed address is a target's own: the same host and port, and the same page or
/// none ("https://qbo.intuit.com" for "https://qbo.intuit.com/"), whatever the scheme or
/// case. Another page of its host ("https://qbo.intuit.com/app/payroll") is checked as typed.
pub fn same_site(target: &str, typed: &str) -> bool {
    site_match(target, typed).is_some()
}

/// How a typed address is a target's own (see [`same_site`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteMatch {
    /// The same page: host, port, path and query.
    Page,
    /// The same host and port, with no page typed; `root` when the target's own is none too.
    Host { root: bool },
}

/// How `typed` is `target`'s own address, if it is.
pub fn site_match(target: &str, typed: &str) -> Option<SiteMatch> {
    let parts = |u: &str| {
        let url = url::Url::parse(u).ok()?;
        let host = url.host_str()?.to_ascii_lowercase();
        let path = url.path().trim_end_matches('/').to_string();
        // (The port as written: a scheme's own is none, so "http://" and "https://" agree.)
        Some((host, url.port(), path, url.query().map(str::to_string)))
    };
    let (host, port, path, query) = parts(target)?;
    let (typed_host, typed_port, typed_path, typed_query) = parts(typed)?;
    if host != typed_host || port != typed_port {
        return None;
    }
    if typed_path == path && typed_query == query {
        return Some(SiteMatch::Page);
    }
    let no_page = typed_path.is_empty() && typed_query.is_none();
    no_page.then_some(SiteMatch::Host {
        root: path.is_empty() && query.is_none(),
    })
}

/// A named live-check target, as admins wrote it. Trusted: admins chose the address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Target {
    /// Lowercase id, referenced by articles' `checks = [...]`.
    pub name: String,
    /// What the target is, in words users understand ("QuickBooks Online sign-in page").
    pub description: String,
    /// An absolute http or https URL (normalised by the `url` crate).
    pub url: String,
    /// Statuses that count as healthy; `None` means any 2xx or 3xx.
    pub expect_status: Option<Vec<u16>>,
    /// This target's own timeout; `None` uses the prober's default.
    pub timeout_ms: Option<u64>,
    /// Text the body must contain to count as healthy.
    pub contains: Option<String>,
    /// How the background monitor watches it.
    pub monitor: Monitoring,
    /// 1-based line of the `[[target]]` table, for messages.
    #[serde(skip)]
    pub line: usize,
}

/// How the background monitor watches a target (`interval`, `monitor`, `failure_threshold`,
/// `success_threshold` in `endpoints.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Monitoring {
    /// `monitor = false` leaves the target to on-demand checks only.
    pub enabled: bool,
    /// Seconds between two checks.
    pub interval_secs: u64,
    /// Consecutive bad verdicts that open an incident.
    pub failure_threshold: u32,
    /// Consecutive good verdicts that close it.
    pub success_threshold: u32,
}

impl Default for Monitoring {
    fn default() -> Self {
        Monitoring {
            enabled: true,
            interval_secs: DEFAULT_INTERVAL_SECS,
            failure_threshold: 3,
            success_threshold: 2,
        }
    }
}

/// Checks a minute apart unless `interval` says otherwise.
pub const DEFAULT_INTERVAL_SECS: u64 = 60;
/// The shortest `interval`: more often would be load on the service, not watching.
pub const MIN_INTERVAL_SECS: u64 = 10;
/// The longest `interval`: a day.
pub const MAX_INTERVAL_SECS: u64 = 86_400;
/// The highest threshold: beyond it an outage would be over before anyone is told.
pub const MAX_THRESHOLD: u32 = 100;

impl Target {
    /// Whether `status` counts as healthy for this target.
    pub fn expects(&self, status: u16) -> bool {
        match &self.expect_status {
            Some(list) => list.contains(&status),
            None => (200..400).contains(&status),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    name: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    expect_status: Option<Spanned<Vec<Spanned<i64>>>>,
    timeout_ms: Option<Spanned<i64>>,
    contains: Option<Spanned<String>>,
    interval: Option<Spanned<i64>>,
    monitor: Option<Spanned<bool>>,
    failure_threshold: Option<Spanned<i64>>,
    success_threshold: Option<Spanned<i64>>,
}

const ALLOWED_KEYS: &str = "name, description, url, expect_status, timeout_ms, contains, \
                            interval, monitor, failure_threshold, success_threshold";

/// Parses `endpoints.toml`. `file` names it in diagnostics. Every problem is returned, not only
/// the first; an empty file (or one with no `[[target]]`) is valid and has no targets.
pub fn parse(file: &str, text: &str) -> Result<Vec<Target>, Vec<Diagnostic>> {
    // One index of the lines for every lookup (counting from the start each time made a
    // file of many tables quadratic).
    let lines = LineIndex::new(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (raw, mut problems) = read_tables(file, text);
    let mut targets: Vec<Target> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for table in raw {
        let table_line = lines.line(table.span().start);
        let t = table.into_inner();
        let at = |s: &std::ops::Range<usize>| lines.line(s.start);
        let before = problems.len();

        let name = match &t.name {
            Some(n) if valid_name(n.get_ref().trim()) => n.get_ref().trim().to_string(),
            Some(n) => {
                problems.push(
                    Diagnostic::new(
                        file,
                        at(&n.span()),
                        format!("target name `{}` is not valid", n.get_ref()),
                    )
                    .hint("use lowercase letters, digits and hyphens, e.g. `quickbooks-online`"),
                );
                String::new()
            }
            None => {
                problems.push(
                    Diagnostic::new(file, table_line, "this `[[target]]` has no `name`").hint(
                        "add `name = \"quickbooks-online\"`: articles refer to targets by name",
                    ),
                );
                String::new()
            }
        };
        if !name.is_empty() {
            let line = t.name.as_ref().map(|n| at(&n.span())).unwrap_or(table_line);
            if let Some(first) = first_line.get(&name) {
                problems.push(
                    Diagnostic::new(file, line, format!("target `{name}` is already defined at line {first}"))
                        .hint("names must be unique: rename one of the two targets or delete the duplicate"),
                );
            } else {
                first_line.insert(name.clone(), line);
            }
        }

        // Who later problems are about: the name, or where the nameless target starts.
        let label = if name.is_empty() {
            format!("the `[[target]]` at line {table_line}")
        } else {
            format!("target `{name}`")
        };
        let description = match &t.description {
            Some(d) if !d.get_ref().trim().is_empty() => d.get_ref().trim().to_string(),
            other => {
                let line = other.as_ref().map(|d| at(&d.span())).unwrap_or(table_line);
                problems.push(
                    Diagnostic::new(file, line, format!("{label} has no `description`"))
                        .hint("say what it is in words users know, e.g. `description = \"QuickBooks Online sign-in page\"`"),
                );
                String::new()
            }
        };

        let url = match &t.url {
            None => {
                problems.push(
                    Diagnostic::new(file, table_line, format!("{label} has no `url`"))
                        .hint("add the page to check, e.g. `url = \"https://qbo.intuit.com/\"`"),
                );
                String::new()
            }
            Some(u) => match check_url(u.get_ref().trim()) {
                Ok(url) => url,
                Err((message, hint)) => {
                    problems.push(Diagnostic::new(file, at(&u.span()), message).hint(hint));
                    String::new()
                }
            },
        };

        let expect_status = match &t.expect_status {
            None => None,
            Some(list) if list.get_ref().is_empty() => {
                problems.push(
                    Diagnostic::new(file, at(&list.span()), "`expect_status` is an empty list")
                        .hint("list the healthy statuses, e.g. `[200, 302]`, or delete the line to accept any 2xx or 3xx"),
                );
                None
            }
            Some(list) => {
                let mut codes = Vec::new();
                for code in list.get_ref() {
                    match u16::try_from(*code.get_ref()) {
                        Ok(c) if (100..=599).contains(&c) => codes.push(c),
                        _ => problems.push(
                            Diagnostic::new(
                                file,
                                at(&code.span()),
                                format!("`{}` is not an HTTP status code", code.get_ref()),
                            )
                            .hint("HTTP status codes are between 100 and 599, e.g. 200 or 302"),
                        ),
                    }
                }
                Some(codes)
            }
        };

        let timeout_ms = match &t.timeout_ms {
            None => None,
            Some(ms) => match u64::try_from(*ms.get_ref()) {
                Ok(0) | Err(_) => {
                    problems.push(
                        Diagnostic::new(file, at(&ms.span()), format!("`timeout_ms = {}` must be a positive number of milliseconds", ms.get_ref()))
                            .hint("e.g. `timeout_ms = 5000` for five seconds, or delete the line for the default"),
                    );
                    None
                }
                Ok(v) if v > MAX_TIMEOUT_MS => {
                    problems.push(
                        Diagnostic::new(file, at(&ms.span()), format!("`timeout_ms = {v}` is longer than the {} s a check may take", MAX_TIMEOUT_MS / 1000))
                            .hint("use at most 60000; a service that needs longer counts as down for users anyway"),
                    );
                    None
                }
                Ok(v) => Some(v),
            },
        };

        let contains = match &t.contains {
            None => None,
            Some(c) if c.get_ref().trim().is_empty() => {
                problems.push(
                    Diagnostic::new(file, at(&c.span()), "`contains` is empty")
                        .hint("give text the healthy page always shows, e.g. `contains = \"Sign in\"`, or delete the line"),
                );
                None
            }
            Some(c) => Some(c.get_ref().clone()),
        };

        let mut monitor = Monitoring::default();
        if let Some(on) = &t.monitor {
            monitor.enabled = *on.get_ref();
        }
        if let Some(secs) = &t.interval {
            match u64::try_from(*secs.get_ref()) {
                Ok(v) if (MIN_INTERVAL_SECS..=MAX_INTERVAL_SECS).contains(&v) => {
                    monitor.interval_secs = v
                }
                _ => problems.push(
                    Diagnostic::new(
                        file,
                        at(&secs.span()),
                        format!(
                            "`interval = {}` must be between {MIN_INTERVAL_SECS} and {MAX_INTERVAL_SECS} seconds",
                            secs.get_ref()
                        ),
                    )
                    .hint("e.g. `interval = 60` for a check a minute, or delete the line for the default (60)"),
                ),
            }
        }
        for (key, value, slot) in [
            (
                "failure_threshold",
                &t.failure_threshold,
                &mut monitor.failure_threshold,
            ),
            (
                "success_threshold",
                &t.success_threshold,
                &mut monitor.success_threshold,
            ),
        ] {
            let Some(v) = value else { continue };
            match u32::try_from(*v.get_ref()) {
                Ok(n) if (1..=MAX_THRESHOLD).contains(&n) => *slot = n,
                _ => problems.push(
                    Diagnostic::new(
                        file,
                        at(&v.span()),
                        format!("`{key} = {}` must be between 1 and {MAX_THRESHOLD}", v.get_ref()),
                    )
                    .hint(format!(
                        "the number of checks in a row it takes; delete the line for the default ({})",
                        if key == "failure_threshold" { 3 } else { 2 }
                    )),
                ),
            }
        }

        if problems.len() == before {
            targets.push(Target {
                name,
                description,
                url,
                expect_status,
                timeout_ms,
                contains,
                monitor,
                line: table_line,
            });
        }
    }
    super::diagnostic::sort_by_place(&mut problems);
    if problems.is_empty() {
        Ok(targets)
    } else {
        Err(problems)
    }
}

/// Reads the file leniently: every TOML syntax error, every key that is not a target's, and,
/// in each `[[target]]` table, every key of the wrong type or unknown, each at its line; then
/// the tables that could be read, for the checks of meaning. (One strict `toml::from_str` would
/// stop at the first mistake and hide the rest.)
fn read_tables(file: &str, text: &str) -> (Vec<Spanned<RawTarget>>, Vec<Diagnostic>) {
    let lines = LineIndex::new(text);
    use serde::Deserialize as _;
    use toml::de::{DeTable, DeValue, Deserializer};
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut broken: Vec<usize> = Vec::new();
    // `[target]` then `[[target]]`: the second is a "duplicate key" to TOML, and the one
    // bracket is the mistake (said below, at its line).
    let one_bracket = text.lines().any(|l| l.trim() == "[target]");
    for e in &errors {
        let at = e.span().map_or(0, |s| s.start);
        broken.push(at);
        let key = e.span().and_then(|s| text.get(s)).map(str::trim);
        if one_bracket && e.message().trim() == "duplicate key" && key == Some("target") {
            continue;
        }
        problems.push(toml_problem(file, text, e));
    }
    // What the parser recovered around a syntax error is not what was meant.
    let touches_error = |span: &std::ops::Range<usize>| broken.iter().any(|b| span.contains(b));
    let mut tables = Vec::new();
    let root = root.into_inner();
    let mut entries: Vec<_> = root.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        let line = lines.line(key.span().start);
        if key.get_ref().as_ref() != "target" {
            problems.push(
                Diagnostic::new(file, line, format!("endpoints: unknown key `{}` outside any `[[target]]`", key.get_ref()))
                    .hint("the file holds only `[[target]]` tables: put each key under the `[[target]]` line of its target"),
            );
            continue;
        }
        let items = match value.get_ref() {
            DeValue::Array(items) => items,
            DeValue::Table(_) => {
                problems.push(
                    Diagnostic::new(file, line, "endpoints: `[target]` (one bracket) makes a single table, but targets are a list")
                        .hint("use `[[target]]` (two brackets) above each target"),
                );
                continue;
            }
            _ => {
                problems.push(
                    Diagnostic::new(
                        file,
                        line,
                        "endpoints: `target` must be `[[target]]` tables",
                    )
                    .hint("write `[[target]]` on a line of its own above each target's keys"),
                );
                continue;
            }
        };
        for item in items.iter() {
            let DeValue::Table(table) = item.get_ref() else {
                problems.push(
                    Diagnostic::new(
                        file,
                        lines.line(item.span().start),
                        "endpoints: each target must be a `[[target]]` table",
                    )
                    .hint("write `[[target]]` on a line of its own above each target's keys"),
                );
                continue;
            };
            if touches_error(&item.span()) {
                continue;
            }
            // Each key that cannot be read is reported and left out, and the rest read again,
            // so one target's mistakes are all said at once.
            let mut table = table.clone();
            loop {
                let de = Deserializer::from(Spanned::new(item.span(), table.clone()));
                match RawTarget::deserialize(de) {
                    Ok(raw) => {
                        tables.push(Spanned::new(item.span(), raw));
                        break;
                    }
                    Err(e) => {
                        problems.push(toml_problem(file, text, &e));
                        let at = e.span().map_or(usize::MAX, |s| s.start);
                        let culprit = table
                            .iter()
                            .find(|(k, v)| k.span().contains(&at) || v.span().contains(&at))
                            .map(|(k, _)| k.clone());
                        match culprit {
                            Some(k) => {
                                table.remove(&k);
                            }
                            // Not one key's fault: nothing more can be read of this target.
                            None => break,
                        }
                    }
                }
            }
        }
    }
    (tables, problems)
}

/// One TOML mistake in plain words, with the fix.
fn toml_problem(file: &str, text: &str, e: &toml::de::Error) -> Diagnostic {
    let line = e
        .span()
        .map(|s| LineIndex::new(text).line(s.start))
        .unwrap_or(0);
    let message = plain_serde(e.message().trim());
    if let Some((said, hint)) = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(super::diagnostic::quote_mistake)
    {
        return Diagnostic::new(file, line, format!("endpoints: {said}")).hint(hint);
    }
    let hint = if message.contains("unknown field") {
        let near = unknown_field(&message)
            .and_then(nearest_key)
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        format!(
            "{near}each `[[target]]` table takes only: {ALLOWED_KEYS}; the file holds only `[[target]]` tables"
        )
    } else if message.contains("invalid type") {
        "check the value's type: `name`, `description`, `url` and `contains` are quoted \
         strings, `expect_status` is a list of numbers like `[200, 301]`, `timeout_ms`, \
         `interval` (seconds) and the thresholds are numbers, `monitor` is true or false"
            .to_string()
    } else {
        "the file is TOML: one `[[target]]` table per target, with `key = \"text\"` lines"
            .to_string()
    };
    Diagnostic::new(file, line, format!("endpoints: {message}")).hint(hint)
}

/// Target names follow the article id rules.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// serde's type names in words: "expected i64" -> "expected a whole number".
fn plain_serde(message: &str) -> String {
    let mut out = message.to_string();
    for rust in ["i64", "u64", "i32", "u32", "u16", "u8"] {
        out = out.replace(&format!("expected {rust}"), "expected a whole number");
    }
    out
}

/// The key in "unknown field `timout_ms`, expected one of ...".
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.split_once("unknown field `")?.1;
    Some(rest.split_once('`')?.0)
}

/// The allowed key closest to a mistyped one, when it is close enough to be a typo.
fn nearest_key(typed: &str) -> Option<&'static str> {
    let allowed: Vec<&'static str> = ALLOWED_KEYS.split(", ").collect();
    super::diagnostic::nearest(typed, &allowed)
}

/// Validates a target URL; returns it normalised, or (message, hint).
fn check_url(raw: &str) -> Result<String, (String, String)> {
    // (The URL parser would quietly encode it as %20.)
    if raw.trim().contains(char::is_whitespace) {
        return Err((
            format!("`{raw}` has a space in it"),
            "a URL has no spaces: remove it, or write `%20` where the address really has one"
                .to_string(),
        ));
    }
    let url = url::Url::parse(raw).map_err(|e| {
        (
            format!("`{raw}` is not a valid URL: {e}"),
            "write the full address with its scheme, e.g. `https://qbo.intuit.com/`".to_string(),
        )
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err((
            format!(
                "`{raw}` uses `{}:`; checks speak only http and https",
                url.scheme()
            ),
            "use an `https://` (or `http://`) address".to_string(),
        ));
    }
    if url.host().is_none() {
        return Err((
            format!("`{raw}` has no host"),
            "write the full address, e.g. `https://qbo.intuit.com/`".to_string(),
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err((
            format!("`{raw}` contains a user name or password"),
            "remove the `user:password@` part: checks look at public pages and this file is not a place for secrets".to_string(),
        ));
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monitoring_fields_have_defaults_and_bounds_with_lines() {
        let t = parse(
            "endpoints.toml",
            "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"https://a.example/\"\n\
             interval = 30\nmonitor = false\nfailure_threshold = 5\nsuccess_threshold = 1\n\n\
             [[target]]\nname = \"b\"\ndescription = \"B\"\nurl = \"https://b.example/\"\n",
        )
        .unwrap();
        assert_eq!(
            t[0].monitor,
            Monitoring {
                enabled: false,
                interval_secs: 30,
                failure_threshold: 5,
                success_threshold: 1
            }
        );
        assert_eq!(t[1].monitor, Monitoring::default());
        let errors = parse(
            "endpoints.toml",
            "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"https://a.example/\"\n\
             interval = 1\nfailure_threshold = 0\nsuccess_threshold = 1000\n",
        )
        .unwrap_err();
        let lines: Vec<(usize, bool)> = errors.iter().map(|d| (d.line, d.hint.is_some())).collect();
        assert_eq!(lines, [(5, true), (6, true), (7, true)], "{errors:?}");
        assert!(errors[0].message.contains("between 10 and 86400 seconds"));
        assert!(errors[1].message.contains("failure_threshold = 0"));
    }

    const GOOD: &str = r#"
[[target]]
name = "quickbooks-online"
description = "QuickBooks Online sign-in page"
url = "https://qbo.intuit.com/"
expect_status = [200, 301, 302]
timeout_ms = 5000
contains = "Sign in"

[[target]]
name = "status"
description = "Status page"
url = "http://status.example.com"
"#;

    #[test]
    fn toml_mistakes_are_said_in_plain_words_with_the_fix() {
        let one = |text: &str| {
            let errors = parse("endpoints.toml", text).expect_err("invalid");
            assert_eq!(errors.len(), 1, "{errors:?}");
            let d = &errors[0];
            format!("{} | {}", d.message, d.hint.clone().unwrap_or_default())
        };
        let said =
            one("[target]\nname = \"a\"\ndescription = \"A\"\nurl = \"https://a.example/\"\n");
        assert!(said.contains("use `[[target]]` (two brackets)"), "{said}");
        let said = one(
            "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"https://a.example/\"\ntimout_ms = 5000\n",
        );
        assert!(said.contains("did you mean `timeout_ms`?"), "{said}");
        let said = one(
            "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"https://a.example/\"\nexpect_status = [200, \"ok\"]\n",
        );
        assert!(said.contains("expected a whole number"), "{said}");
        assert!(!said.contains("i64"), "{said}");
        assert_eq!(nearest_key("colour"), None);
    }

    #[test]
    fn parses_targets_with_defaults() {
        let t = parse("endpoints.toml", GOOD).expect("valid");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].name, "quickbooks-online");
        assert_eq!(t[0].expect_status, Some(vec![200, 301, 302]));
        assert_eq!(t[0].timeout_ms, Some(5000));
        assert_eq!(t[0].contains.as_deref(), Some("Sign in"));
        assert_eq!(t[0].line, 2);
        assert_eq!(t[1].url, "http://status.example.com/");
        assert_eq!(t[1].expect_status, None);
        assert!(t[1].expects(204) && t[1].expects(302) && !t[1].expects(404));
        assert!(!t[0].expects(204));
    }

    #[test]
    fn empty_file_has_no_targets() {
        assert_eq!(parse("e.toml", ""), Ok(vec![]));
        assert_eq!(parse("e.toml", "# nothing yet\n"), Ok(vec![]));
    }

    fn errors(text: &str) -> Vec<Diagnostic> {
        parse("endpoints.toml", text).expect_err("should be invalid")
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let text = "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"ftp://x\"\n\n\
                    [[target]]\nname = \"a\"\ndescription = \"B\"\nurl = \"https://b\"\nexpect_status = [200, 700]\ntimeout_ms = 0\n";
        let errs = errors(text);
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(errs.len(), 4, "{got:?}");
        assert_eq!(errs[0].line, 4);
        assert!(errs[0].message.contains("only http and https"));
        assert_eq!(errs[1].line, 7);
        assert!(errs[1].message.contains("already defined at line 2"));
        assert_eq!(errs[2].line, 10);
        assert!(errs[2].message.contains("`700` is not an HTTP status code"));
        assert_eq!(errs[3].line, 11);
        assert!(errs[3].message.contains("positive"));
    }

    #[test]
    fn unknown_key_and_missing_fields() {
        let errs = errors(
            "[[target]]\nname = \"a\"\nurl = \"https://a\"\ndescription = \"A\"\nmethod = \"POST\"\n",
        );
        assert_eq!(errs[0].line, 5, "{errs:?}");
        assert!(
            errs[0]
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("expect_status")
        );

        let errs = errors("[[target]]\nname = \"Bad Name\"\n");
        let msgs: Vec<_> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("not valid")), "{msgs:?}");
        assert!(
            msgs.iter().any(|m| m.contains("no `description`")),
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("no `url`")), "{msgs:?}");
        // A target whose name is not valid is named by where it starts, never as "target ``".
        assert!(
            msgs.contains(&"the `[[target]]` at line 1 has no `description`"),
            "{msgs:?}"
        );
        assert!(!msgs.iter().any(|m| m.contains("``")), "{msgs:?}");
    }

    #[test]
    fn bad_urls() {
        for (url, needle) in [
            ("not-a-url", "not a valid URL"),
            ("not a url", "has a space in it"),
            ("https://x.example/monthly reports", "has a space in it"),
            ("https://user:pw@x.example/", "password"),
            ("mailto:a@b.c", "only http and https"),
        ] {
            let errs = errors(&format!(
                "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"{url}\"\n"
            ));
            assert_eq!(errs[0].line, 4, "{url}");
            assert!(errs[0].message.contains(needle), "{url}: {errs:?}");
        }
    }
}

#[cfg(test)]
mod site_tests {
    use super::*;

    #[test]
    fn a_typed_page_is_its_own_target_and_a_bare_host_the_roots() {
        let toml = "[[target]]\nname = \"bad\"\ndescription = \"B\"\nurl = \"http://127.0.0.1:18080/502\"\n\n\
                    [[target]]\nname = \"root\"\ndescription = \"R\"\nurl = \"http://127.0.0.1:18080/\"\n";
        let targets = parse("endpoints.toml", toml).unwrap();
        let kb =
            crate::knowledge::KnowledgeBase::new(Vec::new(), String::new()).with_targets(targets);
        let at = |typed: &str| kb.target_at(typed).map(|t| t.name.as_str());
        // (It was "bad": the first target of the host.)
        assert_eq!(at("http://127.0.0.1:18080/"), Some("root"));
        assert_eq!(at("http://127.0.0.1:18080"), Some("root"));
        assert_eq!(at("http://127.0.0.1:18080/502"), Some("bad"));
        assert_eq!(at("http://127.0.0.1:18080/other"), None);
        // Of several on other pages, a bare host names none.
        let toml = "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"http://h.example/a\"\n\n\
                    [[target]]\nname = \"b\"\ndescription = \"B\"\nurl = \"http://h.example/b\"\n";
        let kb = crate::knowledge::KnowledgeBase::new(Vec::new(), String::new())
            .with_targets(parse("endpoints.toml", toml).unwrap());
        assert_eq!(kb.target_at("http://h.example/"), None);
        assert_eq!(
            kb.target_at("http://h.example/b").map(|t| t.name.as_str()),
            Some("b")
        );
        // One on its host: the bare host is it.
        let toml = "[[target]]\nname = \"a\"\ndescription = \"A\"\nurl = \"http://h.example/a\"\n";
        let kb = crate::knowledge::KnowledgeBase::new(Vec::new(), String::new())
            .with_targets(parse("endpoints.toml", toml).unwrap());
        assert_eq!(
            kb.target_at("https://H.example").map(|t| t.name.as_str()),
            Some("a")
        );
    }
}
