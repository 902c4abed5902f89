//! The org check every org route starts with: the `{org}` login (any case) or, in the URLs of
//! GitHub's `Link` headers, `/organizations/{org_id}`; unknown ones are a 404 `basic-error`.
//! It also carries what handlers need about the call: the API base for URLs in bodies and
//! whether the token is an owner's.
use std::sync::Arc;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::{header, request::Parts};

use super::error::RestError;
use crate::org::ORG_ID;
use crate::state::{Emulator, TokenState};

pub struct OrgCall {
    /// `http://<host>` as the client reached the emulator, for URLs in bodies and `Link`.
    pub api: String,
    pub token: Option<TokenState>,
}

impl OrgCall {
    /// Owners (and their tokens with `admin:org` or `read:org`) see owner-only lists.
    pub fn is_owner(&self) -> bool {
        matches!(
            self.token,
            Some(TokenState::Authorized | TokenState::ReadOnly)
        )
    }
}

impl FromRequestParts<Arc<Emulator>> for OrgCall {
    type Rejection = RestError;

    async fn from_request_parts(
        parts: &mut Parts,
        emulator: &Arc<Emulator>,
    ) -> Result<Self, Self::Rejection> {
        let not_found = || RestError::not_found("https://docs.github.com/rest");
        let params = RawPathParams::from_request_parts(parts, emulator)
            .await
            .map_err(|_| not_found())?;
        let ours = params.iter().any(|(key, value)| match key {
            "org" => emulator.org.eq_ignore_ascii_case(value),
            "org_id" => value == ORG_ID.to_string(),
            _ => false,
        });
        if !ours {
            return Err(not_found());
        }
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1");
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .and_then(|(_, token)| emulator.token_state(token.trim()));
        Ok(Self {
            api: format!("http://{host}"),
            token,
        })
    }
}
