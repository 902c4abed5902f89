//! POST …/Users: 201 with Location and meta; every invalid body a 400 naming the field; 409s; 413.
mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[tokio::test]
async fn creates_a_pending_identity_with_location_and_meta() {
    let router = router(&emulator(0));
    let created = post(&router, &new_user("zoe@example.com")).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.header("content-type"), "application/scim+json");
    let user = created.json();
    let id = user["id"].as_str().unwrap();
    let location = format!("http://api.test/scim/v2/organizations/acme-corp/Users/{id}");
    assert_eq!(created.header("location"), location);
    assert_eq!(user["meta"]["location"], location);
    assert_eq!(user["meta"]["resourceType"], "User");
    assert_eq!(user["meta"]["created"], user["meta"]["lastModified"]);
    assert!(
        user.get("profileUrl").is_none(),
        "a new identity is not linked yet"
    );
    assert_eq!(user["name"]["givenName"], "Zoë");

    let fetched = get(&router, &format!("{USERS}/{id}")).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.json(), user);
}

#[tokio::test]
async fn each_invalid_body_is_a_400_that_names_the_field() {
    let router = router(&emulator(0));
    let cases = [
        ("userName", json!(null), "`userName` is required"),
        ("userName", json!(42), "`userName` must be a string"),
        ("userName", json!("  "), "`userName` must not be empty"),
        ("name", json!(null), "`name` is required"),
        (
            "name",
            json!({"familyName": "X"}),
            "`name.givenName` is required",
        ),
        (
            "name",
            json!({"givenName": "X"}),
            "`name.familyName` is required",
        ),
        (
            "emails",
            json!([]),
            "`emails` must contain at least one email",
        ),
        ("emails", json!("a@b.c"), "`emails` must be an array"),
        (
            "emails",
            json!([{"primary": true}]),
            "`emails[0].value` is required",
        ),
        (
            "emails",
            json!([{"value": "a@b.c", "primary": "yes"}]),
            "`emails[0].primary` must be a boolean",
        ),
        ("active", json!("true"), "`active` must be a boolean"),
        ("externalId", json!(7), "`externalId` must be a string"),
    ];
    for (field, value, expected) in cases {
        let mut body = new_user("x@example.com");
        if value.is_null() {
            body.as_object_mut().unwrap().remove(field);
        } else {
            body[field] = value;
        }
        let answer = post(&router, &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{field}");
        assert!(
            detail(&answer).contains(expected),
            "{field}: {}",
            answer.text
        );
        assert_eq!(answer.json()["scimType"], "invalidValue");
        assert_eq!(answer.json()["schemas"][0], scim::ERROR_SCHEMA);
    }
}

#[tokio::test]
async fn malformed_json_is_invalid_syntax() {
    let router = router(&emulator(0));
    let answer = send(
        &router,
        Method::POST,
        USERS,
        Some("good"),
        Some("{\"userName\": "),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["scimType"], "invalidSyntax");
    let answer = send(&router, Method::POST, USERS, Some("good"), Some("[1, 2]")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(detail(&answer).contains("JSON object"));
}

#[tokio::test]
async fn duplicate_user_name_any_case_or_external_id_is_409_uniqueness() {
    let router = router(&emulator(0));
    assert_eq!(
        post(&router, &new_user("mona@example.com")).await.status,
        StatusCode::CREATED
    );

    let again = post(&router, &new_user("MONA@example.com")).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json()["scimType"], "uniqueness");
    assert!(detail(&again).contains("userName"));

    let mut same_external = new_user("other@example.com");
    same_external["externalId"] = json!("ext-mona@example.com");
    let clash = post(&router, &same_external).await;
    assert_eq!(clash.status, StatusCode::CONFLICT);
    assert!(detail(&clash).contains("externalId"));

    let list = get(&router, USERS).await.json();
    assert_eq!(list["totalResults"], 1, "nothing half-created");
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let router = router(&emulator(0));
    let mut body = new_user("big@example.com");
    body["displayName"] = json!("x".repeat(100 * 1024));
    let answer = post(&router, &body).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(detail(&answer).contains("larger than"));
}
