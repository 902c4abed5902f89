//! Helpers for the org (drift review) tests: requests with any token, GraphQL, and validation
//! of every REST body against the operation's response in
//! `contracts/github-org-members.openapi.json` (OpenAPI 3.0 converted to JSON Schema).
#![allow(dead_code)]

use axum::http::Method;
use axum::Router;
use serde_json::{json, Value};

use crate::common::{send, Answer};

pub const ORG: &str = "/orgs/acme-corp";

pub async fn get_as(router: &Router, token: &str, uri: &str) -> Answer {
    send(router, Method::GET, uri, Some(token), None).await
}

pub async fn delete_as(router: &Router, token: &str, uri: &str) -> Answer {
    send(router, Method::DELETE, uri, Some(token), None).await
}

pub async fn graphql(router: &Router, token: &str, query: &str, variables: Value) -> Answer {
    let body = json!({"query": query, "variables": variables}).to_string();
    send(router, Method::POST, "/graphql", Some(token), Some(&body)).await
}

/// Every page of a REST list, following `Link: rel="next"` as a client must.
pub async fn all_pages(router: &Router, token: &str, first: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut next = Some(first.to_owned());
    while let Some(uri) = next.take() {
        let answer = get_as(router, token, &uri).await;
        assert_eq!(answer.status, 200, "{uri}: {}", answer.text);
        items.extend(answer.json().as_array().cloned().unwrap_or_default());
        let link = scim::org::Link::parse(answer.header("link"));
        next = link
            .get(scim::org::LinkRel::Next)
            .map(|url| url.trim_start_matches("http://api.test").to_owned());
    }
    items
}

fn contract() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../contracts/github-org-members.openapi.json"
    );
    let mut root: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    to_json_schema(&mut root);
    root
}

/// OpenAPI 3.0's `nullable: true` becomes a `"null"` alternative in `type`.
fn to_json_schema(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.remove("nullable") == Some(Value::Bool(true)) {
                match map.get("type").cloned() {
                    Some(Value::String(t)) => {
                        map.insert("type".into(), json!([t, "null"]));
                    }
                    // A nullable `$ref` (nullable-simple-user is declared so).
                    _ if map.contains_key("properties") => {
                        map.insert("type".into(), json!(["object", "null"]));
                    }
                    _ => {}
                }
            }
            map.values_mut().for_each(to_json_schema);
        }
        Value::Array(items) => items.iter_mut().for_each(to_json_schema),
        _ => {}
    }
}

/// The schema GitHub declares for `status` of `method path`; for a status the operation does
/// not declare, GitHub's generic error bodies (`validation-error` for 422, else `basic-error`).
fn response_schema(root: &Value, method: &str, path: &str, status: u16) -> Value {
    let op = &root["paths"][path][method.to_lowercase()];
    assert!(op.is_object(), "the contract has no {method} {path}");
    let mut response = op["responses"][status.to_string()].clone();
    if let Some(reference) = response.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap();
        response = root["components"]["responses"][name].clone();
    }
    match response.pointer("/content/application~1json/schema") {
        Some(schema) => schema.clone(),
        None if status == 422 => json!({"$ref": "#/components/schemas/validation-error"}),
        None => json!({"$ref": "#/components/schemas/basic-error"}),
    }
}

/// Asserts the answer's body matches what the contract says `method path` returns for its
/// status, and that it is `application/json; charset=utf-8`.
pub fn assert_contract(method: &str, path: &str, answer: &Answer) {
    let root = contract();
    let status = answer.status.as_u16();
    if status == 204 {
        assert!(answer.text.is_empty(), "204 with a body: {}", answer.text);
        return;
    }
    assert_eq!(
        answer.header("content-type"),
        "application/json; charset=utf-8"
    );
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [response_schema(&root, method, path, status)],
        "components": root["components"].clone(),
    });
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let body = answer.json();
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status}: {errors:?}\n{body}"
    );
}
