//! Slash command definitions, and parsing an invocation into a plain [`SlashCommand`] before
//! anything runs.

use super::perms::Need;
use crate::browser::Browser;
use crate::escalation::StaffAction;
use crate::escalation::ticket::TicketId;
use crate::incident::IncidentId;
use crate::service::KbVerb;
use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CreateCommand,
    CreateCommandOption,
};

/// A parsed slash command.
#[derive(Debug, Clone, PartialEq)]
pub enum SlashCommand {
    Diagnose {
        description: String,
        browser: Option<Browser>,
        share: bool,
    },
    Fix {
        article: String,
        browser: Option<Browser>,
    },
    Check {
        target: String,
    },
    Escalate {
        note: Option<String>,
    },
    Ticket {
        verb: TicketVerb,
        id: TicketId,
    },
    Kb {
        verb: KbVerb,
    },
    /// Everyone: the services' status and incidents.
    Status,
    /// Staff: work with incidents.
    Incident {
        verb: IncidentVerb,
    },
    Help,
}

/// `/incident list|open|update|resolve|confirm|dismiss`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncidentVerb {
    List,
    Open {
        title: String,
        article: String,
    },
    Update {
        id: IncidentId,
        text: String,
    },
    Resolve {
        id: IncidentId,
        note: Option<String>,
        tickets: bool,
        /// Even though its target's last check still failed.
        force: bool,
    },
    Confirm {
        id: IncidentId,
    },
    Dismiss {
        id: IncidentId,
    },
}

/// `/ticket show` reads a ticket; the others act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketVerb {
    Show,
    Act(StaffAction),
}

impl SlashCommand {
    pub fn need(&self) -> Need {
        match self {
            SlashCommand::Ticket { .. } | SlashCommand::Incident { .. } => Need::Staff,
            SlashCommand::Kb { .. } => Need::Admin,
            _ => Need::Anyone,
        }
    }
}

fn browser_option() -> CreateCommandOption {
    let mut o =
        CreateCommandOption::new(CommandOptionType::String, "browser", "The browser you use");
    for b in Browser::ALL {
        o = o.add_string_choice(b.label(), b.id());
    }
    o
}

fn ticket_id_option() -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, "id", "Ticket id, e.g. T-0042")
        .required(true)
        .set_autocomplete(true)
}

fn incident_id_option() -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, "id", "Incident id, e.g. I-0007")
        .required(true)
}

