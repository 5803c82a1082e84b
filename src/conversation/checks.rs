//! Live-check requests: the service a message names, the targets a match checks, and
//! "Which service?" when none is named.

use super::actions::act;
use super::{Effect, Output};
use crate::knowledge::KnowledgeBase;
use crate::reply::{Action, Hint, Reply, Style, Tone};
use crate::session::Session;
use crate::understand;
use crate::words;

/// What to check for a site the user named: the configured target at that address (its name
/// and trusted settings), else the address itself (vetted as any address a user types).
pub(super) fn target_for_site(kb: &KnowledgeBase, site: String) -> String {
    kb.target_at(&site).map_or(site, |t| t.name.clone())
}

/// "Check" with no service to check: the configured services, and how to check one (a hint
/// each adapter spells in its own syntax).
pub(super) fn which_target(kb: &KnowledgeBase) -> Reply {
    let targets = kb.targets();
    if targets.is_empty() {
        return Reply::new(words::NO_SERVICES)
            .hint(Hint::CheckAddress)
            .tone(Tone::Warning);
    }
    let list: Vec<String> = targets
        .iter()
        .map(|t| format!("- **{}**: {}", t.name, t.description))
        .collect();
    let mut reply = Reply::new(words::which_service(&list.join("\n")))
        .hint(Hint::CheckByName {
            example: targets[0].name.clone(),
        })
        .title(words::WHICH_SERVICE_TITLE);
    // One button each, as many as a chat message holds beside the rest; the others by name.
    for t in targets.iter().take(MAX_SERVICE_CHOICES) {
        reply = reply.choice(
            Action::CheckTarget(t.name.clone()),
            t.name.clone(),
            Style::Secondary,
        );
    }
    reply
}

/// How many services "Which service?" offers as choices (Discord holds 25 buttons a message).
const MAX_SERVICE_CHOICES: usize = 10;

/// The configured service a reply to "Which service?" names: its number in the list, its name
/// (spaces for dashes, any case), its description, in a short reply its name or description
/// in whole words ("the portal"), or a close misspelling of its name ("paryoll"). A longer message describes a problem instead.
pub(super) fn service_named(kb: &KnowledgeBase, text: &str) -> Option<String> {
    let targets = kb.targets();
    let said = text
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim()
        .to_lowercase();
    if let Ok(n) = said.parse::<usize>() {
        return targets.get(n.checked_sub(1)?).map(|t| t.name.clone());
    }
    let dashed = said.split_whitespace().collect::<Vec<_>>().join("-");
    if let Some(t) = targets
        .iter()
        .find(|t| t.name.to_lowercase() == dashed || t.description.to_lowercase() == said)
    {
        return Some(t.name.clone());
    }
    if said.split_whitespace().count() > 3 {
        return None;
    }
    // "the portal", "payroll one": its name or description in whole words.
    if let Some(name) = service_mentioned(kb, &said) {
        return Some(name);
    }
    let close = |n: &str| strsim::damerau_levenshtein(n, &dashed) <= 2.max(n.len() / 4);
    let mut near = targets.iter().filter(|t| close(&t.name.to_lowercase()));
    match (near.next(), near.next()) {
        (Some(only), None) => Some(only.name.clone()),
        _ => None,
    }
}

/// The configured service a request for a check names ("is invoicing down?", "check quickbooks
/// online", "is the quickbooks online sign-in page down?"): only the words asking for the
/// check are read (see [`understand::the_check_asked`]), so a problem described beside them
/// ("is it down? quickbooks online shows a blank page") names none.
/// A request that says more than the check and the service ("can you check why payroll is
/// not updating my employees paychecks", "check payroll tax table is wrong") describes a
/// problem: it names no service to check, and is matched as a description.
pub(super) fn service_asked_for(kb: &KnowledgeBase, text: &str) -> Option<String> {
    let asked = understand::the_check_asked(text)?;
    let name = service_mentioned(kb, &asked)?;
    let target = kb.targets().iter().find(|t| t.name == name)?;
    only_asks_to_check(&asked, target).then_some(name)
}

/// Whether `asked` is a request to check `target` and nothing more: besides the target's own
/// words, only words that ask for a check ("is", "down", "can you", "please").
fn only_asks_to_check(asked: &str, target: &crate::knowledge::Target) -> bool {
    const ASKING: &[&str] = &[
        "can", "could", "would", "will", "you", "u", "please", "pls", "plz", "hey", "hi", "ok",
        "check", "is", "are", "it", "its", "the", "down", "up", "working", "running", "status",
        "of", "on", "for", "everyone", "offline", "online", "right", "now", "again", "today",
        "see", "if", "whether", "still", "anyone", "else", "just", "me", "or", "out", "outage",
        "server", "servers", "service", "site", "a", "an", "there",
    ];
    let own: Vec<String> = format!("{} {}", target.name, target.description)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    asked
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .all(|w| ASKING.contains(&w.as_str()) || own.contains(&w))
}

