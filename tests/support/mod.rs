//! Shared helpers for the integration tests: one tree, one module per job. Each test file says
//! `mod support;` and uses what it needs.
#![allow(
    dead_code,
    reason = "every test file compiles this tree on its own and uses only part of it"
)]

pub mod bin;
// The fake itself needs no crate feature; only the Discord tests (which do) use it.
#[cfg(feature = "discord")]
pub mod fake_discord;
pub mod held_clock;
pub mod http;
#[cfg(feature = "discord")]
pub mod journey;
pub mod paths;
pub mod service_chat;
pub mod split;
pub mod tickets;
#[cfg(feature = "semantic")]
pub mod tiny_bert;
