//! Replies -> Discord messages within Discord's limits: embeds, buttons and select menus,
//! truncated on character boundaries with a marker; long material goes into a file.

use super::ticket_button::{TicketButton, TicketPress};
use crate::escalation::summary::Card;
use crate::escalation::text::truncate_chars;
use crate::escalation::ticket::TicketId;
use crate::reply::{Action, Reply, SpellHint, Style, Tone};
use serenity::all::{
    ButtonStyle, Colour, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton,
    CreateEmbed, CreateEmbedFooter, CreateSelectMenu, CreateSelectMenuKind, CreateSelectMenuOption,
};

/// Discord's message limits (the embed ones are shared with the staff card's renderer).
pub mod limits {
    pub use crate::escalation::summary::limits::*;
    pub const CONTENT: usize = 2000;
    pub const EMBEDS: usize = 10;
    pub const ROWS: usize = 5;
    pub const BUTTONS_PER_ROW: usize = 5;
    pub const CUSTOM_ID: usize = 100;
    pub const BUTTON_LABEL: usize = 80;
    pub const SELECT_OPTIONS: usize = 25;
}

/// Prefix of every conversation component id: `sb:<owner user id>:<action token>`.
pub const CONVERSATION_PREFIX: &str = "sb";

#[derive(Debug, Clone, PartialEq)]
pub struct EmbedSpec {
    pub title: Option<String>,
    pub description: String,
    pub fields: Vec<(String, String)>,
    pub footer: Option<String>,
    pub colour: u32,
    /// `attachment://NAME` of a picture sent with the message.
    pub image: Option<String>,
}

