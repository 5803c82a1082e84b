//! Description -> ranked article ids with calibrated scores; pure, no I/O.
//!
//! Each article is indexed by weighted fields (codes, title, symptoms, keywords, body). A query is
//! normalised into stems (see [`text`]); each query term matches vocabulary terms exactly or within
//! a small edit distance (a SymSpell-style deletion index, verified with Damerau-Levenshtein), and
//! adjacent terms also match as bigrams ("bad gateway" is stronger evidence than "bad" and
//! "gateway"). Evidence is `similarity x idf x field weight`, summed, then mapped to 0..1 with
//! `1 - exp(-evidence / SCALE)`, so a score means the same on a 10- or a 10,000-article base.

pub mod code_spelling;
pub mod hybrid;
pub mod lexical_only;
pub mod text;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;
use std::hash::Hasher;

/// Field weights: how strongly a term in each field speaks for the article.
const W_CODES: f32 = 1.0;
/// An error code the user quotes that an article lists in `codes` is near-decisive evidence.
const W_CODE_EXACT: f32 = 2.0;
/// Without a quoted code, a confident match needs this many distinct informative terms.
const MIN_TERMS: usize = 2;
/// Terms with at least this idf count as informative.
const INFORMATIVE_IDF: f32 = 0.25;
/// Score multiplier for a how-to question that describes nothing going wrong: troubleshooting
/// articles rarely answer "how do I ..." even when they share its words.
const HOWTO_FACTOR: f32 = 0.75;
/// Score multiplier for matches that rest on a single term.
const SINGLE_TERM_FACTOR: f32 = 0.7;
const W_TITLE: f32 = 1.0;
const W_SYMPTOMS: f32 = 0.8;
const W_KEYWORDS: f32 = 0.6;
/// Examples are whole user posts: their words speak for the article less than a symptom's.
const W_EXAMPLES: f32 = 0.5;
const W_BODY: f32 = 0.25;
/// Bigram evidence relative to unigram evidence.
const BIGRAM_FACTOR: f32 = 1.0;
/// Evidence that maps to a score of 1 - 1/e (0.63).
const SCALE: f32 = 1.0;
/// Scores at or above this are a confident match.
pub const CONFIDENT: f32 = 0.55;
/// Scores at or above this (but below `CONFIDENT`) are offered as "did you mean" choices.
pub const POSSIBLE: f32 = 0.3;
/// Terms rarer than this idf share are ignored (they appear in nearly every article).
const MIN_IDF: f32 = 0.02;

type TermId = u32;

/// Hash maps with rustc's fast non-cryptographic hasher (FxHash). Keys come from the admins'
/// articles; user text only looks terms up, so flooding the table with collisions is not
/// something a user can do.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub(crate) type FastSet<K> = rustc_hash::FxHashSet<K>;

/// What the matcher indexes of one article: its words, by the field they come from. The
/// knowledge base builds these from its articles, so the matcher knows nothing of Markdown.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// "id title", for name lookups ([`Index::lookup_names`]).
    pub name: String,
    pub title: &'a str,
    /// Error codes as written ("502", "Bad Gateway").
    pub codes: Vec<&'a str>,
    pub symptoms: Vec<&'a str>,
    pub keywords: Vec<&'a str>,
    /// Summary, cause names, solution titles and FAQ questions, one per line.
    pub body: String,
    /// Users' own words (indexed, but neither typo targets nor counted for rarity).
    pub examples: Vec<&'a str>,
}

/// The search index over one knowledge base.
#[derive(Debug, Default)]
pub struct Index {
    n_docs: usize,
    /// Words (unigram terms) by text.
    terms: FastMap<String, TermId>,
    /// Bigram terms by their two words. Keyed by ids, not text: a large base has millions of
    /// bigrams, and pairs of ids hash and compare far faster than strings.
    bigrams: FastMap<(TermId, TermId), TermId>,
    /// Term text by id; empty for a bigram.
    vocab: Vec<String>,
    /// Postings of term `t`: `post[post_start[t]..post_start[t + 1]]`, as (doc, field weight)
    /// sorted by doc. One flat array rather than a vector per term.
    post_start: Vec<u32>,
    post: Vec<(u32, f32)>,
    /// Per term: idf normalised to 0..1.
    idf: Vec<f32>,
    /// (hash of a deletion, unigram term), sorted: the typo index (see [`deletion_hashes`]).
    deletes: Vec<(u32, TermId)>,
    /// "id title" per doc, for name lookups.
    names: Vec<String>,
    /// The codes of letters and digits the articles list, to read "PS 077" and "ps77" as one.
    letter_codes: code_spelling::LetterCodes,
}

