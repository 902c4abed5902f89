//! The one funnel for HTTP calls: builds URLs from the runtime config, authenticates (direct
//! mode: the owner's bearer token, held only here; proxy mode: nothing, the proxy adds it),
//! classifies every answer once (`console_core::answer`), feeds it to the session's gate,
//! retries only where `console_core::retry::decide` says it is safe, and asks the gate before
//! every attempt of a write: the first, each retry, and the one after a rate-limit wait.
use std::sync::Arc;

use console_core::answer::{Answer, GraphqlErrors};
use console_core::gate::{Call, Gate};
use console_core::retry::{decide, Attempt, Decision, Method, RetryPolicy};

use super::cancel::{now_ms, sleep_unless, Cancel};
use super::error::{ApiError, ErrorKind};
use super::link::{LocalGate, SessionLink};
use super::transport::{attempt, Api, Failure, Outgoing, Reply};
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

#[derive(Clone)]
pub struct ApiClient {
    base: String,
    org: String,
    credentials: Credentials,
    pub policy: RetryPolicy,
    pub timeout_ms: u32,
    link: Arc<dyn SessionLink>,
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

impl ApiClient {
    /// A client with a gate of its own, not checked yet.
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
            link: LocalGate::new(Gate::Unchecked),
        }
    }

    /// The same client, serving the session behind `link`.
    pub fn with_link(mut self, link: Arc<dyn SessionLink>) -> Self {
        self.link = link;
        self
    }

    pub fn org(&self) -> &str {
        &self.org
    }

    /// The gate as this client sees it now (`None`: its session is gone).
    pub fn gate(&self) -> Option<Gate> {
        self.link.gate()
    }

    /// The API base followed by `path` (which starts with `/`): every URL the console asks for
    /// is built from the configured base, never taken from an answer.
    pub fn api_url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Whether the console holds the token itself (direct mode): only then can it tell which
    /// credential authorization is its own, by the token's last eight characters.
    pub fn console_self(&self) -> console_core::drift::ConsoleSelf {
        match &self.credentials {
            Credentials::Token(token) => console_core::drift::ConsoleSelf::direct(token, None),
            Credentials::Proxy => console_core::drift::ConsoleSelf::proxy(None),
        }
    }

    /// `…/scim/v2/organizations/{org}/Users` followed by `suffix`.
    pub fn users_url(&self, suffix: &str) -> String {
        format!(
            "{}/scim/v2/organizations/{}/Users{suffix}",
            self.base, self.org
        )
    }

    /// The gate's refusal of a write about to leave, if it refuses.
    pub(super) fn refusal(&self) -> Option<ApiError> {
        match self.link.gate() {
            Some(gate) if gate.can_write() => None,
            gate => Some(ApiError::not_sent(gate.as_ref())),
        }
    }

    /// Sends one SCIM request of kind `call`; see [`ApiClient::send_to`].
    pub async fn send(
        &self,
        call: Call,
        method: Method,
        url: &str,
        body: Option<&str>,
        cancel: &Cancel,
    ) -> Result<Reply, ApiError> {
        self.send_to(Api::Scim, call, method, url, body, cancel)
            .await
    }

    /// Sends one request of kind `call` to `api`, retrying where safe: a read whatever its
    /// method (a GraphQL query is a POST), a write only when its method is idempotent. A 2xx
    /// comes back as `Ok` (a GraphQL answer only when its errors are not a SAML refusal or a
    /// spent budget); everything else as an `ApiError` that keeps what the last answer meant
    /// and whether an earlier attempt may have been performed.
    pub async fn send_to(
        &self,
        api: Api,
        call: Call,
        method: Method,
        url: &str,
        body: Option<&str>,
        cancel: &Cancel,
    ) -> Result<Reply, ApiError> {
        let token = match &self.credentials {
            Credentials::Token(t) => Some(t.as_str()),
            Credentials::Proxy => None,
        };
        let outgoing = Outgoing {
            api,
            method,
            url,
            token,
            body,
            timeout_ms: self.timeout_ms,
        };
        let started = now_ms();
        let mut unanswered = false;
        let mut number = 0;
        loop {
            number += 1;
            if call.is_write() {
                if let Some(refused) = self.refusal() {
                    return Err(refused.maybe_performed(unanswered));
                }
            }
            let now_s = (now_ms() / 1_000.0) as u64;
            let (answer, error) = match attempt(&outgoing, cancel).await {
                Ok(reply) => {
                    let mut response = reply.response();
                    if api == Api::Graphql {
                        response.graphql = Some(GraphqlErrors::read(&reply.text()));
                    }
                    let answer = Answer::classify(&response, &self.org, now_s);
                    self.link.after(call, &answer);
                    if matches!(answer, Answer::Success { .. }) {
                        self.link.waiting(None);
                        return Ok(reply);
                    }
                    let text = reply.text();
                    let mut error = ApiError::answered(answer.clone(), reply.status, &text, now_s)
                        .with_request_id(reply.request_id);
                    if api == Api::Graphql {
                        if let Some(message) = graphql_message(&text) {
                            error.detail = message;
                        }
                    }
                    (answer, error)
                }
                Err(Failure::Cancelled) => {
                    return Err(ApiError::local(ErrorKind::Cancelled, "cancelled")
                        .maybe_performed(unanswered))
                }
                Err(Failure::Timeout) => {
                    self.link.after(call, &Answer::Timeout);
                    let error = ApiError::unanswered(Answer::Timeout, "timed out");
                    (Answer::Timeout, error)
                }
                Err(Failure::Network(e)) => {
                    self.link.after(call, &Answer::Network);
                    (Answer::Network, ApiError::unanswered(Answer::Network, e))
                }
            };
            let error = error.maybe_performed(unanswered);
            unanswered = unanswered || answer.is_ambiguous();
            let this = Attempt {
                // A read repeated changes nothing, whatever its HTTP method.
                method: if call.is_write() { method } else { Method::Get },
                number,
                elapsed_ms: (now_ms() - started).max(0.0) as u64,
            };
            match decide(&self.policy, &this, &answer, js_sys::Math::random()) {
                Decision::GiveUp => return Err(error),
                Decision::RetryAfterMs(ms) => {
                    let limited = matches!(answer, Answer::RateLimited { .. });
                    if limited {
                        self.link.waiting(Some(now_ms() + ms as f64));
                    }
                    // A write stops waiting as soon as the gate closes; the top of the loop
                    // then refuses to send it.
                    let closed = || call.is_write() && self.refusal().is_some();
                    let waited = sleep_unless(ms, cancel, closed).await;
                    if limited {
                        self.link.waiting(None);
                    }
                    waited.map_err(|e| e.maybe_performed(unanswered))?;
                }
            }
        }
    }
}

/// The first error message of a GraphQL answer (GitHub's words for a refusal in a 200).
pub(super) fn graphql_message(body: &str) -> Option<String> {
    let answer: scim::org::graphql::Response<serde::de::IgnoredAny> =
        serde_json::from_str(body).ok()?;
    answer.errors.into_iter().next().map(|e| e.message)
}
