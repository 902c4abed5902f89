//! `PATCH …/Users/{id}`: SCIM operations (`add`, `remove`, `replace`, with or without `path`)
//! applied to the identity's attributes, then validated as a whole like a PUT.
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::body::{self, invalid_value};
use crate::render::{scim_json, users_url, with_location};
use crate::state::Emulator;
use crate::users_write::save_replacement;
use crate::validate;

/// Paths GitHub accepts, lower-cased → (attribute, sub-attribute).
const PATHS: &[(&str, &str, Option<&str>)] = &[
    ("username", "userName", None),
    ("displayname", "displayName", None),
    ("externalid", "externalId", None),
    ("active", "active", None),
    ("emails", "emails", None),
    ("groups", "groups", None),
    ("name", "name", None),
    ("name.givenname", "name", Some("givenName")),
    ("name.familyname", "name", Some("familyName")),
    ("name.formatted", "name", Some("formatted")),
];

pub async fn patch_user(
    State(emulator): State<Arc<Emulator>>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    emulator.check_org(&org)?;
    let operations = operations(body::json(raw)?)?;
    let user = emulator.mutate(|store| {
        let current = store.get(&id).ok_or_else(ApiError::not_found)?;
        let mut attributes = serde_json::to_value(current)
            .map_err(|e| ApiError::scim(StatusCode::INTERNAL_SERVER_ERROR, None, e.to_string()))?;
        for operation in &operations {
            apply(&mut attributes, operation)?;
        }
        let input = validate::user_input(&attributes).map_err(invalid_value)?;
        save_replacement(store, &id, input)
    })?;
    Ok(scim_json(
        StatusCode::OK,
        &with_location(&user, &users_url(&headers, &org)),
    ))
}

fn bad(scim_type: &str, detail: impl Into<String>) -> ApiError {
    ApiError::scim(StatusCode::BAD_REQUEST, Some(scim_type), detail)
}

fn operations(body: Value) -> Result<Vec<Map<String, Value>>, ApiError> {
    let list = body
        .get("Operations")
        .and_then(Value::as_array)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| {
            bad(
                "invalidSyntax",
                "`Operations` must be a non-empty array of {op, path, value}",
            )
        })?;
    list.iter()
        .map(|o| {
            o.as_object().cloned().ok_or_else(|| {
                bad(
                    "invalidSyntax",
                    "Each operation must be an object {op, path, value}",
                )
            })
        })
        .collect()
}

fn apply(user: &mut Value, operation: &Map<String, Value>) -> Result<(), ApiError> {
    let op = operation
        .get("op")
        .and_then(Value::as_str)
        .map(str::to_ascii_lowercase) // Entra ID sends "Replace", "Add".
        .ok_or_else(|| {
            bad(
                "invalidSyntax",
                "Each operation needs `op`: add, remove or replace",
            )
        })?;
    if !matches!(op.as_str(), "add" | "remove" | "replace") {
        return Err(bad(
            "invalidSyntax",
            format!("Unknown op `{op}`: use add, remove or replace"),
        ));
    }
    let value = operation.get("value").cloned().unwrap_or(Value::Null);
    match operation.get("path") {
        None | Some(Value::Null) if op == "remove" => {
            Err(bad("noTarget", "`remove` needs a `path`"))
        }
        None | Some(Value::Null) => {
            let Value::Object(attributes) = value else {
                return Err(bad(
                    "invalidValue",
                    "Without `path`, `value` must be an object of attributes",
                ));
            };
            attributes
                .into_iter()
                .try_for_each(|(key, v)| set(user, &op, &key, v))
        }
        Some(Value::String(path)) => set(user, &op, path, value),
        Some(_) => Err(bad("invalidPath", "`path` must be a string")),
    }
}

fn set(user: &mut Value, op: &str, path: &str, value: Value) -> Result<(), ApiError> {
    if path.contains('[') {
        return Err(bad("invalidPath", format!(
            "Filtered paths such as `{path}` are not supported: replace the whole `emails` list instead"
        )));
    }
    let lower = path.to_ascii_lowercase();
    let &(_, attribute, sub) = PATHS
        .iter()
        .find(|(p, _, _)| *p == lower)
        .ok_or_else(|| bad("invalidPath", format!("Unsupported path `{path}`")))?;
    let Some(object) = user.as_object_mut() else {
        return Err(bad("invalidSyntax", "identity is not an object"));
    };
    let target = match sub {
        None => object,
        Some(_) => object
            .entry("name")
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .ok_or_else(|| bad("invalidValue", "`name` must be an object"))?,
    };
    let key = sub.unwrap_or(attribute);
    match op {
        "remove" => {
            target.remove(key);
        }
        // `add` on a multi-valued attribute appends; everywhere else it sets, like `replace`.
        "add" if matches!(key, "emails" | "groups") => {
            let additions = match value {
                Value::Array(items) => items,
                single => vec![single],
            };
            match target
                .entry(key)
                .or_insert_with(|| Value::Array(Vec::new()))
            {
                Value::Array(existing) => existing.extend(additions),
                other => *other = Value::Array(additions),
            }
        }
        _ => {
            target.insert(key.to_owned(), value);
        }
    }
    Ok(())
}
