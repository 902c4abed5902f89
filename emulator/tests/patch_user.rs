//! PATCH: add / remove / replace, with and without `path`; filtered paths refused; `active: false`
//! removes the identity; a PATCH that would leave the identity invalid changes nothing.
mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::json;

async fn one(router: &axum::Router) -> String {
    post(router, &new_user("pat@example.com")).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn replace_with_path_and_without_path() {
    let router = router(&emulator(0));
    let id = one(&router).await;
    let answer = patch(
        &router,
        &id,
        json!([{"op": "replace", "path": "displayName", "value": "Pat Q"}]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["displayName"], "Pat Q");

    // Entra ID capitalises op and uses dotted keys inside an unpathed value.
    let answer = patch(
        &router,
        &id,
        json!([{"op": "Replace", "value": {"name.givenName": "Patricia", "externalId": "e-2"}}]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let user = answer.json();
    assert_eq!(
        (
            user["name"]["givenName"].as_str(),
            user["externalId"].as_str()
        ),
        (Some("Patricia"), Some("e-2"))
    );
    assert_eq!(user["name"]["familyName"], "Ångström");
}

#[tokio::test]
async fn add_appends_emails_and_remove_drops_an_attribute() {
    let router = router(&emulator(0));
    let id = one(&router).await;
    let answer = patch(&router, &id, json!([
        {"op": "add", "path": "emails", "value": [{"value": "pat@home.example", "type": "home"}]},
        {"op": "remove", "path": "displayName"}
    ])).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let user = answer.json();
    assert_eq!(user["emails"].as_array().unwrap().len(), 2);
    assert!(user.get("displayName").is_none());
}

#[tokio::test]
async fn filtered_and_unknown_paths_and_bad_ops_are_400() {
    let router = router(&emulator(0));
    let id = one(&router).await;
    let cases = [
        (
            json!([{"op": "replace", "path": "emails[type eq \"work\"].value", "value": "x@y.z"}]),
            "invalidPath",
        ),
        (
            json!([{"op": "replace", "path": "title", "value": "CEO"}]),
            "invalidPath",
        ),
        (
            json!([{"op": "move", "path": "displayName", "value": "x"}]),
            "invalidSyntax",
        ),
        (json!([{"op": "remove"}]), "noTarget"),
        (
            json!([{"op": "replace", "value": "not an object"}]),
            "invalidValue",
        ),
        (json!([]), "invalidSyntax"),
    ];
    for (operations, scim_type) in cases {
        let answer = patch(&router, &id, operations.clone()).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{operations}");
        assert_eq!(
            answer.json()["scimType"],
            scim_type,
            "{operations}: {}",
            answer.text
        );
    }
}

#[tokio::test]
async fn a_patch_that_breaks_a_required_field_changes_nothing() {
    let router = router(&emulator(0));
    let id = one(&router).await;
    let before = get(&router, &format!("{USERS}/{id}")).await.json();
    let answer = patch(
        &router,
        &id,
        json!([
            {"op": "replace", "path": "displayName", "value": "Half applied?"},
            {"op": "remove", "path": "userName"}
        ]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(detail(&answer).contains("`userName` is required"));
    assert_eq!(get(&router, &format!("{USERS}/{id}")).await.json(), before);
}

#[tokio::test]
async fn active_false_removes_the_identity() {
    let router = router(&emulator(0));
    let id = one(&router).await;
    let answer = patch(
        &router,
        &id,
        json!([{"op": "replace", "value": {"active": false}}]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        get(&router, &format!("{USERS}/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let again = patch(
        &router,
        &id,
        json!([{"op": "replace", "path": "displayName", "value": "x"}]),
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}
