//! Typed INTERACTION_CREATE fixtures: slash commands, autocomplete, components, modal submits.
//!
//! serenity drops a dispatch it cannot parse with only a log line, so a bad fixture shows up as a
//! timeout. Build every fixture here, and keep `tests/discord_fake.rs` parsing each kind with
//! serenity's own model so a drift shows as a clear error.

use serde_json::{Value, json};

use super::{APPLICATION_ID, CHANNEL_ID, GUILD_ID};

/// Who invokes the interaction.
#[derive(Clone, Debug)]
pub enum Invoker {
    /// A guild member, with role ids and the permission bits Discord computes for the channel.
    Member {
        user_id: u64,
        name: String,
        roles: Vec<u64>,
        permissions: u64,
    },
    /// A user in a DM with the bot.
    Dm { user_id: u64, name: String },
}

impl Invoker {
    /// A member with no roles and the usual member permissions (view, send, read history).
    pub fn member(user_id: u64, name: &str) -> Self {
        let permissions = (1 << 10) | (1 << 11) | (1 << 16);
        Self::Member {
            user_id,
            name: name.to_owned(),
            roles: Vec::new(),
            permissions,
        }
    }
    pub fn dm(user_id: u64, name: &str) -> Self {
        Self::Dm {
            user_id,
            name: name.to_owned(),
        }
    }
    /// Add role ids (member only).
    #[must_use]
    pub fn with_roles(mut self, ids: &[u64]) -> Self {
        if let Self::Member { roles, .. } = &mut self {
            roles.extend_from_slice(ids);
        }
        self
    }
    /// Replace the permission bits (member only); `1 << 5` is Manage Server.
    #[must_use]
    pub fn with_permissions(mut self, bits: u64) -> Self {
        if let Self::Member { permissions, .. } = &mut self {
            *permissions = bits;
        }
        self
    }
    pub fn user_id(&self) -> u64 {
        match self {
            Self::Member { user_id, .. } | Self::Dm { user_id, .. } => *user_id,
        }
    }
}

