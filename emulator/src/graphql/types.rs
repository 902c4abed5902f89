//! The owned GraphQL object types the emulator exposes, named and typed exactly as in GitHub's
//! schema (`@octokit/graphql-schema`; `tests/graphql_sdl.rs` checks every type, field and
//! argument against it). Nodes are materialized under the store's lock, then served from here.
use async_graphql::{
    Enum, InputValueError, InputValueResult, Scalar, ScalarType, SimpleObject, Value, ID,
};

/// GitHub's `DateTime` scalar: an ISO-8601 string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTime(pub String);

#[Scalar(name = "DateTime")]
impl ScalarType for DateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match value {
            Value::String(s) => Ok(Self(s)),
            other => Err(InputValueError::expected_type(other)),
        }
    }
    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

/// GitHub's `URI` scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uri(pub String);

#[Scalar(name = "URI")]
impl ScalarType for Uri {
    fn parse(value: Value) -> InputValueResult<Self> {
        match value {
            Value::String(s) => Ok(Self(s)),
            other => Err(InputValueError::expected_type(other)),
        }
    }
    fn to_value(&self) -> Value {
        Value::String(self.0.clone())
    }
}

#[derive(Debug, Clone, SimpleObject)]
#[graphql(name = "User")]
pub struct UserNode {
    pub id: ID,
    pub login: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, SimpleObject)]
#[graphql(name = "UserEmailMetadata")]
pub struct EmailMetadata {
    pub primary: Option<bool>,
    #[graphql(name = "type")]
    pub kind: Option<String>,
    pub value: String,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ExternalIdentityAttribute {
    pub metadata: Option<String>,
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ExternalIdentitySamlAttributes {
    pub attributes: Vec<ExternalIdentityAttribute>,
    pub emails: Option<Vec<EmailMetadata>>,
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub groups: Option<Vec<String>>,
    pub name_id: Option<String>,
    pub username: Option<String>,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ExternalIdentityScimAttributes {
    pub emails: Option<Vec<EmailMetadata>>,
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub groups: Option<Vec<String>>,
    pub username: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum OrganizationInvitationSource {
    Member,
    Scim,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum OrganizationInvitationType {
    Email,
    User,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum OrganizationInvitationRole {
    Admin,
    BillingManager,
    DirectMember,
    Reinstate,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct OrganizationInvitation {
    pub created_at: DateTime,
    pub email: Option<String>,
    pub id: ID,
    pub invitation_source: OrganizationInvitationSource,
    pub invitation_type: OrganizationInvitationType,
    pub invitee: Option<UserNode>,
    pub inviter_actor: Option<UserNode>,
    pub organization: super::schema::Organization,
    pub role: OrganizationInvitationRole,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ExternalIdentity {
    pub guid: String,
    pub id: ID,
    pub organization_invitation: Option<OrganizationInvitation>,
    pub saml_identity: Option<ExternalIdentitySamlAttributes>,
    pub scim_identity: Option<ExternalIdentityScimAttributes>,
    pub user: Option<UserNode>,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ExternalIdentityEdge {
    pub cursor: String,
    pub node: Option<ExternalIdentity>,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct PageInfo {
    pub end_cursor: Option<String>,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub start_cursor: Option<String>,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ExternalIdentityConnection {
    pub edges: Option<Vec<Option<ExternalIdentityEdge>>>,
    pub nodes: Option<Vec<Option<ExternalIdentity>>>,
    pub page_info: PageInfo,
    pub total_count: i32,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct RateLimit {
    pub cost: i32,
    pub limit: i32,
    pub node_count: i32,
    pub remaining: i32,
    pub reset_at: DateTime,
    pub used: i32,
}
