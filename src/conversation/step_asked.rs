//! Which fix a question about steps asks of ("how do I open incognito?", "what's a private
//! window?", "i have zapier syncing stuff, could that be it?").

use super::terms::{Terms, WHOLE_NAME, names_of, whole_names_said};
use crate::knowledge::Article;
use crate::session::Session;
use crate::understand;

/// Words that point at a step rather than name one: a question naming nothing of its own
/// ("how do i do that?", "where is that button") is about the step on screen; "how do I
/// export invoices?" is about something else.
const POINTING: &[&str] = &[
    "where",
    "find",
    "button",
    "menu",
    "option",
    "setting",
    "settings",
    "click",
    "press",
    "step",
    "steps",
    "exactly",
    "those",
    "these",
    "thing",
    "part",
    "first",
    "second",
    "third",
    "last",
    "there",
    "know",
    "sure",
    "idea",
    "should",
    "would",
    // "I do not understand this step", "i dont understand this", "confused".
    "understand",
    "dont",
    "didnt",
    "cant",
    "not",
    "am",
    "get",
    "confused",
    "confusing",
    "follow",
    // Where the user is: said beside the question, not what it is about ("how do i do
    // that on my phone").
    "phone",
    "iphone",
    "ipad",
    "android",
    "mobile",
    "tablet",
    "laptop",
    "computer",
    "desktop",
    "chrome",
    "firefox",
    "safari",
    "edge",
    "browser",
];

/// A solution's title, its other names and its steps for every browser, as one text.
fn all_steps_of(step: &crate::knowledge::Solution) -> String {
    // (With its other names: "where is clear browsing data" asks of "Clear Intuit cookies and
    // sign in again", whose names have "cleared browsing data", not of another fix whose Edge
    // steps click "Clear browsing data".)
    let mut own = format!(
        "{} {} {}",
        step.title,
        step.also_called.join(" "),
        step.general
    );
    for v in &step.variants {
        own.push(' ');
        own.push_str(&v.steps);
    }
    own
}

/// The terms of a question about a step: less the article's title and the words that point
/// at a step rather than name one.
fn said_of_a_step(article: &Article, text: &str) -> Terms {
    let mut said = Terms::said(text).without(&Terms::of(&article.title));
    said.words.retain(|w| !POINTING.contains(&w.as_str()));
    said
}

/// The step a "how do I ...?" asks the steps of ([`step_asked_about`]), when a third of what
/// it says is that step's and it is not said to be about something else: "how do i record an
/// owner's draw, while i wait?" shares only "wait" with a step, and "unrelated but how do i
/// void a check?" only "check" (each was answered with that step's how-to).
pub(super) fn step_asked_how_to(session: &Session, article: &Article, text: &str) -> Option<usize> {
    if understand::says_it_is_unrelated(text) {
        return None;
    }
    // "wait which button?", "how do i do that?": of the steps on screen, whatever their words
    // ("button" was in another fix's steps only, which were shown instead).
    if understand::asks_about_the_steps(text)
        && let Some(open) = session.current_step().map(|s| s.solution)
    {
        return Some(open);
    }
    let index = step_asked_about(session, article, text)?;
    let said = said_of_a_step(article, text);
    let steps = Terms::of(&all_steps_of(&article.solutions[index]));
    // "how do i void a check?": only a deed is the step's ("check"), the thing asked of
    // ("void") is not: another task.
    let things: Vec<&String> = said
        .words
        .iter()
        .filter(|w| !DEEDS.contains(&w.as_str()))
        .collect();
    if said.codes.is_empty()
        && !things.is_empty()
        && things.iter().all(|w| !steps.words.contains(*w))
    {
        return None;
    }
    let shared = said.shared_with(&steps);
    let said_count = said.words.len() + 2 * said.codes.len();
    (shared * 3 >= said_count).then_some(index)
}

/// The fix "should i clear cookies?" asks whether to try: the one fix of `article` (no test
/// but the step `open` on screen: "what about the vpn?" at "Try without the VPN") whose title and other names have every word the question names beyond asking ("should i",
/// "what about", "need"). None when the question names nothing, or no one fix ("should i call
/// my bank?", "should i wait?": a word of some fix's steps is not enough).
pub(super) fn fix_asked_whether_to_try(
    article: &Article,
    open: Option<usize>,
    text: &str,
) -> Option<usize> {
    // (Browser and device words count: "should i update chrome?" is not "Manually update
    // bank transactions"; so do the article's title words: "what about the proxy?" in
    // "Firewall, Antivirus, VPN or Proxy Blocking QuickBooks".)
    let said = whether_said(text)?;
    // (A short word left unnamed is let be when a thing the fix names is said: "should i turn
    // off the vpn and firewall?" asks of the firewall fix too; "should i turn off the vpn?"
    // names only a deed of it.)
    let names_a_thing = |known: &Terms| {
        said.words_named_by(known) && said.words.iter().any(|w| !DEEDS.contains(&w.as_str()))
    };
    // (Only short words said, "what about AD?": some name of the fix said whole, not "ad" of
    // "ad blocker".)
    let named: Vec<usize> = (0..article.solutions.len())
        .filter(|&i| {
            let s = &article.solutions[i];
            let known = names_of_fix(s);
            (!s.test || Some(i) == open)
                && (said.named_whole_by(&known) || names_a_thing(&known))
                && (!said.words.is_empty() || a_name_said_whole(s, &said))
        })
        .collect();
    match named[..] {
        [only] => Some(only),
        _ => None,
    }
}