/// The one target `text` names, in whole words of any case: its name (dashes as spaces), or its
/// description whole or by its first two or more words ("quickbooks online" for "QuickBooks
/// Online sign-in page"; a leading "the" aside). The target named by the most words wins; a tie
/// names none.
fn service_mentioned(kb: &KnowledgeBase, text: &str) -> Option<String> {
    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }
    let said = words(text);
    let says = |run: &[String]| !run.is_empty() && said.windows(run.len()).any(|w| w == run);
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for target in kb.targets() {
        let name = words(&target.name);
        let description = words(&target.description);
        let description = match description.split_first() {
            Some((first, rest)) if first == "the" && !rest.is_empty() => rest,
            _ => &description[..],
        };
        let by_name = if says(&name) { name.len() } else { 0 };
        let shortest = 2.min(description.len());
        let by_description = (shortest.max(1)..=description.len())
            .rev()
            .find(|&n| says(&description[..n]))
            .unwrap_or(0);
        let count = by_name.max(by_description);
        if count == 0 {
            continue;
        }
        match best {
            Some((most, _)) if most > count => {}
            Some((most, _)) if most == count => tie = true,
            _ => {
                best = Some((count, &target.name));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, name)| name.to_string())
}

/// What to say of a check asked of `outside`, a service outside the product, with `article`
/// walked: which services can be checked, and the article's step for a bank's own site when
/// the service is a bank.
pub(super) fn cannot_check_outside(
    kb: &KnowledgeBase,
    article: &crate::knowledge::Article,
    outside: &understand::OutsideService,
) -> String {
    let services: Vec<String> = kb
        .targets()
        .iter()
        .map(|t| format!("the **{}**", t.description))
        .collect();
    let services = if services.is_empty() {
        "the services set up here".to_string()
    } else {
        services.join(", ")
    };
    // ("Check the bank's own website": a bank's word and its site's.)
    let step = (outside.a_bank)
        .then(|| {
            article.solutions.iter().find(|s| {
                let title = crate::plain_words::lowercase_words(&s.title);
                title.iter().any(|w| w.starts_with("bank"))
                    && title
                        .iter()
                        .any(|w| ["website", "site", "web"].contains(&w.as_str()))
            })
        })
        .flatten()
        .map(|s| s.title.as_str());
    // ("is my bank down": the user's bank is theirs.)
    let said = match outside.said.get(..3) {
        Some(my) if my.eq_ignore_ascii_case("my ") => format!("your {}", &outside.said[3..]),
        _ => outside.said.clone(),
    };
    words::cannot_check_outside(&said, &services, step)
}

/// The targets the article a description clearly names checks (`checks = [...]`); `None` when
/// it names none clearly, or its article checks nothing.
pub(super) fn checks_of_the_match(
    kb: &KnowledgeBase,
    ranking: &crate::matcher::Ranking,
) -> Option<Vec<String>> {
    let best = ranking.best()?;
    let checks = &kb.article_at(best.doc).checks;
    (!checks.is_empty()).then(|| checks.clone())
}

/// "check it", "check again": the service checked last in this conversation (a typed address
/// too), or, with none yet, as the "Check" choice does (the article's services or the only
/// one configured, else "Which service?").
pub(super) fn check_again(kb: &KnowledgeBase, session: &mut Session, now: u64, out: &mut Output) {
    match session.checks.last() {
        Some(last) => out.effects.push(Effect::Check {
            targets: vec![last.target.clone()],
            lead: false,
        }),
        None => act(kb, session, Action::Check, now, out),
    }
}

/// "what does DNS failure mean?", "timeout meaning?" after a live check: the latest result's
/// meaning in plain words, when the question names it.
pub(super) fn result_asked_about(
    kb: &KnowledgeBase,
    session: &Session,
    text: &str,
) -> Option<String> {
    let record = session.checks.last()?;
    let verdict = crate::probe::Verdict::from_word(&record.verdict)?;
    let asks = understand::asks_what_it_is(text)
        || crate::plain_words::has_any_word(text, &["mean", "means", "meaning"]);
    // ("DNS failure": "dns" names it; a word as plain as "error" does not.)
    let named = crate::plain_words::lowercase_words(verdict.word())
        .iter()
        .filter(|w| !["error", "failure", "content"].contains(&w.as_str()))
        .any(|w| crate::plain_words::has_any_word(text, &[w.as_str()]));
    (asks && named).then(|| {
        format!(
            "**{}** (the check of {}): {}",
            verdict.word(),
            target_named(kb, &record.target),
            verdict.meaning(None)
        )
    })
}

