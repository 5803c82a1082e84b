//! A reply that the fix on screen did not help, or more about the same problem: recorded, and
//! the walk goes on where the words point.

use super::Output;
use super::codes::{CodesOfTheTitle, shows_an_error, what_the_code_means};
use super::fix_for::fix_for_detail;
use super::fix_named::{before_the_trouble, fix_named, names_an_action};
use super::fixes_told::{another_fix_done, rule_out_named};
use super::resume::ask_again;
use super::terms::{Terms, whole_names_said};
use super::typed::{note_follow_up, open_question};
use super::walk::next_solution;
use crate::knowledge::Article;
use crate::plain_words;
use crate::reply::Reply;
use crate::session::{Outcome, Session, Stage};
use crate::understand;
use crate::words;

pub(super) fn not_fixed(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    note_follow_up(session, text);
    // "didnt fix it but i found the issue, my accountant changed the bank password": the fix
    // on screen failed, and the walk goes on at the fix the cause points to (the fix its words
    // named was ruled out as done; explorer rv49 F3).
    if let Some(cause) = understand::cause_found(text) {
        fail_open_and_go_on_after(session, article, (text, &cause), now, out);
        return;
    }
    // What was done is told before any turn to what is still wrong.
    let told = before_the_trouble(text);
    let (deeds, rest) = (deeds_told(told), &text[told.len()..]);
    // "rebooted my pc, still 502": a restart the fix on screen does not ask for, and nothing
    // else done; the fix on screen was not tried, so it stays the question (it was failed).
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && !article.solutions[open].test
        && !text.contains('?')
        && deeds.len() == 1
        && !says_the_step_was_done_too(text)
        && fix_named(session, article, open, told).is_none()
        && !names_the_open_fix(article, open, told)
        && understand::restarted_something_else(
            told,
            &format!(
                "{}\n{}",
                article.solutions[open].title,
                super::step_text::steps_text(&article.solutions[open])
            ),
        )
    {
        open_question(session, article, words::RESTART_DID_NOT_HELP, now, out);
        return;
    }
    // "ran file doctor already, no change" while another fix is on screen: the fix named did
    // not work (never shown again); the one on screen is still to try. ("should i try the
    // firewall?" asks, and says nothing was done.)
    // ("the report did it again" tells no deed: "Make the report smaller" was not done.)
    // ("what if i already cleared cookies?" asks, but tells the deed.)
    // ("tried the incognito thing, same 503, is that normal?": the deed is told before the
    // question; explorer rv46 F5 got the private window shown next, then credited.)
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && let Some(deed_told) =
            super::fix_named::before_a_question(told).or(says_already(told).then_some(told))
        && !understand::says_the_trouble_again(text)
        && let Some(named) =
            fix_named(session, article, open, deed_told).filter(|_| names_an_action(deed_told))
    {
        // "i already tried clearing cache and turning off firewall": each deed its fix.
        // ("already cleared my cache, no help" tells one deed: the fix its words name, not
        // each fix a part of it could name.)
        // (In the order told: "cache and firewall didnt help" lists the cache first.)
        // (Only the deeds told before a question: "cleared cookies didnt help, would turning
        // off antivirus work?" did not turn it off.)
        let deeds = deeds_told(deed_told);
        let mut named_all = Vec::new();
        for deed in deeds.iter().filter(|_| deeds.len() > 1) {
            if let Some(also) = fix_named(session, article, open, deed)
                .filter(|also| !named_all.contains(also) && !article.solutions[*also].test)
            {
                named_all.push(also);
            }
        }
        if !named_all.contains(&named) {
            named_all.insert(0, named);
        }
        let named_step = &article.solutions[named];
        // ("cache, firewall and trusted site didnt help" at the firewall: the fix on screen is
        // one of the deeds, and failed with the others.)
        let open_title = Terms::of(&article.solutions[open].title);
        let open_told = deeds.len() > 1
            && deeds.iter().any(|deed| {
                let said = Terms::said(deed).without(&Terms::of(&article.title));
                // (By its title's words, or a name the article gives it: "turned off
                // antivirus" at "Temporarily turn off the firewall".)
                fix_named(session, article, open, deed).is_none()
                    && (said.shared_in_any_form(&open_title) > 0
                        || whole_names_said(&article.solutions[open], &said) > 0)
            });
        for &index in &named_all {
            rule_out_named(
                session,
                article,
                index,
                Outcome::failed(article.solutions[index].test),
                now,
            );
        }
        let lead = if named_all.len() > 1 {
            let titles: Vec<&str> = named_all
                .iter()
                .map(|&i| article.solutions[i].title.as_str())
                .collect();
            words::tried_already(&titles)
        } else if named_step.test {
            words::test_named_done(&named_step.title)
        } else {
            words::skipping_named(&named_step.title, true)
        };
        if open_told {
            out.replies.push(Reply::new(lead).article(&article.id));
            fail_open_and_go_on_after(session, article, (text, rest), now, out);
        } else {
            open_question(session, article, &lead, now, out);
        }
        return;
    }
    // "turned off firewall and cleared cache, same" at the firewall: the fix on screen failed,
    // and so did the fix each other deed names (never shown next).
    if let Some(open) = session.pending_attempt().map(|p| p.solution)
        && !text.contains('?')
        && !understand::says_the_trouble_again(text)
    {
        let mut others: Vec<usize> = Vec::new();
        for deed in deeds.iter().filter(|_| deeds.len() > 1) {
            if let Some(other) = fix_named(session, article, open, deed)
                .filter(|i| !others.contains(i) && !article.solutions[*i].test)
            {
                others.push(other);
            }
        }
        for &index in &others {
            rule_out_named(session, article, index, Outcome::NotFixed, now);
            out.replies.push(
                Reply::new(words::skipping_named(&article.solutions[index].title, true))
                    .article(&article.id),
            );
        }
        if !others.is_empty() {
            // (The deeds' words point to no fix now: they were each recorded.)
            fail_open_and_go_on_after(session, article, (text, rest), now, out);
            return;
        }
    }
    fail_open_and_go_on(session, article, text, now, out);
}

