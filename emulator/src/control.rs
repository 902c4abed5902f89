//! The emulator-only test interface under `/_emulator/` (GitHub has no such path), mounted only
//! with `--test-control`: change a token's state, queue faults, read the request log, reset.
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::faults::Fault;
use crate::state::{Emulator, TokenState};

pub fn router(emulator: Arc<Emulator>) -> Router {
    Router::new()
        .route("/_emulator/tokens", post(set_token))
        .route("/_emulator/faults", post(add_fault).delete(clear_faults))
        .route("/_emulator/requests", get(requests))
        .route("/_emulator/reset", post(reset))
        .with_state(emulator)
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

async fn add_fault(State(emulator): State<Arc<Emulator>>, Json(fault): Json<Fault>) -> StatusCode {
    emulator.faults.push(fault);
    StatusCode::NO_CONTENT
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