/// One ranked article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Index of the article in the knowledge base.
    #[serde(skip)]
    pub doc: usize,
    /// The confidence the answer rests on: the lexical score, or the fused one (see
    /// [`hybrid`]) when the query was also embedded.
    pub score: f64,
    /// The query terms that matched this article, for explanations.
    pub matched: Vec<String>,
    /// The lexical part (0..1).
    pub lexical: f64,
    /// The semantic part: the best cosine similarity of the query to one of the article's
    /// chunks; `None` when ranking was lexical only.
    pub semantic: Option<f64>,
    /// Which chunk that was ("symptom: Blank white page after sign-in").
    pub semantic_evidence: Option<String>,
    /// Whether an error code the user quoted is one this article lists (near-decisive
    /// evidence, see `W_CODE_EXACT`).
    #[serde(skip)]
    pub code: bool,
    /// Whether some word matched is one the article states itself (its title, codes, symptoms
    /// or keywords), not only in its examples or body.
    #[serde(skip)]
    pub own_words: bool,
}

/// The outcome of ranking a description.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Best first; at most `limit` entries, all with a score above zero.
    pub matches: Vec<Match>,
    /// The thresholds that go with how the scores were made.
    pub confident: f64,
    pub possible: f64,
    /// At or above this the words clearly name the article, for the conversation's gates (a
    /// different problem mid-walk, the same problem back, "is it down?" with nothing named);
    /// answering outright needs `confident`, which may be higher.
    pub clear: f64,
    /// Whether semantic similarity took part (false: lexical only).
    pub hybrid: bool,
    /// Lexical only: why the first match is not answered with outright though its score
    /// reaches `confident` (a long post; see [`lexical_only`]). It is still
    /// offered among the candidates.
    pub held_back: Option<lexical_only::HeldBack>,
}

impl Ranking {
    /// A lexical-only ranking with the lexical thresholds.
    pub fn lexical(matches: Vec<Match>) -> Ranking {
        Ranking {
            matches,
            confident: hybrid::round3(CONFIDENT),
            possible: hybrid::round3(POSSIBLE),
            clear: hybrid::round3(CONFIDENT),
            hybrid: false,
            held_back: None,
        }
    }

    /// The best match when it is confident enough to answer with.
    pub fn best(&self) -> Option<&Match> {
        if self.held_back.is_some() {
            return None;
        }
        self.matches.first().filter(|m| m.score >= self.confident)
    }

    /// The best match when the words clearly name it (see [`Ranking::clear`]): enough to ask
    /// "keep going or switch?", or to tell a description from a question about the service,
    /// not always enough to answer with (a long post held back may still name one: see
    /// [`lexical_only`]).
    pub fn named(&self) -> Option<&Match> {
        let bar = self.clear.min(self.confident);
        self.matches.first().filter(|m| m.score >= bar)
    }

    /// Close-but-unsure candidates to offer as choices (empty when `best` is confident).
    pub fn candidates(&self, max: usize) -> Vec<&Match> {
        if self.best().is_some() {
            return Vec::new();
        }
        self.matches
            .iter()
            .filter(|m| m.score >= self.possible)
            .take(max)
            .collect()
    }
}

/// The longest word corrected for typos, and the longest term indexed for it: no word or code
/// a user means is longer, and the deletions of a longer one cost its length cubed (a pasted
/// 2,000-letter token took minutes to rank). Longer words still match exactly.
const LONGEST_CORRECTED: usize = 32;

fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    }
}

/// A 32-bit hash of `chars` leaving out the positions in `skip`.
fn hash_without(chars: &[char], skip: [usize; 2]) -> u32 {
    let mut h = rustc_hash::FxHasher::default();
    for (i, &c) in chars.iter().enumerate() {
        if i != skip[0] && i != skip[1] {
            h.write_u32(u32::from(c));
        }
    }
    h.write_u8(0xff);
    (h.finish() >> 32) as u32
}

