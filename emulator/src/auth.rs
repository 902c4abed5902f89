//! Bearer-token check in front of every SCIM route, standing in for GitHub's authentication and
//! its SAML SSO credential authorization.
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;
use crate::ids;
use crate::state::{Emulator, TokenState};

pub async fn require_token(
    State(emulator): State<Arc<Emulator>>,
    request: Request,
    next: Next,
) -> Response {
    let state = bearer(&request).and_then(|t| emulator.token_state(t));
    let mut response = check(&emulator, request, next).await;
    // GitHub names every request (for Support) and lists a classic token's scopes.
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(&ids::request_id()) {
        headers.insert("x-github-request-id", id);
    }
    let scopes = match state {
        Some(TokenState::ReadOnly) => Some("read:org"),
        Some(TokenState::Member) => Some("repo"),
        Some(_) => Some("admin:org"),
        None => None,
    };
    if let Some(scopes) = scopes {
        headers.insert("x-oauth-scopes", HeaderValue::from_static(scopes));
        headers.insert(
            "x-accepted-oauth-scopes",
            HeaderValue::from_static("admin:org"),
        );
    }
    response
}

async fn check(emulator: &Emulator, request: Request, next: Next) -> Response {
    let Some(token) = bearer(&request) else {
        return ApiError::requires_authentication().into_response();
    };
    match emulator.token_state(token) {
        None => ApiError::bad_credentials().into_response(),
        Some(TokenState::SsoRequired) => {
            ApiError::sso_required(&emulator.org, &ids::opaque_token()).into_response()
        }
        // Issue 12 hook: a member's token is no owner's: no SCIM, no writes.
        Some(TokenState::Member)
            if request.method() != Method::GET || request.uri().path().starts_with("/scim/") =>
        {
            ApiError::basic(
                axum::http::StatusCode::FORBIDDEN,
                "You must be an organization owner to do this.",
                "https://docs.github.com/enterprise-cloud@latest/rest/orgs/members",
            )
            .into_response()
        }
        Some(TokenState::ReadOnly) if request.method() != Method::GET => ApiError::basic(
            axum::http::StatusCode::FORBIDDEN,
            "Resource not accessible by personal access token",
            "https://docs.github.com/enterprise-cloud@latest/rest/scim/scim",
        )
        .into_response(),
        Some(_) => next.run(request).await,
    }
}

/// The token of `Authorization: Bearer …` (GitHub also accepts the older `token …` scheme).
pub(crate) fn bearer(request: &Request) -> Option<&str> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let scheme_ok = scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("token");
    (scheme_ok && !token.trim().is_empty()).then(|| token.trim())
}
