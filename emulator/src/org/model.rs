//! The records of the organization world: GitHub accounts, memberships, external identities
//! (SAML and/or SCIM), invitations and credential authorizations. Pure data; the rules that
//! change them are in `world/`.
use scim::org::CredentialType;
use serde::{Deserialize, Serialize};

/// A GitHub account the organization knows: a member, an ex-member, an invitee or an outside
/// collaborator. Accounts are never deleted (a removed member still exists on GitHub).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: u64,
    pub login: String,
    pub name: Option<String>,
    pub two_factor: TwoFactor,
}

/// What `filter=2fa_disabled|2fa_insecure` looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TwoFactor {
    /// A security key, TOTP app or GitHub Mobile.
    Secure,
    /// Only SMS, which GitHub counts as insecure.
    Insecure,
    Disabled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Member,
}

/// A SAML assertion's attributes as GitHub keeps them on the external identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SamlIdentity {
    pub name_id: String,
    pub emails: Vec<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub groups: Vec<String>,
}

/// `ExternalIdentity`: a SAML identity, a SCIM identity, or both, and the account it is
/// linked to (`user`) once someone claimed it by signing in. The SCIM attributes are not
/// copied: they are read from the SCIM store by `scim_user_id`, so both APIs always agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalIdentity {
    /// Creation order; cursors and node ids derive from it.
    pub seq: u64,
    pub guid: String,
    pub saml: Option<SamlIdentity>,
    pub scim_user_id: Option<String>,
    pub user: Option<u64>,
    /// The pending SCIM invitation of an identity nobody claimed yet.
    pub invitation: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationSource {
    Member,
    Scim,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationRole {
    DirectMember,
    Admin,
    BillingManager,
    HiringManager,
}

impl InvitationRole {
    pub fn rest_name(self) -> &'static str {
        match self {
            Self::DirectMember => "direct_member",
            Self::Admin => "admin",
            Self::BillingManager => "billing_manager",
            Self::HiringManager => "hiring_manager",
        }
    }
}

/// A pending invitation: to an account (`invitee`) or to an email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: u64,
    pub invitee: Option<u64>,
    pub email: Option<String>,
    pub role: InvitationRole,
    pub source: InvitationSource,
    /// Seconds since the epoch.
    pub created_at: u64,
    pub inviter: u64,
}

/// A SAML SSO credential authorization (a classic PAT, an SSH key, or an app token shown as is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    pub credential_id: u64,
    pub owner: u64,
    pub kind: CredentialType,
    pub token_last_eight: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub fingerprint: Option<String>,
    pub title: Option<String>,
    pub note: Option<String>,
    pub authorized_at: u64,
    pub accessed_at: Option<u64>,
    pub expires_at: Option<u64>,
    pub authorized_credential_id: u64,
}
