//! The fake REST API under `/api/v10`: one handler that records, injects faults, routes by path
//! segments and validates like Discord. Unknown routes answer 404 and are recorded as unexpected.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::net::TcpListener;

use super::{
    APPLICATION_ID, CALLBACK_DEADLINE, CHANNEL_ID, Callback, DmFailure, Fault, GUILD_ID, Inner,
    MentionRecord, PostedMessage, RecordedFile, RecordedRequest, Rejection, SUPPORT_CHANNEL_ID,
    Shared, Source, Thread, VOICE_CHANNEL_ID, error_body, fixtures, validate,
};

const TIMESTAMP: &str = "2024-01-01T00:00:00.000000+00:00";

pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let app = Router::new().fallback(handle).with_state(shared);
    // Ends only when the test drops the fake and aborts this task.
    let _ = axum::serve(listener, app).await;
}

/// What a route answers, and whether it counts as a rejection or an unknown route.
struct Reply {
    status: u16,
    body: Option<Value>,
    headers: Vec<(&'static str, String)>,
    outcome: Outcome,
}

#[derive(PartialEq)]
enum Outcome {
    Handled,
    Injected,
    Unknown,
}

impl Reply {
    fn new(status: u16, body: Option<Value>) -> Self {
        let (headers, outcome) = (Vec::new(), Outcome::Handled);
        Self {
            status,
            body,
            headers,
            outcome,
        }
    }
    fn ok(body: Value) -> Self {
        Self::new(200, Some(body))
    }
    fn error(status: u16, code: u64, message: &str) -> Self {
        Self::new(status, Some(error_body(code, message)))
    }
    fn invalid(errors: Value) -> Self {
        let body = json!({ "code": 50035, "message": "Invalid Form Body", "errors": errors });
        Self::new(400, Some(body))
    }
}

/// One request as the routes see it.
struct Req<'a> {
    method: &'a str,
    /// Below `/api/v10`.
    path: &'a str,
    /// The query string, without `?` (empty if none).
    query: &'a str,
    body: &'a Value,
    files: &'a [RecordedFile],
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let method = req.method().to_string();
    let full_path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or_default().to_owned();
    let (body, files, unreadable) = match read_body(req).await {
        Ok((body, files)) => (body, files, false),
        Err(why) => (Value::String(why), Vec::new(), true),
    };
    let (reply, held) = shared.update(|inner| {
        let path = full_path
            .strip_prefix("/api/v10")
            .unwrap_or(&full_path)
            .to_owned();
        let since_dispatch = since_dispatch(inner, &path);
        let fault = (inner.faults.iter_mut())
            .find(|f| f.remaining > 0 && matches(&f.pattern, &method, &path));
        let req = Req {
            method: &method,
            path: &path,
            query: &query,
            body: &body,
            files: &files,
        };
        let reply = match fault {
            Some(rule) => {
                rule.remaining -= 1;
                fault_reply(&rule.fault)
            }
            None if !full_path.starts_with("/api/v10/") => unknown(),
            None if unreadable => {
                Reply::error(400, 50109, "The request body contains invalid JSON.")
            }
            None => route(inner, &shared.gateway_url, &req),
        };
        match reply.outcome {
            Outcome::Unknown => inner.log.unexpected.push(format!("{method} {full_path}")),
            Outcome::Handled if reply.status >= 400 => inner.log.rejections.push(Rejection {
                method: method.clone(),
                path: path.clone(),
                status: reply.status,
                error: reply.body.clone().unwrap_or_default(),
            }),
            _ => {}
        }
        let (method, status) = (method.clone(), reply.status);
        let recorded = RecordedRequest {
            method,
            path,
            body,
            files,
            status,
            since_dispatch,
        };
        let log = &inner.log;
        let hold = (inner.holds.iter_mut()).find(|h| {
            h.remaining > 0
                && matches(&h.pattern, &recorded.method, &recorded.path)
                && (h.when)(log, &recorded)
        });
        let held = hold.is_some_and(|h| {
            h.remaining -= 1;
            true
        });
        if held {
            inner.log.held.push(recorded.clone());
        }
        inner.log.requests.push(recorded);
        (reply, held)
    });
    if held {
        // Done but never answered: the client gives up or dies waiting.
        std::future::pending::<()>().await;
    }
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = match reply.body {
        Some(body) => (status, axum::Json(body)).into_response(),
        None => status.into_response(),
    };
    for (name, value) in reply.headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// JSON body, or multipart with `payload_json` and `files[n]`; `Err` when it is not JSON.
async fn read_body(req: Request) -> Result<(Value, Vec<RecordedFile>), String> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let json = |bytes: &[u8]| serde_json::from_slice(bytes).map_err(|e| e.to_string());
    let (mut body, mut files) = (Value::Null, Vec::new());
    if !content_type
        .unwrap_or("")
        .starts_with("multipart/form-data")
    {
        let bytes = axum::body::to_bytes(req.into_body(), 64 << 20).await;
        let bytes = bytes.map_err(|e| e.to_string())?;
        return Ok((
            if bytes.is_empty() {
                body
            } else {
                json(&bytes)?
            },
            files,
        ));
    }
    let mut form = Multipart::from_request(req, &())
        .await
        .map_err(|e| e.to_string())?;
    while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
        let field_name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.map_err(|e| e.to_string())?.to_vec();
        match filename {
            Some(filename) => files.push(RecordedFile {
                field: field_name,
                filename,
                bytes,
            }),
            None if field_name == "payload_json" => body = json(&bytes)?,
            None => {}
        }
    }
    Ok((body, files))
}

