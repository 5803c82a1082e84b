//! Fixes the user tells of besides the one on screen (done, not possible, or tried before the
//! walk): recorded for that fix, the one on screen kept as the question.

use super::Output;
use super::fix_named::{fix_named, names_an_action};
use super::it_works::confirm_fix;
use super::terms::{Terms, WHOLE_NAME, names_of, whole_names_said};
use super::tests_out_of_turn::test_names;
use super::typed::{note_follow_up, open_question};
use crate::knowledge::Article;
use crate::reply::Reply;
use crate::session::{Outcome, Session};
use crate::understand::{self, Intent};
use crate::words;

/// "clearing the cache fixed it" while another fix is on screen: the fix named becomes the
/// open one, to confirm or record; the one on screen is left unanswered (the user did not say
/// it was tried).
pub(super) fn take_up_the_fix_named(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
) {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return;
    };
    let Some(named) = another_fix_credited(session, article, open, text) else {
        return;
    };
    open_instead(session, article, named, now);
}

/// The fix of `article` other than `open` a reply that it works names as what did it: told as
/// done ("cleared the cache, works now"), by two words of its title ("private window works!")
/// or by a thing another of its names has ("it was my ad blocker": "Turn off browser
/// extensions", also called "ad blocker").
pub(super) fn another_fix_credited(
    session: &Session,
    article: &Article,
    open: usize,
    text: &str,
) -> Option<usize> {
    // ("private window works!" at another fix: no deed said, but two words of that fix's
    // title are; "the time on my computer was 1 hour off, fixed it": the things of another
    // of its names, "computer time".)
    // (Not by the product's own names: "the intuit site loads now" is the trouble gone, not
    // "Add Intuit as a trusted site".)
    let beyond_the_product = Terms::said(text).without(&Terms::of(
        "intuit quickbooks online site sites website page",
    ));
    // ("it works now, didnt even need a private window": a fix said not to be needed.)
    if crate::plain_words::has_any_phrase(
        text,
        &[
            "didnt need",
            "didnt even need",
            "did not need",
            "no need for",
            "never needed",
        ],
    ) {
        return None;
    }
    fix_named(session, article, open, text).filter(|&i| {
        names_an_action(text)
            || names_by_two_title_words(article, i, text)
            || super::fix_named::names_a_thing_said(&article.solutions[i], &beyond_the_product)
    })
}

/// Whether `text` says two words in a row of fix `index`'s title, each of four letters or more,
/// and that it works ("private window works!" of "Sign in from a private window"; not "the
/// intuit site loads" of "Add Intuit as a trusted site", which is the trouble gone, nor "didnt
/// even need a private window").
fn names_by_two_title_words(article: &Article, index: usize, text: &str) -> bool {
    // What is said of it next ("private window works!"), and what it may not follow ("didnt
    // even need a private window").
    const WORKS: &[&str] = &[
        "works", "worked", "working", "fixed", "fixes", "helped", "did", "loads", "loaded", "opens",
    ];
    const NOT: &[&str] = &["didnt", "dont", "no", "not", "without", "never", "need"];
    let title: Vec<String> = crate::plain_words::lowercase_words(&article.solutions[index].title);
    let words = crate::plain_words::lowercase_words(text);
    (0..words.len().saturating_sub(1)).any(|i| {
        let pair = (&words[i], &words[i + 1]);
        pair.0.len() >= 4
            && pair.1.len() >= 4
            && title.windows(2).any(|t| (&t[0], &t[1]) == pair)
            // ("private window works", "the private window is working", "... fixes it".)
            && words[i + 2..]
                .iter()
                .take(3)
                .any(|w| WORKS.contains(&w.as_str()))
            && !words[i.saturating_sub(3)..i]
                .iter()
                .any(|w| NOT.contains(&w.as_str()))
    })
}