/// Every command the bot registers.
pub fn definitions() -> Vec<CreateCommand> {
    vec![
        CreateCommand::new("diagnose")
            .description("Describe a problem; I'll find the fix")
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    "description",
                    "What happens, in your own words (the exact error helps)",
                )
                .required(true)
                .max_length(1500),
            )
            .add_option(browser_option())
            .add_option(CreateCommandOption::new(
                CommandOptionType::Boolean,
                "share",
                "Show the answer to the channel, not only to you",
            )),
        CreateCommand::new("fix")
            .description("Go straight to an article's fixes")
            .add_option(
                CreateCommandOption::new(CommandOptionType::String, "article", "The article")
                    .required(true)
                    .set_autocomplete(true),
            )
            .add_option(browser_option()),
        CreateCommand::new("check")
            .description("Check right now whether a service is up")
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    "target",
                    "A named service, or a URL",
                )
                .required(true)
                .set_autocomplete(true),
            ),
        CreateCommand::new("escalate")
            .description("Hand your problem to a person on the support team")
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    "note",
                    "Anything the team should know",
                )
                .max_length(1000),
            ),
        CreateCommand::new("ticket")
            .description("Support staff: work with tickets")
            .add_option(
                CreateCommandOption::new(CommandOptionType::SubCommand, "show", "Show a ticket")
                    .add_sub_option(ticket_id_option()),
            )
            .add_option(
                CreateCommandOption::new(CommandOptionType::SubCommand, "claim", "Claim a ticket")
                    .add_sub_option(ticket_id_option())
                    .add_sub_option(CreateCommandOption::new(
                        CommandOptionType::Boolean,
                        "take_over",
                        "Take it over from whoever holds it now",
                    )),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    "release",
                    "Give a claimed ticket back to the queue",
                )
                .add_sub_option(ticket_id_option()),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    "resolve",
                    "Resolve a ticket",
                )
                .add_sub_option(ticket_id_option())
                .add_sub_option(
                    CreateCommandOption::new(CommandOptionType::String, "note", "What fixed it")
                        .max_length(1000),
                ),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    "reopen",
                    "Reopen a resolved ticket",
                )
                .add_sub_option(ticket_id_option())
                .add_sub_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "note",
                        "Why it is reopened (sent to the user)",
                    )
                    .max_length(1000),
                ),
            ),
        CreateCommand::new("kb")
            .description("Admins: the knowledge base")
            .add_option(CreateCommandOption::new(
                CommandOptionType::SubCommand,
                "reload",
                "Reload the knowledge files now",
            ))
            .add_option(CreateCommandOption::new(
                CommandOptionType::SubCommand,
                "check",
                "Validate the knowledge files",
            ))
            .add_option(CreateCommandOption::new(
                CommandOptionType::SubCommand,
                "list",
                "List articles",
            ))
            .add_option(
                CreateCommandOption::new(CommandOptionType::SubCommand, "show", "Show an article")
                    .add_sub_option(
                        CreateCommandOption::new(CommandOptionType::String, "id", "Article id")
                            .required(true)
                            .set_autocomplete(true),
                    ),
            ),
        CreateCommand::new("status").description("Is it me or is it them? The services' status"),
        CreateCommand::new("incident")
            .description("Support staff: outages")
            .add_option(CreateCommandOption::new(
                CommandOptionType::SubCommand,
                "list",
                "Incidents going on",
            ))
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    "open",
                    "Declare an outage no probe sees",
                )
                .add_sub_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "title",
                        "What users are told is wrong",
                    )
                    .required(true)
                    .max_length(1000),
                )
                .add_sub_option(
                    CreateCommandOption::new(
                        CommandOptionType::String,
                        "article",
                        "The article it concerns",
                    )
                    .required(true)
                    .set_autocomplete(true),
                ),
            )
            .add_option(
                CreateCommandOption::new(CommandOptionType::SubCommand, "update", "Post an update")
                    .add_sub_option(incident_id_option())
                    .add_sub_option(
                        CreateCommandOption::new(CommandOptionType::String, "text", "The update")
                            .required(true)
                            .max_length(1000),
                    ),
            )
            .add_option(
                CreateCommandOption::new(CommandOptionType::SubCommand, "resolve", "Resolve it")
                    .add_sub_option(incident_id_option())
                    .add_sub_option(
                        CreateCommandOption::new(
                            CommandOptionType::String,
                            "note",
                            "What users are told",
                        )
                        .max_length(1000),
                    )
                    .add_sub_option(CreateCommandOption::new(
                        CommandOptionType::Boolean,
                        "tickets",
                        "Also resolve the tickets escalated during it",
                    ))
                    .add_sub_option(CreateCommandOption::new(
                        CommandOptionType::Boolean,
                        "force",
                        "Even though its service's last check still failed",
                    )),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    "confirm",
                    "Confirm a suspected incident",
                )
                .add_sub_option(incident_id_option()),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    "dismiss",
                    "Dismiss a suspected incident",
                )
                .add_sub_option(incident_id_option()),
            ),
        CreateCommand::new("help").description("What I can do"),
    ]
}

fn string(options: &[CommandDataOption], name: &str) -> Option<String> {
    options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| o.value.as_str())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn boolean(options: &[CommandDataOption], name: &str) -> Option<bool> {
    options
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| o.value.as_bool())
}

fn browser(options: &[CommandDataOption]) -> Result<Option<Browser>, String> {
    string(options, "browser")
        .map(|b| b.parse::<Browser>().map_err(|e| e.to_string()))
        .transpose()
}

fn sub(options: &[CommandDataOption]) -> Option<(&str, &[CommandDataOption])> {
    options.iter().find_map(|o| match &o.value {
        CommandDataOptionValue::SubCommand(inner) => Some((o.name.as_str(), inner.as_slice())),
        _ => None,
    })
}