/// Does `METHOD /a/b` match `pattern` (`*`, `/a/*`, or `POST /a/*`)?
pub(crate) fn matches(pattern: &str, method: &str, path: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let (want_method, want_path) = pattern.split_once(' ').unwrap_or(("", pattern));
    let (want, got): (Vec<&str>, Vec<&str>) =
        (want_path.split('/').collect(), path.split('/').collect());
    (want_method.is_empty() || want_method.eq_ignore_ascii_case(method))
        && want.len() == got.len()
        && want.iter().zip(&got).all(|(w, g)| *w == "*" || w == g)
}

fn fault_reply(fault: &Fault) -> Reply {
    let (status, body, headers) = match fault {
        Fault::RateLimited {
            retry_after,
            global,
        } => {
            let (retry_after, global) = (*retry_after, *global);
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            let scope = if global { "global" } else { "user" };
            let mut headers = vec![
                ("retry-after", format!("{}", retry_after.ceil())),
                ("x-ratelimit-limit", "5".to_owned()),
                ("x-ratelimit-remaining", "0".to_owned()),
                (
                    "x-ratelimit-reset",
                    format!("{:.3}", now.as_secs_f64() + retry_after),
                ),
                ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
                ("x-ratelimit-bucket", "fake-bucket".to_owned()),
                ("x-ratelimit-scope", scope.to_owned()),
            ];
            if global {
                headers.push(("x-ratelimit-global", "true".to_owned()));
            }
            // Discord's body has no `code` here, so serenity reports code -1 ("could not decode").
            let message = "You are being rate limited.";
            (
                429,
                json!({ "message": message, "retry_after": retry_after, "global": global }),
                headers,
            )
        }
        Fault::ServerError(status) => (
            *status,
            error_body(0, &format!("{status}: Internal Server Error")),
            Vec::new(),
        ),
        Fault::Refused {
            status,
            code,
            message,
        } => (*status, error_body(*code, message), Vec::new()),
    };
    Reply {
        status,
        body: Some(body),
        headers,
        outcome: Outcome::Injected,
    }
}

fn unknown() -> Reply {
    Reply {
        outcome: Outcome::Unknown,
        ..Reply::error(404, 0, "404: Not Found")
    }
}

fn since_dispatch(inner: &Inner, path: &str) -> Option<Duration> {
    let segs: Vec<&str> = path.split('/').collect();
    let named = match segs.as_slice() {
        ["", "interactions", id, ..] => id
            .parse()
            .ok()
            .and_then(|id: u64| inner.interactions.get(&id)),
        ["", "webhooks", _, token, ..] => inner.interactions.values().find(|i| i.token == *token),
        _ => None,
    };
    named
        .map(|i| i.dispatched_at)
        .or(inner.last_dispatch)
        .map(|at| at.elapsed())
}

