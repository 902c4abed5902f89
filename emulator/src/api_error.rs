//! Every error answer the emulator gives, rendered from `scim`'s types the way GitHub renders
//! them: `scim-error` (`application/scim+json`) from the SCIM endpoints, `basic-error` for
//! authentication, SSO and rate limits.
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::{BasicError, ScimError};

const SSO_MESSAGE: &str = "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.";

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    /// Boxed: errors travel through every `Result` of a request, bodies are rarely built.
    body: Box<Body>,
    headers: Vec<(HeaderName, String)>,
}

#[derive(Debug)]
enum Body {
    Scim(ScimError),
    Basic(BasicError),
}

impl From<ScimError> for ApiError {
    fn from(error: ScimError) -> Self {
        Self {
            status: StatusCode::from_u16(error.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            body: Box::new(Body::Scim(error)),
            headers: Vec::new(),
        }
    }
}

impl ApiError {
    /// GitHub's plain REST error: `message`, `documentation_url`, `status` (a string).
    pub fn basic(status: StatusCode, message: &str, docs: &str) -> Self {
        Self {
            status,
            body: Box::new(Body::Basic(BasicError::new(status.as_u16(), message, docs))),
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

    /// A SCIM 404: no such identity or organization.
    pub fn not_found() -> Self {
        ScimError::not_found().into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (media, text) = match &*self.body {
            Body::Scim(e) => (scim::SCIM_MEDIA_TYPE, serde_json::to_string(e)),
            Body::Basic(e) => ("application/json; charset=utf-8", serde_json::to_string(e)),
        };
        // Serialising strings and numbers cannot fail; an empty body would still carry the status.
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, media)],
            text.unwrap_or_default(),
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
