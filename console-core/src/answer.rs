//! What one answer from GitHub means, decided in this one place for the retry decision, the
//! error the owner reads and the SAML gate: a rate limit is a rate limit everywhere, and an SSO
//! refusal is one everywhere, even when it also says nothing is left of the rate limit.
use scim::sso::SsoHeader;

use crate::retry::RateLimit;

/// The meaning of one attempt's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 2xx. `scopes` is `X-OAuth-Scopes`, which only classic tokens get.
    Success { scopes: Option<String> },
    /// 401: the token is missing, wrong, expired or revoked.
    BadCredentials,
    /// 403 or 404 with `X-GitHub-SSO: required` (or a GraphQL error with
    /// `extensions.saml_failure`): the token is not authorized for the organization's SAML SSO.
    /// `url` is the validated github.com authorization link, when one came.
    SsoRequired { url: Option<String> },
    /// 429, or a 403 with `retry-after` or nothing remaining: refused, not performed.
    /// `wait_s`: how long GitHub asked to wait, when it said.
    RateLimited { wait_s: Option<u64> },
    /// Any other 403: the token lacks a permission.
    Forbidden,
    /// 404 without `X-GitHub-SSO`.
    NotFound,
    /// 409: `userName` or `externalId` already exists.
    Conflict,
    /// 400, 413 or 422: refused as invalid.
    Invalid,
    /// 5xx: GitHub may or may not have done it.
    Server(u16),
    /// Any other status.
    Unexpected(u16),
    /// No answer: offline, DNS, connection closed, CORS refusal.
    Network,
    /// No answer in time.
    Timeout,
}

/// The parts of an HTTP answer that carry meaning.
#[derive(Debug, Clone, Copy, Default)]
pub struct Response<'a> {
    pub status: u16,
    /// `X-GitHub-SSO`.
    pub sso: Option<&'a str>,
    /// `X-OAuth-Scopes`.
    pub scopes: Option<&'a str>,
    pub limits: RateLimit,
    /// A GraphQL body whose errors carry `extensions.saml_failure: true` (GitHub answers those
    /// with HTTP 200).
    pub saml_failure: bool,
}

impl Answer {
    /// Classifies an answer of `org`'s API at `now_epoch_s`.
    pub fn classify(response: &Response<'_>, org: &str, now_epoch_s: u64) -> Self {
        let status = response.status;
        let sso_required = match response.sso.and_then(|h| SsoHeader::parse(h, org)) {
            Some(SsoHeader::Required { url }) => Some(url),
            _ => None,
        };
        match (status, sso_required) {
            (403 | 404, Some(url)) => return Self::SsoRequired { url },
            (200..=299, url) if response.saml_failure => {
                return Self::SsoRequired { url: url.flatten() }
            }
            _ => {}
        }
        let limits = &response.limits;
        match status {
            200..=299 => Self::Success {
                scopes: response.scopes.map(str::to_owned),
            },
            401 => Self::BadCredentials,
            429 => Self::RateLimited {
                wait_s: limits.wait_seconds(now_epoch_s),
            },
            403 if limits.retry_after.is_some() || limits.remaining == Some(0) => {
                Self::RateLimited {
                    wait_s: limits.wait_seconds(now_epoch_s),
                }
            }
            403 => Self::Forbidden,
            404 => Self::NotFound,
            409 => Self::Conflict,
            400 | 413 | 422 => Self::Invalid,
            500..=599 => Self::Server(status),
            _ => Self::Unexpected(status),
        }
    }

    /// No answer, or one that does not say whether the server did it (network, timeout, 5xx).
    pub fn is_ambiguous(&self) -> bool {
        matches!(self, Self::Network | Self::Timeout | Self::Server(_))
    }
}

/// Whether a GraphQL response body reports a SAML SSO refusal in `errors[].extensions`.
pub fn graphql_saml_failure(body: &str) -> bool {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
        return false;
    };
    value["errors"].as_array().is_some_and(|errors| {
        errors
            .iter()
            .any(|e| e["extensions"]["saml_failure"].as_bool() == Some(true))
    })
}