/// "ok i disconnected and reconnected, now there are duplicates": a remark that tells another
/// fix was done makes that fix the question ("Noted. Did Disconnect and reconnect the account
/// fix it?"). Whether it did.
pub(super) fn another_fix_done(
    session: &mut Session,
    article: &Article,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    let Some(named) = fix_named(session, article, open, text).filter(|_| names_an_action(text))
    else {
        return false;
    };
    // "i have zapier and a bunch of apps connected": what the user has, told as a state, is
    // the cause that fix is for, not the fix done; a fix never shown is shown, not asked about.
    let shown = session
        .attempts
        .iter()
        .any(|a| super::walk::is_solution(a, article, named));
    // ("i have zapier", "we got 3 apps syncing"; not "i have disconnected", "i have to").
    let words = crate::plain_words::lowercase_words(text);
    let has_it =
        words.windows(2).any(|w| {
            ["have", "got"].contains(&w[0].as_str())
                && !w[1].ends_with("ed")
                && ![
                    "to", "already", "been", "tried", "done", "just", "also", "not", "no",
                ]
                .contains(&w[1].as_str())
        }) && !crate::plain_words::has_any_word(text, &["tried", "did", "done", "already"]);
    if !shown && has_it && !article.solutions[named].test {
        out.replies.push(
            Reply::new(words::points_to(named + 1, &article.solutions[named].title))
                .article(&article.id),
        );
        session.withdraw_pending();
        session.next_solution = named;
        super::walk::next_solution(session, article, now, out);
        return true;
    }
    open_instead(session, article, named, now);
    open_question(session, article, words::NOTED, now, out);
    true
}

/// Fix `index` of `article` becomes the open one, to answer; the one on screen is left
/// unanswered.
pub(super) fn open_instead(session: &mut Session, article: &Article, index: usize, now: u64) {
    session.leave_pending();
    session.attempts.push(crate::session::Attempt {
        article: article.id.clone(),
        solution: index,
        title: article.solutions[index].title.clone(),
        browser: session.browser,
        outcome: None,
        at: now,
        skipped_on_touch: false,
        test: article.solutions[index].test,
        content: article.solutions[index].fingerprint(),
        said: Vec::new(),
        came_back: false,
    });
}

