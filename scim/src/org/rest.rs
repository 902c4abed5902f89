//! The org REST item types: `simple-user` (members, outside collaborators, inviters),
//! `org-membership`, `organization-simple`, `organization-invitation` and
//! `credential-authorization`, field for field as in `contracts/github-org-members.openapi.json`.
use serde::{Deserialize, Serialize};

/// `simple-user`. Every field but `name`, `email`, `starred_at`, `user_view_type` is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimpleUser {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub login: String,
    pub id: u64,
    pub node_id: String,
    pub avatar_url: String,
    pub gravatar_id: Option<String>,
    pub url: String,
    pub html_url: String,
    pub followers_url: String,
    pub following_url: String,
    pub gists_url: String,
    pub starred_url: String,
    pub subscriptions_url: String,
    pub organizations_url: String,
    pub repos_url: String,
    pub events_url: String,
    pub received_events_url: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub site_admin: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_view_type: Option<String>,
}

impl SimpleUser {
    /// A user as GitHub renders one, its API links under `api` (e.g. `https://api.github.com`).
    pub fn new(api: &str, login: &str, id: u64, node_id: String) -> Self {
        let me = format!("{api}/users/{login}");
        Self {
            name: None,
            email: None,
            login: login.to_owned(),
            id,
            node_id,
            avatar_url: format!("https://avatars.githubusercontent.com/u/{id}?v=4"),
            gravatar_id: Some(String::new()),
            html_url: format!("https://github.com/{login}"),
            followers_url: format!("{me}/followers"),
            following_url: format!("{me}/following{{/other_user}}"),
            gists_url: format!("{me}/gists{{/gist_id}}"),
            starred_url: format!("{me}/starred{{/owner}}{{/repo}}"),
            subscriptions_url: format!("{me}/subscriptions"),
            organizations_url: format!("{me}/orgs"),
            repos_url: format!("{me}/repos"),
            events_url: format!("{me}/events{{/privacy}}"),
            received_events_url: format!("{me}/received_events"),
            url: me,
            kind: "User".into(),
            site_admin: false,
            user_view_type: Some("public".into()),
        }
    }
}

/// What a client reads of a `simple-user` in a list (members, outside collaborators): decoding
/// only these fields keeps a browser client small; the others are skipped.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ListedUser {
    pub login: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// What a client reads of an `organization-invitation` (its `inviter` is a whole `simple-user`,
/// which a client does not need).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ListedInvitation {
    pub id: u64,
    pub login: Option<String>,
    pub email: Option<String>,
    pub created_at: String,
    #[serde(default)]
    pub invitation_source: Option<String>,
}

/// What a client reads of an `org-membership`: whether the user is a member now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct MembershipStateOnly {
    pub state: MembershipState,
}

/// `organization-simple`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSimple {
    pub login: String,
    pub id: u64,
    pub node_id: String,
    pub url: String,
    pub repos_url: String,
    pub events_url: String,
    pub hooks_url: String,
    pub issues_url: String,
    pub members_url: String,
    pub public_members_url: String,
    pub avatar_url: String,
    pub description: Option<String>,
}

impl OrganizationSimple {
    pub fn new(api: &str, login: &str, id: u64, node_id: String) -> Self {
        let me = format!("{api}/orgs/{login}");
        Self {
            login: login.to_owned(),
            id,
            node_id,
            repos_url: format!("{me}/repos"),
            events_url: format!("{me}/events"),
            hooks_url: format!("{me}/hooks"),
            issues_url: format!("{me}/issues"),
            members_url: format!("{me}/members{{/member}}"),
            public_members_url: format!("{me}/public_members{{/member}}"),
            avatar_url: format!("https://avatars.githubusercontent.com/u/{id}?v=4"),
            description: None,
            url: me,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipState {
    Active,
    /// Invited, not yet accepted.
    Pending,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipRole {
    Admin,
    Member,
    BillingManager,
}

/// `org-membership`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMembership {
    pub url: String,
    pub state: MembershipState,
    pub role: MembershipRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_membership: Option<bool>,
    pub organization_url: String,
    pub organization: OrganizationSimple,
    pub user: Option<SimpleUser>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<MembershipPermissions>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipPermissions {
    pub can_create_repository: bool,
}

/// `organization-invitation`. `login` is null for an invitee without a GitHub account (an
/// email invitation, which is what a SCIM invitation is); `invitation_source` is `member`
/// or `scim`; `role` is `direct_member`, `admin`, `billing_manager` or `hiring_manager`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationInvitation {
    pub id: u64,
    pub login: Option<String>,
    pub email: Option<String>,
    pub role: String,
    pub created_at: String,
    #[serde(default)]
    pub failed_at: Option<String>,
    #[serde(default)]
    pub failed_reason: Option<String>,
    pub inviter: SimpleUser,
    pub team_count: u64,
    pub node_id: String,
    pub invitation_teams_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation_source: Option<String>,
}

/// `credential_type` as GitHub spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CredentialType {
    #[serde(rename = "personal access token")]
    PersonalAccessToken,
    #[serde(rename = "SSH key")]
    SshKey,
    #[serde(rename = "OAuth app token")]
    OauthAppToken,
    #[serde(rename = "GitHub app token")]
    GithubAppToken,
}

impl CredentialType {
    /// Whether an owner can revoke its SSO authorization (classic PATs and SSH keys only,
    /// per GitHub's credential types reference; the others are shown as they are).
    pub fn revocable(self) -> bool {
        matches!(self, Self::PersonalAccessToken | Self::SshKey)
    }
}

/// `credential-authorization`. Token fields (`token_last_eight`, `scopes`,
/// `authorized_credential_note`, `authorized_credential_expires_at`) appear on tokens only;
/// `fingerprint` and `authorized_credential_title` on SSH keys only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialAuthorization {
    pub login: String,
    pub credential_id: u64,
    pub credential_type: CredentialType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_last_eight: Option<String>,
    pub credential_authorized_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    pub credential_accessed_at: Option<String>,
    pub authorized_credential_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_credential_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_credential_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized_credential_expires_at: Option<String>,
}
