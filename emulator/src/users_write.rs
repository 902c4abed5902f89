//! `POST …/Users`, `PUT …/Users/{id}` and `DELETE …/Users/{id}`.
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::{Meta, ScimUser};

use crate::api_error::ApiError;
use crate::body::{self, conflict, invalid_value};
use crate::ids;
use crate::render::{scim_json, users_url, with_location};
use crate::state::Emulator;
use crate::validate::{self, UserInput};

pub async fn create_user(
    State(emulator): State<Arc<Emulator>>,
    Path(org): Path<String>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    emulator.check_org(&org)?;
    let input = validate::user_input(&body::json(raw)?).map_err(invalid_value)?;
    let now = ids::now_rfc3339();
    let mut user = ScimUser {
        schemas: vec![scim::USER_SCHEMA.to_owned()],
        id: ids::fresh_uuid(),
        external_id: None,
        user_name: None,
        // A new identity is pending: GitHub sends an invitation, nothing is linked yet.
        profile_url: None,
        display_name: None,
        name: None,
        emails: Vec::new(),
        active: true,
        meta: Meta {
            resource_type: Some("User".into()),
            created: Some(now.clone()),
            last_modified: Some(now),
            location: None,
        },
        groups: Vec::new(),
    };
    apply(&mut user, input);
    emulator.mutate(|store| {
        if let Some(detail) = store.conflict(user_name(&user), user.external_id.as_deref(), None) {
            return Err(conflict(detail));
        }
        store.insert(user.clone());
        Ok(())
    })?;
    let rendered = with_location(&user, &users_url(&headers, &org));
    let mut response = scim_json(StatusCode::CREATED, &rendered);
    if let Some(location) = rendered
        .meta
        .location
        .as_deref()
        .and_then(|l| HeaderValue::from_str(l).ok())
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

pub async fn replace_user(
    State(emulator): State<Arc<Emulator>>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    emulator.check_org(&org)?;
    let input = validate::user_input(&body::json(raw)?).map_err(invalid_value)?;
    let user = emulator.mutate(|store| save_replacement(store, &id, input))?;
    Ok(scim_json(
        StatusCode::OK,
        &with_location(&user, &users_url(&headers, &org)),
    ))
}

pub async fn delete_user(
    State(emulator): State<Arc<Emulator>>,
    Path((org, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    emulator.check_org(&org)?;
    emulator.mutate(|store| store.remove(&id).map(drop).ok_or_else(ApiError::not_found))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Replaces the identity `id` with `input`, keeping its id, creation time and linkage.
/// `active: false` is not a suspension on GitHub: the identity is deleted.
pub fn save_replacement(
    store: &mut crate::store::Store,
    id: &str,
    input: UserInput,
) -> Result<ScimUser, ApiError> {
    let mut user = store.get(id).cloned().ok_or_else(ApiError::not_found)?;
    apply(&mut user, input);
    user.meta.last_modified = Some(ids::now_rfc3339());
    if !user.active {
        store.remove(id);
        return Ok(user);
    }
    if let Some(detail) = store.conflict(user_name(&user), user.external_id.as_deref(), Some(id)) {
        return Err(conflict(detail));
    }
    store.insert(user.clone());
    Ok(user)
}

fn user_name(user: &ScimUser) -> &str {
    user.user_name.as_deref().unwrap_or_default()
}

/// Sets every attribute a client controls; what `input` lacks is removed (PUT semantics).
fn apply(user: &mut ScimUser, input: UserInput) {
    user.user_name = Some(input.user_name);
    user.name = Some(input.name);
    user.emails = input.emails;
    user.display_name = input.display_name;
    user.external_id = input.external_id;
    user.active = input.active;
    user.groups = input.groups;
}
