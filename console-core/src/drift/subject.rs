//! What a row's actions need, per kind of row (the cells are what it shows).
use super::credential::{CredentialKind, Ownership};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A member (members without a SCIM identity, without any external identity).
    Member(MemberSubject),
    /// One external identity node (never linked, NameID ≠ userName in one node, linked to a
    /// login that is no longer a member).
    Identity(IdentitySubject),
    /// A SAML-only node and a SCIM-only node that look like one person, or an ambiguous group.
    Pairing(PairingSubject),
    Credential(CredentialSubject),
    /// An outside collaborator: shown apart, nothing to fix.
    Collaborator {
        login: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSubject {
    pub login: String,
    /// Has a node with a SAML identity linked to the login (its SSO page has something to
    /// revoke).
    pub has_saml: bool,
    /// Has a linked SCIM identity: removing the member by hand would leave it stale.
    pub linked_scim: bool,
    pub owner: Owner,
}

/// Whether a member owns the organization (`?role=admin`), as far as the review knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    No,
    /// One of several owners.
    Yes,
    /// The only owner: GitHub refuses to remove them.
    Only,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentitySubject {
    pub guid: String,
    /// The linked login, if any.
    pub login: Option<String>,
    /// Whether that login is a member now.
    pub member: bool,
    pub has_saml: bool,
    /// The node has SCIM data (a SCIM identity that `scim_user_id` deletes).
    pub has_scim: bool,
    /// `scimIdentity.username`, when the node has SCIM data.
    pub scim_user_name: Option<String>,
    /// The SCIM identity's primary email (or the invitation's), for the confirmation.
    pub email: Option<String>,
    /// Joined from the SCIM list (see `join::scim_user_id`); `None` when unknown.
    pub scim_user_id: Option<String>,
    /// The pending SCIM invitation's id, joined from the REST list; `None` when unknown.
    pub invitation_id: Option<u64>,
}

impl Subject {
    /// The GitHub accounts the row is about (none for an identity no account claimed).
    pub fn logins(&self) -> Vec<&str> {
        match self {
            Self::Member(m) => vec![m.login.as_str()],
            Self::Identity(i) => i.login.as_deref().into_iter().collect(),
            Self::Pairing(p) => p.logins.iter().map(String::as_str).collect(),
            Self::Credential(c) => vec![c.login.as_str()],
            Self::Collaborator { login } => vec![login.as_str()],
        }
    }
}

impl IdentitySubject {
    /// What identifies the identity to the owner: its SCIM userName, else its email, else its
    /// GUID.
    pub fn shown_name(&self) -> &str {
        let named = self.scim_user_name.as_deref().or(self.email.as_deref());
        named.unwrap_or(&self.guid)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairingSubject {
    pub saml_guids: Vec<String>,
    pub scim_guids: Vec<String>,
    /// The accounts on the SAML side.
    pub logins: Vec<String>,
    /// Those of them that are members (whose SSO page is where a wrong link is revoked).
    pub member_logins: Vec<String>,
    /// More than one node on a side: the review does not pick.
    pub ambiguous: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialSubject {
    pub credential_id: u64,
    pub login: String,
    pub member: bool,
    pub kind: CredentialKind,
    /// The last eight characters or the fingerprint.
    pub identifier: String,
    pub scopes: Vec<String>,
    pub ownership: Ownership,
}
