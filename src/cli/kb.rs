//! `kb check`, `kb list` and `kb show ID`: the knowledge base as admins see it.

use super::{CliError, Context, Matching};
use crate::browser::Browser;
use crate::knowledge::StepsFor;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// `kb check`: validates without serving, then runs each article's `examples` through the
/// matcher (semantic too when the model is at hand). The problems are the command's output (on
/// stdout, for scripts): exit 0 when clean, 1 listing every problem.
pub fn check(ctx: &Context, json: bool) -> Result<ExitCode, CliError> {
    let mut out = std::io::stdout().lock();
    let dir = &ctx.config().knowledge_dir;
    let knowledge = match ctx.open_knowledge(Matching::Semantic)? {
        Ok(k) => k,
        Err(problems) => {
            // The examples are run through a knowledge base that loads: none here, so they
            // are not checked yet, which is said (fixing these is not all there may be).
            if json {
                writeln!(
                    out,
                    "{}",
                    json!({"ok": false, "problems": problems, "examples_checked": false})
                )?;
            } else {
                for p in &problems {
                    writeln!(out, "{p}\n")?;
                }
                // (The directory quoted: "in ." read as "in ..".)
                writeln!(
                    out,
                    "{} problem(s) in `{}`: fix each at its file:line, then run `kb check` again. \
                     The articles' `examples` are checked once these are fixed, and may find more.",
                    problems.len(),
                    dir.display()
                )?;
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
    // Where an example belongs is judged by the hybrid ranking only (see `check_examples`).
    let placed = if encoder.is_some() {
        ", none reading as another article"
    } else {
        "; where each belongs is checked with the sentence model only"
    };
    if json {
        writeln!(
            out,
            "{}",
            json!({"ok": problems.is_empty(), "articles": kb.articles().len(), "targets": kb.targets().len(),
                   "revision": kb.revision(), "examples": examples, "examples_checked": true, "matcher": mode,
                   "semantic": knowledge.semantic_status(), "problems": problems})
        )?;
    } else if problems.is_empty() {
        writeln!(
            out,
            "OK: {} articles, {} live-check target(s), {examples} example(s) each finding its \
             own article ({mode} matcher{placed}), revision {} ({}).",
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
            "{} problem(s) in `{}`: {} of {examples} example(s) do not find their own article \
             or read as another one ({mode} matcher).",
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

/// `kb list`: every article's id, title and number of solutions.
pub fn list(ctx: &Context, json: bool) -> Result<ExitCode, CliError> {
    let knowledge = ctx.knowledge(Matching::Lexical("not needed to list articles"))?;
    let kb = knowledge.current();
    let mut out = std::io::stdout().lock();
    if json {
        let list: Vec<_> = kb
            .articles()
            .iter()
            .map(|a| json!({"id": a.id, "title": a.title, "product": a.product, "solutions": a.solutions.len(), "browsers": a.browsers(), "checks": a.checks}))
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(list))?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = kb.articles().iter().map(|a| a.id.len()).max().unwrap_or(0);
    for a in kb.articles() {
        writeln!(
            out,
            "{:width$}  {}  ({} solution{})",
            a.id,
            a.title,
            a.solutions.len(),
            if a.solutions.len() == 1 { "" } else { "s" }
        )?;
    }
    writeln!(
        out,
        "{} articles, revision {}.",
        kb.articles().len(),
        kb.revision()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `kb show ID`: the article, or for one browser only its steps for that browser. An unknown id
/// fails (exit 1) with the closest ids.
pub fn show(
    ctx: &Context,
    id: &str,
    browser: Option<Browser>,
    json: bool,
) -> Result<ExitCode, CliError> {
    let knowledge = ctx.knowledge(Matching::Lexical("not needed to show an article"))?;
    let kb = knowledge.current();
    let Some(a) = kb.get(id) else {
        let suggestions = kb.suggest(id, 3);
        let mut text = format!("no article with id `{id}`.");
        if !suggestions.is_empty() {
            text.push_str(&format!(" Did you mean: {}?", suggestions.join(", ")));
        }
        text.push_str(" Run `supportbot kb list` to see all ids.");
        return Err(CliError::failed(text));
    };
    let mut out = std::io::stdout().lock();
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
