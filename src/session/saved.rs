//! The saved copy of an organization's identities, kept only when the owner opts in: the last
//! full load, in IndexedDB under the organization and API base, so that reopening the console
//! shows the table at once and then refreshes it (`console_core::refresh`). It holds the table's
//! rows and when they were saved, never the token. Disconnect and "Forget cached data" remove it.
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
}

impl SavedCopy {
    pub fn new(api_base: &str, org: &str) -> Self {
        Self {
            key: format!("identities {} {}", org.to_ascii_lowercase(), api_base),
        }
    }

    /// The copy, if one is kept (an unreadable one counts as none).
    pub async fn read(&self) -> Option<SavedRows> {
        let bytes = idb::get(&self.key).await.ok().flatten()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// What `write` keeps for `rows`, saved now.
    pub fn encode(rows: &[Row]) -> Result<Vec<u8>, String> {
        let saved_at = js_sys::Date::now();
        serde_json::to_vec(&Writing { saved_at, rows }).map_err(|e| e.to_string())
    }

    /// Keeps `encoded` (from `encode`) as the copy, replacing the last one.
    pub async fn write(&self, encoded: &[u8]) -> Result<(), String> {
        idb::put(&self.key, encoded).await.map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "the browser's storage refused it".into())
        })
    }

    pub async fn forget(&self) {
        let _ = idb::delete(&self.key).await;
    }
}