/// Hashes of the deletion neighbourhood of a word: every string obtained by deleting 1 to `d`
/// (at most 2) characters, in breadth-first order (one deletion at each position in turn, then
/// a second deletion from each of those), repeats included. With `whole`, the word itself
/// comes first.
///
/// The typo index stores these hashes rather than the strings: an index of tens of thousands of
/// words has millions of deletions, and as hashes they are one flat sorted array instead of
/// a map of small strings. A collision only adds a candidate, which is verified anyway.
fn deletion_hashes(chars: &[char], d: usize, whole: bool, out: &mut Vec<u32>) {
    const NONE: usize = usize::MAX;
    let n = chars.len();
    if whole {
        out.push(hash_without(chars, [NONE, NONE]));
    }
    if d >= 1 {
        for i in 0..n {
            out.push(hash_without(chars, [i, NONE]));
        }
    }
    if d >= 2 {
        for i in 0..n {
            // Position k of the word with `i` deleted is position k or k + 1 of the word.
            for k in 0..n.saturating_sub(1) {
                let j = if k < i { k } else { k + 1 };
                out.push(hash_without(chars, [i.min(j), i.max(j)]));
            }
        }
    }
}

impl Index {
    pub fn build(docs: &[Document]) -> Index {
        let mut index = Index {
            n_docs: docs.len(),
            letter_codes: code_spelling::LetterCodes::new(
                docs.iter().flat_map(|d| d.codes.iter().copied()),
            ),
            ..Index::default()
        };
        let mut tokenizer = text::Tokenizer::default();
        // Tokenizer word id -> its term, filled as words are met.
        let mut word_terms: Vec<Option<TermId>> = Vec::new();
        // Per article: (term, strongest field weight), sorted by term.
        let mut doc_terms: Vec<Vec<(TermId, f32)>> = Vec::with_capacity(docs.len());
        // Terms the admins wrote (all fields but `examples`). Only these are typo targets:
        // examples are users' own words, typos included, and a query's misspelling should be
        // corrected towards the article's vocabulary, not towards another user's misspelling.
        let mut written: Vec<bool> = Vec::new();
        // Per term: how many articles have it in a field the admins wrote. Rarity (idf) is
        // counted from these: the words of users' examples ("help", "today", "works") would
        // otherwise make the article vocabulary look common and weaken every match.
        let mut written_df: Vec<u32> = Vec::new();
        let mut seen: Vec<TermId> = Vec::new();
        for a in docs {
            let mut weights: Vec<(TermId, f32)> = Vec::new();
            let mut field = |index: &mut Index, weights: &mut Vec<(TermId, f32)>, t: &str, w| {
                index.add_field(&mut tokenizer, &mut word_terms, weights, t, w)
            };
            for &c in &a.codes {
                field(&mut index, &mut weights, c, W_CODES);
                for t in text::tokens(c).iter().filter(|t| text::is_code(t)) {
                    let id = index.intern(t);
                    weights.push((id, W_CODE_EXACT));
                }
            }
            field(&mut index, &mut weights, a.title, W_TITLE);
            for &s in &a.symptoms {
                field(&mut index, &mut weights, s, W_SYMPTOMS);
            }
            for &k in &a.keywords {
                field(&mut index, &mut weights, k, W_KEYWORDS);
            }
            field(&mut index, &mut weights, &a.body, W_BODY);
            written.resize(index.vocab.len(), false);
            written_df.resize(index.vocab.len(), 0);
            seen.clear();
            seen.extend(weights.iter().map(|&(id, _)| id));
            seen.sort_unstable();
            seen.dedup();
            for &id in &seen {
                written[id as usize] = true;
                written_df[id as usize] += 1;
            }
            for &e in &a.examples {
                field(&mut index, &mut weights, e, W_EXAMPLES);
            }
            // Keep each term once, with its strongest field weight.
            weights.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            weights.dedup_by_key(|(id, _)| *id);
            doc_terms.push(weights);
            index.names.push(a.name.clone());
        }
        // Postings by counting sort: count per term, then fill in doc order.
        let n_terms = index.vocab.len();
        let mut start = vec![0u32; n_terms + 1];
        for weights in &doc_terms {
            for &(term, _) in weights {
                start[term as usize + 1] += 1;
            }
        }
        for t in 0..n_terms {
            start[t + 1] += start[t];
        }
        let mut fill = start.clone();
        index.post = vec![(0, 0.0); start[n_terms] as usize];
        for (doc, weights) in doc_terms.into_iter().enumerate() {
            for (term, w) in weights {
                let slot = &mut fill[term as usize];
                index.post[*slot as usize] = (doc as u32, w);
                *slot += 1;
            }
        }
        index.post_start = start;
        let n = index.n_docs.max(1) as f32;
        let norm = (n + 1.0).ln();
        index.idf = (0..n_terms as TermId)
            .map(|t| {
                let df = match written_df.get(t as usize) {
                    Some(&n) if n > 0 => n as usize,
                    _ => index.postings(t).len(),
                };
                if norm <= 0.0 {
                    1.0
                } else {
                    ((n + 1.0) / df as f32).ln() / norm
                }
            })
            .collect();
        let (mut chars, mut hashes) = (Vec::new(), Vec::new());
        for (id, term) in index.vocab.iter().enumerate() {
            if term.is_empty() || text::is_code(term) || !written.get(id).copied().unwrap_or(false)
            {
                continue;
            }
            chars.clear();
            chars.extend(term.chars());
            if chars.len() > LONGEST_CORRECTED {
                continue;
            }
            hashes.clear();
            deletion_hashes(&chars, max_distance(chars.len()), false, &mut hashes);
            hashes.sort_unstable();
            hashes.dedup();
            index
                .deletes
                .extend(hashes.iter().map(|&h| (h, id as TermId)));
        }
        index.deletes.sort_unstable();
        index
    }

