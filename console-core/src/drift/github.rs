//! GitHub's decoded answers (`scim::org`) as the review's inputs, field by field: REST
//! `simple-user` (members, outside collaborators, as `ListedUser`), `organization-invitation` (as
//! `ListedInvitation`) and
//! `credential-authorization`, and the GraphQL `ExternalIdentity` node of the drift query.
use scim::org::graphql;
use scim::org::rest::{CredentialAuthorization, CredentialType, ListedInvitation};
use scim::org::ListedUser;

use super::credential::{Credential, CredentialKind};
use super::input::{
    primary_first, Collaborator, ExternalIdentity, Invitation, InvitationSource, LinkedUser,
    Member, NodeInvitation, Role, SamlAttributes, ScimAttributes,
};

/// A member of `GET /orgs/{org}/members`; `admin` when the login is also in `?role=admin`.
pub fn member(user: ListedUser, admin: bool) -> Member {
    Member {
        login: user.login,
        name: user.name,
        role: if admin { Role::Admin } else { Role::Member },
    }
}

pub fn collaborator(user: ListedUser) -> Collaborator {
    Collaborator {
        login: user.login,
        name: user.name,
    }
}

pub fn invitation(invitation: ListedInvitation) -> Invitation {
    Invitation {
        id: invitation.id,
        login: invitation.login,
        email: invitation.email,
        created_at: invitation.created_at,
        source: invitation
            .invitation_source
            .as_deref()
            .map_or(InvitationSource::Unknown, InvitationSource::from_github),
    }
}

pub fn credential(c: CredentialAuthorization) -> Credential {
    let kind = match c.credential_type {
        CredentialType::PersonalAccessToken => CredentialKind::ClassicPat,
        CredentialType::SshKey => CredentialKind::SshKey,
        CredentialType::OauthAppToken => CredentialKind::Other("OAuth app token".into()),
        CredentialType::GithubAppToken => CredentialKind::Other("GitHub app token".into()),
    };
    Credential {
        credential_id: c.credential_id,
        login: c.login,
        kind,
        token_last_eight: c.token_last_eight,
        fingerprint: c.fingerprint,
        title: c
            .authorized_credential_title
            .or(c.authorized_credential_note),
        authorized_at: c.credential_authorized_at,
        accessed_at: c.credential_accessed_at,
        expires_at: c.authorized_credential_expires_at,
        scopes: c.scopes.unwrap_or_default(),
    }
}

fn emails(list: Option<Vec<graphql::EmailMetadata>>) -> Vec<String> {
    let list = list.unwrap_or_default();
    primary_first(
        list.iter()
            .map(|e| (e.value.as_str(), e.primary.unwrap_or(false))),
    )
}

/// One node of an external identities page (the organization's or the enterprise's).
pub fn identity(node: graphql::ExternalIdentity) -> ExternalIdentity {
    ExternalIdentity {
        guid: node.guid,
        user: node.user.map(|u| LinkedUser {
            login: u.login,
            name: u.name,
        }),
        saml: node.saml_identity.map(|s| SamlAttributes {
            name_id: s.name_id,
            username: s.username,
            emails: emails(s.emails),
            given_name: s.given_name,
            family_name: s.family_name,
        }),
        scim: node.scim_identity.map(|s| ScimAttributes {
            username: s.username,
            emails: emails(s.emails),
            given_name: s.given_name,
            family_name: s.family_name,
        }),
        invitation: node.organization_invitation.map(|i| NodeInvitation {
            created_at: i.created_at,
            email: i.email,
            source: InvitationSource::from_github(&i.invitation_source),
            invitee_login: i.invitee.map(|u| u.login),
        }),
    }
}

/// The nodes of one page's edges (GraphQL allows null edges and nodes; they carry nothing).
pub fn identities(connection: graphql::ExternalIdentityConnection) -> Vec<ExternalIdentity> {
    let edges = connection.edges.unwrap_or_default().into_iter().flatten();
    edges.filter_map(|e| e.node).map(identity).collect()
}
