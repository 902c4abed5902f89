//! GitHub's GraphQL answers for the drift review: the drift query of
//! `contracts/github-org-drift.md` §2.2, the node types it selects (field names exactly as in
//! GitHub's schema: `nameId`, `username`), and GitHub's error shape (`type`, `path`,
//! `extensions.saml_failure`).
use serde::{Deserialize, Serialize};

/// One page of external identities (contract §2.2): the selection both identity providers
/// share (`OrganizationIdentityProvider` and `EnterpriseIdentityProvider` serve the same
/// `ExternalIdentityConnection`), for a window of the connection (`first: 100, after: $after`
/// from the start, or `last: 100, before: $before` from the end).
macro_rules! identity_page {
    ($window:literal) => {
        concat!(
            "ssoUrl issuer\n      externalIdentities(",
            $window,
            r#") {
        totalCount
        pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
        edges { node {
          guid
          samlIdentity { nameId username emails { value primary type } givenName familyName groups }
          scimIdentity { username emails { value primary type } givenName familyName groups }
          user { login name }
          organizationInvitation { createdAt email invitationSource role invitee { login } }
        } }
      }"#
        )
    };
}

macro_rules! organization_query {
    ($cursor:literal, $window:literal) => {
        concat!(
            "query($org: String!, ",
            $cursor,
            r#": String) {
  organization(login: $org) {
    samlIdentityProvider {
      "#,
            identity_page!($window),
            r#"
    }
  }
  rateLimit { cost remaining resetAt }
}"#
        )
    };
}

macro_rules! enterprise_query {
    ($cursor:literal, $window:literal) => {
        concat!(
            "query($slug: String!, ",
            $cursor,
            r#": String) {
  enterprise(slug: $slug) {
    ownerInfo {
      samlIdentityProvider {
        "#,
            identity_page!($window),
            r#"
      }
    }
  }
  rateLimit { cost remaining resetAt }
}"#
        )
    };
}

/// The drift query (contract §2.2), one page of external identities per request.
pub const DRIFT_QUERY: &str = organization_query!("$after", "first: 100, after: $after");

/// The same pages from the end of the connection: a client can read from both ends at once
/// and stop where they meet (cursors cannot be guessed, so one end alone is one request after
/// another).
pub const DRIFT_QUERY_FROM_END: &str = organization_query!("$before", "last: 100, before: $before");

/// The drift query read from the enterprise, for SAML configured at the enterprise level
/// (contract §2: enterprise owners, `read:enterprise`; GitHub Apps cannot use it).
pub const ENTERPRISE_DRIFT_QUERY: &str = enterprise_query!("$after", "first: 100, after: $after");

/// [`ENTERPRISE_DRIFT_QUERY`] from the end of the connection.
pub const ENTERPRISE_DRIFT_QUERY_FROM_END: &str =
    enterprise_query!("$before", "last: 100, before: $before");

/// Every query string a client of this crate sends, by name: what the test command validates
/// against GitHub's published schema (`examples/graphql_queries.rs` prints them).
pub const QUERIES: &[(&str, &str)] = &[
    ("DRIFT_QUERY", DRIFT_QUERY),
    ("DRIFT_QUERY_FROM_END", DRIFT_QUERY_FROM_END),
    ("ENTERPRISE_DRIFT_QUERY", ENTERPRISE_DRIFT_QUERY),
    (
        "ENTERPRISE_DRIFT_QUERY_FROM_END",
        ENTERPRISE_DRIFT_QUERY_FROM_END,
    ),
];

/// Any GraphQL answer: `data` (absent or null when the whole request failed) and `errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response<T> {
    #[serde(default = "none")]
    pub data: Option<T>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Error>,
}

fn none<T>() -> Option<T> {
    None
}

/// One GraphQL error as GitHub sends it: `type` beside `message` (e.g. `FORBIDDEN`,
/// `NOT_FOUND`, `EXCESSIVE_PAGINATION`, `MISSING_PAGINATION_BOUNDARIES`, `RATE_LIMITED`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Error {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Error {
    /// GitHub's SAML refusal: `extensions.saml_failure: true` (contract §3).
    pub fn is_saml_failure(&self) -> bool {
        self.extensions
            .as_ref()
            .and_then(|e| e.get("saml_failure"))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

/// `data` of [`DRIFT_QUERY`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DriftData {
    pub organization: Option<Organization>,
    #[serde(default)]
    pub rate_limit: Option<RateLimit>,
}

