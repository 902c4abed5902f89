//! The test interface holds the logged credentials and wipes the data: only a caller on this
//! machine may use it, judged by the connection's peer address. The `Host` header is the
//! caller's to write, so a request from elsewhere naming `127.0.0.1` is refused all the same
//! (with `--listen 0.0.0.0:…` the emulator is reachable from the network).
mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn from(
    router: &axum::Router,
    method: Method,
    path: &str,
    peer: &str,
) -> (StatusCode, String) {
    let request = from_peer(Request::builder(), peer)
        .method(method)
        .uri(path)
        .header(header::HOST, "127.0.0.1:8787")
        .body(Body::empty())
        .unwrap();
    let answer = router.clone().oneshot(request).await.unwrap();
    let status = answer.status();
    let bytes = answer.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn a_caller_from_another_machine_is_refused_whatever_host_it_names() {
    let router = router(&emulator(1));
    // Something to steal: a request with a credential in the log.
    get(&router, USERS).await;
    for peer in ["203.0.113.7:40000", "[2001:db8::1]:40000", "10.0.0.2:1"] {
        for (method, path) in [
            (Method::GET, "/_emulator/requests"),
            (Method::POST, "/_emulator/reset"),
            (Method::DELETE, "/_emulator/faults"),
        ] {
            let (status, text) = from(&router, method.clone(), path, peer).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{peer} {method} {path}");
            assert!(!text.contains("Bearer"), "{peer}: {text}");
        }
    }
}

#[tokio::test]
async fn a_caller_on_this_machine_is_served() {
    let router = router(&emulator(1));
    for peer in [LOOPBACK, "[::1]:40000", "127.0.0.9:1"] {
        let (status, _) = from(&router, Method::GET, "/_emulator/requests", peer).await;
        assert_eq!(status, StatusCode::OK, "{peer}");
    }
}
