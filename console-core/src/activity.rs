//! The session's activity log entries and their CSV and JSON exports.
use serde::Serialize;

use crate::csv::{Separator, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// RFC 3339, UTC.
    pub time: String,
    /// `provision`, `replace`, `patch`, `deprovision`.
    pub action: String,
    /// userName (or id when that is all there is).
    pub identity: String,
    pub scim_user_id: String,
    /// As the console's writer words it: `done`, `done (<how it was settled>)` such as
    /// `done (confirmed by look-up)`, or `failed: <GitHub's reason>`.
    pub outcome: String,
    pub request_id: String,
}

const COLUMNS: [&str; 6] = [
    "time",
    "action",
    "identity",
    "scim_user_id",
    "outcome",
    "request_id",
];

pub fn to_json(entries: &[Activity]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into())
}

/// The log as CSV through the formula-safe writer (`crate::csv`): names come from an IdP, not
/// from the owner.
pub fn to_csv(entries: &[Activity]) -> String {
    let mut csv = Writer::new(Separator::Comma);
    csv.row(COLUMNS);
    for e in entries {
        csv.row([
            &e.time,
            &e.action,
            &e.identity,
            &e.scim_user_id,
            &e.outcome,
            &e.request_id,
        ]);
    }
    csv.finish()
}
