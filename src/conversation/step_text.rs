//! A fix's text as replies are read against it: what the user reads of it, all its steps,
//! its title and general text.

use crate::knowledge::Article;
use crate::session::Session;

/// The text of the step open now as shown: its general text and its steps for the user's
/// browser. Empty when no step is open.
pub(super) fn open_step_text(session: &Session, article: &Article) -> String {
    session
        .attempts
        .last()
        .filter(|a| a.outcome.is_none())
        .map_or_else(String::new, |p| step_text(session, article, p.solution))
}

/// What the user reads of fix `index`: its title, its general text and its steps for their
/// browser.
pub(super) fn step_text(session: &Session, article: &Article, index: usize) -> String {
    let Some(solution) = article.solutions.get(index) else {
        return String::new();
    };
    let mut text = format!("{}\n{}", solution.title, solution.general);
    if let crate::knowledge::StepsFor::Browser(v) = solution.steps_for(session.browser) {
        text.push('\n');
        text.push_str(&v.steps);
    }
    text
}

/// A step's title (its first line), general text and other names, as
/// [`understand::fixed_by_something_else`](crate::understand::fixed_by_something_else) reads it.
pub(super) fn step_words(solution: &crate::knowledge::Solution) -> String {
    // (With the other names it goes by: "disabled my adblocker" is "Turn off browser
    // extensions", also called "adblocker", and no other deed. Not every browser's steps:
    // "Privacy and security" in the cookie steps would make "it was my privacy extension" the
    // step's.)
    let mut words = format!("{}\n{}", solution.title, solution.general);
    for name in &solution.also_called {
        words.push('\n');
        words.push_str(name);
    }
    words
}

/// All the text of a solution's steps: its general text and every browser's steps.
pub(super) fn steps_text(solution: &crate::knowledge::Solution) -> String {
    let mut body = solution.general.clone();
    for v in &solution.variants {
        body.push('\n');
        body.push_str(&v.steps);
    }
    body
}