/// A command option. `Sub` is a subcommand holding its own options.
#[derive(Clone, Debug)]
pub enum Opt {
    Str(&'static str, String),
    Int(&'static str, i64),
    Bool(&'static str, bool),
    Sub(&'static str, Vec<Opt>),
    /// The option being typed in an autocomplete interaction.
    Focused(&'static str, String),
}

impl Opt {
    fn to_json(&self) -> Value {
        match self {
            Self::Str(name, v) => json!({ "name": name, "type": 3, "value": v }),
            Self::Int(name, v) => json!({ "name": name, "type": 4, "value": v }),
            Self::Bool(name, v) => json!({ "name": name, "type": 5, "value": v }),
            Self::Sub(name, opts) => {
                json!({ "name": name, "type": 1, "options": opts.iter().map(Opt::to_json).collect::<Vec<_>>() })
            }
            Self::Focused(name, v) => {
                json!({ "name": name, "type": 3, "value": v, "focused": true })
            }
        }
    }
}

#[derive(Clone, Debug)]
enum Kind {
    Command {
        name: String,
        options: Vec<Opt>,
        autocomplete: bool,
    },
    Button {
        custom_id: String,
        message_id: u64,
    },
    Select {
        custom_id: String,
        values: Vec<String>,
        message_id: u64,
    },
    Modal {
        custom_id: String,
        fields: Vec<(String, String)>,
    },
}

/// One interaction to dispatch with [`super::FakeDiscord::dispatch_interaction`].
#[derive(Clone, Debug)]
pub struct InteractionFixture {
    kind: Kind,
    invoker: Invoker,
    channel_id: u64,
}

impl InteractionFixture {
    fn new(kind: Kind) -> Self {
        Self {
            kind,
            invoker: Invoker::member(100, "alice"),
            channel_id: CHANNEL_ID,
        }
    }
    /// `/name` with `options` (type 2).
    pub fn slash(name: &str, options: Vec<Opt>) -> Self {
        Self::new(Kind::Command {
            name: name.to_owned(),
            options,
            autocomplete: false,
        })
    }
    /// Autocomplete for `/name` (type 4); mark the typed option with [`Opt::Focused`].
    pub fn autocomplete(name: &str, options: Vec<Opt>) -> Self {
        Self::new(Kind::Command {
            name: name.to_owned(),
            options,
            autocomplete: true,
        })
    }
    /// A button press on message `message_id` (type 3). If the bot posted that message, the
    /// dispatched interaction carries it as the fake recorded it.
    pub fn button(custom_id: &str, message_id: u64) -> Self {
        Self::new(Kind::Button {
            custom_id: custom_id.to_owned(),
            message_id,
        })
    }
    /// A string-select choice on message `message_id` (type 3).
    pub fn select(custom_id: &str, values: &[&str], message_id: u64) -> Self {
        let values = values.iter().map(|v| (*v).to_owned()).collect();
        Self::new(Kind::Select {
            custom_id: custom_id.to_owned(),
            values,
            message_id,
        })
    }
    /// A modal submit (type 5): one text input per `(custom_id, value)`, each in its own row.
    pub fn modal_submit(custom_id: &str, fields: &[(&str, &str)]) -> Self {
        let fields = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Self::new(Kind::Modal {
            custom_id: custom_id.to_owned(),
            fields,
        })
    }
    #[must_use]
    pub fn by(mut self, invoker: Invoker) -> Self {
        self.invoker = invoker;
        self
    }
    #[must_use]
    pub fn in_channel(mut self, channel_id: u64) -> Self {
        self.channel_id = channel_id;
        self
    }

    pub fn channel_id(&self) -> u64 {
        self.channel_id
    }
    pub(crate) fn message_id(&self) -> Option<u64> {
        match &self.kind {
            Kind::Button { message_id, .. } | Kind::Select { message_id, .. } => Some(*message_id),
            Kind::Command { .. } | Kind::Modal { .. } => None,
        }
    }

    /// The `d` of INTERACTION_CREATE. `message` is the component's message as a Message object.
    pub fn to_json(&self, id: u64, token: &str, message: Option<Value>) -> Value {
        let (kind, data) = match &self.kind {
            Kind::Command {
                name,
                options,
                autocomplete,
            } => {
                let options: Vec<Value> = options.iter().map(Opt::to_json).collect();
                let data = json!({ "id": (APPLICATION_ID + 7).to_string(), "name": name, "type": 1, "options": options });
                (if *autocomplete { 4 } else { 2 }, data)
            }
            Kind::Button { custom_id, .. } => {
                (3, json!({ "custom_id": custom_id, "component_type": 2 }))
            }
            Kind::Select {
                custom_id, values, ..
            } => (
                3,
                json!({ "custom_id": custom_id, "component_type": 3, "values": values }),
            ),
            Kind::Modal { custom_id, fields } => {
                let rows: Vec<Value> = fields
                    .iter()
                    .map(|(k, v)| json!({ "type": 1, "components": [{ "type": 4, "custom_id": k, "value": v }] }))
                    .collect();
                (5, json!({ "custom_id": custom_id, "components": rows }))
            }
        };
        let mut d = json!({
            "id": id.to_string(),
            "application_id": APPLICATION_ID.to_string(),
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 26_214_400,
            "channel_id": self.channel_id.to_string(),
            "app_permissions": "2248473465835073",
        });
        match &self.invoker {
            Invoker::Member {
                user_id,
                name,
                roles,
                permissions,
            } => {
                // guild_id is what makes serenity copy `member.user` into `interaction.user`.
                d["guild_id"] = json!(GUILD_ID.to_string());
                d["guild_locale"] = json!("en-US");
                d["context"] = json!(0);
                d["member"] = json!({
                    "user": user(*user_id, name),
                    "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
                    "permissions": permissions.to_string(),
                    "joined_at": "2024-01-01T00:00:00.000000+00:00",
                    "deaf": false, "mute": false, "flags": 0,
                });
            }
            Invoker::Dm { user_id, name } => {
                d["user"] = user(*user_id, name);
                d["context"] = json!(1);
            }
        }
        if let Some(message) = message {
            d["message"] = message;
        }
        d
    }
}

/// A user object as Discord sends it.
pub(crate) fn user(id: u64, name: &str) -> Value {
    json!({ "id": id.to_string(), "username": name, "discriminator": "0", "global_name": name, "avatar": null })
}

/// A guild channel as `GET /channels/{id}` answers it. `kind`: 0 text, 2 voice, 11 public and
/// 12 private thread; threads name their `parent`.
pub(crate) fn guild_channel(id: u64, kind: u64, name: &str, parent: Option<u64>) -> Value {
    json!({
        "id": id.to_string(), "type": kind, "guild_id": GUILD_ID.to_string(), "name": name,
        "position": 0, "permission_overwrites": [], "nsfw": false,
        "parent_id": parent.map(|p| p.to_string()),
    })
}

/// A component's message the bot never posted through the fake (e.g. from before a restart).
pub fn stub_message(id: u64, channel_id: u64) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel_id.to_string(),
        "author": user(APPLICATION_ID, "supportbot"), "content": "", "timestamp": "2024-01-01T00:00:00.000000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "components": [], "pinned": false, "type": 0,
    })
}
