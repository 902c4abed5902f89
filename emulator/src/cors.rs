//! CORS as api.github.com answers it (contracts/NOTES.md): any origin, GitHub's request headers
//! allowed, and the headers a browser client needs exposed so it can read them cross-origin.
use axum::http::{HeaderName, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

const ALLOWED: &[&str] = &[
    "authorization",
    "content-type",
    "if-match",
    "if-none-match",
    "accept",
    "x-github-api-version",
    "x-requested-with",
    "x-github-otp",
];
const EXPOSED: &[&str] = &[
    "etag",
    "link",
    "location",
    "retry-after",
    "x-github-otp",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-used",
    "x-ratelimit-resource",
    "x-ratelimit-reset",
    "x-oauth-scopes",
    "x-accepted-oauth-scopes",
    "x-poll-interval",
    "x-github-media-type",
    "x-github-sso",
    "x-github-request-id",
    "deprecation",
    "sunset",
];

fn names(list: &'static [&'static str]) -> Vec<HeaderName> {
    list.iter().map(|h| HeaderName::from_static(h)).collect()
}

pub fn github_cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PATCH,
            Method::PUT,
            Method::DELETE,
        ])
        .allow_headers(names(ALLOWED))
        .expose_headers(names(EXPOSED))
        .max_age(std::time::Duration::from_secs(86_400))
}
