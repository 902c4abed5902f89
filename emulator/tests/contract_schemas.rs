//! Every body the contract describes, as the emulator sends it, validates against GitHub's
//! published schemas (loaded from contracts/, converted from OpenAPI 3.0 to JSON Schema).
mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

fn contract() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../contracts/github-org-scim.openapi.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// OpenAPI 3.0's `nullable: true` becomes a `"null"` alternative in `type`.
fn to_json_schema(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.remove("nullable") == Some(Value::Bool(true)) {
                if let Some(Value::String(t)) = map.get("type").cloned() {
                    map.insert("type".into(), json!([t, "null"]));
                }
            }
            map.values_mut().for_each(to_json_schema);
        }
        Value::Array(items) => items.iter_mut().for_each(to_json_schema),
        _ => {}
    }
}

fn validator(schema_name: &str) -> jsonschema::Validator {
    let mut root = contract();
    to_json_schema(&mut root);
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{schema_name}"),
        "components": root["components"].clone(),
    });
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(schema_name: &str, body: &Value) {
    let validator = validator(schema_name);
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_name}: {errors:?}\n{body}");
}

#[test]
fn the_converted_schemas_reject_what_github_would_not_send() {
    let validator = validator("scim-user");
    assert!(!validator.is_valid(&json!({"id": "x", "schemas": [], "emails": [], "active": true})));
    assert!(!validator
        .is_valid(&json!({"id": 7, "schemas": ["u"], "emails": [], "active": true, "meta": {}})));
}

#[tokio::test]
async fn list_get_create_replace_and_patch_bodies_match_the_schemas() {
    let router = router(&emulator(40));
    assert_valid("scim-user-list", &get(&router, USERS).await.json());
    assert_valid(
        "scim-user-list",
        &get(&router, &format!("{USERS}?count=0")).await.json(),
    );

    let created = post(&router, &new_user("schema@example.com")).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let user = created.json();
    assert_valid("scim-user", &user);
    let id = user["id"].as_str().unwrap();
    assert_valid(
        "scim-user",
        &get(&router, &format!("{USERS}/{id}")).await.json(),
    );

    let replaced = send(
        &router,
        Method::PUT,
        &format!("{USERS}/{id}"),
        Some("good"),
        Some(&new_user("s2@example.com").to_string()),
    )
    .await;
    assert_valid("scim-user", &replaced.json());
    let patched = patch(
        &router,
        id,
        json!([{"op": "replace", "path": "displayName", "value": "S"}]),
    )
    .await;
    assert_valid("scim-user", &patched.json());

    // Seeded identities cover the variants: without externalId, pending, several emails.
    let page = get(&router, &format!("{USERS}?count=40")).await.json();
    for user in page["Resources"].as_array().unwrap() {
        assert_valid("scim-user", user);
    }
}

#[tokio::test]
async fn error_bodies_match_scim_error_or_basic_error() {
    let router = router(&emulator(1));
    assert_valid(
        "scim-error",
        &get(&router, &format!("{USERS}/nope")).await.json(),
    );
    assert_valid(
        "scim-error",
        &post(&router, &json!({"userName": "x"})).await.json(),
    );
    let filter = get(&router, &format!("{USERS}?filter=title%20eq%20%22x%22")).await;
    assert_valid("scim-error", &filter.json());
    let unauthorized = send(&router, Method::GET, USERS, Some("bogus"), None).await;
    assert_valid("basic-error", &unauthorized.json());
    let sso = send(&router, Method::GET, USERS, Some("nosso"), None).await;
    assert_valid("basic-error", &sso.json());
}