/// Whether `told` names fix `open` by a word of its title or a name the article gives it
/// ("cleared the cache then rebooted" at "Remove browser cache").
pub(super) fn names_the_open_fix(article: &Article, open: usize, told: &str) -> bool {
    let said = Terms::said(told).without(&Terms::of(&article.title));
    let fix = &article.solutions[open];
    said.shared_in_any_form(&Terms::of(&fix.title)) > 0 || whole_names_said(fix, &said) > 0
}

/// Whether `text` says "already" of what was done ("what if i already cleared cookies?"):
/// a deed told, even in a question.
pub(super) fn says_already(text: &str) -> bool {
    plain_words::lowercase_words(text)
        .iter()
        .any(|w| w == "already")
}

/// Whether `text` says the step on screen was done besides something else ("restarted my pc
/// after doing it", "did that and rebooted too").
fn says_the_step_was_done_too(text: &str) -> bool {
    const TOO: &[&str] = &[
        "did it",
        "done it",
        "doing it",
        "did that",
        "doing that",
        "done that",
        "tried it",
        "tried that",
        "the steps",
        "followed",
        "as well",
        "too",
        "also",
        "both",
        "again",
    ];
    let lower = format!(" {} ", plain_words::lowercase_words(text).join(" "));
    TOO.iter().any(|t| lower.contains(&format!(" {t} ")))
}

