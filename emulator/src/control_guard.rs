//! Who may use `/_emulator/`: the test scripts (no `Origin`), the emulator's own pages, and the
//! one origin given with `--control-origin`, always from this machine (the connection's peer is
//! a loopback address) and through a loopback name. Anything else (a caller on the network, a
//! cross-site form post, a `no-cors` fetch, a page on a rebinding DNS name) is refused with 403
//! before it changes or reveals anything; CORS alone would only hide answers. The `Host` header
//! is the caller's to write, so it alone proves nothing about where the caller is.
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::listener::Peer;

pub async fn refuse_foreign_callers(
    State(allowed): State<Option<HeaderValue>>,
    request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<Peer>>()
        .map(|info| info.0.addr.ip());
    // No connection known (a request built in-process) counts as a stranger.
    if !peer.is_some_and(|ip| ip.to_canonical().is_loopback()) {
        return (
            StatusCode::FORBIDDEN,
            "the test interface answers callers on this machine only",
        )
            .into_response();
    }
    match refusal(request.headers(), allowed.as_ref()) {
        Some(why) => (StatusCode::FORBIDDEN, why).into_response(),
        None => next.run(request).await,
    }
}

fn refusal(headers: &HeaderMap, allowed: Option<&HeaderValue>) -> Option<&'static str> {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let host = text(header::HOST).unwrap_or("");
    if !is_loopback(host) {
        return Some("the test interface answers on a loopback address only");
    }
    let origin = headers.get(header::ORIGIN)?;
    let own = HeaderValue::from_str(&format!("http://{host}")).ok();
    if Some(origin) == allowed || Some(origin) == own.as_ref() {
        return None;
    }
    Some("the test interface refuses requests from other origins")
}

/// `127.0.0.1:8787`, `[::1]:8787`, `localhost:8787`: never a name someone else's DNS answers.
fn is_loopback(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
