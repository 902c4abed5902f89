//! GitHub's GraphQL API at `POST /graphql`, for the drift review: a faithful subset of GitHub's
//! schema served by async-graphql (`schema.rs`, `types.rs`), with GitHub's answer shapes: 200
//! with `errors[].type` for field errors, the SAML refusal with `extensions.saml_failure` and
//! `X-GitHub-SSO`, points-based rate limits (`cost.rs`, `budget.rs`).
pub mod budget;
pub mod cost;
pub mod enterprise;
pub mod handler;
pub mod identities;
pub mod nodes;
pub mod schema;
pub mod types;

use std::sync::Arc;

use axum::routing::post;
use axum::Router;

use crate::state::Emulator;

pub fn router() -> Router<Arc<Emulator>> {
    // Only POST is GraphQL; any other method gets GitHub's plain 404.
    Router::new().route(
        "/graphql",
        post(handler::graphql).fallback(handler::not_found),
    )
}

/// The schema as SDL (what `tests/graphql_sdl.rs` compares with GitHub's).
pub fn sdl() -> String {
    schema::schema().sdl()
}
