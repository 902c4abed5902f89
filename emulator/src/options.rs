//! Command-line flags of `scim-emulator`; `--help` prints these doc comments.
use std::net::SocketAddr;
use std::path::PathBuf;

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
    /// `authorized`, `sso-required`, `read-only`. Repeatable. Any other token gets 401.
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

    /// Serve the built console from this directory at `/`, with a `config.json` that points
    /// the console at this emulator.
    #[arg(long = "static")]
    pub static_dir: Option<PathBuf>,
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