/// Just after the steps of fix `step` were shown on the side, a reply that says how "it" went
/// and names no other fix ("ok ran it, same error") is about that fix: a failure is recorded
/// for it (the fix on screen stays the question), and a success makes it the fix to confirm.
/// Whether the reply was taken so.
pub(super) fn answer_after_how_to(
    session: &mut Session,
    article: &Article,
    step: usize,
    text: &str,
    now: u64,
    out: &mut Output,
) -> bool {
    let Some(open) = session.pending_attempt().map(|p| p.solution) else {
        return false;
    };
    let Some(shown) = article.solutions.get(step) else {
        return false;
    };
    // "what's a private window?", then "it works there": the test shown on the side is what
    // "there" is. Its result is recorded; the fix on screen is still the question.
    if shown.test
        && step != open
        && let Some(works) = understand::test_result(text, &test_names(shown))
    {
        note_follow_up(session, text);
        rule_out_named(session, article, step, Outcome::of_test(works), now);
        let lead = if works {
            words::works_there(&shown.title)
        } else {
            words::test_named_done(&shown.title)
        };
        // "it works there, the reload did nothing": the fix on screen failed too.
        let rest: Vec<&str> = crate::plain_words::clauses(text, &[])
            .into_iter()
            .filter(|part| understand::test_result(part, &test_names(shown)).is_none())
            .collect();
        if !rest.is_empty()
            && understand::classify(&rest.join(". ")).intent == Some(Intent::NotFixed)
        {
            out.replies.push(Reply::new(lead).article(&article.id));
            super::outcome::fail_pending(session, article, now);
            super::walk::next_solution(session, article, now, out);
            return true;
        }
        open_question(session, article, &lead, now, out);
        return true;
    }
    // "i dont see it in the start menu" just after those steps: what they name cannot be
    // found; they are shown again and nothing is recorded (it failed the fix on screen).
    if step != open && understand::not_found_where_looked(text) {
        session.note_aside(text);
        out.replies
            .push(Reply::new(words::LOOK_AGAIN_ON_THE_SIDE).article(&article.id));
        out.replies
            .push(super::wording::steps_on_the_side(session, article, step).aside());
        open_question(session, article, "", now, out);
        session.asked = Some(crate::session::Asked::HowTo { step });
        return true;
    }
    if step == open
        || shown.test
        || fix_named(session, article, open, text).is_some_and(|n| n != step)
    {
        return false;
    }
    let understood = understand::classify(text);
    match understood.intent {
        // ("still broken" alone may answer the fix on screen; "ok did it, still the same"
        // says the one just shown was done.)
        Some(Intent::NotFixed) if names_an_action(text) => {
            note_follow_up(session, text);
            rule_out_named(session, article, step, Outcome::NotFixed, now);
            let lead = words::skipping_named(&shown.title, true);
            open_question(session, article, &lead, now, out);
            true
        }
        // "that fixed it!!" just after the steps of another fix: that one, asked first. Not a
        // fix the user already said failed (its steps shown again to explain a word): "ok now
        // is working" then is the fix on screen's (explorer rv45 F2 found it credited to the
        // failed one, shown as both fixed and not fixed in stats).
        Some(Intent::Fixed)
            if !session.attempts.iter().any(|a| {
                super::walk::is_solution(a, article, step)
                    && matches!(
                        a.outcome,
                        Some(Outcome::NotFixed | Outcome::FailsThere | Outcome::RuledOutByTest)
                    )
            }) =>
        {
            open_instead(session, article, step, now);
            confirm_fix(session, article, out);
            true
        }
        // ... and when the fix shown on the side had failed: the fix on screen's, asked (the
        // user was last shown other steps than its own, so it is never recorded unasked).
        Some(Intent::Fixed) => {
            confirm_fix(session, article, out);
            true
        }
        _ => false,
    }
}

/// Fix `named` of `article` (not the one on screen), said to be tried or impossible before it
/// was shown: recorded with `outcome` so it is never shown, and the fix on screen stays the
/// open question (kept last, so the stats still count it as one showing). Its number moves
/// up by one: the question is asked again with new buttons, and the old ones answer "that's
/// an earlier step" rather than record anything.
pub(super) fn rule_out_named(
    session: &mut Session,
    article: &Article,
    named: usize,
    outcome: Outcome,
    now: u64,
) {
    let Some(on_screen) = session.pending_attempt().map(|p| p.clone()) else {
        return;
    };
    // Said twice ("ran file doctor already, no change", then "ok ran it, same error"): one
    // showing, one result, in the stats too.
    if session
        .attempts
        .iter()
        .any(|a| super::walk::is_solution(a, article, named) && a.outcome == Some(outcome))
    {
        return;
    }
    // Skipped or left unanswered before ("skip", then "i cleared the cache already, still
    // 502"): that showing gets the result, so the stats count it shown once.
    if let Some(before) = session.attempts.iter_mut().rev().skip(1).find(|a| {
        super::walk::is_solution(a, article, named)
            && matches!(
                a.outcome,
                Some(Outcome::SkippedByUser | Outcome::Skipped | Outcome::NoAnswer)
            )
    }) {
        before.outcome = Some(outcome);
        before.at = now;
        return;
    }
    session.attempts.pop();
    session.attempts.push(crate::session::Attempt {
        article: article.id.clone(),
        solution: named,
        title: article.solutions[named].title.clone(),
        browser: session.browser,
        outcome: Some(outcome),
        at: now,
        skipped_on_touch: false,
        test: article.solutions[named].test,
        content: article.solutions[named].fingerprint(),
        said: Vec::new(),
        came_back: false,
    });
    session.attempts.push(on_screen);
}