/// A check target as users know it: its description, else its name.
fn target_named<'a>(kb: &'a KnowledgeBase, name: &'a str) -> &'a str {
    kb.target(name).map_or(name, |t| t.description.as_str())
}

/// [`result_asked_about`] mid-walk, and, right after the check (no step shown since), also
/// a question that only points at it ("what does that mean", "is that bad?") or asks how fast
/// it answered ("what's the latency?"): it was "I can't help with that here".
pub(super) fn result_asked_right_after(
    kb: &KnowledgeBase,
    session: &Session,
    text: &str,
    question: bool,
) -> Option<String> {
    const POINTS_AT_IT: &[&str] = &[
        "mean",
        "means",
        "meaning",
        "is that bad",
        "is that good",
        "is that ok",
        "is that normal",
        "explain",
    ];
    const HOW_FAST: &[&str] = &["latency", "how long did", "how fast", "response time"];
    if let Some(named) = result_asked_about(kb, session, text) {
        return Some(named);
    }
    let last = session.checks.last()?;
    if !question || session.attempts.iter().any(|a| a.at > last.at) {
        return None;
    }
    let verdict = crate::probe::Verdict::from_word(&last.verdict)?;
    let lower = text.to_lowercase();
    let asks_how_fast = HOW_FAST.iter().any(|a| lower.contains(a));
    if !asks_how_fast && !POINTS_AT_IT.iter().any(|a| lower.contains(a)) {
        return None;
    }
    let target = target_named(kb, &last.target);
    // (A time only for an answer: a failed lookup took no time worth telling.)
    let answered_in = last.total_ms.filter(|_| last.status.is_some());
    Some(match (asks_how_fast, answered_in) {
        (true, Some(ms)) => format!("The live check of {target} got its answer in {ms} ms."),
        _ => format!(
            "**{}** (the check of {target}): {}",
            verdict.word(),
            verdict.meaning(None)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A base with no articles and these targets (name, description).
    fn with_targets(targets: &[(&str, &str)]) -> KnowledgeBase {
        let target = |&(name, description): &(&str, &str)| crate::knowledge::Target {
            name: name.into(),
            description: description.into(),
            url: format!("https://{name}.example.com/"),
            expect_status: None,
            timeout_ms: None,
            contains: None,
            monitor: Default::default(),
            line: 0,
        };
        crate::knowledge::load::from_sources(Vec::<(&str, &str, &[u8])>::new())
            .expect("an empty base")
            .with_targets(targets.iter().map(target).collect())
    }

    #[test]
    fn a_service_is_named_by_its_name_or_its_descriptions_leading_words() {
        let kb = with_targets(&[
            ("quickbooks-online", "QuickBooks Online sign-in page"),
            ("quickbooks-payments", "QuickBooks Payments"),
            ("invoicing", "Invoicing service"),
            ("portal", "The customer portal"),
        ]);
        for (said, named) in [
            ("is invoicing down", Some("invoicing")),
            ("is the invoicing service down", Some("invoicing")),
            ("is quickbooks online down", Some("quickbooks-online")),
            ("is quickbooks-online down", Some("quickbooks-online")),
            (
                "the QUICKBOOKS ONLINE SIGN-IN PAGE",
                Some("quickbooks-online"),
            ),
            ("is quickbooks payments up", Some("quickbooks-payments")),
            ("is the customer portal down", Some("portal")),
            ("is the portal down", Some("portal")),
            // One word the descriptions share names none, nor do words inside others.
            ("is quickbooks down", None),
            ("is it down", None),
            ("is the sign-in page down", None),
            ("is invoicingservice down", None),
        ] {
            assert_eq!(service_mentioned(&kb, said).as_deref(), named, "{said}");
        }
    }

    /// A short answer to "Which service?": "the portal" named the portal only by a close
    /// spelling, and with a "payroll service portal" beside it named none (a helper found
    /// the README's "the portal" answered with an article instead).
    #[test]
    fn which_service_is_answered_by_a_name_in_a_few_words() {
        let kb = with_targets(&[
            ("quickbooks-online", "QuickBooks Online sign-in page"),
            ("payroll", "Payroll service portal"),
            ("portal", "Customer portal"),
        ]);
        for (said, named) in [
            ("the portal", Some("portal")),
            ("portal.", Some("portal")),
            ("customer portal", Some("portal")),
            ("the payroll one", Some("payroll")),
            ("paryoll", Some("payroll")),
            ("2", Some("payroll")),
            ("the sign-in page", None),
            ("my bank feed is not updating since monday", None),
        ] {
            assert_eq!(service_named(&kb, said).as_deref(), named, "{said}");
        }
    }
}
