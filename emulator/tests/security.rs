//! What a web page must not be able to do with the emulator: use the test interface (read the
//! logged credentials, reset the data), or get the console's page where GitHub answers 404; and
//! every page it serves carries the deployed security headers.
mod common;

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::Router;
use common::*;
use emulator::{app, Extras};
use http_body_util::BodyExt;
use tower::ServiceExt;

const EVIL: &str = "https://evil.example";
const RUNNER: &str = "http://127.0.0.1:8000";

/// A request as a browser would send it: `host`, and `origin` when there is one.
async fn browser(
    router: &Router,
    method: Method,
    uri: &str,
    host: &str,
    origin: Option<&str>,
) -> Answer {
    // A browser on this machine: the name it was pointed at is the question here.
    let mut request = from_peer(Request::builder(), LOOPBACK)
        .method(method)
        .uri(uri)
        .header(header::HOST, host);
    if let Some(origin) = origin {
        request = request.header(header::ORIGIN, origin);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    Answer {
        status: parts.status,
        headers: parts.headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn with_control_origin(origin: &HeaderValue) -> Router {
    app(
        emulator(1),
        Extras {
            test_control: true,
            control_origin: Some(origin),
            ..Extras::default()
        },
    )
}

#[tokio::test]
async fn a_foreign_origin_gets_no_cors_and_no_action_from_the_test_interface() {
    let router = router(&emulator(1));
    for (method, path) in [
        (Method::GET, "/_emulator/requests"),
        (Method::POST, "/_emulator/reset"),
        (Method::DELETE, "/_emulator/faults"),
    ] {
        let answer = browser(&router, method.clone(), path, "127.0.0.1:8787", Some(EVIL)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(answer.header("access-control-allow-origin"), "", "{path}");
    }
    let preflight = browser(
        &router,
        Method::OPTIONS,
        "/_emulator/reset",
        "127.0.0.1:8787",
        Some(EVIL),
    )
    .await;
    assert_eq!(preflight.header("access-control-allow-origin"), "");
    // The API itself stays as open as api.github.com.
    let api = browser(&router, Method::GET, USERS, "127.0.0.1:8787", Some(EVIL)).await;
    assert_eq!(api.header("access-control-allow-origin"), "*");
}

#[tokio::test]
async fn a_rebinding_dns_name_cannot_reach_the_test_interface() {
    let router = router(&emulator(1));
    let read = browser(
        &router,
        Method::GET,
        "/_emulator/requests",
        "evil.example:8787",
        None,
    )
    .await;
    assert_eq!(read.status, StatusCode::FORBIDDEN);
    assert!(!read.text.contains("authorization"));
    for host in ["127.0.0.1:8787", "localhost:8787", "[::1]:8787"] {
        let ok = browser(&router, Method::GET, "/_emulator/requests", host, None).await;
        assert_eq!(ok.status, StatusCode::OK, "{host}");
    }
    // Its own pages (same origin) may use it.
    let own = browser(
        &router,
        Method::POST,
        "/_emulator/reset",
        "127.0.0.1:8787",
        Some("http://127.0.0.1:8787"),
    )
    .await;
    assert_eq!(own.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn the_control_origin_and_only_it_gets_cors_on_the_test_interface() {
    let origin = HeaderValue::from_static(RUNNER);
    let router = with_control_origin(&origin);
    let preflight = browser(
        &router,
        Method::OPTIONS,
        "/_emulator/faults",
        "127.0.0.1:8787",
        Some(RUNNER),
    )
    .await;
    assert_eq!(preflight.header("access-control-allow-origin"), RUNNER);
    let read = browser(
        &router,
        Method::GET,
        "/_emulator/requests",
        "127.0.0.1:8787",
        Some(RUNNER),
    )
    .await;
    assert_eq!(
        (read.status, read.header("access-control-allow-origin")),
        (StatusCode::OK, RUNNER)
    );
    let evil = browser(
        &router,
        Method::GET,
        "/_emulator/requests",
        "127.0.0.1:8787",
        Some(EVIL),
    )
    .await;
    assert_eq!(
        (evil.status, evil.header("access-control-allow-origin")),
        (StatusCode::FORBIDDEN, "")
    );
}

/// A built console in a temporary directory, served with `--static`.
fn static_site(test_control: bool, name: &str) -> (Router, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "scim-emulator-{name}-{}-{test_control}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    std::fs::write(dir.join("app-0123456789abcdef.js"), "export {}").unwrap();
    let router = app(
        emulator(1),
        Extras {
            static_dir: Some(&dir),
            test_control,
            ..Extras::default()
        },
    );
    (router, dir)
}

#[tokio::test]
async fn the_console_is_never_the_answer_on_an_api_path() {
    for test_control in [false, true] {
        let (router, dir) = static_site(test_control, "api-paths");
        for path in [
            "/scim/v2/organizations/acme/users",
            "/scim/v2/organizations/acme-corp/Groups",
            "/SCIM/v2/organizations/acme-corp/Users",
            // (`/orgs/acme-corp/members` exists since the drift review: org_rest.rs covers it.)
            "/orgs/acme-corp/teams",
            "/orgs/acme-corp/unknown",
            "/graphql",
            "/user",
            "/users/octocat",
            "/_emulator/unknown",
        ] {
            let answer = browser(&router, Method::GET, path, "127.0.0.1:8787", None).await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
            assert!(
                answer.header("content-type").contains("json"),
                "{path}: {}",
                answer.text
            );
            assert!(!answer.text.contains("<title>"), "{path}");
        }
        let page = browser(
            &router,
            Method::GET,
            "/identities/some-id",
            "127.0.0.1:8787",
            None,
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("<title>console</title>"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[tokio::test]
async fn every_page_carries_the_deployed_security_headers() {
    let (router, dir) = static_site(true, "headers");
    let source = include_str!("../../deploy/security-headers");
    let expected: Vec<(&str, String)> = source
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, value) = l.split_once(": ").unwrap();
            (name, value.replace("@CONNECT_SRC@", ""))
        })
        .collect();
    assert_eq!(expected.len(), 7);
    assert_eq!(emulator::security_headers::headers().len(), expected.len());
    for path in [
        "/",
        "/identities/x",
        "/config.json",
        "/app-0123456789abcdef.js",
        "/missing.js",
    ] {
        let answer = browser(&router, Method::GET, path, "127.0.0.1:8787", None).await;
        for (name, value) in &expected {
            assert_eq!(answer.header(name), value, "{name} on {path}");
        }
    }
    let csp = browser(&router, Method::GET, "/", "127.0.0.1:8787", None).await;
    let csp = csp.header("content-security-policy");
    assert!(csp.contains("connect-src 'self';"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