fn route(inner: &mut Inner, gateway_url: &str, req: &Req) -> Reply {
    let segs: Vec<&str> = req.path.split('/').skip(1).collect();
    let num = |s: &str| s.parse::<u64>().ok();
    match (
        req.method,
        segs.as_slice(),
        segs.get(1).and_then(|s| num(s)),
    ) {
        ("GET", ["gateway"], _) => Reply::ok(json!({ "url": gateway_url })),
        ("PUT", ["applications", _, "commands"], _) => register(inner, None, req.body),
        ("PUT", ["applications", _, "guilds", g, "commands"], _) => {
            register(inner, num(g), req.body)
        }
        ("POST", ["interactions", _, token, "callback"], Some(id)) => {
            callback(inner, req, id, token)
        }
        (_, ["webhooks", _, token, rest @ ..], Some(APPLICATION_ID)) => {
            webhook(inner, req, token, rest)
        }
        ("GET", ["channels", _], Some(c)) => get_channel(inner, c),
        ("GET", ["channels", _, "messages"], Some(c)) => list_messages(inner, c, req.query),
        ("GET", ["guilds", _, "threads", "active"], Some(GUILD_ID)) => active_threads(inner),
        ("POST", ["channels", _, "messages"], Some(c)) => channel_message(inner, req, c),
        ("PATCH", ["channels", _, "messages", m], Some(_)) => match num(m) {
            Some(m) => edit_message(inner, req, m),
            None => unknown(),
        },
        ("DELETE", ["channels", _], Some(c)) => delete_channel(inner, c),
        ("DELETE", ["channels", _, "messages", m], Some(c)) => match num(m) {
            Some(m) => delete_message(inner, c, m),
            None => unknown(),
        },
        ("POST", ["channels", _, "threads"], Some(c)) => thread(inner, c, None, req.body),
        ("POST", ["channels", _, "messages", m, "threads"], Some(c)) => match num(m) {
            Some(m) => thread(inner, c, Some(m), req.body),
            None => unknown(),
        },
        ("POST", ["users", "@me", "channels"], _) => dm_channel(inner, req.body),
        ("GET", ["users", "@me"], _) => Reply::ok(bot_user()),
        ("GET", ["oauth2", "applications", "@me"], _) => Reply::ok(json!({
            "id": APPLICATION_ID.to_string(), "name": "supportbot", "icon": null, "description": "",
            "bot_public": false, "bot_require_code_grant": false, "verify_key": "00", "flags": 0,
            "owner": bot_user(), "team": null,
        })),
        _ => unknown(),
    }
}

fn bot_user() -> Value {
    let mut user = fixtures::user(APPLICATION_ID, "supportbot");
    user["bot"] = json!(true);
    user
}

fn register(inner: &mut Inner, guild: Option<u64>, body: &Value) -> Reply {
    if let Some(errors) = validate::commands(body).into_result() {
        return Reply::invalid(errors);
    }
    let commands: Vec<Value> = body.as_array().cloned().unwrap_or_default();
    let answered: Vec<Value> = commands
        .into_iter()
        .map(|mut c| {
            c["id"] = json!(inner.id().to_string());
            c["application_id"] = json!(APPLICATION_ID.to_string());
            c["version"] = json!(inner.id().to_string());
            c["type"] = json!(c["type"].as_u64().unwrap_or(1));
            c["description"] = json!(c["description"].as_str().unwrap_or_default());
            if let Some(g) = guild {
                c["guild_id"] = json!(g.to_string());
            }
            c
        })
        .collect();
    inner.log.commands.insert(guild, answered.clone());
    Reply::ok(Value::Array(answered))
}

