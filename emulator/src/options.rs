//! Command-line flags of `scim-emulator`; `--help` prints these doc comments.
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::http::HeaderValue;
use clap::Parser;

use crate::state::TokenState;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "scim-emulator",
    about = "Emulates GitHub's organization SCIM API on loopback for the scim-admin console and its tests"
)]
pub struct Options {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub listen: SocketAddr,

    /// Organization login the emulator answers for (matched case-insensitively, as GitHub does).
    #[arg(long, default_value = "acme-corp")]
    pub org: String,

    /// A bearer token and its SAML session state, as VALUE=STATE; STATE is one of
    /// `authorized`, `sso-required`, `read-only`, `member`. Repeatable. Any other token gets 401.
    #[arg(long = "token", value_parser = parse_token, required = true)]
    pub tokens: Vec<(String, TokenState)>,

    /// Create this many realistic, deterministic identities at start.
    #[arg(long, default_value_t = 0)]
    pub seed_users: usize,

    /// Keep the identities in this JSON file: loaded at start (seeding only when it does not
    /// exist yet), rewritten atomically after every change.
    #[arg(long)]
    pub data: Option<PathBuf>,

    /// Primary rate limit: requests per hour per token. Every answer carries `x-ratelimit-*`;
    /// past the budget, 403 with `retry-after`.
    #[arg(long, default_value_t = crate::state::DEFAULT_RATE_LIMIT)]
    pub rate_limit: u64,

    /// Mount the emulator-only test interface under `/_emulator/` (token states, fault
    /// injection, request log, reset). Off by default: GitHub has no such path.
    #[arg(long)]
    pub test_control: bool,

    /// With --test-control: the one origin (e.g. `http://127.0.0.1:8000`) allowed to call
    /// `/_emulator/` from a web page, with CORS. Off by default: no page may use it.
    #[arg(long, requires = "test_control", value_parser = parse_origin)]
    pub control_origin: Option<HeaderValue>,

    /// Serve the built console from this directory at `/`, with a `config.json` that points
    /// the console at this emulator.
    #[arg(long = "static")]
    pub static_dir: Option<PathBuf>,

    /// SAML is configured at this enterprise instead of the organization: GraphQL
    /// `organization.samlIdentityProvider` is null and `enterprise(slug:)` serves the
    /// external identities to `authorized` tokens (enterprise owners).
    #[arg(long, value_name = "SLUG")]
    pub enterprise_saml: Option<String>,
}

fn parse_token(raw: &str) -> Result<(String, TokenState), String> {
    let (value, state) = raw
        .split_once('=')
        .ok_or_else(|| format!("expected VALUE=STATE, got `{raw}`"))?;
    if value.is_empty() {
        return Err("the token value is empty".into());
    }
    Ok((value.to_owned(), state.parse()?))
}

/// `scheme://host[:port]` exactly as a browser sends it in `Origin`: no path, no wildcard.
fn parse_origin(raw: &str) -> Result<HeaderValue, String> {
    let (scheme, rest) = raw
        .split_once("://")
        .ok_or_else(|| format!("expected an origin like http://127.0.0.1:8000, got `{raw}`"))?;
    let host_ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    if !matches!(scheme, "http" | "https") || !host_ok {
        return Err(format!(
            "expected an origin like http://127.0.0.1:8000 (scheme, host, port; no path), got `{raw}`"
        ));
    }
    HeaderValue::from_str(raw).map_err(|e| e.to_string())
}
