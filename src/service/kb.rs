//! The knowledge verbs staff use from chat: reload, check, list, show, as replies.

use super::{Service, ServiceError};
use crate::knowledge::{Diagnostic, Knowledge};
use crate::reply::{Reply, Tone};
use std::sync::Arc;

/// What an admin asks of the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KbVerb {
    Reload,
    Check,
    List,
    Show { id: String },
}

impl Service {
    /// Runs a knowledge verb. Reload and check read the files (and embed what changed), which
    /// can take seconds: they run on a blocking thread.
    pub async fn kb(&self, verb: KbVerb) -> Result<Vec<Reply>, ServiceError> {
        let knowledge = Arc::clone(self.knowledge());
        Ok(tokio::task::spawn_blocking(move || kb_replies(&knowledge, verb)).await?)
    }
}

fn problem_reply(head: &str, problems: &[Diagnostic]) -> Reply {
    let text: Vec<String> = problems
        .iter()
        .map(|p| format!("```\n{}\n```", p.to_string().replace("```", "'''")))
        .collect();
    Reply::new(format!("{head}\n{}", text.join("\n"))).tone(Tone::Danger)
}

/// `/kb` for admins: reload, check, list, show. Reload and check read files (and embed what
/// changed), so the handler runs them on a blocking thread.
fn kb_replies(knowledge: &Knowledge, verb: KbVerb) -> Vec<Reply> {
    match verb {
        KbVerb::Reload => match knowledge.reload() {
            Ok(r) => {
                let mut text = format!(
                    "Reloaded: {} articles, revision {}{}.",
                    r.articles,
                    r.revision,
                    if r.changed { "" } else { " (no change)" }
                );
                if r.embedded_again {
                    text.push('\n');
                    text.push_str(&knowledge.matching_line());
                }
                vec![Reply::new(text).tone(Tone::Success)]
            }
            Err(problems) => vec![problem_reply(
                "Reload refused; the last good version stays in service.",
                &problems,
            )],
        },
        KbVerb::Check => match crate::knowledge::load::load_dir(knowledge.dir()) {
            Ok(kb) => vec![
                Reply::new(format!(
                    "The knowledge files are valid: {} articles, revision {}.\n{}",
                    kb.articles().len(),
                    kb.revision(),
                    knowledge.matching_line()
                ))
                .tone(Tone::Success),
            ],
            Err(problems) => vec![problem_reply(
                "The knowledge files have problems:",
                &problems,
            )],
        },
        KbVerb::List => {
            let kb = knowledge.current();
            let lines: Vec<String> = kb
                .articles()
                .iter()
                .map(|a| format!("`{}` — {}", a.id, a.title))
                .collect();
            let body = format!("{}\n\n{}", lines.join("\n"), knowledge.matching_line());
            vec![Reply::new(body).title(format!(
                "{} articles (revision {})",
                kb.articles().len(),
                kb.revision()
            ))]
        }
        KbVerb::Show { id } => {
            let kb = knowledge.current();
            match kb.get(&id) {
                Some(a) => vec![
                    Reply::new(crate::reply::article_markdown(a, None))
                        .title(a.title.clone())
                        .article(&a.id),
                ],
                None => vec![
                    Reply::new(format!(
                        "No article `{id}`. Did you mean: {}?",
                        kb.suggest(&id, 3).join(", ")
                    ))
                    .tone(Tone::Warning),
                ],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_that_embeds_again_says_how_descriptions_are_matched_now() {
        let (_dir, knowledge) = crate::knowledge::watch::tests::flaky_knowledge(1);
        let replies = kb_replies(&knowledge, KbVerb::Reload);
        let text = &replies[0].text;
        assert!(text.contains("(no change)"), "{text}");
        assert!(text.contains("Matching: semantic matching on"), "{text}");
        // Nothing to embed again: the reply is the one line.
        let replies = kb_replies(&knowledge, KbVerb::Reload);
        assert!(!replies[0].text.contains("Matching"), "{}", replies[0].text);
    }
}
