//! `--static DIR`: serve the built console from the emulator's own origin, with a generated
//! `config.json` that points the console at this emulator and organization.
use std::path::Path;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use tower_http::services::{ServeDir, ServeFile};

use crate::state::Emulator;

pub fn router(emulator: Arc<Emulator>, dir: &Path) -> Router {
    // Client routes fall back to index.html, as the deployed site does.
    let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    Router::new()
        .route("/config.json", get(config))
        .with_state(emulator)
        .fallback_service(files)
}

async fn config(State(emulator): State<Arc<Emulator>>, headers: HeaderMap) -> impl IntoResponse {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({
            "mode": "direct",
            "apiBase": format!("http://{host}"),
            "org": emulator.org,
        })),
    )
}
