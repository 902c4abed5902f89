//! One HTTP attempt through `fetch`, with a timeout and the caller's cancel signal. No retries
//! and no interpretation here: `client` decides what an answer means.
use console_core::answer::Response;
use console_core::retry::{Method, RateLimit};
use gloo_net::http::{Method as HttpMethod, RequestBuilder};
use web_sys::AbortSignal;

use super::cancel::Cancel;

/// What came back, with the headers the console needs (readable cross-origin thanks to
/// GitHub's `Access-Control-Expose-Headers`).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    /// The bytes as they came (decoded straight from them: no detour through a JS string).
    pub body: Vec<u8>,
    pub sso: Option<String>,
    pub limits: RateLimit,
    pub request_id: Option<String>,
    /// `X-OAuth-Scopes` (classic tokens only): tells a read-only token before a write fails.
    pub scopes: Option<String>,
    /// `Link` (GitHub's paged REST lists): only its page numbers are ever used.
    pub link: Option<String>,
    /// `X-Scim-Admin-Site`: set on the answers the site's proxy gives itself (proxy mode).
    pub site: Option<String>,
}

impl Reply {
    /// The body as text (GitHub sends UTF-8; anything else is replaced, never a failure).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The parts `console_core::answer::Answer::classify` reads.
    pub fn response(&self) -> Response<'_> {
        Response {
            status: self.status,
            sso: self.sso.as_deref(),
            scopes: self.scopes.as_deref(),
            limits: self.limits,
            graphql: None,
            site: self.site.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Network(String),
    Timeout,
    Cancelled,
}

/// Which of GitHub's APIs a request is for: it decides the media types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// `/scim/v2/…`: `application/scim+json` both ways.
    Scim,
    /// The REST API (`/orgs/…`): `application/vnd.github+json`.
    Rest,
    /// `POST /graphql`: a JSON body, answered in JSON.
    Graphql,
}

impl Api {
    fn accept(self) -> &'static str {
        match self {
            Api::Scim => scim::SCIM_MEDIA_TYPE,
            Api::Rest | Api::Graphql => "application/vnd.github+json",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Api::Scim => scim::SCIM_MEDIA_TYPE,
            Api::Rest | Api::Graphql => "application/json",
        }
    }
}

pub struct Outgoing<'a> {
    pub api: Api,
    pub method: Method,
    pub url: &'a str,
    /// `None` in proxy mode: the proxy adds the credential.
    pub token: Option<&'a str>,
    pub body: Option<&'a str>,
    pub timeout_ms: u32,
}

pub async fn attempt(request: &Outgoing<'_>, cancel: &Cancel) -> Result<Reply, Failure> {
    if cancel.is_cancelled() {
        return Err(Failure::Cancelled);
    }
    let timeout = AbortSignal::timeout_with_u32(request.timeout_ms);
    let signal = match cancel.signal() {
        Some(own) => AbortSignal::any(&js_sys::Array::of2(&own, &timeout)),
        None => timeout.clone(),
    };
    let method = match request.method {
        Method::Get => HttpMethod::GET,
        Method::Post => HttpMethod::POST,
        Method::Put => HttpMethod::PUT,
        Method::Patch => HttpMethod::PATCH,
        Method::Delete => HttpMethod::DELETE,
    };
    let mut builder = RequestBuilder::new(request.url)
        .method(method)
        .header("Accept", request.api.accept())
        // Names the caller: GitHub's CORS allows it, and the site's proxy refuses writes
        // without it (a form on another site cannot add it).
        .header("X-Requested-With", "scim-admin")
        .abort_signal(Some(&signal));
    if let Some(token) = request.token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let sent = match request.body {
        Some(body) => match builder
            .header("Content-Type", request.api.content_type())
            .body(body)
        {
            Ok(built) => built.send().await,
            Err(e) => return Err(Failure::Network(e.to_string())),
        },
        None => builder.send().await,
    };
    let failure = |e: gloo_net::Error| {
        if cancel.is_cancelled() {
            Failure::Cancelled
        } else if timeout.aborted() {
            Failure::Timeout
        } else {
            Failure::Network(e.to_string())
        }
    };
    let response = sent.map_err(failure)?;
    let headers = response.headers();
    let limits = RateLimit::from_headers(|name| headers.get(name));
    let sso = headers.get("x-github-sso");
    let request_id = headers.get("x-github-request-id");
    let scopes = headers.get("x-oauth-scopes");
    let link = headers.get("link");
    let site = headers.get("x-scim-admin-site");
    let status = response.status();
    let body = response.binary().await.map_err(failure)?;
    Ok(Reply {
        status,
        body,
        sso,
        limits,
        request_id,
        scopes,
        link,
        site,
    })
}
