//! FAQ entries a question mid-walk asks (by its words, by meaning, or of a step's harm),
//! answered on the side with the question on screen kept open.

use super::Output;
use super::codes::drop_title_codes;
use super::terms::Terms;
use super::typed::open_question;
use crate::knowledge::{Article, KnowledgeBase};
use crate::plain_words;
use crate::reply::Reply;
use crate::semantic::QueryVectors;
use crate::session::Session;
use crate::understand;

/// The FAQ entry of `article` a question asks ("is this my fault?" -> "Is a 500 error my
/// fault?"): the one sharing most words with it, when it shares any and no other ties it.
pub(super) fn faq_for<'a>(
    article: &'a Article,
    question: &str,
) -> Option<&'a crate::knowledge::Faq> {
    // Words any question has ("what does that mean") point to no entry.
    // (Nor does loss alone: "did i lose what i was typing?" is no "Will I lose transactions
    // while the feed is not updating?"; a review of rv48 F8.)
    const ASKING: &[&str] = &[
        "mean", "means", "what", "when", "where", "which", "should", "would", "could", "happen",
        "happens", "need", "know", "about", "still", "cause", "causes", "while", "lose", "losing",
        "lost", "loose",
    ];
    // Nor does the time it is asked in ("quick q while i wait - how do i record a draw?" is
    // no "Do I just wait?").
    const WHILE: &[&str] = &["while i wait", "while we wait", "while waiting"];
    let mut asked_plain = question.to_lowercase();
    for filler in WHILE {
        asked_plain = asked_plain.replace(filler, " ");
    }
    let mut said = Terms::of(&asked_plain);
    said.words.retain(|w| !ASKING.contains(&w.as_str()));
    drop_title_codes(article, &mut said.codes);
    // A word of the article's own title alone ("bank" at the bank feed article: "how do i
    // categorize a transfer between two bank accounts?") points to no entry.
    let title = Terms::of(&article.title);
    // "How do I open incognito?" is not answered by "Why does it load in incognito?".
    let asks = |q: &str| {
        let q = q.trim_start().to_lowercase();
        ["how", "why"].into_iter().find(|w| q.starts_with(w))
    };
    let asked = asks(question);
    let mut scored: Vec<(usize, &crate::knowledge::Faq)> = article
        .faq
        .iter()
        .filter(|f| asked.is_none() || asks(&f.question).is_none_or(|w| Some(w) == asked))
        .map(|f| (said.shared_with(&Terms::of(&f.question)), f))
        .filter(|&(s, _)| s > 0)
        // ("btw how do i reconcile a credit card account in qbo?" is no "Will reconnecting the
        // account create duplicates?": a how-to question shares more than one word with an
        // entry of another kind.)
        .filter(|&(s, f)| s >= 2 || !(how_to_asked(question) && asks(&f.question) != Some("how")))
        .filter(|(_, f)| {
            let entry = Terms::of(&f.question);
            said.words
                .iter()
                .any(|w| entry.words.contains(w) && !title.words.contains(w))
                || said.codes.iter().any(|c| entry.codes.contains(c))
                || said.shared_names(&entry) > 0
        })
        .collect();
    let most = scored.iter().map(|&(s, _)| s).max()?;
    scored.retain(|&(s, _)| s == most);
    // Entries as near by their questions: the one whose answer says more of the question's
    // words ("will i lose my passwords if i clear cookies" shares a word with "Are my saved
    // passwords deleted too?" and with "Do I have to clear all history?"; the first answer
    // speaks of clearing cookies and of passwords), else none.
    let by_answer: Vec<(usize, &crate::knowledge::Faq)> = scored
        .iter()
        .map(|&(_, f)| (said.shared_in_any_form(&Terms::of(&f.answer)), f))
        .collect();
    let best_answer = by_answer.iter().map(|&(s, _)| s).max()?;
    match by_answer
        .iter()
        .filter(|&&(s, _)| s == best_answer)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [(_, faq)] => Some(faq),
        _ => None,
    }
}

/// Whether `question` asks how to do something in its first words ("btw how do i ...",
/// "quick q, how do I void a check?").
fn how_to_asked(question: &str) -> bool {
    let words = plain_words::lowercase_words(question);
    words
        .windows(2)
        .take(4)
        .any(|w| w[0] == "how" && ["do", "to", "can", "should", "would"].contains(&w[1].as_str()))
}

