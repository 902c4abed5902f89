//! The people lists: `GET /orgs/{org}/members` (`role`, `filter`) and
//! `GET /orgs/{org}/outside_collaborators` (`filter`), paged with GitHub's `Link`.
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, RawQuery, State};
use axum::response::Response;
use serde::Deserialize;

use super::error::RestError;
use super::extract::OrgCall;
use super::paging::{lenient, paged, Page};
use super::render;
use crate::org::views::{RoleFilter, TwoFactorFilter, ViewKey};
use crate::state::Emulator;

#[derive(Debug, Default, Deserialize)]
pub struct MembersQuery {
    #[serde(default, deserialize_with = "lenient")]
    per_page: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    page: Option<i64>,
    #[serde(default)]
    role: RoleFilter,
    #[serde(default)]
    filter: TwoFactorFilter,
}

pub async fn list_members(
    State(emulator): State<Arc<Emulator>>,
    call: OrgCall,
    query: Result<Query<MembersQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, RestError> {
    let Query(query) = query.map_err(RestError::bad_query)?;
    if query.filter != TwoFactorFilter::All && !call.is_owner() {
        // "These options are only available for organization owners."
        return Err(RestError::Validation(
            scim::org::ValidationError::invalid_field(
                "Organization",
                "filter",
                "2fa",
                &["all (2FA filters are for organization owners)"],
            ),
        ));
    }
    let page = Page::new(query.page, query.per_page);
    let store = emulator.read_store();
    let world = &store.org;
    let (ids, total): (Vec<u64>, usize) = if (query.role, query.filter) == Default::default() {
        let range = page.range(world.members.len());
        let ids = world
            .members
            .get_range(range)
            .map(|s| s.keys().copied().collect());
        (ids.unwrap_or_default(), world.members.len())
    } else {
        let view = world.view(ViewKey::Members(query.role, query.filter));
        (view[page.range(view.len())].to_vec(), view.len())
    };
    let users: Vec<_> = ids
        .iter()
        .filter_map(|id| world.account(*id))
        .map(|a| render::simple_user(&call.api, a))
        .collect();
    Ok(paged(
        &users,
        page,
        total,
        &call.api,
        "members",
        raw.as_deref(),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct CollaboratorsQuery {
    #[serde(default, deserialize_with = "lenient")]
    per_page: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    page: Option<i64>,
    #[serde(default)]
    filter: TwoFactorFilter,
}

pub async fn list_outside_collaborators(
    State(emulator): State<Arc<Emulator>>,
    call: OrgCall,
    query: Result<Query<CollaboratorsQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, RestError> {
    let Query(query) = query.map_err(RestError::bad_query)?;
    let page = Page::new(query.page, query.per_page);
    let store = emulator.read_store();
    let view = store.org.view(ViewKey::Collaborators(query.filter));
    let users: Vec<_> = view[page.range(view.len())]
        .iter()
        .filter_map(|id| store.org.account(*id))
        .map(|a| render::simple_user(&call.api, a))
        .collect();
    Ok(paged(
        &users,
        page,
        view.len(),
        &call.api,
        "outside_collaborators",
        raw.as_deref(),
    ))
}
