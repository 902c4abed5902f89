//! The real fetch layer in headless Chromium against a running emulator on another origin, as
//! the console talks to api.github.com. scripts/test starts the emulator (`--test-control`,
//! 3,000 identities) at SCIM_TEST_API before running these.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use console_core::form::IdentityInput;
use console_core::retry::Method;
use futures::FutureExt;
use gloo_net::http::Request;
use scim::patch::PatchRequest;
use scim_admin::api::cancel::{now_ms, sleep};
use scim_admin::api::load_all::{load_all, Pause};
use scim_admin::api::{ApiClient, ApiEvent, Cancel, ErrorKind};
use scim_admin::config::{Mode, RuntimeConfig};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const API: &str = match option_env!("SCIM_TEST_API") {
    Some(url) => url,
    None => "http://127.0.0.1:48789",
};
const SEEDED: u64 = 3_000;

fn client(token: &str, mode: Mode) -> (ApiClient, Arc<Mutex<Vec<ApiEvent>>>) {
    let config = RuntimeConfig {
        mode,
        api_base: API.into(),
        org: "acme-corp".into(),
        lock_api_base: false,
    };
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    let client = ApiClient::new(&config, "acme-corp", token)
        .with_observer(Arc::new(move |e| seen.lock().unwrap().push(e)));
    (client, events)
}

fn authorized() -> ApiClient {
    client("wasm-token", Mode::Direct).0
}

