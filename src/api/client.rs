//! The one funnel for HTTP calls: builds URLs from the runtime config, authenticates (direct
//! mode: the owner's bearer token, held only here; proxy mode: nothing, the proxy adds it),
//! retries only where `console_core::retry::decide` says it is safe, and tells the observer about SSO
//! and rate-limit events so the SAML gate and progress bars react at once.
use std::sync::Arc;

use console_core::retry::{decide, Attempt, Decision, Method, Outcome, RetryPolicy};

use super::cancel::{now_ms, sleep, Cancel};
use super::error::{ApiError, ErrorKind};
use super::transport::{attempt, Answer, Failure, Outgoing};
use crate::config::{Mode, RuntimeConfig};

/// What the client authenticates with. The token lives only in this value, in memory.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    Token(String),
    Proxy,
}

impl std::fmt::Debug for Credentials {
    // Never print the token, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Token(_) => f.write_str("Token(<redacted>)"),
            Self::Proxy => f.write_str("Proxy"),
        }
    }
}

/// Things the rest of the console reacts to, whichever call saw them.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiEvent {
    /// A call succeeded: the token works for this organization.
    Authorized,
    /// A failure that says the token is the problem (bad, or not SSO-authorized).
    GateClosed(ApiError),
    /// Waiting out a rate limit before retrying, until `until_ms` (epoch ms).
    RateLimitWait { until_ms: f64 },
}

pub type Observer = Arc<dyn Fn(ApiEvent) + Send + Sync>;

#[derive(Clone)]
pub struct ApiClient {
    base: String,
    org: String,
    credentials: Credentials,
    pub policy: RetryPolicy,
    pub timeout_ms: u32,
    observer: Option<Observer>,
}

impl std::fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiClient")
            .field("base", &self.base)
            .field("org", &self.org)
            .field("credentials", &self.credentials)
            .finish()
    }
}

impl PartialEq for ApiClient {
    fn eq(&self, other: &Self) -> bool {
        (&self.base, &self.org, &self.credentials) == (&other.base, &other.org, &other.credentials)
    }
}

impl ApiClient {
    pub fn new(config: &RuntimeConfig, org: &str, token: &str) -> Self {
        let credentials = match config.mode {
            Mode::Direct => Credentials::Token(token.to_owned()),
            Mode::Proxy => Credentials::Proxy,
        };
        Self {
            base: config.base().to_owned(),
            org: org.to_owned(),
            credentials,
            policy: RetryPolicy::default(),
            timeout_ms: 30_000,
            observer: None,
        }
    }

    pub fn with_observer(mut self, observer: Observer) -> Self {
        self.observer = Some(observer);
        self
    }

    pub fn org(&self) -> &str {
        &self.org
    }

    /// `…/scim/v2/organizations/{org}/Users` followed by `suffix`.
    pub fn users_url(&self, suffix: &str) -> String {
        format!(
            "{}/scim/v2/organizations/{}/Users{suffix}",
            self.base, self.org
        )
    }

    fn notify(&self, event: ApiEvent) {
        if let Some(observer) = &self.observer {
            observer(event);
        }
    }

    /// Sends one request, retrying where safe. A 2xx comes back as `Ok`; so does a 404 to a
    /// retried DELETE (the first attempt did delete it).
    pub async fn send(
        &self,
        method: Method,
        url: &str,
        body: Option<&str>,
        cancel: &Cancel,
    ) -> Result<Answer, ApiError> {
        let token = match &self.credentials {
            Credentials::Token(t) => Some(t.as_str()),
            Credentials::Proxy => None,
        };
        let outgoing = Outgoing {
            method,
            url,
            token,
            body,
            timeout_ms: self.timeout_ms,
        };
        let started = now_ms();
        let mut number = 0;
        loop {
            number += 1;
            let (outcome, limits, error) = match attempt(&outgoing, cancel).await {
                Ok(answer)
                    if answer.is_success()
                        || (method == Method::Delete && number > 1 && answer.status == 404) =>
                {
                    self.notify(ApiEvent::Authorized);
                    return Ok(answer);
                }
                Ok(answer) => {
                    let now_s = (now_ms() / 1_000.0) as u64;
                    let retry_at = answer.limits.wait_seconds(now_s).map(|w| now_s + w);
                    let error = ApiError::from_answer(
                        answer.status,
                        &self.org,
                        answer.sso.as_deref(),
                        retry_at,
                        &answer.body,
                    )
                    .with_request_id(answer.request_id.clone());
                    (Outcome::Status(answer.status), answer.limits, error)
                }
                Err(Failure::Cancelled) => {
                    return Err(ApiError::local(ErrorKind::Cancelled, "cancelled"))
                }
                Err(Failure::Timeout) => (
                    Outcome::Timeout,
                    Default::default(),
                    ApiError::local(ErrorKind::Timeout, "timed out"),
                ),
                Err(Failure::Network(e)) => (
                    Outcome::Network,
                    Default::default(),
                    ApiError::local(ErrorKind::Network, e),
                ),
            };
            if error.closes_the_gate() {
                self.notify(ApiEvent::GateClosed(error.clone()));
            }
            let elapsed_ms = (now_ms() - started).max(0.0) as u64;
            let this = Attempt {
                method,
                outcome,
                number,
                elapsed_ms,
            };
            let now_s = (now_ms() / 1_000.0) as u64;
            match decide(&self.policy, &this, &limits, now_s, js_sys::Math::random()) {
                Decision::GiveUp => return Err(error),
                Decision::RetryAfterMs(ms) => {
                    if matches!(error.kind, ErrorKind::RateLimited { .. }) {
                        self.notify(ApiEvent::RateLimitWait {
                            until_ms: now_ms() + ms as f64,
                        });
                    }
                    sleep(ms, cancel).await?;
                }
            }
        }
    }
}
