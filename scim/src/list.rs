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
    /// One page: `itemsPerPage` is what the page holds.
    pub fn new(start_index: u64, total_results: u64, resources: Vec<ScimUser>) -> Self {
        Self {
            schemas: vec![crate::LIST_SCHEMA.to_owned()],
            total_results,
            items_per_page: resources.len() as u64,
            start_index,
            resources,
        }
    }
}
