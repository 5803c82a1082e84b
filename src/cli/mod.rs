//! The one-shot commands (`diagnose`, `kb ...`, `tickets ...`, `stats`): their output.

pub mod context;
pub mod error;
pub mod model;
pub mod tickets;

pub use context::{Context, Matching};
pub use error::CliError;

use crate::browser::Browser;
use crate::knowledge::{Knowledge, KnowledgeBase, StepsFor};
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Loads the knowledge base for a command (with semantic matching as `semantic` allows),
/// printing problems to stderr when it is broken.
pub fn load_or_report(
    dir: &Path,
    semantic: crate::semantic::SemanticSetup,
) -> Result<std::sync::Arc<Knowledge>, ExitCode> {
    Knowledge::open_with(dir, semantic).map_err(|problems| {
        eprintln!(
            "The knowledge base in {} has {} problem(s):\n",
            dir.display(),
            problems.len()
        );
        for p in &problems {
            eprintln!("{p}\n");
        }
        eprintln!("Fix them and run `supportbot kb check` again.");
        ExitCode::from(1)
    })
}

/// The knowledge base's problems in one line: the first one without its hint, and how many more.
pub fn problems_in_one_line(problems: &[crate::knowledge::Diagnostic]) -> String {
    let Some(first) = problems.first() else {
        return "no detail given".into();
    };
    let first = if first.line > 0 {
        format!("{}:{}: {}", first.file, first.line, first.message)
    } else {
        format!("{}: {}", first.file, first.message)
    };
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    match problems.len() {
        1 => first,
        n => format!("{first}; and {} more problem(s)", n - 1),
    }
}

/// `kb check`: validates without serving, then runs each article's `examples` through the
/// matcher (semantic too when `semantic` has a model). Exit 0 when clean, 1 with every problem.
pub fn kb_check(
    dir: &Path,
    semantic: crate::semantic::SemanticSetup,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<ExitCode> {
    let knowledge = match Knowledge::open_with(dir, semantic) {
        Ok(k) => k,
        Err(problems) => {
            if json {
                writeln!(out, "{}", json!({"ok": false, "problems": problems}))?;
            } else {
                for p in &problems {
                    writeln!(out, "{p}\n")?;
                }
                writeln!(out, "{} problem(s) in {}.", problems.len(), dir.display())?;
            }
            return Ok(ExitCode::from(1));
        }
    };
    let kb = knowledge.current();
    let encoder = knowledge.encoder();
    let (problems, examples) =
        kb.check_examples(|text| encoder.and_then(|e| e.encode_blocking(text)));
    let mode = if encoder.is_some() {
        "hybrid"
    } else {
        "lexical"
    };
    if json {
        writeln!(
            out,
            "{}",
            json!({"ok": problems.is_empty(), "articles": kb.articles().len(), "targets": kb.targets().len(),
                   "revision": kb.revision(), "examples": examples, "matcher": mode,
                   "semantic": knowledge.semantic_status(), "problems": problems})
        )?;
    } else if problems.is_empty() {
        writeln!(
            out,
            "OK: {} articles, {} live-check target(s), {examples} example(s) each finding its \
             own article ({mode} matcher), revision {} ({}).",
            kb.articles().len(),
            kb.targets().len(),
            kb.revision(),
            dir.display()
        )?;
    } else {
        for p in &problems {
            writeln!(out, "{p}\n")?;
        }
        writeln!(
            out,
            "{} problem(s) in {}: {} of {examples} example(s) do not find their own article \
             ({mode} matcher).",
            problems.len(),
            dir.display(),
            problems.len(),
        )?;
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn kb_list(kb: &KnowledgeBase, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    if json {
        let list: Vec<_> = kb
            .articles()
            .iter()
            .map(|a| json!({"id": a.id, "title": a.title, "product": a.product, "solutions": a.solutions.len(), "browsers": a.browsers(), "checks": a.checks}))
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(list))?;
        return Ok(());
    }
    let width = kb.articles().iter().map(|a| a.id.len()).max().unwrap_or(0);
    for a in kb.articles() {
        writeln!(
            out,
            "{:width$}  {}  ({} solutions)",
            a.id,
            a.title,
            a.solutions.len()
        )?;
    }
    writeln!(
        out,
        "{} articles, revision {}.",
        kb.articles().len(),
        kb.revision()
    )?;
    Ok(())
}

/// `kb show ID`: the article, or for one browser only its steps for that browser.
pub fn kb_show(
    kb: &KnowledgeBase,
    id: &str,
    browser: Option<Browser>,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<ExitCode> {
    let Some(a) = kb.get(id) else {
        let suggestions = kb.suggest(id, 3);
        eprint!("No article with id `{id}`.");
        if !suggestions.is_empty() {
            eprint!(" Did you mean: {}?", suggestions.join(", "));
        }
        eprintln!(" Run `supportbot kb list` to see all ids.");
        return Ok(ExitCode::from(1));
    };
    if json {
        let mut v = serde_json::to_value(a).unwrap_or_default();
        if let Some(b) = browser {
            v["browser"] = json!(b);
            v["solutions"] = serde_json::Value::Array(
                a.solutions.iter().map(|s| json!({"title": s.title, "steps": crate::reply::steps_text(s, Some(b)), "for_browser": matches!(s.steps_for(Some(b)), StepsFor::Browser(_))})).collect(),
            );
        }
        writeln!(out, "{v}")?;
    } else {
        writeln!(out, "{}", crate::reply::article_markdown(a, browser))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `diagnose TEXT`: ranks articles; JSON or a readable answer. With `--json`, each match shows
/// its lexical and semantic parts, and `semantic` says whether the model took part.
pub fn diagnose(
    knowledge: &Knowledge,
    text: &str,
    browser: Option<Browser>,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let kb = knowledge.current();
    let browser = browser.or_else(|| Browser::detect(text));
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
            "best": ranking.best().map(entry),
            "confident": ranking.best().is_some(),
            "mode": if ranking.hybrid { "hybrid" } else { "lexical" },
            "thresholds": {"confident": ranking.confident, "possible": ranking.possible},
            "semantic": knowledge.semantic_status(),
            "matches": ranking.matches.iter().map(entry).collect::<Vec<_>>(),
            "revision": kb.revision(),
        });
        writeln!(out, "{v}")?;
        return Ok(());
    }
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
        None => {
            writeln!(
                out,
                "No confident match: I don't have an article for that. Ask a person on the support team (supportbot escalate)."
            )?;
        }
    }
    if ranking.matches.len() > usize::from(ranking.best().is_some()) {
        writeln!(out, "\nOther candidates:")?;
        for m in ranking
            .matches
            .iter()
            .skip(usize::from(ranking.best().is_some()))
        {
            let a = kb.article_at(m.doc);
            writeln!(out, "  {:.2}  {}  ({})", m.score, a.title, a.id)?;
        }
    }
    Ok(())
}
