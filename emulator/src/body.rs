//! Request bodies: size-limited, JSON, with errors that say what to fix.
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use serde_json::Value;

use crate::api_error::ApiError;

/// Bodies above this are refused with 413 (a SCIM user is a few hundred bytes).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn json(body: Result<Bytes, BytesRejection>) -> Result<Value, ApiError> {
    let bytes = body.map_err(|rejection| {
        let status = rejection.status();
        let detail = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("The request body is larger than {MAX_BODY_BYTES} bytes")
        } else {
            rejection.body_text()
        };
        ApiError::scim(status, None, detail)
    })?;
    serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::scim(
            StatusCode::BAD_REQUEST,
            Some("invalidSyntax"),
            format!("The request body is not valid JSON: {e}"),
        )
    })
}

pub fn invalid_value(detail: String) -> ApiError {
    ApiError::scim(StatusCode::BAD_REQUEST, Some("invalidValue"), detail)
}

pub fn conflict(detail: String) -> ApiError {
    ApiError::scim(StatusCode::CONFLICT, Some("uniqueness"), detail)
}