    /// Records the terms and bigrams of one field with its weight.
    fn add_field(
        &mut self,
        tokenizer: &mut text::Tokenizer,
        word_terms: &mut Vec<Option<TermId>>,
        weights: &mut Vec<(TermId, f32)>,
        text: &str,
        w: f32,
    ) {
        let toks = tokenizer.tokens_with_ids(text);
        let mut ids = Vec::with_capacity(toks.len());
        for (t, word) in toks {
            // The tokenizer's word id -> term: a Vec lookup instead of hashing the text again.
            let known = word.and_then(|e| word_terms.get(e as usize).copied().flatten());
            let id = match known {
                Some(id) => id,
                None => {
                    let id = self.intern(t);
                    if let Some(e) = word {
                        let e = e as usize;
                        if word_terms.len() <= e {
                            word_terms.resize(e + 1, None);
                        }
                        word_terms[e] = Some(id);
                    }
                    id
                }
            };
            ids.push(id);
            weights.push((id, w));
        }
        for pair in ids.windows(2) {
            let id = self.intern_bigram((pair[0], pair[1]));
            weights.push((id, w));
        }
    }

    fn intern_bigram(&mut self, key: (TermId, TermId)) -> TermId {
        if let Some(&id) = self.bigrams.get(&key) {
            return id;
        }
        let id = self.vocab.len() as TermId;
        self.bigrams.insert(key, id);
        self.vocab.push(String::new());
        id
    }

    fn is_bigram(&self, id: TermId) -> bool {
        self.vocab[id as usize].is_empty()
    }

    /// Postings of a term: (doc, field weight), sorted by doc.
    fn postings(&self, id: TermId) -> &[(u32, f32)] {
        let id = id as usize;
        &self.post[self.post_start[id] as usize..self.post_start[id + 1] as usize]
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.terms.get(term) {
            return id;
        }
        let id = self.vocab.len() as TermId;
        self.terms.insert(term.to_string(), id);
        self.vocab.push(term.to_string());
        id
    }

