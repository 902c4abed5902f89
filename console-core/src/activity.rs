//! The session's activity log entries and their CSV and JSON exports.
use serde::Serialize;

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

/// RFC 4180 CSV. Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) are prefixed with `'`: names come from an IdP, not from the owner.
pub fn to_csv(entries: &[Activity]) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for e in entries {
        let cells = [
            &e.time,
            &e.action,
            &e.identity,
            &e.scim_user_id,
            &e.outcome,
            &e.request_id,
        ];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