/// `POST /interactions/{id}/{token}/callback`: once, within 3 s, for a dispatched interaction.
fn callback(inner: &mut Inner, req: &Req, id: u64, token: &str) -> Reply {
    let Some(info) = inner.interactions.get(&id).filter(|i| i.token == token) else {
        return Reply::error(404, 10062, "Unknown interaction");
    };
    let (elapsed, channel_id, component_message) = (
        info.dispatched_at.elapsed(),
        info.channel_id,
        info.message_id,
    );
    if info.acked {
        return Reply::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let (kind, data) = (req.body["type"].as_u64().unwrap_or(0), &req.body["data"]);
    let (files, interaction_id) = (req.files.to_vec(), id);
    let callback = Callback {
        interaction_id,
        kind,
        data: data.clone(),
        files,
        elapsed,
        at: Instant::now(),
    };
    inner.log.callbacks.push(callback);
    if elapsed > CALLBACK_DEADLINE {
        return Reply::error(404, 10062, "Unknown interaction");
    }
    if let Some(errors) = validate::callback(kind, data).into_result() {
        return Reply::invalid(errors);
    }
    if kind == 4 && validate::is_empty_message(data, req.files.len()) {
        return Reply::error(400, 50006, "Cannot send an empty message");
    }
    let source = Source::Original { interaction_id };
    let original = match kind {
        4 => Some(post(inner, req, channel_id, source, data.clone())),
        // A deferred response shows "thinking..." until @original is edited; nothing to ping.
        5 => Some(post(
            inner,
            req,
            channel_id,
            source,
            json!({ "flags": data["flags"] }),
        )),
        7 => component_message.inspect(|m| merge(inner, req, *m, data)),
        6 => component_message,
        _ => None,
    };
    if let Some(info) = inner.interactions.get_mut(&id) {
        info.acked = true;
        info.original = original;
    }
    Reply::new(204, None)
}

/// `/webhooks/{app}/{token}...`: follow-ups and `@original`, for acknowledged interactions only.
fn webhook(inner: &mut Inner, req: &Req, token: &str, rest: &[&str]) -> Reply {
    let found = inner
        .interactions
        .iter()
        .find(|(_, i)| i.token == token && i.acked);
    let Some((&interaction_id, info)) = found else {
        return Reply::error(404, 10015, "Unknown Webhook");
    };
    let (channel_id, original) = (info.channel_id, info.original);
    let target = match (req.method, rest) {
        ("POST", []) => return create(inner, req, channel_id, Source::Followup { interaction_id }),
        (_, ["messages", "@original"]) => original,
        (_, ["messages", m]) => m.parse().ok(),
        _ => return unknown(),
    };
    match (req.method, target) {
        ("GET", Some(m)) if inner.log.message(m).is_some() => Reply::ok(message_by_id(inner, m)),
        ("PATCH", Some(m)) => edit_message(inner, req, m),
        ("GET" | "PATCH", _) => Reply::error(404, 10008, "Unknown Message"),
        _ => unknown(),
    }
}

/// `GET /channels/{id}`: the fixture channels, the threads and DM channels the bot opened;
/// 404 / 10003 "Unknown Channel" for any other id.
fn get_channel(inner: &Inner, id: u64) -> Reply {
    let known = match id {
        CHANNEL_ID => Some(fixtures::guild_channel(id, 0, "general", None)),
        SUPPORT_CHANNEL_ID => Some(fixtures::guild_channel(id, 0, "support", None)),
        VOICE_CHANNEL_ID => Some(fixtures::guild_channel(id, 2, "voice", None)),
        _ => None,
    };
    let thread = || {
        let t = inner.log.threads.iter().find(|t| t.id == id)?;
        let kind = if t.message_id.is_some() {
            11
        } else {
            t.body["type"].as_u64().unwrap_or(12)
        };
        Some(fixtures::guild_channel(
            id,
            kind,
            &t.name,
            Some(t.parent_id),
        ))
    };
    let dm = || {
        let (user, _) = inner.log.dm_channels.iter().find(|(_, c)| **c == id)?;
        let recipient = fixtures::user(*user, &format!("user{user}"));
        Some(json!({ "id": id.to_string(), "type": 1, "recipients": [recipient] }))
    };
    match known.or_else(thread).or_else(dm) {
        Some(channel) => Reply::ok(channel),
        None => Reply::error(404, 10003, "Unknown Channel"),
    }
}

fn channel_message(inner: &mut Inner, req: &Req, channel_id: u64) -> Reply {
    let dms = inner.log.dm_channels.iter();
    let dm_user = dms
        .filter(|(_, c)| **c == channel_id)
        .map(|(u, _)| u)
        .next();
    if dm_user.is_some_and(|u| inner.closed_dms.get(u) == Some(&DmFailure::AtSend)) {
        return Reply::error(403, 50007, "Cannot send messages to this user");
    }
    create(inner, req, channel_id, Source::Channel)
}

/// Validate and record a new message; answer it as Discord does. A `nonce` with
/// `enforce_nonce: true` that an earlier message still holds returns that message instead.
fn create(inner: &mut Inner, req: &Req, channel_id: u64, source: Source) -> Reply {
    if let Some(errors) = validate::message(req.body).into_result() {
        return Reply::invalid(errors);
    }
    if validate::is_empty_message(req.body, req.files.len()) {
        return Reply::error(400, 50006, "Cannot send an empty message");
    }
    let nonce = match &req.body["nonce"] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    if nonce.as_ref().is_some_and(|n| n.chars().count() > 25) {
        return Reply::invalid(validate::one(
            "nonce",
            "BASE_TYPE_BAD_LENGTH",
            "Must be 25 or fewer in length.",
        ));
    }
    let enforced = req.body["enforce_nonce"].as_bool() == Some(true);
    if let Some(nonce) = nonce.as_ref().filter(|_| enforced)
        && let Some(earlier) = inner.nonces.get(nonce)
    {
        return Reply::ok(message_by_id(inner, *earlier));
    }
    let id = post(inner, req, channel_id, source, req.body.clone());
    if let Some(nonce) = nonce {
        inner.nonces.insert(nonce, id);
    }
    Reply::ok(message_by_id(inner, id))
}

/// `GET /channels/{id}/messages?after=&limit=`: newest first, as Discord answers.
fn list_messages(inner: &Inner, channel_id: u64, query: &str) -> Reply {
    let param = |name: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .and_then(|(_, v)| v.parse::<u64>().ok())
    };
    let after = param("after").unwrap_or(0);
    let limit = param("limit").unwrap_or(50).clamp(1, 100) as usize;
    let mut found: Vec<&PostedMessage> = (inner.log.messages.iter())
        .filter(|m| m.channel_id == channel_id && m.id > after)
        .collect();
    // Discord returns the `limit` oldest after `after`, newest first.
    found.truncate(limit);
    found.reverse();
    Reply::ok(Value::Array(found.into_iter().map(message_json).collect()))
}