/// The deeds `told` tells, a clause each ("i already tried clearing cache and turning off
/// firewall": two). Things said together not to have helped share the saying ("cache and
/// firewall didnt help": "cache didnt help", "firewall didnt help").
fn deeds_told(told: &str) -> Vec<String> {
    const DID_NOT_HELP: &[&str] = &[
        "didnt help",
        "did not help",
        "didnt work",
        "did not work",
        "did nothing",
        "didnt fix it",
        "didnt change anything",
        "didnt do anything",
        "made no difference",
    ];
    // Few enough words to be a thing named, not a sentence of its own.
    const A_THING: usize = 4;
    let clauses = plain_words::clauses(told, &["and"]);
    let saying = clauses.last().and_then(|last| {
        let last = last.to_lowercase().replace(['\'', '’'], "");
        DID_NOT_HELP
            .iter()
            .find(|said| last.ends_with(*said))
            .filter(|said| last.len() > said.len())
    });
    clauses
        .iter()
        .filter_map(|&clause| {
            if names_an_action(clause) {
                return Some(clause.to_string());
            }
            let said = saying?;
            (clause.split_whitespace().count() <= A_THING).then(|| format!("{clause} {said}"))
        })
        .collect()
}

/// At a step that has the user check something ("Verify the payroll subscription"), the thing
/// found as it should be ("subscription is active, I checked it", "yes its active"): the step
/// found nothing to fix, so it did not fix it, and the walk goes on. (It was "didn't catch
/// that", or with a "yes" a fix to confirm.) Whether the reply was one.
pub(super) fn check_found_nothing(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    const CHECK_VERBS: &[&str] = &["check", "verify", "confirm"];
    // A step that does more than look ("Check your connection and reduce report size"), or
    // looks once the trouble is over ("Check your work after the service returns").
    const MORE_THAN_A_CHECK: &[&str] = &[
        "after",
        "reduce",
        "restart",
        "update",
        "clear",
        "rename",
        "retry",
        "reload",
        "turn",
        "allow",
        "remove",
        "split",
        "wait",
        "send",
        "run",
        "make",
        "switch",
        "reinstall",
    ];
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    // What a step looks at: its title, and its lines that say what to check ("Check that the
    // service name and status show Active", "Confirm that your internet connection works by
    // opening another website"), less words any step names (`found_as_it_should_be`).
    const CHECKS: &[&str] = &["check", "make sure", "confirm", "look for", "verify"];
    let looks_at_of = |step: &crate::knowledge::Solution| -> String {
        std::iter::once(step.title.clone())
            .chain(
                step.general
                    .lines()
                    .filter(|line| {
                        let line = line.to_lowercase();
                        CHECKS.iter().any(|c| line.contains(c))
                    })
                    .map(str::to_string),
            )
            .collect::<Vec<_>>()
            .join("\n")
    };
    let is_a_check = |step: &crate::knowledge::Solution| {
        crate::plain_words::first_word(&step.title)
            .is_some_and(|w| CHECK_VERBS.contains(&w.as_str()))
            && !plain_words::has_any_word(&step.title, MORE_THAN_A_CHECK)
    };
    let found_fine_by = |index: usize| {
        let step = &article.solutions[index];
        !step.test
            && is_a_check(step)
            && understand::found_as_it_should_be(text, &looks_at_of(step), &article.id)
    };
    if found_fine_by(open) {
        let title = &article.solutions[open].title;
        out.replies
            .push(Reply::new(words::checked_and_fine(title)).article(&article.id));
        fail_open_and_go_on(session, article, text, now, out);
        return true;
    }
    // "status says Inactive" at "Verify the payroll subscription": the check found the fault
    // it looks for; the rest of the step says what to do about it, and the question stays
    // (explorer rv46 F8: it was only "noted").
    {
        let step = &article.solutions[open];
        if !step.test && is_a_check(step) && understand::found_at_fault(text, &looks_at_of(step)) {
            super::typed::note_follow_up(session, text);
            let lead = words::check_found_the_fault(&step.title);
            super::typed::open_question(session, article, &lead, now, out);
            return true;
        }
    }
    // "already checked the status page and my internet is fine" while another fix is open: that
    // check, not shown yet, found nothing; it is ruled out and the fix on screen stays the
    // question (it was dropped for that check, asked about as the fix; an explorer's F23).
    // ("subscription is active i checked": what that fix would bring about is so already,
    // read later as such.)
    if understand::says_already_in_order(text) {
        return false;
    }
    let tried = |i: usize| {
        session.attempts.iter().any(|a| {
            super::walk::is_solution(a, article, i) && a.outcome.is_some_and(Outcome::ruled_out)
        })
    };
    // (Of two checks it might be, the one that shares the most words with the reply:
    // "status page" and "internet" are the service-status check's, not the subscription's.)
    let said = Terms::said(text);
    let shared = |i: usize| said.shared_with(&Terms::of(&looks_at_of(&article.solutions[i])));
    let checked: Vec<(usize, usize)> = (0..article.solutions.len())
        .filter(|&i| i != open && !tried(i) && found_fine_by(i))
        .map(|i| (shared(i), i))
        .collect();
    let most = checked.iter().map(|&(n, _)| n).max().unwrap_or(0);
    let [(_, other)] = checked
        .iter()
        .filter(|&&(n, _)| n == most)
        .copied()
        .collect::<Vec<_>>()[..]
    else {
        return false;
    };
    note_follow_up(session, text);
    // A fix of several things to look at ("Check the connection and the service": another
    // site, another device, the status page, a live check) is not done by one of them: noted,
    // and kept for later (it was ruled out and counted as failed in the stats). Half of them
    // told ("the status page and my internet": two of the payroll check's four) rules it out.
    let lines: Vec<&str> = article.solutions[other]
        .general
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let told = lines
        .iter()
        .filter(|l| said.shared_with(&Terms::of(l)) > 0)
        .count();
    let lead = if lines.len() > 1 && told * 2 < lines.len() {
        words::checked_part_of(&article.solutions[other].title)
    } else {
        rule_out_named(session, article, other, Outcome::NotFixed, now);
        words::checked_and_fine(&article.solutions[other].title)
    };
    open_question(session, article, &lead, now, out);
    true
}

