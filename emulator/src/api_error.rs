//! Every error answer the emulator gives, rendered the way GitHub renders it: SCIM errors as
//! `scim-error` (`application/scim+json`), authentication and SSO errors as `basic-error`.
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

const SCIM_DOCS: &str =
    "https://docs.github.com/enterprise-cloud@latest/rest/scim/scim#list-scim-provisioned-identities";
const SSO_MESSAGE: &str = "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.";

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: serde_json::Value,
    scim: bool,
    headers: Vec<(HeaderName, String)>,
}

impl ApiError {
    /// A SCIM error: `schemas`, `status` (a number), `detail`, `scimType`, plus GitHub's extras.
    pub fn scim(status: StatusCode, scim_type: Option<&str>, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self {
            status,
            body: json!({
                "schemas": [scim::ERROR_SCHEMA],
                "status": status.as_u16(),
                "scimType": scim_type,
                "detail": detail,
                "message": detail,
                "documentation_url": SCIM_DOCS,
            }),
            scim: true,
            headers: Vec::new(),
        }
    }

    /// GitHub's plain REST error: `message`, `documentation_url`, `status` (a string).
    pub fn basic(status: StatusCode, message: &str, docs: &str) -> Self {
        Self {
            status,
            body: json!({
                "message": message,
                "documentation_url": docs,
                "status": status.as_u16().to_string(),
            }),
            scim: false,
            headers: Vec::new(),
        }
    }

    pub fn bad_credentials() -> Self {
        Self::basic(
            StatusCode::UNAUTHORIZED,
            "Bad credentials",
            "https://docs.github.com/rest",
        )
    }

    pub fn requires_authentication() -> Self {
        Self::basic(
            StatusCode::UNAUTHORIZED,
            "Requires authentication",
            "https://docs.github.com/rest",
        )
    }

    /// 403 with `X-GitHub-SSO: required; url=…` pointing at the org's SSO authorization page.
    pub fn sso_required(org: &str, request: &str) -> Self {
        let mut error = Self::basic(
            StatusCode::FORBIDDEN,
            SSO_MESSAGE,
            "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/",
        );
        let url = format!("https://github.com/orgs/{org}/sso?authorization_request={request}");
        error.headers.push((
            HeaderName::from_static("x-github-sso"),
            format!("required; url={url}"),
        ));
        error
    }

    pub fn not_found() -> Self {
        Self::scim(StatusCode::NOT_FOUND, None, "Resource not found")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let media = if self.scim {
            scim::SCIM_MEDIA_TYPE
        } else {
            "application/json; charset=utf-8"
        };
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, media)],
            self.body.to_string(),
        )
            .into_response();
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

/// Unknown paths: a SCIM 404 under `/scim/`, GitHub's plain "Not Found" elsewhere.
pub async fn not_found_fallback(uri: axum::http::Uri) -> ApiError {
    if uri.path().starts_with("/scim/") {
        ApiError::not_found()
    } else {
        ApiError::basic(
            StatusCode::NOT_FOUND,
            "Not Found",
            "https://docs.github.com/rest",
        )
    }
}
