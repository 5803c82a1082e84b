//! Hybrid ranking: the lexical score and the semantic similarity of each article fused into one
//! confidence, with thresholds calibrated on the real-post dev split (see BENCHMARKS.md).
//!
//! Pure: takes the lexical matches and the per-article similarities, returns a [`Ranking`].
//! The lexical side knows error codes, product names and typos; the semantic side knows that
//! "the screen stays white" and "blank page after sign-in" say the same thing. Neither alone
//! tells a how-to question from a problem well; their weighted sum does better than either.

use super::{Match, Ranking};

/// The calibrated constants of the fusion: a logistic model of "this article is the right
/// answer" over six features of the article's lexical score and semantic similarity, fitted on
/// the dev split of tests/data/diagnose_real.toml (see BENCHMARKS.md; the latest fit is "A
/// fourth collection and a rule whose floor is the target").
/// `Fusion::default()` is what the bot uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fusion {
    pub intercept: f32,
    /// Weight of the article's lexical score (0..1).
    pub lexical: f32,
    /// Weight of its best cosine similarity to the query.
    pub semantic: f32,
    /// Weight of how far its similarity is above the best other article's (negative when
    /// another article is closer): a clear winner is more likely right than one of several.
    pub semantic_margin: f32,
    /// The same margin for the lexical score.
    pub lexical_margin: f32,
    /// Weight of the lexical evidence per log-word of the query: a long post collects lexical
    /// evidence for nearly every article by sheer length, a short precise one does not.
    pub lexical_density: f32,
    /// Weight of `ln(1 + words)`: long posts are less often about one known problem.
    pub length: f32,
    /// Fused confidence at or above this answers with the article.
    pub confident: f32,
    /// At or above this (below `confident`): "is it one of these?".
    pub possible: f32,
    /// At or above this the words clearly name the article (see `Ranking::clear`): the
    /// conversation's gates, calibrated where the old single threshold was (CV precision about
    /// 89% on dev), while answering outright waits for `confident`.
    pub clear: f32,
}

impl Default for Fusion {
    fn default() -> Self {
        Fusion {
            intercept: -0.99,
            lexical: -1.316,
            semantic: 4.437,
            semantic_margin: 7.909,
            lexical_margin: 2.694,
            lexical_density: 3.107,
            length: -0.954,
            confident: 0.99,
            possible: 0.2,
            clear: 0.65,
        }
    }
}

/// Lexical evidence (undoing the lexical score's `1 - exp(-evidence)`) per log of the query's
/// length in words.
pub(super) fn lexical_density(lexical: f32, words: usize) -> f32 {
    let evidence = -(1.0 - lexical.min(0.999)).ln();
    evidence / (3.0 + words as f32).ln()
}

pub(super) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The best and second-best values of `xs` with the index of the best: what every article's
/// margin ("how far above the best *other* article") needs, found in one pass.
fn top_two(xs: &[f32]) -> (usize, f32, f32) {
    let (mut at, mut first, mut second) = (usize::MAX, 0.0f32, f32::NEG_INFINITY);
    for (i, &x) in xs.iter().enumerate() {
        if at == usize::MAX || x > first {
            if at != usize::MAX {
                second = second.max(first);
            }
            (at, first) = (i, x);
        } else if x > second {
            second = x;
        }
    }
    (at, first, if second.is_finite() { second } else { 0.0 })
}

/// The largest value other than at `doc`, from [`top_two`] (0 when there is none).
fn best_other((at, first, second): (usize, f32, f32), doc: usize) -> f32 {
    if doc == at { second } else { first }
}