/// The open fix failed (or the open test failed there too): recorded, and the walk goes on at
/// the fix the words point to, or the next.
pub(super) fn fail_open_and_go_on(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    fail_open_and_go_on_after(session, article, (text, text), now, out);
}

/// [`fail_open_and_go_on`], where only `pointing` of `text` may point to a fix: the rest told
/// deeds already recorded ("cache and firewall didnt help" points to no other cache fix).
fn fail_open_and_go_on_after(
    session: &mut Session,
    article: &Article,
    (text, pointing): (&str, &str),
    now: u64,
    out: &mut Output,
) {
    let answered = session.pending_attempt().map(|p| p.solution);
    super::outcome::fail_pending(session, article, now);
    // "did ctrl f5, still blank. incognito is blank too": a later test's result, told beside.
    // ("still broken, incognito is disabled on my work laptop" tells no result.)
    let recorded = session.attempts.len();
    if session.descriptions.last().is_some_and(|d| d == text)
        && !understand::says_something_cannot_be_done(text)
    {
        super::test_results::tests_answered_up_front(session, article, now, out);
    }
    // (A test's result decides where the walk goes, told beside or as the answer: "incognito
    // is blank too" rules out the fixes it skips, whatever "ctrl f5" in the same reply points
    // to.)
    let a_test_decided = session.attempts.len() > recorded
        || answered.is_some_and(|i| article.solutions.get(i).is_some_and(|s| s.test));
    if let Some(index) =
        fix_for_detail(session, article, pointing, answered).filter(|_| !a_test_decided)
    {
        // ("did ctrl f5 nothing": the next fix anyway is no news of where the words point.)
        // ("still 103" after the fix for error 103: the code's own fix just failed, so the
        // walk goes on in order; the words point nowhere else.)
        let code_fix_failed =
            answered.is_some() && super::fix_for::fix_for_code(article, text) == answered;
        if !code_fix_failed {
            if index != session.next_solution {
                out.replies.push(
                    Reply::new(words::points_to(index + 1, &article.solutions[index].title))
                        .article(&article.id),
                );
            }
            session.next_solution = index;
        }
    }
    match session.stage {
        // Nothing was pending (choosing a browser, or out of fixes): ask that again.
        Stage::AwaitingFeedback { .. } => next_solution(session, article, now, out),
        _ => ask_again(session, article, now, out),
    }
}

