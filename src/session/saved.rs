//! The saved copy of an organization's identities, kept only when the owner opts in: the last
//! full load, in IndexedDB under the organization and API base, so that reopening the console
//! shows the table at once and then refreshes it (`console_core::refresh`). It holds the table's
//! rows and when they were saved, never the token. Disconnect and "Forget cached data" remove it;
//! so does reading it once it is older than the site allows, or on a site that keeps no copies
//! (`console_core::saved_copy`).
use console_core::saved_copy::{CopyPolicy, Verdict};
use console_core::table::Row;
use serde::{Deserialize, Serialize};

use crate::idb;

/// The rows of a saved copy and when it was saved (epoch ms).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SavedRows {
    pub saved_at: f64,
    pub rows: Vec<Row>,
}

#[derive(Serialize)]
struct Writing<'a> {
    saved_at: f64,
    rows: &'a [Row],
}

/// Where one organization's copy lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCopy {
    key: String,
    policy: CopyPolicy,
}

impl SavedCopy {
    pub fn new(api_base: &str, org: &str, policy: CopyPolicy) -> Self {
        Self {
            key: format!("identities {} {}", org.to_ascii_lowercase(), api_base),
            policy,
        }
    }

    /// Whether this site lets the owner keep a copy.
    pub fn allowed(&self) -> bool {
        self.policy.allowed()
    }

    pub fn max_age_days(&self) -> u32 {
        self.policy.max_age_days()
    }

    /// The copy, if one is kept and may still be shown. One past its age, one on a site that
    /// keeps none (kept before the site said so) and an unreadable one are deleted unseen.
    pub async fn read(&self) -> Option<SavedRows> {
        if !self.policy.allowed() {
            self.forget().await;
            return None;
        }
        let bytes = idb::get(&self.key).await.ok().flatten()?;
        let copy = serde_json::from_slice::<SavedRows>(&bytes).ok();
        match copy.map(|c| (self.policy.judge(c.saved_at, js_sys::Date::now()), c)) {
            Some((Verdict::Show, copy)) => Some(copy),
            _ => {
                self.forget().await;
                None
            }
        }
    }

    /// What `write` keeps for `rows`, saved now.
    pub fn encode(rows: &[Row]) -> Result<Vec<u8>, String> {
        let saved_at = js_sys::Date::now();
        serde_json::to_vec(&Writing { saved_at, rows }).map_err(|e| e.to_string())
    }

    /// Keeps `encoded` (from `encode`) as the copy, replacing the last one.
    pub async fn write(&self, encoded: &[u8]) -> Result<(), String> {
        if !self.policy.allowed() {
            return Err("this site does not keep a copy".into());
        }
        idb::put(&self.key, encoded).await.map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "the browser's storage refused it".into())
        })
    }

    pub async fn forget(&self) {
        let _ = idb::delete(&self.key).await;
    }
}
