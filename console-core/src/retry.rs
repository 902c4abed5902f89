//! Rate-limit headers and the retry decision, as pure functions: given what happened to an
//! attempt, retry after a delay or give up. The fetch layer supplies the clock and the jitter.
use crate::answer::Answer;

/// HTTP methods the client uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// Repeating the request has the same effect as sending it once.
    pub fn is_idempotent(self) -> bool {
        matches!(self, Self::Get | Self::Put | Self::Delete)
    }
}

/// `x-ratelimit-*` and `retry-after` of one answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimit {
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    pub used: Option<u64>,
    /// Epoch seconds when the window resets.
    pub reset: Option<u64>,
    /// Seconds to wait, when the server said so.
    pub retry_after: Option<u64>,
}

impl RateLimit {
    /// Reads the headers through `header(name)` (names in lower case).
    pub fn from_headers(header: impl Fn(&str) -> Option<String>) -> Self {
        let number = |name: &str| header(name).and_then(|v| v.trim().parse().ok());
        Self {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            used: number("x-ratelimit-used"),
            reset: number("x-ratelimit-reset"),
            retry_after: number("retry-after"),
        }
    }

    /// How long the server asked us to wait, in seconds from `now` (epoch seconds).
    pub fn wait_seconds(&self, now: u64) -> Option<u64> {
        self.retry_after.or_else(|| {
            (self.remaining == Some(0)).then(|| self.reset.map(|r| r.saturating_sub(now)))?
        })
    }
}

/// One finished attempt of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub method: Method,
    /// 1 for the first attempt.
    pub number: u32,
    /// Since the first attempt started, waits included.
    pub elapsed_ms: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
    /// Give up rather than wait beyond this much time in total.
    pub budget_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay_ms: 500,
            max_delay_ms: 30_000,
            budget_ms: 120_000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    RetryAfterMs(u64),
    GiveUp,
}

/// Whether and when to try again after `attempt`, which got `answer` (see `answer::Answer`).
///
/// - A rate limit was refused, not performed, so any method may wait it out, as long as
///   GitHub said (`retry-after` / `x-ratelimit-reset`), or a minute when it said nothing.
/// - Network errors, timeouts and 5xx are ambiguous: only idempotent methods retry. A POST or
///   PATCH gives up here; the write path settles it (look-up, or "outcome unknown").
/// - Everything else (SSO, 401, 403, 404, 409, 400) is final.
/// - Delays back off exponentially with jitter (`jitter` in 0..1), bounded in attempts and time.
///
/// Whether a write may leave at all is the gate's business, asked before every attempt.
pub fn decide(policy: &RetryPolicy, attempt: &Attempt, answer: &Answer, jitter: f64) -> Decision {
    let Attempt {
        method,
        number,
        elapsed_ms,
    } = *attempt;
    if number >= policy.max_attempts {
        return Decision::GiveUp;
    }
    let backoff = || {
        let exp = policy
            .base_delay_ms
            .saturating_mul(1 << number.saturating_sub(1).min(16));
        let jittered = exp as f64 * (0.5 + jitter.clamp(0.0, 1.0) / 2.0);
        (jittered as u64).min(policy.max_delay_ms)
    };
    let delay = match answer {
        Answer::RateLimited { wait_s: Some(s) } => (*s).max(1).saturating_mul(1_000),
        // GitHub: with neither header, wait at least a minute.
        Answer::RateLimited { wait_s: None } => 60_000,
        a if a.is_ambiguous() && method.is_idempotent() => backoff(),
        _ => return Decision::GiveUp,
    };
    if elapsed_ms.saturating_add(delay) > policy.budget_ms {
        Decision::GiveUp
    } else {
        Decision::RetryAfterMs(delay)
    }
}
