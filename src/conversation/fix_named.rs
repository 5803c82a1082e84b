//! Which fix a reply names as done ("ran file doctor", "cleared the cache"), read from the
//! user's words: deeds told, plans, proper names and causes; nothing is recorded here.

use super::fix_for::{points_to, with_the_cause_it_names};
use super::step_text::steps_text;
use super::terms::{Terms, WHOLE_NAME, deed_stem, whole_names_said};
use crate::knowledge::Article;
use crate::plain_words;
use crate::session::{Outcome, Session};
use crate::understand::{self, Intent};
use std::collections::HashSet;

/// Words before a result that name the fix on screen ("it didnt help", "that fixed it") or
/// nothing ("nothing helped"): no thing done.
const NO_THING: &[&str] = &[
    "it",
    "that",
    "this",
    "which",
    "what",
    "nothing",
    "something",
    "anything",
];

/// Whether `text` tells that a fix other than the one on screen was done ("ran file doctor,
/// worked for Maple Dental but not for Birch Law"), by the words before any turn to the
/// trouble: its result is that fix's.
pub(super) fn names_another_fix_done(session: &Session, article: &Article, text: &str) -> bool {
    let Some(open) = session.current_step().map(|s| s.solution) else {
        return false;
    };
    // ("tried the incognito thing, same 503, is that normal?": the deed told before the
    // question still counts; a question alone tells none.)
    let Some(told) = before_a_question(before_the_trouble(text)) else {
        return false;
    };
    // ("tried on my phone with 4g, doesnt work either" at the outage test names the test.)
    let names_the_test = article
        .solutions
        .get(open)
        .is_some_and(|t| t.test && understand::test_result(text, &t.also_called).is_some());
    !names_the_test
        && names_an_action(told)
        && fix_named(session, article, open, told).is_some_and(|i| !article.solutions[i].test)
}