/// `GET /guilds/{id}/threads/active`: every thread the bot opened (none is ever archived here).
fn active_threads(inner: &Inner) -> Reply {
    let threads: Vec<Value> = (inner.log.threads.iter())
        .map(|t| {
            let kind = if t.message_id.is_some() {
                11
            } else {
                t.body["type"].as_u64().unwrap_or(12)
            };
            fixtures::guild_channel(t.id, kind, &t.name, Some(t.parent_id))
        })
        .collect();
    Reply::ok(json!({ "threads": threads, "members": [], "has_more": false }))
}

/// `DELETE /channels/{id}`: a thread the bot opened goes, with its messages, and Discord answers
/// the deleted channel; the fixture channels are refused (403), as the bot has no Manage
/// Channels; any other id is 404 / 10003 "Unknown Channel".
fn delete_channel(inner: &mut Inner, id: u64) -> Reply {
    if matches!(id, CHANNEL_ID | SUPPORT_CHANNEL_ID | VOICE_CHANNEL_ID) {
        return Reply::error(403, 50013, "Missing Permissions");
    }
    let Some(at) = inner.log.threads.iter().position(|t| t.id == id) else {
        return Reply::error(404, 10003, "Unknown Channel");
    };
    let t = inner.log.threads.remove(at);
    inner.log.messages.retain(|m| m.channel_id != id);
    inner.log.deleted_channels.push(id);
    let kind = if t.message_id.is_some() {
        11
    } else {
        t.body["type"].as_u64().unwrap_or(12)
    };
    Reply::ok(fixtures::guild_channel(
        id,
        kind,
        &t.name,
        Some(t.parent_id),
    ))
}

/// `DELETE /channels/{c}/messages/{m}`: 204, or 404 / 10008 "Unknown Message" when there is no
/// such message in that channel.
fn delete_message(inner: &mut Inner, channel_id: u64, id: u64) -> Reply {
    let found = (inner.log.messages.iter()).position(|m| m.id == id && m.channel_id == channel_id);
    let Some(at) = found else {
        return Reply::error(404, 10008, "Unknown Message");
    };
    inner.log.messages.remove(at);
    inner.log.deleted_messages.push(id);
    Reply::new(204, None)
}

fn edit_message(inner: &mut Inner, req: &Req, id: u64) -> Reply {
    if inner.log.message(id).is_none() {
        return Reply::error(404, 10008, "Unknown Message");
    }
    if let Some(errors) = validate::message(req.body).into_result() {
        return Reply::invalid(errors);
    }
    merge(inner, req, id, req.body);
    Reply::ok(message_by_id(inner, id))
}

/// Record a new message with the request's files, and its `allowed_mentions` unless it is the
/// empty placeholder of a deferred response.
fn post(inner: &mut Inner, req: &Req, channel_id: u64, source: Source, payload: Value) -> u64 {
    let id = inner.id();
    if !validate::is_empty_message(&payload, req.files.len()) {
        record_mentions(inner, req, &payload);
    }
    let files = req.files.to_vec();
    let message = PostedMessage {
        id,
        channel_id,
        source,
        payload,
        files,
        edits: 0,
    };
    inner.log.messages.push(message);
    id
}

