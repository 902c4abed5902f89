//! Token states and the rate-limit headers and budget.
mod common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use common::*;
use emulator::{app, Emulator, Extras, TokenState};

#[tokio::test]
async fn read_only_tokens_read_but_cannot_write() {
    let router = router(&emulator(2));
    assert_eq!(
        send(&router, Method::GET, USERS, Some("reader"), None)
            .await
            .status,
        StatusCode::OK
    );
    let body = new_user("r@example.com").to_string();
    let write = send(&router, Method::POST, USERS, Some("reader"), Some(&body)).await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    assert!(
        write.header("x-github-sso").is_empty(),
        "read-only is not an SSO problem"
    );
    assert_eq!(get(&router, USERS).await.json()["totalResults"], 2);
}

#[tokio::test]
async fn answers_name_the_request_and_a_classic_tokens_scopes() {
    let router = router(&emulator(1));
    let owner = get(&router, USERS).await;
    let reader = send(&router, Method::GET, USERS, Some("reader"), None).await;
    assert_eq!(
        (
            owner.header("x-oauth-scopes"),
            reader.header("x-oauth-scopes")
        ),
        ("admin:org", "read:org")
    );
    assert_eq!(owner.header("x-github-request-id").split(':').count(), 5);
    assert_ne!(
        owner.header("x-github-request-id"),
        reader.header("x-github-request-id")
    );
}

#[tokio::test]
async fn sso_required_applies_to_writes_too_and_each_url_is_fresh() {
    let router = router(&emulator(0));
    let body = new_user("s@example.com").to_string();
    let first = send(&router, Method::POST, USERS, Some("nosso"), Some(&body)).await;
    let second = send(&router, Method::GET, USERS, Some("nosso"), None).await;
    assert_eq!(
        (first.status, second.status),
        (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN)
    );
    assert_ne!(first.header("x-github-sso"), second.header("x-github-sso"));
}

#[tokio::test]
async fn every_answer_carries_rate_limit_headers_counted_per_token() {
    let router = router(&emulator(1));
    let first = get(&router, USERS).await;
    let second = get(&router, USERS).await;
    assert_eq!(first.header("x-ratelimit-limit"), "5000");
    assert_eq!(first.header("x-ratelimit-used"), "1");
    assert_eq!(
        (
            second.header("x-ratelimit-used"),
            second.header("x-ratelimit-remaining")
        ),
        ("2", "4998")
    );
    assert_eq!(second.header("x-ratelimit-resource"), "core");
    assert!(second.header("x-ratelimit-reset").parse::<u64>().unwrap() > 1_700_000_000);
    let other = send(&router, Method::GET, USERS, Some("reader"), None).await;
    assert_eq!(other.header("x-ratelimit-used"), "1");
    let failed = send(&router, Method::GET, USERS, Some("wrong"), None).await;
    assert_eq!(failed.status, StatusCode::UNAUTHORIZED);
    assert_eq!(failed.header("x-ratelimit-limit"), "5000");
}

#[tokio::test]
async fn past_the_budget_answers_403_with_retry_after_and_nothing_runs() {
    let emulator = Arc::new(
        Emulator::new("acme-corp", [("good".to_owned(), TokenState::Authorized)])
            .with_rate_limit(2),
    );
    let router = app(emulator, Extras::default());
    get(&router, USERS).await;
    get(&router, USERS).await;
    let body = new_user("late@example.com").to_string();
    let limited = send(&router, Method::POST, USERS, Some("good"), Some(&body)).await;
    assert_eq!(limited.status, StatusCode::FORBIDDEN);
    assert_eq!(limited.header("x-ratelimit-remaining"), "0");
    let wait: u64 = limited.header("retry-after").parse().unwrap();
    assert!((1..=3600).contains(&wait));
    assert!(limited.json()["message"]
        .as_str()
        .unwrap()
        .contains("rate limit"));
}
