//! The emulator-only test interface under `/_emulator/` (GitHub has no such path), mounted only
//! with `--test-control`: change a token's state, queue faults, read the request log, reset.
//!
//! The log holds credentials and reset wipes the data, so no web page may use it: no CORS
//! (unless `--control-origin` names the one origin allowed, for the in-browser tests), and a
//! request a browser sent from any other origin, or through a DNS name that is not loopback
//! (DNS rebinding), is refused before it does anything (see `control_guard`).
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use serde::Deserialize;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::control_guard;
use crate::faults::Fault;
use crate::state::{Emulator, TokenState};

/// `allowed_origin`: the one origin (`--control-origin`) that may call it cross-origin.
pub fn router(emulator: Arc<Emulator>, allowed_origin: Option<HeaderValue>) -> Router {
    let routes = Router::new()
        .route("/_emulator/tokens", post(set_token))
        .route("/_emulator/faults", post(add_fault).delete(clear_faults))
        .route("/_emulator/requests", get(requests))
        .route("/_emulator/reset", post(reset))
        .with_state(emulator)
        .layer(middleware::from_fn_with_state(
            allowed_origin.clone(),
            control_guard::refuse_foreign_callers,
        ));
    match allowed_origin {
        Some(origin) => routes.layer(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list([origin]))
                .allow_methods([Method::GET, Method::POST, Method::DELETE])
                .allow_headers([header::CONTENT_TYPE]),
        ),
        None => routes,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenChange {
    token: String,
    state: TokenState,
}

async fn set_token(
    State(emulator): State<Arc<Emulator>>,
    Json(change): Json<TokenChange>,
) -> StatusCode {
    emulator.set_token(&change.token, change.state);
    StatusCode::NO_CONTENT
}

async fn add_fault(State(emulator): State<Arc<Emulator>>, Json(fault): Json<Fault>) -> Response {
    match emulator.faults.push(fault) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(problem) => (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({ "message": problem })),
        )
            .into_response(),
    }
}

async fn clear_faults(State(emulator): State<Arc<Emulator>>) -> StatusCode {
    emulator.faults.clear();
    StatusCode::NO_CONTENT
}

async fn requests(State(emulator): State<Arc<Emulator>>) -> Response {
    Json(emulator.faults.log()).into_response()
}

/// Back to the seeded identities, no faults, an empty log and fresh rate-limit budgets.
async fn reset(State(emulator): State<Arc<Emulator>>) -> Response {
    match emulator.reset() {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => e.into_response(),
    }
}
