//! The organization check, once for every SCIM route: `{org}` must name the emulator's
//! organization (case-insensitively, as GitHub matches it), else the answer is a SCIM 404.
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use scim::ScimUser;
use serde::Deserialize;

use super::ScimPath;
use crate::api_error::ApiError;
use crate::state::Emulator;

/// A checked organization, with the absolute URL of its Users collection as the client
/// reached it (host and spelling of the login), from which `meta.location` is built.
#[derive(Debug, Clone)]
pub struct Org {
    users_url: String,
}

#[derive(Deserialize)]
struct OrgPath {
    org: String,
}

impl FromRequestParts<Arc<Emulator>> for Org {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        emulator: &Arc<Emulator>,
    ) -> Result<Self, ApiError> {
        let ScimPath(OrgPath { org }) = ScimPath::from_request_parts(parts, emulator).await?;
        emulator.check_org(&org)?;
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1");
        Ok(Self {
            users_url: format!("http://{host}/scim/v2/organizations/{org}/Users"),
        })
    }
}

impl Org {
    /// The identity as it leaves the emulator: with its absolute `meta.location`.
    pub fn locate(&self, user: &ScimUser) -> ScimUser {
        let mut user = user.clone();
        user.meta.location = Some(format!("{}/{}", self.users_url, user.id));
        user
    }
}
