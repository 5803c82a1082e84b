//! The knowledge base: articles parsed from Markdown files, validated, indexed, hot-reloaded.

pub mod article;
pub mod diagnostic;
pub mod endpoints;
pub mod load;
pub mod watch;

pub use article::{Article, BrowserSteps, Cause, Faq, Solution, StepsFor};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use endpoints::Target;
pub use watch::Knowledge;

use crate::matcher::{Index, Ranking};
use std::collections::HashMap;

/// An immutable, validated knowledge base with its search index. Swapped whole on reload.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    articles: Vec<Article>,
    by_id: HashMap<String, usize>,
    index: Index,
    revision: String,
    /// Live-check targets from `endpoints.toml`, in file order.
    targets: Vec<Target>,
}

impl KnowledgeBase {
    pub fn new(articles: Vec<Article>, revision: String) -> Self {
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let index = Index::build(&articles);
        KnowledgeBase {
            articles,
            by_id,
            index,
            revision,
            targets: Vec::new(),
        }
    }

    /// The same base with these live-check targets (from `endpoints.toml`).
    pub fn with_targets(mut self, targets: Vec<Target>) -> Self {
        self.targets = targets;
        self
    }

    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    pub fn target(&self, name: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.name == name)
    }

    /// Target names close to `name` (typos), closest first.
    pub fn suggest_targets(&self, name: &str, limit: usize) -> Vec<&str> {
        let name = name.trim().to_lowercase();
        let mut scored: Vec<(usize, &str)> = self
            .targets
            .iter()
            .map(|t| (strsim::damerau_levenshtein(&t.name, &name), t.name.as_str()))
            .filter(|(d, n)| *d <= 3.max(n.len() / 3) || n.contains(&name) || name.contains(n))
            .collect();
        scored.sort();
        scored.into_iter().take(limit).map(|(_, n)| n).collect()
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.by_id.get(id).map(|&i| &self.articles[i])
    }

    /// A short content hash: changes whenever any knowledge file changes.
    pub fn revision(&self) -> &str {
        &self.revision
    }

    /// Ranks articles for a user's description.
    pub fn rank(&self, description: &str, limit: usize) -> Ranking {
        self.index.rank(description, limit)
    }

    pub fn article_at(&self, doc: usize) -> &Article {
        &self.articles[doc]
    }

    /// Ids of articles whose id or title looks like `name` (typo-tolerant), best first.
    pub fn suggest(&self, name: &str, limit: usize) -> Vec<&str> {
        self.index
            .lookup_names(name, limit)
            .into_iter()
            .map(|i| self.articles[i].id.as_str())
            .collect()
    }
}
