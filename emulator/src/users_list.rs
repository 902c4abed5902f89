//! `GET /scim/v2/organizations/{org}/Users`: the paged list of provisioned identities.
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::{ListResponse, ScimUser};

use crate::api_error::ApiError;
use crate::state::Emulator;

/// GitHub's page size when `count` is absent.
pub const DEFAULT_COUNT: usize = 30;
/// The emulator's cap on `count` (GitHub does not document one); `itemsPerPage` reports it.
pub const MAX_COUNT: usize = 100;

pub async fn list_users(
    State(emulator): State<Arc<Emulator>>,
    Path(org): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if !emulator.is_our_org(&org) {
        return Err(ApiError::not_found());
    }
    let start_index = int_param(&query, "startIndex")?.unwrap_or(1).max(1) as usize;
    let count = int_param(&query, "count")?
        .map(|c| c.clamp(0, MAX_COUNT as i64) as usize)
        .unwrap_or(DEFAULT_COUNT);
    let base = users_url(&headers, &org);
    let store = emulator.store.read().unwrap_or_else(|e| e.into_inner());
    let resources: Vec<ScimUser> = store
        .page(start_index, count)
        .map(|u| with_location(u, &base))
        .collect();
    let list = ListResponse {
        schemas: vec![scim::LIST_SCHEMA.to_owned()],
        total_results: store.len() as u64,
        items_per_page: resources.len() as u64,
        start_index: start_index as u64,
        resources,
    };
    Ok(scim_json(StatusCode::OK, &list))
}

fn int_param(query: &HashMap<String, String>, name: &str) -> Result<Option<i64>, ApiError> {
    query
        .get(name)
        .map(|raw| {
            raw.trim().parse::<i64>().map_err(|_| {
                ApiError::scim(
                    StatusCode::BAD_REQUEST,
                    Some("invalidValue"),
                    format!("`{name}` must be an integer, got `{raw}`"),
                )
            })
        })
        .transpose()
}

/// The absolute URL of the org's Users collection as the client reached it (for `meta.location`).
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
