//! Fault injection and the request log, for tests only (`--test-control`): queued faults make the
//! next matching requests fail as GitHub sometimes does (5xx, 429 with `retry-after`, a dropped
//! connection, a slow answer); the log shows what reached the emulator, credentials included.
//! A faulted request is handled in its own task, so a client that hangs up (a timeout) does
//! not stop it: GitHub finishes what it started.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Deserializer, Serialize};

use crate::api_error::ApiError;
use crate::listener::{Cut, Peer};
use crate::state::Emulator;

const LOG_LIMIT: usize = 10_000;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// How many matching requests fail (default 1).
    #[serde(default = "one")]
    pub count: u32,
    /// Answer with this status (500, 502, 429, …) instead of handling the request.
    pub status: Option<u16>,
    /// Seconds for `retry-after` (with 429 or 403).
    pub retry_after: Option<u64>,
    /// Answer as GitHub refuses a token without SAML SSO authorization: `status` (403, or 404
    /// as GitHub does on some calls) with `X-GitHub-SSO: required; url=…`.
    #[serde(default)]
    pub sso: bool,
    /// Break the connection instead of answering: `true` or `"mid-answer"` sends the headers
    /// and the start of a body, then breaks; `"before-answer"` closes it before any byte, which
    /// a browser answers by re-sending the request on a new connection, even a POST.
    #[serde(default, deserialize_with = "drop_kind")]
    pub drop: Option<DropKind>,
    /// Wait this long first (alone: a slow but successful answer). At most 10 minutes.
    #[serde(default)]
    pub delay_ms: u64,
    /// Handle the request first, then fail the answer: the change is applied but the client
    /// never hears of it (with `drop` or a 5xx `status`).
    #[serde(default)]
    pub after: bool,
    /// Answer as GitHub does when a token's GraphQL points are spent (200, a `RATE_LIMITED`
    /// error, `x-ratelimit-remaining: 0`), with the budget resetting this many seconds later.
    pub graphql_rate_limited: Option<u64>,
    /// Only requests with this method (e.g. "POST").
    pub method: Option<String>,
    /// Only requests whose path, with its query, contains this text (`startIndex=2301&` picks
    /// one page of a list).
    pub path: Option<String>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropKind {
    MidAnswer,
    BeforeAnswer,
}

fn drop_kind<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DropKind>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Spec {
        Flag(bool),
        Kind(String),
    }
    match Spec::deserialize(d).map_err(|_| {
        serde::de::Error::custom("`drop` is true, \"mid-answer\" or \"before-answer\"")
    })? {
        Spec::Flag(false) => Ok(None),
        Spec::Flag(true) => Ok(Some(DropKind::MidAnswer)),
        Spec::Kind(k) if k == "mid-answer" => Ok(Some(DropKind::MidAnswer)),
        Spec::Kind(k) if k == "before-answer" => Ok(Some(DropKind::BeforeAnswer)),
        Spec::Kind(k) => Err(serde::de::Error::custom(format!(
            "unknown `drop` `{k}`: use true, \"mid-answer\" or \"before-answer\""
        ))),
    }
}