/// Fixes the description says were already tried without luck ("i already cleared cookies,
/// same thing"): recorded as not fixed, said once, and never shown. A clause counts when it
/// says "already" or opens with "tried", names a deed, and names exactly one fix; never when
/// the description says something worked.
pub(super) fn fixes_tried_up_front(
    session: &mut Session,
    article: &Article,
    now: u64,
    out: &mut Output,
) {
    let said = session.descriptions.join(".\n");
    let said = crate::plain_words::reading(&said);
    if understand::classify(&said).intent == Some(Intent::Fixed) {
        return;
    }
    // "..., nothing works": every deed the description lists was tried, and failed; so too
    // when a clause of its own says the trouble stayed ("waited 15 minutes, reloaded, still
    // 503").
    let nothing_helped = {
        let lower = said.to_lowercase();
        [
            "nothing works",
            "nothing worked",
            "nothing helps",
            "nothing helped",
            "no luck",
        ]
        .iter()
        .any(|p| lower.contains(p))
            || crate::plain_words::clauses(&lower, &["but"])
                .into_iter()
                .any(says_it_stayed)
    };
    let mut tried = Vec::new();
    let mut done_before = false;
    // The deeds told one after another so far ("waited 15 minutes, reloaded"): together they
    // may name a fix each alone names too little.
    let mut run = String::new();
    for sentence in crate::plain_words::clauses(&said, &[]) {
        let lower = sentence.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let opens_tried = matches!(
            words.as_slice(),
            ["tried", ..] | ["i", "tried", ..] | ["ive", "tried", ..] | ["i've", "tried", ..]
        );
        // "ive restarted my computer, tried both browsers, cleared cookies and cache": the
        // perfect, and the deeds listed after it, were done.
        let opens_perfect = matches!(
            words.as_slice(),
            ["ive" | "i've" | "weve" | "we've", w, ..] if is_past(w)
        ) || matches!(words.as_slice(), ["i" | "we", "have", w, ..] if is_past(w));
        // ("i restarted the router and cleared the cache, still 502": "i" before the deed.)
        let opens_past = match words.as_slice() {
            ["i" | "we", w, ..] => is_past(w),
            [w, ..] => is_past(w),
            [] => false,
        };
        done_before = opens_perfect || (done_before && opens_past);
        // "cache and firewall didnt help": things named as having not helped, no deed told.
        let no_help = says_things_did_not_help(&lower);
        if !(words.contains(&"already")
            || opens_tried
            || done_before
            || no_help
            || (nothing_helped && opens_past))
        {
            run.clear();
            continue;
        }
        run.push_str(sentence);
        run.push_str(", ");
        // "i already cleared cookies and that fixed it for a day": it worked, for a while.
        const WORKED: &[&str] = &["fixed", "worked", "helped", "solved", "sorted", "resolved"];
        if words.iter().any(|w| WORKED.contains(w))
            && understand::classify(sentence).intent != Some(Intent::NotFixed)
            && !understand::negates_the_fix(sentence)
        {
            continue;
        }
        // "i already cleared cookies and tried incognito": one deed per part ("cleared cookies
        // and cache" is one deed: a part with no deed of its own goes with the one before).
        let mut clauses: Vec<String> = Vec::new();
        for part in sentence.split(" and ") {
            match clauses.last_mut() {
                Some(last) if !names_an_action(part) => {
                    last.push_str(" and ");
                    last.push_str(part);
                }
                _ => clauses.push(part.to_string()),
            }
        }
        // Read as done for its perfect or a list of past deeds alone (no "already", no
        // "tried"): only parts that open with the deed and say nothing is wrong ("ive changed
        // my bank password and now the bank feed wont update": the second part is the
        // trouble).
        let by_the_tense_alone = !(words.contains(&"already") || opens_tried || no_help);
        for clause in clauses.iter().map(String::as_str) {
            if by_the_tense_alone {
                let lower = clause.trim().to_lowercase();
                let cw: Vec<&str> = lower.split_whitespace().collect();
                let deed = match cw.as_slice() {
                    [
                        "ive" | "i've" | "weve" | "we've" | "i" | "we",
                        "have",
                        w,
                        ..,
                    ] => is_past(w),
                    ["ive" | "i've" | "weve" | "we've" | "i" | "we", w, ..] => is_past(w),
                    [w, ..] => is_past(w),
                    [] => false,
                };
                const TROUBLE: &[&str] = &[
                    "wont", "doesnt", "not", "cant", "now", "anymore", "still", "isnt", "dont",
                    "won't", "doesn't", "can't", "isn't", "don't",
                ];
                // The trouble in the deed's own part, or told as what came of it ("... and now
                // the bank feed wont update"); "... and it still doesnt load" says the deed
                // was done and failed.
                let (own, after) = lower.split_once(" and ").unwrap_or((lower.as_str(), ""));
                const SINCE: &[&str] = &["now", "since", "then", "after"];
                let troubled = own.split_whitespace().any(|w| TROUBLE.contains(&w))
                    || after.split_whitespace().any(|w| SINCE.contains(&w));
                if !deed || troubled {
                    continue;
                }
            }
            if !names_an_action(clause) && !no_help {
                continue;
            }
            // ("i already waited and retried": each deed alone names too little.)
            // (The deeds before may only add to what this one names: "cleared cache,
            // restarted" names no "Clear the QuickBooks app cache" at "restarted".)
            // ("restarted my computer and cleared cache": the sentence's other deed neither.)
            let Some(index) = fix_by_a_label_of_its_steps(article, clause)
                .or_else(|| fix_most_named(article, clause))
                .or_else(|| {
                    fix_named_by_stems(article, sentence)
                        .filter(|&i| stems_named_in(article, i, clause) > 0)
                })
                .or_else(|| {
                    fix_named_by_stems(article, &run)
                        .filter(|&i| stems_named_in(article, i, clause) > 0)
                })
            else {
                continue;
            };
            let solution = &article.solutions[index];
            if solution.test
                || tried.contains(&index)
                || session
                    .attempts
                    .iter()
                    .any(|a| super::walk::is_solution(a, article, index))
            {
                continue;
            }
            tried.push(index);
        }
    }
    if tried.is_empty() {
        return;
    }
    let browser = session.browser;
    for &index in &tried {
        super::walk::record_step(session, article, index, browser, Outcome::NotFixed, now);
    }
    let titles: Vec<&str> = tried
        .iter()
        .map(|&i| article.solutions[i].title.as_str())
        .collect();
    out.replies
        .push(Reply::new(words::tried_already(&titles)).article(&article.id));
}

