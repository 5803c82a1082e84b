//! Answering an interaction: at once when the answer is ready within the budget, otherwise
//! acknowledged (deferred) and edited in when ready. The one place that talks to Discord about
//! an interaction's response, and the one place failures are logged.

use super::render::{self, MessageSpec};
use crate::reply::Reply;
use serenity::all::{
    Context, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, EditInteractionResponse, InteractionId,
};
use serenity::builder::Builder;
use std::future::Future;
use std::time::Duration;

/// How long an interaction may take before it is acknowledged and answered by an edit: well
/// inside Discord's 3 seconds, leaving room for the response's own round trip.
pub const ANSWER_BUDGET: Duration = Duration::from_millis(2000);

/// Logs a failed Discord call with what it was for.
macro_rules! log_failure {
    ($result:expr, $what:expr) => {
        if let Err(e) = $result {
            tracing::error!(error = %e, what = $what, "interaction failed");
        }
    };
}
pub(super) use log_failure;

/// One interaction to answer: a command, a button or menu press, or a modal.
pub struct Responder<'a> {
    ctx: &'a Context,
    id: InteractionId,
    token: &'a str,
    /// Whose conversation the answer's buttons belong to.
    owner: &'a str,
    /// Whether the answer is shown to the channel (a shared `/diagnose`) or only to the user.
    share: bool,
}

fn response_message(spec: &MessageSpec) -> CreateInteractionResponseMessage {
    fill!(
        CreateInteractionResponseMessage::new().ephemeral(spec.ephemeral),
        spec,
        add_file
    )
}

fn followup(spec: &MessageSpec) -> CreateInteractionResponseFollowup {
    fill!(
        CreateInteractionResponseFollowup::new().ephemeral(spec.ephemeral),
        spec,
        add_file
    )
}

fn edit(spec: &MessageSpec) -> EditInteractionResponse {
    fill!(EditInteractionResponse::new(), spec, new_attachment)
}

impl<'a> Responder<'a> {
    pub fn new(ctx: &'a Context, id: InteractionId, token: &'a str, owner: &'a str) -> Self {
        Responder {
            ctx,
            id,
            token,
            owner,
            share: false,
        }
    }

    /// Shown to the channel rather than only to the user.
    pub fn shared(mut self, share: bool) -> Self {
        self.share = share;
        self
    }

    fn specs(&self, replies: &[Reply]) -> Vec<MessageSpec> {
        let mut specs = render::messages(self.owner, replies);
        if self.share {
            specs.iter_mut().for_each(|s| s.ephemeral = false);
        }
        specs
    }

    /// Sends a raw response (a modal, an updated card, a refusal during shutdown).
    pub async fn respond(&self, response: CreateInteractionResponse, what: &str) {
        log_failure!(
            response
                .execute(&self.ctx.http, (self.id, self.token))
                .await,
            what
        );
    }

    /// Answers at once with `replies` (the first as the response, the rest as follow-ups).
    pub async fn answer(&self, replies: &[Reply]) {
        let specs = self.specs(replies);
        let first = CreateInteractionResponse::Message(response_message(&specs[0]));
        self.respond(first, "response").await;
        for s in &specs[1..] {
            log_failure!(
                followup(s)
                    .execute(&self.ctx.http, (None, self.token))
                    .await,
                "follow-up"
            );
        }
    }

    /// Acknowledges now ("thinking..."); the answer comes by [`Responder::edit_in`].
    pub async fn defer(&self) {
        let ack = CreateInteractionResponseMessage::new().ephemeral(!self.share);
        self.respond(CreateInteractionResponse::Defer(ack), "defer")
            .await;
    }

    /// Edits a deferred response in; its follow-ups are public only when shared, as they would
    /// be had the answer come in time.
    pub async fn edit_in(&self, replies: &[Reply]) {
        let specs = render::messages(self.owner, replies);
        log_failure!(
            self.ctx
                .http
                .edit_original_interaction_response(
                    self.token,
                    &edit(&specs[0]),
                    render::to_files(&specs[0].files)
                )
                .await,
            "edit deferred"
        );
        for s in &specs[1..] {
            let body = followup(s).ephemeral(!self.share);
            log_failure!(
                self.ctx
                    .http
                    .create_followup_message(self.token, &body, render::to_files(&s.files))
                    .await,
                "deferred follow-up"
            );
        }
    }

    /// Answers with what `work` produces: at once if it is ready within [`ANSWER_BUDGET`],
    /// otherwise acknowledged now and edited in when ready.
    pub async fn answer_with(&self, work: impl Future<Output = Vec<Reply>>) {
        let mut work = Box::pin(work);
        match tokio::time::timeout(ANSWER_BUDGET, &mut work).await {
            Ok(replies) => self.answer(&replies).await,
            Err(_) => {
                self.defer().await;
                let replies = work.await;
                self.edit_in(&replies).await;
            }
        }
    }

    /// Acknowledges a button press without a message of its own (Discord's deferred update):
    /// the pressed message is replaced later by [`Responder::update_in`], or a refusal follows
    /// privately by [`Responder::follow_up`].
    pub async fn defer_update(&self) {
        self.respond(CreateInteractionResponse::Acknowledge, "defer update")
            .await;
    }

    /// Replaces the message whose button was pressed, after [`Responder::defer_update`].
    pub async fn update_in(&self, update: EditInteractionResponse) {
        log_failure!(
            self.ctx
                .http
                .edit_original_interaction_response(self.token, &update, Vec::new())
                .await,
            "update pressed message"
        );
    }

    /// Sends `replies` as follow-ups (private unless shared), after an acknowledgement that
    /// showed nothing ([`Responder::defer_update`]).
    pub async fn follow_up(&self, replies: &[Reply]) {
        for s in &self.specs(replies) {
            log_failure!(
                self.ctx
                    .http
                    .create_followup_message(self.token, &followup(s), render::to_files(&s.files))
                    .await,
                "follow-up"
            );
        }
    }

    /// Acknowledges at once, then edits in what `work` produces (work known to be slow).
    pub async fn defer_then(&self, work: impl Future<Output = Vec<Reply>>) {
        self.defer().await;
        let replies = work.await;
        self.edit_in(&replies).await;
    }
}
