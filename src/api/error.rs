//! One typed, cloneable error for every failed call, keeping the HTTP status and GitHub's detail.
use std::fmt;

use scim::ErrorBody;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, CORS refusal, connection dropped.
    Network(String),
    /// 401: the token is missing, wrong, expired or revoked.
    BadCredentials(String),
    /// 403/404 with `X-GitHub-SSO: required`: the token needs SAML SSO authorization.
    SsoRequired {
        url: Option<String>,
    },
    /// Any other 403 (a read-only token, say).
    Forbidden(String),
    NotFound(String),
    /// Any other non-success status, with GitHub's detail when it sent one.
    Http {
        status: u16,
        detail: String,
        scim_type: Option<String>,
    },
    /// A success status whose body does not match the contract.
    Undecodable(String),
}

impl ApiError {
    /// Classifies a failed answer from its status, `X-GitHub-SSO` header and body.
    pub fn from_response(status: u16, sso_header: Option<&str>, body: &str) -> Self {
        let parsed = ErrorBody::from_json(body);
        let detail = parsed
            .as_ref()
            .and_then(ErrorBody::text)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("HTTP {status}"));
        if let Some(sso) = sso_header.filter(|h| h.trim_start().starts_with("required")) {
            let url = sso.split_once("url=").map(|(_, u)| u.trim().to_owned());
            return Self::SsoRequired { url };
        }
        match status {
            401 => Self::BadCredentials(detail),
            403 => Self::Forbidden(detail),
            404 => Self::NotFound(detail),
            _ => Self::Http {
                status,
                detail,
                scim_type: parsed.and_then(|p| p.scim_type),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network(e) => write!(
                f,
                "The API could not be reached ({e}). Check the API base and your connection."
            ),
            Self::BadCredentials(d) => {
                write!(f, "GitHub rejected the token: {d}. Paste a valid token.")
            }
            Self::SsoRequired { .. } => write!(
                f,
                "This token is not authorized for the organization's SAML single sign-on."
            ),
            Self::Forbidden(d) => write!(f, "Not allowed: {d}"),
            Self::NotFound(d) => write!(f, "Not found: {d}. Check the organization name."),
            Self::Http { status, detail, .. } => write!(f, "GitHub answered {status}: {detail}"),
            Self::Undecodable(e) => write!(f, "GitHub's answer could not be understood: {e}"),
        }
    }
}
