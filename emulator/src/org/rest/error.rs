//! Errors of the org REST routes, rendered from GitHub's typed bodies: `basic-error` for 404,
//! 403 and 401, `validation-error` for 422, as `application/json; charset=utf-8`.
use axum::extract::rejection::QueryRejection;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::org::{BasicError, ValidationError, JSON_MEDIA_TYPE};

const DOCS: &str = "https://docs.github.com/enterprise-cloud@latest/rest/orgs/members";

#[derive(Debug)]
pub enum RestError {
    Basic(StatusCode, BasicError),
    Validation(ValidationError),
    /// A change was applied but could not be saved (`--data`).
    Unsaved(crate::api_error::ApiError),
}

impl RestError {
    pub fn basic(status: StatusCode, message: &str, docs: &str) -> Self {
        Self::Basic(status, BasicError::new(status.as_u16(), message, docs))
    }

    /// GitHub's 404 for an unknown organization, user, invitation or credential.
    pub fn not_found(docs: &str) -> Self {
        Self::basic(StatusCode::NOT_FOUND, "Not Found", docs)
    }

    pub fn owner_only() -> Self {
        Self::basic(
            StatusCode::FORBIDDEN,
            "You must be an organization owner to do this.",
            DOCS,
        )
    }

    /// A query parameter GitHub refuses (an unknown `role`, `filter`, `invitation_source`).
    pub fn bad_query(rejection: QueryRejection) -> Self {
        let detail = rejection.body_text();
        let detail = detail
            .strip_prefix("Failed to deserialize query string: ")
            .unwrap_or(&detail);
        Self::Validation(ValidationError {
            message: "Validation Failed".into(),
            documentation_url: DOCS.into(),
            errors: vec![scim::org::ValidationErrorItem {
                code: "invalid".into(),
                message: Some(detail.to_owned()),
                ..Default::default()
            }],
            status: Some("422".into()),
        })
    }
}

impl IntoResponse for RestError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            Self::Basic(status, body) => (status, serde_json::to_string(&body)),
            Self::Validation(body) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::to_string(&body),
            ),
            Self::Unsaved(error) => return error.into_response(),
        };
        (
            status,
            [(header::CONTENT_TYPE, JSON_MEDIA_TYPE)],
            body.unwrap_or_default(),
        )
            .into_response()
    }
}

/// One change of the org world under the store's lock, persisted like every change; a refusal
/// (`Err`) leaves the world as it was.
pub fn change_world<T>(
    emulator: &crate::state::Emulator,
    change: impl FnOnce(&mut crate::org::OrgWorld) -> Result<T, RestError>,
) -> Result<T, RestError> {
    emulator
        .mutate(|store| Ok(change(&mut store.org)))
        .map_err(RestError::Unsaved)?
}
