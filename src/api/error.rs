//! One typed, cloneable error for every failed call. It keeps the HTTP status, GitHub's detail
//! and request id, the classified answer, whether an earlier attempt may have been performed,
//! and says in `Display` what happened and what to do.
use std::fmt;

use console_core::answer::Answer;
use console_core::gate::Gate;
use scim::ErrorBody;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// No answer: offline, DNS, connection dropped, or the browser refused it (CORS).
    Network,
    /// No answer within the request timeout.
    Timeout,
    /// The caller cancelled (the view went away).
    Cancelled,
    /// 401: missing, wrong, expired or revoked token.
    BadCredentials,
    /// 403/404 with `X-GitHub-SSO: required`: `url` is the validated github.com link, if any.
    SsoRequired {
        url: Option<String>,
    },
    /// Any other 403: the token lacks a permission (read-only, say).
    Forbidden,
    /// 403/429 rate limit; `retry_at` in epoch seconds when known.
    RateLimited {
        retry_at: Option<u64>,
    },
    NotFound,
    /// 409: `userName` or `externalId` already exists.
    Conflict,
    /// 400 (or 413, 422): refused as invalid; GitHub's `scimType` when given.
    Invalid {
        scim_type: Option<String>,
    },
    /// 5xx.
    Server,
    /// Any other status.
    Unexpected,
    /// A success status whose body does not match the contract.
    Undecodable,
    /// A write whose outcome is unknown (no answer, and a look-up could not settle it).
    Unconfirmed,
    /// A write the console did not send: the gate was closed (or the session gone) when it
    /// was about to leave.
    NotSent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    /// GitHub's `detail`/`message`, or what went wrong locally.
    pub detail: String,
    /// `X-GitHub-Request-Id`, for GitHub Support.
    pub request_id: Option<String>,
    /// The meaning of the last answer; `None` when nothing was sent or it was cancelled.
    pub answer: Option<Answer>,
    /// An earlier attempt of the same request got no answer (or a 5xx): it may have been
    /// performed, so "not sent" or a refusal of this attempt does not mean nothing happened.
    pub maybe_performed: bool,
}

/// Why a write is not sent, from the gate that refused it (`None`: the session is gone).
pub fn not_sent_reason(gate: Option<&Gate>) -> String {
    match gate {
        Some(Gate::SsoRequired { .. }) => "SAML session not authorized".into(),
        Some(Gate::BadCredentials) => "GitHub rejected the token".into(),
        Some(Gate::SignedOutOfSite) => "signed out of this site".into(),
        Some(Gate::ReadOnly { .. }) => "the token may not write".into(),
        Some(Gate::NoAccess { .. }) => "the token has no access to the organization".into(),
        Some(Gate::Unchecked) => "the token has not been checked".into(),
        Some(Gate::Open) => "stopped".into(),
        None => "disconnected".into(),
    }
}

impl ApiError {
    pub fn local(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            status: None,
            detail: detail.into(),
            request_id: None,
            answer: None,
            maybe_performed: false,
        }
    }

    /// The gate refused the attempt: nothing left the browser.
    pub fn not_sent(gate: Option<&Gate>) -> Self {
        Self::local(ErrorKind::NotSent, not_sent_reason(gate))
    }

    /// An attempt that got no answer.
    pub fn unanswered(answer: Answer, detail: impl Into<String>) -> Self {
        let kind = match answer {
            Answer::Timeout => ErrorKind::Timeout,
            _ => ErrorKind::Network,
        };
        Self {
            answer: Some(answer),
            ..Self::local(kind, detail)
        }
    }

    /// A non-success answer, from its classification, status and body.
    pub fn answered(answer: Answer, status: u16, body: &str, now_epoch_s: u64) -> Self {
        let parsed = ErrorBody::from_json(body);
        let detail = parsed
            .as_ref()
            .and_then(ErrorBody::text)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("HTTP {status}"));
        let kind = match &answer {
            Answer::SsoRequired { url } => ErrorKind::SsoRequired { url: url.clone() },
            Answer::BadCredentials => ErrorKind::BadCredentials,
            // The site's proxy answered itself: the request never reached GitHub.
            Answer::SignedOutOfSite => ErrorKind::NotSent,
            Answer::RateLimited { wait_s } => ErrorKind::RateLimited {
                retry_at: wait_s.map(|w| now_epoch_s + w),
            },
            Answer::Forbidden => ErrorKind::Forbidden,
            Answer::NotFound => ErrorKind::NotFound,
            Answer::Conflict => ErrorKind::Conflict,
            Answer::Invalid => ErrorKind::Invalid {
                scim_type: parsed.and_then(|p| p.scim_type),
            },
            Answer::Server(_) => ErrorKind::Server,
            Answer::Network => ErrorKind::Network,
            Answer::Timeout => ErrorKind::Timeout,
            Answer::Success { .. } | Answer::Unexpected(_) => ErrorKind::Unexpected,
        };
        // Not GitHub's words: the site's, for a request that never left it.
        let detail = match answer {
            Answer::SignedOutOfSite => not_sent_reason(Some(&Gate::SignedOutOfSite)),
            _ => detail,
        };
        Self {
            kind,
            status: Some(status),
            detail,
            request_id: None,
            answer: Some(answer),
            maybe_performed: false,
        }
    }

    pub fn with_request_id(mut self, id: Option<String>) -> Self {
        self.request_id = id;
        self
    }

    pub fn maybe_performed(mut self, maybe: bool) -> Self {
        self.maybe_performed = self.maybe_performed || maybe;
        self
    }
}

impl std::error::Error for ApiError {}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = &self.detail;
        // A detail that ends its own sentence must not stack a second full stop on ours.
        let bare = detail.trim_end().trim_end_matches('.');
        let text = match &self.kind {
            ErrorKind::Network => format!("The API could not be reached ({detail}). Check the connection and the API base."),
            ErrorKind::Timeout => "GitHub did not answer in time. Try again.".to_owned(),
            ErrorKind::Cancelled => "Cancelled.".to_owned(),
            ErrorKind::BadCredentials => format!("GitHub rejected the token: {bare}. Paste a valid token."),
            ErrorKind::SsoRequired { .. } => "This token is not authorized for the organization's SAML single sign-on.".to_owned(),
            ErrorKind::Forbidden => format!("Not allowed: {bare}. The token needs the admin:org scope (or the Members permission)."),
            ErrorKind::RateLimited { .. } => format!("Rate limited by GitHub: {detail}"),
            ErrorKind::NotFound => format!("Not found: {detail}"),
            ErrorKind::Conflict => format!("Already exists: {detail}"),
            ErrorKind::Invalid { .. } => format!("GitHub refused the request: {detail}"),
            ErrorKind::Server => format!("GitHub had an internal error ({}): {bare}. Try again later.", self.status.unwrap_or(500)),
            ErrorKind::Unexpected => format!("GitHub answered {}: {detail}", self.status.unwrap_or(0)),
            ErrorKind::Undecodable => format!("GitHub's answer could not be understood: {detail}"),
            ErrorKind::Unconfirmed => format!("It is not known whether this change was applied: {bare}. Reload and check before trying again."),
            ErrorKind::NotSent => format!("Not sent: {detail}"),
        };
        // GitHub's detail may or may not end its sentence; every message does.
        f.write_str(&console_core::text::sentence(&text))
    }
}
