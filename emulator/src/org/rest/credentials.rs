//! `GET /orgs/{org}/credential-authorizations` (`login`, `per_page`, `page`) and
//! `DELETE /orgs/{org}/credential-authorizations/{credential_id}`, for owners. The contract
//! declares no `Link` here; the emulator sends one anyway, as `gh api --paginate` relies on.
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
use crate::state::Emulator;

const DOCS: &str =
    "https://docs.github.com/enterprise-cloud@latest/rest/orgs/orgs#list-saml-sso-authorizations-for-an-organization";

#[derive(Debug, Default, Deserialize)]
pub struct CredentialsQuery {
    #[serde(default, deserialize_with = "lenient")]
    per_page: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    page: Option<i64>,
    login: Option<String>,
}

pub async fn list_credentials(
    State(emulator): State<Arc<Emulator>>,
    call: OrgCall,
    query: Result<Query<CredentialsQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, RestError> {
    if !call.is_owner() {
        return Err(RestError::owner_only());
    }
    let Query(query) = query.map_err(RestError::bad_query)?;
    let page = Page::new(query.page, query.per_page);
    let store = emulator.read_store();
    let world = &store.org;
    let (items, total) = match query.login.as_deref().filter(|l| !l.is_empty()) {
        Some(login) => {
            let mine = world
                .account_by_login(login)
                .map(|a| world.credentials_of(a.id))
                .unwrap_or_default();
            let total = mine.len();
            let items: Vec<_> = mine[page.range(total)]
                .iter()
                .filter_map(|c| render::credential(world, c))
                .collect();
            (items, total)
        }
        None => {
            let total = world.credentials.len();
            let items = world
                .credentials
                .get_range(page.range(total))
                .map(|slice| {
                    slice
                        .values()
                        .filter_map(|c| render::credential(world, c))
                        .collect()
                })
                .unwrap_or_default();
            (items, total)
        }
    };
    Ok(paged(
        &items,
        page,
        total,
        &call.api,
        "credential-authorizations",
        raw.as_deref(),
    ))
}

pub async fn revoke_credential(
    State(emulator): State<Arc<Emulator>>,
    _call: OrgCall,
    Path((_org, credential_id)): Path<(String, String)>,
) -> Result<Response, RestError> {
    let id: u64 = credential_id
        .parse()
        .map_err(|_| RestError::not_found(DOCS))?;
    change_world(&emulator, |world| {
        world
            .revoke_credential(id)
            .then_some(())
            .ok_or_else(|| RestError::not_found(DOCS))
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
