//! The knowledge base: articles parsed from Markdown files, validated, indexed, hot-reloaded.

pub mod article;
pub mod body_lint;
pub mod chunks;
pub mod diagnostic;
pub mod endpoints;
pub mod last_good;
pub mod load;
pub mod watch;

pub use article::{Article, ArticleRef, BrowserSteps, Cause, Faq, Solution, StepsFor};
pub use diagnostic::{Diagnostic, Diagnostics};
pub use endpoints::Target;
pub use watch::{Knowledge, ModelIdentity};

use crate::matcher::hybrid::Fusion;
use crate::matcher::{Index, Ranking};
use crate::semantic::cache::EmbeddingCache;
use crate::semantic::{Embed, EmbedError, QueryVectors, SemanticIndex};
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
    /// The articles' chunks embedded, when a sentence model is in use.
    semantic: Option<SemanticIndex>,
}

impl KnowledgeBase {
    pub fn new(articles: Vec<Article>, revision: String) -> Self {
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let docs: Vec<_> = articles.iter().map(Article::document).collect();
        let index = Index::build(&docs);
        KnowledgeBase {
            articles,
            by_id,
            index,
            revision,
            targets: Vec::new(),
            semantic: None,
        }
    }

    /// Embeds the articles' chunks with `embed` (taking what `cache` has), so ranking can use
    /// semantic similarity. `progress(done, total)` reports chunks embedded anew.
    pub fn attach_semantic(
        &mut self,
        embed: &dyn Embed,
        cache: Option<&mut EmbeddingCache>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), EmbedError> {
        let chunks = chunks::all_chunks(&self.articles);
        self.semantic = Some(SemanticIndex::build(embed, chunks, cache, progress)?);
        Ok(())
    }

