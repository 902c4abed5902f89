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
    /// 401 from the site itself (proxy mode, `X-Scim-Admin-Site: signed-out`): the owner's
    /// sign-in to the site expired, and the site's proxy sent nothing to GitHub.
    SignedOutOfSite,
    /// 403 or 404 with `X-GitHub-SSO: required`, or a GraphQL answer (HTTP 200) with that
    /// header or an error with `extensions.saml_failure`: the token is not authorized for the
    /// organization's SAML SSO. `url` is the validated github.com authorization link, when one
    /// came.
    SsoRequired { url: Option<String> },
    /// 429, or a 403 with `retry-after` or nothing remaining, or a GraphQL answer whose error
    /// is `RATE_LIMITED` (HTTP 200): refused, not performed. `wait_s`: how long GitHub asked to
    /// wait (`retry-after`, else `x-ratelimit-reset`), when it said.
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
    /// `X-Scim-Admin-Site`: the site's proxy (deploy/) marks the answers it gives itself.
    pub site: Option<&'a str>,
    pub limits: RateLimit,
    /// GraphQL answers only: what the body's `errors` say (GitHub answers them with HTTP 200).
    pub graphql: Option<GraphqlErrors>,
}

/// The signs in a GraphQL body's `errors` that concern the token or the budget rather than the
/// query (contract §2.2, §3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GraphqlErrors {
    /// An error with `extensions.saml_failure: true`.
    pub saml_failure: bool,
    /// An error of `type: "RATE_LIMITED"`.
    pub rate_limited: bool,
}

impl Answer {
    /// Classifies an answer of `org`'s API at `now_epoch_s`.
    pub fn classify(response: &Response<'_>, org: &str, now_epoch_s: u64) -> Self {
        let status = response.status;
        let sso_required = match response.sso.and_then(|h| SsoHeader::parse(h, org)) {
            Some(SsoHeader::Required { url }) => Some(url),
            _ => None,
        };
        let limits = &response.limits;
        let graphql = response.graphql.filter(|_| (200..=299).contains(&status));
        match (status, sso_required, graphql) {
            (403 | 404, Some(url), _) => return Self::SsoRequired { url },
            (_, url, Some(errors)) if errors.saml_failure || url.is_some() => {
                return Self::SsoRequired { url: url.flatten() }
            }
            (_, _, Some(errors)) if errors.rate_limited => {
                return Self::RateLimited {
                    wait_s: limits.wait_seconds(now_epoch_s),
                }
            }
            _ => {}
        }
        match status {
            200..=299 => Self::Success {
                scopes: response.scopes.map(str::to_owned),
            },
            401 if response.site == Some("signed-out") => Self::SignedOutOfSite,
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

impl GraphqlErrors {
    /// Reads them from a GraphQL response body. Only a body that names `"errors"` is parsed
    /// (a page of 100 identities has none), and anything that is not GitHub's shape says
    /// nothing.
    pub fn read(body: &str) -> Self {
        #[derive(serde::Deserialize)]
        struct Body {
            #[serde(default)]
            errors: Vec<Error>,
        }
        #[derive(serde::Deserialize)]
        struct Error {
            #[serde(rename = "type", default)]
            kind: Option<String>,
            #[serde(default)]
            extensions: Option<serde_json::Value>,
        }
        if !body.contains("\"errors\"") {
            return Self::default();
        }
        let errors =
            serde_json::from_slice::<Body>(body.as_bytes()).map_or(Vec::new(), |b| b.errors);
        Self {
            saml_failure: errors.iter().any(|e| {
                let flag = e.extensions.as_ref().map(|x| &x["saml_failure"]);
                flag.and_then(serde_json::Value::as_bool) == Some(true)
            }),
            rate_limited: errors
                .iter()
                .any(|e| e.kind.as_deref() == Some("RATE_LIMITED")),
        }
    }
}
