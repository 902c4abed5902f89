//! PATCH requests, both ways: `{"schemas": [PatchOp], "Operations": [{op, path?, value?}]}`
//! (capital O). The console builds one; the emulator decodes one and applies it with GitHub's
//! semantics ([`PatchRequest::apply`], in `apply.rs`).
use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{ScimError, ScimType};

mod apply;

pub const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Add,
    Remove,
    Replace,
}

/// Case-insensitive: Entra ID sends `"Replace"` and `"Add"`.
impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        match name.to_ascii_lowercase().as_str() {
            "add" => Ok(Self::Add),
            "remove" => Ok(Self::Remove),
            "replace" => Ok(Self::Replace),
            _ => Err(D::Error::custom(format!(
                "unknown op `{name}`: use add, remove or replace"
            ))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub op: Op,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatchRequest {
    #[serde(default)]
    pub schemas: Vec<String>,
    #[serde(rename = "Operations")]
    pub operations: Vec<Operation>,
}

impl Default for PatchRequest {
    fn default() -> Self {
        Self {
            schemas: vec![PATCH_SCHEMA.to_owned()],
            operations: Vec::new(),
        }
    }
}

impl PatchRequest {
    pub fn replace(mut self, path: &str, value: impl Into<Value>) -> Self {
        self.operations.push(Operation {
            op: Op::Replace,
            path: Some(path.into()),
            value: Some(value.into()),
        });
        self
    }

    pub fn remove(mut self, path: &str) -> Self {
        self.operations.push(Operation {
            op: Op::Remove,
            path: Some(path.into()),
            value: None,
        });
        self
    }

    pub fn to_json(&self) -> String {
        // Serialising strings and JSON values cannot fail, so the empty fallback is never sent.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl crate::RequestBody for PatchRequest {
    /// A body that is not JSON, not this shape, or has no operation is a 400 `invalidSyntax`.
    fn from_json(bytes: &[u8]) -> Result<Self, ScimError> {
        let shape = "`Operations` must be a non-empty array of {op, path, value}";
        let request: Self = serde_json::from_value(crate::json_body(bytes)?).map_err(|e| {
            ScimError::bad_request(ScimType::InvalidSyntax, format!("{shape}: {e}"))
        })?;
        if request.operations.is_empty() {
            return Err(ScimError::bad_request(ScimType::InvalidSyntax, shape));
        }
        Ok(request)
    }
}