/// Apply an edit: keys present in `changes` replace the message's. Edits do not notify anyone, so
/// only an edit that sets `content` has its `allowed_mentions` recorded.
fn merge(inner: &mut Inner, req: &Req, id: u64, changes: &Value) {
    if changes.get("content").is_some() {
        record_mentions(inner, req, changes);
    }
    if let Some(message) = inner.log.messages.iter_mut().find(|m| m.id == id) {
        if let (Some(payload), Some(changes)) =
            (message.payload.as_object_mut(), changes.as_object())
        {
            payload.extend(changes.clone());
        }
        message.files.extend_from_slice(req.files);
        message.edits += 1;
    }
}

fn record_mentions(inner: &mut Inner, req: &Req, payload: &Value) {
    let (method, path) = (req.method.to_owned(), req.path.to_owned());
    let allowed_mentions = payload.get("allowed_mentions").cloned();
    inner.log.mentions.push(MentionRecord {
        method,
        path,
        allowed_mentions,
    });
}

fn thread(inner: &mut Inner, parent_id: u64, message_id: Option<u64>, body: &Value) -> Reply {
    let name = body["name"].as_str().unwrap_or_default().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        let message = "Must be between 1 and 100 in length.";
        return Reply::invalid(validate::one("name", "BASE_TYPE_BAD_LENGTH", message));
    }
    let id = inner.id();
    let kind = if message_id.is_some() {
        11
    } else {
        body["type"].as_u64().unwrap_or(12)
    };
    inner.log.threads.push(Thread {
        id,
        parent_id,
        message_id,
        name: name.clone(),
        body: body.clone(),
    });
    Reply::ok(json!({
        "id": id.to_string(), "type": kind, "name": name, "parent_id": parent_id.to_string(),
        "guild_id": GUILD_ID.to_string(), "owner_id": APPLICATION_ID.to_string(),
    }))
}

fn dm_channel(inner: &mut Inner, body: &Value) -> Reply {
    let recipient = &body["recipient_id"];
    let parsed = recipient.as_str().and_then(|s| s.parse().ok());
    let Some(user_id) = recipient.as_u64().or(parsed) else {
        let errors = validate::one(
            "recipient_id",
            "NUMBER_TYPE_COERCE",
            "Value is not snowflake.",
        );
        return Reply::invalid(errors);
    };
    if inner.closed_dms.get(&user_id) == Some(&DmFailure::AtCreate) {
        return Reply::error(403, 50007, "Cannot send messages to this user");
    }
    let channel_id = match inner.log.dm_channels.get(&user_id) {
        Some(c) => *c,
        None => {
            let c = inner.id();
            inner.log.dm_channels.insert(user_id, c);
            c
        }
    };
    let recipient = fixtures::user(user_id, &format!("user{user_id}"));
    let channel = json!({ "id": channel_id.to_string(), "type": 1, "recipients": [recipient] });
    Reply::ok(channel)
}

fn message_by_id(inner: &Inner, id: u64) -> Value {
    inner.log.message(id).map(message_json).unwrap_or_default()
}

/// A posted message as Discord returns it (and as component interactions carry it).
pub(crate) fn message_json(m: &PostedMessage) -> Value {
    let p = &m.payload;
    let attachments: Vec<Value> = (1_u64..)
        .zip(&m.files)
        .map(|(i, f)| {
            let url = format!("https://cdn.fake.invalid/{}/{}", m.id, f.filename);
            let (id, size) = ((m.id + i).to_string(), f.bytes.len());
            json!({ "id": id, "filename": f.filename, "size": size, "url": url, "proxy_url": url })
        })
        .collect();
    let interaction = !matches!(m.source, Source::Channel);
    json!({
        "id": m.id.to_string(), "channel_id": m.channel_id.to_string(), "author": bot_user(),
        "content": p["content"].as_str().unwrap_or_default(), "timestamp": TIMESTAMP,
        "edited_timestamp": if m.edits > 0 { json!(TIMESTAMP) } else { Value::Null },
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": attachments,
        "embeds": p.get("embeds").filter(|e| e.is_array()).cloned().unwrap_or(json!([])),
        "components": p.get("components").filter(|c| c.is_array()).cloned().unwrap_or(json!([])),
        "pinned": false, "type": if interaction { 20 } else { 0 }, "flags": p["flags"].as_u64().unwrap_or(0),
        "application_id": APPLICATION_ID.to_string(),
        "webhook_id": if interaction { json!(APPLICATION_ID.to_string()) } else { Value::Null },
    })
}
