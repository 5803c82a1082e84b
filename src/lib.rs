//! supportbot: a chat-ops support bot that diagnoses problems from plain-language descriptions,
//! walks users through per-browser fixes, checks services live and escalates to humans.
//!
//! # Layout
//! Lowest layer first; each module imports only modules listed above it (checked by review:
//! no import cycles).
//! - [`browser`]: browser/device ids, aliases, detection from text.
//! - [`ids`]: typed ids shared across layers ([`ids::TicketId`]).
//! - [`clock`]: wall-clock time behind a trait, so tests control it.
//! - [`env_file`]: reading `.env`; [`config`]: typed configuration from flags and environment.
//! - [`matcher`]: description -> ranked documents with calibrated scores (pure). It indexes its
//!   own [`matcher::Document`] type; lexical, and fused with semantic similarity
//!   ([`matcher::hybrid`]) when a sentence model is in use.
//! - [`semantic`]: sentence embeddings: the candle BERT encoder and model fetching (feature
//!   `semantic`), article chunks, long-post windows, the embedding cache, the encoding thread.
//! - [`knowledge`]: articles parsed from Markdown files, validation, hot reload; builds the
//!   matcher's documents and the semantic chunks from its articles.
//! - [`understand`]: what a reply typed during a walk means (fixed, not fixed, check, human,
//!   browser, new problem, detail, aside, or unsure), from cue phrases (pure).
//! - [`session`]: per-user conversation state; the stages of a walk carry their article.
//! - [`reply`]: transport-neutral replies, the actions behind their choices, and command hints
//!   each adapter spells; whole-article Markdown.
//! - [`words`]: what the bot says to users, in one place.
//! - [`conversation`]: the engine, `(Session, Event) -> replies + effects` (pure).
//! - [`probe`]: live checks of endpoints, safe against scanning private networks (no CLI or
//!   console in it: `supportbot check` is in [`cli`]).
//! - [`incident`]: outages as data and pure rules: per-target hysteresis ([`incident::health`]),
//!   check history and uptime, the incident lifecycle (open -> monitoring -> resolved).
//! - [`escalation`]: escalation as pure rules and data: the diagnostic summary, tickets and their
//!   lifecycle, the one-open-ticket rule ([`escalation::rules`]), the notifications each step
//!   sends, stats.
//! - [`store`]: sled storage, one file per table; the only module that touches sled. It applies
//!   `escalation`'s rules inside its transactions.
//! - [`service`]: the engine with its edges, the one API every adapter calls: conversations,
//!   tickets ([`service::TicketDesk`]: file, claim, resolve, reopen), knowledge verbs, the outbox
//!   deliverer. Failures are a [`service::ServiceError`]: refused (shown) or internal (logged).
//! - Adapters, each thin: [`console`] (the terminal), `discord` (feature `discord`; the only
//!   place serenity lives), and [`cli`] (the command line: clap definitions, one module per
//!   command group over a shared context, one dispatcher and one error type; `main` only
//!   parses, dispatches and prints it).
//!
//! Where is escalation? Its rules and data in `escalation/`, carried out by
//! `service/tickets.rs`, stored by `store/tickets.rs` and `store/outbox.rs`.
//!
//! Data flows one way: adapter -> service -> engine -> (knowledge, matcher, probe, store) ->
//! Reply -> adapter. Nothing outside `discord` (behind the `discord` feature) knows about
//! Discord.

pub mod browser;
pub mod cli;
pub mod clock;
pub mod config;
pub mod console;
pub mod conversation;
pub mod device;
#[cfg(feature = "discord")]
pub mod discord;
pub mod env_file;
pub mod escalation;
pub mod ids;
pub mod incident;
pub mod knowledge;
pub mod matcher;
pub mod plain_words;
pub mod probe;
pub mod reply;
pub mod semantic;
pub mod service;
pub mod session;
pub mod store;
pub mod understand;
pub mod words;
