//! Who may do what, checked on the server side for every staff and admin interaction.

use serenity::all::{Member, Permissions, RoleId};

/// What a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Anyone,
    /// `STAFF_ROLE_ID` or Manage Server.
    Staff,
    /// Manage Server.
    Admin,
}

/// The facts about the caller that decide access.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    pub roles: Vec<u64>,
    pub manage_guild: bool,
    pub in_guild: bool,
}

impl Caller {
    pub fn of(member: Option<&Member>) -> Caller {
        match member {
            Some(m) => Caller {
                roles: m.roles.iter().map(|r: &RoleId| r.get()).collect(),
                manage_guild: m.permissions.is_some_and(|p| {
                    p.contains(Permissions::MANAGE_GUILD) || p.contains(Permissions::ADMINISTRATOR)
                }),
                in_guild: true,
            },
            None => Caller::default(),
        }
    }
}

/// None when allowed; otherwise the reason, shown privately to the caller.
pub fn refuse(need: Need, caller: &Caller, staff_role: Option<u64>) -> Option<String> {
    match need {
        Need::Anyone => None,
        Need::Staff => {
            let staff =
                caller.manage_guild || staff_role.is_some_and(|r| caller.roles.contains(&r));
            (!staff).then(|| match staff_role {
                Some(_) if caller.in_guild => "This command is for the support staff: it needs the staff role or the Manage Server permission.".to_string(),
                _ if !caller.in_guild => "Staff commands work in the server, not in direct messages.".to_string(),
                _ => "This command is for the support staff: it needs the Manage Server permission (no staff role is configured).".to_string(),
            })
        }
        Need::Admin => (!caller.manage_guild).then(|| {
            if caller.in_guild {
                "This command is for server admins: it needs the Manage Server permission."
                    .to_string()
            } else {
                "Admin commands work in the server, not in direct messages.".to_string()
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_and_admin_rules() {
        let member = Caller {
            roles: vec![7],
            manage_guild: false,
            in_guild: true,
        };
        let admin = Caller {
            roles: vec![],
            manage_guild: true,
            in_guild: true,
        };
        let dm = Caller::default();
        assert!(refuse(Need::Anyone, &dm, Some(7)).is_none());
        assert!(refuse(Need::Staff, &member, Some(7)).is_none());
        assert!(
            refuse(Need::Staff, &member, Some(8))
                .unwrap()
                .contains("staff role")
        );
        assert!(refuse(Need::Staff, &admin, Some(8)).is_none());
        assert!(
            refuse(Need::Staff, &dm, Some(7))
                .unwrap()
                .contains("direct messages")
        );
        assert!(
            refuse(Need::Admin, &member, Some(7))
                .unwrap()
                .contains("Manage Server")
        );
        assert!(refuse(Need::Admin, &admin, None).is_none());
    }
}
