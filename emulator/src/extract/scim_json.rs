//! `ScimJson<T>`: like axum's `Json`, a request body in and a response body out, but with SCIM's
//! media type and GitHub's error bodies: too large is a 413, not JSON a 400 `invalidSyntax`, and
//! each body type (`scim::RequestBody`) refuses the rest with the `scimType` GitHub uses.
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::{RequestBody, ScimError};
use serde::Serialize;

use crate::api_error::ApiError;

/// Bodies above this are refused with 413 (a SCIM user is a few hundred bytes).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Debug)]
pub struct ScimJson<T>(pub T);

impl<S: Send + Sync, T: RequestBody> FromRequest<S> for ScimJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                let status = rejection.status();
                let detail = if status == StatusCode::PAYLOAD_TOO_LARGE {
                    format!("The request body is larger than {MAX_BODY_BYTES} bytes")
                } else {
                    rejection.body_text()
                };
                ScimError::new(status.as_u16(), None, detail)
            })?;
        Ok(Self(T::from_json(&bytes)?))
    }
}

/// A success body as GitHub sends it: `application/scim+json`.
impl<T: Serialize> IntoResponse for ScimJson<T> {
    fn into_response(self) -> Response {
        match serde_json::to_string(&self.0) {
            Ok(text) => ([(header::CONTENT_TYPE, scim::SCIM_MEDIA_TYPE)], text).into_response(),
            Err(e) => ApiError::from(ScimError::new(500, None, e.to_string())).into_response(),
        }
    }
}