    /// The vocabulary term a query token stands for, with a similarity in (0, 1].
    fn resolve(&self, token: &str) -> Option<(TermId, f32)> {
        if let Some(&id) = self.terms.get(token) {
            return Some((id, 1.0));
        }
        if text::is_code(token) {
            return None;
        }
        let len = token.chars().count();
        let max_d = max_distance(len);
        if max_d == 0 || len > LONGEST_CORRECTED {
            return None;
        }
        let chars: Vec<char> = token.chars().collect();
        let mut probes = Vec::with_capacity(1 + len * len);
        deletion_hashes(&chars, max_d, true, &mut probes);
        let mut best: Option<(TermId, usize)> = None;
        // A candidate met again through another probe has the same distance: verify it once.
        let mut verified: Vec<TermId> = Vec::new();
        for &p in &probes {
            let from = self.deletes.partition_point(|&(h, _)| h < p);
            for &(h, c) in &self.deletes[from..] {
                if h != p {
                    break;
                }
                if verified.contains(&c) {
                    continue;
                }
                verified.push(c);
                let term = self.term_text(c);
                let allowed = max_d.min(max_distance(term.chars().count()));
                let d = strsim::damerau_levenshtein(token, term);
                if d <= allowed
                    && best.is_none_or(|(b, bd)| {
                        d < bd || (d == bd && self.idf[c as usize] < self.idf[b as usize])
                    })
                {
                    best = Some((c, d));
                }
            }
        }
        best.map(|(id, d)| (id, 1.0 - 0.15 * d as f32))
    }

    /// The field weight of a term in a document, if it occurs there.
    fn weight(&self, id: TermId, doc: usize) -> Option<f32> {
        let postings = self.postings(id);
        postings
            .binary_search_by_key(&(doc as u32), |(d, _)| *d)
            .ok()
            .map(|i| postings[i].1)
    }

    fn term_text(&self, id: TermId) -> &str {
        &self.vocab[id as usize]
    }

    /// `text` with the articles' letter codes written apart or short ("PS 077", "ps77") written
    /// as listed ("PS077"); see [`code_spelling`].
    pub fn spelt_as_listed<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        self.letter_codes.spelt_as_listed(text)
    }

    /// Ranks articles for a description. Returns at most `limit` matches with score > 0.
    pub fn rank(&self, description: &str, limit: usize) -> Ranking {
        // "PS 077", "ps77": the code the articles list as "PS077".
        let description = &*self.spelt_as_listed(description);
        // A long paste: its start and its end are read (`plain_words::reading`).
        let description = &*crate::plain_words::reading(description);
        // "its not a 502": a denied code names no article.
        let description = &*text::without_denied_codes(description);
        // "we have 500 employees": a count names no article, though one lists 500 as a code.
        let description = &*text::without_counted_numbers(description);
        // "sorry my english": the user's apology, no word of the 500 page's "We're sorry".
        let description = &*text::without_apologies(description);
        let tokens = text::tokens(description);
        let howto = text::is_plain_howto(description);
        let mut scores = vec![0.0f32; self.n_docs];
        let mut used: Vec<(TermId, f32, String)> = Vec::new();
        let mut resolved: Vec<Option<(TermId, String)>> = Vec::with_capacity(tokens.len());
        for t in &tokens {
            match self.resolve(t) {
                Some((id, sim)) => {
                    if !used.iter().any(|(u, _, _)| *u == id) {
                        used.push((id, sim, t.clone()));
                    }
                    resolved.push(Some((id, t.clone())));
                }
                None => resolved.push(None),
            }
        }
        // Bigrams from resolved neighbours, so "bad gatwey" still forms "bad gateway".
        for pair in resolved.windows(2) {
            if let [Some((a, ta)), Some((b, tb))] = pair
                && let Some(&id) = self.bigrams.get(&(*a, *b))
                && !used.iter().any(|(u, _, _)| *u == id)
            {
                used.push((id, BIGRAM_FACTOR, format!("{ta} {tb}")));
            }
        }
        // "payroll won't update" says what "payroll update fails" says: a negation between two
        // words also joins them ("payroll update"), as well as forming "not update".
        for triple in resolved.windows(3) {
            if let [Some((a, ta)), Some((_, not)), Some((b, tb))] = triple
                && not == "not"
                && let Some(&id) = self.bigrams.get(&(*a, *b))
                && !used.iter().any(|(u, _, _)| *u == id)
            {
                used.push((id, BIGRAM_FACTOR, format!("{ta} {tb}")));
            }
        }
        for (id, sim, _) in &used {
            let idf = self.idf[*id as usize];
            if idf < MIN_IDF {
                continue;
            }
            for &(doc, w) in self.postings(*id) {
                scores[doc as usize] += sim * idf * w;
            }
        }
        let mut ranked: Vec<(usize, f32)> = scores
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .map(|(d, s)| (d, *s))
            .collect();
        if ranked.is_empty() || limit == 0 {
            return Ranking::lexical(Vec::new());
        }
        // Adjustments can reorder close neighbours, so look a little past the limit.
        let pool = (limit * 3).min(ranked.len());
        ranked.select_nth_unstable_by(pool - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(pool);
        let mut matches: Vec<Match> = ranked
            .into_iter()
            .map(|(doc, evidence)| {
                let hits: Vec<&(TermId, f32, String)> = used
                    .iter()
                    .filter(|(id, _, _)| {
                        self.idf[*id as usize] >= MIN_IDF && self.weight(*id, doc).is_some()
                    })
                    .collect();
                let informative = hits
                    .iter()
                    .filter(|(id, _, _)| {
                        !self.is_bigram(*id) && self.idf[*id as usize] >= INFORMATIVE_IDF
                    })
                    .count();
                let code_hit = hits
                    .iter()
                    .any(|(id, _, _)| self.weight(*id, doc) == Some(W_CODE_EXACT));
                let own_words = hits.iter().any(|(id, _, _)| {
                    self.weight(*id, doc).is_some_and(|w| w >= W_KEYWORDS)
                        && self.idf[*id as usize] >= INFORMATIVE_IDF
                });
                let mut score = calibrate(evidence);
                if informative < MIN_TERMS && !code_hit {
                    score *= SINGLE_TERM_FACTOR;
                }
                if howto && !code_hit {
                    score *= HOWTO_FACTOR;
                }
                let score = (f64::from(score) * 1000.0).round() / 1000.0;
                Match {
                    doc,
                    score,
                    matched: hits.iter().map(|(_, _, t)| t.clone()).collect(),
                    lexical: score,
                    semantic: None,
                    semantic_evidence: None,
                    code: code_hit,
                    own_words,
                }
            })
            .collect();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        matches.truncate(limit);
        Ranking::lexical(matches)
    }

    /// Articles whose id or title fuzzily matches a short name (for `kb show` suggestions and
    /// autocomplete), best first, as doc indices.
    pub fn lookup_names(&self, query: &str, limit: usize) -> Vec<usize> {
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut hits: Vec<(i64, usize)> = self
            .names
            .iter()
            .enumerate()
            .filter(|(_, name)| words_look_alike(query, name))
            .filter_map(|(i, name)| matcher.fuzzy_match(name, query).map(|s| (s, i)))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().take(limit).map(|(_, i)| i).collect()
    }
}

