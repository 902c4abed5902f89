//! An emulator of GitHub's organization SCIM API (`/scim/v2/organizations/{org}/Users`),
//! faithful to `contracts/github-org-scim.openapi.json` and `contracts/NOTES.md`.
//!
//! `app` builds the whole router so tests can drive it without a socket (`oneshot`).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod api_error;
pub mod auth;
pub mod cors;
pub mod ids;
pub mod options;
pub mod seed;
pub mod state;
pub mod static_site;
pub mod store;
pub mod users_list;

use std::sync::Arc;

use axum::{middleware, routing::get, Router};

pub use options::Options;
pub use state::{Emulator, TokenState};

/// The emulator's HTTP surface. `static_dir`, when given, serves the built console at `/`.
pub fn app(emulator: Arc<Emulator>, static_dir: Option<&std::path::Path>) -> Router {
    let scim = Router::new()
        .route(
            "/scim/v2/organizations/{org}/Users",
            get(users_list::list_users),
        )
        .route_layer(middleware::from_fn_with_state(
            emulator.clone(),
            auth::require_token,
        ))
        .with_state(emulator.clone());
    let router = match static_dir {
        Some(dir) => scim.merge(static_site::router(emulator, dir)),
        None => scim,
    };
    router.layer(cors::github_cors())
}