/// The FAQ entry of `article` that answers a question whether the step `open` can do harm
/// ("will i lose data if i do this"): an entry asking the same of a step sharing words with it
/// ("Is it safe to rename the .ND and .TLG files?" for "Rename the .ND and .TLG files"); the
/// one sharing most when several do, and of those as near the one naming a code the user gave.
pub(super) fn risk_faq<'a>(
    session: &Session,
    article: &'a Article,
    open: usize,
    question: &str,
) -> Option<&'a crate::knowledge::Faq> {
    if !understand::asks_about_risk(question) {
        return None;
    }
    // The entry the question names itself, two words at least and more than any other ("will
    // i lose my data if i rename the nd file" at another step: "Is it safe to rename the .ND
    // and .TLG files?").
    let said = Terms::said(question);
    let mut named: Vec<(usize, &crate::knowledge::Faq)> = (article.faq.iter())
        .filter(|f| understand::asks_about_risk(&f.question))
        .map(|f| (said.shared_in_any_form(&Terms::of(&f.question)), f))
        .filter(|&(shared, _)| shared >= 2)
        .collect();
    named.sort_by_key(|&(shared, _)| std::cmp::Reverse(shared));
    if let [(best, faq), rest @ ..] = named.as_slice()
        && rest.first().is_none_or(|(next, _)| next < best)
    {
        return Some(faq);
    }
    // ("did i lose what i was typing?" fears for the user's own work, not the step's harm.)
    if understand::worries_about_losing_work(question) {
        return None;
    }
    let step = Terms::of(&article.solutions.get(open)?.title);
    let scored: Vec<(usize, &crate::knowledge::Faq)> = article
        .faq
        .iter()
        .filter(|f| understand::asks_about_risk(&f.question))
        .map(|f| (Terms::of(&f.question).shared_in_any_form(&step), f))
        .filter(|&(shared, _)| shared > 0)
        .collect();
    let most = scored.iter().map(|&(shared, _)| shared).max()?;
    let best: Vec<&crate::knowledge::Faq> = scored
        .into_iter()
        .filter(|&(shared, _)| shared == most)
        .map(|(_, f)| f)
        .collect();
    // Several as near ("does this mean the file is damaged?" at "Open the file on the server":
    // the H202 entry and the 6000-series one): the one naming a code the user gave, else none.
    let codes = Terms::of(&session.descriptions.join(" ")).codes;
    let by_code: Vec<&crate::knowledge::Faq> = best
        .iter()
        .copied()
        .filter(|f| !Terms::of(&f.question).codes.is_disjoint(&codes))
        .collect();
    match (best.as_slice(), by_code.as_slice()) {
        ([only], _) | (_, [only]) => Some(only),
        _ => None,
    }
}

/// The FAQ entry, of any article, that a question whether something can do harm asks when
/// no walk is open ("will clearing the cache lose any of the client's data?" -> "Will clearing
/// the cache delete my QuickBooks data?"): the entry asking of harm that shares most words with
/// it, at least two, and no other as many.
pub(super) fn risk_faq_anywhere<'a>(
    kb: &'a KnowledgeBase,
    question: &str,
) -> Option<(&'a crate::knowledge::Faq, &'a Article)> {
    if !understand::asks_about_risk(question) {
        return None;
    }
    let said = Terms::said(question);
    let mut scored: Vec<(usize, &crate::knowledge::Faq, &Article)> = kb
        .articles()
        .iter()
        .flat_map(|a| a.faq.iter().map(move |f| (f, a)))
        .filter(|(f, _)| understand::asks_about_risk(&f.question))
        .map(|(f, a)| (said.shared_in_any_form(&Terms::of(&f.question)), f, a))
        .filter(|&(shared, _, _)| shared >= 2)
        .collect();
    scored.sort_by_key(|&(shared, _, _)| std::cmp::Reverse(shared));
    match scored.as_slice() {
        [(best, faq, from), rest @ ..] if rest.first().is_none_or(|(next, ..)| next < best) => {
            Some((faq, from))
        }
        _ => None,
    }
}

