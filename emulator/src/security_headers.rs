//! The site's security headers (CSP and the rest), from the same file the nginx configuration
//! is rendered from (`deploy/security-headers`), so every page the emulator serves, and with it
//! the whole Playwright suite, runs under the policy that is deployed.
use axum::http::{HeaderName, HeaderValue};
use axum::response::Response;

const SOURCE: &str = include_str!("../../deploy/security-headers");

/// The headers, with `connect-src 'self'` only: the console served by `--static` calls the
/// emulator on its own origin.
pub fn headers() -> Vec<(HeaderName, HeaderValue)> {
    SOURCE
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (name, value) = line.split_once(": ")?;
            let value = value.replace("@CONNECT_SRC@", "");
            Some((
                HeaderName::from_bytes(name.as_bytes()).ok()?,
                HeaderValue::from_str(&value).ok()?,
            ))
        })
        .collect()
}

/// Adds them to an answer (replacing any of the same name).
pub fn apply(headers: &[(HeaderName, HeaderValue)], mut response: Response) -> Response {
    for (name, value) in headers {
        response.headers_mut().insert(name.clone(), value.clone());
    }
    response
}
