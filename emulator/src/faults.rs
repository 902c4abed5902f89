//! Fault injection and the request log, for tests only (`--test-control`): queued faults make the
//! next matching requests fail as GitHub sometimes does (5xx, 429 with `retry-after`, a dropped
//! connection, a slow answer); the log shows what reached the emulator, credentials included.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::api_error::ApiError;
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
    /// Drop the connection mid-answer instead of answering.
    #[serde(default)]
    pub drop: bool,
    /// Wait this long first (alone: a slow but successful answer).
    #[serde(default)]
    pub delay_ms: u64,
    /// Handle the request first, then fail the answer: the change is applied but the client
    /// never hears of it (with `drop` or a 5xx `status`).
    #[serde(default)]
    pub after: bool,
    /// Only requests with this method (e.g. "POST").
    pub method: Option<String>,
    /// Only requests whose path contains this text.
    pub path: Option<String>,
}

fn one() -> u32 {
    1
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
    pub fn push(&self, fault: Fault) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(fault);
    }

    pub fn clear(&self) {
        self.queue.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    pub fn log(&self) -> Vec<LoggedRequest> {
        self.log.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Takes one use of the first queued fault that matches this request.
    fn take(&self, method: &str, path: &str) -> Option<Fault> {
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        let at = queue.iter().position(|f| {
            f.method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && f.path.as_deref().is_none_or(|p| path.contains(p))
        })?;
        queue[at].count -= 1;
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
        .take(request.method().as_str(), request.uri().path())
    else {
        return next.run(request).await;
    };
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    if fault.after {
        drop(next.run(request).await);
        return failed_answer(&fault);
    }
    if fault.drop || fault.status.is_some() {
        return failed_answer(&fault);
    }
    next.run(request).await
}

/// The answer a fault gives instead of the real one.
fn failed_answer(fault: &Fault) -> Response {
    if fault.drop {
        // Headers and the start of a body, then the connection breaks. Breaking before the
        // headers would not do: browsers silently resend a request whose reused connection
        // closed without any answer, even a POST.
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
