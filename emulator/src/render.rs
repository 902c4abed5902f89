//! How identities leave the emulator: absolute `meta.location` and `application/scim+json`.
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::ScimUser;

use crate::api_error::ApiError;

/// The absolute URL of the org's Users collection as the client reached it.
pub fn users_url(headers: &HeaderMap, org: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}/scim/v2/organizations/{org}/Users")
}

pub fn with_location(user: &ScimUser, users_url: &str) -> ScimUser {
    let mut user = user.clone();
    user.meta.location = Some(format!("{users_url}/{}", user.id));
    user
}

/// A success body as GitHub sends it: `application/scim+json`.
pub fn scim_json(status: StatusCode, body: &impl serde::Serialize) -> Response {
    match serde_json::to_string(body) {
        Ok(text) => (
            status,
            [(header::CONTENT_TYPE, scim::SCIM_MEDIA_TYPE)],
            text,
        )
            .into_response(),
        Err(e) => {
            ApiError::scim(StatusCode::INTERNAL_SERVER_ERROR, None, e.to_string()).into_response()
        }
    }
}
