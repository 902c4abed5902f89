//! The real fetch layer in headless Chromium against a running emulator on another origin, as
//! the console talks to api.github.com. scripts/test starts the emulator (`--test-control`,
//! 3,000 identities) at SCIM_TEST_API before running these.
#![cfg(target_arch = "wasm32")]

use console_core::activity::Outcome;
use console_core::answer::Answer;
use console_core::form::IdentityInput;
use console_core::gate::{Call, Gate};
use console_core::retry::Method;
use gloo_net::http::Request;
use scim::patch::PatchRequest;
use scim_admin::api::cancel::{now_ms, sleep};
use scim_admin::api::load_all::{load_all, Pause};
use scim_admin::api::{decode_page, ApiClient, Cancel, ErrorKind, SessionLink};
use scim_admin::config::Mode;
use scim_admin::session::journal::outcome_of;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

mod common;

use common::{client, control, reset, API};

wasm_bindgen_test_configure!(run_in_browser);

const SEEDED: u64 = 3_000;

fn authorized() -> ApiClient {
    client("wasm-token", Mode::Direct).0
}

/// The identities with this userName on the emulator.
async fn count_named(user_name: &str) -> u64 {
    let query = scim::query::ListQuery::lookup(scim::query::EqFilter::new(
        scim::query::FilterAttribute::UserName,
        user_name,
    ));
    authorized()
        .list_users(&query, &Cancel::new())
        .await
        .unwrap()
        .total_results
}