/// Whether a clause names things that did not help, with no deed told ("cache and firewall
/// didnt help", "incognito did nothing"): what it names was tried. Not a question, and not
/// "nothing"/"it" that did not help.
fn says_things_did_not_help(clause: &str) -> bool {
    const NO_HELP: &[&str] = &[
        " didnt help",
        " didn't help",
        " did not help",
        " didnt work",
        " didn't work",
        " did not work",
        " didnt fix it",
        " didn't fix it",
        " did nothing",
        " made no difference",
    ];
    const NOT_A_THING: &[&str] = &["it", "that", "this", "nothing", "anything", "which"];
    if clause.contains('?') {
        return false;
    }
    NO_HELP.iter().any(|phrase| {
        clause.find(phrase).is_some_and(|at| {
            let before: Vec<&str> = clause[..at].split_whitespace().collect();
            before
                .last()
                .is_some_and(|w| !NOT_A_THING.contains(w) && before.len() <= 6)
        })
    })
}

/// Whether a clause on its own says the trouble stayed after what was done: it opens with
/// "still" or "same" ("still 503", "same error") or is a short "didnt help".
fn says_it_stayed(clause: &str) -> bool {
    const STAYED: &[&str] = &[
        "didnt help",
        "didnt work",
        "did not help",
        "did not work",
        "no change",
        "no difference",
        "no good",
    ];
    let words = crate::plain_words::lowercase_words(&clause.replace(['\'', '’'], ""));
    match words.first().map(String::as_str) {
        Some("still" | "same") => true,
        _ => words.len() <= 4 && STAYED.iter().any(|p| words.join(" ").starts_with(p)),
    }
}

