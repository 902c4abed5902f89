//! PUT replaces the whole identity; `active: false` removes it; DELETE is 204 then 404.
mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

async fn created(router: &axum::Router, user_name: &str) -> serde_json::Value {
    post(router, &new_user(user_name)).await.json()
}

async fn put(router: &axum::Router, id: &str, body: &serde_json::Value) -> Answer {
    send(
        router,
        Method::PUT,
        &format!("{USERS}/{id}"),
        Some("good"),
        Some(&body.to_string()),
    )
    .await
}

#[tokio::test]
async fn put_replaces_everything_and_removes_what_is_omitted() {
    let router = router(&emulator(0));
    let before = created(&router, "ana@example.com").await;
    let id = before["id"].as_str().unwrap();
    let mut body = new_user("ana.silva@example.com");
    body.as_object_mut().unwrap().remove("displayName");
    body.as_object_mut().unwrap().remove("externalId");
    let answer = put(&router, id, &body).await;
    assert_eq!(answer.status, StatusCode::OK);
    let after = answer.json();
    assert_eq!(after["id"], before["id"]);
    assert_eq!(after["userName"], "ana.silva@example.com");
    assert!(after.get("displayName").is_none() && after.get("externalId").is_none());
    assert_eq!(after["meta"]["created"], before["meta"]["created"]);
    assert_eq!(get(&router, &format!("{USERS}/{id}")).await.json(), after);

    // The lookup indexes follow the rename: the old userName is free, the new one finds it.
    let by_new = get(
        &router,
        &format!("{USERS}?filter=userName%20eq%20%22ANA.SILVA@example.com%22"),
    )
    .await;
    assert_eq!(by_new.json()["Resources"][0]["id"], before["id"]);
    let by_old = get(
        &router,
        &format!("{USERS}?filter=userName%20eq%20%22ana@example.com%22"),
    )
    .await;
    assert_eq!(by_old.json()["totalResults"], 0);
    assert_eq!(
        post(&router, &new_user("ana@example.com")).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn put_validates_like_post_and_checks_uniqueness_against_others() {
    let router = router(&emulator(0));
    created(&router, "taken@example.com").await;
    let mine = created(&router, "mine@example.com").await;
    let id = mine["id"].as_str().unwrap();

    let mut invalid = new_user("mine@example.com");
    invalid["emails"] = json!([]);
    assert_eq!(
        put(&router, id, &invalid).await.status,
        StatusCode::BAD_REQUEST
    );
    let clash = put(&router, id, &new_user("TAKEN@example.com")).await;
    assert_eq!(clash.status, StatusCode::CONFLICT);
    // Keeping its own userName is not a conflict with itself.
    assert_eq!(
        put(&router, id, &new_user("mine@example.com")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        put(&router, "no-such-id", &new_user("n@example.com"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn put_with_active_false_deletes_the_identity() {
    let router = router(&emulator(0));
    let user = created(&router, "leaver@example.com").await;
    let id = user["id"].as_str().unwrap();
    let mut body = new_user("leaver@example.com");
    body["active"] = json!(false);
    let answer = put(&router, id, &body).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["active"], false);
    assert_eq!(
        get(&router, &format!("{USERS}/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    // The userName is free again: re-provisioning creates a new identity.
    assert_eq!(
        post(&router, &new_user("leaver@example.com")).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn delete_is_204_without_body_then_404() {
    let router = router(&emulator(3));
    let list = get(&router, USERS).await.json();
    let id = list["Resources"][1]["id"].as_str().unwrap().to_owned();
    let uri = format!("{USERS}/{id}");
    let gone = send(&router, Method::DELETE, &uri, Some("good"), None).await;
    assert_eq!(
        (gone.status, gone.text.as_str()),
        (StatusCode::NO_CONTENT, "")
    );
    let again = send(&router, Method::DELETE, &uri, Some("good"), None).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(again.json()["status"], 404);
    assert_eq!(get(&router, &uri).await.status, StatusCode::NOT_FOUND);
    let left = get(&router, USERS).await.json();
    assert_eq!(left["totalResults"], 2);
}
