//! `GET /orgs/{org}/invitations` (`role`, `invitation_source`, paged with `Link`) and
//! `DELETE /orgs/{org}/invitations/{invitation_id}`. Both are for owners.
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::error::{change_world, RestError};
use super::extract::OrgCall;
use super::paging::{lenient, paged, Page};
use super::render;
use crate::org::views::{InvitationRoleFilter, SourceFilter, ViewKey};
use crate::state::Emulator;

const DOCS: &str = "https://docs.github.com/enterprise-cloud@latest/rest/orgs/members";

#[derive(Debug, Default, Deserialize)]
pub struct InvitationsQuery {
    #[serde(default, deserialize_with = "lenient")]
    per_page: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    page: Option<i64>,
    #[serde(default)]
    role: InvitationRoleFilter,
    #[serde(default)]
    invitation_source: SourceFilter,
}

pub async fn list_invitations(
    State(emulator): State<Arc<Emulator>>,
    call: OrgCall,
    query: Result<Query<InvitationsQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, RestError> {
    if !call.is_owner() {
        return Err(RestError::owner_only());
    }
    let Query(query) = query.map_err(RestError::bad_query)?;
    let page = Page::new(query.page, query.per_page);
    let store = emulator.read_store();
    let world = &store.org;
    let view = world.view(ViewKey::Invitations(query.role, query.invitation_source));
    let items: Vec<_> = view[page.range(view.len())]
        .iter()
        .filter_map(|id| world.invitation(*id))
        .filter_map(|i| render::invitation(&call.api, world, i))
        .collect();
    Ok(paged(
        &items,
        page,
        view.len(),
        &call.api,
        "invitations",
        raw.as_deref(),
    ))
}

/// Cancels the invitation; a SCIM identity it belonged to stays (delete it through SCIM).
pub async fn cancel_invitation(
    State(emulator): State<Arc<Emulator>>,
    _call: OrgCall,
    Path((_org, invitation_id)): Path<(String, String)>,
) -> Result<Response, RestError> {
    let id: u64 = invitation_id
        .parse()
        .map_err(|_| RestError::not_found(DOCS))?;
    change_world(&emulator, |world| {
        world
            .cancel_invitation(id)
            .then_some(())
            .ok_or_else(|| RestError::not_found(DOCS))
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