/// Whether `said` has every word of one of fix `s`'s names (its title or an `Also called:`
/// name): "vpn" of "VPN off", "ad blocker" of "ad blocker", not "ad" of it.
fn a_name_said_whole(s: &crate::knowledge::Solution, said: &Terms) -> bool {
    std::iter::once(&s.title)
        .chain(&s.also_called)
        .map(|name| Terms::of(name))
        .any(|name| (!name.words.is_empty() || name.has_short()) && name.named_whole_by(said))
}

/// Verbs of doing a fix, which alone name none ("turn", "disable").
const DEEDS: &[&str] = &[
    "turn",
    "turning",
    "disable",
    "disabling",
    "clear",
    "clearing",
    "check",
    "checking",
    "update",
    "updating",
    "restart",
    "restarting",
    "close",
    "closing",
    "allow",
    "allowing",
    "switch",
    "switching",
    "enable",
    "enabling",
    "remove",
    "removing",
    "delete",
    "deleting",
    "reset",
    "change",
    "changing",
    "stop",
    "stopping",
    "open",
    "opening",
    "reload",
    "reloading",
];

/// What a "should i ...?" names beyond asking: None when it names nothing or a code.
fn whether_said(text: &str) -> Option<Terms> {
    const ASKING: &[&str] = &[
        "should", "shall", "need", "have", "about", "worth", "help", "maybe", "could", "would",
        "will", "also", "too", "either", "really", "first", "then", "next", "still", "again",
        "try", "trying", "doing", "instead",
    ];
    let mut said = Terms::said(text);
    said.retain_words(|w| !ASKING.contains(&w));
    (!said.words.is_empty() || said.has_short())
        .then_some(said)
        .filter(|s| s.codes.is_empty())
}

/// The fix of another article a "should i turn off the vpn?" asks about, where the walked
/// article has none: the one fix (or test) in the knowledge base whose title and other names
/// have every word asked, short ones too ("vpn"), with its article.
pub(super) fn fix_of_another_article_asked<'a>(
    kb: &'a crate::knowledge::KnowledgeBase,
    walked: &Article,
    text: &str,
) -> Option<(&'a Article, usize)> {
    if understand::says_it_is_unrelated(text) {
        return None;
    }
    let said = whether_said(text)?;
    // (The walked article's own test not on screen covers it: no other article is said to.)
    if walked
        .solutions
        .iter()
        .any(|s| said.named_whole_by(&names_of_fix(s)))
    {
        return None;
    }
    let named: Vec<(&Article, usize)> = kb
        .articles()
        .iter()
        .filter(|a| a.id != walked.id && same_product(walked, a))
        .flat_map(|a| (0..a.solutions.len()).map(move |i| (a, i)))
        // (And some name of it said whole: "what about an ad?" is no "ad blocker", "should i
        // ask?" no "Ask IT to allow Intuit through the proxy".)
        .filter(|(a, i)| {
            let s = &a.solutions[*i];
            said.named_whole_by(&names_of_fix(s)) && a_name_said_whole(s, &said)
        })
        .collect();
    // Those the other names name, when some do ("incognito": the tests called so, not "Clear
    // cache and try a private window").
    let by_names: Vec<(&Article, usize)> = named
        .iter()
        .copied()
        .filter(|(a, i)| said.named_whole_by(&Terms::of(&a.solutions[*i].also_called.join(", "))))
        .collect();
    let named = if by_names.is_empty() { named } else { by_names };
    // The same fix in several articles ("Try a private window", "Sign in from a private
    // window": the same title or the same other names): the first of them.
    let (first, rest) = named.split_first()?;
    let same = |(a, i): &(&Article, usize), (b, j): &(&Article, usize)| {
        let (s, t) = (&a.solutions[*i], &b.solutions[*j]);
        s.title.eq_ignore_ascii_case(&t.title)
            || (!s.also_called.is_empty() && s.also_called == t.also_called)
    };
    rest.iter()
        .all(|other| same(other, first))
        .then_some(*first)
}

/// A fix's title and its other names, as terms.
fn names_of_fix(s: &crate::knowledge::Solution) -> Terms {
    Terms::of(&format!("{} {}", s.title, s.also_called.join(" ")))
}

/// Whether another article's steps may be offered to a user walking `walked`: the same
/// product, or one within the other ("QuickBooks" and "QuickBooks Online"; "QuickBooks
/// Desktop" and "QuickBooks Desktop Payroll"), never QuickBooks Desktop's steps to a user of
/// QuickBooks Online ("what about the server?" is no "Open the file on the server" there).
fn same_product(walked: &Article, other: &Article) -> bool {
    match (walked.product.as_deref(), other.product.as_deref()) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a.starts_with(&b) || b.starts_with(&a)
        }
        _ => true,
    }
}