/// Whether every word of `query` (two characters or more) looks like a word of `name`: the
/// same, the start of it, inside it (three characters or more), or a typo away (one edit per
/// four characters). A fuzzy subsequence
/// alone is not enough: "nope" is a subsequence of many names it has nothing to do with.
fn words_look_alike(query: &str, name: &str) -> bool {
    let words = crate::plain_words::lowercase_words;
    let name_words = words(name);
    words(query)
        .iter()
        .filter(|w| w.chars().count() >= 2)
        .all(|w| {
            let typos = (w.chars().count() / 4).max(1);
            name_words.iter().any(|n| {
                n.starts_with(w.as_str())
                    || (w.chars().count() >= 3 && n.contains(w.as_str()))
                    || strsim::damerau_levenshtein(w, n) <= typos
            })
        })
}

/// Maps summed evidence to a 0..1 score.
fn calibrate(evidence: f32) -> f32 {
    1.0 - (-evidence / SCALE).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fused ranking's clear line is below its confident one: the words may clearly name an
    /// article (for the conversation's gates) that is not yet answered outright.
    #[test]
    fn named_is_the_clear_line_and_best_the_confident_one() {
        let fused = |score: f64| Ranking {
            matches: vec![Match {
                doc: 0,
                score,
                matched: Vec::new(),
                lexical: 0.0,
                semantic: Some(0.5),
                semantic_evidence: None,
                code: false,
                own_words: true,
            }],
            confident: 0.99,
            possible: 0.2,
            clear: 0.65,
            hybrid: true,
            held_back: None,
        };
        let r = fused(0.9);
        assert!(r.best().is_none() && r.named().is_some());
        assert_eq!(r.candidates(3).len(), 1, "offered, not answered");
        let r = fused(0.5);
        assert!(r.named().is_none());
        assert!(fused(0.995).best().is_some());
        // Lexically the two lines are one.
        let lexical = Ranking::lexical(Vec::new());
        assert_eq!(lexical.clear, lexical.confident);
    }

    fn doc<'a>(id: &str, title: &'a str, codes: &[&'a str], symptom: &'a str) -> Document<'a> {
        Document {
            name: format!("{id} {title}"),
            title,
            codes: codes.to_vec(),
            symptoms: vec![symptom],
            body: "S\nWait".into(),
            ..Document::default()
        }
    }

    /// A review found one long run of letters cost its length cubed in typo correction (800
    /// letters took 4 s, a 2,000-letter token fitting one Discord message minutes), and a long
    /// keyword the same at every load. Such words are matched exactly, never corrected. (A
    /// bound minutes below the old cost, not a speed target: those are benchmarks.)
    #[test]
    fn a_long_run_of_letters_is_not_corrected_for_typos() {
        let letters = ['b', 'c', 'd', 'f', 'g', 'h', 'k'];
        let long: String = (0..3_000).map(|i| letters[(i * 5 + i / 7) % 7]).collect();
        let started = std::time::Instant::now();
        let mut docs = base();
        docs[0].keywords = vec![&long[..1_200]];
        let index = Index::build(&docs);
        assert!(index.rank(&long, 3).matches.is_empty());
        // Said whole, the long keyword still finds its article.
        let found = index.rank(&long[..1_200], 3);
        assert_eq!(found.matches.first().map(|m| m.doc), Some(0));
        // (Minutes before; milliseconds now.)
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        // A typo in an ordinary word is still corrected.
        let typo = index.rank("gatway timout", 3);
        assert_eq!(typo.matches.first().map(|m| m.doc), Some(2));
    }

    fn base() -> Vec<Document<'static>> {
        vec![
            doc(
                "a",
                "Browser not supported",
                &[],
                "browser not supported warning",
            ),
            doc(
                "b",
                "Bad Gateway",
                &["502", "Bad Gateway"],
                "QuickBooks does not open",
            ),
            doc(
                "c",
                "Gateway Timeout",
                &["504", "Gateway Timeout"],
                "page takes too long",
            ),
        ]
    }

    #[test]
    fn typos_resolve_to_vocabulary() {
        let index = Index::build(&base());
        for (typo, want) in [
            ("brower", "browser"),
            ("suported", "support"),
            ("gatwey", "gateway"),
            ("gatewya", "gateway"),
        ] {
            let tok = &text::tokens(typo)[0];
            let (id, sim) = index
                .resolve(tok)
                .unwrap_or_else(|| panic!("{typo} unresolved"));
            assert_eq!(index.term_text(id), want, "{typo}");
            assert!(sim < 1.0);
        }
        assert!(index.resolve("502").is_some());
        assert!(index.resolve("503").is_none(), "codes never match fuzzily");
    }

    #[test]
    fn codes_and_bigrams_decide() {
        let index = Index::build(&base());
        let r = index.rank("bad gatwey", 3);
        assert_eq!(r.best().map(|m| m.doc), Some(1));
        let r = index.rank("gateway timout", 3);
        assert_eq!(r.best().map(|m| m.doc), Some(2));
        let r = index.rank("error 502", 3);
        assert_eq!(r.best().map(|m| m.doc), Some(1));
        assert!(index.rank("how do I record a refund", 3).best().is_none());
    }

    #[test]
    fn name_lookups_take_typos_and_prefixes_but_not_stray_letters() {
        let name = "quickbooks-error-502 QuickBooks Error 502 Bad Gateway";
        for query in [
            "quickbooks-eror-502",
            "502",
            "bad gatway",
            "quickb",
            "error 502",
            "q",
            "books",
        ] {
            assert!(words_look_alike(query, name), "{query}");
        }
        for query in ["nope", "payroll", "bank feed", "xyz"] {
            assert!(!words_look_alike(query, name), "{query}");
        }
    }
}
