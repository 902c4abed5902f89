//! Helpers for driving the emulator's router without a socket.
#![allow(dead_code)] // each test file uses a different subset

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::request::Builder;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use emulator::listener::Peer;
use emulator::{app, Emulator, Extras, TokenState};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

pub const USERS: &str = "/scim/v2/organizations/acme-corp/Users";

pub fn emulator(seed: usize) -> Arc<Emulator> {
    Arc::new(
        Emulator::new(
            "Acme-Corp",
            [
                ("good".to_owned(), TokenState::Authorized),
                ("nosso".to_owned(), TokenState::SsoRequired),
                ("reader".to_owned(), TokenState::ReadOnly),
            ],
        )
        .with_seed(seed),
    )
}

pub fn router(emulator: &Arc<Emulator>) -> Router {
    app(
        emulator.clone(),
        Extras {
            test_control: true,
            ..Extras::default()
        },
    )
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }
}

pub async fn send(
    router: &Router,
    method: Method,
    uri: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Answer {
    let mut request = from_peer(Request::builder(), LOOPBACK)
        .method(method)
        .uri(uri)
        // The test interface answers on loopback only (DNS rebinding); the API on any name.
        .header(
            header::HOST,
            if uri.starts_with("/_emulator/") {
                "127.0.0.1:8787"
            } else {
                "api.test"
            },
        );
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/scim+json");
    }
    let body = body
        .map(|b| Body::from(b.to_owned()))
        .unwrap_or_else(Body::empty);
    let response = router
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    Answer {
        status: parts.status,
        headers: parts.headers,
        text: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// A caller on this machine, as the socket would report it.
pub const LOOPBACK: &str = "127.0.0.1:50000";

/// `request` as if it arrived over a connection from `peer` (what the emulator's listener
/// hands every request; a oneshot request has no connection).
pub fn from_peer(request: Builder, peer: &str) -> Builder {
    let addr: SocketAddr = peer.parse().unwrap();
    request.extension(ConnectInfo(Peer::new(addr)))
}

pub async fn get(router: &Router, uri: &str) -> Answer {
    send(router, Method::GET, uri, Some("good"), None).await
}

pub async fn post(router: &Router, body: &Value) -> Answer {
    send(
        router,
        Method::POST,
        USERS,
        Some("good"),
        Some(&body.to_string()),
    )
    .await
}

pub async fn patch(router: &Router, id: &str, operations: Value) -> Answer {
    let body = json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": operations});
    send(
        router,
        Method::PATCH,
        &format!("{USERS}/{id}"),
        Some("good"),
        Some(&body.to_string()),
    )
    .await
}

/// A valid new identity as an IdP would send it.
pub fn new_user(user_name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": user_name,
        "externalId": format!("ext-{user_name}"),
        "displayName": "Zoë Ångström",
        "name": {"givenName": "Zoë", "familyName": "Ångström"},
        "emails": [{"value": user_name, "primary": true, "type": "work"}],
        "active": true
    })
}

/// The SCIM error `detail` of an answer.
pub fn detail(answer: &Answer) -> String {
    answer.json()["detail"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}
