//! A chunk: one short text of an article that is embedded on its own (see
//! `knowledge::chunks` for which texts an article gives).

/// Which part of the article a chunk comes from (shown in `diagnose --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChunkKind {
    Title,
    Symptom,
    Code,
    Summary,
    Faq,
    Solution,
    Example,
}

/// One text to embed, with the article it speaks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Index of the article in the knowledge base.
    pub doc: usize,
    pub kind: ChunkKind,
    pub text: String,
}