/// The FAQ entry of `article` about the user's data, when the question is the worry about it
/// in any words ("is my data safe?", "will i lose anything?", "did i lose my work?"): the one
/// entry whose question speaks of data, saving or loss ("Can Error 502 cause data loss?",
/// "Was my transaction saved if I got a 504?"). It was "I can't help with that here".
pub(super) fn data_faq<'a>(
    article: &'a Article,
    question: &str,
) -> Option<&'a crate::knowledge::Faq> {
    const WORRY: &[&str] = &[
        "is my data safe",
        "is my data ok",
        "is my data okay",
        "is my data still there",
        "is my work saved",
        "is my work safe",
        "will i lose anything",
        "will i lose my data",
        "will i lose my work",
        "will i lose data",
        "did i lose anything",
        "did i lose my data",
        "did i lose my work",
        "did i lose data",
        "am i losing data",
        "lose any data",
        "lose my data",
        "data loss",
        "is anything lost",
        "was anything lost",
    ];
    let asked = crate::plain_words::lowercase_words(&question.replace(['\'', '’'], "")).join(" ");
    if WORRY
        .iter()
        .any(|w| format!(" {asked} ").contains(&format!(" {w} ")))
    {
        return entry_about_data(article);
    }
    // "will i lose transactions?": the entry when it speaks of what the user fears for
    // ("Will I lose transactions while the feed is not updating?"); "did i lose what i was
    // typing?" is no question of bank transactions (a review of rv48 F8: it got "No.").
    const LOSS: &[&str] = &["lose", "loose", "losing", "lost", "loss", "gone"];
    let feared = Terms::said(question).without(&Terms::of(&LOSS.join(" ")));
    entry_about_data(article).filter(|f| {
        understand::worries_about_losing_work(question)
            && feared.shared_in_any_form(&Terms::of(&f.question)) > 0
    })
}

/// `article`'s one FAQ entry whose question speaks of data, saving or loss ("Will I lose data
/// during an outage?"); `None` with none or several.
pub(super) fn entry_about_data(article: &Article) -> Option<&crate::knowledge::Faq> {
    const ABOUT_DATA: &[&str] = &["data", "saved", "lost", "lose", "loss", "gone"];
    let mut about_data = article
        .faq
        .iter()
        .filter(|f| crate::plain_words::has_any_word(&f.question.to_lowercase(), ABOUT_DATA));
    let first = about_data.next()?;
    about_data.next().is_none().then_some(first)
}

/// Whether `text` asks `question` nearly as written: most of the question's words of three
/// letters or more are in it ("why does it work at home but not at work?" for "Why does
/// QuickBooks work at home but not at work?").
fn asked_as_written(question: &str, text: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        plain_words::lowercase_words(s)
            .into_iter()
            .filter(|w| w.len() >= 3)
            .collect()
    };
    let said = words(text);
    let asked = words(question);
    let shared = asked.iter().filter(|w| said.contains(w)).count();
    !asked.is_empty() && shared * 4 >= asked.len() * 3
}

/// Whether `text` asks any entry of `article`'s FAQ nearly as written ([`asked_as_written`]).
pub(super) fn asks_an_entry_as_written(article: &Article, text: &str) -> bool {
    article
        .faq
        .iter()
        .any(|f| asked_as_written(&f.question, text))
}

/// The entry of `article` that `text` asks nearly as written: the one [`faq_for`] picks by
/// the words when it is asked so, else the only one asked so (words as common as "browser"
/// may tie two entries by the words alone).
pub(super) fn entry_asked_as_written<'a>(
    article: &'a Article,
    text: &str,
) -> Option<&'a crate::knowledge::Faq> {
    faq_for(article, text)
        .filter(|f| asked_as_written(&f.question, text))
        .or_else(|| {
            let mut asked = article
                .faq
                .iter()
                .filter(|f| asked_as_written(&f.question, text));
            asked.next().filter(|_| asked.next().is_none())
        })
}

/// At or above this similarity in meaning (and [`FAQ_MARGIN`] above the next entry), a
/// question asks what an FAQ entry answers. Chosen for all-MiniLM-L6-v2 (another model needs
/// them chosen again) on 28 hand-written mid-walk questions
/// (BENCHMARKS.md, "FAQ by meaning"): paraphrases scored 0.47-0.95, other questions of the
/// same kind (how/where/why) at most 0.35.
const FAQ_NEAR: f32 = 0.5;