/// Whether `word` is a past deed ("cleared", "restarted", "ran", "turned"): the form a list of
/// what was tried takes.
fn is_past(word: &str) -> bool {
    const IRREGULAR: &[&str] = &["ran", "did", "done", "made", "took", "set", "reset", "put"];
    (word.len() > 4 && word.ends_with("ed") && !["need", "speed", "feed"].contains(&word))
        || IRREGULAR.contains(&word)
}

/// Whether `text` tells that what it names was not done, or asks how: "can't reset app data,
/// greyed out", "reset app data is not in the help menu", "i cant click delete browsing
/// data", "where is clear browsing data?". What it names is read as what cannot be done.
pub(super) fn tells_it_not_done(text: &str) -> bool {
    const NOT_DONE: &[&str] = &[
        " cant ",
        " cannot ",
        " couldnt ",
        " greyed",
        " grayed",
        " missing",
        " isnt there",
        " not there",
        " not in ",
        " no option",
        " dont see",
        " dont have",
        " unable",
        " wasnt able",
        " werent able",
        " not able",
        " failed to ",
        " where ",
        " wheres ",
        " how do ",
        " how to ",
    ];
    let plain = format!(
        " {} ",
        crate::plain_words::lowercase_words(&text.replace(['\'', '’'], "")).join(" ")
    );
    understand::could_not_do_it(text)
        || understand::says_something_cannot_be_done(text)
        || NOT_DONE.iter().any(|n| plain.contains(n))
}

/// The fix whose steps quote the longest label of two words or more ("Reset App Data",
/// "Clear History and Website Data") that `text` says, word by word in any form ("reset app
/// data and restarted quickbooks", "cleared history and website data"): the user did what
/// that fix has them click. None when two fixes quote a label as long.
pub(super) fn fix_by_a_label_of_its_steps(article: &Article, text: &str) -> Option<usize> {
    if tells_it_not_done(text) {
        return None;
    }
    let stems = |t: &str| -> String {
        let words: Vec<String> = crate::plain_words::lowercase_words(t)
            .iter()
            .map(|w| crate::matcher::text::stem(w))
            .collect();
        format!(" {} ", words.join(" "))
    };
    let said = stems(text);
    let longest_said = |steps: &str| {
        steps
            .split('"')
            .skip(1)
            .step_by(2)
            .filter_map(|label| {
                let n = crate::plain_words::lowercase_words(label).len();
                (n >= 2 && said.contains(&stems(label))).then_some(n)
            })
            .max()
    };
    let mut named: Vec<(usize, usize)> = (0..article.solutions.len())
        .filter(|&i| !article.solutions[i].test)
        .filter_map(|i| {
            let s = &article.solutions[i];
            std::iter::once(s.general.as_str())
                .chain(s.variants.iter().map(|v| v.steps.as_str()))
                .filter_map(longest_said)
                .max()
                .map(|n| (n, i))
        })
        .collect();
    named.sort_unstable_by(|a, b| b.cmp(a));
    match named.as_slice() {
        [(n, i), rest @ ..] if rest.first().is_none_or(|(m, _)| m < n) => Some(*i),
        _ => None,
    }
}

