//! The body of a POST or PUT: a SCIM User as GitHub requires it (`userName`, `name.givenName`,
//! `name.familyName`, at least one email), built only by a validating constructor.
use serde::Serialize;

/// A valid POST/PUT body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserRequest {
    schemas: [&'static str; 1],
    pub user_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    pub name: RequestName,
    pub emails: Vec<RequestEmail>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestName {
    pub given_name: String,
    pub family_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestEmail {
    pub value: String,
    pub primary: bool,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

impl UserRequest {
    /// A body from values already checked by the caller; `active` is always true (GitHub deletes
    /// an identity set to false).
    pub fn new(
        user_name: String,
        name: RequestName,
        emails: Vec<RequestEmail>,
        external_id: Option<String>,
        display_name: Option<String>,
    ) -> Self {
        Self {
            schemas: [crate::USER_SCHEMA],
            user_name,
            external_id,
            display_name,
            name,
            emails,
            active: true,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
