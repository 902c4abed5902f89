//! `/scim/v2/organizations/{org}/Users[/{scim_user_id}]`: list, fetch, create, replace, patch and
//! delete. Each handler only connects extractors to the store; the protocol is `scim`'s, the
//! write rules are in `identities`.
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::query::ListParams;
use scim::{ListResponse, ScimUser};
use serde::Deserialize;

use crate::api_error::ApiError;
use crate::extract::{Org, ScimJson, ScimPath, ScimQuery};
use crate::identities;
use crate::state::Emulator;

/// The emulator's cap on `count` (GitHub does not document one); `itemsPerPage` reports it.
pub const MAX_COUNT: u64 = 100;

pub fn router() -> Router<Arc<Emulator>> {
    Router::new()
        .route("/scim/v2/organizations/{org}/Users", get(list).post(create))
        .route(
            "/scim/v2/organizations/{org}/Users/{scim_user_id}",
            get(fetch).put(replace).patch(patch).delete(delete),
        )
}

#[derive(Deserialize)]
struct UserPath {
    scim_user_id: String,
}

type One = Result<ScimJson<ScimUser>, ApiError>;

async fn list(
    State(emulator): State<Arc<Emulator>>,
    org: Org,
    ScimQuery(params): ScimQuery<ListParams>,
) -> Result<ScimJson<ListResponse>, ApiError> {
    let query = params.into_query(MAX_COUNT)?;
    let store = emulator.read_store();
    let (total, page) = store.page(query.filter.as_ref(), query.start_index, query.count);
    let resources = page.into_iter().map(|u| org.locate(u)).collect();
    Ok(ScimJson(ListResponse::new(
        query.start_index,
        total as u64,
        resources,
    )))
}

async fn fetch(
    State(emulator): State<Arc<Emulator>>,
    org: Org,
    ScimPath(path): ScimPath<UserPath>,
) -> One {
    let store = emulator.read_store();
    let user = store
        .get(&path.scim_user_id)
        .ok_or_else(ApiError::not_found)?;
    Ok(ScimJson(org.locate(user)))
}

async fn create(
    State(emulator): State<Arc<Emulator>>,
    org: Org,
    ScimJson(request): ScimJson<UserRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let user = org.locate(&emulator.mutate(|store| identities::create(store, request))?);
    let location = user.meta.location.clone().unwrap_or_default();
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        ScimJson(user),
    ))
}

async fn replace(
    State(emulator): State<Arc<Emulator>>,
    org: Org,
    ScimPath(path): ScimPath<UserPath>,
    ScimJson(request): ScimJson<UserRequest>,
) -> One {
    let id = &path.scim_user_id;
    let user = emulator.mutate(|store| identities::replace(store, id, request))?;
    Ok(ScimJson(org.locate(&user)))
}

async fn patch(
    State(emulator): State<Arc<Emulator>>,
    org: Org,
    ScimPath(path): ScimPath<UserPath>,
    ScimJson(patch): ScimJson<PatchRequest>,
) -> One {
    let id = &path.scim_user_id;
    let user = emulator.mutate(|store| identities::patch(store, id, &patch))?;
    Ok(ScimJson(org.locate(&user)))
}

async fn delete(
    State(emulator): State<Arc<Emulator>>,
    _org: Org,
    ScimPath(path): ScimPath<UserPath>,
) -> Result<StatusCode, ApiError> {
    emulator.mutate(|store| identities::delete(store, &path.scim_user_id))?;
    Ok(StatusCode::NO_CONTENT)
}