    /// The embedded chunks, when semantic matching is on for this base.
    pub fn semantic(&self) -> Option<&SemanticIndex> {
        self.semantic.as_ref()
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

    /// The target whose own address `typed` is (see [`endpoints::same_site`]): a typed URL that
    /// is a configured target is checked as that target, with its trusted settings. The target
    /// of that very page first; a bare host ("http://127.0.0.1:18080/") is the target of the
    /// host's root page, or its only target (of several on other pages, none: which one is
    /// meant is not known, so it is checked as typed).
    pub fn target_at(&self, typed: &str) -> Option<&Target> {
        use endpoints::SiteMatch;
        let matches: Vec<(&Target, SiteMatch)> = self
            .targets
            .iter()
            .filter_map(|t| endpoints::site_match(&t.url, typed).map(|m| (t, m)))
            .collect();
        let of = |wanted: SiteMatch| matches.iter().find(|(_, m)| *m == wanted).map(|(t, _)| *t);
        of(SiteMatch::Page)
            .or_else(|| of(SiteMatch::Host { root: true }))
            .or_else(|| match matches[..] {
                [(only, _)] => Some(only),
                _ => None,
            })
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

    /// `text` with the articles' letter codes written apart or short ("PS 077", "ps77") written
    /// as they list them ("PS077"), for the conversation to read a reply's codes as ranking does.
    pub fn spelt_as_listed<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        self.index.spelt_as_listed(text)
    }

    /// Ranks articles for a user's description, lexically.
    pub fn rank(&self, description: &str, limit: usize) -> Ranking {
        self.index.rank(description, limit)
    }

    /// Sets `ranking.held_back` for a lexical ranking of `description`: a long post whose first
    /// article is not likely enough, a short one that meets only its examples, and a how-to
    /// question that says nothing is wrong and names none of the first article's fixes.
    /// `words` is how long the post is taken to be (default: its [`words_read`]).
    ///
    /// [`words_read`]: crate::matcher::lexical_only::words_read
    pub fn hold_back_lexically(
        &self,
        ranking: &mut Ranking,
        description: &str,
        words: Option<usize>,
    ) {
        use crate::matcher::lexical_only::{
            hold_back, hold_back_plain_howto, hold_back_without_its_code, words_read,
        };
        let words = words.unwrap_or_else(|| words_read(description));
        hold_back(ranking, description, words);
        let asked = crate::matcher::text::tokens(description);
        hold_back_plain_howto(ranking, description, |doc| {
            self.article_at(doc).solutions.iter().any(|s| {
                let title = crate::matcher::text::tokens(&s.title);
                title.iter().filter(|t| asked.contains(t)).count() >= 2
            })
        });
        // ("QuickBooks Error 502: Bad Gateway": the error its title names is the article's
        // subject, and the description names none of it: no "bad gateway", unlike "qbo keeps
        // timing out" of "HTTP Error 504: Gateway Timeout". Not "Company File Won't Open
        // (H202, H505, ...)", a trouble first.)
        hold_back_without_its_code(ranking, description, |doc| {
            let article = self.article_at(doc);
            let titled_by_its_error = article.codes.iter().any(|code| {
                code.bytes().all(|b| b.is_ascii_digit())
                    && article.title.contains(&format!("Error {code}"))
            });
            // ("qbo wont load, bad connection": "bad" alone names no bad gateway.)
            const NAME_WORDS: &[&str] = &["quickbook", "http", "error", "bad"];
            let names_the_error = crate::matcher::text::tokens(&article.title)
                .iter()
                .filter(|t| !NAME_WORDS.contains(&t.as_str()))
                .any(|t| asked.contains(t));
            titled_by_its_error && !names_the_error
        });
    }

    /// Ranks with the query's sentence vectors too, when this base has chunk vectors of the
    /// same model; otherwise lexically (the thresholds in the ranking say which).
    pub fn rank_with(
        &self,
        description: &str,
        query: Option<&QueryVectors>,
        limit: usize,
    ) -> Ranking {
        self.rank_fused(description, query, limit, &Fusion::default())
    }

    /// [`rank_with`](Self::rank_with) with other fusion constants (the tuning tool's way in).
    pub fn rank_fused(
        &self,
        description: &str,
        query: Option<&QueryVectors>,
        limit: usize,
        fusion: &Fusion,
    ) -> Ranking {
        self.rank_parts(&self.index, description, query, limit, fusion, &|_| false)
    }

    /// Ranks with `index` for the lexical part and the semantic chunks `skip` does not leave
    /// out (the example check's way to rank as if an example were not in its article).
    fn rank_parts(
        &self,
        index: &Index,
        description: &str,
        query: Option<&QueryVectors>,
        limit: usize,
        fusion: &Fusion,
        skip: &dyn Fn(usize) -> bool,
    ) -> Ranking {
        let (Some(semantic), Some(query)) = (&self.semantic, query) else {
            return rank_lexically(self, index, description, limit);
        };
        // Nothing in words ("🙃🙃🙃", "???") or nothing but filler ("ok", "wait what"): the
        // model still gives it a vector, near some chunk or other, which must not be offered
        // as a match.
        if crate::understand::says_nothing(description) {
            return rank_lexically(self, index, description, limit);
        }
        if semantic.model() != &*query.model {
            return rank_lexically(self, index, description, limit);
        }
        let lexical = index.rank(description, self.articles.len());
        let hits = semantic.scores_without(query, self.articles.len(), skip);
        let similarity: Vec<Option<f32>> = hits
            .iter()
            .map(|h| h.as_ref().map(|h| h.similarity))
            .collect();
        fusion.rank(
            &lexical.matches,
            &similarity,
            description.split_whitespace().count(),
            limit,
            |doc| {
                let chunk = semantic.chunk(hits[doc].as_ref()?.chunk);
                let kind = serde_json::to_value(chunk.kind).ok()?;
                Some(format!("{}: {}", kind.as_str()?, chunk.text))
            },
        )
    }

    /// Runs every article's `examples` through the matcher (with `encode`'s vectors when it
    /// gives them) and reports, at its line, each example whose own article is not ranked
    /// first, and (with the sentence model) each that clearly names another article when it
    /// is left out (its words out of the lexical index, its vector out of the semantic one)
    /// while its own article is not even the runner-up. An example
    /// always finds the article that holds it, so only the second shows one pasted into the
    /// wrong article, which would take queries like it away from the right one. (Left out, an
    /// example may well rank its article lower: it is there to teach words the article lacks.)
    /// Returns the problems and how many examples were checked.
    pub fn check_examples(
        &self,
        encode: impl Fn(&str) -> Option<QueryVectors>,
    ) -> (Vec<Diagnostic>, usize) {
        let mut problems = Vec::new();
        let mut checked = 0;
        let docs: Vec<_> = self.articles.iter().map(Article::document).collect();
        for (doc, a) in self.articles.iter().enumerate() {
            for (k, e) in a.examples.iter().enumerate() {
                checked += 1;
                let query = encode(&e.text);
                let ranking = self.rank_with(&e.text, query.as_ref(), 3);
                let first = ranking.matches.first().map(|m| &self.articles[m.doc]);
                if first.is_none_or(|f| f.id != a.id) {
                    let got = match first {
                        Some(f) => format!("`{}` is ranked first", f.id),
                        None => "no article matches it at all".to_string(),
                    };
                    problems.push(
                        Diagnostic::new(
                            &a.file,
                            e.line,
                            format!("example \"{}\" does not find this article: {got}", e.text),
                        )
                        .hint(
                            "add the words users use to this article's symptoms or keywords, or \
                             move the example to the article it belongs to",
                        ),
                    );
                    continue;
                }
                // Lexically, long posts are often "confidently" some article (the reason for
                // the hybrid matcher), so only the hybrid ranking judges where one belongs.
                if !ranking.hybrid {
                    continue;
                }
                let mut without = docs.clone();
                without[doc].examples.remove(k);
                let index = Index::build(&without);
                let own_chunk = |i: usize| {
                    self.semantic.as_ref().is_some_and(|semantic| {
                        let chunk = semantic.chunk(i);
                        chunk.doc == doc
                            && chunk.kind == crate::semantic::ChunkKind::Example
                            && chunk.text == e.text
                    })
                };
                let left_out = self.rank_parts(
                    &index,
                    &e.text,
                    query.as_ref(),
                    self.articles.len(),
                    &Fusion::default(),
                    &own_chunk,
                );
                // Another article the words clearly name, with this one not even the runner-up
                // ("payroll wont update" pasted into the 500 article). A real example often
                // ranks its article second when left out: it is there to tip the balance.
                let own_place = left_out.matches.iter().position(|m| m.doc == doc);
                if let Some(other) = left_out
                    .named()
                    .map(|m| &self.articles[m.doc])
                    .filter(|other| other.id != a.id)
                    && own_place.is_none_or(|place| place >= 2)
                {
                    problems.push(
                        Diagnostic::new(
                            &a.file,
                            e.line,
                            format!(
                                "example \"{}\" reads as `{}` (without this example the matcher \
                                 picks that article), so here it takes queries like it away from \
                                 `{}`",
                                e.text, other.id, other.id
                            ),
                        )
                        .hint(format!(
                            "move the example to {} if it belongs there, or remove it",
                            other.file
                        )),
                    );
                }
            }
        }
        (problems, checked)
    }

    /// Article `id`'s FAQ entries by how near their questions are in meaning to the query,
    /// nearest first: (entry index, similarity). Empty without semantic matching.
    pub fn faq_by_meaning(&self, id: &str, query: &QueryVectors) -> Vec<(usize, f32)> {
        let (Some(semantic), Some(&doc)) = (&self.semantic, self.by_id.get(id)) else {
            return Vec::new();
        };
        let article = &self.articles[doc];
        let mut near: Vec<(usize, f32)> = (0..semantic.len())
            .filter(|&i| {
                let chunk = semantic.chunk(i);
                chunk.doc == doc && chunk.kind == crate::semantic::ChunkKind::Faq
            })
            .filter_map(|i| {
                let question = &semantic.chunk(i).text;
                let entry = article.faq.iter().position(|f| &f.question == question)?;
                Some((entry, semantic.similarity_to(query, i)?))
            })
            .collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1));
        near
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

/// A lexical ranking to answer a user from: a long post is answered outright only as
/// [`lexical_only`](crate::matcher::lexical_only) allows (the runner-up is always ranked,
/// since the decision weighs the first against it).
fn rank_lexically(kb: &KnowledgeBase, index: &Index, description: &str, limit: usize) -> Ranking {
    let mut ranking = index.rank(description, limit.max(2));
    kb.hold_back_lexically(&mut ranking, description, None);
    ranking.matches.truncate(limit);
    ranking
}
