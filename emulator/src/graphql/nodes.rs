//! One world identity as GitHub's `ExternalIdentity` node: SAML attributes as asserted, SCIM
//! attributes read from the SCIM store (so both APIs agree), the linked user, and the pending
//! SCIM invitation.
use async_graphql::ID;
use scim::ScimUser;

use super::identities::identity_id;
use super::schema::Organization;
use super::types::{
    DateTime, EmailMetadata, ExternalIdentity, ExternalIdentityAttribute,
    ExternalIdentitySamlAttributes, ExternalIdentityScimAttributes, OrganizationInvitation,
    OrganizationInvitationRole, OrganizationInvitationSource, OrganizationInvitationType, UserNode,
};
use crate::ids::rfc3339_from_epoch;
use crate::org::model::{self, InvitationRole, InvitationSource};
use crate::org::{node_id, OrgWorld};
use crate::state::Emulator;
use crate::store::Store;

const CLAIMS: &str = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims";

pub fn node(
    store: &Store,
    _emulator: &Emulator,
    identity: &model::ExternalIdentity,
) -> ExternalIdentity {
    let world = &store.org;
    ExternalIdentity {
        guid: identity.guid.clone(),
        id: identity_id(identity.seq),
        organization_invitation: identity
            .invitation
            .and_then(|id| world.invitation(id))
            .map(|i| invitation(world, i)),
        saml_identity: identity.saml.as_ref().map(saml),
        scim_identity: identity
            .scim_user_id
            .as_deref()
            .and_then(|id| store.get(id))
            .map(scim),
        user: identity.user.and_then(|id| user(world, id)),
    }
}

fn user(world: &OrgWorld, id: u64) -> Option<UserNode> {
    world.account(id).map(|a| UserNode {
        id: ID(node_id("User", a.id)),
        login: a.login.clone(),
        name: a.name.clone(),
    })
}

fn saml(saml: &model::SamlIdentity) -> ExternalIdentitySamlAttributes {
    let mut attributes = vec![ExternalIdentityAttribute {
        metadata: None,
        name: format!("{CLAIMS}/name"),
        value: saml.name_id.clone(),
    }];
    for (claim, value) in [
        ("emailaddress", saml.emails.first()),
        ("givenname", saml.given_name.as_ref()),
        ("surname", saml.family_name.as_ref()),
    ] {
        if let Some(value) = value {
            attributes.push(ExternalIdentityAttribute {
                metadata: None,
                name: format!("{CLAIMS}/{claim}"),
                value: value.clone(),
            });
        }
    }
    ExternalIdentitySamlAttributes {
        attributes,
        emails: Some(
            saml.emails
                .iter()
                .enumerate()
                .map(|(i, value)| EmailMetadata {
                    primary: Some(i == 0),
                    kind: None,
                    value: value.clone(),
                })
                .collect(),
        ),
        family_name: saml.family_name.clone(),
        given_name: saml.given_name.clone(),
        groups: (!saml.groups.is_empty()).then(|| saml.groups.clone()),
        name_id: Some(saml.name_id.clone()),
        username: None,
    }
}

fn scim(user: &ScimUser) -> ExternalIdentityScimAttributes {
    ExternalIdentityScimAttributes {
        emails: Some(
            user.emails
                .iter()
                .map(|e| EmailMetadata {
                    primary: Some(e.primary),
                    kind: e.kind.clone(),
                    value: e.value.clone(),
                })
                .collect(),
        ),
        family_name: user.name.as_ref().and_then(|n| n.family_name.clone()),
        given_name: user.name.as_ref().and_then(|n| n.given_name.clone()),
        groups: Some(
            user.groups
                .iter()
                .filter_map(|g| g.display.clone().or_else(|| g.value.clone()))
                .collect(),
        ),
        username: user.user_name.clone(),
    }
}

fn invitation(world: &OrgWorld, invitation: &model::Invitation) -> OrganizationInvitation {
    OrganizationInvitation {
        created_at: DateTime(rfc3339_from_epoch(invitation.created_at)),
        email: invitation.email.clone(),
        id: ID(node_id("OrganizationInvitation", invitation.id)),
        invitation_source: match invitation.source {
            InvitationSource::Member => OrganizationInvitationSource::Member,
            InvitationSource::Scim => OrganizationInvitationSource::Scim,
        },
        invitation_type: if invitation.invitee.is_some() {
            OrganizationInvitationType::User
        } else {
            OrganizationInvitationType::Email
        },
        invitee: invitation.invitee.and_then(|id| user(world, id)),
        inviter_actor: user(world, invitation.inviter),
        organization: Organization,
        role: match invitation.role {
            InvitationRole::Admin => OrganizationInvitationRole::Admin,
            InvitationRole::BillingManager => OrganizationInvitationRole::BillingManager,
            InvitationRole::DirectMember | InvitationRole::HiringManager => {
                OrganizationInvitationRole::DirectMember
            }
        },
    }
}