/// Whether `text` says something was done ("clearing", "cleared", "ran", "already"), beyond
/// that it worked: a fix credited by name needs it ("the intuit site loads now" names no fix
/// done).
pub(super) fn names_an_action(text: &str) -> bool {
    const RESULTS: &[&str] = &["fixed", "worked", "working", "helped", "solved", "resolved"];
    const DONE: &[&str] = &["ran", "done", "already", "tried", "redid"];
    // "database server manager isnt even installed": a state, not a deed. (Only right before
    // the word: "no luck, turned off my extensions" tells a deed.)
    const STATE: &[&str] = &["isnt", "not", "wasnt", "arent", "never", "no", "aint"];
    let lower = text.to_lowercase().replace(['\'', '’'], "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let words: Vec<(String, bool)> = words
        .iter()
        .map(|w| (bare(w), w.ends_with(|c: char| ",.;:!?".contains(c))))
        .collect();
    words.iter().enumerate().any(|(i, (w, _))| {
        let w = w.as_str();
        let state_before = |k: usize| {
            i.checked_sub(k)
                .and_then(|j| words.get(j))
                .is_some_and(|(b, ends)| STATE.contains(&b.as_str()) && !ends)
        };
        let even_before = i
            .checked_sub(1)
            .is_some_and(|j| words[j].0 == "even" && !words[j].1);
        let a_state = state_before(1) || (even_before && state_before(2));
        // "ok did it", "did that": the deed said by its doing.
        // ("did a smaller range": a deed told by what was done.)
        let did_it = w == "did"
            && words.get(i + 1).is_some_and(|(next, _)| {
                [
                    "it",
                    "that",
                    "this",
                    "those",
                    "them",
                    "everything",
                    "all",
                    "a",
                    "an",
                    "the",
                ]
                .contains(&next.as_str())
            });
        // "my clock was wrong, fixed that": a deed done to a thing ("that fixed it" is a
        // result).
        let fixed_a_thing = w == "fixed"
            && words
                .get(i + 1)
                .is_some_and(|(next, _)| ["that", "the", "my", "this"].contains(&next.as_str()))
            && i.checked_sub(1).is_none_or(|j| {
                !["that", "this", "it", "which", "what"].contains(&words[j].0.as_str())
            });
        // Right after a thing named ("cache didnt help"), not after the fix on screen ("it
        // didnt help", "that fixed it") or nothing named.
        let after_a_thing =
            i > 0 && !NO_THING.contains(&words[i - 1].0.as_str()) && !words[i - 1].1;
        // "cache didnt help", "the firewall thing did nothing": a thing said not to have
        // helped was done.
        let a_thing_did_not_help = after_a_thing
            && (["didnt", "doesnt", "wont"].contains(&w)
                && words
                    .get(i + 1)
                    .is_some_and(|(n, _)| ["help", "work", "fix", "change"].contains(&n.as_str()))
                || (w == "did" && words.get(i + 1).is_some_and(|(n, _)| n == "nothing")));
        // "cookies fixed it", "the cache did the trick": a thing said to have fixed it was
        // done ("everything fixed it", "finally fixed it" name none).
        let a_thing_fixed_it = after_a_thing
            && !["everything", "finally", "has", "have", "had", "just"]
                .contains(&words[i - 1].0.as_str())
            && !a_state
            && (["fixed", "solved", "sorted"].contains(&w)
                && words.get(i + 1).is_some_and(|(n, _)| n == "it")
                || w == "did"
                    && words.get(i + 1).is_some_and(|(n, _)| n == "the")
                    && words.get(i + 2).is_some_and(|(n, _)| n == "trick"));
        // Words ending like a deed that are none ("everything else works").
        const NO_DEED: &[&str] = &[
            "everything",
            "something",
            "nothing",
            "anything",
            "morning",
            "evening",
            "during",
            "indeed",
            "speed",
        ];
        // ("reset app data and restarted": the deed's own word; "split the import into
        // batches": a past that ends in no "-ed".)
        const IRREGULAR_PAST: &[&str] = &[
            "reset", "split", "cut", "shut", "made", "took", "put", "quit", "rebuilt", "reran",
        ];
        let reset = IRREGULAR_PAST.contains(&w) && !state_before(1);
        DONE.contains(&w)
            || reset
            || did_it
            || a_thing_did_not_help
            || a_thing_fixed_it
            || fixed_a_thing
            || ((w.ends_with("ing") || w.ends_with("ed"))
                && w.len() > 4
                && !RESULTS.contains(&w)
                && !NO_DEED.contains(&w)
                && !a_state)
    })
}

/// The words before a reply turns to what is still wrong ("renamed it, update went through
/// but paychecks still say online to send" -> "renamed it, update went through"): what was
/// done is told first; a fix's title words after the "but" are the trouble, not a deed.
pub(super) fn before_the_trouble(text: &str) -> &str {
    const TURNS: &[&str] = &["but", "however", "though", "although"];
    understand::word_spans(text)
        .into_iter()
        // (Skip the first word: a turn needs something told before it.)
        .skip(1)
        .find(|&(s, e)| {
            TURNS.contains(&text[s..e].to_lowercase().as_str())
                // "didnt help but i already turned off extensions": the deed is after the "but"
                // ("that did nothing but cookies fixed it" turns to what worked: no deed told
                // of the trouble).
                && !(names_an_action(&text[e..])
                    && thing_said_to_have_fixed_it_or_not(&text[e..]).is_none())
        })
        .map_or(text, |(s, _)| &text[..s])
}

/// `text` up to the clause that asks ("tried incognito, same 503, is that normal?" -> "tried
/// incognito, same 503"), or all of it when it asks nothing; `None` when the first clause
/// already asks ("did you mean incognito?").
pub(super) fn before_a_question(text: &str) -> Option<&str> {
    let Some(asked) = text.find('?') else {
        return Some(text);
    };
    text[..asked]
        .rfind([',', '.', ';', '!'])
        .map(|end| &text[..end])
        .filter(|told| !told.trim().is_empty())
}

/// The fix of `article` other than `open` that `text` names by its title's words ("clearing
/// the cache" -> "Remove browser cache"), when it shares more of them than the open one's
/// title ("ran file doctor" names File Doctor even with "Open the file ..." on screen). On a
/// tie, the one whose steps the words point to most, then the earliest.
pub(super) fn fix_named(
    session: &Session,
    article: &Article,
    open: usize,
    text: &str,
) -> Option<usize> {
    // The problem's own words ("the bank feed still isn't updating") name no fix, even where
    // a fix's title has them ("Update the bank feed manually").
    // A verb alone names no fix: "i cant turn it off" at "Try a private window" is not "Turn
    // off browser extensions"; what is turned off or cleared does ("turn off the vpn").
    const DOING: &[&str] = &[
        "turn",
        "turned",
        "turning",
        "clear",
        "cleared",
        "clearing",
        "check",
        "checked",
        "reload",
        "reloaded",
        "restart",
        "restarted",
        "close",
        "closed",
        "update",
        "updated",
        "allow",
        "allowed",
        "switch",
        "switched",
        "disable",
        "disabled",
        "enable",
        "enabled",
        "remove",
        "removed",
        "delete",
        "deleted",
        "reset",
        "change",
        "changed",
        "make",
        "made",
        "sign",
        "signed",
    ];
    // A plan names no fix done ("i'll try turning off extensions next").
    if says_a_plan(text) {
        return None;
    }
    // ("i cant click delete browsing data": not done, names nothing.)
    let not_done = super::fixes_told::tells_it_not_done(text);
    let article_title = Terms::of(&article.title);
    // "cleared browsing data": a name the article gives one fix (`- Also called:`), said
    // whole, names it before any button label of another's steps ("Clear browsing data" in
    // a step of "Allow cookies for Intuit ...").
    let said = Terms::said(text).without(&article_title);
    let said_whole: Vec<usize> = (article.solutions.iter())
        .map(|s| whole_names_said(s, &said))
        .collect();
    if !not_done && let Some(only) = named_most(&said_whole) {
        return (only != open).then_some(only);
    }
    // "cleared cache and cookies, works now" at the cache article: a deed told on the
    // article's own words names the one fix whose title shares three of them, deed and all,
    // clearly more than any other ("Clear the cache and cookies", not "Clear only Intuit
    // data").
    if !not_done && names_an_action(text) {
        let all = Terms::said(text);
        let shares: Vec<usize> = article
            .solutions
            .iter()
            .map(|s| {
                if s.test {
                    0
                } else {
                    all.shared_by_stem(&Terms::of(&s.title))
                }
            })
            .collect();
        let best = shares.iter().copied().max().unwrap_or(0);
        // (The deed is the title's own, done: "cleared" of "Clear the cache and cookies";
        // "checked, the bank feed still isnt updating" tells no "Update" done.)
        let done_as_titled = |i: usize| {
            plain_words::first_word(&article.solutions[i].title).is_some_and(|verb| {
                plain_words::has_any_word(text, &[&format!("{verb}ed"), &format!("{verb}d")])
            })
        };
        if best >= 3
            && shares.iter().filter(|&&n| n == best).count() == 1
            && let Some(only) = shares.iter().position(|&n| n == best)
            && done_as_titled(only)
            // (Only where the article's title words are what names it: a title whose other
            // words are all said is named by the title-word reading below, as before.)
            && !Terms::of(&article.solutions[only].title)
                .without(&article_title)
                .words
                .iter()
                .all(|w| said.words.contains(w))
        {
            return (only != open).then_some(only);
        }
    }
    // "cookies fixed it", "antivirus didnt help", "the cache did the trick": a thing said as
    // what fixed it or not, with no deed told, names the one fix whose title and other names
    // have every word of it ("intuit cookies" names neither "Remove browser cache" nor "Add
    // Intuit as a trusted site"; "cookies and antivirus" no one fix). Nothing else is read.
    // Of several fixes that have every word, the one a name of which the thing says whole
    // ("cookies" of "cleared cookies", not of "allowed cookies for intuit"); else the title
    // words below tell them apart ("the cache": "Remove browser cache", not "Clear the
    // QuickBooks app cache"). The fix on screen, when its steps have every word, is meant.
    // (Things listed, "cache and firewall didnt help", are read by the words below: each is
    // read apart where every deed counts, in `still_broken`.)
    if !not_done
        && let Some(thing) = thing_said_to_have_fixed_it_or_not(text)
        && plain_words::clauses(thing, &["and"]).len() == 1
    {
        let mut said = Terms::said(thing).without(&article_title);
        // ("splitting into batches of 500 worked": a count is no word of a fix.)
        said.retain_words(|w| !NOT_A_THING.contains(&w) && !w.bytes().all(|b| b.is_ascii_digit()));
        let covering: Vec<usize> = (0..article.solutions.len())
            .filter(|&i| !article.solutions[i].test && has_every_word(&article.solutions[i], &said))
            .collect();
        let said_whole: Vec<usize> = (0..article.solutions.len())
            .map(|i| {
                usize::from(
                    covering.contains(&i) && names_a_thing_said(&article.solutions[i], &said),
                )
            })
            .collect();
        // "the reload actually fixed it" at a fix whose steps say "reload": a fix shown
        // before whose title has every word is the one meant (taking its result back).
        let shown_before_by_title: Vec<usize> = covering
            .iter()
            .copied()
            .filter(|&i| {
                i != open
                    && session
                        .attempts
                        .iter()
                        .any(|a| super::walk::is_solution(a, article, i))
                    && has_every_word_in(&Terms::of(&article.solutions[i].title), &said)
            })
            .collect();
        if let [only] = shown_before_by_title[..] {
            return Some(only);
        }
        // (A test on screen is no fix: "cookies didnt help" at "Try a private window", whose
        // text speaks of cookies, names "Clear the cache and cookies".)
        if !article.solutions[open].test
            && (covering.contains(&open) || steps_have_every_word(&article.solutions[open], &said))
        {
            return None;
        }
        match (&covering[..], named_most(&said_whole)) {
            ([], _) => return None,
            (_, Some(only)) | (&[only], None) => return Some(only),
            _ => {}
        }
    }
    // "reset app data": what another fix's steps have the user click.
    if let Some(labelled) = super::fixes_told::fix_by_a_label_of_its_steps(article, text) {
        return (labelled != open).then_some(labelled);
    }
    // "it worked this time" names no "Check the date, time ...".
    let without_when = {
        let mut lower = format!(" {} ", text.to_lowercase());
        for when in [
            " this time ",
            " last time ",
            " next time ",
            " every time ",
            " each time ",
            " same time ",
            " at a time ",
            " some time ",
            " first time ",
        ] {
            lower = lower.replace(when, " ");
        }
        lower
    };
    let text = without_when.trim();
    // ("my clock was set wrong, fixed that": the cause told names the fix for it; "already
    // cleared cookies yesterday" at "Clear Intuit cookies" names the fix on screen, not the
    // cause "Cookies blocked or cleared on exit" and its fix.)
    let title = article_title;
    let said_here = Terms::said(text).without(&title);
    let names_the_open_one =
        said_here.shared_in_any_form(&Terms::of(&article.solutions[open].title)) > 0
            || whole_names_said(&article.solutions[open], &said_here) > 0;
    let mut told = if names_the_open_one {
        text.to_string()
    } else {
        with_the_cause_it_names(article, text)
    };
    // "did just jan-mar": a shorter date range, in the steps' own words.
    if understand::names_a_date_range(text) {
        told.push_str(" date range");
    }
    let mut said = Terms::said(&told).without(&title);
    // A fix's other names said whole, verbs and all, in any order ("cleared cookies" or
    // "cookies cleared" of "Remove browser cache"; "allowed cookies for intuit" of "Add Intuit
    // as a trusted site"): a name with its thing is no state.
    let whole: Vec<usize> = article
        .solutions
        .iter()
        .map(|s| {
            if not_done {
                0
            } else {
                whole_names_said(s, &said)
            }
        })
        .collect();
    // A verb form names a fix only as the user's deed ("i disconnected and reconnected"), not
    // as a state ("it says disconnected", "the account is disconnected").
    let deeds = deeds_told(text);
    said.words.retain(|w| {
        !(w.ends_with("ed") || w.ends_with("ing")) || deeds.contains(w) || {
            // (A word the title has as it is stays: "Clear the cache and update the browser".)
            article
                .solutions
                .iter()
                .any(|s| Terms::of(&s.title).words.contains(w))
        }
    });
    // Nor does the error it quotes: "still says cookies are disabled" is the article's message
    // "Cookies are disabled", not "Turn on cookies" done.
    let lower = text.to_lowercase();
    for code in article
        .codes
        .iter()
        .filter(|c| lower.contains(&c.to_lowercase()))
    {
        said = said.without(&Terms::of(code));
    }
    said.words.retain(|w| !DOING.contains(&w.as_str()));
    // ("already cleared my cache, no help": "help" says how it went, not the Help menu.)
    said.words.retain(|w| w != "help");
    let by_title = |i: usize| {
        said.shared_in_any_form(&Terms::of(&article.solutions[i].title)) + WHOLE_NAME * whole[i]
    };
    let on_screen = by_title(open);
    let ruled_out = |i: usize| {
        session.attempts.iter().any(|a| {
            super::walk::is_solution(a, article, i) && a.outcome.is_some_and(Outcome::ruled_out)
        })
    };
    let by_steps =
        |i: usize| said.shared_in_any_form(&Terms::of(&steps_text(&article.solutions[i])));
    let by_title_words = (0..article.solutions.len())
        .filter(|&i| i != open && !ruled_out(i) && by_title(i) > on_screen)
        .map(|i| {
            // ("cleared the app cache": "app" tells "Clear the QuickBooks app cache" from
            // "Remove browser cache".)
            let short = said.shared_short(&Terms::of(&article.solutions[i].title));
            (
                (by_title(i), short, points_to(&said, &article.solutions[i])),
                i,
            )
        })
        .max_by_key(|&(score, i)| (score, std::cmp::Reverse(i)))
        .map(|(_, i)| i);
    // One word of a title is outweighed by a deed told in another fix's steps: "ran verify
    // data and rebuild data, now it works" is step 4 of "Send paychecks stuck ...", not
    // "Verify the payroll subscription".
    if let Some(i) = by_title_words
        && by_title(i) == 1
    {
        let told_in_steps = (0..article.solutions.len())
            .filter(|&j| j != i && !ruled_out(j) && by_steps(j) >= by_steps(i) + 2)
            .max_by_key(|&j| (by_steps(j), std::cmp::Reverse(j)));
        if let Some(j) = told_in_steps {
            return (j != open).then_some(j);
        }
    }
    by_title_words
        .or_else(|| {
            // "shortened the date range, works now" at "Retry after a short wait": two words or
            // more that one fix's steps have ("Shorten the date range") and the open one's none.
            if !names_an_action(text) || by_steps(open) > 0 {
                return None;
            }
            let scored: Vec<(usize, usize)> = (0..article.solutions.len())
                .filter(|&i| i != open && !ruled_out(i))
                .map(|i| (by_steps(i), i))
                .filter(|&(n, _)| n >= 2)
                .collect();
            let best = scored.iter().map(|&(n, _)| n).max()?;
            match scored
                .iter()
                .filter(|&&(n, _)| n == best)
                .collect::<Vec<_>>()[..]
            {
                [&(_, i)] => Some(i),
                _ => None,
            }
        })
        .or_else(|| {
            // "paused zapier and its working now": a deed done to something only one fix's
            // steps name ("... any app that syncs large amounts of data (such as Zapier ...").
            names_an_action(text)
                .then(|| fix_naming_the_same(article, open, &said, text))
                .flatten()
                .filter(|&i| !ruled_out(i))
        })
}

/// Whether fix `s`'s title and other names have every word `said` has (in some form, a
/// deed's word as its stem), and `said` has some.
fn has_every_word(s: &crate::knowledge::Solution, said: &Terms) -> bool {
    let names = Terms::of(&format!("{} {}", s.title, s.also_called.join(" ")));
    has_every_word_in(&names, said)
}

/// Whether `known` has every word `said` has (in some form, a deed's word as its stem), words
/// for any thing ("the firewall thing", "the cookie stuff") aside, and `said` has some.
fn has_every_word_in(known: &Terms, said: &Terms) -> bool {
    const FILLER: &[&str] = &[
        "thing", "things", "stuff", "step", "part", "trick", "option",
    ];
    let known: HashSet<String> = known.words.iter().map(|w| deed_stem(w)).collect();
    let words: Vec<&String> = (said.words.iter())
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect();
    !words.is_empty()
        && said.codes.is_empty()
        && words.iter().all(|w| known.contains(&deed_stem(w)))
}

/// Whether some other name of fix `s` has its things all in `said`: every word but its verbs
/// ("-ed" words), as "cookies" says "cleared cookies".
pub(super) fn names_a_thing_said(s: &crate::knowledge::Solution, said: &Terms) -> bool {
    let said: HashSet<String> = said.words.iter().map(|w| deed_stem(w)).collect();
    s.also_called.iter().any(|name| {
        let name = Terms::of(name);
        let mut things = name.words.iter().filter(|w| !w.ends_with("ed")).peekable();
        things.peek().is_some() && things.all(|w| said.contains(&deed_stem(w)))
    })
}

/// Whether fix `s`'s steps (every browser's) have every word `said` has.
/// Whether the thing said to have fixed it or not ("cookies didnt help") is fix `open`: its
/// title, names or steps have every word of it.
pub(super) fn thing_is_the_fix(article: &Article, open: usize, text: &str) -> bool {
    let Some(thing) = thing_said_to_have_fixed_it_or_not(text) else {
        return false;
    };
    let said = Terms::said(thing).without(&Terms::of(&article.title));
    let fix = &article.solutions[open];
    has_every_word(fix, &said) || steps_have_every_word(fix, &said)
}

fn steps_have_every_word(s: &crate::knowledge::Solution, said: &Terms) -> bool {
    has_every_word_in(&Terms::of(&steps_text(s)), said)
}

/// The one fix named most by `scores` (one per fix), when some name is said and no other fix
/// is named as much.
fn named_most(scores: &[usize]) -> Option<usize> {
    let most = scores.iter().copied().max().filter(|&m| m > 0)?;
    match (0..scores.len())
        .filter(|&i| scores[i] == most)
        .collect::<Vec<_>>()[..]
    {
        [only] => Some(only),
        _ => None,
    }
}

/// Words beside a thing said to have fixed it or not that name no thing (besides those naming
/// the fix on screen or nothing): joins, answers and fillers.
const NOT_A_THING: &[&str] = &[
    "everything",
    "and",
    "but",
    "so",
    "then",
    "ok",
    "okay",
    "yes",
    "yeah",
    "no",
    "nope",
    "the",
    "thing",
    "finally",
    "also",
    "just",
    "has",
    "have",
    "i",
    // Fillers of a change of mind ("oh wait, the reload actually fixed it").
    "actually",
    "really",
    "definitely",
    "probably",
    "maybe",
    "guess",
    "think",
    "wait",
    "oh",
    "hmm",
];

/// The thing said to have fixed it or not to have helped, with no deed told of it: "cookies"
/// of "cookies fixed it", "the antivirus thing" of "ok the antivirus thing didnt help". Only
/// words of its own clause, and not a pronoun ("that fixed it" is of the fix on screen).
fn thing_said_to_have_fixed_it_or_not(text: &str) -> Option<&str> {
    const RESULTS: &[&str] = &[
        " fixed it",
        " solved it",
        " sorted it",
        " did the trick",
        " didnt help",
        " didn't help",
        " did not help",
        " doesnt help",
        " didnt fix it",
        " didn't fix it",
        " did nothing",
    ];
    let lower = text.to_lowercase().replace('’', "'");
    let at = RESULTS.iter().filter_map(|r| lower.find(r)).min()?;
    let clause_start = lower[..at]
        .rfind([',', '.', ';', '!', '?', ':'])
        .map_or(0, |i| i + 1);
    let words: Vec<&str> = lower[clause_start..at].split_whitespace().collect();
    // A deed told in the clause ("cleared cookies fixed it") is read as a deed.
    let things = (words.iter())
        .filter(|w| !NO_THING.contains(w) && !NOT_A_THING.contains(w))
        .count();
    const NO_DEED: &[&str] = &["browsing", "thing", "setting", "nothing", "something"];
    let told =
        (words.iter()).any(|w| (w.ends_with("ed") || w.ends_with("ing")) && !NO_DEED.contains(w));
    (things > 0 && things <= 3 && !told)
        .then(|| text.get(clause_start..at))
        .flatten()
}

/// Whether the message tells a plan rather than a deed ("i'll try turning off extensions next",
/// "i will try disconnecting if this fails").
fn says_a_plan(text: &str) -> bool {
    const PLANS: &[&str] = &[
        "ill", "i'll", "will", "gonna", "going to", "next", "if this", "if that", "later",
        "tomorrow", "should i", "shall i", "can i", "could i", "maybe i",
    ];
    let lower = format!(" {} ", text.to_lowercase().replace('’', "'"));
    PLANS.iter().any(|p| {
        [" ", ",", ".", "!", "?"]
            .iter()
            .any(|end| lower.contains(&format!(" {p}{end}")))
    })
}

/// The "-ed" and "-ing" words the user tells as their own deeds: first in the message, or right
/// after "i", "we", "ive", "just", "already", "and", "then", "also", "finally", "tried", "ok"
/// or "so" ("i disconnected and reconnected", "tried disconnecting").
fn deeds_told(text: &str) -> HashSet<String> {
    const DOERS: &[&str] = &[
        "i", "we", "ive", "weve", "just", "already", "and", "then", "also", "finally", "tried",
        "ok", "so",
    ];
    let words = plain_words::lowercase_words(&text.replace(['\'', '’'], ""));
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let inflected = |w: &str| w.ends_with("ed") || w.ends_with("ing");
    words
        .windows(2)
        .filter(|w| DOERS.contains(&w[0]) && inflected(w[1]))
        .map(|w| w[1].to_string())
        .chain(
            words
                .first()
                .filter(|w| inflected(w))
                .map(|w| w.to_string()),
        )
        .collect()
}

/// The one fix other than `open` the user's words point to past its title: a proper name only
/// its steps have ("zapier": "such as Zapier"), or a cause only it is for ("my clock was set
/// wrong": the cause "Wrong date, time or time zone ... when the clock is wrong", whose words
/// only "Check the date, time and other sign-ins" has in its title).
fn fix_naming_the_same(
    article: &Article,
    open: usize,
    said: &Terms,
    said_text: &str,
) -> Option<usize> {
    let names: Vec<HashSet<String>> = article
        .solutions
        .iter()
        .map(|s| proper_names(&steps_text(s)))
        .collect();
    let by_name: Vec<usize> = (0..names.len())
        .filter(|&i| said.words.iter().any(|w| names[i].contains(w)))
        .collect();
    let only = |found: &[usize]| match found {
        [one] if *one != open => Some(*one),
        _ => None,
    };
    if !by_name.is_empty() {
        return only(&by_name);
    }
    // The cause the words name (only one), then the fix whose title has its name's words: only
    // for a fix told as done and working ("my clock was set wrong, fixed that"), never to fail
    // one ("tried it on another device, same loop"), and not by words any problem has.
    const ANY_PROBLEM: &[&str] = &[
        "device", "computer", "browser", "phone", "other", "another", "account", "still", "same",
        "loop", "looping", "error",
    ];
    if understand::classify(said_text).intent != Some(Intent::Fixed) {
        return None;
    }
    let problem = Terms::of(&format!("{}\n{}", article.title, article.summary));
    let mut said = said.without(&problem);
    said.words
        .retain(|w| w.chars().count() >= 5 && !ANY_PROBLEM.contains(&w.as_str()));
    let causes: Vec<&crate::knowledge::Cause> = article
        .causes
        .iter()
        .filter(|c| said.shared_with(&Terms::of(&format!("{} {}", c.name, c.detail))) > 0)
        .collect();
    let [cause] = causes.as_slice() else {
        return None;
    };
    let cause = Terms::of(&cause.name);
    let for_cause: Vec<usize> = (0..article.solutions.len())
        .filter(|&i| Terms::of(&article.solutions[i].title).shared_with(&cause) >= 2)
        .collect();
    only(&for_cause)
}

/// The capitalised words of steps that are names, lowercase ("Zapier", "McAfee"): not the
/// first word of a line or sentence, not a quoted label ("Settings"), and not a name every
/// user says anyway (the product, a browser, the operating system, a key).
fn proper_names(steps: &str) -> HashSet<String> {
    const SAID_ANYWAY: &[&str] = &[
        "quickbooks",
        "online",
        "intuit",
        "desktop",
        "microsoft",
        "apple",
        "windows",
        "enter",
        "start",
        "tool",
        "file",
        "files",
        "command",
        "prompt",
        "window",
        "private",
        "incognito",
        "inprivate",
        "chrome",
        "firefox",
        "safari",
        "edge",
        "internet",
        "explorer",
        "google",
        "mozilla",
        "iphone",
        "ipad",
        "android",
    ];
    let mut out = HashSet::new();
    for line in steps.lines() {
        let mut quoted = false;
        let mut sentence_start = true;
        for token in line.split_inclusive(|c: char| c.is_whitespace() || c == '"') {
            let starts_quoted = quoted;
            if token.ends_with('"') {
                quoted = !quoted;
            }
            let word: String = token
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            if word.is_empty() {
                continue;
            }
            let is_item_number = word.chars().all(|c| c.is_ascii_digit());
            if !sentence_start
                && !starts_quoted
                && !token.starts_with('"')
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() >= 4
                && !SAID_ANYWAY.contains(&word.to_lowercase().as_str())
            {
                out.insert(word.to_lowercase());
            }
            sentence_start = is_item_number || token.trim_end().ends_with(['.', ':', '!', '?']);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deed_is_found_across_line_breaks() {
        assert!(names_an_action("works now\nran the tool"));
        assert!(names_an_action("works now\tran the tool"));
        assert!(!names_an_action("works now\nthe page loads"));
        assert!(!names_an_action("the tool isnt\ninstalled"));
    }
}