fn methods(log: &[(String, String, Option<String>)]) -> Vec<&str> {
    log.iter().map(|(m, _, _)| m.as_str()).collect()
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
            Call::Read,
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
    let (client, link) = client("wasm-sso", Mode::Direct);
    let error = first_page(&client, 10).await.unwrap_err();
    let ErrorKind::SsoRequired { url: Some(url) } = &error.kind else {
        panic!("{error:?}")
    };
    assert!(
        url.starts_with("https://github.com/orgs/acme-corp/sso?authorization_request="),
        "{url}"
    );
    assert_eq!(error.status, Some(403));
    assert!(matches!(link.now(), Gate::SsoRequired { url: Some(_) }));
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
    let (client, link) = client("wasm-token", Mode::Direct);
    let started = now_ms();
    let page = first_page(&client, 5).await.unwrap();
    assert_eq!(page.resources.len(), 5);
    assert!(now_ms() - started >= 1_000.0, "waited for retry-after");
    let waits = link.waits.lock().unwrap().clone();
    assert!(matches!(waits.first(), Some(Some(_))), "{waits:?}");
    assert_eq!(waits.last(), Some(&None), "the wait is over");
    assert_eq!(
        link.now(),
        Gate::Open,
        "a rate limit never changes the gate"
    );
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
    assert_eq!(done.note, "", "the second POST created it");
    assert_eq!(
        methods(&log().await),
        ["GET", "POST", "GET", "POST"],
        "a look-up before the POST, and never two POSTs without a look-up between"
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
    assert!(done.note.contains("confirmed by look-up"), "{}", done.note);
    assert_eq!(done.value.user_name.as_deref(), Some("lost@example.com"));
    assert_eq!(
        methods(&log().await),
        ["GET", "POST", "GET"],
        "exactly one POST"
    );
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
    let done = client.delete_user(&id, &Cancel::new()).await.unwrap();
    assert!(
        done.note.starts_with("removed by an earlier attempt"),
        "{}",
        done.note
    );
    // The retry's 404 was confirmed by a GET.
    assert_eq!(methods(&log().await)[1..], ["DELETE", "DELETE", "GET"]);
    // Deleting it again: a 404 on the first attempt, confirmed, reads "already removed".
    let again = client.delete_user(&id, &Cancel::new()).await.unwrap();
    assert!(again.note.starts_with("already removed"), "{}", again.note);
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
    let progress = load_all(
        &client,
        None,
        4,
        &Cancel::new(),
        &Pause::default(),
        |page, p| {
            pages += 1;
            assert_eq!(p.total, Some(SEEDED));
            ids.extend(page.rows.into_iter().map(|r| r.id));
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (progress.loaded, ids.len() as u64, pages),
        (SEEDED, SEEDED, 30)
    );
}

#[wasm_bindgen_test]
async fn a_cancelled_load_hands_nothing_more_over_not_even_the_pages_held_back() {
    reset().await;
    // The page at 101 answers late, so those after it arrive first and are held for it; then
    // the owner leaves (the load is cancelled): what was held belongs to no table any more.
    control(
        "faults",
        json!({"path": "startIndex=101&", "delayMs": 3000}),
    )
    .await;
    let client = authorized();
    let (cancel, stop, pause) = (Cancel::new(), Cancel::new(), Pause::default());
    let mut handed = Vec::new();
    let load = load_all(&client, None, 2, &cancel, &pause, |page, _| {
        handed.push(page.rows.len())
    });
    let leave = async {
        let _ = sleep(800, &stop).await;
        cancel.cancel();
    };
    let (result, ()) = futures::join!(load, leave);
    assert_eq!(result.map(|_| ()).unwrap_err().kind, ErrorKind::Cancelled);
    assert_eq!(
        handed,
        vec![100],
        "page 1 only, handed over before the cancel"
    );
}

#[wasm_bindgen_test]
async fn the_probe_is_the_first_page_and_is_not_asked_again() {
    reset().await;
    let client = authorized();
    let reply = client.probe(&Cancel::new()).await.unwrap();
    let first = decode_page(&reply).unwrap();
    assert_eq!((first.rows.len(), first.total_results), (100, SEEDED));
    let mut ids = std::collections::HashSet::new();
    let progress = load_all(
        &client,
        Some(first),
        2,
        &Cancel::new(),
        &Pause::default(),
        |page, _| {
            ids.extend(page.rows.into_iter().map(|r| r.id));
        },
    )
    .await
    .unwrap();
    assert_eq!((progress.loaded, ids.len() as u64), (SEEDED, SEEDED));
    let firsts = log()
        .await
        .iter()
        .filter(|(_, uri, _)| uri.contains("startIndex=1&"))
        .count();
    assert_eq!(firsts, 1, "page 1 was asked once, by the probe");
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
    let result = load_all(&client, None, 2, &cancel, &Pause::default(), |_, _| {
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
async fn a_post_dropped_before_any_byte_ends_with_one_identity_recorded_as_created() {
    reset().await;
    control(
        "faults",
        json!({"after": true, "drop": "before-answer", "method": "POST"}),
    )
    .await;
    let result = authorized()
        .create_user(&new_identity("dropped@example.com"), &Cancel::new())
        .await;
    let done = result.as_ref().unwrap();
    assert_eq!(done.value.user_name.as_deref(), Some("dropped@example.com"));
    assert!(matches!(outcome_of(&result), Outcome::Done(_)));
    assert_eq!(count_named("dropped@example.com").await, 1);
    // The browser re-sent the POST on its own (a reused connection closed with no answer);
    // the repeat met our own identity and was recognised as such.
    let posts = log().await.iter().filter(|(m, _, _)| m == "POST").count();
    assert_eq!(posts, 2, "the browser re-sent it");
}

#[wasm_bindgen_test]
async fn a_post_slower_than_the_timeout_ends_with_one_identity_recorded_as_created() {
    reset().await;
    // GitHub finishes the first POST after the client gave up; the repeat arrives after that.
    control("faults", json!({"delayMs": 1500, "method": "POST"})).await;
    control("faults", json!({"delayMs": 700, "method": "POST"})).await;
    let mut client = authorized();
    client.timeout_ms = 1_000;
    let result = client
        .create_user(&new_identity("slow@example.com"), &Cancel::new())
        .await;
    let done = result.as_ref().unwrap();
    assert!(
        done.note.starts_with("created by this console"),
        "{}",
        done.note
    );
    assert!(matches!(outcome_of(&result), Outcome::Done(_)));
    assert_eq!(count_named("slow@example.com").await, 1);
    assert_eq!(
        methods(&log().await)[..5],
        ["GET", "POST", "GET", "POST", "GET"]
    );
}

#[wasm_bindgen_test]
async fn a_retried_delete_that_meets_404_with_sso_is_not_done_and_closes_the_gate() {
    reset().await;
    let (client, link) = client("wasm-token", Mode::Direct);
    let id = first_page(&client, 1).await.unwrap().resources[0]
        .id
        .clone();
    control(
        "faults",
        json!({"after": true, "status": 502, "method": "DELETE"}),
    )
    .await;
    control(
        "faults",
        json!({"sso": true, "status": 404, "method": "DELETE"}),
    )
    .await;
    let result = client.delete_user(&id, &Cancel::new()).await;
    let error = result.as_ref().unwrap_err();
    assert!(
        matches!(error.kind, ErrorKind::SsoRequired { .. }),
        "{error:?}"
    );
    assert!(matches!(link.now(), Gate::SsoRequired { .. }));
    // The first attempt got no answer: what happened is not known, and certainly not "done".
    assert!(
        matches!(outcome_of(&result), Outcome::Unknown(_)),
        "{:?}",
        outcome_of(&result)
    );
    assert_eq!(
        methods(&log().await)[1..],
        ["DELETE", "DELETE"],
        "no GET counts it"
    );
}

#[wasm_bindgen_test]
async fn a_write_is_not_sent_while_the_gate_is_closed() {
    reset().await;
    let (client, link) = client("wasm-token", Mode::Direct);
    link.set(Gate::SsoRequired { url: None });
    let result = client.delete_user("anything", &Cancel::new()).await;
    assert_eq!(result.as_ref().unwrap_err().kind, ErrorKind::NotSent);
    assert_eq!(
        outcome_of(&result),
        Outcome::NotSent("SAML session not authorized".into())
    );
    let created = client
        .create_user(&new_identity("never@example.com"), &Cancel::new())
        .await;
    assert_eq!(created.unwrap_err().kind, ErrorKind::NotSent);
    assert!(log().await.is_empty(), "nothing left the browser");
}

#[wasm_bindgen_test]
async fn a_write_waiting_out_a_rate_limit_is_not_sent_once_the_gate_closes() {
    reset().await;
    let (client, link) = client("wasm-token", Mode::Direct);
    let id = first_page(&client, 1).await.unwrap().resources[0]
        .id
        .clone();
    control(
        "faults",
        json!({"status": 429, "retryAfter": 3, "method": "DELETE"}),
    )
    .await;
    let closer = link.clone();
    wasm_bindgen_futures::spawn_local(async move {
        sleep(500, &Cancel::new()).await.unwrap();
        // Another call's answer: the SAML authorization has ended.
        closer.after(Call::Read, &Answer::SsoRequired { url: None });
    });
    let started = now_ms();
    let result = client.delete_user(&id, &Cancel::new()).await;
    assert_eq!(result.as_ref().unwrap_err().kind, ErrorKind::NotSent);
    assert!(
        matches!(outcome_of(&result), Outcome::NotSent(_)),
        "refused, not performed"
    );
    assert!(
        now_ms() - started < 2_000.0,
        "stopped waiting when the gate closed"
    );
    sleep(3_000, &Cancel::new()).await.unwrap();
    assert_eq!(
        log().await.iter().filter(|(m, _, _)| m == "DELETE").count(),
        1,
        "the retry was never sent"
    );
}
