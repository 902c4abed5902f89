//! GitHub's primary rate limit per token: every answer carries `x-ratelimit-*`; past the budget,
//! 403 with `retry-after` until the window resets. Memory stays bounded whatever clients send:
//! only known tokens get a budget of their own (every other request shares one), and a budget
//! is forgotten once its window has ended.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};

use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;
use crate::state::Emulator;

const WINDOW_SECONDS: u64 = 3_600;

#[derive(Debug)]
pub struct RateLimits {
    limit: u64,
    buckets: Mutex<Buckets>,
}

#[derive(Debug, Default)]
struct Buckets {
    by_key: HashMap<String, (u64, u64)>, // key → (used, reset epoch seconds)
    /// The earliest reset among them: nothing can expire before it.
    next_expiry: u64,
}

/// The budget shared by requests without a known token.
const UNKNOWN: &str = "unauthenticated";

#[derive(Debug, Clone, Copy)]
pub struct Snapshot {
    limit: u64,
    used: u64,
    reset: u64,
}

impl RateLimits {
    pub fn new(limit_per_hour: u64) -> Self {
        Self {
            limit: limit_per_hour,
            buckets: Mutex::new(Buckets::default()),
        }
    }

    pub fn clear(&self) {
        *self.buckets.lock().unwrap_or_else(|e| e.into_inner()) = Buckets::default();
    }

    /// How many budgets are held (for the tests of the expiry).
    pub fn tracked(&self) -> usize {
        self.buckets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .by_key
            .len()
    }

    /// Counts one request for `key` if the budget allows it; returns the budget after that, and
    /// `false` (nothing counted) when it was already spent. Forgets budgets whose window ended.
    pub fn take(&self, key: &str, now: u64) -> (Snapshot, bool) {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if now >= buckets.next_expiry {
            buckets.by_key.retain(|_, (_, reset)| *reset > now);
            let earliest = buckets.by_key.values().map(|(_, reset)| *reset).min();
            buckets.next_expiry = earliest.unwrap_or(now + WINDOW_SECONDS);
        }
        let bucket = buckets
            .by_key
            .entry(key.to_owned())
            .or_insert((0, now + WINDOW_SECONDS));
        if now >= bucket.1 {
            *bucket = (0, now + WINDOW_SECONDS);
        }
        let allowed = bucket.0 < self.limit;
        if allowed {
            bucket.0 += 1;
        }
        (
            Snapshot {
                limit: self.limit,
                used: bucket.0,
                reset: bucket.1,
            },
            allowed,
        )
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

pub async fn enforce(
    State(emulator): State<Arc<Emulator>>,
    request: Request,
    next: Next,
) -> Response {
    let key = match crate::auth::bearer(&request) {
        Some(token) if emulator.token_state(token).is_some() => token.to_owned(),
        _ => UNKNOWN.to_owned(),
    };
    let now = now();
    let (snapshot, allowed) = emulator.rate.take(&key, now);
    let mut response = if allowed {
        next.run(request).await
    } else {
        let mut limited = ApiError::basic(
            StatusCode::FORBIDDEN,
            "API rate limit exceeded for user. Wait for the reset time in x-ratelimit-reset.",
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        )
        .into_response();
        let wait = snapshot.reset.saturating_sub(now).max(1);
        limited
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        limited
    };
    let headers = response.headers_mut();
    let mut put = |name: &'static str, value: HeaderValue| {
        headers.insert(HeaderName::from_static(name), value);
    };
    put("x-ratelimit-limit", snapshot.limit.into());
    put(
        "x-ratelimit-remaining",
        snapshot.limit.saturating_sub(snapshot.used).into(),
    );
    put("x-ratelimit-used", snapshot.used.into());
    put("x-ratelimit-reset", snapshot.reset.into());
    put("x-ratelimit-resource", HeaderValue::from_static("core"));
    response
}