async fn control(path: &str, body: Value) {
    let response = Request::post(&format!("{API}/_emulator/{path}"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
    assert!(response.ok(), "{path}: {}", response.status());
}

async fn reset() {
    control("reset", json!(null)).await;
}

/// (method, path) of every request the emulator saw since the last reset.
async fn log() -> Vec<(String, String, Option<String>)> {
    let entries: Vec<Value> = Request::get(&format!("{API}/_emulator/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    entries
        .iter()
        .map(|e| {
            (
                e["method"].as_str().unwrap().into(),
                e["uri"].as_str().unwrap().into(),
                e["authorization"].as_str().map(Into::into),
            )
        })
        .filter(|(_, uri, _): &(String, String, _)| uri.starts_with("/scim/"))
        .collect()
}

/// The first `count` identities, as the console's first request asks for them.
async fn first_page(
    client: &ApiClient,
    count: u64,
) -> Result<scim::ListResponse, scim_admin::api::ApiError> {
    client
        .list_users(&scim::query::ListQuery::page(1, count), &Cancel::new())
        .await
}

fn new_identity(user_name: &str) -> scim::provision::UserRequest {
    IdentityInput {
        user_name: user_name.into(),
        given_name: "Zoë".into(),
        family_name: "Ångström".into(),
        emails: vec![user_name.into()],
        ..Default::default()
    }
    .validate()
    .unwrap()
}

#[wasm_bindgen_test]
async fn rate_limit_and_request_headers_are_readable_cross_origin() {
    reset().await;
    let client = authorized();
    let answer = client
        .send(
            Method::Get,
            &client.users_url("?count=1"),
            None,
            &Cancel::new(),
        )
        .await
        .unwrap();
    assert_eq!(answer.limits.limit, Some(5_000));
    assert_eq!(answer.limits.used, Some(1));
    assert!(answer.limits.reset.unwrap() > 1_700_000_000);
}

#[wasm_bindgen_test]
async fn sso_required_is_detected_with_the_validated_link_and_closes_the_gate() {
    reset().await;
    let (client, events) = client("wasm-sso", Mode::Direct);
    let error = first_page(&client, 10).await.unwrap_err();
    let ErrorKind::SsoRequired { url: Some(url) } = &error.kind else {
        panic!("{error:?}")
    };
    assert!(
        url.starts_with("https://github.com/orgs/acme-corp/sso?authorization_request="),
        "{url}"
    );
    assert_eq!(error.status, Some(403));
    assert!(matches!(
        events.lock().unwrap().as_slice(),
        [ApiEvent::GateClosed(_)]
    ));
    assert_eq!(log().await.len(), 1, "an SSO refusal is not retried");
}

#[wasm_bindgen_test]
async fn a_429_with_retry_after_is_waited_out() {
    reset().await;
    control(
        "faults",
        json!({"status": 429, "retryAfter": 1, "method": "GET"}),
    )
    .await;
    let (client, events) = client("wasm-token", Mode::Direct);
    let started = now_ms();
    let page = first_page(&client, 5).await.unwrap();
    assert_eq!(page.resources.len(), 5);
    assert!(now_ms() - started >= 1_000.0, "waited for retry-after");
    assert!(events
        .lock()
        .unwrap()
        .iter()
        .any(|e| matches!(e, ApiEvent::RateLimitWait { .. })));
    assert_eq!(log().await.len(), 2);
}

#[wasm_bindgen_test]
async fn a_500_is_retried_for_a_get() {
    reset().await;
    control("faults", json!({"status": 500, "method": "GET"})).await;
    let client = authorized();
    assert!(first_page(&client, 5).await.is_ok());
    assert_eq!(log().await.len(), 2);
}

#[wasm_bindgen_test]
async fn a_post_that_failed_is_looked_up_before_it_is_sent_again() {
    reset().await;
    control("faults", json!({"status": 500, "method": "POST"})).await;
    let done = authorized()
        .create_user(&new_identity("retry@example.com"), &Cancel::new())
        .await
        .unwrap();
    assert!(!done.confirmed_by_lookup);
    let methods: Vec<String> = log().await.into_iter().map(|(m, _, _)| m).collect();
    assert_eq!(
        methods,
        ["POST", "GET", "POST"],
        "never two POSTs without a look-up between"
    );
}

#[wasm_bindgen_test]
async fn a_post_whose_answer_was_lost_is_found_not_repeated() {
    reset().await;
    control(
        "faults",
        json!({"after": true, "drop": true, "method": "POST"}),
    )
    .await;
    let done = authorized()
        .create_user(&new_identity("lost@example.com"), &Cancel::new())
        .await
        .unwrap();
    assert!(done.confirmed_by_lookup);
    assert_eq!(done.value.user_name.as_deref(), Some("lost@example.com"));
    let methods: Vec<String> = log().await.into_iter().map(|(m, _, _)| m).collect();
    assert_eq!(methods, ["POST", "GET"], "exactly one POST");
}

#[wasm_bindgen_test]
async fn a_patch_with_an_unknown_outcome_is_reported_not_repeated() {
    reset().await;
    let client = authorized();
    let first = first_page(&client, 1).await.unwrap();
    control(
        "faults",
        json!({"after": true, "status": 502, "method": "PATCH"}),
    )
    .await;
    let patch = PatchRequest::default().replace("displayName", "Changed");
    let error = client
        .patch_user(&first.resources[0].id, &patch, &Cancel::new())
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Unconfirmed);
    assert_eq!(
        log().await.iter().filter(|(m, _, _)| m == "PATCH").count(),
        1
    );
}

#[wasm_bindgen_test]
async fn a_delete_retried_after_a_lost_answer_counts_404_as_done() {
    reset().await;
    let client = authorized();
    let first = first_page(&client, 1).await.unwrap();
    let id = first.resources[0].id.clone();
    control(
        "faults",
        json!({"after": true, "drop": true, "method": "DELETE"}),
    )
    .await;
    assert!(client.delete_user(&id, &Cancel::new()).await.is_ok());
    assert_eq!(
        log().await.iter().filter(|(m, _, _)| m == "DELETE").count(),
        2
    );
    // A DELETE of something that never existed is still a 404 on the first attempt.
    let error = client.delete_user(&id, &Cancel::new()).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound);
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out() {
    reset().await;
    control("faults", json!({"delayMs": 1500, "method": "GET"})).await;
    let mut client = authorized();
    client.timeout_ms = 300;
    client.policy.max_attempts = 1;
    let error = first_page(&client, 1).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Timeout);
}

#[wasm_bindgen_test]
async fn proxy_mode_sends_no_token() {
    reset().await;
    let (client, _) = client("must-not-be-sent", Mode::Proxy);
    let error = first_page(&client, 1).await.unwrap_err();
    assert_eq!(
        error.kind,
        ErrorKind::BadCredentials,
        "the emulator has no proxy in front here"
    );
    assert_eq!(log().await[0].2, None);
}

#[wasm_bindgen_test]
async fn loading_everything_pages_through_thousands_with_bounded_concurrency() {
    reset().await;
    let client = authorized();
    let mut ids = std::collections::HashSet::new();
    let mut pages = 0;
    let progress = load_all(&client, 4, &Cancel::new(), &Pause::default(), |page, p| {
        pages += 1;
        assert_eq!(p.total, Some(SEEDED));
        ids.extend(page.into_iter().map(|u| u.id));
    })
    .await
    .unwrap();
    assert_eq!(
        (progress.loaded, ids.len() as u64, pages),
        (SEEDED, SEEDED, 30)
    );
}

#[wasm_bindgen_test]
async fn cancelling_a_load_stops_further_page_requests() {
    reset().await;
    control(
        "faults",
        json!({"delayMs": 300, "method": "GET", "count": 100}),
    )
    .await;
    let client = authorized();
    let cancel = Cancel::new();
    let mut pages = 0;
    let result = load_all(&client, 2, &cancel, &Pause::default(), |_, _| {
        pages += 1;
        if pages == 2 {
            cancel.cancel();
        }
    })
    .await;
    assert_eq!(result.unwrap_err().kind, ErrorKind::Cancelled);
    let seen = log().await.len();
    sleep(1_000, &Cancel::new()).await.unwrap();
    assert_eq!(log().await.len(), seen, "nothing was sent after the cancel");
    assert!(seen <= 4, "first page, then at most 2 in flight: {seen}");
}

#[wasm_bindgen_test]
async fn bulk_writes_run_one_at_a_time_and_a_stop_leaves_a_record() {
    use scim_admin::api::bulk::{run_serially, ItemOutcome};
    reset().await;
    let client = authorized();
    let stop = Cancel::new();
    let names = ["b1@example.com", "b2@example.com", "b3@example.com"];
    let mut outcomes = Vec::new();
    run_serially(
        names.to_vec(),
        50,
        &stop,
        |name| {
            let client = client.clone();
            let stop = stop.clone();
            async move {
                let done = client
                    .create_user(&new_identity(name), &Cancel::new())
                    .await;
                if name == "b2@example.com" {
                    stop.cancel();
                }
                done
            }
            .boxed_local()
        },
        |i, outcome| {
            outcomes.push((
                i,
                matches!(outcome, ItemOutcome::Done(_)),
                matches!(outcome, ItemOutcome::NotSent),
            ))
        },
    )
    .await;
    assert_eq!(
        outcomes,
        [(0, true, false), (1, true, false), (2, false, true)]
    );
    assert_eq!(
        log().await.iter().filter(|(m, _, _)| m == "POST").count(),
        2
    );
}