/// `data` of any of the four drift queries as the console reads it: the organization's or the
/// enterprise's identity provider, one decoder for both; `rateLimit` is skipped (the client
/// takes the budget from the response's headers).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ProviderData {
    #[serde(default)]
    pub organization: Option<Organization>,
    #[serde(default)]
    pub enterprise: Option<Enterprise>,
}

/// `data` of [`ENTERPRISE_DRIFT_QUERY`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseDriftData {
    /// Null (with a `NOT_FOUND` error) for an unknown slug.
    pub enterprise: Option<Enterprise>,
    #[serde(default)]
    pub rate_limit: Option<RateLimit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Enterprise {
    /// Null for anyone but an enterprise owner.
    pub owner_info: Option<EnterpriseOwnerInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseOwnerInfo {
    /// Null when SAML is not configured at the enterprise.
    pub saml_identity_provider: Option<IdentityProvider>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    /// Null for a token without the rights, or when SAML is set at the enterprise.
    pub saml_identity_provider: Option<IdentityProvider>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProvider {
    #[serde(default)]
    pub sso_url: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    pub external_identities: ExternalIdentityConnection,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalIdentityConnection {
    pub total_count: u64,
    pub page_info: PageInfo,
    #[serde(default)]
    pub edges: Option<Vec<Option<ExternalIdentityEdge>>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    pub has_next_page: bool,
    #[serde(default)]
    pub end_cursor: Option<String>,
    /// Selected by the drift queries (to read from the end); absent from older selections.
    #[serde(default)]
    pub has_previous_page: bool,
    #[serde(default)]
    pub start_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExternalIdentityEdge {
    pub node: Option<ExternalIdentity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalIdentity {
    pub guid: String,
    pub saml_identity: Option<SamlAttributes>,
    pub scim_identity: Option<ScimAttributes>,
    /// The linked account; null until someone claims the identity by signing in.
    pub user: Option<UserRef>,
    pub organization_invitation: Option<Invitation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SamlAttributes {
    pub name_id: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub emails: Option<Vec<EmailMetadata>>,
    #[serde(default)]
    pub given_name: Option<String>,
    #[serde(default)]
    pub family_name: Option<String>,
    #[serde(default)]
    pub groups: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimAttributes {
    pub username: Option<String>,
    #[serde(default)]
    pub emails: Option<Vec<EmailMetadata>>,
    #[serde(default)]
    pub given_name: Option<String>,
    #[serde(default)]
    pub family_name: Option<String>,
    #[serde(default)]
    pub groups: Option<Vec<String>>,
}

/// `UserEmailMetadata`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailMetadata {
    pub value: String,
    #[serde(default)]
    pub primary: Option<bool>,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub login: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    pub created_at: String,
    #[serde(default)]
    pub email: Option<String>,
    /// `MEMBER`, `SCIM` or `UNKNOWN`.
    pub invitation_source: String,
    /// `ADMIN`, `BILLING_MANAGER`, `DIRECT_MEMBER` or `REINSTATE`.
    pub role: String,
    #[serde(default)]
    pub invitee: Option<InviteeRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteeRef {
    pub login: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateLimit {
    pub cost: u64,
    pub remaining: u64,
    pub reset_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn githubs_saml_refusal_decodes_and_is_recognised() {
        let body = r#"{"data":{"organization":{"samlIdentityProvider":null}},"errors":[{"type":"FORBIDDEN","path":["organization","samlIdentityProvider"],"extensions":{"saml_failure":true},"locations":[{"line":2,"column":3}],"message":"Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization."}]}"#;
        let answer: Response<DriftData> =
            serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}"));
        assert!(answer.errors[0].is_saml_failure());
        assert_eq!(answer.errors[0].kind.as_deref(), Some("FORBIDDEN"));
        let org = answer.data.and_then(|d| d.organization);
        assert_eq!(org.map(|o| o.saml_identity_provider), Some(None));
    }

    #[test]
    fn an_enterprise_page_decodes_into_the_same_node_types() {
        let body = r#"{"data":{"enterprise":{"ownerInfo":{"samlIdentityProvider":{"ssoUrl":null,"issuer":null,"externalIdentities":{"totalCount":1,"pageInfo":{"hasNextPage":false,"endCursor":"Y3Vyc29yOjE="},"edges":[{"node":{"guid":"g","samlIdentity":{"nameId":"a@x.example","username":null,"emails":[],"givenName":null,"familyName":null,"groups":null},"scimIdentity":null,"user":{"login":"a","name":null},"organizationInvitation":null}}]}}}},"rateLimit":{"cost":1,"remaining":4999,"resetAt":"2026-01-01T00:00:00Z"}}}"#;
        let answer: Response<EnterpriseDriftData> =
            serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}"));
        let provider = answer
            .data
            .and_then(|d| d.enterprise)
            .and_then(|e| e.owner_info)
            .and_then(|o| o.saml_identity_provider)
            .unwrap_or_else(|| panic!("no provider"));
        let edges = provider.external_identities.edges.unwrap_or_default();
        let node = edges[0].as_ref().and_then(|e| e.node.as_ref());
        assert_eq!(node.map(|n| n.guid.as_str()), Some("g"));
    }

    #[test]
    fn the_consoles_one_shape_reads_both_providers_answers() {
        let org = r#"{"data":{"organization":{"samlIdentityProvider":null}},"errors":[{"type":"FORBIDDEN","extensions":{"saml_failure":true},"message":"m"}]}"#;
        let answer: Response<ProviderData> =
            serde_json::from_str(org).unwrap_or_else(|e| panic!("{e}"));
        let data = answer.data.unwrap_or_else(|| panic!("no data"));
        assert_eq!(
            data.organization.map(|o| o.saml_identity_provider),
            Some(None)
        );
        assert!(data.enterprise.is_none() && answer.errors[0].is_saml_failure());
        let enterprise = r#"{"data":{"enterprise":{"ownerInfo":{"samlIdentityProvider":null}},"rateLimit":{"cost":1,"remaining":4999,"resetAt":"2026-01-01T00:00:00Z"}}}"#;
        let answer: Response<ProviderData> =
            serde_json::from_str(enterprise).unwrap_or_else(|e| panic!("{e}"));
        let data = answer.data.unwrap_or_else(|| panic!("no data"));
        let owner = data.enterprise.and_then(|e| e.owner_info);
        assert_eq!(owner.map(|o| o.saml_identity_provider), Some(None));
        assert!(data.organization.is_none());
    }

    #[test]
    fn the_queries_select_the_same_page_from_both_providers() {
        let page =
            |q: &str| q[q.find("ssoUrl").unwrap_or(0)..q.find("\n    }").unwrap_or(0)].to_owned();
        assert!(DRIFT_QUERY.contains("organization(login: $org)"));
        assert!(ENTERPRISE_DRIFT_QUERY.contains("enterprise(slug: $slug)"));
        assert!(DRIFT_QUERY.contains("nameId username"));
        let org = page(DRIFT_QUERY);
        assert!(org.contains("externalIdentities(first: 100, after: $after)"));
        assert!(ENTERPRISE_DRIFT_QUERY.contains(org.trim_end()));
        let back = page(DRIFT_QUERY_FROM_END);
        assert!(back.contains("externalIdentities(last: 100, before: $before)"));
        assert!(ENTERPRISE_DRIFT_QUERY_FROM_END.contains(back.trim_end()));
        assert_eq!(
            org.replace("first: 100, after: $after", "last: 100, before: $before"),
            back
        );
        assert_eq!(QUERIES.len(), 4);
    }

    #[test]
    fn a_request_error_without_data_decodes() {
        let body = r#"{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for user ID 1."}]}"#;
        let answer: Response<DriftData> =
            serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}"));
        assert!(answer.data.is_none());
        assert!(!answer.errors[0].is_saml_failure());
    }
}
