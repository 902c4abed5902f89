//! One typed, cloneable error for every failed call. It keeps the HTTP status, GitHub's detail
//! and request id, and says in `Display` what happened and what to do.
use std::fmt;

use scim::sso::SsoHeader;
use scim::ErrorBody;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// No answer: offline, DNS, connection dropped, or the browser refused it (CORS).
    Network,
    /// No answer within the request timeout.
    Timeout,
    /// The caller cancelled (the view went away, or the owner pressed stop).
    Cancelled,
    /// 401: missing, wrong, expired or revoked token.
    BadCredentials,
    /// 403/404 with `X-GitHub-SSO: required`: the token needs SAML SSO authorization. `url` is
    /// the validated github.com authorization link for this organization, when one came.
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
    /// 400 (or 413, 422): the request was refused as invalid; GitHub's `scimType` when given.
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    /// GitHub's `detail`/`message`, or what went wrong locally.
    pub detail: String,
    /// `X-GitHub-Request-Id`, for GitHub Support.
    pub request_id: Option<String>,
}

impl ApiError {
    pub fn local(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            status: None,
            detail: detail.into(),
            request_id: None,
        }
    }

    /// Classifies a non-success answer from its status, headers and body.
    pub fn from_answer(
        status: u16,
        org: &str,
        sso: Option<&str>,
        retry_at: Option<u64>,
        body: &str,
    ) -> Self {
        let parsed = ErrorBody::from_json(body);
        let detail = parsed
            .as_ref()
            .and_then(ErrorBody::text)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("HTTP {status}"));
        let sso = sso.and_then(|h| SsoHeader::parse(h, org));
        let kind = match (status, sso) {
            (403 | 404, Some(SsoHeader::Required { url })) => ErrorKind::SsoRequired { url },
            (401, _) => ErrorKind::BadCredentials,
            (429, _) => ErrorKind::RateLimited { retry_at },
            (403, _) if retry_at.is_some() => ErrorKind::RateLimited { retry_at },
            (403, _) => ErrorKind::Forbidden,
            (404, _) => ErrorKind::NotFound,
            (409, _) => ErrorKind::Conflict,
            (400 | 413 | 422, _) => ErrorKind::Invalid {
                scim_type: parsed.and_then(|p| p.scim_type),
            },
            (500..=599, _) => ErrorKind::Server,
            _ => ErrorKind::Unexpected,
        };
        Self {
            kind,
            status: Some(status),
            detail,
            request_id: None,
        }
    }

    pub fn with_request_id(mut self, id: Option<String>) -> Self {
        self.request_id = id;
        self
    }

    /// True when the token itself is the problem (bad, or not authorized for SSO).
    pub fn closes_the_gate(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::BadCredentials | ErrorKind::SsoRequired { .. }
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = &self.detail;
        match &self.kind {
            ErrorKind::Network => write!(f, "The API could not be reached ({detail}). Check the connection and the API base."),
            ErrorKind::Timeout => write!(f, "GitHub did not answer in time. Try again."),
            ErrorKind::Cancelled => write!(f, "Cancelled."),
            ErrorKind::BadCredentials => write!(f, "GitHub rejected the token: {detail}. Paste a valid token."),
            ErrorKind::SsoRequired { .. } => write!(f, "This token is not authorized for the organization's SAML single sign-on."),
            ErrorKind::Forbidden => write!(f, "Not allowed: {detail}. The token needs the admin:org scope (or the Members permission)."),
            ErrorKind::RateLimited { .. } => write!(f, "Rate limited by GitHub: {detail}"),
            ErrorKind::NotFound => write!(f, "Not found: {detail}."),
            ErrorKind::Conflict => write!(f, "Already exists: {detail}"),
            ErrorKind::Invalid { .. } => write!(f, "GitHub refused the request: {detail}"),
            ErrorKind::Server => write!(f, "GitHub had an internal error ({}): {detail}. Try again later.", self.status.unwrap_or(500)),
            ErrorKind::Unexpected => write!(f, "GitHub answered {}: {detail}", self.status.unwrap_or(0)),
            ErrorKind::Undecodable => write!(f, "GitHub's answer could not be understood: {detail}"),
            ErrorKind::Unconfirmed => write!(f, "It is not known whether this change was applied: {detail}. Reload and check before trying again."),
        }
    }
}
