//! The fake gateway: HELLO, IDENTIFY -> READY, heartbeats, RESUME with replay, op 7 on demand.
//!
//! Text frames of JSON, no compression (serenity parses text frames as plain JSON). One session at
//! a time: its frames live in [`super::Session`] so a RESUME can replay what the bot missed.

use std::sync::Arc;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

use super::{APPLICATION_ID, Inner, Session, Shared};

/// What the test side asks a connection to do.
#[derive(Debug)]
pub(crate) enum Control {
    /// New frames were pushed to the session: send them.
    Flush,
    /// Send op 7 RECONNECT and stop sending dispatches.
    Reconnect,
    Close,
}

pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let mut next_conn = 0;
    while let Ok((stream, _)) = listener.accept().await {
        next_conn += 1;
        tokio::spawn(connection(stream, next_conn, shared.clone()));
    }
}

/// Append a dispatch to the current session and tell its connection, if any, to send it.
pub(crate) fn push(inner: &mut Inner, event: &str, d: Value) {
    let session = inner
        .session
        .as_mut()
        .expect("dispatch needs a session: wait_for_ready first");
    let s = session.frames.len() + 1;
    session
        .frames
        .push(json!({ "op": 0, "s": s, "t": event, "d": d }));
    if let Some((_, tx)) = &inner.active {
        // A closed connection just means the frame waits for the RESUME.
        let _ = tx.send(Control::Flush);
    }
}

async fn connection(stream: TcpStream, conn: u64, shared: Arc<Shared>) {
    let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    shared.update(|inner| inner.log.gateway.connections += 1);
    let (tx, mut control) = mpsc::unbounded_channel();
    let hello =
        json!({ "op": 10, "d": { "heartbeat_interval": shared.options.heartbeat_interval_ms } });
    if ws.send(Message::text(hello.to_string())).await.is_err() {
        return;
    }
    // Frames of the session already sent on this connection.
    let mut sent = 0;
    loop {
        let out: Vec<Value> = tokio::select! {
            frame = ws.next() => {
                let Some(Ok(frame)) = frame else { break };
                match frame {
                    Message::Text(text) => match serde_json::from_str::<Value>(&text) {
                        Ok(payload) => on_payload(&shared, conn, &tx, &mut sent, &payload),
                        Err(_) => break,
                    },
                    Message::Close(_) => break,
                    _ => Vec::new(),
                }
            }
            Some(order) = control.recv() => match order {
                Control::Flush => Vec::new(),
                Control::Reconnect => vec![json!({ "op": 7, "d": null })],
                Control::Close => break,
            },
        };
        let out = out.into_iter().chain(pending(&shared, conn, &mut sent));
        for frame in out.collect::<Vec<_>>() {
            if ws.send(Message::text(frame.to_string())).await.is_err() {
                return;
            }
        }
    }
    shared.update(|inner| {
        if inner.active.as_ref().is_some_and(|(id, _)| *id == conn) {
            inner.active = None;
        }
    });
}

/// Frames of the session this connection owns and has not sent yet.
fn pending(shared: &Shared, conn: u64, sent: &mut usize) -> Vec<Value> {
    let inner = shared.lock();
    let owns = inner.active.as_ref().is_some_and(|(id, _)| *id == conn);
    match (&inner.session, owns) {
        (Some(session), true) if session.frames.len() > *sent => {
            let frames = session.frames[*sent..].to_vec();
            *sent = session.frames.len();
            frames
        }
        _ => Vec::new(),
    }
}

/// Handle one payload from the bot; returns frames to send before the session's pending ones.
fn on_payload(
    shared: &Shared,
    conn: u64,
    tx: &mpsc::UnboundedSender<Control>,
    sent: &mut usize,
    payload: &Value,
) -> Vec<Value> {
    match payload["op"].as_u64() {
        Some(1) => {
            shared.update(|inner| inner.log.gateway.heartbeats += 1);
            vec![json!({ "op": 11 })]
        }
        Some(2) => {
            shared.update(|inner| {
                let session_id = format!("fake-session-{}", inner.id());
                let ready = json!({
                    "v": 10,
                    "user": { "id": APPLICATION_ID.to_string(), "username": "supportbot", "bot": true },
                    "guilds": [],
                    "session_id": session_id,
                    "resume_gateway_url": shared.gateway_url,
                    "application": { "id": APPLICATION_ID.to_string(), "flags": 0 },
                });
                inner.session = Some(Session { id: session_id, frames: Vec::new() });
                inner.active = Some((conn, tx.clone()));
                *sent = 0;
                push(inner, "READY", ready);
                inner.log.gateway.identifies += 1;
                inner.log.gateway.last_identify = Some(payload["d"].clone());
            });
            Vec::new()
        }
        Some(6) => shared.update(|inner| {
            let d = &payload["d"];
            let known = inner
                .session
                .as_ref()
                .is_some_and(|s| d["session_id"] == s.id.as_str());
            if !known {
                // op 9 with d=false: not resumable, identify again.
                return vec![json!({ "op": 9, "d": false })];
            }
            inner.active = Some((conn, tx.clone()));
            *sent = usize::try_from(d["seq"].as_u64().unwrap_or(0)).unwrap_or(0);
            push(inner, "RESUMED", json!({}));
            inner.log.gateway.resumes += 1;
            Vec::new()
        }),
        // Presence updates, request guild members and the like: accepted and ignored.
        _ => Vec::new(),
    }
}
