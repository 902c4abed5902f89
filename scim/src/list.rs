//! The SCIM list response (`scim-user-list` in the contract).
use serde::{Deserialize, Serialize};

use crate::user::ScimUser;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListResponse {
    pub schemas: Vec<String>,
    pub total_results: u64,
    pub items_per_page: u64,
    pub start_index: u64,
    /// Absent when `count=0` asks for the total only; SCIM spells it with a capital R.
    #[serde(rename = "Resources", default)]
    pub resources: Vec<ScimUser>,
}

impl ListResponse {
    /// Decodes a list body; the error text says where the body broke the contract.
    pub fn from_json(body: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(body)
    }
}
