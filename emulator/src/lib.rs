//! An emulator of GitHub's organization SCIM API (`/scim/v2/organizations/{org}/Users`),
//! faithful to `contracts/github-org-scim.openapi.json` and `contracts/NOTES.md`.
//!
//! The protocol itself (filters, PATCH, validation, error bodies) is the `scim` crate's, shared
//! with the console; here are the routes (`routes/`), the extractors that turn requests into
//! `scim` types or GitHub's error bodies (`extract/`), the identities and what writes do to them
//! (`store`, `identities`), and GitHub's surroundings: tokens and SSO (`auth`), rate limits,
//! CORS, and the test-only controls. `app` builds the whole router so tests can drive it without
//! a socket (`oneshot`).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod api_error;
pub mod auth;
pub mod control;
mod control_guard;
pub mod cors;
pub mod extract;
pub mod faults;
pub mod graphql;
pub mod identities;
pub mod ids;
pub mod listener;
pub mod options;
pub mod org;
pub mod persist;
pub mod rate_limit;
pub mod routes;
pub mod security_headers;
pub mod seed;
pub mod state;
pub mod static_site;
pub mod store;

use std::path::Path;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::{middleware, Router};

pub use options::Options;
pub use state::{Emulator, TokenState};

/// What the router serves beside the SCIM API.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// Serve the built console from this directory at `/`.
    pub static_dir: Option<&'a Path>,
    /// Mount the `/_emulator/` test interface and fault injection.
    pub test_control: bool,
    /// The one origin allowed to call `/_emulator/` cross-origin (CORS); none by default.
    pub control_origin: Option<&'a axum::http::HeaderValue>,
}

/// The emulator's HTTP surface.
pub fn app(emulator: Arc<Emulator>, extras: Extras<'_>) -> Router {
    let scim = routes::scim_users::router()
        // Issue 12 hook: the org REST routes share the SCIM routes' auth and rate limits.
        .merge(org::rest::router())
        .route_layer(middleware::from_fn_with_state(
            emulator.clone(),
            auth::require_token,
        ))
        .route_layer(middleware::from_fn_with_state(
            emulator.clone(),
            rate_limit::enforce,
        ))
        .layer(DefaultBodyLimit::max(extract::MAX_BODY_BYTES))
        .with_state(emulator.clone());
    // Issue 12 hook: GraphQL answers auth, SSO and rate limits itself (200 with errors).
    let graphql = graphql::router()
        .layer(DefaultBodyLimit::max(extract::MAX_BODY_BYTES))
        .with_state(emulator.clone());
    let mut api = scim.merge(graphql);
    if extras.test_control {
        api = api.layer(middleware::from_fn_with_state(
            emulator.clone(),
            faults::inject,
        ));
    }
    if extras.static_dir.is_none() {
        api = api.fallback(api_error::not_found_fallback);
    }
    // CORS as GitHub answers it, on the API only: never on the test interface.
    let mut router = api.layer(cors::github_cors());
    if extras.test_control {
        router = router.merge(control::router(
            emulator.clone(),
            extras.control_origin.cloned(),
        ));
    }
    if let Some(dir) = extras.static_dir {
        // The console, with GitHub's 404 for API paths and index.html for client routes.
        router = router.merge(static_site::router(emulator, dir));
    }
    router
}
