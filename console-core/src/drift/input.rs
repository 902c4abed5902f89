//! What the drift review reads, independent of wire formats: the console maps GitHub's decoded
//! REST and GraphQL types into these (field by field; the sources are named on each), so the
//! join does not depend on any crate's type names. Emails are listed primary first
//! (see [`primary_first`]).
use scim::ScimUser;

/// One of `GET /orgs/{org}/members` (`simple-user`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub login: String,
    /// `name`, usually null in that list.
    pub name: Option<String>,
    /// From `?role=admin` (or GraphQL `membersWithRole`); `Unknown` when not asked.
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    Admin,
    Member,
    #[default]
    Unknown,
}

/// One of `GET /orgs/{org}/outside_collaborators` (`simple-user`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collaborator {
    pub login: String,
    pub name: Option<String>,
}

/// One GraphQL `ExternalIdentity` node (contract §2.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExternalIdentity {
    pub guid: String,
    /// `user { login name }`: null until someone claims the identity by signing in.
    pub user: Option<LinkedUser>,
    pub saml: Option<SamlAttributes>,
    pub scim: Option<ScimAttributes>,
    pub invitation: Option<NodeInvitation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedUser {
    pub login: String,
    pub name: Option<String>,
}

/// `samlIdentity { nameId username emails givenName familyName }`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SamlAttributes {
    pub name_id: Option<String>,
    pub username: Option<String>,
    pub emails: Vec<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
}

/// `scimIdentity { username emails givenName familyName }`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScimAttributes {
    pub username: Option<String>,
    pub emails: Vec<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
}

/// `organizationInvitation { createdAt email invitationSource invitee { login } }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeInvitation {
    /// RFC 3339 (`DateTime`).
    pub created_at: String,
    pub email: Option<String>,
    pub source: InvitationSource,
    pub invitee_login: Option<String>,
}

/// GraphQL `MEMBER | SCIM | UNKNOWN`; REST `member | scim`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationSource {
    Member,
    Scim,
    Unknown,
}

impl InvitationSource {
    /// Either API's spelling, case-insensitively.
    pub fn from_github(value: &str) -> Self {
        match value.to_ascii_lowercase().as_str() {
            "member" => Self::Member,
            "scim" => Self::Scim,
            _ => Self::Unknown,
        }
    }
}

/// One SCIM identity of `GET /scim/v2/organizations/{org}/Users`: where `scim_user_id` comes
/// from (GraphQL has no SCIM id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScimIdentity {
    pub id: String,
    pub user_name: String,
    pub emails: Vec<String>,
}

impl From<&ScimUser> for ScimIdentity {
    fn from(user: &ScimUser) -> Self {
        Self {
            id: user.id.clone(),
            user_name: user.user_name.clone().unwrap_or_default(),
            emails: primary_first(user.emails.iter().map(|e| (e.value.as_str(), e.primary))),
        }
    }
}

/// One of `GET /orgs/{org}/invitations` (`organization-invitation`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: u64,
    /// Null for an invitee without a GitHub account (what a SCIM invitation usually is).
    pub login: Option<String>,
    pub email: Option<String>,
    pub created_at: String,
    /// `invitation_source`; absent in older answers, hence `Unknown`.
    pub source: InvitationSource,
}

/// Emails with the primary one first, the rest in their order; empty values dropped.
pub fn primary_first<'a>(emails: impl IntoIterator<Item = (&'a str, bool)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (value, primary) in emails {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if primary {
            out.insert(0, value.to_owned());
        } else {
            out.push(value.to_owned());
        }
    }
    out
}