/// The step whose title or other names share the most words with the message (the article's
/// own title words aside; a solution's `Also called:` name counts said whole); of two as
/// named, the one sharing more short words, then more words in another form ("cleared the
/// app cache" is "Clear the QuickBooks app cache", not "Remove browser cache"; "allowed
/// cookies for intuit" is "Allow cookies for Intuit ...", not "Clear Intuit cookies"), then
/// the earlier (the one most often tried first: "cleared cookies" is "Clear Intuit cookies",
/// not "Allow cookies ... stop clearing them").
fn fix_most_named(article: &Article, text: &str) -> Option<usize> {
    let said = Terms::said(text).without(&Terms::of(&article.title));
    let not_done = tells_it_not_done(text);
    (0..article.solutions.len())
        .filter(|&i| !another_deed(&article.solutions[i].title, text))
        .map(|i| {
            let s = &article.solutions[i];
            let names = names_of(s);
            let apart = (said.shared_short(&names), said.shared_by_stem(&names));
            let whole = if not_done {
                0
            } else {
                whole_names_said(s, &said)
            };
            let shared = said.shared_with(&names) + WHOLE_NAME * whole;
            (shared, apart, i)
        })
        .filter(|&(shared, _, _)| shared >= 1)
        .max_by_key(|&(shared, apart, i)| (shared, apart, std::cmp::Reverse(i)))
        .map(|(_, _, i)| i)
}

/// Whether `text` tells a deed of its own kind (reinstalling, restarting) that a fix titled
/// `title` is not ("reinstalled quickbooks desktop" is no "Update QuickBooks Desktop, then
/// payroll tax tables"; "restarted quickbooks" is no "Clear the QuickBooks app cache"; "i
/// already wrote the paychecks by hand" is no "Send paychecks stuck ..."; "a check i already
/// printed" is no "Check hosting ..."): the words they share name the thing, not what was done
/// to it.
fn another_deed(title: &str, text: &str) -> bool {
    const OWN_KIND: &[&str] = &[
        "reinstall",
        "reinstalled",
        "reinstalling",
        "uninstalled",
        "restarted",
        "restarting",
        "rebooted",
        "rebooting",
        // Bookkeeping done by hand: no fix's deed.
        "wrote",
        "written",
        "printed",
        "voided",
        "paid",
        "typed",
        "emailed",
    ];
    let title_words = crate::plain_words::lowercase_words(title);
    let stems: Vec<String> = title_words
        .iter()
        .map(|w| crate::matcher::text::stem(w))
        .collect();
    let said = crate::plain_words::lowercase_words(text);
    said.iter()
        .any(|w| OWN_KIND.contains(&w.as_str()) && !stems.contains(&crate::matcher::text::stem(w)))
        && !said.iter().any(|w| {
            !OWN_KIND.contains(&w.as_str())
                && is_past(w)
                && stems.contains(&crate::matcher::text::stem(w))
        })
}

/// The step two or more of whose words `text` says in another form ("waited and retried" is
/// "Wait and retry"); one alone names nothing ("cleared my cookies" is no "Clear the
/// QuickBooks app cache").
fn fix_named_by_stems(article: &Article, text: &str) -> Option<usize> {
    let said = Terms::said(text).without(&Terms::of(&article.title));
    most_shared(article, 2, |s| {
        said.shared_by_stem(&names_of(s)) + WHOLE_NAME * whole_names_said(s, &said)
    })
}

/// How many words fix `index`'s names share with `text` by stem.
fn stems_named_in(article: &Article, index: usize, text: &str) -> usize {
    let s = &article.solutions[index];
    let said = Terms::said(text).without(&Terms::of(&article.title));
    said.shared_by_stem(&names_of(s)) + WHOLE_NAME * whole_names_said(s, &said)
}

/// The step whose names (title and "also called") share the most with what `shared` counts,
/// at least `least`; of two as named, the earlier.
fn most_shared(
    article: &Article,
    least: usize,
    shared: impl Fn(&crate::knowledge::Solution) -> usize,
) -> Option<usize> {
    (0..article.solutions.len())
        .map(|i| (shared(&article.solutions[i]), i))
        .filter(|&(shared, _)| shared >= least)
        .max_by_key(|&(shared, i)| (shared, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}