/// The FAQ entry of `article` a question in the first description asks ("504 gateway
/// timeout. was my transaction saved?" -> "Was my transaction saved if I got a 504?"): of
/// its sentences that ask, the entry sharing most words with one, two at least and more
/// than any other. Answered beside the article, so the question is not lost.
pub(super) fn faq_asked_up_front<'a>(
    article: &'a Article,
    description: &str,
) -> Option<&'a crate::knowledge::Faq> {
    const ASKING: &[&str] = &[
        "what", "when", "where", "which", "should", "would", "could", "does", "will", "have",
        "this", "that", "there",
    ];
    if understand::says_it_is_unrelated(description) {
        return None;
    }
    let questions = description
        .split_inclusive(['.', '!', '?', '\n'])
        .filter(|s| s.contains('?') || understand::classify(s).question);
    let mut best: Option<(usize, &crate::knowledge::Faq, bool)> = None;
    for question in questions {
        let mut said = Terms::said(question);
        said.retain_words(|w| !ASKING.contains(&w));
        drop_title_codes(article, &mut said.codes);
        for faq in &article.faq {
            let shared = said.shared_in_any_form(&Terms::of(&faq.question));
            match best {
                Some((most, _, _)) if shared < most => {}
                Some((most, other, _)) if shared == most && !std::ptr::eq(other, faq) => {
                    best = Some((most, other, true));
                }
                Some((most, _, _)) if shared == most => {}
                _ => best = Some((shared, faq, false)),
            }
        }
    }
    best.filter(|&(most, _, tied)| most >= 2 && !tied)
        .map(|(_, faq, _)| faq)
}

/// The one FAQ entry of `article` whose question has every word of `text`, four words at
/// least ("the verification code screen keeps repeating" of "The verification code screen
/// keeps repeating. What should I do?"): news said in the entry's own words. ("the page is
/// blank" is no "Does a blank page mean my data is gone?")
pub(super) fn faq_told_word_for_word<'a>(
    article: &'a Article,
    text: &str,
) -> Option<&'a crate::knowledge::Faq> {
    let said = Terms::of(text);
    if said.words.len() < 4 || !said.codes.is_empty() {
        return None;
    }
    let mut told = article
        .faq
        .iter()
        .filter(|f| said.words_named_by(&Terms::of(&f.question)));
    let first = told.next()?;
    told.next().is_none().then_some(first)
}

/// The one FAQ entry of any article but `walked` whose question's words (two or more) the
/// user's question has every one of ("do i have to clear all my history? ..." of the cache
/// article's "Do I have to clear all history?"): asked in the entry's own words, whatever
/// problem is walked. Entries of the walked product first (QuickBooks Online or Desktop).
/// Several entries asked at once: the one of the first sentence asking only one ("do i have
/// to clear all my history? i dont want to lose my saved passwords" asks the history one
/// first).
pub(super) fn faq_of_another_asked_whole<'a>(
    kb: &'a KnowledgeBase,
    walked: &Article,
    question: &str,
) -> Option<(&'a crate::knowledge::Faq, &'a Article)> {
    if understand::says_it_is_unrelated(question) {
        return None;
    }
    std::iter::once(question)
        .chain(question.split_inclusive(['.', '!', '?', '\n']))
        .find_map(|asked| only_entry_asked_whole(kb, walked, asked))
}

/// [`faq_of_another_asked_whole`] of one text: the only entry it asks whole, if one.
fn only_entry_asked_whole<'a>(
    kb: &'a KnowledgeBase,
    walked: &Article,
    question: &str,
) -> Option<(&'a crate::knowledge::Faq, &'a Article)> {
    let said = Terms::of(question);
    let asked: Vec<(&crate::knowledge::Faq, &Article)> = kb
        .articles()
        .iter()
        .filter(|a| a.id != walked.id)
        .flat_map(|a| a.faq.iter().map(move |f| (f, a)))
        .filter(|(f, _)| {
            let entry = Terms::of(&f.question);
            entry.words.len() >= 2 && entry.codes.is_empty() && entry.words_named_by(&said)
        })
        .collect();
    let same_product: Vec<&(&crate::knowledge::Faq, &Article)> = asked
        .iter()
        .filter(|(_, a)| a.product == walked.product)
        .collect();
    match (&same_product[..], &asked[..]) {
        ([only], _) => Some(**only),
        ([], [only]) => Some(*only),
        _ => None,
    }
}

/// How far the nearest entry must be ahead of the next ("do i need to delete everything or
/// just the cache" is near two entries of the cache article: neither is surely meant).
const FAQ_MARGIN: f32 = 0.1;

