//! The pieces of an article that are embedded: each says one thing a user might describe.
//!
//! An article is scored by its best chunks, so one precise symptom is not diluted by the rest
//! of a long article, and a user's words only need to be close to one of them.

use super::Article;
use crate::semantic::{Chunk, ChunkKind};

/// The summary's first paragraph says what the problem is; the rest explains causes at length
/// and would pull in unrelated words.
fn first_paragraph(markdown: &str) -> &str {
    markdown
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("")
}

/// Codes that say something in words ("Bad Gateway", "We couldn't connect to your bank");
/// a bare number tells a sentence model little and is matched exactly by the lexical side.
fn worded(code: &str) -> bool {
    code.chars().filter(|c| c.is_alphabetic()).count() >= 4
}

/// The chunks of one article, in a stable order.
pub fn article_chunks(doc: usize, a: &Article) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut push = |kind, text: &str| {
        let text = text.trim();
        if !text.is_empty() && !out.iter().any(|c: &Chunk| c.text == text) {
            out.push(Chunk {
                doc,
                kind,
                text: text.to_string(),
            });
        }
    };
    push(ChunkKind::Title, &a.title);
    for s in &a.symptoms {
        push(ChunkKind::Symptom, s);
    }
    for c in a.codes.iter().filter(|c| worded(c)) {
        push(ChunkKind::Code, c);
    }
    push(ChunkKind::Summary, first_paragraph(&a.summary));
    for f in &a.faq {
        push(ChunkKind::Faq, &f.question);
    }
    for s in &a.solutions {
        push(ChunkKind::Solution, &s.title);
    }
    for e in &a.examples {
        push(ChunkKind::Example, &e.text);
    }
    out
}

/// The chunks of every article, article by article.
pub fn all_chunks(articles: &[Article]) -> Vec<Chunk> {
    articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| article_chunks(i, a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::article::parse;

    #[test]
    fn chunks_cover_title_symptoms_worded_codes_summary_faq_solutions_and_examples() {
        let text = "+++\ntitle = \"Bad Gateway\"\ncodes = [\"502\", \"Bad Gateway\", \"HTTP 502\"]\n\
            symptoms = [\"QuickBooks does not open\", \"Payroll is blocked\"]\n\
            examples = [\"qbo keeps giving me 502 since this morning\"]\n+++\n\
            The server in the middle got a bad answer.\n\nMore detail here.\n\
            ## Solution: Wait and reload\n1. Wait.\n## FAQ\n### Is it my fault?\nUsually not.\n";
        let a = parse("a.md", "a", text).expect("valid article");
        let chunks = article_chunks(3, &a);
        let got: Vec<(ChunkKind, &str)> =
            chunks.iter().map(|c| (c.kind, c.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (ChunkKind::Title, "Bad Gateway"),
                (ChunkKind::Symptom, "QuickBooks does not open"),
                (ChunkKind::Symptom, "Payroll is blocked"),
                (ChunkKind::Code, "HTTP 502"),
                (
                    ChunkKind::Summary,
                    "The server in the middle got a bad answer."
                ),
                (ChunkKind::Faq, "Is it my fault?"),
                (ChunkKind::Solution, "Wait and reload"),
                (
                    ChunkKind::Example,
                    "qbo keeps giving me 502 since this morning"
                ),
            ],
            "a bare number or a repeated text adds nothing: \"Bad Gateway\" is already the title"
        );
        assert!(chunks.iter().all(|c| c.doc == 3));
    }
}