impl EmbedSpec {
    pub fn total_chars(&self) -> usize {
        self.title.as_deref().map_or(0, |t| t.chars().count())
            + self.description.chars().count()
            + self.footer.as_deref().map_or(0, |t| t.chars().count())
            + self
                .fields
                .iter()
                .map(|(n, v)| n.chars().count() + v.chars().count())
                .sum::<usize>()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ComponentSpec {
    Button {
        custom_id: String,
        label: String,
        style: Style,
        disabled: bool,
    },
    Select {
        custom_id: String,
        placeholder: String,
        options: Vec<(String, String)>,
    },
}

/// One message, ready to send.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageSpec {
    pub content: Option<String>,
    pub embeds: Vec<EmbedSpec>,
    pub rows: Vec<Vec<ComponentSpec>>,
    pub ephemeral: bool,
    pub files: Vec<(String, Vec<u8>)>,
}

pub fn colour(tone: Tone) -> u32 {
    match tone {
        Tone::Info => 0x5865F2,
        Tone::Success => 0x57F287,
        Tone::Warning => 0xFEE75C,
        Tone::Danger => 0xED4245,
    }
}

/// Commands as Discord spells them: slash commands with named options.
pub struct DiscordSpelling;

impl SpellHint for DiscordSpelling {
    fn check_command(&self, argument: &str) -> String {
        format!("/check target:{argument}")
    }
}

fn embed_of(reply: &Reply) -> (EmbedSpec, Option<(String, Vec<u8>)>) {
    let mut file = None;
    let text = reply.text_with_hint(&DiscordSpelling);
    let description = if text.chars().count() > limits::DESCRIPTION {
        // Long text goes whole into a file; the embed keeps the beginning.
        file = Some(("details.md".to_string(), text.clone().into_bytes()));
        truncate_chars(&text, limits::DESCRIPTION)
    } else {
        text
    };
    let fields = reply
        .fields
        .iter()
        .take(limits::FIELDS)
        .map(|f| {
            (
                truncate_chars(&f.name, limits::FIELD_NAME),
                truncate_chars(&f.value, limits::FIELD_VALUE),
            )
        })
        .collect();
    let mut e = EmbedSpec {
        title: reply
            .title
            .as_deref()
            .map(|t| truncate_chars(t, limits::TITLE)),
        description,
        fields,
        footer: reply
            .article
            .as_deref()
            .map(|a| truncate_chars(&format!("article: {a}"), limits::FOOTER)),
        colour: colour(reply.tone),
        image: reply
            .image
            .as_ref()
            .map(|i| format!("attachment://{}", i.name)),
    };
    shrink_to(&mut e, limits::TOTAL);
    (e, file)
}

/// Cuts an embed to `max` total characters: fields' values first, then the description.
#[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
fn shrink_to(e: &mut EmbedSpec, max: usize) {
    while e.total_chars() > max && !e.fields.is_empty() {
        let over = e.total_chars() - max;
        // The loop condition guarantees a field exists.
        let (_, v) = e.fields.last_mut().expect("fields is non-empty");
        let len = v.chars().count();
        if len > over + 20 {
            *v = truncate_chars(v, len - over);
        } else {
            e.fields.pop();
        }
    }
    let over = e.total_chars().saturating_sub(max);
    if over > 0 {
        let keep = e.description.chars().count().saturating_sub(over);
        e.description = truncate_chars(&e.description, keep);
    }
}

fn button_style(style: Style) -> ButtonStyle {
    match style {
        Style::Primary => ButtonStyle::Primary,
        Style::Secondary => ButtonStyle::Secondary,
        Style::Success => ButtonStyle::Success,
        Style::Danger => ButtonStyle::Danger,
    }
}

/// `sb:<owner>:<token>`, or None when it would not fit a custom_id.
pub fn conversation_id(owner: &str, action: &Action) -> Option<String> {
    let id = format!("{CONVERSATION_PREFIX}:{owner}:{}", action.token());
    (id.len() <= limits::CUSTOM_ID).then_some(id)
}

/// The token of the article select menu (its value is the article's id).
pub const ARTICLE_MENU: &str = "article-menu";

/// Parses `sb:<owner>:<token>` into the owner's user id and the action token (`browser` for
/// the browser select menu, whose value carries the choice).
pub fn parse_conversation_id(id: &str) -> Option<(&str, &str)> {
    let rest = id.strip_prefix(CONVERSATION_PREFIX)?.strip_prefix(':')?;
    rest.split_once(':')
}

fn rows_for(owner: &str, reply: &Reply) -> Vec<Vec<ComponentSpec>> {
    let mut rows: Vec<Vec<ComponentSpec>> = Vec::new();
    // Browser choices become one select menu; everything else buttons.
    let browsers: Vec<&crate::reply::Choice> = reply
        .choices
        .iter()
        .filter(|c| matches!(c.action, Action::Browser(_)))
        .collect();
    if !browsers.is_empty()
        && let Some(custom_id) = conversation_id(owner, &Action::Browser(None))
            .map(|id| id.replace("browser:other", "browser"))
    {
        rows.push(vec![ComponentSpec::Select {
            custom_id,
            placeholder: "Which browser do you use?".into(),
            options: browsers
                .iter()
                .take(limits::SELECT_OPTIONS)
                .map(|c| {
                    (
                        truncate_chars(&c.label, 100),
                        c.action.token().trim_start_matches("browser:").to_string(),
                    )
                })
                .collect(),
        }]);
    }
    // Articles to pick from, more than a row of buttons holds ("What do you see?" offers them
    // all): one select menu, whose value is the article's id; fewer stay buttons.
    let articles: Vec<&crate::reply::Choice> = reply
        .choices
        .iter()
        .filter(|c| matches!(c.action, Action::Article(_)))
        .collect();
    let articles_in_a_menu = articles.len() > limits::BUTTONS_PER_ROW;
    if articles_in_a_menu {
        rows.push(vec![ComponentSpec::Select {
            custom_id: format!("{CONVERSATION_PREFIX}:{owner}:{ARTICLE_MENU}"),
            placeholder: "Pick the closest problem".into(),
            options: articles
                .iter()
                .take(limits::SELECT_OPTIONS)
                .filter_map(|c| match &c.action {
                    Action::Article(id) => Some((truncate_chars(&c.label, 100), id.clone())),
                    _ => None,
                })
                .collect(),
        }]);
    }
    let mut row = Vec::new();
    let in_a_menu = |c: &&crate::reply::Choice| match c.action {
        Action::Browser(_) => true,
        Action::Article(_) => articles_in_a_menu,
        _ => false,
    };
    for c in reply.choices.iter().filter(|c| !in_a_menu(c)) {
        let Some(custom_id) = conversation_id(owner, &c.action) else {
            continue;
        };
        if row.len() == limits::BUTTONS_PER_ROW {
            rows.push(std::mem::take(&mut row));
        }
        row.push(ComponentSpec::Button {
            custom_id,
            label: truncate_chars(&c.label, limits::BUTTON_LABEL),
            style: c.style,
            disabled: false,
        });
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows.truncate(limits::ROWS);
    rows
}

/// Packs replies into as few messages as the limits allow (10 embeds and 6000 characters a
/// message); the components of the last reply with choices go on the last message.
pub fn messages(owner: &str, replies: &[Reply]) -> Vec<MessageSpec> {
    let ephemeral = replies.iter().any(|r| r.private);
    let mut out: Vec<MessageSpec> = Vec::new();
    let mut current = MessageSpec {
        ephemeral,
        ..Default::default()
    };
    for r in replies {
        let (embed, file) = embed_of(r);
        let used: usize = current.embeds.iter().map(EmbedSpec::total_chars).sum();
        if !current.embeds.is_empty()
            && (current.embeds.len() == limits::EMBEDS
                || used + embed.total_chars() > limits::TOTAL)
        {
            out.push(std::mem::replace(
                &mut current,
                MessageSpec {
                    ephemeral,
                    ..Default::default()
                },
            ));
        }
        current.embeds.push(embed);
        current.files.extend(file);
        if let Some(i) = &r.image {
            current.files.push((i.name.clone(), i.png.clone()));
        }
    }
    out.push(current);
    // The choices of every reply, in order and without repeats, go on the last message.
    let mut all = Reply::new("");
    for r in replies {
        for c in &r.choices {
            if !all.choices.iter().any(|x| x.action == c.action) {
                all.choices.push(c.clone());
            }
        }
    }
    if let Some(last) = out.last_mut() {
        last.rows = rows_for(owner, &all);
    }
    out
}

/// The staff card as an embed, with Claim / Resolve (or Reopen) buttons for the ticket.
pub fn ticket_message(
    card: &Card,
    ticket: TicketId,
    status: crate::escalation::ticket::Status,
    claimed_by: Option<&str>,
) -> MessageSpec {
    use crate::escalation::ticket::Status;
    let mut fields = card.fields.clone();
    let status_text = match (status, claimed_by) {
        (Status::Claimed, Some(by)) => format!(
            "claimed by {}",
            crate::escalation::text::escape_markdown(by)
        ),
        (s, _) => s.word().to_string(),
    };
    fields.insert(0, ("Status".to_string(), status_text));
    fields.truncate(limits::FIELDS);
    let mut e = EmbedSpec {
        title: Some(truncate_chars(&card.title, limits::TITLE)),
        description: truncate_chars(&card.description, limits::DESCRIPTION),
        fields,
        footer: Some(truncate_chars(&card.footer, limits::FOOTER)),
        colour: match status {
            Status::Open => colour(Tone::Danger),
            Status::Claimed => colour(Tone::Warning),
            Status::Resolved => colour(Tone::Success),
        },
        image: None,
    };
    shrink_to(&mut e, limits::TOTAL);
    MessageSpec {
        content: None,
        embeds: vec![e],
        rows: vec![ticket_buttons(ticket, status)],
        ephemeral: false,
        files: Vec::new(),
    }
}

/// The plain card posted when Discord refused the full one: the ticket id, who asked and the
/// same buttons, so staff still see the ticket and can act on it.
pub fn ticket_fallback(
    ticket: TicketId,
    user: &crate::session::UserRef,
    status: crate::escalation::ticket::Status,
) -> MessageSpec {
    let name = crate::escalation::text::escape_one_line(&truncate_chars(&user.name, 100));
    // A mention shows the user's current name; `no_mentions` keeps it from pinging.
    let who = match user.id.parse::<u64>() {
        Ok(id) => format!("{name} (<@{id}>)"),
        Err(_) => name,
    };
    MessageSpec {
        content: Some(content(&format!(
            "**Ticket {ticket}** from {who} ({}). Discord refused the full card, so it cannot \
             be shown here: use `/ticket show {ticket}` to read it; the transcript follows in \
             the ticket's thread.",
            status.word()
        ))),
        embeds: Vec::new(),
        rows: vec![ticket_buttons(ticket, status)],
        ephemeral: false,
        files: Vec::new(),
    }
}

/// Claim / Resolve (and Release once claimed), or Reopen, for a ticket in `status`.
fn ticket_buttons(
    ticket: TicketId,
    status: crate::escalation::ticket::Status,
) -> Vec<ComponentSpec> {
    use crate::escalation::ticket::Status;
    let button = |press, label: &str, style: Style, disabled: bool| ComponentSpec::Button {
        custom_id: TicketButton { press, ticket }.custom_id(),
        label: label.into(),
        style,
        disabled,
    };
    match status {
        Status::Open => vec![
            button(TicketPress::Claim, "Claim", Style::Primary, false),
            button(TicketPress::Resolve, "Resolve", Style::Success, false),
        ],
        Status::Claimed => vec![
            button(TicketPress::Claim, "Claimed", Style::Secondary, true),
            button(TicketPress::Resolve, "Resolve", Style::Success, false),
            button(TicketPress::Release, "Release", Style::Secondary, false),
        ],
        Status::Resolved => vec![button(
            TicketPress::Reopen,
            "Reopen",
            Style::Secondary,
            false,
        )],
    }
}

/// Mentions nobody: user text can never ping.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .empty_users()
        .empty_roles()
        .everyone(false)
        .replied_user(false)
}

pub fn to_embed(e: &EmbedSpec) -> CreateEmbed {
    let mut b = CreateEmbed::new()
        .description(&e.description)
        .colour(Colour::new(e.colour));
    if let Some(t) = &e.title {
        b = b.title(t);
    }
    for (n, v) in &e.fields {
        b = b.field(n, v, false);
    }
    if let Some(f) = &e.footer {
        b = b.footer(CreateEmbedFooter::new(f));
    }
    if let Some(url) = &e.image {
        b = b.image(url);
    }
    b
}

pub fn to_rows(rows: &[Vec<ComponentSpec>]) -> Vec<CreateActionRow> {
    rows.iter()
        .map(|row| match row.as_slice() {
            [
                ComponentSpec::Select {
                    custom_id,
                    placeholder,
                    options,
                },
            ] => CreateActionRow::SelectMenu(
                CreateSelectMenu::new(
                    custom_id,
                    CreateSelectMenuKind::String {
                        options: options
                            .iter()
                            .map(|(label, value)| CreateSelectMenuOption::new(label, value))
                            .collect(),
                    },
                )
                .placeholder(placeholder),
            ),
            buttons => CreateActionRow::Buttons(
                buttons
                    .iter()
                    .filter_map(|b| match b {
                        ComponentSpec::Button {
                            custom_id,
                            label,
                            style,
                            disabled,
                        } => Some(
                            CreateButton::new(custom_id)
                                .label(label)
                                .style(button_style(*style))
                                .disabled(*disabled),
                        ),
                        ComponentSpec::Select { .. } => None,
                    })
                    .collect(),
            ),
        })
        .collect()
}

pub fn to_files(files: &[(String, Vec<u8>)]) -> Vec<CreateAttachment> {
    files
        .iter()
        .map(|(name, bytes)| CreateAttachment::bytes(bytes.clone(), name.clone()))
        .collect()
}

/// Plain content for notices, cut to Discord's 2000 characters.
pub fn content(text: &str) -> String {
    truncate_chars(text, limits::CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::Browser;

    fn check_limits(m: &MessageSpec) {
        assert!(m.embeds.len() <= limits::EMBEDS);
        assert!(m.embeds.iter().map(EmbedSpec::total_chars).sum::<usize>() <= limits::TOTAL);
        for e in &m.embeds {
            assert!(
                e.title
                    .as_deref()
                    .is_none_or(|t| t.chars().count() <= limits::TITLE)
            );
            assert!(e.description.chars().count() <= limits::DESCRIPTION);
            assert!(e.fields.len() <= limits::FIELDS);
            assert!(
                e.fields
                    .iter()
                    .all(|(n, v)| n.chars().count() <= limits::FIELD_NAME
                        && v.chars().count() <= limits::FIELD_VALUE)
            );
        }
        assert!(m.rows.len() <= limits::ROWS);
        for row in &m.rows {
            assert!(row.len() <= limits::BUTTONS_PER_ROW);
            for c in row {
                let id = match c {
                    ComponentSpec::Button { custom_id, .. }
                    | ComponentSpec::Select { custom_id, .. } => custom_id,
                };
                assert!(id.len() <= limits::CUSTOM_ID);
            }
        }
    }

    #[test]
    fn huge_replies_stay_within_limits() {
        let mut big = Reply::new("é".repeat(9000)).title("t".repeat(400));
        for i in 0..40 {
            big = big.field(format!("f{i}").repeat(100), "v".repeat(3000));
        }
        for i in 0..12 {
            big = big.choice(
                Action::Article(format!("article-{i}")),
                "x".repeat(200),
                Style::Primary,
            );
        }
        let replies = vec![big.clone(), big.clone(), Reply::new("short")];
        let msgs = messages("123456789012345678", &replies);
        assert!(msgs.len() >= 2, "split across messages");
        msgs.iter().for_each(check_limits);
        assert_eq!(msgs[0].files.len(), 1, "long text attached whole");
    }

    /// "What do you see?" said twice offers every article: more than a row of buttons holds,
    /// so they are one select menu (values the ids), the check and a person stay buttons.
    #[test]
    fn many_articles_to_pick_from_become_a_select() {
        let mut r = Reply::new("Pick the closest");
        for i in 0..14 {
            r = r.choice(
                Action::Article(format!("article-{i}")),
                format!("Title {i}"),
                Style::Secondary,
            );
        }
        let r = r
            .choice(
                Action::Check,
                "Check if the service is up",
                Style::Secondary,
            )
            .choice(Action::Escalate, "Talk to a human", Style::Secondary);
        let m = &messages("42", &[r])[0];
        check_limits(m);
        let ComponentSpec::Select {
            custom_id, options, ..
        } = &m.rows[0][0]
        else {
            panic!("a select: {:?}", m.rows[0])
        };
        assert_eq!(parse_conversation_id(custom_id), Some(("42", ARTICLE_MENU)));
        assert_eq!(options.len(), 14);
        assert_eq!(options[3], ("Title 3".to_string(), "article-3".to_string()));
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.rows[1].len(), 2);
        // Three articles ("Is it one of these?") stay buttons.
        let mut few = Reply::new("Is it one of these?");
        for i in 0..3 {
            few = few.choice(
                Action::Article(format!("article-{i}")),
                format!("Title {i}"),
                Style::Primary,
            );
        }
        let m = &messages("42", &[few])[0];
        assert!(matches!(&m.rows[0][0], ComponentSpec::Button { .. }));
    }

    #[test]
    fn browser_choices_become_a_select_and_ids_round_trip() {
        let r = Reply::new("Which browser?")
            .choice(
                Action::Browser(Some(Browser::Chrome)),
                "Chrome",
                Style::Secondary,
            )
            .choice(Action::Browser(None), "Other", Style::Secondary)
            .choice(Action::Escalate, "Talk to a human", Style::Secondary);
        let m = &messages("42", &[r])[0];
        assert!(
            matches!(&m.rows[0][0], ComponentSpec::Select { options, .. } if options.len() == 2)
        );
        let ComponentSpec::Button { custom_id, .. } = &m.rows[1][0] else {
            panic!()
        };
        assert_eq!(parse_conversation_id(custom_id), Some(("42", "escalate")));
    }

    #[test]
    fn choices_of_every_reply_in_a_message_become_components() {
        // /diagnose answers with the article (offering a live check) and then the browser
        // question: both sets of choices must reach the user, each action once.
        let article = Reply::new("summary")
            .choice(
                Action::Check,
                "Check if the service is up",
                Style::Secondary,
            )
            .choice(Action::Escalate, "Talk to a human", Style::Secondary);
        let question = Reply::new("Which browser?")
            .choice(
                Action::Browser(Some(Browser::Chrome)),
                "Chrome",
                Style::Secondary,
            )
            .choice(Action::Browser(None), "Other", Style::Secondary)
            .choice(Action::Escalate, "Talk to a human", Style::Secondary);
        let m = &messages("42", &[article, question])[0];
        assert_eq!(m.rows.len(), 2);
        assert!(matches!(&m.rows[0][0], ComponentSpec::Select { .. }));
        let ids: Vec<&str> = m.rows[1]
            .iter()
            .filter_map(|c| match c {
                ComponentSpec::Button { custom_id, .. } => Some(custom_id.as_str()),
                ComponentSpec::Select { .. } => None,
            })
            .collect();
        assert_eq!(ids, ["sb:42:check", "sb:42:escalate"]);
    }

    #[test]
    fn the_fallback_card_names_the_ticket_and_the_user_and_keeps_the_buttons() {
        use crate::escalation::ticket::Status;
        let user = crate::session::UserRef {
            id: "100".into(),
            name: "**al**ice".into(),
            channel: "20".into(),
        };
        let m = ticket_fallback(TicketId(7), &user, Status::Open);
        check_limits(&m);
        let text = m.content.as_deref().unwrap_or_default();
        assert!(
            text.contains("T-0007") && text.contains("/ticket show T-0007"),
            "{text}"
        );
        assert!(
            text.contains("<@100>") && !text.contains("**al**"),
            "{text}"
        );
        assert!(m.embeds.is_empty());
        let ids: Vec<&str> = m.rows[0]
            .iter()
            .filter_map(|c| match c {
                ComponentSpec::Button { custom_id, .. } => Some(custom_id.as_str()),
                ComponentSpec::Select { .. } => None,
            })
            .collect();
        assert_eq!(ids, ["sbt:claim:T-0007", "sbt:resolve:T-0007"]);
    }
}