/// The FAQ entry of `article` that `question` asks: by shared words ([`faq_for`]), else by
/// meaning when the sentence model is on ("wait is renaming that folder gonna delete my
/// payroll data??" -> "Is it safe to rename the CPS folder?"). A "how" or "where" question
/// asks for steps, answered only by an entry that asks the same.
pub(super) fn faq_answering<'a>(
    kb: &KnowledgeBase,
    article: &'a Article,
    question: &str,
    query: Option<&QueryVectors>,
) -> Option<&'a crate::knowledge::Faq> {
    // ("quick q while i wait - how do i record an owner's draw?" shares "while" with "Can I
    // upload transactions while the feed is broken?", and asks about something else.)
    if understand::says_it_is_unrelated(question) {
        return None;
    }
    if let Some(faq) = faq_for(article, question) {
        return Some(faq);
    }
    // ("wait how do i ...": the kind is in the first words, not only the first.)
    let kind = |q: &str| {
        let mut first = plain_words::lowercase_words(q);
        first.truncate(3);
        ["how", "where", "why"]
            .into_iter()
            .find(|w| first.iter().any(|f| f == w))
    };
    let near = kb.faq_by_meaning(&article.id, query?);
    let &(best, similarity) = near.first()?;
    let next = near.get(1).map_or(0.0, |n| n.1);
    let faq = article.faq.get(best)?;
    let same_kind = kind(question).is_none_or(|k| kind(&faq.question) == Some(k));
    (similarity >= FAQ_NEAR && similarity - next >= FAQ_MARGIN && same_kind).then_some(faq)
}

/// The FAQ entry of `article` that a consequence told in a statement is about ("disconnected
/// and reconnected, now i have duplicates": "Will reconnecting the account create
/// duplicates?"), when the two share two words or more (explorer rv45 F12: it was read as the
/// fix failing, and the next fix was shown).
/// The fix on screen, given as its title (`open`), is what the consequence followed: "its
/// pulling again but now theres a bunch of duplicates" at "Disconnect and reconnect the
/// account" is about "Will reconnecting the account create duplicates?" (explorer rv49 F13 got
/// only "Noted."); what followed must still share a word of the entry beyond that title.
pub(super) fn faq_of_a_consequence<'a>(
    article: &'a Article,
    text: &str,
    open: Option<&str>,
) -> Option<&'a crate::knowledge::Faq> {
    if !understand::tells_what_followed(text) {
        return None;
    }
    let faq = faq_for(article, text)?;
    let entry = Terms::of(&faq.question);
    let fix = Terms::of(open.unwrap_or_default());
    let mut said = Terms::of(&format!(
        "{}\n{}",
        text.to_lowercase(),
        open.unwrap_or_default()
    ));
    drop_title_codes(article, &mut said.codes);
    // What followed is what the entry is about ("it works in a private window, but now my bank
    // feed stopped" shares its words with "Why does it work in a private window?" before the
    // "now"). (By stems: "reconnected" is "reconnecting".)
    let followed = Terms::of(&understand::what_followed(text)).without(&fix);
    (said.shared_by_stem(&entry) >= 2 && followed.shared_by_stem(&entry) >= 1).then_some(faq)
}

/// What a fix left behind, answered from the FAQ entry about it; what was said goes to staff,
/// and the question on screen stays open (whether the fix did its job is not said yet).
pub(super) fn consequence_answered(
    session: &mut Session,
    article: &Article,
    faq: &crate::knowledge::Faq,
    text: &str,
    now: u64,
    out: &mut Output,
) {
    super::typed::note_follow_up(session, text);
    out.replies.push(faq_reply(faq, article));
    open_question(session, article, "", now, out)
}

/// A FAQ entry (of `faq.1`, the article it is from) answered on the side of the walk through
/// `article`; the question on screen stays open.
pub(super) fn faq_on_the_side(
    session: &mut Session,
    article: &Article,
    faq: (&crate::knowledge::Faq, &Article),
    text: &str,
    now: u64,
    out: &mut Output,
) {
    let (faq, from) = faq;
    session.note_answered(text, &faq.question);
    out.replies.push(faq_reply(faq, from));
    open_question(session, article, "", now, out)
}

/// A FAQ entry of `from` said on the side: its question in bold, then its answer.
pub(super) fn faq_reply(faq: &crate::knowledge::Faq, from: &Article) -> Reply {
    Reply::new(format!("**{}**\n{}", faq.question, faq.answer))
        .article(&from.id)
        .aside()
}
