//! The body of a POST or PUT: a SCIM User as GitHub requires it (`userName`, `name.givenName`,
//! `name.familyName`, at least one email). The console builds one with [`UserRequest::new`]
//! from values it has checked; the emulator reads one with [`UserRequest::from_value`], which
//! applies GitHub's rules, and stores it with PUT semantics ([`UserRequest::replace_in`]).
use serde::Serialize;

use crate::user::{Email, Group, Name, ScimUser};

mod validate;

/// A valid POST/PUT body: the attributes a client sets (GitHub adds `id`, `meta`, linkage).
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
    pub emails: Vec<Email>,
    pub active: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestName {
    pub given_name: String,
    pub family_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
}

impl UserRequest {
    /// A body from values already checked by the caller; `active` is always true (GitHub deletes
    /// an identity set to false).
    pub fn new(
        user_name: String,
        name: RequestName,
        emails: Vec<Email>,
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
            groups: Vec::new(),
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising strings and booleans cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// PUT semantics: every attribute a client controls is set from the request, and what the
    /// request lacks is removed. `id`, `meta` and `profileUrl` stay as they were.
    pub fn replace_in(self, user: &mut ScimUser) {
        user.user_name = Some(self.user_name);
        user.name = Some(Name {
            given_name: Some(self.name.given_name),
            family_name: Some(self.name.family_name),
            formatted: self.name.formatted,
        });
        user.emails = self.emails;
        user.display_name = self.display_name;
        user.external_id = self.external_id;
        user.active = self.active;
        user.groups = self.groups;
    }
}