/// Whether a deed told ("waited", "retried") is one step `index` of `article` asks for, in
/// some form ("Wait a minute", "Retry").
pub(super) fn tells_a_deed_of_the_step(article: &Article, index: usize, text: &str) -> bool {
    let Some(step) = article.solutions.get(index) else {
        return false;
    };
    let known = Terms::of(&all_steps_of(step));
    let mut deeds = Terms::said(text);
    deeds.retain_words(|w| w.ends_with("ed") || w.ends_with("ing"));
    !deeds.words.is_empty() && deeds.shared_by_stem(&known) > 0
}

/// Whether step `index` of `article` has every word a how-to question names (its title's
/// words aside), as [`step_of_another_article`] asks of another article's step.
pub(super) fn step_has_every_word(article: &Article, index: usize, text: &str) -> bool {
    let said = said_of_a_step(article, text);
    let known = Terms::of(&all_steps_of(&article.solutions[index]));
    said.shared_by_stem(&known) >= said.words.len() && said.short_within(&known)
}

/// A how-to question the walked article has no fix for ("how do i clear cookies?" at the
/// firewall article): a fix of another article whose own words (title, other names and steps)
/// have every word it names, with that article; the one whose title and names it names most,
/// then the first in the knowledge base.
pub(super) fn step_of_another_article<'a>(
    kb: &'a crate::knowledge::KnowledgeBase,
    walked: &Article,
    text: &str,
) -> Option<(&'a Article, usize)> {
    if understand::says_it_is_unrelated(text) {
        return None;
    }
    // Every step that has every word asked ranks by how much its title and names say of the
    // whole question, the article's title words too ("turn off the antivirus" is "turned off
    // the antivirus", not "turned off the VPN", in the article about both); then the first.
    let full = Terms::said(text);
    let mut best: Option<((bool, usize), &Article, usize)> = None;
    // (Any product: "how do i rename the cps folder" names its step outright.)
    for article in kb.articles().iter().filter(|a| a.id != walked.id) {
        let said = said_of_a_step(article, text);
        if said.words.is_empty() || !said.codes.is_empty() {
            continue;
        }
        for (i, step) in article.solutions.iter().enumerate() {
            // Every word of it, not some ("how do i export invoices?" is not "Make the report
            // or export smaller"), in some form, short words too ("how do i disable my ad
            // blocker" is "disabled the ad blocker").
            let known = Terms::of(&all_steps_of(step));
            if said.shared_by_stem(&known) < said.words.len() || !said.short_within(&known) {
                continue;
            }
            // (The walked product's own steps first: "how do i check the status" at QuickBooks
            // Online is not QuickBooks Desktop Payroll's status check.)
            let names = names_of(step);
            let score = (
                same_product(walked, article),
                full.shared_by_stem(&names) + full.shared_short(&names),
            );
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, article, i));
            }
        }
    }
    best.map(|(_, article, i)| (article, i))
}

/// The step a "how do I ...?" asks about: the one of `article` whose own words it names most
/// ("incognito": "Try a private window"), or, naming none, the one on screen ("how do i do
/// that?").
pub(super) fn step_asked_about(session: &Session, article: &Article, text: &str) -> Option<usize> {
    let said = said_of_a_step(article, text);
    let scores: Vec<usize> = article
        .solutions
        .iter()
        .map(|step| said.shared_with(&Terms::of(&all_steps_of(step))))
        .collect();
    let open = session.current_step().map(|s| s.solution);
    let most = scores.iter().copied().max().unwrap_or(0);
    let named: Vec<usize> = (0..scores.len())
        .filter(|&i| most > 0 && scores[i] == most)
        .collect();
    match named.as_slice() {
        [] if said.is_empty() => open,
        [] => None,
        [one] => Some(*one),
        // Named as much as another: the one on screen, if it is one of them; else the one whose
        // title names it most ("where do i find database server manager": "Check hosting and
        // the Database Server Manager", though the firewall steps name its ports too).
        several => open.filter(|o| several.contains(o)).or_else(|| {
            let by_title = |i: usize| said.shared_with(&Terms::of(&article.solutions[i].title));
            let best = several.iter().map(|&i| by_title(i)).max().unwrap_or(0);
            let top: Vec<usize> = several
                .iter()
                .copied()
                .filter(|&i| best > 0 && by_title(i) == best)
                .collect();
            match top.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        }),
    }
}

/// The step whose title or other names the message shares words with (the article's own
/// title words aside), when exactly one does.
pub(super) fn step_named_by_title(article: &Article, text: &str) -> Option<usize> {
    let said = Terms::said(text).without(&Terms::of(&article.title));
    let shared: Vec<usize> = article
        .solutions
        .iter()
        .map(|s| said.shared_with(&names_of(s)) + WHOLE_NAME * whole_names_said(s, &said))
        .collect();
    // The one that shares the most ("database server manager": not the server test, which
    // shares only "server").
    let most = shared.iter().copied().max().filter(|&m| m > 0)?;
    let named: Vec<usize> = (0..shared.len()).filter(|&i| shared[i] == most).collect();
    match named.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}
