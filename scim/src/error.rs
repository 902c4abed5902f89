//! The error bodies GitHub sends, as types: `scim-error` for the SCIM endpoints and `basic-error`
//! for authentication, SSO and rate limits. The emulator renders these; the console decodes
//! either with [`crate::ErrorBody`].
use serde::{Deserialize, Serialize};

/// Where GitHub's SCIM errors point (`documentation_url`).
const SCIM_DOCS: &str =
    "https://docs.github.com/enterprise-cloud@latest/rest/scim/scim#list-scim-provisioned-identities";

/// RFC 7644 §3.12 `scimType`: which kind of 400 (or 409) this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScimType {
    /// The filter is not one the server supports.
    InvalidFilter,
    /// The body is not valid JSON, or not the shape of a SCIM message.
    InvalidSyntax,
    /// A PATCH `path` names nothing the server supports.
    InvalidPath,
    /// A PATCH operation has no target (`remove` without `path`).
    NoTarget,
    /// An attribute's value is missing, empty or of the wrong type.
    InvalidValue,
    /// `userName` or `externalId` is already taken.
    Uniqueness,
}

/// `scim-error`: `schemas`, `status` (a number), `scimType`, `detail`, and GitHub's `message`
/// and `documentation_url`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimError {
    pub schemas: Vec<String>,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scim_type: Option<ScimType>,
    pub detail: String,
    pub message: String,
    #[serde(rename = "documentation_url")]
    pub documentation_url: String,
}

impl ScimError {
    /// GitHub repeats `detail` as `message`.
    pub fn new(status: u16, scim_type: Option<ScimType>, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self {
            schemas: vec![crate::ERROR_SCHEMA.to_owned()],
            status,
            scim_type,
            message: detail.clone(),
            detail,
            documentation_url: SCIM_DOCS.to_owned(),
        }
    }

    pub fn bad_request(scim_type: ScimType, detail: impl Into<String>) -> Self {
        Self::new(400, Some(scim_type), detail)
    }

    /// 404: no such identity (or organization).
    pub fn not_found() -> Self {
        Self::new(404, None, "Resource not found")
    }

    /// 409 `uniqueness`.
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(409, Some(ScimType::Uniqueness), detail)
    }
}

/// `basic-error`: GitHub's plain REST error. No field is required; `status` is a string (`"401"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicError {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl BasicError {
    pub fn new(status: u16, message: &str, documentation_url: &str) -> Self {
        Self {
            message: Some(message.to_owned()),
            documentation_url: Some(documentation_url.to_owned()),
            url: None,
            status: Some(status.to_string()),
        }
    }
}
