//! `GET /orgs/{org}/members`, `GET /orgs/{org}/memberships/{username}`,
//! `DELETE /orgs/{org}/members/{username}` and `GET /orgs/{org}/outside_collaborators`.
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use scim::org::MembershipState;
use serde::Deserialize;

use super::error::{change_world, RestError};
use super::extract::OrgCall;
use super::paging::{json, lenient, paged, Page};
use super::render;
use crate::org::model::Role;
use crate::org::views::{RoleFilter, TwoFactorFilter, ViewKey};
use crate::state::Emulator;

const DOCS: &str = "https://docs.github.com/enterprise-cloud@latest/rest/orgs/members";

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

/// `GET …/members/{username}`: 204 for a member, 404 (no body) otherwise.
pub async fn check_membership(
    State(emulator): State<Arc<Emulator>>,
    _call: OrgCall,
    Path((_org, username)): Path<(String, String)>,
) -> StatusCode {
    let store = emulator.read_store();
    let member = store
        .org
        .account_by_login(&username)
        .is_some_and(|a| store.org.role(a.id).is_some());
    if member {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

/// Active for a member, pending for an account with a pending invitation, else 404.
pub async fn get_membership(
    State(emulator): State<Arc<Emulator>>,
    call: OrgCall,
    Path((org, username)): Path<(String, String)>,
) -> Result<Response, RestError> {
    let store = emulator.read_store();
    let world = &store.org;
    let account = world
        .account_by_login(&username)
        .ok_or_else(|| RestError::not_found(DOCS))?;
    let (state, role) = match (
        world.role(account.id),
        world.pending_invitation_of(account.id),
    ) {
        (Some(role), _) => (MembershipState::Active, role),
        (None, Some(invitation)) => (
            MembershipState::Pending,
            match invitation.role {
                crate::org::model::InvitationRole::Admin => Role::Admin,
                _ => Role::Member,
            },
        ),
        (None, None) => return Err(RestError::not_found(DOCS)),
    };
    let org_login = if org.parse::<u64>().is_ok() {
        emulator.org.clone()
    } else {
        org
    };
    Ok(json(
        StatusCode::OK,
        &render::membership(&call.api, &org_login, account, state, role),
    ))
}

/// Removes a member by hand: the membership and credential authorizations go, a linked
/// identity stays (stale). The last owner cannot be removed (403).
pub async fn remove_member(
    State(emulator): State<Arc<Emulator>>,
    _call: OrgCall,
    Path((_org, username)): Path<(String, String)>,
) -> Result<Response, RestError> {
    change_world(&emulator, |world| {
        let account = world
            .account_by_login(&username)
            .map(|a| a.id)
            .ok_or_else(|| RestError::not_found(DOCS))?;
        let role = world
            .role(account)
            .ok_or_else(|| RestError::not_found(DOCS))?;
        let owners = world.view(ViewKey::Members(RoleFilter::Admin, TwoFactorFilter::All));
        if role == Role::Admin && owners.len() <= 1 {
            return Err(RestError::basic(
                StatusCode::FORBIDDEN,
                "You cannot remove the last owner of an organization.",
                DOCS,
            ));
        }
        world.remove_member(account);
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
