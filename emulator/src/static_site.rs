//! `--static DIR`: serve the built console from the emulator's own origin, with a generated
//! `config.json` that points the console at this emulator and organization, and the deployed
//! site's security headers on every answer.
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Json, Router};
use serde_json::json;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::api_error;
use crate::security_headers;
use crate::state::Emulator;

/// Paths that belong to GitHub's API (or the test interface): an unknown one there is GitHub's
/// 404 JSON, never the console's page, as on api.github.com.
const API_PREFIXES: [&str; 5] = ["/scim/", "/orgs/", "/graphql", "/user", "/_emulator/"];

pub fn router(emulator: Arc<Emulator>, dir: &Path) -> Router {
    // Client routes fall back to index.html, as the deployed site does.
    let files = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    let headers = Arc::new(security_headers::headers());
    Router::new()
        .route("/config.json", get(config))
        .with_state(emulator)
        .fallback(move |request: Request| serve(files.clone(), request))
        .layer(middleware::map_response(move |response: Response| {
            let headers = headers.clone();
            async move { security_headers::apply(&headers, response) }
        }))
}

async fn serve(files: ServeDir<ServeFile>, request: Request) -> Response {
    let path = request.uri().path();
    if is_api_path(path) {
        return api_error::not_found_fallback(request.uri().clone())
            .await
            .into_response();
    }
    match files.oneshot(request).await {
        Ok(answer) => answer.into_response(),
        Err(never) => match never {},
    }
}

fn is_api_path(path: &str) -> bool {
    API_PREFIXES.iter().any(|prefix| {
        path.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    })
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
