//! The `/_emulator/` test interface: faults, token changes, the request log, reset.
mod common;

use axum::http::{Method, StatusCode};
use common::*;
use emulator::{app, Extras};
use serde_json::json;

async fn control(
    router: &axum::Router,
    method: Method,
    path: &str,
    body: serde_json::Value,
) -> StatusCode {
    send(router, method, path, None, Some(&body.to_string()))
        .await
        .status
}

#[tokio::test]
async fn the_interface_is_absent_unless_enabled() {
    let off = app(emulator(0), Extras::default());
    let answer = send(&off, Method::POST, "/_emulator/reset", None, None).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_queued_fault_fails_only_the_matching_requests_it_counts() {
    let router = router(&emulator(1));
    let fault = json!({"count": 2, "status": 502, "method": "GET", "path": "/Users"});
    assert_eq!(
        control(&router, Method::POST, "/_emulator/faults", fault).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(get(&router, USERS).await.status, StatusCode::BAD_GATEWAY);
    let post_answer = post(&router, &new_user("p@example.com")).await;
    assert_eq!(
        post_answer.status,
        StatusCode::CREATED,
        "POST does not match a GET fault"
    );
    assert_eq!(get(&router, USERS).await.status, StatusCode::BAD_GATEWAY);
    assert_eq!(get(&router, USERS).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_fault_can_pick_one_page_of_a_list_by_its_query() {
    let router = router(&emulator(3));
    let fault = json!({"status": 502, "path": "startIndex=2&"});
    control(&router, Method::POST, "/_emulator/faults", fault).await;
    let page = |start: u64| format!("{USERS}?startIndex={start}&count=1");
    assert_eq!(get(&router, &page(1)).await.status, StatusCode::OK);
    assert_eq!(get(&router, &page(2)).await.status, StatusCode::BAD_GATEWAY);
    assert_eq!(
        get(&router, &page(2)).await.status,
        StatusCode::OK,
        "one use"
    );
}

#[tokio::test]
async fn a_429_fault_carries_retry_after() {
    let router = router(&emulator(0));
    control(
        &router,
        Method::POST,
        "/_emulator/faults",
        json!({"status": 429, "retryAfter": 3}),
    )
    .await;
    let limited = get(&router, USERS).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.header("retry-after"), "3");
}

#[tokio::test]
async fn a_dropped_connection_breaks_the_body() {
    let router = router(&emulator(0));
    control(
        &router,
        Method::POST,
        "/_emulator/faults",
        json!({"drop": true}),
    )
    .await;
    let request = axum::http::Request::get(USERS)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(router.clone(), request)
        .await
        .unwrap();
    let body = http_body_util::BodyExt::collect(response.into_body()).await;
    assert!(body.is_err());
}

#[tokio::test]
async fn an_after_fault_applies_the_change_but_loses_the_answer() {
    let router = router(&emulator(0));
    let fault = json!({"after": true, "status": 502, "method": "POST"});
    control(&router, Method::POST, "/_emulator/faults", fault).await;
    let lost = post(&router, &new_user("applied@example.com")).await;
    assert_eq!(lost.status, StatusCode::BAD_GATEWAY);
    let found = get(
        &router,
        &format!("{USERS}?filter=userName%20eq%20%22applied@example.com%22"),
    )
    .await;
    assert_eq!(found.json()["totalResults"], 1, "the POST was applied");
}

#[tokio::test]
async fn unknown_fault_fields_are_refused() {
    let router = router(&emulator(0));
    let status = control(
        &router,
        Method::POST,
        "/_emulator/faults",
        json!({"statsu": 500}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn token_state_changes_take_effect_at_once() {
    let router = router(&emulator(0));
    assert_eq!(
        send(&router, Method::GET, USERS, Some("nosso"), None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let change = json!({"token": "nosso", "state": "authorized"});
    assert_eq!(
        control(&router, Method::POST, "/_emulator/tokens", change).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        send(&router, Method::GET, USERS, Some("nosso"), None)
            .await
            .status,
        StatusCode::OK
    );
    control(&router, Method::POST, "/_emulator/reset", json!(null)).await;
    let restored = send(&router, Method::GET, USERS, Some("nosso"), None).await;
    assert_eq!(
        restored.status,
        StatusCode::FORBIDDEN,
        "reset restores the tokens as started"
    );
    let bad = json!({"token": "nosso", "state": "sort-of"});
    assert_eq!(
        control(&router, Method::POST, "/_emulator/tokens", bad).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn the_log_shows_requests_with_their_credentials_and_reset_restores_the_seed() {
    let emulator = emulator(4);
    let router = router(&emulator);
    let created = post(&router, &new_user("n@example.com")).await.json();
    get(
        &router,
        &format!("{USERS}/{}", created["id"].as_str().unwrap()),
    )
    .await;
    let log = send(&router, Method::GET, "/_emulator/requests", None, None)
        .await
        .json();
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (
            entries[0]["method"].as_str(),
            entries[0]["authorization"].as_str()
        ),
        (Some("POST"), Some("Bearer good"))
    );

    assert_eq!(
        control(&router, Method::POST, "/_emulator/reset", json!(null)).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(get(&router, USERS).await.json()["totalResults"], 4);
    let log = send(&router, Method::GET, "/_emulator/requests", None, None)
        .await
        .json();
    assert_eq!(
        log.as_array().unwrap().len(),
        1,
        "only the list after the reset"
    );
}

#[tokio::test]
async fn a_graphql_rate_limit_fault_answers_as_github_does_when_the_points_are_spent() {
    let router = router(&emulator(0));
    let fault = json!({"graphqlRateLimited": 2, "path": "/graphql"});
    assert_eq!(
        control(&router, Method::POST, "/_emulator/faults", fault).await,
        StatusCode::NO_CONTENT
    );
    let query = json!({"query": "{ rateLimit { remaining } }"}).to_string();
    let limited = send(
        &router,
        Method::POST,
        "/graphql",
        Some("good"),
        Some(&query),
    )
    .await;
    assert_eq!(limited.status, StatusCode::OK);
    assert_eq!(limited.header("x-ratelimit-remaining"), "0");
    assert_eq!(limited.header("x-ratelimit-resource"), "graphql");
    let reset: u64 = limited.header("x-ratelimit-reset").parse().unwrap_or(0);
    assert!(reset > 0);
    assert!(
        limited.text.contains("\"RATE_LIMITED\""),
        "{}",
        limited.text
    );
    let refused = json!({"graphqlRateLimited": 2, "status": 500});
    assert_eq!(
        control(&router, Method::POST, "/_emulator/faults", refused).await,
        StatusCode::BAD_REQUEST
    );
}
