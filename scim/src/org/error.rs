//! GitHub's `validation-error` (422) for the org REST endpoints; `basic-error` is
//! [`crate::BasicError`].
use serde::{Deserialize, Serialize};

/// `validation-error`: `message` and `documentation_url` required, `errors` says what to fix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationError {
    pub message: String,
    pub documentation_url: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ValidationErrorItem>,
    /// GitHub adds the status as a string here too, like `basic-error`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// One item of `validation-error.errors`; only `code` is required (`invalid`, `missing`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationErrorItem {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl ValidationError {
    /// "Validation Failed" naming one query or body field whose value GitHub refused.
    pub fn invalid_field(resource: &str, field: &str, value: &str, allowed: &[&str]) -> Self {
        Self {
            message: "Validation Failed".into(),
            documentation_url: "https://docs.github.com/rest".into(),
            errors: vec![ValidationErrorItem {
                code: "invalid".into(),
                resource: Some(resource.into()),
                field: Some(field.into()),
                message: Some(format!(
                    "`{value}` is not a valid {field}: use one of {}",
                    allowed.join(", ")
                )),
                value: Some(value.into()),
            }],
            status: Some("422".into()),
        }
    }

    /// The most specific text: the first item's message, else the summary.
    pub fn text(&self) -> &str {
        self.errors
            .iter()
            .find_map(|e| e.message.as_deref())
            .unwrap_or(&self.message)
    }
}
