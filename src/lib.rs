//! supportbot: a chat-ops support bot that diagnoses problems from plain-language descriptions,
//! walks users through per-browser fixes, checks services live and escalates to humans.
//!
//! # Layout
//! - [`browser`]: browser/device ids, aliases, detection from text.
//! - [`knowledge`]: articles parsed from Markdown files, validation, hot reload.
//! - [`matcher`]: description -> ranked articles with calibrated scores (pure); lexical, and
//!   fused with semantic similarity ([`matcher::hybrid`]) when a sentence model is in use.
//! - [`semantic`]: sentence embeddings: the candle BERT encoder and model fetching (feature
//!   `semantic`), article chunks, long-post windows, the embedding cache, the encoding thread.
//! - [`probe`]: live checks of endpoints, safe against scanning private networks (no CLI or
//!   console in it: `supportbot check` is in [`cli`]).
//! - [`session`]: per-user conversation state.
//! - [`conversation`]: the engine, `(Session, Event) -> replies + effects` (pure).
//! - [`reply`]: transport-neutral replies and the actions behind their choices.
//! - [`store`]: sled storage; the only module that touches sled.
//! - [`service`]: the engine with its edges (store, effects) for adapters to call.
//! - [`console`]: the terminal adapter.
//! - [`config`]: typed configuration from flags and environment; [`env_file`]: reading `.env`.
//! - [`escalation`]: diagnostic summaries, tickets, the outbox and notifiers, stats.
//! - `discord` (feature `discord`): the Discord adapter; the only place serenity lives.
//! - [`cli`]: the command line: clap definitions, one module per command group over a shared
//!   context, one dispatcher and one error type (`main` only parses, dispatches and prints it).
//!
//! Data flows one way: adapter -> engine -> (knowledge, matcher, probe, store) -> Reply -> adapter.
//! Nothing outside `discord` (behind the `discord` feature) knows about Discord.

pub mod browser;
pub mod cli;
pub mod clock;
pub mod config;
pub mod console;
pub mod conversation;
#[cfg(feature = "discord")]
pub mod discord;
pub mod env_file;
pub mod escalation;
pub mod knowledge;
pub mod matcher;
pub mod probe;
pub mod reply;
pub mod semantic;
pub mod service;
pub mod session;
pub mod store;
