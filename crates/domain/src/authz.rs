//! Who may do what. Handlers ask these functions, with facts loaded from storage, before acting;
//! the answers are pure so that the whole matrix can be tested here, role by role.

use crate::MemberRole;

/// The facts about the person acting that authorisation needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Actor {
    /// Signed in (or holding an API token) at all.
    pub signed_in: bool,
    /// Runs the hub: creates localities, sees across them.
    pub platform_admin: bool,
}

impl Actor {
    pub const VISITOR: Actor = Actor {
        signed_in: false,
        platform_admin: false,
    };
    pub const PERSON: Actor = Actor {
        signed_in: true,
        platform_admin: false,
    };
    pub const PLATFORM_ADMIN: Actor = Actor {
        signed_in: true,
        platform_admin: true,
    };
}

/// Actions on an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationAction {
    /// Create a new organisation (the creator becomes its owner).
    Create,
    /// Edit the profile, localities and contributions.
    Edit,
    /// See the member list with email addresses.
    SeeMembers,
    /// Invite people by email.
    Invite,
    /// Change a member's role or remove a member.
    ManageMembers,
}

/// Why something was refused: a Fluent key the person sees.
pub type Refusal = &'static str;

/// Decides an action on an organisation, given the actor's role in it (if any).
pub fn organisation(
    actor: Actor,
    role: Option<MemberRole>,
    action: OrganisationAction,
) -> Result<(), Refusal> {
    if !actor.signed_in {
        return Err("refused-sign-in");
    }
    let allowed = match action {
        OrganisationAction::Create => true,
        OrganisationAction::SeeMembers => role.is_some() || actor.platform_admin,
        OrganisationAction::Edit
        | OrganisationAction::Invite
        | OrganisationAction::ManageMembers => {
            role.is_some_and(MemberRole::manages) || actor.platform_admin
        }
    };
    if allowed {
        Ok(())
    } else {
        Err("refused-not-organisation-admin")
    }
}

/// Only owners may appoint or remove owners; admins manage admins and members. An organisation
/// always keeps at least one owner.
pub fn change_role(
    actor: Actor,
    actor_role: Option<MemberRole>,
    target_role: MemberRole,
    new_role: Option<MemberRole>,
    owners: usize,
) -> Result<(), Refusal> {
    organisation(actor, actor_role, OrganisationAction::ManageMembers)?;
    let touches_owner = target_role == MemberRole::Owner || new_role == Some(MemberRole::Owner);
    if touches_owner && actor_role != Some(MemberRole::Owner) && !actor.platform_admin {
        return Err("refused-only-owner-manages-owners");
    }
    if target_role == MemberRole::Owner && new_role != Some(MemberRole::Owner) && owners <= 1 {
        return Err("refused-last-owner");
    }
    Ok(())
}

/// A member leaves; the last owner cannot, or the organisation would be ownerless.
pub fn leave(role: MemberRole, owners: usize) -> Result<(), Refusal> {
    if role == MemberRole::Owner && owners <= 1 {
        Err("refused-last-owner")
    } else {
        Ok(())
    }
}

/// Actions on a locality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalityAction {
    /// Create a locality and name its convener: platform admins only.
    Create,
    /// Edit the locality's profile: platform admins and the convener's owners and admins.
    Edit,
}

/// Decides an action on a locality, given the actor's role in its convener organisation.
pub fn locality(
    actor: Actor,
    convener_role: Option<MemberRole>,
    action: LocalityAction,
) -> Result<(), Refusal> {
    if !actor.signed_in {
        return Err("refused-sign-in");
    }
    let allowed = actor.platform_admin
        || match action {
            LocalityAction::Create => false,
            LocalityAction::Edit => convener_role.is_some_and(MemberRole::manages),
        };
    if allowed {
        Ok(())
    } else {
        Err("refused-not-platform-admin")
    }
}

/// The locality's agenda (its goals) is kept by its staff: any member of the convener
/// organisation. Everyone reads it. A platform administrator sets a locality up, but its agenda
/// is the city's decision: they keep it only as a member of the convener.
pub fn edit_agenda(actor: Actor, convener_role: Option<MemberRole>) -> Result<(), Refusal> {
    if !actor.signed_in {
        return Err("refused-sign-in");
    }
    if convener_role.is_some() {
        Ok(())
    } else {
        Err("refused-convener-only")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MemberRole::*;
    use OrganisationAction::*;

    #[test]
    fn organisation_matrix() {
        let roles = [None, Some(Member), Some(Admin), Some(Owner)];
        // (action, allowed for: visitor-none, member, admin, owner) for a signed-in person.
        let expected = [
            (Create, [true, true, true, true]),
            (Edit, [false, false, true, true]),
            (SeeMembers, [false, true, true, true]),
            (Invite, [false, false, true, true]),
            (ManageMembers, [false, false, true, true]),
        ];
        for (action, allowed) in expected {
            for (role, allow) in roles.iter().zip(allowed) {
                assert_eq!(
                    organisation(Actor::PERSON, *role, action).is_ok(),
                    allow,
                    "{action:?} {role:?}"
                );
                assert!(organisation(Actor::VISITOR, *role, action).is_err());
                assert!(organisation(Actor::PLATFORM_ADMIN, *role, action).is_ok());
            }
        }
    }

    #[test]
    fn owners_are_protected() {
        assert_eq!(
            change_role(Actor::PERSON, Some(Admin), Member, Some(Owner), 1),
            Err("refused-only-owner-manages-owners")
        );
        assert_eq!(
            change_role(Actor::PERSON, Some(Admin), Owner, Some(Member), 2),
            Err("refused-only-owner-manages-owners")
        );
        assert!(change_role(Actor::PERSON, Some(Admin), Member, Some(Admin), 1).is_ok());
        assert!(change_role(Actor::PERSON, Some(Owner), Owner, Some(Admin), 2).is_ok());
        assert_eq!(
            change_role(Actor::PERSON, Some(Owner), Owner, None, 1),
            Err("refused-last-owner")
        );
        assert_eq!(
            change_role(Actor::PERSON, Some(Member), Member, None, 1),
            Err("refused-not-organisation-admin")
        );
    }

    #[test]
    fn last_owner_cannot_leave() {
        assert_eq!(leave(Owner, 1), Err("refused-last-owner"));
        assert!(leave(Owner, 2).is_ok());
        assert!(leave(Member, 1).is_ok());
    }

    #[test]
    fn the_agenda_is_kept_by_the_convener_staff() {
        assert!(edit_agenda(Actor::PERSON, Some(Member)).is_ok());
        assert!(edit_agenda(Actor::PERSON, None).is_err());
        assert!(edit_agenda(Actor::PLATFORM_ADMIN, None).is_err());
        assert!(edit_agenda(Actor::PLATFORM_ADMIN, Some(Member)).is_ok());
        assert!(edit_agenda(Actor::VISITOR, Some(Owner)).is_err());
    }

    #[test]
    fn locality_matrix() {
        assert!(locality(Actor::PLATFORM_ADMIN, None, LocalityAction::Create).is_ok());
        assert!(locality(Actor::PERSON, Some(Owner), LocalityAction::Create).is_err());
        assert!(locality(Actor::PERSON, Some(Admin), LocalityAction::Edit).is_ok());
        assert!(locality(Actor::PERSON, Some(Member), LocalityAction::Edit).is_err());
        assert!(locality(Actor::VISITOR, None, LocalityAction::Edit).is_err());
    }
}
