//! The activity log: one entry per configuration action, written before its request leaves and
//! updated when it is settled, so a reload of the tab in between shows "outcome unknown" rather
//! than nothing. Stored as JSON (`to_storage`/`from_storage`), exported as CSV and JSON.
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::csv::{Separator, Writer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", content = "note", rename_all = "kebab-case")]
pub enum Outcome {
    /// Part of a bulk run, not sent yet.
    Queued,
    /// Its request has left (or is about to).
    InFlight,
    /// Done; the note says how it was settled when it was not by a plain success.
    Done(String),
    /// GitHub refused it, with GitHub's reason: nothing changed.
    Failed(String),
    /// Never sent, and why.
    NotSent(String),
    /// It may or may not have been performed, and why it is not known.
    Unknown(String),
}

impl Outcome {
    pub fn is_settled(&self) -> bool {
        !matches!(self, Outcome::Queued | Outcome::InFlight)
    }

    /// What an entry left unsettled by a reload of the tab became: nobody is sending it now.
    pub fn after_reload(self) -> Self {
        match self {
            Outcome::Queued => Outcome::NotSent("the tab was reloaded before it was sent".into()),
            Outcome::InFlight => Outcome::Unknown(
                "the tab was reloaded while it was in flight; check the identity before trying again"
                    .into(),
            ),
            settled => settled,
        }
    }
}

/// A bulk run's one-line result, e.g. "4 removed, 1 failed, 0 not sent." (one pass over the
/// outcomes); `done` names what a done item is to the owner ("removed", "done"). Items not yet
/// settled are not counted; those whose outcome is unknown are, only when there are any.
pub fn run_summary<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>, done: &str) -> String {
    let [mut done_n, mut failed, mut not_sent, mut unknown] = [0_usize; 4];
    for outcome in outcomes {
        match outcome {
            Outcome::Done(_) => done_n += 1,
            Outcome::Failed(_) => failed += 1,
            Outcome::NotSent(_) => not_sent += 1,
            Outcome::Unknown(_) => unknown += 1,
            Outcome::Queued | Outcome::InFlight => {}
        }
    }
    let unknown = match unknown {
        0 => String::new(),
        n => format!(", {n} outcome unknown"),
    };
    format!("{done_n} {done}, {failed} failed, {not_sent} not sent{unknown}.")
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Queued => f.write_str("queued"),
            Outcome::InFlight => f.write_str("in flight"),
            Outcome::Done(note) if note.is_empty() => f.write_str("done"),
            Outcome::Done(note) => write!(f, "done ({note})"),
            Outcome::Failed(why) => write!(f, "failed: {why}"),
            Outcome::NotSent(why) => write!(f, "not sent: {why}"),
            Outcome::Unknown(why) => write!(f, "outcome unknown: {why}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Unique within the tab's log.
    pub id: u64,
    /// RFC 3339, UTC: when it was recorded.
    pub time: String,
    /// `provision`, `replace`, `patch`, `deprovision`.
    pub action: String,
    /// userName (or id when that is all there is).
    pub identity: String,
    pub scim_user_id: String,
    pub outcome: Outcome,
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

/// The log as kept in the tab's storage.
pub fn to_storage(entries: &[Activity]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".into())
}

/// The log kept before a reload; entries nobody is sending any more are settled as such.
pub fn from_storage(text: &str) -> Vec<Activity> {
    let entries: Vec<Activity> = serde_json::from_slice(text.as_bytes()).unwrap_or_default();
    entries
        .into_iter()
        .map(|e| Activity {
            outcome: e.outcome.after_reload(),
            ..e
        })
        .collect()
}

/// The export: every field, the outcome as the text the owner reads.
pub fn to_json(entries: &[Activity]) -> String {
    let rows: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "time": e.time, "action": e.action, "identity": e.identity,
                "scim_user_id": e.scim_user_id, "outcome": e.outcome.to_string(),
                "request_id": e.request_id,
            })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())
}

/// The log as CSV through the formula-safe writer (`crate::csv`): names come from an IdP, not
/// from the owner.
pub fn to_csv(entries: &[Activity]) -> String {
    let mut csv = Writer::new(Separator::Comma);
    csv.row(COLUMNS);
    for e in entries {
        let outcome = e.outcome.to_string();
        csv.row([
            &e.time,
            &e.action,
            &e.identity,
            &e.scim_user_id,
            &outcome,
            &e.request_id,
        ]);
    }
    csv.finish()
}
