//! `GET …/Users` (paged, optionally filtered) and `GET …/Users/{scim_user_id}`.
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use scim::{ListResponse, ScimUser};

use crate::api_error::ApiError;
use crate::filter::Filter;
use crate::render::{scim_json, users_url, with_location};
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
    emulator.check_org(&org)?;
    let start_index = int_param(&query, "startIndex")?.unwrap_or(1).max(1) as usize;
    let count = int_param(&query, "count")?
        .map(|c| c.clamp(0, MAX_COUNT as i64) as usize)
        .unwrap_or(DEFAULT_COUNT);
    let filter = query
        .get("filter")
        .map(|f| Filter::parse(f))
        .transpose()
        .map_err(|detail| ApiError::scim(StatusCode::BAD_REQUEST, Some("invalidFilter"), detail))?;
    let base = users_url(&headers, &org);
    let store = emulator.read_store();
    let page = |users: &mut dyn Iterator<Item = &ScimUser>| -> Vec<ScimUser> {
        users
            .skip(start_index - 1)
            .take(count)
            .map(|u| with_location(u, &base))
            .collect()
    };
    let (total_results, resources) = match &filter {
        None => (store.len(), page(&mut store.iter())),
        Some(filter) => {
            let found = store.matching(filter);
            (found.len(), page(&mut found.into_iter()))
        }
    };
    let list = ListResponse {
        schemas: vec![scim::LIST_SCHEMA.to_owned()],
        total_results: total_results as u64,
        items_per_page: resources.len() as u64,
        start_index: start_index as u64,
        resources,
    };
    Ok(scim_json(StatusCode::OK, &list))
}

pub async fn get_user(
    State(emulator): State<Arc<Emulator>>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    emulator.check_org(&org)?;
    let store = emulator.read_store();
    let user = store.get(&id).ok_or_else(ApiError::not_found)?;
    Ok(scim_json(
        StatusCode::OK,
        &with_location(user, &users_url(&headers, &org)),
    ))
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