/// Parses an invocation. The error text is shown to the user.
pub fn parse(name: &str, options: &[CommandDataOption]) -> Result<SlashCommand, String> {
    Ok(match name {
        "diagnose" => SlashCommand::Diagnose {
            description: string(options, "description")
                .ok_or("Describe the problem in the `description` option.")?,
            browser: browser(options)?,
            share: boolean(options, "share").unwrap_or(false),
        },
        "fix" => SlashCommand::Fix {
            article: string(options, "article")
                .ok_or("Pick an article in the `article` option.")?,
            browser: browser(options)?,
        },
        "check" => SlashCommand::Check {
            target: string(options, "target")
                .ok_or("Name a service or paste a URL in `target`.")?,
        },
        "escalate" => SlashCommand::Escalate {
            note: string(options, "note"),
        },
        "ticket" => {
            let (verb, inner) =
                sub(options).ok_or("Use /ticket show|claim|release|resolve|reopen.")?;
            let verb = match verb {
                "show" => TicketVerb::Show,
                "claim" if boolean(inner, "take_over") == Some(true) => {
                    TicketVerb::Act(StaffAction::TakeOver)
                }
                "claim" => TicketVerb::Act(StaffAction::Claim),
                "release" => TicketVerb::Act(StaffAction::Release),
                "resolve" => TicketVerb::Act(StaffAction::Resolve {
                    note: string(inner, "note"),
                }),
                "reopen" => TicketVerb::Act(StaffAction::Reopen {
                    note: string(inner, "note"),
                }),
                other => return Err(format!("Unknown /ticket action `{other}`.")),
            };
            let id = string(inner, "id").ok_or("Give the ticket id, e.g. T-0042.")?;
            SlashCommand::Ticket {
                verb,
                id: id.parse()?,
            }
        }
        "kb" => {
            let (verb, inner) = sub(options).ok_or("Use /kb reload|check|list|show.")?;
            SlashCommand::Kb {
                verb: match verb {
                    "reload" => KbVerb::Reload,
                    "check" => KbVerb::Check,
                    "list" => KbVerb::List,
                    "show" => KbVerb::Show {
                        id: string(inner, "id").ok_or("Give the article id.")?,
                    },
                    other => return Err(format!("Unknown /kb action `{other}`.")),
                },
            }
        }
        "status" => SlashCommand::Status,
        "incident" => {
            let (verb, inner) =
                sub(options).ok_or("Use /incident list|open|update|resolve|confirm|dismiss.")?;
            let id = || -> Result<IncidentId, String> {
                string(inner, "id")
                    .ok_or("Give the incident id, e.g. I-0007.")?
                    .parse()
            };
            SlashCommand::Incident {
                verb: match verb {
                    "list" => IncidentVerb::List,
                    "open" => IncidentVerb::Open {
                        title: string(inner, "title").ok_or("Say what is wrong in `title`.")?,
                        article: string(inner, "article")
                            .ok_or("Pick the article it concerns in `article`.")?,
                    },
                    "update" => IncidentVerb::Update {
                        id: id()?,
                        text: string(inner, "text").ok_or("Write the update in `text`.")?,
                    },
                    "resolve" => IncidentVerb::Resolve {
                        id: id()?,
                        note: string(inner, "note"),
                        tickets: boolean(inner, "tickets").unwrap_or(false),
                        force: boolean(inner, "force").unwrap_or(false),
                    },
                    "confirm" => IncidentVerb::Confirm { id: id()? },
                    "dismiss" => IncidentVerb::Dismiss { id: id()? },
                    other => return Err(format!("Unknown /incident action `{other}`.")),
                },
            }
        }
        "help" => SlashCommand::Help,
        other => {
            return Err(format!(
                "I don't know the command /{other}; it may be from an older version. Try /help."
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn opts(v: serde_json::Value) -> Vec<CommandDataOption> {
        serde_json::from_value(v).expect("valid options")
    }

    #[test]
    fn parses_commands() {
        let o = opts(
            json!([{"name": "description", "type": 3, "value": "502 on chrome"}, {"name": "browser", "type": 3, "value": "safari-ios"}]),
        );
        assert_eq!(
            parse("diagnose", &o),
            Ok(SlashCommand::Diagnose {
                description: "502 on chrome".into(),
                browser: Some(Browser::SafariIos),
                share: false
            })
        );
        let o = opts(
            json!([{"name": "resolve", "type": 1, "options": [{"name": "id", "type": 3, "value": "T-0001"}, {"name": "note", "type": 3, "value": "done"}]}]),
        );
        assert_eq!(
            parse("ticket", &o),
            Ok(SlashCommand::Ticket {
                verb: TicketVerb::Act(StaffAction::Resolve {
                    note: Some("done".into())
                }),
                id: TicketId(1),
            })
        );
        for (options, note) in [
            (json!([{"name": "id", "type": 3, "value": "T-0001"}]), None),
            (
                json!([{"name": "id", "type": 3, "value": "T-0001"}, {"name": "note", "type": 3, "value": " the 502 is back "}]),
                Some("the 502 is back".to_string()),
            ),
        ] {
            let o = opts(json!([{"name": "reopen", "type": 1, "options": options}]));
            assert_eq!(
                parse("ticket", &o),
                Ok(SlashCommand::Ticket {
                    verb: TicketVerb::Act(StaffAction::Reopen { note }),
                    id: TicketId(1),
                })
            );
        }
        for (take_over, action) in [
            (json!(true), StaffAction::TakeOver),
            (json!(false), StaffAction::Claim),
        ] {
            let o = opts(
                json!([{"name": "claim", "type": 1, "options": [{"name": "id", "type": 3, "value": "T-0001"}, {"name": "take_over", "type": 5, "value": take_over}]}]),
            );
            assert_eq!(
                parse("ticket", &o),
                Ok(SlashCommand::Ticket {
                    verb: TicketVerb::Act(action),
                    id: TicketId(1),
                })
            );
        }
        assert!(parse("diagnose", &[]).unwrap_err().contains("description"));
        assert!(parse("nope", &[]).is_err());
        let o = opts(
            json!([{"name": "description", "type": 3, "value": "x"}, {"name": "browser", "type": 3, "value": "netscape"}]),
        );
        assert!(
            parse("diagnose", &o)
                .unwrap_err()
                .contains("unknown browser")
        );
    }

    #[test]
    fn parses_incident_commands() {
        let o = opts(
            json!([{"name": "resolve", "type": 1, "options": [{"name": "id", "type": 3, "value": "I-0007"}, {"name": "tickets", "type": 5, "value": true}]}]),
        );
        assert_eq!(
            parse("incident", &o),
            Ok(SlashCommand::Incident {
                verb: IncidentVerb::Resolve {
                    id: IncidentId(7),
                    note: None,
                    tickets: true,
                    force: false,
                }
            })
        );
        let o = opts(
            json!([{"name": "resolve", "type": 1, "options": [{"name": "id", "type": 3, "value": "I-0007"}, {"name": "force", "type": 5, "value": true}]}]),
        );
        assert_eq!(
            parse("incident", &o),
            Ok(SlashCommand::Incident {
                verb: IncidentVerb::Resolve {
                    id: IncidentId(7),
                    note: None,
                    tickets: false,
                    force: true,
                }
            })
        );
        let o = opts(
            json!([{"name": "update", "type": 1, "options": [{"name": "id", "type": 3, "value": "T-1"}, {"name": "text", "type": 3, "value": "x"}]}]),
        );
        assert!(
            parse("incident", &o)
                .unwrap_err()
                .contains("not an incident id")
        );
        assert_eq!(parse("status", &[]), Ok(SlashCommand::Status));
        assert_eq!(
            SlashCommand::Incident {
                verb: IncidentVerb::List
            }
            .need(),
            Need::Staff
        );
    }

    #[test]
    fn definitions_fit_discord() {
        for c in definitions() {
            let v = serde_json::to_value(&c).unwrap();
            assert!(v["name"].as_str().unwrap().len() <= 32);
            assert!(v["description"].as_str().unwrap().chars().count() <= 100);
        }
    }
}