/// More about the same problem: noted for the ticket; the walk goes on at the untried fix
/// the detail points to, or asks the open question again. Never back at the first fix.
pub(super) fn detail(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    note_follow_up(session, text);
    if another_fix_done(session, article, text, now, out) {
        return;
    }
    // "what does 185 mean?", "what does H202 mean?" (the article's own code): what the article
    // says of the code, on the side; the question on screen stays open (asking is no result).
    let asked = understand::classify(text).question;
    if asked && let Some(meaning) = what_the_code_means(article, text, CodesOfTheTitle::Kept) {
        out.replies.push(Reply::new(meaning).article(&article.id));
        open_question(session, article, "", now, out);
        return;
    }
    // "it says error 103 now": an error still shows, so the open fix did not clear it (and is
    // not shown again). Other details leave it unanswered, as a browser change does. (A
    // question what a code means tells no result; "now it says error 106, what do i do?"
    // does.)
    let asks_what_it_means = asked
        && plain_words::has_any_word(text, &["mean", "means", "meaning"])
        && !plain_words::has_any_word(text, &["now", "still", "again", "says", "shows", "getting"]);
    let error_shows = !asks_what_it_means && shows_an_error(text);
    if error_shows {
        super::outcome::fail_pending(session, article, now);
    }
    // (Read after the open fix failed: "updated it, now it says error 185" points past it.)
    let jump = fix_for_detail(session, article, text, None);
    if let Some(index) = jump {
        // "it says error 185": what the code means, then the fix it points to.
        let meaning = error_shows
            .then(|| what_the_code_means(article, text, CodesOfTheTitle::Dropped))
            .flatten()
            .map(|m| format!("{m} "))
            .unwrap_or_default();
        out.replies.push(
            Reply::new(format!(
                "{meaning}{}",
                words::points_to(index + 1, &article.solutions[index].title)
            ))
            .article(&article.id),
        );
        if session.pending_attempt().is_some() {
            session.attempts.pop();
        }
        session.next_solution = index;
        next_solution(session, article, now, out);
        return;
    }
    if error_shows {
        // No untried fix is about that error: what it means, when the article says, and the
        // next fix.
        if let Some(meaning) = what_the_code_means(article, text, CodesOfTheTitle::Dropped) {
            out.replies
                .push(Reply::new(words::code_noted(&meaning)).article(&article.id));
        }
        next_solution(session, article, now, out);
        return;
    }
    // "also quick q, how do I void a check?": a how-to question nothing here answers is not
    // more of this problem; not answered here, and said so.
    if asked && understand::asks_how_to(text) {
        if session.descriptions.last().map(String::as_str) == Some(text) {
            session.descriptions.pop();
        }
        session.note_aside(text);
        open_question(session, article, words::NOT_ANSWERED_HERE, now, out);
        return;
    }
    // Said to be noted for the support team: kept even when short ("windows 10").
    if session.descriptions.last().map(String::as_str) != Some(text) {
        session.descriptions.push(text.to_string());
    }
    // "it says all systems operational": what the status page shows, noted as such (it was
    // "that fits ... Service Outage").
    if understand::reports_the_status_page(text) {
        open_question(session, article, words::STATUS_PAGE_NOTED, now, out);
        return;
    }
    out.replies
        .push(Reply::new(words::same_problem(&article.title)).article(&article.id));
    open_question(session, article, "", now, out);
}
