//! The activity journal of the tab: every configuration action, recorded before its request
//! leaves and settled after, kept in sessionStorage so that a reload of the tab keeps the
//! records (an entry still in flight then reads "outcome unknown"). Disconnect clears it.
use console_core::activity::{from_storage, to_storage, Activity, Outcome};
use console_core::exactly_once::{unsettled, Unsettled};
use leptos::prelude::*;

use crate::api::{ApiError, Done, ErrorKind};

const KEY: &str = "scim-admin.activity";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

#[derive(Clone, Copy)]
pub struct Journal {
    pub entries: RwSignal<Vec<Activity>>,
}

impl Journal {
    /// The tab's journal as a reload left it.
    pub fn load() -> Self {
        let kept = storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .map(|text| from_storage(&text))
            .unwrap_or_default();
        Self {
            entries: RwSignal::new(kept),
        }
    }

    /// Records an action about to be sent (`InFlight`) or queued in a bulk run (`Queued`), and
    /// writes it to storage before anything leaves. Returns the entry's id.
    pub fn record(self, action: &str, identity: &str, scim_user_id: &str, outcome: Outcome) -> u64 {
        let mut id = 0;
        self.change(|log| {
            id = log.iter().map(|e| e.id).max().unwrap_or(0) + 1;
            log.push(Activity {
                id,
                time: now_rfc3339(),
                action: action.to_owned(),
                identity: identity.to_owned(),
                scim_user_id: scim_user_id.to_owned(),
                outcome,
                request_id: String::new(),
            });
        });
        id
    }

    /// Sets the outcome of entry `id` (and what the answer told), and stores it.
    pub fn settle(
        self,
        id: u64,
        outcome: Outcome,
        scim_user_id: Option<&str>,
        request_id: Option<&str>,
    ) {
        self.change(|log| {
            if let Some(entry) = log.iter_mut().find(|e| e.id == id) {
                entry.outcome = outcome;
                if let Some(sid) = scim_user_id.filter(|s| !s.is_empty()) {
                    entry.scim_user_id = sid.to_owned();
                }
                if let Some(rid) = request_id {
                    entry.request_id = rid.to_owned();
                }
            }
        });
    }

    /// Some request of this tab is in flight (tracked).
    pub fn in_flight(self) -> bool {
        self.entries
            .try_with(|log| log.iter().any(|e| e.outcome == Outcome::InFlight))
            .unwrap_or(false)
    }

    pub fn clear(self) {
        self.entries.try_set(Vec::new());
        if let Some(s) = storage() {
            let _ = s.remove_item(KEY);
        }
    }

    /// Changes the log and stores it; nothing happens once the session is gone (a write that
    /// finishes after Disconnect must not bring back the log that was cleared).
    fn change(self, edit: impl FnOnce(&mut Vec<Activity>)) {
        if self.entries.try_update(edit).is_none() {
            return;
        }
        let text = self.entries.with_untracked(|log| to_storage(log));
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, &text);
        }
    }
}

/// The record of a finished write (`console_core::exactly_once::unsettled` decides between
/// not sent, outcome unknown and failed).
pub fn outcome_of<T>(result: &Result<Done<T>, ApiError>) -> Outcome {
    let e = match result {
        Ok(done) => return Outcome::Done(done.note.clone()),
        Err(e) => e,
    };
    if matches!(e.kind, ErrorKind::Unconfirmed | ErrorKind::Undecodable) {
        return Outcome::Unknown(e.detail.clone());
    }
    match unsettled(e.answer.as_ref(), e.maybe_performed) {
        Unsettled::NotSent => Outcome::NotSent(e.detail.clone()),
        Unsettled::Unknown if e.kind == ErrorKind::NotSent => Outcome::Unknown(format!(
            "an earlier attempt got no answer, and the retry was not sent: {}",
            e.detail
        )),
        Unsettled::Unknown => Outcome::Unknown(e.to_string()),
        Unsettled::Failed => Outcome::Failed(e.to_string()),
    }
}

fn now_rfc3339() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}
