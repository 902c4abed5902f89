//! The typed SCIM client over `fetch`. Direct mode sends the owner's bearer token; proxy mode
//! sends none, because the site's reverse proxy adds the credential.
use gloo_net::http::Request;
use scim::ListResponse;

use super::ApiError;
use crate::config::{Mode, RuntimeConfig};

/// What the client authenticates with. The token lives only in this value, in memory.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    Token(String),
    Proxy,
}

impl std::fmt::Debug for Credentials {
    // Never print the token, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Token(_) => f.write_str("Token(<redacted>)"),
            Self::Proxy => f.write_str("Proxy"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    base: String,
    org: String,
    credentials: Credentials,
}

impl ApiClient {
    pub fn new(config: &RuntimeConfig, org: &str, token: &str) -> Self {
        let credentials = match config.mode {
            Mode::Direct => Credentials::Token(token.to_owned()),
            Mode::Proxy => Credentials::Proxy,
        };
        Self {
            base: config.base().to_owned(),
            org: org.to_owned(),
            credentials,
        }
    }

    pub fn org(&self) -> &str {
        &self.org
    }

    fn users_url(&self) -> String {
        format!("{}/scim/v2/organizations/{}/Users", self.base, self.org)
    }

    /// One page of provisioned identities, starting at the 1-based `start_index`.
    pub async fn list_users(&self, start_index: u64, count: u64) -> Result<ListResponse, ApiError> {
        let url = format!(
            "{}?startIndex={start_index}&count={count}",
            self.users_url()
        );
        let body = self.get(&url).await?;
        ListResponse::from_json(&body).map_err(|e| ApiError::Undecodable(e.to_string()))
    }

    async fn get(&self, url: &str) -> Result<String, ApiError> {
        let mut request = Request::get(url).header("Accept", scim::SCIM_MEDIA_TYPE);
        if let Credentials::Token(token) = &self.credentials {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let status = response.status();
        let sso = response.headers().get("x-github-sso");
        let body = response
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(ApiError::from_response(status, sso.as_deref(), &body))
        }
    }
}
