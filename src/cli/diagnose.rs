//! `diagnose TEXT`: the articles the matcher ranks for a plain-language description.

use super::{CliError, Context, Matching};
use crate::browser::Browser;
use crate::matcher::lexical_only::HeldBack;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// How many close-but-unsure articles a conversation offers at "Is it one of these?".
const CANDIDATES_OFFERED: usize = crate::conversation::CANDIDATES;

/// `diagnose TEXT`: ranks articles; JSON or a readable answer. With `--json`, each match shows
/// its lexical and semantic parts, and `semantic` says whether the model took part.
pub fn run(
    ctx: &Context,
    text: &str,
    browser: Option<Browser>,
    json: bool,
) -> Result<ExitCode, CliError> {
    if text.trim().is_empty() {
        return Err(CliError::usage(
            "the text is empty: describe the problem in the user's words, e.g. supportbot diagnose \"502 bad gateway in chrome\".",
        ));
    }
    let knowledge = ctx.knowledge(Matching::Semantic)?;
    let mut out = std::io::stdout().lock();
    let kb = knowledge.current();
    // "Safari" alone could be a Mac or an iPhone, whose steps differ: not guessed, asked for.
    let bare_safari = browser.is_none() && Browser::is_bare_safari(text);
    let browser = browser.or_else(|| Browser::detect(text).filter(|_| !bare_safari));
    let query = knowledge.encoder().and_then(|e| e.encode_blocking(text));
    let ranking = kb.rank_with(text, query.as_ref(), 5);
    let entry = |m: &crate::matcher::Match| {
        let a = kb.article_at(m.doc);
        json!({
            "id": a.id,
            "title": a.title,
            "score": m.score,
            "lexical": m.lexical,
            "semantic": m.semantic,
            "semantic_evidence": m.semantic_evidence,
            "matched": m.matched,
        })
    };
    if json {
        let v = json!({
            "query": text,
            "browser": browser,
            "browser_choices": if bare_safari { json!(["safari-mac", "safari-ios"]) } else { json!(null) },
            "best": ranking.best().map(entry),
            "confident": ranking.best().is_some(),
            "mode": if ranking.hybrid { "hybrid" } else { "lexical" },
            "thresholds": {"confident": ranking.confident, "possible": ranking.possible, "clear": ranking.clear},
            "held_back": ranking.held_back,
            "semantic": knowledge.semantic_status(),
            "candidates": ranking.candidates(CANDIDATES_OFFERED).iter().map(|m| &kb.article_at(m.doc).id).collect::<Vec<_>>(),
            "matches": ranking.matches.iter().map(entry).collect::<Vec<_>>(),
            "revision": kb.revision(),
            // The files broken: answered from the last version that loaded.
            "knowledge": match ctx.served_from_last_good() {
                Some(problems) => json!({"source": "last good copy", "problems": problems}),
                None => json!({"source": "files", "problems": 0}),
            },
        });
        writeln!(out, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    let candidates = ranking.candidates(CANDIDATES_OFFERED);
    match ranking.best() {
        Some(m) => {
            let a = kb.article_at(m.doc);
            writeln!(
                out,
                "Best match: {} ({}), score {:.2}",
                a.title, a.id, m.score
            )?;
            if let Some(b) = browser {
                writeln!(out, "Browser: {}", b.label())?;
            } else if bare_safari {
                writeln!(
                    out,
                    "Browser: Safari, on a Mac or an iPhone/iPad? Their steps differ: add --browser safari-mac or --browser safari-ios."
                )?;
            }
            writeln!(out, "\n{}\n", a.summary)?;
            writeln!(
                out,
                "See the fixes: supportbot kb show {}{}",
                a.id,
                browser
                    .map(|b| format!(" --browser {}", b.id()))
                    .unwrap_or_default()
            )?;
        }
        // Close but unsure: what a conversation offers as "Is it one of these?", not "I don't
        // have an article".
        None if !candidates.is_empty() => {
            match ranking.held_back {
                Some(HeldBack::LongPost { probability, needs }) => writeln!(
                    out,
                    "Not answered outright: without the sentence model, a post this long is answered only when its first article is likely right, and this one is {:.0}% likely (needs {:.0}%).",
                    probability * 100.0,
                    needs * 100.0
                )?,
                Some(HeldBack::PlainHowTo) => writeln!(
                    out,
                    "Not answered outright: it asks how to do something and says nothing is wrong, which a troubleshooting article answers only when it is its problem."
                )?,
                Some(HeldBack::NoCodeQuoted) => writeln!(
                    out,
                    "Not answered outright: the first article is about an error code the description does not give, and another article fits its words nearly as well."
                )?,
                Some(HeldBack::OnlyExamples) | None => {}
            }
            writeln!(out, "Not sure which article fits; these come closest:")?;
            for m in &candidates {
                let a = kb.article_at(m.doc);
                writeln!(out, "  {:.2}  {}  ({})", m.score, a.title, a.id)?;
            }
        }
        None => {
            writeln!(
                out,
                "No confident match: I don't have an article for that. Ask a person on the support team (supportbot escalate)."
            )?;
        }
    }
    let shown = usize::from(ranking.best().is_some()) + candidates.len();
    if ranking.matches.len() > shown {
        writeln!(out, "\nOther candidates:")?;
        for m in ranking.matches.iter().skip(shown) {
            let a = kb.article_at(m.doc);
            writeln!(out, "  {:.2}  {}  ({})", m.score, a.title, a.id)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