impl Fault {
    /// What is wrong with this fault, said so the test that queued it can be fixed.
    pub fn problem(&self) -> Option<String> {
        if self.count == 0 {
            return Some("`count` must be at least 1 (it is how many requests fail)".into());
        }
        if let Some(status) = self.status {
            if !(400..=599).contains(&status) {
                return Some(format!(
                    "`status` {status} is not an error status (400-599)"
                ));
            }
            if self.drop.is_some() {
                return Some("give `status` or `drop`, not both".into());
            }
        }
        if self.delay_ms > 600_000 {
            return Some("`delayMs` is at most 600000 (10 minutes)".into());
        }
        if self.after && self.status.is_none() && self.drop.is_none() {
            return Some("`after` needs `status` or `drop`: the answer that is lost".into());
        }
        if self.sso && !matches!(self.status, Some(403 | 404)) {
            return Some("`sso` needs `status` 403 or 404".into());
        }
        if self.graphql_rate_limited.is_some() && (self.status.is_some() || self.drop.is_some()) {
            return Some("give `graphqlRateLimited` alone, without `status` or `drop`".into());
        }
        if self.retry_after.is_some() && self.status.is_none() {
            return Some("`retryAfter` needs a `status` (429 or 403)".into());
        }
        None
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LoggedRequest {
    pub method: String,
    pub uri: String,
    pub authorization: Option<String>,
}

#[derive(Debug, Default)]
pub struct Faults {
    queue: Mutex<Vec<Fault>>,
    log: Mutex<Vec<LoggedRequest>>,
}

impl Faults {
    /// Queues a fault, or says why it is refused.
    pub fn push(&self, fault: Fault) -> Result<(), String> {
        if let Some(problem) = fault.problem() {
            return Err(problem);
        }
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(fault);
        Ok(())
    }

    pub fn clear(&self) {
        self.queue.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    pub fn log(&self) -> Vec<LoggedRequest> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Takes one use of the first queued fault that matches this request.
    fn take(&self, method: &str, uri: &str) -> Option<Fault> {
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        let at = queue.iter().position(|f| {
            f.method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && f.path.as_deref().is_none_or(|p| uri.contains(p))
        })?;
        queue[at].count = queue[at].count.saturating_sub(1);
        let fault = queue[at].clone();
        if queue[at].count == 0 {
            queue.remove(at);
        }
        Some(fault)
    }

    fn record(&self, request: &Request) {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        if log.len() >= LOG_LIMIT {
            log.remove(0);
        }
        log.push(LoggedRequest {
            method: request.method().to_string(),
            uri: request.uri().to_string(),
            authorization: request
                .headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
        });
    }
}

/// What a fault's `path` is matched against: the path with its query, borrowed.
fn path_and_query(request: &Request) -> &str {
    let uri = request.uri();
    uri.path_and_query().map_or(uri.path(), |pq| pq.as_str())
}

pub async fn inject(
    State(emulator): State<Arc<Emulator>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() == axum::http::Method::OPTIONS {
        return next.run(request).await; // preflights are the browser's, not the client's
    }
    emulator.faults.record(&request);
    let Some(fault) = emulator
        .faults
        .take(request.method().as_str(), path_and_query(&request))
    else {
        return next.run(request).await;
    };
    let cut = request
        .extensions()
        .get::<ConnectInfo<Peer>>()
        .map(|c| c.0.cut.clone());
    let org = emulator.org.clone();
    let handled = tokio::spawn(faulted(fault, request, next, cut, org));
    handled
        .await
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

async fn faulted(
    fault: Fault,
    request: Request,
    next: Next,
    cut: Option<Cut>,
    org: String,
) -> Response {
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    let answer = if fault.after {
        drop(next.run(request).await);
        failed_answer(&fault, &org)
    } else if fault.drop.is_some() || fault.status.is_some() {
        failed_answer(&fault, &org)
    } else if let Some(seconds) = fault.graphql_rate_limited {
        graphql_rate_limited(seconds)
    } else {
        return next.run(request).await;
    };
    if fault.drop == Some(DropKind::BeforeAnswer) {
        match cut {
            Some(cut) => cut.now(),
            None => {
                return ApiError::basic(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "a before-answer drop needs the emulator's own listener (listener::serve)",
                    "https://docs.github.com/rest",
                )
                .into_response()
            }
        }
    }
    answer
}

/// GitHub's answer to a GraphQL query when the token's points are spent (contract §2.2).
fn graphql_rate_limited(reset_in: u64) -> Response {
    let body = serde_json::json!({"errors": [{
        "type": "RATE_LIMITED",
        "message": "API rate limit exceeded for user ID 5000001. If you reach out to GitHub Support for help, please include the request ID.",
    }]});
    let reset = crate::org::now() + reset_in;
    let mut response = (StatusCode::OK, axum::Json(body)).into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-ratelimit-limit", 5000),
        ("x-ratelimit-remaining", 0),
        ("x-ratelimit-used", 5000),
        ("x-ratelimit-reset", reset),
    ] {
        headers.insert(name, HeaderValue::from(value));
    }
    headers.insert("x-ratelimit-resource", HeaderValue::from_static("graphql"));
    response
}

/// The answer a fault gives instead of the real one.
fn failed_answer(fault: &Fault, org: &str) -> Response {
    if fault.drop == Some(DropKind::MidAnswer) {
        // Headers and the start of a body, then the connection breaks: the client learns that
        // something went wrong. (Before any byte, a browser would re-send the request on its
        // own: that is `DropKind::BeforeAnswer`, cut at the connection.)
        use futures_util::StreamExt;
        let start = futures_util::stream::once(async {
            Ok(axum::body::Bytes::from_static(b"{\"schemas\": ["))
        });
        // The pause lets the headers and the first bytes go out before the break.
        let cut = futures_util::stream::once(async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            Err(std::io::Error::other("fault injection: dropped"))
        });
        let broken = start.chain(cut);
        let mut response = Response::new(Body::from_stream(broken));
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(scim::SCIM_MEDIA_TYPE),
        );
        return response;
    }
    let status = fault
        .status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if fault.sso {
        let mut response = ApiError::sso_required(org, &crate::ids::opaque_token()).into_response();
        *response.status_mut() = status;
        return response;
    }
    let message = match status.as_u16() {
        429 | 403 => "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        _ => "Server Error",
    };
    let mut response =
        ApiError::basic(status, message, "https://docs.github.com/rest").into_response();
    if let Some(seconds) = fault.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
