//! What the extractors promise on every SCIM route: the organization is checked, bodies and
//! queries are refused with GitHub's SCIM error body, and a filter the console builds finds
//! what it names through the real HTTP stack.
mod common;

use axum::http::{Method, StatusCode};
use common::*;
use proptest::prelude::*;
use scim::query::{EqFilter, FilterAttribute, ListQuery};
use scim::ListResponse;
use serde_json::json;

const OTHER: &str = "/scim/v2/organizations/other-org/Users";

fn assert_scim_error(answer: &Answer, status: StatusCode, scim_type: Option<&str>) {
    assert_eq!(answer.status, status, "{}", answer.text);
    assert_eq!(answer.header("content-type"), scim::SCIM_MEDIA_TYPE);
    let body = answer.json();
    assert_eq!(body["schemas"][0], scim::ERROR_SCHEMA);
    assert_eq!(body["status"], status.as_u16());
    assert_eq!(body["scimType"].as_str(), scim_type, "{}", answer.text);
}

#[tokio::test]
async fn every_route_answers_404_for_another_organization() {
    let emulator = emulator(1);
    let router = router(&emulator);
    let id = get(&router, USERS).await.json()["Resources"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let one = format!("{OTHER}/{id}");
    let body = new_user("x@example.com").to_string();
    let patch = json!({"Operations": [{"op": "remove", "path": "displayName"}]}).to_string();
    let cases = [
        (Method::GET, OTHER, None),
        (Method::POST, OTHER, Some(body.as_str())),
        (Method::GET, one.as_str(), None),
        (Method::PUT, one.as_str(), Some(body.as_str())),
        (Method::PATCH, one.as_str(), Some(patch.as_str())),
        (Method::DELETE, one.as_str(), None),
    ];
    for (method, uri, body) in cases {
        let answer = send(&router, method.clone(), uri, Some("good"), body).await;
        assert_scim_error(&answer, StatusCode::NOT_FOUND, None);
    }
    assert_eq!(
        get(&router, USERS).await.json()["totalResults"],
        1,
        "nothing changed"
    );
}

#[tokio::test]
async fn bodies_too_large_or_not_json_are_scim_errors_on_every_write() {
    let router = router(&emulator(1));
    let id = get(&router, USERS).await.json()["Resources"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let one = format!("{USERS}/{id}");
    let huge = format!("{{\"userName\": \"{}\"}}", "x".repeat(100 * 1024));
    for (method, uri) in [
        (Method::POST, USERS),
        (Method::PUT, one.as_str()),
        (Method::PATCH, one.as_str()),
    ] {
        let answer = send(&router, method.clone(), uri, Some("good"), Some(&huge)).await;
        assert_scim_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, None);
        let answer = send(&router, method.clone(), uri, Some("good"), Some("{")).await;
        assert_scim_error(&answer, StatusCode::BAD_REQUEST, Some("invalidSyntax"));
    }
}

#[tokio::test]
async fn a_query_value_of_the_wrong_type_names_the_parameter() {
    let router = router(&emulator(1));
    let answer = get(&router, &format!("{USERS}?count=lots")).await;
    assert_scim_error(&answer, StatusCode::BAD_REQUEST, Some("invalidValue"));
    assert!(detail(&answer).contains("count"), "{}", answer.text);
    let answer = get(&router, &format!("{USERS}?filter=userName%20sw%20%22a%22")).await;
    assert_scim_error(&answer, StatusCode::BAD_REQUEST, Some("invalidFilter"));
}

fn user_name() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '"', '\\', '\t', '\n', '\u{1}', '%', '+', '&', '=', '#', ' ', 'é', '😀'
        ]),
    ];
    prop::collection::vec(c, 1..24)
        .prop_map(String::from_iter)
        .prop_filter("GitHub refuses a blank userName", |s| !s.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any userName the API accepts, looked up with the query the console builds (quoted,
    /// escaped, percent-encoded), finds exactly that identity.
    #[test]
    fn the_consoles_lookup_finds_any_accepted_user_name(name in user_name()) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let (created, found) = runtime.block_on(async {
            let router = router(&emulator(3));
            let mut body = new_user("placeholder@example.com");
            body["userName"] = json!(name);
            let created = post(&router, &body).await;
            let query = ListQuery::lookup(EqFilter::new(FilterAttribute::UserName, name.clone()));
            let found = get(&router, &format!("{USERS}?{}", query.to_query_string())).await;
            (created, found)
        });
        prop_assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let page: ListResponse = serde_json::from_str(&found.text).unwrap();
        prop_assert_eq!(page.total_results, 1, "{}", found.text);
        prop_assert_eq!(page.resources[0].user_name.as_deref(), Some(name.as_str()));
    }
}