impl Fusion {
    /// Ranks by fused confidence. `lexical` holds the lexical matches (any order, any number);
    /// `semantic[doc]` each article's best similarity; `words` is the length of the query in
    /// words; `evidence(doc)` explains an article's similarity (asked only for the matches
    /// kept).
    pub fn rank(
        &self,
        lexical: &[Match],
        semantic: &[Option<f32>],
        words: usize,
        limit: usize,
        evidence: impl Fn(usize) -> Option<String>,
    ) -> Ranking {
        let n = semantic.len();
        let mut lex = vec![0.0f32; n];
        let mut matched: Vec<Option<&Match>> = vec![None; n];
        for m in lexical.iter().filter(|m| m.doc < n) {
            lex[m.doc] = m.score as f32;
            matched[m.doc] = Some(m);
        }
        let sem: Vec<f32> = semantic.iter().map(|s| s.unwrap_or(0.0)).collect();
        let (lex_top, sem_top) = (top_two(&lex), top_two(&sem));
        let mut scored: Vec<(usize, f32)> = (0..n)
            .filter(|&doc| lex[doc] > 0.0 || semantic[doc].is_some())
            .map(|doc| {
                let x = self.intercept
                    + self.lexical * lex[doc]
                    + self.semantic * sem[doc]
                    + self.semantic_margin * (sem[doc] - best_other(sem_top, doc))
                    + self.lexical_margin * (lex[doc] - best_other(lex_top, doc))
                    + self.lexical_density * lexical_density(lex[doc], words)
                    + self.length * (1.0 + words as f32).ln();
                (doc, sigmoid(x))
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(limit);
        let matches = scored
            .into_iter()
            .map(|(doc, p)| Match {
                doc,
                score: round3(p),
                matched: matched[doc].map(|m| m.matched.clone()).unwrap_or_default(),
                lexical: round3(lex[doc]),
                semantic: semantic[doc].map(round3),
                semantic_evidence: semantic[doc].and_then(|_| evidence(doc)),
                code: matched[doc].is_some_and(|m| m.code),
                own_words: matched[doc].is_some_and(|m| m.own_words),
            })
            .collect();
        Ranking {
            matches,
            confident: round3(self.confident),
            possible: round3(self.possible),
            clear: round3(self.clear),
            hybrid: true,
            held_back: None,
        }
    }
}

/// Scores are shown with three decimals (and `0.55f32` is not `0.55` as an f64).
pub(crate) fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(doc: usize, score: f64) -> Match {
        Match {
            doc,
            score,
            matched: vec!["word".into()],
            lexical: score,
            semantic: None,
            semantic_evidence: None,
            code: false,
            own_words: true,
        }
    }

    fn sem(xs: &[f32]) -> Vec<Option<f32>> {
        xs.iter().map(|&x| Some(x)).collect()
    }

    fn chunk(doc: usize) -> Option<String> {
        Some(format!("chunk of {doc}"))
    }

    #[test]
    fn top_two_finds_the_best_and_the_runner_up() {
        assert_eq!(top_two(&[3.0, 1.0, 2.0]), (0, 3.0, 2.0));
        assert_eq!(top_two(&[1.0, 3.0, 2.0]), (1, 3.0, 2.0));
        assert_eq!(top_two(&[-1.0, -2.0]), (0, -1.0, -2.0));
        assert_eq!(top_two(&[0.5]), (0, 0.5, 0.0));
        let t = top_two(&[0.2, 0.9, 0.4]);
        assert_eq!(best_other(t, 1), 0.4);
        assert_eq!(best_other(t, 0), 0.9);
    }

    #[test]
    fn lexical_density_falls_with_the_length_of_the_query() {
        let short = lexical_density(0.9, 5);
        let long = lexical_density(0.9, 300);
        assert!(short > 2.0 * long, "{short} vs {long}");
        assert!(
            lexical_density(1.0, 5).is_finite(),
            "a saturated score stays finite"
        );
        assert_eq!(lexical_density(0.0, 5), 0.0);
    }

    #[test]
    fn the_semantic_side_can_lift_an_article_the_words_missed() {
        // Doc 0 shares a word with the query; doc 1 shares none but means the same thing,
        // clearly (a confident answer needs a clear winner since the threshold is 0.99).
        let r = Fusion::default().rank(&[lex(0, 0.3)], &sem(&[0.1, 0.9, 0.1]), 8, 5, chunk);
        assert_eq!(r.matches[0].doc, 1);
        assert_eq!(r.matches[0].lexical, 0.0);
        assert_eq!(r.matches[0].semantic, Some(0.9));
        assert_eq!(
            r.matches[0].semantic_evidence.as_deref(),
            Some("chunk of 1")
        );
        assert!(r.best().is_some(), "{:?}", r.matches[0]);
        assert!(r.hybrid);
    }

    #[test]
    fn agreement_of_both_sides_is_confident_and_weak_evidence_is_not() {
        let f = Fusion::default();
        let r = f.rank(
            &[lex(2, 0.9), lex(0, 0.2)],
            &sem(&[0.3, 0.25, 0.7]),
            10,
            5,
            chunk,
        );
        assert_eq!(r.best().map(|m| m.doc), Some(2));
        // Close similarities everywhere and a long post's lexical evidence: not sure.
        let r = f.rank(
            &[lex(0, 0.8), lex(1, 0.78)],
            &sem(&[0.42, 0.41, 0.4]),
            250,
            5,
            chunk,
        );
        assert!(r.best().is_none(), "{:?}", r.matches);
    }

    #[test]
    fn scores_are_probabilities_in_order_and_only_kept_matches_are_explained() {
        let asked = std::cell::Cell::new(0);
        let r = Fusion::default().rank(&[lex(1, 0.5)], &sem(&[0.2, 0.5, 0.6, 0.1]), 12, 3, |d| {
            asked.set(asked.get() + 1);
            chunk(d)
        });
        assert_eq!(r.matches.len(), 3);
        assert!(r.matches.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(r.matches.iter().all(|m| (0.0..=1.0).contains(&m.score)));
        assert_eq!(
            asked.get(),
            3,
            "explanations are built for the 3 kept, not all 4"
        );
    }
}
