//! Keeping a walk's place when a knowledge reload moves its article's solutions under it.

use super::current_article;
use super::walk::is_solution;
use crate::knowledge::KnowledgeBase;
use crate::session::Session;

/// After a knowledge reload, the walked article's solutions may have moved (one inserted,
/// removed or reordered while the user was on it): each attempt of it points at its solution
/// by title again, and the next fix moves with the last one shown. A fix on screen that was
/// removed is left unanswered (the one now in its place comes next). The same session twice
/// in a row changes nothing.
pub fn realign(kb: &KnowledgeBase, session: &mut Session) {
    let Some(article) = current_article(kb, session) else {
        return;
    };
    let last = session.attempts.len().checked_sub(1);
    // The titles shown that are still in the article: no renamed step takes one of them.
    let shown_titles: Vec<String> = session
        .attempts
        .iter()
        .filter(|a| a.article == article.id)
        .map(|a| a.title.clone())
        .filter(|t| article.solutions.iter().any(|s| &s.title == t))
        .collect();
    let attempts_titles: Vec<&str> = shown_titles.iter().map(String::as_str).collect();
    let mut shift: isize = 0;
    let mut on_screen_removed = None;
    let mut removed_last = None;
    for (k, a) in session.attempts.iter_mut().enumerate() {
        if a.article != article.id || is_solution(a, article, a.solution) {
            if a.article == article.id {
                shift = 0;
                removed_last = None;
            }
            continue;
        }
        // (Renamed: found by what it says, and known by its new title.)
        let renamed = || {
            (a.content != 0)
                .then(|| {
                    article.solutions.iter().position(|s| {
                        s.fingerprint() == a.content && !attempts_titles.contains(&s.title.as_str())
                    })
                })
                .flatten()
        };
        match article
            .solutions
            .iter()
            .position(|s| s.title == a.title)
            .or_else(renamed)
        {
            Some(i) => {
                a.title.clone_from(&article.solutions[i].title);
                shift = i as isize - a.solution as isize;
                removed_last = None;
                a.solution = i;
            }
            None => {
                shift = 0;
                if Some(k) == last && a.outcome.is_none() {
                    on_screen_removed = Some(a.solution);
                } else {
                    // The fixes after it moved up one place: the next one is in its place.
                    removed_last = Some(a.solution);
                }
            }
        }
    }
    let total = article.solutions.len();
    if let Some(index) = on_screen_removed {
        session.leave_pending();
        session.next_solution = index.min(total);
    } else if let Some(index) = removed_last {
        session.next_solution = session.next_solution.min(index.min(total));
    } else if shift != 0 {
        session.next_solution = session
            .next_solution
            .saturating_add_signed(shift)
            .min(total);
    }
}
