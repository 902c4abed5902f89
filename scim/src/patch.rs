//! PATCH requests: `{"schemas": [PatchOp], "Operations": [{op, path?, value?}]}` (capital O).
use serde::Serialize;
use serde_json::Value;

pub const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Add,
    Remove,
    Replace,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    pub op: Op,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatchRequest {
    schemas: [&'static str; 1],
    #[serde(rename = "Operations")]
    operations: Vec<Operation>,
}

impl Default for PatchRequest {
    fn default() -> Self {
        Self {
            schemas: [PATCH_SCHEMA],
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

    pub fn add(mut self, path: &str, value: impl Into<Value>) -> Self {
        self.operations.push(Operation {
            op: Op::Add,
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

    pub fn is_empty(&self) -> bool {
        self.operations.is_empty()
    }

    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    pub fn to_json(&self) -> String {
        // Serialising these plain values cannot fail; an empty object is never sent anyway.
        serde_json::to_string(self).unwrap_or_default()
    }
}
