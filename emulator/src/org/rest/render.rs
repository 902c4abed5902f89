//! World records as GitHub's REST items.
use scim::org::{
    CredentialAuthorization, MembershipRole, MembershipState, OrgMembership,
    OrganizationInvitation, OrganizationSimple, SimpleUser,
};

use crate::ids::rfc3339_from_epoch;
use crate::org::model::{Account, Credential, Invitation, InvitationSource, Role};
use crate::org::{node_id, OrgWorld, ORG_ID};

pub fn simple_user(api: &str, account: &Account) -> SimpleUser {
    SimpleUser::new(api, &account.login, account.id, node_id("User", account.id))
}

pub fn membership(
    api: &str,
    org: &str,
    account: &Account,
    state: MembershipState,
    role: Role,
) -> OrgMembership {
    OrgMembership {
        url: format!("{api}/orgs/{org}/memberships/{}", account.login),
        state,
        role: match role {
            Role::Admin => MembershipRole::Admin,
            Role::Member => MembershipRole::Member,
        },
        direct_membership: Some(true),
        organization_url: format!("{api}/orgs/{org}"),
        organization: OrganizationSimple::new(api, org, ORG_ID, node_id("Organization", ORG_ID)),
        user: Some(simple_user(api, account)),
        permissions: Some(scim::org::rest::MembershipPermissions {
            can_create_repository: true,
        }),
    }
}

pub fn invitation(
    api: &str,
    world: &OrgWorld,
    invitation: &Invitation,
) -> Option<OrganizationInvitation> {
    let inviter = world.account(invitation.inviter)?;
    Some(OrganizationInvitation {
        id: invitation.id,
        login: invitation
            .invitee
            .and_then(|id| world.account(id))
            .map(|a| a.login.clone()),
        email: invitation.email.clone(),
        role: invitation.role.rest_name().to_owned(),
        created_at: rfc3339_from_epoch(invitation.created_at),
        failed_at: None,
        failed_reason: None,
        inviter: simple_user(api, inviter),
        team_count: 0,
        node_id: node_id("OrganizationInvitation", invitation.id),
        invitation_teams_url: format!(
            "{api}/organizations/{ORG_ID}/invitations/{}/teams",
            invitation.id
        ),
        invitation_source: Some(
            match invitation.source {
                InvitationSource::Member => "member",
                InvitationSource::Scim => "scim",
            }
            .to_owned(),
        ),
    })
}

pub fn credential(world: &OrgWorld, credential: &Credential) -> Option<CredentialAuthorization> {
    let owner = world.account(credential.owner)?;
    Some(CredentialAuthorization {
        login: owner.login.clone(),
        credential_id: credential.credential_id,
        credential_type: credential.kind,
        token_last_eight: credential.token_last_eight.clone(),
        credential_authorized_at: rfc3339_from_epoch(credential.authorized_at),
        scopes: credential.scopes.clone(),
        fingerprint: credential.fingerprint.clone(),
        credential_accessed_at: credential.accessed_at.map(rfc3339_from_epoch),
        authorized_credential_id: Some(credential.authorized_credential_id),
        authorized_credential_title: credential.title.clone(),
        authorized_credential_note: credential.note.clone(),
        authorized_credential_expires_at: credential.expires_at.map(rfc3339_from_epoch),
    })
}
