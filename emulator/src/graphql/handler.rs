//! The HTTP side of `/graphql`: authentication (401s as GitHub words them for GraphQL), the
//! request body, the points charge, execution, and the answer in GitHub's shape and headers.
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use super::budget::Spend;
use super::cost;
use super::schema::{schema, Caller, GithubSchema};
use super::types::{DateTime, RateLimit};
use crate::ids::{opaque_token, request_id, rfc3339_from_epoch};
use crate::state::{Emulator, TokenState};

const DOCS: &str = "https://docs.github.com/graphql";

fn shared_schema() -> &'static GithubSchema {
    static SCHEMA: OnceLock<GithubSchema> = OnceLock::new();
    SCHEMA.get_or_init(schema)
}

pub async fn graphql(
    State(emulator): State<Arc<Emulator>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(token) = bearer(&headers) else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "This endpoint requires you to be authenticated.",
        );
    };
    let Some(state) = emulator.token_state(token) else {
        return refuse(StatusCode::UNAUTHORIZED, "Bad credentials");
    };
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "Problems parsing JSON");
    };
    let Some(query) = body.get("query").and_then(Value::as_str) else {
        let error = json!({"errors": [{"message": "A query attribute must be specified and must be a string."}]});
        return answer(error.to_string(), None, state, None);
    };
    let variables = async_graphql::Variables::from_json(
        body.get("variables")
            .cloned()
            .filter(Value::is_object)
            .unwrap_or(json!({})),
    );
    let operation = body.get("operationName").and_then(Value::as_str);
    let cost = cost::of(query, operation, &variables);
    let spend = emulator
        .graphql_rate
        .charge(token, cost.points, crate::org::now());
    if !spend.allowed {
        let error = json!({"errors": [{
            "type": "RATE_LIMITED",
            "message": "API rate limit exceeded for user ID 5000001. If you reach out to GitHub Support for help, please include the request ID.",
        }]});
        return answer(error.to_string(), Some(spend), state, None);
    }
    let caller = Caller {
        emulator: emulator.clone(),
        token: state,
        rate: RateLimit {
            cost: cost.points as i32,
            limit: spend.limit as i32,
            node_count: cost.nodes as i32,
            remaining: spend.remaining() as i32,
            reset_at: DateTime(rfc3339_from_epoch(spend.reset)),
            used: spend.used as i32,
        },
    };
    let mut request = async_graphql::Request::new(query)
        .variables(variables)
        .data(caller);
    if let Some(operation) = operation {
        request = request.operation_name(operation);
    }
    let response = shared_schema().execute(request).await;
    if response.errors.is_empty() {
        // The common case goes straight to text: no error to reshape.
        let text = serde_json::to_string(&response).unwrap_or_default();
        return answer(text, Some(spend), state, None);
    }
    let body = github_shape(serde_json::to_value(&response).unwrap_or_default());
    let saml = saml_failure(&body).then(|| sso_header(&emulator.org));
    answer(body.to_string(), Some(spend), state, saml)
}

/// async-graphql keeps GitHub's `type` in `extensions`; GitHub puts it beside `message`.
/// `data` is left out when nothing was executed, as the GraphQL spec says.
fn github_shape(mut body: Value) -> Value {
    if let Some(errors) = body.get_mut("errors").and_then(Value::as_array_mut) {
        for error in errors.iter_mut().filter_map(Value::as_object_mut) {
            let kind = error
                .get_mut("extensions")
                .and_then(Value::as_object_mut)
                .and_then(|e| e.remove("type"));
            if error
                .get("extensions")
                .and_then(Value::as_object)
                .is_some_and(Map::is_empty)
            {
                error.remove("extensions");
            }
            if let Some(kind) = kind {
                error.insert("type".into(), kind);
            }
        }
    }
    if let Some(object) = body.as_object_mut() {
        if object.get("data").is_some_and(Value::is_null) {
            object.remove("data");
        }
    }
    body
}

fn saml_failure(body: &Value) -> bool {
    body.get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|e| e.pointer("/extensions/saml_failure") == Some(&Value::Bool(true)))
}

fn sso_header(org: &str) -> String {
    format!(
        "required; url=https://github.com/orgs/{org}/sso?authorization_request={}",
        opaque_token()
    )
}

fn answer(body: String, spend: Option<Spend>, state: TokenState, sso: Option<String>) -> Response {
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, scim::org::JSON_MEDIA_TYPE)],
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    let mut put = |name: &'static str, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    };
    put("x-github-media-type", "github.v4; format=json".into());
    put("x-github-request-id", request_id());
    put(
        "x-oauth-scopes",
        match state {
            TokenState::ReadOnly => "read:org",
            TokenState::Member => "repo",
            _ => "admin:org",
        }
        .into(),
    );
    if let Some(spend) = spend {
        put("x-ratelimit-limit", spend.limit.to_string());
        put("x-ratelimit-remaining", spend.remaining().to_string());
        put("x-ratelimit-used", spend.used.to_string());
        put("x-ratelimit-reset", spend.reset.to_string());
        put("x-ratelimit-resource", "graphql".into());
    }
    if let Some(sso) = sso {
        put("x-github-sso", sso);
    }
    response
}

pub async fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND, "Not Found")
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, scim::org::JSON_MEDIA_TYPE)],
        json!({"message": message, "documentation_url": DOCS}).to_string(),
    )
        .into_response()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let ok = scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("token");
    (ok && !token.trim().is_empty()).then(|| token.trim())
}
