//! The chunk vectors of one knowledge base, and the per-article similarity of a query to them.
//!
//! Built once per knowledge base (start-up and each reload), from the embedding cache where it
//! can and the model for what changed. Scoring is plain dot products over one flat array.

use super::cache::{EmbeddingCache, text_key};
use super::runtime::QueryVectors;
use super::{Chunk, Embed, EmbedError, cosine};
use std::sync::Arc;

/// Chunks embedded per model call while building: large enough to batch well, small enough
/// for the progress bar to move.
const BUILD_BATCH: usize = 64;

/// How close a query came to one article.
#[derive(Debug, Clone, PartialEq)]
pub struct SemanticHit {
    /// Cosine similarity of the best (window, chunk) pair.
    pub similarity: f32,
    /// Which chunk it was, for explanations.
    pub chunk: usize,
}

/// The embedded chunks of a knowledge base.
#[derive(Debug)]
pub struct SemanticIndex {
    model: Arc<str>,
    dim: usize,
    chunks: Vec<Chunk>,
    /// `chunks.len() x dim`, row by row.
    vectors: Vec<f32>,
    /// How many chunk vectors came from the cache when this index was built.
    pub from_cache: usize,
}

impl SemanticIndex {
    /// Embeds `chunks` with `embed`, taking what `cache` already has and adding what it
    /// computes. `progress(done, total)` is called as chunks are embedded (not for cached ones).
    pub fn build(
        embed: &dyn Embed,
        chunks: Vec<Chunk>,
        mut cache: Option<&mut EmbeddingCache>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<SemanticIndex, EmbedError> {
        let dim = embed.dim();
        let mut vectors = vec![0.0f32; chunks.len() * dim];
        let mut missing: Vec<usize> = Vec::new();
        for (i, c) in chunks.iter().enumerate() {
            match cache.as_deref().and_then(|cache| cache.get(&c.text)) {
                Some(v) if v.len() == dim => vectors[i * dim..(i + 1) * dim].copy_from_slice(v),
                _ => missing.push(i),
            }
        }
        let from_cache = chunks.len() - missing.len();
        let total = missing.len();
        for (n, group) in missing.chunks(BUILD_BATCH).enumerate() {
            let texts: Vec<&str> = group.iter().map(|&i| chunks[i].text.as_str()).collect();
            let got = embed.embed(&texts)?;
            for (&i, v) in group.iter().zip(got) {
                if v.len() != dim {
                    return Err(EmbedError::Encode(format!(
                        "the model gave {} numbers for a chunk, {dim} expected",
                        v.len()
                    )));
                }
                vectors[i * dim..(i + 1) * dim].copy_from_slice(&v);
                if let Some(cache) = cache.as_deref_mut() {
                    cache.insert(&chunks[i].text, v);
                }
            }
            progress((n * BUILD_BATCH + group.len()).min(total), total);
        }
        if let Some(cache) = cache {
            let in_use: Vec<u64> = chunks.iter().map(|c| text_key(&c.text)).collect();
            cache.save(&in_use);
        }
        Ok(SemanticIndex {
            model: Arc::from(embed.model_name()),
            dim,
            chunks,
            vectors,
            from_cache,
        })
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    /// The embedding cache keys of the chunks' texts.
    pub fn keys(&self) -> Vec<u64> {
        self.chunks.iter().map(|c| text_key(&c.text)).collect()
    }

    pub fn len(&self) -> usize {
        self.chunks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    pub fn chunk(&self, i: usize) -> &Chunk {
        &self.chunks[i]
    }

    /// The best similarity of any of the query's windows to chunk `i` (None for a query of
    /// another model).
    pub fn similarity_to(&self, query: &QueryVectors, i: usize) -> Option<f32> {
        if *query.model != *self.model {
            return None;
        }
        let row = self.vectors.get(i * self.dim..(i + 1) * self.dim)?;
        query
            .vectors
            .iter()
            .filter(|q| q.len() == self.dim)
            .map(|q| cosine(q, row))
            .reduce(f32::max)
    }

    /// For each of `n_docs` articles, its best similarity to the query (None for an article
    /// without chunks, or when the query was embedded by another model).
    pub fn scores(&self, query: &QueryVectors, n_docs: usize) -> Vec<Option<SemanticHit>> {
        self.scores_without(query, n_docs, &|_| false)
    }

    /// [`scores`](Self::scores) with the chunks `skip` names left out.
    pub fn scores_without(
        &self,
        query: &QueryVectors,
        n_docs: usize,
        skip: &dyn Fn(usize) -> bool,
    ) -> Vec<Option<SemanticHit>> {
        let mut best: Vec<Option<SemanticHit>> = vec![None; n_docs];
        if *query.model != *self.model {
            return best;
        }
        for q in query.vectors.iter().filter(|q| q.len() == self.dim) {
            for (i, row) in self.vectors.chunks_exact(self.dim).enumerate() {
                if skip(i) {
                    continue;
                }
                let sim = cosine(q, row);
                let slot = &mut best[self.chunks[i].doc];
                if slot.as_ref().is_none_or(|h| sim > h.similarity) {
                    *slot = Some(SemanticHit {
                        similarity: sim,
                        chunk: i,
                    });
                }
            }
        }
        best
    }
}
