//! One person's membership: `GET /orgs/{org}/members/{username}` (204 or 404),
//! `GET /orgs/{org}/memberships/{username}` (active, pending or 404) and
//! `DELETE /orgs/{org}/members/{username}` (removal by hand: the identity stays, stale).
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use scim::org::MembershipState;

use super::error::{change_world, RestError};
use super::extract::OrgCall;
use super::paging::json;
use super::render;
use crate::org::model::{InvitationRole, Role};
use crate::org::views::{RoleFilter, TwoFactorFilter, ViewKey};
use crate::state::Emulator;

const DOCS: &str = "https://docs.github.com/enterprise-cloud@latest/rest/orgs/members";

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
                InvitationRole::Admin => Role::Admin,
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
