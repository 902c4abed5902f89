//! The body of an error answer as a client reads it: either of GitHub's error bodies
//! ([`crate::ScimError`] or [`crate::BasicError`]), decoded leniently because any proxy on the
//! way may answer instead.
//!
//! The two disagree on `status` (integer in one, string in the other), so it is kept as the
//! number when either form carries one.
use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<String>,
    #[serde(default, deserialize_with = "status_number")]
    pub status: Option<u16>,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub scim_type: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default, rename = "documentation_url")]
    pub documentation_url: Option<String>,
}

impl ErrorBody {
    /// Decodes an error body, or `None` when the body is not one (an HTML error page, say).
    pub fn from_json(body: &str) -> Option<Self> {
        serde_json::from_slice(body.as_bytes()).ok()
    }

    /// The most specific text GitHub gave: SCIM `detail`, else `message`.
    pub fn text(&self) -> Option<&str> {
        self.detail
            .as_deref()
            .or(self.message.as_deref())
            .filter(|t| !t.is_empty())
    }
}

fn status_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}
